/*
 * fuzz_treaty.c - libFuzzer target for the treaty reader (docs/treaties.md).
 * The bytes are read as a treaty file on top of the built-in world; whatever
 * is accepted then goes through the alliance priors and a war-coalition
 * scenario between the first two parties of each accepted treaty.
 */
#include "entente.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static ent_states *st;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	ent_ctx *ctx;
	ent_world *w = NULL;
	ent_ties *t = NULL;
	ent_tie_options to = ENT_TIE_OPTIONS_INIT;
	size_t i;
	int runs;
	if (ent_ctx_new(&ctx) < 0)
		return 0;
	if (!st && ent_states_load(&st, ctx) < 0)
		goto done;
	if (ent_world_load(&w, ctx, st) < 0)
		goto done;
	if (ent_world_add_treaties_text(w, "fuzz", (const char *)data, size) <= 0)
		goto done;
	if (ent_ties_new(&t, ctx, st, &to) < 0)
		goto done;
	ent_world_add_treaty_priors(w, t);
	for (i = 0, runs = 0; i < ent_world_treaty_count(w) && runs < 2; i++) {
		const ent_treaty *tr = ent_world_treaty(w, i);
		ent_scenario_options so = ENT_SCENARIO_OPTIONS_INIT;
		ent_scenario *s;
		if (!tr->file || strcmp(tr->file, "fuzz") != 0 || tr->nparties < 2)
			continue;
		so.attacker = tr->parties[1].state;
		so.target = tr->parties[0].state;
		if (so.attacker == so.target)
			continue;
		so.date = tr->in_force != ENT_DATE_NONE ? tr->in_force : 19000;
		if (ent_scenario_run(&s, w, t, &so) == 0)
			ent_scenario_free(s);
		runs++;
	}
done:
	ent_ties_free(t);
	ent_world_free(w);
	ent_ctx_free(ctx);
	return 0;
}
