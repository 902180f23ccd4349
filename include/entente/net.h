/*
 * entente/net.h - the alignment network: a signed, weighted, time-aware
 * graph of states, and the analyses on it (structural balance, the
 * frustration index and the best two-bloc split, k blocs and the states
 * between them, a state's position and hedging, missing-tie prediction).
 *
 * Ties come from three kinds of source, combined by one formula (see
 * docs/network.md):
 *
 *   prior(a,b,t)  = the user's tie-file line covering t, if any; otherwise
 *                   clamp(baseline line covering t + the strongest treaty
 *                   prior covering t, -1, 1)
 *   E(a,b,t)      = sum over distinct asserted events between a and b dated
 *                   on or before t of goldstein * 2^(-(t - date) / half_life)
 *   tie(a,b,t)    = clamp(prior + tanh(E / scale), -1, 1)
 *
 * A tie whose absolute value is below the dead band is no tie.  Nodes are
 * states (or, in generic mode, arbitrary labels from tie files).
 */
#ifndef ENTENTE_NET_H
#define ENTENTE_NET_H

#include "entente/common.h"
#include "entente/world.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Tie sources
 * ------------------------------------------------------------------------ */

typedef struct ent_ties ent_ties;

typedef enum {
	ENT_TIES_BASELINE = 0, /* built-in durable alignments and rivalries */
	ENT_TIES_TREATY = 1,   /* priors from treaty alliances in force */
	ENT_TIES_USER = 2      /* --ties FILE: adds, and overrides where it applies */
} ent_tie_origin;

typedef struct {
	unsigned version;
	double half_life_days; /* event decay (default 180) */
	double event_scale;    /* Goldstein points that make tanh(1) (default 10) */
	double dead_band;      /* |tie| below this is no tie (default 0.1) */
	int no_baseline;       /* leave the built-in ties out (baseline, treaty) */
} ent_tie_options;

#define ENT_TIE_OPTIONS_VERSION 1
#define ENT_TIE_OPTIONS_INIT {ENT_TIE_OPTIONS_VERSION, 180.0, 10.0, 0.1, 0}

/* Create an empty set of tie sources over the states of `st` (borrowed: it
 * must outlive the ties), or in generic mode when st is NULL: tie files may
 * then name arbitrary nodes.  *out is freed with ent_ties_free. */
int ent_ties_new(ent_ties **out, ent_ctx *ctx, const ent_states *st,
                 const ent_tie_options *opts);
void ent_ties_free(ent_ties *t);

/* Add the tie lines of a tie file (format in docs/network.md).  Malformed
 * lines are reported to the diagnostic callback as NAME:LINE and skipped.
 * Returns the number of lines added, or a negative code on I/O or memory
 * failure.  The text is copied. */
int ent_ties_add_text(ent_ties *t, const char *name, const char *data,
                      size_t len, ent_tie_origin origin);
int ent_ties_add_file(ent_ties *t, const char *path, ent_tie_origin origin);

/* Add the built-in baseline (data/ties/ *.ties). */
int ent_ties_add_baseline(ent_ties *t);

/* Add one tie line between nodes a and b (a != b, w in [-1, 1]) over
 * [from, until) (ENT_DATE_NONE: open), as read from `file`:`line`; used for
 * treaty priors.  Strings are copied.  0, ENT_EINVAL or ENT_ENOMEM. */
int ent_ties_add_line(ent_ties *t, size_t a, size_t b, double w, ent_date from,
                      ent_date until, const char *note, const char *source,
                      ent_tie_origin origin, const char *file, long line);

/* One coded event, as the coder writes it.  Strings are copied. */
typedef struct {
	const char *id;             /* optional: duplicate ids are an error */
	const char *doc;            /* optional */
	long sentence;              /* -1 if unknown */
	ent_date date;
	const char *source, *target;                 /* actor codes (CAMEO) */
	const char *source_country, *target_country; /* ISO alpha-3 or NULL */
	const char *code;           /* event code */
	double goldstein;           /* NAN when unknown */
	int negated, hypothetical;
	const char *text;           /* the evidence sentence, optional */
} ent_event_in;

/* Add coded events from JSONL (the coder's output); malformed lines are
 * reported as NAME:LINE and skipped.  Returns the number of events read or
 * a negative code. */
int ent_ties_add_events_text(ent_ties *t, const char *name, const char *data,
                             size_t len);
int ent_ties_add_events_file(ent_ties *t, const char *path);
/* Add one event (`where`/`line` name it in messages).  Returns 1 if it may
 * count towards a tie, 0 if it was set aside (flagged, non-state actor,
 * domestic, no weight), or a negative code. */
int ent_ties_add_event(ent_ties *t, const ent_event_in *e, const char *where,
                       long line);

/* Date of the latest event added, or ENT_DATE_NONE. */
ent_date ent_ties_latest_event(const ent_ties *t);

/* What each source contributed, for the "sources" echo of every analysis. */
typedef struct {
	const char *kind;  /* "baseline", "treaty", "ties" or "events" */
	const char *name;  /* file name (or built-in name) */
	long lines;        /* tie lines or event lines accepted */
	long skipped;      /* malformed lines */
	long events;       /* events that may count */
	long set_aside;    /* events set aside: flagged, non-state, domestic */
} ent_tie_source;

size_t ent_ties_source_count(const ent_ties *t);
const ent_tie_source *ent_ties_source(const ent_ties *t, size_t i);

/* Options in force. */
const ent_tie_options *ent_ties_options(const ent_ties *t);

/* Nodes known to the tie set: all states (state mode) or the labels seen
 * (generic mode). */
size_t ent_ties_node_count(const ent_ties *t);
const char *ent_ties_node_label(const ent_ties *t, size_t i);
/* The node named `s` (state code or name, or a generic label), or -1. */
int ent_ties_node_lookup(const ent_ties *t, const char *s);
/* The state table (NULL in generic mode). */
const ent_states *ent_ties_states(const ent_ties *t);

/* The tie between nodes a and b on date d, and its parts. */
typedef struct {
	double prior;       /* the prior (0 when none) */
	double events_raw;  /* E: decayed Goldstein sum */
	double events;      /* tanh(E / scale) */
	double value;       /* the combined tie */
	int has_prior;
	int has_events;
} ent_tie_value;

void ent_ties_value(const ent_ties *t, size_t a, size_t b, ent_date d,
                    ent_tie_value *out);

/* Everything behind one tie, for `entente explain`. */
typedef struct {
	int is_event;        /* 0: a tie line, 1: an event */
	const char *file;    /* where it was read */
	long line;
	int origin;          /* lines: ent_tie_origin */
	ent_date from, until;/* lines: period (ENT_DATE_NONE: open) */
	double weight;       /* lines: the weight */
	const char *note, *source;
	int applies;         /* lines: covers the date and is not overridden;
	                        events: counted (asserted, distinct, not later) */
	const char *why;     /* why it does not apply (static string) or NULL */
	/* events */
	const char *id, *doc, *code, *text, *source_actor, *target_actor;
	long sentence;
	ent_date date;
	double goldstein;
	double contribution; /* lines: weight if applies; events: decayed g */
} ent_tie_item;

typedef void (*ent_tie_item_cb)(const ent_tie_item *item, void *payload);

/* Call cb for every tie line and event between a and b (lines first, in
 * file order; then events by date).  Returns 0 or ENT_ENOMEM. */
int ent_ties_explain(const ent_ties *t, size_t a, size_t b, ent_date d,
                     ent_tie_item_cb cb, void *payload);

/* ------------------------------------------------------------------------
 * The network
 * ------------------------------------------------------------------------ */

typedef struct ent_net ent_net;

/* The network on date d: every tie past the dead band.  *out is freed with
 * ent_net_free.  The ties must outlive the network (labels are borrowed). */
int ent_net_from_ties(ent_net **out, const ent_ties *t, ent_date d);

/* A network from a plain edge list (nodes 0..n-1, edge i between a[i] and
 * b[i] with signed weight w[i]; w[i] == 0 edges are dropped; a repeated
 * pair keeps the last weight).  Labels are "0", "1", ... */
int ent_net_from_edges(ent_net **out, ent_ctx *ctx, size_t n, size_t m,
                       const uint32_t *a, const uint32_t *b, const double *w);

void ent_net_free(ent_net *g);

size_t ent_net_node_count(const ent_net *g);
size_t ent_net_edge_count(const ent_net *g);
ent_date ent_net_date(const ent_net *g);
/* Node v's label (ISO alpha-3 in state mode) and tie-set node index. */
const char *ent_net_node_label(const ent_net *g, size_t v);
int ent_net_node_id(const ent_net *g, size_t v);
/* The node of tie-set node `id`, or -1 when it has no tie. */
int ent_net_node_of(const ent_net *g, int id);
/* Edge e: endpoints (a < b) and weight. */
void ent_net_edge(const ent_net *g, size_t e, size_t *a, size_t *b, double *w);
/* The weight between nodes u and v (0 when no edge).  O(log degree). */
double ent_net_weight(const ent_net *g, size_t u, size_t v);
/* Degree and neighbours of v (neighbour node ids and edge ids; arrays owned
 * by the network). */
size_t ent_net_degree(const ent_net *g, size_t v);
const uint32_t *ent_net_neighbours(const ent_net *g, size_t v,
                                   const uint32_t **edges);
/* Tie-set nodes with no tie past the dead band (state mode), in order. */
size_t ent_net_unaligned(const ent_net *g, const int **ids);

/* ------------------------------------------------------------------------
 * Structural balance
 * ------------------------------------------------------------------------ */

typedef struct {
	long ppp, ppn, pnn, nnn; /* triangles by number of negative ties */
	double ratio;            /* (ppp + pnn) / all triangles; 1 when none */
	double ratio_weighted;   /* same, each triangle weighted |w1 w2 w3| */
	double walk;             /* walk-based balance degree, or NAN */
	int walk_computed;
} ent_balance;

/* Triad census and balance ratios; the walk-based degree of Estrada and
 * Benzi (2014), K = sum exp(lambda_i(W)) / sum exp(lambda_i(|W|)), for
 * networks of up to 2,000 nodes (dense eigendecomposition via igraph /
 * LAPACK).
 * Time: O(m^1.5) for the census (degree-ordered forward triangle listing,
 * Schank & Wagner 2005); O(n^3) for the walk-based degree. */
int ent_net_balance(const ent_net *g, ent_balance *out);

typedef struct {
	unsigned version;
	double time_limit;   /* seconds for the exact solver (default 10) */
	int weighted;        /* minimise the sum of |w| instead of the count */
	int heuristic_only;  /* skip the exact solver */
	unsigned seed;       /* local search seed */
	size_t exact_max_edges; /* larger graphs get the heuristic (100000) */
} ent_frustration_options;

#define ENT_FRUSTRATION_OPTIONS_VERSION 1
#define ENT_FRUSTRATION_OPTIONS_INIT \
	{ENT_FRUSTRATION_OPTIONS_VERSION, 10.0, 0, 0, 1, 100000}

typedef struct {
	long value;            /* frustrated ties of the best split found */
	double value_weighted; /* their total |weight| */
	long lower_bound;      /* proven lower bound on the (unweighted or
	                          weighted, rounded down) optimum */
	int exact;             /* value == optimum, proven */
	double gap;            /* (value - bound) / value, 0 when exact */
	const char *method;    /* "ilp" (exact), "ilp-timeout", "local-search" */
	double seconds;
	size_t nfrustrated;
	size_t *frustrated;    /* edge ids of the frustrated ties */
	signed char *side;     /* per node: 0 or 1, the two blocs */
} ent_frustration;

/* The frustration index (line index of balance): the fewest ties whose
 * removal makes the network balanced, and the split that achieves it.
 * Exact by integer programming (GLPK) on the model of Aref, Mason & Wilson
 * (2018), strengthened with odd-cycle cuts separated as in Barahona &
 * Mahjoub (1986), warm-started by the local search; within the time limit
 * it proves optimality, otherwise it reports the best split, the proven
 * lower bound and the gap.  Large graphs get the local search (multistart
 * one-flip descent) with a lower bound from edge-disjoint unbalanced
 * triangles.  *out is freed with ent_frustration_free. */
int ent_net_frustration(ent_frustration **out, const ent_net *g,
                        const ent_frustration_options *opts);
void ent_frustration_free(ent_frustration *f);

/* ------------------------------------------------------------------------
 * Blocs
 * ------------------------------------------------------------------------ */

typedef struct {
	unsigned version;
	int k;               /* number of blocs; 0: choose (up to max_k) */
	int max_k;           /* default 6 */
	double alpha;        /* weight of negative ties inside vs positive ties
	                        between (Doreian & Mrvar 1996), default 0.5 */
	double between_share;/* a node is "between" when its strongest friend
	                        in a second camp has at least this share of the
	                        tie to its strongest friend anywhere (0.6) */
	double between_min;  /* ...and that tie is at least this strong (0.5) */
	unsigned seed;
	int restarts;        /* local-search restarts per k (default 30) */
} ent_blocs_options;

#define ENT_BLOCS_OPTIONS_VERSION 1
#define ENT_BLOCS_OPTIONS_INIT {ENT_BLOCS_OPTIONS_VERSION, 0, 6, 0.5, 0.6, 0.5, 1, 30}

typedef struct {
	int k;
	int *bloc;           /* per node: 0..k-1, or -1 for a node between camps */
	double *cohesion;    /* per bloc: mean tie among its members (NAN if none) */
	double *density;     /* per bloc: share of member pairs with a tie */
	double criterion;    /* the blockmodel error of the chosen k */
	double *criteria;    /* criterion for k = 1..max_k (index k-1) */
	int max_k;
	char reason[512];    /* why this k */
	size_t nbetween;
	size_t *between;     /* nodes between camps */
	int *between_camps;  /* per between node: its two camps (2 ints) */
} ent_blocs;

/* Camps by signed blockmodelling (correlation clustering): minimise
 * alpha * |negative ties inside blocs| + (1 - alpha) * |positive ties
 * between blocs| (weighted) by multistart relocation local search
 * (Doreian & Mrvar 1996; Brusco & Steinley 2010).  With k = 0 it tries
 * 1..max_k and keeps the smallest k whose error is within 10% of the best.
 * Time: O(restarts * iterations * m * k).  *out: ent_blocs_free. */
int ent_net_blocs(ent_blocs **out, const ent_net *g,
                  const ent_blocs_options *opts);
void ent_blocs_free(ent_blocs *b);

/* ------------------------------------------------------------------------
 * Missing ties: "the friend of my enemy"
 * ------------------------------------------------------------------------ */

typedef struct {
	size_t via;          /* the common neighbour */
	double wa, wb;       /* its ties to a and to b */
} ent_predict_reason;

typedef struct {
	size_t a, b;         /* nodes */
	double score;        /* sum over common neighbours of wa * wb */
	double confidence;   /* |score| / sum |wa * wb|, in [0, 1] */
	int sign;            /* +1, -1, or 0 when no common neighbour */
	size_t nreasons;
	ent_predict_reason *reasons; /* strongest first */
} ent_prediction;

/* Predict the sign of the tie between a and b from balance over their
 * common neighbours (Heider; Leskovec, Huttenlocher & Kleinberg 2010).
 * Time: O(deg a + deg b).  Free the reasons with ent_prediction_clear. */
int ent_net_predict(ent_prediction *out, const ent_net *g, size_t a, size_t b);
void ent_prediction_clear(ent_prediction *p);

/* The absent ties with at least `min_common` common neighbours, strongest
 * predictions first, at most `max` of them.  *out is an array of *count
 * predictions; free with ent_predictions_free. */
int ent_net_predict_missing(ent_prediction **out, size_t *count,
                            const ent_net *g, size_t min_common, size_t max);
void ent_predictions_free(ent_prediction *p, size_t count);

#ifdef __cplusplus
}
#endif
#endif
