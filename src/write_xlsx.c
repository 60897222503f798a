/*
 * write_xlsx.c - rows out as an .xlsx workbook through libxlsxwriter in its
 * constant-memory mode: each row goes to a temporary file as it comes, so
 * memory stays flat. Sheets: Accounts (continued on "Accounts 2", ... past a
 * sheet's rows), Rejects when rows are rejected, and Summary, written at the
 * end from the run's counts (no second pass), with its charts.
 *
 * Cells keep their types: the header's RS_T_NUMBER columns are numbers when
 * their text is a plain number that reads the same whatever the decimal mark
 * (not "1.234", which a column may have read as 1234), everything else is a
 * string cell exactly as read. A string cell is never a formula, so CSV's formula guard is not needed.
 * libxlsxwriter writes a file by name, not a stream: the workbook is built in
 * a temporary file and copied to the output at the end. libxlsxwriter
 * allocates with malloc (not our hook) and prints its own rare I/O errors.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fields_impl.h"
#include "xlsx.h"

#define WIDTH_ROWS 1000 /* column widths from the header and this many rows */
#define MAX_WIDTH 60
#define COPY_BUF ((size_t)64 << 10)
#define CELL_CHARS 32767 /* the most an Excel cell holds */

/* Soft fills that keep black text readable, one per stage in rules order. */
static const lxw_color_t palette[RS_MAX_STAGES] = {
	0xF8CBAD, 0xFFE699, 0xC6E0B4, 0x9BC2E6, 0xD9D2E9, 0xF4B183, 0xA9D08E, 0xFFD966,
	0x8EA9DB, 0xDBDBDB, 0xE2EFDA, 0xFCE4D6, 0xDDEBF7, 0xFFF2CC, 0xB4C6E7, 0xC9C9C9,
};

typedef struct sheet {
	lxw_worksheet *ws;
	lxw_row_t row;          /* the next row to write */
	size_t ncols;
	unsigned short *width;  /* per column: the widest text seen, in columns */
} sheet;

struct rs_xlsx {
	FILE *out;
	char *path;             /* the workbook's temporary file */
	lxw_workbook *wb;
	const rs_rules *rules;
	const char *rules_name;
	rs_lang lang;
	rs_rowq *hdr, *rej_hdr; /* copies: "Accounts N" and Rejects start later */
	sheet acc, rej;
	unsigned long nacc;     /* Accounts sheets so far */
	lxw_worksheet *summary;
	long stage_col, label_col, wrap_col[3]; /* wrap: actions, needs, explain */
	size_t reason_col;                      /* Rejects: [file,] line, reason */
	size_t nstages;
	lxw_format *bold, *stage_fmt[RS_MAX_STAGES], *pct_fmt[4], *share_fmt, *wrap;
	const rs_stats *stats;
	time_t now;             /* the run's date */
	rs_buf esc;             /* a cell's text escaped (rs_xlsx_escape) */
	unsigned long line;     /* the input line of the row being written */
};

static const char *word(const rs_xlsx *x, int w)
{
	return rs_summary_words[w][x->lang];
}

static rs_status lxw_failed(rs_error *err, lxw_error e, const char *what)
{
	return rs_error_set(err, e == LXW_ERROR_MEMORY_MALLOC_FAILED ? RS_ENOMEM : RS_EIO, 0,
	                    "workbook: %s: %s", what, lxw_strerror(e));
}

/*
 * A plain decimal number, optionally with a trailing '%': sign, digits (no
 * leading zero before another digit: "007" is an id-like text), fraction,
 * exponent, at most 15 significant digits (Excel keeps 15). *v gets its
 * value (a percentage divided by 100) and *pct 0, or for a percentage 1 + its
 * decimals (at most 3).
 */
static bool plain_number(const char *s, size_t n, double *v, int *pct)
{
	const char *d = s + (s[0] == '-' || s[0] == '+'), *dot;
	char *end;
	size_t dec;

	*pct = n > 0 && s[n - 1] == '%';
	n -= (size_t)*pct;
	/* strtod alone would take hex, inf, nan and leading spaces too */
	if (n == 0 || strspn(s, "0123456789+-.eE") < n || (d[0] == '0' && d[1] >= '0' && d[1] <= '9'))
		return false;
	for (dec = 0, dot = d; dot < s + n && *dot != 'e' && *dot != 'E'; dot++)
		dec += (*dot >= '1' && *dot <= '9') || (dec > 0 && *dot == '0');
	if (dec > 15) /* as a number, Excel would show other digits */
		return false;
	*v = strtod(s, &end);
	if (end != s + n || !isfinite(*v))
		return false;
	if (*pct) {
		dot = memchr(s, '.', n);
		dec = dot != NULL ? strspn(dot + 1, "0123456789") : 0;
		*v /= 100;
		*pct = 1 + (dec < 3 ? (int)dec : 3);
	}
	return true;
}

/* Characters in UTF-8 text (Excel's cell limit counts them). */
static size_t utf8_chars(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static void note_width(sheet *s, size_t col, const char *text, size_t n, size_t extra)
{
	size_t w;

	if (col >= s->ncols || s->row > WIDTH_ROWS)
		return;
	w = rs_display_width(text, n) + extra;
	if (w > MAX_WIDTH)
		w = MAX_WIDTH;
	if (w > s->width[col])
		s->width[col] = (unsigned short)w;
}

/* One cell: a number when `numeric` and its text is one, else a string. */
static rs_status put_cell(rs_xlsx *x, sheet *s, size_t col, const char *text, size_t n,
                          bool numeric, lxw_format *fmt, rs_error *err)
{
	lxw_error e;
	double v;
	int pct;

	note_width(s, col, text, n, 1);
	if (col >= LXW_COL_MAX)
		return rs_error_set(err, RS_ELIMIT, 0, "a sheet holds at most %d columns", LXW_COL_MAX);
	if (n == 0)
		e = fmt != NULL ? worksheet_write_blank(s->ws, s->row, (lxw_col_t)col, fmt) : LXW_NO_ERROR;
	else if (numeric && plain_number(text, n, &v, &pct))
		e = worksheet_write_number(s->ws, s->row, (lxw_col_t)col, v,
		                           pct ? x->pct_fmt[pct - 1] : fmt);
	else if (n > CELL_CHARS && utf8_chars(text, n) > CELL_CHARS)
		return rs_error_set(err, RS_ELIMIT, x->line,
		                    "%s holds %zu characters, more than the %d an Excel cell holds; "
		                    "shorten it, or write CSV (--to csv) for such data",
		                    rs_rowq_row(s == &x->acc ? x->hdr : x->rej_hdr, 0)->cell[col],
		                    utf8_chars(text, n), CELL_CHARS);
	else if ((text = rs_xlsx_escape(&x->esc, text, n)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	else
		e = worksheet_write_string(s->ws, s->row, (lxw_col_t)col, text, fmt);
	return e == LXW_NO_ERROR ? RS_OK : lxw_failed(err, e, "cannot write a cell");
}

/* A new sheet with `hdr` as its bold, frozen header row. */
static rs_status open_sheet(rs_xlsx *x, sheet *s, const char *name, const rs_row *hdr,
                            rs_error *err)
{
	size_t i;
	rs_status st;

	s->ws = workbook_add_worksheet(x->wb, name);
	if (s->ws == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "workbook: cannot add sheet \"%s\"", name);
	if (s->width == NULL) {
		s->ncols = hdr->n;
		s->width = rs_calloc(hdr->n + 1, sizeof *s->width);
		if (s->width == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	s->row = 0;
	worksheet_freeze_panes(s->ws, 1, 0);
	for (i = 0; i < hdr->n; i++) {
		note_width(s, i, hdr->cell[i], hdr->len[i], 3); /* room for the filter button */
		st = put_cell(x, s, i, hdr->cell[i], hdr->len[i], false, x->bold, err);
		if (st != RS_OK)
			return st;
	}
	s->row = 1;
	return RS_OK;
}

/* A sheet's last touches, once its rows are all written: filter, widths. */
static rs_status close_sheet(sheet *s, rs_error *err)
{
	lxw_error e = LXW_NO_ERROR;
	size_t i;

	if (s->ws == NULL || s->ncols == 0)
		return RS_OK;
	e = worksheet_autofilter(s->ws, 0, 0, s->row - 1, (lxw_col_t)(s->ncols - 1));
	for (i = 0; i < s->ncols && e == LXW_NO_ERROR; i++)
		e = worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i,
		                         s->width[i] > 6 ? s->width[i] : 6, NULL);
	s->ws = NULL;
	return e == LXW_NO_ERROR ? RS_OK : lxw_failed(err, e, "cannot finish a sheet");
}

/* The Accounts sheet is full: close it and go on with "Accounts N". */
static rs_status next_accounts(rs_xlsx *x, rs_error *err)
{
	char name[32];
	rs_status st = close_sheet(&x->acc, err);

	if (st != RS_OK)
		return st;
	x->nacc++;
	(void)snprintf(name, sizeof name, "%s %lu", word(x, RS_SW_SHEET_ACCOUNTS), x->nacc);
	return open_sheet(x, &x->acc, name, rs_rowq_row(x->hdr, 0), err);
}

/*
 * Is cell i of row a number cell in a column of numbers (num)? Not text
 * with one mark before three digits ("1.234", "50.000"): a column that
 * writes ',' for decimals read it as 1234, and the number 1.234 would state
 * another value than the one classified. A typed number (JSON, a workbook's
 * number cell) has no such doubt.
 */
static bool number_cell(const rs_row *row, size_t i, const unsigned char *num)
{
	unsigned shape = RS_SHAPE_PLAIN;

	if (num == NULL || num[i] != RS_T_NUMBER)
		return false;
	if (row->type != NULL && row->type[i] == RS_T_NUMBER)
		return true;
	(void)rs_value_number(row->cell[i], row->len[i], '.', RS_NUM_PERCENT, NULL, &shape, NULL);
	return (shape & RS_SHAPE_MARK) != RS_SHAPE_AMBIG;
}

static rs_status account_row(rs_xlsx *x, const rs_row *row, rs_error *err)
{
	const unsigned char *num = rs_rowq_row(x->hdr, 0)->type;
	lxw_format *fmt = NULL;
	rs_status st = RS_OK;
	size_t i;

	if (x->acc.row > RS_XLSX_SHEET_ROWS && (st = next_accounts(x, err)) != RS_OK)
		return st;
	if (x->stage_col >= 0 && (size_t)x->stage_col < row->n) {
		long k = x->rules ? rs_rules_stage_index(x->rules, row->cell[x->stage_col]) : -1;

		fmt = k >= 0 ? x->stage_fmt[k] : NULL;
	}
	for (i = 0; i < row->n && st == RS_OK; i++)
		st = put_cell(x, &x->acc, i, row->cell[i], row->len[i], number_cell(row, i, num),
		              (long)i == x->stage_col || (long)i == x->label_col ? fmt :
		              (long)i == x->wrap_col[0] || (long)i == x->wrap_col[1] ||
		              (long)i == x->wrap_col[2] ? x->wrap : NULL, err);
	x->acc.row++;
	return st;
}

static rs_status reject_row(rs_xlsx *x, const rs_row *row, rs_error *err)
{
	const rs_row *hdr = rs_rowq_row(x->rej_hdr, 0);
	rs_status st = RS_OK;
	size_t i;

	if (hdr == NULL)
		return rs_error_set(err, RS_EUSAGE, row->line, "this workbook has no Rejects sheet");
	if (x->rej.ws == NULL && x->rej.width == NULL)
		st = open_sheet(x, &x->rej, word(x, RS_SW_SHEET_REJECTS), hdr, err);
	if (st == RS_OK && x->rej.row > RS_XLSX_SHEET_ROWS)
		st = rs_error_set(err, RS_ELIMIT, row->line,
		                  "more rejected rows than a sheet holds; keep them with --rejects FILE");
	for (i = 0; i < row->n && st == RS_OK; i++)
		st = put_cell(x, &x->rej, i, row->cell[i], row->len[i],
		              i < hdr->n && number_cell(row, i, hdr->type),
		              i == x->reason_col ? x->wrap : NULL, err);
	x->rej.row++;
	return st;
}

rs_status rs_xlsx_row(rs_xlsx *x, const rs_row *row, rs_error *err)
{
	x->line = row->line;
	return row->reject != NULL ? reject_row(x, row, err) : account_row(x, row, err);
}

void rs_xlsx_stats(rs_xlsx *x, const rs_stats *s)
{
	x->stats = s;
}

/* ------------------------------------------------------------ set-up */

static rs_status make_formats(rs_xlsx *x, rs_error *err)
{
	static const char *const pct[4] = {"0%", "0.0%", "0.00%", "0.000%"};
	size_t i;

	if ((x->bold = workbook_add_format(x->wb)) == NULL ||
	    (x->share_fmt = workbook_add_format(x->wb)) == NULL ||
	    (x->wrap = workbook_add_format(x->wb)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	format_set_bold(x->bold);
	format_set_num_format(x->share_fmt, "0.0%");
	format_set_text_wrap(x->wrap); /* actions, needs, explain, reason: longer than a column */
	for (i = 0; i < 4; i++) {
		if ((x->pct_fmt[i] = workbook_add_format(x->wb)) == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		format_set_num_format(x->pct_fmt[i], pct[i]);
	}
	for (i = 0; i < x->nstages; i++) {
		if ((x->stage_fmt[i] = workbook_add_format(x->wb)) == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		format_set_bg_color(x->stage_fmt[i], palette[i]);
	}
	return RS_OK;
}

/* The run's date: SOURCE_DATE_EPOCH when it is set (reproducible files, as
 * for reproducible builds), else now. */
static time_t run_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s != NULL && *s != '\0') {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/* The workbook's file: $TMPDIR (else /tmp), where libxlsxwriter keeps its
 * sheets' temporary files too. */
static rs_status make_workbook(rs_xlsx *x, rs_error *err)
{
	const char *dir = getenv("TMPDIR");
	lxw_doc_properties props;
	lxw_workbook_options o;
	size_t n;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir);
	if ((x->path = rs_malloc(n + 32)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	memcpy(x->path, dir, n);
	memcpy(x->path + n, "/relstage.xlsx.XXXXXX", sizeof "/relstage.xlsx.XXXXXX");
	if ((fd = mkstemp(x->path)) < 0) {
		int e = errno;

		rs_free(x->path);
		x->path = NULL;
		return rs_error_set(err, RS_EIO, 0, "cannot create a temporary file in %s: %s", dir,
		                    strerror(e));
	}
	(void)close(fd);
	memset(&o, 0, sizeof o);
	o.constant_memory = LXW_TRUE;
	o.tmpdir = (char *)dir;
	o.use_zip64 = LXW_TRUE; /* a million rows can pass 4 GiB of sheet XML */
	x->wb = workbook_new_opt(x->path, &o);
	if (x->wb == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "workbook: cannot start one");
	memset(&props, 0, sizeof props);
	props.title = (char *)"relstage";
	x->now = props.created = run_time();
	if (workbook_set_properties(x->wb, &props) != LXW_NO_ERROR)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	return RS_OK;
}

rs_status rs_xlsx_new(rs_xlsx **out, FILE *fp, const rs_write_opts *opts, const rs_row *header,
                      rs_error *err)
{
	static const int wrapped[3] = {COL_ACTIONS, COL_NEEDS, COL_EXPLAIN};
	rs_xlsx *x = rs_calloc(1, sizeof *x);
	rs_status st;
	size_t i, k;

	*out = NULL;
	if (x == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	x->out = fp;
	x->rules = opts->rules;
	x->rules_name = opts->rules_name;
	x->lang = opts->lang < RS_LANG_COUNT ? opts->lang : RS_LANG_EN;
	st = rs_rowq_keep(&x->hdr, header, err);
	if (st == RS_OK && opts->rejects_header != NULL)
		st = rs_rowq_keep(&x->rej_hdr, opts->rejects_header, err);
	x->reason_col = opts->rejects_header != NULL && opts->rejects_header->n > 0 &&
	                strcmp(opts->rejects_header->cell[0], "line") != 0 ? 2 : 1;
	x->nstages = x->rules != NULL ? rs_rules_stage_count(x->rules) : 0;
	if (x->nstages > RS_MAX_STAGES)
		x->nstages = RS_MAX_STAGES;
	x->stage_col = x->label_col = x->wrap_col[0] = x->wrap_col[1] = x->wrap_col[2] = -1;
	for (i = 0; i < header->n; i++) {
		for (k = 0; k < 3; k++)
			if (strcmp(header->cell[i], rs_col_names[RS_LANG_EN][wrapped[k]]) == 0 ||
			    strcmp(header->cell[i], rs_col_names[RS_LANG_ZH][wrapped[k]]) == 0)
				x->wrap_col[k] = (long)i;
		if (strcmp(header->cell[i], rs_col_names[RS_LANG_EN][COL_STAGE]) == 0 ||
		    strcmp(header->cell[i], rs_col_names[RS_LANG_ZH][COL_STAGE]) == 0)
			x->stage_col = (long)i;
		if (x->stage_col >= 0 && (size_t)x->stage_col + 1 == i)
			x->label_col = (long)i; /* the stage's label follows it */
	}
	x->nacc = 1;
	if (st == RS_OK)
		st = make_workbook(x, err);
	if (st == RS_OK)
		st = make_formats(x, err);
	if (st == RS_OK)
		st = open_sheet(x, &x->acc, word(x, RS_SW_SHEET_ACCOUNTS), rs_rowq_row(x->hdr, 0), err);
	if (st == RS_OK && (x->summary = workbook_add_worksheet(x->wb, word(x, RS_SW_SHEET_SUMMARY))) == NULL)
		st = rs_error_set(err, RS_ENOMEM, 0, "workbook: cannot add the summary sheet");
	if (st != RS_OK) {
		rs_xlsx_free(x);
		return st;
	}
	*out = x;
	return RS_OK;
}

/* ------------------------------------------------------------ summary */

/* The Summary sheet, row by row (constant-memory mode writes in order). */
typedef struct sum {
	rs_xlsx *x;
	lxw_worksheet *ws;
	lxw_row_t row;
	lxw_error e; /* the first failure */
} sum;

static void s_text(sum *s, lxw_col_t col, const char *text, lxw_format *fmt)
{
	if (s->e == LXW_NO_ERROR && text != NULL && *text != '\0')
		s->e = worksheet_write_string(s->ws, s->row, col, text, fmt);
}

static void s_num(sum *s, lxw_col_t col, double v, lxw_format *fmt)
{
	if (s->e == LXW_NO_ERROR)
		s->e = worksheet_write_number(s->ws, s->row, col, v, fmt);
}

static void s_count(sum *s, const char *label, unsigned long v)
{
	s_text(s, 0, label, NULL);
	s_num(s, 1, (double)v, NULL);
	s->row++;
}

/* A column chart of `n` values in column vcol against the labels in lcol,
 * from row `first` of the Summary; `fill` colours each bar (may be NULL). */
static void s_chart(sum *s, int title, lxw_row_t first, size_t n, lxw_col_t lcol,
                    lxw_col_t vcol, const lxw_color_t *fill, lxw_row_t at)
{
	const char *name = word(s->x, RS_SW_SHEET_SUMMARY);
	lxw_chart_fill fills[RS_MAX_STAGES];
	lxw_chart_point pts[RS_MAX_STAGES], *pp[RS_MAX_STAGES + 1];
	lxw_chart *ch;
	lxw_chart_series *se;
	size_t i;

	if (s->e != LXW_NO_ERROR || n == 0)
		return;
	ch = workbook_add_chart(s->x->wb, LXW_CHART_COLUMN);
	se = ch != NULL ? chart_add_series(ch, NULL, NULL) : NULL;
	if (se == NULL) {
		s->e = LXW_ERROR_MEMORY_MALLOC_FAILED;
		return;
	}
	chart_series_set_categories(se, name, first, lcol, (lxw_row_t)(first + n - 1), lcol);
	chart_series_set_values(se, name, first, vcol, (lxw_row_t)(first + n - 1), vcol);
	if (fill != NULL && n <= RS_MAX_STAGES) {
		memset(fills, 0, sizeof fills);
		memset(pts, 0, sizeof pts);
		for (i = 0; i < n; i++) {
			fills[i].color = fill[i];
			pts[i].fill = &fills[i];
			pp[i] = &pts[i];
		}
		pp[n] = NULL;
		s->e = chart_series_set_points(se, pp);
	}
	chart_title_set_name(ch, word(s->x, title));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	if (s->e == LXW_NO_ERROR)
		s->e = worksheet_insert_chart(s->ws, at, 6, ch);
}

/* Counts, rules, date and, past a sheet's rows, where the accounts went on. */
static void s_head(sum *s, const rs_stats *st)
{
	rs_xlsx *x = s->x;
	unsigned long skipped = st->read - st->classified - st->rejected;
	char date[32], more[64], label[64];
	int k;
	struct tm tm;

	s_text(s, 0, word(x, RS_SW_TITLE), x->bold);
	s->row += 2;
	s_count(s, word(x, RS_SW_READ), st->read);
	s_count(s, word(x, RS_SW_CLASSIFIED), st->classified);
	s_count(s, word(x, RS_SW_REJECTED), st->rejected);
	s_count(s, word(x, RS_SW_SKIPPED), st->read >= st->classified + st->rejected ? skipped : 0);
	for (k = 0; k < RS_SKIP_COUNT; k++)
		if (st->skipped[k] > 0) { /* by kind, indented as in the text summary */
			(void)snprintf(label, sizeof label, "  %s", word(x, RS_SW_SKIP_KIND + k));
			s_count(s, label, st->skipped[k]);
		}
	s_text(s, 0, word(x, RS_SW_RULES), NULL);
	s_text(s, 1, x->rules_name ? x->rules_name : word(x, RS_SW_BUILTIN), NULL);
	s->row++;
	date[0] = '\0';
	if (localtime_r(&x->now, &tm) != NULL)
		(void)strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
	s_text(s, 0, word(x, RS_SW_DATE), NULL);
	s_text(s, 1, date, NULL);
	s->row++;
	if (x->nacc > 1) {
		(void)snprintf(more, sizeof more, "%s 2 .. %s %lu", word(x, RS_SW_SHEET_ACCOUNTS),
		               word(x, RS_SW_SHEET_ACCOUNTS), x->nacc);
		s_text(s, 0, word(x, RS_SW_CONTINUED), NULL);
		s_text(s, 1, more, NULL);
		s->row++;
	}
	s->row++;
}

/* Accounts and share per stage, each stage in its Accounts colour (the
 * legend), and their chart. */
static void s_stages(sum *s, const rs_stats *st)
{
	rs_xlsx *x = s->x;
	lxw_row_t first;
	size_t i;

	s_text(s, 0, word(x, RS_SW_STAGE), x->bold);
	s_text(s, 1, word(x, RS_SW_LABEL), x->bold);
	s_text(s, 2, word(x, RS_SW_ACCOUNTS), x->bold);
	s_text(s, 3, word(x, RS_SW_SHARE), x->bold);
	first = ++s->row;
	for (i = 0; i < x->nstages; i++, s->row++) {
		s_text(s, 0, rs_rules_stage_id(x->rules, i), x->stage_fmt[i]);
		s_text(s, 1, rs_rules_stage_label(x->rules, i, x->lang), x->stage_fmt[i]);
		s_num(s, 2, (double)st->per_stage[i], NULL);
		s_num(s, 3, st->classified ? (double)st->per_stage[i] / (double)st->classified : 0.0,
		      x->share_fmt);
	}
	s_chart(s, RS_SW_CHART_STAGES, first, x->nstages, 1, 2, palette, 1);
	s->row++;
}

/*
 * With --previous: the movements, their chart and the transition matrix;
 * previous accounts whose rows this run rejected, as in the text summary,
 * when there are some (a line and a column), so the matrix, vanished and
 * rejected add up to the previous file's accounts.
 */
static void s_previous(sum *s, const rs_stats *st)
{
	static const int moves[] = {RS_SW_UP, RS_SW_DOWN, RS_SW_SAME, RS_SW_NEW, RS_SW_VANISHED};
	rs_xlsx *x = s->x;
	const unsigned long v[] = {st->up, st->down, st->same, st->added, st->vanished};
	lxw_col_t end = (lxw_col_t)(x->nstages + 1);
	lxw_row_t first;
	size_t i, k;

	s_text(s, 0, word(x, RS_SW_PREV), x->bold);
	first = ++s->row;
	for (i = 0; i < 5; i++)
		s_count(s, word(x, moves[i]), v[i]);
	if (st->prev_rejected > 0)
		s_count(s, word(x, RS_SW_REJECTED), st->prev_rejected);
	s_chart(s, RS_SW_CHART_MOVES, first, 5, 0, 1, NULL, 18);
	s->row++;
	s_text(s, 0, word(x, RS_SW_MATRIX), x->bold);
	for (k = 0; k < x->nstages; k++)
		s_text(s, (lxw_col_t)(k + 1), rs_rules_stage_id(x->rules, k), x->stage_fmt[k]);
	s_text(s, end, word(x, RS_SW_VANISHED), x->bold);
	if (st->prev_rejected > 0)
		s_text(s, end + 1, word(x, RS_SW_REJECTED), x->bold);
	s->row++;
	for (i = 0; i < x->nstages; i++, s->row++) {
		s_text(s, 0, rs_rules_stage_id(x->rules, i), x->stage_fmt[i]);
		for (k = 0; k < x->nstages; k++)
			s_num(s, (lxw_col_t)(k + 1), (double)st->transition[i][k], NULL);
		s_num(s, end, (double)st->vanished_per_stage[i], NULL);
		if (st->prev_rejected > 0)
			s_num(s, end + 1, (double)st->rejected_per_stage[i], NULL);
	}
}

static rs_status write_summary(rs_xlsx *x, rs_error *err)
{
	static const rs_stats none;
	const rs_stats *st = x->stats != NULL ? x->stats : &none;
	sum s = {x, x->summary, 0, LXW_NO_ERROR};

	s_head(&s, st);
	if (x->rules != NULL)
		s_stages(&s, st);
	if (x->rules != NULL && st->with_previous)
		s_previous(&s, st);
	if (s.e == LXW_NO_ERROR)
		s.e = worksheet_set_column(x->summary, 0, 0, x->lang == RS_LANG_ZH ? 24 : 32, NULL);
	if (s.e == LXW_NO_ERROR)
		s.e = worksheet_set_column(x->summary, 1, 1, 24, NULL);
	return s.e == LXW_NO_ERROR ? RS_OK : lxw_failed(err, s.e, "cannot write the summary");
}

/* ------------------------------------------------------------ finish */

/* The finished workbook file, appended to the output stream. */
static rs_status copy_out(rs_xlsx *x, rs_error *err)
{
	FILE *in = fopen(x->path, "rb");
	char *buf = rs_malloc(COPY_BUF);
	size_t n;
	int e = in == NULL ? errno : buf == NULL ? ENOMEM : 0;

	while (e == 0 && (n = fread(buf, 1, COPY_BUF, in)) > 0)
		if (fwrite(buf, 1, n, x->out) != n)
			e = errno ? errno : EIO;
	if (e == 0 && (ferror(in) || fflush(x->out) != 0 || ferror(x->out)))
		e = errno ? errno : EIO;
	if (in != NULL)
		(void)fclose(in);
	rs_free(buf);
	if (e == ENOMEM)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	return e ? rs_error_set(err, RS_EIO, 0, "write failed: %s", strerror(e)) : RS_OK;
}

rs_status rs_xlsx_finish(rs_xlsx *x, rs_error *err)
{
	rs_status st;
	lxw_error e;

	if (x->wb == NULL)
		return rs_error_set(err, RS_EUSAGE, 0, "the workbook was already finished");
	st = close_sheet(&x->acc, err);
	if (st == RS_OK)
		st = close_sheet(&x->rej, err);
	if (st == RS_OK)
		st = write_summary(x, err);
	if (st != RS_OK)
		return st;
	e = workbook_close(x->wb); /* frees it, whatever happens */
	x->wb = NULL;
	if (e != LXW_NO_ERROR)
		return lxw_failed(err, e, "cannot assemble the file");
	return copy_out(x, err);
}

void rs_xlsx_free(rs_xlsx *x)
{
	lxw_worksheet *ws;

	if (x == NULL)
		return;
	if (x->wb != NULL) {
		/* lxw_workbook_free leaves the sheets' temporary files open. */
		STAILQ_FOREACH(ws, x->wb->worksheets, list_pointers)
			if (ws->optimize_tmpfile != NULL) {
				(void)fclose(ws->optimize_tmpfile);
				ws->optimize_tmpfile = NULL;
			}
		lxw_workbook_free(x->wb);
	}
	if (x->path != NULL)
		(void)unlink(x->path);
	rs_free(x->path);
	rs_free(x->acc.width);
	rs_free(x->rej.width);
	rs_rowq_free(x->hdr);
	rs_rowq_free(x->rej_hdr);
	rs_buf_free(&x->esc);
	rs_free(x);
}
