/*
 * lines.c - line iteration, field splitting and whole-file reading for the
 * data-file readers.
 */
#include "util/lines.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

void ent_lines_init(ent_lines *it, const char *data, size_t len)
{
	it->p = data;
	it->end = data + len;
	it->lineno = 0;
}

int ent_lines_next(ent_lines *it, const char **line, size_t *len)
{
	const char *nl;
	size_t n;
	if (it->p >= it->end)
		return 0;
	nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
	n = nl ? (size_t)(nl - it->p) : (size_t)(it->end - it->p);
	*line = it->p;
	if (n && it->p[n - 1] == '\r')
		*len = n - 1;
	else
		*len = n;
	it->p += n + (nl ? 1 : 0);
	it->lineno++;
	return 1;
}

void ent_trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

int ent_split(const char *line, size_t len, char sep, int trim,
              const char **f, size_t *fl, int max)
{
	int k = 0;
	size_t i = 0, start = 0;
	for (;;) {
		if (i == len || line[i] == sep) {
			if (k < max) {
				f[k] = line + start;
				fl[k] = i - start;
				if (trim)
					ent_trim(&f[k], &fl[k]);
			}
			k++;
			if (i == len)
				break;
			start = i + 1;
		}
		i++;
	}
	return k;
}

int ent_read_file(char **out, size_t *len, struct ent_ctx *ctx,
                  const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;
	*out = NULL;
	*len = 0;
	if (!fp)
		return ent_err(ctx, ENT_EIO, "%s: %s", path, strerror(errno));
	for (;;) {
		size_t r;
		if (cap - n < 65536) {
			size_t nc = cap ? cap * 2 : 65536;
			char *nb = ent_realloc(buf, nc + 1);
			if (!nb) {
				ent_free(buf);
				fclose(fp);
				return ent_err(ctx, ENT_ENOMEM, "out of memory reading %s", path);
			}
			buf = nb;
			cap = nc;
		}
		r = fread(buf + n, 1, cap - n, fp);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(fp)) {
		ent_free(buf);
		fclose(fp);
		return ent_err(ctx, ENT_EIO, "%s: read error", path);
	}
	fclose(fp);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}
