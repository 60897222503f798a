/*
 * read_csv.c - CSV/TSV records from rs_input through libcsv, streaming.
 * The decoded text is fed to csv_parse one physical line at a time, so the
 * line number is known whenever a callback fires; cells are copied into
 * buffers reused across rows. libcsv is strict: a stray quote rejects that
 * record (its raw text becomes the one cell) and parsing resumes at the next
 * line. Most lines never reach libcsv: read_csv_line.c splits them first.
 */
#include <stdio.h>
#include <string.h>

#include "read_csv_impl.h"
#include "scan_impl.h"

#define CSV_OPTS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
/* libcsv 3.0.3's ROW_NOT_BEGUN: pstate between records (the struct is public). */
#define LIBCSV_ROW_NOT_BEGUN 0


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

/* on_field's rare cases: limits, NUL bytes, growth, failures. */
void rs_csv_field_slow(csv_state *s, const char *f, size_t n, unsigned char plain)
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
	rs_csv_store_cell(s, f, n, plain);
}

/* libcsv does not say whether a field was quoted: nothing known. */
static void on_field(void *f, size_t n, void *data)
{
	rs_csv_take_field(data, f, n, 0);
}

void rs_csv_reset_record(csv_state *s)
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
void rs_csv_on_record(int term, void *data)
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
	rs_csv_reset_record(s);
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
	rs_csv_reset_record(s);
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

				if (nl != NULL && !crlf_tail && (rs_csv_plain_line(s, p, e) || rs_csv_fast_line(s, p, e))) {
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
			done = csv_parse(&s->p, p, len, on_field, rs_csv_on_record, s);
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
	if (csv_fini(&s->p, on_field, rs_csv_on_record, s) != 0) {
		/* CSV_STRICT_FINI: a quote still open at the end of the file. */
		(void)snprintf(s->why, sizeof s->why,
		               "unterminated quoted field starting at line %lu",
		               s->field_line);
		s->reject = s->why;
		(void)csv_set_opts(&s->p, CSV_OPTS & ~CSV_STRICT_FINI);
		(void)csv_fini(&s->p, on_field, rs_csv_on_record, s);
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
