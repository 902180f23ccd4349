/*
 * linereader.h - lines of a file or a buffer, with bounded memory.
 *
 * The dictionary readers take files users bring, which can be anything: a
 * 1 GB file, one line with no newline, binary.  This reader hands out one
 * line at a time from a fixed buffer: a line longer than `max_line` comes
 * back cut at max_line bytes with `too_long` set, and the rest of it is
 * skipped without being stored.  Line ends: LF, CRLF, or a final line with
 * none.  Line numbers are 1-based.
 */
#ifndef ENT_LINEREADER_H
#define ENT_LINEREADER_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
	FILE *fp;              /* file mode (borrowed), or NULL */
	const char *mem;       /* memory mode */
	size_t memlen, mempos;
	char *buf;             /* file mode buffer */
	size_t cap, len, pos;
	size_t max_line;
	long lineno;
	int too_long;          /* the last line returned was cut */
	int eof, error;
} ent_linereader;

/* Memory mode: lines of data[0..len) (borrowed). */
void ent_lr_init_mem(ent_linereader *r, const char *data, size_t len,
                     size_t max_line);
/* File mode: lines of fp (borrowed), after the `pre` bytes already read from
 * it (copied; may be NULL).  0 or ENT_ENOMEM. */
int ent_lr_init_file(ent_linereader *r, FILE *fp, const char *pre,
                     size_t prelen, size_t max_line);
/* The next line (without its end; borrowed until the next call).  1, 0 at
 * the end, or ENT_EIO when reading fails. */
int ent_lr_next(ent_linereader *r, const char **line, size_t *len);
void ent_lr_destroy(ent_linereader *r);

#endif
