/* test_mapfile.c - --map-file: what it holds, every problem named by its
 * key, -m winning over it, its ignored columns and value words in a run;
 * what inspect --write-map writes reads back the same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "internals.h"
#include "mapfile.h"
#include "test_row.h"

static rs_mapfile *parse_ok(const char *text)
{
	rs_mapfile *m = NULL;
	rs_error err;

	rs_error_clear(&err);
	if (rs_mapfile_parse(&m, text, strlen(text), "map.json", &err) != RS_OK)
		fail_msg("unexpected error: %s: %s", err.where, err.msg);
	return m;
}

static void parse_fails(const char *text, rs_error *err)
{
	rs_mapfile *m = NULL;

	rs_error_clear(err);
	assert_int_equal(rs_mapfile_parse(&m, text, strlen(text), "map.json", err), RS_EUSAGE);
	assert_null(m);
	assert_string_equal(err->file, "map.json");
}

static void test_a_map_file_holds_fields_ignores_words_and_the_header_row(void **state)
{
	rs_mapfile *m = parse_ok("{\"relstage_map\": 1, \"header_row\": 3,"
	                         " \"fields\": {\"id\": \"Kunden-Nr\", \"our_sales\": \"\"},"
	                         " \"ignore\": [\"Sales\", \"Owner\"],"
	                         " \"values\": {\"key_person\": {\"Ja\": \"yes\", \"Nein\": false},"
	                         "  \"top_contact_level\": {\"Individual Contributor\": \"staff\", \"VP\": 4},"
	                         "  \"contacts\": {\"keine\": 0}}}");
	double v = -1;

	(void)state;
	assert_int_equal(m->header_row, 3);
	assert_int_equal(m->nfields, 2);
	assert_string_equal(m->field[0], "id");
	assert_string_equal(m->column[0], "Kunden-Nr");
	assert_string_equal(m->field_key[0], "fields.id");
	assert_string_equal(m->column[1], "");
	assert_int_equal(m->nignore, 2);
	assert_string_equal(m->ignore[1], "Owner");
	/* words compared as values are: case and spaces do not matter */
	assert_true(rs_value_word_lookup(&m->words[RS_F_KEY_PERSON], " JA ", 4, &v));
	assert_true(v == 1);
	assert_true(rs_value_word_lookup(&m->words[RS_F_KEY_PERSON], "nein", 4, &v));
	assert_true(v == 0);
	assert_true(rs_value_word_lookup(&m->words[RS_F_TOP_CONTACT_LEVEL], "individual-contributor", 22, &v));
	assert_true(v == 1);
	assert_true(rs_value_word_lookup(&m->words[RS_F_TOP_CONTACT_LEVEL], "vp", 2, &v));
	assert_true(v == 4);
	assert_true(rs_value_word_lookup(&m->words[RS_F_CONTACTS], "Keine", 5, &v));
	assert_true(v == 0);
	assert_false(rs_value_word_lookup(&m->words[RS_F_KEY_PERSON], "vielleicht", 10, &v));
	rs_mapfile_free(m);
}

static void test_every_problem_is_named_by_its_key(void **state)
{
	rs_error err;

	(void)state;
	parse_fails("{\"fields\": {\"contactz\": \"x\", \"id\": 3}, \"header_row\": 0,"
	            " \"values\": {\"key_person\": {\"Ja\": \"vielleicht\"}, \"id\": {\"x\": 1}},"
	            " \"ignore\": \"Sales\", \"colour\": 1}", &err);
	assert_string_equal(err.where, "colour");
	assert_non_null(strstr(err.msg, "unknown key \"colour\""));
	assert_non_null(strstr(err.msg, "; header_row: expected the header's line number (1 or more)"));
	assert_non_null(strstr(err.msg, "; fields.contactz: unknown field"));
	assert_non_null(strstr(err.msg, "; fields.id: expected the column's name as a string"));
	assert_non_null(strstr(err.msg, "; ignore: expected an array of column names"));
	assert_non_null(strstr(err.msg, "; values.key_person.Ja: expected yes or no"));
	assert_non_null(strstr(err.msg, "; values.id: id and name take no value words"));
	parse_fails("{\"fields\": {\"id\": \"x\"", &err);
	assert_non_null(strstr(err.msg, "JSON syntax error"));
	assert_int_equal(err.line, 1);
	parse_fails("[1]", &err);
	assert_non_null(strstr(err.msg, "expected an object"));
	parse_fails("{\"relstage_map\": 2}", &err);
	assert_string_equal(err.where, "relstage_map");
}

static void test_a_missing_file_names_its_path(void **state)
{
	rs_mapfile *m = NULL;
	rs_error err;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_mapfile_load(&m, "no/such/map.json", &err), RS_EIO);
	assert_string_equal(err.file, "no/such/map.json");
	assert_non_null(strstr(err.msg, "cannot open"));
}

static void test_m_wins_over_the_file_and_its_words_read_cells(void **state)
{
	rs_mapfile *file = parse_ok("{\"fields\": {\"id\": \"Nr\", \"purchase_share\": \"Anteil\","
	                            " \"key_person\": \"Entscheider\"},"
	                            " \"ignore\": [\"Sales\"],"
	                            " \"values\": {\"key_person\": {\"vorhanden\": \"yes\"}}}");
	const char *maps[] = {"id=Kunde"};
	rs_fieldcfg cfg;
	rs_fieldmap *m = NULL;
	rs_account a;
	rs_error err;
	trow h, r;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.file = file;
	cfg.maps = maps;
	cfg.nmaps = 1;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Nr|Kunde|Anteil|Sales|Entscheider", 1), &cfg, NULL, &err),
	                 RS_OK);
	assert_int_equal(m->col[RS_F_ID], 1);
	assert_int_equal(m->how[RS_F_ID], RS_HOW_MAP);
	assert_int_equal(m->col[RS_F_PURCHASE_SHARE], 2);
	assert_int_equal(m->how[RS_F_PURCHASE_SHARE], RS_HOW_FILE);
	assert_int_equal(m->col[RS_F_OUR_SALES], -1); /* ignored */
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "1|K1|40|Jane|vorhanden", 2), NULL, &a, &err), RS_OK);
	assert_true(rs_known(&a, RS_F_KEY_PERSON) && a.v[RS_F_KEY_PERSON] == 1);
	rs_fieldmap_free(m);
	/* the file's ignored column need not be there; its fields must: the
	 * file and key are named */
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Kunde|Share|Entscheider", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_string_equal(err.where, "map.json: fields.purchase_share");
	assert_non_null(strstr(err.msg, "no such column in the header"));
	assert_null(m);
	rs_mapfile_free(file);
}

/* "options" names the signal of a cooperation option the built-in words do
 * not know (or none: passed over); a built-in option naming another signal,
 * a count or an unknown field is a problem, named by its key. */
static void test_options_name_a_cooperation_options_signal(void **state)
{
	rs_mapfile *file = parse_ok("{\"options\": {\"Key Account Program\": \"strategic_agreement\","
	                            " \"Alleinbezug\": \"exclusive\", \"Reseller\": \"\","
	                            " \"Rahmenvertrag\": \"strategic_agreement\"}}");
	rs_fieldcfg cfg;
	rs_fieldmap *m = NULL;
	rs_account a;
	rs_error err;
	trow h, r;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.file = file;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|purchase_share|Cooperation", 1), &cfg, NULL, &err),
	                 RS_OK);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "1|40|key-account program;Alleinbezug", 2), NULL, &a, &err),
	                 RS_OK);
	assert_true(rs_known(&a, RS_F_STRATEGIC_AGREEMENT) && a.v[RS_F_STRATEGIC_AGREEMENT] == 1);
	assert_true(rs_known(&a, RS_F_EXCLUSIVE) && a.v[RS_F_EXCLUSIVE] == 1);
	assert_false(rs_known(&a, RS_F_EQUITY_TIE));
	/* none: passed over, nothing known, no reject */
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "2|40|Reseller", 3), NULL, &a, &err), RS_OK);
	assert_false(rs_known(&a, RS_F_STRATEGIC_AGREEMENT) || rs_known(&a, RS_F_EXCLUSIVE));
	/* an option neither knows still rejects the row, pointing to "options" */
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "3|40|Partner Portal", 4), NULL, &a, &err), RS_EREJECT);
	assert_non_null(strstr(err.msg, "map file's options"));
	rs_fieldmap_free(m);
	rs_mapfile_free(file);
	parse_fails("{\"options\": {\"Exclusive\": \"strategic_agreement\", \"Reseller\": \"\","
	            " \"JV\": \"\", \"JP\": \"joint_projects\"}}", &err);
	assert_string_equal(err.where, "options.Exclusive");
	assert_non_null(strstr(err.msg, "a built-in option, naming exclusive"));
	assert_non_null(strstr(err.msg, "; options.JV: a built-in option, naming equity_tie"));
	assert_non_null(strstr(err.msg, "; options.JP: expected the signal it names"));
	assert_null(strstr(err.msg, "Reseller"));
	parse_fails("{\"options\": {\"X\": \"nope\", \"Y\": true}}", &err);
	assert_string_equal(err.where, "options.X");
	assert_non_null(strstr(err.msg, "expected the signal it names"));
	assert_non_null(strstr(err.msg, "; options.Y: expected the signal it names"));
	parse_fails("{\"options\": [\"Exclusive\"]}", &err);
	assert_non_null(strstr(err.msg, "expected an object of at most"));
}

/* A map file's words and options fold as cells do before the built-in
 * words: traditional Chinese as simplified, Latin-1 case, '/' and '.' as
 * blanks, either way round; so a map written in traditional characters
 * reads a simplified export, and a simplified map a Taiwan export. */
static void test_map_words_and_options_fold_as_cells_do(void **state)
{
	rs_mapfile *file = parse_ok("{\"options\": {\"關鍵客戶計劃\": \"strategic_agreement\","
	                            " \"独家代理商\": \"\", \"ÖKO-Partner\": \"info_sharing\"},"
	                            " \"values\": {\"key_person\": {\"有關鍵人\": \"yes\", \"n.v.\": \"no\"}}}");
	rs_fieldcfg cfg;
	rs_fieldmap *m = NULL;
	rs_account a;
	rs_error err;
	double v = -1;
	trow h, r;

	(void)state;
	assert_true(rs_value_word_lookup(&file->words[RS_F_KEY_PERSON], "有关键人", strlen("有关键人"), &v) && v == 1);
	assert_true(rs_value_word_lookup(&file->words[RS_F_KEY_PERSON], "N/V", 3, &v) && v == 0);
	memset(&cfg, 0, sizeof cfg);
	cfg.file = file;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|purchase_share|合作方式", 1), &cfg, NULL, &err), RS_OK);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "1|40|关键客户计划、öko partner", 2), NULL, &a, &err), RS_OK);
	assert_true(rs_known(&a, RS_F_STRATEGIC_AGREEMENT) && a.v[RS_F_STRATEGIC_AGREEMENT] == 1);
	assert_true(rs_known(&a, RS_F_INFO_SHARING) && a.v[RS_F_INFO_SHARING] == 1);
	/* a simplified option in the map, the cell in traditional characters: passed over */
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "2|40|獨家代理商", 3), NULL, &a, &err), RS_OK);
	assert_false(rs_known(&a, RS_F_EXCLUSIVE));
	rs_fieldmap_free(m);
	rs_mapfile_free(file);
}

/* What rs_mapfile_write writes, rs_mapfile_parse reads back: the same
 * fields and columns (one taken from none), header row, ignored columns
 * (--ignore's, then the map file's), value words and options. */
static void test_a_written_map_reads_back_the_same(void **state)
{
	static const char *const ignores[] = {"Sales \"EU\""};
	rs_mapfile *from = parse_ok("{\"relstage_map\": 1, \"ignore\": [\"Owner\"],"
	                            " \"values\": {\"key_person\": {\"Ja\": \"yes\", \"Nein\": \"no\"},"
	                            "  \"top_contact_level\": {\"VP\": 4}, \"contacts\": {\"keine\": 0}},"
	                            " \"options\": {\"Key Account Program\": \"strategic_agreement\","
	                            "  \"Reseller\": \"\"}}");
	const char *column[RS_F_COUNT] = {NULL};
	rs_mapfile *back;
	rs_buf b;
	size_t i = 0, k;
	int f;

	(void)state;
	column[RS_F_ID] = "Kunden-Nr";
	column[RS_F_NAME] = "名称";
	column[RS_F_PURCHASE_SHARE] = "Anteil (%)";
	column[RS_F_OUR_SALES] = "";
	rs_buf_init(&b);
	rs_mapfile_write(&b, column, 3, ignores, 1, from);
	assert_false(b.failed);
	back = parse_ok(b.data);
	assert_int_equal(back->header_row, 3);
	assert_int_equal(back->nfields, 4);
	for (f = 0; f < RS_F_COUNT; f++) {
		if (column[f] == NULL)
			continue;
		assert_string_equal(back->field[i], rs_var_name(f));
		assert_string_equal(back->column[i], column[f]);
		i++;
	}
	assert_int_equal(back->nignore, 2);
	assert_string_equal(back->ignore[0], "Sales \"EU\"");
	assert_string_equal(back->ignore[1], "Owner");
	for (f = 0; f < RS_F_COUNT; f++) {
		assert_int_equal(back->words[f].n, from->words[f].n);
		for (k = 0; k < from->words[f].n; k++) {
			assert_string_equal(back->words[f].word[k], from->words[f].word[k]);
			assert_true(back->words[f].value[k] == from->words[f].value[k]);
		}
	}
	assert_int_equal(from->words[RS_F_KEY_PERSON].n, 2);
	assert_int_equal(back->options.n, 2);
	for (k = 0; k < 2; k++) {
		assert_string_equal(back->options.word[k], from->options.word[k]);
		assert_true(back->options.value[k] == from->options.value[k]);
	}
	rs_mapfile_free(back);
	rs_mapfile_free(from);
	rs_buf_free(&b);
}

/* Nothing to say: a map file that reads back as one that says nothing. */
static void test_an_empty_map_is_written_and_reads_back(void **state)
{
	const char *column[RS_F_COUNT] = {NULL};
	rs_mapfile *back;
	rs_buf b;

	(void)state;
	rs_buf_init(&b);
	rs_mapfile_write(&b, column, 0, NULL, 0, NULL);
	assert_false(b.failed);
	assert_string_equal(b.data, "{\n  \"relstage_map\": 1,\n  \"fields\": {},\n  \"ignore\": []\n}\n");
	back = parse_ok(b.data);
	assert_int_equal(back->header_row, 0);
	assert_int_equal(back->nfields, 0);
	assert_int_equal(back->nignore, 0);
	assert_int_equal(back->options.n, 0);
	rs_mapfile_free(back);
	rs_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_map_file_holds_fields_ignores_words_and_the_header_row),
		cmocka_unit_test(test_every_problem_is_named_by_its_key),
		cmocka_unit_test(test_a_missing_file_names_its_path),
		cmocka_unit_test(test_m_wins_over_the_file_and_its_words_read_cells),
		cmocka_unit_test(test_options_name_a_cooperation_options_signal),
		cmocka_unit_test(test_map_words_and_options_fold_as_cells_do),
		cmocka_unit_test(test_a_written_map_reads_back_the_same),
		cmocka_unit_test(test_an_empty_map_is_written_and_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
