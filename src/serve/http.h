/*
 * http.h - a small, careful HTTP server on libmicrohttpd for the local web
 * view: GET and HEAD only, loopback by default, size limits, connection
 * timeouts, static files from one web root (never a file outside it), and
 * every /api/ request handed to one callback.  Errors are JSON objects
 * {"error": "..."}.  The library never prints; the caller does.
 */
#ifndef ENT_SERVE_HTTP_H
#define ENT_SERVE_HTTP_H

#include "entente.h"
#include "util/buf.h"

typedef struct ent_http ent_http;
typedef struct ent_http_request ent_http_request;

/* An immutable body that many replies may share (a cached answer): made
 * with a copy of the bytes and freed when its last holder lets it go.
 * Reference counting is atomic, so holders may be on any thread. */
typedef struct ent_http_body ent_http_body;
ent_http_body *ent_http_body_new(const char *data, size_t len); /* NULL: no memory */
ent_http_body *ent_http_body_ref(ent_http_body *b);              /* returns b */
void ent_http_body_unref(ent_http_body *b);                       /* NULL: nothing */
size_t ent_http_body_len(const ent_http_body *b);

/* A reply the handler fills: status (200 when left 0), content type
 * (a static string; JSON when NULL) and body, or instead a shared body
 * (the reply owns one reference; it is sent without a copy). */
typedef struct {
	int status;
	const char *type;
	ent_buf body;
	ent_http_body *shared;
} ent_http_reply;

/* Called for every GET/HEAD of a path under /api/ (path has no query
 * string).  May run on several threads at once. */
typedef void (*ent_http_handler)(void *payload, const ent_http_request *r,
                                 const char *path, ent_http_reply *out);

typedef struct {
	const char *bind;        /* address (default "127.0.0.1"); IPv4 or IPv6 */
	unsigned port;           /* 0: any free port (ent_http_port tells) */
	const char *web_root;    /* directory of the page's files, or NULL */
	unsigned threads;        /* worker threads (default 2) */
	unsigned timeout;        /* seconds a connection may idle (default 10) */
	unsigned max_connections;/* (default 256) */
	size_t max_request;      /* bytes of request line and headers (16 KiB) */
} ent_http_options;

/* Start serving.  *out is stopped and freed with ent_http_stop.  0,
 * ENT_EINVAL (a bad address) or ENT_EIO (cannot listen: the port is
 * taken, say), with the reason on ctx. */
int ent_http_start(ent_http **out, ent_ctx *ctx, const ent_http_options *o,
                   ent_http_handler handler, void *payload);
unsigned ent_http_port(const ent_http *h);
void ent_http_stop(ent_http *h); /* NULL: nothing */

/* Query parameter `name` of the request (decoded), or NULL.  The string is
 * borrowed for the handler's call. */
const char *ent_http_arg(const ent_http_request *r, const char *name);

/* Calls cb with every query parameter's name and value, in order, until
 * it returns non-zero (which is returned). */
int ent_http_args_each(const ent_http_request *r,
                       int (*cb)(void *payload, const char *name, const char *value),
                       void *payload);

/* Fill `out` with a JSON error {"error": message} and `status`. */
void ent_http_error(ent_http_reply *out, int status, const char *fmt, ...);

/* Whether `path` (as requested, decoded) may name a file under the web
 * root: relative after its leading '/', only letters, digits, '.', '_',
 * '-' and '/', no empty, "." or ".." segment.  1 or 0. */
int ent_http_safe_path(const char *path);

#endif
