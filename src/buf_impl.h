/*
 * buf_impl.h - inline fast paths of the rs_buf appends, for the code that
 * runs per row (classify, score, engine): when the bytes fit, a copy and no
 * call; otherwise buf.c grows the buffer. Same contract as rs_buf_append
 * (data[len] stays '\0'; a failed buffer takes nothing). Not public API.
 */
#ifndef RS_BUF_IMPL_H
#define RS_BUF_IMPL_H

#include <string.h>

#include "internal.h"
#include "copy_impl.h"

static inline bool rs_buf_add(rs_buf *b, const char *s, size_t n)
{
	if (b->failed || n >= b->cap - b->len)
		return rs_buf_append(b, s, n);
	rs_copy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

static inline bool rs_buf_add_str(rs_buf *b, const char *s)
{
	return rs_buf_add(b, s, strlen(s));
}

static inline bool rs_buf_add_c(rs_buf *b, char c)
{
	if (b->failed || 1 >= b->cap - b->len)
		return rs_buf_putc(b, c);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return true;
}

/* A string literal, its length known at compile time. */
#define RS_BUF_LIT(b, lit) rs_buf_add((b), "" lit, sizeof(lit) - 1)

#endif
