/*
 * test_net.c - the state universe (pinned rows), tie sources and the tie
 * formula (decay, periods, state actors, duplicates, overrides), the
 * analyses on small signed graphs with known answers (balanced and
 * unbalanced triangles, a complete balanced graph, isolates, a state
 * between camps, Read's Highland tribes), and the exact frustration solver
 * against brute force on random graphs of up to 20 nodes.
 */
#define ENT_HARNESS_IMPL
#include "harness.h"

#include "entente.h"
#include "net/net_internal.h"

#include <igraph.h>
#include <math.h>

typedef struct {
	int n;
	char last[512];
	char all[4096];
} diag_log;

static void on_diag(const ent_diag *d, void *p)
{
	diag_log *l = p;
	size_t k = strlen(l->all);
	l->n++;
	snprintf(l->last, sizeof l->last, "%s:%ld: %s", d->file ? d->file : "",
	         d->line, d->message);
	if (k < sizeof l->all - 1)
		snprintf(l->all + k, sizeof l->all - k, "%s\n", l->last);
}

static ent_date D(const char *s)
{
	ent_date d;
	ent_date_parse(&d, s, strlen(s));
	return d;
}

/* ---------------------------------------------------------------- states */

ENT_TEST(state_universe)
{
	ent_ctx *ctx;
	ent_states *st;
	int i;
	ent_ctx_new(&ctx);
	ENT_CHECK(ent_states_load(&st, ctx) == 0);
	ENT_CHECK_INT(ent_states_count(st), 197);
	/* every UN member has a UN date; the four others do not */
	{
		size_t k, un = 0;
		for (k = 0; k < ent_states_count(st); k++)
			un += ent_states_un_since(st, k) != ENT_DATE_NONE;
		ENT_CHECK_INT(un, 193);
	}
	i = ent_states_lookup(st, "PRK");
	ENT_CHECK(i >= 0);
	ENT_CHECK_STR(ent_states_name(st, (size_t)i), "North Korea");
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("2023-09-13")), 731);
	ENT_CHECK_INT(ent_states_gw(st, (size_t)i, D("2023-09-13")), 731);
	ENT_CHECK_STR(ent_states_group(st, (size_t)i), "APG");
	ENT_CHECK(ent_states_source(st, (size_t)i, ENT_DATE_NONE) != NULL);
	ENT_CHECK_INT(ent_states_lookup(st, "north korea"), i);
	ENT_CHECK_INT(ent_states_lookup(st, "prk"), i);
	/* pinned rows: codes that change with history */
	i = ent_states_lookup(st, "DEU");
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("1980-01-01")), 260);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("1990-10-02")), 260);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("1990-10-03")), 255);
	ENT_CHECK_INT(ent_states_gw(st, (size_t)i, D("2000-01-01")), 260);
	i = ent_states_lookup(st, "Serbia");
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("2010-01-01")), 345);
	ENT_CHECK_INT(ent_states_gw(st, (size_t)i, D("2000-01-01")), 345);
	ENT_CHECK_INT(ent_states_gw(st, (size_t)i, D("2010-01-01")), 340);
	i = ent_states_lookup(st, "YEM");
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("1985-01-01")), 678);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)i, D("1995-01-01")), 679);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)ent_states_lookup(st, "USA"), ENT_DATE_NONE), 2);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)ent_states_lookup(st, "RUS"), ENT_DATE_NONE), 365);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)ent_states_lookup(st, "KOR"), ENT_DATE_NONE), 732);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)ent_states_lookup(st, "TWN"), ENT_DATE_NONE), 713);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)ent_states_lookup(st, "XKX"), ENT_DATE_NONE), 347);
	ENT_CHECK_INT(ent_states_cow(st, (size_t)ent_states_lookup(st, "PSE"), ENT_DATE_NONE), -1);
	/* aliases and territories roll up */
	ENT_CHECK_INT(ent_states_lookup(st, "KSV"), ent_states_lookup(st, "XKX"));
	ENT_CHECK_INT(ent_states_lookup(st, "GUM"), ent_states_lookup(st, "USA"));
	ENT_CHECK_INT(ent_states_lookup(st, "HKG"), ent_states_lookup(st, "CHN"));
	ENT_CHECK_INT(ent_states_lookup(st, "GRL"), ent_states_lookup(st, "DNK"));
	ENT_CHECK_INT(ent_states_lookup(st, "the United States"), ent_states_lookup(st, "USA"));
	ENT_CHECK_INT(ent_states_lookup(st, "Atlantis"), -1);
	{
		int sug[3];
		size_t k = ent_states_suggest(st, "Nroth Korea", sug, 3);
		ENT_CHECK(k >= 1);
		if (k)
			ENT_CHECK_STR(ent_states_iso3(st, (size_t)sug[0]), "PRK");
	}
	ent_states_free(st);
	ent_states_free(NULL);
	ent_ctx_free(ctx);
}

/* ---------------------------------------------------------------- ties */

static ent_ties *mk_ties(ent_ctx *ctx, ent_states *st, const char *text,
                         int no_baseline)
{
	ent_ties *t;
	ent_tie_options o = ENT_TIE_OPTIONS_INIT;
	o.no_baseline = no_baseline;
	ent_ties_new(&t, ctx, st, &o);
	if (text)
		ent_ties_add_text(t, "t.ties", text, strlen(text), ENT_TIES_USER);
	return t;
}

ENT_TEST(tie_file_errors)
{
	ent_ctx *ctx;
	ent_states *st;
	ent_ties *t;
	diag_log log;
	const char *text =
		"# comment\n"
		"USA | XYZ | +0.5 | 2000-01-01 | | unknown | s\n"
		"USA | USA | +0.5\n"
		"USA | JPN | 1.5\n"
		"USA | JPN | lots\n"
		"USA | JPN | +0.5 | 2020-13-01\n"
		"USA | JPN | +0.5 | 2020-01-01 | 2019-01-01\n"
		"USA | JPN\n"
		"USA | JPN | +0.9 | 2000-01-01 | | ok | s\n"
		"JPN | USA | +0.8 | 2010-01-01 | | overlaps | s\n"
		"Japan | China | - | | | names work | s\n"
		"a|b|c|d|e|f|g|h\n";
	memset(&log, 0, sizeof log);
	ent_ctx_new(&ctx);
	ent_ctx_set_diag(ctx, on_diag, &log);
	ent_states_load(&st, ctx);
	t = mk_ties(ctx, st, NULL, 0);
	ENT_CHECK_INT(ent_ties_add_text(t, "t.ties", text, strlen(text), ENT_TIES_USER), 2);
	ENT_CHECK_INT(log.n, 9);
	ENT_CHECK(strstr(log.all, "t.ties:2: unknown state 'XYZ'") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:3: a tie from 'USA' to itself") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:4: weight '1.5' is not a number in [-1, 1]") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:5: weight 'lots'") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:6: from date '2020-13-01' is not YYYY-MM-DD") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:7: until (2019-01-01) is not after from") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:8: expected 'a | b | weight") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:10: tie JPN-USA overlaps the one at line 9") != NULL);
	ENT_CHECK(strstr(log.all, "t.ties:12: too many fields") != NULL);
	ENT_CHECK_INT(ent_ties_source(t, 0)->skipped, 9);
	ent_ties_free(t);
	ent_states_free(st);
	ent_ctx_free(ctx);
}

ENT_TEST(tie_periods_and_overrides)
{
	ent_ctx *ctx;
	ent_states *st;
	ent_ties *t;
	ent_tie_value v;
	int usa, jpn, chn, rus;
	ent_ctx_new(&ctx);
	ent_states_load(&st, ctx);
	usa = ent_states_lookup(st, "USA");
	jpn = ent_states_lookup(st, "JPN");
	chn = ent_states_lookup(st, "CHN");
	rus = ent_states_lookup(st, "RUS");
	t = mk_ties(ctx, st, NULL, 0);
	ENT_CHECK(ent_ties_add_baseline(t) > 300);
	/* the baseline: CHN-RUS +0.8 from 2022-02-04, +0.7 before */
	ent_ties_value(t, (size_t)chn, (size_t)rus, D("2022-02-04"), &v);
	ENT_CHECK(fabs(v.value - 0.8) < 1e-9 && v.has_prior && !v.has_events);
	ent_ties_value(t, (size_t)rus, (size_t)chn, D("2022-02-03"), &v);
	ENT_CHECK(fabs(v.value - 0.7) < 1e-9);
	/* a line before its start date adds nothing */
	{
		const char *u = "USA | JPN | -0.3 | 2030-01-01 | | future | test\n";
		ent_ties_add_text(t, "u.ties", u, strlen(u), ENT_TIES_USER);
		ent_ties_value(t, (size_t)usa, (size_t)jpn, D("2029-12-31"), &v);
		ENT_CHECK(fabs(v.value - 0.9) < 1e-9); /* the baseline */
		ent_ties_value(t, (size_t)usa, (size_t)jpn, D("2030-01-01"), &v);
		ENT_CHECK(fabs(v.value + 0.3) < 1e-9); /* the user's line overrides */
	}
	ent_ties_free(t);
	/* --no-baseline: only the user's lines */
	t = mk_ties(ctx, st, "USA | JPN | +0.4\n", 1);
	ent_ties_add_baseline(t);
	ent_ties_value(t, (size_t)usa, (size_t)jpn, D("2024-01-01"), &v);
	ENT_CHECK(fabs(v.value - 0.4) < 1e-9);
	ent_ties_value(t, (size_t)chn, (size_t)rus, D("2024-01-01"), &v);
	ENT_CHECK(v.value == 0 && !v.has_prior);
	ent_ties_free(t);
	ent_states_free(st);
	ent_ctx_free(ctx);
}

static void ev(ent_ties *t, const char *id, const char *date, const char *s,
               const char *tg, const char *sc, const char *tc, const char *code,
               double g, int neg, int hyp)
{
	ent_event_in e;
	memset(&e, 0, sizeof e);
	e.id = id;
	e.date = D(date);
	e.source = s;
	e.target = tg;
	e.source_country = sc;
	e.target_country = tc;
	e.code = code;
	e.goldstein = g;
	e.negated = neg;
	e.hypothetical = hyp;
	e.sentence = -1;
	ent_ties_add_event(t, &e, "ev.jsonl", 1);
}

ENT_TEST(events_decay_dedupe_and_state_actors)
{
	ent_ctx *ctx;
	ent_states *st;
	ent_ties *t;
	ent_tie_value v;
	int sau, yem, prk, rus;
	ent_ctx_new(&ctx);
	ent_states_load(&st, ctx);
	sau = ent_states_lookup(st, "SAU");
	yem = ent_states_lookup(st, "YEM");
	prk = ent_states_lookup(st, "PRK");
	rus = ent_states_lookup(st, "RUS");
	t = mk_ties(ctx, st, NULL, 1);
	/* one summit reported three times, the day after too: counts once */
	ev(t, "a", "2023-09-13", "PRKGOV", "RUSGOV", "PRK", "RUS", "040", 1.0, 0, 0);
	ev(t, "b", "2023-09-13", "RUSGOV", "PRKGOV", "RUS", "PRK", "040", 1.0, 0, 0);
	ev(t, "c", "2023-09-14", "PRKGOV", "RUSGOV", "PRK", "RUS", "040", 1.0, 0, 0);
	/* negated and hypothetical: set aside */
	ev(t, "d", "2023-09-13", "PRKGOV", "RUSGOV", "PRK", "RUS", "057", 8.0, 1, 0);
	ev(t, "e", "2023-09-13", "PRKGOV", "RUSGOV", "PRK", "RUS", "057", 8.0, 0, 1);
	ent_ties_value(t, (size_t)prk, (size_t)rus, D("2023-09-13"), &v);
	ENT_CHECK(fabs(v.events_raw - 1.0) < 1e-9);
	ENT_CHECK(fabs(v.value - tanh(0.1)) < 1e-9);
	/* decay: one half-life later, half the weight */
	ent_ties_value(t, (size_t)prk, (size_t)rus, D("2023-09-13") + 180, &v);
	ENT_CHECK(fabs(v.events_raw - 0.5) < 1e-9);
	/* before the event: nothing */
	ent_ties_value(t, (size_t)prk, (size_t)rus, D("2023-09-12"), &v);
	ENT_CHECK(v.value == 0 && !v.has_events);
	/* a rebel attack leaves the state tie untouched */
	ev(t, "f", "2024-01-01", "YEMREB", "SAUGOV", "YEM", "SAU", "190", -10, 0, 0);
	ev(t, "g", "2024-01-01", "YEMINS", "SAU", "YEM", "SAU", "183", -10, 0, 0);
	ent_ties_value(t, (size_t)yem, (size_t)sau, D("2024-01-02"), &v);
	ENT_CHECK(v.value == 0 && !v.has_events);
	/* the government's attack does count */
	ev(t, "h", "2024-01-01", "YEMMIL", "SAUMIL", "YEM", "SAU", "190", -10, 0, 0);
	ent_ties_value(t, (size_t)yem, (size_t)sau, D("2024-01-01"), &v);
	ENT_CHECK(fabs(v.value - tanh(-1.0)) < 1e-9);
	ENT_CHECK_INT(ent_ties_latest_event(t), D("2024-01-01"));
	{
		const ent_tie_source *s = ent_ties_source(t, 0);
		ENT_CHECK_INT(s->events, 4);
		ENT_CHECK_INT(s->set_aside, 4);
	}
	ent_ties_free(t);
	ent_states_free(st);
	ent_ctx_free(ctx);
}

ENT_TEST(event_file_errors)
{
	ent_ctx *ctx;
	ent_states *st;
	ent_ties *t;
	diag_log log;
	const char *text =
		"{\"id\":\"1\",\"date\":\"2023-09-13\",\"source_country\":\"PRK\","
		"\"target_country\":\"RUS\",\"source\":\"PRKGOV\",\"target\":\"RUSGOV\","
		"\"code\":\"040\",\"goldstein\":1}\n"
		"{\"id\":\"1\",\"date\":\"2023-09-13\",\"source_country\":\"PRK\","
		"\"target_country\":\"RUS\",\"code\":\"040\",\"goldstein\":1}\n"
		"{\"id\":\"2\",\"date\":\"2023-09-31\",\"code\":\"040\"}\n"
		"{\"id\":\"3\",\"date\":\"2023-09-13\",\"source_country\":\"ZZZ\","
		"\"target_country\":\"RUS\",\"code\":\"040\",\"goldstein\":1}\n"
		"{\"id\":\"4\",\"date\":\"2023-09-13\",\"source_country\":\"PRK\","
		"\"target_country\":\"RUS\",\"code\":\"040\",\"goldstein\":\"high\"}\n"
		"{\"id\":\"5\",\"date\":\"2023-09-13\",\"source_country\":\"PRK\","
		"\"target_country\":\"RUS\",\"code\":\"040\",\"goldstein\":42}\n"
		"{\"id\":\"6\",\"date\":\"2023-09-13\",\"source_country\":\"PRK\"}\n"
		"{broken\n"
		"{\"id\":\"7\",\"date\":\"2023-09-13\",\"source_country\":\"RUS\","
		"\"target_country\":\"RUS\",\"code\":\"173\",\"goldstein\":-5}\n";
	memset(&log, 0, sizeof log);
	ent_ctx_new(&ctx);
	ent_ctx_set_diag(ctx, on_diag, &log);
	ent_states_load(&st, ctx);
	t = mk_ties(ctx, st, NULL, 1);
	ent_ties_add_events_text(t, "ev.jsonl", text, strlen(text));
	ENT_CHECK(strstr(log.all, "ev.jsonl:2: duplicate event id '1' (first at ev.jsonl:1)") != NULL);
	ENT_CHECK(strstr(log.all, "ev.jsonl:3: \"date\" must be a YYYY-MM-DD string") != NULL);
	ENT_CHECK(strstr(log.all, "ev.jsonl:4: unknown state 'ZZZ'") != NULL);
	ENT_CHECK(strstr(log.all, "ev.jsonl:5: \"goldstein\" must be a number or null") != NULL);
	ENT_CHECK(strstr(log.all, "ev.jsonl:6: \"goldstein\" 42 is outside [-10, 10]") != NULL);
	ENT_CHECK(strstr(log.all, "ev.jsonl:7: missing \"code\"") != NULL);
	ENT_CHECK(strstr(log.all, "ev.jsonl:8: column 2: expected a key") != NULL);
	ENT_CHECK_INT(log.n, 7);
	ENT_CHECK_INT(ent_ties_source(t, 0)->events, 1);
	ENT_CHECK_INT(ent_ties_source(t, 0)->set_aside, 1); /* domestic RUS-RUS */
	ent_ties_free(t);
	ent_states_free(st);
	ent_ctx_free(ctx);
}

/* ---------------------------------------------------------------- graphs */

static ent_net *graph(ent_ctx *ctx, size_t n, const char *spec)
{
	/* spec: "0-1+ 1-2- ..." */
	uint32_t a[256], b[256];
	double w[256];
	size_t m = 0;
	const char *p = spec;
	ent_net *g = NULL;
	while (*p) {
		unsigned x, y;
		char sgn;
		int k;
		if (sscanf(p, "%u-%u%c%n", &x, &y, &sgn, &k) != 3)
			break;
		a[m] = x;
		b[m] = y;
		w[m] = sgn == '+' ? 1 : -1;
		m++;
		p += k;
		while (*p == ' ')
			p++;
	}
	ent_net_from_edges(&g, ctx, n, m, a, b, w);
	return g;
}

static ent_frustration *frus(ent_net *g, int heuristic)
{
	ent_frustration_options o = ENT_FRUSTRATION_OPTIONS_INIT;
	ent_frustration *f = NULL;
	o.heuristic_only = heuristic;
	o.time_limit = 10;
	ent_net_frustration(&f, g, &o);
	return f;
}

ENT_TEST(triangles_small)
{
	ent_ctx *ctx;
	ent_net *g;
	ent_balance b;
	ent_frustration *f;
	ent_ctx_new(&ctx);
	/* balanced: +++ */
	g = graph(ctx, 3, "0-1+ 1-2+ 0-2+");
	ent_net_balance(g, &b);
	ENT_CHECK(b.ppp == 1 && b.ppn == 0 && b.ratio == 1 && fabs(b.walk - 1) < 1e-9);
	f = frus(g, 0);
	ENT_CHECK(f->value == 0 && f->exact);
	ent_frustration_free(f);
	ent_net_free(g);
	/* balanced: +-- (the enemy of my enemy) */
	g = graph(ctx, 3, "0-1+ 1-2- 0-2-");
	ent_net_balance(g, &b);
	ENT_CHECK(b.pnn == 1 && b.ratio == 1);
	f = frus(g, 0);
	ENT_CHECK(f->value == 0 && f->side[0] == f->side[1] && f->side[2] != f->side[0]);
	ent_frustration_free(f);
	ent_net_free(g);
	/* unbalanced: ++- and --- */
	g = graph(ctx, 3, "0-1+ 1-2+ 0-2-");
	ent_net_balance(g, &b);
	ENT_CHECK(b.ppn == 1 && b.ratio == 0 && b.walk < 1);
	f = frus(g, 0);
	ENT_CHECK(f->value == 1 && f->exact && f->nfrustrated == 1);
	ent_frustration_free(f);
	ent_net_free(g);
	g = graph(ctx, 3, "0-1- 1-2- 0-2-");
	ent_net_balance(g, &b);
	ENT_CHECK(b.nnn == 1 && b.ratio == 0);
	f = frus(g, 0);
	ENT_CHECK(f->value == 1 && f->exact);
	ent_frustration_free(f);
	ent_net_free(g);
	/* isolates (nodes 4, 5 without ties) change nothing */
	g = graph(ctx, 6, "0-1+ 1-2+ 0-2- 2-3-");
	ent_net_balance(g, &b);
	ENT_CHECK(b.ppn == 1 && b.ppp + b.pnn + b.nnn == 0);
	f = frus(g, 0);
	ENT_CHECK(f->value == 1 && f->exact);
	ent_frustration_free(f);
	ent_net_free(g);
	ent_ctx_free(ctx);
}

ENT_TEST(complete_balanced_graph)
{
	ent_ctx *ctx;
	ent_net *g;
	ent_balance b;
	ent_frustration *f;
	uint32_t a[66], c[66];
	double w[66];
	size_t i, j, m = 0;
	ent_ctx_new(&ctx);
	/* K12 split 5 / 7: friends inside, enemies between */
	for (i = 0; i < 12; i++)
		for (j = i + 1; j < 12; j++) {
			a[m] = (uint32_t)i;
			c[m] = (uint32_t)j;
			w[m] = ((i < 5) == (j < 5)) ? 1 : -1;
			m++;
		}
	ent_net_from_edges(&g, ctx, 12, m, a, c, w);
	ent_net_balance(g, &b);
	ENT_CHECK_INT(b.ppp + b.ppn + b.pnn + b.nnn, 220);
	ENT_CHECK(b.ratio == 1 && b.ppn == 0 && b.nnn == 0);
	ENT_CHECK(fabs(b.walk - 1) < 1e-6);
	f = frus(g, 0);
	ENT_CHECK(f->value == 0 && f->exact);
	for (i = 1; i < 12; i++)
		ENT_CHECK((f->side[i] == f->side[0]) == (i < 5));
	ent_frustration_free(f);
	{
		ent_blocs *B;
		ent_net_blocs(&B, g, NULL);
		ENT_CHECK_INT(B->k, 2);
		ENT_CHECK(B->criterion == 0);
		ENT_CHECK_INT(B->nbetween, 0);
		ENT_CHECK(fabs(B->cohesion[0] - 1) < 1e-9 && fabs(B->density[0] - 1) < 1e-9);
		ent_blocs_free(B);
	}
	ent_net_free(g);
	ent_ctx_free(ctx);
}

/* Brute force: the minimum over all 2^(n-1) splits. */
static long brute(const ent_net *g)
{
	size_t n = ent_net_node_count(g), m = ent_net_edge_count(g), e;
	unsigned long mask, best = (unsigned long)-1;
	for (mask = 0; mask < (1ul << (n - 1)); mask++) {
		unsigned long cnt = 0;
		for (e = 0; e < m; e++) {
			size_t x, y;
			double w;
			int same;
			ent_net_edge(g, e, &x, &y, &w);
			same = ((mask >> x) & 1) == ((mask >> y) & 1);
			cnt += w > 0 ? !same : same;
		}
		if (cnt < best)
			best = cnt;
	}
	return (long)best;
}

ENT_TEST(exact_matches_brute_force)
{
	ent_ctx *ctx;
	uint64_t s = 12345;
	int trial;
	ent_ctx_new(&ctx);
	for (trial = 0; trial < 40; trial++) {
		size_t n = 6 + (size_t)(trial % 15), m = 0, i, j;
		uint32_t a[200], b[200];
		double w[200];
		double p = 0.25 + 0.05 * (trial % 10);
		ent_net *g;
		ent_frustration *fe, *fh;
		long want;
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n && m < 200; j++) {
				s ^= s << 13;
				s ^= s >> 7;
				s ^= s << 17;
				if ((double)(s % 1000) / 1000.0 < p) {
					a[m] = (uint32_t)i;
					b[m] = (uint32_t)j;
					w[m] = (s >> 20) & 1 ? 1 : -1;
					m++;
				}
			}
		ent_net_from_edges(&g, ctx, n, m, a, b, w);
		if (ent_net_node_count(g) > 20) {
			ent_net_free(g);
			continue;
		}
		want = brute(g);
		fe = frus(g, 0);
		fh = frus(g, 1);
		ENT_CHECK(fe && fh);
		if (fe && fh) {
			ENT_CHECK_INT(fe->value, want);
			ENT_CHECK(fe->exact);
			ENT_CHECK_INT(fe->lower_bound, want);
			ENT_CHECK(fh->value >= want); /* the heuristic is never below */
			ENT_CHECK(fh->lower_bound <= want);
		}
		ent_frustration_free(fe);
		ent_frustration_free(fh);
		ent_net_free(g);
	}
	ent_ctx_free(ctx);
}

ENT_TEST(highland_tribes)
{
	/* Read (1954), via UCINET/KONECT: 16 tribes, 58 ties, 29 + and 29 -,
	 * frustration index 7 (tests/net/gahuku_gama.ties cites the sources). */
	ent_ctx *ctx;
	ent_ties *t;
	ent_net *g;
	ent_frustration *f;
	ent_balance b;
	ent_tie_options o = ENT_TIE_OPTIONS_INIT;
	ent_ctx_new(&ctx);
	ent_ties_new(&t, ctx, NULL, &o);
	ENT_CHECK_INT(ent_ties_add_file(t, ENT_SOURCE_DIR "/tests/net/gahuku_gama.ties",
	                                ENT_TIES_USER), 58);
	ENT_CHECK(ent_net_from_ties(&g, t, D("2000-01-01")) == 0);
	ENT_CHECK_INT(ent_net_node_count(g), 16);
	ENT_CHECK_INT(ent_net_edge_count(g), 58);
	ent_net_balance(g, &b);
	ENT_CHECK_INT(b.ppp + b.ppn + b.pnn + b.nnn, 68);
	f = frus(g, 0);
	ENT_CHECK_INT(f->value, 7);
	ENT_CHECK(f->exact);
	ENT_CHECK_INT(brute(g), 7);
	ent_frustration_free(f);
	{
		ent_blocs *B;
		ent_blocs_options bo = ENT_BLOCS_OPTIONS_INIT;
		bo.k = 3;
		ent_net_blocs(&B, g, &bo);
		ENT_CHECK_INT(B->k, 3);
		/* the three alliance groups of Hage & Harary (1983): GAVEV, KOTUN,
		 * NAGAD, GAMA together */
		ENT_CHECK(B->bloc[ent_net_node_of(g, ent_ties_node_lookup(t, "GAVEV"))] ==
		          B->bloc[ent_net_node_of(g, ent_ties_node_lookup(t, "GAMA"))]);
		ENT_CHECK(B->bloc[ent_net_node_of(g, ent_ties_node_lookup(t, "KOTUN"))] ==
		          B->bloc[ent_net_node_of(g, ent_ties_node_lookup(t, "NAGAD"))]);
		ent_blocs_free(B);
	}
	ent_net_free(g);
	ent_ties_free(t);
	ent_ctx_free(ctx);
}

ENT_TEST(a_state_between_camps)
{
	/* camps {0,1,2} and {3,4,5}, hostile across; 6 is a friend of 0 and of
	 * 3 (China between the US-led and the Russia-led camps, in miniature);
	 * 7 is a friend of 0 only */
	ent_ctx *ctx;
	ent_net *g;
	ent_blocs *B;
	ent_ctx_new(&ctx);
	g = graph(ctx, 8, "0-1+ 0-2+ 1-2+ 3-4+ 3-5+ 4-5+ 0-3- 1-4- 2-5- 0-4- "
	                  "6-0+ 6-3+ 7-0+");
	ENT_CHECK(ent_net_blocs(&B, g, NULL) == 0);
	ENT_CHECK_INT(B->k, 2);
	ENT_CHECK_INT(B->nbetween, 1);
	if (B->nbetween)
		ENT_CHECK_INT(B->between[0], 6);
	ENT_CHECK_INT(B->bloc[6], -1);
	ENT_CHECK(B->bloc[7] == B->bloc[0]);
	ENT_CHECK(B->bloc[0] != B->bloc[3] && B->bloc[0] >= 0 && B->bloc[3] >= 0);
	ent_blocs_free(B);
	ent_net_free(g);
	ent_ctx_free(ctx);
}

ENT_TEST(friend_of_my_enemy)
{
	ent_ctx *ctx;
	ent_net *g;
	ent_prediction p;
	ent_prediction *all;
	size_t n;
	ent_ctx_new(&ctx);
	/* 0 RUS, 1 PRK, 2 USA, 3 JPN: RUS+PRK, PRK-USA, USA+JPN, PRK-JPN */
	g = graph(ctx, 4, "0-1+ 1-2- 2-3+ 1-3-");
	ENT_CHECK(ent_net_predict(&p, g, 0, 2) == 0);
	ENT_CHECK_INT(p.sign, -1);
	ENT_CHECK_INT(p.nreasons, 1);
	ENT_CHECK_INT(p.reasons[0].via, 1);
	ENT_CHECK(p.confidence == 1);
	ent_prediction_clear(&p);
	ENT_CHECK(ent_net_predict_missing(&all, &n, g, 1, 10) == 0);
	ENT_CHECK_INT(n, 2); /* RUS-USA and RUS-JPN */
	ENT_CHECK(all[0].sign == -1 && all[1].sign == -1);
	ent_predictions_free(all, n);
	ent_net_free(g);
	ent_ctx_free(ctx);
}

/* Our triangle listing agrees with igraph's on a random graph. */
static void count_cb(uint32_t a, uint32_t b, uint32_t c, void *p)
{
	(void)a;
	(void)b;
	(void)c;
	(*(long *)p)++;
}

ENT_TEST(triangles_agree_with_igraph)
{
	ent_ctx *ctx;
	ent_net *g;
	igraph_t ig;
	igraph_vector_int_t edges, tri;
	uint32_t a[3000], b[3000];
	double w[3000];
	uint64_t s = 777;
	size_t i, m = 3000;
	long ours = 0;
	ent_ctx_new(&ctx);
	ent_net_igraph_init();
	for (i = 0; i < m; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		a[i] = (uint32_t)(s % 300);
		b[i] = (uint32_t)((s >> 20) % 300);
		w[i] = (s >> 40) & 1 ? 1 : -1;
	}
	ent_net_from_edges(&g, ctx, 300, m, a, b, w);
	ent_net_triangles(g, count_cb, &ours);
	igraph_vector_int_init(&edges, 0);
	for (i = 0; i < ent_net_edge_count(g); i++) {
		size_t x, y;
		double ww;
		ent_net_edge(g, i, &x, &y, &ww);
		igraph_vector_int_push_back(&edges, (igraph_integer_t)x);
		igraph_vector_int_push_back(&edges, (igraph_integer_t)y);
	}
	igraph_create(&ig, &edges, 300, IGRAPH_UNDIRECTED);
	igraph_vector_int_init(&tri, 0);
	igraph_list_triangles(&ig, &tri);
	ENT_CHECK_INT(ours, igraph_vector_int_size(&tri) / 3);
	ENT_CHECK(ours > 10);
	igraph_vector_int_destroy(&tri);
	igraph_vector_int_destroy(&edges);
	igraph_destroy(&ig);
	ent_net_free(g);
	ent_ctx_free(ctx);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
