/*
 * progress.c - a one-line progress bar on stderr: documents, MB/s and, when
 * the total size is known, percentage and ETA.  Only on a terminal, only
 * after the run has taken two seconds, at most ten redraws a second.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <time.h>

double ent_cli_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ent_cli_progress_start(ent_cli_progress *p, ent_cli *cli, size_t total)
{
	p->cli = cli;
	p->t0 = p->last = ent_cli_now();
	p->total = total;
	p->shown = 0;
	p->delay = 2.0;
	{
		/* testing knob: show the bar sooner */
		const char *d = getenv("ENTENTE_PROGRESS_DELAY");
		if (d && *d)
			p->delay = atof(d);
	}
}

void ent_cli_progress_update(ent_cli_progress *p, long docs, size_t bytes)
{
	double now, el, mbs;
	if (!p->cli || !p->cli->err_tty)
		return;
	now = ent_cli_now();
	el = now - p->t0;
	if (el < p->delay || (p->shown && now - p->last < 0.1))
		return;
	p->last = now;
	p->shown = 1;
	mbs = (double)bytes / 1e6 / el;
	if (p->total && bytes <= p->total) {
		double frac = (double)bytes / (double)p->total;
		int w = 30, k = (int)(frac * w), i;
		double eta = frac > 0 ? el / frac - el : 0;
		fputs("\r[", p->cli->err);
		for (i = 0; i < w; i++)
			fputc(i < k ? '#' : ' ', p->cli->err);
		fprintf(p->cli->err, "] %3d%%  %ld docs  %.1f MB/s  ETA %d:%02d ",
		        (int)(frac * 100), docs, mbs, (int)eta / 60, (int)eta % 60);
	} else {
		fprintf(p->cli->err, "\r%ld docs  %.1f MB  %.1f MB/s ", docs,
		        (double)bytes / 1e6, mbs);
	}
	fflush(p->cli->err);
}

void ent_cli_progress_end(ent_cli_progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", p->cli->err);
		fflush(p->cli->err);
	}
	p->shown = 0;
}
