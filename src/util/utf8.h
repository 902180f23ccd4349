/*
 * utf8.h - small UTF-8 helpers shared by the text stage and the writers:
 * decode one code point with validation, encode one.
 */
#ifndef ENT_UTF8_H
#define ENT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s (n > 0 bytes available).  Returns its length in
 * bytes (1..4) and stores it in *cp; on an invalid or truncated sequence
 * returns the number of bytes to skip (>= 1, a maximal subpart as Unicode
 * recommends) and stores -1. */
int ent_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encode cp into out (4 bytes room).  Returns the length. */
int ent_utf8_encode(int32_t cp, unsigned char *out);

/* Length of a valid UTF-8 prefix of s (stops at the first invalid byte). */
size_t ent_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Latin-1 to UTF-8 (for a dictionary line that is not valid UTF-8): writes
 * at most cap bytes (2n + 1 always suffice) and returns the length. */
size_t ent_utf8_from_latin1(char *out, size_t cap, const char *s, size_t n);

#endif
