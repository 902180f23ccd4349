/*
 * dict_internal.h - the inside of an ent_dict, shared by the readers
 * (readdict.c, readtab.c), the store and matcher tables (dict.c), the text
 * side (units.c) and the recogniser (match.c, resolve.c).
 *
 * Data model.  Every phrase is a sequence of *units*: folded words split at
 * hyphens, normalised by ent_ukey() (dotted abbreviations lose their dots,
 * Latin letters their diacritics, Cyrillic words their case endings).  Units are
 * interned to 32-bit ids.  Phrases hang off the nodes of a trie whose edges
 * live in one hash map keyed by (node, unit).  A phrase points to its entry:
 * an actor entry (codes by date), an agent (a role code), a place, a
 * glossary rendering, or a built-in reference phrase ("the two countries").
 */
#ifndef ENT_DICT_INTERNAL_H
#define ENT_DICT_INTERNAL_H

#include "entente/actors.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/linereader.h"

#include <stdint.h>
#include <string.h>

#define ENT_UNIT_NONE UINT32_MAX

/* ---- interned strings ---------------------------------------------------- */

typedef struct {
	ent_buf pool;          /* the bytes, each string NUL-terminated */
	uint32_t *off;         /* id -> offset in pool */
	uint32_t *len;
	uint64_t *hash;
	size_t count, cap;
	uint64_t *index;       /* open addressing: (hash >> 32) << 32 | (id + 1),
	                          0 empty: a probe touches one slot */
	size_t index_cap;
	uint64_t *bloom;       /* two bits per string, 16 bits per slot of the
	                          index: most words that are in no dictionary
	                          stop here, in cache (ent_strtab_bloom) */
	size_t bloom_bits;     /* a power of two, or 0 (no filter) */
} ent_strtab;

/* (Re)build the filter of t from its hashes.  0 or ENT_ENOMEM. */
int ent_strtab_bloom(ent_strtab *t);

/* The hash of interned strings: FNV-1a over the bytes, then a final mix,
 * so a scanner can compute it while it reads a word. */
#define ENT_STRHASH_INIT 0xcbf29ce484222325ULL
static inline uint64_t ent_strhash_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;
}
static inline uint64_t ent_strhash_final(uint64_t h)
{
	return ent_hash_mix(h);
}
static inline uint64_t ent_strhash(const char *s, size_t n)
{
	uint64_t h = ENT_STRHASH_INIT;
	size_t i;
	for (i = 0; i < n; i++)
		h = ent_strhash_step(h, (unsigned char)s[i]);
	return ent_strhash_final(h);
}

void ent_strtab_init(ent_strtab *t);
void ent_strtab_free(ent_strtab *t);
/* The id of s[0..n), adding it; ENT_UNIT_NONE when out of memory. */
uint32_t ent_strtab_intern(ent_strtab *t, const char *s, size_t n);
/* The id of s[0..n) or ENT_UNIT_NONE. */
uint32_t ent_strtab_find(const ent_strtab *t, const char *s, size_t n);
static inline uint32_t ent_strtab_find_h(const ent_strtab *t, const char *s,
                                         size_t n, uint64_t h)
{
	size_t i, mask;
	uint64_t tag = h & 0xffffffff00000000ULL;
	if (!t->index_cap)
		return ENT_UNIT_NONE;
	if (t->bloom_bits) {
		size_t m = t->bloom_bits - 1, b1 = (size_t)(h >> 20) & m, b2 = (size_t)(h >> 42) & m;
		if (!((t->bloom[b1 >> 6] >> (b1 & 63)) & 1) || !((t->bloom[b2 >> 6] >> (b2 & 63)) & 1))
			return ENT_UNIT_NONE;
	}
	mask = t->index_cap - 1;
	i = (size_t)h & mask;
	for (;;) {
		uint64_t e = t->index[i];
		uint32_t v;
		if (!e)
			return ENT_UNIT_NONE;
		v = (uint32_t)e - 1;
		if ((e & 0xffffffff00000000ULL) == tag && t->len[v] == n &&
		    memcmp(t->pool.data + t->off[v], s, n) == 0)
			return v;
		i = (i + 1) & mask;
	}
}

static inline const char *ent_strtab_str(const ent_strtab *t, uint32_t id)
{
	return t->pool.data + t->off[id];
}

/* ---- unit keys (ukey.c) -------------------------------------------------- */

/* Normalise one folded piece (no hyphens, no spaces) into its unit key:
 * letters joined by full stops lose the stops ("u.s." -> "us"); Latin
 * letters lose their diacritics ("erdoğan" -> "erdogan"); a Cyrillic word
 * loses its case ending (ukey.c).  Writes at most cap bytes to out;
 * returns the length (0 when nothing is left). */
size_t ent_ukey(char *out, size_t cap, const char *s, size_t n);
/* Is the piece plain ASCII letters/digits/apostrophes, needing no work? */
int ent_ukey_plain(const char *s, size_t n);
/* Script tests on the first code point of s. */
int ent_ukey_is_cjk(const char *s, size_t n);    /* Han, kana */
int ent_ukey_is_hangul(const char *s, size_t n);
int ent_ukey_has_cyrillic(const char *s, size_t n);

/* ---- entries -------------------------------------------------------------- */

enum {
	ENT_E_ACTOR = 1,
	ENT_E_AGENT,
	ENT_E_PLACE,
	ENT_E_GLOSS,
	ENT_E_REF
};

/* what an entry names, for reference resolution */
enum {
	ENT_W_AUTO = 0,   /* decided from the entry: dated -> person */
	ENT_W_PERSON,
	ENT_W_GROUP,
	ENT_W_PLACE
};

/* reference phrases (ENT_E_REF, entry.extra) */
enum {
	ENT_REF_PRONOUN = 1,   /* he, his, him, she, her: the last person */
	ENT_REF_STATES,        /* the two countries: the last N states */
	ENT_REF_PERSONS,       /* the two leaders: the last N persons */
	ENT_REF_KOREAS,        /* the two Koreas: PRK and KOR */
	ENT_REF_COUNTRY,       /* the country, the nation: the last state */
	ENT_REF_GOVERNMENT,    /* the government, the regime: the last state's GOV */
	ENT_REF_NORTH,         /* "the North" in a document about Korea: PRK */
	ENT_REF_SOUTH,         /* "the South" likewise: KOR */
	ENT_REF_KOREA          /* "Korea" alone: KOR, or PRK in a document
	                          that names only the North */
};

typedef struct {
	uint32_t code;         /* offset in d->strings of the code, 0 = none */
	ent_date from, until;  /* inclusive bounds; ENT_DATE_NONE = open */
	uint32_t line;
} ent_restr;

typedef struct {
	uint32_t file;         /* index into d->files */
	uint32_t line;
	uint32_t restr, nrestr;/* slice of d->restr */
	uint32_t dflt;         /* default code (offset in d->strings), 0 none */
	uint8_t type;          /* ENT_E_* */
	uint8_t what;          /* ENT_W_* */
	uint8_t agent_before;  /* agent code goes before the actor (NGO~) */
	uint8_t refn;          /* ENT_E_REF: how many referents */
	uint32_t extra;        /* place / gloss index, or ENT_REF_* */
} ent_entry;

typedef struct {
	uint32_t entry;
	uint32_t line;         /* the line that defined this phrase */
	uint32_t next;         /* next phrase at the same node + 1, 0 = end */
	uint32_t casec;        /* offset of per-unit case constraints in
	                          d->casec, or UINT32_MAX: none */
	uint16_t nunits;
	uint16_t rule;         /* ambiguity rule + 1, 0 = none */
	uint32_t file;
	uint32_t tail;         /* at the head of a node's list: the last phrase
	                          of the same file + 1 (O(1) appends) */
} ent_phrase;

/* case constraints per unit */
enum { ENT_CASE_ANY = 0, ENT_CASE_CAP = 1, ENT_CASE_ALLCAPS = 2 };

typedef struct {
	uint32_t name, kind, country, code, source, note; /* offsets in strings */
	double lat, lon;
	uint32_t file, line;
} ent_placerow;

typedef struct {
	uint32_t rendering, meaning, kind, country;   /* offsets in strings */
	uint32_t file, line;
	int place;             /* index of the place meant, or -1 */
} ent_glossrow;

/* ambiguity rules (data/actors/ambiguity.tsv) */
enum {
	ENT_RULE_NOT_BEFORE_NAME = 1, /* skip when a capitalised word that no
	                                 dictionary knows follows: a first name */
	ENT_RULE_NOT_WITH,            /* skip when a cue occurs in the sentence */
	ENT_RULE_NEEDS_IN_DOC,        /* only when a cue occurs in the document */
	ENT_RULE_NOT_AFTER_NAME,      /* skip after a capitalised word that is
	                                 no dictionary phrase and no function
	                                 word: a first name (Michael Jordan) */
	ENT_RULE_KOREA                /* "Korea" alone: see resolve.c */
};

typedef struct {
	int kind;
	uint32_t *cues;        /* cue phrases: unit id sequences, 0-separated
	                          (each cue: n, then n unit ids) */
	size_t ncues_words;
	uint32_t file, line;
	uint32_t next;         /* the next rule on the same phrase + 1 */
} ent_rule;

struct ent_dict {
	ent_ctx *ctx;
	ent_dict_options opt;
	ent_strtab units;      /* unit keys */
	/* loading: raw token text -> its one unit and case constraint, so a
	   word seen again skips folding and normalisation */
	ent_strtab memo;
	uint32_t *memo_unit;
	unsigned char *memo_case;
	size_t memo_cap;
	ent_buf strings;       /* codes, names, sources (offset 0 = "") */

	char **files;          /* file names, index = ent_entry.file */
	ent_dict_load_stats *fstats;
	size_t nfiles;

	ent_entry *entries;
	size_t nentries, entries_cap;
	ent_restr *restr;
	size_t nrestr, restr_cap;
	ent_phrase *phrases;
	size_t nphrases, phrases_cap;
	unsigned char *casec;
	size_t ncasec, casec_cap;

	/* the trie */
	uint32_t *node_first;  /* node -> first phrase + 1 */
	size_t nnodes, nodes_cap;
	ent_map64 edges;       /* ((node << 32) | unit) + 1 -> child */

	ent_placerow *places;
	size_t nplaces, places_cap;
	ent_glossrow *gloss;
	size_t ngloss, gloss_cap;
	ent_rule *rules;
	size_t nrules;

	/* unit id -> 1 if some phrase starts with it (finish) */
	uint64_t *starts;
	size_t nstarts_words;
	/* CJK keys: the longest, in bytes, for the segmenter */
	size_t cjk_max_bytes;
	/* Korean particles: unit ids of the suffixes we strip */
	int finished;
	int builtin_loaded;
	/* unit ids of the words the recogniser needs (filled by finish) */
	struct {
		uint32_t s, the, of, and_, or_, comma, former, ex;
		uint32_t *modifiers;  size_t nmodifiers;
		uint32_t *locatives;  size_t nlocatives;
		uint32_t *motions;    size_t nmotions;
		uint32_t to, from, in, on;
		uint32_t *on_motions; size_t non_motions;
		uint32_t *function_words; size_t nfunction_words;
		/* cue sequences for "Korea" alone: n, ids..., 0-terminated */
		uint32_t north[32], south[32];
	} w;
};

/* ---- building (dict.c) ------------------------------------------------- */

/* Add a file name; returns its index or -1 (no memory). */
int ent_dict_file(ent_dict *d, const char *name, ent_dict_kind kind);
/* Intern a string in d->strings; returns its offset (0 for "" or on
 * failure; *err set to ENT_ENOMEM then). */
uint32_t ent_dict_str(ent_dict *d, const char *s, size_t n, int *err);
static inline const char *ent_dict_cstr(const ent_dict *d, uint32_t off)
{
	return d->strings.data + off;
}
/* A new entry; returns its index or -1. */
long ent_dict_entry(ent_dict *d, int type, uint32_t file, uint32_t line,
                    int what);
/* A dated (or undated: from = until = NONE) restriction of the LAST entry. */
int ent_dict_restr(ent_dict *d, uint32_t code, ent_date from, ent_date until,
                   uint32_t line);
/* Add a phrase for entry e.  `text` is the phrase as written (words joined
 * by '_' or blanks, a trailing '_' suppresses plurals; '{..}'-style plural
 * handling is the caller's).  flags: ENT_PH_CASE (match case as written),
 * ENT_PH_NOPLURAL.  `plural` (may be NULL) replaces the generated plural.
 * Returns the number of phrases added (>= 1), 0 when the phrase has no
 * words (an error for the caller to report), or ENT_ENOMEM. */
enum { ENT_PH_CASE = 1, ENT_PH_NOPLURAL = 2 };
int ent_dict_phrase(ent_dict *d, uint32_t entry, const char *text, size_t n,
                    uint32_t line, int flags, const char *plural,
                    size_t plural_len);
/* The node reached by a unit sequence, or UINT32_MAX. */
uint32_t ent_dict_walk(const ent_dict *d, const uint32_t *u, size_t n);
/* Split a phrase into unit ids (interning when `add`); returns the count
 * (at most max), or -1 on no memory.  Case constraints go to caseout
 * (may be NULL). */
long ent_dict_units(ent_dict *d, const char *text, size_t n, int add,
                    uint32_t *out, unsigned char *caseout, size_t max);

/* The code of entry e on date (restrictions, then default); offset in
 * d->strings, 0 for none.  *line gets the deciding line. */
uint32_t ent_entry_code(const ent_dict *d, const ent_entry *e, ent_date date,
                        uint32_t *line);

/* ---- readers ----------------------------------------------------------- */

/* Actor and agent syntax (readdict.c). */
int ent_read_actors(ent_dict *d, uint32_t file, const char *name,
                    ent_linereader *lr, int agents, ent_dict_load_stats *st);
/* Our tables (readtab.c). */
int ent_read_places(ent_dict *d, uint32_t file, const char *name,
                    ent_linereader *lr, ent_dict_load_stats *st);
int ent_read_glossary(ent_dict *d, uint32_t file, const char *name,
                      ent_linereader *lr, ent_dict_load_stats *st);
int ent_read_rules(ent_dict *d, uint32_t file, const char *name,
                   ent_linereader *lr, ent_dict_load_stats *st);
/* Parse a dictionary date (YYMMDD or YYYYMMDD); 0 or -1. */
int ent_dict_parse_date(const char *s, size_t n, ent_date *out);

/* The built-in set compiled at build time (snapshot.c): write the arrays
 * of a loaded, unfinished set to *out (freed with ent_free); copy them back
 * into an empty set.  Restore returns ENT_EINVAL, touching nothing, when
 * the snapshot does not fit this build. */
int ent_dict_snapshot(const ent_dict *d, char **out, size_t *len);
int ent_dict_restore(ent_dict *d, const char *data, size_t len);

/* Report a diagnostic for file `name` (counted in st, capped). */
void ent_dict_diag(ent_dict *d, ent_dict_load_stats *st, int error,
                   const char *name, long line, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif
