/*
 * fuzz_jsonl.c - libFuzzer target for the article readers (auto-detected
 * JSONL or text) feeding the text stage.
 */
#include "entente.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	ent_ctx *ctx;
	ent_reader *r;
	ent_article a;
	ent_reader_options o = ENT_READER_OPTIONS_INIT;
	if (ent_ctx_new(&ctx) < 0)
		return 0;
	o.max_doc_bytes = 4096;
	o.default_date = 19000;
	if (ent_reader_open_memory(&r, ctx, (const char *)data, size, "fuzz", &o) == 0) {
		while (ent_reader_next(r, &a) == 1) {
			ent_doc *d;
			if (ent_doc_new(&d, ctx, &a, NULL, o.max_doc_bytes) == 0)
				ent_doc_free(d);
		}
		ent_reader_free(r);
	}
	ent_ctx_free(ctx);
	return 0;
}
