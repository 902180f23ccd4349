/*
 * linereader.c - see linereader.h.
 */
#include "util/linereader.h"
#include "util/alloc.h"
#include "entente/common.h"

#include <string.h>

void ent_lr_init_mem(ent_linereader *r, const char *data, size_t len,
                     size_t max_line)
{
	memset(r, 0, sizeof *r);
	r->mem = data;
	r->memlen = len;
	r->max_line = max_line ? max_line : 65536;
}

int ent_lr_init_file(ent_linereader *r, FILE *fp, const char *pre,
                     size_t prelen, size_t max_line)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->max_line = max_line ? max_line : 65536;
	/* room for a whole line plus a read-ahead of 64 KB */
	r->cap = r->max_line + 65536;
	if (r->cap < prelen)
		r->cap = prelen;
	r->buf = ent_malloc(r->cap);
	if (!r->buf)
		return ENT_ENOMEM;
	if (prelen)
		memcpy(r->buf, pre, prelen);
	r->len = prelen;
	return 0;
}

void ent_lr_destroy(ent_linereader *r)
{
	ent_free(r->buf);
	r->buf = NULL;
}

static void strip_cr(const char **line, size_t *len)
{
	if (*len && (*line)[*len - 1] == '\r')
		(*len)--;
}

static int next_mem(ent_linereader *r, const char **line, size_t *len)
{
	const char *s = r->mem + r->mempos, *nl;
	size_t left = r->memlen - r->mempos;
	if (left == 0)
		return 0;
	nl = memchr(s, '\n', left);
	*line = s;
	*len = nl ? (size_t)(nl - s) : left;
	r->mempos += *len + (nl ? 1 : 0);
	r->too_long = 0;
	if (*len > r->max_line) {
		*len = r->max_line;
		r->too_long = 1;
	}
	r->lineno++;
	strip_cr(line, len);
	return 1;
}

/* Fill the buffer from the file after moving the unread part to the front. */
static int refill(ent_linereader *r)
{
	size_t got;
	if (r->eof)
		return 0;
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->len == r->cap)
		return 0;
	got = fread(r->buf + r->len, 1, r->cap - r->len, r->fp);
	if (got == 0) {
		if (ferror(r->fp)) {
			r->error = 1;
			return ENT_EIO;
		}
		r->eof = 1;
		return 0;
	}
	r->len += got;
	return 1;
}

static int next_file(ent_linereader *r, const char **line, size_t *len)
{
	for (;;) {
		char *s = r->buf + r->pos;
		size_t left = r->len - r->pos;
		char *nl = memchr(s, '\n', left < r->max_line + 1 ? left : r->max_line + 1);
		if (nl) {
			*line = s;
			*len = (size_t)(nl - s);
			r->pos += *len + 1;
			r->too_long = 0;
			r->lineno++;
			strip_cr(line, len);
			return 1;
		}
		if (left > r->max_line) {
			/* cut: hand out max_line bytes, then skip to the newline */
			*line = s;
			*len = r->max_line;
			r->too_long = 1;
			r->lineno++;
			/* the line must stay readable while we skip: copy it to the
			   front and skip in the rest of the buffer */
			memmove(r->buf, s, r->max_line);
			*line = r->buf;
			r->pos = r->len = r->max_line;
			for (;;) {
				size_t got;
				char *q;
				if (r->eof)
					break;
				got = fread(r->buf + r->max_line, 1, r->cap - r->max_line, r->fp);
				if (got == 0) {
					if (ferror(r->fp)) {
						r->error = 1;
						return ENT_EIO;
					}
					r->eof = 1;
					break;
				}
				q = memchr(r->buf + r->max_line, '\n', got);
				if (q) {
					/* keep what follows the newline */
					size_t after = got - (size_t)(q + 1 - (r->buf + r->max_line));
					r->len = r->max_line + got;
					r->pos = r->len - after;
					break;
				}
			}
			/* the unread data starts at pos; the line occupies
			   [0, max_line) until the next call moves the rest forward */
			return 1;
		}
		if (r->eof) {
			if (left == 0)
				return 0;
			*line = s;
			*len = left;
			r->pos = r->len;
			r->too_long = 0;
			r->lineno++;
			strip_cr(line, len);
			return 1;
		}
		{
			int rc = refill(r);
			if (rc < 0)
				return rc;
		}
	}
}

int ent_lr_next(ent_linereader *r, const char **line, size_t *len)
{
	return r->fp ? next_file(r, line, len) : next_mem(r, line, len);
}
