/*
 * units.c - splitting tokens into matching units, shared by the dictionary
 * side (dict.c) and the text side (match.c).  See units.h.
 *
 * Elisions: French and Italian glue an article or preposition to the next
 * word with an apostrophe (l'Iran, d'Israël, dell'Ucraina).  When the part
 * before the apostrophe is one of those short words, it becomes a unit of
 * its own that never matches, and the rest may start a match.  Other inner
 * apostrophes (O'Brien, Côte d'Ivoire's "d'Ivoire" inside a phrase) are
 * treated the same way, which is harmless: the dictionary side splits
 * identically.
 */
#include "actors/units.h"
#include "text/text_internal.h"
#include "util/utf8.h"

#include <string.h>
#include <utf8proc.h>

const unsigned char ent_units_alnum[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2, ['g'] = 2,
	['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2,
	['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2, ['u'] = 2,
	['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2,
	['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3,
	['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3,
	['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3, ['U'] = 3,
	['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3
};

static const char *const elisions[] = {
	"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
	"puisqu", "dell", "all", "dall", "nell", "sull", "quell", "un", NULL
};

static int is_elision(const char *s, size_t n)
{
	size_t i, k;
	char low[8];
	if (n == 0 || n > 6)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return 0;
		low[i] = (char)c;
	}
	for (k = 0; elisions[k]; k++)
		if (strlen(elisions[k]) == n && memcmp(elisions[k], low, n) == 0)
			return 1;
	return 0;
}

/* length of an apostrophe at s[i] (' or U+2019), else 0 */
static int apos_at(const char *s, size_t n, size_t i)
{
	if (s[i] == '\'')
		return 1;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x99)
		return 3;
	return 0;
}

/* length of a hyphen at s[i] (-, U+2010, U+2011), else 0 */
static int hyphen_at(const char *s, size_t n, size_t i)
{
	if (s[i] == '-')
		return 1;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91))
		return 3;
	return 0;
}

size_t ent_units_pieces(const char *t, size_t n, ent_upiece *out, size_t max)
{
	size_t i = 0, start = 0, np = 0;
	uint8_t fl = ENT_U_TOKSTART;
	if (max == 0)
		return 0;
	while (i < n) {
		int h = hyphen_at(t, n, i);
		int a = h ? 0 : apos_at(t, n, i);
		if (h && i > start && i + (size_t)h < n && np + 1 < max) {
			out[np].off = (uint32_t)start;
			out[np].len = (uint32_t)(i - start);
			out[np].flags = fl;
			np++;
			start = i + (size_t)h;
			fl = ENT_U_HYPHCONT;
			i = start;
			continue;
		}
		if (a && i > start && i + (size_t)a < n && np + 1 < max &&
		    is_elision(t + start, i - start)) {
			out[np].off = (uint32_t)start;
			out[np].len = (uint32_t)(i - start);
			out[np].flags = (uint8_t)(fl | ENT_U_ELIDED);
			np++;
			start = i + (size_t)a;
			fl = (uint8_t)((fl & ENT_U_HYPHCONT) ? ENT_U_HYPHCONT : ENT_U_TOKSTART);
			i = start;
			continue;
		}
		i += h ? (size_t)h : a ? (size_t)a : 1;
	}
	out[np].off = (uint32_t)start;
	out[np].len = (uint32_t)(n - start);
	out[np].flags = fl;
	return np + 1;
}

int ent_units_case(const char *s, size_t n)
{
	size_t i = 0;
	int letters = 0, uppers = 0, first_upper = -1;
	while (i < n) {
		int32_t c;
		int l;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			c = b;
			l = 1;
		} else {
			l = ent_utf8_decode((const unsigned char *)s + i, n - i, &c);
			if (l <= 0)
				break;
		}
		if (c < 0x80) {
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
				int up = c <= 'Z';
				letters++;
				uppers += up;
				if (first_upper < 0)
					first_upper = up;
			}
		} else {
			const utf8proc_property_t *p = utf8proc_get_property(c);
			if (p->category == UTF8PROC_CATEGORY_LU || p->category == UTF8PROC_CATEGORY_LT) {
				letters++;
				uppers++;
				if (first_upper < 0)
					first_upper = 1;
			} else if (p->category == UTF8PROC_CATEGORY_LL) {
				letters++;
				if (first_upper < 0)
					first_upper = 0;
			}
		}
		i += (size_t)l;
	}
	if (letters >= 2 && uppers == letters)
		return ENT_U_CAP | ENT_U_ALLCAPS;
	return first_upper == 1 ? ENT_U_CAP : 0;
}

size_t ent_units_key(char *out, const char *s, size_t n)
{
	char f[512];
	size_t fl = ent_text_fold(f, sizeof f, s, n);
	size_t k;
	if (fl >= sizeof f)
		return 0;
	k = ent_ukey(out, 512, f, fl);
	return k > 512 ? 0 : k;
}

/* Korean case and topic particles and a few attached endings, longest
 * first within each length (UTF-8: 3 bytes a syllable). */
static const char *const particles[] = {
	"에서는", "에게서", "으로서", "으로써", "이라는", "이라고", "과의", "와의", "에서",
	"에게", "으로", "께서", "까지", "부터", "처럼", "보다", "이나", "이며", "이고",
	"이다", "에는", "에도", "로서", "로써", "라는", "라고", "측은", "측이", "측의",
	"은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만", "측",
	NULL
};

size_t ent_units_particle(const char *s, size_t n)
{
	size_t k;
	for (k = 0; particles[k]; k++) {
		size_t pl = strlen(particles[k]);
		if (n > pl + 2 && memcmp(s + n - pl, particles[k], pl) == 0)
			return pl;
	}
	return 0;
}
