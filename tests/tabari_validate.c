/*
 * tabari_validate.c - TABARI's own validation suite as a test: runs
 *   entente code --input tabari --no-builtin --compat tabari
 * with the suite's dictionaries and options (as Validate.project names
 * them) on Validate.text, reads the expected events from each record's
 * comment ("{ A / B / CODE }" per event, "{---}" none) and scores the exact
 * set of (source, target, code) per standard record, up to FINAL-01.
 * Records whose comment has "{+++}", an OPTION directive or a deactivated
 * "-{ ... }" line are not scored.  A record's comment runs from its first
 * slash-star to its last star-slash (a few records close it twice), or to
 * the end of the record when it is never closed (two records).
 *
 * Prints the pass rate by category; fails when fewer records pass than
 * the best measured so far (docs/accuracy.md).  Skipped (exit 77) when
 * ../shared is absent.
 *
 * Usage: tabari_validate SHARED_DIR [--verbose]
 */
#include "cli/cli.h"
#include "util/arena.h"
#include "util/json.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The best result measured (docs/accuracy.md): raise it, never lower it. */
#define BEST_PASSED 426

typedef struct {
	char src[64], tar[64], code[32];
} triple;

typedef struct {
	char id[80];
	char cat[40];
	long end;          /* end of the record's text (last non-space + 1) */
	int scored;
	triple *exp;
	int nexp;
	triple *got;
	int ngot;
} record;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	if (b) {
		b[n] = '\0';
		*len = (size_t)n;
	}
	return b;
}

static int add_triple(triple **v, int *n, const char *s, const char *t,
                      const char *c)
{
	triple *q = realloc(*v, (size_t)(*n + 1) * sizeof(triple));
	if (!q)
		return -1;
	*v = q;
	snprintf(q[*n].src, sizeof q[*n].src, "%s", s);
	snprintf(q[*n].tar, sizeof q[*n].tar, "%s", t);
	snprintf(q[*n].code, sizeof q[*n].code, "%s", c);
	(*n)++;
	return 0;
}

static void trim(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[i]))
		i++;
	memmove(s, s + i, n - i + 1);
}

/* Expected events and the not-scored marks of a comment. */
static void expectations(record *r, const char *c, size_t n)
{
	size_t i;
	r->scored = 1;
	/* a line (after the literal "\n" marks) starting "-{" */
	for (i = 0; i < n; i++) {
		size_t j = i;
		if (i > 0 && c[i - 1] != '\n')
			continue;
		while (j < n && (c[j] == ' ' || c[j] == '\t'))
			j++;
		while (j + 1 < n && c[j] == '\\' && c[j + 1] == 'n')
			j += 2;
		if (j + 1 < n && c[j] == '-' && c[j + 1] == '{')
			r->scored = 0;
	}
	for (i = 0; i < n; i++) {
		const char *e;
		char body[256], *parts[3], *p;
		size_t bl;
		int np = 0;
		if (c[i] != '{' || (i > 0 && c[i - 1] == '-'))
			continue;
		e = memchr(c + i, '}', n - i);
		if (!e)
			break;
		bl = (size_t)(e - (c + i) - 1);
		if (bl >= sizeof body)
			bl = sizeof body - 1;
		memcpy(body, c + i + 1, bl);
		body[bl] = '\0';
		trim(body);
		if (strncmp(body, "+++", 3) == 0 || strncasecmp(body, "OPTION", 6) == 0) {
			r->scored = 0;
			continue;
		}
		if (strncmp(body, "---", 3) == 0)
			continue;
		p = body;
		parts[np++] = p;
		while (*p && np < 3) {
			if (*p == '/') {
				*p = '\0';
				parts[np++] = p + 1;
			}
			p++;
		}
		if (np == 3) {
			char *code = parts[2];
			trim(parts[0]);
			trim(parts[1]);
			trim(code);
			for (p = code; *p && !isspace((unsigned char)*p); p++)
				;
			*p = '\0';
			add_triple(&r->exp, &r->nexp, parts[0], parts[1], code);
		}
		i = (size_t)(e - c);
	}
}

/* The records of Validate.text, as our TABARI reader reads them. */
static int read_records(const char *text, size_t len, record **out)
{
	record *v = NULL;
	int n = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *le = memchr(p, '\n', (size_t)(end - p)), *q;
		size_t ll;
		int k = 0;
		if (!le)
			le = end;
		ll = (size_t)(le - p);
		while (k < (int)ll && isdigit((unsigned char)p[k]))
			k++;
		if (k >= 6 && (k == (int)ll || p[k] == ' ' || p[k] == '\t')) {
			record *r;
			const char *body, *bend, *cs, *ce;
			char *buf;
			size_t bl, i;
			int kd = k == 7 ? 6 : k > 8 ? 8 : k;
			v = realloc(v, (size_t)(n + 1) * sizeof(record));
			r = &v[n++];
			memset(r, 0, sizeof(*r));
			q = p + kd;
			while (q < le && (*q == ' ' || *q == '\t'))
				q++;
			bl = (size_t)(le - q);
			if (bl >= sizeof r->id)
				bl = sizeof r->id - 1;
			memcpy(r->id, q, bl);
			r->id[bl] = '\0';
			trim(r->id);
			snprintf(r->cat, sizeof r->cat, "%.39s", r->id);
			{
				char *d = strchr(r->cat, '-');
				if (d)
					*d = '\0';
			}
			/* text lines up to a blank line */
			body = le < end ? le + 1 : end;
			bend = body;
			for (;;) {
				const char *e2 = memchr(bend, '\n', (size_t)(end - bend)), *t;
				int blank = 1;
				if (bend >= end)
					break;
				if (!e2)
					e2 = end;
				for (t = bend; t < e2; t++)
					if (!isspace((unsigned char)*t))
						blank = 0;
				if (blank)
					break;
				bend = e2 < end ? e2 + 1 : end;
			}
			bl = (size_t)(bend - body);
			buf = malloc(bl + 1);
			memcpy(buf, body, bl);
			buf[bl] = '\0';
			cs = strstr(buf, "/*");
			ce = NULL;
			for (i = bl; i >= 2; i--)
				if (buf[i - 2] == '*' && buf[i - 1] == '/') {
					ce = buf + i - 2;
					break;
				}
			if (cs && ce && ce > cs)
				expectations(r, cs + 2, (size_t)(ce - cs - 2));
			else if (cs) /* never closed: it runs to the end of the record */
				expectations(r, cs + 2, bl - (size_t)(cs + 2 - buf));
			else
				r->scored = 1;
			/* the text with the first comment blanked, as our reader does */
			{
				int inc = 0;
				long last = -1;
				for (i = 0; i < bl; i++) {
					if (!inc && buf[i] == '/' && i + 1 < bl && buf[i + 1] == '*') {
						inc = 1;
						i++;
						continue;
					}
					if (inc && buf[i] == '*' && i + 1 < bl && buf[i + 1] == '/') {
						inc = 0;
						i++;
						continue;
					}
					if (!inc && !isspace((unsigned char)buf[i]))
						last = (long)i;
				}
				r->end = last + 1;
			}
			free(buf);
			if (strcmp(r->id, "FINAL-01") == 0)
				break;
			p = bend;
			continue;
		}
		p = le < end ? le + 1 : end;
	}
	*out = v;
	return n;
}

static int same_set(const triple *a, int na, const triple *b, int nb)
{
	int i, j;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb; j++)
			if (!strcmp(a[i].src, b[j].src) && !strcmp(a[i].tar, b[j].tar) &&
			    !strcmp(a[i].code, b[j].code))
				break;
		if (j == nb)
			return 0;
	}
	for (j = 0; j < nb; j++) {
		for (i = 0; i < na; i++)
			if (!strcmp(a[i].src, b[j].src) && !strcmp(a[i].tar, b[j].tar) &&
			    !strcmp(a[i].code, b[j].code))
				break;
		if (i == na)
			return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	char dir[1024], path[1200], verbs[1200], actors[1200], agents[1200],
	    options[1200];
	char *text, *out = NULL;
	size_t tlen, olen = 0;
	record *recs;
	int nrec, i, rc, verbose = argc > 2 && strcmp(argv[2], "--verbose") == 0;
	int scored = 0, passed = 0;
	FILE *fo, *fe;
	char *cargv[20];
	int cargc = 0;
	ent_arena arena;

	if (argc < 2) {
		fprintf(stderr, "usage: tabari_validate SHARED_DIR [--verbose]\n");
		return 2;
	}
	snprintf(dir, sizeof dir, "%s/dictionaries/tabari-validation", argv[1]);
	snprintf(path, sizeof path, "%s/Validate.text", dir);
	text = slurp(path, &tlen);
	if (!text) {
		printf("SKIP: %s not found (../shared is absent)\n", path);
		return 77;
	}
	snprintf(verbs, sizeof verbs, "%s/TABARI.Demo.verbs", dir);
	snprintf(actors, sizeof actors, "%s/TABARI.Demo.actors", dir);
	snprintf(agents, sizeof agents, "%s/Validate.agents", dir);
	snprintf(options, sizeof options, "%s/Validate.options", dir);
	cargv[cargc++] = "entente";
	cargv[cargc++] = "code";
	cargv[cargc++] = "--input";
	cargv[cargc++] = "tabari";
	cargv[cargc++] = "--no-builtin";
	cargv[cargc++] = "--compat";
	cargv[cargc++] = "tabari";
	cargv[cargc++] = "--verbs";
	cargv[cargc++] = verbs;
	cargv[cargc++] = "--options";
	cargv[cargc++] = options;
	cargv[cargc++] = "--actors";
	cargv[cargc++] = actors;
	cargv[cargc++] = "--agents";
	cargv[cargc++] = agents;
	cargv[cargc++] = path;
	cargv[cargc] = NULL;

	fo = tmpfile();
	fe = tmpfile();
	rc = ent_cli_main(cargc, cargv, stdin, fo, fe, 0, 0, 1);
	fflush(fo);
	olen = (size_t)ftell(fo);
	rewind(fo);
	out = malloc(olen + 1);
	if (!out || fread(out, 1, olen, fo) != olen) {
		fprintf(stderr, "cannot read the output\n");
		return 1;
	}
	out[olen] = '\0';
	fclose(fo);
	fclose(fe);
	if (rc != 0)
		printf("note: entente code exited %d (bad input lines reported)\n", rc);

	nrec = read_records(text, tlen, &recs);
	/* events to records: by id, and by the end of the text (two records
	 * may share an id) */
	ent_arena_init(&arena, 1 << 16);
	{
		char *p = out;
		while (*p) {
			char *nl = strchr(p, '\n');
			ent_json_member *m;
			size_t cnt;
			ent_json_error err;
			if (!nl)
				nl = p + strlen(p);
			if (ent_json_parse_object(&m, &cnt, p, (size_t)(nl - p), &arena,
			                          &err) == 0) {
				const ent_json_member *d = ent_json_get(m, cnt, "doc");
				const ent_json_member *s = ent_json_get(m, cnt, "source");
				const ent_json_member *t = ent_json_get(m, cnt, "target");
				const ent_json_member *c = ent_json_get(m, cnt, "code");
				const ent_json_member *e = ent_json_get(m, cnt, "sentence_end");
				for (i = 0; d && s && t && c && e && i < nrec; i++)
					if (strcmp(recs[i].id, d->str) == 0 &&
					    (long)e->num == recs[i].end) {
						add_triple(&recs[i].got, &recs[i].ngot, s->str, t->str,
						           c->str);
						break;
					}
			}
			ent_arena_reset(&arena);
			p = *nl ? nl + 1 : nl;
		}
	}
	ent_arena_destroy(&arena);

	/* per category */
	{
		char cats[64][40];
		int cs[64], cp[64], nc = 0, k;
		for (i = 0; i < nrec; i++) {
			int ok;
			if (!recs[i].scored)
				continue;
			ok = same_set(recs[i].exp, recs[i].nexp, recs[i].got, recs[i].ngot);
			scored++;
			passed += ok;
			for (k = 0; k < nc; k++)
				if (!strcmp(cats[k], recs[i].cat))
					break;
			if (k == nc && nc < 64) {
				snprintf(cats[nc], sizeof cats[nc], "%s", recs[i].cat);
				cs[nc] = cp[nc] = 0;
				nc++;
			}
			if (k < 64) {
				cs[k]++;
				cp[k] += ok;
			}
			if (!ok && verbose) {
				int j;
				printf("FAIL %s: expected", recs[i].id);
				for (j = 0; j < recs[i].nexp; j++)
					printf(" %s/%s/%s", recs[i].exp[j].src, recs[i].exp[j].tar,
					       recs[i].exp[j].code);
				printf("; got");
				for (j = 0; j < recs[i].ngot; j++)
					printf(" %s/%s/%s", recs[i].got[j].src, recs[i].got[j].tar,
					       recs[i].got[j].code);
				printf("\n");
			}
		}
		for (k = 0; k < nc; k++)
			printf("%-12s %3d / %3d\n", cats[k], cp[k], cs[k]);
	}
	printf("TABARI validation suite: %d of %d standard records pass (%.1f%%); "
	       "best so far %d\n", passed, scored, scored ? 100.0 * passed / scored : 0,
	       BEST_PASSED);
	for (i = 0; i < nrec; i++) {
		free(recs[i].exp);
		free(recs[i].got);
	}
	free(recs);
	free(text);
	free(out);
	return passed >= BEST_PASSED ? 0 : 1;
}
