/*
 * fuzz_json.c - the JSON readers: an input whose first non-blank byte is '['
 * goes to the array reader, '{' to the format sniffing (JSON Lines, or an
 * object wrapping the records), anything else to the JSON Lines reader (so
 * the seed files are plain .json and .jsonl files). Maps name dot paths, so
 * rows carry hidden cells. Checks what every row promises, that good rows
 * have the header's width, that number cells are finite JSON number text
 * and that object and array cells are one line of valid JSON.
 */
#include <cjson/cJSON.h>
#include <math.h>

#include "fuzz_common.h"

typedef struct fz {
	bool header;
	size_t ncols;
	unsigned long rows, last_line;
	rs_format f;
} fz;

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	fz *z = ctx;
	size_t i, j;

	fuzz_check_row(h, true);
	FUZZ_CHECK(!z->header);
	FUZZ_CHECK(h->reject == NULL);
	z->header = true;
	z->ncols = h->n;
	/* Keys are columns: no two alike (duplicate keys are refused). Input
	 * with NUL bytes may be read as CSV (see below), whose header may repeat
	 * a name: only the JSON readers promise this. */
	if (z->f != RS_FMT_JSON && z->f != RS_FMT_JSONL)
		return RS_OK;
	for (i = 0; i < h->n + h->extra && i < 64; i++)
		for (j = i + 1; j < h->n + h->extra && j < 64; j++)
			FUZZ_CHECK(h->len[i] != h->len[j] ||
			           memcmp(h->cell[i], h->cell[j], h->len[i]) != 0);
	(void)err;
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *row, rs_error *err)
{
	fz *z = ctx;
	size_t i;

	FUZZ_CHECK(z->header);
	fuzz_check_row(row, false);
	if (z->f == RS_FMT_JSONL)
		FUZZ_CHECK(row->line > z->last_line);
	else
		FUZZ_CHECK(row->line >= z->last_line);
	z->last_line = row->line;
	z->rows++;
	if (row->reject != NULL)
		return RS_OK;
	/* Only the JSON readers promise rows as wide as the header: input with
	 * NUL bytes may be sniffed as UTF-16 and read as CSV (see below). */
	FUZZ_CHECK((z->f != RS_FMT_JSON && z->f != RS_FMT_JSONL) || row->n == z->ncols);
	for (i = 0; i < row->n + row->extra; i++) {
		const char *s = row->cell[i];
		unsigned char t = row->type ? row->type[i] : RS_T_STRING;
		char *end;

		/* cJSON cuts strings at \u0000; the reader must reject those. */
		FUZZ_CHECK(memchr(s, '\0', row->len[i]) == NULL);
		if (t == RS_T_NUMBER) {
			double v = strtod(s, &end);
			FUZZ_CHECK(row->len[i] > 0 && end == s + row->len[i]);
			FUZZ_CHECK(isfinite(v));
			FUZZ_CHECK(strchr(s, ',') == NULL);
		} else if (t == RS_T_BOOL) {
			FUZZ_CHECK(strcmp(s, "true") == 0 || strcmp(s, "false") == 0);
		} else if (t == RS_T_NULL) {
			FUZZ_CHECK(row->len[i] == 0);
		} else if (t == RS_T_JSON) {
			cJSON *v = cJSON_ParseWithLength(s, row->len[i]);

			FUZZ_CHECK(s[0] == '{' || s[0] == '[');
			for (size_t k = 0; k < row->len[i]; k++)
				FUZZ_CHECK((unsigned char)s[k] >= 0x20);
			FUZZ_CHECK(v != NULL); /* no allocation fails here */
			cJSON_Delete(v);
		}
	}
	(void)err;
	return RS_OK;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const maps[] = {"name=owner.name", "contacts=Contacts.totalSize",
	                                   "id=a.b.c", "x=properties.share"};
	rs_read_opts ro;
	rs_reader *r = NULL;
	rs_error err;
	char *copy;
	FILE *fp;
	fz z;
	size_t i = 0;
	rs_status st;
	char buf[600];

	while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	memset(&z, 0, sizeof z);
	z.f = i < size && data[i] == '[' ? RS_FMT_JSON : i < size && data[i] == '{' ? RS_FMT_AUTO
	                                                                     : RS_FMT_JSONL;
	fp = fuzz_fmemopen(data, size, &copy);
	if (fp == NULL)
		return 0;
	memset(&err, 0, sizeof err);
	fuzz_read_opts(&ro, z.f);
	ro.maps = maps;
	ro.nmaps = sizeof maps / sizeof *maps;
	ro.json_path = size % 4 == 1 ? "results" : size % 4 == 2 ? "data.items" : NULL;
	st = rs_reader_open(&r, fp, z.f == RS_FMT_JSON ? "fuzz.json" : z.f == RS_FMT_JSONL ? "fuzz.jsonl"
	                                                                                 : "-", &ro, &err);
	if (st == RS_OK) {
		FUZZ_CHECK(z.f == RS_FMT_AUTO || rs_reader_format(r) == z.f);
		z.f = rs_reader_format(r);
		/* NUL bytes may make the text UTF-16 (the encoding is sniffed
		 * first), and then it need not start with '{' any more. */
		FUZZ_CHECK(z.f == RS_FMT_JSON || z.f == RS_FMT_JSONL || memchr(data, 0, size) != NULL);
		FUZZ_CHECK((z.f != RS_FMT_JSON && z.f != RS_FMT_JSONL) || rs_reader_delimiter(r) == 0);
		st = rs_reader_run(r, on_header, on_row, &z, &err);
	}
	FUZZ_CHECK(st != RS_EOF && st != RS_EREJECT);
	if (st != RS_OK) {
		FUZZ_CHECK(err.status == st);
		(void)rs_error_format(&err, buf, sizeof buf);
	}
	rs_reader_free(r);
	fclose(fp);
	free(copy);
	return 0;
}
