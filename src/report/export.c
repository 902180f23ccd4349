/*
 * export.c - the network in the formats analysts' tools read: GraphML
 * (Gephi, Cytoscape, igraph, NetworkX), GEXF (Gephi), DOT (Graphviz), JSON
 * (code) and CSV (an edge list).  Node attributes: label, name, COW and
 * G&W codes on the network's date, camp (when blocs are given); edge
 * attributes: signed weight and sign.
 */
#include "report/report.h"
#include "util/buf.h"

#include <math.h>
#include <string.h>

typedef struct {
	const char *label, *name;
	int cow, gw, bloc;
} node_info;

static void info(const ent_net *g, const ent_ties *t, const int *bloc, size_t v,
                 node_info *out)
{
	const ent_states *st = ent_ties_states(t);
	out->label = ent_net_node_label(g, v);
	out->name = out->label;
	out->cow = out->gw = -1;
	out->bloc = bloc ? bloc[v] : -2;
	if (st) {
		int s = ent_net_node_id(g, v);
		out->name = ent_states_name(st, (size_t)s);
		out->cow = ent_states_cow(st, (size_t)s, ent_net_date(g));
		out->gw = ent_states_gw(st, (size_t)s, ent_net_date(g));
	}
}

int ent_report_export(ent_buf *b, const char *format, const ent_net *g,
                      const ent_ties *t, const int *bloc, const ent_point *pos)
{
	size_t v, e, n = ent_net_node_count(g), m = ent_net_edge_count(g);
	char d[16];
	ent_date_format(d, ent_net_date(g));
	if (strcmp(format, "graphml") == 0) {
		ent_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
		                "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
		                "  <key id=\"cow\" for=\"node\" attr.name=\"cow\" attr.type=\"int\"/>\n"
		                "  <key id=\"gw\" for=\"node\" attr.name=\"gw\" attr.type=\"int\"/>\n"
		                "  <key id=\"camp\" for=\"node\" attr.name=\"camp\" attr.type=\"int\"/>\n"
		                "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
		                "  <key id=\"sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n");
		ent_buf_printf(b, "  <graph id=\"entente-%s\" edgedefault=\"undirected\">\n", d);
		for (v = 0; v < n; v++) {
			node_info ni;
			info(g, t, bloc, v, &ni);
			ent_buf_puts(b, "    <node id=\"");
			ent_report_html_cstr(b, ni.label);
			ent_buf_puts(b, "\"><data key=\"name\">");
			ent_report_html_cstr(b, ni.name);
			ent_buf_puts(b, "</data>");
			if (ni.cow >= 0)
				ent_buf_printf(b, "<data key=\"cow\">%d</data>", ni.cow);
			if (ni.gw >= 0)
				ent_buf_printf(b, "<data key=\"gw\">%d</data>", ni.gw);
			if (ni.bloc > -2)
				ent_buf_printf(b, "<data key=\"camp\">%d</data>", ni.bloc);
			ent_buf_puts(b, "</node>\n");
		}
		for (e = 0; e < m; e++) {
			size_t x, y;
			double w;
			ent_net_edge(g, e, &x, &y, &w);
			ent_buf_printf(b, "    <edge id=\"e%zu\" source=\"", e);
			ent_report_html_cstr(b, ent_net_node_label(g, x));
			ent_buf_puts(b, "\" target=\"");
			ent_report_html_cstr(b, ent_net_node_label(g, y));
			ent_buf_printf(b, "\"><data key=\"weight\">%.4g</data><data key=\"sign\">%d"
			               "</data></edge>\n", w, w > 0 ? 1 : -1);
		}
		ent_buf_puts(b, "  </graph>\n</graphml>\n");
	} else if (strcmp(format, "gexf") == 0) {
		ent_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		               "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
		               "  <meta><creator>entente</creator><description>alignment "
		               "network on %s</description></meta>\n"
		               "  <graph defaultedgetype=\"undirected\">\n"
		               "    <attributes class=\"node\">\n"
		               "      <attribute id=\"0\" title=\"cow\" type=\"integer\"/>\n"
		               "      <attribute id=\"1\" title=\"gw\" type=\"integer\"/>\n"
		               "      <attribute id=\"2\" title=\"camp\" type=\"integer\"/>\n"
		               "    </attributes>\n"
		               "    <attributes class=\"edge\">\n"
		               "      <attribute id=\"0\" title=\"sign\" type=\"integer\"/>\n"
		               "    </attributes>\n    <nodes>\n", d);
		for (v = 0; v < n; v++) {
			node_info ni;
			info(g, t, bloc, v, &ni);
			ent_buf_puts(b, "      <node id=\"");
			ent_report_html_cstr(b, ni.label);
			ent_buf_puts(b, "\" label=\"");
			ent_report_html_cstr(b, ni.name);
			ent_buf_puts(b, "\"><attvalues>");
			if (ni.cow >= 0)
				ent_buf_printf(b, "<attvalue for=\"0\" value=\"%d\"/>", ni.cow);
			if (ni.gw >= 0)
				ent_buf_printf(b, "<attvalue for=\"1\" value=\"%d\"/>", ni.gw);
			if (ni.bloc > -2)
				ent_buf_printf(b, "<attvalue for=\"2\" value=\"%d\"/>", ni.bloc);
			ent_buf_puts(b, "</attvalues></node>\n");
		}
		ent_buf_puts(b, "    </nodes>\n    <edges>\n");
		for (e = 0; e < m; e++) {
			size_t x, y;
			double w;
			ent_net_edge(g, e, &x, &y, &w);
			ent_buf_printf(b, "      <edge id=\"%zu\" source=\"", e);
			ent_report_html_cstr(b, ent_net_node_label(g, x));
			ent_buf_puts(b, "\" target=\"");
			ent_report_html_cstr(b, ent_net_node_label(g, y));
			ent_buf_printf(b, "\" weight=\"%.4g\"><attvalues><attvalue for=\"0\" "
			               "value=\"%d\"/></attvalues></edge>\n", fabs(w),
			               w > 0 ? 1 : -1);
		}
		ent_buf_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
	} else if (strcmp(format, "dot") == 0) {
		ent_buf_printf(b, "graph entente {\n  label=\"alignment network, %s\";\n"
		               "  node [shape=ellipse];\n", d);
		for (v = 0; v < n; v++) {
			node_info ni;
			info(g, t, bloc, v, &ni);
			ent_buf_puts(b, "  \"");
			ent_report_html_cstr(b, ni.label);
			ent_buf_puts(b, "\" [tooltip=\"");
			ent_report_html_cstr(b, ni.name);
			ent_buf_putc(b, '"');
			if (ni.bloc > -2)
				ent_buf_printf(b, ", camp=%d", ni.bloc);
			ent_buf_puts(b, "];\n");
		}
		for (e = 0; e < m; e++) {
			size_t x, y;
			double w;
			ent_net_edge(g, e, &x, &y, &w);
			ent_buf_puts(b, "  \"");
			ent_report_html_cstr(b, ent_net_node_label(g, x));
			ent_buf_puts(b, "\" -- \"");
			ent_report_html_cstr(b, ent_net_node_label(g, y));
			ent_buf_printf(b, "\" [weight=%.4g, color=\"%s\", style=%s, penwidth=%.2f];\n",
			               w, w > 0 ? "#2b6cb0" : "#c53030", w > 0 ? "solid" : "dashed",
			               0.5 + 2.5 * fabs(w));
		}
		ent_buf_puts(b, "}\n");
	} else if (strcmp(format, "csv") == 0) {
		ent_buf_puts(b, "a,b,weight,sign,a_name,b_name,a_cow,b_cow,a_gw,b_gw\n");
		for (e = 0; e < m; e++) {
			size_t x, y;
			double w;
			node_info A, B;
			ent_net_edge(g, e, &x, &y, &w);
			info(g, t, bloc, x, &A);
			info(g, t, bloc, y, &B);
			ent_buf_sv_field(b, A.label, strlen(A.label), ',');
			ent_buf_putc(b, ',');
			ent_buf_sv_field(b, B.label, strlen(B.label), ',');
			ent_buf_printf(b, ",%.4g,%d,", w, w > 0 ? 1 : -1);
			ent_buf_sv_field(b, A.name, strlen(A.name), ',');
			ent_buf_putc(b, ',');
			ent_buf_sv_field(b, B.name, strlen(B.name), ',');
			if (A.cow >= 0)
				ent_buf_printf(b, ",%d", A.cow);
			else
				ent_buf_putc(b, ',');
			if (B.cow >= 0)
				ent_buf_printf(b, ",%d", B.cow);
			else
				ent_buf_putc(b, ',');
			if (A.gw >= 0)
				ent_buf_printf(b, ",%d", A.gw);
			else
				ent_buf_putc(b, ',');
			if (B.gw >= 0)
				ent_buf_printf(b, ",%d\n", B.gw);
			else
				ent_buf_puts(b, ",\n");
		}
	} else { /* json */
		ent_buf_puts(b, "{\"as_of\":");
		ent_report_date(b, ent_net_date(g));
		ent_buf_putc(b, ',');
		ent_report_sources(b, t);
		ent_buf_puts(b, ",\"nodes\":[");
		for (v = 0; v < n; v++) {
			node_info ni;
			info(g, t, bloc, v, &ni);
			ent_buf_puts(b, v ? ",{\"id\":" : "{\"id\":");
			ent_buf_json_cstr(b, ni.label);
			ent_buf_puts(b, ",\"name\":");
			ent_buf_json_cstr(b, ni.name);
			if (ni.cow >= 0)
				ent_buf_printf(b, ",\"cow\":%d", ni.cow);
			else
				ent_buf_puts(b, ",\"cow\":null");
			if (ni.gw >= 0)
				ent_buf_printf(b, ",\"gw\":%d", ni.gw);
			else
				ent_buf_puts(b, ",\"gw\":null");
			if (ni.bloc > -2)
				ent_buf_printf(b, ",\"camp\":%d", ni.bloc);
			if (pos)
				ent_buf_printf(b, ",\"x\":%.1f,\"y\":%.1f", pos[v].x, pos[v].y);
			ent_buf_putc(b, '}');
		}
		ent_buf_puts(b, "],\"edges\":[");
		for (e = 0; e < m; e++) {
			size_t x, y;
			double w;
			ent_net_edge(g, e, &x, &y, &w);
			ent_buf_puts(b, e ? ",{\"a\":" : "{\"a\":");
			ent_buf_json_cstr(b, ent_net_node_label(g, x));
			ent_buf_puts(b, ",\"b\":");
			ent_buf_json_cstr(b, ent_net_node_label(g, y));
			ent_buf_puts(b, ",\"weight\":");
			ent_buf_json_num(b, w);
			ent_buf_printf(b, ",\"sign\":%d}", w > 0 ? 1 : -1);
		}
		ent_buf_puts(b, "]}\n");
	}
	return b->oom ? ENT_ENOMEM : 0;
}
