/* test_summary.c - the run summary as text (en, zh) and as JSON: counts,
 * shares, movements, the transition matrix and the vanished accounts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "previous_impl.h"

#include "fixture_rules.h"

static size_t st(const char *id)
{
	long i = rs_rules_stage_index(rules, id);

	assert_true(i >= 0);
	return (size_t)i;
}

/* 10 read, 8 classified (1 development, 4 initial, 2 stable, 1 strategic). */
static rs_stats plain_stats(void)
{
	rs_stats s;

	memset(&s, 0, sizeof s);
	s.read = 10;
	s.classified = 8;
	s.rejected = 2;
	s.per_stage[st("development")] = 1;
	s.per_stage[st("initial")] = 4;
	s.per_stage[st("stable")] = 2;
	s.per_stage[st("strategic")] = 1;
	return s;
}

/* The previous run: P1..P(n) with the given stages; `seen` of them visited. */
static rs_previous *previous(size_t n, size_t seen)
{
	char text[8192], id[16];
	size_t len = 0, i;
	rs_previous *p = NULL;
	rs_read_opts ro;
	unsigned long first;
	const char *file;
	rs_error e;
	FILE *fp;

	len += (size_t)sprintf(text + len, "id,stage\n");
	for (i = 1; i <= n; i++)
		len += (size_t)sprintf(text + len, "P%zu,%s\n", i, i % 2 ? "stable" : "strategic");
	fp = fmemopen(text, len, "r");
	assert_non_null(fp);
	memset(&ro, 0, sizeof ro);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_previous_load(&p, fp, "prev.csv", &ro, rules, NULL, NULL, NULL, &e), RS_OK);
	fclose(fp);
	for (i = 1; i <= seen; i++) {
		sprintf(id, "P%zu", i);
		(void)rs_previous_visit(p, id, strlen(id), NULL, i + 1, &file, &first);
	}
	return p;
}

static void text(const rs_stats *s, const rs_previous *p, rs_lang lang, rs_buf *b)
{
	rs_buf_init(b);
	assert_true(rs_summary_text(s, rules, p, lang, b));
}

static void test_text_en_counts_and_shares(void **state)
{
	rs_stats s = plain_stats();
	rs_buf b;

	(void)state;
	text(&s, NULL, RS_LANG_EN, &b);
	assert_non_null(strstr(b.data, "  rows read                           10\n"));
	assert_non_null(strstr(b.data, "  classified                           8\n"));
	assert_non_null(strstr(b.data, "  rejected                             2\n"));
	assert_non_null(strstr(b.data, "  Initial cooperation                  4     50%\n"));
	assert_non_null(strstr(b.data, "  Strategic cooperation                1   12.5%\n"));
	assert_null(strstr(b.data, "previous")); /* no --previous, no movements */
	rs_buf_free(&b);
}

static void test_text_zh_labels_aligned_by_display_width(void **state)
{
	rs_stats s = plain_stats();
	rs_buf b;

	(void)state;
	text(&s, NULL, RS_LANG_ZH, &b);
	/* 读取行数 is 8 columns wide: 20 spaces pad it to 28, then 10 for the number */
	assert_non_null(strstr(b.data, "  读取行数                            10\n"));
	assert_non_null(strstr(b.data, "  初期合作阶段                         4     50%\n"));
	rs_buf_free(&b);
}

static void test_text_with_previous_has_movements_matrix_and_vanished(void **state)
{
	rs_stats s = plain_stats();
	rs_previous *p = previous(3, 1); /* P2 strategic and P3 stable vanished */
	rs_buf b;

	(void)state;
	s.with_previous = true;
	s.up = 1;
	s.down = 0;
	s.same = 0;
	s.added = 7;
	s.vanished = 2;
	s.transition[st("stable")][st("strategic")] = 1;
	s.vanished_per_stage[st("stable")] = 1;
	s.vanished_per_stage[st("strategic")] = 1;
	text(&s, p, RS_LANG_EN, &b);
	assert_non_null(strstr(b.data, "  up                                   1\n"));
	assert_non_null(strstr(b.data, "  new                                  7\n"));
	assert_non_null(strstr(b.data, "  vanished                             2\n"));
	assert_non_null(strstr(b.data, "  stable                     0             0             0             1             1\n"));
	assert_non_null(strstr(b.data, "  vanished accounts:\n    P2 (strategic)\n    P3 (stable)\n"));
	rs_buf_free(&b);
	rs_previous_free(p);
}

static void test_text_lists_at_most_20_vanished(void **state)
{
	rs_stats s = plain_stats();
	rs_previous *p = previous(25, 0);
	rs_buf b;

	(void)state;
	s.with_previous = true;
	s.vanished = 25;
	text(&s, p, RS_LANG_EN, &b);
	assert_non_null(strstr(b.data, "    P20 (strategic)\n    and 5 more\n"));
	assert_null(strstr(b.data, "P21"));
	rs_buf_free(&b);
	text(&s, p, RS_LANG_ZH, &b);
	assert_non_null(strstr(b.data, "另有 5 个"));
	rs_buf_free(&b);
	rs_previous_free(p);
}

static cJSON *json(const rs_stats *s, const rs_previous *p)
{
	rs_buf b;
	cJSON *j;

	rs_buf_init(&b);
	assert_true(rs_summary_json(s, rules, p, NULL, &b));
	assert_true(b.len > 2 && b.data[b.len - 1] == '\n');
	j = cJSON_Parse(b.data);
	assert_non_null(j);
	rs_buf_free(&b);
	return j;
}

static double num(const cJSON *o, const char *path1, const char *path2)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, path1);

	if (path2 != NULL)
		x = cJSON_GetObjectItemCaseSensitive(x, path2);
	assert_true(cJSON_IsNumber(x));
	return x->valuedouble;
}

static void test_json_numbers_add_up(void **state)
{
	rs_stats s = plain_stats();
	cJSON *j = json(&s, NULL), *stages;

	(void)state;
	assert_true(num(j, "rows_read", NULL) == 10);
	assert_true(num(j, "classified", NULL) == 8);
	assert_true(num(j, "rejected", NULL) == 2);
	stages = cJSON_GetObjectItemCaseSensitive(j, "stages");
	assert_true(num(stages, "initial", "count") == 4);
	assert_true(num(stages, "initial", "share_pct") == 50);
	assert_true(num(stages, "strategic", "share_pct") == 12.5);
	assert_null(cJSON_GetObjectItemCaseSensitive(j, "previous"));
	cJSON_Delete(j);
}

static void test_json_with_previous_lists_every_vanished(void **state)
{
	rs_stats s = plain_stats();
	rs_previous *p = previous(25, 3);
	cJSON *j, *prev, *list, *first;

	(void)state;
	s.with_previous = true;
	s.up = 2;
	s.same = 1;
	s.added = 5;
	s.vanished = 22;
	s.transition[st("stable")][st("strategic")] = 2;
	j = json(&s, p);
	prev = cJSON_GetObjectItemCaseSensitive(j, "previous");
	assert_true(num(prev, "up", NULL) == 2 && num(prev, "new", NULL) == 5);
	assert_true(num(prev, "vanished", NULL) == 22);
	assert_true(num(cJSON_GetObjectItemCaseSensitive(prev, "transitions"), "stable", "strategic") == 2);
	list = cJSON_GetObjectItemCaseSensitive(prev, "vanished_accounts");
	assert_int_equal(cJSON_GetArraySize(list), 22); /* all, not only 20 */
	first = cJSON_GetArrayItem(list, 0);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(first, "id")->valuestring, "P4");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(first, "stage")->valuestring, "strategic");
	cJSON_Delete(j);
	rs_previous_free(p);
}

static void test_json_escapes_ids(void **state)
{
	rs_stats s = plain_stats();
	const char text_in[] = "id,stage\n\"Q\"\"1\\\",stable\n";
	rs_previous *p = NULL;
	rs_read_opts ro;
	rs_error e;
	cJSON *j, *list;
	FILE *fp = fmemopen((void *)text_in, strlen(text_in), "r");

	(void)state;
	memset(&ro, 0, sizeof ro);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_previous_load(&p, fp, "p.csv", &ro, rules, NULL, NULL, NULL, &e), RS_OK);
	fclose(fp);
	s.with_previous = true;
	s.vanished = 1;
	j = json(&s, p);
	list = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(j, "previous"),
	                                        "vanished_accounts");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(list, 0), "id")->valuestring,
	                    "Q\"1\\");
	cJSON_Delete(j);
	rs_previous_free(p);
}

static void test_nothing_classified_gives_zero_shares(void **state)
{
	rs_stats s;
	cJSON *j;
	rs_buf b;

	(void)state;
	memset(&s, 0, sizeof s);
	s.read = s.rejected = 3;
	j = json(&s, NULL);
	assert_true(num(cJSON_GetObjectItemCaseSensitive(j, "stages"), "stable", "share_pct") == 0);
	cJSON_Delete(j);
	text(&s, NULL, RS_LANG_EN, &b);
	assert_non_null(strstr(b.data, "  Stable cooperation                   0      0%\n"));
	rs_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_en_counts_and_shares),
		cmocka_unit_test(test_text_zh_labels_aligned_by_display_width),
		cmocka_unit_test(test_text_with_previous_has_movements_matrix_and_vanished),
		cmocka_unit_test(test_text_lists_at_most_20_vanished),
		cmocka_unit_test(test_json_numbers_add_up),
		cmocka_unit_test(test_json_with_previous_lists_every_vanished),
		cmocka_unit_test(test_json_escapes_ids),
		cmocka_unit_test(test_nothing_classified_gives_zero_shares),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
