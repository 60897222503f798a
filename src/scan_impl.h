/*
 * scan_impl.h - finding the first of a few bytes in a run of text, 16 bytes
 * at a time where SSE2 exists (every x86-64), a byte at a time elsewhere.
 * Shared by the CSV reader (field boundaries) and the CSV writer (bytes that
 * force quoting). Never reads outside s[0..n). Not part of the public API.
 */
#ifndef RS_SCAN_IMPL_H
#define RS_SCAN_IMPL_H

#include <stddef.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define RS_SCAN_SSE2 1
#endif

/* Index of the first byte of s[0..n) equal to a, b, c or d; n if none. */
static inline size_t rs_scan4(const char *s, size_t n, char a, char b, char c, char d)
{
	size_t i = 0;

#ifdef RS_SCAN_SSE2
	if (n >= 16) {
		const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
		const __m128i vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);

		for (;;) {
			/* The last block overlaps what was scanned, which held none. */
			size_t at = i + 16 <= n ? i : n - 16;
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
			__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
			                         _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
			unsigned bits = (unsigned)_mm_movemask_epi8(m);

			if (bits != 0)
				return at + (size_t)__builtin_ctz(bits);
			if (at + 16 >= n)
				return n;
			i = at + 16;
		}
	}
#endif
	for (; i < n; i++)
		if (s[i] == a || s[i] == b || s[i] == c || s[i] == d)
			return i;
	return n;
}

#endif
