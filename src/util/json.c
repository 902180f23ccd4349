/*
 * json.c - the flat JSON object reader (RFC 8259 grammar).
 *
 * It does not build a tree: top-level members are returned in an array;
 * nested containers are scanned iteratively (no recursion, so no stack limit
 * to hit) and kept as raw text.
 */
#include "json.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/swar.h"
#include "entente/common.h"

#include <stdlib.h>
#include <string.h>

/* Bytes that need no look inside a JSON string (not '"', '\\', control). */
static const unsigned char str_plain[256] = {
#define X8 1, 1, 1, 1, 1, 1, 1, 1
#define X32 X8, X8, X8, X8
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: '"' */
	X8, X8,                                         /* 0x30 */
	X8, X8,                                         /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: '\\' */
	X8, X8,                                         /* 0x60 */
	X8, X8,                                         /* 0x70 */
	X32, X32, X32, X32                              /* 0x80..0xFF */
#undef X8
#undef X32
};

typedef struct {
	const unsigned char *s;
	size_t n, i;
	ent_arena *arena;
	ent_json_error *err;
} parser;

static int fail(parser *p, const char *msg)
{
	p->err->offset = p->i;
	p->err->msg = msg;
	return ENT_EPARSE;
}

static void skip_ws(parser *p)
{
	while (p->i < p->n) {
		unsigned char c = p->s[p->i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->i++;
	}
}

static int hex4(const unsigned char *s, unsigned *out)
{
	unsigned v = 0;
	int i;
	for (i = 0; i < 4; i++) {
		unsigned c = s[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	*out = v;
	return 0;
}

/* Parse a string at p->i (which is '"'); decode into the arena. */
static int parse_string(parser *p, const char **out, size_t *outlen)
{
	size_t start = ++p->i, end, cap;
	unsigned char *d;
	size_t k = 0;
	int has_esc = 0;

	/* first pass: find the end and whether there are escapes */
	end = start;
	while (end < p->n) {
		unsigned char c;
		while (end + 8 <= p->n) {
			uint64_t x = ent_swar_load(p->s + end);
			uint64_t m = ent_swar_eq(x, '"') | ent_swar_eq(x, '\\') |
			             ent_swar_lt(x, 0x20);
			if (m) {
				end += ent_swar_first(m);
				break;
			}
			end += 8;
		}
		while (end < p->n && str_plain[p->s[end]])
			end++;
		if (end >= p->n)
			break;
		c = p->s[end];
		if (c == '"')
			break;
		if (c == '\\') {
			has_esc = 1;
			end += 2;
			continue;
		}
		if (c < 0x20) {
			p->i = end;
			return fail(p, "control character in string");
		}
		end++;
	}
	if (end >= p->n) {
		p->i = p->n;
		return fail(p, "unterminated string");
	}
	cap = end - start;
	d = ent_arena_alloc(p->arena, cap + 1);
	if (!d)
		return ENT_ENOMEM;
	if (!has_esc) {
		memcpy(d, p->s + start, cap);
		d[cap] = '\0';
		*out = (const char *)d;
		*outlen = cap;
		p->i = end + 1;
		return 0;
	}
	p->i = start;
	while (p->i < end) {
		const unsigned char *run = p->s + p->i;
		const unsigned char *bs = memchr(run, '\\', end - p->i);
		size_t r = bs ? (size_t)(bs - run) : end - p->i;
		if (r) {
			memcpy(d + k, run, r);
			k += r;
			p->i += r;
			continue;
		}
		p->i++; /* backslash */
		switch (p->s[p->i]) {
		case '"': d[k++] = '"'; break;
		case '\\': d[k++] = '\\'; break;
		case '/': d[k++] = '/'; break;
		case 'b': d[k++] = '\b'; break;
		case 'f': d[k++] = '\f'; break;
		case 'n': d[k++] = '\n'; break;
		case 'r': d[k++] = '\r'; break;
		case 't': d[k++] = '\t'; break;
		case 'u': {
			unsigned u, u2;
			int32_t cp;
			if (p->i + 5 > end || hex4(p->s + p->i + 1, &u) < 0)
				return fail(p, "bad \\u escape");
			p->i += 4;
			cp = (int32_t)u;
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (p->i + 7 <= end && p->s[p->i + 1] == '\\' &&
				    p->s[p->i + 2] == 'u' &&
				    hex4(p->s + p->i + 3, &u2) == 0 && u2 >= 0xDC00 &&
				    u2 <= 0xDFFF) {
					cp = 0x10000 + (((int32_t)u - 0xD800) << 10) +
					     ((int32_t)u2 - 0xDC00);
					p->i += 6;
				} else {
					cp = 0xFFFD;
				}
			} else if (u >= 0xDC00 && u <= 0xDFFF) {
				cp = 0xFFFD;
			}
			/* an escape is 6 bytes in, at most 4 bytes out: fits */
			k += (size_t)ent_utf8_encode(cp, d + k);
			break;
		}
		default:
			return fail(p, "bad escape in string");
		}
		p->i++;
	}
	d[k] = '\0';
	*out = (const char *)d;
	*outlen = k;
	p->i = end + 1;
	return 0;
}

static int parse_number(parser *p, double *out)
{
	size_t st = p->i;
	char tmp[64];
	const unsigned char *s = p->s;
	size_t i = p->i;

	if (i < p->n && s[i] == '-')
		i++;
	if (i >= p->n || s[i] < '0' || s[i] > '9')
		return fail(p, "bad number");
	if (s[i] == '0')
		i++;
	else
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < p->n && s[i] == '.') {
		i++;
		if (i >= p->n || s[i] < '0' || s[i] > '9') {
			p->i = i;
			return fail(p, "bad number");
		}
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < p->n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= p->n || s[i] < '0' || s[i] > '9') {
			p->i = i;
			return fail(p, "bad number");
		}
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i - st >= sizeof tmp) {
		*out = 0;
	} else {
		memcpy(tmp, s + st, i - st);
		tmp[i - st] = '\0';
		*out = strtod(tmp, NULL);
	}
	p->i = i;
	return 0;
}

static int match_lit(parser *p, const char *lit)
{
	size_t l = strlen(lit);
	if (p->n - p->i < l || memcmp(p->s + p->i, lit, l) != 0)
		return fail(p, "unexpected character");
	p->i += l;
	return 0;
}

/* Skip one value of any kind, validating it, without recursion. */
static int skip_value(parser *p)
{
	/* stack of container kinds: '{' or '[' */
	char stack[256];
	int depth = 0;
	int err;
	const char *dummy;
	size_t dl;
	double num;

	for (;;) {
		skip_ws(p);
		if (p->i >= p->n)
			return fail(p, "unexpected end of input");
		switch (p->s[p->i]) {
		case '{':
		case '[':
			if (depth == (int)sizeof stack)
				return fail(p, "nesting too deep");
			stack[depth++] = (char)p->s[p->i];
			p->i++;
			skip_ws(p);
			if (p->i < p->n &&
			    p->s[p->i] == (stack[depth - 1] == '{' ? '}' : ']')) {
				p->i++;
				depth--;
				goto after_value;
			}
			if (stack[depth - 1] == '{') {
				if (p->i >= p->n || p->s[p->i] != '"')
					return fail(p, "expected a key");
				if ((err = parse_string(p, &dummy, &dl)) < 0)
					return err;
				skip_ws(p);
				if (p->i >= p->n || p->s[p->i] != ':')
					return fail(p, "expected ':'");
				p->i++;
			}
			continue;
		case '"':
			if ((err = parse_string(p, &dummy, &dl)) < 0)
				return err;
			break;
		case 't':
			if ((err = match_lit(p, "true")) < 0)
				return err;
			break;
		case 'f':
			if ((err = match_lit(p, "false")) < 0)
				return err;
			break;
		case 'n':
			if ((err = match_lit(p, "null")) < 0)
				return err;
			break;
		default:
			if ((err = parse_number(p, &num)) < 0)
				return err;
			break;
		}
	after_value:
		for (;;) {
			if (depth == 0)
				return 0;
			skip_ws(p);
			if (p->i >= p->n)
				return fail(p, "unexpected end of input");
			if (p->s[p->i] == ',') {
				p->i++;
				if (stack[depth - 1] == '{') {
					skip_ws(p);
					if (p->i >= p->n || p->s[p->i] != '"')
						return fail(p, "expected a key");
					if ((err = parse_string(p, &dummy, &dl)) < 0)
						return err;
					skip_ws(p);
					if (p->i >= p->n || p->s[p->i] != ':')
						return fail(p, "expected ':'");
					p->i++;
				}
				break; /* parse next value */
			}
			if (p->s[p->i] == (stack[depth - 1] == '{' ? '}' : ']')) {
				p->i++;
				depth--;
				continue;
			}
			return fail(p, stack[depth - 1] == '{' ? "expected ',' or '}'"
			                                       : "expected ',' or ']'");
		}
	}
}

int ent_json_parse_object(ent_json_member **out, size_t *count, const char *s,
                          size_t n, ent_arena *arena, ent_json_error *err)
{
	parser p;
	ent_json_member *m = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	p.s = (const unsigned char *)s;
	p.n = n;
	p.i = 0;
	p.arena = arena;
	p.err = err;
	*out = NULL;
	*count = 0;

	skip_ws(&p);
	if (p.i >= n)
		return fail(&p, "empty line");
	if (p.s[p.i] != '{')
		return fail(&p, "expected a JSON object");
	p.i++;
	skip_ws(&p);
	if (p.i < n && p.s[p.i] == '}') {
		p.i++;
		goto tail;
	}
	for (;;) {
		ent_json_member mem;
		size_t vstart;
		skip_ws(&p);
		if (p.i >= n || p.s[p.i] != '"')
			return fail(&p, "expected a key");
		if ((rc = parse_string(&p, &mem.key, &mem.key_len)) < 0)
			return rc;
		skip_ws(&p);
		if (p.i >= n || p.s[p.i] != ':')
			return fail(&p, "expected ':'");
		p.i++;
		skip_ws(&p);
		if (p.i >= n)
			return fail(&p, "unexpected end of input");
		mem.num = 0;
		mem.str = NULL;
		mem.str_len = 0;
		vstart = p.i;
		switch (p.s[p.i]) {
		case '"':
			mem.type = ENT_JSON_STRING;
			if ((rc = parse_string(&p, &mem.str, &mem.str_len)) < 0)
				return rc;
			break;
		case 't':
			mem.type = ENT_JSON_TRUE;
			if ((rc = match_lit(&p, "true")) < 0)
				return rc;
			break;
		case 'f':
			mem.type = ENT_JSON_FALSE;
			if ((rc = match_lit(&p, "false")) < 0)
				return rc;
			break;
		case 'n':
			mem.type = ENT_JSON_NULL;
			if ((rc = match_lit(&p, "null")) < 0)
				return rc;
			break;
		case '{':
		case '[':
			mem.type = p.s[p.i] == '{' ? ENT_JSON_OBJECT : ENT_JSON_ARRAY;
			if ((rc = skip_value(&p)) < 0)
				return rc;
			break;
		default:
			mem.type = ENT_JSON_NUMBER;
			if ((rc = parse_number(&p, &mem.num)) < 0)
				return rc;
			break;
		}
		if (mem.type == ENT_JSON_NUMBER || mem.type == ENT_JSON_OBJECT ||
		    mem.type == ENT_JSON_ARRAY) {
			mem.str = ent_arena_strndup(arena, s + vstart, p.i - vstart);
			if (!mem.str)
				return ENT_ENOMEM;
			mem.str_len = p.i - vstart;
		}
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 8;
			ent_json_member *nm = ent_arena_alloc(arena, nc * sizeof(*nm));
			if (!nm)
				return ENT_ENOMEM;
			if (cnt)
				memcpy(nm, m, cnt * sizeof(*nm));
			m = nm;
			cap = nc;
		}
		m[cnt++] = mem;
		skip_ws(&p);
		if (p.i < n && p.s[p.i] == ',') {
			p.i++;
			continue;
		}
		if (p.i < n && p.s[p.i] == '}') {
			p.i++;
			break;
		}
		return fail(&p, "expected ',' or '}'");
	}
tail:
	skip_ws(&p);
	if (p.i != n)
		return fail(&p, "trailing characters after the object");
	*out = m;
	*count = cnt;
	return 0;
}

const ent_json_member *ent_json_get(const ent_json_member *m, size_t count,
                                    const char *key)
{
	size_t i = count;
	while (i-- > 0)
		if (strcmp(m[i].key, key) == 0)
			return &m[i];
	return NULL;
}

const char *ent_json_type_name(ent_json_type t)
{
	switch (t) {
	case ENT_JSON_NULL: return "null";
	case ENT_JSON_FALSE:
	case ENT_JSON_TRUE: return "boolean";
	case ENT_JSON_NUMBER: return "number";
	case ENT_JSON_STRING: return "string";
	case ENT_JSON_OBJECT: return "object";
	case ENT_JSON_ARRAY: return "array";
	}
	return "?";
}
