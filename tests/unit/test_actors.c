/*
 * test_actors.c - the actor stage: pinned rows of the built-in dictionary
 * (office holders by date, COW codes, iso-codes names), the real Phoenix
 * and TABARI dictionaries (counts, Putin on three dates; skipped when
 * ../shared is absent), malformed dictionaries (every bad line reported
 * with its line, the rest kept), sniffing, unit keys, the compiled
 * snapshot against the parsed files, byte spans, and two threads sharing
 * one dictionary set.
 */
#define _GNU_SOURCE /* memmem */
#define ENT_HARNESS_IMPL
#include "harness.h"

#include "entente.h"
#include "actors/units.h"

#include <pthread.h>
#include <unistd.h>

typedef struct {
	int n, errors;
	char all[16384];
} diag_log;

static void on_diag(const ent_diag *d, void *p)
{
	diag_log *l = p;
	size_t k = strlen(l->all);
	l->n++;
	if (d->level == ENT_DIAG_ERROR)
		l->errors++;
	if (k < sizeof l->all - 1)
		snprintf(l->all + k, sizeof l->all - k, "%s:%ld: %s\n", d->file ? d->file : "",
		         d->line, d->message);
}

static ent_date D(const char *s)
{
	ent_date d;
	ent_date_parse(&d, s, strlen(s));
	return d;
}

typedef struct {
	ent_ctx *ctx;
	ent_states *st;
	ent_dict *d;
	ent_actors *a;
	diag_log log;
} fixture;

static void setup(fixture *f, int builtin)
{
	memset(f, 0, sizeof *f);
	ent_ctx_new(&f->ctx);
	ent_ctx_set_diag(f->ctx, on_diag, &f->log);
	ENT_CHECK(ent_states_load(&f->st, f->ctx) == 0);
	ENT_CHECK(ent_dict_new(&f->d, f->ctx, NULL) == 0);
	if (builtin)
		ENT_CHECK(ent_dict_add_builtin(f->d) == 0);
}

static void teardown(fixture *f)
{
	ent_actors_free(f->a);
	ent_dict_free(f->d);
	ent_states_free(f->st);
	ent_ctx_free(f->ctx);
}

/* Code of a phrase on a date, "" when unknown. */
static const char *code_of(ent_dict *d, const char *phrase, const char *date)
{
	const char *code, *file;
	long line;
	if (ent_dict_lookup(d, phrase, date ? D(date) : ENT_DATE_NONE, &code, &file, &line) < 0)
		return "";
	return code;
}

/* Run the recogniser on one text; codes joined by spaces into buf. */
static const char *run_text(fixture *f, const char *text, const char *date, char *buf,
                            size_t cap)
{
	ent_article art;
	ent_doc *doc = NULL;
	size_t i, k = 0;
	memset(&art, 0, sizeof art);
	art.id = "t";
	art.text = text;
	art.text_len = strlen(text);
	art.date = date ? D(date) : ENT_DATE_NONE;
	buf[0] = '\0';
	if (!f->a && ent_actors_new(&f->a, f->ctx, f->d, f->st) < 0)
		return buf;
	if (ent_doc_new(&doc, f->ctx, &art, NULL, 0) < 0)
		return buf;
	if (ent_actors_run(f->a, doc, ENT_DATE_NONE) == 0)
		for (i = 0; i < ent_actors_count(f->a); i++) {
			const ent_actor *r = ent_actors_get(f->a, i);
			k += (size_t)snprintf(buf + k, cap - k, "%s%s", k ? " " : "", r->code);
			if (k >= cap)
				break;
		}
	ent_doc_free(doc);
	return buf;
}

/* ---- the built-in dictionary ------------------------------------------------ */

ENT_TEST(builtin_office_holders_by_date)
{
	fixture f;
	setup(&f, 1);
	/* Putin: prime minister from 1999-08-09, president, prime minister,
	   president; a Russian before */
	ENT_CHECK_STR(code_of(f.d, "Putin", "1999-08-08"), "RUS");
	ENT_CHECK_STR(code_of(f.d, "Putin", "1999-08-09"), "RUSGOV");
	ENT_CHECK_STR(code_of(f.d, "Vladimir Putin", "2010-06-01"), "RUSGOV");
	/* Shoigu: defence minister until 2024-05-12, then Security Council */
	ENT_CHECK_STR(code_of(f.d, "Shoigu", "2024-05-11"), "RUSMIL");
	ENT_CHECK_STR(code_of(f.d, "Shoygu", "2024-05-12"), "RUSGOV");
	/* Kim Jong Un from his father's death */
	ENT_CHECK_STR(code_of(f.d, "Kim Jong-un", "2011-12-16"), "PRK");
	ENT_CHECK_STR(code_of(f.d, "Kim Jong Un", "2011-12-17"), "PRKGOV");
	/* spelling variants */
	ENT_CHECK_STR(code_of(f.d, "Zelensky", "2023-01-01"), "UKRGOV");
	ENT_CHECK_STR(code_of(f.d, "Zelenskiy", "2023-01-01"), "UKRGOV");
	ENT_CHECK_STR(code_of(f.d, "Erdoğan", "2023-01-01"), "TURGOV");
	ENT_CHECK_STR(code_of(f.d, "Erdogan", "2023-01-01"), "TURGOV");
	/* international officials */
	ENT_CHECK_STR(code_of(f.d, "Antonio Guterres", "2020-01-01"), "IGOUNO");
	ENT_CHECK_STR(code_of(f.d, "Stoltenberg", "2020-01-01"), "IGOWSTNAT");
	/* a legislative leader who acts abroad */
	ENT_CHECK_STR(code_of(f.d, "Nancy Pelosi", "2022-08-02"), "USALEG");
	teardown(&f);
}

ENT_TEST(builtin_names_and_codes)
{
	fixture f;
	char buf[512];
	setup(&f, 1);
	/* generated from iso-codes: English and translated names */
	ENT_CHECK_STR(code_of(f.d, "Germany", NULL), "DEU");
	ENT_CHECK_STR(code_of(f.d, "Deutschland", NULL), "DEU");
	ENT_CHECK_STR(code_of(f.d, "Allemagne", NULL), "DEU");
	ENT_CHECK_STR(code_of(f.d, "Bolivia", NULL), "BOL");
	/* the overlay */
	ENT_CHECK_STR(code_of(f.d, "North Korean", NULL), "PRK");
	ENT_CHECK_STR(code_of(f.d, "Emirati", NULL), "ARE");
	ENT_CHECK_STR(code_of(f.d, "Britain", NULL), "GBR");
	/* organisations and roles */
	ENT_CHECK_STR(code_of(f.d, "NATO", NULL), "IGOWSTNAT");
	ENT_CHECK_STR(code_of(f.d, "coast guard", NULL), "MIL");
	ENT_CHECK_STR(code_of(f.d, "foreign minister", NULL), "GOV");
	/* COW codes beside ISO */
	run_text(&f, "North Korea, Russia and the United States.", "2023-09-13", buf, sizeof buf);
	ENT_CHECK_STR(buf, "PRK RUS USA");
	{
		const ent_actor *r = ent_actors_get(f.a, 0);
		ENT_CHECK(r && r->cow == 731 && strcmp(r->country, "PRK") == 0);
		r = ent_actors_get(f.a, 1);
		ENT_CHECK(r && r->cow == 365);
		r = ent_actors_get(f.a, 2);
		ENT_CHECK(r && r->cow == 2);
	}
	teardown(&f);
}

/* Every entry of our built-in files names its source: the primary line of
 * an actor entry and each dated restriction carry "source:", and so does
 * every agent line; the tables have a source column. */
ENT_TEST(builtin_rows_have_sources)
{
	static const char *const files[] = {
	    "actors/states.actors", "actors/foreign.actors", "actors/officeholders.actors",
	    "actors/igos.actors", "actors/groups.actors", "actors/entente.agents",
	    "actors/iso-countries.actors", "actors/iso-locales.actors", NULL};
	size_t k;
	for (k = 0; files[k]; k++) {
		const ent_builtin_file *f = ent_builtin_find(files[k]);
		const char *p, *end;
		long line = 0, missing = 0, rows = 0;
		ENT_CHECK(f != NULL);
		if (!f)
			continue;
		p = f->data;
		end = f->data + f->len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			int primary, dated;
			line++;
			primary = n && p[0] != '#' && p[0] != '+' && p[0] != '\t' && p[0] != ' ' && p[0] != '!' &&
			          p[0] != '~';
			dated = n && (p[0] == '\t' || p[0] == ' ') && memchr(p, '[', n) &&
			        (memchr(p, '-', n) || memchr(p, '>', n) || memchr(p, '<', n));
			if (primary || dated) {
				rows++;
				if (!memmem(p, n, "source:", 7)) {
					if (missing < 3)
						fprintf(stderr, "%s:%ld: no source\n", files[k], line);
					missing++;
				}
			}
			p += n + 1;
		}
		ENT_CHECK(rows > 0);
		ENT_CHECK_INT(missing, 0);
	}
	{
		/* the tables: a non-empty source column */
		static const struct {
			const char *name;
			int col;
		} tabs[] = {{"places.tsv", 7}, {"actors/glossary.tsv", 5}};
		for (k = 0; k < 2; k++) {
			const ent_builtin_file *f = ent_builtin_find(tabs[k].name);
			const char *p, *end;
			long missing = 0, rows = 0;
			ENT_CHECK(f != NULL);
			if (!f)
				continue;
			p = f->data;
			end = f->data + f->len;
			while (p < end) {
				const char *nl = memchr(p, '\n', (size_t)(end - p));
				size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p), i, start = 0;
				int col = 0;
				if (n && p[0] != '#') {
					rows++;
					for (i = 0; i <= n; i++)
						if (i == n || p[i] == '\t') {
							if (col == tabs[k].col && i - start < 8)
								missing++;
							col++;
							start = i + 1;
						}
				}
				p += n + 1;
			}
			ENT_CHECK(rows > 0);
			ENT_CHECK_INT(missing, 0);
		}
	}
}

/* The acceptance sentences. */
ENT_TEST(done_when_sentences)
{
	fixture f;
	char buf[512];
	setup(&f, 1);
	run_text(&f, "North Korean leader Kim Jong -un met Russian President Putin; Pyongyang "
	             "and the Kremlin praised the talks, and Beijing said nothing.",
	         "2023-09-13", buf, sizeof buf);
	ENT_CHECK_STR(buf, "PRKGOV RUSGOV PRKGOV RUSGOV CHNGOV");
	run_text(&f, "Putin met Kim Jong Un.", "1995-01-01", buf, sizeof buf);
	ENT_CHECK_STR(buf, "RUS PRK");
	run_text(&f, "Putin met Kim Jong Un.", "2024-06-19", buf, sizeof buf);
	ENT_CHECK_STR(buf, "RUSGOV PRKGOV");
	teardown(&f);
}

/* Spans point into the original input, across the text stage's repairs. */
ENT_TEST(spans_into_the_original)
{
	fixture f;
	char buf[256];
	const char *text = "North Korean leader Kim Jong -un met  Putin .";
	const ent_actor *r;
	setup(&f, 1);
	run_text(&f, text, "2023-09-13", buf, sizeof buf);
	ENT_CHECK_STR(buf, "PRKGOV RUSGOV");
	r = ent_actors_get(f.a, 0);
	ENT_CHECK(r && r->start == 0 && r->end == 32);
	r = ent_actors_get(f.a, 1);
	ENT_CHECK(r && r->start == 38 && r->end == 43);
	teardown(&f);
}

/* The compiled snapshot reads the same as the files it was made from. */
ENT_TEST(snapshot_equals_files)
{
	fixture a, b;
	const ent_builtin_file *s = ent_builtin_find("samples/articles.jsonl");
	ent_reader *rd;
	ent_article art;
	int docs = 0;
	setup(&a, 1);
	setenv("ENTENTE_NO_SNAPSHOT", "1", 1);
	setup(&b, 1);
	unsetenv("ENTENTE_NO_SNAPSHOT");
	ENT_CHECK(s != NULL);
	if (!s)
		return;
	ENT_CHECK(ent_actors_new(&a.a, a.ctx, a.d, a.st) == 0);
	ENT_CHECK(ent_actors_new(&b.a, b.ctx, b.d, b.st) == 0);
	ENT_CHECK(ent_reader_open_memory(&rd, a.ctx, s->data, s->len, s->name, NULL) == 0);
	while (ent_reader_next(rd, &art) == 1) {
		ent_doc *doc = NULL;
		size_t i;
		if (ent_doc_new(&doc, a.ctx, &art, NULL, 0) < 0)
			break;
		ent_actors_run(a.a, doc, ENT_DATE_NONE);
		ent_actors_run(b.a, doc, ENT_DATE_NONE);
		ENT_CHECK_INT(ent_actors_count(a.a), ent_actors_count(b.a));
		for (i = 0; i < ent_actors_count(a.a) && i < ent_actors_count(b.a); i++) {
			const ent_actor *x = ent_actors_get(a.a, i), *y = ent_actors_get(b.a, i);
			ENT_CHECK(x->start == y->start && x->end == y->end &&
			          strcmp(x->code, y->code) == 0 && x->via == y->via &&
			          x->via_line == y->via_line);
		}
		ENT_CHECK_INT(ent_actors_place_count(a.a), ent_actors_place_count(b.a));
		ent_doc_free(doc);
		docs++;
	}
	ENT_CHECK_INT(docs, 36);
	ent_reader_free(rd);
	teardown(&a);
	teardown(&b);
}

/* ---- our syntax and its quirks ------------------------------------------- */

ENT_TEST(reader_syntax_and_restrictions)
{
	fixture f;
	ent_dict_load_stats st;
	const char *text =
	    "# a comment\r\n"
	    "FOO_BAR_ [ABC]   ; a TABARI comment\r\n"
	    "+FOO_BARS_\r\n"
	    "JOHN_DOE_  # a person\n"
	    "\t[ABCGOV 990101-031231]\n"
	    "\t[ABCMIL > 20040101]\n"
	    "\t[ABC]\n"
	    "JANE_ROE_ [XYZGOV <20001231] [XYZ]\n"
	    "WIDGET\n"
	    "~FINISH\n"
	    "NEVER_READ_ [QQQ]\n";
	setup(&f, 0);
	ENT_CHECK(ent_dict_add_text(f.d, "t.actors", text, strlen(text), ENT_DICT_AUTO, &st) == 0);
	ENT_CHECK_INT(st.kind, ENT_DICT_ACTORS);
	ENT_CHECK_INT(st.entries, 4);
	ENT_CHECK_INT(st.restrictions, 3);
	ENT_CHECK_INT(st.errors, 0);
	ENT_CHECK_STR(code_of(f.d, "foo bar", NULL), "ABC");
	ENT_CHECK_STR(code_of(f.d, "Foo Bars", NULL), "ABC");
	ENT_CHECK_STR(code_of(f.d, "John Doe", "2003-12-31"), "ABCGOV");
	ENT_CHECK_STR(code_of(f.d, "John Doe", "2004-01-01"), "ABCMIL");
	ENT_CHECK_STR(code_of(f.d, "John Doe", "1998-12-31"), "ABC");
	ENT_CHECK_STR(code_of(f.d, "Jane Roe", "2000-12-31"), "XYZGOV");
	ENT_CHECK_STR(code_of(f.d, "Jane Roe", "2001-01-01"), "XYZ");
	/* no trailing underscore: the plural is generated */
	ENT_CHECK_STR(code_of(f.d, "widgets", NULL), "");
	ENT_CHECK(ent_dict_lookup(f.d, "widgets", ENT_DATE_NONE, &(const char *){0},
	                          &(const char *){0}, &(long){0}) == 0);
	ENT_CHECK(ent_dict_lookup(f.d, "never read", ENT_DATE_NONE, &(const char *){0},
	                          &(const char *){0}, &(long){0}) == ENT_ENOTFOUND);
	teardown(&f);
}

ENT_TEST(reader_agents)
{
	fixture f;
	ent_dict_load_stats st;
	char buf[256];
	const char *text =
	    "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
	    "CONGRESS!PERSON! [~LEG]\n"
	    "POLICE {} [~COP]\n"
	    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
	    "RIGHTS_GROUP [NGO~]\n"
	    "DEPARTMENT_OF_MAGIC [~ENV}\n";
	setup(&f, 0);
	ENT_CHECK(ent_dict_add_text(f.d, "t.agents", text, strlen(text), ENT_DICT_AUTO, &st) == 0);
	ENT_CHECK_INT(st.kind, ENT_DICT_AGENTS);
	ENT_CHECK_INT(st.errors, 0);
	ENT_CHECK_INT(st.warnings, 1); /* the '}' */
	ENT_CHECK_STR(code_of(f.d, "congresswoman", NULL), "LEG");
	ENT_CHECK_STR(code_of(f.d, "attorneys general", NULL), "JUD");
	ENT_CHECK(ent_dict_lookup(f.d, "polices", ENT_DATE_NONE, &(const char *){0},
	                          &(const char *){0}, &(long){0}) == ENT_ENOTFOUND);
	ENT_CHECK_STR(code_of(f.d, "department of magic", NULL), "ENV");
	/* with a country: ~ appends, ~ after prepends */
	ENT_CHECK(ent_dict_add_text(f.d, "c.actors", "FRANCE_ [FRA]\nFRENCH [FRA]\n", 27,
	                            ENT_DICT_ACTORS, NULL) == 0);
	run_text(&f, "French police and a French rights group.", NULL, buf, sizeof buf);
	ENT_CHECK_STR(buf, "FRACOP NGOFRA");
	teardown(&f);
}

/* Every kind of bad line: an error naming the line; the rest is read. */
ENT_TEST(malformed_dictionaries)
{
	fixture f;
	ent_dict_load_stats st;
	const char *text =
	    "GOOD_ONE_ [AAA]\n"                      /* 1 */
	    "BAD_DATE_\n"                            /* 2 */
	    "\t[BBBGOV 19991399-20001231]\n"         /* 3: month 13 */
	    "REVERSED_ [CCC 20050101-20040101]\n"    /* 4: the line is skipped */
	    "UNBALANCED_ [DDD\n"                     /* 5 */
	    "STRAY]_ [EEE]\n"                        /* 6 */
	    "LOWER_ [fff!]\n"                        /* 7: bad character */
	    "\t[GGG 2001]\n"                         /* 8: belongs to a skipped entry */
	    "ANOTHER_ [KKK]\n"                       /* 9 */
	    "\t[GGG 2001]\n"                         /* 10: neither date form */
	    "TRUNCATED_ [HHHGOV 2001010\n"           /* 11 */
	    "LATIN1_\xe9T\xc9_ [III]\n"              /* 12: not UTF-8: a warning */
	    "EMPTY_CODE_ []\n"                       /* 13 */
	    "+ORPHAN_SYNONYM\n"                      /* 14: belongs to a skipped entry */
	    "GOOD_TWO_ [JJJ]\n";                     /* 15 */
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	memset(&f, 0, sizeof f);
	ent_ctx_new(&f.ctx);
	ent_ctx_set_diag(f.ctx, on_diag, &f.log);
	o.check = 1;
	ENT_CHECK(ent_dict_new(&f.d, f.ctx, &o) == 0);
	ENT_CHECK(ent_dict_add_text(f.d, "bad.actors", text, strlen(text), ENT_DICT_ACTORS,
	                            &st) == 0);
	ENT_CHECK(strstr(f.log.all, "bad.actors:3: bad date '19991399'") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:4: dates reversed") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:5: unbalanced '['") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:6: ']' without '['") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:7: bad character '!'") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:8:") == NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:10: bad restriction") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:11: unbalanced '['") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:12: not UTF-8: read as Latin-1") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:13: empty code") != NULL);
	ENT_CHECK(strstr(f.log.all, "bad.actors:14:") == NULL);
	ENT_CHECK(strstr(f.log.all, "unknown code root 'AAA'") != NULL);
	ENT_CHECK_INT(st.errors, 8);
	ENT_CHECK_STR(code_of(f.d, "good one", NULL), "AAA");
	ENT_CHECK_STR(code_of(f.d, "good two", NULL), "JJJ");
	ENT_CHECK_STR(code_of(f.d, "another", NULL), "KKK");
	ENT_CHECK_STR(code_of(f.d, "latin1 été", NULL), "III");
	/* skipped lines leave nothing behind */
	ENT_CHECK(ent_dict_lookup(f.d, "reversed", ENT_DATE_NONE, &(const char *){0},
	                          &(const char *){0}, &(long){0}) == ENT_ENOTFOUND);
	ENT_CHECK(ent_dict_lookup(f.d, "orphan synonym", ENT_DATE_NONE, &(const char *){0},
	                          &(const char *){0}, &(long){0}) == ENT_ENOTFOUND);
	teardown(&f);
}

/* Dictionary dates: two-digit years, a day past the month's end. */
ENT_TEST(dictionary_dates)
{
	fixture f;
	const char *text =
	    "OLD_KING_\n\t[AAAGOV 270101-330101]\n\t[AAA]\n"
	    "NEW_MAN_\n\t[BBBGOV 040101-040931]\n";
	ent_dict_load_stats st;
	setup(&f, 0);
	ENT_CHECK(ent_dict_add_text(f.d, "d.actors", text, strlen(text), ENT_DICT_ACTORS, &st) == 0);
	ENT_CHECK_INT(st.errors, 0);
	ENT_CHECK_INT(st.warnings, 1);
	/* 27 in a range ending in 33 is 1927 */
	ENT_CHECK_STR(code_of(f.d, "old king", "1930-06-01"), "AAAGOV");
	/* 040931 is read as 2004-09-30 */
	ENT_CHECK_STR(code_of(f.d, "new man", "2004-09-30"), "BBBGOV");
	ENT_CHECK_STR(code_of(f.d, "new man", "2004-10-01"), "");
	teardown(&f);
}

ENT_TEST(unit_keys)
{
	char out[512];
	size_t n;
	ent_upiece pc[8];
	n = ent_units_key(out, "U.S.", 4);
	ENT_CHECK_MEM(out, n, "us");
	n = ent_units_key(out, "Erdoğan", strlen("Erdoğan"));
	ENT_CHECK_MEM(out, n, "erdogan");
	n = ent_units_key(out, "Россией", strlen("Россией"));
	ENT_CHECK_MEM(out, n, "росси");
	n = ent_units_key(out, "Россия", strlen("Россия"));
	ENT_CHECK_MEM(out, n, "росси");
	/* Niger and Nigeria stay apart */
	n = ent_units_key(out, "Нигера", strlen("Нигера"));
	ENT_CHECK_MEM(out, n, "нигер");
	n = ent_units_key(out, "Нигерии", strlen("Нигерии"));
	ENT_CHECK_MEM(out, n, "нигери");
	/* elisions and hyphens */
	ENT_CHECK_INT(ent_units_pieces("l'Iran", 6, pc, 8), 2);
	ENT_CHECK(pc[0].flags & ENT_U_ELIDED);
	ENT_CHECK_INT(ent_units_pieces("Jong-un", 7, pc, 8), 2);
	ENT_CHECK(pc[1].flags & ENT_U_HYPHCONT);
	ENT_CHECK_INT(ent_units_pieces("O'Brien", 7, pc, 8), 1);
	/* Korean particles */
	ENT_CHECK_INT(ent_units_particle("북한은", strlen("북한은")), 3);
	ENT_CHECK_INT(ent_units_particle("북한에서는", strlen("북한에서는")), 9);
	ENT_CHECK_INT(ent_units_particle("북한", strlen("북한")), 0);
}

ENT_TEST(sniffing)
{
	ENT_CHECK_INT(ent_dict_sniff("FOO_ [ABC]\n+BAR_\n", 17), ENT_DICT_ACTORS);
	ENT_CHECK_INT(ent_dict_sniff("POLICE {} [~COP]\n", 17), ENT_DICT_AGENTS);
	ENT_CHECK_INT(ent_dict_sniff("#name\tvariants\tiso3\n", 20), ENT_DICT_PLACES);
	ENT_CHECK_INT(ent_dict_sniff("#rendering\tvariants\tmeaning\n", 28), ENT_DICT_GLOSSARY);
	ENT_CHECK_INT(ent_dict_sniff("", 0), ENT_DICT_AUTO);
}

/* ---- the real dictionaries users bring ------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *b;
	long n;
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, fp) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(fp);
	if (b)
		b[n] = '\0';
	*len = (size_t)n;
	return b;
}

#define SHARED ENT_SOURCE_DIR "/../shared/dictionaries"

ENT_TEST(real_phoenix_and_tabari)
{
	fixture f;
	ent_dict_load_stats st;
	char *v;
	size_t n;
	if (access(SHARED, R_OK) != 0) {
		printf("skipped: %s is absent\n", SHARED);
		return;
	}
	setup(&f, 0);
	ENT_CHECK(ent_dict_add_file(f.d, SHARED "/phoenix/Phoenix.Countries.actors.txt",
	                            ENT_DICT_AUTO, &st) == 0);
	ENT_CHECK_INT(st.kind, ENT_DICT_ACTORS);
	ENT_CHECK_INT(st.entries, 18388);
	ENT_CHECK_INT(st.phrases, 27122);
	ENT_CHECK_INT(st.restrictions, 26098);
	/* Putin in Phoenix: an elite, then the government */
	ENT_CHECK_STR(code_of(f.d, "Vladimir Putin", "1995-01-01"), "RUSELI");
	ENT_CHECK_STR(code_of(f.d, "Putin", "2003-01-01"), "RUSGOV");
	ENT_CHECK_STR(code_of(f.d, "President Putin", "2010-01-01"), "RUSGOV");
	ENT_CHECK(ent_dict_add_file(f.d, SHARED "/phoenix/Phoenix.agents.txt", ENT_DICT_AUTO,
	                            &st) == 0);
	ENT_CHECK_INT(st.kind, ENT_DICT_AGENTS);
	ENT_CHECK_INT(st.entries, 2244);
	ENT_CHECK_STR(code_of(f.d, "congressman", NULL), "LEG");
	teardown(&f);

	setup(&f, 0);
	ENT_CHECK(ent_dict_add_file(f.d, SHARED "/tabari/CountryInfo.120116.actors",
	                            ENT_DICT_AUTO, &st) == 0);
	ENT_CHECK_INT(st.kind, ENT_DICT_ACTORS);
	ENT_CHECK_INT(st.entries, 22826);
	ENT_CHECK_INT(st.restrictions, 25855);
	ENT_CHECK_STR(code_of(f.d, "Vladimir Putin", "1990-01-01"), "RUSELI");
	ENT_CHECK_STR(code_of(f.d, "Vladimir Putin", "2005-01-01"), "RUSGOV");
	teardown(&f);

	/* the verb and options files are recognised for what they are */
	v = slurp(SHARED "/tabari/CAMEO.091003.master.verbs", &n);
	ENT_CHECK(v != NULL);
	if (v)
		ENT_CHECK_INT(ent_dict_sniff(v, n), ENT_DICT_VERBS);
	free(v);
	v = slurp(SHARED "/tabari/CAMEO.09b5.options", &n);
	ENT_CHECK(v != NULL);
	if (v)
		ENT_CHECK_INT(ent_dict_sniff(v, n), ENT_DICT_OPTIONS);
	free(v);
}

/* ---- threads -------------------------------------------------------------- */

typedef struct {
	ent_dict *d;
	const ent_states *st;
	char out[512];
} thread_arg;

static void *worker(void *p)
{
	thread_arg *t = p;
	ent_ctx *ctx;
	ent_actors *a = NULL;
	int k;
	ent_ctx_new(&ctx);
	if (ent_actors_new(&a, ctx, t->d, t->st) == 0)
		for (k = 0; k < 50; k++) {
			ent_article art;
			ent_doc *doc = NULL;
			size_t i, n = 0;
			memset(&art, 0, sizeof art);
			art.id = "t";
			art.text = "Kim Jong Un met Putin in Moscow. The two leaders praised Beijing.";
			art.text_len = strlen(art.text);
			art.date = D("2023-09-13");
			if (ent_doc_new(&doc, ctx, &art, NULL, 0) < 0)
				break;
			ent_actors_run(a, doc, ENT_DATE_NONE);
			t->out[0] = '\0';
			for (i = 0; i < ent_actors_count(a); i++)
				n += (size_t)snprintf(t->out + n, sizeof t->out - n, "%s ",
				                      ent_actors_get(a, i)->code);
			ent_doc_free(doc);
		}
	ent_actors_free(a);
	ent_ctx_free(ctx);
	return NULL;
}

ENT_TEST(two_threads_share_a_dictionary)
{
	fixture f;
	pthread_t th[2];
	thread_arg ta[2];
	int i;
	setup(&f, 1);
	ENT_CHECK(ent_dict_finish(f.d) == 0);
	for (i = 0; i < 2; i++) {
		ta[i].d = f.d;
		ta[i].st = f.st;
		pthread_create(&th[i], NULL, worker, &ta[i]);
	}
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	ENT_CHECK_STR(ta[0].out, "PRKGOV RUSGOV PRKGOV RUSGOV CHNGOV ");
	ENT_CHECK_STR(ta[0].out, ta[1].out);
	teardown(&f);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
