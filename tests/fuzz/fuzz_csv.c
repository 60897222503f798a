/*
 * fuzz_csv.c - the CSV reader and the field map: bytes -> rs_reader (CSV, the
 * delimiter sniffed) -> header -> rs_fieldmap_new -> each row ->
 * rs_fieldmap_read. Checks what a row and an account promise.
 */
#include <math.h>

#include "fields_impl.h"
#include "fuzz_common.h"
#include "../unit/internals.h"

typedef struct fz {
	rs_fieldmap *map;
	char conv; /* the delimiter's decimal mark */
	size_t ncols;
	unsigned long rows, last_line;
} fz;

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	fz *z = ctx;
	rs_status st;

	fuzz_check_row(h, true);
	FUZZ_CHECK(h->reject == NULL);
	z->ncols = h->n;
	st = rs_fieldmap_new(&z->map, h, NULL, 0, err);
	FUZZ_CHECK((st == RS_OK) == (z->map != NULL));
	if (st == RS_OK) {
		FUZZ_CHECK(rs_fieldmap_column(z->map, RS_F_ID) >= 0);
		FUZZ_CHECK(rs_fieldmap_column(z->map, RS_F_ID) < (long)h->n);
	}
	/* A header the map refuses ends the run, as it does in the tool. */
	return st;
}

static void check_account(const fz *z, const rs_account *a)
{
	int v;

	FUZZ_CHECK(a->id != NULL && a->id_len > 0);
	FUZZ_CHECK(a->id[a->id_len] == '\0' || a->id_len <= FUZZ_MAX_FIELD);
	FUZZ_CHECK((a->known >> RS_V_COUNT) == 0);
	for (v = 0; v < RS_V_COUNT; v++) {
		if (!rs_known(a, v))
			continue;
		FUZZ_CHECK(v < RS_F_COUNT); /* scores are left unknown by apply */
		FUZZ_CHECK(isfinite(a->v[v]));
		FUZZ_CHECK(!signbit(a->v[v]) || a->v[v] != 0);
		if (rs_var_kind(v) == RS_KIND_BOOL)
			FUZZ_CHECK(a->v[v] == 0 || a->v[v] == 1);
		if (rs_var_kind(v) == RS_KIND_LEVEL)
			FUZZ_CHECK(a->v[v] >= 1 && a->v[v] <= 4);
	}
	(void)z;
}

static rs_status on_row(void *ctx, const rs_row *row, rs_error *err)
{
	fz *z = ctx;
	rs_account a;
	rs_error e;
	rs_status st;
	uint32_t guessed = 0, failed = 0;

	if (getenv("FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "line %lu: %zu cells, first \"%s\"%s%s\n", row->line, row->n,
		        row->n ? row->cell[0] : "", row->reject ? ", rejected: " : "",
		        row->reject ? row->reject : "");
	fuzz_check_row(row, false);
	FUZZ_CHECK(row->line > z->last_line);
	z->last_line = row->line;
	z->rows++;
	memset(&e, 0, sizeof e);
	z->map->conv = z->conv;
	st = rs_fieldmap_read(z->map, row, &a, &guessed, &failed, &e);
	FUZZ_CHECK(st == RS_OK || st == RS_EREJECT || st == RS_ENOMEM);
	/* The reader judges only a row too wide to store (the header may be a
	 * later record); the field map refuses any other width. */
	if (row->n != z->ncols)
		FUZZ_CHECK(st != RS_OK);
	if (st == RS_OK) {
		FUZZ_CHECK(row->reject == NULL);
		check_account(z, &a);
	} else {
		FUZZ_CHECK(e.msg[0] != '\0');
	}
	(void)err;
	return st == RS_ENOMEM ? st : RS_OK;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	rs_read_opts ro;
	rs_reader *r = NULL;
	rs_error err;
	char *copy;
	FILE *fp;
	fz z;
	rs_status st;
	char buf[600];

	fp = fuzz_fmemopen(data, size, &copy);
	if (fp == NULL)
		return 0;
	memset(&z, 0, sizeof z);
	memset(&err, 0, sizeof err);
	fuzz_read_opts(&ro, RS_FMT_CSV);
	st = rs_reader_open(&r, fp, "fuzz.csv", &ro, &err);
	if (st == RS_OK) {
		char d = rs_reader_delimiter(r);
		FUZZ_CHECK(d == ',' || d == ';' || d == '\t' || d == '|');
		z.conv = d == ';' ? ',' : '.';
		st = rs_reader_run(r, on_header, on_row, &z, &err);
	}
	FUZZ_CHECK(st != RS_EOF && st != RS_EREJECT);
	if (st != RS_OK) {
		FUZZ_CHECK(err.status == st);
		(void)rs_error_format(&err, buf, sizeof buf);
	}
	rs_fieldmap_free(z.map);
	rs_reader_free(r);
	fclose(fp);
	free(copy);
	return 0;
}
