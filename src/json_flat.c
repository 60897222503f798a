/*
 * json_flat.c - the usual JSON Lines record read without cJSON: one flat
 * object of strings, plain decimals, booleans and null, split in one pass
 * that also notes what the writers' plain bits need; whatever it takes,
 * cJSON would read the same way (json_check.h), the rest goes to cJSON.
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "copy_impl.h"
#include "json_check.h"
#include "scan_impl.h"

/* --------------------------------------------------- flat fast path */

/*
 * Everything here only has to be conservative: a line it declines goes to
 * cJSON as before. It accepts a subset of cJSON's grammar on which the two
 * agree byte for byte: whitespace is bytes 1..32 (cJSON also skips NUL, but a
 * NUL anywhere makes the line a reject, so it declines), strings end at the
 * first quote when they hold no backslash (cJSON copies every other byte as
 * it is), and s[n] == '\0' is the sentinel that stops every scan.
 */
static size_t flat_ws(const char *s, size_t i)
{
	while ((unsigned char)(s[i] - 1) < 32)
		i++;
	return i;
}

/*
 * The first quote, backslash or NUL after s[i] (i < n): 16 bytes at a time
 * while they lie inside s[0..n), then a byte at a time up to the sentinel.
 */
static size_t flat_stop(const char *s, size_t n, size_t i)
{
	static const unsigned char stop[256] = {[0] = 1, ['"'] = 1, ['\\'] = 1};

	i++;
#ifdef RS_SCAN_SSE2
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
		                                      _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
		                         _mm_cmpeq_epi8(x, _mm_setzero_si128()));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);

		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#else
	(void)n;
#endif
	while (!stop[(unsigned char)s[i]])
		i++;
	return i;
}

/*
 * flat_stop for a value that also ORs into *has the RS_JSON_HAS_ flags of the
 * bytes passed over. Those bytes stop the scan too (rare: a comma more
 * often than the others), get their flag and the scan goes on after them.
 * cls: bit 1 for a byte that ends the scan, the flag of one that is noted.
 */
static size_t flat_stop_has(const char *s, size_t n, size_t i, unsigned *has)
{
	static const unsigned char cls[256] = {
		[0] = 1, [1] = RS_JSON_HAS_CTL, [2] = RS_JSON_HAS_CTL, [3] = RS_JSON_HAS_CTL,
		[4] = RS_JSON_HAS_CTL, [5] = RS_JSON_HAS_CTL, [6] = RS_JSON_HAS_CTL,
		[7] = RS_JSON_HAS_CTL, [8] = RS_JSON_HAS_CTL, [9] = RS_JSON_HAS_CTL,
		[10] = RS_JSON_HAS_CTL, [11] = RS_JSON_HAS_CTL, [12] = RS_JSON_HAS_CTL,
		[13] = RS_JSON_HAS_CTL, [14] = RS_JSON_HAS_CTL, [15] = RS_JSON_HAS_CTL,
		[16] = RS_JSON_HAS_CTL, [17] = RS_JSON_HAS_CTL, [18] = RS_JSON_HAS_CTL,
		[19] = RS_JSON_HAS_CTL, [20] = RS_JSON_HAS_CTL, [21] = RS_JSON_HAS_CTL,
		[22] = RS_JSON_HAS_CTL, [23] = RS_JSON_HAS_CTL, [24] = RS_JSON_HAS_CTL,
		[25] = RS_JSON_HAS_CTL, [26] = RS_JSON_HAS_CTL, [27] = RS_JSON_HAS_CTL,
		[28] = RS_JSON_HAS_CTL, [29] = RS_JSON_HAS_CTL, [30] = RS_JSON_HAS_CTL,
		[31] = RS_JSON_HAS_CTL, ['"'] = 1, ['\\'] = 1, [','] = RS_JSON_HAS_COMMA,
		[0xE2] = RS_JSON_HAS_E2};
	unsigned c;

	for (i++;; i++) {
#ifdef RS_SCAN_SSE2
		for (; i + 16 <= n; i += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
			__m128i m = _mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
				             _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
				_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')),
				                          _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2))),
				             ctl));
			unsigned bits = (unsigned)_mm_movemask_epi8(m);

			if (bits != 0) {
				i += (size_t)__builtin_ctz(bits);
				break;
			}
		}
#else
		(void)n;
#endif
		while ((c = cls[(unsigned char)s[i]]) == 0)
			i++;
		if (c & 1)
			return i;
		*has |= c;
	}
}

/* The closing quote of the string opening at s[i], or 0 (escape, NUL, end). */
static size_t flat_str(const char *s, size_t n, size_t i)
{
	i = flat_stop(s, n, i);
	return s[i] == '"' ? i : 0;
}

/*
 * The same, taking the one-character escapes (\" \\ \/ \b \f \n \r \t,
 * decoded by cJSON to one byte each), counted in *esc; \u is left to cJSON.
 * *has gets the RS_JSON_HAS_ flags of the text (escapes as written).
 */
static size_t flat_str_esc(const char *s, size_t n, size_t i, size_t *esc, unsigned *has)
{
	*esc = 0;
	*has = 0;
	for (i = flat_stop_has(s, n, i, has); s[i] == '\\'; i = flat_stop_has(s, n, i + 1, has)) {
		if (s[i + 1] == '\0' || strchr("\"\\/bfnrt", s[i + 1]) == NULL)
			return 0;
		++*esc;
	}
	return s[i] == '"' ? i : 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * -?D+(.D+)? with at most 15 digits, not followed by a character cJSON would
 * still take as part of the number; 0 if not. The mantissa (< 10^15 < 2^53)
 * and 10^frac are exact doubles, so their quotient is the correctly rounded
 * value of the text: what strtod returns.
 */
static size_t flat_num(const char *s, size_t i, rs_json_member *it)
{
	/* What cJSON would still take as part of the number, and NUL. */
	static const bool num_more[256] = {
		[0] = true, ['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true,
		['4'] = true, ['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true,
		['9'] = true, ['+'] = true, ['-'] = true, ['e'] = true, ['E'] = true,
		['.'] = true};
	static const double p10[] = {1,    1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
	                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	unsigned long long m = 0;
	int digits = 0, frac = 0;
	bool neg = s[i] == '-', lead0;
	size_t start = i;

	i += neg;
	if (!is_digit(s[i]))
		return 0;
	lead0 = s[i] == '0' && is_digit(s[i + 1]);
	for (; is_digit(s[i]) && digits <= 15; i++, digits++)
		m = m * 10 + (unsigned)(s[i] - '0');
	if (s[i] == '.') {
		if (!is_digit(s[++i]))
			return 0;
		for (; is_digit(s[i]) && digits <= 15; i++, digits++, frac++)
			m = m * 10 + (unsigned)(s[i] - '0');
	}
	if (digits > 15 || num_more[(unsigned char)s[i]])
		return 0; /* s[n]'s NUL too: declines a cut line */
	it->num = (double)m / p10[frac];
	if (neg)
		it->num = -it->num;
	/* The text is already what put_fixed makes of the digits: no leading
	 * zero before another digit, no trailing zero after the point. */
	it->str = s + start;
	it->slen = i - start;
	it->canon = !lead0 && frac <= 6 && (frac == 0 || s[i - 1] != '0');
	while (frac > 0 && m % 10 == 0) { /* 12.50 is 1250 / 10^2, or 125 / 10^1 */
		m /= 10;
		frac--;
	}
	it->mant = m;
	it->frac = frac;
	return i;
}

/* One member's value at s[i]: its end, or 0. */
static size_t flat_value(const char *s, size_t n, size_t i, rs_json_member *it)
{
	size_t e;

	switch (s[i]) {
	case '"':
		if ((e = flat_str_esc(s, n, i, &it->esc, &it->has)) == 0)
			return 0;
		it->type = cJSON_String;
		it->str = s + i + 1;
		it->slen = e - i - 1 - it->esc;
		return e + 1;
	case 't':
		it->type = cJSON_True;
		return n - i >= 4 && memcmp(s + i, "true", 4) == 0 ? i + 4 : 0;
	case 'f':
		it->type = cJSON_False;
		return n - i >= 5 && memcmp(s + i, "false", 5) == 0 ? i + 5 : 0;
	case 'n':
		it->type = cJSON_NULL;
		return n - i >= 4 && memcmp(s + i, "null", 4) == 0 ? i + 4 : 0;
	default:
		it->type = cJSON_Number;
		return flat_num(s, i, it);
	}
}

/*
 * Where a separator is expected it is looked for first, whitespace skipped
 * only when it is not there: exports rarely put any between members.
 */
size_t rs_json_flat(const char *s, size_t n, rs_json_member *m, size_t max)
{
	size_t i = flat_ws(s, 0), k = 0, e;

	if (s[i] != '{')
		return RS_JSON_NOT_FLAT;
	i++;
	for (;;) {
		rs_json_member *it = m + k;
		if (s[i] != '"')
			i = flat_ws(s, i);
		if (s[i] != '"' || k == max || (e = flat_str(s, n, i)) == 0)
			return RS_JSON_NOT_FLAT;
		it->key = s + i + 1;
		it->klen = e - i - 1;
		i = e + 1;
		if (s[i] != ':')
			i = flat_ws(s, i);
		if (s[i] != ':')
			return RS_JSON_NOT_FLAT;
		i = flat_ws(s, i + 1);
		if (i >= n || (i = flat_value(s, n, i, it)) == 0)
			return RS_JSON_NOT_FLAT;
		k++;
		if (s[i] != ',')
			i = flat_ws(s, i);
		if (s[i] == '}')
			break;
		if (s[i] != ',')
			return RS_JSON_NOT_FLAT;
		i++;
	}
	return flat_ws(s, i + 1) == n ? k : RS_JSON_NOT_FLAT;
}

char *rs_json_flat_decode(const rs_json_member *m, char *out)
{
	char *w = out;
	const char *r = m->str, *end = m->str + m->slen + m->esc;

	for (; r < end; r++) {
		char c = *r;
		if (c == '\\') {
			switch (c = *++r) {
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			default: break; /* '"', '\\', '/': themselves */
			}
		}
		*w++ = c;
	}
	return out;
}

char *rs_json_flat_cstr(char *s, const rs_json_member *m)
{
	char *p = s + (m->str - s);

	if (m->esc > 0) /* in place: the text only shrinks */
		(void)rs_json_flat_decode(m, p);
	p[m->slen] = '\0';
	return p;
}

/* ------------------------------------------------------- number text */

/*
 * rs_json_num_text of a number member, from its digits: with at most 6
 * decimals (trailing zeros dropped) that is exactly them. num_text takes the
 * fewest decimals d <= 6 whose fixed-point value gives back the double; d =
 * frac does (mant < 10^15, so num * 10^frac rounds to mant), and no smaller
 * d can: that would be a second decimal of at most 15 significant digits
 * with the same double, and DBL_DIG (15) says there is none.
 */
size_t rs_json_flat_num_text(const rs_json_member *m, char *out)
{
	if (m->canon) {
		rs_copy(out, m->str, m->slen);
		out[m->slen] = '\0';
		return m->slen;
	}
	if (m->frac > 6)
		return rs_json_num_text(m->num, out);
	return rs_json_put_fixed(out, signbit(m->num) != 0, m->mant, m->frac);
}
