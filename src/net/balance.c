/*
 * balance.c - structural balance: the signed triad census, the balance
 * ratio (plain and weighted) and the walk-based balance degree.
 *
 * A triangle is balanced when the product of its signs is positive: "+++"
 * (friends of friends are friends) and "+--" (the enemy of my enemy is my
 * friend); "++-" and "---" are unbalanced (Heider 1946; Cartwright & Harary
 * 1956).  The walk-based degree (Estrada & Benzi 2014) counts closed walks
 * of every length, weighted 1/k!, so longer cycles matter less:
 *   K = trace exp(W) / trace exp(|W|) = sum exp(l_i) / sum exp(m_i)
 * where l_i, m_i are the eigenvalues of the signed and absolute weight
 * matrices; K = 1 for a balanced network and decreases with imbalance.
 *
 * igraph is used behind this wall for the dense symmetric eigenproblem
 * (LAPACK dsyevr); its default error handler aborts, so a non-aborting one
 * is installed first and its error codes are translated here.
 */
#include "net/net_internal.h"
#include "util/alloc.h"

#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t igraph_once = PTHREAD_ONCE_INIT;

static void igraph_setup(void)
{
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void ent_net_igraph_init(void)
{
	pthread_once(&igraph_once, igraph_setup);
}

/* ------------------------------------------------------------------------
 * Triangles
 * ------------------------------------------------------------------------ */

int ent_net_triangles(const ent_net *g,
                      void (*cb)(uint32_t e1, uint32_t e2, uint32_t e3,
                                 void *payload),
                      void *payload)
{
	size_t n = g->n, i;
	uint32_t *rank = NULL, *order = NULL;
	size_t *ooff = NULL;
	uint32_t *oadj = NULL, *oe = NULL;
	uint32_t *mark = NULL; /* mark[w] = edge id (u,w) + 1 while scanning u */
	int rc = 0;

	rank = ent_malloc((n + 1) * sizeof(uint32_t));
	order = ent_malloc((n + 1) * sizeof(uint32_t));
	ooff = ent_calloc(n + 1, sizeof(size_t));
	oadj = ent_malloc((g->m + 1) * sizeof(uint32_t));
	oe = ent_malloc((g->m + 1) * sizeof(uint32_t));
	mark = ent_calloc(n + 1, sizeof(uint32_t));
	if (!rank || !order || !ooff || !oadj || !oe || !mark) {
		rc = ENT_ENOMEM;
		goto done;
	}
	/* rank by (degree, id): counting sort on degree */
	{
		size_t maxd = 0, *cnt;
		for (i = 0; i < n; i++) {
			size_t d = g->off[i + 1] - g->off[i];
			if (d > maxd)
				maxd = d;
		}
		cnt = ent_calloc(maxd + 2, sizeof(size_t));
		if (!cnt) {
			rc = ENT_ENOMEM;
			goto done;
		}
		for (i = 0; i < n; i++)
			cnt[g->off[i + 1] - g->off[i] + 1]++;
		for (i = 1; i <= maxd + 1; i++)
			cnt[i] += cnt[i - 1];
		for (i = 0; i < n; i++)
			order[cnt[g->off[i + 1] - g->off[i]]++] = (uint32_t)i;
		for (i = 0; i < n; i++)
			rank[order[i]] = (uint32_t)i;
		ent_free(cnt);
	}
	/* out-neighbours: higher rank */
	for (i = 0; i < n; i++) {
		size_t p;
		ooff[i + 1] = ooff[i];
		for (p = g->off[i]; p < g->off[i + 1]; p++)
			if (rank[g->adj[p]] > rank[i]) {
				oadj[ooff[i + 1]] = g->adj[p];
				oe[ooff[i + 1]++] = g->adj_e[p];
			}
	}
	for (i = 0; i < n; i++) {
		size_t p, q;
		for (p = ooff[i]; p < ooff[i + 1]; p++)
			mark[oadj[p]] = oe[p] + 1;
		for (p = ooff[i]; p < ooff[i + 1]; p++) {
			uint32_t v = oadj[p];
			for (q = ooff[v]; q < ooff[v + 1]; q++) {
				uint32_t w = oadj[q];
				if (mark[w])
					cb(oe[p], oe[q], mark[w] - 1, payload);
			}
		}
		for (p = ooff[i]; p < ooff[i + 1]; p++)
			mark[oadj[p]] = 0;
	}
done:
	ent_free(rank);
	ent_free(order);
	ent_free(ooff);
	ent_free(oadj);
	ent_free(oe);
	ent_free(mark);
	return rc;
}

typedef struct {
	const double *w;
	long cnt[4];
	double wbal, wall;
} census;

static void count_triangle(uint32_t e1, uint32_t e2, uint32_t e3, void *p)
{
	census *c = p;
	double a = c->w[e1], b = c->w[e2], d = c->w[e3];
	int neg = (a < 0) + (b < 0) + (d < 0);
	double mag = fabs(a * b * d);
	c->cnt[neg]++;
	c->wall += mag;
	if (neg % 2 == 0)
		c->wbal += mag;
}

/* log(sum exp(x_i)) without overflow */
static double log_sum_exp(const double *x, size_t n)
{
	double mx = -INFINITY, s = 0;
	size_t i;
	for (i = 0; i < n; i++)
		if (x[i] > mx)
			mx = x[i];
	for (i = 0; i < n; i++)
		s += exp(x[i] - mx);
	return mx + log(s);
}

static int eigenvalues(const ent_net *g, int absolute, double *out)
{
	igraph_matrix_t A;
	igraph_vector_t values;
	size_t e, i;
	int rc = 0;
	if (igraph_matrix_init(&A, (igraph_integer_t)g->n, (igraph_integer_t)g->n))
		return ENT_ENOMEM;
	if (igraph_vector_init(&values, 0)) {
		igraph_matrix_destroy(&A);
		return ENT_ENOMEM;
	}
	for (e = 0; e < g->m; e++) {
		double w = absolute ? fabs(g->ew[e]) : g->ew[e];
		MATRIX(A, g->ea[e], g->eb[e]) = w;
		MATRIX(A, g->eb[e], g->ea[e]) = w;
	}
	if (igraph_lapack_dsyevr(&A, IGRAPH_LAPACK_DSYEV_ALL, 0, 0, 0, 0, 0, 1e-10,
	                         &values, NULL, NULL) != IGRAPH_SUCCESS)
		rc = ENT_EINVAL;
	else
		for (i = 0; i < g->n; i++)
			out[i] = VECTOR(values)[i];
	igraph_vector_destroy(&values);
	igraph_matrix_destroy(&A);
	return rc;
}

int ent_net_balance(const ent_net *g, ent_balance *out)
{
	census c;
	int rc;
	long tri;
	memset(&c, 0, sizeof c);
	memset(out, 0, sizeof(*out));
	c.w = g->ew;
	if ((rc = ent_net_triangles(g, count_triangle, &c)) < 0)
		return rc;
	out->ppp = c.cnt[0];
	out->ppn = c.cnt[1];
	out->pnn = c.cnt[2];
	out->nnn = c.cnt[3];
	tri = c.cnt[0] + c.cnt[1] + c.cnt[2] + c.cnt[3];
	out->ratio = tri ? (double)(c.cnt[0] + c.cnt[2]) / (double)tri : 1.0;
	out->ratio_weighted = c.wall > 0 ? c.wbal / c.wall : 1.0;
	out->walk = NAN;
	if (g->n >= 1 && g->n <= 2000) {
		double *ls = ent_malloc(g->n * sizeof(double));
		double *ms = ent_malloc(g->n * sizeof(double));
		ent_net_igraph_init();
		if (ls && ms && eigenvalues(g, 0, ls) == 0 && eigenvalues(g, 1, ms) == 0) {
			out->walk = exp(log_sum_exp(ls, g->n) - log_sum_exp(ms, g->n));
			out->walk_computed = 1;
		}
		ent_free(ls);
		ent_free(ms);
	}
	return 0;
}
