/*
 * read_json.c - JSON input: a JSON array of objects (read whole, then walked
 * one element at a time) and JSON Lines (streamed line by line). cJSON parses;
 * this file adds what cJSON does not check (duplicate keys, \u0000, non-finite
 * numbers, nested values), maps keys to columns and reports positions.
 */
#include <cjson/cJSON.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader_impl.h"

/*
 * A JSON array is read whole (memory about twice the file while it grows,
 * then the file's size), so it is capped; JSON Lines needs one line at a time.
 */
#define JSON_MAX_INPUT ((size_t)1 << 30) /* 1 GiB */
#define JSON_CHUNK ((size_t)256 << 10)   /* bytes asked of rs_input at once */
#define NUM_SLOT 32                      /* bytes of one formatted number */
#define PENDING_MAX 64 /* JSONL lines rejected before the first object */
#define JV_MAX_DEPTH 65536 /* the failure-path validator's own limit */
#define CJSON_DEPTH 1000   /* CJSON_NESTING_LIMIT of the system's cJSON */
#define NOCOL ((size_t)-1)

/* Reader state shared by both formats; the columns are fixed at the header. */
typedef struct jrd {
	const rs_read_ctx *c;
	rs_error *err;
	size_t ncol, ccap;
	rs_buf names;        /* column names, each NUL-terminated */
	size_t *off, *nlen;  /* per column: offset into names, length */
	const char **hname;  /* per column: name, valid once the header is out */
	size_t *slot, nslot; /* open-addressing hash: column + 1, 0 = empty */
	const char **cell;   /* per column (at least 1): the row being built */
	size_t *len;
	unsigned char *type;
	unsigned *stamp;     /* stamp[col] == gen: col already set in this row */
	unsigned gen;
	char *nums;          /* NUM_SLOT bytes per column for number text */
	bool header_done;
	rs_buf pend;         /* JSONL rejects waiting for the header */
	size_t npend;
	unsigned long pend_line;
	char reason[512];
} jrd;

/* ------------------------------------------------------------ columns */

static size_t hash_key(const char *s, size_t *n)
{
	size_t h = (size_t)14695981039346656037ULL;
	const char *p = s;

	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * (size_t)1099511628211ULL;
	*n = (size_t)(p - s);
	return h;
}

static size_t col_find(const jrd *j, const char *key)
{
	size_t n, h = hash_key(key, &n), i;

	if (j->nslot == 0)
		return NOCOL;
	for (i = h & (j->nslot - 1); j->slot[i] != 0; i = (i + 1) & (j->nslot - 1)) {
		size_t c = j->slot[i] - 1;
		if (j->nlen[c] == n && memcmp(j->names.data + j->off[c], key, n) == 0)
			return c;
	}
	return NOCOL;
}

static void slot_put(jrd *j, size_t c)
{
	size_t n, i = hash_key(j->names.data + j->off[c], &n) & (j->nslot - 1);

	while (j->slot[i] != 0)
		i = (i + 1) & (j->nslot - 1);
	j->slot[i] = c + 1;
}

/* Makes room for `cap` columns in every per-column array (zeroed tails). */
static bool cols_grow(jrd *j, size_t cap)
{
#define GROW(p, T)                                                       \
	do {                                                             \
		T *q_ = rs_realloc(j->p, cap * sizeof(T));               \
		if (q_ == NULL)                                          \
			return false;                                    \
		memset(q_ + j->ccap, 0, (cap - j->ccap) * sizeof(T));    \
		j->p = q_;                                               \
	} while (0)
	GROW(off, size_t);
	GROW(nlen, size_t);
	GROW(hname, const char *);
	GROW(cell, const char *);
	GROW(len, size_t);
	GROW(type, unsigned char);
	GROW(stamp, unsigned);
	j->nums = rs_realloc(j->nums, cap * NUM_SLOT);
	if (j->nums == NULL)
		return false;
#undef GROW
	rs_free(j->slot);
	j->slot = rs_calloc(cap * 2, sizeof *j->slot);
	if (j->slot == NULL)
		return false;
	j->ccap = cap;
	j->nslot = cap * 2;
	for (size_t c = 0; c < j->ncol; c++)
		slot_put(j, c);
	return true;
}

static rs_status col_add(jrd *j, const char *key, unsigned long line)
{
	size_t n = strlen(key);

	if (j->ncol >= j->c->opts->max_columns)
		return rs_error_set(j->err, RS_ELIMIT, line,
		                    "more than %zu distinct keys (the column limit)",
		                    j->c->opts->max_columns);
	if (j->ncol == j->ccap && !cols_grow(j, j->ccap ? j->ccap * 2 : 16))
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	j->off[j->ncol] = j->names.len;
	j->nlen[j->ncol] = n;
	if (!rs_buf_append(&j->names, key, n + 1))
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	slot_put(j, j->ncol++);
	return RS_OK;
}

/* Adds the keys of `obj` not seen yet, in their order. */
static rs_status cols_from(jrd *j, const cJSON *obj, unsigned long line)
{
	const cJSON *it;
	rs_status st;

	for (it = obj->child; it != NULL; it = it->next)
		if (col_find(j, it->string) == NOCOL &&
		    (st = col_add(j, it->string, line)) != RS_OK)
			return st;
	return RS_OK;
}

/* -------------------------------------------------------------- rows */

/* Up to `max` bytes of s, not cutting a UTF-8 sequence (for messages). */
static int clip(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

static const char *why_key(jrd *j, const char *fmt_head, const char *key,
                           const char *tail)
{
	(void)snprintf(j->reason, sizeof j->reason, "%s\"%.*s\"%s", fmt_head,
	               clip(key, 120), key, tail);
	return j->reason;
}

/* Digits of x with a point d places from the right ("0.05" for 5, d 2). */
static size_t put_fixed(char *out, bool neg, unsigned long long x, int d)
{
	char tmp[NUM_SLOT];
	size_t i = sizeof tmp, k = 0;
	int pos = 0;

	do {
		if (d > 0 && pos == d)
			tmp[--i] = '.';
		tmp[--i] = (char)('0' + x % 10);
		x /= 10;
		pos++;
	} while (x != 0 || pos <= d);
	if (neg)
		out[k++] = '-';
	memcpy(out + k, tmp + i, sizeof tmp - i);
	k += sizeof tmp - i;
	out[k] = '\0';
	return k;
}

/*
 * The shortest text of a finite v that reads back as v. Fast path without
 * printf: the fewest decimals (up to 6) whose fixed-point value divides back
 * to v exactly (x and 10^d are exact doubles, so x / 10^d rounds as strtod
 * would). Otherwise the first of %.15g, %.16g, %.17g that round-trips.
 */
static size_t fmt_num(double v, char *out)
{
	static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	double a = fabs(v);
	char point;
	int d, n;

	for (d = 0; d <= 6; d++) {
		double s = a * p10[d];
		unsigned long long x;

		if (s >= 9007199254740992.0) /* 2^53 */
			break;
		x = (unsigned long long)s;
		if (s - (double)x >= 0.5)
			x++;
		if ((double)x / p10[d] == a)
			return put_fixed(out, signbit(v) != 0, x, d);
	}
	for (d = 15; d <= 17; d++) {
		n = snprintf(out, NUM_SLOT, "%.*g", d, v);
		if (strtod(out, NULL) == v)
			break;
	}
	point = localeconv()->decimal_point[0]; /* not per number: it is slow */
	for (char *p = out; *p; p++)
		if (*p == point)
			*p = '.';
	return n > 0 ? (size_t)n : 0;
}

/* Sets one cell from a member's value; returns a reason to reject or NULL. */
static const char *set_cell(jrd *j, size_t col, const cJSON *it)
{
	switch (it->type & 0xFF) {
	case cJSON_String:
		j->cell[col] = it->valuestring;
		j->len[col] = strlen(it->valuestring);
		j->type[col] = RS_T_STRING;
		if (j->len[col] > j->c->opts->max_field)
			return why_key(j, "key ", it->string,
			               " holds a string longer than the field limit");
		return NULL;
	case cJSON_Number:
		if (!isfinite(it->valuedouble))
			return why_key(j, "key ", it->string, ": number out of range");
		j->cell[col] = j->nums + col * NUM_SLOT;
		j->len[col] = fmt_num(it->valuedouble, j->nums + col * NUM_SLOT);
		j->type[col] = RS_T_NUMBER;
		return NULL;
	case cJSON_True:
	case cJSON_False:
		j->cell[col] = (it->type & 0xFF) == cJSON_True ? "true" : "false";
		j->len[col] = (it->type & 0xFF) == cJSON_True ? 4 : 5;
		j->type[col] = RS_T_BOOL;
		return NULL;
	case cJSON_NULL:
		j->cell[col] = "";
		j->len[col] = 0;
		j->type[col] = RS_T_NULL;
		return NULL;
	}
	return why_key(j, "key ", it->string,
	               cJSON_IsArray(it) ? " holds an array; expected a string, "
	                                   "number, boolean or null"
	                                 : " holds an object; expected a string, "
	                                   "number, boolean or null");
}

/*
 * Fills the row's cells from obj (hot path: no allocation, no printf unless
 * a number needs %g). Keys are matched to columns by position first, since
 * exports repeat one key order, then by hash. NULL, or why to reject.
 */
static const char *fill_row(jrd *j, const cJSON *obj)
{
	const cJSON *it;
	size_t k = 0, set = 0, col;
	const char *why;

	if (++j->gen == 0) {
		memset(j->stamp, 0, j->ccap * sizeof *j->stamp);
		j->gen = 1;
	}
	for (it = obj->child; it != NULL; it = it->next, k++) {
		if (k < j->ncol && strcmp(j->hname[k], it->string) == 0)
			col = k;
		else if ((col = col_find(j, it->string)) == NOCOL)
			return why_key(j, "key ", it->string,
			               " is not in the first record's keys; list "
			               "every key in the first line, or use a JSON array");
		if (j->stamp[col] == j->gen)
			return why_key(j, "duplicate key ", it->string, "");
		j->stamp[col] = j->gen;
		set++;
		if ((why = set_cell(j, col, it)) != NULL)
			return why;
	}
	for (col = 0; set < j->ncol && col < j->ncol; col++) {
		if (j->stamp[col] != j->gen) {
			j->cell[col] = "";
			j->len[col] = 0;
			j->type[col] = RS_T_NULL;
		}
	}
	return NULL;
}

/* A rejected record: one cell holding its raw text (NUL-terminated). */
static rs_status emit_raw(jrd *j, const char *raw, size_t n, unsigned long line,
                          const char *why)
{
	static const unsigned char str = RS_T_STRING;
	rs_row row = {1, &raw, &n, &str, line, why};

	return j->c->on_row(j->c->ctx, &row, j->err);
}

static rs_status emit_object(jrd *j, const cJSON *obj, const char *raw,
                             size_t n, unsigned long line)
{
	const char *why = fill_row(j, obj);
	rs_row row = {j->ncol, j->cell, j->len, j->type, line, NULL};

	if (why != NULL)
		return emit_raw(j, raw, n, line, why);
	return j->c->on_row(j->c->ctx, &row, j->err);
}

static rs_status emit_header(jrd *j, unsigned long line)
{
	rs_row row = {j->ncol, j->hname, j->nlen, NULL, line, NULL};

	if (j->ccap == 0 && !cols_grow(j, 1)) /* emit_raw-only rows need none */
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	for (size_t c = 0; c < j->ncol; c++)
		j->hname[c] = j->names.data + j->off[c];
	row.cell = j->hname;
	j->header_done = true;
	return j->c->on_header(j->c->ctx, &row, j->err);
}

/* --------------------------------------------------- cJSON's blind spots */

/*
 * True when a string in p[0..n) would lose text in cJSON: a raw NUL byte, or
 * a \u escape that decodes to U+0000 (cJSON also reads a malformed \uXXXX as
 * U+0000). Backslashes pair up as in cJSON's own scan, so "\\u0000" is text.
 */
static bool loses_nul(const char *p, size_t n)
{
	const char *e = p + n, *b = p;

	if (memchr(p, '\0', n) != NULL)
		return true;
	while ((b = memchr(b, '\\', (size_t)(e - b))) != NULL) {
		if (b + 1 < e && b[1] == 'u' && e - b >= 6) {
			bool zero = true;
			for (int k = 2; k < 6; k++) {
				char ch = b[k];
				if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
				      (ch >= 'A' && ch <= 'F')))
					return true;
				zero = zero && ch == '0';
			}
			if (zero)
				return true;
		}
		b += 2;
		if (b >= e)
			break;
	}
	return false;
}

static const char *kind_name(const cJSON *v)
{
	switch (v->type & 0xFF) {
	case cJSON_Array: return "an array";
	case cJSON_String: return "a string";
	case cJSON_Number: return "a number";
	case cJSON_NULL: return "null";
	default: return "a boolean";
	}
}

/*
 * A validator that accepts exactly what cJSON 1.7.15 accepts (bytes <= 32 are
 * whitespace, strtod numbers, \u read by parse_hex4), run only after cJSON
 * failed: it tells a syntax error (with its position) from a nesting deeper
 * than cJSON's limit from an allocation failure inside cJSON.
 */
typedef enum { JV_OK, JV_SYNTAX, JV_DEEP } jv_result;

static size_t jv_ws(const char *p, size_t i, size_t n)
{
	while (i < n && (unsigned char)p[i] <= 32)
		i++;
	return i;
}

static unsigned jv_hex4(const char *s)
{
	unsigned h = 0;

	for (int k = 0; k < 4; k++) {
		char ch = s[k];
		unsigned v = ch >= '0' && ch <= '9'   ? (unsigned)(ch - '0')
		             : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
		             : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
		                                      : 16u;
		if (v == 16)
			return 0;
		h = h << 4 | v;
	}
	return h;
}

/* Bytes taken by the \u escape at s (avail bytes before the quote), or 0. */
static size_t jv_u16(const char *s, size_t avail)
{
	unsigned a, b;

	if (avail < 6)
		return 0;
	a = jv_hex4(s + 2);
	if (a >= 0xDC00 && a <= 0xDFFF)
		return 0;
	if (a < 0xD800 || a > 0xDBFF)
		return 6;
	if (avail < 12 || s[6] != '\\' || s[7] != 'u')
		return 0;
	b = jv_hex4(s + 8);
	return b >= 0xDC00 && b <= 0xDFFF ? 12 : 0;
}

static bool jv_string(const char *p, size_t n, size_t *i)
{
	size_t k = *i + 1, end;

	for (end = k; end < n && p[end] != '"'; end++)
		if (p[end] == '\\' && ++end >= n)
			return false;
	if (end >= n)
		return false;
	while (k < end) {
		size_t step = 2;
		if (p[k] != '\\') {
			k++;
			continue;
		}
		if (p[k + 1] == 'u')
			step = jv_u16(p + k, end - k);
		else if (strchr("bfnrt\"\\/", p[k + 1]) == NULL || p[k + 1] == '\0')
			step = 0;
		if (step == 0) {
			*i = k;
			return false;
		}
		k += step;
	}
	*i = end + 1;
	return true;
}

static bool jv_scalar(const char *p, size_t n, size_t *i)
{
	static const char *const lit[] = {"null", "false", "true"};
	char tmp[64], *e, point = localeconv()->decimal_point[0];
	size_t k;

	if (p[*i] == '"')
		return jv_string(p, n, i);
	for (k = 0; k < 3; k++) {
		size_t l = strlen(lit[k]);
		if (n - *i >= l && memcmp(p + *i, lit[k], l) == 0) {
			*i += l;
			return true;
		}
	}
	if (p[*i] != '-' && (p[*i] < '0' || p[*i] > '9'))
		return false;
	for (k = 0; k < sizeof tmp - 1 && *i + k < n; k++) {
		char ch = p[*i + k];
		if (ch == '.')
			ch = point;
		else if (!(ch >= '0' && ch <= '9') && ch != '+' && ch != '-' &&
		         ch != 'e' && ch != 'E')
			break;
		tmp[k] = ch;
	}
	tmp[k] = '\0';
	(void)strtod(tmp, &e);
	*i += (size_t)(e - tmp);
	return e != tmp;
}

/*
 * Checks one value at p[0..n); *pos gets the end (JV_OK) or where it failed,
 * *depth the deepest nesting seen. stack[d] is 1 inside an object.
 */
static jv_result jv_check(const char *p, size_t n, size_t *pos, size_t *depth)
{
	static const char close[2] = {']', '}'};
	unsigned char stack[JV_MAX_DEPTH / 8];
	size_t d = 0, i = 0;
	enum { VALUE, KEY, AFTER } want = VALUE;

	*depth = 0;
	if (n >= 5 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (i = jv_ws(p, i, n);; i = jv_ws(p, i, n)) {
		*pos = i < n ? i : n > 0 ? n - 1 : 0;
		bool obj = d > 0 && (stack[(d - 1) / 8] >> ((d - 1) % 8) & 1);
		if (want == AFTER) {
			if (d == 0) {
				*pos = i;
				return JV_OK;
			}
			if (i < n && p[i] == ',')
				want = obj ? KEY : VALUE;
			else if (i < n && p[i] == close[obj])
				d--;
			else
				return JV_SYNTAX;
			i++;
		} else if (want == KEY) {
			if (i >= n || p[i] != '"' || !jv_string(p, n, &i))
				return JV_SYNTAX;
			i = jv_ws(p, i, n);
			*pos = i < n ? i : n - 1;
			if (i >= n || p[i] != ':')
				return JV_SYNTAX;
			i++;
			want = VALUE;
		} else if (i < n && (p[i] == '{' || p[i] == '[')) {
			if (d >= JV_MAX_DEPTH)
				return JV_DEEP;
			obj = p[i] == '{';
			stack[d / 8] = (unsigned char)((stack[d / 8] & ~(1u << d % 8)) |
			                               (unsigned)obj << d % 8);
			*depth = ++d > *depth ? d : *depth;
			i = jv_ws(p, i + 1, n);
			if (i < n && p[i] == close[obj]) {
				d--;
				i++;
				want = AFTER;
			} else {
				want = obj ? KEY : VALUE;
			}
		} else {
			if (i >= n || !jv_scalar(p, n, &i))
				return JV_SYNTAX;
			want = AFTER;
		}
	}
}

/* 1-based line and column (in characters) of p[pos], counting from p[0]. */
static void line_col(const char *p, size_t pos, unsigned long first_line,
                     unsigned long *line, unsigned long *col)
{
	unsigned long l = first_line, c = 1;

	for (size_t i = 0; i < pos; i++) {
		if (p[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)p[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/*
 * cJSON returned NULL for the value at p[0..n): RS_ENOMEM when the text is
 * valid and within cJSON's depth (cJSON could only have run out of memory).
 * Otherwise RS_OK, *r says why and *pos where (after the value for a value
 * too deep for cJSON but well-formed, which a caller may skip).
 */
static rs_status cjson_failed(jrd *j, const char *p, size_t n,
                              unsigned long line, jv_result *r, size_t *pos)
{
	size_t depth;

	*r = jv_check(p, n, pos, &depth);
	if (*r == JV_OK && depth <= CJSON_DEPTH)
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	return RS_OK;
}

/* "invalid JSON at column 7" or the depth, after `prefix`, into j->reason. */
static const char *describe(jrd *j, const char *prefix, const char *p,
                            size_t pos, unsigned long line, jv_result r)
{
	unsigned long l, col;

	line_col(p, pos, line, &l, &col);
	if (r == JV_SYNTAX)
		(void)snprintf(j->reason, sizeof j->reason,
		               "%sinvalid JSON at column %lu", prefix, col);
	else
		(void)snprintf(j->reason, sizeof j->reason,
		               "%snested deeper than %d levels", prefix,
		               r == JV_DEEP ? JV_MAX_DEPTH : CJSON_DEPTH);
	return j->reason;
}

/* ---------------------------------------------------------- JSON Lines */

/* Keeps a reject seen before the first object, to send after the header. */
static rs_status pend_add(jrd *j, const char *raw, size_t n, unsigned long line,
                          const char *why)
{
	size_t wl = strlen(why);

	if (j->npend == 0)
		j->pend_line = line;
	if (j->npend >= PENDING_MAX || j->pend.len + n > j->c->opts->max_record)
		return rs_error_set(j->err, RS_EPARSE, j->pend_line,
		                    "no JSON object in the first %zu non-blank lines "
		                    "(expected one object per line; for an array "
		                    "use --from json)", j->npend);
	j->npend++;
	(void)rs_buf_append(&j->pend, &line, sizeof line);
	(void)rs_buf_append(&j->pend, &wl, sizeof wl);
	(void)rs_buf_append(&j->pend, &n, sizeof n);
	(void)rs_buf_append(&j->pend, why, wl + 1);
	(void)rs_buf_append(&j->pend, raw, n);
	if (!rs_buf_putc(&j->pend, '\0'))
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	return RS_OK;
}

static rs_status pend_flush(jrd *j)
{
	size_t at = 0, wl, n;
	unsigned long line;
	rs_status st = RS_OK;

	while (st == RS_OK && at < j->pend.len) {
		memcpy(&line, j->pend.data + at, sizeof line);
		memcpy(&wl, j->pend.data + at + sizeof line, sizeof wl);
		memcpy(&n, j->pend.data + at + sizeof line + sizeof wl, sizeof n);
		at += sizeof line + sizeof wl + sizeof n;
		st = emit_raw(j, j->pend.data + at + wl + 1, n, line, j->pend.data + at);
		at += wl + 1 + n + 1;
	}
	rs_buf_free(&j->pend);
	j->npend = 0;
	return st;
}

static rs_status line_reject(jrd *j, const char *s, size_t n, unsigned long line,
                             const char *why)
{
	if (!j->header_done)
		return pend_add(j, s, n, line, why);
	return emit_raw(j, s, n, line, why);
}

/* Parses s[0..n) as one object with nothing after it; NULL and *why if not. */
static rs_status line_object(jrd *j, const char *s, size_t n, unsigned long line,
                             cJSON **out, const char **why)
{
	const char *end = NULL;
	cJSON *obj = cJSON_ParseWithLengthOpts(s, n, &end, 0);
	jv_result r;
	size_t pos;
	rs_status st;

	*out = NULL;
	if (obj == NULL) {
		if ((st = cjson_failed(j, s, n, line, &r, &pos)) == RS_OK)
			*why = describe(j, "not a JSON object: ", s, pos, line, r);
		return st;
	}
	if (!cJSON_IsObject(obj)) {
		(void)snprintf(j->reason, sizeof j->reason,
		               "not a JSON object: found %s", kind_name(obj));
		*why = j->reason;
	} else if ((pos = jv_ws(s, (size_t)(end - s), n)) != n) {
		unsigned long l, col;
		line_col(s, pos, line, &l, &col);
		(void)snprintf(j->reason, sizeof j->reason, "not a JSON object: "
		               "text after the object at column %lu", col);
		*why = j->reason;
	} else if (loses_nul(s, n)) {
		*why = "a string holds \\u0000 (a NUL character), which cannot be kept";
	} else {
		*out = obj;
		return RS_OK;
	}
	cJSON_Delete(obj);
	return RS_OK;
}

/*
 * One physical line s[0..n) (the newline already cut; s[n] is writable).
 * A blank line is skipped; anything but one object is a rejected row. The
 * first object's keys are the header.
 */
static rs_status jsonl_line(jrd *j, char *s, size_t n, unsigned long line)
{
	const char *why = NULL;
	cJSON *obj;
	rs_status st;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	s[n] = '\0';
	if (n > j->c->opts->max_record)
		return rs_error_set(j->err, RS_ELIMIT, line,
		                    "line longer than the record limit (%zu bytes)",
		                    j->c->opts->max_record);
	if (jv_ws(s, 0, n) == n && memchr(s, '\0', n) == NULL)
		return RS_OK;
	if ((st = line_object(j, s, n, line, &obj, &why)) != RS_OK)
		return st;
	if (obj == NULL)
		return line_reject(j, s, n, line, why);
	if (!j->header_done) {
		if ((st = cols_from(j, obj, line)) == RS_OK &&
		    (st = emit_header(j, line)) == RS_OK)
			st = pend_flush(j);
	}
	if (st == RS_OK)
		st = emit_object(j, obj, s, n, line);
	cJSON_Delete(obj);
	return st;
}

/*
 * Streams lines through a buffer that holds at least one whole line (it
 * grows up to the record limit, never with the number of lines). A partial
 * line is moved to the front before each read.
 */
static rs_status jsonl_run(jrd *j, rs_buf *b)
{
	size_t start = 0, got, limit = j->c->opts->max_record + 2;
	unsigned long line = 1;
	rs_status st = RS_OK;
	bool eof = false;
	char *nl;

	if (!rs_buf_reserve(b, JSON_CHUNK))
		return rs_error_set(j->err, RS_ENOMEM, 0, "out of memory");
	while (st == RS_OK) {
		if ((nl = memchr(b->data + start, '\n', b->len - start)) != NULL) {
			st = jsonl_line(j, b->data + start, (size_t)(nl - b->data) - start, line++);
			start = (size_t)(nl - b->data) + 1;
			continue;
		}
		if (eof) {
			if (b->len > start)
				st = jsonl_line(j, b->data + start, b->len - start, line);
			break;
		}
		if (b->len - start > limit)
			return rs_error_set(j->err, RS_ELIMIT, line,
			                    "line longer than the record limit (%zu bytes)",
			                    j->c->opts->max_record);
		memmove(b->data, b->data + start, b->len - start);
		b->len -= start;
		start = 0;
		if (b->cap < b->len + 1 + JSON_CHUNK / 2 && !rs_buf_reserve(b, JSON_CHUNK))
			return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
		st = rs_input_read(j->c->in, b->data + b->len, b->cap - b->len - 1, &got, j->err);
		if (st != RS_OK && j->err->line == 0)
			j->err->line = line;
		b->len += got;
		b->data[b->len] = '\0';
		eof = got == 0;
	}
	if (st == RS_OK && !j->header_done)
		st = j->npend > 0 ? rs_error_set(j->err, RS_EPARSE, j->pend_line,
		                                 "no line holds a JSON object (first "
		                                 "problem: %.300s)", j->pend.data +
		                                 sizeof(unsigned long) + 2 * sizeof(size_t))
		                  : rs_error_set(j->err, RS_EPARSE, 0,
		                                 "no records: the input holds no JSON object");
	return st;
}

/* ---------------------------------------------------------- JSON array */

/* Counts lines up to a position, moving forward only (one pass per walk). */
typedef struct lines {
	const char *p;
	size_t at;
	unsigned long line;
} lines;

static unsigned long line_at(lines *lc, size_t pos)
{
	const char *q;

	while ((q = memchr(lc->p + lc->at, '\n', pos - lc->at)) != NULL) {
		lc->line++;
		lc->at = (size_t)(q - lc->p) + 1;
	}
	lc->at = pos;
	return lc->line;
}

static rs_status array_error(jrd *j, const char *p, size_t pos, const char *what)
{
	unsigned long l, col;

	line_col(p, pos, 1, &l, &col);
	return rs_error_set(j->err, RS_EPARSE, l, "%s at column %lu", what, col);
}

/* One element p[s..e): in the keys pass collect keys, else emit its row. */
static rs_status array_element(jrd *j, char *p, size_t s, size_t e,
                               unsigned long line, const cJSON *v, bool rows,
                               const char *why)
{
	char keep = p[e];
	rs_status st;

	if (why == NULL && !cJSON_IsObject(v)) {
		(void)snprintf(j->reason, sizeof j->reason,
		               "not a JSON object: found %s", kind_name(v));
		why = j->reason;
	} else if (why == NULL && loses_nul(p + s, e - s)) {
		why = "a string holds \\u0000 (a NUL character), which cannot be kept";
	}
	if (!rows)
		return why == NULL ? cols_from(j, v, line) : RS_OK;
	p[e] = '\0'; /* the raw text of a reject is a C string; restored below */
	st = why != NULL ? emit_raw(j, p + s, e - s, line, why)
	                 : emit_object(j, v, p + s, e - s, line);
	p[e] = keep;
	return st;
}

/*
 * Walks the array whose '[' is at p[i], parsing one element at a time so one
 * tree is alive at once. Pass 1 (rows false) collects the union of keys and
 * finds every syntax error; pass 2 emits the rows.
 */
static rs_status array_walk(jrd *j, char *p, size_t n, size_t i, bool rows,
                            size_t *nobj)
{
	lines lc = {p, 0, 1};
	rs_status st = RS_OK;

	*nobj = 0;
	if ((i = jv_ws(p, i + 1, n)) < n && p[i] == ']')
		return RS_OK;
	for (; st == RS_OK; i = jv_ws(p, i + 1, n)) {
		const char *end = NULL, *why = NULL;
		unsigned long line = line_at(&lc, i);
		cJSON *v = i < n ? cJSON_ParseWithLengthOpts(p + i, n - i, &end, 0) : NULL;
		size_t e = v != NULL ? (size_t)(end - p) : i;
		jv_result r;

		if (v == NULL) {
			if (i < n && (st = cjson_failed(j, p + i, n - i, line, &r, &e)) != RS_OK)
				return st;
			if (i >= n || r == JV_SYNTAX)
				return array_error(j, p, i + e, "invalid JSON");
			why = describe(j, "", p + i, e, line, r);
			e += i;
		}
		if (e - i > j->c->opts->max_record)
			st = rs_error_set(j->err, RS_ELIMIT, line, "an element longer "
			                  "than the record limit (%zu bytes)",
			                  j->c->opts->max_record);
		else
			st = array_element(j, p, i, e, line, v, rows, why);
		*nobj += v != NULL && cJSON_IsObject(v);
		cJSON_Delete(v);
		if ((i = jv_ws(p, e, n)) < n && p[i] == ']')
			break;
		if (i >= n || p[i] != ',')
			return array_error(j, p, i < n ? i : n, i < n ? "expected ',' or ']'"
			                   : "the JSON array is not closed (missing ']')");
	}
	if (st == RS_OK && (i = jv_ws(p, i + 1, n)) < n)
		return array_error(j, p, i, "unexpected text after the JSON array");
	return st;
}

/* Reads the whole input into b (capped at JSON_MAX_INPUT). */
static rs_status slurp(jrd *j, rs_buf *b)
{
	size_t got;
	rs_status st;

	for (;;) {
		if (!rs_buf_reserve(b, JSON_CHUNK))
			return rs_error_set(j->err, RS_ENOMEM, 0, "out of memory");
		st = rs_input_read(j->c->in, b->data + b->len, b->cap - b->len - 1,
		                   &got, j->err);
		if (st != RS_OK) {
			lines lc = {b->data, 0, 1};
			if (j->err->line == 0)
				j->err->line = line_at(&lc, b->len);
			return st;
		}
		b->len += got;
		b->data[b->len] = '\0';
		if (got == 0)
			return RS_OK;
		if (b->len > JSON_MAX_INPUT)
			return rs_error_set(j->err, RS_ELIMIT, 0,
			                    "a JSON array larger than 1 GiB; use JSON Lines "
			                    "(one object per line), which streams");
	}
}

static rs_status json_run(jrd *j, rs_buf *b)
{
	size_t i, nobj;
	rs_status st = slurp(j, b);
	unsigned long l, col;

	if (st != RS_OK)
		return st;
	if ((i = jv_ws(b->data, 0, b->len)) >= b->len)
		return rs_error_set(j->err, RS_EPARSE, 0, "no records: the input is empty");
	if (b->data[i] != '[') {
		line_col(b->data, i, 1, &l, &col);
		return rs_error_set(j->err, RS_EPARSE, l, "expected a JSON array of "
		                    "objects (for one object per line use --from jsonl)");
	}
	if ((st = array_walk(j, b->data, b->len, i, false, &nobj)) != RS_OK)
		return st;
	if (nobj == 0)
		return rs_error_set(j->err, RS_EPARSE, 0, "no records: the JSON "
		                    "array holds no object");
	if ((st = emit_header(j, 1)) != RS_OK)
		return st;
	return array_walk(j, b->data, b->len, i, true, &nobj);
}

/* ------------------------------------------------------------- entries */

static void jrd_free(jrd *j)
{
	rs_buf_free(&j->names);
	rs_buf_free(&j->pend);
	rs_free(j->off);
	rs_free(j->nlen);
	rs_free(j->hname);
	rs_free(j->slot);
	rs_free(j->cell);
	rs_free(j->len);
	rs_free(j->type);
	rs_free(j->stamp);
	rs_free(j->nums);
}

static rs_status run(const rs_read_ctx *c, rs_error *err, bool lines_fmt)
{
	jrd j;
	rs_buf b;
	rs_status st;

	memset(&j, 0, sizeof j);
	j.c = c;
	j.err = err;
	err->file = c->name;
	rs_buf_init(&j.names);
	rs_buf_init(&j.pend);
	rs_buf_init(&b);
	st = lines_fmt ? jsonl_run(&j, &b) : json_run(&j, &b);
	rs_buf_free(&b);
	jrd_free(&j);
	return st;
}

rs_status rs_read_json(const rs_read_ctx *c, rs_error *err)
{
	return run(c, err, false);
}

rs_status rs_read_jsonl(const rs_read_ctx *c, rs_error *err)
{
	return run(c, err, true);
}
