/* test_analyze.c - decision-table analysis: gaps in share_pct, rows hidden by
 * earlier rows under first match, stages no row can reach. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "relstage.h"

typedef struct diags {
	size_t n;
	rs_error e[16];
} diags;

static void collect(void *ctx, const rs_error *p)
{
	diags *d = ctx;

	if (d->n < 16)
		d->e[d->n] = *p;
	d->n++;
}

#define HEAD                                                                                 \
	"{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "      \
	"\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "           \
	"\"relationship_years\", \"per\": 3}]}}, \"stages\": ["                                 \
	"{\"id\": \"low\", \"label\": {\"en\": \"L\", \"zh\": \"低\"}, \"actions\": {\"en\": [], \"zh\": []}}," \
	"{\"id\": \"mid\", \"label\": {\"en\": \"M\", \"zh\": \"中\"}, \"actions\": {\"en\": [], \"zh\": []}}," \
	"{\"id\": \"high\", \"label\": {\"en\": \"H\", \"zh\": \"高\"}, \"actions\": {\"en\": [], \"zh\": []}}], " \
	"\"actions\": [], \"decision\": "
#define SH(op, v) "{\"var\": \"share_pct\", \"op\": \"" op "\", \"value\": " #v "}"

static size_t analyze(const char *decision, diags *d)
{
	char text[4096];
	rs_rules *r;
	rs_error e;
	size_t n;

	snprintf(text, sizeof text, "%s%s}", HEAD, decision);
	memset(d, 0, sizeof *d);
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t.json", NULL, NULL, &e), RS_OK);
	n = rs_rules_analyze(r, collect, d);
	assert_int_equal(n, d->n);
	if (n > 0) /* findings borrow the file name from the rules */
		assert_string_equal(d->e[0].file, "t.json");
	rs_rules_free(r);
	return n;
}

static void test_default_rules_analyze_clean(void **state)
{
	rs_rules *r;
	rs_error e;
	diags d = {0};

	(void)state;
	assert_int_equal(rs_rules_load_default(&r, &e), RS_OK);
	assert_int_equal(rs_rules_analyze(r, collect, &d), 0);
	rs_rules_free(r);
}

static void test_full_cover_is_clean(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                         "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
	                         SH("<", 80) "]}}, {\"stage\": \"high\", \"when\": " SH(">=", 80) "}]",
	                         &d),
	                 0);
}

static void test_share_gap_is_found(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("==", 0) "},"
	                         "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
	                         SH("<", 80) "]}}, {\"stage\": \"high\", \"when\": " SH(">", 80) "}]",
	                         &d),
	                 2);
	assert_string_equal(d.e[0].where, "decision");
	assert_string_equal(d.e[0].msg, "share_pct > 0 and < 50 is covered by no decision row");
	assert_string_equal(d.e[1].msg, "share_pct == 80 is covered by no decision row");
}

static void test_hidden_row_is_found(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                         "{\"stage\": \"mid\", \"when\": " SH(">=", 50) "},"
	                         "{\"stage\": \"high\", \"when\": {\"all\": [" SH(">=", 80) ", "
	                         "{\"var\": \"contacts\", \"op\": \">\", \"value\": 3}]}}]",
	                         &d),
	                 2);
	assert_string_equal(d.e[0].where, "decision[2]");
	assert_string_equal(d.e[0].msg, "(stage high) can never match: decision[0..1] already "
	                                "match every record it would");
	assert_string_equal(d.e[1].where, "stages[2]");
	assert_string_equal(d.e[1].msg, "stage high can never be reached: no decision row that "
	                                "names it can match");
}

static void test_row_with_more_conditions_does_not_hide_the_next(void **state)
{
	diags d;

	(void)state;
	/* like the default rules: strategic needs bonds, stable takes the rest */
	assert_int_equal(analyze("[{\"stage\": \"high\", \"when\": {\"all\": [" SH(">=", 80) ", "
	                         "{\"var\": \"contacts\", \"op\": \">\", \"value\": 3}]}},"
	                         "{\"stage\": \"mid\", \"when\": " SH(">=", 80) "},"
	                         "{\"stage\": \"low\", \"when\": {\"not\": " SH(">=", 80) "}}]",
	                         &d),
	                 0);
}

static void test_not_of_unknowable_condition_hides_nothing(void **state)
{
	diags d;

	(void)state;
	/* not(contacts > 3) is not surely true anywhere: the next row stays visible */
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": {\"not\": {\"var\": \"contacts\", "
	                         "\"op\": \">\", \"value\": 3}}},"
	                         "{\"stage\": \"mid\", \"when\": " SH("<", 50) "},"
	                         "{\"stage\": \"high\", \"when\": " SH(">=", 50) "}]",
	                         &d),
	                 0);
}

static void test_single_earlier_row_hides(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": {\"all\": []}},"
	                         "{\"stage\": \"mid\", \"when\": " SH(">=", 50) "},"
	                         "{\"stage\": \"high\", \"when\": " SH(">=", 50) "}]",
	                         &d),
	                 4);
	assert_string_equal(d.e[0].msg, "(stage mid) can never match: decision[0] already matches "
	                                "every record it would");
}

static void test_unreachable_stage_is_found(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                         "{\"stage\": \"high\", \"when\": " SH(">=", 50) "}]",
	                         &d),
	                 1);
	assert_string_equal(d.e[0].where, "stages[1]");
	assert_string_equal(d.e[0].msg, "stage mid can never be reached: no decision row that "
	                                "names it can match");
}

static void test_row_outside_0_100_can_never_match(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("<=", 50) "},"
	                         "{\"stage\": \"mid\", \"when\": " SH(">", 150) "},"
	                         "{\"stage\": \"high\", \"when\": " SH(">", 50) "}]",
	                         &d),
	                 2);
	assert_string_equal(d.e[0].where, "decision[1]");
	assert_string_equal(d.e[0].msg, "(stage mid) can never match: its share_pct conditions "
	                                "exclude every value from 0 to 100");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_rules_analyze_clean),
		cmocka_unit_test(test_full_cover_is_clean),
		cmocka_unit_test(test_share_gap_is_found),
		cmocka_unit_test(test_hidden_row_is_found),
		cmocka_unit_test(test_row_with_more_conditions_does_not_hide_the_next),
		cmocka_unit_test(test_not_of_unknowable_condition_hides_nothing),
		cmocka_unit_test(test_single_earlier_row_hides),
		cmocka_unit_test(test_unreachable_stage_is_found),
		cmocka_unit_test(test_row_outside_0_100_can_never_match),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
