/*
 * scenario.c - war-coalition scenarios: if A attacks B, who is obliged by
 * treaty to defend whom, under which article, do its conditions hold, and
 * who else is likely to join - then the same for every joiner, to a fixed
 * point.
 *
 * The reasoning, round by round:
 *   - the target is attacked on its territory (or --location); for every
 *     defence article in force that makes a party protect it, each
 *     condition is judged met, unmet or unknown (location: is the place in
 *     the article's region; adversary: is the attacker named; unprovoked:
 *     --provoked / --unprovoked, else unknown; number_of_attackers: one
 *     attacker; conflict and demand_noncompliance: unknown).  The article
 *     binds ("yes") when every condition is met, "conditional" when none is
 *     unmet but some unknown, "no" otherwise - or when the duty is
 *     suspended, or the attacker is itself a party;
 *   - the attacker's allies are bound only if the target strikes back at
 *     the attacker: their rows carry the condition "attacked" (unknown) and
 *     an unprovoked condition cannot hold (the attacker started the war);
 *   - states whose tie to a side's member is at least `likely_tie` and who
 *     are hostile to the other side's leader (or whose tie is at least 0.8
 *     and who have no friendly tie to that leader) are likely to join that
 *     side (the alignment network);
 *   - every state that joins for sure (bound "yes", or likely) is treated
 *     the same way in the next round: its own allies are bound if the other
 *     side attacks it, and its close friends are likely to follow.  States
 *     bound only conditionally join their side as conditional members, but
 *     their own allies are not followed further (otherwise every alliance
 *     of an ally of an ally would join).  A state joins the first side that
 *     claims it; rounds stop when nothing changes (cycles end there) or
 *     after max_rounds.
 * An obligation is not a prediction: credibility and exits travel with
 * every row.
 */
#include "world/world_internal.h"
#include "entente/net.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	const ent_world *w;
	const ent_ties *ties;
	const ent_scenario_options *o;
	ent_scenario *s;
	int *side;              /* per state: -1, or ent_side */
	size_t cap_ob, cap_li, cap_me;
} sc;

static const char *iso(const sc *c, int s)
{
	return ent_states_iso3(c->w->st, (size_t)s);
}

static double tie(const sc *c, int a, int b)
{
	ent_tie_value v;
	if (!c->ties || a == b)
		return 0;
	ent_ties_value(c->ties, (size_t)a, (size_t)b, c->o->date, &v);
	return fabs(v.value) < ent_ties_options(c->ties)->dead_band ? 0 : v.value;
}

static int push_member(sc *c, int state, ent_side side, int round,
                       int conditional, const char *reason)
{
	ent_scenario *s = c->s;
	if (ENT_GROW(s->members, s->nmembers, c->cap_me) < 0)
		return ENT_ENOMEM;
	s->members[s->nmembers].state = state;
	s->members[s->nmembers].side = side;
	s->members[s->nmembers].round = round;
	s->members[s->nmembers].conditional = conditional;
	snprintf(s->members[s->nmembers].reason, sizeof s->members[0].reason, "%s",
	         reason);
	s->nmembers++;
	c->side[state] = (int)side;
	return 0;
}

static ent_cond_status location_status(const sc *c, const ent_condition *cd,
                                       int member, int is_target, char *detail,
                                       size_t dl)
{
	const ent_world *w = c->w;
	const char *rname = ent_world_region_name(w, (size_t)cd->region);
	if (is_target && c->o->location_region >= 0) {
		/* the attack falls in a region: met if the region lies inside */
		size_t i, in = 0;
		const ent_region *R = &w->regions[c->o->location_region];
		for (i = 0; i < R->nstates; i++)
			in += ent_world_region_has(w, (size_t)cd->region, R->states[i]);
		snprintf(detail, dl, "the attack falls in %s; the article covers %s",
		         R->name, rname);
		return in == R->nstates ? ENT_COND_MET : in ? ENT_COND_UNKNOWN : ENT_COND_UNMET;
	}
	{
		int loc = is_target && c->o->location_state >= 0 ? c->o->location_state
		                                                  : member;
		int has = ent_world_region_has(w, (size_t)cd->region, loc);
		if (!is_target) {
			snprintf(detail, dl, "only if %s is struck %s %s", iso(c, member),
			         has ? "inside" : "(it lies outside)", rname);
			return has ? ENT_COND_UNKNOWN : ENT_COND_UNMET;
		}
		snprintf(detail, dl, "%s is %s %s", iso(c, loc), has ? "in" : "not in", rname);
		return has ? ENT_COND_MET : ENT_COND_UNMET;
	}
}

/* Evaluate every defence/offence article that makes someone protect
 * `member` (attacked by `enemy`); add rows; return new joiners' count. */
static int obligations(sc *c, int member, int enemy, ent_side side, int round,
                       int *added)
{
	const ent_world *w = c->w;
	const ent_scenario_options *o = c->o;
	int is_target = member == o->target;
	size_t ti, ai, pi;
	*added = 0;
	for (ti = 0; ti < w->ntreaties; ti++) {
		const ent_treaty *t = &w->treaties[ti];
		if (!ent_treaty_in_force(t, o->date) ||
		    !ent_treaty_party_on(t, member, o->date))
			continue;
		for (ai = 0; ai < t->narticles; ai++) {
			const ent_treaty_article *a = &t->articles[ai];
			if (a->obligation != ENT_OBL_DEFENCE && a->obligation != ENT_OBL_OFFENCE)
				continue;
			for (pi = 0; pi < t->nparties; pi++) {
				int p = t->parties[pi].state;
				ent_obliged *r;
				size_t k;
				int unmet = 0, unknown = 0, dup = 0;
				if (p == member || p == enemy ||
				    !ent_treaty_party_on(t, p, o->date) ||
				    !ent_article_protects(a, p, member))
					continue;
				/* one row per (state, treaty, article, protected member) */
				for (k = 0; k < c->s->nobliged; k++) {
					const ent_obliged *x = &c->s->obliged[k];
					if (x->state == p && x->treaty == t && x->article == a &&
					    x->protects == member)
						dup = 1;
				}
				if (dup)
					continue;
				if (ENT_GROW(c->s->obliged, c->s->nobliged, c->cap_ob) < 0)
					return ENT_ENOMEM;
				r = &c->s->obliged[c->s->nobliged++];
				memset(r, 0, sizeof(*r));
				r->state = p;
				r->side = side;
				r->protects = member;
				r->against = enemy;
				r->treaty = t;
				r->article = a;
				r->round = round;
				if (!is_target) {
					ent_scenario_condition *cd = &r->conditions[r->nconditions++];
					cd->name = "attacked";
					cd->status = ENT_COND_UNKNOWN;
					snprintf(cd->detail, sizeof cd->detail, "only if %s strikes %s",
					         iso(c, enemy), iso(c, member));
				}
				for (k = 0; k < a->nconditions && r->nconditions < 8; k++) {
					const ent_condition *cond = &a->conditions[k];
					ent_scenario_condition *cd = &r->conditions[r->nconditions++];
					cd->name = ent_condition_name(cond->kind);
					switch (cond->kind) {
					case ENT_COND_LOCATION:
						cd->status = location_status(c, cond, member, is_target,
						                             cd->detail, sizeof cd->detail);
						break;
					case ENT_COND_ADVERSARY: {
						size_t q;
						int named = 0;
						for (q = 0; q < cond->nstates; q++)
							named |= cond->states[q] == enemy;
						cd->status = named ? ENT_COND_MET : ENT_COND_UNMET;
						snprintf(cd->detail, sizeof cd->detail,
						         "only against %s; the attacker is %s", cond->value,
						         iso(c, enemy));
						break;
					}
					case ENT_COND_UNPROVOKED:
						if (!is_target) {
							cd->status = ENT_COND_UNMET;
							snprintf(cd->detail, sizeof cd->detail,
							         "a strike on %s would answer its part in the war",
							         iso(c, member));
						} else if (o->provoked < 0) {
							cd->status = ENT_COND_UNKNOWN;
							snprintf(cd->detail, sizeof cd->detail,
							         "whether the attack was provoked is for the ally "
							         "to judge (--provoked / --unprovoked)");
						} else {
							cd->status = o->provoked ? ENT_COND_UNMET : ENT_COND_MET;
							snprintf(cd->detail, sizeof cd->detail, "taken as %s",
							         o->provoked ? "provoked" : "unprovoked");
						}
						break;
					case ENT_COND_NUMBER_OF_ATTACKERS:
						cd->status = cond->number <= 1 ? ENT_COND_MET : ENT_COND_UNMET;
						snprintf(cd->detail, sizeof cd->detail,
						         "only against %d or more attackers; one attacks",
						         cond->number);
						break;
					default:
						cd->status = ENT_COND_UNKNOWN;
						snprintf(cd->detail, sizeof cd->detail, "%s", cond->value);
						break;
					}
				}
				for (k = 0; k < r->nconditions; k++) {
					unmet += r->conditions[k].status == ENT_COND_UNMET;
					unknown += r->conditions[k].status == ENT_COND_UNKNOWN;
				}
				if (ent_treaty_suspended(t, p, member, o->date))
					r->why_not = "the duty is suspended";
				else if (ent_treaty_party_on(t, enemy, o->date))
					r->why_not = "the attacker is itself a party to the treaty";
				r->binding = r->why_not || unmet ? ENT_BIND_NO
				             : unknown          ? ENT_BIND_CONDITIONAL
				                                : ENT_BIND_YES;
				if (r->binding != ENT_BIND_NO && c->side[p] < 0) {
					char why[256];
					snprintf(why, sizeof why, "bound to defend %s by %s art. %s "
					         "(%s, %s; credibility %s)", iso(c, member), t->id, a->id,
					         r->binding == ENT_BIND_YES ? "binding" : "conditional",
					         ent_strength_name(a->strength),
					         ent_credibility_name(a->credibility));
					if (push_member(c, p, side, round + 1,
					                r->binding != ENT_BIND_YES, why) < 0)
						return ENT_ENOMEM;
					(*added)++;
				}
			}
		}
	}
	return 0;
}

static int likely(sc *c, int member, int other_leader, ent_side side, int round,
                  int *added)
{
	size_t s, n = ent_states_count(c->w->st);
	*added = 0;
	if (!c->ties)
		return 0;
	for (s = 0; s < n; s++) {
		double t1, t2;
		ent_likely *l;
		char why[256];
		size_t mi = 0;
		if ((int)s == member || (int)s == other_leader)
			continue;
		if (c->side[s] >= 0) {
			/* a conditional member of this side may become a sure one */
			for (mi = 0; mi < c->s->nmembers; mi++)
				if (c->s->members[mi].state == (int)s)
					break;
			if (c->side[s] != (int)side || mi == c->s->nmembers ||
			    !c->s->members[mi].conditional)
				continue;
		}
		t1 = tie(c, (int)s, member);
		if (t1 < c->o->likely_tie)
			continue;
		t2 = tie(c, (int)s, other_leader);
		if (!(t2 <= -0.3 || (t1 >= 0.8 && t2 <= 0)))
			continue;
		if (ENT_GROW(c->s->likely, c->s->nlikely, c->cap_li) < 0)
			return ENT_ENOMEM;
		l = &c->s->likely[c->s->nlikely++];
		l->state = (int)s;
		l->side = side;
		l->via = member;
		l->tie = t1;
		l->tie_other = t2;
		l->round = round;
		snprintf(why, sizeof why, "likely with %s: tie %+.2f, and %+.2f with %s",
		         iso(c, member), t1, t2, iso(c, other_leader));
		if (c->side[s] >= 0) {
			ent_coalition_member *m = &c->s->members[mi];
			size_t rl = strlen(m->reason);
			m->conditional = 0;
			m->round = round + 1;
			snprintf(m->reason + rl, sizeof m->reason - rl, "; %s", why);
		} else if (push_member(c, (int)s, side, round + 1, 0, why) < 0) {
			return ENT_ENOMEM;
		}
		(*added)++;
	}
	return 0;
}

void ent_scenario_free(ent_scenario *s)
{
	if (!s)
		return;
	ent_free(s->obliged);
	ent_free(s->likely);
	ent_free(s->members);
	ent_free(s);
}

int ent_scenario_run(ent_scenario **out, const ent_world *w,
                     const ent_ties *ties, const ent_scenario_options *o)
{
	sc c;
	size_t n = ent_states_count(w->st), i, from = 0;
	int round, rc = 0;
	*out = NULL;
	if (o->attacker < 0 || o->target < 0 || o->attacker == o->target ||
	    (size_t)o->attacker >= n || (size_t)o->target >= n)
		return ent_err(w->ctx, ENT_EINVAL, "a scenario needs two different states");
	memset(&c, 0, sizeof c);
	c.w = w;
	c.ties = ties;
	c.o = o;
	c.s = ent_calloc(1, sizeof(ent_scenario));
	c.side = ent_malloc(n * sizeof(int));
	if (!c.s || !c.side) {
		rc = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++)
		c.side[i] = -1;
	if ((rc = push_member(&c, o->target, ENT_SIDE_TARGET, 0, 0, "the target")) < 0 ||
	    (rc = push_member(&c, o->attacker, ENT_SIDE_ATTACKER, 0, 0,
	                      "the attacker")) < 0)
		goto done;
	for (round = 0; round < (o->max_rounds > 0 ? o->max_rounds : 4); round++) {
		size_t to = c.s->nmembers;
		int grew = 0;
		for (i = from; i < to; i++) {
			const ent_coalition_member m = c.s->members[i];
			int enemy = m.side == ENT_SIDE_TARGET ? o->attacker : o->target;
			int added;
			if (m.conditional)
				continue; /* its own allies follow only if it fights */
			if ((rc = obligations(&c, m.state, enemy, m.side, round, &added)) < 0)
				goto done;
			grew += added;
		}
		for (i = from; i < to; i++) {
			const ent_coalition_member m = c.s->members[i];
			int other = m.side == ENT_SIDE_TARGET ? o->attacker : o->target;
			int added;
			if (m.conditional)
				continue;
			if ((rc = likely(&c, m.state, other, m.side, round, &added)) < 0)
				goto done;
			grew += added;
		}
		from = to;
		if (!grew)
			break;
	}
done:
	ent_free(c.side);
	if (rc < 0) {
		ent_scenario_free(c.s);
		return rc == ENT_ENOMEM ? ent_err(w->ctx, rc, "out of memory") : rc;
	}
	*out = c.s;
	return 0;
}
