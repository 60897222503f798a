/*
 * test_lookahead.c - lookahead.c, rs_rowq: a file's first rows held as
 * copies, in order, bounded in rows and in bytes (the defaults: 1,000 rows,
 * 1 MiB), dropped from the front with the rest moved and still valid, the
 * memory taken once and reused, a failed allocation survived; rs_rowq_keep,
 * one row's copy.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "test_row.h"

static void test_rowq_holds_copies_in_order_and_drops_from_the_front(void **state)
{
	static const unsigned char types[3] = {RS_T_STRING, RS_T_NUMBER, RS_T_NULL};
	unsigned short curs[3] = {0, 32, 0}; /* a workbook's 12 under [$€-407]#,##0 */
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	rs_row r;
	const rs_row *h;

	(void)state;
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rowq_new(&q, 3, 0, &e), RS_OK);
	assert_null(rs_rowq_row(q, 0));
	assert_int_equal(rs_rowq_push(q, row_of(&t, "a|b|c", 2), &e), RS_OK);
	strcpy(t.text, "zzzz"); /* the queue holds a copy */
	r = *row_of(&t, "d|12|", 3);
	r.type = types;
	r.cur = curs;
	r.reject = "stray quote";
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, row_of(&t, "x", 4), &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, row_of(&t, "full", 5), &e), RS_ELIMIT); /* 3 rows */
	h = rs_rowq_row(q, 0);
	assert_int_equal(h->n, 3);
	assert_string_equal(h->cell[0], "a");
	assert_string_equal(h->cell[2], "c");
	assert_int_equal(h->line, 2);
	assert_null(h->type);
	assert_null(h->cur);
	rs_rowq_drop(q, 1);
	h = rs_rowq_row(q, 0);
	assert_int_equal(h->line, 3);
	assert_string_equal(h->cell[1], "12");
	assert_int_equal(h->len[2], 0);
	assert_string_equal(h->cell[2], "");
	assert_memory_equal(h->type, types, 3);
	curs[1] = 7; /* a copy, moved with the row */
	assert_int_equal(h->cur[1], 32);
	assert_int_equal(h->cur[0] | h->cur[2], 0);
	assert_string_equal(h->reject, "stray quote");
	assert_string_equal(rs_rowq_row(q, 1)->cell[0], "x");
	assert_null(rs_rowq_row(q, 2));
	assert_int_equal(rs_rowq_push(q, row_of(&t, "y|z", 6), &e), RS_OK);
	assert_string_equal(rs_rowq_row(q, 2)->cell[1], "z");
	rs_rowq_drop(q, SIZE_MAX);
	assert_null(rs_rowq_row(q, 0));
	rs_rowq_free(q);
	rs_rowq_free(NULL);
}

/* A JSON row's hidden cells (rs_row.extra: dot paths) are held too, and
 * move with their row when the rows before it are dropped. */
static void test_rowq_holds_the_hidden_cells_of_dot_paths(void **state)
{
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	rs_row r;
	const rs_row *h;

	(void)state;
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rowq_new(&q, 3, 0, &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, row_of(&t, "first", 2), &e), RS_OK);
	r = *row_of(&t, "A1|{}|Li Wei|62.5", 3);
	r.n = 2;
	r.extra = 2;
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_OK);
	strcpy(t.text, "zzzzzzzzzzzzzzzzz"); /* the queue holds a copy */
	rs_rowq_drop(q, 1);
	h = rs_rowq_row(q, 0);
	assert_int_equal(h->n, 2);
	assert_int_equal(h->extra, 2);
	assert_string_equal(h->cell[1], "{}");
	assert_string_equal(h->cell[2], "Li Wei");
	assert_string_equal(h->cell[3], "62.5");
	assert_int_equal(h->len[3], 4);
	rs_rowq_free(q);
}

static void test_rowq_is_bounded_in_bytes_and_a_row_too_big_is_refused(void **state)
{
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	char big[600];
	size_t n = 0;

	(void)state;
	memset(&e, 0, sizeof e);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(rs_rowq_new(&q, 1000, 512, &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, row_of(&t, big, 2), &e), RS_ELIMIT); /* alone over the cap */
	while (rs_rowq_push(q, row_of(&t, "0123456789|abc", 2), &e) == RS_OK)
		n++;
	assert_true(n > 5 && n < 20); /* about 512 / (2 pointers, 2 lengths, 16 bytes) */
	rs_rowq_drop(q, 1);
	assert_int_equal(rs_rowq_push(q, row_of(&t, "0123456789|abc", 2), &e), RS_OK);
	rs_rowq_free(q);
}

static size_t nalloc;

static void *count_malloc(size_t n)
{
	nalloc++;
	return malloc(n);
}

static void *count_realloc(void *p, size_t n)
{
	nalloc++;
	return realloc(p, n);
}

/* Memory is taken at the first push and reused: it never grows with the input. */
static void test_rowq_allocates_once(void **state)
{
	rs_alloc_hooks h = {count_malloc, count_realloc, free};
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	int round, i;

	(void)state;
	memset(&e, 0, sizeof e);
	rs_set_alloc_hooks(&h);
	assert_int_equal(rs_rowq_new(&q, 50, 0, &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, row_of(&t, "a|b", 2), &e), RS_OK);
	nalloc = 0;
	for (round = 0; round < 100; round++) {
		for (i = 0; i < 60; i++)
			(void)rs_rowq_push(q, row_of(&t, "some|cells|here", 2), &e);
		rs_rowq_drop(q, (size_t)round % 3 == 0 ? SIZE_MAX : 7);
	}
	assert_int_equal(nalloc, 0);
	rs_rowq_free(q);
	rs_set_alloc_hooks(NULL);
}

static int fail_after = -1; /* allocations left before one fails; -1: none fails */

static void *failing_malloc(size_t n)
{
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	return malloc(n);
}

static void *failing_realloc(void *p, size_t n)
{
	if (fail_after == 0)
		return NULL;
	return realloc(p, n);
}

/* A failed first push leaves the queue empty and usable, whichever allocation failed. */
static void test_rowq_survives_a_failed_allocation(void **state)
{
	rs_alloc_hooks h = {failing_malloc, failing_realloc, free};
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	int k;

	(void)state;
	memset(&e, 0, sizeof e);
	rs_set_alloc_hooks(&h);
	for (k = 0; k < 2; k++) {
		fail_after = -1;
		assert_int_equal(rs_rowq_new(&q, 10, 0, &e), RS_OK);
		fail_after = k;
		assert_int_equal(rs_rowq_push(q, row_of(&t, "a|b", 2), &e), RS_ENOMEM);
		assert_null(rs_rowq_row(q, 0));
		fail_after = -1;
		assert_int_equal(rs_rowq_push(q, row_of(&t, "c|d", 3), &e), RS_OK);
		assert_string_equal(rs_rowq_row(q, 0)->cell[1], "d");
		rs_rowq_free(q);
	}
	rs_set_alloc_hooks(NULL);
}

/* With 0 for both limits: RS_LOOKAHEAD_ROWS rows. */
static void test_rowq_holds_1000_rows_by_default(void **state)
{
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	size_t i;

	(void)state;
	memset(&e, 0, sizeof e);
	assert_int_equal(RS_LOOKAHEAD_ROWS, 1000);
	assert_int_equal(rs_rowq_new(&q, 0, 0, &e), RS_OK);
	for (i = 0; i < RS_LOOKAHEAD_ROWS; i++)
		assert_int_equal(rs_rowq_push(q, row_of(&t, "a|b", i + 2), &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, row_of(&t, "a|b", i + 2), &e), RS_ELIMIT);
	assert_int_equal(rs_rowq_row(q, 999)->line, 1001);
	assert_null(rs_rowq_row(q, 1000));
	rs_rowq_drop(q, 999);
	assert_int_equal(rs_rowq_row(q, 0)->line, 1001);
	assert_string_equal(rs_rowq_row(q, 0)->cell[1], "b");
	rs_rowq_free(q);
}

/* A row of one cell of n bytes. */
static rs_row big_row(const char **cell, size_t *len, char *text, size_t n)
{
	rs_row r;

	memset(&r, 0, sizeof r);
	memset(text, 'x', n);
	*cell = text;
	*len = n;
	r.n = 1;
	r.cell = cell;
	r.len = len;
	r.line = 2;
	return r;
}

/* With 0 for both limits: RS_LOOKAHEAD_BYTES of rows, a row's cells,
 * lengths and pointers counted; a row alone past it is refused. */
static void test_rowq_holds_1_mib_by_default(void **state)
{
	size_t half = RS_LOOKAHEAD_BYTES / 2 - 64, len;
	char *text = malloc(RS_LOOKAHEAD_BYTES + 1);
	const char *cell;
	rs_rowq *q = NULL;
	rs_error e;
	rs_row r;

	(void)state;
	assert_non_null(text);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rowq_new(&q, 0, 0, &e), RS_OK);
	r = big_row(&cell, &len, text, RS_LOOKAHEAD_BYTES);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_ELIMIT);
	r = big_row(&cell, &len, text, half);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_OK);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_OK);
	r = big_row(&cell, &len, text, 200);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_ELIMIT);
	/* 80 bytes are left: a 64-byte cell takes 88 (pointer, length, NUL,
	 * rounded to 8), a 48-byte one 72 */
	r = big_row(&cell, &len, text, 64);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_ELIMIT);
	r = big_row(&cell, &len, text, 48);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_OK);
	assert_int_equal(rs_rowq_row(q, 1)->len[0], half);
	assert_int_equal(rs_rowq_row(q, 2)->len[0], 48);
	rs_rowq_drop(q, 1);
	r = big_row(&cell, &len, text, half);
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_OK); /* the dropped row's room is reused */
	rs_rowq_free(q);
	free(text);
}

/* rs_rowq_keep: a queue holding one copy of the row, sized to it,
 * replacing (and freeing) what *q held. */
static void test_rowq_keep_holds_one_copy_in_place_of_the_last(void **state)
{
	static const unsigned char types[2] = {RS_T_STRING, RS_T_NUMBER};
	rs_rowq *q = NULL;
	rs_error e;
	trow t;
	rs_row r;
	const rs_row *h;

	(void)state;
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rowq_keep(&q, row_of(&t, "Account ID|Share", 1), &e), RS_OK);
	assert_string_equal(rs_rowq_row(q, 0)->cell[0], "Account ID");
	r = *row_of(&t, "客户编号|份额", 3);
	r.type = types;
	r.reject = "why";
	assert_int_equal(rs_rowq_keep(&q, &r, &e), RS_OK);
	strcpy(t.text, "overwritten");
	h = rs_rowq_row(q, 0);
	assert_int_equal(h->n, 2);
	assert_int_equal(h->line, 3);
	assert_string_equal(h->cell[0], "客户编号");
	assert_string_equal(h->cell[1], "份额");
	assert_int_equal(h->len[1], strlen("份额"));
	assert_memory_equal(h->type, types, 2);
	assert_string_equal(h->reject, "why");
	assert_null(rs_rowq_row(q, 1));
	assert_int_equal(rs_rowq_push(q, &r, &e), RS_ELIMIT); /* room for that one row */
	rs_rowq_free(q);
}

/* A NULL queue: no row, nothing to drop. */
static void test_rowq_null_has_no_rows(void **state)
{
	(void)state;
	assert_null(rs_rowq_row(NULL, 0));
	rs_rowq_drop(NULL, 1);
	rs_rowq_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rowq_holds_copies_in_order_and_drops_from_the_front),
		cmocka_unit_test(test_rowq_holds_the_hidden_cells_of_dot_paths),
		cmocka_unit_test(test_rowq_is_bounded_in_bytes_and_a_row_too_big_is_refused),
		cmocka_unit_test(test_rowq_allocates_once),
		cmocka_unit_test(test_rowq_survives_a_failed_allocation),
		cmocka_unit_test(test_rowq_holds_1000_rows_by_default),
		cmocka_unit_test(test_rowq_holds_1_mib_by_default),
		cmocka_unit_test(test_rowq_keep_holds_one_copy_in_place_of_the_last),
		cmocka_unit_test(test_rowq_null_has_no_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
