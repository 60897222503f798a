/* test_msg.c - each reject reason in both languages, with the same arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "msg.h"
#include "printf_args.h"

static void test_every_reason_has_both_languages_with_the_same_arguments(void **state)
{
	char en[32], zh[32];
	int id;

	(void)state;
	for (id = 0; id < RS_M_COUNT; id++) {
		assert_non_null(rs_msg(RS_LANG_EN, (rs_msg_id)id));
		assert_non_null(rs_msg(RS_LANG_ZH, (rs_msg_id)id));
		if (id >= RS_M_HEX && id <= RS_M_AFTER_TODAY)
			continue; /* value.c's reasons are text ("% is not accepted here"), not
			             formats */
		args_of(rs_msg(RS_LANG_EN, (rs_msg_id)id), en, sizeof en);
		args_of(rs_msg(RS_LANG_ZH, (rs_msg_id)id), zh, sizeof zh);
		assert_string_equal(en, zh);
	}
	args_of("%.*s and %zu, %lu%%", en, sizeof en);
	assert_string_equal(en, "*szulu");
}

/* value.c's reasons are rs_msg's English text: rs_msg_as finds their Chinese. */
static void test_a_value_reason_is_given_in_the_run_language(void **state)
{
	const char *en = rs_msg(RS_LANG_EN, RS_M_NO_DIGITS);

	(void)state;
	assert_string_equal(en, "no digits");
	assert_string_equal(rs_msg_as(RS_LANG_ZH, en), "不含数字");
	assert_ptr_equal(rs_msg_as(RS_LANG_EN, en), en);
	assert_string_equal(rs_msg_as(RS_LANG_ZH, "not in the table"), "not in the table");
	assert_null(rs_msg_as(RS_LANG_ZH, NULL));
}

/* An error's message is worded in its language: rs_error_set finds the
 * format's Chinese by its English; an unknown or English format stays. */
static void test_an_error_is_worded_in_its_language(void **state)
{
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	e.lang = RS_LANG_ZH;
	rs_error_set(&e, RS_EIO, 0, "cannot open: %s", "No such file or directory");
	assert_string_equal(e.msg, "无法打开：No such file or directory");
	rs_error_set(&e, RS_ENOMEM, 0, "out of memory");
	assert_string_equal(e.msg, "内存不足");
	rs_error_set(&e, RS_EIO, 0, "not in the table: %d", 7);
	assert_string_equal(e.msg, "not in the table: 7");
	rs_error_clear(&e); /* English again, as a local error that was never set up */
	assert_int_equal(e.lang, RS_LANG_EN);
	rs_error_set(&e, RS_EIO, 0, "cannot open: %s", "x");
	assert_string_equal(e.msg, "cannot open: x");
	/* only the stops' rows are looked at: a reject reason's English stays */
	assert_string_equal(rs_msg_tr(RS_LANG_ZH, "no digits"), "no digits");
	assert_string_equal(rs_msg_tr((rs_lang)77, "out of memory"), "out of memory");
}

/* Reasons worded into 128-byte buffers (read_csv.c's why, fields.c's id
 * message) fit in Chinese too, with the longest arguments they get. */
static void test_chinese_reasons_fit_their_buffers(void **state)
{
	char buf[512];

	(void)state;
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_ZH, RS_M_QUOTING),
	                     rs_msg(RS_LANG_ZH, RS_M_QUOTE_STRAY)) < 128);
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_ZH, RS_M_QUOTING),
	                     rs_msg(RS_LANG_ZH, RS_M_QUOTE_AFTER)) < 128);
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_ZH, RS_M_ID_SCI), 24,
	                     "1.2345678901234567890E+17", (size_t)20) < 128);
	/* fields.c's long id message: a 256-byte buffer, 40 bytes of the id */
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_ZH, RS_M_ID_LONG), 40,
	                     "-123456789012345678901234567890123456789", (size_t)39) < 256);
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_EN, RS_M_ID_LONG), 40,
	                     "-123456789012345678901234567890123456789", (size_t)39) < 256);
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_ZH, RS_M_ROW_FIELDS), (size_t)99999,
	                     (size_t)99999) < 128);
}

/* A share reason names each amount as `shown` gives it, in each language;
 * a Chinese cell is spaced from the words after it unless its reading's
 * full-width bracket ends it. */
static void test_a_share_reason_shows_the_cells_it_is_given(void **state)
{
	static const char *const plain[4] = {"\"500-\"", "\"-3\"", "\"120 %\"", "\"1,3\""};
	static const char *const read[4] = {"\"1.500,00\" (read as 1500)", "\"1.000,00\" (read as 1000)", "",
	                                    ""};
	static const char *const read_zh[4] = {"\"1.500,00\"（读作 1500）", "\"-1.000,00\"（读作 -1000）", "",
	                                       ""};
	char buf[480];

	(void)state;
	rs_msg_share(buf, sizeof buf, RS_LANG_EN, RS_SHARE_NEG_SALES, plain, "");
	assert_string_equal(buf, "our_sales \"500-\" is negative");
	rs_msg_share(buf, sizeof buf, RS_LANG_EN, RS_SHARE_NEG_SPEND, plain, "");
	assert_string_equal(buf, "customer_spend \"-3\" is negative");
	rs_msg_share(buf, sizeof buf, RS_LANG_EN, RS_SHARE_RANGE, plain, "");
	assert_string_equal(buf, "purchase_share \"120 %\" is outside 0-100");
	rs_msg_share(buf, sizeof buf, RS_LANG_EN, RS_SHARE_OVER_SPEND, read, " in column \"Einkauf\"");
	assert_string_equal(buf, "our_sales \"1.500,00\" (read as 1500) exceeds customer_spend "
	                         "\"1.000,00\" (read as 1000) in column \"Einkauf\"");
	rs_msg_share(buf, sizeof buf, RS_LANG_EN, RS_SHARE_NONE, plain, "");
	assert_string_equal(buf, "no share: purchase_share is empty and our_sales/customer_spend are "
	                         "not both given");

	rs_msg_share(buf, sizeof buf, RS_LANG_ZH, RS_SHARE_NEG_SALES, plain, "");
	assert_string_equal(buf, "我方销售额 our_sales \"500-\" 为负数，应为 0 或正数");
	rs_msg_share(buf, sizeof buf, RS_LANG_ZH, RS_SHARE_NEG_SPEND, read_zh, "");
	assert_string_equal(buf, "客户采购总额 customer_spend \"-1.000,00\"（读作 -1000）为负数，应为 0 或正数");
	rs_msg_share(buf, sizeof buf, RS_LANG_ZH, RS_SHARE_RANGE, plain, "");
	assert_string_equal(buf, "采购份额 purchase_share \"120 %\" 超出 0-100 的范围");
	rs_msg_share(buf, sizeof buf, RS_LANG_ZH, RS_SHARE_OVER_SPEND, read_zh, "（列 \"Einkauf\"）");
	assert_string_equal(buf, "我方销售额 our_sales \"1.500,00\"（读作 1500）超过客户采购总额 "
	                         "customer_spend \"-1.000,00\"（读作 -1000）（列 \"Einkauf\"）");
	rs_msg_share(buf, sizeof buf, RS_LANG_ZH, RS_SHARE_OVER_SPEND, plain, "");
	assert_string_equal(buf, "我方销售额 our_sales \"500-\" 超过客户采购总额 customer_spend \"-3\"");
	/* the past period's share, as its own column writes it */
	rs_msg_share(buf, sizeof buf, RS_LANG_EN, RS_SHARE_PREV_RANGE, plain, "");
	assert_string_equal(buf, "previous_share \"1,3\" is outside 0-100");
	rs_msg_share(buf, sizeof buf, RS_LANG_ZH, RS_SHARE_PREV_RANGE, plain, "");
	assert_string_equal(buf, "上期份额 previous_share \"1,3\" 超出 0-100 的范围");
	rs_msg_share(buf, 12, RS_LANG_EN, RS_SHARE_RANGE, plain, ""); /* cut, never past cap */
	assert_string_equal(buf, "purchase_sh");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_reason_has_both_languages_with_the_same_arguments),
	    cmocka_unit_test(test_a_value_reason_is_given_in_the_run_language),
	    cmocka_unit_test(test_chinese_reasons_fit_their_buffers),
	    cmocka_unit_test(test_an_error_is_worded_in_its_language),
	    cmocka_unit_test(test_a_share_reason_shows_the_cells_it_is_given),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
