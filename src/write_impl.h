/*
 * write_impl.h - what the writer's files share inside the library: the
 * buffered output (write.c), the table layout (write_table.c) and the
 * character widths (width.c). Not part of the public API.
 */
#ifndef RS_WRITE_IMPL_H
#define RS_WRITE_IMPL_H

#include <string.h>

#include "internal.h"
#include "copy_impl.h"
#include "outq_impl.h"

/*
 * A large output buffer in front of a FILE: bytes are appended here and
 * written a block at a time (write(2) on its descriptor, or fwrite). The first write error is kept (with its errno)
 * and makes every later append a no-op, so a caller can write a whole row and
 * check once. Invariant: len <= cap. With a queue (q, outq_impl.h) a full
 * buffer is handed to the output thread and buf becomes the other one.
 */
typedef struct rs_wout {
	FILE *fp;
	int fd;     /* fp's descriptor, written directly; -1: fwrite to fp */
	const volatile sig_atomic_t *interrupt; /* see rs_write_all */
	rs_outq *q; /* NULL: written in place */
	char *buf;
	size_t len;
	size_t cap;
	bool failed;
	int err; /* errno of the first failure, 0 if none was given */
} rs_wout;

/* Writes out what is buffered; false (and `failed` set) on a write error. */
bool rs_wout_flush(rs_wout *o);
/* The slow path of rs_wout_put: the bytes do not fit in what is left. */
void rs_wout_put_slow(rs_wout *o, const void *p, size_t n);
/* Fills err with the kept write error (RS_EIO) and returns RS_EIO. */
rs_status rs_wout_error(const rs_wout *o, rs_error *err);

static inline void rs_wout_put(rs_wout *o, const void *p, size_t n)
{
	if (n <= o->cap - o->len) {
		rs_copy(o->buf + o->len, p, n);
		o->len += n;
	} else {
		rs_wout_put_slow(o, p, n);
	}
}

static inline void rs_wout_putc(rs_wout *o, char c)
{
	if (o->len == o->cap && !rs_wout_flush(o))
		return;
	o->buf[o->len++] = c;
}

/* Appends n spaces. */
void rs_wout_spaces(rs_wout *o, size_t n);

/* JSON objects (write_json.c). keys: the header's keys, each already
 * encoded as "key": back to back; key i is keys.data[off[i] .. off[i + 1]). */
typedef struct rs_json_keys {
	rs_buf keys;
	size_t *off;
	/* The same keys, each with its separator in front and a string's
	 * opening quote after: {"key0":" then ,"key1":" ...; key i is
	 * lead.data[loff[i] .. loff[i + 1]), followed by RS_JSON_LEAD_PAD
	 * bytes of padding. When every one is at most RS_JSON_LEAD_PAD bytes
	 * (slot != NULL), slot holds them again one to a RS_JSON_LEAD_PAD-byte
	 * slot (key i at slot[i * RS_JSON_LEAD_PAD], klen[i] bytes long), so
	 * that each is copied as one fixed-size move. */
	rs_buf lead;
	size_t *loff;
	char *slot;
	unsigned char *klen;
} rs_json_keys;
#define RS_JSON_LEAD_PAD 32

/* Encodes the header's keys, using o's buffer (still empty) as scratch. */
rs_status rs_json_keys_init(rs_json_keys *k, const rs_wout *o, const rs_row *header, rs_error *err);
void rs_json_keys_free(rs_json_keys *k);
/* One row as a JSON object, {"key":value,...}, no line end. */
void rs_json_object(rs_wout *o, const rs_json_keys *k, const rs_row *row);

/* Table writer (write_table.c): buffers up to RS_TABLE_BUFFERED_ROWS rows. */
#define RS_TABLE_BUFFERED_ROWS 1000
#define RS_TABLE_MAX_WIDTH 40

typedef struct rs_table rs_table;

rs_status rs_table_new(rs_table **out, rs_wout *o, const rs_write_opts *opts,
                       const rs_row *header, rs_error *err);
rs_status rs_table_row(rs_table *t, const rs_row *row, rs_error *err);
rs_status rs_table_finish(rs_table *t, rs_error *err);
void rs_table_free(rs_table *t);

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
