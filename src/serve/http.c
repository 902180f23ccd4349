/*
 * http.c - the web view's HTTP layer on libmicrohttpd (http.h).  One
 * daemon with a small pool of polling threads (epoll); each connection may
 * idle `timeout` seconds, so a slow client cannot hold a worker; request
 * lines and headers share a fixed memory budget per connection (longer
 * requests get 431/414 from libmicrohttpd), and a request that carries a
 * body is refused (413).  A client that goes away mid-response costs
 * nothing but its own connection: libmicrohttpd sends with MSG_NOSIGNAL.
 *
 * Static files: the decoded path must pass ent_http_safe_path, and the
 * file it names, after resolving links, must lie inside the web root's
 * resolved path; it is opened without following a final link and must be
 * a regular file.  Anything else is 404.
 */
#include "serve/http.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ent_http {
	struct MHD_Daemon *d;
	ent_http_handler handler;
	void *payload;
	char *root;          /* resolved web root, or NULL */
	unsigned port;
};

struct ent_http_request {
	struct MHD_Connection *c;
};

struct ent_http_body {
	atomic_size_t refs;
	size_t len;
	char data[];
};

ent_http_body *ent_http_body_new(const char *data, size_t len)
{
	ent_http_body *b = ent_malloc(sizeof *b + len + 1);
	if (!b)
		return NULL;
	atomic_init(&b->refs, 1);
	b->len = len;
	if (len)
		memcpy(b->data, data, len);
	b->data[len] = '\0';
	return b;
}

ent_http_body *ent_http_body_ref(ent_http_body *b)
{
	atomic_fetch_add(&b->refs, 1);
	return b;
}

void ent_http_body_unref(ent_http_body *b)
{
	if (b && atomic_fetch_sub(&b->refs, 1) == 1)
		ent_free(b);
}

size_t ent_http_body_len(const ent_http_body *b)
{
	return b->len;
}

static void body_done(void *cls)
{
	ent_http_body_unref(cls);
}

void ent_http_error(ent_http_reply *out, int status, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	out->status = status;
	out->type = "application/json";
	out->body.len = 0;
	ent_buf_puts(&out->body, "{\"error\":");
	ent_buf_json_cstr(&out->body, msg);
	ent_buf_puts(&out->body, "}\n");
}

const char *ent_http_arg(const ent_http_request *r, const char *name)
{
	return MHD_lookup_connection_value(r->c, MHD_GET_ARGUMENT_KIND, name);
}

typedef struct {
	int (*cb)(void *, const char *, const char *);
	void *payload;
	int rc;
} args_walk;

static enum MHD_Result each_arg(void *cls, enum MHD_ValueKind kind,
                                const char *key, const char *value)
{
	args_walk *w = cls;
	(void)kind;
	w->rc = w->cb(w->payload, key, value ? value : "");
	return w->rc ? MHD_NO : MHD_YES;
}

int ent_http_args_each(const ent_http_request *r,
                       int (*cb)(void *payload, const char *name, const char *value),
                       void *payload)
{
	args_walk w = {cb, payload, 0};
	MHD_get_connection_values(r->c, MHD_GET_ARGUMENT_KIND, each_arg, &w);
	return w.rc;
}

int ent_http_safe_path(const char *path)
{
	const char *p, *seg;
	if (!path || path[0] != '/' || path[1] == '/' || path[1] == '\0' || strlen(path) > 512)
		return 0;
	for (p = path + 1; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-' ||
		      *p == '/'))
			return 0;
	for (seg = path + 1; *seg; seg = p + (*p == '/')) {
		size_t n;
		p = strchr(seg, '/');
		if (!p)
			p = seg + strlen(seg);
		n = (size_t)(p - seg);
		if (n == 0 && *p == '/')
			return 0; /* "a//b" */
		if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		if (!*p)
			break;
	}
	return 1;
}

static const char *mime(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
		{".json", "application/json"}, {".svg", "image/svg+xml"},
		{".png", "image/png"}, {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
	};
	size_t i, n = strlen(path);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t k = strlen(types[i].ext);
		if (n >= k && strcmp(path + n - k, types[i].ext) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

static enum MHD_Result send_reply(struct MHD_Connection *c, ent_http_reply *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ok;
	if (r->body.oom && !r->shared)
		ent_http_error(r, 500, "out of memory");
	if (r->shared) {
		/* no copy: libmicrohttpd lets the reference go when it is done */
		ent_http_body *b = r->shared;
		r->shared = NULL;
		resp = MHD_create_response_from_buffer_with_free_callback_cls(
			b->len, b->data, body_done, b);
		if (!resp) {
			ent_http_body_unref(b);
			return MHD_NO;
		}
	} else if (!(resp = MHD_create_response_from_buffer(
			     r->body.len, r->body.data ? r->body.data : (void *)"",
			     MHD_RESPMEM_MUST_COPY)))
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", r->type ? r->type : "application/json");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	if (r->status == 405)
		MHD_add_response_header(resp, "Allow", "GET, HEAD");
	ok = MHD_queue_response(c, (unsigned)(r->status ? r->status : 200), resp);
	MHD_destroy_response(resp);
	return ok;
}

/* A file of the web root, or 0 when there is none to serve (404). */
static enum MHD_Result send_file(ent_http *h, struct MHD_Connection *c,
                                 const char *url, int *served)
{
	char joined[PATH_MAX], real[PATH_MAX];
	const char *rel = strcmp(url, "/") == 0 ? "/index.html" : url;
	struct MHD_Response *resp;
	struct stat sb;
	enum MHD_Result ok;
	size_t n;
	int fd;
	*served = 0;
	if (!h->root || !ent_http_safe_path(rel))
		return MHD_YES;
	if (snprintf(joined, sizeof joined, "%s%s", h->root, rel) >= (int)sizeof joined ||
	    !realpath(joined, real))
		return MHD_YES;
	n = strlen(h->root);
	if (strncmp(real, h->root, n) != 0 || real[n] != '/')
		return MHD_YES;
	if ((fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return MHD_YES;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return MHD_YES;
	}
	if (!(resp = MHD_create_response_from_fd((uint64_t)sb.st_size, fd))) {
		close(fd);
		return MHD_NO;
	}
	*served = 1;
	MHD_add_response_header(resp, "Content-Type", mime(real));
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Content-Security-Policy",
	                        "default-src 'self'; style-src 'self' 'unsafe-inline'; "
	                        "img-src 'self' data:");
	ok = MHD_queue_response(c, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **req_cls)
{
	static int started;
	ent_http *h = cls;
	ent_http_reply r;
	enum MHD_Result ok;
	(void)version;
	(void)upload;
	memset(&r, 0, sizeof r);
	if (!*req_cls) {
		const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                              MHD_HTTP_HEADER_CONTENT_LENGTH);
		const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                             MHD_HTTP_HEADER_TRANSFER_ENCODING);
		*req_cls = &started;
		if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
			ent_http_error(&r, 405, "%s is not allowed: GET or HEAD", method);
		else if ((len && strcmp(len, "0") != 0) || te)
			ent_http_error(&r, 413, "a request body is not accepted");
		else
			return MHD_YES;
		ok = send_reply(c, &r);
		ent_buf_free(&r.body);
		return ok;
	}
	if (*upload_size) { /* refused above; discard */
		*upload_size = 0;
		return MHD_YES;
	}
	if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0) {
		h->handler(h->payload, &(ent_http_request){c}, url, &r);
	} else {
		int served = 0;
		ok = send_file(h, c, url, &served);
		if (served || ok == MHD_NO)
			return ok;
		if (!h->root && (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0))
			ent_http_error(&r, 503, "the web page's files are missing: run "
			               "scripts/web (npm ci and the build in web/), or pass "
			               "--web DIR; the /api/ routes work without them");
		else
			ent_http_error(&r, 404, "no such page");
	}
	ok = send_reply(c, &r);
	ent_buf_free(&r.body);
	return ok;
}

int ent_http_start(ent_http **out, ent_ctx *ctx, const ent_http_options *o,
                   ent_http_handler handler, void *payload)
{
	ent_http *h;
	struct sockaddr_in a4;
	struct sockaddr_in6 a6;
	struct sockaddr *sa;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
	const char *bind = o->bind ? o->bind : "127.0.0.1";
	const union MHD_DaemonInfo *info;
	char real[PATH_MAX];
	*out = NULL;
	memset(&a4, 0, sizeof a4);
	memset(&a6, 0, sizeof a6);
	if (o->port > 65535)
		return ent_err(ctx, ENT_EINVAL, "port %u is not in 0..65535", o->port);
	if (inet_pton(AF_INET, bind, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		a4.sin_port = htons((uint16_t)o->port);
		sa = (struct sockaddr *)&a4;
	} else if (inet_pton(AF_INET6, bind, &a6.sin6_addr) == 1) {
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons((uint16_t)o->port);
		sa = (struct sockaddr *)&a6;
		flags |= MHD_USE_IPv6;
	} else
		return ent_err(ctx, ENT_EINVAL, "'%s' is not an IPv4 or IPv6 address", bind);
	if (!(h = ent_calloc(1, sizeof *h)))
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	h->handler = handler;
	h->payload = payload;
	if (o->web_root && realpath(o->web_root, real) && (h->root = ent_strdup(real)) == NULL) {
		ent_free(h);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	h->d = MHD_start_daemon(
		flags, (uint16_t)o->port, NULL, NULL, on_request, h,
		MHD_OPTION_SOCK_ADDR, sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)(o->threads ? o->threads : 2),
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(o->timeout ? o->timeout : 10),
		MHD_OPTION_CONNECTION_LIMIT,
		(unsigned int)(o->max_connections ? o->max_connections : 256),
		MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)(o->max_request ? o->max_request : 16384),
		MHD_OPTION_END);
	if (!h->d) {
		int e = errno;
		ent_free(h->root);
		ent_free(h);
		return ent_err(ctx, ENT_EIO, "cannot listen on %s port %u: %s", bind, o->port,
		               e ? strerror(e) : "libmicrohttpd refused");
	}
	info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	h->port = info ? info->port : o->port;
	*out = h;
	return 0;
}

unsigned ent_http_port(const ent_http *h)
{
	return h->port;
}

void ent_http_stop(ent_http *h)
{
	if (!h)
		return;
	MHD_stop_daemon(h->d);
	ent_free(h->root);
	ent_free(h);
}
