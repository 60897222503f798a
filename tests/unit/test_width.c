/* test_width.c - display width of UTF-8 text (rs_display_width). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static size_t dw(const char *s)
{
	return rs_display_width(s, strlen(s));
}

static void test_ascii_is_one_column_each(void **state)
{
	(void)state;
	assert_int_equal(dw(""), 0);
	assert_int_equal(dw("ACME Ltd."), 9);
}

static void test_cjk_ideographs_and_kana_are_two_columns(void **state)
{
	(void)state;
	assert_int_equal(dw("华为技术"), 8);
	assert_int_equal(dw("カタカナ"), 8);
	assert_int_equal(dw("한국"), 4);
	assert_int_equal(dw("A中B"), 4);
	assert_int_equal(dw("\xF0\xA0\x80\x80"), 2); /* U+20000, CJK extension B */
}

static void test_fullwidth_forms_are_two_and_halfwidth_one(void **state)
{
	(void)state;
	assert_int_equal(dw("ＡＢ１"), 6);
	assert_int_equal(dw("（）"), 4);
	assert_int_equal(dw("ｱｲ"), 2); /* halfwidth katakana */
	assert_int_equal(dw("…"), 1);
}

static void test_combining_marks_and_zero_width_are_zero(void **state)
{
	(void)state;
	assert_int_equal(dw("e\xCC\x81"), 1);              /* e + U+0301 */
	assert_int_equal(dw("\xE2\x80\x8B"), 0);          /* U+200B zero width space */
	assert_int_equal(dw("a\xE2\x80\x8D" "b"), 2);     /* ZWJ */
	assert_int_equal(dw("\xEF\xB8\x8F"), 0);          /* VS16 */
	assert_int_equal(dw("\xE0\xA4\x95\xE0\xA5\x8D"), 1); /* Devanagari ka + virama */
}

static void test_controls_are_zero_and_emoji_two(void **state)
{
	(void)state;
	assert_int_equal(dw("a\tb\n"), 2);
	assert_int_equal(dw("\xF0\x9F\x98\x80"), 2); /* U+1F600 */
}

static void test_invalid_bytes_count_one_each_and_stop_at_n(void **state)
{
	(void)state;
	assert_int_equal(rs_display_width("\xFF\xE4\xB8", 3), 3);
	assert_int_equal(rs_display_width("中文", 3), 2);
}

/* A cut keeps what fits in whole characters: never a lead byte without its
 * continuation bytes ("a中b" is a, 3 bytes of 中, b). */
static void test_utf8_cut_keeps_whole_characters(void **state)
{
	static const char s[] = "a\xE4\xB8\xAD" "b";
	static const size_t want[] = {0, 1, 1, 1, 4, 5, 5};
	size_t max;

	(void)state;
	for (max = 0; max < sizeof want / sizeof want[0]; max++)
		assert_int_equal(rs_utf8_cut(s, 5, max), want[max]);
	assert_int_equal(rs_utf8_cut(s + 1, 3, 2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_is_one_column_each),
		cmocka_unit_test(test_cjk_ideographs_and_kana_are_two_columns),
		cmocka_unit_test(test_fullwidth_forms_are_two_and_halfwidth_one),
		cmocka_unit_test(test_combining_marks_and_zero_width_are_zero),
		cmocka_unit_test(test_controls_are_zero_and_emoji_two),
		cmocka_unit_test(test_invalid_bytes_count_one_each_and_stop_at_n),
		cmocka_unit_test(test_utf8_cut_keeps_whole_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
