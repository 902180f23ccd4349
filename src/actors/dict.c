/*
 * dict.c - the dictionary set: files, entries, dated restrictions, phrases
 * and the trie they hang off; loading files of any kind; the checks of
 * `entente dict check` that need the whole set; lookups.
 *
 * The trie has one node per distinct phrase prefix (of unit ids); its edges
 * are one hash map keyed by (node, unit), so a node costs 4 bytes and a
 * lookup one probe.  Phrases that end at the same node form a list in
 * precedence order: a file added later comes first (user files override
 * the built-in ones); within a file, the earlier entry comes first.
 */
#include "actors/dict_internal.h"
#include "actors/units.h"
#include "text/text_internal.h"
#include "util/alloc.h"
#include "util/ctx.h"
#include "util/date.h"
#include "util/linereader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_UNITS 64

/* ---- kinds -------------------------------------------------------------- */

static const char *const kind_names[] = {
	"auto", "actors", "agents", "verbs", "options", "places", "glossary",
	"discards", "issues"
};

const char *ent_dict_kind_name(ent_dict_kind k)
{
	return (unsigned)k < sizeof kind_names / sizeof kind_names[0] ? kind_names[k] : "?";
}

int ent_dict_kind_parse(ent_dict_kind *out, const char *s)
{
	size_t i;
	for (i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (ent_dict_kind)i;
			return 0;
		}
	return ENT_EINVAL;
}

/* ---- set ---------------------------------------------------------------- */

int ent_dict_new(ent_dict **out, ent_ctx *ctx, const ent_dict_options *o)
{
	ent_dict *d = ent_calloc(1, sizeof *d);
	ent_dict_options def = ENT_DICT_OPTIONS_INIT;
	*out = NULL;
	if (!d)
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	d->ctx = ctx;
	d->opt = o ? *o : def;
	if (!d->opt.max_line)
		d->opt.max_line = def.max_line;
	if (d->opt.max_reports <= 0)
		d->opt.max_reports = def.max_reports;
	ent_strtab_init(&d->units);
	ent_strtab_init(&d->memo);
	ent_buf_putc(&d->strings, '\0'); /* offset 0 = "" */
	d->node_first = ent_calloc(64, sizeof *d->node_first);
	d->nodes_cap = 64;
	d->nnodes = 1; /* the root */
	if (!d->node_first || d->strings.oom) {
		ent_dict_free(d);
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
	*out = d;
	return 0;
}

void ent_dict_free(ent_dict *d)
{
	size_t i;
	if (!d)
		return;
	ent_strtab_free(&d->units);
	ent_strtab_free(&d->memo);
	ent_free(d->memo_unit);
	ent_free(d->memo_case);
	ent_buf_free(&d->strings);
	for (i = 0; i < d->nfiles; i++)
		ent_free(d->files[i]);
	ent_free(d->files);
	ent_free(d->fstats);
	ent_free(d->entries);
	ent_free(d->restr);
	ent_free(d->phrases);
	ent_free(d->casec);
	ent_free(d->node_first);
	ent_map64_free(&d->edges);
	ent_free(d->starts);
	ent_free(d->places);
	ent_free(d->gloss);
	for (i = 0; i < d->nrules; i++)
		ent_free(d->rules[i].cues);
	ent_free(d->rules);
	ent_free(d->w.modifiers);
	ent_free(d->w.locatives);
	ent_free(d->w.motions);
	ent_free(d->w.on_motions);
	ent_free(d->w.function_words);
	ent_free(d);
}

/* Grow an array to hold one more element. */
static int grow(void **p, size_t *cap, size_t count, size_t elem)
{
	void *np;
	size_t nc;
	if (count < *cap)
		return 0;
	nc = *cap ? *cap * 2 : 64;
	np = ent_realloc(*p, nc * elem);
	if (!np)
		return ENT_ENOMEM;
	*p = np;
	*cap = nc;
	return 0;
}

int ent_dict_file(ent_dict *d, const char *name, ent_dict_kind kind)
{
	char **nf;
	ent_dict_load_stats *ns;
	char *copy = ent_strdup(name);
	if (!copy)
		return -1;
	nf = ent_realloc(d->files, (d->nfiles + 1) * sizeof *nf);
	if (!nf) {
		ent_free(copy);
		return -1;
	}
	d->files = nf;
	ns = ent_realloc(d->fstats, (d->nfiles + 1) * sizeof *ns);
	if (!ns) {
		ent_free(copy);
		return -1;
	}
	d->fstats = ns;
	memset(&d->fstats[d->nfiles], 0, sizeof *ns);
	d->fstats[d->nfiles].kind = kind;
	d->files[d->nfiles] = copy;
	return (int)d->nfiles++;
}

uint32_t ent_dict_str(ent_dict *d, const char *s, size_t n, int *err)
{
	size_t off;
	if (n == 0)
		return 0;
	off = d->strings.len;
	ent_buf_put(&d->strings, s, n);
	ent_buf_putc(&d->strings, '\0');
	if (d->strings.oom || off > UINT32_MAX - n - 1) {
		if (err)
			*err = ENT_ENOMEM;
		return 0;
	}
	return (uint32_t)off;
}

long ent_dict_entry(ent_dict *d, int type, uint32_t file, uint32_t line, int what)
{
	ent_entry *e;
	if (grow((void **)&d->entries, &d->entries_cap, d->nentries, sizeof *e) < 0)
		return -1;
	e = &d->entries[d->nentries];
	memset(e, 0, sizeof *e);
	e->type = (uint8_t)type;
	e->file = file;
	e->line = line;
	e->what = (uint8_t)what;
	e->restr = (uint32_t)d->nrestr;
	return (long)d->nentries++;
}

int ent_dict_restr(ent_dict *d, uint32_t code, ent_date from, ent_date until,
                   uint32_t line)
{
	ent_entry *e = &d->entries[d->nentries - 1];
	ent_restr *r;
	if (from == ENT_DATE_NONE && until == ENT_DATE_NONE) {
		/* an undated restriction is the default (the first one wins) */
		if (!e->dflt)
			e->dflt = code;
		return 0;
	}
	if (grow((void **)&d->restr, &d->restr_cap, d->nrestr, sizeof *r) < 0)
		return ENT_ENOMEM;
	r = &d->restr[d->nrestr++];
	r->code = code;
	r->from = from;
	r->until = until;
	r->line = line;
	e->nrestr++;
	return 0;
}

uint32_t ent_entry_code(const ent_dict *d, const ent_entry *e, ent_date date,
                        uint32_t *line)
{
	uint32_t i;
	if (date != ENT_DATE_NONE)
		for (i = 0; i < e->nrestr; i++) {
			const ent_restr *r = &d->restr[e->restr + i];
			if ((r->from == ENT_DATE_NONE || date >= r->from) &&
			    (r->until == ENT_DATE_NONE || date <= r->until)) {
				if (line)
					*line = r->line;
				return r->code;
			}
		}
	if (line)
		*line = e->line;
	return e->dflt;
}

/* ---- phrases ------------------------------------------------------------ */

long ent_dict_units(ent_dict *d, const char *text, size_t n, int add,
                    uint32_t *out, unsigned char *caseout, size_t max)
{
	char sp[2048];
	size_t i, k = 0, count = 0;
	if (n >= sizeof sp)
		return 0;
	/* words are joined by '_' or blanks: make them blanks, then tokenise
	   exactly as the text stage does */
	for (i = 0; i < n; i++)
		sp[i] = (text[i] == '_' || text[i] == '\t') ? ' ' : text[i];
	while (k < n) {
		int shape, flags;
		size_t len;
		ent_upiece pc[16];
		size_t np, j, before;
		if (sp[k] == ' ') {
			k++;
			continue;
		}
		{
			int ff;
			size_t q = ent_units_fastword(sp, n, k, &ff);
			if (q) {
				len = q - k;
				flags = ((ff & ENT_U_CAP) ? ENT_TOKF_CAP : 0) |
				        ((ff & ENT_U_ALLCAPS) ? ENT_TOKF_ALLCAPS : 0);
				shape = ENT_TOK_WORD;
			} else {
				len = ent_text_token_len(sp, n, k, &shape, &flags);
			}
		}
		if (len == 0)
			len = 1;
		if (ent_ukey_plain(sp + k, len) && !memchr(sp + k, '-', len) &&
		    !memchr(sp + k, '\'', len)) {
			/* plain ASCII word: lower-case and intern directly */
			char key[512];
			size_t q;
			uint32_t id;
			if (len >= sizeof key)
				return 0;
			for (q = 0; q < len; q++) {
				char ch = sp[k + q];
				key[q] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
			}
			if (count == max)
				return (long)count;
			id = add ? ent_strtab_intern(&d->units, key, len)
			         : ent_strtab_find(&d->units, key, len);
			if (add && id == ENT_UNIT_NONE)
				return -1;
			out[count] = id;
			if (caseout)
				caseout[count] = (unsigned char)((flags & ENT_TOKF_ALLCAPS) && len >= 2
				                                     ? ENT_CASE_ALLCAPS
				                                 : (flags & ENT_TOKF_CAP) ? ENT_CASE_CAP
				                                                          : ENT_CASE_ANY);
			count++;
			k += len;
			continue;
		}
		if (add && caseout) {
			/* a word seen before */
			uint32_t m = ent_strtab_find(&d->memo, sp + k, len);
			if (m != ENT_UNIT_NONE) {
				if (count == max)
					return (long)count;
				out[count] = d->memo_unit[m];
				caseout[count] = d->memo_case[m];
				count++;
				k += len;
				continue;
			}
		}
		if (flags & ENT_TOKF_CJK)
			np = 1, pc[0].off = 0, pc[0].len = (uint32_t)len, pc[0].flags = 0;
		else
			np = ent_units_pieces(sp + k, len, pc, 16);
		before = count;
		for (j = 0; j < np; j++) {
			char key[512];
			size_t kl = ent_units_key(key, sp + k + pc[j].off, pc[j].len);
			uint32_t id;
			if (kl == 0)
				continue;
			if (count == max)
				return (long)count;
			id = add ? ent_strtab_intern(&d->units, key, kl)
			         : ent_strtab_find(&d->units, key, kl);
			if (add && id == ENT_UNIT_NONE)
				return -1;
			if (add && (flags & ENT_TOKF_CJK) && kl > d->cjk_max_bytes)
				d->cjk_max_bytes = kl;
			out[count] = id;
			if (caseout) {
				int c = ent_units_case(sp + k + pc[j].off, pc[j].len);
				caseout[count] = (unsigned char)((c & ENT_U_ALLCAPS) ? ENT_CASE_ALLCAPS
				                                 : (c & ENT_U_CAP) ? ENT_CASE_CAP
				                                 : ENT_CASE_ANY);
				/* a single capital letter ("S" in "S_Korea") is just a
				   capital */
				if (caseout[count] == ENT_CASE_ALLCAPS && pc[j].len < 2)
					caseout[count] = ENT_CASE_CAP;
			}
			count++;
		}
		if (add && caseout && count == before + 1) {
			uint32_t m = ent_strtab_intern(&d->memo, sp + k, len);
			if (m == ENT_UNIT_NONE)
				return -1;
			if (m >= d->memo_cap) {
				size_t nc = d->memo_cap ? d->memo_cap * 2 : 4096;
				uint32_t *nu = ent_realloc(d->memo_unit, nc * sizeof *nu);
				unsigned char *ncs;
				if (!nu)
					return -1;
				d->memo_unit = nu;
				ncs = ent_realloc(d->memo_case, nc);
				if (!ncs)
					return -1;
				d->memo_case = ncs;
				d->memo_cap = nc;
			}
			d->memo_unit[m] = out[before];
			d->memo_case[m] = caseout[before];
		}
		k += len;
	}
	return (long)count;
}

static uint32_t new_node(ent_dict *d)
{
	if (d->nnodes == d->nodes_cap) {
		size_t nc = d->nodes_cap * 2;
		uint32_t *nn = ent_realloc(d->node_first, nc * sizeof *nn);
		if (!nn)
			return UINT32_MAX;
		memset(nn + d->nodes_cap, 0, (nc - d->nodes_cap) * sizeof *nn);
		d->node_first = nn;
		d->nodes_cap = nc;
	}
	return (uint32_t)d->nnodes++;
}

static uint64_t edge_key(uint32_t node, uint32_t unit)
{
	return (((uint64_t)node << 32) | unit) + 1;
}

uint32_t ent_dict_walk(const ent_dict *d, const uint32_t *u, size_t n)
{
	uint32_t node = 0;
	size_t i;
	for (i = 0; i < n; i++) {
		if (u[i] == ENT_UNIT_NONE)
			return UINT32_MAX;
		node = ent_map64_get(&d->edges, edge_key(node, u[i]), UINT32_MAX);
		if (node == UINT32_MAX)
			return UINT32_MAX;
	}
	return node;
}

static const char *first_code(const ent_dict *d, const ent_entry *e)
{
	if (e->dflt)
		return ent_dict_cstr(d, e->dflt);
	if (e->nrestr)
		return ent_dict_cstr(d, d->restr[e->restr].code);
	return "";
}

/* Insert one unit sequence for entry `entry`. */
static int insert(ent_dict *d, uint32_t entry, const uint32_t *u,
                  const unsigned char *cc, size_t n, uint32_t line, int use_case)
{
	uint32_t node = 0, *link;
	size_t i;
	ent_phrase *p;
	uint32_t pid, file = d->entries[entry].file;
	for (i = 0; i < n; i++) {
		uint64_t k = edge_key(node, u[i]);
		uint32_t child = ent_map64_get(&d->edges, k, UINT32_MAX);
		if (child == UINT32_MAX) {
			child = new_node(d);
			if (child == UINT32_MAX || ent_map64_put(&d->edges, k, child) < 0)
				return ENT_ENOMEM;
		}
		node = child;
	}
	if (grow((void **)&d->phrases, &d->phrases_cap, d->nphrases, sizeof *p) < 0)
		return ENT_ENOMEM;
	pid = (uint32_t)d->nphrases;
	p = &d->phrases[d->nphrases++];
	memset(p, 0, sizeof *p);
	p->entry = entry;
	p->line = line;
	p->nunits = (uint16_t)n;
	p->file = file;
	p->casec = UINT32_MAX;
	if (use_case) {
		int any = 0;
		for (i = 0; i < n; i++)
			any |= cc[i];
		if (any) {
			while (d->ncasec + n > d->casec_cap) {
				size_t nc = d->casec_cap ? d->casec_cap * 2 : 1024;
				unsigned char *c2 = ent_realloc(d->casec, nc);
				if (!c2)
					return ENT_ENOMEM;
				d->casec = c2;
				d->casec_cap = nc;
			}
			memcpy(d->casec + d->ncasec, cc, n);
			p->casec = (uint32_t)d->ncasec;
			d->ncasec += n;
		}
	}
	/* precedence: later files first; within a file, in file order.  Files
	   are added in index order, so the current file's phrases form the run
	   at the head of the list, and its head remembers the run's tail. */
	link = &d->node_first[node];
	if (*link && d->phrases[*link - 1].file == file) {
		ent_phrase *head = &d->phrases[*link - 1], *tail = &d->phrases[head->tail - 1];
		if (d->opt.check && head->entry != entry && head->nunits == n) {
			const ent_entry *a = &d->entries[head->entry], *b = &d->entries[entry];
			if (a->type == b->type && a->type != ENT_E_REF && first_code(d, a)[0] &&
			    first_code(d, b)[0] && strcmp(first_code(d, a), first_code(d, b)) != 0)
				ent_dict_diag(d, &d->fstats[file], 0, d->files[file], (long)line,
				              "phrase already defined at line %lu with code %s "
				              "(here %s): the first one wins",
				              (unsigned long)head->line, first_code(d, a), first_code(d, b));
		}
		p->next = tail->next;
		tail->next = pid + 1;
		head->tail = pid + 1;
	} else {
		p->next = *link;
		p->tail = pid + 1;
		*link = pid + 1;
	}
	return 0;
}

/* Regular plural of the last unit: S, Y -> IES, SS/SH/CH/X/Z -> ES.  Only
 * for ASCII letters.  Returns the new key length, or 0. */
static size_t plural_of(char *out, size_t cap, const char *s, size_t n)
{
	size_t i;
	if (n < 2 || n + 3 > cap)
		return 0;
	for (i = 0; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z'))
			return 0;
	memcpy(out, s, n);
	if (s[n - 1] == 'y' && !strchr("aeiou", s[n - 2])) {
		memcpy(out + n - 1, "ies", 3);
		return n + 2;
	}
	if (s[n - 1] == 's' || s[n - 1] == 'x' || s[n - 1] == 'z' ||
	    (s[n - 1] == 'h' && (s[n - 2] == 's' || s[n - 2] == 'c'))) {
		memcpy(out + n, "es", 2);
		return n + 2;
	}
	out[n] = 's';
	return n + 1;
}

int ent_dict_phrase(ent_dict *d, uint32_t entry, const char *text, size_t n,
                    uint32_t line, int flags, const char *plural,
                    size_t plural_len)
{
	uint32_t u[MAX_UNITS];
	unsigned char cc[MAX_UNITS];
	long nu;
	int rc, added = 0;
	int use_case = (flags & ENT_PH_CASE) != 0;
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	if (n && text[n - 1] == '_') {
		flags |= ENT_PH_NOPLURAL;
		while (n && text[n - 1] == '_')
			n--;
	}
	nu = ent_dict_units(d, text, n, 1, u, cc, MAX_UNITS);
	if (nu < 0)
		return ENT_ENOMEM;
	if (nu == 0)
		return 0;
	if ((rc = insert(d, entry, u, cc, (size_t)nu, line, use_case)) < 0)
		return rc;
	added++;
	if (plural) {
		uint32_t u2[MAX_UNITS];
		unsigned char c2[MAX_UNITS];
		long n2 = plural_len ? ent_dict_units(d, plural, plural_len, 1, u2, c2, MAX_UNITS) : 0;
		if (n2 < 0)
			return ENT_ENOMEM;
		if (n2 > 0) {
			if ((rc = insert(d, entry, u2, c2, (size_t)n2, line, use_case)) < 0)
				return rc;
			added++;
		}
	} else if (!(flags & ENT_PH_NOPLURAL)) {
		const char *last = ent_strtab_str(&d->units, u[nu - 1]);
		char pl[512];
		size_t pn = plural_of(pl, sizeof pl, last, strlen(last));
		if (pn) {
			uint32_t id = ent_strtab_intern(&d->units, pl, pn);
			if (id == ENT_UNIT_NONE)
				return ENT_ENOMEM;
			u[nu - 1] = id;
			if ((rc = insert(d, entry, u, cc, (size_t)nu, line, use_case)) < 0)
				return rc;
			added++;
		}
	}
	return added;
}

/* ---- diagnostics ------------------------------------------------------ */

void ent_dict_diag(ent_dict *d, ent_dict_load_stats *st, int error,
                   const char *name, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	long n;
	if (error)
		st->errors++;
	else
		st->warnings++;
	/* outside `dict check`, warnings are counted and summarised once per
	   file (load()); errors are reported one by one */
	if (!error && !d->opt.check)
		return;
	n = st->errors + st->warnings;
	if (n > d->opt.max_reports)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n == d->opt.max_reports)
		ent_diag_emit(d->ctx, error ? ENT_DIAG_ERROR : ENT_DIAG_WARNING, name,
		              line, -1, "%s (further problems in this file are "
		              "counted, not reported)", msg);
	else
		ent_diag_emit(d->ctx, error ? ENT_DIAG_ERROR : ENT_DIAG_WARNING, name,
		              line, -1, "%s", msg);
}

/* ---- dates -------------------------------------------------------------- */

int ent_dict_parse_date(const char *s, size_t n, ent_date *out)
{
	int y, m, dd;
	size_t i;
	if (n != 6 && n != 8)
		return -1;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	if (n == 6) {
		y = (s[0] - '0') * 10 + (s[1] - '0');
		y += y < 30 ? 2000 : 1900;
		s += 2;
	} else {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		s += 4;
	}
	m = (s[0] - '0') * 10 + (s[1] - '0');
	dd = (s[2] - '0') * 10 + (s[3] - '0');
	if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > ent_days_in_month(y, m))
		return -1;
	*out = ent_date_from_ymd(y, m, dd);
	return 0;
}

/* ---- sniffing ------------------------------------------------------------ */

static int starts(const char *l, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(l, p, k) == 0;
}

ent_dict_kind ent_dict_sniff(const char *data, size_t len)
{
	ent_linereader r;
	const char *l;
	size_t n;
	int seen = 0, agent = 0, actor = 0, verb = 0, option = 0, tab = 0, synset = 0;
	int plain = 0;
	if (len > 262144)
		len = 262144;
	ent_lr_init_mem(&r, data, len, 65536);
	while (seen < 200 && ent_lr_next(&r, &l, &n) == 1) {
		const char *h;
		while (n && (*l == ' ' || *l == '\t')) {
			l++;
			n--;
		}
		/* our tables name their columns in a header comment */
		if (n >= 15 && memcmp(l, "#name\tvariants\t", 15) == 0)
			return ENT_DICT_PLACES;
		if (n >= 19 && memcmp(l, "#rendering\tvariants", 19) == 0)
			return ENT_DICT_GLOSSARY;
		if (n == 0 || *l == '#' || *l == ';' || (n >= 2 && l[0] == '/' && l[1] == '/'))
			continue;
		if (n >= 6 && memcmp(l, "<ISSUE", 6) == 0)
			return ENT_DICT_ISSUES;
		if (seen == 0 && n > 7 && l[6] == ' ') {
			/* "YYMMDD ID": TABARI text records, not a dictionary */
			size_t q;
			for (q = 0; q < 6 && l[q] >= '0' && l[q] <= '9'; q++)
				;
			if (q == 6)
				return ENT_DICT_AUTO;
		}
		seen++;
		if (!memchr(l, '[', n) && *l != '+' && *l != '!' && !memchr(l, '\t', n))
			plain++;
		{
			/* TABARI options: "KEYWORD: value" (LABEL:, SET:, COMPLEX:) */
			size_t q = 0;
			while (q < n && ((l[q] >= 'A' && l[q] <= 'Z') || l[q] == ' '))
				q++;
			if (q >= 2 && q < n && l[q] == ':' && !memchr(l, '[', n)) {
				option++;
				continue;
			}
		}
		if (memchr(l, '\t', n) && !memchr(l, '[', n))
			tab++;
		if (*l == '-' || *l == '&' || (n > 3 && memcmp(l, "---", 3) == 0))
			verb++;
		/* "+word" lines after a "&SYNSET" line belong to a verb file */
		if (*l == '&')
			synset = 1;
		else if (*l != '+')
			synset = 0;
		if (*l == '+' && synset) {
			verb++;
			continue;
		}
		if ((h = memchr(l, '[', n)) != NULL) {
			size_t rest = n - (size_t)(h - l);
			if (rest > 2 && (h[1] == '~' || memchr(h, '~', rest)))
				agent++;
			else if (rest > 4 && h[1] >= '0' && h[1] <= '9')
				verb++;
			else
				actor++;
		}
		if (*l == '+')
			actor++;
		if (starts(l, n, "FEATURE") || starts(l, n, "COMPLEX") || starts(l, n, "NULLVERBS"))
			option++;
	}
	if (seen == 0)
		return ENT_DICT_AUTO;
	if (option * 2 > seen)
		return ENT_DICT_OPTIONS;
	if (verb > actor && verb > agent)
		return ENT_DICT_VERBS;
	/* phrases one a line and nothing else: a discard list */
	if (plain * 10 > seen * 8)
		return ENT_DICT_DISCARDS;
	if (agent > actor)
		return ENT_DICT_AGENTS;
	if (actor > 0)
		return ENT_DICT_ACTORS;
	if (tab * 2 > seen)
		return ENT_DICT_PLACES;
	return ENT_DICT_AUTO;
}

/* ---- loading ------------------------------------------------------------ */

static int load(ent_dict *d, const char *name, const char *data, size_t len,
                FILE *fp, ent_dict_kind kind, ent_dict_load_stats *stats)
{
	int fi, rc;
	ent_linereader lr;
	ent_dict_load_stats *st;
	if (kind == ENT_DICT_AUTO)
		kind = ent_dict_sniff(data, len);
	if (kind == ENT_DICT_AUTO)
		return ent_err(d->ctx, ENT_EPARSE, "%s: cannot tell what kind of dictionary "
		               "this is (use --kind actors|agents|verbs|options|places|"
		               "glossary|discards|issues)", name);
	if (kind == ENT_DICT_VERBS || kind == ENT_DICT_OPTIONS || kind == ENT_DICT_DISCARDS ||
	    kind == ENT_DICT_ISSUES)
		return ent_err(d->ctx, ENT_EUNSUP, "%s: %s dictionary: the event engine reads "
		               "it, not the actor stage", name, ent_dict_kind_name(kind));
	fi = ent_dict_file(d, name, kind);
	if (fi < 0)
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	if (fp) {
		if (ent_lr_init_file(&lr, fp, data, len, d->opt.max_line) < 0)
			return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	} else {
		ent_lr_init_mem(&lr, data, len, d->opt.max_line);
	}
	st = &d->fstats[fi];
	switch (kind) {
	case ENT_DICT_AGENTS:
		rc = ent_read_actors(d, (uint32_t)fi, name, &lr, 1, st);
		break;
	case ENT_DICT_PLACES:
		rc = ent_read_places(d, (uint32_t)fi, name, &lr, st);
		break;
	case ENT_DICT_GLOSSARY:
		rc = ent_read_glossary(d, (uint32_t)fi, name, &lr, st);
		break;
	default:
		rc = ent_read_actors(d, (uint32_t)fi, name, &lr, 0, st);
		break;
	}
	ent_lr_destroy(&lr);
	if (st->warnings && !d->opt.check)
		ent_diag_emit(d->ctx, ENT_DIAG_WARNING, name, 0, -1,
		              "%ld warning%s (quirks read leniently); `entente dict check "
		              "%s` lists them", st->warnings, st->warnings == 1 ? "" : "s", name);
	if (rc == ENT_EIO)
		rc = ent_err(d->ctx, ENT_EIO, "%s: read failed", name);
	else if (rc == ENT_ENOMEM)
		rc = ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	if (stats)
		*stats = d->fstats[fi];
	d->finished = 0;
	return rc;
}

int ent_dict_add_text(ent_dict *d, const char *name, const char *data,
                      size_t len, ent_dict_kind kind, ent_dict_load_stats *stats)
{
	return load(d, name, data, len, NULL, kind, stats);
}

int ent_dict_add_file(ent_dict *d, const char *path, ent_dict_kind kind,
                      ent_dict_load_stats *stats)
{
	FILE *fp;
	char *head = NULL;
	size_t got;
	int rc;
	int is_stdin = strcmp(path, "-") == 0;
	fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp)
		return ent_err(d->ctx, ENT_EIO, "%s: %s", path, strerror(errno));
	head = ent_malloc(65536);
	if (!head) {
		if (!is_stdin)
			fclose(fp);
		return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
	}
	got = fread(head, 1, 65536, fp);
	if (got == 0 && ferror(fp)) {
		rc = ent_err(d->ctx, ENT_EIO, "%s: %s", path, strerror(errno));
	} else {
		rc = load(d, path, head, got, fp, kind, stats);
	}
	ent_free(head);
	if (!is_stdin)
		fclose(fp);
	return rc;
}

void ent_dict_stats(const ent_dict *d, ent_dict_load_stats *out)
{
	size_t i;
	memset(out, 0, sizeof *out);
	for (i = 0; i < d->nfiles; i++) {
		out->entries += d->fstats[i].entries;
		out->phrases += d->fstats[i].phrases;
		out->restrictions += d->fstats[i].restrictions;
		out->errors += d->fstats[i].errors;
		out->warnings += d->fstats[i].warnings;
	}
}

/* ---- lookup ------------------------------------------------------------ */

int ent_dict_lookup(const ent_dict *d, const char *phrase, ent_date date,
                    const char **code, const char **file, long *line)
{
	uint32_t u[MAX_UNITS], node, p, ln = 0;
	long n = ent_dict_units((ent_dict *)d, phrase, strlen(phrase), 0, u, NULL, MAX_UNITS);
	*code = "";
	*file = NULL;
	*line = 0;
	if (n <= 0)
		return ENT_ENOTFOUND;
	node = ent_dict_walk(d, u, (size_t)n);
	if (node == UINT32_MAX || !d->node_first[node])
		return ENT_ENOTFOUND;
	/* an entry whose dated restriction holds wins, as in the matcher */
	for (p = d->node_first[node]; p; p = d->phrases[p - 1].next) {
		const ent_entry *e = &d->entries[d->phrases[p - 1].entry];
		uint32_t i;
		if (e->type != ENT_E_ACTOR || date == ENT_DATE_NONE)
			continue;
		for (i = 0; i < e->nrestr; i++) {
			const ent_restr *r = &d->restr[e->restr + i];
			if ((r->from == ENT_DATE_NONE || date >= r->from) &&
			    (r->until == ENT_DATE_NONE || date <= r->until)) {
				*code = ent_dict_cstr(d, r->code);
				*file = d->files[e->file];
				*line = (long)r->line;
				return 0;
			}
		}
	}
	for (p = d->node_first[node]; p; p = d->phrases[p - 1].next) {
		const ent_phrase *ph = &d->phrases[p - 1];
		const ent_entry *e = &d->entries[ph->entry];
		uint32_t c;
		if (e->type != ENT_E_ACTOR && e->type != ENT_E_AGENT)
			continue;
		c = ent_entry_code(d, e, date, &ln);
		*file = d->files[e->file];
		*line = (long)ln;
		*code = ent_dict_cstr(d, c);
		if (c)
			return 0;
	}
	return *file ? 0 : ENT_ENOTFOUND;
}
