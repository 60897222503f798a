/*
 * read_csv.c - CSV/TSV records from rs_input through libcsv, streaming.
 * The decoded text is fed to csv_parse one physical line at a time, so the
 * line number is known whenever a callback fires; cells are copied into
 * buffers reused across rows. libcsv is strict: a stray quote rejects that
 * record (its raw text becomes the one cell) and parsing resumes at the next
 * line, unless it is Excel's ="00123" unquoted (requote). libcsv is
 * used through its public API only.
 */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "reader_impl.h"

#define CHUNK ((size_t)64 << 10) /* bytes read at a time */
#define CSV_OPTS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
#define MAX_REQUOTE 64 /* unquoted ="..." fields read in one record */

typedef struct csv_state {
	const rs_read_ctx *c;
	rs_error *err;
	struct csv_parser p;
	rs_status st;             /* first failure inside a callback */
	unsigned long line;       /* physical line of the bytes being fed */
	unsigned long rec_line;   /* where the current record started */
	unsigned long field_line; /* where the current field started */
	bool have_header;
	bool open;                /* libcsv holds part of a record */
	bool ended;               /* a record ended in the piece being fed */
	bool skipping;            /* after a quoting error: to the end of line */
	bool formula;             /* ... at Excel's ="..." unquoted (requote) */
	bool chunk_nul;           /* the chunk holds a NUL: check each field */
	bool after_cr;            /* the last chunk ended with CR: a LF next is its CRLF */
	size_t ncols;             /* cells in the header */
	size_t n;                 /* cells in the current record (counted) */
	size_t nstored;           /* of which stored (at most max_columns) */
	size_t rec_bytes;
	size_t nul_field;         /* first field holding a NUL, 1-based; 0 none */
	size_t blk;               /* libcsv's buffer step (see over_limit) */
	const char *reject;       /* reason set for the current record */
	char why[256];            /* a reject reason, in --lang (Chinese takes more bytes) */
	rs_rowbuf cells;          /* the stored cells */
	/* Raw text of the current record, for the malformed-quoting reject. */
	const char *rec_start;    /* in the current chunk; NULL: began before it */
	rs_buf carry;             /* the record's bytes from earlier chunks */
	rs_buf fix[2];            /* a record with its ="..." quoted (requote) */
} csv_state;

/* The reader's first failure, at the record's line (the message cut to 199 bytes). */
static void fail(csv_state *s, rs_status st, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	if (s->st != RS_OK)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	s->st = st;
	s->err->file = s->c->name;
	(void)rs_error_set(s->err, st, s->rec_line, "%s", msg);
}

static void field_too_big(csv_state *s)
{
	fail(s, RS_ELIMIT, rs_msg(s->c->opts->lang, RS_M_S_CSV_FIELD), s->field_line,
	     s->c->opts->max_field);
}

static void record_too_big(csv_state *s)
{
	fail(s, RS_ELIMIT, rs_msg(s->c->opts->lang, RS_M_S_X_RECORD_LONG), s->c->opts->max_record);
}

/* libcsv cb1: one field, exactly its content (quotes undone). */
static void on_field(void *f, size_t n, void *data)
{
	csv_state *s = data;

	if (s->st != RS_OK)
		return;
	s->rec_bytes += n;
	if (n > s->c->opts->max_field) {
		field_too_big(s);
		return;
	}
	if (s->rec_bytes > s->c->opts->max_record) {
		record_too_big(s);
		return;
	}
	if (s->chunk_nul && s->nul_field == 0 && memchr(f, '\0', n) != NULL)
		s->nul_field = s->n + 1;
	s->n++;
	s->field_line = s->line;
	if (s->nstored >= s->c->opts->max_columns)
		return; /* counted only: the row is rejected or the header too wide */
	if (!rs_rowbuf_put(&s->cells, s->nstored++, f, n, RS_T_STRING))
		fail(s, RS_ENOMEM, "out of memory");
}

static void reset_record(csv_state *s)
{
	s->n = s->nstored = s->rec_bytes = s->nul_field = 0;
	rs_rowbuf_clear(&s->cells);
	s->reject = NULL;
}

/* Hands on a row or the header; a callback's failure becomes the reader's. */
static void emit(csv_state *s, rs_row *row)
{
	rs_status st;

	if (s->have_header) {
		st = s->c->on_row(s->c->ctx, row, s->err);
	} else if (s->n > s->c->opts->max_columns) {
		fail(s, RS_ELIMIT, rs_msg(s->c->opts->lang, RS_M_S_COLUMNS), s->c->opts->max_columns);
		return;
	} else if (row->reject != NULL) {
		fail(s, RS_EPARSE, rs_msg(s->c->opts->lang, RS_M_E_HEADER_ROW), row->reject);
		return;
	} else {
		s->have_header = true;
		s->ncols = s->n;
		st = s->c->on_header(s->c->ctx, row, s->err);
	}
	if (st != RS_OK && s->st == RS_OK)
		s->st = st; /* the callback filled err */
}

/* libcsv cb2: the record is complete. */
static void on_record(int term, void *data)
{
	csv_state *s = data;
	rs_row row = {.n = s->nstored, .cell = s->cells.cell, .len = s->cells.len,
	              .line = s->rec_line, .reject = s->reject};

	(void)term;
	s->ended = true;
	if (s->st != RS_OK)
		return;
	if (row.reject == NULL && s->nul_field != 0) {
		(void)snprintf(s->why, sizeof s->why, rs_msg(s->c->opts->lang, RS_M_NUL_FIELD),
		               s->nul_field);
		row.reject = s->why;
	} else if (row.reject == NULL && s->have_header && s->n != s->nstored) {
		/* Only a row too wide to store is judged here: the header may be
		 * a later record than the first (title rows above it), so the
		 * field map compares a row's width with the one in use. */
		(void)snprintf(s->why, sizeof s->why, rs_msg(s->c->opts->lang, RS_M_ROW_FIELDS),
		               s->n, s->ncols);
		row.reject = s->why;
	}
	emit(s, &row);
	reset_record(s);
}

/* Only the delimiter, quotes and line ends are special: cells keep spaces. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* libcsv back to a record's start, also from inside a quoted field (where
 * csv_fini under CSV_STRICT_FINI keeps its state). */
static void reset_parser(csv_state *s)
{
	(void)csv_set_opts(&s->p, CSV_OPTS & ~CSV_STRICT_FINI);
	(void)csv_fini(&s->p, NULL, NULL, NULL);
	(void)csv_set_opts(&s->p, CSV_OPTS);
}

/*
 * The malformed-quoting reject: one cell with the record's raw text (from
 * its first line through the offending one, line end dropped). Then the
 * parser starts afresh at the next line.
 */
static void emit_malformed(csv_state *s)
{
	rs_buf *b = &s->carry;
	const char *cell;
	size_t len;
	rs_row row = {.n = 1, .cell = &cell, .len = &len, .line = s->rec_line,
	              .reject = s->why};

	while (b->len > 0 && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == '\r'))
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
	cell = b->data ? b->data : "";
	len = b->len;
	s->skipping = s->open = false;
	reset_record(s);
	reset_parser(s);
	emit(s, &row);
}

static bool carry_append(csv_state *s, const char *p, size_t n)
{
	/* Raw text may be about twice the cells (every quote doubled). */
	if (s->carry.len + n > 2 * s->c->opts->max_record + 64) {
		record_too_big(s);
		return false;
	}
	if (!rs_buf_append(&s->carry, p, n)) {
		fail(s, RS_ENOMEM, "out of memory");
		return false;
	}
	return true;
}

/* The end of Excel's ="..." written unquoted whose quote libcsv stopped at
 * (`bad`, after the '=' that starts a field of text): after its closing
 * quote, at a delimiter or a line end, only text between its quotes; or NULL. */
static const char *formula_end(const char *text, const char *bad, const char *end, char d)
{
	const char *q;

	if (*bad != '"' || bad == text || bad[-1] != '=' || (bad - 1 > text && bad[-2] != d))
		return NULL;
	for (q = bad + 1; q < end && *q != '"'; q++)
		if (*q == d || *q == '\n' || *q == '\r')
			return NULL;
	if (q++ == end)
		return NULL;
	return q == end || *q == d || *q == '\n' || *q == '\r' ? q : NULL;
}

/* The malformed-quoting reason for a stop at `bad` in text, a record's text
 * from its start; whether it is at Excel's ="..." unquoted. */
static bool set_why(csv_state *s, const char *text, const char *bad)
{
	rs_lang g = s->c->opts->lang;
	bool formula = *bad == '"' && bad > text && bad[-1] == '=' &&
	               (bad - 1 == text || bad[-2] == (char)csv_get_delim(&s->p));

	(void)snprintf(s->why, sizeof s->why, rs_msg(g, RS_M_QUOTING),
	               rs_msg(g, formula       ? RS_M_QUOTE_FORMULA
	                         : *bad != '"' ? RS_M_QUOTE_AFTER
	                                       : RS_M_QUOTE_STRAY));
	return formula;
}

/*
 * The record libcsv stopped in at Excel's ="00123" unquoted (as scripts
 * write it for Excel), whole in carry: parsed again from its start, each
 * such field quoted as Excel quotes it ("=""00123"""), so its cell is
 * ="00123" either way (the value layer reads 00123). True when it then
 * parses through its text (it may go on in a quoted line break); else why
 * says why not.
 * Each field costs a parse of the record, so a record with more than
 * MAX_REQUOTE of them is rejected (naming the formula), not read slowly.
 */
static bool requote(csv_state *s)
{
	const char *src = s->carry.data, *bad, *end, *fe;
	char d = (char)csv_get_delim(&s->p);
	size_t n = s->carry.len, done, k;
	rs_buf *b;

	s->chunk_nul = s->chunk_nul || (src != NULL && memchr(src, '\0', n) != NULL);
	for (k = 0; src != NULL && k <= MAX_REQUOTE; k++) {
		reset_parser(s); /* the record again, from its start */
		reset_record(s);
		s->ended = false;
		done = csv_parse(&s->p, src, n, on_field, on_record, s);
		if (done == n || s->st != RS_OK)
			return s->st == RS_OK;
		bad = src + done;
		end = src + n;
		if (csv_error(&s->p) != CSV_EPARSE ||
		    (fe = formula_end(src, bad, end, d)) == NULL) {
			(void)set_why(s, src, bad);
			return false;
		}
		b = &s->fix[k & 1];
		rs_buf_reset(b);
		if (!rs_buf_append(b, src, (size_t)(bad - 1 - src)) || !rs_buf_puts(b, "\"=\"\"") ||
		    !rs_buf_append(b, bad + 1, (size_t)(fe - 1 - (bad + 1))) ||
		    !rs_buf_puts(b, "\"\"\"") || !rs_buf_append(b, fe, (size_t)(end - fe))) {
			fail(s, RS_ENOMEM, "out of memory");
			return false;
		}
		src = b->data;
		n = b->len;
	}
	if (src != NULL) /* more than MAX_REQUOTE */
		(void)snprintf(s->why, sizeof s->why, rs_msg(s->c->opts->lang, RS_M_QUOTING),
		               rs_msg(s->c->opts->lang, RS_M_QUOTE_FORMULAS));
	return false;
}

/* The record libcsv stopped in, in carry up to `next` (NULL: the end of
 * the input): read again (requote) when the stop was at Excel's ="...",
 * else, or when that fails, rejected. True when it was read. */
static bool record_stopped(csv_state *s, const char *next)
{
	if (s->formula && requote(s)) {
		s->formula = s->skipping = false;
		s->open = !s->ended; /* in a quoted line break: on with the next line */
		s->rec_start = next; /* carry holds the record up to here */
		return true;
	}
	s->formula = false;
	if (s->st == RS_OK)
		emit_malformed(s);
	return false;
}

/*
 * csv_parse stopped at `bad`: a strict-mode quoting error, or no memory. In
 * strict mode libcsv stops at a quote in an unquoted field, or at anything
 * but a delimiter, a line end or a second quote after a closing quote.
 */
static void parse_stopped(csv_state *s, const char *from, const char *bad,
                          const char *stop, bool whole_line)
{
	if (csv_error(&s->p) != CSV_EPARSE) {
		fail(s, RS_ENOMEM, "out of memory");
		return;
	}
	s->formula = set_why(s, from, bad);
	if (!carry_append(s, from, (size_t)(stop - from)))
		return;
	s->skipping = true;
	if (whole_line)
		(void)record_stopped(s, stop);
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
 * Whether libcsv's entry buffer shows a field longer than the limit before
 * the field ends (an unclosed quote would otherwise grow it to the record
 * limit). The buffer grows by `blk` when the field's bytes so far, plus a
 * closing quote libcsv holds until the next byte, fill it: a field within
 * the limit never makes it larger than max_field + blk + 2. A field that
 * ends is measured exactly in on_field.
 */
static bool over_limit(csv_state *s)
{
	return csv_get_buffer_size(&s->p) > s->c->opts->max_field + s->blk + 2;
}

/* Feeds one piece [p, stop), a physical line or the chunk's unfinished tail. */
static void feed_piece(csv_state *s, const char *buf, const char *p, const char *stop,
                       bool whole_line)
{
	const char *e = stop;
	size_t len = (size_t)(stop - p), done;

	if (s->skipping) {
		if (carry_append(s, p, len) && whole_line)
			(void)record_stopped(s, stop);
		return;
	}
	if (!s->open) {
		s->rec_line = s->field_line = s->line;
		s->rec_start = p;
		rs_buf_reset(&s->carry);
	}
	s->ended = false;
	done = csv_parse(&s->p, p, len, on_field, on_record, s);
	if (done < len && s->st == RS_OK) {
		parse_stopped(s, s->rec_start ? s->rec_start : buf, p + done, stop, whole_line);
		return;
	}
	/* A record ends only at a line end, so at most once per piece, at its end. */
	while (e > p && (e[-1] == '\n' || e[-1] == '\r'))
		e--;
	s->open = !s->ended && (s->open || e > p);
	if (over_limit(s))
		field_too_big(s);
}

static rs_status feed(csv_state *s, const char *buf, size_t n)
{
	const char *p = buf, *end = buf + n, *lf = NULL;
	bool any_cr = memchr(buf, '\r', n) != NULL;

	s->rec_start = NULL;
	s->chunk_nul = memchr(buf, '\0', n) != NULL;
	while (p < end && s->st == RS_OK) {
		/* the LF of a CRLF split between chunks: its line was counted */
		bool crlf_tail = s->after_cr && p == buf && *p == '\n';
		const char *nl = crlf_tail ? p : line_end(p, end, &lf, any_cr);
		const char *stop = nl ? nl + 1 : end;

		feed_piece(s, buf, p, stop, nl != NULL);
		if (nl && !crlf_tail)
			s->line++;
		p = stop;
	}
	s->after_cr = end[-1] == '\r';
	if (s->st == RS_OK && !s->skipping && s->open)
		(void)carry_append(s, s->rec_start ? s->rec_start : buf,
		                   (size_t)(end - (s->rec_start ? s->rec_start : buf)));
	return s->st;
}

static rs_status finish(csv_state *s)
{
	if (s->skipping && !record_stopped(s, NULL))
		return s->st;
	if (csv_fini(&s->p, on_field, on_record, s) != 0) {
		/* CSV_STRICT_FINI: a quote still open at the end of the file. */
		(void)snprintf(s->why, sizeof s->why, rs_msg(s->c->opts->lang, RS_M_UNTERMINATED),
		               s->field_line);
		s->reject = s->why;
		(void)csv_set_opts(&s->p, CSV_OPTS & ~CSV_STRICT_FINI);
		(void)csv_fini(&s->p, on_field, on_record, s);
	}
	if (s->st == RS_OK && !s->have_header) {
		s->err->file = s->c->name;
		return rs_error_set(s->err, RS_EPARSE, 0, "no header row: the file is empty");
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
	size_t mf = c->opts->max_field;

	memset(&s, 0, sizeof s);
	s.c = c;
	s.err = err;
	s.line = 1;
	/* Growth steps of at most 1/16 of the limit: a few reallocations for
	 * the largest field, and little memory past the limit. */
	s.blk = mf / 16 < 128 ? 128 : mf / 16 > CHUNK ? CHUNK : mf / 16;
	err->file = c->name;
	rs_buf_init(&s.carry);
	rs_buf_init(&s.fix[0]);
	rs_buf_init(&s.fix[1]);
	if (csv_init(&s.p, CSV_OPTS) != 0)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	csv_set_delim(&s.p, (unsigned char)delimiter);
	csv_set_space_func(&s.p, no_space);
	csv_set_realloc_func(&s.p, rs_realloc);
	csv_set_free_func(&s.p, rs_free);
	csv_set_blk_size(&s.p, s.blk);
	buf = rs_malloc(CHUNK);
	if (buf == NULL)
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	else
		st = run(&s, buf);
	rs_free(buf);
	csv_free(&s.p);
	rs_buf_free(&s.carry);
	rs_buf_free(&s.fix[0]);
	rs_buf_free(&s.fix[1]);
	rs_rowbuf_free(&s.cells);
	return st;
}
