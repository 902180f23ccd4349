/*
 * arena.h - a bump allocator: many small allocations, one release.
 *
 * Each document's tokens, spans and candidate events come from one arena that
 * is reset or freed in one call (STYLE.md, "an arena per document").  Anything
 * that outlives the document is copied out.  Blocks grow geometrically; a
 * reset keeps the first block so a stream of documents reuses it.
 */
#ifndef ENT_ARENA_H
#define ENT_ARENA_H

#include <stddef.h>

typedef struct ent_arena_block ent_arena_block;

typedef struct {
	ent_arena_block *head; /* current block (most recent) */
	size_t first_size;     /* size of the first block */
	size_t used_total;     /* bytes handed out since init/reset */
} ent_arena;

/* Initialise an empty arena whose first block will be `first_size` bytes. */
void ent_arena_init(ent_arena *a, size_t first_size);

/* Allocate n bytes aligned to 16 (or 8 for small sizes).  NULL when out of
 * memory.  The memory lives until ent_arena_reset/ent_arena_destroy. */
void *ent_arena_alloc(ent_arena *a, size_t n);

/* Copy n bytes into the arena and NUL-terminate them. */
char *ent_arena_strndup(ent_arena *a, const char *s, size_t n);

/* Release everything but the first block. */
void ent_arena_reset(ent_arena *a);

/* Release every block. */
void ent_arena_destroy(ent_arena *a);

#endif
