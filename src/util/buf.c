/*
 * buf.c - growable buffer and the JSON / CSV field writers built on it.
 */
#include "util/buf.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/swar.h"
#include "entente/common.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

int ent_buf_grow(ent_buf *b, size_t n)
{
	size_t need, cap;
	char *d;

	if (b->oom)
		return ENT_ENOMEM;
	need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	if (need < b->len) { /* overflow */
		b->oom = 1;
		return ENT_ENOMEM;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap * 2 > cap ? cap * 2 : need;
	d = ent_realloc(b->data, cap);
	if (!d) {
		b->oom = 1;
		return ENT_ENOMEM;
	}
	b->data = d;
	b->cap = cap;
	return 0;
}

void ent_buf_put_slow(ent_buf *b, const void *p, size_t n)
{
	if (!n || ent_buf_grow(b, n) < 0)
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void ent_buf_puts(ent_buf *b, const char *s)
{
	ent_buf_put(b, s, strlen(s));
}

void ent_buf_putc_slow(ent_buf *b, char c)
{
	if (ent_buf_grow(b, 1) < 0)
		return;
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void ent_buf_vprintf(ent_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || ent_buf_grow(b, (size_t)n) < 0)
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void ent_buf_printf(ent_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ent_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* 1 for bytes that can be copied into a JSON string as they are (ASCII
 * other than controls, quote and backslash). */
static unsigned char json_plain_tab[256];
static pthread_once_t json_once = PTHREAD_ONCE_INIT;

static void init_json_plain(void)
{
	int c;
	for (c = 0; c < 256; c++)
		json_plain_tab[c] =
			(unsigned char)(c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
}

static void json_str(ent_buf *b, const char *s, size_t n, int valid);

void ent_buf_json_str(ent_buf *b, const char *s, size_t n)
{
	json_str(b, s, n, 0);
}

void ent_buf_json_str_valid(ent_buf *b, const char *s, size_t n)
{
	json_str(b, s, n, 1);
}

static void json_str(ent_buf *b, const char *s, size_t n, int valid)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	pthread_once(&json_once, init_json_plain);
	/* worst case: every byte becomes \u00XX (6 bytes) */
	if (ent_buf_grow(b, n + 2) < 0)
		return;
	ent_buf_putc(b, '"');
	while (i < n) {
		size_t j = i;
		for (;;) {
			while (j + 8 <= n) {
				uint64_t x = ent_swar_load(p + j);
				uint64_t m = ent_swar_eq(x, '"') | ent_swar_eq(x, '\\') |
				             ent_swar_lt(x, 0x20) | ent_swar_eq(x, 0x7F);
				if (!valid)
					m |= ent_swar_high(x);
				if (m) {
					j += ent_swar_first(m);
					break;
				}
				j += 8;
			}
			while (j < n && (json_plain_tab[p[j]] || (valid && p[j] >= 0x80)))
				j++;
			if (j + 8 <= n && j < n && (json_plain_tab[p[j]] || (valid && p[j] >= 0x80)))
				continue;
			break;
		}
		if (j > i) {
			ent_buf_put(b, p + i, j - i);
			i = j;
		}
		if (i >= n)
			break;
		if (p[i] >= 0x80) {
			int32_t cp;
			int k = ent_utf8_decode(p + i, n - i, &cp);
			if (cp < 0)
				ent_buf_put(b, "\xEF\xBF\xBD", 3);
			else
				ent_buf_put(b, p + i, (size_t)k);
			i += (size_t)k;
			continue;
		}
		switch (p[i]) {
		case '"': ent_buf_put(b, "\\\"", 2); break;
		case '\\': ent_buf_put(b, "\\\\", 2); break;
		case '\n': ent_buf_put(b, "\\n", 2); break;
		case '\r': ent_buf_put(b, "\\r", 2); break;
		case '\t': ent_buf_put(b, "\\t", 2); break;
		default: ent_buf_printf(b, "\\u%04x", p[i]); break;
		}
		i++;
	}
	ent_buf_putc(b, '"');
}

void ent_buf_json_cstr(ent_buf *b, const char *s)
{
	if (!s)
		ent_buf_put(b, "null", 4);
	else
		ent_buf_json_str(b, s, strlen(s));
}

void ent_buf_json_num(ent_buf *b, double v)
{
	char tmp[64];
	int n;
	if (!isfinite(v)) {
		ent_buf_put(b, "null", 4);
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	if (v == (double)(long long)v && fabs(v) < 1e15) {
		if (v < 0) {
			ent_buf_putc(b, '-');
			v = -v;
		}
		ent_buf_put_uint(b, (unsigned long long)v);
		return;
	}
	if (fabs(v) < 1e9 && v * 10 == (double)(long long)(v * 10)) {
		/* one decimal (Goldstein weights): no printf */
		long long t = (long long)(v * 10);
		if (t < 0) {
			ent_buf_putc(b, '-');
			t = -t;
		}
		ent_buf_put_uint(b, (unsigned long long)(t / 10));
		ent_buf_putc(b, '.');
		ent_buf_putc(b, (char)('0' + t % 10));
		return;
	} else {
		n = snprintf(tmp, sizeof tmp, "%.6g", v);
	}
	ent_buf_put(b, tmp, (size_t)n);
}

void ent_buf_put_uint(ent_buf *b, unsigned long long v)
{
	char tmp[24];
	int k = 24;
	do {
		tmp[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	ent_buf_put(b, tmp + k, (size_t)(24 - k));
}

void ent_buf_sv_field(ent_buf *b, const char *s, size_t n, char sep)
{
	size_t i;
	if (!s)
		return;
	if (sep == '\t') {
		for (i = 0; i < n; i++) {
			char c = s[i];
			ent_buf_putc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
		}
		return;
	}
	if (!memchr(s, sep, n) && !memchr(s, '"', n) && !memchr(s, '\n', n) &&
	    !memchr(s, '\r', n)) {
		ent_buf_put(b, s, n);
		return;
	}
	ent_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			ent_buf_putc(b, '"');
		ent_buf_putc(b, s[i]);
	}
	ent_buf_putc(b, '"');
}

const char *ent_buf_cstr(ent_buf *b)
{
	return b->data ? b->data : "";
}

void ent_buf_clear(ent_buf *b)
{
	b->len = 0;
	b->oom = 0;
	if (b->data)
		b->data[0] = '\0';
}

void ent_buf_free(ent_buf *b)
{
	ent_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

char *ent_buf_detach(ent_buf *b, size_t *len)
{
	char *d = b->data;
	if (len)
		*len = b->len;
	if (!d)
		d = ent_strdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
	return d;
}
