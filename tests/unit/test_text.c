/*
 * test_text.c - the text stage: offset maps, normalisation, repairs,
 * sentences, tokens, documents (incl. a generated 10 MB one and the size
 * limit), the readers, and clean failure under every allocation failure.
 */
#define ENT_HARNESS_IMPL
#include "harness.h"

#include "entente.h"
#include "text/offmap.h"
#include "text/text_internal.h"
#include "util/alloc.h"

typedef struct {
	int n;
	char last[512];
} diag_log;

static void on_diag(const ent_diag *d, void *p)
{
	diag_log *l = p;
	l->n++;
	snprintf(l->last, sizeof l->last, "%s:%ld: %s", d->file ? d->file : "",
	         d->line, d->message);
}

static ent_doc *mkdoc(ent_ctx *ctx, const char *text, size_t len)
{
	ent_article a;
	ent_doc *d = NULL;
	memset(&a, 0, sizeof a);
	a.id = "t";
	a.text = text;
	a.text_len = len;
	a.date = 0;
	if (ent_doc_new(&d, ctx, &a, NULL, 0) < 0)
		return NULL;
	return d;
}

/* The sentence texts joined by '|'. */
static void sentences(char *out, size_t cap, ent_doc *d)
{
	size_t i, k = 0;
	out[0] = '\0';
	for (i = 0; i < ent_doc_sentence_count(d); i++) {
		ent_sentence s;
		ent_doc_sentence(d, i, &s);
		k += (size_t)snprintf(out + k, cap - k, "%s%.*s", i ? "|" : "",
		                      (int)s.len, s.text);
		if (k >= cap)
			break;
	}
}

ENT_TEST(offmap_lookup)
{
	ent_offmap m;
	ent_offmap_init(&m);
	/* "Kim Jong -un" -> "Kim Jong-un" */
	ENT_CHECK(ent_offmap_copy(&m, 0, 8) == 0);
	ENT_CHECK(ent_offmap_copy(&m, 9, 3) == 0);
	ENT_CHECK_INT(m.n, 2);
	ENT_CHECK_INT(ent_offmap_start(&m, 4), 4);
	ENT_CHECK_INT(ent_offmap_start(&m, 8), 9);
	ENT_CHECK_INT(ent_offmap_end(&m, 8), 8);
	ENT_CHECK_INT(ent_offmap_end(&m, 11), 12);
	ENT_CHECK_INT(ent_offmap_end(&m, 0), 0);
	/* merging of adjacent copies */
	ent_offmap_clear(&m);
	ent_offmap_copy(&m, 0, 3);
	ent_offmap_copy(&m, 3, 3);
	ENT_CHECK_INT(m.n, 1);
	ent_offmap_unput(&m, 2);
	ENT_CHECK_INT(m.out_total, 4);
	ent_offmap_destroy(&m);
}

ENT_TEST(offmap_compose)
{
	ent_offmap a, b, c;
	ent_offmap_init(&a);
	ent_offmap_init(&b);
	ent_offmap_init(&c);
	/* A: "xé y" from "xe\xcc\x81 y": x copy, é replace (3 -> 2), " y" copy */
	ent_offmap_copy(&a, 0, 1);
	ent_offmap_replace(&a, 1, 3, 2);
	ent_offmap_copy(&a, 4, 2);
	/* B: drop the space: "xéy" */
	ent_offmap_copy(&b, 0, 3);
	ent_offmap_copy(&b, 4, 1);
	ENT_CHECK(ent_offmap_compose(&c, &b, &a) == 0);
	ENT_CHECK_INT(ent_offmap_start(&c, 0), 0);
	ENT_CHECK_INT(ent_offmap_start(&c, 1), 1);
	ENT_CHECK_INT(ent_offmap_end(&c, 3), 4);
	ENT_CHECK_INT(ent_offmap_start(&c, 3), 5);
	ENT_CHECK_INT(ent_offmap_end(&c, 4), 6);
	ent_offmap_destroy(&a);
	ent_offmap_destroy(&b);
	ent_offmap_destroy(&c);
}

ENT_TEST(offsets_point_into_original)
{
	ent_ctx *ctx;
	const char *in = "  Kim Jong -un arrived.During the visit , he met Putin.";
	ent_doc *d;
	ent_sentence s;
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, in, strlen(in));
	ENT_CHECK(d != NULL);
	ENT_CHECK_INT(ent_doc_sentence_count(d), 2);
	ent_doc_sentence(d, 0, &s);
	ENT_CHECK_MEM(s.text, s.len, "Kim Jong-un arrived.");
	ENT_CHECK_INT(s.start, 2);
	ENT_CHECK_INT(s.end, 23);
	ENT_CHECK_MEM(in + s.start, s.end - s.start, "Kim Jong -un arrived.");
	ent_doc_sentence(d, 1, &s);
	ENT_CHECK_MEM(s.text, s.len, "During the visit, he met Putin.");
	ENT_CHECK_MEM(in + s.start, s.end - s.start,
	              "During the visit , he met Putin.");
	{
		const ent_token *t;
		size_t n;
		ENT_CHECK(ent_doc_tokens(&t, &n, d, 0) == 0);
		ENT_CHECK_INT(n, 4);
		ENT_CHECK_MEM(t[1].text, t[1].len, "Jong-un");
		ENT_CHECK_MEM(in + t[1].start, t[1].end - t[1].start, "Jong -un");
		ENT_CHECK_STR(t[1].fold, "jong-un");
		ENT_CHECK(t[0].flags & ENT_TOKF_CAP);
		ENT_CHECK_INT(t[3].shape, ENT_TOK_PUNCT);
	}
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

ENT_TEST(invalid_utf8_warns_once_and_maps)
{
	ent_ctx *ctx;
	diag_log log = {0, ""};
	const char in[] = "Bad \xff\xfe bytes \xc3 here. And\x00 a NUL.";
	ent_doc *d;
	ent_sentence s;
	ent_ctx_new(&ctx);
	ent_ctx_set_diag(ctx, on_diag, &log);
	d = mkdoc(ctx, in, sizeof in - 1);
	ENT_CHECK(d != NULL);
	ENT_CHECK_INT(log.n, 1);
	ENT_CHECK(strstr(log.last, "3 invalid UTF-8 sequences") != NULL);
	ENT_CHECK_INT(ent_doc_stats(d)->invalid_utf8, 3);
	ENT_CHECK_INT(ent_doc_stats(d)->nul_bytes, 1);
	ENT_CHECK_INT(ent_doc_sentence_count(d), 2);
	ent_doc_sentence(d, 0, &s);
	ENT_CHECK_MEM(s.text, s.len, "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes \xEF\xBF\xBD here.");
	ENT_CHECK_INT(s.start, 0);
	ENT_CHECK_INT(s.end, 20);
	ent_doc_sentence(d, 1, &s);
	ENT_CHECK_MEM(s.text, s.len, "And a NUL.");
	ENT_CHECK_INT(s.start, 21);
	ENT_CHECK_INT(s.end, sizeof in - 1);
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

ENT_TEST(nfc_composes_and_keeps_offsets)
{
	ent_ctx *ctx;
	/* e + COMBINING ACUTE, and OHM SIGN (singleton -> GREEK OMEGA) */
	const char in[] = "Caf" "e\xcc\x81" " and \xe2\x84\xa6 here.";
	ent_doc *d;
	const ent_token *t;
	size_t n;
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, in, sizeof in - 1);
	ENT_CHECK(d != NULL);
	ENT_CHECK_INT(ent_doc_stats(d)->nfc_changes, 2);
	ENT_CHECK(ent_doc_tokens(&t, &n, d, 0) == 0);
	ENT_CHECK_MEM(t[0].text, t[0].len, "Caf\xc3\xa9");
	ENT_CHECK_INT(t[0].start, 0);
	ENT_CHECK_INT(t[0].end, 6);
	ENT_CHECK_MEM(t[2].text, t[2].len, "\xce\xa9");
	ENT_CHECK_MEM(in + t[2].start, t[2].end - t[2].start, "\xe2\x84\xa6");
	ENT_CHECK_STR(t[2].fold, "\xcf\x89");
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

ENT_TEST(precomposed_text_is_untouched)
{
	ent_ctx *ctx;
	const char *in = "Erdoğan met Zelenskyy in Kyiv. Россия и 북한은 俄罗斯.";
	ent_doc *d;
	char buf[512];
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, in, strlen(in));
	ENT_CHECK(d != NULL);
	ENT_CHECK_INT(ent_doc_stats(d)->nfc_changes, 0);
	sentences(buf, sizeof buf, d);
	ENT_CHECK_STR(buf, "Erdoğan met Zelenskyy in Kyiv.|Россия и 북한은 俄罗斯.");
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

ENT_TEST(tokens_shapes_and_folds)
{
	ent_ctx *ctx;
	const char *in = "The U.S. didn't sell Russia's 1,000 F-16s “today” "
	                 "— 3.5% 朝鲜和俄罗斯 ÉTAT!";
	ent_doc *d;
	const ent_token *t;
	size_t n, i;
	char buf[1024];
	size_t k = 0;
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, in, strlen(in));
	ENT_CHECK(ent_doc_tokens(&t, &n, d, 0) == 0);
	for (i = 0; i < n; i++)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s/%d", i ? " " : "",
		                      t[i].fold, t[i].shape);
	ENT_CHECK_STR(buf, "the/1 u.s./1 did/1 n't/1 sell/1 russia/1 's/1 1,000/2 "
	                   "f-16s/1 \"/3 today/1 \"/3 -/3 3.5/2 %/3 朝鲜和俄罗斯/1 "
	                   "état/1 !/3");
	ENT_CHECK(t[1].flags & ENT_TOKF_ALLCAPS);
	ENT_CHECK(t[15].flags & ENT_TOKF_CJK);
	ENT_CHECK(t[16].flags & ENT_TOKF_ALLCAPS);
	ENT_CHECK(!(t[6].flags & ENT_TOKF_SPACE));
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

ENT_TEST(fold_helpers)
{
	char buf[64];
	char *p;
	size_t n;
	const char *in = "“Kim’s” — ＡＢＣ…";
	ENT_CHECK_INT(ent_text_fold(buf, sizeof buf, in, strlen(in)), 16);
	ENT_CHECK_STR(buf, "\"kim's\" - abc...");
	ENT_CHECK_INT(ent_text_fold(buf, 4, "HELLO", 5), 5); /* truncated */
	ENT_CHECK_STR(buf, "hel");
	ENT_CHECK(ent_text_fold_alloc(&p, &n, "STRAẞE", strlen("STRAẞE")) == 0);
	ENT_CHECK_STR(p, "strasse");
	ent_text_free(p);
}

ENT_TEST(ten_megabyte_document)
{
	ent_ctx *ctx;
	size_t len = 10u << 20, i = 0, k = 0;
	char *in = malloc(len);
	static const char *parts[] = {
		"Kim Jong -un met Putin.During the talks , they agreed. ",
		"The U.S. said 3.5 percent rose on Jan. 5 in Seoul. ",
		"Россия и Китай. 北朝鲜。 ",
		"  Runs   of   spaces here!\n\n"};
	ent_doc *d;
	while (i < len) {
		const char *p = parts[k++ % 4];
		size_t l = strlen(p);
		if (i + l > len)
			l = len - i;
		memcpy(in + i, p, l);
		i += l;
	}
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, in, len);
	ENT_CHECK(d != NULL);
	if (d) {
		size_t ns = ent_doc_sentence_count(d), j;
		ent_sentence s, prev;
		ENT_CHECK(ns > 355000 && ns < 370000);
		if (ns <= 355000 || ns >= 370000)
			fprintf(stderr, "sentences: %zu\n", ns);
		/* spans are ordered, inside the input, and non-overlapping */
		for (j = 0; j < ns; j++) {
			ent_doc_sentence(d, j, &s);
			ENT_CHECK(s.start < s.end && s.end <= len);
			if (j)
				ENT_CHECK(s.start >= prev.end);
			prev = s;
			if (ent_test_failed_)
				break;
		}
		ENT_CHECK(ent_doc_stats(d)->hyphen_spaces > 10000);
	}
	ent_doc_free(d);
	ent_ctx_free(ctx);
	free(in);
}

ENT_TEST(document_over_the_limit)
{
	ent_ctx *ctx;
	ent_article a;
	ent_doc *d = (ent_doc *)1;
	memset(&a, 0, sizeof a);
	a.id = "big";
	a.text = "0123456789";
	a.text_len = 10;
	ent_ctx_new(&ctx);
	ENT_CHECK(ent_doc_new(&d, ctx, &a, NULL, 9) == ENT_ELIMIT);
	ENT_CHECK(d == NULL);
	ENT_CHECK_STR(ent_errmsg(ctx), "document 'big' is 10 bytes, over the limit of "
	                               "9 (--max-doc-bytes)");
	ENT_CHECK(ent_doc_new(&d, ctx, &a, NULL, 10) == 0);
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

ENT_TEST(long_sentence_is_cut)
{
	ent_ctx *ctx;
	size_t len = 1 << 20, i;
	char *in = malloc(len);
	ent_doc *d;
	for (i = 0; i < len; i++)
		in[i] = (i % 7 == 6) ? ' ' : 'a';
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, in, len);
	ENT_CHECK(d != NULL);
	ENT_CHECK(ent_doc_sentence_count(d) >= len / 4096);
	for (i = 0; i < ent_doc_sentence_count(d); i++) {
		ent_sentence s;
		ent_doc_sentence(d, i, &s);
		ENT_CHECK(s.len <= 4096);
	}
	ent_doc_free(d);
	ent_ctx_free(ctx);
	free(in);
}

ENT_TEST(empty_and_blank)
{
	ent_ctx *ctx;
	ent_doc *d;
	ent_ctx_new(&ctx);
	d = mkdoc(ctx, "", 0);
	ENT_CHECK(d && ent_doc_sentence_count(d) == 0);
	ent_doc_free(d);
	d = mkdoc(ctx, " \n\n \t ", 6);
	ENT_CHECK(d && ent_doc_sentence_count(d) == 0);
	ent_doc_free(d);
	ent_ctx_free(ctx);
}

/* ---- readers ---- */

ENT_TEST(jsonl_reader_reports_and_skips)
{
	ent_ctx *ctx;
	diag_log log = {0, ""};
	ent_reader *r;
	ent_article a;
	const char *in =
		"{\"id\":\"a\",\"date\":\"2023-09-13\",\"text\":\"One.\"}\r\n"
		"\n"
		"{\"id\":\"b\",\"date\":\"2023-13-01\",\"text\":\"x\"}\n"
		"{\"id\":\"c\",\"date\":\"2023-09-13\"}\n"
		"not json\n"
		"{\"id\":7,\"date\":\"2024-01-02\",\"text\":\"Two.\",\"title\":3}\n";
	int n = 0;
	ent_ctx_new(&ctx);
	ent_ctx_set_diag(ctx, on_diag, &log);
	ENT_CHECK(ent_reader_open_memory(&r, ctx, in, strlen(in), "in.jsonl", NULL) == 0);
	while (ent_reader_next(r, &a) == 1) {
		n++;
		if (n == 1) {
			ENT_CHECK_STR(a.id, "a");
			ENT_CHECK_INT(a.line, 1);
		} else {
			ENT_CHECK_STR(a.id, "7");
			ENT_CHECK_INT(a.line, 6);
			ENT_CHECK(a.title == NULL);
		}
	}
	ENT_CHECK_INT(n, 2);
	ENT_CHECK_INT(ent_reader_kind(r), ENT_INPUT_JSONL);
	ENT_CHECK_INT(ent_reader_skipped(r), 3);
	ENT_CHECK_INT(log.n, 4); /* 3 errors + 1 warning (title) */
	ENT_CHECK_STR(log.last, "in.jsonl:6: \"title\" should be a string, not "
	                        "number; ignored");
	ent_reader_free(r);
	ent_ctx_free(ctx);
}

ENT_TEST(text_reader_and_limit)
{
	ent_ctx *ctx;
	diag_log log = {0, ""};
	ent_reader *r;
	ent_article a;
	ent_reader_options o = ENT_READER_OPTIONS_INIT;
	ent_ctx_new(&ctx);
	ent_ctx_set_diag(ctx, on_diag, &log);
	ent_date_parse(&o.default_date, "2023-09-13", 10);
	ENT_CHECK(ent_reader_open_memory(&r, ctx, "Plain text. Two.", 16, "doc.txt",
	                                 &o) == 0);
	ENT_CHECK(ent_reader_next(r, &a) == 1);
	ENT_CHECK_STR(a.id, "doc.txt");
	ENT_CHECK(a.date == o.default_date);
	ENT_CHECK(ent_reader_next(r, &a) == 0);
	ent_reader_free(r);
	o.max_doc_bytes = 5;
	ENT_CHECK(ent_reader_open_memory(&r, ctx, "Plain text.", 11, "big.txt", &o) == 0);
	ENT_CHECK(ent_reader_next(r, &a) == 0);
	ENT_CHECK_STR(log.last, "big.txt:0: document 'big.txt' is 11 bytes, over the "
	                        "limit of 5 (--max-doc-bytes); skipped");
	ent_reader_free(r);
	ent_ctx_free(ctx);
}

ENT_TEST(stream_reader_big_jsonl_line_is_bounded)
{
	ent_ctx *ctx;
	diag_log log = {0, ""};
	ent_reader *r;
	ent_article a;
	ent_reader_options o = ENT_READER_OPTIONS_INIT;
	FILE *fp = tmpfile();
	size_t i;
	int n = 0;
	ent_ctx_new(&ctx);
	ent_ctx_set_diag(ctx, on_diag, &log);
	o.max_doc_bytes = 1000; /* line cap = 2000 + 1 MiB */
	fputs("{\"id\":\"big\",\"date\":\"2023-01-01\",\"text\":\"", fp);
	for (i = 0; i < (3u << 20); i++)
		fputc('a', fp);
	fputs("\"}\n{\"id\":\"ok\",\"date\":\"2023-01-01\",\"text\":\"fine\"}\n", fp);
	rewind(fp);
	ENT_CHECK(ent_reader_open_stream(&r, ctx, fp, "s.jsonl", &o) == 0);
	while (ent_reader_next(r, &a) == 1) {
		n++;
		ENT_CHECK_STR(a.id, "ok");
		ENT_CHECK_INT(a.line, 2);
	}
	ENT_CHECK_INT(n, 1);
	ENT_CHECK(strstr(log.last, "s.jsonl:1: line is over") != NULL);
	ent_reader_free(r);
	fclose(fp);
	ent_ctx_free(ctx);
}

ENT_TEST(missing_file)
{
	ent_ctx *ctx;
	ent_reader *r = (ent_reader *)1;
	ent_ctx_new(&ctx);
	ENT_CHECK(ent_reader_open(&r, ctx, "/nonexistent/x.jsonl", NULL) == ENT_EIO);
	ENT_CHECK(r == NULL);
	ENT_CHECK_STR(ent_errmsg(ctx), "/nonexistent/x.jsonl: No such file or directory");
	ent_ctx_free(ctx);
}

/* Every allocation in the text stage may fail: the call must report
 * ENT_ENOMEM and leak nothing (ASan checks the leaks). */
ENT_TEST(allocation_failures_are_clean)
{
	const char in[] = "Kim Jong -un arrived.During the visit , he met "
	                  "Putin. Caf" "e\xcc\x81 \xff here.\n\nNext para.";
	ent_ctx *ctx;
	long total, k;
	ent_ctx_new(&ctx);
	ent_alloc_fail_after(-1);
	{
		ent_doc *d = mkdoc(ctx, in, sizeof in - 1);
		const ent_token *t;
		size_t n;
		ENT_CHECK(d != NULL);
		ent_doc_tokens(&t, &n, d, 0);
		ent_doc_free(d);
	}
	total = ent_alloc_fail_after(-1);
	ENT_CHECK(total > 5);
	for (k = 0; k < total; k++) {
		ent_doc *d;
		ent_article a;
		int rc;
		memset(&a, 0, sizeof a);
		a.id = "t";
		a.text = in;
		a.text_len = sizeof in - 1;
		ent_alloc_fail_after(k);
		rc = ent_doc_new(&d, ctx, &a, NULL, 0);
		if (rc == 0) {
			const ent_token *t;
			size_t n;
			rc = ent_doc_tokens(&t, &n, d, 0);
			ent_doc_free(d);
		}
		ent_alloc_fail_after(-1);
		ENT_CHECK(rc == 0 || rc == ENT_ENOMEM);
	}
	ent_ctx_free(ctx);
}

/* Tokens of sentence i of two documents, fast paths on for a and off for
 * b, are identical. */
static int same_tokens(ent_doc *a, ent_doc *b, size_t i)
{
	const ent_token *ta, *tb;
	size_t na, nb, k;
	ent_token *copy;
	int ok = 1;
	ent_text_slow_paths = 0;
	if (ent_doc_tokens(&ta, &na, a, i) < 0)
		return 0;
	copy = malloc((na ? na : 1) * sizeof *copy);
	if (!copy)
		return 0;
	memcpy(copy, ta, na * sizeof *copy);
	ent_text_slow_paths = 1;
	if (ent_doc_tokens(&tb, &nb, b, i) < 0)
		ok = 0;
	ent_text_slow_paths = 0;
	if (ok && na != nb)
		ok = 0;
	for (k = 0; ok && k < na; k++)
		if (copy[k].start != tb[k].start || copy[k].end != tb[k].end ||
		    copy[k].len != tb[k].len || copy[k].shape != tb[k].shape ||
		    copy[k].flags != tb[k].flags || copy[k].fold_len != tb[k].fold_len ||
		    memcmp(copy[k].fold, tb[k].fold, tb[k].fold_len) != 0)
			ok = 0;
	free(copy);
	return ok;
}

/* The fast paths of repair and segment change nothing: the bundled
 * samples give byte-identical text, sentences and offsets either way. */
ENT_TEST(fast_paths_change_nothing)
{
	const ent_builtin_file *f = ent_builtin_find("samples/articles.jsonl");
	ent_ctx *ctx;
	ent_reader *r;
	ent_article a;
	int docs = 0;
	ent_ctx_new(&ctx);
	ENT_CHECK(f != NULL);
	if (!f)
		return;
	ENT_CHECK(ent_reader_open_memory(&r, ctx, f->data, f->len, f->name, NULL) == 0);
	while (ent_reader_next(r, &a) == 1) {
		ent_doc *fast = NULL, *slow = NULL;
		size_t i, la, lb;
		ent_text_slow_paths = 0;
		ent_doc_new(&fast, ctx, &a, NULL, 0);
		ent_text_slow_paths = 1;
		ent_doc_new(&slow, ctx, &a, NULL, 0);
		ent_text_slow_paths = 0;
		ENT_CHECK(fast && slow);
		if (!fast || !slow)
			break;
		ENT_CHECK(strcmp(ent_doc_text(fast, &la), ent_doc_text(slow, &lb)) == 0);
		ENT_CHECK_INT(ent_doc_sentence_count(fast), ent_doc_sentence_count(slow));
		for (i = 0; i < ent_doc_sentence_count(fast) && i < ent_doc_sentence_count(slow); i++) {
			ent_sentence s1, s2;
			ent_doc_sentence(fast, i, &s1);
			ent_doc_sentence(slow, i, &s2);
			ENT_CHECK(s1.start == s2.start && s1.end == s2.end && s1.len == s2.len);
			ENT_CHECK(same_tokens(fast, slow, i));
		}
		ent_doc_free(fast);
		ent_doc_free(slow);
		docs++;
	}
	ENT_CHECK_INT(docs, 36);
	ent_reader_free(r);
	ent_ctx_free(ctx);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
