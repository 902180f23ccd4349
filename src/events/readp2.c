/*
 * readp2.c - PETRARCH-2 verb dictionaries (CAMEO.2.0.txt) read as ordered
 * word patterns.
 *
 * The file has synsets (`&NAME` then `+word` lines), then blocks headed
 * `--- DESCRIPTION [CODE] ---` listing verbs (one a line, irregular forms in
 * `{...}`, a multi-word verb with its verb word marked `+`) and patterns
 * `- [before] * [after] [CODE] # note`.  PETRARCH-2 matches these against
 * a parse tree: `(PREP noun)` is a prepositional phrase, `{A B}` a noun
 * phrase with head B.  A shallow coder cannot check phrase structure, so a
 * pattern here is its words in order around the verb: parentheses are
 * dropped, `{A B}` becomes the adjacent words `A_B`, and other words may
 * come in between (docs/dictionaries.md lists what does not carry over).
 * Regular verb forms, which PETRARCH-2 generates, are generated here too.
 */
#include "events/ev_internal.h"
#include "util/alloc.h"
#include "util/linereader.h"
#include "util/utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	ent_evdict *d;
	const char *name;
	uint32_t file;
	ent_dict_load_stats *st;
	long reports;
	uint32_t block_code;   /* ecode + 1 of the current block */
	long first_verb;       /* first verb root of the block: patterns go here */
	long syn;              /* current synset root */
} p2;

/* A PETRARCH-2 code: "[:173]" (an empty code before the colon, used where
 * PETRARCH-2 combines the codes of a verb and its complement) is read as
 * "[173]": we have no tree to combine codes over. */
static int p2_code(ent_evdict *d, const char *b, size_t n, uint32_t *out,
                   const char **why)
{
	char buf[256];
	size_t i = 1, k;
	if (n < 2 || n >= sizeof buf || b[0] != '[')
		return ev_ecode_parse(d, b, n, out, why);
	while (i < n && b[i] == ' ')
		i++;
	if (i >= n || b[i] != ':')
		return ev_ecode_parse(d, b, n, out, why);
	buf[0] = '[';
	k = n - i - 1;
	memcpy(buf + 1, b + i + 1, k);
	return ev_ecode_parse(d, buf, k + 1, out, why);
}

static void diag(p2 *r, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void diag(p2 *r, long line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	r->st->errors++;
	r->d->errors++;
	if (++r->reports > r->d->opts.max_reports)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ent_diag_emit(r->d->ctx, ENT_DIAG_ERROR, r->name, line, -1, "%s", msg);
}

static void trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* Rewrite a PETRARCH-2 pattern as ordered words: drop ( ), join {A B}
 * as A_B, hyphens as '_'. */
static size_t rewrite(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, k = 0;
	int brace = 0;
	for (i = 0; i < n && k + 2 < cap; i++) {
		char c = s[i];
		if (c == '(' || c == ')') {
			out[k++] = ' ';
			continue;
		}
		if (c == '{') {
			brace = 1;
			continue;
		}
		if (c == '}') {
			brace = 0;
			out[k++] = ' ';
			continue;
		}
		if (brace && c == ' ') {
			while (i + 1 < n && s[i + 1] == ' ')
				i++;
			if (i + 1 < n && s[i + 1] != '}')
				out[k++] = '_';
			continue;
		}
		if (c == '-' && k > 0)
			c = '_';
		out[k++] = c;
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return k;
}

static int add_root(p2 *r, long line, const char *s, size_t n, int type,
                    uint32_t *out, int *dup)
{
	uint32_t phrase, e;
	const char *why;
	uint64_t key;
	size_t mark = r->d->nel;
	int rc = ev_phrase_compile(r->d, s, n, 0, &phrase, &why);
	*dup = 0;
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, line, "%s", why);
		return 1;
	}
	key = ev_phrase_key(r->d, phrase);
	e = ent_map64_get(&r->d->phrase_map, key, 0);
	if (e && !r->d->roots[e - 1].dead) {
		r->d->nel = mark;
		*out = e - 1;
		*dup = 1;
		return 0;
	}
	if ((rc = ev_root_add(r->d, phrase, type, out)) < 0)
		return rc;
	r->d->roots[*out].file = r->file;
	r->d->roots[*out].line = (int32_t)line;
	if (ent_map64_put(&r->d->phrase_map, key, *out + 1) < 0)
		return ENT_ENOMEM;
	r->st->phrases++;
	return 0;
}

/* One verb and its forms: "SPEED {SPEEDING SPEEDS SPED }". */
static int verb_line(p2 *r, long line, const char *s, size_t n)
{
	const char *brace = memchr(s, '{', n);
	size_t vl = brace ? (size_t)(brace - s) : n, k, j;
	char word[256], form[300];
	uint32_t root, main;
	int dup, rc;

	trim(&s, &vl);
	if (vl == 0 || vl >= 200) {
		diag(r, line, "bad verb line");
		return 0;
	}
	/* '+' marks the verb word of a multi-word verb: drop it */
	for (j = 0, k = 0; j < vl; j++)
		if (s[j] != '+')
			word[k++] = s[j] == '-' ? '_' : s[j];
	word[k] = '\0';
	/* the verb itself, with TABARI's regular endings */
	snprintf(form, sizeof form, "%s_", word);
	if ((rc = add_root(r, line, form, strlen(form), EV_W_VERB, &main, &dup)) != 0)
		return rc < 0 ? rc : 0;
	if (dup) {
		/* defined in an earlier block: the first definition wins, and this
		 * block's patterns join it */
		if (r->first_verb < 0)
			r->first_verb = r->d->roots[main].main ? r->d->roots[main].main - 1
			                                      : main;
		return 0;
	}
	r->d->roots[main].code = r->block_code;
	if (r->first_verb < 0)
		r->first_verb = main;
	else
		r->d->roots[main].main = (uint32_t)r->first_verb + 1;
	r->st->entries++;
	/* generated regular forms the endings rule misses */
	if (!strchr(word, '_') && !strchr(word, ' ') && k >= 2) {
		char gen[3][260];
		int ng = 0, i;
		char last = (char)tolower((unsigned char)word[k - 1]);
		char prev = (char)tolower((unsigned char)word[k - 2]);
		if (last == 'e')
			snprintf(gen[ng++], sizeof gen[0], "%.*sING_", (int)(k - 1), word);
		if (last == 'y' && !strchr("aeiou", prev)) {
			snprintf(gen[ng++], sizeof gen[0], "%.*sIES_", (int)(k - 1), word);
			snprintf(gen[ng++], sizeof gen[0], "%.*sIED_", (int)(k - 1), word);
		}
		for (i = 0; i < ng; i++) {
			rc = add_root(r, line, gen[i], strlen(gen[i]), EV_W_VERB, &root, &dup);
			if (rc < 0)
				return rc;
			if (rc == 0 && !dup) {
				r->d->roots[root].main = (uint32_t)(r->first_verb) + 1;
				r->d->roots[root].code = r->block_code;
			}
		}
	}
	/* irregular forms */
	if (brace) {
		const char *p = brace + 1, *end = s + n;
		while (p < end && *p != '}') {
			const char *q;
			while (p < end && *p == ' ')
				p++;
			q = p;
			while (q < end && *q != ' ' && *q != '}')
				q++;
			if (q > p && (size_t)(q - p) < 200) {
				size_t fl = 0;
				const char *t;
				for (t = p; t < q; t++)
					if (*t != '+')
						form[fl++] = *t == '-' ? '_' : *t;
				form[fl++] = '_';
				form[fl] = '\0';
				rc = add_root(r, line, form, fl, EV_W_VERB, &root, &dup);
				if (rc < 0)
					return rc;
				if (rc == 0 && !dup) {
					r->d->roots[root].main = (uint32_t)r->first_verb + 1;
					r->d->roots[root].code = r->block_code;
				}
			}
			p = q;
		}
	}
	return 0;
}

static int pattern_line(p2 *r, long line, const char *s, size_t n)
{
	const char *b = memchr(s, '[', n), *why;
	char buf[2048];
	size_t k;
	uint32_t phrase, code;
	int32_t len, alt;
	int rc;

	if (r->first_verb < 0) {
		diag(r, line, "pattern before any verb of its block");
		return 0;
	}
	if (!b) {
		diag(r, line, "pattern without a [code]");
		return 0;
	}
	rc = p2_code(r->d, b, n - (size_t)(b - s), &code, &why);
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, line, "%s", why);
		return 0;
	}
	k = rewrite(buf, sizeof buf, s + 1, (size_t)(b - s) - 1);
	if (!memchr(buf, '*', k)) {
		diag(r, line, "pattern without the verb marker '*'");
		return 0;
	}
	rc = ev_phrase_compile(r->d, buf, k, 1, &phrase, &why);
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, line, "%s", why);
		return 0;
	}
	ev_pattern_length(buf, k, &len, &alt);
	if ((rc = ev_pat_add(r->d, (uint32_t)r->first_verb, phrase, code, len + alt,
	                     alt, r->file, (int32_t)line)) < 0)
		return rc;
	r->st->entries++;
	return 0;
}

static int synset_line(p2 *r, long line, const char *s, size_t n)
{
	char fold[256], buf[1024];
	size_t fl, k;
	uint64_t key;
	uint32_t root, phrase;
	const char *why;
	int32_t len, alt;
	int rc;

	if (s[0] == '&') {
		fl = ev_fold(fold, sizeof fold, s, n);
		if (fl >= sizeof fold) {
			diag(r, line, "bad synset name");
			r->syn = -1;
			return 0;
		}
		/* "&AUXVERB1_" is referred to as "&AUXVERB1" */
		while (fl > 1 && fold[fl - 1] == '_')
			fl--;
		key = ent_hash_bytes(fold, fl) | 1;
		if (ent_map64_get(&r->d->syn_map, key, 0)) {
			r->syn = -1;   /* the first definition wins */
			return 0;
		}
		if ((rc = ev_phrase_compile(r->d, "synset", 6, 0, &phrase, &why)) < 0 ||
		    (rc = ev_root_add(r->d, phrase, EV_W_SYNSET, &root)) < 0)
			return rc;
		r->d->roots[root].file = r->file;
		r->d->roots[root].line = (int32_t)line;
		if (ent_map64_put(&r->d->syn_map, key, root + 1) < 0)
			return ENT_ENOMEM;
		r->syn = root;
		r->st->entries++;
		return 0;
	}
	if (r->syn < 0)
		return 0;
	k = rewrite(buf, sizeof buf, s + 1, n - 1);
	rc = ev_phrase_compile(r->d, buf, k, 1, &phrase, &why);
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, line, "%s", why);
		return 0;
	}
	ev_pattern_length(buf, k, &len, &alt);
	return ev_pat_add(r->d, (uint32_t)r->syn, phrase, 0, len, alt, r->file,
	                  (int32_t)line);
}

int ev_read_p2(ent_evdict *d, const char *name, const char *data, size_t len,
               ent_dict_load_stats *st)
{
	ent_linereader lr;
	const char *line;
	size_t n;
	p2 r;
	int rc = 0, in_verbs = 0;
	char conv[4096];

	memset(&r, 0, sizeof r);
	r.d = d;
	r.name = name;
	r.st = st;
	r.first_verb = -1;
	r.syn = -1;
	if ((rc = ev_str_intern(d, name, strlen(name), &r.file)) < 0)
		return rc;
	ent_lr_init_mem(&lr, data, len, d->opts.max_line);
	while (ent_lr_next(&lr, &line, &n) == 1) {
		const char *s = line, *hash;
		size_t m = n;
		long ln = lr.lineno;
		if (lr.too_long) {
			diag(&r, ln, "line too long: skipped");
			continue;
		}
		if (ent_utf8_valid_prefix((const unsigned char *)s, m) != m) {
			if (m > sizeof conv / 2 - 1)
				m = sizeof conv / 2 - 1;
			m = ent_utf8_from_latin1(conv, sizeof conv, s, m);
			s = conv;
			st->warnings++;
		}
		hash = memchr(s, '#', m);
		if (hash)
			m = (size_t)(hash - s);
		trim(&s, &m);
		if (m == 0)
			continue;
		if (m >= 3 && memcmp(s, "---", 3) == 0) {
			/* --- NAME [CODE] --- */
			const char *b = memchr(s, '[', m), *why;
			in_verbs = 1;
			r.first_verb = -1;
			r.syn = -1;
			if (!b) {
				diag(&r, ln, "block header without a [code]");
				r.block_code = 0;
				continue;
			}
			rc = p2_code(d, b, m - (size_t)(b - s), &r.block_code, &why);
			if (rc == ENT_ENOMEM)
				break;
			if (rc < 0) {
				diag(&r, ln, "%s", why);
				r.block_code = 0;
				rc = 0;
			}
			continue;
		}
		if (s[0] == '&' || (s[0] == '+' && !in_verbs)) {
			if ((rc = synset_line(&r, ln, s, m)) < 0)
				break;
			continue;
		}
		if (!in_verbs)
			continue;
		if (s[0] == '-')
			rc = pattern_line(&r, ln, s, m);
		else if (r.block_code)
			rc = verb_line(&r, ln, s, m);
		if (rc < 0)
			break;
	}
	ent_lr_destroy(&lr);
	if (rc == ENT_ENOMEM)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	return 0;
}
