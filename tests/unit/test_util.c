/*
 * test_util.c - allocation wrapper, arena, buffer and JSON writer, dates,
 * and the flat JSON reader.
 */
#define ENT_HARNESS_IMPL
#include "harness.h"

#include "entente.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

ENT_TEST(alloc_fail_after)
{
	void *a, *b, *c;
	ent_alloc_fail_after(2);
	a = ent_malloc(10);
	b = ent_malloc(10);
	c = ent_malloc(10);
	ENT_CHECK(a != NULL);
	ENT_CHECK(b != NULL);
	ENT_CHECK(c == NULL);
	ENT_CHECK(ent_strdup("x") == NULL);
	ent_alloc_fail_after(-1);
	ent_free(a);
	ent_free(b);
	c = ent_malloc(1);
	ENT_CHECK(c != NULL);
	ent_free(c);
}

ENT_TEST(arena_alloc_reset)
{
	ent_arena a;
	int i;
	char *s;
	ent_arena_init(&a, 256);
	for (i = 0; i < 1000; i++) {
		char *p = ent_arena_alloc(&a, 100);
		ENT_CHECK(p != NULL);
		ENT_CHECK(((size_t)p & 7) == 0);
		memset(p, 'x', 100);
	}
	ENT_CHECK(a.used_total == 100000);
	s = ent_arena_strndup(&a, "hello world", 5);
	ENT_CHECK_STR(s, "hello");
	ent_arena_reset(&a);
	ENT_CHECK(a.used_total == 0);
	ENT_CHECK(ent_arena_alloc(&a, 10) != NULL);
	ent_arena_destroy(&a);
	ent_arena_destroy(&a); /* twice is fine */
}

ENT_TEST(arena_big_allocation)
{
	ent_arena a;
	char *p;
	ent_arena_init(&a, 256);
	p = ent_arena_alloc(&a, 1 << 20);
	ENT_CHECK(p != NULL);
	p[(1 << 20) - 1] = 1;
	ent_arena_reset(&a);
	ent_arena_destroy(&a);
}

ENT_TEST(buf_json_escapes)
{
	ent_buf b = ENT_BUF_INIT;
	ent_buf_json_str(&b, "a\"b\\c\n\t\x01", 8);
	ENT_CHECK_STR(ent_buf_cstr(&b), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
	ent_buf_clear(&b);
	/* invalid UTF-8 becomes U+FFFD; valid passes through */
	ent_buf_json_str(&b, "\xff\xc3\xa9", 3);
	ENT_CHECK_STR(ent_buf_cstr(&b), "\"\xEF\xBF\xBD\xc3\xa9\"");
	ent_buf_clear(&b);
	ent_buf_json_cstr(&b, NULL);
	ENT_CHECK_STR(ent_buf_cstr(&b), "null");
	ent_buf_clear(&b);
	ent_buf_json_num(&b, 1.5);
	ent_buf_putc(&b, ' ');
	ent_buf_json_num(&b, -3);
	ent_buf_putc(&b, ' ');
	ent_buf_json_num(&b, 0.1234567);
	ENT_CHECK_STR(ent_buf_cstr(&b), "1.5 -3 0.123457");
	ent_buf_free(&b);
}

ENT_TEST(buf_sv_fields)
{
	ent_buf b = ENT_BUF_INIT;
	ent_buf_sv_field(&b, "a,b", 3, ',');
	ent_buf_putc(&b, '|');
	ent_buf_sv_field(&b, "say \"hi\"", 8, ',');
	ent_buf_putc(&b, '|');
	ent_buf_sv_field(&b, "a\tb\nc", 5, '\t');
	ENT_CHECK_STR(ent_buf_cstr(&b), "\"a,b\"|\"say \"\"hi\"\"\"|a b c");
	ent_buf_free(&b);
}

ENT_TEST(buf_oom_sticks)
{
	ent_buf b = ENT_BUF_INIT;
	ent_alloc_fail_after(0);
	ent_buf_puts(&b, "hello");
	ent_alloc_fail_after(-1);
	ENT_CHECK(b.oom);
	ent_buf_puts(&b, "x"); /* ignored after a failure */
	ENT_CHECK(b.len == 0);
	ent_buf_free(&b);
}

ENT_TEST(dates)
{
	ent_date d;
	char buf[16];
	ENT_CHECK(ent_date_parse(&d, "1970-01-01", 10) == 0 && d == 0);
	ENT_CHECK(ent_date_parse(&d, "2023-09-13", 10) == 0);
	ENT_CHECK_STR(ent_date_format(buf, d), "2023-09-13");
	ENT_CHECK(ent_date_parse(&d, "2024-02-29", 10) == 0);
	ENT_CHECK(ent_date_parse(&d, "2023-02-29", 10) == ENT_EINVAL);
	ENT_CHECK(ent_date_parse(&d, "2023-13-01", 10) == ENT_EINVAL);
	ENT_CHECK(ent_date_parse(&d, "2023-1-01", 9) == ENT_EINVAL);
	ENT_CHECK(ent_date_parse(&d, "20230913xx", 10) == ENT_EINVAL);
	ENT_CHECK(ent_date_parse(&d, "1900-02-29", 10) == ENT_EINVAL);
	ENT_CHECK(ent_date_parse(&d, "2000-02-29", 10) == 0);
	ENT_CHECK_INT(ent_date_from_ymd(2024, 3, 1) - ent_date_from_ymd(2024, 2, 28), 2);
	ENT_CHECK(ent_date_today() > ent_date_from_ymd(2020, 1, 1));
	{
		int y, m, dd;
		ent_date_to_ymd(ent_date_from_ymd(1961, 9, 10), &y, &m, &dd);
		ENT_CHECK(y == 1961 && m == 9 && dd == 10);
	}
}

ENT_TEST(json_flat_object)
{
	ent_arena a;
	ent_json_member *m;
	size_t n;
	ent_json_error err;
	const char *s = "{\"id\":\"a1\",\"n\":-1.5e2,\"ok\":true,\"x\":null,"
	                "\"t\":\"line\\nnext \\u00e9 \\ud83d\\ude00 \\ud800\","
	                "\"nested\":{\"a\":[1,2,{\"b\":\"}\"}]},\"arr\":[]}";
	const ent_json_member *f;
	ent_arena_init(&a, 1024);
	ENT_CHECK(ent_json_parse_object(&m, &n, s, strlen(s), &a, &err) == 0);
	ENT_CHECK_INT(n, 7);
	f = ent_json_get(m, n, "id");
	ENT_CHECK(f && f->type == ENT_JSON_STRING);
	ENT_CHECK_STR(f->str, "a1");
	f = ent_json_get(m, n, "n");
	ENT_CHECK(f && f->type == ENT_JSON_NUMBER && f->num == -150);
	f = ent_json_get(m, n, "t");
	ENT_CHECK_STR(f->str, "line\nnext \xc3\xa9 \xf0\x9f\x98\x80 \xef\xbf\xbd");
	f = ent_json_get(m, n, "nested");
	ENT_CHECK(f && f->type == ENT_JSON_OBJECT);
	ENT_CHECK_STR(f->str, "{\"a\":[1,2,{\"b\":\"}\"}]}");
	ENT_CHECK(ent_json_get(m, n, "missing") == NULL);
	ent_arena_destroy(&a);
}

ENT_TEST(json_errors)
{
	static const struct {
		const char *in;
		const char *msg;
		size_t off;
	} cases[] = {
		{"", "empty line", 0},
		{"[1]", "expected a JSON object", 0},
		{"{\"a\" 1}", "expected ':'", 5},
		{"{\"a\":1,}", "expected a key", 7},
		{"{\"a\":\"x}", "unterminated string", 8},
		{"{\"a\":tru}", "unexpected character", 5},
		{"{\"a\":1} x", "trailing characters after the object", 8},
		{"{\"a\":01}", "expected ',' or '}'", 6},
		{"{\"a\":\"\\q\"}", "bad escape in string", 7},
		{"{\"a\":[1,2}", "expected ',' or ']'", 9},
		{"{\"a\":\"a\x01\"}", "control character in string", 7},
		{"{\"a\":-}", "bad number", 5},
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ent_arena a;
		ent_json_member *m;
		size_t n;
		ent_json_error err;
		int rc;
		ent_arena_init(&a, 256);
		rc = ent_json_parse_object(&m, &n, cases[i].in, strlen(cases[i].in), &a,
		                           &err);
		ENT_CHECK(rc == ENT_EPARSE);
		if (rc == ENT_EPARSE) {
			ENT_CHECK_STR(err.msg, cases[i].msg);
			ENT_CHECK_INT(err.offset, cases[i].off);
		}
		ent_arena_destroy(&a);
	}
}

ENT_TEST(json_deep_nesting_is_bounded)
{
	ent_arena a;
	ent_json_member *m;
	size_t n, i;
	ent_json_error err;
	char *s = malloc(100000);
	strcpy(s, "{\"a\":");
	for (i = 0; i < 50000; i++)
		s[5 + i] = '[';
	s[5 + i] = '\0';
	ent_arena_init(&a, 256);
	ENT_CHECK(ent_json_parse_object(&m, &n, s, strlen(s), &a, &err) == ENT_EPARSE);
	ENT_CHECK_STR(err.msg, "nesting too deep");
	ent_arena_destroy(&a);
	free(s);
}

ENT_TEST(ctx_messages)
{
	ent_ctx *ctx;
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK_STR(ent_errmsg(ctx), "");
	ent_ctx_free(ctx);
	ent_ctx_free(NULL);
	ENT_CHECK(strcmp(ent_version(), "0") > 0);
}

ENT_TEST(builtin_samples_present)
{
	const ent_builtin_file *f = ent_builtin_find("samples/articles.jsonl");
	ENT_CHECK(f != NULL);
	if (f) {
		ENT_CHECK(f->len > 1000);
		ENT_CHECK(f->data[f->len] == '\0');
		ENT_CHECK(f->data[0] == '{');
	}
	ENT_CHECK(ent_builtin_find("no/such/file") == NULL);
	ENT_CHECK(ent_builtin_at(0) != NULL);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
