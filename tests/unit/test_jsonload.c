/*
 * test_jsonload.c - jsonload.c, the JSON loaders' toolkit (rules file, map
 * file): a syntax error named by line and column, a failed allocation told
 * apart from bad JSON, problems named by their JSON path, unknown and
 * duplicate keys, and the first problem kept while the rest go to diag.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonload.h"

/* ------------------------------------------------------------ helpers */

typedef struct heard {
	size_t n;
	char first[700], last[700];
} heard;

static void hear(void *ctx, const rs_error *e)
{
	heard *h = ctx;

	(void)snprintf(h->n++ == 0 ? h->first : h->last, sizeof h->first, "%s:%lu: %s: %s", e->file,
	               e->line, e->where, e->msg);
	assert_int_equal(e->status, RS_ERULES);
}

/* The text parsed as file "r.json": the status; the first problem in err. */
static rs_status parse(const char *text, rs_error *err, heard *h)
{
	rs_ld l;
	cJSON *root = NULL;
	rs_status st;

	memset(h, 0, sizeof *h);
	rs_ld_init(&l, "r.json", hear, h, err);
	st = rs_ld_parse(&l, text, strlen(text), &root);
	if (st == RS_OK)
		assert_non_null(root);
	else
		assert_null(root);
	cJSON_Delete(root);
	return st;
}

static int fail_from = -1; /* allocations left before every one fails; -1: none fails */

static void *failing_malloc(size_t n)
{
	if (fail_from == 0)
		return NULL;
	if (fail_from > 0)
		fail_from--;
	return malloc(n);
}

static void *failing_realloc(void *p, size_t n)
{
	if (fail_from == 0)
		return NULL;
	return realloc(p, n);
}

static const rs_alloc_hooks failing = {failing_malloc, failing_realloc, free};

/* ------------------------------------------------------------- parsing */

static void test_valid_json_parses_with_whitespace_after_it(void **state)
{
	rs_error e;
	heard h;

	(void)state;
	assert_int_equal(parse("{\"a\": [1, 2]}\n\n", &e, &h), RS_OK);
	assert_int_equal(parse(" \t[]\r\n ", &e, &h), RS_OK);
	assert_int_equal(h.n, 0);
	assert_int_equal(e.status, RS_OK);
	assert_string_equal(e.file, "r.json");
}

static void test_syntax_error_names_line_column_and_the_text_there(void **state)
{
	rs_error e;
	heard h;

	(void)state;
	assert_int_equal(parse("{\n  \"a\": 1,\n  \"b\": tru\n}\n", &e, &h), RS_ERULES);
	assert_int_equal(e.status, RS_ERULES);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.where, "");
	assert_string_equal(e.msg, "JSON syntax error at column 8, near: tru");
	assert_int_equal(h.n, 1);
	assert_string_equal(h.first, "r.json:3: : JSON syntax error at column 8, near: tru");
}

/* The column counts characters, not bytes; the text shown stops at the
 * line's end and never cuts a character in two. */
static void test_syntax_error_column_counts_characters(void **state)
{
	rs_error e;
	heard h;

	(void)state;
	assert_int_equal(parse("{\"名称\": 客户 名称 很长很长很长很长很长很长\n}", &e, &h), RS_ERULES);
	assert_int_equal(e.line, 1);
	/* 24 bytes from the bad character would end inside the tenth character */
	assert_string_equal(e.msg, "JSON syntax error at column 8, near: 客户 名称 很长很");
	assert_int_equal(parse("[1,\n", &e, &h), RS_ERULES);
	assert_int_equal(e.line, 1); /* cJSON stops at the line's end */
	assert_string_equal(e.msg, "JSON syntax error at column 4, at the end of the line");
}

static void test_empty_file_and_text_after_the_value_are_named(void **state)
{
	rs_error e;
	heard h;

	(void)state;
	assert_int_equal(parse("", &e, &h), RS_ERULES);
	assert_int_equal(e.line, 1);
	assert_string_equal(e.msg, "empty file at column 1, at the end of the line");
	assert_int_equal(parse("{\"a\": 1}\n{\"b\": 2}\n", &e, &h), RS_ERULES);
	assert_int_equal(e.line, 2);
	assert_string_equal(e.msg, "text after the end of the JSON value at column 1, near: {\"b\": 2}");
	assert_int_equal(h.n, 1);
}

/* cJSON returns NULL for a failed allocation as for bad JSON: the loader
 * tells them apart, so a lack of memory is never blamed on the file. */
static void test_failed_allocation_is_out_of_memory_not_a_syntax_error(void **state)
{
	rs_error e;
	heard h;
	int k;

	(void)state;
	rs_set_alloc_hooks(&failing);
	for (k = 0; k < 3; k++) {
		fail_from = k;
		assert_int_equal(parse("{\"a\": [1, 2, {\"b\": \"c\"}]}", &e, &h), RS_ENOMEM);
		assert_int_equal(e.status, RS_ENOMEM);
		assert_string_equal(e.msg, "out of memory while loading the rules");
		assert_string_equal(e.where, "");
		assert_int_equal(h.n, 0);
	}
	fail_from = -1;
	assert_int_equal(parse("{\"a\": [1, 2, {\"b\": \"c\"}]}", &e, &h), RS_OK);
	/* bad JSON stays a syntax error while allocations succeed */
	assert_int_equal(parse("{\"a\": [1, 2, {\"b\": \"c\"]}", &e, &h), RS_ERULES);
	rs_set_alloc_hooks(NULL);
}

/* ------------------------------------------------------ paths, problems */

static void test_path_steps_push_and_pop(void **state)
{
	rs_ld l;
	rs_error e;
	size_t m1, m2, m3;

	(void)state;
	rs_ld_init(&l, "r.json", NULL, NULL, &e);
	m1 = rs_ld_push_key(&l, "decision");
	assert_string_equal(l.path, "decision");
	m2 = rs_ld_push_index(&l, 12);
	assert_string_equal(l.path, "decision[12]");
	m3 = rs_ld_push_key(&l, "when");
	assert_string_equal(l.path, "decision[12].when");
	assert_int_equal(l.plen, strlen(l.path));
	rs_ld_pop(&l, m3);
	assert_string_equal(l.path, "decision[12]");
	rs_ld_pop(&l, m2);
	assert_string_equal(l.path, "decision");
	rs_ld_pop(&l, m1);
	assert_string_equal(l.path, "");
	assert_int_equal(m1, 0);
	rs_ld_push_index(&l, 0); /* an array at the top: no dot to start */
	assert_string_equal(l.path, "[0]");
}

/* A key comes from the file: control characters are shown as '?', a key
 * is cut at 63 bytes, and a full path stops growing (pop still works). */
static void test_path_keys_are_cleaned_cut_and_bounded(void **state)
{
	char key[100];
	rs_ld l;
	rs_error e;
	size_t i, mark;

	(void)state;
	rs_ld_init(&l, "r.json", NULL, NULL, &e);
	rs_ld_push_key(&l, "a\nb\x1b" "c");
	assert_string_equal(l.path, "a?b?c");
	rs_ld_pop(&l, 0);
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	rs_ld_push_key(&l, key);
	assert_int_equal(l.plen, 63);
	for (i = 0; i < 10; i++)
		mark = rs_ld_push_key(&l, key);
	assert_int_equal(l.plen, sizeof l.path - 1);
	assert_int_equal(strlen(l.path), sizeof l.path - 1);
	rs_ld_pop(&l, 64);
	assert_int_equal(strlen(l.path), 64);
	assert_int_equal(l.path[63], '.');
	(void)mark;
}

/* The first problem is the error; every one (up to RS_LD_MAX_PROBLEMS)
 * goes to diag with its path; counting goes on after that. */
static void test_problems_name_their_path_and_the_first_is_kept(void **state)
{
	rs_ld l;
	rs_error e;
	heard h;
	size_t i, m;

	(void)state;
	memset(&h, 0, sizeof h);
	rs_ld_init(&l, "rules.json", hear, &h, &e);
	m = rs_ld_push_key(&l, "stages");
	rs_ld_push_index(&l, 2);
	rs_ld_problem(&l, "stage \"%s\" twice", "won");
	rs_ld_pop(&l, m); /* back to the top */
	rs_ld_push_key(&l, "actions");
	for (i = 0; i < RS_LD_MAX_PROBLEMS + 5; i++)
		rs_ld_problem(&l, "problem %zu", i + 2);
	assert_int_equal(l.nproblems, RS_LD_MAX_PROBLEMS + 6);
	assert_int_equal(h.n, RS_LD_MAX_PROBLEMS);
	assert_int_equal(e.status, RS_ERULES);
	assert_string_equal(e.file, "rules.json");
	assert_int_equal(e.line, 0);
	assert_string_equal(e.where, "stages[2]");
	assert_string_equal(e.msg, "stage \"won\" twice");
	assert_string_equal(h.first, "rules.json:0: stages[2]: stage \"won\" twice");
	assert_string_equal(h.last, "rules.json:0: actions: problem 100");
	(void)m;
}

static void test_init_clears_the_error_and_names_the_file(void **state)
{
	rs_ld l;
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	rs_error_set(&e, RS_EIO, 9, "old");
	strcpy(e.where, "old.where");
	rs_ld_init(&l, "map.json", NULL, NULL, &e);
	assert_int_equal(e.status, RS_OK);
	assert_string_equal(e.file, "map.json");
	assert_int_equal(e.line, 0);
	assert_string_equal(e.where, "");
	assert_string_equal(e.msg, "");
	rs_ld_init(&l, "map.json", NULL, NULL, NULL); /* no error to fill: problems are counted */
	rs_ld_problem(&l, "x");
	assert_int_equal(l.nproblems, 1);
	assert_int_equal(rs_ld_nomem(&l), RS_ENOMEM);
}

/* ---------------------------------------------------------------- keys */

static void test_keys_unknown_and_duplicate_are_named(void **state)
{
	static const char *const want[] = {"id", "label", "when", NULL};
	cJSON *o;
	rs_ld l;
	rs_error e;
	heard h;

	(void)state;
	o = cJSON_Parse("{\"id\": 1, \"lable\": 2, \"id\": 3, \"x\": 4, \"x\": 5}");
	assert_non_null(o);
	memset(&h, 0, sizeof h);
	rs_ld_init(&l, "r.json", hear, &h, &e);
	rs_ld_push_key(&l, "stages");
	rs_ld_push_index(&l, 0);
	assert_true(rs_ld_keys(&l, o, want));
	/* lable, the second id, x, x (an unknown key twice is said once per time, not as a duplicate) */
	assert_int_equal(l.nproblems, 4);
	assert_string_equal(h.first,
	                    "r.json:0: stages[0].lable: unknown key \"lable\" (expected: id, label, when)");
	assert_string_equal(h.last, "r.json:0: stages[0].x: unknown key \"x\" (expected: id, label, when)");
	assert_string_equal(l.path, "stages[0]"); /* every key popped */
	cJSON_Delete(o);

	o = cJSON_Parse("{\"id\": 1, \"id\": 2}");
	memset(&h, 0, sizeof h);
	rs_ld_init(&l, "r.json", hear, &h, &e);
	assert_true(rs_ld_keys(&l, o, want));
	assert_int_equal(h.n, 1);
	assert_string_equal(h.first, "r.json:0: id: duplicate key");
	cJSON_Delete(o);
}

static void test_keys_of_what_is_not_an_object_is_a_problem(void **state)
{
	static const char *const want[] = {"id", NULL};
	cJSON *a = cJSON_Parse("[1]");
	rs_ld l;
	rs_error e;
	heard h;

	(void)state;
	memset(&h, 0, sizeof h);
	rs_ld_init(&l, "r.json", hear, &h, &e);
	rs_ld_push_key(&l, "scores");
	assert_false(rs_ld_keys(&l, a, want));
	assert_string_equal(h.first, "r.json:0: scores: expected an object");
	cJSON_Delete(a);
	a = cJSON_Parse("{\"id\": 1}");
	assert_true(rs_ld_keys(&l, a, want));
	assert_int_equal(l.nproblems, 1); /* a known key once: nothing to say */
	cJSON_Delete(a);
}

/* ------------------------------------------------------- list, memory */

static void test_list_add_joins_with_commas_and_stops_when_full(void **state)
{
	char list[16] = "";

	(void)state;
	rs_ld_list_add(list, sizeof list, "en");
	assert_string_equal(list, "en");
	rs_ld_list_add(list, sizeof list, "zh");
	assert_string_equal(list, "en, zh");
	rs_ld_list_add(list, sizeof list, "german");
	assert_string_equal(list, "en, zh, german"); /* 14 bytes and the NUL: full */
	rs_ld_list_add(list, sizeof list, "x");
	assert_string_equal(list, "en, zh, german");
	assert_int_equal(strlen(list), 14);
}

/* A failed allocation is remembered (loading goes on, to report it once
 * at the end); a later success does not forget it. */
static void test_calloc_and_strdup_remember_a_failure(void **state)
{
	rs_ld l;
	rs_error e;
	char *s;
	int *p;

	(void)state;
	rs_ld_init(&l, "r.json", NULL, NULL, &e);
	p = rs_ld_calloc(&l, 0, sizeof *p); /* n 0 still gives a block */
	assert_non_null(p);
	rs_free(p);
	s = rs_ld_strdup(&l, "abc");
	assert_string_equal(s, "abc");
	rs_free(s);
	assert_false(l.oom);
	rs_set_alloc_hooks(&failing);
	fail_from = 0;
	assert_null(rs_ld_strdup(&l, "abc"));
	assert_true(l.oom);
	fail_from = -1;
	p = rs_ld_calloc(&l, 4, sizeof *p);
	assert_non_null(p);
	assert_int_equal(p[3], 0);
	assert_true(l.oom);
	rs_free(p);
	l.oom = false;
	fail_from = 0;
	assert_null(rs_ld_calloc(&l, 4, sizeof *p));
	assert_true(l.oom);
	fail_from = -1;
	rs_set_alloc_hooks(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_json_parses_with_whitespace_after_it),
		cmocka_unit_test(test_syntax_error_names_line_column_and_the_text_there),
		cmocka_unit_test(test_syntax_error_column_counts_characters),
		cmocka_unit_test(test_empty_file_and_text_after_the_value_are_named),
		cmocka_unit_test(test_failed_allocation_is_out_of_memory_not_a_syntax_error),
		cmocka_unit_test(test_path_steps_push_and_pop),
		cmocka_unit_test(test_path_keys_are_cleaned_cut_and_bounded),
		cmocka_unit_test(test_problems_name_their_path_and_the_first_is_kept),
		cmocka_unit_test(test_init_clears_the_error_and_names_the_file),
		cmocka_unit_test(test_keys_unknown_and_duplicate_are_named),
		cmocka_unit_test(test_keys_of_what_is_not_an_object_is_a_problem),
		cmocka_unit_test(test_list_add_joins_with_commas_and_stops_when_full),
		cmocka_unit_test(test_calloc_and_strdup_remember_a_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
