/*
 * cmd_dict.c - `entente dict check FILE...` validates dictionaries (ours or
 * theirs) and reports every bad line; `entente dict lookup PHRASE` shows
 * the code a phrase gets on a date and the entry that gives it.
 */
#include "cli/dictcli.h"

#include <string.h>

static const ent_cli_option options[] = {
	{"kind", 0, "KIND", "the kind of every FILE (default: sniffed from its "
	 "content)", "actors|agents|verbs|options|places|glossary|discards|issues", 0},
	{"date", 0, "DATE", "lookup: the date (default today)", NULL, 0},
	ENT_CLI_DICT_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

/* Verb, options, discard and issue files go to the event engine's reader
 * in check mode (codes unknown to our CAMEO table, duplicate verbs). */
static int check_events(ent_cli *cli, const char *path, ent_dict_kind kind,
                        ent_dict_load_stats *s)
{
	ent_evdict *ev = NULL;
	ent_evdict_options o = ENT_EVDICT_OPTIONS_INIT;
	int rc;
	o.check = 1;
	memset(s, 0, sizeof *s);
	if ((rc = ent_evdict_new(&ev, cli->ctx, &o)) == 0)
		rc = ent_evdict_add_file(ev, path, kind, s);
	ent_evdict_free(ev);
	return rc;
}

static int check(ent_cli *cli, ent_cli_args *a)
{
	ent_dict_kind kind = ENT_DICT_AUTO;
	const char *k = ent_cli_get(a, "kind");
	int i, bad = 0;
	if (k && ent_dict_kind_parse(&kind, k) < 0) {
		ent_cli_usage_error(cli, "--kind must be actors, agents, verbs, options, "
		                    "places, glossary, discards or issues, not '%s'", k);
		return ENT_EXIT_USAGE;
	}
	if (a->npos < 2) {
		ent_cli_usage_error(cli, "dict check needs at least one FILE");
		return ENT_EXIT_USAGE;
	}
	for (i = 1; i < a->npos; i++) {
		ent_dict *d = NULL;
		ent_dict_options o = ENT_DICT_OPTIONS_INIT;
		ent_dict_load_stats s;
		int rc;
		o.check = 1;
		memset(&s, 0, sizeof s);
		if (ent_dict_new(&d, cli->ctx, &o) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
		rc = ent_dict_add_file(d, a->pos[i], kind, &s);
		if (rc == 0)
			rc = ent_dict_finish(d);
		if (rc == ENT_EUNSUP)
			rc = check_events(cli, a->pos[i], kind, &s);
		if (rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			bad = 1;
		} else {
			fprintf(cli->out, "%s: %s: %ld entries, %ld phrases, %ld dated "
			        "restrictions; %ld errors, %ld warnings\n", a->pos[i],
			        ent_dict_kind_name(s.kind), s.entries, s.phrases, s.restrictions,
			        s.errors, s.warnings);
			if (s.errors)
				bad = 1;
		}
		ent_dict_free(d);
		if (rc == ENT_ENOMEM)
			return ENT_EXIT_INPUT;
	}
	return bad ? ENT_EXIT_INPUT : ENT_EXIT_OK;
}

static int lookup(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_dicts d;
	ent_date date = ent_date_today();
	const char *v = ent_cli_get(a, "date");
	int i, rc, bad = 0;
	if (v && ent_date_parse(&date, v, strlen(v)) < 0) {
		ent_cli_usage_error(cli, "--date '%s' is not a YYYY-MM-DD date", v);
		return ENT_EXIT_USAGE;
	}
	if (a->npos < 2) {
		ent_cli_usage_error(cli, "dict lookup needs a PHRASE");
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_dicts_init(cli, a, &d)) != 0) {
		ent_cli_dicts_free(&d);
		return rc;
	}
	for (i = 1; i < a->npos; i++) {
		const char *code, *file;
		long line;
		char ds[16];
		if (ent_dict_lookup(d.dict, a->pos[i], date, &code, &file, &line) < 0) {
			ent_cli_error(cli, "'%s' is in no dictionary", a->pos[i]);
			bad = 1;
			continue;
		}
		fprintf(cli->out, "%s\t%s\t%s\t%s:%ld\n", a->pos[i], ent_date_format(ds, date),
		        code[0] ? code : "(no code on this date)", file, line);
	}
	ent_cli_dicts_free(&d);
	return bad ? ENT_EXIT_INPUT : ENT_EXIT_OK;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	if (a->npos < 1) {
		ent_cli_usage_error(cli, "dict needs a subcommand: check or lookup");
		return ENT_EXIT_USAGE;
	}
	if (strcmp(a->pos[0], "check") == 0)
		return check(cli, a);
	if (strcmp(a->pos[0], "lookup") == 0)
		return lookup(cli, a);
	ent_cli_usage_error(cli, "unknown dict subcommand '%s' (check or lookup)", a->pos[0]);
	return ENT_EXIT_USAGE;
}

const ent_cli_command ent_cmd_dict = {
	"dict",
	"check dictionaries, or look up the code a phrase gets on a date",
	"check [--kind KIND] FILE... | lookup [--date DATE] PHRASE...",
	"dict check reads each dictionary - actors, agents, verb patterns, TABARI "
	"options, discards, issues; ours or TABARI/PETRARCH files; the kind is sniffed from the content unless --kind says) and "
	"reports every malformed line as FILE:LINE: reason without stopping at "
	"the first, plus phrases given conflicting codes in the same file and "
	"codes with an unknown root; then one summary line per file.  Exit "
	"status 1 when a file has errors.  dict lookup prints the code each "
	"PHRASE gets on --date and the FILE:LINE that gives it.",
	options,
	run
};
