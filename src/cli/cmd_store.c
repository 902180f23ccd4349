/*
 * cmd_store.c - the store commands (docs/store.md): `entente ingest` codes
 * articles and stores documents and events; `entente recode` re-codes
 * every stored document with the current dictionaries; `entente events`
 * and `entente dyads` query; `entente evidence` shows an event in its
 * document.  The database is --db FILE, default entente.db in the working
 * directory.
 */
#include "cli/dictcli.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENT_CLI_DB_OPTION \
	{"db", 0, "FILE", "the database (default entente.db)", "@file", 0}

static const char *db_path(const ent_cli_args *a)
{
	const char *v = ent_cli_get(a, "db");
	return v ? v : "entente.db";
}

static int open_store(ent_cli *cli, const ent_cli_args *a, int readonly,
                      ent_store **s)
{
	if (ent_store_open(s, cli->ctx, db_path(a), readonly) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * ingest and recode
 * ------------------------------------------------------------------------ */

typedef struct {
	ent_cli *cli;
	ent_store *store;
	ent_coder *coder;
	long run, batch, in_batch;
	long added, replaced, unchanged, duplicates, events, errors;
	int recode;
} ingest;

static int flush(ingest *g)
{
	if (!g->in_batch)
		return 0;
	g->in_batch = 0;
	return ent_store_commit(g->store);
}

static int store_one(ingest *g, ent_doc *doc, const ent_article *art)
{
	ent_store_result r = ENT_STORE_ADDED;
	const char *other;
	size_t n, i;
	ent_event *evs = NULL;
	int rc;
	if (!g->in_batch) {
		if ((rc = ent_store_begin(g->store)) < 0)
			return rc;
	}
	g->in_batch++;
	if (!g->recode) {
		if ((rc = ent_store_check(g->store, art, &r, &other)) < 0)
			return rc;
		if (r == ENT_STORE_UNCHANGED) {
			g->unchanged++;
			goto batch;
		}
		if (r == ENT_STORE_DUPLICATE) {
			fprintf(g->cli->err, "entente: %s:%ld: warning: document '%s' has the "
			        "same text as stored '%s': not stored\n",
			        art->origin ? art->origin : "-", art->line,
			        art->id ? art->id : "", other);
			g->duplicates++;
			goto batch;
		}
	}
	if ((rc = ent_coder_run(g->coder, doc, ENT_DATE_NONE)) < 0)
		return rc;
	n = ent_coder_count(g->coder);
	if (n && !(evs = ent_malloc(n * sizeof(*evs))))
		return ENT_ENOMEM;
	for (i = 0; i < n; i++)
		evs[i] = *ent_coder_get(g->coder, i);
	rc = ent_store_put(g->store, art, g->run, evs, n);
	ent_free(evs);
	if (rc < 0)
		return rc;
	g->events += (long)n;
	if (g->recode || r == ENT_STORE_REPLACED)
		g->replaced++;
	else
		g->added++;
batch:
	if (g->in_batch >= g->batch)
		return flush(g);
	return 0;
}

static int on_doc(ent_cli *cli, ent_doc *doc, const ent_article *art, void *payload)
{
	ingest *g = payload;
	int rc = store_one(g, doc, art);
	if (rc < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return rc;
	}
	return 0;
}

/* "built-in" and each dictionary file with its SHA-256 (first 16 digits). */
static void describe_dicts(const ent_cli_args *a, ent_buf *b)
{
	static const char *const opts[] = {"verbs", "options", "actors", "agents", NULL};
	int k, i;
	const char *f;
	ent_buf_puts(b, ent_cli_flag(a, "no-builtin") ? "no built-in" : "built-in");
	for (k = 0; opts[k]; k++)
		for (i = 0; (f = ent_cli_get_nth(a, opts[k], i)) != NULL; i++) {
			FILE *fp = fopen(f, "rb");
			ent_buf data = ENT_BUF_INIT;
			char hex[65] = "unreadable";
			if (fp) {
				char chunk[65536];
				size_t r;
				while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
					ent_buf_put(&data, chunk, r);
				fclose(fp);
				ent_sha256_hex(data.data ? data.data : "", data.len, hex);
			}
			ent_buf_printf(b, "; %s %s sha256:%.16s", opts[k], f, hex);
			ent_buf_free(&data);
		}
}

static int setup(ent_cli *cli, ent_cli_args *a, ingest *g, ent_evdict **ev,
                 ent_cli_dicts *dicts)
{
	const char *v = ent_cli_get(a, "compat");
	int rc;
	memset(g, 0, sizeof *g);
	memset(dicts, 0, sizeof *dicts);
	g->cli = cli;
	if (ent_cli_long_opt(cli, a, "batch", 1, 1000000, 500, &g->batch) < 0)
		return ENT_EXIT_USAGE;
	if (v && strcmp(v, "tabari") != 0) {
		ent_cli_usage_error(cli, "--compat must be tabari, not '%s'", v);
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_coder_dicts(cli, a, v != NULL, ev, dicts)) != 0)
		return rc;
	if (ent_coder_new(&g->coder, cli->ctx, *ev, dicts->dict, dicts->st, NULL) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	if ((rc = open_store(cli, a, 0, &g->store)) != 0)
		return rc;
	{
		ent_buf d = ENT_BUF_INIT;
		describe_dicts(a, &d);
		rc = ent_store_run_begin(g->store, ent_buf_cstr(&d), &g->run);
		ent_buf_free(&d);
		if (rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			return ENT_EXIT_INPUT;
		}
	}
	return 0;
}

static int finish(ent_cli *cli, ingest *g, int rc, const char *what)
{
	long docs = 0, events = 0, haps = 0, runs = 0;
	if (g->store) {
		if (rc == 0 && flush(g) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
		}
		if (ent_store_run_end(g->store, g->run, g->added + g->replaced, g->events,
		                      (long)cli->input_errors + (rc != 0)) < 0 && rc == 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
		}
		if (rc == 0 && ent_store_counts(g->store, &docs, &events, &haps, &runs) == 0)
			fprintf(cli->out, "%s: %ld added, %ld replaced, %ld unchanged, %ld "
			        "duplicates; %ld events coded.  The store now holds %ld "
			        "documents, %ld event mentions of %ld happenings, from %ld "
			        "runs.\n", what, g->added, g->replaced, g->unchanged,
			        g->duplicates, g->events, docs, events, haps, runs);
	}
	ent_coder_free(g->coder);
	ent_store_free(g->store);
	return rc ? rc : cli->input_errors ? ENT_EXIT_INPUT : ENT_EXIT_OK;
}

static const ent_cli_option ingest_options[] = {
	ENT_CLI_DB_OPTION,
	ENT_CLI_CODER_OPTIONS,
	{"batch", 0, "N", "documents per transaction (default 500)", NULL, 0},
	ENT_CLI_INPUT_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_ingest(ent_cli *cli, ent_cli_args *a)
{
	ingest g;
	ent_evdict *ev = NULL;
	ent_cli_dicts dicts;
	ent_cli_inputs in;
	int rc;
	if ((rc = ent_cli_inputs_init(cli, a, &in, NULL)) != 0)
		return rc;
	if ((rc = setup(cli, a, &g, &ev, &dicts)) == 0 &&
	    ent_cli_inputs_each(cli, &in, on_doc, &g) < 0)
		rc = ENT_EXIT_INPUT;
	rc = finish(cli, &g, rc, "ingest");
	ent_evdict_free(ev);
	ent_cli_dicts_free(&dicts);
	return rc;
}

const ent_cli_command ent_cmd_ingest = {
	"ingest",
	"code articles and keep documents and events in the store",
	"[--db FILE] [options] [FILE...]",
	"ingest reads articles (files or stdin, like entente code), codes them "
	"and stores each document with its text and SHA-256 and its events in "
	"the SQLite database --db (default entente.db in the working "
	"directory).  Re-ingesting an article with the same id and text adds "
	"nothing; the same id with another text replaces its events; the same "
	"text under another id is reported as a duplicate and not stored.  "
	"Documents are committed --batch at a time: a crash loses at most the "
	"batch in progress, and a re-run completes it (docs/store.md).",
	ingest_options,
	run_ingest
};

/* recode: every stored document, one transaction each */
typedef struct {
	char **ids;
	size_t n, cap;
} idlist;

static int collect(void *payload, const ent_article *a)
{
	idlist *l = payload;
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 256;
		char **q = ent_realloc(l->ids, nc * sizeof(*q));
		if (!q)
			return 1;
		l->ids = q;
		l->cap = nc;
	}
	if (!(l->ids[l->n] = ent_strdup(a->id)))
		return 1;
	l->n++;
	return 0;
}

typedef struct {
	ingest *g;
	const ent_text_options *topts;
	int rc;
} recode_ctx;

static int recode_one(void *payload, const ent_article *a)
{
	recode_ctx *r = payload;
	ent_doc *doc = NULL;
	int rc;
	if ((rc = ent_doc_new(&doc, r->g->cli->ctx, a, r->topts, 0)) < 0 ||
	    (rc = store_one(r->g, doc, a)) < 0) {
		r->rc = rc;
		ent_doc_free(doc);
		return 1;
	}
	ent_doc_free(doc);
	return 0;
}

static const ent_cli_option recode_options[] = {
	ENT_CLI_DB_OPTION,
	ENT_CLI_CODER_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_recode(ent_cli *cli, ent_cli_args *a)
{
	ingest g;
	ent_evdict *ev = NULL;
	ent_cli_dicts dicts;
	idlist l = {NULL, 0, 0};
	ent_text_options topts = ENT_TEXT_OPTIONS_INIT;
	recode_ctx r;
	size_t i;
	int rc = setup(cli, a, &g, &ev, &dicts);
	if (rc == 0 && ent_store_documents(g.store, collect, &l) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	}
	g.recode = 1;
	g.batch = 1;   /* atomically per document */
	r.g = &g;
	r.topts = &topts;
	r.rc = 0;
	for (i = 0; rc == 0 && i < l.n; i++)
		if (ent_store_document(g.store, l.ids[i], recode_one, &r) < 0 || r.rc < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
		}
	for (i = 0; i < l.n; i++)
		ent_free(l.ids[i]);
	ent_free(l.ids);
	rc = finish(cli, &g, rc, "recode");
	ent_evdict_free(ev);
	ent_cli_dicts_free(&dicts);
	return rc;
}

const ent_cli_command ent_cmd_recode = {
	"recode",
	"re-code every stored document with the current dictionaries",
	"[--db FILE] [options]",
	"recode codes every document of the store again with the dictionaries "
	"given (after a dictionary fix) and replaces its events, one "
	"transaction per document: an interrupted recode leaves each document "
	"with either its old events or its new ones.",
	recode_options,
	run_recode
};

/* ------------------------------------------------------------------------
 * events, dyads, evidence
 * ------------------------------------------------------------------------ */

typedef struct {
	ent_buf *out;
	ent_evfmt fmt;
	unsigned long long n;
	ent_cli *cli;
} qctx;

static int put_event(void *payload, const ent_event *e, const char *id,
                     const char *doc, const char *text, const char *happening)
{
	qctx *q = payload;
	ent_evdoc d;
	(void)id;
	(void)happening;
	memset(&d, 0, sizeof d);
	d.doc = doc;
	d.text = text;
	ent_report_event(q->out, q->fmt, &d, e, ++q->n, NULL);
	if (q->out->len > 1 << 16) {
		fwrite(q->out->data, 1, q->out->len, q->cli->out);
		ent_buf_clear(q->out);
	}
	return 0;
}

static int parse_date_opt(ent_cli *cli, const ent_cli_args *a, const char *name,
                          ent_date *out)
{
	const char *v = ent_cli_get(a, name);
	*out = ENT_DATE_NONE;
	if (v && ent_date_parse(out, v, strlen(v)) < 0) {
		ent_cli_usage_error(cli, "--%s '%s' is not a YYYY-MM-DD date", name, v);
		return ENT_EXIT_USAGE;
	}
	return 0;
}

static const ent_cli_option events_options[] = {
	ENT_CLI_DB_OPTION,
	{"dyad", 0, "A-B", "events between A and B (states or actor codes; "
	 "either direction unless --directed)", NULL, 0},
	{"directed", 0, NULL, "--dyad A-B: only A as the source", NULL, 0},
	{"actor", 0, "CODE", "events with this state or actor on either side", NULL, 0},
	{"since", 0, "DATE", "from this event date", NULL, 0},
	{"until", 0, "DATE", "up to this event date", NULL, 0},
	{"root", 0, "NN", "CAMEO root code (two digits)", NULL, 0},
	{"code", 0, "CODE", "event code", NULL, 0},
	{"asserted", 0, NULL, "leave out negated and hypothetical events", NULL, 0},
	{"newest", 0, NULL, "the latest first", NULL, 0},
	{"limit", 0, "N", "at most N events", NULL, 0},
	{"format", 'f', "FORMAT", "jsonl (default), csv, petrarch, phoenix, gdelt, "
	 "plover or brief", "jsonl|csv|petrarch|phoenix|gdelt|plover|brief", 0},
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_events(ent_cli *cli, ent_cli_args *a)
{
	ent_store *s = NULL;
	ent_store_filter f;
	ent_buf out = ENT_BUF_INIT;
	qctx q;
	const char *v;
	char dyad[128];
	int rc;
	memset(&f, 0, sizeof f);
	memset(&q, 0, sizeof q);
	if ((v = ent_cli_get(a, "format")) && ent_report_evfmt_parse(&q.fmt, v) < 0) {
		ent_cli_usage_error(cli, "--format must be jsonl, csv, petrarch, phoenix, "
		                    "gdelt, plover or brief, not '%s'", v);
		return ENT_EXIT_USAGE;
	}
	if ((v = ent_cli_get(a, "dyad"))) {
		char *dash;
		snprintf(dyad, sizeof dyad, "%s", v);
		dash = strchr(dyad, '-');
		if (!dash || dash == dyad || !dash[1]) {
			ent_cli_usage_error(cli, "--dyad is A-B (PRK-RUS), not '%s'", v);
			return ENT_EXIT_USAGE;
		}
		*dash = '\0';
		f.dyad_a = dyad;
		f.dyad_b = dash + 1;
		f.directed = ent_cli_flag(a, "directed");
	}
	f.actor = ent_cli_get(a, "actor");
	f.root = ent_cli_get(a, "root");
	f.code = ent_cli_get(a, "code");
	f.asserted = ent_cli_flag(a, "asserted");
	f.newest_first = ent_cli_flag(a, "newest");
	if (ent_cli_long_opt(cli, a, "limit", 1, 1000000000L, 0, &f.limit) < 0)
		return ENT_EXIT_USAGE;
	if ((rc = parse_date_opt(cli, a, "since", &f.since)) != 0 ||
	    (rc = parse_date_opt(cli, a, "until", &f.until)) != 0)
		return rc;
	if ((rc = open_store(cli, a, 1, &s)) != 0)
		return rc;
	q.out = &out;
	q.cli = cli;
	ent_report_event_header(&out, q.fmt);
	if (ent_store_events(s, &f, put_event, &q) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	}
	fwrite(out.data ? out.data : "", 1, out.len, cli->out);
	ent_buf_free(&out);
	ent_store_free(s);
	return rc;
}

const ent_cli_command ent_cmd_events = {
	"events",
	"query the events of the store",
	"[--db FILE] [--dyad A-B [--directed]] [--actor X] [--since D] [--until D] "
	"[--root NN] [--code C] [-f FORMAT]",
	"events prints the stored events that match every filter given, by date, "
	"in the formats of entente code.  --dyad A-B matches the state-level "
	"sides (the country of each actor, or its code when it has none) in "
	"either direction unless --directed; --actor matches a state on either "
	"side or a full actor code.",
	events_options,
	run_events
};

typedef struct {
	ent_cli *cli;
	int json, any;
} dctx;

static int put_dyad(void *payload, const ent_store_dyad *d)
{
	dctx *c = payload;
	if (c->json) {
		ent_buf b = ENT_BUF_INIT;
		ent_buf_puts(&b, "{\"a\":");
		ent_buf_json_cstr(&b, d->a);
		ent_buf_puts(&b, ",\"b\":");
		ent_buf_json_cstr(&b, d->b);
		ent_buf_printf(&b, ",\"events\":%ld,\"mentions\":%ld,\"goldstein_sum\":%.2f,"
		               "\"goldstein_mean\":%.3f,\"quad\":[%ld,%ld,%ld,%ld]}\n",
		               d->happenings, d->mentions, d->goldstein_sum,
		               d->goldstein_mean, d->quad[1], d->quad[2], d->quad[3],
		               d->quad[4]);
		fputs(ent_buf_cstr(&b), c->cli->out);
		ent_buf_free(&b);
	} else {
		if (!c->any)
			fprintf(c->cli->out, "%-16s %7s %8s %10s %8s  %s\n", "dyad", "events",
			        "mentions", "goldstein", "mean", "quad 1/2/3/4");
		char label[64];
		snprintf(label, sizeof label, "%s-%s", d->a, d->b);
		fprintf(c->cli->out, "%-16s %7ld %8ld %10.2f %8.3f  %ld/%ld/%ld/%ld\n",
		        label, d->happenings, d->mentions,
		        d->goldstein_sum, d->goldstein_mean, d->quad[1], d->quad[2],
		        d->quad[3], d->quad[4]);
	}
	c->any = 1;
	return 0;
}

static int put_month(void *payload, const ent_store_dyad *d)
{
	dctx *c = payload;
	if (c->json)
		fprintf(c->cli->out, "{\"month\":\"%s\",\"dyad\":\"%s\",\"events\":%ld,"
		        "\"mentions\":%ld,\"goldstein_sum\":%.2f,\"goldstein_mean\":%.3f,"
		        "\"quad\":[%ld,%ld,%ld,%ld]}\n", d->a, d->b, d->happenings,
		        d->mentions, d->goldstein_sum, d->goldstein_mean, d->quad[1],
		        d->quad[2], d->quad[3], d->quad[4]);
	else {
		if (!c->any)
			fprintf(c->cli->out, "%-8s %7s %8s %10s %8s  %s\n", "month", "events",
			        "mentions", "goldstein", "mean", "quad 1/2/3/4");
		fprintf(c->cli->out, "%-8s %7ld %8ld %10.2f %8.3f  %ld/%ld/%ld/%ld\n",
		        d->a, d->happenings, d->mentions, d->goldstein_sum,
		        d->goldstein_mean, d->quad[1], d->quad[2], d->quad[3], d->quad[4]);
	}
	c->any = 1;
	return 0;
}

static const ent_cli_option dyads_options[] = {
	ENT_CLI_DB_OPTION,
	{"dyad", 0, "A-B", "one dyad, month by month", NULL, 0},
	{"since", 0, "DATE", "from this event date", NULL, 0},
	{"until", 0, "DATE", "up to this event date", NULL, 0},
	{"format", 'f', "FORMAT", "text (default) or json (one object a line)",
	 "text|json", 0},
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_dyads(ent_cli *cli, ent_cli_args *a)
{
	ent_store *s = NULL;
	ent_date since, until;
	const char *f = ent_cli_get(a, "format");
	dctx c;
	int rc;
	if ((rc = parse_date_opt(cli, a, "since", &since)) != 0 ||
	    (rc = parse_date_opt(cli, a, "until", &until)) != 0)
		return rc;
	if ((rc = open_store(cli, a, 1, &s)) != 0)
		return rc;
	c.cli = cli;
	c.json = f && strcmp(f, "json") == 0;
	c.any = 0;
	if (ent_cli_get(a, "dyad")) {
		char buf[128], *dash;
		snprintf(buf, sizeof buf, "%s", ent_cli_get(a, "dyad"));
		dash = strchr(buf, '-');
		if (!dash || dash == buf || !dash[1]) {
			ent_cli_usage_error(cli, "--dyad is A-B (PRK-RUS), not '%s'", buf);
			ent_store_free(s);
			return ENT_EXIT_USAGE;
		}
		*dash++ = '\0';
		if (ent_store_dyad_months(s, buf, dash, since, until, put_month, &c) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
		}
		ent_store_free(s);
		return rc;
	}
	if (ent_store_dyads(s, since, until, put_dyad, &c) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	}
	ent_store_free(s);
	return rc;
}

const ent_cli_command ent_cmd_dyads = {
	"dyads",
	"per-dyad counts and Goldstein sums from the store",
	"[--db FILE] [--dyad A-B] [--since D] [--until D] [-f text|json]",
	"dyads prints, for each state-level dyad (sorted pair) with asserted "
	"events in the period (or, with --dyad A-B, for that dyad month by "
	"month), the number of distinct happenings, their "
	"mentions, the Goldstein sum and mean over happenings, and the "
	"happenings by quad class (1 verbal and 2 material cooperation, 3 "
	"verbal and 4 material conflict).",
	dyads_options,
	run_dyads
};

typedef struct {
	ent_cli *cli;
	int found;
	int json;
} ectx;

/* One event as a JSON object: its id, document, happening, the coder's
 * JSONL fields, the sentence, and the sentence as HTML with the source,
 * target and trigger marked. */
static void evidence_json(FILE *o, const ent_event *e, const char *id,
                          const char *doc, const char *text, const char *happening)
{
	ent_buf b = ENT_BUF_INIT;
	ent_evdoc d;
	size_t len = text ? strlen(text) : 0;
	memset(&d, 0, sizeof d);
	d.doc = doc;
	d.text = text;
	ent_buf_puts(&b, "{\"id\":");
	ent_buf_json_cstr(&b, id);
	ent_buf_puts(&b, ",\"doc\":");
	ent_buf_json_cstr(&b, doc);
	ent_buf_puts(&b, ",\"happening\":");
	ent_buf_json_cstr(&b, happening ? happening : id);
	ent_buf_puts(&b, ",\"event\":");
	ent_report_event(&b, ENT_EVFMT_JSONL, &d, e, 0, NULL);
	while (b.len && (b.data[b.len - 1] == '\n'))
		b.len--;
	ent_buf_puts(&b, ",\"sentence\":");
	if (text && e->sentence_end <= len && e->sentence_start <= e->sentence_end)
		ent_buf_json_str(&b, text + e->sentence_start, e->sentence_end - e->sentence_start);
	else
		ent_buf_puts(&b, "null");
	ent_buf_puts(&b, ",\"html\":");
	{
		ent_buf h = ENT_BUF_INIT;
		ent_report_evidence_html(&h, text, len, e);
		ent_buf_json_str(&b, h.data ? h.data : "", h.len);
		ent_buf_free(&h);
	}
	ent_buf_puts(&b, "}\n");
	fwrite(b.data, 1, b.len, o);
	ent_buf_free(&b);
}

static int show_evidence(void *payload, const ent_event *e, const char *id,
                         const char *doc, const char *text, const char *happening)
{
	ectx *c = payload;
	FILE *o = c->cli->out;
	size_t i;
	char d[16];
	c->found = 1;
	if (c->json) {
		evidence_json(o, e, id, doc, text, happening);
		return 1;
	}
	fprintf(o, "event %s: %s -> %s %s on %s%s%s\n", id, e->source, e->target,
	        e->code, ent_date_format(d, e->date), e->negated ? " (negated)" : "",
	        e->hypothetical ? " (hypothetical)" : "");
	fprintf(o, "document %s, sentence %zu (happening %s; pattern %s:%ld)\n", doc,
	        e->sentence, happening ? happening : id,
	        e->pattern_file ? e->pattern_file : "-", e->pattern_line);
	fputs("  ", o);
	for (i = e->sentence_start; text && i < e->sentence_end; i++) {
		if ((long)i == e->source_start)
			fputs("[", o);
		if ((long)i == e->target_start)
			fputs("{", o);
		if ((long)i == e->trigger_start)
			fputs("*", o);
		fputc(text[i], o);
		if ((long)i + 1 == e->source_end)
			fputs("]", o);
		if ((long)i + 1 == e->target_end)
			fputs("}", o);
		if ((long)i + 1 == e->trigger_end)
			fputs("*", o);
	}
	fputs("\n  ([source] *trigger* {target})\n", o);
	return 1;
}

static const ent_cli_option evidence_options[] = {
	{"format", 'f', "FORMAT", "text (default) or json: one object a line with "
	 "the event's fields, its sentence, and the sentence as HTML with the "
	 "actors and trigger marked", "text|json", 0},
	ENT_CLI_DB_OPTION,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_evidence(ent_cli *cli, ent_cli_args *a)
{
	ent_store *s = NULL;
	ent_store_filter f;
	ectx c = {cli, 0, 0};
	int rc, i;
	if (a->npos < 1) {
		ent_cli_usage_error(cli, "evidence needs an EVENT_ID (doc:sentence:k)");
		return ENT_EXIT_USAGE;
	}
	c.json = ent_cli_get(a, "format") && !strcmp(ent_cli_get(a, "format"), "json");
	if ((rc = open_store(cli, a, 1, &s)) != 0)
		return rc;
	for (i = 0; i < a->npos; i++) {
		memset(&f, 0, sizeof f);
		f.since = f.until = ENT_DATE_NONE;
		f.id = a->pos[i];
		c.found = 0;
		if (ent_store_events(s, &f, show_evidence, &c) < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			rc = ENT_EXIT_INPUT;
		} else if (!c.found) {
			ent_cli_error(cli, "%s: no event '%s'", db_path(a), a->pos[i]);
			rc = ENT_EXIT_INPUT;
		}
	}
	ent_store_free(s);
	return rc;
}

const ent_cli_command ent_cmd_evidence = {
	"evidence",
	"an event and its sentence, highlighted in its document",
	"[--db FILE] EVENT_ID...",
	"evidence prints each stored event (its id is doc:sentence:k, as in the "
	"JSONL of entente code and entente events) with its document, the "
	"pattern that fired, its happening, and its sentence with the source in "
	"[brackets], the trigger between *stars* and the target in {braces}.",
	evidence_options,
	run_evidence
};

static const ent_cli_option store_options[] = {
	ENT_CLI_DB_OPTION,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run_store(ent_cli *cli, ent_cli_args *a)
{
	ent_store *s = NULL;
	long docs, evs, haps, runs;
	int rc;
	if ((rc = open_store(cli, a, 1, &s)) != 0)
		return rc;
	if (ent_store_integrity(s) < 0 ||
	    ent_store_counts(s, &docs, &evs, &haps, &runs) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	} else
		fprintf(cli->out, "%s: integrity ok; %ld documents, %ld event mentions "
		        "of %ld happenings, %ld ingest runs\n", db_path(a), docs, evs,
		        haps, runs);
	ent_store_free(s);
	return rc;
}

const ent_cli_command ent_cmd_store = {
	"store",
	"check the store and count what it holds",
	"[--db FILE]",
	"store runs SQLite's integrity check on the database and prints the "
	"number of documents, event mentions, distinct happenings and ingest "
	"runs.  Exit status 1 when the file is damaged, not a store, or from a "
	"newer entente.",
	store_options,
	run_store
};

/* ------------------------------------------------------------------------
 * signals: firsts and gaps from the stored history
 * ------------------------------------------------------------------------ */

typedef struct {
	char state[8], other[40], id[200];
	ent_date date;
} visit;

typedef struct {
	visit *v;
	size_t n, cap;
	int oom;
} visits;

/* Visits made (042, a state's government as the source) or hosted (043)
 * between states: one per happening. */
static int collect_visit(void *payload, const ent_event *e, const char *id,
                         const char *doc, const char *text, const char *happening)
{
	visits *vs = payload;
	visit *v;
	(void)doc;
	(void)text;
	if (!e->source_country || !e->target_country || e->negated || e->hypothetical ||
	    strcmp(e->source_country, e->target_country) == 0 ||
	    (happening && strcmp(happening, id) != 0))
		return 0;
	if (vs->n == vs->cap) {
		size_t nc = vs->cap ? vs->cap * 2 : 256;
		visit *q = ent_realloc(vs->v, nc * sizeof(*q));
		if (!q) {
			vs->oom = 1;
			return 1;
		}
		vs->v = q;
		vs->cap = nc;
	}
	v = &vs->v[vs->n++];
	snprintf(v->state, sizeof v->state, "%s", e->source_country);
	snprintf(v->other, sizeof v->other, "%s", e->target_country);
	snprintf(v->id, sizeof v->id, "%s", id);
	v->date = e->date;
	return 0;
}

static const ent_cli_option signals_options[] = {
	ENT_CLI_DB_OPTION,
	{"state", 0, "CODE", "only this state's signals", NULL, 0},
	{"since", 0, "DATE", "only signals from this date", NULL, 0},
	{"gap", 0, "MONTHS", "a first trip or guest after this many months "
	 "without one (default 6)", NULL, 0},
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

/* Print the firsts of one list (visits made, or guests received), in
 * date order: the first on record, and the first after `gap` days. */
static void firsts(ent_cli *cli, const visits *vs, const char *what,
                   const char *state, ent_date since, long gap)
{
	size_t i, j;
	for (i = 0; i < vs->n; i++) {
		const visit *v = &vs->v[i];
		const visit *prev = NULL;
		char d1[16], d2[16];
		if (state && strcmp(v->state, state) != 0)
			continue;
		for (j = i; j-- > 0;)
			if (strcmp(vs->v[j].state, v->state) == 0) {
				prev = &vs->v[j];
				break;
			}
		if (prev && v->date - prev->date <= gap)
			continue;
		if (since != ENT_DATE_NONE && v->date < since)
			continue;
		if (prev)
			fprintf(cli->out, "%s %s: first %s in %ld months (the last: %s, %s) "
			        "-> %s  [%s]\n", ent_date_format(d1, v->date), v->state, what,
			        (long)((v->date - prev->date) / 30), prev->other,
			        ent_date_format(d2, prev->date), v->other, v->id);
		else
			fprintf(cli->out, "%s %s: first %s on record -> %s  [%s]\n",
			        ent_date_format(d1, v->date), v->state, what, v->other, v->id);
	}
}

/* The permanent members of the Security Council (UN Charter art. 23): the
 * patrons a client state may court. */
static int is_patron(const char *iso3)
{
	static const char *const p5[] = {"USA", "GBR", "FRA", "RUS", "CHN", NULL};
	int k;
	for (k = 0; p5[k]; k++)
		if (strcmp(iso3, p5[k]) == 0)
			return 1;
	return 0;
}

/* A patron bound by a treaty in force on d to defend state s, other than
 * `not`: its index, and the treaty in *via; -1 when none. */
static int formal_patron(const ent_world *w, int s, int not, ent_date d,
                         const char **via)
{
	const ent_states *st = ent_world_states(w);
	size_t t, k, p;
	for (t = 0; t < ent_world_treaty_count(w); t++) {
		const ent_treaty *tr = ent_world_treaty(w, t);
		if (!ent_treaty_in_force(tr, d) || !ent_treaty_party_on(tr, s, d))
			continue;
		for (p = 0; p < tr->nparties; p++) {
			int a = tr->parties[p].state;
			if (a == s || a == not || a < 0 || !ent_treaty_party_on(tr, a, d) ||
			    !is_patron(ent_states_iso3(st, (size_t)a)))
				continue;
			for (k = 0; k < tr->narticles; k++)
				if (ent_article_protects(&tr->articles[k], a, s)) {
					*via = tr->id;
					return a;
				}
		}
	}
	return -1;
}

/* "A state visiting a rival patron before its formal ally": a trip to a
 * patron (a permanent Security Council member) by a state that has a
 * treaty ally among the patrons, the ally not visited before on record. */
static int patrons(ent_cli *cli, const visits *vs, const char *state,
                   ent_date since)
{
	ent_states *st = NULL;
	ent_world *w = NULL;
	size_t i, j;
	int rc = 0;
	if (ent_states_load(&st, cli->ctx) < 0 || ent_world_load(&w, cli->ctx, st) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto out;
	}
	for (i = 0; i < vs->n; i++) {
		const visit *v = &vs->v[i];
		int s = ent_states_lookup(st, v->state), r = ent_states_lookup(st, v->other);
		int ally, seen = 0;
		const char *via = NULL;
		char d[16];
		if (s < 0 || r < 0 || (state && strcmp(v->state, state) != 0) ||
		    (since != ENT_DATE_NONE && v->date < since) || !is_patron(v->other))
			continue;
		ally = formal_patron(w, s, r, v->date, &via);
		if (ally < 0 || formal_patron(w, s, -1, v->date, &via) == r)
			continue;   /* no patron ally, or the visit is to one */
		for (j = 0; j < i && !seen; j++)
			seen = strcmp(vs->v[j].state, v->state) == 0 &&
			       strcmp(vs->v[j].other, ent_states_iso3(st, (size_t)ally)) == 0;
		if (seen)
			continue;
		formal_patron(w, s, r, v->date, &via);
		fprintf(cli->out, "%s %s: visited %s before its formal ally %s (%s), "
		        "not visited on record  [%s]\n", ent_date_format(d, v->date),
		        v->state, v->other, ent_states_iso3(st, (size_t)ally),
		        via ? via : "treaty", v->id);
	}
out:
	ent_world_free(w);
	ent_states_free(st);
	return rc;
}

static int run_signals(ent_cli *cli, ent_cli_args *a)
{
	ent_store *s = NULL;
	ent_store_filter f;
	visits made = {NULL, 0, 0, 0}, hosted = {NULL, 0, 0, 0};
	ent_date since;
	long gap;
	int rc;
	if (ent_cli_long_opt(cli, a, "gap", 1, 600, 6, &gap) < 0)
		return ENT_EXIT_USAGE;
	if ((rc = parse_date_opt(cli, a, "since", &since)) != 0)
		return rc;
	if ((rc = open_store(cli, a, 1, &s)) != 0)
		return rc;
	memset(&f, 0, sizeof f);
	f.since = f.until = ENT_DATE_NONE;
	f.asserted = 1;
	f.code = "042";
	if (ent_store_events(s, &f, collect_visit, &made) < 0 || made.oom) {
		ent_cli_error(cli, "%s", made.oom ? "out of memory" : ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	}
	f.code = "043";
	if (rc == 0 && (ent_store_events(s, &f, collect_visit, &hosted) < 0 || hosted.oom)) {
		ent_cli_error(cli, "%s", hosted.oom ? "out of memory" : ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
	}
	if (rc == 0) {
		firsts(cli, &made, "trip abroad", ent_cli_get(a, "state"), since, gap * 30);
		firsts(cli, &hosted, "foreign guest", ent_cli_get(a, "state"), since, gap * 30);
		rc = patrons(cli, &made, ent_cli_get(a, "state"), since);
	}
	ent_free(made.v);
	ent_free(hosted.v);
	ent_store_free(s);
	return rc;
}

const ent_cli_command ent_cmd_signals = {
	"signals",
	"firsts and gaps from the stored history: first trips, first guests",
	"[--db FILE] [--state CODE] [--since DATE] [--gap MONTHS]",
	"signals reads the visits stored (CAMEO 042 made, 043 hosted, between "
	"two states, one per happening) and prints, in date order, each state's "
	"first trip abroad and first foreign guest on record, and every first "
	"after --gap months (default 6) without one, with the previous one and "
	"the event id for entente evidence; then every visit to a patron (a "
	"permanent Security Council member) by a state whose treaty ally is "
	"another patron it has not visited before on record.",
	signals_options,
	run_signals
};
