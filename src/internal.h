/*
 * internal.h - helpers shared by the library's modules, not part of the API.
 * All allocation goes through rs_malloc/rs_realloc/rs_free so one hook
 * (rs_set_alloc_hooks) governs the library, cJSON and libcsv alike.
 */
#ifndef RS_INTERNAL_H
#define RS_INTERNAL_H

#include "relstage.h"

void *rs_malloc(size_t size);
void *rs_calloc(size_t n, size_t size); /* zeroed; checks n * size for overflow */
void *rs_realloc(void *p, size_t size);
char *rs_strdup(const char *s);
char *rs_strndup(const char *s, size_t n);

/* Allocations that have failed so far, cJSON's included (the first call
 * routes cJSON through the hooks): a parser that gave up while this count
 * stayed the same met bad input, not a lack of memory. */
unsigned long rs_alloc_failures(void);

/* The hooks in force, for handing to libcsv parsers (csv_set_realloc_func). */
void *rs_realloc_hook(void *p, size_t size);
void rs_free_hook(void *p);

/* The name of the output's stage column in each --headers language, which
 * --previous looks for (classify.c). */
const char *rs_stage_column_name(rs_lang lang);

#endif
