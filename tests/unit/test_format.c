/*
 * test_format.c - format.c: the names of formats and languages the command
 * line takes (--from, --to, --lang, --headers), the format a file's name
 * says (-o, inputs, --rejects), and the appended columns' names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "internal.h"

static void test_every_format_name_parses_in_any_case(void **state)
{
	static const struct {
		const char *name;
		rs_format f;
	} names[] = {
		{"auto", RS_FMT_AUTO}, {"csv", RS_FMT_CSV},     {"tsv", RS_FMT_TSV},
		{"json", RS_FMT_JSON}, {"jsonl", RS_FMT_JSONL}, {"table", RS_FMT_TABLE},
		{"xlsx", RS_FMT_XLSX}, {"ndjson", RS_FMT_JSONL}, {"CSV", RS_FMT_CSV},
		{"Json", RS_FMT_JSON}, {"JSONL", RS_FMT_JSONL}, {"NdJson", RS_FMT_JSONL},
		{"XLSX", RS_FMT_XLSX}, {"Table", RS_FMT_TABLE},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		rs_format f = (rs_format)99;

		if (!rs_format_parse(names[i].name, &f))
			fail_msg("\"%s\" is not a format", names[i].name);
		assert_int_equal(f, names[i].f);
	}
}

static void test_unknown_format_names_are_refused_and_leave_the_result(void **state)
{
	static const char *const bad[] = {"", "xls", "xlsm", "txt", "csv ", " csv", "jso", "jsonls",
	                                  "ndjso", "excel", "tab"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rs_format f = RS_FMT_TSV;

		if (rs_format_parse(bad[i], &f))
			fail_msg("\"%s\" was taken as a format", bad[i]);
		assert_int_equal(f, RS_FMT_TSV);
	}
}

static void test_every_extension_names_its_format_in_any_case(void **state)
{
	static const struct {
		const char *path;
		rs_format f;
	} paths[] = {
		{"a.csv", RS_FMT_CSV},       {"a.CSV", RS_FMT_CSV},       {"a.txt", RS_FMT_CSV},
		{"a.Txt", RS_FMT_CSV},       {"a.tsv", RS_FMT_TSV},       {"a.TSV", RS_FMT_TSV},
		{"a.tab", RS_FMT_TSV},       {"a.TAB", RS_FMT_TSV},       {"a.json", RS_FMT_JSON},
		{"a.JSON", RS_FMT_JSON},     {"a.jsonl", RS_FMT_JSONL},   {"a.JsonL", RS_FMT_JSONL},
		{"a.ndjson", RS_FMT_JSONL},  {"a.NDJSON", RS_FMT_JSONL},  {"a.xlsx", RS_FMT_XLSX},
		{"a.XLSX", RS_FMT_XLSX},     {"a.xlsm", RS_FMT_XLSX},     {"a.XLSM", RS_FMT_XLSX},
		{"dir/sub/out.csv", RS_FMT_CSV}, {"/tmp/x.y.json", RS_FMT_JSON},
		{"客户.xlsx", RS_FMT_XLSX},  {".csv", RS_FMT_CSV},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (rs_format_of_path(paths[i].path) != paths[i].f)
			fail_msg("%s: %d, not %d", paths[i].path, (int)rs_format_of_path(paths[i].path),
			         (int)paths[i].f);
}

/* Only the last dot of the file's own name counts, and only a whole known
 * extension: the format is then sniffed from the content. */
static void test_other_names_say_no_format(void **state)
{
	static const char *const none[] = {
		"a", "a.", "a.xls", "a.csv.bak", "a.csv~", "a.jsn", "a.csvx", "a.json.gz", "a.tsvx",
		"v1.2/out", "dir.csv/out", "./out", "-", "", "a.c sv",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof none / sizeof none[0]; i++)
		if (rs_format_of_path(none[i]) != RS_FMT_AUTO)
			fail_msg("\"%s\" said format %d", none[i], (int)rs_format_of_path(none[i]));
	assert_int_equal(rs_format_of_path(NULL), RS_FMT_AUTO);
}

static void test_format_names_round_trip_and_out_of_range_is_a_question_mark(void **state)
{
	rs_format f, back;

	(void)state;
	for (f = RS_FMT_AUTO; f <= RS_FMT_XLSX; f = (rs_format)(f + 1)) {
		assert_true(rs_format_parse(rs_format_name(f), &back));
		assert_int_equal(back, f);
	}
	assert_string_equal(rs_format_name(RS_FMT_JSONL), "jsonl");
	assert_string_equal(rs_format_name(RS_FMT_TABLE), "table");
	assert_string_equal(rs_format_name((rs_format)(RS_FMT_XLSX + 1)), "?");
	assert_string_equal(rs_format_name((rs_format)-1), "?");
}

static void test_language_by_code_or_locale_name(void **state)
{
	static const struct {
		const char *name;
		rs_lang l;
	} ok[] = {
		{"en", RS_LANG_EN},          {"zh", RS_LANG_ZH},     {"EN", RS_LANG_EN},
		{"Zh", RS_LANG_ZH},          {"zh_CN.UTF-8", RS_LANG_ZH}, {"zh-TW", RS_LANG_ZH},
		{"zh.GB18030", RS_LANG_ZH},  {"en_US.UTF-8", RS_LANG_EN}, {"en-GB", RS_LANG_EN},
	};
	static const char *const bad[] = {"", "e", "z", "de", "de_DE.UTF-8", "eng", "zhx", "english",
	                                  "chinese", "C", "POSIX", "zh@x", " en"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		rs_lang l = (rs_lang)7;

		if (!rs_lang_parse(ok[i].name, &l))
			fail_msg("\"%s\" is not a language", ok[i].name);
		assert_int_equal(l, ok[i].l);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rs_lang l = RS_LANG_ZH;

		if (rs_lang_parse(bad[i], &l))
			fail_msg("\"%s\" was taken as a language", bad[i]);
		assert_int_equal(l, RS_LANG_ZH);
	}
}

/* The appended columns' names are the output's contract (and --previous
 * finds them by name): both languages have every one, none twice. */
static void test_appended_column_names_are_complete_and_distinct(void **state)
{
	int l, i, j;

	(void)state;
	assert_string_equal(rs_col_names[RS_LANG_EN][0], "stage");
	assert_string_equal(rs_col_names[RS_LANG_ZH][0], "阶段");
	assert_string_equal(rs_col_names[RS_LANG_EN][COL_MAX - 1], "transition");
	assert_string_equal(rs_col_names[RS_LANG_ZH][COL_MAX - 1], "阶段变化");
	for (l = 0; l < RS_LANG_COUNT; l++)
		for (i = 0; i < COL_MAX; i++) {
			assert_non_null(rs_col_names[l][i]);
			assert_true(rs_col_names[l][i][0] != '\0');
			for (j = 0; j < i; j++)
				if (strcmp(rs_col_names[l][i], rs_col_names[l][j]) == 0)
					fail_msg("column name %s twice", rs_col_names[l][i]);
		}
	assert_string_equal(rs_level_names[0], "staff");
	assert_string_equal(rs_level_names[3], "executive");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_format_name_parses_in_any_case),
		cmocka_unit_test(test_unknown_format_names_are_refused_and_leave_the_result),
		cmocka_unit_test(test_every_extension_names_its_format_in_any_case),
		cmocka_unit_test(test_other_names_say_no_format),
		cmocka_unit_test(test_format_names_round_trip_and_out_of_range_is_a_question_mark),
		cmocka_unit_test(test_language_by_code_or_locale_name),
		cmocka_unit_test(test_appended_column_names_are_complete_and_distinct),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
