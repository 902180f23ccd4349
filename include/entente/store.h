/*
 * entente/store.h - the store: documents and their coded events in one
 * SQLite file, idempotent and crash-safe (docs/store.md).
 *
 * A document is kept whole (its text, so evidence can always be shown)
 * with a SHA-256 of its text; its events carry every field of the coder's
 * records.  Re-adding a document with the same id and text adds nothing;
 * the same id with another text replaces its events in one transaction;
 * the same text under another id is reported as a duplicate.  The same
 * happening reported by many articles is one event with many mentions:
 * mentions share a `happening` id (state dyad, code, event date within one
 * day).  Every statement binds its parameters.
 */
#ifndef ENTENTE_STORE_H
#define ENTENTE_STORE_H

#include "entente/common.h"
#include "entente/events.h"
#include "entente/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_store ent_store;

#define ENT_STORE_VERSION 2    /* the schema this library writes */

/* Open (creating when absent, unless `readonly`) the store at `path`,
 * migrating an older schema forwards.  A newer schema, a file that is not
 * a database, or one that cannot be opened is an error naming the file.
 * *out is freed with ent_store_free.  0, ENT_EIO, ENT_EPARSE (not a store,
 * or a newer version) or ENT_ENOMEM. */
int ent_store_open(ent_store **out, ent_ctx *ctx, const char *path,
                   int readonly);
void ent_store_free(ent_store *s);

/* An ingest run: begin (records the dictionaries' description) and end
 * (the counts).  Documents are added inside transactions of up to
 * `batch` documents, committed by ent_store_commit. */
int ent_store_run_begin(ent_store *s, const char *dictionaries, long *run);
int ent_store_run_end(ent_store *s, long run, long documents, long events,
                      long errors);
int ent_store_begin(ent_store *s);
int ent_store_commit(ent_store *s);

typedef enum {
	ENT_STORE_ADDED = 0,      /* a new document */
	ENT_STORE_UNCHANGED,      /* same id, same text: nothing done */
	ENT_STORE_REPLACED,       /* same id, new text: its events replaced */
	ENT_STORE_DUPLICATE       /* same text as another id: not stored */
} ent_store_result;

/* Is the document already stored with this text?  *result is UNCHANGED,
 * DUPLICATE (with *other the id holding that text) or ADDED/REPLACED (the
 * caller codes and adds it).  `other` is borrowed until the next call. */
int ent_store_check(ent_store *s, const ent_article *a,
                    ent_store_result *result, const char **other);

/* Store the document and its events (replacing any stored under its id),
 * inside the open transaction.  0 or a negative code (the message names
 * the document). */
int ent_store_put(ent_store *s, const ent_article *a, long run,
                  const ent_event *events, size_t n);

/* Event queries.  Fields left NULL/0 do not filter. */
typedef struct {
	const char *dyad_a, *dyad_b; /* state or actor codes; undirected unless
	                                `directed` (then a is the source) */
	int directed;
	const char *actor;           /* a state (source or target country) or
	                                a full actor code */
	ent_date since, until;       /* ENT_DATE_NONE: open */
	const char *root, *code;
	int asserted;                /* leave out negated and hypothetical */
	const char *id;              /* one event by its id */
	long limit;                  /* at most this many events (0: all) */
	int newest_first;            /* by date descending (the latest N) */
} ent_store_filter;

/* Call `cb` for every matching event, by date then id; the document id
 * is e->... (the ent_event strings are borrowed during the call).  `doc`
 * is the document's id, `text` its original text.  Stops when cb returns
 * non-zero.  0 or a negative code. */
typedef int (*ent_store_event_cb)(void *payload, const ent_event *e,
                                  const char *id, const char *doc,
                                  const char *text, const char *happening);
int ent_store_events(ent_store *s, const ent_store_filter *f,
                     ent_store_event_cb cb, void *payload);

/* Dyad aggregates between `since` and `until`: per state dyad (sorted),
 * event count (distinct happenings), mentions, Goldstein sum and mean,
 * and counts per quad class. */
typedef struct {
	const char *a, *b;
	long happenings, mentions;
	double goldstein_sum, goldstein_mean;
	long quad[5];
} ent_store_dyad;
typedef int (*ent_store_dyad_cb)(void *payload, const ent_store_dyad *d);
int ent_store_dyads(ent_store *s, ent_date since, ent_date until,
                    ent_store_dyad_cb cb, void *payload);

/* One dyad month by month (a = "YYYY-MM" in d->a, the dyad in d->b):
 * happenings, mentions, Goldstein sum and mean, quad classes. */
int ent_store_dyad_months(ent_store *s, const char *x, const char *y,
                          ent_date since, ent_date until,
                          ent_store_dyad_cb cb, void *payload);

/* Every stored document, for re-coding: cb gets an article whose strings
 * are borrowed during the call. */
typedef int (*ent_store_doc_cb)(void *payload, const ent_article *a);
int ent_store_documents(ent_store *s, ent_store_doc_cb cb, void *payload);

/* The ids of every stored document (for re-coding), and one document by
 * id (cb as above; ENT_ENOTFOUND when absent). */
int ent_store_document(ent_store *s, const char *id, ent_store_doc_cb cb,
                       void *payload);

/* SQLite's integrity check: 0 when the file is sound, else ENT_EPARSE with
 * the first problem as the message. */
int ent_store_integrity(ent_store *s);

/* Counts: documents, events, distinct happenings, runs. */
int ent_store_counts(ent_store *s, long *docs, long *events, long *happenings,
                     long *runs);

#ifdef __cplusplus
}
#endif

#endif
