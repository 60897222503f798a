/* test_out.c - the writers' output buffer (out.c): bytes in order across
 * its end, errors that stick, and a write a signal interrupts. */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_files.h"

#include "out.h"

/* Appends that cross the buffer's end (puts of every size, bytes, spaces,
 * one put larger than the buffer) reach the file in order. */
static void test_bytes_cross_the_buffer_end_in_order(void **state)
{
	FILE *fp = tmpfile();
	rs_out o;
	rs_error err;
	char *want = malloc(100000), *got, big[700];
	size_t n = 0, len, i;

	(void)state;
	assert_non_null(fp);
	assert_non_null(want);
	memset(&err, 0, sizeof err);
	assert_int_equal(rs_out_init(&o, fp, 64, &err), RS_OK);
	for (i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	for (i = 0; i < 300; i++) {
		size_t k = i % 97;

		rs_out_put(&o, big + i % 50, k);
		memcpy(want + n, big + i % 50, k);
		n += k;
		rs_out_putc(&o, '|');
		want[n++] = '|';
		rs_out_spaces(&o, i % 70);
		memset(want + n, ' ', i % 70);
		n += i % 70;
	}
	rs_out_put(&o, big, sizeof big);
	memcpy(want + n, big, sizeof big);
	n += sizeof big;
	assert_int_equal(rs_out_finish(&o, &err), RS_OK);
	rs_out_free(&o);
	got = slurp(fp, &len);
	assert_int_equal(len, n);
	assert_memory_equal(got, want, n);
	free(got);
	free(want);
	(void)fclose(fp);
}

/* A full disk: the first error is kept with its errno, nothing is written
 * after it, and finishing reports it. */
static void test_write_error_sticks_with_its_errno(void **state)
{
	FILE *fp = open_dev_full();
	rs_out o;
	rs_error err;
	int i;

	(void)state;
	if (fp == NULL)
		skip();
	memset(&err, 0, sizeof err);
	assert_int_equal(rs_out_init(&o, fp, 4096, &err), RS_OK);
	for (i = 0; i < 3000 && !o.failed; i++)
		rs_out_put(&o, "0123456789", 10);
	assert_true(o.failed);
	assert_int_equal(o.err, ENOSPC);
	rs_out_put(&o, "more", 4);
	rs_out_putc(&o, 'x');
	assert_false(rs_out_flush(&o)); /* nothing more is written */
	assert_int_equal(o.len, 0);
	assert_int_equal(o.err, ENOSPC);
	assert_int_equal(rs_out_finish(&o, &err), RS_EIO);
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
	rs_out_free(&o);
	(void)fclose(fp);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/*
 * In a child: a pipe whose reader (the child itself) never reads, 1 MiB to
 * write into it, and SIGALRM a second later, caught by a handler installed
 * without SA_RESTART (as the command line installs its own). Exits 0 when
 * the flush failed with EINTR and finishing reported it.
 */
static void stalled_write_child(void)
{
	struct sigaction sa;
	size_t size = (size_t)1 << 20;
	char *block = malloc(size);
	int fd[2];
	FILE *fp;
	rs_out o;
	rs_error err;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	if (block == NULL || sigaction(SIGALRM, &sa, NULL) != 0 || pipe(fd) != 0 ||
	    (fp = fdopen(fd[1], "w")) == NULL)
		_exit(2);
	memset(&err, 0, sizeof err);
	if (rs_out_init(&o, fp, size, &err) != RS_OK || o.piece != PIPE_BUF)
		_exit(3);
	memset(block, 'x', size);
	rs_out_put(&o, block, size); /* more than any pipe holds */
	alarm(1);
	if (rs_out_flush(&o) || o.err != EINTR)
		_exit(4);
	_exit(rs_out_finish(&o, &err) == RS_EIO ? 0 : 5);
}

/*
 * The reader of a pipe stalls and a signal comes: the write fails with
 * EINTR instead of waiting on, although stdio resumes a write that a signal
 * cut short after part of it went out. A write still waiting 5 s later
 * fails the test.
 */
static void test_a_signal_ends_a_write_to_a_stalled_pipe(void **state)
{
	int status = 0, i;
	pid_t child, done = 0;

	(void)state;
	child = fork();
	assert_true(child >= 0);
	if (child == 0)
		stalled_write_child();
	for (i = 0; i < 50 && (done = waitpid(child, &status, WNOHANG)) == 0; i++)
		usleep(100000);
	if (done == 0) {
		kill(child, SIGKILL);
		(void)waitpid(child, &status, 0);
		fail_msg("the write still waits 5 s after the signal");
	}
	assert_int_equal(done, child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* To a pipe, the buffer goes in PIPE_BUF pieces, and they arrive whole
 * and in order (a child copies the pipe into a file). */
static void test_bytes_reach_a_pipe_in_order(void **state)
{
	FILE *fp, *back = tmpfile();
	int fd[2], status;
	pid_t child;
	rs_out o;
	rs_error err;
	char *got;
	size_t len, i, n = 300000;

	(void)state;
	assert_non_null(back);
	assert_int_equal(pipe(fd), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		char buf[8192];
		ssize_t k;

		close(fd[1]);
		while ((k = read(fd[0], buf, sizeof buf)) > 0)
			if (fwrite(buf, 1, (size_t)k, back) != (size_t)k)
				_exit(1);
		_exit(fflush(back) == 0 ? 0 : 1);
	}
	close(fd[0]);
	fp = fdopen(fd[1], "w");
	assert_non_null(fp);
	memset(&err, 0, sizeof err);
	assert_int_equal(rs_out_init(&o, fp, 100000, &err), RS_OK);
	for (i = 0; i < n; i++)
		rs_out_putc(&o, (char)('A' + i % 53 % 26));
	assert_int_equal(rs_out_finish(&o, &err), RS_OK);
	rs_out_free(&o);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	got = slurp(back, &len);
	assert_int_equal(len, n);
	for (i = 0; i < n; i++)
		assert_int_equal(got[i], (char)('A' + i % 53 % 26));
	free(got);
	(void)fclose(back);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bytes_cross_the_buffer_end_in_order),
		cmocka_unit_test(test_write_error_sticks_with_its_errno),
		cmocka_unit_test(test_a_signal_ends_a_write_to_a_stalled_pipe),
		cmocka_unit_test(test_bytes_reach_a_pipe_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
