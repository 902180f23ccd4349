/*
 * dictcli.c - loading the dictionaries for the commands that read actors.
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
