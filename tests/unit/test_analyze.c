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

/* The findings (errors and warnings) on a table, worded in lang;
 * rs_rules_analyze's result must be the errors among them. */
static size_t analyze_in(rs_lang lang, const char *decision, diags *d)
{
	char text[8192];
	rs_rules *r;
	rs_error e;
	size_t errors;

	snprintf(text, sizeof text, "%s%s}", HEAD, decision);
	memset(d, 0, sizeof *d);
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t.json", NULL, NULL, &e), RS_OK);
	errors = rs_rules_analyze(r, lang, collect, d);
	assert_int_equal(errors, d->errors);
	if (d->n > 0) /* findings borrow the file name from the rules */
		assert_string_equal(d->e[0].file, "t.json");
	rs_rules_free(r);
	return d->n;
}

static size_t analyze(const char *decision, diags *d)
{
	return analyze_in(RS_LANG_EN, decision, d);
}

static void test_default_rules_analyze_clean(void **state)
{
	rs_rules *r;
	rs_error e;
	diags d = {0};

	(void)state;
	assert_int_equal(rs_rules_load_default(&r, &e), RS_OK);
	assert_int_equal(rs_rules_analyze(r, RS_LANG_EN, collect, &d), 0);
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
		assert_int_equal(rs_rules_analyze(r, RS_LANG_EN, collect, &d), 0);
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
	assert_int_equal(rs_rules_analyze(r, RS_LANG_EN, collect, &d), 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.e[0].where, "actions[0].text.en");
	assert_string_equal(d.e[0].msg, "repeats stages[0].actions.en[1]: an account would read it twice");
	memset(&d, 0, sizeof d);
	assert_int_equal(rs_rules_analyze(r, RS_LANG_ZH, collect, &d), 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.e[0].where, "actions[0].text.en");
	assert_string_equal(d.e[0].msg, "与 stages[0].actions.en[1] 重复：同一客户的建议行动中会出现两次");
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

/* Whether s is whole UTF-8 characters (a cut message ends on one). */
static bool utf8_whole(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int more = 0;

	for (; *p != '\0'; p++) {
		if (more > 0) {
			if ((*p & 0xC0) != 0x80)
				return false;
			more--;
		} else if (*p >= 0xF0)
			more = 3;
		else if (*p >= 0xE0)
			more = 2;
		else if (*p >= 0xC0)
			more = 1;
		else if (*p >= 0x80)
			return false;
	}
	return more == 0;
}

/* validate --lang zh: each finding in Chinese; places, ranges, stage ids and
 * decision[N] as in the file; the pieces of a shadow joined by "；". */
static void test_findings_are_worded_in_chinese(void **state)
{
	diags d;

	(void)state;
	assert_int_equal(analyze_in(RS_LANG_ZH, "[{\"stage\": \"low\", \"when\": " SH("==", 0) "},"
	                            "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
	                            SH("<", 80) "]}}, {\"stage\": \"high\", \"when\": " SH(">", 80) "}]",
	                            &d),
	                 2);
	assert_int_equal(d.e[0].lang, RS_LANG_ZH);
	assert_string_equal(d.e[0].where, "decision");
	assert_string_equal(d.e[0].msg, "没有任何决策行覆盖 share_pct > 0 且 < 50：落在此范围的记录会被拒绝");
	assert_string_equal(d.e[1].msg, "没有任何决策行覆盖 share_pct == 80：落在此范围的记录会被拒绝");

	assert_int_equal(analyze_in(RS_LANG_ZH, "[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                            "{\"stage\": \"mid\", \"when\": " SH(">=", 50) "},"
	                            "{\"stage\": \"high\", \"when\": " SH(">=", 80) "}]",
	                            &d),
	                 2);
	assert_string_equal(d.e[0].msg, "（阶段 high）永远不会匹配：share_pct >= 80 且 <= 100 的记录先由 "
	                                "decision[1]（mid）匹配");
	assert_string_equal(d.e[1].where, "stages[2]");
	assert_string_equal(d.e[1].msg, "没有记录会被判定为阶段 high：指定该阶段的决策行都不可能匹配");

	assert_int_equal(analyze_in(RS_LANG_ZH, "[{\"stage\": \"low\", \"when\": " SH("<", 50) "},"
	                            "{\"stage\": \"mid\", \"when\": {\"all\": [" SH(">=", 50) ", "
	                            SH("<", 80) "]}}, {\"stage\": \"high\", \"when\": {\"any\": ["
	                            SH("<", 10) ", " SH(">=", 70) "]}}]",
	                            &d),
	                 1);
	assert_string_equal(d.e[0].msg, "（阶段 high）部分被遮蔽：share_pct >= 0 且 < 10 的记录先由 "
	                                "decision[0]（low）匹配；share_pct >= 70 且 < 80 的记录先由 "
	                                "decision[1]（mid）匹配");

	assert_int_equal(analyze_in(RS_LANG_ZH, "[{\"stage\": \"low\", \"when\": " SH("<=", 50) "},"
	                            "{\"stage\": \"mid\", \"when\": " SH(">", 150) "},"
	                            "{\"stage\": \"high\", \"when\": " SH(">", 50) "}]",
	                            &d),
	                 2);
	assert_string_equal(d.e[0].msg, "（阶段 mid）永远不会匹配：其 share_pct 条件排除了 0 到 100 之间的所有值");
}

/* More share values than are analysed, and a shadow longer than a message
 * holds: said in Chinese, cut on a whole character. */
static void test_chinese_findings_past_the_limits(void **state)
{
	char decision[8192];
	size_t n, i;
	diags d;

	(void)state;
	n = (size_t)snprintf(decision, sizeof decision, "[{\"stage\": \"low\", \"when\": {\"any\": [");
	for (i = 1; i <= 130; i++) /* 0.7 to 91 */
		n += (size_t)snprintf(decision + n, sizeof decision - n, "%s" SH("==", %.1f), i > 1 ? ", " : "",
		                      (double)i * 0.7);
	(void)snprintf(decision + n, sizeof decision - n, "]}}, {\"stage\": \"mid\", \"when\": "
	               "{\"all\": []}}, {\"stage\": \"high\", \"when\": {\"all\": []}}]");
	assert_int_equal(analyze_in(RS_LANG_ZH, decision, &d), 1);
	assert_string_equal(d.e[0].msg, "share_pct 的不同取值超过 128 个：未作分析");

	n = (size_t)snprintf(decision, sizeof decision, "[{\"stage\": \"low\", \"when\": {\"any\": [");
	for (i = 1; i <= 40; i++) /* 1.5, 2.5, ...: the Chinese cut falls inside a character */
		n += (size_t)snprintf(decision + n, sizeof decision - n, "%s" SH("==", %zu.5), i > 1 ? ", " : "", i);
	(void)snprintf(decision + n, sizeof decision - n, "]}}, {\"stage\": \"mid\", \"when\": "
	               "{\"all\": []}}, {\"stage\": \"high\", \"when\": {\"all\": []}}]");
	for (i = 0; i < 2; i++) {
		analyze_in(i == 0 ? RS_LANG_EN : RS_LANG_ZH, decision, &d);
		assert_string_equal(d.e[0].where, "decision[1]");
		assert_true(strlen(d.e[0].msg) > 400);
		assert_true(utf8_whole(d.e[0].msg));
	}
	assert_non_null(strstr(d.e[0].msg, "（阶段 mid）部分被遮蔽：share_pct == 1.5 的记录先由 decision[0]（low）匹配；"));
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
		cmocka_unit_test(test_findings_are_worded_in_chinese),
		cmocka_unit_test(test_chinese_findings_past_the_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
