/*
 * input.c - the inputs of every command that reads articles: FILE
 * arguments or stdin (or a built-in sample), the --input/--date/
 * --max-doc-bytes options, the text stage per document, progress, and
 * per-file error reporting that never stops the run.
 */
#include "cli/cli.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int ent_cli_inputs_init(ent_cli *cli, const ent_cli_args *a,
                        ent_cli_inputs *in, const char *builtin_default)
{
	ent_reader_options ro = ENT_READER_OPTIONS_INIT;
	ent_text_options to = ENT_TEXT_OPTIONS_INIT;
	const char *v;
	int i;

	memset(in, 0, sizeof(*in));
	in->ropts = ro;
	in->topts = to;
	if ((v = ent_cli_get(a, "input")) != NULL) {
		if (strcmp(v, "text") == 0)
			in->ropts.kind = ENT_INPUT_TEXT;
		else if (strcmp(v, "jsonl") == 0)
			in->ropts.kind = ENT_INPUT_JSONL;
		else if (strcmp(v, "tabari") == 0)
			in->ropts.kind = ENT_INPUT_TABARI;
		else if (strcmp(v, "auto") == 0)
			in->ropts.kind = ENT_INPUT_AUTO;
		else {
			ent_cli_usage_error(cli, "--input '%s': expected text, jsonl, "
			                    "tabari or auto", v);
			return ENT_EXIT_USAGE;
		}
	}
	if ((v = ent_cli_get(a, "date")) != NULL) {
		if (ent_date_parse(&in->ropts.default_date, v, strlen(v)) < 0) {
			ent_cli_usage_error(cli, "--date '%s' is not a YYYY-MM-DD date", v);
			return ENT_EXIT_USAGE;
		}
	}
	if ((v = ent_cli_get(a, "max-doc-bytes")) != NULL) {
		char *end;
		unsigned long long n;
		errno = 0;
		n = strtoull(v, &end, 10);
		if (errno || end == v || *end || v[0] == '-' || n == 0) {
			ent_cli_usage_error(cli, "--max-doc-bytes '%s' is not a positive "
			                    "number", v);
			return ENT_EXIT_USAGE;
		}
		in->ropts.max_doc_bytes = (size_t)n;
	}
	in->npaths = a->npos;
	in->paths = a->pos;
	in->builtin = in->npaths == 0 ? builtin_default : NULL;
	for (i = 0; i < in->npaths; i++) {
		struct stat st;
		if (strcmp(in->paths[i], "-") != 0 && stat(in->paths[i], &st) == 0 &&
		    S_ISREG(st.st_mode))
			in->total_bytes += (size_t)st.st_size;
	}
	return 0;
}

static int run_reader(ent_cli *cli, ent_cli_inputs *in, ent_reader *r,
                      ent_cli_doc_cb cb, void *payload, ent_cli_progress *pg,
                      long *docs, size_t *bytes_done)
{
	ent_article art;
	int rc;
	for (;;) {
		ent_doc *doc = NULL;
		rc = ent_reader_next(r, &art);
		if (rc == 0)
			break;
		if (rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
			return rc == ENT_ENOMEM ? rc : 0;
		}
		rc = ent_doc_new(&doc, cli->ctx, &art, &in->topts,
		                 in->ropts.max_doc_bytes);
		if (rc == ENT_ELIMIT) {
			ent_cli_error(cli, "%s:%ld: %s; skipped", art.origin, art.line,
			              ent_errmsg(cli->ctx));
			cli->input_errors++;
			continue;
		}
		if (rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return rc;
		}
		rc = cb(cli, doc, &art, payload);
		ent_doc_free(doc);
		if (rc < 0)
			return rc;
		(*docs)++;
		ent_cli_progress_update(pg, *docs, *bytes_done + ent_reader_bytes(r));
	}
	*bytes_done += ent_reader_bytes(r);
	return 0;
}

int ent_cli_inputs_each(ent_cli *cli, ent_cli_inputs *in, ent_cli_doc_cb cb,
                        void *payload)
{
	ent_cli_progress pg;
	long docs = 0;
	size_t bytes = 0;
	int i, rc = 0;

	ent_cli_progress_start(&pg, cli, in->total_bytes);
	if (in->builtin) {
		const ent_builtin_file *f = ent_builtin_find(in->builtin);
		ent_reader *r = NULL;
		if (!f) {
			ent_cli_error(cli, "built-in file '%s' is missing from this build",
			              in->builtin);
			return ENT_ENOTFOUND;
		}
		rc = ent_reader_open_memory(&r, cli->ctx, f->data, f->len, f->name,
		                            &in->ropts);
		if (rc == 0)
			rc = run_reader(cli, in, r, cb, payload, &pg, &docs, &bytes);
		ent_reader_free(r);
		ent_cli_progress_end(&pg);
		return rc;
	}
	for (i = 0; i < (in->npaths ? in->npaths : 1); i++) {
		const char *path = in->npaths ? in->paths[i] : "-";
		ent_reader *r = NULL;
		if (strcmp(path, "-") == 0)
			rc = ent_reader_open_stream(&r, cli->ctx, cli->in, "-", &in->ropts);
		else
			rc = ent_reader_open(&r, cli->ctx, path, &in->ropts);
		if (rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
			ent_reader_free(r);
			if (rc == ENT_ENOMEM)
				break;
			rc = 0;
			continue;
		}
		rc = run_reader(cli, in, r, cb, payload, &pg, &docs, &bytes);
		ent_reader_free(r);
		if (rc < 0)
			break;
	}
	ent_cli_progress_end(&pg);
	return rc;
}
