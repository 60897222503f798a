/*
 * fuzz_pipeline.c - the whole run: bytes -> rs_reader (format sniffed as the
 * tool does for stdin) -> rs_classifier (default rules) -> a writer per
 * output format, each into a memory stream, and the rejects (ragged CSV).
 * The no-loss invariant: every row read is written, rejected or skipped,
 * the classifier's counts agree, and reading the CSV, TSV, JSON and JSON
 * Lines outputs back gives as many rows, and for CSV without formula
 * neutralisation and for JSON Lines the same cells, byte for byte.
 * The first byte picks options: bit 0 explain, bit 1 Chinese labels,
 * bits 2-3 the input format (0 sniffed, 1 CSV, 2 JSON Lines, 3 JSON).
 */
#include "fuzz_common.h"

enum { W_CSV, W_CSVRAW, W_TSV, W_JSON, W_JSONL, W_TABLE, W_COUNT };

static const rs_format wfmt[W_COUNT] = {RS_FMT_CSV, RS_FMT_CSV, RS_FMT_TSV,
                                        RS_FMT_JSON, RS_FMT_JSONL, RS_FMT_TABLE};

typedef struct sink {
	FILE *fp;
	char *buf;
	size_t len;
	rs_writer *w;
} sink;

typedef struct fz {
	rs_reader *rd;
	rs_classifier *cls;
	sink out[W_COUNT], rej;
	const char *rcell[FUZZ_MAX_COLUMNS + 2];
	size_t rlen[FUZZ_MAX_COLUMNS + 2];
	unsigned long written, rejected, skipped;
	rs_buf expect; /* every written row: n, then per cell its length and bytes */
	bool header;
	size_t nout;
} fz;

static const rs_rules *rules(void)
{
	static rs_rules *r;
	rs_error err;

	if (r == NULL) {
		memset(&err, 0, sizeof err);
		FUZZ_CHECK(rs_rules_load_default(&r, &err) == RS_OK);
	}
	return r;
}

static rs_status on_header(void *ctx, const rs_row *out, const rs_row *h, rs_error *err)
{
	fz *z = ctx;
	rs_write_opts wo;
	rs_status st;
	size_t i;
	int k;

	fuzz_check_row(h, true);
	/* not out->n > h->n: an earlier run's appended columns (an input that is
	 * relstage's output) are replaced, so out may be no wider than h */
	FUZZ_CHECK(!z->header && out != NULL && out->n > 0);
	z->header = true;
	z->nout = out->n;
	for (k = 0; k < W_COUNT; k++) {
		memset(&wo, 0, sizeof wo);
		wo.format = wfmt[k];
		wo.raw = k == W_CSVRAW;
		st = rs_writer_new(&z->out[k].w, z->out[k].fp, &wo, out, err);
		if (st != RS_OK)
			return st;
	}
	memset(&wo, 0, sizeof wo);
	wo.format = RS_FMT_CSV;
	wo.ragged = true;
	z->rcell[0] = "line";
	z->rcell[1] = "reason";
	for (i = 0; i < h->n; i++) {
		z->rcell[i + 2] = h->cell[i];
		z->rlen[i + 2] = h->len[i];
	}
	z->rlen[0] = 4;
	z->rlen[1] = 6;
	return rs_writer_new(&z->rej.w, z->rej.fp, &wo,
	                     &(rs_row){.n = h->n + 2, .cell = z->rcell, .len = z->rlen, .line = 1}, err);
}

static rs_status on_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	fz *z = ctx;
	size_t i, n = row->n < FUZZ_MAX_COLUMNS ? row->n : FUZZ_MAX_COLUMNS;

	FUZZ_CHECK(z->header);
	fuzz_check_row(row, false);
	FUZZ_CHECK(why->msg[0] != '\0');
	z->rcell[0] = "0";
	z->rlen[0] = 1;
	z->rcell[1] = why->msg;
	z->rlen[1] = strlen(why->msg);
	for (i = 0; i < n; i++) {
		z->rcell[i + 2] = row->cell[i];
		z->rlen[i + 2] = row->len[i];
	}
	z->rejected++;
	return rs_writer_row(z->rej.w,
	                     &(rs_row){.n = n + 2, .cell = z->rcell, .len = z->rlen, .line = row->line}, err);
}

static void remember(rs_buf *b, const rs_row *row)
{
	size_t i;

	(void)rs_buf_append(b, &row->n, sizeof row->n);
	for (i = 0; i < row->n; i++) {
		(void)rs_buf_append(b, &row->len[i], sizeof row->len[i]);
		(void)rs_buf_append(b, row->cell[i], row->len[i]);
	}
	FUZZ_CHECK(!b->failed);
}

static rs_status on_row(void *ctx, const rs_row *out, rs_error *err)
{
	fz *z = ctx;
	rs_status st;
	int k;

	FUZZ_CHECK(z->header);
	FUZZ_CHECK(out->n == z->nout && out->reject == NULL);
	remember(&z->expect, out);
	for (k = 0; k < W_COUNT; k++) {
		st = rs_writer_row(z->out[k].w, out, err);
		if (st != RS_OK)
			return st;
	}
	z->written++;
	return RS_OK;
}

static void on_skip(void *ctx, const rs_row *row, int kind)
{
	fz *z = ctx;

	FUZZ_CHECK(kind >= 0 && kind < RS_SKIP_COUNT);
	(void)row;
	z->skipped++;
}

/* Reading an output back: rows counted, cells kept for one comparison. */
typedef struct back {
	unsigned long rows, rejected;
	const rs_buf *expect; /* NULL: count only */
	size_t at;
} back;

/* A row read back must hold the cells written, byte for byte. */
static void compare(back *b, const rs_row *row)
{
	const char *e = b->expect->data + b->at;
	size_t n, len, i;

	FUZZ_CHECK(b->at + sizeof n <= b->expect->len);
	memcpy(&n, e, sizeof n);
	e += sizeof n;
	if (row->n != n) {
		fprintf(stderr, "output row %lu: wrote %zu cells, read back %zu\n", b->rows, n, row->n);
		abort();
	}
	for (i = 0; i < n; i++) {
		memcpy(&len, e, sizeof len);
		e += sizeof len;
		if (row->len[i] != len || memcmp(row->cell[i], e, len) != 0) {
			fprintf(stderr, "output row %lu cell %zu: wrote \"%.*s\" (%zu bytes), "
			        "read back \"%s\" (%zu bytes)\n", b->rows, i, (int)len, e, len,
			        row->cell[i], row->len[i]);
			abort();
		}
		e += len;
	}
	b->at = (size_t)(e - b->expect->data);
}

static rs_status back_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)ctx, (void)h, (void)err;
	return RS_OK;
}

static rs_status back_row(void *ctx, const rs_row *row, rs_error *err)
{
	back *b = ctx;

	(void)err;
	b->rows++;
	if (row->reject != NULL) {
		fprintf(stderr, "output row %lu read back as a reject: %s\n", b->rows, row->reject);
		b->rejected++;
	} else if (b->expect != NULL) {
		compare(b, row);
	}
	return RS_OK;
}

static void read_back(const fz *z, int k)
{
	rs_read_opts ro;
	rs_reader *r = NULL;
	rs_error err;
	back b;
	FILE *fp;
	rs_status st;

	/* JSON output without rows is "[]" or nothing, which no reader takes. */
	if ((wfmt[k] == RS_FMT_JSON || wfmt[k] == RS_FMT_JSONL) && z->written == 0)
		return;
	memset(&ro, 0, sizeof ro);
	memset(&b, 0, sizeof b);
	memset(&err, 0, sizeof err);
	if (k == W_CSVRAW || k == W_JSONL)
		b.expect = &z->expect;
	ro.format = wfmt[k];
	ro.delimiter = wfmt[k] == RS_FMT_TSV ? '\t' : wfmt[k] == RS_FMT_CSV ? ',' : 0;
	ro.encoding = "UTF-8";
	fp = fmemopen(z->out[k].buf, z->out[k].len, "r");
	FUZZ_CHECK(fp != NULL);
	st = rs_reader_open(&r, fp, "output", &ro, &err);
	if (st == RS_OK)
		st = rs_reader_run(r, back_header, back_row, &b, &err);
	if (st != RS_OK || b.rows != z->written || b.rejected != 0) {
		fprintf(stderr, "format %s: wrote %lu rows, read back %lu (%lu rejected): %s\n%.*s\n",
		        rs_format_name(wfmt[k]), z->written, b.rows, b.rejected,
		        st == RS_OK ? "ok" : err.msg, (int)(z->out[k].len < 4000 ? z->out[k].len : 4000),
		        z->out[k].buf);
		abort();
	}
	rs_reader_free(r);
	fclose(fp);
}

static void run(fz *z, const unsigned char *data, size_t size, unsigned flags)
{
	static const rs_format in_fmt[4] = {RS_FMT_AUTO, RS_FMT_CSV, RS_FMT_JSONL, RS_FMT_JSON};
	rs_classify_opts co;
	rs_read_opts ro;
	rs_error err;
	const rs_stats *s;
	char *copy;
	FILE *fp;
	rs_status st, fst;
	int k;

	memset(&co, 0, sizeof co);
	co.explain = flags & 1u;
	co.lang = flags & 2u ? RS_LANG_ZH : RS_LANG_EN;
	co.on_header = on_header;
	co.on_row = on_row;
	co.on_reject = on_reject;
	co.on_skip = on_skip;
	co.ctx = z;
	memset(&err, 0, sizeof err);
	FUZZ_CHECK(rs_classifier_new(&z->cls, rules(), &co, &err) == RS_OK);
	fp = fuzz_fmemopen(data, size, &copy);
	if (fp == NULL)
		return;
	fuzz_read_opts(&ro, in_fmt[(flags >> 2) & 3u]);
	st = rs_reader_open(&z->rd, fp, "<stdin>", &ro, &err);
	if (st == RS_OK)
		st = rs_classifier_file(z->cls, z->rd, &err);
	FUZZ_CHECK(st != RS_EOF && st != RS_EREJECT);
	if (getenv("FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "status %s: %lu written, %lu rejected, %lu skipped%s%s\n",
		        rs_strerror(st), z->written, z->rejected, z->skipped,
		        st != RS_OK ? ": " : "", st != RS_OK ? err.msg : "");
	/* no loss: every row read is written, rejected or skipped (held rows
	 * are counted when they are handed out, so only a finished run adds up) */
	s = rs_classifier_stats(z->cls);
	FUZZ_CHECK(s->classified == z->written);
	FUZZ_CHECK(s->rejected == z->rejected);
	if (st == RS_OK) {
		unsigned long skipped = 0;
		size_t i;

		for (i = 0; i < RS_SKIP_COUNT; i++)
			skipped += s->skipped[i];
		FUZZ_CHECK(skipped == z->skipped);
		FUZZ_CHECK(s->read == z->written + z->rejected + z->skipped);
	}
	if (st == RS_OK && z->header) {
		unsigned long per = 0;
		size_t i;

		for (i = 0; i < RS_MAX_STAGES; i++)
			per += s->per_stage[i];
		FUZZ_CHECK(per == s->classified);
		for (k = 0; k < W_COUNT; k++) {
			fst = rs_writer_finish(z->out[k].w, NULL, &err);
			FUZZ_CHECK(fst == RS_OK);
		}
		FUZZ_CHECK(rs_writer_finish(z->rej.w, NULL, &err) == RS_OK);
		for (k = 0; k < W_COUNT; k++) {
			fflush(z->out[k].fp);
			if (k != W_TABLE)
				read_back(z, k);
		}
	}
	rs_reader_free(z->rd);
	fclose(fp);
	free(copy);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	fz z;
	int k;

	if (size == 0)
		return 0;
	memset(&z, 0, sizeof z);
	rs_buf_init(&z.expect);
	for (k = 0; k < W_COUNT; k++)
		z.out[k].fp = open_memstream(&z.out[k].buf, &z.out[k].len);
	z.rej.fp = open_memstream(&z.rej.buf, &z.rej.len);
	run(&z, data + 1, size - 1, data[0]);
	for (k = 0; k < W_COUNT; k++) {
		rs_writer_free(z.out[k].w);
		fclose(z.out[k].fp);
		free(z.out[k].buf);
	}
	rs_writer_free(z.rej.w);
	fclose(z.rej.fp);
	free(z.rej.buf);
	rs_classifier_free(z.cls);
	rs_buf_free(&z.expect);
	return 0;
}
