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
	int context;            /* "the troops": the state the text is about */
	int place;              /* a place standing for its country */
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

/* The word -> literals cache. */
#define EV_WC_SIZE 8192
#define EV_WC_LITS 4
typedef struct {
	uint64_t key;
	uint32_t len, nlit;
	uint32_t lits[EV_WC_LITS];
	uint8_t exact[EV_WC_LITS];
} ev_wcache;

/* A relative clause ", who ... ," after an actor (ours.c). */
#define EV_MAX_REL 16
typedef struct {
	uint32_t open, close;   /* the two commas (close == nw: none) */
	int32_t ante;           /* head word of the antecedent actor */
} ev_rel;

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
	ev_rel rel[EV_MAX_REL];
	size_t nrel;
	uint32_t prompt[EV_MAX_REL];  /* ", prompting X to ..." commas */
	size_t nprompt;
	uint32_t part[EV_MAX_REL];    /* ", accusing X of ..." commas */
	size_t npart;
	int classified;          /* ours.c has put word classes on the words */
	size_t opener_end;       /* ours.c: the comma ending an opening phrase
	                            ("On a visit to Kyiv, ..."), 0 none */
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
	/* which literals the unit has: lit_stamp[lit] == stamp */
	uint32_t *lit_stamp;
	size_t lit_stamp_cap;
	uint32_t stamp;
	ev_wcache *wcache;       /* EV_WC_SIZE entries, or NULL */
	uint32_t *ulits;         /* the distinct literals of the unit */
	size_t nulit, ulit_cap;
	uint32_t *cand;          /* candidate patterns of a verb */
	size_t cand_cap;
	uint64_t *candbits;      /* their ranks, as a bitmap */
	size_t candbits_cap;
};

/* parse.c */
int ev_unit_words(ev_unit *u, const char *text, size_t start, size_t end);
int ev_unit_parse(ev_unit *u, const ev_forward *fwd);
void ev_unit_forward_save(const ev_unit *u, ev_forward *fwd);
/* Add a tag to word's head (tail 0) or tail list. */
int ev_tag_add(ev_unit *u, size_t word, int tail, uint32_t type, uint32_t idx);
uint32_t ev_get_tail_idx(const ev_unit *u, size_t i, uint32_t type);
int ev_check_head(const ev_unit *u, size_t i, uint32_t type, uint32_t idx);
int ev_get_reference(const ev_unit *u, size_t i);
int ev_word_has_lit(const ev_unit *u, size_t i, uint32_t lit);

/* Tags: a word's head and tail lists, with a mask of the types they have
 * ever held (a superset) so most questions are answered without walking
 * the list. */
static inline uint32_t ev_tag_bit(uint32_t type)
{
	return (type & EV_T_REFER) ? 0x80000000u : 1u << (type & 31);
}

static inline int ev_list_has(const ev_unit *u, uint32_t l, uint32_t type)
{
	while (l) {
		if (u->tags[l - 1].type == type)
			return 1;
		l = u->tags[l - 1].next;
	}
	return 0;
}

static inline int ev_has_head(const ev_unit *u, size_t i, uint32_t type)
{
	return (u->w[i].hmask & ev_tag_bit(type)) && ev_list_has(u, u->w[i].head, type);
}

static inline int ev_has_tail(const ev_unit *u, size_t i, uint32_t type)
{
	return (u->w[i].tmask & ev_tag_bit(type)) && ev_list_has(u, u->w[i].tail, type);
}

static inline int ev_head_idx(const ev_unit *u, size_t i, uint32_t type,
                              uint32_t *idx)
{
	uint32_t l = (u->w[i].hmask & ev_tag_bit(type)) ? u->w[i].head : 0;
	while (l) {
		if (u->tags[l - 1].type == type) {
			*idx = u->tags[l - 1].idx;
			return 1;
		}
		l = u->tags[l - 1].next;
	}
	*idx = 0;
	return 0;
}

static inline int ev_tail_idx(const ev_unit *u, size_t i, uint32_t type,
                              uint32_t idx)
{
	uint32_t l = (u->w[i].tmask & ev_tag_bit(type)) ? u->w[i].tail : 0;
	while (l) {
		if (u->tags[l - 1].type == type && u->tags[l - 1].idx == idx)
			return 1;
		l = u->tags[l - 1].next;
	}
	return 0;
}

/* If word *i heads a segment of `type`, move *i past its end. */
static inline int ev_skip_segment(const ev_unit *u, size_t *i, uint32_t type)
{
	uint32_t idx;
	if (*i >= u->nw || !ev_head_idx(u, *i, type, &idx))
		return 0;
	while (*i < u->nw && !ev_tail_idx(u, *i, type, idx))
		(*i)++;
	(*i)++;
	return 1;
}
/* lexmatch: does root r match starting at word i?  *nmatch: characters. */
int ev_lexmatch(ev_unit *u, const ev_root *r, size_t i, int *nmatch,
                int *matched, int *nmatched);

/* coder.c */
int ev_unit_code(ev_unit *u);
uint32_t ev_nominal_code(ev_unit *u, int index);

/* ours.c: entente's additions (default mode) and the flags (both) */
int ev_ours_relative(ev_unit *u);
int ev_ours_clauses(ev_unit *u);
void ev_ours_date(ev_unit *u);
int ev_ours_events(ev_unit *u);
int ev_ours_signals(ev_unit *u);
void ev_unit_flags(ev_unit *u);

#endif
