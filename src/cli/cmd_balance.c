/*
 * cmd_balance.c - `entente balance`: how balanced is the system?  Triad
 * census, balance ratios, the walk-based degree, and the frustration index
 * with the frustrated ties and the best two-bloc split.
 */
#include "cli/netcli.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"time-limit", 0, "SECONDS", "time for the exact frustration solver "
	 "(default 10)", NULL, 0},
	{"weighted", 0, NULL, "minimise the weight of frustrated ties, not their "
	 "number", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

/* JSON of the balance analysis (shared with `analyze`). */
void ent_cli_balance_json(ent_buf *b, ent_cli_net *n, const ent_net *g,
                          const ent_balance *bal, const ent_frustration *f);
void ent_cli_balance_json(ent_buf *b, ent_cli_net *n, const ent_net *g,
                          const ent_balance *bal, const ent_frustration *f)
{
	size_t i, k, nn = ent_net_node_count(g);
	const int *un;
	size_t nu = ent_net_unaligned(g, &un);
	const char **labels = ent_malloc((nn + 1) * sizeof(char *));
	ent_buf_puts(b, "{\"as_of\":");
	ent_report_date(b, ent_net_date(g));
	ent_buf_putc(b, ',');
	ent_report_sources(b, n->ties);
	ent_buf_printf(b, ",\"nodes\":%zu,\"edges\":%zu,\"triads\":{\"+++\":%ld,"
	               "\"++-\":%ld,\"+--\":%ld,\"---\":%ld},\"balance_ratio\":",
	               nn, ent_net_edge_count(g), bal->ppp, bal->ppn, bal->pnn,
	               bal->nnn);
	ent_buf_json_num(b, bal->ratio);
	ent_buf_puts(b, ",\"balance_ratio_weighted\":");
	ent_buf_json_num(b, bal->ratio_weighted);
	ent_buf_puts(b, ",\"walk_balance\":");
	ent_buf_json_num(b, bal->walk_computed ? bal->walk : NAN);
	ent_buf_printf(b, ",\"frustration\":{\"value\":%ld,\"value_weighted\":",
	               f->value);
	ent_buf_json_num(b, f->value_weighted);
	ent_buf_printf(b, ",\"exact\":%s,\"lower_bound\":%ld,\"gap\":",
	               f->exact ? "true" : "false", f->lower_bound);
	ent_buf_json_num(b, f->gap);
	ent_buf_puts(b, ",\"method\":");
	ent_buf_json_cstr(b, f->method);
	ent_buf_puts(b, ",\"seconds\":");
	ent_buf_json_num(b, f->seconds);
	ent_buf_puts(b, ",\"frustrated\":[");
	for (i = 0; i < f->nfrustrated; i++) {
		size_t x, y;
		double w;
		ent_net_edge(g, f->frustrated[i], &x, &y, &w);
		ent_buf_puts(b, i ? ",[" : "[");
		ent_buf_json_cstr(b, ent_net_node_label(g, x));
		ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_net_node_label(g, y));
		ent_buf_putc(b, ']');
	}
	ent_buf_puts(b, "]},\"blocs\":[");
	for (k = 0; k < 2; k++) {
		int first = 1;
		ent_buf_puts(b, k ? ",[" : "[");
		for (i = 0; i < nn; i++)
			if ((size_t)f->side[i] == (f->side[0] == 0 ? k : 1 - k)) {
				if (!first)
					ent_buf_putc(b, ',');
				ent_buf_json_cstr(b, ent_net_node_label(g, i));
				first = 0;
			}
		ent_buf_putc(b, ']');
	}
	ent_buf_puts(b, "],\"unaligned\":[");
	for (i = 0; i < nu; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_ties_node_label(n->ties, (size_t)un[i]));
	}
	ent_buf_putc(b, ']');
	if (labels) {
		for (i = 0; i < nn; i++)
			labels[i] = ent_net_node_label(g, i);
		ent_report_state_codes(b, n->ties, labels, nn, ent_net_date(g), &n->codes);
	}
	ent_free(labels);
	ent_buf_puts(b, "}\n");
}

/* Frustrated ties sorted by |weight|, strongest first. */
static const ent_net *sort_g;
static int cmp_w(const void *x, const void *y)
{
	size_t a1, b1, a2, b2;
	double w1, w2;
	ent_net_edge(sort_g, *(const size_t *)x, &a1, &b1, &w1);
	ent_net_edge(sort_g, *(const size_t *)y, &a2, &b2, &w2);
	if (fabs(w1) != fabs(w2))
		return fabs(w1) > fabs(w2) ? -1 : 1;
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

void ent_cli_sort_frustrated(const ent_net *g, ent_frustration *f);
void ent_cli_sort_frustrated(const ent_net *g, ent_frustration *f)
{
	sort_g = g;
	qsort(f->frustrated, f->nfrustrated, sizeof(size_t), cmp_w);
	sort_g = NULL;
}

int ent_cli_frustration_opts(ent_cli *cli, const ent_cli_args *a,
                             ent_frustration_options *o);
int ent_cli_frustration_opts(ent_cli *cli, const ent_cli_args *a,
                             ent_frustration_options *o)
{
	const char *v = ent_cli_get(a, "time-limit");
	ent_frustration_options def = ENT_FRUSTRATION_OPTIONS_INIT;
	*o = def;
	o->weighted = ent_cli_flag(a, "weighted");
	if (v) {
		char *end;
		double t = strtod(v, &end);
		if (end == v || *end || !(t > 0) || t > 86400) {
			ent_cli_usage_error(cli, "--time-limit '%s' is not a number of "
			                    "seconds", v);
			return ENT_EXIT_USAGE;
		}
		o->time_limit = t;
	}
	return 0;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_net *g = NULL;
	ent_balance bal;
	ent_frustration *f = NULL;
	ent_frustration_options fo;
	int rc;
	char d[16], s1[16];

	if ((rc = ent_cli_frustration_opts(cli, a, &fo)) != 0)
		return rc;
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if (!(g = ent_cli_net_build(cli, &n, n.as_of))) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (ent_net_balance(g, &bal) < 0 || ent_net_frustration(&f, g, &fo) < 0) {
		ent_cli_error(cli, "out of memory in the balance analysis");
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	ent_cli_sort_frustrated(g, f);
	if (n.json) {
		ent_buf b = ENT_BUF_INIT;
		ent_cli_balance_json(&b, &n, g, &bal, f);
		fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
	} else {
		size_t i, tri = (size_t)(bal.ppp + bal.ppn + bal.pnn + bal.nnn);
		fprintf(cli->out, "%sStructural balance%s on %s: %zu states, %zu ties\n",
		        ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"),
		        ent_date_format(d, n.as_of), ent_net_node_count(g),
		        ent_net_edge_count(g));
		fprintf(cli->out, "  triangles: %zu  (+++ %ld, ++- %ld, +-- %ld, --- %ld)\n",
		        tri, bal.ppp, bal.ppn, bal.pnn, bal.nnn);
		fprintf(cli->out, "  balance ratio %.3f, weighted %.3f", bal.ratio,
		        bal.ratio_weighted);
		if (bal.walk_computed)
			fprintf(cli->out, ", walk-based %.3f", bal.walk);
		fprintf(cli->out, "  (1 = perfectly balanced)\n");
		fprintf(cli->out, "  frustration index: %ld tie%s (weight %.2f), %s",
		        f->value, f->value == 1 ? "" : "s", f->value_weighted,
		        f->exact ? "exact" : "best found");
		if (!f->exact)
			fprintf(cli->out, "; proven lower bound %ld, gap %.1f%%",
			        f->lower_bound, 100 * f->gap);
		fprintf(cli->out, " [%s, %.2f s]\n", f->method, f->seconds);
		if (f->nfrustrated) {
			fprintf(cli->out, "  frustrated ties (against the best two-bloc split):\n");
			for (i = 0; i < f->nfrustrated && i < 15; i++) {
				size_t x, y;
				double w;
				ent_net_edge(g, f->frustrated[i], &x, &y, &w);
				fprintf(cli->out, "    %s-%s %s\n", ent_net_node_label(g, x),
				        ent_net_node_label(g, y), ent_cli_signed(s1, sizeof s1, w));
			}
			if (f->nfrustrated > 15)
				fprintf(cli->out, "    ... and %zu more (--format json lists all)\n",
				        f->nfrustrated - 15);
		}
	}
done:
	ent_frustration_free(f);
	ent_net_free(g);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_balance = {
	"balance",
	"how balanced is the system: triads, balance ratios, frustration index",
	"[options]",
	"Counts signed triangles (+++ and +-- are balanced), the balance ratio "
	"(plain and weighted), the walk-based balance degree of Estrada and Benzi, "
	"and the frustration index: the fewest ties whose removal would leave two "
	"blocs with friends inside and enemies between.  The index is exact when "
	"the solver proves it within --time-limit; otherwise the best split, a "
	"proven lower bound and the gap are given.",
	options,
	run
};
