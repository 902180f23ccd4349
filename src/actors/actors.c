/*
 * actors.c - the recogniser object: runs the text side (match.c) and the
 * resolution (resolve.c) over a document and keeps the records.
 */
#include "actors/recog.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <string.h>

int ent_actors_new(ent_actors **out, ent_ctx *ctx, ent_dict *d,
                   const ent_states *st)
{
	ent_actors *a;
	int rc;
	*out = NULL;
	if ((rc = ent_dict_finish(d)) < 0)
		return rc;
	a = ent_calloc(1, sizeof *a);
	if (!a)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	a->ctx = ctx;
	a->d = d;
	a->st = st;
	ent_arena_init(&a->arena, 16384);
	memset(a->wcache, 0, sizeof a->wcache); /* h = 0 never matches a word */
	memset(a->ecache, 0, sizeof a->ecache); /* key 0 is never an edge */
	*out = a;
	return 0;
}

void ent_actors_free(ent_actors *a)
{
	if (!a)
		return;
	ent_free(a->u);
	ent_free(a->su);
	ent_free(a->m);
	ent_free(a->rec);
	ent_free(a->pl);
	ent_free(a->tm);
	ent_arena_destroy(&a->arena);
	ent_free(a);
}

int ent_actors_run(ent_actors *a, ent_doc *doc, ent_date date)
{
	size_t s;
	int rc;
	a->doc = doc;
	a->text = ent_doc_text(doc, NULL);
	if (date == ENT_DATE_NONE)
		date = ent_doc_date(doc);
	if (date == ENT_DATE_NONE)
		date = ent_date_today();
	a->date = date;
	a->nrec = a->npl = a->ntm = 0;
	ent_arena_reset(&a->arena);
	if ((rc = ent_recog_units(a)) < 0)
		return rc;
	for (s = 0; s < a->nsent; s++) {
		if ((rc = ent_recog_match(a, s)) < 0)
			return rc;
		if ((rc = ent_recog_resolve(a, s)) < 0)
			return rc;
	}
	return 0;
}

size_t ent_actors_count(const ent_actors *a)
{
	return a->nrec;
}

const ent_actor *ent_actors_get(const ent_actors *a, size_t i)
{
	return i < a->nrec ? &a->rec[i] : NULL;
}

size_t ent_actors_place_count(const ent_actors *a)
{
	return a->npl;
}

const ent_place *ent_actors_place(const ent_actors *a, size_t i)
{
	return i < a->npl ? &a->pl[i] : NULL;
}

size_t ent_actors_term_count(const ent_actors *a)
{
	return a->ntm;
}

const ent_term *ent_actors_term(const ent_actors *a, size_t i)
{
	return i < a->ntm ? &a->tm[i] : NULL;
}

const char *ent_actor_kind_name(ent_actor_kind k)
{
	static const char *const n[] = {"state", "person", "group", "igo"};
	return (unsigned)k < 4 ? n[k] : "?";
}

const char *ent_via_name(ent_via v)
{
	static const char *const n[] = {"dictionary", "metonym", "pronoun", "plural",
	                                "context"};
	return (unsigned)v < 5 ? n[v] : "?";
}
