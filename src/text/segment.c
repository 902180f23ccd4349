/*
 * segment.c - stage 3 of the text stage: sentence boundaries in the repaired
 * text B.
 *
 * A boundary falls after terminal punctuation (. ! ? and the CJK 。！？),
 * together with any closing quotes and brackets that follow it, when white
 * space or the end follows; after a CJK terminal no space is needed.  A
 * paragraph mark ("\n") always ends a sentence.  A full stop does not end a
 * sentence when:
 *   - the word before it is a title or a short form that never ends one
 *     ("Mr.", "Gen.", "Sen.", "vs.", "approx.");
 *   - the word is "No.", "Art.", "Vol.", "p." or a month ("Jan.", "Sept.")
 *     and a number follows;
 *   - the word is a single capital (an initial: "J. R. R. Tolkien") or a
 *     dotted short form ("U.S.", "U.N.", "e.g.", "a.m."), unless the next
 *     word is one that typically opens a sentence ("The", "He", "But", ...);
 *   - the next word starts with a lower-case letter.
 * Quotations and brackets up to 250 bytes that close within the paragraph
 * are kept whole: no boundary inside them.
 * A sentence longer than the limit is cut at the last space before it.
 */
#include "text/text_internal.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/swar.h"

#include <string.h>
#include <strings.h>

#define PROTECT_MAX 250

static int in_list(const char *w, size_t n, const char *const *list)
{
	size_t k;
	int c0 = w[0] | 0x20;
	if (n > 9)
		return 0;
	for (k = 0; list[k]; k++)
		if ((list[k][0] | 0x20) == c0 && strncasecmp(w, list[k], n) == 0 &&
		    list[k][n] == '\0')
			return 1;
	return 0;
}

/* Never end a sentence. */
static const char *const titles[] = {
	"mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "gens",
	"lt", "col", "maj", "capt", "cmdr", "cdr", "adm", "brig", "sgt", "cpl",
	"pvt", "sen", "sens", "rep", "reps", "gov", "pres", "rev", "hon", "amb",
	"st", "mt", "ft", "supt", "insp", "gov", "sec", "jr", "sr", "vs", "v",
	"cf", "approx", "ca", "viz", "al", "esp", "dept", "govt", "min",
	NULL};
/* End no sentence when a number follows. */
static const char *const numprefix[] = {
	"no", "nos", "art", "arts", "vol", "vols", "p", "pp", "para", "paras",
	"fig", "figs", "ch", "chap", "sec", "ed", "op", "tel", "ext", "rm",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", NULL};
/* Words that usually open a sentence (after an ambiguous short form). */
static const char *const starters[] = {
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In",
	"On", "At", "But", "And", "This", "That", "These", "Those", "His",
	"Her", "Their", "Its", "Our", "There", "Meanwhile", "However", "Also",
	"After", "Before", "When", "While", "According", "As", "If", "Some",
	"Many", "Most", "No", "Officials", "Analysts", "Yet", "Still", "So",
	"Since", "During", "Earlier", "Later", "Last", "Both", "Such", NULL};

static int is_closer(int32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
	       c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x300D ||
	       c == 0x300F || c == 0xFF09;
}

static int is_cjk_terminal(int32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

/* Where the quotation or bracket opening at i closes (exclusive), or 0. */
static size_t find_close(const char *b, size_t n, size_t i, int32_t open,
                         int len)
{
	int32_t want;
	int depth = 1;
	size_t j = i + (size_t)len, lim = i + PROTECT_MAX;
	switch (open) {
	case '(': want = ')'; break;
	case '[': want = ']'; break;
	case 0x201C: want = 0x201D; break;
	case 0x00AB: want = 0x00BB; break;
	case 0x201E: want = 0x201C; break;
	case '"': want = '"'; break;
	default: return 0;
	}
	if (lim > n)
		lim = n;
	while (j < lim) {
		int32_t c;
		int l;
		if (b[j] == '\n')
			return 0;
		ent_text_class(b + j, n - j, &c, &l);
		if (c == want && !(want == '"' && j + 1 < n && b[j + 1] != ' ' &&
		                   b[j + 1] != '\n' &&
		                   ent_text_cp_class((unsigned char)b[j + 1]) !=
		                           ENT_CC_PUNCT)) {
			if (--depth == 0)
				return j + (size_t)l;
		} else if (c == open && want != '"') {
			depth++;
		}
		j += (size_t)l;
	}
	return 0;
}

/* ASCII bytes that can neither end a sentence nor open a quotation. */
static const unsigned char seg_plain[128] = {
	[' '] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1,
	[')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['/'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1,
	['<'] = 1, ['='] = 1, ['>'] = 1, ['@'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1, [']'] = 1, ['\\'] = 1, ['^'] = 1, ['_'] = 1,
	['`'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

typedef struct {
	ent_span **spans;
	size_t *count, *cap;
	size_t max;
	ent_text_stats *st;
	const char *b;
} seg;

static int push(seg *s, size_t from, size_t to)
{
	if (ENT_GROW(*s->spans, *s->count, *s->cap) < 0)
		return ENT_ENOMEM;
	(*s->spans)[*s->count].b_start = from;
	(*s->spans)[*s->count].b_end = to;
	(*s->count)++;
	return 0;
}

/* Emit [from, to) trimmed, cut into pieces of at most s->max bytes. */
static int emit(seg *s, size_t from, size_t to)
{
	const char *b = s->b;
	while (from < to && (b[from] == ' ' || b[from] == '\n'))
		from++;
	while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\n'))
		to--;
	while (to - from > s->max) {
		size_t cut = from + s->max, k = cut;
		while (k > from && b[k] != ' ')
			k--;
		if (k == from) { /* no space: cut at a character boundary */
			k = cut;
			while (k > from && ((unsigned char)b[k] & 0xC0) == 0x80)
				k--;
			if (k == from)
				k = cut;
		}
		s->st->long_sentences++;
		if (push(s, from, k) < 0)
			return ENT_ENOMEM;
		from = k;
		while (from < to && b[from] == ' ')
			from++;
	}
	if (to > from)
		return push(s, from, to);
	return 0;
}

/* Decide whether the full stop at i (with the break candidate at j, after
 * closers, and the next word at k) ends the sentence. */
static int period_ends(const char *b, size_t n, size_t i, size_t k)
{
	size_t w = i;
	int dotted = 0, nc;
	int32_t next;
	int nl;
	size_t ks = k, ke;

	/* the word before the full stop (letters and inner dots) */
	while (w > 0) {
		unsigned char c = (unsigned char)b[w - 1];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			w--;
		else if (c == '.' && w - 1 > 0 && w < i &&
		         ((b[w - 2] >= 'a' && b[w - 2] <= 'z') ||
		          (b[w - 2] >= 'A' && b[w - 2] <= 'Z'))) {
			dotted = 1;
			w--;
		} else
			break;
	}
	if (k >= n)
		return 1;
	/* skip opening quotes/brackets before the next word */
	while (ks < n) {
		ent_text_class(b + ks, n - ks, &next, &nl);
		if (next == '"' || next == '\'' || next == '(' || next == '[' ||
		    next == 0x201C || next == 0x2018 || next == 0x00AB)
			ks += (size_t)nl;
		else
			break;
	}
	if (ks >= n)
		return 1;
	nc = ent_text_class(b + ks, n - ks, &next, &nl);
	ke = ks;
	while (ke < n && ((b[ke] >= 'a' && b[ke] <= 'z') ||
	                  (b[ke] >= 'A' && b[ke] <= 'Z')))
		ke++;

	if (i > w) {
		const char *word = b + w;
		size_t wl = i - w;
		if (!dotted && in_list(word, wl, titles))
			return 0;
		if (!dotted && nc == ENT_CC_DIGIT && in_list(word, wl, numprefix))
			return 0;
		if (dotted || (wl == 1 && word[0] >= 'A' && word[0] <= 'Z'))
			return nc == ENT_CC_UPPER && ke > ks &&
			       in_list(b + ks, ke - ks, starters) &&
			       (b[ks] >= 'A' && b[ks] <= 'Z');
	}
	return nc != ENT_CC_LOWER;
}

int ent_text_segment(ent_span **spans, size_t *count, size_t *cap,
                     const char *b, size_t n, size_t max_bytes,
                     ent_text_stats *st)
{
	seg s;
	size_t i = 0, start = 0, protect_until = 0;
	int rc;

	s.spans = spans;
	s.count = count;
	s.cap = cap;
	s.max = max_bytes ? max_bytes : (size_t)-1;
	s.st = st;
	s.b = b;

	while (i < n) {
		unsigned char c = (unsigned char)b[i];
		int32_t cp;
		int len;

		if (c == '\n') {
			if ((rc = emit(&s, start, i)) < 0)
				return rc;
			start = i + 1;
			protect_until = 0;
			i++;
			continue;
		}
		if (c < 0x80 && seg_plain[c] && !ent_text_slow_paths) { /* fast path */
			i++;
			while (i + 8 <= n) {
				uint64_t x = ent_swar_load(b + i);
				uint64_t m = ent_swar_eq(x, '.') | ent_swar_eq(x, '!') |
				             ent_swar_eq(x, '?') | ent_swar_eq(x, '(') |
				             ent_swar_eq(x, '[') | ent_swar_eq(x, '"') |
				             ent_swar_eq(x, '\n') | ent_swar_high(x);
				if (m) {
					i += ent_swar_first(m);
					break;
				}
				i += 8;
			}
			while (i < n && (unsigned char)b[i] < 0x80 &&
			       seg_plain[(unsigned char)b[i]])
				i++;
			continue;
		}
		ent_text_class(b + i, n - i, &cp, &len);
		if (i >= protect_until &&
		    (cp == '(' || cp == '[' || cp == 0x201C || cp == 0x00AB ||
		     cp == 0x201E ||
		     (cp == '"' && (i == 0 || b[i - 1] == ' ' || b[i - 1] == '(')))) {
			size_t close = find_close(b, n, i, cp, len);
			if (close)
				protect_until = close;
		}
		if (cp == '.' || cp == '!' || cp == '?' || is_cjk_terminal(cp) ||
		    cp == 0x2026) {
			size_t j = i + (size_t)len;
			int cjk = is_cjk_terminal(cp);
			/* more terminals and closers belong to this sentence */
			while (j < n) {
				int32_t c2;
				int l2;
				ent_text_class(b + j, n - j, &c2, &l2);
				if (c2 == '.' || c2 == '!' || c2 == '?' || c2 == 0x2026 ||
				    is_cjk_terminal(c2) || is_closer(c2))
					j += (size_t)l2;
				else
					break;
			}
			if (protect_until && j >= protect_until)
				protect_until = 0;
			if (!protect_until) {
				int ends = 0;
				if (j >= n || b[j] == '\n') {
					ends = 1;
				} else if (b[j] == ' ') {
					size_t k = j + 1;
					if (cp == '.')
						ends = period_ends(b, n, i, k);
					else if (cp == 0x2026)
						ends = 0;
					else {
						int32_t nx;
						int nl2;
						ends = ent_text_class(b + k, n - k, &nx, &nl2) !=
						       ENT_CC_LOWER;
					}
				} else if (cjk) {
					ends = 1;
				}
				if (ends) {
					if ((rc = emit(&s, start, j)) < 0)
						return rc;
					start = j;
				}
			}
			i = j;
			continue;
		}
		i += (size_t)len;
	}
	return emit(&s, start, n);
}
