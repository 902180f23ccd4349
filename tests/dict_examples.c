/*
 * dict_examples.c - the built-in event dictionary tests itself: every line
 * of data/events/entente.verbs whose comment has "eg: SENTENCE" must code
 * SENTENCE (built-in actors and verbs, default mode, as of 2024-06-01)
 * to an asserted event whose code is the line's code and that this very
 * line produced.  Prints each failure with the events it got instead.
 *
 * Usage: dict_examples FILE.verbs [--verbose]
 */
#include "entente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	long n;
	char *s;
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(fp);
	return s;
}

int main(int argc, char **argv)
{
	ent_ctx *ctx = NULL;
	ent_dict *actors = NULL;
	ent_states *st = NULL;
	ent_evdict *ev = NULL;
	ent_coder *c = NULL;
	char *data, *line, *save = NULL;
	long lineno = 0, tried = 0, failed = 0;
	int verbose = argc > 2 && strcmp(argv[2], "--verbose") == 0;
	const char *base;

	if (argc < 2) {
		fprintf(stderr, "usage: dict_examples FILE.verbs [--verbose]\n");
		return 2;
	}
	base = strrchr(argv[1], '/');
	base = base ? base + 1 : argv[1];
	if (!(data = slurp(argv[1]))) {
		fprintf(stderr, "%s: cannot read\n", argv[1]);
		return 1;
	}
	if (ent_ctx_new(&ctx) < 0 || ent_states_load(&st, ctx) < 0 ||
	    ent_dict_new(&actors, ctx, NULL) < 0 || ent_dict_add_builtin(actors) < 0 ||
	    ent_dict_finish(actors) < 0 || ent_evdict_new(&ev, ctx, NULL) < 0 ||
	    ent_evdict_add_builtin(ev) < 0 ||
	    ent_coder_new(&c, ctx, ev, actors, st, NULL) < 0) {
		fprintf(stderr, "setup: %s\n", ent_errmsg(ctx));
		return 1;
	}
	for (line = data; line && *line; line = save) {
		char *eg = strstr(line, "eg: "), *open, *close, code[16];
		ent_article art;
		ent_doc *doc = NULL;
		size_t i, n;
		int ok = 0;
		lineno++;
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		eg = strstr(line, "eg: ");
		if (!eg || line[0] == '#')
			continue;
		open = strchr(line, '[');
		close = open ? strchr(open, ']') : NULL;
		if (!open || !close || close - open - 1 >= (long)sizeof code || close > eg) {
			printf("%s:%ld: an example on a line without a [code]\n", base, lineno);
			failed++;
			continue;
		}
		memcpy(code, open + 1, (size_t)(close - open - 1));
		code[close - open - 1] = '\0';
		eg += 4;
		memset(&art, 0, sizeof art);
		art.id = "eg";
		ent_date_parse(&art.date, "2024-06-01", 10);
		art.text = eg;
		art.text_len = strlen(eg);
		tried++;
		if (ent_doc_new(&doc, ctx, &art, NULL, 0) < 0 ||
		    ent_coder_run(c, doc, art.date) < 0) {
			fprintf(stderr, "%s\n", ent_errmsg(ctx));
			return 1;
		}
		n = ent_coder_count(c);
		for (i = 0; i < n && !ok; i++) {
			const ent_event *e = ent_coder_get(c, i);
			const char *pf = e->pattern_file ? strrchr(e->pattern_file, '/') : NULL;
			pf = pf ? pf + 1 : e->pattern_file;
			ok = !e->negated && !e->hypothetical && strcmp(e->code, code) == 0 &&
			     pf && strcmp(pf, base) == 0;
		}
		if (!ok || verbose) {
			printf("%s:%ld: %s [%s] \"%s\" got:", base, lineno, ok ? "ok" : "FAIL",
			       code, eg);
			for (i = 0; i < n; i++) {
				const ent_event *e = ent_coder_get(c, i);
				printf(" %s>%s:%s@%ld%s", e->source, e->target, e->code,
				       e->pattern_line,
				       e->negated || e->hypothetical ? "(flagged)" : "");
			}
			printf("%s\n", n ? "" : " nothing");
		}
		failed += !ok;
		ent_doc_free(doc);
	}
	printf("%ld examples, %ld failed\n", tried, failed);
	ent_coder_free(c);
	ent_evdict_free(ev);
	ent_dict_free(actors);
	ent_states_free(st);
	ent_ctx_free(ctx);
	free(data);
	return failed || tried == 0 ? 1 : 0;
}
