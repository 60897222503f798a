/* test_reader.c - rs_reader: format choice, delimiter sniffing, dispatch. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"

typedef struct opened {
	FILE *fp;
	rs_reader *r;
	rs_error err;
	rs_status st;
} opened;

static void open_text(opened *o, const char *text, const char *name,
                      const rs_read_opts *opts)
{
	memset(o, 0, sizeof *o);
	o->fp = tmpfile();
	assert_non_null(o->fp);
	assert_int_equal(fwrite(text, 1, strlen(text), o->fp), strlen(text));
	rewind(o->fp);
	o->st = rs_reader_open(&o->r, o->fp, name, opts, &o->err);
}

static void close_text(opened *o)
{
	rs_reader_free(o->r);
	fclose(o->fp);
}

static char sniffed(const char *text)
{
	opened o;
	char d;

	open_text(&o, text, "-", NULL);
	assert_int_equal(o.st, RS_OK);
	assert_int_equal(rs_reader_format(o.r), RS_FMT_CSV);
	d = rs_reader_delimiter(o.r);
	close_text(&o);
	return d;
}

static void test_delimiter_detected_among_comma_semicolon_tab_pipe(void **state)
{
	(void)state;
	assert_int_equal(sniffed("id,name,share\n1,a,3\n"), ',');
	assert_int_equal(sniffed("id;name;share\n1;a;3,5\n2;b;4,25\n"), ';');
	assert_int_equal(sniffed("id\tname\tshare\n1\ta b\t3\n"), '\t');
	assert_int_equal(sniffed("id|name|share\n1|a|3\n"), '|');
}

static void test_quoted_delimiters_are_not_counted(void **state)
{
	(void)state;
	/* Three commas in the quoted header cell against two semicolons. */
	assert_int_equal(sniffed("\"a,b,c,d\";x;y\n\"1,2,3,4\";5;6\n"), ';');
	assert_int_equal(sniffed("id|note\n1|\"x,y,z\nw,v\"\n2|q\n"), '|');
}

static void test_inconsistent_candidate_loses_to_consistent_one(void **state)
{
	(void)state;
	/* ',' is frequent in the header but not in every row; ';' is steady. */
	assert_int_equal(sniffed("a,b,c;d\nx;y\n1,2;3\n"), ';');
}

static void test_single_column_header_uses_comma(void **state)
{
	(void)state;
	assert_int_equal(sniffed("id\n1\n2\n"), ',');
}

static void test_format_from_extension(void **state)
{
	static const struct {
		const char *name;
		rs_format f;
	} cases[] = {
		{"x.csv", RS_FMT_CSV},       {"dir.v1/X.TXT", RS_FMT_CSV},
		{"x.tsv", RS_FMT_TSV},       {"x.tab", RS_FMT_TSV},
		{"x.json", RS_FMT_JSON},     {"x.jsonl", RS_FMT_JSONL},
		{"x.ndjson", RS_FMT_JSONL},
	};
	size_t i;
	opened o;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		open_text(&o, "a,b\n1,2\n", cases[i].name, NULL);
		assert_int_equal(o.st, RS_OK);
		assert_int_equal(rs_reader_format(o.r), cases[i].f);
		close_text(&o);
	}
}

static void test_tsv_extension_means_tab_delimiter(void **state)
{
	opened o;

	(void)state;
	open_text(&o, "a,b\tc\n1,2\t3\n", "in.tsv", NULL);
	assert_int_equal(o.st, RS_OK);
	assert_int_equal(rs_reader_delimiter(o.r), '\t');
	close_text(&o);
}

static void test_format_sniffed_from_first_byte(void **state)
{
	opened o;

	(void)state;
	open_text(&o, "\xEF\xBB\xBF \n [{\"id\":1}]", "-", NULL);
	assert_int_equal(rs_reader_format(o.r), RS_FMT_JSON);
	assert_int_equal(rs_reader_delimiter(o.r), 0);
	close_text(&o);
	open_text(&o, "{\"id\":1}\n", "data.out", NULL);
	assert_int_equal(rs_reader_format(o.r), RS_FMT_JSONL);
	close_text(&o);
	open_text(&o, "id;x\n", "-", NULL);
	assert_int_equal(rs_reader_format(o.r), RS_FMT_CSV);
	close_text(&o);
}

static rs_format format_of(const char *text)
{
	opened o;
	rs_format f;

	open_text(&o, text, "-", NULL);
	assert_int_equal(o.st, RS_OK);
	f = rs_reader_format(o.r);
	close_text(&o);
	return f;
}

/*
 * '{' is JSON Lines (a broken first line included: it is that line's
 * reject), unless the first line only starts a longer object (pretty
 * printed) or is the only line and holds an array of objects (an API's
 * reply as curl prints it): then JSON.
 */
static void test_brace_is_json_lines_unless_an_object_wraps_the_records(void **state)
{
	(void)state;
	assert_int_equal(format_of("{\"id\":1}\n{\"id\":2}\n"), RS_FMT_JSONL);
	assert_int_equal(format_of("{\"id\":1,\"c\":[{\"x\":1}]}\n{\"id\":2}\n"), RS_FMT_JSONL);
	assert_int_equal(format_of("{\"id\":1, }\n{\"id\":2}\n"), RS_FMT_JSONL);
	assert_int_equal(format_of("{\"id\":1,\"tags\":[1,2]}"), RS_FMT_JSONL);
	assert_int_equal(format_of("{\"results\":[{\"id\":1}],\"paging\":{}}\n"), RS_FMT_JSON);
	assert_int_equal(format_of("{\"data\":{\"items\":[{\"id\":1}]}}"), RS_FMT_JSON);
	assert_int_equal(format_of("{\n  \"results\": [\n    {\"id\": 1}\n  ]\n}\n"), RS_FMT_JSON);
	assert_int_equal(format_of("{\"results\": [{\"id\": 1},\n{\"id\": 2}]}"), RS_FMT_JSON);
}

static void test_options_override_format_and_delimiter(void **state)
{
	rs_read_opts ro;
	opened o;

	(void)state;
	memset(&ro, 0, sizeof ro);
	ro.format = RS_FMT_CSV;
	ro.delimiter = '|';
	open_text(&o, "a,b\n", "x.json", &ro);
	assert_int_equal(rs_reader_format(o.r), RS_FMT_CSV);
	assert_int_equal(rs_reader_delimiter(o.r), '|');
	close_text(&o);
}

static rs_status count_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)err;
	*(size_t *)ctx += h->n * 100;
	return RS_OK;
}

static rs_status count_row(void *ctx, const rs_row *r, rs_error *err)
{
	(void)err;
	assert_null(r->reject);
	*(size_t *)ctx += 1;
	return RS_OK;
}

static void test_run_reads_sniffed_semicolon_csv_with_defaults(void **state)
{
	opened o;
	size_t n = 0;

	(void)state;
	open_text(&o, "a;b;c\n1;2,5;x\n3;4;y\n", "-", NULL);
	assert_int_equal(o.st, RS_OK);
	assert_string_equal(rs_reader_encoding(o.r), "UTF-8");
	assert_int_equal(rs_reader_run(o.r, count_header, count_row, &n, &o.err),
	                 RS_OK);
	assert_int_equal(n, 302);
	assert_int_equal(rs_reader_run(o.r, count_header, count_row, &n, &o.err),
	                 RS_EUSAGE);
	close_text(&o);
}

static void test_unknown_encoding_fails_open(void **state)
{
	rs_read_opts ro;
	opened o;

	(void)state;
	memset(&ro, 0, sizeof ro);
	ro.encoding = "no-such-charset";
	open_text(&o, "a\n", "x.csv", &ro);
	assert_int_equal(o.st, RS_EUSAGE);
	assert_null(o.r);
	assert_string_equal(o.err.file, "x.csv");
	assert_non_null(strstr(o.err.msg, "unknown encoding no-such-charset"));
	close_text(&o);
}

static void test_named_gbk_encoding_is_reported(void **state)
{
	rs_read_opts ro;
	opened o;

	(void)state;
	memset(&ro, 0, sizeof ro);
	ro.encoding = "gbk";
	open_text(&o, "\xBF\xCD\xBB\xA7,id\n", "x.csv", &ro);
	assert_int_equal(o.st, RS_OK);
	assert_string_equal(rs_reader_encoding(o.r), "gbk");
	close_text(&o);
}

/* The names of formats and languages, and the format a file's name says
 * (the reader's choice, and -o's when --to is not given). */
static void test_format_and_language_names(void **state)
{
	rs_format f = RS_FMT_AUTO;
	rs_lang l = RS_LANG_EN;

	(void)state;
	assert_true(rs_format_parse("XLSX", &f));
	assert_int_equal(f, RS_FMT_XLSX);
	assert_true(rs_format_parse("ndjson", &f));
	assert_int_equal(f, RS_FMT_JSONL);
	assert_false(rs_format_parse("xls", &f));
	assert_int_equal(rs_format_of_path("out/staged.XLSX"), RS_FMT_XLSX);
	assert_int_equal(rs_format_of_path("a.json"), RS_FMT_JSON);
	assert_int_equal(rs_format_of_path("a.ndjson"), RS_FMT_JSONL);
	assert_int_equal(rs_format_of_path("a.tab"), RS_FMT_TSV);
	assert_int_equal(rs_format_of_path("report.txt"), RS_FMT_CSV);
	assert_int_equal(rs_format_of_path("v1.2/out"), RS_FMT_AUTO); /* a dot in a directory */
	assert_int_equal(rs_format_of_path("a.csv.bak"), RS_FMT_AUTO);
	assert_int_equal(rs_format_of_path(NULL), RS_FMT_AUTO);
	assert_true(rs_lang_parse("zh_CN.UTF-8", &l));
	assert_int_equal(l, RS_LANG_ZH);
	assert_false(rs_lang_parse("zhx", &l));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delimiter_detected_among_comma_semicolon_tab_pipe),
		cmocka_unit_test(test_quoted_delimiters_are_not_counted),
		cmocka_unit_test(test_inconsistent_candidate_loses_to_consistent_one),
		cmocka_unit_test(test_single_column_header_uses_comma),
		cmocka_unit_test(test_format_from_extension),
		cmocka_unit_test(test_format_and_language_names),
		cmocka_unit_test(test_tsv_extension_means_tab_delimiter),
		cmocka_unit_test(test_format_sniffed_from_first_byte),
		cmocka_unit_test(test_brace_is_json_lines_unless_an_object_wraps_the_records),
		cmocka_unit_test(test_options_override_format_and_delimiter),
		cmocka_unit_test(test_run_reads_sniffed_semicolon_csv_with_defaults),
		cmocka_unit_test(test_unknown_encoding_fails_open),
		cmocka_unit_test(test_named_gbk_encoding_is_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
