/*
 * options.c - TABARI .options files: the commands that change coding
 * (COMPLEX:, COMMA:, DEFAULT:, SET:, NONEVENTS:, FORWARD:) and LABEL:,
 * read the way TABARI reads them (keywords found anywhere on the line,
 * numbers after them, T/F after '='), so existing options files mean what
 * they meant.  OUTPUT: and the usage-file settings only affect TABARI's own
 * files and are accepted without effect.
 */
#include "events/ev_internal.h"
#include "util/alloc.h"
#include "util/linereader.h"
#include "util/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void ent_event_options_init(ent_event_options *o)
{
	memset(o, 0, sizeof(*o));
	o->code_mode = ENT_CODE_BY_CLAUSE;
	o->sub_min = 2;
	o->sub_max = 10;
	o->sub_beg_min = 128;  /* off */
	o->sub_beg_max = 0;
	o->sub_end_min = 2;
	o->sub_end_max = 10;
	o->min_words = 8;
	o->time_shift = -1;
}

/* The first number after `key` in s, or `dflt` when key is absent. */
static int number_after(const char *s, const char *key, int dflt)
{
	const char *p = strstr(s, key);
	if (!p)
		return dflt;
	p += strlen(key);
	while (*p && !isdigit((unsigned char)*p))
		p++;
	if (!*p)
		return dflt;
	return atoi(p);
}

/* TABARI's T/F after '=' (true when neither is there). */
static int boolean(const char *s)
{
	const char *p = strchr(s, '=');
	if (!p)
		return -1;
	for (; *p; p++) {
		if (*p == 'T')
			return 1;
		if (*p == 'F')
			return 0;
	}
	return 1;
}

/* "[CODE]" after `key` into out. */
static int bracket_code(const char *s, const char *key, char *out, size_t cap)
{
	const char *p = strstr(s, key), *b, *e;
	size_t n;
	if (!p)
		return 0;
	b = strchr(p, '[');
	if (!b || b - p > 15)
		return -1;
	e = strchr(b, ']');
	if (!e)
		return -1;
	b++;
	while (b < e && isspace((unsigned char)*b))
		b++;
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	n = (size_t)(e - b);
	if (n == 0 || n >= cap)
		return -1;
	memcpy(out, b, n);
	out[n] = '\0';
	return 1;
}

int ent_event_options_apply(ent_event_options *o, ent_ctx *ctx,
                            const char *command)
{
	char line[1024], *arg;
	size_t n = strlen(command), i;
	const char *colon;
	char kw[32];
	size_t kl;

	while (n && isspace((unsigned char)*command)) {
		command++;
		n--;
	}
	while (n && isspace((unsigned char)command[n - 1]))
		n--;
	if (n >= sizeof line)
		return ent_err(ctx, ENT_EPARSE, "option command longer than %zu bytes",
		               sizeof line - 1);
	colon = memchr(command, ':', n);
	if (!colon)
		return ent_err(ctx, ENT_EPARSE, "no ':' in option command '%.*s'",
		               (int)(n > 60 ? 60 : n), command);
	/* upper-case everything: TABARI's commands and arguments ignore case */
	for (i = 0; i < n; i++)
		line[i] = (char)toupper((unsigned char)command[i]);
	line[n] = '\0';
	kl = (size_t)(colon - command);
	if (kl >= sizeof kw)
		kl = sizeof kw - 1;
	memcpy(kw, line, kl);
	kw[kl] = '\0';
	arg = line + (colon - command) + 1;
	while (*arg && isspace((unsigned char)*arg))
		arg++;

	if (strncmp(kw, "COMPLEX", 7) == 0 || strncmp(kw, "CMPLX", 5) == 0) {
		char tmp[1024];
		snprintf(tmp, sizeof tmp, "%s", arg);
		if (tmp[0] == 'V')
			tmp[0] = 'X';   /* a leading VERBS */
		o->cplx_verbs = number_after(tmp, tmp[0] == 'X' ? "XERBS" : " VERBS", 0);
		o->cplx_actors = number_after(tmp, "ACTORS", 0);
		o->cplx_pronouns = number_after(tmp, "PRONOUNS", 0);
		o->cplx_conj = number_after(tmp, "CONJ", 0);
		o->cplx_comma = number_after(tmp, "COMMA", 0);
		o->cplx_late_verb = number_after(tmp, "LATEVERB", 0);
		o->cplx_no_actor_before = strstr(tmp, "ACTPRIOR") != NULL;
		o->cplx_no_actor_after = strstr(tmp, "ACTAFTER") != NULL;
		o->cplx_no_source = strstr(tmp, "NOSOURCE") != NULL;
		o->cplx_no_verb = strstr(tmp, "NOVERB") != NULL;
		o->cplx_no_target = strstr(tmp, "NOTARGET") != NULL;
		o->cplx_no_event = strstr(tmp, "NOEVENT") != NULL;
		return 0;
	}
	if (strncmp(kw, "COMMA", 5) == 0) {
		if (strstr(arg, "OFF")) {
			o->sub_min = o->sub_beg_min = o->sub_end_min = 128;
			o->sub_max = o->sub_beg_max = o->sub_end_max = 0;
			return 0;
		}
		o->sub_min = number_after(line, " MIN", o->sub_min);
		o->sub_max = number_after(line, " MAX", o->sub_max);
		o->sub_beg_min = number_after(line, "BMIN", o->sub_beg_min);
		o->sub_beg_max = number_after(line, "BMAX", o->sub_beg_max);
		o->sub_end_min = number_after(line, "EMIN", o->sub_end_min);
		o->sub_end_max = number_after(line, "EMAX", o->sub_end_max);
		return 0;
	}
	if (kw[0] == 'D') {
		int rc;
		if (strstr(arg, "OFF")) {
			o->default_source[0] = o->default_target[0] = '\0';
			o->default_prior = o->default_after = 0;
		}
		rc = bracket_code(line, "SOURCE", o->default_source,
		                  sizeof o->default_source);
		if (rc < 0)
			return ent_err(ctx, ENT_EPARSE, "DEFAULT: SOURCE needs a [code]");
		if (rc > 0)
			o->default_prior = strstr(line, "PRIOR") != NULL;
		rc = bracket_code(line, "TARGET", o->default_target,
		                  sizeof o->default_target);
		if (rc < 0)
			return ent_err(ctx, ENT_EPARSE, "DEFAULT: TARGET needs a [code]");
		if (rc > 0)
			o->default_after = strstr(line, "AFTER") != NULL;
		return 0;
	}
	if (kw[0] == 'F') {
		size_t k = 0;
		o->forward = strchr(arg, 'S') && !strstr(arg, "OFF");
		while (arg[k] && !isspace((unsigned char)arg[k]) &&
		       k + 1 < sizeof o->forward_format) {
			o->forward_format[k] = arg[k];
			k++;
		}
		o->forward_format[k] = '\0';
		return 0;
	}
	if (kw[0] == 'N')
		return 0;   /* NONEVENTS: records without events are not output */
	if (kw[0] == 'O' || kw[0] == 'L')
		return 0;   /* OUTPUT: and LABEL: (labels: ev_read_options) */
	if (kw[0] == 'S') {
		int b;
		if (strstr(arg, "CODE")) {
			if (strstr(arg, "SEN"))
				o->code_mode = ENT_CODE_BY_SENTENCE;
			else if (strstr(arg, "ALL"))
				o->code_mode = ENT_CODE_ALL;
			else
				o->code_mode = ENT_CODE_BY_CLAUSE;
			return 0;
		}
		if (strstr(arg, "HAIKU") || strstr(arg, "YYYY"))
			return 0;
		if (strstr(arg, "TIME")) {
			b = boolean(arg);
			o->time_shift = b != 0;
			return 0;
		}
		if (strstr(arg, "LABEL"))
			return 0;
		if (strstr(arg, "MATCH"))
			return ent_err(ctx, ENT_EUNSUP, "SET: MATCH is no longer an option "
			               "(TABARI 0.8)");
		if (strstr(arg, "FBIS")) {
			o->fbis = boolean(arg) != 0;
			return 0;
		}
		if (strstr(arg, "DUP ") || strstr(arg, "SKIP "))
			return 0;
		if (strstr(arg, "CONV")) {
			o->convert_agents = boolean(arg) != 0;
			return 0;
		}
		if (strstr(arg, "MINIM")) {
			o->min_words = number_after(arg, "MINIM", 0);
			return 0;
		}
		if (strstr(arg, "USAGE"))
			return 0;
		return ent_err(ctx, ENT_EPARSE, "unknown SET: command '%s'", arg);
	}
	return ent_err(ctx, ENT_EPARSE, "unknown option command '%s'", kw);
}

int ev_read_options(ent_evdict *d, const char *name, const char *data,
                    size_t len, ent_dict_load_stats *st)
{
	ent_linereader lr;
	const char *line;
	size_t n;
	char buf[2048];
	int rc;

	ent_lr_init_mem(&lr, data, len, d->opts.max_line);
	while (ent_lr_next(&lr, &line, &n) == 1) {
		long ln = lr.lineno;
		size_t m = n, i;
		const char *s = line;
		if (lr.too_long) {
			st->errors++;
			ent_diag_emit(d->ctx, ENT_DIAG_ERROR, name, ln, -1,
			              "line longer than %zu bytes: skipped", d->opts.max_line);
			continue;
		}
		if (ent_utf8_valid_prefix((const unsigned char *)s, m) != m) {
			st->warnings++;
			if (d->opts.check)
				ent_diag_emit(d->ctx, ENT_DIAG_WARNING, name, ln, -1,
				              "not UTF-8 (a Mac-Roman or Latin-1 byte?): read "
				              "as Latin-1");
			if (m > sizeof buf / 2 - 1)
				m = sizeof buf / 2 - 1;
			m = ent_utf8_from_latin1(buf, sizeof buf, s, m);
			s = buf;
		}
		while (m && isspace((unsigned char)s[m - 1]))
			m--;
		while (m && isspace((unsigned char)*s)) {
			s++;
			m--;
		}
		if (m == 0 || s[0] == '#' || s[0] == '/')
			continue;
		if (s[0] == '~')
			break;
		if (s != buf) {
			if (m >= sizeof buf)
				m = sizeof buf - 1;
			memmove(buf, s, m);
		}
		buf[m] = '\0';
		st->entries++;
		for (i = 0; i < m && buf[i] != ':'; i++)
			;
		if (i < m && (buf[0] == 'L' || buf[0] == 'l')) {
			/* LABEL: CODE=TEXT */
			char *p = buf + i + 1, *eq;
			uint32_t code, label;
			while (*p && isspace((unsigned char)*p))
				p++;
			eq = strchr(p, '=');
			if (!eq || eq == p) {
				st->errors++;
				ent_diag_emit(d->ctx, ENT_DIAG_ERROR, name, ln, -1,
				              "LABEL: needs CODE=TEXT");
				continue;
			}
			{
				char *ce = eq;
				char *t = eq + 1;
				while (ce > p && isspace((unsigned char)ce[-1]))
					ce--;
				while (*t && isspace((unsigned char)*t))
					t++;
				if (ev_str_intern(d, p, (size_t)(ce - p), &code) < 0 ||
				    ev_str_intern(d, t, strlen(t), &label) < 0 ||
				    ent_map64_put(&d->label_map, (uint64_t)code, label) < 0)
					return ent_err(d->ctx, ENT_ENOMEM, "out of memory");
			}
			continue;
		}
		rc = ent_event_options_apply(&d->options, d->ctx, buf);
		if (rc == ENT_EUNSUP) {
			st->warnings++;
			if (d->opts.check)
				ent_diag_emit(d->ctx, ENT_DIAG_WARNING, name, ln, -1,
				              "%s: ignored", ent_errmsg(d->ctx));
		} else if (rc < 0) {
			st->errors++;
			ent_diag_emit(d->ctx, ENT_DIAG_ERROR, name, ln, -1, "%s; skipped",
			              ent_errmsg(d->ctx));
		}
	}
	ent_lr_destroy(&lr);
	return 0;
}
