/*
 * test_read_json.c - the JSON array and JSON Lines readers: headers, cell
 * text and types, rejected records and their reasons, line numbers, errors.
 * Each run is recorded as text ("H1:a|b", "R2:s=x|n=1", "X3:reason|raw") so
 * a failure shows the whole sequence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "reader_impl.h"

typedef struct rec {
	char out[256 << 10];
	size_t len;
	char page[RS_PAGE_MAX]; /* rs_read_ctx.page: a page read under --json-path */
	char inner[RS_INNER_MAX]; /* rs_read_ctx.inner: the first record's objects' members */
} rec;

static void put(rec *r, const char *s, size_t n)
{
	assert_true(r->len + n < sizeof r->out);
	memcpy(r->out + r->len, s, n);
	r->len += n;
	r->out[r->len] = '\0';
}

static void put_row(rec *r, char kind, const rs_row *row)
{
	static const char tname[] = "snb0j";
	char head[32];

	(void)snprintf(head, sizeof head, "%c%lu:", kind, row->line);
	put(r, head, strlen(head));
	if (row->reject != NULL) {
		put(r, row->reject, strlen(row->reject));
		put(r, "|", 1);
	}
	for (size_t i = 0; i < row->n + row->extra; i++) {
		if (i > 0)
			put(r, i == row->n ? "+" : "|", 1);
		assert_int_equal(row->cell[i][row->len[i]], '\0');
		if (kind == 'R' && row->reject == NULL) {
			assert_int_equal(strlen(row->cell[i]), row->len[i]);
			put(r, &tname[row->type[i]], 1);
			put(r, "=", 1);
		}
		for (size_t k = 0; k < row->len[i]; k++) /* a reject's NUL shows as @ */
			put(r, row->cell[i][k] != '\0' ? row->cell[i] + k : "@", 1);
	}
	put(r, "\n", 1);
}

static rs_status on_header(void *ctx, const rs_row *row, rs_error *err)
{
	(void)err;
	put_row(ctx, 'H', row);
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *row, rs_error *err)
{
	(void)err;
	put_row(ctx, row->reject ? 'X' : 'R', row);
	return RS_OK;
}

/* Runs one reader over `text` (n bytes); the record goes to r, errors to err. */
static rs_status read_text(bool lines, const char *text, size_t n, rec *r,
                           rs_error *err, const rs_read_opts *o)
{
	rs_read_opts opts = {lines ? RS_FMT_JSONL : RS_FMT_JSON,
	                     0,
	                     NULL,
	                     RS_DEFAULT_MAX_FIELD,
	                     RS_DEFAULT_MAX_COLUMNS,
	                     RS_DEFAULT_MAX_RECORD,
	                     NULL,
	                     NULL,
	                     NULL,
	                     0,
	                     NULL,
	                     false,
	                     RS_LANG_EN};
	FILE *fp = fmemopen((void *)(uintptr_t)text, n, "r");
	rs_input *in = NULL;
	rs_status st;

	if (o != NULL)
		opts = *o;
	assert_non_null(fp);
	memset(r, 0, sizeof *r);
	rs_error_clear(err);
	st = rs_input_open(&in, fp, "t.json", opts.encoding, RS_LANG_EN, err);
	if (st == RS_OK) {
		rs_read_ctx c = {in, "t.json", &opts, on_header, on_row, r, r->page, r->inner};
		st = lines ? rs_read_jsonl(&c, err) : rs_read_json(&c, err);
	}
	rs_input_free(in);
	fclose(fp);
	return st;
}

static rs_status jsonl(const char *text, rec *r, rs_error *err)
{
	return read_text(true, text, strlen(text), r, err, NULL);
}

static rs_status jarray(const char *text, rec *r, rs_error *err)
{
	return read_text(false, text, strlen(text), r, err, NULL);
}

static void test_jsonl_header_is_first_objects_keys(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"id\":\"a\",\"share\":50}\n{\"share\":7,\"id\":\"b\"}\n",
	                       &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id|share\n"
	                           "R1:s=a|n=50\n"
	                           "R2:s=b|n=7\n");
}

static void test_array_header_is_union_of_keys_in_first_seen_order(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jarray("[{\"id\":\"a\",\"x\":1},\n {\"id\":\"b\",\"y\":true},\n"
	                        " {\"z\":null,\"x\":2}]", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id|x|y|z\n"
	                           "R1:s=a|n=1|0=|0=\n"
	                           "R2:s=b|0=|b=true|0=\n"
	                           "R3:0=|n=2|0=|0=\n");
}

static void test_each_value_type_gives_its_text_and_type(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"s\":\"x,\\\"y\\\"\",\"i\":-12,\"f\":49.9,\"t\":true,"
	                       "\"b\":false,\"z\":null,\"e\":1.5e3,\"small\":0.05,"
	                       "\"big\":123456789012345678,\"pi\":3.141592653589793,"
	                       "\"m0\":-0,\"tiny\":1e-7,\"tinier\":1.5e-8,\"f7\":0.1234567}\n", &r, &err), RS_OK);
	assert_string_equal(r.out,
	                    "H1:s|i|f|t|b|z|e|small|big|pi|m0|tiny|tinier|f7\n"
	                    "R1:s=x,\"y\"|n=-12|n=49.9|b=true|b=false|0=|n=1500|"
	                    "n=0.05|n=123456789012345678|n=3.141592653589793|"
	                    "n=-0|n=0.0000001|n=1.5e-8|n=0.1234567\n");
}

/*
 * A number a double cannot hold exactly (magnitude 2^53 or more: 18-19
 * digit ids) keeps the text it was written with, in both formats; below
 * 2^53 numbers are written as the shortest text that reads back the same.
 * Two ids a double would make one stay two.
 */
static void test_numbers_from_2_53_keep_their_text(void **state)
{
	static const char *const both = "H1:id|n\n"
	                                "R1:n=12345678901234567891|n=9007199254740993\n"
	                                "R2:n=12345678901234567892|n=-9007199254740993\n"
	                                "R3:n=9007199254740991|n=9007199254740992\n"
	                                "R4:n=1e300|n=1.50\n";
	static const char *const rows[] = {
		"{\"id\":12345678901234567891,\"n\":9007199254740993}",
		"{\"id\":12345678901234567892,\"n\": -9007199254740993 }",
		"{\"id\":9007199254740991,\"n\":9007199254740992}",
		"{\"id\":1e300,\"n\":1.50}"};
	char text[512];
	rec r;
	rs_error err;

	(void)state;
	(void)snprintf(text, sizeof text, "%s\n%s\n%s\n%s\n", rows[0], rows[1], rows[2], rows[3]);
	assert_int_equal(jsonl(text, &r, &err), RS_OK);
	/* 1.50 is below 2^53: the shortest text, 1.5 */
	assert_non_null(strstr(r.out, "R4:n=1e300|n=1.5\n"));
	r.out[strlen(r.out) - strlen("R4:n=1e300|n=1.5\n")] = '\0';
	assert_memory_equal(r.out, both, strlen(r.out));
	(void)snprintf(text, sizeof text, "[%s,\n%s,\n%s]", rows[0], rows[1], rows[2]);
	assert_int_equal(jarray(text, &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id|n\n"
	                           "R1:n=12345678901234567891|n=9007199254740993\n"
	                           "R2:n=12345678901234567892|n=-9007199254740993\n"
	                           "R3:n=9007199254740991|n=9007199254740992\n");
}

static void test_null_and_missing_keys_are_null_cells(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":1,\"b\":2}\n{\"a\":null}\n", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a|b\nR1:n=1|n=2\nR2:0=|0=\n");
}

static void test_number_1e400_rejects_the_row(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":1}\n{\"a\":1e400}\n{\"a\":-1e400}\n", &r, &err),
	                 RS_OK);
	assert_string_equal(r.out, "H1:a\nR1:n=1\n"
	                           "X2:key \"a\": number out of range|{\"a\":1e400}\n"
	                           "X3:key \"a\": number out of range|{\"a\":-1e400}\n");
}

/*
 * Objects and arrays pass through as their text, whitespace outside strings
 * dropped, strings as written (escapes kept, numbers digit for digit); raw
 * control bytes and U+2028 in their strings are escaped so the text stays
 * one valid line of JSON.
 */
static void test_nested_values_pass_through_as_compact_text(void **state)
{
	static const char arr[] = "[{\"a\": 1,\n  \"b\": { \"c\" : [ 1.50, 12345678901234567891,"
	                          "\n \"x \\\" y\", {\"e\": null} ] }}]";
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":1,\"b\":{\"c\":2}}\n{\"a\":[1, \"t\tu\xE2\x80\xA8\"]}\n",
	                       &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a|b\n"
	                           "R1:n=1|j={\"c\":2}\n"
	                           "R2:j=[1,\"t\\u0009u\\u2028\"]|0=\n");
	assert_int_equal(jarray(arr, &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a|b\n"
	                           "R1:n=1|j={\"c\":[1.50,12345678901234567891,\"x \\\" y\","
	                           "{\"e\":null}]}\n");
}

/* The field limit holds for a nested value's compact text, not its spaces. */
static void test_nested_value_over_the_field_limit_rejects_the_row(void **state)
{
	static const char t[] = "{\"a\":[1,    2,    3,    4,    5,    6,    7]}\n"
	                        "{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12]}\n"
	                        "{\"a\":\"\x01\x01\x01\x01\"}\n"
	                        "{\"a\":[\"\x01\x01\x01\x01\"]}\n";
	rs_read_opts o = {.format = RS_FMT_JSONL, .max_field = 20, .max_columns = 100,
	                  .max_record = 1000};
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(read_text(true, t, sizeof t - 1, &r, &err, &o), RS_OK);
	assert_non_null(strstr(r.out, "R1:j=[1,2,3,4,5,6,7]\n"));
	assert_non_null(strstr(r.out, "X2:key \"a\" holds an array longer than the field limit|"));
	assert_non_null(strstr(r.out, "R3:s=\x01\x01\x01\x01\n"));
	assert_non_null(strstr(r.out, "X4:key \"a\" holds an array longer than the field limit|"));
}

static void test_duplicate_key_rejects_the_row(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":1,\"a\":2}\n", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a\nX1:duplicate key \"a\"|{\"a\":1,\"a\":2}\n");
	assert_int_equal(jarray("[{\"a\":1},{\"a\":1,\"a\":2}]", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a\nR1:n=1\n"
	                           "X1:duplicate key \"a\"|{\"a\":1,\"a\":2}\n");
}

static void test_u0000_in_a_string_rejects_the_row(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":\"x\"}\n{\"a\":\"x\\u0000y\"}\n{\"a\":\"\\\\u0000\"}\n",
	                       &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a\nR1:s=x\n"
	                           "X2:a string holds \\u0000 (a NUL character), which "
	                           "cannot be kept|{\"a\":\"x\\u0000y\"}\n"
	                           "R3:s=\\u0000\n");
}

/*
 * A file in which every record holds \u0000 still has a header (the keys of
 * its objects) and each record is a rejected row, as it would be among
 * good ones; the run does not stop.
 */
static void test_every_record_holding_u0000_is_a_rejected_row(void **state)
{
	static const char *const why = "a string holds \\u0000 (a NUL character), which "
	                               "cannot be kept";
	char want[1024];
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"id\":\"A\\u0000\",\"s\":1}\n{\"id\":\"B\",\"s\":\"\\u0000\"}\n",
	                       &r, &err), RS_OK);
	(void)snprintf(want, sizeof want, "H1:id|s\nX1:%s|{\"id\":\"A\\u0000\",\"s\":1}\n"
	               "X2:%s|{\"id\":\"B\",\"s\":\"\\u0000\"}\n", why, why);
	assert_string_equal(r.out, want);
	assert_int_equal(jarray("[{\"id\":\"A\\u0000\"},\n{\"id\":\"B\\u0000\",\"s\":2}]", &r, &err),
	                 RS_OK);
	(void)snprintf(want, sizeof want, "H1:id|s\nX1:%s|{\"id\":\"A\\u0000\"}\n"
	               "X2:%s|{\"id\":\"B\\u0000\",\"s\":2}\n", why, why);
	assert_string_equal(r.out, want);
}

/*
 * Each text problem cJSON would pass over in silence gets its own reason:
 * an invalid \u escape (cJSON reads it as U+0000), a raw NUL byte outside
 * a string (cJSON takes it for whitespace) and inside one (cJSON cuts the
 * string there), and \u0000 itself.
 */
static void test_text_problems_each_have_their_reason(void **state)
{
	static const char text[] = "{\"a\":\"x\"}\n"
	                           "{\"a\":\"\\u12G4\"}\n"
	                           "{\"a\":\"y\"}\0\n"
	                           "{\"a\":\"y\0z\"}\n"
	                           "{\"a\":\"\\u0000\"}\n"
	                           "{\"a\":\"\\\\u12G4 \\ud83d\\ude00\"}\n";
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(read_text(true, text, sizeof text - 1, &r, &err, NULL), RS_OK);
	assert_non_null(strstr(r.out, "\nX2:a string holds an invalid \\u escape (four hex digits "
	                              "must follow \\u)|"));
	assert_non_null(strstr(r.out, "\nX3:a NUL byte, which JSON text cannot hold"));
	assert_non_null(strstr(r.out, "\nX4:a NUL byte, which JSON text cannot hold"));
	assert_non_null(strstr(r.out, "\nX5:a string holds \\u0000 (a NUL character)"));
	assert_non_null(strstr(r.out, "\nR6:s=\\u12G4 \xF0\x9F\x98\x80\n"));
}

/*
 * The keys of the objects in the first 1000 lines are the columns, in the
 * order seen (mongoexport leaves out a field a document lacks); a key first
 * seen later rejects its line, naming the fix. Rejects among the held lines
 * keep their place.
 */
static void test_jsonl_keys_of_the_first_lines_are_the_columns(void **state)
{
	static char text[1002 * 16];
	size_t n = 0;
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":1}\noops\n{\"a\":2,\"extra\":3}\n{\"extra\":4}\n", &r, &err),
	                 RS_OK);
	assert_string_equal(r.out, "H1:a|extra\nR1:n=1|0=\n"
	                           "X2:not a JSON object: invalid JSON at column 1|oops\n"
	                           "R3:n=2|n=3\nR4:0=|n=4\n");
	for (int i = 0; i < 1000; i++)
		n += (size_t)sprintf(text + n, "{\"a\":%d}\n", i % 10);
	(void)sprintf(text + n, "{\"a\":2,\"extra\":3}\n");
	assert_int_equal(jsonl(text, &r, &err), RS_OK);
	assert_non_null(strstr(r.out, "R1000:n=9\n"
	                              "X1001:key \"extra\" is not among the keys of the first 1000 "
	                              "lines (the columns); list every key in the first line, or use "
	                              "a JSON array|{\"a\":2,\"extra\":3}\n"));
}

static void test_jsonl_invalid_line_is_rejected_and_the_next_is_read(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":1}\n{\"a\":\n[1,2]\n{\"a\":1} x\n{\"a\":3}\n",
	                       &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a\nR1:n=1\n"
	                           "X2:not a JSON object: invalid JSON at column 5|{\"a\":\n"
	                           "X3:not a JSON object: found an array|[1,2]\n"
	                           "X4:not a JSON object: text after the object at "
	                           "column 9|{\"a\":1} x\n"
	                           "R5:n=3\n");
}

static void test_jsonl_rejects_before_the_first_object_follow_the_header(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("oops\n{\"a\":1}\n", &r, &err), RS_OK);
	assert_string_equal(r.out, "H2:a\n"
	                           "X1:not a JSON object: invalid JSON at column 1|oops\n"
	                           "R2:n=1\n");
	assert_int_equal(jsonl("oops\n\n", &r, &err), RS_EPARSE);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.file, "t.json");
}

static void test_jsonl_blank_lines_are_skipped_but_counted(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("\n{\"a\":1}\n  \n\n{\"a\":2}\n\n", &r, &err), RS_OK);
	assert_string_equal(r.out, "H2:a\nR2:n=1\nR5:n=2\n");
}

static void test_jsonl_crlf_and_surrounding_spaces(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"a\":\"x\"}\r\n  {\"a\":\"y\"}  \r\n\r\n{\"a\":\"z\"}",
	                       &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a\nR1:s=x\nR2:s=y\nR4:s=z\n");
}

static void test_array_element_lines_are_where_the_brace_is(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jarray("[\n  {\n    \"a\": 1\n  },\n  {\"a\": 2},\n\n  7\n]\n",
	                        &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:a\nR2:n=1\nR5:n=2\n"
	                           "X7:not a JSON object: found a number|7\n");
}

static void test_array_top_level_must_be_an_array(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jarray("\n{\"a\":1}\n{\"a\":2}\n", &r, &err), RS_EPARSE);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "one object per line? use --from jsonl; text after the "
	                             "JSON object at column 1");
	assert_int_equal(jarray("\"x\"", &r, &err), RS_EPARSE);
	assert_string_equal(err.msg, "expected a JSON array of objects, or an object holding "
	                             "one (for one object per line use --from jsonl)");
	assert_string_equal(r.out, "");
	assert_int_equal(jarray("[1, \"x\"]", &r, &err), RS_EPARSE);
	assert_int_equal(jarray("[]", &r, &err), RS_EPARSE);
	assert_string_equal(err.msg, "no records: the JSON array holds no object");
}

/* Reads text as JSON Lines with these maps. */
static rs_status jsonl_with(const char *text, const char *const *maps, size_t nmaps, rec *r,
                            rs_error *err)
{
	rs_read_opts o = {.format = RS_FMT_JSONL, .max_field = RS_DEFAULT_MAX_FIELD,
	                  .max_columns = RS_DEFAULT_MAX_COLUMNS,
	                  .max_record = RS_DEFAULT_MAX_RECORD, .maps = maps, .nmaps = nmaps};

	return read_text(true, text, strlen(text), r, err, &o);
}

/* Reads text as a JSON document with --json-path `path` and these maps. */
static rs_status jdoc(const char *text, const char *path, const char *const *maps,
                      size_t nmaps, rec *r, rs_error *err)
{
	rs_read_opts o = {.format = RS_FMT_JSON, .max_field = RS_DEFAULT_MAX_FIELD,
	                  .max_columns = RS_DEFAULT_MAX_COLUMNS,
	                  .max_record = RS_DEFAULT_MAX_RECORD, .json_path = path, .maps = maps,
	                  .nmaps = nmaps};

	return read_text(false, text, strlen(text), r, err, &o);
}

/*
 * An API's reply: a top-level object holding one array of objects, at the
 * top or deeper in objects, is read as that array, rows on their own lines.
 * Arrays inside the records (associations, tags) and other members
 * (paging) are not candidates.
 */
static void test_an_object_wrapping_one_array_of_objects_is_read_as_it(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc("{\"total\": 2,\n \"results\": [\n  {\"id\": \"a\", \"tags\": "
	                      "[{\"t\": 1}]},\n  {\"id\": \"b\"}\n ],\n \"paging\": {\"prev\": "
	                      "{\"before\": \"0\"}}, \"empty\": []}", NULL, NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id|tags\nR3:s=a|j=[{\"t\":1}]\nR4:s=b|0=\n");
	assert_int_equal(jdoc("{\"data\": {\"count\": 1, \"items\": [{\"id\": 7}]}, \"ok\": true}",
	                      NULL, NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id\nR1:n=7\n");
	assert_int_equal(jdoc("{\"results\": [], \"paging\": {}}", NULL, NULL, 0, &r, &err),
	                 RS_EPARSE);
	assert_string_equal(err.msg, "no records: the JSON object's array holds no object");
	assert_int_equal(jdoc("{\"results\": [{\"id\": 1}]} [", NULL, NULL, 0, &r, &err), RS_EPARSE);
	assert_int_equal(jdoc("{\"results\": [{\"id\": 1}], \"x\": tru}", NULL, NULL, 0, &r, &err),
	                 RS_EPARSE);
	assert_string_equal(err.msg, "invalid JSON at column 31");
	assert_string_equal(r.out, "");
}

/*
 * A reply that says more records follow (Salesforce's "done": false and
 * nextRecordsUrl, HubSpot's paging.next, "has_more": true, OData's
 * @odata.nextLink) holds one page: the run stops rather than score a page
 * as the whole list; --json-path reads the page alone. A last page reads.
 */
static void test_one_page_of_a_paged_reply_stops_unless_named(void **state)
{
	static const char sf[] = "{\"totalSize\": 5000, \"done\": false, \"nextRecordsUrl\": "
	                         "\"/q/01g-2000\", \"records\": [{\"Id\": \"001A\"}]}";
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc(sf, NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "the reply holds one page of its records (done says more "
	                             "follow): fetch every page into one file, or read this page "
	                             "alone with --json-path records");
	assert_string_equal(r.out, "");
	assert_int_equal(jdoc(sf, "records", NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"results\": [{\"id\": 1}], \"paging\": {\"next\": {\"after\": "
	                      "\"1\"}}}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(paging.next says more follow)"));
	assert_int_equal(jdoc("{\"data\": [{\"id\": 1}], \"has_more\": true}", NULL, NULL, 0, &r,
	                      &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"companies\": [{\"companyId\": 1}], \"has-more\": true, "
	                      "\"offset\": 1}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"records\": [{\"id\": \"rec1\"}], \"offset\": \"itrX/rec1\"}", NULL,
	                      NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(offset says more follow)"));
	assert_int_equal(jdoc("{\"next_offset\": 20, \"records\": [{\"id\": 1}]}", NULL, NULL, 0,
	                      &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"data\": {\"companies\": {\"pageInfo\": {\"hasNextPage\": true}, "
	                      "\"nodes\": [{\"id\": 1}]}}}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(data.companies.pageInfo.hasNextPage says more follow)"));
	assert_int_equal(jdoc("{\"success\": true, \"data\": [{\"id\": 1}], \"additional_data\": "
	                      "{\"next_cursor\": \"eyJpZCI6M30\"}}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"current_page\": 1, \"data\": [{\"id\": 1}], \"next_page_url\": "
	                      "\"https://x/?page=2\"}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"value\": [{\"id\": 1}], \"@odata.nextLink\": \"https://x\"}",
	                      NULL, NULL, 0, &r, &err), RS_EUSAGE);
	/* SAP C4C's OData v2, Dynamics 365's FetchXML paging (a key longer
	 * than 32 bytes), Salesloft's next page as a number, Affinity's token */
	assert_int_equal(jdoc("{\"d\": {\"results\": [{\"AccountID\": \"1\"}], \"__next\": "
	                      "\"https://x/?$skiptoken=1\"}}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(d.__next says more follow)"));
	assert_int_equal(jdoc("{\"@Microsoft.Dynamics.CRM.morerecords\": true, \"value\": "
	                      "[{\"accountid\": \"a\"}]}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(@Microsoft.Dynamics.CRM.morerecords says more follow)"));
	assert_int_equal(jdoc("{\"metadata\": {\"paging\": {\"current_page\": 1, \"next_page\": "
	                      "2}}, \"data\": [{\"id\": 1}]}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(metadata.paging.next_page says more follow)"));
	assert_int_equal(jdoc("{\"organizations\": [{\"id\": 1}], \"next_page_token\": \"eyJ9\"}",
	                      NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"totalSize\": 1, \"done\": true, \"records\": [{\"Id\": 1}]}",
	                      NULL, NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"metadata\": {\"paging\": {\"current_page\": 1, \"next_page\": "
	                      "null}}, \"data\": [{\"id\": 1}], \"next_page_token\": null}", NULL,
	                      NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"@Microsoft.Dynamics.CRM.morerecords\": false, \"d\": {\"results\": "
	                      "[{\"id\": 1}], \"__count\": \"1\"}}", NULL, NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"results\": [{\"id\": 1}], \"next\": null, \"has_more\": false}",
	                      NULL, NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"records\": [{\"id\": 1}], \"offset\": \"100\", \"next_offset\": -1, "
	                      "\"tz\": {\"offset\": \"+08:00\"}}", NULL, NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"data\": [{\"id\": 1}], \"additional_data\": {\"next_cursor\": "
	                      "null}, \"next_page_url\": null}", NULL, NULL, 0, &r, &err), RS_OK);
}

/*
 * A count beside the array (Odoo's length, HubSpot's total, OData's
 * @odata.count) larger than the array says the array is one page: the run
 * stops as for the other signs. A count equal to it, or in another object,
 * does not; the largest count beside it is the one that counts.
 */
static void test_a_count_beside_the_array_larger_than_it_is_one_page(void **state)
{
	static const char odoo[] = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"records\": "
	                           "[{\"id\": 7}, {\"id\": 9}], \"length\": 50}}";
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc(odoo, NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "the reply holds one page of its records (result.length says "
	                             "50 records, the array beside it holds 2): fetch every page "
	                             "into one file, or read this page alone with --json-path "
	                             "result.records");
	assert_string_equal(r.out, "");
	assert_int_equal(jdoc(odoo, "result.records", NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"@odata.count\": 9, \"value\": [{\"id\": 1}]}", NULL, NULL, 0,
	                      &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(@odata.count says 9 records, the array beside it holds 1)"));
	assert_int_equal(jdoc("{\"items\": [{\"id\": 1}], \"totalResults\": 89, \"count\": 1}",
	                      NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"errcode\": \"0\", \"page_index\": \"1\", \"row_count\": \"225\", "
	                      "\"customer\": [{\"code\": \"01\"}]}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(row_count says 225 records, the array beside it holds 1)"));
	assert_int_equal(jdoc("{\"d\": {\"__count\": \"1500\", \"results\": [{\"id\": 1}]}}", NULL,
	                      NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(d.__count says 1500 records, the array beside it holds 1)"));
	assert_int_equal(jdoc("{\"@Microsoft.Dynamics.CRM.totalrecordcount\": 5412, \"value\": "
	                      "[{\"id\": 1}]}", NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_int_equal(jdoc("{\"result\": {\"length\": 2, \"records\": [{\"id\": 7}, {\"id\": "
	                      "9}]}}", NULL, NULL, 0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"total\": 50, \"data\": {\"items\": [{\"id\": 1}]}}", NULL, NULL,
	                      0, &r, &err), RS_OK);
	assert_int_equal(jdoc("{\"row_count\": \"1\", \"total\": \"n/a\", \"customer\": [{\"code\": "
	                      "\"01\"}]}", NULL, NULL, 0, &r, &err), RS_OK);
}

/*
 * A count in a pagination object beside the records (JSON:API's
 * meta.page.total, Strapi's meta.pagination.total, Yii's _meta.totalCount,
 * Spring's page.totalElements beside _embedded.accounts) larger than the
 * array, a count of pages above 1 (Laravel's meta.last_page, Intercom's
 * pages.total_pages) or a page number above 1 (Zoho's info.page) says the
 * array is one page. A record's own meta, a count in an object that is no
 * pagination object, one that is no whole number, or one equal to the array
 * does not; neither does a pagination object's own array (meta.links).
 */
static void test_a_count_in_a_pagination_object_beside_the_array_is_one_page(void **state)
{
	static const char laravel[] = "{\"data\": [{\"id\": 1}, {\"id\": 2}], \"meta\": "
	                              "{\"current_page\": 3, \"last_page\": 3, \"links\": [{\"url\": "
	                              "null}, {\"url\": null}, {\"url\": null}], \"total\": 6}}";
	static const char *const pages[] = {
		"{\"data\": [{\"id\": 1}], \"meta\": {\"page\": {\"currentPage\": 3, \"total\": 5}}}",
		"meta.page.total says 5 records, the array holds 1",
		"{\"data\": [{\"id\": 1}], \"meta\": {\"pagination\": {\"page\": 1, \"pageCount\": "
		"1, \"total\": 2}}}",
		"meta.pagination.total says 2 records, the array holds 1",
		"{\"items\": [{\"id\": 1}], \"_meta\": {\"totalCount\": 40, \"pageCount\": 2}}",
		"_meta.totalCount says 40 records, the array holds 1",
		"{\"_embedded\": {\"accounts\": [{\"id\": 1}]}, \"page\": {\"size\": 1, "
		"\"totalElements\": 6, \"totalPages\": 6, \"number\": 5}}",
		"page.totalElements says 6 records, the array holds 1",
		"{\"data\": [{\"id\": 1}], \"meta\": {\"last_page\": 3, \"total\": 1}}",
		"meta.last_page says 3 pages",
		"{\"type\": \"list\", \"data\": [{\"id\": 1}], \"pages\": {\"page\": 1, "
		"\"total_pages\": 4}}",
		"pages.total_pages says 4 pages",
		"{\"data\": [{\"id\": 1}], \"info\": {\"count\": 1, \"page\": 2, \"more_records\": "
		"false}}",
		"info.page says this is page 2",
	};
	static const char *const whole[] = {
		"{\"data\": [{\"id\": 1, \"meta\": {\"total\": 50, \"page\": 4}}]}",
		"{\"data\": [{\"id\": 1}], \"stats\": {\"total\": 50, \"pages\": 3}}",
		"{\"data\": [{\"id\": 1}], \"meta\": {\"total\": 1, \"page\": 1, \"last_page\": 1}}",
		"{\"data\": [{\"id\": 1}], \"meta\": {\"total\": 15320.5}}",
		"{\"data\": [{\"id\": 1}], \"info\": {\"count\": 1, \"page\": 1, \"more_records\": "
		"false}}",
		"{\"object\": \"list\", \"has_more\": false, \"data\": [{\"id\": \"cus_1\", \"total\": "
		"2, \"metadata\": {\"count\": \"9\"}}]}",
	};
	rec r;
	rs_error err;
	char want[256];

	(void)state;
	for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k += 2) {
		assert_int_equal(jdoc(pages[k], NULL, NULL, 0, &r, &err), RS_EUSAGE);
		(void)snprintf(want, sizeof want, "(%s)", pages[k + 1]);
		assert_non_null(strstr(err.msg, want));
		assert_string_equal(r.out, "");
	}
	for (size_t k = 0; k < sizeof whole / sizeof whole[0]; k++) {
		assert_int_equal(jdoc(whole[k], NULL, NULL, 0, &r, &err), RS_OK);
		assert_string_equal(r.page, "");
	}
	assert_int_equal(jdoc(laravel, NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "2 arrays of objects (data, meta.links)"));
	assert_int_equal(jdoc(laravel, "data", NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.page, "meta.total says 6 records, the array holds 2");
}

/*
 * A page read under --json-path, as asked: rs_read_ctx.page says what says
 * more follow, for the classifier to tell; empty for a whole list.
 */
/*
 * Replies of Java APIs as Chinese ERPs and CRMs send them (Yonyou, Kingdee,
 * RuoYi; PageHelper, MyBatis-Plus, Spring): a page says so by hasNext,
 * isLastPage/lastPage/last false, nextPage, a count of pages (totalPage) or
 * records (totalRecord, totalNum, recordsTotal) or a page number (pageNum,
 * pageNo, current) above 1. The last page, or the whole list, does not.
 */
static void test_java_apis_paging_signs_say_one_page(void **state)
{
	static const char *const pages[] = {
		"{\"code\": \"200\", \"data\": {\"list\": [{\"id\": 1}], \"hasNext\": true}}",
		"{\"data\": {\"list\": [{\"id\": 1}], \"isLastPage\": false, \"pageNum\": 1}}",
		"{\"data\": {\"rows\": [{\"id\": 1}], \"lastPage\": false, \"pageNo\": 1}}",
		"{\"content\": [{\"id\": 1}], \"last\": false, \"first\": true, \"number\": 0}",
		"{\"data\": {\"list\": [{\"id\": 1}], \"nextPage\": 2}}",
		"{\"data\": {\"rows\": [{\"id\": 1}], \"total\": 1, \"totalPage\": 3}}",
		"{\"result\": {\"dataList\": [{\"id\": 1}], \"totalRecord\": 57}}",
		"{\"data\": [{\"id\": 1}], \"totalNum\": \"57\"}",
		"{\"draw\": 1, \"recordsTotal\": 57, \"recordsFiltered\": 57, \"data\": [{\"id\": 1}]}",
		"{\"records\": [{\"id\": 1}], \"total\": 0, \"size\": 10, \"current\": 2, \"pages\": 0}",
		"{\"data\": {\"list\": [{\"id\": 1}], \"pageNo\": 3}}",
	};
	static const char *const whole[] = {
		"{\"data\": {\"list\": [{\"id\": 1}], \"hasNext\": false, \"pageNum\": 1, \"nextPage\": 0}}",
		"{\"data\": {\"list\": [{\"id\": 1}], \"isLastPage\": true, \"totalPage\": 1}}",
		"{\"content\": [{\"id\": 1}], \"last\": true, \"totalElements\": 1}",
		"{\"records\": [{\"id\": 1}], \"total\": 1, \"current\": 1, \"pages\": 1}",
	};
	rec r;
	rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof *pages; i++) {
		assert_int_equal(jdoc(pages[i], NULL, NULL, 0, &r, &err), RS_EUSAGE);
		assert_non_null(strstr(err.msg, "the reply holds one page of its records"));
	}
	assert_int_equal(jdoc(pages[0], NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(data.hasNext says more follow)"));
	assert_int_equal(jdoc(pages[5], NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "(data.totalPage says 3 pages)"));
	for (i = 0; i < sizeof whole / sizeof *whole; i++)
		assert_int_equal(jdoc(whole[i], NULL, NULL, 0, &r, &err), RS_OK);
}

static void test_a_page_read_under_json_path_is_said(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc("{\"result\": {\"length\": 50, \"records\": [{\"id\": 7}]}}",
	                      "result.records", NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.page, "result.length says 50 records, the array beside it holds 1");
	assert_string_equal(r.out, "H1:id\nR1:n=7\n");
	assert_int_equal(jdoc("{\"results\": [{\"id\": 1}], \"paging\": {\"next\": {\"after\": "
	                      "\"1\"}}}", "results", NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.page, "paging.next says more follow");
	assert_int_equal(jdoc("{\"results\": [{\"id\": 1}], \"total\": 1}", "results", NULL, 0,
	                      &r, &err), RS_OK);
	assert_string_equal(r.page, "");
}

/*
 * The first record's objects' plain members, as dot paths a map can name
 * (properties.name), each NUL-terminated and an empty one last, for the
 * classifier's hint; not the members that are objects or arrays, nor keys
 * holding a dot, nor later records'.
 */
static void test_the_first_records_objects_members_are_noted(void **state)
{
	static const char want[] = "properties.name\0properties.share_of_wallet\0Owner.Name\0";
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc("{\"results\": [{\"id\": \"1\", \"properties\": {\"name\": \"A\", "
	                      "\"share_of_wallet\": \"35\", \"tags\": [1], \"createdate\": {\"value\": 1}, "
	                      "\"a.b\": 1}, \"Owner\": {\"attributes\": {\"type\": \"User\"}, \"Name\": "
	                      "\"Li\"}, \"x.y\": {\"z\": 1}}, {\"id\": \"2\", \"more\": {\"k\": 1}}]}",
	                      NULL, NULL, 0, &r, &err), RS_OK);
	assert_memory_equal(r.inner, want, sizeof want);
	assert_int_equal(jsonl_with("{\"id\": 1, \"share\": 5}\n", NULL, 0, &r, &err), RS_OK);
	assert_int_equal(r.inner[0], '\0');
}

/*
 * Several arrays of objects: the run stops naming them, and --json-path
 * picks one (then any array, its non-objects rejected as usual); a path
 * with no array there names the ones there are.
 */
static void test_json_path_names_the_array_among_several(void **state)
{
	static const char two[] = "{\"results\": [{\"id\": 1}], \"meta\": {\"included\": "
	                          "[{\"id\": 2}, 3]}, \"also\": [{\"id\": 4}]}";
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc(two, NULL, NULL, 0, &r, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "the JSON object holds 2 arrays of objects (results, also); "
	                             "name the one to read with --json-path");
	assert_int_equal(jdoc(two, "also", NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id\nR1:n=4\n");
	assert_int_equal(jdoc(two, "meta.included", NULL, 0, &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id\nR1:n=2\nX1:not a JSON object: found a number|3\n");
	assert_int_equal(jdoc(two, "meta", NULL, 0, &r, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "--json-path meta: no array there; arrays of objects: "
	                             "results, also");
	assert_string_equal(err.file, "t.json");
}

/*
 * Maps naming dot paths (owner.name) add hidden cells after the columns,
 * for the field map: the value at the path (keys matched exactly, else in
 * any case), null where a row has none (a null subquery's totalSize is 0:
 * Salesforce's for no records), "{}" for an object there; a number
 * a double cannot hold exactly there rejects the row. Paths whose first key
 * is no column, and keys that hold a dot themselves, add nothing.
 */
static void test_dot_paths_in_maps_become_hidden_cells(void **state)
{
	static const char *const maps[] = {"name=owner.name", "contacts = Contacts.totalSize",
	                                   "x=owner.addr", "y=nothere.k", "z=a.b", "w=owner.name"};
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jdoc("[{\"id\": 1, \"a.b\": 2, \"owner\": {\"Name\": \"Li\", \"addr\": {}},"
	                      " \"contacts\": {\"totalSize\": 3}},\n"
	                      " {\"id\": 2, \"a.b\": 0, \"owner\": null, \"contacts\": null},\n"
	                      " {\"id\": 3, \"a.b\": 0, \"owner\": {\"name\": 12345678901234567891}}]",
	                      NULL, maps, 6, &r, &err), RS_OK);
	assert_string_equal(r.out,
	                    "H1:id|a.b|owner|contacts+owner.name|Contacts.totalSize|owner.addr\n"
	                    "R1:n=1|n=2|j={\"Name\":\"Li\",\"addr\":{}}|j={\"totalSize\":3}"
	                    "+s=Li|n=3|j={}\n"
	                    "R2:n=2|n=0|0=|0=+0=|n=0|0=\n"
	                    "X3:key \"name\" holds a number of 2^53 or more inside an object, "
	                    "which cannot be read exactly; export it as a string|{\"id\": 3, "
	                    "\"a.b\": 0, \"owner\": {\"name\": 12345678901234567891}}\n");
	/* 16 keys fill the first column arrays: the paths make them grow
	 * (under ASan: the header must not keep the old arrays) */
	assert_int_equal(jsonl_with("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,"
	                            "\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"ka\":10,\"kb\":11,"
	                            "\"kc\":12,\"kd\":13,\"ke\":14,\"owner\":{\"name\":\"x\"}}\n",
	                            maps, 1, &r, &err), RS_OK);
	assert_non_null(strstr(r.out, "|owner+owner.name\nR1:"));
	assert_non_null(strstr(r.out, "+s=x\n"));
}

static void test_array_syntax_error_names_line_and_column(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jarray("[{\"a\":1},\n {\"a\":2},\n {\"a\" 3}]", &r, &err),
	                 RS_EPARSE);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "invalid JSON at column 7");
	assert_string_equal(r.out, ""); /* nothing is emitted from a broken array */
	assert_int_equal(jarray("[{\"a\":1}\n{\"a\":2}]", &r, &err), RS_EPARSE);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "expected ',' or ']' at column 1");
	assert_int_equal(jarray("[{\"a\":1},", &r, &err), RS_EPARSE);
	assert_string_equal(err.msg, "invalid JSON at column 10"); /* the end */
	assert_int_equal(jarray("[{\"a\":1},\n  ", &r, &err), RS_EPARSE);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "invalid JSON at column 3");
	assert_int_equal(jarray("[{\"a\":1}] x", &r, &err), RS_EPARSE);
	assert_string_equal(err.msg, "unexpected text after the JSON array at column 11");
}

static void test_chinese_keys_and_values_are_intact(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"客户编号\":\"C001\",\"客户名称\":\"华为技术\","
	                       "\"采购份额\":\"85%\"}\n", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:客户编号|客户名称|采购份额\n"
	                           "R1:s=C001|s=华为技术|s=85%\n");
	assert_int_equal(jarray("[{\"名称\":\"\\u534e\\u4e3a\"}]", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:名称\nR1:s=华为\n");
}

/* head, then a value nested `depth` arrays deep, then tail. */
static const char *nested(const char *head, int depth, const char *tail)
{
	static char text[8192];
	size_t n = strlen(head);

	assert_true(n + 2 * (size_t)depth + strlen(tail) < sizeof text);
	memcpy(text, head, n);
	memset(text + n, '[', (size_t)depth);
	memset(text + n + depth, ']', (size_t)depth);
	strcpy(text + n + 2 * depth, tail);
	return text;
}

static void test_deep_nesting_is_a_reject_not_a_crash(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl(nested("{\"a\":1}\n{\"a\":", 2000, "}\n{\"a\":2}"),
	                       &r, &err), RS_OK);
	assert_non_null(strstr(r.out, "X2:not a JSON object: nested deeper than 1000 levels|"));
	assert_non_null(strstr(r.out, "R3:n=2\n"));
	assert_int_equal(jarray(nested("[{\"a\":1},{\"a\":", 2000, "},{\"a\":2}]"),
	                        &r, &err), RS_OK);
	assert_non_null(strstr(r.out, "X1:nested deeper than 1000 levels|{\"a\":[[["));
	assert_non_null(strstr(r.out, "R1:n=2\n"));
	assert_int_equal(jsonl(nested("{\"a\":", 100, "}"), &r, &err), RS_OK);
	assert_non_null(strstr(r.out, "R1:j=[[[[[["));
	/* the only object too deep: its keys are unknown, so no header; said, not "no object" */
	assert_int_equal(jarray(nested("[\n{\"a\":", 2000, "}]"), &r, &err), RS_EPARSE);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "no record could be read: the JSON array's element here is "
	                                "nested deeper than 1000 levels"));
}

/* A row callback that, like a writer, leaves its own file in err. */
static rs_status on_row_names_output(void *ctx, const rs_row *row, rs_error *err)
{
	err->file = "<stdout>";
	return on_row(ctx, row, err);
}

/*
 * A line over the record limit stops the run naming the input file and
 * line, even after the rows before it went out (the writer's error value
 * names its own file).
 */
static void test_jsonl_line_over_the_record_limit_names_the_input(void **state)
{
	rs_read_opts o = {RS_FMT_JSONL, 0,    NULL, 100,  100,   20,        NULL,
	                  NULL,         NULL, 0,    NULL, false, RS_LANG_EN};
	static char t[1001 * 8 + 32];
	FILE *fp;
	rs_input *in = NULL;
	rec r;
	rs_error err;

	(void)state;
	/* past the lines held for the header, so a row has gone out first */
	for (int i = 0; i < 1000; i++)
		memcpy(t + 8 * i, "{\"a\":1}\n", 8);
	strcpy(t + 8000, "{\"a\":\"0123456789012345\"}\n");
	fp = fmemopen(t, strlen(t), "r");
	assert_int_equal(read_text(true, t, strlen(t), &r, &err, &o), RS_ELIMIT);
	assert_int_equal(err.line, 1001);
	assert_non_null(fp);
	memset(&r, 0, sizeof r);
	rs_error_clear(&err);
	assert_int_equal(rs_input_open(&in, fp, "in.jsonl", NULL, RS_LANG_EN, &err), RS_OK);
	{
		rs_read_ctx c = {in, "in.jsonl", &o, on_header, on_row_names_output, &r, NULL, NULL};
		assert_int_equal(rs_read_jsonl(&c, &err), RS_ELIMIT);
	}
	assert_string_equal(err.file, "in.jsonl");
	assert_int_equal(err.line, 1001);
	assert_non_null(strstr(r.out, "H1:a\nR1:n=1\n"));
	assert_non_null(strstr(r.out, "R1000:n=1\n"));
	rs_input_free(in);
	fclose(fp);
}

/*
 * Bytes invalid in the encoding stop the run with the line they are on.
 * (They sit past the first 64 KiB: rs_input currently reports bad bytes in
 * its first block before delivering the good bytes ahead of them.)
 */
static void test_encoding_error_names_the_line(void **state)
{
	rs_read_opts o = {RS_FMT_JSONL,
	                  0,
	                  "utf-8",
	                  RS_DEFAULT_MAX_FIELD,
	                  RS_DEFAULT_MAX_COLUMNS,
	                  RS_DEFAULT_MAX_RECORD,
	                  NULL,
	                  NULL,
	                  NULL,
	                  0,
	                  NULL,
	                  false,
	                  RS_LANG_EN};
	static char t[100000];
	size_t n = 0;
	rec r;
	rs_error err;

	(void)state;
	while (n < 70000)
		n += (size_t)sprintf(t + n, "{\"a\":1}\n"); /* 8 bytes a line */
	n += (size_t)sprintf(t + n, "\n{\"a\":\"\xff\"}\n");
	assert_int_equal(read_text(true, t, n, &r, &err, &o), RS_EENCODING);
	assert_int_equal(err.line, 70000 / 8 + 2);
	assert_string_equal(err.file, "t.json");
	o.format = RS_FMT_JSON;
	t[0] = '[';
	for (size_t i = 8; i < 70000; i += 8)
		t[i - 1] = ','; /* one line of elements, two newlines, the bad one */
	assert_int_equal(read_text(false, t, n, &r, &err, &o), RS_EENCODING);
	assert_int_equal(err.line, 3);
	assert_string_equal(r.out, ""); /* an array is read whole before any row */
}

/* Runs a fixture through the public reader; the format comes from its name. */
static rs_status read_file(const char *path, rec *r, rs_error *err)
{
	rs_read_opts o;
	rs_reader *rd = NULL;
	FILE *fp = fopen(path, "rb");
	rs_status st;

	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(r, 0, sizeof *r);
	rs_error_clear(err);
	st = rs_reader_open(&rd, fp, path, &o, err);
	if (st == RS_OK)
		st = rs_reader_run(rd, on_header, on_row, r, err);
	rs_reader_free(rd);
	fclose(fp);
	return st;
}

static void test_crm_export_jsonl_with_crlf_and_chinese_through_the_reader(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(read_file("data/json_crm_zh_crlf.jsonl", &r, &err), RS_OK);
	assert_string_equal(r.out,
	                    "H1:客户编号|客户名称|采购份额|战略协议\n"
	                    "R1:s=C001|s=华为技术有限公司|s=85%|s=是\n"
	                    "R3:s=C002|s=Acme, \"Ltd\"|n=12.5|b=false\n"
	                    "R4:s=C003|0=|n=0|0=\n");
}

static void test_pretty_printed_array_through_the_reader(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(read_file("data/json_export.json", &r, &err), RS_OK);
	assert_string_equal(r.out,
	                    "H1:id|name|purchase_share|strategic_agreement|equity_tie\n"
	                    "R2:s=A-1|s=北京星辰科技|n=80|b=true|0=\n"
	                    "R8:s=A-2|s=Müller GmbH|n=49.9|0=|b=false\n");
}

/* An allocator that fails the Nth allocation (counting from 1). */
static long fail_at, alloc_count;

static void *fail_malloc(size_t n)
{
	return ++alloc_count == fail_at ? NULL : malloc(n);
}

static void *fail_realloc(void *p, size_t n)
{
	return ++alloc_count == fail_at ? NULL : realloc(p, n);
}

/*
 * Every allocation along a run that reads good rows, rejects and a
 * deeply nested line fails in turn: the run then ends in RS_ENOMEM, or
 * gives exactly the reference output, never a made-up reject (cJSON's NULL
 * on an allocation failure must not be taken for bad input).
 */
static void test_each_allocation_failure_is_enomem_never_a_reject(void **state)
{
	static const rs_alloc_hooks h = {fail_malloc, fail_realloc, free};
	static const char *const maps[] = {"z=b.c", "y=q.r"};
	const char *texts[3] = {
		"x\n{\"a\":1,\"b\":\"t\"}\n{\"a\":[1]}\n{\"b\":2.5,\"a\":null}\n",
		"[{\"a\":1,\"b\":\"t\"},{\"c\":[1]},3,{\"b\":2.5}]",
		"{\"n\":2,\"data\":{\"items\":[{\"a\":12345678901234567891,\"b\":{\"c\":[1, \"x\"]}},"
		"{\"b\":{\"c\":7},\"q\":{\"r\":null}}]}}"};
	rs_read_opts o = {.format = RS_FMT_JSON, .max_field = RS_DEFAULT_MAX_FIELD,
	                  .max_columns = RS_DEFAULT_MAX_COLUMNS,
	                  .max_record = RS_DEFAULT_MAX_RECORD, .maps = maps, .nmaps = 2};
	rec ref, r;
	rs_error err;

	(void)state;
	for (int k = 0; k < 3; k++) {
		bool lines = k == 0;
		o.format = lines ? RS_FMT_JSONL : RS_FMT_JSON;
		assert_int_equal(read_text(lines, texts[k], strlen(texts[k]), &ref, &err, &o), RS_OK);
		rs_set_alloc_hooks(&h);
		for (fail_at = 1;; fail_at++) {
			rs_status st;
			alloc_count = 0;
			st = read_text(lines, texts[k], strlen(texts[k]), &r, &err, &o);
			if (st == RS_OK) {
				assert_string_equal(r.out, ref.out);
				if (alloc_count < fail_at)
					break;
			} else {
				assert_int_equal(st, RS_ENOMEM);
			}
		}
		rs_set_alloc_hooks(NULL);
		assert_true(fail_at > 5);
	}
}

/* Escapes are decoded (\" \\ \/ \n \t \u). */
static void test_jsonl_escaped_strings_are_decoded(void **state)
{
	rec r;
	rs_error err;

	(void)state;
	assert_int_equal(jsonl("{\"id\":\"a\",\"n\":\"x\"}\n"
	                       "{\"id\":\"I \\\"T\\\" \\\\ \\/\\n\",\"n\":\"\\u4e2d\"}\n"
	                       "{\"id\":\"\\t\",\"n\":\"q\\\"\"}\n", &r, &err), RS_OK);
	assert_string_equal(r.out, "H1:id|n\n"
	                           "R1:s=a|s=x\n"
	                           "R2:s=I \"T\" \\ /\n|s=\xe4\xb8\xad\n"
	                           "R3:s=\t|s=q\"\n");
}

/* Counts the rows and checks every cell of a wide row of long strings. */
typedef struct wide {
	size_t rows, cells;
} wide;

static rs_status wide_header(void *ctx, const rs_row *row, rs_error *err)
{
	(void)ctx;
	(void)err;
	assert_int_equal(row->n, 300);
	return RS_OK;
}

static rs_status wide_row(void *ctx, const rs_row *row, rs_error *err)
{
	wide *w = ctx;

	(void)err;
	assert_null(row->reject);
	for (size_t i = 0; i < row->n; i++) {
		if (row->len[i] == 0)
			continue;
		assert_int_equal(row->len[i], 4000);
		assert_int_equal(row->cell[i][0], (char)('a' + (i + w->rows) % 26));
		assert_int_equal(row->cell[i][3999], 'z');
		w->cells++;
	}
	w->rows++;
	return RS_OK;
}

/* 300 keys "kN" whose values are 4000 letters, the first shifted by `shift`. */
static size_t wide_line(char *t, size_t shift)
{
	size_t at = 0;

	t[at++] = '{';
	for (size_t k = 0; k < 300; k++) {
		at += (size_t)sprintf(t + at, "%s\"k%zu\":\"", k ? "," : "", k);
		memset(t + at, 'z', 4000);
		t[at] = (char)('a' + (k + shift) % 26);
		at += 4000;
		t[at++] = '"';
	}
	t[at++] = '}';
	t[at++] = '\n';
	return at;
}

/*
 * A record of 1.2 MB of strings between small ones: its cells are intact,
 * and so are the next row's (nothing of the big tree is left behind; run
 * under valgrind to see that nothing stays allocated).
 */
static void test_jsonl_wide_record_of_long_strings_reads_whole(void **state)
{
	size_t cap = 3 * 1300000, n = 0;
	char *t = malloc(cap);
	rs_read_opts o = {RS_FMT_JSONL,
	                  0,
	                  NULL,
	                  RS_DEFAULT_MAX_FIELD,
	                  RS_DEFAULT_MAX_COLUMNS,
	                  RS_DEFAULT_MAX_RECORD,
	                  NULL,
	                  NULL,
	                  NULL,
	                  0,
	                  NULL,
	                  false,
	                  RS_LANG_EN};
	wide w = {0, 0};
	rs_input *in = NULL;
	rs_error err;
	FILE *fp;

	(void)state;
	assert_non_null(t);
	n += wide_line(t + n, 0);
	n += (size_t)sprintf(t + n, "{\"k2\":\"%c%03998dz\"}\n", 'a' + 3, 0);
	n += wide_line(t + n, 2);
	assert_non_null(fp = fmemopen(t, n, "r"));
	rs_error_clear(&err);
	assert_int_equal(rs_input_open(&in, fp, "t.json", NULL, RS_LANG_EN, &err), RS_OK);
	{
		rs_read_ctx c = {in, "t.json", &o, wide_header, wide_row, &w, NULL, NULL};
		assert_int_equal(rs_read_jsonl(&c, &err), RS_OK);
	}
	assert_int_equal(w.rows, 3);
	assert_int_equal(w.cells, 601);
	rs_input_free(in);
	fclose(fp);
	free(t);
}

/*
 * Keys are matched to columns by position, then by hash: a key of any
 * length 0..40 matches only itself, one byte changed anywhere is unknown
 * (past the first 1000 lines, whose keys are the columns).
 */
static void test_jsonl_keys_match_only_byte_for_byte(void **state)
{
	static rec r;
	static char text[1040 * 64];
	char key[48];
	rs_error err;

	(void)state;
	for (size_t n = 0; n <= 40; n++) {
		size_t at = 0;

		for (size_t k = 0; k < n; k++)
			key[k] = (char)('a' + (k * 7) % 26);
		key[n] = '\0';
		at += (size_t)sprintf(text + at, "{\"%s\":1,\"z\":2}\n", key);
		for (size_t k = 1; k < 1000; k++)
			at += (size_t)sprintf(text + at, "{\"%s\":3,\"z\":4}\n", key);
		for (size_t p = 0; p < n; p++) {
			key[p] = (char)(key[p] == 'A' ? 'B' : 'A');
			at += (size_t)sprintf(text + at, "{\"%s\":5,\"z\":6}\n", key);
			key[p] = (char)('a' + (p * 7) % 26);
		}
		assert_int_equal(jsonl(text, &r, &err), RS_OK);
		{
			size_t good = 0, bad = 0;
			for (const char *q = r.out; (q = strchr(q, '\n')) != NULL; q++) {
				good += q[1] == 'R';
				bad += q[1] == 'X';
			}
			assert_int_equal(good, 1000);
			assert_int_equal(bad, n);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_header_is_first_objects_keys),
		cmocka_unit_test(test_array_header_is_union_of_keys_in_first_seen_order),
		cmocka_unit_test(test_each_value_type_gives_its_text_and_type),
		cmocka_unit_test(test_numbers_from_2_53_keep_their_text),
		cmocka_unit_test(test_null_and_missing_keys_are_null_cells),
		cmocka_unit_test(test_number_1e400_rejects_the_row),
		cmocka_unit_test(test_nested_values_pass_through_as_compact_text),
		cmocka_unit_test(test_nested_value_over_the_field_limit_rejects_the_row),
		cmocka_unit_test(test_duplicate_key_rejects_the_row),
		cmocka_unit_test(test_u0000_in_a_string_rejects_the_row),
		cmocka_unit_test(test_every_record_holding_u0000_is_a_rejected_row),
		cmocka_unit_test(test_text_problems_each_have_their_reason),
		cmocka_unit_test(test_jsonl_keys_of_the_first_lines_are_the_columns),
		cmocka_unit_test(test_jsonl_invalid_line_is_rejected_and_the_next_is_read),
		cmocka_unit_test(test_jsonl_rejects_before_the_first_object_follow_the_header),
		cmocka_unit_test(test_jsonl_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(test_jsonl_crlf_and_surrounding_spaces),
		cmocka_unit_test(test_array_element_lines_are_where_the_brace_is),
		cmocka_unit_test(test_array_top_level_must_be_an_array),
		cmocka_unit_test(test_an_object_wrapping_one_array_of_objects_is_read_as_it),
		cmocka_unit_test(test_one_page_of_a_paged_reply_stops_unless_named),
		cmocka_unit_test(test_a_count_beside_the_array_larger_than_it_is_one_page),
		cmocka_unit_test(test_a_count_in_a_pagination_object_beside_the_array_is_one_page),
		cmocka_unit_test(test_java_apis_paging_signs_say_one_page),
		cmocka_unit_test(test_a_page_read_under_json_path_is_said),
		cmocka_unit_test(test_the_first_records_objects_members_are_noted),
		cmocka_unit_test(test_json_path_names_the_array_among_several),
		cmocka_unit_test(test_dot_paths_in_maps_become_hidden_cells),
		cmocka_unit_test(test_array_syntax_error_names_line_and_column),
		cmocka_unit_test(test_chinese_keys_and_values_are_intact),
		cmocka_unit_test(test_deep_nesting_is_a_reject_not_a_crash),
		cmocka_unit_test(test_jsonl_line_over_the_record_limit_names_the_input),
		cmocka_unit_test(test_encoding_error_names_the_line),
		cmocka_unit_test(test_crm_export_jsonl_with_crlf_and_chinese_through_the_reader),
		cmocka_unit_test(test_pretty_printed_array_through_the_reader),
		cmocka_unit_test(test_each_allocation_failure_is_enomem_never_a_reject),
		cmocka_unit_test(test_jsonl_escaped_strings_are_decoded),
		cmocka_unit_test(test_jsonl_wide_record_of_long_strings_reads_whole),
		cmocka_unit_test(test_jsonl_keys_match_only_byte_for_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
