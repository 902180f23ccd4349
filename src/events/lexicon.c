/*
 * lexicon.c - the storage of the event dictionaries: interned strings,
 * literals with a prefix index, compiled phrases, roots and patterns.
 *
 * A literal is one word of a dictionary phrase, folded to lower case.  The
 * parser needs, for each word of the text, every literal that is a prefix
 * of it (TABARI matches "ARGENTIN" in "Argentina"): the prefix map holds a
 * hash of every prefix of every literal, marked with the literal it is (if
 * any) and whether longer literals continue it, so a word costs one probe
 * per character up to the longest literal it starts with.
 */
#include "events/ev_internal.h"
#include "util/alloc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Strings
 * ------------------------------------------------------------------------ */

static uint64_t str_key(const char *s, size_t n)
{
	uint64_t h = ent_hash_bytes(s, n);
	return h ? h : 1;
}

int ev_str_find(const ent_evdict *d, const char *s, uint32_t *out)
{
	size_t n = strlen(s);
	uint64_t key = str_key(s, n);
	uint32_t id;
	while ((id = (uint32_t)ent_map64_get(&d->str_map, key, 0)) != 0) {
		const char *t = d->strs.data + d->str_off[id];
		if (strlen(t) == n && memcmp(t, s, n) == 0) {
			*out = id;
			return 0;
		}
		key = ent_hash_mix(key) | 1;
	}
	return ENT_ENOTFOUND;
}

int ev_str_intern(ent_evdict *d, const char *s, size_t n, uint32_t *out)
{
	uint64_t key = str_key(s, n);
	uint32_t id;
	for (;;) {
		id = ent_map64_get(&d->str_map, key, 0);
		if (!id)
			break;
		{
			const char *t = d->strs.data + d->str_off[id];
			if (strlen(t) == n && memcmp(t, s, n) == 0) {
				*out = id;
				return 0;
			}
		}
		key = ent_hash_mix(key) | 1; /* collision: probe the next key */
	}
	if (ENT_GROW(d->str_off, d->nstr, d->str_cap) < 0)
		return ENT_ENOMEM;
	id = (uint32_t)d->nstr;
	d->str_off[id] = (uint32_t)d->strs.len;
	ent_buf_put(&d->strs, s, n);
	ent_buf_putc(&d->strs, '\0');
	if (d->strs.oom)
		return ENT_ENOMEM;
	if (ent_map64_put(&d->str_map, key, id) < 0)
		return ENT_ENOMEM;
	d->nstr++;
	*out = id;
	return 0;
}

const char *ev_str(const ent_evdict *d, uint32_t id)
{
	if (id == 0 || id >= d->nstr)
		return "";
	return d->strs.data + d->str_off[id];
}

/* ------------------------------------------------------------------------
 * Folding
 * ------------------------------------------------------------------------ */

size_t ev_fold(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return ent_text_fold(dst, cap, s, n);
	if (n + 1 > cap)
		return ent_text_fold(dst, cap, s, n);
	for (i = 0; i < n; i++)
		dst[i] = (char)tolower((unsigned char)s[i]);
	dst[n] = '\0';
	return n;
}

/* ------------------------------------------------------------------------
 * Literals and the prefix map
 * ------------------------------------------------------------------------ */

/* The incremental prefix hash the parser uses too (parse.c). */
static inline uint64_t pfx_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;
}
#define PFX_SEED 0xcbf29ce484222325ULL
static inline uint64_t pfx_key(uint64_t h)
{
	uint64_t k = ent_hash_mix(h);
	return k ? k : 1;
}

int ev_lit_intern(ent_evdict *d, const char *s, size_t n, uint32_t *out)
{
	uint32_t sid, id;
	size_t i;
	uint64_t h = PFX_SEED;
	int rc;

	if ((rc = ev_str_intern(d, s, n, &sid)) < 0)
		return rc;
	/* already a literal? (the full-key entry names it) */
	for (i = 0; i < n; i++)
		h = pfx_step(h, (unsigned char)s[i]);
	id = ent_map64_get(&d->prefix_map, pfx_key(h), 0);
	if (id & ~EV_PFX_LONGER) {
		uint32_t lid = id & ~EV_PFX_LONGER;
		if (d->lits[lid].str == sid) {
			*out = lid;
			return 0;
		}
	}
	if (d->nlit == 0)
		d->nlit = EV_SYM_LIMIT; /* ids below are symbols */
	if (ENT_GROW(d->lits, d->nlit, d->lit_cap) < 0)
		return ENT_ENOMEM;
	id = (uint32_t)d->nlit++;
	memset(&d->lits[id], 0, sizeof(d->lits[id]));
	d->lits[id].str = sid;
	d->lits[id].len = (uint32_t)n;
	/* every proper prefix: mark "longer literals continue here" */
	h = PFX_SEED;
	for (i = 0; i < n; i++) {
		uint64_t k;
		uint32_t v;
		h = pfx_step(h, (unsigned char)s[i]);
		k = pfx_key(h);
		v = ent_map64_get(&d->prefix_map, k, 0);
		if (i + 1 < n)
			v |= EV_PFX_LONGER;
		else
			v = (v & EV_PFX_LONGER) | id;
		if (ent_map64_put(&d->prefix_map, k, v) < 0)
			return ENT_ENOMEM;
	}
	*out = id;
	return 0;
}

/* ------------------------------------------------------------------------
 * Phrases
 * ------------------------------------------------------------------------ */

static int sym_of(const char *t, size_t n)
{
	if (n != 1)
		return 0;
	switch (t[0]) {
	case '*': return EV_SYM_VERB;
	case '$': return EV_SYM_SOURCE;
	case '+': return EV_SYM_TARGET;
	case '@': return EV_SYM_ATTRIB;
	case '%': return EV_SYM_COMPOUND;
	case '^': return EV_SYM_SKIP;
	case '{': return EV_SYM_OPEN;
	case '|': return EV_SYM_OR;
	case '}': return EV_SYM_CLOSE;
	case ',': return EV_SYM_COMMA;
	default: return 0;
	}
}

static int push_el(ent_evdict *d, uint32_t lit, uint32_t conn)
{
	if (ENT_GROW(d->els, d->nel, d->el_cap) < 0)
		return ENT_ENOMEM;
	d->els[d->nel].lit = lit;
	d->els[d->nel].conn = conn;
	d->nel++;
	return 0;
}

int ev_phrase_compile(ent_evdict *d, const char *s, size_t n, int is_pattern,
                      uint32_t *out, const char **why)
{
	(void)is_pattern;
	size_t i = 0, start = d->nel;
	int rc, count = 0;
	char fold[256];

	*why = NULL;
	while (i < n) {
		size_t j, tl;
		uint32_t lit, conn;
		const char *t;
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		j = i;
		while (j < n && s[j] != ' ' && s[j] != '_' && s[j] != '~' &&
		       s[j] != '=')
			j++;
		t = s + i;
		tl = j - i;
		/* the connector */
		if (j >= n)
			conn = EV_C_PARTSKIP;
		else if (s[j] == ' ')
			conn = EV_C_PARTSKIP;
		else if (s[j] == '=')
			conn = EV_C_EQUAL;
		else if (s[j] == '~') {
			conn = EV_C_PARTNEXT;
			if (j + 1 < n && (s[j + 1] == '_' || s[j + 1] == ' '))
				j++;
		} else { /* '_' */
			if (j + 1 < n && s[j + 1] == ' ') {
				conn = EV_C_FULLSKIP;
				j++;
			} else
				conn = EV_C_FULLNEXT;
		}
		i = j + 1;
		if (tl == 0)
			continue;
		if (t[0] == '&' && tl > 1) {
			uint64_t key;
			uint32_t r;
			size_t fl = ev_fold(fold, sizeof fold, t, tl);
			if (fl >= sizeof fold) {
				*why = "synset name too long";
				goto bad;
			}
			key = ent_hash_bytes(fold, fl) | 1;
			r = ent_map64_get(&d->syn_map, key, 0);
			if (!r) {
				*why = "undeclared &synset";
				goto bad;
			}
			/* `&SET ` is open; `&SET_` binds to the next element */
			conn = conn == EV_C_PARTSKIP ? (EV_C_SKIP | EV_C_SYN)
			                             : (EV_C_PART | EV_C_SYN);
			if ((rc = push_el(d, r - 1, conn)) < 0)
				return rc;
			count++;
			continue;
		}
		lit = (uint32_t)sym_of(t, tl);
		if (!lit) {
			size_t fl = ev_fold(fold, sizeof fold, t, tl);
			if (fl >= sizeof fold) {
				*why = "word longer than 255 bytes";
				goto bad;
			}
			if ((rc = ev_lit_intern(d, fold, fl, &lit)) < 0)
				return rc;
		}
		if ((rc = push_el(d, lit, conn)) < 0)
			return rc;
		count++;
	}
	if (count == 0) {
		*why = "empty phrase";
		goto bad;
	}
	if ((rc = push_el(d, EV_LIT_END, 0)) < 0)
		return rc;
	*out = (uint32_t)start;
	return 0;
bad:
	d->nel = start;
	return ENT_EPARSE;
}

uint64_t ev_phrase_key(const ent_evdict *d, uint32_t phrase)
{
	const ev_el *e = d->els + phrase;
	uint64_t h = 0x2545f4914f6cdd1dULL;
	for (; e->lit; e++)
		h = ent_hash_mix(h ^ ((uint64_t)e->lit << 20) ^ e->conn);
	return h ? h : 1;
}

/* ------------------------------------------------------------------------
 * Roots and patterns
 * ------------------------------------------------------------------------ */

int ev_root_add(ent_evdict *d, uint32_t phrase, int type, uint32_t *out)
{
	ev_root *r;
	uint32_t id, first = d->els[phrase].lit;
	if (ENT_GROW(d->roots, d->nroot, d->root_cap) < 0)
		return ENT_ENOMEM;
	id = (uint32_t)d->nroot++;
	r = &d->roots[id];
	memset(r, 0, sizeof(*r));
	r->phrase = phrase;
	r->type = (uint8_t)type;
	r->issue = -1;
	/* chain it on its first literal (synset members and synset names are
	 * not roots the parser looks for) */
	if (type != EV_W_SYNSET && first >= EV_SYM_LIMIT &&
	    !(d->els[phrase].conn & EV_C_SYN)) {
		ev_lit *l = &d->lits[first];
		uint32_t *f = &l->first, *t = &l->last;
		if (type == EV_W_ISSUE || type == EV_W_DISCARD) {
			f = &l->xfirst;
			t = &l->xlast;
			d->has_aux = 1;
		}
		if (*t)
			d->roots[*t - 1].next = id + 1;
		else
			*f = id + 1;
		*t = id + 1;
	}
	*out = id;
	return 0;
}

int ev_pat_add(ent_evdict *d, uint32_t root, uint32_t phrase, uint32_t code,
               int32_t length, int32_t maxalt, uint32_t file, int32_t line)
{
	ev_pat *p;
	uint32_t id, *link;
	if (ENT_GROW(d->pats, d->npat, d->pat_cap) < 0)
		return ENT_ENOMEM;
	id = (uint32_t)d->npat++;
	p = &d->pats[id];
	p->phrase = phrase;
	p->code = code;
	p->length = length;
	p->maxalt = maxalt;
	p->file = file;
	p->line = line;
	/* the literals it requires: a quick test before matching */
	p->req0 = (uint32_t)d->nreq;
	p->nreq = 0;
	{
		const ev_el *e = d->els + phrase;
		int depth = 0;
		for (; e->lit; e++) {
			uint32_t k;
			if (e->conn & EV_C_SYN)
				continue;
			if (e->lit == EV_SYM_OPEN)
				depth++;
			else if (e->lit == EV_SYM_CLOSE && depth)
				depth--;
			if (depth || e->lit < EV_SYM_LIMIT)
				continue;
			for (k = 0; k < p->nreq; k++)
				if (d->reqs[p->req0 + k] == e->lit)
					break;
			if (k < p->nreq)
				continue;
			if (ENT_GROW(d->reqs, d->nreq, d->req_cap) < 0)
				return ENT_ENOMEM;
			d->reqs[d->nreq++] = e->lit;
			p->nreq++;
		}
	}
	/* keep the list ordered by length, longest first, stable */
	link = &d->roots[root].pat;
	while (*link && d->pats[*link - 1].length >= length)
		link = &d->pats[*link - 1].next;
	p->next = *link;
	*link = id + 1;
	return 0;
}

void ev_pattern_length(const char *s, size_t n, int32_t *len, int32_t *alt)
{
	size_t i = 0;
	int32_t l = 0, a = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '_' || c == '\'')
			l++;
		if (!isspace(c) && !ispunct(c))
			l++;
		else if (c == '{') {
			int32_t best = 0, cur = 0;
			i++;
			while (i < n && s[i] != '}') {
				c = (unsigned char)s[i];
				if (c == '|') {
					if (cur > best)
						best = cur;
					cur = 0;
				} else {
					if (c == '_' || c == '\'')
						cur++;
					if (!isspace(c) && !ispunct(c))
						cur++;
				}
				i++;
			}
			if (cur > best)
				best = cur;
			a += best;
		}
		i++;
	}
	*len = l;
	*alt = a;
}

/* ------------------------------------------------------------------------
 * A phrase back as text (for --explain)
 * ------------------------------------------------------------------------ */

static void put(char *out, size_t cap, size_t *k, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++, (*k)++)
		if (*k + 1 < cap)
			out[*k] = s[i];
}

size_t ev_phrase_text(const ent_evdict *d, uint32_t phrase, char *out,
                      size_t cap)
{
	static const char sym[] = "?,#*$+@%^{|}";
	const ev_el *e;
	size_t k = 0;
	for (e = d->els + phrase; e->lit != EV_LIT_END; e++) {
		if (e->conn & EV_C_SYN) {
			char buf[48];
			int n = snprintf(buf, sizeof buf, "&(synset of %s:%ld)",
			                 ev_str(d, d->roots[e->lit].file),
			                 (long)d->roots[e->lit].line);
			put(out, cap, &k, buf, n > 0 ? (size_t)n : 0);
		} else if (e->lit < EV_SYM_LIMIT) {
			char c = e->lit < sizeof sym - 1 ? sym[e->lit] : '?';
			put(out, cap, &k, &c, 1);
		} else {
			const char *s = ev_str(d, d->lits[e->lit].str);
			size_t i, n = strlen(s);
			for (i = 0; i < n; i++) {
				char c = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i];
				put(out, cap, &k, &c, 1);
			}
		}
		if (e[1].lit == EV_LIT_END)
			break;
		if (e->conn & EV_C_SYN)
			put(out, cap, &k, (e->conn & EV_C_SKIP) ? " " : "_", 1);
		else if (e->conn & EV_C_EQUAL)
			put(out, cap, &k, "= ", 2);
		else if (!(e->conn & EV_C_SKIP))
			put(out, cap, &k, (e->conn & EV_C_PART) ? "~" : "_", 1);
		else
			put(out, cap, &k, (e->conn & EV_C_PART) ? " " : "_ ", (e->conn & EV_C_PART) ? 1 : 2);
	}
	if (cap)
		out[k < cap ? k : cap - 1] = '\0';
	return k;
}
