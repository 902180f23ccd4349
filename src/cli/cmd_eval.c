/*
 * cmd_eval.c - `entente eval GOLD...`: the accuracy harness.  Codes every
 * sentence of a gold file with the whole pipeline (text stage, actors,
 * events; the same dictionaries and options as `entente code`) and scores
 * the asserted events against the gold ones at three levels: state dyad +
 * root code, state dyad + full code, full actor codes + full code.
 *
 * Gold file (tests/eval/README.md): one sentence a line,
 *   id <TAB> date <TAB> text <TAB> gold
 * gold = "SRC>TGT:CODE|CODE;..." (actor codes; alternatives with '|'), or
 * "-" for no asserted event; '#' lines are comments.
 *
 * Lines whose ids share a prefix before their last '.' and a date
 * ("H001.1", "H001.2") are one document, coded together so references
 * across sentences resolve.
 *
 * Scoring rules (fixed; docs/accuracy.md): only dyads between states are
 * scored - a side is the actor's ISO country (the first three letters of
 * the code when they are a state and the roles after them are state
 * institutions: GOV, MIL, LEG, JUD, COP, SPY), and events with another
 * kind of side (IGOs, rebels, parties, media, business) are set aside on
 * both sides; events flagged negated or
 * hypothetical are not assertions; root 04 is undirected (its two sides
 * are sorted); within a sentence identical (dyad, code) pairs count once;
 * a gold event with alternatives is matched by any one of them.  Matching
 * is one to one, gold events in order, each taking the first unused
 * system event that matches.
 */
#include "cli/dictcli.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/linereader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ent_cli_option options[] = {
	{"format", 'f', "FORMAT", "output: text (default) or json", "text|json", 0},
	ENT_CLI_CODER_OPTIONS,
	{"worst", 0, "N", "show the N sentences with the most errors (default 15)",
	 NULL, 0},
	ENT_CLI_HELP_OPTION,
	{NULL, 0, NULL, NULL, NULL, 0}
};

enum { LEVELS = 3, MAXALT = 4, MAXEV = 64 };

typedef struct {
	char src[24], tgt[24];          /* actor codes */
	char ssrc[24], stgt[24];        /* state-level sides */
	char code[MAXALT][8];
	int ncode;
	int used;
} sev;

typedef struct {
	long tp[LEVELS], fp[LEVELS], fn[LEVELS];
	long confusion[22][22];         /* gold root x system root; 0 = none */
	long sentences, gold_events, sys_events, flagged, bad_lines, nonstate;
	/* the sentences with most errors (level 2) */
	struct worst {
		int errors;
		char *line;
	} *worst;
	size_t nworst, maxworst;
} score;

static const char *const level_names[LEVELS] = {
	"state dyad + root code", "state dyad + full code",
	"full actor codes + full code"};

static int root_of(const char *code)
{
	if (code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9')
		return 0;
	return (code[0] - '0') * 10 + (code[1] - '0');
}

/* The state-level side of an actor code: its country when the actor is
 * the state or one of its institutions, else the whole code. */
static void state_side(const ent_states *st, const char *code,
                       const char *country, char *out, size_t cap)
{
	char k[4];
	int i;
	if (!ent_actor_is_state(code)) {
		snprintf(out, cap, "%s", code);
		return;
	}
	if (country && *country) {
		snprintf(out, cap, "%s", country);
		return;
	}
	if (strlen(code) >= 3) {
		memcpy(k, code, 3);
		k[3] = '\0';
		i = ent_states_lookup(st, k);
		if (i >= 0 && strcmp(ent_states_iso3(st, (size_t)i), k) == 0) {
			snprintf(out, cap, "%s", k);
			return;
		}
	}
	snprintf(out, cap, "%s", code);
}

/* Root 04 is undirected: sort its sides. */
static void undirect(sev *e)
{
	char t[24];
	if (root_of(e->code[0]) != 4)
		return;
	if (strcmp(e->ssrc, e->stgt) > 0) {
		memcpy(t, e->ssrc, sizeof t);
		memcpy(e->ssrc, e->stgt, sizeof t);
		memcpy(e->stgt, t, sizeof t);
	}
	if (strcmp(e->src, e->tgt) > 0) {
		memcpy(t, e->src, sizeof t);
		memcpy(e->src, e->tgt, sizeof t);
		memcpy(e->tgt, t, sizeof t);
	}
}

/* Parse "SRC>TGT:CODE|CODE;..." into ev[]; the count, or -1 with *why. */
static int parse_gold(const ent_states *st, const char *g, sev *ev, int max,
                      const char **why)
{
	int n = 0;
	const char *p = g;
	while (*p == ' ')
		p++;
	if (strcmp(p, "-") == 0 || *p == '\0')
		return 0;
	while (*p) {
		const char *end = strchr(p, ';'), *gt, *colon, *q;
		size_t len;
		sev *e;
		if (!end)
			end = p + strlen(p);
		len = (size_t)(end - p);
		gt = memchr(p, '>', len);
		colon = memchr(p, ':', len);
		if (!gt || !colon || colon < gt || gt == p || colon == gt + 1 ||
		    colon + 1 == end) {
			*why = "a gold event is SRC>TGT:CODE";
			return -1;
		}
		if (n == max) {
			*why = "too many gold events";
			return -1;
		}
		e = &ev[n];
		memset(e, 0, sizeof *e);
		if ((size_t)(gt - p) >= sizeof e->src || (size_t)(colon - gt - 1) >= sizeof e->tgt) {
			*why = "actor code too long";
			return -1;
		}
		memcpy(e->src, p, (size_t)(gt - p));
		memcpy(e->tgt, gt + 1, (size_t)(colon - gt - 1));
		for (q = colon + 1; q < end;) {
			const char *bar = memchr(q, '|', (size_t)(end - q));
			size_t cl = (size_t)((bar ? bar : end) - q);
			if (cl == 0 || cl >= sizeof e->code[0] || e->ncode == MAXALT) {
				*why = "bad event code";
				return -1;
			}
			memcpy(e->code[e->ncode], q, cl);
			e->code[e->ncode][cl] = '\0';
			if (!root_of(e->code[e->ncode])) {
				*why = "an event code starts with its two-digit CAMEO root";
				return -1;
			}
			e->ncode++;
			q = bar ? bar + 1 : end;
		}
		state_side(st, e->src, NULL, e->ssrc, sizeof e->ssrc);
		state_side(st, e->tgt, NULL, e->stgt, sizeof e->stgt);
		undirect(e);
		n++;
		p = *end ? end + 1 : end;
	}
	return n;
}

static int match(const sev *g, const sev *s, int level)
{
	int k;
	if (level < 2 ? (strcmp(g->ssrc, s->ssrc) || strcmp(g->stgt, s->stgt))
	              : (strcmp(g->src, s->src) || strcmp(g->tgt, s->tgt)))
		return 0;
	for (k = 0; k < g->ncode; k++) {
		if (level == 0 ? root_of(g->code[k]) == root_of(s->code[0])
		               : strcmp(g->code[k], s->code[0]) == 0)
			return 1;
	}
	return 0;
}

/* Drop duplicates (same sides and code) at a level. */
static int dedupe(sev *ev, int n, int level)
{
	int i, j, k = 0;
	for (i = 0; i < n; i++) {
		int dup = 0;
		for (j = 0; j < k && !dup; j++)
			dup = match(&ev[j], &ev[i], level) && match(&ev[i], &ev[j], level);
		if (!dup)
			ev[k++] = ev[i];
	}
	return k;
}

static void put_events(ent_buf *b, const sev *ev, int n)
{
	int i, k;
	if (n == 0)
		ent_buf_putc(b, '-');
	for (i = 0; i < n; i++) {
		ent_buf_printf(b, "%s%s>%s:", i ? ";" : "", ev[i].src, ev[i].tgt);
		for (k = 0; k < ev[i].ncode; k++)
			ent_buf_printf(b, "%s%s", k ? "|" : "", ev[i].code[k]);
	}
}

static void keep_worst(score *sc, int errors, const char *id, const char *text,
                       const sev *g, int ng, const sev *s, int ns)
{
	ent_buf b = ENT_BUF_INIT;
	size_t i, slot = sc->nworst;
	if (!errors || !sc->maxworst)
		return;
	if (sc->nworst == sc->maxworst) {
		slot = 0;
		for (i = 1; i < sc->nworst; i++)
			if (sc->worst[i].errors < sc->worst[slot].errors)
				slot = i;
		if (sc->worst[slot].errors >= errors)
			return;
		ent_free(sc->worst[slot].line);
	} else
		sc->nworst++;
	ent_buf_printf(&b, "%s: %s\n      gold: ", id, text);
	put_events(&b, g, ng);
	ent_buf_puts(&b, "\n      got:  ");
	put_events(&b, s, ns);
	sc->worst[slot].errors = errors;
	sc->worst[slot].line = ent_buf_detach(&b, NULL);
}

/* Score one sentence's gold and system events at every level. */
static void score_sentence(score *sc, sev *g, int ng, sev *s, int ns,
                           const char *id, const char *text)
{
	int level, i, j, errors2 = 0;
	for (level = 0; level < LEVELS; level++) {
		sev gg[MAXEV], ss[MAXEV];
		int ngg, nss, tp = 0;
		memcpy(gg, g, (size_t)ng * sizeof *g);
		memcpy(ss, s, (size_t)ns * sizeof *s);
		ngg = dedupe(gg, ng, level);
		nss = dedupe(ss, ns, level);
		for (i = 0; i < ngg; i++)
			for (j = 0; j < nss; j++)
				if (!ss[j].used && match(&gg[i], &ss[j], level)) {
					ss[j].used = 1;
					gg[i].used = 1;
					tp++;
					break;
				}
		sc->tp[level] += tp;
		sc->fp[level] += nss - tp;
		sc->fn[level] += ngg - tp;
		if (level == 1)
			errors2 = (nss - tp) + (ngg - tp);
		if (level == 0) {
			/* confusion by root: gold root vs the system root of the same
			 * state dyad (0: none) */
			for (i = 0; i < ngg; i++) {
				int gr = root_of(gg[i].code[0]), sr = 0;
				for (j = 0; j < nss; j++)
					if (!strcmp(gg[i].ssrc, ss[j].ssrc) &&
					    !strcmp(gg[i].stgt, ss[j].stgt)) {
						sr = root_of(ss[j].code[0]);
						if (gg[i].used && match(&gg[i], &ss[j], 0))
							break;
					}
				sc->confusion[gr][sr]++;
			}
			for (j = 0; j < nss; j++) {
				int hit = 0;
				for (i = 0; i < ngg && !hit; i++)
					hit = !strcmp(gg[i].ssrc, ss[j].ssrc) &&
					      !strcmp(gg[i].stgt, ss[j].stgt);
				if (!hit)
					sc->confusion[0][root_of(ss[j].code[0])]++;
			}
		}
	}
	keep_worst(sc, errors2, id, text, g, ng, s, ns);
}

static double ratio(long a, long b)
{
	return b ? (double)a / (double)b : 0.0;
}

static void figures(const score *sc, int level, double *p, double *r, double *f)
{
	*p = ratio(sc->tp[level], sc->tp[level] + sc->fp[level]);
	*r = ratio(sc->tp[level], sc->tp[level] + sc->fn[level]);
	*f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void report_text(ent_cli *cli, const score *sc, const char *name)
{
	int level, g, s;
	size_t i;
	fprintf(cli->out, "%s: %ld sentences, %ld gold events, %ld system events "
	        "asserted between states (not scored: %ld flagged negated or "
	        "hypothetical, %ld with a side that is not a state)\n",
	        name, sc->sentences, sc->gold_events, sc->sys_events, sc->flagged,
	        sc->nonstate);
	fprintf(cli->out, "  %-30s %9s %9s %9s %6s %6s %6s\n", "level", "precision",
	        "recall", "F1", "tp", "fp", "fn");
	for (level = 0; level < LEVELS; level++) {
		double p, r, f;
		figures(sc, level, &p, &r, &f);
		fprintf(cli->out, "  %-30s %9.3f %9.3f %9.3f %6ld %6ld %6ld\n",
		        level_names[level], p, r, f, sc->tp[level], sc->fp[level],
		        sc->fn[level]);
	}
	fprintf(cli->out, "  confusion by root (rows gold, columns system on the "
	        "same state dyad; '-' none):\n       ");
	for (s = 0; s <= 20; s++)
		fprintf(cli->out, "%4s", s ? (char[4]){(char)('0' + s / 10), (char)('0' + s % 10), 0, 0} : "-");
	fprintf(cli->out, "\n");
	for (g = 0; g <= 20; g++) {
		long row = 0;
		for (s = 0; s <= 20; s++)
			row += sc->confusion[g][s];
		if (!row)
			continue;
		fprintf(cli->out, "    %2s ", g ? (char[4]){(char)('0' + g / 10), (char)('0' + g % 10), 0, 0} : "-");
		for (s = 0; s <= 20; s++) {
			if (sc->confusion[g][s])
				fprintf(cli->out, "%4ld", sc->confusion[g][s]);
			else
				fprintf(cli->out, "%4s", ".");
		}
		fprintf(cli->out, "\n");
	}
	if (sc->nworst)
		fprintf(cli->out, "  the sentences with most errors (state dyad + full "
		        "code):\n");
	for (i = 0; i < sc->nworst; i++)
		fprintf(cli->out, "    %s\n", sc->worst[i].line);
}

static void report_json(ent_buf *b, const score *sc, const char *name)
{
	int level, g, s;
	size_t i;
	ent_buf_puts(b, "{\"gold\":");
	ent_buf_json_cstr(b, name);
	ent_buf_printf(b, ",\"sentences\":%ld,\"gold_events\":%ld,\"system_events\":%ld,"
	               "\"flagged\":%ld,\"nonstate\":%ld,\"levels\":[", sc->sentences,
	               sc->gold_events, sc->sys_events, sc->flagged, sc->nonstate);
	for (level = 0; level < LEVELS; level++) {
		double p, r, f;
		figures(sc, level, &p, &r, &f);
		ent_buf_printf(b, "%s{\"level\":", level ? "," : "");
		ent_buf_json_cstr(b, level_names[level]);
		ent_buf_printf(b, ",\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
		               "\"tp\":%ld,\"fp\":%ld,\"fn\":%ld}", p, r, f, sc->tp[level],
		               sc->fp[level], sc->fn[level]);
	}
	ent_buf_puts(b, "],\"confusion\":{");
	for (g = 0, i = 0; g <= 20; g++)
		for (s = 0; s <= 20; s++)
			if (sc->confusion[g][s]) {
				ent_buf_printf(b, "%s\"%s>%s\":%ld", i++ ? "," : "",
				               g ? (char[4]){(char)('0' + g / 10), (char)('0' + g % 10), 0, 0} : "-",
				               s ? (char[4]){(char)('0' + s / 10), (char)('0' + s % 10), 0, 0} : "-",
				               sc->confusion[g][s]);
			}
	ent_buf_puts(b, "},\"worst\":[");
	for (i = 0; i < sc->nworst; i++) {
		if (i)
			ent_buf_putc(b, ',');
		ent_buf_json_cstr(b, sc->worst[i].line);
	}
	ent_buf_puts(b, "]}\n");
}

/* Split a line into 4 tab-separated fields (in place). */
static int fields(char *line, char **f)
{
	int n = 0;
	char *p = line;
	f[n++] = p;
	while ((p = strchr(p, '\t')) != NULL && n < 4) {
		*p++ = '\0';
		f[n++] = p;
	}
	return n;
}

/* One gold line. */
typedef struct {
	char *buf;              /* the line (fields point into it) */
	char *id, *text;
	ent_date date;
	sev gold[MAXEV];
	int ngold;
	sev sys[MAXEV];
	int nsys;
	size_t start, end;      /* its bytes in the document text */
} gline;

/* A gold-file document: its id is the line id up to its last '.'
 * ("H001.3" is sentence 3 of document H001); lines of one document are
 * consecutive and share a date. */
static int same_doc(const gline *a, const gline *b)
{
	const char *da = strrchr(a->id, '.'), *db = strrchr(b->id, '.');
	size_t la, lb;
	if (!da || !db || a->date != b->date)
		return 0;
	la = (size_t)(da - a->id);
	lb = (size_t)(db - b->id);
	return la == lb && memcmp(a->id, b->id, la) == 0;
}

/* Is an actor side a state (the scored dyads are between states)? */
static int state_sided(const ent_states *st, const char *side)
{
	int i = strlen(side) == 3 ? ent_states_lookup(st, side) : -1;
	return i >= 0 && strcmp(ent_states_iso3(st, (size_t)i), side) == 0;
}

/* Code the document made of lines[0..n) (joined by blank lines, so each
 * line is its own paragraph) and give each line its asserted events
 * between states. */
static int code_doc(ent_cli *cli, ent_coder *c, const ent_states *st,
                    gline *lines, size_t n, score *sc)
{
	ent_buf text = ENT_BUF_INIT;
	ent_article art;
	ent_doc *doc = NULL;
	size_t i, k;
	int rc = 0;
	for (i = 0; i < n; i++) {
		if (i)
			ent_buf_puts(&text, "\n\n");
		lines[i].start = text.len;
		ent_buf_puts(&text, lines[i].text);
		lines[i].end = text.len;
		lines[i].nsys = 0;
	}
	if (text.oom) {
		ent_buf_free(&text);
		return ENT_ENOMEM;
	}
	memset(&art, 0, sizeof art);
	art.id = lines[0].id;
	art.date = lines[0].date;
	art.text = ent_buf_cstr(&text);
	art.text_len = text.len;
	if (ent_doc_new(&doc, cli->ctx, &art, NULL, 0) < 0 ||
	    ent_coder_run(c, doc, art.date) < 0) {
		rc = ENT_ENOMEM;
		goto out;
	}
	for (k = 0; k < ent_coder_count(c); k++) {
		const ent_event *e = ent_coder_get(c, k);
		gline *g = NULL;
		sev *x;
		for (i = 0; i < n && !g; i++)
			if (e->sentence_start >= lines[i].start && e->sentence_start < lines[i].end + 2)
				g = &lines[i];
		if (!g)
			continue;
		if (e->negated || e->hypothetical) {
			sc->flagged++;
			continue;
		}
		if (g->nsys == MAXEV)
			continue;
		x = &g->sys[g->nsys];
		memset(x, 0, sizeof *x);
		snprintf(x->src, sizeof x->src, "%s", e->source);
		snprintf(x->tgt, sizeof x->tgt, "%s", e->target);
		snprintf(x->code[0], sizeof x->code[0], "%s", e->code);
		x->ncode = 1;
		state_side(st, e->source, e->source_country, x->ssrc, sizeof x->ssrc);
		state_side(st, e->target, e->target_country, x->stgt, sizeof x->stgt);
		if (!state_sided(st, x->ssrc) || !state_sided(st, x->stgt)) {
			sc->nonstate++;
			continue;
		}
		undirect(x);
		g->nsys++;
	}
out:
	ent_doc_free(doc);
	ent_buf_free(&text);
	return rc;
}

static void score_doc(score *sc, gline *lines, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		sc->sentences++;
		sc->gold_events += lines[i].ngold;
		sc->sys_events += lines[i].nsys;
		score_sentence(sc, lines[i].gold, lines[i].ngold, lines[i].sys,
		               lines[i].nsys, lines[i].id, lines[i].text);
	}
}

static int eval_file(ent_cli *cli, ent_coder *c, const ent_states *st,
                     const char *path, score *sc)
{
	FILE *fp = fopen(path, "rb");
	ent_linereader lr;
	const char *line;
	size_t n, ndoc = 0, i;
	gline *doc = NULL;
	size_t doc_cap = 0;
	int rc = 0;
	if (!fp) {
		ent_cli_error(cli, "%s: cannot open: %s", path, strerror(errno));
		return ENT_EXIT_INPUT;
	}
	if (ent_lr_init_file(&lr, fp, NULL, 0, 1 << 16) < 0) {
		fclose(fp);
		ent_cli_error(cli, "out of memory");
		return ENT_EXIT_INPUT;
	}
	for (;;) {
		int more = ent_lr_next(&lr, &line, &n) == 1;
		char *f[4];
		const char *why = NULL;
		gline g;
		if (more && (n == 0 || line[0] == '#'))
			continue;
		memset(&g, 0, sizeof g);
		if (more) {
			if (!(g.buf = ent_malloc(n + 1))) {
				rc = ENT_EXIT_INPUT;
				break;
			}
			memcpy(g.buf, line, n);
			g.buf[n] = '\0';
			if (n && g.buf[n - 1] == '\r')
				g.buf[--n] = '\0';
			if (fields(g.buf, f) != 4)
				why = "a gold line is id<TAB>date<TAB>text<TAB>gold";
			else if (ent_date_parse(&g.date, f[1], strlen(f[1])) < 0)
				why = "the date is not YYYY-MM-DD";
			else if ((g.ngold = parse_gold(st, f[3], g.gold, MAXEV, &why)) < 0)
				;
			else {
				int k, m = 0;
				g.id = f[0];
				g.text = f[2];
				/* only dyads between states are scored */
				for (k = 0; k < g.ngold; k++) {
					if (state_sided(st, g.gold[k].ssrc) && state_sided(st, g.gold[k].stgt))
						g.gold[m++] = g.gold[k];
					else
						sc->nonstate++;
				}
				g.ngold = m;
			}
			if (why) {
				ent_cli_error(cli, "%s:%ld: %s; line skipped", path, lr.lineno, why);
				sc->bad_lines++;
				cli->input_errors++;
				ent_free(g.buf);
				continue;
			}
		}
		/* a document ends at a line of another document, or at the end */
		if (ndoc && (!more || !same_doc(&doc[ndoc - 1], &g))) {
			if ((rc = code_doc(cli, c, st, doc, ndoc, sc)) < 0) {
				ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
				ent_free(g.buf);
				rc = ENT_EXIT_INPUT;
				break;
			}
			score_doc(sc, doc, ndoc);
			for (i = 0; i < ndoc; i++)
				ent_free(doc[i].buf);
			ndoc = 0;
		}
		if (!more)
			break;
		if (ndoc == doc_cap) {
			size_t nc = doc_cap ? doc_cap * 2 : 16;
			gline *q = ent_realloc(doc, nc * sizeof *q);
			if (!q) {
				ent_free(g.buf);
				rc = ENT_EXIT_INPUT;
				break;
			}
			doc = q;
			doc_cap = nc;
		}
		doc[ndoc++] = g;
	}
	for (i = 0; i < ndoc; i++)
		ent_free(doc[i].buf);
	ent_free(doc);
	ent_lr_destroy(&lr);
	fclose(fp);
	return rc;
}

static int run(ent_cli *cli, ent_cli_args *a)
{
	ent_cli_dicts dicts;
	ent_evdict *ev = NULL;
	ent_coder *c = NULL;
	ent_coder_options co = ENT_CODER_OPTIONS_INIT;
	const char *v = ent_cli_get(a, "compat"), *f = ent_cli_get(a, "format");
	int compat = 0, json = f && strcmp(f, "json") == 0, i, rc;
	long worst = 15;
	ent_buf out = ENT_BUF_INIT;

	memset(&dicts, 0, sizeof dicts);
	if (a->npos < 1) {
		ent_cli_usage_error(cli, "eval needs a GOLD file (tests/eval/dev.tsv)");
		return ENT_EXIT_USAGE;
	}
	if (v) {
		if (strcmp(v, "tabari") != 0) {
			ent_cli_usage_error(cli, "--compat must be tabari, not '%s'", v);
			return ENT_EXIT_USAGE;
		}
		compat = 1;
	}
	if ((v = ent_cli_get(a, "worst"))) {
		char *end;
		worst = strtol(v, &end, 10);
		if (*end || worst < 0 || worst > 10000) {
			ent_cli_usage_error(cli, "--worst must be a number from 0 to 10000");
			return ENT_EXIT_USAGE;
		}
	}
	if ((rc = ent_cli_coder_dicts(cli, a, compat, &ev, &dicts)) != 0)
		goto done;
	if (ent_coder_new(&c, cli->ctx, ev, dicts.dict, dicts.st, &co) < 0) {
		ent_cli_error(cli, "%s", ent_errmsg(cli->ctx));
		rc = ENT_EXIT_INPUT;
		goto done;
	}
	for (i = 0; i < a->npos; i++) {
		score *sc = ent_calloc(1, sizeof *sc);
		size_t k;
		if (!sc || (worst && !(sc->worst = ent_calloc((size_t)worst, sizeof *sc->worst)))) {
			ent_free(sc);
			ent_cli_error(cli, "out of memory");
			rc = ENT_EXIT_INPUT;
			goto done;
		}
		sc->maxworst = (size_t)worst;
		rc = eval_file(cli, c, dicts.st, a->pos[i], sc);
		if (rc == 0) {
			if (json)
				report_json(&out, sc, a->pos[i]);
			else
				report_text(cli, sc, a->pos[i]);
		}
		for (k = 0; k < sc->nworst; k++)
			ent_free(sc->worst[k].line);
		ent_free(sc->worst);
		ent_free(sc);
		if (rc)
			goto done;
	}
	if (json)
		fputs(ent_buf_cstr(&out), cli->out);
done:
	ent_buf_free(&out);
	ent_coder_free(c);
	ent_evdict_free(ev);
	ent_cli_dicts_free(&dicts);
	return rc;
}

const ent_cli_command ent_cmd_eval = {
	"eval",
	"score the event coder against gold sentences",
	"[options] GOLD...",
	"eval codes every sentence of each GOLD file (id<TAB>date<TAB>text<TAB>"
	"gold, gold = SRC>TGT:CODE|CODE;... or -) with the same dictionaries and "
	"options as `entente code`, and prints precision, recall and F1 at three "
	"levels - state dyad + root code, state dyad + full code, full actor codes "
	"+ full code - a confusion table by CAMEO root and the sentences with the "
	"most errors.  Negated and hypothetical events are not assertions; root 04 "
	"is undirected; identical dyad + code pairs in a sentence count once "
	"(docs/accuracy.md).",
	options,
	run
};
