/* test_score.c - share_pct from purchase_share or sales/spend, the rejects,
 * and the two scores: linear parts with caps, conditional parts, unknown
 * values counting 0, the clamp to max, and the --explain text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "internals.h"

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

/* A trial order of 3,000 against a spend of 100 million is 0.003%: written
 * as 0.00 it would make the account a prospect told to win a first order. */
static void test_a_sale_below_a_hundredth_of_a_percent_is_share_0_01(void **state)
{
	rs_account a = {0};
	rs_error e;
	rs_buf b;

	(void)state;
	rs_buf_init(&b);
	set(&a, RS_F_OUR_SALES, 3000);
	set(&a, RS_F_CUSTOMER_SPEND, 100000000);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 0.01);
	/* --explain does not claim 100 x 3000 / 100000000 is 0.01 */
	assert_non_null(strstr(b.data, "share 0.01 = 100 x our_sales 3000 / customer_spend 100000000 "
	                                "(above 0, so at least 0.01); "));
	memset(&a, 0, sizeof a);
	set(&a, RS_F_PURCHASE_SHARE, 0.001);
	rs_buf_reset(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_ZH, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 0.01);
	assert_non_null(strstr(b.data, "份额 0.01，取自 purchase_share（大于 0，按 0.01 计）；"));
	memset(&a, 0, sizeof a);
	set(&a, RS_F_PURCHASE_SHARE, 0.006); /* rounds to 0.01 by itself */
	rs_buf_reset(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_PCT] == 0.01);
	assert_null(strstr(b.data, "at least"));
	rs_buf_free(&b);
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

/* rs_score_fault names the check rs_score rejects by, in its order: the
 * classifier words the reason again from it, with the cells. */
static void test_score_fault_is_the_check_the_reject_comes_from(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 120); /* amounts that contradict come first */
	set(&a, RS_F_OUR_SALES, 200);
	set(&a, RS_F_CUSTOMER_SPEND, 100);
	assert_int_equal(rs_score_fault(&a), RS_SHARE_OVER_SPEND);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "our_sales 200 exceeds customer_spend 100");
	set(&a, RS_F_OUR_SALES, 50);
	assert_int_equal(rs_score_fault(&a), RS_SHARE_RANGE);
	a.known = 0;
	set(&a, RS_F_OUR_SALES, -500);
	set(&a, RS_F_CUSTOMER_SPEND, 1000);
	assert_int_equal(rs_score_fault(&a), RS_SHARE_NEG_SALES);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "our_sales -500 is negative");
	set(&a, RS_F_PURCHASE_SHARE, 40); /* a credit note beside a share is no reject */
	assert_int_equal(rs_score_fault(&a), RS_SHARE_OK);
	assert_int_equal(score(&a, &e), RS_OK);
	a.known = 0;
	set(&a, RS_F_OUR_SALES, 200);
	set(&a, RS_F_CUSTOMER_SPEND, -3);
	assert_int_equal(rs_score_fault(&a), RS_SHARE_NEG_SPEND);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "customer_spend -3 is negative");
	a.known = 0;
	set(&a, RS_F_CUSTOMER_SPEND, 1000);
	assert_int_equal(rs_score_fault(&a), RS_SHARE_NONE);
	set(&a, RS_F_OUR_SALES, 0);
	assert_int_equal(rs_score_fault(&a), RS_SHARE_OK);
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
	assert_memory_equal(b.data, "份额 85，取自 purchase_share；接触深度得分 65 = 联系人 6×5（上限 25）",
	                    strlen("份额 85，取自 purchase_share；接触深度得分 65 = 联系人 6×5（上限 25）"));
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

/* share_drop is previous_share - share_pct in points, rounded as share_pct is;
 * negative when the share rose. */
static void test_share_drop_is_previous_share_minus_share_pct(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 40);
	set(&a, RS_F_PREVIOUS_SHARE, 52.345);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(rs_known(&a, RS_V_SHARE_DROP));
	assert_true(a.v[RS_V_SHARE_DROP] == 12.35);
	set(&a, RS_F_PREVIOUS_SHARE, 37.1);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_DROP] == -2.9);
	/* from the amounts: 100 x 85000 / 200000 = 42.5 */
	memset(&a, 0, sizeof a);
	set(&a, RS_F_OUR_SALES, 85000);
	set(&a, RS_F_CUSTOMER_SPEND, 200000);
	set(&a, RS_F_PREVIOUS_SHARE, 50);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(a.v[RS_V_SHARE_DROP] == 7.5);
}

/* An unknown past share proves no fall: share_drop stays unknown (and is
 * cleared when a reused account lost its past share). */
static void test_share_drop_is_unknown_without_previous_share(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 40);
	set(&a, RS_F_PREVIOUS_SHARE, 60);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_true(rs_known(&a, RS_V_SHARE_DROP));
	a.known &= ~(1u << RS_F_PREVIOUS_SHARE);
	assert_int_equal(score(&a, &e), RS_OK);
	assert_false(rs_known(&a, RS_V_SHARE_DROP));
}

static void test_previous_share_outside_0_100_is_rejected(void **state)
{
	rs_account a = {0};
	rs_error e;

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 40);
	set(&a, RS_F_PREVIOUS_SHARE, 130);
	assert_int_equal(score(&a, &e), RS_EREJECT);
	assert_string_equal(e.msg, "previous_share 130 is outside 0-100");
	set(&a, RS_F_PREVIOUS_SHARE, -5);
	assert_int_equal(rs_score(rules, &a, NULL, RS_LANG_ZH, &e), RS_EREJECT);
	assert_string_equal(e.msg, "上期份额 previous_share -5 超出 0-100 的范围");
}

/* --explain shows both shares and the drop, in either language; nothing on
 * the past share when it is unknown. */
static void test_explain_shows_both_shares_and_the_drop(void **state)
{
	rs_account a = {0};
	rs_error e;
	rs_buf b;
	const char *en = "share 40 from purchase_share; previous share 52 from previous_share, "
	                 "share_drop 12; contact ";
	const char *zh = "份额 40，取自 purchase_share；上期份额 52，取自 previous_share，"
	                 "share_drop 12；接触深度得分 ";

	(void)state;
	set(&a, RS_F_PURCHASE_SHARE, 40);
	set(&a, RS_F_PREVIOUS_SHARE, 52);
	rs_buf_init(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_memory_equal(b.data, en, strlen(en));
	rs_buf_reset(&b);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_ZH, &e), RS_OK);
	assert_memory_equal(b.data, zh, strlen(zh));
	rs_buf_reset(&b);
	a.known &= ~(1u << RS_F_PREVIOUS_SHARE);
	assert_int_equal(rs_score(rules, &a, &b, RS_LANG_EN, &e), RS_OK);
	assert_null(strstr(b.data, "previous"));
	rs_buf_free(&b);
}

/*
 * The share in the explain text as the share_pct cell has it
 * (rs_buf_put_num, 2 decimals): every 0.001 from 0 to 100, so whole
 * shares, one and two decimals, halves that round up to the next whole
 * (9.995, 99.995: "100") and 100 itself; then from our_sales/spend.
 */
static void test_explain_share_number_equals_put_num(void **state)
{
	rs_buf got, want;
	rs_error e;
	int i;

	(void)state;
	rs_buf_init(&got);
	rs_buf_init(&want);
	for (i = 0; i <= 100000 + 40; i++) {
		rs_account a = {0};

		if (i <= 100000)
			set(&a, RS_F_PURCHASE_SHARE, i / 1000.0);
		else if (i <= 100020)
			set(&a, RS_F_PURCHASE_SHARE, 99.99 + (i - 100000) * 0.0005);
		else {
			set(&a, RS_F_OUR_SALES, (i - 100020) * 0.999);
			set(&a, RS_F_CUSTOMER_SPEND, 19.99);
		}
		if (a.v[RS_F_PURCHASE_SHARE] > 100)
			continue;
		rs_buf_reset(&got);
		rs_buf_reset(&want);
		assert_int_equal(rs_score(rules, &a, &got, RS_LANG_EN, &e), RS_OK);
		rs_buf_puts(&want, "share ");
		rs_buf_put_num(&want, a.v[RS_V_SHARE_PCT], 2);
		rs_buf_puts(&want, " ");
		assert_memory_equal(got.data, want.data, want.len);
	}
	rs_buf_free(&got);
	rs_buf_free(&want);
}

#include "xorshift.h"

/* The explain text of scoring written another way (the sum first, every
 * value through fmin/fmax): a reference to compare with. */
static void ref_part(const rs_rules *r, const rs_part *p, const rs_account *a, rs_buf *b,
                     int g, double *sum)
{
	const char *s = p->label.s[g];
	double x = 0;
	bool unknown;

	if (p->var >= 0) {
		unknown = !rs_known(a, p->var);
		if (!unknown)
			x = fmin(fmax(0, a->v[p->var] * p->per), p->cap);
	} else {
		int t = rs_test_cond_eval(r, p->cond, a, 0);

		unknown = t == RS_UNKNOWN;
		x = t == RS_TRUE ? p->points : 0;
	}
	*sum += x;
	if (s == NULL)
		s = p->name_var >= 0 ? rs_var_name(p->name_var) : "condition";
	rs_buf_puts(b, s);
	rs_buf_putc(b, ' ');
	if (p->var >= 0 && !unknown) {
		rs_buf_put_num(b, a->v[p->var], 2);
		rs_buf_puts(b, rs_score_words[g][RS_W_TIMES]);
		rs_buf_put_num(b, p->per, 2);
		rs_buf_puts(b, a->v[p->var] * p->per > p->cap ? rs_score_words[g][RS_W_CAP_OPEN] : " ");
	}
	rs_buf_put_num(b, x, 2);
	if (unknown)
		rs_buf_puts(b, rs_score_words[g][RS_W_UNKNOWN]);
	else if (p->var >= 0 && a->v[p->var] * p->per > p->cap)
		rs_buf_puts(b, rs_score_words[g][RS_W_CAP]);
}

static void ref_scores(const rs_rules *r, const rs_account *a, rs_buf *b, int g)
{
	size_t i;
	int k;

	for (k = 0; k < RS_SCORE_COUNT; k++) {
		const rs_scoredef *d = &r->score[k];
		double sum = 0;
		rs_buf parts;

		rs_buf_init(&parts);
		for (i = 0; i < d->nparts; i++) {
			rs_buf_puts(&parts, i > 0 ? " + " : " ");
			ref_part(r, &d->parts[i], a, &parts, g, &sum);
		}
		rs_buf_puts(b, rs_score_words[g][RS_W_SEP]);
		rs_buf_puts(b, rs_score_names[g][k]);
		rs_buf_put_num(b, floor(fmin(fmax(0, sum), d->max) + 0.5), 0);
		rs_buf_puts(b, " =");
		rs_buf_puts(b, parts.data);
		if (sum > d->max) {
			rs_buf_puts(b, rs_score_words[g][RS_W_MAX]);
			rs_buf_put_num(b, d->max, 2);
			rs_buf_putc(b, ')');
		}
		rs_buf_free(&parts);
	}
}

/* Unlabelled parts (named by their variable, or "condition"), caps, a max,
 * fractional rates, a condition with a group. */
static const char odd_rules[] =
	"{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"max\": 30, \"parts\": ["
	"{\"var\": \"contacts\", \"per\": 10.5, \"cap\": 21.25},"
	"{\"var\": \"top_contact_level\", \"per\": 0.3333},"
	"{\"when\": {\"all\": []}, \"points\": 0.75},"
	"{\"when\": {\"any\": [{\"var\": \"key_person\", \"op\": \"==\", \"value\": true},"
	" {\"not\": {\"var\": \"departments\", \"op\": \"<\", \"value\": 3}}]}, \"points\": 12.5}]},"
	"\"cooperation_score\": {\"parts\": [{\"var\": \"relationship_years\", \"per\": 2.25,"
	" \"label\": {\"en\": \"yrs\", \"zh\": \"年\"}},"
	"{\"when\": {\"var\": \"exclusive\", \"op\": \"known\"}, \"points\": 3}]}},"
	"\"stages\": [{\"id\": \"s\", \"label\": {\"en\": \"S\", \"zh\": \"S\"}, \"actions\": {\"en\": [], \"zh\": []}}], "
	"\"decision\": [{\"stage\": \"s\", \"when\": {\"all\": []}}], \"actions\": []}";

static void random_account(rs_account *a)
{
	static const double vals[] = {0, 1, 2, 3, 4, 0.5, 2.345, 7.125, 1e14, -3, 1e13, 9.995};
	int f;

	memset(a, 0, sizeof *a);
	set(a, RS_F_PURCHASE_SHARE, (double)(next() % 10001) / 100);
	for (f = RS_F_CONTACTS; f <= RS_F_PRICE_AGREEMENT; f++) { /* previous_share: its own tests */
		uint64_t x = next() % 16;

		if (x >= 12)
			continue; /* unknown */
		if (f == RS_F_TOP_CONTACT_LEVEL)
			set(a, f, (double)(1 + x % 4));
		else if (f >= RS_F_STRATEGIC_AGREEMENT || f == RS_F_KEY_PERSON)
			set(a, f, (double)(x % 2));
		else
			set(a, f, vals[x]);
	}
}

static void test_explain_text_equals_the_reference_text(void **state)
{
	rs_rules *odd;
	rs_error e;
	rs_buf got, want;
	int i, g;

	(void)state;
	assert_int_equal(rs_rules_load(&odd, odd_rules, strlen(odd_rules), "t", NULL, NULL, &e), RS_OK);
	rs_buf_init(&got);
	rs_buf_init(&want);
	for (i = 0; i < 4000; i++) {
		const rs_rules *r = i % 2 ? odd : rules;
		rs_account a, ref;
		char *cut;

		random_account(&a);
		ref = a;
		g = i % 4 < 2 ? RS_LANG_EN : RS_LANG_ZH;
		rs_buf_reset(&got);
		rs_buf_reset(&want);
		assert_int_equal(rs_score(r, &a, &got, (rs_lang)g, &e), RS_OK);
		ref.v[RS_V_SHARE_PCT] = a.v[RS_V_SHARE_PCT];
		ref.known |= 1u << RS_V_SHARE_PCT;
		ref_scores(r, &ref, &want, g);
		ref.known = a.known & ~(1u << RS_V_CONTACT_SCORE | 1u << RS_V_COOPERATION_SCORE);
		assert_int_equal(rs_score(r, &ref, NULL, (rs_lang)g, &e), RS_OK); /* the plain sum */
		assert_true(ref.v[RS_V_CONTACT_SCORE] == a.v[RS_V_CONTACT_SCORE]);
		assert_true(ref.v[RS_V_COOPERATION_SCORE] == a.v[RS_V_COOPERATION_SCORE]);
		cut = strstr(got.data, rs_score_words[g][RS_W_SEP]); /* after the share's text */
		assert_non_null(cut);
		assert_string_equal(cut, want.data);
	}
	rs_buf_free(&got);
	rs_buf_free(&want);
	rs_rules_free(odd);
}

/*
 * The heading "; contact <total>" comes before the parts that make the
 * total: totals of one, two and three digits (0, 5, 10, 99, 100), each part
 * at 0, whole, fractional, 32 and more, 1e9 and more, negative and unknown,
 * in both languages, equal the reference text.
 */
static void test_explain_heading_of_every_total_width(void **state)
{
	static const double lin[] = {0, 1, 4, 5, 31, 32, 2.5, 0.125, 1e9, 2e13, -1};
	rs_buf got, want;
	rs_error e;
	size_t i, j;
	int g, widths = 0;

	(void)state;
	rs_buf_init(&got);
	rs_buf_init(&want);
	for (i = 0; i < 4 * 11 * 2; i++) {
		rs_account a, ref;
		double v = lin[i % 11];
		char *cut;

		memset(&a, 0, sizeof a);
		set(&a, RS_F_PURCHASE_SHARE, 50);
		g = i % 2 ? RS_LANG_ZH : RS_LANG_EN;
		switch (i / 22) {
		case 0: /* contact 0 .. 100 by the linear parts; cooperation unknown */
			set(&a, RS_F_CONTACTS, v);
			set(&a, RS_F_DEPARTMENTS, v);
			set(&a, RS_F_TOP_CONTACT_LEVEL, 4);
			set(&a, RS_F_KEY_PERSON, 1);
			break;
		case 1: /* one part each: totals of one digit */
			set(&a, RS_F_CONTACTS, v);
			set(&a, RS_F_RELATIONSHIP_YEARS, v);
			break;
		case 2: /* everything at the top: 100 */
			for (j = RS_F_CONTACTS; j <= RS_F_PRICE_AGREEMENT; j++) {
				bool flag = j >= RS_F_STRATEGIC_AGREEMENT || j == RS_F_KEY_PERSON;

				set(&a, (int)j, j == RS_F_TOP_CONTACT_LEVEL ? 4 : flag ? 1 : v);
			}
			break;
		default: /* conditions only, the linear parts unknown */
			set(&a, RS_F_EXCLUSIVE, 1);
			set(&a, RS_F_KEY_PERSON, i % 3 == 0);
			break;
		}
		ref = a;
		rs_buf_reset(&got);
		rs_buf_reset(&want);
		assert_int_equal(rs_score(rules, &a, &got, (rs_lang)g, &e), RS_OK);
		ref.v[RS_V_SHARE_PCT] = a.v[RS_V_SHARE_PCT];
		ref.known |= 1u << RS_V_SHARE_PCT;
		ref_scores(rules, &ref, &want, g);
		cut = strstr(got.data, rs_score_words[g][RS_W_SEP]);
		assert_non_null(cut);
		assert_string_equal(cut, want.data);
		for (j = 0; j < RS_SCORE_COUNT; j++) {
			double t = a.v[RS_V_CONTACT_SCORE + j];

			widths |= t < 10 ? 1 : t < 100 ? 2 : 4;
		}
	}
	assert_int_equal(widths, 7);
	rs_buf_free(&got);
	rs_buf_free(&want);
}

/*
 * The sum without --explain: the odd rules have all three kinds of part
 * (linear, a one-leaf condition, a group), and on random accounts, known and
 * unknown values, the scores equal the reference's (rs_test_cond_eval on the
 * condition tree, fmin/fmax).
 */
static void test_plain_sum_equals_the_reference(void **state)
{
	rs_rules *odd;
	rs_error e;
	rs_buf scratch;
	int i, k;
	size_t p;

	(void)state;
	assert_int_equal(rs_rules_load(&odd, odd_rules, strlen(odd_rules), "t", NULL, NULL, &e), RS_OK);
	rs_buf_init(&scratch);
	for (i = 0; i < 4000; i++) {
		const rs_rules *r = i % 2 ? odd : rules;
		rs_account a;

		random_account(&a);
		assert_int_equal(rs_score(r, &a, NULL, RS_LANG_EN, &e), RS_OK);
		for (k = 0; k < RS_SCORE_COUNT; k++) {
			const rs_scoredef *d = &r->score[k];
			double sum = 0;

			for (p = 0; p < d->nparts; p++)
				ref_part(r, &d->parts[p], &a, &scratch, RS_LANG_EN, &sum);
			assert_true(a.v[RS_V_CONTACT_SCORE + k] == floor(fmin(fmax(0, sum), d->max) + 0.5));
		}
	}
	rs_buf_free(&scratch);
	rs_rules_free(odd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_sum_equals_the_reference),
		cmocka_unit_test(test_share_from_purchase_share),
		cmocka_unit_test(test_share_computed_from_sales_and_spend),
		cmocka_unit_test(test_computed_share_is_rounded_to_two_decimals),
		cmocka_unit_test(test_a_sale_below_a_hundredth_of_a_percent_is_share_0_01),
		cmocka_unit_test(test_our_sales_zero_gives_share_zero),
		cmocka_unit_test(test_purchase_share_wins_over_sales),
		cmocka_unit_test(test_purchase_share_above_100_is_rejected),
		cmocka_unit_test(test_sales_above_spend_is_rejected),
		cmocka_unit_test(test_no_share_is_rejected),
		cmocka_unit_test(test_score_fault_is_the_check_the_reject_comes_from),
		cmocka_unit_test(test_linear_part_is_capped),
		cmocka_unit_test(test_conditional_part_adds_points_when_true),
		cmocka_unit_test(test_unknown_values_count_zero),
		cmocka_unit_test(test_score_is_clamped_to_max_and_rounded),
		cmocka_unit_test(test_explain_lists_every_part),
		cmocka_unit_test(test_explain_of_computed_share),
		cmocka_unit_test(test_share_drop_is_previous_share_minus_share_pct),
		cmocka_unit_test(test_share_drop_is_unknown_without_previous_share),
		cmocka_unit_test(test_previous_share_outside_0_100_is_rejected),
		cmocka_unit_test(test_explain_shows_both_shares_and_the_drop),
		cmocka_unit_test(test_explain_share_number_equals_put_num),
		cmocka_unit_test(test_explain_text_equals_the_reference_text),
		cmocka_unit_test(test_explain_heading_of_every_total_width),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
