/*
 * common.c - pieces every JSON report shares: the sources echo, state codes
 * for joining with COW / G&W data, dates.
 */
#include "report/report.h"

#include <string.h>

void ent_report_date(ent_buf *b, ent_date d)
{
	char tmp[16];
	if (d == ENT_DATE_NONE) {
		ent_buf_puts(b, "null");
		return;
	}
	ent_buf_putc(b, '"');
	ent_buf_puts(b, ent_date_format(tmp, d));
	ent_buf_putc(b, '"');
}

void ent_report_sources(ent_buf *b, const ent_ties *t)
{
	size_t i;
	const ent_tie_options *o = ent_ties_options(t);
	long treaty_lines = 0, treaty_files = 0;
	size_t k = 0;
	ent_buf_puts(b, "\"sources\":[");
	for (i = 0; i < ent_ties_source_count(t); i++) {
		const ent_tie_source *s = ent_ties_source(t, i);
		if (strcmp(s->kind, "treaty") == 0) { /* one entry for all treaties */
			treaty_lines += s->lines;
			treaty_files++;
			continue;
		}
		ent_buf_puts(b, k++ ? ",{\"kind\":" : "{\"kind\":");
		ent_buf_json_cstr(b, s->kind);
		ent_buf_puts(b, ",\"name\":");
		ent_buf_json_cstr(b, s->name);
		if (strcmp(s->kind, "events") == 0) {
			ent_buf_printf(b, ",\"lines\":%ld,\"events\":%ld,\"set_aside\":%ld,"
			               "\"skipped\":%ld}", s->lines, s->events, s->set_aside,
			               s->skipped);
		} else {
			ent_buf_printf(b, ",\"lines\":%ld,\"skipped\":%ld", s->lines,
			               s->skipped);
			if (o->no_baseline && strcmp(s->kind, "ties") != 0)
				ent_buf_puts(b, ",\"used\":false");
			ent_buf_putc(b, '}');
		}
	}
	if (treaty_files)
		ent_buf_printf(b, "%s{\"kind\":\"treaty\",\"name\":\"treaty priors (%ld "
		               "treaties)\",\"lines\":%ld,\"skipped\":0%s}", k ? "," : "",
		               treaty_files, treaty_lines, o->no_baseline ? ",\"used\":false" : "");
	ent_buf_puts(b, "],\"parameters\":{\"half_life_days\":");
	ent_buf_json_num(b, o->half_life_days);
	ent_buf_puts(b, ",\"event_scale\":");
	ent_buf_json_num(b, o->event_scale);
	ent_buf_puts(b, ",\"dead_band\":");
	ent_buf_json_num(b, o->dead_band);
	ent_buf_printf(b, ",\"baseline\":%s}", o->no_baseline ? "false" : "true");
}

void ent_report_state_codes(ent_buf *b, const ent_ties *t, const char **labels,
                            size_t n, ent_date d, const ent_codes *codes)
{
	const ent_states *st = ent_ties_states(t);
	size_t i, k = 0;
	if (!st || !codes || !(codes->cow || codes->gw || codes->name))
		return;
	ent_buf_puts(b, ",\"states\":{");
	for (i = 0; i < n; i++) {
		int s = ent_states_lookup(st, labels[i]);
		size_t j;
		int dup = 0;
		if (s < 0)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(labels[j], labels[i]) == 0)
				dup = 1;
		if (dup)
			continue;
		ent_buf_puts(b, k++ ? ",\"" : "\"");
		ent_buf_puts(b, ent_states_iso3(st, (size_t)s));
		ent_buf_puts(b, "\":{\"iso3\":\"");
		ent_buf_puts(b, ent_states_iso3(st, (size_t)s));
		ent_buf_putc(b, '"');
		if (codes->name) {
			ent_buf_puts(b, ",\"name\":");
			ent_buf_json_cstr(b, ent_states_name(st, (size_t)s));
		}
		if (codes->cow) {
			int c = ent_states_cow(st, (size_t)s, d);
			if (c < 0)
				ent_buf_puts(b, ",\"cow\":null");
			else
				ent_buf_printf(b, ",\"cow\":%d", c);
		}
		if (codes->gw) {
			int c = ent_states_gw(st, (size_t)s, d);
			if (c < 0)
				ent_buf_puts(b, ",\"gw\":null");
			else
				ent_buf_printf(b, ",\"gw\":%d", c);
		}
		ent_buf_putc(b, '}');
	}
	ent_buf_putc(b, '}');
}
