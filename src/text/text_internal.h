/*
 * text_internal.h - the pieces of the text stage and how they hand over.
 *
 *   original bytes --normalize--> A --repair--> B --segment--> sentences
 *                                                 \--tokenize--> tokens
 *
 * normalize: valid UTF-8 in NFC; invalid bytes -> U+FFFD; control characters
 *            -> space; invisible format characters removed.
 * repair:    white space collapsed (a paragraph break becomes "\n"), machine-
 *            translation artifacts fixed.  B contains no tab, no CR and a
 *            "\n" only as a paragraph mark.
 * Each step keeps an offset map to its input; the document composes them so
 * B maps straight onto the original.
 */
#ifndef ENT_TEXT_INTERNAL_H
#define ENT_TEXT_INTERNAL_H

#include "entente/text.h"
#include "text/offmap.h"
#include "util/buf.h"

#include <stddef.h>
#include <stdint.h>

/* Testing switch: when non-zero, repair and segment take no fast path, so
 * tests and the fuzzer can check the fast paths change nothing. */
extern int ent_text_slow_paths;

/* Stage 1.  If the input needs no change, *changed is 0, `out` is left empty
 * and `map` is not filled (the caller uses the input as it is).  Otherwise
 * `out` holds A and `map` maps A onto the input. */
int ent_text_normalize(ent_buf *out, ent_offmap *map, int *changed,
                       const char *in, size_t n, ent_text_stats *st);

/* Stage 2: repairs; `out` receives B and `map` maps B onto A. */
int ent_text_repair(ent_buf *out, ent_offmap *map, const char *a, size_t n,
                    ent_text_stats *st);

/* A sentence as a byte range of B. */
typedef struct {
	size_t b_start, b_end;
} ent_span;

/* Stage 3: split B into sentences (at most max_bytes each).  Appends spans to
 * *spans (growable array, ent_realloc). */
int ent_text_segment(ent_span **spans, size_t *count, size_t *cap,
                     const char *b, size_t n, size_t max_bytes,
                     ent_text_stats *st);

/* Character classes used by repair, segment and tokenize. */
enum {
	ENT_CC_OTHER = 0,
	ENT_CC_SPACE,   /* white space (incl. NBSP and Unicode spaces) */
	ENT_CC_UPPER,   /* cased letter, upper or title case */
	ENT_CC_LOWER,   /* cased letter, lower case */
	ENT_CC_LETTER,  /* letter without case (CJK, Hangul, Arabic, ...) */
	ENT_CC_MARK,    /* combining mark */
	ENT_CC_DIGIT,   /* decimal digit */
	ENT_CC_PUNCT,   /* punctuation */
	ENT_CC_SYMBOL   /* symbol */
};

/* Class of the code point at s[0..n) and its byte length in *len (B and A
 * are valid UTF-8). */
int ent_text_class(const char *s, size_t n, int32_t *cp, int *len);

/* Class of a code point. */
int ent_text_cp_class(int32_t cp);

/* 1 if cp is written without spaces between words (Han, kana). */
int ent_text_is_cjk(int32_t cp);

/* Length of the token starting at s[i] of a sentence s[0..n) and its
 * shape and ENT_TOKF_* flags (except SPACE): the tokenizer of token.c, also
 * used on dictionary phrases so both sides split words alike. */
size_t ent_text_token_len(const char *s, size_t n, size_t i, int *shape,
                          int *flags);

#endif
