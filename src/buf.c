/*
 * buf.c - growable byte buffer and number formatting without printf.
 * Invariant: when data is not NULL, data[len] == '\0' and len < cap. After a
 * failed allocation `failed` stays set and appends do nothing, so a caller
 * may append a whole row and check once.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf_impl.h"
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
	if (need <= b->cap)
		return true;
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

bool rs_buf_append(rs_buf *b, const void *p, size_t n)
{
	if (!fits(b, n) && !rs_buf_reserve(b, n))
		return false;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool rs_buf_puts(rs_buf *b, const char *s)
{
	return rs_buf_append(b, s, strlen(s));
}

bool rs_buf_putc(rs_buf *b, char c)
{
	if (!fits(b, 1) && !rs_buf_reserve(b, 1))
		return false;
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return true;
}

/* Digits of v, most significant first, into the end of tmp; returns start. */
static char *ulong_digits(char *end, unsigned long long v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return end;
}

bool rs_buf_put_ulong(rs_buf *b, unsigned long v)
{
	char tmp[24];
	char *s = ulong_digits(tmp + sizeof tmp, v);

	return rs_buf_append(b, s, (size_t)(tmp + sizeof tmp - s));
}

const char rs_digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* rs_num_small (buf_impl.h) written straight into the buffer when there is
 * room to spare; false to leave the call to the general path. */
static inline bool put_small(rs_buf *b, double v, int d)
{
	char *end;

	if (b->failed || b->cap - b->len < 32)
		return false;
	end = rs_num_small(b->data + b->len, v, d);
	if (end == NULL)
		return false;
	*end = '\0';
	b->len = (size_t)(end - b->data);
	return true;
}

bool rs_buf_put_num(rs_buf *b, double v, int decimals)
{
	static const double pow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	char tmp[48];
	char *end = tmp + sizeof tmp, *s;
	unsigned long long scaled, ip, fp;
	double x;
	int d = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
	bool neg = v < 0;

	if (put_small(b, v, decimals))
		return true;
	if (!isfinite(v))
		return rs_buf_puts(b, "");
	if (neg)
		v = -v;
	if (v * pow10[d] >= 9e15) {
		/* up to 309 integer digits (DBL_MAX), the point, 6 decimals, sign */
		char big[DBL_MAX_10_EXP + 16];
		int n = snprintf(big, sizeof big, "%s%.*f", neg ? "-" : "", d, v);

		if (n <= 0 || (size_t)n >= sizeof big)
			return rs_buf_puts(b, "");
		while (d > 0 && big[n - 1] == '0') /* as below: no trailing zeros */
			n--;
		if (big[n - 1] == '.')
			n--;
		return rs_buf_append(b, big, (size_t)n);
	}
	if (v == (double)(unsigned long long)v) { /* whole: no scaling, no fraction */
		scaled = (unsigned long long)v;
		s = ulong_digits(end, scaled);
		if (neg && scaled != 0)
			*--s = '-';
		return rs_buf_add(b, s, (size_t)(end - s));
	}
	/* llround without the call: below 2^53 the fraction x - floor(x) is exact. */
	x = v * pow10[d];
	scaled = (unsigned long long)x;
	if (x - (double)scaled >= 0.5)
		scaled++;
	ip = scaled / (unsigned long long)pow10[d];
	fp = scaled % (unsigned long long)pow10[d];
	s = end;
	if (fp != 0) {
		int k = d;
		while (fp % 10 == 0) {
			fp /= 10;
			k--;
		}
		while (k-- > 0) {
			*--s = (char)('0' + fp % 10);
			fp /= 10;
		}
		*--s = '.';
	}
	s = ulong_digits(s, ip);
	if (neg && scaled != 0)
		*--s = '-';
	return rs_buf_add(b, s, (size_t)(end - s));
}
