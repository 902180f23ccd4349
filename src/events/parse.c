/*
 * parse.c - the shallow parse of one coding unit, TABARI's way: split the
 * text into words (punctuation dropped except commas, quotes and the
 * periods of abbreviations), find each word's dictionary literals, assign
 * roots (longest match in characters wins), then mark nouns, compound
 * actor phrases ("Arnor, Osgiliath and Gondor"), comma-delimited
 * subordinate clauses (and null them), clauses split at conjunctions, and
 * pronoun references; check discards and the complexity filter.
 *
 * Each step is a pass over the word array; marks are head and tail tags on
 * words, as in TABARI, so the coder can walk phrases both ways.  Work per
 * unit is bounded: at most EV_MAX_WORDS words are parsed (TABARI cut at
 * 128), and every pass is linear or, for root matching, linear in the
 * roots that begin with the word's literals.
 */
#include "events/unit.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#define EV_MAX_WORDS 1024

/* ------------------------------------------------------------------------
 * Tags
 * ------------------------------------------------------------------------ */

int ev_tag_add(ev_unit *u, size_t word, int tail, uint32_t type, uint32_t idx)
{
	ev_word *w = &u->w[word];
	uint32_t *p = tail ? &w->tail : &w->head, id;
	if (ent_grow((void **)&u->tags, &u->tag_cap, u->ntag + 1, sizeof(ev_tag)) < 0)
		return ENT_ENOMEM;
	id = (uint32_t)u->ntag++;
	u->tags[id].type = type;
	u->tags[id].idx = idx;
	u->tags[id].next = 0;
	while (*p)
		p = &u->tags[*p - 1].next;
	*p = id + 1;
	if (tail)
		w->tmask |= ev_tag_bit(type);
	else
		w->hmask |= ev_tag_bit(type);
	return 0;
}

uint32_t ev_get_tail_idx(const ev_unit *u, size_t i, uint32_t type)
{
	uint32_t l = u->w[i].tail;
	while (l) {
		if (u->tags[l - 1].type == type)
			return u->tags[l - 1].idx;
		l = u->tags[l - 1].next;
	}
	return 0;
}

int ev_check_head(const ev_unit *u, size_t i, uint32_t type, uint32_t idx)
{
	uint32_t l = u->w[i].head;
	while (l) {
		if (u->tags[l - 1].type == type && u->tags[l - 1].idx == idx)
			return 1;
		l = u->tags[l - 1].next;
	}
	return 0;
}

/* Change the first tag of type `from` on a word's head or tail list. */
static void change_tag(ev_unit *u, size_t word, int tail, uint32_t from,
                       uint32_t to)
{
	ev_word *w = &u->w[word];
	uint32_t l = tail ? w->tail : w->head;
	while (l) {
		if (u->tags[l - 1].type == from) {
			u->tags[l - 1].type = to;
			if (tail)
				w->tmask |= ev_tag_bit(to);
			else
				w->hmask |= ev_tag_bit(to);
			return;
		}
		l = u->tags[l - 1].next;
	}
}

/* The word a dereferenced pronoun points to, or -1. */
int ev_get_reference(const ev_unit *u, size_t i)
{
	uint32_t l = u->w[i].head;
	while (l) {
		if (u->tags[l - 1].type & EV_T_REFER)
			return (int)(u->tags[l - 1].type & ~EV_T_REFER);
		l = u->tags[l - 1].next;
	}
	return -1;
}

/* 0 not in the word's literals, 1 partial, 2 exact. */
int ev_word_has_lit(const ev_unit *u, size_t i, uint32_t lit)
{
	const ev_word *w = &u->w[i];
	uint32_t k;
	for (k = 0; k < w->nlit; k++)
		if (u->litl[w->lit0 + k].lit == lit)
			return u->litl[w->lit0 + k].exact ? 2 : 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Words
 * ------------------------------------------------------------------------ */

enum { C_SEP, C_WORD, C_COMMA, C_QUOTE, C_DOT, C_COMMA_NUM };

static int is_digit_at(const char *t, size_t i, size_t end)
{
	return i < end && t[i] >= '0' && t[i] <= '9';
}

/* The class of the code point at t[i] (length *len). */
static int classify(const char *t, size_t i, size_t start, size_t end,
                    int *len, int32_t *cpo)
{
	unsigned char c = (unsigned char)t[i];
	int32_t cp;
	*len = 1;
	*cpo = c;
	if (c < 0x80) {
		if (isalnum(c) || c == '\'' || c == '$')
			return C_WORD;
		switch (c) {
		case ',':
			if (i > start && is_digit_at(t, i - 1, end) &&
			    is_digit_at(t, i + 1, end))
				return C_COMMA_NUM;
			return C_COMMA;
		case ';': case ':': case '(': case ')':
			return C_COMMA;
		case '"':
			return C_QUOTE;
		case '.':
			return C_DOT;
		default:
			return C_SEP;
		}
	}
	*len = ent_utf8_decode((const unsigned char *)t + i, end - i, &cp);
	*cpo = cp;
	if (cp < 0)
		return C_SEP;
	switch (cp) {
	case 0x2018: case 0x2019: case 0x02BC:
		return C_WORD;                      /* apostrophes */
	case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
		return C_QUOTE;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_WORD;
	default:
		return C_SEP;
	}
}

static int is_upper_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	{
		utf8proc_category_t k = utf8proc_category(cp);
		return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
	}
}

static int is_lower_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int add_word(ev_unit *u, size_t s, size_t e, int sym)
{
	ev_word *w;
	if (ent_grow((void **)&u->w, &u->w_cap, u->nw + 2, sizeof(ev_word)) < 0)
		return ENT_ENOMEM;
	w = &u->w[u->nw++];
	memset(w, 0, sizeof(*w));
	w->start = (uint32_t)s;
	w->end = (uint32_t)e;
	w->sym = (uint8_t)sym;
	w->ext = -1;
	w->csrc = -1;
	w->ctar = -1;
	w->fold = (uint32_t)u->fold_len;
	return 0;
}

static int fold_put(ev_unit *u, const char *s, size_t n)
{
	if (ent_grow((void **)&u->fold, &u->fold_cap, u->fold_len + n * 3 + 8, 1) < 0)
		return ENT_ENOMEM;
	if (n == 1 && (unsigned char)s[0] < 0x80) {
		u->fold[u->fold_len++] = (char)tolower((unsigned char)s[0]);
	} else {
		size_t k = ent_text_fold(u->fold + u->fold_len, n * 3 + 8, s, n);
		if (k > n * 3 + 7)
			k = 0;
		u->fold_len += k;
	}
	return 0;
}

static inline int push_lit(ev_unit *u, ev_word *w, uint32_t lid, uint32_t exact)
{
	if (u->nlitl + 1 > u->litl_cap &&
	    ent_grow((void **)&u->litl, &u->litl_cap, u->nlitl + 1, sizeof(ev_litm)) < 0)
		return ENT_ENOMEM;
	u->litl[u->nlitl].lit = lid;
	u->litl[u->nlitl].exact = exact;
	u->nlitl++;
	w->nlit++;
	if (u->lit_stamp[lid] != u->stamp) {
		u->lit_stamp[lid] = u->stamp;
		if (!u->d->lits[lid].iskey)
			return 0;   /* ulits: only the words that file patterns */
		if (u->nulit + 1 > u->ulit_cap &&
		    ent_grow((void **)&u->ulits, &u->ulit_cap, u->nulit + 1,
		         sizeof(uint32_t)) < 0)
			return ENT_ENOMEM;
		u->ulits[u->nulit++] = lid;
	}
	return 0;
}

/* Find the literals of a word: every dictionary literal that is a prefix
 * of it (a one-letter literal only when the next character is not a letter
 * or digit, as in TABARI).  A small direct-mapped cache keeps the answer
 * for frequent words. */
static int word_literals(ev_unit *u, ev_word *w)
{
	const ent_evdict *d = u->d;
	const char *f = u->fold + w->fold;
	size_t L = w->flen, i;
	uint64_t h = 0xcbf29ce484222325ULL, key;
	ev_wcache *ce = NULL;
	uint32_t lits[EV_WC_LITS], exact[EV_WC_LITS], n = 0;
	int cacheable = 1, rc;

	w->lit0 = (uint32_t)u->nlitl;
	w->nlit = 0;
	if (!d->prefix_map.cap)
		return 0;
	if (u->wcache) {
		key = ent_hash_bytes(f, L) | 1;
		ce = &u->wcache[key & (EV_WC_SIZE - 1)];
		if (ce->key == key && ce->len == L) {
			for (i = 0; i < ce->nlit; i++)
				if ((rc = push_lit(u, w, ce->lits[i], ce->exact[i])) < 0)
					return rc;
			return 0;
		}
	} else
		key = 0;
	for (i = 0; i < L; i++) {
		uint64_t k;
		uint32_t v, lid;
		h = (h ^ (unsigned char)f[i]) * 0x100000001b3ULL;
		k = ent_hash_mix(h);
		if (!k)
			k = 1;
		v = ent_map64_get(&d->prefix_map, k, 0);
		if (!v)
			break;
		lid = v & ~EV_PFX_LONGER;
		if (lid && d->lits[lid].len == i + 1 &&
		    memcmp(ev_str(d, d->lits[lid].str), f, i + 1) == 0 &&
		    !(i == 0 && L > 1 && isalnum((unsigned char)f[1]))) {
			if ((rc = push_lit(u, w, lid, i + 1 == L)) < 0)
				return rc;
			if (n < EV_WC_LITS) {
				lits[n] = lid;
				exact[n] = i + 1 == L;
				n++;
			} else
				cacheable = 0;
		}
		if (!(v & EV_PFX_LONGER))
			break;
	}
	if (ce && cacheable) {
		ce->key = key;
		ce->len = (uint32_t)L;
		ce->nlit = n;
		for (i = 0; i < n; i++) {
			ce->lits[i] = lits[i];
			ce->exact[i] = (uint8_t)exact[i];
		}
	}
	return 0;
}

/* ASCII classes and folds, by table. */
static unsigned char ascii_cls[128];
static char ascii_fold[128];

static void ascii_tables(void)
{
	int c;
	if (ascii_fold['A'])
		return;
	for (c = 0; c < 128; c++) {
		ascii_fold[c] = (char)tolower(c);
		if (isalnum(c) || c == '\'' || c == '$')
			ascii_cls[c] = C_WORD;
		else if (c == ',')
			ascii_cls[c] = C_COMMA_NUM; /* decided by the neighbours */
		else if (c == ';' || c == ':' || c == '(' || c == ')')
			ascii_cls[c] = C_COMMA;
		else if (c == '"')
			ascii_cls[c] = C_QUOTE;
		else if (c == '.')
			ascii_cls[c] = C_DOT;
		else
			ascii_cls[c] = C_SEP;
	}
}

int ev_unit_words(ev_unit *u, const char *text, size_t start, size_t end)
{
	size_t i = start;
	int inword = 0, lower = 0, rc;
	int32_t prev_cp = 0;
	size_t need = (end - start) * 3 + 16;

	ascii_tables();
	u->text = text;
	if (u->lit_stamp_cap < u->d->nlit) {
		uint32_t *q = ent_realloc(u->lit_stamp, u->d->nlit * sizeof(uint32_t));
		if (!q)
			return ENT_ENOMEM;
		memset(q + u->lit_stamp_cap, 0,
		       (u->d->nlit - u->lit_stamp_cap) * sizeof(uint32_t));
		u->lit_stamp = q;
		u->lit_stamp_cap = u->d->nlit;
	}
	if (++u->stamp == 0) {
		memset(u->lit_stamp, 0, u->lit_stamp_cap * sizeof(uint32_t));
		u->stamp = 1;
	}
	u->nw = 0;
	u->fold_len = 0;
	u->nlitl = 0;
	u->nulit = 0;
	u->classified = 0;
	u->ntag = 0;
	u->tag_serial = 0;
	u->first_cap_seen = 0;
	if (ent_grow((void **)&u->fold, &u->fold_cap, need, 1) < 0)
		return ENT_ENOMEM;

	while (i < end) {
		int len, cls;
		int32_t cp;
		unsigned char c = (unsigned char)text[i];
		if (u->opt.fbis && c == '[') {
			/* FBIS: bracketed text is a header, not news */
			const char *cb = memchr(text + i, ']', end - i);
			if (inword) {
				u->w[u->nw - 1].end = (uint32_t)i;
				inword = 0;
			}
			i = cb ? (size_t)(cb - text) + 1 : end;
			continue;
		}
		if (c < 0x80) {
			cls = ascii_cls[c];
			len = 1;
			cp = c;
			if (cls == C_WORD) {
				/* the common case: a run of ASCII word characters */
				size_t j = i;
				char *f;
				if (!inword) {
					if (u->nw >= EV_MAX_WORDS)
						break;
					if ((rc = add_word(u, i, i + 1, 0)) < 0)
						return rc;
					inword = 1;
					if (c >= 'A' && c <= 'Z')
						u->w[u->nw - 1].caps = 1;
				}
				if (u->fold_len + (end - i) + 1 > u->fold_cap &&
				    ent_grow((void **)&u->fold, &u->fold_cap,
				         u->fold_len + (end - i) + 64, 1) < 0)
					return ENT_ENOMEM;
				f = u->fold + u->fold_len;
				do {
					lower |= c >= 'a' && c <= 'z';
					*f++ = ascii_fold[c];
					j++;
				} while (j < end && (c = (unsigned char)text[j]) < 0x80 &&
				         ascii_cls[c] == C_WORD);
				u->fold_len = (size_t)(f - u->fold);
				u->w[u->nw - 1].end = (uint32_t)j;
				prev_cp = (unsigned char)text[j - 1];
				i = j;
				continue;
			}
			if (cls == C_COMMA_NUM &&
			    !(i > start && is_digit_at(text, i - 1, end) &&
			      is_digit_at(text, i + 1, end)))
				cls = C_COMMA;
		} else
			cls = classify(text, i, start, end, &len, &cp);
		if (cls == C_DOT) {
			/* kept inside numbers and after a capital (U.S.) */
			if ((i > start && is_digit_at(text, i - 1, end) &&
			     is_digit_at(text, i + 1, end)) ||
			    (inword && is_upper_cp(prev_cp)))
				cls = C_WORD;
			else
				cls = C_SEP;
		}
		if (cls == C_COMMA_NUM) {
			/* "50,000" is one word, without the comma */
			prev_cp = cp;
			i += len;
			continue;
		}
		if (cls == C_WORD) {
			if (!inword) {
				if (u->nw >= EV_MAX_WORDS)
					break;
				if ((rc = add_word(u, i, i + (size_t)len, 0)) < 0)
					return rc;
				inword = 1;
				if (is_upper_cp(cp))
					u->w[u->nw - 1].caps = 1;
			}
			if (is_lower_cp(cp))
				lower = 1;
			if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC)
				rc = fold_put(u, "'", 1);
			else
				rc = fold_put(u, text + i, (size_t)len);
			if (rc < 0)
				return rc;
			u->w[u->nw - 1].end = (uint32_t)(i + (size_t)len);
			prev_cp = cp;
			i += len;
			continue;
		}
		inword = 0;
		if (cls == C_COMMA || cls == C_QUOTE) {
			if (u->nw >= EV_MAX_WORDS)
				break;
			if ((rc = add_word(u, i, i + (size_t)len,
			                   cls == C_COMMA ? EV_SYM_COMMA : EV_SYM_QUOTE)) < 0)
				return rc;
		}
		prev_cp = cp;
		i += len;
	}
	u->all_caps = !lower;
	/* fold lengths, capitals, literals, numbers */
	for (i = 0; i < u->nw; i++) {
		ev_word *w = &u->w[i];
		w->flen = (uint32_t)((i + 1 < u->nw ? u->w[i + 1].fold : u->fold_len) -
		                     w->fold);
		if (u->all_caps || !w->caps)
			w->caps = 0;
		else if (!u->first_cap_seen) {
			w->caps = 1;   /* the first capitalised word */
			u->first_cap_seen = 1;
		} else
			w->caps = 2;   /* a capital in mid-sentence */
		if (w->sym == EV_SYM_COMMA) {
			w->wtype = EV_W_COMMA;
			continue;
		}
		if (w->sym)
			continue;
		if ((rc = word_literals(u, w)) < 0)
			return rc;
		if (w->nlit == 0 && w->flen && isdigit((unsigned char)u->fold[w->fold])) {
			w->sym = EV_SYM_NUMBER;
			w->wtype = EV_W_NUMBER;
		}
	}
	if (ent_grow((void **)&u->w, &u->w_cap, u->nw + 1, sizeof(ev_word)) < 0)
		return ENT_ENOMEM;
	memset(&u->w[u->nw], 0, sizeof(ev_word));
	u->w[u->nw].wtype = EV_W_HALT;
	u->w[u->nw].ext = -1;
	u->nwall = u->nw + 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Roots
 * ------------------------------------------------------------------------ */

/* Does root r match from word i?  TABARI's lexical rule: each element must
 * be among the word's literals; a partial match (the word is longer) is
 * fine after an open connector, else only with a regular ending on the
 * last element (S, 'S, ES for nouns; S, ED, ES, EN, ING, D for verbs). */
int ev_lexmatch(ev_unit *u, const ev_root *r, size_t i, int *nmatch,
                int *matched, int *nmatched)
{
	const ent_evdict *d = u->d;
	const ev_el *e = d->els + r->phrase;
	int skip = 0, fm = 0;
	size_t p = i;
	*nmatch = 0;
	*nmatched = 0;
	while (e->lit && p < u->nw) {
		const ev_word *w = &u->w[p];
		uint32_t k;
		int found = 0, exact = 0;
		fm = 0;
		if (w->wtype == EV_W_COMMA)
			return 0;
		if (!u->compat && w->ext >= 0 && r->type != EV_W_ACTOR)
			found = 0; /* our actors are not parts of other phrases */
		else
			for (k = 0; k < w->nlit; k++)
				if (u->litl[w->lit0 + k].lit == e->lit) {
					found = 1;
					exact = (int)u->litl[w->lit0 + k].exact;
					break;
				}
		if (!found) {
			if (skip) {
				p++;
				continue;
			}
			return 0;
		}
		fm = 1;
		*nmatch += (int)d->lits[e->lit].len;
		if (*nmatched < 256)
			matched[(*nmatched)++] = (int)p;
		if (!exact && !(e->conn & EV_C_SKIP)) {
			const char *rest = u->fold + w->fold + d->lits[e->lit].len;
			size_t rl = w->flen - d->lits[e->lit].len;
			if (e->conn == EV_C_EQUAL)
				return 0;
			if (e[1].lit)
				return 0;  /* endings only on the last element */
			if (r->type == EV_W_ACTOR || r->type == EV_W_AGENT ||
			    r->type == EV_W_NOUN) {
				if (rl == 1 && rest[0] == 's') {
					*nmatch += 1;
					return 1;
				}
				if (rl == 2 && rest[1] == 's' &&
				    (rest[0] == '\'' || rest[0] == 'e')) {
					*nmatch += 2;
					return 1;
				}
			}
			if (r->type == EV_W_VERB) {
				if (rl == 1 && rest[0] == 's') {
					*nmatch += 1;
					return 1;
				}
				if (rl == 2 && rest[0] == 'e' &&
				    (rest[1] == 'd' || rest[1] == 's' || rest[1] == 'n')) {
					*nmatch += 2;
					return 1;
				}
				if (rl == 3 && memcmp(rest, "ing", 3) == 0) {
					*nmatch += 3;
					return 1;
				}
				if (rl == 1 && rest[0] == 'd' && rest[-1] == 'e') {
					*nmatch += 1;
					return 1;
				}
			}
			return 0;
		}
		skip = (e->conn & EV_C_PART) != 0;
		p++;
		e++;
	}
	if (e->lit)
		return 0;
	return fm;
}

static int assign_roots(ev_unit *u)
{
	const ent_evdict *d = u->d;
	int matched[256], best[256], nm, nbest, rc;
	size_t i;

	for (i = 0; i < u->nw; i++) {
		ev_word *w = &u->w[i];
		uint32_t k, bestroot = 0;
		int bestn = 0;
		if (w->wtype != EV_W_NULL || w->nlit == 0)
			continue;
		for (k = 0; k < w->nlit; k++) {
			uint32_t lit = u->litl[w->lit0 + k].lit, r;
			for (r = d->lits[lit].first; r; r = d->roots[r - 1].next) {
				const ev_root *root = &d->roots[r - 1];
				int n;
				if (root->dead)
					continue;
				if (!u->compat && (root->type == EV_W_ACTOR ||
				                   root->type == EV_W_AGENT))
					continue;
				if (ev_lexmatch(u, root, i, &n, matched, &nm) && n > bestn) {
					bestn = n;
					bestroot = r;
					memcpy(best, matched, (size_t)nm * sizeof(int));
					nbest = nm;
				}
			}
		}
		if (bestn) {
			const ev_root *root = &d->roots[bestroot - 1];
			uint32_t idx = ++u->tag_serial;
			int j, type = root->type;
			w->root = bestroot;
			if ((rc = ev_tag_add(u, i, 0, (uint32_t)type, idx)) < 0)
				return rc;
			for (j = 0; j < nbest; j++)
				u->w[best[j]].wtype = (uint8_t)type;
			if ((rc = ev_tag_add(u, (size_t)best[nbest - 1], 1, (uint32_t)type,
			                     idx)) < 0)
				return rc;
		}
	}
	return 0;
}

/* Discard phrases and issue phrases, matched on their own. */
static int aux_phrases(ev_unit *u)
{
	const ent_evdict *d = u->d;
	int matched[256], nm;
	size_t i;
	for (i = 0; i < u->nw; i++) {
		const ev_word *w = &u->w[i];
		uint32_t k;
		for (k = 0; k < w->nlit; k++) {
			uint32_t lit = u->litl[w->lit0 + k].lit, r;
			for (r = d->lits[lit].xfirst; r; r = d->roots[r - 1].next) {
				const ev_root *root = &d->roots[r - 1];
				int n;
				if (root->dead || !ev_lexmatch(u, root, i, &n, matched, &nm))
					continue;
				if (root->type == EV_W_DISCARD) {
					if (root->special > u->discard)
						u->discard = root->special;
				} else if (root->type == EV_W_ISSUE) {
					if (ent_grow((void **)&u->issues, &u->issue_cap, u->nissue + 1,
					         sizeof(uint32_t)) < 0)
						return ENT_ENOMEM;
					u->issues[u->nissue++] = r - 1;
				}
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Marking passes (TABARI's order)
 * ------------------------------------------------------------------------ */

/* Is root r's actor code "---" on the unit's date? */
static int null_actor(const ev_unit *u, uint32_t r)
{
	size_t cnt;
	const ev_apart *p = ev_acode_resolve(u->d, u->d->roots[r - 1].code,
	                                      u->date, &cnt);
	return p && p[0].actor == EV_S_NULL;
}

static int root_code_is(const ev_unit *u, uint32_t r, uint32_t special)
{
	const ev_root *root = &u->d->roots[r - 1];
	switch (root->type) {
	case EV_W_ACTOR: {
		size_t cnt;
		const ev_apart *p = ev_acode_resolve(u->d, root->code, u->date, &cnt);
		return p && p[0].actor == special;
	}
	case EV_W_VERB:
	case EV_W_ATTRIB:
		return root->code && u->d->ecodes[root->code - 1].code == special;
	case EV_W_TIME:
		return root->code && u->d->tcodes[root->code - 1].special == special;
	default:
		return 0;
	}
}

/* Find the tail of the root (type, idx) that heads at word i. */
static size_t root_tail(const ev_unit *u, size_t i, uint32_t type, uint32_t idx)
{
	size_t k = i;
	while (k < u->nw && !ev_tail_idx(u, k, type, idx))
		k++;
	return k < u->nw ? k : i;
}

static void mark_nouns(ev_unit *u)
{
	size_t i;
	for (i = 0; i < u->nw; i++) {
		ev_word *w = &u->w[i];
		uint32_t idx;
		if (w->wtype == EV_W_VERB && i > 0) {
			if (u->compat && (u->w[i - 1].wtype == EV_W_DETERM || w->caps == 2)) {
				w->wtype = EV_W_NOUN;
				if (ev_head_idx(u, i, EV_W_VERB, &idx)) {
					size_t t = root_tail(u, i, EV_W_VERB, idx), k;
					change_tag(u, i, 0, EV_W_VERB, EV_W_NOUN);
					for (k = i + 1; k <= t; k++)
						if (u->w[k].wtype == EV_W_VERB &&
						    !ev_has_head(u, k, EV_W_VERB))
							u->w[k].wtype = EV_W_NOUN;
					change_tag(u, t, 1, EV_W_VERB, EV_W_NOUN);
				}
			}
		} else if (w->wtype == EV_W_ACTOR && w->root &&
		           ev_head_idx(u, i, EV_W_ACTOR, &idx) &&
		           null_actor(u, w->root)) {
			size_t t = root_tail(u, i, EV_W_ACTOR, idx), k;
			change_tag(u, i, 0, EV_W_ACTOR, EV_W_NOUN);
			w->wtype = EV_W_NOUN;
			for (k = i + 1; k <= t; k++)
				if (u->w[k].wtype == EV_W_ACTOR &&
				    !ev_has_head(u, k, EV_W_ACTOR))
					u->w[k].wtype = EV_W_NOUN;
			change_tag(u, t, 1, EV_W_ACTOR, EV_W_NOUN);
			i = t;
		}
	}
}

/* SET: CONV: an agent with no actor beside it is an actor. */
static void convert_agents(ev_unit *u)
{
	size_t a = 0;
	while (a < u->nw) {
		if (u->w[a].wtype == EV_W_AGENT && ev_has_head(u, a, EV_W_AGENT)) {
			uint32_t idx;
			size_t h = a, t;
			ev_head_idx(u, a, EV_W_AGENT, &idx);
			t = root_tail(u, a, EV_W_AGENT, idx);
			if (a > 0 && (u->w[a - 1].wtype == EV_W_ACTOR ||
			              ev_has_tail(u, a - 1, EV_W_ACTOR) ||
			              (u->w[a - 1].root &&
			               u->d->roots[u->w[a - 1].root - 1].special ==
			                   EV_F_FORMER))) {
				a = t + 1;
				continue;
			}
			if (!(t + 1 < u->nw && ev_has_head(u, t + 1, EV_W_ACTOR)) &&
			    !(t + 2 < u->nw && u->w[t + 1].wtype == EV_W_PREP &&
			      u->w[t + 2].wtype == EV_W_ACTOR)) {
				u->w[h].wtype = EV_W_ACTOR;
				change_tag(u, h, 0, EV_W_AGENT, EV_W_ACTOR);
				change_tag(u, t, 1, EV_W_AGENT, EV_W_ACTOR);
			}
			a = t + 1;
			continue;
		}
		a++;
	}
}

static int is_and(const ev_unit *u, size_t i)
{
	const ev_word *w = &u->w[i];
	if (w->wtype != EV_W_CONJ || !w->root)
		return 0;
	return u->d->roots[w->root - 1].special == EV_F_AND ||
	       u->d->roots[w->root - 1].special == EV_F_NOR;
}

/* "A, B and C": one compound actor phrase. */
static int mark_compound(ev_unit *u)
{
	size_t i;
	uint32_t cidx = 0;
	int rc;
	for (i = 0; i < u->nw; i++) {
		long p, pset = -1, pend = -1;
		int need = 0;
		if (!is_and(u, i))
			continue;
		for (p = (long)i + 1; p < (long)u->nw; p++) {
			uint8_t t = u->w[p].wtype;
			if (t != EV_W_ACTOR && t != EV_W_DETERM && t != EV_W_ADJ)
				break;
			if (t == EV_W_ACTOR && ev_has_head(u, (size_t)p, EV_W_ACTOR)) {
				while (p < (long)u->nw && !ev_has_tail(u, (size_t)p, EV_W_ACTOR))
					p++;
				pend = p;
			}
		}
		if (pend < 0)
			continue;
		for (p = (long)i; p >= 0; p--) {
			uint8_t t = u->w[p].wtype;
			if (t != EV_W_ACTOR && t != EV_W_CONJ && t != EV_W_COMMA &&
			    t != EV_W_DETERM && t != EV_W_ADJ)
				break;
			if (t == EV_W_CONJ || t == EV_W_COMMA)
				need = 0;
			if (t == EV_W_ACTOR) {
				if (need)
					break;
				while (p > 0 && !ev_has_head(u, (size_t)p, EV_W_ACTOR))
					p--;
				pset = p;
				need = 1;
			}
		}
		if (pset < 0)
			continue;
		cidx++;
		if ((rc = ev_tag_add(u, pset, 0, EV_T_COMPOUND, cidx)) < 0 ||
		    (rc = ev_tag_add(u, pend, 1, EV_T_COMPOUND, cidx)) < 0)
			return rc;
		/* an earlier compound inside this one is dropped */
		for (p = pset; p <= pend; p++) {
			uint32_t idx;
			if (ev_head_idx(u, (size_t)p, EV_T_COMPOUND, &idx) && idx < cidx) {
				long q = p;
				while (q < (long)u->nw && !ev_tail_idx(u, (size_t)q,
				                                        EV_T_COMPOUND, idx))
					q++;
				if (q < (long)u->nw) {
					change_tag(u, p, 0, EV_T_COMPOUND, EV_T_NULLTAG);
					change_tag(u, q, 1, EV_T_COMPOUND, EV_T_NULLTAG);
				}
			}
		}
		for (p = pset; p <= pend; p++)
			u->w[p].compound = 1;
	}
	return 0;
}

/* Comma-delimited subordinate clauses of the sizes the options give. */
static int mark_subordinate(ev_unit *u)
{
	size_t i = 0;
	uint32_t sidx = 1;
	int rc;
	while (i < u->nw) {
		if (ev_skip_segment(u, &i, EV_T_COMPOUND))
			continue;
		if (u->w[i].wtype == EV_W_COMMA) {
			size_t start = i;
			if ((long)i >= u->opt.sub_beg_min && (long)i <= u->opt.sub_beg_max &&
			    i > 0) {
				if ((rc = ev_tag_add(u, 0, 0, EV_T_SUBORD, sidx)) < 0 ||
				    (rc = ev_tag_add(u, i - 1, 1, EV_T_SUBORD, sidx)) < 0)
					return rc;
				sidx++;
			}
			i++;
			while (i < u->nw && u->w[i].wtype != EV_W_COMMA) {
				if (!ev_skip_segment(u, &i, EV_T_COMPOUND))
					i++;
			}
			if (i >= u->nw) {
				long cnt = (long)(u->nw - start) - 1;
				if (cnt >= u->opt.sub_end_min && cnt <= u->opt.sub_end_max) {
					if ((rc = ev_tag_add(u, start, 0, EV_T_SUBORD,
					                     sidx)) < 0 ||
					    (rc = ev_tag_add(u, u->nw - 1, 1, EV_T_SUBORD,
					                     sidx)) < 0)
						return rc;
					return 0;
				}
			} else {
				long cnt = (long)(i - start) - 1;
				if (cnt >= u->opt.sub_min && cnt <= u->opt.sub_max) {
					if ((rc = ev_tag_add(u, start, 0, EV_T_SUBORD,
					                     sidx)) < 0 ||
					    (rc = ev_tag_add(u, i, 1, EV_T_SUBORD,
					                     sidx)) < 0)
						return rc;
					sidx++;
				}
			}
		}
		if (i < u->nw)
			i++;
	}
	return 0;
}

/* Null everything inside the subordinate clauses. */
static void null_subordinate(ev_unit *u)
{
	size_t i = 0;
	if (u->nw && ev_has_head(u, 0, EV_T_SUBORD))
		u->w[0].wtype = EV_W_NULL;
	while (i < u->nw) {
		if (ev_has_head(u, i, EV_T_SUBORD)) {
			do {
				uint32_t l;
				i++;
				if (i >= u->nw)
					return;
				u->w[i].wtype = EV_W_NULL;
				for (l = u->w[i].head; l; l = u->tags[l - 1].next) {
					uint32_t tag = u->tags[l - 1].type;
					size_t k;
					if (tag == EV_T_NULLTAG || (tag & EV_T_REFER))
						continue;
					for (k = i; k < u->nw && !ev_has_tail(u, k, tag); k++)
						;
					u->w[i].wtype = EV_T_NULLTAG;
					u->tags[l - 1].type = EV_T_NULLTAG;
					u->w[i].hmask |= ev_tag_bit(EV_T_NULLTAG);
					if (k < u->nw)
						change_tag(u, k, 1, tag, EV_T_NULLTAG);
				}
				for (l = u->w[i].tail; l; l = u->tags[l - 1].next) {
					uint32_t tag = u->tags[l - 1].type;
					long k;
					if (tag == EV_T_NULLTAG || tag == EV_T_SUBORD ||
					    (tag & EV_T_REFER))
						continue;
					for (k = (long)i; k > 0 && !ev_has_head(u, (size_t)k, tag); k--)
						;
					if (!ev_has_head(u, (size_t)k, tag))
						continue;
					u->tags[l - 1].type = EV_T_NULLTAG;
					u->w[i].tmask |= ev_tag_bit(EV_T_NULLTAG);
					change_tag(u, k, 0, tag, EV_T_NULLTAG);
					u->w[k].wtype = EV_T_NULLTAG;
				}
			} while (!ev_has_tail(u, i, EV_T_SUBORD));
		}
		i++;
	}
}

/* Clauses: split at conjunctions, except "noun and (adjectives) noun" and
 * "adjective and adjective". */
static int mark_clauses(ev_unit *u)
{
	size_t i = 0;
	uint32_t cidx = 1;
	int rc;
	u->has_clauses = 0;
	if (!u->nw)
		return 0;
	if ((rc = ev_tag_add(u, 0, 0, EV_T_CLAUSE, cidx)) < 0)
		return rc;
	while (i < u->nw) {
		if (ev_skip_segment(u, &i, EV_T_COMPOUND))
			continue;
		if (ev_skip_segment(u, &i, EV_T_SUBORD))
			continue;
		if (i >= u->nw)
			break;
		if (u->w[i].wtype == EV_W_CONJ && i > 0 && i + 1 < u->nw) {
			int phrase = 0;
			if (u->w[i - 1].wtype == EV_W_NOUN) {
				size_t k = i + 1;
				while (k < u->nw && u->w[k].wtype == EV_W_ADJ)
					k++;
				if (k < u->nw && u->w[k].wtype == EV_W_NOUN) {
					phrase = 1;
					i = k;
				}
			}
			if (!phrase && u->w[i - 1].wtype == EV_W_ADJ &&
			    u->w[i + 1].wtype == EV_W_ADJ) {
				phrase = 1;
				i++;
			}
			if (!phrase) {
				u->has_clauses = 1;
				if ((rc = ev_tag_add(u, i - 1, 1, EV_T_CLAUSE,
				                     cidx)) < 0)
					return rc;
				cidx++;
				if ((rc = ev_tag_add(u, i + 1, 0, EV_T_CLAUSE,
				                     cidx)) < 0)
					return rc;
				i++;
			}
		}
		i++;
	}
	return ev_tag_add(u, u->nw - 1, 1, EV_T_CLAUSE, cidx);
}

/* A forwarded actor or compound from the previous record (FORWARD:). */
static int add_forward(ev_unit *u, const ev_forward *f)
{
	int rc, k;
	u->fwd_actor = u->fwd_comp = -1;
	if (!f || !f->valid)
		return 0;
	if (f->has_compound && f->ncomp > 0) {
		size_t first = u->nwall;
		for (k = 0; k < f->ncomp; k++) {
			ev_word *w;
			if (ent_grow((void **)&u->w, &u->w_cap, u->nwall + 1, sizeof(ev_word)) < 0)
				return ENT_ENOMEM;
			w = &u->w[u->nwall++];
			memset(w, 0, sizeof(*w));
			w->ext = -1;
			w->wtype = EV_W_ACTOR;
			w->root = f->comp_roots[k];
			w->compound = 1;
			if ((rc = ev_tag_add(u, u->nwall - 1, 0, EV_W_ACTOR, 0)) < 0 ||
			    (rc = ev_tag_add(u, u->nwall - 1, 1, EV_W_ACTOR, 0)) < 0)
				return rc;
		}
		if ((rc = ev_tag_add(u, first, 0, EV_T_COMPOUND, 0)) < 0 ||
		    (rc = ev_tag_add(u, u->nwall - 1, 1, EV_T_COMPOUND, 0)) < 0)
			return rc;
		u->fwd_comp = (int)first;
	}
	if (f->has_actor) {
		ev_word *w;
		if (ent_grow((void **)&u->w, &u->w_cap, u->nwall + 1, sizeof(ev_word)) < 0)
			return ENT_ENOMEM;
		w = &u->w[u->nwall++];
		memset(w, 0, sizeof(*w));
		w->ext = -1;
		w->wtype = EV_W_ACTOR;
		w->root = f->actor_root;
		if ((rc = ev_tag_add(u, u->nwall - 1, 0, EV_W_ACTOR, 0)) < 0 ||
		    (rc = ev_tag_add(u, u->nwall - 1, 1, EV_W_ACTOR, 0)) < 0)
			return rc;
		u->fwd_actor = (int)(u->nwall - 1);
	}
	if (u->fwd_comp < 0)
		u->fwd_comp = u->fwd_actor;
	return 0;
}

void ev_unit_forward_save(const ev_unit *u, ev_forward *f)
{
	size_t i;
	f->has_actor = f->has_compound = 0;
	f->ncomp = 0;
	for (i = 0; i < u->nw && !f->has_actor && !f->has_compound; i++) {
		if (ev_has_head(u, i, EV_T_COMPOUND)) {
			f->has_compound = 1;
			for (; i < u->nw; i++) {
				if (ev_has_head(u, i, EV_W_ACTOR) && u->w[i].root &&
				    f->ncomp < 16)
					f->comp_roots[f->ncomp++] = u->w[i].root;
				if (ev_has_tail(u, i, EV_T_COMPOUND))
					break;
			}
			if (i >= u->nw)
				break;
		}
		if (!f->has_actor && i < u->nw && ev_has_head(u, i, EV_W_ACTOR) &&
		    !ev_has_head(u, i, EV_W_PRONOUN) && u->w[i].root &&
		    u->w[i].wtype == EV_W_ACTOR) {
			f->has_actor = 1;
			f->actor_root = u->w[i].root;
		}
	}
}

static int deref_pronouns(ev_unit *u)
{
	size_t i;
	int rc;
	for (i = 0; i < u->nw; i++) {
		ev_word *w = &u->w[i];
		long idx = -1;
		int sp;
		size_t p;
		if (w->wtype != EV_W_PRONOUN || !w->root)
			continue;
		sp = u->d->roots[w->root - 1].special;
		if (sp == EV_F_HE) {
			p = 0;
			while (p < i) {
				uint32_t cidx;
				while (p < i && u->w[p].wtype != EV_W_ACTOR)
					p++;
				if (p >= i)
					break;
				if (ev_head_idx(u, p, EV_T_COMPOUND, &cidx)) {
					do
						p++;
					while (p < u->nw && !ev_tail_idx(u, p, EV_T_COMPOUND, cidx));
					p++;
				} else if (!ev_has_head(u, p, EV_W_ACTOR))
					p++;
				else {
					idx = (long)p;
					break;
				}
			}
			if (idx < 0 && u->fwd_actor >= 0)
				idx = u->fwd_actor;
		} else if (sp == EV_F_THEY) {
			for (p = 0; p < i; p++) {
				if (u->w[p].wtype != EV_W_ACTOR)
					continue;
				if (ev_has_head(u, p, EV_T_COMPOUND)) {
					idx = (long)p;
					break;
				}
				if (idx < 0)
					idx = (long)p;
			}
			if (idx < 0 && u->fwd_comp >= 0)
				idx = u->fwd_comp;
		} else
			continue;
		if (idx >= 0) {
			w->wtype = EV_W_ACTOR;
			if ((rc = ev_tag_add(u, i, 0, EV_W_ACTOR, ++u->tag_serial)) < 0 ||
			    (rc = ev_tag_add(u, i, 1, EV_W_ACTOR, u->tag_serial)) < 0 ||
			    (rc = ev_tag_add(u, i, 0, EV_T_REFER | (uint32_t)idx, 0)) < 0 ||
			    (rc = ev_tag_add(u, i, 1, EV_T_REFER | (uint32_t)idx, 0)) < 0)
				return rc;
		}
	}
	return 0;
}

static int null_verb(const ev_unit *u, uint32_t r)
{
	const ev_root *root = &u->d->roots[r - 1];
	return root->code && u->d->ecodes[root->code - 1].code == EV_S_NULL;
}

/* The complexity filter (COMPLEX:). */
static void complexity(ev_unit *u)
{
	const ent_event_options *o = &u->opt;
	int nverb = 0, nactor = 0, npron = 0, nconj = 0, late, ok;
	size_t i;
	char *b = u->probbuf;
	size_t cap = sizeof u->probbuf, len = 0;

	for (i = 0; i < u->nw;) {
		if (ev_skip_segment(u, &i, EV_T_SUBORD))
			continue;
		if (i >= u->nw)
			break;
		if (ev_has_head(u, i, EV_W_VERB))
			nverb++;
		if (ev_has_head(u, i, EV_W_ACTOR))
			nactor++;
		if (u->w[i].wtype == EV_W_PRONOUN)
			npron++;
		i++;
	}
	for (i = 0; i < u->nw; i++) {
		if (ev_has_head(u, i, EV_T_COMPOUND)) {
			while (i < u->nw && !ev_has_tail(u, i, EV_T_COMPOUND))
				i++;
			i++;
		}
		if (i < u->nw && u->w[i].wtype == EV_W_CONJ)
			nconj++;
	}
	for (i = 0; i < u->nw;) {
		if (ev_skip_segment(u, &i, EV_T_SUBORD))
			continue;
		if (i >= u->nw)
			break;
		if (u->w[i].wtype == EV_W_VERB && ev_has_head(u, i, EV_W_VERB) &&
		    !null_verb(u, u->w[i].root))
			break;
		i++;
	}
	late = (int)i;
	u->complex = 0;
	b[0] = '\0';
#define CPLX(cond, ...)                                                      \
	do {                                                                     \
		if (cond) {                                                          \
			u->complex = 1;                                                  \
			if (len < cap)                                                   \
				len += (size_t)snprintf(b + len, cap - len, "%s", len ? ", " : \
				                        "complexity: ");                     \
			if (len < cap)                                                   \
				len += (size_t)snprintf(b + len, cap - len, __VA_ARGS__);    \
		}                                                                    \
	} while (0)
	CPLX(o->cplx_verbs > 0 && nverb >= o->cplx_verbs, "verbs(%d) >= %d", nverb,
	     o->cplx_verbs);
	CPLX(o->cplx_actors > 0 && nactor >= o->cplx_actors, "actors(%d) >= %d",
	     nactor, o->cplx_actors);
	CPLX(o->cplx_pronouns > 0 && npron >= o->cplx_pronouns,
	     "pronouns(%d) >= %d", npron, o->cplx_pronouns);
	CPLX(o->cplx_conj > 0 && nconj >= o->cplx_conj, "conjunctions(%d) >= %d",
	     nconj, o->cplx_conj);
	if (o->cplx_late_verb > 0)
		CPLX(late >= o->cplx_late_verb, "verb position(%d) >= %d", late,
		     o->cplx_late_verb);
	if (o->cplx_no_actor_before) {
		ok = 1;
		for (i = 0; i < (size_t)late && i < u->nw;) {
			if (ev_skip_segment(u, &i, EV_T_SUBORD))
				continue;
			if (i < u->nw && u->w[i].wtype == EV_W_ACTOR) {
				ok = 0;
				break;
			}
			i++;
		}
		CPLX(ok, "no actor before verb");
	}
	if (o->cplx_no_actor_after) {
		ok = 1;
		for (i = (size_t)late + 1; i < u->nw;) {
			if (ev_skip_segment(u, &i, EV_T_SUBORD))
				continue;
			if (i < u->nw && u->w[i].wtype == EV_W_ACTOR) {
				ok = 0;
				break;
			}
			i++;
		}
		CPLX(ok, "no actor after verb");
	}
	CPLX(o->cplx_no_verb && nverb == 0, "no verb");
#undef CPLX
	if (u->complex)
		u->problem = u->probbuf;
}

int ev_unit_parse(ev_unit *u, const ev_forward *fwd)
{
	int rc;
	size_t i;

	u->discard = 0;
	u->complex = 0;
	u->too_short = 0;
	u->problem = NULL;
	u->nissue = 0;
	u->fwd_actor = u->fwd_comp = -1;
	if (u->nw == 0) {
		u->problem = "no text";
		return 0;
	}
	if (u->opt.min_words > 0 && (long)u->nw < u->opt.min_words) {
		u->too_short = 1;
		u->problem = "too few words";
		return 0;
	}
	if (u->d->has_aux && (rc = aux_phrases(u)) < 0)
		return rc;
	if (u->discard) {
		u->problem = u->discard == 2 ? "story discard phrase" : "discard phrase";
		return 0;
	}
	if ((rc = assign_roots(u)) < 0)
		return rc;
	mark_nouns(u);
	if (u->opt.convert_agents)
		convert_agents(u);
	if ((rc = mark_compound(u)) < 0)
		return rc;
	u->nrel = 0;
	if (!u->compat && (rc = ev_ours_relative(u)) < 0)
		return rc;
	if ((rc = mark_subordinate(u)) < 0)
		return rc;
	null_subordinate(u);   /* attribution phrases are not coded (docs) */
	if ((rc = mark_clauses(u)) < 0)
		return rc;
	if (!u->compat) {
		if ((rc = ev_ours_clauses(u)) < 0)
			return rc;
		ev_ours_date(u);
	}
	if ((rc = add_forward(u, fwd)) < 0)
		return rc;
	if ((rc = deref_pronouns(u)) < 0)
		return rc;
	for (i = 0; i < u->nw; i++)
		if (u->w[i].root && u->d->roots[u->w[i].root - 1].may_discard &&
		    root_code_is(u, u->w[i].root, EV_S_DISCARD)) {
			u->discard = 1;
			u->problem = "discard code";
			return 0;
		}
	complexity(u);
	return 0;
}
