/* test_analyze.c - decision-table analysis: gaps in share_pct (errors), rows
 * hidden in whole or in part by earlier rows under first match, stages no row
 * can reach, repeated action texts (warnings). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

typedef struct diags {
	size_t n, errors;
	rs_error e[16];
} diags;

static void collect(void *ctx, const rs_error *p)
{
	diags *d = ctx;

	if (d->n < 16)
		d->e[d->n] = *p;
	d->n++;
	d->errors += p->status != RS_OK;
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

/* The findings (errors and warnings) on a table; rs_rules_analyze's result
 * must be the errors among them. */
static size_t analyze(const char *decision, diags *d)
{
	char text[4096];
	rs_rules *r;
	rs_error e;
	size_t errors;

	snprintf(text, sizeof text, "%s%s}", HEAD, decision);
	memset(d, 0, sizeof *d);
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t.json", NULL, NULL, &e), RS_OK);
	errors = rs_rules_analyze(r, collect, d);
	assert_int_equal(errors, d->errors);
	if (d->n > 0) /* findings borrow the file name from the rules */
		assert_string_equal(d->e[0].file, "t.json");
	rs_rules_free(r);
	return d->n;
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
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.e[0].where, "decision");
	assert_string_equal(d.e[0].msg, "share_pct > 0 and < 50 is covered by no decision row: "
	                                "a record there is rejected");
	assert_string_equal(d.e[1].msg, "share_pct == 80 is covered by no decision row: a record "
	                                "there is rejected");
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
	assert_int_equal(d.errors, 0); /* warnings */
	assert_int_equal(d.e[0].status, RS_OK);
	assert_string_equal(d.e[0].where, "decision[2]");
	assert_string_equal(d.e[0].msg, "(stage high) can never match: share_pct >= 80 and <= 100 "
	                                "goes to decision[1] (mid)");
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
	assert_string_equal(d.e[0].msg, "(stage mid) can never match: share_pct >= 50 and <= 100 "
	                                "goes to decision[0] (low)");
}

/* The case: strategic moved to 75 in its own row only, stable still
 * ends at 80 and matches first from 75 to 80. */
static void test_row_shadowed_in_part_names_the_range_and_the_row(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                         "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
	                         SH("<", 80) "]}}, {\"stage\": \"high\", \"when\": " SH(">=", 75) "}]",
	                         &d),
	                 1);
	assert_int_equal(d.errors, 0);
	assert_string_equal(d.e[0].where, "decision[2]");
	assert_string_equal(d.e[0].msg, "(stage high) is shadowed in part: share_pct >= 75 and < 80 "
	                                "goes to decision[1] (mid)");
}

static void test_shadow_by_two_rows_names_each(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze("[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                         "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
	                         SH("<", 80) "]}}, {\"stage\": \"high\", \"when\": {\"any\": ["
	                         SH("<", 10) ", " SH(">=", 70) "]}}]",
	                         &d),
	                 1);
	assert_string_equal(d.e[0].msg, "(stage high) is shadowed in part: share_pct >= 0 and < 10 "
	                                "goes to decision[0] (low); share_pct >= 70 and < 80 goes to "
	                                "decision[1] (mid)");
}

static void test_params_move_every_row_that_names_them(void **state)
{
	static const char *const params[] = {"{\"edge\": 80}", "{\"edge\": 75}"};
	size_t i;
	diags d;
	rs_account a;
	rs_result res;

	(void)state;
	for (i = 0; i < 2; i++) {
		char text[4096];
		rs_rules *r;
		rs_error e;

		snprintf(text, sizeof text, "%s[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
		         "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
		         "{\"var\": \"share_pct\", \"op\": \"<\", \"value\": \"edge\"}]}}, "
		         "{\"stage\": \"high\", \"when\": {\"var\": \"share_pct\", \"op\": \">=\", "
		         "\"value\": \"edge\"}}], \"params\": %s}", HEAD, params[i]);
		memset(&d, 0, sizeof d);
		assert_int_equal(rs_rules_load(&r, text, strlen(text), "t.json", NULL, NULL, &e), RS_OK);
		assert_int_equal(rs_rules_analyze(r, collect, &d), 0);
		assert_int_equal(d.n, 0);
		memset(&a, 0, sizeof a);
		a.v[RS_V_SHARE_PCT] = 77;
		a.known = 1u << RS_V_SHARE_PCT;
		assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_OK);
		assert_int_equal(res.stage, i == 0 ? 1 : 2); /* 77: mid below 80, high from 75 */
		rs_rules_free(r);
	}
}

static void test_repeated_action_text_is_a_warning(void **state)
{
	const char *text =
		"{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
		"\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
		"\"relationship_years\", \"per\": 3}]}}, \"stages\": ["
		"{\"id\": \"low\", \"label\": {\"en\": \"L\", \"zh\": \"低\"}, \"actions\": "
		"{\"en\": [\"Call\", \"Visit\"], \"zh\": [\"打电话\", \"拜访\"]}}], "
		"\"decision\": [{\"stage\": \"low\", \"when\": {\"all\": []}}], "
		"\"actions\": [{\"id\": \"a\", \"when\": {\"all\": []}, \"text\": {\"en\": "
		"\"Visit\", \"zh\": \"回访\"}}]}";
	rs_rules *r;
	rs_error e;
	diags d = {0};

	(void)state;
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t.json", NULL, NULL, &e), RS_OK);
	assert_int_equal(rs_rules_analyze(r, collect, &d), 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.e[0].where, "actions[0].text.en");
	assert_string_equal(d.e[0].msg, "repeats stages[0].actions.en[1]: an account would read it twice");
	rs_rules_free(r);
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
		cmocka_unit_test(test_row_shadowed_in_part_names_the_range_and_the_row),
		cmocka_unit_test(test_shadow_by_two_rows_names_each),
		cmocka_unit_test(test_params_move_every_row_that_names_them),
		cmocka_unit_test(test_repeated_action_text_is_a_warning),
		cmocka_unit_test(test_unreachable_stage_is_found),
		cmocka_unit_test(test_row_outside_0_100_can_never_match),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
