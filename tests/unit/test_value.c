/*
 * test_value.c - the per-cell fast paths (fields_impl.h) pinned against the
 * general parsers: numbers bit for bit against strtod, booleans and levels
 * against the word lists. A fast path may decline anything; what it accepts
 * must be exactly what the general path gives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields_impl.h"

/* ------------------------------------------------------------ helpers */

#include "xorshift.h"

static bool same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

/* strtod of s with the decimal mark dec read as '.'; "-0" as 0 like the parser. */
static double reference(const char *s, char dec)
{
	char buf[64], *p;
	double v = 0;

	assert_true(strlen(s) < sizeof buf);
	strcpy(buf, s);
	if ((p = strchr(buf, dec)) != NULL)
		*p = '.';
	v = strtod(buf, NULL);
	return v == 0 ? 0.0 : v;
}

/* fastnum on s: accepted and bit-identical to strtod, or declined. */
static bool fast_agrees(const char *s, char dec)
{
	double v = -1;

	if (!rs_value_fastnum(s, strlen(s), dec, &v))
		return true;
	return same_bits(v, reference(s, dec));
}

/* One mark, 1-3 digits before it (not a leading 0), 3 after: "1.234". */
static bool ambiguous(const char *s)
{
	const char *dot = strchr(s, '.');
	size_t before;

	if (*s == '-' || *s == '+')
		s++;
	if (dot == NULL || strlen(dot + 1) != 3)
		return false;
	before = (size_t)(dot - s);
	return before >= 1 && before <= 3 && s[0] != '0';
}

static bool fast_takes(const char *s)
{
	double v = 0;

	return rs_value_fastnum(s, strlen(s), '.', &v);
}

/* The public parser's value for s (must be OK). */
static double number(const char *s)
{
	double v = -1;

	assert_int_equal(rs_value_number(s, strlen(s), '.', RS_NUM_PERCENT, &v, NULL, NULL),
	                 RS_PARSE_OK);
	return v;
}

/* Random [sign] digits [. digits], `total` digits in all, `frac` after the mark. */
static void random_number(char *buf, int total, int frac, char dec)
{
	int i, o = 0;
	uint64_t r = next();

	if (r % 4 == 0)
		buf[o++] = '-';
	else if (r % 4 == 1)
		buf[o++] = '+';
	for (i = 0; i < total; i++) {
		if (i == total - frac)
			buf[o++] = dec;
		/* Some runs of 0 and 9 to reach the boundaries of the digits. */
		r = next();
		buf[o++] = (char)('0' + (r % 8 == 0 ? 0 : r % 8 == 1 ? 9 : (int)((r >> 8) % 10)));
	}
	/* frac == total gives ".5" shapes; a trailing mark gives "12." ones. */
	if (frac == 0 && r % 3 == 0)
		buf[o++] = dec;
	buf[o] = '\0';
}

/* ------------------------------------------------------------ numbers */

static void test_fastnum_equals_strtod_bit_for_bit_on_random_numbers(void **state)
{
	char buf[64];
	int total, frac, k, taken = 0;

	(void)state;
	for (total = 1; total <= 20; total++)
		for (frac = 0; frac <= total; frac++)
			for (k = 0; k < 400; k++) {
				double v = 0;
				random_number(buf, total, frac, '.');
				if (!rs_value_fastnum(buf, strlen(buf), '.', &v))
					continue;
				taken++;
				if (!same_bits(v, reference(buf, '.')))
					fail_msg("fastnum(\"%s\") = %.17g, strtod %.17g", buf, v,
					         reference(buf, '.'));
				/* And the public parser gives the same double. */
				assert_true(same_bits(number(buf), v));
			}
	assert_true(taken > 40000);
}

static void test_fastnum_takes_every_plain_number_up_to_15_digits(void **state)
{
	char buf[64];
	int total, frac, k;

	(void)state;
	for (total = 1; total <= 15; total++)
		for (frac = 0; frac <= total; frac++)
			for (k = 0; k < 50; k++) {
				random_number(buf, total, frac, '.');
				if (!fast_takes(buf) && !ambiguous(buf))
					fail_msg("fastnum declined \"%s\"", buf);
			}
	/* "1.234" is thousands or decimals as its column says: never the fast path's. */
	assert_false(fast_takes("1.234"));
	assert_false(fast_takes("-999.000"));
	assert_true(fast_takes("0.234"));
	assert_true(fast_takes("1234.567"));
	assert_true(fast_takes("1.2345"));
	assert_true(fast_takes(".234"));
}

static void test_fastnum_decimal_comma_equals_strtod(void **state)
{
	char buf[64];
	int total, frac, k;
	double v = 0;

	(void)state;
	for (total = 1; total <= 17; total++)
		for (frac = 0; frac <= total; frac++)
			for (k = 0; k < 50; k++) {
				random_number(buf, total, frac, ',');
				assert_true(fast_agrees(buf, ','));
			}
	assert_true(rs_value_fastnum("1,5", 3, ',', &v) && v == 1.5);
	assert_false(rs_value_fastnum("1.5", 3, ',', &v)); /* a group mark there */
	assert_false(rs_value_fastnum("1,5", 3, '.', &v)); /* a thousands mark here */
}

static void test_fastnum_digit_count_and_2_pow_53_boundaries(void **state)
{
	double v = 0;

	(void)state;
	assert_true(fast_takes("123456789012345"));                  /* 15 digits */
	assert_true(fast_takes("1234567890123456"));                 /* 16, < 2^53 */
	assert_true(fast_takes("9007199254740992"));                 /* 2^53 */
	assert_false(fast_takes("9007199254740993"));                /* 2^53 + 1 */
	assert_false(fast_takes("12345678901234567"));               /* 17, > 2^53 */
	assert_true(fast_takes("0000000000000000001"));              /* 19 digits, small */
	assert_false(fast_takes("00000000000000000001"));            /* 20 digits */
	assert_true(fast_takes(".0000000000000000001"));             /* 10^-19, 19 digits */
	assert_false(fast_takes("0.0000000000000000001"));           /* the same in 20 */
	assert_true(fast_takes("900719925474.0992"));
	assert_true(fast_agrees("9007199254740992", '.'));
	assert_true(fast_agrees(".0000000000000000001", '.'));
	assert_true(same_bits(number("0.0000000000000000001"), 1e-19));
	assert_true(fast_agrees("900719925474.0992", '.'));
	assert_true(fast_agrees("1234567890123456", '.'));
	/* Declined ones still parse, by the general path, to strtod's value. */
	assert_true(same_bits(number("9007199254740993"), strtod("9007199254740993", NULL)));
	assert_true(same_bits(number("12345678901234567"), strtod("12345678901234567", NULL)));
	assert_true(same_bits(number("00000000000000000001"), 1.0));
	assert_true(rs_value_fastnum("0.1", 3, '.', &v));
	assert_true(same_bits(v, 0.1));
	assert_true(rs_value_fastnum("0.3", 3, '.', &v));
	assert_true(same_bits(v, strtod("0.3", NULL)));
}

static void test_fastnum_small_shapes(void **state)
{
	double v = 0;

	(void)state;
	assert_true(rs_value_fastnum("-0", 2, '.', &v));
	assert_false(signbit(v));
	assert_true(v == 0);
	assert_true(rs_value_fastnum("-0.000", 6, '.', &v));
	assert_false(signbit(v));
	assert_true(rs_value_fastnum("007", 3, '.', &v) && v == 7);
	assert_true(rs_value_fastnum("12.", 3, '.', &v) && v == 12);
	assert_true(same_bits(number("12."), 12.0));
	assert_true(rs_value_fastnum(".5", 2, '.', &v) && v == 0.5);
	assert_true(same_bits(number(".5"), 0.5));
	assert_true(rs_value_fastnum("-.5", 3, '.', &v) && v == -0.5);
	assert_true(rs_value_fastnum("+5", 2, '.', &v) && v == 5);
	assert_false(fast_takes(""));
	assert_false(fast_takes("."));
	assert_false(fast_takes("-"));
	assert_false(fast_takes("+"));
	assert_false(fast_takes("-."));
	assert_false(fast_takes("+-1"));
	assert_false(fast_takes("1.2.3"));
	assert_false(fast_takes("1e5"));
	assert_true(same_bits(number("1e5"), 100000.0));
	assert_false(fast_takes("1,234"));
	assert_true(same_bits(number("1,234"), 1234.0));
	assert_false(fast_takes(" 1"));
	assert_false(fast_takes("1 "));
	assert_true(same_bits(number(" 1 "), 1.0));
	assert_false(fast_takes("5%"));
	assert_true(same_bits(number("39.7%"), strtod("39.7", NULL)));
	assert_false(fast_takes("$5"));
	assert_false(fast_takes("0x10"));
	assert_false(fast_takes("1-"));
	/* n is honoured: the text need not end there. */
	assert_true(rs_value_fastnum("12abc", 2, '.', &v) && v == 12);
}

static void test_fastcount_only_plain_digits_up_to_15(void **state)
{
	char buf[32];
	double v = 0;
	int len, k;

	(void)state;
	assert_true(rs_value_fastcount("0", 1, &v) && v == 0 && !signbit(v));
	assert_true(rs_value_fastcount("42", 2, &v) && v == 42);
	assert_true(rs_value_fastcount("007", 3, &v) && v == 7);
	assert_true(rs_value_fastcount("999999999999999", 15, &v) && v == 999999999999999.0);
	assert_false(rs_value_fastcount("1000000000000000", 16, &v));
	assert_false(rs_value_fastcount("", 0, &v));
	assert_false(rs_value_fastcount("-1", 2, &v));
	assert_false(rs_value_fastcount("-0", 2, &v));
	assert_false(rs_value_fastcount("+1", 2, &v));
	assert_false(rs_value_fastcount("1.0", 3, &v));
	assert_false(rs_value_fastcount("1,000", 5, &v));
	assert_false(rs_value_fastcount(" 1", 2, &v));
	assert_false(rs_value_fastcount("1/", 2, &v)); /* '/' is '0' - 1 */
	assert_false(rs_value_fastcount("1:", 2, &v)); /* ':' is '9' + 1 */
	for (len = 1; len <= 15; len++)
		for (k = 0; k < 200; k++) {
			int i;
			for (i = 0; i < len; i++)
				buf[i] = (char)('0' + (int)(next() % 10));
			buf[len] = '\0';
			assert_true(rs_value_fastcount(buf, (size_t)len, &v));
			assert_true(same_bits(v, strtod(buf, NULL)));
		}
}

/* ------------------------------------------------------ booleans, levels */

/* fastbool on s[0..n) either declines or says what the word lists say. */
static void bool_agrees(const char *s, size_t n)
{
	int k = rs_value_fastbool(s, n);
	bool b = false;

	if (k < 0)
		return;
	if (rs_value_bool_slow(s, n, &b) != RS_PARSE_OK || (int)b != k)
		fail_msg("fastbool(\"%.*s\") = %d, the word lists differ", (int)n, s, k);
}

static void test_fastbool_agrees_with_the_word_lists(void **state)
{
	const char *words[] = {"yes", "YES", "Yes", "yEs", "no", "No", "NO", "nO", "true", "TRUE",
	                       "True", "false", "FALSE", "False", "y", "Y", "n", "N", "t", "T", "f",
	                       "F", "1", "0", "是", "否", "有", "无", "無", "没有", "√", "✓"};
	char buf[8];
	size_t i;
	int a, b, c;

	(void)state;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		bool v = false;
		assert_int_equal(rs_value_bool_slow(words[i], strlen(words[i]), &v), RS_PARSE_OK);
		bool_agrees(words[i], strlen(words[i]));
	}
	/* Every one- and two-byte text, and three bytes around the letters. */
	for (a = 0; a < 256; a++) {
		buf[0] = (char)a;
		bool_agrees(buf, 1);
		for (b = 0; b < 256; b++) {
			buf[1] = (char)b;
			bool_agrees(buf, 2);
		}
	}
	for (a = 0x40; a < 0x80; a++)
		for (b = 0x40; b < 0x80; b++)
			for (c = 0x40; c < 0x80; c++) {
				buf[0] = (char)a, buf[1] = (char)b, buf[2] = (char)c;
				bool_agrees(buf, 3);
			}
	/* The common words are taken by the fast path. */
	assert_int_equal(rs_value_fastbool("no", 2), 0);
	assert_int_equal(rs_value_fastbool("Yes", 3), 1);
	assert_int_equal(rs_value_fastbool("否", 3), 0);
	assert_int_equal(rs_value_fastbool("是", 3), 1);
	assert_int_equal(rs_value_fastbool("false", 5), 0);
	assert_int_equal(rs_value_fastbool("N", 1), 0);
	assert_int_equal(rs_value_fastbool("\x0E", 1), -1); /* 'N' without the case bit */
	assert_int_equal(rs_value_fastbool("x", 1), -1);
	assert_int_equal(rs_value_fastbool(" no", 3), -1);
}

static void level_agrees(const char *s)
{
	int k = rs_value_fastlevel(s, strlen(s)), lv = 0;

	if (k < 0)
		return;
	if (rs_value_level_slow(s, strlen(s), &lv) != RS_PARSE_OK || lv != k)
		fail_msg("fastlevel(\"%s\") = %d, the general path says %d", s, k, lv);
}

static void test_fastlevel_agrees_with_the_general_path(void **state)
{
	const char *words[] = {"staff", "Staff", "manager", "MANAGER", "director", "executive",
	                       "员工", "经理", "总监", "高层", "高管", "职员", "总经理", "c_level",
	                       "1", "2", "3", "4", "0", "5", "staffs", "manage", "exec", "mgr"};
	char buf[4];
	size_t i;
	int a;

	(void)state;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		level_agrees(words[i]);
	for (a = 1; a < 256; a++) {
		buf[0] = (char)a;
		buf[1] = '\0';
		level_agrees(buf);
	}
	assert_int_equal(rs_value_fastlevel("staff", 5), 1);
	assert_int_equal(rs_value_fastlevel("manager", 7), 2);
	assert_int_equal(rs_value_fastlevel("director", 8), 3);
	assert_int_equal(rs_value_fastlevel("executive", 9), 4);
	assert_int_equal(rs_value_fastlevel("员工", 6), 1);
	assert_int_equal(rs_value_fastlevel("经理", 6), 2);
	assert_int_equal(rs_value_fastlevel("总监", 6), 3);
	assert_int_equal(rs_value_fastlevel("高层", 6), 4);
	assert_int_equal(rs_value_fastlevel("Manager", 7), -1); /* the general path folds case */
	assert_int_equal(rs_value_fastlevel("5", 1), -1);
	assert_int_equal(rs_value_fastlevel("staf", 4), -1);
}

/*
 * The word tables: every word is taken in its slot, and every text one byte
 * off a word (each byte changed, one byte more or less, a NUL inside) is
 * declined or read as the general path reads it.
 */
static void word_neighbours_agree(const char *w, bool level)
{
	char buf[16];
	size_t n = strlen(w), i;
	int b;

	for (i = 0; i < n; i++)
		for (b = 0; b < 256; b++) {
			memcpy(buf, w, n + 1);
			buf[i] = (char)b;
			if (level) {
				int k = rs_value_fastlevel(buf, n), lv = 0;
				if (k >= 0 && (rs_value_level_slow(buf, n, &lv) != RS_PARSE_OK || lv != k))
					fail_msg("fastlevel(\"%.*s\") = %d, the general path %d", (int)n, buf, k, lv);
			} else {
				bool_agrees(buf, n);
			}
		}
	memcpy(buf, w, n + 1);
	buf[n] = 'e'; /* "executive" + e, "no" + e ... */
	buf[n + 1] = '\0';
	assert_int_equal(level ? rs_value_fastlevel(buf, n + 1) : rs_value_fastbool(buf, n + 1), -1);
	buf[n] = '\0'; /* the NUL counted in: "no\0" is not "no" */
	assert_int_equal(level ? rs_value_fastlevel(buf, n + 1) : rs_value_fastbool(buf, n + 1), -1);
	if (n > 1) {
		memcpy(buf, w, n - 1);
		buf[n - 1] = '\0';
		if (level)
			assert_int_equal(rs_value_fastlevel(buf, n - 1), -1);
		else
			bool_agrees(buf, n - 1);
	}
}

static void test_word_tables_take_their_words_and_nothing_near(void **state)
{
	static const struct {
		const char *w;
		int v;
	} bools[] = {{"1", 1}, {"y", 1}, {"Y", 1}, {"t", 1}, {"T", 1}, {"0", 0}, {"n", 0},
	             {"N", 0}, {"f", 0}, {"F", 0}, {"no", 0}, {"NO", 0}, {"yes", 1}, {"yEs", 1},
	             {"true", 1}, {"TRUE", 1}, {"false", 0}, {"fAlSe", 0}, {"是", 1}, {"否", 0}},
	  levels[] = {{"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}, {"staff", 1}, {"manager", 2},
	              {"director", 3}, {"executive", 4}, {"员工", 1}, {"经理", 2}, {"总监", 3},
	              {"高层", 4}};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bools / sizeof bools[0]; i++) {
		assert_int_equal(rs_value_fastbool(bools[i].w, strlen(bools[i].w)), bools[i].v);
		word_neighbours_agree(bools[i].w, false);
	}
	for (i = 0; i < sizeof levels / sizeof levels[0]; i++) {
		assert_int_equal(rs_value_fastlevel(levels[i].w, strlen(levels[i].w)), levels[i].v);
		word_neighbours_agree(levels[i].w, true);
	}
	/* An empty cell (its NUL at s[0]) and cells past 8 bytes are declined. */
	assert_int_equal(rs_value_fastbool("", 0), -1);
	assert_int_equal(rs_value_fastlevel("", 0), -1);
	assert_int_equal(rs_value_fastbool("no      x", 9), -1);
	assert_int_equal(rs_value_fastlevel("executivex", 10), -1);
	assert_int_equal(rs_value_fastlevel("executivf", 9), -1);
	assert_int_equal(rs_value_fastlevel("Executive", 9), -1);
	/* Words whose slot is another word's: the length and bytes still decide. */
	assert_int_equal(rs_value_fastbool("o", 1), -1);
	assert_int_equal(rs_value_fastbool("es", 2), -1);
	assert_int_equal(rs_value_fastlevel("s", 1), -1);
	/* n is honoured: the text need not end there. */
	assert_int_equal(rs_value_fastbool("nothing", 2), 0);
	assert_int_equal(rs_value_fastlevel("staffing", 5), 1);
	assert_int_equal(rs_value_fastlevel("executives", 9), 4);
}

/* ------------------------------------------------- number forms (issue 14) */

/* rs_value_number with these flags and mark; fails the test unless OK. */
static double num(const char *s, char dec, unsigned flags)
{
	double v = -12345;
	const char *why = NULL;

	if (rs_value_number(s, strlen(s), dec, flags, &v, NULL, &why) != RS_PARSE_OK)
		fail_msg("\"%s\" rejected: %s", s, why ? why : "?");
	return v;
}

static const char *num_why(const char *s, char dec, unsigned flags)
{
	double v = 0;
	const char *why = NULL;

	if (rs_value_number(s, strlen(s), dec, flags, &v, NULL, &why) != RS_PARSE_BAD)
		fail_msg("\"%s\" read as %g, should be rejected", s, v);
	assert_non_null(why);
	return why;
}

static unsigned shape_of(const char *s, unsigned flags)
{
	unsigned shape = 99;

	assert_int_equal(rs_value_number(s, strlen(s), '.', flags, NULL, &shape, NULL), RS_PARSE_OK);
	return shape;
}

#define MONEY (RS_NUM_CURRENCY)

static void test_a_mark_before_other_than_three_digits_is_decimal_in_any_file(void **state)
{
	(void)state;
	assert_true(num("12.5", ',', 0) == 12.5);
	assert_true(num("12,5", '.', 0) == 12.5);
	assert_true(num("0.850", ',', 0) == 0.85);    /* a lone 0 never leads a group */
	assert_true(num("1234,567", '.', 0) == 1234.567);
	assert_true(num("1.5e3", ',', 0) == 1500);    /* an exponent: a decimal mark */
	assert_true(num("1,234.56", ',', MONEY) == 1234.56);
	assert_true(num("1.234,56", '.', MONEY) == 1234.56);
	assert_true(num("1.234.567", '.', MONEY) == 1234567); /* twice: groups */
	assert_true(num("1,234,567", ',', MONEY) == 1234567);
}

static void test_only_one_mark_before_three_digits_is_left_to_the_column(void **state)
{
	(void)state;
	assert_true(num("1.234", '.', 0) == 1.234);
	assert_true(num("1.234", ',', 0) == 1234);
	assert_true(num("50.000", ',', 0) == 50000);
	assert_true(num("50,000", ',', 0) == 50);
	assert_true(num("-1,234", '.', 0) == -1234);
	/* 0: the column writes both ways, so this one cannot be read. */
	assert_non_null(strstr(num_why("1.234", 0, 0), "ambiguous"));
	assert_non_null(strstr(num_why("50,000", 0, 0), "ambiguous"));
	assert_true(num("12.5", 0, 0) == 12.5); /* what shows its mark still reads */
	assert_true(num("1,234.5", 0, MONEY) == 1234.5);
	assert_true(num("1234", 0, 0) == 1234);
}

static void test_shapes_say_what_the_text_showed(void **state)
{
	(void)state;
	assert_int_equal(shape_of("12.5", 0), RS_SHAPE_DOT);
	assert_int_equal(shape_of("1,234,567", 0), RS_SHAPE_DOT);
	assert_int_equal(shape_of("1,234.5", 0), RS_SHAPE_DOT);
	assert_int_equal(shape_of("12,5", 0), RS_SHAPE_COMMA);
	assert_int_equal(shape_of("1.234.567", 0), RS_SHAPE_COMMA);
	assert_int_equal(shape_of("1 234,5", 0), RS_SHAPE_COMMA);
	assert_int_equal(shape_of("1.234", 0), RS_SHAPE_AMBIG);
	assert_int_equal(shape_of("50,000", 0), RS_SHAPE_AMBIG);
	assert_int_equal(shape_of("1234", 0), RS_SHAPE_PLAIN);
	assert_int_equal(shape_of("1 250 000", 0), RS_SHAPE_PLAIN);
	assert_int_equal(shape_of("85%", RS_NUM_PERCENT), RS_SHAPE_PLAIN | RS_SHAPE_PCT);
	assert_int_equal(shape_of("0.85 %", RS_NUM_PERCENT), RS_SHAPE_DOT | RS_SHAPE_PCT);
	assert_int_equal(shape_of("¥1,200", RS_NUM_CURRENCY), RS_SHAPE_AMBIG | RS_SHAPE_CURRENCY);
	assert_true(rs_value_cur_decimal("1,200 元", strlen("1,200 元"), ',', RS_NUM_CURRENCY));
	assert_false(rs_value_cur_decimal("1,200 元", strlen("1,200 元"), '.', RS_NUM_CURRENCY));
	assert_false(rs_value_cur_decimal("1,200", 5, ',', RS_NUM_CURRENCY));
	assert_false(rs_value_cur_decimal("€1.200,00", strlen("€1.200,00"), ',', RS_NUM_CURRENCY));
}

static void test_thousands_grouped_with_spaces_and_apostrophes(void **state)
{
	(void)state;
	assert_true(num("1 250 000,00 €", '.', MONEY) == 1250000);
	assert_true(num("1\xC2\xA0" "250\xC2\xA0" "000,00", '.', MONEY) == 1250000);  /* no-break space */
	assert_true(num("1\xE2\x80\xAF" "250\xE2\x80\xAF" "000", '.', MONEY) == 1250000); /* narrow */
	assert_true(num("1\xE2\x80\x89" "250", '.', MONEY) == 1250);                       /* thin */
	assert_true(num("1'250'000", '.', MONEY) == 1250000);
	assert_true(num("CHF 1'250'000.50", ',', MONEY) == 1250000.5);
	assert_true(num("1\xE2\x80\x99" "250", '.', MONEY) == 1250); /* ’ */
	assert_true(num("1 234.5", ',', MONEY) == 1234.5);          /* after groups: decimal */
	assert_non_null(strstr(num_why("1 25 000", '.', MONEY), "three digits"));
	assert_non_null(strstr(num_why("1'250 000", '.', MONEY), "mixed"));
	assert_non_null(strstr(num_why("0 250", '.', MONEY), "three digits"));
	assert_non_null(strstr(num_why("1 234.5 67", '.', MONEY), "after the decimal mark"));
}

static void test_full_width_digits_signs_and_marks(void **state)
{
	(void)state;
	assert_true(num("８", '.', 0) == 8);
	assert_true(num("６０％", '.', RS_NUM_PERCENT) == 60);
	assert_true(num("１２．５", ',', 0) == 12.5);
	assert_true(num("－３", '.', 0) == -3);
	assert_true(num("＋３", '.', 0) == 3);
	assert_true(num("\xE2\x88\x92" "3", '.', 0) == -3); /* − minus sign */
	assert_true(num("１，２３４，５６７", '.', MONEY) == 1234567);
	assert_non_null(strstr(num_why("６０％", '.', 0), "%"));
}

/* '．' is a Chinese writer's decimal point, as '，' groups thousands, in any
 * file; so it shows nothing of the file's mark. */
static void test_a_full_width_point_is_a_decimal_point_in_any_file(void **state)
{
	(void)state;
	assert_true(num("１．２００", ',', MONEY) == 1.2);
	assert_true(num("１．２００", 0, MONEY) == 1.2);
	assert_true(num("1．200", ',', MONEY) == 1.2);
	assert_true(num("１，２００．５", ',', MONEY) == 1200.5);
	assert_int_equal(shape_of("１．２００", MONEY), RS_SHAPE_PLAIN);
	assert_true(num("1,234．5", ',', MONEY) == 1234.5);
	assert_non_null(num_why("1.200．5", ',', MONEY));
	assert_non_null(strstr(num_why("１．２３４．５６７", '.', MONEY), "two decimal marks"));
	assert_non_null(strstr(num_why("1．200,5", '.', MONEY), "two decimal marks"));
}

/* A sign or an accounting bracket apart from the digits, or after a currency
 * mark, is still a sign: "- 1200" and "$ (1,200)" are -1200 (which an
 * amount's field refuses as negative), not a malformed number. */
static void test_a_sign_apart_or_after_the_currency_is_a_sign(void **state)
{
	(void)state;
	assert_true(num("- 1200", '.', MONEY) == -1200);
	assert_true(num("－ １２００", '.', MONEY) == -1200);
	assert_true(num("+ 1200", '.', MONEY) == 1200);
	assert_true(num("$ (1,200)", '.', MONEY) == -1200);
	assert_true(num("$(1,200.50)", '.', MONEY) == -1200.5);
	assert_true(num("€ (1.200,00)", ',', MONEY) == -1200);
	assert_true(num("(1,200) USD", '.', MONEY) == -1200);
	assert_true(num("（1,234.56）", '.', MONEY) == -1234.56); /* full-width, as Yonyou writes */
	assert_true(num("¥（1,200）", '.', MONEY) == -1200);
	assert_non_null(strstr(num_why("-(1,200)", '.', MONEY), "unexpected"));
	assert_non_null(strstr(num_why("$ ((1,200))", '.', MONEY), "unexpected"));
}

/* Kingdee's and Yonyou's reports mark a negative with △ (or ▲): a sign like
 * '-', so an amount's field refuses it as negative, not as text. */
static void test_a_triangle_before_a_number_is_a_minus(void **state)
{
	(void)state;
	assert_true(num("△12", '.', MONEY) == -12);
	assert_true(num("▲12", '.', MONEY) == -12);
	assert_true(num("△1,234.56元", '.', MONEY) == -1234.56);
	assert_true(num("¥△1,234.56", '.', MONEY) == -1234.56);
	assert_true(num("△ 12%", '.', RS_NUM_PERCENT) == -12);
	assert_non_null(strstr(num_why("△-12", '.', MONEY), "two signs"));
	assert_non_null(strstr(num_why("△", '.', MONEY), "digits"));
	assert_non_null(strstr(num_why("12△", '.', MONEY), "unexpected"));
	assert_non_null(strstr(num_why("▽12", '.', MONEY), "unexpected"));
}

static void test_currencies_before_or_after(void **state)
{
	(void)state;
	assert_true(num("USD 1,000.00", '.', MONEY) == 1000);
	assert_true(num("1,000.00 USD", '.', MONEY) == 1000);
	assert_true(num("usd1000", '.', MONEY) == 1000);
	assert_true(num("EUR 1.000,00", '.', MONEY) == 1000);
	assert_true(num("1.000,00 €", ',', MONEY) == 1000);
	assert_true(num("CNY 5,000", '.', MONEY) == 5000);
	assert_true(num("RMB5000", '.', MONEY) == 5000);
	assert_true(num("¥5,000", '.', MONEY) == 5000);
	assert_true(num("5000元", '.', MONEY) == 5000);
	/* the Chinese names of currencies: 美元 is not 元's yuan */
	assert_true(num("1200美元", '.', MONEY) == 1200);
	assert_true(num("88万美元", '.', MONEY) == 880000);
	assert_true(num("1200人民币", '.', MONEY) == 1200);
	assert_true(num("100 欧元", '.', MONEY) == 100);
	assert_int_equal(rs_value_currencies("1200美元", strlen("1200美元")), 1);      /* USD */
	assert_int_equal(rs_value_currencies("1200元", strlen("1200元")), 14);         /* 元 */
	assert_int_equal(rs_value_currencies("100港币", strlen("100港币")), 2);        /* HKD */
	assert_int_equal(rs_value_currencies("100歐元", strlen("100歐元")), 32);       /* EUR */
	assert_int_equal(rs_value_currencies("5 新台幣", strlen("5 新台幣")), 4);      /* TWD */
	assert_int_equal(rs_value_currencies("5日元", strlen("5日元")), 16);           /* JPY */
	assert_int_equal(rs_value_currencies("5人民幣", strlen("5人民幣")), 8);        /* CNY */
	assert_true(num("$-3.5", '.', MONEY) == -3.5);
	assert_true(num("-$3.5", '.', MONEY) == -3.5);
	assert_true(num("US$ 300", '.', MONEY) == 300);
	assert_true(num("HK$300", '.', MONEY) == 300);
	assert_true(num("300 GBP", '.', MONEY) == 300);
	assert_non_null(strstr(num_why("USD 5 EUR", '.', MONEY), "two currency"));
	assert_non_null(strstr(num_why("$5 €", '.', MONEY), "two currency"));
	assert_non_null(strstr(num_why("USD 5", '.', 0), "currency"));
	assert_non_null(strstr(num_why("XYZ 5", '.', MONEY), "unexpected"));
	assert_non_null(strstr(num_why("5 USDX", '.', MONEY), "unexpected"));
}

static void test_unit_words_only_where_the_field_takes_them(void **state)
{
	(void)state;
	assert_true(num("3年", '.', RS_NUM_YEARS) == 3);
	assert_true(num("3 years", '.', RS_NUM_YEARS) == 3);
	assert_true(num("1 year", '.', RS_NUM_YEARS) == 1);
	assert_true(num("2.5 yrs", '.', RS_NUM_YEARS) == 2.5);
	assert_true(num("4 Jahre", '.', RS_NUM_YEARS) == 4);
	assert_true(num("5人", '.', RS_NUM_PIECES) == 5);
	assert_true(num("2 个", '.', RS_NUM_PIECES) == 2);
	assert_true(num("3次", '.', RS_NUM_PIECES) == 3);
	assert_non_null(strstr(num_why("3年", '.', RS_NUM_PIECES), "unexpected"));
	assert_non_null(strstr(num_why("5人", '.', RS_NUM_YEARS), "unexpected"));
	assert_non_null(strstr(num_why("3 years", '.', MONEY), "unexpected"));
	assert_non_null(strstr(num_why("3年年", '.', RS_NUM_YEARS), "unexpected"));
	assert_non_null(strstr(num_why("years", '.', RS_NUM_YEARS), "no digits"));
	/* in Chinese words: 三人, 两年, 半年, 3年6个月, 18个月; not "or more" or "a few" */
	assert_true(num("三人", '.', RS_NUM_PIECES) == 3);
	assert_true(num("十二个", '.', RS_NUM_PIECES) == 12);
	assert_true(num("二十", '.', RS_NUM_PIECES) == 20);
	assert_true(num("两年", '.', RS_NUM_YEARS) == 2);
	assert_true(num("半年", '.', RS_NUM_YEARS) == 0.5);
	assert_true(num("3年半", '.', RS_NUM_YEARS) == 3.5);
	assert_true(num("3年6个月", '.', RS_NUM_YEARS) == 3.5);
	assert_true(num("三年六个月", '.', RS_NUM_YEARS) == 3.5);
	assert_true(num("2年零6个月", '.', RS_NUM_YEARS) == 2.5);
	num_why("2年零", '.', RS_NUM_YEARS);
	assert_true(num("18个月", '.', RS_NUM_YEARS) == 1.5);
	num_why("三四人", '.', RS_NUM_PIECES);
	num_why("十年以上", '.', RS_NUM_YEARS);
	num_why("三年多", '.', RS_NUM_YEARS);
	num_why("3年13个月", '.', RS_NUM_YEARS);
	num_why("半年", '.', RS_NUM_PIECES);
	num_why("6个月", '.', RS_NUM_PIECES);
	num_why("三", '.', MONEY);
	num_why("年", '.', RS_NUM_YEARS);
}

/* 万 (10^4) and 亿 (10^8) are exact Chinese notation: read in amounts
 * only, as a decimal exponent (1.1万 is 11000, not 11000.000000000002);
 * a share, a count or years with them stays refused. */
static void test_wan_and_yi_in_amounts_only(void **state)
{
	(void)state;
	assert_true(num("88万", '.', MONEY) == 880000);
	assert_true(num("1.2亿", '.', MONEY) == 120000000);
	assert_true(num("1.1万", '.', MONEY) == 11000);
	assert_true(num("88万元", '.', MONEY) == 880000);
	assert_true(num("¥ 1.2亿", '.', MONEY) == 120000000);
	assert_true(num("3.5 萬", '.', MONEY) == 35000);
	assert_true(num("2億", '.', MONEY) == 200000000);
	assert_true(num("1,200万", '.', MONEY) == 12000000);
	assert_non_null(num_why("万", '.', MONEY));
	assert_non_null(num_why("1万万", '.', MONEY));
	assert_non_null(num_why("1e3万", '.', MONEY));
	assert_non_null(num_why("88万", '.', RS_NUM_PERCENT));
	assert_non_null(num_why("3万", '.', RS_NUM_PIECES | RS_NUM_COUNT));
	assert_non_null(num_why("1万", '.', RS_NUM_YEARS));
}

static void test_customer_since_years_and_dates(void **state)
{
	const char *why = NULL;
	double year = 0, years = 0;
	const long today = 20261201;
	static const struct {
		const char *s;
		double year, years;
	} ok[] = {
		{"2019", 2019, 7}, {"2019年", 2019, 7}, {"２０１９", 2019, 7},
		{"2019-06-15", 2019, 7}, {"2019-12-15", 2019, 6}, {"2019/6/15", 2019, 7},
		{"2019.12.01", 2019, 7}, {"2019年12月2日", 2019, 6}, {"2019年6月", 2019, 7},
		{"2019-12", 2019, 7}, {"15.06.2019", 2019, 7}, {"2019-06-15 00:00:00", 2019, 7},
		{"2019-06-15T08:30:00Z", 2019, 7}, {"2026", 2026, 0}, {"2026-12-01", 2026, 0},
		{"1900-01-01", 1900, 126}, {"2024-02-29", 2024, 2}, {"06/15/2019", 2019, 7},
		{"15/06/2019", 2019, 7}, {"12/20/2020", 2020, 5}, {"3/4/2019", 2019, 7},
		{"1559347200000", 2019, 7}, {"1559347200", 2019, 7}, {"1764547200000", 2025, 1},
		{"20190615", 2019, 7}, {"20191215", 2019, 6}, {"15-06-2019", 2019, 7},
		{"06-15-2019", 2019, 7},
		/* a month's name, as Excel and US CRMs show dates */
		{"15-Jun-2019", 2019, 7}, {"Jun 15, 2019", 2019, 7}, {"15 June 2019", 2019, 7},
		{"December 2, 2019", 2019, 6}, {"Sept 1, 2019", 2019, 7}, {"Jun-2019", 2019, 7},
		{"dec 2019", 2019, 7},
		/* days in 1905 whose serial is no year up to today, and the year 1905 */
		{"1905-03-13", 1905, 121}, {"1905-07-19", 1905, 121}, {"1905", 1905, 121},
		{"1909-07-20", 1909, 117},
		/* Taiwan's 民国 years (+1911), as a Digiwin or Big5 export writes them; 号 for 日 */
		{"民国108年", 2019, 7}, {"民國108年6月15日", 2019, 7}, {"108/06/15", 2019, 7},
		{"108.12.15", 2019, 6}, {"108年6月", 2019, 7}, {"1080615", 2019, 7},
		{"0980615", 2009, 17}, {"民国98年", 2009, 17}, {"2019年6月15号", 2019, 7},
	};
	static const char *const bad[] = {"2027", "2026-12-02", "1899", "19", "20190", "2019-13-01",
	                                  "2019-02-30", "2023-02-29", "12/05/2019", "2019-06-15x",
	                                  "since 2019", "2019/06-15", "43631", "1796169600000",
	                                  "201906010830", "20190601083000", "0000002019",
	                                  "946684800000", "1559347200000.5", "20191315", "20270101",
	                                  "01022019", "12-05-2019", "15-Jun-19", "Jun 15", "Jun 31, 2019",
	                                  "Jun Jul 2019", "15 Juni 2019", "Q3 2019", "FY2019", "Ju 2019",
	                                  "Jun 15, 2027", "108", "108年", "19/06/15", "2080615",
	                                  "115/12/02", "民国", "1234567",
	                                  /* years typed into date cells: 2019 in Excel's two
	                                   * date systems, 1900 the first such year */
	                                  "1905-07-11", "1905-07-11 00:00:00", "7/11/1905",
	                                  "1909-07-12", "1905-03-14"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (rs_value_since(ok[i].s, strlen(ok[i].s), today, &year, &years, &why) != RS_PARSE_OK)
			fail_msg("\"%s\" rejected: %s", ok[i].s, why);
		if (year != ok[i].year || years != ok[i].years)
			fail_msg("\"%s\" = %g, %g years; expected %g, %g", ok[i].s, year, years, ok[i].year,
			         ok[i].years);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (rs_value_since(bad[i], strlen(bad[i]), today, &year, &years, &why) != RS_PARSE_BAD)
			fail_msg("\"%s\" read as %g", bad[i], year);
	assert_int_equal(rs_value_since("  ", 2, today, &year, &years, &why), RS_PARSE_EMPTY);
	(void)rs_value_since("2027", 4, today, &year, &years, &why);
	assert_string_equal(why, "after today");
	(void)rs_value_since("1905-07-11", 10, today, &year, &years, &why);
	assert_non_null(strstr(why, "a year typed into a cell formatted as a date"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fastnum_equals_strtod_bit_for_bit_on_random_numbers),
		cmocka_unit_test(test_fastnum_takes_every_plain_number_up_to_15_digits),
		cmocka_unit_test(test_fastnum_decimal_comma_equals_strtod),
		cmocka_unit_test(test_fastnum_digit_count_and_2_pow_53_boundaries),
		cmocka_unit_test(test_fastnum_small_shapes),
		cmocka_unit_test(test_fastcount_only_plain_digits_up_to_15),
		cmocka_unit_test(test_fastbool_agrees_with_the_word_lists),
		cmocka_unit_test(test_fastlevel_agrees_with_the_general_path),
		cmocka_unit_test(test_word_tables_take_their_words_and_nothing_near),
		cmocka_unit_test(test_a_mark_before_other_than_three_digits_is_decimal_in_any_file),
		cmocka_unit_test(test_only_one_mark_before_three_digits_is_left_to_the_column),
		cmocka_unit_test(test_shapes_say_what_the_text_showed),
		cmocka_unit_test(test_thousands_grouped_with_spaces_and_apostrophes),
		cmocka_unit_test(test_full_width_digits_signs_and_marks),
		cmocka_unit_test(test_a_full_width_point_is_a_decimal_point_in_any_file),
		cmocka_unit_test(test_a_sign_apart_or_after_the_currency_is_a_sign),
		cmocka_unit_test(test_a_triangle_before_a_number_is_a_minus),
		cmocka_unit_test(test_currencies_before_or_after),
		cmocka_unit_test(test_unit_words_only_where_the_field_takes_them),
		cmocka_unit_test(test_wan_and_yi_in_amounts_only),
		cmocka_unit_test(test_customer_since_years_and_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
