/* The public header compiles on its own with -std=c11 -pedantic -Werror. */
#include "entente.h"

int ent_headertest(void);
int ent_headertest(void)
{
	ent_reader_options ro = ENT_READER_OPTIONS_INIT;
	ent_text_options to = ENT_TEXT_OPTIONS_INIT;
	return (int)ro.version + (int)to.version + ENT_OK;
}
