/*
 * entente/common.h - the library context, error codes and diagnostics shared by
 * every module.
 *
 * Every public call takes an `ent_ctx`: it carries the one-line message of the
 * last failure (`ent_errmsg`), the callback that receives warnings (the library
 * never prints), and nothing else that is global.  A context is not thread-safe;
 * give each thread its own.
 *
 * Conventions (libgit2 style): functions return 0 or a negative ENT_E* code;
 * outputs come first and are named `out`; every `_free` accepts NULL; each
 * comment says who frees what.
 */
#ifndef ENTENTE_COMMON_H
#define ENTENTE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes.  One per expected failure; misuse (NULL where not allowed) is an
 * assertion, not a code. */
enum {
	ENT_OK = 0,
	ENT_ENOMEM = -1,   /* an allocation failed */
	ENT_EIO = -2,      /* reading or writing a file failed */
	ENT_EPARSE = -3,   /* malformed input (the message names FILE:LINE) */
	ENT_ENOTFOUND = -4,/* a named thing (file, state, event) does not exist */
	ENT_EINVAL = -5,   /* a value is out of range or of the wrong kind */
	ENT_ELIMIT = -6,   /* input over a configured limit */
	ENT_EDB = -7,      /* the database failed */
	ENT_EUNSUP = -8    /* a feature or format this build does not support */
};

/* The library version, "MAJOR.MINOR.PATCH". Static storage. */
const char *ent_version(void);

typedef struct ent_ctx ent_ctx;

/* Severity of a diagnostic. */
typedef enum { ENT_DIAG_WARNING = 1, ENT_DIAG_ERROR = 2 } ent_diag_level;

/* A diagnostic delivered to the callback.  All pointers are borrowed and valid
 * only during the call.  `file` names the input (file name, "-" for stdin, or a
 * document id); `line` is 1-based or 0 when not applicable; `offset` is a byte
 * offset into the document or -1. */
typedef struct {
	ent_diag_level level;
	const char *file;
	long line;
	long offset;
	const char *message;
} ent_diag;

typedef void (*ent_diag_cb)(const ent_diag *diag, void *payload);

/* Create a context.  *out is freed with ent_ctx_free().  Returns 0 or
 * ENT_ENOMEM. */
int ent_ctx_new(ent_ctx **out);

/* Free a context; NULL is a no-op. */
void ent_ctx_free(ent_ctx *ctx);

/* Install the callback that receives warnings and recoverable errors (input
 * lines skipped).  Without one, diagnostics are counted and dropped. */
void ent_ctx_set_diag(ent_ctx *ctx, ent_diag_cb cb, void *payload);

/* The one-line message of the last failure on this context ("" if none).
 * Owned by the context; valid until the next failing call. */
const char *ent_errmsg(const ent_ctx *ctx);

/* Number of warnings and errors delivered since the context was created. */
long ent_ctx_warnings(const ent_ctx *ctx);
long ent_ctx_errors(const ent_ctx *ctx);

/* Dates are days since 1970-01-01 (proleptic Gregorian); ENT_DATE_NONE marks
 * "no date". */
typedef int32_t ent_date;
#define ENT_DATE_NONE INT32_MIN

/* Parse "YYYY-MM-DD" (exactly, with a valid calendar day) into *out.
 * Returns 0 or ENT_EINVAL. */
int ent_date_parse(ent_date *out, const char *s, size_t len);

/* Format a date as "YYYY-MM-DD" into buf (at least 11 bytes).  Returns buf. */
char *ent_date_format(char *buf, ent_date d);

/* Today's date in UTC. */
ent_date ent_date_today(void);

#ifdef __cplusplus
}
#endif
#endif
