/* test_outq.c - background output: order, write errors, interrupts, abort. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_files.h"

#include "outq_impl.h"

/* A test that would hang if the queue waited forever is killed instead. */
#define WATCHDOG_SECONDS 20

static volatile sig_atomic_t flag, nalarm;

/* The timer repeats: a wait that misses the flag is ended after 100 ticks
 * (20 s) instead of hanging the test run. */
static void on_alarm(int sig)
{
	flag = sig;
	if (++nalarm > 100)
		_exit(99);
}

static void on_alarm_ignore(int sig)
{
	(void)sig;
	if (++nalarm > 100)
		_exit(99);
}

/* SIGALRM every ms milliseconds runs handler; no SA_RESTART, as relstage's
 * own handlers (cli_run.c). */
static void alarm_in(long ms, void (*handler)(int))
{
	struct sigaction sa;
	struct itimerval it;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGALRM, &sa, NULL), 0);
	nalarm = 0;
	it.it_value.tv_sec = it.it_interval.tv_sec = ms / 1000;
	it.it_value.tv_usec = it.it_interval.tv_usec = (ms % 1000) * 1000;
	assert_int_equal(setitimer(ITIMER_REAL, &it, NULL), 0);
}

/* Stops alarm_in's timer, then kills the test if it lasts `seconds` more. */
static void watchdog(unsigned seconds)
{
	struct itimerval it;

	memset(&it, 0, sizeof it);
	(void)setitimer(ITIMER_REAL, &it, NULL);
	(void)signal(SIGALRM, SIG_DFL);
	(void)alarm(seconds);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Buffer k holds k % 251 repeated, (k * 7919) % size bytes of it. */
static size_t fill(char *buf, size_t size, size_t k)
{
	size_t n = (k * 7919) % size;

	memset(buf, (int)(k % 251), n);
	return n;
}

static void test_buffers_reach_the_file_whole_and_in_order(void **state)
{
	const size_t size = 4096, nbuf = 2000;
	FILE *fp = tmpfile();
	rs_outq *q;
	char *buf = malloc(size), *got;
	size_t k, len, off;
	int e = 0;

	(void)state;
	assert_non_null(fp);
	assert_non_null(buf);
	fputs("head;", fp); /* still in fp's own buffer: must come first */
	q = rs_outq_start(fp, size, NULL);
	assert_non_null(q);
	for (k = 0; k < nbuf; k++) {
		buf = rs_outq_put(q, buf, fill(buf, size, k), &e);
		assert_non_null(buf);
	}
	assert_int_equal(rs_outq_finish(q), 0);
	free(buf);
	got = slurp(fp, &len);
	assert_memory_equal(got, "head;", 5);
	off = 5;
	for (k = 0; k < nbuf; k++) {
		char want[4096];
		size_t n = fill(want, size, k);

		assert_true(off + n <= len);
		assert_memory_equal(got + off, want, n);
		off += n;
	}
	assert_int_equal(off, len);
	free(got);
	fclose(fp);
}

static void test_stream_without_descriptor_gets_no_thread(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	(void)state;
	assert_non_null(fp);
	assert_null(rs_outq_start(fp, 4096, NULL));
	fclose(fp);
	free(out);
}

static void test_write_error_comes_back_from_the_next_put_and_finish(void **state)
{
	FILE *fp = open_dev_full();
	char *buf, *kept;
	rs_outq *q;
	int e = 0;

	(void)state;
	if (fp == NULL)
		skip();
	buf = malloc(4096);
	assert_non_null(buf);
	memset(buf, 'x', 4096);
	q = rs_outq_start(fp, 4096, NULL);
	assert_non_null(q);
	buf = rs_outq_put(q, buf, 4096, &e); /* fails in the thread */
	assert_non_null(buf);
	assert_int_equal(e, 0);
	kept = buf;
	assert_null(rs_outq_put(q, buf, 4096, &e));
	assert_int_equal(e, ENOSPC);
	/* The refused buffer is still the caller's; the error sticks. */
	kept[0] = 'y';
	e = 0;
	assert_null(rs_outq_put(q, kept, 1, &e));
	assert_int_equal(e, ENOSPC);
	assert_int_equal(rs_outq_finish(q), ENOSPC);
	free(kept);
	fclose(fp);
}

static void test_closed_pipe_is_epipe_not_a_signal(void **state)
{
	int fds[2];
	FILE *fp;
	char *buf = malloc(1024);
	rs_outq *q;
	int e = 0;

	(void)state;
	assert_non_null(buf);
	memset(buf, 'x', 1024);
	(void)signal(SIGPIPE, SIG_IGN);
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	fp = fdopen(fds[1], "w");
	assert_non_null(fp);
	q = rs_outq_start(fp, 1024, NULL);
	assert_non_null(q);
	buf = rs_outq_put(q, buf, 1024, &e);
	assert_non_null(buf);
	assert_int_equal(rs_outq_finish(q), EPIPE);
	free(buf);
	fclose(fp);
	(void)signal(SIGPIPE, SIG_DFL);
}

/* A pipe nobody reads: the thread blocks in write once the pipe is full. */
static rs_outq *stalled_queue(int fds[2], FILE **fp, char **buf, size_t size)
{
	rs_outq *q;
	int e = 0;

	assert_int_equal(pipe(fds), 0);
	*fp = fdopen(fds[1], "w");
	assert_non_null(*fp);
	*buf = malloc(size);
	assert_non_null(*buf);
	memset(*buf, 'x', size);
	q = rs_outq_start(*fp, size, &flag);
	assert_non_null(q);
	*buf = rs_outq_put(q, *buf, size, &e); /* more than a pipe holds */
	assert_non_null(*buf);
	return q;
}

static void test_interrupt_ends_a_wait_on_a_stalled_output(void **state)
{
	const size_t size = (size_t)1 << 20;
	int fds[2], e = 0;
	FILE *fp;
	char *buf;
	rs_outq *q;
	double t0;

	(void)state;
	flag = 0;
	q = stalled_queue(fds, &fp, &buf, size);
	alarm_in(200, on_alarm);
	t0 = now();
	assert_null(rs_outq_put(q, buf, size, &e)); /* waits until the signal */
	assert_int_equal(e, EINTR);
	assert_int_equal(flag, SIGALRM);
	assert_true(now() - t0 >= 0.15);
	watchdog(WATCHDOG_SECONDS);
	/* The flag stays raised: finish gives up at once and stops the thread,
	 * whose write is still blocked. */
	assert_int_equal(rs_outq_finish(q), EINTR);
	(void)alarm(0);
	free(buf);
	fclose(fp);
	close(fds[0]);
}

static void test_a_wait_goes_on_through_signals_that_do_not_interrupt(void **state)
{
	const size_t size = (size_t)1 << 20;
	int fds[2], e = 0;
	FILE *fp;
	char *buf;
	rs_outq *q;
	char *sink;

	(void)state;
	flag = 0;
	q = stalled_queue(fds, &fp, &buf, size);
	/* Another thread of this test would read the pipe; a child does it. */
	sink = malloc(size);
	assert_non_null(sink);
	if (fork() == 0) {
		size_t got = 0;
		ssize_t k;

		close(fds[1]);
		usleep(300000);
		while ((k = read(fds[0], sink, size)) > 0)
			got += (size_t)k;
		_exit(got == 2 * size ? 0 : 1);
	}
	close(fds[0]);
	/* A signal whose handler leaves the flag down: the wait goes on. */
	alarm_in(100, on_alarm_ignore);
	buf = rs_outq_put(q, buf, size, &e);
	assert_int_equal(flag, 0);
	assert_true(nalarm > 0);
	assert_non_null(buf);
	assert_int_equal(rs_outq_finish(q), 0);
	watchdog(0);
	fclose(fp);
	free(buf);
	free(sink);
	{
		int status = 1;

		assert_true(wait(&status) > 0);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

static void test_abort_stops_a_write_that_would_block_forever(void **state)
{
	const size_t size = (size_t)1 << 20;
	int fds[2];
	FILE *fp;
	char *buf;
	rs_outq *q;
	double t0;

	(void)state;
	flag = 0;
	q = stalled_queue(fds, &fp, &buf, size);
	usleep(50000); /* let the thread block in write */
	watchdog(WATCHDOG_SECONDS);
	t0 = now();
	rs_outq_abort(q);
	assert_true(now() - t0 < 5.0);
	(void)alarm(0);
	rs_outq_abort(NULL);
	free(buf);
	fclose(fp);
	close(fds[0]);
}

/* The writer's path without a thread: a write blocked on a pipe nobody
 * reads ends with EINTR once the flag is raised (stdio's fwrite would go
 * back into it), and a pipe that is read takes everything. */
static void test_write_all_ends_a_blocked_write_on_interrupt(void **state)
{
	const size_t size = (size_t)1 << 20;
	char *buf = malloc(size);
	int fds[2];
	double t0;

	(void)state;
	assert_non_null(buf);
	memset(buf, 'x', size);
	assert_int_equal(pipe(fds), 0);
	flag = 0;
	alarm_in(200, on_alarm);
	t0 = now();
	assert_int_equal(rs_write_all(fds[1], buf, size, &flag), EINTR);
	assert_true(now() - t0 >= 0.15);
	watchdog(0);
	close(fds[0]);
	close(fds[1]);
	assert_int_equal(pipe(fds), 0);
	if (fork() == 0) {
		size_t got = 0;
		ssize_t k;

		close(fds[1]);
		while ((k = read(fds[0], buf, size)) > 0)
			got += (size_t)k;
		_exit(got == size ? 0 : 1);
	}
	close(fds[0]);
	flag = 0;
	assert_int_equal(rs_write_all(fds[1], buf, size, &flag), 0);
	close(fds[1]);
	{
		int status = 1;

		assert_true(wait(&status) > 0);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffers_reach_the_file_whole_and_in_order),
		cmocka_unit_test(test_stream_without_descriptor_gets_no_thread),
		cmocka_unit_test(test_write_error_comes_back_from_the_next_put_and_finish),
		cmocka_unit_test(test_closed_pipe_is_epipe_not_a_signal),
		cmocka_unit_test(test_interrupt_ends_a_wait_on_a_stalled_output),
		cmocka_unit_test(test_a_wait_goes_on_through_signals_that_do_not_interrupt),
		cmocka_unit_test(test_abort_stops_a_write_that_would_block_forever),
		cmocka_unit_test(test_write_all_ends_a_blocked_write_on_interrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
