/*
 * copy_impl.h - rs_copy: memcpy for the short, varying lengths of the per-row
 * paths (cells, runs of cells, pieces of text), inline. glibc's memcpy is a
 * call that first picks a strategy by size, and with lengths that change every
 * call that choice is often mispredicted; here two overlapping moves cover any
 * length from 4 to 32 bytes with one size test, longer ones go 32 bytes a step
 * (the last move overlapping the one before it). Never reads or writes outside
 * s[0..n) and d[0..n). Not part of the public API.
 */
#ifndef RS_COPY_IMPL_H
#define RS_COPY_IMPL_H

#include <stdint.h>
#include <string.h>

#include "scan_impl.h"

static inline void rs_copy(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

#ifdef RS_SCAN_SSE2
	if (n > 32) {
		size_t i;

		/* Two moves a step: half the loop's own instructions. */
		for (i = 0; i + 32 < n; i += 32) {
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));

			_mm_storeu_si128((__m128i *)(void *)(d + i), a);
			_mm_storeu_si128((__m128i *)(void *)(d + i + 16), b);
		}
		if (n - i > 16)
			_mm_storeu_si128((__m128i *)(void *)(d + i),
			                 _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
		_mm_storeu_si128((__m128i *)(void *)(d + n - 16),
		                 _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)));
		return;
	}
	if (n >= 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)s);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));

		_mm_storeu_si128((__m128i *)(void *)d, a);
		_mm_storeu_si128((__m128i *)(void *)(d + n - 16), b);
		return;
	}
#else
	if (n >= 16) {
		memcpy(d, s, n);
		return;
	}
#endif
	if (n >= 8) {
		uint64_t a, b;

		memcpy(&a, s, 8); /* fixed sizes: compiled to single moves */
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		memcpy(d, &a, 4);
		memcpy(d + n - 4, &b, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

#endif
