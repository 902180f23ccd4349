/*
 * reader.c - articles from files, streams or memory: plain text (the whole
 * input is one document), JSONL (one article object a line) or TABARI text
 * records (a "YYMMDD ID" line, text lines, a blank line).
 *
 * Memory is bounded by the limits, not by the input: a JSONL line longer
 * than twice the document limit (plus 1 MiB for markup) is drained without
 * being kept, and reported as FILE:LINE.  Malformed records are reported to
 * the context's diagnostic callback and skipped; only I/O and memory
 * failures stop the reader.
 */
#include "entente/text.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/ctx.h"
#include "util/date.h"
#include "util/json.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define IOBUF (256 * 1024)

struct ent_reader {
	ent_ctx *ctx;
	ent_reader_options opts;
	char *name;
	FILE *fp;          /* stream source */
	int own_fp;
	const char *mem;   /* memory source */
	size_t mem_len, mem_pos;
	char *io;          /* read buffer */
	size_t io_len, io_pos;
	int eof;
	ent_input_kind kind;
	long line;         /* lines consumed */
	long skipped;
	size_t bytes;
	int done;          /* text mode: the one document was returned */
	ent_buf linebuf;
	ent_buf text, comment; /* TABARI: the record being assembled */
	int in_comment;        /* TABARI: inside a comment across lines */
	ent_arena arena;   /* per-article strings */
};

static int fill(ent_reader *r)
{
	size_t n;
	if (r->eof)
		return 0;
	if (r->mem) {
		/* memory: hand out the rest directly */
		r->eof = 1;
		return 0;
	}
	n = fread(r->io, 1, IOBUF, r->fp);
	if (n == 0) {
		if (ferror(r->fp))
			return ent_err(r->ctx, ENT_EIO, "%s: read error: %s", r->name,
			               strerror(errno));
		r->eof = 1;
		return 0;
	}
	r->io_len = n;
	r->io_pos = 0;
	return 1;
}

/* The unread bytes currently available (memory: all of it). */
static void avail(ent_reader *r, const char **p, size_t *n)
{
	if (r->mem) {
		*p = r->mem + r->mem_pos;
		*n = r->mem_len - r->mem_pos;
	} else {
		*p = r->io + r->io_pos;
		*n = r->io_len - r->io_pos;
	}
}

static void consume(ent_reader *r, size_t n)
{
	if (r->mem)
		r->mem_pos += n;
	else
		r->io_pos += n;
	r->bytes += n;
}

static int reader_new(ent_reader **out, ent_ctx *ctx, const char *name,
                      const ent_reader_options *opts)
{
	ent_reader_options def = ENT_READER_OPTIONS_INIT;
	ent_reader *r = ent_calloc(1, sizeof(*r));
	*out = NULL;
	if (!r)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	r->ctx = ctx;
	r->opts = opts ? *opts : def;
	r->kind = r->opts.kind;
	r->name = ent_strdup(name ? name : "-");
	ent_arena_init(&r->arena, 64 * 1024);
	if (!r->name) {
		ent_reader_free(r);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	*out = r;
	return 0;
}

int ent_reader_open_stream(ent_reader **out, ent_ctx *ctx, FILE *fp,
                           const char *name, const ent_reader_options *opts)
{
	ent_reader *r;
	int rc = reader_new(&r, ctx, name, opts);
	if (rc < 0)
		return rc;
	r->fp = fp;
	r->io = ent_malloc(IOBUF);
	if (!r->io) {
		ent_reader_free(r);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	*out = r;
	return 0;
}

int ent_reader_open(ent_reader **out, ent_ctx *ctx, const char *path,
                    const ent_reader_options *opts)
{
	FILE *fp;
	int rc;
	*out = NULL;
	if (!path || strcmp(path, "-") == 0)
		return ent_reader_open_stream(out, ctx, stdin, "-", opts);
	fp = fopen(path, "rb");
	if (!fp)
		return ent_err(ctx, ENT_EIO, "%s: %s", path, strerror(errno));
	rc = ent_reader_open_stream(out, ctx, fp, path, opts);
	if (rc < 0) {
		fclose(fp);
		return rc;
	}
	(*out)->own_fp = 1;
	return 0;
}

int ent_reader_open_memory(ent_reader **out, ent_ctx *ctx, const char *data,
                           size_t len, const char *name,
                           const ent_reader_options *opts)
{
	ent_reader *r;
	int rc = reader_new(&r, ctx, name, opts);
	if (rc < 0)
		return rc;
	r->mem = data ? data : "";
	r->mem_len = data ? len : 0;
	*out = r;
	return 0;
}

void ent_reader_free(ent_reader *r)
{
	if (!r)
		return;
	if (r->own_fp && r->fp)
		fclose(r->fp);
	ent_free(r->name);
	ent_free(r->io);
	ent_buf_free(&r->linebuf);
	ent_buf_free(&r->text);
	ent_buf_free(&r->comment);
	ent_arena_destroy(&r->arena);
	ent_free(r);
}

ent_input_kind ent_reader_kind(const ent_reader *r)
{
	return r->kind;
}

long ent_reader_skipped(const ent_reader *r)
{
	return r->skipped;
}

size_t ent_reader_bytes(const ent_reader *r)
{
	return r->bytes;
}

/* Decide text or JSONL from the first non-blank byte (BOM skipped). */
static int detect(ent_reader *r)
{
	for (;;) {
		const char *p;
		size_t n, i = 0;
		int rc;
		avail(r, &p, &n);
		if (n == 0 && !r->mem) {
			if ((rc = fill(r)) < 0)
				return rc;
			if (rc == 0)
				break;
			continue;
		}
		if (n >= 3 && (unsigned char)p[0] == 0xEF &&
		    (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
			i = 3;
		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
		                 p[i] == '\r'))
			i++;
		if (i < n) {
			r->kind = p[i] == '{' ? ENT_INPUT_JSONL : ENT_INPUT_TEXT;
			return 0;
		}
		if (r->mem)
			break;
		/* all blank so far: keep it (text mode needs it) -- only possible
		 * at the very start, so treat a blank prefix as text */
		r->kind = ENT_INPUT_TEXT;
		return 0;
	}
	r->kind = ENT_INPUT_TEXT;
	return 0;
}

/* Text mode: the whole input is one document. */
static int next_text(ent_reader *r, ent_article *out)
{
	size_t limit = r->opts.max_doc_bytes;
	size_t total = 0;
	int over = 0, rc;
	const char *text;

	if (r->done)
		return 0;
	r->done = 1;
	ent_buf_clear(&r->linebuf);
	for (;;) {
		const char *p;
		size_t n;
		avail(r, &p, &n);
		if (n) {
			total += n;
			if (limit && total > limit)
				over = 1;
			if (!over) {
				ent_buf_put(&r->linebuf, p, n);
				if (r->linebuf.oom)
					return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
			}
			consume(r, n);
		}
		if ((rc = fill(r)) < 0)
			return rc;
		if (rc == 0) {
			avail(r, &p, &n);
			if (n == 0)
				break;
		}
	}
	if (over) {
		r->skipped++;
		ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, 0, -1,
		              "document '%s' is %zu bytes, over the limit of %zu "
		              "(--max-doc-bytes); skipped", r->name, total, limit);
		return 0;
	}
	text = r->linebuf.data ? r->linebuf.data : "";
	memset(out, 0, sizeof(*out));
	out->id = r->name;
	out->date = r->opts.default_date != ENT_DATE_NONE ? r->opts.default_date
	                                                  : ent_date_today();
	out->text = text;
	out->text_len = r->linebuf.len;
	out->origin = r->name;
	out->line = 1;
	return 1;
}

/* Read one line into linebuf (without the newline).  Returns 1, 0 at end,
 * or < 0.  Sets *too_long when the line was over `cap` (content dropped). */
static int read_line(ent_reader *r, size_t cap, int *too_long)
{
	int rc;
	size_t total = 0;
	*too_long = 0;
	ent_buf_clear(&r->linebuf);
	for (;;) {
		const char *p, *nl;
		size_t n, take;
		avail(r, &p, &n);
		if (n == 0) {
			if ((rc = fill(r)) < 0)
				return rc;
			if (rc == 0)
				return total > 0 || *too_long ? 1 : 0;
			continue;
		}
		nl = memchr(p, '\n', n);
		take = nl ? (size_t)(nl - p) : n;
		total += take;
		if (total > cap)
			*too_long = 1;
		if (!*too_long) {
			ent_buf_put(&r->linebuf, p, take);
			if (r->linebuf.oom)
				return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
		}
		consume(r, take + (nl ? 1 : 0));
		if (nl) {
			if (total == 0 && !*too_long) {
				/* empty line: still a line */
				return 1;
			}
			return 1;
		}
	}
}

static int str_field(ent_reader *r, const ent_json_member *m, size_t cnt,
                     const char *key, const char **out)
{
	const ent_json_member *f = ent_json_get(m, cnt, key);
	*out = NULL;
	if (!f || f->type == ENT_JSON_NULL)
		return 0;
	if (f->type != ENT_JSON_STRING) {
		ent_diag_emit(r->ctx, ENT_DIAG_WARNING, r->name, r->line, -1,
		              "\"%s\" should be a string, not %s; ignored", key,
		              ent_json_type_name(f->type));
		return 0;
	}
	*out = f->str;
	return 0;
}

static int next_jsonl(ent_reader *r, ent_article *out)
{
	size_t limit = r->opts.max_doc_bytes;
	size_t cap = limit ? limit * 2 + ((size_t)1 << 20) : (size_t)-1;

	for (;;) {
		int too_long, rc;
		ent_json_member *m;
		size_t cnt, i;
		ent_json_error jerr;
		const ent_json_member *fid, *fdate, *ftext;
		const char *data;
		size_t len;

		ent_arena_reset(&r->arena);
		rc = read_line(r, cap, &too_long);
		if (rc <= 0)
			return rc;
		r->line++;
		if (too_long) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line, -1,
			              "line is over %zu bytes (--max-doc-bytes); skipped", cap);
			continue;
		}
		data = r->linebuf.data ? r->linebuf.data : "";
		len = r->linebuf.len;
		if (len && data[len - 1] == '\r')
			len--;
		if (r->line == 1 && len >= 3 && (unsigned char)data[0] == 0xEF &&
		    (unsigned char)data[1] == 0xBB && (unsigned char)data[2] == 0xBF) {
			data += 3;
			len -= 3;
		}
		for (i = 0; i < len; i++)
			if (data[i] != ' ' && data[i] != '\t')
				break;
		if (i == len)
			continue; /* blank line */
		rc = ent_json_parse_object(&m, &cnt, data, len, &r->arena, &jerr);
		if (rc == ENT_ENOMEM)
			return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
		if (rc < 0) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line,
			              (long)jerr.offset, "column %zu: %s; line skipped",
			              jerr.offset + 1, jerr.msg);
			continue;
		}
		memset(out, 0, sizeof(*out));
		out->origin = r->name;
		out->line = r->line;
		fid = ent_json_get(m, cnt, "id");
		fdate = ent_json_get(m, cnt, "date");
		ftext = ent_json_get(m, cnt, "text");
		if (!fid || !((fid->type == ENT_JSON_STRING && fid->str_len > 0) ||
		              fid->type == ENT_JSON_NUMBER)) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line, -1,
			              fid ? "\"id\" must be a non-empty string; line skipped"
			                  : "missing \"id\"; line skipped");
			continue;
		}
		out->id = fid->str;
		if (!ftext || ftext->type != ENT_JSON_STRING) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line, -1,
			              ftext ? "\"text\" must be a string; line skipped"
			                    : "missing \"text\"; line skipped");
			continue;
		}
		if (!fdate || fdate->type == ENT_JSON_NULL) {
			if (r->opts.default_date == ENT_DATE_NONE) {
				r->skipped++;
				ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line, -1,
				              "missing \"date\" (give --date to supply one); "
				              "line skipped");
				continue;
			}
			out->date = r->opts.default_date;
		} else if (fdate->type != ENT_JSON_STRING ||
		           ent_date_parse(&out->date, fdate->str, fdate->str_len) < 0) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line, -1,
			              "\"date\" must be a YYYY-MM-DD string; line skipped");
			continue;
		}
		if (limit && ftext->str_len > limit) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, r->line, -1,
			              "document '%s' is %zu bytes, over the limit of %zu "
			              "(--max-doc-bytes); skipped", out->id, ftext->str_len,
			              limit);
			continue;
		}
		out->text = ftext->str;
		out->text_len = ftext->str_len;
		str_field(r, m, cnt, "source", &out->source);
		str_field(r, m, cnt, "title", &out->title);
		str_field(r, m, cnt, "url", &out->url);
		return 1;
	}
}


/* ------------------------------------------------------------------------
 * TABARI text records
 * ------------------------------------------------------------------------ */

static int blank_line(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Parse a record header "YYMMDD ID" (or "YYYYMMDD ID").  Returns 1 and
 * fills *date and the id span, 0 when the line is not a header at all (no
 * leading digit), -1 when it starts like one but the date is bad. */
static int tabari_header(const char *s, size_t n, ent_date *date,
                         const char **id, size_t *idlen)
{
	size_t k = 0, e;
	int y, m, d;
	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k == 0)
		return 0;
	if (k < 6 || (k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '\r'))
		return -1;
	/* TABARI reads a fixed-width date: 6 digits (8 with 4-digit years);
	 * extra digits belong to the id ("9501201  ACTORSYN-01") */
	if (k == 7)
		k = 6;
	else if (k > 8)
		k = 8;
	if (k == 6) {
		y = (s[0] - '0') * 10 + (s[1] - '0');
		y += y < 50 ? 2000 : 1900;   /* the two-digit pivot */
		m = (s[2] - '0') * 10 + (s[3] - '0');
		d = (s[4] - '0') * 10 + (s[5] - '0');
	} else {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
		    (s[3] - '0');
		m = (s[4] - '0') * 10 + (s[5] - '0');
		d = (s[6] - '0') * 10 + (s[7] - '0');
	}
	if (m < 1 || m > 12 || d < 1 || d > ent_days_in_month(y, m))
		return -1;
	*date = ent_date_from_ymd(y, m, d);
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	e = n;
	while (e > k && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
		e--;
	if (e - k > 63)
		e = k + 63;   /* TABARI keeps 63 characters of the id */
	*id = s + k;
	*idlen = e - k;
	return 1;
}

/* Append one text line of a record: comments go to r->comment and are
 * blanked (same byte length) in r->text so offsets stay those of the
 * file. */
static void tabari_text_line(ent_reader *r, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (!r->in_comment) {
			if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
				r->in_comment = 1;
				ent_buf_put(&r->text, "  ", 2);
				i += 2;
				continue;
			}
			ent_buf_putc(&r->text, s[i] == '\r' ? ' ' : s[i]);
			i++;
		} else {
			if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
				r->in_comment = 0;
				ent_buf_put(&r->text, "  ", 2);
				ent_buf_putc(&r->comment, '\n');
				i += 2;
				continue;
			}
			ent_buf_putc(&r->comment, s[i] == '\r' ? ' ' : s[i]);
			ent_buf_putc(&r->text, ' ');
			i++;
		}
	}
	if (r->in_comment)
		ent_buf_putc(&r->comment, '\n');
}

static int next_tabari(ent_reader *r, ent_article *out)
{
	size_t limit = r->opts.max_doc_bytes;
	size_t cap = limit ? limit + ((size_t)1 << 16) : (size_t)-1;
	int warned_gap = 0;

	for (;;) {
		int too_long, rc, h;
		const char *line, *id = NULL;
		size_t len, idlen = 0, total = 0;
		long hline;
		ent_date date = ENT_DATE_NONE;
		int over = 0, bad;

		ent_arena_reset(&r->arena);
		rc = read_line(r, cap, &too_long);
		if (rc <= 0)
			return rc;
		r->line++;
		line = r->linebuf.data ? r->linebuf.data : "";
		len = too_long ? 0 : r->linebuf.len;
		if (r->line == 1 && len >= 3 && (unsigned char)line[0] == 0xEF &&
		    (unsigned char)line[1] == 0xBB && (unsigned char)line[2] == 0xBF) {
			line += 3;
			len -= 3;
		}
		if (blank_line(line, len) || line[0] == '#') {
			warned_gap = 0;
			continue;
		}
		h = tabari_header(line, len, &date, &id, &idlen);
		if (h == 0) {
			if (!warned_gap)
				ent_diag_emit(r->ctx, ENT_DIAG_WARNING, r->name, r->line, -1,
				              "text outside a record (a record starts with a "
				              "\"YYMMDD ID\" line); skipped up to the next blank "
				              "line");
			warned_gap = 1;
			continue;
		}
		warned_gap = 0;
		hline = r->line;
		bad = h < 0;
		if (!bad) {
			id = ent_arena_strndup(&r->arena, id, idlen);
			if (!id)
				return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
		}
		/* the text lines, up to a blank line */
		ent_buf_clear(&r->text);
		ent_buf_clear(&r->comment);
		r->in_comment = 0;
		for (;;) {
			rc = read_line(r, cap, &too_long);
			if (rc < 0)
				return rc;
			if (rc == 0)
				break;
			r->line++;
			line = r->linebuf.data ? r->linebuf.data : "";
			len = r->linebuf.len;
			if (!too_long && blank_line(line, len))
				break;
			total += too_long ? cap : len + 1;
			if (too_long || (limit && total > limit))
				over = 1;
			if (!over && !bad) {
				if (r->text.len)
					ent_buf_putc(&r->text, '\n');
				if (!r->in_comment && len && line[0] == '#')
					ent_buf_putc(&r->text, ' '); /* a banner line */
				else
					tabari_text_line(r, line, len);
			}
		}
		if (r->text.oom || r->comment.oom)
			return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
		if (bad) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, hline, -1,
			              "record header must start with a date YYMMDD or "
			              "YYYYMMDD and a valid calendar day; record skipped");
			continue;
		}
		if (over) {
			r->skipped++;
			ent_diag_emit(r->ctx, ENT_DIAG_ERROR, r->name, hline, -1,
			              "record '%s' is over the limit of %zu bytes "
			              "(--max-doc-bytes); skipped", id, limit);
			continue;
		}
		memset(out, 0, sizeof(*out));
		out->id = id;
		out->date = date;
		out->text = r->text.data ? r->text.data : "";
		out->text_len = r->text.len;
		out->origin = r->name;
		out->line = hline;
		out->comment = r->comment.len ? r->comment.data : NULL;
		return 1;
	}
}

int ent_reader_next(ent_reader *r, ent_article *out)
{
	int rc;
	if (r->kind == ENT_INPUT_AUTO && (rc = detect(r)) < 0)
		return rc;
	switch (r->kind) {
	case ENT_INPUT_JSONL:
		return next_jsonl(r, out);
	case ENT_INPUT_TEXT:
		return next_text(r, out);
	case ENT_INPUT_TABARI:
		return next_tabari(r, out);
	default:
		return next_text(r, out);
	}
}
