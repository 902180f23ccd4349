/*
 * cmd_predict.c - `entente predict A B` and `entente predict --missing`:
 * the sign of an absent tie from balance over common neighbours, with the
 * reasons in words ("RUS is a friend of PRK; PRK is an enemy of USA -> RUS
 * predicted an enemy of USA").
 */
#include "cli/netcli.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"missing", 0, NULL, "predict every absent tie with common neighbours",
	 NULL, 0},
	{"top", 0, "N", "with --missing: at most N predictions (default 20)", NULL, 0},
	{"min-common", 0, "N", "with --missing: at least N common neighbours "
	 "(default 2)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static const char *rel(double w)
{
	return w > 0 ? "a friend" : "an enemy";
}

/* "PRK is a friend of RUS; PRK is an enemy of USA -> RUS predicted an
 * enemy of USA" */
static void reason_text(ent_buf *b, const ent_net *g, const ent_prediction *p,
                        const ent_predict_reason *r)
{
	const char *A = ent_net_node_label(g, p->a), *B = ent_net_node_label(g, p->b);
	const char *K = ent_net_node_label(g, r->via);
	ent_buf_printf(b, "%s is %s of %s; %s is %s of %s -> %s predicted %s of %s",
	               K, rel(r->wa), A, K, rel(r->wb), B, A, rel(r->wa * r->wb), B);
}

void ent_cli_prediction_json(ent_buf *b, const ent_net *g,
                             const ent_prediction *p, size_t max_reasons);
void ent_cli_prediction_json(ent_buf *b, const ent_net *g,
                             const ent_prediction *p, size_t max_reasons)
{
	size_t i;
	double present = ent_net_weight(g, p->a, p->b);
	ent_buf_puts(b, "{\"a\":");
	ent_buf_json_cstr(b, ent_net_node_label(g, p->a));
	ent_buf_puts(b, ",\"b\":");
	ent_buf_json_cstr(b, ent_net_node_label(g, p->b));
	ent_buf_printf(b, ",\"sign\":%s,\"score\":",
	               p->sign > 0 ? "\"+\"" : p->sign < 0 ? "\"-\"" : "null");
	ent_buf_json_num(b, p->score);
	ent_buf_puts(b, ",\"confidence\":");
	ent_buf_json_num(b, p->confidence);
	ent_buf_puts(b, ",\"present_tie\":");
	if (present != 0)
		ent_buf_json_num(b, present);
	else
		ent_buf_puts(b, "null");
	ent_buf_printf(b, ",\"common_neighbours\":%zu,\"reasons\":[", p->nreasons);
	for (i = 0; i < p->nreasons && i < max_reasons; i++) {
		const ent_predict_reason *r = &p->reasons[i];
		ent_buf t = ENT_BUF_INIT;
		ent_buf_puts(b, i ? ",{\"via\":" : "{\"via\":");
		ent_buf_json_cstr(b, ent_net_node_label(g, r->via));
		ent_buf_puts(b, ",\"tie_a\":");
		ent_buf_json_num(b, r->wa);
		ent_buf_puts(b, ",\"tie_b\":");
		ent_buf_json_num(b, r->wb);
		ent_buf_puts(b, ",\"text\":");
		reason_text(&t, g, p, r);
		ent_buf_json_cstr(b, ent_buf_cstr(&t));
		ent_buf_free(&t);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "]}");
}

void ent_cli_prediction_text(ent_cli *cli, const ent_net *g,
                             const ent_prediction *p, size_t max_reasons);
void ent_cli_prediction_text(ent_cli *cli, const ent_net *g,
                             const ent_prediction *p, size_t max_reasons)
{
	size_t i;
	double present = ent_net_weight(g, p->a, p->b);
	char s1[16];
	if (p->sign == 0) {
		fprintf(cli->out, "  %s-%s: no prediction (no common neighbour)\n",
		        ent_net_node_label(g, p->a), ent_net_node_label(g, p->b));
		return;
	}
	fprintf(cli->out, "  %s-%s: %s (score %s, confidence %.0f%%, %zu common "
	        "neighbour%s)", ent_net_node_label(g, p->a), ent_net_node_label(g, p->b),
	        p->sign > 0 ? "friends" : "enemies", ent_cli_signed(s1, sizeof s1, p->score),
	        100 * p->confidence, p->nreasons, p->nreasons == 1 ? "" : "s");
	if (present != 0)
		fprintf(cli->out, "; present tie %s", ent_cli_signed(s1, sizeof s1, present));
	fputc('\n', cli->out);
	for (i = 0; i < p->nreasons && i < max_reasons; i++) {
		ent_buf t = ENT_BUF_INIT;
		reason_text(&t, g, p, &p->reasons[i]);
		fprintf(cli->out, "      %s\n", ent_buf_cstr(&t));
		ent_buf_free(&t);
	}
}

static long count_opt(ent_cli *cli, const ent_cli_args *a, const char *name,
                      long def)
{
	const char *v = ent_cli_get(a, name);
	char *end;
	long x;
	if (!v)
		return def;
	x = strtol(v, &end, 10);
	if (end == v || *end || x < 1 || x > 1000000) {
		ent_cli_usage_error(cli, "--%s '%s' is not a positive number", name, v);
		return -1;
	}
	return x;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_net *g = NULL;
	ent_prediction *preds = NULL, one;
	size_t np = 0, i;
	long top = count_opt(cli, a, "top", 20), minc = count_opt(cli, a, "min-common", 2);
	int rc, missing = ent_cli_flag(a, "missing");
	char d[16];

	memset(&one, 0, sizeof one);
	if (top < 0 || minc < 0)
		return ENT_EXIT_USAGE;
	if (!missing && a->npos != 2) {
		ent_cli_usage_error(cli, "give two states (predict A B) or --missing");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if (!(g = ent_cli_net_build(cli, &n, n.as_of))) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (missing) {
		if (ent_net_predict_missing(&preds, &np, g, (size_t)minc, (size_t)top) < 0) {
			ent_cli_error(cli, "cannot list missing ties (out of memory or a "
			              "network over 20,000 nodes)");
			rc = ENT_EXIT_INPUT;
			goto done;
		}
	} else {
		int ia = ent_cli_node_arg(cli, &n, a->pos[0]);
		int ib = ia >= 0 ? ent_cli_node_arg(cli, &n, a->pos[1]) : -1;
		int va, vb;
		if (ia < 0 || ib < 0) {
			rc = ENT_EXIT_USAGE;
			goto done;
		}
		va = ent_net_node_of(g, ia);
		vb = ent_net_node_of(g, ib);
		if (va < 0 || vb < 0 || va == vb) {
			ent_cli_error(cli, "%s has no tie on %s: nothing to predict from",
			              va < 0 ? a->pos[0] : a->pos[1],
			              ent_date_format(d, n.as_of));
			rc = ENT_EXIT_INPUT;
			goto done;
		}
		if (ent_net_predict(&one, g, (size_t)va, (size_t)vb) < 0) {
			rc = ENT_EXIT_INPUT;
			goto done;
		}
		preds = &one;
		np = 1;
	}
	if (n.json) {
		ent_buf b = ENT_BUF_INIT;
		ent_buf_puts(&b, "{\"as_of\":");
		ent_report_date(&b, n.as_of);
		ent_buf_putc(&b, ',');
		ent_report_sources(&b, n.ties);
		ent_buf_puts(&b, ",\"predictions\":[");
		for (i = 0; i < np; i++) {
			if (i)
				ent_buf_putc(&b, ',');
			ent_cli_prediction_json(&b, g, &preds[i], 10);
		}
		ent_buf_puts(&b, "]}\n");
		fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
	} else {
		fprintf(cli->out, "%sPredicted ties%s on %s (balance over common "
		        "neighbours):\n", ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"),
		        ent_date_format(d, n.as_of));
		for (i = 0; i < np; i++)
			ent_cli_prediction_text(cli, g, &preds[i], missing ? 3 : 10);
		if (!np)
			fprintf(cli->out, "  none\n");
	}
done:
	if (preds == &one)
		ent_prediction_clear(&one);
	else
		ent_predictions_free(preds, np);
	ent_net_free(g);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_predict = {
	"predict",
	"the friend of my enemy: predict absent ties from balance",
	"[options] A B | --missing",
	"Predicts the sign of the tie between two states from their common "
	"neighbours: every neighbour votes the product of its two ties (the "
	"friend of a friend is a friend, the friend of an enemy an enemy).  "
	"--missing lists the strongest predictions for absent ties.",
	options,
	run
};
