/* printf_args.h - the arguments a printf format takes, to check that a
 * message's languages take the same (test_msg.c, test_cli_msg.c). */
#ifndef TEST_PRINTF_ARGS_H
#define TEST_PRINTF_ARGS_H

#include <stddef.h>
#include <string.h>

/* The printf arguments a format takes, one letter each ('*' an int width or
 * precision): "%.*s %zu" gives "*s" "zu"... as "*szu". */
static void args_of(const char *f, char *out, size_t cap)
{
	size_t n = 0;

	for (; (f = strchr(f, '%')) != NULL; f++) {
		if (*++f == '%')
			continue;
		for (; *f != '\0' && strchr("diouxXeEfgGcspzl", *f) == NULL; f++)
			if (*f == '*' && n + 1 < cap)
				out[n++] = '*';
		for (; *f == 'z' || *f == 'l'; f++)
			if (n + 1 < cap)
				out[n++] = *f;
		if (*f == '\0')
			break; /* a lone % at the end: no conversion, and no reading past it */
		if (n + 1 < cap)
			out[n++] = *f;
	}
	out[n] = '\0';
}

#endif
