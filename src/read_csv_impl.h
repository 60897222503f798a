/*
 * read_csv_impl.h - what read_csv.c (the reader around libcsv) and
 * read_csv_line.c (lines split without it) share: the reader's state, the
 * field store, and the record callbacks. Not part of the public API.
 */
#ifndef RS_READ_CSV_IMPL_H
#define RS_READ_CSV_IMPL_H

#include <csv.h>
#include <string.h>

#include "reader_impl.h"

/* Bytes read at a time; the buffer has 16 more, for 16-byte loads at its end. */
#define CHUNK ((size_t)64 << 10)

typedef struct csv_state {
	const rs_read_ctx *c;
	rs_error *err;
	struct csv_parser p;
	rs_status st;             /* first failure inside a callback */
	unsigned long line;       /* physical line of the bytes being fed */
	unsigned long rec_line;   /* where the current record started */
	unsigned long field_line; /* where the current field started */
	bool have_header;
	size_t ncols;             /* cells in the header */
	size_t n;                 /* cells in the current record (counted) */
	size_t nstored;           /* of which stored (at most max_columns + 1) */
	size_t rec_bytes;
	size_t nul_field;         /* first field holding a NUL, 1-based; 0 none */
	const char *reject;       /* reason set for the current record */
	char why[128];
	char *store;              /* cell bytes, each NUL-terminated */
	size_t store_len, store_cap;
	const char **cell;        /* per stored cell, into store (or the chunk: plain_line) */
	size_t *len;
	unsigned char *plain;     /* per stored cell, its RS_PLAIN_ bits */
	unsigned char plain_bits; /* what an unquoted field of this chunk is plain for */
	size_t cells_cap;
	size_t fast_cells;        /* min(cells_cap, max_columns): on_field's bound */
	bool slow;                /* on_field must take rs_csv_field_slow */
	size_t max_field, max_record; /* from opts, at hand */
	/* Raw text of the current record, for the malformed-quoting reject. */
	const char *rec_start;    /* in the current chunk; NULL: began before it */
	rs_buf carry;             /* the record's bytes from earlier chunks */
	bool skipping;            /* after a quoting error: to the end of line */
	bool chunk_nul;           /* the chunk holds a NUL: check each field */
	bool chunk_tab;           /* the chunk holds a TAB that is not the delimiter */
	bool keep_spaces;         /* no_space is installed */
	bool after_cr;            /* the last chunk ended with CR: a LF next is its CRLF */
	bool fast_ok;             /* the delimiter allows fast_line */
	rs_buf unq;               /* fast_line: a quoted field with "" undoubled */
} csv_state;

/* A record's field; the rare cases (limits, NUL bytes, growth) of take_field. */
void rs_csv_field_slow(csv_state *s, const char *f, size_t n, unsigned char plain);
/* libcsv's record callback, also called by the line splitters. */
void rs_csv_on_record(int term, void *data);
void rs_csv_reset_record(csv_state *s);

static inline void rs_csv_store_cell(csv_state *s, const char *f, size_t n, unsigned char plain)
{
	memcpy(s->store + s->store_len, f, n);
	s->store[s->store_len + n] = '\0';
	s->cell[s->nstored] = s->store + s->store_len;
	s->len[s->nstored] = n;
	s->plain[s->nstored] = plain;
	s->nstored++;
	s->store_len += n + 1;
}

/*
 * libcsv cb1: one field (NUL-terminated thanks to CSV_APPEND_NULL, which
 * rs_csv_store_cell does not rely on: the line splitters pass fields inside
 * the line).
 * Called for every field, so the common case is one combined test and a copy.
 */
static inline void rs_csv_take_field(csv_state *s, const char *f, size_t n, unsigned char plain)
{
	s->rec_bytes += n;
	if (s->slow || n > s->max_field || s->rec_bytes > s->max_record ||
	    s->nstored >= s->fast_cells || s->store_len + n + 1 > s->store_cap) {
		rs_csv_field_slow(s, f, n, plain);
		return;
	}
	s->n++;
	s->field_line = s->line;
	rs_csv_store_cell(s, f, n, plain);
}

/*
 * A whole line [p, e) (line end excluded; *e is its CR or LF) read while no
 * record is open. Each either delivers the record (rs_csv_on_record) and
 * returns true, or returns false with the line as it was.
 * rs_csv_plain_line: in place (it writes NULs into the chunk); a line with
 * quotes goes to its in-place quoted form, which declines doubled quotes.
 * rs_csv_fast_line: copying, doubled quotes undoubled; declines the rest.
 */
bool rs_csv_plain_line(csv_state *s, char *p, char *e);
bool rs_csv_fast_line(csv_state *s, const char *p, const char *e);

#endif
