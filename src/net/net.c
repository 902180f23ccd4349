/*
 * net.c - the signed network as of a date: nodes, edges and a compressed
 * adjacency (CSR) with sorted neighbour lists.
 *
 * Design: edges are stored once (a < b) with their signed weight; the
 * adjacency lists every edge twice, neighbours sorted, each entry carrying
 * the edge id, so analyses can walk neighbourhoods, intersect them (triangle
 * listing) and look a weight up by binary search.  In state mode node v
 * corresponds to tie-set node id[v]; nodes exist only for states with at
 * least one tie past the dead band, the others are "unaligned".
 */
#include "entente/net.h"
#include "net/net_internal.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ent_ties_index(ent_ties *t);
int ent_ties_each_dyad(ent_ties *t, void (*cb)(uint32_t a, uint32_t b,
                                               void *payload),
                       void *payload);

void ent_net_free(ent_net *g)
{
	if (!g)
		return;
	ent_free(g->ea);
	ent_free(g->eb);
	ent_free(g->ew);
	ent_free(g->off);
	ent_free(g->adj);
	ent_free(g->adj_e);
	ent_free(g->id);
	ent_free(g->node_of_id);
	ent_free(g->unaligned);
	ent_free(g->label_buf);
	ent_free(g->labels);
	ent_free(g);
}

typedef struct {
	uint32_t a, b;
	double w;
} raw_edge;

static int cmp_raw(const void *x, const void *y)
{
	const raw_edge *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

/* Build CSR from g->ea/eb (n nodes, m edges). */
static int build_csr(ent_net *g)
{
	size_t i, *fill = NULL;
	g->off = ent_calloc(g->n + 1, sizeof(size_t));
	g->adj = ent_malloc((2 * g->m + 1) * sizeof(uint32_t));
	g->adj_e = ent_malloc((2 * g->m + 1) * sizeof(uint32_t));
	fill = ent_calloc(g->n + 1, sizeof(size_t));
	if (!g->off || !g->adj || !g->adj_e || !fill) {
		ent_free(fill);
		return ENT_ENOMEM;
	}
	for (i = 0; i < g->m; i++) {
		g->off[g->ea[i] + 1]++;
		g->off[g->eb[i] + 1]++;
	}
	for (i = 0; i < g->n; i++)
		g->off[i + 1] += g->off[i];
	/* edges are sorted by (a, b): filling in edge order gives sorted lists
	 * for the "b" side; the "a" side is sorted because for a fixed a the
	 * b's increase, and entries from smaller a's come first for node b. */
	for (i = 0; i < g->m; i++) {
		uint32_t a = g->ea[i], b = g->eb[i];
		g->adj[g->off[a] + fill[a]] = b;
		g->adj_e[g->off[a] + fill[a]++] = (uint32_t)i;
		g->adj[g->off[b] + fill[b]] = a;
		g->adj_e[g->off[b] + fill[b]++] = (uint32_t)i;
	}
	ent_free(fill);
	/* lists mix "neighbours with smaller id" (added while scanning their
	 * edges) and larger ones; sort each list (insertion sort is fine for the
	 * mostly sorted lists) */
	for (i = 0; i < g->n; i++) {
		size_t s = g->off[i], e = g->off[i + 1], p, q;
		for (p = s + 1; p < e; p++) {
			uint32_t v = g->adj[p], ed = g->adj_e[p];
			q = p;
			while (q > s && g->adj[q - 1] > v) {
				g->adj[q] = g->adj[q - 1];
				g->adj_e[q] = g->adj_e[q - 1];
				q--;
			}
			g->adj[q] = v;
			g->adj_e[q] = ed;
		}
	}
	return 0;
}

static int from_raw(ent_net *g, raw_edge *r, size_t m)
{
	size_t i, k = 0;
	if (m)
		qsort(r, m, sizeof(*r), cmp_raw);
	/* a repeated pair keeps the last weight (qsort is not stable, so
	 * callers dedupe before when order matters) */
	g->ea = ent_malloc((m + 1) * sizeof(uint32_t));
	g->eb = ent_malloc((m + 1) * sizeof(uint32_t));
	g->ew = ent_malloc((m + 1) * sizeof(double));
	if (!g->ea || !g->eb || !g->ew)
		return ENT_ENOMEM;
	for (i = 0; i < m; i++) {
		if (k && g->ea[k - 1] == r[i].a && g->eb[k - 1] == r[i].b) {
			g->ew[k - 1] = r[i].w;
			continue;
		}
		g->ea[k] = r[i].a;
		g->eb[k] = r[i].b;
		g->ew[k] = r[i].w;
		k++;
	}
	g->m = k;
	return build_csr(g);
}

typedef struct {
	ent_ties *t;
	ent_date d;
	raw_edge *r;
	size_t n, cap;
	int oom;
} collect;

static void collect_dyad(uint32_t a, uint32_t b, void *payload)
{
	collect *c = payload;
	ent_tie_value v;
	if (c->oom)
		return;
	ent_ties_value(c->t, a, b, c->d, &v);
	if (fabs(v.value) < ent_ties_options(c->t)->dead_band || v.value == 0)
		return;
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 256;
		raw_edge *nr = ent_realloc(c->r, nc * sizeof(*nr));
		if (!nr) {
			c->oom = 1;
			return;
		}
		c->r = nr;
		c->cap = nc;
	}
	c->r[c->n].a = a;
	c->r[c->n].b = b;
	c->r[c->n].w = v.value;
	c->n++;
}

int ent_net_from_ties(ent_net **out, const ent_ties *tc, ent_date d)
{
	ent_ties *t = (ent_ties *)tc;
	ent_net *g = ent_calloc(1, sizeof(*g));
	collect c;
	size_t nid = ent_ties_node_count(t), i, k;
	int rc = 0;
	*out = NULL;
	memset(&c, 0, sizeof c);
	if (!g)
		return ENT_ENOMEM;
	g->ties = t;
	g->date = d;
	c.t = t;
	c.d = d;
	if ((rc = ent_ties_each_dyad(t, collect_dyad, &c)) < 0 || c.oom) {
		rc = ENT_ENOMEM;
		goto done;
	}
	/* nodes: ids with at least one edge, in id order */
	g->nid = nid;
	g->node_of_id = ent_malloc((nid + 1) * sizeof(int));
	g->id = ent_malloc((nid + 1) * sizeof(int));
	if (!g->node_of_id || !g->id) {
		rc = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < nid; i++)
		g->node_of_id[i] = -1;
	for (i = 0; i < c.n; i++) {
		g->node_of_id[c.r[i].a] = 0;
		g->node_of_id[c.r[i].b] = 0;
	}
	for (i = 0, k = 0; i < nid; i++)
		if (g->node_of_id[i] == 0) {
			g->node_of_id[i] = (int)k;
			g->id[k++] = (int)i;
		}
	g->n = k;
	g->unaligned = ent_malloc((nid - k + 1) * sizeof(int));
	if (!g->unaligned) {
		rc = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < nid; i++)
		if (g->node_of_id[i] < 0)
			g->unaligned[g->nunaligned++] = (int)i;
	for (i = 0; i < c.n; i++) {
		c.r[i].a = (uint32_t)g->node_of_id[c.r[i].a];
		c.r[i].b = (uint32_t)g->node_of_id[c.r[i].b];
	}
	rc = from_raw(g, c.r, c.n);
done:
	ent_free(c.r);
	if (rc < 0) {
		ent_net_free(g);
		return rc;
	}
	*out = g;
	return 0;
}

int ent_net_from_edges(ent_net **out, ent_ctx *ctx, size_t n, size_t m,
                       const uint32_t *a, const uint32_t *b, const double *w)
{
	ent_net *g = ent_calloc(1, sizeof(*g));
	raw_edge *r = NULL;
	size_t i, k = 0;
	int rc;
	*out = NULL;
	if (!g)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	g->ctx = ctx;
	g->date = ENT_DATE_NONE;
	g->n = n;
	r = ent_malloc((m + 1) * sizeof(*r));
	if (!r) {
		ent_net_free(g);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	for (i = 0; i < m; i++) {
		if (a[i] >= n || b[i] >= n || a[i] == b[i] || w[i] == 0)
			continue;
		r[k].a = a[i] < b[i] ? a[i] : b[i];
		r[k].b = a[i] < b[i] ? b[i] : a[i];
		r[k].w = w[i];
		k++;
	}
	rc = from_raw(g, r, k);
	ent_free(r);
	if (rc < 0) {
		ent_net_free(g);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	*out = g;
	return 0;
}

size_t ent_net_node_count(const ent_net *g)
{
	return g->n;
}

size_t ent_net_edge_count(const ent_net *g)
{
	return g->m;
}

ent_date ent_net_date(const ent_net *g)
{
	return g->date;
}

const char *ent_net_node_label(const ent_net *gc, size_t v)
{
	ent_net *g = (ent_net *)gc;
	if (g->ties)
		return ent_ties_node_label(g->ties, (size_t)g->id[v]);
	if (!g->labels) {
		/* "0", "1", ... built on first use */
		size_t i, k = 0;
		g->labels = ent_malloc((g->n + 1) * sizeof(char *));
		g->label_buf = ent_malloc(g->n * 12 + 1);
		if (!g->labels || !g->label_buf)
			return "?";
		for (i = 0; i < g->n; i++) {
			g->labels[i] = g->label_buf + k;
			k += (size_t)snprintf(g->label_buf + k, 12, "%zu", i) + 1;
		}
	}
	return g->labels[v];
}

int ent_net_node_id(const ent_net *g, size_t v)
{
	return g->id ? g->id[v] : (int)v;
}

int ent_net_node_of(const ent_net *g, int id)
{
	if (!g->node_of_id)
		return id >= 0 && (size_t)id < g->n ? id : -1;
	if (id < 0 || (size_t)id >= g->nid)
		return -1;
	return g->node_of_id[id];
}

void ent_net_edge(const ent_net *g, size_t e, size_t *a, size_t *b, double *w)
{
	*a = g->ea[e];
	*b = g->eb[e];
	*w = g->ew[e];
}

double ent_net_weight(const ent_net *g, size_t u, size_t v)
{
	size_t lo = g->off[u], hi = g->off[u + 1];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->adj[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->off[u + 1] && g->adj[lo] == v)
		return g->ew[g->adj_e[lo]];
	return 0;
}

size_t ent_net_degree(const ent_net *g, size_t v)
{
	return g->off[v + 1] - g->off[v];
}

const uint32_t *ent_net_neighbours(const ent_net *g, size_t v,
                                   const uint32_t **edges)
{
	if (edges)
		*edges = g->adj_e + g->off[v];
	return g->adj + g->off[v];
}

size_t ent_net_unaligned(const ent_net *g, const int **ids)
{
	*ids = g->unaligned;
	return g->nunaligned;
}
