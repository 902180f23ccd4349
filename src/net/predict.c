/*
 * predict.c - the sign of an absent tie, predicted from structural balance
 * over common neighbours: "the friend of my enemy is my enemy".
 *
 * For nodes a and b, every common neighbour k votes w_ak * w_kb (friend of
 * a friend: +; friend of an enemy, enemy of a friend: -; enemy of an enemy:
 * +).  The prediction is the sign of the sum, its confidence the share of
 * the votes' weight that agrees with it (Heider 1946; Leskovec,
 * Huttenlocher & Kleinberg 2010 show balance-based features predict signs
 * in real signed networks).
 */
#include "net/net_internal.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_reason(const void *x, const void *y)
{
	const ent_predict_reason *a = x, *b = y;
	double ma = fabs(a->wa * a->wb), mb = fabs(b->wa * b->wb);
	if (ma != mb)
		return ma > mb ? -1 : 1;
	return a->via < b->via ? -1 : a->via > b->via;
}

void ent_prediction_clear(ent_prediction *p)
{
	if (!p)
		return;
	ent_free(p->reasons);
	p->reasons = NULL;
	p->nreasons = 0;
}

int ent_net_predict(ent_prediction *out, const ent_net *g, size_t a, size_t b)
{
	size_t i = g->off[a], j = g->off[b], k = 0;
	size_t di = g->off[a + 1] - i, dj = g->off[b + 1] - j;
	double sum = 0, abs_sum = 0;
	memset(out, 0, sizeof(*out));
	out->a = a;
	out->b = b;
	out->reasons = ent_malloc(((di < dj ? di : dj) + 1) * sizeof(ent_predict_reason));
	if (!out->reasons)
		return ENT_ENOMEM;
	while (i < g->off[a + 1] && j < g->off[b + 1]) {
		uint32_t x = g->adj[i], y = g->adj[j];
		if (x < y) {
			i++;
		} else if (y < x) {
			j++;
		} else {
			double wa = g->ew[g->adj_e[i]], wb = g->ew[g->adj_e[j]];
			if (x != a && x != b) {
				out->reasons[k].via = x;
				out->reasons[k].wa = wa;
				out->reasons[k].wb = wb;
				k++;
				sum += wa * wb;
				abs_sum += fabs(wa * wb);
			}
			i++;
			j++;
		}
	}
	out->nreasons = k;
	qsort(out->reasons, k, sizeof(*out->reasons), cmp_reason);
	out->score = sum;
	out->sign = sum > 1e-12 ? 1 : sum < -1e-12 ? -1 : 0;
	out->confidence = abs_sum > 0 ? fabs(sum) / abs_sum : 0;
	return 0;
}

void ent_predictions_free(ent_prediction *p, size_t count)
{
	size_t i;
	if (!p)
		return;
	for (i = 0; i < count; i++)
		ent_prediction_clear(&p[i]);
	ent_free(p);
}

static int cmp_pred(const void *x, const void *y)
{
	const ent_prediction *a = x, *b = y;
	double sa = fabs(a->score) * a->confidence, sb = fabs(b->score) * b->confidence;
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

int ent_net_predict_missing(ent_prediction **out, size_t *count,
                            const ent_net *g, size_t min_common, size_t max)
{
	size_t a, n = g->n, np = 0, cap = 0;
	ent_prediction *res = NULL;
	uint32_t *common = NULL;
	char *adjacent = NULL;
	int rc = 0;
	*out = NULL;
	*count = 0;
	if (n > 20000)
		return ENT_ELIMIT;
	common = ent_calloc(n + 1, sizeof(uint32_t));
	adjacent = ent_calloc(n + 1, 1);
	if (!common || !adjacent) {
		rc = ENT_ENOMEM;
		goto done;
	}
	for (a = 0; a < n; a++) {
		size_t p, q, b;
		for (p = g->off[a]; p < g->off[a + 1]; p++)
			adjacent[g->adj[p]] = 1;
		for (p = g->off[a]; p < g->off[a + 1]; p++) {
			uint32_t k = g->adj[p];
			for (q = g->off[k]; q < g->off[k + 1]; q++)
				if (g->adj[q] > a)
					common[g->adj[q]]++;
		}
		for (b = a + 1; b < n; b++) {
			if (common[b] >= (min_common ? min_common : 1) && !adjacent[b]) {
				if (np == cap) {
					size_t nc = cap ? cap * 2 : 64;
					ent_prediction *nr = ent_realloc(res, nc * sizeof(*nr));
					if (!nr) {
						rc = ENT_ENOMEM;
						goto done;
					}
					res = nr;
					cap = nc;
				}
				if ((rc = ent_net_predict(&res[np], g, a, b)) < 0)
					goto done;
				if (res[np].sign == 0)
					ent_prediction_clear(&res[np]);
				else
					np++;
			}
			common[b] = 0;
		}
		for (p = g->off[a]; p < g->off[a + 1]; p++)
			adjacent[g->adj[p]] = 0;
	}
	if (np)
		qsort(res, np, sizeof(*res), cmp_pred);
	while (max && np > max)
		ent_prediction_clear(&res[--np]);
done:
	ent_free(common);
	ent_free(adjacent);
	if (rc < 0) {
		ent_predictions_free(res, np);
		return rc;
	}
	*out = res;
	*count = np;
	return 0;
}
