/*
 * read_json_impl.h - what read_json.c (the JSON array and JSON Lines readers)
 * and read_json_row.c (keys to columns, cells of a row, rows handed on) share:
 * the reader's state and the row calls. Not part of the public API.
 */
#ifndef RS_READ_JSON_IMPL_H
#define RS_READ_JSON_IMPL_H

#include <cjson/cJSON.h>

#include "arena.h"
#include "json_check.h"
#include "reader_impl.h"

/* Reader state shared by both formats; the columns are fixed at the header. */
typedef struct jrd {
	const rs_read_ctx *c;
	rs_error *err;
	size_t ncol, ccap;
	rs_buf names;        /* column names, each NUL-terminated */
	size_t *off, *nlen;  /* per column: offset into names, length */
	const char **hname;  /* per column: name, valid once the header is out */
	size_t *slot, nslot; /* open-addressing hash: column + 1, 0 = empty */
	const char **cell;   /* per column (at least 1): the row being built */
	size_t *len;
	unsigned char *type;
	unsigned char *plain; /* per column: a fast row's RS_PLAIN_ bits */
	char *text;          /* a fast row's cells, back to back, each NUL-ended */
	size_t text_cap;
	unsigned *stamp;     /* stamp[col] == gen: col already set in this row */
	unsigned gen;
	char *nums;          /* RS_JSON_NUM_SLOT bytes per column for number text */
	bool header_done;
	rs_buf pend;         /* JSONL rejects waiting for the header */
	size_t npend;
	unsigned long pend_line;
	rs_arena arena;      /* every cJSON tree; reset after each record */
	rs_json_member *mem; /* ncol members for rs_jrd_fast_row (NULL: none) */
	char reason[512];
} jrd;

/* Adds the keys of `obj` not seen yet, in their order. */
rs_status rs_jrd_cols_from(jrd *j, const cJSON *obj, unsigned long line);

/*
 * The columns are fixed: hands the header on (the keys collected so far, in
 * their order). Afterwards rows have j->ncol cells.
 */
rs_status rs_jrd_emit_header(jrd *j, unsigned long line);

/* A rejected record: one cell holding its raw text (NUL-terminated). */
rs_status rs_jrd_emit_raw(jrd *j, const char *raw, size_t n, unsigned long line,
                          const char *why);

/*
 * Hands on the row of obj, or, when it cannot be one (a key unknown or
 * repeated, a value not a cell), raw[0..n) rejected with the reason.
 */
rs_status rs_jrd_emit_object(jrd *j, const cJSON *obj, const char *raw,
                             size_t n, unsigned long line);

/*
 * The JSON Lines record s[0..n) without cJSON, when it is simple enough
 * (j->mem must be set): true when taken, *st the row's status; false with
 * nothing handed on and s as it was.
 */
bool rs_jrd_fast_row(jrd *j, char *s, size_t n, unsigned long line, rs_status *st);

#endif
