/*
 * alloc.c - the library's single allocation hook. Tests install a hook that
 * fails the Nth allocation; the same hook is handed to cJSON (cJSON_InitHooks)
 * so that a failure inside the JSON parser is exercised too.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The one piece of process-wide state, set once before use (like cJSON's). */
static rs_alloc_hooks hooks = {malloc, realloc, free};

void rs_set_alloc_hooks(const rs_alloc_hooks *h)
{
	cJSON_Hooks ch;

	if (h == NULL) {
		hooks.malloc_fn = malloc;
		hooks.realloc_fn = realloc;
		hooks.free_fn = free;
	} else {
		hooks = *h;
	}
	ch.malloc_fn = hooks.malloc_fn;
	ch.free_fn = hooks.free_fn;
	cJSON_InitHooks(&ch);
}

void *rs_malloc(size_t size)
{
	return hooks.malloc_fn(size == 0 ? 1 : size);
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
	return hooks.realloc_fn(p, size == 0 ? 1 : size);
}

void rs_free(void *p)
{
	if (p != NULL)
		hooks.free_fn(p);
}

void *rs_realloc_hook(void *p, size_t size)
{
	return rs_realloc(p, size);
}

void rs_free_hook(void *p)
{
	rs_free(p);
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
