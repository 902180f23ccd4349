/*
 * hash.c - growth of the open-addressing map of hash.h.
 */
#include "util/hash.h"
#include "util/alloc.h"
#include "entente/common.h"

static int grow(ent_map64 *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, i;
	ent_map64_slot *ns = ent_calloc(ncap, sizeof *ns);
	if (!ns)
		return ENT_ENOMEM;
	for (i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->slots[i].key)
			continue;
		j = (size_t)ent_hash_mix(m->slots[i].key) & (ncap - 1);
		while (ns[j].key)
			j = (j + 1) & (ncap - 1);
		ns[j] = m->slots[i];
	}
	ent_free(m->slots);
	m->slots = ns;
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
	while (m->slots[i].key && m->slots[i].key != key)
		i = (i + 1) & mask;
	if (!m->slots[i].key) {
		m->slots[i].key = key;
		m->count++;
	}
	m->slots[i].val = val;
	return 0;
}

void ent_map64_free(ent_map64 *m)
{
	ent_free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}
