/*
 * write.h - what the writer's files share inside the library: JSON objects
 * (write_json.c) and the table view (write_table.c), which write.c frames,
 * and the character widths (width.c). All write into an rs_out (out.h).
 * Not part of the public API.
 */
#ifndef RS_WRITE_H
#define RS_WRITE_H

#include <stdint.h>

#include "out.h"

/* JSON objects (write_json.c). The header's keys, each encoded once as
 * "key": back to back; key i is keys.data[off[i] .. off[i + 1]). */
typedef struct rs_json_keys {
	rs_buf keys;
	size_t *off;
} rs_json_keys;

/* Encodes the header's keys once ("key":), each through o's buffer (nothing
 * is written before the first row) as scratch, emptied after each. */
rs_status rs_json_keys_init(rs_json_keys *k, rs_out *o, const rs_row *header, rs_error *err);
void rs_json_keys_free(rs_json_keys *k);
/* One row as a JSON object, {"key":value,...}, no line end. */
void rs_json_object(rs_out *o, const rs_json_keys *k, const rs_row *row);

/* Table writer (write_table.c): buffers up to RS_TABLE_BUFFERED_ROWS rows. */
#define RS_TABLE_BUFFERED_ROWS 1000
#define RS_TABLE_MAX_WIDTH 40
#define RS_TABLE_WHOLE_MAX_WIDTH 60 /* a column ranked RS_TABLE_WHOLE */
#define RS_TABLE_MIN_WIDTH 12 /* text narrows to this (or its header) to fit */

typedef struct rs_table rs_table;

rs_status rs_table_new(rs_table **out, rs_out *o, const rs_write_opts *opts,
                       const rs_row *header, rs_error *err);
rs_status rs_table_row(rs_table *t, const rs_row *row, rs_error *err);
rs_status rs_table_finish(rs_table *t, rs_error *err);
void rs_table_free(rs_table *t);
/*
 * Fits n columns of widths w, two spaces apart, in `width` terminal columns
 * (0: no limit). While they do not fit at their narrowest (lo[]), leaves out
 * the one of lowest rank (rank NULL: all equal), the rightmost of equals,
 * never the first; then narrows the rest toward lo[] (lo[i] == w[i]: never),
 * the widest first. Sets show[] and returns how many are shown.
 */
size_t rs_table_fit(size_t *w, const size_t *lo, const unsigned char *rank, size_t n,
                    size_t width, bool *show);

/* width.c */
#define RS_CP_INVALID 0xFFFFFFFFu
/*
 * Decodes one UTF-8 sequence at s (n >= 1 bytes available) into *cp and
 * returns its length; an invalid byte gives RS_CP_INVALID and length 1.
 */
size_t rs_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Columns a code point takes: 0 (controls, combining marks), 1 or 2. */
int rs_cp_width(uint32_t cp);

#endif
