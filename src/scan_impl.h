/*
 * scan_impl.h - finding the first of a few bytes in a run of text, 16 bytes
 * at a time where SSE2 exists (every x86-64), a byte at a time elsewhere.
 * Shared by the CSV reader (field boundaries) and the CSV writer (bytes that
 * force quoting). Never reads outside s[0..n). Not part of the public API.
 */
#ifndef RS_SCAN_IMPL_H
#define RS_SCAN_IMPL_H

#include <stdbool.h>
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

/*
 * Does s[0..n) hold a byte that JSON output must escape, other than the TAB,
 * CR and LF a CSV reader accounts for itself: '\\', 0xE2 (U+2028/9's lead;
 * also other punctuation, which only costs a closer look) or another control
 * byte. A reader asks once per block so cells from it can carry RS_PLAIN_JSON.
 */
static inline bool rs_scan_json_unsafe(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

#ifdef RS_SCAN_SSE2
	const __m128i ctl = _mm_set1_epi8(0x1F), bs = _mm_set1_epi8('\\');
	const __m128i e2 = _mm_set1_epi8((char)0xE2), tab = _mm_set1_epi8('\t');
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		__m128i c = _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x); /* x <= 0x1F */
		__m128i ok = _mm_or_si128(_mm_cmpeq_epi8(x, tab),
		                          _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)));
		__m128i m = _mm_or_si128(_mm_andnot_si128(ok, c),
		                         _mm_or_si128(_mm_cmpeq_epi8(x, bs), _mm_cmpeq_epi8(x, e2)));

		if (_mm_movemask_epi8(m) != 0)
			return true;
	}
#endif
	for (; i < n; i++)
		if (u[i] == '\\' || u[i] == 0xE2 ||
		    (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r'))
			return true;
	return false;
}

#endif
