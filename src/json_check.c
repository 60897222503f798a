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

#include "json_check.h"

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

/* ------------------------------------------------------- number text */

/* Digits of x with a point d places from the right ("0.05" for 5, d 2). */
size_t rs_json_put_fixed(char *out, bool neg, unsigned long long x, int d)
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
			return rs_json_put_fixed(out, signbit(v) != 0, x, d);
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

