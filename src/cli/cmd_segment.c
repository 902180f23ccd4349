/*
 * cmd_segment.c - `entente segment`: the text stage on its own.  Prints the
 * repaired sentences (jsonl or text) or the tokens of each sentence
 * (tokens), each with byte offsets into the original input.
 */
#include "cli/cli.h"
#include "util/buf.h"

#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: jsonl (default), text or tokens",
	 "jsonl|text|tokens", 0},
	ENT_CLI_INPUT_OPTIONS,
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

typedef struct {
	int format; /* 0 jsonl, 1 text, 2 tokens */
	ent_buf out;
} seg_state;

static const char *shape_name(int s)
{
	switch (s) {
	case ENT_TOK_WORD: return "word";
	case ENT_TOK_NUMBER: return "number";
	case ENT_TOK_PUNCT: return "punct";
	default: return "other";
	}
}

static int on_doc(ent_cli *cli, ent_doc *doc, const ent_article *art,
                  void *payload)
{
	seg_state *st = payload;
	size_t i, n = ent_doc_sentence_count(doc);
	const char *id = ent_doc_id(doc);
	size_t idlen = strlen(id);
	(void)art;
	for (i = 0; i < n; i++) {
		ent_sentence s;
		ent_doc_sentence(doc, i, &s);
		if (st->format == 1) {
			ent_buf_put(&st->out, s.text, s.len);
			ent_buf_putc(&st->out, '\n');
		} else if (st->format == 0) {
			ent_buf_put(&st->out, "{\"doc\":", 7);
			ent_buf_json_str(&st->out, id, idlen);
			ent_buf_put(&st->out, ",\"sentence\":", 12);
			ent_buf_put_uint(&st->out, i);
			ent_buf_put(&st->out, ",\"start\":", 9);
			ent_buf_put_uint(&st->out, s.start);
			ent_buf_put(&st->out, ",\"end\":", 7);
			ent_buf_put_uint(&st->out, s.end);
			ent_buf_put(&st->out, ",\"text\":", 8);
			ent_buf_json_str_valid(&st->out, s.text, s.len);
			ent_buf_put(&st->out, "}\n", 2);
		} else {
			const ent_token *t;
			size_t k, nt;
			if (ent_doc_tokens(&t, &nt, doc, i) < 0) {
				ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
				return -1;
			}
			for (k = 0; k < nt; k++) {
				ent_buf_put(&st->out, "{\"doc\":", 7);
				ent_buf_json_str(&st->out, id, idlen);
				ent_buf_put(&st->out, ",\"sentence\":", 12);
				ent_buf_put_uint(&st->out, i);
				ent_buf_put(&st->out, ",\"token\":", 9);
				ent_buf_put_uint(&st->out, k);
				ent_buf_put(&st->out, ",\"start\":", 9);
				ent_buf_put_uint(&st->out, t[k].start);
				ent_buf_put(&st->out, ",\"end\":", 7);
				ent_buf_put_uint(&st->out, t[k].end);
				ent_buf_put(&st->out, ",\"text\":", 8);
				ent_buf_json_str_valid(&st->out, t[k].text, t[k].len);
				ent_buf_put(&st->out, ",\"fold\":", 8);
				ent_buf_json_str_valid(&st->out, t[k].fold, t[k].fold_len);
				ent_buf_put(&st->out, ",\"shape\":\"", 10);
				ent_buf_puts(&st->out, shape_name(t[k].shape));
				ent_buf_puts(&st->out, (t[k].flags & ENT_TOKF_SPACE)
				                           ? "\",\"space\":true}\n"
				                           : "\",\"space\":false}\n");
			}
		}
		if (st->out.len > 1 << 16) {
			fwrite(st->out.data, 1, st->out.len, cli->out);
			ent_buf_clear(&st->out);
		}
	}
	if (st->out.oom) {
		ent_cli_error(cli, "out of memory");
		return -1;
	}
	return 0;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_inputs in;
	seg_state st;
	const char *f = ent_cli_get(a, "format");
	int rc;

	memset(&st, 0, sizeof st);
	if (f && strcmp(f, "text") == 0)
		st.format = 1;
	else if (f && strcmp(f, "tokens") == 0)
		st.format = 2;
	if ((rc = ent_cli_inputs_init(cli, a, &in, NULL)) != 0)
		return rc;
	rc = ent_cli_inputs_each(cli, &in, on_doc, &st);
	if (st.out.len)
		fwrite(st.out.data, 1, st.out.len, cli->out);
	ent_buf_free(&st.out);
	return rc < 0 ? ENT_EXIT_INPUT : ENT_EXIT_OK;
}

const ent_cli_command ent_cmd_segment = {
	"segment",
	"split documents into repaired sentences (or tokens) with byte offsets",
	"[options] [FILE...]",
	"Runs the text stage: UTF-8 validation (bad bytes become U+FFFD), NFC, "
	"repair of machine-translation artifacts (\"Kim Jong -un\", "
	"\"East.During\"), sentence segmentation.  --format jsonl prints "
	"{\"doc\", \"sentence\", \"start\", \"end\", \"text\"} per sentence, where "
	"start/end are byte offsets in the original input and text is the "
	"repaired sentence.",
	options,
	run
};
