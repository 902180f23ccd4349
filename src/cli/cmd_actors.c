/*
 * cmd_actors.c - `entente actors`, `entente places` and `entente glossary`:
 * the actor stage on its own.  Each prints one record per phrase found, in
 * text order, with byte spans into the original input.
 */
#include "cli/dictcli.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: jsonl (default), text, or brief (PHRASE = "
	 "CODE per line)", "jsonl|text|brief", 0},
	ENT_CLI_DICT_OPTIONS,
	ENT_CLI_INPUT_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

enum { WHAT_ACTORS, WHAT_PLACES, WHAT_GLOSSARY };

typedef struct {
	int what;
	int text;           /* 1 text, 2 brief */
	ent_actors *rec;
	ent_buf out;
} act_state;

static void span_fields(ent_buf *b, const char *id, size_t sentence, size_t start,
                        size_t end, const char *doctext, size_t ts, size_t te)
{
	ent_buf_put(b, "{\"doc\":", 7);
	ent_buf_json_cstr(b, id);
	ent_buf_put(b, ",\"sentence\":", 12);
	ent_buf_put_uint(b, sentence);
	ent_buf_put(b, ",\"start\":", 9);
	ent_buf_put_uint(b, start);
	ent_buf_put(b, ",\"end\":", 7);
	ent_buf_put_uint(b, end);
	ent_buf_put(b, ",\"text\":", 8);
	ent_buf_json_str_valid(b, doctext + ts, te - ts);
}

/* "FILE:LINE" for a dictionary, else the keyword (no printf: this runs
 * once per record). */
static void via_str(char *buf, size_t cap, ent_via v, const char *file, long line)
{
	const char *src = (v == ENT_VIA_DICT && file) ? file : ent_via_name(v);
	size_t k = 0;
	while (*src && k + 24 < cap)
		buf[k++] = *src++;
	if (v == ENT_VIA_DICT && file) {
		char digits[24];
		int nd = 0;
		unsigned long x = line > 0 ? (unsigned long)line : 0;
		do {
			digits[nd++] = (char)('0' + x % 10);
			x /= 10;
		} while (x);
		buf[k++] = ':';
		while (nd)
			buf[k++] = digits[--nd];
	}
	buf[k] = '\0';
}

static void print_actor(ent_cli *cli, act_state *st, const char *id,
                        const char *doctext, const ent_actor *r)
{
	ent_buf *b = &st->out;
	char via[600];
	via_str(via, sizeof via, r->via, r->via_file, r->via_line);
	if (st->text == 2) {
		ent_buf_put(b, doctext + r->text_start, r->text_end - r->text_start);
		ent_buf_puts(b, " = ");
		ent_buf_puts(b, r->code);
		if (r->via != ENT_VIA_DICT) {
			ent_buf_puts(b, " (");
			ent_buf_puts(b, ent_via_name(r->via));
			ent_buf_putc(b, ')');
		}
		ent_buf_putc(b, '\n');
		return;
	}
	if (st->text) {
		ent_buf_printf(b, "%s\t%zu\t%zu-%zu\t%.*s\t%s%s%s\t%s\t%s\n", id, r->sentence,
		               r->start, r->end, (int)(r->text_end - r->text_start),
		               doctext + r->text_start, ent_cli_c(cli, "bold"), r->code,
		               ent_cli_c(cli, "off"), r->country ? r->country : "-", via);
		return;
	}
	span_fields(b, id, r->sentence, r->start, r->end, doctext, r->text_start, r->text_end);
	ent_buf_put(b, ",\"code\":", 8);
	ent_buf_json_cstr(b, r->code);
	ent_buf_put(b, ",\"country\":", 11);
	if (r->country)
		ent_buf_json_cstr(b, r->country);
	else
		ent_buf_puts(b, "null");
	ent_buf_put(b, ",\"cow\":", 7);
	if (r->cow >= 0)
		ent_buf_put_uint(b, (unsigned long long)r->cow);
	else
		ent_buf_puts(b, "null");
	ent_buf_put(b, ",\"via\":", 7);
	ent_buf_json_cstr(b, via);
	ent_buf_put(b, ",\"kind\":", 8);
	ent_buf_json_cstr(b, ent_actor_kind_name(r->kind));
	ent_buf_put(b, "}\n", 2);
}

static void print_place(ent_cli *cli, act_state *st, const char *id,
                        const char *doctext, const ent_place *p)
{
	ent_buf *b = &st->out;
	(void)cli;
	if (st->text == 2) {
		ent_buf_printf(b, "%.*s = %s (%s%s)\n", (int)(p->text_end - p->text_start),
		               doctext + p->text_start, p->name, p->country ? p->country : "-",
		               p->actor ? ", the government" : "");
		return;
	}
	if (st->text) {
		ent_buf_printf(b, "%s\t%zu\t%zu-%zu\t%.*s\t%s (%s)\t%s\t%.4f,%.4f%s\t%s:%ld\n", id,
		               p->sentence, p->start, p->end, (int)(p->text_end - p->text_start),
		               doctext + p->text_start, p->name, p->kind,
		               p->country ? p->country : "-", p->lat, p->lon,
		               p->actor ? "\t(the government)" : "", p->via_file, p->via_line);
		return;
	}
	span_fields(b, id, p->sentence, p->start, p->end, doctext, p->text_start, p->text_end);
	ent_buf_put(b, ",\"place\":", 9);
	ent_buf_json_cstr(b, p->name);
	ent_buf_put(b, ",\"kind\":", 8);
	ent_buf_json_cstr(b, p->kind);
	ent_buf_put(b, ",\"country\":", 11);
	if (p->country && p->country[0])
		ent_buf_json_cstr(b, p->country);
	else
		ent_buf_puts(b, "null");
	ent_buf_put(b, ",\"lat\":", 7);
	ent_buf_json_num(b, p->lat);
	ent_buf_put(b, ",\"lon\":", 7);
	ent_buf_json_num(b, p->lon);
	ent_buf_puts(b, p->actor ? ",\"actor\":true" : ",\"actor\":false");
	ent_buf_puts(b, p->glossary ? ",\"glossary\":true" : ",\"glossary\":false");
	ent_buf_put(b, ",\"via\":", 7);
	ent_buf_printf(b, "\"%s:%ld\"}\n", p->via_file, p->via_line);
}

static void print_term(act_state *st, const char *id, const char *doctext,
                       const ent_term *t)
{
	ent_buf *b = &st->out;
	if (st->text == 2) {
		ent_buf_printf(b, "%.*s = %s (%s)\n", (int)(t->text_end - t->text_start),
		               doctext + t->text_start, t->meaning, t->kind);
		return;
	}
	if (st->text) {
		ent_buf_printf(b, "%s\t%zu\t%zu-%zu\t%.*s\t-> %s (%s)\t%s:%ld\n", id, t->sentence,
		               t->start, t->end, (int)(t->text_end - t->text_start),
		               doctext + t->text_start, t->meaning, t->kind, t->via_file,
		               t->via_line);
		return;
	}
	span_fields(b, id, t->sentence, t->start, t->end, doctext, t->text_start, t->text_end);
	ent_buf_put(b, ",\"meaning\":", 11);
	ent_buf_json_cstr(b, t->meaning);
	ent_buf_put(b, ",\"kind\":", 8);
	ent_buf_json_cstr(b, t->kind);
	ent_buf_put(b, ",\"via\":", 7);
	ent_buf_printf(b, "\"%s:%ld\"}\n", t->via_file, t->via_line);
}

static int by_start(const void *a, const void *b)
{
	const ent_term *x = a, *y = b;
	return x->text_start < y->text_start ? -1 : x->text_start > y->text_start;
}

static int on_doc(ent_cli *cli, ent_doc *doc, const ent_article *art, void *payload)
{
	act_state *st = payload;
	const char *id = ent_doc_id(doc), *text = ent_doc_text(doc, NULL);
	size_t i;
	(void)art;
	if (ent_actors_run(st->rec, doc, ENT_DATE_NONE) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		return -1;
	}
	if (st->what == WHAT_ACTORS) {
		for (i = 0; i < ent_actors_count(st->rec); i++)
			print_actor(cli, st, id, text, ent_actors_get(st->rec, i));
	} else if (st->what == WHAT_PLACES) {
		for (i = 0; i < ent_actors_place_count(st->rec); i++)
			print_place(cli, st, id, text, ent_actors_place(st->rec, i));
	} else {
		/* every glossary rendering, places, actors and terms, in text order */
		size_t np = ent_actors_place_count(st->rec), na = ent_actors_count(st->rec);
		size_t nt = ent_actors_term_count(st->rec), n = 0;
		ent_term *all = malloc((np + na + nt + 1) * sizeof *all);
		if (!all) {
			ent_cli_error(cli, "out of memory");
			return -1;
		}
		for (i = 0; i < np; i++) {
			const ent_place *p = ent_actors_place(st->rec, i);
			if (!p->glossary)
				continue;
			memset(&all[n], 0, sizeof all[n]);
			all[n].sentence = p->sentence;
			all[n].start = p->start;
			all[n].end = p->end;
			all[n].text_start = p->text_start;
			all[n].text_end = p->text_end;
			all[n].meaning = p->name;
			all[n].kind = "place";
			all[n].via_file = p->via_file;
			all[n].via_line = p->via_line;
			n++;
		}
		for (i = 0; i < na; i++) {
			const ent_actor *r = ent_actors_get(st->rec, i);
			if (!r->meaning)
				continue;
			memset(&all[n], 0, sizeof all[n]);
			all[n].sentence = r->sentence;
			all[n].start = r->start;
			all[n].end = r->end;
			all[n].text_start = r->text_start;
			all[n].text_end = r->text_end;
			all[n].meaning = r->meaning;
			all[n].kind = "actor";
			all[n].via_file = r->via_file;
			all[n].via_line = r->via_line;
			n++;
		}
		for (i = 0; i < nt; i++)
			all[n++] = *ent_actors_term(st->rec, i);
		qsort(all, n, sizeof *all, by_start);
		for (i = 0; i < n; i++)
			print_term(st, id, text, &all[i]);
		free(all);
	}
	if (st->out.len > 1 << 16) {
		fwrite(st->out.data, 1, st->out.len, cli->out);
		ent_buf_clear(&st->out);
	}
	if (st->out.oom) {
		ent_cli_error(cli, "out of memory");
		return -1;
	}
	return 0;
}

static int run_what(ent_cli *cli, ent_cli_args *a, int what)
{
	ent_cli_inputs in;
	ent_cli_dicts dicts;
	act_state st;
	const char *f = ent_cli_get(a, "format");
	int rc;
	memset(&st, 0, sizeof st);
	st.what = what;
	if (f && strcmp(f, "text") == 0)
		st.text = 1;
	else if (f && strcmp(f, "brief") == 0)
		st.text = 2;
	else if (f && strcmp(f, "jsonl") != 0) {
		ent_cli_usage_error(cli, "--format must be jsonl, text or brief, not '%s'", f);
		return ENT_EXIT_USAGE;
	}
	if ((rc = ent_cli_inputs_init(cli, a, &in, NULL)) != 0)
		return rc;
	if ((rc = ent_cli_dicts_init(cli, a, &dicts)) != 0) {
		ent_cli_dicts_free(&dicts);
		return rc;
	}
	if (ent_actors_new(&st.rec, cli->ctx, dicts.dict, dicts.st) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		ent_cli_dicts_free(&dicts);
		return ENT_EXIT_INPUT;
	}
	rc = ent_cli_inputs_each(cli, &in, on_doc, &st);
	if (st.out.len)
		fwrite(st.out.data, 1, st.out.len, cli->out);
	ent_buf_free(&st.out);
	ent_actors_free(st.rec);
	ent_cli_dicts_free(&dicts);
	return rc < 0 || cli->input_errors ? ENT_EXIT_INPUT : ENT_EXIT_OK;
}

static int run_actors(ent_cli *cli, ent_cli_args *a)
{
	return run_what(cli, a, WHAT_ACTORS);
}

static int run_places(ent_cli *cli, ent_cli_args *a)
{
	return run_what(cli, a, WHAT_PLACES);
}

static int run_glossary(ent_cli *cli, ent_cli_args *a)
{
	return run_what(cli, a, WHAT_GLOSSARY);
}

const ent_cli_command ent_cmd_actors = {
	"actors",
	"find who is who: one record per actor phrase, with its CAMEO code",
	"[options] [FILE...]",
	"Recognises states, governments, office holders, organisations and roles "
	"in each sentence, as of the article date (--date for plain text; "
	"default today).  --format jsonl prints {\"doc\", \"sentence\", \"start\", "
	"\"end\", \"text\", \"code\", \"country\", \"cow\", \"via\", \"kind\"} per "
	"maximal actor phrase in text order: start/end are byte offsets in the "
	"original input, text the (repaired) phrase, code the CAMEO actor code "
	"(\"North Korean leader Kim Jong-un\" is one record, PRKGOV), country its "
	"ISO alpha-3 (null for organisations), cow the Correlates of War code, and "
	"via how it was resolved: a dictionary FILE:LINE, or metonym (a capital "
	"for its government), pronoun, plural (one record per referent) or "
	"context.  Rules in docs/dictionaries.md.",
	options,
	run_actors
};

const ent_cli_command ent_cmd_places = {
	"places",
	"find the places named in the news: capitals, bases, islands, straits",
	"[options] [FILE...]",
	"Prints {\"doc\", \"sentence\", \"start\", \"end\", \"text\", \"place\", "
	"\"kind\", \"country\", \"lat\", \"lon\", \"actor\", \"glossary\", \"via\"} "
	"per place found through the gazetteer (data/places.tsv) or the "
	"machine-translation glossary.  actor is true when the name stands for "
	"its government (\"Pyongyang said\") rather than a location (\"in "
	"Pyongyang\").",
	options,
	run_places
};

const ent_cli_command ent_cmd_glossary = {
	"glossary",
	"find literal machine-translation renderings and what they mean",
	"[options] [FILE...]",
	"Prints {\"doc\", \"sentence\", \"start\", \"end\", \"text\", \"meaning\", "
	"\"kind\", \"via\"} for each rendering of data/actors/glossary.tsv found in "
	"the text (\"Oriental Space launcher\" -> Vostochny Cosmodrome, \"crown "
	"disease\" -> COVID-19).",
	options,
	run_glossary
};
