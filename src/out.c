/*
 * out.c - the writers' output buffer (out.h): whole buffers go to stdio with
 * fwrite. The command line stops a run on SIGINT/SIGTERM with a handler
 * installed without SA_RESTART, so a write that waits on a stalled reader
 * returns EINTR and fails, and the writer reports it.
 */
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>

#include "out.h"

rs_status rs_out_init(rs_out *o, FILE *fp, size_t cap, rs_error *err)
{
	struct stat st;
	int fd = fileno(fp);

	memset(o, 0, sizeof *o);
	o->fp = fp;
	o->cap = cap;
	/*
	 * stdio goes on writing after a write(2) that a signal cut short once
	 * it had written something, and that next write waits on the stalled
	 * reader again. A pipe takes PIPE_BUF bytes whole or not at all, so to
	 * anything but a regular file the buffer goes in pieces of that size:
	 * a signal then fails the write instead of cutting it.
	 */
	o->piece = fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) ? PIPE_BUF : cap;
	o->buf = rs_malloc(cap);
	if (o->buf == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	return RS_OK;
}

void rs_out_free(rs_out *o)
{
	rs_free(o->buf);
	o->buf = NULL;
}

bool rs_out_flush(rs_out *o)
{
	size_t done = 0;

	while (!o->failed && done < o->len) {
		size_t n = o->len - done < o->piece ? o->len - done : o->piece;

		errno = 0;
		if (fwrite(o->buf + done, 1, n, o->fp) != n || ferror(o->fp)) {
			o->failed = true;
			o->err = errno;
		}
		done += n;
	}
	o->len = 0;
	return !o->failed;
}

rs_status rs_out_finish(rs_out *o, rs_error *err)
{
	if (!rs_out_flush(o))
		return rs_out_error(o, err);
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp)) {
		o->failed = true;
		o->err = errno;
		return rs_out_error(o, err);
	}
	return RS_OK;
}

rs_status rs_out_error(const rs_out *o, rs_error *err)
{
	return rs_error_set(err, RS_EIO, 0, "write failed: %s",
	                    o->err ? strerror(o->err) : "output error");
}

void rs_out_put_slow(rs_out *o, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0 && !o->failed) {
		size_t room = o->cap - o->len, k = n < room ? n : room;

		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
		if (n > 0)
			(void)rs_out_flush(o);
	}
	if (o->failed)
		o->len = 0;
}

void rs_out_spaces(rs_out *o, size_t n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;

		rs_out_put(o, sp, k);
		n -= k;
	}
}
