/*
 * doc.c - one document through the text stage: normalise, repair, segment;
 * tokens on demand.  Owns the repaired text, the offset map onto the
 * original input, the sentence spans, and a token buffer reused per call.
 */
#include "entente/text.h"
#include "text/text_internal.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/ctx.h"

#include <string.h>

struct ent_doc {
	ent_ctx *ctx;
	char *id;
	ent_date date;
	char *b;         /* repaired text, NUL-terminated */
	size_t b_len;
	ent_offmap map;  /* B -> original */
	ent_span *spans;
	size_t nspans, spancap;
	ent_text_stats stats;
	ent_token *toks;
	size_t tokcap;
	ent_arena tokarena;
};

int ent_doc_new(ent_doc **out, ent_ctx *ctx, const ent_article *a,
                const ent_text_options *opts, size_t max_bytes)
{
	ent_text_options defopts = ENT_TEXT_OPTIONS_INIT;
	ent_doc *d = NULL;
	ent_buf abuf = ENT_BUF_INIT, bbuf = ENT_BUF_INIT;
	ent_offmap amap, bmap;
	int changed = 0, rc = 0;
	const char *src;
	size_t srclen;
	const char *id = a->id ? a->id : "-";

	*out = NULL;
	ent_offmap_init(&amap);
	ent_offmap_init(&bmap);
	if (!opts)
		opts = &defopts;
	if (max_bytes && a->text_len > max_bytes) {
		rc = ent_err(ctx, ENT_ELIMIT,
		             "document '%s' is %zu bytes, over the limit of %zu "
		             "(--max-doc-bytes)", id, a->text_len, max_bytes);
		goto done;
	}
	d = ent_calloc(1, sizeof(*d));
	if (!d || !(d->id = ent_strdup(id))) {
		rc = ENT_ENOMEM;
		goto done;
	}
	d->ctx = ctx;
	d->date = a->date;
	ent_offmap_init(&d->map);
	ent_arena_init(&d->tokarena, 4096);

	if ((rc = ent_text_normalize(&abuf, &amap, &changed, a->text, a->text_len,
	                             &d->stats)) < 0)
		goto done;
	src = changed ? abuf.data : a->text;
	srclen = changed ? abuf.len : a->text_len;
	if (!src)
		src = "";
	if ((rc = ent_text_repair(&bbuf, changed ? &bmap : &d->map, src, srclen,
	                          &d->stats)) < 0)
		goto done;
	if (changed) {
		if ((rc = ent_offmap_compose(&d->map, &bmap, &amap)) < 0)
			goto done;
	}
	d->b_len = bbuf.len;
	d->b = ent_buf_detach(&bbuf, NULL);
	if (!d->b) {
		rc = ENT_ENOMEM;
		goto done;
	}
	if ((rc = ent_text_segment(&d->spans, &d->nspans, &d->spancap, d->b,
	                           d->b_len, opts->max_sentence_bytes,
	                           &d->stats)) < 0)
		goto done;
	if (d->stats.invalid_utf8)
		ent_diag_emit(ctx, ENT_DIAG_WARNING, a->origin ? a->origin : id,
		              a->line, -1,
		              "document '%s': %ld invalid UTF-8 sequence%s replaced "
		              "by U+FFFD", id, d->stats.invalid_utf8,
		              d->stats.invalid_utf8 == 1 ? "" : "s");
done:
	ent_buf_free(&abuf);
	ent_buf_free(&bbuf);
	ent_offmap_destroy(&amap);
	ent_offmap_destroy(&bmap);
	if (rc < 0) {
		if (rc == ENT_ENOMEM)
			ent_err(ctx, rc, "out of memory in the text stage");
		ent_doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void ent_doc_free(ent_doc *d)
{
	if (!d)
		return;
	ent_free(d->id);
	ent_free(d->b);
	ent_offmap_destroy(&d->map);
	ent_free(d->spans);
	ent_free(d->toks);
	ent_arena_destroy(&d->tokarena);
	ent_free(d);
}

const char *ent_doc_id(const ent_doc *d)
{
	return d->id;
}

ent_date ent_doc_date(const ent_doc *d)
{
	return d->date;
}

const char *ent_doc_text(const ent_doc *d, size_t *len)
{
	if (len)
		*len = d->b_len;
	return d->b;
}

size_t ent_doc_orig_start(const ent_doc *d, size_t x)
{
	return ent_offmap_start(&d->map, x);
}

size_t ent_doc_orig_end(const ent_doc *d, size_t x)
{
	return ent_offmap_end(&d->map, x);
}

size_t ent_doc_sentence_count(const ent_doc *d)
{
	return d->nspans;
}

void ent_doc_sentence(const ent_doc *d, size_t i, ent_sentence *out)
{
	const ent_span *s = &d->spans[i];
	out->text = d->b + s->b_start;
	out->len = s->b_end - s->b_start;
	out->text_offset = s->b_start;
	out->start = ent_offmap_start(&d->map, s->b_start);
	out->end = ent_offmap_end(&d->map, s->b_end);
	/* a long sentence cut inside a rewritten run (NFC composed it) maps
	   both halves onto the run's whole input range: keep the spans in
	   order and apart */
	if (i > 0) {
		size_t prev = ent_offmap_end(&d->map, d->spans[i - 1].b_end);
		if (out->start < prev)
			out->start = prev;
	}
	if (out->end < out->start)
		out->end = out->start;
}

const ent_text_stats *ent_doc_stats(const ent_doc *d)
{
	return &d->stats;
}

int ent_doc_tokens(const ent_token **out, size_t *count, ent_doc *d,
                   size_t sentence)
{
	const ent_span *sp = &d->spans[sentence];
	const char *s = d->b + sp->b_start;
	size_t n = sp->b_end - sp->b_start, i = 0, nt = 0, sstart, send;
	int space = 1;
	ent_sentence se;

	ent_doc_sentence(d, sentence, &se);
	sstart = se.start;
	send = se.end;

	*out = NULL;
	*count = 0;
	ent_arena_reset(&d->tokarena);
	while (i < n) {
		int shape, flags;
		size_t len;
		ent_token *t;
		if (s[i] == ' ') {
			space = 1;
			i++;
			continue;
		}
		len = ent_text_token_len(s, n, i, &shape, &flags);
		if (len == 0)
			len = 1;
		if (ENT_GROW(d->toks, nt, d->tokcap) < 0)
			return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
		t = &d->toks[nt];
		t->text = s + i;
		t->len = (unsigned)len;
		t->start = ent_offmap_start(&d->map, sp->b_start + i);
		t->end = ent_offmap_end(&d->map, sp->b_start + i + len);
		if (t->start < sstart)
			t->start = sstart;
		if (t->end > send)
			t->end = send;
		if (t->end < t->start)
			t->end = t->start;
		t->shape = (unsigned char)shape;
		t->flags = (unsigned char)(flags | (space ? ENT_TOKF_SPACE : 0));
		{
			size_t need = len, q;
			char *f;
			int ascii = !ent_text_slow_paths;
			for (q = 0; ascii && q < len; q++)
				if ((unsigned char)s[i + q] >= 0x80) {
					ascii = 0;
					break;
				}
			if (!ascii)
				need = ent_text_fold(NULL, 0, s + i, len);
			f = ent_arena_alloc(&d->tokarena, need + 1);
			if (!f)
				return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
			if (ascii) {
				for (q = 0; q < len; q++) {
					char c = s[i + q];
					f[q] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
				}
				f[len] = '\0';
			} else {
				ent_text_fold(f, need + 1, s + i, len);
			}
			t->fold = f;
			t->fold_len = (unsigned)need;
		}
		nt++;
		space = 0;
		i += len;
	}
	*out = d->toks;
	*count = nt;
	return 0;
}
