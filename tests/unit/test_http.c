/*
 * test_http.c - the web server's path check: what may name a file under
 * the web root and what may not (serve.sh tests the server itself).
 */
#define ENT_HARNESS_IMPL
#include "harness.h"
#include "serve/http.h"

ENT_TEST(http_safe_paths)
{
	static const char *const ok[] = {"/index.html", "/app.js", "/a/b-c_d.e",
	                                 "/.well-known", "/a..b", "/x/"};
	static const char *const bad[] = {
		"", "index.html", "/", "//etc/passwd", "/../x", "/a/../../x", "/..", "/.",
		"/a/./b", "/a//b", "/a\\b", "/a b", "/%2e%2e/x", "/a\n", "/\xc3\xa9",
		"/a?b", "/..\\x"};
	size_t i;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (!ent_http_safe_path(ok[i]))
			fprintf(stderr, "refused: %s\n", ok[i]);
		ENT_CHECK(ent_http_safe_path(ok[i]));
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (ent_http_safe_path(bad[i]))
			fprintf(stderr, "accepted: %s\n", bad[i]);
		ENT_CHECK(!ent_http_safe_path(bad[i]));
	}
	ENT_CHECK(!ent_http_safe_path(NULL));
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
