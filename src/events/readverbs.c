/*
 * readverbs.c - the reader of TABARI/PETRARCH-1 dictionaries for the event
 * engine: verb files (verbs, irregular forms, patterns, <SYNSETS>, <TIME>,
 * <ATTRIB> blocks), discard and issue lists, and - under --compat tabari -
 * actor files (with <NOUN> and <ADJECTIVE> blocks, synonyms, date
 * restrictions) and agent files, read TABARI's way.
 *
 * One line at a time, in TABARI's order of business: a line starting with
 * `#` or `/` is a comment, one starting with `~` ends the file, `;` starts
 * a comment, the code is everything from the first `[`.  Every malformed
 * line is reported as NAME:LINE with the reason and skipped; quirks of the
 * public files (CRLF, stray non-UTF-8 bytes) are read with a warning.  A
 * phrase defined twice keeps its first definition (TABARI's rule): the
 * second is reported as a warning and skipped, with its patterns.
 */
#include "events/ev_internal.h"
#include "util/alloc.h"
#include "util/linereader.h"
#include "util/utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { B_NONE, B_SYN, B_TIME, B_ATTRIB, B_NOUN, B_ADJ, B_ISSUE, B_SKIP };

typedef struct {
	ent_evdict *d;
	const char *name;
	uint32_t file;
	ent_dict_kind kind;
	ent_dict_load_stats *st;
	long reports;
	int err;
	int block;
	long verb;            /* current verb root, -1 */
	int skip_verb;        /* its patterns are skipped (duplicate verb) */
	long sub;             /* current synset / time / attribution root */
	int skip_sub;
	/* actors: the entry waiting for its codes */
	uint32_t *group;
	size_t ngroup, group_cap;
	int group_needs, group_dead;
	long group_line;
	ent_buf dates;
	int issue_cat;
} rd;

static void diag(rd *r, int error, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void diag(rd *r, int error, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	if (error) {
		r->st->errors++;
		r->d->errors++;
	} else {
		r->st->warnings++;
		r->d->warnings++;
		if (!r->d->opts.check)
			return;   /* summarised at the end of the file */
	}
	if (++r->reports > r->d->opts.max_reports)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ent_diag_emit(r->d->ctx, error ? ENT_DIAG_ERROR : ENT_DIAG_WARNING,
	              r->name, line, -1, "%s", msg);
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

static int starts_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p), i;
	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (toupper((unsigned char)s[i]) != p[i])
			return 0;
	return 1;
}

static int contains_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p), i;
	for (i = 0; i + k <= n; i++)
		if (starts_ci(s + i, n - i, p))
			return 1;
	return 0;
}

/* TABARI's phrase clean-up: '-' inside a phrase joins words like '_', and
 * '{', '|', '}' become separate tokens ("_{" and "}_" keep their '_'). */
static size_t prep_phrase(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n && k + 4 < cap; i++) {
		char c = s[i];
		if (c == '-' && i > 0)
			c = '_';
		if (c == '{') {
			if (k && out[k - 1] != ' ' && out[k - 1] != '_')
				out[k++] = ' ';
			out[k++] = '{';
			out[k++] = ' ';
		} else if (c == '}') {
			if (k && out[k - 1] != ' ')
				out[k++] = ' ';
			out[k++] = '}';
			if (!(i + 1 < n && (s[i + 1] == '_' || s[i + 1] == '-')))
				out[k++] = ' ';
		} else if (c == '|') {
			out[k++] = ' ';
			out[k++] = '|';
			out[k++] = ' ';
		} else
			out[k++] = c;
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return k;
}

/* Compile a phrase into a new root unless the same phrase exists.
 * Returns 1 (*out set), 0 (duplicate: *out is the existing root), -1
 * after reporting a bad phrase, or < -1 (ENT_ENOMEM). */
static int new_root(rd *r, long line, const char *s, size_t n, int type,
                    uint32_t *out)
{
	char buf[2048];
	size_t k = prep_phrase(buf, sizeof buf, s, n);
	uint32_t phrase, dup;
	const char *why;
	uint64_t key;
	size_t mark = r->d->nel;
	int rc;

	if (k < 2 && !(k == 1 && isalnum((unsigned char)buf[0]))) {
		diag(r, 1, line, "no phrase before the code");
		return -1;
	}
	rc = ev_phrase_compile(r->d, buf, k, 0, &phrase, &why);
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, 1, line, "%s", why);
		return -1;
	}
	key = ev_phrase_key(r->d, phrase);
	dup = ent_map64_get(&r->d->phrase_map, key, 0);
	if (dup && !r->d->roots[dup - 1].dead) {
		r->d->nel = mark;   /* drop the copy */
		*out = dup - 1;
		if (r->d->loading_user || r->d->roots[dup - 1].file == r->file)
			diag(r, 0, line, "'%.*s' is already defined (%s:%d): this "
			     "definition is skipped", (int)n, s,
			     ev_str(r->d, r->d->roots[dup - 1].file),
			     r->d->roots[dup - 1].line);
		return 0;
	}
	if ((rc = ev_root_add(r->d, phrase, type, out)) < 0)
		return rc;
	r->d->roots[*out].file = r->file;
	r->d->roots[*out].line = (int32_t)line;
	if (ent_map64_put(&r->d->phrase_map, key, *out + 1) < 0)
		return ENT_ENOMEM;
	r->st->phrases++;
	return 1;
}

/* Split "PHRASE [CODE]" (comment already removed). */
static void split_code(const char *s, size_t n, const char **ph, size_t *pl,
                       const char **code, size_t *cl)
{
	const char *b = memchr(s, '[', n);
	*ph = s;
	if (b) {
		*pl = (size_t)(b - s);
		*code = b;
		*cl = n - (size_t)(b - s);
	} else {
		*pl = n;
		*code = NULL;
		*cl = 0;
	}
	trim(ph, pl);
}

/* ------------------------------------------------------------------------
 * Verbs
 * ------------------------------------------------------------------------ */

static int braces_balanced(const char *s, size_t n)
{
	size_t i;
	int depth = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth < 0)
			return 0;
		else if (s[i] == '|' && depth == 0)
			return 0;
	}
	return depth == 0;
}

/* dict check: a code our CAMEO table does not know gets null Goldstein,
 * quad class and PLOVER; say so (a warning: user codes are legitimate). */
static void check_code(rd *r, long line, uint32_t ecode1)
{
	const ev_ecode *e;
	int k;
	if (!r->d->opts.check || !ecode1)
		return;
	e = &r->d->ecodes[ecode1 - 1];
	for (k = 0; k < 2; k++) {
		uint32_t sid = k ? e->pair : e->code;
		const char *code;
		if (sid < EV_S_FIRST_FREE)
			continue;
		code = ev_str(r->d, sid);
		if (!ent_cameo_find(code))
			diag(r, 0, line, "code '%s' is not in our CAMEO table: its "
			     "Goldstein, quad class and PLOVER will be null", code);
	}
}

static int verb_pattern(rd *r, long line, long root, const char *s, size_t n,
                        int code_kind)
{
	const char *ph, *code, *why;
	size_t pl, cl, k;
	char buf[2048];
	uint32_t phrase, c = 0;
	int32_t len, alt;
	int rc;

	split_code(s + 1, n - 1, &ph, &pl, &code, &cl);
	if (code_kind != 0 && !code) {
		diag(r, 1, line, "pattern without a [code]");
		return 0;
	}
	k = prep_phrase(buf, sizeof buf, ph, pl);
	if (code_kind == 1 && !memchr(buf, '*', k)) {
		diag(r, 1, line, "pattern without the verb marker '*'");
		return 0;
	}
	if (code) {
		rc = code_kind == 2 ? ev_tcode_parse(r->d, code, cl, &c, &why)
		                    : ev_ecode_parse(r->d, code, cl, &c, &why);
		if (rc == ENT_ENOMEM)
			return rc;
		if (rc < 0) {
			diag(r, 1, line, "%s", why);
			return 0;
		}
		if (code_kind == 1)
			check_code(r, line, c);
	}
	rc = ev_phrase_compile(r->d, buf, k, 1, &phrase, &why);
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, 1, line, "%s", why);
		return 0;
	}
	if (!braces_balanced(buf, k))
		diag(r, 0, line, "unbalanced { | }: read as TABARI reads it (an "
		     "alternative runs to the next '}' or the end)");
	ev_pattern_length(buf, k, &len, &alt);
	if ((rc = ev_pat_add(r->d, (uint32_t)root, phrase, c, len + alt, alt,
	                     r->file, (int32_t)line)) < 0)
		return rc;
	r->st->entries++;
	return 0;
}

static int verb_forms(rd *r, long line, const char *s, size_t n)
{
	size_t i = 0;
	int got = 0;
	if (r->verb < 0 || r->skip_verb) {
		if (r->verb < 0)
			diag(r, 1, line, "verb forms before any verb");
		return 0;
	}
	while (i < n && (s[i] == '{' || s[i] == ' '))
		i++;
	while (i < n) {
		size_t j = i;
		uint32_t root;
		int rc;
		while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '}')
			j++;
		if (j > i) {
			rc = new_root(r, line, s + i, j - i, EV_W_VERB, &root);
			if (rc < -1)
				return rc;
			if (rc == 1) {
				r->d->roots[root].main = (uint32_t)r->verb + 1;
				r->d->roots[root].code = r->d->roots[r->verb].code;
			}
			got++;
		}
		i = j + 1;
	}
	if (!got)
		diag(r, 1, line, "no verb forms inside {...}");
	return 0;
}

static int verbs_line(rd *r, long line, const char *s, size_t n)
{
	const char *ph, *code, *why;
	size_t pl, cl;
	uint32_t root, c;
	int rc;

	if (starts_ci(s, n, "<SYN")) {
		r->block = B_SYN;
		r->sub = -1;
		return 0;
	}
	if (starts_ci(s, n, "<TIME")) {
		r->block = B_TIME;
		r->sub = -1;
		r->d->has_time = 1;
		return 0;
	}
	if (starts_ci(s, n, "<ATTRIB")) {
		r->block = B_ATTRIB;
		r->sub = -1;
		r->d->has_attrib = 1;
		return 0;
	}
	if (starts_ci(s, n, "<NOUN")) {
		r->block = B_NOUN;
		return 0;
	}
	if (starts_ci(s, n, "<ADJ")) {
		r->block = B_ADJ;
		return 0;
	}
	if (s[0] == '<') {
		diag(r, 1, line, "unknown block '%.*s'", (int)(n > 40 ? 40 : n), s);
		return 0;
	}
	if (s[0] == '-') {
		if (r->verb < 0) {
			diag(r, 1, line, "pattern before any verb");
			return 0;
		}
		if (r->skip_verb)
			return 0;
		return verb_pattern(r, line, r->verb, s, n, 1);
	}
	if (s[0] == '{')
		return verb_forms(r, line, s, n);
	split_code(s, n, &ph, &pl, &code, &cl);
	if (!code) {
		diag(r, 1, line, "verb without a [code] (use [---] for none)");
		r->verb = -1;
		return 0;
	}
	rc = ev_ecode_parse(r->d, code, cl, &c, &why);
	if (rc == ENT_ENOMEM)
		return rc;
	if (rc < 0) {
		diag(r, 1, line, "%s", why);
		r->verb = -1;
		return 0;
	}
	rc = new_root(r, line, ph, pl, EV_W_VERB, &root);
	if (rc < -1)
		return rc;
	if (rc < 0) {
		r->verb = -1;
		return 0;
	}
	r->verb = root;
	r->skip_verb = rc == 0;
	if (rc == 1)
		check_code(r, line, c);
	if (rc == 1) {
		r->d->roots[root].code = c;
		r->st->entries++;
	}
	return 0;
}

static int block_line(rd *r, long line, const char *s, size_t n)
{
	const char *ph, *code, *why;
	size_t pl, cl;
	uint32_t root, c = 0;
	int rc;

	switch (r->block) {
	case B_SYN:
		if (starts_ci(s, n, "</SYN")) {
			r->block = B_NONE;
			return 0;
		}
		if (s[0] == '&') {
			char fold[256];
			size_t fl;
			uint64_t key;
			split_code(s, n, &ph, &pl, &code, &cl);
			fl = ev_fold(fold, sizeof fold, ph, pl);
			if (fl >= sizeof fold || pl < 2) {
				diag(r, 1, line, "bad synset name");
				r->sub = -1;
				return 0;
			}
			while (fl > 1 && fold[fl - 1] == '_')
				fl--;
			key = ent_hash_bytes(fold, fl) | 1;
			if (ent_map64_get(&r->d->syn_map, key, 0)) {
				diag(r, 0, line, "synset '%.*s' is already defined: this "
				     "definition is skipped", (int)pl, ph);
				r->sub = -1;
				r->skip_sub = 1;
				return 0;
			}
			{
				uint32_t phrase;
				rc = ev_phrase_compile(r->d, "synset", 6, 0, &phrase, &why);
				if (rc < 0)
					return rc;
				if ((rc = ev_root_add(r->d, phrase, EV_W_SYNSET, &root)) < 0)
					return rc;
			}
			r->d->roots[root].file = r->file;
			r->d->roots[root].line = (int32_t)line;
			if (ent_map64_put(&r->d->syn_map, key, root + 1) < 0)
				return ENT_ENOMEM;
			r->sub = root;
			r->skip_sub = 0;
			r->st->entries++;
			return 0;
		}
		if (s[0] == '+') {
			if (r->sub < 0) {
				if (!r->skip_sub)
					diag(r, 1, line, "synset member before any &name");
				return 0;
			}
			return verb_pattern(r, line, r->sub, s, n, 0);
		}
		diag(r, 1, line, "expected '&NAME' or '+member' inside <SYNSETS>");
		return 0;
	case B_TIME:
	case B_ATTRIB:
		if ((r->block == B_TIME && starts_ci(s, n, "</TIME")) ||
		    (r->block == B_ATTRIB && starts_ci(s, n, "</ATTRIB"))) {
			r->block = B_NONE;
			return 0;
		}
		if (s[0] == '-') {
			if (r->sub < 0) {
				diag(r, 1, line, "pattern before any phrase");
				return 0;
			}
			if (r->skip_sub)
				return 0;
			return verb_pattern(r, line, r->sub, s, n,
			                    r->block == B_TIME ? 2 : 3);
		}
		split_code(s, n, &ph, &pl, &code, &cl);
		if (!code && r->block == B_TIME) {
			diag(r, 1, line, "time phrase without a [shift]");
			r->sub = -1;
			return 0;
		}
		if (code) {
			rc = r->block == B_TIME ? ev_tcode_parse(r->d, code, cl, &c, &why)
			                        : ev_ecode_parse(r->d, code, cl, &c, &why);
			if (rc == ENT_ENOMEM)
				return rc;
			if (rc < 0) {
				diag(r, 1, line, "%s", why);
				r->sub = -1;
				return 0;
			}
		} else {
			rc = ev_ecode_parse(r->d, "[---]", 5, &c, &why);
			if (rc < 0)
				return rc;
		}
		rc = new_root(r, line, ph, pl, r->block == B_TIME ? EV_W_TIME
		                                                  : EV_W_ATTRIB, &root);
		if (rc < -1)
			return rc;
		r->sub = rc < 0 ? -1 : (long)root;
		r->skip_sub = rc == 0;
		if (rc == 1) {
			r->d->roots[root].code = c;
			r->st->entries++;
		}
		return 0;
	case B_NOUN:
	case B_ADJ:
		if ((r->block == B_NOUN && starts_ci(s, n, "</NOUN")) ||
		    (r->block == B_ADJ && starts_ci(s, n, "</ADJ"))) {
			r->block = B_NONE;
			return 0;
		}
		split_code(s, n, &ph, &pl, &code, &cl);
		rc = new_root(r, line, ph, pl, r->block == B_NOUN ? EV_W_NOUN
		                                                  : EV_W_ADJ, &root);
		if (rc < -1)
			return rc;
		if (rc == 1)
			r->st->entries++;
		return 0;
	default:
		return 0;
	}
}

/* ------------------------------------------------------------------------
 * Actors and agents (--compat tabari)
 * ------------------------------------------------------------------------ */

/* Give the waiting entry (and its synonyms) its codes. */
static int flush_group(rd *r)
{
	int rc = 0;
	if (r->ngroup && r->group_needs && !r->group_dead) {
		uint32_t c;
		const char *why;
		size_t i;
		if (r->dates.len == 0) {
			diag(r, 1, r->group_line, "actor without a [code]");
			for (i = 0; i < r->ngroup; i++)
				r->d->roots[r->group[i]].dead = 1;
		} else {
			rc = ev_acode_parse(r->d, r->dates.data, r->dates.len, &c, &why);
			if (rc == ENT_EPARSE) {
				diag(r, 1, r->group_line, "%s", why);
				for (i = 0; i < r->ngroup; i++)
					r->d->roots[r->group[i]].dead = 1;
				rc = 0;
			} else if (rc == 0) {
				for (i = 0; i < r->ngroup; i++)
					r->d->roots[r->group[i]].code = c;
				r->st->restrictions++;
			}
		}
	}
	r->ngroup = 0;
	r->group_needs = 0;
	r->group_dead = 0;
	ent_buf_clear(&r->dates);
	return rc;
}

static int group_add(rd *r, uint32_t root)
{
	if (ENT_GROW(r->group, r->ngroup, r->group_cap) < 0)
		return ENT_ENOMEM;
	r->group[r->ngroup++] = root;
	return 0;
}

static int actors_line(rd *r, long line, const char *s, size_t n)
{
	const char *ph, *code, *why;
	size_t pl, cl;
	uint32_t root, c;
	int rc;

	if (r->block == B_NOUN || r->block == B_ADJ)
		return block_line(r, line, s, n);
	if (starts_ci(s, n, "<NOUN")) {
		if ((rc = flush_group(r)) < 0)
			return rc;
		r->block = B_NOUN;
		return 0;
	}
	if (starts_ci(s, n, "<ADJ")) {
		if ((rc = flush_group(r)) < 0)
			return rc;
		r->block = B_ADJ;
		return 0;
	}
	split_code(s, n, &ph, &pl, &code, &cl);
	if (pl == 0 && code) {
		/* a restriction line for the waiting entry */
		if (!r->ngroup || !r->group_needs) {
			if (!r->group_dead)
				diag(r, 1, line, "code line without an entry waiting for "
				     "its codes");
			return 0;
		}
		ent_buf_put(&r->dates, code, cl);
		ent_buf_putc(&r->dates, ' ');
		return r->dates.oom ? ENT_ENOMEM : 0;
	}
	if (s[0] == '+') {
		if (!r->ngroup) {
			if (!r->group_dead)
				diag(r, 1, line, "synonym before any actor");
			return 0;
		}
		split_code(s + 1, n - 1, &ph, &pl, &code, &cl);
		rc = new_root(r, line, ph, pl, EV_W_ACTOR, &root);
		if (rc < -1)
			return rc;
		if (rc == 1) {
			r->d->roots[root].parent = r->group[0] + 1;
			r->d->roots[root].code = r->d->roots[r->group[0]].code;
			if ((rc = group_add(r, root)) < 0)
				return rc;
		}
		return 0;
	}
	if ((rc = flush_group(r)) < 0)
		return rc;
	rc = new_root(r, line, ph, pl, EV_W_ACTOR, &root);
	if (rc < -1)
		return rc;
	if (rc <= 0) {
		r->group_dead = 1;
		return 0;
	}
	r->st->entries++;
	r->group_line = line;
	if ((rc = group_add(r, root)) < 0)
		return rc;
	if (code) {
		rc = ev_acode_parse(r->d, code, cl, &c, &why);
		if (rc == ENT_ENOMEM)
			return rc;
		if (rc < 0) {
			diag(r, 1, line, "%s", why);
			r->d->roots[root].dead = 1;
			r->ngroup = 0;
			r->group_dead = 1;
			return 0;
		}
		r->d->roots[root].code = c;
	} else
		r->group_needs = 1;
	return 0;
}

static int agents_line(rd *r, long line, const char *s, size_t n)
{
	const char *ph, *code;
	size_t pl, cl, k;
	uint32_t root, sid;
	int rc;

	split_code(s, n, &ph, &pl, &code, &cl);
	if (!code) {
		diag(r, 1, line, "agent without a [code]");
		return 0;
	}
	code++;
	cl--;
	for (k = 0; k < cl && code[k] != ']'; k++)
		;
	if (k == cl) {
		diag(r, 1, line, "missing ]");
		return 0;
	}
	cl = k;
	trim(&code, &cl);
	if (!cl || !memchr(code, '~', cl)) {
		diag(r, 1, line, "an agent code needs a '~' ([~GOV] appends, [NGO~] "
		     "prepends)");
		return 0;
	}
	rc = new_root(r, line, ph, pl, EV_W_AGENT, &root);
	if (rc < -1)
		return rc;
	if (rc != 1)
		return 0;
	if ((rc = ev_str_intern(r->d, code, cl, &sid)) < 0)
		return rc;
	r->d->roots[root].code = sid;
	r->st->entries++;
	return 0;
}

/* ------------------------------------------------------------------------
 * Discards and issues
 * ------------------------------------------------------------------------ */

static int discards_line(rd *r, long line, const char *s, size_t n)
{
	uint32_t root;
	int story = 0, rc;
	if (s[0] == '+') {
		story = 1;
		s++;
		n--;
		trim(&s, &n);
	}
	rc = new_root(r, line, s, n, EV_W_DISCARD, &root);
	if (rc < -1)
		return rc;
	if (rc == 1) {
		r->d->roots[root].special = story ? 2 : 1; /* see parse.c */
		r->st->entries++;
	}
	return 0;
}

/* The value of KEY="..." in an <ISSUE ...> line. */
static size_t attr(const char *s, size_t n, const char *key, const char **v)
{
	size_t k = strlen(key), i;
	for (i = 0; i + k < n; i++) {
		if (starts_ci(s + i, n - i, key)) {
			size_t j = i + k;
			while (j < n && (s[j] == ' ' || s[j] == '='))
				j++;
			if (j < n && s[j] == '"') {
				size_t e = ++j;
				while (e < n && s[e] != '"')
					e++;
				*v = s + j;
				return e - j;
			}
		}
	}
	*v = NULL;
	return 0;
}

static int issues_line(rd *r, long line, const char *s, size_t n)
{
	const char *ph, *code, *v;
	size_t pl, cl, vl, i, k;
	char buf[1024];
	uint32_t root, sid;
	int rc;

	if (starts_ci(s, n, "<ISSUE")) {
		ev_issuecat cat;
		memset(&cat, 0, sizeof cat);
		vl = attr(s, n, "CATEGORY", &v);
		if ((rc = ev_str_intern(r->d, v ? v : "", vl, &cat.name)) < 0)
			return rc;
		vl = attr(s, n, "TYPE", &v);
		cat.all = v && contains_ci(v, vl, "ALL");
		cat.numeric = v && contains_ci(v, vl, "NUM");
		vl = attr(s, n, "DEFAULT", &v);
		if (v && vl && (rc = ev_str_intern(r->d, v, vl, &cat.dflt)) < 0)
			return rc;
		if (ENT_GROW(r->d->issuecats, r->d->nissuecat, r->d->issuecat_cap) < 0)
			return ENT_ENOMEM;
		r->issue_cat = (int)r->d->nissuecat;
		r->d->issuecats[r->d->nissuecat++] = cat;
		r->d->has_issues = 1;
		return 0;
	}
	if (starts_ci(s, n, "</ISSUE")) {
		r->issue_cat = -1;
		return 0;
	}
	if (r->issue_cat < 0) {
		diag(r, 1, line, "issue phrase outside an <ISSUE ...> block");
		return 0;
	}
	if (s[0] == '~')
		return 0; /* PETRARCH exclusion phrases: not used (docs) */
	split_code(s, n, &ph, &pl, &code, &cl);
	/* PETRARCH issue syntax: "n:word" part-of-speech marks, "a+b" joins */
	for (i = 0, k = 0; i < pl && k + 1 < sizeof buf; i++) {
		if (i + 1 < pl && ph[i + 1] == ':' && isalpha((unsigned char)ph[i]) &&
		    (i == 0 || ph[i - 1] == ' ' || ph[i - 1] == '+')) {
			i++;
			continue;
		}
		buf[k++] = ph[i] == '+' ? '_' : ph[i];
	}
	rc = new_root(r, line, buf, k, EV_W_ISSUE, &root);
	if (rc < -1)
		return rc;
	if (rc != 1)
		return 0;
	r->d->roots[root].issue = r->issue_cat;
	if (code) {
		const char *c = code + 1;
		size_t l = cl - 1;
		for (k = 0; k < l && c[k] != ']'; k++)
			;
		l = k;
		trim(&c, &l);
		if (r->d->issuecats[r->issue_cat].numeric) {
			r->d->roots[root].value = (int32_t)strtol(c, NULL, 10);
		} else if (l) {
			if ((rc = ev_str_intern(r->d, c, l, &sid)) < 0)
				return rc;
			r->d->roots[root].code = sid;
		}
	}
	r->st->entries++;
	return 0;
}

/* ------------------------------------------------------------------------
 * The file loop
 * ------------------------------------------------------------------------ */

int ev_read_tabari(ent_evdict *d, const char *name, const char *data,
                   size_t len, ent_dict_kind kind, ent_dict_load_stats *st)
{
	ent_linereader lr;
	const char *line;
	size_t n;
	char *conv = NULL;
	size_t conv_cap = 0;
	rd r;
	int rc = 0;

	memset(&r, 0, sizeof r);
	r.d = d;
	r.name = name;
	r.kind = kind;
	r.st = st;
	r.verb = -1;
	r.sub = -1;
	r.issue_cat = -1;
	if ((rc = ev_str_intern(d, name, strlen(name), &r.file)) < 0)
		return rc;
	ent_lr_init_mem(&lr, data, len, d->opts.max_line);
	for (;;) {
		const char *s;
		size_t m;
		long ln;
		int got = ent_lr_next(&lr, &line, &n);
		if (got <= 0)
			break;
		ln = lr.lineno;
		if (lr.too_long) {
			diag(&r, 1, ln, "line longer than %zu bytes: skipped",
			     d->opts.max_line);
			continue;
		}
		s = line;
		m = n;
		if (ent_utf8_valid_prefix((const unsigned char *)s, m) != m) {
			if (conv_cap < m * 2 + 1) {
				char *c2 = ent_realloc(conv, m * 2 + 1);
				if (!c2) {
					rc = ENT_ENOMEM;
					break;
				}
				conv = c2;
				conv_cap = m * 2 + 1;
			}
			diag(&r, 0, ln, "not UTF-8: read as Latin-1");
			m = ent_utf8_from_latin1(conv, conv_cap, s, m);
			s = conv;
		}
		if (memchr(s, '\0', m)) {
			diag(&r, 1, ln, "NUL byte in line: skipped");
			continue;
		}
		if (m == 0 || s[0] == '#' || s[0] == '/')
			continue;
		if (s[0] == '~')
			break;   /* ~FINISH */
		{
			const char *semi = memchr(s, ';', m);
			if (semi)
				m = (size_t)(semi - s);
		}
		trim(&s, &m);
		if (m == 0)
			continue;
		switch (kind) {
		case ENT_DICT_VERBS:
			rc = r.block != B_NONE ? block_line(&r, ln, s, m)
			                       : verbs_line(&r, ln, s, m);
			break;
		case ENT_DICT_ACTORS:
			rc = actors_line(&r, ln, s, m);
			break;
		case ENT_DICT_AGENTS:
			rc = agents_line(&r, ln, s, m);
			break;
		case ENT_DICT_DISCARDS:
			rc = discards_line(&r, ln, s, m);
			break;
		case ENT_DICT_ISSUES:
			rc = issues_line(&r, ln, s, m);
			break;
		default:
			rc = 0;
		}
		if (rc < 0)
			break;
	}
	if (rc == 0 && kind == ENT_DICT_ACTORS)
		rc = flush_group(&r);
	if (rc == 0 && r.block != B_NONE && kind == ENT_DICT_VERBS)
		diag(&r, 1, lr.lineno, "file ends inside a <%s> block",
		     r.block == B_SYN ? "SYNSETS" : r.block == B_TIME ? "TIME"
		     : r.block == B_ATTRIB ? "ATTRIB" : r.block == B_NOUN ? "NOUN"
		     : "ADJECTIVE");
	if (kind == ENT_DICT_ACTORS)
		d->has_actors = 1;
	ent_lr_destroy(&lr);
	ent_free(conv);
	ent_free(r.group);
	ent_buf_free(&r.dates);
	if (rc == ENT_ENOMEM)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	if (st->warnings && !d->opts.check)
		ent_diag_emit(d->ctx, ENT_DIAG_WARNING, name, 0, -1,
		              "%ld warning%s (duplicates, quirks read leniently); "
		              "`entente dict check %s` lists them", st->warnings,
		              st->warnings == 1 ? "" : "s", name);
	return 0;
}
