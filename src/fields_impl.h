/*
 * fields_impl.h - what fields.c (the field map), units.c, value.c and words.c (cell
 * parsing), columns.c, header.c and previous.c share inside the library.
 * Not part of the public API.
 */
#ifndef RS_FIELDS_IMPL_H
#define RS_FIELDS_IMPL_H

#include <string.h>

#include "internal.h"
#include "msg.h"

/* Drops surrounding blanks: ASCII space/tab/CR/LF, U+00A0, U+3000. */
void rs_value_trim_slow(const char **s, size_t *n);

/* Could the byte start or end a blank? Inline: most cells have none. */
static inline bool rs_value_maybe_blank(unsigned char c)
{
	return c <= ' ' || (c >= 0x80 && (c == 0xC2 || c == 0xE3 || c == 0xA0 || c == 0x80));
}

static inline void rs_value_trim(const char **s, size_t *n)
{
	if (*n > 0 && (rs_value_maybe_blank((unsigned char)(*s)[0]) ||
	               rs_value_maybe_blank((unsigned char)(*s)[*n - 1])))
		rs_value_trim_slow(s, n);
}
/*
 * Excel's text formula ="..." (how a CSV keeps the zeros of "00123"): a cell
 * that is exactly =" text ", blanks around it aside, with no quote inside,
 * narrows to its text and gives true; any other cell is left as it is.
 */
static inline bool rs_value_unformula(const char **s, size_t *n)
{
	const char *t = *s;
	size_t k = *n;

	rs_value_trim(&t, &k);
	if (k < 3 || t[0] != '=' || t[1] != '"' || t[k - 1] != '"' ||
	    memchr(t + 2, '"', k - 3) != NULL)
		return false;
	*s = t + 2;
	*n = k - 3;
	return true;
}

/*
 * Normalises a name for matching into out (capacity cap): surrounding blanks
 * dropped, ASCII lowercased, each run of spaces, hyphens and underscores one
 * '_'. Never longer than its input, so cap = n + 1 always suffices. Returns
 * the length written.
 */
size_t rs_value_norm(const char *s, size_t n, char *out, size_t cap);

/*
 * How a numeric field is read. RS_NUM_WHOLE and RS_NUM_NONNEG are checked by
 * the field map after parsing; rs_value_number ignores them. RS_NUM_YEARS and
 * RS_NUM_PIECES let unit words follow ("3 years", "3年"; "5人", "2个").
 */
enum {
	RS_NUM_PERCENT = 1,
	RS_NUM_CURRENCY = 2,
	RS_NUM_WHOLE = 4,
	RS_NUM_NONNEG = 8,
	RS_NUM_YEARS = 16,
	RS_NUM_PIECES = 32,
	RS_NUM_COUNT = RS_NUM_WHOLE | RS_NUM_NONNEG
};
/* What a number's text showed of its decimal mark (rs_value_number's
 * *shape), and whether it had a %. */
enum {
	RS_SHAPE_PLAIN = 0, /* no '.' or ',' (or only ' ' / '\'' groups) */
	RS_SHAPE_DOT = 1,   /* '.' is the decimal mark, or ',' groups thousands */
	RS_SHAPE_COMMA = 2, /* ',' is the decimal mark, or '.' groups thousands */
	RS_SHAPE_AMBIG = 3, /* one '.' or ',' before three digits: either */
	RS_SHAPE_MARK = 3,  /* the bits above */
	RS_SHAPE_PCT = 4,
	RS_SHAPE_MYRIAD = 8, /* an amount in 万, 亿, K, Mio. ..., read as units (88万: 880000) */
	RS_SHAPE_CURRENCY = 16 /* a currency mark before or after it (¥1,200, 1,200 元) */
};
/* Is s a placeholder for no value ("-", "—", "/", "n/a", "k.A.")? */
bool rs_value_placeholder(const char *s, size_t n);
/* Digits kept by a number Excel showed in scientific notation ("1.23457E+17",
 * "8.8E+05"), or 0 when s is not one. */
size_t rs_value_sci_digits(const char *s, size_t n);
/*
 * A number: optional surrounding blanks, a sign, thousands separators in
 * groups of three, and what flags let through (RS_NUM_PERCENT a trailing %,
 * RS_NUM_CURRENCY a currency sign before or after, the unit flags their
 * words). NaN, infinities and overflow are refused, `why` says why. dec is
 * the decimal mark of ambiguous text ("1.234"): '.' or ',', or 0 to
 * reject it. shape (may be NULL) gets RS_SHAPE_ bits; why may be NULL; out
 * may be NULL when shape is not: the shape only, without converting (so
 * without the range check).
 */
rs_parse rs_value_number(const char *s, size_t n, char dec, unsigned flags, double *out,
                         unsigned *shape, const char **why);
/* Is s an amount with a currency mark whose one mark before three digits
 * dec reads as the decimal mark ("¥1,200" with ',': 1.2)? Such an amount
 * seldom has three decimals, so a delimiter's mark alone does not decide it. */
bool rs_value_cur_decimal(const char *s, size_t n, char dec, unsigned flags);
/* The currencies an amount's sign or code may mean, as bits; 0 for none. */
unsigned rs_value_currencies(const char *s, size_t n);
/* A mark that shows currency set `set` (rs_value_currencies' bits) beside
 * a number: "€", "$"; *after when it goes after the number (元). "" for 0. */
const char *rs_value_currency_mark(unsigned set, bool *after);
/* Does the amount s[0..n) name its scale, 万 or 亿 (88万元)? */
bool rs_value_myriad(const char *s, size_t n);

/*
 * The general word matchers behind rs_parse_bool and rs_parse_level, for
 * trimmed, non-empty text (the fast paths below are checked against them).
 */
rs_parse rs_value_bool_slow(const char *s, size_t n, bool *out);
rs_parse rs_value_level_slow(const char *s, size_t n, int *out);
/*
 * The ASCII character a full-width form at s[0..n) stands for, 3 bytes of
 * it (U+FF01 .. U+FF5E as '!' .. '~', U+3000 as ' '), or 0: Chinese input
 * methods in full-width mode type ＹＥＳ and ＩＤ. Header names
 * (rs_field_norm), value words (rs_value_fold) and --previous's loose ids
 * read them by this one rule.
 */
static inline unsigned char rs_value_fullwidth(const unsigned char *s, size_t n)
{
	unsigned cp;

	if (n < 3)
		return 0;
	if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return ' ';
	if (s[0] != 0xEF || (s[1] != 0xBC && s[1] != 0xBD) || (s[2] & 0xC0) != 0x80)
		return 0;
	cp = 0xFF00u + ((unsigned)(s[1] & 0x03) << 6) + (s[2] & 0x3Fu);
	return cp >= 0xFF01 && cp <= 0xFF5E ? (unsigned char)(cp - 0xFEE0u) : 0;
}
/*
 * A cell in the built-in words' form into out (cap bytes): full-width forms
 * read as ASCII (rs_value_fullwidth), ASCII and Latin-1
 * letters lowercased, traditional Chinese read as simplified, an emoji's
 * variation selector dropped, each run of blanks, '-', '_', '/', '&', '+' and
 * '.' one space, none at either end. Returns the length, or cap when it does
 * not fit. A map file's words are kept so and cells folded so to match them.
 */
size_t rs_value_fold(const char *s, size_t n, char *out, size_t cap);
/* The field an option of a cooperation column names ("Strategic
 * agreement", "Joint venture", 独家供应: the whole option), or -1. */
int rs_value_option(const char *s, size_t n);
/* The yes/no signals a cooperation column's options give (fields.c
 * read_options; a map file's "options" may name only these). */
#define RS_OPTION_FIELDS                                                                   \
	(1u << RS_F_STRATEGIC_AGREEMENT | 1u << RS_F_EQUITY_TIE | 1u << RS_F_EXCLUSIVE |         \
	 1u << RS_F_INFO_SHARING | 1u << RS_F_PRICE_AGREEMENT)
/* The fields read as shares: percent, or fractions of 1 (columns.c decides
 * each column apart), 0-100. */
#define RS_SHARE_FIELDS (1u << RS_F_PURCHASE_SHARE | 1u << RS_F_PREVIOUS_SHARE)
/* Why a title's level cannot be told from it ("Chief of Staff", 局长, 主任),
 * or NULL: rs_parse_level refuses these. */
const char *rs_value_level_unclear(const char *s, size_t n);
/*
 * customer_since: a year (2019, 2019年) or a date (2019-06-15, 2019/6/15,
 * 2019年6月15日, 15.06.2019, a time after it ignored) -> *year, and the whole
 * years from it to today (YYYYMMDD) -> *years. A date after today or before
 * 1900 is bad.
 */
rs_parse rs_value_since(const char *s, size_t n, long today, double *year, double *years,
                        const char **why);
long rs_value_today(void); /* the local date as YYYYMMDD */

/*
 * Words a map file adds to one field's values ("Ja" -> yes, "Individual
 * Contributor" -> staff): each word as rs_value_fold gives it, and its value.
 * Consulted only after the built-in words refused a cell (value.c).
 */
typedef struct rs_value_words {
	size_t n;
	char **word;
	double *value;
} rs_value_words;
bool rs_value_word_lookup(const rs_value_words *w, const char *s, size_t n, double *out);

/*
 * hans.c: the simplified form (3 UTF-8 bytes, NUL-terminated) of the
 * traditional Chinese character at s (3 bytes readable), or NULL when s is
 * not one relstage's words need (總 is 总; 是 stays 是).
 */
const char *rs_hans_simplified(const char *s);

/* ------------------------------------------------------- header words
 * fields_words.c: what a header cell says, in both languages.
 */

/*
 * A header cell as names and words are matched (cap >= 3 * n + 4): the first
 * `skip` bytes (a prefix every column shares) dropped, then trimmed;
 * full-width forms folded to ASCII; ASCII lowercased; groups in brackets
 * ("(%)", "（万元）", "[FY24]", "【...】") and '%' dropped; a leading 是否
 * dropped; traditional Chinese read as simplified; '#' a word of its own; each run of blanks and _ - / . : | one '_',
 * none at either end. Returns the length.
 */
size_t rs_field_norm(const char *s, size_t n, size_t skip, char *out, size_t cap);
/* Bytes of a prefix every named column shares ("Organization - "), or 0. */
size_t rs_field_shared_prefix(const rs_row *h);
/*
 * The first word rule of `field` that normalised text matches (a word of
 * each group, none of the rule's exclusions): its index, or -1. Modes:
 * RS_WORDS_HINT lets the rule's last group go unmatched (a hint, not a
 * match); RS_WORDS_ALONE tries only the weak rules whose word is the whole
 * header ("Customer", 客户: a name's or a code's), which the others skip.
 */
enum { RS_WORDS_FULL, RS_WORDS_HINT, RS_WORDS_ALONE };
int rs_field_word_rule(int field, const char *norm, int mode);
/* Does a bracket in header s[0..n) say it holds a number or code
 * ("Customer (Nr.)", "Kunde (No.)", 客户（编号）)? Such a column is no name. */
bool rs_field_id_bracket(const char *s, size_t n);
/* The words of rule k that norm holds, joined " + ", into buf. */
const char *rs_field_word_how(int rule, const char *norm, char *buf, size_t cap);

/* ------------------------------------------------------------ field map
 * Built once per header by fields.c, read per row.
 */

/* How a field's column was found (rs_fieldmap.how). */
enum {
	RS_HOW_NONE = 0, /* not found */
	RS_HOW_NAME,     /* the field's own name */
	RS_HOW_ALIAS,    /* a built-in name */
	RS_HOW_WORDS,    /* the words it holds */
	RS_HOW_OPTIONS,  /* an option of the cooperation column (fields.c read_options) */
	RS_HOW_MAP,      /* -m FIELD=COLUMN */
	RS_HOW_FILE,     /* the map file's "fields" */
	RS_HOW_OFF,      /* -m FIELD=: from no column */
	RS_HOW_FILE_OFF  /* "" in the map file's "fields": from no column */
};
extern const char *const rs_how_names[];

struct rs_mapfile;

/* What decides the map besides the header. */
typedef struct rs_fieldcfg {
	const char *const *maps;    /* -m FIELD=COLUMN; FIELD= takes it from no column */
	size_t nmaps;
	const char *const *ignores; /* --ignore COLUMN: never a field */
	size_t nignores;
	const struct rs_mapfile *file; /* NULL, or --map-file */
	size_t drop_from, drop_to;  /* columns an earlier run appended: never fields */
	bool keys;                  /* JSON: the columns are its records' keys */
	rs_lang lang;               /* the notes' language (--lang) */
} rs_fieldcfg;

/* The mapping a run's options give: the map file, -m, --ignore, --lang. */
static inline rs_fieldcfg rs_fieldcfg_of(const rs_classify_opts *o)
{
	return (rs_fieldcfg){.maps = o->maps, .nmaps = o->nmaps, .ignores = o->ignores,
	                     .nignores = o->nignores, .file = o->map_file,
	                     .lang = o->lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN};
}

/* What messages call a column: for JSON (keys true) a key, which -m names
 * as KEY or as a dot path into an object, KEY.KEY. */
#define RS_COL(keys) ((keys) ? "key" : "column")
#define RS_COLS(keys) ((keys) ? "keys" : "columns")
#define RS_COLUMN(keys) ((keys) ? "KEY" : "COLUMN")
/* The same words in the Chinese notes (-m still takes COLUMN, KEY). */
#define RS_COL_ZH(keys) ((keys) ? "键" : "列")

/*
 * The map of a header. RS_OK: *out is the map, and the notes (ambiguous
 * words, columns that look like a field) are appended to `notes` (may be
 * NULL), a line each. When only id or a share is missing, RS_EUSAGE with
 * the map so far in *out (a row that is not a header, or inspect's view of
 * one); on any other error *out is NULL.
 */
rs_status rs_fieldmap_build(rs_fieldmap **out, const rs_row *header, const rs_fieldcfg *cfg,
                            rs_buf *notes, rs_error *err);
/* units.c: RS_EUSAGE when the share's header names per mille or basis points, or the
 * amounts' headers name two units ("销售额（万元）", "采购总额（元）"; "(USD)", "(EUR)"):
 * a share would be off. Keeps the currencies and the scale they name, for the cells.
 * check_subunits: the same for a row of units under the header (万元 under one amount). */
rs_status rs_fieldmap_check_units(rs_fieldmap *m, const rs_row *header, rs_error *err);
rs_status rs_fieldmap_check_subunits(rs_fieldmap *m, const rs_row *header, const rs_row *sub,
                                     rs_error *err);
/*
 * Adds a problem of a row to err: the first as it always reads ("where" the
 * column, msg), then each one with its column in the text, "; " between, so
 * a user fixes every cell of a row in one round (in g: "；" in Chinese).
 */
void rs_error_add_reason(rs_error *err, rs_lang g, unsigned long line, const char *where,
                         const char *msg);

/* Each variable's kind, and each numeric field's RS_NUM_ flags (fields.c). */
extern const unsigned char rs_field_kinds[RS_V_COUNT];
extern const unsigned char rs_field_num_rules[RS_F_COUNT];

/* A short display form of a header cell or value, for messages (cap > 4). */
const char *rs_field_shown(char *buf, size_t cap, const char *s, size_t n);
/* The same as 'text' for a shell: single quotes, or double when it holds one. */
const char *rs_field_quoted(char *buf, size_t cap, const char *s, size_t n);

#define RS_FIELD_WHERE_MAX 96

/* RS_OP_COUNT: a whole, non-negative number, the cheapest fast path.
 * RS_OP_SLOW: every cell through parse_cell (dates, shares given as
 * fractions). */
enum { RS_OP_NUMBER, RS_OP_COUNT, RS_OP_BOOL, RS_OP_LEVEL, RS_OP_SLOW, RS_OP_KINDS };

/* The decimal mark of a number column that the look-ahead did not decide:
 * the file's (rs_fieldmap.conv), said when it first matters. */
#define RS_DEC_FILE '\1'

/* A mapped field other than id and name, as the per-row loop reads it. */
typedef struct rs_colop {
	size_t col;
	unsigned char field;
	unsigned char op;    /* RS_OP_ above */
	unsigned char rules; /* rs_field_num_rules[field] */
	char dec;            /* the fast path's decimal mark ('.', ',', RS_DEC_FILE);
	                        it takes only text that shows its mark */
	double lo, hi;       /* numbers the fast path takes: lo <= v < hi */
} rs_colop;

struct rs_fieldmap {
	size_t ncols;
	long col[RS_F_COUNT]; /* field -> header column, or -1 */
	long options;         /* the cooperation column ("Partnership type"), or -1 */
	int options_first;    /* the first field it gives (its where[]) */
	size_t nops;          /* in field order: the first bad cell is the one reported */
	rs_colop op[RS_F_COUNT];
	/* op[] again, grouped by RS_OP_ (in field order within a group), so the
	 * CSV loop runs one kind at a time: group k is
	 * bykind[k == 0 ? 0 : kindend[k - 1] .. kindend[k]). */
	rs_colop bykind[RS_F_COUNT];
	size_t kindend[RS_OP_KINDS];
	char where[RS_F_COUNT][RS_FIELD_WHERE_MAX]; /* header text of each mapped column */
	bool keys;                          /* rs_fieldcfg.keys */
	rs_lang lang;                       /* rs_fieldcfg.lang: the notices' */
	unsigned char how[RS_F_COUNT];      /* RS_HOW_ */
	char matched[RS_F_COUNT][48];       /* RS_HOW_WORDS: the words ("contacts + #") */
	const rs_value_words *words[RS_F_COUNT]; /* a map file's value words, or NULL */
	const rs_value_words *optwords; /* a map file's cooperation options (field, -1 none), or NULL */
	/* How each field's ambiguous numbers ("1.234") read: '.', ',',
	 * RS_DEC_FILE, or 0 (rejected: the column writes both). */
	char pref[RS_F_COUNT];
	uint32_t dec_by_file;             /* fields whose pref came from other columns */
	uint32_t point_only;              /* under a CJK header: "1,2000" is refused, not 1.2 */
	char dec_eg[RS_F_COUNT][24];      /* a value that showed the mark, for the notice */
	/* The file's mark, for RS_DEC_FILE: '.', ',', or 0 when nothing in the
	 * file tells ("1.234" is then not read); where it came from (columns.c)
	 * and a cell that showed it. */
	char conv;
	unsigned char conv_src;
	char conv_eg[24];
	char both[2][40]; /* conv 0: what shows '.' and ',' ("12.5", the ',' between cells) */
	bool conv_delim;  /* conv is only the delimiter's convention (';': ',') */
	char cur_doubt;   /* conv 0 because an amount with a currency ("¥1,200") would have had
	                     three decimals by this delimiter's convention alone: the delimiter */
	bool mark_given;  /* --decimal-mark */
	unsigned amount_cur[2]; /* currencies the our_sales, customer_spend headers name */
	bool amount_scaled;     /* ... and both name one scale other than 1 (万元, TEUR) */
	double amount_scale;    /* that scale (10^4 for 万元), or 1; 0 before it is known */
	char unit_title[28];    /* a title row's unit, "(万元)", for headers naming none */
	unsigned long unit_line; /* ... its line, or 0 */
	uint32_t fraction; /* share fields (bit per field) given as fractions of 1: x100 */
	bool csv_false;    /* the file writes False in its empty fields, as Odoo's
	                      CSV exports do (columns.c): it reads as empty */
	uint32_t pct_auto; /* ... or percentages because their first rows said so, not
	                      --share-scale: a later 0.88 may be a fraction (columns.c) */
	long today;     /* YYYYMMDD: customer_since counts up to it */
};

/* Sets each op's RS_OP_ kind from the map's state and groups op[] into
 * bykind[]; after fraction changes. */
void rs_fieldmap_group(rs_fieldmap *m);

/*
 * columns.c: decides, from the look-ahead rows q (may be NULL: none), how
 * each number column reads ambiguous text (pref; o->decimal_mark forces it)
 * and whether the share is a fraction (o->share_scale forces it; said to
 * o->notice when decided). RS_EUSAGE, err naming the cell, when an
 * ambiguous number in q is one that nothing in the file decides.
 */
rs_status rs_fieldmap_decide(rs_fieldmap *m, const rs_rowq *q, char delimiter,
                             const rs_classify_opts *o, rs_error *err);
/* Tells diag how field f's ambiguous cell in row was read, and why: the
 * column's values, the file's, or its delimiter or --decimal-mark. */
void rs_fieldmap_tell(const rs_fieldmap *m, int f, const rs_row *row, rs_diag_fn diag,
                      void *ctx);

/*
 * Whether row's share, read past the look-ahead, is in (0, 1) in a column
 * whose first rows decided it holds percentages (pct_auto), and its cell does
 * not show '%': "0.88" reads as 0.88%, but a fraction of 1 (88%) looks the
 * same, so the caller counts such values and says so once, at the file's end.
 */
bool rs_fieldmap_share_doubt(const rs_fieldmap *m, const rs_row *row, const rs_account *a);
/* Count field f's cell as a number that need not be whole (Excel's
 * Subtotal Average of contacts: 4.666666667), when it reads as one: not
 * negative, its decimal mark sure, not Excel's 4.7E+00 text. */
bool rs_fieldmap_fraction(const rs_fieldmap *m, int f, const rs_row *row, double *v);
/* Appends to b the note on n such values, the first shown as val on line
 * (a line, '\n' ended, in m's language). */
void rs_fieldmap_share_note(const rs_fieldmap *m, rs_buf *b, unsigned long n, const char *val,
                            unsigned long line);

/* Words the reason rs_score gave for fault f (rs_score_fault(a)) again into
 * err's where and msg, in m's language: each amount as its cell writes it
 * and, where it reads otherwise, as read ("500-", "1.500,00" (read as
 * 1500)); where is the column at fault when its header is not the field's
 * name, as for the cells fields.c rejects. */
void rs_fieldmap_share_reason(const rs_fieldmap *m, const rs_row *row, const rs_account *a,
                              rs_share_fault f, rs_error *err);

/* Appends to b the note on n JSON false values of field f read as empty,
 * the first on line (a line, '\n' ended, in m's language). */
void rs_fieldmap_false_note(const rs_fieldmap *m, rs_buf *b, int f, unsigned long n,
                            unsigned long line);

/* Tells diag that field f's cell in row, Excel's ="00123", was read as its text. */
void rs_fieldmap_tell_formula(const rs_fieldmap *m, int f, const rs_row *row, rs_diag_fn diag,
                              void *ctx);

/*
 * Parses a row's mapped cells into *a (scores left unknown). A cell that does
 * not parse is RS_EREJECT naming the column and the value; so are a missing id
 * and a row with a different number of cells than the header. *guessed gets
 * bit f when field f held an ambiguous number ("1.234"), read as pref says. A
 * bad row's cells are all read: err lists each problem, and bit f of *failed
 * is set for each field whose cell did not read (none for a row rejected
 * whole: a reader's reason, a wrong width). a->formula gets bit f when
 * field f's cell was Excel's ="..." (rs_value_unformula), read as its text.
 */
rs_status rs_fieldmap_read(const rs_fieldmap *m, const rs_row *row, rs_account *a,
                           uint32_t *guessed, uint32_t *failed, rs_error *err);

/* ------------------------------------------------------------ fast paths
 * The per-row loop tries these on the raw cell first. Each either gives
 * exactly what the general function (rs_value_number, rs_parse_bool,
 * rs_parse_level) gives for the same text, or returns false / -1 to send the
 * text there. None accepts a blank at either end, so skipping the trim is
 * safe: where they accept, trimming would have changed nothing.
 */

/* 1e0 .. 1e19, all exact doubles (10^22 is the last exact one). */
extern const double rs_value_pow10[20];

/*
 * The word fast paths below read a cell of at most 8 bytes as one word. They
 * read s[0] even when n == 0, which is safe on a row's cells (each is
 * NUL-terminated).
 */

/* p[0..4) little-endian (compilers make it one load where the host is). */
static inline uint64_t rs_value_ld32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/*
 * s[0..n) for n <= 8 as a little-endian word (s[0] lowest), the bytes above
 * n zero: two overlapping 4-byte loads from 4 bytes, else the first, middle
 * and last byte.
 */
static inline uint64_t rs_value_word8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t mid = n >> 1, last = n - (n != 0);

	if (n >= 4)
		return rs_value_ld32(p) | rs_value_ld32(p + n - 4) << (8 * (n - 4));
	return (uint64_t)p[0] | (uint64_t)p[mid] << (8 * mid) | (uint64_t)p[last] << (8 * last);
}

/*
 * [+-]digits[dec digits], 1..19 digits in all, no blanks, no affixes, and
 * not one mark before three digits ("1.234", either thousands or decimals).
 * Clinger's fast path: when the digits as an integer m are at most 2^53, m
 * is an exact double, as is 10^k for k <= 22, so one IEEE division gives the
 * correctly rounded m / 10^k - the same double strtod gives. 19 digits
 * cannot overflow uint64_t; m above 2^53 goes to the general parser. "-0" is
 * 0 (the general path drops negative zero too).
 */
static inline bool rs_value_fastnum(const char *s, size_t n, char dec, double *out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *start;
	uint64_t m = 0;
	size_t nd, frac = 0;
	unsigned d;
	bool neg = false;
	double v;

	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	start = p;
	while (p < end && (d = (unsigned)*p - '0') < 10) {
		m = m * 10 + d;
		p++;
	}
	nd = (size_t)(p - start);
	if (p < end) {
		/* "1.234": thousands or decimals, as its column says (parse_cell). */
		if (*p != (unsigned char)dec || dec == 0 || (nd >= 1 && nd <= 3 && *start != '0' && end - p == 4))
			return false;
		start = ++p;
		while (p < end && (d = (unsigned)*p - '0') < 10) {
			m = m * 10 + d;
			p++;
		}
		if (p < end)
			return false;
		frac = (size_t)(p - start);
		nd += frac;
	}
	if (nd == 0 || nd > 19 || m > ((uint64_t)1 << 53))
		return false;
	v = frac > 0 ? (double)m / rs_value_pow10[frac] : (double)m;
	*out = neg && m != 0 ? -v : v;
	return true;
}

/*
 * Only digits, 1..15 of them: a count. m < 10^15 < 2^53 is an exact double
 * and needs none of the sign, fraction or whole-number checks.
 */
static inline bool rs_value_fastcount(const char *s, size_t n, double *out)
{
	uint64_t m = 0;
	size_t i;
	unsigned d;

	if (n - 1 >= 15) /* n == 0 wraps */
		return false;
	for (i = 0; i < n; i++) {
		if ((d = (unsigned)(unsigned char)s[i] - '0') >= 10)
			return false;
		m = m * 10 + d;
	}
	*out = (double)m;
	return true;
}

/*
 * A word a fast path takes, in a table slot picked by the cell's length and
 * first byte (the slot macros): the cell is the word when its length is n,
 * its loaded bytes OR fold are `word`, and (levels) its last byte is `last`.
 * `take` is the value + 1; an empty slot is all zero, so whatever it matches
 * (an empty cell) gives -1 all the same.
 */
typedef struct rs_word8 {
	uint64_t word;
	uint64_t fold; /* 0x20 on each ASCII letter: either case matches */
	unsigned char n, last, take;
} rs_word8;

/* Collision-free for the words in value.c (-Woverride-init would say). */
#define RS_BOOL_SLOT(n, b0) ((((unsigned)(b0) | 0x20) + (unsigned)(n)) & 31)
#define RS_LEVEL_SLOT(n, b0) ((((unsigned)(b0) | 0x20) + 7 * (unsigned)(n)) & 15)
extern const rs_word8 rs_value_bools[32];
extern const rs_word8 rs_value_levels[16];

/*
 * The yes/no words most exports write (y/n, t/f, 1/0, yes/no, true/false in
 * any case, 是/否): 1 for yes, 0 for no, -1 for "ask rs_parse_bool". One
 * table look-up and one comparison, whatever the word.
 */
static inline int rs_value_fastbool(const char *s, size_t n)
{
	const rs_word8 *e = &rs_value_bools[RS_BOOL_SLOT(n, (unsigned char)s[0])];
	uint64_t w = rs_value_word8(s, n > 8 ? 8 : n);
	unsigned hit = (unsigned)((w | e->fold) == e->word) & (unsigned)(n == e->n);

	return (int)(e->take & (0u - hit)) - 1;
}

/*
 * The contact levels as most exports write them: the English words in
 * lowercase, the common Chinese ones, the digits 1-4. 1..4, or -1 for "ask
 * rs_parse_level" (other spellings, case, blanks). "executive" is the one
 * word over 8 bytes: its first 8 are loaded and its last byte compared.
 */
static inline int rs_value_fastlevel(const char *s, size_t n)
{
	const rs_word8 *e = &rs_value_levels[RS_LEVEL_SLOT(n, (unsigned char)s[0])];
	uint64_t w = rs_value_word8(s, n > 8 ? 8 : n);
	unsigned hit = (unsigned)(w == e->word) & (unsigned)(n == e->n) &
	               (unsigned)((unsigned char)s[n - (n != 0)] == e->last);

	return (int)(e->take & (0u - hit)) - 1;
}

#endif
