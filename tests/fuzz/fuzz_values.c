/*
 * fuzz_values.c - the cell parsers. The first byte picks options (bit 0:
 * decimal comma, bit 1: allow %, bits 2-3: currency, years or count units),
 * the rest is the cell, passed without a terminating NUL so a read past its
 * length is caught. Checks: a number is finite and never -0; what parses
 * without % parses the same with it; a plain decimal numeral gives exactly
 * strtod's value; only "1.234"-shaped text (RS_SHAPE_AMBIG) reads by the
 * column's mark, every other text the same with '.', ',' or none; the shape
 * alone agrees with the full parse; the fast path agrees with the general
 * one; a customer_since date is a past year with years to match; bools and
 * levels do not depend on ASCII case; "empty" means only blanks.
 */
#include <ctype.h>
#include <math.h>

#include "fields_impl.h"
#include "fuzz_common.h"

/* Only ASCII blanks, U+00A0 and U+3000: what the parsers call empty. */
static bool all_blank(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			i++;
		else if (n - i >= 2 && s[i] == 0xC2 && s[i + 1] == 0xA0)
			i += 2;
		else if (n - i >= 3 && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)
			i += 3;
		else
			return false;
	}
	return true;
}

/* [+-]?digits[.digits]?([eE][+-]?digits)? with nothing around it. */
static bool plain_numeral(const char *s, size_t n)
{
	size_t i = 0, d = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < n && isdigit((unsigned char)s[i]); i++)
		d++;
	if (i < n && s[i] == '.')
		for (i++; i < n && isdigit((unsigned char)s[i]); i++)
			d++;
	if (d == 0)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == n || !isdigit((unsigned char)s[i]))
			return false;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	}
	return i == n;
}

static void check_number(const char *s, size_t n, bool dcomma, bool pct)
{
	char dec = dcomma ? ',' : '.';
	const char *why = NULL;
	double v = 12345.0, v2 = 0;
	rs_parse p = rs_value_number(s, n, dec, RS_NUM_CURRENCY | (pct ? RS_NUM_PERCENT : 0), &v,
	                             NULL, &why);

	FUZZ_CHECK(p == RS_PARSE_OK || p == RS_PARSE_EMPTY || p == RS_PARSE_BAD);
	FUZZ_CHECK((p == RS_PARSE_EMPTY) == all_blank((const unsigned char *)s, n));
	if (p == RS_PARSE_BAD)
		FUZZ_CHECK(why != NULL && why[0] != '\0');
	if (p != RS_PARSE_OK)
		return;
	FUZZ_CHECK(isfinite(v));
	FUZZ_CHECK(v != 0 || !signbit(v));
	if (!pct) {
		/* allowing % only adds inputs: the same text, the same value */
		FUZZ_CHECK(rs_value_number(s, n, dec, RS_NUM_CURRENCY | RS_NUM_PERCENT, &v2, NULL,
		                           &why) == RS_PARSE_OK);
		FUZZ_CHECK(v2 == v);
	}
	if (!dcomma && plain_numeral(s, n) && n < 100) {
		char buf[101];
		double want;

		memcpy(buf, s, n);
		buf[n] = '\0';
		want = strtod(buf, NULL);
		want = want == 0 ? 0.0 : want;
		FUZZ_CHECK(v == want);
	}
}

static void check_words(const char *s, size_t n)
{
	char *up = malloc(n ? n : 1);
	bool b = false, b2 = false;
	int lv = 0, lv2 = 0;
	rs_parse pb, pl;
	size_t i;

	if (up == NULL)
		return;
	for (i = 0; i < n; i++)
		up[i] = (char)toupper((unsigned char)s[i]);
	pb = rs_parse_bool(s, n, &b);
	FUZZ_CHECK((pb == RS_PARSE_EMPTY) == all_blank((const unsigned char *)s, n));
	FUZZ_CHECK(rs_parse_bool(up, n, &b2) == pb);
	if (pb == RS_PARSE_OK)
		FUZZ_CHECK(b == b2);
	pl = rs_parse_level(s, n, &lv);
	FUZZ_CHECK((pl == RS_PARSE_EMPTY) == all_blank((const unsigned char *)s, n));
	if (pl == RS_PARSE_OK)
		FUZZ_CHECK(lv >= 1 && lv <= 4);
	FUZZ_CHECK(rs_parse_level(up, n, &lv2) == pl);
	if (pl == RS_PARSE_OK)
		FUZZ_CHECK(lv == lv2);
	free(up);
}

/* The column's mark decides "1.234"-shaped text and nothing else. */
static void check_marks(const char *s, size_t n, unsigned flags)
{
	double dot = 0, comma = 0, none = 0, fast = 0;
	unsigned shape = 0, shape2 = 0;
	rs_parse pd = rs_value_number(s, n, '.', flags, &dot, &shape, NULL);
	rs_parse pc = rs_value_number(s, n, ',', flags, &comma, NULL, NULL);
	rs_parse p0;

	FUZZ_CHECK(pd == pc);
	/* The shape alone does not convert, so it cannot see "1e400" overflow. */
	p0 = rs_value_number(s, n, '.', flags, NULL, &shape2, NULL);
	FUZZ_CHECK(p0 == pd || (p0 == RS_PARSE_OK && pd == RS_PARSE_BAD));
	if (pd != RS_PARSE_OK)
		return;
	FUZZ_CHECK(shape2 == shape);
	p0 = rs_value_number(s, n, 0, flags, &none, NULL, NULL);
	if ((shape & RS_SHAPE_MARK) == RS_SHAPE_AMBIG) {
		FUZZ_CHECK(p0 == RS_PARSE_BAD);
		FUZZ_CHECK(dot != comma);
	} else {
		FUZZ_CHECK(p0 == RS_PARSE_OK && none == dot && comma == dot);
	}
	/* The fast path takes a subset, and reads it as the general path does. */
	if (rs_value_fastnum(s, n, '.', &fast))
		FUZZ_CHECK(fast == dot);
	if (rs_value_fastnum(s, n, ',', &fast))
		FUZZ_CHECK(fast == comma);
}

static void check_since(const char *s, size_t n)
{
	double year = 0, years = -1;
	const char *why = NULL;
	rs_parse p = rs_value_since(s, n, 20261201, &year, &years, &why);

	FUZZ_CHECK((p == RS_PARSE_EMPTY) == all_blank((const unsigned char *)s, n));
	if (p == RS_PARSE_BAD)
		FUZZ_CHECK(why != NULL && why[0] != '\0');
	if (p != RS_PARSE_OK)
		return;
	FUZZ_CHECK(year >= 1900 && year <= 2026 && year == floor(year));
	FUZZ_CHECK(years >= 0 && (years == 2026 - year || years == 2025 - year));
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned flags;
	char *s;
	size_t n;

	if (size == 0)
		return 0;
	flags = data[0];
	n = size - 1;
	s = malloc(n ? n : 1); /* exactly n bytes: no NUL to lean on */
	if (s == NULL)
		return 0;
	memcpy(s, data + 1, n);
	check_number(s, n, flags & 1u, (flags & 2u) != 0);
	check_marks(s, n, (flags & 2u ? RS_NUM_PERCENT : 0u) |
	                      (const unsigned[]){RS_NUM_CURRENCY, RS_NUM_YEARS, RS_NUM_PIECES, 0}[flags >> 2 & 3u]);
	check_since(s, n);
	check_words(s, n);
	free(s);
	return 0;
}
