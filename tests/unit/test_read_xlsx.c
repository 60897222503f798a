/*
 * test_read_xlsx.c - the workbook reader. read_xlsx.c is compiled in here
 * with a small shared-strings cap; the workbooks read are written by
 * libxlsxwriter in its normal mode (shared strings, number formats), an
 * independent writer; openpyxl's and hand-written ones are in the e2e
 * script xlsx_read.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include <cmocka.h>

#define RS_XLSX_MAX_SHARED ((size_t)4096)
#include "../../src/read_xlsx.c"

/* ------------------------------------------------ references, paths */

static void test_cell_references_give_column_indexes(void **state)
{
	(void)state;
	assert_int_equal(ref_col("A1"), 0);
	assert_int_equal(ref_col("Z9"), 25);
	assert_int_equal(ref_col("AA3"), 26);
	assert_int_equal(ref_col("XFD1048576"), 16383);
	assert_int_equal(ref_col("1"), -1);
	assert_int_equal(ref_col(NULL), -1);
}

static void expect_path(const char *target, const char *want)
{
	char out[256];

	set_path(out, sizeof out, target);
	assert_string_equal(out, want);
}

static void test_relationship_targets_resolve_to_archive_paths(void **state)
{
	(void)state;
	expect_path("worksheets/sheet1.xml", "xl/worksheets/sheet1.xml");
	expect_path("/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml");
	expect_path("../xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml");
	expect_path("./styles.xml", "xl/styles.xml");
	expect_path("worksheets/../worksheets//data.xml", "xl/worksheets/data.xml");
	expect_path("../../x.xml", "x.xml");
}

/* ------------------------------------------------------- workbooks */

typedef struct got {
	size_t rows;
	char header[8][32];
	size_t nheader;
	char text[16][8][48];
	unsigned char type[16][8];
	size_t n[16];
	unsigned long line[16];
	char reject[16][96];
} got;

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	got *g = ctx;
	size_t i;

	(void)err;
	g->nheader = h->n;
	for (i = 0; i < h->n && i < 8; i++)
		(void)snprintf(g->header[i], sizeof g->header[i], "%s", h->cell[i]);
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *r, rs_error *err)
{
	got *g = ctx;
	size_t i, k = g->rows++;

	(void)err;
	assert_true(k < 16);
	g->n[k] = r->n;
	g->line[k] = r->line;
	(void)snprintf(g->reject[k], sizeof g->reject[k], "%s", r->reject ? r->reject : "");
	for (i = 0; i < r->n && i < 8; i++) {
		(void)snprintf(g->text[k][i], sizeof g->text[k][i], "%s", r->cell[i]);
		g->type[k][i] = r->type ? r->type[i] : RS_T_STRING;
		assert_int_equal(strlen(r->cell[i]), r->len[i]);
	}
	return RS_OK;
}

static rs_status read_book(const char *path, const char *sheet, size_t max_columns, got *g,
                           rs_error *err)
{
	FILE *fp = fopen(path, "rb");
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_status st;

	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(g, 0, sizeof *g);
	o.sheet = sheet;
	o.max_columns = max_columns;
	rs_error_clear(err);
	st = rs_reader_open(&r, fp, path, &o, err);
	if (st == RS_OK)
		st = rs_reader_run(r, on_header, on_row, g, err);
	rs_reader_free(r);
	(void)fclose(fp);
	return st;
}

static char g_path[64];

static lxw_workbook *book(void)
{
	int fd;

	strcpy(g_path, "/tmp/relstage-rx.XXXXXX");
	fd = mkstemp(g_path);
	assert_true(fd >= 0);
	(void)close(fd);
	return workbook_new(g_path);
}

static void test_a_workbook_reads_as_excel_shows_it(void **state)
{
	lxw_workbook *wb = book();
	lxw_worksheet *ws = workbook_add_worksheet(wb, "客户");
	lxw_format *pct = workbook_add_format(wb), *date = workbook_add_format(wb);
	lxw_datetime d = {2024, 3, 1, 9, 30, 0};
	rs_error err;
	got g;

	(void)state;
	format_set_num_format(pct, "0%");
	format_set_num_format(date, "yyyy-mm-dd hh:mm:ss");
	worksheet_write_string(ws, 1, 0, "id", NULL); /* the header: row 2 */
	worksheet_write_string(ws, 1, 1, "share", NULL);
	worksheet_write_string(ws, 1, 2, "since", NULL);
	worksheet_write_string(ws, 1, 3, "key", NULL);
	worksheet_write_string(ws, 1, 4, "sum", NULL);
	worksheet_write_string(ws, 1, 5, "note", NULL);
	worksheet_write_string(ws, 2, 0, "华为", NULL);
	worksheet_write_number(ws, 2, 1, 0.85, pct);
	worksheet_write_datetime(ws, 2, 2, &d, date);
	worksheet_write_boolean(ws, 2, 3, 1, NULL);
	worksheet_write_formula_num(ws, 2, 4, "=1+1", NULL, 2);
	worksheet_write_string(ws, 2, 5, "=HYPERLINK(\"x\")", NULL);
	worksheet_write_number(ws, 4, 0, 1234.5, NULL); /* row 5; row 4 has no values */
	worksheet_write_boolean(ws, 4, 3, 0, NULL);
	worksheet_write_blank(ws, 5, 0, pct); /* styled, no value: no row */
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(read_book(g_path, NULL, 0, &g, &err), RS_OK);
	assert_int_equal(g.nheader, 6);
	assert_string_equal(g.header[2], "since");
	assert_int_equal(g.rows, 2);
	assert_int_equal(g.line[0], 3);
	assert_string_equal(g.text[0][0], "华为");
	assert_string_equal(g.text[0][1], "85%");
	assert_int_equal(g.type[0][1], RS_T_STRING);
	assert_string_equal(g.text[0][2], "2024-03-01 09:30:00");
	assert_string_equal(g.text[0][3], "true");
	assert_int_equal(g.type[0][3], RS_T_BOOL);
	assert_string_equal(g.text[0][4], "2");
	assert_int_equal(g.type[0][4], RS_T_NUMBER);
	assert_string_equal(g.text[0][5], "=HYPERLINK(\"x\")");
	assert_int_equal(g.line[1], 5);
	assert_int_equal(g.n[1], 6); /* padded to the header */
	assert_string_equal(g.text[1][0], "1234.5");
	assert_int_equal(g.type[1][0], RS_T_NUMBER);
	assert_string_equal(g.text[1][1], "");
	assert_string_equal(g.text[1][3], "false");
	assert_string_equal(g.reject[1], "");
	(void)unlink(g_path);
}

/* The header may be a later row (title rows above it): a row's width is the
 * classifier's to judge, so a wider row comes through as read. */
static void test_rows_wider_than_the_first_come_through_and_wide_headers_refused(void **state)
{
	lxw_workbook *wb = book();
	lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
	rs_error err;
	got g;

	(void)state;
	worksheet_write_string(ws, 0, 0, "id", NULL);
	worksheet_write_string(ws, 0, 1, "share", NULL);
	worksheet_write_string(ws, 1, 0, "A", NULL);
	worksheet_write_string(ws, 1, 3, "stray", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(read_book(g_path, NULL, 0, &g, &err), RS_OK);
	assert_int_equal(g.rows, 1);
	assert_string_equal(g.reject[0], ""); /* the classifier says "row has 4 fields" */
	assert_int_equal(read_book(g_path, NULL, 1, &g, &err), RS_ELIMIT);
	assert_non_null(strstr(err.msg, "the header has more than 1 columns"));
	assert_string_equal(err.file, g_path);
	(void)unlink(g_path);
}

/* "NAME 2" goes on from "NAME" only when NAME is full (row 1,048,576
 * used, as relstage's writer leaves it) and it repeats the header; the run
 * names the sheets it read and a "NAME 2" it did not. */
static void test_sheets_by_name_and_continuations_only_after_a_full_sheet(void **state)
{
	lxw_workbook *wb = book();
	const char *names[] = {"Notes", "Data", "Data 2", "Data 3", "Data 4", "Old", "Old 2"};
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_error err;
	const char *left, *full;
	char list[64];
	FILE *fp;
	got g;
	int i;

	(void)state;
	for (i = 0; i < 7; i++) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, names[i]);

		worksheet_write_string(ws, 0, 0, i == 4 ? "other" : "id", NULL);
		worksheet_write_string(ws, 1, 0, names[i], NULL);
		if (i == 1 || i == 2) /* Data and Data 2 are full */
			worksheet_write_string(ws, RS_XLSX_SHEET_ROWS, 0, "last", NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	/* Data, Data 2, Data 3; Data 4 starts with another header: not read */
	assert_int_equal(read_book(g_path, "Data", 0, &g, &err), RS_OK);
	assert_int_equal(g.rows, 5);
	assert_string_equal(g.text[4][0], "Data 3");
	assert_int_equal(read_book(g_path, NULL, 0, &g, &err), RS_OK);
	assert_int_equal(g.rows, 1);
	assert_string_equal(g.text[0][0], "Notes");
	/* Old is not full: Old 2 (last year's list, say) is not read */
	assert_int_equal(read_book(g_path, "Old", 0, &g, &err), RS_OK);
	assert_int_equal(g.rows, 1);
	memset(&o, 0, sizeof o);
	for (i = 0; i < 3; i++) { /* Data 2 alone: full, with nothing after it */
		o.sheet = i == 0 ? "Data" : i == 1 ? "Old" : "Data 2";
		assert_non_null(fp = fopen(g_path, "rb"));
		assert_int_equal(rs_reader_open(&r, fp, g_path, &o, &err), RS_OK);
		assert_int_equal(rs_reader_run(r, on_header, on_row, &g, &err), RS_OK);
		left = rs_reader_sheets(r, list, sizeof list, &full);
		assert_string_equal(left != NULL ? left : "", i == 0 ? "Data 4" : i == 1 ? "Old 2" : "");
		assert_string_equal(list, i == 0 ? "\"Data\", \"Data 2\", \"Data 3\"" : "");
		assert_string_equal(full != NULL ? full : "", i == 2 ? "Data 2" : "");
		rs_reader_free(r);
		(void)fclose(fp);
		memset(&g, 0, sizeof g);
	}
	(void)unlink(g_path);
}

/* --sheet matches as Excel does, which forbids names differing only in
 * case: the exact name first, then ASCII and full-width letters either case. */
static void test_sheet_names_match_regardless_of_case(void **state)
{
	lxw_workbook *wb = book();
	const char *names[] = {"Notes", "Data", "ＱＵＡＲＴＥＲ", "Été"};
	rs_error err;
	got g;
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, names[i]);

		worksheet_write_string(ws, 0, 0, "id", NULL);
		worksheet_write_string(ws, 1, 0, names[i], NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(read_book(g_path, "dATA", 0, &g, &err), RS_OK);
	assert_string_equal(g.text[0][0], "Data");
	assert_int_equal(read_book(g_path, "ｑｕａｒｔｅｒ", 0, &g, &err), RS_OK);
	assert_string_equal(g.text[0][0], "ＱＵＡＲＴＥＲ");
	assert_int_equal(read_book(g_path, "QUARTER", 0, &g, &err), RS_EUSAGE); /* width counts */
	assert_int_equal(read_book(g_path, "été", 0, &g, &err), RS_EUSAGE);     /* ASCII only */
	assert_int_equal(read_book(g_path, "Dat", 0, &g, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "no sheet \"Dat\"; the workbook has \"Notes\", \"Data\""));
	(void)unlink(g_path);
}

/* For a header not found: the sheet read, and the others to choose from. */
static void test_the_sheet_hint_names_the_sheet_read_and_the_others(void **state)
{
	lxw_workbook *wb = book();
	const char *names[] = {"Summary", "Data", "Data 2", "Notes"};
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_error err;
	char hint[200];
	FILE *fp;
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		worksheet_write_string(workbook_add_worksheet(wb, names[i]), 0, 0, "id", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	memset(&o, 0, sizeof o);
	o.sheet = "Data";
	assert_non_null(fp = fopen(g_path, "rb"));
	assert_int_equal(rs_reader_open(&r, fp, g_path, &o, &err), RS_OK);
	rs_reader_sheet_hint(r, hint, sizeof hint); /* Data 2 is to be read with Data */
	assert_string_equal(hint, " (read sheet \"Data\"; the workbook also has \"Summary\", \"Notes\": "
	                          "choose one with --sheet NAME)");
	rs_reader_sheet_hint(r, hint, 95); /* no room for every name: "..." */
	assert_string_equal(hint, " (read sheet \"Data\"; the workbook also has \"Summary\", ...: choose "
	                          "one with --sheet NAME)");
	rs_reader_free(r);
	(void)fclose(fp);
	o.lang = RS_LANG_ZH; /* in the run's language */
	assert_non_null(fp = fopen(g_path, "rb"));
	assert_int_equal(rs_reader_open(&r, fp, g_path, &o, &err), RS_OK);
	rs_reader_sheet_hint(r, hint, sizeof hint);
	assert_string_equal(hint, "（读取的是工作表 \"Data\"；该工作簿中还有 \"Summary\", \"Notes\"："
	                          "请用 --sheet NAME 选择）");
	rs_reader_free(r);
	(void)fclose(fp);
	(void)unlink(g_path);
}

static void test_the_first_sheet_read_is_the_first_not_hidden(void **state)
{
	lxw_workbook *wb = book();
	lxw_worksheet *hidden = workbook_add_worksheet(wb, "lookup");
	lxw_worksheet *data = workbook_add_worksheet(wb, "Data");
	rs_error err;
	got g;

	(void)state;
	worksheet_write_string(hidden, 0, 0, "code", NULL);
	worksheet_write_string(data, 0, 0, "id", NULL);
	worksheet_write_string(data, 1, 0, "A1", NULL);
	worksheet_activate(data);
	worksheet_hide(hidden);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(read_book(g_path, NULL, 0, &g, &err), RS_OK);
	assert_string_equal(g.header[0], "id");
	assert_int_equal(read_book(g_path, "lookup", 0, &g, &err), RS_OK); /* by name: yes */
	assert_string_equal(g.header[0], "code");
	(void)unlink(g_path);
}

/* A chart sheet in front of the data (a report's chart tab, also where Excel
 * opens) holds no cells: the first worksheet shown is read. */
static void test_a_chart_sheet_in_front_is_passed_over(void **state)
{
	lxw_workbook *wb = book();
	lxw_chartsheet *cs = workbook_add_chartsheet(wb, "Share chart");
	lxw_worksheet *data = workbook_add_worksheet(wb, "Data");
	lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
	rs_error err;
	got g;

	(void)state;
	worksheet_write_string(data, 0, 0, "id", NULL);
	worksheet_write_string(data, 1, 0, "A1", NULL);
	chart_add_series(chart, NULL, "=Data!$A$2:$A$2");
	assert_int_equal(chartsheet_set_chart(cs, chart), LXW_NO_ERROR);
	chartsheet_activate(cs);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(read_book(g_path, NULL, 0, &g, &err), RS_OK);
	assert_string_equal(g.header[0], "id");
	assert_int_equal(g.rows, 1);
	(void)unlink(g_path);
}

static void test_a_record_past_the_record_limit_stops_the_run(void **state)
{
	lxw_workbook *wb = book();
	lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
	FILE *fp;
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_error err;
	char cell[1001];
	got g;
	int i;

	(void)state;
	memset(cell, 'x', 1000);
	cell[1000] = '\0';
	worksheet_write_string(ws, 0, 0, "id", NULL);
	for (i = 0; i < 20; i++)
		worksheet_write_string(ws, 1, (lxw_col_t)i, cell, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	memset(&o, 0, sizeof o);
	memset(&g, 0, sizeof g);
	o.max_record = 10000;
	rs_error_clear(&err);
	assert_non_null(fp = fopen(g_path, "rb"));
	assert_int_equal(rs_reader_open(&r, fp, g_path, &o, &err), RS_OK);
	assert_int_equal(rs_reader_run(r, on_header, on_row, &g, &err), RS_ELIMIT);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "record is longer than the limit of 10000 bytes"));
	rs_reader_free(r);
	(void)fclose(fp);
	(void)unlink(g_path);
}

static void test_shared_strings_past_the_cap_stop_with_a_clear_error(void **state)
{
	lxw_workbook *wb = book();
	lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
	char text[64];
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_error err;
	FILE *fp;
	got g;
	int i;

	(void)state;
	worksheet_write_string(ws, 0, 0, "id", NULL);
	for (i = 1; i < 200; i++) {
		(void)snprintf(text, sizeof text, "a distinct customer name number %d", i);
		worksheet_write_string(ws, (lxw_row_t)i, 0, text, NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_int_equal(read_book(g_path, NULL, 0, &g, &err), RS_ELIMIT);
	assert_non_null(strstr(err.msg, "shared strings pass 0 MiB, which relstage holds in memory"));
	assert_non_null(strstr(err.msg, "save the sheet as CSV"));
	assert_non_null(fp = fopen(g_path, "rb")); /* and in Chinese, when the error's language is */
	memset(&o, 0, sizeof o);
	rs_error_clear(&err);
	err.lang = RS_LANG_ZH;
	assert_int_equal(rs_reader_open(&r, fp, g_path, &o, &err), RS_ELIMIT); /* read on opening */
	assert_string_equal(err.msg, "该工作簿的共享字符串超过 0 MiB（relstage 要把它们全部放在内存中）；"
	                             "请把工作表另存为 CSV 再分类");
	rs_reader_free(r);
	(void)fclose(fp);
	(void)unlink(g_path);
}

static void test_what_is_not_a_workbook_says_what_it_is(void **state)
{
	FILE *fp = tmpfile();
	bool is = true;
	rs_error err;

	(void)state;
	rs_error_clear(&err);
	fputs("id,share\n1,5\n", fp);
	rewind(fp);
	assert_int_equal(rs_xlsx_detect(fp, RS_FMT_AUTO, &is, &err), RS_OK);
	assert_false(is);
	assert_int_equal(ftell(fp), 0); /* nothing consumed */
	assert_int_equal(rs_xlsx_detect(fp, RS_FMT_XLSX, &is, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "not an .xlsx workbook"));
	assert_int_equal(rs_xlsx_detect(fp, RS_FMT_CSV, &is, &err), RS_OK);
	rewind(fp);
	fwrite("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xx", 1, 10, fp);
	rewind(fp);
	assert_int_equal(rs_xlsx_detect(fp, RS_FMT_AUTO, &is, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "Excel 97-2003"));
	rewind(fp);
	fwrite("PK\003\004", 1, 4, fp);
	rewind(fp);
	assert_int_equal(rs_xlsx_detect(fp, RS_FMT_AUTO, &is, &err), RS_OK);
	assert_true(is);
	rewind(fp); /* an OpenDocument spreadsheet: a zip whose first member is "mimetype" */
	fwrite("PK\003\004\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0"
	       "mimetypeapplication/vnd.oasis.opendocument.spreadsheet", 1, 84, fp);
	rewind(fp);
	assert_int_equal(rs_xlsx_detect(fp, RS_FMT_AUTO, &is, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "OpenDocument spreadsheet (.ods)"));
	assert_int_equal(ftell(fp), 0);
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

static void test_every_allocation_failure_of_ours_is_enomem_without_leaks(void **state)
{
	const rs_alloc_hooks hooks = {failing_malloc, failing_realloc, free};
	lxw_workbook *wb = book();
	lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
	lxw_format *pct = workbook_add_format(wb);
	rs_error err;
	rs_status st;
	got g;
	size_t k;

	(void)state;
	format_set_num_format(pct, "0.0%");
	worksheet_write_string(ws, 0, 0, "id", NULL);
	worksheet_write_string(ws, 0, 1, "share", NULL);
	worksheet_write_string(ws, 1, 0, "A", NULL);
	worksheet_write_number(ws, 1, 1, 0.5, pct);
	for (k = 2; k < 40; k++) /* wider than the row's first arrays: they grow */
		worksheet_write_number(ws, 0, (lxw_col_t)k, (double)k, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	for (k = 0;; k++) {
		fail_after = k;
		rs_set_alloc_hooks(&hooks);
		st = read_book(g_path, NULL, 0, &g, &err);
		rs_set_alloc_hooks(NULL);
		if (st == RS_OK)
			break;
		assert_int_equal(st, RS_ENOMEM);
	}
	assert_true(k > 10);
	assert_string_equal(g.text[0][1], "50%");
	(void)unlink(g_path);
}

/* One list per region or rep, each on a sheet with the same header: the
 * others are named, since their accounts are not read (before: in silence).
 * Not a hidden sheet, one that starts otherwise, one named as a
 * continuation ("Data 2", said as such), nor any when --sheet chose one. */
static const char *same_sheet(const char *sheet, const char **first, size_t *others, rs_status *st)
{
	static char name[32], read[32];
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_error err;
	const char *same;
	FILE *fp = fopen(g_path, "rb");
	got g;

	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(&g, 0, sizeof g);
	o.sheet = sheet;
	rs_error_clear(&err);
	*st = rs_reader_open(&r, fp, g_path, &o, &err);
	if (*st == RS_OK)
		*st = rs_reader_run(r, on_header, on_row, &g, &err);
	same = rs_reader_same_sheet(r, first, others);
	(void)snprintf(name, sizeof name, "%s", same != NULL ? same : "");
	(void)snprintf(read, sizeof read, "%s", *first != NULL ? *first : "");
	*first = read; /* the reader's, freed below */
	rs_reader_free(r);
	(void)fclose(fp);
	return name;
}

static void test_other_sheets_that_start_as_the_one_read_are_named(void **state)
{
	const rs_alloc_hooks hooks = {failing_malloc, failing_realloc, free};
	const char *names[] = {"华东", "Notes", "华北", "Old", "华南"}, *first;
	lxw_workbook *wb = book();
	size_t others, k;
	rs_status st;
	int i;

	(void)state;
	for (i = 0; i < 5; i++) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, names[i]);

		worksheet_write_string(ws, 0, 0, i == 1 ? "note" : "客户编号", NULL);
		worksheet_write_string(ws, 0, 1, "采购份额", NULL);
		worksheet_write_string(ws, 1, 0, names[i], NULL);
		worksheet_write_number(ws, 1, 1, 60, NULL);
		if (i == 3)
			worksheet_hide(ws);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_string_equal(same_sheet(NULL, &first, &others, &st), "华北");
	assert_int_equal(st, RS_OK);
	assert_int_equal(others, 2); /* 华北 and 华南; not Notes, nor the hidden Old */
	assert_string_equal(first, "华东");
	assert_string_equal(same_sheet("华北", &first, &others, &st), "");
	assert_int_equal(others, 0);
	for (k = 0;; k++) { /* out of memory while looking: said as such */
		fail_after = k;
		rs_set_alloc_hooks(&hooks);
		(void)same_sheet(NULL, &first, &others, &st);
		rs_set_alloc_hooks(NULL);
		if (st == RS_OK)
			break;
		assert_int_equal(st, RS_ENOMEM);
	}
	assert_int_equal(others, 2);
	(void)unlink(g_path);

	wb = book(); /* Data 2 after a sheet not full: named as such, not twice */
	for (i = 0; i < 2; i++) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, i == 0 ? "Data" : "Data 2");

		worksheet_write_string(ws, 0, 0, "id", NULL);
		worksheet_write_string(ws, 1, 0, "A", NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	assert_string_equal(same_sheet(NULL, &first, &others, &st), "");
	assert_int_equal(others, 0);
	(void)unlink(g_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_references_give_column_indexes),
		cmocka_unit_test(test_relationship_targets_resolve_to_archive_paths),
		cmocka_unit_test(test_a_workbook_reads_as_excel_shows_it),
		cmocka_unit_test(test_rows_wider_than_the_first_come_through_and_wide_headers_refused),
		cmocka_unit_test(test_sheets_by_name_and_continuations_only_after_a_full_sheet),
		cmocka_unit_test(test_sheet_names_match_regardless_of_case),
		cmocka_unit_test(test_the_sheet_hint_names_the_sheet_read_and_the_others),
		cmocka_unit_test(test_the_first_sheet_read_is_the_first_not_hidden),
		cmocka_unit_test(test_a_chart_sheet_in_front_is_passed_over),
		cmocka_unit_test(test_a_record_past_the_record_limit_stops_the_run),
		cmocka_unit_test(test_shared_strings_past_the_cap_stop_with_a_clear_error),
		cmocka_unit_test(test_what_is_not_a_workbook_says_what_it_is),
		cmocka_unit_test(test_every_allocation_failure_of_ours_is_enomem_without_leaks),
		cmocka_unit_test(test_other_sheets_that_start_as_the_one_read_are_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
