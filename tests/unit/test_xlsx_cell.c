/*
 * test_xlsx_cell.c - a workbook cell's stored value as the reader shows it
 * (xlsx_cell.c): number formats, _xHHHH_ escapes, numbers, date serials and
 * ISO dates. Whole workbooks are read in test_read_xlsx.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "xlsx.h"

static void expect_num(const char *v, int shift, const char *want)
{
	char out[RS_XLSX_CELL_TEXT];
	size_t n = rs_xlsx_num_text(v, shift, out);

	out[n] = '\0';
	assert_string_equal(out, want);
}

static void test_numbers_read_as_the_shortest_text_of_the_15_digits_excel_shows(void **state)
{
	(void)state;
	expect_num("0.84999999999999998", 0, "0.85");
	expect_num("0.85000000000000009", 0, "0.85"); /* another double, the same 15 digits */
	expect_num("85.000000000000014", 0, "85");
	expect_num("0.33333333333333331", 0, "0.333333333333333");
	expect_num("0.79999999999999993", 2, "80"); /* Excel's 0.7+0.1, shown as 80% */
	expect_num("2.9999999999999996", 0, "3");
	expect_num("0.123456789012345", 0, "0.123456789012345");
	expect_num("1234567890123456", 0, "1234567890123456"); /* whole: every digit kept */
	expect_num("0.1", 0, "0.1");
	expect_num("1234567.8", 0, "1234567.8");
	expect_num("1.2345678E+6", 0, "1234567.8");
	expect_num("00012.50", 0, "12.5");
	expect_num("-0", 0, "0");
	expect_num("-3.25", 0, "-3.25");
	expect_num("1E-7", 0, "0.0000001");
	expect_num("1.5E-7", 0, "0.00000015");
	expect_num("1E-8", 0, "1e-8");
	expect_num("1E+15", 0, "1000000000000000");
	/* from 2^53 on, numbers stay as stored: 18-digit ids keep their digits,
	 * and the 15 Excel keeps of one stay in its notation (no zeros added) */
	expect_num("1E+20", 0, "1E+20");
	expect_num("-1.5E+22", 0, "-1.5E+22");
	expect_num("1.97112051998031E+17", 0, "1.97112051998031E+17");
	expect_num("123456789012345678", 0, "123456789012345678");
	expect_num("-9007199254740993", 0, "-9007199254740993");
	expect_num("12345678901234567891", 0, "12345678901234567891");
	expect_num("9007199254740991", 0, "9007199254740991");
	expect_num("1.2345678901234568E+17", 0, "1.2345678901234568E+17");
	expect_num("0.125", 2, "12.5");
	expect_num("1", 2, "100");
	expect_num("0.84999999999999998", 2, "85");
	expect_num("0.625499999999999", 2, "62.5499999999999");
	assert_int_equal(rs_xlsx_num_text("abc", 0, (char[RS_XLSX_CELL_TEXT]){0}), 0);
	assert_int_equal(rs_xlsx_num_text("1.2.3", 0, (char[RS_XLSX_CELL_TEXT]){0}), 0);
	assert_int_equal(rs_xlsx_num_text("", 0, (char[RS_XLSX_CELL_TEXT]){0}), 0);
	assert_int_equal(rs_xlsx_num_text("1e", 0, (char[RS_XLSX_CELL_TEXT]){0}), 0);
	/* no double: kept as written */
	assert_int_equal(rs_xlsx_num_text("1e400", 0, (char[RS_XLSX_CELL_TEXT]){0}), 0);
}

static void expect_date(bool d1904, const char *v, unsigned char kind, const char *want)
{
	char out[RS_XLSX_CELL_TEXT];
	size_t n = rs_xlsx_date_text(v, kind, d1904, out);

	out[n] = '\0';
	assert_string_equal(out, want);
}

static void test_date_serials_read_as_iso_dates_in_both_date_systems(void **state)
{
	(void)state;
	expect_date(false, "1", RS_XLSX_DATE, "1900-01-01");
	expect_date(false, "59", RS_XLSX_DATE, "1900-02-28");
	expect_date(false, "61", RS_XLSX_DATE, "1900-03-01");
	expect_date(false, "45352", RS_XLSX_DATE, "2024-03-01");
	expect_date(false, "45352.75", RS_XLSX_DATE | RS_XLSX_TIME, "2024-03-01 18:00:00");
	expect_date(false, "45352.99999999", RS_XLSX_DATE | RS_XLSX_TIME, "2024-03-02 00:00:00");
	expect_date(false, "45352.75", RS_XLSX_DATE, "2024-03-01");
	expect_date(false, "0.5", RS_XLSX_TIME, "12:00:00");
	expect_date(false, "1.25", RS_XLSX_TIME, "30:00:00"); /* [h]:mm elapsed */
	expect_date(true, "0", RS_XLSX_DATE, "1904-01-01");
	expect_date(true, "43891", RS_XLSX_DATE, "2024-03-02");
	expect_date(false, "-1", RS_XLSX_DATE, "");
	expect_date(false, "3000000", RS_XLSX_DATE, "");
	expect_date(false, "x", RS_XLSX_DATE, ""); /* not a number: left as text */
	expect_date(false, "45352abc", RS_XLSX_DATE, "");
}

static void expect_iso(const char *v, unsigned char kind, const char *want)
{
	char out[RS_XLSX_CELL_TEXT];
	size_t n = rs_xlsx_iso_text(v, kind, out);

	out[n] = '\0';
	assert_string_equal(out, want);
}

static void test_iso_date_cells_read_as_their_format_shows_them(void **state)
{
	(void)state;
	expect_iso("2019-03-01T09:30:00", RS_XLSX_DATE, "2019-03-01");
	expect_iso("2019-03-01T09:30:00", RS_XLSX_DATE | RS_XLSX_TIME, "2019-03-01 09:30:00");
	expect_iso("2019-03-01T09:30:00.250Z", RS_XLSX_TIME, "09:30:00");
	expect_iso("2019-03-01T09:30", 0, "2019-03-01 09:30:00");
	expect_iso("2019-03-01T00:00:00Z", 0, "2019-03-01");
	expect_iso("2019-03-01", RS_XLSX_DATE | RS_XLSX_TIME, "2019-03-01 00:00:00");
	expect_iso("2019-13-01", RS_XLSX_DATE, ""); /* not a date: the text stays */
	expect_iso("2019-03-01x", RS_XLSX_DATE, "");
	expect_iso("2019-03", RS_XLSX_DATE, "");
	expect_iso("2019-03-01T25:00", RS_XLSX_DATE, "");
	expect_iso("2019-03-01T09:3", RS_XLSX_DATE, "");
}

static void test_number_formats_say_date_time_or_percentage(void **state)
{
	(void)state;
	assert_int_equal(rs_xlsx_fmt_kind("164", "yyyy-mm-dd"), RS_XLSX_DATE);
	assert_int_equal(rs_xlsx_fmt_kind("164", "yyyy\"年\"m\"月\"d\"日\""), RS_XLSX_DATE);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[$-409]mmmm d, yyyy;@"), RS_XLSX_DATE);
	assert_int_equal(rs_xlsx_fmt_kind("164", "mmm"), RS_XLSX_DATE);
	assert_int_equal(rs_xlsx_fmt_kind("164", "h:mm"), RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("164", "mm:ss"), RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[h]:mm:ss"), RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("164", "yyyy-mm-dd hh:mm"), RS_XLSX_DATE | RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("164", "0.0%"), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[Red]0.00%;[Blue]-0.00%"), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("164", "0\"%\""), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "General"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "#,##0.00 \"days\""), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "0.00E+00"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[Red]#,##0"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[Magenta]0"), 0); /* a colour, not minutes */
	assert_int_equal(rs_xlsx_fmt_kind("164", "[Blue]#,##0;[Red]-#,##0"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[Green]0.0%"), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[mm]:ss"), RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("164", "[>=100]0;0"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "\\d0"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("14", NULL), RS_XLSX_DATE);
	assert_int_equal(rs_xlsx_fmt_kind("22", NULL), RS_XLSX_DATE | RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("20", NULL), RS_XLSX_TIME);
	assert_int_equal(rs_xlsx_fmt_kind("9", NULL), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("31", NULL), RS_XLSX_DATE); /* zh-CN yyyy年m月d日 */
	assert_int_equal(rs_xlsx_fmt_kind("0", NULL), 0);
	assert_int_equal(rs_xlsx_fmt_kind("4", NULL), 0);
}

static void expect_around(const char *code, const char *pre, const char *post, unsigned pad)
{
	char p[RS_XLSX_UNIT] = "", q[RS_XLSX_UNIT] = "";
	unsigned got_pad = 99;
	bool got = rs_xlsx_fmt_around(code, p, q, &got_pad);

	assert_int_equal(got, pre != NULL);
	if (pre != NULL) {
		assert_string_equal(p, pre);
		assert_string_equal(q, post);
		assert_int_equal(got_pad, pad);
	}
}

/* 88 under #,##0"万元" is 880,000 as the sheet shows it; a format that
 * scales the number itself leaves it in plain units. */
static void test_a_format_naming_a_scale_gives_its_text_around_the_number(void **state)
{
	(void)state;
	expect_around("#,##0\"万元\"", "", "万元", 0);
	expect_around("#,##0.00\"万元\";[Red]-#,##0.00\"万元\"", "", "万元", 0);
	expect_around("\"¥\"#,##0\"万\"", "¥", "万", 0);
	expect_around("[$¥-804]#,##0.0\"亿元\"", "", "亿元", 0);
	expect_around("General\"万元\"", "", "万元", 0);
	expect_around("0\\万", "", "万", 0);
	expect_around("0万元", "", "万元", 0); /* without quotes, as some writers save it */
	expect_around("#,##0 \"Mio. €\"", "", " Mio. €", 0);
	expect_around("0\"K\"", "", "K", 0);
	expect_around("0.0\"M\"", "", "M", 0);
	/* as headers name them (units.c), and as other locales write them */
	expect_around("#,##0\" TEUR\"", "", " TEUR", 0);
	expect_around("#,##0\\ \"T€\"", "", " T€", 0);
	expect_around("#,##0\" KUSD\"", "", " KUSD", 0);
	expect_around("0.0\" mn\"", "", " mn", 0);
	expect_around("0.0\" mln\"", "", " mln", 0);
	expect_around("#,##0\" MEUR\"", "", " MEUR", 0);
	expect_around("0\" thousand\"", "", " thousand", 0);
	expect_around("0.0\" Md €\"", "", " Md €", 0);
	expect_around("#,##0\" tys. zł\"", "", " tys. zł", 0);
	expect_around("#,##0.00\" Lakh\"", "", " Lakh", 0);
	expect_around("#,##0.00\" Cr\"", "", " Cr", 0);
	expect_around("#,##0,\"千元\"", NULL, NULL, 0);  /* the comma divides by 1000 */
	expect_around("0.0,,\"M\"", NULL, NULL, 0);
	expect_around("0!.0000\"万\"", NULL, NULL, 0); /* yuan shown in 万 by a literal point */
	expect_around("0\\.0,\"万\"", NULL, NULL, 0);
	expect_around("#,##0\"元\"", NULL, NULL, 0);   /* a currency, no scale */
	expect_around("0\" m²\"", NULL, NULL, 0);     /* a metre is no million */
	expect_around("0\" Stk.\"", NULL, NULL, 0);   /* pieces */
	expect_around("#,##0\" EUR\"", NULL, NULL, 0);
	expect_around("#,##0", NULL, NULL, 0);
	expect_around("\"万元\"", NULL, NULL, 0);       /* no number shown */
	expect_around("0\"万", NULL, NULL, 0);
}

/* An ERP's customer code 001001, typed into a cell formatted 000000, is
 * stored as 1001: read as the sheet (and a CSV saved from it) shows it. */
static void test_a_format_padding_whole_numbers_gives_its_digits(void **state)
{
	(void)state;
	expect_around("000000", "", "", 6);
	expect_around("\"C\"0000", "C", "", 4);
	expect_around("000\"万\"", "", "万", 3);
	expect_around("[$-804]00000", "", "", 5);
	expect_around("0", NULL, NULL, 0);          /* one digit pads nothing */
	expect_around("00.00", NULL, NULL, 0);      /* decimals: no code */
	expect_around("#,##0000", NULL, NULL, 0);
	expect_around("000-0000", NULL, NULL, 0);   /* 7 digits split by a dash: not one code */
	expect_around("yyyy\"年\"", NULL, NULL, 0);
	expect_around("00%", NULL, NULL, 0);
	expect_around("0000000000000000000000000000000000", NULL, NULL, 0); /* past 31 digits */
}

static void expect_currency(const char *code, const char *pre, const char *post)
{
	char p[RS_XLSX_UNIT] = "", q[RS_XLSX_UNIT] = "";
	bool got = rs_xlsx_fmt_currency(code, p, q);

	assert_int_equal(got, pre != NULL);
	if (pre != NULL) {
		assert_string_equal(p, pre);
		assert_string_equal(q, post);
	}
}

/* 1200 under [$€-407]#,##0.00 shows 1.200,00 €: the euro is in the format
 * alone, and must reach the amounts' currency check as a CSV's "€1,200". */
static void test_a_currency_format_gives_the_text_it_shows_beside_the_number(void **state)
{
	(void)state;
	expect_currency("[$€-407]#,##0.00", "€", "");
	expect_currency("#,##0.00 [$€-407]", "", "€"); /* a bare space is no text */
	expect_currency("#,##0.00\\ [$€-407];[Red]\\-#,##0.00\\ [$€-407]", "", " €");
	expect_currency("\"$\"#,##0", "$", "");
	expect_currency("$#,##0_);($#,##0)", "$", ""); /* the first section only */
	expect_currency("#,##0\"美元\"", "", "美元");
	expect_currency("[$¥-804]#,##0", "¥", "");
	expect_currency("¥#,##0", "¥", "");
	expect_currency("\\€#,##0", "€", "");
	expect_currency("[$USD] #,##0.00", "USD", "");
	expect_currency("[$US$-409]#,##0", "US$", "");
	expect_currency("_-* #,##0.00\\ \"€\"_-", "", " €"); /* accounting: padding is no text */
	expect_currency("General\" EUR\"", "", " EUR");
	expect_currency("#,##0.00", NULL, NULL);
	expect_currency("[$-409]#,##0", NULL, NULL); /* a locale, no symbol */
	expect_currency("[Red]#,##0;-#,##0", NULL, NULL);
	expect_currency("\"€\"", NULL, NULL); /* no number shown */
	expect_currency("\"€", NULL, NULL);
}

static void expect_unescaped(const char *in, const char *want)
{
	char buf[64];
	size_t n = strlen(in);

	memcpy(buf, in, n);
	n = rs_xlsx_unescape(buf, n);
	buf[n] = '\0';
	assert_string_equal(buf, want);
}

/* What the writer escapes, the reader (as Excel) decodes back to the text. */
static void test_escaped_text_decodes_to_itself(void **state)
{
	const char *in[] = {"plain", "_x0041_", "a_x005F_x0041__", "_x00", "\xEF\xBF\xBF", "x\xEF\xBF\xBE" "y_x0000_"};
	const char *out[] = {"plain", "_x005F_x0041_", "a_x005F_x005F_x005F_x0041__", "_x00", "_xFFFF_",
	                     "x_xFFFE_y_x005F_x0000_"};
	rs_buf b = {0};
	char tmp[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof in / sizeof *in; i++) {
		const char *e = rs_xlsx_escape(&b, in[i], strlen(in[i]));

		assert_non_null(e);
		assert_string_equal(e, out[i]);
		assert_true(i > 0 || e == in[i]); /* unchanged: no copy */
		(void)snprintf(tmp, sizeof tmp, "%s", e);
		tmp[rs_xlsx_unescape(tmp, strlen(tmp))] = '\0';
		assert_string_equal(tmp, in[i]);
	}
	rs_buf_free(&b);
}

static void test_excel_text_escapes_decode_as_excel_shows_them(void **state)
{
	(void)state;
	expect_unescaped("a_x000D_\nb", "a\r\nb");
	expect_unescaped("_x0009_", "\t");
	expect_unescaped("K_x005F_x0031_", "K_x0031_");
	expect_unescaped("_x00e9__x4E2D_", "\xC3\xA9\xE4\xB8\xAD");
	expect_unescaped("_xD83D__xDE00_", "\xF0\x9F\x98\x80");
	expect_unescaped("_xD83D_", "_xD83D_"); /* a lone surrogate stays */
	expect_unescaped("_x0000_", "_x0000_");
	expect_unescaped("_x00G1_ _x001_ _x0041", "_x00G1_ _x001_ _x0041");
	expect_unescaped("plain", "plain");
}

static void test_the_workbooks_own_format_code_wins_over_the_builtin_id(void **state)
{
	(void)state;
	assert_int_equal(rs_xlsx_fmt_kind("9", NULL), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("9", "0.00"), 0); /* the workbook redefines 9 */
	assert_int_equal(rs_xlsx_fmt_kind("14", "0.0%"), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("164", NULL), 0); /* custom id, no code: a number */
	assert_int_equal(rs_xlsx_fmt_kind("0%", NULL), 0);  /* an id is a number, not a code */
	/* only the first section (positive numbers) counts */
	assert_int_equal(rs_xlsx_fmt_kind("164", "0;0%"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "0%;0"), RS_XLSX_PCT);
	assert_int_equal(rs_xlsx_fmt_kind("164", "0;yyyy-mm-dd"), 0);
	assert_int_equal(rs_xlsx_fmt_kind("164", "\"unclosed yyyy"), 0);
}

static void test_unescape_reads_only_the_n_bytes_it_is_given(void **state)
{
	char buf[16] = "_x0041_";
	char two[16] = "ab_x0041_yz";

	(void)state;
	assert_int_equal(rs_xlsx_unescape(buf, 6), 6); /* "_x0041" without its last '_' */
	assert_memory_equal(buf, "_x0041_", 8);
	assert_int_equal(rs_xlsx_unescape(buf, 7), 1);
	assert_int_equal(buf[0], 'A');
	assert_int_equal(rs_xlsx_unescape(two, 9), 3); /* "yz" after n stays where it was */
	assert_memory_equal(two, "abA", 3);
	assert_memory_equal(two + 9, "yz", 3);
	assert_int_equal(rs_xlsx_unescape(buf, 0), 0);
}

/* The callers fill out with 'x' first, so a missing NUL shows. */
static void expect_fits(size_t n, const char *out, const char *want)
{
	assert_true(n < RS_XLSX_CELL_TEXT);
	assert_int_equal(strnlen(out, RS_XLSX_CELL_TEXT), n);
	assert_string_equal(out, want);
}

static void test_cell_text_at_its_longest_fits_and_ends_in_a_nul(void **state)
{
	char out[RS_XLSX_CELL_TEXT];
	size_t n;

	(void)state;
	memset(out, 'x', sizeof out);
	n = rs_xlsx_date_text("2958464.99999", RS_XLSX_DATE | RS_XLSX_TIME, false, out);
	expect_fits(n, out, "9999-12-30 23:59:59");
	memset(out, 'x', sizeof out);
	n = rs_xlsx_date_text("2958465", RS_XLSX_DATE | RS_XLSX_TIME, false, out); /* 9999-12-31 */
	expect_fits(n, out, "9999-12-31 00:00:00");
	assert_int_equal(rs_xlsx_date_text("2958465.5", RS_XLSX_DATE, false, out), 0);
	memset(out, 'x', sizeof out);
	n = rs_xlsx_date_text("2958465", RS_XLSX_TIME, false, out); /* [h]:mm:ss at the end */
	expect_fits(n, out, "71003160:00:00");
	memset(out, 'x', sizeof out);
	n = rs_xlsx_num_text("-123456789012345678901234567890", 0, out); /* 30 digits: as stored */
	expect_fits(n, out, "-123456789012345678901234567890");
	memset(out, 'x', sizeof out);
	n = rs_xlsx_num_text("-1.7976931348623157E+308", 0, out);
	expect_fits(n, out, "-1.7976931348623157E+308");
	memset(out, 'x', sizeof out);
	n = rs_xlsx_iso_text("2019-03-01T09:30:00+08:00", 0, out);
	expect_fits(n, out, "2019-03-01 09:30:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_read_as_the_shortest_text_of_the_15_digits_excel_shows),
		cmocka_unit_test(test_date_serials_read_as_iso_dates_in_both_date_systems),
		cmocka_unit_test(test_iso_date_cells_read_as_their_format_shows_them),
		cmocka_unit_test(test_number_formats_say_date_time_or_percentage),
		cmocka_unit_test(test_a_format_naming_a_scale_gives_its_text_around_the_number),
		cmocka_unit_test(test_a_format_padding_whole_numbers_gives_its_digits),
		cmocka_unit_test(test_a_currency_format_gives_the_text_it_shows_beside_the_number),
		cmocka_unit_test(test_escaped_text_decodes_to_itself),
		cmocka_unit_test(test_excel_text_escapes_decode_as_excel_shows_them),
		cmocka_unit_test(test_the_workbooks_own_format_code_wins_over_the_builtin_id),
		cmocka_unit_test(test_unescape_reads_only_the_n_bytes_it_is_given),
		cmocka_unit_test(test_cell_text_at_its_longest_fits_and_ends_in_a_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
