/*
 * arena.h - a bump allocator that cJSON's parses can use instead of one
 * malloc per node and string (alloc.c). The JSON readers parse a line into
 * it, use the tree, and reset it: no allocation per row once warm, and no
 * cJSON_Delete walk. Not part of the public API.
 */
#ifndef RS_ARENA_H
#define RS_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/*
 * One block from the allocation hooks, reused after every reset. A request
 * that does not fit is "spilled": it comes from the hooks as before and must
 * be given back before the reset (cJSON_Delete does that through
 * rs_arena_release); with no spill since the reset, nothing needs freeing. At a
 * reset the block grows to what the last cycle asked for, never past `max`,
 * so its size follows the largest record, not the number of records.
 */
typedef struct rs_arena {
	char *base;     /* the block (NULL until the first reset that sizes it) */
	size_t cap;     /* its size */
	size_t used;    /* bytes handed out of it since the last reset */
	size_t spilled; /* pieces taken from the hooks since the last reset */
	size_t over;    /* and their bytes */
	size_t max;     /* the block's size limit */
	bool on;        /* cJSON allocates from it (see rs_cjson_arena_begin) */
} rs_arena;

/* An empty arena whose block will not grow past max bytes. */
void rs_arena_init(rs_arena *a, size_t max);

/* n bytes aligned for any type: from the block, else spilled; NULL if none. */
void *rs_arena_alloc(rs_arena *a, size_t n);

/* Gives back p: nothing for a block piece (the reset takes those back),
 * rs_free for anything else (NULL included). */
void rs_arena_release(rs_arena *a, void *p);

/*
 * Forgets every piece of the block (callers must have released every
 * spilled piece). Grows the block first if the last cycle needed more; if
 * that allocation fails the arena just spills more (not an error).
 */
void rs_arena_reset(rs_arena *a);

void rs_arena_free(rs_arena *a); /* the block; the arena can be reset again */

/*
 * From begin to end, cJSON's frees of a's pieces do nothing and, while
 * a->on is true, cJSON's allocations come from a; everything else goes to
 * the library's hooks as always. end puts cJSON back on those hooks. One
 * arena at a time (cJSON's hooks are process-wide).
 */
void rs_cjson_arena_begin(rs_arena *a);
void rs_cjson_arena_end(void);

#endif
