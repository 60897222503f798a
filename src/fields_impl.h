/*
 * fields_impl.h - what fields.c (building the field map), fields_apply.c
 * (applying it per row) and value.c (cell parsing) share inside the library.
 * Not part of the public API.
 */
#ifndef RS_FIELDS_IMPL_H
#define RS_FIELDS_IMPL_H

#include <string.h>

#include "internal.h"

/* Drops surrounding blanks: ASCII space/tab/CR/LF, U+00A0, U+3000. */
void rs_value_trim_slow(const char **s, size_t *n);

/* Could the byte start or end a blank? Inline: most cells have none. */
static inline bool rs_value_maybe_blank(unsigned char c)
{
	return c <= ' ' || (c >= 0x80 && (c == 0xC2 || c == 0xE3 || c == 0xA0 || c == 0x80));
}

static inline void rs_value_trim(const char **s, size_t *n)
{
	if (*n > 0 && (rs_value_maybe_blank((unsigned char)(*s)[0]) ||
	               rs_value_maybe_blank((unsigned char)(*s)[*n - 1])))
		rs_value_trim_slow(s, n);
}
/*
 * Normalises a name for matching into out (capacity cap): surrounding blanks
 * dropped, ASCII lowercased, each run of spaces, hyphens and underscores one
 * '_'. Never longer than its input, so cap = n + 1 always suffices. Returns
 * the length written.
 */
size_t rs_value_norm(const char *s, size_t n, char *out, size_t cap);
/* Is s[0..n) equal to the lowercase word w, ignoring ASCII case? */
bool rs_value_word_eq(const char *s, size_t n, const char *w);

/*
 * How a numeric field is read. RS_NUM_WHOLE and RS_NUM_NONNEG are checked by
 * the field map after parsing; rs_value_number ignores them.
 */
enum {
	RS_NUM_PERCENT = 1,
	RS_NUM_CURRENCY = 2,
	RS_NUM_WHOLE = 4,
	RS_NUM_NONNEG = 8,
	RS_NUM_COUNT = RS_NUM_WHOLE | RS_NUM_NONNEG
};
/*
 * rs_parse_number with the affixes chosen per field: RS_NUM_PERCENT lets a
 * trailing % through, RS_NUM_CURRENCY a currency mark. why may be NULL.
 */
rs_parse rs_value_number(const char *s, size_t n, bool dcomma, unsigned flags,
                         double *out, const char **why);

/*
 * The general word matchers behind rs_parse_bool and rs_parse_level, for
 * trimmed, non-empty text (the fast paths below are checked against them).
 */
rs_parse rs_value_bool_slow(const char *s, size_t n, bool *out);
rs_parse rs_value_level_slow(const char *s, size_t n, int *out);

/* ------------------------------------------------------------ field map
 * Built once per header by fields.c, read per row by fields_apply.c.
 */

/* Each variable's kind, and each numeric field's RS_NUM_ flags (fields.c). */
extern const unsigned char rs_field_kinds[RS_V_COUNT];
extern const unsigned char rs_field_num_rules[RS_F_COUNT];

/* A short display form of a header cell or value, for messages (cap > 4). */
const char *rs_field_shown(char *buf, size_t cap, const char *s, size_t n);

#define RS_FIELD_WHERE_MAX 96

/* RS_OP_COUNT: a whole, non-negative number, the cheapest fast path. */
enum { RS_OP_NUMBER, RS_OP_COUNT, RS_OP_BOOL, RS_OP_LEVEL };

/* A mapped field other than id and name, as the per-row loop reads it. */
typedef struct rs_colop {
	size_t col;
	unsigned char field;
	unsigned char op;    /* RS_OP_ above */
	unsigned char rules; /* rs_field_num_rules[field] */
} rs_colop;

struct rs_fieldmap {
	size_t ncols;
	long col[RS_F_COUNT]; /* field -> header column, or -1 */
	size_t nops;          /* in field order: the first bad cell is the one reported */
	rs_colop op[RS_F_COUNT];
	char where[RS_F_COUNT][RS_FIELD_WHERE_MAX]; /* header text of each mapped column */
};

/* ------------------------------------------------------------ fast paths
 * The per-row loop tries these on the raw cell first. Each either gives
 * exactly what the general function (rs_value_number, rs_parse_bool,
 * rs_parse_level) gives for the same text, or returns false / -1 to send the
 * text there. None accepts a blank at either end, so skipping the trim is
 * safe: where they accept, trimming would have changed nothing.
 */

/* 1e0 .. 1e19, all exact doubles (10^22 is the last exact one). */
extern const double rs_value_pow10[20];

/*
 * [+-]digits[dec digits], 1..19 digits in all, no blanks, no affixes.
 * Clinger's fast path: when the digits as an integer m are at most 2^53, m
 * is an exact double, as is 10^k for k <= 22, so one IEEE division gives the
 * correctly rounded m / 10^k - the same double strtod gives. 19 digits
 * cannot overflow uint64_t; m above 2^53 goes to the general parser. "-0" is
 * 0 (the general path drops negative zero too).
 */
static inline bool rs_value_fastnum(const char *s, size_t n, char dec, double *out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *start;
	uint64_t m = 0;
	size_t nd, frac = 0;
	unsigned d;
	bool neg = false;
	double v;

	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	start = p;
	while (p < end && (d = (unsigned)*p - '0') < 10) {
		m = m * 10 + d;
		p++;
	}
	nd = (size_t)(p - start);
	if (p < end) {
		if (*p != (unsigned char)dec)
			return false;
		start = ++p;
		while (p < end && (d = (unsigned)*p - '0') < 10) {
			m = m * 10 + d;
			p++;
		}
		if (p < end)
			return false;
		frac = (size_t)(p - start);
		nd += frac;
	}
	if (nd == 0 || nd > 19 || m > ((uint64_t)1 << 53))
		return false;
	v = frac > 0 ? (double)m / rs_value_pow10[frac] : (double)m;
	*out = neg && m != 0 ? -v : v;
	return true;
}

/*
 * Only digits, 1..15 of them: a count. m < 10^15 < 2^53 is an exact double
 * and needs none of the sign, fraction or whole-number checks.
 */
static inline bool rs_value_fastcount(const char *s, size_t n, double *out)
{
	uint64_t m = 0;
	size_t i;
	unsigned d;

	if (n - 1 >= 15) /* n == 0 wraps */
		return false;
	for (i = 0; i < n; i++) {
		if ((d = (unsigned)(unsigned char)s[i] - '0') >= 10)
			return false;
		m = m * 10 + d;
	}
	*out = (double)m;
	return true;
}

static inline bool rs_value_eq3(const char *s, const char *w)
{
	return s[0] == w[0] && s[1] == w[1] && s[2] == w[2];
}

/* ASCII letter c (lowercase) at s[i] in either case. */
#define RS_LETTER_AT(s, i, c) ((((unsigned char)(s)[i]) | 0x20) == (c))

/*
 * The yes/no words most exports write, by length and first byte: 1 for yes,
 * 0 for no, -1 for "ask rs_parse_bool". Case folds for ASCII letters only
 * (c | 0x20 == 'y' holds just for 'y' and 'Y').
 */
static inline int rs_value_fastbool(const char *s, size_t n)
{
	switch (n) {
	case 1:
		switch (s[0]) {
		case '1': case 'y': case 'Y': case 't': case 'T': return 1;
		case '0': case 'n': case 'N': case 'f': case 'F': return 0;
		default: return -1;
		}
	case 2:
		return RS_LETTER_AT(s, 0, 'n') && RS_LETTER_AT(s, 1, 'o') ? 0 : -1;
	case 3:
		if (RS_LETTER_AT(s, 0, 'y'))
			return RS_LETTER_AT(s, 1, 'e') && RS_LETTER_AT(s, 2, 's') ? 1 : -1;
		if (rs_value_eq3(s, "\xE5\x90\xA6")) /* 否 */
			return 0;
		return rs_value_eq3(s, "\xE6\x98\xAF") ? 1 : -1; /* 是 */
	case 4:
		return RS_LETTER_AT(s, 0, 't') && RS_LETTER_AT(s, 1, 'r') && RS_LETTER_AT(s, 2, 'u') &&
		       RS_LETTER_AT(s, 3, 'e') ? 1 : -1;
	case 5:
		return RS_LETTER_AT(s, 0, 'f') && RS_LETTER_AT(s, 1, 'a') && RS_LETTER_AT(s, 2, 'l') &&
		       RS_LETTER_AT(s, 3, 's') && RS_LETTER_AT(s, 4, 'e') ? 0 : -1;
	default:
		return -1;
	}
}

/*
 * The contact levels as most exports write them: the English words in
 * lowercase, the common Chinese ones, the digits 1-4. 1..4, or -1 for "ask
 * rs_parse_level" (other spellings, case, blanks).
 */
static inline int rs_value_fastlevel(const char *s, size_t n)
{
	switch (n) {
	case 1:
		return s[0] >= '1' && s[0] <= '4' ? s[0] - '0' : -1;
	case 5:
		return memcmp(s, "staff", 5) == 0 ? 1 : -1;
	case 6: /* two CJK characters */
		if (rs_value_eq3(s, "\xE5\x91\x98") && rs_value_eq3(s + 3, "\xE5\xB7\xA5")) /* 员工 */
			return 1;
		if (rs_value_eq3(s, "\xE7\xBB\x8F") && rs_value_eq3(s + 3, "\xE7\x90\x86")) /* 经理 */
			return 2;
		if (rs_value_eq3(s, "\xE6\x80\xBB") && rs_value_eq3(s + 3, "\xE7\x9B\x91")) /* 总监 */
			return 3;
		if (rs_value_eq3(s, "\xE9\xAB\x98") && rs_value_eq3(s + 3, "\xE5\xB1\x82")) /* 高层 */
			return 4;
		return -1;
	case 7:
		return memcmp(s, "manager", 7) == 0 ? 2 : -1;
	case 8:
		return memcmp(s, "director", 8) == 0 ? 3 : -1;
	case 9:
		return memcmp(s, "executive", 9) == 0 ? 4 : -1;
	default:
		return -1;
	}
}

#endif
