/*
 * read_xlsx.c - rows from an .xlsx workbook: libzip opens the archive and
 * expat streams each part's XML (workbook, relationships, styles, shared
 * strings, then the sheet, row by row), so a sheet of any length reads in
 * flat memory. The shared-strings table is the exception: cells refer to
 * it by index from anywhere in the sheet, so it is held in memory, capped at
 * RS_XLSX_MAX_SHARED bytes.
 *
 * Cells arrive as a person sees them: numbers as the shortest text of the
 * 15 significant digits Excel shows (0.85, not 0.85000000000000009), cells
 * formatted as dates as ISO dates, percentages as "85%", booleans as
 * true/false, text (shared, inline, rich) as written, _x000D_ escapes
 * decoded. A formula gives its cached value; a formula without one
 * (openpyxl), or with the 0 XlsxWriter writes for every formula in a
 * workbook it asks to recalculate on opening, stops the run: its value is
 * unknown.
 */
#include <errno.h>
#include <expat.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>

#include "fields_impl.h"
#include "msg.h"
#include "xlsx.h"

#define CHUNK ((int)64 << 10)
#define NS_SEP '|' /* between a namespace and a local name (expat) */

/* A list of NUL-terminated strings in one buffer. */
typedef struct strs {
	rs_buf text;
	size_t *off, n, cap;
} strs;

struct rs_xlsx_in {
	zip_t *zip;
	const char *name;
	rs_read_opts opts;
	bool date1904;
	bool recalc;            /* calcPr fullCalcOnLoad: recalculate on opening */
	strs sheet_name, sheet_rid, rel_id, rel_target;
	rs_buf sheet_shown;     /* per sheet: 1 if not hidden */
	rs_buf rel_cells;       /* per relationship: 1 unless a chart sheet */
	size_t active;          /* the sheet Excel opens on (activeTab); SIZE_MAX: none */
	char sst_path[256], styles_path[256];
	rs_buf xf_kind;         /* per cell style (cellXfs), RS_XLSX_ bits */
	strs xf_unit;           /* per cell style: "pre\0post", the text its format shows
	                           around a number (rs_xlsx_fmt_around), "\0" if none */
	rs_buf xf_pad;          /* per cell style: the digits it pads a whole number to, or 0 */
	rs_buf xf_cur;          /* per cell style: an unsigned short, the currencies its format
	                           shows beside a number (rs_xlsx_fmt_currency), 0 if none */
	strs fmt_code;          /* custom number formats: "id\0code" */
	strs sst;               /* the shared strings */
	size_t *read, nread;    /* the sheet asked for, then "NAME 2", ...; once read,
	                           nread counts those read (the rest: not continuations) */
	size_t nnamed;          /* the sheets named as continuations */
	size_t same, nsame;     /* other shown sheets not read whose first row is the first
	                           read's (a region's or a rep's accounts): the first, how many */
	bool full;              /* the last sheet read uses row 1,048,576 */
	unsigned long hidden, first_hidden; /* rows after the header hidden, the first's line */
	rs_buf col_hidden;      /* per column of the sheets read: 1 if hidden (<col hidden>) */
	struct merged { size_t col; unsigned long top, bottom; } *merged; /* one column, rows */
	size_t nmerged, cap_merged;
};

static const char *local_name(const char *name)
{
	const char *s = strrchr(name, NS_SEP);

	return s != NULL ? s + 1 : name;
}

static const char *attr(const char **a, const char *lname)
{
	for (; a[0] != NULL; a += 2)
		if (strcmp(local_name(a[0]), lname) == 0)
			return a[1];
	return NULL;
}

static bool strs_add(strs *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		size_t *off = rs_realloc(l->off, cap * sizeof *off);

		if (off == NULL)
			return false;
		l->off = off;
		l->cap = cap;
	}
	l->off[l->n++] = l->text.len;
	return rs_buf_append(&l->text, s, n) && rs_buf_putc(&l->text, '\0');
}

static const char *strs_at(const strs *l, size_t i)
{
	return l->text.data + l->off[i];
}

static void strs_free(strs *l)
{
	rs_buf_free(&l->text);
	rs_free(l->off);
}

/* ------------------------------------------------------------ XML parts */

typedef struct part {
	rs_xlsx_in *x;
	XML_Parser p;
	rs_status st;
	rs_error *err;
	void *ud; /* the handlers' own state */
} part;

static void stop(part *pt, rs_status st)
{
	if (pt->st == RS_OK)
		pt->st = st;
	XML_StopParser(pt->p, XML_FALSE);
}

static void nomem(part *pt)
{
	stop(pt, rs_error_set(pt->err, RS_ENOMEM, 0, "out of memory"));
}

/*
 * Streams the archive's entry `path` through expat with these handlers.
 * A missing entry is RS_EOF when `optional`, else an error.
 */
static rs_status parse_part(rs_xlsx_in *x, const char *path, bool optional, void *ud,
                            XML_StartElementHandler start, XML_EndElementHandler end,
                            XML_CharacterDataHandler text, rs_error *err)
{
	/* Expat allocates through the hook. A failure inside it can surface as
	 * another error ("unbound prefix"): the hook's failure count tells. */
	static const XML_Memory_Handling_Suite mem = {rs_malloc, rs_realloc, rs_free};
	unsigned long failures = rs_alloc_failures();
	zip_file_t *f = zip_fopen(x->zip, path, 0);
	part pt = {x, NULL, RS_OK, err, ud};
	zip_int64_t got = 1;
	void *buf;

	if (f == NULL && optional)
		return RS_EOF;
	if (f == NULL)
		return rs_error_set(err, RS_EPARSE, 0, "not an .xlsx workbook: no %s in the archive (%s)",
		                    path, zip_strerror(x->zip));
	if ((pt.p = XML_ParserCreate_MM(NULL, &mem, (XML_Char[]){NS_SEP, '\0'})) == NULL) {
		zip_fclose(f);
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	XML_SetUserData(pt.p, &pt);
	XML_SetElementHandler(pt.p, start, end);
	XML_SetCharacterDataHandler(pt.p, text);
	while (got > 0 && pt.st == RS_OK) {
		if ((buf = XML_GetBuffer(pt.p, CHUNK)) == NULL) {
			nomem(&pt);
			break;
		}
		if ((got = zip_fread(f, buf, (zip_uint64_t)CHUNK)) < 0) {
			pt.st = rs_error_set(err, RS_EIO, 0, "%s: %s", path, zip_file_strerror(f));
			break;
		}
		if (XML_ParseBuffer(pt.p, (int)got, got == 0) == XML_STATUS_ERROR && pt.st == RS_OK)
			pt.st = rs_alloc_failures() != failures || XML_GetErrorCode(pt.p) == XML_ERROR_NO_MEMORY
			        ? rs_error_set(err, RS_ENOMEM, 0, "out of memory")
			        : rs_error_set(err, RS_EPARSE, 0, "%s: line %lu: %s", path,
			                       (unsigned long)XML_GetCurrentLineNumber(pt.p),
			                       rs_msg_tr(err->lang, XML_ErrorString(XML_GetErrorCode(pt.p))));
	}
	XML_ParserFree(pt.p);
	zip_fclose(f);
	return pt.st;
}

/* xl/workbook.xml: the sheets in order, the date system, and whether the
 * formulas' stored values can be trusted. */
static void workbook_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	part *pt = ud;
	const char *ln = local_name(name), *s, *id, *state;

	if (strcmp(ln, "workbookPr") == 0 && (s = attr(a, "date1904")) != NULL)
		pt->x->date1904 = strcmp(s, "1") == 0 || strcmp(s, "true") == 0;
	if (strcmp(ln, "calcPr") == 0 && (s = attr(a, "fullCalcOnLoad")) != NULL)
		pt->x->recalc = strcmp(s, "1") == 0 || strcmp(s, "true") == 0;
	if (strcmp(ln, "workbookView") == 0 && pt->x->active == SIZE_MAX) /* bookViews precede sheets */
		pt->x->active = (s = attr(a, "activeTab")) != NULL ? strtoul(s, NULL, 10) : 0;
	if (strcmp(ln, "sheet") != 0 || (s = attr(a, "name")) == NULL || (id = attr(a, "id")) == NULL)
		return;
	state = attr(a, "state"); /* hidden, veryHidden, visible */
	if (state != NULL && strcmp(state, "visible") != 0 && pt->x->active == pt->x->sheet_name.n)
		pt->x->active = SIZE_MAX; /* Excel never opens on a hidden sheet */
	if (!rs_buf_putc(&pt->x->sheet_shown, state == NULL || strcmp(state, "visible") == 0) ||
	    !strs_add(&pt->x->sheet_name, s, strlen(s)) ||
	    !strs_add(&pt->x->sheet_rid, id, strlen(id)))
		nomem(pt);
}

/* A relationship's target as a path in the archive: relative to xl/
 * (where workbook.xml is), or from the root when it starts with '/';
 * "." and ".." segments resolved ("../xl/worksheets/sheet1.xml"), since
 * the archive's names hold none. */
static void set_path(char *dst, size_t cap, const char *target)
{
	char *seg, *w = dst;

	(void)snprintf(dst, cap, target[0] == '/' ? "%s" : "xl/%s", target + (target[0] == '/'));
	for (seg = dst; *seg != '\0';) {
		size_t n = strcspn(seg, "/");
		bool last = seg[n] == '\0';

		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (w > dst && *--w != '/')
				;
		} else if (n > 1 || (n == 1 && seg[0] != '.')) {
			if (w > dst)
				*w++ = '/';
			memmove(w, seg, n);
			w += n;
		}
		seg += n + !last;
	}
	*w = '\0';
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* xl/_rels/workbook.xml.rels: where each sheet, the styles and the
 * shared strings are. */
static void rels_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	part *pt = ud;
	rs_xlsx_in *x = pt->x;
	const char *id = attr(a, "Id"), *target = attr(a, "Target"), *type = attr(a, "Type");

	if (strcmp(local_name(name), "Relationship") != 0 || id == NULL || target == NULL)
		return;
	if (type != NULL && ends_with(type, "/sharedStrings"))
		set_path(x->sst_path, sizeof x->sst_path, target);
	if (type != NULL && ends_with(type, "/styles"))
		set_path(x->styles_path, sizeof x->styles_path, target);
	if (!strs_add(&x->rel_id, id, strlen(id)) ||
	    !strs_add(&x->rel_target, target, strlen(target)) ||
	    !rs_buf_putc(&x->rel_cells, type == NULL || !ends_with(type, "/chartsheet")))
		nomem(pt);
}

/* ------------------------------------------------------------ styles */

/* The workbook's own number format `id` (<numFmt>), or NULL: a built-in one. */
static const char *fmt_code(const rs_xlsx_in *x, const char *id)
{
	size_t i;

	for (i = 0; i < x->fmt_code.n; i++)
		if (strcmp(strs_at(&x->fmt_code, i), id) == 0)
			return strs_at(&x->fmt_code, i) + strlen(id) + 1;
	return NULL;
}

/* A cell style's number format: what it shows (RS_XLSX_ bits), the
 * currency it shows beside a number, and the text of a scale around a
 * number and the digits it pads one to, if any (built-in formats have
 * none of these: 5-8, 42 and 44 show the currency of the computer that
 * opens the file, which the file does not say). */
static bool add_xf(rs_xlsx_in *x, const char *id)
{
	const char *code = id != NULL ? fmt_code(x, id) : NULL;
	char pre[RS_XLSX_UNIT] = "", post[RS_XLSX_UNIT] = "";
	unsigned pad = 0;
	unsigned short cur = 0;

	if (code != NULL && rs_xlsx_fmt_currency(code, pre, post))
		cur = (unsigned short)(rs_value_currencies(pre, strlen(pre)) |
		                       rs_value_currencies(post, strlen(post)));
	pre[0] = post[0] = '\0';
	if (code != NULL)
		(void)rs_xlsx_fmt_around(code, pre, post, &pad);
	return rs_buf_append(&x->xf_cur, &cur, sizeof cur) &&
	       rs_buf_putc(&x->xf_kind, (char)(id != NULL ? rs_xlsx_fmt_kind(id, code) : 0)) &&
	       rs_buf_putc(&x->xf_pad, (char)pad) &&
	       strs_add(&x->xf_unit, pre, strlen(pre)) && rs_buf_puts(&x->xf_unit.text, post) &&
	       rs_buf_putc(&x->xf_unit.text, '\0');
}

static void styles_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	part *pt = ud;
	rs_xlsx_in *x = pt->x;
	bool *in_xfs = pt->ud;
	const char *ln = local_name(name), *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");

	if (strcmp(ln, "cellXfs") == 0)
		*in_xfs = true;
	if (strcmp(ln, "numFmt") == 0 && id != NULL && code != NULL &&
	    (!strs_add(&x->fmt_code, id, strlen(id)) || !rs_buf_puts(&x->fmt_code.text, code) ||
	     !rs_buf_putc(&x->fmt_code.text, '\0')))
		nomem(pt);
	if (strcmp(ln, "xf") == 0 && *in_xfs && !add_xf(x, id))
		nomem(pt);
}

static void styles_end(void *ud, const XML_Char *name)
{
	part *pt = ud;

	if (strcmp(local_name(name), "cellXfs") == 0)
		*(bool *)pt->ud = false;
}

/* ------------------------------------------------------ shared strings */

/* State while reading xl/sharedStrings.xml: the text of <t> elements of
 * each <si>, but not of its <rPh> (phonetic guides). */
typedef struct sst_rd {
	bool in_t;
	int rph;
} sst_rd;

static void sst_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	part *pt = ud;
	sst_rd *s = pt->ud;
	const char *ln = local_name(name);
	strs *l = &pt->x->sst;

	(void)a;
	if (strcmp(ln, "si") == 0 && !strs_add(l, "", 0))
		nomem(pt);
	else if (strcmp(ln, "si") == 0)
		l->text.len--; /* the string's NUL comes at </si> */
	s->rph += strcmp(ln, "rPh") == 0;
	s->in_t = strcmp(ln, "t") == 0 && s->rph == 0 && l->n > 0;
}

static void sst_end(void *ud, const XML_Char *name)
{
	part *pt = ud;
	sst_rd *s = pt->ud;
	const char *ln = local_name(name);

	s->in_t = false;
	s->rph -= strcmp(ln, "rPh") == 0;
	if (strcmp(ln, "si") == 0 && pt->x->sst.n > 0) {
		strs *l = &pt->x->sst;
		size_t at = l->off[l->n - 1];

		l->text.len = at + rs_xlsx_unescape(l->text.data + at, l->text.len - at);
		if (!rs_buf_putc(&l->text, '\0'))
			nomem(pt);
	}
}

static void sst_text(void *ud, const XML_Char *t, int n)
{
	part *pt = ud;
	rs_buf *b = &pt->x->sst.text;

	if (!((sst_rd *)pt->ud)->in_t)
		return;
	if (b->len + (size_t)n > RS_XLSX_MAX_SHARED)
		stop(pt, rs_error_set(pt->err, RS_ELIMIT, 0,
		                      "the workbook's shared strings pass %zu MiB, which relstage "
		                      "holds in memory; save the sheet as CSV and classify that",
		                      RS_XLSX_MAX_SHARED >> 20));
	else if (!rs_buf_append(b, t, (size_t)n))
		nomem(pt);
}

/* ------------------------------------------------------------ sheets */

typedef struct sheet_rd {
	const rs_read_ctx *c;
	bool have_header, cont;   /* cont: a continuation sheet, header not seen yet */
	bool probe, same;         /* probe: only compare the first row with hdr, into same */
	size_t ncols;             /* the header's cells */
	char *hdr;                /* the header's cells, for the continuations */
	size_t hdr_len;
	/* the cell being read */
	bool in_cell, in_value, in_is;
	bool formula, has_v;      /* an <f>, a <v> */
	int rph;
	char t;                   /* its type: n s b e i (inline) S (str) d */
	unsigned char kind;
	const char *unit;         /* the text its format shows around a number (xf_unit), or NULL */
	size_t pad;               /* the digits its format pads a whole number to, or 0 */
	unsigned short cur;       /* the currencies its format shows (xf_cur) */
	size_t col;
	rs_buf text;
	/* the row being read */
	unsigned long row, next_row;
	bool hidden;              /* <row hidden="1">: hidden or filtered out in Excel */
	size_t next_col, values;
	size_t total;             /* cells counted, stored or not (max_columns) */
	rs_rowbuf cells;
	unsigned short *curs;     /* per cell of the row: the currency its format shows, or 0 */
	size_t cur_cap;           /* curs' cells, all 0 past the row's */
	bool row_cur;             /* a cell of the row has one */
	char why[96];
} sheet_rd;

/* Column index of a cell reference ("AB12" -> 27); -1 if there is none. */
static long ref_col(const char *r)
{
	long col = 0;

	if (r == NULL || *r < 'A' || *r > 'Z')
		return -1;
	for (; *r >= 'A' && *r <= 'Z' && col <= LONG_MAX / 26 - 26; r++)
		col = col * 26 + (*r - 'A' + 1);
	return col - 1;
}

/* Column letters of index col ("A" for 0, "AB" for 27), for messages. */
static void col_letters(size_t col, char out[8])
{
	char rev[8];
	size_t n = 0;

	do {
		rev[n++] = (char)('A' + col % 26);
		col = col / 26;
	} while (col-- > 0 && n < sizeof rev - 1);
	for (col = 0; col < n; col++)
		out[col] = rev[n - 1 - col];
	out[n] = '\0';
}

/*
 * A number cell's text num (k bytes) as its format shows it (shown, *n):
 * the format's text around it, and a whole number padded with zeros to its
 * digits (1001 under 000000 is 001001). Text then, no longer a number,
 * unless the format changed nothing.
 */
static const char *around(const sheet_rd *s, const char *num, size_t k, char *shown, size_t *n,
                          unsigned char *type)
{
	size_t zeros = s->pad > k && num[strspn(num, "0123456789")] == '\0' ? s->pad - k : 0;
	const char *post = s->unit + strlen(s->unit) + 1;
	int w;

	if (zeros == 0 && s->unit[0] == '\0' && post[0] == '\0') { /* 123456 under 000000 */
		*n = k;
		return num;
	}
	w = snprintf(shown, RS_XLSX_CELL_TEXT + 3 * RS_XLSX_UNIT, "%s%.*s%s%s", s->unit, (int)zeros,
	             "0000000000000000000000000000000", num, post); /* zeros < RS_XLSX_UNIT */
	*n = w > 0 ? (size_t)w : 0;
	*type = RS_T_STRING;
	return shown;
}

/* Cell col's currency, shown by its number format alone ("€" for 1200
 * under [$€-407]#,##0.00), for the amounts' check (fields.c); curs only
 * grows with the row's width, and is zero past the cells set. */
static bool cur_room(sheet_rd *s, size_t n)
{
	size_t cap = s->cells.cap > n ? s->cells.cap : n;
	unsigned short *p;

	if (n <= s->cur_cap)
		return true;
	if ((p = rs_realloc(s->curs, cap * sizeof *p)) == NULL)
		return false;
	memset(p + s->cur_cap, 0, (cap - s->cur_cap) * sizeof *p);
	s->curs = p, s->cur_cap = cap;
	return true;
}

static bool put_cur(sheet_rd *s, size_t col)
{
	if (!cur_room(s, col + 1))
		return false;
	s->curs[col] = s->cur;
	s->row_cur = true;
	return true;
}

/* A finished <c>: its value as text, by its type and number format. */
static void end_cell(part *pt, sheet_rd *s)
{
	rs_xlsx_in *x = pt->x;
	const char *t = s->text.data != NULL ? s->text.data : "";
	size_t n = s->text.len;
	unsigned char type = RS_T_STRING;
	char num[RS_XLSX_CELL_TEXT], shown[RS_XLSX_CELL_TEXT + 3 * RS_XLSX_UNIT];

	/* An empty value is a formula's result only as text (t="str"); a 0, or
	 * an empty text, in a workbook to be recalculated is a stand-in for any
	 * result (XlsxWriter's), since its writer did not calculate. */
	if (s->formula && (!s->has_v || (n == 0 && (s->t != 'S' || x->recalc)) ||
	                   (x->recalc && n == 1 && t[0] == '0'))) {
		col_letters(s->col, num);
		stop(pt, rs_error_set(pt->err, RS_EPARSE, s->row,
		                      "cell %s%lu holds a formula whose calculated value the workbook "
		                      "does not hold (it was written by a program that does not calculate, "
		                      "such as openpyxl or XlsxWriter); open it in Excel, WPS or "
		                      "LibreOffice and save it, or save the sheet as CSV",
		                      num, s->row));
		return;
	}
	if (s->t == 's') {
		char *end;
		unsigned long i = strtoul(t, &end, 10);

		if (end == t || i >= x->sst.n) {
			stop(pt, rs_error_set(pt->err, RS_EPARSE, s->row,
			                      "a cell refers to shared string %s of %zu", t, x->sst.n));
			return;
		}
		t = strs_at(&x->sst, i);
		n = (i + 1 < x->sst.n ? x->sst.off[i + 1] : x->sst.text.len) - x->sst.off[i] - 1;
	} else if (s->t == 'd' && n > 0) {
		size_t k = rs_xlsx_iso_text(t, s->kind, num); /* 0: not ISO, kept as written */

		if (k > 0)
			t = num, n = k;
	} else if (s->t == 'i' || s->t == 'S') {
		n = n > 0 ? rs_xlsx_unescape(s->text.data, n) : 0;
	} else if (s->t == 'b' && n > 0) {
		/* 1 and 0; some writers spell them TRUE and FALSE. An empty cell stays
		 * empty (not false), anything else as written, for the field to judge. */
		bool yes = strcmp(t, "1") == 0 || strcasecmp(t, "true") == 0;

		if (yes || strcmp(t, "0") == 0 || strcasecmp(t, "false") == 0) {
			t = yes ? "true" : "false";
			n = strlen(t);
			type = RS_T_BOOL;
		}
	} else if (s->t == 'n' && n > 0) {
		size_t k = (s->kind & (RS_XLSX_DATE | RS_XLSX_TIME))
		           ? rs_xlsx_date_text(t, s->kind, x->date1904, num) : 0;

		if (k == 0 && (k = rs_xlsx_num_text(t, s->kind & RS_XLSX_PCT ? 2 : 0, num)) > 0) {
			if (s->kind & RS_XLSX_PCT)
				num[k++] = '%';
			else
				type = RS_T_NUMBER;
		}
		if (k > 0) {
			t = num;
			n = k;
		}
		if (type == RS_T_NUMBER && s->unit != NULL) /* 88 under #,##0"万元" shows 88万元 */
			t = around(s, num, k, shown, &n, &type);
	}
	if (n > s->c->opts->max_field) {
		stop(pt, rs_error_set(pt->err, RS_ELIMIT, s->row,
		                      "a cell is longer than the limit of %zu bytes",
		                      s->c->opts->max_field));
		return;
	}
	if (n == 0)
		return;
	/* A row's cells come left to right; one out of order, or written twice,
	 * would be dropped or misplaced: what Excel shows there is not known. */
	if (s->col < s->cells.n && s->col < s->c->opts->max_columns) {
		char last[8];

		col_letters(s->col, num);
		col_letters(s->cells.n - 1, last);
		stop(pt, rs_error_set(pt->err, RS_EPARSE, s->row,
		                      "cell %s%lu comes after cell %s%lu in the sheet's XML (its cells are out "
		                      "of order, or one is written twice): open the workbook in Excel, WPS or "
		                      "LibreOffice and save it, or save the sheet as CSV",
		                      num, s->row, last, s->row));
		return;
	}
	s->values++;
	if (s->col + 1 > s->total)
		s->total = s->col + 1;
	if (s->col < s->c->opts->max_columns && !rs_rowbuf_put(&s->cells, s->col, t, n, type))
		nomem(pt);
	else if (s->col < s->c->opts->max_columns && type == RS_T_NUMBER && s->cur != 0 &&
	         !put_cur(s, s->col))
		nomem(pt);
	else if (s->cells.text.len > s->c->opts->max_record)
		stop(pt, rs_error_set(pt->err, RS_ELIMIT, s->row, "record is longer than the limit of %zu bytes",
		                      s->c->opts->max_record));
}

static void sheet_text(void *ud, const XML_Char *t, int n)
{
	part *pt = ud;
	sheet_rd *s = pt->ud;

	if (!s->in_value || s->rph > 0)
		return;
	if (s->text.len + (size_t)n > s->c->opts->max_field + 64)
		stop(pt, rs_error_set(pt->err, RS_ELIMIT, s->row, "a cell is longer than the limit of %zu bytes",
		                      s->c->opts->max_field));
	else if (!rs_buf_append(&s->text, t, (size_t)n))
		nomem(pt);
}

/* <col min="3" max="4" hidden="1">: columns C and D are hidden in Excel. */
static void hide_cols(part *pt, const char **a)
{
	rs_xlsx_in *x = pt->x;
	const char *v = attr(a, "hidden");
	unsigned long lo, hi;

	if (v == NULL || (strcmp(v, "1") != 0 && strcmp(v, "true") != 0) || (v = attr(a, "min")) == NULL)
		return;
	lo = strtoul(v, NULL, 10);
	hi = (v = attr(a, "max")) != NULL ? strtoul(v, NULL, 10) : lo;
	if (hi > x->opts.max_columns)
		hi = x->opts.max_columns;
	for (; lo >= 1 && lo <= hi; lo++) {
		while (x->col_hidden.len < lo)
			if (!rs_buf_putc(&x->col_hidden, '\0')) {
				nomem(pt);
				return;
			}
		x->col_hidden.data[lo - 1] = 1;
	}
}

/* <mergeCell ref="D5:D8">: kept when it merges rows of one column, whose
 * value Excel shows in every row but the file holds in the top one. */
static void add_merged(part *pt, const char *ref)
{
	rs_xlsx_in *x = pt->x;
	const char *to = ref != NULL ? strchr(ref, ':') : NULL;
	long col = ref_col(ref);
	unsigned long top, bottom;

	if (to == NULL || col < 0 || ref_col(to + 1) != col)
		return;
	top = strtoul(ref + strspn(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), NULL, 10);
	bottom = strtoul(to + 1 + strspn(to + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), NULL, 10);
	if (bottom <= top)
		return;
	if (x->nmerged == x->cap_merged) {
		size_t cap = x->cap_merged ? x->cap_merged * 2 : 8;
		struct merged *m = rs_realloc(x->merged, cap * sizeof *m);

		if (m == NULL) {
			nomem(pt);
			return;
		}
		x->merged = m;
		x->cap_merged = cap;
	}
	x->merged[x->nmerged++] = (struct merged){(size_t)col, top, bottom};
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	part *pt = ud;
	sheet_rd *s = pt->ud;
	const char *ln = local_name(name), *v;

	if (strcmp(ln, "row") == 0) {
		char *end = NULL;

		v = attr(a, "r");
		s->row = v != NULL ? strtoul(v, &end, 10) : s->next_row;
		if (v != NULL && (end == v || *end != '\0' || s->row == 0 || s->row > RS_XLSX_SHEET_ROWS + 1)) {
			stop(pt, rs_error_set(pt->err, RS_EPARSE, s->next_row,
			                      "a row is numbered r=\"%.20s\", not 1 to %lu: the workbook is damaged",
			                      v, RS_XLSX_SHEET_ROWS + 1));
			return;
		}
		/* Rows come top to bottom: one out of order or numbered twice is a
		 * damaged sheet (which row Excel shows there is not known), and the
		 * totals and footer rows are judged by the rows above them. */
		if (v != NULL && s->row < s->next_row) {
			stop(pt, rs_error_set(pt->err, RS_EPARSE, s->row,
			                      "row %lu comes after row %lu in the sheet's XML (its rows are out "
			                      "of order, or one is written twice): open the workbook in Excel, "
			                      "WPS or LibreOffice and save it, or save the sheet as CSV",
			                      s->row, s->next_row - 1));
			return;
		}
		s->next_row = s->row + 1;
		s->hidden = (v = attr(a, "hidden")) != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
		s->next_col = s->values = s->total = 0;
		rs_rowbuf_clear(&s->cells);
		if (s->row_cur)
			memset(s->curs, 0, s->cur_cap * sizeof *s->curs);
		s->row_cur = false;
	} else if (strcmp(ln, "c") == 0) {
		long col = ref_col(attr(a, "r"));
		unsigned long style = (v = attr(a, "s")) != NULL ? strtoul(v, NULL, 10) : 0;

		v = attr(a, "t");
		s->col = col >= 0 ? (size_t)col : s->next_col;
		s->next_col = s->col + 1;
		s->t = v == NULL || strcmp(v, "n") == 0 ? 'n' : strcmp(v, "inlineStr") == 0 ? 'i'
		     : strcmp(v, "str") == 0 ? 'S' : v[0];
		s->kind = style < pt->x->xf_kind.len ? (unsigned char)pt->x->xf_kind.data[style] : 0;
		s->unit = style < pt->x->xf_unit.n ? strs_at(&pt->x->xf_unit, style) : NULL;
		s->pad = style < pt->x->xf_pad.len ? (unsigned char)pt->x->xf_pad.data[style] : 0;
		s->cur = 0;
		if (style < pt->x->xf_cur.len / sizeof s->cur)
			memcpy(&s->cur, pt->x->xf_cur.data + style * sizeof s->cur, sizeof s->cur);
		if (s->unit != NULL && s->unit[0] == '\0' && s->unit[1] == '\0' && s->pad == 0)
			s->unit = NULL;
		s->in_cell = true;
		s->formula = s->has_v = false;
		rs_buf_reset(&s->text);
	} else if (strcmp(ln, "col") == 0 && !s->probe) {
		hide_cols(pt, a);
	} else if (strcmp(ln, "mergeCell") == 0 && !s->probe) {
		add_merged(pt, attr(a, "ref"));
	} else if (s->in_cell && strcmp(ln, "f") == 0) {
		s->formula = true;
	} else if (s->in_cell && (strcmp(ln, "v") == 0 || (s->in_is && strcmp(ln, "t") == 0))) {
		s->in_value = true;
		s->has_v = true;
	} else if (s->in_cell && strcmp(ln, "is") == 0) {
		s->in_is = true;
	} else if (strcmp(ln, "rPh") == 0) {
		s->rph++;
	}
}

/* A finished <row>: the header, a record, or nothing (no values). */
static rs_status end_row(part *pt, sheet_rd *s)
{
	rs_rowbuf *b = &s->cells;
	rs_row row = {0, b->cell, b->len, b->type, s->row, NULL, 0, NULL};

	if (s->values == 0)
		return RS_OK;
	if (s->probe) { /* the first row told: no more of this sheet */
		s->same = b->n == s->ncols && b->text.len == s->hdr_len &&
		          memcmp(s->hdr, b->text.data, s->hdr_len) == 0;
		return RS_EOF;
	}
	if (s->cont) { /* skip the header it repeats; without one it is no continuation */
		s->cont = false;
		return b->n == s->ncols && b->text.len == s->hdr_len &&
		       memcmp(s->hdr, b->text.data, s->hdr_len) == 0 ? RS_OK : RS_EOF;
	}
	if (s->total > s->c->opts->max_columns && !s->have_header)
		return rs_error_set(pt->err, RS_ELIMIT, s->row,
		                    "the header has more than %zu columns (the limit)", s->c->opts->max_columns);
	if (s->have_header && b->n < s->ncols && !rs_rowbuf_put(b, s->ncols - 1, "", 0, RS_T_STRING))
		return rs_error_set(pt->err, RS_ENOMEM, s->row, "out of memory");
	row.n = b->n;
	/* row.cur covers every cell, the empty ones padded in last too (0) */
	if (s->row_cur && !cur_room(s, b->n))
		return rs_error_set(pt->err, RS_ENOMEM, s->row, "out of memory");
	row.cur = s->row_cur ? s->curs : NULL;
	if (!s->have_header) {
		s->have_header = true;
		s->ncols = b->n;
		if ((s->hdr = rs_malloc(b->text.len)) == NULL)
			return rs_error_set(pt->err, RS_ENOMEM, s->row, "out of memory");
		memcpy(s->hdr, b->text.data, b->text.len);
		s->hdr_len = b->text.len;
		return s->c->on_header(s->c->ctx, &row, pt->err);
	}
	if (s->hidden && pt->x->hidden++ == 0)
		pt->x->first_hidden = s->row;
	/* Only a row too wide to store is judged here: the header may be a
	 * later row than the first (title rows above it), so the classifier
	 * compares a row's width with the one in use. */
	if (s->total > b->n) {
		(void)snprintf(s->why, sizeof s->why, rs_msg(s->c->opts->lang, RS_M_ROW_FIELDS),
		               s->total, s->ncols);
		row.reject = s->why;
	}
	return s->c->on_row(s->c->ctx, &row, pt->err);
}

static void sheet_end(void *ud, const XML_Char *name)
{
	part *pt = ud;
	sheet_rd *s = pt->ud;
	const char *ln = local_name(name);
	rs_status st;

	if (strcmp(ln, "c") == 0) {
		s->in_cell = s->in_is = s->in_value = false;
		end_cell(pt, s);
	} else if (strcmp(ln, "v") == 0 || strcmp(ln, "t") == 0) {
		s->in_value = false;
	} else if (strcmp(ln, "rPh") == 0) {
		s->rph--;
	} else if (strcmp(ln, "row") == 0 && pt->st == RS_OK && (st = end_row(pt, s)) != RS_OK) {
		stop(pt, st);
	}
}

/* The relationship of sheet i; x->rel_id.n if it has none. */
static size_t sheet_rel(const rs_xlsx_in *x, size_t i)
{
	size_t k;

	for (k = 0;
	     k < x->rel_id.n && strcmp(strs_at(&x->rel_id, k), strs_at(&x->sheet_rid, i)) != 0; k++)
		;
	return k;
}

/* The archive path of sheet i (by its relationship). */
static bool sheet_path(const rs_xlsx_in *x, size_t i, char *path, size_t cap)
{
	size_t k = sheet_rel(x, i);

	if (k < x->rel_id.n)
		set_path(path, cap, strs_at(&x->rel_target, k));
	return k < x->rel_id.n;
}

/* Can sheet i hold cells: a worksheet, not a chart sheet (a report's chart
 * in front of its data)? */
static bool has_cells(const rs_xlsx_in *x, size_t i)
{
	size_t k = sheet_rel(x, i);

	return k >= x->rel_id.n || x->rel_cells.data[k] != 0;
}

/* Was sheet i read: the one asked for, or a continuation of it? */
static bool was_read(const rs_xlsx_in *x, size_t i)
{
	size_t k;

	for (k = 0; k < x->nread; k++)
		if (x->read[k] == i)
			return true;
	return false;
}

const char *rs_xlsx_active_other(const rs_xlsx_in *x, const char **read)
{
	if (x->opts.sheet != NULL || x->nread == 0 || x->active >= x->sheet_name.n ||
	    was_read(x, x->active) || !has_cells(x, x->active))
		return NULL;
	*read = strs_at(&x->sheet_name, x->read[0]);
	return strs_at(&x->sheet_name, x->active);
}

const char *rs_xlsx_sheets(const rs_xlsx_in *x, char *out, size_t cap, const char **full)
{
	size_t k, used = 0;

	out[0] = '\0';
	*full = x->full && x->nread == x->nnamed ? strs_at(&x->sheet_name, x->read[x->nread - 1]) : NULL;
	for (k = 0; x->nread > 1 && k < x->nread && used + 1 < cap; k++)
		used += (size_t)snprintf(out + used, cap - used, "%s\"%s\"", k ? ", " : "",
		                         strs_at(&x->sheet_name, x->read[k]));
	return x->nread < x->nnamed ? strs_at(&x->sheet_name, x->read[x->nread]) : NULL;
}

const char *rs_xlsx_same_header(const rs_xlsx_in *x, const char **read, size_t *others)
{
	*others = x->nsame;
	*read = x->nread > 0 ? strs_at(&x->sheet_name, x->read[0]) : NULL;
	return x->nsame > 0 && *read != NULL ? strs_at(&x->sheet_name, x->same) : NULL;
}

size_t rs_xlsx_merged(const rs_xlsx_in *x, size_t col, unsigned long after, unsigned long *top,
                      unsigned long *bottom)
{
	size_t i, n = 0;

	for (i = 0; i < x->nmerged; i++)
		if (x->merged[i].col == col && x->merged[i].top > after && n++ == 0)
			*top = x->merged[i].top, *bottom = x->merged[i].bottom;
	return n;
}

bool rs_xlsx_column_hidden(const rs_xlsx_in *x, size_t col)
{
	return col < x->col_hidden.len && x->col_hidden.data[col] != 0;
}

unsigned long rs_xlsx_hidden_rows(const rs_xlsx_in *x, unsigned long *first)
{
	*first = x->first_hidden;
	return x->hidden;
}

void rs_xlsx_sheet_hint(const rs_xlsx_in *x, rs_lang g, char *out, size_t cap)
{
	const char *tail, *sep = "";
	size_t i, used, tail_size;
	int n;

	out[0] = '\0';
	if (x->nread == 0 || x->nread == x->sheet_name.n)
		return;
	if ((unsigned)g >= RS_LANG_COUNT) /* an rs_error the caller did not clear */
		g = RS_LANG_EN;
	tail = rs_msg(g, RS_M_S_X_HINT_END);
	tail_size = strlen(tail) + 1;
	n = snprintf(out, cap, rs_msg(g, RS_M_S_X_HINT), strs_at(&x->sheet_name, x->read[0]));
	if (n < 0 || (size_t)n + tail_size + 3 >= cap) {
		out[0] = '\0';
		return;
	}
	used = (size_t)n;
	for (i = 0; i < x->sheet_name.n; i++) {
		const char *s = strs_at(&x->sheet_name, i);

		if (was_read(x, i))
			continue;
		if (used + strlen(sep) + strlen(s) + 2 + tail_size + 5 >= cap) { /* room for ", ..." */
			used += (size_t)snprintf(out + used, cap - used, "%s...", sep);
			break;
		}
		used += (size_t)snprintf(out + used, cap - used, "%s\"%s\"", sep, s);
		sep = ", ";
	}
	(void)snprintf(out + used, cap - used, "%s", tail);
}

/*
 * Workbooks often keep one list per region or sales rep, each on a sheet of
 * its own with the same header: relstage reads one sheet, and the others'
 * accounts would be left out in silence. Each shown worksheet not read nor
 * named as a continuation is read up to its first row with a value, which
 * is compared with the first row read (the sheet's title or its header).
 * Only running out of memory stops the run: a sheet that does not parse is
 * no list read with this one.
 */
static rs_status probe_others(rs_xlsx_in *x, const rs_read_ctx *c, const sheet_rd *read,
                              rs_error *err)
{
	char path[256];
	rs_status st = RS_OK;
	size_t i, k;

	x->nsame = 0;
	for (i = 0; i < x->sheet_name.n && st == RS_OK; i++) {
		sheet_rd s = {.c = c, .probe = true, .ncols = read->ncols, .hdr = read->hdr,
		              .hdr_len = read->hdr_len};
		rs_error quiet = *err;
		bool named = false;

		for (k = 0; k < x->nnamed; k++)
			named |= x->read[k] == i;
		if (named || x->sheet_shown.data[i] == 0 || !has_cells(x, i) ||
		    !sheet_path(x, i, path, sizeof path))
			continue;
		s.next_row = 1;
		st = parse_part(x, path, true, &s, sheet_start, sheet_end, sheet_text, &quiet);
		if (st == RS_ENOMEM)
			*err = quiet;
		else
			st = RS_OK;
		if (s.same && x->nsame++ == 0)
			x->same = i;
		rs_buf_free(&s.text);
		rs_rowbuf_free(&s.cells);
		rs_free(s.curs);
	}
	return st;
}

rs_status rs_read_xlsx(rs_xlsx_in *x, const rs_read_ctx *c, rs_error *err)
{
	sheet_rd s = {.c = c}; /* zero: no text, cells or header yet */
	char path[256];
	rs_status st = RS_OK;
	size_t k;

	err->file = c->name;
	for (k = 0; k < x->nread && st == RS_OK; k++) {
		if (!sheet_path(x, x->read[k], path, sizeof path)) {
			st = rs_error_set(err, RS_EPARSE, 0, "sheet \"%s\" has no part in the archive",
			                  strs_at(&x->sheet_name, x->read[k]));
			break;
		}
		s.cont = k > 0;
		s.row = 0, s.next_row = 1;
		st = parse_part(x, path, false, &s, sheet_start, sheet_end, sheet_text, err);
		if (st == RS_EOF) /* "NAME k" is not a continuation: another header */
			st = RS_OK, x->nread = k;
		else if (!(x->full = s.row > RS_XLSX_SHEET_ROWS) && k + 1 < x->nread)
			x->nread = k + 1; /* only a full sheet goes on */
	}
	if (st == RS_OK && !s.have_header) {
		char hint[200];

		rs_xlsx_sheet_hint(x, err->lang, hint, sizeof hint);
		st = rs_error_set(err, RS_EPARSE, 0, "no header row: sheet \"%s\" is empty%s",
		                  strs_at(&x->sheet_name, x->read[0]), hint);
	}
	if (st == RS_OK && x->opts.sheet == NULL)
		st = probe_others(x, c, &s, err);
	rs_buf_free(&s.text);
	rs_rowbuf_free(&s.cells);
	rs_free(s.curs);
	rs_free(s.hdr);
	return st;
}

/* ------------------------------------------------------------ opening */

/* An OpenDocument file is a zip whose first member, stored, is "mimetype". */
#define ODS_MAGIC "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"

rs_status rs_xlsx_detect(FILE *fp, rs_format want, bool *is_xlsx, rs_error *err)
{
	unsigned char m[30 + sizeof ODS_MAGIC - 1];
	off_t at;
	size_t n;

	*is_xlsx = false;
	if (want != RS_FMT_AUTO && want != RS_FMT_XLSX)
		return RS_OK;
	at = ftello(fp);
	if (at < 0 || fseeko(fp, at, SEEK_SET) != 0) { /* a pipe: no look ahead */
		*is_xlsx = want == RS_FMT_XLSX;
		return RS_OK;
	}
	n = fread(m, 1, sizeof m, fp);
	if (ferror(fp) || fseeko(fp, at, SEEK_SET) != 0)
		return rs_error_set(err, RS_EIO, 0, "read error: %s", strerror(errno ? errno : EIO));
	if (n == sizeof m && memcmp(m, "PK\003\004", 4) == 0 &&
	    memcmp(m + 30, ODS_MAGIC, sizeof ODS_MAGIC - 1) == 0)
		return rs_error_set(err, RS_EUSAGE, 0,
		                    "an OpenDocument spreadsheet (.ods): relstage reads .xlsx; "
		                    "save it as .xlsx (Excel 2007-365) or CSV UTF-8");
	if (n >= 4 && memcmp(m, "PK\003\004", 4) == 0) {
		*is_xlsx = true;
		return RS_OK;
	}
	if (n >= 8 && memcmp(m, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return rs_error_set(err, RS_EUSAGE, 0,
		                    "an Excel 97-2003 workbook (.xls): relstage reads .xlsx; "
		                    "save it as .xlsx (Excel Workbook) or CSV UTF-8");
	if (want == RS_FMT_XLSX)
		return rs_error_set(err, RS_EUSAGE, 0,
		                    "not an .xlsx workbook (it does not start as a zip archive); "
		                    "give --from csv if it is CSV");
	return RS_OK;
}

/* The archive on a descriptor of its own (libzip closes it); a pipe is
 * copied to a temporary file first, since a zip is read from its end. */
static rs_status open_zip(rs_xlsx_in *x, FILE *fp, rs_error *err)
{
	FILE *spool = NULL;
	char buf[8192];
	size_t n;
	int fd, code = 0;
	off_t at = ftello(fp);

	if (at < 0 || fseeko(fp, 0, SEEK_SET) != 0) {
		if ((spool = tmpfile()) == NULL)
			return rs_error_set(err, RS_EIO, 0, "cannot make a temporary file: %s", strerror(errno));
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
			if (fwrite(buf, 1, n, spool) != n)
				break;
		if (ferror(fp) || ferror(spool) || fflush(spool) != 0) {
			(void)fclose(spool);
			return rs_error_set(err, RS_EIO, 0, "cannot copy the workbook: %s",
			                    strerror(errno ? errno : EIO));
		}
		fp = spool;
	}
	fd = dup(fileno(fp));
	if (spool != NULL)
		(void)fclose(spool); /* the duplicate keeps the (unlinked) file */
	if (fd < 0)
		return rs_error_set(err, RS_EIO, 0, "%s", strerror(errno));
	x->zip = zip_fdopen(fd, ZIP_RDONLY, &code);
	if (x->zip == NULL) {
		zip_error_t ze;

		(void)close(fd);
		zip_error_init_with_code(&ze, code);
		(void)rs_error_set(err, code == ZIP_ER_MEMORY ? RS_ENOMEM : RS_EPARSE, 0,
		                   "not a readable .xlsx workbook: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return err->status;
	}
	return RS_OK;
}

/* Sheet names as Excel compares them, which forbids two differing only in
 * case: ASCII and full-width Latin letters (Ａ U+FF21, ａ U+FF41) either case;
 * other scripts' letters (É, Д) match only exactly. */
static unsigned fold(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned u = *p;

	if (u == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2] >= 0x80) { /* U+FF00 to U+FF7F */
		u = 0xFF00u | (p[1] & 1u) << 6 | (p[2] & 0x3Fu);
		*s += 2;
	}
	*s += 1;
	return (u >= 'a' && u <= 'z') || (u >= 0xFF41 && u <= 0xFF5A) ? u - 0x20 : u;
}

static bool same_name(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p != '\0' && *q != '\0')
		if (fold(&p) != fold(&q))
			return false;
	return *p == *q;
}

/* The sheet asked for (else the first worksheet that is not hidden), exact
 * name first, then one that differs in case; then "NAME 2", "NAME 3", ... */
static rs_status pick_sheets(rs_xlsx_in *x, rs_error *err)
{
	size_t i, k, want = 0, hit = 0;
	char name[300];

	if (x->sheet_name.n == 0)
		return rs_error_set(err, RS_EPARSE, 0, "the workbook lists no sheets");
	while (want < x->sheet_name.n && !(x->sheet_shown.data[want] && has_cells(x, want)))
		want++;
	if (want == x->sheet_name.n)
		want = 0;
	if (x->opts.sheet != NULL) {
		for (want = 0; want < x->sheet_name.n; want++)
			if (strcmp(strs_at(&x->sheet_name, want), x->opts.sheet) == 0)
				break;
		for (i = 0, k = 0; want == x->sheet_name.n && i < x->sheet_name.n; i++)
			if (same_name(strs_at(&x->sheet_name, i), x->opts.sheet) && k++ == 0)
				hit = i;
		if (k == 1)
			want = hit;
		if (k > 1) /* not from Excel, which forbids such names */
			return rs_error_set(err, RS_EUSAGE, 0, "%zu sheets are named \"%s\" but for case; "
			                    "give --sheet NAME exactly as the sheet is written", k, x->opts.sheet);
		if (want == x->sheet_name.n) {
			char list[200] = "";
			size_t used = 0;

			for (i = 0; i < x->sheet_name.n && used + 1 < sizeof list; i++)
				used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? ", " : "",
				                         strs_at(&x->sheet_name, i));
			return rs_error_set(err, RS_EUSAGE, 0, "no sheet \"%s\"; the workbook has %s%s",
			                    x->opts.sheet, list, used + 1 >= sizeof list ? "..." : "");
		}
	}
	if ((x->read = rs_calloc(x->sheet_name.n, sizeof *x->read)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	x->read[x->nread++] = want;
	for (k = 2; x->nread < x->sheet_name.n; k++) {
		(void)snprintf(name, sizeof name, "%s %zu", strs_at(&x->sheet_name, want), k);
		for (i = 0; i < x->sheet_name.n && strcmp(strs_at(&x->sheet_name, i), name) != 0; i++)
			;
		if (i == x->sheet_name.n)
			break;
		x->read[x->nread++] = i;
	}
	x->nnamed = x->nread;
	return RS_OK;
}

rs_status rs_xlsx_open(rs_xlsx_in **out, FILE *fp, const char *name, const rs_read_opts *opts,
                       rs_error *err)
{
	rs_xlsx_in *x = rs_calloc(1, sizeof *x);
	bool in_xfs = false;
	sst_rd sr = {false, 0};
	rs_status st;

	*out = NULL;
	err->file = name;
	if (x == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	x->name = name;
	x->opts = *opts;
	x->active = SIZE_MAX;
	strcpy(x->sst_path, "xl/sharedStrings.xml");
	strcpy(x->styles_path, "xl/styles.xml");
	st = open_zip(x, fp, err);
	if (st == RS_OK)
		st = parse_part(x, "xl/workbook.xml", false, NULL, workbook_start, NULL, NULL, err);
	if (st == RS_OK)
		st = parse_part(x, "xl/_rels/workbook.xml.rels", false, NULL, rels_start, NULL, NULL, err);
	if (st == RS_OK)
		st = pick_sheets(x, err);
	if (st == RS_OK)
		st = parse_part(x, x->styles_path, true, &in_xfs, styles_start, styles_end, NULL, err);
	if (st == RS_OK || st == RS_EOF)
		st = parse_part(x, x->sst_path, true, &sr, sst_start, sst_end, sst_text, err);
	if (st == RS_EOF)
		st = RS_OK;
	if (st != RS_OK) {
		err->file = name;
		rs_xlsx_in_free(x);
		return st;
	}
	*out = x;
	return RS_OK;
}

void rs_xlsx_in_free(rs_xlsx_in *x)
{
	if (x == NULL)
		return;
	if (x->zip != NULL)
		zip_discard(x->zip);
	strs_free(&x->sheet_name);
	strs_free(&x->sheet_rid);
	strs_free(&x->rel_id);
	strs_free(&x->rel_target);
	strs_free(&x->fmt_code);
	strs_free(&x->xf_unit);
	rs_buf_free(&x->xf_pad);
	rs_buf_free(&x->xf_cur);
	strs_free(&x->sst);
	rs_buf_free(&x->xf_kind);
	rs_buf_free(&x->col_hidden);
	rs_buf_free(&x->sheet_shown);
	rs_buf_free(&x->rel_cells);
	rs_free(x->merged);
	rs_free(x->read);
	rs_free(x);
}
