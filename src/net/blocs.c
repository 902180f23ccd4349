/*
 * blocs.c - camps by signed blockmodelling, and the states between them.
 *
 * The criterion (Doreian & Mrvar 1996) for a partition into k blocs is
 *     P = alpha * sum |w| of negative ties inside blocs
 *       + (1 - alpha) * sum w of positive ties between blocs,
 * the weighted form of correlation clustering.  It is minimised by
 * relocation: each node moves to the bloc where its own contribution is
 * least, until no move helps; from many random starts (Brusco & Steinley
 * 2010 describe the same relocation heuristic and its exact counterparts).
 * With k = 0, k = 1..max_k are tried and the smallest k whose error is
 * within 10% of the best is kept: more camps must pay for themselves.
 *
 * A node is "between" two camps when it has a strong friend in each: its
 * strongest positive tie into the second camp is at least `between_share`
 * of its strongest tie into the first and at least `between_min`, and its
 * ties to each of the two camps sum to a friendly balance (a state hostile
 * to a camp does not sit between it and another).  Such a node is not
 * forced into a camp.  A camp's cohesion is the mean of
 * the ties among its members, in [-1, 1] (how friendly they are), and its
 * density the share of member pairs that have a tie at all: camps are not
 * equally united.
 *
 * Time: O(restarts * sweeps * (n k + m)) per k.
 */
#include "net/net_internal.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return x;
}

static double criterion(const ent_net *g, const int *bloc, double alpha)
{
	size_t e;
	double p = 0;
	for (e = 0; e < g->m; e++) {
		int same = bloc[g->ea[e]] == bloc[g->eb[e]];
		double w = g->ew[e];
		if (w < 0 && same)
			p += alpha * -w;
		else if (w > 0 && !same)
			p += (1 - alpha) * w;
	}
	return p;
}

/* One run of relocation from the current assignment. */
static void relocate(const ent_net *g, int *bloc, int k, double alpha,
                     double *pos, double *neg)
{
	int moved = 1, sweeps = 0;
	while (moved && sweeps++ < 100) {
		size_t v;
		moved = 0;
		for (v = 0; v < g->n; v++) {
			size_t p;
			double tot_pos = 0, best_c;
			int b, best = bloc[v];
			for (b = 0; b < k; b++)
				pos[b] = neg[b] = 0;
			for (p = g->off[v]; p < g->off[v + 1]; p++) {
				double w = g->ew[g->adj_e[p]];
				int ob = bloc[g->adj[p]];
				if (w > 0) {
					pos[ob] += w;
					tot_pos += w;
				} else {
					neg[ob] -= w;
				}
			}
			best_c = alpha * neg[best] + (1 - alpha) * (tot_pos - pos[best]);
			for (b = 0; b < k; b++) {
				double c = alpha * neg[b] + (1 - alpha) * (tot_pos - pos[b]);
				if (c < best_c - 1e-12) {
					best_c = c;
					best = b;
				}
			}
			if (best != bloc[v]) {
				bloc[v] = best;
				moved = 1;
			}
		}
	}
}

/* Best partition into (at most) k blocs. */
static int partition(const ent_net *g, int k, const ent_blocs_options *o,
                     int *best, double *best_p)
{
	int *cur = ent_malloc((g->n + 1) * sizeof(int));
	double *pos = ent_malloc((size_t)(k + 1) * sizeof(double));
	double *neg = ent_malloc((size_t)(k + 1) * sizeof(double));
	uint64_t sd = 0x51ED2701ULL ^ ((uint64_t)o->seed * 0x9E3779B97F4A7C15ULL) ^
	              (uint64_t)k;
	int r;
	if (!cur || !pos || !neg) {
		ent_free(cur);
		ent_free(pos);
		ent_free(neg);
		return ENT_ENOMEM;
	}
	*best_p = INFINITY;
	for (r = 0; r < (o->restarts > 0 ? o->restarts : 1); r++) {
		size_t v;
		double p;
		for (v = 0; v < g->n; v++)
			cur[v] = k > 1 ? (int)(rnd(&sd) % (uint64_t)k) : 0;
		relocate(g, cur, k, o->alpha, pos, neg);
		p = criterion(g, cur, o->alpha);
		if (p < *best_p - 1e-12) {
			*best_p = p;
			memcpy(best, cur, g->n * sizeof(int));
		}
		if (*best_p == 0)
			break;
	}
	ent_free(cur);
	ent_free(pos);
	ent_free(neg);
	return 0;
}

typedef struct {
	int id;
	size_t size;
	size_t min_node;
} bloc_key;

static int cmp_bloc(const void *a, const void *b)
{
	const bloc_key *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->min_node < y->min_node ? -1 : x->min_node > y->min_node;
}

/* Renumber blocs: non-empty only, largest first, then by first node. */
static int canonical(const ent_net *g, int *bloc, int k)
{
	bloc_key *keys = ent_calloc((size_t)k + 1, sizeof(*keys));
	int *map = ent_malloc(((size_t)k + 1) * sizeof(int));
	int b, used = 0;
	size_t v;
	if (!keys || !map) {
		ent_free(keys);
		ent_free(map);
		return -1;
	}
	for (b = 0; b < k; b++) {
		keys[b].id = b;
		keys[b].min_node = (size_t)-1;
	}
	for (v = 0; v < g->n; v++) {
		keys[bloc[v]].size++;
		if (v < keys[bloc[v]].min_node)
			keys[bloc[v]].min_node = v;
	}
	qsort(keys, (size_t)k, sizeof(*keys), cmp_bloc);
	for (b = 0; b < k; b++) {
		map[keys[b].id] = keys[b].size ? used : -1;
		if (keys[b].size)
			used++;
	}
	for (v = 0; v < g->n; v++)
		bloc[v] = map[bloc[v]];
	ent_free(keys);
	ent_free(map);
	return used;
}

void ent_blocs_free(ent_blocs *b)
{
	if (!b)
		return;
	ent_free(b->bloc);
	ent_free(b->cohesion);
	ent_free(b->density);
	ent_free(b->criteria);
	ent_free(b->between);
	ent_free(b->between_camps);
	ent_free(b);
}

int ent_net_blocs(ent_blocs **out, const ent_net *g,
                  const ent_blocs_options *opts)
{
	ent_blocs_options def = ENT_BLOCS_OPTIONS_INIT;
	ent_blocs *B = ent_calloc(1, sizeof(*B));
	int *tmp = NULL, k, kmin, kmax, rc = 0;
	double bestp = INFINITY;
	size_t v;

	*out = NULL;
	if (!opts)
		opts = &def;
	if (!B)
		return ENT_ENOMEM;
	kmax = opts->k > 0 ? opts->k : (opts->max_k > 0 ? opts->max_k : 6);
	kmin = opts->k > 0 ? opts->k : 1;
	B->max_k = kmax;
	B->bloc = ent_calloc(g->n + 1, sizeof(int));
	B->criteria = ent_malloc(((size_t)kmax + 1) * sizeof(double));
	tmp = ent_malloc((g->n + 1) * sizeof(int));
	if (!B->bloc || !B->criteria || !tmp) {
		rc = ENT_ENOMEM;
		goto done;
	}
	for (k = 0; k < kmax; k++)
		B->criteria[k] = NAN;
	for (k = kmin; k <= kmax; k++) {
		double p;
		if ((rc = partition(g, k, opts, tmp, &p)) < 0)
			goto done;
		B->criteria[k - 1] = p;
		if (p < bestp)
			bestp = p;
	}
	/* choose: the given k, or the smallest within 10% of the best */
	B->k = kmax;
	if (opts->k > 0) {
		B->k = opts->k;
		snprintf(B->reason, sizeof B->reason, "k = %d as asked", opts->k);
	} else {
		for (k = kmin; k <= kmax; k++)
			if (B->criteria[k - 1] <= bestp * 1.1 + 1e-9) {
				B->k = k;
				break;
			}
		{
			size_t off = 0;
			off += (size_t)snprintf(B->reason + off, sizeof B->reason - off,
			                        "k = %d: the smallest k whose error is within "
			                        "10%% of the best (errors by k:", B->k);
			for (k = kmin; k <= kmax && off < sizeof B->reason; k++)
				off += (size_t)snprintf(B->reason + off, sizeof B->reason - off,
				                        " %d: %.2f%s", k, B->criteria[k - 1],
				                        k < kmax ? "," : ")");
		}
	}
	if ((rc = partition(g, B->k, opts, B->bloc, &B->criterion)) < 0)
		goto done;
	{
		int used = canonical(g, B->bloc, B->k);
		if (used < 0) {
			rc = ENT_ENOMEM;
			goto done;
		}
		B->k = used > 0 ? used : 1;
	}
	/* nodes between camps */
	B->between = ent_malloc((g->n + 1) * sizeof(size_t));
	B->between_camps = ent_malloc((2 * g->n + 2) * sizeof(int));
	B->cohesion = ent_calloc((size_t)B->k + 1, sizeof(double));
	{
		double *pos = ent_calloc((size_t)B->k + 1, sizeof(double));
		double *net = ent_calloc((size_t)B->k + 1, sizeof(double));
		if (!B->between || !B->between_camps || !B->cohesion || !pos || !net) {
			ent_free(pos);
			ent_free(net);
			rc = ENT_ENOMEM;
			goto done;
		}
		memcpy(tmp, B->bloc, g->n * sizeof(int));
		for (v = 0; v < g->n && B->k > 1; v++) {
			size_t p;
			int b, first = -1, second = -1;
			for (b = 0; b < B->k; b++)
				pos[b] = net[b] = 0;
			for (p = g->off[v]; p < g->off[v + 1]; p++) {
				double w = g->ew[g->adj_e[p]];
				int ob = tmp[g->adj[p]];
				if (w > pos[ob])
					pos[ob] = w; /* the strongest friend in each camp */
				net[ob] += w;
			}
			for (b = 0; b < B->k; b++) {
				if (first < 0 || pos[b] > pos[first]) {
					second = first;
					first = b;
				} else if (second < 0 || pos[b] > pos[second]) {
					second = b;
				}
			}
			if (second >= 0 && pos[second] >= opts->between_min &&
			    pos[second] >= opts->between_share * pos[first] &&
			    net[first] > 0 && net[second] > 0) {
				B->between_camps[2 * B->nbetween] = first;
				B->between_camps[2 * B->nbetween + 1] = second;
				B->between[B->nbetween++] = v;
				B->bloc[v] = -1;
			}
		}
		ent_free(pos);
		ent_free(net);
	}
	/* cohesion: mean internal tie; density: internal ties / member pairs */
	B->density = ent_calloc((size_t)B->k + 1, sizeof(double));
	{
		size_t *size = ent_calloc((size_t)B->k + 1, sizeof(size_t));
		size_t *ties = ent_calloc((size_t)B->k + 1, sizeof(size_t));
		size_t e;
		int b;
		if (!size || !ties || !B->density) {
			ent_free(size);
			ent_free(ties);
			rc = ENT_ENOMEM;
			goto done;
		}
		for (v = 0; v < g->n; v++)
			if (B->bloc[v] >= 0)
				size[B->bloc[v]]++;
		for (e = 0; e < g->m; e++) {
			int ba = B->bloc[g->ea[e]];
			if (ba >= 0 && ba == B->bloc[g->eb[e]]) {
				B->cohesion[ba] += g->ew[e];
				ties[ba]++;
			}
		}
		for (b = 0; b < B->k; b++) {
			B->cohesion[b] = ties[b] ? B->cohesion[b] / (double)ties[b] : NAN;
			B->density[b] = size[b] > 1 ? (double)ties[b] /
			                                  ((double)size[b] * (double)(size[b] - 1) / 2)
			                            : NAN;
		}
		ent_free(size);
		ent_free(ties);
	}
done:
	ent_free(tmp);
	if (rc < 0) {
		ent_blocs_free(B);
		return rc;
	}
	*out = B;
	return 0;
}
