/*
 * cmd_report.c - `entente report`: the alignment report as one
 * self-contained HTML file (report_html.c), from the built-in data, tie
 * and event files, and the store's events with their evidence.
 */
#include "cli/netcli.h"

#include <string.h>
#include <unistd.h>

static const ent_cli_option options[] = {
	{"output", 'o', "FILE", "write the report here (default report.html)", NULL, 0},
	{"rows", 0, "N", "events in the table, newest first (default 300)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int add_row(void *payload, const ent_event *e, const char *id,
                   const char *doc, const char *text, const char *happening)
{
	(void)doc;
	(void)happening;
	ent_cli_evrows_add(payload, e, id, text, text ? strlen(text) : 0);
	return 0;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_cli_evrows rows;
	const char *out = ent_cli_get(a, "output"), *db = ent_cli_get(a, "db");
	char origin[600];
	long k;
	int rc;

	memset(&rows, 0, sizeof rows);
	if (ent_cli_long_opt(cli, a, "rows", 1, 100000, 300, &k) < 0)
		return ENT_EXIT_USAGE;
	rows.max = (size_t)k;
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		return rc;
	if (!db && access("entente.db", R_OK) == 0)
		db = "entente.db";
	snprintf(origin, sizeof origin, "%s", db ? "" : "From the built-in data and "
	         "any --ties/--events files (no store).");
	if (db) {
		ent_store *s = NULL;
		ent_store_filter f;
		long docs = 0, evs = 0, haps = 0, runs = 0;
		memset(&f, 0, sizeof f);
		f.since = ENT_DATE_NONE;
		f.until = n.as_of;
		f.asserted = 1;
		f.newest_first = 1;
		f.limit = (long)rows.max;
		if (ent_store_open(&s, cli->ctx, db, 1) < 0 ||
		    ent_store_counts(s, &docs, &evs, &haps, &runs) < 0 ||
		    ent_store_events(s, &f, add_row, &rows) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
		}
		ent_store_free(s);
		snprintf(origin, sizeof origin, "From the built-in data and the store %s "
		         "(%ld documents, %ld event mentions of %ld happenings).", db, docs,
		         evs, haps);
	}
	if (rc == 0) {
		ent_cli_picture pic;
		if ((rc = ent_cli_picture_build(cli, &n, &pic)) == 0)
			rc = ent_cli_report_write(cli, &n, &pic, &rows, out ? out : "report.html",
			                          origin);
		ent_cli_picture_free(&pic);
	}
	if (rc == 0)
		fprintf(cli->err, "entente: wrote %s\n", out ? out : "report.html");
	ent_cli_evrows_free(&rows);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_report = {
	"report",
	"the alignment report as one HTML file",
	"[options]",
	"Writes one self-contained HTML file (it opens without a network "
	"connection): the network picture, the camps and balance figures, the "
	"most hostile and most cooperative dyads, their cooperation and "
	"conflict month by month, the frustrated ties, the war scenarios that "
	"follow from the most hostile dyads, and the newest events of the store "
	"(--db, or entente.db here) with each evidence sentence, its actors and "
	"trigger marked.",
	options,
	run
};
