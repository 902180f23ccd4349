/*
 * strtab.c - interned strings: each distinct byte string gets a dense
 * 32-bit id.  The unit keys of every dictionary phrase live here, so the
 * matcher compares ids, never strings.
 */
#include "actors/dict_internal.h"
#include "util/alloc.h"

#include <string.h>

void ent_strtab_init(ent_strtab *t)
{
	memset(t, 0, sizeof *t);
}

void ent_strtab_free(ent_strtab *t)
{
	ent_buf_free(&t->pool);
	ent_free(t->off);
	ent_free(t->len);
	ent_free(t->hash);
	ent_free(t->index);
	ent_free(t->bloom);
	memset(t, 0, sizeof *t);
}

int ent_strtab_bloom(ent_strtab *t)
{
	size_t bits = 1024, k;
	uint64_t *b;
	while (bits < t->count * 8)
		bits *= 2;
	b = ent_calloc(bits / 64, sizeof *b);
	if (!b)
		return -1;
	for (k = 0; k < t->count; k++) {
		size_t b1 = (size_t)(t->hash[k] >> 20) & (bits - 1);
		size_t b2 = (size_t)(t->hash[k] >> 42) & (bits - 1);
		b[b1 >> 6] |= (uint64_t)1 << (b1 & 63);
		b[b2 >> 6] |= (uint64_t)1 << (b2 & 63);
	}
	ent_free(t->bloom);
	t->bloom = b;
	t->bloom_bits = bits;
	return 0;
}

uint32_t ent_strtab_find(const ent_strtab *t, const char *s, size_t n)
{
	return ent_strtab_find_h(t, s, n, ent_strhash(s, n));
}

static uint64_t slot_of(uint64_t h, size_t id)
{
	return (h & 0xffffffff00000000ULL) | (uint64_t)(id + 1);
}

static int reindex(ent_strtab *t, size_t cap)
{
	uint64_t *ix = ent_calloc(cap, sizeof *ix);
	size_t k;
	if (!ix)
		return -1;
	for (k = 0; k < t->count; k++) {
		size_t i = (size_t)t->hash[k] & (cap - 1);
		while (ix[i])
			i = (i + 1) & (cap - 1);
		ix[i] = slot_of(t->hash[k], k);
	}
	ent_free(t->index);
	t->index = ix;
	t->index_cap = cap;
	return 0;
}

uint32_t ent_strtab_intern(ent_strtab *t, const char *s, size_t n)
{
	uint64_t h = ent_strhash(s, n);
	uint32_t id = ent_strtab_find_h(t, s, n, h);
	size_t i;
	if (id != ENT_UNIT_NONE)
		return id;
	if (t->bloom) {
		/* a new string: the filter no longer covers the table; it is
		   rebuilt when the set is finished */
		ent_free(t->bloom);
		t->bloom = NULL;
		t->bloom_bits = 0;
	}
	if (t->count + 1 >= ENT_UNIT_NONE)
		return ENT_UNIT_NONE;
	if (t->count == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 1024;
		uint32_t *o = ent_realloc(t->off, nc * sizeof *o);
		if (!o)
			return ENT_UNIT_NONE;
		t->off = o;
		o = ent_realloc(t->len, nc * sizeof *o);
		if (!o)
			return ENT_UNIT_NONE;
		t->len = o;
		{
			uint64_t *hh = ent_realloc(t->hash, nc * sizeof *hh);
			if (!hh)
				return ENT_UNIT_NONE;
			t->hash = hh;
		}
		t->cap = nc;
	}
	if ((t->count + 1) * 2 > t->index_cap &&
	    reindex(t, t->index_cap ? t->index_cap * 2 : 2048) < 0)
		return ENT_UNIT_NONE;
	{
		size_t before = t->pool.len;
		ent_buf_put(&t->pool, s, n);
		ent_buf_putc(&t->pool, '\0');
		if (t->pool.len != before + n + 1)
			return ENT_UNIT_NONE; /* the buffer failed to grow */
		t->off[t->count] = (uint32_t)before;
	}
	t->len[t->count] = (uint32_t)n;
	t->hash[t->count] = h;
	i = (size_t)h & (t->index_cap - 1);
	while (t->index[i])
		i = (i + 1) & (t->index_cap - 1);
	t->index[i] = slot_of(h, t->count);
	return (uint32_t)t->count++;
}
