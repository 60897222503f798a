/*
 * test_alloc.c - the one allocation hook: the library, cJSON and libcsv
 * allocate through it, and its count of failures tells a parse that ran
 * out of memory from one that met bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cjson/cJSON.h>
#include <csv.h>

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

/* Size 0 is one byte, calloc checks its product, realloc grows in place. */
static void test_library_allocations_go_through_the_hooks(void **state)
{
	char *z, *p, *q;

	(void)state;
	assert_non_null(z = rs_malloc(0));
	assert_int_equal(calls, 1);
	assert_null(rs_calloc((size_t)-1 / 2, 4));
	assert_non_null(q = rs_calloc(3, 4));
	assert_int_equal(q[11], 0);
	assert_non_null(q = rs_realloc(q, 100));
	assert_non_null(p = rs_strndup("abcdef", 3));
	assert_string_equal(p, "abc");
	assert_int_equal(live, 3);
	rs_free(q);
	rs_free(p);
	rs_free(z);
	rs_free(NULL);
}

/* cJSON and libcsv allocate through the hooks: their blocks are counted. */
static void test_cjson_and_libcsv_allocate_through_the_hooks(void **state)
{
	struct csv_parser p;
	cJSON *v;
	long before;

	(void)state;
	(void)rs_alloc_failures(); /* routes cJSON through the hooks */
	before = calls;
	assert_non_null(v = cJSON_Parse("{\"a\":[1,\"x\"]}"));
	assert_true(calls > before && live > 0);
	cJSON_Delete(v);
	assert_int_equal(live, 0);
	assert_int_equal(csv_init(&p, 0), 0);
	csv_set_realloc_func(&p, rs_realloc);
	csv_set_free_func(&p, rs_free);
	before = calls;
	assert_int_equal(csv_parse(&p, "a,b\n", 4, NULL, NULL, NULL), 4);
	assert_true(calls > before && live == 1);
	csv_free(&p);
}

/*
 * A failed allocation, inside cJSON or not, moves the count; a parse of
 * bad input does not, whatever cJSON returns.
 */
static void test_failure_count_tells_no_memory_from_bad_input(void **state)
{
	unsigned long n = rs_alloc_failures();

	(void)state;
	assert_null(cJSON_Parse("{\"a\":"));
	assert_null(cJSON_Parse("[[[[1]]"));
	assert_int_equal(rs_alloc_failures(), n);
	fail_all = 1;
	assert_null(cJSON_Parse("{\"a\":1}"));
	assert_int_equal(rs_alloc_failures(), n + 1);
	assert_null(rs_malloc(8));
	assert_null(rs_realloc(NULL, 8));
	assert_int_equal(rs_alloc_failures(), n + 3);
	fail_all = 0;
	rs_free(rs_malloc(8));
	assert_int_equal(rs_alloc_failures(), n + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_library_allocations_go_through_the_hooks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cjson_and_libcsv_allocate_through_the_hooks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_count_tells_no_memory_from_bad_input, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
