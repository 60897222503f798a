/*
 * write.c - rows out as CSV, TSV, JSON or JSON Lines through the output
 * buffer (out.c), with the spreadsheet formula neutralisation CSV output
 * needs. JSON objects are encoded in write_json.c, the table view in
 * write_table.c.
 */
#include <string.h>

#include "write.h"
#include "xlsx.h"

#define OUT_BUF_SIZE ((size_t)256 << 10)

struct rs_writer {
	rs_out out;
	rs_format format;
	bool raw;
	bool ragged; /* CSV/TSV rows may have any number of cells */
	bool finished;
	char delim;
	const char *eol; /* "\n" or "\r\n" */
	size_t ncols;
	unsigned long nrows;
	char special[5]; /* CSV/TSV: the bytes that force quoting: delimiter, '"', CR, LF */
	bool typed_plain; /* CSV/TSV: a number, bool or null cell never needs quoting */
	rs_json_keys keys; /* JSON: the header's keys, encoded once */
	rs_table *table;
	rs_xlsx *xlsx;     /* XLSX: the workbook, which writes on its own */
};

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

/* Whether s[0..n), NUL-terminated (rs_row's contract), holds a byte of
 * set; a NUL inside s (strcspn stops there too) is passed over. */
static bool has_any(const char *s, size_t n, const char *set)
{
	size_t i = 0;

	while ((i += strcspn(s + i, set)) < n) {
		if (s[i] != '\0')
			return true;
		i++;
	}
	return false;
}

/*
 * One cell. Quoted (every '"' doubled) when it holds the delimiter, '"', CR
 * or LF, or has a space at an edge, which quoting keeps; a text cell that
 * is formula-like also gets a leading apostrophe inside the quotes, unless
 * --raw. A lone empty cell is written "" so the line is not blank. Empty
 * cells and, with typed_plain, number, bool and null cells are written
 * without looking at their bytes.
 */
static void csv_cell(rs_writer *w, const char *s, size_t n, unsigned char type, bool only)
{
	rs_out *o = &w->out;
	bool text = type == RS_T_STRING, quote, neutral;
	const char *end = s + n, *q;

	if (n == 0) {
		if (only)
			rs_out_put(o, "\"\"", 2);
		return;
	}
	if (w->typed_plain && type != RS_T_STRING && type != RS_T_JSON) {
		rs_out_put(o, s, n);
		return;
	}
	quote = s[0] == ' ' || s[n - 1] == ' ' || has_any(s, n, w->special);
	neutral = text && !w->raw && formula_like(s, n);
	if (!quote && !neutral) {
		rs_out_put(o, s, n);
		return;
	}
	rs_out_putc(o, '"');
	if (neutral)
		rs_out_putc(o, '\'');
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		rs_out_put(o, s, (size_t)(q - s + 1));
		rs_out_putc(o, '"');
		s = q + 1;
	}
	rs_out_put(o, s, (size_t)(end - s));
	rs_out_putc(o, '"');
}

static void csv_row(rs_writer *w, const rs_row *row, bool header)
{
	const unsigned char *type = header ? NULL : row->type;
	size_t i;

	for (i = 0; i < row->n; i++) {
		if (i > 0)
			rs_out_putc(&w->out, w->delim);
		csv_cell(w, row->cell[i], row->len[i], type != NULL ? type[i] : RS_T_STRING,
		         row->n == 1);
	}
	rs_out_put(&w->out, w->eol, strlen(w->eol));
}

/* ------------------------------------------------------------ writer */

static rs_status writer_setup(rs_writer *w, const rs_write_opts *opts,
                              const rs_row *header, rs_error *err)
{
	switch (opts->format) {
	case RS_FMT_CSV:
	case RS_FMT_TSV:
		if (opts->delimiter != 0 && strchr("\"\r\n", opts->delimiter) != NULL)
			return rs_error_set(err, RS_EUSAGE, 0, "a CSV delimiter cannot be a quote, CR or LF");
		w->delim = opts->format == RS_FMT_TSV ? '\t' : opts->delimiter ? opts->delimiter : ',';
		memcpy(w->special, (char[]){w->delim, '"', '\r', '\n', '\0'}, sizeof w->special);
		/* Their texts are JSON number literals (a decimal comma with
		 * --decimal-comma), true, false or empty: none holds a quote, a
		 * line end, a space or a formula's first byte, and the delimiter
		 * only if it is one of these bytes. */
		w->typed_plain = strchr("0123456789+-.,eEtrufals", w->delim) == NULL;
		if (opts->excel) {
			w->eol = "\r\n";
			rs_out_put(&w->out, "\xEF\xBB\xBF", 3);
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
	if (opts->format == RS_FMT_XLSX) {
		st = rs_xlsx_new(&w->xlsx, fp, opts, header, err);
		if (st != RS_OK)
			goto fail;
		*out = w;
		return RS_OK;
	}
	st = rs_out_init(&w->out, fp, OUT_BUF_SIZE, err);
	if (st != RS_OK)
		goto fail;
	w->format = opts->format;
	w->raw = opts->raw;
	w->ragged = opts->ragged && (opts->format == RS_FMT_CSV || opts->format == RS_FMT_TSV);
	w->eol = "\n";
	w->ncols = header->n;
	st = writer_setup(w, opts, header, err);
	if (st != RS_OK)
		goto fail;
	if (w->out.failed) {
		st = rs_out_error(&w->out, err);
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
	if (w->xlsx != NULL)
		return rs_xlsx_row(w->xlsx, row, err);
	if (w->out.failed)
		return rs_out_error(&w->out, err);
	if (w->finished)
		return rs_error_set(err, RS_EUSAGE, 0, "row written after the writer finished");
	if (row->n != w->ncols && !w->ragged)
		return rs_error_set(err, RS_EUSAGE, row->line, "row has %zu cells, the header %zu",
		                    row->n, w->ncols);
	switch (w->format) {
	case RS_FMT_JSON:
		rs_out_put(&w->out, w->nrows == 0 ? "[\n" : ",\n", 2);
		rs_json_object(&w->out, &w->keys, row);
		break;
	case RS_FMT_JSONL:
		rs_json_object(&w->out, &w->keys, row);
		rs_out_putc(&w->out, '\n');
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
	return w->out.failed ? rs_out_error(&w->out, err) : RS_OK;
}

rs_status rs_writer_finish(rs_writer *w, const rs_stats *s, rs_error *err)
{
	if (w->xlsx != NULL && s != NULL)
		rs_xlsx_stats(w->xlsx, s);
	if (w->xlsx != NULL)
		return rs_xlsx_finish(w->xlsx, err);
	if (w->out.failed)
		return rs_out_error(&w->out, err);
	if (w->finished)
		return RS_OK;
	w->finished = true;
	if (w->format == RS_FMT_JSON)
		rs_out_put(&w->out, w->nrows == 0 ? "[]\n" : "\n]\n", 3);
	if (w->format == RS_FMT_TABLE) {
		rs_status st = rs_table_finish(w->table, err);

		if (st != RS_OK && !w->out.failed)
			return st;
	}
	return rs_out_finish(&w->out, err);
}

void rs_writer_free(rs_writer *w)
{
	if (w == NULL)
		return;
	rs_xlsx_free(w->xlsx);
	rs_table_free(w->table);
	rs_json_keys_free(&w->keys);
	rs_out_free(&w->out);
	rs_free(w);
}
