/*
 * outq_impl.h - background output (outq.c): a second thread writes each full
 * output buffer while the caller fills the next, so the kernel's copy of the
 * output (page cache or pipe) runs beside the work that produces it. Used by
 * the writer (write.c) when rs_write_opts.background is set. Not part of the
 * public API.
 *
 * Two buffers of one size take turns: the caller always holds one; the other
 * is the queue's (queued, being written, or free). Bytes reach the file in
 * the order handed over. Ownership: the queue allocates and frees its spare;
 * the caller's buffers are the caller's, and rs_outq_put trades the one
 * passed in for the spare.
 */
#ifndef RS_OUTQ_IMPL_H
#define RS_OUTQ_IMPL_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

typedef struct rs_outq rs_outq;

/*
 * Starts the thread writing to fp's descriptor (fp's own buffer is flushed
 * first; nobody may use fp until rs_outq_finish or rs_outq_abort), with a
 * spare buffer of `size` bytes. `interrupt` (may be NULL): when it is nonzero
 * after a signal handler ran, a wait for the thread gives up with EINTR
 * instead of waiting on (an output that may never drain, such as a pipe whose
 * reader stopped). NULL when the queue cannot start (no memory, no thread,
 * fp's buffer would not flush): the caller then writes in place as before.
 */
rs_outq *rs_outq_start(FILE *fp, size_t size, const volatile sig_atomic_t *interrupt);

/*
 * Queues buf[0..len) and returns the buffer to fill next (size bytes), once
 * the write before it has finished. NULL with *err set (an errno) when an
 * earlier write failed (nothing more is written) or the wait was interrupted;
 * buf then stays the caller's.
 */
char *rs_outq_put(rs_outq *q, char *buf, size_t len, int *err);

/* Waits for the queued writes, stops the thread and frees q. Returns 0, or
 * the errno of the first failed write (EINTR if the wait was interrupted;
 * the thread is then cancelled). */
int rs_outq_finish(rs_outq *q);

/* Stops the thread at once (a write in progress is cancelled) and frees q
 * without finishing the output: for a run that failed. Accepts NULL. */
void rs_outq_abort(rs_outq *q);

/*
 * Writes all of p[0..n) to fd: 0, or the errno of the failure. A signal
 * that cuts a write short (a pipe whose reader stopped) ends it with EINTR
 * when `interrupt` (may be NULL) is raised; otherwise the write goes on.
 * Also the writer's own path without a thread (write.c), where stdio's
 * fwrite would go back into the cut write and wait on.
 */
int rs_write_all(int fd, const char *p, size_t n, const volatile sig_atomic_t *interrupt);

#endif
