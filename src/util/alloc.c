/*
 * alloc.c - allocation wrapper with a failure-injection counter for tests.
 *
 * The counter is a pair of atomics so worker threads may allocate while a test
 * injects failures; when injection is off the cost is one relaxed load.
 */
#include "util/alloc.h"
#include "entente/common.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_long fail_budget = -1; /* < 0: never fail */
static atomic_long alloc_calls = 0;

static int should_fail(void)
{
	long b = atomic_load_explicit(&fail_budget, memory_order_relaxed);
	atomic_fetch_add_explicit(&alloc_calls, 1, memory_order_relaxed);
	if (b < 0)
		return 0;
	for (;;) {
		if (b == 0)
			return 1;
		if (atomic_compare_exchange_weak(&fail_budget, &b, b - 1))
			return 0;
		if (b < 0)
			return 0;
	}
}

void *ent_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *ent_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *ent_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void ent_free(void *p)
{
	free(p);
}

char *ent_strndup(const char *s, size_t n)
{
	char *d = ent_malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *ent_strdup(const char *s)
{
	return ent_strndup(s, strlen(s));
}

long ent_alloc_fail_after(long n)
{
	long c = atomic_exchange(&alloc_calls, 0);
	atomic_store(&fail_budget, n);
	return c;
}

long ent_alloc_count(void)
{
	return atomic_load(&alloc_calls);
}

int ent_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t nc;
	void *q;
	if (need <= *cap)
		return 0;
	nc = *cap ? *cap * 2 : 64;
	while (nc < need)
		nc *= 2;
	q = ent_realloc(*p, nc * elem);
	if (!q)
		return ENT_ENOMEM;
	*p = q;
	*cap = nc;
	return 0;
}
