/*
 * reader.c - rs_reader: opens the decoded input, picks the format (option,
 * file extension, else a look at the first line) and the CSV delimiter
 * (sniffed from the first lines), then hands over to the format's reader.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "reader_impl.h"
#include "mapfile.h"
#include "xlsx.h"

#define SNIFF_RECORDS 10 /* header plus this many records decide the delimiter */
#define PEEK_MAX ((size_t)64 << 10) /* rs_input_peek gives less only at the end */

struct rs_reader {
	rs_input *in;
	const char *name;
	rs_read_opts opts; /* limits defaulted */
	rs_format format;
	char delimiter;
	bool ran;
	rs_xlsx_in *xlsx; /* a workbook: read without rs_input */
	char **maps;      /* -m's specs and the map file's, when it has one */
	size_t nmaps;
	char page[RS_PAGE_MAX]; /* rs_read_ctx.page */
	char inner[RS_INNER_MAX]; /* rs_read_ctx.inner */
};

/* Whether v, or an object among its members (not inside arrays), holds a
 * non-empty array of objects only. */
static bool holds_records(const cJSON *v)
{
	for (const cJSON *m = v->child; cJSON_IsObject(v) && m != NULL; m = m->next) {
		const cJSON *e = cJSON_IsArray(m) ? m->child : NULL;

		while (e != NULL && cJSON_IsObject(e))
			e = e->next;
		if ((cJSON_IsArray(m) && m->child != NULL && e == NULL) || holds_records(m))
			return true;
	}
	return false;
}

/*
 * Input starting with '{' at p[i]: JSON Lines, unless its first line is the
 * start of a longer value (a pretty-printed object: cJSON runs out of text
 * on it, or it is longer than the sample) or the input is that one line and
 * it holds an array of records (an API's reply on one line): then JSON, an
 * object wrapping the records.
 */
static rs_format object_format(const char *p, size_t n, size_t i)
{
	const char *nl = memchr(p + i, '\n', n - i), *end = NULL;
	size_t len = nl != NULL ? (size_t)(nl - p) - i : n - i, last = len;
	bool alone = n < PEEK_MAX, wrapped;
	cJSON *v;

	if (nl == NULL && !alone)
		return RS_FMT_JSON;
	for (const char *q = nl; alone && q != NULL && q < p + n; q++)
		alone = (unsigned char)*q <= 32;
	while (last > 0 && (unsigned char)p[i + last - 1] <= 32)
		last--;
	v = cJSON_ParseWithLengthOpts(p + i, len, &end, 0);
	/* cJSON stops at the last byte when it ran out of text; at a closing
	 * bracket there, the line is whole and broken. */
	wrapped = v == NULL ? end != NULL && end >= p + i + last - 1 && *end != '}' && *end != ']'
	                    : alone && holds_records(v);
	cJSON_Delete(v);
	return wrapped ? RS_FMT_JSON : RS_FMT_JSONL;
}

static rs_format format_by_content(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')
			continue;
		if (p[i] == '[')
			return RS_FMT_JSON;
		if (p[i] == '{')
			return object_format(p, n, i);
		break;
	}
	return RS_FMT_CSV;
}

static const char candidates[] = {',', ';', '\t', '|'};
#define NCAND (sizeof candidates / sizeof candidates[0])

/*
 * Counts the candidate delimiters outside quotes in each of the first
 * records (quoted line breaks stay inside their record; blank lines are
 * skipped). A record cut off by the end of the sample is not counted unless
 * the sample is the whole input. Returns how many records were counted.
 */
static size_t count_delims(const char *p, size_t n, size_t counts[SNIFF_RECORDS + 1][NCAND])
{
	size_t rec = 0, i, k;
	bool quoted = false, any = false;

	memset(counts, 0, sizeof(size_t) * (SNIFF_RECORDS + 1) * NCAND);
	for (i = 0; i < n && rec <= SNIFF_RECORDS; i++) {
		char c = p[i];

		if (c == '"') {
			quoted = !quoted;
			any = true;
		} else if (quoted) {
			continue;
		} else if (c == '\n' || c == '\r') {
			rec += any;
			any = false;
		} else {
			any = true;
			for (k = 0; k < NCAND; k++)
				counts[rec][k] += (c == candidates[k]);
		}
	}
	if (any && rec <= SNIFF_RECORDS && n < PEEK_MAX && !quoted)
		rec++; /* the whole input was sampled: its last line counts */
	return rec;
}

static bool no_candidate(const size_t c[NCAND])
{
	return c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] == 0;
}

/*
 * The delimiter that appears the same number of times in every sampled
 * record from the first that holds it on (two records at least), the one
 * that starts earliest, then the most frequent; failing that, the most
 * frequent in the first record that holds any; none is one column: ','.
 * Lines that hold no candidate at all are passed over: titles above the
 * header, a ruled line of SAP's list. So is a title line above it that
 * holds another ("Accounts, Q4" above a ';' table).
 */
static char sniff_delimiter(const char *p, size_t n)
{
	size_t counts[SNIFF_RECORDS + 1][NCAND], start[NCAND];
	size_t nrec = count_delims(p, n, counts), h = 0, r, k, best = NCAND, most = NCAND;

	while (h + 1 < nrec && no_candidate(counts[h]))
		h++;
	for (k = 0; k < NCAND; k++) {
		bool same;

		for (start[k] = 0; start[k] < nrec && counts[start[k]][k] == 0; start[k]++)
			;
		same = start[k] < nrec && (start[k] + 1 < nrec || nrec == 1);
		for (r = start[k] + 1; r < nrec && same; r++)
			same = counts[r][k] == counts[start[k]][k] || no_candidate(counts[r]);
		if (same && (best == NCAND || start[k] < start[best] ||
		             (start[k] == start[best] && counts[start[k]][k] > counts[start[best]][best])))
			best = k;
		if (counts[h][k] > 0 && (most == NCAND || counts[h][k] > counts[h][most]))
			most = k;
	}
	if (best != NCAND)
		return candidates[best];
	return most != NCAND ? candidates[most] : ',';
}

static void apply_defaults(rs_read_opts *o)
{
	if (o->max_field == 0)
		o->max_field = RS_DEFAULT_MAX_FIELD;
	if (o->max_columns == 0)
		o->max_columns = RS_DEFAULT_MAX_COLUMNS;
	if (o->max_record == 0)
		o->max_record = RS_DEFAULT_MAX_RECORD;
}

static rs_status pick_format(rs_reader *r, rs_error *err)
{
	const char *p = NULL;
	size_t n = 0;
	rs_status st;

	r->format = r->opts.format;
	if (r->format == RS_FMT_AUTO)
		r->format = rs_format_of_path(r->name);
	if (r->format == RS_FMT_TABLE)
		return rs_error_set(err, RS_EUSAGE, 0, "the table format is for output only");
	if (r->format == RS_FMT_AUTO || r->format == RS_FMT_CSV) {
		if ((st = rs_input_peek(r->in, &p, &n, err)) != RS_OK)
			return st;
		if (n >= 4 && memcmp(p, "PK\003\004", 4) == 0)
			return rs_error_set(err, RS_EUSAGE, 0, "this looks like a zip archive (an .xlsx "
			                    "workbook?) read from a pipe: give --from xlsx");
		if (r->format == RS_FMT_AUTO)
			r->format = format_by_content(p, n);
	}
	if (r->format == RS_FMT_CSV || r->format == RS_FMT_TSV)
		r->delimiter = r->opts.delimiter != 0      ? r->opts.delimiter
		               : r->format == RS_FMT_TSV ? '\t'
		                                          : sniff_delimiter(p, n);
	return RS_OK;
}

/* A workbook by its content (a zip), else the decoded text stream. */
static rs_status open_input(rs_reader *r, FILE *fp, rs_error *err)
{
	rs_format want = r->opts.format != RS_FMT_AUTO ? r->opts.format : rs_format_of_path(r->name);
	bool book = false;
	rs_status st = rs_xlsx_detect(fp, want, &book, err);

	if (st == RS_OK && book) {
		r->format = RS_FMT_XLSX;
		return rs_xlsx_open(&r->xlsx, fp, r->name, &r->opts, err);
	}
	if (st == RS_OK)
		st = rs_input_open(&r->in, fp, r->name, r->opts.encoding, r->opts.lang, err);
	return st == RS_OK ? pick_format(r, err) : st;
}

/*
 * The map file's fields are read like -m's, so their dot paths (owner.name)
 * become a JSON record's hidden cells too: -m's specs first, then the file's.
 */
static rs_status file_maps(rs_reader *r, rs_error *err)
{
	const rs_mapfile *m = r->opts.map_file;
	size_t i, n, given = r->opts.nmaps;
	bool ok;

	if (m == NULL)
		return RS_OK;
	n = given + m->nfields;
	ok = (r->maps = rs_calloc(n + 1, sizeof *r->maps)) != NULL;
	for (i = 0; ok && i < n; i++) {
		const char *f = i < given ? r->opts.maps[i] : m->field[i - given];
		const char *c = i < given ? NULL : m->column[i - given];
		size_t size = strlen(f) + (c != NULL ? strlen(c) + 2 : 1);

		ok = (r->maps[i] = rs_malloc(size)) != NULL;
		if (ok)
			(void)snprintf(r->maps[i], size, c != NULL ? "%s=%s" : "%s", f, c);
		r->nmaps += ok;
	}
	if (!ok)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	r->opts.maps = (const char *const *)r->maps;
	r->opts.nmaps = r->nmaps;
	return RS_OK;
}

rs_status rs_reader_open(rs_reader **out, FILE *fp, const char *name,
                         const rs_read_opts *opts, rs_error *err)
{
	rs_reader *r;
	rs_status st;

	*out = NULL;
	err->file = name;
	r = rs_calloc(1, sizeof *r);
	if (r == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	r->name = name;
	if (opts != NULL)
		r->opts = *opts;
	apply_defaults(&r->opts);
	st = file_maps(r, err);
	if (st == RS_OK)
		st = open_input(r, fp, err);
	if (st != RS_OK) {
		err->file = name;
		rs_reader_free(r);
		return st;
	}
	*out = r;
	return RS_OK;
}

rs_status rs_reader_run(rs_reader *r, rs_header_fn on_header, rs_row_fn on_row,
                        void *ctx, rs_error *err)
{
	rs_read_ctx c = {r->in, r->name, &r->opts, on_header, on_row, ctx, r->page, r->inner};

	err->file = r->name;
	if (r->ran)
		return rs_error_set(err, RS_EUSAGE, 0, "the input was already read");
	r->ran = true;
	switch (r->format) {
	case RS_FMT_JSON:
		return rs_read_json(&c, err);
	case RS_FMT_JSONL:
		return rs_read_jsonl(&c, err);
	case RS_FMT_XLSX:
		return rs_read_xlsx(r->xlsx, &c, err);
	default:
		return rs_read_csv(&c, r->delimiter, err);
	}
}

bool rs_rowbuf_grow(rs_rowbuf *b, size_t col, size_t need)
{
	char *old = b->text.data;
	size_t i, pos;
	void *p;

	while (col >= b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 16;

		/* Each array is kept on failure (and grown ones stay grown): freed once. */
		if ((p = rs_realloc((void *)b->cell, cap * sizeof *b->cell)) == NULL)
			return false;
		b->cell = p;
		if ((p = rs_realloc(b->len, cap * sizeof *b->len)) == NULL)
			return false;
		b->len = p;
		if ((p = rs_realloc(b->type, cap)) == NULL)
			return false;
		b->type = p;
		b->cap = cap;
	}
	if (!rs_buf_reserve(&b->text, need))
		return false;
	for (i = pos = 0; b->text.data != old && i < b->n; pos += b->len[i++] + 1)
		b->cell[i] = b->text.data + pos; /* the text moved */
	return true;
}

void rs_rowbuf_free(rs_rowbuf *b)
{
	rs_buf_free(&b->text);
	rs_free((void *)b->cell);
	rs_free(b->len);
	rs_free(b->type);
}

rs_format rs_reader_format(const rs_reader *r)
{
	return r->format;
}

char rs_reader_delimiter(const rs_reader *r)
{
	return r->delimiter;
}

void rs_reader_sheet_hint(const rs_reader *r, char *out, size_t cap)
{
	out[0] = '\0';
	if (r != NULL && r->xlsx != NULL)
		rs_xlsx_sheet_hint(r->xlsx, r->opts.lang, out, cap);
}

const char *rs_reader_active_sheet(const rs_reader *r, const char **read)
{
	return r != NULL && r->xlsx != NULL ? rs_xlsx_active_other(r->xlsx, read) : NULL;
}

const char *rs_reader_sheets(const rs_reader *r, char *out, size_t cap, const char **full)
{
	out[0] = '\0';
	*full = NULL;
	return r != NULL && r->xlsx != NULL ? rs_xlsx_sheets(r->xlsx, out, cap, full) : NULL;
}

const char *rs_reader_same_sheet(const rs_reader *r, const char **read, size_t *others)
{
	*others = 0;
	*read = NULL;
	return r != NULL && r->xlsx != NULL ? rs_xlsx_same_header(r->xlsx, read, others) : NULL;
}

size_t rs_reader_merged(const rs_reader *r, size_t col, unsigned long after, unsigned long *top,
                        unsigned long *bottom)
{
	return r != NULL && r->xlsx != NULL ? rs_xlsx_merged(r->xlsx, col, after, top, bottom) : 0;
}

bool rs_reader_column_hidden(const rs_reader *r, size_t col)
{
	return r != NULL && r->xlsx != NULL && rs_xlsx_column_hidden(r->xlsx, col);
}

unsigned long rs_reader_hidden_rows(const rs_reader *r, unsigned long *first)
{
	*first = 0;
	return r != NULL && r->xlsx != NULL ? rs_xlsx_hidden_rows(r->xlsx, first) : 0;
}

const char *rs_reader_page(const rs_reader *r)
{
	return r != NULL && r->page[0] != '\0' ? r->page : NULL;
}

const char *rs_reader_inner(const rs_reader *r)
{
	return r != NULL && r->inner[0] != '\0' ? r->inner : NULL;
}

const char *rs_reader_encoding(const rs_reader *r)
{
	return r->in != NULL ? rs_input_encoding(r->in) : "UTF-8";
}

void rs_reader_free(rs_reader *r)
{
	if (r == NULL)
		return;
	rs_input_free(r->in);
	rs_xlsx_in_free(r->xlsx);
	while (r->nmaps > 0)
		rs_free(r->maps[--r->nmaps]);
	rs_free(r->maps);
	rs_free(r);
}
