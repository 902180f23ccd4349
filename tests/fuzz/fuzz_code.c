/*
 * fuzz_code.c - libFuzzer target for the event matcher: the bytes are a
 * news text coded with the built-in actor and event dictionaries in both
 * modes (default, and --compat tabari with TABARI's whole-record units),
 * so every parse pass, our additions, the flags and the date rules see
 * arbitrary words, punctuation and lengths.  Every event must have a code,
 * actors and spans inside the text.
 */
#include "entente.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static ent_ctx *ctx;
static ent_dict *actors;
static ent_states *st;
static ent_evdict *ev[2];

static int setup(void)
{
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	ent_evdict_options eo = ENT_EVDICT_OPTIONS_INIT;
	int m;
	if (ent_ctx_new(&ctx) < 0 || ent_states_load(&st, ctx) < 0 ||
	    ent_dict_new(&actors, ctx, &o) < 0 || ent_dict_add_builtin(actors) < 0 ||
	    ent_dict_finish(actors) < 0)
		return -1;
	for (m = 0; m < 2; m++) {
		eo.compat = m ? ENT_COMPAT_TABARI : ENT_COMPAT_NONE;
		if (ent_evdict_new(&ev[m], ctx, &eo) < 0 || ent_evdict_add_builtin(ev[m]) < 0)
			return -1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static int ready;
	int m;
	if (!ready) {
		if (setup() < 0)
			abort();
		ready = 1;
	}
	for (m = 0; m < 2; m++) {
		ent_coder *c = NULL;
		ent_coder_options co = ENT_CODER_OPTIONS_INIT;
		ent_article art;
		ent_doc *doc = NULL;
		memset(&art, 0, sizeof art);
		art.id = "t";
		art.text = (const char *)data;
		art.text_len = size;
		co.whole_document = m;
		if (ent_coder_new(&c, ctx, ev[m], actors, st, &co) == 0 &&
		    ent_doc_new(&doc, ctx, &art, NULL, 0) == 0 &&
		    ent_coder_run(c, doc, 19000) == 0) {
			size_t i;
			for (i = 0; i < ent_coder_count(c); i++) {
				const ent_event *e = ent_coder_get(c, i);
				if (!e->code || !e->code[0] || !e->source || !e->target ||
				    e->sentence_end > size || e->trigger_end > (long)size ||
				    e->trigger_start > e->trigger_end)
					abort();
			}
		}
		ent_doc_free(doc);
		ent_coder_free(c);
	}
	return 0;
}
