/*
 * test_store.c - the store's schema versions: an empty file is created at
 * the current version, a newer version and a foreign database are refused
 * with a clear error and left untouched, and the SHA-256 used for content
 * hashes matches the FIPS 180-4 test vectors.
 */
#define ENT_HARNESS_IMPL
#include "harness.h"
#include "entente.h"
#include "util/sha256.h"

#include <sqlite3.h>
#include <unistd.h>

static char *tmpdb(void)
{
	static char path[64];
	int fd;
	snprintf(path, sizeof path, "/tmp/ent_store_XXXXXX");
	fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	return path;
}

static int set_version(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open(path, &db) == SQLITE_OK &&
	         sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return rc;
}

ENT_TEST(store_created_at_current_version)
{
	ent_ctx *ctx = NULL;
	ent_store *s = NULL;
	char *p = tmpdb();
	long d, e, h, r;
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == 0);
	ENT_CHECK(s && ent_store_integrity(s) == 0);
	ENT_CHECK(s && ent_store_counts(s, &d, &e, &h, &r) == 0 && d == 0 && e == 0);
	ent_store_free(s);
	/* reopened: nothing to migrate */
	ENT_CHECK(ent_store_open(&s, ctx, p, 1) == 0);
	ent_store_free(s);
	unlink(p);
	ent_ctx_free(ctx);
}

ENT_TEST(store_refuses_newer_and_foreign_files)
{
	ent_ctx *ctx = NULL;
	ent_store *s = NULL;
	char *p = tmpdb();
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK(set_version(p, "PRAGMA user_version = 99"));
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == ENT_EPARSE);
	ENT_CHECK(strstr(ent_errmsg(ctx), "newer entente") != NULL);
	ENT_CHECK(s == NULL);
	unlink(p);
	p = tmpdb();
	ENT_CHECK(set_version(p, "CREATE TABLE notes(x)"));
	ENT_CHECK(ent_store_open(&s, ctx, p, 0) == ENT_EPARSE);
	ENT_CHECK(strstr(ent_errmsg(ctx), "not an entente store") != NULL);
	unlink(p);
	ENT_CHECK(ent_store_open(&s, ctx, "/nonexistent/dir/x.db", 0) < 0);
	ent_ctx_free(ctx);
}

ENT_TEST(sha256_test_vectors)
{
	char hex[65];
	ent_sha256_hex("abc", 3, hex);
	ENT_CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ent_sha256_hex("", 0, hex);
	ENT_CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ent_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	ENT_CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
