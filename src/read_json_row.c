/*
 * read_json_row.c - the JSON readers' rows: object keys mapped to the columns
 * fixed at the header, member values checked and set as cells, and rows
 * (header, records, rejects) handed on. read_json.c frames the input.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "copy_impl.h"
#include "read_json_impl.h"

#define NOCOL ((size_t)-1)

/* Plain for every output format: a number's text, true, false, null's "". */
#define PLAIN_ALL (RS_PLAIN_CSV | RS_PLAIN_TSV | RS_PLAIN_JSON | RS_PLAIN_NOQUOTE)

/* ------------------------------------------------------------ columns */

/*
 * a[0..n) == b[0..n) for a key, inline: keys are short and of varying
 * lengths, and glibc's memcmp is a call that first picks a way by size.
 * Up to 32 bytes, overlapping 8-byte loads from both ends (never outside
 * the n bytes), as rs_copy moves them.
 */
static inline bool key_eq(const char *a, const char *b, size_t n)
{
	uint64_t x[4], y[4];
	uint32_t u[2], v[2];

	if (n > 32)
		return memcmp(a, b, n) == 0;
	if (n >= 8) {
		size_t h = n >= 16 ? 8 : 0; /* 8..16: both ends; 16..32: both halves' */

		memcpy(&x[0], a, 8);
		memcpy(&y[0], b, 8);
		memcpy(&x[1], a + h, 8);
		memcpy(&y[1], b + h, 8);
		memcpy(&x[2], a + n - 8 - h, 8);
		memcpy(&y[2], b + n - 8 - h, 8);
		memcpy(&x[3], a + n - 8, 8);
		memcpy(&y[3], b + n - 8, 8);
		return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) | (x[3] ^ y[3])) == 0;
	}
	if (n >= 4) {
		memcpy(&u[0], a, 4);
		memcpy(&v[0], b, 4);
		memcpy(&u[1], a + n - 4, 4);
		memcpy(&v[1], b + n - 4, 4);
		return ((u[0] ^ v[0]) | (u[1] ^ v[1])) == 0;
	}
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static size_t hash_key(const char *s, size_t n)
{
	size_t h = (size_t)14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
	return h;
}

/* The column of the key key[0..n) (keys hold no NUL: cJSON cuts them). */
static size_t col_find_n(const jrd *j, const char *key, size_t n)
{
	size_t h = hash_key(key, n), i;

	if (j->nslot == 0)
		return NOCOL;
	for (i = h & (j->nslot - 1); j->slot[i] != 0; i = (i + 1) & (j->nslot - 1)) {
		size_t c = j->slot[i] - 1;
		if (j->nlen[c] == n && key_eq(j->names.data + j->off[c], key, n))
			return c;
	}
	return NOCOL;
}

static size_t col_find(const jrd *j, const char *key)
{
	return col_find_n(j, key, strlen(key));
}

static void slot_put(jrd *j, size_t c)
{
	size_t i = hash_key(j->names.data + j->off[c], j->nlen[c]) & (j->nslot - 1);

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
	GROW(plain, unsigned char);
	GROW(stamp, unsigned);
	j->nums = rs_realloc(j->nums, cap * RS_JSON_NUM_SLOT);
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

rs_status rs_jrd_cols_from(jrd *j, const cJSON *obj, unsigned long line)
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

static const char *why_key(jrd *j, const char *head, const char *key,
                           const char *tail)
{
	return rs_json_why_key(j->reason, sizeof j->reason, head, key, tail);
}

/*
 * Sets cell col from a scalar whose type is cJSON's: str[0..len) (a C
 * string) for a string, num (finite) for a number.
 */
static void put_scalar(jrd *j, size_t col, int type, const char *str, size_t len,
                       double num)
{
	switch (type) {
	case cJSON_String:
		j->cell[col] = str;
		j->len[col] = len;
		j->type[col] = RS_T_STRING;
		break;
	case cJSON_Number:
		j->cell[col] = j->nums + col * RS_JSON_NUM_SLOT;
		j->len[col] = rs_json_num_text(num, j->nums + col * RS_JSON_NUM_SLOT);
		j->type[col] = RS_T_NUMBER;
		break;
	case cJSON_True:
	case cJSON_False:
		j->cell[col] = type == cJSON_True ? "true" : "false";
		j->len[col] = type == cJSON_True ? 4 : 5;
		j->type[col] = RS_T_BOOL;
		break;
	default:
		j->cell[col] = "";
		j->len[col] = 0;
		j->type[col] = RS_T_NULL;
	}
}

/* Sets one cell from a member's value; returns a reason to reject or NULL. */
static const char *set_cell(jrd *j, size_t col, const cJSON *it)
{
	int type = it->type & 0xFF;
	size_t len;

	switch (type) {
	case cJSON_String:
		if ((len = strlen(it->valuestring)) > j->c->opts->max_field)
			return why_key(j, "key ", it->string,
			               " holds a string longer than the field limit");
		put_scalar(j, col, type, it->valuestring, len, 0);
		return NULL;
	case cJSON_Number:
		if (!isfinite(it->valuedouble))
			return why_key(j, "key ", it->string, ": number out of range");
		/* fall through */
	case cJSON_True:
	case cJSON_False:
	case cJSON_NULL:
		put_scalar(j, col, type, NULL, 0, it->valuedouble);
		return NULL;
	}
	return why_key(j, "key ", it->string,
	               cJSON_IsArray(it) ? " holds an array; expected a string, "
	                                   "number, boolean or null"
	                                 : " holds an object; expected a string, "
	                                   "number, boolean or null");
}

/* A new row: no column is stamped with the new generation yet. */
static void new_row(jrd *j)
{
	if (++j->gen == 0) {
		memset(j->stamp, 0, j->ccap * sizeof *j->stamp);
		j->gen = 1;
	}
}

/* Columns the row did not set (it set `set` of them) are null. */
static void null_rest(jrd *j, size_t set)
{
	for (size_t col = 0; set < j->ncol && col < j->ncol; col++)
		if (j->stamp[col] != j->gen) {
			put_scalar(j, col, cJSON_NULL, NULL, 0, 0);
			j->plain[col] = PLAIN_ALL; /* read only by a fast row */
		}
}

/*
 * Fills the row's cells from obj (hot path: no allocation, no printf unless
 * a number needs %g). Keys are matched to columns by position first, since
 * exports repeat one key order, then by hash. NULL, or why to reject.
 */
static const char *fill_row(jrd *j, const cJSON *obj)
{
	const cJSON *it;
	size_t k = 0, col;
	const char *why;

	new_row(j);
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
		if ((why = set_cell(j, col, it)) != NULL)
			return why;
	}
	null_rest(j, k);
	return NULL;
}

/* The RS_PLAIN_ bits of a string by its RS_JSON_HAS_ flags. */
#define STR_PLAIN(h)                                                        \
	(RS_PLAIN_NOQUOTE |                                                  \
	 ((h) & (RS_JSON_HAS_COMMA | RS_JSON_HAS_CTL) ? 0 : RS_PLAIN_CSV) |   \
	 ((h) & RS_JSON_HAS_CTL ? 0 : RS_PLAIN_TSV) |                         \
	 ((h) & (RS_JSON_HAS_CTL | RS_JSON_HAS_E2) ? 0 : RS_PLAIN_JSON))

/* The RS_PLAIN_ bits of string member m, from what the scan saw in it; none
 * after an escape (the decoded text may hold '"', a control byte). */
static unsigned char string_plain(const rs_json_member *m)
{
	static const unsigned char bits[16] = {
		STR_PLAIN(0),  STR_PLAIN(1),  STR_PLAIN(2),  STR_PLAIN(3),
		STR_PLAIN(4),  STR_PLAIN(5),  STR_PLAIN(6),  STR_PLAIN(7),
		STR_PLAIN(8),  STR_PLAIN(9),  STR_PLAIN(10), STR_PLAIN(11),
		STR_PLAIN(12), STR_PLAIN(13), STR_PLAIN(14), STR_PLAIN(15)};

	return m->esc != 0 ? 0 : bits[m->has & 15];
}

/*
 * Makes room in j->text for a fast row of the line s[0..n): the strings
 * take at most n bytes, a number RS_JSON_NUM_SLOT with its NUL, true and
 * false 8 (one fixed-size store), null 1.
 */
static bool text_room(jrd *j, size_t n)
{
	size_t need = n + j->ncol * RS_JSON_NUM_SLOT + 1;
	char *t;

	if (need <= j->text_cap)
		return true;
	need += need / 2;
	if ((t = rs_realloc(j->text, need)) == NULL)
		return false;
	j->text = t;
	j->text_cap = need;
	return true;
}

/*
 * The usual JSON Lines record without cJSON (rs_json_flat). True when taken:
 * the row was handed on and *st is its status. False, with nothing handed on
 * and s as it was, when the line is not that simple or would be rejected (a
 * key unknown or repeated, a string over the field limit): the general path
 * then reads it and says why. Same cells as fill_row, by rs_json_flat's
 * promise that cJSON reads the same members.
 */
bool rs_jrd_fast_row(jrd *j, char *s, size_t n, unsigned long line, rs_status *st)
{
	size_t k = rs_json_flat(s, n, j->mem, j->ncol), i, col;
	rs_row row = {.n = j->ncol, .cell = j->cell, .len = j->len,
	              .type = j->type, .line = line, .plain = j->plain};
	/* Through locals: the char stores into j->text could otherwise be taken
	 * to change j's members, which would then be read again every cell. */
	const char **const cell = j->cell;
	size_t *const len = j->len;
	unsigned char *const type = j->type, *const plain = j->plain;
	unsigned *const stamp = j->stamp;
	const size_t max_field = j->c->opts->max_field;
	unsigned gen;
	char *d;

	if (k == RS_JSON_NOT_FLAT || !text_room(j, n))
		return false;
	new_row(j);
	gen = j->gen;
	d = j->text;
	for (i = 0; i < k; i++) { /* k <= ncol */
		const rs_json_member *m = &j->mem[i];
		size_t l;

		if (m->klen == j->nlen[i] && key_eq(j->hname[i], m->key, m->klen))
			col = i;
		else if ((col = col_find_n(j, m->key, m->klen)) == NOCOL)
			return false;
		if (stamp[col] == gen || (m->type == cJSON_String && m->slen > max_field))
			return false;
		stamp[col] = gen;
		/* Each cell right after the one before, a NUL between, so runs
		 * of plain cells go out of the CSV writer with one copy. */
		switch (m->type) {
		case cJSON_String:
			l = m->slen;
			if (m->esc == 0)
				rs_copy(d, m->str, l);
			else
				(void)rs_json_flat_decode(m, d);
			d[l] = '\0';
			type[col] = RS_T_STRING;
			plain[col] = string_plain(m);
			break;
		case cJSON_Number:
			l = rs_json_flat_num_text(m, d);
			type[col] = RS_T_NUMBER;
			plain[col] = PLAIN_ALL;
			break;
		case cJSON_True:
		case cJSON_False:
			memcpy(d, m->type == cJSON_True ? "true\0\0\0\0" : "false\0\0\0", 8);
			l = m->type == cJSON_True ? 4 : 5;
			type[col] = RS_T_BOOL;
			plain[col] = PLAIN_ALL;
			break;
		default:
			d[0] = '\0';
			l = 0;
			type[col] = RS_T_NULL;
			plain[col] = PLAIN_ALL;
		}
		cell[col] = d;
		len[col] = l;
		d += l + 1;
	}
	null_rest(j, k);
	*st = j->c->on_row(j->c->ctx, &row, j->err);
	return true;
}

/* A rejected record: one cell holding its raw text (NUL-terminated). */
rs_status rs_jrd_emit_raw(jrd *j, const char *raw, size_t n, unsigned long line,
                          const char *why)
{
	static const unsigned char str = RS_T_STRING;
	rs_row row = {.n = 1, .cell = &raw, .len = &n, .type = &str,
	              .line = line, .reject = why}; /* other fields NULL */

	return j->c->on_row(j->c->ctx, &row, j->err);
}

rs_status rs_jrd_emit_object(jrd *j, const cJSON *obj, const char *raw,
                             size_t n, unsigned long line)
{
	const char *why = fill_row(j, obj);
	rs_row row = {.n = j->ncol, .cell = j->cell, .len = j->len,
	              .type = j->type, .line = line};

	if (why != NULL)
		return rs_jrd_emit_raw(j, raw, n, line, why);
	return j->c->on_row(j->c->ctx, &row, j->err);
}

rs_status rs_jrd_emit_header(jrd *j, unsigned long line)
{
	rs_row row = {.n = j->ncol, .cell = j->hname, .len = j->nlen,
	              .line = line};

	if (j->ccap == 0 && !cols_grow(j, 1)) /* rs_jrd_emit_raw rows need none */
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	for (size_t c = 0; c < j->ncol; c++)
		j->hname[c] = j->names.data + j->off[c];
	row.cell = j->hname;
	j->header_done = true;
	return j->c->on_header(j->c->ctx, &row, j->err);
}
