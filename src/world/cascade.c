/*
 * cascade.c - the proliferation domino: if X goes nuclear, who follows?
 *
 * A threshold model on the alignment network (Granovetter 1978's threshold
 * idea, applied as in the "nuclear domino" literature, e.g. Miller 2014 on
 * the role of alliance guarantees).  Every state the nuclear table follows
 * has a latent capability L and a threshold T (data/nuclear.tsv: sourced
 * judgement).  Pressure on a non-nuclear state S:
 *     P(S) = sum over nuclear-armed Y of  hostility(S,Y) * nearness(S,Y) * f(Y)
 * where hostility = max(0, -tie(S,Y)), nearness = 1 for the same UN M49
 * sub-region, 0.6 for the same UN regional group, 0.3 otherwise, and f = 1
 * for a state that has just crossed (the trigger, then each new crosser)
 * and `established` (0.25) for long-armed states, whose threat is priced
 * in.  An alliance guarantee raises the threshold: T' = T + guarantee *
 * max(0, tie(S, guarantor)).  S crosses when P(S) >= T' and L >= min_latent;
 * crossings are checked round after round until none happens.
 * Monte Carlo (runs > 0): each run scales every threshold by a uniform
 * factor in [1 - noise, 1 + noise] and lets a state that decides to cross
 * succeed with probability L; the result is each state's share of runs in
 * which it crossed.
 */
#include "world/world_internal.h"
#include "entente/net.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <math.h>
#include <string.h>

static double tie(const ent_ties *t, int a, int b, ent_date d)
{
	ent_tie_value v;
	if (!t || a == b)
		return 0;
	ent_ties_value(t, (size_t)a, (size_t)b, d, &v);
	return fabs(v.value) < ent_ties_options(t)->dead_band ? 0 : v.value;
}

static double nearness(const ent_states *st, int a, int b)
{
	if (strcmp(ent_states_region(st, (size_t)a), ent_states_region(st, (size_t)b)) == 0)
		return 1.0;
	if (strcmp(ent_states_group(st, (size_t)a), ent_states_group(st, (size_t)b)) == 0 &&
	    strcmp(ent_states_group(st, (size_t)a), "-") != 0)
		return 0.6;
	return 0.3;
}

static uint64_t rnd(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return x;
}

static double unif(uint64_t *s)
{
	return (double)(rnd(s) >> 11) / 9007199254740992.0;
}

void ent_cascade_free(ent_cascade *c)
{
	if (!c)
		return;
	ent_free(c->states);
	ent_free(c);
}

/* One cascade; thr_scale[i] scales thresholds, succeed decides capability.
 * new_at[i]: round crossed (-1 not), established nuclear: -2. */
static void run_once(const ent_world *w, const ent_ties *ties,
                     const ent_cascade_options *o, ent_cascade_state *S,
                     size_t n, const double *scale, uint64_t *seed, int record)
{
	size_t i, j;
	int round;
	for (round = 1; round < 50; round++) {
		int any = 0;
		/* pressures against the state of the previous round */
		for (i = 0; i < n; i++) {
			double p = 0, thr;
			const ent_nuclear_row *r = &w->nuclear[i];
			double amount[64];
			if (S[i].crossed || r->status >= 2)
				continue;
			for (j = 0; j < n; j++) {
				double h, f;
				amount[j < 64 ? j : 63] = 0;
				if (j == i || S[j].crossed != 1)
					continue;
				h = -tie(ties, r->state, w->nuclear[j].state, o->date);
				if (h <= 0)
					continue;
				f = S[j].round >= 0 ? 1.0 : o->established;
				h *= nearness(w->st, r->state, w->nuclear[j].state) * f;
				if (j < 64)
					amount[j] = h;
				p += h;
			}
			thr = r->threshold * (scale ? scale[i] : 1.0);
			if (r->guarantor >= 0) {
				double g = tie(ties, r->state, r->guarantor, o->date);
				if (g > 0)
					thr += o->guarantee * g;
			}
			if (record) {
				size_t t;
				S[i].pressure = p;
				S[i].threshold = thr;
				S[i].ntop = 0;
				for (t = 0; t < 3; t++) {
					double best = 0;
					int who = -1;
					for (j = 0; j < n && j < 64; j++) {
						size_t q;
						int used = 0;
						for (q = 0; q < S[i].ntop; q++)
							used |= S[i].top_from[q] == w->nuclear[j].state;
						if (!used && amount[j] > best) {
							best = amount[j];
							who = w->nuclear[j].state;
						}
					}
					if (who < 0)
						break;
					S[i].top_from[S[i].ntop] = who;
					S[i].top_amount[S[i].ntop++] = best;
				}
			}
			if (p >= thr && r->latent >= o->min_latent &&
			    (!seed || unif(seed) < r->latent)) {
				S[i].crossed = 2; /* this round; becomes 1 below */
				S[i].round = round;
				any = 1;
			}
		}
		for (i = 0; i < n; i++)
			if (S[i].crossed == 2)
				S[i].crossed = 1;
		if (!any)
			break;
	}
}

int ent_cascade_run(ent_cascade **out, const ent_world *w, const ent_ties *ties,
                    const ent_cascade_options *o)
{
	ent_cascade *c = ent_calloc(1, sizeof(*c));
	size_t n = w->nnuclear, i;
	int trig = -1;
	*out = NULL;
	if (!c)
		return ent_err(w->ctx, ENT_ENOMEM, "out of memory");
	c->states = ent_calloc(n + 1, sizeof(ent_cascade_state));
	if (!c->states) {
		ent_free(c);
		return ent_err(w->ctx, ENT_ENOMEM, "out of memory");
	}
	c->nstates = n;
	c->runs = o->runs;
	for (i = 0; i < n; i++)
		if (w->nuclear[i].state == o->trigger)
			trig = (int)i;
	if (trig < 0) {
		ent_cascade_free(c);
		return ent_err(w->ctx, ENT_ENOTFOUND,
		               "%s is not in the nuclear table (data/nuclear.tsv)",
		               ent_states_iso3(w->st, (size_t)o->trigger));
	}
#define RESET()                                                                 \
	for (i = 0; i < n; i++) {                                                   \
		const ent_nuclear_row *r = &w->nuclear[i];                              \
		c->states[i].state = r->state;                                          \
		c->states[i].latent = r->latent;                                        \
		c->states[i].guarantor = r->guarantor;                                  \
		c->states[i].crossed = (int)i == trig ||                                \
		                       (r->status >= 2 && (r->since == ENT_DATE_NONE ||   \
		                                           r->since <= o->date));       \
		c->states[i].round = (int)i == trig ? 0 : c->states[i].crossed ? -2 : -1; \
	}
	RESET();
	run_once(w, ties, o, c->states, n, NULL, NULL, 1);
	if (o->runs > 0) {
		double *counts = ent_calloc(n + 1, sizeof(double));
		double *scale = ent_malloc((n + 1) * sizeof(double));
		ent_cascade_state *tmp = ent_malloc((n + 1) * sizeof(ent_cascade_state));
		uint64_t seed = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)o->seed * 0x2545F4914F6CDD1DULL);
		int r;
		if (!counts || !scale || !tmp) {
			ent_free(counts);
			ent_free(scale);
			ent_free(tmp);
			ent_cascade_free(c);
			return ent_err(w->ctx, ENT_ENOMEM, "out of memory");
		}
		if (!seed)
			seed = 1;
		for (r = 0; r < o->runs; r++) {
			memcpy(tmp, c->states, n * sizeof(*tmp));
			for (i = 0; i < n; i++) {
				tmp[i].crossed = (int)i == trig || (tmp[i].round == -2);
				if (!tmp[i].crossed)
					tmp[i].round = -1;
				scale[i] = 1 - o->noise + 2 * o->noise * unif(&seed);
			}
			run_once(w, ties, o, tmp, n, scale, &seed, 0);
			for (i = 0; i < n; i++)
				counts[i] += tmp[i].crossed;
		}
		for (i = 0; i < n; i++)
			c->states[i].probability = counts[i] / o->runs;
		ent_free(counts);
		ent_free(scale);
		ent_free(tmp);
	}
#undef RESET
	*out = c;
	return 0;
}
