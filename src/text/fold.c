/*
 * fold.c - the matching form of text: case-folded (Unicode full case
 * folding via utf8proc), with typographic quotes, dashes, the ellipsis and
 * full-width ASCII folded to plain ASCII.  The original is never changed;
 * this form is what dictionaries match against.
 */
#include "entente/text.h"
#include "text/text_internal.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <string.h>
#include <utf8proc.h>

/* ASCII replacement for typographic characters, or NULL. */
static const char *ascii_fold(int32_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x00B4: case 0x02BC: case 0xFF07:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x00AB: case 0x00BB: case 0xFF02:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
		return "-";
	case 0x2026:
		return "...";
	case 0x00A0: case 0x202F: case 0x3000:
		return " ";
	default:
		return NULL;
	}
}

size_t ent_text_fold(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i = 0, k = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			char o = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			if (k < cap)
				dst[k] = o;
			k++;
			i++;
			continue;
		} else {
			int32_t cp;
			int len = ent_utf8_decode((const unsigned char *)s + i, n - i, &cp);
			const char *rep;
			if (cp < 0)
				cp = 0xFFFD;
			if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF07 && cp != 0xFF02 &&
			    cp != 0xFF0D) {
				int32_t a = cp - 0xFF01 + 0x21;
				if (a >= 'A' && a <= 'Z')
					a += 32;
				if (k < cap)
					dst[k] = (char)a;
				k++;
			} else if ((cp >= 0x0590 && cp < 0x10A0) || (cp >= 0x1100 && cp < 0x1200) ||
			           (cp >= 0x3040 && cp < 0xA640) || (cp >= 0xAC00 && cp < 0xD7B0) ||
			           (cp >= 0x20000 && cp < 0x30000)) {
				/* Hebrew, Arabic, Indic, Thai ... Hangul, kana, Han: no
				   case, nothing to fold */
				int q;
				for (q = 0; q < len; q++, k++)
					if (k < cap)
						dst[k] = s[i + q];
			} else if ((rep = ascii_fold(cp)) != NULL) {
				size_t rl = strlen(rep), j;
				for (j = 0; j < rl; j++, k++)
					if (k < cap)
						dst[k] = rep[j];
			} else {
				utf8proc_int32_t out[8];
				int last = 0;
				utf8proc_ssize_t m = utf8proc_decompose_char(
					cp, out, 8, UTF8PROC_CASEFOLD, &last);
				utf8proc_ssize_t j;
				if (m < 1 || m > 8) {
					out[0] = cp;
					m = 1;
				}
				for (j = 0; j < m; j++) {
					unsigned char e[4];
					int el = ent_utf8_encode(out[j], e), q;
					for (q = 0; q < el; q++, k++)
						if (k < cap)
							dst[k] = (char)e[q];
				}
			}
			i += (size_t)len;
		}
	}
	if (k < cap)
		dst[k] = '\0';
	else if (cap)
		dst[cap - 1] = '\0';
	return k;
}

int ent_text_fold_alloc(char **out, size_t *out_len, const char *s, size_t n)
{
	size_t need = ent_text_fold(NULL, 0, s, n);
	char *d = ent_malloc(need + 1);
	*out = NULL;
	if (!d)
		return ENT_ENOMEM;
	ent_text_fold(d, need + 1, s, n);
	*out = d;
	if (out_len)
		*out_len = need;
	return 0;
}

void ent_text_free(void *p)
{
	ent_free(p);
}
