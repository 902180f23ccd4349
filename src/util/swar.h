/*
 * swar.h - "SIMD within a register": test eight bytes at once for the bytes
 * a scanner must stop at, so the hot loops of the text stage and the JSON
 * reader/writer skip plain text eight bytes per step.
 *
 * The classic zero-byte trick (Mycroft; see Hacker's Delight, ch. 6) flags a
 * byte of `x` equal to `c`.  Borrows can also flag bytes after a true match,
 * but the LOWEST flagged byte is always a true match, which is all a
 * scanner needs: ent_swar_first() gives its index.
 */
#ifndef ENT_SWAR_H
#define ENT_SWAR_H

#include <stdint.h>
#include <string.h>

#define ENT_SWAR_ONES 0x0101010101010101ULL
#define ENT_SWAR_HIGHS 0x8080808080808080ULL

static inline uint64_t ent_swar_load(const void *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* High bit set in (at least the first) byte equal to c. */
static inline uint64_t ent_swar_eq(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (ENT_SWAR_ONES * c);
	return (y - ENT_SWAR_ONES) & ~y & ENT_SWAR_HIGHS;
}

/* High bit set in (at least the first) byte below c (c <= 128). */
static inline uint64_t ent_swar_lt(uint64_t x, unsigned char c)
{
	return (x - ENT_SWAR_ONES * c) & ~x & ENT_SWAR_HIGHS;
}

/* High bit set in bytes >= 0x80. */
static inline uint64_t ent_swar_high(uint64_t x)
{
	return x & ENT_SWAR_HIGHS;
}

/* Index (0..7) of the first flagged byte of a non-zero mask (little
 * endian). */
static inline unsigned ent_swar_first(uint64_t m)
{
	return (unsigned)__builtin_ctzll(m) >> 3;
}

#endif
