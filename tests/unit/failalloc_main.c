/*
 * failalloc_main.c - the real front end (src/main.c built with
 * -Dmain=relstage_main) behind an allocation hook that fails allocation
 * number $RS_FAIL_AT (1-based; malloc and realloc both count), like Lua's
 * ltests.c. With $RS_ALLOC_COUNT set to a path, writes there how many
 * allocations the run made and whether the failure was injected, so the
 * driver (tools/failalloc.sh) can walk N = 1 .. that count.
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

int relstage_main(int argc, char **argv);

static unsigned long count;
static unsigned long fail_at;
static int injected;

static int should_fail(void)
{
	return ++count == fail_at;
}

static void *fail_malloc(size_t size)
{
	if (should_fail()) {
		injected = 1;
		return NULL;
	}
	return malloc(size);
}

static void *fail_realloc(void *p, size_t size)
{
	if (should_fail()) {
		injected = 1;
		return NULL;
	}
	return realloc(p, size);
}

static void report(void)
{
	const char *path = getenv("RS_ALLOC_COUNT");
	FILE *fp;

	if (path == NULL || *path == '\0' || (fp = fopen(path, "w")) == NULL)
		return;
	fprintf(fp, "%lu %d\n", count, injected);
	(void)fclose(fp);
}

int main(int argc, char **argv)
{
	static const rs_alloc_hooks h = {fail_malloc, fail_realloc, free};
	const char *at = getenv("RS_FAIL_AT");

	fail_at = at != NULL ? strtoul(at, NULL, 10) : 0;
	rs_set_alloc_hooks(&h);
	(void)atexit(report);
	return relstage_main(argc, argv);
}
