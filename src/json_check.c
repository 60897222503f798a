/*
 * json_check.c - what the JSON readers need to know that cJSON does not tell
 * them: whether a string would lose text at a NUL, and, after cJSON failed,
 * whether the text was malformed (and where), too deep, or fine (so cJSON ran
 * out of memory). The validator mirrors cJSON 1.7.15's grammar exactly.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copy_impl.h"
#include "json_check.h"
#include "scan_impl.h"

/*
 * True when a string in p[0..n) would lose text in cJSON: a raw NUL byte, or
 * a \u escape that decodes to U+0000 (cJSON also reads a malformed \uXXXX as
 * U+0000). Backslashes pair up as in cJSON's own scan, so "\\u0000" is text.
 */
bool rs_json_loses_nul(const char *p, size_t n)
{
	const char *e = p + n, *b = p;

	if (memchr(p, '\0', n) != NULL)
		return true;
	while ((b = memchr(b, '\\', (size_t)(e - b))) != NULL) {
		if (b + 1 < e && b[1] == 'u' && e - b >= 6) {
			bool zero = true;
			for (int k = 2; k < 6; k++) {
				char ch = b[k];
				if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
				      (ch >= 'A' && ch <= 'F')))
					return true;
				zero = zero && ch == '0';
			}
			if (zero)
				return true;
		}
		b += 2;
		if (b >= e)
			break;
	}
	return false;
}

/*
 * A validator that accepts exactly what cJSON 1.7.15 accepts (bytes <= 32 are
 * whitespace, strtod numbers, \u read by parse_hex4), run only after cJSON
 * failed: it tells a syntax error (with its position) from a nesting deeper
 * than cJSON's limit from an allocation failure inside cJSON.
 */
static unsigned jv_hex4(const char *s)
{
	unsigned h = 0;

	for (int k = 0; k < 4; k++) {
		char ch = s[k];
		unsigned v = ch >= '0' && ch <= '9'   ? (unsigned)(ch - '0')
		             : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
		             : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
		                                      : 16u;
		if (v == 16)
			return 0;
		h = h << 4 | v;
	}
	return h;
}

/* Bytes taken by the \u escape at s (avail bytes before the quote), or 0. */
static size_t jv_u16(const char *s, size_t avail)
{
	unsigned a, b;

	if (avail < 6)
		return 0;
	a = jv_hex4(s + 2);
	if (a >= 0xDC00 && a <= 0xDFFF)
		return 0;
	if (a < 0xD800 || a > 0xDBFF)
		return 6;
	if (avail < 12 || s[6] != '\\' || s[7] != 'u')
		return 0;
	b = jv_hex4(s + 8);
	return b >= 0xDC00 && b <= 0xDFFF ? 12 : 0;
}

static bool jv_string(const char *p, size_t n, size_t *i)
{
	size_t k = *i + 1, end;

	for (end = k; end < n && p[end] != '"'; end++)
		if (p[end] == '\\' && ++end >= n)
			return false;
	if (end >= n)
		return false;
	while (k < end) {
		size_t step = 2;
		if (p[k] != '\\') {
			k++;
			continue;
		}
		if (p[k + 1] == 'u')
			step = jv_u16(p + k, end - k);
		else if (strchr("bfnrt\"\\/", p[k + 1]) == NULL || p[k + 1] == '\0')
			step = 0;
		if (step == 0) {
			*i = k;
			return false;
		}
		k += step;
	}
	*i = end + 1;
	return true;
}

static bool jv_scalar(const char *p, size_t n, size_t *i)
{
	static const char *const lit[] = {"null", "false", "true"};
	char tmp[64], *e, point = localeconv()->decimal_point[0];
	size_t k;

	if (p[*i] == '"')
		return jv_string(p, n, i);
	for (k = 0; k < 3; k++) {
		size_t l = strlen(lit[k]);
		if (n - *i >= l && memcmp(p + *i, lit[k], l) == 0) {
			*i += l;
			return true;
		}
	}
	if (p[*i] != '-' && (p[*i] < '0' || p[*i] > '9'))
		return false;
	for (k = 0; k < sizeof tmp - 1 && *i + k < n; k++) {
		char ch = p[*i + k];
		if (ch == '.')
			ch = point;
		else if (!(ch >= '0' && ch <= '9') && ch != '+' && ch != '-' &&
		         ch != 'e' && ch != 'E')
			break;
		tmp[k] = ch;
	}
	tmp[k] = '\0';
	(void)strtod(tmp, &e);
	*i += (size_t)(e - tmp);
	return e != tmp;
}

/*
 * Checks one value at p[0..n); *pos gets the end (RS_JV_OK) or where it failed,
 * *depth the deepest nesting seen. stack[d] is 1 inside an object.
 */
rs_jv_result rs_json_check(const char *p, size_t n, size_t *pos, size_t *depth)
{
	static const char close[2] = {']', '}'};
	unsigned char stack[RS_JV_MAX_DEPTH / 8];
	size_t d = 0, i = 0;
	enum { VALUE, KEY, AFTER } want = VALUE;

	*depth = 0;
	if (n >= 5 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (i = rs_json_ws(p, i, n);; i = rs_json_ws(p, i, n)) {
		*pos = i < n ? i : n > 0 ? n - 1 : 0;
		bool obj = d > 0 && (stack[(d - 1) / 8] >> ((d - 1) % 8) & 1);
		if (want == AFTER) {
			if (d == 0) {
				*pos = i;
				return RS_JV_OK;
			}
			if (i < n && p[i] == ',')
				want = obj ? KEY : VALUE;
			else if (i < n && p[i] == close[obj])
				d--;
			else
				return RS_JV_SYNTAX;
			i++;
		} else if (want == KEY) {
			if (i >= n || p[i] != '"' || !jv_string(p, n, &i))
				return RS_JV_SYNTAX;
			i = rs_json_ws(p, i, n);
			*pos = i < n ? i : n - 1;
			if (i >= n || p[i] != ':')
				return RS_JV_SYNTAX;
			i++;
			want = VALUE;
		} else if (i < n && (p[i] == '{' || p[i] == '[')) {
			if (d >= RS_JV_MAX_DEPTH)
				return RS_JV_DEEP;
			obj = p[i] == '{';
			stack[d / 8] = (unsigned char)((stack[d / 8] & ~(1u << d % 8)) |
			                               (unsigned)obj << d % 8);
			*depth = ++d > *depth ? d : *depth;
			i = rs_json_ws(p, i + 1, n);
			if (i < n && p[i] == close[obj]) {
				d--;
				i++;
				want = AFTER;
			} else {
				want = obj ? KEY : VALUE;
			}
		} else {
			if (i >= n || !jv_scalar(p, n, &i))
				return RS_JV_SYNTAX;
			want = AFTER;
		}
	}
}

/* 1-based line and column (in characters) of p[pos], counting from p[0]. */
void rs_json_line_col(const char *p, size_t pos, unsigned long first_line,
                     unsigned long *line, unsigned long *col)
{
	unsigned long l = first_line, c = 1;

	for (size_t i = 0; i < pos; i++) {
		if (p[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)p[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

bool rs_json_diagnose(const char *p, size_t n, unsigned long line,
                      const char *prefix, char *reason, size_t cap,
                      rs_jv_result *r, size_t *pos)
{
	unsigned long l, col;
	size_t depth;

	*r = rs_json_check(p, n, pos, &depth);
	if (*r == RS_JV_OK && depth <= RS_CJSON_DEPTH)
		return false;
	rs_json_line_col(p, *pos, line, &l, &col);
	if (*r == RS_JV_SYNTAX)
		(void)snprintf(reason, cap, "%sinvalid JSON at column %lu", prefix, col);
	else
		(void)snprintf(reason, cap, "%snested deeper than %d levels", prefix,
		               *r == RS_JV_DEEP ? RS_JV_MAX_DEPTH : RS_CJSON_DEPTH);
	return true;
}

static const char *kind_name(const cJSON *v)
{
	switch (v->type & 0xFF) {
	case cJSON_Array: return "an array";
	case cJSON_String: return "a string";
	case cJSON_Number: return "a number";
	case cJSON_NULL: return "null";
	default: return "a boolean";
	}
}

const char *rs_json_not_row(const cJSON *v, const char *p, size_t end, size_t n,
                            bool alone, char *reason, size_t cap)
{
	size_t pos;
	unsigned long l, col;

	if (!cJSON_IsObject(v)) {
		(void)snprintf(reason, cap, "not a JSON object: found %s", kind_name(v));
		return reason;
	}
	if (alone && (pos = rs_json_ws(p, end, n)) != n) {
		rs_json_line_col(p, pos, 1, &l, &col);
		(void)snprintf(reason, cap, "not a JSON object: text after the object "
		               "at column %lu", col);
		return reason;
	}
	if (rs_json_loses_nul(p, n))
		return "a string holds \\u0000 (a NUL character), which cannot be kept";
	return NULL;
}

cJSON *rs_json_parse_line(const char *s, size_t n, unsigned long line,
                          char *reason, size_t cap, const char **why)
{
	const char *end = NULL;
	cJSON *obj = cJSON_ParseWithLengthOpts(s, n, &end, 0);
	rs_jv_result r;
	size_t pos;

	*why = NULL;
	if (obj == NULL) {
		if (rs_json_diagnose(s, n, line, "not a JSON object: ", reason, cap, &r, &pos))
			*why = reason;
		return NULL;
	}
	*why = rs_json_not_row(obj, s, (size_t)(end - s), n, true, reason, cap);
	if (*why == NULL)
		return obj;
	cJSON_Delete(obj);
	return NULL;
}

/* Up to `max` bytes of s, not cutting a UTF-8 sequence. */
static int clip(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

const char *rs_json_why_key(char *reason, size_t cap, const char *head,
                            const char *key, const char *tail)
{
	(void)snprintf(reason, cap, "%s\"%.*s\"%s", head, clip(key, 120), key, tail);
	return reason;
}

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

static size_t put_fixed(char *out, bool neg, unsigned long long x, int d);

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
	return put_fixed(out, signbit(m->num) != 0, m->mant, m->frac);
}

/* Digits of x with a point d places from the right ("0.05" for 5, d 2). */
static size_t put_fixed(char *out, bool neg, unsigned long long x, int d)
{
	char tmp[RS_JSON_NUM_SLOT];
	size_t i = sizeof tmp, k = 0;
	int pos = 0;

	do {
		if (d > 0 && pos == d)
			tmp[--i] = '.';
		tmp[--i] = (char)('0' + x % 10);
		x /= 10;
		pos++;
	} while (x != 0 || pos <= d);
	if (neg)
		out[k++] = '-';
	memcpy(out + k, tmp + i, sizeof tmp - i);
	k += sizeof tmp - i;
	out[k] = '\0';
	return k;
}

/*
 * The shortest text of a finite v that reads back as v. Fast path without
 * printf: the fewest decimals (up to 6) whose fixed-point value divides back
 * to v exactly (x and 10^d are exact doubles, so x / 10^d rounds as strtod
 * would). Otherwise the first of %.15g, %.16g, %.17g that round-trips.
 */
size_t rs_json_num_text(double v, char *out)
{
	static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	double a = fabs(v);
	char point;
	int d, n;

	for (d = 0; d <= 6; d++) {
		double s = a * p10[d];
		unsigned long long x;

		if (s >= 9007199254740992.0) /* 2^53 */
			break;
		x = (unsigned long long)s;
		if (s - (double)x >= 0.5)
			x++;
		if ((double)x / p10[d] == a)
			return put_fixed(out, signbit(v) != 0, x, d);
	}
	for (d = 15; d <= 17; d++) {
		n = snprintf(out, RS_JSON_NUM_SLOT, "%.*g", d, v);
		if (strtod(out, NULL) == v)
			break;
	}
	point = localeconv()->decimal_point[0]; /* not per number: it is slow */
	for (char *p = out; *p; p++)
		if (*p == point)
			*p = '.';
	return n > 0 ? (size_t)n : 0;
}

unsigned long rs_json_line_at(rs_json_lines *lc, size_t pos)
{
	const char *q;

	while ((q = memchr(lc->p + lc->at, '\n', pos - lc->at)) != NULL) {
		lc->line++;
		lc->at = (size_t)(q - lc->p) + 1;
	}
	lc->at = pos;
	return lc->line;
}

