/*
 * json.h - a small JSON reader for the line-oriented inputs entente takes
 * (JSONL articles, JSONL events): one object a line whose members are read
 * flat.  Nested objects and arrays are validated and kept as raw text.
 *
 * Why our own and not jansson: the articles reader must sustain well over
 * 150 MB/s and report errors by byte column; a flat reader that decodes
 * strings straight into the document arena does both.  Output uses buf.h.
 */
#ifndef ENT_JSON_H
#define ENT_JSON_H

#include <stddef.h>
#include "util/arena.h"

typedef enum {
	ENT_JSON_NULL,
	ENT_JSON_FALSE,
	ENT_JSON_TRUE,
	ENT_JSON_NUMBER,
	ENT_JSON_STRING,
	ENT_JSON_OBJECT,
	ENT_JSON_ARRAY
} ent_json_type;

typedef struct {
	const char *key;    /* decoded, NUL-terminated (arena) */
	size_t key_len;
	ent_json_type type;
	const char *str;    /* STRING: decoded UTF-8, NUL-terminated (arena);
	                       OBJECT/ARRAY/NUMBER: raw text (arena copy) */
	size_t str_len;
	double num;         /* NUMBER */
} ent_json_member;

typedef struct {
	size_t offset;      /* byte offset of the error in the input */
	const char *msg;    /* static string */
} ent_json_error;

/* Parse `s` (n bytes) as one JSON object, optionally surrounded by white
 * space.  On success stores an arena array of members in *out and their count
 * in *count and returns 0.  On failure returns ENT_EPARSE and fills *err.
 * Lone surrogate escapes decode to U+FFFD; raw bytes inside strings are
 * copied as they are (the text stage validates UTF-8).  Duplicate keys are
 * kept in order; ent_json_get returns the last. */
int ent_json_parse_object(ent_json_member **out, size_t *count, const char *s,
                          size_t n, ent_arena *arena, ent_json_error *err);

/* The last member named `key`, or NULL. */
const ent_json_member *ent_json_get(const ent_json_member *m, size_t count,
                                    const char *key);

/* Name of a JSON type ("string", "number", ...). */
const char *ent_json_type_name(ent_json_type t);

#endif
