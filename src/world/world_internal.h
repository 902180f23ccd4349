/*
 * world_internal.h - the world model's storage (treaties, regions, Security
 * Council seats and votes, nuclear status), shared by the files of
 * src/world.  Not public API.
 */
#ifndef ENT_WORLD_INTERNAL_H
#define ENT_WORLD_INTERNAL_H

#include "entente/world.h"
#include "util/arena.h"

typedef struct {
	char *name;
	int *states;
	size_t nstates;
	char *description, *source;
} ent_region;

typedef struct {
	int year, state, permanent;
	const char *group, *source;
} ent_unsc_seat;

typedef struct {
	ent_date date;
	const char *draft, *subject, *topic, *source;
	int *targets;
	size_t ntargets;
	int *by;          /* vetoed_by (vetoes) */
	size_t nby;
	int yes, no, abstain;
	int *abstained, *against; /* votes */
	size_t nabstained, nagainst;
} ent_unsc_record;

typedef struct {
	int state;
	int status;       /* 0 none, 1 latent, 2 armed (non-NPT), 3 NPT nws */
	ent_date since;
	double latent, threshold;
	int guarantor;    /* -1 none */
	const char *note, *source;
} ent_nuclear_row;

struct ent_world {
	ent_ctx *ctx;
	const ent_states *st;
	ent_arena mem;            /* every string and array below */
	ent_treaty *treaties;
	size_t ntreaties, treatycap;
	ent_region *regions;
	size_t nregions;
	ent_unsc_seat *seats;
	size_t nseats;
	ent_unsc_record *vetoes, *votes;
	size_t nvetoes, nvotes;
	ent_nuclear_row *nuclear;
	size_t nnuclear;
	int user_treaties;        /* a --treaties file was added */
};

/* Parse a comma list of states into an arena array; 0, or 1 with the bad
 * item in *bad (static copy) when a name is unknown, or ENT_ENOMEM. */
int ent_world_state_list(ent_world *w, const char *s, size_t n, int **out,
                         size_t *count, char *bad, size_t badlen);

/* Load the tables (regions, UNSC, nuclear) from the built-in files. */
int ent_world_load_tables(ent_world *w);

#endif
