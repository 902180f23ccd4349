/*
 * charclass.c - the character classes the text stage reasons with (white
 * space, cased letters, uncased letters, marks, digits, punctuation,
 * symbols), from utf8proc's Unicode categories with an ASCII table in front.
 */
#include "text/text_internal.h"
#include "util/utf8.h"

#include <utf8proc.h>

static const unsigned char ascii_class[128] = {
	['\t'] = ENT_CC_SPACE, ['\n'] = ENT_CC_SPACE, ['\r'] = ENT_CC_SPACE,
	['\f'] = ENT_CC_SPACE, ['\v'] = ENT_CC_SPACE, [' '] = ENT_CC_SPACE,
	['!'] = ENT_CC_PUNCT, ['"'] = ENT_CC_PUNCT, ['#'] = ENT_CC_PUNCT,
	['$'] = ENT_CC_SYMBOL, ['%'] = ENT_CC_PUNCT, ['&'] = ENT_CC_PUNCT,
	['\''] = ENT_CC_PUNCT, ['('] = ENT_CC_PUNCT, [')'] = ENT_CC_PUNCT,
	['*'] = ENT_CC_PUNCT, ['+'] = ENT_CC_SYMBOL, [','] = ENT_CC_PUNCT,
	['-'] = ENT_CC_PUNCT, ['.'] = ENT_CC_PUNCT, ['/'] = ENT_CC_PUNCT,
	['0'] = ENT_CC_DIGIT, ['1'] = ENT_CC_DIGIT, ['2'] = ENT_CC_DIGIT,
	['3'] = ENT_CC_DIGIT, ['4'] = ENT_CC_DIGIT, ['5'] = ENT_CC_DIGIT,
	['6'] = ENT_CC_DIGIT, ['7'] = ENT_CC_DIGIT, ['8'] = ENT_CC_DIGIT,
	['9'] = ENT_CC_DIGIT, [':'] = ENT_CC_PUNCT, [';'] = ENT_CC_PUNCT,
	['<'] = ENT_CC_SYMBOL, ['='] = ENT_CC_SYMBOL, ['>'] = ENT_CC_SYMBOL,
	['?'] = ENT_CC_PUNCT, ['@'] = ENT_CC_PUNCT,
	['A'] = ENT_CC_UPPER, ['B'] = ENT_CC_UPPER, ['C'] = ENT_CC_UPPER,
	['D'] = ENT_CC_UPPER, ['E'] = ENT_CC_UPPER, ['F'] = ENT_CC_UPPER,
	['G'] = ENT_CC_UPPER, ['H'] = ENT_CC_UPPER, ['I'] = ENT_CC_UPPER,
	['J'] = ENT_CC_UPPER, ['K'] = ENT_CC_UPPER, ['L'] = ENT_CC_UPPER,
	['M'] = ENT_CC_UPPER, ['N'] = ENT_CC_UPPER, ['O'] = ENT_CC_UPPER,
	['P'] = ENT_CC_UPPER, ['Q'] = ENT_CC_UPPER, ['R'] = ENT_CC_UPPER,
	['S'] = ENT_CC_UPPER, ['T'] = ENT_CC_UPPER, ['U'] = ENT_CC_UPPER,
	['V'] = ENT_CC_UPPER, ['W'] = ENT_CC_UPPER, ['X'] = ENT_CC_UPPER,
	['Y'] = ENT_CC_UPPER, ['Z'] = ENT_CC_UPPER,
	['['] = ENT_CC_PUNCT, ['\\'] = ENT_CC_PUNCT, [']'] = ENT_CC_PUNCT,
	['^'] = ENT_CC_SYMBOL, ['_'] = ENT_CC_PUNCT, ['`'] = ENT_CC_SYMBOL,
	['a'] = ENT_CC_LOWER, ['b'] = ENT_CC_LOWER, ['c'] = ENT_CC_LOWER,
	['d'] = ENT_CC_LOWER, ['e'] = ENT_CC_LOWER, ['f'] = ENT_CC_LOWER,
	['g'] = ENT_CC_LOWER, ['h'] = ENT_CC_LOWER, ['i'] = ENT_CC_LOWER,
	['j'] = ENT_CC_LOWER, ['k'] = ENT_CC_LOWER, ['l'] = ENT_CC_LOWER,
	['m'] = ENT_CC_LOWER, ['n'] = ENT_CC_LOWER, ['o'] = ENT_CC_LOWER,
	['p'] = ENT_CC_LOWER, ['q'] = ENT_CC_LOWER, ['r'] = ENT_CC_LOWER,
	['s'] = ENT_CC_LOWER, ['t'] = ENT_CC_LOWER, ['u'] = ENT_CC_LOWER,
	['v'] = ENT_CC_LOWER, ['w'] = ENT_CC_LOWER, ['x'] = ENT_CC_LOWER,
	['y'] = ENT_CC_LOWER, ['z'] = ENT_CC_LOWER,
	['{'] = ENT_CC_PUNCT, ['|'] = ENT_CC_SYMBOL, ['}'] = ENT_CC_PUNCT,
	['~'] = ENT_CC_SYMBOL,
};

int ent_text_cp_class(int32_t cp)
{
	if (cp < 0)
		return ENT_CC_OTHER;
	if (cp < 128)
		return ascii_class[cp];
	if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000 || cp == 0x85)
		return ENT_CC_SPACE;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return ENT_CC_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return ENT_CC_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return ENT_CC_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return ENT_CC_MARK;
	case UTF8PROC_CATEGORY_ND:
		return ENT_CC_DIGIT;
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return ENT_CC_LETTER;
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return ENT_CC_PUNCT;
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return ENT_CC_SYMBOL;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return ENT_CC_SPACE;
	default:
		return ENT_CC_OTHER;
	}
}

int ent_text_class(const char *s, size_t n, int32_t *cp, int *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*cp = c;
		*len = 1;
		return ascii_class[c];
	}
	*len = ent_utf8_decode((const unsigned char *)s, n, cp);
	return ent_text_cp_class(*cp);
}

int ent_text_is_cjk(int32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||   /* hiragana, katakana */
	       (c >= 0x3400 && c <= 0x4DBF) ||   /* CJK ext A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK unified */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* compatibility */
	       (c >= 0x20000 && c <= 0x3FFFF) || /* ext B.. */
	       (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F);
}
