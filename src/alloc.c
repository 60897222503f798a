/*
 * alloc.c - the library's single allocation hook. Tests install a hook that
 * fails the Nth allocation; the same hook serves cJSON (cJSON_InitHooks) and
 * libcsv, so that a failure inside either parser is exercised too, and a
 * count of failed allocations tells a parse that ran out of memory from one
 * that met bad input.
 */
#include <cjson/cJSON.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Process-wide state, like cJSON's own: the hooks, set once before use, and
 * the failures they have had (cJSON's hooks take no context to count in).
 */
static rs_alloc_hooks hooks = {malloc, realloc, free};
static unsigned long failures;
static bool cjson_hooked;

void *rs_malloc(size_t size)
{
	void *p = hooks.malloc_fn(size == 0 ? 1 : size);

	failures += p == NULL;
	return p;
}

static void hook_cjson(void)
{
	static cJSON_Hooks ch = {rs_malloc, rs_free};

	cJSON_InitHooks(&ch);
	cjson_hooked = true;
}

void rs_set_alloc_hooks(const rs_alloc_hooks *h)
{
	if (h == NULL) {
		hooks.malloc_fn = malloc;
		hooks.realloc_fn = realloc;
		hooks.free_fn = free;
	} else {
		hooks = *h;
	}
	hook_cjson();
}

unsigned long rs_alloc_failures(void)
{
	if (!cjson_hooked)
		hook_cjson();
	return failures;
}

void *rs_calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	p = rs_malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

void *rs_realloc(void *p, size_t size)
{
	void *q = hooks.realloc_fn(p, size == 0 ? 1 : size);

	failures += q == NULL;
	return q;
}

void rs_free(void *p)
{
	if (p != NULL)
		hooks.free_fn(p);
}

char *rs_strndup(const char *s, size_t n)
{
	char *d = rs_malloc(n + 1);

	if (d == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *rs_strdup(const char *s)
{
	return rs_strndup(s, strlen(s));
}
