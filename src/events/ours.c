/*
 * ours.c - entente's additions to the TABARI coder, used outside
 * --compat tabari: relative clauses ("Kim Jong Un, who praised Russia's
 * army, visited Moscow" codes both verbs with Kim as the source),
 * attribution ("the ministry said Russia attacked Ukraine": the reported
 * clause is coded on its own, so the speaker is not its source), passive
 * voice with a "by" agent, nominal events ("Iran's attack on Israel", "the
 * invasion of Ukraine by Russia"), both directions of a symmetric event
 * between coordinated actors ("China and Russia met"), and the event date
 * a sentence states ("on September 13", "last week", "two years ago").
 *
 * The negation and modality flags (ev_unit_flags) apply in both modes: they
 * add information without changing which events are found.
 *
 * Every rule here works on the words, tags and actors the parser and our
 * recogniser have already put on the unit; each is a single left-to-right
 * pass, so a unit of n words costs O(n) per rule (O(n x events) for the
 * flags).  docs/dictionaries.md describes the rules for users.
 */
#include "events/unit.h"
#include "util/alloc.h"
#include "util/date.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Words
 * ------------------------------------------------------------------------ */


/* ------------------------------------------------------------------------
 * Word classes: every list of function words the rules use, looked up once
 * per word (classify) so that a rule asks a bit, not a string compare.
 * ------------------------------------------------------------------------ */

static const char *const relatives[] = {"who", "which", "whose", NULL};
static const char *const speech[] = {
	"said", "says", "say", "told", "tells", "stated", "announced", "added",
	"claimed", "insisted", "confirmed", "reported", "noted", "stressed",
	"argued", "believes", "believed", "thinks", NULL};
static const char *const subordinators[] = {
	"if", "unless", "because", "after", "before", "while", "when",
	"although", "though", "whereas", "since", NULL};
static const char *const determiners[] = {
	"the", "a", "an", "its", "their", "his", "her", "this", "that", "any",
	NULL};
static const char *const light_verbs[] = {
	"launched", "launches", "launch", "carried", "carries", "conducted",
	"conducts", "staged", "stages", "mounted", "mounts",
	"made", "makes", "paid", "pays", "undertook", "undertakes", "unleashed",
	"held", "holds", "announced", "announces", "approved", "approves",
	"issued", "issues", "opened", "opens", "completed", "reached", NULL};
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", NULL};
static const char *const mon3[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec", NULL};
static const char *const wdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL};
static const char *const small[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", NULL};
static const char *const be[] = {
	"was", "were", "is", "are", "been", "being", "be", "got", "gets", NULL};
static const char *const negators[] = {
	"not", "never", "without", "n't", "no", "nor", NULL};
static const char *const neg_verbs[] = {
	"refused", "refuses", "refuse", "refusing", "failed", "fails", "fail",
	"declined", "declines", "decline", NULL};
static const char *const modals[] = {
	"could", "may", "might", "would", "should", "can", "must", NULL};
static const char *const wishes[] = {
	"hopes", "hoped", "hope", "hoping", "wants", "wanted", "want", "plans",
	"planned", "plan", "planning", "intends", "intended", "seeks", "sought",
	"considering", "considers", "considered", "mulls", NULL};
static const char *const conditions[] = {"if", "unless", "whether", NULL};
static const char *const generic[] = {
	"any", "possible", "potential", "future", "eventual", NULL};
static const char *const preps[] = {
	"of", "on", "against", "to", "in", "into", "with", "at", "near", "around",
	"outside", "along", "for", "from", "towards", "toward", "over", NULL};

/* protocol and bargains (ev_ours_signals) */
static const char *const honorifics[] = {
	"comrade", "comrades", "friend", "friends", "brother", "brothers",
	"brotherly", NULL};
static const char *const warmth[] = {
	"warm", "warmly", "lavish", "grand", "rousing", "red-carpet",
	"ceremonial", "honour", "honor", "pomp", NULL};
static const char *const personal[] = {"personally", "airport", NULL};
static const char *const milwords[] = {
	"defence", "defense", "navy", "naval", "military", "army", "generals",
	"commanders", "commander", "marshal", "admiral", NULL};
static const char *const gives_words[] = {
	"weapons", "arms", "missiles", "drones", "tanks", "jets", "artillery",
	"munitions", "ammunition", "shells", "rounds",
	"troops", "soldiers", "workers", "labourers", "laborers",
	"money", "cash", "loans", "dollars", "funds", "payment", "payments",
	"technology", "technologies", "know-how", "satellite", "expertise",
	"oil", "gas", "energy", "fuel", "electricity",
	"food", "grain", "wheat", "rice", "fertiliser", "fertilizer", NULL};
static const char *const gives_cat_names[] = {
	"weapons", "munitions", "troops", "money", "technology", "energy", "food"};
static const unsigned char gives_cat[] = {
	0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
	2, 2, 2, 2, 2,
	3, 3, 3, 3, 3, 3, 3,
	4, 4, 4, 4, 4,
	5, 5, 5, 5, 5,
	6, 6, 6, 6, 6, 6};

enum {
	OC_RELATIVES = 1u << 0,
	OC_SPEECH = 1u << 1,
	OC_SUBORDINATORS = 1u << 2,
	OC_DETERMINERS = 1u << 3,
	OC_LIGHT_VERBS = 1u << 4,
	OC_MONTHS = 1u << 5,
	OC_MON3 = 1u << 6,
	OC_WDAYS = 1u << 7,
	OC_SMALL = 1u << 8,
	OC_BE = 1u << 9,
	OC_PREPS = 1u << 10,
	OC_NEGATORS = 1u << 11,
	OC_NEG_VERBS = 1u << 12,
	OC_MODALS = 1u << 13,
	OC_WISHES = 1u << 14,
	OC_CONDITIONS = 1u << 15,
	OC_GENERIC = 1u << 16,
	OC_HONORIFICS = 1u << 17,
	OC_WARMTH = 1u << 18,
	OC_PERSONAL = 1u << 19,
	OC_MILWORDS = 1u << 20,
	OC_GIVES = 1u << 21,
};

static const char *const *const class_lists[] = {
	relatives, speech, subordinators, determiners, light_verbs, months, mon3,
	wdays, small, be, preps, negators, neg_verbs, modals, wishes, conditions,
	generic, honorifics, warmth, personal, milwords, gives_words};

#define OC_SLOTS 1024
#define OC_MAXLEN 15
typedef struct {
	char w[OC_MAXLEN + 1];
	uint32_t cls;
	uint8_t val;    /* index in months/mon3/wdays/small */
} oc_slot;

static oc_slot oc_table[OC_SLOTS];
static pthread_once_t oc_once = PTHREAD_ONCE_INIT;

static uint32_t oc_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void oc_build(void)
{
	size_t k;
	for (k = 0; k < sizeof class_lists / sizeof class_lists[0]; k++) {
		const char *const *l = class_lists[k];
		int j;
		for (j = 0; l[j]; j++) {
			size_t n = strlen(l[j]);
			uint32_t h = oc_hash(l[j], n) & (OC_SLOTS - 1);
			while (oc_table[h].w[0] && strcmp(oc_table[h].w, l[j]) != 0)
				h = (h + 1) & (OC_SLOTS - 1);
			memcpy(oc_table[h].w, l[j], n + 1);
			oc_table[h].cls |= 1u << k;
			if (l == months || l == mon3 || l == wdays || l == small ||
			    l == gives_words)
				oc_table[h].val = (uint8_t)j;
		}
	}
}

/* Put the classes of every word of the unit on it. */
static void classify(ev_unit *u)
{
	size_t i;
	pthread_once(&oc_once, oc_build);
	for (i = 0; i < u->nw; i++) {
		ev_word *w = &u->w[i];
		const char *f = u->fold + w->fold;
		uint32_t h;
		w->ocls = 0;
		w->oval = 0;
		if (w->flen == 0 || w->flen > OC_MAXLEN)
			continue;
		h = oc_hash(f, w->flen) & (OC_SLOTS - 1);
		while (oc_table[h].w[0]) {
			if (strlen(oc_table[h].w) == w->flen &&
			    memcmp(oc_table[h].w, f, w->flen) == 0) {
				w->ocls = oc_table[h].cls;
				w->oval = oc_table[h].val;
				break;
			}
			h = (h + 1) & (OC_SLOTS - 1);
		}
	}
	u->classified = 1;
}

static int has(const ev_unit *u, size_t i, uint32_t cls)
{
	return i < u->nw && (u->w[i].ocls & cls) != 0;
}

/* The index of word i in a value list (months, mon3, wdays, small), or -1. */
static int oval_of(const ev_unit *u, size_t i, uint32_t cls)
{
	return has(u, i, cls) ? u->w[i].oval : -1;
}

/* Is word i (folded: lower case) exactly the literal s? */
#define IS(u, i, s) is_lit((u), (i), (s), sizeof(s) - 1)
static int is_lit(const ev_unit *u, size_t i, const char *s, size_t n)
{
	return i < u->nw && u->w[i].flen == n && memcmp(u->fold + u->w[i].fold, s, n) == 0;
}

/* Does word i end with the possessive 's (or 's with a typographic
 * apostrophe)? */
static int possessive(const ev_unit *u, size_t i)
{
	const char *f = u->fold + u->w[i].fold;
	size_t n = u->w[i].flen;
	if (n >= 3 && f[n - 1] == 's' && f[n - 2] == '\'')
		return 1;
	return n >= 5 && f[n - 1] == 's' && memcmp(f + n - 4, "\xe2\x80\x99", 3) == 0;
}

static int comma(const ev_unit *u, size_t i)
{
	return i < u->nw && u->w[i].wtype == EV_W_COMMA;
}

/* The first word of the actor placed by our recogniser that ends at word
 * i, or -1. */
static int ext_head_of(const ev_unit *u, size_t i)
{
	if (i >= u->nw || u->w[i].ext < 0 || !u->w[i].ext_tail)
		return -1;
	return (int)u->ext[u->w[i].ext].w0;
}

static int ext_tail_of(const ev_unit *u, size_t i)
{
	if (i >= u->nw || u->w[i].ext < 0)
		return -1;
	return (int)u->ext[u->w[i].ext].w1;
}

static void actor_at(const ev_unit *u, int head, ev_actor *a)
{
	memset(a, 0, sizeof(*a));
	a->ext = u->w[head].ext;
	a->actor = u->ext[a->ext].code;
	a->where = head;
	a->at = head;
	a->root = -1;
}

/* Split the clauses after word i: i ends one, i + 1 starts the next. */
static int split_after(ev_unit *u, size_t i)
{
	int rc;
	if (i + 1 >= u->nw || ev_has_head(u, i + 1, EV_T_CLAUSE))
		return 0;
	if ((rc = ev_tag_add(u, i, 1, EV_T_CLAUSE, 0x7fff)) < 0 ||
	    (rc = ev_tag_add(u, i + 1, 0, EV_T_CLAUSE, 0x7fff)) < 0)
		return rc;
	u->has_clauses = 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Relative clauses and attribution
 * ------------------------------------------------------------------------ */


/* ", who ... ," after an actor: the commas stop being commas (so TABARI's
 * subordinate-clause rule does not drop the clause), and the span is
 * remembered for ev_ours_clauses.  Runs before mark_subordinate. */
int ev_ours_relative(ev_unit *u)
{
	size_t i;
	classify(u);
	u->nrel = 0;
	u->nprompt = 0;
	u->npart = 0;
	for (i = 1; i + 3 < u->nw && u->nprompt < EV_MAX_REL; i++) {
		/* ", prompting X to ...": not a parenthesis to drop (ev_ours_clauses
		 * makes it a clause) */
		static const char *const prompts[] = {
			"prompting", "forcing", "leading", "causing", "pushing",
			"spurring", "provoking", NULL};
		size_t j;
		if (!comma(u, i))
			continue;
		for (j = 0; prompts[j]; j++)
			if (is_lit(u, i + 1, prompts[j], strlen(prompts[j])))
				break;
		if (!prompts[j] || ext_head_of(u, i + 2) < 0)
			continue;
		u->w[i].wtype = EV_W_REL;
		u->prompt[u->nprompt++] = (uint32_t)i;
	}
	u->npart = 0;
	for (i = 1; i + 2 < u->nw && u->npart < EV_MAX_REL; i++) {
		/* ", accusing Panama of ...", ", urging him to ...": a participle
		 * clause whose subject is the sentence's; not a parenthesis */
		static const char *const parts[] = {
			"accusing", "urging", "calling", "warning", "vowing",
			"threatening", "demanding", "condemning", "praising", "pledging",
			"promising", "dismissing", "offering", "rejecting", "blaming",
			"criticising", "criticizing", "denouncing", "thanking", "inviting",
			NULL};
		size_t j;
		if (!comma(u, i))
			continue;
		for (j = 0; parts[j]; j++)
			if (is_lit(u, i + 1, parts[j], strlen(parts[j])))
				break;
		if (!parts[j])
			continue;
		u->w[i].wtype = EV_W_REL;
		u->part[u->npart++] = (uint32_t)i;
	}
	for (i = 1; i + 1 < u->nw && u->nrel < EV_MAX_REL; i++) {
		int ante;
		size_t j;
		if (!comma(u, i) || !has(u, i + 1, OC_RELATIVES))
			continue;
		/* the antecedent: an actor ("Kim Jong Un, who ..."), else none
		 * ("the Damascus strike, which killed ...": the clause is still
		 * its own, with no source from outside it) */
		ante = ext_head_of(u, i - 1);
		for (j = i + 2; j < u->nw && !comma(u, j); j++)
			;
		u->rel[u->nrel].open = (uint32_t)i;
		u->rel[u->nrel].close = (uint32_t)j;
		u->rel[u->nrel].ante = ante;
		u->nrel++;
		u->w[i].wtype = EV_W_REL;
		if (j < u->nw)
			u->w[j].wtype = EV_W_REL;
		i = j;
	}
	return 0;
}





/* Is word i the noun of a light verb ("launched (air and missile)
 * strikes", "carried out a chemical attack")?  The light verb is at most
 * four words before, with no actor or other trigger between. */
static int light_verb_before(const ev_unit *u, size_t i)
{
	size_t b;
	for (b = i; b-- > 0 && b + 5 > i;) {
		if (has(u, b, OC_LIGHT_VERBS))
			return (int)b;
		if (u->w[b].ext >= 0 || (u->w[b].root && u->w[b].wtype == EV_W_VERB))
			return -1;
	}
	return -1;
}

static int after_light_verb(const ev_unit *u, size_t i)
{
	int b = light_verb_before(u, i);
	const char *f;
	size_t n;
	if (b < 0)
		return 0;
	if ((size_t)b + 1 < i)
		return 1;       /* "launched air strikes", "held a summit" */
	/* right after it only a plural noun: "launched strikes" */
	f = u->fold + u->w[i].fold;
	n = u->w[i].flen;
	return n > 3 && f[n - 1] == 's' && f[n - 2] != 's';
}

/* Do the words from `from` on read as a clause of their own: an actor
 * within the first six words, then a trigger after it? */
static int reported_clause(const ev_unit *u, size_t from)
{
	size_t k, n = u->nw;
	for (k = from; k < n && k < from + 6; k++)
		if (u->w[k].ext >= 0 && u->w[k].ext_head)
			break;
	if (k >= n || k >= from + 6)
		return 0;
	for (; k < n && !comma(u, k); k++)
		if (u->w[k].root && u->w[k].wtype == EV_W_VERB)
			return 1;
	return 0;
}

static int subject_before(const ev_unit *u, size_t v);

/* Clause breaks for the relative clauses and after verbs of saying; the
 * words a possessive actor precedes are marked as nominal triggers.  Runs
 * after mark_clauses. */
int ev_ours_clauses(ev_unit *u)
{
	size_t i, k;
	int rc;
	for (k = 0; k < u->nrel; k++) {
		size_t o = u->rel[k].open, c = u->rel[k].close;
		if ((rc = split_after(u, o)) < 0)
			return rc;
		u->w[o + 1].csrc = u->rel[k].ante;
		if (c < u->nw) {
			if ((rc = split_after(u, c)) < 0)
				return rc;
			if (c + 1 < u->nw)
				u->w[c + 1].csrc = u->rel[k].ante;
		}
	}
	{
		/* "..., South Korea's military said.": a closing attribution is a
		 * clause of its own, so its actors are no one's target */
		size_t last = u->nw, j;
		for (j = u->nw; j-- > 1;)
			if (comma(u, j)) {
				last = j;
				break;
			}
		if (last < u->nw && u->nw - last <= 9)
			for (j = last + 1; j < u->nw; j++)
				if (has(u, j, OC_SPEECH) || IS(u, j, "according")) {
					if ((rc = split_after(u, last)) < 0)
						return rc;
					break;
				}
	}
	{
		/* "At the invitation of Xi, Lula visited China", "Speaking in
		 * Riyadh, Trump pledged ...": an opening phrase up to its comma
		 * is a clause of its own, so its actors are not the subject */
		static const char *const openers[] = {
			"at", "in", "on", "after", "before", "during", "following",
			"despite", "amid", "with", "under", "according", "speaking",
			"addressing", "writing", "responding", "asked", "for", NULL};
		size_t j;
		for (j = 0; openers[j]; j++)
			if (is_lit(u, 0, openers[j], strlen(openers[j])))
				break;
		u->opener_end = 0;
		if (openers[j])
			for (i = 1; i < u->nw && i < 14; i++)
				if (comma(u, i)) {
					if ((rc = split_after(u, i)) < 0)
						return rc;
					u->opener_end = i;
					break;
				}
	}
	/* "..., prompting Netanyahu to denounce the move": a clause of its
	 * own whose target, when it names none, is the prompter */
	for (k = 0; k < u->nprompt; k++) {
		size_t c = u->prompt[k];
		int subj = subject_before(u, c);
		if ((rc = split_after(u, c)) < 0)
			return rc;
		u->w[c + 1].ctar = subj;
	}
	for (k = 0; k < u->npart; k++) {
		size_t c = u->part[k];
		int subj = subject_before(u, c);
		if ((rc = split_after(u, c)) < 0)
			return rc;
		u->w[c + 1].csrc = subj;
	}
	/* "... as the United States and South Korea launched ...": "as"
	 * before an actor opens a clause */
	for (i = 2; i + 2 < u->nw; i++)
		if (IS(u, i, "as") && !comma(u, i - 1) &&
		    (u->w[i + 1].ext >= 0 || (IS(u, i + 1, "the") && u->w[i + 2].ext >= 0)) &&
		    (rc = split_after(u, i - 1)) < 0)
			return rc;
	for (i = 2; i + 2 < u->nw; i++)
		if (has(u, i, OC_SUBORDINATORS) && !comma(u, i - 1) &&
		    (rc = split_after(u, i - 1)) < 0)
			return rc;
	for (i = 1; i + 2 < u->nw; i++) {
		size_t at = i;
		if (!has(u, i, OC_SPEECH) || u->w[i].wtype == EV_W_ACTOR)
			continue;
		/* "told reporters that ...": the clause starts after "that" */
		for (k = i + 1; k <= i + 4 && k + 1 < u->nw && !comma(u, k); k++)
			if (IS(u, k, "that")) {
				at = k;
				break;
			}
		/* only a reported clause (an actor, then a trigger) is split off:
		 * "claimed responsibility for the attack on Israel" is not one */
		if (!reported_clause(u, at + 1))
			continue;
		if ((rc = split_after(u, at)) < 0)
			return rc;
	}
	/* a clause that opens with its verb ("... and met Putin") has the
	 * previous clause's subject */
	{
		int last = -1;
		size_t h = 0;
		while (h < u->nw) {
			size_t e = h, j;
			int subj = u->w[h].csrc;
			while (e + 1 < u->nw && !ev_has_tail(u, e, EV_T_CLAUSE))
				e++;
			if (subj < 0)
				for (j = h; j <= e; j++) {
					if (u->w[j].wtype == EV_W_VERB)
						break;
					if (u->w[j].ext >= 0 && u->w[j].ext_head) {
						subj = (int)j;
						break;
					}
				}
			if (subj < 0 && last >= 0 && h > 0 && u->w[h].ctar < 0 &&
			    (u->w[h].wtype == EV_W_VERB ||
			     (h + 1 <= e && u->w[h + 1].wtype == EV_W_VERB &&
			      u->w[h].ext < 0))) {
				u->w[h].csrc = last;
				subj = last;
			}
			if (subj >= 0)
				last = subj;
			h = e + 1;
			while (h < u->nw && !ev_has_head(u, h, EV_T_CLAUSE))
				h++;
		}
	}
	/* nominal triggers: "Iran's attack", "the invasion", "launched air
	 * strikes" */
	for (i = 1; i < u->nw; i++)
		if (u->w[i].root && u->w[i].wtype == EV_W_VERB &&
		    ((ext_head_of(u, i - 1) >= 0 && possessive(u, i - 1)) ||
		     has(u, i - 1, OC_DETERMINERS) || after_light_verb(u, i)))
			u->w[i].nominal = 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Event date
 * ------------------------------------------------------------------------ */


static int month_at(const ev_unit *u, size_t i)
{
	int m = oval_of(u, i, OC_MONTHS);
	if (m < 0) {
		m = oval_of(u, i, OC_MON3);
		if (m < 0 && IS(u, i, "sept"))
			m = 8;
		if (m == 4)   /* "may" the verb: only the full name with a day */
			m = -1;
	}
	return m < 0 ? -1 : m + 1;
}

/* A number word ("13", "13th", "two", "a") or -1. */
static long number_at(const ev_unit *u, size_t i, int words)
{
	const char *f;
	size_t n, k;
	long v = 0;
	if (i >= u->nw)
		return -1;
	f = u->fold + u->w[i].fold;
	n = u->w[i].flen;
	for (k = 0; k < n && k < 6 && f[k] >= '0' && f[k] <= '9'; k++)
		v = v * 10 + (f[k] - '0');
	if (k > 0 && (k == n || (n - k == 2 && (memcmp(f + k, "st", 2) == 0 ||
	                                        memcmp(f + k, "nd", 2) == 0 ||
	                                        memcmp(f + k, "rd", 2) == 0 ||
	                                        memcmp(f + k, "th", 2) == 0))))
		return v;
	if (!words)
		return -1;
	if (IS(u, i, "a") || IS(u, i, "an"))
		return 1;
	return oval_of(u, i, OC_SMALL);
}

static ent_date add_months(ent_date d, int months_)
{
	int y, m, dd, dim;
	ent_date_to_ymd(d, &y, &m, &dd);
	m += months_;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	dim = ent_days_in_month(y, m);
	return ent_date_from_ymd(y, m, dd > dim ? dim : dd);
}

/* The month m (day d) nearest the base date: this year's, last year's or
 * next year's. */
static ent_date nearest(ent_date base, int m, int d)
{
	int y, bm, bd, k;
	ent_date best = ENT_DATE_NONE;
	long bestdist = 0;
	ent_date_to_ymd(base, &y, &bm, &bd);
	for (k = -1; k <= 1; k++) {
		ent_date c;
		long dist;
		if (d > ent_days_in_month(y + k, m))
			continue;
		c = ent_date_from_ymd(y + k, m, d);
		dist = labs((long)c - (long)base);
		if (best == ENT_DATE_NONE || dist < bestdist) {
			best = c;
			bestdist = dist;
		}
	}
	return best;
}

static int year_at(const ev_unit *u, size_t i)
{
	long y = number_at(u, i, 0);
	return y >= 1900 && y <= 2100 && u->w[i].flen == 4 ? (int)y : -1;
}

/* The date one expression starting at word i states, or ENT_DATE_NONE. */
static ent_date date_at(const ev_unit *u, size_t i, ent_date base)
{
	int m, y, wd;
	long n;
	if ((m = month_at(u, i)) > 0) {
		/* "September 13", "September 13, 2023", "Sept. 13" */
		size_t k = i + 1;
		if (k < u->nw && IS(u, k, "."))
			k++;
		n = number_at(u, k, 0);
		if (n >= 1 && n <= 31) {
			size_t yk = k + 1;
			if (comma(u, yk))
				yk++;
			y = yk < u->nw ? year_at(u, yk) : -1;
			if (y > 0 && n <= ent_days_in_month(y, m))
				return ent_date_from_ymd(y, m, (int)n);
			return nearest(base, m, (int)n);
		}
		/* "in May", "in May 2019" */
		if (i > 0 && (IS(u, i - 1, "in") || IS(u, i - 1, "since")) &&
		    month_at(u, i) == oval_of(u, i, OC_MONTHS) + 1) {
			y = year_at(u, i + 1);
			if (y > 0)
				return ent_date_from_ymd(y, m, 1);
			return nearest(base, m, 1);
		}
		return ENT_DATE_NONE;
	}
	n = number_at(u, i, 0);
	if (n >= 1 && n <= 31 && (m = month_at(u, i + 1)) > 0) {
		/* "13 September (2023)" */
		y = year_at(u, i + 2);
		if (n > ent_days_in_month(y > 0 ? y : 2000, m))
			return ENT_DATE_NONE;
		if (y > 0)
			return ent_date_from_ymd(y, m, (int)n);
		return nearest(base, m, (int)n);
	}
	if (i > 0 && IS(u, i - 1, "in") && (y = year_at(u, i)) > 0)
		return ent_date_from_ymd(y, 1, 1);
	if ((wd = oval_of(u, i, OC_WDAYS)) >= 0) {
		/* "on Tuesday": the last one on or before the base date; "last
		 * Tuesday" the one before that if the base is a Tuesday; "next
		 * Tuesday" the first after */
		int bw = (int)(((long)base % 7 + 7 + 3) % 7);   /* 0 Monday */
		int back = (bw - wd + 7) % 7;
		if (i > 0 && IS(u, i - 1, "next"))
			return base + (back ? 7 - back : 7);
		if (i > 0 && IS(u, i - 1, "last") && back == 0)
			back = 7;
		return base - back;
	}
	/* history: "during the Cold War", "since the Korean War" date the
	 * event in its era (the network's decay then ignores it) */
	if (IS(u, i + 1, "war") && !IS(u, i + 2, "on") && !IS(u, i + 2, "against")) {
		if (IS(u, i, "cold"))
			return ent_date_from_ymd(1970, 1, 1);
		if (IS(u, i, "korean"))
			return ent_date_from_ymd(1951, 1, 1);
		if (IS(u, i, "vietnam"))
			return ent_date_from_ymd(1968, 1, 1);
		if (IS(u, i, "gulf") && i > 0 && IS(u, i - 1, "the"))
			return ent_date_from_ymd(1991, 1, 1);
	}
	if (IS(u, i, "world") && IS(u, i + 1, "war") &&
	    (IS(u, i + 2, "ii") || IS(u, i + 2, "two") || IS(u, i + 2, "2")))
		return ent_date_from_ymd(1942, 1, 1);
	if (IS(u, i, "second") && IS(u, i + 1, "world") && IS(u, i + 2, "war"))
		return ent_date_from_ymd(1942, 1, 1);
	if (IS(u, i, "first") && IS(u, i + 1, "world") && IS(u, i + 2, "war"))
		return ent_date_from_ymd(1916, 1, 1);
	if (IS(u, i, "yesterday"))
		return base - 1;
	if (IS(u, i, "tomorrow"))
		return base + 1;
	if (IS(u, i, "last") || IS(u, i, "next")) {
		int sign = IS(u, i, "last") ? -1 : 1;
		if (IS(u, i + 1, "week"))
			return base + sign * 7;
		if (IS(u, i + 1, "month"))
			return add_months(base, sign);
		if (IS(u, i + 1, "year"))
			return add_months(base, sign * 12);
		return ENT_DATE_NONE;
	}
	n = number_at(u, i, 1);
	if (n >= 1 && n <= 100 && IS(u, i + 2, "ago")) {
		if (IS(u, i + 1, "day") || IS(u, i + 1, "days"))
			return base - n;
		if (IS(u, i + 1, "week") || IS(u, i + 1, "weeks"))
			return base - 7 * n;
		if (IS(u, i + 1, "month") || IS(u, i + 1, "months"))
			return add_months(base, -(int)n);
		if (IS(u, i + 1, "year") || IS(u, i + 1, "years"))
			return add_months(base, -12 * (int)n);
	}
	return ENT_DATE_NONE;
}

/* The first date expression of the unit sets its date (relative to the
 * article date). */
void ev_ours_date(ev_unit *u)
{
	size_t i;
	for (i = 0; i < u->nw; i++) {
		ent_date d = date_at(u, i, u->base_date);
		if (d != ENT_DATE_NONE) {
			u->date = d;
			return;
		}
	}
}

/* ------------------------------------------------------------------------
 * Events: passive, nominal, symmetric
 * ------------------------------------------------------------------------ */

static size_t clause_end(const ev_unit *u, size_t v)
{
	while (v + 1 < u->nw && !ev_has_tail(u, v, EV_T_CLAUSE))
		v++;
	return v;
}

static size_t clause_start(const ev_unit *u, size_t v)
{
	while (v > 0 && !ev_has_head(u, v, EV_T_CLAUSE))
		v--;
	return v;
}


/* "X was hit ... by Y": the head of Y, or -1. */
static int passive_agent(const ev_unit *u, size_t v)
{
	size_t k, end;
	if (!((v >= 1 && has(u, v - 1, OC_BE)) ||
	      (v >= 2 && has(u, v - 2, OC_BE) && u->w[v - 1].wtype != EV_W_ACTOR)))
		return -1;
	end = clause_end(u, v);
	for (k = v + 1; k <= end && k < u->nw; k++) {
		if (comma(u, k))
			return -1;
		if (IS(u, k, "by")) {
			size_t h = k + 1;
			while (h < u->nw && (IS(u, h, "the") || IS(u, h, "a") || IS(u, h, "an")))
				h++;
			if (h < u->nw && u->w[h].ext >= 0 && u->w[h].ext_head)
				return (int)h;
			return -1;
		}
	}
	return -1;
}

/* The subject of a passive verb v: the agent of a "the N of Y by X" noun
 * phrase before it, else the first actor of its clause before it; -1. */
static int subject_before(const ev_unit *u, size_t v)
{
	size_t s = clause_start(u, v), k;
	int first = -1;
	for (k = s; k < v; k++) {
		if (IS(u, k, "by") && k + 1 < v) {
			size_t h = k + 1;
			if (IS(u, h, "the"))
				h++;
			if (h < v && u->w[h].ext >= 0 && u->w[h].ext_head)
				return (int)h;
		}
		if (first < 0 && u->w[k].ext >= 0 && u->w[k].ext_head)
			first = (int)k;
	}
	if (first < 0 && u->w[s].csrc >= 0)
		first = u->w[s].csrc;
	return first;
}

/* The actors coordinated with the one whose head is h ("France, Germany
 * and Italy"): their heads into out[], at most max; the count. */
static size_t coordinated(const ev_unit *u, int h, int *out, size_t max)
{
	size_t n = 0, k, last_and = 0;
	int t = ext_tail_of(u, (size_t)h);
	if (max == 0 || t < 0)
		return 0;
	out[n++] = h;
	k = (size_t)t + 1;
	while (n < max && k + 1 < u->nw) {
		size_t j = k;
		int conj = 0;
		if (comma(u, j))
			j++;
		if (j < u->nw && (IS(u, j, "and") || IS(u, j, "or"))) {
			j++;
			conj = 1;
		}
		if (j == k || j >= u->nw)
			break;
		if (IS(u, j, "the"))
			j++;
		if (j >= u->nw || u->w[j].ext < 0 || !u->w[j].ext_head)
			break;
		out[n++] = (int)j;
		if (conj)
			last_and = n;
		t = ext_tail_of(u, j);
		if (t < 0)
			break;
		k = (size_t)t + 1;
	}
	/* a list ends with "and" or "or": ", Germany will" is not in it */
	return last_and ? last_and : 1;
}

/* The head of the first actor in words [from, to], or -1. */
static int next_actor(const ev_unit *u, size_t from, size_t to)
{
	size_t k;
	for (k = from; k <= to && k < u->nw; k++)
		if (u->w[k].ext >= 0 && u->w[k].ext_head)
			return (int)k;
	return -1;
}

/* Is the actor at word h a later member of a coordination ("Iran and
 * the United States")? */
static int coordinated_after(const ev_unit *u, size_t h)
{
	if (h > 0 && IS(u, h - 1, "the"))
		h--;
	if (h < 2 || !(IS(u, h - 1, "and") || IS(u, h - 1, "or") || comma(u, h - 1)))
		return 0;
	return ext_head_of(u, h - 2) >= 0 ||
	       (comma(u, h - 2) && h >= 3 && ext_head_of(u, h - 3) >= 0);
}

/* Are the actors at words a and b in one coordination ("X and Y")? */
static int coordinated_with(const ev_unit *u, int a, int b)
{
	int heads[16];
	size_t n, k;
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	n = coordinated(u, a, heads, 16);
	for (k = 0; k < n; k++)
		if (heads[k] == b)
			return 1;
	return 0;
}

/* Is the actor at word h a place ("in Oman", "at the United Nations")? */
static int located(const ev_unit *u, size_t h)
{
	if (h > 0 && IS(u, h - 1, "the"))
		h--;
	return h > 0 && (IS(u, h - 1, "in") || IS(u, h - 1, "at"));
}

/* A state acting on itself ("the Russian side" read as RUS beside
 * RUSGOV, "Azerbaijan massed its troops"): no interstate event. */
static int domestic(const ev_unit *u, const ev_evt *e)
{
	const char *a, *b;
	if (e->src.ext < 0 || e->tar.ext < 0)
		return 0;
	a = u->ext[e->src.ext].country;
	b = u->ext[e->tar.ext].country;
	return a && b && strcmp(a, b) == 0 && ent_actor_is_state(e->src.actor) &&
	       ent_actor_is_state(e->tar.actor);
}

/* The subordinate segment (TABARI's comma rules: "..., South Korea's
 * military said.") that word w is in, or 0. */
static uint32_t subord_of(const ev_unit *u, size_t w)
{
	size_t k;
	for (k = w + 1; k-- > 0;) {
		uint32_t idx;
		if (ev_head_idx(u, k, EV_T_SUBORD, &idx)) {
			size_t t = k;
			while (t < u->nw && !ev_tail_idx(u, t, EV_T_SUBORD, idx))
				t++;
			return t >= w ? idx : 0;
		}
	}
	return 0;
}

/* Does the pattern that fired place the source itself ($, a coded
 * compound %, or a paired code)? */
static int pattern_places_source(const ev_unit *u, const ev_evt *e)
{
	const ev_el *el;
	uint32_t ec = e->pat ? e->pat->code : e->proot ? e->proot->code : 0;
	if (ec && u->d->ecodes[ec - 1].pair)
		return 1;   /* a paired code: the second event runs backwards */
	if (!e->pat)
		return 0;
	for (el = u->d->els + e->pat->phrase; el->lit; el++)
		if ((el->lit == EV_SYM_SOURCE || el->lit == EV_SYM_COMPOUND) &&
		    !(el->conn & EV_C_SYN))
			return 1;
	return 0;
}

/* An actor the regular rules took from the wrong place: a source after
 * the trigger that no rule put there ("which killed General Zahedi" does
 * not make Zahedi the killer), or an actor inside an attribution or
 * parenthesis the trigger is not in. */
static int stray_actor(const ev_unit *u, const ev_evt *e)
{
	if (e->verb < 0)
		return 0;
	if (e->src.where >= 0 && e->src.where != EV_WHERE_DEFAULT &&
	    e->src.where > e->verb && !(e->how & (EV_HOW_PASSIVE | EV_HOW_NOMINAL |
	                                          EV_HOW_SYMMETRIC | EV_HOW_LOCATED)) &&
	    !e->deal && !e->signal && !pattern_places_source(u, e))
		return 1;
	if (e->tar.where >= 0 && e->tar.where != EV_WHERE_DEFAULT &&
	    (size_t)e->tar.where < u->nw) {
		uint32_t st = subord_of(u, (size_t)e->tar.where);
		if (st && st != subord_of(u, (size_t)e->verb))
			return 1;
	}
	return 0;
}

static int same_code(const ev_evt *a, const ev_evt *b)
{
	return a->code == b->code && a->src.actor && b->src.actor && a->tar.actor &&
	       b->tar.actor && strcmp(a->src.actor, b->src.actor) == 0 &&
	       strcmp(a->tar.actor, b->tar.actor) == 0;
}

static int push(ev_unit *u, const ev_evt *e)
{
	size_t k;
	if (e->src.actor && e->tar.actor && strcmp(e->src.actor, e->tar.actor) == 0)
		return 0;
	if (domestic(u, e))
		return 0;
	for (k = 0; k < u->nev; k++)
		if (same_code(&u->ev[k], e))
			return 0;
	if (u->nev >= 512)
		return 0;
	if (ENT_GROW(u->ev, u->nev, u->ev_cap) < 0)
		return ENT_ENOMEM;
	u->ev[u->nev++] = *e;
	return 0;
}

/* CAMEO codes done together: both sides are source and target when the
 * actors are coordinated ("China and Russia met"). */
static int symmetric(const char *code)
{
	static const char *const sym[] = {
		"036", "040", "041", "044", "046", "057", "060", "061", "062", "063",
		"064", "0841", "0871", "190", "193", NULL};
	const char *const *p;
	for (p = sym; *p; p++)
		if (strcmp(code, *p) == 0)
			return 1;
	return 0;
}

static int event_code_ok(const ent_evdict *d, uint32_t ecode1, uint32_t *code)
{
	const ev_ecode *e;
	if (!ecode1)
		return 0;
	e = &d->ecodes[ecode1 - 1];
	if (e->code < EV_S_FIRST_FREE || e->pair)
		return 0;
	*code = e->code;
	return 1;
}

/* Skip "the", "a", "an" at word t. */
static size_t skip_det(const ev_unit *u, size_t t)
{
	while (t < u->nw && (IS(u, t, "the") || IS(u, t, "a") || IS(u, t, "an")))
		t++;
	return t;
}

static int actor_head_at(const ev_unit *u, size_t t)
{
	return t < u->nw && u->w[t].ext >= 0 && u->w[t].ext_head ? (int)t : -1;
}

/* Push the events src -> tar of a nominal trigger at word i, one per
 * actor coordinated with src. */
static int nominal_push(ev_unit *u, size_t i, const ev_root *main,
                        uint32_t code, int src, int tar, uint8_t how)
{
	int heads[16], rc;
	size_t nh = coordinated(u, src, heads, 16), j;
	for (j = 0; j < nh; j++) {
		ev_evt e;
		if (heads[j] == tar)
			continue;
		memset(&e, 0, sizeof e);
		actor_at(u, heads[j], &e.src);
		actor_at(u, tar, &e.tar);
		e.code = code;
		e.isevt = 1;
		e.verb = (int32_t)i;
		e.root = u->w[i].root;
		e.proot = main;
		e.how = (uint8_t)(EV_HOW_NOMINAL | how | (nh > 1 ? EV_HOW_COORDINATED : 0));
		if ((rc = push(u, &e)) < 0)
			return rc;
	}
	return 0;
}

/* An event from a nominal trigger at word i: "X's N on Y", "the N of Y by
 * X", "the N by X on Y", "the N between X and Y", "X's N between Y and Z",
 * "X launched an N on Y", and "X and Y held N" for a symmetric code. */
static int nominal(ev_unit *u, size_t i)
{
	const ev_root *r = &u->d->roots[u->w[i].root - 1];
	const ev_root *main = r->main ? &u->d->roots[r->main - 1] : r;
	int src = -1, tar = -1, rc;
	size_t k = i, after, t = (size_t)-1;
	uint32_t code;
	while (k + 1 < u->nw && !ev_has_tail(u, k, EV_W_VERB))
		k++;
	if (i > 0 && possessive(u, i - 1))
		src = ext_head_of(u, i - 1);
	after = k + 1;
	if (src < 0 && IS(u, after, "by")) {
		/* "the crackdown by China on Hong Kong" */
		int h = actor_head_at(u, skip_det(u, after + 1));
		if (h >= 0) {
			src = h;
			after = (size_t)ext_tail_of(u, (size_t)h) + 1;
		}
	}
	if (has(u, k, OC_PREPS) && k > i)
		t = skip_det(u, k + 1);   /* the root ends with its preposition */
	else if (IS(u, after, "between")) {
		/* "the talks between X and Y", "Egypt's mediation between X and Y" */
		int x = actor_head_at(u, skip_det(u, after + 1)), y = -1;
		if (x >= 0) {
			size_t h = (size_t)ext_tail_of(u, (size_t)x) + 1;
			if (IS(u, h, "and"))
				y = actor_head_at(u, skip_det(u, h + 1));
		}
		if (x < 0 || y < 0 ||
		    !event_code_ok(u->d, ev_nominal_code(u, (int)i), &code))
			return 0;
		if (src >= 0) {
			if ((rc = nominal_push(u, i, main, code, src, x, 0)) < 0)
				return rc;
			return nominal_push(u, i, main, code, src, y, 0);
		}
		return nominal_push(u, i, main, code, x, y, 0);
	} else if (has(u, after, OC_PREPS))
		t = skip_det(u, after + 1);
	if (t != (size_t)-1)
		tar = actor_head_at(u, t);
	if (src < 0 && tar >= 0) {
		/* "the invasion of Ukraine by Russia" */
		int tt = ext_tail_of(u, (size_t)tar);
		if (tt >= 0 && IS(u, (size_t)tt + 1, "by"))
			src = actor_head_at(u, skip_det(u, (size_t)tt + 2));
	}
	if (src < 0) {
		/* "X launched / carried out / held a N on Y" */
		int b = light_verb_before(u, i);
		if (b >= 0)
			src = subject_before(u, (size_t)b);
	}
	if (src < 0 && u->opener_end && i < u->opener_end)
		/* "On a visit to Kyiv, Kishida pledged ...": the main subject */
		src = next_actor(u, u->opener_end + 1, u->nw - 1);
	if (src < 0)
		return 0;
	/* the code only now: the patterns are the costly part */
	if (!event_code_ok(u->d, ev_nominal_code(u, (int)i), &code))
		return 0;
	if (tar < 0) {
		/* "Russia and China held joint drills": a symmetric event between
		 * the coordinated subjects */
		int heads[16];
		size_t nh = coordinated(u, src, heads, 16), a, b;
		if (nh < 2 || !symmetric(ev_str(u->d, code)))
			return 0;
		for (a = 0; a < nh; a++)
			for (b = 0; b < nh; b++) {
				ev_evt e;
				if (a == b)
					continue;
				memset(&e, 0, sizeof e);
				actor_at(u, heads[a], &e.src);
				actor_at(u, heads[b], &e.tar);
				e.code = code;
				e.isevt = 1;
				e.verb = (int32_t)i;
				e.root = u->w[i].root;
				e.proot = main;
				e.how = EV_HOW_NOMINAL | EV_HOW_COORDINATED | EV_HOW_SYMMETRIC;
				if ((rc = push(u, &e)) < 0)
					return rc;
			}
		return 0;
	}
	return nominal_push(u, i, main, code, src, tar, 0);
}

int ev_ours_events(ev_unit *u)
{
	size_t k, n = u->nev, i;
	int rc;
	/* a source from another clause: a relative clause's antecedent or the
	 * previous clause's subject */
	for (k = 0; k < n; k++) {
		const ev_evt *e = &u->ev[k];
		if (e->verb >= 0 && e->src.where >= 0 && e->src.where != EV_WHERE_DEFAULT &&
		    (size_t)e->src.where < clause_start(u, (size_t)e->verb))
			u->ev[k].how |= EV_HOW_CLAUSE_SUBJECT;
	}
	/* passive voice with a "by" agent */
	for (k = 0; k < n; k++) {
		ev_evt *e = &u->ev[k];
		int by, subj;
		if (e->verb < 0 || e->src.ext < 0)
			continue;
		by = passive_agent(u, (size_t)e->verb);
		if (by < 0)
			continue;
		subj = subject_before(u, (size_t)e->verb);
		if (subj < 0 || subj == by)
			continue;
		actor_at(u, by, &e->src);
		actor_at(u, subj, &e->tar);
		e->how |= EV_HOW_PASSIVE;
		{
			/* "... by France and Germany": one event per agent */
			int heads[16];
			size_t nh = coordinated(u, by, heads, 16), j;
			for (j = 1; j < nh; j++) {
				ev_evt x = *e;
				x.how |= EV_HOW_COORDINATED;
				actor_at(u, heads[j], &x.src);
				if ((rc = push(u, &x)) < 0)
					return rc;
				e = &u->ev[k];
			}
		}
	}
	n = u->nev;
	/* drop what the swap made a self-event or a duplicate, and a state
	 * acting on itself */
	for (k = 0, i = 0; k < n; k++) {
		const ev_evt *e = &u->ev[k];
		size_t j;
		int dup = e->src.actor && e->tar.actor &&
		          strcmp(e->src.actor, e->tar.actor) == 0;
		for (j = 0; j < i && !dup; j++)
			dup = same_code(&u->ev[j], e);
		if (!dup)
			u->ev[i++] = *e;
	}
	u->nev = n = i;
	/* the source's own state as the target ("deployed troops", "its
	 * forces", "US sanctions" after a US subject) is passed over for the
	 * next actor of the clause */
	for (k = 0; k < n; k++) {
		ev_evt *e = &u->ev[k];
		int nx;
		size_t from;
		if (!domestic(u, e) || e->verb < 0)
			continue;
		/* "deployed troops to Belarus", "pledged to lift all US sanctions
		 * on Syria": the next actor of the clause, else none */
		from = u->ext[e->tar.ext].w1 + 1;
		do {
			nx = next_actor(u, from, clause_end(u, (size_t)e->verb));
			if (nx < 0)
				break;
			actor_at(u, nx, &e->tar);
			e->how |= EV_HOW_OWN_FORCES;
			from = u->ext[e->tar.ext].w1 + 1;
		} while (domestic(u, e));
	}
	/* "Iran and the United States negotiated in Oman": a symmetric event
	 * between coordinated sources, not with the place */
	for (k = 0; k < n; k++) {
		ev_evt e = u->ev[k];
		int heads[16];
		size_t nh, a, b;
		if (e.src.where < 0 || e.src.where == EV_WHERE_DEFAULT ||
		    e.tar.where < 0 || e.tar.where == EV_WHERE_DEFAULT ||
		    e.tar.where <= e.verb || !symmetric(ev_str(u->d, e.code)) ||
		    !located(u, (size_t)e.tar.where))
			continue;
		nh = coordinated(u, e.src.where, heads, 16);
		if (nh < 2) {
			if (coordinated_after(u, (size_t)e.src.where))
				u->ev[k].code = 0;   /* its pairs come with the first */
			continue;
		}
		u->ev[k].code = 0;   /* dropped below */
		for (a = 0; a < nh; a++)
			for (b = 0; b < nh; b++) {
				ev_evt x = e;
				if (a == b)
					continue;
				actor_at(u, heads[a], &x.src);
				actor_at(u, heads[b], &x.tar);
				x.how |= EV_HOW_LOCATED | EV_HOW_SYMMETRIC;
				if ((rc = push(u, &x)) < 0)
					return rc;
			}
	}
	for (k = 0, i = 0; k < u->nev; k++)
		if (u->ev[k].code)
			u->ev[i++] = u->ev[k];
	u->nev = n = i;
	/* both directions of a symmetric event between coordinated actors */
	for (k = 0; k < n; k++) {
		ev_evt e = u->ev[k];
		ev_actor t;
		if (e.src.where < 0 || e.tar.where < 0 || e.src.where == EV_WHERE_DEFAULT ||
		    e.tar.where == EV_WHERE_DEFAULT || e.tar.where >= e.verb ||
		    e.src.where >= e.verb || !symmetric(ev_str(u->d, e.code)) ||
		    !coordinated_with(u, e.src.where, e.tar.where))
			continue;
		t = e.src;
		e.src = e.tar;
		e.tar = t;
		e.how |= EV_HOW_SYMMETRIC;
		if ((rc = push(u, &e)) < 0)
			return rc;
	}
	/* nominal events */
	for (i = 0; i < u->nw; i++) {
		if (!u->w[i].root || u->w[i].wtype != EV_W_VERB ||
		    !ev_has_head(u, i, EV_W_VERB))
			continue;
		for (k = 0; k < u->nev && u->ev[k].verb != (int32_t)i; k++)
			;
		if (k < u->nev)
			continue;
		if ((rc = nominal(u, i)) < 0)
			return rc;
	}
	/* a state acting on itself is no interstate event; a place ("near
	 * Karachi") is a target, never a source */
	for (k = 0, i = 0; k < u->nev; k++)
		if (!domestic(u, &u->ev[k]) &&
		    !(u->ev[k].src.ext >= 0 && u->ext[u->ev[k].src.ext].place) &&
		    !stray_actor(u, &u->ev[k]))
			u->ev[i++] = u->ev[k];
	u->nev = i;
	if (u->nev)
		u->problem = NULL;
	return 0;
}

/* ------------------------------------------------------------------------
 * Negation and modality (both modes)
 * ------------------------------------------------------------------------ */


static int word_ends_nt(const ev_unit *u, size_t i)
{
	const char *f = u->fold + u->w[i].fold;
	size_t n = u->w[i].flen;
	return (n >= 4 && memcmp(f + n - 3, "n't", 3) == 0) ||
	       (n >= 6 && memcmp(f + n - 5, "n\xe2\x80\x99t", 5) == 0) ||
	       (n >= 6 && memcmp(f + n - 6, "cannot", 6) == 0);
}

/* Does the pattern that fired spell out word i itself? */
static int pattern_has(const ev_unit *u, const ev_evt *e, size_t i)
{
	const ev_el *el;
	if (!e->pat)
		return 0;
	for (el = u->d->els + e->pat->phrase; el->lit; el++)
		if (el->lit >= EV_SYM_LIMIT && !(el->conn & EV_C_SYN) &&
		    ev_word_has_lit(u, i, el->lit))
			return 1;
	return 0;
}

void ev_unit_flags(ev_unit *u)
{
	size_t k;
	if (u->nev && !u->classified)
		classify(u);
	for (k = 0; k < u->nev; k++) {
		ev_evt *e = &u->ev[k];
		size_t v, lo, j, seg;
		int src_before;
		if (e->verb < 0 || (size_t)e->verb >= u->nw)
			continue;
		v = (size_t)e->verb;
		/* the comma-delimited segment of the trigger */
		for (seg = v; seg > 0 && !comma(u, seg - 1); seg--)
			;
		src_before = e->src.where >= 0 && e->src.where != EV_WHERE_DEFAULT &&
		             (size_t)e->src.where < v && (size_t)e->src.where >= seg;
		lo = src_before ? (size_t)e->src.where : (v > 5 ? v - 5 : 0);
		if (lo < seg)
			lo = seg;
		if (v > lo + 10)
			lo = v - 10;
		for (j = lo; j < v; j++) {
			if (pattern_has(u, e, j))
				continue;
			if (has(u, j, OC_NEGATORS) || word_ends_nt(u, j) ||
			    (has(u, j, OC_NEG_VERBS) && IS(u, j + 1, "to")))
				e->negated = 1;
			else if (has(u, j, OC_MODALS) ||
			         (has(u, j, OC_WISHES) && IS(u, j + 1, "to")))
				e->hypothetical = 1;
		}
		/* "any Israeli attack": a generic or possible event */
		for (j = v; j-- > 0 && j + 3 > v;)
			if (has(u, j, OC_GENERIC)) {
				e->hypothetical = 1;
				break;
			}
		/* a condition in the trigger's segment, or opening the sentence
		 * with the trigger in the segment right after it */
		for (j = seg; j < v; j++)
			if (has(u, j, OC_CONDITIONS) && !pattern_has(u, e, j))
				e->hypothetical = 1;
		if (!e->hypothetical && seg > 0) {
			size_t s0 = 0;
			if (IS(u, 0, "even"))
				s0 = 1;
			/* "Should North Korea be attacked, ...": an inverted condition */
			if (has(u, s0, OC_CONDITIONS) || IS(u, 0, "should") ||
			    IS(u, 0, "were") || IS(u, 0, "had")) {
				for (j = s0; j < seg - 1 && !comma(u, j); j++)
					;
				if (j == seg - 1)
					e->hypothetical = 1;
			}
		}
		{
			/* "even if Poland is attacked" after the trigger's clause
			 * start is covered above; the same words after the trigger
			 * in its segment condition it too ("will respond if ...") */
			const char *code = ev_str(u->d, e->code);
			int intent = (code[0] == '0' && code[1] == '3') ||
			             (code[0] == '1' && code[1] == '3');
			/* a threat or a pledge with a condition is still asserted
			 * ("threatened to strike if ..."); the condition must follow
			 * the trigger closely ("will respond if ...") */
			for (j = v + 1; !intent && j < u->nw && j <= v + 5 && !comma(u, j); j++)
				if (has(u, j, OC_CONDITIONS)) {
					e->hypothetical = 1;
					break;
				}
		}
	}
}

/* ------------------------------------------------------------------------
 * Protocol signals and bargains (default mode)
 * ------------------------------------------------------------------------ */

/* What the words [from, to) say is given, or NULL. */
static const char *gives_in(const ev_unit *u, size_t from, size_t to)
{
	size_t k;
	for (k = from; k < to && k < u->nw; k++)
		if (has(u, k, OC_GIVES))
			return gives_cat_names[gives_cat[u->w[k].oval]];
	return NULL;
}

/* The CAMEO code for giving a thing of category `what` (weapons 072, ...). */
static const char *give_code(const char *what, int intended)
{
	if (!what)
		return intended ? "030" : "060";
	if (!strcmp(what, "weapons") || !strcmp(what, "munitions"))
		return intended ? "0332" : "072";
	if (!strcmp(what, "troops"))
		return intended ? "0312" : "062";
	if (!strcmp(what, "money"))
		return intended ? "0331" : "071";
	if (!strcmp(what, "technology"))
		return intended ? "0312" : "062";
	if (!strcmp(what, "food"))
		return intended ? "0333" : "073";
	return intended ? "0311" : "061";   /* energy */
}

static int event_dup_code(ev_unit *u, const ev_evt *e)
{
	size_t k;
	for (k = 0; k < u->nev; k++)
		if (same_code(&u->ev[k], e))
			return (int)k;
	return -1;
}

/* Honorifics ("his dear friend Kim Jong Un", "comrade Putin"), receptions
 * ("a warm welcome", "red-carpet"), the host's rank ("personally greeted
 * at the airport"), delegations ("accompanied by his defence minister")
 * and bargains ("A supplies X to B in exchange for Y").  Time: O(words +
 * events). */
int ev_ours_signals(ev_unit *u)
{
	size_t i, k, n = u->nev;
	int warm = 0, personal_ = 0, delegation = 0, mil = 0, rc;
	for (i = 0; i < u->nw; i++) {
		if (has(u, i, OC_WARMTH))
			warm = 1;
		if (has(u, i, OC_PERSONAL))
			personal_ = 1;
		if (IS(u, i, "accompanied") || IS(u, i, "delegation") ||
		    IS(u, i, "entourage")) {
			size_t j;
			delegation = 1;
			for (j = i + 1; j < u->nw && j < i + 12 && !comma(u, j); j++)
				if (has(u, j, OC_MILWORDS) ||
				    (u->w[j].ext >= 0 && u->ext[u->w[j].ext].code &&
				     strstr(u->ext[u->w[j].ext].code, "MIL")))
					mil = 1;
		}
	}
	/* on the visits and receptions of the sentence */
	for (k = 0; k < n; k++) {
		ev_evt *e = &u->ev[k];
		const char *code = ev_str(u->d, e->code);
		if (code[0] != '0' || code[1] != '4')
			continue;
		if (delegation)
			e->signal = mil ? EV_SIG_DELEGATION_MILITARY : EV_SIG_DELEGATION;
		else if (personal_ && !strcmp(code, "043"))
			e->signal = EV_SIG_HOST_RANK;
		else if (warm)
			e->signal = EV_SIG_RECEPTION;
	}
	/* honorifics: an extra 051 from the speaker to the one so named */
	for (i = 0; i < u->nw; i++) {
		int tar = -1, src;
		size_t j;
		ev_evt x;
		uint32_t code051;
		if (!has(u, i, OC_HONORIFICS))
			continue;
		for (j = i + 1; j < u->nw && j <= i + 2 && tar < 0; j++)
			if (u->w[j].ext >= 0 && u->w[j].ext_head)
				tar = (int)j;
		src = subject_before(u, i);
		if (tar < 0) {
			/* "called Kim Jong Un a comrade", "Kim, his dear friend," */
			size_t b;
			for (b = i; b-- > 0 && b + 5 > i;) {
				int h = ext_head_of(u, b);
				if (h >= 0 && h != src) {
					tar = h;
					break;
				}
			}
		}
		if (tar < 0)
			continue;
		if (src < 0 || src == tar || u->w[src].ext < 0 ||
		    strcmp(u->ext[u->w[src].ext].code, u->ext[u->w[tar].ext].code) == 0)
			continue;
		if (ev_str_find(u->d, "051", &code051) < 0)
			continue;
		memset(&x, 0, sizeof x);
		actor_at(u, src, &x.src);
		actor_at(u, tar, &x.tar);
		x.code = code051;
		x.isevt = 1;
		x.verb = (int32_t)i;
		x.signal = EV_SIG_HONORIFIC;
		{
			int d = event_dup_code(u, &x);
			if (d >= 0) {
				u->ev[d].signal = EV_SIG_HONORIFIC;
				continue;
			}
		}
		if ((rc = push(u, &x)) < 0)
			return rc;
	}
	/* bargains */
	for (i = 0; i + 2 < u->nw; i++) {
		size_t ex, end;
		int status = EV_DEAL_CONFIRMED;
		const char *other;
		if (!((IS(u, i, "in") && (IS(u, i + 1, "exchange") || IS(u, i + 1, "return")) &&
		       IS(u, i + 2, "for"))))
			continue;
		ex = i + 3;
		for (end = ex; end < u->nw && !comma(u, end); end++)
			;
		other = gives_in(u, ex, end);
		for (k = 0; k < u->nw; k++)
			if (has(u, k, OC_SPEECH) || IS(u, k, "reportedly") ||
			    IS(u, k, "according"))
				status = EV_DEAL_REPORTED;
		n = u->nev;
		for (k = 0; k < n; k++) {
			ev_evt *e = &u->ev[k];
			ev_evt back;
			const char *what, *code;
			uint32_t cid;
			if (e->verb < 0 || (size_t)e->verb > i || e->deal)
				continue;
			if (e->hypothetical)
				status = EV_DEAL_INTENDED;
			what = gives_in(u, (size_t)e->verb + 1, i);
			e->deal = (uint8_t)(1 + status);
			e->gives = what ? what : "other";
			/* the other side of the bargain */
			back = *e;
			back.src = e->tar;
			back.tar = e->src;
			back.gives = other ? other : "other";
			back.how = 0;
			back.signal = 0;
			back.pat = NULL;
			code = give_code(other, status == EV_DEAL_INTENDED);
			{
				const char *ec = ev_str(u->d, e->code);
				if (ec[0] == '0' && ec[1] == '8')
					code = ec;   /* a release for a release: a swap */
			}
			if (ev_str_find(u->d, code, &cid) < 0)
				continue;
			back.code = cid;
			if ((rc = push(u, &back)) < 0)
				return rc;
			e = &u->ev[k];
		}
		break;
	}
	return 0;
}
