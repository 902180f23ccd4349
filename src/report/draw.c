/*
 * draw.c - the alignment network as a picture, through Graphviz (cgraph
 * and gvc, called from C).  Camps are fill colours; a state between two
 * camps is filled half in each; cooperative ties are solid blue lines and
 * hostile ties dashed red ones, as wide as they are strong.  The layout is
 * neato's stress majorisation (Gansner, Koren & North 2004) from a fixed
 * start, with short springs on cooperative ties and long ones on hostile
 * ties, so camps gather and rivals part; then each state between two
 * camps is placed midway between their centres (or at the nearest free
 * spot around that point) and a second pass, with every state
 * pinned, draws the ties.  The same network always gives the
 * same picture.
 *
 * Graphviz keeps global state and is not thread-safe: every call here
 * holds one lock.  Its messages are kept, not printed.
 */
#include "report/report.h"
#include "util/alloc.h"
#include "util/ctx.h"

#include <graphviz/gvc.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t gv_lock = PTHREAD_MUTEX_INITIALIZER;

/* SVG and layouts use the core and neato plugins linked in, not the ones
 * Graphviz's config file names: text is measured from built-in font
 * metrics, so the layout does not depend on the fonts installed (and no
 * font library is loaded).  PNG needs cairo, loaded from the config. */
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
static lt_symlist_t builtin_plugins[] = {
	{"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
	{"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
	{NULL, NULL}
};

/* Camp fills (light, so labels and tie colours stay readable). */
static const char *const palette[] = {
	"#f4a261", "#8ecae6", "#90be6d", "#e9c46a", "#cdb4db", "#bc8a5f",
	"#a8dadc", "#ffafcc",
};
#define NPALETTE (sizeof palette / sizeof palette[0])
#define NO_CAMP "#e2e2e2"

const char *ent_report_camp_colour(int camp)
{
	return camp < 0 ? NO_CAMP : palette[(size_t)camp % NPALETTE];
}

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* What every picture and every state share: neato's stress majorisation
 * from a fixed start, straight ties under the states, and fixed-size
 * circles. */
static const char *const graph_attrs[][2] = {
	{"layout", "neato"}, {"mode", "major"}, {"start", "7"}, {"overlap", "false"},
	{"splines", "false"}, {"outputorder", "edgesfirst"}, {"pack", "true"},
	{"fontname", "Helvetica"}, {"fontsize", "12"}, {"labelloc", "t"},
};
static const char *const node_attrs[][2] = {
	{"shape", "circle"}, {"fixedsize", "true"}, {"width", "0.55"},
	{"fontname", "Helvetica"}, {"fontsize", "10"}, {"style", "filled"},
	{"color", "#555555"},
};

/* Builds the Graphviz graph: nodes[v] is node v. */
static Agraph_t *build(const ent_net *g, const ent_ties *t, const ent_blocs *B,
                       Agnode_t **nodes)
{
	size_t v, e, k, n = ent_net_node_count(g), m = ent_net_edge_count(g);
	const ent_states *st = t ? ent_ties_states(t) : NULL;
	char buf[256], d[16];
	Agraph_t *G = agopen("entente", Agundirected, NULL);
	if (!G)
		return NULL;
	for (v = 0; v < sizeof graph_attrs / sizeof graph_attrs[0]; v++)
		set(G, graph_attrs[v][0], graph_attrs[v][1]);
	snprintf(buf, sizeof buf, "Alignment network on %s: fill = camp (half and half: "
	         "between two camps); blue = cooperative, red dashed = hostile, "
	         "width = strength", ent_date_format(d, ent_net_date(g)));
	set(G, "label", buf);
	for (v = 0; v < n; v++) {
		const char *label = ent_net_node_label(g, v);
		const char *name = label;
		int camp = B ? B->bloc[v] : -1;
		Agnode_t *a = agnode(G, (char *)label, 1);
		if (!a)
			goto bad;
		nodes[v] = a;
		if (st)
			name = ent_states_name(st, (size_t)ent_net_node_id(g, v));
		for (k = 0; k < sizeof node_attrs / sizeof node_attrs[0]; k++)
			set(a, node_attrs[k][0], node_attrs[k][1]);
		snprintf(buf, sizeof buf, "n_%s", label);
		set(a, "id", buf);
		snprintf(buf, sizeof buf, "%s (%s)%s", name ? name : label, label,
		         B && camp < 0 ? ", between camps" : "");
		set(a, "tooltip", buf);
		if (B && camp < 0) {
			int c1 = -1, c2 = -1;
			for (k = 0; k < B->nbetween; k++)
				if (B->between[k] == v) {
					c1 = B->between_camps[2 * k];
					c2 = B->between_camps[2 * k + 1];
				}
			set(a, "style", "wedged");
			snprintf(buf, sizeof buf, "%s;0.5:%s", ent_report_camp_colour(c1),
			         ent_report_camp_colour(c2));
			set(a, "fillcolor", buf);
		} else
			set(a, "fillcolor", B ? ent_report_camp_colour(camp) : NO_CAMP);
	}
	for (e = 0; e < m; e++) {
		size_t x, y;
		double w;
		Agedge_t *ed;
		ent_net_edge(g, e, &x, &y, &w);
		if (!(ed = agedge(G, nodes[x], nodes[y], NULL, 1)))
			goto bad;
		set(ed, "color", w > 0 ? "#2b6cb0" : "#c53030");
		set(ed, "style", w > 0 ? "solid" : "dashed");
		snprintf(buf, sizeof buf, "%.2f", 0.6 + 3.0 * fabs(w));
		set(ed, "penwidth", buf);
		/* springs: strong friends close, rivals far */
		snprintf(buf, sizeof buf, "%.2f", w > 0 ? 1.6 - w : 2.6 + fabs(w));
		set(ed, "len", buf);
		snprintf(buf, sizeof buf, "e_%s_%s", ent_net_node_label(g, x),
		         ent_net_node_label(g, y));
		set(ed, "id", buf);
		snprintf(buf, sizeof buf, "%s - %s: %+.2f", ent_net_node_label(g, x),
		         ent_net_node_label(g, y), w);
		set(ed, "tooltip", buf);
	}
	return G;
bad:
	agclose(G);
	return NULL;
}

/* Whether a state drawn at (x, y) would overlap one already placed (node
 * circles are 0.55 inch, 39.6 points, wide). */
static int crowded(Agnode_t **nodes, size_t n, size_t self, double x, double y)
{
	size_t v;
	for (v = 0; v < n; v++) {
		double dx = ND_coord(nodes[v]).x - x, dy = ND_coord(nodes[v]).y - y;
		if (v != self && dx * dx + dy * dy < 44.0 * 44.0)
			return 1;
	}
	return 0;
}

/* Puts each state between two camps midway between the two camps'
 * centres, or at the nearest free spot around that point, then pins every state where it is, so
 * that a second neato pass keeps the places and only draws the ties.
 * 1 when it pinned, 0 when nobody is between two camps, -1 out of memory.
 * O(n * between * spots tried). */
static int pin_between(Agraph_t *G, Agnode_t **nodes, const ent_net *g,
                       const ent_blocs *B)
{
	size_t v, i, n = ent_net_node_count(g);
	double *sx, *sy, *cnt;
	char buf[64];
	if (!B || !B->nbetween || B->k < 2)
		return 0;
	sx = ent_calloc((size_t)B->k, sizeof *sx);
	sy = ent_calloc((size_t)B->k, sizeof *sy);
	cnt = ent_calloc((size_t)B->k, sizeof *cnt);
	if (!sx || !sy || !cnt) {
		ent_free(sx), ent_free(sy), ent_free(cnt);
		return -1;
	}
	for (v = 0; v < n; v++)
		if (B->bloc[v] >= 0 && B->bloc[v] < B->k) {
			sx[B->bloc[v]] += ND_coord(nodes[v]).x;
			sy[B->bloc[v]] += ND_coord(nodes[v]).y;
			cnt[B->bloc[v]]++;
		}
	for (i = 0; i < B->nbetween; i++) {
		int c1 = B->between_camps[2 * i], c2 = B->between_camps[2 * i + 1], ring;
		size_t self = B->between[i];
		double mx, my, dx, dy, d;
		if (c1 < 0 || c2 < 0 || c1 >= B->k || c2 >= B->k || !cnt[c1] || !cnt[c2])
			continue;
		mx = (sx[c1] / cnt[c1] + sx[c2] / cnt[c2]) / 2;
		my = (sy[c1] / cnt[c1] + sy[c2] / cnt[c2]) / 2;
		dx = sx[c2] / cnt[c2] - sx[c1] / cnt[c1];
		dy = sy[c2] / cnt[c2] - sy[c1] / cnt[c1];
		d = sqrt(dx * dx + dy * dy);
		(void)d;
		/* the nearest free spot on rings of 22, 44, ... points around the
		 * midpoint, 16 directions each; the midpoint if all is full */
		for (ring = 0; ring <= 20 && crowded(nodes, n, self, mx, my); ring++) {
			int a, found = 0;
			for (a = 0; a < 16 && !found; a++) {
				double x = mx + 22.0 * ring * cos(a * M_PI / 8),
				       y = my + 22.0 * ring * sin(a * M_PI / 8);
				if (!crowded(nodes, n, self, x, y))
					mx = x, my = y, found = 1;
			}
			if (found)
				break;
		}
		ND_coord(nodes[self]).x = mx;
		ND_coord(nodes[self]).y = my;
	}
	for (v = 0; v < n; v++) {
		snprintf(buf, sizeof buf, "%.2f,%.2f!", ND_coord(nodes[v]).x, ND_coord(nodes[v]).y);
		set(nodes[v], "pos", buf);
	}
	set(G, "inputscale", "72"); /* pos in points */
	set(G, "overlap", "true");  /* placed already: nothing may move */
	set(G, "pack", "false");
	ent_free(sx), ent_free(sy), ent_free(cnt);
	return 1;
}

int ent_report_draw(ent_buf *b, ent_ctx *ctx, const char *format,
                    const ent_net *g, const ent_ties *t, const ent_blocs *B,
                    ent_point *pos)
{
	size_t v, n = ent_net_node_count(g);
	Agnode_t **nodes = NULL;
	Agraph_t *G = NULL;
	GVC_t *gvc = NULL;
	char *data = NULL;
	unsigned int len = 0;
	int rc = 0, laid = 0;

	if (format && strcmp(format, "svg") && strcmp(format, "png"))
		return ent_err(ctx, ENT_EINVAL, "cannot draw '%s': svg or png", format);
	if (!(nodes = ent_calloc(n ? n : 1, sizeof *nodes)))
		return ent_err(ctx, ENT_ENOMEM, "out of memory");
	pthread_mutex_lock(&gv_lock);
	agseterr(AGMAX); /* keep Graphviz's messages (aglasterr), do not print */
	gvc = format && !strcmp(format, "png") ? gvContext()
	                                       : gvContextPlugins(builtin_plugins, 0);
	if (!gvc || !(G = build(g, t, B, nodes))) {
		rc = ent_err(ctx, ENT_ENOMEM, "out of memory building the picture");
		goto done;
	}
	if (gvLayout(gvc, G, "neato") != 0) {
		const char *why = aglasterr();
		rc = ent_err(ctx, ENT_EIO, "Graphviz could not lay out the network%s%s",
		             why ? ": " : "", why ? why : "");
		goto done;
	}
	laid = 1;
	if ((rc = pin_between(G, nodes, g, B)) < 0) {
		rc = ent_err(ctx, ENT_ENOMEM, "out of memory building the picture");
		goto done;
	}
	if (rc == 1) {
		rc = 0;
		gvFreeLayout(gvc, G);
		laid = 0;
		if (gvLayout(gvc, G, "neato") != 0) {
			const char *why = aglasterr();
			rc = ent_err(ctx, ENT_EIO, "Graphviz could not lay out the network%s%s",
			             why ? ": " : "", why ? why : "");
			goto done;
		}
		laid = 1;
	}
	if (pos)
		for (v = 0; v < n; v++) {
			pos[v].x = ND_coord(nodes[v]).x;
			pos[v].y = ND_coord(nodes[v]).y;
		}
	if (format) {
		if (gvRenderData(gvc, G, format, &data, &len) != 0 || !data) {
			const char *why = aglasterr();
			rc = ent_err(ctx, ENT_EIO, "Graphviz could not render %s%s%s", format,
			             why ? ": " : "", why ? why : "");
			goto done;
		}
		ent_buf_put(b, data, len);
		if (b->oom)
			rc = ent_err(ctx, ENT_ENOMEM, "out of memory");
	}
done:
	if (data)
		gvFreeRenderData(data);
	if (laid)
		gvFreeLayout(gvc, G);
	if (G)
		agclose(G);
	if (gvc)
		gvFreeContext(gvc);
	pthread_mutex_unlock(&gv_lock);
	ent_free(nodes);
	return rc;
}
