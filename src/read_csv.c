/*
 * read_csv.c - CSV/TSV records from rs_input through libcsv, streaming.
 * The decoded text is fed to csv_parse one physical line at a time, so the
 * line number is known whenever a callback fires; cells are copied into
 * buffers reused across rows. libcsv is strict: a stray quote rejects that
 * record (its raw text becomes the one cell) and parsing resumes at the next
 * line.
 */
#include <csv.h>
#include <stdio.h>
#include <string.h>

#include "reader_impl.h"
#include "scan_impl.h"

#define CHUNK ((size_t)64 << 10)
#define CSV_OPTS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
/* libcsv 3.0.3's ROW_NOT_BEGUN: pstate between records (the struct is public). */
#define LIBCSV_ROW_NOT_BEGUN 0

typedef struct csv_state {
	const rs_read_ctx *c;
	rs_error *err;
	struct csv_parser p;
	rs_status st;             /* first failure inside a callback */
	unsigned long line;       /* physical line of the bytes being fed */
	unsigned long rec_line;   /* where the current record started */
	unsigned long field_line; /* where the current field started */
	bool have_header;
	size_t ncols;             /* cells in the header */
	size_t n;                 /* cells in the current record (counted) */
	size_t nstored;           /* of which stored (at most max_columns + 1) */
	size_t rec_bytes;
	size_t nul_field;         /* first field holding a NUL, 1-based; 0 none */
	const char *reject;       /* reason set for the current record */
	char why[128];
	char *store;              /* cell bytes, each NUL-terminated */
	size_t store_len, store_cap;
	const char **cell;        /* per stored cell, into store (or the chunk: plain_line) */
	size_t *len;
	unsigned char *plain;     /* per stored cell, its RS_PLAIN_ bits */
	unsigned char plain_bits; /* what an unquoted field of this chunk is plain for */
	size_t cells_cap;
	size_t fast_cells;        /* min(cells_cap, max_columns): on_field's bound */
	bool slow;                /* on_field must take field_slow */
	size_t max_field, max_record; /* from opts, at hand */
	/* Raw text of the current record, for the malformed-quoting reject. */
	const char *rec_start;    /* in the current chunk; NULL: began before it */
	rs_buf carry;             /* the record's bytes from earlier chunks */
	bool skipping;            /* after a quoting error: to the end of line */
	bool chunk_nul;           /* the chunk holds a NUL: check each field */
	bool chunk_tab;           /* the chunk holds a TAB that is not the delimiter */
	bool keep_spaces;         /* no_space is installed */
	bool after_cr;            /* the last chunk ended with CR: a LF next is its CRLF */
	bool fast_ok;             /* the delimiter allows fast_line */
	rs_buf unq;               /* fast_line: a quoted field with "" undoubled */
} csv_state;

static void fail(csv_state *s, rs_status st, const char *msg)
{
	s->slow = true;
	if (s->st == RS_OK) {
		s->st = st;
		s->err->file = s->c->name;
		(void)rs_error_set(s->err, st, s->rec_line, "%s", msg);
	}
}

static bool grow_cells(csv_state *s)
{
	size_t cap = s->cells_cap ? s->cells_cap * 2 : 32;
	size_t *len = rs_realloc(s->len, cap * sizeof *len);
	const char **cell;

	unsigned char *plain;

	if (len == NULL)
		return false;
	s->len = len;
	cell = rs_realloc((void *)s->cell, cap * sizeof *cell);
	if (cell == NULL)
		return false;
	s->cell = cell;
	plain = rs_realloc(s->plain, cap);
	if (plain == NULL)
		return false;
	s->plain = plain;
	s->cells_cap = cap;
	s->fast_cells = cap < s->c->opts->max_columns ? cap : s->c->opts->max_columns;
	return true;
}

/* Grows the cell store; the stored cells' pointers follow it. */
static bool grow_store(csv_state *s, size_t need)
{
	size_t cap = s->store_cap ? s->store_cap : 4096, pos = 0, i;
	char *p;

	while (cap < need)
		cap *= 2;
	p = rs_realloc(s->store, cap);
	if (p == NULL)
		return false;
	s->store = p;
	s->store_cap = cap;
	for (i = 0; i < s->nstored; i++) {
		s->cell[i] = p + pos;
		pos += s->len[i] + 1;
	}
	return true;
}

static void field_too_big(csv_state *s)
{
	char msg[200];

	(void)snprintf(msg, sizeof msg,
	               "a field starting at line %lu is longer than the limit of "
	               "%zu bytes (an unclosed quote?)",
	               s->field_line, s->max_field);
	fail(s, RS_ELIMIT, msg);
}

static inline void store_cell(csv_state *s, const char *f, size_t n, unsigned char plain)
{
	memcpy(s->store + s->store_len, f, n);
	s->store[s->store_len + n] = '\0';
	s->cell[s->nstored] = s->store + s->store_len;
	s->len[s->nstored] = n;
	s->plain[s->nstored] = plain;
	s->nstored++;
	s->store_len += n + 1;
}

/* on_field's rare cases: limits, NUL bytes, growth, failures. */
static void field_slow(csv_state *s, const char *f, size_t n, unsigned char plain)
{
	if (s->st != RS_OK)
		return;
	if (n > s->max_field) {
		field_too_big(s);
		return;
	}
	if (s->rec_bytes > s->max_record) {
		char msg[160];

		(void)snprintf(msg, sizeof msg,
		               "record is longer than the limit of %zu bytes",
		               s->max_record);
		fail(s, RS_ELIMIT, msg);
		return;
	}
	if (s->chunk_nul && s->nul_field == 0 && memchr(f, '\0', n) != NULL)
		s->nul_field = s->n + 1;
	s->n++;
	s->field_line = s->line;
	if (s->nstored >= s->c->opts->max_columns)
		return; /* counted only: the row is rejected or the header too wide */
	if ((s->nstored == s->cells_cap && !grow_cells(s)) ||
	    (s->store_len + n + 1 > s->store_cap &&
	     !grow_store(s, s->store_len + n + 1))) {
		fail(s, RS_ENOMEM, "out of memory");
		return;
	}
	store_cell(s, f, n, plain);
}

/*
 * libcsv cb1: one field (NUL-terminated thanks to CSV_APPEND_NULL, which
 * store_cell does not rely on: fast_line passes fields inside the line).
 * Called for every field, so the common case is one combined test and a copy.
 */
static inline void take_field(csv_state *s, const char *f, size_t n, unsigned char plain)
{
	s->rec_bytes += n;
	if (s->slow || n > s->max_field || s->rec_bytes > s->max_record ||
	    s->nstored >= s->fast_cells || s->store_len + n + 1 > s->store_cap) {
		field_slow(s, f, n, plain);
		return;
	}
	s->n++;
	s->field_line = s->line;
	store_cell(s, f, n, plain);
}

/* libcsv does not say whether a field was quoted: nothing known. */
static void on_field(void *f, size_t n, void *data)
{
	take_field(data, f, n, 0);
}

static void reset_record(csv_state *s)
{
	s->n = s->nstored = s->store_len = s->rec_bytes = s->nul_field = 0;
	s->reject = NULL;
}

static rs_status emit_header(csv_state *s, rs_row *row)
{
	char msg[200];

	if (s->n > s->c->opts->max_columns) {
		(void)snprintf(msg, sizeof msg,
		               "the header has more than %zu columns (the limit)",
		               s->c->opts->max_columns);
		fail(s, RS_ELIMIT, msg);
		return s->st;
	}
	if (row->reject != NULL) {
		(void)snprintf(msg, sizeof msg, "header row: %s", row->reject);
		fail(s, RS_EPARSE, msg);
		return s->st;
	}
	s->have_header = true;
	s->ncols = s->n;
	return s->c->on_header(s->c->ctx, row, s->err);
}

/* libcsv cb2: the record is complete. */
static void on_record(int term, void *data)
{
	csv_state *s = data;
	rs_row row;
	rs_status st;

	(void)term;
	if (s->st != RS_OK)
		return;
	row.n = s->nstored;
	row.cell = s->cell;
	row.len = s->len;
	row.type = NULL;
	row.line = s->rec_line;
	row.reject = s->reject;
	row.plain = s->plain;
	if (row.reject == NULL && s->nul_field != 0) {
		(void)snprintf(s->why, sizeof s->why, "NUL byte in field %zu",
		               s->nul_field);
		row.reject = s->why;
	}
	if (!s->have_header) {
		st = emit_header(s, &row);
	} else {
		if (row.reject == NULL && s->n != s->ncols) {
			(void)snprintf(s->why, sizeof s->why,
			               "row has %zu fields, the header has %zu", s->n,
			               s->ncols);
			row.reject = s->why;
		}
		st = s->c->on_row(s->c->ctx, &row, s->err);
	}
	if (st != RS_OK && s->st == RS_OK) {
		s->st = st; /* the callback filled err */
		s->slow = true;
	}
	reset_record(s);
}

/* Only the delimiter, quotes and line ends are special: cells keep spaces. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/*
 * Whether libcsv's default space handling could change this piece: it trims
 * spaces and tabs at either end of an unquoted field and around a quoted
 * one. A space with ordinary bytes on both sides is kept either way. The
 * default (inline) test is much cheaper than calling no_space for every
 * byte, so no_space is installed only for pieces where it matters.
 */
static bool spaces_matter(const csv_state *s, const char *p, size_t n)
{
	const char *q = p, *end = p + n;
	unsigned char d = s->p.delim_char;

	if (s->chunk_tab && memchr(p, '\t', n) != NULL)
		return true;
	while ((q = memchr(q, ' ', (size_t)(end - q))) != NULL) {
		if (q == p || q + 1 == end)
			return true;
		for (int k = -1; k <= 1; k += 2) {
			unsigned char c = (unsigned char)q[k];

			if (c == d || c == '"' || c == '\r' || c == '\n' || c == '\t')
				return true;
		}
		q++;
	}
	return false;
}

/*
 * The malformed-quoting reject: one cell with the record's raw text (from
 * its first line through the offending one, line end dropped). Then the
 * parser starts afresh at the next line.
 */
static void emit_malformed(csv_state *s)
{
	rs_buf *b = &s->carry;
	rs_row row;
	rs_status st;
	const char *cell;
	size_t len;

	while (b->len > 0 && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == '\r'))
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
	cell = b->data ? b->data : "";
	len = b->len;
	row.n = 1;
	row.cell = &cell;
	row.len = &len;
	row.type = NULL;
	row.line = s->rec_line;
	row.reject = s->why;
	row.plain = NULL;
	s->skipping = false;
	reset_record(s);
	(void)csv_fini(&s->p, NULL, NULL, NULL); /* resets the parser's state */
	if (!s->have_header) {
		char msg[200];

		(void)snprintf(msg, sizeof msg, "header row: %s", s->why);
		fail(s, RS_EPARSE, msg);
		return;
	}
	st = s->c->on_row(s->c->ctx, &row, s->err);
	if (st != RS_OK && s->st == RS_OK) {
		s->st = st;
		s->slow = true;
	}
}

static bool carry_append(csv_state *s, const char *p, size_t n)
{
	/* Raw text may be about twice the cells (every quote doubled). */
	if (s->carry.len + n > 2 * s->c->opts->max_record + 64) {
		char msg[160];

		(void)snprintf(msg, sizeof msg,
		               "record is longer than the limit of %zu bytes",
		               s->c->opts->max_record);
		fail(s, RS_ELIMIT, msg);
		return false;
	}
	if (!rs_buf_append(&s->carry, p, n)) {
		fail(s, RS_ENOMEM, "out of memory");
		return false;
	}
	return true;
}

/* csv_parse stopped early: a strict-mode quoting error, or no memory. */
static void parse_stopped(csv_state *s, const char *from, const char *stop,
                          bool whole_line)
{
	if (csv_error(&s->p) != CSV_EPARSE) {
		fail(s, RS_ENOMEM, "out of memory");
		return;
	}
	(void)snprintf(s->why, sizeof s->why, "malformed quoting (%s)",
	               s->p.quoted ? "text after a closing quote; write \"\" for a "
	                             "quote inside a quoted field"
	                           : "stray \" in an unquoted field; quote the "
	                             "field and write \"\" for the quote");
	if (!carry_append(s, from, (size_t)(stop - from)))
		return;
	s->skipping = true;
	if (whole_line)
		emit_malformed(s);
}

/*
 * The last byte of the line starting at p: its LF, the LF of a CRLF, or a
 * lone CR (libcsv ends a record there too); NULL when the chunk ends first.
 * *lf caches the next LF (end: none) so a CR-only file stays linear.
 */
static const char *line_end(const char *p, const char *end, const char **lf, bool any_cr)
{
	const char *cr;

	if (*lf == NULL || *lf < p) {
		*lf = memchr(p, '\n', (size_t)(end - p));
		if (*lf == NULL)
			*lf = end;
	}
	cr = any_cr ? memchr(p, '\r', (size_t)(*lf - p)) : NULL;
	if (cr == NULL)
		return *lf < end ? *lf : NULL;
	return cr + 1 == *lf && *lf < end ? *lf : cr;
}

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
static bool fast_line(csv_state *s, const char *p, const char *e)
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
		take_field(s, f, n, plain);
		if (end == e) {
			on_record(0, s);
			return true;
		}
		q = end + 1;
	}
	if (s->st != RS_OK)
		return true; /* a field before the give-up failed: libcsv's too */
	reset_record(s);
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
	on_record(0, s);
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

static bool plain_line(csv_state *s, char *p, char *e)
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
	if (n >= s->fast_cells) /* no cells yet: field_slow grows them */
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

/* What an unquoted field of a chunk with rs_scan_chunk flags `has` is plain for. */
static unsigned char chunk_plain_bits(const csv_state *s, unsigned has)
{
	unsigned char d = s->p.delim_char, bits = RS_PLAIN_NOQUOTE;
	bool no_tab = d == '\t' || !s->chunk_tab;

	if (d == ',' || !(has & RS_HAS_COMMA))
		bits |= RS_PLAIN_CSV;
	if (no_tab)
		bits |= RS_PLAIN_TSV;
	if (no_tab && !(has & RS_HAS_JSON_SPECIAL))
		bits |= RS_PLAIN_JSON;
	return bits;
}

/* Feeds one chunk, a physical line at a time. plain_line may write NULs into it. */
static rs_status feed(csv_state *s, char *buf, size_t n)
{
	char *p = buf, *end = buf + n;
	const char *lf = NULL;
	const rs_read_opts *o = s->c->opts;
	bool ends_cr = end[-1] == '\r'; /* before plain_line may overwrite it */
	unsigned has = rs_scan_chunk(buf, n); /* one pass for every per-chunk question */
	bool any_cr = has & RS_HAS_CR;        /* else no line needs a CR search */

	s->rec_start = NULL;
	s->chunk_nul = has & RS_HAS_NUL;
	s->slow = s->chunk_nul || s->st != RS_OK;
	s->chunk_tab = s->p.delim_char != '\t' && (has & RS_HAS_TAB);
	s->plain_bits = chunk_plain_bits(s, has);
	while (p < end && s->st == RS_OK) {
		/* the LF of a CRLF split between chunks: its line was counted */
		bool crlf_tail = s->after_cr && p == buf && *p == '\n';
		char *nl = crlf_tail ? p : (char *)line_end(p, end, &lf, any_cr);
		char *stop = nl ? nl + 1 : end;
		size_t len = (size_t)(stop - p), done;

		if (s->skipping) {
			if (carry_append(s, p, len) && nl)
				emit_malformed(s);
		} else {
			if (s->p.pstate == LIBCSV_ROW_NOT_BEGUN) {
				s->rec_line = s->field_line = s->line;
				s->rec_start = p;
				rs_buf_reset(&s->carry);
				char *e = nl != NULL && *nl == '\n' && nl > p && nl[-1] == '\r' ? nl - 1 : nl;

				if (nl != NULL && !crlf_tail && (plain_line(s, p, e) || fast_line(s, p, e))) {
					s->line++;
					p = stop;
					continue;
				}
			}
			bool keep = spaces_matter(s, p, len);

			if (keep != s->keep_spaces) {
				csv_set_space_func(&s->p, keep ? no_space : NULL);
				s->keep_spaces = keep;
			}
			done = csv_parse(&s->p, p, len, on_field, on_record, s);
			if (done < len && s->st == RS_OK)
				parse_stopped(s, s->rec_start ? s->rec_start : buf,
				              stop, nl != NULL);
			else if (s->p.entry_pos > o->max_field)
				field_too_big(s);
		}
		if (nl && !crlf_tail)
			s->line++;
		p = stop;
	}
	s->after_cr = ends_cr;
	if (s->st == RS_OK && !s->skipping &&
	    s->p.pstate != LIBCSV_ROW_NOT_BEGUN && s->rec_start != NULL)
		(void)carry_append(s, s->rec_start, (size_t)(end - s->rec_start));
	else if (s->st == RS_OK && !s->skipping &&
	         s->p.pstate != LIBCSV_ROW_NOT_BEGUN)
		(void)carry_append(s, buf, n);
	/* Let libcsv's buffer grow geometrically instead of 128 bytes a time. */
	if (csv_get_buffer_size(&s->p) > s->p.blk_size)
		csv_set_blk_size(&s->p, csv_get_buffer_size(&s->p));
	return s->st;
}

static rs_status finish(csv_state *s)
{
	if (s->skipping) {
		emit_malformed(s);
		return s->st;
	}
	if (csv_fini(&s->p, on_field, on_record, s) != 0) {
		/* CSV_STRICT_FINI: a quote still open at the end of the file. */
		(void)snprintf(s->why, sizeof s->why,
		               "unterminated quoted field starting at line %lu",
		               s->field_line);
		s->reject = s->why;
		(void)csv_set_opts(&s->p, CSV_OPTS & ~CSV_STRICT_FINI);
		(void)csv_fini(&s->p, on_field, on_record, s);
	}
	if (s->st == RS_OK && !s->have_header) {
		s->err->file = s->c->name;
		return rs_error_set(s->err, RS_EPARSE, 0,
		                    "no header row: the file is empty");
	}
	return s->st;
}

static rs_status run(csv_state *s, char *buf)
{
	rs_status st;
	size_t got;

	for (;;) {
		st = rs_input_read(s->c->in, buf, CHUNK, &got, s->err);
		if (st != RS_OK) {
			s->err->file = s->c->name;
			if (st == RS_EENCODING)
				s->err->line = s->line;
			return st;
		}
		if (got == 0)
			return finish(s);
		if (feed(s, buf, got) != RS_OK)
			return s->st;
	}
}

rs_status rs_read_csv(const rs_read_ctx *c, char delimiter, rs_error *err)
{
	csv_state s;
	char *buf;
	rs_status st;

	memset(&s, 0, sizeof s);
	s.c = c;
	s.err = err;
	s.line = 1;
	s.max_field = c->opts->max_field;
	s.max_record = c->opts->max_record;
	/* fast_line's reading of a line matches libcsv's for these delimiters. */
	s.fast_ok = delimiter != '"' && delimiter != ' ' && delimiter != '\r' &&
	            delimiter != '\n' && delimiter != '\0';
	err->file = c->name;
	rs_buf_init(&s.carry);
	rs_buf_init(&s.unq);
	if (csv_init(&s.p, CSV_OPTS) != 0)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	csv_set_delim(&s.p, (unsigned char)delimiter);
	csv_set_realloc_func(&s.p, rs_realloc_hook);
	csv_set_free_func(&s.p, rs_free_hook);
	csv_set_blk_size(&s.p, 4096);
	buf = rs_malloc(CHUNK + 16); /* slack for plain_line's 16-byte loads */
	if (buf == NULL)
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	else
		st = run(&s, buf);
	rs_free(buf);
	csv_free(&s.p);
	rs_buf_free(&s.carry);
	rs_buf_free(&s.unq);
	rs_free(s.store);
	rs_free(s.len);
	rs_free((void *)s.cell);
	rs_free(s.plain);
	return st;
}
