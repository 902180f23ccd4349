/*
 * entente/builtin.h - data files compiled into the library, so the program
 * works from any directory and after installation: the bundled sample
 * articles, reference tables, dictionaries.
 */
#ifndef ENTENTE_BUILTIN_H
#define ENTENTE_BUILTIN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	const char *name;  /* path relative to data/, e.g. "samples/articles.jsonl" */
	const char *data;  /* contents (static storage), NUL-terminated */
	size_t len;        /* length without the NUL */
} ent_builtin_file;

/* The built-in file called `name`, or NULL.  Static storage: never freed. */
const ent_builtin_file *ent_builtin_find(const char *name);

/* The i-th built-in file (0-based), or NULL past the end. */
const ent_builtin_file *ent_builtin_at(size_t i);

#ifdef __cplusplus
}
#endif
#endif
