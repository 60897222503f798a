/* test_engine.c - condition operators, Kleene logic on unknown values, the
 * hit policies (first match for the stage, the relationship type and the
 * alliance model, all matches for bonds and actions), what the next stage
 * needs, and the default rules at every stage boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "internals.h"

enum { F = 0, T = 1, U = 2 };

#include "fixture_rules.h"

static void set(rs_account *a, int var, double v)
{
	a->v[var] = v;
	a->known |= 1u << var;
}

/* Stage "yes" when cond is true, "no" otherwise (catch-all second row). */
static rs_rules *rules_for(const char *cond)
{
	char text[4096];
	rs_rules *r;
	rs_error e;

	snprintf(text, sizeof text,
	         "{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
	         "\"relationship_years\", \"per\": 3}]}}, \"stages\": ["
	         "{\"id\": \"no\", \"label\": {\"en\": \"N\", \"zh\": \"否\"}, \"actions\": {\"en\": [], \"zh\": []}},"
	         "{\"id\": \"yes\", \"label\": {\"en\": \"Y\", \"zh\": \"是\"}, \"actions\": {\"en\": [], \"zh\": []}}],"
	         "\"decision\": [{\"stage\": \"yes\", \"when\": %s}, {\"stage\": \"no\", \"when\": "
	         "{\"all\": []}}], \"actions\": []}",
	         cond);
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t", NULL, NULL, &e), RS_OK);
	return r;
}

static bool matches(const char *cond, const rs_account *a)
{
	rs_rules *r = rules_for(cond);
	rs_result res;
	rs_error e;

	assert_int_equal(rs_engine_eval(r, a, &res, NULL, RS_LANG_EN, &e), RS_OK);
	rs_rules_free(r);
	return res.stage == 1;
}

/* The Kleene value of cond: true if it matches, false if its negation does. */
static int tri(const char *cond, const rs_account *a)
{
	char neg[2048];

	snprintf(neg, sizeof neg, "{\"not\": %s}", cond);
	if (matches(cond, a))
		return T;
	return matches(neg, a) ? F : U;
}

#define C(var, op, v) "{\"var\": \"" var "\", \"op\": \"" op "\", \"value\": " v "}"
#define K(var, op) "{\"var\": \"" var "\", \"op\": \"" op "\"}"

static void test_each_comparison_operator(void **state)
{
	rs_account a = {0};

	(void)state;
	set(&a, RS_F_CONTACTS, 3);
	assert_int_equal(tri(C("contacts", "==", "3"), &a), T);
	assert_int_equal(tri(C("contacts", "!=", "3"), &a), F);
	assert_int_equal(tri(C("contacts", "<", "4"), &a), T);
	assert_int_equal(tri(C("contacts", "<", "3"), &a), F);
	assert_int_equal(tri(C("contacts", "<=", "3"), &a), T);
	assert_int_equal(tri(C("contacts", ">", "3"), &a), F);
	assert_int_equal(tri(C("contacts", ">=", "3"), &a), T);
	assert_int_equal(tri(C("contacts", ">=", "3.5"), &a), F);
	assert_int_equal(tri(K("contacts", "known"), &a), T);
	assert_int_equal(tri(K("contacts", "unknown"), &a), F);
}

static void test_bool_and_level_values(void **state)
{
	rs_account a = {0};

	(void)state;
	set(&a, RS_F_KEY_PERSON, 1);
	set(&a, RS_F_TOP_CONTACT_LEVEL, 3);
	assert_int_equal(tri(C("key_person", "==", "true"), &a), T);
	assert_int_equal(tri(C("key_person", "!=", "false"), &a), T);
	assert_int_equal(tri(C("top_contact_level", ">=", "\"director\""), &a), T);
	assert_int_equal(tri(C("top_contact_level", ">=", "\"高层\""), &a), F);
	assert_int_equal(tri(C("top_contact_level", "==", "\"总监\""), &a), T);
}

static void test_comparison_on_unknown_value_is_unknown(void **state)
{
	rs_account a = {0};

	(void)state;
	assert_int_equal(tri(C("contacts", ">", "1"), &a), U);
	assert_int_equal(tri(C("contacts", "<=", "1"), &a), U);
	assert_int_equal(tri(C("key_person", "==", "false"), &a), U);
	assert_int_equal(tri(K("contacts", "known"), &a), F);
	assert_int_equal(tri(K("contacts", "unknown"), &a), T);
}

static void test_kleene_all_any_not(void **state)
{
	rs_account a = {0};
	const char *t = C("departments", "==", "2"), *f = C("departments", "==", "3"),
		   *u = C("contacts", "==", "1");
	char c[512];

	(void)state;
	set(&a, RS_F_DEPARTMENTS, 2);
	snprintf(c, sizeof c, "{\"all\": [%s, %s]}", t, u);
	assert_int_equal(tri(c, &a), U);
	snprintf(c, sizeof c, "{\"all\": [%s, %s]}", u, f);
	assert_int_equal(tri(c, &a), F);
	snprintf(c, sizeof c, "{\"all\": [%s, %s]}", t, t);
	assert_int_equal(tri(c, &a), T);
	snprintf(c, sizeof c, "{\"any\": [%s, %s]}", u, t);
	assert_int_equal(tri(c, &a), T);
	snprintf(c, sizeof c, "{\"any\": [%s, %s]}", f, u);
	assert_int_equal(tri(c, &a), U);
	snprintf(c, sizeof c, "{\"any\": [%s, %s]}", f, f);
	assert_int_equal(tri(c, &a), F);
	snprintf(c, sizeof c, "{\"not\": %s}", u);
	assert_int_equal(tri(c, &a), U);
	snprintf(c, sizeof c, "{\"not\": %s}", f);
	assert_int_equal(tri(c, &a), T);
	assert_int_equal(tri("{\"all\": []}", &a), T);
	assert_int_equal(tri("{\"any\": []}", &a), F);
}

static void test_first_matching_row_wins(void **state)
{
	rs_rules *r = rules_for("{\"all\": []}");
	rs_account a = {0};
	rs_result res;
	rs_error e;

	(void)state;
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_OK);
	assert_int_equal(res.decision_row, 0);
	assert_int_equal(res.stage, 1);
	rs_rules_free(r);
}

/* s inside n "all" groups, each with s as its one condition. */
static void nest_all(char *s, size_t size, int n)
{
	char tmp[2048];

	while (n-- > 0) {
		assert_true((size_t)snprintf(tmp, sizeof tmp, "{\"all\": [%s]}", s) < sizeof tmp);
		assert_true(strlen(tmp) < size);
		strcpy(s, tmp);
	}
}

/* A bond whose condition nests as deep as the loader allows, tested at the
 * deepest level of a decision row: the evaluation holds both depths. */
static void test_a_deep_bond_at_the_bottom_of_a_deep_row_is_evaluated(void **state)
{
	char bond[2048] = "{\"var\": \"contacts\", \"op\": \">\", \"value\": 1}";
	char when[2048] = "{\"bond\": \"deep\"}", text[6144];
	rs_rules *r;
	rs_account a = {0};
	rs_result res;
	rs_error e;

	(void)state;
	nest_all(bond, sizeof bond, 31);
	nest_all(when, sizeof when, 31);
	snprintf(text, sizeof text,
	         "{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 3}]}}, \"stages\": [{\"id\": \"s\", \"label\": {\"en\": \"S\", "
	         "\"zh\": \"S\"}, \"actions\": {\"en\": [], \"zh\": []}}], \"bonds\": [{\"id\": \"deep\", "
	         "\"label\": {\"en\": \"D\", \"zh\": \"D\"}, \"when\": %s}], \"decision\": [{\"stage\": "
	         "\"s\", \"when\": %s}], \"actions\": []}",
	         bond, when);
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t", NULL, NULL, &e), RS_OK);
	set(&a, RS_V_SHARE_PCT, 40);
	set(&a, RS_F_CONTACTS, 2);
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_OK);
	assert_int_equal(res.stage, 0);
	assert_int_equal(res.bonds, 1);
	set(&a, RS_F_CONTACTS, 1);
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_EREJECT);
	rs_rules_free(r);
}

static void test_no_matching_row_is_a_reject(void **state)
{
	static const char text[] =
		"{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
		"\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
		"\"contacts\", \"per\": 3}]}}, \"stages\": [{\"id\": \"s\", \"label\": {\"en\": \"S\", "
		"\"zh\": \"S\"}, \"actions\": {\"en\": [], \"zh\": []}}], \"decision\": [{\"stage\": "
		"\"s\", \"when\": {\"var\": \"contacts\", \"op\": \">\", \"value\": 1}}], \"actions\": []}";
	rs_rules *r;
	rs_account a = {0};
	rs_result res;
	rs_error e;

	(void)state;
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t", NULL, NULL, &e), RS_OK);
	set(&a, RS_V_SHARE_PCT, 40);
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_EREJECT);
	assert_string_equal(e.msg, "no decision row matches share_pct 40: decision[0] depends on "
	                           "values that are empty");
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_ZH, &e), RS_EREJECT);
	assert_string_equal(e.msg, "份额 40 不符合任何判定规则：规则 1 所需的数据为空");
	set(&a, RS_F_CONTACTS, 0);
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_EREJECT);
	assert_string_equal(e.msg, "no decision row matches share_pct 40");
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_ZH, &e), RS_EREJECT);
	assert_string_equal(e.msg, "份额 40 不符合任何判定规则");
	rs_rules_free(r);
}

/* Scores and decides with the default rules. */
static rs_result run(rs_account *a, rs_buf *explain)
{
	rs_result res;
	rs_error e;

	memset(&res, 0, sizeof res);
	assert_int_equal(rs_score(rules, a, explain, RS_LANG_EN, &e), RS_OK);
	assert_int_equal(rs_engine_eval(rules, a, &res, explain, RS_LANG_EN, &e), RS_OK);
	return res;
}

static const char *stage_of(rs_account *a)
{
	rs_result res = run(a, NULL);

	return rs_rules_stage_id(rules, res.stage);
}

static bool fired(const rs_result *res, const char *id)
{
	size_t i;

	for (i = 0; i < res->nfired; i++)
		if (strcmp(rs_test_action_id(rules, res->fired[i]), id) == 0)
			return true;
	return false;
}

/* The brief's real strategic partner, at a given share. */
static rs_account partner(double share)
{
	rs_account a = {0};

	set(&a, RS_F_PURCHASE_SHARE, share);
	set(&a, RS_F_CONTACTS, 8);
	set(&a, RS_F_DEPARTMENTS, 4);
	set(&a, RS_F_TOP_CONTACT_LEVEL, 4);
	set(&a, RS_F_KEY_PERSON, 1);
	set(&a, RS_F_RELATIONSHIP_YEARS, 6);
	set(&a, RS_F_JOINT_PROJECTS, 2);
	set(&a, RS_F_EXEC_MEETINGS, 3);
	set(&a, RS_F_STRATEGIC_AGREEMENT, 1);
	set(&a, RS_F_INFO_SHARING, 1);
	return a;
}

/* A 90%-style share with one seller and one buyer, no agreement. */
static rs_account thin(double share)
{
	rs_account a = {0};

	set(&a, RS_F_PURCHASE_SHARE, share);
	set(&a, RS_F_CONTACTS, 1);
	set(&a, RS_F_DEPARTMENTS, 1);
	set(&a, RS_F_TOP_CONTACT_LEVEL, 1);
	set(&a, RS_F_STRATEGIC_AGREEMENT, 0);
	set(&a, RS_F_RELATIONSHIP_YEARS, 2);
	return a;
}

static void test_real_strategic_partner_is_strategic(void **state)
{
	rs_account a = partner(85);
	rs_result res = run(&a, NULL);

	(void)state;
	assert_true(a.v[RS_V_CONTACT_SCORE] == 95);
	assert_true(a.v[RS_V_COOPERATION_SCORE] == 80);
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "strategic");
	assert_int_equal(res.decision_row, 3);
	/* it has everything: only the keep-it actions */
	assert_int_equal(res.nfired, 2);
	assert_true(fired(&res, "keep_key_people"));
	assert_true(fired(&res, "keep_exec_contact"));
	assert_string_equal(rules->kind[RS_K_TYPE][res.type].id, "partner");
	assert_int_equal(res.bonds, 6); /* social, structural */
	assert_int_equal(res.model, -1);
	assert_int_equal(res.nneeds, 0);
}

static void test_share_90_without_bonds_is_stable_with_flag(void **state)
{
	rs_account a = thin(90);
	rs_result res = run(&a, NULL);

	(void)state;
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "stable");
	assert_int_equal(res.decision_row, 4);
	assert_true(fired(&res, "high_share_no_bonds"));
	assert_true(fired(&res, "single_threaded"));
	assert_false(fired(&res, "upgrade_candidate"));
}

static void test_boundaries_follow_the_table(void **state)
{
	rs_account a;

	(void)state;
	a = partner(0);
	assert_string_equal(stage_of(&a), "development");
	a = partner(0.01);
	assert_string_equal(stage_of(&a), "initial");
	a = partner(49.9);
	assert_string_equal(stage_of(&a), "initial");
	a = partner(50);
	assert_string_equal(stage_of(&a), "stable");
	a = partner(79.9);
	assert_string_equal(stage_of(&a), "stable");
	a = partner(80);
	assert_string_equal(stage_of(&a), "strategic");
	a = partner(100);
	assert_string_equal(stage_of(&a), "strategic");
	a = thin(80);
	assert_string_equal(stage_of(&a), "stable");
	a = thin(0);
	assert_string_equal(stage_of(&a), "development");
	a = thin(49.9);
	assert_string_equal(stage_of(&a), "initial");
	a = thin(79.9);
	assert_string_equal(stage_of(&a), "stable");
}

static void test_share_80_with_unknown_bonds_is_stable(void **state)
{
	rs_account a = partner(80);

	(void)state;
	a.known &= ~(1u << RS_F_STRATEGIC_AGREEMENT | 1u << RS_F_JOINT_PROJECTS);
	assert_string_equal(stage_of(&a), "stable");
	set(&a, RS_F_EQUITY_TIE, 1);
	assert_string_equal(stage_of(&a), "strategic");
}

static void test_actions_collected_in_rule_order_with_stage_var(void **state)
{
	rs_account a = thin(30);
	rs_result res;

	(void)state;
	set(&a, RS_F_KEY_PERSON, 0);
	res = run(&a, NULL);
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "initial");
	assert_int_equal(res.nfired, 3);
	assert_string_equal(rs_test_action_id(rules, res.fired[0]), "single_threaded");
	assert_string_equal(rs_test_action_id(rules, res.fired[1]), "no_key_person");
	assert_string_equal(rs_test_action_id(rules, res.fired[2]), "build_network");
	/* stage > development: the same account at share 0 fires neither */
	a = thin(0);
	set(&a, RS_F_KEY_PERSON, 0);
	res = run(&a, NULL);
	assert_int_equal(res.nfired, 2);
	assert_string_equal(rs_test_action_id(rules, res.fired[0]), "warm_lead");
	assert_string_equal(rs_test_action_id(rules, res.fired[1]), "find_key_person");
}

static void test_stable_with_strategic_signals_is_upgrade_candidate(void **state)
{
	rs_account a = partner(65);
	rs_result res = run(&a, NULL);

	(void)state;
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "stable");
	assert_true(fired(&res, "upgrade_candidate"));
	assert_false(fired(&res, "high_share_no_bonds"));
}

/* The needs texts of res in language g, joined with " | ". */
static const char *needs_text(const rs_result *res, int g)
{
	static char out[1024];
	size_t i;

	out[0] = '\0';
	for (i = 0; i < res->nneeds; i++) {
		const rs_need *n = &rules->need[res->need[i]];

		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " | " : "", n->text.s[g]);
	}
	return out;
}

static void test_next_stage_and_share_gap(void **state)
{
	rs_account a;
	rs_result res;

	(void)state;
	a = thin(0);
	res = run(&a, NULL);
	assert_int_equal(res.next_stage, 1);
	assert_true(res.share_gap == 0.01); /* a first order: above 0, in hundredths */
	a = thin(30);
	res = run(&a, NULL);
	assert_int_equal(res.next_stage, 2);
	assert_true(res.share_gap == 20);
	a = thin(62.5);
	res = run(&a, NULL);
	assert_int_equal(res.next_stage, 3);
	assert_true(res.share_gap == 17.5);
	a = thin(90); /* the share is there; the bonds are not: no gap */
	res = run(&a, NULL);
	assert_true(res.share_gap < 0);
	a = partner(90);
	res = run(&a, NULL);
	assert_int_equal(res.next_stage, -1);
	assert_true(res.share_gap < 0);
}

static void test_needs_at_every_stage(void **state)
{
	rs_account a;
	rs_result res;

	(void)state;
	a = thin(0);
	res = run(&a, NULL);
	assert_string_equal(needs_text(&res, RS_LANG_EN), "a first order (share above 0)");
	assert_string_equal(needs_text(&res, RS_LANG_ZH), "首次成交（份额大于 0）");
	a = thin(30);
	res = run(&a, NULL);
	assert_string_equal(needs_text(&res, RS_LANG_EN), "share +{gap} points to 50");
	assert_true(res.need_gap[0] == 20);
	a = partner(67.5); /* a partner but for the share */
	res = run(&a, NULL);
	assert_int_equal(res.nneeds, 1);
	assert_true(res.need_gap[0] == 12.5);
	/* with the agreement, joint projects and executive contact, the gap is
	 * the share and one point of cooperation score */
	set(&a, RS_F_EXEC_MEETINGS, 0);
	set(&a, RS_F_RELATIONSHIP_YEARS, 3);
	set(&a, RS_F_INFO_SHARING, 0);
	res = run(&a, NULL);
	assert_true(a.v[RS_V_COOPERATION_SCORE] == 49);
	assert_int_equal(res.nneeds, 2);
	assert_string_equal(needs_text(&res, RS_LANG_EN), "share +{gap} points to 80 | "
	                                                  "cooperation score +{gap} to 50");
	assert_true(res.need_gap[0] == 12.5);
	assert_true(res.need_gap[1] == 1);
	assert_false(fired(&res, "propose_agreement"));
	a = partner(90);
	res = run(&a, NULL);
	assert_int_equal(res.nneeds, 0);
}

/* The 80%-without-bonds account stays stable; needs says what strategic
 * asks for, and share is not among it. */
static void test_share_80_without_bonds_needs_name_the_bonds(void **state)
{
	rs_account a = thin(80);
	rs_result res = run(&a, NULL);

	(void)state;
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "stable");
	assert_string_equal(needs_text(&res, RS_LANG_EN),
	                    "cooperation score +{gap} to 50 | contact score +{gap} to 40 | "
	                    "one of: strategic agreement, equity tie, joint project");
	assert_true(res.need_gap[0] == 44);
	assert_true(res.need_gap[1] == 24);
	assert_true(isnan(res.need_gap[2]));
	assert_true(res.share_gap < 0);
}

/* No account is told to build what it has: with each thing present, the
 * actions that propose it do not fire; without it (known), they do. */
static void test_actions_never_propose_what_the_account_has(void **state)
{
	static const struct {
		int field;
		double has, lacks;
		const char *action;
		double share;
	} cases[] = {
		{RS_F_KEY_PERSON, 1, 0, "find_key_person", 0},
		{RS_F_KEY_PERSON, 1, 0, "no_key_person", 30},
		{RS_F_STRATEGIC_AGREEMENT, 1, 0, "propose_agreement", 65},
		{RS_F_EQUITY_TIE, 1, 0, "propose_agreement", 65},
		{RS_F_PRICE_AGREEMENT, 1, 0, "financial_bonds", 65},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rs_account a = partner(cases[i].share);
		rs_result res;

		set(&a, RS_F_STRATEGIC_AGREEMENT, 0);
		set(&a, RS_F_EQUITY_TIE, 0);
		set(&a, RS_F_PRICE_AGREEMENT, 1);
		set(&a, cases[i].field, cases[i].has);
		res = run(&a, NULL);
		if (fired(&res, cases[i].action))
			fail_msg("case %zu: %s fired though the account has it", i, cases[i].action);
		set(&a, cases[i].field, cases[i].lacks);
		res = run(&a, NULL);
		if (!fired(&res, cases[i].action))
			fail_msg("case %zu: %s did not fire though the account lacks it", i, cases[i].action);
	}
}

/* Executive contact is an executive reached or executive meetings held: a
 * social bond, and no "no top-management contact"; an executive reached with
 * no meetings held is told to arrange them; with the meetings unknown, a level
 * below executive still says there is none on record. */
static void test_executive_meetings_are_executive_contact(void **state)
{
	rs_account a = partner(90);
	rs_result res;

	(void)state;
	set(&a, RS_F_EXEC_MEETINGS, 0);
	set(&a, RS_F_KEY_PERSON, 0);
	res = run(&a, NULL);
	assert_false(fired(&res, "no_exec_contact"));
	assert_true(res.bonds & 2); /* an executive reached is a social bond */
	assert_false(fired(&res, "social_bonds"));
	/* reached, but no meetings held: arrange them, not "keep" them */
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "strategic");
	assert_true(fired(&res, "exec_meetings_none"));
	assert_false(fired(&res, "keep_exec_contact"));
	a.known &= ~(1u << RS_F_EXEC_MEETINGS);
	res = run(&a, NULL);
	assert_false(fired(&res, "exec_meetings_none"));
	assert_true(fired(&res, "keep_exec_contact"));
	set(&a, RS_F_EXEC_MEETINGS, 0);
	set(&a, RS_F_KEY_PERSON, 1);
	set(&a, RS_F_TOP_CONTACT_LEVEL, 3);
	res = run(&a, NULL);
	assert_true(fired(&res, "no_exec_contact"));
	assert_false(fired(&res, "keep_exec_contact"));
	a.known &= ~(1u << RS_F_EXEC_MEETINGS);
	res = run(&a, NULL);
	assert_true(fired(&res, "no_exec_contact"));
	set(&a, RS_F_EXEC_MEETINGS, 3);
	res = run(&a, NULL);
	assert_false(fired(&res, "no_exec_contact"));
	assert_true(fired(&res, "keep_exec_contact"));
}

/* One contact, or one department with more contacts: each its own text. */
static void test_single_threaded_names_what_is_single(void **state)
{
	rs_account a = thin(30);
	rs_result res = run(&a, NULL);

	(void)state;
	assert_true(fired(&res, "single_threaded"));
	assert_false(fired(&res, "single_department"));
	set(&a, RS_F_CONTACTS, 6);
	res = run(&a, NULL);
	assert_false(fired(&res, "single_threaded"));
	assert_true(fired(&res, "single_department"));
	a.known &= ~(1u << RS_F_CONTACTS);
	res = run(&a, NULL);
	assert_true(fired(&res, "single_department"));
	set(&a, RS_F_DEPARTMENTS, 3);
	res = run(&a, NULL);
	assert_false(fired(&res, "single_threaded") || fired(&res, "single_department"));
}

static void test_types_bonds_and_models_of_the_default_rules(void **state)
{
	rs_account a;
	rs_result res;

	(void)state;
	a = thin(90);
	set(&a, RS_F_KEY_PERSON, 0);
	set(&a, RS_F_EXEC_MEETINGS, 0);
	set(&a, RS_F_JOINT_PROJECTS, 0);
	set(&a, RS_F_EQUITY_TIE, 0);
	set(&a, RS_F_INFO_SHARING, 0);
	set(&a, RS_F_EXCLUSIVE, 0);
	res = run(&a, NULL);
	assert_string_equal(rules->kind[RS_K_TYPE][res.type].id, "buy_sell");
	assert_int_equal(res.bonds, 0);
	/* high share, no joint projects: guide */
	assert_string_equal(rules->kind[RS_K_MODEL][res.model].id, "guide");
	assert_true(fired(&res, "alliance_guide"));
	assert_true(fired(&res, "social_bonds"));
	set(&a, RS_F_EXCLUSIVE, 1);
	set(&a, RS_F_PRICE_AGREEMENT, 1);
	assert_string_equal(rules->kind[RS_K_TYPE][run(&a, NULL).type].id, "preferred");
	assert_int_equal(run(&a, NULL).bonds, 1); /* financial */
	set(&a, RS_F_PURCHASE_SHARE, 60);
	set(&a, RS_F_STRATEGIC_AGREEMENT, 1);
	res = run(&a, NULL);
	assert_string_equal(rules->kind[RS_K_TYPE][res.type].id, "partner");
	assert_string_equal(rules->kind[RS_K_MODEL][res.model].id, "partner");
	set(&a, RS_F_STRATEGIC_AGREEMENT, 0);
	res = run(&a, NULL);
	assert_string_equal(rules->kind[RS_K_MODEL][res.model].id, "customisation");
	set(&a, RS_F_EQUITY_TIE, 1);
	res = run(&a, NULL);
	assert_string_equal(rules->kind[RS_K_TYPE][res.type].id, "alliance");
	assert_int_equal(res.bonds, 5); /* financial, structural */
	assert_int_equal(res.model, -1); /* structural bonds: no model */
	a = thin(30); /* initial: no model whatever the bonds */
	set(&a, RS_F_JOINT_PROJECTS, 0);
	set(&a, RS_F_EQUITY_TIE, 0);
	set(&a, RS_F_INFO_SHARING, 0);
	assert_int_equal(run(&a, NULL).model, -1);
	set(&a, RS_F_KEY_PERSON, 1);
	set(&a, RS_F_CONTACTS, 3);
	assert_string_equal(rules->kind[RS_K_TYPE][run(&a, NULL).type].id, "preferred");
	set(&a, RS_F_PURCHASE_SHARE, 0); /* a prospect is no supplier, preferred or not */
	assert_string_equal(rules->kind[RS_K_TYPE][run(&a, NULL).type].id, "buy_sell");
}

static void test_downgrade_brings_win_back_actions(void **state)
{
	rs_account a = partner(60);
	rs_result res;

	(void)state;
	res = run(&a, NULL); /* no previous run: downgraded is unknown */
	assert_false(fired(&res, "win_back"));
	assert_true(fired(&res, "upgrade_candidate"));
	set(&a, RS_V_PREVIOUS_STAGE, 3);
	res = run(&a, NULL);
	assert_true(fired(&res, "win_back"));
	assert_true(fired(&res, "win_back_meeting"));
	assert_true(fired(&res, "recovery_plan"));
	assert_false(fired(&res, "upgrade_candidate"));
	assert_false(fired(&res, "propose_agreement")); /* it has the agreement */
	assert_string_equal(rs_test_action_id(rules, res.fired[0]), "win_back");
	set(&a, RS_V_PREVIOUS_STAGE, 2);
	res = run(&a, NULL);
	assert_false(fired(&res, "win_back"));
	assert_true(fired(&res, "upgrade_candidate"));
	/* strategic to stable with 90% still ours: the bonds were lost, not share */
	a = thin(90);
	set(&a, RS_V_PREVIOUS_STAGE, 3);
	res = run(&a, NULL);
	assert_false(fired(&res, "win_back"));
	assert_true(fired(&res, "win_back_bonds"));
}

/* A share that fell share_drop_points (5) or more since the past period
 * fires share_fell with its flag; 4.99 points, a rise or an unknown past share
 * never does. The stage stays the current share's. */
static void test_a_share_fallen_5_points_fires_share_fell(void **state)
{
	rs_account a = partner(60);
	rs_result res, before;
	size_t i;

	(void)state;
	before = run(&a, NULL);
	assert_false(fired(&before, "share_fell"));
	set(&a, RS_F_PREVIOUS_SHARE, 65);
	res = run(&a, NULL);
	assert_true(fired(&res, "share_fell"));
	assert_int_equal(res.stage, before.stage);
	for (i = 0; i < res.nfired; i++)
		if (strcmp(rs_test_action_id(rules, res.fired[i]), "share_fell") == 0)
			assert_string_equal(rs_rules_action_flag(rules, res.fired[i]), "share_fell");
	set(&a, RS_F_PREVIOUS_SHARE, 64.99);
	res = run(&a, NULL);
	assert_false(fired(&res, "share_fell"));
	set(&a, RS_F_PREVIOUS_SHARE, 40); /* rose */
	res = run(&a, NULL);
	assert_false(fired(&res, "share_fell"));
	/* from 90: still stable by the current share, not strategic as before */
	set(&a, RS_F_PREVIOUS_SHARE, 90);
	res = run(&a, NULL);
	assert_true(fired(&res, "share_fell"));
	assert_int_equal(res.stage, before.stage);
	a.known &= ~(1u << RS_F_PREVIOUS_SHARE);
	res = run(&a, NULL);
	assert_false(fired(&res, "share_fell"));
	/* the current share from the amounts: 100 x 30 / 100 = 30, down from 40 */
	a = thin(0);
	a.known &= ~(1u << RS_F_PURCHASE_SHARE);
	set(&a, RS_F_OUR_SALES, 30);
	set(&a, RS_F_CUSTOMER_SPEND, 100);
	set(&a, RS_F_PREVIOUS_SHARE, 40);
	res = run(&a, NULL);
	assert_true(fired(&res, "share_fell"));
	set(&a, RS_F_OUR_SALES, 0); /* lost: share 0, development, and the fall said */
	res = run(&a, NULL);
	assert_string_equal(rs_rules_stage_id(rules, res.stage), "development");
	assert_true(fired(&res, "share_fell"));
}

static void test_explain_names_the_row_and_the_actions(void **state)
{
	rs_account a = thin(90);
	rs_buf b;
	const char *tail = "; stage: Stable cooperation (rule 5: share 80 or more without all that "
	                   "strategic cooperation needs: a main supplier, not yet strategic); actions: "
	                   "single_threaded, high_share_no_bonds";

	(void)state;
	rs_buf_init(&b);
	(void)run(&a, &b);
	assert_true(b.len > strlen(tail));
	assert_string_equal(b.data + b.len - strlen(tail), tail);
	rs_buf_free(&b);
}

/* ---- the compiled program pinned against a reference on the source tree ---- */

/* What a condition may see beyond the account: the decided stage, type and
 * model (-1: none). */
typedef struct ref_ctx {
	double stage, type, model;
} ref_ctx;

/* Kleene evaluation of the node tree as the rules describe it, recursively;
 * a bond by its own condition, not by the copy under the node. */
static int ref_eval(const rs_rules *r, uint32_t i, const rs_account *a, const ref_ctx *x)
{
	const rs_cnode *n = &r->node[i];
	uint32_t c;
	int t, acc;
	bool known;
	double v;

	switch (n->op) {
	case RS_C_ALL:
	case RS_C_ANY:
		acc = n->op == RS_C_ALL ? T : F;
		for (c = i + 1; c < i + n->size; c += r->node[c].size) {
			t = ref_eval(r, c, a, x);
			if (t == (n->op == RS_C_ALL ? F : T))
				return t;
			if (t == U)
				acc = U;
		}
		return acc;
	case RS_C_NOT:
		t = ref_eval(r, i + 1, a, x);
		return t == U ? U : !t;
	case RS_C_BOND:
		return ref_eval(r, r->kind[RS_K_BOND][n->var].cond, a, x);
	default:
		break;
	}
	v = n->var == RS_VAR_STAGE ? x->stage : n->var == RS_VAR_TYPE ? x->type
	    : n->var == RS_VAR_MODEL ? x->model : a->v[n->var];
	known = n->var >= RS_V_COUNT ? v >= 0 : rs_known(a, n->var);
	if (n->op == RS_C_KNOWN)
		return known;
	if (n->op == RS_C_UNKNOWN)
		return !known;
	if (!known)
		return U;
	switch (n->op) {
	case RS_C_EQ: return v == n->value;
	case RS_C_NE: return v != n->value;
	case RS_C_LT: return v < n->value;
	case RS_C_LE: return v <= n->value;
	case RS_C_GT: return v > n->value;
	default: return v >= n->value;
	}
}

static int ref_at(const rs_rules *r, uint32_t i, const rs_account *a, double stage)
{
	ref_ctx x = {stage, -1, -1};

	return ref_eval(r, i, a, &x);
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* What a random condition may test: the stage, bonds, type and model. */
enum { R_STAGE = 1, R_BONDS = 2, R_KINDS = 4 };

/* A random condition as JSON, testing only what `may` allows. */
static void rand_cond(char *out, size_t size, int depth, unsigned may)
{
	static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
	static const char *const stages[] = {"\"a\"", "\"b\"", "\"c\""};
	unsigned k = rnd(depth >= 4 ? 7 : 11), n, i;
	size_t len;

	switch (k) {
	case 0: snprintf(out, size, C("contacts", "%s", "%u"), ops[rnd(6)], rnd(4)); return;
	case 1: snprintf(out, size, C("key_person", "%s", "%s"), ops[rnd(2)], rnd(2) ? "true" : "false"); return;
	case 2: snprintf(out, size, C("share_pct", "%s", "%u"), ops[rnd(6)], 25 * rnd(5)); return;
	case 3: snprintf(out, size, K("departments", "%s"), rnd(2) ? "known" : "unknown"); return;
	case 4:
		if (may & R_STAGE)
			snprintf(out, size, C("stage", "%s", "%s"), ops[rnd(6)], stages[rnd(3)]);
		else
			snprintf(out, size, C("departments", "%s", "%u"), ops[rnd(6)], rnd(3));
		return;
	case 5:
		if (may & R_BONDS)
			snprintf(out, size, "{\"bond\": \"b%u\"}", rnd(2));
		else
			snprintf(out, size, C("contacts", "%s", "%u"), ops[rnd(6)], rnd(4));
		return;
	case 6:
		n = rnd(2);
		if (may & R_KINDS)
			snprintf(out, size, C("%s", "%s", "\"%c%u\""), n ? "relationship_type" : "alliance_model",
			         ops[rnd(2)], n ? 't' : 'm', rnd(2));
		else
			snprintf(out, size, K("key_person", "%s"), n ? "known" : "unknown");
		return;
	case 7:
		snprintf(out, size, "{\"not\": ");
		len = strlen(out);
		rand_cond(out + len, size - len, depth + 1, may);
		strncat(out, "}", size - strlen(out) - 1);
		return;
	default:
		n = rnd(4);
		snprintf(out, size, "{\"%s\": [", k % 2 ? "all" : "any");
		for (i = 0; i < n; i++) {
			if (i > 0)
				strncat(out, ", ", size - strlen(out) - 1);
			len = strlen(out);
			rand_cond(out + len, size - len, depth + 1, may);
		}
		strncat(out, "]}", size - strlen(out) - 1);
	}
}

enum { NDEC = 4, NACT = 6 };

/* Two random rs_kind_rule lists entries "<p>0", "<p>1" under `key`. */
static void rand_kinds(char *text, size_t size, const char *key, char p, unsigned may)
{
	char c[4096];
	int i;

	snprintf(text + strlen(text), size - strlen(text), "\"%s\": [", key);
	for (i = 0; i < 2; i++) {
		rand_cond(c, sizeof c, 1, may);
		snprintf(text + strlen(text), size - strlen(text),
		         "%s{\"id\": \"%c%d\", \"label\": {\"en\": \"x\", \"zh\": \"x\"}, \"when\": %s}",
		         i ? ", " : "", p, i, c);
	}
	snprintf(text + strlen(text), size - strlen(text), "], ");
}

static rs_rules *rand_rules(void)
{
	static char text[65536];
	char c[4096];
	rs_rules *r;
	rs_error e;
	int i;

	snprintf(text, sizeof text,
	         "{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
	         "\"relationship_years\", \"per\": 3}]}}, \"stages\": ["
	         "{\"id\": \"a\", \"label\": {\"en\": \"A\", \"zh\": \"甲\"}, \"actions\": {\"en\": [], \"zh\": []}},"
	         "{\"id\": \"b\", \"label\": {\"en\": \"B\", \"zh\": \"乙\"}, \"actions\": {\"en\": [], \"zh\": []}},"
	         "{\"id\": \"c\", \"label\": {\"en\": \"C\", \"zh\": \"丙\"}, \"actions\": {\"en\": [], \"zh\": []}}],");
	rand_kinds(text, sizeof text, "bonds", 'b', 0);
	rand_kinds(text, sizeof text, "relationship_types", 't', R_BONDS);
	/* a model may test the type, but not the model: the ids say which */
	rand_kinds(text, sizeof text, "alliance_models", 'm', R_STAGE | R_BONDS);
	strcat(text, "\"decision\": [");
	for (i = 0; i < NDEC; i++) {
		rand_cond(c, sizeof c, 1, R_BONDS);
		snprintf(text + strlen(text), sizeof text - strlen(text),
		         "{\"stage\": \"%c\", \"when\": %s}, ", "abc"[rnd(3)], c);
	}
	strcat(text, "{\"stage\": \"a\", \"when\": {\"all\": []}}], \"actions\": [");
	for (i = 0; i < NACT; i++) {
		rand_cond(c, sizeof c, 1, R_STAGE | R_BONDS | R_KINDS);
		snprintf(text + strlen(text), sizeof text - strlen(text),
		         "%s{\"id\": \"act%d\", \"when\": %s, \"text\": {\"en\": \"x%d\", \"zh\": \"x\"}}",
		         i > 0 ? ", " : "", i, c, i);
	}
	strcat(text, "]}");
	if (rs_rules_load(&r, text, strlen(text), "t", NULL, NULL, &e) != RS_OK)
		fail_msg("%s: %s: %s", e.where, e.msg, text);
	return r;
}

static void rand_account(rs_account *a)
{
	memset(a, 0, sizeof *a);
	if (rnd(5))
		set(a, RS_F_CONTACTS, rnd(4));
	if (rnd(5))
		set(a, RS_F_KEY_PERSON, rnd(2));
	if (rnd(5))
		set(a, RS_F_DEPARTMENTS, rnd(3));
	if (rnd(8))
		set(a, RS_V_SHARE_PCT, 25 * rnd(5) + (rnd(3) == 0 ? 0.5 : 0));
}

/* The first of list k true in x, or -1. */
static double ref_first(const rs_rules *r, int k, const rs_account *a, const ref_ctx *x)
{
	size_t i;

	for (i = 0; i < r->nkind[k]; i++)
		if (ref_eval(r, r->kind[k][i].cond, a, x) == T)
			return (double)i;
	return -1;
}

/* What rs_engine_eval must give: the first TRUE row, type and model, every
 * TRUE bond and action. */
static void ref_engine(const rs_rules *r, const rs_account *a, rs_result *want)
{
	ref_ctx x = {0, -1, -1};
	size_t i;

	for (i = 0; ref_eval(r, r->dec[i].cond, a, &x) != T; i++)
		;
	want->decision_row = i;
	want->stage = r->dec[i].stage;
	x.stage = (double)want->stage;
	x.type = ref_first(r, RS_K_TYPE, a, &x);
	want->type = (long)x.type;
	want->bonds = 0;
	for (i = 0; i < r->nkind[RS_K_BOND]; i++)
		if (ref_eval(r, r->kind[RS_K_BOND][i].cond, a, &x) == T)
			want->bonds |= 1u << i;
	x.model = ref_first(r, RS_K_MODEL, a, &x);
	want->model = (long)x.model;
	want->nfired = 0;
	for (i = 0; i < r->nact; i++)
		if (ref_eval(r, r->act[i].cond, a, &x) == T)
			want->fired[want->nfired++] = i;
}

static void ref_explain(const rs_rules *r, const rs_result *res, rs_buf *b, bool zh)
{
	size_t i;

	if (b->len > 0)
		rs_buf_puts(b, zh ? "；" : "; ");
	rs_buf_puts(b, zh ? "阶段：" : "stage: ");
	rs_buf_puts(b, r->stages[res->stage].label.s[zh]);
	rs_buf_puts(b, zh ? "（规则 " : " (rule ");
	rs_buf_put_ulong(b, (unsigned long)res->decision_row + 1);
	rs_buf_puts(b, zh ? "）；行动：" : "); actions: ");
	if (res->nfired == 0)
		rs_buf_puts(b, zh ? "无" : "none");
	for (i = 0; i < res->nfired; i++) {
		if (i > 0)
			rs_buf_puts(b, ", ");
		rs_buf_puts(b, r->act[res->fired[i]].id);
	}
}

static void test_compiled_conditions_equal_the_reference_on_random_rules(void **state)
{
	int round, k;
	size_t i;

	(void)state;
	for (round = 0; round < 300; round++) {
		rs_rules *r = rand_rules();

		for (k = 0; k < 60; k++) {
			rs_account a;
			rs_result got, want;
			rs_error e;
			rs_buf gb, wb;
			bool zh = k % 2;
			double st;

			rand_account(&a);
			for (i = 0; i < r->ndec; i++)
				assert_int_equal(rs_test_cond_eval(r, r->dec[i].cond, &a, 0), ref_at(r, r->dec[i].cond, &a, 0));
			for (i = 0; i < r->nact; i++)
				for (st = 0; st < 3; st++) {
					int t = ref_at(r, r->act[i].cond, &a, st);

					assert_int_equal(rs_test_cond_eval(r, r->act[i].cond, &a, st), t);
					/* the per-stage filter never drops a rule that fires */
					if (t == T)
						assert_true(r->act_at[(size_t)st] >> i & 1u);
				}
			rs_buf_init(&gb);
			rs_buf_init(&wb);
			if (k % 3 == 0) { /* something before it: "; " joins */
				rs_buf_puts(&gb, "x");
				rs_buf_puts(&wb, "x");
			}
			assert_int_equal(rs_engine_eval(r, &a, &got, &gb, zh ? RS_LANG_ZH : RS_LANG_EN, &e), RS_OK);
			ref_engine(r, &a, &want);
			assert_int_equal(got.decision_row, want.decision_row);
			assert_int_equal(got.stage, want.stage);
			assert_int_equal(got.type, want.type);
			assert_int_equal(got.bonds, want.bonds);
			assert_int_equal(got.model, want.model);
			assert_int_equal(got.nfired, want.nfired);
			for (i = 0; i < want.nfired; i++)
				assert_int_equal(got.fired[i], want.fired[i]);
			ref_explain(r, &want, &wb, zh);
			assert_string_equal(gb.data, wb.data);
			rs_buf_free(&gb);
			rs_buf_free(&wb);
		}
		rs_rules_free(r);
	}
}

/*
 * rs_cond_fast's inline cases (a leaf, a flat group) against rs_cond_k at
 * every node of random compiled programs, each node the root of its
 * subtree, the stage known or not.
 */
static void test_inline_flat_groups_equal_rs_cond_k(void **state)
{
	int round, k, flat = 0;
	size_t i;

	(void)state;
	for (round = 0; round < 200; round++) {
		rs_rules *r = rand_rules();

		for (k = 0; k < 20; k++) {
			rs_account a;
			double v[RS_VAR_COUNT] = {0};
			uint32_t known;

			rand_account(&a);
			memcpy(v, a.v, sizeof a.v);
			v[RS_VAR_STAGE] = k % 3;
			known = a.known | (uint32_t)(k % 2) << RS_VAR_STAGE;
			for (i = 0; i < r->nnodes; i++) {
				flat += r->prog[i].kind != RS_P_LEAF && r->prog[i].tmask;
				assert_int_equal(rs_cond_fast(r->prog, (uint32_t)i, v, known),
				                 rs_cond_k(r->prog, (uint32_t)i, v, known));
			}
		}
		rs_rules_free(r);
	}
	assert_true(flat > 1000);
}

static void test_leaf_on_nan_compares_like_c(void **state)
{
	rs_account a = {0};

	(void)state;
	set(&a, RS_F_CONTACTS, NAN); /* not from input, but the program must agree with C */
	assert_int_equal(tri(C("contacts", "!=", "3"), &a), T);
	assert_int_equal(tri(C("contacts", "==", "3"), &a), F);
	assert_int_equal(tri(C("contacts", "<=", "3"), &a), F);
	assert_int_equal(tri(C("contacts", ">=", "3"), &a), F);
	assert_int_equal(tri(K("contacts", "known"), &a), T);
}

static void test_table_with_many_share_constants_walks_every_row(void **state)
{
	static char text[16384];
	rs_rules *r;
	rs_account a = {0};
	rs_result res;
	rs_error e;
	int i;

	(void)state;
	snprintf(text, sizeof text,
	         "{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 5}]}, \"cooperation_score\": {\"parts\": [{\"var\": "
	         "\"contacts\", \"per\": 3}]}}, \"stages\": [{\"id\": \"s\", \"label\": {\"en\": \"S\", "
	         "\"zh\": \"S\"}, \"actions\": {\"en\": [], \"zh\": []}}], \"decision\": [");
	for (i = 0; i < 70; i++) /* many share constants: every row is walked */
		snprintf(text + strlen(text), sizeof text - strlen(text),
		         "{\"stage\": \"s\", \"when\": " C("share_pct", "==", "%d") "}, ", i);
	strcat(text, "{\"stage\": \"s\", \"when\": {\"all\": []}}], \"actions\": []}");
	assert_int_equal(rs_rules_load(&r, text, strlen(text), "t", NULL, NULL, &e), RS_OK);
	set(&a, RS_V_SHARE_PCT, 33);
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_OK);
	assert_int_equal(res.decision_row, 33);
	set(&a, RS_V_SHARE_PCT, 33.5);
	assert_int_equal(rs_engine_eval(r, &a, &res, NULL, RS_LANG_EN, &e), RS_OK);
	assert_int_equal(res.decision_row, 70);
	rs_rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_comparison_operator),
		cmocka_unit_test(test_bool_and_level_values),
		cmocka_unit_test(test_comparison_on_unknown_value_is_unknown),
		cmocka_unit_test(test_kleene_all_any_not),
		cmocka_unit_test(test_first_matching_row_wins),
		cmocka_unit_test(test_no_matching_row_is_a_reject),
		cmocka_unit_test(test_a_deep_bond_at_the_bottom_of_a_deep_row_is_evaluated),
		cmocka_unit_test(test_real_strategic_partner_is_strategic),
		cmocka_unit_test(test_share_90_without_bonds_is_stable_with_flag),
		cmocka_unit_test(test_boundaries_follow_the_table),
		cmocka_unit_test(test_share_80_with_unknown_bonds_is_stable),
		cmocka_unit_test(test_actions_collected_in_rule_order_with_stage_var),
		cmocka_unit_test(test_stable_with_strategic_signals_is_upgrade_candidate),
		cmocka_unit_test(test_next_stage_and_share_gap),
		cmocka_unit_test(test_needs_at_every_stage),
		cmocka_unit_test(test_share_80_without_bonds_needs_name_the_bonds),
		cmocka_unit_test(test_actions_never_propose_what_the_account_has),
		cmocka_unit_test(test_executive_meetings_are_executive_contact),
		cmocka_unit_test(test_single_threaded_names_what_is_single),
		cmocka_unit_test(test_types_bonds_and_models_of_the_default_rules),
		cmocka_unit_test(test_downgrade_brings_win_back_actions),
		cmocka_unit_test(test_a_share_fallen_5_points_fires_share_fell),
		cmocka_unit_test(test_explain_names_the_row_and_the_actions),
		cmocka_unit_test(test_compiled_conditions_equal_the_reference_on_random_rules),
		cmocka_unit_test(test_inline_flat_groups_equal_rs_cond_k),
		cmocka_unit_test(test_leaf_on_nan_compares_like_c),
		cmocka_unit_test(test_table_with_many_share_constants_walks_every_row),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
