/*
 * cameo.c - our CAMEO table (data/cameo.tsv): for each code its short name,
 * Goldstein weight, quad class and PLOVER event, mode and context.  Parsed
 * once from the built-in data, on first use, into a static sorted array.
 */
#include "entente/builtin.h"
#include "entente/events.h"
#include "util/alloc.h"
#include "util/lines.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static ent_cameo *table;
static size_t ntable;
static char *storage;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int cmp(const void *a, const void *b)
{
	return strcmp(((const ent_cameo *)a)->code, ((const ent_cameo *)b)->code);
}

static const char *opt_field(const char *s)
{
	return (!s || !*s || strcmp(s, "-") == 0) ? NULL : s;
}

static void load(void)
{
	const ent_builtin_file *f = ent_builtin_find("cameo.tsv");
	ent_lines it;
	const char *line;
	size_t len, rows = 0;
	char *p;

	if (!f)
		return;
	/* one copy of the file; fields are cut in place */
	storage = malloc(f->len + 1);
	if (!storage)
		return;
	memcpy(storage, f->data, f->len + 1);
	ent_lines_init(&it, storage, f->len);
	while (ent_lines_next(&it, &line, &len))
		if (len && line[0] != '#')
			rows++;
	table = calloc(rows ? rows : 1, sizeof(*table));
	if (!table)
		return;
	p = storage;
	while (*p) {
		char *end = strchr(p, '\n'), *fld[8];
		int nf = 0;
		if (end)
			*end = '\0';
		if (*p && *p != '#') {
			char *q = p;
			fld[nf++] = q;
			while (*q && nf < 8) {
				if (*q == '\t') {
					*q = '\0';
					fld[nf++] = q + 1;
				}
				q++;
			}
			if (nf >= 7) {
				ent_cameo *c = &table[ntable++];
				c->code = fld[0];
				c->name = fld[1];
				c->has_goldstein = fld[2][0] != '\0';
				c->goldstein = strtod(fld[2], NULL);
				c->quad = atoi(fld[3]);
				c->plover = opt_field(fld[4]);
				c->plover_mode = opt_field(fld[5]);
				c->plover_context = opt_field(fld[6]);
				if (c->plover && strcmp(c->plover, "dropped") == 0)
					c->plover = NULL;
			}
		}
		if (!end)
			break;
		p = end + 1;
	}
	qsort(table, ntable, sizeof(*table), cmp);
}

const ent_cameo *ent_cameo_find(const char *code)
{
	ent_cameo key;
	if (!code)
		return NULL;
	pthread_once(&once, load);
	if (!table)
		return NULL;
	key.code = code;
	return bsearch(&key, table, ntable, sizeof(*table), cmp);
}

int ent_actor_is_state(const char *code)
{
	static const char *const roles[] = {"GOV", "MIL", "LEG", "JUD", "COP",
	                                    "SPY", NULL};
	size_t n = code ? strlen(code) : 0, k;
	if (n < 3 || (n - 3) % 3)
		return 0;
	for (k = 3; k < n; k += 3) {
		int j, ok = 0;
		for (j = 0; roles[j] && !ok; j++)
			ok = memcmp(code + k, roles[j], 3) == 0;
		if (!ok)
			return 0;
	}
	return 1;
}
