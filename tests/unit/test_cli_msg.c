/*
 * test_cli_msg.c - cli_msg.c, the front end's messages on stderr: one line
 * "relstage: FILE:LINE: WHERE: MSG", every part present only when known,
 * never cut however long, written whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "printf_args.h"
#include "test_child.h"

static const rs_error *the_error;

static int say_error(void *ctx)
{
	(void)ctx;
	cli_error(the_error);
	return 0;
}

/* stderr of cli_error(e), checked to be one line; the caller frees it. */
static char *error_line(const rs_error *e)
{
	child c;

	the_error = e;
	c = child_run(say_error, NULL, NULL);
	assert_int_equal(c.code, 0);
	assert_string_equal(c.out, "");
	free(c.out);
	return c.err;
}

#define EXPECT_ERROR(e, want)                   \
	do {                                        \
		char *got_ = error_line(e);             \
		assert_string_equal(got_, (want));      \
		free(got_);                             \
	} while (0)

static void test_error_names_file_line_and_place(void **state)
{
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	e.status = RS_EPARSE;
	e.file = "customers.csv";
	e.line = 17;
	strcpy(e.where, "purchase_share");
	strcpy(e.msg, "\"abc\" is not a number");
	EXPECT_ERROR(&e, "relstage: customers.csv:17: purchase_share: \"abc\" is not a number\n");
	e.where[0] = '\0';
	EXPECT_ERROR(&e, "relstage: customers.csv:17: \"abc\" is not a number\n");
	e.line = 0; /* a file-wide problem: no line */
	EXPECT_ERROR(&e, "relstage: customers.csv: \"abc\" is not a number\n");
	strcpy(e.where, "decision[2].when");
	EXPECT_ERROR(&e, "relstage: customers.csv: decision[2].when: \"abc\" is not a number\n");
}

static void test_error_without_file_or_message(void **state)
{
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	e.status = RS_ENOMEM;
	strcpy(e.msg, "out of memory");
	EXPECT_ERROR(&e, "relstage: out of memory\n");
	e.line = 5; /* a line without a file says nothing */
	EXPECT_ERROR(&e, "relstage: out of memory\n");
	e.msg[0] = '\0'; /* no message: the status says it */
	e.status = RS_EIO;
	e.file = "<stdout>";
	e.line = 0;
	EXPECT_ERROR(&e, "relstage: <stdout>: input/output error\n");
}

/* rs_error's message is bounded, its file is not: a long path is written whole. */
static void test_error_with_a_long_path_is_not_cut(void **state)
{
	static char path[3000], want[3200];
	rs_error e;

	(void)state;
	memset(path, 'p', sizeof path - 1);
	memcpy(path + sizeof path - 5, ".csv", 5);
	memset(&e, 0, sizeof e);
	e.status = RS_EIO;
	e.file = path;
	e.line = 3;
	strcpy(e.msg, "cannot open: No such file or directory");
	(void)snprintf(want, sizeof want, "relstage: %s:3: cannot open: No such file or directory\n", path);
	EXPECT_ERROR(&e, want);
}

static const char *warn_arg;

static int say_warn(void *ctx)
{
	(void)ctx;
	cli_warn("%s: cannot open: %s (%d)", warn_arg, "Permission denied", 13);
	return 0;
}

static void vwarn_with_tail(const char *tail, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vwarn(tail, fmt, ap);
	va_end(ap);
}

static int say_usage(void *ctx)
{
	(void)ctx;
	vwarn_with_tail("; see relstage --help", "--to takes csv, not \"%s\"", warn_arg);
	vwarn_with_tail("", "%s", "plain");
	return 0;
}

static void test_warn_is_one_prefixed_line(void **state)
{
	child c;

	(void)state;
	warn_arg = "out/客户.csv";
	c = child_run(say_warn, NULL, NULL);
	assert_int_equal(c.code, 0);
	assert_string_equal(c.err, "relstage: out/客户.csv: cannot open: Permission denied (13)\n");
	assert_string_equal(c.out, "");
	child_free(&c);
}

static void test_vwarn_puts_the_tail_after_the_message(void **state)
{
	child c;

	(void)state;
	warn_arg = "xls";
	c = child_run(say_usage, NULL, NULL);
	assert_string_equal(c.err, "relstage: --to takes csv, not \"xls\"; see relstage --help\n"
	                           "relstage: plain\n");
	child_free(&c);
}

/* Past the 1024 bytes it formats into on the stack, the message is
 * formatted again into a block of its size, not cut. */
static void test_warn_longer_than_its_buffer_is_written_whole(void **state)
{
	static char arg[5000], want[5200];
	size_t n;
	child c;

	(void)state;
	for (n = 1000; n <= 4000; n += 3000) {
		memset(arg, 0, sizeof arg);
		memset(arg, 'a', n);
		memcpy(arg + n - 3, "end", 3);
		warn_arg = arg;
		c = child_run(say_usage, NULL, NULL);
		(void)snprintf(want, sizeof want,
		               "relstage: --to takes csv, not \"%s\"; see relstage --help\nrelstage: plain\n", arg);
		assert_string_equal(c.err, want);
		child_free(&c);
	}
}

/* Each of the command line's own messages takes the same printf arguments
 * in both languages, and keeps "FILE: " (ASCII) where it starts with one. */
static void test_every_cli_message_has_both_languages_with_the_same_arguments(void **state)
{
	char en[32], zh[32];
	size_t i;

	(void)state;
	assert_true(cli_nmsgs > 40);
	for (i = 0; i < cli_nmsgs; i++) {
		args_of(cli_msgs[i][RS_LANG_EN], en, sizeof en);
		args_of(cli_msgs[i][RS_LANG_ZH], zh, sizeof zh);
		assert_string_equal(en, zh);
		if (strncmp(cli_msgs[i][RS_LANG_EN], "%s: ", 4) == 0)
			assert_memory_equal(cli_msgs[i][RS_LANG_ZH], "%s: ", 4);
	}
}

/*
 * Each of the command line's messages is one row of cli_msgs: no English text
 * twice, and none that rs_error_set would word from the library's table too
 * (its RS_M_S_ rows), so a message and its Chinese change in one place.
 */
static void test_every_cli_message_is_one_row_in_one_table(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < cli_nmsgs; i++) {
		for (j = i + 1; j < cli_nmsgs; j++)
			if (strcmp(cli_msgs[i][RS_LANG_EN], cli_msgs[j][RS_LANG_EN]) == 0)
				fail_msg("\"%s\" is two rows of cli_msgs", cli_msgs[i][RS_LANG_EN]);
		if (rs_msg_tr(RS_LANG_ZH, cli_msgs[i][RS_LANG_EN]) != cli_msgs[i][RS_LANG_EN])
			fail_msg("\"%s\" is in cli_msgs and msg.c's rs_msgs", cli_msgs[i][RS_LANG_EN]);
	}
}

/* The options a help text lists, in order, a line each: "-f, --from FMT",
 * "--sheet NAME", and the subcommands ("relstage rules"; "relstage" for the
 * run, whose [options] each language writes its way). */
static void help_options(const char *h, char *out, size_t cap)
{
	const char *nl, *p, *e;
	size_t n = 0, k;

	for (; *h != '\0'; h = nl + 1) {
		nl = strchr(h, '\n');
		assert_non_null(nl);
		if ((p = strstr(h, "relstage ")) != NULL && p < nl && p - h <= 10) {
			e = p[9] >= 'a' && p[9] <= 'z' ? strchr(p + 9, ' ') : p + 8;
		} else if (strncmp(h, "  -", 3) == 0 || strncmp(h, "      --", 8) == 0) {
			p = h + strspn(h, " ");
			e = strstr(p, "  "); /* the option and its value, up to the text */
		} else
			continue;
		if (e == NULL || e > nl)
			e = nl;
		k = (size_t)(e - p);
		assert_true(n + k + 2 < cap);
		memcpy(out + n, p, k);
		n += k;
		out[n++] = '|';
	}
	out[n] = '\0';
}

/* The Chinese --help lists every option and subcommand of the English, in
 * the same order and spelled the same (a new option needs both), and each
 * part ends with a line. */
static void test_the_chinese_help_lists_every_option_of_the_english(void **state)
{
	char en[4096], zh[4096];
	size_t i, len;

	(void)state;
	for (i = 0; i < 2; i++) {
		help_options(cli_help[i][RS_LANG_EN], en, sizeof en);
		help_options(cli_help[i][RS_LANG_ZH], zh, sizeof zh);
		assert_string_equal(zh, en);
		assert_true(strlen(en) > 100);
		len = strlen(cli_help[i][RS_LANG_ZH]);
		assert_int_equal(cli_help[i][RS_LANG_ZH][len - 1], '\n');
	}
	assert_non_null(strstr(en, "|-V, --version|"));
}

static int say_in_both(void *ctx)
{
	(void)ctx;
	cli_lang = RS_LANG_ZH;
	cli_warn("unknown option %s", "--nope");
	cli_lang = RS_LANG_EN;
	cli_warn("unknown option %s", "--nope");
	return 0;
}

/* cli_warn words its format in cli_lang; cli_tr leaves what it does not know. */
static void test_a_warning_is_worded_in_the_cli_language(void **state)
{
	child c;
	rs_error e;

	(void)state;
	c = child_run(say_in_both, NULL, NULL);
	assert_string_equal(c.err, "relstage: 未知选项 --nope\nrelstage: unknown option --nope\n");
	child_free(&c);
	cli_lang = RS_LANG_ZH;
	assert_string_equal(cli_tr("not a message of ours"), "not a message of ours");
	cli_error_init(&e);
	assert_int_equal(e.lang, RS_LANG_ZH);
	assert_null(e.file);
	cli_lang = RS_LANG_EN;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_cli_message_has_both_languages_with_the_same_arguments),
		cmocka_unit_test(test_every_cli_message_is_one_row_in_one_table),
		cmocka_unit_test(test_the_chinese_help_lists_every_option_of_the_english),
		cmocka_unit_test(test_a_warning_is_worded_in_the_cli_language),
		cmocka_unit_test(test_error_names_file_line_and_place),
		cmocka_unit_test(test_error_without_file_or_message),
		cmocka_unit_test(test_error_with_a_long_path_is_not_cut),
		cmocka_unit_test(test_warn_is_one_prefixed_line),
		cmocka_unit_test(test_vwarn_puts_the_tail_after_the_message),
		cmocka_unit_test(test_warn_longer_than_its_buffer_is_written_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
