/* test_buf.c - the growable buffer and printf-free number formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf_impl.h"
#include "copy_impl.h"
#include "relstage.h"

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
 * The direct path (0 <= v < 1e9, 0-2 decimals: scores, shares, amounts)
 * against the same reference, densely: every hundredth and its halves from
 * 0 to 1000, values just below 1e9 that round up to it, -0, and text already
 * in the buffer kept in front.
 */
static void test_put_num_small_values_take_the_direct_path_exactly(void **state)
{
	char want[64];
	rs_buf b;
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
	rs_buf_reset(&b);
	assert_true(rs_buf_puts(&b, "x="));
	assert_true(rs_buf_put_num(&b, -0.0, 2));
	assert_true(rs_buf_put_num(&b, 23.9, 2));
	assert_string_equal(b.data, "x=023.9");
	assert_int_equal(b.len, 7);
	rs_buf_free(&b);
}

/* rs_num_small at w[0..32) filled with 'x': its text, or "(null)" when it
 * declines; asserts it never writes past RS_NUM_SMALL_ROOM, nor at all when
 * it declines. */
static const char *num_small(char *w, double v, int d)
{
	char *e;
	size_t i;

	memset(w, 'x', 32);
	e = rs_num_small(w, v, d);
	for (i = RS_NUM_SMALL_ROOM; i < 32; i++)
		assert_int_equal(w[i], 'x');
	if (e == NULL) {
		for (i = 0; i < 32; i++)
			assert_int_equal(w[i], 'x');
		return "(null)";
	}
	assert_true(e > w && e - w <= 13);
	*e = '\0';
	return w;
}

/*
 * The inline fast path the classifier writes its numbers with: the edges of
 * its case exactly as rs_buf_put_num writes them (the llround reference),
 * and everything outside it (negative, NaN, infinite, 1e9 and up, more than
 * 2 decimals) declined without a byte written.
 */
static void test_num_small_edges_and_what_it_declines(void **state)
{
	static const double vals[] = {0, 99, 100, 99.995, 0.005, 99.99, 0.01, 9.95, 999.999,
	                              1000, 12345.67, 999999999.4, 999999999.995, 0.004999};
	char w[32], want[64];
	size_t i;
	double p;
	int d;

	(void)state;
	assert_string_equal(num_small(w, 0, 2), "0");
	assert_string_equal(num_small(w, -0.0, 2), "0");
	assert_string_equal(num_small(w, 99, 1), "99");
	assert_string_equal(num_small(w, 100, 1), "100");
	assert_string_equal(num_small(w, 99.995, 2), "100");
	assert_string_equal(num_small(w, 0.005, 2), "0.01");
	assert_string_equal(num_small(w, 23.9, 2), "23.9");
	assert_string_equal(num_small(w, 999999999.995, 2), "1000000000");
	for (i = 0; i < sizeof vals / sizeof vals[0]; i++)
		for (d = 0; d <= 2; d++)
			assert_string_equal(num_small(w, vals[i], d), llround_ref(want, vals[i], d));
	/* Whole parts of 4 to 9 digits go out two at a time: every width, its
	 * edges, zeros and odd digit counts, with and without decimals. */
	for (p = 1000; p < 1e9; p *= 10) {
		const double near[] = {p, p - 1, p + 1, p * 1.0203, p * 9.0807 + 0.06, p + 0.5};

		for (i = 0; i < sizeof near / sizeof near[0]; i++)
			for (d = 0; d <= 2; d++)
				if (near[i] < 1e9)
					assert_string_equal(num_small(w, near[i], d), llround_ref(want, near[i], d));
	}
	assert_string_equal(num_small(w, 227380, 2), "227380");
	assert_string_equal(num_small(w, 100000001, 0), "100000001");
	assert_string_equal(num_small(w, 1e9, 0), "(null)");
	assert_string_equal(num_small(w, 1e9, 2), "(null)");
	assert_string_equal(num_small(w, -0.5, 2), "(null)");
	assert_string_equal(num_small(w, -1, 0), "(null)");
	assert_string_equal(num_small(w, NAN, 2), "(null)");
	assert_string_equal(num_small(w, INFINITY, 2), "(null)");
	assert_string_equal(num_small(w, -INFINITY, 1), "(null)");
	assert_string_equal(num_small(w, 1.5, 3), "(null)");
	assert_string_equal(num_small(w, 1.5, -1), "(null)");
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

/* rs_copy (copy_impl.h) is memcpy for every length 0..200 at every
 * alignment, and touches nothing outside the destination range. */
/* rs_buf_room: true without growing while the room is there (the NUL
 * counted), grows like rs_buf_reserve otherwise, false once failed. */
static void test_room_grows_only_when_needed_and_fails_sticky(void **state)
{
	rs_alloc_hooks h = {failing_malloc, failing_realloc, free};
	rs_buf b;
	char *data;
	size_t cap;

	(void)state;
	rs_buf_init(&b);
	assert_true(rs_buf_room(&b, 10));
	assert_true(b.cap > 10);
	data = b.data;
	cap = b.cap;
	assert_true(rs_buf_room(&b, cap - 1));
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	assert_true(rs_buf_room(&b, cap)); /* and the NUL: grows */
	assert_true(b.cap > cap);
	rs_buf_free(&b);
	rs_set_alloc_hooks(&h);
	rs_buf_init(&b);
	fail_all = 1;
	assert_false(rs_buf_room(&b, 10));
	assert_true(b.failed);
	fail_all = 0;
	assert_false(rs_buf_room(&b, 0));
	rs_buf_free(&b);
	rs_set_alloc_hooks(NULL);
}

static void test_copy_equals_memcpy_and_stays_in_bounds(void **state)
{
	unsigned char src[256], dst[256], want[256];
	size_t n, off, k;

	(void)state;
	for (k = 0; k < sizeof src; k++)
		src[k] = (unsigned char)(k * 37 + 11);
	for (n = 0; n <= 200; n++)
		for (off = 0; off < 16; off++) {
			memset(dst, 0xA5, sizeof dst);
			memset(want, 0xA5, sizeof want);
			memcpy(want + off + 8, src + 15 - off, n);
			rs_copy(dst + off + 8, src + 15 - off, n);
			assert_memory_equal(dst, want, sizeof dst);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_num_drops_trailing_zeros),
		cmocka_unit_test(test_put_num_rounds_half_away_and_keeps_sign),
		cmocka_unit_test(test_put_num_huge_values_fall_back),
		cmocka_unit_test(test_put_num_rounds_like_llround),
		cmocka_unit_test(test_put_num_small_values_take_the_direct_path_exactly),
		cmocka_unit_test(test_num_small_edges_and_what_it_declines),
		cmocka_unit_test(test_buf_grows_and_stays_terminated),
		cmocka_unit_test(test_copy_equals_memcpy_and_stays_in_bounds),
		cmocka_unit_test(test_failed_append_sticks),
		cmocka_unit_test(test_room_grows_only_when_needed_and_fails_sticky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
