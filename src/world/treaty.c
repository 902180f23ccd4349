/*
 * treaty.c - the treaty reader and the treaty queries.
 *
 * The format (docs/treaties.md) is line-oriented and INI-like: section
 * headers [treaty], [party], [suspension], [article]; `key = value` lines;
 * `#` comment lines.  Every error is reported as FILE:LINE: reason and the
 * reader goes on to report the rest; a treaty with any error is left out
 * whole, so a half-read treaty never answers a question.  A treaty whose id
 * is already known replaces the earlier one (user files override the
 * built-in data).
 */
#include "world/world_internal.h"
#include "util/alloc.h"
#include "util/ctx.h"
#include "util/lines.h"
#include "entente/builtin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const obligation_names[] = {"defence", "offence", "neutrality",
                                               "non_aggression", "consultation"};
static const char *const strength_names[] = {"immediate", "as_deemed_necessary",
                                             "constitutional_processes",
                                             "consult_first"};
static const char *const condition_names[] = {"adversary", "location", "unprovoked",
                                              "conflict", "number_of_attackers",
                                              "demand_noncompliance"};
static const char *const credibility_names[] = {"low", "medium", "high"};

const char *ent_obligation_name(ent_obligation_kind k)
{
	return obligation_names[k];
}

const char *ent_strength_name(ent_strength s)
{
	return strength_names[s];
}

const char *ent_condition_name(ent_condition_kind k)
{
	return condition_names[k];
}

const char *ent_credibility_name(ent_credibility c)
{
	return credibility_names[c];
}

static int enum_of(const char *const *names, size_t n, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------------------
 * Building one treaty (growable temporaries, then copied to the arena)
 * ------------------------------------------------------------------------ */

typedef struct {
	ent_condition *conds;
	size_t nconds, condcap;
	const char **exits, **reasons, **sources;
	size_t nexits, nreasons, nsources, exitcap, reasoncap, sourcecap;
	ent_treaty_article a;
	int has_obligation, has_strength, has_credibility, has_id;
} art_build;

typedef struct {
	ent_world *w;
	const char *file;
	ent_treaty t;
	int has[8];             /* treaty keys seen: id name kind signed ... */
	ent_party *parties;
	size_t nparties, partycap;
	ent_suspension *susp;
	size_t nsusp, suspcap;
	art_build *arts;
	size_t narts, artcap;
	int errors;
	long line;              /* line of the [treaty] header */
	int section;            /* 0 none, 1 treaty, 2 party, 3 suspension, 4 article */
	int party_has_state, party_has_joined;
	int susp_has[3];
} builder;

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	{
		size_t nc = *cap ? *cap * 2 : 8;
		void *np = ent_realloc(*p, nc * size);
		if (!np)
			return ENT_ENOMEM;
		*p = np;
		*cap = nc;
	}
	return 0;
}

static void builder_reset(builder *b)
{
	size_t i;
	for (i = 0; i < b->narts; i++) {
		ent_free(b->arts[i].conds);
		ent_free(b->arts[i].exits);
		ent_free(b->arts[i].reasons);
		ent_free(b->arts[i].sources);
	}
	ent_free(b->parties);
	ent_free(b->susp);
	ent_free(b->arts);
	{
		ent_world *w = b->w;
		const char *file = b->file;
		memset(b, 0, sizeof(*b));
		b->w = w;
		b->file = file;
	}
}

static const char *keep(builder *b, const char *s, size_t n)
{
	return ent_arena_strndup(&b->w->mem, s, n);
}

#define ERR(line, ...)                                                        \
	do {                                                                      \
		ent_diag_emit(b->w->ctx, ENT_DIAG_ERROR, b->file, line, -1,           \
		              __VA_ARGS__);                                           \
		b->errors++;                                                          \
	} while (0)

int ent_world_state_list(ent_world *w, const char *s, size_t n, int **out,
                         size_t *count, char *bad, size_t badlen)
{
	size_t i = 0, k = 0, cap = 1;
	int *arr;
	for (i = 0; i < n; i++)
		cap += s[i] == ',';
	arr = ent_arena_alloc(&w->mem, cap * sizeof(int));
	if (!arr)
		return ENT_ENOMEM;
	i = 0;
	while (i <= n) {
		size_t j = i;
		const char *f;
		size_t fl;
		char tmp[64];
		int id;
		while (j < n && s[j] != ',')
			j++;
		f = s + i;
		fl = j - i;
		ent_trim(&f, &fl);
		if (fl) {
			snprintf(tmp, sizeof tmp, "%.*s", (int)fl, f);
			id = ent_states_lookup(w->st, tmp);
			if (id < 0) {
				snprintf(bad, badlen, "%s", tmp);
				return 1;
			}
			arr[k++] = id;
		}
		i = j + 1;
	}
	*out = arr;
	*count = k;
	return 0;
}

static int parse_date_v(const char *v, size_t n, ent_date *d)
{
	if (!n) {
		*d = ENT_DATE_NONE;
		return 0;
	}
	return ent_date_parse(d, v, n);
}

static int add_list_item(builder *b, const char ***arr, size_t *n, size_t *cap,
                         const char *v, size_t vl)
{
	const char *s = keep(b, v, vl);
	if (!s || grow((void **)arr, cap, *n, sizeof(char *)) < 0)
		return ENT_ENOMEM;
	(*arr)[(*n)++] = s;
	return 0;
}

static int on_treaty_key(builder *b, const char *k, size_t kl, const char *v,
                         size_t vl, long line)
{
	ent_treaty *t = &b->t;
#define KEY(s) (kl == strlen(s) && memcmp(k, s, kl) == 0)
	if (KEY("id")) {
		size_t i;
		for (i = 0; i < vl; i++)
			if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9') ||
			      v[i] == '_'))
				break;
		if (!vl || i < vl) {
			ERR(line, "treaty id '%.*s' must be lower-case letters, digits and '_'",
			    (int)vl, v);
			return 0;
		}
		t->id = keep(b, v, vl);
		b->has[0] = 1;
	} else if (KEY("name")) {
		t->name = keep(b, v, vl);
		b->has[1] = 1;
	} else if (KEY("kind")) {
		if (vl == 6 && memcmp(v, "treaty", 6) == 0)
			t->commitment = 0;
		else if (vl == 10 && memcmp(v, "commitment", 10) == 0)
			t->commitment = 1;
		else
			ERR(line, "kind '%.*s' is not 'treaty' or 'commitment'", (int)vl, v);
		b->has[2] = 1;
	} else if (KEY("signed") || KEY("in_force") || KEY("ended")) {
		ent_date d;
		if (parse_date_v(v, vl, &d) < 0) {
			ERR(line, "%.*s date '%.*s' is not YYYY-MM-DD", (int)kl, k, (int)vl, v);
			return 0;
		}
		if (KEY("signed")) {
			t->signed_on = d;
			b->has[3] = 1;
		} else if (KEY("in_force")) {
			t->in_force = d;
			b->has[4] = 1;
		} else {
			t->ended = d;
		}
	} else if (KEY("ended_note")) {
		t->ended_note = keep(b, v, vl);
	} else if (KEY("source")) {
		t->source = keep(b, v, vl);
		b->has[5] = 1;
	} else {
		ERR(line, "unknown key '%.*s' in [treaty]", (int)kl, k);
	}
	return 0;
}

static int on_party_key(builder *b, const char *k, size_t kl, const char *v,
                        size_t vl, long line)
{
	ent_party *p = &b->parties[b->nparties - 1];
	if (KEY("state")) {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%.*s", (int)vl, v);
		p->state = ent_states_lookup(b->w->st, tmp);
		if (p->state < 0)
			ERR(line, "unknown state '%.*s'", (int)vl, v);
		b->party_has_state = 1;
	} else if (KEY("joined") || KEY("left")) {
		ent_date d;
		if (parse_date_v(v, vl, &d) < 0) {
			ERR(line, "%.*s date '%.*s' is not YYYY-MM-DD", (int)kl, k, (int)vl, v);
			return 0;
		}
		if (KEY("joined")) {
			p->joined = d;
			b->party_has_joined = d != ENT_DATE_NONE;
		} else {
			p->left = d;
		}
		if (p->joined != ENT_DATE_NONE && p->left != ENT_DATE_NONE &&
		    p->left <= p->joined)
			ERR(line, "a party leaves (left) before it joins (joined)");
	} else if (KEY("note")) {
		p->note = keep(b, v, vl);
	} else if (KEY("source")) {
		p->source = keep(b, v, vl);
	} else {
		ERR(line, "unknown key '%.*s' in [party]", (int)kl, k);
	}
	return 0;
}

static int side_of(builder *b, const char *v, size_t vl, long line, int *out)
{
	char tmp[64];
	if (vl == 1 && v[0] == '*') {
		*out = -1;
		return 0;
	}
	snprintf(tmp, sizeof tmp, "%.*s", (int)vl, v);
	*out = ent_states_lookup(b->w->st, tmp);
	if (*out < 0) {
		ERR(line, "unknown state '%.*s'", (int)vl, v);
		*out = -2;
	}
	return 0;
}

static int on_susp_key(builder *b, const char *k, size_t kl, const char *v,
                       size_t vl, long line)
{
	ent_suspension *s = &b->susp[b->nsusp - 1];
	if (KEY("protector")) {
		side_of(b, v, vl, line, &s->protector);
		b->susp_has[0] = 1;
	} else if (KEY("protected")) {
		side_of(b, v, vl, line, &s->protected_);
		b->susp_has[1] = 1;
	} else if (KEY("from") || KEY("until")) {
		ent_date d;
		if (parse_date_v(v, vl, &d) < 0) {
			ERR(line, "%.*s date '%.*s' is not YYYY-MM-DD", (int)kl, k, (int)vl, v);
			return 0;
		}
		if (KEY("from")) {
			s->from = d;
			b->susp_has[2] = d != ENT_DATE_NONE;
		} else {
			s->until = d;
		}
		if (s->from != ENT_DATE_NONE && s->until != ENT_DATE_NONE &&
		    s->until <= s->from)
			ERR(line, "a suspension ends (until) before it starts (from)");
	} else if (KEY("note")) {
		s->note = keep(b, v, vl);
	} else if (KEY("source")) {
		s->source = keep(b, v, vl);
	} else {
		ERR(line, "unknown key '%.*s' in [suspension]", (int)kl, k);
	}
	return 0;
}

static int on_article_key(builder *b, const char *k, size_t kl, const char *v,
                          size_t vl, long line)
{
	art_build *ab = &b->arts[b->narts - 1];
	ent_treaty_article *a = &ab->a;
	int e, rc;
	if (KEY("id")) {
		a->id = keep(b, v, vl);
		ab->has_id = 1;
	} else if (KEY("obligation")) {
		if ((e = enum_of(obligation_names, 5, v, vl)) < 0)
			ERR(line, "obligation '%.*s' is not one of defence, offence, "
			          "neutrality, non_aggression, consultation", (int)vl, v);
		else
			a->obligation = (ent_obligation_kind)e;
		ab->has_obligation = 1;
	} else if (KEY("strength")) {
		if ((e = enum_of(strength_names, 4, v, vl)) < 0)
			ERR(line, "strength '%.*s' is not one of immediate, "
			          "as_deemed_necessary, constitutional_processes, "
			          "consult_first", (int)vl, v);
		else
			a->strength = (ent_strength)e;
		ab->has_strength = 1;
	} else if (KEY("credibility")) {
		if ((e = enum_of(credibility_names, 3, v, vl)) < 0)
			ERR(line, "credibility '%.*s' is not high, medium or low", (int)vl, v);
		else
			a->credibility = (ent_credibility)e;
		ab->has_credibility = 1;
	} else if (KEY("protectors") || KEY("protected")) {
		int *arr = NULL;
		size_t n = 0;
		char bad[64];
		if (!(vl == 3 && memcmp(v, "all", 3) == 0)) {
			rc = ent_world_state_list(b->w, v, vl, &arr, &n, bad, sizeof bad);
			if (rc < 0)
				return rc;
			if (rc > 0) {
				ERR(line, "unknown state '%s'", bad);
				return 0;
			}
			if (!n) {
				ERR(line, "%.*s is empty (write 'all' or states)", (int)kl, k);
				return 0;
			}
		}
		if (KEY("protectors")) {
			a->protectors = arr;
			a->nprotectors = n;
		} else {
			a->protected_ = arr;
			a->nprotected = n;
		}
	} else if (KEY("condition")) {
		const char *colon = memchr(v, ':', vl);
		const char *cn = v, *cv;
		size_t cnl = colon ? (size_t)(colon - v) : vl, cvl;
		ent_condition c;
		memset(&c, 0, sizeof c);
		c.region = -1;
		ent_trim(&cn, &cnl);
		if ((e = enum_of(condition_names, 6, cn, cnl)) < 0) {
			ERR(line, "condition '%.*s' is not one of adversary, location, "
			          "unprovoked, conflict, number_of_attackers, "
			          "demand_noncompliance", (int)cnl, cn);
			return 0;
		}
		c.kind = (ent_condition_kind)e;
		cv = colon ? colon + 1 : v + vl;
		cvl = colon ? vl - (size_t)(colon + 1 - v) : 0;
		ent_trim(&cv, &cvl);
		if (!cvl) {
			ERR(line, "condition %s needs a value ('%s: ...')",
			    condition_names[e], condition_names[e]);
			return 0;
		}
		c.value = keep(b, cv, cvl);
		if (c.kind == ENT_COND_LOCATION) {
			char tmp[128];
			snprintf(tmp, sizeof tmp, "%.*s", (int)cvl, cv);
			c.region = ent_world_region_lookup(b->w, tmp);
			if (c.region < 0) {
				ERR(line, "unknown region '%.*s' (see data/regions.tsv)", (int)cvl, cv);
				return 0;
			}
		} else if (c.kind == ENT_COND_ADVERSARY) {
			int *arr;
			size_t n;
			char bad[64];
			rc = ent_world_state_list(b->w, cv, cvl, &arr, &n, bad, sizeof bad);
			if (rc < 0)
				return rc;
			if (rc > 0) {
				ERR(line, "unknown state '%s'", bad);
				return 0;
			}
			c.states = arr;
			c.nstates = n;
		} else if (c.kind == ENT_COND_NUMBER_OF_ATTACKERS) {
			char *end;
			char tmp[32];
			long x;
			snprintf(tmp, sizeof tmp, "%.*s", (int)cvl, cv);
			x = strtol(tmp, &end, 10);
			if (*end || x < 1 || x > 100) {
				ERR(line, "number_of_attackers '%.*s' is not a number of states",
				    (int)cvl, cv);
				return 0;
			}
			c.number = (int)x;
		} else if (c.kind == ENT_COND_UNPROVOKED &&
		           !(cvl == 3 && memcmp(cv, "yes", 3) == 0)) {
			ERR(line, "condition unprovoked takes the value 'yes'");
			return 0;
		}
		if (!c.value || grow((void **)&ab->conds, &ab->condcap, ab->nconds,
		                     sizeof(c)) < 0)
			return ENT_ENOMEM;
		ab->conds[ab->nconds++] = c;
	} else if (KEY("exit")) {
		return add_list_item(b, &ab->exits, &ab->nexits, &ab->exitcap, v, vl);
	} else if (KEY("credibility_reason")) {
		return add_list_item(b, &ab->reasons, &ab->nreasons, &ab->reasoncap, v, vl);
	} else if (KEY("credibility_source")) {
		return add_list_item(b, &ab->sources, &ab->nsources, &ab->sourcecap, v, vl);
	} else if (KEY("summary")) {
		a->summary = keep(b, v, vl);
	} else if (KEY("source")) {
		a->source = keep(b, v, vl);
	} else {
		ERR(line, "unknown key '%.*s' in [article]", (int)kl, k);
	}
#undef KEY
	return 0;
}

/* Checks that need the whole section; called when a section ends. */
static void end_section(builder *b, long line)
{
	if (b->section == 2) {
		if (!b->party_has_state)
			ERR(line, "[party] without a state");
		if (!b->party_has_joined)
			ERR(line, "[party] without a joined date");
	} else if (b->section == 3) {
		if (!b->susp_has[0] || !b->susp_has[1] || !b->susp_has[2])
			ERR(line, "[suspension] needs protector, protected and from");
	} else if (b->section == 4) {
		art_build *ab = &b->arts[b->narts - 1];
		if (!ab->has_id || !ab->has_obligation || !ab->has_strength ||
		    !ab->has_credibility || !ab->a.summary || !ab->a.source)
			ERR(ab->a.line, "[article] needs id, obligation, strength, "
			                "credibility, summary and source");
	}
	b->section = 0;
}

/* Finish the treaty being built: check it, copy it into the world (replacing
 * one with the same id). */
static int finish(builder *b, long line)
{
	ent_world *w = b->w;
	ent_treaty *t = &b->t;
	size_t i;
	if (b->section)
		end_section(b, line);
	if (!b->line)
		return 0;
	if (!b->has[0] || !b->has[1] || !b->has[2] || !b->has[5] ||
	    (!b->has[3] && !b->has[4]))
		ERR(b->line, "[treaty] needs id, name, kind, source and a signed or "
		             "in_force date");
	if (t->signed_on != ENT_DATE_NONE && t->in_force != ENT_DATE_NONE &&
	    t->in_force < t->signed_on)
		ERR(b->line, "in_force is before signed");
	if (t->ended != ENT_DATE_NONE &&
	    ((t->in_force != ENT_DATE_NONE && t->ended <= t->in_force) ||
	     (t->signed_on != ENT_DATE_NONE && t->ended <= t->signed_on)))
		ERR(b->line, "ended is not after the treaty began");
	if (!b->nparties)
		ERR(b->line, "the treaty has no [party]");
	if (b->errors) {
		ent_diag_emit(w->ctx, ENT_DIAG_WARNING, b->file, b->line, -1,
		              "treaty '%s' left out because of the errors above",
		              t->id ? t->id : "?");
		builder_reset(b);
		return 0;
	}
	/* copy arrays into the arena */
	{
		ent_party *pa = ent_arena_alloc(&w->mem, (b->nparties + 1) * sizeof(*pa));
		ent_suspension *su = ent_arena_alloc(&w->mem, (b->nsusp + 1) * sizeof(*su));
		ent_treaty_article *ar = ent_arena_alloc(&w->mem, (b->narts + 1) * sizeof(*ar));
		if (!pa || !su || !ar)
			return ENT_ENOMEM;
		memcpy(pa, b->parties, b->nparties * sizeof(*pa));
		if (b->nsusp)
			memcpy(su, b->susp, b->nsusp * sizeof(*su));
		for (i = 0; i < b->narts; i++) {
			art_build *ab = &b->arts[i];
			ent_treaty_article *a = &ar[i];
			*a = ab->a;
#define COPY(field, nfield, src, n, type)                                       \
	do {                                                                          \
		type *c_ = ent_arena_alloc(&w->mem, ((n) + 1) * sizeof(type));            \
		if (!c_)                                                                  \
			return ENT_ENOMEM;                                                    \
		if (n)                                                                    \
			memcpy(c_, src, (n) * sizeof(type));                                  \
		a->field = c_;                                                            \
		a->nfield = n;                                                            \
	} while (0)
			COPY(conditions, nconditions, ab->conds, ab->nconds, ent_condition);
			COPY(exits, nexits, ab->exits, ab->nexits, const char *);
			COPY(credibility_reasons, ncredibility_reasons, ab->reasons,
			     ab->nreasons, const char *);
			COPY(credibility_sources, ncredibility_sources, ab->sources,
			     ab->nsources, const char *);
#undef COPY
		}
		t->parties = pa;
		t->nparties = b->nparties;
		t->suspensions = su;
		t->nsuspensions = b->nsusp;
		t->articles = ar;
		t->narticles = b->narts;
		t->file = keep(b, b->file, strlen(b->file));
	}
	for (i = 0; i < w->ntreaties; i++)
		if (strcmp(w->treaties[i].id, t->id) == 0)
			break;
	if (i == w->ntreaties) {
		if (grow((void **)&w->treaties, &w->treatycap, w->ntreaties,
		         sizeof(ent_treaty)) < 0)
			return ENT_ENOMEM;
		w->ntreaties++;
	}
	w->treaties[i] = *t;
	builder_reset(b);
	return 1;
}

int ent_world_add_treaties_text(ent_world *w, const char *name,
                                const char *data, size_t len)
{
	builder bb, *b = &bb;
	ent_lines it;
	const char *line;
	size_t ln;
	int added = 0, rc = 0;

	memset(b, 0, sizeof *b);
	b->w = w;
	b->file = name;
	ent_lines_init(&it, data, len);
	while (ent_lines_next(&it, &line, &ln)) {
		const char *p = line, *eq, *k, *v;
		size_t pn = ln, kl, vl;
		ent_trim(&p, &pn);
		if (!pn || p[0] == '#')
			continue;
		if (p[0] == '[') {
			static const char *const secs[] = {"[treaty]", "[party]",
			                                   "[suspension]", "[article]"};
			int s = enum_of(secs, 4, p, pn);
			if (b->section)
				end_section(b, it.lineno);
			if (s < 0) {
				if (!b->line)
					b->line = it.lineno; /* errors belong to the treaty */
				ERR(it.lineno, "unknown section '%.*s'", (int)pn, p);
				continue;
			}
			if (s == 0) {
				if (b->line) {
					if ((rc = finish(b, it.lineno)) < 0)
						goto oom;
					added += rc;
				}
				b->line = it.lineno;
				b->t.signed_on = b->t.in_force = b->t.ended = ENT_DATE_NONE;
				b->section = 1;
				continue;
			}
			if (!b->line) {
				b->line = it.lineno;
				ERR(it.lineno, "%.*s before any [treaty]", (int)pn, p);
				continue;
			}
			b->section = s + 1;
			if (s == 1) {
				if (grow((void **)&b->parties, &b->partycap, b->nparties,
				         sizeof(ent_party)) < 0)
					goto oom;
				memset(&b->parties[b->nparties], 0, sizeof(ent_party));
				b->parties[b->nparties].joined = b->parties[b->nparties].left =
					ENT_DATE_NONE;
				b->parties[b->nparties].state = -1;
				b->nparties++;
				b->party_has_state = b->party_has_joined = 0;
			} else if (s == 2) {
				if (grow((void **)&b->susp, &b->suspcap, b->nsusp,
				         sizeof(ent_suspension)) < 0)
					goto oom;
				memset(&b->susp[b->nsusp], 0, sizeof(ent_suspension));
				b->susp[b->nsusp].from = b->susp[b->nsusp].until = ENT_DATE_NONE;
				b->nsusp++;
				memset(b->susp_has, 0, sizeof b->susp_has);
			} else {
				if (grow((void **)&b->arts, &b->artcap, b->narts, sizeof(art_build)) < 0)
					goto oom;
				memset(&b->arts[b->narts], 0, sizeof(art_build));
				b->arts[b->narts].a.line = it.lineno;
				b->arts[b->narts].a.credibility = ENT_CRED_MEDIUM;
				b->narts++;
			}
			continue;
		}
		eq = memchr(p, '=', pn);
		if (!eq) {
			if (!b->line)
				b->line = it.lineno;
			ERR(it.lineno, "expected 'key = value' or a [section]");
			continue;
		}
		k = p;
		kl = (size_t)(eq - p);
		v = eq + 1;
		vl = pn - kl - 1;
		ent_trim(&k, &kl);
		ent_trim(&v, &vl);
		switch (b->section) {
		case 1: rc = on_treaty_key(b, k, kl, v, vl, it.lineno); break;
		case 2: rc = on_party_key(b, k, kl, v, vl, it.lineno); break;
		case 3: rc = on_susp_key(b, k, kl, v, vl, it.lineno); break;
		case 4: rc = on_article_key(b, k, kl, v, vl, it.lineno); break;
		default:
			if (!b->line)
				b->line = it.lineno;
			ERR(it.lineno, "'%.*s' outside any section", (int)kl, k);
			rc = 0;
		}
		if (rc < 0)
			goto oom;
	}
	if ((rc = finish(b, it.lineno + 1)) < 0)
		goto oom;
	added += rc;
	builder_reset(b);
	return added;
oom:
	builder_reset(b);
	return ent_err(w->ctx, ENT_ENOMEM, "out of memory reading %s", name);
}

#undef ERR

int ent_world_add_treaties_file(ent_world *w, const char *path)
{
	char *data;
	size_t len;
	int rc = ent_read_file(&data, &len, w->ctx, path);
	if (rc < 0)
		return rc;
	rc = ent_world_add_treaties_text(w, path, data, len);
	ent_free(data);
	if (rc >= 0)
		w->user_treaties = 1;
	return rc;
}

/* ------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------ */

size_t ent_world_treaty_count(const ent_world *w)
{
	return w->ntreaties;
}

const ent_treaty *ent_world_treaty(const ent_world *w, size_t i)
{
	return &w->treaties[i];
}

int ent_treaty_in_force(const ent_treaty *t, ent_date d)
{
	ent_date start = t->in_force != ENT_DATE_NONE ? t->in_force : t->signed_on;
	return (start == ENT_DATE_NONE || d >= start) &&
	       (t->ended == ENT_DATE_NONE || d < t->ended);
}

int ent_treaty_party_on(const ent_treaty *t, int state, ent_date d)
{
	size_t i;
	for (i = 0; i < t->nparties; i++) {
		const ent_party *p = &t->parties[i];
		if (p->state == state && (p->joined == ENT_DATE_NONE || d >= p->joined) &&
		    (p->left == ENT_DATE_NONE || d < p->left))
			return 1;
	}
	return 0;
}

static int in_list(const int *arr, size_t n, int s)
{
	size_t i;
	if (!arr)
		return 1; /* all parties */
	for (i = 0; i < n; i++)
		if (arr[i] == s)
			return 1;
	return 0;
}

int ent_article_protects(const ent_treaty_article *a, int protector, int protected_)
{
	return protector != protected_ &&
	       in_list(a->protectors, a->nprotectors, protector) &&
	       in_list(a->protected_, a->nprotected, protected_);
}

int ent_treaty_suspended(const ent_treaty *t, int protector, int protected_,
                         ent_date d)
{
	size_t i;
	for (i = 0; i < t->nsuspensions; i++) {
		const ent_suspension *s = &t->suspensions[i];
		if ((s->protector == -1 || s->protector == protector) &&
		    (s->protected_ == -1 || s->protected_ == protected_) &&
		    (s->from == ENT_DATE_NONE || d >= s->from) &&
		    (s->until == ENT_DATE_NONE || d < s->until))
			return 1;
	}
	return 0;
}
