/* test_input.c - rs_input: BOMs, encoding detection, streaming validation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader_impl.h"

/* A FILE holding exactly these bytes (tmpfile, so NULs and size are free). */
static FILE *file_of(const void *p, size_t n)
{
	FILE *fp = tmpfile();

	assert_non_null(fp);
	assert_int_equal(fwrite(p, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* Reads everything with reads of `cap` bytes; returns the final status. */
static rs_status slurp(rs_input *in, size_t cap, char *out, size_t outcap,
                       size_t *outlen, rs_error *err)
{
	char *buf = malloc(cap);
	rs_status st;
	size_t got;

	assert_non_null(buf);
	*outlen = 0;
	for (;;) {
		st = rs_input_read(in, buf, cap, &got, err);
		if (st != RS_OK || got == 0)
			break;
		assert_true(*outlen + got <= outcap);
		memcpy(out + *outlen, buf, got);
		*outlen += got;
	}
	free(buf);
	return st;
}

static rs_status read_all(const void *p, size_t n, const char *enc, char *out,
                          size_t outcap, size_t *outlen, rs_error *err,
                          const char **used)
{
	static char used_buf[48];
	FILE *fp = file_of(p, n);
	rs_input *in = NULL;
	rs_status st = rs_input_open(&in, fp, "t.csv", enc, RS_LANG_EN, err);

	if (st == RS_OK) {
		if (used) {
			(void)snprintf(used_buf, sizeof used_buf, "%s",
			               rs_input_encoding(in));
			*used = used_buf;
		}
		st = slurp(in, 1 << 16, out, outcap, outlen, err);
	}
	rs_input_free(in);
	fclose(fp);
	return st;
}

static void test_utf8_bom_is_dropped(void **state)
{
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	assert_int_equal(read_all("\xEF\xBB\xBFid,name\n", 11, NULL, out,
	                          sizeof out, &n, &err, &enc), RS_OK);
	assert_int_equal(n, 8);
	assert_memory_equal(out, "id,name\n", 8);
	assert_string_equal(enc, "UTF-8");
}

static void test_only_a_bom_reads_as_empty(void **state)
{
	char out[8];
	size_t n = 99;
	rs_error err = {0};

	(void)state;
	assert_int_equal(read_all("\xEF\xBB\xBF", 3, NULL, out, sizeof out, &n,
	                          &err, NULL), RS_OK);
	assert_int_equal(n, 0);
}

static void test_utf16le_bom_is_converted(void **state)
{
	static const unsigned char in[] = {0xFF, 0xFE, 'a', 0, ',', 0,
	                                   0xA2, 0x5B, '\n', 0}; /* a,客\n */
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	assert_int_equal(read_all(in, sizeof in, NULL, out, sizeof out, &n, &err,
	                          &enc), RS_OK);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "a,\xE5\xAE\xA2\n", 6);
	assert_string_equal(enc, "UTF-16LE");
}

static void test_gbk_bytes_decode_as_gb18030_in_auto_mode(void **state)
{
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	/* "客户" in GBK is BF CD BB A7 (not C2 BF: that is 驴), invalid as UTF-8. */
	assert_int_equal(read_all("id,\xBF\xCD\xBB\xA7\n", 8, "auto", out,
	                          sizeof out, &n, &err, &enc), RS_OK);
	assert_string_equal(enc, "GB18030");
	assert_int_equal(n, 10);
	assert_memory_equal(out, "id,\xE5\xAE\xA2\xE6\x88\xB7\n", 10);
}

static void test_named_gbk_decodes(void **state)
{
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	assert_int_equal(read_all("\xBF\xCD\xBB\xA7", 4, "gbk", out, sizeof out,
	                          &n, &err, &enc), RS_OK);
	assert_string_equal(enc, "gbk");
	assert_int_equal(n, 6);
	assert_memory_equal(out, "\xE5\xAE\xA2\xE6\x88\xB7", 6);
}

static void test_unknown_encoding_is_usage_error(void **state)
{
	FILE *fp = file_of("a\n", 2);
	rs_input *in = (rs_input *)1;
	rs_error err = {0};

	(void)state;
	assert_int_equal(rs_input_open(&in, fp, "t.csv", "klingon", RS_LANG_EN, &err),
	                 RS_EUSAGE);
	assert_null(in);
	assert_non_null(strstr(err.msg, "unknown encoding klingon"));
	assert_string_equal(err.file, "t.csv");
	fclose(fp);
}

/* 70000 ASCII bytes, then a bad byte: the valid bytes come first. */
static void test_invalid_utf8_after_first_block_is_reported_after_valid_bytes(void **state)
{
	size_t len = 70000, n;
	char *data = malloc(len + 8), *out = malloc(len + 8);
	rs_error err = {0};
	const char *enc;

	(void)state;
	memset(data, 'x', len);
	memcpy(data + len, "\xFF" "abc", 4);
	assert_int_equal(read_all(data, len + 4, NULL, out, len + 8, &n, &err,
	                          &enc), RS_EENCODING);
	assert_string_equal(enc, "UTF-8");
	assert_int_equal(n, len);
	assert_non_null(strstr(err.msg, "invalid UTF-8"));
	assert_non_null(strstr(err.msg, "--encoding (gb18030, big5, cp1252"));
	assert_int_equal(err.line, 0);
	free(data);
	free(out);
}

/*
 * The validator's 16- and 8-byte ASCII steps must land on the first non-ASCII
 * byte wherever it falls: each sequence (valid or not) after 0..40 ASCII
 * bytes and before 0..20 more, read as UTF-8, delivers exactly the bytes
 * before the first invalid one (all of them when valid).
 */
static void test_utf8_sequences_at_every_offset(void **state)
{
	static const struct {
		const char *s;
		size_t valid; /* bytes of s that are valid UTF-8 */
	} seq[] = {
		{"\xE5\xAE\xA2\xE6\x88\xB7", 6}, /* 客户: two CJK in a row */
		{"\xC3\xA9", 2},
		{"\xF0\x9F\x98\x80", 4},
		{"\xE0\xA0\x80", 3},
		{"\xED\x9F\xBF", 3},
		{"\xEF\xBC\x8C\xE5\xAE\xA2", 6},
		{"\xFF", 0},
		{"\xC0\x80", 0},       /* overlong */
		{"\xE0\x80\x80", 0},   /* overlong */
		{"\xED\xA0\x80", 0},   /* surrogate */
		{"\xF4\x90\x80\x80", 0}, /* above U+10FFFF */
		{"\xE5\xAE" "x", 0},   /* cut short */
		{"\xE5\xAE\xA2\x80", 3}, /* a stray continuation after a valid one */
		{"\xE5\xAE\xA2\xFF", 3},
	};
	char data[128], out[128];

	(void)state;
	for (size_t k = 0; k < sizeof seq / sizeof seq[0]; k++) {
		size_t sl = strlen(seq[k].s);

		for (size_t pre = 0; pre <= 40; pre++) {
			for (size_t post = 0; post <= 20; post += 5) {
				size_t len = pre + sl + post, n = 0;
				rs_error err = {0};
				rs_status st;

				memset(data, 'a', pre);
				memcpy(data + pre, seq[k].s, sl);
				memset(data + pre + sl, 'b', post);
				st = read_all(data, len, "utf-8", out, sizeof out, &n, &err, NULL);
				if (seq[k].valid == sl) {
					assert_int_equal(st, RS_OK);
					assert_int_equal(n, len);
				} else {
					assert_int_equal(st, RS_EENCODING);
					assert_int_equal(n, pre + seq[k].valid);
				}
				assert_memory_equal(out, data, n);
			}
		}
	}
}

/* A 3-byte character straddling the 64 KiB block boundary stays whole. */
static void test_multibyte_cut_at_block_end_is_valid(void **state)
{
	size_t len = (64 << 10) + 100, n;
	char *data = malloc(len), *out = malloc(len);
	rs_error err = {0};
	const char *enc;

	(void)state;
	memset(data, 'y', len);
	memcpy(data + (64 << 10) - 1, "\xE5\xAE\xA2", 3);
	assert_int_equal(read_all(data, len, NULL, out, len, &n, &err, &enc),
	                 RS_OK);
	assert_string_equal(enc, "UTF-8");
	assert_int_equal(n, len);
	assert_memory_equal(out, data, len);
	free(data);
	free(out);
}

/* Small reads take the buffered path; the bytes must be the same. */
static void test_small_reads_deliver_same_bytes(void **state)
{
	size_t len = 200000, n, i;
	char *data = malloc(len), *out = malloc(len);
	FILE *fp;
	rs_input *in;
	rs_error err = {0};

	(void)state;
	for (i = 0; i + 3 <= len; i += 3)
		memcpy(data + i, (i / 3) % 5 ? "ab," : "\xE6\x88\xB7", 3);
	len = i;
	fp = file_of(data, len);
	assert_int_equal(rs_input_open(&in, fp, "t", NULL, RS_LANG_EN, &err), RS_OK);
	assert_int_equal(slurp(in, 7, out, len, &n, &err), RS_OK);
	assert_int_equal(n, len);
	assert_memory_equal(out, data, len);
	rs_input_free(in);
	fclose(fp);
	free(data);
	free(out);
}

static void test_peek_does_not_consume(void **state)
{
	FILE *fp = file_of("\xEF\xBB\xBFh1;h2\n1;2\n", 13);
	rs_input *in;
	rs_error err = {0};
	const char *p;
	size_t n;
	char out[64];

	(void)state;
	assert_int_equal(rs_input_open(&in, fp, "t", NULL, RS_LANG_EN, &err), RS_OK);
	assert_int_equal(rs_input_peek(in, &p, &n, &err), RS_OK);
	assert_int_equal(n, 10);
	assert_memory_equal(p, "h1;h2\n1;2\n", 10);
	assert_int_equal(slurp(in, 4096, out, sizeof out, &n, &err), RS_OK);
	assert_int_equal(n, 10);
	assert_memory_equal(out, "h1;h2\n1;2\n", 10);
	rs_input_free(in);
	fclose(fp);
}

static void test_invalid_gbk_reports_after_valid_bytes(void **state)
{
	char out[64];
	size_t n;
	rs_error err = {0};

	(void)state;
	/* 0xFF is never GBK (0x80 is the euro sign in glibc). */
	assert_int_equal(read_all("ab\xBF\xCD\xFF\n", 6, "gbk", out, sizeof out,
	                          &n, &err, NULL), RS_EENCODING);
	assert_int_equal(n, 5);
	assert_memory_equal(out, "ab\xE5\xAE\xA2", 5);
	assert_non_null(strstr(err.msg, "gbk"));
}

static void test_read_error_is_eio(void **state)
{
	FILE *fp = fopen("/dev/null", "w");
	rs_input *in = NULL;
	rs_error err = {0};

	(void)state;
	assert_non_null(fp);
	assert_int_equal(rs_input_open(&in, fp, "w.csv", NULL, RS_LANG_EN, &err), RS_EIO);
	assert_non_null(strstr(err.msg, "read error"));
	assert_string_equal(err.file, "w.csv");
	fclose(fp);
}

/* iconv cannot write a 3-byte character into 1 byte: tiny reads still work. */
static void test_one_byte_reads_of_gbk_deliver_everything(void **state)
{
	FILE *fp = file_of("\xBF\xCD\xBB\xA7,a\n", 7);
	rs_input *in;
	rs_error err = {0};
	char out[32];
	size_t n;

	(void)state;
	assert_int_equal(rs_input_open(&in, fp, "t", "gbk", RS_LANG_EN, &err), RS_OK);
	assert_int_equal(slurp(in, 1, out, sizeof out, &n, &err), RS_OK);
	assert_int_equal(n, 9);
	assert_memory_equal(out, "\xE5\xAE\xA2\xE6\x88\xB7,a\n", 9);
	rs_input_free(in);
	fclose(fp);
}

static void test_truncated_utf8_at_end_of_file_is_reported(void **state)
{
	char out[64];
	size_t n;
	rs_error err = {0};

	(void)state;
	/* A named UTF-8 file ending inside a 3-byte character. */
	assert_int_equal(read_all("ab\xE5\xAE", 4, "utf-8", out, sizeof out, &n,
	                          &err, NULL), RS_EENCODING);
	assert_int_equal(n, 2);
	assert_non_null(strstr(err.msg, "truncated"));
}

/* A UTF-8 file with one GBK name (line 3): still UTF-8, an error at the GBK
 * bytes after every byte before them, never a whole file of mojibake. */
static void test_auto_mostly_utf8_with_one_gbk_line_stays_utf8(void **state)
{
	static const char text[] = "id,name\n1,\xE4\xB8\x8A\xE6\xB5\xB7\xE6\x81\x92\xE5\x8A\x9B\n"
	                           "2,\xBA\xBC\xD6\xDD\n";
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	assert_int_equal(read_all(text, sizeof text - 1, "auto", out, sizeof out, &n,
	                          &err, &enc), RS_EENCODING);
	assert_string_equal(enc, "UTF-8");
	assert_int_equal(n, 8 + 2 + 12 + 1 + 2);
	assert_non_null(strstr(err.msg, "0xBA 0xBC"));
}

/* GBK text where a byte pair happens to be valid UTF-8 (D0 B5 in 械) is GB18030. */
static void test_auto_gbk_with_an_accidental_utf8_pair_is_gb18030(void **state)
{
	/* 杭州华东机械厂 in GBK */
	static const char text[] = "id,name\n1,\xBA\xBC\xD6\xDD\xBB\xAA\xB6\xAB\xBB\xFA\xD0\xB5\xB3\xA7\n";
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	assert_int_equal(read_all(text, sizeof text - 1, "auto", out, sizeof out, &n,
	                          &err, &enc), RS_OK);
	assert_string_equal(enc, "GB18030");
	assert_memory_equal(out + 10, "\xE6\x9D\xAD\xE5\xB7\x9E", 6); /* 杭州 */
}

/* GBK "杭州华东机械厂" and UTF-8 "上海恒力轴承" for the mixed-file tests. */
#define GBK_NAME "\xBA\xBC\xD6\xDD\xBB\xAA\xB6\xAB\xBB\xFA\xD0\xB5\xB3\xA7"
#define UTF8_NAME "\xE4\xB8\x8A\xE6\xB5\xB7\xE6\x81\x92\xE5\x8A\x9B\xE8\xBD\xB4\xE6\x89\xBF"

/* A GBK file with one UTF-8 line: every byte before the UTF-8 text, then an
 * error, never the UTF-8 read as GB18030 mojibake. */
static void test_auto_gb18030_stops_before_a_utf8_line(void **state)
{
	static const char text[] = "id,name\n1," GBK_NAME "\n2," UTF8_NAME "\n3," GBK_NAME "\n";
	char out[256];
	size_t n;
	rs_error err = {0};
	const char *enc;

	(void)state;
	assert_int_equal(read_all(text, sizeof text - 1, NULL, out, sizeof out, &n,
	                          &err, &enc), RS_EENCODING);
	assert_string_equal(enc, "GB18030");
	assert_int_equal(n, 8 + 2 + 21 + 1 + 2); /* 7 characters of 3 bytes in UTF-8 */
	assert_memory_equal(out + n - 2, "2,", 2);
	assert_non_null(strstr(err.msg, "mixes encodings"));
}

/* The UTF-8 run straddles the first 64 KiB block: no byte of it gets out. */
static void test_auto_gb18030_utf8_run_across_blocks_is_caught(void **state)
{
	enum { head = 65536 - 7 };
	static char text[head + 64];
	static char out[2 * head + 128];
	size_t n, i;
	rs_error err = {0};

	(void)state;
	memcpy(text, "id,name\n1,", 10);
	for (i = 10; i + 2 <= head - 1; i += 2)
		memcpy(text + i, "\xBA\xBC", 2);
	for (; i < head; i++)
		text[i] = 'x';
	memcpy(text + head, UTF8_NAME "\n", 19);
	assert_int_equal(read_all(text, head + 19, "auto", out, sizeof out, &n, &err,
	                          NULL), RS_EENCODING);
	assert_int_equal(n, 10 + (head - 1 - 10) / 2 * 3 + 1);
	assert_int_equal(out[n - 1], 'x');
}

/* Named GBK is taken at its word: no guard (UTF-8 bytes are then invalid GBK). */
static void test_named_gbk_has_no_utf8_guard(void **state)
{
	static const char text[] = "a\n" GBK_NAME "\n";
	char out[64];
	size_t n;
	rs_error err = {0};

	(void)state;
	assert_int_equal(read_all(text, sizeof text - 1, "gbk", out, sizeof out, &n,
	                          &err, NULL), RS_OK);
	assert_int_equal(n, 2 + 21 + 1);
}

/* ---------------------------------------------- auto: which encoding reads */

/* The encoding auto picks for these bytes, and what they decode to (NUL-terminated). */
static const char *auto_pick(const char *text, size_t n, char *out, size_t cap)
{
	const char *used = NULL;
	rs_error err = {0};
	size_t got = 0;

	if (read_all(text, n, NULL, out, cap - 1, &got, &err, &used) != RS_OK)
		fail_msg("%s", err.msg);
	out[got] = '\0';
	return used;
}

static void test_auto_reads_a_german_windows_1252_export_as_windows_1252(void **state)
{
	static const char de[] = "Kundennummer;Firma;H\xF6" "chste Ebene\n"
	                         "10001;M\xFCller Pr\xE4zisionstechnik GmbH;Gesch\xE4" "ftsf\xFChrung\n"
	                         "10002;Gro\xDF" "handel \xD6sterreich;Eink\xE4ufer\n";
	char out[256];

	(void)state;
	assert_string_equal(auto_pick(de, sizeof de - 1, out, sizeof out), "Windows-1252");
	assert_non_null(strstr(out, "Müller Präzisionstechnik GmbH;Geschäftsführung"));
	assert_non_null(strstr(out, "Großhandel Österreich;Einkäufer"));
}

static void test_auto_reads_big5_as_big5_not_gb18030(void **state)
{
	static const char tw[] = "\xAB\xC8\xA4\xE1\xBDs\xB8\xB9,\xAB\xC8\xA4\xE1\xA6W\xBA\xD9\n"
	                         "T1,\xA5x\xA5_\xBA\xEB\xB1K\xBE\xF7\xB1\xF1\xAA\xD1\xA5\xF7\xA6\xB3\xAD\xAD\xA4\xBD\xA5q\n"
	                         "T2,\xB3\xAF\xA4j\xA4\xE5\xB9q\xA4l\xA4u\xB7~\n";
	static const char names[] = "id,name\n1,\xB3\xAF\n2,\xB1i\n3,\xAAL\n"; /* 陳 張 林 */
	char out[256];

	(void)state;
	assert_string_equal(auto_pick(tw, sizeof tw - 1, out, sizeof out), "Big5");
	assert_non_null(strstr(out, "T1,台北精密機械股份有限公司\nT2,陳大文電子工業"));
	/* Three names alone: GB18030 takes their bytes too, as rarer characters. */
	assert_string_equal(auto_pick(names, sizeof names - 1, out, sizeof out), "Big5");
	assert_string_equal(out, "id,name\n1,陳\n2,張\n3,林\n");
}

static void test_auto_reads_gbk_as_gb18030(void **state)
{
	static const char cn[] = "\xBF\xCD\xBB\xA7\xB1\xE0\xBA\xC5,\xBF\xCD\xBB\xA7\xC3\xFB\xB3\xC6\n"
	                         "C1,\xB1\xB1\xBE\xA9\xBB\xAA\xCE\xAA\xBF\xC6\xBC\xBC\xD3\xD0\xCF\xDE\xB9\xAB\xCB\xBE\n";
	static const char name[] = "id,name\n1,\xD5\xC5\xC8\xFD\n"; /* 张三 */
	char out[256];

	(void)state;
	assert_string_equal(auto_pick(cn, sizeof cn - 1, out, sizeof out), "GB18030");
	assert_string_equal(out, "客户编号,客户名称\nC1,北京华为科技有限公司\n");
	assert_string_equal(auto_pick(name, sizeof name - 1, out, sizeof out), "GB18030");
	assert_string_equal(out, "id,name\n1,张三\n");
}

/* A Japanese export from Excel (CP932): GB18030 takes its bytes too, as
 * rare ideographs; kana and frequent kanji say Shift_JIS, even a file of
 * kanji alone. */
static void test_auto_reads_shift_jis_as_shift_jis_not_gb18030(void **state)
{
	static const char jp[] = "\x8c\xda\x8bq\x83R\x81[\x83h,\x8c\xda\x8bq\x96\xbc\n"
	                         "C001,\x8a\x94\x8e\xae\x89\xef\x8e\xd0\x8eR\x93" "c\x90\xbb\x8d\xec\x8f\x8a\n";
	static const char kanji[] = "id,name\nC2,\x93\x8c\x8b\x9e\x90\xb8\x96\xa7\x8dH\x8b\xc6\n";
	char out[256];

	(void)state;
	assert_string_equal(auto_pick(jp, sizeof jp - 1, out, sizeof out), "Shift_JIS");
	assert_string_equal(out, "顧客コード,顧客名\nC001,株式会社山田製作所\n");
	assert_string_equal(auto_pick(kanji, sizeof kanji - 1, out, sizeof out), "Shift_JIS");
	assert_string_equal(out, "id,name\nC2,東京精密工業\n");
}

static void test_auto_utf16_without_a_bom_by_its_zero_bytes(void **state)
{
	static const char le[] = "i\0d\0,\0n\0\n\0" "1\0,\0\xFC\0\n\0";
	static const char be[] = "\0i\0d\0,\0n\0\n" "\0" "1\0,\0\xFC\0\n";
	char out[64];

	(void)state;
	assert_string_equal(auto_pick(le, sizeof le - 1, out, sizeof out), "UTF-16LE");
	assert_string_equal(out, "id,n\n1,ü\n");
	assert_string_equal(auto_pick(be, sizeof be - 1, out, sizeof out), "UTF-16BE");
	assert_string_equal(out, "id,n\n1,ü\n");
}

/* Bytes no candidate takes: the text before them, then an error (the reader names the line). */
static void test_auto_bytes_that_fit_no_encoding_are_an_error_after_the_text_before(void **state)
{
	static const char bad[] = "id,name\nA1,ok\nA2,\x81\n";
	char out[64];
	size_t n;
	rs_error err = {0};

	(void)state;
	assert_int_equal(read_all(bad, sizeof bad - 1, NULL, out, sizeof out, &n, &err, NULL), RS_EENCODING);
	assert_memory_equal(out, "id,name\nA1,ok\nA2,", n);
	assert_non_null(strstr(err.msg, "neither UTF-8, GB18030, Big5, Windows-1252 nor Shift_JIS"));
}

static void test_named_cp1252_latin1_big5_and_utf16(void **state)
{
	static const char u16[] = "a\0\xAC\x20\n\0"; /* "a€\n" UTF-16LE, no BOM */
	char out[64];
	size_t n;
	rs_error err = {0};

	(void)state;
	assert_int_equal(read_all("\x80\xE9", 2, "cp1252", out, sizeof out, &n, &err, NULL), RS_OK);
	assert_memory_equal(out, "€é", n);
	assert_int_equal(read_all("\xE9", 1, "latin1", out, sizeof out, &n, &err, NULL), RS_OK);
	assert_memory_equal(out, "é", n);
	assert_int_equal(read_all("\xB3\xAF", 2, "big5", out, sizeof out, &n, &err, NULL), RS_OK);
	assert_memory_equal(out, "陳", n);
	assert_int_equal(read_all(u16, sizeof u16 - 1, "utf-16", out, sizeof out, &n, &err, NULL), RS_OK);
	assert_memory_equal(out, "a€\n", n);
	/* Windows-1252 leaves five bytes undefined: named, they are an error. */
	assert_int_equal(read_all("ok\n\x81\n", 5, "cp1252", out, sizeof out, &n, &err, NULL), RS_EENCODING);
	assert_non_null(strstr(err.msg, "0x81"));
}

/* Windows-1252 takes UTF-8 bytes as "Ã¼": a UTF-8 line is an error, not mojibake. */
static void test_auto_windows_1252_stops_at_a_utf8_line(void **state)
{
	static const char mixed[] = "id;name\n1;M\xFCller\n2;M\xC3\xBCller\n";
	char out[64];
	size_t n;
	rs_error err = {0};
	const char *used = NULL;

	(void)state;
	assert_int_equal(read_all(mixed, sizeof mixed - 1, NULL, out, sizeof out, &n, &err, &used),
	                 RS_EENCODING);
	assert_string_equal(used, "Windows-1252");
	assert_memory_equal(out, "id;name\n1;Müller\n2;M", n); /* everything before it */
	assert_non_null(strstr(err.msg, "UTF-8 text (bytes 0xC3 0xBC ...) in a file read as Windows-1252"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_bom_is_dropped),
		cmocka_unit_test(test_only_a_bom_reads_as_empty),
		cmocka_unit_test(test_utf16le_bom_is_converted),
		cmocka_unit_test(test_gbk_bytes_decode_as_gb18030_in_auto_mode),
		cmocka_unit_test(test_named_gbk_decodes),
		cmocka_unit_test(test_unknown_encoding_is_usage_error),
		cmocka_unit_test(test_invalid_utf8_after_first_block_is_reported_after_valid_bytes),
		cmocka_unit_test(test_utf8_sequences_at_every_offset),
		cmocka_unit_test(test_multibyte_cut_at_block_end_is_valid),
		cmocka_unit_test(test_small_reads_deliver_same_bytes),
		cmocka_unit_test(test_peek_does_not_consume),
		cmocka_unit_test(test_invalid_gbk_reports_after_valid_bytes),
		cmocka_unit_test(test_read_error_is_eio),
		cmocka_unit_test(test_one_byte_reads_of_gbk_deliver_everything),
		cmocka_unit_test(test_truncated_utf8_at_end_of_file_is_reported),
		cmocka_unit_test(test_auto_mostly_utf8_with_one_gbk_line_stays_utf8),
		cmocka_unit_test(test_auto_gbk_with_an_accidental_utf8_pair_is_gb18030),
		cmocka_unit_test(test_auto_gb18030_stops_before_a_utf8_line),
		cmocka_unit_test(test_auto_gb18030_utf8_run_across_blocks_is_caught),
		cmocka_unit_test(test_named_gbk_has_no_utf8_guard),
		cmocka_unit_test(test_auto_reads_a_german_windows_1252_export_as_windows_1252),
		cmocka_unit_test(test_auto_reads_big5_as_big5_not_gb18030),
		cmocka_unit_test(test_auto_reads_shift_jis_as_shift_jis_not_gb18030),
		cmocka_unit_test(test_auto_reads_gbk_as_gb18030),
		cmocka_unit_test(test_auto_utf16_without_a_bom_by_its_zero_bytes),
		cmocka_unit_test(test_auto_bytes_that_fit_no_encoding_are_an_error_after_the_text_before),
		cmocka_unit_test(test_named_cp1252_latin1_big5_and_utf16),
		cmocka_unit_test(test_auto_windows_1252_stops_at_a_utf8_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
