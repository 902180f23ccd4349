/*
 * casetest.c - runs data-driven case files (jq's tests/jq.test, adapted)
 * against the CLI in-process.
 *
 * Case file syntax (docs/testing.md has the full description):
 *
 *   # comment
 *   %%ARGS segment --format text     arguments for the cases that follow
 *                                    (@DIR@: the case file's directory,
 *                                    in expected lines too)
 *   %%EXIT 1                         expected exit status (this case only)
 *   %%STDERR                         compare stderr instead of stdout
 *   %%REPEAT 1000                    the input line is repeated N times
 *   %%COUNT                          expected: the number of output lines
 *   %%CONTAINS                       each expected line must occur somewhere
 *   the input line ("%%EMPTY" for none; escapes \n \t \r \0 \xHH \\)
 *   expected output lines
 *   (a blank line ends the case)
 *
 * Usage: ent_casetest [--alloc-fail] FILE...
 * With --alloc-fail every case is re-run failing its 1st, 2nd, ... N-th
 * allocation: it must not crash and (under ASan) must not leak.
 */
#include "cli/cli.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *args;
	int exit_code;
	int use_stderr, count, contains;
	long repeat;
	char *input;
	size_t input_len;
	char **expect;
	int nexpect;
	const char *file;
	int line;
} tcase;

static int passed, failed;

static char *unescape(const char *s, size_t *outlen)
{
	size_t n = strlen(s), i, k = 0;
	char *d = malloc(n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			d[k++] = s[i];
			continue;
		}
		i++;
		switch (s[i]) {
		case 'n': d[k++] = '\n'; break;
		case 't': d[k++] = '\t'; break;
		case 'r': d[k++] = '\r'; break;
		case '0': d[k++] = '\0'; break;
		case '\\': d[k++] = '\\'; break;
		case 'x':
			if (i + 2 < n) {
				char hex[3] = {s[i + 1], s[i + 2], 0};
				d[k++] = (char)strtol(hex, NULL, 16);
				i += 2;
			}
			break;
		default:
			d[k++] = '\\';
			d[k++] = s[i];
		}
	}
	d[k] = '\0';
	*outlen = k;
	return d;
}

/* Split args on spaces; "double quotes" group. */
static int split_args(char *s, char **argv, int max)
{
	int n = 0;
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (*s == '"') {
			argv[n++] = ++s;
			while (*s && *s != '"')
				s++;
		} else {
			argv[n++] = s;
			while (*s && *s != ' ')
				s++;
		}
		if (*s)
			*s++ = '\0';
	}
	return n;
}

/* Run the CLI; returns exit status, fills out/err (malloc'd). */
static int run_cli(const tcase *c, char **out, size_t *outlen, char **err,
                   size_t *errlen)
{
	char *argbuf = strdup(c->args ? c->args : "");
	char *argv[64];
	int argc, rc;
	FILE *in = tmpfile(), *fo, *fe;
	long r;
	argv[0] = "entente";
	argc = 1 + split_args(argbuf, argv + 1, 62);
	argv[argc] = NULL;
	for (r = 0; r < (c->repeat ? c->repeat : 1); r++)
		fwrite(c->input, 1, c->input_len, in);
	rewind(in);
	fo = open_memstream(out, outlen);
	fe = open_memstream(err, errlen);
	rc = ent_cli_main(argc, argv, in, fo, fe, 0, 0, 1);
	fclose(fo);
	fclose(fe);
	fclose(in);
	free(argbuf);
	return rc;
}

static void check_case(tcase *c, int alloc_fail)
{
	char *out = NULL, *err = NULL;
	size_t outlen = 0, errlen = 0;
	int rc = run_cli(c, &out, &outlen, &err, &errlen), ok = 1, i;
	const char *got = c->use_stderr ? err : out;
	char *why = NULL;
	char buf[64];

	if (rc != c->exit_code) {
		ok = 0;
		why = "exit status";
	}
	if (ok && c->count) {
		long lines = 0;
		const char *p;
		for (p = got; *p; p++)
			if (*p == '\n')
				lines++;
		snprintf(buf, sizeof buf, "%ld", lines);
		if (c->nexpect != 1 || strcmp(buf, c->expect[0]) != 0) {
			ok = 0;
			why = "line count";
		}
	} else if (ok && c->contains) {
		for (i = 0; i < c->nexpect; i++)
			if (!strstr(got, c->expect[i])) {
				ok = 0;
				why = "missing expected text";
			}
	} else if (ok) {
		/* exact line-by-line */
		const char *p = got;
		for (i = 0; i < c->nexpect && ok; i++) {
			size_t l = strlen(c->expect[i]);
			if (strncmp(p, c->expect[i], l) != 0 || p[l] != '\n') {
				ok = 0;
				why = "output differs";
				break;
			}
			p += l + 1;
		}
		if (ok && *p) {
			ok = 0;
			why = "extra output";
		}
	}
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "%s:%d: FAIL (%s): entente %s\n", c->file, c->line, why,
		        c->args ? c->args : "");
		fprintf(stderr, "  exit %d (expected %d)\n  expected:\n", rc, c->exit_code);
		for (i = 0; i < c->nexpect; i++)
			fprintf(stderr, "    %s\n", c->expect[i]);
		fprintf(stderr, "  got %s:\n%s\n", c->use_stderr ? "stderr" : "stdout",
		        got);
		if (!c->use_stderr && errlen)
			fprintf(stderr, "  stderr:\n%s\n", err);
	}
	free(out);
	free(err);

	if (alloc_fail) {
		long total, k, step;
		ent_alloc_fail_after(-1);
		run_cli(c, &out, &outlen, &err, &errlen);
		free(out);
		free(err);
		total = ent_alloc_fail_after(-1);
		/* 300 points over the whole run (dictionary loading dominates
		 * the count), then every one of the last 1500 (the work itself) */
		step = total > 300 ? total / 300 : 1;
		for (k = 0; k < total; k += (k < total - 1500 ? step : 1)) {
			ent_alloc_fail_after(k);
			run_cli(c, &out, &outlen, &err, &errlen);
			ent_alloc_fail_after(-1);
			free(out);
			free(err);
		}
	}
}

/* The arguments with every "@DIR@" replaced by the case file's
 * directory (for data files next to it). */
static char *with_dir(const char *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dl = slash ? (size_t)(slash - path) : 1, n = 0;
	const char *p;
	char *out;
	for (p = a; (p = strstr(p, "@DIR@")); p += 5)
		n++;
	out = malloc(strlen(a) + n * dl + 1);
	if (!out)
		return NULL;
	for (n = 0; *a;) {
		if (strncmp(a, "@DIR@", 5) == 0) {
			memcpy(out + n, slash ? path : ".", dl);
			n += dl;
			a += 5;
		} else
			out[n++] = *a++;
	}
	out[n] = '\0';
	return out;
}

static void run_file(const char *path, int alloc_fail)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *args = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;
	tcase c;
	enum { HEAD, EXPECT } state = HEAD;

	if (!fp) {
		fprintf(stderr, "%s: cannot open\n", path);
		failed++;
		return;
	}
	memset(&c, 0, sizeof c);
	for (;;) {
		len = getline(&line, &cap, fp);
		lineno++;
		if (len >= 0 && len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len < 0 || (state == EXPECT && len == 0)) {
			if (state == EXPECT) {
				c.args = args;
				check_case(&c, alloc_fail);
				{
					int i;
					for (i = 0; i < c.nexpect; i++)
						free(c.expect[i]);
				}
				free(c.expect);
				free(c.input);
				memset(&c, 0, sizeof c);
				state = HEAD;
			}
			if (len < 0)
				break;
			continue;
		}
		if (state == HEAD) {
			if (len == 0 || line[0] == '#')
				continue;
			if (strncmp(line, "%%ARGS", 6) == 0) {
				free(args);
				args = with_dir(line + 6 + (line[6] == ' '), path);
			} else if (strncmp(line, "%%EXIT ", 7) == 0) {
				c.exit_code = atoi(line + 7);
			} else if (strcmp(line, "%%STDERR") == 0) {
				c.use_stderr = 1;
			} else if (strncmp(line, "%%REPEAT ", 9) == 0) {
				c.repeat = atol(line + 9);
			} else if (strcmp(line, "%%COUNT") == 0) {
				c.count = 1;
			} else if (strcmp(line, "%%CONTAINS") == 0) {
				c.contains = 1;
			} else {
				if (strcmp(line, "%%EMPTY") == 0) {
					c.input = strdup("");
					c.input_len = 0;
				} else {
					c.input = unescape(line, &c.input_len);
				}
				c.file = path;
				c.line = lineno;
				state = EXPECT;
			}
		} else {
			c.expect = realloc(c.expect, sizeof(char *) * (size_t)(c.nexpect + 1));
			c.expect[c.nexpect++] = with_dir(line, path);
		}
	}
	free(line);
	free(args);
	fclose(fp);
}

int main(int argc, char **argv)
{
	int i, alloc_fail = 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--alloc-fail") == 0) {
			alloc_fail = 1;
			continue;
		}
		run_file(argv[i], alloc_fail);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
