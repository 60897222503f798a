/*
 * json_check.h - what the JSON readers (read_json.c) need that cJSON does not
 * give: the NUL check, a validator mirroring cJSON 1.7.15 that says why a
 * parse failed and where, the text of a number, and positions as line and
 * column (json_check.c); the flat record path without cJSON (json_flat.c).
 * Not part of the public API.
 */
#ifndef RS_JSON_CHECK_H
#define RS_JSON_CHECK_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#define RS_JSON_NUM_SLOT 32     /* bytes of one number's text, NUL included */
#define RS_JV_MAX_DEPTH 65536   /* the validator's own nesting limit */
#define RS_CJSON_DEPTH 1000     /* CJSON_NESTING_LIMIT of the system's cJSON */

/* JSON whitespace as cJSON sees it (every byte <= 32): the index after it. */
static inline size_t rs_json_ws(const char *p, size_t i, size_t n)
{
	while (i < n && (unsigned char)p[i] <= 32)
		i++;
	return i;
}

/*
 * True when a string in p[0..n) would lose text in cJSON: a raw NUL byte or
 * a \u escape that decodes to U+0000.
 */
bool rs_json_loses_nul(const char *p, size_t n);

typedef enum { RS_JV_OK, RS_JV_SYNTAX, RS_JV_DEEP } rs_jv_result;

/*
 * Checks one value at p[0..n) (after an optional UTF-8 BOM) with cJSON's
 * grammar; *pos gets its end (RS_JV_OK) or where it failed, *depth the
 * deepest nesting seen.
 */
rs_jv_result rs_json_check(const char *p, size_t n, size_t *pos, size_t *depth);

/*
 * After cJSON returned NULL for the value at p[0..n) (whose first line is
 * `line`): false when the text is valid and within cJSON's depth, so cJSON
 * can only have run out of memory. Otherwise true, *r and *pos as from
 * rs_json_check, and reason (cap bytes) gets `prefix` then "invalid JSON at
 * column C" or "nested deeper than N levels".
 */
bool rs_json_diagnose(const char *p, size_t n, unsigned long line,
                      const char *prefix, char *reason, size_t cap,
                      rs_jv_result *r, size_t *pos);

/*
 * Why a parsed value v cannot be a row, or NULL when it can: not an object,
 * or a string in its text p[0..n) that loses a NUL. With `alone`, text after
 * the value (from p[end]) is a reason too. The reason may be put in `reason`.
 */
const char *rs_json_not_row(const cJSON *v, const char *p, size_t end, size_t n,
                            bool alone, char *reason, size_t cap);

/*
 * Parses s[0..n), one line whose first line number is `line`, as one object
 * with nothing after it: the tree (the caller cJSON_Deletes it), or NULL with
 * *why saying what is wrong (possibly in `reason`), or NULL with *why NULL
 * when cJSON ran out of memory.
 */
cJSON *rs_json_parse_line(const char *s, size_t n, unsigned long line,
                          char *reason, size_t cap, const char **why);

/*
 * The usual JSON Lines record, read without cJSON: one object of strings
 * (keys without escapes, values without \u), plain decimal numbers (at most
 * 15 digits, no exponent), true, false and null, nothing else on the line.
 * Each member gets its key's bytes, and a string's place and decoded length
 * or a number's value (the double cJSON's strtod would give). Needs s[n] == '\0'; writes nothing. Returns the number of
 * members (at most max), or RS_JSON_NOT_FLAT when the line is anything else
 * (then cJSON decides what it is). Whatever it accepts, cJSON accepts as the
 * same members and values, and rs_json_not_row finds nothing against it.
 */
#define RS_JSON_NOT_FLAT ((size_t)-1)

/* What a string's text in the line (escapes as written) holds, for the
 * writers' plain bits: a comma; a byte below 0x20; 0xE2 (U+2028/9's lead). */
enum { RS_JSON_HAS_COMMA = 2, RS_JSON_HAS_CTL = 4, RS_JSON_HAS_E2 = 8 };

typedef struct rs_json_member {
	const char *key, *str; /* in s, not NUL-terminated; str for strings */
	size_t klen, slen;     /* slen: decoded; the text in s is slen + esc
	                          (for a number: its text, slen bytes) */
	size_t esc;            /* escapes in the string */
	unsigned has;          /* strings: RS_JSON_HAS_ flags */
	double num;            /* for numbers: the value, */
	unsigned long long mant; /* and its digits without trailing zeros */
	int frac;              /* and how many of them are decimals */
	bool canon;            /* and its text is rs_json_flat_num_text's */
	int type;              /* cJSON_String, _Number, _True, _False, _NULL */
} rs_json_member;

size_t rs_json_flat(const char *s, size_t n, rs_json_member *m, size_t max);

/* rs_json_num_text(m->num, out) for a number member m, from its digits. */
size_t rs_json_flat_num_text(const rs_json_member *m, char *out);

/*
 * Decodes string member m of the line s in place into the C string cJSON
 * would make of it (slen bytes, at m->str); returns it. Changes the line:
 * only once the record is taken.
 */
char *rs_json_flat_cstr(char *s, const rs_json_member *m);

/* String member m's text decoded into out (m->slen bytes, no NUL added;
 * out may be m->str itself, or anywhere not overlapping it); returns out. */
char *rs_json_flat_decode(const rs_json_member *m, char *out);

/*
 * The shortest text of a finite v that reads back as v (at most
 * RS_JSON_NUM_SLOT bytes with its NUL, '.' as the point whatever the locale);
 * returns its length.
 */
size_t rs_json_num_text(double v, char *out);

/* Digits of x with a point d places from the right ("0.05" for 5, d 2),
 * after a '-' when neg, NUL-terminated into out; returns the length. */
size_t rs_json_put_fixed(char *out, bool neg, unsigned long long x, int d);

/*
 * "<head>\"<key>\"<tail>" into reason (cap bytes), the key cut to 120 bytes
 * at a character boundary; returns reason.
 */
const char *rs_json_why_key(char *reason, size_t cap, const char *head,
                            const char *key, const char *tail);

/* 1-based line and column (in characters) of p[pos], counting from p[0]. */
void rs_json_line_col(const char *p, size_t pos, unsigned long first_line,
                      unsigned long *line, unsigned long *col);

/* Counts lines up to a position, moving forward only (one pass per walk). */
typedef struct rs_json_lines {
	const char *p;
	size_t at;
	unsigned long line;
} rs_json_lines;

unsigned long rs_json_line_at(rs_json_lines *lc, size_t pos);

#endif
