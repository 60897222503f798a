/*
 * cli_msg.c - the front end's messages on stderr, "relstage: ..." (OpenBSD's
 * warnx), shared by main.c and cli_run.c so neither calls into the other.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* One line, written whole (lines from runs sharing a log never interleave)
 * and never cut: a path can be long. */
void cli_vwarn(const char *tail, const char *fmt, va_list ap)
{
	char small[1024], *msg = small;
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1)) != NULL)
		(void)vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	fprintf(stderr, "relstage: %s%s\n", msg != NULL ? msg : small, tail);
	if (msg != small)
		free(msg);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vwarn("", fmt, ap);
	va_end(ap);
}

void cli_error(const rs_error *e)
{
	size_t n = rs_error_format(e, NULL, 0);
	char *msg = malloc(n + 1);

	if (msg != NULL)
		(void)rs_error_format(e, msg, n + 1);
	fprintf(stderr, "relstage: %s\n", msg != NULL ? msg : e->msg);
	free(msg);
}
