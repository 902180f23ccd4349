/*
 * fuzz_verbs.c - libFuzzer target for the event dictionary readers: the
 * same bytes are read as a TABARI/PETRARCH-1 verb file, a PETRARCH-2 file
 * (sniffed), an options file, a discard and an issue list, each with every
 * check on; then the resulting dictionary codes a fixed text, so whatever
 * patterns the reader accepted also reach the matcher.
 */
#include "entente.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *text =
    "Iran was hit with new sanctions by Britain on Monday. Russia did not "
    "attack Ukraine, the ministry said. Kim Jong Un, who praised Russia's "
    "army, met Vladimir Putin and China in Beijing.";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const ent_dict_kind kinds[] = {ENT_DICT_VERBS, ENT_DICT_AUTO,
	                                      ENT_DICT_OPTIONS, ENT_DICT_DISCARDS,
	                                      ENT_DICT_ISSUES};
	ent_ctx *ctx;
	ent_evdict *ev = NULL;
	ent_evdict_options o = ENT_EVDICT_OPTIONS_INIT;
	size_t k;
	if (ent_ctx_new(&ctx) < 0)
		return 0;
	o.check = 1;
	o.max_line = 512;
	if (ent_evdict_new(&ev, ctx, &o) == 0) {
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			ent_evdict_add_text(ev, "fuzz", (const char *)data, size, kinds[k],
			                    NULL);
		{
			ent_coder *c = NULL;
			ent_article art;
			ent_doc *doc = NULL;
			memset(&art, 0, sizeof art);
			art.id = "t";
			art.text = text;
			art.text_len = strlen(text);
			if (ent_coder_new(&c, ctx, ev, NULL, NULL, NULL) == 0 &&
			    ent_doc_new(&doc, ctx, &art, NULL, 0) == 0 &&
			    ent_coder_run(c, doc, 19000) == 0) {
				size_t i;
				for (i = 0; i < ent_coder_count(c); i++) {
					const ent_event *e = ent_coder_get(c, i);
					if (!e->code || !e->code[0] || !e->source || !e->target)
						abort();
				}
			}
			ent_doc_free(doc);
			ent_coder_free(c);
		}
	}
	ent_evdict_free(ev);
	ent_ctx_free(ctx);
	return 0;
}
