/* test_score.c - share_pct from purchase_share or sales/spend, the rejects,
 * and the two scores: linear parts with caps, conditional parts, unknown
 * values counting 0, the clamp to max, and the --explain text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "relstage.h"

#include "fixture_rules.h"

static void set(rs_account *a, int var, double v)
{
	a->v[var] = v;
	a->known |= 1u << var;
}

static rs_status score(rs_account *a, rs_error *e)
{
	memset(e, 0, sizeof *e);
	return rs_score(rules, a, NULL, RS_LANG_EN, e);
}

static void test_share_from_purchase_share(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 85);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(rs_known(&a, RS_V_SHARE_PCT));
	assert_true(a.v[RS_V_SHARE_PCT] == 85);
}

static void test_share_computed_from_sales_and_spend(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_OUR_SALES, 85000);
	set(&a, RS_F_CUSTOMER_SPEND, 200000);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 42.5);
}

static void test_computed_share_is_rounded_to_two_decimals(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_OUR_SALES, 1);
	set(&a, RS_F_CUSTOMER_SPEND, 3);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 33.33);
}

static void test_our_sales_zero_gives_share_zero(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_OUR_SALES, 0);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 0);
}

static void test_purchase_share_wins_over_sales(void **state)
{
	rs_account a = {0};
	rs_buf b;
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 70);
	set(&a, RS_F_OUR_SALES, 10);
	set(&a, RS_F_CUSTOMER_SPEND, 100);
	rs_buf_init(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 70);
	assert_memory_equal(b.data, "share 70 from purchase_share (our_sales/customer_spend not used);",
	                    strlen("share 70 from purchase_share (our_sales/customer_spend not used);"));
	rs_buf_free(&b);
}

static void test_purchase_share_above_100_is_rejected(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 120);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "purchase_share 120 is outside 0-100");
	set(&a, RS_F_PURCHASE_SHARE, -1);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "purchase_share -1 is outside 0-100");
}

static void test_sales_above_spend_is_rejected(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_OUR_SALES, 120);
	set(&a, RS_F_CUSTOMER_SPEND, 100);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "our_sales 120 exceeds customer_spend 100");
	set(&a, RS_F_OUR_SALES, 5);
	set(&a, RS_F_CUSTOMER_SPEND, 0);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "our_sales 5 exceeds customer_spend 0");
}

static void test_no_share_is_rejected(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_OUR_SALES, 5);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "no share: purchase_share is empty and our_sales/customer_spend "
	                           "are not both given");
	assert_false(rs_known(&a, RS_V_SHARE_PCT));
}

static void test_linear_part_is_capped(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 10);
	set(&a, RS_F_CONTACTS, 8); /* 8 x 5 = 40, cap 25 */
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_CONTACT_SCORE] == 25);
	set(&a, RS_F_CONTACTS, 3);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_CONTACT_SCORE] == 15);
}

static void test_conditional_part_adds_points_when_true(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 10);
	set(&a, RS_F_KEY_PERSON, 1);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_CONTACT_SCORE] == 25);
	set(&a, RS_F_KEY_PERSON, 0);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_CONTACT_SCORE] == 0);
}

static void test_unknown_values_count_zero(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 10);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(rs_known(&a, RS_V_CONTACT_SCORE));
	assert_true(rs_known(&a, RS_V_COOPERATION_SCORE));
	assert_true(a.v[RS_V_CONTACT_SCORE] == 0);
	assert_true(a.v[RS_V_COOPERATION_SCORE] == 0);
}

static void test_score_is_clamped_to_max_and_rounded(void **state)
{
	static const char text[] =
		"{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"max\": 30, \"parts\": "
		"[{\"var\": \"contacts\", \"per\": 10}]}, \"cooperation_score\": {\"parts\": "
		"[{\"var\": \"relationship_years\", \"per\": 2.25}]}}, \"stages\": [{\"id\": \"s\", "
		"\"label\": {\"en\": \"S\", \"zh\": \"S\"}, \"actions\": {\"en\": [], \"zh\": []}}], "
		"\"decision\": [{\"stage\": \"s\", \"when\": {\"all\": []}}], \"actions\": []}";
	rs_rules *r;
	rs_account a = {0};
	rs_error e;
	rs_buf b;

	(void)state;
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t", NULL, NULL, &e), RS_OK);
	set(&a, RS_F_PURCHASE_SHARE, 10);
	set(&a, RS_F_CONTACTS, 8);
	set(&a, RS_F_RELATIONSHIP_YEARS, 3); /* 6.75 -> 7 */
	rs_buf_init(&b);
	assert_int_equal(rs_score(r, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_true(a.v[RS_V_CONTACT_SCORE] == 30);
	assert_true(a.v[RS_V_COOPERATION_SCORE] == 7);
	assert_string_equal(b.data, "share 10 from purchase_share; contact 30 = contacts 8x10 80 "
	                            "(max 30); cooperation 7 = relationship_years 3x2.25 6.75");
	rs_buf_free(&b);
	rs_rules_free(r);
}

static void test_explain_lists_every_part(void **state)
{
	rs_account a = {0};
	rs_error e;
	rs_buf b;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 85);
	set(&a, RS_F_CONTACTS, 6);
	set(&a, RS_F_DEPARTMENTS, 3);
	set(&a, RS_F_TOP_CONTACT_LEVEL, 4);
	set(&a, RS_F_RELATIONSHIP_YEARS, 6);
	set(&a, RS_F_STRATEGIC_AGREEMENT, 1);
	set(&a, RS_F_EQUITY_TIE, 0);
	rs_buf_init(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_string_equal(b.data,
	                    "share 85 from purchase_share; contact 65 = contacts 6x5 (25 cap) + "
	                    "departments 3x5 15 + top level 4x6.25 25 + key person 0 (unknown); "
	                    "cooperation 35 = years 6x3 (15 cap) + joint projects 0 (unknown) + "
	                    "executive meetings 0 (unknown) + strategic agreement 20 + equity tie 0 + "
	                    "exclusive 0 (unknown) + information sharing 0 (unknown)");
	assert_null(strchr(b.data, '\n'));
	rs_buf_reset(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_ZH, &e), RS_OK);
	assert_memory_equal(b.data, "份额 85 来自 purchase_share; 接触深度 65 = 联系人 6x5 (25 上限)",
	                    strlen("份额 85 来自 purchase_share; 接触深度 65 = 联系人 6x5 (25 上限)"));
	rs_buf_free(&b);
}

static void test_explain_of_computed_share(void **state)
{
	rs_account a = {0};
	rs_error e;
	rs_buf b;
	const char *want = "share 42.5 = 100 x our_sales 85000 / customer_spend 200000;";

	(void)state;
	set(&a, RS_F_OUR_SALES, 85000);
	set(&a, RS_F_CUSTOMER_SPEND, 200000);
	rs_buf_init(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_memory_equal(b.data, want, strlen(want));
	rs_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_share_from_purchase_share),
		cmocka_unit_test(test_share_computed_from_sales_and_spend),
		cmocka_unit_test(test_computed_share_is_rounded_to_two_decimals),
		cmocka_unit_test(test_our_sales_zero_gives_share_zero),
		cmocka_unit_test(test_purchase_share_wins_over_sales),
		cmocka_unit_test(test_purchase_share_above_100_is_rejected),
		cmocka_unit_test(test_sales_above_spend_is_rejected),
		cmocka_unit_test(test_no_share_is_rejected),
		cmocka_unit_test(test_linear_part_is_capped),
		cmocka_unit_test(test_conditional_part_adds_points_when_true),
		cmocka_unit_test(test_unknown_values_count_zero),
		cmocka_unit_test(test_score_is_clamped_to_max_and_rounded),
		cmocka_unit_test(test_explain_lists_every_part),
		cmocka_unit_test(test_explain_of_computed_share),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
