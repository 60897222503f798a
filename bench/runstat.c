/*
 * runstat.c - measures one command the same way for every tool in the bench:
 *   runstat IN OUT ERR -- CMD [ARGS...]
 * runs CMD with stdin from IN, stdout to OUT and stderr to ERR (truncated),
 * and prints one line on stdout:
 *   seconds=<wall, CLOCK_MONOTONIC> maxrss_kib=<wait4 ru_maxrss>
 *   user=<CPU seconds in user space> sys=<CPU seconds in the kernel> status=<exit code, or 128+signal>
 * (user and sys from wait4's rusage: on a busy machine they show the work
 * itself when wall time also holds waiting)
 * Its own exit status is 0 when it could run and wait for CMD, 2 otherwise
 * (CMD's status is in the line, so the caller decides what a failure is).
 * CMD runs without address-space randomisation (as under `setarch -R`): with
 * it, where the libraries and buffers happen to fall across page boundaries
 * moves peak RSS by about 200 KiB from run to run (relstage, JSON Lines:
 * 2536-2752 KiB on one input; 2672 KiB every time without it), which is
 * most of the 10% the "flat across sizes" target allows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/personality.h>
#endif
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int redirect(const char *path, int flags, int fd)
{
	int f = open(path, flags, 0644);
	if (f < 0)
		return -1;
	if (f != fd) {
		if (dup2(f, fd) < 0)
			return -1;
		close(f);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;

	if (argc < 6 || strcmp(argv[4], "--") != 0) {
		fprintf(stderr, "usage: runstat IN OUT ERR -- CMD [ARGS...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("runstat: fork");
		return 2;
	}
	if (pid == 0) {
		if (redirect(argv[1], O_RDONLY, STDIN_FILENO) < 0 ||
		    redirect(argv[2], O_WRONLY | O_CREAT | O_TRUNC, STDOUT_FILENO) < 0 ||
		    redirect(argv[3], O_WRONLY | O_CREAT | O_TRUNC, STDERR_FILENO) < 0) {
			perror("runstat: redirect");
			_exit(127);
		}
#ifdef __linux__
		(void)personality(ADDR_NO_RANDOMIZE); /* a failure only keeps the noise */
#endif
		execvp(argv[5], argv + 5);
		fprintf(stderr, "runstat: %s: %s\n", argv[5], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("runstat: wait4");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	printf("seconds=%.6f maxrss_kib=%ld user=%.6f sys=%.6f status=%d\n", secs, ru.ru_maxrss,
	       (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, code);
	return 0;
}
