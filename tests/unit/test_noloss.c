/*
 * test_noloss.c - the no-loss invariant as a property: for generated CSV and
 * JSON Lines inputs with random damage (bytes deleted, quotes, delimiters,
 * newlines, NULs and invalid UTF-8 inserted), a run through reader ->
 * classifier -> writer either stops with an input error (never out of memory
 * or I/O) or accounts for every record: rows read = written + rejected +
 * skipped (title rows, blank rows, a footer), the classifier's counts agree,
 * and every account id still intact in the damaged input comes out in a
 * written, rejected or skipped row. Seeded, so a failure names the case that
 * reproduces it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define CASES 2500
#define MAX_ROWS 40

/* xorshift64*: small, seedable, the same everywhere. */
static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

typedef struct text {
	char *p;
	size_t len, cap;
} text;

static void put(text *t, const void *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->p = realloc(t->p, t->cap);
		assert_non_null(t->p);
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
	put(t, s, strlen(s));
}

static const char *const names[] = {
	"Harbor Tooling", "Acme, Inc.", "Say \"Hi\" Ltd", "北京精诚机电", "Line\nBreak Co", "  padded  ",
};
static const char *const levels[] = {"staff", "manager", "director", "executive", ""};
static const char *const bools[] = {"yes", "no", "", "true"};

/* A valid CSV of n accounts R0000.. with awkward but legal cells. */
static void gen_csv(text *t, size_t n)
{
	char line[256];
	size_t i;

	puts_(t, "id,name,purchase_share,contacts,top_contact_level,key_person\n");
	for (i = 0; i < n; i++) {
		const char *nm = names[rnd(6)];
		text q = {0};
		const char *s;

		for (s = nm; *s; s++) {
			if (*s == '"')
				put(&q, "\"", 1);
			put(&q, s, 1);
		}
		(void)snprintf(line, sizeof line, "R%04zu,\"%s\",%u,%u,%s,%s%s", i, q.p, rnd(101), rnd(9),
		               levels[rnd(5)], bools[rnd(4)], rnd(4) == 0 ? "\r\n" : "\n");
		free(q.p);
		puts_(t, line);
	}
}

/* The same accounts as JSON Lines. */
static void gen_jsonl(text *t, size_t n)
{
	char line[256];
	size_t i;

	for (i = 0; i < n; i++) {
		(void)snprintf(line, sizeof line,
		               "{\"id\":\"R%04zu\",\"name\":\"%s\",\"purchase_share\":%u,\"contacts\":%u,"
		               "\"key_person\":%s}\n",
		               i, rnd(2) ? "Acme, \\\"Inc\\\"" : "精诚", rnd(101), rnd(9),
		               rnd(2) ? "true" : "false");
		puts_(t, line);
	}
}

/* One random edit at a random place; never touches the first `keep` bytes. */
static void damage(text *t, size_t keep)
{
	static const char *const ins[] = {"\"", ",", "\n", "\r", "\t", "{", "}", "\\", "\"\""};
	size_t at = keep + (t->len > keep ? rnd((uint32_t)(t->len - keep + 1)) : 0);
	char buf[4];
	size_t n = 0;

	switch (rnd(6)) {
	case 0: /* delete a few bytes */
		n = 1 + rnd(4);
		if (at + n > t->len)
			n = t->len - at;
		memmove(t->p + at, t->p + at + n, t->len - at - n + 1);
		t->len -= n;
		return;
	case 1:
	case 2:
		(void)snprintf(buf, sizeof buf, "%s", ins[rnd(9)]);
		n = strlen(buf);
		break;
	case 3:
		buf[0] = '\0';
		n = 1;
		break;
	case 4:
		buf[0] = (char)0xFF;
		buf[1] = (char)0xC3;
		n = 1 + rnd(2);
		break;
	default: /* truncate: a cut download */
		t->len = at;
		t->p[at] = '\0';
		return;
	}
	put(t, buf, n); /* grow, then move the tail after the insertion point */
	memmove(t->p + at + n, t->p + at, t->len - n - at);
	memcpy(t->p + at, buf, n);
}

typedef struct run {
	rs_classifier *cls;
	rs_reader *rd;
	rs_writer *w;
	FILE *out;
	text rejected; /* every rejected or skipped row's cells, for the id check */
	unsigned long calls, written, rejects, skips, headers;
	bool file_header;
} run;

static void keep_cells(run *r, const rs_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++) {
		put(&r->rejected, row->cell[i], row->len[i]);
		put(&r->rejected, "\n", 1);
	}
}

static rs_status on_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	run *r = ctx;

	(void)why;
	(void)err;
	r->rejects++;
	keep_cells(r, row);
	return RS_OK;
}

static void on_skip(void *ctx, const rs_row *row, int kind)
{
	run *r = ctx;

	(void)kind;
	r->skips++;
	keep_cells(r, row);
}

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	run *r = ctx;
	const rs_row *o = NULL;
	rs_write_opts wo;
	rs_status st = rs_classifier_header(r->cls, h, rs_reader_delimiter(r->rd), &o, err);

	if (st != RS_OK || o == NULL)
		return st;
	r->file_header = true;
	r->headers++;
	memset(&wo, 0, sizeof wo);
	wo.format = RS_FMT_CSV;
	return rs_writer_new(&r->w, r->out, &wo, o, err);
}

static rs_status on_row(void *ctx, const rs_row *row, rs_error *err)
{
	run *r = ctx;
	const rs_row *o = NULL;
	rs_error why;
	rs_status st;

	r->calls++;
	if (!r->file_header) { /* a title row (skipped), or the header itself */
		st = on_header(ctx, row, err);
		r->calls -= r->file_header;
		return st;
	}
	memset(&why, 0, sizeof why); /* rs_error_clear keeps file, which the classifier reads */
	st = rs_classifier_row(r->cls, row, &o, &why);
	if (st != RS_OK) {
		*err = why;
		return st;
	}
	if (o == NULL)
		return RS_OK; /* rejected, skipped or held: the callbacks count it */
	r->written++;
	return rs_writer_row(r->w, o, err);
}

typedef struct tally {
	unsigned long cases, completed, stopped, rows;
} tally;

/* Does id (5 bytes) occur in t as a whole token (not followed by a digit)? */
static int has_id(const char *p, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i + 5 <= n; i++)
		if (memcmp(p + i, id, 5) == 0 && (i + 5 == n || p[i + 5] < '0' || p[i + 5] > '9'))
			return 1;
	return 0;
}

static void one_case(const rs_rules *rules, rs_format fmt, uint64_t seed, tally *ty)
{
	text in = {0};
	run r;
	rs_read_opts ro;
	rs_classify_opts co;
	rs_error err;
	rs_status st;
	FILE *fp;
	char *outp = NULL;
	size_t outn = 0, nrows, i, k, header;
	const rs_stats *s;
	char id[8];

	rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	nrows = 1 + rnd(MAX_ROWS);
	if (fmt == RS_FMT_CSV)
		gen_csv(&in, nrows);
	else
		gen_jsonl(&in, nrows);
	header = fmt == RS_FMT_CSV ? (size_t)(strchr(in.p, '\n') - in.p) + 1 : 0;
	for (k = rnd(5); k > 0; k--)
		damage(&in, header);

	memset(&r, 0, sizeof r);
	memset(&ro, 0, sizeof ro);
	memset(&co, 0, sizeof co);
	rs_error_clear(&err);
	ro.format = fmt;
	ro.encoding = "UTF-8";
	r.out = open_memstream(&outp, &outn);
	assert_non_null(r.out);
	fp = fmemopen(in.len ? in.p : (char *)"", in.len, "r");
	assert_non_null(fp);
	co.on_reject = on_reject;
	co.on_skip = on_skip;
	co.ctx = &r;
	assert_int_equal(rs_classifier_new(&r.cls, rules, &co, &err), RS_OK);
	st = rs_reader_open(&r.rd, fp, "t", &ro, &err);
	if (st == RS_OK)
		st = rs_reader_run(r.rd, on_header, on_row, &r, &err);
	if (st == RS_OK)
		st = rs_classifier_end(r.cls, &err);
	if (st == RS_OK && r.w != NULL)
		st = rs_writer_finish(r.w, NULL, &err);
	(void)fflush(r.out);
	ty->cases++;
	if (st != RS_OK) {
		/* Stopping is allowed for input that is broken beyond a row; running
		 * out of memory or failing I/O on memory streams is not. */
		if (st != RS_EPARSE && st != RS_ELIMIT && st != RS_EENCODING && st != RS_EUSAGE)
			fail_msg("case %s seed %llu: status %d: %s", fmt == RS_FMT_CSV ? "csv" : "jsonl",
			         (unsigned long long)seed, (int)st, err.msg);
		if (err.msg[0] == '\0')
			fail_msg("seed %llu: stopped without a message", (unsigned long long)seed);
		ty->stopped++;
	} else {
		s = rs_classifier_stats(r.cls);
		/* the CSV header record is a call; JSON Lines has none */
		if (r.calls != r.written + r.rejects + r.skips ||
		    s->read != r.written + r.rejects + r.skips || s->classified != r.written ||
		    s->rejected != r.rejects)
			fail_msg("seed %llu: %lu records, %lu written + %lu rejected + %lu skipped; "
			         "stats %lu = %lu + %lu + ...",
			         (unsigned long long)seed, r.calls, r.written, r.rejects, r.skips, s->read,
			         s->classified, s->rejected);
		/* Every id still whole in the input comes out somewhere. */
		for (i = 0; i < nrows; i++) {
			(void)snprintf(id, sizeof id, "R%04zu", i);
			if (has_id(in.p, in.len, id) && !has_id(outp, outn, id) &&
			    !(r.rejected.p && has_id(r.rejected.p, r.rejected.len, id)))
				fail_msg("%s seed %llu: %s is in the input but neither written, rejected nor skipped",
				         fmt == RS_FMT_CSV ? "csv" : "jsonl", (unsigned long long)seed, id);
		}
		ty->completed++;
		ty->rows += r.calls;
	}
	rs_writer_free(r.w);
	rs_reader_free(r.rd);
	rs_classifier_free(r.cls);
	(void)fclose(fp);
	(void)fclose(r.out);
	free(outp);
	free(r.rejected.p);
	free(in.p);
}

static void check_format(rs_format fmt)
{
	rs_rules *rules = NULL;
	rs_error err;
	tally ty = {0};
	uint64_t seed;

	rs_error_clear(&err);
	assert_int_equal(rs_rules_load_default(&rules, &err), RS_OK);
	for (seed = 1; seed <= CASES; seed++)
		one_case(rules, fmt, seed, &ty);
	rs_rules_free(rules);
	print_message("%lu cases: %lu completed (%lu records), %lu stopped on broken input\n",
	              ty.cases, ty.completed, ty.rows, ty.stopped);
	/* The damage is local: most runs must get through, or the test tests little. */
	assert_true(ty.completed > ty.cases / 2);
}

static void test_damaged_csv_rows_read_equal_written_plus_rejected(void **state)
{
	(void)state;
	check_format(RS_FMT_CSV);
}

static void test_damaged_jsonl_rows_read_equal_written_plus_rejected(void **state)
{
	(void)state;
	check_format(RS_FMT_JSONL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_damaged_csv_rows_read_equal_written_plus_rejected),
		cmocka_unit_test(test_damaged_jsonl_rows_read_equal_written_plus_rejected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
