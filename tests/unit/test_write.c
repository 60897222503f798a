/* test_write.c - the writers: CSV/TSV quoting and formula safety, JSON, table. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "test_files.h"

#include "internal.h"
#include "write.h"

#define MAXC 16

/* One row of up to MAXC cells given as NUL-terminated strings. */
typedef struct trow {
	const char *cell[MAXC];
	size_t len[MAXC];
	unsigned char type[MAXC];
	rs_row row;
} trow;

static const rs_row *mkrow(trow *t, size_t n, const char *const *cells,
                           const unsigned char *types)
{
	size_t i;

	for (i = 0; i < n; i++) {
		t->cell[i] = cells[i];
		t->len[i] = strlen(cells[i]);
		t->type[i] = types ? types[i] : RS_T_STRING;
	}
	memset(&t->row, 0, sizeof t->row);
	t->row.n = n;
	t->row.cell = t->cell;
	t->row.len = t->len;
	t->row.type = t->type;
	return &t->row;
}

/*
 * Writes a header of n cells and nrows rows (cells flattened row by row)
 * in the given options; returns the output (free()) and asserts success.
 */
static char *write_all(rs_write_opts o, size_t n, const char *const *hdr,
                       const unsigned char *types, size_t nrows,
                       const char *const *cells)
{
	char *out = NULL;
	size_t outlen = 0, r;
	FILE *fp = open_memstream(&out, &outlen);
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	assert_non_null(fp);
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, n, hdr, NULL), &err), RS_OK);
	for (r = 0; r < nrows; r++)
		assert_int_equal(rs_writer_row(w, mkrow(&t, n, cells + r * n, types), &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
	rs_writer_free(w);
	assert_int_equal(fclose(fp), 0);
	return out;
}

static rs_write_opts opts(rs_format f)
{
	rs_write_opts o;

	memset(&o, 0, sizeof o);
	o.format = f;
	return o;
}

#define EXPECT(out, want)                    \
	do {                                     \
		char *got_ = (out);                  \
		assert_string_equal(got_, (want));   \
		free(got_);                          \
	} while (0)

/* ---------------------------------------------------------------- CSV */

static void test_csv_quotes_delimiter_quote_newline_and_edge_spaces(void **state)
{
	const char *h[] = {"a", "b", "c", "d", "e", "f"};
	const char *c[] = {"x,y", "say \"hi\"", "l1\nl2", " lead", "trail ", "plain"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_CSV), 6, h, NULL, 1, c),
	       "a,b,c,d,e,f\n\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\",\" lead\",\"trail \",plain\n");
}

static void test_csv_neutralises_formula_cells_but_keeps_plain_numbers(void **state)
{
	const char *h[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
	const char *c[] = {"=SUM(A1)", "+1 bad", "@x", "-x", "-5", "+3.25", "-1,200.50", "-2+3+cmd|' /C calc'!A0"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_CSV), 8, h, NULL, 1, c),
	       "a,b,c,d,e,f,g,h\n"
	       "\"'=SUM(A1)\",\"'+1 bad\",\"'@x\",\"'-x\",-5,+3.25,\"-1,200.50\","
	       "\"'-2+3+cmd|' /C calc'!A0\"\n");
}

static void test_csv_neutralises_tab_cr_and_fullwidth_signs(void **state)
{
	const char *h[] = {"a", "b", "c", "d"};
	const char *c[] = {"\tx", "\rx", "＝1+1", "＠A"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_CSV), 4, h, NULL, 1, c),
	       "a,b,c,d\n\"'\tx\",\"'\rx\",\"'＝1+1\",\"'＠A\"\n");
}

static void test_csv_raw_mode_leaves_formula_cells(void **state)
{
	const char *h[] = {"=h", "b", "c", "d"};
	const char *c[] = {"=SUM(A1)", "+1 bad", "@x", "-x"};
	rs_write_opts o = opts(RS_FMT_CSV);

	(void)state;
	o.raw = true;
	EXPECT(write_all(o, 4, h, NULL, 1, c), "=h,b,c,d\n=SUM(A1),+1 bad,@x,-x\n");
}

static void test_csv_header_cells_are_neutralised(void **state)
{
	const char *h[] = {"=cmd", "id"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_CSV), 2, h, NULL, 0, NULL), "\"'=cmd\",id\n");
}

static void test_csv_typed_cells_are_never_neutralised(void **state)
{
	const char *h[] = {"n", "s"};
	const char *c[] = {"-7", "-7"};
	const char *c2[] = {"-x", "-x"};
	const unsigned char ty[] = {RS_T_NUMBER, RS_T_STRING};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_CSV), 2, h, ty, 1, c), "n,s\n-7,-7\n");
	/* A mislabelled number is still not touched: only text is neutralised. */
	EXPECT(write_all(opts(RS_FMT_CSV), 2, h, ty, 1, c2), "n,s\n-x,\"'-x\"\n");
}

static void test_csv_excel_writes_bom_and_crlf(void **state)
{
	const char *h[] = {"名称", "b"};
	const char *c[] = {"华为", "a\r\nb"};
	rs_write_opts o = opts(RS_FMT_CSV);

	(void)state;
	o.excel = true;
	EXPECT(write_all(o, 2, h, NULL, 1, c),
	       "\xEF\xBB\xBF名称,b\r\n华为,\"a\r\nb\"\r\n");
}

static void test_csv_single_empty_cell_is_written_as_empty_quotes(void **state)
{
	const char *h[] = {"a"};
	const char *c[] = {""};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_CSV), 1, h, NULL, 1, c), "a\n\"\"\n");
}

static void test_tsv_quotes_tabs_not_commas(void **state)
{
	const char *h[] = {"a", "b", "c"};
	const char *c[] = {"x,y", "t\tz", "=1"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_TSV), 3, h, NULL, 1, c),
	       "a\tb\tc\nx,y\t\"t\tz\"\t\"'=1\"\n");
}

/*
 * Every length from 1 to 70 and every position of the one byte that forces
 * quoting (the block scan reads 16 bytes at a time, the last block
 * overlapping): the cell is quoted exactly when it holds such a byte, and a
 * byte special only to the other format leaves it bare.
 */
static void test_csv_and_tsv_quote_a_special_byte_at_any_position(void **state)
{
	static const struct { rs_format f; char special[5]; char plain; } fmt[] = {
		{RS_FMT_CSV, ",\"\n\r", '\t'},
		{RS_FMT_TSV, "\t\"\n\r", ','},
	};
	const char *h[] = {"h"};
	char cell[72], want[200];
	size_t f, n, pos, k;

	(void)state;
	for (f = 0; f < 2; f++)
		for (n = 1; n <= 70; n++)
			for (pos = 0; pos <= n; pos++)
				for (k = 0; k < 5; k++) {
					char c = k < 4 ? fmt[f].special[k] : fmt[f].plain;
					const char *cells[1] = {cell};
					size_t w = 0, i;

					memset(cell, 'a', n);
					cell[n] = '\0';
					if (pos < n && pos > 0 && pos + 1 < n)
						cell[pos] = c; /* no edge byte: tabs there are formula-like */
					else if (pos < n)
						continue;
					w += (size_t)sprintf(want, "h\n");
					if (pos < n && k < 4)
						want[w++] = '"';
					for (i = 0; i < n; i++) {
						if (cell[i] == '"')
							want[w++] = '"';
						want[w++] = cell[i];
					}
					if (pos < n && k < 4)
						want[w++] = '"';
					want[w++] = '\n';
					want[w] = '\0';
					EXPECT(write_all(opts(fmt[f].f), 1, h, NULL, 1, cells), want);
				}
}

static void test_csv_cell_larger_than_the_output_buffer_survives(void **state)
{
	size_t n = (size_t)1 << 20, i;
	char *big = malloc(n + 1), *out, *p;
	const char *h[] = {"a", "b"};
	const char *c[2];

	(void)state;
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = i % 1000 == 7 ? '"' : (char)('a' + i % 26);
	big[n] = '\0';
	c[0] = big;
	c[1] = "end";
	out = write_all(opts(RS_FMT_CSV), 2, h, NULL, 1, c);
	p = out + 4;
	assert_int_equal(*p++, '"');
	for (i = 0; i < n; i++) {
		assert_int_equal(*p++, big[i]);
		if (big[i] == '"')
			assert_int_equal(*p++, '"');
	}
	assert_string_equal(p, "\",end\n");
	free(out);
	free(big);
}

/* A ';' delimiter (--excel=eu): cells with ';' are quoted, commas and
 * decimal commas are not; a quote, CR or LF cannot be a delimiter. */
static void test_csv_semicolon_delimiter_quotes_semicolons_not_commas(void **state)
{
	const char *h[] = {"id", "name", "share_pct"};
	const char *c[] = {"A;1", "Schmidt & Söhne, KG", "33,33"};
	rs_write_opts o = opts(RS_FMT_CSV);
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	(void)state;
	o.delimiter = ';';
	EXPECT(write_all(o, 3, h, NULL, 1, c), "id;name;share_pct\n\"A;1\";Schmidt & Söhne, KG;33,33\n");
	o.excel = true;
	EXPECT(write_all(o, 3, h, NULL, 1, c),
	       "\xEF\xBB\xBFid;name;share_pct\r\n\"A;1\";Schmidt & Söhne, KG;33,33\r\n");
	rs_error_clear(&err);
	o.delimiter = '"';
	assert_int_equal(rs_writer_new(&w, stdout, &o, mkrow(&t, 3, h, NULL), &err), RS_EUSAGE);
	assert_null(w);
}

/* --------------------------------------------------------------- JSON */

static void test_json_keeps_types_and_escapes_strings(void **state)
{
	const char *h[] = {"id", "n", "ok", "none", "s"};
	const char *c[] = {"A1", "12.5", "true", "", "q\"\\\n\r\t\b\f\x01 \xE2\x80\xA8\xE2\x80\xA9 中 …",
	                   "A2", "-3", "false", "", "=SUM(A1)"};
	const unsigned char ty[] = {RS_T_STRING, RS_T_NUMBER, RS_T_BOOL, RS_T_NULL, RS_T_STRING};
	char *out;
	cJSON *doc;

	(void)state;
	out = write_all(opts(RS_FMT_JSON), 5, h, ty, 2, c);
	assert_string_equal(out,
	    "[\n"
	    "{\"id\":\"A1\",\"n\":12.5,\"ok\":true,\"none\":null,"
	    "\"s\":\"q\\\"\\\\\\n\\r\\t\\b\\f\\u0001 \\u2028\\u2029 中 …\"},\n"
	    "{\"id\":\"A2\",\"n\":-3,\"ok\":false,\"none\":null,\"s\":\"=SUM(A1)\"}\n"
	    "]\n");
	doc = cJSON_Parse(out);
	assert_non_null(doc);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(doc, 0), "s")->valuestring, c[4]);
	cJSON_Delete(doc);
	free(out);
}

/*
 * A JSON object or array from JSON input (RS_T_JSON) is written as its text
 * in JSON and JSON Lines, and as a quoted text cell in CSV; a big one too
 * (it goes past the output buffer's room, the writer's other path).
 */
static void test_json_text_cells_are_written_as_json(void **state)
{
	const char *h[] = {"id", "owner"};
	const unsigned char ty[] = {RS_T_STRING, RS_T_JSON};
	size_t n = ((size_t)3 << 20) + 1; /* "[" then "1," pairs, the last ',' a ']' */
	char *big = malloc(n + 8), *out;
	const char *c[] = {"A1", "{\"name\":\"Li, \\\"W\\\"\"}", "A2", big};

	(void)state;
	assert_non_null(big);
	big[0] = '[';
	for (size_t i = 1; i < n; i += 2)
		memcpy(big + i, "1,", 2);
	big[n - 1] = ']';
	big[n] = '\0';
	out = write_all(opts(RS_FMT_JSONL), 2, h, ty, 2, c);
	assert_memory_equal(out, "{\"id\":\"A1\",\"owner\":{\"name\":\"Li, \\\"W\\\"\"}}\n"
	                         "{\"id\":\"A2\",\"owner\":[1,1,", 65);
	assert_string_equal(out + strlen(out) - 5, ",1]}\n");
	free(out);
	out = write_all(opts(RS_FMT_CSV), 2, h, ty, 1, c);
	assert_string_equal(out, "id,owner\nA1,\"{\"\"name\"\":\"\"Li, \\\"\"W\\\"\"\"\"}\"\n");
	free(out);
	free(big);
}

/*
 * Every piece JSON strings treat specially, at every position of strings of
 * 1 to 70 bytes (the scan reads 16 bytes at a time): escaped as a short
 * form, as \\u00XX, as \\u2028/9, or (0xE2 starting another character,
 * DEL) left as it is.
 */
static void test_json_escapes_a_special_piece_at_any_position(void **state)
{
	static const struct { const char *piece, *escaped; } sp[] = {
		{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\t", "\\t"},
		{"\x01", "\\u0001"}, {"\x1f", "\\u001f"}, {"\xE2\x80\xA8", "\\u2028"},
		{"\xE2\x80\xA9", "\\u2029"}, {"\xE2\x80\xA6", "\xE2\x80\xA6"}, {"\x7f", "\x7f"},
	};
	const char *h[] = {"h"};
	char cell[80], want[200];
	size_t n, pos, k;

	(void)state;
	for (n = 1; n <= 70; n++)
		for (pos = 0; pos < n; pos++)
			for (k = 0; k < sizeof sp / sizeof sp[0]; k++) {
				const char *cells[1] = {cell};
				size_t pl = strlen(sp[k].piece);

				memset(cell, 'a', n);
				memcpy(cell + pos, sp[k].piece, pl);
				cell[pos + pl > n ? pos + pl : n] = '\0';
				(void)snprintf(want, sizeof want, "{\"h\":\"%.*s%s%s\"}\n", (int)pos, cell,
				               sp[k].escaped, cell + pos + pl);
				EXPECT(write_all(opts(RS_FMT_JSONL), 1, h, NULL, 1, cells), want);
			}
}

static void test_json_escapes_keys(void **state)
{
	const char *h[] = {"a\"b", "c\n"};
	const char *c[] = {"1", "2"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_JSONL), 2, h, NULL, 1, c), "{\"a\\\"b\":\"1\",\"c\\n\":\"2\"}\n");
}

static void test_json_names_unnamed_columns_by_position(void **state)
{
	const char *h[] = {"id", "", ""};
	const char *c[] = {"1", "x", "y"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_JSONL), 3, h, NULL, 1, c),
	       "{\"id\":\"1\",\"column_2\":\"x\",\"column_3\":\"y\"}\n");
	/* CSV keeps the header as it was */
	EXPECT(write_all(opts(RS_FMT_CSV), 3, h, NULL, 1, c), "id,,\n1,x,y\n");
}

/* A column named as an unnamed one's key would be: the keys stay apart. */
static void test_json_unnamed_key_never_twins_a_named_column(void **state)
{
	const char *h[] = {"id", "", "column_2", "column_2_2"};
	const char *c[] = {"1", "x", "y", "z"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_JSONL), 4, h, NULL, 1, c),
	       "{\"id\":\"1\",\"column_2_3\":\"x\",\"column_2\":\"y\",\"column_2_2\":\"z\"}\n");
}

static void test_json_empty_result_is_empty_array(void **state)
{
	const char *h[] = {"id"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_JSON), 1, h, NULL, 0, NULL), "[]\n");
}

static void test_jsonl_writes_one_object_per_line(void **state)
{
	const char *h[] = {"id", "share"};
	const char *c[] = {"a", "1", "b", "2"};
	const unsigned char ty[] = {RS_T_STRING, RS_T_NUMBER};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_JSONL), 2, h, ty, 2, c),
	       "{\"id\":\"a\",\"share\":1}\n{\"id\":\"b\",\"share\":2}\n");
	EXPECT(write_all(opts(RS_FMT_JSONL), 2, h, ty, 0, NULL), "");
}

/* -------------------------------------------------------------- table */

static void test_table_aligns_chinese_text_by_display_width(void **state)
{
	const char *h[] = {"id", "name", "share"};
	const char *c[] = {"1", "华为技术", "12.5", "22", "ACME", "7"};
	const unsigned char ty[] = {RS_T_STRING, RS_T_STRING, RS_T_NUMBER};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_TABLE), 3, h, ty, 2, c),
	       "id  name      share\n"
	       "--  --------  -----\n"
	       "1   华为技术   12.5\n"
	       "22  ACME          7\n");
}

static void test_table_right_aligns_numbers_and_their_header(void **state)
{
	const char *h[] = {"n", "t"};
	const char *c[] = {"1234567", "x", "5", "y"};
	const unsigned char ty[] = {RS_T_NUMBER, RS_T_STRING};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_TABLE), 2, h, ty, 2, c),
	       "      n  t\n"
	       "-------  -\n"
	       "1234567  x\n"
	       "      5  y\n");
}

static void test_table_cuts_long_text_with_ellipsis_at_character_boundary(void **state)
{
	char wide[50 * 3 + 1] = "", narrow[51], want[256];
	const char *h[] = {"w", "a"};
	const char *c[2];
	char *out, *line;
	size_t i, k;

	(void)state;
	for (i = 0; i < 50; i++)
		strcat(wide, "中");
	memset(narrow, 'a', 50);
	narrow[50] = '\0';
	c[0] = wide;
	c[1] = narrow;
	out = write_all(opts(RS_FMT_TABLE), 2, h, NULL, 1, c);
	line = strchr(strchr(out, '\n') + 1, '\n') + 1;
	/* 19 wide characters (38 columns) and "…" fit in 40; a 20th would not. */
	want[0] = '\0';
	for (i = 0; i < 19; i++)
		strcat(want, "中");
	strcat(want, "…  ");
	k = strlen(want);
	memset(want + k, 'a', 39);
	want[k + 39] = '\0';
	strcat(want, "…\n");
	assert_string_equal(line, want);
	assert_int_equal(rs_display_width(line, strlen(line) - 1), 39 + 2 + 40);
	free(out);
}

static void test_table_shows_newlines_tabs_and_escapes_as_spaces(void **state)
{
	const char *h[] = {"a", "b"};
	const char *c[] = {"x\r\ny\tz", "\x1b[2J\xE2\x80\xA8"};

	(void)state;
	EXPECT(write_all(opts(RS_FMT_TABLE), 2, h, NULL, 1, c),
	       "a      b\n"
	       "-----  -----\n"
	       "x y z   [2J \n");
}

static void test_table_prints_rows_after_the_first_1000_with_same_widths(void **state)
{
	enum { N = 1500 };
	const char *h[] = {"id", "name"};
	const char **c = calloc(2 * N, sizeof *c);
	char *out, *p;
	size_t i, lines = 0;

	(void)state;
	assert_non_null(c);
	for (i = 0; i < N; i++) {
		c[2 * i] = i == N - 1 ? "zz" : "id";
		c[2 * i + 1] = i < 1000 ? "abc" : "much longer than three";
	}
	out = write_all(opts(RS_FMT_TABLE), 2, h, NULL, N, c);
	for (p = out; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, N + 2);
	/* Widths were fixed by the first 1000 rows: later text is cut to them. */
	p = strstr(out, "zz");
	assert_non_null(p);
	assert_string_equal(p, "zz  muc…\n");
	free(out);
	free(c);
}

static void test_table_shows_only_selected_columns(void **state)
{
	const char *h[] = {"a", "b", "c"};
	const char *c[] = {"1", "2", "3"};
	const size_t cols[] = {2, 0};
	rs_write_opts o = opts(RS_FMT_TABLE);

	(void)state;
	o.table_cols = cols;
	o.ntable_cols = 2;
	EXPECT(write_all(o, 3, h, NULL, 1, c), "c  a\n-  -\n3  1\n");
}

static void test_table_column_out_of_range_is_usage_error(void **state)
{
	const char *h[] = {"a"};
	const size_t cols[] = {1};
	rs_write_opts o = opts(RS_FMT_TABLE);
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	(void)state;
	o.table_cols = cols;
	o.ntable_cols = 1;
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, stdout, &o, mkrow(&t, 1, h, NULL), &err), RS_EUSAGE);
	assert_null(w);
}

static void test_table_fit_narrows_the_widest_text_first(void **state)
{
	size_t w[] = {4, 30, 20, 5};
	const size_t lo[] = {4, 12, 12, 5};
	bool show[4];

	(void)state;
	/* 65 columns into 50: the 30 comes down to 20, then both take turns. */
	assert_int_equal(rs_table_fit(w, lo, NULL, 4, 50, show), 4);
	assert_int_equal(w[0], 4);
	assert_int_equal(w[1], 17);
	assert_int_equal(w[2], 18);
	assert_int_equal(w[3], 5);
}

static void test_table_fit_leaves_out_columns_from_the_right(void **state)
{
	size_t w[] = {4, 30, 20, 5};
	const size_t lo[] = {4, 12, 12, 5};
	size_t id[] = {15, 20};
	const size_t id_lo[] = {15, 12};
	bool show[4];

	(void)state;
	/* Three columns at their narrowest take 32: two fit, and the name
	 * gets the room the others left. */
	assert_int_equal(rs_table_fit(w, lo, NULL, 4, 30, show), 2);
	assert_true(show[0] && show[1] && !show[2] && !show[3]);
	assert_int_equal(w[0], 4);
	assert_int_equal(w[1], 24);
	/* The first column stays, whole, even when it alone is too wide. */
	assert_int_equal(rs_table_fit(id, id_lo, NULL, 2, 10, show), 1);
	assert_true(show[0] && !show[1]);
	assert_int_equal(id[0], 15);
}

static void test_table_fit_leaves_out_the_lowest_rank_first(void **state)
{
	size_t w[] = {4, 30, 13, 17, 40};
	const size_t lo[] = {4, 12, 13, 17, 12};
	const unsigned char rank[] = {9, 8, 1, 1, 5};
	bool show[5];

	(void)state;
	/* Both scores (rank 1) go, the right one first; the needs stay. */
	assert_int_equal(rs_table_fit(w, lo, rank, 5, 40, show), 3);
	assert_true(show[0] && show[1] && !show[2] && !show[3] && show[4]);
	assert_int_equal(w[1] + w[4], 40 - 4 - 4);
	/* One score fits beside them: the left one stays (the right goes first). */
	assert_int_equal(rs_table_fit(w, lo, rank, 5, 55, show), 4);
	assert_true(show[2] && !show[3]);
}

static void test_table_fit_changes_nothing_without_limit_or_when_it_fits(void **state)
{
	size_t w[] = {4, 30, 20, 5};
	const size_t lo[] = {4, 12, 12, 5};
	bool show[4];

	(void)state;
	assert_int_equal(rs_table_fit(w, lo, NULL, 4, 0, show), 4);
	assert_int_equal(rs_table_fit(w, lo, NULL, 4, 65, show), 4);
	assert_int_equal(w[1] + w[2], 50);
}

static void keep_notice(void *ctx, const rs_error *e)
{
	strcpy(ctx, e->msg);
}

static void test_table_fits_its_width_cutting_text_but_never_numbers(void **state)
{
	const char *h[] = {"id", "name", "share", "flags"};
	const char *c[] = {"A-1", "华为技术有限公司深圳总部", "12345.5", "single_threaded",
	                   "B-2", "ACME", "7", ""};
	const unsigned char ty[] = {RS_T_STRING, RS_T_STRING, RS_T_NUMBER, RS_T_STRING};
	rs_write_opts o = opts(RS_FMT_TABLE);
	char said[480] = "", *fitted;

	(void)state;
	o.table_width = 30;
	o.notice = keep_notice;
	o.notice_ctx = said;
	/* The flags do not fit even at 12 columns; without them the name
	 * (24 columns of Chinese) is cut to 16: 7 characters and "…". */
	EXPECT(write_all(o, 4, h, ty, 2, c),
	       "id   name                share\n"
	       "---  ----------------  -------\n"
	       "A-1  华为技术有限公…   12345.5\n"
	       "B-2  ACME                    7\n");
	assert_string_equal(said, "the table leaves out flags to fit in 30 columns; see them in a "
	                          "terminal 55 wide (or with COLUMNS=55) or with --to csv");
	o.lang = RS_LANG_ZH; /* the notice in the run's language */
	free(write_all(o, 4, h, ty, 2, c));
	assert_string_equal(said, "表格未显示 flags，以适应 30 列宽；在 55 列宽的终端中（或设置 "
	                          "COLUMNS=55）或用 --to csv 可查看全部列");
	o.lang = RS_LANG_EN;
	/* At 55 everything fits: the table of no limit, and nothing said. */
	said[0] = '\0';
	o.table_width = 55;
	fitted = write_all(o, 4, h, ty, 2, c);
	o.table_width = 0;
	EXPECT(write_all(o, 4, h, ty, 2, c), fitted);
	assert_string_equal(said, "");
	free(fitted);
}

/* A column ranked RS_TABLE_WHOLE (the stage label) is shown whole or left
 * out, never cut: the others narrow, then it goes only after all lower ranks. */
static void test_table_whole_rank_is_never_narrowed(void **state)
{
	const char *h[] = {"id", "name", "stage_label"};
	const char *c[] = {"A-1", "Riverside Motion Systems Ltd.", "Strategic cooperation"};
	const unsigned char rank[] = {RS_TABLE_WHOLE + 1, 9, RS_TABLE_WHOLE};
	rs_write_opts o = opts(RS_FMT_TABLE);

	(void)state;
	o.table_rank = rank;
	o.table_width = 40;
	EXPECT(write_all(o, 3, h, NULL, 1, c),
	       "id   name          stage_label\n"
	       "---  ------------  ---------------------\n"
	       "A-1  Riverside M…  Strategic cooperation\n");
	o.table_width = 30; /* the name at 12 and the label whole do not fit: the name goes */
	EXPECT(write_all(o, 3, h, NULL, 1, c),
	       "id   stage_label\n"
	       "---  ---------------------\n"
	       "A-1  Strategic cooperation\n");
}

static void test_table_whole_rank_is_cut_only_past_60_columns(void **state)
{
	enum { N = 1002 };
	const char *h[] = {"id", "name"};
	const char *id50 = "ACME-INDUSTRIEANLAGEN-GMBH-NIEDERLASSUNG-STUTTGART"; /* 50 */
	const char *id70 = "ACME-INDUSTRIEANLAGEN-GMBH-NIEDERLASSUNG-STUTTGART-FEUERBACH-WERK-0002";
	const char **c = calloc(2 * N, sizeof *c);
	const unsigned char rank[] = {RS_TABLE_WHOLE + 1, 9};
	rs_write_opts o = opts(RS_FMT_TABLE);
	char *out, *last;
	size_t i;

	(void)state;
	assert_non_null(c);
	for (i = 0; i < 2 * N; i += 2) {
		c[i] = id50;
		c[i + 1] = "Acme Industrieanlagen GmbH, Niederlassung Stuttgart";
	}
	c[2 * (N - 2)] = "B-2"; /* a streamed row, shorter than the column */
	c[2 * (N - 1)] = id70;  /* a streamed row, longer: overflows, cut at 60 */
	o.table_rank = rank;
	out = write_all(o, 2, h, NULL, N, c);
	assert_non_null(strstr(out, "\nACME-INDUSTRIEANLAGEN-GMBH-NIEDERLASSUNG-STUTTGART  "
	                            "Acme Industrieanlagen GmbH, Niederlassu…\n"));
	last = strrchr(out, 'A');
	while (last > out && last[-1] != '\n')
		last--;
	assert_string_equal(last, "ACME-INDUSTRIEANLAGEN-GMBH-NIEDERLASSUNG-STUTTGART-FEUERBAC…  "
	                          "Acme Industrieanlagen GmbH, Niederlassu…\n");
	assert_non_null(strstr(out, "\nB-2                                                 Acme"));
	free(out);
	free(c);
}

static void test_table_rows_after_the_first_1000_keep_the_fitted_columns(void **state)
{
	enum { N = 1001 };
	const char *h[] = {"id", "name", "flags"};
	const char **c = calloc(3 * N, sizeof *c);
	rs_write_opts o = opts(RS_FMT_TABLE);
	char *out;
	size_t i;

	(void)state;
	assert_non_null(c);
	for (i = 0; i < 3 * N; i += 3) {
		c[i] = "B-2";
		c[i + 1] = "Riverside Motion Systems Ltd.";
		c[i + 2] = "single_threaded";
	}
	o.table_width = 20;
	out = write_all(o, 3, h, NULL, N, c);
	assert_string_equal(strrchr(out, 'B'), "B-2  Riverside Moti…\n");
	free(out);
	free(c);
}

/* ------------------------------------------------------------- errors */

static void test_write_to_full_device_is_eio_at_finish(void **state)
{
	const char *h[] = {"a"};
	const char *c[] = {"1"};
	FILE *fp = open_dev_full();
	rs_write_opts o = opts(RS_FMT_CSV);
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	(void)state;
	if (fp == NULL)
		skip();
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 1, h, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_row(w, mkrow(&t, 1, c, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_EIO);
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
	rs_writer_free(w);
	(void)fclose(fp);
}

static void test_write_error_during_rows_sticks_to_every_later_call(void **state)
{
	const char *h[] = {"a"};
	const char *c[] = {"some text that fills the output buffer quickly"};
	FILE *fp = open_dev_full();
	rs_write_opts o = opts(RS_FMT_JSONL);
	rs_writer *w = NULL;
	rs_error err;
	rs_status st = RS_OK;
	size_t i;
	trow t;

	(void)state;
	if (fp == NULL)
		skip();
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 1, h, NULL), &err), RS_OK);
	for (i = 0; i < 100000 && st == RS_OK; i++)
		st = rs_writer_row(w, mkrow(&t, 1, c, NULL), &err);
	assert_int_equal(st, RS_EIO);
	assert_true(i < 100000);
	assert_int_equal(rs_writer_row(w, mkrow(&t, 1, c, NULL), &err), RS_EIO);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_EIO);
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
	rs_writer_free(w);
	(void)fclose(fp);
}

static void test_row_with_wrong_cell_count_is_usage_error(void **state)
{
	const char *h[] = {"a", "b"};
	const char *c[] = {"1", "2", "3"};
	rs_format f[] = {RS_FMT_CSV, RS_FMT_JSON, RS_FMT_TABLE};
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		rs_write_opts o = opts(f[i]);
		rs_writer *w = NULL;
		rs_error err;
		trow t;

		rs_error_clear(&err);
		assert_int_equal(rs_writer_new(&w, stdout, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
		assert_int_equal(rs_writer_row(w, mkrow(&t, 3, c, NULL), &err), RS_EUSAGE);
		assert_int_equal(rs_writer_row(w, mkrow(&t, 1, c, NULL), &err), RS_EUSAGE);
		rs_writer_free(w);
	}
}

static void test_ragged_csv_takes_rows_of_any_length_but_json_does_not(void **state)
{
	const char *h[] = {"line", "reason"};
	const char *c[] = {"7", "too many fields", "x", "=y"};
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);
	rs_write_opts o = opts(RS_FMT_CSV);
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	(void)state;
	assert_non_null(fp);
	o.ragged = true;
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_row(w, mkrow(&t, 4, c, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_row(w, mkrow(&t, 1, c, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
	rs_writer_free(w);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(out, "line,reason\n7,too many fields,x,\"'=y\"\n7\n");
	free(out);

	o.format = RS_FMT_JSONL;
	assert_int_equal(rs_writer_new(&w, stdout, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_row(w, mkrow(&t, 4, c, NULL), &err), RS_EUSAGE);
	rs_writer_free(w);
}

/* ------------------------------------------------------------- memory */

static size_t nalloc;

static void *count_malloc(size_t n)
{
	nalloc++;
	return malloc(n);
}

static void *count_realloc(void *p, size_t n)
{
	nalloc++;
	return realloc(p, n);
}

static void test_csv_and_json_rows_do_not_allocate(void **state)
{
	const rs_alloc_hooks hooks = {count_malloc, count_realloc, free};
	const char *h[] = {"id", "name"};
	const char *c[] = {"1", "=a \"quoted\", name\n"};
	rs_format f[] = {RS_FMT_CSV, RS_FMT_TSV, RS_FMT_JSON, RS_FMT_JSONL};
	FILE *fp = fopen("/dev/null", "w");
	size_t i, r;

	(void)state;
	assert_non_null(fp);
	rs_set_alloc_hooks(&hooks);
	for (i = 0; i < 4; i++) {
		rs_write_opts o = opts(f[i]);
		rs_writer *w = NULL;
		rs_error err;
		size_t before;
		trow t;

		rs_error_clear(&err);
		assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
		before = nalloc;
		for (r = 0; r < 20000; r++)
			assert_int_equal(rs_writer_row(w, mkrow(&t, 2, c, NULL), &err), RS_OK);
		assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
		assert_int_equal(nalloc, before);
		rs_writer_free(w);
	}
	rs_set_alloc_hooks(NULL);
	(void)fclose(fp);
}

static size_t fail_after;

static void *failing_malloc(size_t n)
{
	return fail_after-- == 0 ? NULL : malloc(n);
}

static void *failing_realloc(void *p, size_t n)
{
	return fail_after-- == 0 ? NULL : realloc(p, n);
}

static void test_every_allocation_failure_is_enomem_without_leaks(void **state)
{
	const rs_alloc_hooks hooks = {failing_malloc, failing_realloc, free};
	const char *h[] = {"id", "name"};
	const char *c[] = {"1", "华为"};
	rs_format f[] = {RS_FMT_CSV, RS_FMT_JSON, RS_FMT_TABLE};
	FILE *fp = fopen("/dev/null", "w");
	size_t i, k;

	(void)state;
	assert_non_null(fp);
	for (i = 0; i < 3; i++) {
		for (k = 0;; k++) {
			rs_write_opts o = opts(f[i]);
			rs_writer *w = NULL;
			rs_error err;
			rs_status st;
			trow t;

			rs_error_clear(&err);
			fail_after = k;
			rs_set_alloc_hooks(&hooks);
			st = rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err);
			if (st == RS_OK)
				st = rs_writer_row(w, mkrow(&t, 2, c, NULL), &err);
			if (st == RS_OK)
				st = rs_writer_finish(w, NULL, &err);
			rs_writer_free(w);
			rs_set_alloc_hooks(NULL);
			if (st == RS_OK)
				break;
			assert_int_equal(st, RS_ENOMEM);
		}
		assert_true(k > 0);
	}
	(void)fclose(fp);
}

static unsigned long hint_lcg(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/* Cells that need quotes get them and nothing else changes, in CSV, TSV
 * and --excel; a quote inside is doubled, a formula start neutralised, a
 * signed number left alone. */
static void test_cells_needing_quotes_get_them_in_csv_tsv_and_excel(void **state)
{
	static const char *const c[] = {"id", "a, b", " lead", "=x, y", "say \"hi\", x", "t\tab", "+5,000"};
	static const char *const h[] = {"h", "h", "h", "h", "h", "h", "h"};
	static const struct { rs_format f; bool excel; const char *want; } cases[] = {
		{RS_FMT_CSV, false,
		 "h,h,h,h,h,h,h\nid,\"a, b\",\" lead\",\"'=x, y\",\"say \"\"hi\"\", x\",t\tab,\"+5,000\"\n"},
		{RS_FMT_CSV, true,
		 "\xEF\xBB\xBFh,h,h,h,h,h,h\r\nid,\"a, b\",\" lead\",\"'=x, y\",\"say \"\"hi\"\", x\",t\tab,"
		 "\"+5,000\"\r\n"},
		{RS_FMT_TSV, false,
		 "h\th\th\th\th\th\th\nid\ta, b\t\" lead\"\t\"'=x, y\"\t\"say \"\"hi\"\", x\"\t\"t\tab\"\t+5,000\n"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rs_write_opts o = opts(cases[i].f);

		o.excel = cases[i].excel;
		EXPECT(write_all(o, 7, h, NULL, 1, c), cases[i].want);
	}
}

/*
 * JSON strings round-trip: 3000 rows of random cells built from every byte
 * the writer escapes (quotes, backslashes, controls, U+2028/U+2029, other
 * 0xE2 text), written as JSON Lines, parse back with cJSON to exactly the
 * cells, across the output buffer's end (a few rows with a cell of 60 KB).
 */
static void test_json_strings_round_trip_through_cjson(void **state)
{
	static const char *const pieces[] = {"a", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x01",
	                                     "\x1f", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x94",
	                                     "\xe5\x8d\x8e", "x y", "/", "\x7f"};
	enum { NCOLS = 4, NROWS = 3000 };
	static char cells[NROWS][NCOLS][256];
	static char big[60000];
	const char *hdr[NCOLS] = {"a", "b\"q", "c", "d"};
	const char *row[NCOLS];
	char *out = NULL, *line, *save = NULL;
	size_t outlen = 0, r, k;
	FILE *fp = open_memstream(&out, &outlen);
	rs_write_opts o = opts(RS_FMT_JSONL);
	rs_writer *w = NULL;
	rs_error err;
	unsigned long x = 5;
	trow t;

	(void)state;
	memset(big, 'Q', sizeof big - 1);
	assert_non_null(fp);
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, NCOLS, hdr, NULL), &err), RS_OK);
	for (r = 0; r < NROWS; r++) {
		for (k = 0; k < NCOLS; k++) {
			size_t len = 0, p, np = hint_lcg(&x) % 8;

			for (p = 0; p < np; p++) {
				const char *piece = pieces[hint_lcg(&x) % (sizeof pieces / sizeof pieces[0])];

				memcpy(cells[r][k] + len, piece, strlen(piece));
				len += strlen(piece);
			}
			cells[r][k][len] = '\0';
			row[k] = cells[r][k];
		}
		if (r % 500 == 7) { /* a big cell */
			big[sizeof big - 1] = '\0';
			row[0] = big;
			strcpy(cells[r][0], "(big)");
		}
		assert_int_equal(rs_writer_row(w, mkrow(&t, NCOLS, row, NULL), &err), RS_OK);
	}
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
	rs_writer_free(w);
	assert_int_equal(fclose(fp), 0);
	for (r = 0, line = strtok_r(out, "\n", &save); line != NULL; r++, line = strtok_r(NULL, "\n", &save)) {
		cJSON *v = cJSON_Parse(line);

		assert_non_null(v);
		assert_true(r < NROWS);
		for (k = 0; k < NCOLS; k++) {
			const cJSON *it = cJSON_GetObjectItemCaseSensitive(v, hdr[k]);

			assert_true(cJSON_IsString(it));
			if (r % 500 == 7 && k == 0)
				assert_string_equal(it->valuestring, big);
			else
				assert_string_equal(it->valuestring, cells[r][k]);
		}
		cJSON_Delete(v);
	}
	assert_int_equal(r, NROWS);
	free(out);
}

/*
 * The summary, inspect and rules JSON (rs_buf_json_mem) escape strings as
 * the rows do: quotes, backslashes, short escapes, other controls \u00XX,
 * U+2028/9 but not other 0xE2 text, NUL kept; UTF-8 as it is.
 */
static void test_json_str_into_a_buffer_escapes_as_rows_do(void **state)
{
	static const char s[] = "A\"1\\\n\x01\x1f\r\t\b\f\xE2\x80\xA8\xE2\x80\xA9\xE2\x80\xA6\xE2\x80\xE5\xAE\xA2\0z";
	rs_buf b;

	(void)state;
	rs_buf_init(&b);
	rs_buf_json_str(&b, "");
	rs_buf_json_mem(&b, s, sizeof s - 1);
	assert_string_equal(b.data, "\"\"\"A\\\"1\\\\\\n\\u0001\\u001f\\r\\t\\b\\f\\u2028\\u2029"
	                            "\xE2\x80\xA6\xE2\x80\xE5\xAE\xA2\\u0000z\"");
	rs_buf_free(&b);
}

/*
 * Every byte class a JSON string escapes ('"', '\\', control bytes,
 * U+2028/9, but not other 0xE2 text) is escaped, an empty string is "",
 * numbers are copied as they are (an empty one is null), null and booleans
 * are literals, with short keys and long ones.
 */
static void test_json_strings_are_escaped_and_literals_typed(void **state)
{
	static const char *const hs[] = {"s", "q", "b", "c", "n", "u", "v", "e", "num", "en", "nul", "t", "f", "m"};
	static const char *const hl[] = {
		"a key long enough not to fit one slot of 32 bytes", "q", "b", "c", "n", "u", "v", "e", "num",
		"en", "nul", "t", "f", "another very long key, again past 32 bytes \"quoted\""};
	static const char *const c[] = {"hello", "a\"b", "a\\b", "a\x01z\x1f", "l1\nl2", "x\xE2\x80\xA8y",
	                                "\xE2\x80\xA9", "", "-12.5e3", "", "", "true", "no", "\xE4\xB8\xAD \xE2\x80\xA6"};
	static const unsigned char ty[] = {RS_T_STRING, RS_T_STRING, RS_T_STRING, RS_T_STRING, RS_T_STRING,
	                                   RS_T_STRING, RS_T_STRING, RS_T_STRING, RS_T_NUMBER, RS_T_NUMBER,
	                                   RS_T_NULL, RS_T_BOOL, RS_T_BOOL, RS_T_STRING};
	enum { NC = 14 };
	const char *want_tail = "\"q\":\"a\\\"b\",\"b\":\"a\\\\b\",\"c\":\"a\\u0001z\\u001f\",\"n\":\"l1\\nl2\","
	                        "\"u\":\"x\\u2028y\",\"v\":\"\\u2029\",\"e\":\"\",\"num\":-12.5e3,\"en\":null,"
	                        "\"nul\":null,\"t\":true,\"f\":false,";
	char want[1024];

	(void)state;
	(void)snprintf(want, sizeof want, "{\"s\":\"hello\",%s\"m\":\"%s\"}\n", want_tail, c[13]);
	EXPECT(write_all(opts(RS_FMT_JSONL), NC, hs, ty, 1, c), want);
	(void)snprintf(want, sizeof want,
	               "{\"a key long enough not to fit one slot of 32 bytes\":\"hello\",%s"
	               "\"another very long key, again past 32 bytes \\\"quoted\\\"\":\"%s\"}\n",
	               want_tail, c[13]);
	EXPECT(write_all(opts(RS_FMT_JSONL), NC, hl, ty, 1, c), want);
	/* no types: all strings */
	EXPECT(write_all(opts(RS_FMT_JSONL), 3, hs, NULL, 1, (const char *const[]){"x", "", "1\""}),
	       "{\"s\":\"x\",\"q\":\"\",\"b\":\"1\\\"\"}\n");
}

/* A key is encoded once into the output buffer's room (6 bytes a byte at
 * worst): a longer column name is refused, naming the column, for JSON and
 * JSON Lines; CSV takes it. */
static void test_json_column_name_too_long_for_a_key_is_refused(void **state)
{
	static char name[50001];
	const char *h[2] = {"id", name};
	rs_format f[] = {RS_FMT_JSON, RS_FMT_JSONL};
	rs_write_opts o;
	rs_writer *w = NULL;
	rs_error err;
	trow t;
	size_t i;
	FILE *fp = tmpfile();

	(void)state;
	assert_non_null(fp);
	memset(name, 'n', sizeof name - 1);
	for (i = 0; i < 2; i++) {
		o = opts(f[i]);
		rs_error_clear(&err);
		assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_ELIMIT);
		assert_null(w);
		assert_string_equal(err.msg, "column name 2 is too long for JSON output");
	}
	o = opts(RS_FMT_CSV);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
	rs_writer_free(w);
	fclose(fp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quotes_delimiter_quote_newline_and_edge_spaces),
		cmocka_unit_test(test_csv_neutralises_formula_cells_but_keeps_plain_numbers),
		cmocka_unit_test(test_csv_neutralises_tab_cr_and_fullwidth_signs),
		cmocka_unit_test(test_csv_raw_mode_leaves_formula_cells),
		cmocka_unit_test(test_csv_header_cells_are_neutralised),
		cmocka_unit_test(test_csv_typed_cells_are_never_neutralised),
		cmocka_unit_test(test_csv_excel_writes_bom_and_crlf),
		cmocka_unit_test(test_csv_single_empty_cell_is_written_as_empty_quotes),
		cmocka_unit_test(test_tsv_quotes_tabs_not_commas),
		cmocka_unit_test(test_csv_and_tsv_quote_a_special_byte_at_any_position),
		cmocka_unit_test(test_csv_cell_larger_than_the_output_buffer_survives),
		cmocka_unit_test(test_csv_semicolon_delimiter_quotes_semicolons_not_commas),
		cmocka_unit_test(test_cells_needing_quotes_get_them_in_csv_tsv_and_excel),
		cmocka_unit_test(test_json_keeps_types_and_escapes_strings),
		cmocka_unit_test(test_json_text_cells_are_written_as_json),
		cmocka_unit_test(test_json_escapes_a_special_piece_at_any_position),
		cmocka_unit_test(test_json_escapes_keys),
		cmocka_unit_test(test_json_names_unnamed_columns_by_position),
		cmocka_unit_test(test_json_unnamed_key_never_twins_a_named_column),
		cmocka_unit_test(test_json_empty_result_is_empty_array),
		cmocka_unit_test(test_jsonl_writes_one_object_per_line),
		cmocka_unit_test(test_json_strings_round_trip_through_cjson),
		cmocka_unit_test(test_json_strings_are_escaped_and_literals_typed),
		cmocka_unit_test(test_json_str_into_a_buffer_escapes_as_rows_do),
		cmocka_unit_test(test_json_column_name_too_long_for_a_key_is_refused),
		cmocka_unit_test(test_table_aligns_chinese_text_by_display_width),
		cmocka_unit_test(test_table_right_aligns_numbers_and_their_header),
		cmocka_unit_test(test_table_cuts_long_text_with_ellipsis_at_character_boundary),
		cmocka_unit_test(test_table_shows_newlines_tabs_and_escapes_as_spaces),
		cmocka_unit_test(test_table_prints_rows_after_the_first_1000_with_same_widths),
		cmocka_unit_test(test_table_shows_only_selected_columns),
		cmocka_unit_test(test_table_column_out_of_range_is_usage_error),
		cmocka_unit_test(test_table_fit_narrows_the_widest_text_first),
		cmocka_unit_test(test_table_fit_leaves_out_columns_from_the_right),
		cmocka_unit_test(test_table_fit_leaves_out_the_lowest_rank_first),
		cmocka_unit_test(test_table_fit_changes_nothing_without_limit_or_when_it_fits),
		cmocka_unit_test(test_table_fits_its_width_cutting_text_but_never_numbers),
		cmocka_unit_test(test_table_whole_rank_is_never_narrowed),
		cmocka_unit_test(test_table_whole_rank_is_cut_only_past_60_columns),
		cmocka_unit_test(test_table_rows_after_the_first_1000_keep_the_fitted_columns),
		cmocka_unit_test(test_write_to_full_device_is_eio_at_finish),
		cmocka_unit_test(test_write_error_during_rows_sticks_to_every_later_call),
		cmocka_unit_test(test_row_with_wrong_cell_count_is_usage_error),
		cmocka_unit_test(test_ragged_csv_takes_rows_of_any_length_but_json_does_not),
		cmocka_unit_test(test_csv_and_json_rows_do_not_allocate),
		cmocka_unit_test(test_every_allocation_failure_is_enomem_without_leaks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
