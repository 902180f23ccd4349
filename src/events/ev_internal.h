/*
 * ev_internal.h - the inside of the event engine: the lexicon that verb,
 * option, time, attribution, synset, issue and discard files compile into
 * (and, under --compat tabari, actor and agent files too), the per-unit
 * word array the parser builds, and the coder's working state.
 *
 * The matching model is TABARI's, re-implemented from its documented
 * behaviour and the validation suite (docs/dictionaries.md, "Verb
 * patterns"):
 *   - A dictionary phrase is a list of literals, each followed by a
 *     connector.  A literal matches a word of the text when it is a prefix
 *     of it ("exact" when it is the whole word); the connector says whether
 *     a partial match is allowed and whether other words may come before
 *     the next element.
 *   - Roots (actors, agents, verbs, nouns, ...) are found by trying, at each
 *     word, every root that begins with one of the word's literals; the root
 *     matching the most characters wins.
 *   - Verb patterns are matched outwards from the verb: the part after `*`
 *     forwards, then the part before it backwards.
 * Connector bits keep TABARI's layout because two matchers read them
 * differently (see lexmatch() in parse.c and patmatch() in coder.c).
 */
#ifndef ENT_EV_INTERNAL_H
#define ENT_EV_INTERNAL_H

#include "entente/events.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/ctx.h"
#include "util/hash.h"

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Phrase elements
 * ------------------------------------------------------------------------ */

/* Literal ids below EV_SYM_LIMIT are pattern symbols. */
enum {
	EV_LIT_END = 0,
	EV_SYM_COMMA = 1,
	EV_SYM_NUMBER = 2,
	EV_SYM_VERB = 3,     /* * */
	EV_SYM_SOURCE = 4,   /* $ */
	EV_SYM_TARGET = 5,   /* + */
	EV_SYM_ATTRIB = 6,   /* @ */
	EV_SYM_COMPOUND = 7, /* % */
	EV_SYM_SKIP = 8,     /* ^ */
	EV_SYM_OPEN = 9,     /* { */
	EV_SYM_OR = 10,      /* | */
	EV_SYM_CLOSE = 11,   /* } */
	EV_SYM_LIMIT = 16
};

/* Connectors (after each element). */
#define EV_C_SKIP 0x0400u    /* pattern: words may come before the next
                                element; root: a partial match needs no
                                regular ending */
#define EV_C_PART 0x4000u    /* pattern: a partial match is enough; root:
                                words may come before the next element */
#define EV_C_EQUAL 0x0010u   /* no endings at all (`=`) */
#define EV_C_SYN 0x0002u     /* the element is a synset (lit = root id) */
#define EV_C_FULLNEXT 0u                          /* `_` */
#define EV_C_PARTNEXT EV_C_PART                   /* `~` */
#define EV_C_FULLSKIP EV_C_SKIP                   /* `_ ` */
#define EV_C_PARTSKIP (EV_C_SKIP | EV_C_PART)     /* ` ` and the end */

typedef struct {
	uint32_t lit;  /* literal id, symbol, or synset root id (EV_C_SYN) */
	uint32_t conn;
} ev_el;

/* ------------------------------------------------------------------------
 * Word types (TABARI's order) and tags
 * ------------------------------------------------------------------------ */

enum {
	EV_W_NULL = 0, EV_W_ACTOR, EV_W_AGENT, EV_W_VERB, EV_W_TIME,
	EV_W_ATTRIB, EV_W_DETERM, EV_W_NOUN, EV_W_ADJ, EV_W_AUXIL, EV_W_BY,
	EV_W_COMMA, EV_W_PRONOUN, EV_W_CONJ, EV_W_PREP, EV_W_PLURAL,
	EV_W_NUMBER, EV_W_ISSUE, EV_W_SYNSET,
	/* segment tags */
	EV_T_CLAUSE, EV_T_COMPOUND, EV_T_REFERENCE, EV_T_SUBORD, EV_T_REPLACE,
	EV_T_NULLTAG, EV_W_HALT,
	/* our additions (default mode) */
	EV_W_NEG, EV_W_MODAL, EV_W_SAY, EV_W_REL,
	EV_W_DISCARD          /* discard phrases (matched in their own pass) */
};
#define EV_T_REFER 0x8000u  /* tag type | word index: a pronoun reference */

/* Function words the parser needs to recognise (root->special). */
enum {
	EV_F_NONE = 0, EV_F_AND, EV_F_NOR, EV_F_BUT, EV_F_OR,
	EV_F_HE, EV_F_THEY, EV_F_FORMER, EV_F_THE, EV_F_DEFAULT_ACTOR
};

/* ------------------------------------------------------------------------
 * Codes
 * ------------------------------------------------------------------------ */

/* Interned strings; these ids are fixed. */
enum {
	EV_S_NONE = 0, EV_S_NULL = 1 /* --- */, EV_S_COMPLEX = 2 /* +++ */,
	EV_S_DISCARD = 3 /* ### */, EV_S_BLANK = 4 /* *** */, EV_S_ELITE = 5,
	EV_S_FIRST_FREE = 6
};

typedef struct {
	uint32_t code, pair;        /* string ids; pair 0 when none */
	uint8_t sub, dom, psub, pdom; /* `?` subordinate, `!` dominant */
} ev_ecode;

/* An actor code: alternatives tried in order; the first whose date
 * condition holds gives the parts (a coded compound has several). */
typedef struct {
	uint32_t actor, agent;      /* string ids; agent 0 when none */
} ev_apart;

enum { EV_D_DEFAULT = 0, EV_D_BEFORE, EV_D_AFTER, EV_D_RANGE };

typedef struct {
	uint8_t kind;
	ent_date d1, d2;
	uint32_t part0, nparts;
} ev_aalt;

typedef struct {
	uint32_t alt0, nalts;
} ev_acode;

/* Time-shift codes: days, or a special string id. */
typedef struct {
	int32_t days;
	uint32_t special;           /* EV_S_NULL/COMPLEX/DISCARD or 0 */
} ev_tcode;

/* ------------------------------------------------------------------------
 * Roots and patterns
 * ------------------------------------------------------------------------ */

typedef struct {
	uint32_t phrase;     /* offset of the element list (ends with lit 0) */
	uint8_t type;        /* EV_W_* */
	uint8_t special;     /* EV_F_* */
	uint8_t dead;        /* replaced by a later definition */
	uint32_t code;       /* actors: acode+1; agents: string id; verbs,
	                        attributions: ecode+1; time: tcode+1; issues:
	                        string id */
	uint32_t pat;        /* first pattern + 1 (verbs, time, attrib, synset) */
	uint32_t main;       /* verb form: main verb root + 1 */
	uint32_t parent;     /* actor synonym: its primary root + 1 */
	uint32_t next;       /* next root beginning with the same literal + 1 */
	uint32_t file;       /* file name string id */
	int32_t line;
	int32_t issue;       /* issue category, -1 */
	int32_t value;       /* numeric issue value */
	uint32_t always;     /* indexed roots: the patterns that need no
	                        particular word (offset + 1 in d->plists) */
	uint8_t indexed;     /* patterns found through d->pat_index */
	uint32_t npat;       /* patterns (index.c) */
	int32_t last_len;    /* length of the last (shortest) one */
	uint32_t ktab, kmask;/* indexed: its key table d->ktabs[ktab ..
	                        ktab + kmask] of (literal, list offset) */
	uint32_t byrank;     /* indexed: pattern ids in order, d->rankids */
	uint8_t may_discard; /* its code is, or on some date may be, ### */
} ev_root;

typedef struct {
	uint32_t phrase;
	uint32_t code;       /* ecode + 1; time patterns: tcode + 1; 0 none */
	int32_t length, maxalt;
	uint32_t next;       /* + 1 */
	uint32_t file;
	int32_t line;
	uint32_t req0, nreq; /* literals the pattern cannot match without
	                        (outside alternatives): d->reqs[req0 ..] */
	uint32_t rank;       /* position in its root's list (index.c) */
} ev_pat;

typedef struct {
	uint32_t str;        /* string id of the literal (folded) */
	uint32_t len;
	uint32_t first, last;/* roots beginning with it (+1) */
	uint32_t xfirst, xlast;/* issue and discard phrases beginning with it */
	uint8_t iskey;       /* files patterns of some verb (index.c) */
} ev_lit;

/* Issue categories. */
typedef struct {
	uint32_t name;       /* string id */
	uint32_t dflt;       /* default code string id or 0 */
	uint8_t all, numeric;
} ev_issuecat;

/* ------------------------------------------------------------------------
 * The dictionary set
 * ------------------------------------------------------------------------ */

struct ent_evdict {
	ent_ctx *ctx;
	ent_evdict_options opts;
	/* strings */
	ent_buf strs;              /* NUL-separated */
	uint32_t *str_off;
	size_t nstr, str_cap;
	ent_map64 str_map;         /* hash -> id */
	/* literals */
	ev_lit *lits;
	size_t nlit, lit_cap;
	ent_map64 prefix_map;      /* prefix hash -> (lit id | EV_PFX_LONGER) */
	/* elements */
	ev_el *els;
	size_t nel, el_cap;
	/* roots, patterns, codes */
	ev_root *roots;
	size_t nroot, root_cap;
	ev_pat *pats;
	size_t npat, pat_cap;
	uint32_t *reqs;
	size_t nreq, req_cap;
	ev_ecode *ecodes;
	size_t necode, ecode_cap;
	ev_acode *acodes;
	size_t nacode, acode_cap;
	ev_aalt *aalts;
	size_t naalt, aalt_cap;
	ev_apart *aparts;
	size_t napart, apart_cap;
	ev_tcode *tcodes;
	size_t ntcode, tcode_cap;
	ev_issuecat *issuecats;
	size_t nissuecat, issuecat_cap;
	ent_map64 phrase_map;      /* phrase text hash -> root + 1 */
	/* for verbs with many patterns: key literal -> pattern list, one small
	 * open-addressing table per verb (index.c) */
	uint32_t *ktabs;           /* pairs (literal, list offset + 1) */
	size_t nktab, ktab_cap;
	uint32_t *plists;          /* [count, pattern ranks...] lists */
	size_t nplist, plist_cap;
	uint32_t *rankids;         /* per indexed root: pattern id by rank */
	size_t nrankid, rankid_cap;
	uint32_t max_npat;
	int indexed;
	ent_map64 syn_map;         /* synset name -> root + 1 */
	ent_map64 label_map;       /* code -> label string id */
	/* discards (phrase matchers over the raw text) */
	uint32_t *discards;        /* string ids; high bit: story discard */
	size_t ndiscard, discard_cap;
	ent_event_options options; /* from options files */
	int has_time, has_attrib, has_issues, has_actors;
	int has_aux;               /* discard or issue phrases were loaded */
	long errors, warnings;
	int loading_user;          /* user files take precedence */
};

#define EV_PFX_LONGER 0x80000000u

/* Lexicon building (lexicon.c). */
int ev_str_intern(ent_evdict *d, const char *s, size_t n, uint32_t *out);
/* The id of an interned string: 0 or ENT_ENOTFOUND. */
int ev_str_find(const ent_evdict *d, const char *s, uint32_t *out);
const char *ev_str(const ent_evdict *d, uint32_t id);
int ev_lit_intern(ent_evdict *d, const char *s, size_t n, uint32_t *out);
/* Compile a phrase (already folded, TABARI syntax: `_`, `~`, `=`, spaces,
 * symbols, &synsets) into elements; *out is the offset.  Returns 0, ENT_ENOMEM,
 * or ENT_EPARSE with a reason in *why (static text). */
int ev_phrase_compile(ent_evdict *d, const char *s, size_t n, int is_pattern,
                      uint32_t *out, const char **why);
int ev_root_add(ent_evdict *d, uint32_t phrase, int type, uint32_t *out);
int ev_pat_add(ent_evdict *d, uint32_t root, uint32_t phrase, uint32_t code,
               int32_t length, int32_t maxalt, uint32_t file, int32_t line);
/* Length of a pattern as TABARI orders them: letters, digits, `_` and `'`
 * outside alternatives, plus the longest alternative of each `{...}`. */
void ev_pattern_length(const char *s, size_t n, int32_t *len, int32_t *alt);
/* The text of a phrase's key, for duplicate detection. */
uint64_t ev_phrase_key(const ent_evdict *d, uint32_t phrase);
/* Lower-case fold of one dictionary token (ASCII fast path). */
size_t ev_fold(char *dst, size_t cap, const char *s, size_t n);

/* Codes (codes.c). */
int ev_ecode_parse(ent_evdict *d, const char *s, size_t n, uint32_t *out,
                   const char **why);
int ev_acode_parse(ent_evdict *d, const char *s, size_t n, uint32_t *out,
                   const char **why);
int ev_tcode_parse(ent_evdict *d, const char *s, size_t n, uint32_t *out,
                   const char **why);
/* Resolve an actor code on a date: the parts (a pointer into d->aparts and
 * a count; count 0 when no alternative applies). */
const ev_apart *ev_acode_resolve(const ent_evdict *d, uint32_t acode1,
                                 ent_date date, size_t *count);

static inline uint32_t ev_key_slot(uint32_t lit, uint32_t mask)
{
	return (lit * 2654435761u >> 7) & mask;
}

/* The pattern list of an indexed root filed under `lit` (offset + 1 into
 * d->plists), or 0. */
static inline uint32_t ev_key_find(const uint32_t *t, uint32_t mask,
                                   uint32_t lit)
{
	uint32_t h = ev_key_slot(lit, mask);
	while (t[2 * h]) {
		if (t[2 * h] == lit)
			return t[2 * h + 1];
		h = (h + 1) & mask;
	}
	return 0;
}

/* Build the pattern index (index.c): called once before coding. */
int ev_index_build(ent_evdict *d);
#define EV_INDEX_MIN 8     /* roots with fewer patterns are scanned */

/* Readers (readverbs.c, readp2.c, options.c). */
int ev_read_tabari(ent_evdict *d, const char *name, const char *data,
                   size_t len, ent_dict_kind kind, ent_dict_load_stats *st);
int ev_read_p2(ent_evdict *d, const char *name, const char *data, size_t len,
               ent_dict_load_stats *st);
int ev_read_options(ent_evdict *d, const char *name, const char *data,
                    size_t len, ent_dict_load_stats *st);

/* ------------------------------------------------------------------------
 * Per-unit parse (parse.c) and coder (coder.c)
 * ------------------------------------------------------------------------ */

typedef struct {
	uint32_t start, end;   /* byte span in the repaired document text */
	uint32_t fold, flen;   /* folded text in the coder's word buffer */
	uint32_t lit0, nlit;   /* literal matches: c->litl[lit0 .. +nlit) */
	uint8_t caps;          /* 1 first capitalised word, 2 later ones */
	uint8_t wtype;
	uint8_t sym;           /* EV_SYM_COMMA / EV_SYM_NUMBER / quote (99) */
	uint8_t compound;      /* part of a compound actor phrase */
	uint32_t root;         /* root + 1 at the head of a root */
	uint32_t head, tail;   /* tag lists (index + 1 into c->tags) */
	uint32_t hmask, tmask; /* tag types ever on them (ev_tag_bit) */
	int32_t ext;           /* default mode: external actor record, -1 */
	uint8_t ext_head, ext_tail;
	uint8_t nominal;       /* default mode: a trigger after a possessive
	                          actor, coded by ours.c, not as a verb */
	uint32_t ocls;         /* ours.c: the word classes it belongs to */
	uint8_t oval;          /* ours.c: its index in a value list */
	int32_t ctar;          /* default mode, at a clause head: the target
	                          when the clause names none ("..., prompting
	                          Netanyahu to denounce" the prompter), -1 */
	int32_t csrc;          /* default mode, at a clause head: the word of
	                          the clause's source (a relative clause's
	                          antecedent), -1 */
} ev_word;

typedef struct {
	uint32_t type, idx, next;
} ev_tag;

typedef struct {
	uint32_t lit;          /* literal id */
	uint32_t exact;        /* 1 the whole word */
} ev_litm;

/* An actor as the coder handles it. */
typedef struct {
	const char *actor;     /* NULL: none */
	const char *agent;
	const ev_apart *parts; /* coded compound: all parts (nparts > 1) */
	uint32_t nparts;
	int32_t root;          /* root + 1 (actor root or -1 default actor) */
	int32_t agtroot;
	int32_t where;         /* word index; EV_WHERE_DEFAULT */
	int32_t at;            /* the word it was found at (a pronoun) */
	int32_t ext;           /* default mode: external record, -1 */
} ev_actor;

#define EV_WHERE_DEFAULT 0x7fffffff

typedef struct {
	ev_actor src, tar;
	uint32_t code;         /* string id of the event code */
	uint8_t sub, dom, isevt;
	int32_t verb;          /* word index of the verb (trigger) */
	uint32_t root;         /* verb root + 1 */
	const ev_pat *pat;     /* NULL: the verb's own code */
	const ev_root *proot;  /* root whose default code fired */
	uint8_t negated, hypothetical;
	uint8_t how;           /* EV_HOW_*: the rules of ours.c applied */
	uint8_t signal;        /* EV_SIG_*: protocol evidence (ours.c) */
	uint8_t deal;          /* 1 + deal status (EV_DEAL_*), 0 none */
	const char *gives;     /* in a deal: what the source gives, or NULL */
	int32_t next;
} ev_evt;

enum {
	EV_SIG_NONE = 0, EV_SIG_HONORIFIC, EV_SIG_HOST_RANK, EV_SIG_RECEPTION,
	EV_SIG_DELEGATION, EV_SIG_DELEGATION_MILITARY
};
enum { EV_DEAL_INTENDED = 0, EV_DEAL_REPORTED, EV_DEAL_CONFIRMED };

enum {
	EV_HOW_PASSIVE = 1, EV_HOW_NOMINAL = 2, EV_HOW_SYMMETRIC = 4,
	EV_HOW_LOCATED = 8, EV_HOW_OWN_FORCES = 16, EV_HOW_CLAUSE_SUBJECT = 32,
	EV_HOW_COORDINATED = 64
};

/* The text of a compiled phrase (a pattern as the engine reads it) into
 * out[0..cap); returns the length it needs. */
size_t ev_phrase_text(const ent_evdict *d, uint32_t phrase, char *out,
                      size_t cap);

typedef struct ev_unit ev_unit;

#endif
