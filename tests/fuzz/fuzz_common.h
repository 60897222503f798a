/*
 * fuzz_common.h - what the libFuzzer harnesses share: a FILE over the fuzz
 * input, small limits so one input stays fast, and a check that aborts
 * (so libFuzzer records the input) when an invariant of the library breaks.
 */
#ifndef RS_FUZZ_COMMON_H
#define RS_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define FUZZ_MAX_FIELD ((size_t)4096)
#define FUZZ_MAX_COLUMNS ((size_t)256)
#define FUZZ_MAX_RECORD ((size_t)65536)

/* abort() with the broken invariant: libFuzzer saves the input as a crash. */
#define FUZZ_CHECK(cond)                                                          \
	do {                                                                      \
		if (!(cond)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, \
			        __LINE__, #cond);                                 \
			abort();                                                  \
		}                                                                 \
	} while (0)

static inline void fuzz_read_opts(rs_read_opts *o, rs_format f)
{
	memset(o, 0, sizeof *o);
	o->format = f;
	o->max_field = FUZZ_MAX_FIELD;
	o->max_columns = FUZZ_MAX_COLUMNS;
	o->max_record = FUZZ_MAX_RECORD;
}

/*
 * A read-only FILE over a private copy of data (fmemopen wants a writable
 * buffer); *copy is freed by the caller after fclose. glibc accepts size 0.
 */
static inline FILE *fuzz_fmemopen(const unsigned char *data, size_t size, char **copy)
{
	FILE *fp;

	*copy = malloc(size ? size : 1);
	if (*copy == NULL)
		return NULL;
	if (size)
		memcpy(*copy, data, size);
	fp = fmemopen(*copy, size, "r");
	if (fp == NULL) {
		free(*copy);
		*copy = NULL;
	}
	return fp;
}

/*
 * What every reader promises of a row it hands over: cells NUL-terminated at
 * their length, lengths within the limits, types in range, a line number.
 */
static inline void fuzz_check_row(const rs_row *row, bool header)
{
	size_t i;

	FUZZ_CHECK(row->n <= FUZZ_MAX_COLUMNS || row->reject != NULL);
	FUZZ_CHECK(row->n == 0 || (row->cell != NULL && row->len != NULL));
	FUZZ_CHECK(row->reject == NULL || row->extra == 0);
	for (i = 0; i < row->n + row->extra; i++) {
		FUZZ_CHECK(row->cell[i] != NULL);
		FUZZ_CHECK(row->cell[i][row->len[i]] == '\0');
		if (row->type != NULL)
			FUZZ_CHECK(row->type[i] <= RS_T_JSON);
		if (row->reject == NULL)
			FUZZ_CHECK(row->len[i] <= FUZZ_MAX_FIELD);
	}
	if (!header)
		FUZZ_CHECK(row->line >= 1);
	if (row->reject != NULL)
		FUZZ_CHECK(row->reject[0] != '\0');
}

#endif
