/*
 * alloc.c - the library's single allocation hook. Tests install a hook that
 * fails the Nth allocation; the same hook is handed to cJSON (cJSON_InitHooks)
 * so that a failure inside the JSON parser is exercised too. Also the arena
 * (arena.h) that cJSON parses into on the JSON readers' hot path.
 */
#include <cjson/cJSON.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
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

/* ------------------------------------------------------------- arena */

#define ARENA_ALIGN alignof(max_align_t)
#define ARENA_MIN ((size_t)64 << 10) /* the first block: rows of a few KiB */

void rs_arena_init(rs_arena *a, size_t max)
{
	memset(a, 0, sizeof *a);
	a->max = max;
}

#define ARENA_ROUND(n) (((n) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))

/*
 * The block's size and every offset in it are multiples of ARENA_ALIGN, so
 * 1 <= n <= cap - used means its rounded size fits too (and cannot
 * overflow). n - 1 wraps for n == 0, which spills: rs_malloc gives a
 * distinct byte, as it does for every size-0 request.
 */
static void *arena_spill(rs_arena *a, size_t n)
{
	void *p = rs_malloc(n);

	if (p != NULL) {
		a->spilled++;
		a->over = n < a->max ? a->over + ARENA_ROUND(n) : a->max;
		if (a->over > a->max)
			a->over = a->max;
	}
	return p;
}

static inline void *arena_take(rs_arena *a, size_t n)
{
	void *p;

	if (n - 1 >= a->cap - a->used)
		return arena_spill(a, n); /* a tail call: the fast path saves nothing */
	p = a->base + a->used;
	a->used += ARENA_ROUND(n);
	return p;
}

void *rs_arena_alloc(rs_arena *a, size_t n)
{
	return arena_take(a, n);
}

static bool arena_owns(const rs_arena *a, const void *p)
{
	uintptr_t b = (uintptr_t)a->base, q = (uintptr_t)p;

	return a->base != NULL && q >= b && q - b < a->cap;
}

void rs_arena_release(rs_arena *a, void *p)
{
	if (!arena_owns(a, p))
		rs_free(p);
}

void rs_arena_reset(rs_arena *a)
{
	size_t want = a->cap == 0 ? ARENA_MIN : a->cap;

	while (want - a->used < a->over && want <= a->max / 2)
		want *= 2;
	if (want > a->max)
		want = a->max & ~(ARENA_ALIGN - 1);
	if (want > a->cap) {
		rs_free(a->base);
		a->base = rs_malloc(want);
		a->cap = a->base != NULL ? want : 0;
	}
	a->used = 0;
	a->over = 0;
	a->spilled = 0;
}

void rs_arena_free(rs_arena *a)
{
	rs_free(a->base);
	a->base = NULL;
	a->cap = a->used = a->over = a->spilled = 0;
}

/*
 * cJSON's hooks take no context, so the arena in use is process-wide state
 * like `hooks` (and like cJSON's own): set by rs_cjson_arena_begin, cleared
 * by rs_cjson_arena_end.
 */
static rs_arena *cjson_arena;

static void *cjson_arena_malloc(size_t size)
{
	if (cjson_arena != NULL && cjson_arena->on)
		return arena_take(cjson_arena, size);
	return rs_malloc(size);
}

static void cjson_arena_free(void *p)
{
	if (cjson_arena != NULL)
		rs_arena_release(cjson_arena, p);
	else
		rs_free(p);
}

void rs_cjson_arena_begin(rs_arena *a)
{
	cJSON_Hooks ch = {cjson_arena_malloc, cjson_arena_free};

	cjson_arena = a;
	cJSON_InitHooks(&ch);
}

void rs_cjson_arena_end(void)
{
	cJSON_Hooks ch = {hooks.malloc_fn, hooks.free_fn};

	cjson_arena = NULL;
	cJSON_InitHooks(&ch);
}
