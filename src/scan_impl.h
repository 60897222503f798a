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

/* What rs_scan_chunk found in a block of text. */
enum {
	RS_HAS_NUL = 1,
	RS_HAS_TAB = 2,
	RS_HAS_COMMA = 4,
	RS_HAS_CR = 8,
	/* A byte JSON output must escape, other than the TAB, CR and LF that
	 * the flags above and line splitting account for: '\\', another control
	 * byte, or 0xE2 (U+2028/9's lead; also other punctuation, which only
	 * costs a closer look). */
	RS_HAS_JSON_SPECIAL = 16
};

/*
 * The RS_HAS_ flags of s[0..n), in one pass (a CSV reader asks once per
 * block, so the block is read once while it is in cache, not once per
 * question).
 */
static inline unsigned rs_scan_chunk(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned found = 0;
	size_t i = 0;

#ifdef RS_SCAN_SSE2
	const __m128i zero = _mm_setzero_si128(), ctl = _mm_set1_epi8(0x1F);
	const __m128i tab = _mm_set1_epi8('\t'), comma = _mm_set1_epi8(',');
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	const __m128i bs = _mm_set1_epi8('\\'), e2 = _mm_set1_epi8((char)0xE2);
	__m128i a_nul = zero, a_tab = zero, a_comma = zero, a_cr = zero, a_json = zero;

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		__m128i is_tab = _mm_cmpeq_epi8(x, tab), is_cr = _mm_cmpeq_epi8(x, cr);
		__m128i is_nul = _mm_cmpeq_epi8(x, zero);
		__m128i c = _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x); /* x <= 0x1F */
		__m128i lines = _mm_or_si128(_mm_or_si128(is_tab, is_cr), _mm_cmpeq_epi8(x, lf));

		a_nul = _mm_or_si128(a_nul, is_nul);
		a_tab = _mm_or_si128(a_tab, is_tab);
		a_cr = _mm_or_si128(a_cr, is_cr);
		a_comma = _mm_or_si128(a_comma, _mm_cmpeq_epi8(x, comma));
		a_json = _mm_or_si128(a_json, _mm_or_si128(_mm_andnot_si128(lines, c),
		                                           _mm_or_si128(_mm_cmpeq_epi8(x, bs),
		                                                        _mm_cmpeq_epi8(x, e2))));
	}
	found |= _mm_movemask_epi8(a_nul) ? RS_HAS_NUL : 0u;
	found |= _mm_movemask_epi8(a_tab) ? RS_HAS_TAB : 0u;
	found |= _mm_movemask_epi8(a_comma) ? RS_HAS_COMMA : 0u;
	found |= _mm_movemask_epi8(a_cr) ? RS_HAS_CR : 0u;
	found |= _mm_movemask_epi8(a_json) ? RS_HAS_JSON_SPECIAL : 0u;
#endif
	for (; i < n; i++) {
		unsigned char c = u[i];

		found |= c == 0 ? RS_HAS_NUL : c == '\t' ? RS_HAS_TAB : c == ',' ? RS_HAS_COMMA
		         : c == '\r' ? RS_HAS_CR : 0u;
		if (c == '\\' || c == 0xE2 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
			found |= RS_HAS_JSON_SPECIAL;
	}
	return found;
}

#endif
