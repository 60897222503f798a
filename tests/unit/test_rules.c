/* test_rules.c - rules loading: the default rules, every validation error
 * with its JSON path and message, syntax errors, diag, dump round trip;
 * params, needs, bonds, relationship types and alliance models. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "internals.h"

typedef struct diags {
	size_t n;
	rs_error e[32];
} diags;

static void collect(void *ctx, const rs_error *p)
{
	diags *d = ctx;

	if (d->n < 32)
		d->e[d->n] = *p;
	d->n++;
}

#define SCORES                                                                              \
	"\"scores\": {\"contact_score\": {\"parts\": [{\"var\": \"contacts\", \"per\": 5}]},"  \
	" \"cooperation_score\": {\"parts\": [{\"var\": \"relationship_years\", \"per\": 3}]}}"
#define STAGES                                                                              \
	"\"stages\": [{\"id\": \"low\", \"label\": {\"en\": \"Low\", \"zh\": \"低\"},"          \
	" \"actions\": {\"en\": [\"a\", \"b\"], \"zh\": [\"甲\", \"乙\"]}},"                    \
	" {\"id\": \"high\", \"label\": {\"en\": \"High\", \"zh\": \"高\"},"                    \
	" \"actions\": {\"en\": [], \"zh\": []}}]"
#define DECISION                                                                            \
	"\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"share_pct\", \"op\": \"<\", \"value\": 50}}," \
	" {\"stage\": \"high\", \"when\": {\"var\": \"share_pct\", \"op\": \">=\", \"value\": 50}}]"
#define ACTIONS "\"actions\": []"
#define RULES(sc, st, de, ac) "{\"relstage_rules\": 1, " sc ", " st ", " de ", " ac "}"

static rs_status load(const char *text, rs_rules **r, rs_error *e, diags *d)
{
	memset(e, 0, sizeof *e);
	if (d != NULL)
		memset(d, 0, sizeof *d);
	return rs_rules_load(r, text, strlen(text), "rules.json", d ? collect : NULL, d, e);
}

/* Loads text, expects exactly one problem at `where` with message `msg`. */
static void expect_problem(const char *text, const char *where, const char *msg)
{
	rs_rules *r = (rs_rules *)1;
	rs_error e;
	diags d;

	assert_int_equal(load(text, &r, &e, &d), RS_ERULES);
	assert_null(r);
	assert_int_equal(e.status, RS_ERULES);
	assert_string_equal(e.file, "rules.json");
	assert_string_equal(e.where, where);
	assert_string_equal(e.msg, msg);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.e[0].where, where);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	assert_non_null(f);
	buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void test_minimal_rules_load(void **state)
{
	rs_rules *r;
	rs_error e;

	(void)state;
	assert_int_equal(load(RULES(SCORES, STAGES, DECISION, ACTIONS), &r, &e, NULL), RS_OK);
	assert_int_equal(rs_rules_stage_count(r), 2);
	assert_string_equal(rs_rules_stage_actions(r, 0, RS_LANG_EN), "a | b");
	assert_string_equal(rs_rules_stage_actions(r, 0, RS_LANG_ZH), "甲 | 乙");
	assert_string_equal(rs_rules_stage_actions(r, 1, RS_LANG_EN), "");
	assert_null(rs_rules_message(r, "downgrade", RS_LANG_EN));
	rs_rules_free(r);
}

static void test_default_rules_have_the_four_stages(void **state)
{
	rs_rules *r;
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rules_load_default(&r, &e), RS_OK);
	assert_int_equal(rs_rules_stage_count(r), 4);
	assert_string_equal(rs_rules_stage_id(r, 0), "development");
	assert_string_equal(rs_rules_stage_id(r, 3), "strategic");
	assert_string_equal(rs_rules_stage_label(r, 0, RS_LANG_ZH), "开发阶段");
	assert_string_equal(rs_rules_stage_label(r, 1, RS_LANG_ZH), "初期合作阶段");
	assert_string_equal(rs_rules_stage_label(r, 2, RS_LANG_ZH), "稳定合作阶段");
	assert_string_equal(rs_rules_stage_label(r, 3, RS_LANG_ZH), "战略合作阶段");
	assert_int_equal(rs_rules_stage_index(r, "stable"), 2);
	assert_int_equal(rs_rules_stage_index(r, "nope"), -1);
	assert_non_null(strstr(rs_rules_stage_actions(r, 0, RS_LANG_EN), RS_ACTION_SEP));
	assert_string_equal(rs_rules_message(r, "downgrade", RS_LANG_EN),
	                    "Downgraded since the last run: win back the lost share or bonds "
	                    "before the relationship erodes further");
	assert_non_null(rs_rules_message(r, "downgrade", RS_LANG_ZH));
	assert_int_equal(rs_rules_stage_index(r, rs_rules_stage_id(r, 1)), 1);
	assert_string_equal(rs_rules_action_flag(r, 4), "share_fell");
	assert_string_equal(rs_rules_action_flag(r, 7), "single_threaded");
	rs_rules_free(r);
}

static void test_embedded_default_equals_file_on_disk(void **state)
{
	size_t n, m;
	char *disk = read_file("../../data/rules/default.json", &n);
	const char *emb = rs_default_rules_json;

	(void)state;
	m = rs_default_rules_json_len;
	assert_int_equal(n, m);
	assert_memory_equal(disk, emb, n);
	free(disk);
}

static void test_dump_of_default_is_the_default_file(void **state)
{
	rs_rules *r;
	rs_error e;
	char *out;
	size_t len, n = rs_default_rules_json_len;
	const char *text = rs_default_rules_json;

	(void)state;
	assert_int_equal(rs_rules_load_default(&r, &e), RS_OK);
	assert_int_equal(rs_test_dump(r, &out, &len, &e), RS_OK);
	assert_int_equal(len, n);
	assert_memory_equal(out, text, n);
	rs_free(out);
	rs_rules_free(r);
}

static void test_dump_round_trip_is_byte_identical(void **state)
{
	size_t n, len1, len2;
	char *text = read_file("data/rules_roundtrip.json", &n), *d1, *d2;
	rs_rules *r1, *r2;
	rs_error e;

	(void)state;
	assert_int_equal(rs_rules_load(&r1, text, n, "rt", NULL, NULL, &e), RS_OK);
	assert_int_equal(rs_test_dump(r1, &d1, &len1, &e), RS_OK);
	assert_int_equal(d1[len1 - 1], '\n');
	assert_int_equal(rs_rules_load(&r2, d1, len1, "rt2", NULL, NULL, &e), RS_OK);
	assert_int_equal(rs_test_dump(r2, &d2, &len2, &e), RS_OK);
	assert_int_equal(len1, len2);
	assert_memory_equal(d1, d2, len1);
	/* level words are dumped in English, numbers in their shortest form */
	assert_non_null(strstr(d1, "\"value\": \"director\""));
	assert_non_null(strstr(d1, "\"value\": 49.9"));
	assert_non_null(strstr(d1, "\"per\": 0.1"));
	rs_free(d1);
	rs_free(d2);
	rs_rules_free(r1);
	rs_rules_free(r2);
	free(text);
}

static void test_unknown_operator_names_path_and_choices(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"all\": [{\"var\": "
	                     "\"share_pct\", \"op\": \"=>\", \"value\": 1}]}}]",
	                     ACTIONS),
	               "decision[0].when.all[0].op",
	               "unknown operator \"=>\" (expected ==, !=, <, <=, >, >=, known, unknown)");
}

/* Texts must be well-formed UTF-8: no overlong form, surrogate or code point
 * above U+10FFFF, no cut sequence; a four-byte character is fine. */
static void test_text_that_is_not_utf8_is_refused_at_its_path(void **state)
{
	static const char *const bad[] = {"\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "a\xe4\xb8"};
	char text[2048];
	rs_rules *r;
	rs_error e;
	size_t i;

	(void)state;
	for (i = 0; i <= sizeof bad / sizeof bad[0]; i++) {
		(void)snprintf(text, sizeof text,
		               RULES(SCORES, STAGES, "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": "
		                     "\"share_pct\", \"op\": \"<\", \"value\": 50}, \"why\": {\"en\": \"%s\", "
		                     "\"zh\": \"z\"}}, {\"stage\": \"high\", \"when\": {\"var\": \"share_pct\", "
		                     "\"op\": \">=\", \"value\": 50}}]", ACTIONS),
		               i < sizeof bad / sizeof bad[0] ? bad[i] : "\xf0\x9f\x98\x80");
		if (i < sizeof bad / sizeof bad[0]) {
			expect_problem(text, "decision[0].why.en", "is not valid UTF-8 (save the rules file as UTF-8)");
		} else {
			assert_int_equal(load(text, &r, &e, NULL), RS_OK);
			rs_rules_free(r);
		}
	}
}

static void test_unknown_key_is_a_typo_error(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES, DECISION,
	                     "\"actions\": [{\"id\": \"x\", \"whne\": {\"all\": []}, \"when\": "
	                     "{\"all\": []}, \"text\": {\"en\": \"e\", \"zh\": \"z\"}}]"),
	               "actions[0].whne", "unknown key \"whne\" (expected: id, when, flag, text)");
}

static void test_unknown_variable_is_reported(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"contact\", "
	                     "\"op\": \">\", \"value\": 1}}]",
	                     ACTIONS),
	               "decision[0].when.var",
	               "unknown variable \"contact\" (expected one of: id, name, purchase_share, "
	               "our_sales, customer_spend, contacts, departments, top_contact_level, "
	               "key_person, relationship_years, joint_projects, exec_meetings, "
	               "strategic_agreement, equity_tie, exclusive, info_sharing, customer_since, "
	               "price_agreement, previous_share, share_pct, share_drop, contact_score, "
	               "cooperation_score)");
}

static void test_bool_var_needs_true_or_false(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"equity_tie\", "
	                     "\"op\": \"==\", \"value\": \"yes\"}}]",
	                     ACTIONS),
	               "decision[0].when.value", "expected true or false for equity_tie");
}

static void test_level_var_needs_a_level_word(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": "
	                     "\"top_contact_level\", \"op\": \">=\", \"value\": \"boss\"}}]",
	                     ACTIONS),
	               "decision[0].when.value",
	               "expected a level for top_contact_level: staff, manager, director, executive "
	               "(or 员工, 经理, 总监, 高层)");
}

static void test_number_var_needs_a_number(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"contacts\", "
	                     "\"op\": \">=\", \"value\": \"3\"}}]",
	                     ACTIONS),
	               "decision[0].when.value", "expected a number or the name of a param for contacts");
}

static void test_decision_row_naming_unknown_stage(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"middle\", \"when\": {\"all\": []}}]",
	                     ACTIONS),
	               "decision[0].stage", "unknown stage \"middle\" (expected: low, high)");
}

static void test_duplicate_stage_id(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES,
	                     "\"stages\": [{\"id\": \"low\", \"label\": {\"en\": \"L\", \"zh\": \"低\"},"
	                     " \"actions\": {\"en\": [], \"zh\": []}}, {\"id\": \"low\", \"label\": "
	                     "{\"en\": \"L\", \"zh\": \"低\"}, \"actions\": {\"en\": [], \"zh\": []}}]",
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"all\": []}}]", ACTIONS),
	               "stages[1].id", "duplicate stage id \"low\" (also stages[0])");
}

static void test_duplicate_action_id(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES, DECISION,
	                     "\"actions\": [{\"id\": \"a\", \"when\": {\"all\": []}, \"text\": {\"en\": "
	                     "\"e\", \"zh\": \"z\"}}, {\"id\": \"a\", \"when\": {\"all\": []}, \"text\": "
	                     "{\"en\": \"e\", \"zh\": \"z\"}}]"),
	               "actions[1].id", "duplicate action id \"a\" (also actions[0])");
}

static void test_duplicate_message_key(void **state)
{
	(void)state;
	expect_problem("{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION ", " ACTIONS
	               ", \"messages\": {\"downgrade\": {\"en\": \"a\", \"zh\": \"b\"}, "
	               "\"downgrade\": {\"en\": \"a\", \"zh\": \"b\"}}}",
	               "messages.downgrade", "duplicate key");
}

static void test_missing_zh_text(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES, DECISION,
	                     "\"actions\": [{\"id\": \"a\", \"when\": {\"all\": []}, \"text\": "
	                     "{\"en\": \"e\"}}]"),
	               "actions[0].text.zh", "missing (required)");
}

static void test_empty_stages(void **state)
{
	rs_rules *r;
	rs_error e;
	diags d;

	(void)state;
	/* the decision rows then name unknown stages: reported too */
	assert_int_equal(load(RULES(SCORES, "\"stages\": []", DECISION, ACTIONS), &r, &e, &d),
	                 RS_ERULES);
	assert_string_equal(e.where, "stages");
	assert_string_equal(e.msg, "must not be empty");
	assert_int_equal(d.n, 3);
}

static void test_too_many_actions(void **state)
{
	char text[16384], *p;
	size_t i;

	(void)state;
	p = text + sprintf(text, "{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION
	                         ", \"actions\": [");
	for (i = 0; i <= RS_MAX_FIRED; i++)
		p += sprintf(p, "%s{\"id\": \"a%zu\", \"when\": {\"all\": []}, \"text\": {\"en\": \"e\", "
		                "\"zh\": \"z\"}}", i ? ", " : "", i);
	strcpy(p, "]}");
	expect_problem(text, "actions", "has 65 entries, more than the limit of 64");
}

static void test_non_finite_number(void **state)
{
	(void)state;
	expect_problem(RULES("\"scores\": {\"contact_score\": {\"parts\": [{\"var\": \"contacts\", "
	                     "\"per\": 1e400}]}, \"cooperation_score\": {\"parts\": [{\"var\": \"contacts\", \"per\": 1}]}}",
	                     STAGES, DECISION, ACTIONS),
	               "scores.contact_score.parts[0].per", "not a finite number");
}

static void test_negative_weight(void **state)
{
	(void)state;
	expect_problem(RULES("\"scores\": {\"contact_score\": {\"parts\": [{\"var\": \"contacts\", "
	                     "\"per\": 5, \"cap\": -1}]}, \"cooperation_score\": {\"parts\": [{\"var\": \"contacts\", \"per\": 1}]}}",
	                     STAGES, DECISION, ACTIONS),
	               "scores.contact_score.parts[0].cap", "must not be negative");
}

static void test_score_part_cannot_use_a_score(void **state)
{
	(void)state;
	expect_problem(RULES("\"scores\": {\"contact_score\": {\"parts\": [{\"when\": {\"var\": "
	                     "\"cooperation_score\", \"op\": \">\", \"value\": 5}, \"points\": 5}]}, "
	                     "\"cooperation_score\": {\"parts\": [{\"var\": \"contacts\", \"per\": 1}]}}",
	                     STAGES, DECISION, ACTIONS),
	               "scores.contact_score.parts[0].when.var",
	               "a score part cannot use contact_score or cooperation_score");
}

static void test_other_format_version_is_refused(void **state)
{
	(void)state;
	expect_problem("{\"relstage_rules\": 2, " SCORES ", " STAGES ", " DECISION ", " ACTIONS "}",
	               "relstage_rules",
	               "unsupported format version 2 (this relstage reads version 1)");
}

static void test_stage_var_only_in_action_rules(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"stage\", "
	                     "\"op\": \"==\", \"value\": \"low\"}}]",
	                     ACTIONS),
	               "decision[0].when.var",
	               "\"stage\" can be tested only in action rules and alliance models");
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": "
	                     "\"alliance_model\", \"op\": \"known\"}}]",
	                     ACTIONS),
	               "decision[0].when.var", "\"alliance_model\" can be tested only in action rules");
}

#define PARAMS "\"params\": {\"edge\": 50, \"top\": 80.5}"

/* A param is written once: conditions and texts name it, the dump keeps the
 * names, and a text's {name} reads as the value. */
static void test_params_name_values_in_conditions_and_texts(void **state)
{
	const char *text = "{\"relstage_rules\": 1, " PARAMS ", " SCORES ", \"stages\": [{\"id\": "
	                   "\"low\", \"label\": {\"en\": \"Low\", \"zh\": \"低\"}, \"actions\": "
	                   "{\"en\": [\"below {edge}\"], \"zh\": [\"低于 {edge}%\"]}}, {\"id\": \"high\", "
	                   "\"label\": {\"en\": \"High\", \"zh\": \"高\"}, \"actions\": {\"en\": [], "
	                   "\"zh\": []}}], \"decision\": [{\"stage\": \"low\", \"when\": {\"var\": "
	                   "\"share_pct\", \"op\": \"<\", \"value\": \"edge\"}, \"why\": {\"en\": "
	                   "\"under {edge} (top {top})\", \"zh\": \"低于 {edge}\"}}, {\"stage\": \"high\", "
	                   "\"when\": {\"var\": \"share_pct\", \"op\": \">=\", \"value\": \"edge\", "
	                   "\"need\": {\"en\": \"+{gap} to {edge}\", \"zh\": \"再提高 {gap}\"}}}], "
	                   ACTIONS "}";
	rs_rules *r, *again;
	rs_error e;
	char *d1, *d2;
	size_t n1, n2;

	(void)state;
	assert_int_equal(load(text, &r, &e, NULL), RS_OK);
	assert_int_equal(r->nparams, 2);
	assert_true(r->node[r->dec[0].cond].value == 50);
	assert_int_equal(r->node[r->dec[0].cond].param, 1);
	assert_string_equal(r->dec[0].why.s[RS_LANG_EN], "under 50 (top 80.5)");
	assert_string_equal(r->dec[0].why.raw[RS_LANG_EN], "under {edge} (top {top})");
	assert_string_equal(rs_rules_stage_actions(r, 0, RS_LANG_ZH), "低于 50%");
	assert_string_equal(r->need[0].text.s[RS_LANG_EN], "+{gap} to 50");
	assert_int_equal(r->need[0].gap_at[RS_LANG_EN], 1);
	assert_int_equal(rs_test_dump(r, &d1, &n1, &e), RS_OK);
	assert_non_null(strstr(d1, "\"value\": \"edge\""));
	assert_non_null(strstr(d1, "under {edge} (top {top})"));
	assert_non_null(strstr(d1, "\"below {edge}\""));
	assert_non_null(strstr(d1, "+{gap} to {edge}"));
	assert_true(strstr(d1, "\"params\"") < strstr(d1, "\"scores\"")); /* params first */
	assert_int_equal(load(d1, &again, &e, NULL), RS_OK);
	assert_int_equal(rs_test_dump(again, &d2, &n2, &e), RS_OK);
	assert_int_equal(n1, n2);
	assert_memory_equal(d1, d2, n1);
	rs_free(d1);
	rs_free(d2);
	rs_rules_free(again);
	rs_rules_free(r);
}

static void test_param_problems(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"contacts\", "
	                     "\"op\": \">=\", \"value\": \"edg\"}}]",
	                     ACTIONS),
	               "decision[0].when.value", "expected a number or the name of a param for contacts");
	expect_problem("{\"relstage_rules\": 1, \"params\": {\"gap\": 1}, " SCORES ", " STAGES ", "
	               DECISION ", " ACTIONS "}",
	               "params.gap", "a param name is lower case letters, digits and _ (not \"gap\")");
	expect_problem("{\"relstage_rules\": 1, \"params\": {\"x\": \"1\"}, " SCORES ", " STAGES ", "
	               DECISION ", " ACTIONS "}",
	               "params.x", "expected a number");
	expect_problem("{\"relstage_rules\": 1, " PARAMS ", " SCORES ", " STAGES ", " DECISION ", "
	               "\"actions\": [{\"id\": \"a\", \"when\": {\"all\": []}, \"text\": {\"en\": "
	               "\"to {edg}\", \"zh\": \"x\"}}]}",
	               "actions[0].text.en",
	               "\"{edg}\" is not a param: write {name} with a name from params");
	/* {gap} only in the need of a comparison on a number */
	expect_problem("{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION ", "
	               "\"actions\": [{\"id\": \"a\", \"when\": {\"all\": []}, \"text\": {\"en\": "
	               "\"{gap}\", \"zh\": \"x\"}}]}",
	               "actions[0].text.en",
	               "\"{gap}\" is not a param: write {name} with a name from params");
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"key_person\", "
	                     "\"op\": \"==\", \"value\": true, \"need\": {\"en\": \"+{gap}\", "
	                     "\"zh\": \"x\"}}}]",
	                     ACTIONS),
	               "decision[0].when.need.en",
	               "\"{gap}\" is not a param: write {name} with a name from params");
}

#define KINDS                                                                                \
	"\"bonds\": [{\"id\": \"social\", \"label\": {\"en\": \"s\", \"zh\": \"社\"}, "       \
	"\"when\": {\"var\": \"key_person\", \"op\": \"==\", \"value\": true}}], "                 \
	"\"relationship_types\": [{\"id\": \"partner\", \"label\": {\"en\": \"P\", \"zh\": "    \
	"\"伙伴\"}, \"when\": {\"bond\": \"social\"}}], "                                          \
	"\"alliance_models\": [{\"id\": \"guide\", \"label\": {\"en\": \"g\", \"zh\": \"引\"}, " \
	"\"when\": {\"all\": [{\"var\": \"stage\", \"op\": \">=\", \"value\": \"high\"}, "      \
	"{\"var\": \"relationship_type\", \"op\": \"==\", \"value\": \"partner\"}]}}]"

static void test_bonds_types_and_models_load_and_dump(void **state)
{
	const char *text = "{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION ", " KINDS ", "
	                   "\"actions\": [{\"id\": \"a\", \"when\": {\"all\": [{\"not\": {\"bond\": "
	                   "\"social\"}}, {\"var\": \"alliance_model\", \"op\": \"!=\", \"value\": "
	                   "\"guide\"}, {\"var\": \"downgraded\", \"op\": \"==\", \"value\": true}, "
	                   "{\"var\": \"previous_stage\", \"op\": \">\", \"value\": \"low\"}]}, "
	                   "\"text\": {\"en\": \"x\", \"zh\": \"x\"}}]}";
	rs_rules *r, *again;
	rs_error e;
	char *d1, *d2;
	size_t n1, n2;

	(void)state;
	assert_int_equal(load(text, &r, &e, NULL), RS_OK);
	assert_int_equal(r->nkind[RS_K_BOND], 1);
	assert_int_equal(r->nkind[RS_K_TYPE], 1);
	assert_int_equal(r->nkind[RS_K_MODEL], 1);
	/* a bond in a condition: its own condition, copied under the node */
	assert_int_equal(r->node[r->kind[RS_K_TYPE][0].cond].op, RS_C_BOND);
	assert_int_equal(r->node[r->kind[RS_K_TYPE][0].cond].size, 2);
	assert_int_equal(rs_test_dump(r, &d1, &n1, &e), RS_OK);
	assert_non_null(strstr(d1, "{\"bond\": \"social\"}"));
	assert_true(strstr(d1, "\"decision\"") < strstr(d1, "\"relationship_types\""));
	assert_true(strstr(d1, "\"alliance_models\"") < strstr(d1, "\n  \"actions\""));
	assert_int_equal(load(d1, &again, &e, NULL), RS_OK);
	assert_int_equal(rs_test_dump(again, &d2, &n2, &e), RS_OK);
	assert_int_equal(n1, n2);
	assert_memory_equal(d1, d2, n1);
	rs_free(d1);
	rs_free(d2);
	rs_rules_free(again);
	rs_rules_free(r);
}

static void test_bond_and_kind_problems(void **state)
{
	(void)state;
	expect_problem("{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION ", " KINDS ", "
	               "\"actions\": [{\"id\": \"a\", \"when\": {\"bond\": \"socail\"}, \"text\": "
	               "{\"en\": \"x\", \"zh\": \"x\"}}]}",
	               "actions[0].when.bond", "expected one of: social");
	expect_problem("{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION ", " KINDS ", "
	               "\"actions\": [{\"id\": \"a\", \"when\": {\"var\": \"relationship_type\", "
	               "\"op\": \"<\", \"value\": \"partner\"}, \"text\": {\"en\": \"x\", \"zh\": "
	               "\"x\"}}]}",
	               "actions[0].when.op", "relationship_type is an id: use ==, !=, known or unknown");
	/* a bond cannot name a bond (it would need itself first) */
	expect_problem("{\"relstage_rules\": 1, " SCORES ", " STAGES ", " DECISION ", \"bonds\": [{\"id\": "
	               "\"a\", \"label\": {\"en\": \"a\", \"zh\": \"a\"}, \"when\": {\"bond\": \"a\"}}], "
	               ACTIONS "}",
	               "bonds[0].when.bond",
	               "bonds can be tested only in decision rows, relationship types, alliance models "
	               "and action rules");
}

static void test_known_takes_no_value(void **state)
{
	(void)state;
	expect_problem(RULES(SCORES, STAGES,
	                     "\"decision\": [{\"stage\": \"low\", \"when\": {\"var\": \"contacts\", "
	                     "\"op\": \"known\", \"value\": 1}}]",
	                     ACTIONS),
	               "decision[0].when.value", "\"known\" takes no value");
}

static void test_nesting_deeper_than_limit(void **state)
{
	char text[8192], *p;
	int i;

	(void)state;
	p = text + sprintf(text, "{\"relstage_rules\": 1, " SCORES ", " STAGES
	                         ", \"decision\": [{\"stage\": \"low\", \"when\": ");
	for (i = 0; i < 40; i++)
		p += sprintf(p, "{\"not\": ");
	p += sprintf(p, "{\"all\": []}");
	for (i = 0; i < 40; i++)
		*p++ = '}';
	strcpy(p, "}], " ACTIONS "}");
	expect_problem(text,
	               "decision[0].when.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not"
	               ".not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not",
	               "conditions nest deeper than 32 levels");
}

static void test_syntax_error_gives_line_and_column(void **state)
{
	rs_rules *r;
	rs_error e;

	(void)state;
	assert_int_equal(load("{\n  \"relstage_rules\": 1,\n  \"stages\": [,]\n}", &r, &e, NULL),
	                 RS_ERULES);
	assert_null(r);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.where, "");
	assert_string_equal(e.msg, "JSON syntax error at column 14, near: ,]");
	assert_int_equal(load("{\"a\": 1} x", &r, &e, NULL), RS_ERULES);
	assert_string_equal(e.msg, "text after the end of the JSON value at column 10, near: x");
}

static void test_text_need_not_be_nul_terminated(void **state)
{
	const char *text = RULES(SCORES, STAGES, DECISION, ACTIONS) "garbage";
	rs_rules *r;
	rs_error e;

	(void)state;
	assert_int_equal(rs_rules_load(&r, text, strlen(text) - 7, "x", NULL, NULL, &e), RS_OK);
	rs_rules_free(r);
}

static void test_every_problem_goes_to_diag(void **state)
{
	rs_rules *r;
	rs_error e;
	diags d;

	(void)state;
	assert_int_equal(load("{\"relstage_rules\": 1, \"scores\": {\"contact_score\": {\"parts\": "
	                      "[]}}, \"stages\": [{\"id\": \"Low\", \"label\": {\"en\": \"x\", \"zh\": "
	                      "\"\"}, \"actions\": {\"en\": [\"a\"], \"zh\": []}}], \"decision\": "
	                      "[{\"stage\": \"low\", \"when\": {\"var\": \"x\", \"op\": \"~\"}}], "
	                      "\"actions\": [], \"extra\": 1}",
	                      &r, &e, &d),
	                 RS_ERULES);
	assert_int_equal(d.n, 9);
	assert_string_equal(d.e[0].where, "extra");
	assert_string_equal(d.e[1].where, "scores.contact_score.parts");
	assert_string_equal(d.e[2].where, "scores.cooperation_score");
	assert_string_equal(d.e[3].where, "stages[0].id");
	assert_string_equal(d.e[4].where, "stages[0].label.zh");
	assert_string_equal(d.e[5].where, "stages[0].actions.zh");
	assert_string_equal(d.e[6].where, "decision[0].stage");
	assert_string_equal(d.e[7].where, "decision[0].when.var");
	assert_string_equal(d.e[8].where, "decision[0].when.op");
	/* the first is also in *err */
	assert_string_equal(e.where, "extra");
	assert_string_equal(e.file, "rules.json");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal_rules_load),
		cmocka_unit_test(test_default_rules_have_the_four_stages),
		cmocka_unit_test(test_embedded_default_equals_file_on_disk),
		cmocka_unit_test(test_dump_of_default_is_the_default_file),
		cmocka_unit_test(test_dump_round_trip_is_byte_identical),
		cmocka_unit_test(test_unknown_operator_names_path_and_choices),
		cmocka_unit_test(test_unknown_key_is_a_typo_error),
		cmocka_unit_test(test_text_that_is_not_utf8_is_refused_at_its_path),
		cmocka_unit_test(test_unknown_variable_is_reported),
		cmocka_unit_test(test_bool_var_needs_true_or_false),
		cmocka_unit_test(test_level_var_needs_a_level_word),
		cmocka_unit_test(test_number_var_needs_a_number),
		cmocka_unit_test(test_params_name_values_in_conditions_and_texts),
		cmocka_unit_test(test_param_problems),
		cmocka_unit_test(test_bonds_types_and_models_load_and_dump),
		cmocka_unit_test(test_bond_and_kind_problems),
		cmocka_unit_test(test_decision_row_naming_unknown_stage),
		cmocka_unit_test(test_duplicate_stage_id),
		cmocka_unit_test(test_duplicate_action_id),
		cmocka_unit_test(test_duplicate_message_key),
		cmocka_unit_test(test_missing_zh_text),
		cmocka_unit_test(test_empty_stages),
		cmocka_unit_test(test_too_many_actions),
		cmocka_unit_test(test_non_finite_number),
		cmocka_unit_test(test_negative_weight),
		cmocka_unit_test(test_score_part_cannot_use_a_score),
		cmocka_unit_test(test_other_format_version_is_refused),
		cmocka_unit_test(test_stage_var_only_in_action_rules),
		cmocka_unit_test(test_known_takes_no_value),
		cmocka_unit_test(test_nesting_deeper_than_limit),
		cmocka_unit_test(test_syntax_error_gives_line_and_column),
		cmocka_unit_test(test_text_need_not_be_nul_terminated),
		cmocka_unit_test(test_every_problem_goes_to_diag),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
