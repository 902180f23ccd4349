/*
 * cmd_treaties.c - `entente treaties`: what is in force, who is in it, what
 * it obliges, its exits and its credibility.
 */
#include "cli/netcli.h"

#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"state", 0, "STATE", "only treaties this state is party to", NULL, 0},
	{"all", 0, NULL, "also treaties not in force on the date", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static void states_json(ent_buf *b, const ent_states *st, const int *arr, size_t n)
{
	size_t i;
	if (!arr) {
		ent_buf_puts(b, "\"all\"");
		return;
	}
	ent_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)arr[i]));
	}
	ent_buf_putc(b, ']');
}

static void list_json(ent_buf *b, const char *const *arr, size_t n)
{
	size_t i;
	ent_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, arr[i]);
	}
	ent_buf_putc(b, ']');
}

void ent_cli_treaty_json(ent_buf *b, const ent_treaty *t, const ent_states *st,
                         ent_date d);
void ent_cli_treaty_json(ent_buf *b, const ent_treaty *t, const ent_states *st,
                         ent_date d)
{
	size_t i, k;
	int first = 1;
	ent_buf_puts(b, "{\"id\":");
	ent_buf_json_cstr(b, t->id);
	ent_buf_puts(b, ",\"name\":");
	ent_buf_json_cstr(b, t->name);
	ent_buf_printf(b, ",\"kind\":\"%s\",\"binds\":%s,\"signed\":",
	               t->commitment ? "commitment" : "treaty",
	               t->commitment ? "false" : "true");
	ent_report_date(b, t->signed_on);
	ent_buf_puts(b, ",\"in_force\":");
	ent_report_date(b, t->in_force);
	ent_buf_puts(b, ",\"ended\":");
	ent_report_date(b, t->ended);
	ent_buf_printf(b, ",\"in_force_on_date\":%s,\"source\":",
	               ent_treaty_in_force(t, d) ? "true" : "false");
	ent_buf_json_cstr(b, t->source);
	ent_buf_puts(b, ",\"file\":");
	ent_buf_json_cstr(b, t->file);
	ent_buf_puts(b, ",\"parties\":[");
	for (i = 0; i < t->nparties; i++)
		if (ent_treaty_party_on(t, t->parties[i].state, d)) {
			size_t j;
			int dup = 0;
			for (j = 0; j < i; j++)
				dup |= t->parties[j].state == t->parties[i].state;
			if (dup)
				continue;
			if (!first)
				ent_buf_putc(b, ',');
			ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)t->parties[i].state));
			first = 0;
		}
	ent_buf_puts(b, "],\"memberships\":[");
	for (i = 0; i < t->nparties; i++) {
		const ent_party *p = &t->parties[i];
		ent_buf_puts(b, i ? ",{\"state\":" : "{\"state\":");
		ent_buf_json_cstr(b, ent_states_iso3(st, (size_t)p->state));
		ent_buf_puts(b, ",\"joined\":");
		ent_report_date(b, p->joined);
		ent_buf_puts(b, ",\"left\":");
		ent_report_date(b, p->left);
		ent_buf_puts(b, ",\"source\":");
		ent_buf_json_cstr(b, p->source);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "],\"suspensions\":[");
	for (i = 0; i < t->nsuspensions; i++) {
		const ent_suspension *s = &t->suspensions[i];
		ent_buf_puts(b, i ? ",{\"protector\":" : "{\"protector\":");
		ent_buf_json_cstr(b, s->protector < 0 ? "*" : ent_states_iso3(st, (size_t)s->protector));
		ent_buf_puts(b, ",\"protected\":");
		ent_buf_json_cstr(b, s->protected_ < 0 ? "*" : ent_states_iso3(st, (size_t)s->protected_));
		ent_buf_puts(b, ",\"from\":");
		ent_report_date(b, s->from);
		ent_buf_puts(b, ",\"until\":");
		ent_report_date(b, s->until);
		ent_buf_puts(b, ",\"note\":");
		ent_buf_json_cstr(b, s->note);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "],\"articles\":[");
	for (i = 0; i < t->narticles; i++) {
		const ent_treaty_article *a = &t->articles[i];
		ent_buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
		ent_buf_json_cstr(b, a->id);
		ent_buf_printf(b, ",\"obligation\":\"%s\",\"strength\":\"%s\",\"protectors\":",
		               ent_obligation_name(a->obligation), ent_strength_name(a->strength));
		states_json(b, st, a->protectors, a->nprotectors);
		ent_buf_puts(b, ",\"protected\":");
		states_json(b, st, a->protected_, a->nprotected);
		ent_buf_puts(b, ",\"conditions\":[");
		for (k = 0; k < a->nconditions; k++) {
			ent_buf_printf(b, "%s{\"name\":\"%s\",\"value\":", k ? "," : "",
			               ent_condition_name(a->conditions[k].kind));
			ent_buf_json_cstr(b, a->conditions[k].value);
			ent_buf_putc(b, '}');
		}
		ent_buf_puts(b, "],\"exits\":");
		list_json(b, a->exits, a->nexits);
		ent_buf_printf(b, ",\"credibility\":\"%s\",\"credibility_reasons\":",
		               ent_credibility_name(a->credibility));
		list_json(b, a->credibility_reasons, a->ncredibility_reasons);
		ent_buf_puts(b, ",\"credibility_sources\":");
		list_json(b, a->credibility_sources, a->ncredibility_sources);
		ent_buf_puts(b, ",\"summary\":");
		ent_buf_json_cstr(b, a->summary);
		ent_buf_puts(b, ",\"source\":");
		ent_buf_json_cstr(b, a->source);
		ent_buf_putc(b, '}');
	}
	ent_buf_puts(b, "]}");
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_net n;
	int rc, only = -1;
	size_t i, shown = 0;
	const char *sv = ent_cli_get(a, "state");
	ent_buf b = ENT_BUF_INIT;
	char d[16];

	if (ent_cli_flag(a, "generic")) {
		ent_cli_usage_error(cli, "treaties are between states: --generic does not apply");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_net_init(cli, a, &n)) != 0)
		goto done;
	if (sv && (only = ent_cli_node_arg(cli, &n, sv)) < 0) {
		rc = ENT_EXIT_USAGE;
		goto done;
	}
	if (n.json) {
		ent_buf_puts(&b, "{\"as_of\":");
		ent_report_date(&b, n.as_of);
		ent_buf_puts(&b, ",\"state\":");
		ent_buf_json_cstr(&b, only >= 0 ? ent_states_iso3(n.st, (size_t)only) : NULL);
		ent_buf_puts(&b, ",\"treaties\":[");
	} else {
		fprintf(cli->out, "%sTreaties in force on %s%s%s%s\n", ent_cli_c(cli, "bold"),
		        ent_date_format(d, n.as_of), only >= 0 ? " binding " : "",
		        only >= 0 ? ent_states_iso3(n.st, (size_t)only) : "",
		        ent_cli_c(cli, "off"));
	}
	for (i = 0; i < ent_world_treaty_count(n.world); i++) {
		const ent_treaty *t = ent_world_treaty(n.world, i);
		size_t k, np = 0;
		if (!ent_cli_flag(a, "all") && !ent_treaty_in_force(t, n.as_of))
			continue;
		if (only >= 0 && !ent_treaty_party_on(t, only, n.as_of))
			continue;
		if (n.json) {
			if (shown)
				ent_buf_putc(&b, ',');
			ent_cli_treaty_json(&b, t, n.st, n.as_of);
		} else {
			for (k = 0; k < t->nparties; k++)
				np += ent_treaty_party_on(t, t->parties[k].state, n.as_of) != 0;
			fprintf(cli->out, "  %s%s%s  %s%s (%zu part%s)\n", ent_cli_c(cli, "bold"),
			        t->id, ent_cli_c(cli, "off"), t->name,
			        t->commitment ? " [a commitment, not a treaty: binds no one]" : "",
			        np, np == 1 ? "y" : "ies");
			for (k = 0; k < t->narticles; k++) {
				const ent_treaty_article *ar = &t->articles[k];
				fprintf(cli->out, "    art. %s: %s, %s, credibility %s\n", ar->id,
				        ent_obligation_name(ar->obligation),
				        ent_strength_name(ar->strength),
				        ent_credibility_name(ar->credibility));
			}
		}
		shown++;
	}
	if (n.json) {
		ent_buf_puts(&b, "]}\n");
		fputs(ent_buf_cstr(&b), cli->out);
	} else if (!shown) {
		fprintf(cli->out, "  none\n");
	}
done:
	ent_buf_free(&b);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_treaties = {
	"treaties",
	"the treaties in force and who is in them, with obligations and exits",
	"[options]",
	"Lists the built-in treaties (and any --treaties file) in force on the "
	"date - or all with --all - with their parties on that date, each "
	"article's obligation, strength, conditions, exits and credibility.  "
	"Commitments that are not treaties (the US Taiwan Relations Act) are "
	"listed as such: they bind no one.",
	options,
	run
};
