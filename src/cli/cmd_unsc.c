/*
 * cmd_unsc.c - `entente unsc --target PRK`: would a Security Council draft
 * on a state pass, or be vetoed, and by whom - each vote with its reasons.
 */
#include "cli/netcli.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"target", 0, "STATE", "the state the draft is about", NULL, 0},
	{"topic", 0, "TOPIC", "sanctions (default), condemnation, ceasefire, "
	 "humanitarian, investigation, peacekeeping, any",
	 "sanctions|condemnation|ceasefire|humanitarian|investigation|peacekeeping|any", 0},
	{"sponsor", 0, "STATE", "a sponsor of the draft (default: the members most "
	 "hostile to the target)", NULL, 1},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static const char *vote_name(ent_vote v)
{
	return v == ENT_VOTE_YES ? "yes" : v == ENT_VOTE_NO ? "no" : "abstain";
}

static const char *outcome_name(ent_outcome o)
{
	return o == ENT_OUTCOME_ADOPTED ? "adopted" : o == ENT_OUTCOME_VETOED ? "vetoed"
	                                                                     : "failed";
}

void ent_cli_unsc_json(ent_buf *b, ent_cli_net *n, const ent_unsc_result *r,
                       int target, const char *topic, ent_date d);
void ent_cli_unsc_json(ent_buf *b, ent_cli_net *n, const ent_unsc_result *r,
                       int target, const char *topic, ent_date d)
{
	const ent_states *st = n->st;
	size_t i, k;
	int events = 0;
	for (i = 0; i < ent_ties_source_count(n->ties); i++)
		events |= strcmp(ent_ties_source(n->ties, i)->kind, "events") == 0 &&
		          ent_ties_source(n->ties, i)->events > 0;
	ent_buf_puts(b, "{\"as_of\":");
	ent_report_date(b, d);
	ent_buf_putc(b, ',');
	ent_report_sources(b, n->ties);
	ent_buf_puts(b, ",\"target\":");
	ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)target));
	ent_buf_puts(b, ",\"topic\":");
	ent_buf_json_cstr(b, topic ? topic : "any");
	ent_buf_printf(b, ",\"year\":%d,\"members\":[", r->year);
	for (i = 0; i < r->nmembers; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->members[i].state));
	}
	ent_buf_puts(b, "],\"permanent\":[");
	for (i = 0, k = 0; i < r->nmembers; i++)
		if (r->members[i].permanent) {
			if (k++)
				ent_buf_putc(b, ',');
			ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->members[i].state));
		}
	ent_buf_puts(b, "],\"sponsors\":[");
	for (i = 0; i < r->nsponsors; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->sponsors[i]));
	}
	ent_buf_puts(b, "],\"votes\":{");
	for (i = 0; i < r->nmembers; i++)
		ent_buf_printf(b, "%s\"%s\":\"%s\"", i ? "," : "",
		               ent_states_iso3(st, (size_t)r->members[i].state),
		               vote_name(r->members[i].vote));
	ent_buf_printf(b, "},\"tally\":{\"yes\":%d,\"no\":%d,\"abstain\":%d},"
	               "\"outcome\":\"%s\",\"vetoes\":[", r->yes, r->no, r->abstain,
	               outcome_name(r->outcome));
	for (i = 0; i < r->nvetoes; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->vetoes[i]));
	}
	ent_buf_puts(b, "],\"reasons\":{");
	for (i = 0; i < r->nmembers; i++) {
		ent_buf_printf(b, "%s\"%s\":", i ? "," : "",
		               ent_states_iso3(st, (size_t)r->members[i].state));
		ent_buf_json_cstr(b, r->members[i].reason);
	}
	ent_buf_puts(b, "},\"evidence\":[");
	for (i = 0; i < r->nevidence; i++) {
		ent_buf_printf(b, "%s{\"kind\":\"%s\",\"date\":", i ? "," : "",
		               r->evidence[i].veto ? "vetoed draft" : "adopted resolution");
		ent_report_date(b, r->evidence[i].date);
		ent_buf_puts(b, ",\"symbol\":");
		ent_buf_json_cstr(b, r->evidence[i].symbol);
		ent_buf_puts(b, ",\"subject\":");
		ent_buf_json_cstr(b, r->evidence[i].subject);
		ent_buf_puts(b, ",\"by\":[");
		for (k = 0; k < r->evidence[i].nby; k++) {
			if (k)
				ent_buf_putc(b, ',');
			ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->evidence[i].by[k]));
		}
		ent_buf_puts(b, "],\"source\":");
		ent_buf_json_cstr(b, r->evidence[i].source);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "],\"rule\":\"Charter art. 27(3): adopted with at least nine "
	                "yes votes and no permanent member voting no\",\"basis\":");
	ent_buf_json_cstr(b, events ? "alignment from the built-in priors sharpened by "
	                              "coded events, and the Council's recorded vetoes "
	                              "and votes"
	                            : "no events given: alignment rests on the built-in "
	                              "priors (baseline ties, treaties) and the Council's "
	                              "recorded vetoes and votes");
	ent_buf_puts(b, "}\n");
}

void ent_cli_unsc_text(ent_cli *cli, ent_cli_net *n, const ent_unsc_result *r,
                       int target, const char *topic, ent_date d);
void ent_cli_unsc_text(ent_cli *cli, ent_cli_net *n, const ent_unsc_result *r,
                       int target, const char *topic, ent_date d)
{
	const ent_states *st = n->st;
	size_t i;
	char ds[16];
	fprintf(cli->out, "%sSecurity Council draft on %s (%s) on %s%s: %s%s%s",
	        ent_cli_c(cli, "bold"), ent_states_iso3(st, (size_t)target),
	        topic ? topic : "any topic", ent_date_format(ds, d), ent_cli_c(cli, "off"),
	        ent_cli_c(cli, r->outcome == ENT_OUTCOME_ADOPTED ? "green" : "red"),
	        outcome_name(r->outcome), ent_cli_c(cli, "off"));
	if (r->nvetoes) {
		fprintf(cli->out, " by");
		for (i = 0; i < r->nvetoes; i++)
			fprintf(cli->out, " %s", ent_states_iso3(st, (size_t)r->vetoes[i]));
	}
	fprintf(cli->out, " (%d yes, %d no, %d abstain)\n", r->yes, r->no, r->abstain);
	fprintf(cli->out, "  sponsors:");
	for (i = 0; i < r->nsponsors; i++)
		fprintf(cli->out, " %s", ent_states_iso3(st, (size_t)r->sponsors[i]));
	fputc('\n', cli->out);
	for (i = 0; i < r->nmembers; i++)
		fprintf(cli->out, "  %s%s %-7s %s\n",
		        ent_states_iso3(st, (size_t)r->members[i].state),
		        r->members[i].permanent ? "*" : " ", vote_name(r->members[i].vote),
		        r->members[i].reason);
	fprintf(cli->out, "  (* permanent member; rule: nine yes and no permanent no)\n");
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_unsc_result r;
	const char *tv = ent_cli_get(a, "target"), *topic = ent_cli_get(a, "topic");
	char phrase[128];
	int rc, target, sponsors[15];
	size_t nsp = 0;
	const char *v;

	if (!topic)
		topic = "sanctions";
	if (a->npos) {
		/* "sanctions on PRK" */
		char buf[256] = "";
		int i;
		char *on;
		for (i = 0; i < a->npos; i++) {
			strncat(buf, a->pos[i], sizeof buf - strlen(buf) - 2);
			strncat(buf, " ", sizeof buf - strlen(buf) - 1);
		}
		on = strstr(buf, " on ");
		if (!on) {
			ent_cli_usage_error(cli, "write the draft as \"sanctions on STATE\" or "
			                    "use --target");
			return ENT_EXIT_USAGE;
		}
		*on = '\0';
		snprintf(phrase, sizeof phrase, "%s", on + 4);
		phrase[strcspn(phrase, "\0")] = '\0';
		{
			size_t l = strlen(phrase);
			while (l && isspace((unsigned char)phrase[l - 1]))
				phrase[--l] = '\0';
		}
		tv = phrase;
		if (strncasecmp(buf, "sanction", 8) == 0)
			topic = "sanctions";
		else if (strncasecmp(buf, "condemn", 7) == 0)
			topic = "condemnation";
		else if (strncasecmp(buf, "ceasefire", 9) == 0)
			topic = "ceasefire";
	}
	if (!tv) {
		ent_cli_usage_error(cli, "give --target STATE (or \"sanctions on STATE\")");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if ((target = ent_cli_node_arg(cli, &n, tv)) < 0) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	for (int i = 0; (v = ent_cli_get_nth(a, "sponsor", i)) != NULL && nsp < 15; i++) {
		int s = ent_cli_node_arg(cli, &n, v);
		if (s < 0) {
			rc = ENT_EXIT_USAGE;
			goto done;
		}
		sponsors[nsp++] = s;
	}
	if (strcmp(topic, "any") == 0)
		topic = NULL;
	if (ent_unsc_predict(&r, n.world, n.ties, target, topic, n.as_of, sponsors, nsp) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (n.json) {
		ent_buf b = ENT_BUF_INIT;
		ent_cli_unsc_json(&b, &n, &r, target, topic, n.as_of);
		fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
	} else {
		ent_cli_unsc_text(cli, &n, &r, target, topic, n.as_of);
	}
done:
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_unsc = {
	"unsc",
	"would a Security Council draft pass, or be vetoed, and by whom",
	"[options] --target STATE | \"sanctions on STATE\"",
	"Takes the fifteen members of the year (built-in from 2000, sourced), "
	"predicts each member's vote from its alignment with the target and the "
	"sponsors and from its record (drafts it vetoed, resolutions it opposed "
	"or abstained on, cited), and applies the Charter's rule: vetoed when a "
	"permanent member votes no, adopted with nine votes, failed otherwise.",
	options,
	run
};
