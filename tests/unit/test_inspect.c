/*
 * test_inspect.c - inspect.c, the report of `relstage inspect`: for a small
 * file, the whole text report, the whole JSON report and the --write-map
 * mapping; title and totals rows shown as skipped; a file that cannot be
 * read or has no header is where "a run would stop".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fields_impl.h"
#include "header.h"
#include "internal.h"
#include "msg.h"

static char dir[64];
static rs_rules *rules;

/* Every test works in its own directory, so the reports name files as given. */
static int setup(void **state)
{
	rs_error e;

	(void)state;
	strcpy(dir, "/tmp/rs-inspect-XXXXXX");
	if (mkdtemp(dir) == NULL || chdir(dir) != 0)
		return -1;
	memset(&e, 0, sizeof e);
	return rs_rules_load_default(&rules, &e) == RS_OK ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	rs_rules_free(rules);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void put_file(const char *name, const char *text)
{
	FILE *f = fopen(name, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

typedef struct report {
	rs_status st;
	rs_error err;
	rs_buf text, map;
} report;

/* rs_inspect of one file with no options (as `relstage inspect FILE`). */
static void inspect(report *r, const char *file, bool json, bool map)
{
	char *files[1] = {(char *)(uintptr_t)file};
	rs_read_opts ro;
	rs_classify_opts co;

	memset(r, 0, sizeof *r);
	memset(&ro, 0, sizeof ro);
	memset(&co, 0, sizeof co);
	co.today = 20261201;
	rs_buf_init(&r->text);
	rs_buf_init(&r->map);
	r->st = rs_inspect(files, 1, &ro, rules, &co, json, &r->text, map ? &r->map : NULL, &r->err);
	assert_false(r->text.failed);
	assert_non_null(r->text.data);
}

static void done(report *r)
{
	rs_buf_free(&r->text);
	rs_buf_free(&r->map);
}

#define INSP_CSV "Account ID,Share %,Contacts,Years,Region\nA1,85,3,4,East\nA2,abc,1,2,West\nA3,12.5,1,1,North\n"

static const char insp_text[] =
	"file insp.csv\n"
	"  format csv, encoding UTF-8, delimiter ','\n"
	"  header line 1 (0 title rows above it)\n"
	"fields\n"
	"  id                   column 1 \"Account ID\"              built-in name\n"
	"  name                 -                                  not found\n"
	"  purchase_share       column 2 \"Share %\"                 built-in name\n"
	"  our_sales            -                                  not found\n"
	"  customer_spend       -                                  not found\n"
	"  contacts             column 3 \"Contacts\"                field name\n"
	"  departments          -                                  not found\n"
	"  top_contact_level    -                                  not found\n"
	"  key_person           -                                  not found\n"
	"  relationship_years   column 4 \"Years\"                   built-in name\n"
	"  joint_projects       -                                  not found\n"
	"  exec_meetings        -                                  not found\n"
	"  strategic_agreement  -                                  not found\n"
	"  equity_tie           -                                  not found\n"
	"  exclusive            -                                  not found\n"
	"  info_sharing         -                                  not found\n"
	"  customer_since       -                                  not found\n"
	"  price_agreement      -                                  not found\n"
	"  previous_share       -                                  not found\n"
	"columns passed through unused\n"
	"  5 \"Region\"\n"
	"first rows\n"
	"  line 2: id=\"A1\" purchase_share=85 contacts=3 relationship_years=4\n"
	"    -> stable\n"
	"  line 3: id=\"A2\" purchase_share=\"abc\"(bad) contacts=1 relationship_years=2\n"
	"    -> rejected: Share %: purchase_share \"abc\" is not a number (no digits)\n"
	"  line 4: id=\"A3\" purchase_share=12.5 contacts=1 relationship_years=1\n"
	"    -> initial\n"
	"rows\n"
	"  read        3\n"
	"  classified  2\n"
	"  rejected    1\n"
	"  skipped     0 (title 0, blank 0, totals 0, footer 0)\n"
	"rejected rows\n"
	"  insp.csv:3: Share %: purchase_share \"abc\" is not a number (no digits)\n";

static void test_text_report_of_a_small_file(void **state)
{
	report r;

	(void)state;
	put_file("insp.csv", INSP_CSV);
	inspect(&r, "insp.csv", false, false);
	assert_int_equal(r.st, RS_EREJECT); /* a run would exit 1 */
	assert_string_equal(r.text.data, insp_text);
	done(&r);
}

static const char insp_json[] =
	"{\"relstage\":\"" RS_VERSION "\",\"files\":[{\"file\":\"insp.csv\",\"format\":\"csv\",\"encoding\":\"UTF-8\","
	"\"delimiter\":\",\",\"header_line\":1,\"header_lines\":[1],\"title_rows\":0}],\"fields\":{\"id\":{\"column\":\"Account ID\","
	"\"index\":1,\"how\":\"built-in name\"},\"name\":null,\"purchase_share\":{\"column\":\"Share %\","
	"\"index\":2,\"how\":\"built-in name\"},\"our_sales\":null,\"customer_spend\":null,"
	"\"contacts\":{\"column\":\"Contacts\",\"index\":3,\"how\":\"field name\"},\"departments\":null,"
	"\"top_contact_level\":null,\"key_person\":null,\"relationship_years\":{\"column\":\"Years\","
	"\"index\":4,\"how\":\"built-in name\"},\"joint_projects\":null,\"exec_meetings\":null,"
	"\"strategic_agreement\":null,\"equity_tie\":null,\"exclusive\":null,\"info_sharing\":null,"
	"\"customer_since\":null,\"price_agreement\":null,\"previous_share\":null},\"notes\":[],\"first_rows\":[{\"line\":2,"
	"\"values\":{\"id\":\"A1\",\"purchase_share\":85,\"contacts\":3,\"relationship_years\":4},"
	"\"outcome\":\"stable\"},{\"line\":3,\"values\":{\"id\":\"A2\",\"purchase_share\":{\"bad\":\"abc\"},"
	"\"contacts\":1,\"relationship_years\":2},"
	"\"outcome\":\"rejected: Share %: purchase_share \\\"abc\\\" is not a number (no digits)\"},{\"line\":4,"
	"\"values\":{\"id\":\"A3\",\"purchase_share\":12.5,\"contacts\":1,\"relationship_years\":1},"
	"\"outcome\":\"initial\"}],\"rows\":{\"read\":3,\"classified\":2,\"rejected\":1,\"skipped\":{\"title\":0,"
	"\"blank\":0,\"totals\":0,\"footer\":0}},\"rejected_rows\":[{\"file\":\"insp.csv\",\"line\":3,"
	"\"reason\":\"Share %: purchase_share \\\"abc\\\" is not a number (no digits)\"}],"
	"\"skipped_rows\":[],\"stop\":null}\n";

static void test_json_report_of_a_small_file(void **state)
{
	report r;

	(void)state;
	put_file("insp.csv", INSP_CSV);
	inspect(&r, "insp.csv", true, false);
	assert_int_equal(r.st, RS_EREJECT);
	assert_string_equal(r.text.data, insp_json);
	done(&r);
}

/* --write-map: the columns the run used, as a map file to start from. */
static void test_map_of_the_columns_used(void **state)
{
	report r;

	(void)state;
	put_file("insp.csv", INSP_CSV);
	inspect(&r, "insp.csv", false, true);
	assert_non_null(r.map.data);
	assert_string_equal(r.map.data, "{\n"
	                                "  \"relstage_map\": 1,\n"
	                                "  \"fields\": {\n"
	                                "    \"id\": \"Account ID\",\n"
	                                "    \"purchase_share\": \"Share %\",\n"
	                                "    \"contacts\": \"Contacts\",\n"
	                                "    \"relationship_years\": \"Years\"\n"
	                                "  },\n"
	                                "  \"ignore\": []\n"
	                                "}\n");
	done(&r);
}

static const char title_text[] =
	"file title.csv\n"
	"  format csv, encoding UTF-8, delimiter ','\n"
	"  header line 2 (1 title row above it)\n"
	"fields\n"
	"  id                   column 1 \"Account ID\"              built-in name\n"
	"  name                 -                                  not found\n"
	"  purchase_share       column 2 \"Share %\"                 built-in name\n"
	"  our_sales            -                                  not found\n"
	"  customer_spend       -                                  not found\n"
	"  contacts             column 3 \"Contacts\"                field name\n"
	"  departments          -                                  not found\n"
	"  top_contact_level    -                                  not found\n"
	"  key_person           -                                  not found\n"
	"  relationship_years   column 4 \"Years\"                   built-in name\n"
	"  joint_projects       -                                  not found\n"
	"  exec_meetings        -                                  not found\n"
	"  strategic_agreement  -                                  not found\n"
	"  equity_tie           -                                  not found\n"
	"  exclusive            -                                  not found\n"
	"  info_sharing         -                                  not found\n"
	"  customer_since       -                                  not found\n"
	"  price_agreement      -                                  not found\n"
	"  previous_share       -                                  not found\n"
	"first rows\n"
	"  line 3: id=\"A1\" purchase_share=85 contacts=3 relationship_years=4\n"
	"    -> stable\n"
	"  line 4: id=\"Total\" purchase_share=(empty) contacts=4 relationship_years=(empty)\n"
	"    -> skipped: totals\n"
	"rows\n"
	"  read        3\n"
	"  classified  1\n"
	"  rejected    0\n"
	"  skipped     2 (title 1, blank 0, totals 1, footer 0)\n"
	"skipped rows\n"
	"  title.csv:1: title \"Key accounts 2026\"\n"
	"  title.csv:4: totals \"Total\"\n";

static void test_title_and_totals_rows_are_shown_skipped(void **state)
{
	report r;

	(void)state;
	put_file("title.csv", "Key accounts 2026\nAccount ID,Share %,Contacts,Years\nA1,85,3,4\nTotal,,4,\n");
	inspect(&r, "title.csv", false, false);
	assert_int_equal(r.st, RS_OK);
	assert_string_equal(r.text.data, title_text);
	done(&r);
}

/* The report goes as far as the file allows and ends where a run would stop. */
static void test_where_a_run_would_stop(void **state)
{
	report r;
	const char *tail;

	(void)state;
	inspect(&r, "missing.csv", false, false);
	assert_int_equal(r.st, RS_EIO);
	assert_string_equal(r.err.file, "missing.csv");
	assert_string_equal(r.err.msg, "cannot open: No such file or directory");
	tail = "a run would stop here (exit 2):\n  missing.csv: cannot open: No such file or directory\n";
	assert_true(r.text.len > strlen(tail));
	assert_string_equal(r.text.data + r.text.len - strlen(tail), tail);
	assert_memory_equal(r.text.data, "file missing.csv\n", 17);
	done(&r);

	put_file("nohdr.csv", "a,b\n1,2\n");
	inspect(&r, "nohdr.csv", false, false);
	assert_int_equal(r.st, RS_EUSAGE);
	assert_non_null(strstr(r.text.data, "  no header row found\n"));
	assert_non_null(strstr(r.text.data, "skipped rows\n  nohdr.csv:1: title \"a\"\n  nohdr.csv:2: title \"1\"\n"
	                                    "a run would stop here (exit 2):\n  nohdr.csv: no row of the first 20 "
	                                    "gives an id and a share (line 1 gives no id): "));
	done(&r);
}

/* inspect's text says how a field was found, and a skipped row's kind, by
 * RS_M_I_HOW + RS_HOW_ and RS_M_I_SKIP + RS_SKIP_: in English those rows are
 * the JSON's words, in the same order. */
static void test_report_words_follow_the_json_words(void **state)
{
	int k;

	(void)state;
	for (k = 0; k <= RS_HOW_FILE_OFF; k++)
		assert_string_equal(rs_msg(RS_LANG_EN, (rs_msg_id)(RS_M_I_HOW + k)), rs_how_names[k]);
	for (k = 0; k < RS_SKIP_COUNT; k++)
		assert_string_equal(rs_msg(RS_LANG_EN, (rs_msg_id)(RS_M_I_SKIP + k)), rs_skip_name(k));
	assert_int_equal(RS_M_I_HOW_FILE_OFF - RS_M_I_HOW, RS_HOW_FILE_OFF);
	assert_int_equal(RS_M_I_SKIP_FOOTER - RS_M_I_SKIP, RS_SKIP_FOOTER);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_report_of_a_small_file),
		cmocka_unit_test(test_json_report_of_a_small_file),
		cmocka_unit_test(test_map_of_the_columns_used),
		cmocka_unit_test(test_title_and_totals_rows_are_shown_skipped),
		cmocka_unit_test(test_where_a_run_would_stop),
		cmocka_unit_test(test_report_words_follow_the_json_words),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
