/*
 * read_json.c - JSON input: a JSON array of objects (read whole, then walked
 * one element at a time) and JSON Lines (streamed line by line). cJSON parses
 * and json_check.c tells why it failed; this file maps keys to columns,
 * rejects what cannot be a cell (duplicate keys, non-finite numbers, nested
 * values) and reports positions.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "json_check.h"
#include "reader_impl.h"

/*
 * A JSON array is read whole (memory about twice the file while it grows,
 * then the file's size), so it is capped; JSON Lines needs one line at a time.
 */
#define JSON_MAX_INPUT ((size_t)1 << 30) /* 1 GiB */
#define JSON_CHUNK ((size_t)256 << 10)   /* bytes asked of rs_input at once */
#define PENDING_MAX 64 /* JSONL lines rejected before the first object */
#define NOCOL ((size_t)-1)
/*
 * cJSON parses into an arena block of at most this size (it grows to the
 * largest record's tree); a record needing more takes the rest from the
 * allocation hooks, as every record did before the arena.
 */
#define JSON_ARENA_MAX ((size_t)1 << 20)

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
	char *nums;          /* RS_JSON_NUM_SLOT bytes per column for number text */
	bool header_done;
	rs_buf pend;         /* JSONL rejects waiting for the header */
	size_t npend;
	unsigned long pend_line;
	rs_arena arena;      /* every cJSON tree; reset after each record */
	rs_json_member *mem; /* ncol members for fast_row (NULL: none) */
	char reason[512];
} jrd;

/* ------------------------------------------------------------ columns */

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
		if (j->nlen[c] == n && memcmp(j->names.data + j->off[c], key, n) == 0)
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

/*
 * Done with the tree of the last parse (v may be NULL). Its pieces in the
 * arena go with the reset; only pieces spilled to the hooks need cJSON_Delete
 * (which skips arena pieces), so a record that fit costs no walk at all.
 */
static void tree_done(jrd *j, cJSON *v)
{
	if (j->arena.spilled > 0)
		cJSON_Delete(v);
	rs_arena_reset(&j->arena);
}

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
		if (j->stamp[col] != j->gen)
			put_scalar(j, col, cJSON_NULL, NULL, 0, 0);
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

/*
 * The usual JSON Lines record without cJSON (rs_json_flat). True when taken:
 * the row was handed on and *st is its status. False, with nothing handed on
 * and s as it was, when the line is not that simple or would be rejected (a
 * key unknown or repeated, a string over the field limit): the general path
 * then reads it and says why. Same cells as fill_row, by rs_json_flat's
 * promise that cJSON reads the same members.
 */
static bool fast_row(jrd *j, char *s, size_t n, unsigned long line, rs_status *st)
{
	size_t k = rs_json_flat(s, n, j->mem, j->ncol), i, col;
	rs_row row = {.n = j->ncol, .cell = j->cell, .len = j->len,
	              .type = j->type, .line = line};

	if (k == RS_JSON_NOT_FLAT)
		return false;
	new_row(j);
	for (i = 0; i < k; i++) { /* k <= ncol */
		const rs_json_member *m = &j->mem[i];
		if (m->klen == j->nlen[i] && memcmp(j->hname[i], m->key, m->klen) == 0)
			col = i;
		else if ((col = col_find_n(j, m->key, m->klen)) == NOCOL)
			return false;
		if (j->stamp[col] == j->gen ||
		    (m->type == cJSON_String && m->slen > j->c->opts->max_field))
			return false;
		j->stamp[col] = j->gen;
		if (m->type == cJSON_Number) {
			j->cell[col] = j->nums + col * RS_JSON_NUM_SLOT;
			j->len[col] = rs_json_flat_num_text(m, j->nums + col * RS_JSON_NUM_SLOT);
			j->type[col] = RS_T_NUMBER;
		} else {
			put_scalar(j, col, m->type, m->str, m->slen, 0);
		}
	}
	for (i = 0; i < k; i++) /* accepted: the strings become C strings */
		if (j->mem[i].type == cJSON_String)
			(void)rs_json_flat_cstr(s, &j->mem[i]);
	null_rest(j, k);
	*st = j->c->on_row(j->c->ctx, &row, j->err);
	return true;
}

/* A rejected record: one cell holding its raw text (NUL-terminated). */
static rs_status emit_raw(jrd *j, const char *raw, size_t n, unsigned long line,
                          const char *why)
{
	static const unsigned char str = RS_T_STRING;
	rs_row row = {.n = 1, .cell = &raw, .len = &n, .type = &str,
	              .line = line, .reject = why}; /* other fields NULL */

	return j->c->on_row(j->c->ctx, &row, j->err);
}

static rs_status emit_object(jrd *j, const cJSON *obj, const char *raw,
                             size_t n, unsigned long line)
{
	const char *why = fill_row(j, obj);
	rs_row row = {.n = j->ncol, .cell = j->cell, .len = j->len,
	              .type = j->type, .line = line};

	if (why != NULL)
		return emit_raw(j, raw, n, line, why);
	return j->c->on_row(j->c->ctx, &row, j->err);
}

static rs_status emit_header(jrd *j, unsigned long line)
{
	rs_row row = {.n = j->ncol, .cell = j->hname, .len = j->nlen,
	              .line = line};

	if (j->ccap == 0 && !cols_grow(j, 1)) /* emit_raw-only rows need none */
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	for (size_t c = 0; c < j->ncol; c++)
		j->hname[c] = j->names.data + j->off[c];
	row.cell = j->hname;
	j->header_done = true;
	return j->c->on_header(j->c->ctx, &row, j->err);
}

/*
 * cJSON returned NULL for the value at p[0..n): RS_ENOMEM when the text is
 * valid and within cJSON's depth (cJSON could only have run out of memory).
 * Otherwise RS_OK with the reason (after `prefix`) in j->reason, *r saying
 * which and *pos where (json_check.h).
 */
static rs_status cjson_failed(jrd *j, const char *p, size_t n, unsigned long line,
                              const char *prefix, rs_jv_result *r, size_t *pos)
{
	if (!rs_json_diagnose(p, n, line, prefix, j->reason, sizeof j->reason, r, pos))
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	return RS_OK;
}

/* ---------------------------------------------------------- JSON Lines */

/*
 * Rejects seen before the first object wait in `pend` for the header: each
 * is a pend_rec, then its reason and its raw text, both NUL-terminated.
 */
typedef struct pend_rec {
	unsigned long line;
	size_t why_len, raw_len;
} pend_rec;

static rs_status pend_add(jrd *j, const char *raw, size_t n, unsigned long line,
                          const char *why)
{
	pend_rec h = {line, strlen(why), n};

	if (j->npend == 0)
		j->pend_line = line;
	if (j->npend >= PENDING_MAX || j->pend.len + n > j->c->opts->max_record)
		return rs_error_set(j->err, RS_EPARSE, j->pend_line,
		                    "no JSON object in the first %zu non-blank lines "
		                    "(expected one object per line; for an array "
		                    "use --from json)", j->npend);
	j->npend++;
	(void)rs_buf_append(&j->pend, &h, sizeof h);
	(void)rs_buf_append(&j->pend, why, h.why_len + 1);
	(void)rs_buf_append(&j->pend, raw, n);
	if (!rs_buf_putc(&j->pend, '\0'))
		return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
	return RS_OK;
}

static rs_status pend_flush(jrd *j)
{
	size_t at = 0;
	pend_rec h;
	rs_status st = RS_OK;

	while (st == RS_OK && at < j->pend.len) {
		memcpy(&h, j->pend.data + at, sizeof h);
		at += sizeof h;
		st = emit_raw(j, j->pend.data + at + h.why_len + 1, h.raw_len, h.line,
		              j->pend.data + at);
		at += h.why_len + 1 + h.raw_len + 1;
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

/*
 * One physical line s[0..n) (the newline already cut; s[n] is writable).
 * A blank line is skipped; anything but one object is a rejected row. The
 * first object's keys are the header.
 */
static rs_status jsonl_line(jrd *j, char *s, size_t n, unsigned long line)
{
	const char *why = NULL;
	cJSON *obj;
	rs_status st = RS_OK;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	s[n] = '\0';
	if (n > j->c->opts->max_record)
		return rs_error_set(j->err, RS_ELIMIT, line,
		                    "line longer than the record limit (%zu bytes)",
		                    j->c->opts->max_record);
	if (rs_json_ws(s, 0, n) == n && memchr(s, '\0', n) == NULL)
		return RS_OK;
	if (j->mem != NULL && fast_row(j, s, n, line, &st))
		return st;
	j->arena.on = true;
	obj = rs_json_parse_line(s, n, line, j->reason, sizeof j->reason, &why);
	j->arena.on = false;
	if (obj == NULL) {
		tree_done(j, NULL);
		if (why == NULL)
			return rs_error_set(j->err, RS_ENOMEM, line, "out of memory");
		return line_reject(j, s, n, line, why);
	}
	if (!j->header_done) {
		if ((st = cols_from(j, obj, line)) == RS_OK &&
		    (st = emit_header(j, line)) == RS_OK)
			st = pend_flush(j);
		/* if this fails, every line takes the general path */
		j->mem = rs_calloc(j->ncol, sizeof *j->mem);
	}
	if (st == RS_OK)
		st = emit_object(j, obj, s, n, line);
	tree_done(j, obj);
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
		                                 "problem: %.300s)", j->pend.data + sizeof(pend_rec))
		                  : rs_error_set(j->err, RS_EPARSE, 0,
		                                 "no records: the input holds no JSON object");
	return st;
}

/* ---------------------------------------------------------- JSON array */

static rs_status array_error(jrd *j, const char *p, size_t pos, const char *what)
{
	unsigned long l, col;

	rs_json_line_col(p, pos, 1, &l, &col);
	return rs_error_set(j->err, RS_EPARSE, l, "%s at column %lu", what, col);
}

/* One element p[s..e): in the keys pass collect keys, else emit its row. */
static rs_status array_element(jrd *j, char *p, size_t s, size_t e,
                               unsigned long line, const cJSON *v, bool rows,
                               const char *why)
{
	char keep = p[e];
	rs_status st;

	if (why == NULL)
		why = rs_json_not_row(v, p + s, e - s, e - s, false, j->reason,
		                      sizeof j->reason);
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
	rs_json_lines lc = {p, 0, 1};
	rs_status st = RS_OK;

	*nobj = 0;
	if ((i = rs_json_ws(p, i + 1, n)) < n && p[i] == ']')
		return RS_OK;
	for (; st == RS_OK; i = rs_json_ws(p, i + 1, n)) {
		const char *end = NULL, *why = NULL;
		unsigned long line = rs_json_line_at(&lc, i);
		cJSON *v;
		size_t e;
		rs_jv_result r;

		j->arena.on = true;
		v = i < n ? cJSON_ParseWithLengthOpts(p + i, n - i, &end, 0) : NULL;
		j->arena.on = false;
		e = v != NULL ? (size_t)(end - p) : i;

		if (v == NULL) {
			tree_done(j, NULL);
			if (i < n && (st = cjson_failed(j, p + i, n - i, line, "", &r, &e)) != RS_OK)
				return st;
			if (i >= n) /* a ',' and then the end: point at the end */
				return array_error(j, p, n, "invalid JSON");
			if (r == RS_JV_SYNTAX)
				return array_error(j, p, i + e, "invalid JSON");
			why = j->reason;
			e += i;
		}
		if (e - i > j->c->opts->max_record)
			st = rs_error_set(j->err, RS_ELIMIT, line, "an element longer "
			                  "than the record limit (%zu bytes)",
			                  j->c->opts->max_record);
		else
			st = array_element(j, p, i, e, line, v, rows, why);
		*nobj += v != NULL && cJSON_IsObject(v);
		tree_done(j, v);
		if ((i = rs_json_ws(p, e, n)) < n && p[i] == ']')
			break;
		if (i >= n || p[i] != ',')
			return array_error(j, p, i < n ? i : n, i < n ? "expected ',' or ']'"
			                   : "the JSON array is not closed (missing ']')");
	}
	if (st == RS_OK && (i = rs_json_ws(p, i + 1, n)) < n)
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
			rs_json_lines lc = {b->data, 0, 1};
			if (j->err->line == 0)
				j->err->line = rs_json_line_at(&lc, b->len);
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
	if ((i = rs_json_ws(b->data, 0, b->len)) >= b->len)
		return rs_error_set(j->err, RS_EPARSE, 0, "no records: the input is empty");
	if (b->data[i] != '[') {
		rs_json_line_col(b->data, i, 1, &l, &col);
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
	rs_free(j->mem);
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
	rs_arena_init(&j.arena, JSON_ARENA_MAX);
	rs_arena_reset(&j.arena); /* the first block; if it fails, cJSON spills */
	rs_cjson_arena_begin(&j.arena);
	st = lines_fmt ? jsonl_run(&j, &b) : json_run(&j, &b);
	rs_cjson_arena_end();
	rs_arena_free(&j.arena);
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
