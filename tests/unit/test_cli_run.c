/*
 * test_cli_run.c - cli_run.c, the batch run behind the command line: exit
 * codes (0 all classified, 1 some rows rejected, 2 trouble), rejects named
 * "relstage: FILE:LINE: ..." on stderr and written to --rejects, the output
 * replaced only by a run that succeeds, --max-rejects in rows and percent,
 * the checks before reading (one file named twice), the summaries, and a
 * failed write to standard output. Each run is in a child (test_child.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "test_child.h"

static char dir[64];
static rs_rules *rules;

#define HDR "id,share,contacts,relationship_years\n"
#define OK_CSV HDR "A1,85,3,4\nA3,12,1,1\n"
#define MIX_CSV HDR "A1,85,3,4\nA2,abc,1,2\nA3,12,1,1\n"
#define OUT_HDR                                                                                \
	"id,share,contacts,relationship_years,stage,stage_label,share_pct,contact_score,"          \
	"cooperation_score,next_stage,share_gap,flags,actions,relationship_type,relationship_label," \
	"bonds,needs,alliance_model\n"
#define REASON "share: purchase_share \"abc\" is not a number (no digits)"

static int setup(void **state)
{
	rs_error e;

	(void)state;
	strcpy(dir, "/tmp/rs-cli-run-XXXXXX");
	if (mkdtemp(dir) == NULL)
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

/* dir/name (a static buffer of four, used in turn). */
static const char *at(const char *name)
{
	static char buf[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static char *path_dup(const char *name)
{
	char *p = strdup(at(name));

	assert_non_null(p);
	return p;
}

static void put_file(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The file's text (free()), or NULL when there is no such file. */
static char *file_text(const char *name)
{
	FILE *f = fopen(at(name), "r");
	char *s;

	if (f == NULL)
		return NULL;
	s = slurp(f, NULL);
	fclose(f);
	return s;
}

#define EXPECT_FILE(name, want)                                     \
	do {                                                            \
		char *got_ = file_text(name);                               \
		if (got_ == NULL)                                           \
			fail_msg("%s was not written", (name));                 \
		assert_string_equal(got_, (want));                          \
		free(got_);                                                 \
	} while (0)

/* What main() makes of no options: CSV out, the built-in names, no limits. */
static cli_opts plain(char **inputs, size_t n)
{
	cli_opts o;

	memset(&o, 0, sizeof o);
	o.wopts.format = RS_FMT_CSV;
	o.quiet = true;
	o.co.today = 20261201;
	o.inputs = inputs;
	o.ninputs = n;
	return o;
}

/* The messages' language is --lang's, as main sets it. */
static int run_it(void *ctx)
{
	const cli_opts *o = ctx;

	cli_lang = o->co.lang;
	return cli_run(o, rules);
}

static child run(cli_opts *o, const char *in)
{
	return child_run(run_it, o, in);
}

static int run_to_full(void *ctx)
{
	const cli_opts *o = ctx;
	int fd = open("/dev/full", O_WRONLY);

	if (fd < 0 || dup2(fd, 1) < 0)
		return 99;
	cli_lang = o->co.lang;
	return cli_run(o, rules);
}

/* ----------------------------------------------------------- exit codes */

static void test_every_row_classified_is_exit_0_and_replaces_the_output(void **state)
{
	char *in[1];
	cli_opts o;
	child c;

	(void)state;
	put_file("ok.csv", OK_CSV);
	put_file("out.csv", "last month's\n");
	in[0] = path_dup("ok.csv");
	o = plain(in, 1);
	o.output = at("out.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_CLASSIFIED);
	assert_string_equal(c.err, "");
	assert_string_equal(c.out, "");
	{
		char *got = file_text("out.csv");

		assert_non_null(got);
		assert_memory_equal(got, OUT_HDR "A1,85,3,4,stable,Stable cooperation,85,",
		                    strlen(OUT_HDR "A1,85,3,4,stable,Stable cooperation,85,"));
		assert_non_null(strstr(got, "\nA3,12,1,1,initial,Initial cooperation,12,"));
		free(got);
	}
	child_free(&c);
	free(in[0]);
}

static void test_a_rejected_row_is_exit_1_named_by_file_and_line_and_kept(void **state)
{
	char *in[1], want[512];
	cli_opts o;
	child c;

	(void)state;
	put_file("mix.csv", MIX_CSV);
	in[0] = path_dup("mix.csv");
	o = plain(in, 1);
	o.output = at("mix_out.csv");
	o.rejects = at("mix_rej.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_REJECTS);
	snprintf(want, sizeof want, "relstage: %s:3: " REASON "\n", in[0]);
	assert_string_equal(c.err, want);
	EXPECT_FILE("mix_rej.csv", "line,reason,id,share,contacts,relationship_years\n"
	                           "3,\"share: purchase_share \"\"abc\"\" is not a number (no digits)\","
	                           "A2,abc,1,2\n");
	{
		char *got = file_text("mix_out.csv");

		assert_non_null(got);
		assert_null(strstr(got, "A2,"));
		assert_non_null(strstr(got, "\nA1,"));
		assert_non_null(strstr(got, "\nA3,"));
		free(got);
	}
	child_free(&c);
	free(in[0]);
}

/* With no file, standard input is read, and named <stdin>. */
static void test_standard_input_when_no_file_is_named(void **state)
{
	cli_opts o;
	child c;

	(void)state;
	o = plain(NULL, 0);
	c = run(&o, MIX_CSV);
	assert_int_equal(c.code, EXIT_REJECTS);
	assert_string_equal(c.err, "relstage: <stdin>:3: " REASON "\n");
	assert_memory_equal(c.out, OUT_HDR "A1,85,3,4,stable,", strlen(OUT_HDR "A1,85,3,4,stable,"));
	child_free(&c);
}

static void test_more_rejects_than_max_rejects_is_exit_2_and_replaces_nothing(void **state)
{
	char *in[1], want[512];
	cli_opts o;
	child c;

	(void)state;
	put_file("mix.csv", MIX_CSV);
	put_file("kept.csv", "last month's\n");
	in[0] = path_dup("mix.csv");
	o = plain(in, 1);
	o.output = at("kept.csv");
	o.rejects = at("never.csv");
	o.max_rejects_set = true;
	o.max_rejects = 0;
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	snprintf(want, sizeof want,
	         "relstage: %s:3: more than --max-rejects 0 rows rejected; no output file was replaced\n",
	         in[0]);
	assert_string_equal(c.err, want);
	EXPECT_FILE("kept.csv", "last month's\n");
	assert_null(file_text("never.csv"));
	child_free(&c);

	o.max_rejects = 1; /* one rejected row is allowed */
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_REJECTS);
	child_free(&c);
	free(in[0]);
}

/*
 * The stop names the file and line of the row that went past the limit, and
 * no column: it is about the count, not that row's cell, whichever input
 * the row is in (the second input's rows reached it with the rejected
 * cell's column: "mix.csv:3: share: more than --max-rejects 0 ...").
 */
static void test_max_rejects_stop_names_no_column_in_any_input(void **state)
{
	char *in[2], want[512];
	cli_opts o;
	child c;
	size_t k;

	(void)state;
	put_file("ok.csv", OK_CSV);
	put_file("mix.csv", MIX_CSV);
	for (k = 0; k < 2; k++) {
		in[0] = path_dup(k == 0 ? "mix.csv" : "ok.csv");
		in[1] = path_dup("mix.csv");
		o = plain(in, k + 1);
		o.max_rejects_set = true;
		c = run(&o, NULL);
		assert_int_equal(c.code, EXIT_TROUBLE);
		snprintf(want, sizeof want,
		         "relstage: %s:3: more than --max-rejects 0 rows rejected; no output file was replaced\n",
		         in[1]);
		assert_string_equal(c.err, want);
		child_free(&c);
		free(in[0]);
		free(in[1]);
	}
}

/* A percentage is decided at the end, on all the rows: 1 of 3 is 33%. */
static void test_max_rejects_as_a_percentage_of_the_rows(void **state)
{
	char *in[1];
	cli_opts o;
	child c;

	(void)state;
	put_file("mix.csv", MIX_CSV);
	in[0] = path_dup("mix.csv");
	o = plain(in, 1);
	o.output = at("pct.csv");
	o.max_rejects_set = o.max_rejects_pct = true;
	o.max_rejects = 30;
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	assert_non_null(strstr(c.err, "relstage: 1 of 3 rows rejected, more than --max-rejects 30%; no "
	                              "output file was replaced\n"));
	assert_null(file_text("pct.csv"));
	child_free(&c);
	o.max_rejects = 34;
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_REJECTS);
	assert_null(strstr(c.err, "--max-rejects"));
	free(c.err);
	c.err = file_text("pct.csv");
	assert_non_null(c.err);
	child_free(&c);
	free(in[0]);
}

/* ------------------------------------------------- checks before reading */

static void test_two_outputs_naming_one_file_is_exit_2_before_reading(void **state)
{
	char *in[1], want[512];
	cli_opts o;
	child c;

	(void)state;
	put_file("ok.csv", OK_CSV);
	in[0] = path_dup("ok.csv");
	o = plain(in, 1);
	o.output = at("same.csv");
	o.rejects = at("./same.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	snprintf(want, sizeof want,
	         "relstage: -o and --rejects name the same file (%s/./same.csv); give each its own\n", dir);
	assert_string_equal(c.err, want);
	assert_null(file_text("same.csv"));
	child_free(&c);

	o.output = NULL;
	o.rejects = at("r.csv");
	o.summary_json = at("r.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	snprintf(want, sizeof want,
	         "relstage: --rejects and --summary-json name the same file (%s/r.csv); give each its own\n",
	         dir);
	assert_string_equal(c.err, want);
	assert_string_equal(c.out, "");
	child_free(&c);
	free(in[0]);
}

/* -o may be the --previous file: it is read whole before anything is written. */
static void test_output_may_replace_the_previous_run_it_reads(void **state)
{
	char *in[1];
	cli_opts o;
	child c;

	(void)state;
	put_file("ok.csv", OK_CSV);
	in[0] = path_dup("ok.csv");
	o = plain(in, 1);
	o.output = at("monthly.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_CLASSIFIED);
	child_free(&c);
	o.previous = at("monthly.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_CLASSIFIED);
	assert_string_equal(c.err, "");
	free(c.out);
	c.out = file_text("monthly.csv");
	assert_non_null(c.out);
	assert_non_null(strstr(c.out, ",alliance_model,previous_stage,transition\n"));
	assert_non_null(strstr(c.out, ",stable,same\n"));
	child_free(&c);
	free(in[0]);
}

static void test_an_input_named_twice_is_exit_2(void **state)
{
	char *in[2], want[512];
	cli_opts o;
	child c;

	(void)state;
	put_file("ok.csv", OK_CSV);
	in[0] = path_dup("ok.csv");
	in[1] = path_dup("./ok.csv");
	o = plain(in, 2);
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	snprintf(want, sizeof want, "relstage: %s: named twice as an input (also as %s); name each file once\n",
	         in[1], in[0]);
	assert_string_equal(c.err, want);
	assert_string_equal(c.out, "");
	child_free(&c);
	free(in[1]);
	in[1] = strdup("-");
	c = run(&o, OK_CSV); /* a file and standard input: two inputs */
	assert_int_equal(c.code, EXIT_CLASSIFIED);
	child_free(&c);
	free(in[0]);
	free(in[1]);
}

static void test_a_missing_input_is_exit_2_naming_it(void **state)
{
	char *in[1], want[512];
	cli_opts o;
	child c;

	(void)state;
	in[0] = path_dup("no-such.csv");
	o = plain(in, 1);
	o.output = at("none.csv");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	snprintf(want, sizeof want, "relstage: %s: cannot open: No such file or directory\n", in[0]);
	assert_string_equal(c.err, want);
	assert_null(file_text("none.csv"));
	child_free(&c);
	free(in[0]);
}

/* ------------------------------------------------------------ summaries */

static void test_summary_on_stderr_and_summary_json_in_its_file(void **state)
{
	char *in[1];
	cli_opts o;
	child c;
	char *json;

	(void)state;
	put_file("mix.csv", MIX_CSV);
	in[0] = path_dup("mix.csv");
	o = plain(in, 1);
	o.output = at("s_out.csv");
	o.summary = true;
	o.summary_json = at("s.json");
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_REJECTS);
	assert_non_null(strstr(c.err, "  rows read                            3\n"
	                              "  classified                           2\n"
	                              "  rejected                             1\n"));
	assert_non_null(strstr(c.err, "  Stable cooperation                   1     50%\n"));
	json = file_text("s.json");
	assert_non_null(json);
	assert_memory_equal(json, "{\"relstage\":\"" RS_VERSION "\",\"rows_read\":3,\"classified\":2,\"rejected\":1,",
	                    strlen("{\"relstage\":\"" RS_VERSION "\",\"rows_read\":3,\"classified\":2,\"rejected\":1,"));
	free(json);
	child_free(&c);
	free(in[0]);
}

/* --lang zh: the run's own messages in Chinese. */
static void test_max_rejects_message_in_chinese(void **state)
{
	char *in[1], want[512];
	cli_opts o;
	child c;

	(void)state;
	put_file("mix.csv", MIX_CSV);
	in[0] = path_dup("mix.csv");
	o = plain(in, 1);
	o.co.lang = o.ropts.lang = RS_LANG_ZH;
	o.max_rejects_set = true;
	c = run(&o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	snprintf(want, sizeof want, "relstage: %s:3: 被拒绝的行超过 --max-rejects 0；没有替换任何输出文件\n", in[0]);
	assert_string_equal(c.err, want);
	child_free(&c);
	free(in[0]);
}

/* The stderr of a run of `text` (as name) under --lang zh, with what set sets. */
static char *zh_err(const char *name, const char *text, size_t ntext, void (*set)(cli_opts *), int code)
{
	char *in[1], *err;
	cli_opts o;
	child c;
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, ntext, f), ntext);
	assert_int_equal(fclose(f), 0);
	in[0] = path_dup(name);
	o = plain(in, 1);
	o.co.lang = o.ropts.lang = RS_LANG_ZH;
	if (set != NULL)
		set(&o);
	c = run(&o, NULL);
	assert_int_equal(c.code, code);
	err = c.err;
	c.err = NULL;
	child_free(&c);
	free(in[0]);
	return err;
}

static void set_summary(cli_opts *o)
{
	o->summary = true;
}

static void set_rejects(cli_opts *o)
{
	o->rejects = at("all_rejects.csv");
}

static void set_percent(cli_opts *o)
{
	o->max_rejects_set = o->max_rejects_pct = true;
	o->max_rejects = 30;
}

static void set_previous(cli_opts *o)
{
	o->previous = at("last.csv");
}

#define EXPECT_IN(hay, needle)                                  \
	do {                                                        \
		char *h_ = (hay);                                       \
		if (strstr(h_, (needle)) == NULL)                       \
			fail_msg("\"%s\" not in:\n%s", (needle), h_);      \
		free(h_);                                               \
	} while (0)

/*
 * The run's own notes and stops are worded in the messages' language: the
 * encoding read, --max-rejects as a percentage, the rejected rows not shown,
 * a --previous file without one account of this run.
 */
static void test_the_run_s_notes_and_stops_are_in_chinese_under_lang_zh(void **state)
{
	static const char cp1252[] = HDR "A1,85,3,4\nM\xfcller Pr\xe4zision,12,1,1\n";
	static const char utf16[] = "\xff\xfei\0d\0,\0s\0h\0a\0r\0e\0\n\0A\0001\0,\0008\0005\0\n\0";
	char many[8192];
	size_t n = (size_t)snprintf(many, sizeof many, "%s", HDR), i;

	(void)state;
	EXPECT_IN(zh_err("w.csv", cp1252, sizeof cp1252 - 1, NULL, 0),
	          "w.csv: 不是 UTF-8，按 Windows-1252 读取；如不对，请用 --encoding 指定\n");
	EXPECT_IN(zh_err("u.csv", utf16, sizeof utf16 - 1, set_summary, 0), "u.csv: 编码 UTF-16LE，已转换为 UTF-8\n");
	EXPECT_IN(zh_err("mix.csv", MIX_CSV, strlen(MIX_CSV), set_percent, EXIT_TROUBLE),
	          "relstage: 被拒绝 1 行（共 3 行），超过 --max-rejects 30%；没有替换任何输出文件\n");
	for (i = 0; i < 122; i++) /* good rows first: the share column holds */
		n += (size_t)snprintf(many + n, sizeof many - n, i < 20 ? "A%zu,50,1,1\n" : "B%zu,abc,1,1\n", i);
	EXPECT_IN(zh_err("many.csv", many, n, NULL, EXIT_REJECTS),
	          "relstage: 另有 2 个被拒绝的行未显示（用 --rejects FILE 保存全部）\n");
	EXPECT_IN(zh_err("many.csv", many, n, set_rejects, EXIT_REJECTS),
	          "relstage: 另有 2 个被拒绝的行未显示；全部行都在拒绝行文件中\n");
	put_file("last.csv", "id,stage\nZ9,stable\n");
	EXPECT_IN(zh_err("ok.csv", OK_CSV, strlen(OK_CSV), set_previous, 0),
	          "last.csv: 本次没有一个客户出现在上次的文件中（2 个新增，1 个消失）；若两个文件的客户编号"
	          "取自不同的列，请用 -m id=COLUMN 指定\n");
}

/* A write that fails is exit 2 with a message, never a silent success. */
static void test_a_failed_write_to_standard_output_is_exit_2(void **state)
{
	char *in[1];
	cli_opts o;
	child c;

	(void)state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	put_file("ok.csv", OK_CSV);
	in[0] = path_dup("ok.csv");
	o = plain(in, 1);
	c = child_run(run_to_full, &o, NULL);
	assert_int_equal(c.code, EXIT_TROUBLE);
	assert_memory_equal(c.err, "relstage: <stdout>: ", strlen("relstage: <stdout>: "));
	assert_non_null(strstr(c.err, "No space left on device\n"));
	child_free(&c);
	free(in[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_classified_is_exit_0_and_replaces_the_output),
		cmocka_unit_test(test_a_rejected_row_is_exit_1_named_by_file_and_line_and_kept),
		cmocka_unit_test(test_standard_input_when_no_file_is_named),
		cmocka_unit_test(test_more_rejects_than_max_rejects_is_exit_2_and_replaces_nothing),
		cmocka_unit_test(test_max_rejects_stop_names_no_column_in_any_input),
		cmocka_unit_test(test_max_rejects_as_a_percentage_of_the_rows),
		cmocka_unit_test(test_two_outputs_naming_one_file_is_exit_2_before_reading),
		cmocka_unit_test(test_output_may_replace_the_previous_run_it_reads),
		cmocka_unit_test(test_an_input_named_twice_is_exit_2),
		cmocka_unit_test(test_a_missing_input_is_exit_2_naming_it),
		cmocka_unit_test(test_summary_on_stderr_and_summary_json_in_its_file),
		cmocka_unit_test(test_max_rejects_message_in_chinese),
		cmocka_unit_test(test_the_run_s_notes_and_stops_are_in_chinese_under_lang_zh),
		cmocka_unit_test(test_a_failed_write_to_standard_output_is_exit_2),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
