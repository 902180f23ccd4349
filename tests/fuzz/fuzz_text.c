/*
 * fuzz_text.c - libFuzzer target for the text stage: any bytes through
 * normalise, repair, segment and tokenise; offsets must stay inside the
 * input and in order.
 */
#include "entente.h"
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	ent_ctx *ctx;
	ent_article a;
	ent_doc *d = NULL;
	size_t i, prev_end = 0;
	ent_text_options o = ENT_TEXT_OPTIONS_INIT;

	if (ent_ctx_new(&ctx) < 0)
		return 0;
	ent_text_slow_paths = 0;
	memset(&a, 0, sizeof a);
	a.id = "fuzz";
	a.text = (const char *)data;
	a.text_len = size;
	o.max_sentence_bytes = 64; /* exercise the cutting too */
	if (ent_doc_new(&d, ctx, &a, &o, 0) == 0) {
		for (i = 0; i < ent_doc_sentence_count(d); i++) {
			ent_sentence s;
			const ent_token *t;
			size_t n, k;
			ent_doc_sentence(d, i, &s);
			if (s.start > s.end || s.end > size || s.start < prev_end)
				abort();
			prev_end = s.end;
			if (ent_doc_tokens(&t, &n, d, i) == 0)
				for (k = 0; k < n; k++)
					if (t[k].start > t[k].end || t[k].end > size ||
					    t[k].start < s.start || t[k].end > s.end)
						abort();
		}
		/* the fast paths must not change anything */
		{
			ent_doc *slow = NULL;
			ent_text_slow_paths = 1;
			if (ent_doc_new(&slow, ctx, &a, &o, 0) == 0) {
				size_t la, lb;
				const char *ta = ent_doc_text(d, &la), *tb = ent_doc_text(slow, &lb);
				if (la != lb || memcmp(ta, tb, la) != 0 ||
				    ent_doc_sentence_count(d) != ent_doc_sentence_count(slow))
					abort();
				for (i = 0; i < ent_doc_sentence_count(d); i++) {
					ent_sentence s1, s2;
					const ent_token *tka, *tkb;
					size_t na, nb, k;
					ent_doc_sentence(d, i, &s1);
					ent_doc_sentence(slow, i, &s2);
					if (s1.start != s2.start || s1.end != s2.end ||
					    s1.text_offset != s2.text_offset || s1.len != s2.len)
						abort();
					/* tokens: the fast tokenizer and folding agree too.
					   Compare field by field before the next call reuses
					   the array. */
					ent_text_slow_paths = 0;
					if (ent_doc_tokens(&tka, &na, d, i) == 0) {
						ent_token *copy = malloc((na ? na : 1) * sizeof *copy);
						char **folds = malloc((na ? na : 1) * sizeof *folds);
						if (copy && folds) {
							memcpy(copy, tka, na * sizeof *copy);
							for (k = 0; k < na; k++)
								folds[k] = strdup(tka[k].fold);
							ent_text_slow_paths = 1;
							if (ent_doc_tokens(&tkb, &nb, slow, i) == 0) {
								if (na != nb)
									abort();
								for (k = 0; k < na; k++)
									if (copy[k].start != tkb[k].start ||
									    copy[k].end != tkb[k].end ||
									    copy[k].shape != tkb[k].shape ||
									    copy[k].flags != tkb[k].flags ||
									    strcmp(folds[k], tkb[k].fold) != 0)
										abort();
							}
							for (k = 0; k < na; k++)
								free(folds[k]);
						}
						free(copy);
						free(folds);
					}
				}
				ent_doc_free(slow);
			}
			ent_text_slow_paths = 0;
		}
		ent_doc_free(d);
	}
	ent_ctx_free(ctx);
	return 0;
}
