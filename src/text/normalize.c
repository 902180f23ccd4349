/*
 * normalize.c - stage 1 of the text stage: make the input valid NFC UTF-8.
 *
 * - Bytes that are not UTF-8 become U+FFFD (one per maximal invalid
 *   subsequence); the document gets one warning, counted in the stats.
 * - C0/C1 control characters other than tab, LF and CR become a space; NUL
 *   is counted separately.  U+FEFF, U+200B and U+2060 (invisible) are dropped.
 * - NFC with utf8proc, but only where it can matter: ASCII and code points
 *   that can neither combine with a neighbour nor decompose are copied as
 *   they are (a 64 KiB table answers that for the BMP).  Around any other
 *   code point, the run from the preceding starter to the next inert code
 *   point is normalised as a unit.
 * Clean input is never copied: the caller keeps using it.
 */
#include "text/text_internal.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/swar.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

/* Bytes that are copied without a second look. */
static const unsigned char ascii_plain[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
#define R(a) [a] = 1, [a + 1] = 1, [a + 2] = 1, [a + 3] = 1, [a + 4] = 1, \
	     [a + 5] = 1, [a + 6] = 1, [a + 7] = 1
	R(0x20), R(0x28), R(0x30), R(0x38), R(0x40), R(0x48), R(0x50), R(0x58),
	R(0x60), R(0x68), R(0x70), [0x78] = 1, [0x79] = 1, [0x7A] = 1,
	[0x7B] = 1, [0x7C] = 1, [0x7D] = 1, [0x7E] = 1
#undef R
};

static unsigned char inert_bmp[65536];
static pthread_once_t inert_once = PTHREAD_ONCE_INIT;

static int is_jamo(int32_t c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
	       (c >= 0xD7B0 && c <= 0xD7FF);
}

/* 1 if NFC leaves cp alone whatever its neighbours, as far as a preceding
 * starter is concerned (cp may still begin a composition: that is handled
 * by looking back from the combining character). */
static int compute_inert(int32_t c)
{
	const utf8proc_property_t *p;
	if (c >= 0xD800 && c <= 0xDFFF)
		return 1; /* never decoded */
	if (is_jamo(c))
		return 0;
	p = utf8proc_get_property(c);
	if (p->combining_class != 0)
		return 0;
	if (p->comb_index != UINT16_MAX && (p->comb_index & 0x8000))
		return 0; /* can be the second element of a composition */
	if (p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX) {
		utf8proc_int32_t tmp[8];
		int last = 0;
		utf8proc_ssize_t k = utf8proc_decompose_char(
			c, tmp, 8, UTF8PROC_DECOMPOSE, &last);
		if (k == 1 || p->comp_exclusion)
			return 0; /* singleton or excluded: NFC changes it */
	}
	return 1;
}

static void init_inert(void)
{
	int32_t c;
	for (c = 0; c < 65536; c++)
		inert_bmp[c] = (unsigned char)compute_inert(c);
}

static int inert(int32_t c)
{
	if (c < 65536)
		return inert_bmp[c];
	return compute_inert(c);
}

static int is_dropped(int32_t c)
{
	return c == 0xFEFF || c == 0x200B || c == 0x2060;
}

static int is_control(int32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
	       (c >= 0x80 && c <= 0x9F);
}

typedef struct {
	ent_buf *out;
	ent_offmap *map;
	const unsigned char *in;
	int writing;       /* 0 while the input is still unchanged */
	size_t clean_to;   /* while not writing: input copied implicitly up to */
	int32_t *u32;      /* scratch for utf8proc */
	size_t u32_cap;
	ent_buf enc;       /* scratch: re-encoded NFC run */
} norm;

/* Switch to writing mode: materialise the clean prefix [0, upto). */
static int begin_writing(norm *s, size_t upto)
{
	if (s->writing)
		return 0;
	s->writing = 1;
	ent_buf_put(s->out, s->in, upto);
	if (s->out->oom)
		return ENT_ENOMEM;
	return ent_offmap_copy(s->map, 0, upto);
}

static int emit_copy(norm *s, size_t from, size_t len)
{
	if (!s->writing)
		return 0;
	ent_buf_put(s->out, s->in + from, len);
	if (s->out->oom)
		return ENT_ENOMEM;
	return ent_offmap_copy(s->map, from, len);
}

static int emit_replace(norm *s, size_t from, size_t in_len, const void *bytes,
                        size_t out_len)
{
	int rc;
	if ((rc = begin_writing(s, from)) < 0)
		return rc;
	ent_buf_put(s->out, bytes, out_len);
	if (s->out->oom)
		return ENT_ENOMEM;
	return ent_offmap_replace(s->map, from, in_len, out_len);
}

/* NFC of input [from, to); emitted as a copy when unchanged. */
static int nfc_chunk(norm *s, size_t from, size_t to, ent_text_stats *st)
{
	utf8proc_ssize_t k, need;
	size_t i, elen = 0;
	int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;

	need = utf8proc_decompose(s->in + from, (utf8proc_ssize_t)(to - from),
	                          NULL, 0, opts);
	if (need < 0)
		return emit_copy(s, from, to - from);
	if ((size_t)need + 1 > s->u32_cap) {
		size_t nc = (size_t)need + 64;
		int32_t *nu = ent_realloc(s->u32, nc * sizeof(int32_t));
		if (!nu)
			return ENT_ENOMEM;
		s->u32 = nu;
		s->u32_cap = nc;
	}
	k = utf8proc_decompose(s->in + from, (utf8proc_ssize_t)(to - from),
	                       s->u32, need, opts);
	if (k < 0)
		return emit_copy(s, from, to - from);
	k = utf8proc_normalize_utf32(s->u32, k, opts);
	if (k < 0)
		return emit_copy(s, from, to - from);
	/* encode, then emit the common prefix and suffix as copies so that
	 * offsets stay exact around the part that really changed */
	ent_buf_clear(&s->enc);
	for (i = 0; i < (size_t)k; i++) {
		unsigned char tmp[4];
		int l = ent_utf8_encode(s->u32[i], tmp);
		ent_buf_put(&s->enc, tmp, (size_t)l);
	}
	if (s->enc.oom)
		return ENT_ENOMEM;
	elen = s->enc.len;
	if (elen == to - from && memcmp(s->enc.data, s->in + from, elen) == 0)
		return emit_copy(s, from, to - from);
	{
		const unsigned char *e = (const unsigned char *)s->enc.data;
		const unsigned char *o = s->in + from;
		size_t olen = to - from, pre = 0, suf = 0;
		int rc;
		while (pre < elen && pre < olen && e[pre] == o[pre])
			pre++;
		while (pre > 0 && (e[pre] & 0xC0) == 0x80) /* whole characters */
			pre--;
		while (suf < elen - pre && suf < olen - pre &&
		       e[elen - 1 - suf] == o[olen - 1 - suf])
			suf++;
		while (suf > 0 && (e[elen - suf] & 0xC0) == 0x80)
			suf--;
		if ((rc = begin_writing(s, from)) < 0)
			return rc;
		if ((rc = emit_copy(s, from, pre)) < 0)
			return rc;
		ent_buf_put(s->out, e + pre, elen - pre - suf);
		if (s->out->oom)
			return ENT_ENOMEM;
		if ((rc = ent_offmap_replace(s->map, from + pre, olen - pre - suf,
		                             elen - pre - suf)) < 0)
			return rc;
		st->nfc_changes++;
		return emit_copy(s, to - suf, suf);
	}
}

int ent_text_normalize(ent_buf *out, ent_offmap *map, int *changed,
                       const char *in_, size_t n, ent_text_stats *st)
{
	norm s;
	const unsigned char *in = (const unsigned char *)in_;
	size_t i = 0, run = 0;
	/* start of the last code point copied unchanged (a lookback candidate)
	 * and whether it is still in the current copy run */
	size_t prev_cp = (size_t)-1;
	int rc = 0;

	pthread_once(&inert_once, init_inert);
	memset(&s, 0, sizeof s);
	s.out = out;
	s.map = map;
	s.in = in;
	ent_buf_clear(out);
	ent_offmap_clear(map);

	/* skip a byte order mark */
	if (n >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
		if ((rc = emit_replace(&s, 0, 3, "", 0)) < 0)
			goto done;
		i = run = 3;
	}
	while (i < n) {
		int32_t cp;
		int k;
		/* ASCII fast path */
		if (ascii_plain[in[i]]) {
			size_t j = i + 1;
			for (;;) {
				while (j + 8 <= n) {
					uint64_t x = ent_swar_load(in + j);
					uint64_t m = ent_swar_lt(x, 0x20) | ent_swar_eq(x, 0x7F) |
					             ent_swar_high(x);
					if (m) {
						j += ent_swar_first(m);
						break;
					}
					j += 8;
				}
				if (j < n && ascii_plain[in[j]]) {
					j++; /* a tab or line break */
					continue;
				}
				break;
			}
			prev_cp = j - 1;
			i = j;
			continue;
		}
		if (in[i] < 0x80) {
			k = 1;
			cp = in[i];
		} else {
			k = ent_utf8_decode(in + i, n - i, &cp);
		}
		if (cp >= 0 && cp >= 0x80 && !is_control(cp) && !is_dropped(cp) &&
		    inert(cp)) {
			prev_cp = i;
			i += (size_t)k;
			continue;
		}
		/* something to change or to look at: flush the clean run */
		if ((rc = emit_copy(&s, run, i - run)) < 0)
			goto done;
		if (cp < 0) {
			st->invalid_utf8++;
			if ((rc = emit_replace(&s, i, (size_t)k, "\xEF\xBF\xBD", 3)) < 0)
				goto done;
			i += (size_t)k;
			prev_cp = (size_t)-1;
		} else if (is_control(cp)) {
			if (cp == 0)
				st->nul_bytes++;
			else
				st->controls++;
			if ((rc = emit_replace(&s, i, (size_t)k, " ", 1)) < 0)
				goto done;
			i += (size_t)k;
			prev_cp = (size_t)-1;
		} else if (is_dropped(cp)) {
			st->controls++;
			if ((rc = emit_replace(&s, i, (size_t)k, "", 0)) < 0)
				goto done;
			i += (size_t)k;
			prev_cp = (size_t)-1;
		} else {
			/* a code point NFC may change: normalise from the previous
			 * starter (if it was copied as is) to the next inert one */
			size_t from = i, to = i + (size_t)k;
			if (prev_cp != (size_t)-1 && prev_cp >= run && prev_cp < i) {
				from = prev_cp;
				if (s.writing) {
					size_t back = i - prev_cp;
					s.out->len -= back;
					ent_offmap_unput(map, back);
				}
			}
			while (to < n && in[to] >= 0x80 && to - from < 4096) {
				int32_t c2;
				int k2 = ent_utf8_decode(in + to, n - to, &c2);
				if (c2 < 0 || inert(c2) || is_dropped(c2) || is_control(c2))
					break;
				to += (size_t)k2;
			}
			if ((rc = nfc_chunk(&s, from, to, st)) < 0)
				goto done;
			i = to;
			prev_cp = (size_t)-1;
		}
		run = i;
	}
	if ((rc = emit_copy(&s, run, n - run)) < 0)
		goto done;
	map->in_total = n;
done:
	ent_free(s.u32);
	ent_buf_free(&s.enc);
	*changed = s.writing;
	return rc;
}
