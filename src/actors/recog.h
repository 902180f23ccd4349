/*
 * recog.h - the inside of a recogniser (ent_actors), shared by match.c
 * (text to units, dictionary matching) and resolve.c (matches to records:
 * compounds, metonyms, references, context).
 */
#ifndef ENT_RECOG_H
#define ENT_RECOG_H

#include "actors/units.h"
#include "util/arena.h"

typedef struct {
	uint32_t ustart, uend;  /* units [ustart, uend) */
	uint32_t phrase;        /* index in d->phrases */
	uint32_t entry;
} ent_match;

typedef struct {
	size_t ustart, uend;    /* the sentence's units in a->u */
} ent_sent_units;

struct ent_actors {
	ent_ctx *ctx;
	ent_dict *d;
	const ent_states *st;
	ent_doc *doc;
	const char *text;       /* ent_doc_text */
	ent_date date;

	ent_unit *u;            /* units of the whole document */
	size_t nu, ucap;
	ent_sent_units *su;     /* per sentence */
	size_t nsent, sucap;

	ent_match *m;           /* matches of the current sentence */
	size_t nm, mcap;

	ent_actor *rec;
	size_t nrec, reccap;
	ent_place *pl;
	size_t npl, plcap;
	ent_term *tm;
	size_t ntm, tmcap;

	ent_arena arena;        /* record strings; reset per document */

	/* plain words seen recently: full hash and length -> unit id.  News
	   repeats its words (Zipf), so most lookups end here, in cache */
	struct {
		uint64_t h;
		uint32_t id, len;
	} wcache[1024];

	/* trie edges looked up recently: (node, unit) -> child or none; news
	   repeats its phrases too, and the map of edges is large */
	struct {
		uint64_t key;
		uint32_t child, pad;
	} ecache[1024];

	/* (code root, date) -> state and COW code (resolve.c); direct mapped */
	struct {
		uint32_t key;       /* three letters packed, 0 = empty */
		int state, cow;
		ent_date date;
	} rootcache[256];
	char keybuf[512];
};

/* match.c */
int ent_recog_units(ent_actors *a);       /* all sentences of a->doc */
int ent_recog_match(ent_actors *a, size_t sentence);
/* Is the unit sequence `seq` (n ids) present in units [from, to)? */
int ent_recog_has_seq(const ent_actors *a, size_t from, size_t to,
                      const uint32_t *seq, size_t n);

/* resolve.c */
int ent_recog_resolve(ent_actors *a, size_t sentence);
void ent_recog_doc_reset(ent_actors *a);

#endif
