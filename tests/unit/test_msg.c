/* test_msg.c - each reject reason in both languages, with the same arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"

/* The printf arguments a format takes, one letter each ('*' an int width or
 * precision): "%.*s %zu" gives "*s" "zu"... as "*szu". */
static void args_of(const char *f, char *out, size_t cap)
{
	size_t n = 0;

	for (; (f = strchr(f, '%')) != NULL; f++) {
		if (*++f == '%')
			continue;
		for (; *f != '\0' && strchr("diouxXeEfgGcspzl", *f) == NULL; f++)
			if (*f == '*' && n + 1 < cap)
				out[n++] = '*';
		for (; *f == 'z' || *f == 'l'; f++)
			if (n + 1 < cap)
				out[n++] = *f;
		if (*f == '\0')
			break; /* a lone % at the end: no conversion, and no reading past it */
		if (n + 1 < cap)
			out[n++] = *f;
	}
	out[n] = '\0';
}

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
	assert_true(snprintf(buf, sizeof buf, rs_msg(RS_LANG_ZH, RS_M_ROW_FIELDS), (size_t)99999,
	                     (size_t)99999) < 128);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_reason_has_both_languages_with_the_same_arguments),
	    cmocka_unit_test(test_a_value_reason_is_given_in_the_run_language),
	    cmocka_unit_test(test_chinese_reasons_fit_their_buffers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
