/*
 * resolve.c - from dictionary matches to actor records: compound noun
 * phrases, metonyms, references and context.  The rules, in the order they
 * apply (docs/dictionaries.md, "How a phrase becomes an actor"):
 *
 * 1. Compounds.  Adjacent matches join into one noun phrase when they fit
 *    the pattern  [state] ['s] [modifier]* [agent]* [first names] [person]
 *    or  [agent]+ of [the] [state]:  "North Korean leader Kim Jong-un",
 *    "Russian Defense Minister Sergei Shoygu", "Iran's Revolutionary
 *    Guards", "the foreign minister of Japan".  A phrase holds at most one
 *    state and one person.
 * 2. The code of a compound: a person in office on the date gives his
 *    dated code whole (RUSMIL for Shoigu until 2024-05-12); "former" or
 *    "ex-" makes any person or role an elite (ELI); otherwise the state's
 *    root plus the first agent's role (RUS + MIL); a person out of office
 *    is his nationality plus the role the text gives him, if any.
 *    International organisations keep their own code.
 * 3. Metonyms.  A capital or seat of power ("Pyongyang", "the Kremlin")
 *    stands for its government unless a locative word comes first ("in
 *    Moscow", "visited Beijing"), or it follows such a place in a list.
 * 4. References.  he/his/him/she/her -> the last person; "the two
 *    countries", "both sides" -> the last two states named; "the two
 *    leaders" -> the last two persons; "the country" -> the last state;
 *    "the government", "the regime" -> its government.
 * 5. Context.  A role with no state ("the foreign ministry said") takes the
 *    one state named in this or the previous sentence, or failing that the
 *    one state of the document so far; otherwise it stays country-less.
 */
#include "actors/recog.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <string.h>

enum {
	P_NONE = 0,
	P_STATE,      /* an actor with a country root */
	P_IGO,        /* IGO / NGO / IMG / MNC ... roots */
	P_GROUP,      /* role-only or unknown root */
	P_PERSON,     /* a person entry */
	P_AGENT,
	P_PLACE,      /* a place without a government code */
	P_METO,       /* a capital or seat with a code */
	P_REF,
	P_GPLACE,     /* glossary: place */
	P_GACTOR,     /* glossary: actor */
	P_GTERM       /* glossary: term or topic */
};

typedef struct {
	int type;
	const ent_match *m;
	const ent_entry *e;
	const char *code;   /* code on the date ("" none) */
	int dated;          /* a dated restriction gave it (in office) */
	uint32_t line;      /* the deciding line */
	int person;         /* names a person (persons, person agents) */
} part;

/* ---- small helpers ---------------------------------------------------------- */

static const char *const nonstate_roots[] = {
	"IGO", "NGO", "IMG", "MNC", "UIS", "NGM", NULL
};

static int nonstate_root(const char *code)
{
	size_t i;
	if (!code[0] || !code[1] || !code[2])
		return 0;
	for (i = 0; nonstate_roots[i]; i++)
		if (code[0] == nonstate_roots[i][0] && code[1] == nonstate_roots[i][1] &&
		    code[2] == nonstate_roots[i][2])
			return 1;
	return 0;
}

/* The state of a code's root and its COW code on the date (cached per
 * recogniser and date), or -1. */
static int code_state_cow(ent_actors *a, const char *code, int *cow)
{
	char root[4];
	uint32_t key;
	size_t slot;
	int st;
	if (cow)
		*cow = -1;
	if (!a->st || !code[0] || !code[1] || !code[2] || nonstate_root(code))
		return -1;
	if (!(code[0] >= 'A' && code[0] <= 'Z'))
		return -1;
	key = ((uint32_t)(unsigned char)code[0] << 16) |
	      ((uint32_t)(unsigned char)code[1] << 8) | (unsigned char)code[2];
	slot = (key * 2654435761u) >> 24;
	if (a->rootcache[slot].key == key && a->rootcache[slot].date == a->date) {
		if (cow)
			*cow = a->rootcache[slot].cow;
		return a->rootcache[slot].state;
	}
	memcpy(root, code, 3);
	root[3] = '\0';
	st = ent_states_lookup(a->st, root);
	{
		int c = st >= 0 ? ent_states_cow(a->st, (size_t)st, a->date) : -1;
		a->rootcache[slot].key = key;
		a->rootcache[slot].state = st;
		a->rootcache[slot].cow = c;
		a->rootcache[slot].date = a->date;
		if (cow)
			*cow = c;
	}
	return st;
}

static int code_state(ent_actors *a, const char *code)
{
	return code_state_cow(a, code, NULL);
}

static int entry_dated(const ent_dict *d, const ent_entry *e, ent_date date)
{
	uint32_t i;
	if (date == ENT_DATE_NONE)
		return 0;
	for (i = 0; i < e->nrestr; i++) {
		const ent_restr *r = &d->restr[e->restr + i];
		if ((r->from == ENT_DATE_NONE || date >= r->from) &&
		    (r->until == ENT_DATE_NONE || date <= r->until))
			return 1;
	}
	return 0;
}

static char *adup(ent_actors *a, const char *s, size_t n)
{
	return ent_arena_strndup(&a->arena, s, n);
}

static int word_is(const ent_actors *a, size_t i, uint32_t id)
{
	return i < a->nu && id != ENT_UNIT_NONE && a->u[i].id == id;
}

static int in_list(uint32_t id, const uint32_t *l, size_t n)
{
	size_t i;
	if (id == ENT_UNIT_NONE)
		return 0;
	for (i = 0; i < n; i++)
		if (l[i] == id)
			return 1;
	return 0;
}

static void classify(ent_actors *a, const ent_match *m, part *p)
{
	const ent_dict *d = a->d;
	const ent_entry *e = &d->entries[m->entry];
	uint32_t off;
	memset(p, 0, sizeof *p);
	p->m = m;
	p->e = e;
	switch (e->type) {
	case ENT_E_ACTOR:
		off = ent_entry_code(d, e, a->date, &p->line);
		p->code = ent_dict_cstr(d, off);
		p->dated = entry_dated(d, e, a->date);
		if ((e->what == ENT_W_PERSON && (e->nrestr > 0 || !nonstate_root(p->code))) ||
		    (e->what == ENT_W_AUTO && e->nrestr > 0)) {
			p->type = P_PERSON;
			p->person = 1;
		} else if (!p->code[0]) {
			p->type = P_NONE;
		} else if (nonstate_root(p->code)) {
			/* an organisation, or an office of one ("UN Secretary-General") */
			p->type = P_IGO;
			p->person = e->what == ENT_W_PERSON;
		} else if (code_state(a, p->code) >= 0) {
			p->type = P_STATE;
		} else {
			p->type = P_GROUP;
		}
		if (p->type == P_PERSON && !p->code[0])
			p->type = P_NONE;
		break;
	case ENT_E_AGENT:
		p->type = P_AGENT;
		p->code = ent_dict_cstr(d, e->dflt);
		p->line = e->line;
		p->person = e->what == ENT_W_PERSON;
		break;
	case ENT_E_PLACE:
		p->code = ent_dict_cstr(d, e->dflt);
		p->type = p->code[0] ? P_METO : P_PLACE;
		p->line = e->line;
		break;
	case ENT_E_GLOSS: {
		const ent_glossrow *g = &d->gloss[e->extra];
		const char *k = ent_dict_cstr(d, g->kind);
		p->line = e->line;
		p->code = ent_dict_cstr(d, g->country);
		if (strcmp(k, "place") == 0)
			p->type = P_GPLACE;
		else if (strcmp(k, "actor") == 0 && p->code[0])
			p->type = P_GACTOR;
		else
			p->type = P_GTERM;
		break;
	}
	case ENT_E_REF:
		p->type = P_REF;
		break;
	default:
		p->type = P_NONE;
	}
}

/* dst = a (first na bytes, na < 0: all) + b, within cap (64) */
static void cat2(char *dst, size_t cap, const char *a, long na, const char *b)
{
	size_t k = 0, i;
	for (i = 0; a[i] && (na < 0 || (long)i < na) && k + 1 < cap; i++)
		dst[k++] = a[i];
	for (i = 0; b[i] && k + 1 < cap; i++)
		dst[k++] = b[i];
	dst[k] = '\0';
}

/* ---- records -------------------------------------------------------------- */

static ent_actor *new_rec(ent_actors *a, size_t sentence, size_t us, size_t ue)
{
	ent_actor *r;
	if (ENT_GROW(a->rec, a->nrec, a->reccap) < 0)
		return NULL;
	r = &a->rec[a->nrec++];
	memset(r, 0, sizeof *r);
	r->sentence = sentence;
	r->text_start = a->u[us].start;
	r->text_end = a->u[ue - 1].end;
	r->start = ent_doc_orig_start(a->doc, r->text_start);
	r->end = ent_doc_orig_end(a->doc, r->text_end);
	r->state = -1;
	r->cow = -1;
	r->ref = -1;
	return r;
}

/* Fill code, country, state and COW from a code string. */
static int set_code(ent_actors *a, ent_actor *r, const char *code, size_t n)
{
	int s;
	r->code = adup(a, code, n);
	if (!r->code)
		return ENT_ENOMEM;
	s = code_state_cow(a, r->code, &r->cow);
	r->state = s;
	if (s >= 0)
		r->country = ent_states_iso3(a->st, (size_t)s); else if (!nonstate_root(r->code) && strlen(r->code) >= 3 && a->st == NULL) {
		r->country = adup(a, r->code, 3);
	}
	return 0;
}

static int add_place(ent_actors *a, size_t sentence, const ent_match *m,
                     uint32_t place, int actor, int glossary, uint32_t line,
                     uint32_t file)
{
	const ent_dict *d = a->d;
	const ent_placerow *pr = &d->places[place];
	ent_place *p;
	if (ENT_GROW(a->pl, a->npl, a->plcap) < 0)
		return ENT_ENOMEM;
	p = &a->pl[a->npl++];
	memset(p, 0, sizeof *p);
	p->sentence = sentence;
	p->text_start = a->u[m->ustart].start;
	p->text_end = a->u[m->uend - 1].end;
	p->start = ent_doc_orig_start(a->doc, p->text_start);
	p->end = ent_doc_orig_end(a->doc, p->text_end);
	p->name = ent_dict_cstr(d, pr->name);
	p->kind = ent_dict_cstr(d, pr->kind);
	p->country = pr->country ? ent_dict_cstr(d, pr->country) : NULL;
	p->lat = pr->lat;
	p->lon = pr->lon;
	p->actor = actor;
	p->glossary = glossary;
	p->via_file = d->files[file];
	p->via_line = (long)line;
	return 0;
}

static int add_term(ent_actors *a, size_t sentence, const ent_match *m,
                    const ent_glossrow *g)
{
	const ent_dict *d = a->d;
	ent_term *t;
	if (ENT_GROW(a->tm, a->ntm, a->tmcap) < 0)
		return ENT_ENOMEM;
	t = &a->tm[a->ntm++];
	memset(t, 0, sizeof *t);
	t->sentence = sentence;
	t->text_start = a->u[m->ustart].start;
	t->text_end = a->u[m->uend - 1].end;
	t->start = ent_doc_orig_start(a->doc, t->text_start);
	t->end = ent_doc_orig_end(a->doc, t->text_end);
	t->meaning = ent_dict_cstr(d, g->meaning);
	t->kind = ent_dict_cstr(d, g->kind);
	t->via_file = d->files[g->file];
	t->via_line = (long)g->line;
	return 0;
}

/* ---- reference history ----------------------------------------------------- */

/* Distinct states named so far, most recent last: indices of records. */
static size_t recent_states(const ent_actors *a, size_t before, long *out, size_t max)
{
	size_t n = 0, i = before;
	while (i-- > 0 && n < max) {
		const ent_actor *r = &a->rec[i];
		size_t k;
		if (!r->country || r->via == ENT_VIA_PLURAL)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(a->rec[out[k]].country, r->country) == 0)
				break;
		if (k == n)
			out[n++] = (long)i;
	}
	return n;
}

static size_t recent_persons(const ent_actors *a, size_t before, long *out, size_t max)
{
	size_t n = 0, i = before;
	while (i-- > 0 && n < max) {
		const ent_actor *r = &a->rec[i];
		size_t k;
		if (r->kind != ENT_ACTOR_PERSON || r->via == ENT_VIA_PRONOUN ||
		    r->via == ENT_VIA_PLURAL)
			continue;
		for (k = 0; k < n; k++) {
			const ent_actor *q = &a->rec[out[k]];
			if (strcmp(q->code, r->code) == 0 &&
			    q->text_end - q->text_start == r->text_end - r->text_start &&
			    memcmp(a->text + q->text_start, a->text + r->text_start,
			           r->text_end - r->text_start) == 0)
				break;
		}
		if (k == n)
			out[n++] = (long)i;
	}
	return n;
}

/* The one state of the context (this and the previous sentence, else the
 * document so far), or -1 when there is none or several. */
/* The one state named in sentence s (records before `before`): its record,
 * -1 when none, -2 when several. */
static long one_state_in(const ent_actors *a, size_t s, size_t before)
{
	size_t i = before;
	long found = -1;
	while (i-- > 0) {
		const ent_actor *r = &a->rec[i];
		if (r->sentence < s)
			break;
		if (r->sentence > s || !r->country)
			continue;
		if (found >= 0 && strcmp(a->rec[found].country, r->country) != 0)
			return -2;
		found = (long)i;
	}
	return found;
}

static long context_state(const ent_actors *a, size_t sentence)
{
	long idx[2], c;
	size_t n;
	c = one_state_in(a, sentence, a->nrec);
	if (c != -1)
		return c >= 0 ? c : -1;
	if (sentence > 0) {
		c = one_state_in(a, sentence - 1, a->nrec);
		if (c != -1)
			return c >= 0 ? c : -1;
	}
	n = recent_states(a, a->nrec, idx, 2);
	return n == 1 ? idx[0] : -1;
}

/* Does one of the cue sequences (n, ids..., 0-terminated) occur in the
 * document? */
static int cue_in_doc(const ent_actors *a, const uint32_t *cues)
{
	size_t w = 0;
	while (cues[w]) {
		uint32_t n = cues[w];
		if (ent_recog_has_seq(a, 0, a->nu, cues + w + 1, n))
			return 1;
		w += 1 + n;
	}
	return 0;
}

static int emit_ref(ent_actors *a, size_t sentence, const part *p)
{
	const ent_entry *e = p->e;
	const ent_match *m = p->m;
	long idx[4];
	size_t n, k;
	ent_actor *r;
	int rc;
	switch (e->extra) {
	case ENT_REF_PRONOUN:
		n = recent_persons(a, a->nrec, idx, 1);
		if (!n)
			return 0;
		r = new_rec(a, sentence, m->ustart, m->uend);
		if (!r)
			return ENT_ENOMEM;
		{
			const ent_actor *t = &a->rec[idx[0]];
			r->code = t->code;
			r->country = t->country;
			r->state = t->state;
			r->cow = t->cow;
			r->kind = ENT_ACTOR_PERSON;
			r->via = ENT_VIA_PRONOUN;
			r->ref = t->ref >= 0 ? t->ref : idx[0];
		}
		return 0;
	case ENT_REF_STATES:
	case ENT_REF_PERSONS:
		n = e->extra == ENT_REF_STATES ? recent_states(a, a->nrec, idx, e->refn)
		                               : recent_persons(a, a->nrec, idx, e->refn);
		if (n < e->refn)
			return 0;
		/* one record per referent, in the order they were named */
		for (k = n; k-- > 0;) {
			const ent_actor *t = &a->rec[idx[k]];
			r = new_rec(a, sentence, m->ustart, m->uend);
			if (!r)
				return ENT_ENOMEM;
			t = &a->rec[idx[k]];
			if (e->extra == ENT_REF_STATES) {
				if ((rc = set_code(a, r, t->country, 3)) < 0)
					return rc;
				r->kind = ENT_ACTOR_STATE;
			} else {
				r->code = t->code;
				r->country = t->country;
				r->state = t->state;
				r->cow = t->cow;
				r->kind = ENT_ACTOR_PERSON;
			}
			r->via = ENT_VIA_PLURAL;
			r->ref = idx[k];
		}
		return 0;
	case ENT_REF_KOREAS: {
		static const char *const two[2] = {"PRK", "KOR"};
		for (k = 0; k < 2; k++) {
			r = new_rec(a, sentence, m->ustart, m->uend);
			if (!r)
				return ENT_ENOMEM;
			if ((rc = set_code(a, r, two[k], 3)) < 0)
				return rc;
			r->kind = ENT_ACTOR_STATE;
			r->via = ENT_VIA_PLURAL;
		}
		return 0;
	}
	case ENT_REF_NORTH:
	case ENT_REF_SOUTH:
		r = new_rec(a, sentence, m->ustart, m->uend);
		if (!r)
			return ENT_ENOMEM;
		if ((rc = set_code(a, r, e->extra == ENT_REF_NORTH ? "PRK" : "KOR", 3)) < 0)
			return rc;
		r->kind = ENT_ACTOR_STATE;
		r->via = ENT_VIA_CONTEXT;
		return 0;
	case ENT_REF_KOREA: {
		/* "Korea" alone: South Korea, unless the document names only
		   the North; nothing when it names both */
		int north = cue_in_doc(a, a->d->w.north), south = cue_in_doc(a, a->d->w.south);
		if (north && south)
			return 0;
		r = new_rec(a, sentence, m->ustart, m->uend);
		if (!r)
			return ENT_ENOMEM;
		if ((rc = set_code(a, r, north ? "PRK" : "KOR", 3)) < 0)
			return rc;
		r->kind = ENT_ACTOR_STATE;
		r->via = ENT_VIA_CONTEXT;
		return 0;
	}
	case ENT_REF_COUNTRY:
	case ENT_REF_GOVERNMENT: {
		long c = context_state(a, sentence);
		if (c < 0)
			n = recent_states(a, a->nrec, idx, 1), c = n ? idx[0] : -1;
		if (c < 0)
			return 0;
		r = new_rec(a, sentence, m->ustart, m->uend);
		if (!r)
			return ENT_ENOMEM;
		{
			char code[8];
			const char *ctry = a->rec[c].country;
			cat2(code, sizeof code, ctry, 3,
			     e->extra == ENT_REF_GOVERNMENT ? "GOV" : "");
			if ((rc = set_code(a, r, code, strlen(code))) < 0)
				return rc;
		}
		r->kind = ENT_ACTOR_STATE;
		r->via = ENT_VIA_CONTEXT;
		r->ref = c;
		return 0;
	}
	default:
		return 0;
	}
}

/* ---- compounds ------------------------------------------------------------ */

enum { GAP_NONE, GAP_S, GAP_OF, GAP_IN, GAP_MOD, GAP_NAMES, GAP_BREAK };

/* Classify the units between two matches; *former is set when a
 * modifier "former"/"ex" is among them. */
static int gap(const ent_actors *a, size_t from, size_t to, int *former)
{
	const ent_dict *d = a->d;
	size_t i, names = 0, mods = 0;
	if (from == to)
		return GAP_NONE;
	if (to == from + 1 && word_is(a, from, d->w.s))
		return GAP_S;
	if (word_is(a, from, d->w.of) &&
	    (to == from + 1 || (to == from + 2 && word_is(a, from + 1, d->w.the))))
		return GAP_OF;
	if (to == from + 1 && word_is(a, from, d->w.in))
		return GAP_IN; /* "officials in Seoul" */
	for (i = from; i < to; i++) {
		const ent_unit *u = &a->u[i];
		if (in_list(u->id, d->w.modifiers, d->w.nmodifiers)) {
			mods++;
			if (u->id == d->w.former || u->id == d->w.ex)
				*former = 1;
			continue;
		}
		if ((u->flags & ENT_U_LETTERS) && (u->flags & ENT_U_CAP) && names < 3) {
			names++;
			continue;
		}
		if (u->flags & ENT_U_ELIDED)
			continue;
		return GAP_BREAK;
	}
	if (names)
		return mods ? GAP_BREAK : GAP_NAMES;
	return GAP_MOD;
}

typedef struct {
	size_t first, last;     /* parts [first, last] */
	long state;             /* the state/IGO/metonym part, -1 */
	long person;
	long agent;             /* the first agent, -1 */
	int nagents;
	int former;
	int person_agent;       /* an agent naming a person */
	size_t ustart;          /* span start (modifiers included) */
} group;

static int state_like(int t)
{
	return t == P_STATE || t == P_IGO || t == P_METO || t == P_GACTOR || t == P_GROUP;
}

/* Can part q join group g across gap type gp? */
static int joins(const ent_actors *a, const group *g, const part *parts, size_t q, int gp)
{
	int t = parts[q].type;
	if (gp == GAP_BREAK)
		return 0;
	if (t == P_AGENT) {
		/* a title after the name, as Korean and Japanese write it
		   ("푸틴 대통령", "プーチン大統領") */
		if (g->person >= 0)
			return (gp == GAP_NONE && parts[q].person && g->nagents == 0) ||
			       gp == GAP_S;
		if (gp == GAP_S)
			return g->state >= 0 && g->nagents == 0;
		return gp == GAP_NONE || gp == GAP_MOD;
	}
	if (t == P_PERSON) {
		if (g->person >= 0)
			return 0;
		if (gp == GAP_S)
			return g->state >= 0 && g->nagents == 0;
		if (gp == GAP_NAMES)
			return g->nagents > 0;
		return gp == GAP_NONE || gp == GAP_MOD;
	}
	if (state_like(t)) {
		/* "the foreign minister of Japan"; a genitive with no "of" in
		   Russian ("МИД России") */
		return g->state < 0 && g->person < 0 && g->nagents > 0 &&
		       (gp == GAP_OF ||
		        (gp == GAP_NONE && (unsigned char)a->text[a->u[parts[q].m->ustart].start] >= 0x80) ||
		        (gp == GAP_IN && t == P_METO));
	}
	return 0;
}

/* Is the place part at q used as a location ("in Moscow")? */
static int locative_before(const ent_actors *a, size_t sentence, size_t ustart)
{
	const ent_dict *d = a->d;
	size_t i = ustart, s0 = a->su[sentence].ustart;
	if (i > s0 && word_is(a, i - 1, d->w.the))
		i--;
	if (i == s0)
		return 0;
	if (in_list(a->u[i - 1].id, d->w.locatives, d->w.nlocatives))
		return 1;
	/* "to" and "from" after a word of motion: "flew to Washington" */
	if ((a->u[i - 1].id == d->w.to || a->u[i - 1].id == d->w.from) && i - 1 > s0)
		return in_list(a->u[i - 2].id, d->w.motions, d->w.nmotions);
	if (a->u[i - 1].id == d->w.on && i - 1 > s0)
		return in_list(a->u[i - 2].id, d->w.on_motions, d->w.non_motions);
	return 0;
}

/* "Seoul, South Korea": a capital followed by a comma and its own state
 * names the place (a dateline or an address), not the government. */
static int dateline(const ent_actors *a, const part *parts, const group *g, size_t np)
{
	const part *S = &parts[g->state], *n;
	size_t at = S->m->uend;
	const ent_placerow *pr;
	if ((size_t)g->last + 1 >= np)
		return 0;
	n = &parts[g->last + 1];
	if (!(at < a->nu && a->u[at].id == a->d->w.comma && n->m->ustart == at + 1))
		return 0;
	if (n->type != P_STATE)
		return 0;
	pr = &a->d->places[S->e->extra];
	return strncmp(n->code, ent_dict_cstr(a->d, pr->country), 3) == 0;
}

static int emit_group(ent_actors *a, size_t sentence, part *parts, const group *g,
                      int place_mode, size_t np)
{
	const ent_dict *d = a->d;
	char code[64];
	const part *P = g->person >= 0 ? &parts[g->person] : NULL;
	const part *S = g->state >= 0 ? &parts[g->state] : NULL;
	const part *A = g->agent >= 0 ? &parts[g->agent] : NULL;
	const part *decisive;
	ent_actor *r;
	int rc, via = ENT_VIA_DICT, kind;
	long ctx_rec = -1;
	size_t ustart = g->ustart, uend = parts[g->last].m->uend;

	/* a lone capital or seat */
	if (S && S->type == P_METO && !P && !A) {
		uint32_t place = S->e->extra;
		if (place_mode || locative_before(a, sentence, parts[g->first].m->ustart) ||
		    dateline(a, parts, g, np))
			return add_place(a, sentence, S->m, place, 0, 0, S->line, S->e->file);
		if ((rc = add_place(a, sentence, S->m, place, 1, 0, S->line, S->e->file)) < 0)
			return rc;
		via = ENT_VIA_METONYM;
	} else if (S && S->type == P_METO) {
		via = ENT_VIA_METONYM;
		if ((rc = add_place(a, sentence, S->m, S->e->extra, 1, 0, S->line, S->e->file)) < 0)
			return rc;
	}

	code[0] = '\0';
	if (P && P->dated && strlen(P->code) > 3 && !g->former) {
		cat2(code, sizeof code, P->code, -1, "");
	} else if (S && (S->type == P_IGO || S->type == P_GROUP) && !(P && P->dated)) {
		cat2(code, sizeof code, S->code, -1, "");
	} else if (P && P->dated && nonstate_root(P->code)) {
		cat2(code, sizeof code, P->code, -1, "");
	} else {
		char root[8] = "";
		const char *role = "";
		if (P)
			cat2(root, sizeof root, P->code, 3, "");
		else if (S)
			cat2(root, sizeof root, S->code, 3, "");
		if (g->former)
			role = "ELI";
		else if (A)
			role = A->code;
		else if (P && strlen(P->code) > 3)
			role = P->code + 3;
		else if (S && strlen(S->code) > 3)
			role = S->code + 3;
		if (!root[0] && A) {
			ctx_rec = context_state(a, sentence);
			if (ctx_rec >= 0 && a->rec[ctx_rec].country) {
				cat2(root, sizeof root, a->rec[ctx_rec].country, 3, "");
				via = ENT_VIA_CONTEXT;
			}
		}
		if (A && A->e->agent_before)
			cat2(code, sizeof code, role, -1, root);
		else
			cat2(code, sizeof code, root, -1, role);
		/* a role code never repeats its root's role ("RUSGOV" + GOV) */
	}
	if (!code[0])
		return 0;
	r = new_rec(a, sentence, ustart, uend);
	if (!r)
		return ENT_ENOMEM;
	if ((rc = set_code(a, r, code, strlen(code))) < 0)
		return rc;
	if (via == ENT_VIA_CONTEXT && r->state < 0 && ctx_rec >= 0) {
		r->country = a->rec[ctx_rec].country;
		r->state = a->rec[ctx_rec].state;
		r->cow = a->rec[ctx_rec].cow;
	}
	if (P || g->person_agent)
		kind = ENT_ACTOR_PERSON;
	else if (S && S->type == P_IGO && strncmp(S->code, "IGO", 3) == 0)
		kind = ENT_ACTOR_IGO;
	else if (r->state >= 0)
		kind = ENT_ACTOR_STATE;
	else
		kind = ENT_ACTOR_GROUP;
	r->kind = (ent_actor_kind)kind;
	r->via = (ent_via)via;
	r->ref = via == ENT_VIA_CONTEXT ? ctx_rec : -1;
	if (S && S->type == P_GACTOR)
		r->meaning = ent_dict_cstr(d, d->gloss[S->e->extra].meaning);
	decisive = P ? P : S ? S : A;
	if (decisive && via != ENT_VIA_CONTEXT) {
		r->via_file = d->files[decisive->e->file];
		r->via_line = (long)decisive->line;
	} else if (decisive) {
		r->via_file = d->files[decisive->e->file];
		r->via_line = (long)decisive->line;
	}
	return 0;
}

/* Modifiers right before a group ("former President ...") */
static size_t modifiers_before(const ent_actors *a, size_t sentence, size_t us,
                               int *former)
{
	const ent_dict *d = a->d;
	size_t s0 = a->su[sentence].ustart;
	while (us > s0 && in_list(a->u[us - 1].id, d->w.modifiers, d->w.nmodifiers)) {
		if (a->u[us - 1].id == d->w.former || a->u[us - 1].id == d->w.ex)
			*former = 1;
		us--;
	}
	return us;
}

int ent_recog_resolve(ent_actors *a, size_t sentence)
{
	const ent_dict *d = a->d;
	part *parts = NULL;
	size_t np = a->nm, i;
	int rc = 0, last_place = 0;
	size_t last_place_end = 0;
	if (!np)
		return 0;
	parts = ent_malloc(np * sizeof *parts);
	if (!parts)
		return ent_err(a->ctx, ENT_ENOMEM, "out of memory");
	for (i = 0; i < np; i++)
		classify(a, &a->m[i], &parts[i]);
	i = 0;
	while (i < np && rc == 0) {
		part *p = &parts[i];
		group g;
		int place_mode = 0;
		switch (p->type) {
		case P_NONE:
			i++;
			continue;
		case P_REF:
			/* "the government of Japan": a role with its state */
			if (p->e->extra == ENT_REF_GOVERNMENT && i + 1 < np &&
			    state_like(parts[i + 1].type) && parts[i + 1].type != P_GROUP &&
			    gap(a, p->m->uend, parts[i + 1].m->ustart, &(int){0}) == GAP_OF) {
				ent_actor *r = new_rec(a, sentence, p->m->ustart, parts[i + 1].m->uend);
				char code[16];
				if (!r) {
					rc = ENT_ENOMEM;
					break;
				}
				cat2(code, sizeof code, parts[i + 1].code, 3, "GOV");
				if (parts[i + 1].type == P_IGO)
					cat2(code, sizeof code, parts[i + 1].code, -1, "");
				rc = set_code(a, r, code, strlen(code));
				r->kind = parts[i + 1].type == P_IGO ? ENT_ACTOR_IGO : ENT_ACTOR_STATE;
				r->via = ENT_VIA_DICT;
				r->via_file = d->files[parts[i + 1].e->file];
				r->via_line = (long)parts[i + 1].line;
				i += 2;
				continue;
			}
			rc = emit_ref(a, sentence, p);
			i++;
			continue;
		case P_PLACE:
			rc = add_place(a, sentence, p->m, p->e->extra, 0, 0, p->line, p->e->file);
			last_place = 1;
			last_place_end = p->m->uend;
			i++;
			continue;
		case P_GPLACE: {
			const ent_glossrow *gr = &d->gloss[p->e->extra];
			if (gr->place >= 0)
				rc = add_place(a, sentence, p->m, (uint32_t)gr->place, 0, 1, gr->line,
				               gr->file);
			else
				rc = add_term(a, sentence, p->m, gr);
			last_place = 1;
			last_place_end = p->m->uend;
			i++;
			continue;
		}
		case P_GTERM:
			rc = add_term(a, sentence, p->m, &d->gloss[p->e->extra]);
			i++;
			continue;
		default:
			break;
		}
		/* a group starts here */
		memset(&g, 0, sizeof g);
		g.first = g.last = i;
		g.state = g.person = g.agent = -1;
		g.ustart = modifiers_before(a, sentence, p->m->ustart, &g.former);
		if (p->type == P_PERSON)
			g.person = (long)i;
		else if (p->type == P_AGENT) {
			g.agent = (long)i;
			g.nagents = 1;
			g.person_agent = p->person;
			/* "former president" is an agent of its own (ELI) */
			if (strcmp(p->code, "ELI") == 0)
				g.former = 1;
		} else {
			g.state = (long)i;
			g.person_agent = p->person;
		}
		while (g.last + 1 < np) {
			size_t q = g.last + 1;
			int former = 0;
			int gp = gap(a, parts[g.last].m->uend, parts[q].m->ustart, &former);
			if (!joins(a, &g, parts, q, gp))
				break;
			if (former)
				g.former = 1;
			if (parts[q].type == P_PERSON)
				g.person = (long)q;
			else if (parts[q].type == P_AGENT) {
				if (g.agent < 0)
					g.agent = (long)q;
				g.nagents++;
				g.person_agent = parts[q].person;
				if (strcmp(parts[q].code, "ELI") == 0)
					g.former = 1;
			} else
				g.state = (long)q;
			g.last = q;
		}
		/* a capital right after a place in a list is a place too:
		   "in Moscow and Beijing" */
		if (p->type == P_METO && g.first == g.last && last_place) {
			size_t k = p->m->ustart;
			if (k > last_place_end && k - last_place_end <= 2) {
				size_t j;
				int list = 1;
				for (j = last_place_end; j < k; j++)
					if (!(a->u[j].id == d->w.and_ || a->u[j].id == d->w.or_ ||
					      a->u[j].id == d->w.comma || a->u[j].id == d->w.the))
						list = 0;
				place_mode = list;
			}
		}
		rc = emit_group(a, sentence, parts, &g, place_mode, np);
		last_place = 0;
		if (a->npl && a->pl[a->npl - 1].sentence == sentence && !a->pl[a->npl - 1].actor &&
		    parts[g.first].type == P_METO && g.first == g.last) {
			last_place = 1;
			last_place_end = parts[g.last].m->uend;
		}
		i = g.last + 1;
	}
	ent_free(parts);
	if (rc == ENT_ENOMEM)
		return ent_err(a->ctx, ENT_ENOMEM, "out of memory");
	return rc;
}
