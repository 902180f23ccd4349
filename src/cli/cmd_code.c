/*
 * cmd_code.c - `entente code`: who did what to whom.  Reads articles,
 * recognises actors, codes events with the verb dictionaries and prints one
 * event a line (JSONL, CSV, PETRARCH, Phoenix or GDELT columns).
 *
 * Documents are coded in batches on -j N threads; each thread has its own
 * context, recogniser and coder over the shared, read-only dictionaries,
 * and writes into the document's own buffer, so the output (and every
 * diagnostic) comes out in input order whatever N is.  TABARI records
 * under --compat tabari are coded in order on one thread: an OPTION
 * directive or FORWARD: may tie a record to the one before.
 */
#include "cli/dictcli.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: jsonl (default), csv, petrarch, phoenix, "
	 "gdelt, plover or brief", "jsonl|csv|petrarch|phoenix|gdelt|plover|brief", 0},
	ENT_CLI_CODER_OPTIONS,
	{"jobs", 'j', "N", "threads (default: all cores)", NULL, 0},
	{"asserted", 0, NULL, "leave out negated and hypothetical events", NULL, 0},
	{"explain", 0, NULL, "with each event, the sentence's words, the actors, "
	 "the pattern and the rules that produced it (jsonl: an \"explain\" "
	 "field; brief: indented lines)", NULL, 0},
	ENT_CLI_INPUT_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

typedef struct {
	/* the article (copied) */
	char *id, *text, *source, *title, *url, *origin;
	size_t text_len;
	ent_date date;
	long line;
	ent_event_options opt;
	unsigned long long docnum;
	/* results */
	ent_buf out, diag;
	long errors;
	int fatal;
} job;

typedef struct worker worker;

typedef struct {
	ent_cli *cli;
	ent_evdict *ev;
	ent_dict *dict;
	ent_states *st;
	ent_evfmt fmt;
	ent_coder_options copt;
	ent_text_options topts;
	size_t max_doc;
	job *jobs;
	size_t njobs;
	atomic_size_t next;
	worker *workers;
	int nworkers;
} shared;

struct worker {
	shared *sh;
	ent_ctx *ctx;
	ent_coder *coder;
	job *cur;
	pthread_t tid;
	int started;
};

static void worker_diag(const ent_diag *d, void *payload)
{
	worker *w = payload;
	job *j = w->cur;
	if (!j)
		return;
	ent_buf_puts(&j->diag, "entente: ");
	if (d->file) {
		ent_buf_puts(&j->diag, d->file);
		if (d->line > 0)
			ent_buf_printf(&j->diag, ":%ld", d->line);
		ent_buf_puts(&j->diag, ": ");
	}
	if (d->level == ENT_DIAG_WARNING)
		ent_buf_puts(&j->diag, "warning: ");
	ent_buf_puts(&j->diag, d->message);
	ent_buf_putc(&j->diag, '\n');
	if (d->level == ENT_DIAG_ERROR)
		j->errors++;
}

static void code_job(worker *w, job *j)
{
	shared *sh = w->sh;
	ent_article art;
	ent_doc *doc = NULL;
	ent_evdoc ed;
	size_t i, n;
	int rc;

	w->cur = j;
	memset(&art, 0, sizeof art);
	art.id = j->id;
	art.date = j->date;
	art.source = j->source;
	art.title = j->title;
	art.url = j->url;
	art.text = j->text;
	art.text_len = j->text_len;
	art.origin = j->origin;
	art.line = j->line;
	rc = ent_doc_new(&doc, w->ctx, &art, &sh->topts, sh->max_doc);
	if (rc == ENT_ELIMIT) {
		ent_buf_printf(&j->diag, "entente: %s:%ld: %s; skipped\n", j->origin,
		               j->line, ent_errmsg(w->ctx));
		j->errors++;
		w->cur = NULL;
		return;
	}
	if (rc < 0) {
		j->fatal = rc;
		ent_buf_printf(&j->diag, "entente: %s\n", ent_errmsg(w->ctx));
		w->cur = NULL;
		return;
	}
	ent_coder_set_options(w->coder, &j->opt);
	rc = ent_coder_run(w->coder, doc, ENT_DATE_NONE);
	if (rc < 0) {
		j->fatal = rc;
		ent_buf_printf(&j->diag, "entente: %s\n", ent_errmsg(w->ctx));
		ent_doc_free(doc);
		w->cur = NULL;
		return;
	}
	ed.doc = j->id;
	ed.url = j->url;
	ed.source = j->source;
	ed.text = j->text;
	n = ent_coder_count(w->coder);
	for (i = 0; i < n; i++)
		ent_report_event(&j->out, sh->fmt, &ed, ent_coder_get(w->coder, i),
		                 j->docnum * 100000ULL + i + 1, NULL);
	if (j->out.oom || j->diag.oom)
		j->fatal = ENT_ENOMEM;
	ent_doc_free(doc);
	w->cur = NULL;
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	shared *sh = w->sh;
	for (;;) {
		size_t k = atomic_fetch_add(&sh->next, 1);
		if (k >= sh->njobs)
			break;
		code_job(w, &sh->jobs[k]);
	}
	return NULL;
}

static void job_clear(job *j)
{
	ent_free(j->id);
	ent_free(j->text);
	ent_free(j->source);
	ent_free(j->title);
	ent_free(j->url);
	ent_free(j->origin);
	ent_buf_free(&j->out);
	ent_buf_free(&j->diag);
	memset(j, 0, sizeof(*j));
}

static char *dup_or_null(const char *s)
{
	return s ? ent_strdup(s) : NULL;
}

/* Run the batch: in parallel, then write in order. */
static int run_batch(shared *sh)
{
	ent_cli *cli = sh->cli;
	size_t i;
	int t, rc = 0;
	atomic_store(&sh->next, 0);
	if (sh->nworkers <= 1 || sh->njobs <= 1) {
		worker_main(&sh->workers[0]);
	} else {
		for (t = 1; t < sh->nworkers; t++)
			sh->workers[t].started =
			    pthread_create(&sh->workers[t].tid, NULL, worker_main,
			                   &sh->workers[t]) == 0;
		worker_main(&sh->workers[0]);
		for (t = 1; t < sh->nworkers; t++)
			if (sh->workers[t].started) {
				pthread_join(sh->workers[t].tid, NULL);
				sh->workers[t].started = 0;
			}
	}
	for (i = 0; i < sh->njobs; i++) {
		job *j = &sh->jobs[i];
		if (j->diag.len)
			fwrite(j->diag.data, 1, j->diag.len, cli->err);
		if (j->out.len)
			fwrite(j->out.data, 1, j->out.len, cli->out);
		cli->input_errors += j->errors;
		if (j->fatal && !rc)
			rc = j->fatal;
		job_clear(j);
	}
	sh->njobs = 0;
	return rc;
}

/* "{ OPTION: SET: CODE BY SENTENCE }" directives in a TABARI comment. */
static void apply_directives(ent_cli *cli, const ent_article *art,
                             ent_event_options *opt)
{
	const char *p = art->comment;
	while (p && (p = strchr(p, '{')) != NULL) {
		const char *q = p + 1, *end;
		char cmd[512];
		size_t n;
		while (*q == ' ' || *q == '\t')
			q++;
		if (strncasecmp(q, "OPTION:", 7) != 0) {
			p++;
			continue;
		}
		q += 7;
		/* up to the closing brace, or the end of the line when it is
		 * missing, as in "{ OPTION: SET: MINIMUM WORDS = 4" at a comment end) */
		end = q;
		while (*end && *end != '}' && *end != '\n')
			end++;
		n = (size_t)(end - q);
		if (n >= sizeof cmd)
			n = sizeof cmd - 1;
		memcpy(cmd, q, n);
		cmd[n] = '\0';
		if (ent_event_options_apply(opt, cli->ctx, cmd) < 0) {
			ent_cli_error(cli, "%s:%ld: OPTION directive: %s", art->origin,
			              art->line, ent_errmsg(cli->ctx));
			cli->input_errors++;
		}
		p = *end ? end + 1 : end;
	}
}

static int read_all(shared *sh, ent_cli_inputs *in, ent_event_options *opt,
                    int batch_max)
{
	ent_cli *cli = sh->cli;
	ent_cli_progress pg;
	unsigned long long docnum = 0;
	size_t bytes_done = 0, batch_bytes = 0;
	long docs = 0;
	int i, rc = 0, npaths = in->npaths ? in->npaths : 1;

	ent_cli_progress_start(&pg, cli, in->total_bytes);
	for (i = 0; i < (in->builtin ? 1 : npaths) && rc == 0; i++) {
		const char *path = in->npaths ? in->paths[i] : "-";
		ent_reader *r = NULL;
		const ent_builtin_file *bf = NULL;
		if (in->builtin) {
			bf = ent_builtin_find(in->builtin);
			rc = bf ? ent_reader_open_memory(&r, cli->ctx, bf->data, bf->len,
			                                 bf->name, &in->ropts)
			        : ENT_ENOTFOUND;
		} else if (strcmp(path, "-") == 0)
			rc = ent_reader_open_stream(&r, cli->ctx, cli->in, "-", &in->ropts);
		else
			rc = ent_reader_open(&r, cli->ctx, path, &in->ropts);
		if (rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
			ent_reader_free(r);
			rc = rc == ENT_ENOMEM ? rc : 0;
			continue;
		}
		for (;;) {
			ent_article art;
			job *j;
			int got = ent_reader_next(r, &art);
			if (got == 0)
				break;
			if (got < 0) {
				ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
				cli->input_errors++;
				rc = got == ENT_ENOMEM ? got : 0;
				break;
			}
			if (art.comment)
				apply_directives(cli, &art, opt);
			j = &sh->jobs[sh->njobs++];
			memset(j, 0, sizeof(*j));
			j->id = dup_or_null(art.id);
			j->text = ent_malloc(art.text_len + 1);
			j->source = dup_or_null(art.source);
			j->title = dup_or_null(art.title);
			j->url = dup_or_null(art.url);
			j->origin = dup_or_null(art.origin);
			if (!j->id || !j->text || !j->origin ||
			    (art.source && !j->source) || (art.title && !j->title) ||
			    (art.url && !j->url)) {
				rc = ENT_ENOMEM;
				break;
			}
			memcpy(j->text, art.text, art.text_len);
			j->text[art.text_len] = '\0';
			j->text_len = art.text_len;
			j->date = art.date;
			j->line = art.line;
			j->opt = *opt;
			j->docnum = ++docnum;
			batch_bytes += art.text_len;
			docs++;
			if (sh->njobs == (size_t)batch_max || batch_bytes > (8u << 20)) {
				if ((rc = run_batch(sh)) < 0)
					break;
				batch_bytes = 0;
				ent_cli_progress_update(&pg, docs, bytes_done + ent_reader_bytes(r));
			}
		}
		bytes_done += ent_reader_bytes(r);
		ent_reader_free(r);
	}
	if (rc == 0 && sh->njobs)
		rc = run_batch(sh);
	ent_cli_progress_end(&pg);
	return rc;
}

static int run_code(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_inputs in;
	ent_cli_dicts dicts;
	ent_event_options opt;
	shared sh;
	const char *v;
	long jobs;
	int rc, t, compat = 0, batch_max = 0;
	ent_buf head = ENT_BUF_INIT;

	memset(&sh, 0, sizeof sh);
	memset(&dicts, 0, sizeof dicts);
	sh.cli = cli;
	sh.copt = (ent_coder_options)ENT_CODER_OPTIONS_INIT;
	if ((v = ent_cli_get(a, "format")) && ent_report_evfmt_parse(&sh.fmt, v) < 0) {
		ent_cli_usage_error(cli, "--format must be jsonl, csv, petrarch, "
		                    "phoenix, gdelt, plover or brief, not '%s'", v);
		return ENT_EXIT_USAGE;
	}
	if ((v = ent_cli_get(a, "compat"))) {
		if (strcmp(v, "tabari") != 0) {
			ent_cli_usage_error(cli, "--compat must be tabari, not '%s'", v);
			return ENT_EXIT_USAGE;
		}
		compat = 1;
	}
	jobs = sysconf(_SC_NPROCESSORS_ONLN);
	if ((v = ent_cli_get(a, "jobs"))) {
		char *end;
		jobs = strtol(v, &end, 10);
		if (*end || jobs < 1 || jobs > 256) {
			ent_cli_usage_error(cli, "--jobs must be a number from 1 to 256");
			return ENT_EXIT_USAGE;
		}
	}
	if (jobs < 1)
		jobs = 1;
	if (ent_cli_flag(a, "asserted"))
		sh.copt.keep_flagged = 0;
	if (ent_cli_flag(a, "explain"))
		sh.copt.explain = 1;
	if ((rc = ent_cli_inputs_init(cli, a, &in, NULL)) != 0)
		return rc;
	sh.topts = in.topts;
	sh.max_doc = in.ropts.max_doc_bytes;
	if (compat && in.ropts.kind == ENT_INPUT_TABARI) {
		sh.copt.whole_document = 1;   /* a record is one unit, as in TABARI */
		jobs = 1;
	}
	if ((rc = ent_cli_coder_dicts(cli, a, compat, &sh.ev, &dicts)) != 0)
		goto done;
	sh.dict = dicts.dict;
	sh.st = dicts.st;
	ent_evdict_options_get(sh.ev, &opt);
	sh.nworkers = (int)jobs;
	batch_max = (int)(jobs > 1 ? jobs * 64 : 64);
	sh.jobs = ent_calloc((size_t)batch_max, sizeof(job));
	sh.workers = ent_calloc((size_t)jobs, sizeof(worker));
	if (!sh.jobs || !sh.workers) {
		ent_cli_error(cli, "out of memory");
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	for (t = 0; t < sh.nworkers; t++) {
		worker *w = &sh.workers[t];
		w->sh = &sh;
		if (ent_ctx_new(&w->ctx) < 0 ||
		    ent_coder_new(&w->coder, w->ctx, sh.ev, sh.dict, sh.st, &sh.copt) < 0) {
			ent_cli_error(cli, "out of memory");
			rc = ENT_EXIT_INPUT;
			goto done;
		}
		ent_ctx_set_diag(w->ctx, worker_diag, w);
	}
	ent_report_event_header(&head, sh.fmt);
	if (head.len)
		fwrite(head.data, 1, head.len, cli->out);
	rc = read_all(&sh, &in, &opt, batch_max);
	if (rc < 0) {
		ent_cli_error(cli, "%s", rc == ENT_ENOMEM ? "out of memory"
		                                          : ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	} else
		rc = cli->input_errors ? ENT_EXIT_INPUT : ENT_EXIT_OK;
done:
	ent_buf_free(&head);
	if (sh.workers)
		for (t = 0; t < sh.nworkers; t++) {
			ent_coder_free(sh.workers[t].coder);
			ent_ctx_free(sh.workers[t].ctx);
		}
	if (sh.jobs) {
		size_t i;
		for (i = 0; i < (size_t)batch_max; i++)
			job_clear(&sh.jobs[i]);
	}
	ent_free(sh.jobs);
	ent_free(sh.workers);
	ent_evdict_free(sh.ev);
	ent_cli_dicts_free(&dicts);
	return rc;
}

const ent_cli_command ent_cmd_code = {
	"code",
	"code events: who did what to whom, one event a line",
	"[options] [FILE...]",
	"Recognises actors, matches verb and noun patterns (TABARI/PETRARCH-1 "
	"syntax; docs/dictionaries.md) and prints one event a line.  --format "
	"jsonl (default) gives {\"id\", \"doc\", \"sentence\", \"sentence_start\", "
	"\"sentence_end\", \"source_start\", \"source_end\", \"target_start\", "
	"\"target_end\", \"trigger_start\", \"trigger_end\", \"date\", \"source\", "
	"\"target\", \"source_text\", \"target_text\", \"source_country\", "
	"\"target_country\", \"code\", \"root\", \"quad\", \"goldstein\", "
	"\"plover\", \"plover_mode\", \"negated\", \"hypothetical\", \"pattern\"}; "
	"csv the same fields with a header row; petrarch, phoenix and gdelt the "
	"columns of those datasets (docs/cli.md); plover POLECAT-style JSON "
	"records (actor, recipient, event type, mode, context, date, text); brief \"SOURCE TARGET CODE "
	"DATE\" plus negated/hypothetical, for reading.  Spans are byte offsets in the "
	"original input; pattern is the dictionary FILE:LINE that fired.  "
	"--compat tabari reproduces TABARI 0.8, with actors and agents read from "
	"--actors/--agents TABARI's way; with --input tabari each record is one "
	"unit and { OPTION: ... } directives in its comment apply from it on.",
	options,
	run_code
};
