/*
 * cli_atomic.c - the command line's output files that appear whole or not at all: write to a
 * temporary in the same directory (same file system, so rename(2) is
 * atomic), fsync, rename over the target, fsync the directory.
 * A target that exists and is not a regular file (/dev/null, a FIFO,
 * /dev/full), or any name in /dev or /proc, is written in place: renaming
 * over it would replace a device node or /dev/stdout's link with a plain
 * file (as root), which is never wanted. /dev/stdout, /dev/stderr and
 * /dev/fd/N write to the descriptor itself, so `>> log` still appends;
 * "-" is standard output, as it is standard input among the inputs.
 * Any other symbolic link to a regular file is followed, so the link stays
 * a link. A file replaced keeps what `>` would keep: it must be writable,
 * and its owner, group and mode carry over.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

struct cli_atomic {
	const char *name; /* borrowed from the caller, for rs_error.file (which
	                     must outlive a, since commit frees a on failure) */
	char *real; /* the file replaced: path, or what its symbolic link names */
	char *tmp;  /* NULL when writing in place */
	FILE *fp;   /* NULL once closed */
	bool failed; /* a close failed: the temporary is gone */
};

/* The file to replace: path itself, or the regular file a symlink names. */
static char *target_of(const char *path)
{
	struct stat st;
	char *r;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return strdup(path);
	r = realpath(path, NULL);
	return r != NULL ? r : strdup(path); /* a dangling link is replaced like a file */
}

/* Whether path is in /dev or /proc, or a symbolic link straight into one:
 * names that are never replaced, only written. */
static bool system_name(const char *path)
{
	char to[16];
	ssize_t n = readlink(path, to, sizeof to);

	return strcmp(path, "-") == 0 || strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0 ||
	       (n >= 5 && strncmp(to, "/dev/", 5) == 0) || (n >= 6 && strncmp(to, "/proc/", 6) == 0);
}

/* The descriptor /dev/stdout (or "-", as for an input), /dev/stderr,
 * /dev/fd/N or /proc/self/fd/N names, else -1. */
static int own_fd(const char *path)
{
	const char *d = strncmp(path, "/dev/fd/", 8) == 0         ? path + 8
	                : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14
	                                                           : NULL;
	char *end;
	long n;

	if (strcmp(path, "/dev/stdout") == 0 || strcmp(path, "-") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	if (d == NULL || *d < '0' || *d > '9')
		return -1;
	n = strtol(d, &end, 10);
	return *end == '\0' && n <= 1024 ? (int)n : -1;
}

/* Writes straight into an existing non-regular file, or into one of the
 * process's own descriptors as it stands (its offset and append mode). */
static rs_status open_in_place(cli_atomic *a, const char *path, rs_error *err)
{
	int own = own_fd(path), fd;

	if (own < 0)
		a->fp = fopen(path, "w");
	else if ((fd = dup(own)) >= 0 && (a->fp = fdopen(fd, "w")) == NULL)
		(void)close(fd);
	if (a->fp == NULL)
		return rs_error_set(err, RS_EIO, 0, "cannot open: %s", strerror(errno));
	return RS_OK;
}

/*
 * The temporary: FILE.tmp.XXXXXX beside FILE; for a name within 11 bytes
 * of the file system's limit, .relstage.tmp.XXXXXX in its directory.
 */
static int make_temporary(cli_atomic *a)
{
	const char *slash = strrchr(a->real, '/');
	size_t n = strlen(a->real), dir = slash ? (size_t)(slash - a->real) + 1 : 0;
	int fd;

	if ((a->tmp = malloc(n + 22)) == NULL)
		return -1;
	memcpy(a->tmp, a->real, n);
	memcpy(a->tmp + n, ".tmp.XXXXXX", 12);
	fd = mkstemp(a->tmp);
	if (fd < 0 && errno == ENAMETOOLONG) {
		memcpy(a->tmp + dir, ".relstage.tmp.XXXXXX", 21);
		fd = mkstemp(a->tmp);
	}
	return fd;
}

static rs_status open_temporary(cli_atomic *a, const struct stat *old, bool exists, rs_error *err)
{
	mode_t mode, mask;
	int fd, e;

	fd = make_temporary(a);
	if (fd < 0 && a->tmp == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	if (fd < 0) {
		e = errno;
		free(a->tmp);
		a->tmp = NULL;
		return rs_error_set(err, RS_EIO, 0, "cannot create a file in its directory: %s",
		                    strerror(e));
	}
	if (exists) { /* as a shell's > leaves it: owner, group and mode */
		(void)fchown(fd, old->st_uid, old->st_gid); /* only root may give it away */
		mode = old->st_mode & 07777;
	} else {
		mask = umask(0);
		(void)umask(mask);
		mode = 0666 & ~mask;
	}
	(void)fchmod(fd, mode);
	a->fp = fdopen(fd, "w");
	if (a->fp == NULL) {
		e = errno;
		(void)close(fd);
		return rs_error_set(err, RS_EIO, 0, "%s", strerror(e));
	}
	return RS_OK;
}

rs_status cli_atomic_open(cli_atomic **out, const char *path, rs_error *err)
{
	cli_atomic *a = calloc(1, sizeof *a);
	struct stat st;
	bool exists;
	rs_status s;

	*out = NULL;
	err->file = path;
	if (a != NULL)
		a->name = path;
	if (a == NULL || (a->real = target_of(path)) == NULL) {
		cli_atomic_abort(a);
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	exists = stat(a->real, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		s = rs_error_set(err, RS_EIO, 0, "is a directory");
	else if (system_name(path))
		s = open_in_place(a, path, err);
	else if (exists && !S_ISREG(st.st_mode))
		s = open_in_place(a, a->real, err);
	else if (exists && access(a->real, W_OK) != 0) /* a shell's > would fail too */
		s = rs_error_set(err, RS_EIO, 0, "cannot open: %s", strerror(errno));
	else
		s = open_temporary(a, &st, exists, err);
	if (s != RS_OK) {
		cli_atomic_abort(a);
		return s;
	}
	*out = a;
	return RS_OK;
}

FILE *cli_atomic_file(cli_atomic *a)
{
	return a->fp;
}

/* The directory part of path, "." when it has none; NULL when out of memory. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* fsync the directory holding path, so the rename itself is durable. */
static void sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd;

	if (dir == NULL)
		return;
	fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd);
		(void)close(fd);
	}
	free(dir);
}

static bool same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

bool cli_atomic_same(const char *a, const char *b)
{
	struct stat sa, sb;
	bool ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0, same;
	const char *na = strrchr(a, '/'), *nb = strrchr(b, '/');
	char *da, *db;

	if (system_name(a) || system_name(b)) /* written in place: no clash */
		return false;
	if (ea || eb) /* devices and FIFOs are written in place: no clash */
		return ea && eb && S_ISREG(sa.st_mode) && same_inode(&sa, &sb);
	if (strcmp(na ? na + 1 : a, nb ? nb + 1 : b) != 0)
		return false;
	da = dir_of(a);
	db = dir_of(b);
	same = da != NULL && db != NULL && stat(da, &sa) == 0 && stat(db, &sb) == 0 && same_inode(&sa, &sb);
	free(da);
	free(db);
	return same;
}

/* The failure of a flush, fsync or close: the temporary goes, a stays. */
static rs_status close_failed(cli_atomic *a, int e, rs_error *err)
{
	bool in_place = a->tmp == NULL;

	if (a->tmp != NULL)
		(void)unlink(a->tmp);
	free(a->tmp);
	a->tmp = NULL;
	a->failed = true;
	return rs_error_set(err, RS_EIO, 0, in_place ? "write failed: %s" : "write failed, file left unchanged: %s",
	                    strerror(e));
}

rs_status cli_atomic_close(cli_atomic *a, rs_error *err)
{
	int e = 0;
	FILE *fp = a->fp;

	err->file = a->name;
	if (fp == NULL)
		return a->failed ? rs_error_set(err, RS_EIO, 0, "write failed") : RS_OK;
	a->fp = NULL;
	errno = 0;
	if (fflush(fp) != 0 || ferror(fp))
		e = errno ? errno : EIO;
	/* A device or FIFO need not support fsync (EINVAL); a file must. */
	if (e == 0 && a->tmp != NULL && fsync(fileno(fp)) != 0)
		e = errno;
	if (fclose(fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	return e != 0 ? close_failed(a, e, err) : RS_OK;
}

rs_status cli_atomic_commit(cli_atomic *a, rs_error *err)
{
	rs_status st = cli_atomic_close(a, err);

	if (st == RS_OK && a->tmp != NULL && rename(a->tmp, a->real) != 0)
		st = close_failed(a, errno, err);
	if (st == RS_OK && a->tmp != NULL)
		sync_dir(a->real);
	free(a->tmp);
	a->tmp = NULL;
	cli_atomic_abort(a);
	return st;
}

void cli_atomic_abort(cli_atomic *a)
{
	if (a == NULL)
		return;
	if (a->fp != NULL)
		(void)fclose(a->fp);
	if (a->tmp != NULL)
		(void)unlink(a->tmp);
	free(a->tmp);
	free(a->real);
	free(a);
}

rs_status cli_atomic_write(const char *path, const rs_buf *b, rs_error *err)
{
	cli_atomic *a = NULL;
	rs_status st = cli_atomic_open(&a, path, err);

	if (st == RS_OK) {
		(void)fwrite(b->data, 1, b->len, cli_atomic_file(a));
		st = cli_atomic_commit(a, err);
	}
	return st;
}
