/*
 * cmd_network.c - `entente network`: the network itself, for Gephi,
 * Cytoscape, Graphviz or code.
 */
#include "cli/netcli.h"
#include "report/report.h"
#include "util/alloc.h"

#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "graphml, gexf, dot, json (default), csv, or a "
	 "picture: svg or png (Graphviz)", "json|graphml|gexf|dot|csv|svg|png", 0},
	{"no-camps", 0, NULL, "do not compute camps for the node attribute", NULL, 0},
	{"layout", 0, NULL, "JSON: give each node the position of the picture "
	 "(x, y in points)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_net *g = NULL;
	ent_blocs *B = NULL;
	const char *fmt = ent_cli_get(a, "format");
	ent_buf b = ENT_BUF_INIT;
	ent_point *pos = NULL;
	int rc;

	if (!fmt)
		fmt = "json";
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if (!(g = ent_cli_net_build(cli, &n, n.as_of))) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (!ent_cli_flag(a, "no-camps") && ent_net_blocs(&B, g, NULL) < 0) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (!strcmp(fmt, "svg") || !strcmp(fmt, "png")) {
		if (ent_report_draw(&b, cli->ctx, fmt, g, n.ties, B, NULL) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
			goto done;
		}
	} else if (ent_cli_flag(a, "layout") &&
	           (!(pos = ent_calloc(ent_net_node_count(g) + 1, sizeof *pos)) ||
	            ent_report_draw(NULL, cli->ctx, NULL, g, n.ties, B, pos) < 0)) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	} else if (ent_report_export(&b, fmt, g, n.ties, B ? B->bloc : NULL, pos) < 0) {
		ent_cli_error(cli, "out of memory writing the network");
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	fwrite(b.data, 1, b.len, cli->out);
done:
	ent_free(pos);
	ent_buf_free(&b);
	ent_blocs_free(B);
	ent_net_free(g);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_network = {
	"network",
	"the network for Gephi, Cytoscape, Graphviz or code",
	"[options]",
	"Writes the signed network on the date: nodes with names, COW and G&W "
	"codes and camps; ties with signed weights.  GraphML and GEXF open in "
	"Gephi and Cytoscape, DOT in Graphviz; CSV is an edge list.",
	options,
	run
};
