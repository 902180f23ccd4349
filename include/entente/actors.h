/*
 * entente/actors.h - who is who: actor and agent dictionaries in the
 * TABARI/PETRARCH syntax (ours and the user's), a gazetteer of places, and
 * the recogniser that finds actor phrases in the sentences of a document.
 *
 * Two objects:
 *   ent_dict    a set of dictionaries compiled into one matcher.  Built once
 *               (ent_dict_new, ent_dict_add_*), then read-only: one dict can
 *               serve many recognisers on many threads.
 *   ent_actors  a recogniser: runs over one document at a time and keeps
 *               its records until the next run.  One per thread.
 *
 * The dictionary syntax, our extensions and the resolution rules (compounds,
 * metonyms, pronouns, plural references, ambiguity) are in
 * docs/dictionaries.md.
 */
#ifndef ENTENTE_ACTORS_H
#define ENTENTE_ACTORS_H

#include "entente/common.h"
#include "entente/text.h"
#include "entente/world.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Dictionaries
 * ------------------------------------------------------------------------ */

typedef struct ent_dict ent_dict;

typedef enum {
	ENT_DICT_AUTO = 0,  /* sniff from the content */
	ENT_DICT_ACTORS,
	ENT_DICT_AGENTS,
	ENT_DICT_VERBS,     /* read by the event engine */
	ENT_DICT_OPTIONS,   /* read by the event engine */
	ENT_DICT_PLACES,    /* our gazetteer table (data/places.tsv) */
	ENT_DICT_GLOSSARY,  /* our glossary table (data/actors/glossary.tsv) */
	ENT_DICT_DISCARDS,  /* read by the event engine */
	ENT_DICT_ISSUES     /* read by the event engine */
} ent_dict_kind;

/* "actors", "agents", ...; and back (0 or ENT_EINVAL). */
const char *ent_dict_kind_name(ent_dict_kind k);
int ent_dict_kind_parse(ent_dict_kind *out, const char *s);

/* Guess the kind of a dictionary from its content (its first hundred
 * entry lines): verb patterns, option keywords, agent codes ([~GOV]),
 * gazetteer columns, or actor entries.  ENT_DICT_AUTO when it cannot tell. */
ent_dict_kind ent_dict_sniff(const char *data, size_t len);

typedef struct {
	unsigned version;
	int check;           /* also report what `entente dict check` reports:
	                        a phrase given conflicting codes, legacy stems,
	                        codes with an unknown root */
	size_t max_line;     /* longer lines are errors (default 65536 bytes) */
	long max_reports;    /* diagnostics per file before a summary (10000) */
} ent_dict_options;

#define ENT_DICT_OPTIONS_VERSION 1
#define ENT_DICT_OPTIONS_INIT {ENT_DICT_OPTIONS_VERSION, 0, 65536, 10000}

/* What one file contributed. */
typedef struct {
	ent_dict_kind kind;
	long entries;        /* actor entries, agent lines, places, glosses */
	long phrases;        /* phrases added to the matcher (with plurals) */
	long restrictions;   /* dated restrictions */
	long errors;         /* malformed lines skipped */
	long warnings;
} ent_dict_load_stats;

/* A new, empty dictionary set.  `o` may be NULL (defaults).  The context is
 * borrowed for diagnostics and must outlive the set.  *out is freed with
 * ent_dict_free.  0 or ENT_ENOMEM. */
int ent_dict_new(ent_dict **out, ent_ctx *ctx, const ent_dict_options *o);
void ent_dict_free(ent_dict *d);

/* Add every built-in actor, agent, place and glossary file
 * (docs/dictionaries.md lists them).  0, ENT_EPARSE (a built-in file is
 * malformed: a bug) or ENT_ENOMEM. */
int ent_dict_add_builtin(ent_dict *d);

/* Add a dictionary file or buffer on top of what is loaded: a phrase
 * defined again here takes precedence.  `kind` ENT_DICT_AUTO sniffs it.
 * Every malformed line is reported to the context's diagnostic callback as
 * NAME:LINE and skipped; the rest is read.  A file is read line by line,
 * so memory stays bounded by what it defines.  `stats` may be NULL.
 * Returns 0 (even with bad lines: see stats->errors), ENT_EIO, ENT_EUNSUP
 * (verb and options files are read by the event engine) or ENT_ENOMEM. */
int ent_dict_add_file(ent_dict *d, const char *path, ent_dict_kind kind,
                      ent_dict_load_stats *stats);
int ent_dict_add_text(ent_dict *d, const char *name, const char *data,
                      size_t len, ent_dict_kind kind,
                      ent_dict_load_stats *stats);

/* Finish loading: run the checks of ent_dict_options.check that need the
 * whole set (conflicting codes across files).  Called implicitly by the
 * first recogniser; call it yourself to get those warnings before. */
int ent_dict_finish(ent_dict *d);

/* Totals over everything loaded. */
void ent_dict_stats(const ent_dict *d, ent_dict_load_stats *out);

/* The code `phrase` (plain words, e.g. "Putin" or "Kim Jong Un") gets on
 * `date` (ENT_DATE_NONE: the undated default) when it stands alone.
 * *code is "" when the phrase is known but has no code on that date.
 * *file / *line name the entry (borrowed from the set).  0 or
 * ENT_ENOTFOUND. */
int ent_dict_lookup(const ent_dict *d, const char *phrase, ent_date date,
                    const char **code, const char **file, long *line);

/* ------------------------------------------------------------------------
 * Recognition
 * ------------------------------------------------------------------------ */

typedef struct ent_actors ent_actors;

typedef enum {
	ENT_ACTOR_STATE = 0,  /* a state or its institutions (RUS, RUSGOV) */
	ENT_ACTOR_PERSON,     /* a person (an office holder, "the president") */
	ENT_ACTOR_GROUP,      /* a group without a state (rebels, a company) */
	ENT_ACTOR_IGO         /* an international organisation */
} ent_actor_kind;

typedef enum {
	ENT_VIA_DICT = 0,     /* a dictionary entry: via_file:via_line */
	ENT_VIA_METONYM,      /* a capital or seat of power for its government */
	ENT_VIA_PRONOUN,      /* he, his, she, her: the last person */
	ENT_VIA_PLURAL,       /* "the two countries": one record per referent */
	ENT_VIA_CONTEXT       /* "the government", "the foreign ministry": the
	                         state the document is talking about */
} ent_via;

/* One actor record.  Strings are borrowed from the recogniser and the
 * dictionary set; valid until the next ent_actors_run or ent_actors_free. */
typedef struct {
	size_t sentence;
	size_t start, end;          /* byte span in the original input */
	size_t text_start, text_end;/* the same span in ent_doc_text() */
	const char *code;           /* "PRKGOV", "IGOUNO", "RUS"; "" never */
	const char *country;        /* ISO alpha-3, or NULL (IGOs, unknown) */
	int state;                  /* index in ent_states, or -1 */
	int cow;                    /* COW code on the date, or -1 */
	ent_actor_kind kind;
	ent_via via;
	const char *via_file;       /* the decisive entry (ENT_VIA_DICT and
	                               ENT_VIA_METONYM), else NULL */
	long via_line;
	long ref;                   /* pronoun/plural/context: the record it
	                               resolves to, else -1 */
	const char *meaning;        /* found through a machine-translation
	                               rendering: what it means, else NULL */
} ent_actor;

/* A place named in the text (gazetteer or glossary). */
typedef struct {
	size_t sentence;
	size_t start, end, text_start, text_end;
	const char *name;           /* the gazetteer's name for it */
	const char *kind;           /* capital, seat, city, base, ... */
	const char *country;        /* ISO alpha-3 or NULL */
	double lat, lon;
	int actor;                  /* 1: read as a metonym actor instead */
	const char *via_file;       /* places.tsv row, or the glossary row */
	long via_line;
	int glossary;               /* 1: found through the MT glossary */
} ent_place;

/* A glossary rendering that is neither a place nor an actor ("crown
 * disease" -> COVID-19). */
typedef struct {
	size_t sentence;
	size_t start, end, text_start, text_end;
	const char *meaning;
	const char *kind;           /* "term" or "topic" */
	const char *via_file;
	long via_line;
} ent_term;

/* A recogniser over `d` (compiled on first use; borrowed: must outlive the
 * recogniser) and the state table `st` (borrowed; may be NULL: no COW
 * codes).  *out is freed with ent_actors_free.  0 or ENT_ENOMEM. */
int ent_actors_new(ent_actors **out, ent_ctx *ctx, ent_dict *d,
                   const ent_states *st);
void ent_actors_free(ent_actors *a);

/* Find the actors, places and glossary terms of every sentence of `doc`,
 * in text order, as of `date` (office holders' codes; ENT_DATE_NONE: the
 * document's date, else today).  Replaces the previous results.
 * Time: O(tokens x longest phrase) plus O(records) for references.
 * 0 or ENT_ENOMEM. */
int ent_actors_run(ent_actors *a, ent_doc *doc, ent_date date);

size_t ent_actors_count(const ent_actors *a);
const ent_actor *ent_actors_get(const ent_actors *a, size_t i);
size_t ent_actors_place_count(const ent_actors *a);
const ent_place *ent_actors_place(const ent_actors *a, size_t i);
size_t ent_actors_term_count(const ent_actors *a);
const ent_term *ent_actors_term(const ent_actors *a, size_t i);

const char *ent_actor_kind_name(ent_actor_kind k);
const char *ent_via_name(ent_via v);

#ifdef __cplusplus
}
#endif
#endif
