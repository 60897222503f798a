/* tally.c: a group's and a file's figures, and what a subtotal row must equal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tally.h"

static rs_account acct(double sales, double contacts, double share)
{
	rs_account a;

	memset(&a, 0, sizeof a);
	a.v[RS_F_OUR_SALES] = sales;
	a.v[RS_F_CONTACTS] = contacts;
	a.v[RS_F_PURCHASE_SHARE] = share;
	a.known = 1u << RS_F_OUR_SALES | 1u << RS_F_CONTACTS | 1u << RS_F_PURCHASE_SHARE;
	return a;
}

static void three(rs_tally *t)
{
	rs_account a = acct(400, 3, 40), b = acct(500, 2, 50), c = acct(350, 2, 35);

	rs_tally_reset(t);
	rs_tally_add(t, &a, 0, true);
	rs_tally_add(t, &b, 0, true);
	rs_tally_add(t, &c, 0, true);
}

/* The sum is of amounts and counts only; the others take the share too. */
static void test_each_function_is_checked_over_its_columns(void **state)
{
	rs_tally t;
	rs_account r;
	char names[96];

	(void)state;
	three(&t);
	r = acct(1250, 7, 99); /* a totals row's share is no sum */
	assert_true(rs_tally_matches(&t, RS_AGG_SUM, &r, -1, 2, false, names));
	assert_string_equal(names, "our_sales, contacts");
	r = acct(1250, 7, 125);
	assert_true(rs_tally_matches(&t, RS_AGG_SUM, &r, -1, 2, true, names));
	assert_string_equal(names, "our_sales、contacts");
	r = acct(500, 3, 50);
	assert_true(rs_tally_matches(&t, RS_AGG_MAX, &r, -1, 1, false, names));
	assert_false(rs_tally_matches(&t, RS_AGG_MIN, &r, -1, 1, false, names));
	r = acct(350, 2, 35);
	assert_true(rs_tally_matches(&t, RS_AGG_MIN, &r, -1, 1, false, names));
	r = acct(350, 2, 40); /* the share is not the smallest */
	assert_false(rs_tally_matches(&t, RS_AGG_MIN, &r, -1, 1, false, names));
	r = acct(3, 3, 3);
	assert_true(rs_tally_matches(&t, RS_AGG_COUNT, &r, -1, 1, false, names));
	r = acct(3, 3, 2);
	assert_false(rs_tally_matches(&t, RS_AGG_COUNT, &r, -1, 1, false, names));
	/* too few rows, or nothing but zeros */
	r = acct(1250, 7, 0);
	assert_false(rs_tally_matches(&t, RS_AGG_SUM, &r, -1, 4, false, names));
	rs_tally_reset(&t);
	r = acct(0, 0, 0);
	rs_tally_add(&t, &r, 0, true);
	assert_false(rs_tally_matches(&t, RS_AGG_MAX, &r, -1, 1, false, names));
}

/* An average as a sheet shows it: 416.6666667, 416.67, 417 (a number
 * format without decimals) are all 1250 / 3; 418 and 416.6 are not. */
static void test_an_average_may_be_rounded_to_the_decimals_it_shows(void **state)
{
	rs_tally t;
	rs_account r;
	char names[96];

	(void)state;
	three(&t);
	r = acct(416.6666667, 2.333333333, 41.66666667);
	assert_true(rs_tally_matches(&t, RS_AGG_AVERAGE, &r, -1, 1, false, names));
	r = acct(416.67, 2.33, 41.67);
	assert_true(rs_tally_matches(&t, RS_AGG_AVERAGE, &r, -1, 1, false, names));
	r = acct(417, 2, 42);
	assert_true(rs_tally_matches(&t, RS_AGG_AVERAGE, &r, -1, 1, false, names));
	r = acct(418, 2, 42);
	assert_false(rs_tally_matches(&t, RS_AGG_AVERAGE, &r, -1, 1, false, names));
	r = acct(416.6, 2.3, 41.7);
	assert_false(rs_tally_matches(&t, RS_AGG_AVERAGE, &r, -1, 1, false, names));
	/* a column none of the rows gives has no average */
	r = acct(417, 2, 42);
	r.v[RS_F_DEPARTMENTS] = 1;
	r.known |= 1u << RS_F_DEPARTMENTS;
	assert_false(rs_tally_matches(&t, RS_AGG_AVERAGE, &r, -1, 1, false, names));
}

/* Excel's Count counts filled cells: one that did not read counts, an empty
 * one does not; a count in the id cell is of the rows with an id. */
static void test_a_count_is_of_filled_cells_and_ids(void **state)
{
	rs_tally t;
	rs_account a = acct(400, 3, 40), b, r;
	char names[96];

	(void)state;
	memset(&b, 0, sizeof b);
	rs_tally_reset(&t);
	rs_tally_add(&t, &a, 0, true);
	rs_tally_add(&t, &b, 1u << RS_F_OUR_SALES, true); /* sales that did not read */
	rs_tally_add(&t, &b, 0, false);
	r = acct(2, 1, 1);
	assert_true(rs_tally_matches(&t, RS_AGG_COUNT, &r, -1, 1, false, names));
	memset(&r, 0, sizeof r);
	assert_false(rs_tally_matches(&t, RS_AGG_COUNT, &r, -1, 1, false, names));
	assert_true(rs_tally_matches(&t, RS_AGG_COUNT, &r, 2, 1, false, names));
	assert_false(rs_tally_matches(&t, RS_AGG_COUNT, &r, 3, 1, false, names));
	assert_false(rs_tally_matches(&t, RS_AGG_SUM, &r, 2, 1, false, names));
}

/* Two groups merged hold what one tally of all their rows holds. */
static void test_merged_groups_are_the_whole(void **state)
{
	rs_account r[5] = {acct(400, 3, 40), acct(500, 2, 50), acct(350, 2, 35), acct(90, 9, 9),
	                   acct(1000, 1, 100)};
	rs_tally whole, g1, g2;
	size_t i;
	int f;

	(void)state;
	rs_tally_reset(&whole);
	rs_tally_reset(&g1);
	rs_tally_reset(&g2);
	r[3].known &= ~(1u << RS_F_CONTACTS); /* one unknown: not a number, not filled */
	for (i = 0; i < 5; i++) {
		rs_tally_add(&whole, &r[i], 0, i != 4);
		rs_tally_add(i < 2 ? &g1 : &g2, &r[i], 0, i != 4);
	}
	rs_tally_merge(&g1, &g2);
	assert_int_equal(g1.rows, whole.rows);
	for (f = 0; f < RS_F_COUNT; f++) {
		assert_int_equal(g1.known[f], whole.known[f]);
		assert_int_equal(g1.filled[f], whole.filled[f]);
		assert_true(g1.sum[f] == whole.sum[f]);
		if (whole.known[f] > 0) {
			assert_true(g1.max[f] == whole.max[f]);
			assert_true(g1.min[f] == whole.min[f]);
		}
	}
	assert_true(g1.max[RS_F_OUR_SALES] == 1000 && g1.min[RS_F_OUR_SALES] == 90);
	assert_true(g1.max[RS_F_CONTACTS] == 3 && g1.min[RS_F_CONTACTS] == 1);
	/* an empty group merged changes nothing */
	rs_tally_reset(&g2);
	rs_tally_merge(&g1, &g2);
	assert_true(g1.min[RS_F_OUR_SALES] == 90 && g1.rows == 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_function_is_checked_over_its_columns),
		cmocka_unit_test(test_an_average_may_be_rounded_to_the_decimals_it_shows),
		cmocka_unit_test(test_a_count_is_of_filled_cells_and_ids),
		cmocka_unit_test(test_merged_groups_are_the_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
