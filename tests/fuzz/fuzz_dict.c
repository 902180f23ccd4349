/*
 * fuzz_dict.c - libFuzzer target for the dictionary readers: the same bytes
 * are read as an actor file, an agent file, a gazetteer and a glossary
 * (with every check on), sniffed, and then the resulting set recognises
 * actors in a fixed text, so odd phrases and codes reach the matcher too.
 */
#include "entente.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *text =
    "North Korean leader Kim Jong Un met Russian President Putin in Moscow. "
    "He said the two countries would cooperate; the foreign ministry agreed.";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const ent_dict_kind kinds[] = {ENT_DICT_ACTORS, ENT_DICT_AGENTS,
	                                      ENT_DICT_PLACES, ENT_DICT_GLOSSARY};
	ent_ctx *ctx;
	ent_dict *d = NULL;
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	size_t k;
	if (ent_ctx_new(&ctx) < 0)
		return 0;
	(void)ent_dict_sniff((const char *)data, size);
	o.check = 1;
	o.max_line = 256; /* exercise the long-line path */
	if (ent_dict_new(&d, ctx, &o) == 0) {
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			ent_dict_add_text(d, "fuzz", (const char *)data, size, kinds[k], NULL);
		{
			const char *code, *file;
			long line;
			char phrase[64];
			size_t n = size < sizeof phrase - 1 ? size : sizeof phrase - 1;
			memcpy(phrase, data, n);
			phrase[n] = '\0';
			ent_dict_lookup(d, phrase, 12000, &code, &file, &line);
		}
		if (ent_dict_finish(d) == 0) {
			ent_actors *a = NULL;
			ent_article art;
			ent_doc *doc = NULL;
			memset(&art, 0, sizeof art);
			art.id = "t";
			art.text = text;
			art.text_len = strlen(text);
			if (ent_actors_new(&a, ctx, d, NULL) == 0 &&
			    ent_doc_new(&doc, ctx, &art, NULL, 0) == 0 &&
			    ent_actors_run(a, doc, 19000) == 0) {
				size_t i;
				for (i = 0; i < ent_actors_count(a); i++) {
					const ent_actor *r = ent_actors_get(a, i);
					if (r->start > r->end || r->end > art.text_len || !r->code)
						abort();
				}
			}
			ent_doc_free(doc);
			ent_actors_free(a);
		}
	}
	ent_dict_free(d);
	ent_ctx_free(ctx);
	return 0;
}
