/*
 * cli.h - the `entente` program: commands, their option tables, and the
 * services every command shares (diagnostics, input iteration, colour,
 * progress).
 *
 * The option tables are the single source of --help, the man page, bash
 * completion and the option list checked against docs/cli.md.  The CLI
 * never calls exit(): ent_cli_main returns the exit status, so tests can run
 * commands in-process with their own streams.
 */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include "entente.h"

#include <stdio.h>

/* Exit statuses (documented in docs/cli.md). */
enum { ENT_EXIT_OK = 0, ENT_EXIT_INPUT = 1, ENT_EXIT_USAGE = 2 };

/* One option of a command. */
typedef struct {
	const char *name;     /* long name, without "--" */
	char short_name;      /* 0 if none */
	const char *arg;      /* NULL for a flag, else the metavariable */
	const char *help;     /* one line */
	const char *complete; /* completion: "a|b|c" choices, "@file", "@dir",
	                         or NULL */
	int repeatable;       /* may be given several times */
} ent_cli_option;

typedef struct ent_cli ent_cli;
typedef struct ent_cli_args ent_cli_args;

typedef struct {
	const char *name;
	const char *summary;      /* one line, for the command list */
	const char *usage;        /* after "entente NAME " */
	const char *description;  /* paragraphs for --help and the man page */
	const ent_cli_option *options; /* terminated by {NULL} */
	int (*run)(ent_cli *cli, ent_cli_args *args);
} ent_cli_command;

/* The process-level state shared by commands. */
struct ent_cli {
	FILE *in, *out, *err;
	int err_tty;         /* stderr is a terminal: progress bar allowed */
	int out_tty;
	int color;           /* colour on stdout (terminal and no NO_COLOR) */
	int err_color;
	ent_ctx *ctx;
	const char *cmd;     /* command being run, for messages */
	long input_errors;   /* bad input seen: exit status 1 */
};

/* Parsed arguments of one command. */
struct ent_cli_args {
	const ent_cli_command *cmd;
	int nvalues;
	struct {
		const ent_cli_option *opt;
		const char *value; /* NULL for flags */
	} values[64];
	int npos;
	char **pos;          /* positional arguments (borrowed from argv) */
};

/* The command table (NULL-terminated) and lookup. */
extern const ent_cli_command *const ent_cli_commands[];
const ent_cli_command *ent_cli_find(const char *name);

/* Entry point: run argv with the given streams; returns the exit status.
 * `env_no_color` and the tty flags come from the caller so tests can fix
 * them.  argv is left as it was (the parser works on a copy). */
int ent_cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err,
                 int out_tty, int err_tty, int no_color);

/* Option parsing: 0, or ENT_EXIT_USAGE after printing the reason. */
int ent_cli_parse(ent_cli *cli, const ent_cli_command *cmd, int argc,
                  char **argv, ent_cli_args *out);
/* The last value of option `name`, or NULL. */
const char *ent_cli_get(const ent_cli_args *a, const char *name);
/* 1 if flag `name` was given. */
int ent_cli_flag(const ent_cli_args *a, const char *name);
/* The i-th value of a repeatable option, or NULL. */
const char *ent_cli_get_nth(const ent_cli_args *a, const char *name, int i);
/* The whole-number option `name` into *out (`def` when absent).  A value
 * that is not a whole number from lo to hi is a usage error ("--NAME 'V'
 * is not a number from LO to HI", printed) and returns -1; else 0. */
int ent_cli_long_opt(ent_cli *cli, const ent_cli_args *a, const char *name,
                     long lo, long hi, long def, long *out);

/* Print `entente CMD --help` (or the general help when cmd is NULL). */
void ent_cli_help(FILE *fp, const ent_cli_command *cmd);
/* The man page (roff) and bash completion, from the same tables. */
void ent_cli_man(FILE *fp);
void ent_cli_completion_bash(FILE *fp);

/* Diagnostics: "entente: WHERE: message" on stderr. */
void ent_cli_error(ent_cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ent_cli_usage_error(ent_cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The diagnostic callback installed on the library context. */
void ent_cli_diag(const ent_diag *d, void *payload);

/* Colour helpers: the escape when colour is on, else "". */
const char *ent_cli_c(const ent_cli *cli, const char *what);

/* ------------------------------------------------------------------------
 * Inputs shared by every command that reads articles
 * ------------------------------------------------------------------------ */

/* Options that select and limit inputs (--input, --date, --max-doc-bytes);
 * commands include ENT_CLI_INPUT_OPTIONS in their table. */
#define ENT_CLI_INPUT_OPTIONS                                                \
	{"input", 0, "KIND", "input kind: text, jsonl, tabari or auto "          \
	 "(default auto)", "auto|text|jsonl|tabari", 0},                         \
	{"date", 0, "DATE", "date of plain-text documents, YYYY-MM-DD "          \
	 "(default today)", NULL, 0},                                            \
	{"max-doc-bytes", 0, "N", "refuse documents larger than N bytes "        \
	 "(default 16777216)", NULL, 0}

#define ENT_CLI_HELP_OPTION {"help", 'h', NULL, "show this help and exit", NULL, 0}

typedef struct {
	ent_reader_options ropts;
	ent_text_options topts;
	int npaths;
	char **paths;        /* "-" for stdin */
	const char *builtin; /* read this built-in file when no paths */
	size_t total_bytes;  /* sum of file sizes, 0 if unknown */
} ent_cli_inputs;

/* Fill *in from the parsed arguments; ENT_EXIT_USAGE on a bad option value.
 * `builtin_default` is read when no FILE is given (NULL: stdin). */
int ent_cli_inputs_init(ent_cli *cli, const ent_cli_args *a,
                        ent_cli_inputs *in, const char *builtin_default);

/* Called for each document that passed the text stage; return < 0 to stop. */
typedef int (*ent_cli_doc_cb)(ent_cli *cli, ent_doc *doc,
                              const ent_article *art, void *payload);

/* Read every input, run the text stage, call cb per document.  Bad records
 * and unreadable files are reported and counted in cli->input_errors.
 * Returns 0, or < 0 when a callback or a fatal failure stopped the run. */
int ent_cli_inputs_each(ent_cli *cli, ent_cli_inputs *in, ent_cli_doc_cb cb,
                        void *payload);

/* ------------------------------------------------------------------------
 * Progress bar (stderr, terminals only, after 2 s)
 * ------------------------------------------------------------------------ */
typedef struct {
	ent_cli *cli;
	double t0, last;
	size_t total;   /* expected bytes, 0 if unknown */
	int shown;
	double delay;   /* seconds before the bar appears (2) */
} ent_cli_progress;

void ent_cli_progress_start(ent_cli_progress *p, ent_cli *cli, size_t total);
void ent_cli_progress_update(ent_cli_progress *p, long docs, size_t bytes);
void ent_cli_progress_end(ent_cli_progress *p);
double ent_cli_now(void);

/* Commands */
extern const ent_cli_command ent_cmd_segment;
extern const ent_cli_command ent_cmd_actors;
extern const ent_cli_command ent_cmd_places;
extern const ent_cli_command ent_cmd_glossary;
extern const ent_cli_command ent_cmd_dict;
extern const ent_cli_command ent_cmd_balance;
extern const ent_cli_command ent_cmd_blocs;
extern const ent_cli_command ent_cmd_position;
extern const ent_cli_command ent_cmd_predict;
extern const ent_cli_command ent_cmd_polarisation;
extern const ent_cli_command ent_cmd_network;
extern const ent_cli_command ent_cmd_report;
extern const ent_cli_command ent_cmd_serve;
extern const ent_cli_command ent_cmd_explain;
extern const ent_cli_command ent_cmd_treaties;
extern const ent_cli_command ent_cmd_scenario;
extern const ent_cli_command ent_cmd_unsc;
extern const ent_cli_command ent_cmd_cascade;
extern const ent_cli_command ent_cmd_analyze;
extern const ent_cli_command ent_cmd_code;
extern const ent_cli_command ent_cmd_eval;
extern const ent_cli_command ent_cmd_evidence;
extern const ent_cli_command ent_cmd_store;
extern const ent_cli_command ent_cmd_signals;
extern const ent_cli_command ent_cmd_dyads;
extern const ent_cli_command ent_cmd_events;
extern const ent_cli_command ent_cmd_recode;
extern const ent_cli_command ent_cmd_ingest;
extern const ent_cli_command ent_cmd_version;
extern const ent_cli_command ent_cmd_man;
extern const ent_cli_command ent_cmd_completion;
extern const ent_cli_command ent_cmd_help;

#endif
