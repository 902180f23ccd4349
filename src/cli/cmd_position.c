/*
 * cmd_position.c - `entente position STATE`: where a state stands.  Its
 * ties to each camp and to each major power, how they moved since a
 * reference date, how evenly it spreads its friendship over the camps
 * (hedging), and how isolated each of its partners is - the numbers behind
 * "why would North Korea court Russia before China in 2023?".
 */
#include "cli/netcli.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"since", 0, "DATE", "reference date for changes (default: a year earlier)",
	 NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static const char *const majors[] = {"USA", "CHN", "RUS", "GBR", "FRA",
                                     "JPN", "DEU", "IND", NULL};

/* Share of a node's tie weight that is hostile, on date d. */
static double isolation(const ent_ties *t, size_t id, ent_date d)
{
	size_t j, n = ent_ties_node_count(t);
	double neg = 0, all = 0;
	for (j = 0; j < n; j++) {
		ent_tie_value v;
		if (j == id)
			continue;
		ent_ties_value(t, id, j, d, &v);
		if (fabs(v.value) < ent_ties_options(t)->dead_band)
			continue;
		all += fabs(v.value);
		if (v.value < 0)
			neg -= v.value;
	}
	return all > 0 ? neg / all : NAN;
}

static double tie(const ent_ties *t, size_t a, size_t b, ent_date d)
{
	ent_tie_value v;
	ent_ties_value(t, a, b, d, &v);
	return fabs(v.value) < ent_ties_options(t)->dead_band ? 0 : v.value;
}

typedef struct {
	size_t id;
	double tie, tie0, iso, iso0;
	int major;
} partner;

static int cmp_partner(const void *x, const void *y)
{
	const partner *a = x, *b = y;
	if (a->major != b->major)
		return a->major ? -1 : 1;
	if (fabs(a->tie) != fabs(b->tie))
		return fabs(a->tie) > fabs(b->tie) ? -1 : 1;
	return a->id < b->id ? -1 : 1;
}

/* normalised entropy of the positive mass over camps */
static double hedging(const double *pos, int k)
{
	double tot = 0, h = 0;
	int c;
	if (k < 2)
		return 0;
	for (c = 0; c < k; c++)
		tot += pos[c];
	if (tot <= 0)
		return 0;
	for (c = 0; c < k; c++)
		if (pos[c] > 0)
			h -= pos[c] / tot * log(pos[c] / tot);
	return h / log((double)k);
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_net *g = NULL;
	ent_blocs *B = NULL;
	partner *ps = NULL;
	double *tie_c = NULL, *tie0_c = NULL, *pos_c = NULL, *pos0_c = NULL;
	int rc, id, v, k, bad = 0;
	size_t i, np = 0, nn, nid;
	ent_date since;
	char d1[16], d2[16], s1[16], s2[16], s3[16];
	ent_buf b = ENT_BUF_INIT;
	ent_buf reasons = ENT_BUF_INIT; /* NUL-separated sentences */
	int nreasons = 0;

	if (a->npos != 1) {
		ent_cli_usage_error(cli, "give one state: position STATE");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	since = ent_cli_date_opt(cli, a, "since", n.as_of - 365, &bad);
	if (bad) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	if ((id = ent_cli_node_arg(cli, &n, a->pos[0])) < 0) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	if (!(g = ent_cli_net_build(cli, &n, n.as_of))) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	v = ent_net_node_of(g, id);
	if (v < 0) {
		ent_cli_error(cli, "%s has no tie past the dead band on %s",
		              ent_ties_node_label(n.ties, (size_t)id),
		              ent_date_format(d1, n.as_of));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (ent_net_blocs(&B, g, NULL) < 0) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	nn = ent_net_node_count(g);
	nid = ent_ties_node_count(n.ties);
	tie_c = ent_calloc((size_t)B->k + 1, sizeof(double));
	tie0_c = ent_calloc((size_t)B->k + 1, sizeof(double));
	pos_c = ent_calloc((size_t)B->k + 1, sizeof(double));
	pos0_c = ent_calloc((size_t)B->k + 1, sizeof(double));
	ps = ent_calloc(nid + 1, sizeof(partner));
	if (!tie_c || !tie0_c || !pos_c || !pos0_c || !ps) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	/* camps: mean tie to the members it has ties with, now and then */
	for (k = 0; k < B->k; k++) {
		size_t cnt = 0, cnt0 = 0;
		for (i = 0; i < nn; i++) {
			double w, w0;
			if (B->bloc[i] != k || (int)i == v)
				continue;
			w = tie(n.ties, (size_t)id, (size_t)ent_net_node_id(g, i), n.as_of);
			w0 = tie(n.ties, (size_t)id, (size_t)ent_net_node_id(g, i), since);
			tie_c[k] += w;
			tie0_c[k] += w0;
			cnt += w != 0;
			cnt0 += w0 != 0;
			if (w > 0)
				pos_c[k] += w;
			if (w0 > 0)
				pos0_c[k] += w0;
		}
		tie_c[k] = cnt ? tie_c[k] / (double)cnt : NAN;
		tie0_c[k] = cnt0 ? tie0_c[k] / (double)cnt0 : NAN;
	}
	/* partners: the major powers and every state with a tie to it */
	for (i = 0; i < nid; i++) {
		int is_major = 0, j;
		double w, w0;
		if ((int)i == id)
			continue;
		for (j = 0; majors[j]; j++)
			if (strcmp(ent_ties_node_label(n.ties, i), majors[j]) == 0)
				is_major = 1;
		w = tie(n.ties, (size_t)id, i, n.as_of);
		w0 = tie(n.ties, (size_t)id, i, since);
		if (!is_major && w == 0 && w0 == 0)
			continue;
		ps[np].id = i;
		ps[np].tie = w;
		ps[np].tie0 = w0;
		ps[np].major = is_major && n.st;
		ps[np].iso = isolation(n.ties, i, n.as_of);
		ps[np].iso0 = isolation(n.ties, i, since);
		np++;
	}
	qsort(ps, np, sizeof(*ps), cmp_partner);
	/* reasons: who moved, and how isolated the partner became */
	ent_date_format(d2, since);
	for (i = 0; i < np && nreasons < 6; i++) {
		const partner *p = &ps[i];
		double dt = p->tie - p->tie0, di = p->iso - p->iso0;
		const char *S = ent_ties_node_label(n.ties, (size_t)id);
		const char *P = ent_ties_node_label(n.ties, p->id);
		size_t start = reasons.len;
		if (fabs(dt) < 0.1)
			continue;
		ent_buf_printf(&reasons, "%s %s %s: tie %s, %s since %s", S,
		               dt > 0 ? "moved toward" : "cooled toward", P,
		               ent_cli_signed(s1, sizeof s1, p->tie),
		               ent_cli_signed(s2, sizeof s2, dt), d2);
		if (!isnan(p->iso) && !isnan(p->iso0)) {
			ent_buf_printf(&reasons, "; %s's ties are %.0f%% hostile (%s%.0f points)",
			               P, 100 * p->iso, di >= 0 ? "+" : "", 100 * di);
			if (dt > 0 && di > 0.05)
				ent_buf_printf(&reasons, ": a partner growing more isolated has "
				               "more to offer %s and fewer alternatives", S);
			else if (dt < 0 && di < -0.05)
				ent_buf_printf(&reasons, ": a partner with more friends elsewhere "
				               "needs %s less", S);
		}
		ent_buf_putc(&reasons, '\0');
		(void)start;
		nreasons++;
	}
	{
		double h = hedging(pos_c, B->k), h0 = hedging(pos0_c, B->k);
		int own = B->bloc[v];
		if (n.json) {
			ent_buf_puts(&b, "{\"as_of\":");
			ent_report_date(&b, n.as_of);
			ent_buf_puts(&b, ",\"since\":");
			ent_report_date(&b, since);
			ent_buf_putc(&b, ',');
			ent_report_sources(&b, n.ties);
			ent_buf_puts(&b, ",\"state\":");
			ent_buf_json_cstr(&b, ent_ties_node_label(n.ties, (size_t)id));
			ent_buf_puts(&b, ",\"bloc\":");
			if (own >= 0)
				ent_buf_printf(&b, "%d", own);
			else
				ent_buf_puts(&b, "null");
			ent_buf_printf(&b, ",\"between\":%s,\"camps\":[", own < 0 ? "true" : "false");
			for (k = 0; k < B->k; k++) {
				int first = 1;
				ent_buf_printf(&b, "%s{\"bloc\":%d,\"members\":[", k ? "," : "", k);
				for (i = 0; i < nn; i++)
					if (B->bloc[i] == k) {
						if (!first)
							ent_buf_putc(&b, ',');
						ent_buf_json_cstr(&b, ent_net_node_label(g, i));
						first = 0;
					}
				ent_buf_puts(&b, "],\"tie\":");
				ent_buf_json_num(&b, tie_c[k]);
				ent_buf_puts(&b, ",\"tie_since\":");
				ent_buf_json_num(&b, tie0_c[k]);
				ent_buf_puts(&b, ",\"change\":");
				ent_buf_json_num(&b, tie_c[k] - tie0_c[k]);
				ent_buf_puts(&b, ",\"positive\":");
				ent_buf_json_num(&b, pos_c[k]);
				ent_buf_putc(&b, '}');
			}
			ent_buf_puts(&b, "],\"partners\":[");
			for (i = 0; i < np; i++) {
				const partner *p = &ps[i];
				ent_buf_puts(&b, i ? ",{\"state\":" : "{\"state\":");
				ent_buf_json_cstr(&b, ent_ties_node_label(n.ties, p->id));
				ent_buf_printf(&b, ",\"major\":%s,\"tie\":", p->major ? "true" : "false");
				ent_buf_json_num(&b, p->tie);
				ent_buf_puts(&b, ",\"tie_since\":");
				ent_buf_json_num(&b, p->tie0);
				ent_buf_puts(&b, ",\"change\":");
				ent_buf_json_num(&b, p->tie - p->tie0);
				ent_buf_puts(&b, ",\"isolation\":");
				ent_buf_json_num(&b, p->iso);
				ent_buf_puts(&b, ",\"isolation_since\":");
				ent_buf_json_num(&b, p->iso0);
				ent_buf_puts(&b, ",\"isolation_change\":");
				ent_buf_json_num(&b, p->iso - p->iso0);
				ent_buf_putc(&b, '}');
			}
			ent_buf_puts(&b, "],\"hedging\":");
			ent_buf_json_num(&b, h);
			ent_buf_puts(&b, ",\"hedging_since\":");
			ent_buf_json_num(&b, h0);
			ent_buf_puts(&b, ",\"reasons\":[");
			{
				const char *r = reasons.data;
				int j;
				for (j = 0; j < nreasons; j++) {
					if (j)
						ent_buf_putc(&b, ',');
					ent_buf_json_cstr(&b, r);
					r += strlen(r) + 1;
				}
			}
			ent_buf_puts(&b, "]}\n");
			fputs(ent_buf_cstr(&b), cli->out);
		} else {
			fprintf(cli->out, "%sWhere %s stands%s on %s (changes since %s)\n",
			        ent_cli_c(cli, "bold"), ent_ties_node_label(n.ties, (size_t)id),
			        ent_cli_c(cli, "off"), ent_date_format(d1, n.as_of), d2);
			if (own >= 0)
				fprintf(cli->out, "  in camp %d of %d\n", own + 1, B->k);
			else
				fprintf(cli->out, "  between camps (not forced into one)\n");
			for (k = 0; k < B->k; k++) {
				size_t shown = 0;
				fprintf(cli->out, "  camp %d: mean tie %s (then %s)  [", k + 1,
				        ent_cli_signed(s1, sizeof s1, tie_c[k]),
				        ent_cli_signed(s2, sizeof s2, tie0_c[k]));
				for (i = 0; i < nn && shown < 8; i++)
					if (B->bloc[i] == k) {
						fprintf(cli->out, "%s%s", shown ? " " : "", ent_net_node_label(g, i));
						shown++;
					}
				fprintf(cli->out, "%s]\n", shown == 8 ? " ..." : "");
			}
			fprintf(cli->out, "  hedging index %.2f (was %.2f): 0 = all friends in "
			        "one camp, 1 = spread evenly\n", h, h0);
			fprintf(cli->out, "  partners          tie   change  hostile share of "
			        "the partner's ties (change)\n");
			for (i = 0; i < np && i < 16; i++) {
				const partner *p = &ps[i];
				fprintf(cli->out, "    %-3s %s  %s  %s  %s\n",
				        ent_ties_node_label(n.ties, p->id), p->major ? "*" : " ",
				        ent_cli_signed(s1, sizeof s1, p->tie),
				        ent_cli_signed(s2, sizeof s2, p->tie - p->tie0),
				        isnan(p->iso) ? "n/a" : (snprintf(s3, sizeof s3, "%3.0f%% (%+.0f)",
				                                          100 * p->iso,
				                                          isnan(p->iso0) ? 0 : 100 * (p->iso - p->iso0)),
				                                 s3));
			}
			if (nreasons) {
				const char *r = reasons.data;
				int j;
				fprintf(cli->out, "  why:\n");
				for (j = 0; j < nreasons; j++) {
					fprintf(cli->out, "    - %s\n", r);
					r += strlen(r) + 1;
				}
			}
		}
	}
done:
	ent_buf_free(&b);
	ent_buf_free(&reasons);
	ent_free(tie_c);
	ent_free(tie0_c);
	ent_free(pos_c);
	ent_free(pos0_c);
	ent_free(ps);
	ent_blocs_free(B);
	ent_net_free(g);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_position = {
	"position",
	"where a state stands: its camps, partners, hedging and their isolation",
	"[options] STATE",
	"Gives a state's mean tie to each camp (over the members it has ties "
	"with) and to each major power (and "
	"every partner), the change since --since (default a year earlier), its "
	"hedging index (how evenly its positive ties spread over the camps: the "
	"normalised entropy), and each partner's isolation: the hostile share of "
	"that partner's own ties and its change.  A partner that grows more "
	"isolated has more to offer and fewer alternatives.",
	options,
	run
};
