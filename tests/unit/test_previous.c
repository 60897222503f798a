/* test_previous.c - the previous run's index: loading relstage output in any
 * format, duplicates, unknown stages, and visiting ids in this run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "previous_impl.h"
#include "internals.h"

#include "fixture_rules.h"

typedef struct diags {
	size_t n;
	char last[600];
} diags;

static void collect(void *ctx, const rs_error *e)
{
	diags *d = ctx;

	d->n++;
	(void)rs_error_format(e, d->last, sizeof d->last);
}

/* Loads `text` as if it were the file `name`, with the input's mapping `co`. */
static rs_status load_with(const char *name, const char *text, const rs_classify_opts *co,
                           rs_previous **p, diags *d, rs_error *e)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	rs_read_opts ro;
	rs_status st;

	assert_non_null(fp);
	memset(&ro, 0, sizeof ro);
	memset(e, 0, sizeof *e);
	if (d != NULL)
		memset(d, 0, sizeof *d);
	st = rs_previous_load(p, fp, name, &ro, rules, co, collect, d, e);
	fclose(fp);
	return st;
}

static rs_status load(const char *name, const char *text, rs_previous **p, diags *d, rs_error *e)
{
	return load_with(name, text, NULL, p, d, e);
}

static long stage(const char *id)
{
	return rs_rules_stage_index(rules, id);
}

static long visit(rs_previous *p, const char *id, unsigned long line, unsigned long *first)
{
	const char *file;

	return rs_previous_visit(p, id, strlen(id), NULL, line, &file, first);
}

static const char csv_out[] =
	"id,name,purchase_share,stage,stage_label,transition\n"
	"A1,Alpha,0,development,Development,\n"
	"A2,\"Beta, Inc.\",60,stable,Stable cooperation,\n"
	"A3,Gamma,90,strategic,Strategic cooperation,\n";

static void test_csv_output_loads_ids_and_stages(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;
	diags d;

	(void)state;
	assert_int_equal(load("last.csv", csv_out, &p, &d, &e), RS_OK);
	assert_int_equal(rs_test_previous_count(p), 3);
	assert_int_equal(d.n, 0);
	assert_int_equal(visit(p, "A2", 2, &first), stage("stable"));
	assert_int_equal(visit(p, "A3", 3, &first), stage("strategic"));
	assert_int_equal(visit(p, "A1", 4, &first), stage("development"));
	rs_previous_free(p);
}

/* The id is found as the input's, with -m; a file cut down to fewer columns
 * than --ignore names falls back to -m alone; an error of the first
 * attempt is the one reported. */
static void test_id_found_with_the_inputs_mapping(void **state)
{
	static const char crm[] = "Record Id,Account Number,stage\nz1,E01,stable\n";
	const char *maps[] = {"id=Account Number"}, *ignores[] = {"Record Id"}, *bad[] = {"id=Nope"};
	rs_classify_opts co;
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	memset(&co, 0, sizeof co);
	co.maps = maps;
	co.nmaps = 1;
	assert_int_equal(load_with("crm.csv", crm, &co, &p, NULL, &e), RS_OK);
	assert_int_equal(visit(p, "E01", 2, &first), stage("stable"));
	rs_previous_free(p);
	co.ignores = ignores;
	co.nignores = 1;
	assert_int_equal(load_with("cut.csv", "Account Number,stage\nE01,initial\n", &co, &p, NULL, &e),
	                 RS_OK); /* --ignore names a column the cut file lacks */
	assert_int_equal(visit(p, "E01", 2, &first), stage("initial"));
	rs_previous_free(p);
	co.maps = bad;
	assert_int_equal(load_with("crm.csv", crm, &co, &p, NULL, &e), RS_EUSAGE);
	assert_non_null(strstr(e.msg, "Nope"));
}

static void test_jsonl_output_loads(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.jsonl",
	                      "{\"id\":\"J1\",\"purchase_share\":40,\"stage\":\"initial\"}\n"
	                      "{\"id\":\"J2\",\"purchase_share\":85,\"stage\":\"strategic\"}\n",
	                      &p, NULL, &e),
	                 RS_OK);
	assert_int_equal(rs_test_previous_count(p), 2);
	assert_int_equal(visit(p, "J2", 2, &first), stage("strategic"));
	assert_int_equal(visit(p, "J1", 3, &first), stage("initial"));
	rs_previous_free(p);
}

static void test_json_array_with_numeric_ids_loads(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.json", "[{\"id\":1001,\"share\":20,\"stage\":\"initial\"}]\n", &p,
	                      NULL, &e),
	                 RS_OK);
	assert_int_equal(visit(p, "1001", 2, &first), stage("initial"));
	rs_previous_free(p);
}

static void test_duplicate_id_in_previous_is_warned_and_first_kept(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;
	diags d;

	(void)state;
	assert_int_equal(load("last.csv",
	                      "id,stage\nA1,stable\nA2,initial\nA1,development\n", &p, &d, &e),
	                 RS_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.last, "last.csv:4: duplicate id \"A1\" (first at line 2); the first is used");
	assert_int_equal(rs_test_previous_count(p), 2);
	assert_int_equal(visit(p, "A1", 2, &first), stage("stable"));
	rs_previous_free(p);
}

static void test_unknown_stage_is_an_error_naming_the_line(void **state)
{
	rs_previous *p = NULL;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.csv", "id,stage\nA1,stable\nA2,platinum\n", &p, NULL, &e), RS_EPARSE);
	assert_null(p);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.msg, "stage \"platinum\" is not a stage of the rules in force");
}

static void test_output_without_stage_column_is_an_error(void **state)
{
	rs_previous *p = NULL;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.csv", "id,purchase_share\nA1,50\n", &p, NULL, &e), RS_EPARSE);
	assert_null(p);
	assert_non_null(strstr(e.msg, "no \"stage\" (or \"阶段\") column"));
	assert_non_null(strstr(e.msg, "not table"));
}

static void test_file_of_ids_and_stages_only_needs_no_share_column(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.csv", "customer_id,stage\nC9,stable\n", &p, NULL, &e), RS_OK);
	assert_int_equal(visit(p, "C9", 2, &first), stage("stable"));
	rs_previous_free(p);
}

/* Excel's ="00124" is the id 00124, as in this run's input; so is the
 * neutralised '="00124" a CSV output of such an input holds. */
static void test_excel_text_formula_id_is_its_text(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;
	diags d;

	(void)state;
	assert_int_equal(load("last.csv", "id,stage\n\"=\"\"00123\"\"\",stable\n"
	                                  "\"'=\"\"00124\"\"\",initial\n00123 ,initial\n",
	                      &p, &d, &e),
	                 RS_OK);
	assert_int_equal(visit(p, "00123", 2, &first), stage("stable"));
	assert_int_equal(visit(p, "00124", 3, &first), stage("initial"));
	assert_string_equal(d.last, "last.csv:4: duplicate id \"00123\" (first at line 2); the first is used");
	rs_previous_free(p);
}

static void test_formula_neutralised_id_matches_the_raw_id(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.csv", "id,stage\n'=X1,stable\n'-7A,initial\n", &p, NULL, &e), RS_OK);
	assert_int_equal(visit(p, "=X1", 2, &first), stage("stable"));
	assert_int_equal(visit(p, "-7A", 3, &first), stage("initial"));
	rs_previous_free(p);
}

/* Several inputs: a repeat names the file of the first, not only its line. */
static void test_duplicate_in_a_later_file_names_the_first_file(void **state)
{
	char a[] = "jan.csv", b[] = "feb.csv";
	const char *file = NULL;
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.csv", csv_out, &p, NULL, &e), RS_OK);
	assert_int_equal(rs_previous_visit(p, "A2", 2, a, 3, &file, &first), stage("stable"));
	assert_int_equal(rs_previous_visit(p, "N1", 2, a, 4, &file, &first), RS_PREV_NEW);
	assert_int_equal(rs_previous_visit(p, "A2", 2, b, 3, &file, &first), RS_PREV_DUPLICATE);
	assert_string_equal(file, "jan.csv");
	assert_int_equal(first, 3);
	assert_int_equal(rs_previous_visit(p, "N1", 2, b, 5, &file, &first), RS_PREV_DUPLICATE);
	assert_string_equal(file, "jan.csv");
	assert_int_equal(first, 4);
	assert_int_equal(rs_previous_visit(p, "N2", 2, b, 6, &file, &first), RS_PREV_NEW);
	assert_int_equal(rs_previous_visit(p, "N2", 2, b, 9, &file, &first), RS_PREV_DUPLICATE);
	assert_string_equal(file, "feb.csv");
	assert_int_equal(first, 6);
	rs_previous_free(p);
}

/* Ids that changed shape between the months (a spreadsheet dropped the
 * zeros, someone typed full-width or lower case) are counted and shown;
 * one whose loose twin was seen as written, or was rejected, is not. */
static void test_reshaped_ids_are_counted_with_an_example(void **state)
{
	static const char last[] = "id,stage\n123,initial\nABC,stable\nM5,stable\nKEEP,initial\n"
	                           "77,initial\nR1,stable\n";
	const char *now[] = {"00123", "abc", "\xEF\xBC\xAD\xEF\xBC\x95" /* Ｍ５ */, "KEEP", "X", "77",
	                     "077", "r1"};
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_buf msg;
	rs_error e;
	size_t i;

	(void)state;
	rs_buf_init(&msg);
	assert_int_equal(load("last.csv", last, &p, NULL, &e), RS_OK);
	rs_previous_reject(p, "R1", 2, 9);
	for (i = 0; i < sizeof now / sizeof now[0]; i++)
		(void)visit(p, now[i], 2 + i, &first);
	assert_int_equal(rs_previous_reshaped(p, RS_LANG_EN, &msg), 3);
	assert_non_null(strstr(msg.data, "3 accounts new in this run match vanished ones"));
	assert_non_null(strstr(msg.data, "(\"00123\" here, \"123\" there)"));
	rs_buf_reset(&msg);
	assert_int_equal(rs_previous_reshaped(p, RS_LANG_ZH, &msg), 3);
	assert_non_null(strstr(msg.data, "本次有 3 个新增客户与上次运行中消失的客户只差大小写"));
	assert_non_null(strstr(msg.data, "（本次 \"00123\"，上次 \"123\"）：id 按原样比较"));
	rs_buf_free(&msg);
	rs_previous_free(p);
	assert_int_equal(load("last.csv", last, &p, NULL, &e), RS_OK);
	(void)visit(p, "123", 2, &first);
	assert_int_equal(rs_previous_reshaped(p, RS_LANG_EN, &msg), 0);
	assert_null(msg.data);
	rs_previous_free(p);
}

/* Full-width letters of either row (Ｍ, ｂ) read as their ASCII twins, as
 * value words read them; the ideographic space does not, unlike in values. */
static void test_reshaped_ids_read_full_width_letters_not_the_ideographic_space(void **state)
{
	static const char last[] = "id,stage\nAB7,stable\nQ 1,stable\n";
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_buf msg;
	rs_error e;

	(void)state;
	rs_buf_init(&msg);
	assert_int_equal(load("last.csv", last, &p, NULL, &e), RS_OK);
	(void)visit(p, "\xEF\xBC\xA1\xEF\xBD\x82\xEF\xBC\x97" /* Ａｂ７ */, 2, &first);
	(void)visit(p, "Q\xE3\x80\x80" "1" /* Q　1 */, 3, &first);
	assert_int_equal(rs_previous_reshaped(p, RS_LANG_EN, &msg), 1);
	assert_non_null(strstr(msg.data, "\"AB7\" there"));
	rs_buf_free(&msg);
	rs_previous_free(p);
}

static void test_visit_new_then_repeat_is_duplicate_with_first_line(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	assert_int_equal(load("last.csv", csv_out, &p, NULL, &e), RS_OK);
	assert_int_equal(visit(p, "N1", 7, &first), RS_PREV_NEW);
	assert_int_equal(visit(p, "N1", 9, &first), RS_PREV_DUPLICATE);
	assert_int_equal(first, 7);
	assert_int_equal(visit(p, "A2", 10, &first), stage("stable"));
	first = 0;
	assert_int_equal(visit(p, "A2", 12, &first), RS_PREV_DUPLICATE);
	assert_int_equal(first, 10);
	/* Vanished: A1 and A3; A2 was seen, and N1, new in this run, is no
	 * previous account. */
	assert_int_equal(rs_test_previous_count(p), 2);
	rs_previous_free(p);
}

typedef struct seen {
	char ids[8][8];
	size_t stage[8];
	size_t n;
} seen;

static void note(void *ctx, const char *id, size_t st)
{
	seen *s = ctx;

	assert_true(s->n < 8);
	strcpy(s->ids[s->n], id);
	s->stage[s->n++] = st;
}

static void test_vanished_are_the_unvisited_in_file_order(void **state)
{
	rs_previous *p = NULL;
	unsigned long first = 0;
	seen s;
	rs_error e;

	(void)state;
	memset(&s, 0, sizeof s);
	assert_int_equal(load("last.csv", "id,stage\nV5,stable\nV1,initial\nV3,strategic\nV2,development\n",
	                      &p, NULL, &e),
	                 RS_OK);
	(void)visit(p, "V1", 2, &first);
	(void)visit(p, "NEW", 3, &first);
	rs_previous_each(p, false, note, &s);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.ids[0], "V5");
	assert_string_equal(s.ids[1], "V3");
	assert_string_equal(s.ids[2], "V2");
	assert_int_equal(s.stage[1], stage("strategic"));
	rs_previous_free(p);
}

static void test_many_ids_survive_table_growth(void **state)
{
	char text[200000], id[16];
	size_t n = 0, i;
	rs_previous *p = NULL;
	unsigned long first = 0;
	rs_error e;

	(void)state;
	n += (size_t)sprintf(text + n, "id,stage\n");
	for (i = 0; i < 5000; i++)
		n += (size_t)sprintf(text + n, "K%zu,%s\n", i, i % 2 ? "stable" : "initial");
	assert_int_equal(load("last.csv", text, &p, NULL, &e), RS_OK);
	assert_int_equal(rs_test_previous_count(p), 5000);
	for (i = 0; i < 5000; i++) {
		sprintf(id, "K%zu", i);
		assert_int_equal(visit(p, id, i + 2, &first), stage(i % 2 ? "stable" : "initial"));
	}
	rs_previous_free(p);
	rs_previous_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_output_loads_ids_and_stages),
		cmocka_unit_test(test_reshaped_ids_are_counted_with_an_example),
		cmocka_unit_test(test_reshaped_ids_read_full_width_letters_not_the_ideographic_space),
		cmocka_unit_test(test_duplicate_in_a_later_file_names_the_first_file),
		cmocka_unit_test(test_id_found_with_the_inputs_mapping),
		cmocka_unit_test(test_jsonl_output_loads),
		cmocka_unit_test(test_json_array_with_numeric_ids_loads),
		cmocka_unit_test(test_duplicate_id_in_previous_is_warned_and_first_kept),
		cmocka_unit_test(test_unknown_stage_is_an_error_naming_the_line),
		cmocka_unit_test(test_excel_text_formula_id_is_its_text),
		cmocka_unit_test(test_output_without_stage_column_is_an_error),
		cmocka_unit_test(test_file_of_ids_and_stages_only_needs_no_share_column),
		cmocka_unit_test(test_formula_neutralised_id_matches_the_raw_id),
		cmocka_unit_test(test_visit_new_then_repeat_is_duplicate_with_first_line),
		cmocka_unit_test(test_vanished_are_the_unvisited_in_file_order),
		cmocka_unit_test(test_many_ids_survive_table_growth),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
