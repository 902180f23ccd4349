/*
 * hash.c - growth of the open-addressing map of hash.h.
 */
#include "util/hash.h"
#include "util/alloc.h"
#include "entente/common.h"

static int grow(ent_map64 *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, i;
	uint64_t *nk = ent_calloc(ncap, sizeof *nk);
	uint32_t *nv = ent_malloc(ncap * sizeof *nv);
	if (!nk || !nv) {
		ent_free(nk);
		ent_free(nv);
		return ENT_ENOMEM;
	}
	for (i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->keys[i])
			continue;
		j = (size_t)ent_hash_mix(m->keys[i]) & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = m->keys[i];
		nv[j] = m->vals[i];
	}
	ent_free(m->keys);
	ent_free(m->vals);
	m->keys = nk;
	m->vals = nv;
	m->cap = ncap;
	return 0;
}

int ent_map64_put(ent_map64 *m, uint64_t key, uint32_t val)
{
	size_t i, mask;
	if ((m->count + 1) * 2 > m->cap && grow(m) < 0)
		return ENT_ENOMEM;
	mask = m->cap - 1;
	i = (size_t)ent_hash_mix(key) & mask;
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & mask;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->count++;
	}
	m->vals[i] = val;
	return 0;
}

void ent_map64_free(ent_map64 *m)
{
	ent_free(m->keys);
	ent_free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->count = 0;
}
