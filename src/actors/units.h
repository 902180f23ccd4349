/*
 * units.h - the words the matcher compares: a token of the text stage
 * split at hyphens and elisions, folded and normalised (ukey.c), and
 * interned.  Dictionary phrases go through the same splitting (dict.c),
 * so "Kim Jong-un", "KIM_JONG_UN" and "Kim Jong Un" all become the units
 * kim / jong / un.
 */
#ifndef ENT_UNITS_H
#define ENT_UNITS_H

#include "actors/dict_internal.h"

#include <stdint.h>

enum {
	ENT_U_TOKSTART = 1,   /* a match may start here (a token start, or
	                         after an elided article) */
	ENT_U_HYPHCONT = 2,   /* follows a hyphen inside a token */
	ENT_U_CAP = 4,        /* first letter upper case */
	ENT_U_ALLCAPS = 8,    /* two or more letters, all upper case */
	ENT_U_PUNCT = 16,     /* punctuation */
	ENT_U_ELIDED = 32,    /* an elided article (l', d'): never matched */
	ENT_U_WORDEND = 64,   /* last unit of its token */
	ENT_U_LETTERS = 128   /* has letters (not a number) */
};

typedef struct {
	uint32_t id;          /* interned unit key, or ENT_UNIT_NONE */
	uint32_t start, end;  /* byte offsets in the document's repaired text */
	uint8_t flags;
	uint8_t pad[3];
} ent_unit;

/* A piece of a token: offset and length in the token's text. */
typedef struct {
	uint32_t off, len;
	uint8_t flags;        /* ENT_U_HYPHCONT, ENT_U_ELIDED, ENT_U_TOKSTART */
} ent_upiece;

/* ASCII letters (2 lower, 3 upper) and digits (1); 0 for anything else */
extern const unsigned char ent_units_alnum[256];

/* The tokenizer's fast path (token.c), shared by the dictionary side and
 * the text side: if a plain token of ASCII letters and digits starts at
 * s[i] -- one that ends at a space, the end, or punctuation that cannot
 * join it to what follows, and is not "n't" -- return its end, else 0.
 * *flags gets ENT_U_LETTERS, ENT_U_CAP, ENT_U_ALLCAPS. */
static inline size_t ent_units_fastword(const char *s, size_t n, size_t i, int *flags)
{
	size_t q = i;
	int lt = 0, up = 0, firstup = 0;
	unsigned char k, c0 = (unsigned char)s[i];
	if (!ent_units_alnum[c0])
		return 0;
	if ((c0 == 'n' || c0 == 'N') && i + 1 < n &&
	    (s[i + 1] == '\'' || (unsigned char)s[i + 1] == 0xE2))
		return 0;
	while (q < n && (k = ent_units_alnum[(unsigned char)s[q]]) != 0) {
		if (k >= 2) {
			if (lt == 0)
				firstup = k == 3;
			lt++;
			up += k == 3;
		}
		q++;
	}
	if (q < n) {
		unsigned char e = (unsigned char)s[q];
		if (e >= 0x80)
			return 0;
		if ((e == '-' || e == '\'' || e == '.' || e == ',' || e == ':' || e == '/') &&
		    q + 1 < n &&
		    ((unsigned char)s[q + 1] >= 0x80 || ent_units_alnum[(unsigned char)s[q + 1]]))
			return 0;
	}
	*flags = 0;
	if (lt) {
		*flags |= ENT_U_LETTERS;
		if (firstup)
			*flags |= ENT_U_CAP;
		if (lt >= 2 && up == lt)
			*flags |= ENT_U_ALLCAPS | ENT_U_CAP;
	}
	return q;
}

/* Split a word token into pieces at inner hyphens and after an elided
 * article ("l'", "d'", "dell'").  Returns the number of pieces (at most
 * max; the rest are merged into the last). */
size_t ent_units_pieces(const char *t, size_t n, ent_upiece *out, size_t max);

/* Case flags (ENT_U_CAP, ENT_U_ALLCAPS) of s[0..n). */
int ent_units_case(const char *s, size_t n);

/* The unit key of s[0..n) (not yet folded): fold, then ent_ukey.  Returns
 * the key length (0: none); out must hold 512 bytes. */
size_t ent_units_key(char *out, const char *s, size_t n);

/* Korean particles stripped from the end of a Hangul word: the length of
 * the longest particle that s[0..n) ends with and leaves at least one
 * syllable, else 0. */
size_t ent_units_particle(const char *s, size_t n);

#endif
