/*
 * report_html.c - the alignment report: one self-contained HTML file (no
 * script, no font, nothing fetched) with the network picture, the camps
 * and balance figures, the strongest cooperative and hostile dyads, a
 * month-by-month cooperation/conflict chart for the top dyads, the
 * frustrated ties, the war scenarios that follow from the most hostile
 * dyads, and an events table whose rows show each evidence sentence with
 * its actors and trigger marked.  Written by `entente report` and by
 * `entente analyze -o`.
 */
#include "cli/netcli.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_DYADS 8     /* per table */
#define CHARTED 3       /* hostile and cooperative dyads charted, each */

void ent_cli_blocs_text(ent_cli *cli, const ent_net *g, const ent_blocs *B,
                        size_t max_members);
void ent_cli_scenario_text(ent_cli *cli, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o, int brief);

void ent_cli_evrows_add(ent_cli_evrows *r, const ent_event *e, const char *id,
                        const char *text, size_t text_len)
{
	ent_buf *b = &r->html;
	char d[16];
	if (r->n >= (r->max ? r->max : 300))
		return;
	r->n++;
	ent_buf_printf(b, "<tr class=\"q%d\"><td>%s</td><td>", e->quad,
	               ent_date_format(d, e->date));
	ent_report_html_cstr(b, e->source);
	ent_buf_puts(b, "</td><td>");
	ent_report_html_cstr(b, e->target);
	ent_buf_puts(b, "</td><td>");
	ent_report_html_cstr(b, e->code);
	ent_buf_puts(b, "</td><td>");
	if (e->has_goldstein)
		ent_buf_printf(b, "%+.1f", e->goldstein);
	ent_buf_puts(b, "</td><td class=\"ev\">");
	ent_report_evidence_html(b, text, text_len, e);
	ent_buf_puts(b, "<br><small>");
	ent_report_html_cstr(b, id);
	ent_buf_puts(b, "</small></td></tr>\n");
}

void ent_cli_evrows_free(ent_cli_evrows *r)
{
	ent_buf_free(&r->html);
}

/* Runs `print` with cli->out captured, and appends what it wrote to b as
 * escaped text. */
typedef struct {
	ent_cli_net *n;
	const ent_net *g;
	const ent_blocs *B;
	const ent_scenario *s;
	const ent_scenario_options *o;
} capture_args;

static void capture(ent_buf *b, ent_cli *cli, void (*print)(ent_cli *, capture_args *),
                    capture_args *a)
{
	char *data = NULL;
	size_t len = 0;
	FILE *saved = cli->out, *mem = open_memstream(&data, &len);
	int color = cli->color;
	if (!mem)
		return;
	cli->out = mem;
	cli->color = 0;
	print(cli, a);
	fclose(mem);
	cli->out = saved;
	cli->color = color;
	ent_report_html_escape(b, data, len);
	free(data);
}

static void print_blocs(ent_cli *cli, capture_args *a)
{
	ent_cli_blocs_text(cli, a->g, a->B, 60);
}

static void print_scenario(ent_cli *cli, capture_args *a)
{
	ent_cli_scenario_text(cli, a->n, a->s, a->o, 1);
}

/* Edges sorted by weight, strongest hostile first. */
static const ent_net *sort_g;
static int by_weight(const void *x, const void *y)
{
	size_t a, b, e1 = *(const size_t *)x, e2 = *(const size_t *)y;
	double w1, w2;
	ent_net_edge(sort_g, e1, &a, &b, &w1);
	ent_net_edge(sort_g, e2, &a, &b, &w2);
	return w1 < w2 ? -1 : w1 > w2 ? 1 : e1 < e2 ? -1 : e1 > e2;
}

static const char *state_name(ent_cli_net *n, const ent_net *g, size_t v)
{
	const ent_states *st = ent_ties_states(n->ties);
	const char *name = st ? ent_states_name(st, (size_t)ent_net_node_id(g, v)) : NULL;
	return name ? name : ent_net_node_label(g, v);
}

static void dyad_row(ent_buf *b, ent_cli_net *n, const ent_net *g, size_t e)
{
	size_t x, y;
	double w;
	ent_tie_value tv;
	ent_net_edge(g, e, &x, &y, &w);
	ent_ties_value(n->ties, (size_t)ent_net_node_id(g, x),
	               (size_t)ent_net_node_id(g, y), ent_net_date(g), &tv);
	ent_buf_puts(b, "<tr><td>");
	ent_report_html_cstr(b, ent_net_node_label(g, x));
	ent_buf_puts(b, "&ndash;");
	ent_report_html_cstr(b, ent_net_node_label(g, y));
	ent_buf_puts(b, "</td><td>");
	ent_report_html_cstr(b, state_name(n, g, x));
	ent_buf_puts(b, " &ndash; ");
	ent_report_html_cstr(b, state_name(n, g, y));
	ent_buf_printf(b, "</td><td class=\"%s\">%+.2f</td><td>%s</td></tr>\n",
	               w > 0 ? "pos" : "neg", w,
	               tv.has_prior && tv.has_events ? "treaty or baseline, and events"
	               : tv.has_events              ? "events"
	                                            : "treaty or baseline");
}

/* Monthly Goldstein sums of the events behind one tie. */
typedef struct {
	ent_report_month *m;
	size_t n, cap;
	int oom;
} months;

static void add_item(const ent_tie_item *it, void *payload)
{
	months *ms = payload;
	char d[16];
	if (!it->is_event || !it->applies || isnan(it->goldstein))
		return;
	ent_date_format(d, it->date);
	if (!ms->n || strncmp(ms->m[ms->n - 1].month, d, 7)) {
		if (ENT_GROW(ms->m, ms->n + 1, ms->cap) < 0) {
			ms->oom = 1;
			return;
		}
		memset(&ms->m[ms->n], 0, sizeof ms->m[0]);
		memcpy(ms->m[ms->n].month, d, 7);
		ms->n++;
	}
	if (it->goldstein > 0)
		ms->m[ms->n - 1].cooperation += it->goldstein;
	else
		ms->m[ms->n - 1].conflict += it->goldstein;
}

static void dyad_chart(ent_buf *b, ent_cli_net *n, const ent_net *g, size_t e)
{
	size_t x, y;
	double w;
	months ms;
	char title[160];
	memset(&ms, 0, sizeof ms);
	ent_net_edge(g, e, &x, &y, &w);
	ent_ties_explain(n->ties, (size_t)ent_net_node_id(g, x),
	                 (size_t)ent_net_node_id(g, y), ent_net_date(g), add_item, &ms);
	snprintf(title, sizeof title, "%s-%s (tie %+.2f): Goldstein points by month, "
	         "cooperation up, conflict down", ent_net_node_label(g, x),
	         ent_net_node_label(g, y), w);
	ent_buf_puts(b, "<figure>");
	if (ms.n)
		ent_report_month_chart(b, ms.m, ms.n, title);
	else {
		ent_buf_puts(b, "<p>");
		ent_report_html_cstr(b, title);
		ent_buf_puts(b, ": no events on record; the tie comes from treaties "
		                "and the built-in baseline.</p>");
	}
	ent_buf_puts(b, "</figure>\n");
	ent_free(ms.m);
}

static const char *const style =
	"body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;"
	"color:#222;padding:0 1em}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;"
	"border-bottom:1px solid #ddd}table{border-collapse:collapse;width:100%}"
	"td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;"
	"vertical-align:top}.pos{color:#2b6cb0}.neg{color:#c53030}"
	"pre{background:#f7f7f7;padding:8px;overflow:auto;font-size:12px}"
	"mark.src{background:#cfe3ff}mark.tgt{background:#ffe0b3}"
	"mark.trg{background:#ffd1d1;font-weight:600}.picture svg{max-width:100%;"
	"height:auto}small{color:#777}figure{margin:.6em 0}.swatch{display:inline-block;"
	"width:.9em;height:.9em;border:1px solid #555;margin-right:.3em}";

int ent_cli_report_write(ent_cli *cli, ent_cli_net *n, const ent_cli_picture *p,
                         const ent_cli_evrows *rows, const char *path,
                         const char *origin)
{
	const ent_net *g = p->g;
	const ent_blocs *B = p->B;
	const ent_frustration *f = p->f;
	const ent_balance bal = p->bal;
	ent_buf b = ENT_BUF_INIT, svg = ENT_BUF_INIT;
	size_t *order = NULL, m = ent_net_edge_count(g), i, k;
	capture_args ca;
	char d[16];
	FILE *out = NULL;
	int rc = 0;

	if (!(order = ent_calloc(m + 1, sizeof *order))) {
		ent_cli_error(cli, "out of memory writing the report");
		return ENT_EXIT_INPUT;
	}
	if (ent_report_draw(&svg, cli->ctx, "svg", g, n->ties, B, NULL) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	for (i = 0; i < m; i++)
		order[i] = i;
	sort_g = g;
	qsort(order, m, sizeof *order, by_weight);
	memset(&ca, 0, sizeof ca);
	ca.n = n;
	ca.g = g;
	ca.B = B;

	ent_date_format(d, ent_net_date(g));
	ent_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	               "<title>entente: the alignment picture on %s</title><style>%s"
	               "</style></head><body>\n<h1>The alignment picture on %s</h1>\n<p>",
	               d, style, d);
	ent_report_html_cstr(&b, origin);
	ent_buf_printf(&b, " %zu states with ties, %zu ties.</p>\n", ent_net_node_count(g), m);

	ent_buf_puts(&b, "<h2 id=\"network\">The network</h2>\n<div class=\"picture\">");
	{
		const char *s = ent_buf_cstr(&svg), *start = s ? strstr(s, "<svg") : NULL;
		if (start)
			ent_buf_put(&b, start, svg.len - (size_t)(start - s));
	}
	ent_buf_puts(&b, "</div>\n");

	ent_buf_printf(&b, "<h2 id=\"camps\">Camps</h2>\n<p>%d camps: ", B->k);
	ent_report_html_cstr(&b, B->reason);
	ent_buf_puts(&b, "</p><p>");
	for (k = 0; k < (size_t)B->k; k++)
		ent_buf_printf(&b, "<span class=\"swatch\" style=\"background:%s\"></span>"
		               "camp %zu &nbsp; ", ent_report_camp_colour((int)k), k + 1);
	ent_buf_puts(&b, "</p><pre>");
	capture(&b, cli, print_blocs, &ca);
	ent_buf_puts(&b, "</pre>\n");

	ent_buf_printf(&b, "<h2 id=\"balance\">Balance</h2>\n<p>Balance ratio %.3f "
	               "(weighted %.3f) over %ld triangles", bal.ratio,
	               bal.ratio_weighted, bal.ppp + bal.ppn + bal.pnn + bal.nnn);
	if (bal.walk_computed)
		ent_buf_printf(&b, "; walk-based balance %.3f", bal.walk);
	ent_buf_printf(&b, ". Frustration index %ld of %zu ties (%s).</p>\n", f->value, m,
	               f->exact ? "exact" : "best found");
	if (f->nfrustrated) {
		ent_buf_puts(&b, "<h2 id=\"frustrated\">Frustrated ties</h2>\n<p>The ties "
		                "that go against the two-camp split (a friendship across "
		                "it, or a rivalry inside a camp):</p><table><tr><th>dyad"
		                "</th><th>states</th><th>tie</th><th>from</th></tr>\n");
		for (i = 0; i < f->nfrustrated && i < 15; i++)
			dyad_row(&b, n, g, f->frustrated[i]);
		ent_buf_puts(&b, "</table>\n");
	}

	ent_buf_puts(&b, "<h2 id=\"hostile\">Most hostile dyads</h2>\n<table><tr><th>dyad"
	                "</th><th>states</th><th>tie</th><th>from</th></tr>\n");
	for (i = 0; i < m && i < TOP_DYADS && order[i] < m; i++) {
		size_t x, y;
		double w;
		ent_net_edge(g, order[i], &x, &y, &w);
		if (w >= 0)
			break;
		dyad_row(&b, n, g, order[i]);
	}
	ent_buf_puts(&b, "</table>\n<h2 id=\"cooperative\">Most cooperative dyads</h2>\n"
	                "<table><tr><th>dyad</th><th>states</th><th>tie</th><th>from</th>"
	                "</tr>\n");
	for (i = 0; i < m && i < TOP_DYADS; i++) {
		size_t x, y;
		double w;
		ent_net_edge(g, order[m - 1 - i], &x, &y, &w);
		if (w <= 0)
			break;
		dyad_row(&b, n, g, order[m - 1 - i]);
	}
	ent_buf_puts(&b, "</table>\n<h2 id=\"timelines\">Month by month</h2>\n");
	for (i = 0; i < m && i < CHARTED; i++)
		dyad_chart(&b, n, g, order[i]);
	for (i = 0; i < m && i < CHARTED; i++)
		dyad_chart(&b, n, g, order[m - 1 - i]);

	if (n->world) {
		ent_buf_puts(&b, "<h2 id=\"scenarios\">If the most hostile dyads went to "
		                "war</h2>\n");
		size_t picked[2], npicked = ent_cli_most_hostile(g, picked, 2);
		for (i = 0; i < npicked; i++) {
			ent_scenario_options o = ENT_SCENARIO_OPTIONS_INIT;
			ent_scenario *s = NULL;
			ent_cli_war_of(g, picked[i], &o);
			o.date = n->as_of;
			if (ent_scenario_run(&s, n->world, n->ties, &o) < 0)
				continue;
			ca.s = s;
			ca.o = &o;
			ent_buf_puts(&b, "<pre class=\"scenario\">");
			capture(&b, cli, print_scenario, &ca);
			ent_buf_puts(&b, "</pre>\n");
			ent_scenario_free(s);
		}
	}

	ent_buf_printf(&b, "<h2 id=\"events\">Events</h2>\n<p>%zu events; in each "
	               "sentence <mark class=\"src\">the source</mark>, <mark "
	               "class=\"tgt\">the target</mark> and <mark class=\"trg\">the "
	               "trigger</mark> are marked.</p>\n<table><tr><th>date</th><th>"
	               "source</th><th>target</th><th>code</th><th>Goldstein</th><th>"
	               "evidence</th></tr>\n", rows ? rows->n : 0);
	if (rows && rows->html.len)
		ent_buf_put(&b, rows->html.data, rows->html.len);
	ent_buf_puts(&b, "</table>\n<p><small>Made by entente. Every tie traces to "
	                "its sources: <code>entente explain A B</code>.</small></p>\n"
	                "</body></html>\n");
	if (b.oom) {
		ent_cli_error(cli, "out of memory writing the report");
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (!(out = fopen(path, "wb")) || fwrite(b.data, 1, b.len, out) != b.len) {
		ent_cli_error(cli, "%s: cannot write the report", path);
		rc = ENT_EXIT_INPUT;
	}
	if (out && fclose(out) != 0 && rc == 0) {
		ent_cli_error(cli, "%s: cannot write the report", path);
		rc = ENT_EXIT_INPUT;
	}
done:
	ent_free(order);
	ent_buf_free(&b);
	ent_buf_free(&svg);
	return rc;
}
