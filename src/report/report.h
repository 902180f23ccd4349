/*
 * report.h - machine-readable renderings of the analyses (JSON), shared by
 * the CLI and, later, the web server, so both answer in the same shapes.
 * The library never prints: these functions append to an ent_buf.
 */
#ifndef ENT_REPORT_H
#define ENT_REPORT_H

#include "entente.h"
#include "util/buf.h"

/* Which state codes a JSON output carries besides ISO alpha-3. */
typedef struct {
	int cow, gw, name;
} ent_codes;

/* "sources": [...] and "parameters": {...} for a tie set (no braces
 * around; starts with a comma-free key). */
void ent_report_sources(ent_buf *b, const ent_ties *t);

/* Append `"states": {...}` (with a leading comma) mapping every label in
 * labels[0..n) to its name, COW and G&W codes on date d, when codes asks
 * for any.  Labels that are not states are skipped. */
void ent_report_state_codes(ent_buf *b, const ent_ties *t, const char **labels,
                            size_t n, ent_date d, const ent_codes *codes);

/* A JSON date string, or null. */
void ent_report_date(ent_buf *b, ent_date d);

/* Event output formats (docs/cli.md, `entente code`). */
typedef enum {
	ENT_EVFMT_JSONL = 0, ENT_EVFMT_CSV, ENT_EVFMT_PETRARCH, ENT_EVFMT_PHOENIX,
	ENT_EVFMT_GDELT, ENT_EVFMT_BRIEF, ENT_EVFMT_PLOVER
} ent_evfmt;

/* "jsonl", "csv", "petrarch", "phoenix", "gdelt", "brief", "plover": 0 or ENT_EINVAL. */
int ent_report_evfmt_parse(ent_evfmt *out, const char *s);

/* The document an event comes from. */
typedef struct {
	const char *doc, *url, *source;
	const char *text;     /* the original input (spans index it), or NULL */
} ent_evdoc;

/* The CSV header row (nothing for the other formats). */
void ent_report_event_header(ent_buf *b, ent_evfmt f);

/* One event as one line.  `serial` is the GDELT GLOBALEVENTID; `issues`
 * the issue codes of the unit (or NULL). */
void ent_report_event(ent_buf *b, ent_evfmt f, const ent_evdoc *d,
                      const ent_event *e, unsigned long long serial,
                      const char *issues);

/* ------------------------------------------------------------------------
 * HTML (html.c)
 * ------------------------------------------------------------------------ */

/* n bytes of s, escaped for HTML text and attribute values (a NUL byte
 * becomes U+FFFD). */
void ent_report_html_escape(ent_buf *b, const char *s, size_t n);
void ent_report_html_cstr(ent_buf *b, const char *s); /* NULL: nothing */

/* The event's sentence from `text` (the document the event's byte spans
 * index), escaped, with <mark class="src">, "tgt" and "trg" around the
 * source actor, the target actor and the trigger (the trigger wins where
 * spans overlap).  Nothing when the spans do not fit the text. */
void ent_report_evidence_html(ent_buf *b, const char *text, size_t text_len,
                              const ent_event *e);

/* One month of a dyad: Goldstein sums of its cooperative (> 0) and
 * conflictual (< 0) events. */
typedef struct {
	char month[8];        /* "YYYY-MM" */
	double cooperation;   /* >= 0 */
	double conflict;      /* <= 0 */
} ent_report_month;

/* An inline SVG bar chart of months m[0..n): cooperation up in blue,
 * conflict down in red, each bar titled with its month and value. */
void ent_report_month_chart(ent_buf *b, const ent_report_month *m, size_t n,
                            const char *title);

/* ------------------------------------------------------------------------
 * Pictures (draw.c, Graphviz)
 * ------------------------------------------------------------------------ */

typedef struct {
	double x, y; /* points, y up (Graphviz's frame) */
} ent_point;

/* The fill colour of camp `camp` (a "#rrggbb" literal; grey for -1). */
const char *ent_report_camp_colour(int camp);

/* Lays the network out and, when `format` is "svg" or "png", appends the
 * picture to b.  `t` (names) and `B` (camps) may be NULL.  When `pos` is
 * not NULL it receives node v's position in pos[v] (caller's array of
 * ent_net_node_count entries).  format NULL: the layout only.  Same input,
 * same output.  Time: neato's stress majorisation, O(n^2) per iteration
 * plus all-pairs shortest paths, O(n m).  0, ENT_EINVAL (format),
 * ENT_EIO (Graphviz failed; its message on ctx) or ENT_ENOMEM. */
int ent_report_draw(ent_buf *b, ent_ctx *ctx, const char *format,
                    const ent_net *g, const ent_ties *t, const ent_blocs *B,
                    ent_point *pos);

/* The network as graphml, gexf, dot, json or csv (export.c); `bloc` (per
 * node camp) and `pos` (per node position, JSON only: "x", "y") may be
 * NULL. */
int ent_report_export(ent_buf *b, const char *format, const ent_net *g,
                      const ent_ties *t, const int *bloc, const ent_point *pos);

#endif
