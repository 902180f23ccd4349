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
 *   - record: its latest vote on this target and topic (data/unsc/
 *     vetoes.tsv, votes.tsv): a draft it vetoed (no), an adopted resolution
 *     it voted against (no), abstained on (abstain) or, sitting on the
 *     Council, voted for (yes).
 * Rule: a sponsor votes yes.  A member with a record repeats it, moved one
 * step (yes -> abstain -> no, or back) when its tie to the target has
 * shifted by 0.3 or more since that vote.  Without a record, a permanent
 * member votes no at score <= -0.3 and abstains below 0.2 (a veto has a
 * cost); an elected member votes no at <= -0.6 and abstains below -0.1;
 * otherwise yes - most drafts that reach a vote pass with large
 * majorities.  The outcome follows Charter art. 27(3): vetoed when a
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

/* Did `s` sit on the Council on date d? */
static int seated(const ent_world *w, int s, ent_date d)
{
	int y, m, dd;
	size_t i;
	ent_date_to_ymd(d, &y, &m, &dd);
	for (i = 0; i < w->nseats; i++)
		if (w->seats[i].year == y && w->seats[i].state == s)
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
		size_t ns = 0, j;
		int sponsor = has(out->sponsors, out->nsponsors, s);
		/* the member's latest vote on record on this target and topic */
		int rec = -1; /* ent_vote */
		ent_date rec_date = ENT_DATE_NONE;
		const char *rec_symbol = NULL;
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
		if (sponsor)
			ts = 1; /* a sponsor votes for its own draft */
		else if (ns)
			ts /= (double)ns;
		v->score = ts - tt;
		for (k = 0; k < 2; k++) {
			const ent_unsc_record *arr = k ? w->votes : w->vetoes;
			size_t n = k ? w->nvotes : w->nvetoes;
			for (j = 0; j < n; j++) {
				const ent_unsc_record *r = &arr[j];
				int kind = -1;
				if (r->date > d || !has(r->targets, r->ntargets, target) ||
				    !topic_ok(r->topic, topic))
					continue;
				if (!k && has(r->by, r->nby, s))
					kind = ENT_VOTE_NO;
				else if (k && has(r->against, r->nagainst, s))
					kind = ENT_VOTE_NO;
				else if (k && has(r->abstained, r->nabstained, s))
					kind = ENT_VOTE_ABSTAIN;
				else if (k && seated(w, s, r->date))
					kind = ENT_VOTE_YES;
				if (kind >= 0 && (rec_date == ENT_DATE_NONE || r->date >= rec_date)) {
					rec = kind;
					rec_date = r->date;
					rec_symbol = r->draft;
				}
			}
		}
		if (sponsor) {
			v->vote = ENT_VOTE_YES;
		} else if (rec >= 0) {
			/* the record, moved one step when alignment with the target has
			 * shifted since (by 0.3 or more) */
			double drift = tt - tie(ties, s, target, rec_date);
			v->vote = (ent_vote)rec;
			if (drift >= 0.3)
				v->vote = v->vote == ENT_VOTE_YES ? ENT_VOTE_ABSTAIN : ENT_VOTE_NO;
			else if (drift <= -0.3)
				v->vote = v->vote == ENT_VOTE_NO ? ENT_VOTE_ABSTAIN : ENT_VOTE_YES;
		} else if (v->permanent ? v->score <= -0.3 : v->score <= -0.6) {
			v->vote = ENT_VOTE_NO;
		} else if (v->score < (v->permanent ? 0.2 : -0.1)) {
			v->vote = ENT_VOTE_ABSTAIN;
		} else {
			v->vote = ENT_VOTE_YES;
		}
		{
			char ds[16];
			size_t off = (size_t)snprintf(v->reason, sizeof v->reason,
			                              "tie %+.2f to %s, %+.2f to the sponsors "
			                              "(score %+.2f)",
			                              tt, ent_states_iso3(st, (size_t)target),
			                              ts, v->score);
			if (sponsor && off < sizeof v->reason)
				off += (size_t)snprintf(v->reason + off, sizeof v->reason - off,
				                        "; a sponsor");
			if (rec >= 0 && off < sizeof v->reason)
				off += (size_t)snprintf(v->reason + off, sizeof v->reason - off,
				                        "; last on record: %s %s (%s)",
				                        rec == ENT_VOTE_NO ? "no on"
				                        : rec == ENT_VOTE_ABSTAIN ? "abstained on"
				                                                  : "yes on",
				                        rec_symbol, ent_date_format(ds, rec_date));
			if (rec >= 0 && off < sizeof v->reason &&
			    fabs(tt - tie(ties, s, target, rec_date)) >= 0.3)
				snprintf(v->reason + off, sizeof v->reason - off,
				         "; its tie to %s moved %+.2f since",
				         ent_states_iso3(st, (size_t)target),
				         tt - tie(ties, s, target, rec_date));
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
