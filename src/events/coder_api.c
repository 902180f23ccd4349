/*
 * coder_api.c - the coder object: runs the actor recogniser (our mode),
 * cuts the document into units, parses and codes each, and turns the
 * internal events into ent_event records with spans, texts, countries,
 * CAMEO attributes and the dictionary line that fired.
 */
#include "events/unit.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ent_coder {
	ent_ctx *ctx;
	ent_evdict *d;
	ent_dict *actors_dict;
	ent_actors *rec;
	const ent_states *st;
	ent_coder_options o;
	ent_event_options opt;
	ev_unit u;
	ent_event *ev;
	size_t nev, ev_cap;
	const char **problem;
	size_t nunits, prob_cap;
	ent_arena arena;
	ev_forward fwd;
	long misses;
	int compat;
	size_t cursor;           /* next actor record to look at */
	size_t pcursor;          /* next place record to look at */
};

int ent_coder_new(ent_coder **out, ent_ctx *ctx, ent_evdict *ev,
                  ent_dict *actors, const ent_states *st,
                  const ent_coder_options *o)
{
	static const ent_coder_options def = ENT_CODER_OPTIONS_INIT;
	ent_coder *c = ent_calloc(1, sizeof(*c));
	int rc;
	*out = NULL;
	if (!c)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	c->ctx = ctx;
	c->d = ev;
	c->actors_dict = actors;
	c->st = st;
	c->o = o ? *o : def;
	c->opt = ev->options;
	c->compat = ev->opts.compat == ENT_COMPAT_TABARI;
	ent_arena_init(&c->arena, 16384);
	c->u.d = ev;
	c->u.compat = c->compat;
	if (ev_index_build(ev) < 0) {
		ent_coder_free(c);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	{
		/* the codes ours.c gives signals and the other side of a deal */
		static const char *const codes[] = {
			"051", "072", "0332", "062", "0312", "071", "0331", "073",
			"0333", "061", "0311", "060", "030", NULL};
		uint32_t id;
		int k;
		for (k = 0; codes[k]; k++)
			if (ev_str_intern(ev, codes[k], strlen(codes[k]), &id) < 0) {
				ent_coder_free(c);
				return ent_err(ctx, ENT_ENOMEM, "out of memory");
			}
	}
	c->u.wcache = ent_calloc(EV_WC_SIZE, sizeof(ev_wcache));
	if (!c->u.wcache) {
		ent_coder_free(c);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	if (actors) {
		if ((rc = ent_actors_new(&c->rec, ctx, actors, st)) < 0) {
			ent_coder_free(c);
			return rc;
		}
	}
	*out = c;
	return 0;
}

void ent_coder_free(ent_coder *c)
{
	if (!c)
		return;
	ent_actors_free(c->rec);
	ent_free(c->u.w);
	ent_free(c->u.fold);
	ent_free(c->u.litl);
	ent_free(c->u.tags);
	ent_free(c->u.ext);
	ent_free(c->u.tmp);
	ent_free(c->u.ev);
	ent_free(c->u.issues);
	ent_free(c->u.lit_stamp);
	ent_free(c->u.wcache);
	ent_free(c->u.ulits);
	ent_free(c->u.cand);
	ent_free(c->u.candbits);
	ent_free(c->ev);
	ent_free(c->problem);
	ent_arena_destroy(&c->arena);
	ent_free(c);
}

void ent_coder_set_options(ent_coder *c, const ent_event_options *o)
{
	c->opt = *o;
}

size_t ent_coder_count(const ent_coder *c)
{
	return c->nev;
}

const ent_event *ent_coder_get(const ent_coder *c, size_t i)
{
	return i < c->nev ? &c->ev[i] : NULL;
}

const char *ent_coder_problem(const ent_coder *c, size_t unit)
{
	return unit < c->nunits ? c->problem[unit] : NULL;
}

size_t ent_coder_units(const ent_coder *c)
{
	return c->nunits;
}

long ent_coder_misses(const ent_coder *c)
{
	return c->misses;
}

/* ------------------------------------------------------------------------
 * Building records
 * ------------------------------------------------------------------------ */

/* actor + agent, TABARI's way: "~GOV" appends GOV unless the actor code
 * already has it at a 3-letter boundary; "NGO~" prepends. */
static const char *composite(ent_coder *c, const char *actor, const char *agent)
{
	size_t al, gl;
	char *s;
	if (!actor)
		return NULL;
	if (!agent || !*agent)
		return actor;
	al = strlen(actor);
	gl = strlen(agent);
	s = ent_arena_alloc(&c->arena, al + gl + 1);
	if (!s)
		return NULL;
	if (agent[0] == '~') {
		const char *p = strstr(actor, agent + 1);
		if (p && (size_t)(p - actor) % 3 == 0)
			return actor;
		memcpy(s, actor, al);
		memcpy(s + al, agent + 1, gl - 1);
		s[al + gl - 1] = '\0';
	} else {
		size_t tl = agent[gl - 1] == '~' ? gl - 1 : gl;
		const char *p;
		char tmp[64];
		if (tl >= sizeof tmp)
			tl = sizeof tmp - 1;
		memcpy(tmp, agent, tl);
		tmp[tl] = '\0';
		p = strstr(actor, tmp);
		if (p && (size_t)(p - actor) % 3 == 0)
			return actor;
		memcpy(s, tmp, tl);
		memcpy(s + tl, actor, al + 1);
	}
	return s;
}

/* The ISO alpha-3 country of a code (its first three letters), or NULL. */
static const char *code_country(ent_coder *c, const char *code)
{
	char k[4];
	int i;
	if (!c->st || !code || strlen(code) < 3)
		return NULL;
	memcpy(k, code, 3);
	k[3] = '\0';
	i = ent_states_lookup(c->st, k);
	if (i < 0)
		return NULL;
	{
		const char *iso = ent_states_iso3(c->st, (size_t)i);
		return iso && strcmp(iso, k) == 0 ? iso : NULL;
	}
}

/* The last word of the actor phrase whose first word is k. */
static size_t actor_last(const ev_unit *u, size_t k)
{
	if (u->w[k].ext >= 0)
		return u->ext[u->w[k].ext].w1;
	if (!ev_has_head(u, k, EV_W_PRONOUN))
		while (k + 1 < u->nw && !ev_has_tail(u, k, EV_W_ACTOR) &&
		       !ev_has_tail(u, k, EV_W_AGENT))
			k++;
	return k;
}

/* Byte span (original input) of the actor phrase at word w, or -1. */
static void actor_span(ent_coder *c, ent_doc *doc, int w, long *s, long *e)
{
	ev_unit *u = &c->u;
	size_t k;
	*s = *e = -1;
	if (w < 0 || (size_t)w >= u->nw)
		return;
	k = actor_last(u, (size_t)w);
	*s = (long)ent_doc_orig_start(doc, u->w[w].start);
	*e = (long)ent_doc_orig_end(doc, u->w[k].end);
}

static const char *span_text(ent_coder *c, ent_doc *doc, int w)
{
	ev_unit *u = &c->u;
	size_t k, len;
	const char *text = ent_doc_text(doc, &len);
	if (w < 0 || (size_t)w >= u->nw)
		return NULL;
	k = actor_last(u, (size_t)w);
	return ent_arena_strndup(&c->arena, text + u->w[w].start,
	                         u->w[k].end - u->w[w].start);
}

/* --explain: the words, the actors on them, the pattern as compiled and
 * the rules applied, one "name: ..." line each (arena). */
static const char *explain(ent_coder *c, ent_doc *doc, const ev_evt *e)
{
	static const char *const hows[] = {
		"passive by-agent", "nominal event", "symmetric (both directions)",
		"coordinated actors at a place", "own forces passed over",
		"source from another clause", "coordinated actors"};
	ev_unit *u = &c->u;
	ent_buf b = ENT_BUF_INIT;
	const char *text = ent_doc_text(doc, NULL), *out;
	size_t i;
	int k, any = 0;
	ent_buf_puts(&b, "tokens:");
	for (i = 0; i < u->nw; i++) {
		ent_buf_putc(&b, ' ');
		if ((int32_t)i == e->verb)
			ent_buf_putc(&b, '*');
		ent_buf_put(&b, u->fold + u->w[i].fold, u->w[i].flen);
	}
	ent_buf_puts(&b, "\nactors:");
	for (i = 0; i < u->next; i++) {
		const ev_ext *x = &u->ext[i];
		ent_buf_printf(&b, "%s %.*s = %s%s", i ? ";" : "",
		               (int)(u->w[x->w1].end - u->w[x->w0].start),
		               text + u->w[x->w0].start, x->code,
		               x->place ? " (place)" : x->context ? " (context)" : "");
	}
	if (!u->next)
		ent_buf_puts(&b, " (TABARI actor matching)");
	ent_buf_puts(&b, "\npattern: ");
	if (e->pat) {
		char pt[512];
		ev_phrase_text(c->d, e->pat->phrase, pt, sizeof pt);
		ent_buf_printf(&b, "%s:%ld - %s", ev_str(c->d, e->pat->file),
		               (long)e->pat->line, pt);
	} else if (e->proot) {
		char pt[512];
		ev_phrase_text(c->d, e->proot->phrase, pt, sizeof pt);
		ent_buf_printf(&b, "%s:%ld %s (the root's own code)",
		               ev_str(c->d, e->proot->file), (long)e->proot->line, pt);
	} else if (e->signal)
		ent_buf_puts(&b, "(none: a protocol signal)");
	else if (e->deal)
		ent_buf_puts(&b, "(none: the other side of a bargain)");
	ent_buf_puts(&b, "\nrules:");
	for (k = 0; k < 7; k++)
		if (e->how & (1 << k)) {
			ent_buf_printf(&b, "%s %s", any ? "," : "", hows[k]);
			any = 1;
		}
	if (!any)
		ent_buf_puts(&b, " TABARI's (source first in the clause, target after "
		             "the trigger)");
	if (e->negated)
		ent_buf_puts(&b, "; negated");
	if (e->hypothetical)
		ent_buf_puts(&b, "; hypothetical");
	if (b.oom) {
		ent_buf_free(&b);
		return NULL;
	}
	out = ent_arena_strndup(&c->arena, b.data, b.len);
	ent_buf_free(&b);
	return out;
}

static int emit(ent_coder *c, ent_doc *doc, size_t unit, size_t ustart,
                size_t uend)
{
	ev_unit *u = &c->u;
	size_t i, k0 = c->nev;
	for (i = 0; i < u->nev; i++) {
		const ev_evt *e = &u->ev[i];
		ent_event *o;
		const ent_cameo *cm;
		const char *code = ev_str(c->d, e->code);
		int sw = e->src.at >= 0 ? e->src.at : e->src.where;
		int tw = e->tar.at >= 0 ? e->tar.at : e->tar.where;
		size_t vt;

		if (!code[0] || !e->src.actor || !e->tar.actor) {
			c->misses++;
			continue;
		}
		if (ENT_GROW(c->ev, c->nev, c->ev_cap) < 0)
			return ENT_ENOMEM;
		o = &c->ev[c->nev];
		memset(o, 0, sizeof(*o));
		o->sentence = unit;
		o->k = c->nev - k0;
		o->sentence_start = ent_doc_orig_start(doc, ustart);
		o->sentence_end = ent_doc_orig_end(doc, uend);
		actor_span(c, doc, sw, &o->source_start, &o->source_end);
		actor_span(c, doc, tw, &o->target_start, &o->target_end);
		vt = (size_t)e->verb;
		while (vt + 1 < u->nw && !ev_has_tail(u, vt, EV_W_VERB))
			vt++;
		o->trigger_start = (long)ent_doc_orig_start(doc, u->w[e->verb].start);
		o->trigger_end = (long)ent_doc_orig_end(doc, u->w[vt].end);
		o->date = u->date;
		o->source = composite(c, e->src.actor, e->src.agent);
		o->target = composite(c, e->tar.actor, e->tar.agent);
		if (!o->source || !o->target)
			return ENT_ENOMEM;
		o->source_text = span_text(c, doc, sw);
		o->target_text = span_text(c, doc, tw);
		if (e->src.ext >= 0)
			o->source_country = u->ext[e->src.ext].country;
		else
			o->source_country = code_country(c, o->source);
		if (e->tar.ext >= 0)
			o->target_country = u->ext[e->tar.ext].country;
		else
			o->target_country = code_country(c, o->target);
		o->code = code;
		{
			size_t cl = strlen(code);
			o->root = cl <= 2 ? code : ent_arena_strndup(&c->arena, code, 2);
		}
		cm = ent_cameo_find(code);
		if (cm) {
			o->quad = cm->quad;
			o->goldstein = cm->goldstein;
			o->has_goldstein = cm->has_goldstein;
			o->plover = cm->plover;
			o->plover_mode = cm->plover_mode;
		}
		{
			static const char *const sigs[] = {
				NULL, "honorific", "host_rank", "reception", "delegation",
				"delegation:military"};
			static const char *const statuses[] = {
				"intended", "reported", "confirmed"};
			o->signal = e->signal < 6 ? sigs[e->signal] : NULL;
			if (e->deal) {
				char id[160];
				snprintf(id, sizeof id, "%s:%zu", ent_doc_id(doc) ? ent_doc_id(doc) : "-",
				         unit);
				o->deal = ent_arena_strndup(&c->arena, id, strlen(id));
				o->deal_status = statuses[(e->deal - 1) % 3];
				o->gives = e->gives;
			}
		}
		o->negated = e->negated;
		o->hypothetical = e->hypothetical;
		if (e->pat) {
			o->pattern_file = ev_str(c->d, e->pat->file);
			o->pattern_line = e->pat->line;
		} else if (e->proot) {
			o->pattern_file = ev_str(c->d, e->proot->file);
			o->pattern_line = e->proot->line;
		}
		if (!c->o.keep_flagged && (o->negated || o->hypothetical))
			continue;
		if (c->o.explain && !(o->explain = explain(c, doc, e)))
			return ENT_ENOMEM;
		c->nev++;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Our actors on the words (default mode)
 * ------------------------------------------------------------------------ */

/* Does record a count as an actor of the coder? */
static int usable(const ent_actor *a)
{
	static const char *const roles[] = {
		"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL",
		"ELI", "EDU", "HLH", "HRI", "LAB", "PTY", "REF", "SPY", "AGR", "CRM",
		"DEV", "ENV", "MOD", "RAD", "SEP", "INS", NULL};
	int k;
	if (!a->code || !a->code[0])
		return 0;
	/* a role with no state ("the military" of no known country) is no
	 * actor: its code would be an agent alone */
	if (!a->country && strlen(a->code) == 3)
		for (k = 0; roles[k]; k++)
			if (strcmp(a->code, roles[k]) == 0)
				return 0;
	/* "the ministry" of no known state: no actor */
	return !(a->via == ENT_VIA_CONTEXT && !a->country && a->kind != ENT_ACTOR_IGO);
}

/* The records of `sentence` are [*first, end): records come in text order,
 * so a cursor walks them once per document.  Returns how many are usable. */
static size_t sentence_actors(ent_coder *c, size_t sentence, size_t *first,
                              size_t *end)
{
	size_t n = ent_actors_count(c->rec), i = c->cursor, k = 0;
	while (i < n && ent_actors_get(c->rec, i)->sentence < sentence)
		i++;
	*first = i;
	while (i < n && ent_actors_get(c->rec, i)->sentence == sentence) {
		k += usable(ent_actors_get(c->rec, i));
		i++;
	}
	*end = i;
	c->cursor = i;
	return k;
}

/* "his", "its", "their": a possessive determiner ("his dear friend Kim")
 * names the owner of what follows, not a party to the event. */
static int possessive_pronoun(ent_coder *c, const ent_actor *a)
{
	const char *t = c->u.text + a->text_start;
	size_t n = a->text_end - a->text_start;
	if (a->via != ENT_VIA_PRONOUN)
		return 0;
	return (n == 3 && strncasecmp(t, "his", 3) == 0) ||
	       (n == 3 && strncasecmp(t, "its", 3) == 0) ||
	       (n == 5 && strncasecmp(t, "their", 5) == 0);
}

/* Put one actor on the words spanning [ts, te) of the repaired text. */
static int put_ext(ent_coder *c, size_t ts, size_t te, const char *code,
                   const char *country, int32_t rec, int context, int place)
{
	ev_unit *u = &c->u;
	size_t w0, w1, k;
	ev_ext *x;
	int rc;
	for (w0 = 0; w0 < u->nw && u->w[w0].end <= ts; w0++)
		;
	if (w0 >= u->nw || u->w[w0].start >= te)
		return 0;
	for (w1 = w0; w1 + 1 < u->nw && u->w[w1 + 1].start < te; w1++)
		;
	for (k = w0; k <= w1; k++)
		if (u->w[k].ext >= 0)
			return 0;   /* a second referent of the same words */
	if (ENT_GROW(u->ext, u->next, u->ext_cap) < 0)
		return ENT_ENOMEM;
	x = &u->ext[u->next];
	x->code = code;
	x->country = country;
	x->w0 = (uint32_t)w0;
	x->w1 = (uint32_t)w1;
	x->rec = rec;
	x->context = context;
	x->place = place;
	for (k = w0; k <= w1; k++) {
		u->w[k].wtype = EV_W_ACTOR;
		u->w[k].ext = (int32_t)u->next;
	}
	u->w[w0].ext_head = 1;
	u->w[w1].ext_tail = 1;
	if ((rc = ev_tag_add(u, w0, 0, EV_W_ACTOR, ++u->tag_serial)) < 0 ||
	    (rc = ev_tag_add(u, w1, 1, EV_W_ACTOR, u->tag_serial)) < 0)
		return rc;
	u->next++;
	return 0;
}

/* The places of `sentence` (a cursor walks them once per document):
 * [*first, *end). */
static size_t sentence_places(ent_coder *c, size_t sentence, size_t *first,
                              size_t *end)
{
	size_t n = ent_actors_place_count(c->rec), i = c->pcursor, k = 0;
	while (i < n && ent_actors_place(c->rec, i)->sentence < sentence)
		i++;
	*first = i;
	while (i < n && ent_actors_place(c->rec, i)->sentence == sentence) {
		const ent_place *p = ent_actors_place(c->rec, i);
		k += p->country && !p->actor;
		i++;
	}
	*end = i;
	c->pcursor = i;
	return k;
}

/* Our actors on the words, then the places not already read as actors: a
 * place stands for its country ("Russia shelled Kharkiv" = RUS -> UKR). */
static int place_actors(ent_coder *c, size_t first, size_t end, size_t pfirst,
                        size_t pend)
{
	size_t i;
	int rc;
	c->u.next = 0;
	for (i = first; i < end; i++) {
		const ent_actor *a = ent_actors_get(c->rec, i);
		if (!usable(a) || possessive_pronoun(c, a))
			continue;
		if ((rc = put_ext(c, a->text_start, a->text_end, a->code, a->country,
		                  (int32_t)i, a->via == ENT_VIA_CONTEXT, 0)) < 0)
			return rc;
	}
	for (i = pfirst; i < pend; i++) {
		const ent_place *p = ent_actors_place(c->rec, i);
		if (!p->country || p->actor)
			continue;
		if ((rc = put_ext(c, p->text_start, p->text_end, p->country, p->country,
		                  -1, 0, 1)) < 0)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * FORWARD: story and sentence numbers from the record id
 * ------------------------------------------------------------------------ */

static int id_field(const char *fmt, const char *id, char want, char *out,
                    size_t cap)
{
	size_t skip = 0, i, k = 0, idl = strlen(id);
	while (fmt[skip] == '^')
		skip++;
	for (i = skip; fmt[i]; i++)
		if (fmt[i] == want) {
			size_t pos = i - skip;
			if (pos < idl && k + 1 < cap)
				out[k++] = id[pos];
		}
	out[k] = '\0';
	return k > 0;
}

static int can_forward(ent_coder *c, const char *id)
{
	char story[64], seq[64];
	long n;
	int ok = 0;
	if (!c->opt.forward || !c->opt.forward_format[0] || !id) {
		c->fwd.valid = 0;
		c->fwd.seq = -1;
		return 0;
	}
	if (!id_field(c->opt.forward_format, id, 'N', story, sizeof story))
		story[0] = '\0';
	if (!id_field(c->opt.forward_format, id, 'S', seq, sizeof seq))
		return 0;
	n = strtol(seq, NULL, 10);
	if (strcmp(story, c->fwd.story) != 0)
		c->fwd.seq = -1;
	else if (c->fwd.seq >= 0 && n == c->fwd.seq + 1)
		ok = 1;
	snprintf(c->fwd.story, sizeof c->fwd.story, "%s", story);
	c->fwd.seq = n;
	return ok;
}

/* ------------------------------------------------------------------------
 * Running
 * ------------------------------------------------------------------------ */

int ent_coder_run(ent_coder *c, ent_doc *doc, ent_date date)
{
	ev_unit *u = &c->u;
	size_t tlen, nsent, s, nunits, afirst = 0, aend = 0, pfirst = 0, pend = 0;
	int rc, fwd_ok;

	c->nev = 0;
	c->nunits = 0;
	ent_arena_reset(&c->arena);
	if (date == ENT_DATE_NONE)
		date = ent_doc_date(doc);
	if (date == ENT_DATE_NONE)
		date = ent_date_today();
	if (c->rec && (rc = ent_actors_run(c->rec, doc, date)) < 0)
		return rc;
	c->cursor = c->pcursor = 0;
	ent_doc_text(doc, &tlen);
	nsent = ent_doc_sentence_count(doc);
	nunits = c->o.whole_document ? (nsent ? 1 : 0) : nsent;
	if (nunits > c->prob_cap) {
		const char **q = ent_realloc(c->problem, nunits * sizeof(*q));
		if (!q)
			return ent_err(c->ctx, ENT_ENOMEM, "out of memory");
		c->problem = q;
		c->prob_cap = nunits;
	}
	fwd_ok = c->compat ? can_forward(c, ent_doc_id(doc)) : 0;
	for (s = 0; s < nunits; s++) {
		size_t start, end;
		if (c->o.whole_document) {
			ent_sentence a, b;
			ent_doc_sentence(doc, 0, &a);
			ent_doc_sentence(doc, nsent - 1, &b);
			start = a.text_offset;
			end = b.text_offset + b.len;
		} else {
			ent_sentence se;
			ent_doc_sentence(doc, s, &se);
			start = se.text_offset;
			end = se.text_offset + se.len;
		}
		u->opt = c->opt;
		u->date = u->base_date = date;
		u->problem = NULL;
		if (c->rec && !c->o.whole_document) {
			size_t na = sentence_actors(c, s, &afirst, &aend);
			if (!c->compat)
				na += sentence_places(c, s, &pfirst, &pend);
			if (na < 2 && !c->opt.default_source[0] && !c->opt.default_target[0] &&
			    !(c->compat && c->opt.forward)) {
				/* no event has fewer than two actors: skip the work */
				c->problem[s] = "fewer than two actors";
				c->nunits = s + 1;
				continue;
			}
		} else if (c->rec) {
			afirst = 0;
			aend = ent_actors_count(c->rec);
			pfirst = 0;
			pend = c->compat ? 0 : ent_actors_place_count(c->rec);
		}
		rc = ev_unit_words(u, ent_doc_text(doc, NULL), start, end);
		if (rc == 0 && c->rec)
			rc = place_actors(c, afirst, aend, pfirst, pend);
		if (rc == 0)
			rc = ev_unit_parse(u, fwd_ok && s == 0 ? &c->fwd : NULL);
		if (rc == 0)
			rc = ev_unit_code(u);
		if (rc == 0)
			rc = emit(c, doc, s, start, end);
		if (rc < 0)
			return ent_err(c->ctx, ENT_ENOMEM, "out of memory");
		c->problem[s] = u->problem && u->nev == 0
		                    ? ent_arena_strndup(&c->arena, u->problem,
		                                        strlen(u->problem))
		                    : NULL;
		c->nunits = s + 1;
		if (c->compat && c->opt.forward) {
			ev_unit_forward_save(u, &c->fwd);
			c->fwd.valid = 1;
		}
	}
	return 0;
}
