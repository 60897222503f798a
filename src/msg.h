/*
 * msg.h - the reasons a row is rejected, the notes on a JSON page and a
 * --previous file, and the errors that stop a run at its header, in each --lang: one table where both languages of a
 * message sit side by side (msg.c). Formats of one id take the same
 * arguments in every language.
 */
#ifndef RS_MSG_H
#define RS_MSG_H

#include "relstage.h"

/* The ids packed as a list, not one a line. */
/* clang-format off */
typedef enum rs_msg_id {
	/* a cell (fields.c): field "value" what, or with (why) */
	RS_M_CELL, RS_M_CELL_WHY, RS_M_WHERE, RS_M_AND, RS_M_NOT_NUMBER, RS_M_NEGATIVE,
	RS_M_NOT_WHOLE, RS_M_A_YEAR, RS_M_A_YEAR_COL, RS_M_A_YEAR_KEY, RS_M_FRACTION_COL,
	RS_M_FRACTION_KEY, RS_M_PERCENT_COL, RS_M_PERCENT_KEY, RS_M_SHEET_ERROR, RS_M_NOT_DATE,
	RS_M_NOT_BOOL, RS_M_BOOL_WORDS, RS_M_NOT_LEVEL, RS_M_LEVEL_WORDS, RS_M_ID_EMPTY,
	RS_M_ID_SCI, RS_M_ID_LONG, RS_M_ID_SHEET_ERROR, RS_M_ID_BOOL, RS_M_JSON_LIST, RS_M_JSON_OBJECT_ONE,
	RS_M_JSON_OBJECT, RS_M_CURRENCIES, RS_M_CURRENCY_WHERE, RS_M_COL, RS_M_KEY, RS_M_ROW_WIDTH,
	RS_M_ROW_FIELDS, RS_M_SCI_NUMBER, RS_M_SCI_NUMBER_WHY, RS_M_SCALED, RS_M_OPT_NONE, RS_M_OPT_OWN,
	/* why no share comes from the amounts (score.c); a cell in them as written (columns.c) */
	RS_M_SHARE_OVER, RS_M_SHARE_CELL, RS_M_SHARE_RANGE, RS_M_SHARE_NONE, RS_M_READ_AS, RS_M_IN_COL,
	RS_M_SHARE_SALES, RS_M_SHARE_SPEND, RS_M_SHARE_SHARE, RS_M_SHARE_PREV, RS_M_COL_AT, RS_M_KEY_AT,
	/* why a title gives no level (words.c) */
	RS_M_L_CHIEF_OF_STAFF, RS_M_L_JUZHANG, RS_M_L_ZHUREN, RS_M_L_CHIEF, RS_M_L_AGM, RS_M_L_EXEC_DIRECTOR,
	RS_M_L_HEAD_OFFICE, RS_M_L_MD, RS_M_L_PARTNER, RS_M_L_HEAD_TRADE, RS_M_L_BOARD,
	/* why a number or date does not read (value.c) */
	RS_M_HEX, RS_M_NAN, RS_M_NO_DIGITS, RS_M_SEPARATORS, RS_M_UNEXPECTED, RS_M_TWO_MARKS,
	RS_M_AMBIGUOUS, RS_M_AMBIGUOUS_KEY, RS_M_NO_MARK, RS_M_CUR_MARK, RS_M_SHARE_MARK, RS_M_CJK_COMMA, RS_M_MIXED_THOUSANDS, RS_M_GROUPS,
	RS_M_SEP_AFTER_MARK, RS_M_EXPONENT, RS_M_MYRIAD_EXPONENT, RS_M_PERCENT_HERE, RS_M_TWO_SIGNS,
	RS_M_TWO_CURRENCIES, RS_M_CURRENCY_HERE, RS_M_CURRENCY_AND_PERCENT, RS_M_TOO_LONG,
	RS_M_RANGE, RS_M_YEAR_OR_DATE, RS_M_DAY_MONTH, RS_M_BEFORE_1900, RS_M_AFTER_TODAY,
	RS_M_YEAR_AS_DATE,
	/* an id seen before (classify.c) */
	RS_M_AT_LINE, RS_M_AT_FILE_LINE, RS_M_DUP_PREVIOUS, RS_M_DUP_ABOVE, RS_M_DUP_GAP,
	/* the readers: CSV, JSON, workbook */
	RS_M_NUL_FIELD, RS_M_QUOTING, RS_M_QUOTE_AFTER, RS_M_QUOTE_STRAY, RS_M_QUOTE_FORMULA, RS_M_QUOTE_FORMULAS,
	RS_M_UNTERMINATED,
	RS_M_J_NUL, RS_M_J_BAD_U, RS_M_J_U0000, RS_M_J_LONG, RS_M_J_LONG_ARRAY,
	RS_M_J_LONG_OBJECT, RS_M_J_RANGE, RS_M_J_BIG, RS_M_J_NEW_KEY, RS_M_J_DUP_KEY,
	RS_M_J_DEEP, RS_M_J_NOT_OBJECT, RS_M_J_FOUND, RS_M_J_AT_COLUMN, RS_M_J_INVALID,
	RS_M_J_AFTER, RS_M_J_ARRAY, RS_M_J_STRING, RS_M_J_NUMBER, RS_M_J_NULL, RS_M_J_BOOL,
	/* a JSON reply that holds one page (read_json.c, classify.c) */
	RS_M_PG_MORE, RS_M_PG_COUNT, RS_M_PG_PAGES, RS_M_PG_PAGE, RS_M_PG_NOTE, RS_M_PG_STOP,
	RS_M_PG_BESIDE, RS_M_PG_ARRAY,
	/* the --previous file (previous.c) */
	RS_M_P_IGNORED, RS_M_P_FEW, RS_M_P_EMPTY_ID, RS_M_P_DUP, RS_M_P_RESHAPED_ONE,
	RS_M_P_RESHAPED_MANY,
	/* a workbook read (classify.c) */
	RS_M_X_HIDDEN_ROW, RS_M_X_HIDDEN_ROWS, RS_M_X_HIDDEN_COL, RS_M_X_MERGED, RS_M_X_AND_MORE,
	RS_M_X_SHEET, RS_M_X_SHEETS, RS_M_X_NOT_CONT, RS_M_X_SAME1, RS_M_X_SAMEN, RS_M_X_FULL, RS_M_X_TWOHEAD,
	/* inspect's report (inspect.c): headings, labels and formats; the HOW and
	 * SKIP ids run in the order of RS_HOW_ and RS_SKIP_ (rs_msg(g, RS_M_I_HOW + how)) */
	RS_M_I_FILE, RS_M_I_NOT_READ, RS_M_I_FORMAT, RS_M_I_DELIMITER, RS_M_I_TAB, RS_M_I_JSON_COLS,
	RS_M_I_JSON_BELOW, RS_M_I_JSON_NO_ID, RS_M_I_JSON_NO_SHARE, RS_M_I_JSON_NO_BOTH,
	RS_M_I_HEADER_TWO, RS_M_I_HEADER_LINE, RS_M_I_NO_HEADER, RS_M_I_FIELDS, RS_M_I_NO_KEY,
	RS_M_I_NO_COLUMN, RS_M_I_AT_KEY, RS_M_I_AT_COLUMN, RS_M_I_WORDS, RS_M_I_UNUSED_KEYS,
	RS_M_I_UNUSED_COLS, RS_M_I_UNUSED_SEP, RS_M_I_UNUSED_COL, RS_M_I_REPLACED, RS_M_I_NOTES,
	RS_M_I_MORE, RS_M_I_FIRST_ROWS, RS_M_I_LINE, RS_M_I_BAD, RS_M_I_UNKNOWN, RS_M_I_EMPTY,
	RS_M_I_YES, RS_M_I_NO, RS_M_I_HELD, RS_M_I_REJECTED_AS, RS_M_I_SKIPPED_AS, RS_M_I_ROWS,
	RS_M_I_READ, RS_M_I_CLASSIFIED, RS_M_I_REJECTED, RS_M_I_SKIPPED, RS_M_I_SKIP_KINDS,
	RS_M_I_REJECTED_ROWS, RS_M_I_SKIPPED_ROWS, RS_M_I_STOP,
	RS_M_I_HOW, RS_M_I_HOW_NAME, RS_M_I_HOW_ALIAS, RS_M_I_HOW_WORDS, RS_M_I_HOW_OPTIONS,
	RS_M_I_HOW_MAP, RS_M_I_HOW_FILE, RS_M_I_HOW_OFF, RS_M_I_HOW_FILE_OFF,
	RS_M_I_SKIP, RS_M_I_SKIP_BLANK, RS_M_I_SKIP_TOTALS, RS_M_I_SKIP_FOOTER,
	/* a file's values read in a way that may not be meant, said at its end (classify.c) */
	RS_M_SHARE_LATE_ONE, RS_M_SHARE_LATE_MANY, RS_M_FALSE_EMPTY_ONE, RS_M_FALSE_EMPTY_MANY,
	RS_M_FALSE_CSV_ONE, RS_M_FALSE_CSV_MANY,
	/* relstage fields (fields_list.c): the kinds in rs_kind's order, then an option;
	 * the labels; the words' connectives (fields_words.c); the values' lines */
	RS_M_F_TEXT, RS_M_F_NUMBER, RS_M_F_BOOL, RS_M_F_LEVEL, RS_M_F_OPTION, RS_M_F_ALIASES,
	RS_M_F_WORDS, RS_M_F_PLUS, RS_M_F_THEN, RS_M_F_NOT, RS_M_F_ALONE, RS_M_F_ALONE_ID,
	RS_M_F_ALONE_NEXT, RS_M_F_VALUES, RS_M_F_YES,
	RS_M_F_NO, RS_M_F_UNIT_GM, RS_M_F_OPTIONS,
	/* errors that stop the run at the header (fields.c, header.c, classify.c, input.c) */
	RS_M_E_NO_ID, RS_M_E_ID_MAYBE, RS_M_E_AMB, RS_M_E_FOUND, RS_M_E_NO_SHARE, RS_M_E_BOTH_GIVE,
	RS_M_E_TWINS, RS_M_E_COLS2, RS_M_E_KEYS2, RS_M_E_OR, RS_M_E_OR_END,
	RS_M_E_NO_HEADER, RS_M_E_HEADER_ROW, RS_M_E_SEARCH, RS_M_E_SEARCH_NO_ID,
	RS_M_E_SEARCH_NO_SHARE, RS_M_E_SEARCH_ID, RS_M_E_SEARCH_SHARE, RS_M_E_SEARCH_WHY,
	RS_M_E_SEARCH_TITLE, RS_M_E_ENC_UTF8, RS_M_E_ENC_SEQ, RS_M_E_ENC_BYTES, RS_M_E_ENC_BAD,
	RS_M_E_ENC_TRUNC, RS_M_E_ENC_MIXED, RS_M_E_ENC_NEITHER, RS_M_E_ENC_UNCLEAR,
	RS_M_E_MAP, RS_M_E_IGNORE, RS_M_E_NO_COLUMN, RS_M_E_NO_KEY, RS_M_E_UNKNOWN_FIELD,
	RS_M_E_SPEC_COLUMN, RS_M_E_SPEC_KEY, RS_M_E_TWICE, RS_M_E_TO_BOTH, RS_M_E_MORE,
	RS_M_E_NO_MARK, RS_M_E_BOTH_MARKS, RS_M_E_CUR_MARK,
	/* a column its first rows do not read as the field it was taken for (header.c); each
	 * _KEY id follows its column one (rs_msg(g, RS_M_E_HELD_WORDS + keys)) */
	RS_M_E_HELD, RS_M_E_HELD_ALIAS, RS_M_E_HELD_ALIAS_KEY, RS_M_E_HELD_WORDS,
	RS_M_E_HELD_WORDS_KEY, RS_M_E_HELD_LINE,
	/* I/O, out of memory, the map and rules files' and other stops: worded by rs_error_set
	 * and rs_ld_problem in the error's language, found by their English (rs_msg_tr) */
	RS_M_S_OPEN, RS_M_S_READ_FAILED, RS_M_S_READ_ERROR, RS_M_S_WRITE_FAILED, RS_M_S_WRITE_ONLY,
	RS_M_S_WRITE_KEPT, RS_M_S_DIRECTORY, RS_M_S_CREATE, RS_M_S_TEMP, RS_M_S_TEMP_IN, RS_M_S_COPY,
	RS_M_S_NOMEM, RS_M_S_NOMEM_RULES, RS_M_S_NOMEM_DUMP, RS_M_S_COLUMNS, RS_M_S_NO_RECORD,
	RS_M_S_MAP_SIZE, RS_M_S_EMPTY, RS_M_S_SYNTAX, RS_M_S_AFTER, RS_M_S_AT_END, RS_M_S_NEAR,
	RS_M_S_OBJECT, RS_M_S_KEY, RS_M_S_DUP_KEY, RS_M_S_M_FIELD, RS_M_S_M_VERSION, RS_M_S_M_LINE,
	RS_M_S_M_FIELDS, RS_M_S_M_COLUMN, RS_M_S_M_COLUMNS, RS_M_S_M_A_COLUMN, RS_M_S_M_BOOL,
	RS_M_S_M_LEVEL, RS_M_S_M_NUMBER, RS_M_S_M_WORD, RS_M_S_M_VALUES, RS_M_S_M_NO_WORDS,
	RS_M_S_M_WORDS, RS_M_S_M_OPTION, RS_M_S_M_BUILTIN, RS_M_S_M_OPTWORD, RS_M_S_M_OPTIONS, RS_M_S_AND, RS_M_S_KEYS_LIMIT, RS_M_S_ARRAYS, RS_M_S_MERGED, RS_M_S_APPENDS,
	RS_M_S_COLUMN, RS_M_S_COLUMNS_W, RS_M_S_KEY_W, RS_M_S_KEYS_W, RS_M_S_INNER, RS_M_S_I_SHARE,
	RS_M_S_I_ID, RS_M_S_I_BOTH, RS_M_S_I_ALSO, RS_M_S_I_END, RS_M_S_TWOHEAD,
	/* amounts or a share in units relstage cannot use (fields.c's units checks) */
	RS_M_S_U_SHARE, RS_M_S_U_DIFFER, RS_M_S_U_TAX, RS_M_S_U_PLAIN, RS_M_S_U_LINE, RS_M_S_U_HEADER,
	RS_M_S_U_HEADERS, RS_M_S_U_SUB,
	/* the readers' and writers' stops */
	RS_M_S_ENCODING, RS_M_S_NO_HEADER, RS_M_S_CSV_EMPTY, RS_M_S_J_EMPTY, RS_M_S_J_NO_OBJECT,
	RS_M_S_J_ARRAY_EMPTY, RS_M_S_J_INNER_EMPTY, RS_M_S_J_FIRST_LINES, RS_M_S_J_LINE_LONG,
	RS_M_S_J_ELEMENT_LONG, RS_M_S_J_GIB, RS_M_S_X_ODS, RS_M_S_X_XLS, RS_M_S_X_NOT_ZIP,
	RS_M_S_X_UNREADABLE, RS_M_S_X_NO_SHEETS, RS_M_S_X_NO_SHEET, RS_M_S_X_CELL_LONG,
	RS_M_S_X_RECORD_LONG, RS_M_S_PIPE_ZIP, RS_M_S_W_COLUMNS, RS_M_S_W_CELL, RS_M_S_W_REJECTS,
	RS_M_S_FILES_COUNT, RS_M_S_FILES_NAME, RS_M_S_PREV_STAGE,
	RS_M_S_CSV_FIELD, RS_M_S_AT_COLUMN, RS_M_S_J_INVALID, RS_M_S_J_NESTED, RS_M_S_J_COLON,
	RS_M_S_J_COMMA, RS_M_S_J_NOT_RECORDS,
	/* the rarer stops: a damaged or empty workbook, JSON that holds no records
	 * where they were looked for, a --previous file without its stage */
	RS_M_S_X_EMPTY, RS_M_S_X_HINT, RS_M_S_X_HINT_END, RS_M_S_X_NO_PART, RS_M_S_X_SHEET_PART,
	RS_M_S_X_SHARED_MAX, RS_M_S_X_FORMULA, RS_M_S_X_SHARED_REF, RS_M_S_X_CELL_ORDER,
	RS_M_S_X_ROW_NUMBER, RS_M_S_X_ROW_ORDER, RS_M_S_X_CASE, RS_M_S_J_NO_LINE, RS_M_S_J_DEEP,
	RS_M_S_J_PATH, RS_M_S_J_PATH_ARRAYS, RS_M_S_J_PATH_NONE, RS_M_S_J_OURS, RS_M_S_P_NO_STAGE,
	/* validate: the decision table's analysis (analyze.c); a workbook part's XML
	 * error (read_xlsx.c) and expat's own words for it */
	RS_M_S_A_GAP, RS_M_S_A_EXCLUDED, RS_M_S_A_NEVER, RS_M_S_A_SHADOWED, RS_M_S_A_GOES_TO,
	RS_M_S_A_RANGE, RS_M_S_A_UNREACHED, RS_M_S_A_REPEATS, RS_M_S_A_TOO_MANY,
	RS_M_S_XML_LINE, RS_M_S_XML_SYNTAX, RS_M_S_XML_NO_ELEMENT, RS_M_S_XML_INVALID_TOKEN,
	RS_M_S_XML_UNCLOSED, RS_M_S_XML_PARTIAL_CHAR, RS_M_S_XML_TAG_MISMATCH, RS_M_S_XML_DUP_ATTR,
	RS_M_S_XML_JUNK, RS_M_S_XML_ENTITY, RS_M_S_XML_RECURSIVE, RS_M_S_XML_CHAR_REF,
	RS_M_S_XML_MISPLACED_DECL, RS_M_S_XML_ENCODING, RS_M_S_XML_WRONG_ENCODING, RS_M_S_XML_CDATA,
	RS_M_S_XML_PREFIX, RS_M_S_XML_DECL, RS_M_S_XML_AMPLIFICATION,
	/* the rules file's problems (rules.c) */
	RS_M_R_MISSING, RS_M_R_NUMBER, RS_M_R_FINITE, RS_M_R_NEGATIVE, RS_M_R_ARRAY, RS_M_R_EMPTY,
	RS_M_R_ENTRIES, RS_M_R_ID, RS_M_R_STRING, RS_M_R_LONGER, RS_M_R_CONTROL, RS_M_R_UTF8,
	RS_M_R_PARAM, RS_M_R_OR_GAP, RS_M_R_TEXT, RS_M_R_NO_STAGE, RS_M_R_UNKNOWN_STAGE,
	RS_M_R_STAGE_ID, RS_M_R_ONE_OF, RS_M_R_NONE, RS_M_R_VAR, RS_M_R_UNKNOWN_VAR,
	RS_M_R_ACTIONS_ONLY, RS_M_R_AND_MODELS, RS_M_R_SCORE_PART, RS_M_R_LINEAR, RS_M_R_UNKNOWN_OP,
	RS_M_R_OP, RS_M_R_NODES, RS_M_R_LEVEL, RS_M_R_BOOL, RS_M_R_NO_VALUE, RS_M_R_TEXT_OPS,
	RS_M_R_EQ_OPS, RS_M_R_AN_ID, RS_M_R_YES_NO, RS_M_R_GAP_ONCE, RS_M_R_DEPTH, RS_M_R_CONDITION,
	RS_M_R_BONDS, RS_M_R_CONDITIONS, RS_M_R_ACTIONS, RS_M_R_PARAMS, RS_M_R_PARAM_NAME,
	RS_M_R_MESSAGES_OBJ, RS_M_R_MESSAGES, RS_M_R_MESSAGE_NAME, RS_M_R_PART, RS_M_R_DUP_ID,
	RS_M_R_PERCENT, RS_M_R_VERSION, RS_M_R_TOO_BIG,
	RS_M_COUNT
} rs_msg_id;
/* clang-format on */

extern const char *const rs_msgs[RS_M_COUNT][RS_LANG_COUNT];

/* Message id in language g (a static string). A load, not a call, so the
 * branches that word a reject cost the row that reads nothing. */
static inline const char *rs_msg(rs_lang g, rs_msg_id id)
{
	return rs_msgs[id][g];
}
/* The message in g whose English text is `en` (a pointer rs_msg gave for
 * English, as value.c's reasons are); en itself when it is none. */
const char *rs_msg_as(rs_lang g, const char *en);

/* Why no share comes from an account's amounts, in the order score.c
 * checks them (rs_score_fault), or RS_SHARE_OK. */
typedef enum rs_share_fault {
	RS_SHARE_OK,
	RS_SHARE_OVER_SPEND, /* our_sales > customer_spend */
	RS_SHARE_RANGE,      /* purchase_share outside 0-100 */
	RS_SHARE_NEG_SALES,  /* our_sales < 0, no purchase_share */
	RS_SHARE_NEG_SPEND,  /* customer_spend < 0, no purchase_share */
	RS_SHARE_NONE,       /* no purchase_share, not both amounts */
	RS_SHARE_PREV_RANGE  /* the share is right; previous_share is outside 0-100 */
} rs_share_fault;

/* The fields a share reason shows, in the order of its `shown` texts:
 * our_sales, customer_spend, purchase_share, previous_share. */
extern const int rs_share_field[4];

/*
 * Words the reason for fault f into buf (cut to fit cap), in g: shown[i] is
 * rs_share_field[i] as the reason shows it (score.c: the value read;
 * columns.c: the cell as written), spend_col what follows customer_spend
 * ("" or " in column \"Einkauf\"").
 */
void rs_msg_share(char *buf, size_t cap, rs_lang g, rs_share_fault f, const char *const shown[4],
                  const char *spend_col);

/* The translation into g of a format whose English text is en, one of the
 * RS_M_S_ ids; en itself when there is none (or g is English). */
const char *rs_msg_tr(rs_lang g, const char *en);

#endif
