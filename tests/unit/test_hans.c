/*
 * test_hans.c - traditional Chinese read as simplified (hans.c): the table is
 * sorted (the look-up is a binary search) and every entry is found; words
 * relstage knows match in either script, in headers and in cells; and every
 * word in relstage's lists is simplified already, or it could never match.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "../../src/hans.c"

static void test_table_sorted_and_found(void **state)
{
	size_t i;

	(void)state;
	assert_true(NPAIRS > 100);
	for (i = 0; i < NPAIRS; i++) {
		assert_int_equal(strlen(pairs[i][0]), 3);
		assert_int_equal(strlen(pairs[i][1]), 3);
		if (i > 0 && memcmp(pairs[i - 1][0], pairs[i][0], 3) >= 0)
			fail_msg("pairs %zu and %zu are out of order", i - 1, i);
		assert_string_equal(rs_hans_simplified(pairs[i][0]), pairs[i][1]);
		/* a simplified form is never folded again */
		assert_null(rs_hans_simplified(pairs[i][1]));
	}
	assert_null(rs_hans_simplified("是"));
	assert_null(rs_hans_simplified("一"));  /* before the first entry */
	assert_null(rs_hans_simplified("\xEF\xBF\xBF")); /* after the last */
}

static const char *norm(const char *s, char *buf, size_t cap)
{
	(void)rs_field_norm(s, strlen(s), 0, buf, cap);
	return buf;
}

static void test_headers(void **state)
{
	char a[128], b[128];

	(void)state;
	assert_string_equal(norm("客戶編號", a, sizeof a), norm("客户编号", b, sizeof b));
	assert_string_equal(norm("採購佔比（%）", a, sizeof a), "采购占比");
	assert_string_equal(norm("最高接觸層級", a, sizeof a), "最高接触层级");
	/* Latin text and simplified text are untouched */
	assert_string_equal(norm("Account ID", a, sizeof a), "account_id");
	assert_string_equal(norm("合作年限", a, sizeof a), "合作年限");
	/* the word rules see the simplified form */
	assert_true(rs_field_word_rule(RS_F_ID, norm("客戶代號", a, sizeof a), false) >= 0);
	assert_true(rs_field_word_rule(RS_F_CONTACTS, norm("聯絡人數", a, sizeof a), false) >= 0);
	assert_true(rs_field_word_rule(RS_F_JOINT_PROJECTS, norm("共同開發專案數", a, sizeof a), false) >= 0);
	assert_true(rs_field_word_rule(RS_F_INFO_SHARING, norm("資訊共享", a, sizeof a), false) >= 0);
}

static int level(const char *s)
{
	int lv = 0;

	return rs_parse_level(s, strlen(s), &lv) == RS_PARSE_OK ? lv : -1;
}

static int yesno(const char *s)
{
	bool b = false;

	return rs_parse_bool(s, strlen(s), &b) == RS_PARSE_OK ? (int)b : -1;
}

static void test_cells(void **state)
{
	(void)state;
	assert_int_equal(level("總經理"), 4);
	assert_int_equal(level("董事長"), 4);
	assert_int_equal(level("採購經理"), 2);
	assert_int_equal(level("部長"), 3);
	assert_int_equal(level("社長"), 4); /* Japanese kanji fold the same way */
	assert_int_equal(level("課長"), 2);
	assert_int_equal(level("業務員"), 1);
	assert_int_equal(level("原總經理"), -1); /* a former title stays refused */
	assert_int_equal(level("總經理（已離職）"), -1);
	assert_int_equal(yesno("無"), 0);
	assert_int_equal(yesno("沒有"), 0);
	assert_int_equal(yesno("已簽訂"), 1);
	assert_int_equal(yesno("已經簽署"), 1);
	assert_int_equal(yesno("已過期"), -1);
	assert_int_equal(yesno("已終止"), -1);
}

/* Every word of the yes/no and level table, and of the header word rules,
 * reads the same after folding. */
static void test_lists_are_simplified(void **state)
{
	char buf[8192];
	const char *w;
	rs_kind kind;
	size_t i, len;
	int v, f;

	(void)state;
	for (i = 0; (w = rs_value_word(i, &kind, &v)) != NULL; i++) {
		if ((kind == RS_KIND_BOOL   ? yesno(w)
		     : kind == RS_KIND_TEXT ? rs_value_option(w, strlen(w))
		                            : level(w)) != v)
			fail_msg("\"%s\" does not read as %d: is it simplified?", w, v);
	}
	for (f = 0; f < RS_F_COUNT; f++) {
		(void)rs_field_words(f, RS_LANG_EN, buf, sizeof buf);
		for (i = 0; buf[i] != '\0'; i += len) {
			unsigned char c = (unsigned char)buf[i];
			len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if (len == 3 && rs_hans_simplified(buf + i) != NULL)
				fail_msg("field %d's words hold a traditional character at %s", f, buf + i);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_sorted_and_found),
	    cmocka_unit_test(test_headers),
	    cmocka_unit_test(test_cells),
	    cmocka_unit_test(test_lists_are_simplified),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
