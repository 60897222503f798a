/*
 * inject_io.c - an LD_PRELOAD shim that makes stdio fail on demand, after
 * jq's tests/inject_errors.c, for the I/O-failure tests
 * (tests/e2e/scripts/robust_io.sh):
 *   RS_INJECT_READ_AFTER=N   fread fails with EIO once N bytes were read
 *   RS_INJECT_WRITE_AFTER=N  fwrite (not to stderr) fails with ENOSPC once
 *                            N bytes were written
 *   RS_INJECT_FCLOSE=1       fclose of a stream opened for writing (not a
 *                            standard stream) closes it but reports EIO
 *   RS_INJECT_FCLOSE_SIGNAL=N  such an fclose first raises signal N: a
 *                            signal that comes while the outputs are closed
 * The stream's error flag is set as a real failure would (glibc's
 * _IO_ERR_SEEN), so ferror() sees it.
 *   cc -shared -fPIC -o inject_io.so tools/inject_io.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long long budget(const char *name, int *on)
{
	const char *v = getenv(name);

	*on = v != NULL && *v != '\0';
	return *on ? strtoull(v, NULL, 10) : 0;
}

/* Bytes written so far by fwrite. */
static unsigned long long written;

static void set_error(FILE *fp, int e)
{
	fp->_flags |= _IO_ERR_SEEN;
	errno = e;
}

size_t fread(void *p, size_t size, size_t n, FILE *fp)
{
	static size_t (*real)(void *, size_t, size_t, FILE *);
	static unsigned long long done;
	int on;
	unsigned long long left = budget("RS_INJECT_READ_AFTER", &on);
	size_t got;

	if (real == NULL)
		real = (size_t (*)(void *, size_t, size_t, FILE *))dlsym(RTLD_NEXT, "fread");
	if (on && size != 0) {
		if (done >= left) {
			set_error(fp, EIO);
			return 0;
		}
		if (n > (left - done) / size) {
			/* A short count with the error flag, as when read(2) fails. */
			got = real(p, size, (size_t)((left - done) / size), fp);
			done = left;
			set_error(fp, EIO);
			return got;
		}
	}
	got = real(p, size, n, fp);
	done += (unsigned long long)got * size;
	return got;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
	static size_t (*real)(const void *, size_t, size_t, FILE *);
	unsigned long long done = written;
	int on;
	unsigned long long left = budget("RS_INJECT_WRITE_AFTER", &on);
	size_t put;

	if (real == NULL)
		real = (size_t (*)(const void *, size_t, size_t, FILE *))dlsym(RTLD_NEXT, "fwrite");
	if (on && size != 0 && fp != stderr) {
		if (done >= left) {
			set_error(fp, ENOSPC);
			return 0;
		}
		if (n > (left - done) / size) {
			put = real(p, size, (size_t)((left - done) / size), fp);
			written += (unsigned long long)put * size;
			set_error(fp, ENOSPC);
			return put;
		}
	}
	put = real(p, size, n, fp);
	written += (unsigned long long)put * size;
	return put;
}

int fclose(FILE *fp)
{
	static int (*real)(FILE *);
	const char *v = getenv("RS_INJECT_FCLOSE");
	int fd = fileno(fp);
	int writing = fd >= 0 && (fcntl(fd, F_GETFL) & O_ACCMODE) != O_RDONLY;
	int std = fp == stdin || fp == stdout || fp == stderr;
	int rc;

	if (real == NULL)
		real = (int (*)(FILE *))dlsym(RTLD_NEXT, "fclose");
	if (writing && !std && getenv("RS_INJECT_FCLOSE_SIGNAL") != NULL)
		(void)raise(atoi(getenv("RS_INJECT_FCLOSE_SIGNAL")));
	rc = real(fp);
	if (v != NULL && *v == '1' && writing && !std) {
		errno = EIO;
		return EOF;
	}
	return rc;
}
