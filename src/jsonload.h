/*
 * jsonload.h - the toolkit of relstage's JSON file loaders (the rules file,
 * rules.c, and the map file, mapfile.c): parse with cJSON, keep the JSON
 * path of the value being read, so every problem names its place, and go
 * on after a problem, so one run lists them all.
 */
#ifndef RS_JSONLOAD_H
#define RS_JSONLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "internal.h"

#if defined(__GNUC__)
#define RS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RS_PRINTF(f, a)
#endif

#define RS_LD_MAX_PROBLEMS 100 /* passed to diag; counting goes on */

typedef struct rs_ld {
	const char *name; /* the file, for messages */
	rs_diag_fn diag;
	void *dctx;
	rs_error *err;    /* gets the first problem */
	rs_lang lang;     /* err's: the problems are worded in it */
	size_t nproblems;
	unsigned long line; /* a syntax error's; 0 for the rest */
	bool oom;
	size_t plen;
	char path[160];
	/* the rules loader's own state */
	struct rs_rules *r;
	bool too_many_nodes;
	bool gap; /* texts may hold {gap} (a need being read) */
} rs_ld;

/* Clears err and names the file in it. */
void rs_ld_init(rs_ld *l, const char *name, rs_diag_fn diag, void *ctx, rs_error *err);
/* A problem at the current path (RS_ERULES; the caller may restate it). */
void rs_ld_problem(rs_ld *l, const char *fmt, ...) RS_PRINTF(2, 3);
rs_status rs_ld_nomem(rs_ld *l);
/* The text as one JSON value; a syntax error is reported with its line and
 * column. */
rs_status rs_ld_parse(rs_ld *l, const char *text, size_t len, cJSON **root);
/* Path steps ".key" (at the top: "key") and "[i]"; each returns the mark
 * that rs_ld_pop goes back to. */
size_t rs_ld_push_key(rs_ld *l, const char *key);
size_t rs_ld_push_index(rs_ld *l, size_t i);
void rs_ld_pop(rs_ld *l, size_t mark);
/* rs_calloc and rs_strdup that set l->oom when they fail. */
void *rs_ld_calloc(rs_ld *l, size_t n, size_t size);
char *rs_ld_strdup(rs_ld *l, const char *s);
/* Appends ", s" (or s) to a list in a message; stops when full. */
void rs_ld_list_add(char *list, size_t size, const char *s);
/* Reports unknown and duplicate keys; false when o is not an object. */
bool rs_ld_keys(rs_ld *l, const cJSON *o, const char *const *want);

#endif
