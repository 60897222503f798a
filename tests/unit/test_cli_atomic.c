/* test_cli_atomic.c (cli_atomic.c) - an output file appears whole or not at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/rs-atomic-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void expect_file(const char *path, const char *text)
{
	char buf[256] = "";
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_string_equal(buf, text);
}

static size_t entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_commit_replaces_and_keeps_mode(void **state)
{
	char path[128];
	cli_atomic *a = NULL;
	rs_error err;
	struct stat st;

	(void)state;
	memset(&err, 0, sizeof err);
	snprintf(path, sizeof path, "%s/out.csv", dir);
	write_file(path, "old\n");
	chmod(path, 0640);
	assert_int_equal(cli_atomic_open(&a, path, &err), RS_OK);
	fputs("new\n", cli_atomic_file(a));
	expect_file(path, "old\n"); /* nothing visible before commit */
	assert_int_equal(cli_atomic_commit(a, &err), RS_OK);
	expect_file(path, "new\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(entries(), 1);
}

/* A name too long for FILE.tmp.XXXXXX (within 11 bytes of NAME_MAX) still
 * gets its temporary, a short one in the same directory. */
static void test_name_near_the_limit_gets_a_short_temporary(void **state)
{
	char path[512];
	cli_atomic *a = NULL;
	rs_error err;
	size_t before = entries(), n;
	DIR *d;
	struct dirent *e;
	bool seen = false;

	(void)state;
	memset(&err, 0, sizeof err);
	n = (size_t)snprintf(path, sizeof path, "%s/", dir);
	memset(path + n, 'x', 250);
	strcpy(path + n + 250, ".csv");
	assert_int_equal(cli_atomic_open(&a, path, &err), RS_OK);
	fputs("new\n", cli_atomic_file(a));
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)) != NULL)
		seen |= strncmp(e->d_name, ".relstage.tmp.", 14) == 0;
	closedir(d);
	assert_true(seen);
	assert_int_equal(cli_atomic_commit(a, &err), RS_OK);
	expect_file(path, "new\n");
	assert_int_equal(entries(), before + 1);
	assert_int_equal(unlink(path), 0);
}

/* cli_atomic_write: a buffer becomes the whole file; a missing directory is an error. */
static void test_write_puts_a_buffer_in_place_whole(void **state)
{
	char path[128];
	rs_buf b = {(char *)"{\"a\":1}\n", 8, 9, false};
	rs_error err;
	size_t n;

	(void)state;
	memset(&err, 0, sizeof err);
	snprintf(path, sizeof path, "%s/summary.json", dir);
	write_file(path, "old\n");
	n = entries();
	assert_int_equal(cli_atomic_write(path, &b, &err), RS_OK);
	expect_file(path, "{\"a\":1}\n");
	assert_int_equal(entries(), n); /* no temporary left */
	assert_int_equal(cli_atomic_write("/nonexistent-dir/s.json", &b, &err), RS_EIO);
	unlink(path);
}

static void test_abort_leaves_old_file_and_no_temporary(void **state)
{
	char path[128];
	cli_atomic *a = NULL;
	rs_error err;

	(void)state;
	memset(&err, 0, sizeof err);
	snprintf(path, sizeof path, "%s/keep.csv", dir);
	write_file(path, "old\n");
	assert_int_equal(cli_atomic_open(&a, path, &err), RS_OK);
	fputs("partial", cli_atomic_file(a));
	cli_atomic_abort(a);
	expect_file(path, "old\n");
	assert_int_equal(entries(), 2); /* out.csv from before, keep.csv */
	cli_atomic_abort(NULL);
}

/* Closed is not committed: the old file stays until the rename, so a run
 * can close every output and still give up (a signal) replacing none. */
static void test_closed_file_replaces_nothing_until_commit(void **state)
{
	char path[128];
	cli_atomic *a = NULL;
	rs_error err;

	(void)state;
	memset(&err, 0, sizeof err);
	snprintf(path, sizeof path, "%s/closed.csv", dir);
	write_file(path, "old\n");
	assert_int_equal(cli_atomic_open(&a, path, &err), RS_OK);
	fputs("new\n", cli_atomic_file(a));
	assert_int_equal(cli_atomic_close(a, &err), RS_OK);
	expect_file(path, "old\n");
	cli_atomic_abort(a);
	expect_file(path, "old\n");
	assert_int_equal(cli_atomic_open(&a, path, &err), RS_OK);
	fputs("new\n", cli_atomic_file(a));
	assert_int_equal(cli_atomic_close(a, &err), RS_OK);
	assert_int_equal(cli_atomic_commit(a, &err), RS_OK);
	expect_file(path, "new\n");
	unlink(path);
}

/* Outputs that would be one file: by inode when they exist, else by
 * directory and name; devices are written in place and never clash. */
static void test_same_file_by_inode_or_directory_and_name(void **state)
{
	char a[128], b[128], link[128];

	(void)state;
	snprintf(a, sizeof a, "%s/same.csv", dir);
	snprintf(b, sizeof b, "%s/./same.csv", dir);
	assert_true(cli_atomic_same(a, b)); /* neither exists yet */
	snprintf(b, sizeof b, "%s/other.csv", dir);
	assert_false(cli_atomic_same(a, b));
	write_file(a, "x\n");
	snprintf(link, sizeof link, "%s/same-link.csv", dir);
	assert_int_equal(symlink(a, link), 0);
	assert_true(cli_atomic_same(link, a));
	assert_false(cli_atomic_same(a, b)); /* one exists, the other not */
	assert_false(cli_atomic_same("/dev/null", "/dev/null"));
	unlink(link);
	unlink(a);
}

static void test_open_in_missing_directory_fails_with_message(void **state)
{
	cli_atomic *a = NULL;
	rs_error err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(cli_atomic_open(&a, "/nonexistent-dir/x.csv", &err), RS_EIO);
	assert_null(a);
	assert_non_null(strstr(err.msg, "No such file"));
	assert_string_equal(err.file, "/nonexistent-dir/x.csv");
}

static void test_device_target_is_written_in_place_not_replaced(void **state)
{
	cli_atomic *a = NULL;
	rs_error err;
	struct stat st;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(cli_atomic_open(&a, "/dev/null", &err), RS_OK);
	fputs("gone\n", cli_atomic_file(a));
	assert_int_equal(cli_atomic_commit(a, &err), RS_OK);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

/* /dev/fd/N (as /dev/stdout) whose descriptor is a regular file opened to
 * append: written into the descriptor, never renamed over. */
static void test_own_descriptor_is_written_in_place(void **state)
{
	cli_atomic *a = NULL;
	rs_error err;
	struct stat before, after;
	char path[128], fdname[32];
	size_t files;
	int fd;

	(void)state;
	memset(&err, 0, sizeof err);
	(void)snprintf(path, sizeof path, "%s/log", dir);
	write_file(path, "first\n");
	files = entries();
	fd = open(path, O_WRONLY | O_APPEND);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &before), 0);
	(void)snprintf(fdname, sizeof fdname, "/dev/fd/%d", fd);
	assert_int_equal(cli_atomic_open(&a, fdname, &err), RS_OK);
	fputs("second\n", cli_atomic_file(a));
	assert_int_equal(cli_atomic_commit(a, &err), RS_OK);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	expect_file(path, "first\nsecond\n");
	assert_int_equal(entries(), files); /* no temporary */
	assert_false(cli_atomic_same(fdname, path)); /* written in place: no clash */
	(void)close(fd);
	(void)unlink(path);
}

static void test_full_device_commit_is_a_write_error(void **state)
{
	cli_atomic *a = NULL;
	rs_error err;
	struct stat st;
	int i;

	(void)state;
	memset(&err, 0, sizeof err);
	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		skip();
	assert_int_equal(cli_atomic_open(&a, "/dev/full", &err), RS_OK);
	for (i = 0; i < 1000; i++)
		fputs("some text that fills the stdio buffer\n", cli_atomic_file(a));
	assert_int_equal(cli_atomic_commit(a, &err), RS_EIO);
	assert_non_null(strstr(err.msg, "No space left"));
	assert_string_equal(err.file, "/dev/full");
	assert_int_equal(stat("/dev/full", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

static void test_symlink_target_is_replaced_and_link_kept(void **state)
{
	char path[128], link[128];
	cli_atomic *a = NULL;
	rs_error err;
	struct stat st;

	(void)state;
	memset(&err, 0, sizeof err);
	snprintf(path, sizeof path, "%s/real.csv", dir);
	snprintf(link, sizeof link, "%s/link.csv", dir);
	write_file(path, "old\n");
	assert_int_equal(symlink("real.csv", link), 0);
	assert_int_equal(cli_atomic_open(&a, link, &err), RS_OK);
	fputs("new\n", cli_atomic_file(a));
	assert_int_equal(cli_atomic_commit(a, &err), RS_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	expect_file(path, "new\n");
	unlink(link);
	unlink(path);
}

static void test_directory_target_fails_without_temporary(void **state)
{
	cli_atomic *a = NULL;
	rs_error err;
	size_t before = entries();

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(cli_atomic_open(&a, dir, &err), RS_EIO);
	assert_null(a);
	assert_string_equal(err.msg, "is a directory");
	assert_int_equal(entries(), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_replaces_and_keeps_mode),
		cmocka_unit_test(test_name_near_the_limit_gets_a_short_temporary),
		cmocka_unit_test(test_write_puts_a_buffer_in_place_whole),
		cmocka_unit_test(test_abort_leaves_old_file_and_no_temporary),
		cmocka_unit_test(test_closed_file_replaces_nothing_until_commit),
		cmocka_unit_test(test_same_file_by_inode_or_directory_and_name),
		cmocka_unit_test(test_open_in_missing_directory_fails_with_message),
		cmocka_unit_test(test_device_target_is_written_in_place_not_replaced),
		cmocka_unit_test(test_own_descriptor_is_written_in_place),
		cmocka_unit_test(test_full_device_commit_is_a_write_error),
		cmocka_unit_test(test_symlink_target_is_replaced_and_link_kept),
		cmocka_unit_test(test_directory_target_fails_without_temporary),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
