/*
 * test_fuzz_regress.c - regression tests for what the fuzzers found
 * (tests/fuzz/README.md lists each finding); the crashing inputs themselves
 * are in tests/fuzz/regress/<harness>/ and run under `make fuzz-regress`.
 * Everything goes through the public API, as the harnesses do.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The lines of the rows a CSV text gives, in order, and their count. */
typedef struct lines {
	unsigned long line[64];
	size_t n;
} lines;

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)ctx, (void)h, (void)err;
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *row, rs_error *err)
{
	lines *l = ctx;

	(void)err;
	if (l->n < 64)
		l->line[l->n] = row->line;
	l->n++;
	return RS_OK;
}

static void read_csv_lines(const char *text, size_t len, lines *l)
{
	rs_read_opts ro;
	rs_reader *r = NULL;
	rs_error err;
	char *copy = malloc(len);
	FILE *fp;

	assert_non_null(copy);
	memcpy(copy, text, len);
	fp = fmemopen(copy, len, "r");
	assert_non_null(fp);
	memset(&ro, 0, sizeof ro);
	memset(&err, 0, sizeof err);
	memset(l, 0, sizeof *l);
	ro.format = RS_FMT_CSV;
	ro.delimiter = ',';
	assert_int_equal(rs_reader_open(&r, fp, "t.csv", &ro, &err), RS_OK);
	assert_int_equal(rs_reader_run(r, on_header, on_row, l, &err), RS_OK);
	rs_reader_free(r);
	fclose(fp);
	free(copy);
}

/* fuzz_csv: "id,share\r0\rp" gave every row line 1. */
static void test_cr_only_line_ends_number_each_line(void **state)
{
	static const char text[] = "id,share\r0,1\r\r2,3\rp,4";
	lines l;

	(void)state;
	read_csv_lines(text, sizeof text - 1, &l);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.line[0], 2);
	assert_int_equal(l.line[1], 4); /* line 3 is blank */
	assert_int_equal(l.line[2], 5);
}

static void test_mixed_line_ends_count_crlf_once(void **state)
{
	static const char text[] = "id,share\r\n0,1\r2,3\n4,5\r\n\r\n6,7\n";
	lines l;

	(void)state;
	read_csv_lines(text, sizeof text - 1, &l);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.line[0], 2);
	assert_int_equal(l.line[1], 3);
	assert_int_equal(l.line[2], 4);
	assert_int_equal(l.line[3], 6);
}

/*
 * A CRLF whose CR ends one 64 KiB block of input and whose LF starts the
 * next is one line end, not two. The padding cell puts the CR at every
 * offset around the boundary.
 */
static void test_crlf_split_between_blocks_counts_once(void **state)
{
	size_t len = (size_t)70 << 10, at;
	char *text = malloc(len);
	lines l;

	(void)state;
	assert_non_null(text);
	for (at = ((size_t)64 << 10) - 2; at <= ((size_t)64 << 10) + 1; at++) {
		size_t pos = 0;

		memcpy(text, "id,share\r\n", 10);
		pos = 10;
		text[pos++] = 'a';
		text[pos++] = ',';
		while (pos < at)
			text[pos++] = 'x';
		memcpy(text + pos, "\r\nb,1\r\nc,2\r\n", 12);
		pos += 12;
		read_csv_lines(text, pos, &l);
		assert_int_equal(l.n, 3);
		assert_int_equal(l.line[0], 2);
		assert_int_equal(l.line[1], 3);
		assert_int_equal(l.line[2], 4);
	}
	free(text);
}

/*
 * fuzz_pipeline: a customer_spend of 10^50 put a 53-byte number through a
 * 48-byte buffer (stack over-read) when --explain printed it.
 */
static void test_put_num_huge_value_prints_all_digits(void **state)
{
	rs_buf b;

	(void)state;
	rs_buf_init(&b);
	assert_true(rs_buf_put_num(&b, 1e300, 2));
	assert_int_equal(b.len, 301);
	assert_int_equal(b.data[0], '1');
	assert_null(strchr(b.data, '.'));
	rs_buf_reset(&b);
	assert_true(rs_buf_put_num(&b, -DBL_MAX, 6));
	assert_int_equal(b.len, 310);
	assert_int_equal(b.data[0], '-');
	rs_buf_reset(&b);
	assert_true(rs_buf_put_num(&b, 9e13, 2));
	assert_string_equal(b.data, "90000000000000");
	rs_buf_reset(&b);
	assert_true(rs_buf_put_num(&b, 123456789012345.67, 2));
	assert_string_equal(b.data, "123456789012345.67");
	rs_buf_reset(&b);
	assert_true(rs_buf_put_num(&b, 1e20 + 0.5, 1));
	assert_string_equal(b.data, "100000000000000000000");
	rs_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cr_only_line_ends_number_each_line),
		cmocka_unit_test(test_mixed_line_ends_count_crlf_once),
		cmocka_unit_test(test_crlf_split_between_blocks_counts_once),
		cmocka_unit_test(test_put_num_huge_value_prints_all_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
