/*
 * store.c - the SQLite store (docs/store.md): documents with their text
 * and SHA-256, events with every field of the coder's records, ingest
 * runs, and the queries over them.  Every statement binds its parameters;
 * writes happen in BEGIN IMMEDIATE transactions (so two ingests queue on
 * the write lock instead of failing), the journal is WAL, and a busy
 * timeout absorbs the waits.  The schema is versioned with PRAGMA
 * user_version: an older file is migrated forwards, a newer one refused.
 */
#include "entente/store.h"
#include "util/alloc.h"
#include "util/ctx.h"
#include "util/date.h"
#include "util/sha256.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ent_store {
	ent_ctx *ctx;
	sqlite3 *db;
	char *path;
	int readonly;
	int version;                 /* the schema in the file */
	sqlite3_stmt *st_check, *st_doc, *st_del, *st_ev, *st_hap;
	char other[512];
};

static const char *const schema_v1 =
	"CREATE TABLE documents("
	" id TEXT PRIMARY KEY, hash TEXT NOT NULL, date TEXT, source TEXT,"
	" title TEXT, url TEXT, bytes INTEGER NOT NULL, ingested_at TEXT NOT NULL,"
	" run INTEGER, text BLOB NOT NULL);"
	"CREATE INDEX documents_hash ON documents(hash);"
	"CREATE TABLE events("
	" id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id)"
	"  ON DELETE CASCADE,"
	" sentence INTEGER, sentence_start INTEGER, sentence_end INTEGER,"
	" source_start INTEGER, source_end INTEGER, target_start INTEGER,"
	" target_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,"
	" date TEXT NOT NULL, source TEXT, target TEXT, source_text TEXT,"
	" target_text TEXT, source_country TEXT, target_country TEXT,"
	" code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein REAL,"
	" plover TEXT, plover_mode TEXT, negated INTEGER NOT NULL,"
	" hypothetical INTEGER NOT NULL, signal TEXT, deal TEXT, deal_status TEXT,"
	" gives TEXT, pattern TEXT,"
	" src_side TEXT, tgt_side TEXT, dyad TEXT, happening TEXT);"
	"CREATE INDEX events_doc ON events(doc);"
	"CREATE INDEX events_dyad_date ON events(dyad, date);"
	"CREATE INDEX events_src_date ON events(src_side, date);"
	"CREATE INDEX events_tgt_date ON events(tgt_side, date);"
	"CREATE INDEX events_root_date ON events(root, date);"
	"CREATE INDEX events_happening ON events(src_side, tgt_side, code, date);"
	"CREATE TABLE runs("
	" id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL,"
	" finished TEXT, dictionaries TEXT, documents INTEGER, events INTEGER,"
	" errors INTEGER);"
	"PRAGMA user_version = 1;";

/* Version 2: monthly dyad totals kept by triggers, so a dyad's months read
 * a few rows instead of every event.  A happening counts in a month when
 * its first asserted mention there arrives and stops counting when its
 * last one there goes; its Goldstein score and quad class are that
 * mention's (all mentions of a happening share its code).  The rows are
 * filled from the stored events when an older file is migrated. */
#define MONTH_OF(e) "substr(" e ".date,1,7)"
#define SAME_HAPPENING_IN_MONTH(e)                                              \
	"EXISTS(SELECT 1 FROM events x WHERE x.src_side=" e ".src_side AND"       \
	" x.tgt_side=" e ".tgt_side AND x.code=" e ".code AND"                    \
	" x.date>=" MONTH_OF(e) "||'-00' AND x.date<=" MONTH_OF(e) "||'-99' AND"  \
	" x.happening=" e ".happening AND x.id<>" e ".id AND x.negated=0 AND"     \
	" x.hypothetical=0)"
#define MONTH_TOTALS(op, e)                                                     \
	"happenings=happenings" op "1, gsum=gsum" op "ifnull(" e ".goldstein,0),"  \
	" gn=gn" op "(" e ".goldstein IS NOT NULL), q1=q1" op "(" e ".quad IS 1),"  \
	" q2=q2" op "(" e ".quad IS 2), q3=q3" op "(" e ".quad IS 3),"              \
	" q4=q4" op "(" e ".quad IS 4)"
#define MONTH_ROW(e) " WHERE dyad=" e ".dyad AND month=" MONTH_OF(e)

static const char *const schema_v2 =
	"CREATE TABLE months("
	" dyad TEXT NOT NULL, month TEXT NOT NULL, happenings INTEGER NOT NULL,"
	" mentions INTEGER NOT NULL, gsum REAL NOT NULL, gn INTEGER NOT NULL,"
	" q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL,"
	" q4 INTEGER NOT NULL, PRIMARY KEY(dyad, month)) WITHOUT ROWID;"
	"WITH h AS (SELECT dyad, substr(date,1,7) AS month, count(*) AS m,"
	" min(goldstein) AS g, min(quad) AS q FROM events WHERE negated=0 AND"
	" hypothetical=0 GROUP BY dyad, month, happening) "
	"INSERT INTO months SELECT dyad, month, count(*), sum(m), total(g),"
	" count(g), sum(q IS 1), sum(q IS 2), sum(q IS 3), sum(q IS 4) FROM h"
	" GROUP BY dyad, month;"
	"CREATE TRIGGER months_add AFTER INSERT ON events"
	" WHEN NEW.negated=0 AND NEW.hypothetical=0 BEGIN"
	" INSERT INTO months SELECT NEW.dyad," MONTH_OF("NEW") ", h, 1,"
	"  h*ifnull(NEW.goldstein,0), h*(NEW.goldstein IS NOT NULL), h*(NEW.quad IS 1),"
	"  h*(NEW.quad IS 2), h*(NEW.quad IS 3), h*(NEW.quad IS 4)"
	"  FROM (SELECT NOT " SAME_HAPPENING_IN_MONTH("NEW") " AS h) WHERE 1"
	"  ON CONFLICT(dyad, month) DO UPDATE SET happenings=happenings+excluded.happenings,"
	"  mentions=mentions+1, gsum=gsum+excluded.gsum, gn=gn+excluded.gn,"
	"  q1=q1+excluded.q1, q2=q2+excluded.q2, q3=q3+excluded.q3, q4=q4+excluded.q4;"
	" END;"
	"CREATE TRIGGER months_drop AFTER DELETE ON events"
	" WHEN OLD.negated=0 AND OLD.hypothetical=0 BEGIN"
	" UPDATE months SET mentions=mentions-1" MONTH_ROW("OLD") ";"
	" UPDATE months SET " MONTH_TOTALS("-", "OLD") MONTH_ROW("OLD")
	"  AND NOT " SAME_HAPPENING_IN_MONTH("OLD") ";"
	" DELETE FROM months" MONTH_ROW("OLD") " AND mentions<=0;"
	" END;"
	"PRAGMA user_version = 2;";

static int fail(ent_store *s, int code, const char *what)
{
	return ent_err(s->ctx, code, "%s: %s: %s", s->path, what,
	               s->db ? sqlite3_errmsg(s->db) : "cannot open");
}

static int exec(ent_store *s, const char *sql, const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(s, ENT_EIO, what);
	return 0;
}

static void now_iso(char *buf, size_t cap)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int user_version(ent_store *s, int *v)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return ent_err(s->ctx, ENT_EPARSE, "%s: not an entente store (not a "
		               "database, or a damaged one)", s->path);
	if (rc != SQLITE_OK)
		return fail(s, ENT_EIO, "cannot read its version");
	return 0;
}

/* Runs `sql` in a transaction of its own, unless another process brought
 * the file to version `to` while we waited for the lock. */
static int migrate_step(ent_store *s, const char *sql, int to)
{
	int rc, v = 0;
	if ((rc = exec(s, "BEGIN IMMEDIATE", "cannot upgrade the schema")) < 0)
		return rc;
	if ((rc = user_version(s, &v)) < 0)
		goto rollback;
	if (v >= to)
		return exec(s, "COMMIT", "cannot upgrade the schema");
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		rc = fail(s, ENT_EIO, "cannot upgrade the schema");
		goto rollback;
	}
	return exec(s, "COMMIT", "cannot upgrade the schema");
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Bring an older schema forwards (0: an empty file), one version at a
 * time, each step in its own transaction.  A read-only store is left as
 * it is (queries fall back to what its version has). */
static int migrate(ent_store *s, int from)
{
	int rc;
	if (from == 0) {
		sqlite3_stmt *st = NULL;
		int tables = 0;
		if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1,
		                       &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (tables) {
			/* created by another process between our two reads? */
			int v = 0;
			if (user_version(s, &v) == 0 && v >= 1)
				return migrate(s, v);
			return ent_err(s->ctx, ENT_EPARSE, "%s: a database, but not an "
			               "entente store", s->path);
		}
		if (s->readonly)
			return ent_err(s->ctx, ENT_EPARSE, "%s: an empty file, not an "
			               "entente store", s->path);
		if ((rc = migrate_step(s, schema_v1, 1)) < 0)
			return rc;
		from = 1;
	}
	if (s->readonly) {
		s->version = from;
		return 0;
	}
	if (from < 2 && (rc = migrate_step(s, schema_v2, 2)) < 0)
		return rc;
	s->version = ENT_STORE_VERSION;
	return 0;
}

/* WAL mode.  Switching needs a moment alone with the file, and SQLite
 * does not wait for it: while another process creates the file, retry. */
static int use_wal(ent_store *s)
{
	int tries;
	for (tries = 0; tries < 400; tries++) {
		int rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		sqlite3_sleep(25);
	}
	return fail(s, ENT_EIO, "cannot use WAL");
}

static int prepare(ent_store *s, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return fail(s, ENT_EIO, "cannot prepare a statement");
	return 0;
}

int ent_store_open(ent_store **out, ent_ctx *ctx, const char *path, int readonly)
{
	ent_store *s = ent_calloc(1, sizeof(*s));
	int rc, v = 0;
	*out = NULL;
	if (!s || !(s->path = ent_strdup(path))) {
		ent_free(s);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	s->ctx = ctx;
	s->readonly = readonly;
	rc = sqlite3_open_v2(path, &s->db,
	                     readonly ? SQLITE_OPEN_READONLY
	                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                     NULL);
	if (rc != SQLITE_OK) {
		rc = ent_err(ctx, ENT_EIO, "%s: cannot open: %s", path,
		             s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto bad;
	}
	if (!readonly && sqlite3_db_readonly(s->db, "main") == 1) {
		/* SQLite falls back to reading a file it may not write */
		rc = ent_err(ctx, ENT_EIO, "%s: cannot write to it: the file or its "
		             "folder is read-only", path);
		goto bad;
	}
	sqlite3_busy_timeout(s->db, 60000);
	sqlite3_extended_result_codes(s->db, 1);
	if ((rc = user_version(s, &v)) < 0)
		goto bad;
	if (v > ENT_STORE_VERSION) {
		rc = ent_err(ctx, ENT_EPARSE, "%s: written by a newer entente (store "
		             "version %d; this one reads up to %d): upgrade entente",
		             path, v, ENT_STORE_VERSION);
		goto bad;
	}
	if (!readonly && (rc = use_wal(s)) < 0)
		goto bad;
	if ((rc = exec(s, "PRAGMA foreign_keys=ON; PRAGMA recursive_triggers=ON; "
	                  "PRAGMA synchronous=NORMAL; "
	                  "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY",
	               "cannot set it up")) < 0)
		goto bad;
	s->version = v;
	if (v < ENT_STORE_VERSION && (rc = migrate(s, v)) < 0)
		goto bad;
	if (!readonly &&
	    ((rc = prepare(s, &s->st_check, "SELECT hash FROM documents WHERE id=?1")) < 0 ||
	     (rc = prepare(s, &s->st_doc,
	                   "INSERT OR REPLACE INTO documents(id,hash,date,source,title,"
	                   "url,bytes,ingested_at,run,text) VALUES(?1,?2,?3,?4,?5,?6,"
	                   "?7,?8,?9,?10)")) < 0 ||
	     (rc = prepare(s, &s->st_del, "DELETE FROM events WHERE doc=?1")) < 0 ||
	     (rc = prepare(s, &s->st_ev,
	                   "INSERT INTO events VALUES(?1,?2,?3,?4,?5,?6,?7,"
	                   "?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,"
	                   "?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,"
	                   "?35)")) < 0 ||
	     (rc = prepare(s, &s->st_hap,
	                   "SELECT happening FROM events WHERE src_side=?1 AND "
	                   "tgt_side=?2 AND code=?3 AND date BETWEEN ?4 AND ?5 AND "
	                   "negated=0 AND hypothetical=0 LIMIT 1")) < 0))
		goto bad;
	*out = s;
	return 0;
bad:
	ent_store_free(s);
	return rc;
}

void ent_store_free(ent_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->st_check);
	sqlite3_finalize(s->st_doc);
	sqlite3_finalize(s->st_del);
	sqlite3_finalize(s->st_ev);
	sqlite3_finalize(s->st_hap);
	sqlite3_close(s->db);
	ent_free(s->path);
	ent_free(s);
}

int ent_store_begin(ent_store *s)
{
	return exec(s, "BEGIN IMMEDIATE", "cannot start a transaction");
}

int ent_store_commit(ent_store *s)
{
	int rc = exec(s, "COMMIT", "cannot commit");
	if (rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int ent_store_run_begin(ent_store *s, const char *dictionaries, long *run)
{
	sqlite3_stmt *st = NULL;
	char now[32];
	int rc = 0;
	now_iso(now, sizeof now);
	if ((rc = prepare(s, &st, "INSERT INTO runs(started,dictionaries) VALUES(?1,?2)")) < 0)
		return rc;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, dictionaries, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = fail(s, ENT_EIO, "cannot record the run");
	else
		*run = (long)sqlite3_last_insert_rowid(s->db);
	sqlite3_finalize(st);
	return rc;
}

int ent_store_run_end(ent_store *s, long run, long documents, long events,
                      long errors)
{
	sqlite3_stmt *st = NULL;
	char now[32];
	int rc = 0;
	now_iso(now, sizeof now);
	if ((rc = prepare(s, &st, "UPDATE runs SET finished=?1, documents=?2, "
	                          "events=?3, errors=?4 WHERE id=?5")) < 0)
		return rc;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, documents);
	sqlite3_bind_int64(st, 3, events);
	sqlite3_bind_int64(st, 4, errors);
	sqlite3_bind_int64(st, 5, run);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = fail(s, ENT_EIO, "cannot record the run");
	sqlite3_finalize(st);
	return rc;
}

int ent_store_check(ent_store *s, const ent_article *a, ent_store_result *result,
                    const char **other)
{
	char hash[65];
	sqlite3_stmt *st = NULL;
	int rc;
	*other = NULL;
	ent_sha256_hex(a->text, a->text_len, hash);
	sqlite3_reset(s->st_check);
	sqlite3_bind_text(s->st_check, 1, a->id ? a->id : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s->st_check);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(s->st_check, 0);
		*result = h && strcmp(h, hash) == 0 ? ENT_STORE_UNCHANGED : ENT_STORE_REPLACED;
		sqlite3_reset(s->st_check);
		return 0;
	}
	sqlite3_reset(s->st_check);
	if (rc != SQLITE_DONE)
		return fail(s, ENT_EIO, "cannot read");
	/* the same text under another id? */
	if ((rc = prepare(s, &st, "SELECT id FROM documents WHERE hash=?1 LIMIT 1")) < 0)
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(s->other, sizeof s->other, "%s", sqlite3_column_text(st, 0));
		*other = s->other;
		*result = ENT_STORE_DUPLICATE;
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		*result = ENT_STORE_ADDED;
		rc = 0;
	} else
		rc = fail(s, ENT_EIO, "cannot read");
	sqlite3_finalize(st);
	return rc;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_span(sqlite3_stmt *st, int i, long v)
{
	if (v >= 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Writes the undirected dyad key of x and y ("A-B", A sorting first). */
static void dyad_key(char *buf, size_t cap, const char *x, const char *y)
{
	if (strcmp(x, y) <= 0)
		snprintf(buf, cap, "%s-%s", x, y);
	else
		snprintf(buf, cap, "%s-%s", y, x);
}

int ent_store_put(ent_store *s, const ent_article *a, long run,
                  const ent_event *events, size_t n)
{
	char hash[65], now[32], date[16];
	size_t i;
	sqlite3_stmt *st;
	const char *id = a->id ? a->id : "";

	ent_sha256_hex(a->text, a->text_len, hash);
	now_iso(now, sizeof now);
	sqlite3_reset(s->st_del);
	sqlite3_bind_text(s->st_del, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s->st_del) != SQLITE_DONE)
		return fail(s, ENT_EIO, "cannot replace a document's events");
	st = s->st_doc;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
	if (a->date != ENT_DATE_NONE)
		sqlite3_bind_text(st, 3, ent_date_format(date, a->date), -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 3);
	bind_text(st, 4, a->source);
	bind_text(st, 5, a->title);
	bind_text(st, 6, a->url);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)a->text_len);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 9, run);
	sqlite3_bind_blob(st, 10, a->text, (int)a->text_len, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		return fail(s, ENT_EIO, "cannot store a document");
	for (i = 0; i < n; i++) {
		const ent_event *e = &events[i];
		char eid[600], pat[600], ss[64], ts[64], dyad[140], d1[16], d2[16];
		const char *hap = eid;
		int k = 1;
		snprintf(eid, sizeof eid, "%s:%zu:%zu", id, e->sentence, e->k);
		snprintf(ss, sizeof ss, "%s", e->source_country ? e->source_country : e->source);
		snprintf(ts, sizeof ts, "%s", e->target_country ? e->target_country : e->target);
		dyad_key(dyad, sizeof dyad, ss, ts);
		/* one happening, many mentions: same sides, code, date +- 1 day */
		if (!e->negated && !e->hypothetical) {
			sqlite3_reset(s->st_hap);
			sqlite3_bind_text(s->st_hap, 1, ss, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s->st_hap, 2, ts, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s->st_hap, 3, e->code, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s->st_hap, 4, ent_date_format(d1, e->date - 1), -1,
			                  SQLITE_TRANSIENT);
			sqlite3_bind_text(s->st_hap, 5, ent_date_format(d2, e->date + 1), -1,
			                  SQLITE_TRANSIENT);
			if (sqlite3_step(s->st_hap) == SQLITE_ROW)
				snprintf(pat, sizeof pat, "%s", sqlite3_column_text(s->st_hap, 0)),
				hap = pat;
			sqlite3_reset(s->st_hap);
		}
		st = s->st_ev;
		sqlite3_reset(st);
		sqlite3_bind_text(st, k++, eid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, k++, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, k++, (sqlite3_int64)e->sentence);
		sqlite3_bind_int64(st, k++, (sqlite3_int64)e->sentence_start);
		sqlite3_bind_int64(st, k++, (sqlite3_int64)e->sentence_end);
		bind_span(st, k++, e->source_start);
		bind_span(st, k++, e->source_end);
		bind_span(st, k++, e->target_start);
		bind_span(st, k++, e->target_end);
		bind_span(st, k++, e->trigger_start);
		bind_span(st, k++, e->trigger_end);
		sqlite3_bind_text(st, k++, ent_date_format(d1, e->date), -1, SQLITE_TRANSIENT);
		bind_text(st, k++, e->source);
		bind_text(st, k++, e->target);
		bind_text(st, k++, e->source_text);
		bind_text(st, k++, e->target_text);
		bind_text(st, k++, e->source_country);
		bind_text(st, k++, e->target_country);
		bind_text(st, k++, e->code);
		bind_text(st, k++, e->root);
		if (e->quad)
			sqlite3_bind_int(st, k++, e->quad);
		else
			sqlite3_bind_null(st, k++);
		if (e->has_goldstein)
			sqlite3_bind_double(st, k++, e->goldstein);
		else
			sqlite3_bind_null(st, k++);
		bind_text(st, k++, e->plover);
		bind_text(st, k++, e->plover_mode);
		sqlite3_bind_int(st, k++, e->negated != 0);
		sqlite3_bind_int(st, k++, e->hypothetical != 0);
		bind_text(st, k++, e->signal);
		bind_text(st, k++, e->deal);
		bind_text(st, k++, e->deal_status);
		bind_text(st, k++, e->gives);
		if (e->pattern_file) {
			char p2[600];
			snprintf(p2, sizeof p2, "%s:%ld", e->pattern_file, e->pattern_line);
			sqlite3_bind_text(st, k++, p2, -1, SQLITE_TRANSIENT);
		} else
			sqlite3_bind_null(st, k++);
		sqlite3_bind_text(st, k++, ss, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, k++, ts, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, k++, dyad, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, k++, hap, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			return fail(s, ENT_EIO, "cannot store an event");
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------ */

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static long col_span(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1
	                                                  : (long)sqlite3_column_int64(st, i);
}

int ent_store_events(ent_store *s, const ent_store_filter *f,
                     ent_store_event_cb cb, void *payload)
{
	char sql[1400];
	sqlite3_stmt *st = NULL;
	int rc = 0, k = 1;
	char d1[16], d2[16];
	snprintf(sql, sizeof sql,
	         "SELECT e.*, d.text FROM events e JOIN documents d ON d.id=e.doc "
	         "WHERE 1%s%s%s%s%s%s%s%s ORDER BY e.date%s, e.id%s%s",
	         f->dyad_a ? (f->directed ? " AND e.src_side=?1 AND e.tgt_side=?2"
	                                  : " AND e.dyad=?1||'-'||?2") : "",
	         f->actor ? " AND (e.src_side=?3 OR e.tgt_side=?3 OR e.source=?3 OR "
	                    "e.target=?3)" : "",
	         f->since != ENT_DATE_NONE ? " AND e.date>=?4" : "",
	         f->until != ENT_DATE_NONE ? " AND e.date<=?5" : "",
	         f->root ? " AND e.root=?6" : "",
	         f->code ? " AND e.code=?7" : "",
	         f->asserted ? " AND e.negated=0 AND e.hypothetical=0" : "",
	         f->id ? " AND e.id=?8" : "",
	         f->newest_first ? " DESC" : "", f->newest_first ? " DESC" : "",
	         f->limit > 0 ? " LIMIT ?9" : "");
	(void)k;
	if ((rc = prepare(s, &st, sql)) < 0)
		return rc;
	if (f->dyad_a) {
		const char *a = f->dyad_a, *b = f->dyad_b;
		if (!f->directed && strcmp(a, b) > 0) {
			a = f->dyad_b;
			b = f->dyad_a;
		}
		sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	}
	if (f->actor)
		sqlite3_bind_text(st, 3, f->actor, -1, SQLITE_TRANSIENT);
	if (f->since != ENT_DATE_NONE)
		sqlite3_bind_text(st, 4, ent_date_format(d1, f->since), -1, SQLITE_TRANSIENT);
	if (f->until != ENT_DATE_NONE)
		sqlite3_bind_text(st, 5, ent_date_format(d2, f->until), -1, SQLITE_TRANSIENT);
	if (f->root)
		sqlite3_bind_text(st, 6, f->root, -1, SQLITE_TRANSIENT);
	if (f->code)
		sqlite3_bind_text(st, 7, f->code, -1, SQLITE_TRANSIENT);
	if (f->id)
		sqlite3_bind_text(st, 8, f->id, -1, SQLITE_TRANSIENT);
	if (f->limit > 0)
		sqlite3_bind_int64(st, 9, f->limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_event e;
		const char *pat = col(st, 30), *colon;
		char pf[600];
		memset(&e, 0, sizeof e);
		e.sentence = (size_t)sqlite3_column_int64(st, 2);
		e.sentence_start = (size_t)sqlite3_column_int64(st, 3);
		e.sentence_end = (size_t)sqlite3_column_int64(st, 4);
		e.source_start = col_span(st, 5);
		e.source_end = col_span(st, 6);
		e.target_start = col_span(st, 7);
		e.target_end = col_span(st, 8);
		e.trigger_start = col_span(st, 9);
		e.trigger_end = col_span(st, 10);
		if (col(st, 11))
			ent_date_parse(&e.date, col(st, 11), strlen(col(st, 11)));
		e.source = col(st, 12);
		e.target = col(st, 13);
		e.source_text = col(st, 14);
		e.target_text = col(st, 15);
		e.source_country = col(st, 16);
		e.target_country = col(st, 17);
		e.code = col(st, 18);
		e.root = col(st, 19);
		e.quad = sqlite3_column_int(st, 20);
		e.has_goldstein = sqlite3_column_type(st, 21) != SQLITE_NULL;
		e.goldstein = sqlite3_column_double(st, 21);
		e.plover = col(st, 22);
		e.plover_mode = col(st, 23);
		e.negated = sqlite3_column_int(st, 24);
		e.hypothetical = sqlite3_column_int(st, 25);
		e.signal = col(st, 26);
		e.deal = col(st, 27);
		e.deal_status = col(st, 28);
		e.gives = col(st, 29);
		if (pat && (colon = strrchr(pat, ':')) != NULL) {
			snprintf(pf, sizeof pf, "%.*s", (int)(colon - pat), pat);
			e.pattern_file = pf;
			e.pattern_line = strtol(colon + 1, NULL, 10);
		}
		{
			const char *id = col(st, 0);
			const char *p = id ? strrchr(id, ':') : NULL;
			e.k = p ? (size_t)strtoul(p + 1, NULL, 10) : 0;
		}
		if (cb(payload, &e, col(st, 0), col(st, 1), col(st, 35), col(st, 34))) {
			rc = SQLITE_DONE;
			break;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : fail(s, ENT_EIO, "cannot read the events");
	sqlite3_finalize(st);
	return rc;
}

/* Binds the inclusive period [since, until] to parameters i and i+1 as ISO
 * dates; an open end becomes a bound no stored date passes. */
static void bind_period(sqlite3_stmt *st, int i, ent_date since, ent_date until)
{
	char d1[16], d2[16];
	sqlite3_bind_text(st, i, since == ENT_DATE_NONE ? "0000-00-00"
	                                               : ent_date_format(d1, since),
	                  -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, i + 1, until == ENT_DATE_NONE ? "9999-99-99"
	                                                   : ent_date_format(d2, until),
	                  -1, SQLITE_TRANSIENT);
}

/* Reads the totals both dyad queries return in columns 1..8: happenings,
 * mentions, Goldstein sum and mean, and happenings per quad class. */
static void read_totals(sqlite3_stmt *st, ent_store_dyad *d)
{
	int q;
	d->happenings = (long)sqlite3_column_int64(st, 1);
	d->mentions = (long)sqlite3_column_int64(st, 2);
	d->goldstein_sum = sqlite3_column_double(st, 3);
	d->goldstein_mean = sqlite3_column_double(st, 4);
	for (q = 1; q <= 4; q++)
		d->quad[q] = (long)sqlite3_column_int64(st, 4 + q);
}

int ent_store_dyads(ent_store *s, ent_date since, ent_date until,
                    ent_store_dyad_cb cb, void *payload)
{
	sqlite3_stmt *st = NULL;
	int rc;
	/* one row per happening first (its first mention), then per dyad */
	if ((rc = prepare(s, &st,
	                  "WITH h AS (SELECT dyad, happening, count(*) AS m, "
	                  " min(goldstein) AS g, min(quad) AS q FROM events "
	                  " WHERE negated=0 AND hypothetical=0 AND date>=?1 AND date<=?2"
	                  " GROUP BY dyad, happening) "
	                  "SELECT dyad, count(*), sum(m), sum(g), avg(g), "
	                  " sum(q=1), sum(q=2), sum(q=3), sum(q=4) FROM h "
	                  "GROUP BY dyad ORDER BY count(*) DESC, dyad")) < 0)
		return rc;
	bind_period(st, 1, since, until);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_store_dyad d;
		char buf[140], *dash;
		memset(&d, 0, sizeof d);
		snprintf(buf, sizeof buf, "%s", col(st, 0) ? col(st, 0) : "");
		dash = strchr(buf, '-');
		if (dash)
			*dash++ = '\0';
		d.a = buf;
		d.b = dash ? dash : "";
		read_totals(st, &d);
		if (cb(payload, &d)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : fail(s, ENT_EIO, "cannot read the dyads");
	sqlite3_finalize(st);
	return rc;
}

static int documents(ent_store *s, const char *id, ent_store_doc_cb cb,
                     void *payload)
{
	sqlite3_stmt *st = NULL;
	int rc, seen = 0;
	if ((rc = prepare(s, &st, id ? "SELECT id, date, source, title, url, text FROM "
	                               "documents WHERE id=?1"
	                             : "SELECT id, date, source, title, url, text FROM "
	                               "documents ORDER BY id")) < 0)
		return rc;
	if (id)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_article a;
		memset(&a, 0, sizeof a);
		a.id = col(st, 0);
		a.date = ENT_DATE_NONE;
		if (col(st, 1))
			ent_date_parse(&a.date, col(st, 1), strlen(col(st, 1)));
		a.source = col(st, 2);
		a.title = col(st, 3);
		a.url = col(st, 4);
		a.text = sqlite3_column_blob(st, 5);
		a.text_len = (size_t)sqlite3_column_bytes(st, 5);
		if (!a.text)
			a.text = "";
		a.origin = s->path;
		seen = 1;
		if (cb(payload, &a)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : fail(s, ENT_EIO, "cannot read the documents");
	sqlite3_finalize(st);
	if (rc == 0 && id && !seen)
		return ent_err(s->ctx, ENT_ENOTFOUND, "%s: no document '%s'", s->path, id);
	return rc;
}

/* The months [since, until] splits into: whole months, read from the
 * months table (rows with month >= lo and month < hi), and at most two
 * partial ones at the edges, read from the events ([h1, h2] and [t1, t2],
 * empty when "1" > "0").  A file still at version 1 (opened read-only)
 * reads every month from the events. */
typedef struct {
	char lo[16], hi[16], h1[16], h2[16], t1[16], t2[16];
} month_split;

static void split_months(month_split *m, ent_date since, ent_date until,
                         int summary)
{
	char d1[16] = "0000-00-00", d2[16] = "9999-99-99";
	int y, mo, d;
	if (since != ENT_DATE_NONE)
		ent_date_format(d1, since);
	if (until != ENT_DATE_NONE)
		ent_date_format(d2, until);
	strcpy(m->lo, "0"), strcpy(m->hi, "~");
	strcpy(m->h1, "1"), strcpy(m->h2, "0");
	strcpy(m->t1, "1"), strcpy(m->t2, "0");
	if (!summary) {
		strcpy(m->hi, "0");
		strcpy(m->h1, d1), strcpy(m->h2, d2);
		return;
	}
	if (since != ENT_DATE_NONE) {
		ent_date_to_ymd(since, &y, &mo, &d);
		snprintf(m->lo, sizeof m->lo, "%.7s%s", d1, d > 1 ? "~" : "");
		if (d > 1) { /* a partial first month */
			strcpy(m->h1, d1);
			snprintf(m->h2, sizeof m->h2, "%.7s-99", d1);
			if (strcmp(d2, m->h2) < 0)
				strcpy(m->h2, d2);
		}
	}
	if (until != ENT_DATE_NONE) {
		ent_date_to_ymd(until, &y, &mo, &d);
		if (d < ent_days_in_month(y, mo)) { /* a partial last month */
			snprintf(m->hi, sizeof m->hi, "%.7s", d2);
			snprintf(m->t1, sizeof m->t1, "%.7s-00", d2);
			if (strcmp(d1, m->t1) > 0)
				strcpy(m->t1, d1);
			strcpy(m->t2, d2);
		} else
			snprintf(m->hi, sizeof m->hi, "%.7s~", d2);
	}
}

int ent_store_dyad_months(ent_store *s, const char *x, const char *y,
                          ent_date since, ent_date until,
                          ent_store_dyad_cb cb, void *payload)
{
	sqlite3_stmt *st = NULL;
	month_split m;
	char dyad[140];
	int rc;
	dyad_key(dyad, sizeof dyad, x, y);
	split_months(&m, since, until, s->version >= 2);
#define FROM_EVENTS                                                             \
	"WITH h AS (SELECT substr(date,1,7) AS month, happening, count(*) AS m,"   \
	" min(goldstein) AS g, min(quad) AS q FROM events WHERE dyad=?1 AND"       \
	" ((date>=?2 AND date<=?3) OR (date>=?4 AND date<=?5)) AND negated=0 AND"  \
	" hypothetical=0 GROUP BY month, happening) "                              \
	"SELECT month, count(*), sum(m), total(g), avg(g), sum(q IS 1),"           \
	" sum(q IS 2), sum(q IS 3), sum(q IS 4) FROM h GROUP BY month "
	if ((rc = prepare(s, &st, s->version < 2 ? FROM_EVENTS "ORDER BY 1" :
	                  FROM_EVENTS "UNION ALL "
	                  "SELECT month, happenings, mentions, gsum,"
	                  " CASE WHEN gn>0 THEN gsum/gn END, q1, q2, q3, q4 FROM months"
	                  " WHERE dyad=?1 AND month>=?6 AND month<?7 ORDER BY 1")) < 0)
		return rc;
#undef FROM_EVENTS
	sqlite3_bind_text(st, 1, dyad, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.h1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, m.h2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, m.t1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, m.t2, -1, SQLITE_TRANSIENT);
	if (s->version >= 2) {
		sqlite3_bind_text(st, 6, m.lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, m.hi, -1, SQLITE_TRANSIENT);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_store_dyad d;
		memset(&d, 0, sizeof d);
		d.a = col(st, 0);
		d.b = dyad;
		read_totals(st, &d);
		if (cb(payload, &d)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : fail(s, ENT_EIO, "cannot read the dyad");
	sqlite3_finalize(st);
	return rc;
}

int ent_store_documents(ent_store *s, ent_store_doc_cb cb, void *payload)
{
	return documents(s, NULL, cb, payload);
}

int ent_store_document(ent_store *s, const char *id, ent_store_doc_cb cb,
                       void *payload)
{
	return documents(s, id, cb, payload);
}

int ent_store_counts(ent_store *s, long *docs, long *events, long *happenings,
                     long *runs)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if ((rc = prepare(s, &st, "SELECT (SELECT count(*) FROM documents), "
	                          "(SELECT count(*) FROM events), (SELECT count(DISTINCT "
	                          "happening) FROM events), (SELECT count(*) FROM runs)")) < 0)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*docs = (long)sqlite3_column_int64(st, 0);
		*events = (long)sqlite3_column_int64(st, 1);
		*happenings = (long)sqlite3_column_int64(st, 2);
		*runs = (long)sqlite3_column_int64(st, 3);
		rc = 0;
	} else
		rc = fail(s, ENT_EIO, "cannot count");
	sqlite3_finalize(st);
	return rc;
}

int ent_store_integrity(ent_store *s)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if ((rc = prepare(s, &st, "PRAGMA integrity_check")) < 0)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *r = col(st, 0);
		rc = r && strcmp(r, "ok") == 0
		         ? 0
		         : ent_err(s->ctx, ENT_EPARSE, "%s: damaged: %s", s->path,
		                   r ? r : "?");
	} else
		rc = fail(s, ENT_EIO, "cannot check");
	sqlite3_finalize(st);
	return rc;
}
