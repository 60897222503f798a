/* test_error.c - every message has the shape FILE:LINE: WHERE: MSG. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "internal.h"

static void test_format_has_file_line_where_msg(void **state)
{
	rs_error e;
	char buf[256];

	(void)state;
	memset(&e, 0, sizeof e);
	e.file = "customers.csv";
	assert_int_equal(rs_error_set(&e, RS_EREJECT, 17, "purchase_share \"%s\" is not a number", "abc"),
	                 RS_EREJECT);
	(void)rs_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "customers.csv:17: purchase_share \"abc\" is not a number");
	rs_error_where(&e, "stages[%d].when.all[%d].op", 2, 0);
	e.line = 0;
	(void)rs_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "customers.csv: stages[2].when.all[0].op: purchase_share \"abc\" is not a number");
}

static void test_format_without_file_or_message(void **state)
{
	rs_error e;
	char buf[64];

	(void)state;
	memset(&e, 0, sizeof e);
	e.status = RS_ENOMEM;
	(void)rs_error_format(&e, buf, sizeof buf);
	assert_string_equal(buf, "out of memory");
}

static void test_format_truncates_safely(void **state)
{
	rs_error e;
	char buf[8];
	size_t n;

	(void)state;
	memset(&e, 0, sizeof e);
	e.file = "a-very-long-file-name.csv";
	(void)rs_error_set(&e, RS_EIO, 3, "disk full");
	n = rs_error_format(&e, buf, sizeof buf);
	assert_true(n > sizeof buf);
	assert_int_equal(strlen(buf), sizeof buf - 1);
}

/* A message longer than rs_error holds ends in "..." at a whole UTF-8
 * character (an error printed cut mid-word, or mid-character, read as a
 * different message); one that fits is kept whole. */
static void test_set_cuts_a_long_message_visibly_at_a_character(void **state)
{
	rs_error e;
	char text[1200];
	size_t i, n;

	(void)state;
	for (i = 0, text[0] = 'x'; i + 3 < sizeof text - 1; i += 3)
		memcpy(text + 1 + i, "\xE5\x88\x86", 3); /* 分, shifted by one byte */
	text[1 + i] = '\0';
	assert_int_equal(rs_error_set(&e, RS_EPARSE, 3, "%s", text), RS_EPARSE);
	n = strlen(e.msg);
	assert_true(n < sizeof e.msg && n >= sizeof e.msg - 6);
	assert_string_equal(e.msg + n - 3, "...");
	assert_int_equal((n - 3 - 1) % 3, 0); /* whole characters after the 'x' */
	assert_int_equal(rs_error_set(&e, RS_EPARSE, 3, "%s", "short"), RS_EPARSE);
	assert_string_equal(e.msg, "short");
}

static void test_every_status_has_a_phrase(void **state)
{
	int s;

	(void)state;
	for (s = RS_OK; s <= RS_EENCODING; s++)
		assert_string_not_equal(rs_strerror((rs_status)s), "unknown status");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_has_file_line_where_msg),
		cmocka_unit_test(test_format_without_file_or_message),
		cmocka_unit_test(test_format_truncates_safely),
		cmocka_unit_test(test_set_cuts_a_long_message_visibly_at_a_character),
		cmocka_unit_test(test_every_status_has_a_phrase),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
