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

/* The event coder's options, shared by `code` and `eval`. */
#define ENT_CLI_CODER_OPTIONS                                                    \
	{"verbs", 0, "FILE", "add a verb dictionary (TABARI/PETRARCH-1 or "          \
	 "PETRARCH-2), or an options, discards or issues file: the kind is "         \
	 "sniffed", "@file", 1},                                                     \
	{"options", 0, "FILE", "read a TABARI options file", "@file", 1},            \
	{"kind", 0, "KIND", "the kind of the --verbs files (verbs, options, "        \
	 "discards, issues) instead of sniffing", "verbs|options|discards|issues", 0}, \
	ENT_CLI_DICT_OPTIONS,                                                        \
	{"compat", 0, "MODE", "tabari: reproduce TABARI 0.8 (its actor matching, "   \
	 "capitalised verbs read as nouns, no passive or coordination rules)",       \
	 "tabari", 0}

/* The event dictionary (--verbs, --options, --kind, then the built-in one
 * unless --no-builtin) and the actor dictionaries (ours, or under compat
 * with --actors the files read TABARI's way by the event engine: then only
 * the states table is loaded here).  *ev is freed by the caller with
 * ent_evdict_free, dicts with ent_cli_dicts_free.  0 or an exit status. */
int ent_cli_coder_dicts(ent_cli *cli, const ent_cli_args *a, int compat,
                        ent_evdict **ev, ent_cli_dicts *dicts);

#endif
