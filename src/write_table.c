/*
 * write_table.c - aligned columns for a person at a terminal. Widths come
 * from the display width of the header and the first RS_TABLE_BUFFERED_ROWS
 * rows (buffered, cut to RS_TABLE_MAX_WIDTH columns); later rows are printed
 * as they come with the same widths, so memory stays bounded. A column ranked
 * RS_TABLE_WHOLE (the id, the stage) is cut only past RS_TABLE_WHOLE_MAX_WIDTH,
 * in every row: two ids that differ after 40 columns must not look the same. Given a
 * terminal's width, the table narrows its text columns and then leaves out
 * the columns that matter least to fit in it.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "write.h"

/*
 * Bytes one shown cell may take after cutting: 60 columns of 4-byte
 * characters fit; a flood of combining marks is cut here instead.
 */
#define CELL_BYTES 256

/* One buffered cell: its shown text is arena.data[off .. off + len). */
typedef struct tcell {
	size_t off;
	uint16_t len;
	uint8_t width; /* display columns, <= RS_TABLE_WHOLE_MAX_WIDTH */
	uint8_t type;
} tcell;

struct rs_table {
	rs_out *o;
	size_t nshow;
	size_t *cols;    /* nshow indexes into the row */
	bool *show;      /* nshow: printed, not left out to fit the width */
	size_t last;     /* the last column printed */
	unsigned char *rank; /* nshow: rs_write_opts.table_rank, or 0s */
	size_t *width;   /* nshow column widths, fixed once printing starts */
	rs_buf arena;    /* text of the header and the buffered rows */
	tcell *cells;    /* (1 + nbuf) * nshow; row 0 is the header */
	size_t rows_cap; /* rows `cells` has room for, header included */
	size_t nbuf;     /* buffered data rows */
	bool streaming;  /* widths fixed and the buffer printed */
	size_t fit;      /* terminal columns to fit in; 0: no limit */
	rs_diag_fn notice;
	void *notice_ctx;
	rs_lang lang;    /* the notice's */
	char scratch[CELL_BYTES];
};

/*
 * Copies s into dst (CELL_BYTES) as it is to be shown: control characters
 * (newlines, tabs, escape sequences that would drive the terminal) and line
 * separators become spaces, and text wider than maxw columns is cut at a character boundary
 * and ends in "…". Sets *dlen; returns the display width (<= maxw when
 * maxw >= 1).
 */
static size_t cell_fit(const char *s, size_t n, size_t maxw, char *dst, size_t *dlen)
{
	size_t i = 0, len = 0, w = 0, cut_len = 0, cut_w = 0;

	while (i < n) {
		const char *src = s + i;
		size_t k = 1, klen;
		uint32_t cp = (unsigned char)s[i];
		size_t cw;

		if (cp >= 0x80)
			k = rs_utf8_decode(s + i, n - i, &cp);
		else if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
			k = 2; /* CRLF is one line break: one space */
		klen = k;
		if (cp == RS_CP_INVALID || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    cp == 0x2028 || cp == 0x2029) {
			src = cp == RS_CP_INVALID ? "?" : " ";
			klen = 1;
			cw = 1;
		} else {
			cw = (size_t)rs_cp_width(cp);
		}
		if (w + cw > maxw || len + klen > CELL_BYTES - 3)
			goto cut;
		memcpy(dst + len, src, klen);
		len += klen;
		w += cw;
		i += k;
		if (w < maxw) { /* "…" still fits after this prefix */
			cut_len = len;
			cut_w = w;
		}
	}
	*dlen = len;
	return w;
cut:
	memcpy(dst + cut_len, "\xE2\x80\xA6", 3);
	*dlen = cut_len + 3;
	return cut_w + 1;
}

/* The width past which shown column j is cut in any row. */
static size_t cut_width(const rs_table *t, size_t j)
{
	return t->rank[j] >= RS_TABLE_WHOLE ? RS_TABLE_WHOLE_MAX_WIDTH : RS_TABLE_MAX_WIDTH;
}

/* Writes one cell padded to `colw`; the last column gets no trailing pad. */
static void put_cell(rs_out *o, const char *s, size_t len, size_t w, size_t colw,
                     bool right, bool last)
{
	size_t pad = colw > w ? colw - w : 0;

	if (right)
		rs_out_spaces(o, pad);
	rs_out_put(o, s, len);
	if (!right && !last)
		rs_out_spaces(o, pad);
}

/* Cuts and stores the shown columns of `row` as buffered row `r`. */
static rs_status buffer_row(rs_table *t, size_t r, const rs_row *row, bool header, rs_error *err)
{
	size_t j;

	if (r >= t->rows_cap) {
		size_t cap = t->rows_cap ? t->rows_cap * 2 : 64;
		tcell *c;

		if (cap > RS_TABLE_BUFFERED_ROWS + 1)
			cap = RS_TABLE_BUFFERED_ROWS + 1;
		c = rs_realloc(t->cells, cap * t->nshow * sizeof *c + 1);
		if (c == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		t->cells = c;
		t->rows_cap = cap;
	}
	for (j = 0; j < t->nshow; j++) {
		size_t col = t->cols[j], len;
		tcell *c = &t->cells[r * t->nshow + j];

		if (!rs_buf_reserve(&t->arena, CELL_BYTES))
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		c->off = t->arena.len;
		c->width = (uint8_t)cell_fit(row->cell[col], row->len[col], cut_width(t, j),
		                             t->arena.data + t->arena.len, &len);
		c->len = (uint16_t)len;
		c->type = header || row->type == NULL ? (uint8_t)RS_T_STRING : row->type[col];
		t->arena.len += len;
		t->arena.data[t->arena.len] = '\0';
	}
	return RS_OK;
}

static void put_buffered(rs_table *t, size_t r, const bool *right)
{
	size_t j;

	for (j = 0; j < t->nshow; j++) {
		const tcell *c = &t->cells[r * t->nshow + j];
		const char *s = t->arena.data + c->off;
		size_t len = c->len, w = c->width;

		if (!t->show[j])
			continue;
		if (j > 0)
			rs_out_put(t->o, "  ", 2);
		if (w > t->width[j]) { /* its column was narrowed to fit */
			w = cell_fit(s, len, t->width[j], t->scratch, &len);
			s = t->scratch;
		}
		put_cell(t->o, s, len, w, t->width[j], right ? right[j] : c->type == RS_T_NUMBER,
		         j == t->last);
	}
	rs_out_putc(t->o, '\n');
}

/* Terminal columns the shown ones of n columns of widths w take, two
 * spaces apart (show[0] is always true). */
static size_t row_width(const size_t *w, const bool *show, size_t n)
{
	size_t j, sum = 0;

	for (j = 0; j < n; j++)
		if (show[j])
			sum += w[j] + 2;
	return sum - 2;
}

size_t rs_table_fit(size_t *w, const size_t *lo, const unsigned char *rank, size_t n,
                    size_t width, bool *show)
{
	size_t j, k, shown = n;

	for (j = 0; j < n; j++)
		show[j] = true;
	if (width == 0 || n == 0)
		return n;
	while (row_width(lo, show, n) > width && shown > 1) {
		for (k = 0, j = n - 1; j > 0; j--) /* k: the column to leave out */
			if (show[j] && (k == 0 || (rank != NULL && rank[j] < rank[k])))
				k = j;
		show[k] = false;
		shown--;
	}
	while (row_width(w, show, n) > width) {
		for (k = n, j = 0; j < n; j++) /* k: the widest that may narrow */
			if (show[j] && w[j] > lo[j] && (k == n || w[j] > w[k]))
				k = j;
		if (k == n)
			break; /* the first column alone is wider */
		w[k]--;
	}
	return shown;
}

/* Says once which columns fitting the width left out, and how to see them. */
static void say_left_out(const rs_table *t, size_t need)
{
	char names[256] = "";
	size_t j, len = 0;
	rs_error e = {.status = RS_OK};

	for (j = 0; j < t->nshow && len < sizeof names; j++) {
		const tcell *c = &t->cells[j]; /* row 0: the header */
		int k;

		if (t->show[j])
			continue;
		k = snprintf(names + len, sizeof names - len, "%s%.*s", len > 0 ? ", " : "",
		             (int)c->len, t->arena.data + c->off);
		len += k > 0 ? (size_t)k : 0;
	}
	(void)rs_error_set(&e, RS_OK, 0,
	                   t->lang == RS_LANG_ZH
	                           ? "表格未显示 %s，以适应 %zu 列宽；在 %zu 列宽的终端中（或设置 "
	                             "COLUMNS=%zu）或用 --to csv 可查看全部列"
	                           : "the table leaves out %s to fit in %zu columns; see them in a "
	                             "terminal %zu wide (or with COLUMNS=%zu) or with --to csv",
	                   names, t->fit, need, need);
	t->notice(t->notice_ctx, &e);
}

/*
 * Fixes the widths from the buffered rows and prints them. A column whose
 * buffered cells are all numbers (or null) gets its header right-aligned.
 * To fit t->fit, text columns but the first (the id) may narrow to their
 * header or RS_TABLE_MIN_WIDTH; numbers never do.
 */
static rs_status print_buffered(rs_table *t, rs_error *err)
{
	bool *right = rs_calloc(t->nshow + 1, sizeof *right);
	size_t *lo = rs_calloc(t->nshow + 1, sizeof *lo);
	size_t j, r, need;

	if (right == NULL || lo == NULL) {
		rs_free(right);
		rs_free(lo);
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	for (j = 0; j < t->nshow; j++) {
		size_t w = 1;
		bool num = false, text = false;

		for (r = 0; r <= t->nbuf; r++) {
			const tcell *c = &t->cells[r * t->nshow + j];

			w = c->width > w ? c->width : w;
			if (r > 0 && c->type == RS_T_NUMBER)
				num = true;
			else if (r > 0 && c->type != RS_T_NULL)
				text = true;
		}
		t->width[j] = w;
		right[j] = num && !text;
		lo[j] = w;
		if (j > 0 && !right[j] && w > RS_TABLE_MIN_WIDTH && t->rank[j] < RS_TABLE_WHOLE) /* row 0: the header */
			lo[j] = t->cells[j].width > RS_TABLE_MIN_WIDTH ? t->cells[j].width
			                                                : RS_TABLE_MIN_WIDTH;
	}
	need = row_width(t->width, t->show, t->nshow);
	if (rs_table_fit(t->width, lo, t->rank, t->nshow, t->fit, t->show) < t->nshow &&
	    t->notice != NULL)
		say_left_out(t, need);
	for (j = 0; j < t->nshow; j++)
		if (t->show[j])
			t->last = j;
	put_buffered(t, 0, right);
	for (j = 0; j < t->nshow; j++) {
		if (!t->show[j])
			continue;
		if (j > 0)
			rs_out_put(t->o, "  ", 2);
		for (r = 0; r < t->width[j]; r++)
			rs_out_putc(t->o, '-');
	}
	rs_out_putc(t->o, '\n');
	for (r = 1; r <= t->nbuf; r++)
		put_buffered(t, r, NULL);
	rs_free(right);
	rs_free(lo);
	/* The buffer is not needed again: give its memory back. */
	t->streaming = true;
	rs_buf_free(&t->arena);
	rs_free(t->cells);
	t->cells = NULL;
	t->rows_cap = 0;
	return RS_OK;
}

static void put_streamed(rs_table *t, const rs_row *row)
{
	size_t j;

	for (j = 0; j < t->nshow; j++) {
		size_t col = t->cols[j], len, w;

		if (!t->show[j])
			continue;
		if (j > 0)
			rs_out_put(t->o, "  ", 2);
		/* a whole column's longer cell overflows its width rather than be cut */
		w = cell_fit(row->cell[col], row->len[col],
		             t->rank[j] >= RS_TABLE_WHOLE ? RS_TABLE_WHOLE_MAX_WIDTH : t->width[j],
		             t->scratch, &len);
		put_cell(t->o, t->scratch, len, w, t->width[j],
		         row->type != NULL && row->type[col] == RS_T_NUMBER, j == t->last);
	}
	rs_out_putc(t->o, '\n');
}

rs_status rs_table_new(rs_table **out, rs_out *o, const rs_write_opts *opts,
                       const rs_row *header, rs_error *err)
{
	rs_table *t = rs_calloc(1, sizeof *t);
	size_t j;
	rs_status st;

	*out = NULL;
	if (t == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	t->o = o;
	t->nshow = opts->table_cols ? opts->ntable_cols : header->n;
	t->fit = opts->table_width;
	t->notice = opts->notice;
	t->notice_ctx = opts->notice_ctx;
	t->lang = opts->lang;
	t->cols = rs_calloc(t->nshow + 1, sizeof *t->cols);
	t->width = rs_calloc(t->nshow + 1, sizeof *t->width);
	t->show = rs_calloc(t->nshow + 1, sizeof *t->show);
	t->rank = rs_calloc(t->nshow + 1, sizeof *t->rank);
	if (t->cols == NULL || t->width == NULL || t->show == NULL || t->rank == NULL) {
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		goto fail;
	}
	for (j = 0; j < t->nshow; j++) {
		t->show[j] = true;
		t->rank[j] = opts->table_rank ? opts->table_rank[j] : 0;
		t->cols[j] = opts->table_cols ? opts->table_cols[j] : j;
		if (t->cols[j] >= header->n) {
			st = rs_error_set(err, RS_EUSAGE, 0, "table column %zu does not exist (%zu columns)",
			                  t->cols[j], header->n);
			goto fail;
		}
	}
	st = buffer_row(t, 0, header, true, err);
	if (st != RS_OK)
		goto fail;
	*out = t;
	return RS_OK;
fail:
	rs_table_free(t);
	return st;
}

rs_status rs_table_row(rs_table *t, const rs_row *row, rs_error *err)
{
	rs_status st;

	if (!t->streaming && t->nbuf == RS_TABLE_BUFFERED_ROWS) {
		st = print_buffered(t, err);
		if (st != RS_OK)
			return st;
	}
	if (t->streaming) {
		put_streamed(t, row);
		return RS_OK;
	}
	st = buffer_row(t, t->nbuf + 1, row, false, err);
	if (st == RS_OK)
		t->nbuf++;
	return st;
}

rs_status rs_table_finish(rs_table *t, rs_error *err)
{
	return t->streaming ? RS_OK : print_buffered(t, err);
}

void rs_table_free(rs_table *t)
{
	if (t == NULL)
		return;
	rs_buf_free(&t->arena);
	rs_free(t->cells);
	rs_free(t->width);
	rs_free(t->show);
	rs_free(t->rank);
	rs_free(t->cols);
	rs_free(t);
}
