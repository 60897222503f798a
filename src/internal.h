/*
 * internal.h - the library's own interface, shared by its modules and reached
 * by the unit tests, not part of the public API: errors, allocation, the text
 * buffer, values and accounts, rules, scores and the engine.
 * All allocation goes through rs_malloc/rs_realloc/rs_free so one hook
 * (rs_set_alloc_hooks) governs the library, cJSON and libcsv alike.
 */
#ifndef RS_INTERNAL_H
#define RS_INTERNAL_H

#include <stdarg.h>
#include <string.h>

#include "relstage.h"

/* ------------------------------------------------------- status, errors */

/* A static English phrase for a status ("out of memory"). Never NULL. */
const char *rs_strerror(rs_status st);
void rs_error_clear(rs_error *e);
/* Ends a full e->msg in "..." at a whole UTF-8 character: a cut is said. */
void rs_error_cut(rs_error *e);
/* Sets `where` (printf-style). */
void rs_error_where(rs_error *e, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* The 1-based line and column (in characters) of p[pos], counting from p[0]. */
void rs_text_line_col(const char *p, size_t pos, unsigned long *line, unsigned long *col);

/* ------------------------------------------------------------ allocation */

typedef struct rs_alloc_hooks {
	void *(*malloc_fn)(size_t size);
	void *(*realloc_fn)(void *ptr, size_t size);
	void (*free_fn)(void *ptr);
} rs_alloc_hooks;

/*
 * Routes every allocation of the library, of cJSON (cJSON_InitHooks) and of
 * libcsv parsers created afterwards through `h`; NULL restores the C library's.
 * Process-wide, like cJSON_InitHooks: call it before any other rs_ function
 * (the tests' failing allocator does).
 */
void rs_set_alloc_hooks(const rs_alloc_hooks *h);
void *rs_malloc(size_t size);
void *rs_calloc(size_t n, size_t size); /* zeroed; checks n * size for overflow */
void *rs_realloc(void *p, size_t size); /* also libcsv's (csv_set_realloc_func) */
void rs_free(void *p);                  /* and csv_set_free_func */
char *rs_strdup(const char *s);
char *rs_strndup(const char *s, size_t n);

/* Allocations that have failed so far, cJSON's included (the first call
 * routes cJSON through the hooks): a parser that gave up while this count
 * stayed the same met bad input, not a lack of memory. */
unsigned long rs_alloc_failures(void);

/* ---------------------------------------------------------------- buffer */

static inline void rs_buf_reset(rs_buf *b) { b->len = 0; if (b->data) b->data[0] = '\0'; }
bool rs_buf_reserve(rs_buf *b, size_t extra);
/* The appends are inline: texts are built a few bytes at a time, and a
 * literal's strlen is then known when compiling. */
static inline bool rs_buf_append(rs_buf *b, const void *p, size_t n)
{
	if ((b->failed || n >= b->cap - b->len) && !rs_buf_reserve(b, n))
		return false;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}
static inline bool rs_buf_puts(rs_buf *b, const char *s)
{
	return rs_buf_append(b, s, strlen(s));
}
static inline bool rs_buf_putc(rs_buf *b, char c)
{
	if ((b->failed || 1 >= b->cap - b->len) && !rs_buf_reserve(b, 1))
		return false;
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return true;
}
/* Appends a number with at most `decimals` digits after the point, trailing
 * zeros dropped ("49.9", "50", "33.33"); no printf, no locale. */
bool rs_buf_put_num(rs_buf *b, double v, int decimals);
bool rs_buf_put_ulong(rs_buf *b, unsigned long v);
/* The shortest text that reads back as v x 10^shift, written to out (at
 * most RS_NUM_TEXT bytes with the NUL); returns its length. */
#define RS_NUM_TEXT 32
size_t rs_num_text(char *out, double v, int shift);
/* Appends the printf-style text whole, however long. */
bool rs_buf_vprintf(rs_buf *b, const char *fmt, va_list ap);
bool rs_buf_printf(rs_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* rs_error_format's "FILE:LINE: WHERE: MSG" appended whole (error.c). */
bool rs_buf_error(rs_buf *b, const rs_error *e);
/* The n bytes at s as a JSON string, escaped as JSON requires (ids come
 * from input), as the JSON writer escapes cells (write_json.c);
 * rs_buf_json_str for a C string. */
void rs_buf_json_mem(rs_buf *b, const char *s, size_t n);
static inline void rs_buf_json_str(rs_buf *b, const char *s) { rs_buf_json_mem(b, s, strlen(s)); }

/* FNV-1a, for the open-addressing tables of ids (previous.c) and keys
 * (read_json.c). */
static inline uint64_t rs_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* Display width of UTF-8 text in terminal columns (CJK wide = 2). */
size_t rs_display_width(const char *s, size_t n);
/* How many bytes of s[0..n) to keep in at most max: n when it fits, else max
 * backed off to the start of the character it would cut (s[max] is read). */
static inline size_t rs_utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}
/* Whether s[0..n) is well-formed UTF-8 (input.c: no overlongs, surrogates
 * or code points above U+10FFFF). */
bool rs_utf8_valid(const char *s, size_t n);

/* ------------------------------------------------------------ look-ahead */

/*
 * A bounded queue of rows copied out of a reader's callback, for looking at
 * a file's first rows before handing them on in order (how its numbers are
 * written; which row is the header; trailing footer rows). It holds at most
 * max_rows rows and max_bytes bytes of copies (cells, lengths, types,
 * reject reasons, and a pointer and a length per cell); the memory is
 * taken at the first push and reused after a drop. *out is owned by the
 * caller: rs_rowq_free. 0 takes the defaults below.
 */
typedef struct rs_rowq rs_rowq;
#define RS_LOOKAHEAD_ROWS ((size_t)1000)
#define RS_LOOKAHEAD_BYTES ((size_t)1 << 20) /* 1 MiB */
rs_status rs_rowq_new(rs_rowq **out, size_t max_rows, size_t max_bytes, rs_error *err);
/* Copies row in, after the others: RS_OK; RS_ELIMIT (nothing copied, err
 * untouched) when that would pass a bound; RS_ENOMEM. */
rs_status rs_rowq_push(rs_rowq *q, const rs_row *row, rs_error *err);
/* Replaces *q with a queue of its own size holding a copy of row (its
 * hidden cells too); fails only with RS_ENOMEM. */
rs_status rs_rowq_keep(rs_rowq **q, const rs_row *row, rs_error *err);
/* Row i (0 = the oldest held), valid until the next push or drop; NULL past
 * the last. */
const rs_row *rs_rowq_row(const rs_rowq *q, size_t i);
/* Drops the n oldest rows (every row when n is at least their number). */
void rs_rowq_drop(rs_rowq *q, size_t n);
void rs_rowq_free(rs_rowq *q);

/* ---------------------------------------------------------------- reader */

const char *rs_format_name(rs_format f);

/*
 * Called once with the header (column names, line 1 for CSV; the keys of the
 * first object for JSON), then once per record. A callback returning anything
 * but RS_OK stops the reader, which returns that status (the callback fills err).
 */
typedef rs_status (*rs_header_fn)(void *ctx, const rs_row *header, rs_error *err);
typedef rs_status (*rs_row_fn)(void *ctx, const rs_row *row, rs_error *err);

/* Reads everything, calling on_header once and on_row per record. */
rs_status rs_reader_run(rs_reader *r, rs_header_fn on_header, rs_row_fn on_row,
                        void *ctx, rs_error *err);
char rs_reader_delimiter(const rs_reader *r);       /* after the header: 0 for JSON */
/* A workbook's sheet read and the others, for a header not found there
 * (rs_xlsx_sheet_hint); "" for other formats. */
void rs_reader_sheet_hint(const rs_reader *r, char *out, size_t cap);
/* The sheet a workbook opens on in Excel when another was read
 * (rs_xlsx_active_other); NULL for other formats. */
const char *rs_reader_active_sheet(const rs_reader *r, const char **read);
/* A workbook's sheets read, a "NAME 2" not read, a full last sheet
 * (rs_xlsx_sheets); "", NULL for other formats. */
const char *rs_reader_sheets(const rs_reader *r, char *out, size_t cap, const char **full);
/* A workbook's other sheets that start as the one read, not read
 * (rs_xlsx_same_header); NULL for other formats. */
const char *rs_reader_same_sheet(const rs_reader *r, const char **read, size_t *others);
/* A workbook's cell ranges of column col merged across rows below line
 * `after` (rs_xlsx_merged); 0 for other formats. */
size_t rs_reader_merged(const rs_reader *r, size_t col, unsigned long after, unsigned long *top,
                        unsigned long *bottom);
/* Whether a workbook's column col (0 = the first) is hidden in Excel; false for other formats. */
bool rs_reader_column_hidden(const rs_reader *r, size_t col);
/* A workbook's rows after the header hidden in Excel (rs_xlsx_hidden_rows); 0 for other formats. */
unsigned long rs_reader_hidden_rows(const rs_reader *r, unsigned long *first);
/* After the header: what says a JSON reply read under --json-path is one
 * page of a longer list ("paging.next says more follow"), or NULL. */
const char *rs_reader_page(const rs_reader *r);
/* After the header: the dot paths of the plain members of a JSON input's
 * first record's objects ("properties.name"), each NUL-terminated, then an
 * empty one; NULL for none or another format. */
const char *rs_reader_inner(const rs_reader *r);

/* --------------------------------------------------- values and accounts */

/* The canonical fields, in this order; their values live in rs_account.v. */
typedef enum rs_field {
	RS_F_ID = 0,
	RS_F_NAME,
	RS_F_PURCHASE_SHARE,
	RS_F_OUR_SALES,
	RS_F_CUSTOMER_SPEND,
	RS_F_CONTACTS,
	RS_F_DEPARTMENTS,
	RS_F_TOP_CONTACT_LEVEL,
	RS_F_KEY_PERSON,
	RS_F_RELATIONSHIP_YEARS,
	RS_F_JOINT_PROJECTS,
	RS_F_EXEC_MEETINGS,
	RS_F_STRATEGIC_AGREEMENT,
	RS_F_EQUITY_TIE,
	RS_F_EXCLUSIVE,
	RS_F_INFO_SHARING,
	RS_F_CUSTOMER_SINCE, /* a year or date: gives relationship_years when that is empty */
	RS_F_PRICE_AGREEMENT,
	RS_F_PREVIOUS_SHARE, /* the past period's purchase_share, % (上期份额, Prior Share) */
	RS_F_COUNT
} rs_field;

/* Variables a rule can name: the fields, share_pct and share_drop, the two
 * scores, and the stage in the previous run (--previous; by rank), which the
 * classifier sets. share_drop is previous_share - share_pct in points, known
 * only when both are: the share fell by that much since the past period. */
enum {
	RS_V_SHARE_PCT = RS_F_COUNT,
	RS_V_SHARE_DROP,
	RS_V_CONTACT_SCORE,
	RS_V_COOPERATION_SCORE,
	RS_V_PREVIOUS_STAGE,
	RS_V_COUNT
};

const char *rs_var_name(int var);     /* "purchase_share", ..., "share_pct"; NULL if out of range */
rs_kind rs_var_kind(int var);         /* scores are RS_KIND_NUMBER */
/*
 * The words that make a column the field when no name matched, into buf as
 * "(customer|account|...) + (id|number|...)": a header holding a word of
 * each group is a candidate; the connectives in g. Returns the length ("" when none).
 */
size_t rs_field_words(int field, rs_lang g, char *buf, size_t cap);
const char *rs_field_meaning(int field, rs_lang g); /* one line for `relstage fields`; NULL past the last */
int rs_var_lookup(const char *name); /* rs_var_name's inverse; -1 if unknown */

/* Value parsing. Empty or blank text means unknown (RS_PARSE_EMPTY), never 0. */
typedef enum rs_parse { RS_PARSE_OK = 0, RS_PARSE_EMPTY, RS_PARSE_BAD } rs_parse;

/* yes/no, y/n, true/false, 1/0, 是/否, ja/nein, oui/non, sí/no, はい/いいえ, √/×,
 * 已X/未X, 有X/无X ... (case-insensitive; rs_value_word lists them). */
rs_parse rs_parse_bool(const char *s, size_t n, bool *out);
/* staff/manager/director/executive, 员工/经理/总监/高层, or a job title by its
 * head word ("VP of Sales", "Purchasing Manager", 采购经理) -> 1..4. */
rs_parse rs_parse_level(const char *s, size_t n, int *out);

/*
 * A mapped and typed record. v[var] is meaningful only when bit var of `known`
 * is set (for id and name, whose text is in `id` and `name`, v is then 0).
 * id and name are borrowed from the row they came from.
 */
typedef struct rs_account {
	const char *id;
	size_t id_len;
	const char *name;
	size_t name_len;
	double v[RS_V_COUNT];
	uint32_t known;
	uint32_t formula; /* fields read from Excel's ="..." (rs_value_unformula) */
	uint32_t falsed;  /* fields whose JSON false was read as empty (Odoo's empty field) */
} rs_account;

static inline bool rs_known(const rs_account *a, int var)
{
	return (a->known >> var) & 1u;
}

typedef struct rs_fieldmap rs_fieldmap;

/* The header column that gives `field`, or -1. */
long rs_fieldmap_column(const rs_fieldmap *m, int field);
void rs_fieldmap_free(rs_fieldmap *m);

/* ------------------------------------------------- rules, scores, engine */

const char *rs_rules_stage_id(const rs_rules *r, size_t stage);
const char *rs_rules_stage_label(const rs_rules *r, size_t stage, rs_lang lang);
/* The stage's recommended actions, joined once at load with RS_ACTION_SEP. */
const char *rs_rules_stage_actions(const rs_rules *r, size_t stage, rs_lang lang);
long rs_rules_stage_index(const rs_rules *r, const char *id); /* -1 if unknown */
const char *rs_rules_action_text(const rs_rules *r, size_t action, rs_lang lang);
const char *rs_rules_action_flag(const rs_rules *r, size_t action); /* NULL if none */
/* Text of a named message in the rules' "messages" (e.g. "downgrade"), or NULL. */
const char *rs_rules_message(const rs_rules *r, const char *key, rs_lang lang);

#define RS_ACTION_SEP " | "
#define RS_MAX_FIRED 64 /* action rules a row can fire; rules with more fail to load */

/*
 * Computes share_pct from purchase_share, else 100 * our_sales /
 * customer_spend (0 when our_sales is 0), share_drop when previous_share is
 * known, then contact_score and cooperation_score from the rules' score
 * definitions. RS_EREJECT when the share is unknown, outside 0-100, or
 * our_sales exceeds customer_spend (or is negative, or customer_spend is,
 * without a purchase_share), the reason in err naming the values read (the
 * classifier words it again with the cells as written: rs_score_fault,
 * rs_fieldmap_share_reason); also when previous_share is outside 0-100.
 * When `explain` is not NULL, appends the parts of each score to it.
 */
rs_status rs_score(const rs_rules *r, rs_account *a, rs_buf *explain,
                   rs_lang lang, rs_error *err);

#define RS_MAX_NEEDS 16 /* unmet conditions listed in needs */

typedef struct rs_result {
	size_t stage;                 /* index into the rules' stages */
	long next_stage;              /* the stage above, or -1 at the top */
	double share_gap;             /* share points the next stage needs; <0 when the share
	                                 is not what is missing */
	size_t nfired;                /* action rules that matched, in rule order */
	size_t fired[RS_MAX_FIRED];
	size_t decision_row;          /* which row of the decision table matched */
	long type;                    /* relationship type (rules' order), -1: none */
	long model;                   /* alliance model, -1: none */
	uint32_t bonds;               /* bit k: bond k is present */
	/* What the next stage needs: the unmet conditions of its closest decision
	 * row, each a text of the rules' needs and the distance
	 * to it (NaN when it has none). */
	size_t nneeds;
	uint32_t need[RS_MAX_NEEDS];
	double need_gap[RS_MAX_NEEDS];
} rs_result;

/*
 * Picks the stage (first matching decision row) and collects every matching
 * action rule. RS_EREJECT when no row matches. With `explain`, appends the row
 * that decided and the action rules that fired.
 */
rs_status rs_engine_eval(const rs_rules *r, const rs_account *a, rs_result *res,
                         rs_buf *explain, rs_lang lang, rs_error *err);

/* ------------------------------------------------------------- classifier
 * The steps rs_classifier_file takes for each record (relstage.h says what
 * they do together); the tests call them one at a time. */

/* A record that may be the header: *out is the output header once it was
 * found, NULL while the records are title rows. delimiter: 0 for JSON and
 * workbooks, ';' allows decimal commas. */
rs_status rs_classifier_header(rs_classifier *c, const rs_row *in, char delimiter,
                               const rs_row **out, rs_error *err);
/* The file's first rows decide how its values read (decimal marks, fractions);
 * RS_EUSAGE when nothing tells how one of them reads ("1.234"). */
rs_status rs_classifier_lookahead(rs_classifier *c, const rs_rowq *q, rs_error *err);
/* One row: *out (valid until the next call), or NULL for a row skipped, held
 * back or rejected through on_reject; without on_reject a bad row is
 * RS_EREJECT with the reason in err. Counts into stats. */
rs_status rs_classifier_row(rs_classifier *c, const rs_row *in, const rs_row **out,
                            rs_error *err);
/* The end of a file: held rows become its footer (or rejects). */
rs_status rs_classifier_end(rs_classifier *c, rs_error *err);

/* The columns the classifier appends, in output order, and their names
 * (format.c): English by default, so scripts and --previous can rely on
 * them; Chinese when asked (--headers zh). */
enum {
	COL_STAGE,
	COL_LABEL,
	COL_SHARE,
	COL_CONTACT,
	COL_COOP,
	COL_NEXT,
	COL_GAP,
	COL_FLAGS,
	COL_ACTIONS,
	COL_TYPE,
	COL_TYPE_LABEL,
	COL_BONDS,
	COL_NEEDS,
	COL_MODEL,
	COL_EXPLAIN,
	COL_PREV,
	COL_TRANSITION,
	COL_MAX
};
extern const char *const rs_col_names[RS_LANG_COUNT][COL_MAX];
extern const char *const rs_level_names[4]; /* levels 1-4: staff ... executive */
/* Level v's name, "?" for a value that is no level. */
static inline const char *rs_level_name(double v)
{
	return v >= 1 && v <= 4 ? rs_level_names[(int)v - 1] : "?";
}

/* summary.c: the summary of counts s for people (lang; lines of text) and
 * for monitoring (one JSON object; with c, how its columns were taken and
 * its notes). `prev` (may be NULL) lists vanished accounts: at most 20 in
 * the text, all in the JSON. Appended to `out`; false when out of memory. */
bool rs_summary_text(const rs_stats *s, const rs_rules *r, const rs_previous *prev,
                     rs_lang lang, rs_buf *out);
bool rs_summary_json(const rs_stats *s, const rs_rules *r, const rs_previous *prev,
                     const rs_classifier *c, rs_buf *out);
/* The words of the text summary and of the workbook (write_xlsx.c):
 * rs_summary_words[RS_SW_READ][lang] is "rows read"; RS_SW_SKIP_KIND + RS_SKIP_*
 * names a kind of skipped row ("title rows", 标题行). */
enum { RS_SW_READ, RS_SW_CLASSIFIED, RS_SW_REJECTED, RS_SW_STAGE, RS_SW_ACCOUNTS, RS_SW_SHARE,
       RS_SW_PREV, RS_SW_UP, RS_SW_DOWN, RS_SW_SAME, RS_SW_NEW, RS_SW_VANISHED, RS_SW_MATRIX,
       RS_SW_VANISHED_LIST, RS_SW_MORE, RS_SW_SKIPPED, RS_SW_REJECTED_LIST, RS_SW_SKIP_KIND,
       RS_SW_SHEET_ACCOUNTS = RS_SW_SKIP_KIND + RS_SKIP_COUNT, RS_SW_SHEET_SUMMARY,
       RS_SW_SHEET_REJECTS, RS_SW_TITLE, RS_SW_RULES, RS_SW_BUILTIN, RS_SW_DATE, RS_SW_LABEL,
       RS_SW_CHART_STAGES, RS_SW_CHART_MOVES, RS_SW_CONTINUED, RS_SW_COUNT };
extern const char *const rs_summary_words[RS_SW_COUNT][RS_LANG_COUNT];

/* inspect.c: how each field's column was found, and the notes, as JSON
 * (inspect's report and --summary-json share them). */
void rs_inspect_fields_json(const rs_classifier *c, rs_buf *b);
void rs_inspect_notes_json(const rs_classifier *c, rs_buf *b);

#endif
