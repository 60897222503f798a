/*
 * cli_msg.c - the front end's messages on stderr, "relstage: ..." (OpenBSD's
 * warnx), shared by main.c and cli_run.c so neither calls into the other.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("relstage: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_error(const rs_error *e)
{
	char msg[1024];

	(void)rs_error_format(e, msg, sizeof msg);
	fprintf(stderr, "relstage: %s\n", msg);
}
