/*
 * test_write_xlsx.c - the workbook writer. write_xlsx.c is compiled in here
 * with sheets of 5 rows, so a few rows show the continuation sheets; the
 * workbooks are read back with relstage's own reader (the e2e scripts use
 * openpyxl, an independent one).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define RS_XLSX_SHEET_ROWS 5UL
#include "../../src/write_xlsx.c"

#define MAXC 8

typedef struct trow {
	const char *cell[MAXC];
	size_t len[MAXC];
	unsigned char type[MAXC];
	rs_row row;
} trow;

static const rs_row *mkrow(trow *t, size_t n, const char *const *cells, const unsigned char *types)
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
	t->row.line = 1;
	return &t->row;
}

/* ------------------------------------------------- reading back */

typedef struct got {
	size_t rows;
	char text[64][MAXC][48];
	unsigned char type[64][MAXC];
	size_t n[64];
	char header[MAXC][48];
} got;

static void keep(got *g, const rs_row *r, bool header)
{
	size_t i, k = header ? 0 : g->rows++;

	assert_true(k < 64);
	for (i = 0; i < r->n && i < MAXC; i++) {
		char *dst = header ? g->header[i] : g->text[k][i];

		(void)snprintf(dst, 48, "%s", r->cell[i]);
		if (!header)
			g->type[k][i] = r->type ? r->type[i] : RS_T_STRING;
	}
	if (!header)
		g->n[k] = r->n;
}

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)err;
	keep(ctx, h, true);
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *r, rs_error *err)
{
	(void)err;
	keep(ctx, r, false);
	return RS_OK;
}

/* Sheet `name` of the workbook in fp (from its start), with what follows it. */
static rs_status read_back(FILE *fp, const char *name, got *g)
{
	rs_read_opts o;
	rs_reader *r = NULL;
	rs_error err;
	rs_status st;

	memset(&o, 0, sizeof o);
	memset(g, 0, sizeof *g);
	o.sheet = name;
	rs_error_clear(&err);
	rewind(fp);
	st = rs_reader_open(&r, fp, "t.xlsx", &o, &err);
	if (st == RS_OK)
		st = rs_reader_run(r, on_header, on_row, g, &err);
	rs_reader_free(r);
	return st;
}

static rs_rules *g_rules;

static rs_write_opts xopts(void)
{
	rs_write_opts o;

	memset(&o, 0, sizeof o);
	o.format = RS_FMT_XLSX;
	o.rules = g_rules;
	return o;
}

/* ------------------------------------------------------------ tests */

static void test_plain_numbers_and_percentages_become_numbers(void **state)
{
	double v = 0;
	int pct = -1;

	(void)state;
	assert_true(plain_number("85", 2, &v, &pct) && v == 85 && pct == 0);
	assert_true(plain_number("-0.5", 4, &v, &pct) && v == -0.5);
	assert_true(plain_number("1e3", 3, &v, &pct) && v == 1000);
	assert_true(plain_number("12.5%", 5, &v, &pct) && v == 0.125 && pct == 2);
	assert_true(plain_number("86%", 3, &v, &pct) && v == 0.86 && pct == 1);
	assert_true(plain_number("0", 1, &v, &pct) && v == 0);
	assert_false(plain_number("007", 3, &v, &pct));    /* an id-like text */
	assert_false(plain_number("1,200", 5, &v, &pct));  /* stays text as read */
	assert_false(plain_number("¥300", 5, &v, &pct));
	assert_false(plain_number("", 0, &v, &pct));
	assert_false(plain_number("%", 1, &v, &pct));
	assert_false(plain_number("inf", 3, &v, &pct));
	assert_false(plain_number("1e999", 5, &v, &pct));
	assert_false(plain_number("=1+1", 4, &v, &pct));
	/* more digits than Excel keeps (15) stay text, as written */
	assert_true(plain_number("123456789012345", 15, &v, &pct) && v == 123456789012345.0);
	assert_true(plain_number("-0.000123456789012345", 21, &v, &pct));
	assert_false(plain_number("1234567890123456", 16, &v, &pct));
	assert_false(plain_number("12345678901234567890", 20, &v, &pct));
	assert_false(plain_number("1.234567890123456e3", 19, &v, &pct));
}

static void test_number_columns_hold_numbers_and_others_text_as_read(void **state)
{
	const char *h[] = {"id", "share", "note"};
	const unsigned char ht[] = {RS_T_STRING, RS_T_NUMBER, RS_T_STRING};
	const char *rows[][3] = {{"007", "85", "12"}, {"=SUM(A1)", "12.5%", "+1"}, {"x", "n/a", ""}};
	rs_write_opts o = xopts();
	FILE *fp = tmpfile();
	rs_writer *w = NULL;
	rs_error err;
	trow t, th;
	got g;
	size_t r;

	(void)state;
	rs_error_clear(&err);
	mkrow(&th, 3, h, NULL);
	th.row.type = ht;
	assert_int_equal(rs_writer_new(&w, fp, &o, &th.row, &err), RS_OK);
	for (r = 0; r < 3; r++)
		assert_int_equal(rs_writer_row(w, mkrow(&t, 3, rows[r], NULL), &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
	rs_writer_free(w);
	assert_int_equal(read_back(fp, NULL, &g), RS_OK);
	assert_string_equal(g.header[1], "share");
	assert_int_equal(g.rows, 3);
	assert_string_equal(g.text[0][0], "007");
	assert_int_equal(g.type[0][0], RS_T_STRING);
	assert_string_equal(g.text[0][1], "85");
	assert_int_equal(g.type[0][1], RS_T_NUMBER);
	assert_string_equal(g.text[0][2], "12"); /* not a number column */
	assert_int_equal(g.type[0][2], RS_T_STRING);
	assert_string_equal(g.text[1][0], "=SUM(A1)");
	assert_int_equal(g.type[1][0], RS_T_STRING);
	assert_string_equal(g.text[1][1], "12.5%"); /* a number in a percent format */
	assert_string_equal(g.text[2][1], "n/a");
	assert_string_equal(g.text[2][2], "");
	(void)fclose(fp);
}

/* Text that looks like Excel's escapes ("_x0041_", which Excel and
 * LibreOffice show as "A") and U+FFFE/U+FFFF (which XML cannot hold: the
 * workbook would not open, and LibreOffice dropped the rest of the sheet)
 * come back exactly as written. */
static void test_text_like_escapes_and_xml_nonchars_come_back_as_written(void **state)
{
	const char *h[] = {"id", "note"};
	const char *rows[][2] = {{"_x0041_", "a_x005F_b"}, {"a\xEF\xBF\xBF" "b", "\xEF\xBF\xBE_x00e9_"}};
	rs_write_opts o = xopts();
	FILE *fp = tmpfile();
	rs_writer *w = NULL;
	rs_error err;
	trow t;
	got g;
	size_t r, i;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
	for (r = 0; r < 2; r++)
		assert_int_equal(rs_writer_row(w, mkrow(&t, 2, rows[r], NULL), &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
	rs_writer_free(w);
	assert_int_equal(read_back(fp, NULL, &g), RS_OK);
	assert_int_equal(g.rows, 2);
	for (r = 0; r < 2; r++)
		for (i = 0; i < 2; i++)
			assert_string_equal(g.text[r][i], rows[r][i]);
	(void)fclose(fp);
}

static void test_rows_past_a_sheet_go_on_in_accounts_2_and_the_summary_says_so(void **state)
{
	const char *h[] = {"id", "stage"};
	rs_write_opts o = xopts();
	FILE *fp = tmpfile();
	rs_writer *w = NULL;
	rs_stats st;
	rs_error err;
	char id[16];
	trow t;
	got g;
	size_t r;
	bool noted = false;

	(void)state;
	memset(&st, 0, sizeof st);
	st.read = st.classified = 12;
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
	for (r = 0; r < 12; r++) {
		const char *c[] = {id, "stable"};

		(void)snprintf(id, sizeof id, "A%02zu", r);
		assert_int_equal(rs_writer_row(w, mkrow(&t, 2, c, NULL), &err), RS_OK);
	}
	assert_int_equal(rs_writer_finish(w, &st, &err), RS_OK);
	rs_writer_free(w);
	/* Accounts, then "Accounts 2" and "Accounts 3" (the reader, built with
	 * Excel's sheet size, reads them as one list: test_read_xlsx). */
	assert_int_equal(read_back(fp, NULL, &g), RS_OK);
	assert_int_equal(g.rows, 5);
	assert_int_equal(read_back(fp, "Accounts 2", &g), RS_OK);
	for (r = 0; r < 5; r++) {
		(void)snprintf(id, sizeof id, "A%02zu", r + 5);
		assert_string_equal(g.text[r][0], id);
	}
	assert_int_equal(read_back(fp, "Accounts 3", &g), RS_OK);
	assert_int_equal(g.rows, 2);
	assert_string_equal(g.header[0], "id");
	assert_string_equal(g.text[0][0], "A10");
	assert_int_equal(read_back(fp, "Summary", &g), RS_OK);
	for (r = 0; r < g.rows; r++) {
		if (strcmp(g.text[r][0], "rows read") == 0)
			assert_string_equal(g.text[r][1], "12");
		if (strncmp(g.text[r][0], "more rows than a sheet holds", 28) == 0) {
			assert_string_equal(g.text[r][1], "Accounts 2 .. Accounts 3");
			noted = true;
		}
	}
	assert_true(noted);
	(void)fclose(fp);
}

static void test_rejects_go_to_their_sheet_only_with_a_rejects_header(void **state)
{
	const char *h[] = {"id", "share"};
	const char *rh[] = {"line", "reason", "id", "share"};
	const unsigned char rt[] = {RS_T_NUMBER, RS_T_STRING, RS_T_STRING, RS_T_STRING};
	const char *bad[] = {"7", "share \"x\" is not a number", "B1", "x"};
	rs_write_opts o = xopts();
	FILE *fp = tmpfile();
	rs_writer *w = NULL;
	rs_error err;
	trow t, th;
	got g;

	(void)state;
	rs_error_clear(&err);
	/* without a rejects header there is no sheet to put them on */
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&th, 2, h, NULL), &err), RS_OK);
	mkrow(&t, 4, bad, NULL);
	t.row.reject = "bad";
	assert_int_equal(rs_writer_row(w, &t.row, &err), RS_EUSAGE);
	rs_writer_free(w);
	/* with one: sheet Rejects, its header copied (the caller's may go) */
	mkrow(&th, 4, rh, rt);
	o.rejects_header = &th.row;
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err), RS_OK);
	memset(&th, 0, sizeof th);
	mkrow(&t, 4, bad, NULL);
	t.row.reject = "bad";
	assert_int_equal(rs_writer_row(w, &t.row, &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
	rs_writer_free(w);
	assert_int_equal(read_back(fp, "Rejects", &g), RS_OK);
	assert_string_equal(g.header[0], "line");
	assert_int_equal(g.rows, 1);
	assert_string_equal(g.text[0][0], "7");
	assert_int_equal(g.type[0][0], RS_T_NUMBER);
	assert_string_equal(g.text[0][1], "share \"x\" is not a number");
	assert_string_equal(g.text[0][3], "x");
	assert_int_equal(read_back(fp, NULL, &g), RS_OK); /* Accounts: header only */
	assert_int_equal(g.rows, 0);
	(void)fclose(fp);
}

static void test_a_cell_longer_than_excel_holds_is_refused(void **state)
{
	const char *h[] = {"id"};
	rs_write_opts o = xopts();
	char *big = malloc(40001);
	FILE *fp = tmpfile();
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', 40000);
	big[40000] = '\0';
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 1, h, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_row(w, mkrow(&t, 1, (const char *[]){big}, NULL), &err), RS_ELIMIT);
	assert_string_equal(err.msg, "id holds 40000 characters, more than the 32767 an Excel cell "
	                             "holds; shorten it, or write CSV (--to csv) for such data");
	assert_int_equal(err.line, 1); /* the row's input line */
	rs_writer_free(w);
	free(big);
	(void)fclose(fp);
}

static size_t files_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_no_temporary_file_outlives_the_writer(void **state)
{
	char dir[] = "/tmp/relstage-xlsx-test.XXXXXX";
	const char *h[] = {"id"};
	const char *old = getenv("TMPDIR");
	char *keep = old ? strdup(old) : NULL;
	rs_write_opts o = xopts();
	FILE *fp = tmpfile();
	rs_writer *w = NULL;
	rs_error err;
	trow t;
	int k;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("TMPDIR", dir, 1);
	rs_error_clear(&err);
	for (k = 0; k < 2; k++) { /* abandoned, then finished */
		assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 1, h, NULL), &err), RS_OK);
		assert_int_equal(rs_writer_row(w, mkrow(&t, 1, h, NULL), &err), RS_OK);
		assert_true(files_in(dir) >= 1); /* the workbook's file */
		if (k == 1)
			assert_int_equal(rs_writer_finish(w, NULL, &err), RS_OK);
		rs_writer_free(w);
		assert_int_equal(files_in(dir), 0);
	}
	if (keep)
		setenv("TMPDIR", keep, 1);
	else
		unsetenv("TMPDIR");
	free(keep);
	assert_int_equal(rmdir(dir), 0);
	(void)fclose(fp);
}

static void test_a_write_error_at_the_end_is_reported(void **state)
{
	const char *h[] = {"id"};
	rs_write_opts o = xopts();
	FILE *fp = fopen("/dev/full", "w");
	rs_writer *w = NULL;
	rs_error err;
	trow t;

	(void)state;
	if (fp == NULL)
		skip();
	rs_error_clear(&err);
	assert_int_equal(rs_writer_new(&w, fp, &o, mkrow(&t, 1, h, NULL), &err), RS_OK);
	assert_int_equal(rs_writer_finish(w, NULL, &err), RS_EIO);
	assert_non_null(strstr(err.msg, "write failed"));
	rs_writer_free(w);
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
	const char *h[] = {"id", "stage"};
	const char *c[] = {"1", "stable"};
	size_t k;

	(void)state;
	for (k = 0;; k++) {
		rs_write_opts o = xopts();
		FILE *fp = tmpfile();
		rs_writer *w = NULL;
		rs_error err;
		rs_status st;
		trow t, rh;

		assert_non_null(fp);
		o.rejects_header = mkrow(&rh, 2, h, NULL);
		rs_error_clear(&err);
		fail_after = k;
		rs_set_alloc_hooks(&hooks);
		st = rs_writer_new(&w, fp, &o, mkrow(&t, 2, h, NULL), &err);
		if (st == RS_OK)
			st = rs_writer_row(w, mkrow(&t, 2, c, NULL), &err);
		if (st == RS_OK) {
			t.row.reject = "bad";
			st = rs_writer_row(w, &t.row, &err);
		}
		if (st == RS_OK)
			st = rs_writer_finish(w, NULL, &err);
		rs_writer_free(w);
		rs_set_alloc_hooks(NULL);
		(void)fclose(fp);
		if (st == RS_OK)
			break;
		assert_int_equal(st, RS_ENOMEM);
	}
	assert_true(k > 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_numbers_and_percentages_become_numbers),
		cmocka_unit_test(test_number_columns_hold_numbers_and_others_text_as_read),
		cmocka_unit_test(test_text_like_escapes_and_xml_nonchars_come_back_as_written),
		cmocka_unit_test(test_rows_past_a_sheet_go_on_in_accounts_2_and_the_summary_says_so),
		cmocka_unit_test(test_rejects_go_to_their_sheet_only_with_a_rejects_header),
		cmocka_unit_test(test_a_cell_longer_than_excel_holds_is_refused),
		cmocka_unit_test(test_no_temporary_file_outlives_the_writer),
		cmocka_unit_test(test_a_write_error_at_the_end_is_reported),
		cmocka_unit_test(test_every_allocation_failure_of_ours_is_enomem_without_leaks),
	};
	rs_error err;
	int failed;

	rs_error_clear(&err);
	if (rs_rules_load_default(&g_rules, &err) != RS_OK)
		return 1;
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	rs_rules_free(g_rules);
	return failed;
}
