/*
 * cli_msg.c - the front end's messages on stderr, "relstage: ..." (OpenBSD's
 * warnx), shared by main.c and cli_run.c so neither calls into the other.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

/* One line, written whole: lines from runs sharing a log never interleave. */
void cli_warn(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "relstage: %s\n", msg);
}

void cli_error(const rs_error *e)
{
	char msg[1024];

	(void)rs_error_format(e, msg, sizeof msg);
	fprintf(stderr, "relstage: %s\n", msg);
}
