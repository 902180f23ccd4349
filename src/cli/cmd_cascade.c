/*
 * cmd_cascade.c - `entente cascade nuclear X`: if X goes nuclear, who
 * follows (the proliferation domino), in what order and under what
 * pressure; with --runs N, each state's probability.
 */
#include "cli/netcli.h"

#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"runs", 0, "N", "Monte Carlo runs (default 0: deterministic)", NULL, 0},
	{"seed", 0, "N", "Monte Carlo seed (default 1)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int cmp_state(const void *x, const void *y)
{
	const ent_cascade_state *a = x, *b = y;
	int ca = a->round >= 0 ? a->round : 1000, cb = b->round >= 0 ? b->round : 1000;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->probability != b->probability)
		return a->probability > b->probability ? -1 : 1;
	if (a->pressure - a->threshold != b->pressure - b->threshold)
		return a->pressure - a->threshold > b->pressure - b->threshold ? -1 : 1;
	return a->state < b->state ? -1 : 1;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_cascade_options o = ENT_CASCADE_OPTIONS_INIT;
	ent_cascade *c = NULL;
	const char *v;
	int rc;
	size_t i, k;
	char d[16];

	if (a->npos != 2 || strcmp(a->pos[0], "nuclear") != 0) {
		ent_cli_usage_error(cli, "write: entente cascade nuclear STATE");
		return ENT_EXIT_USAGE;
	}
	if ((v = ent_cli_get(a, "runs")) != NULL) {
		char *end;
		long r = strtol(v, &end, 10);
		if (end == v || *end || r < 0 || r > 1000000) {
			ent_cli_usage_error(cli, "--runs '%s' is not a number of runs", v);
			return ENT_EXIT_USAGE;
		}
		o.runs = (int)r;
	}
	if ((v = ent_cli_get(a, "seed")) != NULL)
		o.seed = (unsigned)strtoul(v, NULL, 10);
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if ((o.trigger = ent_cli_node_arg(cli, &n, a->pos[1])) < 0) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	o.date = n.as_of;
	if (ent_cascade_run(&c, n.world, n.ties, &o) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	qsort(c->states, c->nstates, sizeof(*c->states), cmp_state);
	if (n.json) {
		ent_buf b = ENT_BUF_INIT;
		int first = 1;
		ent_buf_puts(&b, "{\"as_of\":");
		ent_report_date(&b, n.as_of);
		ent_buf_putc(&b, ',');
		ent_report_sources(&b, n.ties);
		ent_buf_puts(&b, ",\"trigger\":");
		ent_buf_json_cstr(&b, ent_states_iso3(n.st, (size_t)o.trigger));
		ent_buf_printf(&b, ",\"runs\":%d,\"crossings\":[", o.runs);
		for (i = 0; i < c->nstates; i++) {
			const ent_cascade_state *s = &c->states[i];
			if (s->round < 1)
				continue;
			ent_buf_puts(&b, first ? "{\"state\":" : ",{\"state\":");
			first = 0;
			ent_buf_json_cstr(&b, ent_states_iso3(n.st, (size_t)s->state));
			ent_buf_printf(&b, ",\"round\":%d,\"pressure\":", s->round);
			ent_buf_json_num(&b, s->pressure);
			ent_buf_puts(&b, ",\"threshold\":");
			ent_buf_json_num(&b, s->threshold);
			ent_buf_puts(&b, ",\"tipped_by\":[");
			for (k = 0; k < s->ntop; k++) {
				ent_buf_puts(&b, k ? ",{\"state\":" : "{\"state\":");
				ent_buf_json_cstr(&b, ent_states_iso3(n.st, (size_t)s->top_from[k]));
				ent_buf_puts(&b, ",\"pressure\":");
				ent_buf_json_num(&b, s->top_amount[k]);
				ent_buf_putc(&b, '}');
			}
			ent_buf_puts(&b, "]}");
		}
		ent_buf_puts(&b, "],\"states\":[");
		for (i = 0; i < c->nstates; i++) {
			const ent_cascade_state *s = &c->states[i];
			ent_buf_puts(&b, i ? ",{\"state\":" : "{\"state\":");
			ent_buf_json_cstr(&b, ent_states_iso3(n.st, (size_t)s->state));
			ent_buf_printf(&b, ",\"nuclear\":%s,\"round\":",
			               s->crossed ? "true" : "false");
			if (s->round >= 0)
				ent_buf_printf(&b, "%d", s->round);
			else
				ent_buf_puts(&b, "null");
			ent_buf_printf(&b, ",\"already_armed\":%s,\"pressure\":",
			               s->round == -2 ? "true" : "false");
			ent_buf_json_num(&b, s->pressure);
			ent_buf_puts(&b, ",\"threshold\":");
			ent_buf_json_num(&b, s->threshold);
			ent_buf_puts(&b, ",\"latent\":");
			ent_buf_json_num(&b, s->latent);
			ent_buf_puts(&b, ",\"guarantor\":");
			ent_buf_json_cstr(&b, s->guarantor >= 0 ? ent_states_iso3(n.st, (size_t)s->guarantor) : NULL);
			if (o.runs) {
				ent_buf_puts(&b, ",\"probability\":");
				ent_buf_json_num(&b, s->probability);
			}
			ent_buf_putc(&b, '}');
		}
		ent_buf_puts(&b, "]}\n");
		fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
	} else {
		int any = 0;
		fprintf(cli->out, "%sIf %s goes nuclear%s (%s)\n", ent_cli_c(cli, "bold"),
		        ent_states_iso3(n.st, (size_t)o.trigger), ent_cli_c(cli, "off"),
		        ent_date_format(d, n.as_of));
		for (i = 0; i < c->nstates; i++) {
			const ent_cascade_state *s = &c->states[i];
			if (s->round < 1)
				continue;
			any = 1;
			fprintf(cli->out, "  round %d: %s crosses (pressure %.2f >= threshold %.2f;"
			        " from", s->round, ent_states_iso3(n.st, (size_t)s->state),
			        s->pressure, s->threshold);
			for (k = 0; k < s->ntop; k++)
				fprintf(cli->out, " %s %.2f", ent_states_iso3(n.st, (size_t)s->top_from[k]),
				        s->top_amount[k]);
			fprintf(cli->out, ")\n");
		}
		if (!any)
			fprintf(cli->out, "  nobody follows\n");
		fprintf(cli->out, "  holding (most pressed first):\n");
		for (i = 0, k = 0; i < c->nstates && k < 8; i++) {
			const ent_cascade_state *s = &c->states[i];
			if (s->crossed || s->pressure <= 0)
				continue;
			fprintf(cli->out, "    %s pressure %.2f < threshold %.2f%s%s%s\n",
			        ent_states_iso3(n.st, (size_t)s->state), s->pressure, s->threshold,
			        s->guarantor >= 0 ? " (umbrella: " : "",
			        s->guarantor >= 0 ? ent_states_iso3(n.st, (size_t)s->guarantor) : "",
			        s->guarantor >= 0 ? ")" : "");
			k++;
		}
		if (o.runs) {
			fprintf(cli->out, "  Monte Carlo, %d runs (thresholds x U(0.6, 1.4); "
			        "success with probability = latent capability):\n", o.runs);
			for (i = 0; i < c->nstates; i++) {
				const ent_cascade_state *s = &c->states[i];
				if (s->round == -2 || s->state == o.trigger || s->probability <= 0)
					continue;
				fprintf(cli->out, "    %s %.1f%%\n",
				        ent_states_iso3(n.st, (size_t)s->state), 100 * s->probability);
			}
		}
	}
done:
	ent_cascade_free(c);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_cascade = {
	"cascade",
	"the nuclear domino: if X goes nuclear, who follows",
	"[options] nuclear STATE",
	"A threshold model on the alignment network: a state crosses when the "
	"pressure from hostile nuclear-armed or newly crossing states (tie "
	"strength, nearness) reaches its threshold, raised by an ally's nuclear "
	"umbrella; thresholds and latent capability come from data/nuclear.tsv "
	"(sourced judgement).  Lists the order of crossings with the pressure "
	"that tipped each; --runs N gives each state's probability.",
	options,
	run
};
