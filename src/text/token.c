/*
 * token.c - tokens of one sentence of the repaired text.
 *
 * Rules, in the order they are tried at each position:
 *   - white space separates tokens and is never a token;
 *   - "n't" after a verb ("did", "n't") and the possessive "'s" are tokens
 *     of their own;
 *   - a word is a run of letters, marks and digits, with inner hyphens
 *     ("Jong-un", "F-16", "2023-09-13"), inner apostrophes ("O'Brien",
 *     "l'Iran") and, for numbers, inner . , : / ("3.5", "1,000", "10:30");
 *     single letters joined by full stops keep their final stop ("U.S.",
 *     "e.g.").  A word never mixes Han/kana with other letters: Chinese and
 *     Japanese runs are tokens of their own, matched inside by the actor
 *     stage;
 *   - anything else is one character: punctuation (a run of full stops is
 *     one token) or another symbol.
 * Shapes: number (digits with . , : / -), word, punct, other.
 */
#include "text/text_internal.h"
#include "util/utf8.h"

#include <string.h>

static inline int ent_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_alnum_class(int c)
{
	return c == ENT_CC_UPPER || c == ENT_CC_LOWER || c == ENT_CC_LETTER ||
	       c == ENT_CC_MARK || c == ENT_CC_DIGIT;
}

static int is_apos(int32_t c)
{
	return c == '\'' || c == 0x2019;
}

static int is_hyphen(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

size_t ent_text_token_len(const char *s, size_t n, size_t i, int *shape,
                          int *flags)
{
	int32_t cp, c2;
	int len, l2, cls, k2;
	size_t j;
	int letters = 0, uppers = 0, digits_only = 1, cjk;

	*flags = 0;
	/* fast path: a run of ASCII letters and digits ending at a space, the
	   end, or punctuation that cannot join it to what follows */
	{
		unsigned char c0 = (unsigned char)s[i];
		if (c0 < 0x80 && ent_ascii_alnum(c0) &&
		    !((c0 == 'n' || c0 == 'N') && i + 1 < n &&
		      (s[i + 1] == '\'' || (unsigned char)s[i + 1] == 0xE2)) &&
		    !ent_text_slow_paths) {
			size_t q = i;
			int lt = 0, up = 0, firstup = 0;
			while (q < n && (unsigned char)s[q] < 0x80 && ent_ascii_alnum((unsigned char)s[q])) {
				unsigned char c = (unsigned char)s[q];
				if (c > '9') {
					if (lt == 0)
						firstup = c <= 'Z';
					lt++;
					up += c <= 'Z';
				}
				q++;
			}
			if (q == n || !(((unsigned char)s[q] >= 0x80) ||
			                ((s[q] == '-' || s[q] == '\'' || s[q] == '.' || s[q] == ',' ||
			                  s[q] == ':' || s[q] == '/') &&
			                 q + 1 < n && ((unsigned char)s[q + 1] >= 0x80 ||
			                               ent_ascii_alnum((unsigned char)s[q + 1]))))) {
				if (firstup)
					*flags |= ENT_TOKF_CAP;
				if (lt >= 2 && up == lt)
					*flags |= ENT_TOKF_ALLCAPS;
				*shape = lt ? ENT_TOK_WORD : ENT_TOK_NUMBER;
				return q - i;
			}
		}
	}
	cls = ent_text_class(s + i, n - i, &cp, &len);

	/* "n't" */
	if ((cp == 'n' || cp == 'N') && i + 1 < n) {
		ent_text_class(s + i + 1, n - i - 1, &c2, &l2);
		if (is_apos(c2) && i + 1 + (size_t)l2 < n &&
		    (s[i + 1 + l2] == 't' || s[i + 1 + l2] == 'T')) {
			size_t e = i + 2 + (size_t)l2;
			int32_t c3;
			int l3;
			if (e >= n || !is_alnum_class(ent_text_class(s + e, n - e, &c3, &l3))) {
				*shape = ENT_TOK_WORD;
				return e - i;
			}
		}
	}
	/* possessive "'s" */
	if (is_apos(cp) && i + (size_t)len < n &&
	    (s[i + len] == 's' || s[i + len] == 'S')) {
		size_t e = i + (size_t)len + 1;
		int32_t c3;
		int l3;
		if (e >= n || !is_alnum_class(ent_text_class(s + e, n - e, &c3, &l3))) {
			*shape = ENT_TOK_WORD;
			return e - i;
		}
	}
	if (!is_alnum_class(cls)) {
		*shape = (cls == ENT_CC_PUNCT) ? ENT_TOK_PUNCT : ENT_TOK_OTHER;
		j = i + (size_t)len;
		if (cp == '.')
			while (j < n && s[j] == '.')
				j++;
		return j - i;
	}

	/* dotted short forms: U.S., U.N., e.g. */
	if ((cls == ENT_CC_UPPER || cls == ENT_CC_LOWER) && cp < 128 &&
	    i + 3 < n && s[i + 1] == '.' &&
	    ((s[i + 2] >= 'a' && s[i + 2] <= 'z') ||
	     (s[i + 2] >= 'A' && s[i + 2] <= 'Z')) &&
	    s[i + 3] == '.') {
		j = i;
		while (j + 1 < n && ((s[j] >= 'a' && s[j] <= 'z') ||
		                     (s[j] >= 'A' && s[j] <= 'Z')) &&
		       s[j + 1] == '.') {
			letters++;
			if (s[j] >= 'A' && s[j] <= 'Z')
				uppers++;
			j += 2;
		}
		if (j >= n || !is_alnum_class(ent_text_class(s + j, n - j, &c2, &l2))) {
			*shape = ENT_TOK_WORD;
			if (uppers)
				*flags |= ENT_TOKF_CAP;
			if (uppers == letters && letters >= 2)
				*flags |= ENT_TOKF_ALLCAPS;
			return j - i;
		}
		letters = uppers = 0;
	}

	cjk = ent_text_is_cjk(cp);
	j = i;
	for (;;) {
		if (j >= n)
			break;
		cls = ent_text_class(s + j, n - j, &cp, &len);
		if (is_alnum_class(cls)) {
			if (cls != ENT_CC_MARK && ent_text_is_cjk(cp) != cjk)
				break;
			if (cls != ENT_CC_DIGIT)
				digits_only = 0;
			if (cls == ENT_CC_UPPER || cls == ENT_CC_LOWER ||
			    cls == ENT_CC_LETTER) {
				if (letters == 0 && cls == ENT_CC_UPPER)
					*flags |= ENT_TOKF_CAP;
				letters++;
				if (cls == ENT_CC_UPPER)
					uppers++;
			}
			j += (size_t)len;
			continue;
		}
		if (j == i || cjk)
			break;
		/* inner connectors need an alphanumeric on both sides */
		{
			size_t after = j + (size_t)len;
			int32_t prevcp;
			int pl;
			size_t ps = j - 1;
			int ncls;
			if (after >= n)
				break;
			ncls = ent_text_class(s + after, n - after, &c2, &k2);
			if (!is_alnum_class(ncls) || ent_text_is_cjk(c2))
				break;
			while (ps > i && ((unsigned char)s[ps] & 0xC0) == 0x80)
				ps--;
			ent_text_class(s + ps, n - ps, &prevcp, &pl);
			if (is_hyphen(cp)) {
				j = after;
				digits_only = digits_only && ncls == ENT_CC_DIGIT;
				continue;
			}
			if (is_apos(cp)) {
				/* not before a possessive s or n't */
				if ((c2 == 's' || c2 == 'S') &&
				    (after + 1 >= n ||
				     !is_alnum_class(ent_text_class(s + after + 1, n - after - 1,
				                                    &c2, &k2))))
					break;
				if (ncls == ENT_CC_DIGIT)
					break;
				j = after;
				continue;
			}
			if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') &&
			    ncls == ENT_CC_DIGIT && ent_text_cp_class(prevcp) == ENT_CC_DIGIT) {
				j = after;
				continue;
			}
			break;
		}
	}
	/* "didn't": leave "n't" to the next token */
	if (j - i > 3 && !cjk) {
		/* handled by the caller seeing "n't" only if we stop before 'n' */
		size_t q = j;
		if (q - i >= 4 && (s[q - 1] == 't' || s[q - 1] == 'T')) {
			size_t a = q - 1;
			size_t apos_start = a;
			int32_t ca;
			int la;
			/* find the apostrophe before 't' */
			while (apos_start > i && ((unsigned char)s[apos_start - 1] & 0xC0) == 0x80)
				apos_start--;
			if (apos_start > i) {
				size_t as = apos_start - 1;
				while (as > i && ((unsigned char)s[as] & 0xC0) == 0x80)
					as--;
				ent_text_class(s + as, n - as, &ca, &la);
				if (is_apos(ca) && as > i + 1 &&
				    (s[as - 1] == 'n' || s[as - 1] == 'N'))
					j = as - 1;
			}
		}
	}
	if (letters >= 2 && uppers == letters)
		*flags |= ENT_TOKF_ALLCAPS;
	if (cjk)
		*flags |= ENT_TOKF_CJK;
	*shape = digits_only ? ENT_TOK_NUMBER : ENT_TOK_WORD;
	{
		/* numbers may carry inner . , : / - */
		size_t q;
		int only = 1, any_digit = 0;
		for (q = i; q < j; q++) {
			unsigned char c = (unsigned char)s[q];
			if (c >= '0' && c <= '9')
				any_digit = 1;
			else if (!(c == '.' || c == ',' || c == ':' || c == '/' || c == '-'))
				only = 0;
		}
		*shape = (only && any_digit) ? ENT_TOK_NUMBER : ENT_TOK_WORD;
	}
	return j - i;
}
