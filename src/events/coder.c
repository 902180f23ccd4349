/*
 * coder.c - events from a parsed unit: for each clause, each verb (outside
 * subordinate clauses) tries its patterns, longest first; the first that
 * matches (or, with alternatives, the longest actual match) gives the code
 * and may place the source ($), target (+), a compound coded both ways (%)
 * or skip an actor (^).  Actors the pattern does not place come from the
 * regular rules: the source is the first actor of the clause, the target
 * the first actor after the verb, else the nearest before it; a passive
 * ("X was criticised by Y") swaps them.  Then paired codes, compound
 * actors and coded compounds are expanded, subordinate and dominant codes
 * resolved, and duplicates and self-events dropped.
 *
 * This follows TABARI 0.8's coder (Schrodt 2012; the validation suite is
 * the specification) as an independent implementation; pattern matching
 * is a small state machine that walks the pattern outwards from the verb:
 * "skip" lets text words pass before the next element matches, "full"
 * demands the whole word, alternatives save the state at `{` and restore it
 * at each `|`.  Time: O(clause words x pattern elements) per pattern tried.
 */
#include "events/unit.h"
#include "util/alloc.h"
#include "util/date.h"

#include <string.h>

typedef struct {
	ev_unit *u;
	const ent_evdict *d;
	int istart, iend;
	ev_actor src, tar;
	int regular_src, regular_tar, passive;
	/* pattern matching state */
	const ev_el *pt, *pat0;
	int loc, high, skipmode, fullmode;
	int cond, condloc, condlen, condskip;
	int lenalt;
	int isrc, itar, icomp;
	int shifted;
} cdr;

/* ------------------------------------------------------------------------
 * Actors
 * ------------------------------------------------------------------------ */

static void zero(ev_actor *a)
{
	memset(a, 0, sizeof(*a));
	a->ext = -1;
	a->where = -1;
	a->at = -1;
}

static int empty(const ev_actor *a)
{
	return !a->actor && !a->agent && !a->parts;
}

static int streq(const char *a, const char *b)
{
	if (a == b)
		return 1;
	if (!a || !b)
		return 0;
	return strcmp(a, b) == 0;
}

static int same(const ev_actor *a, const ev_actor *b)
{
	return streq(a->actor, b->actor) && streq(a->agent, b->agent) &&
	       a->parts == b->parts;
}

static int wtype(const cdr *c, int i)
{
	if (i < 0 || (size_t)i >= c->u->nwall)
		return EV_W_HALT;
	return c->u->w[i].wtype;
}

static int has_head(const cdr *c, int i, uint32_t t)
{
	return i >= 0 && (size_t)i < c->u->nwall && ev_has_head(c->u, (size_t)i, t);
}

static int has_tail(const cdr *c, int i, uint32_t t)
{
	return i >= 0 && (size_t)i < c->u->nwall && ev_has_tail(c->u, (size_t)i, t);
}

static int is_former(const cdr *c, int i)
{
	const ev_word *w;
	if (i < 0 || (size_t)i >= c->u->nw)
		return 0;
	w = &c->u->w[i];
	return w->wtype == EV_W_ADJ && w->root &&
	       c->d->roots[w->root - 1].special == EV_F_FORMER;
}

/* The codes of the actor whose head (or referring pronoun) is at loc. */
static void actor_codes(cdr *c, ev_actor *a, int loc)
{
	const ev_word *w;
	int guard = 0, at = loc;
	while (has_head(c, loc, EV_W_PRONOUN) && guard++ < 8) {
		int r = ev_get_reference(c->u, (size_t)loc);
		if (r < 0)
			break;
		loc = r;
	}
	zero(a);
	if (loc < 0 || (size_t)loc >= c->u->nwall)
		return;
	w = &c->u->w[loc];
	a->where = loc;
	a->at = at;
	if (w->ext >= 0) {
		a->actor = c->u->ext[w->ext].code;
		a->ext = w->ext;
		return;
	}
	if (!w->root)
		return;
	a->root = (int32_t)w->root;
	{
		const ev_root *r = &c->d->roots[w->root - 1];
		if (r->type == EV_W_AGENT) {
			a->actor = ev_str(c->d, r->code);   /* a converted agent */
		} else if (r->special == EV_F_DEFAULT_ACTOR) {
			a->actor = NULL;
		} else {
			size_t n;
			const ev_apart *p = ev_acode_resolve(c->d, r->code, c->u->date, &n);
			if (p && n) {
				a->actor = p[0].actor ? ev_str(c->d, p[0].actor) : NULL;
				a->agent = p[0].agent ? ev_str(c->d, p[0].agent) : NULL;
				if (n > 1) {
					a->parts = p;
					a->nparts = (uint32_t)n;
				}
			}
		}
	}
}

static int actor_tail(const cdr *c, int loc)
{
	if (has_head(c, loc, EV_W_PRONOUN))
		return loc;
	while (loc < c->iend && loc < (int)c->u->nwall - 1 &&
	       !has_tail(c, loc, EV_W_ACTOR))
		loc++;
	return loc;
}

static int actor_head(const cdr *c, int loc, int *ok)
{
	int i;
	if (has_head(c, loc, EV_W_PRONOUN)) {
		int r = ev_get_reference(c->u, (size_t)loc);
		if (r >= 0)
			loc = r;
	}
	for (i = loc; i >= 0 && !has_head(c, i, EV_W_ACTOR); i--)
		;
	if (i < 0) {
		*ok = 0;
		return loc;
	}
	*ok = 1;
	return i;
}

static void find_agent(cdr *c, int loc, ev_actor *a)
{
	int t = actor_tail(c, loc), former = 0, found = 0;
	if (c->u->w[loc].ext >= 0)
		return;   /* our recogniser already folded agents into codes */
	if (is_former(c, t + 1)) {
		former = 1;
		t++;
	}
	if (loc > 0 && !former && is_former(c, loc - 1))
		former = 1;
	if (wtype(c, t + 1) == EV_W_AGENT && has_head(c, t + 1, EV_W_AGENT)) {
		const ev_word *w = &c->u->w[t + 1];
		found = 1;
		a->agtroot = (int32_t)w->root;
		a->agent = former ? ev_str(c->d, EV_S_ELITE)
		                  : ev_str(c->d, c->d->roots[w->root - 1].code);
	} else {
		if (loc > 0 && wtype(c, loc - 1) == EV_W_PREP)
			loc--;
		if (loc > 0 && wtype(c, loc - 1) == EV_W_AGENT &&
		    has_tail(c, loc - 1, EV_W_AGENT)) {
			int s = loc - 1;
			while (s >= 0 && !has_head(c, s, EV_W_AGENT))
				s--;
			if (s >= 0 && c->u->w[s].root) {
				found = 1;
				a->agtroot = (int32_t)c->u->w[s].root;
				if (!former && is_former(c, s - 1))
					former = 1;
				a->agent = former
				               ? ev_str(c->d, EV_S_ELITE)
				               : ev_str(c->d, c->d->roots[c->u->w[s].root - 1].code);
			}
		}
	}
	if (!found) {
		a->agent = NULL;
		a->agtroot = 0;
	}
}

static int is_actor_head(const cdr *c, int i)
{
	return wtype(c, i) == EV_W_ACTOR && has_head(c, i, EV_W_ACTOR);
}

static int find_actor(cdr *c, int loc, ev_actor *a)
{
	for (; loc <= c->iend; loc++)
		if (is_actor_head(c, loc)) {
			actor_codes(c, a, loc);
			find_agent(c, loc, a);
			return loc;
		}
	return -1;
}

static int back_actor(cdr *c, int loc, ev_actor *a)
{
	while (loc >= c->istart) {
		if (wtype(c, loc) == EV_W_ACTOR) {
			int ok;
			loc = actor_head(c, loc, &ok);
			if (!ok)
				return -1;
			actor_codes(c, a, loc);
			find_agent(c, loc, a);
			return loc;
		}
		loc--;
	}
	return -1;
}

static void default_actor(cdr *c, ev_actor *a, const char *code)
{
	zero(a);
	a->actor = code;
	a->where = EV_WHERE_DEFAULT;
	a->at = -1;
	a->root = -1;
}

static void regular_source(cdr *c, int verb)
{
	int loc = c->istart, found = 0;
	ev_actor a;
	for (;;) {
		int at = find_actor(c, loc, &a);
		if (at < 0)
			break;
		if (c->u->opt.default_prior && c->u->opt.default_source[0] && at > verb) {
			default_actor(c, &c->src, c->u->opt.default_source);
			c->regular_src = 1;
			return;
		}
		if (!same(&a, &c->tar)) {
			c->src = a;
			c->regular_src = 1;
			found = 1;
			break;
		}
		loc = at + 1;
	}
	if (!found && c->u->opt.default_source[0]) {
		default_actor(c, &c->src, c->u->opt.default_source);
		c->regular_src = 1;
	}
}

static int compound_word(const cdr *c, int i)
{
	return i >= 0 && (size_t)i < c->u->nwall && c->u->w[i].compound;
}

static void regular_target(cdr *c, int verb)
{
	int loc = verb + 1;
	ev_actor a;
	for (;;) {
		int at = find_actor(c, loc, &a);
		if (at < 0)
			break;
		if (!same(&a, &c->src)) {
			c->tar = a;
			c->regular_tar = 1;
			return;
		}
		loc = at + 1;
	}
	if (c->u->opt.default_after && c->u->opt.default_target[0]) {
		default_actor(c, &c->tar, c->u->opt.default_target);
		c->regular_tar = 1;
		return;
	}
	if (!c->u->compat && c->u->w[c->istart].ctar >= 0) {
		/* ours.c: the clause's own fallback target (the prompter) */
		actor_codes(c, &c->tar, c->u->w[c->istart].ctar);
		c->regular_tar = 1;
		return;
	}
	loc = verb - 1;
	for (;;) {
		int at = back_actor(c, loc, &a);
		if (at < 0)
			break;
		if (!same(&a, &c->src)) {
			c->tar = a;
			return;
		}
		loc = at - 1;
	}
	if (c->src.parts || (c->src.where != EV_WHERE_DEFAULT &&
	                     compound_word(c, c->src.where)))
		c->tar = c->src;
	else if (c->u->opt.default_source[0] && c->u->opt.default_target[0])
		default_actor(c, &c->tar, c->u->opt.default_target);
}

/* ------------------------------------------------------------------------
 * Pattern matching
 * ------------------------------------------------------------------------ */

static int is_sym(const ev_el *e, uint32_t s)
{
	return !(e->conn & EV_C_SYN) && e->lit == s;
}

static int comp_synset(cdr *c);

static int next_check(cdr *c)
{
	if (c->high) {
		if (c->cond && (is_sym(c->pt + 1, EV_SYM_OR) ||
		                is_sym(c->pt + 1, EV_SYM_CLOSE))) {
			c->cond = 0;
			while (c->pt->lit && !is_sym(c->pt, EV_SYM_CLOSE))
				c->pt++;
		}
		c->skipmode = (c->pt->conn & EV_C_SKIP) != 0;
		if (!c->pt->lit)
			return 1;
		c->pt++;
		if (!c->pt->lit)
			return 1;
		c->loc++;
		if (c->loc > c->iend)
			return 0;
	} else {
		c->pt--;
		if (c->pt < c->pat0)
			return 1;
		if (c->cond && (is_sym(c->pt, EV_SYM_OR) || is_sym(c->pt, EV_SYM_OPEN))) {
			c->cond = 0;
			while (c->pt > c->pat0 && !is_sym(c->pt, EV_SYM_OPEN))
				c->pt--;
			c->pt--;
			if (c->pt < c->pat0)
				return 1;
		}
		c->skipmode = (c->pt->conn & EV_C_SKIP) != 0;
		c->loc--;
		if (c->loc < 0)
			return 0;
	}
	c->fullmode = !(c->pt->conn & EV_C_PART);
	return 2;
}

static int continue_check(cdr *c)
{
	if (c->high) {
		c->loc++;
		if (c->loc > c->iend)
			return 0;
	} else {
		c->loc--;
		if (c->loc < 0)
			return 0;
	}
	return 2;
}

static int state_check(cdr *c, int result)
{
	if (c->skipmode) {
		if (c->fullmode)
			return result == 2 ? next_check(c) : continue_check(c);
		return result ? next_check(c) : continue_check(c);
	}
	if (c->fullmode)
		return result == 2 ? next_check(c) : 0;
	return result ? next_check(c) : 0;
}

static int comp_target(cdr *c)
{
	const ev_el *e = c->pt;
	int ok = 0;
	if (c->loc < 0 || (size_t)c->loc >= c->u->nw)
		return 0;
	if (e->conn & EV_C_SYN)
		return 0;
	if (e->lit >= EV_SYM_LIMIT) {
		int m = ev_word_has_lit(c->u, (size_t)c->loc, e->lit);
		if (m && c->cond)
			c->lenalt += (int)c->d->lits[e->lit].len;
		return m;
	}
	switch (e->lit) {
	case EV_SYM_SOURCE:
		if (wtype(c, c->loc) == EV_W_ACTOR)
			c->isrc = actor_head(c, c->loc, &ok);
		break;
	case EV_SYM_TARGET:
		if (wtype(c, c->loc) == EV_W_ACTOR)
			c->itar = actor_head(c, c->loc, &ok);
		break;
	case EV_SYM_ATTRIB:
		if (wtype(c, c->loc) == EV_W_ACTOR)
			actor_head(c, c->loc, &ok);
		break;
	case EV_SYM_SKIP:
		if (wtype(c, c->loc) == EV_W_ACTOR) {
			if (c->high) {
				actor_head(c, c->loc, &ok);
				if (ok)
					c->loc = actor_tail(c, c->loc);
			} else
				c->loc = actor_head(c, c->loc, &ok);
		}
		break;
	case EV_SYM_COMPOUND:
		if (has_head(c, c->loc, EV_T_COMPOUND)) {
			uint32_t idx;
			size_t k;
			ev_head_idx(c->u, (size_t)c->loc, EV_T_COMPOUND, &idx);
			for (k = (size_t)c->loc + 1; k <= c->u->nw; k++)
				if (k < c->u->nw && ev_tail_idx(c->u, k, EV_T_COMPOUND, idx))
					break;
			if (k < c->u->nw) {
				c->icomp = c->loc;
				ok = 1;
			}
		}
		break;
	default:
		break;
	}
	return ok ? 2 : 0;
}

static void save_state(cdr *c)
{
	c->cond = 1;
	c->condloc = c->loc;
	c->condlen = c->lenalt;
	c->condskip = c->skipmode;
}

static void restore_state(cdr *c)
{
	c->loc = c->condloc;
	c->lenalt = c->condlen;
	c->skipmode = c->condskip;
}

static void init_cond(cdr *c)
{
	save_state(c);
	if (c->high)
		c->pt++;
	else
		c->pt--;
}

static void cond_check(cdr *c, int *state)
{
	if (c->high) {
		while (c->pt->lit && !is_sym(c->pt, EV_SYM_OR) &&
		       !is_sym(c->pt, EV_SYM_CLOSE))
			c->pt++;
		if (!c->pt->lit || is_sym(c->pt, EV_SYM_CLOSE))
			return;
	} else {
		while (c->pt > c->pat0 && !is_sym(c->pt, EV_SYM_OR) &&
		       !is_sym(c->pt, EV_SYM_OPEN))
			c->pt--;
		if (c->pt <= c->pat0 || is_sym(c->pt, EV_SYM_OPEN))
			return;
	}
	restore_state(c);
	if (c->high)
		c->pt++;
	else
		c->pt--;
	c->fullmode = !(c->pt->conn & EV_C_PART);
	*state = 2;
}

/* A synset member at the current position (TABARI: the member is walked in
 * the current direction from its first element; the text position is
 * restored afterwards). */
static int sub_pattern(cdr *c, const ev_pat *p, int depth)
{
	const ev_el *save_pt = c->pt, *save_p0 = c->pat0;
	int save_loc = c->loc, state = 2, result;
	c->pat0 = c->pt = c->d->els + p->phrase;
	while (state == 2) {
		if (c->pt->conn & EV_C_SYN) {
			if (c->high || depth > 8)
				result = depth > 8 ? 0 : comp_synset(c);
			else {
				int more = 1, sl = c->loc, sk = c->skipmode, sc = c->cond;
				result = 0;
				while (more) {
					result = comp_synset(c);
					more = result ? 0 : continue_check(c);
				}
				if (!result) {
					c->cond = sc;
					c->loc = sl;
					c->skipmode = sk;
				}
			}
		} else
			result = comp_target(c);
		state = state_check(c, result);
	}
	c->pt = save_pt;
	c->pat0 = save_p0;
	c->loc = save_loc;
	return state ? 2 : 0;
}

static int comp_synset(cdr *c)
{
	const ev_root *r = &c->d->roots[c->pt->lit];
	uint32_t p;
	static __thread int depth;
	int m = 0;
	if (depth > 8)
		return 0;
	depth++;
	for (p = r->pat; p; p = c->d->pats[p - 1].next)
		if ((m = sub_pattern(c, &c->d->pats[p - 1], depth)) != 0)
			break;
	depth--;
	return m;
}

/* Does pattern p match around the root at word loc?  Sets isrc/itar/icomp
 * and lenalt. */
static int check_pattern(cdr *c, const ev_pat *p, int loc, uint32_t wt)
{
	const ev_el *verb;
	int state, result;

	c->lenalt = 0;
	c->cond = 0;
	c->pat0 = c->pt = c->d->els + p->phrase;
	c->loc = loc;
	while (c->pt->lit && !is_sym(c->pt, EV_SYM_VERB))
		c->pt++;
	if (!c->pt->lit)
		return 0;
	verb = c->pt;
	while ((size_t)c->loc < c->u->nw && !ev_has_tail(c->u, (size_t)c->loc, wt))
		c->loc++;
	/* after the verb, forwards */
	c->high = 1;
	state = next_check(c);
	while (state == 2) {
		if (c->pt->conn & EV_C_SYN)
			result = comp_synset(c);
		else {
			if (is_sym(c->pt, EV_SYM_OPEN))
				init_cond(c);
			result = comp_target(c);
		}
		state = state_check(c, result);
		if (!state && c->cond)
			cond_check(c, &state);
	}
	if (!state)
		return 0;
	if (verb == c->pat0)
		return 1;
	/* before the verb, backwards */
	c->high = 0;
	c->pt = verb;
	c->loc = loc;
	state = next_check(c);
	while (state == 2) {
		if (c->pt->conn & EV_C_SYN) {
			int more = 1;
			save_state(c);
			result = 0;
			while (more) {
				result = comp_synset(c);
				more = result ? 0 : continue_check(c);
			}
			if (!result) {
				c->cond = 0;
				restore_state(c);
			}
		} else {
			if (is_sym(c->pt, EV_SYM_CLOSE))
				init_cond(c);
			result = comp_target(c);
		}
		state = state_check(c, result);
		if (!state && c->cond)
			cond_check(c, &state);
	}
	return state != 0;
}

/* ------------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------------ */

static int put_event(cdr *c, uint32_t ecode1, const ev_pat *p,
                     const ev_root *proot, int verb, const ev_actor *s,
                     const ev_actor *t)
{
	ev_unit *u = c->u;
	const ev_ecode *e = &c->d->ecodes[ecode1 - 1];
	int k;
	for (k = 0; k < (e->pair ? 2 : 1); k++) {
		ev_evt *v;
		if (u->nev >= 512)
			return 0;  /* bounded: TABARI kept 64 */
		if (ent_grow((void **)&u->ev, &u->ev_cap, u->nev + 1, sizeof(ev_evt)) < 0)
			return ENT_ENOMEM;
		v = &u->ev[u->nev++];
		memset(v, 0, sizeof(*v));
		v->src = k ? *t : *s;
		v->tar = k ? *s : *t;
		v->code = k ? e->pair : e->code;
		v->sub = k ? e->psub : e->sub;
		v->dom = k ? e->pdom : e->dom;
		v->isevt = 1;
		v->verb = verb;
		v->root = u->w[verb].root;
		v->pat = p;
		v->proot = proot;
	}
	return 0;
}

static int check_passive(cdr *c, int i)
{
	if (wtype(c, i + 1) != EV_W_BY && wtype(c, i + 2) != EV_W_BY &&
	    wtype(c, i + 3) != EV_W_BY)
		return 0;
	if ((i > 0 && wtype(c, i - 1) == EV_W_AUXIL) ||
	    (i > 1 && wtype(c, i - 2) == EV_W_AUXIL)) {
		c->passive = 1;
		return 1;
	}
	return 0;
}

/* The next actor head after word i inside a compound, and whether it was
 * the last one. */
static int next_in_compound(cdr *c, int i, int *last)
{
	int k;
	i++;
	while ((size_t)i < c->u->nwall &&
	       (!(c->u->w[i].root || c->u->w[i].ext >= 0) ||
	        c->u->w[i].wtype != EV_W_ACTOR))
		i++;
	if ((size_t)i >= c->u->nwall)
		return -1;
	k = i;
	while ((size_t)k < c->u->nwall && !ev_has_tail(c->u, (size_t)k, EV_W_ACTOR))
		k++;
	if ((size_t)k >= c->u->nwall)
		return -1;
	*last = ev_has_tail(c->u, (size_t)k, EV_T_COMPOUND);
	return i;
}

static int is_compound_head(cdr *c, const ev_actor *a)
{
	uint32_t idx;
	size_t k;
	if (a->where == EV_WHERE_DEFAULT || a->where < 0 || !compound_word(c, a->where))
		return 0;
	if (!ev_head_idx(c->u, (size_t)a->where, EV_T_COMPOUND, &idx))
		return 0;
	for (k = (size_t)a->where + 1; k < c->u->nw; k++)
		if (ev_tail_idx(c->u, k, EV_T_COMPOUND, idx))
			return 1;
	return 0;
}

static int make_event(cdr *c, uint32_t ecode1, const ev_pat *p,
                      const ev_root *proot, int verb)
{
	int rc = 0;
	if (!ecode1)
		return 0;
	{
		const ev_ecode *e = &c->d->ecodes[ecode1 - 1];
		if (e->code == EV_S_NULL && !e->pair && !e->sub && !e->dom)
			return 0;
	}
	if (empty(&c->src))
		regular_source(c, verb);
	if (empty(&c->tar))
		regular_target(c, verb);
	if (empty(&c->src) || empty(&c->tar))
		return 0;
	if (c->regular_src && c->regular_tar && check_passive(c, verb)) {
		ev_actor t = c->src;
		c->src = c->tar;
		c->tar = t;
	}
	if (!(c->src.where != EV_WHERE_DEFAULT && compound_word(c, c->src.where)) &&
	    !(c->tar.where != EV_WHERE_DEFAULT && compound_word(c, c->tar.where))) {
		rc = put_event(c, ecode1, p, proot, verb, &c->src, &c->tar);
	} else {
		int csrc = is_compound_head(c, &c->src);
		int isrc = c->src.where, guard = 0;
		int more_src = 1;
		while (more_src && guard++ < 256) {
			ev_actor ts, tt;
			int ctar = is_compound_head(c, &c->tar);
			int itar = c->tar.where, more_tar = 1, g2 = 0;
			if (isrc == EV_WHERE_DEFAULT)
				ts = c->src;
			else {
				actor_codes(c, &ts, isrc);
				find_agent(c, isrc, &ts);
			}
			while (more_tar && g2++ < 256) {
				if (itar == EV_WHERE_DEFAULT)
					tt = c->tar;
				else {
					actor_codes(c, &tt, itar);
					find_agent(c, itar, &tt);
				}
				if ((rc = put_event(c, ecode1, p, proot, verb, &ts, &tt)) < 0)
					return rc;
				if (ctar) {
					int last = 0;
					itar = next_in_compound(c, itar, &last);
					if (itar < 0)
						goto out;
					if (last)
						ctar = 0;
				} else
					more_tar = 0;
			}
			if (csrc) {
				int last = 0;
				isrc = next_in_compound(c, isrc, &last);
				if (isrc < 0)
					goto out;
				if (last)
					csrc = 0;
			} else
				more_src = 0;
		}
	}
out:
	if (!c->regular_src)
		zero(&c->src);
	if (!c->regular_tar)
		zero(&c->tar);
	return rc;
}

/* Are the literals the pattern requires somewhere in the unit? */
static int has_required(const cdr *c, const ev_pat *p)
{
	uint32_t k;
	for (k = 0; k < p->nreq; k++)
		if (c->u->lit_stamp[c->d->reqs[p->req0 + k]] != c->u->stamp)
			return 0;
	return 1;
}

/* Try the patterns of the verb at `index`. */
/* The candidate patterns of an indexed verb, in dictionary order: the
 * lists filed under the literals the unit has, plus the "always" list. */
static int candidates(cdr *c, const ev_root *main, size_t *n)
{
	ev_unit *u = c->u;
	const ent_evdict *d = c->d;
	const uint32_t *kt = d->ktabs + main->ktab;
	size_t k, m = 0, words = (main->npat + 63) / 64;
	if (words > u->candbits_cap) {
		uint64_t *q = ent_realloc(u->candbits, words * sizeof(uint64_t));
		if (!q)
			return ENT_ENOMEM;
		u->candbits = q;
		u->candbits_cap = words;
	}
	if (main->npat > u->cand_cap) {
		uint32_t *q = ent_realloc(u->cand, main->npat * sizeof(uint32_t));
		if (!q)
			return ENT_ENOMEM;
		u->cand = q;
		u->cand_cap = main->npat;
	}
	memset(u->candbits, 0, words * sizeof(uint64_t));
	for (k = 0; k <= u->nulit; k++) {
		uint32_t off, cnt, j;
		if (k == u->nulit)
			off = main->always;
		else
			off = ev_key_find(kt, main->kmask, u->ulits[k]);
		if (!off)
			continue;
		cnt = d->plists[off - 1];
		for (j = 0; j < cnt; j++) {
			uint32_t rank = d->plists[off + j];
			u->candbits[rank >> 6] |= 1ULL << (rank & 63);
		}
	}
	/* in rank (dictionary) order */
	for (k = 0; k < words; k++) {
		uint64_t b = u->candbits[k];
		while (b) {
			int bit = __builtin_ctzll(b);
			u->cand[m++] = d->rankids[main->byrank + k * 64 + (size_t)bit];
			b &= b - 1;
		}
	}
	*n = m;
	return 0;
}

/* Try the patterns of the verb at `index`. */
static int do_verb(cdr *c, int index)
{
	const ev_word *w = &c->u->w[index];
	const ev_root *r = &c->d->roots[w->root - 1];
	const ev_root *main = r->main ? &c->d->roots[r->main - 1] : r;
	size_t old = c->u->nev, ncand = 0, ci = 0;
	int gotpat = 0, gotalt = 0, maxlen = 0, rc;
	uint32_t p, last_rank = 0;

	zero(&c->tar);
	if (c->passive) {
		zero(&c->src);
		c->passive = 0;
	}
	if (main->indexed) {
		if ((rc = candidates(c, main, &ncand)) < 0)
			return rc;
		p = ncand ? c->u->cand[0] + 1 : 0;
	} else
		p = main->pat;
	while (p && !gotpat) {
		const ev_pat *pat = &c->d->pats[p - 1];
		int make = 0;
		/* the next pattern to try */
		if (main->indexed)
			p = ++ci < ncand ? c->u->cand[ci] + 1 : 0;
		else
			p = pat->next;
		if (gotalt && pat->length <= maxlen) {
			gotpat = 1;
			break;
		}
		last_rank = pat->rank;
		c->isrc = c->itar = c->icomp = -1;
		if (!has_required(c, pat) || !check_pattern(c, pat, index, EV_W_VERB))
			continue;
		if (c->lenalt) {
			gotalt = 1;
			if (pat->length + c->lenalt > maxlen) {
				make = 1;
				maxlen = pat->length - pat->maxalt + c->lenalt;
			}
		} else {
			gotalt = 0;
			gotpat = 1;
			make = 1;
		}
		if (!make)
			continue;
		if (c->isrc >= 0) {
			actor_codes(c, &c->src, c->isrc);
			find_agent(c, c->isrc, &c->src);
		}
		if (c->itar >= 0) {
			actor_codes(c, &c->tar, c->itar);
			find_agent(c, c->itar, &c->tar);
		}
		if (c->icomp >= 0) {
			actor_codes(c, &c->src, c->icomp);
			actor_codes(c, &c->tar, c->icomp);
		}
		c->u->nev = old;
		if ((rc = make_event(c, pat->code, pat, NULL, index)) < 0)
			return rc;
	}
	/* an indexed verb skipped the patterns that could not match; one of
	 * them would still have ended the search after an alternatives match */
	if (main->indexed && gotalt && !gotpat && last_rank + 1 < main->npat &&
	    main->last_len <= maxlen)
		gotpat = 1;
	if (!gotpat && main->code) {
		c->isrc = c->itar = c->icomp = -1;
		if ((rc = make_event(c, main->code, NULL, main, index)) < 0)
			return rc;
	}
	return 0;
}

static int clause_bounds(cdr *c)
{
	ev_unit *u = c->u;
	int last = (int)u->nw - 1;
	if (!u->has_clauses) {
		if (c->iend >= 0)
			return 0;
		c->istart = 0;
		c->iend = last;
		return 1;
	}
	if (c->iend >= 0) {
		c->istart = c->iend + 1;
		while (c->istart <= last && !ev_has_head(u, (size_t)c->istart, EV_T_CLAUSE))
			c->istart++;
		if (c->istart > last)
			return 0;
	} else
		c->istart = 0;
	c->iend = c->istart;
	while (c->iend < last && !ev_has_tail(u, (size_t)c->iend, EV_T_CLAUSE))
		c->iend++;
	return 1;
}

static int check_verbs(cdr *c)
{
	ev_unit *u = c->u;
	long start_event = -1;
	int rc;

	zero(&c->src);
	c->passive = 0;
	c->istart = 0;
	c->iend = -1;
	while (clause_bounds(c)) {
		size_t index;
		int got = 0;
		if (c->iend - c->istart < 2 &&
		    (u->compat || u->w[c->istart].csrc < 0))
			continue;
		if (c->istart && ev_has_head(u, (size_t)c->istart, EV_W_ACTOR))
			actor_codes(c, &c->src, c->istart);
		else if (!u->compat && u->w[c->istart].csrc >= 0)
			actor_codes(c, &c->src, u->w[c->istart].csrc);
		else if (!u->compat) {
			/* ours: a clause's subject is its own, or the one the clause
			 * rules of ours.c gave it (csrc), never a leftover */
			zero(&c->src);
			c->regular_src = 0;
		}
		zero(&c->tar);
		index = (size_t)c->istart;
		if (u->opt.code_mode == ENT_CODE_BY_CLAUSE)
			start_event = (long)u->nev - 1;
		while ((long)index <= c->iend) {
			if (ev_skip_segment(u, &index, EV_T_SUBORD))
				continue;
			if (index >= u->nw)
				break;
			if (ev_has_head(u, index, EV_W_VERB) && u->w[index].root &&
			    !u->w[index].nominal) {
				size_t k;
				if ((rc = do_verb(c, (int)index)) < 0)
					return rc;
				if (u->opt.code_mode != ENT_CODE_ALL) {
					for (k = (size_t)(start_event + 1); k < u->nev; k++)
						if (u->ev[k].isevt && !u->ev[k].sub) {
							got = 1;
							if (u->opt.code_mode == ENT_CODE_BY_SENTENCE)
								return 0;
							break;
						}
				}
			}
			if (got)
				break;
			index++;
		}
	}
	return 0;
}

/* Applies a matched time code: discard the sentence, mark it complex, or
 * shift its date by the code's days. */
static void apply_time_code(ev_unit *u, const ev_tcode *t)
{
	if (t->special == EV_S_DISCARD)
		u->discard = 1;
	else if (t->special == EV_S_COMPLEX)
		u->complex = 1;
	else {
		u->date += t->days;
		u->shift_days = t->days;
	}
}

/* <TIME>: the first time phrase (or pattern) shifts the date. */
static int check_time(cdr *c)
{
	ev_unit *u = c->u;
	size_t i;
	c->istart = 0;
	c->iend = (int)u->nw - 1;
	for (i = 0; i < u->nw; i++) {
		const ev_root *r;
		uint32_t p;
		if (!ev_has_head(u, i, EV_W_TIME) || !u->w[i].root)
			continue;
		r = &c->d->roots[u->w[i].root - 1];
		for (p = r->pat; p; p = c->d->pats[p - 1].next) {
			const ev_pat *pat = &c->d->pats[p - 1];
			if (!check_pattern(c, pat, (int)i, EV_W_TIME) || !pat->code)
				continue;
			{
				const ev_tcode *t = &c->d->tcodes[pat->code - 1];
				if (t->special == EV_S_NULL)
					continue;
				apply_time_code(u, t);
				return 0;
			}
		}
		if (r->code) {
			const ev_tcode *t = &c->d->tcodes[r->code - 1];
			if (t->special != EV_S_NULL) {
				apply_time_code(u, t);
				return 0;
			}
			while (i < u->nw && !ev_has_tail(u, i, EV_W_TIME))
				i++;
		}
	}
	return 0;
}

static int special_code(const char *s)
{
	return !s || strcmp(s, "---") == 0 || strcmp(s, "+++") == 0 ||
	       strcmp(s, "###") == 0 || strcmp(s, "***") == 0 || !*s;
}

static int same_actor_event(const ev_unit *u, const ev_evt *e)
{
	if (special_code(e->src.actor) || special_code(e->tar.actor))
		return 1;
	if (u->opt.same_actors)
		return 0;
	return streq(e->src.actor, e->tar.actor) && streq(e->src.agent, e->tar.agent);
}

static int dup_event(const ev_evt *a, const ev_evt *b)
{
	return streq(a->src.actor, b->src.actor) && streq(a->src.agent, b->src.agent) &&
	       streq(a->tar.actor, b->tar.actor) && streq(a->tar.agent, b->tar.agent) &&
	       a->code == b->code;
}

/* Resolve null, discard, complex, subordinate and dominant codes; expand
 * coded compounds; drop duplicates and self-events. */
static int evaluate(cdr *c)
{
	ev_unit *u = c->u;
	size_t k, n = 0;
	int nonsub = 0, dom = 0;
	ev_evt *out = NULL;
	size_t cap = 0, nout = 0;

	for (k = 0; k < u->nev; k++) {
		ev_evt *e = &u->ev[k];
		if (e->code == EV_S_NULL) {
			e->isevt = 0;
			e->sub = 1;
		}
		if (e->code == EV_S_DISCARD) {
			u->discard = 1;
			u->problem = "discard code in a verb pattern";
			u->nev = 0;
			return 0;
		}
		if (e->code == EV_S_COMPLEX || streq(e->src.actor, "+++") ||
		    streq(e->tar.actor, "+++")) {
			u->complex = 1;
			u->problem = "complex code in a verb pattern";
			u->nev = 0;
			return 0;
		}
		if (e->dom) {
			dom = 1;
			nonsub = 1;
			break;
		}
		if (!nonsub && !e->sub)
			nonsub = 1;
	}
	for (k = 0; k < u->nev; k++) {
		ev_evt *e = &u->ev[k];
		if (dom ? !e->dom : (nonsub && e->sub))
			e->isevt = 0;
	}
	for (k = 0; k < u->nev; k++)
		if (u->ev[k].isevt)
			u->ev[n++] = u->ev[k];
	u->nev = n;
	/* coded compounds: one event per part */
	for (k = 0; k < u->nev; k++) {
		const ev_evt *e = &u->ev[k];
		uint32_t si, ti, sn = e->src.parts ? e->src.nparts : 1,
		                 tn = e->tar.parts ? e->tar.nparts : 1;
		for (si = 0; si < sn; si++)
			for (ti = 0; ti < tn; ti++) {
				ev_evt x = *e;
				size_t j;
				int dup = 0;
				if (e->src.parts) {
					x.src.actor = ev_str(c->d, e->src.parts[si].actor);
					x.src.agent = e->src.parts[si].agent
					                  ? ev_str(c->d, e->src.parts[si].agent) : NULL;
					x.src.parts = NULL;
				}
				if (e->tar.parts) {
					x.tar.actor = ev_str(c->d, e->tar.parts[ti].actor);
					x.tar.agent = e->tar.parts[ti].agent
					                  ? ev_str(c->d, e->tar.parts[ti].agent) : NULL;
					x.tar.parts = NULL;
				}
				if (same_actor_event(u, &x))
					continue;
				for (j = 0; j < nout; j++)
					if (dup_event(&out[j], &x)) {
						dup = 1;
						break;
					}
				if (dup)
					continue;
				if (ent_grow((void **)&out, &cap, nout + 1, sizeof(ev_evt)) < 0) {
					ent_free(out);
					return ENT_ENOMEM;
				}
				out[nout++] = x;
			}
	}
	if (nout > u->ev_cap) {
		ev_evt *q = ent_realloc(u->ev, nout * sizeof(ev_evt));
		if (!q) {
			ent_free(out);
			return ENT_ENOMEM;
		}
		u->ev = q;
		u->ev_cap = nout;
	}
	if (nout)
		memcpy(u->ev, out, nout * sizeof(ev_evt));
	u->nev = nout;
	ent_free(out);
	if (!nout && !u->problem)
		u->problem = "no valid events";
	return 0;
}

int ev_unit_code(ev_unit *u)
{
	cdr c;
	int rc;

	memset(&c, 0, sizeof c);
	c.u = u;
	c.d = u->d;
	zero(&c.src);
	zero(&c.tar);
	u->nev = 0;
	u->shift_days = 0;
	if (u->problem)
		return 0;
	if (u->d->has_time && u->opt.time_shift != 0 &&
	    (u->compat || u->date == u->base_date)) {
		if ((rc = check_time(&c)) < 0)
			return rc;
		if (u->discard) {
			u->problem = "discard code in a time phrase";
			return 0;
		}
		if (u->complex) {
			u->problem = "complex code in a time phrase";
			return 0;
		}
	}
	if ((rc = check_verbs(&c)) < 0)
		return rc;
	if (u->nev == 0)
		u->problem = "no events found";
	else if ((rc = evaluate(&c)) < 0)
		return rc;
	if (!u->compat && !u->discard && !u->complex &&
	    ((rc = ev_ours_events(u)) < 0 || (rc = ev_ours_signals(u)) < 0))
		return rc;
	ev_unit_flags(u);
	return 0;
}

/* For a nominal trigger (ours.c): the code of the first of its root's
 * patterns (dictionary order, longest first) that matches around word
 * `index` ("- HUMANITARIAN_ * [073]" for "humanitarian aid", "- * WITH_ +
 * [062]" for "drills with Japan"), else the root's own code; 0 for none.
 * The actors are placed by the nominal rules, not by the pattern. */
uint32_t ev_nominal_code(ev_unit *u, int index)
{
	cdr c;
	const ev_word *w = &u->w[index];
	const ev_root *r = &u->d->roots[w->root - 1];
	const ev_root *main = r->main ? &u->d->roots[r->main - 1] : r;
	uint32_t p;
	size_t ncand = 0, ci = 0;

	memset(&c, 0, sizeof c);
	c.u = u;
	c.d = u->d;
	zero(&c.src);
	zero(&c.tar);
	c.istart = (int)index;
	while (c.istart > 0 && !ev_has_head(u, (size_t)c.istart, EV_T_CLAUSE))
		c.istart--;
	c.iend = (int)index;
	while ((size_t)c.iend + 1 < u->nw && !ev_has_tail(u, (size_t)c.iend, EV_T_CLAUSE))
		c.iend++;
	if (main->indexed) {
		if (candidates(&c, main, &ncand) < 0)
			return main->code;
		p = ncand ? u->cand[0] + 1 : 0;
	} else
		p = main->pat;
	while (p) {
		const ev_pat *pat = &u->d->pats[p - 1];
		if (main->indexed)
			p = ++ci < ncand ? u->cand[ci] + 1 : 0;
		else
			p = pat->next;
		c.isrc = c.itar = c.icomp = -1;
		if (!has_required(&c, pat) || !check_pattern(&c, pat, index, EV_W_VERB))
			continue;
		return pat->code;
	}
	return main->code;
}
