/*
 * write.c - rows out as CSV, TSV, JSON or JSON Lines through one large
 * buffer (no stdio call per field), with the spreadsheet formula
 * neutralisation CSV output needs. JSON objects are encoded in
 * write_json.c, the table view in write_table.c.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "copy_impl.h"
#include "scan_impl.h"
#include "write_impl.h"

#define OUT_BUF_SIZE ((size_t)256 << 10)
/* With an output thread, two buffers of this size. Each hand-over wakes the
 * other thread (tens of microseconds on the reference VM), so buffers are
 * large; 1M rows to a file, median of 7-9 runs against the bare libcsv
 * pass: 64 KiB 1.50x, 256 KiB 0.96-1.07x, 512 KiB-1 MiB 0.87-1.0x, 4 MiB
 * 1.59x (past the 1 MiB L2 cache; BENCHMARKS.md). */
#define OUT_BUF_SIZE_BG ((size_t)1 << 20)

struct rs_writer {
	rs_wout out;
	rs_format format;
	bool raw;
	bool ragged; /* CSV/TSV rows may have any number of cells */
	bool finished;
	char delim;
	unsigned char plain_bit; /* the RS_PLAIN_ bit that lets a cell through as it is */
	unsigned char quoted_bit; /* the RS_PLAIN_ bit of a cell that goes out as '"' text '"' */
	const char *eol; /* "\n" or "\r\n" */
	size_t eol_len;
	size_t ncols;
	unsigned long nrows;
	/* CSV/TSV: nonzero for bytes that force quoting (delimiter, '"', CR, LF). */
	unsigned char special[256];
	/* CSV/TSV: nonzero for a first byte that may need a closer look: a
	 * formula start (formula_like) or a space, which quoting keeps. */
	unsigned char edge[256];
	rs_json_keys keys; /* JSON: the header's keys, encoded once */
	rs_table *table;
};

/* ------------------------------------------------------------- output */

bool rs_wout_flush(rs_wout *o)
{
	if (o->failed) {
		o->len = 0;
		return false;
	}
	if (o->len == 0)
		return true;
	if (o->q != NULL) {
		char *next = rs_outq_put(o->q, o->buf, o->len, &o->err);

		o->failed = next == NULL;
		if (next != NULL)
			o->buf = next;
		o->len = 0;
		return !o->failed;
	}
	if (o->fd >= 0) {
		o->err = rs_write_all(o->fd, o->buf, o->len, o->interrupt);
		o->failed = o->err != 0;
	} else {
		errno = 0;
		if (fwrite(o->buf, 1, o->len, o->fp) != o->len || ferror(o->fp)) {
			o->failed = true;
			o->err = errno;
		}
	}
	o->len = 0;
	return !o->failed;
}

void rs_wout_put_slow(rs_wout *o, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0 && !o->failed) {
		size_t room = o->cap - o->len;
		size_t k = n < room ? n : room;

		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
		if (n > 0)
			(void)rs_wout_flush(o);
	}
	if (o->failed)
		o->len = 0;
}

void rs_wout_spaces(rs_wout *o, size_t n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;

		rs_wout_put(o, sp, k);
		n -= k;
	}
}

rs_status rs_wout_error(const rs_wout *o, rs_error *err)
{
	return rs_error_set(err, RS_EIO, 0, "write failed: %s",
	                    o->err ? strerror(o->err) : "output error");
}

/* ------------------------------------------------------------ CSV, TSV */

/*
 * True for text a spreadsheet reads as a number, never as a formula: an
 * optional sign, digits with ',' between digits, an optional fraction and
 * exponent, an optional '%'. "-5", "+3.25", "-1,200.50" qualify.
 */
static bool plain_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

#define IS_DIGIT(k) ((k) < n && s[k] >= '0' && s[k] <= '9')
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	while (IS_DIGIT(i) || (i < n && s[i] == ',' && digits > 0 && IS_DIGIT(i + 1)))
		digits += s[i++] != ',';
	if (i < n && s[i] == '.')
		for (i++; IS_DIGIT(i); i++)
			digits++;
	if (digits == 0)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!IS_DIGIT(i))
			return false;
		while (IS_DIGIT(i))
			i++;
	}
#undef IS_DIGIT
	if (i < n && s[i] == '%')
		i++;
	return i == n;
}

/*
 * A text cell a spreadsheet could run as a formula (or DDE command): it
 * starts with = + - @ TAB or CR (OWASP's list), or with the full-width
 * ＝ ＋ － ＠, which some East Asian spreadsheet set-ups and IMEs turn into
 * their ASCII forms; neutralising those costs one quote on rare text.
 */
static bool formula_like(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return false;
	switch (s[0]) {
	case '=': case '@': case '\t': case '\r':
		return true;
	case '+': case '-':
		return !plain_number(s, n);
	default:
		break;
	}
	return n >= 3 && u[0] == 0xEF && u[1] == 0xBC &&
	       (u[2] == 0x9D || u[2] == 0x8B || u[2] == 0x8D || u[2] == 0xA0);
}

unsigned char rs_plain_bits(const char *s, size_t n)
{
	unsigned char bits = RS_PLAIN_CSV | RS_PLAIN_TSV | RS_PLAIN_JSON | RS_PLAIN_NOQUOTE;
	bool edge_space = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char u = (unsigned char)s[i];

		if (u == '"')
			return 0;
		if (u == '\r' || u == '\n')
			bits &= RS_PLAIN_NOQUOTE;
		if (u == ',')
			bits &= (unsigned char)~RS_PLAIN_CSV;
		if (u == '\t')
			bits &= (unsigned char)~RS_PLAIN_TSV;
		if (u < 0x20 || u == '\\' || u == 0xE2)
			bits &= (unsigned char)~RS_PLAIN_JSON;
	}
	/* What csv_cell does with it: quotes it for a special byte (no '"'
	 * here, so nothing doubled) or an edge space, and adds no apostrophe
	 * to text that is not formula-like, whatever the type and --raw. */
	if (formula_like(s, n))
		return bits;
	if (!(bits & RS_PLAIN_CSV) || edge_space)
		bits |= RS_PLAIN_CSV_QUOTED;
	if (!(bits & RS_PLAIN_TSV) || edge_space)
		bits |= RS_PLAIN_TSV_QUOTED;
	return bits;
}

/* Writes "s" with every '"' doubled, after an optional leading quote;
 * noquote: s is known to hold no '"'. */
static void csv_quoted(rs_wout *o, const char *s, size_t n, bool apostrophe, bool noquote)
{
	const char *end = s + n, *q;

	rs_wout_putc(o, '"');
	if (apostrophe)
		rs_wout_putc(o, '\'');
	while (!noquote && (q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		rs_wout_put(o, s, (size_t)(q - s + 1));
		rs_wout_putc(o, '"');
		s = q + 1;
	}
	rs_wout_put(o, s, (size_t)(end - s));
	rs_wout_putc(o, '"');
}

/* Index of the first byte of s[0..n) that forces quoting; n if none. */
static size_t special_at(const rs_writer *w, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

#ifdef RS_SCAN_SSE2
	if (n >= 16)
		return rs_scan4(s, n, w->delim, '"', '\r', '\n');
#endif
	for (i = 0; i < n && !w->special[u[i]]; i++)
		;
	return i;
}

static void csv_cell(rs_writer *w, const char *s, size_t n, bool text, bool only, bool noquote)
{
	bool neutral, special = special_at(w, s, n) < n;

	/* The common cell: nothing to quote, no formula or space at an edge. */
	if (n > 0 && !w->edge[(unsigned char)s[0]] && s[n - 1] != ' ' && !special) {
		rs_wout_put(&w->out, s, n);
		return;
	}
	neutral = text && !w->raw && formula_like(s, n);
	if (!special && !neutral && (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
		/* A lone empty cell is written "" so the line is not blank. */
		if (n == 0 && only)
			rs_wout_put(&w->out, "\"\"", 2);
		else
			rs_wout_put(&w->out, s, n);
		return;
	}
	csv_quoted(&w->out, s, n, neutral, noquote);
}

/*
 * A short cell (under 16 bytes, most input cells) that needs nothing is
 * copied straight into the output while its bytes are checked; true when it
 * was written. An empty cell needs nothing unless it is the row's only
 * one. Anything else is left to csv_cell. From 4 bytes on, two overlapping
 * moves (as in rs_copy) copy it and the same bytes, in one register, are
 * compared with the four special ones at once.
 */
static inline bool csv_short_cell(rs_writer *w, const char *s, size_t n, bool only)
{
	rs_wout *o = &w->out;
	unsigned char any = 0;
	char *d;
	size_t k;

	if (n - 1 >= 15) /* n == 0 wraps round: one test for both ends */
		return n == 0 && !only;
	if (o->cap - o->len < 16 || w->edge[(unsigned char)s[0]] ||
	    s[n - 1] == ' ')
		return false;
	d = o->buf + o->len;
#ifdef RS_SCAN_SSE2
	if (n >= 4) {
		__m128i x, m;

		if (n >= 8) {
			__m128i a = _mm_loadl_epi64((const __m128i *)(const void *)s);
			__m128i b = _mm_loadl_epi64((const __m128i *)(const void *)(s + n - 8));

			_mm_storel_epi64((__m128i *)(void *)d, a);
			_mm_storel_epi64((__m128i *)(void *)(d + n - 8), b);
			x = _mm_unpacklo_epi64(a, b);
		} else {
			int32_t a, b;

			memcpy(&a, s, 4);
			memcpy(&b, s + n - 4, 4);
			memcpy(d, &a, 4);
			memcpy(d + n - 4, &b, 4);
			x = _mm_unpacklo_epi32(_mm_cvtsi32_si128(a), _mm_cvtsi32_si128(b)); /* and 8 NULs */
		}
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(w->delim)),
		                              _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
		                 _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\r')),
		                              _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))));
		if (_mm_movemask_epi8(m) != 0)
			return false;
		o->len += n;
		return true;
	}
#endif
	for (k = 0; k < n; k++) {
		d[k] = s[k];
		any |= w->special[(unsigned char)s[k]];
	}
	if (any)
		return false;
	o->len += n;
	return true;
}

/*
 * Could csv_cell write this cell, known plain (no delimiter, quote, CR or
 * LF), as it is? Yes unless it starts like a formula or with a space, ends
 * with a space, or is empty and the row's only cell.
 */
static inline bool csv_edge_ok(const rs_writer *w, const char *s, size_t n, bool only)
{
	/* Without branches (empty cells come and go at random): an empty cell
	 * reads its NUL terminator (rs_row's contract) for both ends, and no
	 * table entry or ' ' matches it. */
	unsigned char first = (unsigned char)s[0], last = (unsigned char)s[n - (n != 0)];

	return (w->edge[first] == 0) & (last != ' ') & ((n != 0) | !only);
}

/*
 * Cells i, i+1, ... that are plain and lie back to back in memory, one byte
 * apart (readers and the classifier lay cells out NUL-terminated), go out
 * with one copy; the byte between each two is then made the delimiter.
 * Cell i is known plain and edge_ok. Returns the index after the run. The
 * row's arrays and the delimiter are read through locals: stores into the
 * output buffer (a char array) would otherwise make the compiler reload
 * them every cell.
 */
static size_t csv_plain_run(rs_writer *w, const rs_row *row, size_t i)
{
	const char *const *cell = row->cell;
	const size_t *len = row->len;
	const unsigned char *plain = row->plain, bit = w->plain_bit;
	const char delim = w->delim;
	const size_t n = row->n;
	const char *start = cell[i], *end = start + len[i];
	rs_wout *o = &w->out;
	size_t j = i + 1, span, k;
	char *dst;

	/* csv_edge_ok, cheaper inside a run: the row has two cells or more (not
	 * `only`), and e[-1] is the cell's last byte or, for an empty cell, the
	 * NUL that ends the cell before it. */
	for (; j < n; j++) {
		const char *c = cell[j], *e;

		if (c != end + 1 || !(plain[j] & bit) || w->edge[(unsigned char)c[0]])
			break;
		e = c + len[j];
		if (e[-1] == ' ')
			break;
		end = e;
	}
	span = (size_t)(end - start);
	if (span > o->cap - o->len) {
		for (k = i; k < j; k++) {
			if (k > i)
				rs_wout_putc(o, w->delim);
			rs_wout_put(o, cell[k], len[k]);
		}
		return j;
	}
	dst = o->buf + o->len;
	rs_copy(dst, start, span);
	for (k = i + 1; k < j; k++)
		dst[cell[k] - start - 1] = delim;
	o->len += span;
	return j;
}

/* A cell known to go out as '"' s '"' (RS_PLAIN_CSV_QUOTED, _TSV_QUOTED):
 * copied between its quotes unscanned; false when it does not fit. */
static inline bool csv_quoted_copy(rs_wout *o, const char *s, size_t n)
{
	char *d;

	if (o->cap - o->len < 2 || n > o->cap - o->len - 2)
		return false;
	d = o->buf + o->len;
	d[0] = '"';
	rs_copy(d + 1, s, n);
	d[n + 1] = '"';
	o->len += n + 2;
	return true;
}

static void csv_row(rs_writer *w, const rs_row *row, bool header)
{
	const unsigned char *type = header ? NULL : row->type;
	const unsigned char *plain = row->plain, bit = w->plain_bit, qbit = w->quoted_bit;
	const size_t n = row->n;
	bool only = n == 1;
	size_t i = 0;

	while (i < n) {
		const char *s = row->cell[i];
		size_t len = row->len[i];

		if (i > 0)
			rs_wout_putc(&w->out, w->delim);
		if (plain != NULL && (plain[i] & bit) && csv_edge_ok(w, s, len, only)) {
			i = csv_plain_run(w, row, i);
			continue;
		}
		if (plain != NULL && (plain[i] & qbit) && csv_quoted_copy(&w->out, s, len)) {
			i++;
			continue;
		}
		if (!csv_short_cell(w, s, len, only))
			csv_cell(w, s, len, type == NULL || type[i] == RS_T_STRING, only,
			         plain != NULL && (plain[i] & RS_PLAIN_NOQUOTE));
		i++;
	}
	rs_wout_put(&w->out, w->eol, w->eol_len);
}

/* ------------------------------------------------------------ writer */

static rs_status writer_setup(rs_writer *w, const rs_write_opts *opts,
                              const rs_row *header, rs_error *err)
{
	switch (opts->format) {
	case RS_FMT_CSV:
	case RS_FMT_TSV:
		w->delim = opts->format == RS_FMT_CSV ? ',' : '\t';
		w->plain_bit = opts->format == RS_FMT_CSV ? RS_PLAIN_CSV : RS_PLAIN_TSV;
		w->quoted_bit = opts->format == RS_FMT_CSV ? RS_PLAIN_CSV_QUOTED : RS_PLAIN_TSV_QUOTED;
		w->special[(unsigned char)w->delim] = 1;
		w->special['"'] = w->special['\r'] = w->special['\n'] = 1;
		for (const char *e = "=@\t\r+- \xEF"; *e != '\0'; e++)
			w->edge[(unsigned char)*e] = 1;
		if (opts->excel) {
			w->eol = "\r\n";
			w->eol_len = 2;
			rs_wout_put(&w->out, "\xEF\xBB\xBF", 3);
		}
		csv_row(w, header, true);
		return RS_OK;
	case RS_FMT_JSON:
	case RS_FMT_JSONL:
		return rs_json_keys_init(&w->keys, &w->out, header, err);
	case RS_FMT_TABLE:
		return rs_table_new(&w->table, &w->out, opts, header, err);
	default:
		return rs_error_set(err, RS_EUSAGE, 0, "cannot write format %s",
		                    rs_format_name(opts->format));
	}
}

rs_status rs_writer_new(rs_writer **out, FILE *fp, const rs_write_opts *opts,
                        const rs_row *header, rs_error *err)
{
	rs_writer *w;
	rs_status st;

	*out = NULL;
	w = rs_calloc(1, sizeof *w);
	if (w == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	w->out.fp = fp;
	w->out.cap = OUT_BUF_SIZE;
	w->out.interrupt = opts->interrupt;
	/* Written with write(2) past stdio (after what fp already holds), so a
	 * signal can end a write that waits on a pipe: fwrite would go back
	 * into it. A stream without a descriptor (open_memstream) keeps fwrite. */
	w->out.fd = fileno(fp) >= 0 && fflush(fp) == 0 ? fileno(fp) : -1;
	/* The table view is written at the end, for a terminal: no thread. */
	if (opts->background && opts->format != RS_FMT_TABLE) {
		w->out.q = rs_outq_start(fp, OUT_BUF_SIZE_BG, opts->interrupt);
		if (w->out.q != NULL)
			w->out.cap = OUT_BUF_SIZE_BG;
	}
	w->out.buf = rs_malloc(w->out.cap);
	if (w->out.buf == NULL) {
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		goto fail;
	}
	w->format = opts->format;
	w->raw = opts->raw;
	w->ragged = opts->ragged && (opts->format == RS_FMT_CSV || opts->format == RS_FMT_TSV);
	w->eol = "\n";
	w->eol_len = 1;
	w->ncols = header->n;
	st = writer_setup(w, opts, header, err);
	if (st != RS_OK)
		goto fail;
	if (w->out.failed) {
		st = rs_wout_error(&w->out, err);
		goto fail;
	}
	*out = w;
	return RS_OK;
fail:
	rs_writer_free(w);
	return st;
}

rs_status rs_writer_row(rs_writer *w, const rs_row *row, rs_error *err)
{
	if (w->out.failed)
		return rs_wout_error(&w->out, err);
	if (w->finished)
		return rs_error_set(err, RS_EUSAGE, 0, "row written after the writer finished");
	if (row->n != w->ncols && !w->ragged)
		return rs_error_set(err, RS_EUSAGE, row->line, "row has %zu cells, the header %zu",
		                    row->n, w->ncols);
	switch (w->format) {
	case RS_FMT_JSON:
		rs_wout_put(&w->out, w->nrows == 0 ? "[\n" : ",\n", 2);
		rs_json_object(&w->out, &w->keys, row);
		break;
	case RS_FMT_JSONL:
		rs_json_object(&w->out, &w->keys, row);
		rs_wout_putc(&w->out, '\n');
		break;
	case RS_FMT_TABLE: {
		rs_status st = rs_table_row(w->table, row, err);

		if (st != RS_OK && !w->out.failed)
			return st;
		break;
	}
	default:
		csv_row(w, row, false);
		break;
	}
	w->nrows++;
	return w->out.failed ? rs_wout_error(&w->out, err) : RS_OK;
}

rs_status rs_writer_finish(rs_writer *w, rs_error *err)
{
	if (w->out.failed)
		return rs_wout_error(&w->out, err);
	if (w->finished)
		return RS_OK;
	w->finished = true;
	if (w->format == RS_FMT_JSON)
		rs_wout_put(&w->out, w->nrows == 0 ? "[]\n" : "\n]\n", 3);
	if (w->format == RS_FMT_TABLE) {
		rs_status st = rs_table_finish(w->table, err);

		if (st != RS_OK && !w->out.failed)
			return st;
	}
	if (!rs_wout_flush(&w->out))
		return rs_wout_error(&w->out, err);
	if (w->out.q != NULL) {
		int e = rs_outq_finish(w->out.q);

		w->out.q = NULL;
		if (e != 0) {
			w->out.failed = true;
			w->out.err = e;
			return rs_wout_error(&w->out, err);
		}
	}
	errno = 0;
	if (fflush(w->out.fp) != 0 || ferror(w->out.fp)) {
		w->out.failed = true;
		w->out.err = errno;
		return rs_wout_error(&w->out, err);
	}
	return RS_OK;
}

void rs_writer_free(rs_writer *w)
{
	if (w == NULL)
		return;
	rs_outq_abort(w->out.q);
	rs_table_free(w->table);
	rs_json_keys_free(&w->keys);
	rs_free(w->out.buf);
	rs_free(w);
}
