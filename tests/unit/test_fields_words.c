/*
 * test_fields_words.c - fields_words.c, the words that find a field's
 * column when no name does: header text normalised as matching sees it
 * (with a skipped prefix, in a bounded buffer), a word rule's match, its
 * hint mode and its limits (a long header is a mis-split line, not a
 * column), the words a match was made by, and the rules listed.
 * The field map built from them is test_fields.c's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "internals.h"

static const char *norm(const char *s, size_t skip, char *buf, size_t cap)
{
	size_t n = rs_field_norm(s, strlen(s), skip, buf, cap);

	assert_int_equal(n, strlen(buf));
	return buf;
}

/* The words rule `field` matched in header s by, or "-" for no match. */
static const char *how(int field, const char *s, int mode, char *buf, size_t cap)
{
	char n[256];
	int rule;

	rule = rs_field_word_rule(field, norm(s, 0, n, sizeof n), mode);
	if (rule < 0)
		return strcpy(buf, "-");
	return rs_field_word_how(rule, n, buf, cap);
}

static void test_norm_skips_a_prefix_and_stays_in_its_buffer(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(norm("Organization - Contacts", 15, b, sizeof b), "contacts");
	assert_string_equal(norm("Kunden-Nr.", 0, b, sizeof b), "kunden_nr");
	assert_string_equal(norm("__Share__of__Wallet__", 0, b, sizeof b), "share_of_wallet");
	assert_string_equal(norm("", 0, b, sizeof b), "");
	/* a small buffer holds what fits, NUL-terminated */
	assert_true(rs_field_norm("customer number", 15, 0, b, 9) <= 8);
	assert_int_equal(strlen(b), rs_field_norm("customer number", 15, 0, b, 9));
	assert_memory_equal(b, "customer", strlen(b));
}

/* Salesforce's custom fields by API name: Customer_Since__c is
 * customer_since, as its label "Customer Since" is (it passed through). */
static void test_norm_drops_a_salesforce_custom_field_suffix(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(norm("Customer_Since__c", 0, b, sizeof b), "customer_since");
	assert_string_equal(norm("Share_of_Wallet__pc", 0, b, sizeof b), "share_of_wallet");
	assert_string_equal(norm("ns__Exec_Meetings__c", 0, b, sizeof b), "ns_exec_meetings");
	assert_string_equal(norm("Topic_c", 0, b, sizeof b), "topic_c"); /* one underscore: a word */
	assert_string_equal(norm("x__c", 0, b, sizeof b), "x");
	assert_string_equal(norm("__c", 0, b, sizeof b), "c");
}

static void test_word_rules_say_the_words_they_matched(void **state)
{
	char b[128];

	(void)state;
	assert_string_equal(how(RS_F_ID, "Account Number", RS_WORDS_FULL, b, sizeof b), "account + number");
	assert_string_equal(how(RS_F_ID, "客户编号", RS_WORDS_FULL, b, sizeof b), "客户 + 编号");
	/* in the rule's order, not the header's */
	assert_string_equal(how(RS_F_CONTACTS, "Number of Contacts", RS_WORDS_FULL, b, sizeof b),
	                    "contacts + number");
	assert_string_equal(how(RS_F_ID, "Account Owner", RS_WORDS_FULL, b, sizeof b), "-");
	assert_string_equal(how(RS_F_CONTACTS, "Account Number", RS_WORDS_FULL, b, sizeof b), "-");
	/* a buffer too small for the next word keeps the words before it */
	assert_string_equal(how(RS_F_ID, "Account Number", RS_WORDS_FULL, b, 10), "account");
	assert_string_equal(how(RS_F_ID, "Account Number", RS_WORDS_FULL, b, 5), "");
}

/* A hint lets the rule's last group go unmatched: "Account" alone hints at
 * an id column; a full match needs both. */
static void test_hint_mode_needs_all_groups_but_the_last(void **state)
{
	char n[64];

	(void)state;
	assert_int_equal(rs_field_word_rule(RS_F_ID, norm("Account", 0, n, sizeof n), RS_WORDS_FULL), -1);
	assert_true(rs_field_word_rule(RS_F_ID, norm("Account", 0, n, sizeof n), RS_WORDS_HINT) >= 0);
	assert_int_equal(rs_field_word_rule(RS_F_ID, norm("Number", 0, n, sizeof n), RS_WORDS_HINT), -1);
}

/* More than 6 words or 64 bytes is a line split at the wrong delimiter. */
static void test_a_long_header_matches_no_rule(void **state)
{
	char n[256];

	(void)state;
	assert_true(rs_field_word_rule(RS_F_ID, norm("Customer account number a b c", 0, n, sizeof n),
	                               RS_WORDS_FULL) >= 0); /* 6 words */
	assert_int_equal(rs_field_word_rule(RS_F_ID, norm("Customer account number a b c d", 0, n, sizeof n),
	                                    RS_WORDS_FULL), -1);
	assert_int_equal(rs_field_word_rule(RS_F_ID,
	                                    norm("Customeraccountnumberxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx account "
	                                         "number", 0, n, sizeof n),
	                                    RS_WORDS_FULL), -1);
	assert_int_equal(rs_field_word_rule(RS_F_ID, "", RS_WORDS_FULL), -1);
}

/* relstage fields lists each rule's groups; a small buffer holds whole rules only. */
static void test_words_list_is_cut_at_a_whole_piece(void **state)
{
	char big[4096], small[40];
	size_t nb, ns;

	(void)state;
	nb = rs_field_words(RS_F_CONTACTS, RS_LANG_EN, big, sizeof big);
	assert_int_equal(nb, strlen(big));
	assert_true(nb > sizeof small);
	assert_memory_equal(big, "(", 1);
	ns = rs_field_words(RS_F_CONTACTS, RS_LANG_EN, small, sizeof small);
	assert_int_equal(ns, strlen(small));
	assert_true(ns < sizeof small);
	assert_memory_equal(small, big, ns); /* a start of the whole list */
	assert_int_equal(rs_field_words(RS_F_CONTACTS, RS_LANG_EN, small, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_skips_a_prefix_and_stays_in_its_buffer),
		cmocka_unit_test(test_norm_drops_a_salesforce_custom_field_suffix),
		cmocka_unit_test(test_word_rules_say_the_words_they_matched),
		cmocka_unit_test(test_hint_mode_needs_all_groups_but_the_last),
		cmocka_unit_test(test_a_long_header_matches_no_rule),
		cmocka_unit_test(test_words_list_is_cut_at_a_whole_piece),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
