/*
 * atomic.c - output files that appear whole or not at all: write to a
 * temporary in the same directory (same file system, so rename(2) is
 * atomic), fsync, rename over the target, fsync the directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

struct rs_atomic {
	char *path;
	char *tmp;
	FILE *fp;
};

rs_status rs_atomic_open(rs_atomic **out, const char *path, rs_error *err)
{
	rs_atomic *a = rs_calloc(1, sizeof *a);
	size_t n = strlen(path);
	struct stat st;
	mode_t mode, mask;
	int fd;

	*out = NULL;
	err->file = path;
	if (a == NULL || (a->path = rs_strdup(path)) == NULL || (a->tmp = rs_malloc(n + 16)) == NULL) {
		rs_atomic_abort(a);
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	memcpy(a->tmp, path, n);
	memcpy(a->tmp + n, ".tmp.XXXXXX", 12);
	fd = mkstemp(a->tmp);
	if (fd < 0) {
		int e = errno;
		rs_free(a->tmp);
		a->tmp = NULL;
		rs_atomic_abort(a);
		return rs_error_set(err, RS_EIO, 0, "cannot create a file in its directory: %s",
		                    strerror(e));
	}
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		(void)umask(mask);
		mode = 0666 & ~mask;
	}
	(void)fchmod(fd, mode);
	a->fp = fdopen(fd, "w");
	if (a->fp == NULL) {
		int e = errno;
		(void)close(fd);
		rs_atomic_abort(a);
		return rs_error_set(err, RS_EIO, 0, "%s", strerror(e));
	}
	*out = a;
	return RS_OK;
}

FILE *rs_atomic_file(rs_atomic *a)
{
	return a->fp;
}

/* fsync the directory holding path, so the rename itself is durable. */
static void sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = rs_strdup(".");
	else
		dir = rs_strndup(path, slash == path ? 1 : (size_t)(slash - path));
	if (dir == NULL)
		return;
	fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd);
		(void)close(fd);
	}
	rs_free(dir);
}

rs_status rs_atomic_commit(rs_atomic *a, rs_error *err)
{
	int e = 0;
	FILE *fp = a->fp;

	err->file = a->path;
	a->fp = NULL;
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0)
		e = errno ? errno : EIO;
	if (fclose(fp) != 0 && e == 0)
		e = errno;
	if (e == 0 && rename(a->tmp, a->path) != 0)
		e = errno;
	if (e != 0) {
		rs_atomic_abort(a);
		return rs_error_set(err, RS_EIO, 0, "write failed, file left unchanged: %s",
		                    strerror(e));
	}
	sync_dir(a->path);
	rs_free(a->tmp);
	a->tmp = NULL;
	rs_atomic_abort(a);
	return RS_OK;
}

void rs_atomic_abort(rs_atomic *a)
{
	if (a == NULL)
		return;
	if (a->fp != NULL)
		(void)fclose(a->fp);
	if (a->tmp != NULL)
		(void)unlink(a->tmp);
	rs_free(a->tmp);
	rs_free(a->path);
	rs_free(a);
}
