/*
 * snapshot.c - the built-in dictionary set, compiled once at build time.
 *
 * Reading ~2 MB of dictionaries in ~150 languages means tokenising,
 * case-folding and normalising every word (tens of milliseconds).  The
 * build runs that once (tools/gen_dict_snapshot.c) and embeds the result:
 * the dictionary set's arrays written one after the other.  At run time
 * ent_dict_add_builtin copies them back into an empty set, which costs a
 * few memcpy calls; user files are then added on top as usual.
 *
 * The snapshot is taken before ent_dict_finish (so rules attach to user
 * phrases too).  A header records the layout (struct sizes and a version);
 * a snapshot that does not fit this build is ignored and the files are
 * parsed instead.  Everything is in the machine's own byte order: the
 * snapshot never leaves the build that made it.
 */
#include "actors/dict_internal.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <string.h>

#define SNAP_MAGIC "ENTDICT\x01"

typedef struct {
	char magic[8];
	uint32_t sizes[8];     /* struct sizes, as a layout check */
	uint64_t total;        /* bytes after the header */
} snap_header;

static void layout(uint32_t *s)
{
	s[0] = (uint32_t)sizeof(ent_entry);
	s[1] = (uint32_t)sizeof(ent_restr);
	s[2] = (uint32_t)sizeof(ent_phrase);
	s[3] = (uint32_t)sizeof(ent_placerow);
	s[4] = (uint32_t)sizeof(ent_glossrow);
	s[5] = (uint32_t)sizeof(ent_dict_load_stats);
	s[6] = (uint32_t)sizeof(ent_rule);
	s[7] = 4; /* format version */
}

/* ---- writing -------------------------------------------------------------- */

static void put_u64(ent_buf *b, uint64_t v)
{
	ent_buf_put(b, &v, sizeof v);
}

/* A section: byte count, then the bytes, padded to 8. */
static void put_sec(ent_buf *b, const void *p, size_t n)
{
	static const char zero[8];
	put_u64(b, n);
	if (n)
		ent_buf_put(b, p, n);
	if (n % 8)
		ent_buf_put(b, zero, 8 - n % 8);
}

int ent_dict_snapshot(const ent_dict *d, char **out, size_t *len)
{
	ent_buf b = {0};
	snap_header h;
	size_t i;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, SNAP_MAGIC, 8);
	layout(h.sizes);
	ent_buf_put(&b, &h, sizeof h);
	/* unit keys */
	put_sec(&b, d->units.pool.data, d->units.pool.len);
	put_u64(&b, d->units.count);
	put_sec(&b, d->units.off, d->units.count * sizeof(uint32_t));
	put_sec(&b, d->units.len, d->units.count * sizeof(uint32_t));
	put_sec(&b, d->units.hash, d->units.count * sizeof(uint64_t));
	put_u64(&b, d->units.index_cap);
	put_sec(&b, d->units.index, d->units.index_cap * sizeof(uint64_t));
	/* strings, files */
	put_sec(&b, d->strings.data, d->strings.len);
	put_u64(&b, d->nfiles);
	for (i = 0; i < d->nfiles; i++)
		put_sec(&b, d->files[i], strlen(d->files[i]) + 1);
	put_sec(&b, d->fstats, d->nfiles * sizeof *d->fstats);
	/* entries, restrictions, phrases, case constraints */
	put_sec(&b, d->entries, d->nentries * sizeof *d->entries);
	put_sec(&b, d->restr, d->nrestr * sizeof *d->restr);
	put_sec(&b, d->phrases, d->nphrases * sizeof *d->phrases);
	put_sec(&b, d->casec, d->ncasec);
	/* the trie */
	put_sec(&b, d->node_first, d->nnodes * sizeof *d->node_first);
	put_u64(&b, d->edges.count);
	put_u64(&b, d->edges.cap);
	put_sec(&b, d->edges.slots, d->edges.cap * sizeof *d->edges.slots);
	/* tables */
	put_sec(&b, d->places, d->nplaces * sizeof *d->places);
	put_sec(&b, d->gloss, d->ngloss * sizeof *d->gloss);
	put_u64(&b, d->nrules);
	for (i = 0; i < d->nrules; i++) {
		ent_rule r = d->rules[i];
		r.cues = NULL;
		put_sec(&b, &r, sizeof r);
		put_sec(&b, d->rules[i].cues, d->rules[i].ncues_words * sizeof(uint32_t));
	}
	put_u64(&b, d->cjk_max_bytes);
	if (b.oom) {
		ent_buf_free(&b);
		return ENT_ENOMEM;
	}
	((snap_header *)(void *)b.data)->total = b.len - sizeof h;
	*out = ent_buf_detach(&b, len);
	return 0;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct {
	const char *p, *end;
	int bad;
} rdr;

static uint64_t get_u64(rdr *r)
{
	uint64_t v = 0;
	if (r->bad || r->end - r->p < 8) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p, 8);
	r->p += 8;
	return v;
}

/* A section's bytes (borrowed) and length. */
static const char *get_sec(rdr *r, size_t *n)
{
	uint64_t len = get_u64(r), padded;
	const char *p;
	if (r->bad)
		return NULL;
	padded = (len + 7) & ~(uint64_t)7;
	if ((uint64_t)(r->end - r->p) < padded) {
		r->bad = 1;
		return NULL;
	}
	p = r->p;
	r->p += padded;
	*n = (size_t)len;
	return p;
}

/* A heap copy of the next section (at least `min_cap` bytes). */
static void *dup_sec(rdr *r, size_t *n, size_t min_cap, int *oom)
{
	size_t len = 0;
	const char *p = get_sec(r, &len);
	void *q;
	if (!p)
		return NULL;
	q = ent_malloc(len > min_cap ? len : (min_cap ? min_cap : 1));
	if (!q) {
		*oom = 1;
		return NULL;
	}
	memcpy(q, p, len);
	if (n)
		*n = len;
	return q;
}

int ent_dict_restore(ent_dict *d, const char *data, size_t len)
{
	rdr r;
	snap_header h;
	uint32_t sizes[8];
	size_t n, i, cnt;
	int oom = 0;
	if (len < sizeof h)
		return ENT_EINVAL;
	memcpy(&h, data, sizeof h);
	layout(sizes);
	if (memcmp(h.magic, SNAP_MAGIC, 8) != 0 || memcmp(h.sizes, sizes, sizeof sizes) != 0 ||
	    h.total != len - sizeof h || d->nfiles || d->nentries)
		return ENT_EINVAL;
	/* from here on the set is being replaced: a failure is final (the
	   caller frees the set) */
	r.p = data + sizeof h;
	r.end = data + len;
	r.bad = 0;

	/* unit keys */
	ent_strtab_free(&d->units);
	d->units.pool.data = dup_sec(&r, &n, 0, &oom);
	d->units.pool.len = d->units.pool.cap = n;
	cnt = (size_t)get_u64(&r);
	d->units.off = dup_sec(&r, NULL, 0, &oom);
	d->units.len = dup_sec(&r, NULL, 0, &oom);
	d->units.hash = dup_sec(&r, NULL, 0, &oom);
	d->units.count = d->units.cap = cnt;
	d->units.index_cap = (size_t)get_u64(&r);
	d->units.index = dup_sec(&r, NULL, 0, &oom);
	/* strings, files */
	ent_buf_free(&d->strings);
	d->strings.data = dup_sec(&r, &n, 0, &oom);
	d->strings.len = d->strings.cap = n;
	cnt = (size_t)get_u64(&r);
	if (r.bad || cnt > 1024)
		goto bad;
	d->files = ent_calloc(cnt ? cnt : 1, sizeof *d->files);
	if (!d->files)
		goto nomem;
	for (i = 0; i < cnt; i++) {
		d->files[i] = dup_sec(&r, NULL, 0, &oom);
		if (!d->files[i])
			break;
		d->nfiles++;
	}
	d->fstats = dup_sec(&r, NULL, 0, &oom);
	/* entries, restrictions, phrases, case constraints */
	d->entries = dup_sec(&r, &n, 0, &oom);
	d->nentries = d->entries_cap = n / sizeof *d->entries;
	d->restr = dup_sec(&r, &n, 0, &oom);
	d->nrestr = d->restr_cap = n / sizeof *d->restr;
	d->phrases = dup_sec(&r, &n, 0, &oom);
	d->nphrases = d->phrases_cap = n / sizeof *d->phrases;
	d->casec = dup_sec(&r, &n, 0, &oom);
	d->ncasec = d->casec_cap = n;
	/* the trie */
	ent_free(d->node_first);
	d->node_first = dup_sec(&r, &n, 0, &oom);
	d->nnodes = d->nodes_cap = n / sizeof *d->node_first;
	d->edges.count = (size_t)get_u64(&r);
	d->edges.cap = (size_t)get_u64(&r);
	d->edges.slots = dup_sec(&r, NULL, 0, &oom);
	/* tables */
	d->places = dup_sec(&r, &n, 0, &oom);
	d->nplaces = d->places_cap = n / sizeof *d->places;
	d->gloss = dup_sec(&r, &n, 0, &oom);
	d->ngloss = d->gloss_cap = n / sizeof *d->gloss;
	cnt = (size_t)get_u64(&r);
	if (r.bad || cnt > 65536)
		goto bad;
	if (cnt) {
		d->rules = ent_calloc(cnt, sizeof *d->rules);
		if (!d->rules)
			goto nomem;
	}
	for (i = 0; i < cnt; i++) {
		size_t rl = 0;
		const char *rp = get_sec(&r, &rl);
		if (!rp || rl != sizeof(ent_rule))
			goto bad;
		memcpy(&d->rules[i], rp, sizeof(ent_rule));
		d->rules[i].cues = dup_sec(&r, &n, 0, &oom);
		d->nrules = i + 1;
		if (!d->rules[i].cues)
			break;
	}
	d->cjk_max_bytes = (size_t)get_u64(&r);
	if (oom)
		goto nomem;
	if (r.bad || r.p != r.end)
		goto bad;
	d->builtin_loaded = 1;
	d->finished = 0;
	return 0;
nomem:
	return ENT_ENOMEM;
bad:
	return ENT_EPARSE;
}
