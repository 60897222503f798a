/* test_read_csv.c - rs_read_csv: cells, line numbers, rejects, limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader_impl.h"

/*
 * Every header and row is written into a transcript, one per line:
 * "H1 a|b" for a header on line 1, "5 x|y" for a row on line 5,
 * "5 !REASON x|y" for a reject. Cell lengths are checked against strlen
 * (cells without NUL bytes) and the terminating NUL.
 */
typedef struct transcript {
	char text[1 << 18];
	size_t len;
	size_t rows;
	size_t stop_after; /* on_row returns RS_EIO after this many; 0 never */
	bool quiet;        /* rows are only counted */
	const char *want[2]; /* check_spaced_row: the expected two cells */
} transcript;

static void put(transcript *t, const char *s, size_t n)
{
	assert_true(t->len + n < sizeof t->text);
	memcpy(t->text + t->len, s, n);
	t->len += n;
	t->text[t->len] = '\0';
}

static void put_row(transcript *t, const char *tag, const rs_row *row)
{
	char head[400]; /* a reject reason holds up to 256 bytes */
	size_t i;

	(void)snprintf(head, sizeof head, "%s%lu %s%s%s", tag, row->line,
	               row->reject ? "!" : "", row->reject ? row->reject : "",
	               row->reject ? " " : "");
	put(t, head, strlen(head));
	assert_null(row->type);
	for (i = 0; i < row->n; i++) {
		assert_int_equal(row->cell[i][row->len[i]], '\0');
		if (memchr(row->cell[i], '\0', row->len[i]) == NULL)
			assert_int_equal(strlen(row->cell[i]), row->len[i]);
		if (i)
			put(t, "|", 1);
		put(t, row->cell[i], row->len[i]);
	}
	put(t, "\n", 1);
}

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)err;
	put_row(ctx, "H", h);
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *r, rs_error *err)
{
	transcript *t = ctx;

	if (t->quiet) {
		t->rows++;
		return RS_OK;
	}
	put_row(t, "", r);
	if (t->stop_after && ++t->rows == t->stop_after)
		return rs_error_set(err, RS_EIO, r->line, "stop");
	return RS_OK;
}

static rs_read_opts default_opts(void)
{
	rs_read_opts o;

	memset(&o, 0, sizeof o);
	o.max_field = RS_DEFAULT_MAX_FIELD;
	o.max_columns = RS_DEFAULT_MAX_COLUMNS;
	o.max_record = RS_DEFAULT_MAX_RECORD;
	return o;
}

/* Reads data[0..n) as CSV from a file, handing rows to the callbacks. */
static rs_status read_with(const char *data, size_t n, char delim, const rs_read_opts *o,
                           const char *enc, rs_header_fn hfn, rs_row_fn rfn, void *ctx,
                           rs_error *err)
{
	FILE *fp = tmpfile();
	rs_input *in = NULL;
	rs_read_ctx c;
	rs_status st;

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	rewind(fp);
	memset(err, 0, sizeof *err);
	st = rs_input_open(&in, fp, "in.csv", enc, RS_LANG_EN, err);
	assert_int_equal(st, RS_OK);
	c.in = in;
	c.name = "in.csv";
	c.opts = o;
	c.on_header = hfn;
	c.on_row = rfn;
	c.ctx = ctx;
	st = rs_read_csv(&c, delim, err);
	assert_string_equal(err->file, "in.csv");
	rs_input_free(in);
	fclose(fp);
	return st;
}

static rs_status parse_with(const char *data, size_t n, char delim,
                            const rs_read_opts *o, const char *enc,
                            transcript *t, rs_error *err)
{
	return read_with(data, n, delim, o, enc, on_header, on_row, t, err);
}

static rs_status parse(const char *data, transcript *t, rs_error *err)
{
	rs_read_opts o = default_opts();

	memset(t, 0, sizeof *t);
	return parse_with(data, strlen(data), ',', &o, NULL, t, err);
}

static void test_bom_is_not_part_of_first_header(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("\xEF\xBB\xBFid,name\n1,a\n", &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 id|name\n2 1|a\n");
}

static void test_crlf_lines_are_counted_once(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("id,n\r\n1,a\r\n2,b\r\n3,c\r\n", &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 id|n\n2 1|a\n3 2|b\n4 3|c\n");
}

static void test_blank_lines_are_skipped_but_counted(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("\nid,n\n\n1,a\r\n\r\n\n2,b\n\n", &t, &err), RS_OK);
	assert_string_equal(t.text, "H2 id|n\n4 1|a\n7 2|b\n");
}

static void test_quoted_newline_keeps_record_start_line(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("id,note\n1,\"two\r\nlines\"\n2,\"x\ny\nz\"\n3,end\n",
	                       &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 id|note\n2 1|two\r\nlines\n"
	                            "4 2|x\ny\nz\n7 3|end\n");
}

static void test_cells_are_exactly_as_in_input(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b,c\n\"say \"\"hi\"\"\",\"x,y\",\n"
	                       " lead , trail ,\"\"\n", &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 a|b|c\n2 say \"hi\"|x,y|\n"
	                            "3  lead | trail |\n");
}

/* The header may be a later record (title rows above it): a row's width is
 * the field map's to judge, so ragged rows come through as read. */
static void test_ragged_rows_come_through_as_read(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b,c\n1,2\n1,2,3,4\n5,6,7\n", &t, &err), RS_OK);
	assert_string_equal(t.text,
	                    "H1 a|b|c\n"
	                    "2 1|2\n"
	                    "3 1|2|3|4\n"
	                    "4 5|6|7\n");
}

static void test_unterminated_quote_at_eof_is_rejected(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b\n1,x\n2,\"open\nmore\n", &t, &err), RS_OK);
	assert_string_equal(t.text,
	                    "H1 a|b\n2 1|x\n"
	                    "3 !unterminated quoted field starting at line 3 "
	                    "2|open\nmore\n\n");
}

static void test_stray_quote_rejects_record_and_parsing_resumes(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b\n1,ab\"c\n2,\"q\"x\n3,ok\n", &t, &err), RS_OK);
	assert_non_null(strstr(t.text, "2 !malformed quoting (stray \" in an "
	                                "unquoted field"));
	assert_non_null(strstr(t.text, " 1,ab\"c\n3 !malformed quoting (text "
	                               "after a closing quote"));
	assert_non_null(strstr(t.text, " 2,\"q\"x\n4 3|ok\n"));
}

/* Excel's ="00123" as scripts write it, unquoted: the cell is ="00123", as
 * when it is quoted ("=""00123"""): CRLF, beside quoted cells, several,
 * before or after a line break in quotes, on a last line without a line end.
 * A stray quote elsewhere, text after it or a quote in it is rejected, naming
 * the formula and the fix. */
static void test_unquoted_excel_text_formula_is_its_cell(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b,c\n=\"00123\",1,\"x,y\"\r\n2,\"q\"\"r\",=\"7\"\n"
	                       "=\"\",=\"8\",=\"9\"\n4,x=\"7\",1\n5,=\"7\"x,1\n"
	                       "6,\"a\nb\",=\"7\"\n7,=\"a\"\"b\",1\n=\"8\",\"c\nd\",1\n9,ok,=\"10\"",
	                       &t, &err),
	                 RS_OK);
	assert_non_null(strstr(t.text, "2 =\"00123\"|1|x,y\n"));
	assert_non_null(strstr(t.text, "3 2|q\"r|=\"7\"\n"));
	assert_non_null(strstr(t.text, "4 =\"\"|=\"8\"|=\"9\"\n"));
	assert_non_null(strstr(t.text, "5 !malformed quoting (stray"));
	assert_non_null(strstr(t.text, "6 !malformed quoting (Excel's =\"...\" text formula unquoted, "
	                               "with text after it or a quote in it; write the cell as Excel "
	                               "quotes it, \"=\"\"00123\"\"\", or write 00123)"));
	assert_non_null(strstr(t.text, "7 6|a\nb|=\"7\"\n"));
	assert_non_null(strstr(t.text, "9 !malformed quoting (Excel's"));
	assert_non_null(strstr(t.text, "10 =\"8\"|c\nd|1\n"));
	assert_non_null(strstr(t.text, "12 9|ok|=\"10\"\n"));
}

/* Each unquoted ="..." costs a parse of its record: 64 are read, 65 rejected. */
static void test_unquoted_excel_text_formulas_are_bounded_per_record(void **state)
{
	static char in[2048];
	transcript t;
	rs_error err;
	size_t o, i, k;

	(void)state;
	o = (size_t)snprintf(in, sizeof in, "a");
	for (i = 1; i < 65; i++)
		o += (size_t)snprintf(in + o, sizeof in - o, ",a");
	for (k = 64; k <= 65; k++) {
		o += (size_t)snprintf(in + o, sizeof in - o, "\n");
		for (i = 0; i < 65; i++)
			o += (size_t)snprintf(in + o, sizeof in - o, "%s%s", i ? "," : "",
			                      i < k ? "=\"1\"" : "1");
	}
	(void)snprintf(in + o, sizeof in - o, "\n");
	assert_int_equal(parse(in, &t, &err), RS_OK);
	assert_non_null(strstr(t.text, "\n2 =\"1\"|"));
	assert_non_null(strstr(t.text, "=\"1\"|1\n3 !malformed quoting (more than 64 of Excel's"));
}

static void test_stray_quote_after_multiline_field_keeps_whole_record(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b\n1,\"x\ny\" z\n2,ok\n", &t, &err), RS_OK);
	assert_non_null(strstr(t.text, "2 !malformed quoting"));
	assert_non_null(strstr(t.text, " 1,\"x\ny\" z\n4 2|ok\n"));
}

static void test_field_longer_than_limit_is_elimit(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	enum { n = 300000 };
	static char data[n + 32];

	(void)state;
	memset(&t, 0, sizeof t);
	o.max_field = 1000;
	memcpy(data, "a,b\n1,\"", 7);
	memset(data + 7, 'x', n);
	strcpy(data + 7 + n, "\"\n");
	assert_int_equal(parse_with(data, strlen(data), ',', &o, NULL, &t, &err),
	                 RS_ELIMIT);
	assert_non_null(strstr(err.msg, "limit of 1000 bytes"));
	assert_int_equal(err.line, 2);
}

static void test_short_field_over_limit_within_a_line_is_elimit(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	const char *data = "a,b\n1,2\n3,45678\n";

	(void)state;
	memset(&t, 0, sizeof t);
	o.max_field = 4;
	assert_int_equal(parse_with(data, strlen(data), ',', &o, NULL, &t, &err),
	                 RS_ELIMIT);
	assert_int_equal(err.line, 3);
}

static void test_header_wider_than_column_limit_is_elimit(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	const char *data = "a,b,c,d\n1,2,3,4\n";

	(void)state;
	memset(&t, 0, sizeof t);
	o.max_columns = 3;
	assert_int_equal(parse_with(data, strlen(data), ',', &o, NULL, &t, &err),
	                 RS_ELIMIT);
	assert_non_null(strstr(err.msg, "more than 3 columns"));
}

static void test_last_row_without_newline_is_delivered(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b\n1,2\n3,\"4\"", &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 a|b\n2 1|2\n3 3|4\n");
}

static void test_empty_file_has_no_header(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("", &t, &err), RS_EPARSE);
	assert_string_equal(err.msg, "no header row: the file is empty");
	assert_int_equal(parse("\xEF\xBB\xBF\r\n\n", &t, &err), RS_EPARSE);
	assert_string_equal(err.msg, "no header row: the file is empty");
}

static void test_nul_byte_in_field_rejects_row(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	static const char data[] = "a,b\n1,x\0y\n2,z\n";

	(void)state;
	memset(&t, 0, sizeof t);
	assert_int_equal(parse_with(data, sizeof data - 1, ',', &o, NULL, &t, &err),
	                 RS_OK);
	assert_memory_equal(t.text, "H1 a|b\n2 !NUL byte in field 2 1|x\0y\n3 2|z\n",
	                    41);
}

static void test_semicolon_and_tab_delimiters(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	const char *semi = "a;b\n\"1;2\";3,5\n";
	const char *tab = "a\tb\n 1\t2 \n";

	(void)state;
	memset(&t, 0, sizeof t);
	assert_int_equal(parse_with(semi, strlen(semi), ';', &o, NULL, &t, &err),
	                 RS_OK);
	assert_string_equal(t.text, "H1 a|b\n2 1;2|3,5\n");
	memset(&t, 0, sizeof t);
	assert_int_equal(parse_with(tab, strlen(tab), '\t', &o, NULL, &t, &err),
	                 RS_OK);
	assert_string_equal(t.text, "H1 a|b\n2  1|2 \n");
}

static void test_gbk_input_decoded(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	/* "客户,id\n甲,1\n" in GBK: 客户 = BF CD BB A7, 甲 = BC D7. */
	static const char data[] = "\xBF\xCD\xBB\xA7,id\n\xBC\xD7,1\n";

	(void)state;
	memset(&t, 0, sizeof t);
	assert_int_equal(parse_with(data, sizeof data - 1, ',', &o, NULL, &t, &err),
	                 RS_OK);
	assert_string_equal(t.text, "H1 客户|id\n2 甲|1\n");
	memset(&t, 0, sizeof t);
	assert_int_equal(parse_with(data, sizeof data - 1, ',', &o, "gbk", &t, &err),
	                 RS_OK);
	assert_string_equal(t.text, "H1 客户|id\n2 甲|1\n");
}

/* 100000 good lines (far past the first 64 KiB block), then a bad byte. */
static void test_invalid_utf8_late_reports_its_line(void **state)
{
	size_t rows = 100000, i, len = 0;
	char *data = malloc(rows * 8 + 64);
	transcript *t = calloc(1, sizeof *t);
	rs_error err;
	rs_read_opts o = default_opts();

	(void)state;
	len += (size_t)sprintf(data + len, "a\n");
	for (i = 0; i < rows; i++)
		len += (size_t)sprintf(data + len, "x\n");
	len += (size_t)sprintf(data + len, "b\xFF" "c\n");
	t->quiet = true;
	assert_int_equal(parse_with(data, len, ',', &o, NULL, t, &err),
	                 RS_EENCODING);
	assert_int_equal(err.line, rows + 2);
	assert_int_equal(t->rows, rows);
	assert_non_null(strstr(err.msg, "invalid UTF-8"));
	free(data);
	free(t);
}

static void test_callback_failure_stops_reader(void **state)
{
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	const char *data = "a\n1\n2\n3\n";

	(void)state;
	memset(&t, 0, sizeof t);
	t.stop_after = 2;
	assert_int_equal(parse_with(data, strlen(data), ',', &o, NULL, &t, &err),
	                 RS_EIO);
	assert_string_equal(t.text, "H1 a\n2 1\n3 2\n");
}

/* Checks every row is t->want and counts them (no transcript). */
static rs_status check_spaced_row(void *ctx, const rs_row *r, rs_error *err)
{
	transcript *t = ctx;

	(void)err;
	assert_null(r->reject);
	assert_int_equal(r->n, 2);
	assert_string_equal(r->cell[0], t->want[0]);
	assert_string_equal(r->cell[1], t->want[1]);
	assert_int_equal(r->line, t->rows + 2);
	t->rows++;
	return RS_OK;
}

static rs_status ignore_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)ctx;
	(void)h;
	(void)err;
	return RS_OK;
}

/* Reads a header and `rows` copies of `row`, checking each against want. */
static void check_repeated(const char *row, size_t pad, const char *w0,
                           const char *w1)
{
	enum { rows = 12000 };
	static char data[rows * 16 + 64];
	rs_read_opts o = default_opts();
	size_t len, i, rl = strlen(row);
	transcript t;
	FILE *fp = tmpfile();
	rs_input *in;
	rs_read_ctx c;
	rs_error err;

	memset(&t, 0, sizeof t);
	memset(&err, 0, sizeof err);
	t.want[0] = w0;
	t.want[1] = w1;
	len = (size_t)sprintf(data, "a,b%.*s\n", (int)pad, "xxxxxxxxxxxxxxxx");
	for (i = 0; i < rows; i++) {
		memcpy(data + len, row, rl);
		len += rl;
	}
	assert_int_equal(fwrite(data, 1, len, fp), len);
	rewind(fp);
	assert_int_equal(rs_input_open(&in, fp, "in.csv", NULL, RS_LANG_EN, &err), RS_OK);
	c.in = in;
	c.name = "in.csv";
	c.opts = &o;
	c.on_header = ignore_header;
	c.on_row = check_spaced_row;
	c.ctx = &t;
	assert_int_equal(rs_read_csv(&c, ',', &err), RS_OK);
	assert_int_equal(t.rows, rows);
	rs_input_free(in);
	fclose(fp);
}

/* Every offset of the 64 KiB chunk boundary inside rows with edge spaces. */
static void test_edge_spaces_survive_chunk_boundaries(void **state)
{
	size_t pad;

	(void)state;
	for (pad = 0; pad < 11; pad++)
		check_repeated("  v  ,\tw  \n", pad, "  v  ", "\tw  ");
	for (pad = 0; pad < 6; pad++)
		check_repeated("x,y  \n", pad, "x", "y  ");
	for (pad = 0; pad < 8; pad++)
		check_repeated("x, y\r\n", pad, "x", " y");
}

static void test_spaces_around_quoted_field_are_malformed(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b\n1, \"x\"\n2,\"y\" \n3,z\n", &t, &err), RS_OK);
	assert_non_null(strstr(t.text, "2 !malformed quoting (stray"));
	assert_non_null(strstr(t.text, " 1, \"x\"\n3 !malformed quoting (text after"));
	assert_non_null(strstr(t.text, " 2,\"y\" \n4 3|z\n"));
}

static void test_tabs_in_csv_cells_are_kept(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b\n\tx,y\t\n", &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 a|b\n2 \tx|y\t\n");
}

static void test_malformed_line_across_chunk_boundary_is_whole(void **state)
{
	enum { fill = 70000 };
	static char data[fill + 64];
	transcript t;
	rs_error err;
	rs_read_opts o = default_opts();
	size_t len = 0;
	const char *hit;

	(void)state;
	memset(&t, 0, sizeof t);
	len += (size_t)sprintf(data, "a,b\n1,\"");
	memset(data + len, 'q', 65530 - len);
	len = 65530;
	len += (size_t)sprintf(data + len, "\"x,bad\n2,ok\n");
	assert_int_equal(parse_with(data, len, ',', &o, NULL, &t, &err), RS_OK);
	hit = strstr(t.text, "2 !malformed quoting (text after a closing quote");
	assert_non_null(hit);
	/* The one cell: 1,"qqq...q"x,bad; the transcript shows its end. */
	assert_non_null(strstr(hit, "qqq\"x,bad\n3 2|ok\n"));
	assert_non_null(strstr(hit, " 1,\"qqq"));
}

/*
 * Quoting at its edges, each line with the fields libcsv gives: doubled
 * quotes at either end of a quoted field and in two fields of one line,
 * delimiters and spaces inside quotes, empty fields at both ends,
 * a lone CR as line end, a stray quote in the third field after two good
 * ones (the whole line becomes the reject), text after a closing quote, and
 * a quote that closes on the next line.
 */
static void test_quoting_edges_give_libcsv_fields(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,b,c\n"
	                       "\"\"\"x\",\"y\"\"\",\"\"\"\"\"\"\"\"\r\n"
	                       "\"p,q\",\" r \",\"\"\r"
	                       ",,\n"
	                       "1,\"a\"\"b\",x\"y\n"
	                       "2,\"z\"w,3\n"
	                       "\"m\"\"\",\"n\nn\",o\n"
	                       "4,5,6",
	                       &t, &err), RS_OK);
	assert_string_equal(t.text, "H1 a|b|c\n"
	                            "2 \"x|y\"|\"\"\"\n"
	                            "3 p,q| r |\n"
	                            "4 ||\n"
	                            "5 !malformed quoting (stray \" in an unquoted field; quote the "
	                            "field and write \"\" for the quote) 1,\"a\"\"b\",x\"y\n"
	                            "6 !malformed quoting (text after a closing quote; write \"\" "
	                            "for a quote inside a quoted field) 2,\"z\"w,3\n"
	                            "7 m\"|n\nn|o\n"
	                            "9 4|5|6\n");
}

static void test_unterminated_quote_in_header_is_parse_error(void **state)
{
	transcript t;
	rs_error err;

	(void)state;
	assert_int_equal(parse("a,\"b\n1,2\n", &t, &err), RS_EPARSE);
	assert_non_null(strstr(err.msg, "header row: unterminated quoted field "
	                                "starting at line 1"));
}

/*
 * Property test of the reader: random files (four delimiters; LF, CRLF and
 * lone CR line ends; empty lines; cells with spaces at the edges, tabs,
 * commas, backslashes, CJK text, an em dash, formula-like starts; in half of
 * them quoted cells holding the delimiter and doubled quotes; long enough to
 * cross the 64 KiB chunk boundary) must give exactly the cells written, on
 * the right lines.
 */
typedef struct collect {
	char *text;
	size_t len, cap;
} collect;

static void collect_put(collect *c, const char *s, size_t n)
{
	if (c->len + n + 1 > c->cap) {
		c->cap = (c->len + n + 1) * 2;
		c->text = realloc(c->text, c->cap);
		assert_non_null(c->text);
	}
	memcpy(c->text + c->len, s, n);
	c->len += n;
	c->text[c->len] = '\0';
}

static void collect_row(collect *c, const char *tag, const rs_row *r)
{
	char head[64];
	size_t i;

	(void)snprintf(head, sizeof head, "%s%lu%s:", tag, r->line, r->reject ? "!" : "");
	collect_put(c, head, strlen(head));
	for (i = 0; i < r->n; i++) {
		assert_int_equal(r->cell[i][r->len[i]], '\0');
		collect_put(c, r->cell[i], r->len[i]);
		collect_put(c, "\x1F", 1);
	}
	collect_put(c, "\x1E", 1);
}

static rs_status collect_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)err;
	collect_row(ctx, "H", h);
	return RS_OK;
}

static rs_status collect_on_row(void *ctx, const rs_row *r, rs_error *err)
{
	(void)err;
	collect_row(ctx, "", r);
	return RS_OK;
}

/* Reads data[0..n) with delimiter d into got (collect_row for every row). */
static void collect_read(const char *data, size_t n, char d, collect *got)
{
	rs_read_opts o = default_opts();
	rs_error err;

	assert_int_equal(read_with(data, n, d, &o, NULL, collect_header, collect_on_row, got, &err),
	                 RS_OK);
}

static unsigned long lcg(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/*
 * One random cell into data, its text as a reader must give it into want.
 * With `quotes`, a cell may also hold the delimiter and '"' and is then
 * written quoted ("" doubled), and some plain cells are quoted too. Pieces
 * starting with a byte in `banned` are left out (so a file can hold one
 * kind of JSON special, or none).
 */
static void gen_cell(collect *data, collect *want, unsigned long *seed, char delim, bool quotes,
                     const char *banned)
{
	static const char *const pieces[] = {"a", "Zq", "12", "3.5", " ", "\t", ",", ";", "|",
	                                     "\\", "\xE2\x80\x94", "\xE5\x8D\x8E", "=", "-", "+1", "A",
	                                     "@x", "x y", "0", "\"", "\x01"};
	size_t n = lcg(seed) % 5, i, from = want->len;
	bool quote = quotes && lcg(seed) % 4 == 0;

	for (i = 0; i < n; i++) {
		const char *p = pieces[lcg(seed) % (sizeof pieces / sizeof pieces[0])];

		if (strchr(banned, *p) != NULL)
			continue;
		if ((strchr(p, delim) == NULL && *p != '"') || quotes)
			collect_put(want, p, strlen(p));
		quote = quote || (quotes && (strchr(p, delim) != NULL || *p == '"'));
	}
	if (!quote) {
		collect_put(data, want->text + from, want->len - from);
		return;
	}
	collect_put(data, "\"", 1);
	for (i = from; i < want->len; i++)
		collect_put(data, want->text[i] == '"' ? "\"\"" : want->text + i, 1 + (want->text[i] == '"'));
	collect_put(data, "\"", 1);
}

static void test_random_files_give_exactly_the_cells_written(void **state)
{
	static const char delims[] = {',', ';', '\t', '|'};
	static const char *const ends[] = {"\n", "\r\n", "\r"};
	/* all pieces; only '\\' of the JSON specials; only U+2014; only \x01; none */
	static const char *const banned[] = {"", "\xE2\x01\t,", "\\\x01\t,", "\\\xE2\t,",
	                                     "\\\xE2\x01\t,"};
	unsigned long seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 24; round++) {
		char d = delims[round % 4];
		size_t ncols = 1 + lcg(&seed) % 6, lines = round % 3 == 0 ? 4000 : 50, i, k;
		unsigned long line = 1;
		collect data = {0}, want = {0}, got = {0};

		for (i = 0; i <= lines; i++, line++) {
			size_t row_start = data.len;
			const char *end;
			char head[64];

			/* A blank line: skipped, counted (not after a lone CR: that
			 * would make a CRLF). */
			if (i > 0 && lcg(&seed) % 17 == 0 && data.text[data.len - 1] != '\r') {
				collect_put(&data, "\n", 1);
				line++;
			}
			row_start = data.len;
			(void)snprintf(head, sizeof head, "%s%lu:", i == 0 ? "H" : "", line);
			collect_put(&want, head, strlen(head));
			for (k = 0; k < ncols; k++) {
				if (k > 0)
					collect_put(&data, &d, 1);
				if (i == 0) { /* header cells: not empty */
					collect_put(&data, "h", 1);
					collect_put(&want, "h", 1);
				}
				gen_cell(&data, &want, &seed, d, round >= 12 && i > 0, banned[round % 5]);
				collect_put(&want, "\x1F", 1);
			}
			collect_put(&want, "\x1E", 1);
			if (ncols == 1 && data.len == row_start) { /* an empty line is no row */
				collect_put(&data, "x", 1);
				want.len -= 2;
				collect_put(&want, "x\x1F\x1E", 3);
			}
			end = ends[lcg(&seed) % 3];
			collect_put(&data, end, strlen(end));
		}
		collect_read(data.text, data.len, d, &got);
		if (strcmp(got.text, want.text) != 0) {
			size_t at = 0;

			while (got.text[at] == want.text[at])
				at++;
			at = at > 40 ? at - 40 : 0;
			fprintf(stderr, "round %d delim %d: differ after\n got  %.120s\n want %.120s\n",
			        round, d, got.text + at, want.text + at);
			fail();
		}
		free(data.text);
		free(want.text);
		free(got.text);
	}
}

/*
 * --max-field N admits a quoted cell of exactly N bytes wherever its closing
 * quote falls: the last byte of a 64 KiB read chunk, or of the file (libcsv
 * holds that quote in its buffer until the next byte, so counting its buffer
 * refused the cell). N + 1 bytes stay refused.
 */
static void read_quoted_cell_ending_at(size_t quote_at, bool at_eof, size_t max_field,
                                       rs_status want)
{
	static const char head[] = "a,b\n1,\"";
	size_t n = quote_at - (sizeof head - 1), len;
	char *data = malloc(quote_at + 16);
	rs_read_opts o = default_opts();
	transcript t;
	rs_error err;

	assert_non_null(data);
	memset(&t, 0, sizeof t);
	t.quiet = true;
	memcpy(data, head, sizeof head - 1);
	memset(data + sizeof head - 1, 'x', n);
	len = quote_at;
	data[len++] = '"';
	if (!at_eof)
		len += (size_t)sprintf(data + len, "\n2,y\n");
	o.max_field = max_field;
	assert_int_equal(parse_with(data, len, ',', &o, NULL, &t, &err), want);
	if (want == RS_OK)
		assert_int_equal(t.rows, at_eof ? 1 : 2);
	else
		assert_non_null(strstr(err.msg, "a field starting at line 2 is longer than the limit"));
	free(data);
}

static void test_quoted_cell_of_exactly_max_field_at_chunk_or_file_end(void **state)
{
	size_t chunk_end = ((size_t)64 << 10) - 1, cell = chunk_end - 7;

	(void)state;
	read_quoted_cell_ending_at(chunk_end, false, cell, RS_OK);
	read_quoted_cell_ending_at(chunk_end, false, cell - 1, RS_ELIMIT);
	read_quoted_cell_ending_at(chunk_end, true, cell, RS_OK);
	read_quoted_cell_ending_at(107, true, 100, RS_OK);
	read_quoted_cell_ending_at(107, true, 99, RS_ELIMIT);
	read_quoted_cell_ending_at(107, false, 100, RS_OK);
}

/*
 * An unclosed quote stops near the field limit, not at the record limit or
 * the end of the input: libcsv's buffer is watched while the field grows.
 */
static void test_unclosed_quote_stops_soon_after_the_field_limit(void **state)
{
	enum { n = 3 << 20 };
	char *data = malloc(n + 16);
	rs_read_opts o = default_opts();
	transcript t;
	rs_error err;
	rs_status st;

	(void)state;
	assert_non_null(data);
	memset(&t, 0, sizeof t);
	memcpy(data, "a,b\n1,\"", 7);
	memset(data + 7, 'x', n);
	o.max_field = 1000;
	o.max_record = (size_t)64 << 20;
	st = parse_with(data, n + 7, ',', &o, NULL, &t, &err);
	assert_int_equal(st, RS_ELIMIT);
	assert_non_null(strstr(err.msg, "limit of 1000 bytes"));
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_is_not_part_of_first_header),
		cmocka_unit_test(test_crlf_lines_are_counted_once),
		cmocka_unit_test(test_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(test_quoted_newline_keeps_record_start_line),
		cmocka_unit_test(test_cells_are_exactly_as_in_input),
		cmocka_unit_test(test_ragged_rows_come_through_as_read),
		cmocka_unit_test(test_unterminated_quote_at_eof_is_rejected),
		cmocka_unit_test(test_stray_quote_rejects_record_and_parsing_resumes),
		cmocka_unit_test(test_unquoted_excel_text_formula_is_its_cell),
	    cmocka_unit_test(test_unquoted_excel_text_formulas_are_bounded_per_record),
		cmocka_unit_test(test_stray_quote_after_multiline_field_keeps_whole_record),
		cmocka_unit_test(test_field_longer_than_limit_is_elimit),
		cmocka_unit_test(test_short_field_over_limit_within_a_line_is_elimit),
		cmocka_unit_test(test_header_wider_than_column_limit_is_elimit),
		cmocka_unit_test(test_last_row_without_newline_is_delivered),
		cmocka_unit_test(test_empty_file_has_no_header),
		cmocka_unit_test(test_nul_byte_in_field_rejects_row),
		cmocka_unit_test(test_semicolon_and_tab_delimiters),
		cmocka_unit_test(test_gbk_input_decoded),
		cmocka_unit_test(test_invalid_utf8_late_reports_its_line),
		cmocka_unit_test(test_callback_failure_stops_reader),
		cmocka_unit_test(test_edge_spaces_survive_chunk_boundaries),
		cmocka_unit_test(test_spaces_around_quoted_field_are_malformed),
		cmocka_unit_test(test_tabs_in_csv_cells_are_kept),
		cmocka_unit_test(test_malformed_line_across_chunk_boundary_is_whole),
		cmocka_unit_test(test_unterminated_quote_in_header_is_parse_error),
		cmocka_unit_test(test_quoting_edges_give_libcsv_fields),
		cmocka_unit_test(test_random_files_give_exactly_the_cells_written),
		cmocka_unit_test(test_quoted_cell_of_exactly_max_field_at_chunk_or_file_end),
		cmocka_unit_test(test_unclosed_quote_stops_soon_after_the_field_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
