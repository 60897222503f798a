/*
 * test_main.c - main.c, the command line's options, subcommands and exit
 * codes, through its main() (built as relstage_main, see the Makefile) with
 * argument vectors, in a child (test_child.h): every bad option value is a
 * usage error naming the option and the value (exit 2, nothing on stdout);
 * -o's name picks the output format; rules files' problems are named
 * "relstage: FILE[:LINE]: ..."; the environment's RELSTAGE_LANG and
 * RELSTAGE_TODAY.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relstage.h"
#include "test_child.h"

int relstage_main(int argc, char **argv);

extern const char rs_default_rules_json[];
extern const size_t rs_default_rules_json_len;

static char dir[64];

#define HDR "id,share,contacts,relationship_years\n"
#define OK_CSV HDR "A1,85,3,4\nA3,12.5,1,1\n"
#define USAGE_TAIL "; see relstage --help\n"

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/rs-main-XXXXXX");
	unsetenv("RELSTAGE_LANG");
	unsetenv("RELSTAGE_TODAY");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *at(const char *name)
{
	static char buf[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static void put_file(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

typedef struct cmd {
	bool full; /* standard output is /dev/full */
	const char *env[2]; /* NAME=VALUE for the child, or NULL */
	char *argv[16];
	int argc;
} cmd;

static int call_main(void *ctx)
{
	cmd *c = ctx;
	size_t i;

	for (i = 0; i < 2 && c->env[i] != NULL; i++)
		if (putenv((char *)(uintptr_t)c->env[i]) != 0)
			return 99;
	if (c->full) {
		int fd = open("/dev/full", O_WRONLY);

		if (fd < 0 || dup2(fd, 1) < 0)
			return 99;
	}
	return relstage_main(c->argc, c->argv);
}

/* relstage with the arguments (up to NULL), stdin holding `in`. */
static child relstage_env(const char *env, const char *in, ...)
{
	cmd c;
	va_list ap;
	char *a;

	memset(&c, 0, sizeof c);
	c.env[0] = env;
	c.argv[c.argc++] = (char *)"relstage";
	va_start(ap, in);
	while ((a = va_arg(ap, char *)) != NULL) {
		assert_true(c.argc < 15);
		c.argv[c.argc++] = a;
	}
	va_end(ap);
	return child_run(call_main, &c, in);
}

#define relstage(in, ...) relstage_env(NULL, in, __VA_ARGS__, (char *)NULL)

/* A usage error: exit 2, the message on stderr, nothing on stdout. */
#define EXPECT_USAGE(want, ...)                               \
	do {                                                      \
		child c_ = relstage(OK_CSV, __VA_ARGS__);             \
		assert_string_equal(c_.err, "relstage: " want);       \
		assert_int_equal(c_.code, 2);                         \
		assert_string_equal(c_.out, "");                      \
		child_free(&c_);                                      \
	} while (0)

/* ------------------------------------------------------------- options */

static void test_unknown_option_and_missing_value_are_usage_errors(void **state)
{
	(void)state;
	EXPECT_USAGE("unknown option --nope" USAGE_TAIL, "--nope");
	EXPECT_USAGE("unknown option -x" USAGE_TAIL, "-x");
	EXPECT_USAGE("option -o needs a value" USAGE_TAIL, "-o");
	EXPECT_USAGE("option --rules needs a value" USAGE_TAIL, "--rules");
	EXPECT_USAGE("unknown option --=x" USAGE_TAIL, "--=x");
}

/* A long option getopt_long refuses that names options is no unknown one:
 * a value given to one that takes none, the start of several names (what
 * they are; a whole name is no start: --map beside --map-file). */
static void test_a_value_where_none_goes_and_a_short_name_of_several_are_said(void **state)
{
	(void)state;
	EXPECT_USAGE("option --explain takes no value" USAGE_TAIL, "--explain=yes");
	EXPECT_USAGE("option --quiet takes no value" USAGE_TAIL, "--qu=1");
	EXPECT_USAGE("option --ma is the start of several: --map --max-field --max-columns --map-file "
	             "--max-rejects; write more of its name" USAGE_TAIL,
	             "--ma", "x");
	EXPECT_USAGE("option --sum is the start of several: --summary --summary-json; write more of its name" USAGE_TAIL,
	             "--sum");
	EXPECT_USAGE("option --map needs a value" USAGE_TAIL, "--map");
	EXPECT_USAGE("选项 --p 可能是以下几个中的任何一个：--previous --prefix；请把选项名写得更完整"
	             "；用法见 relstage --help\n",
	             "--p", "x", "--lang", "zh");
}

/* The message ends with USAGE_TAIL; EXPECT_USAGE adds "relstage: ". */
static void test_every_bad_option_value_names_the_option_and_the_value(void **state)
{
	(void)state;
	EXPECT_USAGE("--from takes csv, tsv, json, jsonl or xlsx, not \"table\"" USAGE_TAIL, "--from", "table");
	EXPECT_USAGE("--from takes csv, tsv, json, jsonl or xlsx, not \"xls\"" USAGE_TAIL, "-f", "xls");
	EXPECT_USAGE("--to takes csv, tsv, json, jsonl, table or xlsx, not \"auto\"" USAGE_TAIL, "--to", "auto");
	EXPECT_USAGE("--delimiter takes , ; | or tab, not \"x\"" USAGE_TAIL, "-d", "x");
	EXPECT_USAGE("--delimiter takes , ; | or tab, not \",,\"" USAGE_TAIL, "-d", ",,");
	EXPECT_USAGE("--headers takes en or zh, not \"fr\"" USAGE_TAIL, "--headers", "fr");
	EXPECT_USAGE("--lang takes en or zh, not \"fr\"" USAGE_TAIL, "--lang", "fr");
	EXPECT_USAGE("--excel takes no value or =eu, not \"us\"" USAGE_TAIL, "--excel=us");
	EXPECT_USAGE("--max-field takes a number of bytes, not \"0\"" USAGE_TAIL, "--max-field", "0");
	EXPECT_USAGE("--max-field takes a number of bytes, not \"1k\"" USAGE_TAIL, "--max-field", "1k");
	EXPECT_USAGE("--max-columns takes a number, not \"-1\"" USAGE_TAIL, "--max-columns", "-1");
	EXPECT_USAGE("--share-scale takes percent or fraction, not \"half\"" USAGE_TAIL, "--share-scale", "half");
	EXPECT_USAGE("--ignore takes a column's name, not \"\"" USAGE_TAIL, "--ignore=");
	EXPECT_USAGE("--header-row takes the header's line number, not \"0\"" USAGE_TAIL, "--header-row", "0");
	EXPECT_USAGE("--header-row takes the header's line number, not \"+3\"" USAGE_TAIL, "--header-row", "+3");
	EXPECT_USAGE("--header-row takes the header's line number, not \"1000000001\"" USAGE_TAIL,
	             "--header-row", "1000000001");
	EXPECT_USAGE("--prefix takes a word to put before the appended columns' names, not \"a,b\"" USAGE_TAIL,
	             "--prefix", "a,b");
	EXPECT_USAGE("--max-rejects takes a number of rows or a percentage (5%), not \"101%\"" USAGE_TAIL,
	             "--max-rejects", "101%");
	EXPECT_USAGE("--max-rejects takes a number of rows or a percentage (5%), not \"5x\"" USAGE_TAIL,
	             "--max-rejects", "5x");
	EXPECT_USAGE("--max-rejects takes a number of rows or a percentage (5%), not \"%\"" USAGE_TAIL,
	             "--max-rejects", "%");
}

static void test_output_names_that_contradict_the_format_are_refused(void **state)
{
	(void)state;
	EXPECT_USAGE("-o x.xlsm: relstage writes .xlsx workbooks, without macros; name the file .xlsx\n",
	             "-o", "x.xlsm");
	EXPECT_USAGE("-o x.xlsx: the name says an .xlsx workbook, but --to csv writes text; drop --to (the "
	             "name then picks the format) or rename the file\n",
	             "-o", "x.xlsx", "--to", "csv");
	EXPECT_USAGE("-o x.json: the name says JSON, but --to table writes text; drop --to (the name then "
	             "picks the format) or rename the file\n",
	             "-o", "x.json", "--to", "table");
	EXPECT_USAGE("--rejects r.json: the rejects file is CSV, but the name says JSON; name it .csv\n",
	             "--rejects", "r.json");
	EXPECT_USAGE("--rejects r.xlsx: the rejects file is CSV, but the name says an .xlsx workbook; name it "
	             ".csv (a workbook has the rejects on its Rejects sheet)\n",
	             "-o", "o.xlsx", "--rejects", "r.xlsx");
	EXPECT_USAGE("--decimal-comma and --excel=eu are for csv, tsv and table output" USAGE_TAIL,
	             "--decimal-comma", "--to", "json");
	EXPECT_USAGE("--decimal-comma and --excel=eu are for csv, tsv and table output" USAGE_TAIL,
	             "--excel=eu", "-o", "x.jsonl");
}

static void test_subcommand_arguments_are_checked(void **state)
{
	(void)state;
	EXPECT_USAGE("rules takes no argument (a file of that name is read as ./NAME)" USAGE_TAIL, "rules", "x");
	EXPECT_USAGE("fields takes no argument (a file of that name is read as ./NAME)" USAGE_TAIL, "fields", "x");
	EXPECT_USAGE("validate takes one rules file" USAGE_TAIL, "validate");
	EXPECT_USAGE("validate takes one rules file" USAGE_TAIL, "validate", "a.json", "b.json");
}

static void test_help_and_version_on_stdout_exit_0(void **state)
{
	child c;

	(void)state;
	c = relstage(NULL, "-V");
	assert_int_equal(c.code, 0);
	assert_string_equal(c.out, "relstage " RS_VERSION "\n");
	assert_string_equal(c.err, "");
	child_free(&c);
	c = relstage(NULL, "--help");
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, "usage: relstage [options] [FILE...]", 35);
	assert_non_null(strstr(c.out, "\nExit status: 0 every row classified, 1 some rows rejected, 2 usage, "
	                              "rules or I/O error.\n"));
	assert_string_equal(c.err, "");
	child_free(&c);
}

/* --help follows --lang and RELSTAGE_LANG: Chinese under zh (the English
 * help is pinned byte for byte by e2e core.txt's help), the same both ways,
 * whichever comes first. */
static void test_help_is_chinese_under_lang_zh(void **state)
{
	child c, e;

	(void)state;
	c = relstage(NULL, "--lang", "zh", "--help");
	assert_int_equal(c.code, 0);
	assert_string_equal(c.err, "");
	assert_memory_equal(c.out, "用法：relstage [选项] [FILE...]", strlen("用法：relstage [选项] [FILE...]"));
	assert_non_null(strstr(c.out, "\n  -m, --map FIELD=COL    从列 COL 读取字段 FIELD"));
	assert_non_null(strstr(c.out, "\n退出码：0 所有行均已分类，1 有行被拒绝，2 用法、规则或读写错误。\n"));
	assert_null(strstr(c.out, "usage:"));
	e = relstage_env("RELSTAGE_LANG=zh", NULL, "-h", (char *)NULL);
	assert_int_equal(e.code, 0);
	assert_string_equal(e.out, c.out);
	child_free(&e);
	e = relstage(NULL, "--help", "--lang=zh");
	assert_string_equal(e.out, c.out);
	child_free(&e);
	e = relstage_env("RELSTAGE_LANG=zh", NULL, "--lang", "en", "--help", (char *)NULL);
	assert_memory_equal(e.out, "usage: relstage [options] [FILE...]", 35);
	child_free(&e);
	child_free(&c);
}

/* ------------------------------------------------- what options choose */

static void test_output_format_is_what_the_o_name_says_else_csv(void **state)
{
	child c;
	char *got;
	FILE *f;

	(void)state;
	c = relstage(OK_CSV, "-q");
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, HDR, strlen(HDR) - 1); /* then the appended columns */
	assert_string_equal(c.err, "");
	child_free(&c);

	c = relstage(OK_CSV, "-q", "-o", at("out.JSON"));
	assert_int_equal(c.code, 0);
	assert_string_equal(c.out, "");
	child_free(&c);
	f = fopen(at("out.JSON"), "r");
	assert_non_null(f);
	got = slurp(f, NULL);
	fclose(f);
	assert_memory_equal(got, "[\n{\"id\":\"A1\",\"share\":\"85\",", 26);
	free(got);

	c = relstage(OK_CSV, "-q", "--to", "jsonl");
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, "{\"id\":\"A1\",", 11);
	assert_non_null(strstr(c.out, "}\n{\"id\":\"A3\",\"share\":\"12.5\","));
	child_free(&c);
}

/* --decimal-comma writes 12,5 and so ';' between CSV cells; --headers zh
 * names the appended columns in Chinese; -m takes a field from a column. */
static void test_options_reach_the_run(void **state)
{
	child c;

	(void)state;
	c = relstage(OK_CSV, "-q", "--decimal-comma");
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, "id;share;contacts;relationship_years;stage;", 43);
	assert_non_null(strstr(c.out, "\nA3;12.5;1;1;initial;Initial cooperation;12,5;"));
	child_free(&c);

	c = relstage(OK_CSV, "-q", "--headers", "zh");
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, "id,share,contacts,relationship_years,阶段,阶段名称,",
	                    strlen("id,share,contacts,relationship_years,阶段,阶段名称,"));
	child_free(&c);

	c = relstage("id,anteil,contacts,relationship_years\nA1,85,3,4\n", "-q", "-m", "purchase_share=anteil");
	assert_int_equal(c.code, 0);
	assert_non_null(strstr(c.out, "\nA1,85,3,4,stable,Stable cooperation,85,"));
	child_free(&c);

	c = relstage(OK_CSV, "-q", "--lang", "zh");
	assert_int_equal(c.code, 0);
	assert_non_null(strstr(c.out, "\nA1,85,3,4,stable,稳定合作阶段,85,"));
	child_free(&c);
}

/* ---------------------------------------------------- rules, environment */

static void test_rules_prints_the_embedded_rules(void **state)
{
	child c;

	(void)state;
	c = relstage(NULL, "rules");
	assert_int_equal(c.code, 0);
	assert_int_equal(strlen(c.out), rs_default_rules_json_len);
	assert_memory_equal(c.out, rs_default_rules_json, rs_default_rules_json_len);
	child_free(&c);
}

static void test_rules_file_problems_name_the_file_and_line(void **state)
{
	char want[512];
	child c;

	(void)state;
	put_file("syn.json", "{\"relstage_rules\": 1,\n \"stages\": [\n}\n");
	c = relstage(OK_CSV, "-r", at("syn.json"));
	assert_int_equal(c.code, 2);
	snprintf(want, sizeof want, "relstage: %s:3: JSON syntax error at column 1, near: }\n", at("syn.json"));
	assert_string_equal(c.err, want);
	assert_string_equal(c.out, "");
	child_free(&c);

	put_file("bad.json", "{\"relstage_rules\": 1,\n \"stages\": 3\n}\n");
	c = relstage(NULL, "validate", at("bad.json"));
	assert_int_equal(c.code, 2);
	snprintf(want, sizeof want, "relstage: %s: stages: expected an array\n", at("bad.json"));
	assert_non_null(strstr(c.err, want));
	child_free(&c);

	c = relstage(OK_CSV, "-r", at("missing.json"));
	assert_int_equal(c.code, 2);
	snprintf(want, sizeof want, "relstage: %s: cannot open: No such file or directory\n", at("missing.json"));
	assert_string_equal(c.err, want);
	child_free(&c);
}

static void test_relstage_today_must_be_a_date_and_a_bad_lang_falls_back(void **state)
{
	child c;

	(void)state;
	c = relstage_env("RELSTAGE_TODAY=2026-13-01", OK_CSV, "-q", (char *)NULL);
	assert_int_equal(c.code, 2);
	assert_string_equal(c.err, "relstage: RELSTAGE_TODAY=2026-13-01 is not a date (YYYY-MM-DD)" USAGE_TAIL);
	assert_string_equal(c.out, "");
	child_free(&c);
	c = relstage_env("RELSTAGE_TODAY=2026-12-01x", OK_CSV, "-q", (char *)NULL);
	assert_int_equal(c.code, 2);
	child_free(&c);

	c = relstage_env("RELSTAGE_LANG=fr", OK_CSV, "-q", (char *)NULL);
	assert_int_equal(c.code, 0);
	assert_string_equal(c.err, "relstage: RELSTAGE_LANG=fr is not en or zh; using en\n");
	assert_non_null(strstr(c.out, ",Stable cooperation,"));
	child_free(&c);

	c = relstage_env("RELSTAGE_LANG=zh_CN.UTF-8", OK_CSV, "-q", (char *)NULL);
	assert_int_equal(c.code, 0);
	assert_string_equal(c.err, "");
	assert_non_null(strstr(c.out, ",稳定合作阶段,"));
	child_free(&c);
}

static void test_a_rejected_row_is_exit_1(void **state)
{
	child c;

	(void)state;
	c = relstage(HDR "A1,85,3,4\nA2,abc,1,2\n", "-q");
	assert_int_equal(c.code, 1);
	assert_string_equal(c.err, "relstage: <stdin>:3: share: purchase_share \"abc\" is not a number (no digits)\n");
	child_free(&c);
}

/* inspect writes its report only, as text or JSON; --write-map the mapping. */
static void test_inspect_takes_only_its_own_options(void **state)
{
	child c;
	FILE *f;
	char *map;

	(void)state;
	put_file("i.csv", OK_CSV);
	EXPECT_USAGE("inspect writes nothing but its report: -o, --rejects, --summary, --summary-json and "
	             "--previous are for a run" USAGE_TAIL,
	             "inspect", "-o", "x.csv", at("i.csv"));
	EXPECT_USAGE("inspect writes nothing but its report: -o, --rejects, --summary, --summary-json and "
	             "--previous are for a run" USAGE_TAIL,
	             "--summary", "inspect", at("i.csv"));
	EXPECT_USAGE("inspect writes text, or JSON with --to json" USAGE_TAIL, "inspect", "--to", "table",
	             at("i.csv"));
	c = relstage(NULL, "inspect", "--to", "json", "--write-map", at("i.map.json"), at("i.csv"));
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, "{\"relstage\":\"" RS_VERSION "\",\"files\":[{\"file\":\"",
	                    strlen("{\"relstage\":\"" RS_VERSION "\",\"files\":[{\"file\":\""));
	assert_string_equal(c.err, "");
	child_free(&c);
	f = fopen(at("i.map.json"), "r");
	assert_non_null(f);
	map = slurp(f, NULL);
	fclose(f);
	assert_memory_equal(map, "{\n  \"relstage_map\": 1,\n  \"fields\": {\n    \"id\": \"id\",",
	                    strlen("{\n  \"relstage_map\": 1,\n  \"fields\": {\n    \"id\": \"id\","));
	free(map);
}

static void test_validate_and_fields_report_on_stdout(void **state)
{
	char want[512];
	FILE *f;
	child c;

	(void)state;
	f = fopen(at("default.json"), "w");
	assert_non_null(f);
	assert_int_equal(fwrite(rs_default_rules_json, 1, rs_default_rules_json_len, f), rs_default_rules_json_len);
	assert_int_equal(fclose(f), 0);
	c = relstage(NULL, "validate", at("default.json"));
	assert_int_equal(c.code, 0);
	snprintf(want, sizeof want, "%s: ok: 4 stages, ", at("default.json"));
	assert_memory_equal(c.out, want, strlen(want));
	assert_string_equal(c.err, "");
	child_free(&c);
	c = relstage(NULL, "fields");
	assert_int_equal(c.code, 0);
	assert_memory_equal(c.out, "id                   text    account id (required)\n", 51);
	assert_non_null(strstr(c.out, "\nname                 text    account name\n"));
	child_free(&c);
}

/* Standard output is checked at the end: a failed write is exit 2. */
/* Usage errors in Chinese: --lang anywhere on the line (found before the
 * options are parsed) or RELSTAGE_LANG; option names and values verbatim. */
static void test_usage_errors_are_in_the_language_asked_for_anywhere(void **state)
{
	const char *const tail = "；用法见 relstage --help\n";
	child c;
	char want[256];

	(void)state;
	c = relstage(OK_CSV, "--nope", "--lang", "zh");
	snprintf(want, sizeof want, "relstage: 未知选项 --nope%s", tail);
	assert_string_equal(c.err, want);
	assert_int_equal(c.code, 2);
	child_free(&c);
	c = relstage(OK_CSV, "--lang=zh", "-o");
	snprintf(want, sizeof want, "relstage: 选项 -o 需要一个值%s", tail);
	assert_string_equal(c.err, want);
	child_free(&c);
	c = relstage_env("RELSTAGE_LANG=zh_CN.UTF-8", OK_CSV, "--to", "pdf", (char *)NULL);
	snprintf(want, sizeof want,
	         "relstage: --to 的值应为 csv、tsv、json、jsonl、table 或 xlsx，而不是 \"pdf\"%s", tail);
	assert_string_equal(c.err, want);
	child_free(&c);
	/* --lang en wins over the environment; a bad --lang is said in English */
	c = relstage_env("RELSTAGE_LANG=zh", OK_CSV, "--lang", "en", "--nope", (char *)NULL);
	assert_string_equal(c.err, "relstage: unknown option --nope" USAGE_TAIL);
	child_free(&c);
	EXPECT_USAGE("--lang takes en or zh, not \"fr\"" USAGE_TAIL, "--lang", "fr", "--nope");
}

/* The first line of c's stderr begins with want (c is freed). */
static void expect_err_start(child c, const char *want)
{
	if (strncmp(c.err, want, strlen(want)) != 0)
		fail_msg("stderr \"%s\" does not begin \"%s\"", c.err, want);
	assert_int_equal(c.code, 2);
	child_free(&c);
}

/*
 * --lang is found wherever getopt_long finds it, before any option is acted
 * on: abbreviated to a unique prefix (--la, --l), with = or without, after an
 * error; and not where getopt_long does not take it as --lang: -r's value,
 * past --, past the first file under POSIXLY_CORRECT.
 */
static void test_lang_is_found_as_getopt_long_finds_it(void **state)
{
	static const char *const asks[][2] = {{"--la", "zh"}, {"--l", "zh"}, {"--lan=zh", NULL}, {"--la=zh", NULL}};
	char want[512];
	size_t i;

	(void)state;
	snprintf(want, sizeof want, "relstage: %s: 无法打开：", at("missing.csv"));
	for (i = 0; i < 4; i++)
		expect_err_start(asks[i][1] != NULL ? relstage(OK_CSV, "-q", asks[i][0], asks[i][1], at("missing.csv"))
		                                    : relstage(OK_CSV, "-q", asks[i][0], at("missing.csv")),
		                 want);
	expect_err_start(relstage(OK_CSV, "--bogus", "--la", "zh"), "relstage: 未知选项 --bogus；");
	expect_err_start(relstage(OK_CSV, "--to", "pdf", "--lan", "zh"), "relstage: --to 的值应为 ");
	expect_err_start(relstage(OK_CSV, "-q", "-r", "--lang", "zh"), "relstage: --lang: cannot open: ");
	expect_err_start(relstage(OK_CSV, "-q", "--", "--lang", "zh"), "relstage: --lang: cannot open: ");
	snprintf(want, sizeof want, "relstage: %s: cannot open: ", at("missing.csv"));
	expect_err_start(relstage_env("POSIXLY_CORRECT=1", OK_CSV, "-q", at("missing.csv"), "--lang", "zh", (char *)NULL),
	                 want);
}

/* A rules file that cannot be read says what failed, in the language asked. */
static void test_an_unreadable_rules_file_is_a_read_failure(void **state)
{
	char want[512];

	(void)state;
	snprintf(want, sizeof want, "relstage: %s: 读取失败：Is a directory\n", dir);
	expect_err_start(relstage(OK_CSV, "--lang", "zh", "-r", dir), want);
	snprintf(want, sizeof want, "relstage: %s: read failed: Is a directory\n", dir);
	expect_err_start(relstage(OK_CSV, "validate", dir), want);
}

/* I/O errors in Chinese, the file's name and the system's text as they are. */
static void test_io_errors_are_in_chinese_under_lang_zh(void **state)
{
	child c;

	(void)state;
	c = relstage(OK_CSV, "--lang", "zh", "-q", at("missing.csv"));
	assert_non_null(strstr(c.err, ": 无法打开：No such file or directory\n"));
	assert_int_equal(c.code, 2);
	child_free(&c);
	c = relstage(OK_CSV, "--lang", "zh", "-r", at("missing.json"));
	assert_non_null(strstr(c.err, "missing.json: 无法打开："));
	assert_int_equal(c.code, 2);
	child_free(&c);
	c = relstage(OK_CSV, "--lang", "zh", "-q", "-o", dir, "-");
	assert_non_null(strstr(c.err, ": 这是一个目录，不是文件\n"));
	assert_int_equal(c.code, 2);
	child_free(&c);
}

static void test_a_failed_write_to_stdout_is_exit_2(void **state)
{
	cmd m;
	child c;

	(void)state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	memset(&m, 0, sizeof m);
	m.full = true;
	m.argv[m.argc++] = (char *)"relstage";
	m.argv[m.argc++] = (char *)"-V";
	c = child_run(call_main, &m, NULL);
	assert_int_equal(c.code, 2);
	assert_string_equal(c.err, "relstage: <stdout>: write failed: No space left on device\n");
	child_free(&c);
	m.argv[1] = (char *)"rules";
	c = child_run(call_main, &m, NULL);
	assert_int_equal(c.code, 2);
	assert_string_equal(c.err, "relstage: <stdout>: write failed: No space left on device\n");
	child_free(&c);
	m.argv[m.argc++] = (char *)"--lang=zh";
	c = child_run(call_main, &m, NULL);
	assert_int_equal(c.code, 2);
	assert_string_equal(c.err, "relstage: <stdout>: 写入失败：No space left on device\n");
	child_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_option_and_missing_value_are_usage_errors),
		cmocka_unit_test(test_a_value_where_none_goes_and_a_short_name_of_several_are_said),
		cmocka_unit_test(test_every_bad_option_value_names_the_option_and_the_value),
		cmocka_unit_test(test_output_names_that_contradict_the_format_are_refused),
		cmocka_unit_test(test_subcommand_arguments_are_checked),
		cmocka_unit_test(test_help_and_version_on_stdout_exit_0),
		cmocka_unit_test(test_help_is_chinese_under_lang_zh),
		cmocka_unit_test(test_output_format_is_what_the_o_name_says_else_csv),
		cmocka_unit_test(test_options_reach_the_run),
		cmocka_unit_test(test_rules_prints_the_embedded_rules),
		cmocka_unit_test(test_rules_file_problems_name_the_file_and_line),
		cmocka_unit_test(test_relstage_today_must_be_a_date_and_a_bad_lang_falls_back),
		cmocka_unit_test(test_a_rejected_row_is_exit_1),
		cmocka_unit_test(test_inspect_takes_only_its_own_options),
		cmocka_unit_test(test_validate_and_fields_report_on_stdout),
		cmocka_unit_test(test_usage_errors_are_in_the_language_asked_for_anywhere),
		cmocka_unit_test(test_lang_is_found_as_getopt_long_finds_it),
		cmocka_unit_test(test_an_unreadable_rules_file_is_a_read_failure),
		cmocka_unit_test(test_io_errors_are_in_chinese_under_lang_zh),
		cmocka_unit_test(test_a_failed_write_to_stdout_is_exit_2),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
