/*
 * lines.h - iterate over the lines of a text buffer and split them into
 * fields, for the line-oriented data files (TSV tables, tie files, treaty
 * files).  CRLF and a final line without newline are handled; line numbers
 * are 1-based.
 */
#ifndef ENT_LINES_H
#define ENT_LINES_H

#include <stddef.h>

typedef struct {
	const char *p, *end;
	long lineno;
} ent_lines;

void ent_lines_init(ent_lines *it, const char *data, size_t len);

/* Next line (without its line break); 0 at the end. */
int ent_lines_next(ent_lines *it, const char **line, size_t *len);

/* Split `line` at `sep` into at most `max` fields (pointer + length each),
 * trimming spaces and tabs around fields when `trim`.  Returns the number
 * of fields found (which may exceed max: the extra are not stored). */
int ent_split(const char *line, size_t len, char sep, int trim,
              const char **f, size_t *fl, int max);

/* Trim spaces/tabs at both ends. */
void ent_trim(const char **s, size_t *n);

/* Read a whole file into a NUL-terminated buffer (ent_free it).  0,
 * ENT_EIO (message on ctx names the file) or ENT_ENOMEM. */
struct ent_ctx;
int ent_read_file(char **out, size_t *len, struct ent_ctx *ctx,
                  const char *path);

#endif
