/*
 * test_child.h - the command line's code run in a child process, as the
 * shell would run it: stdin from a given text, stdout and stderr caught,
 * the exit code returned. The front end may close stdout and installs
 * signal handlers; the test process keeps neither. Include after cmocka.h.
 */
#ifndef RS_TEST_CHILD_H
#define RS_TEST_CHILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_files.h" /* slurp */

typedef struct child {
	int code;  /* the exit code; 128 + the signal that ended it */
	char *out; /* stdout, NUL-terminated (free with child_free) */
	char *err; /* stderr */
} child;

/* fn(ctx) in a child, its return value the exit code; stdin holds `in`
 * (NULL: empty). */
static inline child child_run(int (*fn)(void *), void *ctx, const char *in)
{
	FILE *fin = tmpfile(), *fout = tmpfile(), *ferr = tmpfile();
	child c;
	pid_t pid;
	int status;

	assert_non_null(fin);
	assert_non_null(fout);
	assert_non_null(ferr);
	if (in != NULL)
		assert_int_equal(fwrite(in, 1, strlen(in), fin), strlen(in));
	assert_int_equal(fflush(fin), 0);
	rewind(fin);
	(void)fflush(NULL); /* nothing buffered is written twice */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (dup2(fileno(fin), 0) < 0 || dup2(fileno(fout), 1) < 0 || dup2(fileno(ferr), 2) < 0)
			_exit(99);
		clearerr(stdin);
		status = fn(ctx);
		(void)fflush(NULL);
		_exit(status);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	c.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	c.out = slurp(fout, NULL);
	c.err = slurp(ferr, NULL);
	fclose(fin);
	fclose(fout);
	fclose(ferr);
	return c;
}

static inline void child_free(child *c)
{
	free(c->out);
	free(c->err);
	c->out = c->err = NULL;
}

#endif
