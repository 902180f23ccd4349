/*
 * netcli.c - setup shared by the network commands: options, tie sources,
 * the date, state arguments with suggestions.
 */
#include "cli/netcli.h"
#include "util/alloc.h"
#include "util/buf.h"


#include <errno.h>
#include <math.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

ent_date ent_cli_date_opt(ent_cli *cli, const ent_cli_args *a,
                          const char *name, ent_date def, int *bad)
{
	const char *v = ent_cli_get(a, name);
	ent_date d;
	if (!v)
		return def;
	if (ent_date_parse(&d, v, strlen(v)) < 0) {
		ent_cli_usage_error(cli, "--%s '%s' is not a YYYY-MM-DD date", name, v);
		*bad = 1;
		return ENT_DATE_NONE;
	}
	return d;
}

static int num_opt(ent_cli *cli, const ent_cli_args *a, const char *name,
                   double lo, double hi, double *out)
{
	const char *v = ent_cli_get(a, name);
	char *end;
	double x;
	if (!v)
		return 0;
	errno = 0;
	x = strtod(v, &end);
	if (errno || end == v || *end || !isfinite(x) || x < lo || x > hi) {
		ent_cli_usage_error(cli, "--%s '%s' is not a number in [%g, %g]", name, v,
		                    lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

/* Read standard input whole ("-" as a --ties or --events file). */
static int read_stdin(ent_cli *cli, char **out, size_t *len)
{
	ent_buf b = ENT_BUF_INIT;
	char chunk[65536];
	size_t r;
	while ((r = fread(chunk, 1, sizeof chunk, cli->in)) > 0)
		ent_buf_put(&b, chunk, r);
	if (b.oom) {
		ent_buf_free(&b);
		return ENT_ENOMEM;
	}
	*out = ent_buf_detach(&b, len);
	return *out ? 0 : ENT_ENOMEM;
}

void ent_cli_event_in(ent_event_in *in, const ent_event *e, const char *id,
                      const char *doc)
{
	memset(in, 0, sizeof(*in));
	in->id = id;
	in->doc = doc;
	in->sentence = (long)e->sentence;
	in->date = e->date;
	in->source = e->source;
	in->target = e->target;
	in->source_country = e->source_country;
	in->target_country = e->target_country;
	in->code = e->code;
	in->goldstein = e->has_goldstein ? e->goldstein : NAN;
	in->negated = e->negated;
	in->hypothetical = e->hypothetical;
}

/* Every event of a store joins the ties, as an --events file would. */
typedef struct {
	ent_cli *cli;
	ent_ties *ties;
	long n;
} storeload;

static int add_stored(void *payload, const ent_event *e, const char *id,
                      const char *doc, const char *text, const char *happening)
{
	storeload *l = payload;
	ent_event_in in;
	(void)text;
	/* one happening, many mentions: the network counts it once */
	ent_cli_event_in(&in, e, happening ? happening : id, doc);
	if (happening && id && strcmp(happening, id) != 0)
		return 0;   /* a further mention of a happening already added */
	if (ent_ties_add_event(l->ties, &in, doc, -1) < 0) {
		ent_cli_error(l->cli, "%s", ent_errmsg(l->cli->ctx));
		l->cli->input_errors++;
	}
	l->n++;
	return 0;
}

int ent_cli_load_store(ent_cli *cli, ent_ties *ties, const char *path)
{
	ent_store *s = NULL;
	ent_store_filter f;
	storeload l = {cli, ties, 0};
	int rc = 0;
	memset(&f, 0, sizeof f);
	f.since = f.until = ENT_DATE_NONE;
	if (ent_store_open(&s, cli->ctx, path, 1) < 0 ||
	    ent_store_events(s, &f, add_stored, &l) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	}
	ent_store_free(s);
	return rc;
}

static int load_store(ent_cli *cli, ent_cli_net *n, const char *path)
{
	return ent_cli_load_store(cli, n->ties, path);
}

int ent_cli_net_init(ent_cli *cli, const ent_cli_args *a, ent_cli_net *n)
{
	ent_tie_options o = ENT_TIE_OPTIONS_INIT;
	const char *v;
	int i, bad = 0, generic = ent_cli_flag(a, "generic");

	memset(n, 0, sizeof(*n));
	v = ent_cli_get(a, "format");
	n->json = v && strcmp(v, "json") == 0;
	if (num_opt(cli, a, "half-life", 1, 1e6, &o.half_life_days) < 0 ||
	    num_opt(cli, a, "event-scale", 0.01, 1e6, &o.event_scale) < 0 ||
	    num_opt(cli, a, "dead-band", 0, 1, &o.dead_band) < 0)
		return ENT_EXIT_USAGE;
	o.no_baseline = ent_cli_flag(a, "no-baseline") || generic;
	if ((v = ent_cli_get(a, "codes")) != NULL) {
		const char *p = v;
		while (*p) {
			size_t l = strcspn(p, ",");
			if (l == 3 && strncmp(p, "cow", 3) == 0)
				n->codes.cow = 1;
			else if (l == 2 && strncmp(p, "gw", 2) == 0)
				n->codes.gw = 1;
			else if (l == 4 && strncmp(p, "name", 4) == 0)
				n->codes.name = 1;
			else if (!(l == 4 && strncmp(p, "iso3", 4) == 0)) {
				ent_cli_usage_error(cli, "--codes: '%.*s' is not one of iso3, "
				                    "cow, gw, name", (int)l, p);
				return ENT_EXIT_USAGE;
			}
			p += l + (p[l] == ',');
		}
	}
	n->as_of = ent_cli_date_opt(cli, a, "as-of", ENT_DATE_NONE, &bad);
	if (bad)
		return ENT_EXIT_USAGE;
	if (!generic && ent_states_load(&n->st, cli->ctx) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	if (ent_ties_new(&n->ties, cli->ctx, n->st, &o) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	if (!generic) {
		if (ent_world_load(&n->world, cli->ctx, n->st) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
		for (i = 0; (v = ent_cli_get_nth(a, "treaties", i)) != NULL; i++) {
			int r;
			if (strcmp(v, "-") == 0) {
				char *data;
				size_t len;
				if ((r = read_stdin(cli, &data, &len)) == 0) {
					r = ent_world_add_treaties_text(n->world, "-", data, len);
					ent_free(data);
				}
			} else {
				r = ent_world_add_treaties_file(n->world, v);
			}
			if (r < 0) {
				ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
				cli->input_errors++;
			}
		}
		if (ent_ties_add_baseline(n->ties) < 0 ||
		    ent_world_add_treaty_priors(n->world, n->ties) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
	}
	for (i = 0; (v = ent_cli_get_nth(a, "ties", i)) != NULL; i++) {
		int r;
		if (strcmp(v, "-") == 0) {
			char *data;
			size_t len;
			if ((r = read_stdin(cli, &data, &len)) == 0) {
				r = ent_ties_add_text(n->ties, "-", data, len, ENT_TIES_USER);
				ent_free(data);
			}
		} else {
			r = ent_ties_add_file(n->ties, v, ENT_TIES_USER);
		}
		if (r < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
		}
	}
	if ((v = ent_cli_get(a, "db")) || access("entente.db", R_OK) == 0) {
		int r = load_store(cli, n, v ? v : "entente.db");
		if (r != 0)
			return r;
	}
	for (i = 0; (v = ent_cli_get_nth(a, "events", i)) != NULL; i++) {
		int r;
		if (strcmp(v, "-") == 0) {
			char *data;
			size_t len;
			if ((r = read_stdin(cli, &data, &len)) == 0) {
				r = ent_ties_add_events_text(n->ties, "-", data, len);
				ent_free(data);
			}
		} else {
			r = ent_ties_add_events_file(n->ties, v);
		}
		if (r < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
		}
	}
	if (n->as_of == ENT_DATE_NONE) {
		n->as_of = ent_ties_latest_event(n->ties);
		if (n->as_of == ENT_DATE_NONE)
			n->as_of = ent_date_today();
	}
	return 0;
}

void ent_cli_net_free(ent_cli_net *n)
{
	ent_ties_free(n->ties);
	ent_world_free(n->world);
	ent_states_free(n->st);
	memset(n, 0, sizeof(*n));
}

ent_net *ent_cli_net_build(ent_cli *cli, ent_cli_net *n, ent_date d)
{
	ent_net *g = NULL;
	char buf[16];
	if (ent_net_from_ties(&g, n->ties, d) < 0) {
		ent_cli_error(cli, "out of memory building the network");
		return NULL;
	}
	if (ent_net_edge_count(g) == 0) {
		ent_cli_error(cli, "the network is empty on %s: no tie is past the dead "
		              "band (%g)%s", ent_date_format(buf, d),
		              ent_ties_options(n->ties)->dead_band,
		              ent_ties_options(n->ties)->no_baseline
		                  ? "; give --ties or --events, or drop --no-baseline"
		                  : "");
		ent_net_free(g);
		return NULL;
	}
	return g;
}

int ent_cli_node_arg(ent_cli *cli, ent_cli_net *n, const char *s)
{
	int id = ent_ties_node_lookup(n->ties, s);
	if (id >= 0)
		return id;
	if (n->st) {
		int sug[3];
		size_t k = ent_states_suggest(n->st, s, sug, 3), i;
		char msg[256];
		size_t off = 0;
		msg[0] = '\0';
		for (i = 0; i < k; i++)
			off += (size_t)snprintf(msg + off, sizeof msg - off, "%s%s (%s)",
			                        i ? ", " : "", ent_states_iso3(n->st, (size_t)sug[i]),
			                        ent_states_name(n->st, (size_t)sug[i]));
		if (k)
			ent_cli_usage_error(cli, "'%s' is not a state I know; did you mean %s?",
			                    s, msg);
		else
			ent_cli_usage_error(cli, "'%s' is not a state I know (use an ISO "
			                    "alpha-3 code or an English name)", s);
	} else {
		ent_cli_usage_error(cli, "'%s' is not a node of the tie files", s);
	}
	return -1;
}

const char *ent_cli_signed(char *buf, size_t n, double v)
{
	if (isnan(v))
		snprintf(buf, n, "  n/a");
	else
		snprintf(buf, n, "%+.2f", v);
	return buf;
}

size_t ent_cli_most_hostile(const ent_net *g, size_t *out, size_t k)
{
	size_t e, i, n = 0, m = ent_net_edge_count(g);
	for (e = 0; e < m; e++) {
		size_t a, b;
		double w, wi;
		ent_net_edge(g, e, &a, &b, &w);
		if (w >= 0)
			continue;
		/* insertion into the k most negative so far (earlier edge first
		 * on equal weights) */
		for (i = n; i > 0; i--) {
			ent_net_edge(g, out[i - 1], &a, &b, &wi);
			if (wi <= w)
				break;
			if (i < k)
				out[i] = out[i - 1];
		}
		if (i < k) {
			out[i] = e;
			if (n < k)
				n++;
		}
	}
	return n;
}

void ent_cli_war_of(const ent_net *g, size_t e, ent_scenario_options *o)
{
	size_t a, b, da, db;
	double w;
	ent_net_edge(g, e, &a, &b, &w);
	da = ent_net_degree(g, a);
	db = ent_net_degree(g, b);
	o->attacker = ent_net_node_id(g, da >= db ? a : b);
	o->target = ent_net_node_id(g, da >= db ? b : a);
}

void ent_cli_sort_frustrated(const ent_net *g, ent_frustration *f);

int ent_cli_picture_build(ent_cli *cli, ent_cli_net *n, ent_cli_picture *p)
{
	ent_frustration_options fo = ENT_FRUSTRATION_OPTIONS_INIT;
	memset(p, 0, sizeof *p);
	fo.time_limit = 5;
	if (!(p->g = ent_cli_net_build(cli, n, n->as_of)))
		return ENT_EXIT_INPUT;
	if (ent_net_balance(p->g, &p->bal) < 0 || ent_net_frustration(&p->f, p->g, &fo) < 0 ||
	    ent_net_blocs(&p->B, p->g, NULL) < 0) {
		ent_cli_error(cli, "out of memory in the network analysis");
		return ENT_EXIT_INPUT;
	}
	ent_cli_sort_frustrated(p->g, p->f);
	return 0;
}

void ent_cli_picture_free(ent_cli_picture *p)
{
	ent_blocs_free(p->B);
	ent_frustration_free(p->f);
	ent_net_free(p->g);
	memset(p, 0, sizeof *p);
}
