/*
 * test_json_check.c - what json_check.c tells the JSON readers: strings that
 * would lose a NUL, the cJSON-mirroring validator (where a syntax error is,
 * how deep), the failure diagnosis, row checks and the text of numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_check.h"

static void test_raw_nul_and_u0000_lose_text_but_escaped_backslash_does_not(void **state)
{
	(void)state;
	assert_true(rs_json_loses_nul("\"a\0b\"", 5));
	assert_true(rs_json_loses_nul("\"a\\u0000\"", 9));
	assert_true(rs_json_loses_nul("\"\\u00zz\"", 8)); /* cJSON reads it as U+0000 */
	assert_false(rs_json_loses_nul("\"a\\\\u0000\"", 10));
	assert_false(rs_json_loses_nul("\"\\u4e2d\"", 8));
}

static void test_validator_accepts_what_cjson_accepts(void **state)
{
	static const char *const ok[] = {
		"{}", "[]", "{\"a\":[1,-2.5e3,true,false,null,\"x\\n\\u4e2d\"]}",
		"\xEF\xBB\xBF{\"a\":1}", "{\"s\":\"\\ud83d\\ude00\"}", " [ 1 , 2 ] ",
	};
	size_t pos, depth;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_int_equal(rs_json_check(ok[i], strlen(ok[i]), &pos, &depth), RS_JV_OK);
}

static void test_validator_points_at_the_first_bad_byte(void **state)
{
	size_t pos, depth;
	const char *s = "{\"a\":1,\"b\":NaN}";

	(void)state;
	assert_int_equal(rs_json_check(s, strlen(s), &pos, &depth), RS_JV_SYNTAX);
	assert_int_equal(pos, 11);
	s = "{\"a\":\"\\udc00\"}"; /* a lone low surrogate: cJSON fails it */
	assert_int_equal(rs_json_check(s, strlen(s), &pos, &depth), RS_JV_SYNTAX);
	s = "{\"a\" 1}";
	assert_int_equal(rs_json_check(s, strlen(s), &pos, &depth), RS_JV_SYNTAX);
	assert_int_equal(pos, 5);
}

static void test_diagnose_valid_shallow_text_means_cjson_ran_out_of_memory(void **state)
{
	char why[128];
	rs_jv_result r;
	size_t pos;

	(void)state;
	assert_false(rs_json_diagnose("{\"a\":1}", 7, 1, "", why, sizeof why, &r, &pos));
	assert_true(rs_json_diagnose("{\"a\":}", 6, 3, "p: ", why, sizeof why, &r, &pos));
	assert_string_equal(why, "p: invalid JSON at column 6");
}

static void test_diagnose_names_nesting_deeper_than_cjson(void **state)
{
	size_t n = 2 * (RS_CJSON_DEPTH + 1), pos;
	char *s = malloc(n + 1), why[128];
	rs_jv_result r;

	(void)state;
	assert_non_null(s);
	memset(s, '[', n / 2);
	memset(s + n / 2, ']', n / 2);
	s[n] = '\0';
	assert_true(rs_json_diagnose(s, n, 1, "", why, sizeof why, &r, &pos));
	assert_int_equal(r, RS_JV_OK);
	assert_string_equal(why, "nested deeper than 1000 levels");
	free(s);
}

static void test_parse_line_rejects_non_objects_and_trailing_text(void **state)
{
	char why_buf[128];
	const char *why;
	cJSON *v;

	(void)state;
	v = rs_json_parse_line("[1]", 3, 1, why_buf, sizeof why_buf, &why);
	assert_null(v);
	assert_string_equal(why, "not a JSON object: found an array");
	v = rs_json_parse_line("{\"a\":1} x", 9, 1, why_buf, sizeof why_buf, &why);
	assert_null(v);
	assert_string_equal(why, "not a JSON object: text after the object at column 9");
	v = rs_json_parse_line("{\"a\":1}  ", 9, 1, why_buf, sizeof why_buf, &why);
	assert_non_null(v);
	assert_null(why);
	cJSON_Delete(v);
}

static void test_number_text_is_shortest_round_trip_with_a_point(void **state)
{
	static const struct {
		double v;
		const char *text;
	} cases[] = {
		{0, "0"}, {-0.0, "-0"}, {49.9, "49.9"}, {1200000, "1200000"},
		{0.05, "0.05"}, {0.1 + 0.2, "0.30000000000000004"}, {1e300, "1e+300"},
		{-12.5, "-12.5"},
	};
	char out[RS_JSON_NUM_SLOT];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = rs_json_num_text(cases[i].v, out);
		assert_string_equal(out, cases[i].text);
		assert_int_equal(n, strlen(cases[i].text));
	}
}

static void test_why_key_cuts_long_keys_at_a_character_boundary(void **state)
{
	char key[200], why[300];

	(void)state;
	memset(key, 'a', 119);
	memcpy(key + 119, "\xE4\xB8\xAD", 3); /* 中 straddles byte 120 */
	key[122] = '\0';
	rs_json_why_key(why, sizeof why, "key ", key, "!");
	assert_int_equal(strlen(why), 4 + 1 + 119 + 1 + 1);
}

static void test_line_counter_moves_forward(void **state)
{
	const char *p = "a\nb\n\nc";
	rs_json_lines lc = {p, 0, 1};
	unsigned long l, c;

	(void)state;
	assert_int_equal(rs_json_line_at(&lc, 2), 2);
	assert_int_equal(rs_json_line_at(&lc, 5), 4);
	rs_json_line_col("x\n\xE4\xB8\xADy", 5, 7, &l, &c);
	assert_int_equal(l, 8);
	assert_int_equal(c, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raw_nul_and_u0000_lose_text_but_escaped_backslash_does_not),
		cmocka_unit_test(test_validator_accepts_what_cjson_accepts),
		cmocka_unit_test(test_validator_points_at_the_first_bad_byte),
		cmocka_unit_test(test_diagnose_valid_shallow_text_means_cjson_ran_out_of_memory),
		cmocka_unit_test(test_diagnose_names_nesting_deeper_than_cjson),
		cmocka_unit_test(test_parse_line_rejects_non_objects_and_trailing_text),
		cmocka_unit_test(test_number_text_is_shortest_round_trip_with_a_point),
		cmocka_unit_test(test_why_key_cuts_long_keys_at_a_character_boundary),
		cmocka_unit_test(test_line_counter_moves_forward),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
