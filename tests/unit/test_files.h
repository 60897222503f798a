/*
 * test_files.h - file helpers two test files share (test_write.c,
 * test_out.c): the /dev/full device, and reading a written file back.
 * Include after cmocka.h (the helpers assert).
 */
#ifndef RS_TEST_FILES_H
#define RS_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* /dev/full opened only if it is the device: "w" on a missing one would
 * create a plain file that swallows everything (seen in a sandbox). */
static inline FILE *open_dev_full(void)
{
	struct stat st;

	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		return NULL;
	return fopen("/dev/full", "r+");
}

/* Everything fp holds, from the start, NUL-terminated (free()); its length
 * in *len unless len is NULL. */
static inline char *slurp(FILE *fp, size_t *len)
{
	long n;
	char *s;

	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	s[n] = '\0';
	if (len != NULL)
		*len = (size_t)n;
	return s;
}

#endif
