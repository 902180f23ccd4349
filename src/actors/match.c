/*
 * match.c - the text side of recognition: the tokens of every sentence
 * become units (units.h), then a longest-match walk of the dictionary trie
 * finds the phrases, checking case constraints and ambiguity rules.
 *
 * Units of plain ASCII words take a fast path: their folded form is looked
 * up as is.  Only tokens with hyphens, apostrophes, stops or non-ASCII
 * letters are split and normalised.  Chinese and Japanese runs are cut
 * into the longest dictionary keys found inside them (greedy, left to
 * right); the characters in between become units of their own.  A Hangul
 * word that is not a key is tried again without a trailing particle.
 *
 * Matching: at each unit that may start a phrase, walk the trie as far as
 * the units allow and remember every node that ends a phrase; then, from
 * the longest, take the first phrase whose case constraints and rule hold.
 * A match ends at the end of a token or before a hyphen ("US-led").
 * Time: O(units x longest phrase).
 */
#include "actors/recog.h"
#include "text/text_internal.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <string.h>

static int push_unit(ent_actors *a, uint32_t id, size_t start, size_t end, int flags)
{
	ent_unit *u;
	if (ENT_GROW(a->u, a->nu, a->ucap) < 0)
		return ENT_ENOMEM;
	u = &a->u[a->nu++];
	u->id = id;
	u->start = (uint32_t)start;
	u->end = (uint32_t)end;
	u->flags = (uint8_t)flags;
	return 0;
}

static uint32_t find(const ent_actors *a, const char *s, size_t n)
{
	return ent_strtab_find(&a->d->units, s, n);
}

/* Cut a CJK run into dictionary keys (greedy longest) and single
 * characters. */
static int cjk_units(ent_actors *a, const char *s, size_t n, size_t off)
{
	size_t i = 0, maxb = a->d->cjk_max_bytes;
	while (i < n) {
		size_t best = 0, j;
		uint32_t bid = ENT_UNIT_NONE;
		size_t lim = n - i < maxb ? n - i : maxb;
		/* candidate ends at character boundaries, longest first */
		for (j = lim; j > 0; j--) {
			uint32_t id;
			if (i + j < n && ((unsigned char)s[i + j] & 0xC0) == 0x80)
				continue;
			id = find(a, s + i, j);
			if (id != ENT_UNIT_NONE) {
				best = j;
				bid = id;
				break;
			}
		}
		if (!best) {
			best = 1;
			while (i + best < n && ((unsigned char)s[i + best] & 0xC0) == 0x80)
				best++;
		}
		if (push_unit(a, bid, off + i, off + i + best,
		              ENT_U_TOKSTART | ENT_U_WORDEND | ENT_U_LETTERS) < 0)
			return ENT_ENOMEM;
		i += best;
	}
	return 0;
}

/* Does s start with one of the one-letter Arabic proclitics و ف ب ل ك
 * (two bytes in UTF-8)? */
static int arabic_proclitic(const char *s)
{
	unsigned char a = (unsigned char)s[0], b = (unsigned char)s[1];
	if (a == 0xD9)
		return b == 0x88 || b == 0x81 || b == 0x84 || b == 0x83; /* و ف ل ك */
	if (a == 0xD8)
		return b == 0xA8; /* ب */
	return 0;
}

/* Units of one word token that needs the slow path. */
static int slow_units(ent_actors *a, const char *ttext, size_t tlen, size_t off)
{
	ent_upiece pc[32];
	size_t np = ent_units_pieces(ttext, tlen, pc, 32), j;
	for (j = 0; j < np; j++) {
		const char *s = ttext + pc[j].off;
		size_t n = pc[j].len;
		size_t kl = ent_units_key(a->keybuf, s, n);
		uint32_t id = kl ? find(a, a->keybuf, kl) : ENT_UNIT_NONE;
		int fl = (pc[j].flags & (ENT_U_TOKSTART | ENT_U_HYPHCONT)) | ENT_U_LETTERS;
		size_t ustart = off + pc[j].off, uend = ustart + n;
		if (pc[j].flags & ENT_U_ELIDED) {
			fl = ENT_U_ELIDED | (pc[j].flags & ENT_U_HYPHCONT);
			id = ENT_UNIT_NONE;
		}
		fl |= ent_units_case(s, n);
		if (j + 1 == np)
			fl |= ENT_U_WORDEND;
		/* "ex-President": a phrase may start after "ex-" */
		if ((fl & ENT_U_HYPHCONT) && a->nu && a->d->w.ex != ENT_UNIT_NONE &&
		    a->u[a->nu - 1].id == a->d->w.ex)
			fl |= ENT_U_TOKSTART;
		if (id == ENT_UNIT_NONE && !(fl & ENT_U_ELIDED) && ent_ukey_is_hangul(s, n)) {
			/* a Korean name with a particle attached */
			size_t pl = ent_units_particle(s, n);
			if (pl) {
				kl = ent_units_key(a->keybuf, s, n - pl);
				id = kl ? find(a, a->keybuf, kl) : ENT_UNIT_NONE;
				if (id != ENT_UNIT_NONE) {
					if (push_unit(a, id, ustart, uend - pl, fl | ENT_U_WORDEND) < 0 ||
					    push_unit(a, ENT_UNIT_NONE, uend - pl, uend, ENT_U_WORDEND) < 0)
						return ENT_ENOMEM;
					continue;
				}
			}
		}
		if (id == ENT_UNIT_NONE && !(fl & ENT_U_ELIDED) && n > 8 && arabic_proclitic(s)) {
			/* Arabic and Persian attach "and", "by", "for", "like" to
			   the next word: وإسرائيل is "and Israel" */
			kl = ent_units_key(a->keybuf, s + 2, n - 2);
			id = kl ? find(a, a->keybuf, kl) : ENT_UNIT_NONE;
			if (id != ENT_UNIT_NONE) {
				if (push_unit(a, ENT_UNIT_NONE, ustart, ustart + 2,
				              (fl & ENT_U_HYPHCONT)) < 0 ||
				    push_unit(a, id, ustart + 2, uend,
				              (fl & ~ENT_U_HYPHCONT) | ENT_U_TOKSTART) < 0)
					return ENT_ENOMEM;
				continue;
			}
		}
		if (push_unit(a, id, ustart, uend, fl) < 0)
			return ENT_ENOMEM;
	}
	return 0;
}

/* Units of one sentence s[0..n) that starts at offset `base` of the
 * repaired text.  The same tokenizer as the text stage (token.c), with a
 * fast path for plain ASCII words: lower-cased into a small buffer and
 * looked up directly. */
static int sentence_units(ent_actors *a, const char *s, size_t n, size_t base)
{
	size_t i = 0;
	char low[64];
	/* a token is at least one byte and yields at most one unit per byte
	   (CJK runs: one per character; pieces: fewer than bytes) */
	if (a->nu + n + 1 > a->ucap) {
		size_t nc = a->ucap ? a->ucap : 1024;
		ent_unit *nu;
		while (nc < a->nu + n + 1)
			nc *= 2;
		nu = ent_realloc(a->u, nc * sizeof *nu);
		if (!nu)
			return ENT_ENOMEM;
		a->u = nu;
		a->ucap = nc;
	}
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len;
		int shape, flags, rc;
		if (c == ' ') {
			i++;
			continue;
		}
		if (ent_units_alnum[c] &&
		    !((c == 'n' || c == 'N') && i + 1 < n &&
		      (s[i + 1] == '\'' || (unsigned char)s[i + 1] == 0xE2))) {
			/* the tokenizer's fast path (ent_units_fastword), fused with
			   lower-casing and hashing: one pass over the word */
			size_t q = i, wl;
			int lt = 0, up = 0;
			uint64_t h = ENT_STRHASH_INIT;
			unsigned char k;
			while (q < n && (k = ent_units_alnum[(unsigned char)s[q]]) != 0) {
				unsigned char ch = (unsigned char)s[q];
				lt += k >= 2;
				if (k == 3) {
					up++;
					ch = (unsigned char)(ch + 32);
				}
				if (q - i < sizeof low)
					low[q - i] = (char)ch;
				h = ent_strhash_step(h, ch);
				q++;
			}
			wl = q - i;
			if (wl < sizeof low &&
			    (q == n ||
			     !((unsigned char)s[q] >= 0x80 ||
			       ((s[q] == '-' || s[q] == '\'' || s[q] == '.' || s[q] == ',' ||
			         s[q] == ':' || s[q] == '/') &&
			        q + 1 < n && ((unsigned char)s[q + 1] >= 0x80 ||
			                      ent_units_alnum[(unsigned char)s[q + 1]]))))) {
				int fl = ENT_U_TOKSTART | ENT_U_WORDEND;
				ent_unit *u;
				if (lt) {
					size_t f = i;
					fl |= ENT_U_LETTERS;
					while (ent_units_alnum[(unsigned char)s[f]] == 1)
						f++;
					if (ent_units_alnum[(unsigned char)s[f]] == 3)
						fl |= ENT_U_CAP;
					if (lt >= 2 && up == lt)
						fl |= ENT_U_ALLCAPS | ENT_U_CAP;
				}
				/* room was reserved for the sentence */
				u = &a->u[a->nu++];
				h = ent_strhash_final(h);
				{
					size_t slot = (size_t)(h >> 54);
					if (a->wcache[slot].h == h && a->wcache[slot].len == wl) {
						u->id = a->wcache[slot].id;
					} else {
						u->id = ent_strtab_find_h(&a->d->units, low, wl, h);
						a->wcache[slot].h = h;
						a->wcache[slot].len = (uint32_t)wl;
						a->wcache[slot].id = u->id;
					}
				}
				u->start = (uint32_t)(base + i);
				u->end = (uint32_t)(base + q);
				u->flags = (uint8_t)fl;
				i = q;
				continue;
			}
		}
		len = ent_text_token_len(s, n, i, &shape, &flags);
		if (len == 0)
			len = 1;
		if (shape == ENT_TOK_PUNCT || shape == ENT_TOK_OTHER) {
			size_t fl = ent_text_fold(low, sizeof low, s + i, len);
			uint32_t id = fl < sizeof low ? find(a, low, fl) : ENT_UNIT_NONE;
			rc = push_unit(a, id, base + i, base + i + len,
			               ENT_U_PUNCT | ENT_U_TOKSTART | ENT_U_WORDEND);
		} else if (flags & ENT_TOKF_CJK) {
			rc = cjk_units(a, s + i, len, base + i);
		} else {
			rc = slow_units(a, s + i, len, base + i);
		}
		if (rc < 0)
			return ENT_ENOMEM;
		i += len;
	}
	return 0;
}

int ent_recog_units(ent_actors *a)
{
	size_t ns = ent_doc_sentence_count(a->doc), s;
	a->nu = 0;
	a->nsent = 0;
	if (ns > a->sucap) {
		ent_sent_units *n2 = ent_realloc(a->su, ns * sizeof *n2);
		if (!n2)
			return ent_err(a->ctx, ENT_ENOMEM, "out of memory");
		a->su = n2;
		a->sucap = ns;
	}
	for (s = 0; s < ns; s++) {
		ent_sentence se;
		ent_doc_sentence(a->doc, s, &se);
		a->su[s].ustart = a->nu;
		if (sentence_units(a, se.text, se.len, se.text_offset) < 0)
			return ent_err(a->ctx, ENT_ENOMEM, "out of memory");
		a->su[s].uend = a->nu;
		a->nsent = s + 1;
	}
	return 0;
}

int ent_recog_has_seq(const ent_actors *a, size_t from, size_t to,
                      const uint32_t *seq, size_t n)
{
	size_t i, k;
	if (n == 0)
		return 0;
	for (i = from; i + n <= to; i++) {
		for (k = 0; k < n; k++)
			if (a->u[i + k].id != seq[k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* ---- rules ------------------------------------------------------------------ */

/* Does a phrase of something other than a person start at unit k (a
 * state, role, place or organisation)? */
static int nonperson_at(const ent_actors *a, size_t k, size_t end)
{
	const ent_dict *d = a->d;
	uint32_t node = 0;
	size_t j;
	for (j = k; j < end; j++) {
		uint32_t id = a->u[j].id, p;
		if (id == ENT_UNIT_NONE)
			return 0;
		node = ent_map64_get(&d->edges, (((uint64_t)node << 32) | id) + 1, UINT32_MAX);
		if (node == UINT32_MAX)
			return 0;
		for (p = d->node_first[node]; p; p = d->phrases[p - 1].next) {
			const ent_entry *e = &d->entries[d->phrases[p - 1].entry];
			if (e->type == ENT_E_REF)
				continue;
			if (!(e->type == ENT_E_ACTOR &&
			      (e->what == ENT_W_PERSON || (e->what == ENT_W_AUTO && e->nrestr))))
				return 1;
		}
	}
	return 0;
}

/* Is the unit at i a capitalised word that reads as a name: not a
 * function word, and starting no state, role, place or organisation? */
static int name_at(const ent_actors *a, size_t i, size_t end)
{
	const ent_unit *u;
	size_t k;
	if (i >= end)
		return 0;
	u = &a->u[i];
	if (!(u->flags & ENT_U_LETTERS) || !(u->flags & ENT_U_CAP) ||
	    (u->flags & ENT_U_ALLCAPS) || (u->flags & ENT_U_HYPHCONT))
		return 0;
	for (k = 0; k < a->d->w.nfunction_words; k++)
		if (u->id == a->d->w.function_words[k])
			return 0;
	return !nonperson_at(a, i, end);
}

static int rule_holds(const ent_actors *a, const ent_rule *r, size_t sentence,
                      size_t mstart, size_t mend)
{
	const ent_sent_units *su = &a->su[sentence];
	size_t w = 0, first = 1;
	switch (r->kind) {
	case ENT_RULE_NOT_BEFORE_NAME:
		return !name_at(a, mend, su->uend);
	case ENT_RULE_NOT_AFTER_NAME:
		return !(mstart > su->ustart && name_at(a, mstart - 1, su->uend));
	case ENT_RULE_NOT_WITH:
	case ENT_RULE_NEEDS_IN_DOC:
		while (w < r->ncues_words) {
			uint32_t n = r->cues[w];
			if (!first) {
				int hit = r->kind == ENT_RULE_NOT_WITH
				              ? ent_recog_has_seq(a, su->ustart, su->uend, r->cues + w + 1, n)
				              : ent_recog_has_seq(a, 0, a->nu, r->cues + w + 1, n);
				if (hit)
					return r->kind == ENT_RULE_NEEDS_IN_DOC;
			}
			first = 0;
			w += 1 + n;
		}
		return r->kind == ENT_RULE_NOT_WITH;
	default:
		return 1;
	}
}

/* Do all the rules chained on a phrase hold? */
static int rules_hold(const ent_actors *a, uint32_t rule, size_t sentence,
                      size_t mstart, size_t mend)
{
	while (rule) {
		const ent_rule *r = &a->d->rules[rule - 1];
		if (!rule_holds(a, r, sentence, mstart, mend))
			return 0;
		rule = r->next;
	}
	return 1;
}

static int dated_on(const ent_dict *d, const ent_entry *e, ent_date date)
{
	uint32_t i;
	if (e->type != ENT_E_ACTOR)
		return 0;
	for (i = 0; i < e->nrestr; i++) {
		const ent_restr *r = &d->restr[e->restr + i];
		if ((r->from == ENT_DATE_NONE || date >= r->from) &&
		    (r->until == ENT_DATE_NONE || date <= r->until))
			return 1;
	}
	return 0;
}

static int case_ok(const ent_actors *a, const ent_phrase *p, size_t start)
{
	size_t k;
	const unsigned char *cc;
	if (p->casec == UINT32_MAX)
		return 1;
	cc = a->d->casec + p->casec;
	for (k = 0; k < p->nunits; k++) {
		int f = a->u[start + k].flags;
		/* after a hyphen, case varies freely: Jong-un, Jong-Un */
		if (cc[k] == ENT_CASE_CAP && !(f & (ENT_U_CAP | ENT_U_HYPHCONT)))
			return 0;
		if (cc[k] == ENT_CASE_ALLCAPS && !(f & ENT_U_ALLCAPS))
			return 0;
	}
	return 1;
}

/* The child of `node` along `unit`, through the recogniser's edge cache. */
static uint32_t edge(ent_actors *a, uint32_t node, uint32_t unit)
{
	uint64_t key = (((uint64_t)node << 32) | unit) + 1;
	size_t slot = (size_t)(ent_hash_mix(key) >> 54);
	uint32_t child;
	if (a->ecache[slot].key == key)
		return a->ecache[slot].child;
	child = ent_map64_get(&a->d->edges, key, UINT32_MAX);
	a->ecache[slot].key = key;
	a->ecache[slot].child = child;
	return child;
}

/* The end of the longest phrase prefix-walk from unit k that ends at a
 * phrase node (no case or rule checks: a cheap lookahead), else 0. */
static size_t longest_end(const ent_actors *a, size_t k, size_t end)
{
	const ent_dict *d = a->d;
	uint32_t node = 0;
	size_t j, best = 0;
	if (!(a->u[k].flags & ENT_U_TOKSTART))
		return 0;
	for (j = k; j < end; j++) {
		uint32_t id = a->u[j].id;
		if (id == ENT_UNIT_NONE)
			break;
		node = ent_map64_get(&d->edges, (((uint64_t)node << 32) | id) + 1, UINT32_MAX);
		if (node == UINT32_MAX)
			break;
		if (d->node_first[node] && (a->u[j].flags & ENT_U_WORDEND))
			best = j + 1;
	}
	return best;
}

int ent_recog_match(ent_actors *a, size_t sentence)
{
	const ent_dict *d = a->d;
	size_t i = a->su[sentence].ustart, end = a->su[sentence].uend;
	a->nm = 0;
	while (i < end) {
		uint32_t node = 0, cn = 0;
		uint32_t cend[64], cnode[64];
		size_t j;
		int chosen = 0;
		const ent_unit *u = &a->u[i];
		if (!(u->flags & ENT_U_TOKSTART) || u->id == ENT_UNIT_NONE ||
		    !((d->starts[u->id >> 6] >> (u->id & 63)) & 1)) {
			i++;
			continue;
		}
		for (j = i; j < end && cn < 64; j++) {
			uint32_t id = a->u[j].id, child;
			if (id == ENT_UNIT_NONE)
				break;
			child = edge(a, node, id);
			if (child == UINT32_MAX)
				break;
			node = child;
			if (d->node_first[node]) {
				cend[cn] = (uint32_t)(j + 1);
				cnode[cn] = node;
				cn++;
			}
		}
		while (cn-- > 0 && !chosen) {
			size_t e = cend[cn];
			uint32_t p;
			/* a phrase ends at a word end or before a hyphen */
			if (!(a->u[e - 1].flags & ENT_U_WORDEND) &&
			    !(e < end && (a->u[e].flags & ENT_U_HYPHCONT)))
				continue;
			uint32_t pick = 0;
			/* the first phrase that fits; but a person in office on the
			   date wins over one who is not ("Bush" in 2005) */
			for (p = d->node_first[cnode[cn]]; p; p = d->phrases[p - 1].next) {
				const ent_phrase *ph = &d->phrases[p - 1];
				if (!case_ok(a, ph, i))
					continue;
				if (ph->rule && !rules_hold(a, ph->rule, sentence, i, e))
					continue;
				if (!pick)
					pick = p;
				if (!ph->next && pick == p)
					break;
				if (dated_on(d, &d->entries[ph->entry], a->date)) {
					pick = p;
					break;
				}
			}
			if (pick) {
				const ent_phrase *ph;
				p = pick;
				ph = &d->phrases[p - 1];
				if (ENT_GROW(a->m, a->nm, a->mcap) < 0)
					return ent_err(a->ctx, ENT_ENOMEM, "out of memory");
				a->m[a->nm].ustart = (uint32_t)i;
				a->m[a->nm].uend = (uint32_t)e;
				a->m[a->nm].phrase = p - 1;
				a->m[a->nm].entry = ph->entry;
				a->nm++;
				i = e;
				chosen = 1;
				break;
			}
		}
		if (chosen) {
			/* a longer phrase starting inside this one wins: "the North
			   Korean army" is not "the North" + "Korean army" */
			ent_match *mm = &a->m[a->nm - 1];
			size_t k;
			for (k = mm->ustart + 1; k < mm->uend; k++)
				if (longest_end(a, k, end) > mm->uend) {
					a->nm--;
					i = k;
					break;
				}
		} else {
			i++;
		}
	}
	return 0;
}
