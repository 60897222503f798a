/*
 * lookahead.c - rs_rowq: a bounded queue of rows copied out of a reader's
 * callback, so that a caller can look at the first rows of a file before it
 * hands them on in order. Bounded in rows and in bytes, with the memory taken
 * once (at the first push) and reused after a drop: holding rows never makes
 * memory grow with the input.
 */
#include <string.h>

#include "internal.h"

/* Each row's block starts at a multiple of this: its pointers come first. */
#define ALIGN sizeof(union { void *p; size_t n; double d; })
#define ROUND(x) (((x) + ALIGN - 1) / ALIGN * ALIGN)

typedef struct held {
	rs_row row;
	size_t off; /* where the row's block starts in the arena */
} held;

struct rs_rowq {
	size_t max_rows, max_bytes;
	char *arena; /* max_bytes: each row's block (pointers, lengths, currencies,
	                types, text, reject reason), back to back */
	size_t used;
	held *rows; /* max_rows, oldest first */
	size_t n;
};

rs_status rs_rowq_new(rs_rowq **out, size_t max_rows, size_t max_bytes, rs_error *err)
{
	*out = rs_calloc(1, sizeof **out);
	if (*out == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	(*out)->max_rows = max_rows ? max_rows : RS_LOOKAHEAD_ROWS;
	(*out)->max_bytes = ROUND(max_bytes ? max_bytes : RS_LOOKAHEAD_BYTES);
	return RS_OK;
}

/* Bytes a copy of row takes in the arena (its hidden cells too). */
static size_t block_size(const rs_row *row)
{
	size_t i, all = row->n + row->extra, k = all * (sizeof(char *) + sizeof(size_t));

	k += row->cur != NULL ? row->n * sizeof *row->cur : 0;
	k += row->type != NULL ? all : 0;
	for (i = 0; i < all; i++)
		k += row->len[i] + 1;
	return ROUND(k + (row->reject != NULL ? strlen(row->reject) + 1 : 0));
}

rs_status rs_rowq_push(rs_rowq *q, const rs_row *row, rs_error *err)
{
	size_t need = block_size(row), i, all = row->n + row->extra;
	const char **cell;
	size_t *len;
	char *p;
	held *h;

	if (q->n == q->max_rows || need > q->max_bytes - q->used)
		return RS_ELIMIT;
	if (q->rows == NULL) {
		q->arena = rs_malloc(q->max_bytes);
		q->rows = q->arena != NULL ? rs_calloc(q->max_rows, sizeof *q->rows) : NULL;
		if (q->rows == NULL) {
			rs_free(q->arena);
			q->arena = NULL;
			return rs_error_set(err, RS_ENOMEM, row->line, "out of memory");
		}
	}
	h = &q->rows[q->n++];
	h->off = q->used;
	h->row = *row;
	p = q->arena + q->used;
	q->used += need;
	cell = (const char **)(void *)p;
	len = (size_t *)(void *)(p + all * sizeof(char *));
	p = (char *)(len + all);
	if (row->cur != NULL) { /* after the lengths: aligned */
		h->row.cur = memcpy(p, row->cur, row->n * sizeof *row->cur);
		p += row->n * sizeof *row->cur;
	}
	if (row->type != NULL) {
		h->row.type = (unsigned char *)memcpy(p, row->type, all);
		p += all;
	}
	for (i = 0; i < all; i++) {
		cell[i] = memcpy(p, row->cell[i], row->len[i]);
		len[i] = row->len[i];
		p[len[i]] = '\0';
		p += len[i] + 1;
	}
	if (row->reject != NULL)
		h->row.reject = strcpy(p, row->reject);
	h->row.cell = cell;
	h->row.len = len;
	return RS_OK;
}

rs_status rs_rowq_keep(rs_rowq **q, const rs_row *row, rs_error *err)
{
	rs_status st;

	rs_rowq_free(*q);
	*q = NULL;
	if ((st = rs_rowq_new(q, 1, block_size(row), err)) != RS_OK)
		return st;
	return rs_rowq_push(*q, row, err);
}

const rs_row *rs_rowq_row(const rs_rowq *q, size_t i)
{
	return q != NULL && i < q->n ? &q->rows[i].row : NULL;
}

/* A pointer into a block that moved back by d bytes; NULL stays NULL. */
static void *back(const void *p, size_t d)
{
	return p == NULL ? NULL : (char *)(uintptr_t)p - d;
}

void rs_rowq_drop(rs_rowq *q, size_t n)
{
	size_t d, i, k;

	if (q == NULL)
		return;
	if (n >= q->n) {
		q->n = q->used = 0;
		return;
	}
	/* The rest moves to the arena's start; its pointers move with it. */
	d = q->rows[n].off;
	memmove(q->arena, q->arena + d, q->used - d);
	q->used -= d;
	for (i = n; i < q->n; i++) {
		held *h = &q->rows[i - n];
		const char **cell;

		*h = q->rows[i];
		h->off -= d;
		cell = back(h->row.cell, d);
		for (k = 0; k < h->row.n + h->row.extra; k++)
			cell[k] = back(cell[k], d);
		h->row.cell = cell;
		h->row.len = back(h->row.len, d);
		h->row.type = back(h->row.type, d);
		h->row.cur = back(h->row.cur, d);
		h->row.reject = back(h->row.reject, d);
	}
	q->n -= n;
}

void rs_rowq_free(rs_rowq *q)
{
	if (q == NULL)
		return;
	rs_free(q->arena);
	rs_free(q->rows);
	rs_free(q);
}
