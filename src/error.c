/*
 * error.c - status phrases and the rs_error value every fallible call fills.
 * Formatting lives here so every message has the same shape:
 * "FILE:LINE: WHERE: MSG".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "msg.h"

const char *rs_strerror(rs_status st)
{
	switch (st) {
	case RS_OK: return "success";
	case RS_EOF: return "end of input";
	case RS_EREJECT: return "row rejected";
	case RS_ENOMEM: return "out of memory";
	case RS_EIO: return "input/output error";
	case RS_EPARSE: return "malformed input";
	case RS_ERULES: return "invalid rules";
	case RS_EUSAGE: return "invalid usage";
	case RS_ELIMIT: return "limit exceeded";
	case RS_EENCODING: return "invalid encoding";
	}
	return "unknown status";
}

void rs_error_clear(rs_error *e)
{
	const char *file = e->file;

	memset(e, 0, sizeof *e);
	e->file = file;
}

rs_status rs_error_set(rs_error *e, rs_status st, unsigned long line,
                       const char *fmt, ...)
{
	va_list ap;
	int n;

	if (e == NULL)
		return st;
	e->status = st;
	e->line = line;
	va_start(ap, fmt);
	n = vsnprintf(e->msg, sizeof e->msg, rs_msg_tr(e->lang, fmt), ap);
	va_end(ap);
	if (n >= (int)sizeof e->msg)
		rs_error_cut(e);
	return st;
}

void rs_error_cut(rs_error *e)
{
	memcpy(e->msg + rs_utf8_cut(e->msg, sizeof e->msg, sizeof e->msg - 4), "...", 4);
}

void rs_error_where(rs_error *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(e->where, sizeof e->where, fmt, ap);
	va_end(ap);
}

size_t rs_error_format(const rs_error *e, char *buf, size_t size)
{
	int n;
	const char *msg = e->msg[0] ? e->msg : rs_strerror(e->status);
	char line[32] = "";

	if (e->line > 0)
		(void)snprintf(line, sizeof line, ":%lu", e->line);
	n = snprintf(buf, size, "%s%s%s%s%s%s", e->file ? e->file : "",
	             e->file ? line : "", e->file ? ": " : "", e->where,
	             e->where[0] ? ": " : "", msg);
	return n < 0 ? 0 : (size_t)n;
}

bool rs_buf_error(rs_buf *b, const rs_error *e)
{
	size_t n = rs_error_format(e, NULL, 0);

	if (!rs_buf_reserve(b, n))
		return false;
	b->len += rs_error_format(e, b->data + b->len, n + 1);
	return true;
}

void rs_text_line_col(const char *p, size_t pos, unsigned long *line, unsigned long *col)
{
	unsigned long l = 1, c = 1;

	for (size_t i = 0; i < pos; i++) {
		if (p[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)p[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}
