/*
 * test_rules_cond.c - rules_cond.c, the evaluation form of loaded
 * conditions: each comparison on a known value, on an unknown one
 * (unknown, never TRUE or FALSE), "known"/"unknown", NaN as C compares it,
 * all/any/not in Kleene's three values, and "not" compiled into its
 * operand (De Morgan over groups, twice "not" is none) at any depth; the
 * stage, in action rules, always known. Each condition is loaded from a
 * rules file's text and evaluated with rs_cond_k (internals.h's
 * rs_test_cond_eval). The engine's use of them is test_engine.c's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internals.h"

#define F RS_FALSE
#define T RS_TRUE
#define U RS_UNKNOWN

/* Rules whose one decision row and one action rule test cond. */
static rs_rules *rules_for(const char *cond)
{
	static char text[8192];
	rs_rules *r = NULL;
	rs_error e;

	snprintf(text, sizeof text,
	         "{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
	         "\"relationship_years\", \"per\": 3}]}}, \"stages\": ["
	         "{\"id\": \"s0\", \"label\": {\"en\": \"A\", \"zh\": \"甲\"}, \"actions\": {\"en\": [], \"zh\": []}},"
	         "{\"id\": \"s1\", \"label\": {\"en\": \"B\", \"zh\": \"乙\"}, \"actions\": {\"en\": [], \"zh\": []}},"
	         "{\"id\": \"s2\", \"label\": {\"en\": \"C\", \"zh\": \"丙\"}, \"actions\": {\"en\": [], \"zh\": []}}],"
	         "\"decision\": [{\"stage\": \"s1\", \"when\": {\"all\": []}}], "
	         "\"actions\": [{\"id\": \"a\", \"when\": %s, \"text\": {\"en\": \"x\", \"zh\": \"x\"}}]}",
	         cond);
	memset(&e, 0, sizeof e);
	if (rs_rules_load(&r, text, strlen(text), "t.json", NULL, NULL, &e) != RS_OK)
		fail_msg("%s: %s: %s", cond, e.where, e.msg);
	return r;
}

/* cond's value on a, at stage s. */
static int at_stage(const char *cond, const rs_account *a, double s)
{
	rs_rules *r = rules_for(cond);
	int t = rs_test_cond_eval(r, r->act[0].cond, a, s);

	rs_rules_free(r);
	return t;
}

static int eval(const char *cond, const rs_account *a)
{
	return at_stage(cond, a, 0);
}

static void set(rs_account *a, int var, double v)
{
	a->v[var] = v;
	a->known |= 1u << var;
}

#define C(var, op, v) "{\"var\": \"" var "\", \"op\": \"" op "\", \"value\": " v "}"
#define K(var, op) "{\"var\": \"" var "\", \"op\": \"" op "\"}"
#define NOT(x) "{\"not\": " x "}"
#define ALL2(x, y) "{\"all\": [" x ", " y "]}"
#define ANY2(x, y) "{\"any\": [" x ", " y "]}"

static void test_each_operator_below_at_and_above_its_value(void **state)
{
	static const struct {
		const char *op;
		int below, at, above;
	} ops[] = {
		{"==", F, T, F}, {"!=", T, F, T}, {"<", T, F, F},
		{"<=", T, T, F}, {">", F, F, T}, {">=", F, T, T},
	};
	static const double v[3] = {2, 3, 3.5};
	char cond[128];
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
		for (k = 0; k < 3; k++) {
			rs_account a = {0};
			int want = k == 0 ? ops[i].below : k == 1 ? ops[i].at : ops[i].above;

			set(&a, RS_F_CONTACTS, v[k]);
			snprintf(cond, sizeof cond, "{\"var\": \"contacts\", \"op\": \"%s\", \"value\": 3}", ops[i].op);
			if (eval(cond, &a) != want)
				fail_msg("contacts %g %s 3: %d, not %d", v[k], ops[i].op, eval(cond, &a), want);
			snprintf(cond, sizeof cond, "{\"not\": {\"var\": \"contacts\", \"op\": \"%s\", \"value\": 3}}",
			         ops[i].op);
			assert_int_equal(eval(cond, &a), want == T ? F : T);
		}
}

/* A comparison on an unknown value is unknown, negated or not; known and
 * unknown are never unknown. */
static void test_an_unknown_value_makes_comparisons_unknown(void **state)
{
	static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
	rs_account a = {0};
	char cond[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		snprintf(cond, sizeof cond, "{\"var\": \"contacts\", \"op\": \"%s\", \"value\": 3}", ops[i]);
		assert_int_equal(eval(cond, &a), U);
		snprintf(cond, sizeof cond, "{\"not\": {\"var\": \"contacts\", \"op\": \"%s\", \"value\": 3}}", ops[i]);
		assert_int_equal(eval(cond, &a), U);
	}
	assert_int_equal(eval(K("contacts", "known"), &a), F);
	assert_int_equal(eval(K("contacts", "unknown"), &a), T);
	assert_int_equal(eval(NOT(K("contacts", "known")), &a), T);
	assert_int_equal(eval(NOT(K("contacts", "unknown")), &a), F);
	set(&a, RS_F_CONTACTS, 0);
	assert_int_equal(eval(K("contacts", "known"), &a), T);
	assert_int_equal(eval(K("contacts", "unknown"), &a), F);
}

/* NaN is no input's value, but the program must compare it as C does. */
static void test_nan_compares_as_in_c(void **state)
{
	rs_account a = {0};

	(void)state;
	set(&a, RS_F_CONTACTS, NAN);
	assert_int_equal(eval(C("contacts", "==", "3"), &a), F);
	assert_int_equal(eval(C("contacts", "!=", "3"), &a), T);
	assert_int_equal(eval(C("contacts", "<", "3"), &a), F);
	assert_int_equal(eval(C("contacts", ">=", "3"), &a), F);
	assert_int_equal(eval(NOT(C("contacts", "<", "3")), &a), T);
	assert_int_equal(eval(NOT(C("contacts", "!=", "3")), &a), F);
}

/* Kleene's tables: all is FALSE if one is, else UNKNOWN if one is; any the
 * dual; "not" of UNKNOWN is UNKNOWN; empty all TRUE, empty any FALSE. */
static void test_all_any_not_follow_kleene(void **state)
{
#define TT C("departments", "==", "2")
#define FF C("departments", "==", "3")
#define UU C("contacts", "==", "1")
	static const struct {
		const char *cond;
		int want;
	} c[] = {
		{ALL2(TT, TT), T}, {ALL2(TT, FF), F}, {ALL2(TT, UU), U}, {ALL2(UU, FF), F}, {ALL2(UU, UU), U},
		{ANY2(FF, FF), F}, {ANY2(FF, TT), T}, {ANY2(FF, UU), U}, {ANY2(UU, TT), T}, {ANY2(UU, UU), U},
		{NOT(UU), U}, {NOT(TT), F}, {NOT(FF), T},
		{"{\"all\": []}", T}, {"{\"any\": []}", F},
		{NOT("{\"all\": []}"), F}, {NOT("{\"any\": []}"), T},
	};
	rs_account a = {0};
	size_t i;

	(void)state;
	set(&a, RS_F_DEPARTMENTS, 2);
	for (i = 0; i < sizeof c / sizeof c[0]; i++)
		if (eval(c[i].cond, &a) != c[i].want)
			fail_msg("%s: %d, not %d", c[i].cond, eval(c[i].cond, &a), c[i].want);
}

/* "not" is compiled into what it negates: over a group by De Morgan, twice
 * as nothing, at any depth, unknowns staying unknown. */
static void test_not_is_compiled_into_groups_at_any_depth(void **state)
{
	static const struct {
		const char *cond;
		int want;
	} c[] = {
		{NOT(ALL2(TT, FF)), T},
		{NOT(ANY2(FF, UU)), U},
		{NOT(ANY2(TT, UU)), F},
		{NOT(NOT(FF)), F},
		{NOT(NOT(NOT(TT))), F},
		{NOT(ALL2(NOT(FF), ANY2(FF, NOT(TT)))), T},
		{NOT(ALL2(NOT(FF), ANY2(UU, NOT(TT)))), U},
		{ALL2(NOT(ANY2(FF, FF)), NOT(NOT(ANY2(FF, TT)))), T},
	};
	rs_account a = {0};
	size_t i;

	(void)state;
	set(&a, RS_F_DEPARTMENTS, 2);
	for (i = 0; i < sizeof c / sizeof c[0]; i++)
		if (eval(c[i].cond, &a) != c[i].want)
			fail_msg("%s: %d, not %d", c[i].cond, eval(c[i].cond, &a), c[i].want);
#undef TT
#undef FF
#undef UU
}

/* Action rules may test the stage, which is always known. */
static void test_the_stage_in_action_rules(void **state)
{
	rs_account a = {0};

	(void)state;
	assert_int_equal(at_stage(C("stage", ">", "\"s0\""), &a, 0), F);
	assert_int_equal(at_stage(C("stage", ">", "\"s0\""), &a, 1), T);
	assert_int_equal(at_stage(C("stage", "==", "\"s2\""), &a, 2), T);
	assert_int_equal(at_stage(NOT(C("stage", "==", "\"s2\"")), &a, 2), F);
	assert_int_equal(at_stage(ALL2(C("stage", "<", "\"s2\""), C("contacts", ">", "1")), &a, 1), U);
	assert_int_equal(at_stage(ALL2(C("stage", "<", "\"s2\""), C("contacts", ">", "1")), &a, 2), F);
	assert_int_equal(at_stage(K("stage", "known"), &a, 0), T);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_operator_below_at_and_above_its_value),
		cmocka_unit_test(test_an_unknown_value_makes_comparisons_unknown),
		cmocka_unit_test(test_nan_compares_as_in_c),
		cmocka_unit_test(test_all_any_not_follow_kleene),
		cmocka_unit_test(test_not_is_compiled_into_groups_at_any_depth),
		cmocka_unit_test(test_the_stage_in_action_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
