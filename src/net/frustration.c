/*
 * frustration.c - the frustration index (line index of balance) of a signed
 * network: the fewest ties whose removal makes it balanced, and the split of
 * the nodes into two blocs that achieves it.
 *
 * Two engines:
 *
 * 1. Local search (any size).  Sides are set along a BFS tree so that tree
 *    ties are satisfied, then one-node flips are applied while they lower
 *    the number (or weight) of frustrated ties; restarts from other roots
 *    and random perturbations of the best split (iterated local search)
 *    until the budget is spent.  A lower bound comes from a greedy packing
 *    of edge-disjoint unbalanced triangles: each needs one frustrated tie.
 *    Time: O(m) per descent; O(m^1.5) for the bound.
 *
 * 2. Exact integer programming with GLPK (graphs up to exact_max_edges),
 *    by branch and cut over the cut polytope.  One binary y_e per tie says
 *    whether its two ends fall on different sides; a tie is frustrated when
 *    a positive tie is cut or a negative one is not, so the objective is
 *        sum_{e+} c_e y_e + sum_{e-} c_e (1 - y_e).
 *    The y describe a split exactly when every cycle cuts an even number of
 *    ties, which the cycle inequalities of Barahona & Mahjoub (1986) state:
 *    for every cycle C and odd F in C,
 *        sum_{e in F} y_e - sum_{e in C\F} y_e <= |F| - 1.
 *    They are added lazily: violated ones are separated by shortest paths in
 *    the doubled graph (fractional solutions) and from the fundamental
 *    cycles of a spanning forest (integral ones, so no inconsistent y is ever
 *    accepted), at the root and in every node of GLPK's branch and bound
 *    (GLP_IROWGEN).  This is the edge formulation Aref, Mason & Wilson (2018,
 *    "Computing the line index of balance using integer programming
 *    optimisation") compare with their node-based models; starting from "no
 *    tie frustrated", its first cuts are exactly the unbalanced cycles.  The
 *    local search split is the first incumbent.  Within the time limit it
 *    proves optimality; otherwise the best split, the best bound and the gap
 *    are reported.
 *
 * GLPK aborts on internal errors unless an error hook is installed: the
 * hook here jumps back and the call reports ENT_ENOMEM.
 */
#include "net/net_internal.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* xorshift for restarts and perturbations (deterministic per seed) */
static uint64_t rnd(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return x;
}

/* The cost of frustrating tie e.  Counting ties, a tiny share of the weight
 * breaks ties between equally small splits in favour of frustrating the
 * weakest ties (the sum of these shares stays below 1, so the count is
 * minimised first). */
static double cost_of(const ent_net *g, size_t e, int weighted)
{
	return weighted ? fabs(g->ew[e]) : 1.0 + fabs(g->ew[e]) / ((double)g->m + 2);
}

static int is_frustrated(const ent_net *g, const signed char *s, size_t e)
{
	int same = s[g->ea[e]] == s[g->eb[e]];
	return g->ew[e] > 0 ? !same : same;
}

/* ------------------------------------------------------------------------
 * Local search
 * ------------------------------------------------------------------------ */

typedef struct {
	const ent_net *g;
	int weighted;
	signed char *s;
	double *gain;   /* objective decrease if the node flips */
	uint32_t *stack;
	char *queued;
	double value;
} ls_state;

static void ls_compute(ls_state *L)
{
	const ent_net *g = L->g;
	size_t v, p;
	L->value = 0;
	for (v = 0; v < g->n; v++)
		L->gain[v] = 0;
	for (p = 0; p < g->m; p++) {
		double c = cost_of(g, p, L->weighted);
		double sgn = is_frustrated(g, L->s, p) ? c : -c;
		L->gain[g->ea[p]] += sgn;
		L->gain[g->eb[p]] += sgn;
		if (sgn > 0)
			L->value += c;
	}
}

static void ls_flip(ls_state *L, uint32_t u)
{
	const ent_net *g = L->g;
	size_t p;
	L->s[u] ^= 1;
	L->value -= L->gain[u];
	L->gain[u] = -L->gain[u];
	for (p = g->off[u]; p < g->off[u + 1]; p++) {
		uint32_t v = g->adj[p];
		size_t e = g->adj_e[p];
		double c = cost_of(g, e, L->weighted);
		/* the tie toggled: after the flip it is frustrated or not */
		L->gain[v] += is_frustrated(g, L->s, e) ? 2 * c : -2 * c;
	}
}

/* Flip nodes with positive gain until none is left. */
static void ls_descend(ls_state *L)
{
	const ent_net *g = L->g;
	size_t top = 0, v;
	for (v = 0; v < g->n; v++)
		if (L->gain[v] > 1e-12) {
			L->stack[top++] = (uint32_t)v;
			L->queued[v] = 1;
		}
	while (top) {
		uint32_t u = L->stack[--top];
		size_t p;
		L->queued[u] = 0;
		if (L->gain[u] <= 1e-12)
			continue;
		ls_flip(L, u);
		for (p = g->off[u]; p < g->off[u + 1]; p++) {
			uint32_t w = g->adj[p];
			if (!L->queued[w] && L->gain[w] > 1e-12) {
				L->queued[w] = 1;
				L->stack[top++] = w;
			}
		}
	}
}

/* Sides along a BFS tree from `root` (every component), satisfying tree
 * ties; neighbours visited in a random rotation. */
static void bfs_init(const ent_net *g, signed char *s, uint32_t *queue,
                     char *seen, uint64_t *seed)
{
	size_t n = g->n, head, tail, k;
	size_t start = n ? (size_t)(rnd(seed) % n) : 0;
	memset(seen, 0, n);
	for (k = 0; k < n; k++) {
		size_t r = (start + k) % n;
		if (seen[r])
			continue;
		seen[r] = 1;
		s[r] = (signed char)(rnd(seed) & 1);
		head = tail = 0;
		queue[tail++] = (uint32_t)r;
		while (head < tail) {
			uint32_t u = queue[head++];
			size_t d = g->off[u + 1] - g->off[u], j;
			size_t rot = d ? (size_t)(rnd(seed) % d) : 0;
			for (j = 0; j < d; j++) {
				size_t p = g->off[u] + (rot + j) % d;
				uint32_t v = g->adj[p];
				if (seen[v])
					continue;
				seen[v] = 1;
				s[v] = g->ew[g->adj_e[p]] > 0 ? s[u] : (signed char)(s[u] ^ 1);
				queue[tail++] = v;
			}
		}
	}
}

/* Best split found within `budget` seconds (at least one descent). */
static int local_search(const ent_net *g, int weighted, unsigned seed,
                        double budget, signed char *best, double *best_value)
{
	ls_state L;
	size_t n = g->n;
	uint32_t *queue = ent_malloc((n + 1) * sizeof(uint32_t));
	char *seen = ent_malloc(n + 1);
	signed char *cur = ent_malloc(n + 1);
	double t0 = now();
	uint64_t sd = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)seed * 0x2545F4914F6CDD1DULL);
	int round = 0, stale = 0, rc = 0;
	memset(&L, 0, sizeof L);
	L.g = g;
	L.weighted = weighted;
	L.gain = ent_malloc((n + 1) * sizeof(double));
	L.stack = ent_malloc((n + 1) * sizeof(uint32_t));
	L.queued = ent_calloc(n + 1, 1);
	if (!queue || !seen || !cur || !L.gain || !L.stack || !L.queued) {
		rc = ENT_ENOMEM;
		goto done;
	}
	if (!sd)
		sd = 1;
	L.s = cur;
	*best_value = INFINITY;
	for (;;) {
		if (round % 4 == 0 || *best_value == INFINITY) {
			bfs_init(g, cur, queue, seen, &sd);
		} else {
			/* perturb the best: flip a few random nodes */
			size_t k, flips = n / 20 + 1;
			memcpy(cur, best, n);
			for (k = 0; k < flips && n; k++)
				cur[rnd(&sd) % n] ^= 1;
		}
		ls_compute(&L);
		ls_descend(&L);
		if (L.value < *best_value - 1e-9) {
			*best_value = L.value;
			memcpy(best, cur, n);
			stale = 0;
		} else {
			stale++;
		}
		round++;
		/* stop at zero, at the budget, or after 200 rounds without gain */
		if (*best_value == 0 || now() - t0 >= budget || stale >= 200)
			break;
	}
done:
	ent_free(queue);
	ent_free(seen);
	ent_free(cur);
	ent_free(L.gain);
	ent_free(L.stack);
	ent_free(L.queued);
	return rc;
}

/* ------------------------------------------------------------------------
 * Lower bound: edge-disjoint unbalanced triangles
 * ------------------------------------------------------------------------ */

typedef struct {
	const ent_net *g;
	char *used;
	int weighted;
	double bound;
} packing;

static void pack_triangle(uint32_t e1, uint32_t e2, uint32_t e3, void *p)
{
	packing *k = p;
	const double *w = k->g->ew;
	int neg = (w[e1] < 0) + (w[e2] < 0) + (w[e3] < 0);
	double c;
	if (neg % 2 == 0 || k->used[e1] || k->used[e2] || k->used[e3])
		return;
	k->used[e1] = k->used[e2] = k->used[e3] = 1;
	c = 1;
	if (k->weighted) {
		c = fabs(w[e1]);
		if (fabs(w[e2]) < c)
			c = fabs(w[e2]);
		if (fabs(w[e3]) < c)
			c = fabs(w[e3]);
	}
	k->bound += c;
}

static int triangle_bound(const ent_net *g, int weighted, double *bound)
{
	packing k;
	int rc;
	k.g = g;
	k.weighted = weighted;
	k.bound = 0;
	k.used = ent_calloc(g->m + 1, 1);
	if (!k.used)
		return ENT_ENOMEM;
	rc = ent_net_triangles(g, pack_triangle, &k);
	ent_free(k.used);
	*bound = k.bound;
	return rc;
}

/* ------------------------------------------------------------------------
 * Exact: GLPK with cycle cuts
 * ------------------------------------------------------------------------ */

typedef struct {
	const ent_net *g;
	int weighted;
	glp_prob *P;
	size_t n, m;
	/* separation scratch over the doubled graph (2n nodes) */
	double *dist;
	int32_t *pred;      /* predecessor H node */
	uint32_t *pred_e;   /* G edge used to reach the node */
	uint32_t *heap;
	int32_t *pos;
	/* cut dedupe: hashes of added cuts */
	uint64_t *seen;
	size_t seen_cap, seen_n;
	/* cut buffer */
	int *ind;
	double *val;
	char *mark;         /* per G node, for the simplicity check */
	double t_end;
	double bound;       /* best bound seen in the tree */
	const signed char *heur;
	int heur_given;
	long cuts;
} ilp;

#define YCOL(I, e) ((int)(e) + 1)

static double yval(ilp *I, size_t e)
{
	double v = glp_get_col_prim(I->P, YCOL(I, e));
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* binary heap on dist for Dijkstra */
static void heap_up(ilp *I, size_t i)
{
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (I->dist[I->heap[p]] <= I->dist[I->heap[i]])
			break;
		uint32_t t = I->heap[p];
		I->heap[p] = I->heap[i];
		I->heap[i] = t;
		I->pos[I->heap[p]] = (int32_t)p;
		I->pos[I->heap[i]] = (int32_t)i;
		i = p;
	}
}

static void heap_down(ilp *I, size_t i, size_t n)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, b = i;
		if (l < n && I->dist[I->heap[l]] < I->dist[I->heap[b]])
			b = l;
		if (r < n && I->dist[I->heap[r]] < I->dist[I->heap[b]])
			b = r;
		if (b == i)
			break;
		uint32_t t = I->heap[b];
		I->heap[b] = I->heap[i];
		I->heap[i] = t;
		I->pos[I->heap[b]] = (int32_t)b;
		I->pos[I->heap[i]] = (int32_t)i;
		i = b;
	}
}

static uint64_t cut_hash(const int *ind, const double *val, int len)
{
	uint64_t h = 1469598103934665603ULL, sum = 0;
	int i;
	/* order-independent: sum of mixed (index, sign) */
	for (i = 1; i <= len; i++) {
		uint64_t x = (uint64_t)ind[i] * 2 + (val[i] > 0);
		x ^= x >> 33;
		x *= 0xff51afd7ed558ccdULL;
		x ^= x >> 33;
		sum += x;
	}
	return h ^ sum ^ (uint64_t)len;
}

static int cut_seen(ilp *I, uint64_t h)
{
	size_t i;
	if (I->seen_n * 2 >= I->seen_cap) {
		size_t nc = I->seen_cap ? I->seen_cap * 2 : 4096, k;
		uint64_t *ns = ent_calloc(nc, sizeof(uint64_t));
		if (!ns)
			return 1;
		for (k = 0; k < I->seen_cap; k++)
			if (I->seen[k]) {
				size_t j = I->seen[k] % nc;
				while (ns[j])
					j = (j + 1) % nc;
				ns[j] = I->seen[k];
			}
		ent_free(I->seen);
		I->seen = ns;
		I->seen_cap = nc;
	}
	if (!h)
		h = 1;
	i = h % I->seen_cap;
	while (I->seen[i]) {
		if (I->seen[i] == h)
			return 1;
		i = (i + 1) % I->seen_cap;
	}
	I->seen[i] = h;
	I->seen_n++;
	return 0;
}

/* Add sum_{F} y - sum_{C\F} y <= |F| - 1 (ind/val 1-based, len entries). */
static void add_cut(ilp *I, int len, int nodd)
{
	int r;
	if (cut_seen(I, cut_hash(I->ind, I->val, len)))
		return;
	r = glp_add_rows(I->P, 1);
	glp_set_mat_row(I->P, r, len, I->ind, I->val);
	glp_set_row_bnds(I->P, r, GLP_UP, 0.0, (double)(nodd - 1));
	I->cuts++;
}

/* Separate violated cycle inequalities for the current LP solution;
 * returns how many were added. */
static long separate(ilp *I, long max_cuts)
{
	const ent_net *g = I->g;
	size_t n = g->n, H = 2 * n, s;
	long before = I->cuts;
	double *y = ent_malloc((g->m + 1) * sizeof(double));
	if (!y)
		return 0;
	for (s = 0; s < g->m; s++)
		y[s] = yval(I, s);
	for (s = 0; s < n && I->cuts - before < max_cuts; s++) {
		size_t hn, k;
		uint32_t src = (uint32_t)(2 * s), dst = (uint32_t)(2 * s + 1);
		if (g->off[s + 1] - g->off[s] < 2)
			continue;
		if (now() > I->t_end)
			break;
		for (k = 0; k < H; k++) {
			I->dist[k] = INFINITY;
			I->pred[k] = -1;
			I->heap[k] = (uint32_t)k;
			I->pos[k] = (int32_t)k;
		}
		I->dist[src] = 0;
		/* heap: put src first */
		I->heap[0] = src;
		I->heap[src] = 0;
		I->pos[src] = 0;
		I->pos[0] = (int32_t)src;
		hn = H;
		while (hn) {
			uint32_t u = I->heap[0], gu;
			size_t p;
			double du = I->dist[u];
			if (du >= 1.0 - 1e-6)
				break; /* nothing below 1 is left */
			I->heap[0] = I->heap[--hn];
			I->pos[I->heap[0]] = 0;
			I->pos[u] = -1;
			heap_down(I, 0, hn);
			if (u == dst)
				break;
			gu = u / 2;
			for (p = g->off[gu]; p < g->off[gu + 1]; p++) {
				uint32_t gv = g->adj[p], e = g->adj_e[p];
				/* even step keeps the parity, odd step flips it */
				uint32_t ve = 2 * gv + (u & 1), vo = 2 * gv + ((u & 1) ^ 1);
				double ce = y[e], co = 1 - y[e];
				if (I->pos[ve] >= 0 && du + ce < I->dist[ve]) {
					I->dist[ve] = du + ce;
					I->pred[ve] = (int32_t)u;
					I->pred_e[ve] = e;
					heap_up(I, (size_t)I->pos[ve]);
				}
				if (I->pos[vo] >= 0 && du + co < I->dist[vo]) {
					I->dist[vo] = du + co;
					I->pred[vo] = (int32_t)u;
					I->pred_e[vo] = e;
					heap_up(I, (size_t)I->pos[vo]);
				}
			}
		}
		if (!(I->dist[dst] < 1.0 - 1e-6))
			continue;
		/* walk back: collect edges, check the G cycle is simple */
		{
			int len = 0, nodd = 0, simple = 1;
			uint32_t cur = dst;
			while (cur != src && len < (int)g->m) {
				uint32_t pr = (uint32_t)I->pred[cur];
				uint32_t e = I->pred_e[cur];
				int odd = (pr & 1) != (cur & 1);
				int j;
				for (j = 1; j <= len; j++)
					if (I->ind[j] == YCOL(I, e))
						simple = 0;
				len++;
				I->ind[len] = YCOL(I, e);
				I->val[len] = odd ? 1.0 : -1.0;
				nodd += odd;
				cur = pr;
			}
			if (!simple || len < 3 || nodd % 2 == 0)
				continue;
			/* the G nodes on the closed walk must be distinct */
			cur = dst;
			while (cur != src) {
				uint32_t gn = cur / 2;
				if (I->mark[gn])
					simple = 0;
				I->mark[gn] = 1;
				cur = (uint32_t)I->pred[cur];
			}
			cur = dst;
			while (cur != src) {
				I->mark[cur / 2] = 0;
				cur = (uint32_t)I->pred[cur];
			}
			if (simple)
				add_cut(I, len, nodd);
		}
	}
	ent_free(y);
	return I->cuts - before;
}

static long separate_integral(ilp *I);

static void callback(glp_tree *tree, void *info)
{
	ilp *I = info;
	int best;
	switch (glp_ios_reason(tree)) {
	case GLP_IROWGEN:
		if (separate_integral(I) == 0 && now() < I->t_end)
			separate(I, (long)I->n);
		break;
	case GLP_IHEUR:
		if (!I->heur_given && I->heur) {
			double *v = ent_malloc((I->m + 1) * sizeof(double));
			size_t k;
			if (v) {
				for (k = 0; k < I->m; k++)
					v[YCOL(I, k)] = I->heur[I->g->ea[k]] != I->heur[I->g->eb[k]];
				glp_ios_heur_sol(tree, v);
				ent_free(v);
			}
			I->heur_given = 1;
		}
		break;
	default:
		break;
	}
	best = glp_ios_best_node(tree);
	if (best) {
		double b = glp_ios_node_bound(tree, best);
		if (b > I->bound)
			I->bound = b;
	}
	if (now() > I->t_end)
		glp_ios_terminate(tree);
}

typedef struct {
	jmp_buf jb;
} glpk_guard;

static void glpk_hook(void *info)
{
	glpk_guard *gd = info;
	longjmp(gd->jb, 1);
}

/* Sides from y by a spanning forest (y = 1: the tie crosses).  Integral
 * or rounded y.  Returns the number of ties whose y disagrees with the
 * sides, i.e. 0 when y is a split. */
static size_t sides_from_y(ilp *I, const double *y, signed char *side,
                           uint32_t *parent_e, int32_t *parent)
{
	const ent_net *g = I->g;
	size_t v, bad = 0, e;
	uint32_t *q = (uint32_t *)I->heap; /* scratch, 2n entries */
	char *seen = I->mark;
	for (v = 0; v < g->n; v++)
		seen[v] = 0;
	for (v = 0; v < g->n; v++) {
		size_t h = 0, t = 0;
		if (seen[v])
			continue;
		seen[v] = 1;
		side[v] = 0;
		parent[v] = -1;
		q[t++] = (uint32_t)v;
		while (h < t) {
			uint32_t u = q[h++];
			size_t p;
			for (p = g->off[u]; p < g->off[u + 1]; p++) {
				uint32_t w = g->adj[p];
				if (seen[w])
					continue;
				seen[w] = 1;
				side[w] = (signed char)(side[u] ^ (y[g->adj_e[p]] > 0.5));
				parent[w] = (int32_t)u;
				parent_e[w] = g->adj_e[p];
				q[t++] = w;
			}
		}
	}
	for (v = 0; v < g->n; v++)
		seen[v] = 0;
	for (e = 0; e < g->m; e++)
		if ((side[g->ea[e]] != side[g->eb[e]]) != (y[e] > 0.5))
			bad++;
	return bad;
}

/* For an integral LP solution: add the cycle inequality of the fundamental
 * cycle of every tie the spanning forest contradicts (a simple cycle with
 * an odd number of crossing ties).  Returns the number of cuts added, or 0
 * when the solution is fractional or consistent. */
static long separate_integral(ilp *I)
{
	const ent_net *g = I->g;
	size_t e, k;
	long before = I->cuts;
	double *y = ent_malloc((g->m + 1) * sizeof(double));
	signed char *side = ent_malloc(g->n + 1);
	uint32_t *pe = ent_malloc((g->n + 1) * sizeof(uint32_t));
	int32_t *par = ent_malloc((g->n + 1) * sizeof(int32_t));
	uint32_t *depth = ent_calloc(g->n + 1, sizeof(uint32_t));
	if (!y || !side || !pe || !par || !depth)
		goto done;
	for (e = 0; e < g->m; e++) {
		y[e] = yval(I, e);
		if (y[e] > 1e-6 && y[e] < 1 - 1e-6)
			goto done; /* fractional: the path separation's job */
	}
	if (sides_from_y(I, y, side, pe, par) == 0)
		goto done;
	/* depths for the LCA walk */
	for (k = 0; k < g->n; k++) {
		uint32_t d = 0;
		int32_t c = (int32_t)k;
		while (par[c] >= 0 && d < g->n) {
			c = par[c];
			d++;
		}
		depth[k] = d;
	}
	for (e = 0; e < g->m && I->cuts - before < (long)g->n; e++) {
		int32_t u = (int32_t)g->ea[e], v = (int32_t)g->eb[e];
		int len = 0, nodd = 0;
		if ((side[u] != side[v]) == (y[e] > 0.5))
			continue;
		I->ind[++len] = YCOL(I, e);
		I->val[len] = y[e] > 0.5 ? 1.0 : -1.0;
		nodd += y[e] > 0.5;
		while (u != v) {
			int32_t *c = depth[u] >= depth[v] ? &u : &v;
			uint32_t te = pe[*c];
			I->ind[++len] = YCOL(I, te);
			I->val[len] = y[te] > 0.5 ? 1.0 : -1.0;
			nodd += y[te] > 0.5;
			*c = par[*c];
		}
		if (nodd % 2 == 1)
			add_cut(I, len, nodd);
	}
done:
	ent_free(y);
	ent_free(side);
	ent_free(pe);
	ent_free(par);
	ent_free(depth);
	return I->cuts - before;
}

/* Solve exactly (or until the time limit).  On return *exact says whether
 * `side` is proven optimal, *bound is the best lower bound. */
static int ilp_solve(const ent_net *g, int weighted, double time_limit,
                     const signed char *heur, signed char *side, int *exact,
                     double *bound, double *value)
{
	ilp *volatile Iv = ent_calloc(1, sizeof(ilp));
	ilp *I;
	glpk_guard *volatile guard = ent_malloc(sizeof(glpk_guard));
	glp_smcp smcp;
	glp_iocp iocp;
	size_t e;
	double t0 = now(), konst = 0;
	int rc = 0, rounds;
	volatile int hooked = 0;

	if (!Iv || !guard) {
		ent_free(Iv);
		ent_free(guard);
		return ENT_ENOMEM;
	}
	I = Iv;
	I->g = g;
	I->weighted = weighted;
	I->n = g->n;
	I->m = g->m;
	I->t_end = t0 + time_limit;
	I->heur = heur;
	I->bound = -INFINITY;
	I->dist = ent_malloc((2 * g->n + 1) * sizeof(double));
	I->pred = ent_malloc((2 * g->n + 1) * sizeof(int32_t));
	I->pred_e = ent_malloc((2 * g->n + 1) * sizeof(uint32_t));
	I->heap = ent_malloc((2 * g->n + 1) * sizeof(uint32_t));
	I->pos = ent_malloc((2 * g->n + 1) * sizeof(int32_t));
	I->ind = ent_malloc((g->m + 8) * sizeof(int));
	I->mark = ent_calloc(g->n + 1, 1);
	I->val = ent_malloc((g->m + 8) * sizeof(double));
	if (!I->dist || !I->pred || !I->pred_e || !I->heap || !I->pos || !I->ind ||
	    !I->val || !I->mark) {
		rc = ENT_ENOMEM;
		goto done;
	}
	*exact = 0;
	*bound = 0;

	if (setjmp(guard->jb)) {
		/* GLPK failed internally (out of memory): its environment is gone */
		hooked = 1;
		glp_free_env();
		I = Iv;
		I->P = NULL;
		rc = ENT_ENOMEM;
		goto done;
	}
	glp_error_hook(glpk_hook, guard);
	glp_term_out(GLP_OFF);
	I->P = glp_create_prob();
	glp_set_obj_dir(I->P, GLP_MIN);
	glp_add_cols(I->P, (int)g->m);
	for (e = 0; e < g->m; e++) {
		double c = cost_of(g, e, weighted);
		glp_set_col_kind(I->P, YCOL(I, e), GLP_BV);
		if (g->ew[e] > 0) {
			glp_set_obj_coef(I->P, YCOL(I, e), c);
		} else {
			glp_set_obj_coef(I->P, YCOL(I, e), -c);
			konst += c;
		}
	}
	glp_set_obj_coef(I->P, 0, konst);

	/* root cutting-plane loop */
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.meth = GLP_DUALP;
	for (rounds = 0; rounds < 200; rounds++) {
		double left = I->t_end - now();
		if (left <= 0)
			break;
		smcp.tm_lim = (int)(left * 1000) + 1;
		if (glp_simplex(I->P, &smcp) != 0 || glp_get_status(I->P) != GLP_OPT)
			break;
		if (glp_get_obj_val(I->P) > I->bound)
			I->bound = glp_get_obj_val(I->P);
		if (getenv("ENT_DEBUG_ILP"))
			fprintf(stderr, "root round %d: lp %.3f, cuts %ld, rows %d, %.3f s\n",
			        rounds, glp_get_obj_val(I->P), I->cuts, glp_get_num_rows(I->P),
			        now() - t0);
		if (separate_integral(I) == 0 && separate(I, (long)(2 * g->n)) == 0)
			break;
	}
	/* the last LP must be solved after the last cut for intopt */
	if (glp_get_status(I->P) != GLP_OPT) {
		smcp.tm_lim = 1000;
		glp_simplex(I->P, &smcp);
	}
	glp_init_iocp(&iocp);
	iocp.msg_lev = GLP_MSG_OFF;
	iocp.presolve = GLP_OFF;
	iocp.cb_func = callback;
	iocp.cb_info = I;
	iocp.bt_tech = GLP_BT_BLB;
	{
		double left = I->t_end - now();
		iocp.tm_lim = left > 0 ? (int)(left * 1000) + 1 : 1;
	}
	if (glp_get_status(I->P) == GLP_OPT)
		glp_intopt(I->P, &iocp);
	{
		int st = glp_mip_status(I->P);
		if (st == GLP_OPT || st == GLP_FEAS) {
			double val = glp_mip_obj_val(I->P);
			*value = val;
			double *y = ent_malloc((g->m + 1) * sizeof(double));
			uint32_t *pe = ent_malloc((g->n + 1) * sizeof(uint32_t));
			int32_t *par = ent_malloc((g->n + 1) * sizeof(int32_t));
			size_t bad = 1;
			if (y && pe && par) {
				for (e = 0; e < g->m; e++)
					y[e] = glp_mip_col_val(I->P, YCOL(I, e));
				bad = sides_from_y(I, y, side, pe, par);
			}
			ent_free(y);
			ent_free(pe);
			ent_free(par);
			if (bad) { /* cannot happen: integral y are always separated */
				st = GLP_UNDEF;
				*value = INFINITY;
			}
			if (st == GLP_OPT && !bad) {
				*exact = 1;
				I->bound = val;
			}
		} else {
			*value = INFINITY;
		}
	}
	*bound = I->bound > 0 ? I->bound : 0;
done:
	if (!hooked) {
		if (I->P)
			glp_delete_prob(I->P);
		glp_error_hook(NULL, NULL);
		/* GLPK keeps one environment per thread; ours holds nothing
		 * after the solve, so free it (a server's worker threads would
		 * otherwise each keep one) */
		glp_free_env();
	}
	ent_free(I->dist);
	ent_free(I->pred);
	ent_free(I->pred_e);
	ent_free(I->heap);
	ent_free(I->pos);
	ent_free(I->ind);
	ent_free(I->val);
	ent_free(I->mark);
	ent_free(I->seen);
	ent_free(I);
	ent_free(guard);
	return rc;
}

/* ------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------ */

void ent_frustration_free(ent_frustration *f)
{
	if (!f)
		return;
	ent_free(f->frustrated);
	ent_free(f->side);
	ent_free(f);
}

int ent_net_frustration(ent_frustration **out, const ent_net *g,
                        const ent_frustration_options *opts)
{
	ent_frustration_options def = ENT_FRUSTRATION_OPTIONS_INIT;
	ent_frustration *f = ent_calloc(1, sizeof(*f));
	signed char *heur = NULL, *ex = NULL;
	double t0 = now(), hv = 0, lb = 0;
	size_t e, k;
	int rc = 0;

	*out = NULL;
	if (!opts)
		opts = &def;
	if (!f)
		return ENT_ENOMEM;
	f->side = ent_calloc(g->n + 1, 1);
	heur = ent_calloc(g->n + 1, 1);
	if (!f->side || !heur) {
		rc = ENT_ENOMEM;
		goto done;
	}
	{
		/* the local search gets a share of the budget */
		double budget = opts->heuristic_only ? opts->time_limit
		                                     : opts->time_limit * 0.1;
		if (budget > 2.0 && !opts->heuristic_only)
			budget = 2.0;
		if (g->m > 0 && (rc = local_search(g, opts->weighted, opts->seed,
		                                   budget, heur, &hv)) < 0)
			goto done;
	}
	memcpy(f->side, heur, g->n);
	f->method = "local-search";
	if ((rc = triangle_bound(g, opts->weighted, &lb)) < 0)
		goto done;
	if ((opts->weighted && hv <= lb + 1e-9) ||
	    (!opts->weighted && hv < lb + 1e-9 && lb == 0)) {
		f->exact = 1; /* the bound meets the heuristic */
	} else if (!opts->heuristic_only && g->m <= opts->exact_max_edges) {
		int exact = 0;
		double bound = 0, val = INFINITY;
		double left = opts->time_limit - (now() - t0);
		ex = ent_calloc(g->n + 1, 1);
		if (!ex) {
			rc = ENT_ENOMEM;
			goto done;
		}
		if ((rc = ilp_solve(g, opts->weighted, left > 0.05 ? left : 0.05, heur,
		                    ex, &exact, &bound, &val)) < 0)
			goto done;
		if (val < hv - 1e-9) {
			memcpy(f->side, ex, g->n);
			hv = val;
		}
		if (bound > lb)
			lb = opts->weighted ? bound : floor(bound + 1e-9);
		f->exact = exact;
		f->method = f->exact ? "ilp" : "ilp-timeout";
	}
	/* count what the chosen split frustrates */
	f->frustrated = ent_malloc((g->m + 1) * sizeof(size_t));
	if (!f->frustrated) {
		rc = ENT_ENOMEM;
		goto done;
	}
	for (e = 0, k = 0; e < g->m; e++)
		if (is_frustrated(g, f->side, e)) {
			f->frustrated[k++] = e;
			f->value_weighted += fabs(g->ew[e]);
		}
	f->nfrustrated = k;
	f->value = (long)k;
	if (opts->weighted) {
		f->lower_bound = (long)floor(lb + 1e-6);
		f->gap = f->value_weighted > 0
		             ? (f->value_weighted - lb) / f->value_weighted
		             : 0;
	} else {
		f->lower_bound = (long)ceil(lb - 1e-6);
		if (f->lower_bound >= f->value)
			f->exact = 1; /* the bound proves the count optimal */
		if (f->exact)
			f->lower_bound = f->value;
		f->gap = f->value > 0
		             ? (double)(f->value - f->lower_bound) / (double)f->value
		             : 0;
	}
	if (f->exact)
		f->gap = 0;
	if (f->gap < 0)
		f->gap = 0;
	f->seconds = now() - t0;
done:
	ent_free(heur);
	ent_free(ex);
	if (rc < 0) {
		ent_frustration_free(f);
		return rc;
	}
	*out = f;
	return 0;
}
