/*
 * evdict.c - the event dictionary set: creation, the function words every
 * set knows (determiners, conjunctions, pronouns, passive-voice words),
 * loading files (kinds sniffed from content) and the built-in dictionary.
 */
#include "entente/builtin.h"
#include "events/ev_internal.h"
#include "util/alloc.h"
#include "util/lines.h"

#include <string.h>

/* The words TABARI's parser relies on, as roots of their own types. */
static const struct {
	const char *phrase;
	int type, special;
} function_words[] = {
	{"a_", EV_W_DETERM, 0}, {"an_", EV_W_DETERM, 0},
	{"the_", EV_W_DETERM, EV_F_THE},
	{"and_", EV_W_CONJ, EV_F_AND}, {"nor_", EV_W_CONJ, EV_F_NOR},
	{"but_", EV_W_CONJ, EV_F_BUT}, {"or_", EV_W_CONJ, EV_F_OR},
	{"in_", EV_W_PREP, 0}, {"of_", EV_W_PREP, 0},
	{"he_", EV_W_PRONOUN, EV_F_HE}, {"him_", EV_W_PRONOUN, EV_F_HE},
	{"she_", EV_W_PRONOUN, EV_F_HE}, {"her_", EV_W_PRONOUN, EV_F_HE},
	{"it_", EV_W_PRONOUN, EV_F_HE},
	{"them_", EV_W_PRONOUN, EV_F_THEY}, {"their_", EV_W_PRONOUN, EV_F_THEY},
	{"they_", EV_W_PRONOUN, EV_F_THEY},
	{"were_", EV_W_AUXIL, 0}, {"was_", EV_W_AUXIL, 0},
	{"been_", EV_W_AUXIL, 0},
	{"by_", EV_W_BY, 0},
	{"former_", EV_W_ADJ, EV_F_FORMER},
	{NULL, 0, 0}
};

int ent_evdict_new(ent_evdict **out, ent_ctx *ctx, const ent_evdict_options *o)
{
	static const ent_evdict_options def = ENT_EVDICT_OPTIONS_INIT;
	static const char *const fixed[] = {"", "---", "+++", "###", "***", "~ELI"};
	ent_evdict *d = ent_calloc(1, sizeof(*d));
	uint32_t id, file;
	size_t i;
	int rc = 0;

	*out = NULL;
	if (!d)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	d->ctx = ctx;
	d->opts = o ? *o : def;
	if (!d->opts.max_line)
		d->opts.max_line = 65536;
	if (!d->opts.max_reports)
		d->opts.max_reports = 10000;
	ent_event_options_init(&d->options);
	if (d->opts.compat != ENT_COMPAT_TABARI)
		d->options.min_words = 0;
	for (i = 0; i < sizeof fixed / sizeof fixed[0] && rc == 0; i++)
		rc = ev_str_intern(d, fixed[i], strlen(fixed[i]), &id);
	if (rc == 0)
		rc = ev_str_intern(d, "(built in)", 10, &file);
	for (i = 0; rc == 0 && function_words[i].phrase; i++) {
		uint32_t phrase, root;
		const char *why;
		rc = ev_phrase_compile(d, function_words[i].phrase,
		                       strlen(function_words[i].phrase), 0, &phrase, &why);
		if (rc == 0)
			rc = ev_root_add(d, phrase, function_words[i].type, &root);
		if (rc == 0) {
			d->roots[root].special = (uint8_t)function_words[i].special;
			d->roots[root].file = file;
			rc = ent_map64_put(&d->phrase_map, ev_phrase_key(d, phrase), root + 1);
		}
	}
	if (rc < 0) {
		ent_evdict_free(d);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	*out = d;
	return 0;
}

void ent_evdict_free(ent_evdict *d)
{
	if (!d)
		return;
	ent_buf_free(&d->strs);
	ent_free(d->str_off);
	ent_map64_free(&d->str_map);
	ent_free(d->lits);
	ent_map64_free(&d->prefix_map);
	ent_free(d->els);
	ent_free(d->roots);
	ent_free(d->pats);
	ent_free(d->reqs);
	ent_free(d->ecodes);
	ent_free(d->acodes);
	ent_free(d->aalts);
	ent_free(d->aparts);
	ent_free(d->tcodes);
	ent_free(d->issuecats);
	ent_map64_free(&d->phrase_map);
	ent_free(d->ktabs);
	ent_free(d->rankids);
	ent_free(d->plists);
	ent_map64_free(&d->syn_map);
	ent_map64_free(&d->label_map);
	ent_free(d->discards);
	ent_free(d);
}

/* PETRARCH-2 verb dictionaries head their blocks with "--- NAME [CODE] ---". */
static int is_p2(const char *data, size_t len)
{
	ent_lines it;
	const char *l;
	size_t n;
	if (len > 262144)
		len = 262144;   /* the first block comes after the synsets */
	ent_lines_init(&it, data, len);
	while (ent_lines_next(&it, &l, &n)) {
		if (n >= 7 && memcmp(l, "---", 3) == 0 && l[3] == ' ' &&
		    memchr(l, '[', n) && n > 4 && memcmp(l + n - 3 - (l[n - 1] == '\r'),
		                                        "---", 3) == 0)
			return 1;
	}
	return 0;
}

int ent_evdict_add_text(ent_evdict *d, const char *name, const char *data,
                        size_t len, ent_dict_kind kind,
                        ent_dict_load_stats *stats)
{
	ent_dict_load_stats local;
	int rc;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	if (kind == ENT_DICT_AUTO)
		kind = ent_dict_sniff(data, len);
	if (kind == ENT_DICT_AUTO)
		return ent_err(d->ctx, ENT_EPARSE, "%s: cannot tell what kind of "
		               "dictionary this is (use --kind verbs|options|discards|"
		               "issues|actors|agents)", name);
	stats->kind = kind;
	switch (kind) {
	case ENT_DICT_VERBS:
		if (is_p2(data, len))
			rc = ev_read_p2(d, name, data, len, stats);
		else
			rc = ev_read_tabari(d, name, data, len, kind, stats);
		break;
	case ENT_DICT_OPTIONS:
		rc = ev_read_options(d, name, data, len, stats);
		break;
	case ENT_DICT_DISCARDS:
	case ENT_DICT_ISSUES:
		rc = ev_read_tabari(d, name, data, len, kind, stats);
		break;
	case ENT_DICT_ACTORS:
	case ENT_DICT_AGENTS:
		if (d->opts.compat != ENT_COMPAT_TABARI)
			return ent_err(d->ctx, ENT_EUNSUP, "%s: %s dictionary: the actor "
			               "stage reads it (the event engine reads actors "
			               "itself only under --compat tabari)", name,
			               ent_dict_kind_name(kind));
		rc = ev_read_tabari(d, name, data, len, kind, stats);
		break;
	default:
		return ent_err(d->ctx, ENT_EUNSUP, "%s: %s dictionary: not read by the "
		               "event engine", name, ent_dict_kind_name(kind));
	}
	return rc;
}

int ent_evdict_add_file(ent_evdict *d, const char *path, ent_dict_kind kind,
                        ent_dict_load_stats *stats)
{
	char *data;
	size_t len;
	int rc = ent_read_file(&data, &len, d->ctx, path);
	if (rc < 0)
		return rc;
	d->loading_user = 1;
	rc = ent_evdict_add_text(d, path, data, len, kind, stats);
	d->loading_user = 0;
	ent_free(data);
	return rc;
}

/* The built-in event dictionary (data/events/): our verb patterns and
 * the sport and entertainment discards. */
static const struct {
	const char *name;
	ent_dict_kind kind;
} builtin_files[] = {
	{"events/entente.verbs", ENT_DICT_VERBS},
	{"events/entente.discards", ENT_DICT_DISCARDS},
	{NULL, ENT_DICT_AUTO}
};

int ent_evdict_add_builtin(ent_evdict *d)
{
	size_t i;
	for (i = 0; builtin_files[i].name; i++) {
		const ent_builtin_file *f = ent_builtin_find(builtin_files[i].name);
		ent_dict_load_stats st;
		int rc;
		if (!f)
			return ent_err(d->ctx, ENT_EPARSE, "built-in file %s is missing",
			               builtin_files[i].name);
		rc = ent_evdict_add_text(d, f->name, f->data, f->len, builtin_files[i].kind,
		                         &st);
		if (rc < 0)
			return rc;
		if (st.errors)
			return ent_err(d->ctx, ENT_EPARSE, "built-in file %s has %ld bad "
			               "line(s)", f->name, st.errors);
	}
	return 0;
}

void ent_evdict_options_get(const ent_evdict *d, ent_event_options *out)
{
	*out = d->options;
}

void ent_evdict_counts(const ent_evdict *d, long *verbs, long *patterns,
                       long *synsets)
{
	size_t i;
	long v = 0, s = 0;
	for (i = 0; i < d->nroot; i++) {
		if (d->roots[i].dead)
			continue;
		if (d->roots[i].type == EV_W_VERB)
			v++;
		else if (d->roots[i].type == EV_W_SYNSET)
			s++;
	}
	if (verbs)
		*verbs = v;
	if (patterns)
		*patterns = (long)d->npat;
	if (synsets)
		*synsets = s;
}

const char *ent_evdict_label(const ent_evdict *d, const char *code)
{
	size_t n = strlen(code);
	uint64_t key = ent_hash_bytes(code, n);
	uint32_t id;
	/* find the code's string id without interning */
	if (!key)
		key = 1;
	for (;;) {
		id = ent_map64_get(&d->str_map, key, 0);
		if (!id)
			return NULL;
		if (strcmp(ev_str(d, id), code) == 0)
			break;
		key = ent_hash_mix(key) | 1;
	}
	id = ent_map64_get(&d->label_map, (uint64_t)id, 0);
	return id ? ev_str(d, id) : NULL;
}
