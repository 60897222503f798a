/*
 * xlsx.h - workbooks: the .xlsx writer (write_xlsx.c, libxlsxwriter) behind
 * rs_writer and the .xlsx reader (read_xlsx.c, libzip + expat) behind
 * rs_reader, with the reader's cell text (xlsx_cell.c). Not part of the
 * public API.
 */
#ifndef RS_XLSX_H
#define RS_XLSX_H

#include "reader_impl.h"

/* Rows of one sheet after its header row: Excel's 1,048,576 less one. */
#ifndef RS_XLSX_SHEET_ROWS
#define RS_XLSX_SHEET_ROWS 1048575UL
#endif
/* Bytes of shared-string text a workbook read may hold in memory. */
#ifndef RS_XLSX_MAX_SHARED
#define RS_XLSX_MAX_SHARED ((size_t)256 << 20)
#endif

/* ------------------------------------------------------------ writing */

typedef struct rs_xlsx rs_xlsx;

/*
 * Starts a workbook that goes to `fp` at rs_xlsx_finish (libxlsxwriter
 * writes a file by name: a temporary one, copied to fp at the end). The
 * header and opts->rejects_header are borrowed until rs_xlsx_free.
 */
rs_status rs_xlsx_new(rs_xlsx **out, FILE *fp, const rs_write_opts *opts,
                      const rs_row *header, rs_error *err);
rs_status rs_xlsx_row(rs_xlsx *x, const rs_row *row, rs_error *err);
void rs_xlsx_stats(rs_xlsx *x, const rs_stats *s);
/* Writes the Summary sheet, closes the workbook and copies it to fp. */
rs_status rs_xlsx_finish(rs_xlsx *x, rs_error *err);
/* Accepts NULL; removes every temporary file. */
void rs_xlsx_free(rs_xlsx *x);

/* ---------------------------------------------------------- cell text */
/* xlsx_cell.c: what the reader shows for a cell's stored value. */

/* What a number format shows: bits, 0 for a plain number. */
enum { RS_XLSX_DATE = 1, RS_XLSX_TIME = 2, RS_XLSX_PCT = 4 };
/* The bytes the *_text functions below may write to out, with the NUL. */
#define RS_XLSX_CELL_TEXT 64

/* The kind of number format `id` (a numFmtId): of its format code `code`
 * when the workbook defines it (<numFmt>), else of Excel's built-in one. */
unsigned char rs_xlsx_fmt_kind(const char *id, const char *code);
/* The bytes rs_xlsx_fmt_around writes to each of pre and post, with the NUL. */
#define RS_XLSX_UNIT 32
/* What custom format `code` shows around a whole number: the text before
 * (pre) and after (post) it when that names the scale the number is stored
 * in (`#,##0"万元"`: "" and "万元"; not when the format scales the number
 * itself, `#,##0,"千元"`, `0!.0000"万"`), and the digits it pads the number
 * to (`000000`: *pad 6; `"C"0000`: "C", 4). False when it shows neither. */
bool rs_xlsx_fmt_around(const char *code, char pre[RS_XLSX_UNIT], char post[RS_XLSX_UNIT],
                        unsigned *pad);
/* The literal text custom format `code` shows before (pre) and after
 * (post) a number, where a currency shown only by the format is
 * (`[$€-407]#,##0.00`: "€", ""; `#,##0"美元"`: "", "美元"); false when it
 * shows none. */
bool rs_xlsx_fmt_currency(const char *code, char pre[RS_XLSX_UNIT], char post[RS_XLSX_UNIT]);
/* Decodes _xHHHH_ escapes in the n bytes at s, in place; returns the new
 * length (never more than n). */
size_t rs_xlsx_unescape(char *s, size_t n);
/* The n bytes at s as a cell's text that Excel, LibreOffice and
 * rs_xlsx_unescape read back as s: an escape-like "_xHHHH_" gets its '_'
 * as "_x005F_"; U+FFFE and U+FFFF, which XML cannot hold, go as escapes.
 * s itself when nothing changes, else b's text; NULL when b fails. */
const char *rs_xlsx_escape(rs_buf *b, const char *s, size_t n);
/*
 * s, the text of a cell's value, written to out as the reader shows it,
 * NUL-terminated; each returns the length, or 0 when s is not what it
 * shows and the cell keeps its text. A number rounded to 15 digits, times
 * 10^shift; a date serial (1900 or 1904 system) as ISO date and/or time
 * by kind; an ISO 8601 date cell (t="d") likewise.
 */
size_t rs_xlsx_num_text(const char *s, int shift, char *out);
size_t rs_xlsx_date_text(const char *s, unsigned char kind, bool date1904, char *out);
size_t rs_xlsx_iso_text(const char *s, unsigned char kind, char *out);

/* ------------------------------------------------------------ reading */

typedef struct rs_xlsx_in rs_xlsx_in;

/*
 * Whether fp holds a workbook, by its first bytes (read, then put back:
 * fp must be seekable for that; a pipe is a workbook only when `want` is
 * RS_FMT_XLSX). `want` is the format asked for (RS_FMT_AUTO or what
 * --from or the file's extension says). An .xls (OLE2) file, or a file
 * asked for as XLSX that is not a zip archive, is an error.
 */
rs_status rs_xlsx_detect(FILE *fp, rs_format want, bool *is_xlsx, rs_error *err);
/*
 * Opens the archive (a pipe is first copied to a temporary file: a zip is
 * read from its end), finds the sheet (opts->sheet, else the first), reads
 * the styles and the shared strings. *out is owned: rs_xlsx_in_free.
 */
rs_status rs_xlsx_open(rs_xlsx_in **out, FILE *fp, const char *name,
                       const rs_read_opts *opts, rs_error *err);
/* Streams the sheet's rows to c's callbacks: the first row with a value
 * is the header; rows without values are left out; line = sheet row. */
rs_status rs_read_xlsx(rs_xlsx_in *x, const rs_read_ctx *c, rs_error *err);
/*
 * For a message that the header was not found: ` (read sheet "S"; the
 * workbook also has "A", "B": choose one with --sheet NAME)` in out (cap
 * bytes, names left out as "..." when they do not fit), in language g, or
 * "" when every sheet was read.
 */
void rs_xlsx_sheet_hint(const rs_xlsx_in *x, rs_lang g, char *out, size_t cap);
/* The sheet Excel opens the workbook on (its active tab), when that is
 * not a sheet read and no --sheet was given, with the sheet read in *read;
 * NULL otherwise. Both borrowed from x. */
const char *rs_xlsx_active_other(const rs_xlsx_in *x, const char **read);
/* After reading: the sheets read when more than one (`"A", "A 2"`, cut to
 * cap bytes) in out, else ""; the first sheet named as a continuation
 * ("A 2") but not read as one, borrowed from x, or NULL. A sheet goes on
 * in "NAME 2" only when it is full (row 1,048,576 used), as relstage's
 * writer leaves it, and with the same header row. *full: the last sheet
 * read when it is full and nothing follows it (rows past Excel's may have
 * been cut off), else NULL. */
const char *rs_xlsx_sheets(const rs_xlsx_in *x, char *out, size_t cap, const char **full);
/* After reading without --sheet: the first other shown worksheet, not read,
 * whose first row with a value is the first row read, the sheet read in
 * *read (both borrowed from x), and in *others how many such sheets there
 * are; NULL when none. */
const char *rs_xlsx_same_header(const rs_xlsx_in *x, const char **read, size_t *others);
/* Rows after the header hidden in the sheet (hidden by hand or filtered
 * out), and the line of the first; 0 when none. */
unsigned long rs_xlsx_hidden_rows(const rs_xlsx_in *x, unsigned long *first);
/* Cell ranges of column col (0 = A) merged across rows below line `after`
 * (Excel shows the top cell's value in each row; the others are empty in
 * the file): how many, and the rows of the first. */
size_t rs_xlsx_merged(const rs_xlsx_in *x, size_t col, unsigned long after, unsigned long *top,
                      unsigned long *bottom);
/* Whether column col (0 = A) of the sheets read is hidden in Excel. */
bool rs_xlsx_column_hidden(const rs_xlsx_in *x, size_t col);
void rs_xlsx_in_free(rs_xlsx_in *x);

#endif
