/*
 * test_row.h - a row from "a|b|c" (cells split at '|'), for the unit tests
 * that hand rows to the classifier, the header finder or the field map.
 * The cells live in the trow: the row is valid while it does.
 */
#ifndef RS_TEST_ROW_H
#define RS_TEST_ROW_H

#include <string.h>

#include "relstage.h"

typedef struct trow {
	char text[1024];
	const char *cell[64];
	size_t len[64];
	rs_row row;
} trow;

static inline const rs_row *row_of(trow *t, const char *cells, unsigned long line)
{
	char *p = t->text, *bar;
	size_t n = 0;

	assert_true(strlen(cells) < sizeof t->text);
	strcpy(t->text, cells);
	for (;;) {
		assert_true(n < sizeof t->cell / sizeof t->cell[0]);
		bar = strchr(p, '|');
		if (bar != NULL)
			*bar = '\0';
		t->cell[n] = p;
		t->len[n++] = strlen(p);
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	memset(&t->row, 0, sizeof t->row);
	t->row.n = n;
	t->row.cell = t->cell;
	t->row.len = t->len;
	t->row.line = line;
	return &t->row;
}

#endif
