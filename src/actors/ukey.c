/*
 * ukey.c - unit keys: the normal form in which dictionary words and text
 * words meet.  Both sides go through ent_ukey(), so whatever it does is
 * symmetric by construction:
 *   - letters joined by full stops lose the stops: "u.s." and "us" meet;
 *   - Latin letters lose their diacritics (marks stripped, then NFC):
 *     "erdoğan" and "erdogan" meet; other scripts keep theirs (stripping
 *     would turn Cyrillic й into и and Hangul into jamo);
 *   - a Cyrillic word loses one case ending, after ё -> е, so "россия",
 *     "россии", "россию" and "россией" all meet at "росси".
 *
 * Why not a Snowball stemmer: a stemmer for running text also strips
 * derivational endings, and for names that merges different states:
 * Russian Snowball gives "нигер" for both Нигер (Niger) and Нигерия
 * (Nigeria).  Names only decline, so removing the one case ending of a
 * noun (Zaliznyak's first and second declensions; Ukrainian -і/-ї/-у
 * forms) is enough and keeps Нигер/Нигера ("нигер") apart from
 * Нигерия/Нигерии ("нигери").  A word keeps at least three letters.
 * Input is already case-folded by the text stage's ent_text_fold().
 */
#include "actors/dict_internal.h"
#include "util/utf8.h"

#include <string.h>
#include <stdlib.h>
#include <utf8proc.h>

int ent_ukey_plain(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || c == '.')
			return 0;
	}
	return 1;
}

static int32_t first_cp(const char *s, size_t n)
{
	int32_t cp = -1;
	if (n == 0)
		return -1;
	if (ent_utf8_decode((const unsigned char *)s, n, &cp) <= 0)
		return -1;
	return cp;
}

int ent_ukey_is_cjk(const char *s, size_t n)
{
	int32_t c = first_cp(s, n);
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0x31F0 && c <= 0x31FF);
}

int ent_ukey_is_hangul(const char *s, size_t n)
{
	int32_t c = first_cp(s, n);
	return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	       (c >= 0x3130 && c <= 0x318F);
}

static int is_cyr(int32_t c)
{
	return c >= 0x0400 && c <= 0x052F;
}

static int is_latin(int32_t c)
{
	return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
}

int ent_ukey_has_cyrillic(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t c;
		int l = ent_utf8_decode((const unsigned char *)s + i, n - i, &c);
		if (l <= 0)
			return 0;
		if (is_cyr(c))
			return 1;
		i += (size_t)l;
	}
	return 0;
}

/* "u.s." -> "us": single ASCII letters each followed by a stop (the last
 * stop optional), at least two letters. */
static size_t undot(char *out, size_t cap, const char *s, size_t n)
{
	size_t i = 0, k = 0, letters = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return 0;
		if (i + 1 < n && s[i + 1] != '.')
			return 0;
		if (k < cap)
			out[k] = (char)c;
		k++;
		letters++;
		i += 2;
	}
	return letters >= 2 ? k : 0;
}

/* Case endings of Russian and Ukrainian nouns, UTF-8, longest first. */
static const char *const cyr_endings[] = {
	"ами", "ями",
	"ах", "ях", "ов", "ев", "ей", "ой", "ом", "ем", "ём", "ым", "им", "ою", "ею",
	"а", "я", "у", "ю", "е", "ы", "и", "о", "й", "ь", "і", "ї", "є",
	NULL
};

/* Count code points. */
static size_t cps(const char *s, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

/* Cyrillic: ё -> е, then one case ending off (at least three letters
 * stay).  Writes to out (cap bytes); returns the length. */
static size_t cyr_key(char *out, size_t cap, const char *s, size_t n)
{
	char tmp[512];
	size_t t = 0, i, k;
	for (i = 0; i < n && t + 4 < sizeof tmp;) {
		int32_t c;
		int l = ent_utf8_decode((const unsigned char *)s + i, n - i, &c);
		if (l <= 0)
			break;
		if (c == 0x0451)
			c = 0x0435;
		t += (size_t)ent_utf8_encode(c, (unsigned char *)tmp + t);
		i += (size_t)l;
	}
	for (k = 0; cyr_endings[k]; k++) {
		size_t el = strlen(cyr_endings[k]);
		if (t > el && memcmp(tmp + t - el, cyr_endings[k], el) == 0 &&
		    cps(tmp, t - el) >= 3) {
			t -= el;
			break;
		}
	}
	memcpy(out, tmp, t < cap ? t : cap);
	return t;
}

size_t ent_ukey(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, k;
	int latin_only = 1, cyr = 0, high = 0;

	if (memchr(s, '.', n)) {
		size_t u = undot(out, cap, s, n);
		if (u)
			return u;
	}
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80) {
			high = 1;
			break;
		}
	if (!high) {
		k = n < cap ? n : cap;
		memcpy(out, s, k);
		return n;
	}
	for (i = 0; i < n;) {
		int32_t c;
		int l = ent_utf8_decode((const unsigned char *)s + i, n - i, &c);
		if (l <= 0) {
			latin_only = 0;
			break;
		}
		if (is_cyr(c))
			cyr = 1;
		if (!is_latin(c) && utf8proc_category(c) != UTF8PROC_CATEGORY_MN)
			latin_only = 0;
		i += (size_t)l;
	}
	if (cyr)
		return cyr_key(out, cap, s, n);
	if (latin_only) {
		utf8proc_uint8_t *m = NULL;
		utf8proc_ssize_t ml = utf8proc_map((const utf8proc_uint8_t *)s,
		                                   (utf8proc_ssize_t)n, &m,
		                                   UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
		if (ml > 0 && m) {
			k = (size_t)ml < cap ? (size_t)ml : cap;
			memcpy(out, m, k);
			free(m);
			return (size_t)ml;
		}
		free(m);
	}
	k = n < cap ? n : cap;
	memcpy(out, s, k);
	return n;
}
