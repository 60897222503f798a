/*
 * test_alloc.c - the allocation hook's arena (arena.h): pieces, spills,
 * growth at reset and its bound, allocation failure, and cJSON parsing into
 * it between rs_cjson_arena_begin and rs_cjson_arena_end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "internal.h"

/* Hooks that count live blocks and calls, and fail every call when asked. */
static long live, calls;
static int fail_all;

static void *count_malloc(size_t n)
{
	void *p;

	calls++;
	if (fail_all)
		return NULL;
	if ((p = malloc(n)) != NULL)
		live++;
	return p;
}

static void *count_realloc(void *p, size_t n)
{
	void *q;

	calls++;
	if (fail_all)
		return NULL;
	if ((q = realloc(p, n)) != NULL && p == NULL)
		live++;
	return q;
}

static void count_free(void *p)
{
	if (p != NULL)
		live--;
	free(p);
}

static int setup(void **state)
{
	static const rs_alloc_hooks h = {count_malloc, count_realloc, count_free};

	(void)state;
	live = calls = 0;
	fail_all = 0;
	rs_set_alloc_hooks(&h);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rs_set_alloc_hooks(NULL);
	assert_int_equal(live, 0);
	return 0;
}

static void test_pieces_are_aligned_distinct_and_from_one_block(void **state)
{
	rs_arena a;
	char *p[50];

	(void)state;
	rs_arena_init(&a, 1 << 20);
	rs_arena_reset(&a);
	assert_int_equal(live, 1);
	for (size_t i = 0; i < 50; i++) {
		p[i] = rs_arena_alloc(&a, i + 1);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
		memset(p[i], (int)i, i + 1);
	}
	for (size_t i = 0; i < 50; i++)
		for (size_t k = 0; k <= i; k++)
			assert_int_equal((unsigned char)p[i][k], i);
	assert_int_equal(a.spilled, 0);
	assert_int_equal(live, 1);
	for (size_t i = 0; i < 50; i++)
		rs_arena_release(&a, p[i]); /* no-ops */
	assert_int_equal(live, 1);
	rs_arena_free(&a);
}

static void test_reset_reuses_the_block_with_no_allocation(void **state)
{
	rs_arena a;
	long before;

	(void)state;
	rs_arena_init(&a, 1 << 20);
	rs_arena_reset(&a);
	before = calls;
	for (int row = 0; row < 10000; row++) {
		for (int k = 0; k < 40; k++)
			assert_non_null(rs_arena_alloc(&a, 64));
		rs_arena_reset(&a);
	}
	assert_int_equal(calls, before);
	assert_int_equal(live, 1);
	rs_arena_free(&a);
}

static void test_a_piece_that_does_not_fit_spills_and_release_frees_it(void **state)
{
	rs_arena a;
	void *big, *zero, *small;

	(void)state;
	rs_arena_init(&a, 1 << 20);
	rs_arena_reset(&a);
	big = rs_arena_alloc(&a, a.cap + 1);
	zero = rs_arena_alloc(&a, 0); /* spills: a distinct byte, as rs_malloc */
	small = rs_arena_alloc(&a, 8);
	assert_non_null(big);
	assert_non_null(zero);
	assert_non_null(small);
	assert_int_equal(a.spilled, 2);
	assert_int_equal(live, 3);
	rs_arena_release(&a, big);
	rs_arena_release(&a, zero);
	rs_arena_release(&a, small);
	rs_arena_release(&a, NULL);
	assert_int_equal(live, 1);
	rs_arena_free(&a);
}

static void test_block_grows_at_reset_to_the_last_need_but_never_past_max(void **state)
{
	rs_arena a;
	size_t first;
	void *p;

	(void)state;
	rs_arena_init(&a, 1 << 20);
	rs_arena_reset(&a);
	first = a.cap;
	p = rs_arena_alloc(&a, first * 3);
	rs_arena_release(&a, p);
	rs_arena_reset(&a);
	assert_true(a.cap >= first * 3);
	assert_true(a.cap <= (size_t)1 << 20);
	assert_non_null(p = rs_arena_alloc(&a, first * 3));
	assert_int_equal(a.spilled, 0);
	p = rs_arena_alloc(&a, (size_t)4 << 20); /* above max: stays a spill */
	rs_arena_release(&a, p);
	rs_arena_reset(&a);
	assert_int_equal(a.cap, (size_t)1 << 20);
	assert_int_equal(live, 1);
	rs_arena_free(&a);
}

static void test_failed_block_allocation_only_means_spilling(void **state)
{
	rs_arena a;
	void *p;

	(void)state;
	rs_arena_init(&a, 1 << 20);
	fail_all = 1;
	rs_arena_reset(&a);
	assert_null(a.base);
	assert_null(rs_arena_alloc(&a, 16)); /* the hooks fail: NULL, as malloc */
	fail_all = 0;
	assert_non_null(p = rs_arena_alloc(&a, 16));
	assert_int_equal(a.spilled, 1);
	rs_arena_release(&a, p);
	rs_arena_reset(&a); /* tries again */
	assert_non_null(a.base);
	rs_arena_free(&a);
}

static char *print_parsed(const char *text)
{
	cJSON *v = cJSON_Parse(text);
	char *s;

	assert_non_null(v);
	s = cJSON_PrintUnformatted(v);
	cJSON_Delete(v);
	return s;
}

/*
 * The trees cJSON builds in the arena print as the normal ones do, a parse
 * that fits makes no allocation and needs no cJSON_Delete, and one that does
 * not fit spills and is freed by cJSON_Delete; after end, cJSON is back on
 * the hooks.
 */
static void test_cjson_parses_into_the_arena_and_end_restores_the_hooks(void **state)
{
	static const char *const texts[] = {
		"{\"a\":1,\"b\":\"x\",\"c\":[true,null,{\"d\":-2.5e3}]}",
		"{\"\\u4e2d\":\"\\ud83d\\ude00\",\"k\":\"\"}", "[]", "\"s\"", "{}"};
	char big[4000];
	rs_arena a;
	long before;

	(void)state;
	rs_arena_init(&a, 1 << 16);
	rs_arena_reset(&a);
	rs_cjson_arena_begin(&a);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		char *want = print_parsed(texts[i]), *got;
		cJSON *v;

		before = calls;
		a.on = true;
		v = cJSON_Parse(texts[i]);
		a.on = false;
		assert_int_equal(calls, before);
		assert_int_equal(a.spilled, 0);
		got = cJSON_PrintUnformatted(v);
		assert_string_equal(got, want);
		cJSON_free(got);
		cJSON_free(want);
		rs_arena_reset(&a);
	}
	memset(big, 'x', sizeof big);
	memcpy(big, "[\"", 2);
	memcpy(big + sizeof big - 3, "\"]", 3);
	for (int k = 0; k < 40; k++) { /* 40 strings of ~4 KB: more than 64 KiB */
		cJSON *v;
		a.on = true;
		v = cJSON_Parse(big);
		a.on = false;
		assert_non_null(v);
		cJSON_Delete(v);
	}
	assert_true(a.spilled > 0);
	rs_arena_reset(&a);
	rs_cjson_arena_end();
	assert_int_equal(live, 1);
	before = calls;
	cJSON_Delete(cJSON_Parse("{\"a\":1}"));
	assert_true(calls > before);
	rs_arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pieces_are_aligned_distinct_and_from_one_block, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset_reuses_the_block_with_no_allocation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_piece_that_does_not_fit_spills_and_release_frees_it, setup, teardown),
		cmocka_unit_test_setup_teardown(test_block_grows_at_reset_to_the_last_need_but_never_past_max, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_block_allocation_only_means_spilling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cjson_parses_into_the_arena_and_end_restores_the_hooks, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
