/*
 * cmd_misc.c - small commands: version, help, man, completion.
 */
#include "cli/cli.h"

#include <string.h>

static const ent_cli_option help_only[] = {
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_version(ent_cli *cli, ent_cli_args *a)
{
	(void)a;
	fprintf(cli->out, "entente %s\n", ent_version());
	return 0;
}

const ent_cli_command ent_cmd_version = {
	"version", "print the version", "", "", help_only, run_version
};

static int run_help(ent_cli *cli, ent_cli_args *a)
{
	const ent_cli_command *c;
	if (a->npos == 0) {
		ent_cli_help(cli->out, NULL);
		return 0;
	}
	c = ent_cli_find(a->pos[0]);
	if (!c) {
		ent_cli_usage_error(cli, "'%s' is not a command", a->pos[0]);
		return ENT_EXIT_USAGE;
	}
	ent_cli_help(cli->out, c);
	return 0;
}

const ent_cli_command ent_cmd_help = {
	"help", "show help for a command", "[COMMAND]", "", help_only, run_help
};

static int run_man(ent_cli *cli, ent_cli_args *a)
{
	(void)a;
	ent_cli_man(cli->out);
	return 0;
}

const ent_cli_command ent_cmd_man = {
	"man", "print the man page (roff), generated from the option tables", "",
	"", help_only, run_man
};

static int run_completion(ent_cli *cli, ent_cli_args *a)
{
	if (a->npos != 1 || strcmp(a->pos[0], "bash") != 0) {
		ent_cli_usage_error(cli, "only 'bash' completion is available");
		return ENT_EXIT_USAGE;
	}
	ent_cli_completion_bash(cli->out);
	return 0;
}

const ent_cli_command ent_cmd_completion = {
	"completion", "print a bash completion script", "bash",
	"Install with: entente completion bash > "
	"/etc/bash_completion.d/entente", help_only, run_completion
};
