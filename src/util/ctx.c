/*
 * ctx.c - the library context: last error message and diagnostic sink.
 */
#include "util/ctx.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ent_ctx_new(ent_ctx **out)
{
	ent_ctx *c = ent_calloc(1, sizeof(*c));
	*out = c;
	return c ? 0 : ENT_ENOMEM;
}

void ent_ctx_free(ent_ctx *ctx)
{
	ent_free(ctx);
}

void ent_ctx_set_diag(ent_ctx *ctx, ent_diag_cb cb, void *payload)
{
	ctx->diag_cb = cb;
	ctx->diag_payload = payload;
}

const char *ent_errmsg(const ent_ctx *ctx)
{
	return ctx ? ctx->errmsg : "";
}

long ent_ctx_warnings(const ent_ctx *ctx)
{
	return ctx->warnings;
}

long ent_ctx_errors(const ent_ctx *ctx)
{
	return ctx->errors;
}

int ent_err(ent_ctx *ctx, int code, const char *fmt, ...)
{
	va_list ap;
	if (!ctx)
		return code;
	va_start(ap, fmt);
	vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
	va_end(ap);
	return code;
}

void ent_diag_emit(ent_ctx *ctx, ent_diag_level level, const char *file,
                   long line, long offset, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	ent_diag d;

	if (!ctx)
		return;
	if (level == ENT_DIAG_ERROR)
		ctx->errors++;
	else
		ctx->warnings++;
	if (!ctx->diag_cb)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	d.level = level;
	d.file = file;
	d.line = line;
	d.offset = offset;
	d.message = msg;
	ctx->diag_cb(&d, ctx->diag_payload);
}
