/*
 * unsc.c - would a Security Council draft on a state pass, or be vetoed,
 * and by whom?
 *
 * The members are the permanent five and the ten elected members of the
 * year (data/unsc/members.tsv, 2000 onwards).  Each member's vote comes
 * from two things, both cited in its reason:
 *   - alignment: score = mean tie to the sponsors - tie to the target
 *     (ties on the date, from the alignment network: built-in baseline,
 *     treaty priors, tie files, events);
 *   - record: drafts on this target (and topic) it vetoed since 2000, and
 *     adopted resolutions on it that it voted against or abstained on
 *     (data/unsc/vetoes.tsv, votes.tsv).  A permanent member that vetoed a
 *     draft on the same target and topic votes no again unless its
 *     alignment has turned clearly against the target since.
 * Rule: a permanent member votes no when it has that veto record or its
 * tie to the target is friendly (score <= -0.3); an elected member votes no
 * at score <= -0.6; abstains for scores between that and -0.1 (elected) or
 * 0.2 (permanent, which weigh a veto's cost); otherwise yes.  Most drafts
 * that reach a vote pass with large majorities, so members without strong
 * ties lean yes.  The outcome follows Charter art. 27(3): vetoed when a
 * permanent member votes no; adopted with at least nine yes; failed
 * otherwise.
 */
#include "world/world_internal.h"
#include "entente/net.h"
#include "util/ctx.h"
#include "util/date.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static double tie(const ent_ties *t, int a, int b, ent_date d)
{
	ent_tie_value v;
	if (!t || a == b)
		return 0;
	ent_ties_value(t, (size_t)a, (size_t)b, d, &v);
	return fabs(v.value) < ent_ties_options(t)->dead_band ? 0 : v.value;
}

static int has(const int *arr, size_t n, int s)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (arr[i] == s)
			return 1;
	return 0;
}

static int topic_ok(const char *rec, const char *topic)
{
	return !topic || !*topic || strcmp(rec, topic) == 0;
}

int ent_unsc_predict(ent_unsc_result *out, const ent_world *w,
                     const ent_ties *ties, int target, const char *topic,
                     ent_date d, const int *sponsors, size_t nsponsors)
{
	int y, m, dd;
	size_t i, k;
	const ent_states *st = w->st;

	memset(out, 0, sizeof(*out));
	ent_date_to_ymd(d, &y, &m, &dd);
	out->year = y;
	for (i = 0; i < w->nseats && out->nmembers < 15; i++)
		if (w->seats[i].year == y) {
			out->members[out->nmembers].state = w->seats[i].state;
			out->members[out->nmembers].permanent = w->seats[i].permanent;
			out->nmembers++;
		}
	if (out->nmembers != 15)
		return ent_err(w->ctx, ENT_ENOTFOUND,
		               "Security Council membership for %d is not in the "
		               "built-in data (2000-2026)", y);
	/* sponsors: given, or the members most hostile to the target */
	if (nsponsors) {
		for (i = 0; i < nsponsors && i < 15; i++)
			out->sponsors[out->nsponsors++] = sponsors[i];
	} else {
		double worst = 0;
		int who = -1;
		for (i = 0; i < 15; i++) {
			int s = out->members[i].state;
			double t = tie(ties, s, target, d);
			if (s == target)
				continue;
			if (t <= -0.5)
				out->sponsors[out->nsponsors++] = s;
			if (t < worst) {
				worst = t;
				who = s;
			}
		}
		if (!out->nsponsors && who >= 0)
			out->sponsors[out->nsponsors++] = who;
		if (!out->nsponsors) /* nobody is hostile: the P3 usually draft */
			for (i = 0; i < 15; i++) {
				const char *c = ent_states_iso3(st, (size_t)out->members[i].state);
				if (out->members[i].permanent &&
				    (!strcmp(c, "USA") || !strcmp(c, "GBR") || !strcmp(c, "FRA")) &&
				    out->members[i].state != target)
					out->sponsors[out->nsponsors++] = out->members[i].state;
			}
	}
	/* evidence: vetoed drafts and adopted resolutions on the target */
	for (k = 0; k < 2; k++) {
		const ent_unsc_record *arr = k ? w->votes : w->vetoes;
		size_t n = k ? w->nvotes : w->nvetoes;
		for (i = n; i-- > 0;) {
			const ent_unsc_record *r = &arr[i];
			size_t q;
			if (r->date > d || !has(r->targets, r->ntargets, target) ||
			    !topic_ok(r->topic, topic) || out->nevidence >= 16)
				continue;
			if (k && !r->nagainst && !r->nabstained)
				continue; /* unanimous: no member-specific evidence */
			out->evidence[out->nevidence].veto = !k;
			out->evidence[out->nevidence].date = r->date;
			out->evidence[out->nevidence].symbol = r->draft;
			out->evidence[out->nevidence].subject = r->subject;
			out->evidence[out->nevidence].topic = r->topic;
			out->evidence[out->nevidence].source = r->source;
			for (q = 0; q < (k ? r->nagainst : r->nby) && q < 5; q++)
				out->evidence[out->nevidence].by[out->evidence[out->nevidence].nby++] =
					k ? r->against[q] : r->by[q];
			out->nevidence++;
		}
	}
	/* votes */
	for (i = 0; i < 15; i++) {
		ent_unsc_vote *v = &out->members[i];
		int s = v->state;
		const char *c = ent_states_iso3(st, (size_t)s);
		double ts = 0, tt = tie(ties, s, target, d);
		size_t ns = 0, nveto = 0, nabst = 0, nagainst = 0, j;
		char rec[200] = "";
		size_t rl = 0;
		if (s == target) {
			v->vote = ENT_VOTE_NO;
			snprintf(v->reason, sizeof v->reason, "%s is the target", c);
			continue;
		}
		for (j = 0; j < out->nsponsors; j++)
			if (out->sponsors[j] != s) {
				ts += tie(ties, s, out->sponsors[j], d);
				ns++;
			}
		if (has(out->sponsors, out->nsponsors, s))
			ts = 1; /* a sponsor votes for its own draft */
		else if (ns)
			ts /= (double)ns;
		v->score = ts - tt;
		for (k = 0; k < 2; k++) {
			const ent_unsc_record *arr = k ? w->votes : w->vetoes;
			size_t n = k ? w->nvotes : w->nvetoes;
			for (j = 0; j < n; j++) {
				const ent_unsc_record *r = &arr[j];
				if (r->date > d || !has(r->targets, r->ntargets, target) ||
				    !topic_ok(r->topic, topic))
					continue;
				if (!k && has(r->by, r->nby, s)) {
					nveto++;
					if (rl < sizeof rec - 40)
						rl += (size_t)snprintf(rec + rl, sizeof rec - rl,
						                       "%svetoed %s", rl ? "; " : "", r->draft);
				}
				if (k && has(r->against, r->nagainst, s))
					nagainst++;
				if (k && has(r->abstained, r->nabstained, s))
					nabst++;
			}
		}
		if (v->permanent && nveto && v->score < 0.8) {
			v->vote = ENT_VOTE_NO;
		} else if (v->permanent ? v->score <= -0.3 : v->score <= -0.6) {
			v->vote = ENT_VOTE_NO;
		} else if (nagainst && v->score < 0.5) {
			v->vote = ENT_VOTE_NO;
		} else if (v->score < (v->permanent ? 0.2 : -0.1) || (nabst && v->score < 0.5)) {
			v->vote = ENT_VOTE_ABSTAIN;
		} else {
			v->vote = ENT_VOTE_YES;
		}
		{
			size_t off = (size_t)snprintf(v->reason, sizeof v->reason,
			                              "tie %+.2f to %s, %+.2f to the sponsors "
			                              "(score %+.2f)",
			                              tt, ent_states_iso3(st, (size_t)target),
			                              has(out->sponsors, out->nsponsors, s) ? 1.0 : ts,
			                              v->score);
			if (has(out->sponsors, out->nsponsors, s) && off < sizeof v->reason)
				off += (size_t)snprintf(v->reason + off, sizeof v->reason - off,
				                        "; a sponsor");
			if (nveto && off < sizeof v->reason)
				off += (size_t)snprintf(v->reason + off, sizeof v->reason - off,
				                        "; record: %s", rec);
			if (nagainst && off < sizeof v->reason)
				off += (size_t)snprintf(v->reason + off, sizeof v->reason - off,
				                        "; voted against %zu adopted resolution%s on "
				                        "it", nagainst, nagainst == 1 ? "" : "s");
			if (nabst && off < sizeof v->reason)
				snprintf(v->reason + off, sizeof v->reason - off,
				         "; abstained on %zu adopted resolution%s on it", nabst,
				         nabst == 1 ? "" : "s");
		}
	}
	for (i = 0; i < 15; i++) {
		const ent_unsc_vote *v = &out->members[i];
		if (v->vote == ENT_VOTE_YES)
			out->yes++;
		else if (v->vote == ENT_VOTE_NO) {
			out->no++;
			if (v->permanent && out->nvetoes < 5)
				out->vetoes[out->nvetoes++] = v->state;
		} else
			out->abstain++;
	}
	out->outcome = out->nvetoes ? ENT_OUTCOME_VETOED
	               : out->yes >= 9 ? ENT_OUTCOME_ADOPTED
	                               : ENT_OUTCOME_FAILED;
	return 0;
}
