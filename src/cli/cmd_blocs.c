/*
 * cmd_blocs.c - `entente blocs`: which camps are forming, who sits between
 * them, and how united each camp is.
 */
#include "cli/netcli.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"k", 'k', "K", "number of camps (default: chosen, up to 6)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

int ent_cli_blocs_opts(ent_cli *cli, const ent_cli_args *a, ent_blocs_options *o);
int ent_cli_blocs_opts(ent_cli *cli, const ent_cli_args *a, ent_blocs_options *o)
{
	ent_blocs_options def = ENT_BLOCS_OPTIONS_INIT;
	const char *v = ent_cli_get(a, "k");
	*o = def;
	if (v) {
		char *end;
		long k = strtol(v, &end, 10);
		if (end == v || *end || k < 1 || k > 20) {
			ent_cli_usage_error(cli, "--k '%s' is not a number of camps (1-20)", v);
			return ENT_EXIT_USAGE;
		}
		o->k = (int)k;
	}
	return 0;
}

/* JSON of a blocs analysis (shared with `analyze`). */
void ent_cli_blocs_json(ent_buf *b, ent_cli_net *n, const ent_net *g,
                        const ent_blocs *B);
void ent_cli_blocs_json(ent_buf *b, ent_cli_net *n, const ent_net *g,
                        const ent_blocs *B)
{
	size_t i, nn = ent_net_node_count(g);
	int k;
	const int *un;
	size_t nu = ent_net_unaligned(g, &un);
	const char **labels = ent_malloc((nn + 1) * sizeof(char *));
	ent_buf_puts(b, "{\"as_of\":");
	ent_report_date(b, ent_net_date(g));
	ent_buf_putc(b, ',');
	ent_report_sources(b, n->ties);
	ent_buf_printf(b, ",\"k\":%d,\"blocs\":[", B->k);
	for (k = 0; k < B->k; k++) {
		int first = 1;
		ent_buf_puts(b, k ? ",[" : "[");
		for (i = 0; i < nn; i++)
			if (B->bloc[i] == k) {
				if (!first)
					ent_buf_putc(b, ',');
				ent_buf_json_cstr(b, ent_net_node_label(g, i));
				first = 0;
			}
		ent_buf_putc(b, ']');
	}
	ent_buf_puts(b, "],\"between\":[");
	for (i = 0; i < B->nbetween; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_net_node_label(g, B->between[i]));
	}
	ent_buf_puts(b, "],\"between_camps\":[");
	for (i = 0; i < B->nbetween; i++) {
		ent_buf_puts(b, i ? ",{\"state\":" : "{\"state\":");
		ent_buf_json_cstr(b, ent_net_node_label(g, B->between[i]));
		ent_buf_printf(b, ",\"camps\":[%d,%d]}", B->between_camps[2 * i],
		               B->between_camps[2 * i + 1]);
	}
	ent_buf_puts(b, "],\"cohesion\":[");
	for (k = 0; k < B->k; k++) {
		if (k)
			ent_buf_putc(b, ',');
		ent_buf_json_num(b, B->cohesion[k]);
	}
	ent_buf_puts(b, "],\"density\":[");
	for (k = 0; k < B->k; k++) {
		if (k)
			ent_buf_putc(b, ',');
		ent_buf_json_num(b, B->density[k]);
	}
	ent_buf_puts(b, "],\"unaligned\":[");
	for (i = 0; i < nu; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_ties_node_label(n->ties, (size_t)un[i]));
	}
	ent_buf_puts(b, "],\"criterion\":{\"name\":\"signed blockmodel error\","
	                "\"alpha\":0.5,\"error\":");
	ent_buf_json_num(b, B->criterion);
	ent_buf_puts(b, ",\"by_k\":[");
	for (k = 0; k < B->max_k; k++) {
		if (k)
			ent_buf_putc(b, ',');
		ent_buf_json_num(b, B->criteria[k]);
	}
	ent_buf_puts(b, "],\"reason\":");
	ent_buf_json_cstr(b, B->reason);
	ent_buf_putc(b, '}');
	if (labels) {
		for (i = 0; i < nn; i++)
			labels[i] = ent_net_node_label(g, i);
		ent_report_state_codes(b, n->ties, labels, nn, ent_net_date(g), &n->codes);
	}
	ent_free(labels);
	ent_buf_puts(b, "}\n");
}

/* Text: one line per camp. */
void ent_cli_blocs_text(ent_cli *cli, const ent_net *g, const ent_blocs *B,
                        size_t max_members);
void ent_cli_blocs_text(ent_cli *cli, const ent_net *g, const ent_blocs *B,
                        size_t max_members)
{
	size_t i, nn = ent_net_node_count(g);
	int k;
	for (k = 0; k < B->k; k++) {
		size_t cnt = 0, shown = 0;
		for (i = 0; i < nn; i++)
			cnt += B->bloc[i] == k;
		if (isnan(B->cohesion[k]))
			fprintf(cli->out, "  camp %d (%zu, cohesion n/a):", k + 1, cnt);
		else
			fprintf(cli->out, "  camp %d (%zu, cohesion %+.2f, density %.2f):",
			        k + 1, cnt, B->cohesion[k], B->density[k]);
		for (i = 0; i < nn; i++)
			if (B->bloc[i] == k) {
				if (shown == max_members) {
					fprintf(cli->out, " ... (+%zu)", cnt - shown);
					break;
				}
				fprintf(cli->out, " %s", ent_net_node_label(g, i));
				shown++;
			}
		fputc('\n', cli->out);
	}
	if (B->nbetween) {
		fprintf(cli->out, "  between camps:");
		for (i = 0; i < B->nbetween; i++)
			fprintf(cli->out, " %s (%d/%d)", ent_net_node_label(g, B->between[i]),
			        B->between_camps[2 * i] + 1, B->between_camps[2 * i + 1] + 1);
		fputc('\n', cli->out);
	}
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_net *g = NULL;
	ent_blocs *B = NULL;
	ent_blocs_options bo;
	int rc;
	char d[16];

	if ((rc = ent_cli_blocs_opts(cli, a, &bo)) != 0)
		return rc;
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if (!(g = ent_cli_net_build(cli, &n, n.as_of))) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (ent_net_blocs(&B, g, &bo) < 0) {
		ent_cli_error(cli, "out of memory in the bloc analysis");
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (n.json) {
		ent_buf b = ENT_BUF_INIT;
		ent_cli_blocs_json(&b, &n, g, B);
		fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
	} else {
		const int *un;
		size_t nu = ent_net_unaligned(g, &un);
		fprintf(cli->out, "%sCamps%s on %s: %d (%s)\n", ent_cli_c(cli, "bold"),
		        ent_cli_c(cli, "off"), ent_date_format(d, n.as_of), B->k, B->reason);
		ent_cli_blocs_text(cli, g, B, (size_t)-1);
		fprintf(cli->out, "  unaligned (no tie past the dead band): %zu states\n", nu);
	}
done:
	ent_blocs_free(B);
	ent_net_free(g);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_blocs = {
	"blocs",
	"which camps are forming, who sits between them, how united each is",
	"[options]",
	"Splits the states with ties into camps by signed blockmodelling "
	"(friends inside, enemies between; Doreian and Mrvar's criterion).  With "
	"no --k it tries 1 to 6 camps and keeps the smallest number whose error "
	"is within 10% of the best, and says so.  A state whose positive ties go "
	"to two camps is listed as between them rather than forced into one.  "
	"Cohesion is the mean tie over a camp's member pairs.",
	options,
	run
};
