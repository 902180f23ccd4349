/*
 * fuzz_http.c - libFuzzer target for the web server's path check: a path
 * it accepts starts with '/', has only the allowed characters, and no
 * empty, "." or ".." segment, so joined to the web root it cannot leave
 * it (http.c also resolves the result and compares prefixes).
 */
#include "serve/http.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *p = malloc(size + 1), *seg, *save = NULL;
	if (!p)
		return 0;
	memcpy(p, data, size);
	p[size] = '\0';
	if (ent_http_safe_path(p)) {
		if (p[0] != '/' || strstr(p, "//") || strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/") != strlen(p))
			abort();
		for (seg = strtok_r(p + 1, "/", &save); seg; seg = strtok_r(NULL, "/", &save))
			if (!strcmp(seg, ".") || !strcmp(seg, ".."))
				abort();
	}
	free(p);
	return 0;
}
