/*
 * value.c - cell text to values: numbers (signs, currency, thousands groups,
 * decimal comma, %), booleans and contact levels, plus the trimming and name
 * normalisation the field map shares. Ambiguous text is rejected, never guessed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields_impl.h"

/* ------------------------------------------------------------ trimming */

/* Length of a blank (ASCII space/tab/CR/LF, U+00A0, U+3000) at s, or 0. */
static size_t blank_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\r' || u[0] == '\n'))
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

/* Length of a blank that ends at s + n, or 0. */
static size_t blank_before(const char *s, size_t n)
{
	if (n >= 1 && blank_at(s + n - 1, 1))
		return 1;
	if (n >= 2 && blank_at(s + n - 2, 2) == 2)
		return 2;
	if (n >= 3 && blank_at(s + n - 3, 3) == 3)
		return 3;
	return 0;
}

void rs_value_trim_slow(const char **s, size_t *n)
{
	size_t k;

	while ((k = blank_at(*s, *n)) > 0) {
		*s += k;
		*n -= k;
	}
	while ((k = blank_before(*s, *n)) > 0)
		*n -= k;
}

/*
 * A trailing percent unit is not part of a column's name: "Share (%)",
 * "purchase_share %" and "采购份额（%）" name the share like "share" does.
 */
static size_t strip_unit(char *out, size_t o)
{
	static const char *const units[] = {"(%)", "\xEF\xBC\x88%\xEF\xBC\x89", "[%]", "%", NULL};
	size_t i, k;

	for (i = 0; units[i] != NULL; i++) {
		k = strlen(units[i]);
		if (o > k && memcmp(out + o - k, units[i], k) == 0) {
			o -= k;
			while (o > 0 && out[o - 1] == '_')
				o--;
			out[o] = '\0';
			return o;
		}
	}
	return o;
}

/* Separators collapse so "Share - of wallet" still finds share_of_wallet. */
size_t rs_value_norm(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, o = 0;
	bool sep = false;

	rs_value_trim(&s, &n);
	for (i = 0; i < n && o + 1 < cap; i++) {
		char c = s[i];
		if (c == ' ' || c == '-' || c == '_' || c == '\t') {
			if (!sep)
				out[o++] = '_';
			sep = true;
			continue;
		}
		sep = false;
		out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[o] = '\0';
	return strip_unit(out, o);
}

bool rs_value_word_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (w[i] == '\0' || c != w[i])
			return false;
	}
	return w[n] == '\0';
}

/* -------------------------------------------------------------- numbers */

/* "元" (yuan) is accepted as a suffix too: Chinese exports write "1200元". */
static const char *const currencies[] = {"\xC2\xA5", "\xEF\xBF\xA5", "$", "\xE2\x82\xAC", "\xC2\xA3",
                                         "rmb", "cny", "\xE5\x85\x83", NULL};

static size_t currency_at(const char *s, size_t n)
{
	size_t i, k;

	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (i = 0; currencies[i]; i++) {
		k = strlen(currencies[i]);
		if (k <= n && rs_value_word_eq(s, k, currencies[i]))
			return k;
	}
	return 0;
}

static size_t currency_before(const char *s, size_t n)
{
	size_t i, k;

	if (n == 0 || (s[n - 1] >= '0' && s[n - 1] <= '9'))
		return 0;
	for (i = 0; currencies[i]; i++) {
		k = strlen(currencies[i]);
		if (k <= n && rs_value_word_eq(s + n - k, k, currencies[i]))
			return k;
	}
	return 0;
}

const double rs_value_pow10[20] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                   1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                   1e14, 1e15, 1e16, 1e17, 1e18, 1e19};

/* Little-endian words of up to 8 bytes (the first byte lowest). */
#define W1(a) ((uint64_t)(unsigned char)(a))
#define W2(a, b) (W1(a) | W1(b) << 8)
#define W3(a, b, c) (W2(a, b) | W1(c) << 16)
#define W4(a, b, c, d) (W3(a, b, c) | W1(d) << 24)
#define W5(a, b, c, d, e) (W4(a, b, c, d) | W1(e) << 32)
#define W6(a, b, c, d, e, f) (W5(a, b, c, d, e) | W1(f) << 40)
#define W7(a, b, c, d, e, f, g) (W6(a, b, c, d, e, f) | W1(g) << 48)
#define W8(a, b, c, d, e, f, g, h) (W7(a, b, c, d, e, f, g) | W1(h) << 56)
#define LOW(n) ((n) >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * (n))) - 1)
#define CASE(n) (LOW(n) & UINT64_C(0x2020202020202020))

/* The words rs_value_fastbool takes, each in its slot (fields_impl.h). */
#define BOOL8(n, w, fold, v) [RS_BOOL_SLOT(n, (w) & 0xFF)] = {w, fold, n, 0, (v) + 1}
const rs_word8 rs_value_bools[32] = {
	BOOL8(1, W1('1'), 0, 1),
	BOOL8(1, W1('y'), CASE(1), 1),
	BOOL8(1, W1('t'), CASE(1), 1),
	BOOL8(1, W1('0'), 0, 0),
	BOOL8(1, W1('n'), CASE(1), 0),
	BOOL8(1, W1('f'), CASE(1), 0),
	BOOL8(2, W2('n', 'o'), CASE(2), 0),
	BOOL8(3, W3('y', 'e', 's'), CASE(3), 1),
	BOOL8(4, W4('t', 'r', 'u', 'e'), CASE(4), 1),
	BOOL8(5, W5('f', 'a', 'l', 's', 'e'), CASE(5), 0),
	BOOL8(3, W3(0xE6, 0x98, 0xAF), 0, 1), /* 是 */
	BOOL8(3, W3(0xE5, 0x90, 0xA6), 0, 0), /* 否 */
};

/* The words rs_value_fastlevel takes: lowercase English, Chinese, 1-4. */
#define LEVEL8(n, w, last, v) [RS_LEVEL_SLOT(n, (w) & 0xFF)] = {w, 0, n, last, (v) + 1}
const rs_word8 rs_value_levels[16] = {
	LEVEL8(1, W1('1'), '1', 1),
	LEVEL8(1, W1('2'), '2', 2),
	LEVEL8(1, W1('3'), '3', 3),
	LEVEL8(1, W1('4'), '4', 4),
	LEVEL8(5, W5('s', 't', 'a', 'f', 'f'), 'f', 1),
	LEVEL8(7, W7('m', 'a', 'n', 'a', 'g', 'e', 'r'), 'r', 2),
	LEVEL8(8, W8('d', 'i', 'r', 'e', 'c', 't', 'o', 'r'), 'r', 3),
	LEVEL8(9, W8('e', 'x', 'e', 'c', 'u', 't', 'i', 'v'), 'e', 4), /* "executive" */
	LEVEL8(6, W6(0xE5, 0x91, 0x98, 0xE5, 0xB7, 0xA5), 0xA5, 1),    /* 员工 */
	LEVEL8(6, W6(0xE7, 0xBB, 0x8F, 0xE7, 0x90, 0x86), 0x86, 2),    /* 经理 */
	LEVEL8(6, W6(0xE6, 0x80, 0xBB, 0xE7, 0x9B, 0x91), 0x91, 3),    /* 总监 */
	LEVEL8(6, W6(0xE9, 0xAB, 0x98, 0xE5, 0xB1, 0x82), 0x82, 4),    /* 高层 */
};

/* Length of a thousands separator at s, or 0. */
static size_t thousands_at(const char *s, size_t n, bool dcomma)
{
	if (!dcomma)
		return s[0] == ',' ? 1 : 0;
	if (s[0] == '.' || s[0] == ' ')
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if (n >= 3 && memcmp(s, "\xE2\x80\xAF", 3) == 0) /* narrow no-break space */
		return 3;
	return 0;
}

/*
 * The digits of an unsigned number: groups of three between separators, a
 * decimal part, an exponent. Writes a C-locale number into buf for strtod.
 */
static rs_parse num_body(const char *s, size_t n, bool dcomma, char *buf,
                         size_t cap, const char **why)
{
	size_t i = 0, o = 0, k, g = 0, groups = 0, digits = 0;
	char dec = dcomma ? ',' : '.';

	if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return *why = "hexadecimal is not accepted", RS_PARSE_BAD;
	if (rs_value_word_eq(s, n, "nan") || rs_value_word_eq(s, n, "inf") || rs_value_word_eq(s, n, "infinity"))
		return *why = "NaN and infinity are not numbers", RS_PARSE_BAD;
	if (n + 1 > cap)
		return *why = "too long", RS_PARSE_BAD;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			buf[o++] = s[i];
			g++;
			digits++;
		} else if ((k = thousands_at(s + i, n - i, dcomma)) > 0) {
			/* 1-3 digits first (not a lone leading 0), then exactly 3. */
			if (groups == 0 ? (g == 0 || g > 3 || buf[0] == '0') : g != 3)
				return *why = "ambiguous thousands separator", RS_PARSE_BAD;
			groups++;
			g = 0;
			i += k - 1;
		} else {
			break;
		}
	}
	if (groups > 0 && g != 3)
		return *why = "ambiguous thousands separator", RS_PARSE_BAD;
	if (i < n && s[i] == dec) {
		buf[o++] = '.';
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
			buf[o++] = s[i];
	}
	if (digits == 0)
		return *why = "no digits", RS_PARSE_BAD;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		buf[o++] = 'e';
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			buf[o++] = s[i++];
		if (i == n || s[i] < '0' || s[i] > '9')
			return *why = "bad exponent", RS_PARSE_BAD;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			buf[o++] = s[i];
	}
	if (i < n)
		return *why = "unexpected characters", RS_PARSE_BAD;
	buf[o] = '\0';
	return RS_PARSE_OK;
}

/* Strips a trailing % and a currency mark on either side, and the sign. */
static rs_parse num_affixes(const char **s, size_t *n, unsigned flags,
                            bool *neg, const char **why)
{
	size_t k;
	bool cur = false, pct = false, sign = false;

	if (*n > 0 && (*s)[*n - 1] == '%') {
		if (!(flags & RS_NUM_PERCENT))
			return *why = "% is not accepted here", RS_PARSE_BAD;
		pct = true;
		--*n;
		rs_value_trim(s, n);
	}
	if ((k = currency_before(*s, *n)) > 0) {
		cur = true;
		*n -= k;
		rs_value_trim(s, n);
	}
	for (;;) {
		if (*n > 0 && (**s == '-' || **s == '+')) {
			if (sign)
				return *why = "two signs", RS_PARSE_BAD;
			sign = true;
			*neg = **s == '-';
		} else if ((k = currency_at(*s, *n)) > 0) {
			if (cur)
				return *why = "two currency signs", RS_PARSE_BAD;
			cur = true;
			*s += k;
			*n -= k;
			rs_value_trim(s, n);
			continue;
		} else {
			break;
		}
		++*s;
		--*n;
	}
	if (cur && !(flags & RS_NUM_CURRENCY))
		return *why = "a currency sign is not accepted here", RS_PARSE_BAD;
	if (cur && pct)
		return *why = "both a currency sign and %", RS_PARSE_BAD;
	return RS_PARSE_OK;
}

rs_parse rs_value_number(const char *s, size_t n, bool dcomma, unsigned flags,
                         double *out, const char **why)
{
	char buf[128];
	bool neg = false;
	double v;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	/* "39.7%" is common enough in share columns to stay on the fast path. */
	if (rs_value_fastnum(s, (flags & RS_NUM_PERCENT) && s[n - 1] == '%' ? n - 1 : n,
	                     dcomma ? ',' : '.', &v))
		goto done;
	if (num_affixes(&s, &n, flags, &neg, why) != RS_PARSE_OK ||
	    num_body(s, n, dcomma, buf, sizeof buf, why) != RS_PARSE_OK)
		return RS_PARSE_BAD;
	v = strtod(buf, NULL);
	if (!isfinite(v))
		return *why = "out of range", RS_PARSE_BAD;
	if (neg)
		v = -v;
done:
	*out = v == 0 ? 0.0 : v; /* no negative zero: "-0" is 0 */
	return RS_PARSE_OK;
}

rs_parse rs_parse_number(const char *s, size_t n, const rs_numfmt *nf,
                         bool allow_percent, double *out, const char **why)
{
	return rs_value_number(s, n, nf != NULL && nf->decimal_comma,
	                 RS_NUM_CURRENCY | (allow_percent ? RS_NUM_PERCENT : 0), out, why);
}

/* ----------------------------------------------------- booleans, levels */

/*
 * "x" is deliberately not a boolean: a tick in English sheets but "wrong"
 * (×) in Chinese ones. √ and ✓ are ticks everywhere.
 */
static const char *const bool_yes[] = {"yes", "y", "true", "t", "1", "是", "有",
                                       "\xE2\x88\x9A", "\xE2\x9C\x93", NULL};
static const char *const bool_no[] = {"no", "n", "false", "f", "0", "否", "无", "無", "没有", NULL};

static bool in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (rs_value_word_eq(s, n, *list))
			return true;
	return false;
}

rs_parse rs_value_bool_slow(const char *s, size_t n, bool *out)
{
	if (in_list(s, n, bool_yes))
		return *out = true, RS_PARSE_OK;
	if (in_list(s, n, bool_no))
		return *out = false, RS_PARSE_OK;
	return RS_PARSE_BAD;
}

rs_parse rs_parse_bool(const char *s, size_t n, bool *out)
{
	int k;

	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	/* The usual words first, without walking the lists. */
	if ((k = rs_value_fastbool(s, n)) >= 0)
		return *out = k == 1, RS_PARSE_OK;
	return rs_value_bool_slow(s, n, out);
}

/*
 * Level words, compared after name normalisation ("C-Level" = "c_level").
 * Left out as ambiguous: "vp" (above director in some firms, below in banks),
 * "主管" (supervisor: staff or manager), "head". 总经理 is a Chinese
 * company's chief executive, hence 4.
 */
static const char *const level_words[4][8] = {
	{"1", "staff", "employee", "员工", "职员", "普通员工", NULL},
	{"2", "manager", "mgr", "经理", "部门经理", NULL},
	{"3", "director", "总监", NULL},
	{"4", "executive", "exec", "c_level", "c_suite", "高层", "高管", "总经理"},
};

/* strlen of level_words[i][1], the English word. */
static const size_t level_len[4] = {5, 7, 8, 9};

rs_parse rs_value_level_slow(const char *s, size_t n, int *out)
{
	char buf[32];
	size_t i, j;

	/* The English words in any case, before normalising. */
	for (i = 0; i < 4; i++)
		if (level_len[i] == n && rs_value_word_eq(s, n, level_words[i][1]))
			return *out = (int)i + 1, RS_PARSE_OK;
	if (n >= sizeof buf)
		return RS_PARSE_BAD;
	(void)rs_value_norm(s, n, buf, sizeof buf);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 8 && level_words[i][j]; j++)
			if (buf[0] == level_words[i][j][0] && strcmp(buf, level_words[i][j]) == 0)
				return *out = (int)i + 1, RS_PARSE_OK;
	return RS_PARSE_BAD;
}

rs_parse rs_parse_level(const char *s, size_t n, int *out)
{
	int k;

	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	/* The words as most exports write them, without normalising. */
	if ((k = rs_value_fastlevel(s, n)) > 0)
		return *out = k, RS_PARSE_OK;
	return rs_value_level_slow(s, n, out);
}

/* -------------------------------------------------- a map file's words */

bool rs_value_word_lookup(const rs_value_words *w, const char *s, size_t n, double *out)
{
	char buf[128];
	size_t i;

	if (w == NULL || w->n == 0 || n >= sizeof buf || rs_value_norm(s, n, buf, sizeof buf) == 0)
		return false;
	for (i = 0; i < w->n; i++)
		if (strcmp(buf, w->word[i]) == 0)
			return *out = w->value[i], true;
	return false;
}
