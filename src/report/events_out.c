/*
 * events_out.c - event records in the formats users already have: our
 * JSONL (and the same fields as CSV), PETRARCH event lines, the 26 Phoenix
 * columns and the 61 GDELT 2.0 event-table columns (columns we do not have
 * are left empty).  Appends to an ent_buf; the caller writes it.
 */
#include "report/report.h"
#include "util/date.h"

#include <string.h>

static void put_long_or_null(ent_buf *b, long v)
{
	if (v < 0)
		ent_buf_put(b, "null", 4);
	else
		ent_buf_put_uint(b, (unsigned long long)v);
}

static void put_int(ent_buf *b, long long v)
{
	if (v < 0) {
		ent_buf_putc(b, '-');
		v = -v;
	}
	ent_buf_put_uint(b, (unsigned long long)v);
}

/* YYYYMMDD (or YYYY-MM-DD with dashes). */
static void put_date(ent_buf *b, ent_date d, int dashes)
{
	int y, m, dd, k = 0;
	char s[16];
	ent_date_to_ymd(d, &y, &m, &dd);
	if (y < 0 || y > 9999)
		y = 0;
	s[k++] = (char)('0' + y / 1000);
	s[k++] = (char)('0' + y / 100 % 10);
	s[k++] = (char)('0' + y / 10 % 10);
	s[k++] = (char)('0' + y % 10);
	if (dashes)
		s[k++] = '-';
	s[k++] = (char)('0' + m / 10);
	s[k++] = (char)('0' + m % 10);
	if (dashes)
		s[k++] = '-';
	s[k++] = (char)('0' + dd / 10);
	s[k++] = (char)('0' + dd % 10);
	ent_buf_put(b, s, (size_t)k);
}

/* A JSON string made of pieces: "doc:1:2" or "file:line" without a
 * temporary buffer (the pieces are escaped as they go). */
static void json_id(ent_buf *b, const char *doc, unsigned long long x,
                    const unsigned long long *y)
{
	ent_buf_json_cstr(b, doc);
	b->len--;   /* reopen the string */
	ent_buf_putc(b, ':');
	ent_buf_put_uint(b, x);
	if (y) {
		ent_buf_putc(b, ':');
		ent_buf_put_uint(b, *y);
	}
	ent_buf_putc(b, '"');
}

/* ,"key": then the value (keys are literals: no strlen) */
#define JKEY(b, key) ent_buf_put(b, ",\"" key "\":", sizeof(",\"" key "\":") - 1)
#define json_field(b, key, v)                                                \
	do {                                                                     \
		JKEY(b, key);                                                        \
		ent_buf_json_cstr(b, v);                                             \
	} while (0)
#define json_num(b, key, v)                                                  \
	do {                                                                     \
		JKEY(b, key);                                                        \
		put_long_or_null(b, v);                                              \
	} while (0)

static void event_id(ent_buf *b, const char *doc, const ent_event *e)
{
	ent_buf_puts(b, doc);
	ent_buf_putc(b, ':');
	ent_buf_put_uint(b, e->sentence);
	ent_buf_putc(b, ':');
	ent_buf_put_uint(b, e->k);
}

static void jsonl(ent_buf *b, const ent_evdoc *d, const ent_event *e)
{
	unsigned long long k = e->k;
	if (ent_buf_grow(b, 1024) < 0)   /* one check, then the fast paths */
		return;
	ent_buf_put(b, "{\"id\":", 6);
	json_id(b, d->doc, e->sentence, &k);
	json_field(b, "doc", d->doc);
	json_num(b, "sentence", (long)e->sentence);
	json_num(b, "sentence_start", (long)e->sentence_start);
	json_num(b, "sentence_end", (long)e->sentence_end);
	json_num(b, "source_start", e->source_start);
	json_num(b, "source_end", e->source_end);
	json_num(b, "target_start", e->target_start);
	json_num(b, "target_end", e->target_end);
	json_num(b, "trigger_start", e->trigger_start);
	json_num(b, "trigger_end", e->trigger_end);
	ent_buf_put(b, ",\"date\":\"", 9);
	put_date(b, e->date, 1);
	ent_buf_putc(b, '"');
	json_field(b, "source", e->source);
	json_field(b, "target", e->target);
	json_field(b, "source_text", e->source_text);
	json_field(b, "target_text", e->target_text);
	json_field(b, "source_country", e->source_country);
	json_field(b, "target_country", e->target_country);
	json_field(b, "code", e->code);
	json_field(b, "root", e->root);
	ent_buf_put(b, ",\"quad\":", 8);
	if (e->quad)
		put_int(b, e->quad);
	else
		ent_buf_put(b, "null", 4);
	ent_buf_put(b, ",\"goldstein\":", 13);
	if (e->has_goldstein)
		ent_buf_json_num(b, e->goldstein);
	else
		ent_buf_put(b, "null", 4);
	json_field(b, "plover", e->plover);
	json_field(b, "plover_mode", e->plover_mode);
	ent_buf_puts(b, e->negated ? ",\"negated\":true" : ",\"negated\":false");
	ent_buf_puts(b, e->hypothetical ? ",\"hypothetical\":true"
	                                : ",\"hypothetical\":false");
	json_field(b, "signal", e->signal);
	json_field(b, "deal", e->deal);
	json_field(b, "deal_status", e->deal_status);
	json_field(b, "gives", e->gives);
	ent_buf_put(b, ",\"pattern\":", 11);
	if (e->pattern_file)
		json_id(b, e->pattern_file, (unsigned long long)e->pattern_line, NULL);
	else
		ent_buf_put(b, "null", 4);
	if (e->explain)
		json_field(b, "explain", e->explain);
	ent_buf_put(b, "}\n", 2);
}

static const char *const csv_cols =
	"id,doc,sentence,sentence_start,sentence_end,source_start,source_end,"
	"target_start,target_end,trigger_start,trigger_end,date,source,target,"
	"source_text,target_text,source_country,target_country,code,root,quad,"
	"goldstein,plover,plover_mode,negated,hypothetical,signal,deal,"
	"deal_status,gives,pattern\n";

static void csv_str(ent_buf *b, const char *s, int last)
{
	if (s)
		ent_buf_sv_field(b, s, strlen(s), ',');
	ent_buf_putc(b, last ? '\n' : ',');
}

static void csv_num(ent_buf *b, long v)
{
	if (v >= 0)
		ent_buf_put_uint(b, (unsigned long long)v);
	ent_buf_putc(b, ',');
}

static void csv(ent_buf *b, const ent_evdoc *d, const ent_event *e)
{
	ent_buf t = ENT_BUF_INIT;
	event_id(&t, d->doc, e);
	csv_str(b, ent_buf_cstr(&t), 0);
	csv_str(b, d->doc, 0);
	csv_num(b, (long)e->sentence);
	csv_num(b, (long)e->sentence_start);
	csv_num(b, (long)e->sentence_end);
	csv_num(b, e->source_start);
	csv_num(b, e->source_end);
	csv_num(b, e->target_start);
	csv_num(b, e->target_end);
	csv_num(b, e->trigger_start);
	csv_num(b, e->trigger_end);
	put_date(b, e->date, 1);
	ent_buf_putc(b, ',');
	csv_str(b, e->source, 0);
	csv_str(b, e->target, 0);
	csv_str(b, e->source_text, 0);
	csv_str(b, e->target_text, 0);
	csv_str(b, e->source_country, 0);
	csv_str(b, e->target_country, 0);
	csv_str(b, e->code, 0);
	csv_str(b, e->root, 0);
	if (e->quad)
		put_int(b, e->quad);
	ent_buf_putc(b, ',');
	if (e->has_goldstein) {
		ent_buf_clear(&t);
		ent_buf_json_num(&t, e->goldstein);
		ent_buf_puts(b, ent_buf_cstr(&t));
	}
	ent_buf_putc(b, ',');
	csv_str(b, e->plover, 0);
	csv_str(b, e->plover_mode, 0);
	ent_buf_puts(b, e->negated ? "true," : "false,");
	ent_buf_puts(b, e->hypothetical ? "true," : "false,");
	csv_str(b, e->signal, 0);
	csv_str(b, e->deal, 0);
	csv_str(b, e->deal_status, 0);
	csv_str(b, e->gives, 0);
	if (e->pattern_file) {
		ent_buf_clear(&t);
		ent_buf_puts(&t, e->pattern_file);
		ent_buf_putc(&t, ':');
		ent_buf_put_uint(&t, (unsigned long long)e->pattern_line);
		csv_str(b, ent_buf_cstr(&t), 1);
	} else
		ent_buf_putc(b, '\n');
	ent_buf_free(&t);
}

static void tsv(ent_buf *b, const char *s)
{
	if (s)
		ent_buf_sv_field(b, s, strlen(s), '\t');
}

/* A code cut into its 3-letter root, agent (next 3) and the rest. */
static void code_parts(ent_buf *b, const char *code)
{
	size_t n = code ? strlen(code) : 0;
	ent_buf_put(b, code, n < 3 ? n : 3);
	ent_buf_putc(b, '\t');
	if (n > 3)
		ent_buf_put(b, code + 3, n < 6 ? n - 3 : 3);
	ent_buf_putc(b, '\t');
	if (n > 6)
		ent_buf_put(b, code + 6, n - 6);
}

static void petrarch(ent_buf *b, const ent_evdoc *d, const ent_event *e,
                     const char *issues)
{
	put_date(b, e->date, 0);
	ent_buf_putc(b, '\t');
	tsv(b, e->source);
	ent_buf_putc(b, '\t');
	tsv(b, e->target);
	ent_buf_putc(b, '\t');
	tsv(b, e->code);
	ent_buf_putc(b, '\t');
	tsv(b, issues);
	ent_buf_putc(b, '\t');
	tsv(b, d->doc);
	ent_buf_putc(b, '-');
	ent_buf_put_uint(b, e->sentence);
	ent_buf_putc(b, '\t');
	tsv(b, d->url);
	ent_buf_putc(b, '\t');
	tsv(b, d->source);
	ent_buf_putc(b, '\n');
}

static void phoenix(ent_buf *b, const ent_evdoc *d, const ent_event *e,
                    const char *issues)
{
	int y, m, dd;
	ent_date_to_ymd(e->date, &y, &m, &dd);
	event_id(b, d->doc, e);
	ent_buf_putc(b, '\t');
	put_date(b, e->date, 0);
	ent_buf_putc(b, '\t');
	put_int(b, y);
	ent_buf_putc(b, '\t');
	put_int(b, m);
	ent_buf_putc(b, '\t');
	put_int(b, dd);
	ent_buf_putc(b, '\t');
	tsv(b, e->source);
	ent_buf_putc(b, '\t');
	code_parts(b, e->source);
	ent_buf_putc(b, '\t');
	tsv(b, e->target);
	ent_buf_putc(b, '\t');
	code_parts(b, e->target);
	ent_buf_putc(b, '\t');
	tsv(b, e->code);
	ent_buf_putc(b, '\t');
	tsv(b, e->root);
	ent_buf_putc(b, '\t');
	if (e->quad)
		put_int(b, e->quad);
	ent_buf_putc(b, '\t');
	if (e->has_goldstein)
		ent_buf_json_num(b, e->goldstein);
	ent_buf_putc(b, '\t');
	tsv(b, issues);
	/* lat, lon, place, state, country: not geolocated here */
	ent_buf_put(b, "\t\t\t\t\t", 5);
	ent_buf_putc(b, '\t');
	tsv(b, d->doc);
	ent_buf_putc(b, '\t');
	tsv(b, d->url);
	ent_buf_putc(b, '\t');
	tsv(b, d->source);
	ent_buf_putc(b, '\n');
}

static void gdelt_actor(ent_buf *b, const char *code, const char *text,
                        const char *country)
{
	size_t n = code ? strlen(code) : 0, i;
	tsv(b, code);
	ent_buf_putc(b, '\t');
	tsv(b, text);
	ent_buf_putc(b, '\t');
	tsv(b, country);
	ent_buf_putc(b, '\t');
	/* known group, ethnic, religion 1 and 2: not coded */
	ent_buf_put(b, "\t\t\t\t", 4);
	/* type codes: the 3-letter role blocks after the root */
	for (i = 0; i < 3; i++) {
		size_t off = 3 + 3 * i;
		if (off + 3 <= n)
			ent_buf_put(b, code + off, 3);
		ent_buf_putc(b, '\t');
	}
}

static void gdelt(ent_buf *b, const ent_evdoc *d, const ent_event *e,
                  unsigned long long serial)
{
	int y, m, dd, i;
	char frac[16];
	ent_date jan1;
	ent_date_to_ymd(e->date, &y, &m, &dd);
	jan1 = ent_date_from_ymd(y, 1, 1);
	ent_buf_put_uint(b, serial);
	ent_buf_putc(b, '\t');
	put_date(b, e->date, 0);
	ent_buf_putc(b, '\t');
	put_int(b, (long long)y * 100 + m);
	ent_buf_putc(b, '\t');
	put_int(b, y);
	ent_buf_putc(b, '\t');
	snprintf(frac, sizeof frac, "%.4f", y + (double)(e->date - jan1) / 365.0);
	ent_buf_puts(b, frac);
	ent_buf_putc(b, '\t');
	gdelt_actor(b, e->source, e->source_text, e->source_country);
	gdelt_actor(b, e->target, e->target_text, e->target_country);
	ent_buf_puts(b, e->sentence == 0 ? "1\t" : "0\t");
	tsv(b, e->code);
	ent_buf_putc(b, '\t');
	ent_buf_put(b, e->code, strlen(e->code) < 3 ? strlen(e->code) : 3);
	ent_buf_putc(b, '\t');
	tsv(b, e->root);
	ent_buf_putc(b, '\t');
	if (e->quad)
		put_int(b, e->quad);
	ent_buf_putc(b, '\t');
	if (e->has_goldstein)
		ent_buf_json_num(b, e->goldstein);
	ent_buf_putc(b, '\t');
	/* mentions, sources, articles: this record; tone: not measured */
	ent_buf_put(b, "1\t1\t1\t\t", 7);
	/* three geography blocks of 8 columns: not geolocated here */
	for (i = 0; i < 24; i++)
		ent_buf_putc(b, '\t');
	put_date(b, e->date, 0);
	ent_buf_putc(b, '\t');
	tsv(b, d->url);
	ent_buf_putc(b, '\n');
}

/* brief: "SOURCE TARGET CODE DATE [negated] [hypothetical]", one line,
 * for reading and for case files. */
static void brief(ent_buf *b, const ent_event *e)
{
	ent_buf_puts(b, e->source ? e->source : "-");
	ent_buf_putc(b, ' ');
	ent_buf_puts(b, e->target ? e->target : "-");
	ent_buf_putc(b, ' ');
	ent_buf_puts(b, e->code);
	ent_buf_putc(b, ' ');
	put_date(b, e->date, 1);
	if (e->negated)
		ent_buf_puts(b, " negated");
	if (e->hypothetical)
		ent_buf_puts(b, " hypothetical");
	ent_buf_putc(b, '\n');
	if (e->explain) {
		const char *p = e->explain, *nl;
		for (; *p; p = nl ? nl + 1 : p + strlen(p)) {
			nl = strchr(p, '\n');
			ent_buf_puts(b, "    ");
			ent_buf_put(b, p, nl ? (size_t)(nl - p) : strlen(p));
			ent_buf_putc(b, '\n');
			if (!nl)
				break;
		}
	}
}

/* plover: a POLECAT-style record for each event whose CAMEO code has a
 * PLOVER event type (PLOVER drops statements and a few others): event
 * type, mode and context from our CAMEO table (data/cameo.tsv). */
static void plover(ent_buf *b, const ent_evdoc *d, const ent_event *e)
{
	const ent_cameo *cm = ent_cameo_find(e->code);
	unsigned long long k = e->k;
	if (!cm || !cm->plover)
		return;
	ent_buf_puts(b, "{\"id\":");
	json_id(b, d->doc, e->sentence, &k);
	json_field(b, "story_id", d->doc);
	ent_buf_puts(b, ",\"date\":\"");
	put_date(b, e->date, 1);
	ent_buf_putc(b, '"');
	json_field(b, "event_type", cm->plover);
	json_field(b, "event_mode", cm->plover_mode);
	json_field(b, "event_context", cm->plover_context);
	json_field(b, "actor", e->source);
	json_field(b, "actor_country", e->source_country);
	json_field(b, "actor_text", e->source_text);
	json_field(b, "recipient", e->target);
	json_field(b, "recipient_country", e->target_country);
	json_field(b, "recipient_text", e->target_text);
	json_field(b, "cameo", e->code);
	ent_buf_puts(b, e->negated ? ",\"negated\":true" : ",\"negated\":false");
	ent_buf_puts(b, e->hypothetical ? ",\"hypothetical\":true"
	                                : ",\"hypothetical\":false");
	if (d->text && e->sentence_end > e->sentence_start) {
		ent_buf_puts(b, ",\"text\":");
		ent_buf_json_str(b, d->text + e->sentence_start,
		                 e->sentence_end - e->sentence_start);
	} else
		ent_buf_puts(b, ",\"text\":null");
	ent_buf_puts(b, "}\n");
}

void ent_report_event_header(ent_buf *b, ent_evfmt f)
{
	if (f == ENT_EVFMT_CSV)
		ent_buf_puts(b, csv_cols);
}

void ent_report_event(ent_buf *b, ent_evfmt f, const ent_evdoc *d,
                      const ent_event *e, unsigned long long serial,
                      const char *issues)
{
	switch (f) {
	case ENT_EVFMT_CSV:
		csv(b, d, e);
		break;
	case ENT_EVFMT_PETRARCH:
		petrarch(b, d, e, issues);
		break;
	case ENT_EVFMT_PHOENIX:
		phoenix(b, d, e, issues);
		break;
	case ENT_EVFMT_GDELT:
		gdelt(b, d, e, serial);
		break;
	case ENT_EVFMT_BRIEF:
		brief(b, e);
		break;
	case ENT_EVFMT_PLOVER:
		plover(b, d, e);
		break;
	default:
		jsonl(b, d, e);
	}
}

int ent_report_evfmt_parse(ent_evfmt *out, const char *s)
{
	static const char *const names[] = {"jsonl", "csv", "petrarch", "phoenix",
	                                    "gdelt", "brief", "plover", NULL};
	int i;
	for (i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (ent_evfmt)i;
			return 0;
		}
	return ENT_EINVAL;
}
