/*
 * test_fields_list.c - fields_list.c, the list `relstage fields` prints:
 * every field has a meaning in each language, the Chinese list keeps the
 * names and words as written and its columns where the English has them,
 * and a buffer that cannot grow is out of memory, not a short list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "internals.h"
#include "msg.h"

static void test_every_field_has_a_meaning_in_each_language(void **state)
{
	int f;

	(void)state;
	for (f = 0; f < RS_F_COUNT; f++) {
		const char *en = rs_field_meaning(f, RS_LANG_EN), *zh = rs_field_meaning(f, RS_LANG_ZH);
		assert_non_null(en);
		assert_non_null(zh);
		assert_string_not_equal(en, zh); /* translated, not copied */
		assert_true(strlen(zh) > strlen(rs_msg(RS_LANG_ZH, RS_M_F_TEXT)));
	}
	assert_null(rs_field_meaning(RS_F_COUNT, RS_LANG_ZH)); /* scores are not fields */
}

static char *list(rs_lang g)
{
	rs_buf b;
	rs_error err = {0};

	rs_buf_init(&b);
	assert_int_equal(rs_fields_list(g, &b, &err), RS_OK);
	return b.data; /* owned: free */
}

/* Whether a line of the list starts with s. */
static bool has_line(const char *text, const char *s)
{
	const char *p;

	for (p = strstr(text, s); p != NULL; p = strstr(p + 1, s))
		if (p == text || p[-1] == '\n')
			return true;
	return false;
}

static void test_chinese_list_keeps_names_words_and_columns(void **state)
{
	char *en = list(RS_LANG_EN), *zh = list(RS_LANG_ZH);

	(void)state;
	/* the meaning and the Chinese kind start where the English ones do: after 29 columns,
	 * 文本 and 是/否 padded by their width (4 and 5), not their bytes */
	assert_true(has_line(zh, "id                   文本    客户编号（必填）\n"
	                           "                             内置列名：account_id customer_id 客户编号 "));
	assert_true(has_line(zh, "key_person           是/否   关键人："));
	assert_true(has_line(zh, "executive            层级    4 executive exec owner "));
	assert_true(has_line(zh, "exclusive            选项    exclusive exclusivity "));
	/* the words as written, the connectives Chinese */
	assert_true(has_line(zh, "                             识别词：(customer|customers|account|"));
	assert_non_null(strstr(en, ") + (id|#|no|nr|number|num|code|"));
	assert_non_null(strstr(zh, ") 与 (id|#|no|nr|number|num|code|"));
	assert_non_null(strstr(zh, "，但不含 (owner|rep|representative|"));
	assert_null(strstr(zh, "aliases:"));
	assert_null(strstr(zh, "words:"));
	assert_null(strstr(zh, ", not ("));
	assert_null(strstr(zh, "nothing above gives it"));
	assert_null(strstr(zh, "Values"));
	assert_null(strstr(zh, "Cooperation options"));
	free(en);
	free(zh);
}

static int fail_all;
static void *failing_malloc(size_t n) { return fail_all ? NULL : malloc(n); }
static void *failing_realloc(void *p, size_t n) { return fail_all ? NULL : realloc(p, n); }

static void test_list_without_memory_is_out_of_memory(void **state)
{
	rs_alloc_hooks h = {failing_malloc, failing_realloc, free};
	rs_error err = {0};
	rs_buf b;

	(void)state;
	rs_set_alloc_hooks(&h);
	rs_buf_init(&b);
	fail_all = 1;
	assert_int_equal(rs_fields_list(RS_LANG_ZH, &b, &err), RS_ENOMEM);
	fail_all = 0;
	rs_buf_free(&b);
	rs_set_alloc_hooks(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field_has_a_meaning_in_each_language),
		cmocka_unit_test(test_chinese_list_keeps_names_words_and_columns),
		cmocka_unit_test(test_list_without_memory_is_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
