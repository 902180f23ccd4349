/*
 * test_store.c - the store's schema versions: an empty file is created at
 * the current version, a newer version and a foreign database are refused
 * with a clear error and left untouched, and the SHA-256 used for content
 * hashes matches the FIPS 180-4 test vectors.
 */
#define ENT_HARNESS_IMPL
#include "harness.h"
#include "entente.h"
#include "util/date.h"
#include "util/sha256.h"

#include <sqlite3.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static char *tmpdb(void)
{
	static char path[64];
	int fd;
	snprintf(path, sizeof path, "/tmp/ent_store_XXXXXX");
	fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	return path;
}

static int set_version(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open(path, &db) == SQLITE_OK &&
	         sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return rc;
}

ENT_TEST(store_created_at_current_version)
{
	ent_ctx *ctx = NULL;
	ent_store *s = NULL;
	char *p = tmpdb();
	long d, e, h, r;
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == 0);
	ENT_CHECK(s && ent_store_integrity(s) == 0);
	ENT_CHECK(s && ent_store_counts(s, &d, &e, &h, &r) == 0 && d == 0 && e == 0);
	ent_store_free(s);
	/* reopened: nothing to migrate */
	ENT_CHECK(ent_store_open(&s, ctx, p, 1) == 0);
	ent_store_free(s);
	unlink(p);
	ent_ctx_free(ctx);
}

ENT_TEST(store_refuses_newer_and_foreign_files)
{
	ent_ctx *ctx = NULL;
	ent_store *s = NULL;
	char *p = tmpdb();
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK(set_version(p, "PRAGMA user_version = 99"));
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == ENT_EPARSE);
	ENT_CHECK(strstr(ent_errmsg(ctx), "newer entente") != NULL);
	ENT_CHECK(s == NULL);
	unlink(p);
	p = tmpdb();
	ENT_CHECK(set_version(p, "CREATE TABLE notes(x)"));
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == ENT_EPARSE);
	ENT_CHECK(strstr(ent_errmsg(ctx), "not an entente store") != NULL);
	unlink(p);
	ENT_CHECK(ent_store_open(&s, ctx, "/nonexistent/dir/x.db", 0) < 0);
	ent_ctx_free(ctx);
}

ENT_TEST(sha256_test_vectors)
{
	char hex[65];
	ent_sha256_hex("abc", 3, hex);
	ENT_CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ent_sha256_hex("", 0, hex);
	ENT_CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ent_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	ENT_CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* ------------------------------------------------------------------------
 * The monthly totals (schema 2) against the events they summarise
 * ------------------------------------------------------------------------ */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Stores document `doc` with 1-6 random events between three states over
 * four months (so happenings repeat across documents and cross months);
 * some negated, some without a Goldstein score or quad class. */
static int put_random(ent_store *s, int doc, int version)
{
	static const char *st[] = {"RUS", "UKR", "USA"};
	static const char *codes[] = {"042", "190", "036"};
	static const int quads[] = {1, 4, 0};
	ent_event ev[6];
	ent_article a;
	char id[32], text[64];
	size_t i, n = 1 + rnd(6);
	memset(&a, 0, sizeof a);
	snprintf(id, sizeof id, "doc%d", doc);
	snprintf(text, sizeof text, "text %d version %d", doc, version);
	a.id = id;
	a.text = text;
	a.text_len = strlen(text);
	a.date = ent_date_from_ymd(2024, 1, 1);
	for (i = 0; i < n; i++) {
		unsigned x = rnd(3), y = (x + 1 + rnd(2)) % 3, c = rnd(3);
		ent_event *e = &ev[i];
		memset(e, 0, sizeof *e);
		e->sentence = i;
		e->source_start = e->target_start = e->trigger_start = -1;
		e->source_end = e->target_end = e->trigger_end = -1;
		e->date = ent_date_from_ymd(2024, 1, 25) + (ent_date)rnd(75);
		e->source = e->source_country = st[x];
		e->target = e->target_country = st[y];
		e->code = codes[c];
		e->root = codes[c];
		e->quad = quads[c];
		e->has_goldstein = c != 2;
		e->goldstein = c == 0 ? 3.0 : -10.0;
		e->negated = rnd(8) == 0;
	}
	return ent_store_put(s, &a, 0, ev, n);
}

typedef struct {
	char rows[64][160];
	int n;
} month_rows;

static int keep_month(void *p, const ent_store_dyad *d)
{
	month_rows *m = p;
	if (m->n < 64)
		snprintf(m->rows[m->n++], sizeof m->rows[0], "%s %s %ld %ld %.3f %.3f %ld %ld %ld %ld",
		         d->a, d->b, d->happenings, d->mentions, d->goldstein_sum,
		         d->goldstein_mean, d->quad[1], d->quad[2], d->quad[3], d->quad[4]);
	return 0;
}

/* The same months computed straight from the events, as version 1 did. */
static void months_from_events(const char *path, const char *dyad, const char *d1,
                               const char *d2, month_rows *m)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	m->n = 0;
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db,
	                   "WITH h AS (SELECT substr(date,1,7) AS month, happening, "
	                   " count(*) AS m, min(goldstein) AS g, min(quad) AS q FROM events"
	                   " WHERE dyad=?1 AND date>=?2 AND date<=?3 AND negated=0 AND"
	                   " hypothetical=0 GROUP BY month, happening) "
	                   "SELECT month, count(*), sum(m), total(g), avg(g), sum(q=1), "
	                   " sum(q=2), sum(q=3), sum(q=4) FROM h GROUP BY month "
	                   "ORDER BY month", -1, &st, NULL);
	sqlite3_bind_text(st, 1, dyad, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d1, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d2, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && m->n < 64)
		snprintf(m->rows[m->n++], sizeof m->rows[0], "%s %s %lld %lld %.3f %.3f %lld %lld %lld %lld",
		         sqlite3_column_text(st, 0), dyad, sqlite3_column_int64(st, 1),
		         sqlite3_column_int64(st, 2), sqlite3_column_double(st, 3),
		         sqlite3_column_double(st, 4), sqlite3_column_int64(st, 5),
		         sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7),
		         sqlite3_column_int64(st, 8));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Every period shape: open, whole months, partial edges, one month. */
static int months_agree(ent_ctx *ctx, const char *path, int *compared)
{
	static const int periods[][6] = {
		{0, 0, 0, 0, 0, 0},         {2024, 2, 1, 2024, 3, 31},
		{2024, 2, 10, 2024, 3, 20}, {2024, 2, 3, 2024, 2, 17},
		{2024, 1, 31, 0, 0, 0},     {0, 0, 0, 2024, 2, 29},
		{2024, 3, 5, 2024, 3, 31},  {2024, 2, 1, 2024, 2, 1},
	};
	static const char *dyads[][2] = {{"RUS", "UKR"}, {"USA", "RUS"}, {"UKR", "USA"}};
	ent_store *s = NULL;
	size_t p, k;
	int i, ok = 1;
	if (ent_store_open(&s, ctx, path, 1) < 0)
		return 0;
	for (p = 0; p < sizeof periods / sizeof periods[0]; p++)
		for (k = 0; k < 3; k++) {
			const int *q = periods[p];
			ent_date since = q[0] ? ent_date_from_ymd(q[0], q[1], q[2]) : ENT_DATE_NONE;
			ent_date until = q[3] ? ent_date_from_ymd(q[3], q[4], q[5]) : ENT_DATE_NONE;
			char d1[16] = "0000-00-00", d2[16] = "9999-99-99", key[16];
			month_rows got, want;
			if (q[0])
				ent_date_format(d1, since);
			if (q[3])
				ent_date_format(d2, until);
			snprintf(key, sizeof key, "%s-%s",
			         strcmp(dyads[k][0], dyads[k][1]) < 0 ? dyads[k][0] : dyads[k][1],
			         strcmp(dyads[k][0], dyads[k][1]) < 0 ? dyads[k][1] : dyads[k][0]);
			got.n = 0;
			if (ent_store_dyad_months(s, dyads[k][0], dyads[k][1], since, until,
			                          keep_month, &got) < 0)
				ok = 0;
			months_from_events(path, key, d1, d2, &want);
			if (got.n != want.n)
				ok = 0;
			for (i = 0; ok && i < got.n; i++, ++*compared)
				if (strcmp(got.rows[i], want.rows[i])) {
					fprintf(stderr, "period %zu: got  %s\n           want %s\n", p,
					        got.rows[i], want.rows[i]);
					ok = 0;
				}
		}
	ent_store_free(s);
	return ok;
}

ENT_TEST(store_months_follow_inserts_replacements_and_migration)
{
	ent_ctx *ctx = NULL;
	ent_store *s = NULL;
	char *p = tmpdb();
	int d, compared = 0;
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == 0);
	ENT_CHECK(s && ent_store_begin(s) == 0);
	for (d = 0; s && d < 120; d++)
		ENT_CHECK(put_random(s, d, 0) == 0);
	ENT_CHECK(s && ent_store_commit(s) == 0);
	ENT_CHECK(months_agree(ctx, p, &compared));
	/* replace a third of the documents, one transaction each */
	for (d = 0; s && d < 120; d += 3) {
		ENT_CHECK(ent_store_begin(s) == 0);
		ENT_CHECK(put_random(s, d, 1) == 0);
		ENT_CHECK(ent_store_commit(s) == 0);
	}
	ent_store_free(s);
	ENT_CHECK(months_agree(ctx, p, &compared));
	ENT_CHECK(compared >= 90); /* the comparison saw rows */
	/* back to version 1: read-only reads the events; read-write migrates */
	ENT_CHECK(set_version(p, "DROP TRIGGER months_add; DROP TRIGGER months_drop;"
	                         "DROP TABLE months; PRAGMA user_version = 1"));
	ENT_CHECK(months_agree(ctx, p, &compared));
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == 0);
	ent_store_free(s);
	ENT_CHECK(set_version(p, "SELECT 1 FROM months LIMIT 1"));
	ENT_CHECK(months_agree(ctx, p, &compared));
	unlink(p);
	ent_ctx_free(ctx);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
