/*
 * cmd_analyze.c - `entente analyze`: the main job.  Reads the articles (the
 * bundled samples when no FILE is given) and prints what each stage found:
 * the text stage's counts (documents, sentences, repairs); the events the
 * coder found (built-in actors and verb patterns, or --actors/--verbs),
 * which then join the ties of the alignment network; and the alignment
 * picture and war scenarios on the date of the latest news.
 */
#include "cli/dictcli.h"
#include "cli/netcli.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <math.h>

#include <string.h>
#include <unistd.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	{"output", 'o', "FILE", "also write the HTML report (entente report) "
	 "here, with the events read as its table", NULL, 0},
	ENT_CLI_INPUT_OPTIONS,
	ENT_CLI_DICT_OPTIONS,
	{"verbs", 0, "FILE", "add a verb dictionary (or options, discards, "
	 "issues) to the event coder's built-in one", "@file", 1},
	{"no-code", 0, NULL, "do not code events from the articles (text "
	 "counts and the built-in picture only)", NULL, 0},
	ENT_CLI_NET_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

#define EXAMPLES 5

typedef struct {
	long docs, sentences;
	size_t bytes;
	ent_date first, last;
	ent_text_stats st;
	/* events */
	ent_coder *coder;
	ent_ties *ties;
	ent_cli_evrows rows;    /* the report's events table (-o) */
	int want_rows;
	long events, flagged, counted, by_root[21];
	struct {
		double w;
		char *line;     /* "RUS -> UKR 190 (fight) 2022-02-24: sentence" */
	} ex[EXAMPLES];
	size_t nex;
} totals;

/* Keep the EXAMPLES asserted events of largest |Goldstein| (first come
 * first kept on ties). */
static void keep_example(totals *t, const ent_event *e, const char *text)
{
	size_t i, slot = t->nex;
	double w = e->has_goldstein ? fabs(e->goldstein) : 0;
	ent_buf b = ENT_BUF_INIT;
	char d[16];
	const char *s = text + e->sentence_start;
	size_t n = e->sentence_end - e->sentence_start;
	if (t->nex == EXAMPLES) {
		slot = 0;
		for (i = 1; i < t->nex; i++)
			if (t->ex[i].w < t->ex[slot].w)
				slot = i;
		if (t->ex[slot].w >= w)
			return;
		ent_free(t->ex[slot].line);
	} else
		t->nex++;
	if (n > 160)
		n = 160;
	ent_buf_printf(&b, "%s -> %s %s %s: \"%.*s%s\"", e->source, e->target,
	               e->code, ent_date_format(d, e->date), (int)n, s,
	               e->sentence_end - e->sentence_start > n ? "..." : "");
	t->ex[slot].w = w;
	t->ex[slot].line = ent_buf_detach(&b, NULL);
}

static int code_doc(ent_cli *cli, totals *t, ent_doc *doc, const ent_article *art)
{
	size_t i, n;
	if (ent_coder_run(t->coder, doc, ENT_DATE_NONE) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_ENOMEM;
	}
	n = ent_coder_count(t->coder);
	for (i = 0; i < n; i++) {
		const ent_event *e = ent_coder_get(t->coder, i);
		ent_event_in in;
		char id[96];
		int r;
		t->events++;
		if (e->negated || e->hypothetical)
			t->flagged++;
		if (e->root && e->root[0] >= '0' && e->root[0] <= '2' &&
		    e->root[1] >= '0' && e->root[1] <= '9') {
			int k = (e->root[0] - '0') * 10 + (e->root[1] - '0');
			if (k >= 1 && k <= 20)
				t->by_root[k]++;
		}
		snprintf(id, sizeof id, "%s:%zu:%zu", art->id ? art->id : "-", e->sentence, e->k);
		ent_cli_event_in(&in, e, id, art->id);
		r = ent_ties_add_event(t->ties, &in, art->id ? art->id : "-", -1);
		if (r < 0) {
			ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
			continue;
		}
		t->counted += r;
		if (!e->negated && !e->hypothetical) {
			keep_example(t, e, art->text);
			if (t->want_rows)
				ent_cli_evrows_add(&t->rows, e, id, art->text, art->text_len);
		}
	}
	return 0;
}

static int on_doc(ent_cli *cli, ent_doc *doc, const ent_article *art,
                  void *payload)
{
	totals *t = payload;
	const ent_text_stats *s = ent_doc_stats(doc);
	ent_date d = ent_doc_date(doc);
	if (t->coder && code_doc(cli, t, doc, art) < 0)
		return -1;
	t->docs++;
	t->sentences += (long)ent_doc_sentence_count(doc);
	t->bytes += art->text_len;
	if (t->first == ENT_DATE_NONE || d < t->first)
		t->first = d;
	if (t->last == ENT_DATE_NONE || d > t->last)
		t->last = d;
	t->st.invalid_utf8 += s->invalid_utf8;
	t->st.nul_bytes += s->nul_bytes;
	t->st.controls += s->controls;
	t->st.nfc_changes += s->nfc_changes;
	t->st.hyphen_spaces += s->hyphen_spaces;
	t->st.glued_sentences += s->glued_sentences;
	t->st.space_runs += s->space_runs;
	t->st.space_before_punct += s->space_before_punct;
	t->st.split_apostrophes += s->split_apostrophes;
	t->st.long_sentences += s->long_sentences;
	t->st.dash_spaces += s->dash_spaces;
	return 0;
}

static const struct {
	const char *key, *label;
	size_t off;
} repairs[] = {
	{"invalid_utf8", "invalid UTF-8 replaced", offsetof(ent_text_stats, invalid_utf8)},
	{"nul_bytes", "NUL bytes", offsetof(ent_text_stats, nul_bytes)},
	{"controls", "control characters", offsetof(ent_text_stats, controls)},
	{"nfc_changes", "runs normalised to NFC", offsetof(ent_text_stats, nfc_changes)},
	{"hyphen_spaces", "intra-word hyphens rejoined", offsetof(ent_text_stats, hyphen_spaces)},
	{"glued_sentences", "glued sentences split", offsetof(ent_text_stats, glued_sentences)},
	{"space_runs", "runs of spaces collapsed", offsetof(ent_text_stats, space_runs)},
	{"space_before_punct", "spaces before punctuation removed", offsetof(ent_text_stats, space_before_punct)},
	{"split_apostrophes", "split apostrophes rejoined", offsetof(ent_text_stats, split_apostrophes)},
	{"dash_spaces", "dashes spaced", offsetof(ent_text_stats, dash_spaces)},
	{"long_sentences", "over-long sentences cut", offsetof(ent_text_stats, long_sentences)},
};

static long stat_at(const ent_text_stats *s, size_t off)
{
	return *(const long *)((const char *)s + off);
}

void ent_cli_balance_json(ent_buf *b, ent_cli_net *n, const ent_net *g,
                          const ent_balance *bal, const ent_frustration *f);
void ent_cli_blocs_json(ent_buf *b, ent_cli_net *n, const ent_net *g,
                        const ent_blocs *B);
void ent_cli_blocs_text(ent_cli *cli, const ent_net *g, const ent_blocs *B,
                        size_t max_members);
void ent_cli_prediction_json(ent_buf *b, const ent_net *g,
                             const ent_prediction *p, size_t max_reasons);
void ent_cli_prediction_text(ent_cli *cli, const ent_net *g,
                             const ent_prediction *p, size_t max_reasons);
void ent_cli_scenario_json(ent_buf *b, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o);
void ent_cli_scenario_text(ent_cli *cli, ent_cli_net *n, const ent_scenario *s,
                           const ent_scenario_options *o, int brief);

/* The scenarios that follow from the two most hostile dyads of the network:
 * who is bound, how credibly, who is likely. */
static int scenarios(ent_cli *cli, ent_cli_net *n, const ent_net *g, ent_buf *json)
{
	size_t picked[2], npicked;
	int k, rc = 0;
	if (!n->world)
		return 0;
	npicked = ent_cli_most_hostile(g, picked, 2);
	if (json)
		ent_buf_puts(json, ",\"scenarios\":[");
	else
		fprintf(cli->out, "\n%sScenarios from the most hostile ties%s\n",
		        ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"));
	for (k = 0; k < 2; k++) {
		ent_scenario_options o = ENT_SCENARIO_OPTIONS_INIT;
		ent_scenario *s = NULL;
		if ((size_t)k >= npicked)
			break;
		ent_cli_war_of(g, picked[k], &o);
		o.date = n->as_of;
		if (ent_scenario_run(&s, n->world, n->ties, &o) < 0) {
			rc = ENT_EXIT_INPUT;
			break;
		}
		if (json) {
			if (k)
				ent_buf_putc(json, ',');
			ent_cli_scenario_json(json, n, s, &o);
			json->len--; /* newline */
		} else {
			ent_cli_scenario_text(cli, n, s, &o, 1);
		}
		ent_scenario_free(s);
	}
	if (json)
		ent_buf_putc(json, ']');
	return rc;
}

/* Where `analyze -o` writes its report, and what it holds. */
typedef struct {
	const char *path, *origin;
	const ent_cli_evrows *rows;
} report_to;

/* The alignment picture: camps, balance, frustrated ties, predictions.
 * Appends to `json` when given, else prints text; then writes the report
 * of the same picture when `report` is given.  Returns 0 or an exit
 * status. */
static int picture(ent_cli *cli, ent_cli_net *n, ent_buf *json, const report_to *report)
{
	ent_cli_picture p;
	ent_net *g;
	ent_blocs *B;
	ent_frustration *f;
	ent_balance bal;
	ent_prediction *preds = NULL;
	size_t np = 0, i;
	int rc;
	char d[16], s1[16];

	if ((rc = ent_cli_picture_build(cli, n, &p)) != 0)
		goto done;
	g = p.g, B = p.B, f = p.f, bal = p.bal;
	if (ent_net_predict_missing(&preds, &np, g, 2, 5) < 0) {
		ent_cli_error(cli, "out of memory in the network analysis");
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	if (json) {
		ent_buf_puts(json, ",\"balance\":");
		ent_cli_balance_json(json, n, g, &bal, f);
		json->len--; /* drop the newline */
		ent_buf_puts(json, ",\"blocs\":");
		ent_cli_blocs_json(json, n, g, B);
		json->len--;
		ent_buf_puts(json, ",\"predictions\":[");
		for (i = 0; i < np; i++) {
			if (i)
				ent_buf_putc(json, ',');
			ent_cli_prediction_json(json, g, &preds[i], 3);
		}
		ent_buf_putc(json, ']');
		rc = scenarios(cli, n, g, json);
		goto report;
	}
	fprintf(cli->out, "\n%sAlignment picture%s on %s: %zu states with ties, %zu "
	        "ties (%s)\n", ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"),
	        ent_date_format(d, n->as_of), ent_net_node_count(g),
	        ent_net_edge_count(g),
	        ent_ties_options(n->ties)->no_baseline ? "tie files and events only"
	                                              : "built-in baseline and any "
	                                                "--ties/--events");
	fprintf(cli->out, "  %d camps (%s)\n", B->k, B->reason);
	ent_cli_blocs_text(cli, g, B, 14);
	fprintf(cli->out, "  balance ratio %.3f (weighted %.3f); frustration index "
	        "%ld of %zu ties (%s)\n", bal.ratio, bal.ratio_weighted, f->value,
	        ent_net_edge_count(g), f->exact ? "exact" : "best found");
	if (f->nfrustrated) {
		fprintf(cli->out, "  most telling frustrated ties:");
		for (i = 0; i < f->nfrustrated && i < 6; i++) {
			size_t x, y;
			double w;
			ent_net_edge(g, f->frustrated[i], &x, &y, &w);
			fprintf(cli->out, "%s %s-%s %s", i ? "," : "", ent_net_node_label(g, x),
			        ent_net_node_label(g, y), ent_cli_signed(s1, sizeof s1, w));
		}
		fputc('\n', cli->out);
	}
	if (np) {
		fprintf(cli->out, "  the friend of my enemy (predicted absent ties):\n");
		for (i = 0; i < np; i++)
			ent_cli_prediction_text(cli, g, &preds[i], 1);
	}
	rc = scenarios(cli, n, g, NULL);
report:
	if (rc == 0 && report) {
		rc = ent_cli_report_write(cli, n, &p, report->rows, report->path,
		                          report->origin);
		if (rc == 0)
			fprintf(cli->err, "entente: wrote the report to %s\n", report->path);
	}
done:
	ent_predictions_free(preds, np);
	ent_cli_picture_free(&p);
	return rc;
}

static const char *const root_names[21] = {
	NULL, "statements", "appeals", "intent to cooperate", "consultations",
	"diplomatic cooperation", "material cooperation", "aid", "concessions",
	"investigations", "demands", "disapproval", "rejections", "threats",
	"protests", "shows of force", "downgraded relations", "coercion",
	"assaults", "fighting", "mass violence"};

/* The built-in event dictionary (plus --verbs) and actor dictionaries
 * (plus --actors/--agents) and a coder over them. */
static int coder_init(ent_cli *cli, const ent_cli_args *a, ent_cli_dicts *dicts,
                      ent_evdict **ev, totals *t)
{
	ent_evdict_options eo = ENT_EVDICT_OPTIONS_INIT;
	const char *f;
	int i, rc;
	if (ent_evdict_new(ev, cli->ctx, &eo) < 0)
		goto oom;
	for (i = 0; (f = ent_cli_get_nth(a, "verbs", i)) != NULL; i++) {
		ent_dict_load_stats st;
		rc = ent_evdict_add_file(*ev, f, ENT_DICT_AUTO, &st);
		if (rc == ENT_ENOMEM)
			goto oom;
		if (rc < 0 || st.errors) {
			if (rc < 0)
				ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
			cli->input_errors++;
		}
	}
	if (ent_evdict_add_builtin(*ev) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return ENT_EXIT_INPUT;
	}
	if ((rc = ent_cli_dicts_init(cli, a, dicts)) != 0)
		return rc;
	if (ent_coder_new(&t->coder, cli->ctx, *ev, dicts->dict, dicts->st, NULL) < 0)
		goto oom;
	return 0;
oom:
	ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
	return ENT_EXIT_INPUT;
}

static void events_text(ent_cli *cli, const totals *t)
{
	size_t i;
	int any = 0;
	fprintf(cli->out, "\n%sEvents%s\n", ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"));
	fprintf(cli->out, "  %ld events coded (%ld negated or hypothetical); %ld "
	        "between states join the ties below\n  by kind:", t->events,
	        t->flagged, t->counted);
	for (i = 1; i <= 20; i++)
		if (t->by_root[i]) {
			fprintf(cli->out, "%s %ld %s", any ? "," : "", t->by_root[i],
			        root_names[i]);
			any = 1;
		}
	if (!any)
		fprintf(cli->out, " none");
	fprintf(cli->out, "\n");
	if (t->nex)
		fprintf(cli->out, "  the strongest:\n");
	for (i = 0; i < t->nex; i++)
		fprintf(cli->out, "    %s\n", t->ex[i].line);
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_inputs in;
	totals t;
	const char *f = ent_cli_get(a, "format");
	int json = f && strcmp(f, "json") == 0;
	int rc;
	size_t i;
	char d1[16], d2[16];

	ent_cli_net n;
	ent_cli_dicts dicts;
	ent_evdict *ev = NULL;
	int netrc, any, from_store = 0;
	report_to rep, *report = NULL;

	memset(&t, 0, sizeof t);
	memset(&dicts, 0, sizeof dicts);
	t.first = t.last = ENT_DATE_NONE;
	t.want_rows = ent_cli_get(a, "output") != NULL;
	if ((rc = ent_cli_inputs_init(cli, a, &in, "samples/articles.jsonl")) != 0)
		return rc;
	if ((netrc = ent_cli_net_init(cli, a, &n)) != 0)
		return netrc;
	t.ties = n.ties;
	/* from a store (--db, or entente.db here) and no FILE: the stored
	 * events are the news; nothing else is read or coded */
	from_store = a->npos == 0 && (ent_cli_get(a, "db") || access("entente.db", R_OK) == 0);
	if (from_store)
		in.npaths = 0, in.builtin = NULL;
	rep.path = ent_cli_get(a, "output");
	rep.origin = from_store ? "From the built-in data and the store."
	                        : "From the built-in data and the articles read.";
	rep.rows = &t.rows;
	report = rep.path ? &rep : NULL;
	if (!from_store && !ent_cli_flag(a, "no-code") &&
	    (rc = coder_init(cli, a, &dicts, &ev, &t)) != 0)
		goto out;
	if (!from_store)
		rc = ent_cli_inputs_each(cli, &in, on_doc, &t);
	if (rc < 0) {
		rc = ENT_EXIT_INPUT;
		goto out;
	}
	/* the picture is drawn as of the news read, unless --as-of says */
	if (!ent_cli_get(a, "as-of")) {
		ent_date le = ent_ties_latest_event(n.ties);
		if (le != ENT_DATE_NONE)
			n.as_of = le;
		else if (t.last != ENT_DATE_NONE)
			n.as_of = t.last;
	}
	ent_date_format(d1, t.first);
	ent_date_format(d2, t.last);
	if (json) {
		ent_buf b = ENT_BUF_INIT;
		ent_buf_printf(&b, "{\"input\":");
		ent_buf_json_cstr(&b, in.builtin ? in.builtin : NULL);
		ent_buf_printf(&b, ",\"text\":{\"documents\":%ld,\"sentences\":%ld,"
		               "\"bytes\":%zu,\"first_date\":", t.docs, t.sentences,
		               t.bytes);
		ent_buf_json_cstr(&b, t.docs ? d1 : NULL);
		ent_buf_puts(&b, ",\"last_date\":");
		ent_buf_json_cstr(&b, t.docs ? d2 : NULL);
		ent_buf_puts(&b, ",\"repairs\":{");
		for (i = 0; i < sizeof repairs / sizeof repairs[0]; i++)
			ent_buf_printf(&b, "%s\"%s\":%ld", i ? "," : "", repairs[i].key,
			               stat_at(&t.st, repairs[i].off));
		ent_buf_puts(&b, "}}");
		if (t.coder) {
			ent_buf_printf(&b, ",\"events\":{\"coded\":%ld,\"flagged\":%ld,"
			               "\"counted\":%ld,\"by_root\":{", t.events, t.flagged,
			               t.counted);
			for (i = 1, any = 0; i <= 20; i++)
				if (t.by_root[i]) {
					ent_buf_printf(&b, "%s\"%02zu\":%ld", any ? "," : "", i,
					               t.by_root[i]);
					any = 1;
				}
			ent_buf_puts(&b, "},\"strongest\":[");
			for (i = 0; i < t.nex; i++) {
				if (i)
					ent_buf_putc(&b, ',');
				ent_buf_json_cstr(&b, t.ex[i].line);
			}
			ent_buf_puts(&b, "]}");
		}
		netrc = picture(cli, &n, &b, report);
		ent_buf_puts(&b, "}\n");
		if (!netrc)
			fputs(ent_buf_cstr(&b), cli->out);
		ent_buf_free(&b);
		rc = netrc;
		goto out;
	}
	fprintf(cli->out, "%sentente analyze%s  %s\n\n", ent_cli_c(cli, "bold"),
	        ent_cli_c(cli, "off"),
	        from_store ? "(the events of the store)"
	                   : in.builtin ? "(bundled sample articles)" : "");
	if (from_store) {
		const char *path = ent_cli_get(a, "db") ? ent_cli_get(a, "db") : "entente.db";
		ent_store *st = NULL;
		long docs = 0, evs = 0, haps = 0, runs = 0;
		if (ent_store_open(&st, cli->ctx, path, 1) == 0 &&
		    ent_store_counts(st, &docs, &evs, &haps, &runs) == 0)
			fprintf(cli->out, "%sStore%s %s\n  %ld documents, %ld event mentions "
			        "of %ld happenings, from %ld ingest runs; the happenings join "
			        "the ties below\n", ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"),
			        path, docs, evs, haps, runs);
		ent_store_free(st);
		rc = picture(cli, &n, NULL, report);
		goto out;
	}
	fprintf(cli->out, "%sText%s\n", ent_cli_c(cli, "bold"), ent_cli_c(cli, "off"));
	fprintf(cli->out, "  %ld documents, %ld sentences, %zu bytes", t.docs,
	        t.sentences, t.bytes);
	if (t.docs)
		fprintf(cli->out, ", dated %s to %s", d1, d2);
	fprintf(cli->out, "\n  repairs:");
	{
		any = 0;
		for (i = 0; i < sizeof repairs / sizeof repairs[0]; i++) {
			long v = stat_at(&t.st, repairs[i].off);
			if (v) {
				fprintf(cli->out, "%s %ld %s", any ? "," : "", v, repairs[i].label);
				any = 1;
			}
		}
		if (!any)
			fprintf(cli->out, " none needed");
	}
	fprintf(cli->out, "\n");
	if (t.coder)
		events_text(cli, &t);
	rc = picture(cli, &n, NULL, report);
out:
	ent_cli_evrows_free(&t.rows);
	for (i = 0; i < t.nex; i++)
		ent_free(t.ex[i].line);
	ent_coder_free(t.coder);
	ent_evdict_free(ev);
	ent_cli_dicts_free(&dicts);
	ent_cli_net_free(&n);
	return rc;
}

const ent_cli_command ent_cmd_analyze = {
	"analyze",
	"the main job: read articles and print the alignment picture",
	"[options] [FILE...]",
	"With no FILE, reads the bundled sample articles.  Prints what each "
	"stage found: the text stage's documents, sentences and repairs; the "
	"events coded from them (built-in actor and verb dictionaries, plus "
	"--actors/--agents/--verbs; --no-code skips this), which join the ties "
	"as --events files do; then the "
	"alignment picture on the date of the latest article (or --as-of): the "
	"camps and who sits between them, their cohesion, the balance figures, "
	"the most telling frustrated ties and the predicted absent ties; and the "
	"war scenarios that follow from the two most hostile ties (who is bound "
	"by treaty, how credibly, who is likely to join).",
	options,
	run
};
