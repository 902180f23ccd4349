/*
 * states.c - the state universe (data/states.tsv, data/territories.tsv).
 *
 * A state may have several rows, one per period in which its COW and
 * Gleditsch-Ward codes held (Germany: 260 GFR until 1990-10-03, then 255;
 * Serbia: G&W 345 until 2006-06-05, then 340).  Lookups by code, CAMEO
 * alias, territory (rolled up to the sovereign) or English name go through
 * one sorted index of folded keys.
 */
#include "entente/world.h"
#include "util/alloc.h"
#include "util/ctx.h"
#include "util/lines.h"
#include "entente/builtin.h"

#include <ctype.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	int state;          /* index into states[] */
	int cow, gw;
	ent_date from, until;
	char *source;
} code_row;

typedef struct {
	char iso3[4];
	char *name;
	char group[8];
	char *region;
	ent_date un_since;
	int first_row, nrows;
} state;

typedef struct {
	char *key;          /* folded: lower case, letters and digits only */
	int state;
} name_key;

struct ent_states {
	state *s;
	size_t n;
	code_row *rows;
	size_t nrows;
	name_key *keys;
	size_t nkeys, keycap;
};

/* lower-case ASCII letters and digits only ("North Korea" -> "northkorea") */
static char *fold_key(const char *s, size_t n)
{
	char *k = ent_malloc(n + 1);
	size_t i, j = 0;
	if (!k)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c))
			k[j++] = (char)tolower(c);
	}
	k[j] = '\0';
	return k;
}

static int add_key(ent_states *st, const char *s, size_t n, int which)
{
	char *k;
	if (!n)
		return 0;
	if (ENT_GROW(st->keys, st->nkeys, st->keycap) < 0)
		return ENT_ENOMEM;
	if (!(k = fold_key(s, n)))
		return ENT_ENOMEM;
	if (!k[0]) {
		ent_free(k);
		return 0;
	}
	st->keys[st->nkeys].key = k;
	st->keys[st->nkeys].state = which;
	st->nkeys++;
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const name_key *)a)->key, ((const name_key *)b)->key);
}

static int parse_int(const char *s, size_t n, int *out)
{
	int v = 0;
	size_t i;
	if (!n) {
		*out = -1;
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int parse_date_opt(const char *s, size_t n, ent_date *out)
{
	if (!n || (n == 1 && s[0] == '-')) {
		*out = ENT_DATE_NONE;
		return 0;
	}
	return ent_date_parse(out, s, n);
}

static int load_states(ent_states *st, ent_ctx *ctx, const ent_builtin_file *f)
{
	ent_lines it;
	const char *line;
	size_t len;
	ent_lines_init(&it, f->data, f->len);
	while (ent_lines_next(&it, &line, &len)) {
		const char *fld[12];
		size_t fl[12];
		int nf, cow, gw, idx;
		ent_date from, until, un;
		code_row *r;
		if (!len || line[0] == '#')
			continue;
		nf = ent_split(line, len, '\t', 1, fld, fl, 12);
		if (nf != 12 || fl[0] != 3 || parse_int(fld[2], fl[2], &cow) < 0 ||
		    parse_int(fld[4], fl[4], &gw) < 0 ||
		    parse_date_opt(fld[5], fl[5], &from) < 0 ||
		    parse_date_opt(fld[6], fl[6], &until) < 0 ||
		    parse_date_opt(fld[7], fl[7], &un) < 0)
			return ent_err(ctx, ENT_EPARSE, "%s:%ld: malformed state row",
			               f->name, it.lineno);
		/* same state as the previous row? */
		if (st->n && memcmp(st->s[st->n - 1].iso3, fld[0], 3) == 0) {
			idx = (int)st->n - 1;
		} else {
			state *s;
			state *ns = ent_realloc(st->s, (st->n + 1) * sizeof(*ns));
			if (!ns)
				return ENT_ENOMEM;
			st->s = ns;
			s = &st->s[st->n];
			memset(s, 0, sizeof(*s));
			memcpy(s->iso3, fld[0], 3);
			s->name = ent_strndup(fld[1], fl[1]);
			s->region = ent_strndup(fld[9], fl[9]);
			snprintf(s->group, sizeof s->group, "%.*s", (int)fl[8], fld[8]);
			s->un_since = un;
			s->first_row = (int)st->nrows;
			idx = (int)st->n++; /* counted first: ent_states_free frees it */
			if (!s->name || !s->region)
				return ENT_ENOMEM;
			if (add_key(st, fld[0], 3, idx) < 0 ||
			    add_key(st, fld[1], fl[1], idx) < 0 ||
			    (fl[10] && add_key(st, fld[10], fl[10], idx) < 0))
				return ENT_ENOMEM;
		}
		{
			code_row *nr = ent_realloc(st->rows, (st->nrows + 1) * sizeof(*nr));
			if (!nr)
				return ENT_ENOMEM;
			st->rows = nr;
		}
		r = &st->rows[st->nrows++];
		r->state = idx;
		r->cow = cow;
		r->gw = gw;
		r->from = from;
		r->until = until;
		r->source = ent_strndup(fld[11], fl[11]);
		if (!r->source)
			return ENT_ENOMEM;
		st->s[idx].nrows++;
	}
	return 0;
}

static int load_territories(ent_states *st, ent_ctx *ctx,
                            const ent_builtin_file *f)
{
	ent_lines it;
	const char *line;
	size_t len;
	int rc;
	ent_lines_init(&it, f->data, f->len);
	while (ent_lines_next(&it, &line, &len)) {
		const char *fld[4];
		size_t fl[4];
		int nf, sov = -1;
		size_t i;
		if (!len || line[0] == '#')
			continue;
		nf = ent_split(line, len, '\t', 1, fld, fl, 4);
		if (nf != 4 || fl[0] != 3)
			return ent_err(ctx, ENT_EPARSE, "%s:%ld: malformed territory row",
			               f->name, it.lineno);
		if (fl[2] == 1 && fld[2][0] == '-')
			continue; /* no sovereign (Antarctica, Western Sahara) */
		for (i = 0; i < st->n; i++)
			if (fl[2] == 3 && memcmp(st->s[i].iso3, fld[2], 3) == 0)
				sov = (int)i;
		if (sov < 0)
			return ent_err(ctx, ENT_EPARSE, "%s:%ld: unknown sovereign '%.*s'",
			               f->name, it.lineno, (int)fl[2], fld[2]);
		if ((rc = add_key(st, fld[0], 3, sov)) < 0)
			return rc;
	}
	return 0;
}

int ent_states_load(ent_states **out, ent_ctx *ctx)
{
	const ent_builtin_file *fs = ent_builtin_find("states.tsv");
	const ent_builtin_file *ft = ent_builtin_find("territories.tsv");
	ent_states *st;
	int rc;
	*out = NULL;
	if (!fs || !ft)
		return ent_err(ctx, ENT_ENOTFOUND, "built-in state table missing");
	st = ent_calloc(1, sizeof(*st));
	if (!st)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	if ((rc = load_states(st, ctx, fs)) < 0 ||
	    (rc = load_territories(st, ctx, ft)) < 0) {
		if (rc == ENT_ENOMEM)
			ent_err(ctx, rc, "out of memory loading the state table");
		ent_states_free(st);
		return rc;
	}
	qsort(st->keys, st->nkeys, sizeof(*st->keys), cmp_key);
	*out = st;
	return 0;
}

void ent_states_free(ent_states *st)
{
	size_t i;
	if (!st)
		return;
	for (i = 0; i < st->n; i++) {
		ent_free(st->s[i].name);
		ent_free(st->s[i].region);
	}
	for (i = 0; i < st->nrows; i++)
		ent_free(st->rows[i].source);
	for (i = 0; i < st->nkeys; i++)
		ent_free(st->keys[i].key);
	ent_free(st->s);
	ent_free(st->rows);
	ent_free(st->keys);
	ent_free(st);
}

size_t ent_states_count(const ent_states *st)
{
	return st->n;
}

int ent_states_lookup(const ent_states *st, const char *s)
{
	char buf[128];
	size_t i, j = 0;
	size_t lo = 0, hi = st->nkeys;
	const char *q = s;
	/* "the United States" -> "united states" */
	if (strncasecmp(q, "the ", 4) == 0)
		q += 4;
	for (i = 0; q[i] && j < sizeof buf - 1; i++)
		if (isalnum((unsigned char)q[i]))
			buf[j++] = (char)tolower((unsigned char)q[i]);
	buf[j] = '\0';
	if (!j)
		return -1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(st->keys[mid].key, buf);
		if (c == 0)
			return st->keys[mid].state;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Optimal string alignment distance: insertions, deletions, substitutions
 * and transpositions of neighbours ("Nroth" -> "North") cost 1. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	static __thread size_t d[64][64];
	if (la > 62 || lb > 62)
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < c)
				c = d[i - 2][j - 2] + 1;
			d[i][j] = c;
		}
	return d[la][lb];
}

size_t ent_states_suggest(const ent_states *st, const char *s, int *out,
                          size_t max)
{
	char *q = fold_key(s, strlen(s));
	size_t *dist = NULL, i, k = 0, limit;
	if (!q || max == 0 || !(dist = ent_malloc(st->n * sizeof(*dist)))) {
		ent_free(q);
		return 0;
	}
	limit = strlen(q) / 3 + 2;
	for (i = 0; i < st->n; i++)
		dist[i] = (size_t)-1;
	for (i = 0; i < st->nkeys; i++) {
		size_t d = edit_distance(q, st->keys[i].key);
		/* a prefix match counts as close ("korea" -> "koreanorth") */
		if (strncmp(st->keys[i].key, q, strlen(q)) == 0 && strlen(q) >= 4)
			d = 1;
		if (d <= limit && d < dist[st->keys[i].state])
			dist[st->keys[i].state] = d;
	}
	/* selection of the `max` nearest (at most one edit worse than the
	 * nearest), ties by index */
	{
		size_t nearest = (size_t)-1;
		for (i = 0; i < st->n; i++)
			if (dist[i] < nearest)
				nearest = dist[i];
		for (i = 0; i < st->n; i++)
			if (dist[i] != (size_t)-1 && dist[i] > nearest + 1)
				dist[i] = (size_t)-1;
	}
	while (k < max) {
		size_t best = (size_t)-1;
		int who = -1;
		for (i = 0; i < st->n; i++)
			if (dist[i] < best) {
				best = dist[i];
				who = (int)i;
			}
		if (who < 0)
			break;
		out[k++] = who;
		dist[who] = (size_t)-1;
	}
	ent_free(dist);
	ent_free(q);
	return k;
}

const char *ent_states_iso3(const ent_states *st, size_t i)
{
	return st->s[i].iso3;
}

const char *ent_states_name(const ent_states *st, size_t i)
{
	return st->s[i].name;
}

static const code_row *row_at(const ent_states *st, size_t i, ent_date d)
{
	const state *s = &st->s[i];
	int k;
	if (d == ENT_DATE_NONE)
		return &st->rows[s->first_row + s->nrows - 1];
	for (k = s->nrows - 1; k >= 0; k--) {
		const code_row *r = &st->rows[s->first_row + k];
		if ((r->from == ENT_DATE_NONE || d >= r->from) &&
		    (r->until == ENT_DATE_NONE || d < r->until))
			return r;
	}
	return NULL;
}

int ent_states_cow(const ent_states *st, size_t i, ent_date d)
{
	const code_row *r = row_at(st, i, d);
	return r ? r->cow : -1;
}

int ent_states_gw(const ent_states *st, size_t i, ent_date d)
{
	const code_row *r = row_at(st, i, d);
	return r ? r->gw : -1;
}

const char *ent_states_group(const ent_states *st, size_t i)
{
	return st->s[i].group;
}

const char *ent_states_region(const ent_states *st, size_t i)
{
	return st->s[i].region;
}

ent_date ent_states_un_since(const ent_states *st, size_t i)
{
	return st->s[i].un_since;
}

const char *ent_states_source(const ent_states *st, size_t i, ent_date d)
{
	const code_row *r = row_at(st, i, d);
	if (!r)
		r = row_at(st, i, ENT_DATE_NONE);
	return r->source;
}
