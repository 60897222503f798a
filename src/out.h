/*
 * out.h - the writers' output buffer (out.c): bytes are appended here and
 * handed to stdio a whole buffer at a time, so no writer calls stdio per
 * cell. Used by write.c (CSV, TSV, framing), write_json.c and write_table.c.
 * Not part of the public API.
 */
#ifndef RS_OUT_H
#define RS_OUT_H

#include <stdio.h>
#include <string.h>

#include "internal.h"

/*
 * The first write error is kept (with its errno) and nothing is written
 * after it, so a writer can write a whole row and check once.
 * Invariant: len <= cap.
 */
typedef struct rs_out {
	FILE *fp;
	char *buf;
	size_t len, cap;
	size_t piece; /* bytes handed to fwrite at once (out.c says why) */
	bool failed;
	int err; /* errno of the first failure, 0 if none was given */
} rs_out;

/* A buffer of cap bytes in front of fp (not closed here). */
rs_status rs_out_init(rs_out *o, FILE *fp, size_t cap, rs_error *err);
void rs_out_free(rs_out *o);
/* Hands what is buffered to stdio; false (and `failed` set) on an error. */
bool rs_out_flush(rs_out *o);
/* rs_out_flush, then fflush(fp): RS_OK or rs_out_error's RS_EIO. */
rs_status rs_out_finish(rs_out *o, rs_error *err);
/* Fills err with the kept write error and returns RS_EIO. */
rs_status rs_out_error(const rs_out *o, rs_error *err);
/* The slow path of rs_out_put: the bytes do not fit in what is left. */
void rs_out_put_slow(rs_out *o, const void *p, size_t n);
/* Appends n spaces. */
void rs_out_spaces(rs_out *o, size_t n);

static inline void rs_out_put(rs_out *o, const void *p, size_t n)
{
	if (n <= o->cap - o->len) {
		memcpy(o->buf + o->len, p, n);
		o->len += n;
	} else {
		rs_out_put_slow(o, p, n);
	}
}

static inline void rs_out_putc(rs_out *o, char c)
{
	if (o->len == o->cap && !rs_out_flush(o))
		return;
	o->buf[o->len++] = c;
}

#endif
