/*
 * read_json.c - JSON input: a JSON array of objects (read whole, then walked
 * one element at a time) and JSON Lines (streamed line by line). cJSON parses
 * and json_check.c tells why it failed; read_json_row.c maps keys to columns,
 * rejects what cannot be a cell (duplicate keys, non-finite numbers, nested
 * values); this file frames records and reports positions.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "read_json_impl.h"

/*
 * A JSON array is read whole (memory about twice the file while it grows,
 * then the file's size), so it is capped; JSON Lines needs one line at a time.
 */
#define JSON_MAX_INPUT ((size_t)1 << 30) /* 1 GiB */
#define JSON_CHUNK ((size_t)256 << 10)   /* bytes asked of rs_input at once */
#define PENDING_MAX 64 /* JSONL lines rejected before the first object */
/*
 * cJSON parses into an arena block of at most this size (it grows to the
 * largest record's tree); a record needing more takes the rest from the
 * allocation hooks, as every record did before the arena.
 */
#define JSON_ARENA_MAX ((size_t)1 << 20)

/* ------------------------------------------------------------- parses */

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
		st = rs_jrd_emit_raw(j, j->pend.data + at + h.why_len + 1, h.raw_len, h.line,
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
	return rs_jrd_emit_raw(j, s, n, line, why);
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
	if (j->mem != NULL && rs_jrd_fast_row(j, s, n, line, &st))
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
		if ((st = rs_jrd_cols_from(j, obj, line)) == RS_OK &&
		    (st = rs_jrd_emit_header(j, line)) == RS_OK)
			st = pend_flush(j);
		/* if this fails, every line takes the general path */
		j->mem = rs_calloc(j->ncol, sizeof *j->mem);
	}
	if (st == RS_OK)
		st = rs_jrd_emit_object(j, obj, s, n, line);
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
		return why == NULL ? rs_jrd_cols_from(j, v, line) : RS_OK;
	p[e] = '\0'; /* the raw text of a reject is a C string; restored below */
	st = why != NULL ? rs_jrd_emit_raw(j, p + s, e - s, line, why)
	                 : rs_jrd_emit_object(j, v, p + s, e - s, line);
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
	if ((st = rs_jrd_emit_header(j, 1)) != RS_OK)
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
	rs_free(j->plain);
	rs_free(j->text);
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
