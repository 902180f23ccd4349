/*
 * utf8.c - UTF-8 decoding with the "maximal subpart" error recovery of the
 * Unicode standard (section 3.9): each invalid sequence is replaced by one
 * U+FFFD and decoding resumes at the first byte that cannot continue it.
 */
#include "util/utf8.h"

#include <string.h>

int ent_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0];
	int32_t v;
	unsigned lo = 0x80, hi = 0xBF;
	int need, i;

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		unsigned d;
		if ((size_t)i >= n) {
			*cp = -1;
			return i;
		}
		d = s[i];
		if (d < lo || d > hi) {
			*cp = -1;
			return i;
		}
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (int32_t)(d & 0x3F);
	}
	*cp = v;
	return need + 1;
}

int ent_utf8_encode(int32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t ent_utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t cp;
		int k;
		/* eight ASCII bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = ent_utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			break;
		i += (size_t)k;
	}
	return i;
}

size_t ent_utf8_from_latin1(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n && k + 2 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			out[k++] = (char)c;
		} else {
			out[k++] = (char)(0xC0 | (c >> 6));
			out[k++] = (char)(0x80 | (c & 0x3F));
		}
	}
	return k;
}
