/*
 * offmap.c - piecewise offset maps (see offmap.h for the model).
 */
#include "text/offmap.h"
#include "util/alloc.h"
#include "entente/common.h"

#include <string.h>

void ent_offmap_init(ent_offmap *m)
{
	memset(m, 0, sizeof(*m));
}

void ent_offmap_destroy(ent_offmap *m)
{
	ent_free(m->p);
	memset(m, 0, sizeof(*m));
}

void ent_offmap_clear(ent_offmap *m)
{
	m->n = 0;
	m->out_total = 0;
	m->in_total = 0;
}

static ent_piece *push(ent_offmap *m)
{
	if (ENT_GROW(m->p, m->n, m->cap) < 0)
		return NULL;
	return &m->p[m->n++];
}

int ent_offmap_copy(ent_offmap *m, size_t in, size_t len)
{
	ent_piece *last;
	if (!len)
		return 0;
	last = m->n ? &m->p[m->n - 1] : NULL;
	if (last && last->copy && last->in + last->in_len == in &&
	    last->out + last->out_len == m->out_total) {
		last->in_len += len;
		last->out_len += len;
	} else {
		ent_piece *p = push(m);
		if (!p)
			return ENT_ENOMEM;
		p->out = m->out_total;
		p->out_len = len;
		p->in = in;
		p->in_len = len;
		p->copy = 1;
	}
	m->out_total += len;
	if (in + len > m->in_total)
		m->in_total = in + len;
	return 0;
}

int ent_offmap_replace(ent_offmap *m, size_t in, size_t in_len, size_t out_len)
{
	ent_piece *p = push(m);
	if (!p)
		return ENT_ENOMEM;
	p->out = m->out_total;
	p->out_len = out_len;
	p->in = in;
	p->in_len = in_len;
	p->copy = 0;
	m->out_total += out_len;
	if (in + in_len > m->in_total)
		m->in_total = in + in_len;
	return 0;
}

void ent_offmap_unput(ent_offmap *m, size_t len)
{
	while (len && m->n) {
		ent_piece *last = &m->p[m->n - 1];
		size_t k = len < last->out_len ? len : last->out_len;
		last->out_len -= k;
		if (last->copy)
			last->in_len -= k;
		m->out_total -= k;
		len -= k;
		if (!last->out_len)
			m->n--;
	}
}

/* Index of the piece containing output byte x, or m->n if none (x past the
 * end).  Pieces with out_len 0 never contain a byte. */
static size_t find(const ent_offmap *m, size_t x)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const ent_piece *p = &m->p[mid];
		if (x < p->out)
			hi = mid;
		else if (x >= p->out + p->out_len)
			lo = mid + 1;
		else
			return mid;
	}
	return m->n;
}

size_t ent_offmap_start(const ent_offmap *m, size_t x)
{
	size_t i = find(m, x);
	const ent_piece *p;
	if (i == m->n)
		return m->in_total;
	p = &m->p[i];
	return p->copy ? p->in + (x - p->out) : p->in;
}

size_t ent_offmap_end(const ent_offmap *m, size_t x)
{
	size_t i;
	const ent_piece *p;
	if (x == 0)
		return m->n ? m->p[0].in : 0;
	i = find(m, x - 1);
	if (i == m->n)
		return m->in_total;
	p = &m->p[i];
	return p->copy ? p->in + (x - 1 - p->out) + 1 : p->in + p->in_len;
}

int ent_offmap_compose(ent_offmap *res, const ent_offmap *outer,
                       const ent_offmap *inner)
{
	size_t i, j = 0;
	size_t last_in_end = 0; /* input (A) offsets handed out so far */

	ent_offmap_clear(res);
	for (i = 0; i < outer->n; i++) {
		const ent_piece *o = &outer->p[i];
		if (!o->copy) {
			/* a replacement of B bytes [in, in+in_len) */
			size_t a0 = ent_offmap_start(inner, o->in);
			size_t a1 = o->in_len ? ent_offmap_end(inner, o->in + o->in_len) : a0;
			if (a0 < last_in_end)
				a0 = last_in_end;
			if (a1 < a0)
				a1 = a0;
			if (ent_offmap_replace(res, a0, a1 - a0, o->out_len) < 0)
				return ENT_ENOMEM;
			last_in_end = a1;
			continue;
		}
		/* a copy of B bytes [b, b+len): walk inner pieces covering them */
		{
			size_t b = o->in, end = o->in + o->in_len;
			while (j < inner->n && inner->p[j].out + inner->p[j].out_len <= b)
				j++;
			while (j > 0 && inner->p[j - 1].out + inner->p[j - 1].out_len > b)
				j--;
			while (b < end && j < inner->n) {
				const ent_piece *q = &inner->p[j];
				size_t qend = q->out + q->out_len;
				size_t take = (qend < end ? qend : end) - b;
				if (q->out > b) { /* gap in inner (should not happen) */
					b = q->out;
					continue;
				}
				if (q->copy) {
					size_t a = q->in + (b - q->out);
					if (ent_offmap_copy(res, a, take) < 0)
						return ENT_ENOMEM;
					last_in_end = a + take;
				} else {
					size_t a0 = q->in, a1 = q->in + q->in_len;
					if (a0 < last_in_end)
						a0 = last_in_end;
					if (a1 < a0)
						a1 = a0;
					if (ent_offmap_replace(res, a0, a1 - a0, take) < 0)
						return ENT_ENOMEM;
					last_in_end = a1;
				}
				b += take;
				if (b >= qend)
					j++;
			}
		}
	}
	res->in_total = inner->in_total;
	return 0;
}
