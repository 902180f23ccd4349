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
	memset(t, 0, sizeof *t);
}

uint32_t ent_strtab_find(const ent_strtab *t, const char *s, size_t n)
{
	return ent_strtab_find_h(t, s, n, ent_strhash(s, n));
}

static int reindex(ent_strtab *t, size_t cap)
{
	uint32_t *ix = ent_calloc(cap, sizeof *ix);
	size_t k;
	if (!ix)
		return -1;
	for (k = 0; k < t->count; k++) {
		size_t i = (size_t)t->hash[k] & (cap - 1);
		while (ix[i])
			i = (i + 1) & (cap - 1);
		ix[i] = (uint32_t)k + 1;
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
	t->index[i] = (uint32_t)t->count + 1;
	return (uint32_t)t->count++;
}
