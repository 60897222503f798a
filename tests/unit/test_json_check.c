/*
 * test_json_check.c - what json_check.c tells the JSON readers: strings that
 * would lose a NUL, the cJSON-mirroring validator (where a syntax error is,
 * how deep), the failure diagnosis, row checks and the text of numbers.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_check.h"
#include "../json_flat_diff.h"

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

/* ---------------------------------------------------- rs_json_flat */

/*
 * The fast path's promise, checked against cJSON itself: when rs_json_flat
 * takes s[0..n), cJSON parses the same text to an object with the same
 * members in the same order (key bytes, type, string bytes, the very same
 * double) and rs_json_not_row finds nothing against it. Returns whether it
 * was taken.
 */
static bool flat_agrees_with_cjson(const char *s, size_t n)
{
	bool taken;
	const char *diff;

	assert_int_equal(s[n], '\0');
	diff = json_flat_diff(s, n, &taken);
	if (diff != NULL)
		fail_msg("%s", diff);
	return taken;
}

static bool flat(const char *s)
{
	return flat_agrees_with_cjson(s, strlen(s));
}

static void test_flat_takes_simple_objects_as_cjson_reads_them(void **state)
{
	(void)state;
	assert_true(flat("{\"a\":\"x\",\"b\":-12.50,\"c\":true,\"d\":false,\"e\":null}"));
	assert_true(flat(" \t{ \"a\" : 0 , \"\xe4\xb8\xad\" :\"\xe6\x96\x87\" }\r "));
	assert_true(flat("{\"a\":-0,\"b\":007,\"c\":123456789012345,\"d\":0.00000000000001}"));
	assert_true(flat("{\"\":\"\",\"a\":\"tab\there\"}")); /* cJSON keeps raw controls */
	assert_true(flat("{\"a\":0.1,\"b\":1.7976931348623,\"c\":99.95}"));
	{
		static const char *const nums[][2] = {
			{"-0", "-0"}, {"-0.000", "-0"}, {"12.50", "12.5"}, {"007", "7"},
			{"100", "100"}, {"0.0000001", "1e-07"}, {"123456789012345", "123456789012345"},
			{"0.100000", "0.1"}, {"-99.999999", "-99.999999"}};
		for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
			char t[64], out[RS_JSON_NUM_SLOT];
			rs_json_member m[1];
			(void)sprintf(t, "{\"n\":%s}", nums[i][0]);
			assert_int_equal(rs_json_flat(t, strlen(t), m, 1), 1);
			assert_int_equal(rs_json_flat_num_text(m, out), strlen(nums[i][1]));
			assert_string_equal(out, nums[i][1]);
		}
	}
	assert_true(flat("{\"a\":\"Initech \\\"T\\\" \\\\ \\/\\b\\f\\n\\r\\t\\\\u0000\"}"));
}

static void test_flat_leaves_everything_else_to_cjson(void **state)
{
	static const char *const no[] = {
		"{}", "[]", "\"s\"", "1", "", " ", "\xef\xbb\xbf{\"a\":1}",
		"{\"a\":1}x", "{\"a\":1} {", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1",
		"{\"a\\\"y\":1}", "{\"a\\u0041\":1}", "{\"a\":\"\\u0000\"}",
		"{\"a\":\"\\u4e2d\"}", "{\"a\":\"\\x\"}", "{\"a\":\"x\\\"}", "{\"a\":\"\\",
		"{\"a\":[1]}", "{\"a\":{}}", "{\"a\":1e2}", "{\"a\":1E2}", "{\"a\":1.}",
		"{\"a\":.5}", "{\"a\":+1}", "{\"a\":-}", "{\"a\":--1}", "{\"a\":1.2.3}",
		"{\"a\":1-2}", "{\"a\":0x10}", "{\"a\":1234567890123456}",
		"{\"a\":1.234567890123456}", "{\"a\":1e400}", "{\"a\":tru}", "{\"a\":nulls}",
		"{\"a\":True}", "{\"a\":nan}", "{\"a\":\"x}", "{\"a\":1}\"", "{\"a\":1,\"b\"}",
	};

	(void)state;
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (flat(no[i]))
			fail_msg("flat took [%s]", no[i]);
	/* a NUL anywhere (the line is a reject), with the length past it */
	assert_false(flat_agrees_with_cjson("{\"a\":1}\0", 8));
	assert_false(flat_agrees_with_cjson("{\"a\":\"x\0y\"}", 11));
	assert_false(flat_agrees_with_cjson("{\"a\":1,\0\"b\":2}", 14));
	{
		rs_json_member m[2];
		assert_int_equal(rs_json_flat("{\"a\":1,\"b\":2,\"c\":3}", 19, m, 2),
		                 RS_JSON_NOT_FLAT); /* more members than room */
	}
}

static unsigned long long rng = 88172645463325252ULL;

static unsigned rnd(unsigned k)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % k);
}

/* A random number text: plain decimals mostly, sometimes odd forms. */
static void rand_number(char *out)
{
	static const char *const odd[] = {"1e5", "-", "1.", ".5", "0x1", "1e-400", "--2",
	                                  "1.5.5", "+3", "-0", "-0.0", "00", "9007199254740993"};
	int len = 1 + (int)rnd(18), dot = (int)rnd(20), k = 0;

	if (rnd(8) == 0) {
		strcpy(out, odd[rnd(sizeof odd / sizeof *odd)]);
		return;
	}
	if (rnd(3) == 0)
		out[k++] = '-';
	for (int i = 0; i < len; i++) {
		if (i == dot && i > 0)
			out[k++] = '.';
		out[k++] = (char)('0' + rnd(10));
	}
	out[k] = '\0';
}

/* A random line: objects like the generator's, with random damage. */
static size_t rand_line(char *t)
{
	static const char *const ws[] = {"", "", "", " ", "\t", "\r", "\x01", "  \n"};
	static const char *const keys[] = {"a", "id", "\xe5\xae\xa2", "k\\u0041", "q\\\"", "", "x y"};
	static const char *const vals[] = {"\"v\"", "\"\"", "true", "false", "null", "[]",
	                                   "{}", "\"a\\nb\"", "\"\xe4\xb8\xad\"", "tru", "\"\\u0000\"",
	                                   "\"I \\\"T\\\" \\\\\"", "\"\\t\\/\\b\\f\\r\\\\u0041\""};
	size_t n = 0, members = rnd(6);
	char num[64];

	n += (size_t)sprintf(t + n, "%s{%s", ws[rnd(8)], ws[rnd(8)]);
	for (size_t i = 0; i < members; i++) {
		n += (size_t)sprintf(t + n, "%s\"%s%zu\"%s:%s", i ? "," : "",
		                     keys[rnd(7)], i, ws[rnd(8)], ws[rnd(8)]);
		if (rnd(2) == 0) {
			rand_number(num);
			n += (size_t)sprintf(t + n, "%s", num);
		} else {
			n += (size_t)sprintf(t + n, "%s", vals[rnd(13)]);
		}
		n += (size_t)sprintf(t + n, "%s", ws[rnd(8)]);
	}
	n += (size_t)sprintf(t + n, "}%s", ws[rnd(8)]);
	if (rnd(4) == 0 && n > 0) { /* damage: drop, change or add one byte */
		size_t at = rnd((unsigned)n);
		static const char bytes[] = "{}[]\":,.-+e0 \\\0x";
		char b = bytes[rnd(sizeof bytes - 1)];
		switch (rnd(3)) {
		case 0: memmove(t + at, t + at + 1, n - at); n--; break;
		case 1: t[at] = b; break;
		default: memmove(t + at + 1, t + at, n - at + 1); t[at] = b; n++;
		}
	}
	t[n] = '\0';
	return n;
}

/* 200,000 random lines, damaged or not: whatever flat takes, cJSON agrees. */
static void test_flat_agrees_with_cjson_on_random_lines(void **state)
{
	char t[1024];
	unsigned long taken = 0, total = 200000;

	(void)state;
	for (unsigned long i = 0; i < total; i++)
		taken += flat_agrees_with_cjson(t, rand_line(t));
	assert_true(taken > total / 20); /* the test exercises both sides */
	assert_true(taken < total);
}

/*
 * Every plain decimal flat takes is the double strtod gives, and its text
 * from the digits is rs_json_num_text's.
 */
static void test_flat_numbers_are_strtods_doubles(void **state)
{
	char t[128], num[64];
	rs_json_member m[1];
	unsigned long taken = 0;

	(void)state;
	for (int i = 0; i < 300000; i++) {
		rand_number(num);
		(void)sprintf(t, "{\"n\":%s}", num);
		if (rs_json_flat(t, strlen(t), m, 1) == RS_JSON_NOT_FLAT)
			continue;
		taken++;
		double want = strtod(num, NULL);
		if (memcmp(&want, &m[0].num, sizeof want) != 0)
			fail_msg("%s: strtod %.17g, flat %.17g", num, want, m[0].num);
		char a[RS_JSON_NUM_SLOT], b[RS_JSON_NUM_SLOT];
		size_t na = rs_json_num_text(want, a), nb = rs_json_flat_num_text(&m[0], b);
		if (na != nb || strcmp(a, b) != 0)
			fail_msg("%s: num_text %s, from the digits %s", num, a, b);
	}
	assert_true(taken > 100000);
}

/*
 * Strings are scanned 16 bytes at a time while the bytes lie inside the
 * line: a quote, backslash or NUL at every place around those blocks (and
 * the line's end) is found, with keys and values of every length 0..40.
 */
static void test_flat_finds_string_ends_across_16_byte_blocks(void **state)
{
	static const char *const stops[] = {"", "\\\"", "\\n", "\\\\", "\\u0041", "\"x"};
	char t[256];

	(void)state;
	for (size_t klen = 0; klen <= 40; klen += 3)
		for (size_t vlen = 0; vlen <= 40; vlen++)
			for (size_t st = 0; st < sizeof stops / sizeof *stops; st++) {
				size_t at = vlen / 2, n = 0;
				bool taken;

				n += (size_t)sprintf(t + n, "{\"");
				for (size_t k = 0; k < klen; k++)
					t[n++] = (char)('a' + k % 26);
				n += (size_t)sprintf(t + n, "\":\"");
				for (size_t k = 0; k < vlen; k++) {
					if (k == at)
						n += (size_t)sprintf(t + n, "%s", stops[st]);
					t[n++] = (char)('A' + k % 26);
				}
				n += (size_t)sprintf(t + n, "\"}");
				t[n] = '\0';
				taken = flat_agrees_with_cjson(t, n);
				/* \u and a stray quote are cJSON's; the rest flat's */
				if (taken != (st < 4 || vlen == 0))
					fail_msg("[%s]: taken %d", t, taken);
				if (vlen > 0) { /* a NUL in the value: never taken */
					size_t v = klen + 6 + at;
					char c = t[v];
					t[v] = '\0';
					assert_false(flat_agrees_with_cjson(t, n));
					t[v] = c;
				}
			}
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
		cmocka_unit_test(test_flat_takes_simple_objects_as_cjson_reads_them),
		cmocka_unit_test(test_flat_leaves_everything_else_to_cjson),
		cmocka_unit_test(test_flat_agrees_with_cjson_on_random_lines),
		cmocka_unit_test(test_flat_numbers_are_strtods_doubles),
		cmocka_unit_test(test_flat_finds_string_ends_across_16_byte_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
