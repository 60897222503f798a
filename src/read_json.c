/*
 * read_json.c - JSON input: a JSON array of objects (read whole, then parsed
 * one element at a time, so one tree is alive at once; also when an API
 * wraps it in an object) and JSON Lines (streamed line by line). cJSON
 * parses every value; this module frames the records, maps object keys to
 * the columns fixed at the header, turns member values into cells (nested
 * ones as their compact text, dot paths into them as hidden cells) and says
 * why a record cannot be a row.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "reader_impl.h"

/*
 * A JSON array is read whole (memory about twice the file while it grows,
 * then the file's size), so it is capped; JSON Lines needs one line at a time.
 */
#define JSON_MAX_INPUT ((size_t)1 << 30) /* 1 GiB */
#define JSON_CHUNK ((size_t)256 << 10)   /* bytes asked of rs_input at once */
#define PENDING_MAX 64 /* JSONL lines rejected before the first object */
#define NUM_SLOT RS_NUM_TEXT /* bytes of one number's text, NUL included */
#define NOCOL ((size_t)-1)
/* From 2^53 on, a double no longer holds every integer: such numbers keep
 * the text they were written with. */
#define EXACT_LIMIT 9007199254740992.0

/* Sets the reader's error; err->file may name an output since the last row. */
#define JERR(j, st, line, ...)                                                \
	((j)->err->file = (j)->c->name, rs_error_set((j)->err, st, line, __VA_ARGS__))

/* Reader state shared by both formats; the columns are fixed at the header. */
typedef struct jrd {
	const rs_read_ctx *c;
	rs_error *err;
	size_t ncol, ccap;   /* columns, then npath hidden ones: cells ncol.. */
	size_t npath;
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
	const cJSON **item;  /* per column: its member in this row (for paths) */
	size_t *phead;       /* per path: the length of its first key */
	size_t *pcol;        /* per path: the column of that key */
	size_t *vs, *ve;     /* per member of the record: its value's text */
	size_t nspan;        /* members with spans found; 0: not looked for */
	const char *raw;     /* the record's text, its object at raw[obj] */
	size_t raw_n, obj;
	rs_buf text;         /* cells cut from the record's text, this row */
	size_t *cut;         /* the columns whose cell is in text, and where */
	size_t *cut_off, ncut;
	bool header_done;
	unsigned long deep_line; /* the first array element nested too deep to parse */
	rs_buf pend;             /* JSONL lines waiting for the header: rejects, and */
	size_t npend, nheld;     /* objects held (nheld) for their keys (see jsonl_line) */
	unsigned long pend_line, hdr_line;
	char reason[512];
} jrd;

/* ------------------------------------------------------------- text */

/* JSON whitespace as cJSON sees it (every byte <= 32): the index after it. */
static size_t ws(const char *p, size_t i, size_t n)
{
	while (i < n && (unsigned char)p[i] <= 32)
		i++;
	return i;
}

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

/*
 * Where the value starting at p[i] ends, by its brackets and strings alone
 * (escapes honoured), or n when it does not; *depth gets the nesting just
 * before p[stop] (for stop >= n, left alone). Positions only: cJSON has
 * checked the text, or failed on it and the caller only needs to get past.
 */
static size_t value_end(const char *p, size_t n, size_t i, size_t stop, size_t *depth)
{
	size_t d = 0;
	bool str = false;

	for (; i < n; i++) {
		unsigned char ch = (unsigned char)p[i];

		if (i == stop)
			*depth = d;
		if (str) {
			if (ch == '\\')
				i++;
			else if (ch == '"')
				str = false;
			if (!str && d == 0)
				return i + 1;
		} else if (ch == '"') {
			str = true;
		} else if (ch == '[' || ch == '{') {
			d++;
		} else if (ch == ']' || ch == '}') {
			if (d == 0)
				return i;
			if (--d == 0)
				return i + 1;
		} else if (d == 0 && (ch <= 32 || ch == ',' || ch == ':')) {
			return i;
		}
	}
	return n;
}

/*
 * The text of each member's value of the record's object (which cJSON
 * read, so the walk needs no checks), in j->vs/ve; members past the
 * columns are not needed (they make the row a reject first).
 */
static void find_spans(jrd *j)
{
	const char *p = j->raw;
	size_t n = j->raw_n, i = ws(p, j->obj + 1, n), d;

	j->nspan = 0;
	while (i < n && p[i] != '}' && j->nspan < j->ncol) {
		i = ws(p, ws(p, value_end(p, n, i, n, &d), n) + 1, n); /* key, ':' */
		j->vs[j->nspan] = i;
		i = j->ve[j->nspan++] = value_end(p, n, i, n, &d);
		if ((i = ws(p, i, n)) < n && p[i] == ',')
			i = ws(p, i + 1, n);
	}
}

/* Where cJSON starts reading a value in s[0..n): past a UTF-8 BOM at the
 * very start (cJSON skips one) and whitespace. */
static size_t value_start(const char *s, size_t n)
{
	return ws(s, n >= 5 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, n);
}

/* "<head>\"<key>\"<tail>" in j->reason, the key cut to 120 bytes in whole characters. */
static const char *why_key(jrd *j, rs_msg_id why, const char *key)
{
	(void)snprintf(j->reason, sizeof j->reason, rs_msg(j->c->opts->lang, why),
	               (int)rs_utf8_cut(key, strlen(key), 120), key);
	return j->reason;
}

/*
 * Why the text p[0..n) of a record cJSON read cannot be a row as it is, or
 * NULL. cJSON takes a NUL byte for whitespace or cuts a string there, and
 * reads \u0000 and a \u with other than four hex digits as U+0000: text
 * would be lost in silence. Every backslash is inside a string here.
 */
static const char *text_problem(rs_lang g, const char *p, size_t n)
{
	const char *b = p, *e = p + n;

	if (memchr(p, '\0', n) != NULL)
		return rs_msg(g, RS_M_J_NUL);
	while ((b = memchr(b, '\\', (size_t)(e - b))) != NULL && e - b >= 2) {
		if (b[1] == 'u' && e - b >= 6) {
			bool zero = true;

			for (int k = 2; k < 6; k++) {
				if (strchr("0123456789abcdefABCDEF", b[k]) == NULL)
					return rs_msg(g, RS_M_J_BAD_U);
				zero = zero && b[k] == '0';
			}
			if (zero)
				return rs_msg(g, RS_M_J_U0000);
		}
		b += 2;
	}
	return NULL;
}

/* ------------------------------------------------------------ columns */

/* The column of key (keys hold no NUL: cJSON cuts them). */
static size_t col_find(const jrd *j, const char *key)
{
	size_t n = strlen(key), i;

	if (j->nslot == 0)
		return NOCOL;
	for (i = (size_t)rs_hash(key, n) & (j->nslot - 1); j->slot[i] != 0;
	     i = (i + 1) & (j->nslot - 1)) {
		size_t c = j->slot[i] - 1;
		if (j->nlen[c] == n && memcmp(j->names.data + j->off[c], key, n) == 0)
			return c;
	}
	return NOCOL;
}

static void slot_put(jrd *j, size_t c)
{
	size_t i = (size_t)rs_hash(j->names.data + j->off[c], j->nlen[c]) & (j->nslot - 1);

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
	GROW(vs, size_t);
	GROW(ve, size_t);
	GROW(item, const cJSON *);
	GROW(cut, size_t);
	GROW(cut_off, size_t);
#undef GROW
	if ((j->nums = rs_realloc(j->nums, cap * NUM_SLOT)) == NULL)
		return false;
	rs_free(j->slot);
	if ((j->slot = rs_calloc(cap * 2, sizeof *j->slot)) == NULL)
		return false;
	j->ccap = cap;
	j->nslot = cap * 2;
	for (size_t c = 0; c < j->ncol; c++)
		slot_put(j, c);
	return true;
}

/*
 * The first record's objects' plain members as dot paths, in c->inner: where
 * a field missing among the keys may be (HubSpot's properties.name, JSON:API's
 * attributes.name). A dot in a key cannot be reached by a path: left out.
 */
static void note_inner(jrd *j, const cJSON *obj)
{
	char *d = j->c->inner;
	size_t left = RS_INNER_MAX - 1, n;

	for (const cJSON *m = obj->child; d != NULL && m != NULL; m = m->next)
		for (const cJSON *k = cJSON_IsObject(m) && strchr(m->string, '.') == NULL ? m->child
		                                                                         : NULL;
		     k != NULL; k = k->next) {
			n = strlen(m->string) + strlen(k->string) + 2;
			if (n >= left || cJSON_IsObject(k) || cJSON_IsArray(k) || strchr(k->string, '.'))
				continue;
			d += sprintf(d, "%s.%s", m->string, k->string) + 1;
			left -= n;
		}
	if (d != NULL)
		*d = '\0';
}

/* Adds the keys of `obj` not seen yet, in their order. */
static rs_status cols_from(jrd *j, const cJSON *obj, unsigned long line)
{
	if (j->ncol == 0)
		note_inner(j, obj);
	for (const cJSON *it = obj->child; it != NULL; it = it->next) {
		size_t n = strlen(it->string);

		if (col_find(j, it->string) != NOCOL)
			continue;
		if (j->ncol >= j->c->opts->max_columns)
			return JERR(j, RS_ELIMIT, line, "more than %zu distinct keys (the column limit)",
			            j->c->opts->max_columns);
		if (j->ncol == j->ccap && !cols_grow(j, j->ccap ? j->ccap * 2 : 16))
			return JERR(j, RS_ENOMEM, line, "out of memory");
		j->off[j->ncol] = j->names.len;
		j->nlen[j->ncol] = n;
		if (!rs_buf_append(&j->names, it->string, n + 1))
			return JERR(j, RS_ENOMEM, line, "out of memory");
		slot_put(j, j->ncol++);
	}
	return RS_OK;
}

/* -------------------------------------------------------------- rows */

static void put_cell(jrd *j, size_t col, const char *s, size_t n, unsigned char type)
{
	j->cell[col] = s;
	j->len[col] = n;
	j->type[col] = type;
}

/*
 * Member k's value as the record wrote it, whitespace outside strings left
 * out, as cell col: into j->text (its place is fixed up once the row is
 * whole, as text may move). Raw control bytes and U+2028/9 in its strings
 * are escaped, so the text stays one line of valid JSON. Past the field
 * limit it stops: the cell is then longer than the limit, and refused.
 */
static void cut_text(jrd *j, size_t col, size_t k)
{
	const unsigned char *p, *e;
	size_t from = j->text.len, max = j->c->opts->max_field, room;
	bool str = false;
	char *d;

	if (j->nspan == 0)
		find_spans(j);
	p = (const unsigned char *)j->raw + j->vs[k];
	e = (const unsigned char *)j->raw + j->ve[k];
	room = 6 * (size_t)(e - p) < max + 6 ? 6 * (size_t)(e - p) : max + 6;
	j->len[col] = 0;
	if (!rs_buf_reserve(&j->text, room + 1))
		return; /* j->text.failed: the row is not handed on */
	for (d = j->text.data + from; p < e && (size_t)(d - j->text.data) - from <= max; p++) {
		if (!str && *p <= 32)
			continue;
		if (str && *p < 0x20) {
			d += sprintf(d, "\\u%04x", *p);
			continue;
		}
		if (str && *p == 0xE2 && e - p >= 3 && p[1] == 0x80 && (p[2] & 0xFE) == 0xA8) {
			d += sprintf(d, "\\u%s", p[2] == 0xA8 ? "2028" : "2029");
			p += 2;
			continue;
		}
		if (str && *p == '\\')
			*d++ = (char)*p++;
		else if (*p == '"')
			str = !str;
		*d++ = (char)*p;
	}
	*d = '\0';
	j->text.len = (size_t)(d - j->text.data) + 1;
	j->len[col] = (size_t)(d - j->text.data) - from;
	j->cut[j->ncut] = col;
	j->cut_off[j->ncut++] = from;
}

/*
 * Sets cell col from it, member k of the record (k is SIZE_MAX for a value
 * at a dot path); returns a reason to reject or NULL.
 */
static const char *set_cell(jrd *j, size_t col, size_t k, const cJSON *it)
{
	char *num = j->nums + col * NUM_SLOT;
	size_t n;

	switch (it->type & 0xFF) {
	case cJSON_String:
		if ((n = strlen(it->valuestring)) > j->c->opts->max_field)
			return why_key(j, RS_M_J_LONG, it->string);
		put_cell(j, col, it->valuestring, n, RS_T_STRING);
		return NULL;
	case cJSON_Number:
		if (!isfinite(it->valuedouble))
			return why_key(j, RS_M_J_RANGE, it->string);
		if (fabs(it->valuedouble) < EXACT_LIMIT) {
			put_cell(j, col, num, rs_num_text(num, it->valuedouble, 0), RS_T_NUMBER);
			return NULL;
		}
		if (k == SIZE_MAX)
			return why_key(j, RS_M_J_BIG, it->string);
		cut_text(j, col, k);
		j->type[col] = RS_T_NUMBER;
		return NULL;
	case cJSON_True:
		put_cell(j, col, "true", 4, RS_T_BOOL);
		return NULL;
	case cJSON_False:
		put_cell(j, col, "false", 5, RS_T_BOOL);
		return NULL;
	case cJSON_NULL:
		put_cell(j, col, "", 0, RS_T_NULL);
		return NULL;
	}
	/* An object or array: passed on as its text; the field map refuses it
	 * as a field's value. At a dot path only its kind is needed. */
	if (k == SIZE_MAX)
		put_cell(j, col, cJSON_IsArray(it) ? "[]" : "{}", 2, RS_T_JSON);
	else if ((void)cut_text(j, col, k), j->len[col] > j->c->opts->max_field)
		return why_key(j, cJSON_IsArray(it) ? RS_M_J_LONG_ARRAY : RS_M_J_LONG_OBJECT,
		               it->string);
	j->type[col] = RS_T_JSON;
	return NULL;
}

/* The member of object v named key[0..n): the exact name, else the same
 * name in another case (as columns match fields). */
static const cJSON *child(const cJSON *v, const char *key, size_t n)
{
	const cJSON *c;

	if (!cJSON_IsObject(v))
		return NULL;
	for (c = v->child; c != NULL; c = c->next)
		if (strlen(c->string) == n && memcmp(c->string, key, n) == 0)
			return c;
	for (c = v->child; c != NULL; c = c->next)
		if (strlen(c->string) == n && strncasecmp(c->string, key, n) == 0)
			return c;
	return NULL;
}

/* The hidden cells: the value at each dot path, null where there is none.
 * A Salesforce subquery with no records is null, not {"totalSize": 0, ...}:
 * its totalSize is 0, never unknown (an account with no contacts on record
 * is single-threaded). */
static const char *fill_paths(jrd *j)
{
	for (size_t p = 0; p < j->npath; p++) {
		size_t col = j->ncol + p, head = j->pcol[p];
		const char *rest = j->hname[col] + j->phead[p];
		const cJSON *v = j->stamp[head] == j->gen ? j->item[head] : NULL;
		const char *why;

		while (v != NULL && *rest == '.' && !cJSON_IsNull(v)) {
			size_t n = strcspn(rest + 1, ".");

			v = child(v, rest + 1, n);
			rest += n + 1;
		}
		if (cJSON_IsNull(v) && strcasecmp(rest, ".totalSize") == 0)
			put_cell(j, col, "0", 1, RS_T_NUMBER);
		else if (v == NULL)
			put_cell(j, col, "", 0, RS_T_NULL);
		else if ((why = set_cell(j, col, SIZE_MAX, v)) != NULL)
			return why;
	}
	return NULL;
}

/*
 * Fills the row's cells from obj, whose text is raw[0..n). Keys are matched
 * to columns by position first, since exports repeat one key order, then by
 * hash. NULL, or why to reject; j->text.failed: out of memory.
 */
static const char *fill_row(jrd *j, const cJSON *obj, const char *raw, size_t n, size_t at)
{
	const cJSON *it;
	size_t k = 0, col;
	const char *why;

	if (++j->gen == 0) {
		memset(j->stamp, 0, j->ccap * sizeof *j->stamp);
		j->gen = 1;
	}
	j->raw = raw;
	j->raw_n = n;
	j->obj = at;
	j->nspan = j->ncut = 0;
	rs_buf_reset(&j->text);
	for (it = obj->child; it != NULL; it = it->next, k++) {
		if (k < j->ncol && strcmp(j->hname[k], it->string) == 0)
			col = k;
		else if ((col = col_find(j, it->string)) == NOCOL)
			return why_key(j, RS_M_J_NEW_KEY, it->string);
		if (j->stamp[col] == j->gen)
			return why_key(j, RS_M_J_DUP_KEY, it->string);
		j->stamp[col] = j->gen;
		j->item[col] = it;
		if ((why = set_cell(j, col, k, it)) != NULL)
			return why;
	}
	for (col = 0; k < j->ncol && col < j->ncol; col++)
		if (j->stamp[col] != j->gen)
			put_cell(j, col, "", 0, RS_T_NULL);
	if ((why = fill_paths(j)) != NULL)
		return why;
	for (k = 0; k < j->ncut; k++)
		j->cell[j->cut[k]] = j->text.data + j->cut_off[k];
	return NULL;
}

/* A rejected record: one cell holding its raw text (NUL-terminated). */
static rs_status emit_raw(jrd *j, const char *raw, size_t n, unsigned long line, const char *why)
{
	static const unsigned char str = RS_T_STRING;
	rs_row row = {.n = 1, .cell = &raw, .len = &n, .type = &str, .line = line, .reject = why};

	return j->c->on_row(j->c->ctx, &row, j->err);
}

/*
 * Hands on the row of obj, the object at raw[at] of the record raw[0..n)
 * (NUL-terminated), or the record rejected with the reason.
 */
static rs_status emit_object(jrd *j, const cJSON *obj, const char *raw, size_t n,
                             size_t at, unsigned long line)
{
	const char *why = text_problem(j->c->opts->lang, raw, n);
	rs_row row = {.n = j->ncol, .cell = j->cell, .len = j->len, .type = j->type,
	              .line = line, .extra = j->npath};

	if (why == NULL && ((why = fill_row(j, obj, raw, n, at)), j->text.failed))
		return JERR(j, RS_ENOMEM, line, "out of memory");
	if (why != NULL)
		return emit_raw(j, raw, n, line, why);
	return j->c->on_row(j->c->ctx, &row, j->err);
}

/* The column named s[0..n), in any case; NOCOL if none. */
static size_t col_like(const jrd *j, const char *s, size_t n)
{
	for (size_t c = 0; c < j->ncol; c++)
		if (j->nlen[c] == n && strncasecmp(j->names.data + j->off[c], s, n) == 0)
			return c;
	return NOCOL;
}

/*
 * The dot paths the maps name (FIELD=owner.name) whose first key is a
 * column and which are not columns themselves become hidden columns after
 * the others, named by the path as written.
 */
static rs_status add_paths(jrd *j, unsigned long line)
{
	const rs_read_opts *o = j->c->opts;

	if (o->nmaps > 0 && ((j->pcol = rs_calloc(o->nmaps, sizeof *j->pcol)) == NULL ||
	                     (j->phead = rs_calloc(o->nmaps, sizeof *j->phead)) == NULL))
		return JERR(j, RS_ENOMEM, line, "out of memory");
	for (size_t i = 0; i < o->nmaps; i++) {
		const char *s = strchr(o->maps[i], '='), *dot;
		size_t n, c, k, at = j->ncol + j->npath;

		if (s == NULL)
			continue;
		for (s++; *s == ' '; s++)
			;
		for (n = strlen(s); n > 0 && s[n - 1] == ' '; n--)
			;
		if ((dot = memchr(s, '.', n)) == NULL || col_like(j, s, n) != NOCOL ||
		    (c = col_like(j, s, (size_t)(dot - s))) == NOCOL)
			continue;
		for (k = j->ncol; k < at; k++)
			if (j->nlen[k] == n && memcmp(j->names.data + j->off[k], s, n) == 0)
				break;
		if (k < at)
			continue; /* two maps, one path */
		if (at == j->ccap && !cols_grow(j, j->ccap * 2))
			return JERR(j, RS_ENOMEM, line, "out of memory");
		j->off[at] = j->names.len;
		j->nlen[at] = n;
		if (!rs_buf_append(&j->names, s, n) || !rs_buf_putc(&j->names, '\0'))
			return JERR(j, RS_ENOMEM, line, "out of memory");
		j->pcol[j->npath] = c;
		j->phead[j->npath++] = (size_t)(dot - s);
	}
	return RS_OK;
}

/* The columns are fixed: hands the header on (the keys so far, in order). */
static rs_status emit_header(jrd *j, unsigned long line)
{
	rs_row row = {.n = j->ncol, .line = line};
	rs_status st;

	if (j->ccap == 0 && !cols_grow(j, 1)) /* rows need a cell even with no key */
		return JERR(j, RS_ENOMEM, line, "out of memory");
	if ((st = add_paths(j, line)) != RS_OK) /* may move the arrays */
		return st;
	for (size_t c = 0; c < j->ncol + j->npath; c++)
		j->hname[c] = j->names.data + j->off[c];
	row.cell = j->hname;
	row.len = j->nlen;
	row.extra = j->npath;
	j->header_done = true;
	return j->c->on_header(j->c->ctx, &row, j->err);
}

/*
 * Parses the value at p[0..n) (its first line is `line`): *v the tree, *end
 * where it ends. *v NULL: invalid JSON, *end where cJSON stopped and *why
 * NULL; or nested deeper than cJSON goes, *end past it and *why saying so.
 * RS_ENOMEM when an allocation failed during the parse.
 */
static rs_status parse(jrd *j, const char *p, size_t n, unsigned long line, cJSON **v,
                       size_t *end, const char **why)
{
	unsigned long failures = rs_alloc_failures();
	const char *e = p;
	size_t depth = 0;

	*why = NULL;
	*v = cJSON_ParseWithLengthOpts(p, n, &e, 0);
	*end = e != NULL && e >= p && e <= p + n ? (size_t)(e - p) : 0;
	if (*v != NULL)
		return RS_OK;
	if (rs_alloc_failures() != failures)
		return JERR(j, RS_ENOMEM, line, "out of memory");
	(void)value_end(p, n, value_start(p, n), *end, &depth);
	if (depth >= CJSON_NESTING_LIMIT) {
		(void)snprintf(j->reason, sizeof j->reason, rs_msg(j->c->opts->lang, RS_M_J_DEEP),
		               CJSON_NESTING_LIMIT);
		*why = j->reason;
		*end = value_end(p, n, value_start(p, n), n, &depth);
	}
	return RS_OK;
}

static const char *kind_name(rs_lang g, const cJSON *v)
{
	switch (v->type & 0xFF) {
	case cJSON_Array:
		return rs_msg(g, RS_M_J_ARRAY);
	case cJSON_String:
		return rs_msg(g, RS_M_J_STRING);
	case cJSON_Number:
		return rs_msg(g, RS_M_J_NUMBER);
	case cJSON_NULL:
		return rs_msg(g, RS_M_J_NULL);
	default:
		return rs_msg(g, RS_M_J_BOOL);
	}
}

/* ---------------------------------------------------------- JSON Lines */

/*
 * Lines seen before the header wait in `pend`: each is a pend_rec, then its
 * reason ("" for an object, read again when the header is out) and its raw
 * text, both NUL-terminated.
 */
typedef struct pend_rec {
	unsigned long line;
	size_t why_len, raw_len;
} pend_rec;

static rs_status pend_add(jrd *j, const char *raw, size_t n, unsigned long line, const char *why)
{
	pend_rec h = {line, strlen(why), n};

	if (j->npend == 0)
		j->pend_line = line;
	if (j->nheld == 0 && (j->npend >= PENDING_MAX || j->pend.len + n > j->c->opts->max_record))
		return JERR(j, RS_EPARSE, j->pend_line,
		            "no JSON object in the first %zu non-blank lines (expected one "
		            "object per line; for an array use --from json)", j->npend);
	j->npend++;
	(void)rs_buf_append(&j->pend, &h, sizeof h);
	(void)rs_buf_append(&j->pend, why, h.why_len + 1);
	(void)rs_buf_append(&j->pend, raw, n);
	if (!rs_buf_putc(&j->pend, '\0'))
		return JERR(j, RS_ENOMEM, line, "out of memory");
	return RS_OK;
}

static rs_status pend_flush(jrd *j)
{
	size_t at = 0;
	pend_rec h;
	rs_status st = RS_OK;

	while (st == RS_OK && at < j->pend.len) {
		char *raw;
		const char *why;
		size_t end;
		cJSON *v = NULL;

		memcpy(&h, j->pend.data + at, sizeof h);
		at += sizeof h;
		raw = j->pend.data + at + h.why_len + 1;
		if (h.why_len > 0)
			st = emit_raw(j, raw, h.raw_len, h.line, j->pend.data + at);
		else if ((st = parse(j, raw, h.raw_len, h.line, &v, &end, &why)) == RS_OK &&
		         v != NULL)
			st = emit_object(j, v, raw, h.raw_len, value_start(raw, h.raw_len), h.line);
		cJSON_Delete(v);
		at += h.why_len + 1 + h.raw_len + 1;
	}
	rs_buf_free(&j->pend);
	j->npend = 0;
	return st;
}

/* Holds a line until the header is out (why "" for an object); when the
 * held lines reach the look-ahead's bound, the header goes out and they follow. */
static rs_status hold(jrd *j, const char *s, size_t n, unsigned long line, const char *why)
{
	rs_status st = pend_add(j, s, n, line, why);

	if (st == RS_OK && j->nheld > 0 &&
	    (j->npend >= RS_LOOKAHEAD_ROWS || j->pend.len >= RS_LOOKAHEAD_BYTES) &&
	    (st = emit_header(j, j->hdr_line)) == RS_OK)
		st = pend_flush(j);
	return st;
}

/*
 * One physical line s[0..n) (the newline already cut; s[n] is writable).
 * A blank line is skipped; anything but one object is a rejected row. The
 * keys of the objects in the first lines are the header, in the order seen:
 * records that leave out a key with no value (mongoexport, APIs that drop
 * nulls) name it later. Those lines are held, bounded as the classifier's
 * look-ahead is, and read again once the header is out.
 */
static rs_status jsonl_line(jrd *j, char *s, size_t n, unsigned long line)
{
	char why[sizeof j->reason];
	const char *deep;
	rs_lang g = j->c->opts->lang;
	unsigned long l, col;
	size_t end, i = 0;
	cJSON *v;
	rs_status st;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	s[n] = '\0';
	if (n > j->c->opts->max_record)
		return JERR(j, RS_ELIMIT, line, "line longer than the record limit (%zu bytes)",
		            j->c->opts->max_record);
	if (ws(s, 0, n) == n && memchr(s, '\0', n) == NULL)
		return RS_OK;
	if ((st = parse(j, s, n, line, &v, &end, &deep)) != RS_OK)
		return st;
	if (v == NULL || !cJSON_IsObject(v) || (i = ws(s, end, n)) != n) {
		rs_text_line_col(s, v == NULL ? end : i, &l, &col);
		if (v == NULL && deep != NULL)
			(void)snprintf(why, sizeof why, rs_msg(g, RS_M_J_NOT_OBJECT), deep);
		else if (v != NULL && !cJSON_IsObject(v))
			(void)snprintf(why, sizeof why, rs_msg(g, RS_M_J_FOUND), kind_name(g, v));
		else
			(void)snprintf(why, sizeof why, rs_msg(g, RS_M_J_AT_COLUMN),
			               rs_msg(g, v == NULL ? RS_M_J_INVALID : RS_M_J_AFTER), col);
		cJSON_Delete(v); /* a row once the header is out, else it waits */
		return j->header_done ? emit_raw(j, s, n, line, why) : hold(j, s, n, line, why);
	}
	if (!j->header_done) {
		if (j->nheld++ == 0)
			j->hdr_line = line;
		st = cols_from(j, v, line);
		cJSON_Delete(v);
		return st == RS_OK ? hold(j, s, n, line, "") : st;
	}
	st = emit_object(j, v, s, n, value_start(s, n), line);
	cJSON_Delete(v);
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
		return JERR(j, RS_ENOMEM, 0, "out of memory");
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
			return JERR(j, RS_ELIMIT, line, "line longer than the record limit (%zu bytes)",
			            j->c->opts->max_record);
		memmove(b->data, b->data + start, b->len - start);
		b->len -= start;
		start = 0;
		if (b->cap < b->len + 1 + JSON_CHUNK / 2 && !rs_buf_reserve(b, JSON_CHUNK))
			return JERR(j, RS_ENOMEM, line, "out of memory");
		st = rs_input_read(j->c->in, b->data + b->len, b->cap - b->len - 1, &got, j->err);
		if (st != RS_OK) {
			j->err->file = j->c->name;
			if (j->err->line == 0)
				j->err->line = line;
		}
		b->len += got;
		b->data[b->len] = '\0';
		eof = got == 0;
	}
	if (st == RS_OK && !j->header_done && j->nheld > 0 &&
	    (st = emit_header(j, j->hdr_line)) == RS_OK)
		st = pend_flush(j);
	else if (st == RS_OK && !j->header_done)
		st = j->npend > 0 ? JERR(j, RS_EPARSE, j->pend_line,
		                         "no line holds a JSON object (first problem: %.300s)",
		                         j->pend.data + sizeof(pend_rec))
		                  : JERR(j, RS_EPARSE, 0, "no records: the input holds no JSON object");
	return st;
}

/* ---------------------------------------------------------- JSON array */

static const char not_records[] = "expected a JSON array of objects, or an object holding one "
                                  "(for one object per line use --from jsonl)";

static rs_status array_error(jrd *j, const char *p, size_t pos, const char *what)
{
	unsigned long l, col;

	rs_text_line_col(p, pos, &l, &col);
	return JERR(j, RS_EPARSE, l, "%s at column %lu", rs_msg_tr(j->err->lang, what), col);
}

/* What a walk over an array does with each element. */
typedef enum { SCAN, KEYS, ROWS } walk;

/* One element p[s..e): in the keys pass collect keys, in the rows pass emit
 * its row, in a scan nothing. */
static rs_status array_element(jrd *j, char *p, size_t s, size_t e, unsigned long line,
                               const cJSON *v, walk mode, const char *why)
{
	char keep = p[e];
	rs_status st;

	if (why == NULL && !cJSON_IsObject(v)) {
		(void)snprintf(j->reason, sizeof j->reason, rs_msg(j->c->opts->lang, RS_M_J_FOUND),
		               kind_name(j->c->opts->lang, v));
		why = j->reason;
	}
	if (mode != ROWS)
		return mode == KEYS && why == NULL ? cols_from(j, v, line) : RS_OK;
	p[e] = '\0'; /* the raw text of a reject is a C string; restored below */
	st = why != NULL ? emit_raw(j, p + s, e - s, line, why)
	                 : emit_object(j, v, p + s, e - s, value_start(p + s, e - s), line);
	p[e] = keep;
	return st;
}

/*
 * Walks the array whose '[' is at p[i], parsing one element at a time so one
 * tree is alive at once: KEYS collects the union of keys and finds every
 * syntax error, ROWS emits the rows. *nobj and *nel count its objects and
 * elements, *end is the index after its ']'.
 */
static rs_status array_walk(jrd *j, char *p, size_t n, size_t i, walk mode, size_t *nobj,
                            size_t *nel, size_t *end)
{
	lines lc = {p, 0, 1};
	rs_status st = RS_OK;

	*nobj = *nel = 0;
	if ((i = ws(p, i + 1, n)) < n && p[i] == ']') {
		*end = i + 1;
		return RS_OK;
	}
	for (;; i = ws(p, i + 1, n)) {
		unsigned long line = line_at(&lc, i);
		const char *why = NULL;
		cJSON *v = NULL;
		size_t e = 0;

		if (i >= n) /* a ',' and then the end: point at the end */
			return array_error(j, p, n, "invalid JSON");
		if ((st = parse(j, p + i, n - i, line, &v, &e, &why)) != RS_OK)
			return st;
		if (v == NULL && why == NULL)
			return array_error(j, p, i + e, "invalid JSON");
		e += i;
		if (e - i > j->c->opts->max_record)
			st = JERR(j, RS_ELIMIT, line, "an element longer than the record limit "
			          "(%zu bytes)", j->c->opts->max_record);
		else
			st = array_element(j, p, i, e, line, v, mode, why);
		*nobj += v != NULL && cJSON_IsObject(v);
		(*nel)++;
		if (why != NULL && j->deep_line == 0)
			j->deep_line = line;
		cJSON_Delete(v);
		if (st != RS_OK)
			return st;
		if ((i = ws(p, e, n)) < n && p[i] == ']')
			break;
		if (i >= n || p[i] != ',')
			return array_error(j, p, i < n ? i : n,
			                   i < n ? "expected ',' or ']'"
			                         : "the JSON array is not closed (missing ']')");
	}
	*end = i + 1;
	return RS_OK;
}

/* The arrays of objects found in an object wrapping them (an API's reply). */
typedef struct found {
	size_t at, n;    /* the '[' of the one to read (or the last found); how many */
	bool named;      /* --json-path named it */
	size_t empty;    /* empty arrays seen */
	rs_buf paths;    /* each one's path, ", " between, for messages */
	char more[RS_PAGE_MAX]; /* what says more records follow ("paging.next says ..."), or "" */
	rs_lang g;              /* more's language */
} found;

static bool one_of(const char *key, const char *const *names)
{
	while (*names != NULL && strcmp(key, *names) != 0)
		names++;
	return *names != NULL;
}

/*
 * Does member `key` (its value v, or an object when v is NULL) say that the
 * reply is one page and more records follow? Salesforce "done": false and
 * nextRecordsUrl, HubSpot paging.next (its legacy API's "has-more": true),
 * "has_more": true, GraphQL's pageInfo.hasNextPage, @odata.nextLink,
 * Pipedrive's next_cursor, Laravel's next_page_url, OData v2's __next (SAP
 * C4C, SuccessFactors), Dynamics 365's FetchXML morerecords, Affinity's
 * next_page_token, a next page's number (Salesloft's "next_page": 2),
 * Airtable's "offset" ("itr.../rec...", a cursor; not "100" or "+08:00"),
 * SugarCRM's "next_offset" (-1 on the last page); as Java APIs page
 * (Yonyou, Kingdee, RuoYi): PageHelper's "hasNextPage", "isLastPage": false
 * and "nextPage" (0 on the last page), Spring's Slice "last": false,
 * "hasNext": true.
 */
static bool more_follow(const char *key, const cJSON *v)
{
	static const char *const next[] = {"next", "nextRecordsUrl", "@odata.nextLink", "nextLink",
	                                   "nextPageToken", "next_page", "next_page_url",
	                                   "next_cursor", "__next", "next_page_token", "nextPage",
	                                   NULL};
	static const char *const more[] = {"has_more", "hasMore", "has-more", "hasNextPage",
	                                   "more_records", "more_items_in_collection",
	                                   "@Microsoft.Dynamics.CRM.morerecords", "hasNext",
	                                   "has_next", "has_next_page", NULL};
	static const char *const last[] = {"last", "isLast", "is_last", "lastPage", "isLastPage",
	                                   "is_last_page", "last_page", NULL}; /* false: more */

	if (one_of(key, next))
		return v == NULL || (cJSON_IsString(v) && v->valuestring[0] != '\0') ||
		       (cJSON_IsNumber(v) && v->valuedouble > 0);
	if (v != NULL && one_of(key, more))
		return cJSON_IsTrue(v);
	if (v != NULL && one_of(key, last))
		return cJSON_IsFalse(v);
	if (cJSON_IsString(v) && strcmp(key, "offset") == 0)
		return strncmp(v->valuestring, "itr", 3) == 0;
	if (cJSON_IsNumber(v) && strcmp(key, "next_offset") == 0)
		return v->valuedouble >= 0;
	return v != NULL && strcmp(key, "done") == 0 && cJSON_IsFalse(v);
}

static void note_more(found *f, const rs_buf *path, const char *key, const cJSON *v)
{
	if (f->more[0] == '\0' && more_follow(key, v))
		(void)snprintf(f->more, sizeof f->more, rs_msg(f->g, RS_M_PG_MORE), path->data);
}

/*
 * What an object of the reply says of its paging. `mine`: its own members
 * (a count of the whole list or a sign of a page beside the array it holds
 * directly); `sub`: its pagination objects' (meta, pagination, info, page,
 * paging...), which also speak for an array that a plain object in it holds
 * (Spring's _embedded.accounts beside page.totalElements). Each keeps the
 * largest count of records with where it was said, and the first other sign.
 */
typedef struct said {
	double count;
	char count_at[96]; /* the count's path */
	char sign[112];    /* "meta.last_page says 3 pages", "", ... */
} said;

typedef struct paging {
	said mine, sub;
	size_t nrec; /* records of its array of objects, or of one in a plain object in it */
} paging;

/*
 * Member `key` (value v, at path) of an object of the reply, if a whole
 * number: a count of the whole list's records (Odoo's length, Salesforce's
 * totalSize, HubSpot's total, OData's @odata.count, Oracle's totalResults,
 * Yonyou U8's row_count, Spring's totalElements, Yii's totalCount, OData
 * v2's __count, Dynamics 365's totalrecordcount, DataTables' recordsTotal,
 * CouchDB's total_rows, and the totalRecord(s), totalNum, totalRow(s) of
 * Chinese APIs), of its pages (Laravel's last_page, Strapi's pageCount,
 * Spring's totalPages, totalPage) above 1, or this page's number (Zoho's
 * info.page, PageHelper's pageNum, pageNo, MyBatis-Plus's current) above 1:
 * noted in *s.
 */
static void note_count(said *s, rs_lang g, const rs_buf *path, const char *key, const cJSON *v)
{
	static const char *const counts[] = {"length", "total", "totalSize", "count", "total_count",
	                                     "totalCount", "totalResults", "total_results",
	                                     "row_count", "@odata.count", "totalElements",
	                                     "total_entries", "totalItems", "total_items",
	                                     "recordCount", "record-count", "__count",
	                                     "@Microsoft.Dynamics.CRM.totalrecordcount", "recordsTotal",
	                                     "recordsFiltered", "totalRecord", "totalRecords",
	                                     "total_records", "totalNum", "total_num", "totalRow",
	                                     "totalRows", "total_rows", NULL};
	static const char *const pages[] = {"total_pages", "totalPages", "pageCount", "page_count",
	                                    "page-count", "last_page", "lastPage", "pages",
	                                    "num_pages", "totalPage", "total_page", "pageTotal",
	                                    "page_total", NULL};
	static const char *const page[] = {"page", "current_page", "currentPage", "pageNumber",
	                                   "page_number", "pageIndex", "pageNum", "page_num",
	                                   "pageNo", "page_no", "current", NULL};
	const char *t = cJSON_IsString(v) ? v->valuestring : "";
	double n = cJSON_IsNumber(v) ? v->valuedouble : -1;

	if (*t != '\0' && t[strspn(t, "0123456789")] == '\0')
		n = strtod(t, NULL); /* Yonyou U8: "row_count": "225" */
	if (!isfinite(n) || n < 0 || n != floor(n))
		return;
	if (n > s->count && one_of(key, counts)) {
		s->count = n;
		(void)snprintf(s->count_at, sizeof s->count_at, "%s", path->data);
	} else if (n > 1 && s->sign[0] == '\0' && (one_of(key, pages) || one_of(key, page))) {
		(void)snprintf(s->sign, sizeof s->sign,
		               rs_msg(g, one_of(key, pages) ? RS_M_PG_PAGES : RS_M_PG_PAGE),
		               path->data, n);
	}
}

/* Folds what b says into a (a pagination object's into its parent's). */
static void said_add(said *a, const said *b)
{
	if (b->count > a->count) {
		a->count = b->count;
		memcpy(a->count_at, b->count_at, sizeof a->count_at);
	}
	if (a->sign[0] == '\0')
		memcpy(a->sign, b->sign, sizeof a->sign);
}

/* Does s say that the nrec records of `array` are one page? Then f->more says why. */
static void page_check(found *f, const said *s, size_t nrec, const char *array)
{
	if (nrec == 0 || f->more[0] != '\0')
		return;
	if (s->count > (double)nrec)
		(void)snprintf(f->more, sizeof f->more, rs_msg(f->g, RS_M_PG_COUNT), s->count_at,
		               s->count, array, nrec);
	else if (s->sign[0] != '\0')
		(void)snprintf(f->more, sizeof f->more, "%s", s->sign);
}

static void note_array(jrd *j, found *f, size_t at, const rs_buf *path, bool objects)
{
	const char *want = j->c->opts->json_path;

	if (want != NULL && strcmp(want, path->data) == 0) {
		f->at = at;
		f->named = true;
	}
	if (!objects)
		return;
	if (!f->named)
		f->at = at;
	if (f->n++ > 0)
		(void)rs_buf_append(&f->paths, ", ", 2);
	(void)rs_buf_append(&f->paths, path->data, path->len);
}

/*
 * Walks the object whose '{' is at p[i] for arrays of objects among its
 * members and those of the objects in it (not inside arrays: those are a
 * record's own). cJSON parses each key and every other value; path holds
 * the keys that lead here, dot-joined; *end gets the index after the '}'.
 */
static rs_status find_arrays(jrd *j, char *p, size_t n, size_t i, rs_buf *path,
                             size_t depth, found *f, size_t *end, paging *pg)
{
	static const char *const pagers[] = {"meta", "_meta", "pagination", "info", "page",
	                                     "paging", "page_context", "pages", "pageInfo",
	                                     "page_info", "pageable", NULL};
	size_t plen = path->len, e, nobj, nel, below = 0;
	const char *why, *want = j->c->opts->json_path;
	char key[48]; /* the longest key a page sign has, Dynamics 365's, fits */
	paging in;
	cJSON *v;
	rs_status st;

	memset(pg, 0, sizeof *pg);
	if (depth >= CJSON_NESTING_LIMIT)
		return array_error(j, p, i, "nested deeper than the limit");
	if ((i = ws(p, i + 1, n)) < n && p[i] == '}') {
		*end = i + 1;
		return RS_OK;
	}
	for (;;) {
		if (i >= n || p[i] != '"')
			return array_error(j, p, i < n ? i : n, "invalid JSON");
		if ((st = parse(j, p + i, n - i, 0, &v, &e, &why)) != RS_OK)
			return st;
		if (v == NULL)
			return array_error(j, p, i + e, "invalid JSON");
		if (plen > 0)
			(void)rs_buf_putc(path, '.');
		(void)rs_buf_puts(path, v->valuestring);
		(void)snprintf(key, sizeof key, "%s", v->valuestring);
		cJSON_Delete(v);
		if ((i = ws(p, i + e, n)) >= n || p[i] != ':')
			return array_error(j, p, i < n ? i : n, "expected ':'");
		if ((i = ws(p, i + 1, n)) < n && p[i] == '{') {
			note_more(f, path, key, NULL);
			if ((st = find_arrays(j, p, n, i, path, depth + 1, f, &e, &in)) != RS_OK)
				;
			else if (one_of(key, pagers)) {
				said_add(&pg->sub, &in.mine);
				said_add(&pg->sub, &in.sub);
			} else if (below == 0) {
				below = in.nrec;
			}
		} else if (i < n && p[i] == '[') {
			st = array_walk(j, p, n, i, SCAN, &nobj, &nel, &e);
			f->empty += nel == 0;
			note_array(j, f, i, path, nobj > 0 && nobj == nel);
			if (want != NULL ? strcmp(want, path->data) == 0 : nobj > 0 && nobj == nel)
				pg->nrec = nel; /* the records (meta.links, page buttons, are not) */
		} else if ((st = parse(j, p + i, n - i, 0, &v, &e, &why)) == RS_OK && v == NULL) {
			return array_error(j, p, i + e, why != NULL ? why : "invalid JSON");
		} else {
			note_more(f, path, key, v);
			note_count(&pg->mine, f->g, path, key, v);
			cJSON_Delete(v);
			e += i;
		}
		if (st != RS_OK)
			return st;
		if (path->failed)
			return JERR(j, RS_ENOMEM, 0, "out of memory");
		path->len = plen;
		path->data[plen] = '\0';
		if ((i = ws(p, e, n)) < n && p[i] == ',') {
			i = ws(p, i + 1, n);
			continue;
		}
		if (i < n && p[i] == '}') {
			page_check(f, &pg->mine, pg->nrec, rs_msg(f->g, RS_M_PG_BESIDE));
			if (pg->nrec == 0)
				pg->nrec = below;
			page_check(f, &pg->sub, pg->nrec, rs_msg(f->g, RS_M_PG_ARRAY));
			*end = i + 1;
			return RS_OK;
		}
		return array_error(j, p, i < n ? i : n, "expected ',' or '}'");
	}
}

/*
 * The top level is an object at b[i]: the array of objects it holds (the
 * only one, or the one --json-path names) goes to *at; else exit 2 naming
 * the arrays there are.
 */
static rs_status find_wrapped(jrd *j, rs_buf *b, size_t i, size_t *at)
{
	const char *want = j->c->opts->json_path;
	found f = {0, 0, false, 0, {NULL, 0, 0, false}, "", j->c->opts->lang};
	paging pg;
	rs_buf path;
	size_t end;
	rs_status st;

	rs_buf_init(&path);
	if (!rs_buf_reserve(&path, 64) || !rs_buf_reserve(&f.paths, 64))
		st = JERR(j, RS_ENOMEM, 0, "out of memory");
	else if ((st = find_arrays(j, b->data, b->len, i, &path, 1, &f, &end, &pg)) != RS_OK)
		;
	else if ((i = ws(b->data, end, b->len)) < b->len)
		st = array_error(j, b->data, i, "one object per line? use --from jsonl; text "
		                 "after the JSON object");
	else if (want != NULL && !f.named)
		st = JERR(j, RS_EUSAGE, 0, "--json-path %s: no array there; %s%s", want,
		          rs_msg_tr(j->err->lang, f.n > 0 ? "arrays of objects: "
		                                          : "the object holds no array of objects"),
		          f.n > 0 ? f.paths.data : "");
	else if (want == NULL && f.n > 1)
		st = JERR(j, RS_EUSAGE, 0, "the JSON object holds %zu arrays of objects (%s); "
		          "name the one to read with --json-path", f.n, f.paths.data);
	else if (want == NULL && f.n == 0)
		st = f.empty > 0 ? JERR(j, RS_EPARSE, 0, "no records: the JSON object's "
		                        "array holds no object")
		                 : JERR(j, RS_EPARSE, 1, "%s", rs_msg_tr(j->err->lang, not_records));
	else if (want == NULL && f.more[0] != '\0')
		st = JERR(j, RS_EUSAGE, 0, rs_msg(j->c->opts->lang, RS_M_PG_STOP), f.more,
		          f.paths.data);
	else if (j->c->page != NULL) /* read as asked, and said (rs_reader_page) */
		(void)snprintf(j->c->page, RS_PAGE_MAX, "%s", f.more);
	*at = f.at;
	rs_buf_free(&path);
	rs_buf_free(&f.paths);
	return st;
}

/* Reads the whole input into b (capped at JSON_MAX_INPUT). */
static rs_status slurp(jrd *j, rs_buf *b)
{
	size_t got;
	rs_status st;

	for (;;) {
		if (!rs_buf_reserve(b, JSON_CHUNK))
			return JERR(j, RS_ENOMEM, 0, "out of memory");
		st = rs_input_read(j->c->in, b->data + b->len, b->cap - b->len - 1, &got, j->err);
		if (st != RS_OK) {
			lines lc = {b->data, 0, 1};

			j->err->file = j->c->name;
			if (j->err->line == 0)
				j->err->line = line_at(&lc, b->len);
			return st;
		}
		b->len += got;
		b->data[b->len] = '\0';
		if (got == 0)
			return RS_OK;
		if (b->len > JSON_MAX_INPUT)
			return JERR(j, RS_ELIMIT, 0, "a JSON array larger than 1 GiB; use JSON Lines "
			            "(one object per line), which streams");
	}
}

static rs_status json_run(jrd *j, rs_buf *b)
{
	size_t i, nobj, nel, end;
	rs_status st = slurp(j, b);
	unsigned long l, col;

	if (st != RS_OK)
		return st;
	if ((i = ws(b->data, 0, b->len)) >= b->len)
		return JERR(j, RS_EPARSE, 0, "no records: the input is empty");
	if (b->data[i] == '{' && j->c->opts->array_only) {
		rs_text_line_col(b->data, i, &l, &col);
		return JERR(j, RS_EPARSE, l, "a JSON object where relstage's rows were expected: it writes "
		            "them as an array of objects (a --summary-json file is not its output)");
	}
	if (b->data[i] == '{' && (st = find_wrapped(j, b, i, &i)) != RS_OK)
		return st;
	if (b->data[i] != '[') {
		rs_text_line_col(b->data, i, &l, &col);
		return JERR(j, RS_EPARSE, l, "%s", rs_msg_tr(j->err->lang, not_records));
	}
	if ((st = array_walk(j, b->data, b->len, i, KEYS, &nobj, &nel, &end)) != RS_OK)
		return st;
	if (b->data[ws(b->data, 0, b->len)] == '[' && (end = ws(b->data, end, b->len)) < b->len)
		return array_error(j, b->data, end, "unexpected text after the JSON array");
	if (nobj == 0 && j->deep_line != 0) /* its keys unknown: no header to reject it under */
		return JERR(j, RS_EPARSE, j->deep_line, "no record could be read: the JSON array's element "
		            "here is nested deeper than %d levels, and no other is an object",
		            CJSON_NESTING_LIMIT);
	if (nobj == 0)
		return JERR(j, RS_EPARSE, 0, "no records: the JSON array holds no object");
	if ((st = emit_header(j, 1)) != RS_OK)
		return st;
	return array_walk(j, b->data, b->len, i, ROWS, &nobj, &nel, &end);
}

/* ------------------------------------------------------------- entries */

static rs_status run(const rs_read_ctx *c, rs_error *err, bool lines_fmt)
{
	jrd j = {.c = c, .err = err}; /* zero: no buffer or array yet */
	rs_buf b;
	rs_status st;

	err->file = c->name;
	rs_buf_init(&b);
	st = lines_fmt ? jsonl_run(&j, &b) : json_run(&j, &b);
	rs_buf_free(&b);
	rs_buf_free(&j.names);
	rs_buf_free(&j.pend);
	rs_buf_free(&j.text);
	void *arrays[] = {j.off, j.nlen, j.hname, j.slot, j.cell, j.len, j.type, j.stamp,
	                  j.vs, j.ve, j.nums, j.item, j.cut, j.cut_off, j.pcol, j.phead};
	for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
		rs_free(arrays[i]);
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
