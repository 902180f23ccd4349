/*
 * priors.c - treaty alliances in force feed the alignment network as
 * positive priors, through the network's tie-line mechanism.
 *
 * For every treaty (not commitments: they bind no one) and every pair of
 * parties that one of its articles makes protect each other (in either
 * direction), one tie line per period in which both are parties, the
 * treaty is in force and no suspension touches the pair.  Weights
 * (docs/treaties.md): a defence or offence obligation that is immediate
 * +0.35, any other defence or offence obligation +0.3, neutrality,
 * non-aggression or consultation only +0.1.  The network takes, for a
 * pair, the strongest treaty prior in force and adds it to the baseline.
 */
#include "world/world_internal.h"
#include "entente/net.h"
#include "util/alloc.h"

#include <stdio.h>
#include <string.h>

static double weight_of(const ent_treaty_article *a)
{
	if (a->obligation == ENT_OBL_DEFENCE || a->obligation == ENT_OBL_OFFENCE)
		return a->strength == ENT_STR_IMMEDIATE ? 0.35 : 0.3;
	return 0.1;
}

static ent_date dmax(ent_date a, ent_date b)
{
	if (a == ENT_DATE_NONE)
		return b;
	if (b == ENT_DATE_NONE)
		return a;
	return a > b ? a : b;
}

static ent_date dmin_end(ent_date a, ent_date b)
{
	if (a == ENT_DATE_NONE)
		return b;
	if (b == ENT_DATE_NONE)
		return a;
	return a < b ? a : b;
}

/* Add [from, until) minus the suspensions touching the pair. */
static int add_period(ent_ties *ties, const ent_treaty *t, int p, int q,
                      double w, ent_date from, ent_date until, const char *note,
                      long line)
{
	size_t i;
	for (i = 0; i < t->nsuspensions; i++) {
		const ent_suspension *s = &t->suspensions[i];
		int hit = ((s->protector == -1 || s->protector == p) &&
		           (s->protected_ == -1 || s->protected_ == q)) ||
		          ((s->protector == -1 || s->protector == q) &&
		           (s->protected_ == -1 || s->protected_ == p));
		ent_date sf = s->from, su = s->until;
		if (!hit)
			continue;
		/* overlap? */
		if ((until != ENT_DATE_NONE && sf != ENT_DATE_NONE && sf >= until) ||
		    (su != ENT_DATE_NONE && from != ENT_DATE_NONE && su <= from))
			continue;
		/* split around the suspension */
		if (sf != ENT_DATE_NONE && (from == ENT_DATE_NONE || sf > from)) {
			int rc = add_period(ties, t, p, q, w, from, sf, note, line);
			if (rc < 0)
				return rc;
		}
		if (su != ENT_DATE_NONE && (until == ENT_DATE_NONE || su < until))
			return add_period(ties, t, p, q, w, su, until, note, line);
		return 0;
	}
	if (from != ENT_DATE_NONE && until != ENT_DATE_NONE && until <= from)
		return 0;
	return ent_ties_add_line(ties, (size_t)p, (size_t)q, w, from, until, note,
	                         t->source, ENT_TIES_TREATY, t->file, line);
}

int ent_world_add_treaty_priors(const ent_world *w, ent_ties *ties)
{
	size_t i, a, b, x;
	int rc, lines = 0;
	for (i = 0; i < w->ntreaties; i++) {
		const ent_treaty *t = &w->treaties[i];
		ent_date start = t->in_force != ENT_DATE_NONE ? t->in_force : t->signed_on;
		if (t->commitment)
			continue;
		for (a = 0; a < t->nparties; a++)
			for (b = 0; b < t->nparties; b++) {
				const ent_party *pa = &t->parties[a], *pb = &t->parties[b];
				double wt = 0;
				long line = 0;
				const char *art = NULL;
				char note[256];
				ent_date from, until;
				if (pa->state >= pb->state)
					continue;
				for (x = 0; x < t->narticles; x++) {
					const ent_treaty_article *ar = &t->articles[x];
					if ((ent_article_protects(ar, pa->state, pb->state) ||
					     ent_article_protects(ar, pb->state, pa->state)) &&
					    weight_of(ar) > wt) {
						wt = weight_of(ar);
						line = ar->line;
						art = ar->id;
					}
				}
				if (wt <= 0)
					continue;
				from = dmax(dmax(start, pa->joined), pb->joined);
				until = dmin_end(dmin_end(t->ended, pa->left), pb->left);
				snprintf(note, sizeof note, "treaty prior: %s art. %s", t->id, art);
				if ((rc = add_period(ties, t, pa->state, pb->state, wt, from, until,
				                     note, line)) < 0)
					return rc;
				lines++;
			}
	}
	return lines;
}
