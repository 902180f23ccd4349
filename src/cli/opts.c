/*
 * opts.c - option parsing, and the three renderings of the option tables:
 * --help text, the man page (roff) and bash completion.  Keeping all three
 * here, driven by the same tables, is what keeps them in sync.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option *find_long(const ent_cli_command *c,
                                       const char *name, size_t len)
{
	const ent_cli_option *o;
	for (o = c->options; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static const ent_cli_option *find_short(const ent_cli_command *c, char s)
{
	const ent_cli_option *o;
	for (o = c->options; o && o->name; o++)
		if (o->short_name == s)
			return o;
	return NULL;
}

static int add_value(ent_cli *cli, ent_cli_args *out, const ent_cli_option *o,
                     const char *v)
{
	int i;
	if (!o->repeatable) {
		for (i = 0; i < out->nvalues; i++)
			if (out->values[i].opt == o) {
				out->values[i].value = v;
				return 0;
			}
	}
	if (out->nvalues >= (int)(sizeof out->values / sizeof out->values[0])) {
		ent_cli_usage_error(cli, "too many options");
		return ENT_EXIT_USAGE;
	}
	out->values[out->nvalues].opt = o;
	out->values[out->nvalues].value = v;
	out->nvalues++;
	return 0;
}

int ent_cli_parse(ent_cli *cli, const ent_cli_command *cmd, int argc,
                  char **argv, ent_cli_args *out)
{
	int i, only_pos = 0;
	memset(out, 0, sizeof(*out));
	out->cmd = cmd;
	out->pos = argv; /* positional args are compacted to the front */
	for (i = 0; i < argc; i++) {
		char *a = argv[i];
		const ent_cli_option *o;
		const char *val = NULL;
		if (only_pos || a[0] != '-' || a[1] == '\0') {
			argv[out->npos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			o = find_long(cmd, name, len);
			if (!o) {
				ent_cli_usage_error(cli, "unknown option '--%.*s'", (int)len, name);
				return ENT_EXIT_USAGE;
			}
			if (eq) {
				if (!o->arg) {
					ent_cli_usage_error(cli, "option '--%s' takes no value", o->name);
					return ENT_EXIT_USAGE;
				}
				val = eq + 1;
			}
		} else {
			o = find_short(cmd, a[1]);
			if (!o) {
				ent_cli_usage_error(cli, "unknown option '-%c'", a[1]);
				return ENT_EXIT_USAGE;
			}
			if (a[2]) {
				if (!o->arg) {
					ent_cli_usage_error(cli, "option '-%c' takes no value", a[1]);
					return ENT_EXIT_USAGE;
				}
				val = a + 2;
			}
		}
		if (o->arg && !val) {
			if (i + 1 >= argc) {
				ent_cli_usage_error(cli, "option '--%s' needs a value (%s)",
				                    o->name, o->arg);
				return ENT_EXIT_USAGE;
			}
			val = argv[++i];
		}
		if (o->arg && o->complete && o->complete[0] != '@') {
			/* a fixed set of choices: check it */
			const char *c = o->complete;
			size_t vl = strlen(val);
			int ok = 0;
			while (*c) {
				const char *bar = strchr(c, '|');
				size_t cl = bar ? (size_t)(bar - c) : strlen(c);
				if (cl == vl && strncmp(c, val, vl) == 0)
					ok = 1;
				c += cl + (bar ? 1 : 0);
				if (!bar)
					break;
			}
			if (!ok) {
				ent_cli_usage_error(cli, "option '--%s': '%s' is not one of %s",
				                    o->name, val, o->complete);
				return ENT_EXIT_USAGE;
			}
		}
		if (add_value(cli, out, o, val))
			return ENT_EXIT_USAGE;
	}
	return 0;
}

const char *ent_cli_get(const ent_cli_args *a, const char *name)
{
	int i;
	const char *v = NULL;
	for (i = 0; i < a->nvalues; i++)
		if (strcmp(a->values[i].opt->name, name) == 0)
			v = a->values[i].value;
	return v;
}

int ent_cli_flag(const ent_cli_args *a, const char *name)
{
	int i;
	for (i = 0; i < a->nvalues; i++)
		if (strcmp(a->values[i].opt->name, name) == 0)
			return 1;
	return 0;
}

const char *ent_cli_get_nth(const ent_cli_args *a, const char *name, int n)
{
	int i, k = 0;
	for (i = 0; i < a->nvalues; i++)
		if (strcmp(a->values[i].opt->name, name) == 0 && k++ == n)
			return a->values[i].value;
	return NULL;
}

int ent_cli_long_opt(ent_cli *cli, const ent_cli_args *a, const char *name,
                     long lo, long hi, long def, long *out)
{
	const char *v = ent_cli_get(a, name);
	char *end;
	long x;
	*out = def;
	if (!v)
		return 0;
	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < lo || x > hi) {
		ent_cli_usage_error(cli, "--%s '%s' is not a number from %ld to %ld", name, v,
		                    lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

/* ------------------------------------------------------------------------
 * --help
 * ------------------------------------------------------------------------ */

static void option_label(char *buf, size_t n, const ent_cli_option *o)
{
	if (o->short_name)
		snprintf(buf, n, "-%c, --%s%s%s", o->short_name, o->name,
		         o->arg ? " " : "", o->arg ? o->arg : "");
	else
		snprintf(buf, n, "    --%s%s%s", o->name, o->arg ? " " : "",
		         o->arg ? o->arg : "");
}

void ent_cli_help(FILE *fp, const ent_cli_command *cmd)
{
	const ent_cli_option *o;
	if (!cmd) {
		int i;
		fprintf(fp,
		        "entente %s - how states align, from the news and from treaties\n\n"
		        "usage: entente <command> [options] [FILE...]\n"
		        "       entente <command> --help\n"
		        "       entente --version\n\ncommands:\n",
		        ent_version());
		for (i = 0; ent_cli_commands[i]; i++)
			fprintf(fp, "  %-12s %s\n", ent_cli_commands[i]->name,
			        ent_cli_commands[i]->summary);
		fprintf(fp,
		        "\nFILE is plain UTF-8 text (one document) or JSONL articles; "
		        "'-' or none reads\nstandard input.  Exit status: 0 success, 1 "
		        "some input was bad (the rest was\nprocessed), 2 usage error.\n");
		return;
	}
	fprintf(fp, "usage: entente %s %s\n\n%s\n", cmd->name, cmd->usage,
	        cmd->summary);
	if (cmd->description && cmd->description[0])
		fprintf(fp, "\n%s\n", cmd->description);
	fprintf(fp, "\noptions:\n");
	for (o = cmd->options; o && o->name; o++) {
		char label[80];
		option_label(label, sizeof label, o);
		fprintf(fp, "  %-28s %s%s\n", label, o->help,
		        o->repeatable ? " (repeatable)" : "");
	}
}

/* ------------------------------------------------------------------------
 * man page
 * ------------------------------------------------------------------------ */

/* roff-escape: backslashes and leading dots/quotes; hyphens as \- */
static void roff(FILE *fp, const char *s)
{
	int bol = 1;
	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", fp);
		bol = *s == '\n';
		if (*s == '\\')
			fputs("\\e", fp);
		else if (*s == '-')
			fputs("\\-", fp);
		else
			fputc(*s, fp);
	}
}

void ent_cli_man(FILE *fp)
{
	int i;
	fprintf(fp, ".TH ENTENTE 1 \"\" \"entente %s\" \"User Commands\"\n",
	        ent_version());
	fprintf(fp, ".SH NAME\nentente \\- how states align, from the news and from "
	            "treaties\n");
	fprintf(fp, ".SH SYNOPSIS\n.B entente\n.I command\n[\\fIoptions\\fR] "
	            "[\\fIFILE\\fR...]\n");
	fprintf(fp, ".SH DESCRIPTION\n");
	roff(fp, "entente reads international news and keeps a model of how states "
	         "align: camps and who sits between them, treaty obligations and "
	         "their exits, Security Council vetoes, proliferation dominoes. "
	         "Every answer traces back to the sentences and treaty articles it "
	         "rests on.\n");
	fprintf(fp, ".SH COMMANDS\n");
	for (i = 0; ent_cli_commands[i]; i++) {
		const ent_cli_command *c = ent_cli_commands[i];
		const ent_cli_option *o;
		fprintf(fp, ".SS \"entente %s\"\n", c->name);
		roff(fp, c->summary);
		fputc('\n', fp);
		if (c->description && c->description[0]) {
			fprintf(fp, ".PP\n");
			roff(fp, c->description);
			fputc('\n', fp);
		}
		for (o = c->options; o && o->name; o++) {
			fprintf(fp, ".TP\n");
			if (o->short_name)
				fprintf(fp, "\\fB\\-%c\\fR, ", o->short_name);
			fprintf(fp, "\\fB\\-\\-");
			roff(fp, o->name);
			fprintf(fp, "\\fR");
			if (o->arg) {
				fprintf(fp, " \\fI");
				roff(fp, o->arg);
				fprintf(fp, "\\fR");
			}
			fputc('\n', fp);
			roff(fp, o->help);
			fputc('\n', fp);
		}
	}
	fprintf(fp, ".SH EXIT STATUS\n0 success; 1 some input was bad (everything "
	            "good was processed); 2 usage error.\n");
	fprintf(fp, ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nwhen set, never colour "
	            "output.\n");
}

/* ------------------------------------------------------------------------
 * bash completion
 * ------------------------------------------------------------------------ */

void ent_cli_completion_bash(FILE *fp)
{
	int i;
	fprintf(fp, "# bash completion for entente (generated by "
	            "'entente completion bash')\n");
	fprintf(fp, "_entente() {\n"
	            "  local cur prev cmd\n"
	            "  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
	            "  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
	            "  cmd=\"${COMP_WORDS[1]}\"\n"
	            "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	            "    COMPREPLY=( $(compgen -W \"");
	for (i = 0; ent_cli_commands[i]; i++)
		fprintf(fp, "%s%s", i ? " " : "", ent_cli_commands[i]->name);
	fprintf(fp, " --help --version\" -- \"$cur\") )\n    return\n  fi\n");
	fprintf(fp, "  case \"$cmd\" in\n");
	for (i = 0; ent_cli_commands[i]; i++) {
		const ent_cli_command *c = ent_cli_commands[i];
		const ent_cli_option *o;
		fprintf(fp, "  %s)\n    case \"$prev\" in\n", c->name);
		for (o = c->options; o && o->name; o++) {
			if (!o->arg)
				continue;
			fprintf(fp, "      --%s)", o->name);
			if (o->complete && strcmp(o->complete, "@file") == 0)
				fprintf(fp, " COMPREPLY=( $(compgen -f -- \"$cur\") ); return;;\n");
			else if (o->complete && strcmp(o->complete, "@dir") == 0)
				fprintf(fp, " COMPREPLY=( $(compgen -d -- \"$cur\") ); return;;\n");
			else if (o->complete) {
				const char *s;
				fprintf(fp, " COMPREPLY=( $(compgen -W \"");
				for (s = o->complete; *s; s++)
					fputc(*s == '|' ? ' ' : *s, fp);
				fprintf(fp, "\" -- \"$cur\") ); return;;\n");
			} else
				fprintf(fp, " return;;\n");
		}
		fprintf(fp, "    esac\n    COMPREPLY=( $(compgen -W \"");
		for (o = c->options; o && o->name; o++)
			fprintf(fp, "%s--%s", o == c->options ? "" : " ", o->name);
		fprintf(fp, "\" -- \"$cur\") $(compgen -f -- \"$cur\") )\n    ;;\n");
	}
	fprintf(fp, "  esac\n}\ncomplete -F _entente entente\n");
}
