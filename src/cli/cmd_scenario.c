/*
 * cmd_scenario.c - `entente scenario "USA attacks PRK"`: who is obliged by
 * treaty to join either side, whether each article's conditions hold, how
 * credible the promise is given its exits, who else is likely to join, and
 * the two coalitions that follow.
 */
#include "cli/netcli.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"attacker", 0, "STATE", "the state that attacks", NULL, 0},
	{"target", 0, "STATE", "the state attacked", NULL, 0},
	{"provoked", 0, NULL, "take the attack as provoked by the target", NULL, 0},
	{"unprovoked", 0, NULL, "take the attack as unprovoked", NULL, 0},
	{"location", 0, "WHERE", "where the attack falls: a state or a region "
	 "(default: the target)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

/* The base rates the output states beside every answer. */
static const struct {
	const char *rate, *scope, *source;
} base_rates[] = {
	{"74.5%", "allies honoured their commitments in 74.5% of the cases that "
	 "arose in 1816-1944 (all alliance types)",
	 "Leeds, Long & Mitchell (2000), Reevaluating alliance reliability, "
	 "Journal of Conflict Resolution 44(5)"},
	{"about 41%", "defence pacts were honoured about 41% of the time over "
	 "1816-2003", "Berkemeier & Fuhrmann (2018), Reassessing the fulfillment "
	 "of alliance commitments in war, Research & Politics 5(2)"},
	{"about 22%", "all alliance types were honoured about 22% of the time "
	 "after 1945", "Berkemeier & Fuhrmann (2018)"},
};

static const char *NOTE = "An obligation is not a prediction: the legal duty, "
                          "its exits, its credibility and the alignment "
                          "network are reported side by side.";

static const char *bind_name(ent_binding b)
{
	return b == ENT_BIND_YES ? "yes" : b == ENT_BIND_CONDITIONAL ? "conditional" : "no";
}

static const char *status_name(ent_cond_status s)
{
	return s == ENT_COND_MET ? "met" : s == ENT_COND_UNMET ? "unmet" : "unknown";
}

/* Split "USA attacks PRK" (one argument or three). */
static int parse_sentence(ent_cli_args *a, char *att, char *tgt, size_t n)
{
	char buf[256];
	char *verb;
	size_t i;
	buf[0] = '\0';
	for (i = 0; i < (size_t)a->npos; i++) {
		strncat(buf, a->pos[i], sizeof buf - strlen(buf) - 2);
		strncat(buf, " ", sizeof buf - strlen(buf) - 1);
	}
	for (verb = buf; *verb; verb++)
		if (*verb == ' ' && (strncasecmp(verb, " attacks ", 9) == 0 ||
		                     strncasecmp(verb, " invades ", 9) == 0 ||
		                     strncasecmp(verb, " strikes ", 9) == 0))
			break;
	if (!*verb)
		return -1;
	snprintf(att, n, "%.*s", (int)(verb - buf), buf);
	snprintf(tgt, n, "%s", verb + 9);
	/* trim */
	for (i = strlen(tgt); i > 0 && isspace((unsigned char)tgt[i - 1]); i--)
		tgt[i - 1] = '\0';
	return 0;
}

void ent_cli_scenario_json(ent_buf *b, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o);
void ent_cli_scenario_json(ent_buf *b, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o)
{
	const ent_states *st = n->st;
	size_t i, k;
	int side;
	ent_buf_puts(b, "{\"as_of\":");
	ent_report_date(b, o->date);
	ent_buf_putc(b, ',');
	ent_report_sources(b, n->ties);
	ent_buf_puts(b, ",\"attacker\":");
	ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)o->attacker));
	ent_buf_puts(b, ",\"target\":");
	ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)o->target));
	ent_buf_puts(b, ",\"location\":");
	if (o->location_region >= 0)
		ent_buf_json_cstr(b, ent_world_region_name(n->world, (size_t)o->location_region));
	else
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)(o->location_state >= 0
		                                                      ? o->location_state
		                                                      : o->target)));
	ent_buf_printf(b, ",\"provoked\":%s,\"obliged\":[",
	               o->provoked < 0 ? "null" : o->provoked ? "true" : "false");
	for (i = 0; i < s->nobliged; i++) {
		const ent_obliged *r = &s->obliged[i];
		const ent_treaty_article *a = r->article;
		ent_buf_puts(b, i ? ",{\"state\":" : "{\"state\":");
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->state));
		ent_buf_printf(b, ",\"side\":\"%s\",\"treaty\":",
		               r->side == ENT_SIDE_TARGET ? "target" : "attacker");
		ent_buf_json_cstr(b, r->treaty->id);
		ent_buf_puts(b, ",\"article\":");
		ent_buf_json_cstr(b, a->id);
		ent_buf_printf(b, ",\"binding\":\"%s\",\"strength\":\"%s\",\"protects\":",
		               bind_name(r->binding), ent_strength_name(a->strength));
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->protects));
		ent_buf_puts(b, ",\"against\":");
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)r->against));
		ent_buf_printf(b, ",\"round\":%d,\"conditions\":[", r->round);
		for (k = 0; k < r->nconditions; k++) {
			ent_buf_printf(b, "%s{\"name\":\"%s\",\"status\":\"%s\",\"detail\":",
			               k ? "," : "", r->conditions[k].name,
			               status_name(r->conditions[k].status));
			ent_buf_json_cstr(b, r->conditions[k].detail);
			ent_buf_putc(b, '}');
		}
		ent_buf_puts(b, "],\"why_not\":");
		ent_buf_json_cstr(b, r->why_not);
		ent_buf_puts(b, ",\"exits\":[");
		for (k = 0; k < a->nexits; k++) {
			if (k)
				ent_buf_putc(b, ',');
			ent_buf_json_cstr(b, a->exits[k]);
		}
		ent_buf_printf(b, "],\"credibility\":\"%s\",\"credibility_reasons\":[",
		               ent_credibility_name(a->credibility));
		for (k = 0; k < a->ncredibility_reasons; k++) {
			if (k)
				ent_buf_putc(b, ',');
			ent_buf_json_cstr(b, a->credibility_reasons[k]);
		}
		ent_buf_puts(b, "],\"summary\":");
		ent_buf_json_cstr(b, a->summary);
		ent_buf_puts(b, ",\"source\":");
		ent_buf_json_cstr(b, a->source);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "],\"likely\":[");
	for (i = 0; i < s->nlikely; i++) {
		const ent_likely *l = &s->likely[i];
		ent_buf_puts(b, i ? ",{\"state\":" : "{\"state\":");
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)l->state));
		ent_buf_printf(b, ",\"side\":\"%s\",\"tie\":",
		               l->side == ENT_SIDE_TARGET ? "target" : "attacker");
		ent_buf_json_num(b, l->tie);
		ent_buf_puts(b, ",\"via\":");
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)l->via));
		ent_buf_puts(b, ",\"tie_other\":");
		ent_buf_json_num(b, l->tie_other);
		ent_buf_printf(b, ",\"round\":%d}", l->round);
	}
	ent_buf_puts(b, "],\"coalitions\":{");
	for (side = 0; side < 2; side++) {
		int first = 1;
		ent_buf_puts(b, side ? ",\"target\":[" : "\"attacker\":[");
		for (i = 0; i < s->nmembers; i++)
			if ((int)s->members[i].side == side) {
				if (!first)
					ent_buf_putc(b, ',');
				ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)s->members[i].state));
				first = 0;
			}
		ent_buf_putc(b, ']');
	}
	ent_buf_puts(b, "},\"chains\":[");
	for (i = 0; i < s->nmembers; i++) {
		const ent_coalition_member *m = &s->members[i];
		ent_buf_puts(b, i ? ",{\"state\":" : "{\"state\":");
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)m->state));
		ent_buf_printf(b, ",\"side\":\"%s\",\"round\":%d,\"conditional\":%s,"
		               "\"reason\":", m->side == ENT_SIDE_TARGET ? "target" : "attacker",
		               m->round, m->conditional ? "true" : "false");
		ent_buf_json_cstr(b, m->reason);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "],\"base_rates\":[");
	for (i = 0; i < sizeof base_rates / sizeof base_rates[0]; i++) {
		ent_buf_puts(b, i ? ",{\"rate\":" : "{\"rate\":");
		ent_buf_json_cstr(b, base_rates[i].rate);
		ent_buf_puts(b, ",\"scope\":");
		ent_buf_json_cstr(b, base_rates[i].scope);
		ent_buf_puts(b, ",\"source\":");
		ent_buf_json_cstr(b, base_rates[i].source);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "],\"note\":");
	ent_buf_json_cstr(b, NOTE);
	ent_buf_puts(b, "}\n");
}

/* Text: obligations grouped by side and treaty article. */
void ent_cli_scenario_text(ent_cli *cli, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o, int brief);
void ent_cli_scenario_text(ent_cli *cli, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o, int brief)
{
	const ent_states *st = n->st;
	size_t i, j, hidden = 0;
	int side;
	char d[16];
	fprintf(cli->out, "%sIf %s attacks %s%s on %s (the attack falls on %s%s)\n",
	        ent_cli_c(cli, "bold"), ent_states_iso3(st, (size_t)o->attacker),
	        ent_states_iso3(st, (size_t)o->target), ent_cli_c(cli, "off"),
	        ent_date_format(d, o->date),
	        o->location_region >= 0
	            ? ent_world_region_name(n->world, (size_t)o->location_region)
	            : ent_states_iso3(st, (size_t)(o->location_state >= 0 ? o->location_state
	                                                                  : o->target)),
	        o->provoked < 0 ? "" : o->provoked ? "; provoked" : "; unprovoked");
	for (side = 1; side >= 0; side--) {
		int any = 0;
		fprintf(cli->out, "  %s\n", side ? "Bound to the target's side:"
		                                  : "Bound to the attacker's side (only if "
		                                    "the target strikes back):");
		for (i = 0; i < s->nobliged; i++) {
			const ent_obliged *r = &s->obliged[i];
			size_t same = 0, shown = 0, k;
			int dup = 0;
			if ((int)r->side != side)
				continue;
			if (brief && r->protects != o->target && r->protects != o->attacker) {
				hidden++;
				continue;
			}
			/* print each (treaty, article, protects, binding) group once */
			for (j = 0; j < i; j++)
				if (s->obliged[j].treaty == r->treaty &&
				    s->obliged[j].article == r->article &&
				    s->obliged[j].protects == r->protects &&
				    s->obliged[j].binding == r->binding)
					dup = 1;
			if (dup)
				continue;
			any = 1;
			fprintf(cli->out, "    ");
			for (j = i; j < s->nobliged; j++) {
				const ent_obliged *x = &s->obliged[j];
				if (x->treaty == r->treaty && x->article == r->article &&
				    x->protects == r->protects && x->binding == r->binding) {
					if (shown < 8)
						fprintf(cli->out, "%s%s", shown ? " " : "",
						        ent_states_iso3(st, (size_t)x->state));
					shown++;
					same++;
				}
			}
			if (same > 8)
				fprintf(cli->out, " (+%zu)", same - 8);
			fprintf(cli->out, " -> defend %s: %s art. %s, binding %s, %s, credibility "
			        "%s\n", ent_states_iso3(st, (size_t)r->protects), r->treaty->id,
			        r->article->id, bind_name(r->binding),
			        ent_strength_name(r->article->strength),
			        ent_credibility_name(r->article->credibility));
			if (r->why_not)
				fprintf(cli->out, "        why not: %s\n", r->why_not);
			for (k = 0; k < r->nconditions; k++)
				fprintf(cli->out, "        %s %s: %s\n", r->conditions[k].name,
				        status_name(r->conditions[k].status), r->conditions[k].detail);
			if (!brief && r->article->nexits)
				fprintf(cli->out, "        exit: %s\n", r->article->exits[0]);
			if (!brief && r->article->ncredibility_reasons)
				fprintf(cli->out, "        credibility: %s\n",
				        r->article->credibility_reasons[r->article->ncredibility_reasons > 1 ? 1 : 0]);
		}
		if (!any)
			fprintf(cli->out, "    nobody by treaty\n");
	}
	if (hidden)
		fprintf(cli->out, "  (%zu more obligations toward the joiners: entente scenario "
		        "lists them)\n", hidden);
	if (s->nlikely) {
		fprintf(cli->out, "  Likely to join (alignment network):\n");
		for (i = 0; i < s->nlikely && i < (brief ? 8u : 40u); i++) {
			const ent_likely *l = &s->likely[i];
			fprintf(cli->out, "    %s with the %s: tie %+.2f to %s, %+.2f to %s\n",
			        ent_states_iso3(st, (size_t)l->state),
			        l->side == ENT_SIDE_TARGET ? "target" : "attacker", l->tie,
			        ent_states_iso3(st, (size_t)l->via), l->tie_other,
			        ent_states_iso3(st, (size_t)(l->side == ENT_SIDE_TARGET ? o->attacker
			                                                                : o->target)));
		}
		if (s->nlikely > (brief ? 8u : 40u))
			fprintf(cli->out, "    ... and %zu more\n", s->nlikely - (brief ? 8u : 40u));
	}
	for (side = 0; side < 2; side++) {
		size_t cnt = 0, cond = 0;
		fprintf(cli->out, "  %s coalition:", side ? "Target's" : "Attacker's");
		for (i = 0; i < s->nmembers; i++)
			if ((int)s->members[i].side == side && !s->members[i].conditional) {
				if (cnt < 24)
					fprintf(cli->out, " %s", ent_states_iso3(st, (size_t)s->members[i].state));
				cnt++;
			}
		if (cnt > 24)
			fprintf(cli->out, " (+%zu)", cnt - 24);
		for (i = 0; i < s->nmembers; i++)
			if ((int)s->members[i].side == side && s->members[i].conditional) {
				if (!cond)
					fprintf(cli->out, "; conditionally:");
				if (cond < 16)
					fprintf(cli->out, " %s", ent_states_iso3(st, (size_t)s->members[i].state));
				cond++;
			}
		if (cond > 16)
			fprintf(cli->out, " (+%zu)", cond - 16);
		fputc('\n', cli->out);
	}
	if (!brief)
		fprintf(cli->out, "  Base rates: %s (Leeds et al. 2000); %s, and %s "
		        "(Berkemeier & Fuhrmann 2018).\n  %s\n", base_rates[0].scope,
		        base_rates[1].scope, base_rates[2].scope, NOTE);
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	ent_scenario_options o = ENT_SCENARIO_OPTIONS_INIT;
	ent_scenario *s = NULL;
	char att[128], tgt[128];
	const char *av = ent_cli_get(a, "attacker"), *tv = ent_cli_get(a, "target");
	const char *loc = ent_cli_get(a, "location");
	int rc;

	if (a->npos) {
		if (parse_sentence(a, att, tgt, sizeof att) < 0) {
			ent_cli_usage_error(cli, "write the scenario as \"A attacks B\" or use "
			                    "--attacker and --target");
			return ENT_EXIT_USAGE;
		}
		av = att;
		tv = tgt;
	}
	if (!av || !tv) {
		ent_cli_usage_error(cli, "give --attacker and --target (or \"A attacks B\")");
		return ENT_EXIT_USAGE;
	}
	if (ent_cli_flag(a, "generic")) {
		ent_cli_usage_error(cli, "scenarios are between states: --generic does not apply");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if ((o.attacker = ent_cli_node_arg(cli, &n, av)) < 0 ||
	    (o.target = ent_cli_node_arg(cli, &n, tv)) < 0) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	if (o.attacker == o.target) {
		ent_cli_usage_error(cli, "the attacker and the target are the same state");
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	if (loc) {
		o.location_region = ent_world_region_lookup(n.world, loc);
		if (o.location_region < 0 &&
		    (o.location_state = ent_states_lookup(n.st, loc)) < 0) {
			size_t r;
			char names[512];
			size_t off = 0;
			for (r = 0; r < ent_world_region_count(n.world) && off < sizeof names; r++)
				off += (size_t)snprintf(names + off, sizeof names - off, "%s%s",
				                        r ? ", " : "", ent_world_region_name(n.world, r));
			ent_cli_usage_error(cli, "--location '%s' is neither a state nor a "
			                    "region (regions: %s)", loc, names);
			rc = ENT_EXIT_USAGE;
			goto done;
		}
	}
	o.provoked = ent_cli_flag(a, "provoked") ? 1 : ent_cli_flag(a, "unprovoked") ? 0 : -1;
	o.date = n.as_of;
	if (ent_scenario_run(&s, n.world, n.ties, &o) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (n.json) {
		ent_buf b = ENT_BUF_INIT;
		ent_cli_scenario_json(&b, &n, s, &o);
		fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
	} else {
		ent_cli_scenario_text(cli, &n, s, &o, 0);
	}
done:
	ent_scenario_free(s);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_scenario = {
	"scenario",
	"if A attacks B: who is bound by treaty, how credibly, who else joins",
	"[options] \"A attacks B\" | --attacker A --target B",
	"Lists every treaty article in force that binds a state to defend the "
	"target (or, if the target strikes back, the attacker), whether each "
	"condition is met, unmet or unknown (location, adversary, unprovoked, "
	"number of attackers), its strength, exits and credibility; the states "
	"the alignment network makes likely to join; then the same reasoning for "
	"every joiner, to a fixed point: the two coalitions, each member with the "
	"chain of reasons.  Base rates of alliance reliability are given beside "
	"the answer: an obligation is not a prediction.",
	options,
	run
};
