/*
 * entente/world.h - the state universe: every UN member plus Palestine, the
 * Holy See, Taiwan and Kosovo, with ISO alpha-3, Correlates of War and
 * Gleditsch-Ward codes (by date: COW and G&W codes change with history),
 * UN membership, the Security Council regional group and the UN M49 region.
 * Dependent territories roll up to their sovereign.
 *
 * The table is built in (data/states.tsv, data/territories.tsv, each row
 * with its source).  States are addressed by an index 0..count-1, stable
 * for the life of the table.
 */
#ifndef ENTENTE_WORLD_H
#define ENTENTE_WORLD_H

#include "entente/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_states ent_states;

/* Load the built-in state table.  *out is freed with ent_states_free.
 * Returns 0, ENT_EPARSE (a built-in row is malformed: a bug) or ENT_ENOMEM. */
int ent_states_load(ent_states **out, ent_ctx *ctx);

void ent_states_free(ent_states *st);

/* Number of states. */
size_t ent_states_count(const ent_states *st);

/* The state named by `s`: an ISO alpha-3 code (any case), a CAMEO country
 * code that differs from ISO (KSV, TMP), a dependent territory's code (rolls
 * up to the sovereign), or an English name ("North Korea", "russia").
 * Returns the index, or -1. */
int ent_states_lookup(const ent_states *st, const char *s);

/* Up to `max` indices of the states whose names or codes are nearest to
 * `s` (for "did you mean" messages).  Returns how many were stored. */
size_t ent_states_suggest(const ent_states *st, const char *s, int *out,
                          size_t max);

/* Fields of state i.  Strings are owned by the table. */
const char *ent_states_iso3(const ent_states *st, size_t i);
const char *ent_states_name(const ent_states *st, size_t i);
/* COW / Gleditsch-Ward numeric code in force on date d (the latest known
 * code when d is ENT_DATE_NONE), or -1 when the state has none. */
int ent_states_cow(const ent_states *st, size_t i, ent_date d);
int ent_states_gw(const ent_states *st, size_t i, ent_date d);
/* UN regional group for Security Council seats (AFR, APG, EEG, GRULAC,
 * WEOG) or "-"; UN M49 sub-region. */
const char *ent_states_group(const ent_states *st, size_t i);
const char *ent_states_region(const ent_states *st, size_t i);
/* Date of UN admission, or ENT_DATE_NONE for non-members. */
ent_date ent_states_un_since(const ent_states *st, size_t i);
/* The source(s) of the state's row in force on d. */
const char *ent_states_source(const ent_states *st, size_t i, ent_date d);

/* ------------------------------------------------------------------------
 * The world model: treaties, regions, the Security Council, nuclear status
 * ------------------------------------------------------------------------ */

typedef struct ent_world ent_world;

typedef enum {
	ENT_OBL_DEFENCE = 0,
	ENT_OBL_OFFENCE,
	ENT_OBL_NEUTRALITY,
	ENT_OBL_NON_AGGRESSION,
	ENT_OBL_CONSULTATION
} ent_obligation_kind;

typedef enum {
	ENT_STR_IMMEDIATE = 0,
	ENT_STR_AS_DEEMED_NECESSARY,
	ENT_STR_CONSTITUTIONAL_PROCESSES,
	ENT_STR_CONSULT_FIRST
} ent_strength;

typedef enum {
	ENT_COND_ADVERSARY = 0,
	ENT_COND_LOCATION,
	ENT_COND_UNPROVOKED,
	ENT_COND_CONFLICT,
	ENT_COND_NUMBER_OF_ATTACKERS,
	ENT_COND_DEMAND_NONCOMPLIANCE
} ent_condition_kind;

typedef enum { ENT_CRED_LOW = 0, ENT_CRED_MEDIUM, ENT_CRED_HIGH } ent_credibility;

/* Read-only views of the treaty data (owned by the world). */
typedef struct {
	ent_condition_kind kind;
	const char *value;      /* as written */
	const int *states;      /* adversary: the states named */
	size_t nstates;
	int region;             /* location: region index, or -1 */
	int number;             /* number_of_attackers */
} ent_condition;

typedef struct {
	const char *id;
	ent_obligation_kind obligation;
	const int *protectors;  /* NULL: every party */
	size_t nprotectors;
	const int *protected_;  /* NULL: every party */
	size_t nprotected;
	ent_strength strength;
	const ent_condition *conditions;
	size_t nconditions;
	const char *const *exits;
	size_t nexits;
	ent_credibility credibility;
	const char *const *credibility_reasons;
	size_t ncredibility_reasons;
	const char *const *credibility_sources;
	size_t ncredibility_sources;
	const char *summary, *source;
	long line;
} ent_treaty_article;

typedef struct {
	int state;
	ent_date joined, left;  /* left: ENT_DATE_NONE while a party */
	const char *note, *source;
} ent_party;

typedef struct {
	int protector, protected_; /* -1: every party */
	ent_date from, until;
	const char *note, *source;
} ent_suspension;

typedef struct {
	const char *id, *name;
	int commitment;         /* 1: a commitment that is not a treaty */
	ent_date signed_on, in_force, ended;
	const char *ended_note, *source;
	const char *file;       /* where it was read */
	const ent_party *parties;
	size_t nparties;
	const ent_suspension *suspensions;
	size_t nsuspensions;
	const ent_treaty_article *articles;
	size_t narticles;
} ent_treaty;

/* Load the built-in world (data/treaties, data/regions.tsv, data/unsc,
 * data/nuclear.tsv) over the states of `st` (borrowed; must outlive the
 * world).  *out is freed with ent_world_free. */
int ent_world_load(ent_world **out, ent_ctx *ctx, const ent_states *st);
void ent_world_free(ent_world *w);

/* Add treaty files (format in docs/treaties.md).  A treaty whose id is
 * already known replaces it.  Malformed lines are reported as NAME:LINE to
 * the diagnostic callback; a treaty with errors is left out whole.  Returns
 * the number of treaties added, or a negative code. */
int ent_world_add_treaties_text(ent_world *w, const char *name,
                                const char *data, size_t len);
int ent_world_add_treaties_file(ent_world *w, const char *path);

struct ent_ties; /* entente/net.h */

/* Add one tie line per pair of parties bound by a treaty in force (the
 * alliance prior of docs/treaties.md: a defence duty to act immediately
 * +0.35, another defence or offence duty +0.3, neutrality, non-aggression
 * or consultation only +0.1), split
 * around suspensions; pure commitments add nothing.  Each line cites the
 * treaty file and source.  Returns the number of lines added or a
 * negative code (ENT_ENOMEM). */
int ent_world_add_treaty_priors(const ent_world *w, struct ent_ties *ties);

size_t ent_world_treaty_count(const ent_world *w);
const ent_treaty *ent_world_treaty(const ent_world *w, size_t i);
const ent_states *ent_world_states(const ent_world *w);

/* Regions used by location conditions. */
size_t ent_world_region_count(const ent_world *w);
const char *ent_world_region_name(const ent_world *w, size_t i);
int ent_world_region_lookup(const ent_world *w, const char *name);
int ent_world_region_has(const ent_world *w, size_t region, int state);

/* Is the treaty in force on d; is `state` a party on d? */
int ent_treaty_in_force(const ent_treaty *t, ent_date d);
int ent_treaty_party_on(const ent_treaty *t, int state, ent_date d);
/* Does the article make `protector` protect `protected_` (both parties,
 * protector != protected_)? */
int ent_article_protects(const ent_treaty_article *a, int protector, int protected_);
/* Is the duty of protector to protected_ suspended on d? */
int ent_treaty_suspended(const ent_treaty *t, int protector, int protected_,
                         ent_date d);

/* Names of the enums ("defence", "constitutional_processes", "location",
 * "high"). */
const char *ent_obligation_name(ent_obligation_kind k);
const char *ent_strength_name(ent_strength s);
const char *ent_condition_name(ent_condition_kind k);
const char *ent_credibility_name(ent_credibility c);

/* ------------------------------------------------------------------------
 * War-coalition scenarios: if A attacks B, who is obliged, who is likely
 * ------------------------------------------------------------------------ */

typedef struct {
	unsigned version;
	int attacker, target;   /* states */
	ent_date date;
	int provoked;           /* -1 unknown (default), 0 unprovoked, 1 provoked */
	int location_state;     /* where the attack falls; -1: the target */
	int location_region;    /* or a region; -1: none */
	double likely_tie;      /* a state is likely to join a side when its tie
	                           to that side's member is at least this (0.5)
	                           and it is hostile (<= -0.3) to the other side's
	                           leader, or its tie is at least 0.8 and it has
	                           no friendly tie to that leader */
	int max_rounds;         /* fixed-point rounds (default 4) */
} ent_scenario_options;

#define ENT_SCENARIO_OPTIONS_VERSION 1
#define ENT_SCENARIO_OPTIONS_INIT \
	{ENT_SCENARIO_OPTIONS_VERSION, -1, -1, ENT_DATE_NONE, -1, -1, -1, 0.5, 4}

typedef enum { ENT_SIDE_ATTACKER = 0, ENT_SIDE_TARGET = 1 } ent_side;
typedef enum { ENT_BIND_NO = 0, ENT_BIND_CONDITIONAL = 1, ENT_BIND_YES = 2 } ent_binding;
typedef enum { ENT_COND_UNMET = 0, ENT_COND_UNKNOWN = 1, ENT_COND_MET = 2 } ent_cond_status;

typedef struct {
	const char *name;       /* "location", "adversary", ... or
	                           "attacked_by_target" for a counter-attack */
	ent_cond_status status;
	char detail[160];
} ent_scenario_condition;

typedef struct {
	int state;              /* the obliged state */
	ent_side side;
	int protects;           /* the coalition member it would defend */
	int against;            /* the state attacking that member */
	const ent_treaty *treaty;
	const ent_treaty_article *article;
	ent_binding binding;
	ent_scenario_condition conditions[8];
	size_t nconditions;
	const char *why_not;    /* static text when binding is "no" for a
	                           reason that is not a condition */
	int round;
} ent_obliged;

typedef struct {
	int state;
	ent_side side;
	int via;                /* the member it is close to */
	double tie;             /* its tie to `via` */
	double tie_other;       /* its tie to the other side's leader */
	int round;
} ent_likely;

typedef struct {
	int state;
	ent_side side;
	int round;
	int conditional;        /* joins only if the other side attacks it or a
	                           condition turns out to hold; its own allies are
	                           not followed further */
	char reason[256];       /* the chain: why it is on this side */
} ent_coalition_member;

typedef struct {
	ent_obliged *obliged;
	size_t nobliged;
	ent_likely *likely;
	size_t nlikely;
	ent_coalition_member *members;
	size_t nmembers;
} ent_scenario;

/* Run a scenario: every applicable defence (and offence) article for the
 * target's side and for the attacker's (whose allies are bound only if the
 * target strikes back), each condition met, unmet or unknown; the states
 * likely to join either side from the alignment network `ties` (may be
 * NULL); then the same reasoning for the joiners, to a fixed point.
 * Time: O(rounds * members * (treaty articles * parties + states)).
 * *out is freed with ent_scenario_free. */
int ent_scenario_run(ent_scenario **out, const ent_world *w,
                     const struct ent_ties *ties, const ent_scenario_options *o);
void ent_scenario_free(ent_scenario *s);

/* ------------------------------------------------------------------------
 * UN Security Council votes
 * ------------------------------------------------------------------------ */

typedef enum { ENT_VOTE_YES = 0, ENT_VOTE_NO, ENT_VOTE_ABSTAIN } ent_vote;
typedef enum { ENT_OUTCOME_ADOPTED = 0, ENT_OUTCOME_VETOED, ENT_OUTCOME_FAILED } ent_outcome;

typedef struct {
	int state;
	int permanent;
	ent_vote vote;
	double score;           /* alignment with the sponsors minus with the target */
	char reason[384];
} ent_unsc_vote;

typedef struct {
	int year;
	size_t nmembers;
	ent_unsc_vote members[15];
	int sponsors[15];
	size_t nsponsors;
	ent_outcome outcome;
	int yes, no, abstain;
	int vetoes[5];
	size_t nvetoes;
	/* the past drafts and resolutions cited as evidence (indexes) */
	size_t nevidence;
	struct {
		int veto;           /* 1: a vetoed draft, 0: an adopted resolution */
		ent_date date;
		const char *symbol, *subject, *topic, *source;
		int by[5];          /* vetoed by / voted against */
		size_t nby;
	} evidence[16];
} ent_unsc_result;

/* Predict a draft resolution on `target` (topic such as "sanctions", or
 * NULL for any) on date d: the fifteen members that year, each member's
 * vote from its alignment with the target and the sponsors (ties on d) and
 * its record (drafts it vetoed, resolutions it opposed or abstained on),
 * the outcome by the Charter's rule (art. 27: nine votes and no permanent
 * member against).  Sponsors: given, or the members most hostile to the
 * target.  ENT_ENOTFOUND when no membership is known for that year. */
int ent_unsc_predict(ent_unsc_result *out, const ent_world *w,
                     const struct ent_ties *ties, int target, const char *topic,
                     ent_date d, const int *sponsors, size_t nsponsors);

/* ------------------------------------------------------------------------
 * Proliferation cascade ("nuclear domino")
 * ------------------------------------------------------------------------ */

typedef struct {
	unsigned version;
	int trigger;            /* the state that goes nuclear */
	ent_date date;
	int runs;               /* 0: deterministic; else Monte Carlo runs */
	unsigned seed;
	double established;     /* weight of pressure from long-armed states (0.25) */
	double guarantee;       /* threshold added per unit of tie to a guarantor (0.3) */
	double min_latent;      /* capability needed to cross at all (0.25) */
	double noise;           /* Monte Carlo: thresholds x U(1-noise, 1+noise) (0.4) */
} ent_cascade_options;

#define ENT_CASCADE_OPTIONS_VERSION 1
#define ENT_CASCADE_OPTIONS_INIT \
	{ENT_CASCADE_OPTIONS_VERSION, -1, ENT_DATE_NONE, 0, 1, 0.25, 0.3, 0.25, 0.4}

typedef struct {
	int state;
	int round;              /* 0: the trigger */
	double pressure, threshold;
	int crossed;
	int top_from[3];        /* the states whose pressure weighed most */
	double top_amount[3];
	size_t ntop;
	double probability;     /* Monte Carlo: share of runs it crossed */
	double latent;
	int guarantor;
} ent_cascade_state;

typedef struct {
	ent_cascade_state *states;  /* every state the model follows */
	size_t nstates;
	int runs;
} ent_cascade;

/* Run the threshold model of docs/treaties.md on the alignment network.
 * *out is freed with ent_cascade_free. */
int ent_cascade_run(ent_cascade **out, const ent_world *w,
                    const struct ent_ties *ties, const ent_cascade_options *o);
void ent_cascade_free(ent_cascade *c);

#ifdef __cplusplus
}
#endif
#endif
