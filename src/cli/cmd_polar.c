/*
 * cmd_polar.c - `entente polarisation`: balance, frustration, camps and
 * their cohesion over time, and who switched sides.
 *
 * Camps of successive dates are matched by their overlap (each camp takes
 * the earlier camp that shares most members with it); a state switched when
 * the camp it is in now matches a different earlier camp than the one it
 * was in.
 */
#include "cli/netcli.h"
#include "util/alloc.h"
#include "util/date.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ent_cli_frustration_opts(ent_cli *cli, const ent_cli_args *a,
                             ent_frustration_options *o);
int ent_cli_blocs_opts(ent_cli *cli, const ent_cli_args *a, ent_blocs_options *o);

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"from", 0, "DATE", "first date (required)", NULL, 0},
	{"to", 0, "DATE", "last date (default: --as-of or today)", NULL, 0},
	{"step", 0, "STEP", "week, month (default), quarter or year",
	 "week|month|quarter|year", 0},
	{"k", 'k', "K", "number of camps at every date (default: chosen each time)",
	 NULL, 0},
	{"time-limit", 0, "SECONDS", "exact frustration time per date (default 2)",
	 NULL, 0},
	{"weighted", 0, NULL, "minimise the weight of frustrated ties", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static ent_date step_date(ent_date d, const char *step)
{
	int y, m, dd, add;
	if (strcmp(step, "week") == 0)
		return d + 7;
	add = strcmp(step, "year") == 0 ? 12 : strcmp(step, "quarter") == 0 ? 3 : 1;
	ent_date_to_ymd(d, &y, &m, &dd);
	m += add;
	while (m > 12) {
		m -= 12;
		y++;
	}
	if (dd > ent_days_in_month(y, m))
		dd = ent_days_in_month(y, m);
	return ent_date_from_ymd(y, m, dd);
}

/* camp of each tie-set id at one date (-1: none or between) */
typedef struct {
	ent_date d;
	int *camp;     /* per id */
	int k;
} snapshot;

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_frustration_options fo;
	ent_blocs_options bo;
	int rc, bad = 0, first = 1;
	ent_date from, to, d;
	const char *step = ent_cli_get(a, "step");
	snapshot prev = {ENT_DATE_NONE, NULL, 0};
	ent_buf b = ENT_BUF_INIT, sw = ENT_BUF_INIT;
	size_t nid, nswitch = 0;
	char ds[16];

	if (!step)
		step = "month";
	if ((rc = ent_cli_frustration_opts(cli, a, &fo)) != 0 ||
	    (rc = ent_cli_blocs_opts(cli, a, &bo)) != 0)
		return rc;
	if (!ent_cli_get(a, "time-limit"))
		fo.time_limit = 2;
	if (!ent_cli_get(a, "from")) {
		ent_cli_usage_error(cli, "--from DATE is required");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	from = ent_cli_date_opt(cli, a, "from", ENT_DATE_NONE, &bad);
	to = ent_cli_date_opt(cli, a, "to", n.as_of, &bad);
	if (bad || to < from || (to - from) / 7 > 5000) {
		if (!bad)
			ent_cli_usage_error(cli, "--to must be after --from (and not "
			                    "thousands of steps away)");
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	nid = ent_ties_node_count(n.ties);
	if (n.json) {
		ent_buf_puts(&b, "{\"from\":");
		ent_report_date(&b, from);
		ent_buf_puts(&b, ",\"to\":");
		ent_report_date(&b, to);
		ent_buf_puts(&b, ",\"step\":");
		ent_buf_json_cstr(&b, step);
		ent_buf_putc(&b, ',');
		ent_report_sources(&b, n.ties);
		ent_buf_puts(&b, ",\"series\":[");
	} else {
		fprintf(cli->out, "%sPolarisation%s from %s by %s\n", ent_cli_c(cli, "bold"),
		        ent_cli_c(cli, "off"), ent_date_format(ds, from), step);
		fprintf(cli->out, "  date        states ties  balance  frustration        "
		        "camps (cohesion)\n");
	}
	for (d = from; d <= to; d = step_date(d, step)) {
		ent_net *g = NULL;
		ent_balance bal;
		ent_frustration *f = NULL;
		ent_blocs *B = NULL;
		snapshot cur = {d, NULL, 0};
		size_t i, nn;
		int k;
		if (ent_net_from_ties(&g, n.ties, d) < 0) {
			rc = ENT_EXIT_INPUT;
			break;
		}
		nn = ent_net_node_count(g);
		if (ent_net_edge_count(g) == 0) {
			ent_net_free(g);
			continue;
		}
		if (ent_net_balance(g, &bal) < 0 || ent_net_frustration(&f, g, &fo) < 0 ||
		    ent_net_blocs(&B, g, &bo) < 0) {
			ent_frustration_free(f);
			ent_net_free(g);
			rc = ENT_EXIT_INPUT;
			break;
		}
		cur.k = B->k;
		cur.camp = ent_malloc((nid + 1) * sizeof(int));
		if (!cur.camp) {
			rc = ENT_EXIT_INPUT;
			goto step_done;
		}
		for (i = 0; i < nid; i++)
			cur.camp[i] = -1;
		for (i = 0; i < nn; i++)
			cur.camp[ent_net_node_id(g, i)] = B->bloc[i];
		/* switches against the previous date */
		if (prev.camp) {
			int *match = ent_malloc(((size_t)cur.k + 1) * sizeof(int));
			for (k = 0; match && k < cur.k; k++) {
				int best = -1, pk;
				size_t bestc = 0;
				for (pk = 0; pk < prev.k; pk++) {
					size_t c = 0;
					for (i = 0; i < nid; i++)
						c += cur.camp[i] == k && prev.camp[i] == pk;
					if (c > bestc) {
						bestc = c;
						best = pk;
					}
				}
				match[k] = best;
			}
			for (i = 0; match && i < nid; i++) {
				if (cur.camp[i] < 0 || prev.camp[i] < 0 ||
				    match[cur.camp[i]] < 0 || match[cur.camp[i]] == prev.camp[i])
					continue;
				ent_buf_puts(&sw, nswitch++ ? ",{\"date\":" : "{\"date\":");
				ent_report_date(&sw, d);
				ent_buf_puts(&sw, ",\"state\":");
				ent_buf_json_cstr(&sw, ent_ties_node_label(n.ties, i));
				ent_buf_printf(&sw, ",\"from_camp\":%d,\"to_camp\":%d,\"left\":[",
				               prev.camp[i], cur.camp[i]);
				{
					/* a few members of the camp it left and of the one it joined */
					size_t j, shown = 0;
					for (j = 0; j < nid && shown < 3; j++)
						if (j != i && prev.camp[j] == prev.camp[i]) {
							ent_buf_puts(&sw, shown++ ? ",\"" : "\"");
							ent_buf_puts(&sw, ent_ties_node_label(n.ties, j));
							ent_buf_putc(&sw, '"');
						}
					ent_buf_puts(&sw, "],\"joined\":[");
					shown = 0;
					for (j = 0; j < nid && shown < 3; j++)
						if (j != i && cur.camp[j] == cur.camp[i]) {
							ent_buf_puts(&sw, shown++ ? ",\"" : "\"");
							ent_buf_puts(&sw, ent_ties_node_label(n.ties, j));
							ent_buf_putc(&sw, '"');
						}
					ent_buf_puts(&sw, "]}");
				}
				if (!n.json)
					fprintf(cli->out, "    %s switched camps\n",
					        ent_ties_node_label(n.ties, i));
			}
			ent_free(match);
		}
		if (n.json) {
			ent_buf_puts(&b, first ? "{\"date\":" : ",{\"date\":");
			ent_report_date(&b, d);
			ent_buf_printf(&b, ",\"nodes\":%zu,\"edges\":%zu,\"balance_ratio\":", nn,
			               ent_net_edge_count(g));
			ent_buf_json_num(&b, bal.ratio);
			ent_buf_puts(&b, ",\"balance_ratio_weighted\":");
			ent_buf_json_num(&b, bal.ratio_weighted);
			ent_buf_printf(&b, ",\"frustration\":%ld,\"frustration_exact\":%s,"
			               "\"frustration_share\":", f->value,
			               f->exact ? "true" : "false");
			ent_buf_json_num(&b, (double)f->value / (double)ent_net_edge_count(g));
			ent_buf_printf(&b, ",\"k\":%d,\"cohesion\":[", B->k);
			for (k = 0; k < B->k; k++) {
				if (k)
					ent_buf_putc(&b, ',');
				ent_buf_json_num(&b, B->cohesion[k]);
			}
			ent_buf_puts(&b, "],\"blocs\":[");
			for (k = 0; k < B->k; k++) {
				int f1 = 1;
				ent_buf_puts(&b, k ? ",[" : "[");
				for (i = 0; i < nn; i++)
					if (B->bloc[i] == k) {
						if (!f1)
							ent_buf_putc(&b, ',');
						ent_buf_json_cstr(&b, ent_net_node_label(g, i));
						f1 = 0;
					}
				ent_buf_putc(&b, ']');
			}
			ent_buf_puts(&b, "],\"between\":[");
			for (i = 0; i < B->nbetween; i++) {
				if (i)
					ent_buf_putc(&b, ',');
				ent_buf_json_cstr(&b, ent_net_node_label(g, B->between[i]));
			}
			ent_buf_puts(&b, "]}");
		} else {
			fprintf(cli->out, "  %s  %6zu %5zu  %.3f    %5ld%s (%4.1f%%)   %d (",
			        ent_date_format(ds, d), nn, ent_net_edge_count(g), bal.ratio,
			        f->value, f->exact ? " " : "~",
			        100.0 * (double)f->value / (double)ent_net_edge_count(g), B->k);
			for (k = 0; k < B->k; k++)
				if (isnan(B->cohesion[k]))
					fprintf(cli->out, "%sn/a", k ? ", " : "");
				else
					fprintf(cli->out, "%s%+.2f", k ? ", " : "", B->cohesion[k]);
			fprintf(cli->out, ")\n");
		}
		first = 0;
		ent_free(prev.camp);
		prev = cur;
		cur.camp = NULL;
	step_done:
		ent_free(cur.camp);
		ent_blocs_free(B);
		ent_frustration_free(f);
		ent_net_free(g);
		if (rc)
			break;
	}
	if (n.json && !rc) {
		ent_buf_puts(&b, "],\"switches\":[");
		if (sw.len)
			ent_buf_put(&b, sw.data, sw.len);
		ent_buf_puts(&b, "]}\n");
		fputs(ent_buf_cstr(&b), cli->out);
	} else if (!rc) {
		fprintf(cli->out, "  (~ = best found within the time limit; camps are "
		        "matched across dates by overlap)\n");
	}
done:
	ent_free(prev.camp);
	ent_buf_free(&b);
	ent_buf_free(&sw);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_polarisation = {
	"polarisation",
	"balance, frustration, camps and cohesion over time; who switched sides",
	"[options] --from DATE [--to DATE]",
	"Rebuilds the network at every step from --from to --to and reports the "
	"balance ratio, the frustration index (exact within --time-limit per "
	"date), the camps and their cohesion, and the states that switched "
	"camps between two dates.",
	options,
	run
};
