/*
 * buf_impl.h - inline fast paths of the rs_buf appends, for the code that
 * runs per row (classify, score, engine): when the bytes fit, a copy and no
 * call; otherwise buf.c grows the buffer. Same contract as rs_buf_append
 * (data[len] stays '\0'; a failed buffer takes nothing). Not public API.
 */
#ifndef RS_BUF_IMPL_H
#define RS_BUF_IMPL_H

#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "copy_impl.h"

static inline bool rs_buf_add(rs_buf *b, const char *s, size_t n)
{
	if (b->failed || n >= b->cap - b->len)
		return rs_buf_append(b, s, n);
	rs_copy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

/* rs_buf_reserve with the case that needs nothing inline. */
static inline bool rs_buf_room(rs_buf *b, size_t extra)
{
	if (!b->failed && extra < b->cap - b->len)
		return true;
	return rs_buf_reserve(b, extra);
}

static inline bool rs_buf_add_str(rs_buf *b, const char *s)
{
	return rs_buf_add(b, s, strlen(s));
}

static inline bool rs_buf_add_c(rs_buf *b, char c)
{
	if (b->failed || 1 >= b->cap - b->len)
		return rs_buf_putc(b, c);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return true;
}

/* "00".."99": two digits per step (buf.c). */
extern const char rs_digit_pairs[201];

/* Bytes rs_num_small may write at w (its text is at most 13 of them). */
#define RS_NUM_SMALL_ROOM 16

/*
 * rs_buf_put_num's common case at w, inline: 0 <= v < 1e9 with 0, 1 or 2
 * decimals. The same arithmetic as rs_buf_put_num (a whole v is its digits,
 * anything else v x 10^d rounded half up, trailing zeros dropped), with
 * constant divisors and signed conversions (v is far below 2^63), whole
 * parts below 1000 (every score, every share) from a table. Returns the end
 * of the text (no NUL written), or NULL, having written nothing, when v or d
 * is outside that case (negative, NaN, infinite, 1e9 or more): the caller
 * then uses rs_buf_put_num. w must have RS_NUM_SMALL_ROOM bytes.
 */
static inline char *rs_num_small(char *w, double v, int d)
{
	long long scaled, ip;
	unsigned fp = 0;

	if (!(v >= 0 && v < 1e9) || d < 0 || d > 2)
		return NULL;
	ip = (long long)v;
	if ((double)ip != v && d > 0) {
		double x = d == 2 ? v * 100 : v * 10;

		scaled = (long long)x;
		if (x - (double)scaled >= 0.5)
			scaled++;
		if (d == 2) {
			ip = scaled / 100;
			fp = (unsigned)(scaled % 100);
			if (fp % 10 == 0) {
				fp /= 10;
				d = 1;
			}
		} else {
			ip = scaled / 10;
			fp = (unsigned)(scaled % 10);
		}
	} else if ((double)ip != v) {
		scaled = (long long)v;
		ip = v - (double)scaled >= 0.5 ? scaled + 1 : scaled;
	}
	if (ip < 10) {
		*w++ = (char)('0' + ip);
	} else if (ip < 100) {
		memcpy(w, rs_digit_pairs + 2 * ip, 2);
		w += 2;
	} else if (ip < 1000) {
		*w = (char)('0' + ip / 100);
		memcpy(w + 1, rs_digit_pairs + 2 * (ip % 100), 2);
		w += 3;
	} else {
		/* Up to 9 digits end at tmp + 16, two at a time from the pairs
		 * (ip < 1e9 fits 32 bits); 16 bytes are copied from their start
		 * (a fixed-size copy, no call), never past tmp's end. */
		char tmp[32] = {0}, *end = tmp + 16, *s = end;
		uint32_t u = (uint32_t)ip;

		while (u >= 100) {
			uint32_t q = u / 100;

			s -= 2;
			memcpy(s, rs_digit_pairs + 2 * (u - q * 100), 2);
			u = q;
		}
		if (u >= 10) {
			s -= 2;
			memcpy(s, rs_digit_pairs + 2 * u, 2);
		} else {
			*--s = (char)('0' + u);
		}
		memcpy(w, s, 16);
		w += end - s;
	}
	if (fp != 0) {
		*w++ = '.';
		if (d == 2)
			*w++ = rs_digit_pairs[2 * fp];
		*w++ = rs_digit_pairs[2 * fp + 1];
	}
	return w;
}

/* A string literal, its length known at compile time. */
#define RS_BUF_LIT(b, lit) rs_buf_add((b), "" lit, sizeof(lit) - 1)

/*
 * rs_num_small's text for its most common case, in 32 bits: 0 <= v < 100, a
 * whole v with any d, or a fraction with d == 2 (v x 100 is below 10001,
 * rounded half up, trailing zeros dropped). One or two digits go out as two
 * bytes from the pairs (for one digit, the second is scratch that what
 * follows covers). Returns the end of the text (no NUL written), or NULL
 * for anything else, 99.995 and up ("100") included: the caller then takes
 * its general path. w must have RS_NUM_SMALL_ROOM bytes.
 */
static inline char *rs_num_below100(char *w, double v, int d)
{
	unsigned ip, fp = 0;

	if (!(v >= 0 && v < 100))
		return NULL;
	ip = (unsigned)v;
	if (v != (double)ip) {
		double x = v * 100;
		unsigned scaled = (unsigned)x;

		if (d != 2)
			return NULL;
		if (x - (double)scaled >= 0.5)
			scaled++;
		ip = scaled / 100;
		fp = scaled % 100;
		if (ip >= 100)
			return NULL;
	}
	memcpy(w, rs_digit_pairs + 2 * ip + (ip < 10), 2);
	w += 1 + (ip >= 10);
	if (fp != 0) {
		*w++ = '.';
		if (fp % 10 != 0) {
			memcpy(w, rs_digit_pairs + 2 * fp, 2);
			w += 2;
		} else {
			*w++ = (char)('0' + fp / 10);
		}
	}
	return w;
}

#endif
