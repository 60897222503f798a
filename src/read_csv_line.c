/*
 * read_csv_line.c - whole CSV lines split without libcsv, for read_csv.c:
 * quote-free lines and lines whose quoted fields hold no doubled quote split
 * in place in the chunk (no copy), other simply quoted lines copied field by
 * field. Each gives the fields libcsv would give, or declines and leaves the
 * line as it was for the next way (see read_csv_impl.h).
 */
#include <string.h>

#include "read_csv_impl.h"
#include "scan_impl.h"

/*
 * fast_line's quoted field at q ('"'): the text up to the closing quote, ""
 * undoubled (into s->unq when there is one). *after gets the byte after the
 * closing quote; false when the quote does not close on this line or no
 * memory is left for the undoubled text.
 */
static bool fast_quoted(csv_state *s, const char *q, const char *e, const char **f,
                        size_t *n, const char **after)
{
	const char *c = q + 1, *run = c;
	bool doubled = false;

	for (;;) {
		c = memchr(c, '"', (size_t)(e - c));
		if (c == NULL)
			return false;
		if (c + 1 == e || c[1] != '"')
			break;
		if (!doubled)
			rs_buf_reset(&s->unq);
		doubled = true;
		if (!rs_buf_append(&s->unq, run, (size_t)(c + 1 - run)))
			return false;
		c += 2;
		run = c;
	}
	*after = c + 1;
	if (!doubled) {
		*f = q + 1;
		*n = (size_t)(c - q - 1);
		return true;
	}
	if (!rs_buf_append(&s->unq, run, (size_t)(c - run)))
		return false;
	*f = s->unq.data;
	*n = s->unq.len;
	return true;
}

/*
 * A whole line [p, e) (line end excluded) read while no record is open,
 * split here instead of by libcsv: a good deal faster, and the same fields
 * for the lines it takes. It takes a line when every field is either
 * unquoted and without a quote, or quoted ("" inside) and closed right
 * before a delimiter or the line end. Spaces are kept as they are, which is
 * what libcsv does here too: feed installs no_space wherever trimming could
 * change a field. Anything else (an empty line, a stray quote, a quote that
 * closes on a later line) returns false with the record as it was, and
 * libcsv parses the line from its start. Fields passed on before the give-up
 * are forgotten; a failure they caused (a limit) is one libcsv would cause
 * the same way.
 */
bool rs_csv_fast_line(csv_state *s, const char *p, const char *e)
{
	const char d = (char)s->p.delim_char, *q = p, *f, *end;
	size_t n;
	unsigned char plain;

	if (!s->fast_ok || p == e)
		return false;
	for (;;) {
		if (q < e && *q == '"') {
			if (!fast_quoted(s, q, e, &f, &n, &end) || (end < e && *end != d))
				break;
			plain = 0;
		} else {
			end = q + rs_scan4(q, (size_t)(e - q), d, '"', d, '"');
			if (end < e && *end == '"')
				break;
			f = q;
			n = (size_t)(end - q);
			plain = s->plain_bits;
		}
		rs_csv_take_field(s, f, n, plain);
		if (end == e) {
			rs_csv_on_record(0, s);
			return true;
		}
		q = end + 1;
	}
	if (s->st != RS_OK)
		return true; /* a field before the give-up failed: libcsv's too */
	rs_csv_reset_record(s);
	return false;
}

/*
 * A whole line [p, e) (line end excluded, *e is its CR or LF), read while no
 * record is open, split at the delimiter in place; a quote met on the way
 * hands the line (delimiters put back) to quoted_line.
 * Each cell points into the chunk and the byte after it (a delimiter, or the
 * line end) becomes its NUL, so nothing is copied. Without quotes libcsv
 * gives the same fields (spaces kept, as in fast_line). A line past a length
 * limit, with too many fields for the cells at hand, or empty is left to
 * fast_line and libcsv, as it was.
 */
static void emit_inplace(csv_state *s, size_t n, size_t bytes)
{
	s->n = s->nstored = n;
	s->rec_bytes = bytes;
	s->field_line = s->line;
	rs_csv_on_record(0, s);
}

/*
 * quoted_line: plain_line's way for a line with quotes, a field at a time.
 * A quoted field is taken in place when no quote is doubled inside it (its
 * text lies between the quotes; the closing quote becomes its NUL) and an
 * unquoted one when it holds no quote. Anything else (a "" inside, text
 * after a closing quote, a quote that does not close on the line, a stray
 * quote) puts back what was overwritten and leaves the line to fast_line,
 * which copies and undoubles, or to libcsv. Quoted fields carry no plain
 * bits.
 */
static bool quoted_line(csv_state *s, char *p, char *e)
{
	const char d = (char)s->p.delim_char;
	size_t n = 0, bytes = 0;
	char *q = p, *end, *term;

	for (;;) {
		if (n >= s->fast_cells)
			goto give_up;
		if (q < e && *q == '"') {
			term = memchr(q + 1, '"', (size_t)(e - q - 1));
			if (term == NULL || (term + 1 < e && term[1] != d))
				goto give_up;
			end = term + 1;
			s->cell[n] = q + 1;
			s->plain[n] = RS_PLAIN_NOQUOTE; /* no "" inside, or it gave up */
		} else {
			end = q + rs_scan4(q, (size_t)(e - q), d, '"', d, '"');
			if (end < e && *end == '"')
				goto give_up;
			term = end;
			s->cell[n] = q;
			s->plain[n] = s->plain_bits;
		}
		s->len[n] = (size_t)(term - s->cell[n]);
		bytes += s->len[n++];
		if (end == e)
			break;
		*term = '\0';
		q = end + 1;
	}
	*term = '\0';
	emit_inplace(s, n, bytes);
	return true;
give_up:
	/* Every cell stored so far was terminated: a quoted one at its closing
	 * quote, an unquoted one at the delimiter after it (an unquoted cell
	 * starts the line or follows a delimiter, never a quote). */
	while (n-- > 0)
		((char *)s->cell[n])[s->len[n]] = s->cell[n] > p && s->cell[n][-1] == '"' ? '"' : d;
	return false;
}

bool rs_csv_plain_line(csv_state *s, char *p, char *e)
{
	const char d = (char)s->p.delim_char;
	size_t len = (size_t)(e - p), n = 0, i;
	char *start = p;

	if (s->slow || !s->fast_ok || len == 0 || len > s->max_field || len > s->max_record)
		return false;
	for (i = 0; i < len; i += 16) {
		unsigned bits = 0, quotes = 0;
#ifdef RS_SCAN_SSE2
		/* The chunk has 16 bytes of slack: reading past e is safe, and
		 * positions past it are masked off. */
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));

		bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(d)));
		quotes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
#else
		for (unsigned k = 0; k < 16; k++) {
			bits |= (unsigned)(p[i + k] == d) << k;
			quotes |= (unsigned)(p[i + k] == '"') << k;
		}
#endif
		if (len - i < 16) {
			bits &= (1u << (len - i)) - 1;
			quotes &= (1u << (len - i)) - 1;
		}
		if (quotes != 0) { /* found while splitting: a line for quoted_line */
			while (n-- > 0)
				((char *)s->cell[n])[s->len[n]] = d;
			return quoted_line(s, p, e);
		}
		for (; bits != 0; bits &= bits - 1) {
			char *at = p + i + (size_t)__builtin_ctz(bits);

			if (n + 1 >= s->fast_cells) /* this cell and the last must fit */
				goto give_up;
			s->cell[n] = start;
			s->len[n++] = (size_t)(at - start);
			*at = '\0';
			start = at + 1;
		}
	}
	if (n >= s->fast_cells) /* no cells yet: rs_csv_field_slow grows them */
		goto give_up;
	s->cell[n] = start;
	s->len[n++] = (size_t)(e - start);
	*e = '\0';
	memset(s->plain, s->plain_bits, n);
	emit_inplace(s, n, len - (n - 1));
	return true;
give_up:
	while (n-- > 0) /* put the delimiters back: fast_line or libcsv reads the line */
		((char *)s->cell[n])[s->len[n]] = d;
	return false;
}

