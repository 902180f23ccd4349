/*
 * alloc.h - the one allocation wrapper every module uses.
 *
 * All heap memory of the library goes through ent_malloc / ent_calloc /
 * ent_realloc / ent_free so that tests can make the N-th allocation fail
 * (ent_alloc_fail_after) and check that every caller returns ENT_ENOMEM
 * cleanly and leaks nothing.  Third-party libraries (utf8proc, SQLite, igraph)
 * allocate on their own; their failures are translated at our module edge.
 */
#ifndef ENT_ALLOC_H
#define ENT_ALLOC_H

#include <stddef.h>

void *ent_malloc(size_t n);
void *ent_calloc(size_t count, size_t size);
void *ent_realloc(void *p, size_t n);
void ent_free(void *p);

/* Copy a string (or the first n bytes of s, NUL-terminated).  NULL on failure. */
char *ent_strdup(const char *s);
char *ent_strndup(const char *s, size_t n);

/* Make room for `need` elements of `elem` bytes in the array *p of
 * capacity *cap (doubling from 64).  0 or ENT_ENOMEM; *p and *cap are
 * unchanged on failure. */
int ent_grow(void **p, size_t *cap, size_t need, size_t elem);

/* Room for one more element after n: GROW(arr, n, cap). */
#define ENT_GROW(arr, n, cap) \
	ent_grow((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr)))

/* Testing hook: after `n` more successful allocations, every allocation fails
 * (n < 0 disables).  Returns the number of allocations made since the last
 * call, so a test can first count, then fail each one in turn. */
long ent_alloc_fail_after(long n);

/* Number of allocations since the last ent_alloc_fail_after call. */
long ent_alloc_count(void);

#endif
