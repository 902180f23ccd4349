/*
 * builtin_fs.c - the built-in files for build-time tools: instead of the
 * data embedded in the library, read them from the source tree and the
 * build's generated directory (ENTENTE_DATA_DIRS, ':'-separated, searched in
 * order).  Only tools link this file; the library embeds its data.
 */
#include "entente/builtin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXF 64

static ent_builtin_file files[MAXF];
static size_t nfiles;

const ent_builtin_file *ent_builtin_find(const char *name)
{
	const char *dirs = getenv("ENTENTE_DATA_DIRS");
	char path[4096], dir[2048];
	size_t i;
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i].name, name) == 0)
			return &files[i];
	if (!dirs || nfiles == MAXF)
		return NULL;
	while (*dirs) {
		const char *colon = strchr(dirs, ':');
		size_t dl = colon ? (size_t)(colon - dirs) : strlen(dirs);
		FILE *fp;
		if (dl >= sizeof dir)
			return NULL;
		memcpy(dir, dirs, dl);
		dir[dl] = '\0';
		snprintf(path, sizeof path, "%s/%s", dir, name);
		fp = fopen(path, "rb");
		if (fp) {
			long sz;
			char *data;
			fseek(fp, 0, SEEK_END);
			sz = ftell(fp);
			fseek(fp, 0, SEEK_SET);
			data = malloc((size_t)sz + 1);
			if (!data || fread(data, 1, (size_t)sz, fp) != (size_t)sz) {
				free(data);
				fclose(fp);
				return NULL;
			}
			fclose(fp);
			data[sz] = '\0';
			files[nfiles].name = strdup(name);
			files[nfiles].data = data;
			files[nfiles].len = (size_t)sz;
			return &files[nfiles++];
		}
		if (!colon)
			break;
		dirs = colon + 1;
	}
	return NULL;
}

const ent_builtin_file *ent_builtin_at(size_t i)
{
	return i < nfiles ? &files[i] : NULL;
}
