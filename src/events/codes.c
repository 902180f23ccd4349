/*
 * codes.c - the code strings of the event dictionaries: event codes
 * (`[042]`, paired `[032:033]`, subordinate `?` and dominant `!` marks,
 * `[---]` do not code, `[###]` discard, `[+++]` too complex), actor codes
 * with date restrictions and coded compounds (`[HOB <950601] [HOBGOV
 * 950601-990815]`, `[ELR/GAL]`, `[LEBAM1:ML1]` actor:agent pairs), and
 * time shifts (`[-7]`).
 *
 * Codes are opaque strings: whatever a dictionary uses (CAMEO, WEIS,
 * lower-case test codes) is kept as written.
 */
#include "events/ev_internal.h"
#include "util/alloc.h"
#include "util/date.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* ------------------------------------------------------------------------
 * Event codes
 * ------------------------------------------------------------------------ */

static int one_code(ent_evdict *d, const char *s, size_t n, uint32_t *id,
                    uint8_t *sub, uint8_t *dom)
{
	trim(&s, &n);
	*sub = *dom = 0;
	if (n && s[n - 1] == '?') {
		*sub = 1;
		n--;
	} else if (n && s[n - 1] == '!') {
		*dom = 1;
		n--;
	}
	trim(&s, &n);
	if (n == 0)
		return ENT_EPARSE;
	if (!(n == 3 && (memcmp(s, "---", 3) == 0 || memcmp(s, "+++", 3) == 0 ||
	                 memcmp(s, "###", 3) == 0 || memcmp(s, "***", 3) == 0))) {
		size_t i;
		for (i = 0; i < n; i++)
			if (!isalnum((unsigned char)s[i]))
				return ENT_EINVAL;   /* syntax would leak into the code */
	}
	return ev_str_intern(d, s, n, id);
}

int ev_ecode_parse(ent_evdict *d, const char *s, size_t n, uint32_t *out,
                   const char **why)
{
	const char *open = memchr(s, '[', n), *close = NULL, *p;
	size_t i, len;
	ev_ecode e;
	int rc;

	*why = NULL;
	memset(&e, 0, sizeof e);
	if (!open) {
		*why = "missing [";
		return ENT_EPARSE;
	}
	for (i = n; i > (size_t)(open - s); i--)
		if (s[i - 1] == ']') {
			close = s + i - 1;
			break;
		}
	if (!close) {
		*why = "missing ]";
		return ENT_EPARSE;
	}
	p = open + 1;
	len = (size_t)(close - p);
	/* issues and actor parts after '/', '@', '$(' or '+(' are not used */
	for (i = 0; i < len; i++)
		if (p[i] == '/' || p[i] == '@' ||
		    ((p[i] == '$' || p[i] == '+') && i + 1 < len && p[i + 1] == '('))
			break;
	len = i;
	trim(&p, &len);
	if (len == 0) {
		*why = "no code between [ and ]";
		return ENT_EPARSE;
	}
	{
		const char *colon = memchr(p, ':', len);
		if (colon) {
			rc = one_code(d, p, (size_t)(colon - p), &e.code, &e.sub, &e.dom);
			if (rc == 0)
				rc = one_code(d, colon + 1, len - (size_t)(colon - p) - 1,
				              &e.pair, &e.psub, &e.pdom);
		} else
			rc = one_code(d, p, len, &e.code, &e.sub, &e.dom);
	}
	if (rc == ENT_EPARSE)
		*why = "empty code";
	else if (rc == ENT_EINVAL) {
		*why = "a code is letters and digits (with one ? or ! after it)";
		rc = ENT_EPARSE;
	}
	if (rc < 0)
		return rc;
	if (ENT_GROW(d->ecodes, d->necode, d->ecode_cap) < 0)
		return ENT_ENOMEM;
	d->ecodes[d->necode] = e;
	*out = (uint32_t)++d->necode;
	return 0;
}

/* ------------------------------------------------------------------------
 * Actor codes
 * ------------------------------------------------------------------------ */

/* A date of 6 (YYMMDD, 00-49 = 20xx) or 8 digits at s; returns the digits
 * consumed (0: none or invalid). */
static size_t read_date(const char *s, size_t n, ent_date *out)
{
	size_t k = 0;
	int y, m, dd;
	while (k < n && isdigit((unsigned char)s[k]))
		k++;
	if (k == 6) {
		y = (s[0] - '0') * 10 + (s[1] - '0');
		y += y < 50 ? 2000 : 1900;
		m = (s[2] - '0') * 10 + (s[3] - '0');
		dd = (s[4] - '0') * 10 + (s[5] - '0');
	} else if (k == 8) {
		y = atoi(s) / 10000;
		m = (s[4] - '0') * 10 + (s[5] - '0');
		dd = (s[6] - '0') * 10 + (s[7] - '0');
	} else
		return 0;
	if (m < 1 || m > 12 || dd < 1 || dd > ent_days_in_month(y, m))
		return 0;
	*out = ent_date_from_ymd(y, m, dd);
	return k;
}

static int add_parts(ent_evdict *d, const char *s, size_t n, ev_aalt *alt)
{
	size_t i = 0;
	alt->part0 = (uint32_t)d->napart;
	alt->nparts = 0;
	while (i <= n) {
		size_t j = i;
		const char *p, *colon;
		size_t pl;
		ev_apart part;
		int rc;
		while (j < n && s[j] != '/')
			j++;
		p = s + i;
		pl = j - i;
		trim(&p, &pl);
		if (pl == 0)
			return ENT_EPARSE;
		memset(&part, 0, sizeof part);
		colon = memchr(p, ':', pl);
		if (colon) {
			const char *a = colon + 1;
			size_t al = pl - (size_t)(colon - p) - 1;
			size_t cl = (size_t)(colon - p);
			trim(&p, &cl);
			trim(&a, &al);
			if (!cl || !al)
				return ENT_EPARSE;
			if ((rc = ev_str_intern(d, p, cl, &part.actor)) < 0 ||
			    (rc = ev_str_intern(d, a, al, &part.agent)) < 0)
				return rc;
		} else if ((rc = ev_str_intern(d, p, pl, &part.actor)) < 0)
			return rc;
		if (ENT_GROW(d->aparts, d->napart, d->apart_cap) < 0)
			return ENT_ENOMEM;
		d->aparts[d->napart++] = part;
		alt->nparts++;
		i = j + 1;
	}
	return 0;
}

/* One [...] block: "CODE", "CODE <DATE", "CODE >DATE", "CODE D1-D2". */
static int one_block(ent_evdict *d, const char *s, size_t n, ev_aalt *alt,
                     const char **why)
{
	const char *lt = memchr(s, '<', n), *gt = memchr(s, '>', n);
	const char *op = lt ? lt : gt;
	size_t i, k;
	int rc;

	memset(alt, 0, sizeof(*alt));
	trim(&s, &n);
	if (n == 0) {
		*why = "no code between [ and ]";
		return ENT_EPARSE;
	}
	if (op) {
		const char *q = op + 1;
		size_t ql = n - (size_t)(q - s);
		while (ql && isspace((unsigned char)*q)) {
			q++;
			ql--;
		}
		alt->kind = op == lt ? EV_D_BEFORE : EV_D_AFTER;
		k = read_date(q, ql, &alt->d1);
		if (!k) {
			*why = "bad date in a restriction (YYMMDD or YYYYMMDD)";
			return ENT_EPARSE;
		}
		n = (size_t)(op - s);
	} else {
		/* a range "D1 - D2": a '-' with digits on both sides */
		for (i = 0; i < n; i++) {
			size_t a, b;
			if (s[i] != '-')
				continue;
			if (i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') {
				i += 2;
				continue;
			}
			a = i;
			while (a > 0 && s[a - 1] == ' ')
				a--;
			b = a;
			while (b > 0 && isdigit((unsigned char)s[b - 1]))
				b--;
			if (b == a)
				continue;
			k = read_date(s + b, a - b, &alt->d1);
			{
				const char *q = s + i + 1;
				size_t ql = n - i - 1;
				while (ql && *q == ' ') {
					q++;
					ql--;
				}
				if (!k || !read_date(q, ql, &alt->d2)) {
					*why = "bad date range in a restriction";
					return ENT_EPARSE;
				}
			}
			alt->kind = EV_D_RANGE;
			n = b;
			break;
		}
	}
	trim(&s, &n);
	if (n == 0) {
		*why = "a date restriction without a code";
		return ENT_EPARSE;
	}
	rc = add_parts(d, s, n, alt);
	if (rc == ENT_EPARSE)
		*why = "empty part in a compound code";
	return rc;
}

int ev_acode_parse(ent_evdict *d, const char *s, size_t n, uint32_t *out,
                   const char **why)
{
	size_t i = 0, nblocks = 0, dated = 0;
	size_t alt0 = d->naalt, part0 = d->napart;
	int rc;
	ev_acode ac;

	*why = NULL;
	while (i < n) {
		const char *open = memchr(s + i, '[', n - i), *close;
		ev_aalt alt;
		if (!open)
			break;
		close = memchr(open, ']', n - (size_t)(open - s));
		if (!close) {
			*why = "missing ]";
			rc = ENT_EPARSE;
			goto fail;
		}
		rc = one_block(d, open + 1, (size_t)(close - open - 1), &alt, why);
		if (rc < 0)
			goto fail;
		if (alt.kind != EV_D_DEFAULT)
			dated++;
		if (ENT_GROW(d->aalts, d->naalt, d->aalt_cap) < 0) {
			rc = ENT_ENOMEM;
			goto fail;
		}
		d->aalts[d->naalt++] = alt;
		nblocks++;
		i = (size_t)(close - s) + 1;
	}
	if (nblocks == 0) {
		*why = "missing [";
		rc = ENT_EPARSE;
		goto fail;
	}
	if (nblocks == 1 && dated == 1) {
		/* a lone dated code: "no code" on other dates */
		ev_aalt alt;
		memset(&alt, 0, sizeof alt);
		alt.part0 = (uint32_t)d->napart;
		if (ENT_GROW(d->aparts, d->napart, d->apart_cap) < 0 ||
		    ENT_GROW(d->aalts, d->naalt, d->aalt_cap) < 0) {
			rc = ENT_ENOMEM;
			goto fail;
		}
		d->aparts[d->napart].actor = EV_S_NULL;
		d->aparts[d->napart].agent = 0;
		d->napart++;
		alt.nparts = 1;
		d->aalts[d->naalt++] = alt;
	}
	if (ENT_GROW(d->acodes, d->nacode, d->acode_cap) < 0) {
		rc = ENT_ENOMEM;
		goto fail;
	}
	ac.alt0 = (uint32_t)alt0;
	ac.nalts = (uint32_t)(d->naalt - alt0);
	d->acodes[d->nacode] = ac;
	*out = (uint32_t)++d->nacode;
	return 0;
fail:
	d->naalt = alt0;
	d->napart = part0;
	return rc;
}

const ev_apart *ev_acode_resolve(const ent_evdict *d, uint32_t acode1,
                                 ent_date date, size_t *count)
{
	const ev_acode *ac;
	uint32_t i;
	*count = 0;
	if (!acode1 || acode1 > d->nacode)
		return NULL;
	ac = &d->acodes[acode1 - 1];
	for (i = 0; i < ac->nalts; i++) {
		const ev_aalt *a = &d->aalts[ac->alt0 + i];
		int ok;
		switch (a->kind) {
		case EV_D_BEFORE: ok = date < a->d1; break;
		case EV_D_AFTER: ok = date > a->d1; break;
		case EV_D_RANGE: ok = date >= a->d1 && date <= a->d2; break;
		default: ok = 1;
		}
		if (ok) {
			*count = a->nparts;
			return &d->aparts[a->part0];
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------------
 * Time shifts
 * ------------------------------------------------------------------------ */

int ev_tcode_parse(ent_evdict *d, const char *s, size_t n, uint32_t *out,
                   const char **why)
{
	const char *open = memchr(s, '[', n);
	char tmp[64];
	size_t len;
	ev_tcode t;

	*why = NULL;
	memset(&t, 0, sizeof t);
	if (!open) {
		*why = "missing [";
		return ENT_EPARSE;
	}
	len = n - (size_t)(open - s);
	if (len >= sizeof tmp)
		len = sizeof tmp - 1;
	memcpy(tmp, open, len);
	tmp[len] = '\0';
	if (strstr(tmp, "---"))
		t.special = EV_S_NULL;
	else if (strstr(tmp, "###"))
		t.special = EV_S_DISCARD;
	else if (strstr(tmp, "+++"))
		t.special = EV_S_COMPLEX;
	else {
		long v = strtol(tmp + 1, NULL, 10);
		if (v > 8191 || v < -8191) {
			*why = "time shift over 8191 days";
			return ENT_EPARSE;
		}
		t.days = (int32_t)v;
	}
	if (ENT_GROW(d->tcodes, d->ntcode, d->tcode_cap) < 0)
		return ENT_ENOMEM;
	d->tcodes[d->ntcode] = t;
	*out = (uint32_t)++d->ntcode;
	return 0;
}
