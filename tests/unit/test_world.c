/*
 * test_world.c - the world model: pinned treaty facts, treaty priors,
 * golden scenarios on the built-in world, synthetic worlds for the
 * condition logic, one-way obligations, membership dates, suspensions and
 * the fixed point (chains and cycles), the Security Council prediction,
 * and the nuclear cascade.
 */
#define ENT_HARNESS_IMPL
#include "harness.h"

#include "entente.h"

#include <math.h>

int ent_world_add_treaty_priors(const ent_world *w, ent_ties *ties);

typedef struct {
	int n;
	char all[8192];
} diag_log;

static void on_diag(const ent_diag *d, void *p)
{
	diag_log *l = p;
	size_t k = strlen(l->all);
	l->n++;
	if (k < sizeof l->all - 1)
		snprintf(l->all + k, sizeof l->all - k, "%s:%ld: %s\n",
		         d->file ? d->file : "", d->line, d->message);
}

static ent_date D(const char *s)
{
	ent_date d;
	ent_date_parse(&d, s, strlen(s));
	return d;
}

typedef struct {
	ent_ctx *ctx;
	ent_states *st;
	ent_world *w;
	ent_ties *t;
	diag_log log;
} fixture;

static void setup(fixture *f, int with_ties)
{
	memset(f, 0, sizeof(*f));
	ent_ctx_new(&f->ctx);
	ent_ctx_set_diag(f->ctx, on_diag, &f->log);
	ENT_CHECK(ent_states_load(&f->st, f->ctx) == 0);
	ENT_CHECK(ent_world_load(&f->w, f->ctx, f->st) == 0);
	if (with_ties) {
		ent_tie_options o = ENT_TIE_OPTIONS_INIT;
		ent_ties_new(&f->t, f->ctx, f->st, &o);
		ent_ties_add_baseline(f->t);
		ent_world_add_treaty_priors(f->w, f->t);
	}
}

static void teardown(fixture *f)
{
	ent_ties_free(f->t);
	ent_world_free(f->w);
	ent_states_free(f->st);
	ent_ctx_free(f->ctx);
}

static int S(fixture *f, const char *c)
{
	return ent_states_lookup(f->st, c);
}

static const ent_treaty *treaty(fixture *f, const char *id)
{
	size_t i;
	for (i = 0; i < ent_world_treaty_count(f->w); i++)
		if (strcmp(ent_world_treaty(f->w, i)->id, id) == 0)
			return ent_world_treaty(f->w, i);
	return NULL;
}

/* ------------------------------------------------------------ data pins */

ENT_TEST(treaty_facts_pinned)
{
	fixture f;
	const ent_treaty *t;
	setup(&f, 0);
	ENT_CHECK_INT(ent_world_treaty_count(f.w), 19);
	ENT_CHECK_INT(f.log.n, 0);
	t = treaty(&f, "nato");
	ENT_CHECK(t != NULL);
	if (t) {
		ENT_CHECK(!ent_treaty_party_on(t, S(&f, "FIN"), D("2023-04-03")));
		ENT_CHECK(ent_treaty_party_on(t, S(&f, "FIN"), D("2023-04-04")));
		ENT_CHECK(!ent_treaty_party_on(t, S(&f, "SWE"), D("2024-03-06")));
		ENT_CHECK(ent_treaty_party_on(t, S(&f, "SWE"), D("2024-03-07")));
		ENT_CHECK(ent_treaty_party_on(t, S(&f, "USA"), D("1949-08-24")));
		ENT_CHECK(ent_treaty_party_on(t, S(&f, "MKD"), D("2020-03-27")));
		ENT_CHECK(!ent_treaty_party_on(t, S(&f, "MKD"), D("2020-03-26")));
	}
	t = treaty(&f, "russia_dprk_2024");
	ENT_CHECK(t && t->signed_on == D("2024-06-19") && t->in_force == D("2024-12-04"));
	ENT_CHECK(t && !ent_treaty_in_force(t, D("2024-12-03")) &&
	          ent_treaty_in_force(t, D("2024-12-04")));
	t = treaty(&f, "china_dprk_1961");
	ENT_CHECK(t && t->in_force == D("1961-09-10") && t->ended == ENT_DATE_NONE);
	ENT_CHECK(t && t->narticles == 1 && t->articles[0].credibility == ENT_CRED_LOW &&
	          t->articles[0].strength == ENT_STR_IMMEDIATE);
	t = treaty(&f, "us_japan_1960");
	ENT_CHECK(t && t->narticles == 1);
	if (t) { /* one way: the US protects Japan, not the reverse */
		ENT_CHECK(ent_article_protects(&t->articles[0], S(&f, "USA"), S(&f, "JPN")));
		ENT_CHECK(!ent_article_protects(&t->articles[0], S(&f, "JPN"), S(&f, "USA")));
		ENT_CHECK(t->articles[0].strength == ENT_STR_CONSTITUTIONAL_PROCESSES);
	}
	t = treaty(&f, "anzus");
	ENT_CHECK(t && ent_treaty_suspended(t, S(&f, "USA"), S(&f, "NZL"), D("1990-01-01")));
	ENT_CHECK(t && !ent_treaty_suspended(t, S(&f, "USA"), S(&f, "NZL"), D("1980-01-01")));
	ENT_CHECK(t && !ent_treaty_suspended(t, S(&f, "AUS"), S(&f, "NZL"), D("1990-01-01")));
	t = treaty(&f, "csto");
	ENT_CHECK(t && ent_treaty_party_on(t, S(&f, "UZB"), D("2010-01-01")));
	ENT_CHECK(t && !ent_treaty_party_on(t, S(&f, "UZB"), D("2013-01-01")));
	ENT_CHECK(t && ent_treaty_suspended(t, S(&f, "ARM"), S(&f, "RUS"), D("2024-06-01")));
	t = treaty(&f, "us_taiwan_tra");
	ENT_CHECK(t && t->commitment);
	ENT_CHECK(ent_world_region_lookup(f.w, "pacific_area") >= 0);
	ENT_CHECK(ent_world_region_has(f.w, (size_t)ent_world_region_lookup(f.w, "japan_administered"),
	                               S(&f, "JPN")));
	teardown(&f);
}

ENT_TEST(treaty_priors_feed_the_network)
{
	fixture f;
	ent_tie_value v;
	setup(&f, 1);
	/* FIN-NOR: no baseline line; NATO from 2023-04-04 (+0.3) and the EU
	 * clause (+0.3): the strongest counts, not the sum */
	ent_ties_value(f.t, (size_t)S(&f, "FIN"), (size_t)S(&f, "NOR"), D("2023-04-03"), &v);
	ENT_CHECK(fabs(v.value) < 1e-9);
	ent_ties_value(f.t, (size_t)S(&f, "FIN"), (size_t)S(&f, "NOR"), D("2023-04-04"), &v);
	ENT_CHECK(fabs(v.value - 0.3) < 1e-9);
	/* the commitment of the Taiwan Relations Act adds nothing */
	ent_ties_value(f.t, (size_t)S(&f, "USA"), (size_t)S(&f, "TWN"), D("2024-01-01"), &v);
	ENT_CHECK(fabs(v.value - 0.6) < 1e-9); /* the baseline alone */
	/* ANZUS: no US-NZ prior after the 1986 suspension */
	ent_ties_value(f.t, (size_t)S(&f, "USA"), (size_t)S(&f, "NZL"), D("2000-06-01"), &v);
	ENT_CHECK(v.prior < 0.3 + 1e-9);
	teardown(&f);
}

/* ------------------------------------------------------------ scenarios */

static const ent_obliged *find_row(const ent_scenario *s, int state,
                                   const char *treaty_id, int protects)
{
	size_t i;
	for (i = 0; i < s->nobliged; i++)
		if (s->obliged[i].state == state && s->obliged[i].protects == protects &&
		    strcmp(s->obliged[i].treaty->id, treaty_id) == 0)
			return &s->obliged[i];
	return NULL;
}

static ent_scenario *run(fixture *f, const char *a, const char *t, const char *d)
{
	ent_scenario_options o = ENT_SCENARIO_OPTIONS_INIT;
	ent_scenario *s = NULL;
	o.attacker = S(f, a);
	o.target = S(f, t);
	o.date = D(d);
	ENT_CHECK(ent_scenario_run(&s, f->w, f->t, &o) == 0);
	return s;
}

static int member_side(const ent_scenario *s, int state)
{
	size_t i;
	for (i = 0; i < s->nmembers; i++)
		if (s->members[i].state == state)
			return (int)s->members[i].side;
	return -1;
}

ENT_TEST(usa_attacks_prk)
{
	fixture f;
	ent_scenario *s;
	const ent_obliged *r;
	setup(&f, 1);
	/* 2023-09-13: China bound by art. II; Russia has no treaty yet */
	s = run(&f, "USA", "PRK", "2023-09-13");
	r = find_row(s, S(&f, "CHN"), "china_dprk_1961", S(&f, "PRK"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES && r->side == ENT_SIDE_TARGET);
	ENT_CHECK(r && r->article->credibility == ENT_CRED_LOW && r->article->nexits >= 1);
	ENT_CHECK(find_row(s, S(&f, "RUS"), "russia_dprk_2024", S(&f, "PRK")) == NULL);
	ENT_CHECK(member_side(s, S(&f, "CHN")) == ENT_SIDE_TARGET);
	ENT_CHECK(member_side(s, S(&f, "JPN")) == ENT_SIDE_ATTACKER); /* likely */
	ent_scenario_free(s);
	/* 2025-01-01: both bound */
	s = run(&f, "USA", "PRK", "2025-01-01");
	r = find_row(s, S(&f, "RUS"), "russia_dprk_2024", S(&f, "PRK"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES && r->article->strength == ENT_STR_IMMEDIATE);
	r = find_row(s, S(&f, "CHN"), "china_dprk_1961", S(&f, "PRK"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES);
	ent_scenario_free(s);
	teardown(&f);
}

ENT_TEST(prk_attacks_kor_and_jpn)
{
	fixture f;
	ent_scenario *s;
	const ent_obliged *r;
	setup(&f, 1);
	s = run(&f, "PRK", "KOR", "2023-09-13");
	r = find_row(s, S(&f, "USA"), "us_rok_1953", S(&f, "KOR"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES &&
	          r->article->strength == ENT_STR_CONSTITUTIONAL_PROCESSES);
	ENT_CHECK(r && r->nconditions == 1 && strcmp(r->conditions[0].name, "location") == 0 &&
	          r->conditions[0].status == ENT_COND_MET);
	ent_scenario_free(s);
	s = run(&f, "PRK", "JPN", "2023-09-13");
	r = find_row(s, S(&f, "USA"), "us_japan_1960", S(&f, "JPN"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES);
	ENT_CHECK(r && r->conditions[0].status == ENT_COND_MET &&
	          strstr(r->conditions[0].detail, "japan_administered") != NULL);
	/* one way: Japan is not bound to defend the US under art. V */
	ENT_CHECK(find_row(s, S(&f, "JPN"), "us_japan_1960", S(&f, "USA")) == NULL);
	ent_scenario_free(s);
	teardown(&f);
}

ENT_TEST(rus_attacks_fin_before_and_after_accession)
{
	fixture f;
	ent_scenario *s;
	const ent_obliged *r;
	setup(&f, 1);
	s = run(&f, "RUS", "FIN", "2023-04-03");
	ENT_CHECK(find_row(s, S(&f, "USA"), "nato", S(&f, "FIN")) == NULL);
	r = find_row(s, S(&f, "SWE"), "eu_art42_7", S(&f, "FIN"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES); /* the EU clause already */
	ent_scenario_free(s);
	s = run(&f, "RUS", "FIN", "2023-04-04");
	r = find_row(s, S(&f, "USA"), "nato", S(&f, "FIN"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES &&
	          r->article->strength == ENT_STR_AS_DEEMED_NECESSARY);
	ENT_CHECK(member_side(s, S(&f, "USA")) == ENT_SIDE_TARGET);
	ent_scenario_free(s);
	teardown(&f);
}

/* Synthetic worlds: treaties among states with no built-in treaty. */
static const char *SYNTH =
	"[treaty]\nid = t_location\nname = L\nkind = treaty\nin_force = 2000-01-01\n"
	"source = test\n"
	"[party]\nstate = MNG\njoined = 2000-01-01\n"
	"[party]\nstate = NPL\njoined = 2000-01-01\n"
	"[article]\nid = 1\nobligation = defence\nprotectors = NPL\nprotected = MNG\n"
	"strength = immediate\ncondition = location: east_asia\ncredibility = high\n"
	"summary = s\nsource = test\n"
	"[treaty]\nid = t_adversary\nname = A\nkind = treaty\nin_force = 2000-01-01\n"
	"source = test\n"
	"[party]\nstate = MNG\njoined = 2000-01-01\n"
	"[party]\nstate = LAO\njoined = 2010-01-01\nleft = 2020-01-01\n"
	"[article]\nid = 2\nobligation = defence\nprotectors = all\nprotected = all\n"
	"strength = as_deemed_necessary\ncondition = adversary: BTN\n"
	"credibility = medium\nsummary = s\nsource = test\n"
	"[treaty]\nid = t_provoked\nname = P\nkind = treaty\nin_force = 2000-01-01\n"
	"source = test\n"
	"[party]\nstate = MNG\njoined = 2000-01-01\n"
	"[party]\nstate = FJI\njoined = 2000-01-01\n"
	"[article]\nid = 3\nobligation = defence\nprotectors = all\nprotected = all\n"
	"strength = consult_first\ncondition = unprovoked: yes\n"
	"condition = number_of_attackers: 1\ncredibility = low\nsummary = s\n"
	"source = test\n"
	"[suspension]\nprotector = FJI\nprotected = MNG\nfrom = 2030-01-01\n"
	/* a chain and a cycle: NPL is protected by BTN... wait no: by TON, and
	 * TON by NPL */
	"[treaty]\nid = t_chain\nname = C\nkind = treaty\nin_force = 2000-01-01\n"
	"source = test\n"
	"[party]\nstate = NPL\njoined = 2000-01-01\n"
	"[party]\nstate = TON\njoined = 2000-01-01\n"
	"[article]\nid = 4\nobligation = defence\nprotectors = all\nprotected = all\n"
	"strength = immediate\ncredibility = high\nsummary = s\nsource = test\n";

ENT_TEST(condition_logic_and_fixed_point)
{
	fixture f;
	ent_scenario_options o = ENT_SCENARIO_OPTIONS_INIT;
	ent_scenario *s;
	const ent_obliged *r;
	setup(&f, 0);
	ENT_CHECK_INT(ent_world_add_treaties_text(f.w, "synth.treaty", SYNTH, strlen(SYNTH)), 4);
	ENT_CHECK_INT(f.log.n, 0);
	o.attacker = S(&f, "BTN");
	o.target = S(&f, "MNG");
	o.date = D("2015-06-01");
	ENT_CHECK(ent_scenario_run(&s, f.w, NULL, &o) == 0);
	/* location met (MNG in east_asia): NPL bound yes */
	r = find_row(s, S(&f, "NPL"), "t_location", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES && r->conditions[0].status == ENT_COND_MET);
	/* one way: MNG does not protect NPL under t_location */
	ENT_CHECK(find_row(s, S(&f, "MNG"), "t_location", S(&f, "NPL")) == NULL);
	/* adversary named and LAO a party in 2015: yes */
	r = find_row(s, S(&f, "LAO"), "t_adversary", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_YES && r->conditions[0].status == ENT_COND_MET);
	/* unprovoked unknown -> conditional; one attacker meets the count */
	r = find_row(s, S(&f, "FJI"), "t_provoked", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_CONDITIONAL);
	ENT_CHECK(r && r->conditions[0].status == ENT_COND_UNKNOWN &&
	          r->conditions[1].status == ENT_COND_MET);
	/* the chain: NPL joined for sure, so TON (bound to NPL) joins too,
	 * conditionally (only if BTN strikes NPL); and the cycle TON->NPL ends */
	r = find_row(s, S(&f, "TON"), "t_chain", S(&f, "NPL"));
	ENT_CHECK(r && r->binding == ENT_BIND_CONDITIONAL && r->round == 1);
	ENT_CHECK(member_side(s, S(&f, "TON")) == ENT_SIDE_TARGET);
	ENT_CHECK(find_row(s, S(&f, "NPL"), "t_chain", S(&f, "TON")) == NULL);
	ent_scenario_free(s);

	/* another attacker: the adversary condition fails; LAO has left by 2021 */
	o.attacker = S(&f, "KAZ");
	ENT_CHECK(ent_scenario_run(&s, f.w, NULL, &o) == 0);
	r = find_row(s, S(&f, "LAO"), "t_adversary", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_NO && r->conditions[0].status == ENT_COND_UNMET);
	ent_scenario_free(s);
	o.date = D("2021-01-01");
	ENT_CHECK(ent_scenario_run(&s, f.w, NULL, &o) == 0);
	ENT_CHECK(find_row(s, S(&f, "LAO"), "t_adversary", S(&f, "MNG")) == NULL);
	ent_scenario_free(s);

	/* provoked: unmet; a location outside the region: unmet; suspension */
	o.provoked = 1;
	o.location_region = ent_world_region_lookup(f.w, "europe");
	ENT_CHECK(ent_scenario_run(&s, f.w, NULL, &o) == 0);
	r = find_row(s, S(&f, "FJI"), "t_provoked", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_NO && r->conditions[0].status == ENT_COND_UNMET);
	r = find_row(s, S(&f, "NPL"), "t_location", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_NO && r->conditions[0].status == ENT_COND_UNMET);
	ent_scenario_free(s);
	o.provoked = 0;
	o.location_region = -1;
	o.date = D("2031-01-01");
	ENT_CHECK(ent_scenario_run(&s, f.w, NULL, &o) == 0);
	r = find_row(s, S(&f, "FJI"), "t_provoked", S(&f, "MNG"));
	ENT_CHECK(r && r->binding == ENT_BIND_NO && r->why_not != NULL);
	ent_scenario_free(s);
	teardown(&f);
}

ENT_TEST(bad_treaty_files)
{
	fixture f;
	const char *bad =
		"id = orphan\n"
		"[treaty]\nid = Bad Id\nname = x\nkind = alliance\nsigned = 2020-02-30\n"
		"in_force = 2019-01-01\nsource = s\ncolour = red\n"
		"[party]\nstate = ZZZ\njoined = 2020-01-01\nleft = 2019-01-01\n"
		"[party]\nstate = USA\n"
		"[article]\nid = 1\nobligation = defense\nstrength = sometimes\n"
		"condition = weather: rainy\ncondition = location: atlantis\n"
		"credibility = maybe\nsummary = s\nsource = s\n"
		"[treaty]\nid = ended_early\nname = e\nkind = treaty\nin_force = 2020-01-01\n"
		"ended = 2019-01-01\nsource = s\n[party]\nstate = USA\njoined = 2020-01-01\n"
		"[mystery]\n";
	setup(&f, 0);
	ENT_CHECK_INT(ent_world_add_treaties_text(f.w, "bad.treaty", bad, strlen(bad)), 0);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:1: 'id' outside any section") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:3: treaty id 'Bad Id' must be lower-case") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:5: kind 'alliance' is not 'treaty' or 'commitment'") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:6: signed date '2020-02-30' is not YYYY-MM-DD") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:9: unknown key 'colour' in [treaty]") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:11: unknown state 'ZZZ'") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:13: a party leaves (left) before it joins") != NULL);
	ENT_CHECK(strstr(f.log.all, "[party] without a joined date") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:18: obligation 'defense' is not one of") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:19: strength 'sometimes' is not one of") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:20: condition 'weather' is not one of") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:21: unknown region 'atlantis'") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.treaty:22: credibility 'maybe' is not high") != NULL);
	ENT_CHECK(strstr(f.log.all, "ended is not after the treaty began") != NULL);
	ENT_CHECK(strstr(f.log.all, "unknown section '[mystery]'") != NULL);
	ENT_CHECK(strstr(f.log.all, "treaty 'ended_early' left out") != NULL);
	ENT_CHECK_INT(ent_world_treaty_count(f.w), 19); /* nothing half-read */
	teardown(&f);
}

/* ------------------------------------------------------------ UNSC */

ENT_TEST(unsc_sanctions_on_prk_2023_vetoed)
{
	fixture f;
	ent_unsc_result r;
	size_t i, perm = 0;
	int vetoed_rus = 0, vetoed_chn = 0;
	setup(&f, 1);
	ENT_CHECK(ent_unsc_predict(&r, f.w, f.t, S(&f, "PRK"), "sanctions",
	                           D("2023-06-01"), NULL, 0) == 0);
	ENT_CHECK_INT(r.nmembers, 15);
	for (i = 0; i < r.nmembers; i++)
		perm += r.members[i].permanent;
	ENT_CHECK_INT(perm, 5);
	ENT_CHECK(r.outcome == ENT_OUTCOME_VETOED);
	for (i = 0; i < r.nvetoes; i++) {
		vetoed_rus |= r.vetoes[i] == S(&f, "RUS");
		vetoed_chn |= r.vetoes[i] == S(&f, "CHN");
	}
	ENT_CHECK(vetoed_rus && vetoed_chn);
	for (i = 0; i < r.nmembers; i++)
		if (r.members[i].state == S(&f, "RUS"))
			ENT_CHECK(strstr(r.members[i].reason, "S/2022/431") != NULL);
	/* 2017: the council adopted every DPRK sanctions resolution unanimously */
	ENT_CHECK(ent_unsc_predict(&r, f.w, f.t, S(&f, "PRK"), "sanctions",
	                           D("2017-09-01"), NULL, 0) == 0);
	ENT_CHECK(r.outcome == ENT_OUTCOME_ADOPTED);
	/* membership by year */
	ENT_CHECK(ent_unsc_predict(&r, f.w, f.t, S(&f, "PRK"), NULL, D("1995-01-01"),
	                           NULL, 0) == ENT_ENOTFOUND);
	teardown(&f);
}

/* ------------------------------------------------------------ cascade */

ENT_TEST(nuclear_cascade)
{
	fixture f;
	ent_cascade_options o = ENT_CASCADE_OPTIONS_INIT;
	ent_cascade *c, *c2;
	size_t i;
	int kor = -1;
	setup(&f, 1);
	o.trigger = S(&f, "PRK");
	o.date = D("2023-09-13");
	o.runs = 500;
	ENT_CHECK(ent_cascade_run(&c, f.w, f.t, &o) == 0);
	ENT_CHECK(ent_cascade_run(&c2, f.w, f.t, &o) == 0);
	for (i = 0; i < c->nstates; i++) {
		ENT_CHECK(c->states[i].probability >= 0 && c->states[i].probability <= 1);
		ENT_CHECK(c->states[i].probability == c2->states[i].probability); /* seeded */
		if (c->states[i].state == S(&f, "KOR"))
			kor = (int)i;
	}
	ENT_CHECK(kor >= 0);
	if (kor >= 0) {
		/* South Korea feels North Korea's pressure; the US umbrella raises
		 * its threshold */
		ENT_CHECK(c->states[kor].pressure > 0.5);
		ENT_CHECK(c->states[kor].threshold > 0.45);
		ENT_CHECK(c->states[kor].ntop >= 1 && c->states[kor].top_from[0] == S(&f, "PRK"));
		ENT_CHECK(c->states[kor].probability > 0 && c->states[kor].probability < 1);
	}
	ent_cascade_free(c);
	ent_cascade_free(c2);
	/* a trigger outside the table */
	o.trigger = S(&f, "FJI");
	ENT_CHECK(ent_cascade_run(&c, f.w, f.t, &o) == ENT_ENOTFOUND);
	teardown(&f);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
