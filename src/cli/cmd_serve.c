/*
 * cmd_serve.c - `entente serve`: the local web view.  The page (web/,
 * built with npm into web/dist) and a JSON API whose answers are the CLI's
 * own: each route runs the matching command in-process with `-f json`
 * (the route's parameters become its options, unset ones keep the CLI's
 * defaults) and returns what it printed, so the API and the CLI cannot
 * drift apart.  Answers are cached per command line until the store
 * changes on disk, as shared bodies sent without a copy; one lock
 * serialises the commands (the analyses are not all thread-safe), the
 * cache is read under the same lock.
 *
 * Routes: /api/network, /api/balance, /api/blocs, /api/position,
 * /api/treaties, /api/explain, /api/scenario, /api/unsc, /api/events,
 * /api/evidence/EVENT_ID; /api/ lists them.  Bad or unknown parameters are
 * 400 with a JSON error; an unknown route or event 404.
 */
#include "cli/cli.h"
#include "serve/http.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ENT_WEB_DIR
#define ENT_WEB_DIR "web/dist"
#endif

#define MAX_PARAMS 10
#define MAX_VALUE 200
#define CACHE_MAX 512

/* One parameter: its query name, the command's option ("" for the
 * positional argument), and whether it is a flag (values 1/true/0/false). */
typedef struct {
	const char *name, *option;
	int flag;
} param;

typedef struct {
	const char *path, *command, *format;
	int wrap_lines;   /* JSONL output: answered as {"events": [...]} */
	int store_only;   /* needs a store */
	param params[MAX_PARAMS];
} route;

static const route routes[] = {
	{"/api/network", "network", "json", 0, 0,
	 {{"as_of", "as-of", 0}, {"layout", "layout", 1}, {"no_camps", "no-camps", 1}}},
	{"/api/balance", "balance", "json", 0, 0, {{"as_of", "as-of", 0}}},
	{"/api/blocs", "blocs", "json", 0, 0, {{"as_of", "as-of", 0}, {"k", "k", 0}}},
	{"/api/position", "position", "json", 0, 0,
	 {{"state", "", 0}, {"as_of", "as-of", 0}, {"since", "since", 0}}},
	{"/api/treaties", "treaties", "json", 0, 0,
	 {{"state", "state", 0}, {"as_of", "as-of", 0}, {"all", "all", 1}}},
	{"/api/explain", "explain", "json", 0, 0,
	 {{"a", "", 0}, {"b", "", 0}, {"as_of", "as-of", 0}}},
	{"/api/scenario", "scenario", "json", 0, 0,
	 {{"attacker", "attacker", 0}, {"target", "target", 0}, {"as_of", "as-of", 0},
	  {"location", "location", 0}, {"provoked", "provoked", 1},
	  {"unprovoked", "unprovoked", 1}}},
	{"/api/unsc", "unsc", "json", 0, 0,
	 {{"target", "target", 0}, {"topic", "topic", 0}, {"as_of", "as-of", 0}}},
	{"/api/events", "events", "jsonl", 1, 1,
	 {{"dyad", "dyad", 0}, {"directed", "directed", 1}, {"actor", "actor", 0},
	  {"since", "since", 0}, {"until", "until", 0}, {"root", "root", 0},
	  {"code", "code", 0}, {"limit", "limit", 0}, {"newest", "newest", 1},
	  {"asserted", "asserted", 1}}},
};

typedef struct entry {
	char *key;
	int status;
	ent_http_body *body;   /* one reference held by the cache */
	struct entry *next;
} entry;

typedef struct {
	pthread_mutex_t lock;
	const char *db;          /* the store, or NULL */
	const char *ties[8];     /* --ties files passed to the analyses */
	int nties, no_baseline;
	struct timespec stamp[2];/* mtimes of the store and its WAL */
	off_t sizes[2];
	entry *cache[CACHE_MAX];
	size_t cached;
	FILE *null_in;
} server;

static unsigned long hash(const char *s)
{
	unsigned long h = 1469598103934665603UL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	return h;
}

static void cache_clear(server *sv)
{
	size_t i;
	for (i = 0; i < CACHE_MAX; i++)
		while (sv->cache[i]) {
			entry *e = sv->cache[i];
			sv->cache[i] = e->next;
			ent_free(e->key);
			ent_http_body_unref(e->body);
			ent_free(e);
		}
	sv->cached = 0;
}

/* Drops the cache when the store changed on disk since the last look. */
static void cache_check_store(server *sv)
{
	char wal[4200];
	struct stat sb;
	int i, changed = 0;
	if (!sv->db)
		return;
	snprintf(wal, sizeof wal, "%s-wal", sv->db);
	for (i = 0; i < 2; i++) {
		struct timespec t = {0, 0};
		off_t size = -1;
		if (stat(i ? wal : sv->db, &sb) == 0)
			t = sb.st_mtim, size = sb.st_size;
		if (t.tv_sec != sv->stamp[i].tv_sec || t.tv_nsec != sv->stamp[i].tv_nsec ||
		    size != sv->sizes[i])
			changed = 1;
		sv->stamp[i] = t;
		sv->sizes[i] = size;
	}
	if (changed)
		cache_clear(sv);
}

static entry *cache_get(server *sv, const char *key)
{
	entry *e;
	for (e = sv->cache[hash(key) % CACHE_MAX]; e; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

/* Keeps `body` (taking a reference of its own) under `key`. */
static void cache_put(server *sv, const char *key, int status, ent_http_body *body)
{
	entry *e;
	size_t h = hash(key) % CACHE_MAX;
	if (sv->cached >= 4 * CACHE_MAX)
		cache_clear(sv);
	if (!(e = ent_calloc(1, sizeof *e)) || !(e->key = ent_strdup(key))) {
		ent_free(e);
		return;
	}
	e->body = ent_http_body_ref(body);
	e->status = status;
	e->next = sv->cache[h];
	sv->cache[h] = e;
	sv->cached++;
}

/* ------------------------------------------------------------------------
 * A route: parameters to a command line, run in-process
 * ------------------------------------------------------------------------ */

typedef struct {
	const route *r;
	char *argv[2 * MAX_PARAMS + 28];
	int argc;
	char *positional[MAX_PARAMS];
	int npositional;
	ent_http_reply *out;
	int bad;
} cmdline;

static int add_param(void *payload, const char *name, const char *value)
{
	cmdline *c = payload;
	const param *p = NULL;
	size_t i;
	for (i = 0; i < MAX_PARAMS && c->r->params[i].name; i++)
		if (strcmp(c->r->params[i].name, name) == 0)
			p = &c->r->params[i];
	if (!p) {
		ent_buf allowed = ENT_BUF_INIT;
		for (i = 0; i < MAX_PARAMS && c->r->params[i].name; i++)
			ent_buf_printf(&allowed, "%s%s", i ? ", " : "", c->r->params[i].name);
		ent_http_error(c->out, 400, "unknown parameter '%.64s' for %s (it takes: %s)",
		               name, c->r->path, allowed.len ? ent_buf_cstr(&allowed) : "none");
		ent_buf_free(&allowed);
		return c->bad = 1;
	}
	if (strlen(value) > MAX_VALUE || value[0] == '-') {
		ent_http_error(c->out, 400, "parameter '%s': '%.64s' is not a valid value",
		               name, value);
		return c->bad = 1;
	}
	if (p->flag) {
		if (!strcmp(value, "0") || !strcmp(value, "false"))
			return 0;
		if (strcmp(value, "1") && strcmp(value, "true") && value[0]) {
			ent_http_error(c->out, 400, "parameter '%s' is 1 or 0, not '%.64s'", name,
			               value);
			return c->bad = 1;
		}
	}
	if ((size_t)c->argc + 3 >= sizeof c->argv / sizeof c->argv[0])
		return 0;
	if (!p->option[0]) {
		if (value[0] && c->npositional < MAX_PARAMS)
			c->positional[c->npositional++] = (char *)value;
		return 0;
	}
	if (!value[0] && !p->flag)
		return 0; /* empty: the CLI's default */
	{
		char opt[64];
		snprintf(opt, sizeof opt, "--%s", p->option);
		c->argv[c->argc++] = ent_strdup(opt);
		if (!p->flag)
			c->argv[c->argc++] = ent_strdup(value);
	}
	return 0;
}

/* The command's first message, without "entente: ", "COMMAND: " and the
 * pointer to --help. */
static void error_from(ent_http_reply *out, int status, const char *command,
                       const char *err)
{
	const char *s = err, *p;
	size_t n, k = strlen(command);
	if (strncmp(s, "entente: ", 9) == 0)
		s += 9;
	if (strncmp(s, command, k) == 0 && strncmp(s + k, ": ", 2) == 0)
		s += k + 2;
	n = strcspn(s, "\n");
	if ((p = strstr(s, " (see 'entente")) && (size_t)(p - s) < n)
		n = (size_t)(p - s);
	if (n > 400)
		n = 400;
	ent_http_error(out, status, "%.*s", (int)n, n ? s : "bad request");
}

static void run_route(server *sv, const route *r, const ent_http_request *req,
                      const char *extra_arg, ent_http_reply *out)
{
	cmdline c;
	ent_buf key = ENT_BUF_INIT;
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *o = NULL, *e = NULL;
	entry *hit;
	int i, rc;

	memset(&c, 0, sizeof c);
	c.r = r;
	c.out = out;
	c.argv[c.argc++] = ent_strdup("entente");
	c.argv[c.argc++] = ent_strdup(r->command);
	c.argv[c.argc++] = ent_strdup("-f");
	c.argv[c.argc++] = ent_strdup(r->format);
	if (sv->db && strcmp(r->command, "treaties") != 0) {
		c.argv[c.argc++] = ent_strdup("--db");
		c.argv[c.argc++] = ent_strdup(sv->db);
	}
	if (!r->store_only && strcmp(r->command, "treaties") != 0) {
		for (i = 0; i < sv->nties; i++) {
			c.argv[c.argc++] = ent_strdup("--ties");
			c.argv[c.argc++] = ent_strdup(sv->ties[i]);
		}
		if (sv->no_baseline)
			c.argv[c.argc++] = ent_strdup("--no-baseline");
	}
	if (ent_http_args_each(req, add_param, &c) || c.bad)
		goto done;
	if (r->store_only && !sv->db) {
		ent_http_error(out, 404, "no store: start entente serve with --db FILE "
		               "(or where entente.db is)");
		goto done;
	}
	for (i = 0; i < c.npositional; i++)
		c.argv[c.argc++] = ent_strdup(c.positional[i]);
	if (extra_arg)
		c.argv[c.argc++] = ent_strdup(extra_arg);
	for (i = 0; i < c.argc; i++) {
		if (!c.argv[i]) {
			ent_http_error(out, 500, "out of memory");
			goto done;
		}
		ent_buf_puts(&key, c.argv[i]);
		ent_buf_putc(&key, '\x1f');
	}
	if (key.oom) {
		ent_http_error(out, 500, "out of memory");
		goto done;
	}

	pthread_mutex_lock(&sv->lock);
	cache_check_store(sv);
	if ((hit = cache_get(sv, ent_buf_cstr(&key))) != NULL) {
		out->status = hit->status;
		out->type = "application/json";
		out->shared = ent_http_body_ref(hit->body);
		pthread_mutex_unlock(&sv->lock);
		goto done;
	}
	o = open_memstream(&obuf, &olen);
	e = open_memstream(&ebuf, &elen);
	if (!o || !e) {
		pthread_mutex_unlock(&sv->lock);
		ent_http_error(out, 500, "out of memory");
		goto done;
	}
	rewind(sv->null_in);
	rc = ent_cli_main(c.argc, c.argv, sv->null_in, o, e, 0, 0, 1);
	fclose(o);
	fclose(e);
	o = e = NULL;
	if (rc == 0 || (rc == ENT_EXIT_INPUT && olen && strcmp(r->command, "events"))) {
		out->status = 200;
		out->type = "application/json";
		if (r->wrap_lines) {
			size_t k;
			ent_buf_puts(&out->body, "{\"events\":[");
			for (k = 0; k < olen; k++)
				if (obuf[k] != '\n')
					ent_buf_putc(&out->body, obuf[k]);
				else if (k + 1 < olen)
					ent_buf_putc(&out->body, ',');
			ent_buf_puts(&out->body, "]}\n");
		} else
			ent_buf_put(&out->body, obuf, olen);
	} else
		error_from(out, r->store_only && rc != ENT_EXIT_USAGE ? 404 : 400, r->command,
		           ebuf ? ebuf : "");
	if (!out->body.oom) {
		/* the answer becomes a shared body: kept by the cache, sent as is */
		ent_http_body *b = ent_http_body_new(out->body.data, out->body.len);
		if (b) {
			cache_put(sv, ent_buf_cstr(&key), out->status, b);
			out->shared = b;
			out->body.len = 0;
		}
	}
	pthread_mutex_unlock(&sv->lock);
done:
	if (o)
		fclose(o);
	if (e)
		fclose(e);
	free(obuf);
	free(ebuf);
	ent_buf_free(&key);
	for (i = 0; i < c.argc; i++)
		ent_free(c.argv[i]);
}

static const route evidence_route = {"/api/evidence", "evidence", "json", 0, 1, {{NULL, NULL, 0}}};

static void handle(void *payload, const ent_http_request *req, const char *path,
                   ent_http_reply *out)
{
	server *sv = payload;
	size_t i;
	if (strcmp(path, "/api") == 0 || strcmp(path, "/api/") == 0) {
		ent_buf_puts(&out->body, "{\"routes\":[");
		for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
			size_t k;
			ent_buf_printf(&out->body, "%s{\"path\":\"%s\",\"command\":\"%s\",\"params\":[",
			               i ? "," : "", routes[i].path, routes[i].command);
			for (k = 0; k < MAX_PARAMS && routes[i].params[k].name; k++)
				ent_buf_printf(&out->body, "%s\"%s\"", k ? "," : "",
				               routes[i].params[k].name);
			ent_buf_puts(&out->body, "]}");
		}
		ent_buf_puts(&out->body, ",{\"path\":\"/api/evidence/EVENT_ID\",\"command\":"
		                         "\"evidence\",\"params\":[]}]}\n");
		out->type = "application/json";
		return;
	}
	if (strncmp(path, "/api/evidence/", 14) == 0) {
		const char *id = path + 14;
		if (!id[0] || id[0] == '-' || strlen(id) > 500) {
			ent_http_error(out, 400, "give an event id: /api/evidence/DOC:SENTENCE:K");
			return;
		}
		run_route(sv, &evidence_route, req, id, out);
		return;
	}
	for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (strcmp(path, routes[i].path) == 0) {
			run_route(sv, &routes[i], req, NULL, out);
			return;
		}
	ent_http_error(out, 404, "no route %.100s (see /api/)", path);
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

static const ent_cli_option options[] = {
	{"db", 0, "FILE", "the store to serve (default: entente.db when it exists "
	 "here; without one the events routes answer 404)", "@file", 0},
	{"port", 'p', "PORT", "TCP port (default 8765; 0: any free port)", NULL, 0},
	{"bind", 0, "ADDRESS", "address to listen on (default 127.0.0.1, this "
	 "machine only)", NULL, 0},
	{"web", 0, "DIR", "the page's built files (default: web/dist of the "
	 "source tree, or $ENTENTE_WEB)", "@dir", 0},
	{"ties", 0, "FILE", "add or override ties from a tie file, in every "
	 "analysis served (up to 8)", "@file", 1},
	{"no-baseline", 0, NULL, "leave the built-in ties out of every analysis "
	 "served", NULL, 0},
	{"threads", 0, "N", "worker threads (default 2)", NULL, 0},
	{"timeout", 0, "SECONDS", "close connections idle this long (default 10)",
	 NULL, 0},
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

static int run(ent_cli *cli, ent_cli_args *a)
{
	server sv;
	ent_http *h = NULL;
	ent_http_options o;
	sigset_t set;
	const char *web = ent_cli_get(a, "web");
	long port, threads, timeout;
	struct stat sb;
	char index[4200];
	int sig, rc = 0;

	memset(&sv, 0, sizeof sv);
	memset(&o, 0, sizeof o);
	if (ent_cli_long_opt(cli, a, "port", 0, 65535, 8765, &port) < 0 ||
	    ent_cli_long_opt(cli, a, "threads", 1, 64, 2, &threads) < 0 ||
	    ent_cli_long_opt(cli, a, "timeout", 1, 3600, 10, &timeout) < 0)
		return ENT_EXIT_USAGE;
	sv.db = ent_cli_get(a, "db");
	while (sv.nties < 8 && (sv.ties[sv.nties] = ent_cli_get_nth(a, "ties", sv.nties)))
		sv.nties++;
	if (ent_cli_get_nth(a, "ties", 8)) {
		ent_cli_usage_error(cli, "at most 8 --ties files");
		return ENT_EXIT_USAGE;
	}
	sv.no_baseline = ent_cli_flag(a, "no-baseline");
	if (!sv.db && access("entente.db", R_OK) == 0)
		sv.db = "entente.db";
	if (sv.db && access(sv.db, R_OK) != 0) {
		ent_cli_error(cli, "%s: cannot read the store", sv.db);
		return ENT_EXIT_INPUT;
	}
	if (!web)
		web = getenv("ENTENTE_WEB");
	if (!web)
		web = ENT_WEB_DIR;
	snprintf(index, sizeof index, "%s/index.html", web);
	if (stat(web, &sb) != 0 || !S_ISDIR(sb.st_mode) || access(index, R_OK) != 0) {
		fprintf(cli->err, "entente: the web page's files are missing (%s): run "
		        "scripts/web to build them (npm ci and the build in web/); the "
		        "/api/ routes work without them\n", web);
		web = NULL;
	}
	if (!(sv.null_in = fopen("/dev/null", "r"))) {
		ent_cli_error(cli, "cannot open /dev/null");
		return ENT_EXIT_INPUT;
	}
	pthread_mutex_init(&sv.lock, NULL);
	o.bind = ent_cli_get(a, "bind");
	o.port = (unsigned)port;
	o.web_root = web;
	o.threads = (unsigned)threads;
	o.timeout = (unsigned)timeout;
	/* block the stop signals before the server's threads start, so that
	 * only sigwait below takes them; a closed client is not a signal */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (ent_http_start(&h, cli->ctx, &o, handle, &sv) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	fprintf(cli->out, "entente: serving http://%s%s%s:%u/ (store: %s; page: %s); "
	        "Ctrl-C stops\n", o.bind && strchr(o.bind, ':') ? "[" : "",
	        o.bind ? o.bind : "127.0.0.1", o.bind && strchr(o.bind, ':') ? "]" : "",
	        ent_http_port(h), sv.db ? sv.db : "none", web ? web : "missing");
	fflush(cli->out);
	sigwait(&set, &sig);
	fprintf(cli->out, "entente: stopped\n");
done:
	ent_http_stop(h);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	cache_clear(&sv);
	pthread_mutex_destroy(&sv.lock);
	fclose(sv.null_in);
	return rc;
}

const ent_cli_command ent_cmd_serve = {
	"serve",
	"the local web view: the network, its events and the what-ifs",
	"[options]",
	"Serves the page (the network with camps, a date slider, a tie's events "
	"with their evidence, a state's allies, adversaries and treaties, the "
	"scenario and Security Council forms) and a JSON API that answers as the "
	"CLI does: /api/network, /api/balance, /api/blocs, /api/position, "
	"/api/treaties, /api/explain, /api/scenario, /api/unsc, /api/events, "
	"/api/evidence/EVENT_ID (/api/ lists them with their parameters).  Listens "
	"on 127.0.0.1 unless --bind says otherwise; stops on Ctrl-C or SIGTERM.",
	options,
	run
};
