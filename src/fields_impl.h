/*
 * fields_impl.h - what fields.c (the field map) and value.c (cell parsing)
 * share inside the library. Not part of the public API.
 */
#ifndef RS_FIELDS_IMPL_H
#define RS_FIELDS_IMPL_H

#include "internal.h"

/* Drops surrounding blanks: ASCII space/tab/CR/LF, U+00A0, U+3000. */
void rs_value_trim_slow(const char **s, size_t *n);

/* Could the byte start or end a blank? Inline: most cells have none. */
static inline bool rs_value_maybe_blank(unsigned char c)
{
	return c <= ' ' || (c >= 0x80 && (c == 0xC2 || c == 0xE3 || c == 0xA0 || c == 0x80));
}

static inline void rs_value_trim(const char **s, size_t *n)
{
	if (*n > 0 && (rs_value_maybe_blank((unsigned char)(*s)[0]) ||
	               rs_value_maybe_blank((unsigned char)(*s)[*n - 1])))
		rs_value_trim_slow(s, n);
}
/*
 * Normalises a name for matching into out (capacity cap): surrounding blanks
 * dropped, ASCII lowercased, each run of spaces, hyphens and underscores one
 * '_'. Never longer than its input, so cap = n + 1 always suffices. Returns
 * the length written.
 */
size_t rs_value_norm(const char *s, size_t n, char *out, size_t cap);
/* Is s[0..n) equal to the lowercase word w, ignoring ASCII case? */
bool rs_value_word_eq(const char *s, size_t n, const char *w);

enum { RS_NUM_PERCENT = 1, RS_NUM_CURRENCY = 2 };
/*
 * rs_parse_number with the affixes chosen per field: RS_NUM_PERCENT lets a
 * trailing % through, RS_NUM_CURRENCY a currency mark. why may be NULL.
 */
rs_parse rs_value_number(const char *s, size_t n, bool dcomma, unsigned flags,
                         double *out, const char **why);

#endif
