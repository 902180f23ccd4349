/*
 * builtin.c - the built-in dictionary set and the finishing pass.
 *
 * ent_dict_add_builtin loads, from lowest to highest precedence: the
 * gazetteer, the iso-codes names in other languages and in English
 * (generated at build time), our non-English overlay, the state overlay,
 * international organisations, office holders, role words, the
 * machine-translation glossary, the reference phrases below, and the
 * ambiguity rules.  A later phrase wins over an earlier one, so "Singapore"
 * is the state before it is the capital.
 *
 * ent_dict_finish interns the words the recogniser reasons with (glue,
 * modifiers, locatives), attaches ambiguity rules to the phrases they name
 * and ties glossary renderings of places to the gazetteer.
 */
#include "actors/dict_internal.h"
#include "entente/builtin.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <stdlib.h>
#include <string.h>

/* Reference phrases: resolved against the document, not the dictionary. */
static const struct {
	const char *phrase;
	int ref;
	int n;
	int use_case;
} refs[] = {
	{"he", ENT_REF_PRONOUN, 1, 0},
	{"him", ENT_REF_PRONOUN, 1, 0},
	{"his", ENT_REF_PRONOUN, 1, 0},
	{"she", ENT_REF_PRONOUN, 1, 0},
	{"her", ENT_REF_PRONOUN, 1, 0},
	{"the two countries", ENT_REF_STATES, 2, 0},
	{"both countries", ENT_REF_STATES, 2, 0},
	{"the two nations", ENT_REF_STATES, 2, 0},
	{"both nations", ENT_REF_STATES, 2, 0},
	{"the two states", ENT_REF_STATES, 2, 0},
	{"the two sides", ENT_REF_STATES, 2, 0},
	{"both sides", ENT_REF_STATES, 2, 0},
	{"the two governments", ENT_REF_STATES, 2, 0},
	{"both governments", ENT_REF_STATES, 2, 0},
	{"the two neighbours", ENT_REF_STATES, 2, 0},
	{"the two neighbors", ENT_REF_STATES, 2, 0},
	{"the two allies", ENT_REF_STATES, 2, 0},
	{"the two capitals", ENT_REF_STATES, 2, 0},
	{"the three countries", ENT_REF_STATES, 3, 0},
	{"all three countries", ENT_REF_STATES, 3, 0},
	{"the three nations", ENT_REF_STATES, 3, 0},
	{"the three governments", ENT_REF_STATES, 3, 0},
	{"the two leaders", ENT_REF_PERSONS, 2, 0},
	{"both leaders", ENT_REF_PERSONS, 2, 0},
	{"the two men", ENT_REF_PERSONS, 2, 0},
	{"both men", ENT_REF_PERSONS, 2, 0},
	{"the two presidents", ENT_REF_PERSONS, 2, 0},
	{"the two heads of state", ENT_REF_PERSONS, 2, 0},
	{"the three leaders", ENT_REF_PERSONS, 3, 0},
	{"the two Koreas", ENT_REF_KOREAS, 2, 1},
	{"both Koreas", ENT_REF_KOREAS, 2, 1},
	{"the Koreas", ENT_REF_KOREAS, 2, 1},
	{"the country", ENT_REF_COUNTRY, 1, 0},
	{"the nation", ENT_REF_COUNTRY, 1, 0},
	{"the government", ENT_REF_GOVERNMENT, 1, 0},
	{"the regime", ENT_REF_GOVERNMENT, 1, 0},
	{"the North", ENT_REF_NORTH, 1, 1},
	{"the South", ENT_REF_SOUTH, 1, 1},
	{"Korea", ENT_REF_KOREA, 1, 1},
	{NULL, 0, 0, 0}
};

static const char *const modifiers[] = {
	"former", "ex", "deputy", "vice", "acting", "senior", "top", "chief",
	"first", "new", "then", "interim", "outgoing", "incoming", "current",
	"incumbent", "late", "assistant", "junior", "principal", "second", NULL
};

/* "to" and "from" make a place only after a word of motion: "flew to
 * Washington" is a trip, "protested to Seoul" an address. */
static const char *const motions[] = {
	"flew", "fly", "flies", "flying", "travel", "travels", "travelled",
	"traveled", "travelling", "traveling", "went", "go", "goes", "going",
	"came", "come", "comes", "coming", "returned", "return", "returns",
	"returning", "headed", "heading", "head", "heads", "trip", "trips",
	"journey", "way", "back", "moved", "move", "driven", "drove", "sailed",
	"flight", "flights", "route", "road", "train", "rail", "highway",
	"deported", "expelled", "fled", "flee", "evacuated", "relocated",
	"transferred", "shipped", "exported", "imported", "departed", "left",
	NULL
};

/* "on" makes a place after these: "advanced on Damascus" */
static const char *const on_motions[] = {
	"advanced", "advance", "advancing", "marched", "march", "marching",
	"closed", "closing", "converged", "converging", "moved", "moving", NULL
};

/* Words that start sentences and phrases in capitals without being names,
 * for the not_after_name rule ("In Jordan" is the state). */
static const char *const function_words[] = {
	"a", "an", "the", "in", "at", "to", "from", "for", "with", "and", "but", "or",
	"on", "by", "of", "as", "if", "when", "while", "after", "before", "since",
	"both", "neither", "either", "only", "even", "also", "meanwhile", "still",
	"yet", "so", "then", "now", "today", "yesterday", "tomorrow", "last",
	"next", "why", "how", "what", "where", "who", "whether", "unlike", "like",
	"including", "against", "between", "among", "across", "near", "outside",
	"inside", "under", "over", "via", "per", "than", "that", "this", "these",
	"those", "its", "their", "his", "her", "our", "your", "my", "said",
	"says", "did", "does", "do", "is", "was", "were", "are", "has", "have",
	"had", "will", "would", "could", "should", "might", "must", "can",
	"neighbouring", "neighboring", "northern", "southern", "eastern",
	"western", "central", "all", "every", "each", "some", "many", "most",
	"no", "not", "new", "old", "former", "during", "until", "despite",
	"about", "around", "through", "into", "onto", "toward", "towards",
	"however", "although", "though", "because", "once", "there", "here",
	"it", "he", "she", "they", "we", "i", "you", "visiting", "welcome",
	"dear", "mr", "mrs", "ms", "dr", NULL
};

static const char *const locatives[] = {
	"in", "at", "near", "into", "inside", "outside", "toward",
	"towards", "via", "across", "around", "through", "throughout", "within",
	"beyond", "off", "over", "visit", "visits", "visited", "visiting",
	"arrive", "arrives", "arrived", "arriving", "landed", "flew", "travel",
	"travels", "travelled", "traveled", "travelling", "traveling", "based",
	"outskirts", "downtown", "central", "northern", "southern", "eastern",
	"western",
	/* what armies do to places, not to governments: "shelled Khartoum",
	   "took Damascus" */
	"shelled", "shelling", "shell", "shells", "bombed", "bombing", "bombard",
	"bombarded", "struck", "strike", "strikes", "hit", "hits", "attacked",
	"captured", "capture", "captures", "seized", "seize", "seizes", "took",
	"take", "takes", "taking", "entered", "enter", "enters", "besieged",
	"besiege", "stormed", "storm", "overran", "liberated", "occupied",
	"occupy", "encircled", "surrounded", "surround", "raided", "invaded",
	"invade", "invades", "evacuate", "evacuated", "rebuild", "rebuilt",
	NULL
};

static int builtin_file(ent_dict *d, const char *name, ent_dict_kind kind, int optional)
{
	const ent_builtin_file *f = ent_builtin_find(name);
	char path[256];
	if (!f) {
		if (optional)
			return 0;
		return ent_err(d->ctx, ENT_EPARSE, "built-in file %s is missing", name);
	}
	snprintf(path, sizeof path, "data/%s", name);
	return ent_dict_add_text(d, path, f->data, f->len, kind, NULL);
}

int ent_dict_add_builtin(ent_dict *d)
{
	static const struct {
		const char *name;
		ent_dict_kind kind;
		int optional;
	} files[] = {
		{"places.tsv", ENT_DICT_PLACES, 1},
		{"actors/iso-locales.actors", ENT_DICT_ACTORS, 1},
		{"actors/iso-countries.actors", ENT_DICT_ACTORS, 1},
		{"actors/foreign.actors", ENT_DICT_ACTORS, 1},
		{"actors/states.actors", ENT_DICT_ACTORS, 0},
		{"actors/igos.actors", ENT_DICT_ACTORS, 0},
		{"actors/groups.actors", ENT_DICT_ACTORS, 0},
		{"actors/officeholders.actors", ENT_DICT_ACTORS, 0},
		{"actors/entente.agents", ENT_DICT_AGENTS, 0},
		{"actors/glossary.tsv", ENT_DICT_GLOSSARY, 1},
		{NULL, 0, 0}
	};
	size_t i;
	int rc, fi;
	long before = ent_ctx_errors(d->ctx);
	const ent_builtin_file *snap = ent_builtin_find("actors/builtin.snapshot");
	/* the set compiled at build time, when this one is still empty */
	if (snap && d->nfiles == 0 && d->nentries == 0 && !getenv("ENTENTE_NO_SNAPSHOT")) {
		rc = ent_dict_restore(d, snap->data, snap->len);
		if (rc == 0)
			return 0;
		if (rc == ENT_ENOMEM)
			return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
		if (rc != ENT_EINVAL)
			return ent_err(d->ctx, ENT_EPARSE, "the built-in dictionary snapshot is "
			               "damaged (a bug)");
	}
	for (i = 0; files[i].name; i++)
		if ((rc = builtin_file(d, files[i].name, files[i].kind, files[i].optional)) < 0)
			return rc;
	/* reference phrases */
	fi = ent_dict_file(d, "(reference phrases)", ENT_DICT_ACTORS);
	if (fi < 0)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	for (i = 0; refs[i].phrase; i++) {
		long e = ent_dict_entry(d, ENT_E_REF, (uint32_t)fi, (uint32_t)(i + 1), ENT_W_AUTO);
		if (e < 0)
			return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
		d->entries[e].extra = (uint32_t)refs[i].ref;
		d->entries[e].refn = (uint8_t)refs[i].n;
		rc = ent_dict_phrase(d, (uint32_t)e, refs[i].phrase, strlen(refs[i].phrase),
		                     (uint32_t)(i + 1),
		                     ENT_PH_NOPLURAL | (refs[i].use_case ? ENT_PH_CASE : 0), NULL, 0);
		if (rc < 0)
			return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	}
	{
		const ent_builtin_file *f = ent_builtin_find("actors/ambiguity.tsv");
		if (f) {
			ent_linereader lr;
			fi = ent_dict_file(d, "data/actors/ambiguity.tsv", ENT_DICT_AUTO);
			if (fi < 0)
				return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
			ent_lr_init_mem(&lr, f->data, f->len, 65536);
			rc = ent_read_rules(d, (uint32_t)fi, d->files[fi], &lr, &d->fstats[fi]);
			if (rc < 0)
				return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
		}
	}
	if (ent_ctx_errors(d->ctx) > before)
		return ent_err(d->ctx, ENT_EPARSE, "a built-in dictionary has errors (a bug)");
	d->builtin_loaded = 1;
	return 0;
}

/* Intern one word (as a phrase of one unit); ENT_UNIT_NONE on failure. */
static uint32_t word(ent_dict *d, const char *w)
{
	uint32_t u[4];
	long n = ent_dict_units(d, w, strlen(w), 1, u, NULL, 4);
	return n == 1 ? u[0] : ENT_UNIT_NONE;
}

static int word_list(ent_dict *d, const char *const *l, uint32_t **out, size_t *n)
{
	size_t k = 0, i;
	while (l[k])
		k++;
	*out = ent_malloc(k * sizeof **out);
	if (!*out)
		return ENT_ENOMEM;
	for (i = 0; i < k; i++)
		(*out)[i] = word(d, l[i]);
	*n = k;
	return 0;
}

/* Cue sequences "n ids ..." into buf (0-terminated). */
static void cues(ent_dict *d, const char *const *l, uint32_t *buf, size_t cap)
{
	size_t k = 0, i;
	for (i = 0; l[i]; i++) {
		uint32_t u[8];
		long n = ent_dict_units(d, l[i], strlen(l[i]), 1, u, NULL, 8);
		if (n <= 0 || k + 1 + (size_t)n + 1 > cap)
			continue;
		buf[k++] = (uint32_t)n;
		memcpy(buf + k, u, (size_t)n * sizeof u[0]);
		k += (size_t)n;
	}
	buf[k] = 0;
}

int ent_dict_finish(ent_dict *d)
{
	size_t i;
	static const char *const north[] = {"north korea", "north korean", "dprk",
	                                    "pyongyang", NULL};
	static const char *const south[] = {"south korea", "south korean", "rok",
	                                    "seoul", NULL};
	if (d->finished)
		return 0;
	d->w.s = word(d, "'s");
	d->w.the = word(d, "the");
	d->w.of = word(d, "of");
	d->w.and_ = word(d, "and");
	d->w.or_ = word(d, "or");
	d->w.comma = word(d, ",");
	d->w.former = word(d, "former");
	d->w.ex = word(d, "ex");
	ent_free(d->w.modifiers);
	ent_free(d->w.locatives);
	d->w.modifiers = d->w.locatives = NULL;
	ent_free(d->w.motions);
	ent_free(d->w.function_words);
	d->w.motions = NULL;
	d->w.function_words = NULL;
	d->w.to = word(d, "to");
	d->w.from = word(d, "from");
	d->w.in = word(d, "in");
	d->w.on = word(d, "on");
	ent_free(d->w.on_motions);
	d->w.on_motions = NULL;
	if (word_list(d, on_motions, &d->w.on_motions, &d->w.non_motions) < 0)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	if (word_list(d, modifiers, &d->w.modifiers, &d->w.nmodifiers) < 0 ||
	    word_list(d, locatives, &d->w.locatives, &d->w.nlocatives) < 0 ||
	    word_list(d, motions, &d->w.motions, &d->w.nmotions) < 0 ||
	    word_list(d, function_words, &d->w.function_words, &d->w.nfunction_words) < 0)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	cues(d, north, d->w.north, 32);
	cues(d, south, d->w.south, 32);
	/* ambiguity rules: the phrase is the first sequence of each rule; the
	   rules of one phrase form a chain (all must hold) */
	for (i = d->nrules; i-- > 0;) {
		ent_rule *r = &d->rules[i];
		uint32_t node = ent_dict_walk(d, r->cues + 1, r->cues[0]), p;
		if (node == UINT32_MAX || !d->node_first[node]) {
			if (d->opt.check)
				ent_diag_emit(d->ctx, ENT_DIAG_WARNING, d->files[r->file], r->line, -1,
				              "the rule's phrase is in no dictionary");
			continue;
		}
		p = d->node_first[node];
		r->next = d->phrases[p - 1].rule;
		for (; p; p = d->phrases[p - 1].next)
			d->phrases[p - 1].rule = (uint16_t)(i + 1);
	}
	/* glossary renderings of places: find the place they mean */
	for (i = 0; i < d->ngloss; i++) {
		ent_glossrow *g = &d->gloss[i];
		const char *mean = ent_dict_cstr(d, g->meaning);
		uint32_t u[64], node, p;
		long n;
		g->place = -1;
		if (strcmp(ent_dict_cstr(d, g->kind), "place") != 0)
			continue;
		n = ent_dict_units(d, mean, strlen(mean), 0, u, NULL, 64);
		node = n > 0 ? ent_dict_walk(d, u, (size_t)n) : UINT32_MAX;
		if (node != UINT32_MAX)
			for (p = d->node_first[node]; p; p = d->phrases[p - 1].next) {
				const ent_entry *e = &d->entries[d->phrases[p - 1].entry];
				if (e->type == ENT_E_PLACE) {
					g->place = (int)e->extra;
					break;
				}
			}
		if (g->place < 0)
			ent_diag_emit(d->ctx, ENT_DIAG_WARNING, d->files[g->file], g->line, -1,
			              "glossary place '%s' is not in the gazetteer", mean);
	}
	/* the lookup filter, and which units start a phrase */
	if (ent_strtab_bloom(&d->units) < 0)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	ent_free(d->starts);
	d->nstarts_words = (d->units.count + 63) / 64;
	d->starts = ent_calloc(d->nstarts_words ? d->nstarts_words : 1, sizeof *d->starts);
	if (!d->starts)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	for (i = 0; i < d->edges.cap; i++) {
		uint64_t k = d->edges.slots[i].key;
		if (k && ((k - 1) >> 32) == 0) {
			uint32_t u = (uint32_t)(k - 1);
			d->starts[u >> 6] |= (uint64_t)1 << (u & 63);
		}
	}
	d->finished = 1;
	return 0;
}
