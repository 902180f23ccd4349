/*
 * dictcli.h - what the commands that read actors share: the options that
 * pick dictionaries (--actors, --agents, --dict, --no-builtin) and the setup
 * that loads them.
 */
#ifndef ENT_DICTCLI_H
#define ENT_DICTCLI_H

#include "cli/cli.h"

#define ENT_CLI_DICT_OPTIONS                                                     \
	{"actors", 0, "FILE", "add an actor dictionary (TABARI/PETRARCH syntax) on " \
	 "top of the built-in ones", "@file", 1},                                    \
	{"agents", 0, "FILE", "add an agent dictionary", "@file", 1},                \
	{"no-builtin", 0, NULL, "use only the dictionaries given with --actors and " \
	 "--agents", NULL, 0}

typedef struct {
	ent_dict *dict;
	ent_states *st;
} ent_cli_dicts;

/* Load the built-in dictionaries (unless --no-builtin) and every --actors
 * and --agents file; bad lines are reported as FILE:LINE and counted (exit
 * status 1), the rest is used.  Returns 0, or ENT_EXIT_INPUT when nothing
 * usable could be loaded. */
int ent_cli_dicts_init(ent_cli *cli, const ent_cli_args *a, ent_cli_dicts *d);
void ent_cli_dicts_free(ent_cli_dicts *d);

#endif
