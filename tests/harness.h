/*
 * harness.h - a tiny in-tree test harness (after sds's testhelp.h and clar).
 *
 *   ENT_TEST(name) { ENT_CHECK(x == 1); ENT_CHECK_STR(a, "b"); }
 *   int main(int argc, char **argv) { return ent_test_main(argc, argv); }
 *
 * Tests register themselves via a constructor; `prog NAME` runs one test.
 * A failed check prints file:line and the expression and marks the test
 * failed (the test goes on).  The run ends with "N passed, N failed".
 */
#ifndef ENT_HARNESS_H
#define ENT_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*ent_test_fn)(void);
typedef struct {
	const char *name;
	ent_test_fn fn;
} ent_test_entry;

#define ENT_TEST_MAX 512
extern ent_test_entry ent_tests_[ENT_TEST_MAX];
extern int ent_ntests_;
extern int ent_test_failed_;

#define ENT_TEST(tname)                                                      \
	static void ent_test_##tname(void);                                      \
	__attribute__((constructor)) static void ent_test_reg_##tname(void)     \
	{                                                                       \
		if (ent_ntests_ < ENT_TEST_MAX) {                                   \
			ent_tests_[ent_ntests_].name = #tname;                           \
			ent_tests_[ent_ntests_].fn = ent_test_##tname;                   \
			ent_ntests_++;                                                  \
		}                                                                   \
	}                                                                       \
	static void ent_test_##tname(void)

#define ENT_CHECK(cond)                                                     \
	do {                                                                    \
		if (!(cond)) {                                                      \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,          \
			        __LINE__, #cond);                                       \
			ent_test_failed_ = 1;                                           \
		}                                                                   \
	} while (0)

#define ENT_CHECK_INT(a, b)                                                 \
	do {                                                                    \
		long long a_ = (long long)(a), b_ = (long long)(b);                 \
		if (a_ != b_) {                                                     \
			fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n",     \
			        __FILE__, __LINE__, #a, a_, #b, b_);                    \
			ent_test_failed_ = 1;                                           \
		}                                                                   \
	} while (0)

#define ENT_CHECK_STR(a, b)                                                 \
	do {                                                                    \
		const char *a_ = (a), *b_ = (b);                                    \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                            \
			fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n",       \
			        __FILE__, __LINE__, #a, a_ ? a_ : "(null)",             \
			        b_ ? b_ : "(null)");                                    \
			ent_test_failed_ = 1;                                           \
		}                                                                   \
	} while (0)

#define ENT_CHECK_MEM(a, alen, b)                                           \
	do {                                                                    \
		const char *a_ = (a), *b_ = (b);                                    \
		size_t al_ = (alen), bl_ = strlen(b_);                              \
		if (al_ != bl_ || memcmp(a_, b_, bl_) != 0) {                       \
			fprintf(stderr, "%s:%d: %s is \"%.*s\", expected \"%s\"\n",     \
			        __FILE__, __LINE__, #a, (int)al_, a_, b_);              \
			ent_test_failed_ = 1;                                           \
		}                                                                   \
	} while (0)

int ent_test_main(int argc, char **argv);

#ifdef ENT_HARNESS_IMPL
ent_test_entry ent_tests_[ENT_TEST_MAX];
int ent_ntests_;
int ent_test_failed_;

int ent_test_main(int argc, char **argv)
{
	int i, passed = 0, failed = 0, ran = 0;
	for (i = 0; i < ent_ntests_; i++) {
		int j, want = argc < 2;
		for (j = 1; j < argc; j++)
			if (strcmp(argv[j], ent_tests_[i].name) == 0)
				want = 1;
		if (!want)
			continue;
		ran++;
		ent_test_failed_ = 0;
		ent_tests_[i].fn();
		if (ent_test_failed_) {
			fprintf(stderr, "FAIL %s\n", ent_tests_[i].name);
			failed++;
		} else {
			passed++;
		}
	}
	if (argc >= 2 && ran == 0) {
		fprintf(stderr, "no test named %s\n", argv[1]);
		return 2;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
#endif

#endif
