/*
 * fuzz_ties.c - libFuzzer target for the tie-file reader and the events
 * reader (the same bytes are read as both), then the network and its
 * analyses on whatever was accepted.
 */
#include "entente.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static ent_states *st;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	ent_ctx *ctx;
	ent_ties *t;
	int generic;
	if (ent_ctx_new(&ctx) < 0)
		return 0;
	if (!st && ent_states_load(&st, ctx) < 0) {
		ent_ctx_free(ctx);
		return 0;
	}
	for (generic = 0; generic < 2; generic++) {
		ent_tie_options o = ENT_TIE_OPTIONS_INIT;
		if (ent_ties_new(&t, ctx, generic ? NULL : st, &o) < 0)
			break;
		ent_ties_add_text(t, "fuzz", (const char *)data, size, ENT_TIES_USER);
		ent_ties_add_events_text(t, "fuzz", (const char *)data, size);
		{
			ent_net *g;
			if (ent_net_from_ties(&g, t, 19000) == 0) {
				ent_balance b;
				ent_frustration *f;
				ent_blocs *B;
				ent_frustration_options fo = ENT_FRUSTRATION_OPTIONS_INIT;
				fo.time_limit = 0.2;
				ent_net_balance(g, &b);
				if (ent_net_frustration(&f, g, &fo) == 0)
					ent_frustration_free(f);
				if (ent_net_blocs(&B, g, NULL) == 0)
					ent_blocs_free(B);
				ent_net_free(g);
			}
		}
		ent_ties_free(t);
	}
	ent_ctx_free(ctx);
	return 0;
}
