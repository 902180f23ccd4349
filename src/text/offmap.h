/*
 * offmap.h - map byte offsets of a rewritten text back to the original input.
 *
 * The text stage rewrites a document (NFC, U+FFFD for bad bytes, repairs of
 * translation artifacts), yet every token and sentence must point at what the
 * user supplied.  An offset map is a list of pieces in output order; each
 * piece says "these output bytes came from those input bytes", either as an
 * exact copy (byte i of the piece is input byte in+i) or as a replacement
 * (the output bytes stand for the whole input range).  Clean text is one copy
 * piece, so a lookup is a binary search over very few pieces.
 *
 *     input : K i m _ J o n g _ - u n        (_ = space)
 *     output: K i m _ J o n g - u n
 *     pieces: copy[0,8)<-[0,8)  copy[8,11)<-[9,12)
 *
 * Deleted input bytes belong to no piece; inserted output bytes are a
 * replacement piece with an empty input range.
 */
#ifndef ENT_OFFMAP_H
#define ENT_OFFMAP_H

#include <stddef.h>

typedef struct {
	size_t out, out_len; /* output range */
	size_t in, in_len;   /* input range */
	int copy;            /* 1: byte-for-byte copy (out_len == in_len) */
} ent_piece;

typedef struct {
	ent_piece *p;
	size_t n, cap;
	size_t out_total;    /* output length covered so far */
	size_t in_total;     /* input length (for lookups at the very end) */
} ent_offmap;

void ent_offmap_init(ent_offmap *m);
void ent_offmap_destroy(ent_offmap *m);
void ent_offmap_clear(ent_offmap *m);

/* Record that the next `len` output bytes copy input bytes [in, in+len).
 * Adjacent copies merge.  0 or ENT_ENOMEM. */
int ent_offmap_copy(ent_offmap *m, size_t in, size_t len);

/* Record that the next `out_len` output bytes replace input [in, in+in_len). */
int ent_offmap_replace(ent_offmap *m, size_t in, size_t in_len, size_t out_len);

/* Remove the last `len` output bytes (which must lie in copy pieces). */
void ent_offmap_unput(ent_offmap *m, size_t len);

/* Input offset where output offset `x` starts (x may equal out_total). */
size_t ent_offmap_start(const ent_offmap *m, size_t x);

/* Input offset just past the byte before output offset `x` (an exclusive
 * end); x == 0 maps to the start of the first piece. */
size_t ent_offmap_end(const ent_offmap *m, size_t x);

/* Compose: `outer` maps C -> B, `inner` maps B -> A; store C -> A in `res`.
 * 0 or ENT_ENOMEM. */
int ent_offmap_compose(ent_offmap *res, const ent_offmap *outer,
                       const ent_offmap *inner);

#endif
