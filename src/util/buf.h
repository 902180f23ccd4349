/*
 * buf.h - a growable byte buffer (in the spirit of antirez's sds, but a plain
 * struct): append bytes, formatted text and JSON-escaped strings.
 *
 * A buffer that failed to grow remembers it (`oom`) and ignores further
 * appends, so a writer can append a whole record and check once.
 */
#ifndef ENT_BUF_H
#define ENT_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct {
	char *data; /* NUL-terminated when len > 0 or after ent_buf_cstr */
	size_t len;
	size_t cap;
	int oom;    /* an append failed */
} ent_buf;

#define ENT_BUF_INIT {NULL, 0, 0, 0}

/* Make room for n more bytes.  0 or ENT_ENOMEM. */
int ent_buf_grow(ent_buf *b, size_t n);
void ent_buf_put_slow(ent_buf *b, const void *p, size_t n);
static inline void ent_buf_put(ent_buf *b, const void *p, size_t n)
{
	if (n && b->len + n < b->cap && !b->oom) {
		memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	ent_buf_put_slow(b, p, n);
}
void ent_buf_puts(ent_buf *b, const char *s);
void ent_buf_putc_slow(ent_buf *b, char c);
static inline void ent_buf_putc(ent_buf *b, char c)
{
	if (b->len + 1 < b->cap && !b->oom) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	ent_buf_putc_slow(b, c);
}
void ent_buf_printf(ent_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ent_buf_vprintf(ent_buf *b, const char *fmt, va_list ap);

/* Append a JSON string literal (with quotes) for n bytes of UTF-8.  Control
 * characters are escaped; bytes that are not valid UTF-8 are written as
 * U+FFFD so the output is always valid JSON. */
void ent_buf_json_str(ent_buf *b, const char *s, size_t n);
/* Same, for text known to be valid UTF-8 (no validation pass). */
void ent_buf_json_str_valid(ent_buf *b, const char *s, size_t n);
/* Same for a NUL-terminated string, or `null` when s is NULL. */
void ent_buf_json_cstr(ent_buf *b, const char *s);
/* A JSON number with up to 6 significant decimals, no trailing zeros;
 * non-finite values become null. */
void ent_buf_json_num(ent_buf *b, double v);

/* Append an unsigned decimal integer (faster than printf). */
void ent_buf_put_uint(ent_buf *b, unsigned long long v);

/* Append one CSV/TSV field: quoted when it contains sep, quote or newline
 * (sep ','), or with tabs/newlines replaced by spaces (sep '\t'). */
void ent_buf_sv_field(ent_buf *b, const char *s, size_t n, char sep);

/* The content as a C string (never NULL; "" when empty). */
const char *ent_buf_cstr(ent_buf *b);
void ent_buf_clear(ent_buf *b);
/* Release the memory; the buffer is empty and reusable afterwards. */
void ent_buf_free(ent_buf *b);
/* Take ownership of the data (caller frees with ent_free). */
char *ent_buf_detach(ent_buf *b, size_t *len);

#endif
