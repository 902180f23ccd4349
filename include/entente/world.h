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

#ifdef __cplusplus
}
#endif
#endif
