/*
 * bench_store.c - query latency on a large store: builds a store of N
 * synthetic events (default 10 million) over ten years between 200
 * states (dyads drawn with a skew, so some dyads are large, as in news),
 * one document per ten events, through the schema ent_store_open creates
 * (bulk rows, indexes built after the load); then times, in process, one
 * large dyad's monthly aggregates over the ten years and its latest 1,000
 * events (best of 20 each), and prints the file size.  The file is
 * removed at the end.
 *
 * usage: bench_store [-n EVENTS] [-o FILE]
 */
#include "entente.h"
#include "util/date.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int count_cb(void *p, const ent_event *e, const char *id, const char *doc,
                    const char *text, const char *hap)
{
	(void)e; (void)id; (void)doc; (void)text; (void)hap;
	++*(long *)p;
	return 0;
}

static int month_cb(void *p, const ent_store_dyad *d)
{
	(void)d;
	++*(long *)p;
	return 0;
}

/* Best time of `reps` runs of one dyad's monthly aggregates. */
static double months_ms(ent_store *s, ent_date since, ent_date until, int reps)
{
	double best = 1e9;
	int r;
	for (r = 0; r < reps; r++) {
		long rows = 0;
		double t0 = now(), t;
		ent_store_dyad_months(s, "RUS", "UKR", since, until, month_cb, &rows);
		t = now() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

int main(int argc, char **argv)
{
	long n = 10000000, i;
	const char *path = "/tmp/ent_bench_store.db";
	ent_ctx *ctx = NULL;
	ent_store *s = NULL;
	sqlite3 *db = NULL;
	sqlite3_stmt *doc = NULL, *ev = NULL;
	char states[200][4];
	double t0, t;
	int k;
	struct stat sb;
	for (k = 1; k + 1 < argc; k += 2) {
		if (!strcmp(argv[k], "-n"))
			n = atol(argv[k + 1]);
		else if (!strcmp(argv[k], "-o"))
			path = argv[k + 1];
	}
	for (k = 0; k < 200; k++)
		snprintf(states[k], sizeof states[k], "%c%c%c", 'A' + k / 26 % 26,
		         'A' + k % 26, 'X');
	memcpy(states[0], "RUS", 4);
	memcpy(states[1], "UKR", 4);
	unlink(path);
	if (ent_ctx_new(&ctx) < 0 || ent_store_open(&s, ctx, path, 0) < 0) {
		fprintf(stderr, "%s\n", ent_errmsg(ctx));
		return 1;
	}
	ent_store_free(s);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	             "DROP INDEX events_doc; DROP INDEX events_dyad_date;"
	             "DROP INDEX events_src_date; DROP INDEX events_tgt_date;"
	             "DROP INDEX events_root_date; DROP INDEX events_happening;"
	             /* loaded as a version 1 file, then migrated (below) */
	             "DROP TRIGGER months_add; DROP TRIGGER months_drop;"
	             "DROP TABLE months; PRAGMA user_version = 1;"
	             "BEGIN", NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO documents(id,hash,date,bytes,ingested_at,"
	                   "text) VALUES(?1,'x',?2,40,'2026-11-27',"
	                   "'A synthetic document of the benchmark.')", -1, &doc, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO events(id,doc,sentence,sentence_start,"
	                   "sentence_end,date,source,target,source_country,"
	                   "target_country,code,root,quad,goldstein,negated,"
	                   "hypothetical,src_side,tgt_side,dyad,happening) VALUES("
	                   "?1,?2,0,0,40,?3,?4,?5,?4,?5,?6,?7,?8,?9,0,0,?4,?5,?10,?1)",
	                   -1, &ev, NULL);
	t0 = now();
	for (i = 0; i < n; i++) {
		char id[32], did[32], date[16], dyad[16], code[4];
		int a, b, day = (int)(i * 3652 / n), y, m, d;
		/* skewed pairs: a quarter of events between the first states */
		a = (next() % 4 == 0) ? (int)(next() % 4) : (int)(next() % 200);
		b = (int)(next() % 200);
		if (a == b)
			b = (b + 1) % 200;
		if (next() % 10 == 0) {
			a = 0;
			b = 1;
		}
		ent_date_to_ymd(ent_date_from_ymd(2015, 1, 1) + day, &y, &m, &d);
		snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
		snprintf(did, sizeof did, "d%ld", i / 10);
		snprintf(id, sizeof id, "d%ld:0:%ld", i / 10, i % 10);
		snprintf(dyad, sizeof dyad, "%s-%s", strcmp(states[a], states[b]) < 0 ? states[a] : states[b],
		         strcmp(states[a], states[b]) < 0 ? states[b] : states[a]);
		snprintf(code, sizeof code, "%02d%d", (int)(next() % 20) + 1, 0);
		if (i % 10 == 0) {
			sqlite3_reset(doc);
			sqlite3_bind_text(doc, 1, did, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(doc, 2, date, -1, SQLITE_TRANSIENT);
			sqlite3_step(doc);
		}
		sqlite3_reset(ev);
		sqlite3_bind_text(ev, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ev, 2, did, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ev, 3, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ev, 4, states[a], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ev, 5, states[b], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ev, 6, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ev, 7, code, 2, SQLITE_TRANSIENT);
		sqlite3_bind_int(ev, 8, (int)(next() % 4) + 1);
		sqlite3_bind_double(ev, 9, (double)(next() % 200) / 10.0 - 10.0);
		sqlite3_bind_text(ev, 10, dyad, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ev) != SQLITE_DONE) {
			fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
			return 1;
		}
		if (i % 1000000 == 999999)
			sqlite3_exec(db, "COMMIT; BEGIN", NULL, NULL, NULL);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	t = now() - t0;
	printf("load: %ld events in %.1f s\n", n, t);
	t0 = now();
	sqlite3_exec(db, "CREATE INDEX events_doc ON events(doc);"
	             "CREATE INDEX events_dyad_date ON events(dyad, date);"
	             "CREATE INDEX events_src_date ON events(src_side, date);"
	             "CREATE INDEX events_tgt_date ON events(tgt_side, date);"
	             "CREATE INDEX events_root_date ON events(root, date);"
	             "CREATE INDEX events_happening ON events(src_side, tgt_side, code, date);"
	             "ANALYZE", NULL, NULL, NULL);
	printf("indexes: %.1f s\n", now() - t0);
	sqlite3_finalize(doc);
	sqlite3_finalize(ev);
	sqlite3_close(db);
	if (stat(path, &sb) == 0)
		printf("file: %.2f GB\n", sb.st_size / 1e9);
	/* version 1: the months come from the events */
	if (ent_store_open(&s, ctx, path, 1) < 0) {
		fprintf(stderr, "%s\n", ent_errmsg(ctx));
		return 1;
	}
	printf("one dyad (RUS-UKR), monthly aggregates over ten years, from the "
	       "events (store version 1): %.2f ms (best of 3)\n",
	       months_ms(s, ENT_DATE_NONE, ENT_DATE_NONE, 3) * 1e3);
	ent_store_free(s);
	t0 = now();
	if (ent_store_open(&s, ctx, path, 0) < 0) {
		fprintf(stderr, "%s\n", ent_errmsg(ctx));
		return 1;
	}
	ent_store_free(s);
	printf("migration to version 2 (monthly totals): %.1f s\n", now() - t0);
	if (ent_store_open(&s, ctx, path, 1) < 0) {
		fprintf(stderr, "%s\n", ent_errmsg(ctx));
		return 1;
	}
	{
		double best;
		long rows = 0;
		int r;
		ent_store_dyad_months(s, "RUS", "UKR", ENT_DATE_NONE, ENT_DATE_NONE,
		                      month_cb, &rows);
		printf("one dyad (RUS-UKR), monthly aggregates over ten years: %ld months "
		       "in %.2f ms (best of 20)\n", rows, months_ms(s, ENT_DATE_NONE, ENT_DATE_NONE, 20) * 1e3);
		printf("the same from 2016-03-15 to 2024-08-20 (two partial months read "
		       "from the events): %.2f ms (best of 20)\n",
		       months_ms(s, ent_date_from_ymd(2016, 3, 15),
		                 ent_date_from_ymd(2024, 8, 20), 20) * 1e3);
		best = 1e9;
		for (r = 0; r < 20; r++) {
			ent_store_filter f;
			memset(&f, 0, sizeof f);
			f.since = f.until = ENT_DATE_NONE;
			f.dyad_a = "RUS";
			f.dyad_b = "UKR";
			f.newest_first = 1;
			f.limit = 1000;
			rows = 0;
			t0 = now();
			ent_store_events(s, &f, count_cb, &rows);
			t = now() - t0;
			if (t < best)
				best = t;
		}
		printf("one dyad (RUS-UKR), its latest 1,000 events: %ld in %.2f ms "
		       "(best of 20)\n", rows, best * 1e3);
	}
	ent_store_free(s);
	ent_ctx_free(ctx);
	unlink(path);
	return 0;
}
