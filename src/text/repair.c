/*
 * repair.c - stage 2 of the text stage: white space and the artifacts of
 * machine translation and OCR.
 *
 * One pass over A (valid NFC UTF-8), copying runs and rewriting only at
 * white space and sentence punctuation:
 *   - a run of white space becomes one space; with two or more line breaks
 *     it becomes "\n" (a paragraph mark); leading/trailing space goes.
 *   - "Kim Jong -un", "anti -imperialism": the space before an intra-word
 *     hyphen goes (when a lower-case letter follows the hyphen and the word
 *     after it is not a function word); "Jong- un" likewise, except in
 *     suspended compounds ("pro- and anti-war").
 *   - "Seoul , Tokyo", "end .", "5 %", "( text )": the space before closing
 *     punctuation (and after opening brackets) goes; "Seoul ,Tokyo" becomes
 *     "Seoul, Tokyo", "the purpose .Defence" becomes "the purpose.
 *     Defence".  ".5", ".com", ",000" are never touched.
 *   - "Japan –the U.S." (a spaced en/em dash glued to the next word) gets
 *     its second space: "Japan – the U.S.".
 *   - "Russia 's", "did n't" are rejoined.
 *   - "the Far East.During": a space is inserted after a full stop (or ! ?)
 *     glued between a lower-case word and a capitalised one.  "U.S.", "3.5",
 *     "e.g." and ".com" do not match the pattern.
 * What it deliberately does not do: guess at words split by OCR line breaks
 * ("diplo-\nmatic"), or change letters.
 */
#include "text/text_internal.h"
#include "util/utf8.h"

#include <pthread.h>
#include <string.h>

/* Where a repair may start, judged from a byte and the byte after it (a
 * 64 KiB table indexed by both).  Most single spaces are between ordinary
 * characters and need no look; the pairs below do:
 *   - any white space other than a plain space, and lead bytes that may
 *     begin a Unicode space (C2, E1, E2, E3);
 *   - a space before white space, punctuation, a hyphen, an apostrophe,
 *     a quote, "n" (for "did n't") or any non-ASCII byte;
 *   - a hyphen or an opening bracket before a space;
 *   - a non-ASCII byte before a space (an opening curly quote, say);
 *   - . ! ? before an upper-case letter (glued sentences). */
static unsigned char rep_pair[65536];
static pthread_once_t rep_once = PTHREAD_ONCE_INIT;
int ent_text_slow_paths;

static int ascii_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static void init_special(void)
{
	int b0, b1;
	for (b0 = 0; b0 < 256; b0++)
		for (b1 = 0; b1 < 256; b1++) {
			int sp = 0;
			if (b0 < 0x20 || b0 == 0x7F || b0 == 0xC2 || b0 == 0xE1 ||
			    b0 == 0xE2 || b0 == 0xE3)
				sp = 1;
			else if (b0 == ' ')
				sp = ascii_ws(b1) || b1 < 0x20 || b1 >= 0x7F ||
				     strchr(",.;:!?)]}%-'\"n", b1) != NULL;
			else if (b1 == ' ')
				sp = b0 == '-' || b0 == '(' || b0 == '[' || b0 == '{' ||
				     b0 >= 0x80;
			else if (b0 == '.' || b0 == '!' || b0 == '?')
				sp = (b1 >= 'A' && b1 <= 'Z') || b1 >= 0xC0;
			rep_pair[b0 | (b1 << 8)] = (unsigned char)sp;
		}
}

static inline int pair_at(const char *a, size_t i)
{
	return rep_pair[(unsigned char)a[i] | ((unsigned char)a[i + 1] << 8)];
}

typedef struct {
	ent_buf *out;
	ent_offmap *map;
	const char *a;
	size_t n;
	size_t run; /* start of the pending copy */
	ent_text_stats *st;
} rep;

static int flush(rep *r, size_t upto)
{
	if (upto > r->run) {
		ent_buf_put(r->out, r->a + r->run, upto - r->run);
		if (r->out->oom || ent_offmap_copy(r->map, r->run, upto - r->run) < 0)
			return ENT_ENOMEM;
	}
	r->run = upto;
	return 0;
}

static int replace(rep *r, size_t at, size_t in_len, const char *bytes,
                   size_t out_len)
{
	if (flush(r, at) < 0)
		return ENT_ENOMEM;
	ent_buf_put(r->out, bytes, out_len);
	if (r->out->oom || ent_offmap_replace(r->map, at, in_len, out_len) < 0)
		return ENT_ENOMEM;
	r->run = at + in_len;
	return 0;
}

/* Code point ending just before offset i (A is valid UTF-8); -1 at start. */
static int32_t cp_before(const char *a, size_t i, size_t *start)
{
	size_t s = i;
	int32_t cp;
	if (i == 0) {
		*start = 0;
		return -1;
	}
	s--;
	while (s > 0 && ((unsigned char)a[s] & 0xC0) == 0x80)
		s--;
	ent_utf8_decode((const unsigned char *)a + s, i - s, &cp);
	*start = s;
	return cp;
}

static int32_t cp_at(const char *a, size_t n, size_t i, int *len)
{
	int32_t cp;
	if (i >= n) {
		*len = 0;
		return -1;
	}
	if ((unsigned char)a[i] < 0x80) {
		*len = 1;
		return (unsigned char)a[i];
	}
	*len = ent_utf8_decode((const unsigned char *)a + i, n - i, &cp);
	return cp;
}

static int is_letter_class(int c)
{
	return c == ENT_CC_UPPER || c == ENT_CC_LOWER || c == ENT_CC_LETTER;
}

/* Length of the white-space character at i (0 if none); adds line breaks. */
static size_t ws_at(const char *a, size_t n, size_t i, int *newlines)
{
	unsigned char c = (unsigned char)a[i];
	if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
		return 1;
	if (c == '\n') {
		(*newlines)++;
		return 1;
	}
	if (c == '\r') {
		(*newlines)++;
		return (i + 1 < n && a[i + 1] == '\n') ? 2 : 1;
	}
	if (c >= 0x80) {
		int len;
		int32_t cp = cp_at(a, n, i, &len);
		if (ent_text_cp_class(cp) == ENT_CC_SPACE) {
			if (cp == 0x2028)
				(*newlines)++;
			else if (cp == 0x2029)
				*newlines += 2;
			return (size_t)len;
		}
	}
	return 0;
}

/* Does a function word ("and", "or", ...) start at i (lower case)? */
static int function_word_at(const char *a, size_t n, size_t i)
{
	static const char *const words[] = {
		"a", "an", "and", "are", "as", "at", "but", "by", "for", "in",
		"is", "it", "nor", "of", "on", "or", "the", "that", "to",
		"was", "which", "who", "with", "und", NULL
	};
	size_t j = i, k;
	while (j < n && a[j] >= 'a' && a[j] <= 'z')
		j++;
	if (j < n && (unsigned char)a[j] >= 0x80) {
		int len;
		if (is_letter_class(ent_text_cp_class(cp_at(a, n, j, &len))))
			return 0;
	}
	for (k = 0; words[k]; k++)
		if (strlen(words[k]) == j - i && memcmp(a + i, words[k], j - i) == 0)
			return 1;
	return 0;
}

static int is_close_punct(int32_t c)
{
	return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
	       c == '?' || c == ')' || c == ']' || c == '}' || c == '%' ||
	       c == 0x201D || c == 0x00BB;
}

static int is_open_bracket(int32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == 0x201C || c == 0x00AB;
}

/* Decide what the white-space run [i, j) becomes; returns the number of
 * bytes of A after j that the replacement also covers (for ", " fixes). */
static int handle_ws(rep *r, size_t i, size_t j, int newlines)
{
	const char *a = r->a;
	size_t n = r->n, p1s, p2s;
	int32_t p1 = cp_before(a, i, &p1s);
	int32_t p2 = p1 >= 0 ? cp_before(a, p1s, &p2s) : -1;
	int c1 = ent_text_cp_class(p1), c2 = ent_text_cp_class(p2);
	int l1, l2, l3;
	int32_t n1 = cp_at(a, n, j, &l1);
	int32_t n2 = cp_at(a, n, j + (size_t)l1, &l2);
	int32_t n3 = cp_at(a, n, j + (size_t)l1 + (size_t)l2, &l3);
	int nc1 = ent_text_cp_class(n1), nc2 = ent_text_cp_class(n2);
	int nc3 = ent_text_cp_class(n3);

	if (i == 0 || j >= n)
		return replace(r, i, j - i, "", 0);
	if (newlines >= 2)
		return replace(r, i, j - i, "\n", 1);

	/* "Kim Jong -un", "anti -imperialism" */
	if (newlines == 0 && n1 == '-' && nc2 == ENT_CC_LOWER &&
	    is_letter_class(c1) && !function_word_at(a, n, j + 1)) {
		r->st->hyphen_spaces++;
		return replace(r, i, j - i, "", 0);
	}
	/* "Jong- un" (but "pro- and anti-war") */
	if (newlines == 0 && p1 == '-' && is_letter_class(c2) &&
	    nc1 == ENT_CC_LOWER && !function_word_at(a, n, j)) {
		r->st->hyphen_spaces++;
		return replace(r, i, j - i, "", 0);
	}
	/* "Russia 's", "Russia ’s" */
	if ((n1 == '\'' || n1 == 0x2019) && (n2 == 's' || n2 == 'S') &&
	    !is_letter_class(nc3) && nc3 != ENT_CC_DIGIT && is_letter_class(c1)) {
		r->st->split_apostrophes++;
		return replace(r, i, j - i, "", 0);
	}
	/* "did n't" */
	if (n1 == 'n' && (n2 == '\'' || n2 == 0x2019) && n3 == 't' &&
	    is_letter_class(c1)) {
		int l4;
		int32_t n4 = cp_at(a, n, j + (size_t)l1 + (size_t)l2 + (size_t)l3, &l4);
		if (!is_letter_class(ent_text_cp_class(n4))) {
			r->st->split_apostrophes++;
			return replace(r, i, j - i, "", 0);
		}
	}
	/* space before closing punctuation */
	if (is_close_punct(n1) &&
	    (is_letter_class(c1) || c1 == ENT_CC_DIGIT || c1 == ENT_CC_MARK ||
	     p1 == ')' || p1 == ']' || p1 == '"' || p1 == 0x201D || p1 == '%' ||
	     p1 == 0x2019 || p1 == 0x00BB)) {
		int after_ok = !(is_letter_class(nc2) || nc2 == ENT_CC_DIGIT);
		if (n1 == '%' && c1 != ENT_CC_DIGIT)
			after_ok = 0;
		if (after_ok) {
			r->st->space_before_punct++;
			return replace(r, i, j - i, "", 0);
		}
		if ((n1 == ',' || n1 == ';' ||
		     ((n1 == '.' || n1 == '!' || n1 == '?') &&
		      nc3 == ENT_CC_LOWER)) &&
		    nc2 == ENT_CC_UPPER) {
			/* "Seoul ,Tokyo" -> "Seoul, Tokyo";
			 * "the purpose .Defence" -> "the purpose. Defence" */
			char fix[2] = {(char)n1, ' '};
			r->st->space_before_punct++;
			return replace(r, i, j - i + 1, fix, 2);
		}
	}
	/* "Japan –the U.S." -> "Japan – the U.S." (en/em dash) */
	if ((n1 == 0x2013 || n1 == 0x2014) &&
	    (is_letter_class(nc2) || nc2 == ENT_CC_DIGIT)) {
		char fix[8];
		int k = 0;
		fix[k++] = ' ';
		memcpy(fix + k, a + j, (size_t)l1);
		k += l1;
		fix[k++] = ' ';
		r->st->dash_spaces++;
		return replace(r, i, j - i + (size_t)l1, fix, (size_t)k);
	}
	/* "( text", "“ text" */
	if (is_open_bracket(p1) &&
	    (is_letter_class(nc1) || nc1 == ENT_CC_DIGIT)) {
		r->st->space_before_punct++;
		return replace(r, i, j - i, "", 0);
	}
	if (j - i == 1 && a[i] == ' ')
		return 0; /* already a single space */
	if (newlines == 0 && j - i > 1)
		r->st->space_runs++;
	return replace(r, i, j - i, " ", 1);
}

int ent_text_repair(ent_buf *out, ent_offmap *map, const char *a, size_t n,
                    ent_text_stats *st)
{
	rep r;
	size_t i = 0;
	int rc, after_wide = 0;

	pthread_once(&rep_once, init_special);
	r.out = out;
	r.map = map;
	r.a = a;
	r.n = n;
	r.run = 0;
	r.st = st;
	ent_buf_clear(out);
	ent_offmap_clear(map);
	if (ent_buf_grow(out, n + n / 16 + 16) < 0)
		return ENT_ENOMEM;

	while (i < n) {
		unsigned char c = (unsigned char)a[i];
		int newlines = 0;
		int wide = after_wide;
		size_t w;

		/* fast path: pairs of bytes where no rule can start (not right
		 * after a non-ASCII character: it may be an opening quote) */
		after_wide = 0;
		if (!wide && i > 0 && i + 1 < n && !pair_at(a, i) &&
		    !ent_text_slow_paths) {
			i++;
			while (i + 1 < n && !pair_at(a, i))
				i++;
			c = (unsigned char)a[i];
		}
		if (i + 1 < n && c < 0x80 && c > ' ' && c != '.' && c != '!' &&
		    c != '?' && a[i + 1] == ' ') {
			/* a hyphen or bracket before a space: the space decides */
			i++;
			c = (unsigned char)a[i];
		}
		w = ws_at(a, n, i, &newlines);
		if (w) {
			size_t j = i + w;
			size_t w2;
			while (j < n && (w2 = ws_at(a, n, j, &newlines)) > 0)
				j += w2;
			if ((rc = handle_ws(&r, i, j, newlines)) < 0)
				return rc;
			i = r.run > j ? r.run : j;
			continue;
		}
		if (c == '.' || c == '!' || c == '?') {
			/* "the Far East.During the visit" */
			size_t s1, s2;
			int32_t p1 = cp_before(a, i, &s1);
			int32_t p2 = p1 >= 0 ? cp_before(a, s1, &s2) : -1;
			int c1 = ent_text_cp_class(p1), c2 = ent_text_cp_class(p2);
			int l1, l2;
			int32_t n1 = cp_at(a, n, i + 1, &l1);
			int32_t n2 = cp_at(a, n, i + 1 + (size_t)l1, &l2);
			int glued = 0;
			if (ent_text_cp_class(n1) == ENT_CC_UPPER &&
			    ent_text_cp_class(n2) == ENT_CC_LOWER) {
				if (c1 == ENT_CC_LOWER && is_letter_class(c2))
					glued = 1;
				else if (c1 == ENT_CC_DIGIT && c2 == ENT_CC_DIGIT && c == '.')
					glued = 1;
				else if (c != '.' && is_letter_class(c1))
					glued = 1;
			}
			if (glued) {
				st->glued_sentences++;
				if ((rc = flush(&r, i + 1)) < 0 ||
				    (rc = replace(&r, i + 1, 0, " ", 1)) < 0)
					return rc;
			}
			i++;
			continue;
		}
		if (c >= 0x80) {
			int len;
			cp_at(a, n, i, &len);
			i += (size_t)len;
			after_wide = 1;
			continue;
		}
		i++; /* other control bytes cannot occur after normalize */
	}
	if ((rc = flush(&r, n)) < 0)
		return rc;
	map->in_total = n;
	return 0;
}
