/*
 * test_report.c - pictures: the layout is stable, and a state between two
 * camps is drawn between them (src/report/draw.c); the evidence sentence
 * is escaped and marked from the event's spans (src/report/html.c).
 */
#define ENT_HARNESS_IMPL
#include "harness.h"
#include "entente.h"
#include "report/report.h"

#include <math.h>
#include <string.h>

/* Two camps of five (friends inside, rivals across) and node 10, a friend
 * of three states in each. */
static ent_net *two_camps(ent_ctx *ctx)
{
	uint32_t a[80], b[80];
	double w[80];
	size_t m = 0;
	uint32_t i, j;
	ent_net *g = NULL;
	for (i = 0; i < 10; i++)
		for (j = i + 1; j < 10; j++) {
			a[m] = i, b[m] = j;
			w[m++] = (i < 5) == (j < 5) ? 0.9 : -0.8;
		}
	for (i = 0; i < 3; i++) {
		a[m] = i, b[m] = 10, w[m++] = 0.9;
		a[m] = 5 + i, b[m] = 10, w[m++] = 0.9;
	}
	if (ent_net_from_edges(&g, ctx, 11, m, a, b, w) < 0)
		return NULL;
	return g;
}

ENT_TEST(draw_puts_a_state_between_its_camps)
{
	ent_ctx *ctx = NULL;
	ent_net *g;
	ent_blocs *B = NULL;
	ent_point p1[11], p2[11];
	double cx[2] = {0, 0}, cy[2] = {0, 0}, mx, my, dx, dy, t;
	size_t v;
	ENT_CHECK(ent_ctx_new(&ctx) == 0);
	ENT_CHECK((g = two_camps(ctx)) != NULL);
	if (!g)
		return;
	ENT_CHECK(ent_net_blocs(&B, g, NULL) == 0);
	ENT_CHECK(B && B->k == 2 && B->bloc[10] == -1);
	if (!B || B->k != 2 || B->bloc[10] != -1)
		goto out;
	ENT_CHECK(ent_report_draw(NULL, ctx, NULL, g, NULL, B, p1) == 0);
	ENT_CHECK(ent_report_draw(NULL, ctx, NULL, g, NULL, B, p2) == 0);
	ENT_CHECK(memcmp(p1, p2, sizeof p1) == 0); /* the same picture */
	for (v = 0; v < 10; v++) {
		cx[B->bloc[v]] += p1[v].x / 5;
		cy[B->bloc[v]] += p1[v].y / 5;
	}
	/* camps apart, node 10 between them: it projects onto the middle of
	 * the segment joining the camps' centres and lies near it */
	dx = cx[1] - cx[0], dy = cy[1] - cy[0];
	ENT_CHECK(hypot(dx, dy) > 60);
	mx = (cx[0] + cx[1]) / 2, my = (cy[0] + cy[1]) / 2;
	t = ((p1[10].x - cx[0]) * dx + (p1[10].y - cy[0]) * dy) / (dx * dx + dy * dy);
	ENT_CHECK(t > 0.25 && t < 0.75);
	ENT_CHECK(hypot(p1[10].x - mx, p1[10].y - my) < 0.5 * hypot(dx, dy));
	/* pictures */
	{
		ent_buf b = ENT_BUF_INIT;
		ENT_CHECK(ent_report_draw(&b, ctx, "svg", g, NULL, B, NULL) == 0);
		ENT_CHECK(b.len > 0 && strstr(ent_buf_cstr(&b), "id=\"n_10\"") != NULL);
		ENT_CHECK(strstr(ent_buf_cstr(&b), "stroke-dasharray") != NULL);
		ENT_CHECK(ent_report_draw(&b, ctx, "gif", g, NULL, B, NULL) == ENT_EINVAL);
		ent_buf_free(&b);
	}
out:
	ent_blocs_free(B);
	ent_net_free(g);
	ent_ctx_free(ctx);
}

ENT_TEST(evidence_is_escaped_and_marked)
{
	static const char text[] = "Intro. <Russia> & Ukraine \"talked\".";
	ent_event e;
	ent_buf b = ENT_BUF_INIT;
	memset(&e, 0, sizeof e);
	e.sentence_start = 7;
	e.sentence_end = sizeof text - 1;
	e.source_start = 8, e.source_end = 14;   /* Russia */
	e.target_start = 18, e.target_end = 25;  /* Ukraine */
	e.trigger_start = 27, e.trigger_end = 33; /* talked */
	ent_report_evidence_html(&b, text, sizeof text - 1, &e);
	ENT_CHECK_STR(ent_buf_cstr(&b), "&lt;<mark class=\"src\">Russia</mark>&gt; &amp; "
	              "<mark class=\"tgt\">Ukraine</mark> &quot;<mark class=\"trg\">talked"
	              "</mark>&quot;.");
	/* spans that do not fit the text: nothing */
	b.len = 0;
	e.sentence_end = 1000;
	ent_report_evidence_html(&b, text, sizeof text - 1, &e);
	ENT_CHECK(b.len == 0);
	ent_buf_free(&b);
}

int main(int argc, char **argv)
{
	return ent_test_main(argc, argv);
}
