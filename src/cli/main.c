/*
 * main.c - command dispatch, diagnostics and colour for the `entente`
 * program.  ent_cli_main is the whole program minus the process: main()
 * in entente.c hands it the real streams; tests hand it memory streams.
 */
#include "cli/cli.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <string.h>

const ent_cli_command *const ent_cli_commands[] = {
	&ent_cmd_analyze,
	&ent_cmd_balance,
	&ent_cmd_blocs,
	&ent_cmd_position,
	&ent_cmd_predict,
	&ent_cmd_polarisation,
	&ent_cmd_network,
	&ent_cmd_report,
	&ent_cmd_serve,
	&ent_cmd_explain,
	&ent_cmd_treaties,
	&ent_cmd_scenario,
	&ent_cmd_unsc,
	&ent_cmd_cascade,
	&ent_cmd_code,
	&ent_cmd_eval,
	&ent_cmd_ingest,
	&ent_cmd_recode,
	&ent_cmd_events,
	&ent_cmd_dyads,
	&ent_cmd_evidence,
	&ent_cmd_store,
	&ent_cmd_signals,
	&ent_cmd_actors,
	&ent_cmd_places,
	&ent_cmd_glossary,
	&ent_cmd_dict,
	&ent_cmd_segment,
	&ent_cmd_version,
	&ent_cmd_help,
	&ent_cmd_man,
	&ent_cmd_completion,
	NULL
};

const ent_cli_command *ent_cli_find(const char *name)
{
	int i;
	for (i = 0; ent_cli_commands[i]; i++)
		if (strcmp(ent_cli_commands[i]->name, name) == 0)
			return ent_cli_commands[i];
	return NULL;
}

const char *ent_cli_c(const ent_cli *cli, const char *what)
{
	if (!cli->color)
		return "";
	if (strcmp(what, "bold") == 0)
		return "\033[1m";
	if (strcmp(what, "dim") == 0)
		return "\033[2m";
	if (strcmp(what, "red") == 0)
		return "\033[31m";
	if (strcmp(what, "green") == 0)
		return "\033[32m";
	if (strcmp(what, "blue") == 0)
		return "\033[34m";
	if (strcmp(what, "yellow") == 0)
		return "\033[33m";
	return "\033[0m"; /* "off" */
}

static void vmsg(ent_cli *cli, const char *kind, const char *fmt, va_list ap)
{
	fprintf(cli->err, "entente: ");
	if (kind)
		fprintf(cli->err, "%s%s%s", cli->err_color ? "\033[1;31m" : "", kind,
		        cli->err_color ? "\033[0m" : "");
	vfprintf(cli->err, fmt, ap);
	fputc('\n', cli->err);
}

void ent_cli_error(ent_cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(cli, NULL, fmt, ap);
	va_end(ap);
}

void ent_cli_usage_error(ent_cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(cli->err, "entente: %s%s", cli->cmd ? cli->cmd : "",
	        cli->cmd ? ": " : "");
	vfprintf(cli->err, fmt, ap);
	if (cli->cmd)
		fprintf(cli->err, " (see 'entente %s --help')\n", cli->cmd);
	else
		fprintf(cli->err, " (see 'entente --help')\n");
	va_end(ap);
}

void ent_cli_diag(const ent_diag *d, void *payload)
{
	ent_cli *cli = payload;
	fprintf(cli->err, "entente: ");
	if (d->file) {
		fputs(d->file, cli->err);
		if (d->line > 0)
			fprintf(cli->err, ":%ld", d->line);
		fputs(": ", cli->err);
	}
	if (d->level == ENT_DIAG_WARNING)
		fprintf(cli->err, "%swarning:%s ", cli->err_color ? "\033[33m" : "",
		        cli->err_color ? "\033[0m" : "");
	fputs(d->message, cli->err);
	fputc('\n', cli->err);
	if (d->level == ENT_DIAG_ERROR)
		cli->input_errors++;
}

static int cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err,
                    int out_tty, int err_tty, int no_color)
{
	ent_cli cli;
	const ent_cli_command *cmd;
	ent_cli_args args;
	int rc;

	memset(&cli, 0, sizeof cli);
	cli.in = in;
	cli.out = out;
	cli.err = err;
	cli.out_tty = out_tty;
	cli.err_tty = err_tty;
	cli.color = out_tty && !no_color;
	cli.err_color = err_tty && !no_color;

	if (argc < 2) {
		ent_cli_help(err, NULL);
		return ENT_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		ent_cli_help(out, NULL);
		return ENT_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		fprintf(out, "entente %s\n", ent_version());
		return ENT_EXIT_OK;
	}
	cmd = ent_cli_find(argv[1]);
	if (!cmd) {
		fprintf(err, "entente: '%s' is not a command (see 'entente --help')\n",
		        argv[1]);
		return ENT_EXIT_USAGE;
	}
	cli.cmd = cmd->name;
	if ((rc = ent_cli_parse(&cli, cmd, argc - 2, argv + 2, &args)) != 0)
		return rc;
	if (ent_cli_flag(&args, "help")) {
		ent_cli_help(out, cmd);
		return ENT_EXIT_OK;
	}
	if (ent_ctx_new(&cli.ctx) < 0) {
		fprintf(err, "entente: out of memory\n");
		return ENT_EXIT_INPUT;
	}
	ent_ctx_set_diag(cli.ctx, ent_cli_diag, &cli);
	rc = cmd->run(&cli, &args);
	if (fflush(out) != 0 && rc == 0) {
		fprintf(err, "entente: error writing output\n");
		rc = ENT_EXIT_INPUT;
	}
	ent_ctx_free(cli.ctx);
	if (rc == 0 && cli.input_errors)
		rc = ENT_EXIT_INPUT;
	return rc;
}

/* The parser reorders the arguments it is given (positional ones to the
 * front): it gets a copy of the caller's array, which stays as it was. */
int ent_cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err,
                 int out_tty, int err_tty, int no_color)
{
	char **av = ent_malloc(((size_t)argc + 1) * sizeof *av);
	int rc;
	if (!av) {
		fprintf(err, "entente: out of memory\n");
		return ENT_EXIT_INPUT;
	}
	memcpy(av, argv, (size_t)argc * sizeof *av);
	av[argc] = NULL;
	rc = cli_main(argc, av, in, out, err, out_tty, err_tty, no_color);
	ent_free(av);
	return rc;
}
