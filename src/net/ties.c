/*
 * ties.c - tie sources and the one formula that combines them.
 *
 * Three kinds of source feed a tie between two nodes (states, or labels in
 * generic mode):
 *   - tie lines (built-in baseline, treaty priors, user tie files), each a
 *     weight in [-1, 1] over a half-open period [from, until);
 *   - coded events (JSONL from the coder, or the store), rolled up to their
 *     states when both actors are state actors (the state itself or GOV,
 *     MIL, LEG, JUD, COP, SPY); rebels, opposition, business, media and the
 *     rest never become their state's ties.
 * The value on date t (see entente/net.h and docs/network.md):
 *   prior = the last user line covering t, else clamp(last baseline line
 *           covering t + the strongest treaty line covering t)
 *   E     = sum over distinct asserted events up to t of g * 2^(-age/h)
 *   tie   = clamp(prior + tanh(E / scale))
 * "Distinct": one happening reported by many articles counts once; events of
 * the same unordered state dyad and code whose dates lie within one day of
 * the first report form one cluster.
 *
 * Lines and events are kept in load order; a lazily built index sorts them
 * by dyad so that a tie is computed in O(lines + events of that dyad).
 */
#include "entente/net.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/ctx.h"
#include "util/date.h"
#include "util/json.h"
#include "util/lines.h"
#include "entente/builtin.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	uint32_t a, b;         /* nodes, a < b */
	double w;
	ent_date from, until;  /* ENT_DATE_NONE = open */
	const char *note, *source, *file;
	long line;
	int origin;
	uint32_t seq;          /* load order */
} tie_line;

typedef struct {
	uint32_t a, b;         /* nodes, a < b (unordered dyad) */
	uint32_t src, dst;     /* direction as coded */
	ent_date date;
	double g;
	const char *code, *id, *doc, *text, *file, *sactor, *tactor;
	long line, sentence;
	int counted;           /* first report of its cluster */
	uint32_t seq;
} tie_event;

struct ent_ties {
	ent_ctx *ctx;
	const ent_states *st;
	ent_tie_options opts;
	ent_arena strings;     /* labels, notes, sources, file names, codes */
	/* nodes: states, or labels interned in generic mode */
	char **labels;
	size_t nlabels, labelcap;
	/* tie lines and events */
	tie_line *lines;
	size_t nlines, linecap;
	tie_event *evs;
	size_t nevs, evcap;
	ent_date latest;
	/* sources */
	ent_tie_source *src;
	size_t nsrc, srccap;
	/* index (built lazily, invalidated by additions) */
	int indexed;
	uint32_t *line_order, *ev_order; /* sorted by dyad */
};

/* ------------------------------------------------------------------------
 * State agents: which actor codes roll up to their state
 * ------------------------------------------------------------------------ */

/* The role blocks after the country code that make an actor a state actor.
 * Anything else (REB, OPP, INS, BUS, MED, CVL, EDU, HLH, LAB, NGO, PTY, REL,
 * CRM, UAF, SEP, RAD, ELI, REF, ...) is not the state. */
static const char *const state_roles[] = {"GOV", "MIL", "LEG", "JUD", "COP",
                                          "SPY", NULL};

int ent_net_actor_is_state(const char *code);
int ent_net_actor_is_state(const char *code)
{
	size_t n, k;
	if (!code)
		return 1; /* only a country given */
	n = strlen(code);
	if (n < 3)
		return 0;
	if (n == 3)
		return 1;
	for (k = 0; state_roles[k]; k++)
		if (strncmp(code + 3, state_roles[k], 3) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Construction, nodes, sources
 * ------------------------------------------------------------------------ */

int ent_ties_new(ent_ties **out, ent_ctx *ctx, const ent_states *st,
                 const ent_tie_options *opts)
{
	ent_tie_options def = ENT_TIE_OPTIONS_INIT;
	ent_ties *t = ent_calloc(1, sizeof(*t));
	*out = NULL;
	if (!t)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	t->ctx = ctx;
	t->st = st;
	t->opts = opts ? *opts : def;
	t->latest = ENT_DATE_NONE;
	ent_arena_init(&t->strings, 64 * 1024);
	if (st) {
		size_t i, n = ent_states_count(st);
		t->labels = ent_calloc(n, sizeof(char *));
		if (!t->labels) {
			ent_ties_free(t);
			return ent_err(ctx, ENT_ENOMEM, "out of memory");
		}
		for (i = 0; i < n; i++)
			t->labels[i] = (char *)ent_states_iso3(st, i);
		t->nlabels = t->labelcap = n;
	}
	*out = t;
	return 0;
}

void ent_ties_free(ent_ties *t)
{
	if (!t)
		return;
	ent_free(t->labels);
	ent_free(t->lines);
	ent_free(t->evs);
	ent_free(t->src);
	ent_free(t->line_order);
	ent_free(t->ev_order);
	ent_arena_destroy(&t->strings);
	ent_free(t);
}

const ent_tie_options *ent_ties_options(const ent_ties *t)
{
	return &t->opts;
}

size_t ent_ties_node_count(const ent_ties *t)
{
	return t->nlabels;
}

const char *ent_ties_node_label(const ent_ties *t, size_t i)
{
	return t->labels[i];
}

const ent_states *ent_ties_states(const ent_ties *t)
{
	return t->st;
}

ent_date ent_ties_latest_event(const ent_ties *t)
{
	return t->latest;
}

size_t ent_ties_source_count(const ent_ties *t)
{
	return t->nsrc;
}

const ent_tie_source *ent_ties_source(const ent_ties *t, size_t i)
{
	return &t->src[i];
}

static const char *keep(ent_ties *t, const char *s, size_t n)
{
	return ent_arena_strndup(&t->strings, s, n);
}

static const char *keep0(ent_ties *t, const char *s)
{
	return s ? keep(t, s, strlen(s)) : NULL;
}

int ent_ties_node_lookup(const ent_ties *t, const char *s)
{
	size_t i;
	if (t->st)
		return ent_states_lookup(t->st, s);
	for (i = 0; i < t->nlabels; i++)
		if (strcmp(t->labels[i], s) == 0)
			return (int)i;
	return -1;
}

/* Generic mode: the node for a label, created if new. */
static int intern(ent_ties *t, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < t->nlabels; i++)
		if (strlen(t->labels[i]) == n && memcmp(t->labels[i], s, n) == 0)
			return (int)i;
	if (t->nlabels == t->labelcap) {
		size_t nc = t->labelcap ? t->labelcap * 2 : 64;
		char **nl = ent_realloc(t->labels, nc * sizeof(char *));
		if (!nl)
			return ENT_ENOMEM;
		t->labels = nl;
		t->labelcap = nc;
	}
	if (!(t->labels[t->nlabels] = (char *)keep(t, s, n)))
		return ENT_ENOMEM;
	return (int)t->nlabels++;
}

static ent_tie_source *new_source(ent_ties *t, const char *kind,
                                  const char *name)
{
	ent_tie_source *s;
	if (ENT_GROW(t->src, t->nsrc, t->srccap) < 0)
		return NULL;
	s = &t->src[t->nsrc];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->name = keep0(t, name);
	if (!s->name)
		return NULL;
	t->nsrc++;
	return s;
}

/* ------------------------------------------------------------------------
 * Tie files
 * ------------------------------------------------------------------------ */

/* Parse a weight: a signed number in [-1, 1], or "+" / "-". */
static int parse_weight(const char *s, size_t n, double *w)
{
	char buf[64], *end;
	if (n == 1 && s[0] == '+') {
		*w = 0.5;
		return 0;
	}
	if (n == 1 && s[0] == '-') {
		*w = -0.5;
		return 0;
	}
	if (!n || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*w = strtod(buf, &end);
	if (*end || end == buf || !isfinite(*w) || *w < -1 || *w > 1)
		return -1;
	return 0;
}

/* The node named by s[0..n): 0 and *out, 1 when there is none (unknown
 * state, or a label with spaces in generic mode), or ENT_ENOMEM. */
static int node_of(ent_ties *t, const char *s, size_t n, int *out)
{
	char buf[128];
	int id;
	if (!n || n >= sizeof buf)
		return 1;
	if (!t->st) {
		size_t i;
		for (i = 0; i < n; i++)
			if (s[i] == ' ' || s[i] == '\t')
				return 1;
		id = intern(t, s, n);
		if (id < 0)
			return ENT_ENOMEM;
		*out = id;
		return 0;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	id = ent_states_lookup(t->st, buf);
	if (id < 0)
		return 1;
	*out = id;
	return 0;
}

static int push_line(ent_ties *t, const tie_line *l)
{
	if (ENT_GROW(t->lines, t->nlines, t->linecap) < 0)
		return ENT_ENOMEM;
	t->lines[t->nlines] = *l;
	t->lines[t->nlines].seq = (uint32_t)t->nlines;
	t->nlines++;
	t->indexed = 0;
	return 0;
}

static int overlaps(const tie_line *x, const tie_line *y)
{
	ent_date xf = x->from == ENT_DATE_NONE ? INT32_MIN + 1 : x->from;
	ent_date yf = y->from == ENT_DATE_NONE ? INT32_MIN + 1 : y->from;
	ent_date xu = x->until == ENT_DATE_NONE ? INT32_MAX : x->until;
	ent_date yu = y->until == ENT_DATE_NONE ? INT32_MAX : y->until;
	return xf < yu && yf < xu;
}

#define BAD(...)                                                             \
	do {                                                                     \
		ent_diag_emit(t->ctx, ENT_DIAG_ERROR, name, it.lineno, -1,           \
		              __VA_ARGS__);                                          \
		src->skipped++;                                                      \
		goto next_line;                                                      \
	} while (0)

int ent_ties_add_text(ent_ties *t, const char *name, const char *data,
                      size_t len, ent_tie_origin origin)
{
	static const char *const kinds[] = {"baseline", "treaty", "ties"};
	ent_tie_source *src = new_source(t, kinds[origin], name);
	ent_lines it;
	const char *line, *file;
	size_t ln, first = t->nlines;
	if (!src || !(file = src->name))
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	ent_lines_init(&it, data, len);
	while (ent_lines_next(&it, &line, &ln)) {
		const char *f[8];
		size_t fl[8];
		int nf, a, b, rc;
		tie_line l;
		size_t i;
		const char *p = line;
		size_t pn = ln;
		ent_trim(&p, &pn);
		if (!pn || p[0] == '#')
			continue;
		nf = ent_split(p, pn, '|', 1, f, fl, 8);
		if (nf < 3)
			BAD("expected 'a | b | weight | from | until | note | source'");
		if (nf > 7)
			BAD("too many fields (%d; at most 7)", nf);
		for (i = (size_t)nf; i < 7; i++) {
			f[i] = "";
			fl[i] = 0;
		}
		if ((rc = node_of(t, f[0], fl[0], &a)) < 0)
			return ent_err(t->ctx, rc, "out of memory");
		if (rc)
			BAD("unknown state '%.*s'", (int)fl[0], f[0]);
		if ((rc = node_of(t, f[1], fl[1], &b)) < 0)
			return ent_err(t->ctx, rc, "out of memory");
		if (rc)
			BAD("unknown state '%.*s'", (int)fl[1], f[1]);
		if (a == b)
			BAD("a tie from '%.*s' to itself", (int)fl[0], f[0]);
		memset(&l, 0, sizeof l);
		l.a = (uint32_t)(a < b ? a : b);
		l.b = (uint32_t)(a < b ? b : a);
		if (parse_weight(f[2], fl[2], &l.w) < 0)
			BAD("weight '%.*s' is not a number in [-1, 1] or '+' / '-'",
			    (int)fl[2], f[2]);
		l.from = l.until = ENT_DATE_NONE;
		if (fl[3] && ent_date_parse(&l.from, f[3], fl[3]) < 0)
			BAD("from date '%.*s' is not YYYY-MM-DD", (int)fl[3], f[3]);
		if (fl[4] && ent_date_parse(&l.until, f[4], fl[4]) < 0)
			BAD("until date '%.*s' is not YYYY-MM-DD", (int)fl[4], f[4]);
		if (l.from != ENT_DATE_NONE && l.until != ENT_DATE_NONE &&
		    l.until <= l.from)
			BAD("until (%.*s) is not after from (%.*s)", (int)fl[4], f[4],
			    (int)fl[3], f[3]);
		/* duplicates and overlaps within this file */
		for (i = first; i < t->nlines; i++)
			if (t->lines[i].a == l.a && t->lines[i].b == l.b &&
			    overlaps(&t->lines[i], &l))
				BAD("tie %s-%s overlaps the one at line %ld",
				    t->labels[l.a], t->labels[l.b], t->lines[i].line);
		l.note = fl[5] ? keep(t, f[5], fl[5]) : NULL;
		l.source = fl[6] ? keep(t, f[6], fl[6]) : NULL;
		l.file = file;
		l.line = it.lineno;
		l.origin = origin;
		if ((fl[5] && !l.note) || (fl[6] && !l.source) || push_line(t, &l) < 0)
			return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
		src->lines++;
	next_line:;
	}
	return (int)src->lines;
}

#undef BAD

int ent_ties_add_line(ent_ties *t, size_t a, size_t b, double w, ent_date from,
                      ent_date until, const char *note, const char *source,
                      ent_tie_origin origin, const char *file, long line)
{
	tie_line l;
	size_t i;
	ent_tie_source *src = NULL;
	static const char *const kinds[] = {"baseline", "treaty", "ties"};
	if (a == b || a >= t->nlabels || b >= t->nlabels || !(w >= -1 && w <= 1))
		return ent_err(t->ctx, ENT_EINVAL, "bad tie line");
	for (i = 0; i < t->nsrc; i++)
		if (strcmp(t->src[i].kind, kinds[origin]) == 0 &&
		    strcmp(t->src[i].name, file) == 0)
			src = &t->src[i];
	if (!src && !(src = new_source(t, kinds[origin], file)))
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	memset(&l, 0, sizeof l);
	l.a = (uint32_t)(a < b ? a : b);
	l.b = (uint32_t)(a < b ? b : a);
	l.w = w;
	l.from = from;
	l.until = until;
	l.note = keep0(t, note);
	l.source = keep0(t, source);
	l.file = src->name;
	l.line = line;
	l.origin = origin;
	if ((note && !l.note) || (source && !l.source) || push_line(t, &l) < 0)
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	src->lines++;
	return 0;
}

int ent_ties_add_file(ent_ties *t, const char *path, ent_tie_origin origin)
{
	char *data;
	size_t len;
	int rc = ent_read_file(&data, &len, t->ctx, path);
	if (rc < 0)
		return rc;
	rc = ent_ties_add_text(t, path, data, len, origin);
	ent_free(data);
	return rc;
}

int ent_ties_add_baseline(ent_ties *t)
{
	size_t i;
	int total = 0;
	const ent_builtin_file *f;
	for (i = 0; (f = ent_builtin_at(i)) != NULL; i++) {
		size_t n = strlen(f->name);
		int rc;
		if (strncmp(f->name, "ties/", 5) != 0 || n < 5 ||
		    strcmp(f->name + n - 5, ".ties") != 0)
			continue;
		rc = ent_ties_add_text(t, f->name, f->data, f->len, ENT_TIES_BASELINE);
		if (rc < 0)
			return rc;
		total += rc;
	}
	return total;
}

/* ------------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------------ */

static ent_tie_source *events_source(ent_ties *t, const char *where)
{
	size_t i;
	for (i = t->nsrc; i-- > 0;)
		if (strcmp(t->src[i].kind, "events") == 0 &&
		    strcmp(t->src[i].name, where ? where : "-") == 0)
			return &t->src[i];
	return new_source(t, "events", where ? where : "-");
}

int ent_ties_add_event(ent_ties *t, const ent_event_in *e, const char *where,
                       long line)
{
	ent_tie_source *src = events_source(t, where);
	int a, b;
	tie_event ev;
	if (!src)
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	if (e->negated || e->hypothetical || !e->source_country ||
	    !e->target_country || !ent_net_actor_is_state(e->source) ||
	    !ent_net_actor_is_state(e->target) || !e->code || isnan(e->goldstein)) {
		src->set_aside++;
		return 0;
	}
	{
		int ra = node_of(t, e->source_country, strlen(e->source_country), &a);
		int rb = ra ? 0 : node_of(t, e->target_country, strlen(e->target_country), &b);
		if (ra < 0 || rb < 0)
			return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
		if (ra || rb) {
			ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, line, -1,
			              "unknown state '%s'",
			              ra ? e->source_country : e->target_country);
			src->skipped++;
			return 0;
		}
	}
	if (a == b) { /* a domestic event is no tie between states */
		src->set_aside++;
		return 0;
	}
	if (e->id) {
		size_t i;
		for (i = 0; i < t->nevs; i++)
			if (t->evs[i].id && strcmp(t->evs[i].id, e->id) == 0) {
				ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, line, -1,
				              "duplicate event id '%s' (first at %s:%ld)", e->id,
				              t->evs[i].file, t->evs[i].line);
				src->skipped++;
				return 0;
			}
	}
	memset(&ev, 0, sizeof ev);
	ev.src = (uint32_t)a;
	ev.dst = (uint32_t)b;
	ev.a = (uint32_t)(a < b ? a : b);
	ev.b = (uint32_t)(a < b ? b : a);
	ev.date = e->date;
	ev.g = e->goldstein;
	ev.code = keep0(t, e->code);
	ev.id = keep0(t, e->id);
	ev.doc = keep0(t, e->doc);
	ev.text = keep0(t, e->text);
	ev.sactor = keep0(t, e->source);
	ev.tactor = keep0(t, e->target);
	ev.file = src->name;
	ev.line = line;
	ev.sentence = e->sentence;
	if (!ev.code || (e->id && !ev.id) || (e->doc && !ev.doc) ||
	    (e->text && !ev.text) || (e->source && !ev.sactor) ||
	    (e->target && !ev.tactor))
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	if (ENT_GROW(t->evs, t->nevs, t->evcap) < 0)
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	ev.seq = (uint32_t)t->nevs;
	t->evs[t->nevs++] = ev;
	t->indexed = 0;
	if (t->latest == ENT_DATE_NONE || ev.date > t->latest)
		t->latest = ev.date;
	src->events++;
	return 1;
}

static const char *jstr(const ent_json_member *m, size_t n, const char *k,
                        int *bad)
{
	const ent_json_member *f = ent_json_get(m, n, k);
	if (!f || f->type == ENT_JSON_NULL)
		return NULL;
	if (f->type != ENT_JSON_STRING) {
		*bad = 1;
		return NULL;
	}
	return f->str;
}

int ent_ties_add_events_text(ent_ties *t, const char *name, const char *data,
                             size_t len)
{
	ent_lines it;
	const char *line;
	size_t ln;
	ent_arena ar;
	long n = 0;
	ent_tie_source *src = events_source(t, name);
	if (!src)
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	ent_arena_init(&ar, 4096);
	ent_lines_init(&it, data, len);
	while (ent_lines_next(&it, &line, &ln)) {
		ent_json_member *m;
		size_t cnt, i;
		ent_json_error jerr;
		ent_event_in e;
		const ent_json_member *f;
		const char *ds;
		int bad = 0, rc;
		for (i = 0; i < ln && (line[i] == ' ' || line[i] == '\t'); i++)
			;
		if (i == ln)
			continue;
		ent_arena_reset(&ar);
		rc = ent_json_parse_object(&m, &cnt, line, ln, &ar, &jerr);
		if (rc == ENT_ENOMEM) {
			ent_arena_destroy(&ar);
			return ent_err(t->ctx, rc, "out of memory");
		}
		if (rc < 0) {
			ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, it.lineno, -1,
			              "column %zu: %s; line skipped", jerr.offset + 1,
			              jerr.msg);
			src->skipped++;
			continue;
		}
		memset(&e, 0, sizeof e);
		e.sentence = -1;
		e.goldstein = NAN;
		e.id = jstr(m, cnt, "id", &bad);
		e.doc = jstr(m, cnt, "doc", &bad);
		e.source = jstr(m, cnt, "source", &bad);
		e.target = jstr(m, cnt, "target", &bad);
		e.source_country = jstr(m, cnt, "source_country", &bad);
		e.target_country = jstr(m, cnt, "target_country", &bad);
		e.code = jstr(m, cnt, "code", &bad);
		e.text = jstr(m, cnt, "text", &bad);
		ds = jstr(m, cnt, "date", &bad);
		if (bad) {
			ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, it.lineno, -1,
			              "a code or date field is not a string; line skipped");
			src->skipped++;
			continue;
		}
		if (!ds || ent_date_parse(&e.date, ds, strlen(ds)) < 0) {
			ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, it.lineno, -1,
			              "\"date\" must be a YYYY-MM-DD string; line skipped");
			src->skipped++;
			continue;
		}
		if (!e.code || !e.code[0]) {
			ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, it.lineno, -1,
			              "missing \"code\"; line skipped");
			src->skipped++;
			continue;
		}
		f = ent_json_get(m, cnt, "goldstein");
		if (f && f->type == ENT_JSON_NUMBER) {
			if (!isfinite(f->num) || f->num < -10 || f->num > 10) {
				ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, it.lineno, -1,
				              "\"goldstein\" %s is outside [-10, 10]; line "
				              "skipped", f->str);
				src->skipped++;
				continue;
			}
			e.goldstein = f->num;
		} else if (f && f->type != ENT_JSON_NULL) {
			ent_diag_emit(t->ctx, ENT_DIAG_ERROR, src->name, it.lineno, -1,
			              "\"goldstein\" must be a number or null; line skipped");
			src->skipped++;
			continue;
		}
		f = ent_json_get(m, cnt, "sentence");
		if (f && f->type == ENT_JSON_NUMBER)
			e.sentence = (long)f->num;
		f = ent_json_get(m, cnt, "negated");
		e.negated = f && f->type == ENT_JSON_TRUE;
		f = ent_json_get(m, cnt, "hypothetical");
		e.hypothetical = f && f->type == ENT_JSON_TRUE;
		rc = ent_ties_add_event(t, &e, src->name, it.lineno);
		if (rc < 0) {
			ent_arena_destroy(&ar);
			return rc;
		}
		n++;
	}
	ent_arena_destroy(&ar);
	src->lines += n;
	return (int)n;
}

int ent_ties_add_events_file(ent_ties *t, const char *path)
{
	char *data;
	size_t len;
	int rc = ent_read_file(&data, &len, t->ctx, path);
	if (rc < 0)
		return rc;
	rc = ent_ties_add_events_text(t, path, data, len);
	ent_free(data);
	return rc;
}

/* ------------------------------------------------------------------------
 * Index and values
 * ------------------------------------------------------------------------ */

static const ent_ties *sort_ctx;

static int cmp_line(const void *x, const void *y)
{
	const tie_line *a = &sort_ctx->lines[*(const uint32_t *)x];
	const tie_line *b = &sort_ctx->lines[*(const uint32_t *)y];
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_ev(const void *x, const void *y)
{
	const tie_event *a = &sort_ctx->evs[*(const uint32_t *)x];
	const tie_event *b = &sort_ctx->evs[*(const uint32_t *)y];
	int c;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	if ((c = strcmp(a->code, b->code)) != 0)
		return c;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sort lines and events by dyad and mark the first report of each event
 * cluster.  Not thread-safe (uses a static for qsort); called from the
 * loading thread. */
int ent_ties_index(ent_ties *t);
int ent_ties_index(ent_ties *t)
{
	size_t i;
	if (t->indexed)
		return 0;
	ent_free(t->line_order);
	ent_free(t->ev_order);
	t->line_order = ent_malloc((t->nlines + 1) * sizeof(uint32_t));
	t->ev_order = ent_malloc((t->nevs + 1) * sizeof(uint32_t));
	if (!t->line_order || !t->ev_order)
		return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
	for (i = 0; i < t->nlines; i++)
		t->line_order[i] = (uint32_t)i;
	for (i = 0; i < t->nevs; i++)
		t->ev_order[i] = (uint32_t)i;
	sort_ctx = t;
	qsort(t->line_order, t->nlines, sizeof(uint32_t), cmp_line);
	qsort(t->ev_order, t->nevs, sizeof(uint32_t), cmp_ev);
	sort_ctx = NULL;
	/* clusters: same dyad and code, within one day of the first report */
	{
		const tie_event *anchor = NULL;
		for (i = 0; i < t->nevs; i++) {
			tie_event *e = &t->evs[t->ev_order[i]];
			if (anchor && anchor->a == e->a && anchor->b == e->b &&
			    strcmp(anchor->code, e->code) == 0 &&
			    e->date - anchor->date <= 1) {
				e->counted = 0;
			} else {
				e->counted = 1;
				anchor = e;
			}
		}
	}
	t->indexed = 1;
	return 0;
}

/* Range [lo, hi) of entries of `order` whose dyad is (a, b). */
static void dyad_range(const ent_ties *t, int lines, uint32_t a, uint32_t b,
                       size_t *lo_out, size_t *hi_out)
{
	size_t n = lines ? t->nlines : t->nevs, lo = 0, hi = n;
	const uint32_t *ord = lines ? t->line_order : t->ev_order;
#define DYAD(i) (lines ? ((uint64_t)t->lines[ord[i]].a << 32 | t->lines[ord[i]].b) \
                       : ((uint64_t)t->evs[ord[i]].a << 32 | t->evs[ord[i]].b))
	uint64_t key = (uint64_t)a << 32 | b;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (DYAD(mid) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	*lo_out = lo;
	hi = lo;
	while (hi < n && DYAD(hi) == key)
		hi++;
	*hi_out = hi;
#undef DYAD
}

static int covers(const tie_line *l, ent_date d)
{
	return (l->from == ENT_DATE_NONE || d >= l->from) &&
	       (l->until == ENT_DATE_NONE || d < l->until);
}

static double clamp1(double x)
{
	return x < -1 ? -1 : x > 1 ? 1 : x;
}

/* The line (index) that sets the prior on d for one origin: the last one in
 * load order covering d, or -1. */
static long last_covering(const ent_ties *t, size_t lo, size_t hi, int origin,
                          ent_date d)
{
	long best = -1;
	size_t i;
	for (i = lo; i < hi; i++) {
		const tie_line *l = &t->lines[t->line_order[i]];
		if (l->origin == origin && covers(l, d))
			best = (long)t->line_order[i];
	}
	return best;
}

void ent_ties_value(const ent_ties *tc, size_t a, size_t b, ent_date d,
                    ent_tie_value *out)
{
	ent_ties *t = (ent_ties *)tc;
	uint32_t x = (uint32_t)(a < b ? a : b), y = (uint32_t)(a < b ? b : a);
	size_t lo, hi, i;
	long u;
	memset(out, 0, sizeof(*out));
	if (a == b || ent_ties_index(t) < 0)
		return;
	dyad_range(t, 1, x, y, &lo, &hi);
	u = last_covering(t, lo, hi, ENT_TIES_USER, d);
	if (u >= 0) {
		out->prior = t->lines[u].w;
		out->has_prior = 1;
	} else if (!t->opts.no_baseline) {
		long bl = last_covering(t, lo, hi, ENT_TIES_BASELINE, d);
		double p = bl >= 0 ? t->lines[bl].w : 0, treaty = 0;
		int any = bl >= 0;
		/* the strongest treaty in force: several treaties between the
		 * same pair do not add up */
		for (i = lo; i < hi; i++) {
			const tie_line *l = &t->lines[t->line_order[i]];
			if (l->origin == ENT_TIES_TREATY && covers(l, d)) {
				if (l->w > treaty)
					treaty = l->w;
				any = 1;
			}
		}
		out->prior = clamp1(p + treaty);
		out->has_prior = any;
	}
	dyad_range(t, 0, x, y, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const tie_event *e = &t->evs[t->ev_order[i]];
		if (!e->counted || e->date > d)
			continue;
		out->events_raw +=
			e->g * pow(0.5, (double)(d - e->date) / t->opts.half_life_days);
		out->has_events = 1;
	}
	if (out->has_events)
		out->events = tanh(out->events_raw / t->opts.event_scale);
	out->value = clamp1(out->prior + out->events);
}

/* Every dyad that has a line or an event, in order; cb per dyad. */
int ent_ties_each_dyad(ent_ties *t, void (*cb)(uint32_t a, uint32_t b,
                                               void *payload),
                       void *payload);
int ent_ties_each_dyad(ent_ties *t, void (*cb)(uint32_t a, uint32_t b,
                                               void *payload),
                       void *payload)
{
	size_t i = 0, j = 0;
	int rc;
	if ((rc = ent_ties_index(t)) < 0)
		return rc;
	while (i < t->nlines || j < t->nevs) {
		uint64_t kl = i < t->nlines
		                  ? ((uint64_t)t->lines[t->line_order[i]].a << 32 |
		                     t->lines[t->line_order[i]].b)
		                  : UINT64_MAX;
		uint64_t ke = j < t->nevs
		                  ? ((uint64_t)t->evs[t->ev_order[j]].a << 32 |
		                     t->evs[t->ev_order[j]].b)
		                  : UINT64_MAX;
		uint64_t k = kl < ke ? kl : ke;
		cb((uint32_t)(k >> 32), (uint32_t)k, payload);
		while (i < t->nlines &&
		       ((uint64_t)t->lines[t->line_order[i]].a << 32 |
		        t->lines[t->line_order[i]].b) == k)
			i++;
		while (j < t->nevs && ((uint64_t)t->evs[t->ev_order[j]].a << 32 |
		                       t->evs[t->ev_order[j]].b) == k)
			j++;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Explain
 * ------------------------------------------------------------------------ */

int ent_ties_explain(const ent_ties *tc, size_t a, size_t b, ent_date d,
                     ent_tie_item_cb cb, void *payload)
{
	ent_ties *t = (ent_ties *)tc;
	uint32_t x = (uint32_t)(a < b ? a : b), y = (uint32_t)(a < b ? b : a);
	size_t lo, hi, i;
	long user, base;
	int rc;
	if ((rc = ent_ties_index(t)) < 0)
		return rc;
	dyad_range(t, 1, x, y, &lo, &hi);
	user = last_covering(t, lo, hi, ENT_TIES_USER, d);
	base = last_covering(t, lo, hi, ENT_TIES_BASELINE, d);
	for (i = lo; i < hi; i++) {
		long k = (long)t->line_order[i];
		const tie_line *l = &t->lines[k];
		ent_tie_item it;
		memset(&it, 0, sizeof it);
		it.file = l->file;
		it.line = l->line;
		it.origin = l->origin;
		it.from = l->from;
		it.until = l->until;
		it.weight = l->w;
		it.note = l->note;
		it.source = l->source;
		it.date = ENT_DATE_NONE;
		it.goldstein = NAN;
		it.sentence = -1;
		if (!covers(l, d))
			it.why = "outside its period";
		else if (l->origin != ENT_TIES_USER && t->opts.no_baseline)
			it.why = "built-in ties left out (--no-baseline)";
		else if (l->origin == ENT_TIES_USER && k != user)
			it.why = "overridden by a later line";
		else if (l->origin != ENT_TIES_USER && user >= 0)
			it.why = "overridden by a tie file";
		else if (l->origin == ENT_TIES_BASELINE && k != base)
			it.why = "overridden by a later line";
		it.applies = it.why == NULL;
		it.contribution = it.applies ? l->w : 0;
		cb(&it, payload);
	}
	dyad_range(t, 0, x, y, &lo, &hi);
	{
		/* events by date */
		uint32_t *ord = ent_malloc((hi - lo + 1) * sizeof(uint32_t));
		size_t n = hi - lo, p, q;
		if (!ord)
			return ent_err(t->ctx, ENT_ENOMEM, "out of memory");
		for (p = 0; p < n; p++)
			ord[p] = t->ev_order[lo + p];
		for (p = 1; p < n; p++) /* insertion sort by (date, seq) */
			for (q = p; q > 0 && (t->evs[ord[q - 1]].date > t->evs[ord[q]].date ||
			                      (t->evs[ord[q - 1]].date == t->evs[ord[q]].date &&
			                       ord[q - 1] > ord[q]));
			     q--) {
				uint32_t tmp = ord[q];
				ord[q] = ord[q - 1];
				ord[q - 1] = tmp;
			}
		for (p = 0; p < n; p++) {
			const tie_event *e = &t->evs[ord[p]];
			ent_tie_item it;
			memset(&it, 0, sizeof it);
			it.is_event = 1;
			it.file = e->file;
			it.line = e->line;
			it.from = it.until = ENT_DATE_NONE;
			it.id = e->id;
			it.doc = e->doc;
			it.code = e->code;
			it.text = e->text;
			it.source_actor = e->sactor;
			it.target_actor = e->tactor;
			it.sentence = e->sentence;
			it.date = e->date;
			it.goldstein = e->g;
			if (e->date > d)
				it.why = "after the date";
			else if (!e->counted)
				it.why = "another report of an event already counted";
			it.applies = it.why == NULL;
			it.contribution =
				it.applies ? e->g * pow(0.5, (double)(d - e->date) /
				                                 t->opts.half_life_days)
				           : 0;
			cb(&it, payload);
		}
		ent_free(ord);
	}
	return 0;
}
