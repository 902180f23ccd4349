/*
 * fuzz_actors.c - libFuzzer target for recognition: arbitrary text (any
 * bytes, any script) through the text stage and the recogniser with the
 * whole built-in dictionary.  Every record must point inside the input and
 * every reference at an earlier record.
 */
#include "entente.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static ent_ctx *ctx;
static ent_dict *dict;
static ent_states *st;
static ent_actors *rec;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	ent_article art;
	ent_doc *doc = NULL;
	size_t i;
	if (!ctx) {
		if (ent_ctx_new(&ctx) < 0 || ent_states_load(&st, ctx) < 0 ||
		    ent_dict_new(&dict, ctx, NULL) < 0 || ent_dict_add_builtin(dict) < 0 ||
		    ent_actors_new(&rec, ctx, dict, st) < 0)
			abort();
	}
	memset(&art, 0, sizeof art);
	art.id = "fuzz";
	art.text = (const char *)data;
	art.text_len = size;
	if (ent_doc_new(&doc, ctx, &art, NULL, 0) < 0)
		return 0;
	if (ent_actors_run(rec, doc, 19613) == 0) {
		for (i = 0; i < ent_actors_count(rec); i++) {
			const ent_actor *r = ent_actors_get(rec, i);
			if (r->start > r->end || r->end > size || !r->code || !r->code[0])
				abort();
			if (r->ref >= (long)i)
				abort();
		}
		for (i = 0; i < ent_actors_place_count(rec); i++) {
			const ent_place *p = ent_actors_place(rec, i);
			if (p->start > p->end || p->end > size)
				abort();
		}
	}
	ent_doc_free(doc);
	return 0;
}
