/*
 * bench_net.c - benchmarks of the alignment-network analyses on seeded
 * generated signed graphs (not tests: figures go to docs/performance.md).
 *
 *   planted two-bloc graphs: n nodes in two equal blocs, m random ties,
 *   positive inside and negative between, then a share of signs flipped;
 *   random graphs: m random ties with random signs.
 *
 * usage: bench_net census N M SEED        triad census on a random graph
 *        bench_net census-clustered N M SEED  on a graph with communities of
 *                                  25 nodes (many triangles, like Slashdot)
 *        bench_net exact N M NOISE LIMIT SEED   exact frustration, planted
 *        bench_net heuristic N M SEED LIMIT      local search, random graph
 */
#include "entente.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t s = 88172645463325252ULL;
static uint64_t rnd(void)
{
	s ^= s << 13;
	s ^= s >> 7;
	s ^= s << 17;
	return s;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int clustered; /* ties mostly inside communities of 25 nodes */

static ent_net *graph(ent_ctx *ctx, size_t n, size_t m, double noise,
                      int planted, size_t *flipped)
{
	uint32_t *a = malloc(m * sizeof(uint32_t)), *b = malloc(m * sizeof(uint32_t));
	double *w = malloc(m * sizeof(double));
	size_t i = 0;
	ent_net *g = NULL;
	*flipped = 0;
	/* distinct pairs via rejection on a small hash set */
	size_t cap = m * 4 + 1;
	uint64_t *set = calloc(cap, sizeof(uint64_t));
	while (i < m) {
		uint32_t x = (uint32_t)(rnd() % n), y = (uint32_t)(rnd() % n);
		uint64_t key, h;
		if (clustered && rnd() % 10 < 7) /* 70% of ties inside a community */
			y = (uint32_t)((x / 25) * 25 + rnd() % 25) % (uint32_t)n;
		if (x == y)
			continue;
		if (x > y) {
			uint32_t t = x;
			x = y;
			y = t;
		}
		key = ((uint64_t)x << 32 | y) + 1;
		h = (key * 0x9E3779B97F4A7C15ULL) % cap;
		while (set[h] && set[h] != key)
			h = (h + 1) % cap;
		if (set[h])
			continue;
		set[h] = key;
		a[i] = x;
		b[i] = y;
		if (planted) {
			int same = (x < n / 2) == (y < n / 2);
			w[i] = same ? 1 : -1;
			if ((double)(rnd() % 1000000) / 1e6 < noise) {
				w[i] = -w[i];
				(*flipped)++;
			}
		} else {
			w[i] = (rnd() & 1) ? 1 : -1;
		}
		i++;
	}
	ent_net_from_edges(&g, ctx, n, m, a, b, w);
	free(a);
	free(b);
	free(w);
	free(set);
	return g;
}

int main(int argc, char **argv)
{
	ent_ctx *ctx;
	size_t flipped;
	ent_ctx_new(&ctx);
	if (argc >= 5 && strcmp(argv[1], "census-clustered") == 0) {
		clustered = 1;
		argv[1] = "census";
	}
	if (argc >= 5 && strcmp(argv[1], "census") == 0) {
		size_t n = strtoul(argv[2], 0, 10), m = strtoul(argv[3], 0, 10);
		double t0, t1;
		ent_net *g;
		ent_balance bal;
		s ^= strtoull(argv[4], 0, 10) * 0x2545F4914F6CDD1DULL;
		g = graph(ctx, n, m, 0, 0, &flipped);
		t0 = now();
		ent_net_balance(g, &bal);
		t1 = now();
		printf("census n=%zu m=%zu: %.3f s; triangles +++ %ld, ++- %ld, +-- %ld, --- %ld; "
		       "balance ratio %.4f\n", n, ent_net_edge_count(g), t1 - t0, bal.ppp,
		       bal.ppn, bal.pnn, bal.nnn, bal.ratio);
		ent_net_free(g);
	} else if (argc >= 7 && strcmp(argv[1], "exact") == 0) {
		size_t n = strtoul(argv[2], 0, 10), m = strtoul(argv[3], 0, 10);
		ent_frustration_options o = ENT_FRUSTRATION_OPTIONS_INIT;
		ent_frustration *f;
		ent_net *g;
		s ^= strtoull(argv[6], 0, 10) * 0x2545F4914F6CDD1DULL;
		g = graph(ctx, n, m, atof(argv[4]), 1, &flipped);
		o.time_limit = atof(argv[5]);
		ent_net_frustration(&f, g, &o);
		printf("exact n=%zu m=%zu noise=%s (%zu signs flipped): value %ld, bound %ld, "
		       "gap %.3f, exact %s, method %s, %.3f s\n", n, m, argv[4], flipped,
		       f->value, f->lower_bound, f->gap, f->exact ? "yes" : "no", f->method,
		       f->seconds);
		ent_frustration_free(f);
		ent_net_free(g);
	} else if (argc >= 6 && strcmp(argv[1], "heuristic") == 0) {
		size_t n = strtoul(argv[2], 0, 10), m = strtoul(argv[3], 0, 10);
		ent_frustration_options o = ENT_FRUSTRATION_OPTIONS_INIT;
		ent_frustration *f;
		ent_net *g;
		s ^= strtoull(argv[4], 0, 10) * 0x2545F4914F6CDD1DULL;
		g = graph(ctx, n, m, 0, 0, &flipped);
		o.heuristic_only = 1;
		o.time_limit = atof(argv[5]);
		ent_net_frustration(&f, g, &o);
		printf("heuristic n=%zu m=%zu: value %ld (%.1f%% of ties), bound %ld, gap %.3f, "
		       "%.3f s\n", n, ent_net_edge_count(g), f->value,
		       100.0 * (double)f->value / (double)ent_net_edge_count(g), f->lower_bound,
		       f->gap, f->seconds);
		ent_frustration_free(f);
		ent_net_free(g);
	} else {
		fprintf(stderr, "usage: see the comment at the top of bench_net.c\n");
		return 2;
	}
	ent_ctx_free(ctx);
	return 0;
}
