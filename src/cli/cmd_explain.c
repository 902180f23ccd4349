/*
 * cmd_explain.c - `entente explain A B`: every tie line and event behind a
 * tie, with its contribution, so no number is taken on trust.
 */
#include "cli/netcli.h"

#include <math.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

typedef struct {
	ent_cli *cli;
	ent_buf *b;
	int json, count;
} ex_state;

static const char *origin_name(int o)
{
	return o == ENT_TIES_BASELINE ? "baseline" : o == ENT_TIES_TREATY ? "treaty" : "ties";
}

static void on_item(const ent_tie_item *it, void *p)
{
	ex_state *s = p;
	char d1[16], d2[16], w[16];
	if (s->json) {
		ent_buf *b = s->b;
		ent_buf_puts(b, s->count++ ? ",{" : "{");
		if (!it->is_event) {
			ent_buf_printf(b, "\"kind\":\"%s\",\"file\":", origin_name(it->origin));
			ent_buf_json_cstr(b, it->file);
			ent_buf_printf(b, ",\"line\":%ld,\"weight\":", it->line);
			ent_buf_json_num(b, it->weight);
			ent_buf_puts(b, ",\"from\":");
			ent_report_date(b, it->from);
			ent_buf_puts(b, ",\"until\":");
			ent_report_date(b, it->until);
			ent_buf_puts(b, ",\"note\":");
			ent_buf_json_cstr(b, it->note);
			ent_buf_puts(b, ",\"source\":");
			ent_buf_json_cstr(b, it->source);
		} else {
			ent_buf_puts(b, "\"kind\":\"event\",\"file\":");
			ent_buf_json_cstr(b, it->file);
			ent_buf_printf(b, ",\"line\":%ld,\"id\":", it->line);
			ent_buf_json_cstr(b, it->id);
			ent_buf_puts(b, ",\"doc\":");
			ent_buf_json_cstr(b, it->doc);
			ent_buf_puts(b, ",\"sentence\":");
			if (it->sentence >= 0)
				ent_buf_printf(b, "%ld", it->sentence);
			else
				ent_buf_puts(b, "null");
			ent_buf_puts(b, ",\"date\":");
			ent_report_date(b, it->date);
			ent_buf_puts(b, ",\"source\":");
			ent_buf_json_cstr(b, it->source_actor);
			ent_buf_puts(b, ",\"target\":");
			ent_buf_json_cstr(b, it->target_actor);
			ent_buf_puts(b, ",\"code\":");
			ent_buf_json_cstr(b, it->code);
			ent_buf_puts(b, ",\"goldstein\":");
			ent_buf_json_num(b, it->goldstein);
			ent_buf_puts(b, ",\"text\":");
			ent_buf_json_cstr(b, it->text);
		}
		ent_buf_printf(b, ",\"applies\":%s,\"why_not\":",
		               it->applies ? "true" : "false");
		ent_buf_json_cstr(b, it->why);
		ent_buf_puts(b, ",\"contribution\":");
		ent_buf_json_num(b, it->contribution);
		ent_buf_putc(b, '}');
		return;
	}
	if (!it->is_event) {
		fprintf(s->cli->out, "  %s %s:%ld  %s  [%s, %s)  %s%s%s\n",
		        it->applies ? "*" : " ", it->file, it->line,
		        ent_cli_signed(w, sizeof w, it->weight),
		        it->from == ENT_DATE_NONE ? "-" : ent_date_format(d1, it->from),
		        it->until == ENT_DATE_NONE ? "-" : ent_date_format(d2, it->until),
		        it->note ? it->note : "", it->why ? "  -- " : "",
		        it->why ? it->why : "");
		if (it->source)
			fprintf(s->cli->out, "      source: %s\n", it->source);
	} else {
		fprintf(s->cli->out, "  %s %s %s %s->%s code %s goldstein %+.1f -> %+.2f%s%s\n",
		        it->applies ? "*" : " ", ent_date_format(d1, it->date),
		        it->id ? it->id : "", it->source_actor ? it->source_actor : "?",
		        it->target_actor ? it->target_actor : "?", it->code, it->goldstein,
		        it->contribution, it->why ? "  -- " : "", it->why ? it->why : "");
		if (it->text)
			fprintf(s->cli->out, "      \"%s\"\n", it->text);
		else if (it->doc)
			fprintf(s->cli->out, "      %s, sentence %ld (%s:%ld)\n", it->doc,
			        it->sentence, it->file, it->line);
	}
	s->count++;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	int rc, ia, ib;
	ent_tie_value v;
	ex_state s;
	ent_buf b = ENT_BUF_INIT;
	char d[16], x1[16], x2[16], x3[16];

	if (a->npos != 2) {
		ent_cli_usage_error(cli, "give two states: explain A B");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if ((ia = ent_cli_node_arg(cli, &n, a->pos[0])) < 0 ||
	    (ib = ent_cli_node_arg(cli, &n, a->pos[1])) < 0) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	if (ia == ib) {
		ent_cli_usage_error(cli, "a tie needs two different states");
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	ent_ties_value(n.ties, (size_t)ia, (size_t)ib, n.as_of, &v);
	memset(&s, 0, sizeof s);
	s.cli = cli;
	s.b = &b;
	s.json = n.json;
	if (n.json) {
		ent_buf_puts(&b, "{\"as_of\":");
		ent_report_date(&b, n.as_of);
		ent_buf_putc(&b, ',');
		ent_report_sources(&b, n.ties);
		ent_buf_puts(&b, ",\"a\":");
		ent_buf_json_cstr(&b, ent_ties_node_label(n.ties, (size_t)ia));
		ent_buf_puts(&b, ",\"b\":");
		ent_buf_json_cstr(&b, ent_ties_node_label(n.ties, (size_t)ib));
		ent_buf_puts(&b, ",\"tie\":");
		ent_buf_json_num(&b, v.value);
		ent_buf_puts(&b, ",\"prior\":");
		ent_buf_json_num(&b, v.prior);
		ent_buf_puts(&b, ",\"events_raw\":");
		ent_buf_json_num(&b, v.events_raw);
		ent_buf_puts(&b, ",\"events\":");
		ent_buf_json_num(&b, v.events);
		ent_buf_printf(&b, ",\"past_dead_band\":%s,\"items\":[",
		               fabs(v.value) >= ent_ties_options(n.ties)->dead_band &&
		                       v.value != 0 ? "true" : "false");
	} else {
		fprintf(cli->out, "%s%s-%s%s on %s: tie %s = clamp(prior %s + tanh(%.2f / "
		        "%g) = %s)\n", ent_cli_c(cli, "bold"),
		        ent_ties_node_label(n.ties, (size_t)ia),
		        ent_ties_node_label(n.ties, (size_t)ib), ent_cli_c(cli, "off"),
		        ent_date_format(d, n.as_of), ent_cli_signed(x1, sizeof x1, v.value),
		        ent_cli_signed(x2, sizeof x2, v.prior), v.events_raw,
		        ent_ties_options(n.ties)->event_scale,
		        ent_cli_signed(x3, sizeof x3, v.events));
		fprintf(cli->out, "  (* = counted; events decay with a half-life of %g days)\n",
		        ent_ties_options(n.ties)->half_life_days);
	}
	if (ent_ties_explain(n.ties, (size_t)ia, (size_t)ib, n.as_of, on_item, &s) < 0) {
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (n.json) {
		ent_buf_puts(&b, "]}\n");
		fputs(ent_buf_cstr(&b), cli->out);
	} else if (!s.count) {
		fprintf(cli->out, "  nothing: no tie line and no event between them\n");
	}
done:
	ent_buf_free(&b);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_explain = {
	"explain",
	"every tie line and event behind a tie, with its contribution",
	"[options] A B",
	"Shows how the tie between two states is made: each baseline line, "
	"tie-file line and event (with its sentence when known), whether it "
	"counts on the date and why not, and its contribution to the formula "
	"tie = clamp(prior + tanh(E / scale)).",
	options,
	run
};
