/*
 * dictcli.c - loading the dictionaries for the commands that read actors,
 * and the event dictionaries for the commands that code events.
 */
#include "cli/dictcli.h"

#include <string.h>

int ent_cli_dicts_init(ent_cli *cli, const ent_cli_args *a, ent_cli_dicts *d)
{
	int i, rc;
	const char *f;
	memset(d, 0, sizeof *d);
	if (ent_states_load(&d->st, cli->ctx) < 0 ||
	    ent_dict_new(&d->dict, cli->ctx, NULL) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	if (!ent_cli_flag(a, "no-builtin") && ent_dict_add_builtin(d->dict) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	for (i = 0; (f = ent_cli_get_nth(a, "actors", i)) != NULL; i++) {
		ent_dict_load_stats s;
		rc = ent_dict_add_file(d->dict, f, ENT_DICT_ACTORS, &s);
		if (rc == ENT_ENOMEM) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
		if (rc < 0 || s.errors)
			cli->input_errors++;
		if (rc < 0)
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
	}
	for (i = 0; (f = ent_cli_get_nth(a, "agents", i)) != NULL; i++) {
		ent_dict_load_stats s;
		rc = ent_dict_add_file(d->dict, f, ENT_DICT_AGENTS, &s);
		if (rc == ENT_ENOMEM) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
		if (rc < 0 || s.errors)
			cli->input_errors++;
		if (rc < 0)
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
	}
	if (ent_dict_finish(d->dict) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	return 0;
}

void ent_cli_dicts_free(ent_cli_dicts *d)
{
	ent_dict_free(d->dict);
	ent_states_free(d->st);
	memset(d, 0, sizeof *d);
}

static int load_evdict(ent_cli *cli, const ent_cli_args *a, ent_evdict *ev,
                       int compat)
{
	const char *f, *kind_s = ent_cli_get(a, "kind");
	ent_dict_kind kind = ENT_DICT_AUTO;
	int i, rc;
	if (kind_s && (ent_dict_kind_parse(&kind, kind_s) < 0 ||
	               (kind != ENT_DICT_VERBS && kind != ENT_DICT_OPTIONS &&
	                kind != ENT_DICT_DISCARDS && kind != ENT_DICT_ISSUES))) {
		ent_cli_usage_error(cli, "--kind must be verbs, options, discards or "
		                    "issues, not '%s'", kind_s);
		return ENT_EXIT_USAGE;
	}
#define LOAD(opt, k)                                                          \
	for (i = 0; (f = ent_cli_get_nth(a, opt, i)) != NULL; i++) {              \
		ent_dict_load_stats s;                                                \
		rc = ent_evdict_add_file(ev, f, k, &s);                               \
		if (rc == ENT_ENOMEM) {                                               \
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));                   \
			return ENT_EXIT_INPUT;                                            \
		}                                                                     \
		if (rc < 0) {                                                         \
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));                   \
			cli->input_errors++;                                              \
		} else if (s.errors)                                                  \
			cli->input_errors++;                                              \
	}
	LOAD("verbs", kind);
	LOAD("options", ENT_DICT_OPTIONS);
	if (compat) {
		LOAD("actors", ENT_DICT_ACTORS);
		LOAD("agents", ENT_DICT_AGENTS);
	}
#undef LOAD
	if (!ent_cli_flag(a, "no-builtin") && ent_evdict_add_builtin(ev) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	return 0;
}

int ent_cli_coder_dicts(ent_cli *cli, const ent_cli_args *a, int compat,
                        ent_evdict **ev, ent_cli_dicts *dicts)
{
	ent_evdict_options eo = ENT_EVDICT_OPTIONS_INIT;
	int rc;
	eo.compat = compat ? ENT_COMPAT_TABARI : ENT_COMPAT_NONE;
	if (ent_evdict_new(ev, cli->ctx, &eo) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	if ((rc = load_evdict(cli, a, *ev, compat)) != 0)
		return rc;
	if (compat && ent_cli_get(a, "actors")) {
		if (ent_states_load(&dicts->st, cli->ctx) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
		return 0;
	}
	return ent_cli_dicts_init(cli, a, dicts);
}
