/*
 * hash.h - hashing for the lookup tables of the matchers: a fast 64-bit hash
 * of a byte string and of a 64-bit key, and an open-addressing map from
 * 64-bit keys to 32-bit values.
 *
 * The string hash reads eight bytes per step and mixes with a multiply and
 * xor-shift (the same construction as wyhash's and MurmurHash3's finalisers;
 * Appleby 2011), good enough for table indexes, not for anything adversarial.
 * The map uses linear probing at a load factor of at most 1/2; key 0 is
 * reserved as "empty" (callers store key + 1 or keys that are never 0).
 */
#ifndef ENT_HASH_H
#define ENT_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t ent_hash_mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static inline uint64_t ent_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x100000001b3ULL);
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ ent_hash_mix(w)) * 0x9e3779b97f4a7c15ULL;
		s += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;
		memcpy(&w, s, n);
		h = (h ^ ent_hash_mix(w ^ 0xa0761d6478bd642fULL)) * 0x9e3779b97f4a7c15ULL;
	}
	return ent_hash_mix(h);
}

/* An open-addressing map from non-zero 64-bit keys to 32-bit values.  Key
 * and value share a slot, so a probe touches one cache line. */
typedef struct {
	uint64_t key;
	uint32_t val;
	uint32_t pad;
} ent_map64_slot;

typedef struct {
	ent_map64_slot *slots;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} ent_map64;

/* The value stored under key (key != 0), or `none`. */
static inline uint32_t ent_map64_get(const ent_map64 *m, uint64_t key, uint32_t none)
{
	size_t i, mask;
	if (!m->cap)
		return none;
	mask = m->cap - 1;
	i = (size_t)ent_hash_mix(key) & mask;
	for (;;) {
		uint64_t k = m->slots[i].key;
		if (k == key)
			return m->slots[i].val;
		if (k == 0)
			return none;
		i = (i + 1) & mask;
	}
}

/* Store val under key (key != 0), replacing an old value.  0 or ENT_ENOMEM. */
int ent_map64_put(ent_map64 *m, uint64_t key, uint32_t val);
void ent_map64_free(ent_map64 *m);

#endif
