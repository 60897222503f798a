/*
 * outq.c - background output: a second thread write(2)s full buffers while
 * the caller fills the next one (see outq_impl.h for the contract). Two POSIX
 * semaphores carry the hand-over, so no lock is ever held across a write:
 * `work` counts buffers queued for the thread, `room` is 1 while the spare
 * buffer is free. The thread blocks every signal, so handlers (the command
 * line's SIGINT/SIGTERM) run on the caller's thread, where they interrupt a
 * read or a wait as they did before there was a thread.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "outq_impl.h"

/* How long a wait for the thread sleeps before it looks at the interrupt
 * flag again: a signal that lands just before sem_timedwait starts is seen
 * within this time. */
#define POLL_NS 100000000L

struct rs_outq {
	pthread_t thread;
	sem_t work;  /* posted by the caller: spare[0..len) is queued, or stop */
	sem_t room;  /* posted by the thread: spare is free again */
	int fd;
	char *spare; /* the queue's buffer; read by the thread only while queued */
	size_t len;
	bool stop;   /* set before the last post of `work` */
	int err;     /* errno of the first failed write; written by the thread
	                only, read by the caller after a wait on `room` */
	const volatile sig_atomic_t *interrupt;
};

static bool raised(const volatile sig_atomic_t *interrupt)
{
	return interrupt != NULL && *interrupt != 0;
}

int rs_write_all(int fd, const char *p, size_t n, const volatile sig_atomic_t *interrupt)
{
	while (n > 0) {
		ssize_t k;

		if (raised(interrupt))
			return EINTR;
		k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return k < 0 ? errno : EIO;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static void *writer_main(void *arg)
{
	rs_outq *q = arg;

	for (;;) {
		while (sem_wait(&q->work) != 0)
			; /* EINTR only: every signal is blocked here */
		if (q->stop)
			return NULL;
		if (q->err == 0)
			q->err = rs_write_all(q->fd, q->spare, q->len, NULL);
		(void)sem_post(&q->room);
	}
}

/* Takes `room` (the spare is free): 0, or EINTR when the interrupt flag is
 * raised while waiting. Never waits when the spare is already free. */
static int wait_room(rs_outq *q)
{
	struct timespec t;

	if (sem_trywait(&q->room) == 0)
		return 0;
	for (;;) {
		if (raised(q->interrupt))
			return EINTR;
		if (clock_gettime(CLOCK_REALTIME, &t) != 0)
			return errno;
		t.tv_nsec += POLL_NS;
		if (t.tv_nsec >= 1000000000L) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000L;
		}
		if (sem_timedwait(&q->room, &t) == 0)
			return 0;
		if (errno != EINTR && errno != ETIMEDOUT)
			return errno;
	}
}

static void destroy(rs_outq *q)
{
	(void)sem_destroy(&q->work);
	(void)sem_destroy(&q->room);
	rs_free(q->spare);
	rs_free(q);
}

rs_outq *rs_outq_start(FILE *fp, size_t size, const volatile sig_atomic_t *interrupt)
{
	rs_outq *q;
	sigset_t all, old;
	int rc;

	/* A stream without a descriptor (open_memstream) stays in place. */
	if (fileno(fp) < 0 || fflush(fp) != 0 || ferror(fp))
		return NULL; /* a write error: the caller's own writes report it */
	q = rs_calloc(1, sizeof *q);
	if (q == NULL)
		return NULL;
	q->fd = fileno(fp);
	q->interrupt = interrupt;
	q->spare = rs_malloc(size);
	if (q->spare == NULL)
		goto fail;
	if (sem_init(&q->work, 0, 0) != 0)
		goto fail;
	if (sem_init(&q->room, 0, 1) != 0) {
		(void)sem_destroy(&q->work);
		goto fail;
	}
	/* The thread starts with every signal blocked (it inherits the mask). */
	(void)sigfillset(&all);
	(void)pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&q->thread, NULL, writer_main, q);
	(void)pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		destroy(q);
		return NULL;
	}
	return q;
fail:
	rs_free(q->spare);
	rs_free(q);
	return NULL;
}

char *rs_outq_put(rs_outq *q, char *buf, size_t len, int *err)
{
	char *next;
	int e = wait_room(q);

	if (e == 0 && q->err != 0) {
		e = q->err;
		(void)sem_post(&q->room); /* still free: finish must not wait on it */
	}
	if (e != 0) {
		*err = e;
		return NULL;
	}
	next = q->spare;
	q->spare = buf;
	q->len = len;
	(void)sem_post(&q->work);
	return next;
}

int rs_outq_finish(rs_outq *q)
{
	int e = wait_room(q);

	if (e != 0) {
		rs_outq_abort(q);
		return e;
	}
	e = q->err;
	q->stop = true;
	(void)sem_post(&q->work);
	(void)pthread_join(q->thread, NULL);
	destroy(q);
	return e;
}

void rs_outq_abort(rs_outq *q)
{
	if (q == NULL)
		return;
	/* sem_wait and write are cancellation points, and the thread holds no
	 * lock and owns no memory of its own, so cancelling it leaves nothing
	 * behind. A write blocked on a pipe nobody reads ends here too. */
	(void)pthread_cancel(q->thread);
	(void)pthread_join(q->thread, NULL);
	destroy(q);
}
