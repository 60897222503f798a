/*
 * buf.c - growable byte buffer and number formatting without printf.
 * Invariant: when data is not NULL, data[len] == '\0' and len < cap. After a
 * failed allocation `failed` stays set and appends do nothing, so a caller
 * may append a whole row and check once.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void rs_buf_init(rs_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->failed = false;
}

void rs_buf_free(rs_buf *b)
{
	rs_free(b->data);
	rs_buf_init(b);
}

/* Room for extra more bytes and the NUL without growing (and not failed). */
static inline bool fits(const rs_buf *b, size_t extra)
{
	return !b->failed && extra < b->cap - b->len;
}

bool rs_buf_reserve(rs_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (fits(b, extra))
		return true;
	if (b->failed)
		return false;
	if (extra >= SIZE_MAX - b->len - 1)
		goto fail;
	need = b->len + extra + 1;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = rs_realloc(b->data, cap);
	if (p == NULL)
		goto fail;
	b->data = p;
	b->cap = cap;
	return true;
fail:
	b->failed = true;
	return false;
}

/* The digits of x with the point d places from the right ("12.5" for 125
 * and 1; d < 0 appends -d zeros), '-' first when neg; returns the length. */
static inline size_t fixed_text(char *out, bool neg, unsigned long long x, int d)
{
	unsigned long long t;
	size_t n = 1, k, i; /* digits, length, where the next one goes */

	for (t = x; t >= 10; t /= 10)
		n++;
	if (d > 0 && n <= (size_t)d)
		n = (size_t)d + 1; /* "0.05" */
	i = k = neg + n + (d > 0) + (d < 0 ? (size_t)-d : 0);
	out[k] = '\0';
	if (neg)
		out[0] = '-';
	for (; d < 0; d++)
		out[--i] = '0';
	for (t = 0; t < n; t++, x /= 10) {
		if (d > 0 && t == (size_t)d)
			out[--i] = '.';
		out[--i] = (char)('0' + x % 10);
	}
	return k;
}

bool rs_buf_put_ulong(rs_buf *b, unsigned long v)
{
	if (!fits(b, 24) && !rs_buf_reserve(b, 24))
		return false;
	b->len += fixed_text(b->data + b->len, false, v, 0);
	return true;
}

/*
 * relstage's one number format (rs_buf_put_num's, but for small whole
 * numbers): v x 10^d rounded half away from zero, then its digits with the
 * point put back and trailing zeros dropped. Below 9e15 (2^53 is 9.007e15)
 * x - trunc(x) is exact, so the rounding needs no libm; above, snprintf's
 * own rounding (rare: amounts beyond any account).
 */
static bool put_general(rs_buf *b, double v, int decimals)
{
	static const unsigned long long pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	unsigned long long scaled;
	int d = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
	bool neg = v < 0;
	double x;

	if (!isfinite(v))
		return rs_buf_append(b, "", 0);
	if (neg)
		v = -v;
	x = v * (double)pow10[d];
	if (x >= 9e15) {
		/* up to 309 integer digits (DBL_MAX), the point, 6 decimals, sign */
		char big[DBL_MAX_10_EXP + 16];
		int n = snprintf(big, sizeof big, "%s%.*f", neg ? "-" : "", d, v);

		if (n <= 0 || (size_t)n >= sizeof big)
			return rs_buf_append(b, "", 0);
		while (d > 0 && big[n - 1] == '0') /* as below: no trailing zeros */
			n--;
		if (big[n - 1] == '.')
			n--;
		return rs_buf_append(b, big, (size_t)n);
	}
	if (!fits(b, 32) && !rs_buf_reserve(b, 32)) /* "-", 16 digits, ".", 6 digits */
		return false;
	scaled = (unsigned long long)x;
	if (x - (double)scaled >= 0.5)
		scaled++;
	for (; d > 0 && scaled % 10 == 0; d--) /* no trailing zeros */
		scaled /= 10;
	b->len += fixed_text(b->data + b->len, neg && scaled != 0, scaled, d);
	return true;
}

bool rs_buf_put_num(rs_buf *b, double v, int decimals)
{
	if (v >= 0 && v < 1e9 && v == (double)(unsigned)v) /* whole: the common case */
		return rs_buf_put_ulong(b, (unsigned long)v);
	return put_general(b, v, decimals);
}

/*
 * The shortest text that reads back as v, times 10^shift (2 turns a
 * spreadsheet's 0.35 into "35" without the rounding of a multiplication):
 * plain digits with '.' whatever the locale, and "1.5e+21" / "1e-8" only
 * from 10^21 or below 10^-7, as JavaScript and spreadsheets show them.
 * Values with at most six decimals, the usual ones, need no printf.
 * Writes "" and returns 0 for an infinity or NaN.
 */
size_t rs_num_text(char *out, double v, int shift)
{
	static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	double a = fabs(v);
	unsigned long long x = 0;
	char tmp[40], *p;
	int prec, d, n = 0;
	long e;

	for (d = 0; d <= 6 && a * p10[d] < 9e15; d++)
		if ((double)(x = (unsigned long long)(a * p10[d] + 0.5)) / p10[d] == a)
			return fixed_text(out, signbit(v) != 0, x, x > 0 ? d - shift : 0);
	if (!isfinite(v)) {
		out[0] = '\0';
		return 0;
	}
	/* A double holds every 15-digit decimal; some need 16 or 17 to read back. */
	for (prec = 15; prec <= 17; prec++) {
		(void)snprintf(tmp, sizeof tmp, "%.*e", prec - 1, a); /* d.ddde[+-]X */
		if (prec == 17 || strtod(tmp, NULL) == a)
			break;
	}
	p = strchr(tmp, 'e');
	e = strtol(p + 1, NULL, 10) + shift; /* the power of ten of the first digit */
	for (x = 0, d = 0; tmp + d < p; d++)  /* the digits, without the point */
		if (tmp[d] >= '0' && tmp[d] <= '9')
			x = x * 10 + (unsigned)(tmp[d] - '0'), n++;
	for (; n > 1 && x % 10 == 0; n--)
		x /= 10;
	if (e >= 21 || e < -7) {
		size_t k = fixed_text(out, v < 0, x, n - 1);

		return k + (size_t)snprintf(out + k, 8, "e%+ld", e);
	}
	return fixed_text(out, v < 0, x, n - 1 - (int)e);
}

bool rs_buf_vprintf(rs_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	b->failed |= n < 0;
	if (n >= 0 && rs_buf_reserve(b, (size_t)n))
		b->len += (size_t)vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	va_end(again);
	return !b->failed;
}

bool rs_buf_printf(rs_buf *b, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = rs_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return ok;
}
