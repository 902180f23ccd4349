/*
 * html.c - pieces of HTML shared by the report and the web view: escaping,
 * an event's evidence sentence with its actors and trigger marked from
 * the event's byte spans, and a small SVG chart of a dyad month by month.
 */
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ent_report_html_escape(ent_buf *b, const char *s, size_t n)
{
	size_t i, from = 0;
	for (i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\0': rep = "\xEF\xBF\xBD"; break; /* U+FFFD */
		default: continue;
		}
		ent_buf_put(b, s + from, i - from);
		ent_buf_puts(b, rep);
		from = i + 1;
	}
	ent_buf_put(b, s + from, n - from);
}

void ent_report_html_cstr(ent_buf *b, const char *s)
{
	if (s)
		ent_report_html_escape(b, s, strlen(s));
}

/* Which mark byte i of the text carries: 0 none, 1 source, 2 target,
 * 3 trigger (the trigger wins where spans overlap). */
static int mark_at(const ent_event *e, long i)
{
	if (e->trigger_start >= 0 && i >= e->trigger_start && i < e->trigger_end)
		return 3;
	if (e->source_start >= 0 && i >= e->source_start && i < e->source_end)
		return 1;
	if (e->target_start >= 0 && i >= e->target_start && i < e->target_end)
		return 2;
	return 0;
}

void ent_report_evidence_html(ent_buf *b, const char *text, size_t text_len,
                              const ent_event *e)
{
	static const char *const open[] = {NULL, "<mark class=\"src\">",
	                                   "<mark class=\"tgt\">",
	                                   "<mark class=\"trg\">"};
	long i, from, end;
	int cur;
	if (!text || e->sentence_start >= e->sentence_end ||
	    e->sentence_end > text_len)
		return;
	from = (long)e->sentence_start;
	end = (long)e->sentence_end;
	cur = mark_at(e, from);
	for (i = from; i <= end; i++) {
		int m = i < end ? mark_at(e, i) : -1;
		if (m == cur)
			continue;
		if (cur > 0)
			ent_buf_puts(b, open[cur]);
		ent_report_html_escape(b, text + from, (size_t)(i - from));
		if (cur > 0)
			ent_buf_puts(b, "</mark>");
		from = i;
		cur = m;
	}
}

void ent_report_month_chart(ent_buf *b, const ent_report_month *m, size_t n,
                            const char *title)
{
	const double W = 640, H = 180, L = 40, R = 10, T = 22, B = 24;
	double top = 1, x0, bw;
	size_t i;
	for (i = 0; i < n; i++) {
		if (m[i].cooperation > top)
			top = m[i].cooperation;
		if (-m[i].conflict > top)
			top = -m[i].conflict;
	}
	bw = n ? (W - L - R) / (double)n : 0;
	x0 = L;
	ent_buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	               "height=\"%.0f\" role=\"img\"><title>", W, H, W, H);
	ent_report_html_cstr(b, title);
	ent_buf_puts(b, "</title><text x=\"4\" y=\"14\" font-size=\"12\">");
	ent_report_html_cstr(b, title);
	ent_buf_printf(b, "</text><line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" "
	               "stroke=\"#888\"/>", L, W - R, T + (H - T - B) / 2,
	               T + (H - T - B) / 2);
	ent_buf_printf(b, "<text x=\"2\" y=\"%.0f\" font-size=\"9\">+%.0f</text>"
	               "<text x=\"2\" y=\"%.0f\" font-size=\"9\">-%.0f</text>",
	               T + 8, top, H - B, top);
	for (i = 0; i < n; i++) {
		double mid = T + (H - T - B) / 2, half = (H - T - B) / 2;
		double up = m[i].cooperation / top * half, down = -m[i].conflict / top * half;
		double x = x0 + bw * (double)i;
		if (up > 0)
			ent_buf_printf(b, "<rect class=\"coop\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			               "height=\"%.1f\" fill=\"#2b6cb0\"><title>%s: cooperation "
			               "%+.1f</title></rect>", x, mid - up, bw * 0.9 > 1 ? bw * 0.9 : 1,
			               up, m[i].month, m[i].cooperation);
		if (down > 0)
			ent_buf_printf(b, "<rect class=\"conf\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			               "height=\"%.1f\" fill=\"#c53030\"><title>%s: conflict "
			               "%+.1f</title></rect>", x, mid, bw * 0.9 > 1 ? bw * 0.9 : 1,
			               down, m[i].month, m[i].conflict);
		if (i == 0 || i + 1 == n || (n > 12 && i % (n / 6) == 0))
			ent_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"9\">%s</text>",
			               x, H - 8, m[i].month);
	}
	ent_buf_puts(b, "</svg>");
}
