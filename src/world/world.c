/*
 * world.c - loading the built-in world: treaties (data/treaties/ *.treaty),
 * regions (data/regions.tsv), Security Council seats, vetoed drafts and
 * recorded votes (data/unsc/), nuclear status (data/nuclear.tsv).  Every
 * table row carries its source; a malformed built-in row is a bug and fails
 * the load with FILE:LINE.
 */
#include "world/world_internal.h"
#include "util/alloc.h"
#include "util/ctx.h"
#include "util/lines.h"
#include "entente/builtin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ent_world_free(ent_world *w)
{
	if (!w)
		return;
	ent_free(w->treaties);
	ent_arena_destroy(&w->mem);
	ent_free(w);
}

const ent_states *ent_world_states(const ent_world *w)
{
	return w->st;
}

size_t ent_world_region_count(const ent_world *w)
{
	return w->nregions;
}

const char *ent_world_region_name(const ent_world *w, size_t i)
{
	return w->regions[i].name;
}

int ent_world_region_lookup(const ent_world *w, const char *name)
{
	size_t i;
	for (i = 0; i < w->nregions; i++)
		if (strcmp(w->regions[i].name, name) == 0)
			return (int)i;
	return -1;
}

int ent_world_region_has(const ent_world *w, size_t region, int state)
{
	size_t i;
	const ent_region *r = &w->regions[region];
	for (i = 0; i < r->nstates; i++)
		if (r->states[i] == state)
			return 1;
	return 0;
}

/* Split a TSV row into exactly n fields. */
static int row(const char *line, size_t len, const char **f, size_t *fl, int n)
{
	return ent_split(line, len, '\t', 1, f, fl, n) == n ? 0 : -1;
}

static const char *dup(ent_world *w, const char *s, size_t n)
{
	return ent_arena_strndup(&w->mem, s, n);
}

#define BAD(file, line)                                                        \
	ent_err(w->ctx, ENT_EPARSE, "%s:%ld: malformed row", file, line)

static int load_regions(ent_world *w, const ent_builtin_file *f)
{
	ent_lines it;
	const char *line;
	size_t len, cap = 0;
	ent_lines_init(&it, f->data, f->len);
	while (ent_lines_next(&it, &line, &len)) {
		const char *fd[4];
		size_t fl[4];
		char bad[64];
		ent_region *r;
		int rc;
		if (!len || line[0] == '#')
			continue;
		if (row(line, len, fd, fl, 4) < 0)
			return BAD(f->name, it.lineno);
		if (w->nregions == cap) {
			size_t nc = cap ? cap * 2 : 16;
			ent_region *nr = ent_arena_alloc(&w->mem, nc * sizeof(*nr));
			if (!nr)
				return ENT_ENOMEM;
			if (w->nregions)
				memcpy(nr, w->regions, w->nregions * sizeof(*nr));
			w->regions = nr;
			cap = nc;
		}
		r = &w->regions[w->nregions];
		r->name = (char *)dup(w, fd[0], fl[0]);
		r->description = (char *)dup(w, fd[2], fl[2]);
		r->source = (char *)dup(w, fd[3], fl[3]);
		rc = ent_world_state_list(w, fd[1], fl[1], &r->states, &r->nstates, bad,
		                          sizeof bad);
		if (rc < 0 || !r->name)
			return ENT_ENOMEM;
		if (rc > 0)
			return ent_err(w->ctx, ENT_EPARSE, "%s:%ld: unknown state '%s'",
			               f->name, it.lineno, bad);
		w->nregions++;
	}
	return 0;
}

static int list_or_dash(ent_world *w, const char *s, size_t n, int **out,
                        size_t *cnt, const char *file, long line)
{
	char bad[64];
	int rc;
	if (n == 1 && s[0] == '-') {
		*out = NULL;
		*cnt = 0;
		return 0;
	}
	rc = ent_world_state_list(w, s, n, out, cnt, bad, sizeof bad);
	if (rc > 0)
		return ent_err(w->ctx, ENT_EPARSE, "%s:%ld: unknown state '%s'", file,
		               line, bad);
	return rc;
}

static int load_unsc(ent_world *w)
{
	const ent_builtin_file *fm = ent_builtin_find("unsc/members.tsv");
	const ent_builtin_file *fv = ent_builtin_find("unsc/vetoes.tsv");
	const ent_builtin_file *fo = ent_builtin_find("unsc/votes.tsv");
	ent_lines it;
	const char *line;
	size_t len, n;
	int rc;
	if (!fm || !fv || !fo)
		return ent_err(w->ctx, ENT_ENOTFOUND, "built-in UNSC tables missing");
	/* seats */
	n = 0;
	ent_lines_init(&it, fm->data, fm->len);
	while (ent_lines_next(&it, &line, &len))
		n++;
	w->seats = ent_arena_alloc(&w->mem, (n + 1) * sizeof(ent_unsc_seat));
	if (!w->seats)
		return ENT_ENOMEM;
	ent_lines_init(&it, fm->data, fm->len);
	while (ent_lines_next(&it, &line, &len)) {
		const char *f[5];
		size_t fl[5];
		char tmp[16];
		ent_unsc_seat *s;
		if (!len || line[0] == '#')
			continue;
		if (row(line, len, f, fl, 5) < 0)
			return BAD(fm->name, it.lineno);
		s = &w->seats[w->nseats];
		s->year = atoi(f[0]);
		snprintf(tmp, sizeof tmp, "%.*s", (int)fl[1], f[1]);
		s->state = ent_states_lookup(w->st, tmp);
		s->permanent = fl[2] == 9 && memcmp(f[2], "permanent", 9) == 0;
		s->group = dup(w, f[3], fl[3]);
		s->source = dup(w, f[4], fl[4]);
		if (s->state < 0 || s->year < 1945)
			return BAD(fm->name, it.lineno);
		w->nseats++;
	}
	/* vetoes and votes */
	{
		const ent_builtin_file *files[2] = {fv, fo};
		int k;
		for (k = 0; k < 2; k++) {
			const ent_builtin_file *f = files[k];
			ent_unsc_record **arr = k ? &w->votes : &w->vetoes;
			size_t *cnt = k ? &w->nvotes : &w->nvetoes;
			n = 0;
			ent_lines_init(&it, f->data, f->len);
			while (ent_lines_next(&it, &line, &len))
				n++;
			*arr = ent_arena_alloc(&w->mem, (n + 1) * sizeof(ent_unsc_record));
			if (!*arr)
				return ENT_ENOMEM;
			ent_lines_init(&it, f->data, f->len);
			while (ent_lines_next(&it, &line, &len)) {
				const char *fd[11];
				size_t fl[11];
				ent_unsc_record *r;
				if (!len || line[0] == '#')
					continue;
				r = &(*arr)[*cnt];
				memset(r, 0, sizeof(*r));
				if (k == 0) { /* date draft subject target vetoed_by yes no abstain topic source */
					if (row(line, len, fd, fl, 10) < 0 ||
					    ent_date_parse(&r->date, fd[0], fl[0]) < 0)
						return BAD(f->name, it.lineno);
					r->draft = dup(w, fd[1], fl[1]);
					r->subject = dup(w, fd[2], fl[2]);
					if ((rc = list_or_dash(w, fd[3], fl[3], &r->targets, &r->ntargets,
					                       f->name, it.lineno)) != 0 ||
					    (rc = list_or_dash(w, fd[4], fl[4], &r->by, &r->nby, f->name,
					                       it.lineno)) != 0)
						return rc < 0 ? rc : ENT_EPARSE;
					r->yes = atoi(fd[5]);
					r->no = atoi(fd[6]);
					r->abstain = atoi(fd[7]);
					r->topic = dup(w, fd[8], fl[8]);
					r->source = dup(w, fd[9], fl[9]);
				} else { /* date resolution subject target topic yes no abstain abstained_by against_by source */
					if (row(line, len, fd, fl, 11) < 0 ||
					    ent_date_parse(&r->date, fd[0], fl[0]) < 0)
						return BAD(f->name, it.lineno);
					r->draft = dup(w, fd[1], fl[1]);
					r->subject = dup(w, fd[2], fl[2]);
					if ((rc = list_or_dash(w, fd[3], fl[3], &r->targets, &r->ntargets,
					                       f->name, it.lineno)) != 0 ||
					    (rc = list_or_dash(w, fd[8], fl[8], &r->abstained,
					                       &r->nabstained, f->name, it.lineno)) != 0 ||
					    (rc = list_or_dash(w, fd[9], fl[9], &r->against, &r->nagainst,
					                       f->name, it.lineno)) != 0)
						return rc < 0 ? rc : ENT_EPARSE;
					r->topic = dup(w, fd[4], fl[4]);
					r->yes = atoi(fd[5]);
					r->no = atoi(fd[6]);
					r->abstain = atoi(fd[7]);
					r->source = dup(w, fd[10], fl[10]);
				}
				if (!r->draft || !r->subject || !r->topic || !r->source)
					return ENT_ENOMEM;
				(*cnt)++;
			}
		}
	}
	return 0;
}

static int load_nuclear(ent_world *w)
{
	const ent_builtin_file *f = ent_builtin_find("nuclear.tsv");
	ent_lines it;
	const char *line;
	size_t len, n = 0;
	if (!f)
		return ent_err(w->ctx, ENT_ENOTFOUND, "built-in nuclear table missing");
	ent_lines_init(&it, f->data, f->len);
	while (ent_lines_next(&it, &line, &len))
		n++;
	w->nuclear = ent_arena_alloc(&w->mem, (n + 1) * sizeof(ent_nuclear_row));
	if (!w->nuclear)
		return ENT_ENOMEM;
	ent_lines_init(&it, f->data, f->len);
	while (ent_lines_next(&it, &line, &len)) {
		const char *fd[8];
		size_t fl[8];
		char tmp[32];
		ent_nuclear_row *r;
		if (!len || line[0] == '#')
			continue;
		if (row(line, len, fd, fl, 8) < 0)
			return BAD(f->name, it.lineno);
		r = &w->nuclear[w->nnuclear];
		snprintf(tmp, sizeof tmp, "%.*s", (int)fl[0], fd[0]);
		r->state = ent_states_lookup(w->st, tmp);
		r->status = fl[1] == 3 && !memcmp(fd[1], "nws", 3) ? 3
		            : fl[1] == 5 && !memcmp(fd[1], "armed", 5) ? 2
		            : fl[1] == 6 && !memcmp(fd[1], "latent", 6) ? 1 : 0;
		r->since = ENT_DATE_NONE;
		if (fl[2] && ent_date_parse(&r->since, fd[2], fl[2]) < 0)
			return BAD(f->name, it.lineno);
		r->latent = atof(fd[3]);
		r->threshold = atof(fd[4]);
		snprintf(tmp, sizeof tmp, "%.*s", (int)fl[5], fd[5]);
		r->guarantor = fl[5] == 1 && fd[5][0] == '-' ? -1 : ent_states_lookup(w->st, tmp);
		r->note = dup(w, fd[6], fl[6]);
		r->source = dup(w, fd[7], fl[7]);
		if (r->state < 0 || (fl[5] != 1 && r->guarantor < 0))
			return BAD(f->name, it.lineno);
		w->nnuclear++;
	}
	return 0;
}

int ent_world_load(ent_world **out, ent_ctx *ctx, const ent_states *st)
{
	ent_world *w = ent_calloc(1, sizeof(*w));
	const ent_builtin_file *f;
	size_t i;
	int rc = 0;
	*out = NULL;
	if (!w)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	w->ctx = ctx;
	w->st = st;
	ent_arena_init(&w->mem, 256 * 1024);
	f = ent_builtin_find("regions.tsv");
	if (!f) {
		rc = ent_err(ctx, ENT_ENOTFOUND, "built-in regions missing");
		goto done;
	}
	if ((rc = load_regions(w, f)) < 0 || (rc = load_unsc(w)) < 0 ||
	    (rc = load_nuclear(w)) < 0)
		goto done;
	for (i = 0; (f = ent_builtin_at(i)) != NULL; i++) {
		size_t n = strlen(f->name);
		long before = ent_ctx_errors(ctx);
		if (strncmp(f->name, "treaties/", 9) != 0 || n < 7 ||
		    strcmp(f->name + n - 7, ".treaty") != 0)
			continue;
		if ((rc = ent_world_add_treaties_text(w, f->name, f->data, f->len)) < 0)
			goto done;
		if (ent_ctx_errors(ctx) > before) {
			rc = ent_err(ctx, ENT_EPARSE, "built-in treaty file %s is malformed",
			             f->name);
			goto done;
		}
	}
	rc = 0;
done:
	if (rc < 0) {
		if (rc == ENT_ENOMEM)
			ent_err(ctx, rc, "out of memory loading the world model");
		ent_world_free(w);
		return rc;
	}
	*out = w;
	return 0;
}
