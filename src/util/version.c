/*
 * version.c - the library version string.
 */
#include "entente/common.h"

#ifndef ENT_VERSION
#define ENT_VERSION "0.1.0"
#endif

const char *ent_version(void)
{
	return ENT_VERSION;
}
