/*
 * value.c - cell text to values: numbers (signs, currencies, units, full-width
 * forms, thousands groups, the decimal mark), years and dates, plus the
 * trimming and name normalisation the field map shares. The words of yes/no
 * and level cells are in words.c. Ambiguous text is rejected, never guessed.
 */
#include <math.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "fields_impl.h"
#include "msg.h"

/* A reason a value does not read: msg.c's English text, which msg.c gives in
 * the run's language for a reject. */
#define WHY(id) rs_msg(RS_LANG_EN, RS_M_##id)

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

/* Is s[0..n) equal to the lowercase word w, ignoring ASCII case? */
static bool rs_value_word_eq(const char *s, size_t n, const char *w)
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

/*
 * Currency marks, before or after the number, and unit words after it
 * (lowercase; matched in any ASCII case). "元" is a currency: Chinese exports
 * write "1200元"; so are the Chinese names of others (美元, 欧元, 港币...).
 */
static const char *const currencies[] = {
	/* 美元 before 元: the Chinese names of other currencies end in it */
	"\xE7\xBE\x8E\xE5\x85\x83", "\xE7\xBE\x8E\xE9\x87\x91", "\xE6\xB8\xAF\xE5\x85\x83",
	"\xE6\xB8\xAF\xE5\xB8\x81", "\xE6\xB8\xAF\xE5\xB9\xA3", "\xE6\x96\xB0\xE5\x8F\xB0\xE5\xB8\x81",
	"\xE6\x96\xB0\xE8\x87\xBA\xE5\xB9\xA3", "\xE6\x96\xB0\xE5\x8F\xB0\xE5\xB9\xA3",
	"\xE5\x8F\xB0\xE5\xB8\x81", "\xE5\x8F\xB0\xE5\xB9\xA3", "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81",
	"\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB9\xA3", "\xE6\x97\xA5\xE5\x85\x83", "\xE6\x97\xA5\xE5\x9C\x86",
	"\xE6\x97\xA5\xE5\x9C\x93", "\xE6\xAC\xA7\xE5\x85\x83", "\xE6\xAD\x90\xE5\x85\x83",
	"\xE8\x8B\xB1\xE9\x95\x91", "\xE8\x8B\xB1\xE9\x8E\x8A",
	"\xE7\x91\x9E\xE5\xA3\xAB\xE6\xB3\x95\xE9\x83\x8E", "\xE5\x8D\xA2\xE6\xAF\x94",
	"\xE7\x9B\xA7\xE6\xAF\x94",
	"us$", "hk$", "nt$", "\xC2\xA5", "\xEF\xBF\xA5", "$", "\xE2\x82\xAC", "\xC2\xA3",
	"\xE5\x85\x83", "\xE5\x86\x86", "rmb", "cny", "usd", "eur", "gbp", "jpy", "hkd", "chf", "twd",
	"\xE2\x82\xB9", "inr", "rs.", NULL};
/* The currencies each word above may mean, as bits: USD 1, HKD 2, TWD 4,
 * CNY 8, JPY 16, EUR 32, GBP 64, CHF 128, INR 256 ("$" any dollar, "¥" yuan
 * or yen, "元" yuan or a Taiwan or Hong Kong dollar, "₹" and "Rs." rupees). */
static const unsigned short currency_sets[] = {
	1, 1, 2, 2, 2, 4, 4, 4, 4, 4, 8, 8, 16, 16, 16, 32, 32, 64, 64, 128, 256, 256,
	1, 2, 4, 24, 24, 7, 32, 64, 14, 16, 8, 8, 1, 32, 64, 16, 2, 128, 4, 256, 256, 256};

static const char *const year_units[] = {"years", "year", "yrs", "yr", "jahre", "jahr", "ans", "an",
                                         "a\xC3\xB1os", "a\xC3\xB1o", "\xE5\xB9\xB4", NULL}; /* 年 */
static const char *const count_units[] = {"\xE4\xBA\xBA", "\xE4\xB8\xAA", "\xE5\x80\x8B", /* 人 个 個 */
                                          "\xE4\xBD\x8D", "\xE5\x90\x8D", "\xE6\xAC\xA1", /* 位 名 次 */
                                          "\xE9\xA1\xB9", "\xE9\xA0\x85", NULL};             /* 项 項 */
/* An amount's scale words after it, exact: 万 (萬, 10^4) and 亿 (億, 10^8)
 * first, then K, German Tsd., Mio., Mrd., and bn; not "M", which is a
 * thousand in some accounting. */
static const char *const myriads[] = {"\xE4\xB8\x87", "\xE8\x90\xAC", "\xE4\xBA\xBF",
                                      "\xE5\x84\x84", "k", "tsd.", "tsd", "mio.", "mio",
                                      "mrd.", "mrd", "bn", NULL};
static const unsigned char myriad_e10[] = {4, 4, 8, 8, 3, 3, 3, 6, 6, 9, 9, 9};

/* Length of a word of `list` at the start (end) of s[0..n), or 0. */
static size_t affix(const char *s, size_t n, const char *const *list, bool at_end)
{
	size_t k;

	if (n == 0 || (s[at_end ? n - 1 : 0] >= '0' && s[at_end ? n - 1 : 0] <= '9'))
		return 0; /* no word ends (starts) with a digit */
	for (; *list; list++)
		if ((k = strlen(*list)) <= n && rs_value_word_eq(at_end ? s + n - k : s, k, *list))
			return k;
	return 0;
}

bool rs_value_myriad(const char *s, size_t n)
{
	const char *const *w;
	size_t i, k;

	for (w = myriads; w < myriads + 4; w++) /* 万 and 亿: others are Latin letters */
		for (k = strlen(*w), i = 0; i + k <= n; i++)
			if (memcmp(s + i, *w, k) == 0)
				return true;
	return false;
}

unsigned rs_value_currencies(const char *s, size_t n)
{
	size_t i, k;
	int end;

	rs_value_trim(&s, &n);
	(void)rs_value_unformula(&s, &n);
	for (end = 0; end < 2; end++)
		for (i = 0; currencies[i] != NULL; i++)
			if ((k = strlen(currencies[i])) <= n &&
			    rs_value_word_eq(end ? s + n - k : s, k, currencies[i]))
				return currency_sets[i];
	return 0;
}

const char *rs_value_currency_mark(unsigned set, bool *after)
{
	/* One mark for each set above, as a sheet's format shows it. */
	static const struct {
		unsigned short set;
		bool after;
		const char *mark;
	} marks[] = {{7, false, "$"},         {24, false, "\xC2\xA5"},   {32, false, "\xE2\x82\xAC"},
	             {64, false, "\xC2\xA3"}, {14, true, "\xE5\x85\x83"}, {16, true, "\xE5\x86\x86"},
	             {1, false, "US$"},       {2, false, "HK$"},       {4, false, "NT$"},
	             {8, true, " CNY"},       {128, true, " CHF"},     {256, false, "\xE2\x82\xB9"}};
	const size_t n = sizeof marks / sizeof *marks;
	size_t i, best = n;

	for (i = 0; i < n; i++) {
		if (marks[i].set == set) {
			best = i;
			break;
		}
		if (best == n && (marks[i].set & set) != 0)
			best = i; /* "$" and "USD" in one format: the first that fits */
	}
	*after = best < n && marks[best].after;
	return best < n ? marks[best].mark : "";
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

/*
 * The number's text in ASCII (into out, capacity cap): full-width digits,
 * signs, '．', '％' and brackets（ ）(Yonyou's negative: （1,234.56）) as their
 * ASCII forms, the spaces that group
 * thousands (no-break, narrow no-break, thin, figure) as ' ', '’' as '\''.
 * So is '，': Chinese and Japanese text, which writes it, has a decimal
 * point, so "１，２００" is 1200 whatever the file's mark.
 * Other bytes are copied. Returns the length, or cap when it does not fit.
 */
static size_t num_ascii(const char *s, size_t n, char *out, size_t cap)
{
	static const char map[][5] = {
		"\xEF\xBC\x8C'", "\xE2\x88\x92-", "\xE2\x80\xAF ", "\xE2\x80\x89 ", "\xE2\x80\x87 ",
		"\xE2\x80\x99'",
	};
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, k;
	unsigned char a;

	while (i < n) {
		if (o + 1 >= cap)
			return cap;
		if (u[i] < 0x80) {
			out[o++] = s[i++];
		} else if (u[i] == 0xEF && (a = rs_value_fullwidth(u + i, n - i)) != 0 &&
		           strchr("0123456789.+-%()", a) != NULL) {
			out[o++] = (char)a; /* ０-９ ． ＋ － ％ （ ） */
			i += 3;
		} else if (n - i >= 2 && u[i] == 0xC2 && u[i + 1] == 0xA0) {
			out[o++] = ' ';
			i += 2;
		} else {
			for (k = 0; k < sizeof map / sizeof map[0]; k++)
				if (n - i >= 3 && memcmp(s + i, map[k], 3) == 0)
					break;
			out[o++] = k < sizeof map / sizeof map[0] ? map[k][3] : s[i];
			i += k < sizeof map / sizeof map[0] ? 3 : 1;
		}
	}
	out[o] = '\0';
	return o;
}

#define MAX_GROUPS 32

/*
 * The digits of an unsigned number, with its marks: a '.' or ',' followed by
 * other than exactly three digits, or after a first group that cannot be a
 * thousands group ("0.5", "1234.5"), or after groups of another mark, is the
 * decimal mark; the same mark twice groups thousands (',' also India's
 * lakhs and crores); so do ' ' and '\''.
 * One mark before three digits ("1.234") is ambiguous: `dec` decides it
 * (0: rejected). *shape says which the text itself showed. Writes a C-locale
 * number into buf for strtod.
 */
static rs_parse num_body(const char *b, size_t m, char dec, char *buf, unsigned *shape,
                         const char **why)
{
	size_t grp[MAX_GROUPS + 1], pos[MAX_GROUPS], cnt[2] = {0, 0}, last[2] = {0, 0};
	size_t i, j, e, k, ng = 0, o = 0, d = SIZE_MAX, ndig = 0;
	char sep[MAX_GROUPS];
	bool indian;

	if (m >= 2 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X'))
		return *why = WHY(HEX), RS_PARSE_BAD;
	if (rs_value_word_eq(b, m, "nan") || rs_value_word_eq(b, m, "inf") || rs_value_word_eq(b, m, "infinity"))
		return *why = WHY(NAN), RS_PARSE_BAD;
	for (e = 0; e < m && (b[e] < '0' || b[e] > '9'); e++)
		;
	if (e == m)
		return *why = WHY(NO_DIGITS), RS_PARSE_BAD;
	for (e = 0; e < m && b[e] != 'e' && b[e] != 'E'; e++)
		;
	grp[0] = 0;
	for (i = 0; i < e; i++) {
		if (b[i] >= '0' && b[i] <= '9') {
			grp[ng]++;
			ndig++;
		} else if (b[i] == '.' || b[i] == ',' || b[i] == ' ' || b[i] == '\'') {
			if (ng == MAX_GROUPS)
				return *why = WHY(SEPARATORS), RS_PARSE_BAD;
			if (b[i] == '.' || b[i] == ',') {
				k = b[i] == ',';
				cnt[k]++;
				last[k] = ng;
			}
			pos[ng] = i;
			sep[ng++] = b[i];
			grp[ng] = 0;
		} else {
			return *why = WHY(UNEXPECTED), RS_PARSE_BAD;
		}
	}
	if (ndig == 0)
		return *why = WHY(NO_DIGITS), RS_PARSE_BAD;
	*shape = RS_SHAPE_PLAIN;
	if (cnt[0] > 0 && cnt[1] > 0) {
		k = last[1] > last[0];
		if (cnt[k] > 1)
			return *why = WHY(TWO_MARKS), RS_PARSE_BAD;
		d = last[k];
		*shape = k ? RS_SHAPE_COMMA : RS_SHAPE_DOT;
	} else if (cnt[0] + cnt[1] == 1) {
		k = cnt[1] > 0;
		j = last[k];
		if (grp[j + 1] != 3 || j + 1 < ng || j > 0 || grp[0] == 0 || grp[0] > 3 || b[0] == '0' || e < m) {
			d = j;
			*shape = k ? RS_SHAPE_COMMA : RS_SHAPE_DOT;
		} else {
			*shape = RS_SHAPE_AMBIG;
			if (dec == 0)
				return *why = WHY(AMBIGUOUS), RS_PARSE_BAD;
			if (dec == sep[j])
				d = j;
		}
	} else if (cnt[0] + cnt[1] > 1) {
		*shape = cnt[1] > 0 ? RS_SHAPE_DOT : RS_SHAPE_COMMA; /* the other mark is the decimal one */
	}
	k = d == SIZE_MAX ? ng : d; /* separators before the decimal mark group thousands */
	for (j = 0; j < k; j++)
		if (sep[j] != sep[0])
			return *why = WHY(MIXED_THOUSANDS), RS_PARSE_BAD;
	/* India groups by lakh and crore: 12,34,567 (pairs, then three digits) */
	indian = k >= 2 && sep[0] == ',' && grp[k] == 3 && grp[0] - 1 < 2 && b[0] != '0';
	for (j = 1; j < k && indian; j++)
		indian = grp[j] == 2;
	for (j = 0; j <= k && k > 0 && !indian; j++)
		if (j == 0 ? grp[0] == 0 || grp[0] > 3 || b[0] == '0' : grp[j] != 3)
			return *why = WHY(GROUPS), RS_PARSE_BAD;
	if (d != SIZE_MAX && d + 1 != ng)
		return *why = WHY(SEP_AFTER_MARK), RS_PARSE_BAD;
	for (i = 0; i < e; i++)
		if (b[i] >= '0' && b[i] <= '9')
			buf[o++] = b[i];
		else if (d != SIZE_MAX && i == pos[d])
			buf[o++] = '.';
	if (e < m) {
		buf[o++] = 'e';
		if (++e < m && (b[e] == '+' || b[e] == '-'))
			buf[o++] = b[e++];
		if (e == m || b[e] < '0' || b[e] > '9')
			return *why = WHY(EXPONENT), RS_PARSE_BAD;
		for (; e < m && b[e] >= '0' && b[e] <= '9'; e++)
			buf[o++] = b[e];
		if (e < m)
			return *why = WHY(UNEXPECTED), RS_PARSE_BAD;
	}
	buf[o] = '\0';
	return RS_PARSE_OK;
}

/*
 * Strips from the end a %, a unit word and a currency mark, from the start
 * the sign and a currency mark (either order), and the blanks between.
 */
static rs_parse num_affixes(const char **s, size_t *n, unsigned flags, bool *neg, bool *pct,
                            int *e10, bool *cur, const char **why)
{
	const char *const *units = flags & RS_NUM_YEARS ? year_units : flags & RS_NUM_PIECES ? count_units : NULL;
	bool sign = false;
	size_t k, i;

	if (*n > 2 && (*s)[0] == '(' && (*s)[*n - 1] == ')') { /* accounting's negative: (1,234.56) */
		sign = *neg = true;
		(*s)++;
		*n -= 2;
		rs_value_trim(s, n);
	}
	for (;;) {
		if (*n > 0 && (*s)[*n - 1] == '%' && !*pct) {
			if (!(flags & RS_NUM_PERCENT))
				return *why = WHY(PERCENT_HERE), RS_PARSE_BAD;
			*pct = true;
			k = 1;
		} else if (units != NULL && (k = affix(*s, *n, units, true)) > 0) {
			units = NULL;
		} else if (!*cur && (k = affix(*s, *n, currencies, true)) > 0) {
			*cur = true;
		} else if ((flags & RS_NUM_CURRENCY) && *e10 == 0 &&
		           (k = affix(*s, *n, myriads, true)) > 0) {
			/* 88万, 1.2亿元, 1,2 Mio. €: exact, a power of ten */
			for (i = 0; !rs_value_word_eq(*s + *n - k, k, myriads[i]); i++)
				;
			*e10 = myriad_e10[i];
		} else if (*n > 2 && (*s)[*n - 1] == '-' && ((*s)[*n - 2] == ',' || (*s)[*n - 2] == '.')) {
			k = 1; /* no cents, as German and Swiss prices write it: "1.200,-", "1'200.-" */
		} else if (*n > 1 && (*s)[*n - 1] == '-' && !sign) {
			sign = *neg = true; /* SAP's trailing minus: "1.234,50-" */
			k = 1;
		} else {
			break;
		}
		*n -= k;
		rs_value_trim(s, n);
	}
	for (;;) { /* "- 1200", "$ (1,200)": negatives, which an amount's field refuses as such */
		if (*n > 0 && (**s == '-' || **s == '+')) {
			if (sign)
				return *why = WHY(TWO_SIGNS), RS_PARSE_BAD;
			sign = true;
			*neg = **s == '-';
			k = 1;
		} else if (*n > 3 && memcmp(*s, "\xE2\x96", 2) == 0 &&
		           ((unsigned char)(*s)[2] == 0xB2 || (unsigned char)(*s)[2] == 0xB3)) {
			if (sign) /* △ and ▲: Chinese accounting's minus (Kingdee, Yonyou: △1,234.56) */
				return *why = WHY(TWO_SIGNS), RS_PARSE_BAD;
			sign = *neg = true;
			k = 3;
		} else if ((k = affix(*s, *n, currencies, false)) > 0) {
			if (*cur)
				return *why = WHY(TWO_CURRENCIES), RS_PARSE_BAD;
			*cur = true;
		} else if (!sign && *n > 2 && **s == '(' && (*s)[*n - 1] == ')') {
			sign = *neg = true;
			k = 1;
			(*n)--;
		} else {
			break;
		}
		*s += k;
		*n -= k;
		rs_value_trim(s, n);
	}
	if (*cur && !(flags & RS_NUM_CURRENCY))
		return *why = WHY(CURRENCY_HERE), RS_PARSE_BAD;
	if (*cur && *pct)
		return *why = WHY(CURRENCY_AND_PERCENT), RS_PARSE_BAD;
	return RS_PARSE_OK;
}

/* 零 一 … 九十九, 两 (三人, 两年, 十二个), or ASCII digits (at most 4), or -1. */
static long zh_small(const char *s, size_t n)
{
	static const char digits[] = "零一二三四五六七八九两";
	long tens = -1, unit = -1, v = 0;
	size_t i;

	for (i = 0; i < n && i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (s[i] - '0');
	if (i > 0)
		return i == n ? v : -1;
	for (i = 0; i + 3 <= n; i += 3) {
		for (v = 0; v < 11 && memcmp(s + i, digits + 3 * v, 3) != 0; v++)
			;
		if (memcmp(s + i, "十", 3) == 0 && tens < 0)
			tens = unit < 0 ? 1 : unit, unit = -1;
		else if (v < 11 && unit < 0)
			unit = v == 10 ? 2 : v;
		else
			return -1;
	}
	return i != n || (tens < 0 && unit < 0) ? -1 : (tens < 0 ? 0 : tens * 10) + (unit < 0 ? 0 : unit);
}

/* Months at the end of s[0..n) ("6个月", "六个月", "6月"): how many, or -1. */
static long zh_months(const char *s, size_t n)
{
	if (n < 3 || memcmp(s + n - 3, "月", 3) != 0)
		return -1;
	n -= n >= 6 && memcmp(s + n - 6, "个", 3) == 0 ? 6 : 3;
	return n > 0 ? zh_small(s, n) : -1;
}

/* A count or years in Chinese words (三人, 两年, 十二个), and for years 半年,
 * 3年半, 3年6个月 and 3年零6个月 (3.5), 18个月 (1.5): s[0..n) is the text left when the
 * unit word at the end is taken off. */
static bool zh_amount(const char *s, size_t n, bool years, double *v)
{
	const char *y;
	long a, b = 0;

	if ((a = zh_small(s, n)) >= 0 && (unsigned char)s[0] >= 0x80)
		return *v = (double)a, true;
	if (!years)
		return false;
	if (n == 3 && memcmp(s, "半", 3) == 0)
		return *v = 0.5, true;
	y = strstr(s, "年");
	if (y == NULL || y >= s + n)
		return (b = zh_months(s, n)) > 0 && (*v = (double)b / 12, true);
	if ((a = zh_small(s, (size_t)(y - s))) < 0)
		return false;
	n -= (size_t)(y - s) + 3;
	y += 3;
	if (n > 3 && memcmp(y, "零", 3) == 0) /* 2年零6个月 */
		y += 3, n -= 3;
	b = n == 3 && memcmp(y, "半", 3) == 0 ? 6 : zh_months(y, n);
	return b > 0 && b < 12 && (*v = (double)a + (double)b / 12, true);
}

rs_parse rs_value_number(const char *s, size_t n, char dec, unsigned flags, double *out,
                         unsigned *shape, const char **why)
{
	char a[128], buf[128];
	const char *p = a;
	size_t m, k;
	bool neg = false, pct = false, cur = false, fw;
	unsigned sh = RS_SHAPE_PLAIN;
	int e10 = 0;
	double v;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	if (shape != NULL)
		*shape = RS_SHAPE_PLAIN;
	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	/* "39.7%" is common enough in share columns to stay on the fast path. */
	if (shape == NULL &&
	    rs_value_fastnum(s, (flags & RS_NUM_PERCENT) && s[n - 1] == '%' ? n - 1 : n, dec, &v))
		goto done;
	if ((m = num_ascii(s, n, a, sizeof a)) >= sizeof a)
		return *why = WHY(TOO_LONG), RS_PARSE_BAD;
	/* '．' is a decimal point whatever the file's mark ("１．２００" is 1.2), so
	 * it shows nothing of the file's mark (as '，' does not) */
	for (fw = false, k = 0; m < n && !fw && k + 3 <= n; k++)
		fw = memcmp(s + k, "\xEF\xBC\x8E", 3) == 0;
	if (num_affixes(&p, &m, flags, &neg, &pct, &e10, &cur, why) != RS_PARSE_OK)
		return RS_PARSE_BAD;
	if ((flags & (RS_NUM_YEARS | RS_NUM_PIECES)) && !neg && !pct && m > 2 &&
	    zh_amount(p, m, flags & RS_NUM_YEARS, &v)) { /* 三人, 3年6个月 */
		if (out == NULL)
			return RS_PARSE_OK;
		goto done;
	}
	if (num_body(p, m, fw ? '.' : dec, buf, &sh, why) != RS_PARSE_OK)
		return RS_PARSE_BAD;
	if (fw && sh == RS_SHAPE_COMMA) /* "１．２３４．５６７", "1．200,5": it is no group */
		return *why = WHY(TWO_MARKS), RS_PARSE_BAD;
	if (fw && sh == RS_SHAPE_AMBIG)
		sh = RS_SHAPE_PLAIN;
	if (e10 > 0 && (strchr(buf, 'e') != NULL || strlen(buf) + 3 > sizeof buf))
		return *why = WHY(MYRIAD_EXPONENT), RS_PARSE_BAD;
	if (e10 > 0) { /* as a decimal exponent: 1.1万 is 11000 exactly */
		m = strlen(buf);
		buf[m] = 'e', buf[m + 1] = (char)('0' + e10), buf[m + 2] = '\0';
	}
	if (shape != NULL)
		*shape = sh | (pct ? RS_SHAPE_PCT : 0u) | (e10 > 0 ? RS_SHAPE_MYRIAD : 0u) |
		         (cur ? RS_SHAPE_CURRENCY : 0u);
	if (out == NULL)
		return RS_PARSE_OK; /* the shape was asked for, not the value */
	v = strtod(buf, NULL);
	if (!isfinite(v))
		return *why = WHY(RANGE), RS_PARSE_BAD;
	if (neg)
		v = -v;
done:
	*out = v == 0 ? 0.0 : v; /* no negative zero: "-0" is 0 */
	return RS_PARSE_OK;
}

bool rs_value_cur_decimal(const char *s, size_t n, char dec, unsigned flags)
{
	double a = 0, b = 0;
	unsigned shape = 0;

	if ((dec != '.' && dec != ',') ||
	    rs_value_number(s, n, dec, flags, &a, &shape, NULL) != RS_PARSE_OK ||
	    (shape & (RS_SHAPE_MARK | RS_SHAPE_CURRENCY)) != (RS_SHAPE_AMBIG | RS_SHAPE_CURRENCY) ||
	    rs_value_number(s, n, dec == ',' ? '.' : ',', flags, &b, NULL, NULL) != RS_PARSE_OK)
		return false;
	return fabs(a) < fabs(b); /* read so it is the smaller: 1.2, not 1200 */
}

/* A long number Excel wrote in scientific notation (1.23457E+17; German
 * Excel 1,23457E+17): how many digits it kept, or 0 when s[0..n) is not
 * one. A CSV keeps what a sheet shows, so a number too wide for its column
 * ("8.8E+05", "8,8E+05") lost its digits. */
size_t rs_value_sci_digits(const char *s, size_t n)
{
	size_t i = 1, d = 1, e;

	rs_value_trim(&s, &n);
	if (n < 5 || s[0] < '1' || s[0] > '9')
		return 0;
	if (s[1] == '.' || s[1] == ',')
		for (i = 2; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	if (i + 3 >= n || (s[i] != 'E' && s[i] != 'e') || s[i + 1] != '+')
		return 0;
	for (e = i + 2; e < n && s[e] >= '0' && s[e] <= '9'; e++)
		;
	return e == n && e - (i + 2) >= 2 ? d : 0;
}

/* A cell that says no value was given: a dash, a slash, n/a, k.A. (keine
 * Angabe). Read as an empty cell, unknown; "#N/A" (a formula that failed)
 * and 未知 ("unknown", an answer) are not this. */
bool rs_value_placeholder(const char *s, size_t n)
{
	static const char *const marks[] = {"-", "--", "/", "\xE2\x80\x94", "\xE2\x80\x94\xE2\x80\x94",
	                                    "\xE2\x80\x93", "n/a", "n.a.", "n.a", "k.a.", "k. a.", "k.a", NULL};
	size_t i;

	rs_value_trim(&s, &n);
	if (n == 0 || n > 6)
		return false;
	for (i = 0; marks[i] != NULL; i++)
		if (rs_value_word_eq(s, n, marks[i]))
			return true;
	return false;
}

/* ---------------------------------------------------------- years, dates */

static bool valid_date(long y, long mo, long d)
{
	static const unsigned char mdays[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return mo >= 1 && mo <= 12 && d >= 1 && d <= mdays[mo] &&
	       !(mo == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

/*
 * A date in digits alone: YYYYMMDD (8, as SAP writes it: read in another
 * order, its month or its year could not be one), or a Unix time in
 * seconds (10) or milliseconds (13), as APIs give a date (HubSpot's
 * createdate "1559347200000"), as its UTC date: no other year or date has
 * as many digits (YYYYMMDDhhmm has 12, YYYYMMDDhhmmss 14). Set in f and len
 * as the date's digits would set them.
 */
static bool digits_date(const char *a, size_t m, long f[3], size_t len[3])
{
	long long v;
	time_t t;
	struct tm tm;

	if ((m != 7 && m != 8 && m != 10 && m != 13) || (a[0] == '0' && m != 7) ||
	    (m == 7 && a[0] > '1') || strspn(a, "0123456789") != m)
		return false;
	v = strtoll(a, NULL, 10);
	if (m == 7 || m == 8) { /* 7: a Taiwan ERP's 1080615, 民国 108 (2019) */
		f[0] = (long)(v / 10000);
		f[1] = (long)(v / 100 % 100);
		f[2] = (long)(v % 100);
	} else {
		t = (time_t)(m == 13 ? v / 1000 : v);
		if (gmtime_r(&t, &tm) == NULL)
			return false;
		f[0] = tm.tm_year + 1900L;
		f[1] = tm.tm_mon + 1L;
		f[2] = tm.tm_mday;
	}
	len[0] = m == 7 ? 3 : 4;
	len[1] = len[2] = 2;
	return true;
}

/* The month (1-12) an English month name or its three letters ("Sept"
 * too) at s[0..w) names, any case, or 0. */
static long month_word(const char *s, size_t w)
{
	static const char *const names[] = {"january", "february", "march", "april", "may", "june",
	                                    "july", "august", "september", "october", "november",
	                                    "december"};
	size_t t, i, len;

	for (t = 0; t < 12; t++) {
		len = strlen(names[t]);
		if (w != 3 && w != len && !(t == 8 && w == 4))
			continue;
		for (i = 0; i < w && (s[i] | 0x20) == names[t][i]; i++)
			;
		if (i == w)
			return (long)t + 1;
	}
	return 0;
}

/*
 * A date with an English month name, as Excel and US CRMs show one:
 * "15-Jun-2019", "Jun 15, 2019", "15 June 2019", "Jun-2019": one month
 * name, a four-digit year and at most one day, nothing else. A two-digit
 * year ("15-Jun-19") stays refused: its century would be a guess.
 */
static bool month_date(const char *a, size_t m, long f[3], size_t len[3], size_t *k)
{
	long y = 0, d = 0, mo = 0, v;
	size_t i = 0, j, w;

	while (i < m) {
		if (strchr(" -/,.", a[i]) != NULL) {
			i++;
			continue;
		}
		for (j = i; j < m && strchr(" -/,.", a[j]) == NULL; j++)
			;
		w = j - i;
		if (strspn(a + i, "0123456789") >= w && w == 4 && y == 0)
			y = strtol(a + i, NULL, 10);
		else if (strspn(a + i, "0123456789") >= w && w <= 2 && d == 0)
			d = strtol(a + i, NULL, 10);
		else if (mo == 0 && (v = month_word(a + i, w)) > 0)
			mo = v;
		else
			return false;
		i = j;
	}
	if (mo == 0 || y == 0)
		return false;
	f[0] = y;
	f[1] = mo;
	f[2] = d;
	len[0] = 4;
	len[1] = len[2] = 2;
	*k = d > 0 ? 3 : 2;
	return true;
}

/* A year typed into a cell formatted as a date is that day's serial number:
 * Excel shows 2019 as 1905-07-11 (in its 1904 system, 1909-07-12). Such a
 * day whose serial is a year up to today is the year that was typed, never
 * a relationship of 121 years. */
static bool year_as_date(long y, long mo, long d, long today)
{
	static const short before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	long serial = before[mo - 1] + d + (y == 1905 ? 1827 : 1826); /* neither is leap */

	return (y == 1905 || y == 1909) && serial >= 1900 && serial <= today / 10000;
}

rs_parse rs_value_since(const char *s, size_t n, long today, double *year, double *years,
                        const char **why)
{
	char a[64];
	long f[3] = {0, 0, 0}, y, mo, d;
	size_t m, i = 0, k = 0, len[3] = {0, 0, 0};
	char sep = 0;
	bool roc = false;

	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	if ((m = num_ascii(s, n, a, sizeof a)) >= sizeof a)
		return *why = WHY(TOO_LONG), RS_PARSE_BAD;
	if (m > 6 && (memcmp(a, "民国", 6) == 0 || memcmp(a, "民國", 6) == 0)) {
		memmove(a, a + 6, (m -= 6) + 1); /* a Taiwan year: 民国 108 is 2019 */
		roc = true;
	}
	if (digits_date(a, m, f, len)) {
		i = m;
		k = 3;
	} else if (month_date(a, m, f, len, &k)) {
		i = m;
	}
	while (i < m && k < 3) {
		for (; i < m && a[i] >= '0' && a[i] <= '9' && len[k] < 5; i++, len[k]++)
			f[k] = f[k] * 10 + (a[i] - '0');
		if (len[k] == 0)
			break;
		k++;
		if (m - i >= 3 && (memcmp(a + i, "年", 3) == 0 || memcmp(a + i, "月", 3) == 0 ||
		                   memcmp(a + i, "日", 3) == 0 || memcmp(a + i, "号", 3) == 0))
			i += 3;
		else if (i < m && k < 3 && (a[i] == '-' || a[i] == '/' || a[i] == '.') && (sep == 0 || sep == a[i]))
			sep = a[i++];
		else
			break;
	}
	if (k == 2 && sep == '.' && f[1] == 0)
		k = 1; /* 2019.0: a year that a program wrote as a decimal number (pandas) */
	/* What follows a whole date may be a time ("2019-06-15 00:00:00"). */
	if (i < m && !(k == 3 && (a[i] == ' ' || a[i] == 'T')))
		return *why = WHY(YEAR_OR_DATE), RS_PARSE_BAD;
	if (k == 3 && sep == '.' && len[0] <= 2 && len[2] == 4) { /* 15.06.2019 */
		long t = f[0];
		f[0] = f[2];
		f[2] = t;
		len[0] = 4;
		len[2] = 2;
	}
	if (k == 3 && (sep == '/' || sep == '-') && len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
		/* 6/15/2019 (US) or 15/06/2019 (UK), also with '-': the year is sure;
		 * which is the month matters only when the two readings differ in
		 * whole years. */
		bool us = valid_date(f[2], f[0], f[1]), uk = valid_date(f[2], f[1], f[0]);
		if (us && uk && (f[0] * 100 + f[1] > today % 10000) != (f[1] * 100 + f[0] > today % 10000))
			return *why = WHY(DAY_MONTH), RS_PARSE_BAD;
		mo = us ? f[0] : f[1];
		d = us ? f[1] : f[0];
		f[0] = f[2];
		f[1] = mo;
		f[2] = d;
		len[0] = 4;
		len[1] = len[2] = 2;
	}
	if ((roc && len[0] <= 3) || (len[0] == 3 && k > 1)) { /* 108/06/15: Taiwan's 民国 years */
		f[0] += 1911;
		len[0] = 4;
	}
	y = f[0];
	mo = f[1];
	d = f[2];
	if (k == 0 || len[0] != 4 || (k > 1 && (len[1] > 2 || mo < 1 || mo > 12)) ||
	    (k > 2 && (len[2] > 2 || !valid_date(y, mo, d))))
		return *why = WHY(YEAR_OR_DATE), RS_PARSE_BAD;
	if (y < 1900)
		return *why = WHY(BEFORE_1900), RS_PARSE_BAD;
	if (k == 3 && year_as_date(y, mo, d, today))
		return *why = WHY(YEAR_AS_DATE), RS_PARSE_BAD;
	if (y * 10000 + mo * 100 + d > today)
		return *why = WHY(AFTER_TODAY), RS_PARSE_BAD;
	*year = (double)y;
	*years = (double)(today / 10000 - y - (mo * 100 + d > today % 10000));
	return RS_PARSE_OK;
}

long rs_value_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return 99991231;
	return (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* -------------------------------------------------- a map file's words */

bool rs_value_word_lookup(const rs_value_words *w, const char *s, size_t n, double *out)
{
	char buf[128];
	size_t i;

	if (w == NULL || w->n == 0 || (n = rs_value_fold(s, n, buf, sizeof buf)) == 0 || n >= sizeof buf)
		return false;
	for (i = 0; i < w->n; i++)
		if (strcmp(buf, w->word[i]) == 0)
			return *out = w->value[i], true;
	return false;
}
