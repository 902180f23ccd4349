/*
 * sha256.h - SHA-256 of a buffer (util/sha256.c).
 */
#ifndef ENT_SHA256_H
#define ENT_SHA256_H

#include <stddef.h>
#include <stdint.h>

void ent_sha256(const void *data, size_t len, unsigned char out[32]);
/* The digest as 64 lower-case hex digits and a NUL. */
void ent_sha256_hex(const void *data, size_t len, char out[65]);

#endif
