/*
 * arena.c - bump allocation in geometrically growing blocks.
 */
#include "util/arena.h"
#include "util/alloc.h"

#include <stdint.h>
#include <string.h>

struct ent_arena_block {
	ent_arena_block *prev;
	size_t size; /* usable bytes in data[] */
	size_t used;
	_Alignas(16) unsigned char data[];
};

void ent_arena_init(ent_arena *a, size_t first_size)
{
	a->head = NULL;
	a->first_size = first_size < 256 ? 256 : first_size;
	a->used_total = 0;
}

static ent_arena_block *new_block(size_t size, ent_arena_block *prev)
{
	ent_arena_block *b = ent_malloc(sizeof(*b) + size);
	if (!b)
		return NULL;
	b->prev = prev;
	b->size = size;
	b->used = 0;
	return b;
}

void *ent_arena_alloc(ent_arena *a, size_t n)
{
	ent_arena_block *b = a->head;
	size_t align = n >= 16 ? 16 : 8;
	size_t off;

	if (n > SIZE_MAX / 4)
		return NULL;
	if (b) {
		off = (b->used + align - 1) & ~(align - 1);
		if (off + n <= b->size) {
			b->used = off + n;
			a->used_total += n;
			return b->data + off;
		}
	}
	{
		size_t size = b ? b->size * 2 : a->first_size;
		if (size < n)
			size = n;
		b = new_block(size, a->head);
		if (!b)
			return NULL;
		a->head = b;
		b->used = n;
		a->used_total += n;
		return b->data;
	}
}

char *ent_arena_strndup(ent_arena *a, const char *s, size_t n)
{
	char *d = ent_arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void ent_arena_reset(ent_arena *a)
{
	ent_arena_block *b = a->head;
	while (b && b->prev) {
		ent_arena_block *p = b->prev;
		ent_free(b);
		b = p;
	}
	if (b) {
		/* keep the oldest block only if it is the configured first size */
		if (b->size != a->first_size) {
			ent_free(b);
			b = NULL;
		} else {
			b->used = 0;
		}
	}
	a->head = b;
	a->used_total = 0;
}

void ent_arena_destroy(ent_arena *a)
{
	ent_arena_block *b = a->head;
	while (b) {
		ent_arena_block *p = b->prev;
		ent_free(b);
		b = p;
	}
	a->head = NULL;
	a->used_total = 0;
}
