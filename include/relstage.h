/*
 * relstage.h - public API of librelstage, the B2B relationship-stage classifier:
 * what the command line calls, nothing more.
 *
 * A run: rules (rs_rules_load) -> a classifier (rs_classifier_new) -> for
 * each input a reader (rs_reader_open) read through the classifier
 * (rs_classifier_file), which hands the output header, each classified
 * row, each rejected and skipped row to the callbacks in rs_classify_opts;
 * the caller writes them (rs_writer_*) and asks for the summary. The
 * library never prints and never exits: every function that can fail
 * returns an rs_status and fills an rs_error; only the front end writes
 * messages and picks exit codes.
 *
 * Ownership: a function that hands memory to the caller says so next to its
 * prototype; every _new/_open has a _free that accepts NULL. Text the library
 * produces is appended to the caller's rs_buf.
 */
#ifndef RELSTAGE_H
#define RELSTAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define RS_VERSION "1.0.0"

/* ------------------------------------------------------------------ status */

typedef enum rs_status {
	RS_OK = 0,
	RS_EOF,      /* nothing more to read (not an error) */
	RS_EREJECT,  /* this row cannot be classified; the run goes on */
	RS_ENOMEM,   /* an allocation failed */
	RS_EIO,      /* reading or writing failed */
	RS_EPARSE,   /* input malformed beyond one row (e.g. JSON array syntax) */
	RS_ERULES,   /* rules file invalid */
	RS_EUSAGE,   /* bad option or configuration (e.g. --map names no field) */
	RS_ELIMIT,   /* a documented protective limit was hit */
	RS_EENCODING /* bytes invalid in the input encoding, or unsupported encoding */
} rs_status;

/*
 * What went wrong and where. `file` is borrowed (the name given to the reader
 * or loader) and may be NULL; `line` is the 1-based physical line where the
 * offending record starts (header = line 1), 0 when there is none; `where` is a
 * place inside the file ("stages[2].when.all[0].op" in a rules file, a column
 * name in a data file), "" when there is none.
 */
typedef enum rs_lang { RS_LANG_EN = 0, RS_LANG_ZH, RS_LANG_COUNT } rs_lang;
typedef struct rs_error {
	rs_status status;
	rs_lang lang; /* set by the caller: the language msg is worded in (the I/O,
	                 rules and map file errors and the stops msg.c lists) */
	const char *file;
	unsigned long line;
	char where[160];
	char msg[480];
} rs_error;

/* Fills status, line and msg (printf-style, fmt's translation in e->lang
 * when msg.c has one); keeps file, lang and where. Returns st. */
rs_status rs_error_set(rs_error *e, rs_status st, unsigned long line,
                       const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
/*
 * Writes "FILE:LINE: WHERE: MSG" into buf (parts that are absent are left
 * out, never "(null)"); always NUL-terminates when size > 0. Returns the
 * length it would have written, like snprintf. The front end prefixes
 * "relstage: ".
 */
size_t rs_error_format(const rs_error *e, char *buf, size_t size);

/* A callback that receives one problem among several (rules validation). */
typedef void (*rs_diag_fn)(void *ctx, const rs_error *problem);

/* ------------------------------------------------------------------ buffer */

/*
 * A growable byte buffer (Redis sds-style: len bytes used, always followed by
 * a NUL): the text the library hands over (rules dump, reports, summaries).
 * The caller owns it: rs_buf_init before use, rs_buf_free after.
 */
typedef struct rs_buf {
	char *data;
	size_t len;
	size_t cap;
	bool failed; /* an append could not allocate; later appends are no-ops */
} rs_buf;
void rs_buf_init(rs_buf *b);
void rs_buf_free(rs_buf *b);

/* ------------------------------------------------------------------- rows */

/* How a cell's text is to be taken; JSON output keeps the input's types. */
typedef enum rs_type {
	RS_T_STRING = 0,
	RS_T_NUMBER, /* text is a JSON number literal */
	RS_T_BOOL,   /* text is "true" or "false" */
	RS_T_NULL,   /* text is "" */
	RS_T_JSON    /* text is a JSON object or array, compact, as the input had it */
} rs_type;

/*
 * One record of cells, as read or as to be written. All memory is borrowed:
 * a row handed to a callback is valid only during that call.
 * cell[i] is NUL-terminated UTF-8 of length len[i] (it may contain NUL bytes
 * only if the input did; readers reject such rows). `type` may be NULL, which
 * means every cell is RS_T_STRING.
 * `reject` is NULL for a good row; a reader sets it to the reason when it could
 * read the record but not as a row (wrong number of fields, an unparseable JSON
 * Lines line, a stray quote): the cells are then what could be recovered (for
 * an unparseable line: one cell holding the raw line) and go to the rejects.
 * In a header row `type`, when not NULL, gives each column's kind:
 * RS_T_NUMBER for a column that holds numbers (the classifier's output
 * header marks numeric fields and its number columns; a workbook writes
 * their cells as numbers).
 */
typedef struct rs_row {
	size_t n;
	const char *const *cell;
	const size_t *len;
	const unsigned char *type;
	unsigned long line;
	const char *reject;
	/* A header or row from a JSON reader may hold `extra` more cells after
	 * the n columns: the values at the dot paths the read options' maps name
	 * (owner.name), for the field map only, never written out. */
	size_t extra;
	/* May be NULL. A workbook's row: for each of the n cells, the
	 * currencies its number format shows beside the number (`[$€-407]`,
	 * `"$"#,##0`), which the cell's value does not hold, as bits of the
	 * currency sets a cell's own "€" or "$" names; 0 for none. */
	const unsigned short *cur;
} rs_row;

/* ---------------------------------------------------------------- formats */

typedef enum rs_format {
	RS_FMT_AUTO = 0,
	RS_FMT_CSV,
	RS_FMT_TSV,
	RS_FMT_JSON,  /* an array of objects */
	RS_FMT_JSONL, /* one object per line */
	RS_FMT_TABLE, /* output only: aligned columns for a terminal */
	RS_FMT_XLSX   /* an Office Open XML workbook (.xlsx) */
} rs_format;

/* "csv" -> RS_FMT_CSV ...; returns false for an unknown name. */
bool rs_format_parse(const char *name, rs_format *out);
/* The format a file name's extension names (.csv .txt .tsv .tab .json .jsonl
 * .ndjson .xlsx .xlsm, in any case), else RS_FMT_AUTO; NULL gives RS_FMT_AUTO. */
rs_format rs_format_of_path(const char *name);
bool rs_lang_parse(const char *name, rs_lang *out); /* "en", "zh" (also "zh_CN.UTF-8" etc.) */

/* ---------------------------------------------------------------- readers */

typedef struct rs_read_opts {
	rs_format format;     /* RS_FMT_AUTO: by file extension, else by sniffing */
	char delimiter;       /* CSV/TSV: 0 = detect among , ; TAB | */
	const char *encoding; /* NULL or "auto": BOM, else UTF-8 if valid, else GB18030 */
	size_t max_field;     /* bytes in one cell; 0 = RS_DEFAULT_MAX_FIELD */
	size_t max_columns;   /* 0 = RS_DEFAULT_MAX_COLUMNS */
	size_t max_record;    /* bytes in one record / JSON Lines line; 0 = default */
	const char *sheet;    /* XLSX: the sheet to read; NULL = the first */
	/* JSON: the array of objects to read when the top level is an object,
	 * as a dot path of keys ("results", "data.items"); NULL: the only one. */
	const char *json_path;
	/* The field map's FIELD=COLUMN specs (rs_classify_opts.maps): a COLUMN
	 * that is a dot path into a JSON object's members (owner.name) is read
	 * as a hidden cell of each row (rs_row.extra). */
	const char *const *maps;
	size_t nmaps;
	const struct rs_mapfile *map_file; /* --map-file (rs_mapfile_load): its "fields" are read like maps */
	/* JSON: the top level must be the array itself, as relstage writes its
	 * rows (--previous): an object wrapping arrays (its --summary-json, whose
	 * vanished_accounts hold ids and stages) is RS_EPARSE. */
	bool array_only;
	rs_lang lang; /* the reasons a record is rejected (a row's `reject`) */
} rs_read_opts;

#define RS_DEFAULT_MAX_FIELD ((size_t)1 << 20)   /* 1 MiB */
#define RS_DEFAULT_MAX_COLUMNS ((size_t)4096)
#define RS_DEFAULT_MAX_RECORD ((size_t)16 << 20) /* 16 MiB */

typedef struct rs_reader rs_reader;

/*
 * A --map-file (JSON: field -> column, value words, columns to ignore, the
 * header row; at most 1 MiB), read once: the reader, classifier and earlier
 * run that use it borrow it through their options, so it must outlive them.
 * *out is the caller's: rs_mapfile_free (NULL is fine). `path` labels its
 * messages and must outlive *out.
 */
typedef struct rs_mapfile rs_mapfile;
rs_status rs_mapfile_load(rs_mapfile **out, const char *path, rs_error *err);
void rs_mapfile_free(rs_mapfile *m);

/*
 * Opens a reader on `fp` (not closed by the reader). `name` labels errors
 * ("-" or "<stdin>" for standard input) and, with RS_FMT_AUTO, its extension
 * picks the format (.csv .tsv .tab .txt .json .jsonl .ndjson). *out is owned by
 * the caller: rs_reader_free.
 */
rs_status rs_reader_open(rs_reader **out, FILE *fp, const char *name,
                         const rs_read_opts *opts, rs_error *err);
const char *rs_reader_encoding(const rs_reader *r); /* after open: "UTF-8", "GB18030", ... */
rs_format rs_reader_format(const rs_reader *r); /* after open: the format in use */
void rs_reader_free(rs_reader *r);

/* ----------------------------------------------------------------- fields */

typedef enum rs_kind {
	RS_KIND_TEXT = 0, /* id, name: not numeric */
	RS_KIND_NUMBER,   /* a number; shares accept a trailing % */
	RS_KIND_BOOL,     /* 1 or 0 */
	RS_KIND_LEVEL     /* 1 staff, 2 manager, 3 director, 4 executive */
} rs_kind;

/* A field as `relstage fields` lists it; the strings are static. */
typedef struct rs_field_info {
	const char *name;           /* "purchase_share" */
	rs_kind kind;
	const char *meaning;        /* one line of English */
	const char *const *aliases; /* built-in column names, NULL-terminated (English, then Chinese) */
	/* The words that make a column the field when no name matched:
	 * "(customer|account|...) + (id|number|...)", a header holding a word
	 * of each group is a candidate; "" when none. */
	char words[1024];
} rs_field_info;

/* Field i (0, 1, ... in the canonical order) into *out; false past the last. */
bool rs_field_describe(size_t i, rs_field_info *out);
/* Word i of the yes/no and level words (for `relstage fields`): the word,
 * its kind (RS_KIND_BOOL or RS_KIND_LEVEL) and value (1/0, or 1-4), or an
 * option of a cooperation column (RS_KIND_TEXT, the field it names); NULL
 * past the last. */
const char *rs_value_word(size_t i, rs_kind *kind, int *value);
/* `relstage fields`, appended to out: each field with its kind, meaning, names
 * and words, then the yes/no and level words and the cooperation options. Kinds,
 * meanings and labels in lang; field names, column names and words as written. */
rs_status rs_fields_list(rs_lang lang, rs_buf *out, rs_error *err);

/* ------------------------------------------------------------------ rules */

typedef struct rs_rules rs_rules;

/*
 * Loads rules from JSON text (need not be NUL-terminated). `name` labels
 * errors. Every structural problem found is passed to `diag` (may be NULL);
 * the first is also left in *err. The result is compiled: conditions refer to
 * variables by index and compare numbers. *out is owned: rs_rules_free.
 */
rs_status rs_rules_load(rs_rules **out, const char *text, size_t len,
                        const char *name, rs_diag_fn diag, void *ctx,
                        rs_error *err);
/* The default rules embedded in the binary (data/rules/default.json). */
rs_status rs_rules_load_default(rs_rules **out, rs_error *err);
/*
 * Decision-table analysis: stages no record can reach, share_pct ranges in
 * [0,100] that no row covers, rows hidden by earlier rows under first-match.
 * Each finding goes to diag, worded in lang; returns how many were errors.
 */
size_t rs_rules_analyze(const rs_rules *r, rs_lang lang, rs_diag_fn diag, void *ctx);
/*
 * The rules in force as JSON (pretty, stable key order, trailing newline),
 * appended to out. Loading the dump gives rules that classify identically,
 * and dumping them again gives the same bytes.
 */
rs_status rs_rules_dump(const rs_rules *r, rs_buf *out, rs_error *err);
void rs_rules_free(rs_rules *r);
/* How many stages and action rules there are (relstage validate says so). */
size_t rs_rules_stage_count(const rs_rules *r);
size_t rs_rules_action_count(const rs_rules *r);
#define RS_MAX_STAGES 16 /* stages in one rules file; more fail to load */

/* ----------------------------------------------------------------- writers */

#define RS_TABLE_WHOLE 10 /* rs_write_opts.table_rank: shown whole or not at all */

typedef struct rs_write_opts {
	rs_format format;       /* CSV, TSV, JSON, JSONL or TABLE */
	bool excel;             /* CSV/TSV: UTF-8 BOM and CRLF line ends */
	char delimiter;         /* CSV: between cells; 0 = ',' (';' for a decimal comma) */
	bool raw;               /* CSV/TSV: no formula neutralisation */
	const size_t *table_cols; /* TABLE: which columns to show (NULL = all) */
	size_t ntable_cols;
	size_t table_width;     /* TABLE: terminal columns to fit in (0: no limit); the
	                           first column and numbers are never cut */
	const unsigned char *table_rank; /* TABLE: per column shown, how long it stays
	                           when the width is short (lowest goes first); one of
	                           RS_TABLE_WHOLE or more is never narrowed either;
	                           NULL: columns go from the right */
	rs_diag_fn notice;      /* TABLE, may be NULL: told once (in `lang`) which
	                           columns were left out to fit table_width */
	void *notice_ctx;
	bool ragged;            /* CSV/TSV: rows may have any number of cells (the
	                           rejects file keeps a bad row's cells as read) */
	/* XLSX (a workbook) only: */
	const rs_rules *rules;  /* the stages: cell colours, the Summary sheet */
	const char *rules_name; /* shown in the Summary; NULL: the built-in rules */
	rs_lang lang;           /* sheet names and the Summary's words; TABLE: the notice */
	const rs_row *rejects_header; /* heads a Rejects sheet; NULL: none */
} rs_write_opts;

typedef struct rs_writer rs_writer;
typedef struct rs_stats rs_stats; /* below: a run's counts */
typedef struct rs_classify_opts rs_classify_opts; /* below: what a run is told */

/*
 * Starts writing to `fp` (not closed by the writer) with these column names.
 * The header is written at once for CSV/TSV. *out is owned: rs_writer_free.
 * Whole buffers go to fp with fwrite; a write that a signal interrupts
 * (EINTR, a handler installed without SA_RESTART) fails like any other.
 */
rs_status rs_writer_new(rs_writer **out, FILE *fp, const rs_write_opts *opts,
                        const rs_row *header, rs_error *err);
/* Writes one row of header-many cells; types pick JSON literals. XLSX: a
 * row whose `reject` is set goes to the Rejects sheet (rejects_header's
 * columns; an RS_T_NUMBER cell is a number), any other to Accounts. */
rs_status rs_writer_row(rs_writer *w, const rs_row *row, rs_error *err);
/* Closes the document (JSON ']') and flushes fp; RS_EIO if any write failed.
 * A workbook's Summary sheet shows the run's counts `s` (rs_classifier_stats;
 * may be NULL); other formats ignore them. */
rs_status rs_writer_finish(rs_writer *w, const rs_stats *s, rs_error *err);
/* Accepts NULL. */
void rs_writer_free(rs_writer *w);

/* ------------------------------------------------- previous run, classify */

/*
 * An earlier relstage output (any format it writes), indexed by id: what
 * --previous compares with. Memory is proportional to that file's accounts.
 */
typedef struct rs_previous rs_previous;

/*
 * Reads `fp` (any format relstage writes; `ropts` as for inputs). Its id
 * column is found like an input's: `co`'s map file, maps and ignores (only
 * the maps when the file lacks a column those name; `co` may be NULL), then
 * the built-in names; no share column is needed. Its stage is in the
 * "stage" column. A duplicate id is
 * passed to `diag` (the first occurrence is kept); a stage id the rules do
 * not know is RS_EPARSE.
 * *out is owned by the caller: rs_previous_free.
 */
rs_status rs_previous_load(rs_previous **out, FILE *fp, const char *name,
                           const rs_read_opts *ropts, const rs_rules *r,
                           const rs_classify_opts *co,
                           rs_diag_fn diag, void *ctx, rs_error *err);
void rs_previous_free(rs_previous *p);

/* Rows read that are not accounts, by kind (skipped, never rejected). */
typedef enum rs_skip {
	RS_SKIP_TITLE = 0, /* above the header: a report's title rows */
	RS_SKIP_BLANK,     /* every cell empty */
	RS_SKIP_TOTALS,    /* 合计, Total, Grand Total ... in the id or name cell */
	RS_SKIP_FOOTER,    /* after the last account: "Generated By:", 制表人：... */
	RS_SKIP_COUNT
} rs_skip;

/* Counts of a run, for --summary and --summary-json. */
struct rs_stats {
	unsigned long read, classified, rejected; /* read = classified + rejected + skipped */
	unsigned long skipped[RS_SKIP_COUNT];
	unsigned long per_stage[RS_MAX_STAGES];
	bool with_previous;
	unsigned long up, down, same, added, vanished;
	/* [previous stage][current stage] for accounts present in both runs */
	unsigned long transition[RS_MAX_STAGES][RS_MAX_STAGES];
	unsigned long vanished_per_stage[RS_MAX_STAGES];
	/* accounts of the previous run whose rows this run rejected (not vanished) */
	unsigned long prev_rejected;
	unsigned long rejected_per_stage[RS_MAX_STAGES];
};

/* How purchase_share is read: RS_SHARE_AUTO takes fractions of 1 (0.85 =
 * 85%) when every share in the look-ahead is in [0, 1] and one is not
 * whole. */
typedef enum rs_share_scale { RS_SHARE_AUTO = 0, RS_SHARE_PERCENT, RS_SHARE_FRACTION } rs_share_scale;

struct rs_classify_opts {
	rs_lang lang;
	rs_lang header_lang;      /* names of the appended columns (default English) */
	bool explain;             /* add the explain column */
	bool decimal_comma;       /* share_pct, share_gap: "12,5" (not for JSON output) */
	const char *const *maps;  /* --map FIELD=COLUMN specs; FIELD= takes FIELD from no column */
	size_t nmaps;
	const char *const *ignores; /* --ignore COLUMN: never taken as a field */
	size_t nignores;
	const struct rs_mapfile *map_file; /* --map-file (rs_mapfile_load), or NULL */
	unsigned long header_line; /* --header-row: the header starts on this line (0: found) */
	const char *prefix;       /* --prefix P: appended columns named P_stage, P_flags, ... */
	rs_previous *previous;    /* NULL without --previous; marks ids seen */
	rs_share_scale share_scale;
	char decimal_mark;        /* '.' or ',': how "1.234" reads in every column; 0: as the file shows */
	long today;               /* YYYYMMDD for customer_since and the year check; 0: the local date */
	rs_diag_fn notice;        /* may be NULL: how a file's values are read, when it
	                             matters (decimal marks, fractions), once each; and
	                             how its columns are, once per file (a score with no
	                             field to go on, a column that looks like a field) */
	void *notice_ctx;
	/*
	 * Where rs_classifier_file hands its results, in input order; ctx is
	 * passed to each; a callback that returns other than RS_OK (err filled)
	 * stops the file with that status. on_header: a file's header was
	 * found: `out` is the output header (valid while the classifier
	 * lives), `in` the file's header as read. on_row: a
	 * classified row, valid during the call. on_reject: a rejected row and
	 * why (the reason, with its line); with it, the classifier may hold
	 * rows back for a while: rows that look like a report footer until an
	 * account follows (then they are rejects) or the input ends (then they
	 * are skipped), and a file's first rows while a column taken by a
	 * built-in name or by its words is checked. Without on_reject, a
	 * rejected row stops the file with RS_EREJECT. on_skip (may be NULL):
	 * a row that is not an account (enum rs_skip), already counted.
	 */
	rs_status (*on_header)(void *ctx, const rs_row *out, const rs_row *in, rs_error *err);
	rs_status (*on_row)(void *ctx, const rs_row *out, rs_error *err);
	rs_status (*on_reject)(void *ctx, const rs_row *row, rs_error *why, rs_error *err);
	void (*on_skip)(void *ctx, const rs_row *row, int kind);
	void *ctx;
};

/*
 * The pipeline in the middle: header -> field map; row -> account -> scores
 * -> decision -> the output row (input cells unchanged, then the appended
 * columns). Holds its buffers across rows: no allocation per row once warm.
 */
typedef struct rs_classifier rs_classifier;

rs_status rs_classifier_new(rs_classifier **out, const rs_rules *r,
                            const rs_classify_opts *o, rs_error *err);
/*
 * Classifies one input file: everything `rd` reads, through the callbacks
 * of rs_classify_opts. Rows above the header are title rows (in delimited
 * text and workbooks the header is the first of the first 20 records that
 * gives an id and a share, or the --header-row line); the delimiter (';'
 * allows decimal commas) and the file's first rows decide how its numbers
 * read; at the end, held rows become the footer (or rejects). A file that
 * never gives a header is an error; a later file's header must name the
 * same columns as the first's. Call once per file, in order.
 */
rs_status rs_classifier_file(rs_classifier *c, rs_reader *rd, rs_error *err);
/*
 * The output columns a person looks at first (id, name, stage label, share,
 * scores, flags, transition), for the table view. Returns how many were put
 * in idx (at most max), each with its rank for rs_write_opts.table_rank.
 * Valid once a header was found (on_header).
 */
size_t rs_classifier_key_columns(const rs_classifier *c, size_t *idx, unsigned char *rank,
                                 size_t max);
/* Finishes counting (vanished accounts) and returns the run's counts. */
const rs_stats *rs_classifier_stats(rs_classifier *c);
/*
 * The run's summary, appended to out: for people (lang; lines of text) or,
 * with json, for monitoring (one JSON object and a newline, with how the
 * columns were taken and the notes). With --previous it lists vanished
 * accounts: at most 20 in the text, all in the JSON. False when out of
 * memory.
 */
bool rs_classifier_summary(rs_classifier *c, bool json, rs_lang lang, rs_buf *out);
void rs_classifier_free(rs_classifier *c);

/*
 * relstage inspect: reads `files` ("-" is standard input; none: standard
 * input) as a run with these options would, and writes nothing but a
 * report into `report` (text, or JSON with `json`): each file's format,
 * encoding, delimiter and header row; each field's column and how it was
 * found, the columns passed through unused; the notes; the first rows'
 * values and outcome; the counts of rows classified, skipped (by kind) and
 * rejected, with the rows. With `map` (may be NULL), the mapping used as a
 * --map-file to start from. co's callbacks are not used. Returns RS_OK when
 * a run would classify every row, RS_EREJECT when it would reject some,
 * else what would stop a run (in err; the report says it too).
 */
rs_status rs_inspect(char *const *files, size_t nfiles, const rs_read_opts *ro,
                     const rs_rules *r, const rs_classify_opts *co, bool json,
                     rs_buf *report, rs_buf *map, rs_error *err);

#endif
