/*
 * ctx.h - internal side of ent_ctx: setting the error message and emitting
 * diagnostics.  Modules include this; the public view is entente/common.h.
 */
#ifndef ENT_CTX_H
#define ENT_CTX_H

#include "entente/common.h"

struct ent_ctx {
	char errmsg[512];
	ent_diag_cb diag_cb;
	void *diag_payload;
	long warnings;
	long errors;
};

/* Record a failure message on ctx and return `code` (so callers can write
 * `return ent_err(ctx, ENT_EPARSE, "...")`).  Never overwrites the message
 * of a callee: use ent_err only where the failure originates. */
int ent_err(ent_ctx *ctx, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Deliver a diagnostic to the context's callback (counted either way). */
void ent_diag_emit(ent_ctx *ctx, ent_diag_level level, const char *file,
                   long line, long offset, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif
