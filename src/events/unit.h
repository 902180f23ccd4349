/*
 * unit.h - one coding unit (a sentence, or a whole TABARI record): its
 * words with their dictionary matches, the syntactic marks the parser adds
 * (roots, compounds, subordinate clauses, clauses, pronoun references), and
 * the events the coder finds.  Shared by parse.c, coder.c and coder_api.c.
 */
#ifndef ENT_EV_UNIT_H
#define ENT_EV_UNIT_H

#include "events/ev_internal.h"

#define EV_SYM_QUOTE 99

/* An actor found by our recogniser (default mode), placed on words. */
typedef struct {
	const char *code;
	const char *country;
	uint32_t w0, w1;        /* first and last word */
	int32_t rec;            /* ent_actors record */
} ev_ext;

/* The previous unit's first actor and compound, for FORWARD:. */
typedef struct {
	int has_actor, has_compound;
	uint32_t actor_root;
	uint32_t comp_roots[16];
	int ncomp;
	char story[64];
	long seq;
	int valid;
} ev_forward;

struct ev_unit {
	const ent_evdict *d;
	ent_event_options opt;
	int compat;
	ent_date date;           /* for dated actor codes (may be time-shifted) */
	ent_date base_date;
	const char *text;        /* the repaired document text */
	ent_buf *msgbuf;
	/* words: w[0..nw) plus a halt word at w[nw] and forwarded actors
	 * after it */
	ev_word *w;
	size_t nw, w_cap, nwall;
	char *fold;
	size_t fold_len, fold_cap;
	ev_litm *litl;
	size_t nlitl, litl_cap;
	ev_tag *tags;
	size_t ntag, tag_cap;
	uint32_t tag_serial;
	int all_caps;
	int first_cap_seen;
	/* default mode: actors from the recogniser */
	ev_ext *ext;
	size_t next, ext_cap;
	/* parse results */
	int has_clauses;
	int discard;             /* 1 sentence, 2 story */
	int complex;
	int too_short;
	int fwd_actor, fwd_comp; /* forwarded actor/compound word, -1 */
	const char *problem;     /* why no events */
	char probbuf[160];
	/* coder state */
	int *tmp;
	size_t tmp_cap;
	ev_evt *ev;
	size_t nev, ev_cap;
	/* issues found */
	uint32_t *issues;
	size_t nissue, issue_cap;
	int32_t shift_days;      /* <TIME> shift applied */
};

/* parse.c */
int ev_unit_words(ev_unit *u, const char *text, size_t start, size_t end);
int ev_unit_parse(ev_unit *u, const ev_forward *fwd);
void ev_unit_forward_save(const ev_unit *u, ev_forward *fwd);
int ev_tag_add(ev_unit *u, uint32_t *list, uint32_t type, uint32_t idx);
int ev_has_head(const ev_unit *u, size_t i, uint32_t type);
int ev_has_tail(const ev_unit *u, size_t i, uint32_t type);
int ev_head_idx(const ev_unit *u, size_t i, uint32_t type, uint32_t *idx);
int ev_tail_idx(const ev_unit *u, size_t i, uint32_t type, uint32_t idx);
uint32_t ev_get_tail_idx(const ev_unit *u, size_t i, uint32_t type);
int ev_check_head(const ev_unit *u, size_t i, uint32_t type, uint32_t idx);
int ev_get_reference(const ev_unit *u, size_t i);
int ev_word_has_lit(const ev_unit *u, size_t i, uint32_t lit);
int ev_skip_segment(const ev_unit *u, size_t *i, uint32_t type);
/* lexmatch: does root r match starting at word i?  *nmatch: characters. */
int ev_lexmatch(ev_unit *u, const ev_root *r, size_t i, int *nmatch,
                int *matched, int *nmatched);

/* coder.c */
int ev_unit_code(ev_unit *u);

#endif
