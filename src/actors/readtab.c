/*
 * readtab.c - readers of our own tab-separated tables that feed the
 * matcher: the gazetteer (data/places.tsv), the machine-translation
 * glossary (data/actors/glossary.tsv) and the ambiguity rules
 * (data/actors/ambiguity.tsv).  Columns are documented in
 * docs/dictionaries.md; `#` lines are comments; every bad row is reported
 * as NAME:LINE and skipped.
 */
#include "actors/dict_internal.h"
#include "util/alloc.h"
#include "util/lines.h"

#include <stdlib.h>
#include <string.h>

#define MAXF 12

static int fields(const char *line, size_t n, const char **f, size_t *fl)
{
	return ent_split(line, n, '\t', 1, f, fl, MAXF);
}

/* Add name and each ';'-separated variant as phrases of entry e. */
static int add_names(ent_dict *d, ent_dict_load_stats *st, const char *name,
                     long ln, long e, const char *nm, size_t nn,
                     const char *var, size_t vn, int use_case)
{
	int k = ent_dict_phrase(d, (uint32_t)e, nm, nn, (uint32_t)ln,
	                        (use_case ? ENT_PH_CASE : 0) | ENT_PH_NOPLURAL, NULL, 0);
	if (k < 0)
		return k;
	if (k == 0)
		ent_dict_diag(d, st, 1, name, ln, "name '%.*s' has no words to match",
		              (int)nn, nm);
	st->phrases += k;
	while (vn) {
		const char *semi = memchr(var, ';', vn);
		size_t item = semi ? (size_t)(semi - var) : vn;
		const char *it = var;
		size_t itn = item;
		ent_trim(&it, &itn);
		if (itn) {
			k = ent_dict_phrase(d, (uint32_t)e, it, itn, (uint32_t)ln,
			                    (use_case ? ENT_PH_CASE : 0) | ENT_PH_NOPLURAL, NULL, 0);
			if (k < 0)
				return k;
			st->phrases += k;
		}
		if (!semi)
			break;
		vn -= item + 1;
		var = semi + 1;
	}
	return 0;
}

static int parse_coord(const char *s, size_t n, double lo, double hi, double *out)
{
	char buf[32];
	char *end;
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*out = strtod(buf, &end);
	if (*end || *out < lo || *out > hi)
		return -1;
	return 0;
}

static int valid_code(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
	return 1;
}

static const char *const place_kinds[] = {
	"capital", "seat", "city", "base", "launch_site", "nuclear_site", "island",
	"strait", "sea", "region", "border", "site", NULL
};

int ent_read_places(ent_dict *d, uint32_t file, const char *name,
                    ent_linereader *lr, ent_dict_load_stats *st)
{
	const char *line;
	size_t n;
	int rc;
	while ((rc = ent_lr_next(lr, &line, &n)) == 1) {
		long ln = lr->lineno;
		const char *f[MAXF];
		size_t fl[MAXF];
		int nf, k, err = 0;
		ent_placerow *p;
		long e;
		double lat = 0, lon = 0;
		if (lr->too_long) {
			ent_dict_diag(d, st, 1, name, ln, "line too long: skipped");
			continue;
		}
		if (n == 0 || line[0] == '#')
			continue;
		nf = fields(line, n, f, fl);
		if (nf < 8) {
			ent_dict_diag(d, st, 1, name, ln, "%d fields, want 9: name, variants, "
			              "iso3, kind, code, lat, lon, source, note", nf);
			continue;
		}
		if (fl[0] == 0) {
			ent_dict_diag(d, st, 1, name, ln, "empty name");
			continue;
		}
		if (fl[2] && (fl[2] != 3 || !valid_code(f[2], 3))) {
			ent_dict_diag(d, st, 1, name, ln, "bad iso3 '%.*s'", (int)fl[2], f[2]);
			continue;
		}
		for (k = 0; place_kinds[k]; k++)
			if (strlen(place_kinds[k]) == fl[3] && memcmp(place_kinds[k], f[3], fl[3]) == 0)
				break;
		if (!place_kinds[k]) {
			ent_dict_diag(d, st, 1, name, ln, "unknown kind '%.*s'", (int)fl[3], f[3]);
			continue;
		}
		if (fl[4] && !valid_code(f[4], fl[4])) {
			ent_dict_diag(d, st, 1, name, ln, "bad code '%.*s'", (int)fl[4], f[4]);
			continue;
		}
		if ((fl[5] || fl[6]) && (parse_coord(f[5], fl[5], -90, 90, &lat) < 0 ||
		                         parse_coord(f[6], fl[6], -180, 180, &lon) < 0)) {
			ent_dict_diag(d, st, 1, name, ln, "bad coordinates '%.*s', '%.*s'",
			              (int)fl[5], f[5], (int)fl[6], f[6]);
			continue;
		}
		if (ENT_GROW(d->places, d->nplaces, d->places_cap) < 0)
			return ENT_ENOMEM;
		p = &d->places[d->nplaces];
		memset(p, 0, sizeof *p);
		p->name = ent_dict_str(d, f[0], fl[0], &err);
		p->country = ent_dict_str(d, f[2], fl[2], &err);
		p->kind = ent_dict_str(d, f[3], fl[3], &err);
		p->code = ent_dict_str(d, f[4], fl[4], &err);
		p->source = ent_dict_str(d, f[7], fl[7], &err);
		p->note = nf > 8 ? ent_dict_str(d, f[8], fl[8], &err) : 0;
		p->lat = lat;
		p->lon = lon;
		p->file = file;
		p->line = (uint32_t)ln;
		if (err)
			return ENT_ENOMEM;
		e = ent_dict_entry(d, ENT_E_PLACE, file, (uint32_t)ln, ENT_W_PLACE);
		if (e < 0)
			return ENT_ENOMEM;
		d->entries[e].extra = (uint32_t)d->nplaces;
		d->entries[e].dflt = p->code;
		d->nplaces++;
		st->entries++;
		if ((rc = add_names(d, st, name, ln, e, f[0], fl[0], f[1], fl[1], 1)) < 0)
			return rc;
	}
	return rc < 0 ? rc : 0;
}

int ent_read_glossary(ent_dict *d, uint32_t file, const char *name,
                      ent_linereader *lr, ent_dict_load_stats *st)
{
	const char *line;
	size_t n;
	int rc;
	while ((rc = ent_lr_next(lr, &line, &n)) == 1) {
		long ln = lr->lineno;
		const char *f[MAXF];
		size_t fl[MAXF];
		int nf, err = 0;
		ent_glossrow *g;
		long e;
		if (lr->too_long) {
			ent_dict_diag(d, st, 1, name, ln, "line too long: skipped");
			continue;
		}
		if (n == 0 || line[0] == '#')
			continue;
		nf = fields(line, n, f, fl);
		if (nf < 6) {
			ent_dict_diag(d, st, 1, name, ln, "%d fields, want 7: rendering, variants, "
			              "meaning, kind, iso3, source, note", nf);
			continue;
		}
		if (!fl[0] || !fl[2]) {
			ent_dict_diag(d, st, 1, name, ln, "empty rendering or meaning");
			continue;
		}
		if (!((fl[3] == 5 && memcmp(f[3], "place", 5) == 0) ||
		      (fl[3] == 5 && memcmp(f[3], "actor", 5) == 0) ||
		      (fl[3] == 4 && memcmp(f[3], "term", 4) == 0) ||
		      (fl[3] == 5 && memcmp(f[3], "topic", 5) == 0))) {
			ent_dict_diag(d, st, 1, name, ln, "kind '%.*s' is not place, actor, "
			              "term or topic", (int)fl[3], f[3]);
			continue;
		}
		if (fl[4] && (fl[4] < 3 || !valid_code(f[4], fl[4]))) {
			ent_dict_diag(d, st, 1, name, ln, "bad code '%.*s'", (int)fl[4], f[4]);
			continue;
		}
		if (ENT_GROW(d->gloss, d->ngloss, d->gloss_cap) < 0)
			return ENT_ENOMEM;
		g = &d->gloss[d->ngloss];
		memset(g, 0, sizeof *g);
		g->rendering = ent_dict_str(d, f[0], fl[0], &err);
		g->meaning = ent_dict_str(d, f[2], fl[2], &err);
		g->kind = ent_dict_str(d, f[3], fl[3], &err);
		g->country = ent_dict_str(d, f[4], fl[4], &err);
		g->file = file;
		g->line = (uint32_t)ln;
		g->place = -1;
		if (err)
			return ENT_ENOMEM;
		e = ent_dict_entry(d, ENT_E_GLOSS, file, (uint32_t)ln, ENT_W_AUTO);
		if (e < 0)
			return ENT_ENOMEM;
		d->entries[e].extra = (uint32_t)d->ngloss;
		d->entries[e].dflt = g->country;
		d->ngloss++;
		st->entries++;
		if ((rc = add_names(d, st, name, ln, e, f[0], fl[0], f[1], fl[1], 0)) < 0)
			return rc;
	}
	return rc < 0 ? rc : 0;
}

/* ---- ambiguity rules -------------------------------------------------------- */

static const struct {
	const char *name;
	int kind;
} rule_kinds[] = {
	{"not_before_name", ENT_RULE_NOT_BEFORE_NAME},
	{"not_with", ENT_RULE_NOT_WITH},
	{"needs_in_doc", ENT_RULE_NEEDS_IN_DOC},
	{"not_after_name", ENT_RULE_NOT_AFTER_NAME},
	{NULL, 0}
};

int ent_read_rules(ent_dict *d, uint32_t file, const char *name,
                   ent_linereader *lr, ent_dict_load_stats *st)
{
	const char *line;
	size_t n;
	int rc;
	while ((rc = ent_lr_next(lr, &line, &n)) == 1) {
		long ln = lr->lineno;
		const char *f[MAXF];
		size_t fl[MAXF];
		int nf, k;
		ent_rule *r, *nr;
		uint32_t u[64];
		long nu;
		ent_buf cues = {0};
		if (n == 0 || line[0] == '#')
			continue;
		nf = fields(line, n, f, fl);
		if (nf < 3) {
			ent_dict_diag(d, st, 1, name, ln, "want: phrase, rule, cues, note");
			continue;
		}
		for (k = 0; rule_kinds[k].name; k++)
			if (strlen(rule_kinds[k].name) == fl[1] &&
			    memcmp(rule_kinds[k].name, f[1], fl[1]) == 0)
				break;
		if (!rule_kinds[k].name) {
			ent_dict_diag(d, st, 1, name, ln, "unknown rule '%.*s'", (int)fl[1], f[1]);
			continue;
		}
		nu = ent_dict_units(d, f[0], fl[0], 1, u, NULL, 64);
		if (nu <= 0) {
			if (nu < 0)
				return ENT_ENOMEM;
			ent_dict_diag(d, st, 1, name, ln, "empty phrase");
			continue;
		}
		/* the phrase itself first, then each cue: n, then n ids */
		{
			uint32_t c = (uint32_t)nu;
			ent_buf_put(&cues, &c, sizeof c);
			ent_buf_put(&cues, u, (size_t)nu * sizeof u[0]);
		}
		{
			const char *var = f[2];
			size_t vn = fl[2];
			while (vn) {
				const char *semi = memchr(var, ';', vn);
				size_t item = semi ? (size_t)(semi - var) : vn;
				const char *it = var;
				size_t itn = item;
				ent_trim(&it, &itn);
				if (itn) {
					long cn = ent_dict_units(d, it, itn, 1, u, NULL, 64);
					if (cn < 0) {
						ent_buf_free(&cues);
						return ENT_ENOMEM;
					}
					if (cn > 0) {
						uint32_t c = (uint32_t)cn;
						ent_buf_put(&cues, &c, sizeof c);
						ent_buf_put(&cues, u, (size_t)cn * sizeof u[0]);
					}
				}
				if (!semi)
					break;
				vn -= item + 1;
				var = semi + 1;
			}
		}
		if (cues.oom) {
			ent_buf_free(&cues);
			return ENT_ENOMEM;
		}
		nr = ent_realloc(d->rules, (d->nrules + 1) * sizeof *nr);
		if (!nr) {
			ent_buf_free(&cues);
			return ENT_ENOMEM;
		}
		d->rules = nr;
		r = &d->rules[d->nrules++];
		r->kind = rule_kinds[k].kind;
		r->cues = (uint32_t *)(void *)ent_buf_detach(&cues, &r->ncues_words);
		r->ncues_words /= sizeof(uint32_t);
		r->file = file;
		r->line = (uint32_t)ln;
		r->next = 0;
		st->entries++;
	}
	return rc < 0 ? rc : 0;
}
