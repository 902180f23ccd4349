/*
 * gen_dict_snapshot.c - build-time compiler of the built-in dictionary
 * set: loads every built-in actor, agent, place and glossary file (read
 * from the source tree through builtin_fs.c) and writes the loaded set as
 * a snapshot (src/actors/snapshot.c) that the library embeds.
 *
 * usage: ENTENTE_DATA_DIRS=GEN_DATA:SRC_DATA gen_dict_snapshot OUT
 * Any diagnostic is a bug in the built-in data and fails the build.
 */
#include "actors/dict_internal.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>

static int diags;

static void on_diag(const ent_diag *d, void *p)
{
	(void)p;
	fprintf(stderr, "gen_dict_snapshot: %s:%ld: %s\n", d->file ? d->file : "?", d->line,
	        d->message);
	diags++;
}

int main(int argc, char **argv)
{
	ent_ctx *ctx;
	ent_dict *d;
	char *snap;
	size_t len;
	FILE *fp;
	if (argc != 2) {
		fprintf(stderr, "usage: gen_dict_snapshot OUT\n");
		return 2;
	}
	setenv("ENTENTE_NO_SNAPSHOT", "1", 1);
	if (ent_ctx_new(&ctx) < 0 || ent_dict_new(&d, ctx, NULL) < 0)
		return 1;
	ent_ctx_set_diag(ctx, on_diag, NULL);
	if (ent_dict_add_builtin(d) < 0) {
		fprintf(stderr, "gen_dict_snapshot: %s\n", ent_errmsg(ctx));
		return 1;
	}
	if (diags)
		return 1;
	if (ent_dict_snapshot(d, &snap, &len) < 0) {
		fprintf(stderr, "gen_dict_snapshot: out of memory\n");
		return 1;
	}
	fp = fopen(argv[1], "wb");
	if (!fp || fwrite(snap, 1, len, fp) != len || fclose(fp) != 0) {
		fprintf(stderr, "gen_dict_snapshot: cannot write %s\n", argv[1]);
		return 1;
	}
	ent_free(snap);
	ent_dict_free(d);
	ent_ctx_free(ctx);
	return 0;
}
