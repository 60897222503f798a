/*
 * reader_impl.h - what the format readers share inside the library: the
 * decoded input stream (input.c) and the per-format entry points that
 * reader.c dispatches to. Not part of the public API.
 */
#ifndef RS_READER_IMPL_H
#define RS_READER_IMPL_H

#include <string.h>

#include "internal.h"

/*
 * rs_input: a FILE seen as UTF-8 bytes. Drops a UTF-8 BOM; with encoding
 * auto, decides between UTF-8 and GB18030 on the first block (valid UTF-8
 * means UTF-8); with a name, converts through iconv(3). A UTF-16/32 BOM is
 * RS_EENCODING with the command that converts the file.
 */
typedef struct rs_input rs_input;

/* lang: the language of its encoding errors (--lang). */
rs_status rs_input_open(rs_input **out, FILE *fp, const char *name,
                        const char *encoding, rs_lang lang, rs_error *err);
/*
 * Fills buf with up to cap bytes of valid UTF-8; *got == 0 means end of input.
 * Bytes invalid in the encoding: first every valid byte before them is
 * delivered, then the next call returns RS_EENCODING with a message (and a hint
 * such as "try --encoding gbk"); err->line is left 0 for the caller, who knows
 * how many lines it has consumed, to fill in. A read error is RS_EIO.
 */
rs_status rs_input_read(rs_input *in, char *buf, size_t cap, size_t *got, rs_error *err);
/*
 * The first decoded bytes (up to 64 KiB, fewer at end of input) without
 * consuming them, for sniffing the format and the delimiter.
 */
rs_status rs_input_peek(rs_input *in, const char **p, size_t *n, rs_error *err);
const char *rs_input_encoding(const rs_input *in); /* "UTF-8", "GB18030", or the name given */
void rs_input_free(rs_input *in);

/*
 * One row's cells, copied (a reader hands them on after the text they came
 * from has moved on): back to back in `text`, each NUL-terminated, with
 * their lengths and types. Grows to the widest row and is reused.
 */
typedef struct rs_rowbuf {
	rs_buf text;
	const char **cell;
	size_t *len, n, cap; /* n: cells stored */
	unsigned char *type;
} rs_rowbuf;

/* Room for cells up to col and need more bytes of text. */
bool rs_rowbuf_grow(rs_rowbuf *b, size_t col, size_t need);

/* Appends cell b->n: s[0..n) and its NUL. The caller made room. */
static inline void rs_rowbuf_add(rs_rowbuf *b, const char *s, size_t n, unsigned char type)
{
	char *t = b->text.data + b->text.len;

	memcpy(t, s, n);
	t[n] = '\0';
	b->cell[b->n] = t;
	b->len[b->n] = n;
	b->type[b->n++] = type;
	b->text.len += n + 1;
}

/* Stores cell col (s[0..n)), empty cells before it; a cell stored already
 * stays as it is. False: out of memory. Inline: CSV calls it per field. */
static inline bool rs_rowbuf_put(rs_rowbuf *b, size_t col, const char *s, size_t n,
                                 unsigned char type)
{
	size_t need = col - b->n + n + 1; /* empty cells before col, then this one */

	if (col < b->n)
		return true;
	if ((col >= b->cap || need >= b->text.cap - b->text.len) && !rs_rowbuf_grow(b, col, need))
		return false;
	while (b->n < col)
		rs_rowbuf_add(b, "", 0, RS_T_STRING);
	rs_rowbuf_add(b, s, n, type);
	b->text.data[b->text.len] = '\0';
	return true;
}
static inline void rs_rowbuf_clear(rs_rowbuf *b)
{
	b->n = b->text.len = 0;
}
void rs_rowbuf_free(rs_rowbuf *b);

/* Per-format readers; reader.c has already opened `in` and picked the format. */
typedef struct rs_read_ctx {
	rs_input *in;
	const char *name;        /* for err->file */
	const rs_read_opts *opts; /* limits already defaulted (never 0) */
	rs_header_fn on_header;
	rs_row_fn on_row;
	void *ctx;
	char *page; /* JSON: gets what says the input is one page of a longer
	               list, read as --json-path asked (RS_PAGE_MAX bytes) */
	char *inner; /* JSON: gets the first record's objects' plain members as
	                dot paths ("owner.name"), each NUL-terminated, then an
	                empty one (RS_INNER_MAX bytes) */
} rs_read_ctx;

#define RS_PAGE_MAX 160
#define RS_INNER_MAX 2048

/* delimiter: the one to use (already detected or given). */
rs_status rs_read_csv(const rs_read_ctx *c, char delimiter, rs_error *err);
rs_status rs_read_json(const rs_read_ctx *c, rs_error *err);  /* a JSON array of objects */
rs_status rs_read_jsonl(const rs_read_ctx *c, rs_error *err); /* one object per line */

#endif
