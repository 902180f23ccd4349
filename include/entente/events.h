/*
 * entente/events.h - who did what to whom: the event engine.
 *
 * The engine turns the sentences of a document, with their actors, into
 * event records (source, target, CAMEO or user code) by matching verb and
 * noun patterns written in the TABARI/PETRARCH-1 verb-pattern language
 * (docs/dictionaries.md, "Verb patterns").  Three objects:
 *
 *   ent_evdict  the event dictionaries: verb files (TABARI/PETRARCH-1 or
 *               PETRARCH-2), options, discards, issues, and - under
 *               --compat tabari - actor and agent files, which TABARI
 *               reads its own way.  Built once, then read-only: one set
 *               serves many coders on many threads.
 *   ent_coder   codes one document at a time and keeps its events until
 *               the next run.  One per thread.
 *   ent_event_options  the TABARI options that change coding (plain data,
 *               copied into each coder, so a run can change them between
 *               documents deterministically).
 */
#ifndef ENTENTE_EVENTS_H
#define ENTENTE_EVENTS_H

#include "entente/actors.h"
#include "entente/common.h"
#include "entente/text.h"
#include "entente/world.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Options (TABARI .options commands)
 * ------------------------------------------------------------------------ */

typedef enum {
	ENT_CODE_BY_CLAUSE = 0,   /* stop at the first event of each clause */
	ENT_CODE_BY_SENTENCE = 1, /* stop at the first event of the sentence */
	ENT_CODE_ALL = 2          /* code every verb */
} ent_code_mode;

typedef struct {
	ent_code_mode code_mode;
	/* complexity filter (COMPLEX:): 0 = off */
	int cplx_verbs, cplx_actors, cplx_pronouns, cplx_conj, cplx_comma,
	    cplx_late_verb;
	int cplx_no_actor_before, cplx_no_actor_after, cplx_no_verb,
	    cplx_no_source, cplx_no_target, cplx_no_event;
	/* comma-delimited subordinate clauses (COMMA:): sizes in words */
	int sub_min, sub_max, sub_beg_min, sub_beg_max, sub_end_min, sub_end_max;
	int min_words;            /* shorter units are not coded (SET: MINIMUM) */
	int time_shift;           /* <TIME> phrases shift the date: -1 = on when
	                             a verb file has a <TIME> block */
	int convert_agents;       /* an agent without an actor is an actor */
	int fbis;                 /* FBIS mode: [bracketed] text is dropped */
	int forward;              /* FORWARD: pronouns may refer to the
	                             previous record of the same story */
	char forward_format[64];  /* FORWARD: record id layout, e.g.
	                             "^^*****NNN*SSS": N story, S sentence */
	char default_source[32];  /* DEFAULT: SOURCE [CODE] ("" off) */
	char default_target[32];
	int default_prior;        /* the default source only before the verb */
	int default_after;        /* the default target only after it */
	int same_actors;          /* allow source = target */
} ent_event_options;

/* TABARI's defaults (code by clause, subordinate clauses of 2-10 words
 * after a comma, 8-word minimum in --compat tabari). */
void ent_event_options_init(ent_event_options *o);

/* Apply one options command ("SET: CODE BY SENTENCE", "COMPLEX: VERBS[5]",
 * "COMMA: MIN = 2 MAX = 8", "DEFAULT: SOURCE [USA]", ...).  Commands that
 * do not affect coding (OUTPUT:, LABEL:, FORWARD: formats, usage files) are
 * accepted and ignored.  0, ENT_EUNSUP for an obsolete command (SET: MATCH;
 * ignore it with a warning) or ENT_EPARSE, with the reason on ctx. */
int ent_event_options_apply(ent_event_options *o, ent_ctx *ctx,
                            const char *command);

/* ------------------------------------------------------------------------
 * Event dictionaries
 * ------------------------------------------------------------------------ */

typedef enum {
	ENT_COMPAT_NONE = 0,      /* our engine: our actors, passive voice,
	                             coordination, attribution, nominal events */
	ENT_COMPAT_TABARI = 1     /* TABARI's behaviour, actors included */
} ent_compat;

typedef struct ent_evdict ent_evdict;

typedef struct {
	unsigned version;
	ent_compat compat;
	int check;                /* also report what `entente dict check`
	                             reports (codes unknown to our CAMEO table,
	                             duplicate verbs) */
	size_t max_line;          /* longer lines are errors (65536) */
	long max_reports;         /* diagnostics per file (10000) */
} ent_evdict_options;

#define ENT_EVDICT_OPTIONS_VERSION 1
#define ENT_EVDICT_OPTIONS_INIT \
	{ENT_EVDICT_OPTIONS_VERSION, ENT_COMPAT_NONE, 0, 65536, 10000}

/* A new, empty set.  `o` may be NULL.  The context is borrowed for
 * diagnostics.  *out is freed with ent_evdict_free.  0 or ENT_ENOMEM. */
int ent_evdict_new(ent_evdict **out, ent_ctx *ctx, const ent_evdict_options *o);
void ent_evdict_free(ent_evdict *d);

/* Add the built-in event dictionary (data/events/, docs/dictionaries.md).
 * 0, ENT_EPARSE (a built-in file is malformed: a bug) or ENT_ENOMEM. */
int ent_evdict_add_builtin(ent_evdict *d);

/* Add a file or buffer: verbs (TABARI/PETRARCH-1 or PETRARCH-2, told apart
 * by content), options, discards, issues; under ENT_COMPAT_TABARI also
 * actors and agents.  `kind` ENT_DICT_AUTO sniffs.  A definition added
 * earlier wins over a later one of the same phrase (TABARI's rule), and
 * user files loaded before the built-in set win over it.  Every bad line is
 * reported as NAME:LINE and skipped.  0 (even with bad lines), ENT_EIO,
 * ENT_EUNSUP (a kind the engine does not read, e.g. places) or ENT_ENOMEM. */
int ent_evdict_add_file(ent_evdict *d, const char *path, ent_dict_kind kind,
                        ent_dict_load_stats *stats);
int ent_evdict_add_text(ent_evdict *d, const char *name, const char *data,
                        size_t len, ent_dict_kind kind,
                        ent_dict_load_stats *stats);

/* The options the loaded options files set (a copy). */
void ent_evdict_options_get(const ent_evdict *d, ent_event_options *out);

/* Counts over everything loaded: roots (verbs and forms), patterns. */
void ent_evdict_counts(const ent_evdict *d, long *verbs, long *patterns,
                       long *synsets);

/* The label a LABEL: command gave `code`, or NULL. */
const char *ent_evdict_label(const ent_evdict *d, const char *code);

/* ------------------------------------------------------------------------
 * Coding
 * ------------------------------------------------------------------------ */

typedef struct ent_coder ent_coder;

typedef struct {
	unsigned version;
	int whole_document;       /* code each document as one unit (TABARI
	                             records are one unit each) */
	int keep_flagged;         /* 1 (default): emit negated and hypothetical
	                             events with their flags; 0: drop them */
	int explain;              /* 1: fill ent_event.explain */
} ent_coder_options;

#define ENT_CODER_OPTIONS_VERSION 1
#define ENT_CODER_OPTIONS_INIT {ENT_CODER_OPTIONS_VERSION, 0, 1, 0}

/* One event.  Strings are borrowed from the coder and the dictionaries;
 * valid until the next ent_coder_run or ent_coder_free. */
typedef struct {
	size_t sentence;          /* 0-based unit (sentence) index */
	size_t k;                 /* 0-based index of the event in the unit */
	size_t sentence_start, sentence_end; /* bytes of the original input */
	long source_start, source_end;       /* -1 when none (default actor) */
	long target_start, target_end;
	long trigger_start, trigger_end;
	ent_date date;
	const char *source, *target;         /* target NULL: one-actor code */
	const char *source_text, *target_text;
	const char *source_country, *target_country; /* ISO alpha-3 or NULL */
	const char *code;                    /* "042", "174K" */
	const char *root;                    /* "04"; for a non-CAMEO code its
	                                        first two characters */
	int quad;                            /* 1-4, 0 when unknown */
	double goldstein;
	int has_goldstein;
	const char *plover, *plover_mode;    /* NULL when unknown */
	int negated, hypothetical;
	const char *pattern_file;            /* the dictionary line that fired */
	long pattern_line;
	const char *signal;                  /* protocol evidence: "honorific",
	                                        "host_rank", "reception",
	                                        "delegation",
	                                        "delegation:military"; or NULL */
	const char *deal;                    /* the events of one bargain ("A
	                                        gives X to B in exchange for Y")
	                                        share this id: "doc:sentence" */
	const char *deal_status;             /* "intended", "reported",
	                                        "confirmed"; NULL without deal */
	const char *gives;                   /* in a deal, what the source gives:
	                                        weapons, munitions, troops,
	                                        money, technology, energy, food,
	                                        other */
	const char *explain;                 /* with the explain option: the
	                                        sentence's words, the actors
	                                        placed on them, the pattern as
	                                        compiled and the rules applied,
	                                        on lines "tokens: ...",
	                                        "actors: ...", "pattern: ...",
	                                        "rules: ..."; else NULL */
} ent_event;

/* A coder over `ev` (borrowed), the actor dictionaries `actors` (borrowed;
 * NULL under ENT_COMPAT_TABARI, where actors come from `ev`) and the state
 * table `st` (borrowed, may be NULL).  `o` may be NULL.  The coder starts
 * with the options of `ev`'s options files.  *out is freed with
 * ent_coder_free.  0 or ENT_ENOMEM. */
int ent_coder_new(ent_coder **out, ent_ctx *ctx, ent_evdict *ev,
                  ent_dict *actors, const ent_states *st,
                  const ent_coder_options *o);
void ent_coder_free(ent_coder *c);

/* Replace the coder's TABARI options (copied). */
void ent_coder_set_options(ent_coder *c, const ent_event_options *o);

/* Code every unit of `doc` as of `date` (ENT_DATE_NONE: the document's
 * date).  Replaces the previous results.  Time: O(words x patterns tried)
 * per unit, bounded by the unit limits (docs/dictionaries.md).
 * 0 or ENT_ENOMEM. */
int ent_coder_run(ent_coder *c, ent_doc *doc, ent_date date);

size_t ent_coder_count(const ent_coder *c);
const ent_event *ent_coder_get(const ent_coder *c, size_t i);

/* Why a unit produced no event ("too few words", "discard phrase",
 * "complexity: verbs(5) >= 5", "no events found"...), or NULL when it did
 * or when i is out of range.  Borrowed like the events. */
const char *ent_coder_problem(const ent_coder *c, size_t unit);

/* Units coded in the last run, and events that could not be emitted
 * because their code or an actor was empty or malformed (counted misses;
 * never emitted). */
size_t ent_coder_units(const ent_coder *c);
long ent_coder_misses(const ent_coder *c);

/* ------------------------------------------------------------------------
 * The CAMEO table (data/cameo.tsv)
 * ------------------------------------------------------------------------ */

typedef struct {
	const char *code;         /* "042" */
	const char *name;         /* our short name */
	double goldstein;
	int has_goldstein;        /* 0: the sources give no weight */
	int quad;                 /* 1 verbal coop ... 4 material conflict */
	const char *plover, *plover_mode, *plover_context; /* or NULL */
} ent_cameo;

/* The row for `code`, or NULL when the code is not CAMEO.  Static
 * storage. */
const ent_cameo *ent_cameo_find(const char *code);

/* Is a CAMEO actor code a state or one of its institutions: three letters
 * then only GOV, MIL, LEG, JUD, COP or SPY blocks ("RUS", "RUSGOV"; not
 * "RUSREB", "IGOUNO" counts as three letters only)?  NULL: 0. */
int ent_actor_is_state(const char *code);

#ifdef __cplusplus
}
#endif
#endif
