/*
 * entente.c - main(): the process around ent_cli_main.
 */
#include "cli/cli.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *nc = getenv("NO_COLOR");
	/* a file-size limit ("disk full" for one file) makes writes fail with
	 * EFBIG, which the store reports, instead of killing the process */
	signal(SIGXFSZ, SIG_IGN);
	return ent_cli_main(argc, argv, stdin, stdout, stderr, isatty(1), isatty(2),
	                    nc != NULL && nc[0] != '\0');
}
