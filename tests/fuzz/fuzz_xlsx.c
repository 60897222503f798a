/*
 * fuzz_xlsx.c - the workbook reader's XML handling: the input is up to four
 * XML parts separated by "\n--\n" (the sheet, the shared strings, the
 * styles, the workbook), packed by libzip into a valid .xlsx (fuzzing the
 * zip bytes themselves would mostly hit libzip's checksums), then read with
 * rs_reader as a run does. Checks what a row promises and that the reader
 * ends with a status and a message.
 */
#include <math.h>
#include <unistd.h>
#include <zip.h>

#include "fuzz_common.h"

static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"/xl/styles.xml\"/></Relationships>";
static const char workbook[] =
	"<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"S 2\" sheetId=\"2\" "
	"r:id=\"rId1\"/></sheets></workbook>";

static size_t ncols;

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	(void)ctx, (void)err;
	fuzz_check_row(h, true);
	FUZZ_CHECK(h->reject == NULL && h->n > 0);
	ncols = h->n;
	return RS_OK;
}

static rs_status on_row(void *ctx, const rs_row *row, rs_error *err)
{
	size_t i;

	(void)ctx, (void)err;
	fuzz_check_row(row, false);
	/* Short rows are padded to the header's width (Excel stores no trailing
	 * empty cells); a wider one is the classifier's to judge, since the
	 * header may be a later row than the first. */
	FUZZ_CHECK(row->reject != NULL || row->n >= ncols);
	for (i = 0; i < row->n; i++) {
		char *e;
		double v;

		if (row->type == NULL || row->type[i] != RS_T_NUMBER)
			continue;
		v = strtod(row->cell[i], &e); /* a number cell is a whole, finite number */
		FUZZ_CHECK(row->len[i] > 0 && *e == '\0' && isfinite(v));
	}
	return RS_OK;
}

/* Adds the part (borrowed until zip_close), or the default when it is absent. */
static void add(zip_t *z, const char *name, const unsigned char *p, size_t n, const char *dflt)
{
	zip_source_t *s;

	if (p == NULL) {
		if (dflt == NULL)
			return;
		p = (const unsigned char *)dflt;
		n = strlen(dflt);
	}
	if ((s = zip_source_buffer(z, p, n, 0)) != NULL && zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0)
		zip_source_free(s);
}

/* The next "\n--\n" in [p, end), or NULL (memmem is a GNU extension). */
static const unsigned char *separator(const unsigned char *p, const unsigned char *end)
{
	for (; end - p >= 4; p++)
		if (memcmp(p, "\n--\n", 4) == 0)
			return p;
	return NULL;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static char path[64];
	static const char *const names[4] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
	                                     "xl/styles.xml", "xl/workbook.xml"};
	const unsigned char *part[4] = {NULL, NULL, NULL, NULL}, *p = data, *end = data + size;
	size_t len[4] = {0, 0, 0, 0}, k;
	rs_read_opts ro;
	rs_reader *r = NULL;
	rs_error err;
	rs_status st;
	char buf[600];
	zip_t *z;
	FILE *fp;
	int code;

	if (path[0] == '\0') {
		int fd;

		strcpy(path, "/tmp/fuzz_xlsx.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
	}
	for (k = 0; k < 4 && p <= end; k++) {
		const unsigned char *q = separator(p, end);

		part[k] = p;
		len[k] = (size_t)((q ? q : end) - p);
		if (q == NULL)
			break;
		p = q + 4;
	}
	if ((z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code)) == NULL)
		return 0;
	for (k = 0; k < 4; k++)
		add(z, names[k], part[k], len[k], k == 3 ? workbook : NULL);
	add(z, "xl/_rels/workbook.xml.rels", NULL, 0, rels);
	if (zip_close(z) != 0) {
		zip_discard(z);
		return 0;
	}
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	memset(&err, 0, sizeof err);
	ncols = 0;
	fuzz_read_opts(&ro, RS_FMT_AUTO);
	st = rs_reader_open(&r, fp, "fuzz.xlsx", &ro, &err);
	if (st == RS_OK) {
		FUZZ_CHECK(rs_reader_format(r) == RS_FMT_XLSX);
		st = rs_reader_run(r, on_header, on_row, NULL, &err);
	}
	FUZZ_CHECK(st != RS_EOF && st != RS_EREJECT);
	if (st != RS_OK) {
		FUZZ_CHECK(err.status == st && err.msg[0] != '\0');
		(void)rs_error_format(&err, buf, sizeof buf);
	}
	rs_reader_free(r);
	fclose(fp);
	return 0;
}
