/*
 * net_internal.h - the network's representation, shared by the analysis
 * files of src/net (not public API).
 */
#ifndef ENT_NET_INTERNAL_H
#define ENT_NET_INTERNAL_H

#include "entente/net.h"

#include <stdint.h>

struct ent_net {
	ent_ctx *ctx;
	const ent_ties *ties; /* state/label source (NULL for plain graphs) */
	ent_date date;
	size_t n, m;
	uint32_t *ea, *eb;    /* edge endpoints, ea < eb, sorted */
	double *ew;           /* signed weights */
	size_t *off;          /* CSR offsets, n + 1 */
	uint32_t *adj;        /* neighbours, sorted per node */
	uint32_t *adj_e;      /* edge id of each adjacency entry */
	int *id;              /* node -> tie-set node id */
	int *node_of_id;      /* tie-set node id -> node or -1 */
	size_t nid;
	int *unaligned;
	size_t nunaligned;
	char **labels;        /* plain graphs: "0", "1", ... (lazy) */
	char *label_buf;
};

/* Install igraph's non-aborting error handler once (thread-safe). */
void ent_net_igraph_init(void);

/* Visit every triangle once: cb(e1, e2, e3) with the three edge ids.
 * Degree-ordered forward algorithm (Schank & Wagner 2005), O(m^1.5).
 * Returns 0 or ENT_ENOMEM. */
int ent_net_triangles(const ent_net *g,
                      void (*cb)(uint32_t e1, uint32_t e2, uint32_t e3,
                                 void *payload),
                      void *payload);

#endif
