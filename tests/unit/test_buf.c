/* test_buf.c - the growable buffer and printf-free number formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void expect_num(double v, int decimals, const char *want)
{
	rs_buf b;

	rs_buf_init(&b);
	assert_true(rs_buf_put_num(&b, v, decimals));
	assert_string_equal(b.data, want);
	rs_buf_free(&b);
}

static void test_put_num_drops_trailing_zeros(void **state)
{
	(void)state;
	expect_num(50.0, 2, "50");
	expect_num(49.9, 2, "49.9");
	expect_num(33.333333, 2, "33.33");
	expect_num(79.95, 1, "80");
	expect_num(0.0, 2, "0");
	expect_num(100.0, 0, "100");
}

static void test_put_num_rounds_half_away_and_keeps_sign(void **state)
{
	(void)state;
	expect_num(-2.5, 0, "-3");
	expect_num(-0.001, 2, "0");
	expect_num(-12.25, 1, "-12.3");
	expect_num(1234567.891, 2, "1234567.89");
}

static void test_put_num_huge_values_fall_back(void **state)
{
	(void)state;
	expect_num(1e20, 0, "100000000000000000000");
}

/* The reference: v to d decimals through llround (half away from zero),
 * trailing zeros and a bare point dropped; into want (64 bytes). */
static const char *llround_ref(char *want, double v, int d)
{
	static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	double x = fabs(v) * p10[d];
	long long r = llround(x);
	char *s = want + 64;
	int k;

	*--s = '\0';
	for (k = d; k > 0; k--, r /= 10)
		*--s = (char)('0' + r % 10);
	if (d > 0)
		*--s = '.';
	do
		*--s = (char)('0' + r % 10);
	while ((r /= 10) != 0);
	if (v < 0 && llround(x) != 0)
		*--s = '-';
	if (d > 0) { /* drop trailing zeros, then a bare point */
		char *e = want + 63;
		while (e[-1] == '0')
			*--e = '\0';
		if (e[-1] == '.')
			e[-1] = '\0';
	}
	return s;
}

/*
 * put_num rounds as llround does (half away from zero) for every magnitude
 * it formats itself: 200,000 values of every size and 0-6 decimals against a
 * reference built on llround, plus the halves and their neighbours.
 */
static void test_put_num_rounds_like_llround(void **state)
{
	static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	char want[64];
	rs_buf b;
	unsigned long long seed = 88172645463325252ULL;
	int i;

	(void)state;
	rs_buf_init(&b);
	for (i = 0; i < 200000; i++) {
		int d = i % 7;
		double v;

		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		v = (double)(seed >> 11) / 9007199254740992.0 * p10[(seed >> 3) % 7] * p10[(seed >> 5) % 7];
		if (i % 3 == 0)
			v = (double)(seed % 100000) / 2 / p10[d] + (i % 2 ? 1e-12 : 0); /* halves */
		if (i % 5 == 0)
			v = -v;
		if (fabs(v) * p10[d] >= 9e15)
			continue;
		rs_buf_reset(&b);
		assert_true(rs_buf_put_num(&b, v, d));
		assert_string_equal(b.data, llround_ref(want, v, d));
	}
	rs_buf_free(&b);
}

/*
 * Every hundredth and its halves from 0 to 1000 with 0-2 decimals (scores,
 * shares), values around 1e9 and 2^32 where whole numbers stop taking the
 * short path, and -0, against the same reference; text already in the
 * buffer is kept in front.
 */
static void test_put_num_hundredths_and_whole_edges_match_the_reference(void **state)
{
	static const double edges[] = {999999999.0, 999999999.4, 999999999.5, 999999999.995, 1e9,
	                               1e9 + 1, 4294967295.0, 4294967296.0, 4294967296.5, 123456789012.0};
	char want[64];
	rs_buf b;
	size_t k;
	int i, d;

	(void)state;
	rs_buf_init(&b);
	for (i = 0; i < 200000; i++)
		for (d = 0; d <= 2; d++) {
			double v = i / 200.0;

			rs_buf_reset(&b);
			assert_true(rs_buf_put_num(&b, v, d));
			assert_string_equal(b.data, llround_ref(want, v, d));
			rs_buf_reset(&b);
			assert_true(rs_buf_put_num(&b, 999999999.0 + v / 1000, d));
			assert_string_equal(b.data, llround_ref(want, 999999999.0 + v / 1000, d));
		}
	for (k = 0; k < sizeof edges / sizeof edges[0]; k++)
		for (d = 0; d <= 6; d++) {
			rs_buf_reset(&b);
			assert_true(rs_buf_put_num(&b, edges[k], d));
			assert_string_equal(b.data, llround_ref(want, edges[k], d));
			rs_buf_reset(&b);
			assert_true(rs_buf_put_num(&b, -edges[k], d));
			assert_string_equal(b.data, llround_ref(want, -edges[k], d));
		}
	rs_buf_reset(&b);
	assert_true(rs_buf_puts(&b, "x="));
	assert_true(rs_buf_put_num(&b, -0.0, 2));
	assert_true(rs_buf_put_num(&b, 23.9, 2));
	assert_true(rs_buf_put_num(&b, -7, 1));
	assert_string_equal(b.data, "x=023.9-7");
	assert_int_equal(b.len, 9);
	rs_buf_free(&b);
}

/* NaN and the infinities are not numbers a cell can show: nothing is
 * written, and the buffer stays usable (allocated, terminated). */
static void test_put_num_writes_nothing_for_nan_and_infinity(void **state)
{
	rs_buf b;

	(void)state;
	rs_buf_init(&b);
	assert_true(rs_buf_put_num(&b, NAN, 2));
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_true(rs_buf_put_num(&b, INFINITY, 0));
	assert_true(rs_buf_put_num(&b, -INFINITY, 1));
	assert_true(rs_buf_put_num(&b, 5, 9)); /* more than 6 decimals: 6 */
	assert_true(rs_buf_put_num(&b, 0.1234567, 9));
	assert_true(rs_buf_put_num(&b, 2.5, -1)); /* fewer than 0: 0 */
	assert_string_equal(b.data, "50.1234573");
	rs_buf_free(&b);
}

static void expect_text(double v, int shift, const char *want)
{
	char out[RS_NUM_TEXT];

	assert_int_equal(rs_num_text(out, v, shift), strlen(want));
	assert_string_equal(out, want);
}

/* rs_num_text: the shortest text that reads back, shifted by whole powers of
 * ten without a multiplication, plain between 1e-7 and 1e21, and it reads
 * back as the same double for random bit patterns. */
static void test_num_text_is_shortest_and_reads_back(void **state)
{
	char out[RS_NUM_TEXT], *end;
	uint64_t x = 88172645463325252u;

	(void)state;
	expect_text(0, 0, "0");
	expect_text(-0.0, 0, "-0");
	expect_text(49.9, 0, "49.9");
	expect_text(-12, 0, "-12");
	expect_text(0.1 + 0.2, 0, "0.30000000000000004");
	expect_text(0.1234567, 0, "0.1234567");
	expect_text(1e-7, 0, "0.0000001");
	expect_text(1.5e-8, 0, "1.5e-8");
	expect_text(123456789012345678.0, 0, "123456789012345680");
	expect_text(1e21, 0, "1e+21");
	expect_text(-2.5e300, 0, "-2.5e+300");
	expect_text(0.35, 2, "35");
	expect_text(0.0123456789, 2, "1.23456789");
	expect_text(0, 2, "0");
	expect_text(1e-9, 2, "0.0000001");
	expect_text(1e-10, 2, "1e-8");
	assert_int_equal(rs_num_text(out, NAN, 0), 0);
	assert_string_equal(out, "");
	assert_int_equal(rs_num_text(out, -INFINITY, 2), 0);
	for (int i = 0; i < 100000; i++) {
		double v;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		memcpy(&v, &x, sizeof v);
		if (!isfinite(v))
			continue;
		assert_in_range(rs_num_text(out, v, 0), 1, RS_NUM_TEXT - 1);
		assert_true(strtod(out, &end) == v && *end == '\0');
	}
}

static void test_buf_grows_and_stays_terminated(void **state)
{
	rs_buf b;
	int i;

	(void)state;
	rs_buf_init(&b);
	for (i = 0; i < 1000; i++)
		assert_true(rs_buf_puts(&b, "abc"));
	assert_int_equal(b.len, 3000);
	assert_int_equal(b.data[b.len], '\0');
	rs_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_true(rs_buf_put_ulong(&b, 18446744073709551615UL));
	assert_string_equal(b.data, "18446744073709551615");
	rs_buf_free(&b);
}

static int fail_all;
static void *failing_malloc(size_t n) { return fail_all ? NULL : malloc(n); }
static void *failing_realloc(void *p, size_t n) { return fail_all ? NULL : realloc(p, n); }

static void test_failed_append_sticks(void **state)
{
	rs_alloc_hooks h = {failing_malloc, failing_realloc, free};
	rs_buf b;

	(void)state;
	rs_set_alloc_hooks(&h);
	rs_buf_init(&b);
	fail_all = 1;
	assert_false(rs_buf_puts(&b, "x"));
	assert_true(b.failed);
	fail_all = 0;
	assert_false(rs_buf_puts(&b, "y")); /* stays failed: one check per row suffices */
	rs_buf_free(&b);
	rs_set_alloc_hooks(NULL);
}

/* printf output appended past the first capacity, the invariant kept. */
static void test_printf_appends_and_grows(void **state)
{
	rs_buf b;
	int i;

	(void)state;
	rs_buf_init(&b);
	assert_true(rs_buf_puts(&b, "x"));
	for (i = 0; i < 20; i++)
		assert_true(rs_buf_printf(&b, "%s 第 %d 行;", "工作表", i));
	assert_int_equal(b.len, strlen(b.data));
	assert_true(b.len < b.cap);
	assert_non_null(strstr(b.data, "x工作表 第 0 行;"));
	assert_non_null(strstr(b.data, "工作表 第 19 行;"));
	rs_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_put_num_drops_trailing_zeros),
	    cmocka_unit_test(test_printf_appends_and_grows),
	    cmocka_unit_test(test_put_num_rounds_half_away_and_keeps_sign),
	    cmocka_unit_test(test_put_num_huge_values_fall_back),
	    cmocka_unit_test(test_put_num_rounds_like_llround),
	    cmocka_unit_test(test_put_num_hundredths_and_whole_edges_match_the_reference),
	    cmocka_unit_test(test_put_num_writes_nothing_for_nan_and_infinity),
	    cmocka_unit_test(test_num_text_is_shortest_and_reads_back),
	    cmocka_unit_test(test_buf_grows_and_stays_terminated),
	    cmocka_unit_test(test_failed_append_sticks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
