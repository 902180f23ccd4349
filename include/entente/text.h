/*
 * entente/text.h - the first stage of the data flow: articles in, repaired,
 * normalised sentences and tokens out.
 *
 * An `ent_reader` yields articles from a file or stream (plain text, JSONL or
 * TABARI records); `ent_doc_new` runs the text stage on one article and keeps
 * the result: the repaired text, its sentences, and - on demand - the tokens
 * of a sentence.  Every sentence and token carries byte offsets into the
 * ORIGINAL input, so evidence always points at what the user supplied.
 */
#ifndef ENTENTE_TEXT_H
#define ENTENTE_TEXT_H

#include "entente/common.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Articles and readers
 * ------------------------------------------------------------------------ */

/* One input document.  Strings are NUL-terminated; `text` may also contain
 * NUL bytes, so use text_len.  Optional fields are NULL when absent. */
typedef struct {
	const char *id;      /* JSONL "id", TABARI record id, or the file name */
	ent_date date;       /* article date */
	const char *source;  /* optional */
	const char *title;   /* optional */
	const char *url;     /* optional */
	const char *text;    /* original text as supplied */
	size_t text_len;
	const char *origin;  /* input name: file name or "-" */
	long line;           /* 1-based line of the record in `origin` */
	const char *comment; /* TABARI records: the text of the record's
	                        comments, which are not part of `text`; else
	                        NULL */
} ent_article;

typedef enum {
	ENT_INPUT_AUTO = 0,  /* JSONL if the first non-blank byte is '{', else text */
	ENT_INPUT_TEXT,      /* the whole input is one document */
	ENT_INPUT_JSONL,     /* one JSON article object a line */
	ENT_INPUT_TABARI     /* TABARI text records: a "YYMMDD ID" line, text
	                        lines, a blank line; comments between slash-star
	                        and star-slash are blanked out of the text (byte
	                        offsets are kept) and returned in `comment`; `#`
	                        lines are not text; two-digit years 00-49 are
	                        20xx, 50-99 19xx */
} ent_input_kind;

typedef struct {
	unsigned version;
	ent_input_kind kind;
	ent_date default_date;  /* date of plain-text documents */
	size_t max_doc_bytes;   /* larger documents are refused (and skipped) */
} ent_reader_options;

#define ENT_READER_OPTIONS_VERSION 1
#define ENT_READER_OPTIONS_INIT \
	{ENT_READER_OPTIONS_VERSION, ENT_INPUT_AUTO, ENT_DATE_NONE, (size_t)16 << 20}

typedef struct ent_reader ent_reader;

/* Open `path` for reading ("-" or NULL: standard input).  *out is freed with
 * ent_reader_free.  ENT_EIO if the file cannot be opened. */
int ent_reader_open(ent_reader **out, ent_ctx *ctx, const char *path,
                    const ent_reader_options *opts);

/* Read from an open stream (not closed by the reader); `name` names it in
 * messages. */
int ent_reader_open_stream(ent_reader **out, ent_ctx *ctx, FILE *fp,
                           const char *name, const ent_reader_options *opts);

/* Read from memory (borrowed: must outlive the reader). */
int ent_reader_open_memory(ent_reader **out, ent_ctx *ctx, const char *data,
                           size_t len, const char *name,
                           const ent_reader_options *opts);

/* Next article.  Returns 1 and fills *out (all pointers owned by the reader,
 * valid until the next call or ent_reader_free), 0 at the end of input, or a
 * negative code on a failure that stops reading (I/O, memory).  A malformed
 * record is not a failure: it is reported to the context's diagnostic
 * callback as "FILE:LINE: reason" and skipped. */
int ent_reader_next(ent_reader *r, ent_article *out);

/* The input kind in use (after auto-detection, once the first article has
 * been read). */
ent_input_kind ent_reader_kind(const ent_reader *r);

/* Records skipped because they were malformed or over the size limit. */
long ent_reader_skipped(const ent_reader *r);

/* Bytes consumed so far (for progress reporting). */
size_t ent_reader_bytes(const ent_reader *r);

void ent_reader_free(ent_reader *r);

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

/* Counts of what the text stage changed in one document. */
typedef struct {
	long invalid_utf8;       /* invalid sequences replaced by U+FFFD */
	long nul_bytes;          /* NUL bytes replaced by a space */
	long controls;           /* other control or invisible characters */
	long nfc_changes;        /* runs changed by NFC */
	long hyphen_spaces;      /* "Kim Jong -un" -> "Kim Jong-un" */
	long glued_sentences;    /* "East.During" -> "East. During" */
	long space_runs;         /* runs of several spaces on one line */
	long space_before_punct; /* "Seoul , Tokyo" -> "Seoul, Tokyo" */
	long split_apostrophes;  /* "Russia 's" -> "Russia's" */
	long dash_spaces;        /* "Japan –the U.S." -> "Japan – the U.S." */
	long long_sentences;     /* sentences cut at the length limit */
} ent_text_stats;

typedef struct {
	unsigned version;
	size_t max_sentence_bytes; /* longer sentences are cut at a space */
} ent_text_options;

#define ENT_TEXT_OPTIONS_VERSION 1
#define ENT_TEXT_OPTIONS_INIT {ENT_TEXT_OPTIONS_VERSION, 4096}

typedef struct ent_doc ent_doc;

/* Run the text stage on an article.  The article is read during the call
 * only (its strings are copied as needed).  *out is freed with ent_doc_free.
 * Returns 0, ENT_ELIMIT when the text is over `max_bytes` (0 = no limit; the
 * message names the document), or ENT_ENOMEM.  Invalid UTF-8 is not an
 * error: it is replaced and reported once to the diagnostic callback. */
int ent_doc_new(ent_doc **out, ent_ctx *ctx, const ent_article *article,
                const ent_text_options *opts, size_t max_bytes);

void ent_doc_free(ent_doc *doc);

/* The document id and date (owned by the document). */
const char *ent_doc_id(const ent_doc *doc);
ent_date ent_doc_date(const ent_doc *doc);

/* The whole repaired text (owned by the document, NUL-terminated). */
const char *ent_doc_text(const ent_doc *doc, size_t *len);

/* Map an offset of the repaired text to the original input: where it starts,
 * and (for an exclusive end) where the byte before it ends. */
size_t ent_doc_orig_start(const ent_doc *doc, size_t repaired_offset);
size_t ent_doc_orig_end(const ent_doc *doc, size_t repaired_offset);

typedef struct {
	size_t start, end;     /* byte span in the original input */
	const char *text;      /* repaired sentence text (in the document) */
	size_t len;
	size_t text_offset;    /* where `text` starts in ent_doc_text() */
} ent_sentence;

size_t ent_doc_sentence_count(const ent_doc *doc);

/* Fill *out with sentence i (0-based).  Pointers are owned by the document. */
void ent_doc_sentence(const ent_doc *doc, size_t i, ent_sentence *out);

typedef enum {
	ENT_TOK_WORD = 1,
	ENT_TOK_NUMBER = 2,
	ENT_TOK_PUNCT = 3,
	ENT_TOK_OTHER = 4
} ent_token_shape;

enum {
	ENT_TOKF_SPACE = 1,   /* preceded by white space (or sentence start) */
	ENT_TOKF_CAP = 2,     /* first letter upper case */
	ENT_TOKF_ALLCAPS = 4, /* two or more letters, all upper case */
	ENT_TOKF_CJK = 8      /* a run of Han or kana characters */
};

typedef struct {
	size_t start, end;   /* byte span in the original input */
	const char *text;    /* the token as in the repaired text (not NUL-term.) */
	unsigned len;
	const char *fold;    /* case-folded, quotes and dashes folded to ASCII;
	                        NUL-terminated */
	unsigned fold_len;
	unsigned char shape; /* ent_token_shape */
	unsigned char flags; /* ENT_TOKF_* */
} ent_token;

/* Tokenise sentence i.  *out points to an array of *count tokens owned by the
 * document, valid until the next ent_doc_tokens call on it or ent_doc_free.
 * Returns 0 or ENT_ENOMEM. */
int ent_doc_tokens(const ent_token **out, size_t *count, ent_doc *doc,
                   size_t sentence);

/* What the text stage changed in this document. */
const ent_text_stats *ent_doc_stats(const ent_doc *doc);

/* ------------------------------------------------------------------------
 * Text helpers (caller buffer + allocating wrapper, utf8proc style)
 * ------------------------------------------------------------------------ */

/* Fold `s` (n bytes of UTF-8) for matching: case-folded, quotes and dashes
 * folded to ASCII.  Writes at most `cap` bytes (NUL-terminated when room)
 * and returns the full length needed (excluding the NUL). */
size_t ent_text_fold(char *dst, size_t cap, const char *s, size_t n);

/* Allocating wrapper: *out is freed with ent_text_free.  0 or ENT_ENOMEM. */
int ent_text_fold_alloc(char **out, size_t *out_len, const char *s, size_t n);

/* Free memory returned by the text helpers. */
void ent_text_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
