/*
 * index.c - finding the candidate patterns of a verb quickly.  TABARI's
 * CAMEO file gives SAID 1,467 patterns; trying each on every sentence with
 * "said" would dominate coding time.  Each pattern of a verb with many
 * patterns is filed under one literal it cannot match without (its longest
 * required word, usually the rarest); patterns that need no particular
 * word go on the verb's "always" list.  The coder then looks up only the
 * literals the sentence has, and tries the patterns found in their
 * dictionary order, so the result is the same as trying them all.
 */
#include "events/ev_internal.h"
#include "util/alloc.h"

#include <string.h>

/* Append a list [count, ranks...] and file it under `lit` in the root's
 * key table. */
static int add_list(ent_evdict *d, ev_root *root, uint32_t lit,
                    const uint32_t *ids, uint32_t n, uint32_t *off)
{
	if (ent_grow((void **)&d->plists, &d->plist_cap, d->nplist + n + 1,
	         sizeof(uint32_t)) < 0)
		return ENT_ENOMEM;
	*off = (uint32_t)d->nplist + 1;
	d->plists[d->nplist++] = n;
	memcpy(d->plists + d->nplist, ids, n * sizeof(uint32_t));
	d->nplist += n;
	if (lit) {
		uint32_t h = ev_key_slot(lit, root->kmask);
		uint32_t *t = d->ktabs + root->ktab;
		while (t[2 * h])
			h = (h + 1) & root->kmask;
		t[2 * h] = lit;
		t[2 * h + 1] = *off;
	}
	return 0;
}

int ev_index_build(ent_evdict *d)
{
	uint32_t r, *keys = NULL, *ids = NULL, *order = NULL;
	size_t cap = 0;
	int rc = 0;

	if (d->indexed)
		return 0;
	for (r = 0; r < d->nroot && rc == 0; r++) {
		ev_root *root = &d->roots[r];
		uint32_t p, n = 0, k, i;
		for (p = root->pat; p; p = d->pats[p - 1].next) {
			d->pats[p - 1].rank = n++;
			root->last_len = d->pats[p - 1].length;
		}
		root->npat = n;
		/* can this root discard the sentence (code ### on some date)? */
		if (root->type == EV_W_ACTOR && root->code) {
			const ev_acode *ac = &d->acodes[root->code - 1];
			uint32_t a;
			for (a = 0; a < ac->nalts; a++) {
				const ev_aalt *al = &d->aalts[ac->alt0 + a];
				if (al->nparts && d->aparts[al->part0].actor == EV_S_DISCARD)
					root->may_discard = 1;
			}
		} else if ((root->type == EV_W_VERB || root->type == EV_W_ATTRIB) &&
		           root->code)
			root->may_discard = d->ecodes[root->code - 1].code == EV_S_DISCARD;
		else if (root->type == EV_W_TIME && root->code)
			root->may_discard = d->tcodes[root->code - 1].special == EV_S_DISCARD;
		if (root->type != EV_W_VERB || n < EV_INDEX_MIN)
			continue;
		if (n > d->max_npat)
			d->max_npat = n;
		if (ent_grow((void **)&d->rankids, &d->rankid_cap, d->nrankid + n,
		         sizeof(uint32_t)) < 0) {
			rc = ENT_ENOMEM;
			break;
		}
		root->byrank = (uint32_t)d->nrankid;
		for (p = root->pat; p; p = d->pats[p - 1].next)
			d->rankids[d->nrankid++] = p - 1;
		if (n > cap) {
			uint32_t *a = ent_realloc(keys, n * sizeof(*a));
			uint32_t *b = a ? ent_realloc(ids, n * sizeof(*b)) : NULL;
			uint32_t *c = b ? ent_realloc(order, n * sizeof(*c)) : NULL;
			if (a)
				keys = a;
			if (b)
				ids = b;
			if (!a || !b || !c) {
				rc = ENT_ENOMEM;
				break;
			}
			order = c;
			cap = n;
		}
		/* each pattern's key literal: its longest required word */
		for (p = root->pat, k = 0; p; p = d->pats[p - 1].next, k++) {
			const ev_pat *pat = &d->pats[p - 1];
			uint32_t best = 0, j;
			for (j = 0; j < pat->nreq; j++) {
				uint32_t l = d->reqs[pat->req0 + j];
				if (!best || d->lits[l].len > d->lits[best].len)
					best = l;
			}
			keys[k] = best;
			ids[k] = pat->rank;
		}
		/* the root's key table: twice as many slots as keys */
		{
			uint32_t nk = 0, slots = 16, j;
			for (i = 0; i < n; i++) {
				for (j = 0; j < i && keys[j] != keys[i]; j++)
					;
				if (j == i && keys[i])
					nk++;
			}
			while (slots < 2 * nk)
				slots *= 2;
			if (ent_grow((void **)&d->ktabs, &d->ktab_cap, d->nktab + 2 * slots,
			         sizeof(uint32_t)) < 0) {
				rc = ENT_ENOMEM;
				break;
			}
			root->ktab = (uint32_t)d->nktab;
			root->kmask = slots - 1;
			memset(d->ktabs + d->nktab, 0, 2 * slots * sizeof(uint32_t));
			d->nktab += 2 * slots;
		}
		/* group by key, keeping dictionary order inside each group */
		for (i = 0; i < n && rc == 0; i++) {
			uint32_t m = 0, j, off;
			if (keys[i] == UINT32_MAX)
				continue;
			for (j = i; j < n; j++)
				if (keys[j] == keys[i]) {
					order[m++] = ids[j];
					if (j != i)
						keys[j] = UINT32_MAX;
				}
			rc = add_list(d, root, keys[i], order, m, &off);
			if (keys[i])
				d->lits[keys[i]].iskey = 1;
			if (rc == 0 && keys[i] == 0)
				root->always = off;
			keys[i] = UINT32_MAX;
		}
		root->indexed = rc == 0;
	}
	ent_free(keys);
	ent_free(ids);
	ent_free(order);
	if (rc == 0)
		d->indexed = 1;
	return rc;
}
