/*
 * netcli.h - what the network commands share: the options that pick tie
 * sources and parameters, and the setup that loads them.
 */
#ifndef ENT_NETCLI_H
#define ENT_NETCLI_H

#include "cli/cli.h"
#include "report/report.h"

#define ENT_CLI_NET_OPTIONS                                                      \
	{"ties", 0, "FILE", "add or override ties from a tie file", "@file", 1},     \
	{"treaties", 0, "FILE", "add or override treaties from a treaty file",       \
	 "@file", 1},                                                                \
	{"events", 0, "FILE", "coded events (JSONL) that sharpen the ties",          \
	 "@file", 1},                                                                \
	{"no-baseline", 0, NULL, "leave the built-in ties out (see what the news "   \
	 "alone says)", NULL, 0},                                                    \
	{"as-of", 0, "DATE", "the date to look at (default: the latest event, "     \
	 "else today)", NULL, 0},                                                    \
	{"half-life", 0, "DAYS", "half-life of an event's weight (default 180)",    \
	 NULL, 0},                                                                   \
	{"event-scale", 0, "N", "Goldstein points that make a strong tie "          \
	 "(default 10)", NULL, 0},                                                   \
	{"dead-band", 0, "X", "ties weaker than X are no ties (default 0.1)",       \
	 NULL, 0},                                                                   \
	{"generic", 0, NULL, "tie files name arbitrary nodes, not states "          \
	 "(implies --no-baseline)", NULL, 0},                                        \
	{"db", 0, "FILE", "events from this store (default: entente.db when it "   \
	 "exists in the working directory)", "@file", 0},                          \
	{"codes", 0, "LIST", "state codes in JSON output: iso3,cow,gw,name",        \
	 NULL, 0}

typedef struct {
	ent_states *st;
	ent_world *world;   /* NULL in generic mode */
	ent_ties *ties;
	ent_date as_of;
	ent_codes codes;
	int json;
} ent_cli_net;

/* Load states, the built-in ties (unless --no-baseline or --generic), the
 * --ties and --events files; resolve --as-of.  Unreadable or malformed
 * files are reported and counted (exit status 1) and the rest goes on.
 * Returns 0, ENT_EXIT_USAGE, or ENT_EXIT_INPUT on a fatal failure. */
int ent_cli_net_init(ent_cli *cli, const ent_cli_args *a, ent_cli_net *n);
void ent_cli_net_free(ent_cli_net *n);

/* The network's view of a coded event (strings borrowed from e, id, doc). */
void ent_cli_event_in(ent_event_in *in, const ent_event *e, const char *id,
                      const char *doc);

/* Add every stored event of the store at `path` to `ties` (one per
 * happening).  0 or an exit status (the error is printed). */
int ent_cli_load_store(ent_cli *cli, ent_ties *ties, const char *path);

/* Build the network on date d; prints a clear message and returns NULL when
 * it cannot be built or is empty. */
ent_net *ent_cli_net_build(ent_cli *cli, ent_cli_net *n, ent_date d);

/* Parse a date option (NULL value: `def`); ENT_DATE_NONE after a usage
 * error. */
ent_date ent_cli_date_opt(ent_cli *cli, const ent_cli_args *a,
                          const char *name, ent_date def, int *bad);

/* Resolve a state (or node) argument; prints an error with suggestions
 * and returns -1 when unknown. */
int ent_cli_node_arg(ent_cli *cli, ent_cli_net *n, const char *s);

/* Print a number with sign for text output ("+0.70", "-0.40"). */
const char *ent_cli_signed(char *buf, size_t n, double v);

/* The (at most k) most hostile ties of g, most hostile first, into out;
 * returns how many.  O(m k). */
size_t ent_cli_most_hostile(const ent_net *g, size_t *out, size_t k);

/* The war the scenarios of `analyze` and the report ask about for tie e:
 * the side with more ties attacks the other. */
void ent_cli_war_of(const ent_net *g, size_t e, ent_scenario_options *o);

/* The alignment picture on a date, computed once for whoever shows it
 * (`analyze`, the report): the network, its balance, its frustration
 * (exact within 5 s, frustrated ties sorted most telling first) and its
 * camps. */
typedef struct {
	ent_net *g;
	ent_balance bal;
	ent_frustration *f;
	ent_blocs *B;
} ent_cli_picture;

/* Compute the picture on n->as_of into *p.  0 or an exit status (the
 * error printed).  Free with ent_cli_picture_free (also after a failure). */
int ent_cli_picture_build(ent_cli *cli, ent_cli_net *n, ent_cli_picture *p);
void ent_cli_picture_free(ent_cli_picture *p);

/* Rows of a report's events table (report_html.c): up to `max` (300
 * when 0) events with their evidence. */
typedef struct {
	ent_buf html;
	size_t n, max;
} ent_cli_evrows;

/* Add a row: `text` is the document the event's spans index. */
void ent_cli_evrows_add(ent_cli_evrows *r, const ent_event *e, const char *id,
                        const char *text, size_t text_len);
void ent_cli_evrows_free(ent_cli_evrows *r);

/* Write the HTML report of picture p to `path` (`origin` says where the
 * news came from).  0 or an exit status (the error is printed). */
int ent_cli_report_write(ent_cli *cli, ent_cli_net *n, const ent_cli_picture *p,
                         const ent_cli_evrows *rows, const char *path,
                         const char *origin);

#endif
