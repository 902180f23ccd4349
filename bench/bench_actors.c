/*
 * bench_actors.c - benchmarks of the actor stage (not tests: figures go to
 * docs/performance.md).
 *
 * usage: bench_actors load [FILE...]     time to build the dictionary set:
 *                                         built-in, then each FILE added
 *                                         (actor or agent files, sniffed);
 *                                         best of 10
 *        bench_actors run CORPUS [FILE...] recognition on a JSONL corpus:
 *                                         the documents are read and put
 *                                         through the text stage first (not
 *                                         timed), then ent_actors_run over
 *                                         all of them is timed (best of 3);
 *                                         MB/s counts the input text bytes
 */
#include "entente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ent_dict *load(ent_ctx *ctx, int nfiles, char **files)
{
	ent_dict *d;
	int i;
	if (ent_dict_new(&d, ctx, NULL) < 0 || ent_dict_add_builtin(d) < 0)
		return NULL;
	for (i = 0; i < nfiles; i++)
		if (ent_dict_add_file(d, files[i], ENT_DICT_AUTO, NULL) < 0) {
			fprintf(stderr, "bench_actors: %s\n", ent_errmsg(ctx));
			ent_dict_free(d);
			return NULL;
		}
	if (ent_dict_finish(d) < 0) {
		ent_dict_free(d);
		return NULL;
	}
	return d;
}

int main(int argc, char **argv)
{
	ent_ctx *ctx;
	if (argc < 2) {
		fprintf(stderr, "usage: bench_actors load [FILE...] | run CORPUS [FILE...]\n");
		return 2;
	}
	ent_ctx_new(&ctx);
	if (strcmp(argv[1], "load") == 0) {
		double best = 1e9;
		int k;
		ent_dict_load_stats st;
		for (k = 0; k < 10; k++) {
			double t0 = now();
			ent_dict *d = load(ctx, argc - 2, argv + 2);
			double t = now() - t0;
			if (!d)
				return 1;
			if (t < best)
				best = t;
			if (k == 0) {
				ent_dict_stats(d, &st);
				printf("  %ld entries, %ld phrases, %ld dated restrictions\n", st.entries,
				       st.phrases, st.restrictions);
			}
			ent_dict_free(d);
		}
		printf("  load: %.1f ms (best of 10)\n", best * 1000);
		return 0;
	}
	if (strcmp(argv[1], "run") == 0 && argc >= 3) {
		ent_reader *r;
		ent_article art;
		ent_doc **docs = NULL;
		size_t ndocs = 0, cap = 0, bytes = 0, i, records = 0;
		ent_states *st;
		ent_dict *d;
		ent_actors *a;
		double best = 1e9;
		int k;
		if (ent_states_load(&st, ctx) < 0 || !(d = load(ctx, argc - 3, argv + 3)) ||
		    ent_actors_new(&a, ctx, d, st) < 0)
			return 1;
		if (ent_reader_open(&r, ctx, argv[2], NULL) < 0) {
			fprintf(stderr, "bench_actors: %s\n", ent_errmsg(ctx));
			return 1;
		}
		while (ent_reader_next(r, &art) == 1) {
			ent_doc *doc;
			if (ent_doc_new(&doc, ctx, &art, NULL, 0) < 0)
				continue;
			if (ndocs == cap) {
				cap = cap ? cap * 2 : 1024;
				docs = realloc(docs, cap * sizeof *docs);
			}
			docs[ndocs++] = doc;
			bytes += art.text_len;
		}
		ent_reader_free(r);
		for (k = 0; k < 3; k++) {
			double t0 = now(), t;
			records = 0;
			for (i = 0; i < ndocs; i++) {
				ent_actors_run(a, docs[i], ENT_DATE_NONE);
				records += ent_actors_count(a);
			}
			t = now() - t0;
			if (t < best)
				best = t;
		}
		printf("  %zu documents, %.1f MB of text, %zu actor records\n", ndocs, bytes / 1e6,
		       records);
		printf("  recognition: %.2f s, %.1f MB/s (best of 3)\n", best, bytes / 1e6 / best);
		for (i = 0; i < ndocs; i++)
			ent_doc_free(docs[i]);
		free(docs);
		ent_actors_free(a);
		ent_dict_free(d);
		ent_states_free(st);
		ent_ctx_free(ctx);
		return 0;
	}
	fprintf(stderr, "usage: bench_actors load [FILE...] | run CORPUS [FILE...]\n");
	return 2;
}
