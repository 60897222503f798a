/*
 * rules_load.c - the rules loader's toolkit: JSON paths for messages, typed
 * getters that report what is wrong and go on, text checks. The condition
 * compiler that uses it is rules_cond.c.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"

#define MAX_PROBLEMS 100 /* passed to diag; counting goes on */
#define MAX_TEXT 2000    /* bytes in one text */
#define MAX_ID 32

static const char *const op_names[] = {"all", "any", "not", "bond", "==", "!=", "<", "<=",
                                       ">", ">=", "known", "unknown"};
static const char *const pseudo_names[] = {"stage", "downgraded", "relationship_type",
                                           "alliance_model"};
static const char *const level_words[] = {"staff", "manager", "director", "executive"};

const char *rs_cond_op_name(int op)
{
	return op >= 0 && op <= RS_C_UNKNOWN ? op_names[op] : "?";
}

const char *rs_cond_var_name(int var)
{
	return var >= RS_V_COUNT && var < RS_VAR_COUNT ? pseudo_names[var - RS_V_COUNT] : rs_var_name(var);
}

void rs_cond_value_text(rs_buf *b, const rs_rules *r, const rs_cnode *n)
{
	size_t k = (size_t)n->value;

	if (n->param != 0)
		(void)rs_buf_puts(b, r->param[n->param - 1].id);
	else if (n->var == RS_VAR_STAGE || n->var == RS_V_PREVIOUS_STAGE)
		(void)rs_buf_puts(b, r->stages[k].id);
	else if (n->var == RS_VAR_TYPE || n->var == RS_VAR_MODEL)
		(void)rs_buf_puts(b, r->kind[n->var == RS_VAR_TYPE ? RS_K_TYPE : RS_K_MODEL][k].id);
	else if (n->var == RS_VAR_DOWNGRADED || rs_var_kind(n->var) == RS_KIND_BOOL)
		(void)rs_buf_puts(b, n->value != 0 ? "true" : "false");
	else if (rs_var_kind(n->var) == RS_KIND_LEVEL)
		(void)rs_buf_puts(b, rs_level_word((int)n->value));
	else
		(void)rs_buf_put_num(b, n->value, 2);
}

const char *rs_level_word(int level)
{
	return level >= 1 && level <= 4 ? level_words[level - 1] : NULL;
}

void rs_ld_list_add(char *list, size_t size, const char *s)
{
	size_t n = strlen(list);

	if (n + 2 < size)
		(void)snprintf(list + n, size - n, "%s%s", n ? ", " : "", s);
}

void rs_ld_init(rs_ld *l, const char *name, rs_diag_fn diag, void *ctx, rs_error *err)
{
	memset(l, 0, sizeof *l);
	l->name = name;
	l->diag = diag;
	l->dctx = ctx;
	l->err = err;
	if (err != NULL) {
		rs_error_clear(err);
		err->file = name;
	}
}

static void report(rs_ld *l, unsigned long line, const char *fmt, va_list ap)
{
	rs_error e;

	memset(&e, 0, sizeof e);
	e.status = RS_ERULES;
	e.file = l->name;
	e.line = line;
	memcpy(e.where, l->path, l->plen + 1);
	(void)vsnprintf(e.msg, sizeof e.msg, fmt, ap);
	if (l->nproblems == 0 && l->err != NULL)
		*l->err = e;
	l->nproblems++;
	if (l->diag != NULL && l->nproblems <= MAX_PROBLEMS)
		l->diag(l->dctx, &e);
}

void rs_ld_problem(rs_ld *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(l, 0, fmt, ap);
	va_end(ap);
}

static void problem_line(rs_ld *l, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(l, line, fmt, ap);
	va_end(ap);
}

rs_status rs_ld_nomem(rs_ld *l)
{
	if (l->err != NULL) {
		l->err->where[0] = '\0';
		rs_error_set(l->err, RS_ENOMEM, 0, "out of memory while loading the rules");
	}
	return RS_ENOMEM;
}

/* ----------------------------------------------------------------- paths */

static size_t push(rs_ld *l, const char *s)
{
	size_t mark = l->plen, room = sizeof l->path - 1 - l->plen;
	size_t n = strlen(s);

	if (n > room)
		n = room;
	memcpy(l->path + l->plen, s, n);
	l->plen += n;
	l->path[l->plen] = '\0';
	return mark;
}

size_t rs_ld_push_key(rs_ld *l, const char *key)
{
	char tmp[64];
	size_t i, mark = l->plen;

	if (l->plen > 0)
		(void)push(l, ".");
	/* Keys come from the file: keep control characters out of messages. */
	for (i = 0; key[i] != '\0' && i < sizeof tmp - 1; i++)
		tmp[i] = (unsigned char)key[i] < 0x20 ? '?' : key[i];
	tmp[i] = '\0';
	(void)push(l, tmp);
	return mark;
}

size_t rs_ld_push_index(rs_ld *l, size_t i)
{
	char tmp[32];

	(void)snprintf(tmp, sizeof tmp, "[%zu]", i);
	return push(l, tmp);
}

void rs_ld_pop(rs_ld *l, size_t mark)
{
	l->plen = mark;
	l->path[mark] = '\0';
}

/* ---------------------------------------------------------------- parse */

/* 1-based line and column (in characters) of byte offset pos. */
static void line_col(const char *text, size_t pos, unsigned long *line, unsigned long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < pos; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

static void syntax_error(rs_ld *l, const char *text, size_t len, size_t pos, const char *what)
{
	unsigned long line, col;
	size_t n = 0;

	line_col(text, pos, &line, &col);
	while (pos + n < len && n < 24 && text[pos + n] != '\n' && text[pos + n] != '\r' &&
	       (unsigned char)text[pos + n] >= 0x20)
		n++;
	while (n > 0 && pos + n < len && ((unsigned char)text[pos + n] & 0xC0) == 0x80)
		n--; /* do not cut a character in two */
	if (n == 0)
		problem_line(l, line, "%s at column %lu, at the end of the line", what, col);
	else
		problem_line(l, line, "%s at column %lu, near: %.*s", what, col, (int)n, text + pos);
}

rs_status rs_ld_parse(rs_ld *l, const char *text, size_t len, cJSON **root)
{
	const char *end = text;
	size_t pos;
	unsigned long failures = rs_alloc_failures();

	*root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	pos = end != NULL && end >= text && end <= text + len ? (size_t)(end - text) : 0;
	if (*root == NULL && rs_alloc_failures() != failures)
		return rs_ld_nomem(l); /* cJSON says NULL for a failed allocation too */
	if (*root == NULL) {
		syntax_error(l, text, len, pos, len == 0 ? "empty rules" : "JSON syntax error");
		return RS_ERULES;
	}
	while (pos < len && strchr(" \t\r\n", text[pos]) != NULL && text[pos] != '\0')
		pos++;
	if (pos < len) {
		syntax_error(l, text, len, pos, "text after the end of the rules object");
		cJSON_Delete(*root);
		*root = NULL;
		return RS_ERULES;
	}
	return RS_OK;
}

/* --------------------------------------------------------------- values */

void *rs_ld_calloc(rs_ld *l, size_t n, size_t size)
{
	void *p = rs_calloc(n == 0 ? 1 : n, size);

	if (p == NULL)
		l->oom = true;
	return p;
}

char *rs_ld_strdup(rs_ld *l, const char *s)
{
	char *d = rs_strdup(s);

	if (d == NULL)
		l->oom = true;
	return d;
}

bool rs_ld_keys(rs_ld *l, const cJSON *o, const char *const *keys)
{
	const cJSON *c, *d;
	char list[200];
	size_t i;

	if (!cJSON_IsObject(o)) {
		rs_ld_problem(l, "expected an object");
		return false;
	}
	list[0] = '\0';
	for (i = 0; keys[i] != NULL; i++)
		rs_ld_list_add(list, sizeof list, keys[i]);
	cJSON_ArrayForEach(c, o) {
		size_t mark = rs_ld_push_key(l, c->string);

		for (i = 0; keys[i] != NULL && strcmp(keys[i], c->string) != 0; i++)
			;
		if (keys[i] == NULL)
			rs_ld_problem(l, "unknown key \"%.40s\" (expected: %s)", c->string, list);
		for (d = o->child; d != c; d = d->next)
			if (strcmp(d->string, c->string) == 0)
				break;
		if (d != c && keys[i] != NULL)
			rs_ld_problem(l, "duplicate key");
		rs_ld_pop(l, mark);
	}
	return true;
}

const cJSON *rs_ld_need(rs_ld *l, const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (v == NULL && cJSON_IsObject(o)) {
		size_t mark = rs_ld_push_key(l, key);
		rs_ld_problem(l, "missing (required)");
		rs_ld_pop(l, mark);
	}
	return v;
}

bool rs_ld_number(rs_ld *l, const cJSON *o, const char *key, bool nonneg, double *out)
{
	const cJSON *v = rs_ld_need(l, o, key);
	size_t mark;
	bool ok = false;

	*out = 0;
	if (v == NULL)
		return false;
	mark = rs_ld_push_key(l, key);
	if (!cJSON_IsNumber(v))
		rs_ld_problem(l, "expected a number");
	else if (!isfinite(v->valuedouble))
		rs_ld_problem(l, "not a finite number");
	else if (nonneg && v->valuedouble < 0)
		rs_ld_problem(l, "must not be negative");
	else
		ok = true;
	if (ok)
		*out = v->valuedouble;
	rs_ld_pop(l, mark);
	return ok;
}

const cJSON *rs_ld_array(rs_ld *l, const cJSON *o, const char *key, size_t min, size_t max)
{
	const cJSON *v = rs_ld_need(l, o, key);
	size_t mark, n;

	if (v == NULL)
		return NULL;
	mark = rs_ld_push_key(l, key);
	n = cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;
	if (!cJSON_IsArray(v))
		rs_ld_problem(l, "expected an array");
	else if (n < min)
		rs_ld_problem(l, "must not be empty");
	else if (n > max)
		rs_ld_problem(l, "has %zu entries, more than the limit of %zu", n, max);
	rs_ld_pop(l, mark);
	return cJSON_IsArray(v) && n >= min && n <= max ? v : NULL;
}

/* Well-formed UTF-8 without overlongs or surrogates. */
static bool utf8_ok(const unsigned char *s)
{
	while (*s != '\0') {
		unsigned c = *s, n, cp, i;

		if (c < 0x80) {
			s++;
			continue;
		}
		n = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : 0;
		if (n == 0)
			return false;
		cp = c & (0x3Fu >> n);
		for (i = 1; i <= n; i++) {
			if ((s[i] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i] & 0x3Fu);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return false;
		s += n + 1;
	}
	return true;
}

char *rs_ld_expand(rs_ld *l, const char *s)
{
	rs_buf b;
	const char *p, *q;
	size_t i, n;

	rs_buf_init(&b);
	(void)rs_buf_puts(&b, "");
	for (p = s; (q = strchr(p, '{')) != NULL; p = q + n + 2) {
		(void)rs_buf_append(&b, p, (size_t)(q - p));
		n = strcspn(q + 1, "{}");
		for (i = 0; i < l->r->nparams; i++)
			if (strlen(l->r->param[i].id) == n && memcmp(l->r->param[i].id, q + 1, n) == 0)
				break;
		if (q[n + 1] != '}' || (i == l->r->nparams && !(l->gap && n == 3 && memcmp(q + 1, "gap", 3) == 0))) {
			rs_ld_problem(l, "\"%.*s\" is not a param: write {name} with a name from params%s",
			              (int)(q[n + 1] == '}' ? n + 2 : 1), q, l->gap ? " or {gap}" : "");
			rs_buf_free(&b);
			return NULL;
		}
		if (i < l->r->nparams)
			(void)rs_buf_put_num(&b, l->r->param[i].value, 2);
		else
			(void)rs_buf_append(&b, q, n + 2);
	}
	(void)rs_buf_puts(&b, p);
	if (b.failed) {
		l->oom = true;
		rs_buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* Checks a text value at the current path; returns a copy or NULL. */
static char *text_value(rs_ld *l, const cJSON *v)
{
	const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
	size_t i, n = s != NULL ? strlen(s) : 0;

	if (s == NULL) {
		rs_ld_problem(l, "expected a string");
		return NULL;
	}
	for (i = 0; i < n && (unsigned char)s[i] >= 0x20; i++)
		;
	if (n == 0 || n > MAX_TEXT)
		rs_ld_problem(l, n == 0 ? "must not be empty" : "longer than %d bytes", MAX_TEXT);
	else if (i < n)
		rs_ld_problem(l, "contains a control character (a line break or tab)");
	else if (!utf8_ok((const unsigned char *)s))
		rs_ld_problem(l, "is not valid UTF-8 (save the rules file as UTF-8)");
	else
		return rs_ld_strdup(l, s);
	return NULL;
}

char **rs_ld_strings(rs_ld *l, const cJSON *arr, const char *key, size_t *n)
{
	char **v = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(arr) + 1, sizeof *v);
	const cJSON *it;
	size_t mark, i = 0, k = 0;

	*n = 0;
	if (v == NULL)
		return NULL;
	mark = rs_ld_push_key(l, key);
	cJSON_ArrayForEach(it, arr) {
		size_t m = rs_ld_push_index(l, i++);
		char *s = text_value(l, it);

		if (s != NULL)
			v[k++] = s;
		rs_ld_pop(l, m);
	}
	rs_ld_pop(l, mark);
	*n = k;
	return v;
}

void rs_ld_text_at(rs_ld *l, const cJSON *o, const char *key, rs_text *t)
{
	static const char *const langs[] = {"en", "zh", NULL};
	const cJSON *v = rs_ld_need(l, o, key);
	size_t mark;
	int g;

	if (v == NULL)
		return;
	mark = rs_ld_push_key(l, key);
	if (!cJSON_IsObject(v))
		rs_ld_problem(l, "expected a text: {\"en\": \"...\", \"zh\": \"...\"}");
	else if (rs_ld_keys(l, v, langs)) {
		for (g = 0; g < RS_LANG_COUNT; g++) {
			const cJSON *s = rs_ld_need(l, v, langs[g]);
			size_t m;

			if (s == NULL)
				continue;
			m = rs_ld_push_key(l, langs[g]);
			t->s[g] = text_value(l, s);
			if (t->s[g] != NULL && strchr(t->s[g], '{') != NULL) {
				t->raw[g] = t->s[g];
				t->s[g] = rs_ld_expand(l, t->raw[g]);
			}
			rs_ld_pop(l, m);
		}
	}
	rs_ld_pop(l, mark);
}

bool rs_ld_id_ok(const char *s)
{
	size_t i;

	if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
		return false;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return i <= MAX_ID;
}

char *rs_ld_id(rs_ld *l, const cJSON *o, const char *key, bool required)
{
	const cJSON *v = required ? rs_ld_need(l, o, key) : cJSON_GetObjectItemCaseSensitive(o, key);
	size_t mark;
	char *s = NULL;

	if (v == NULL)
		return NULL;
	mark = rs_ld_push_key(l, key);
	if (!cJSON_IsString(v) || !rs_ld_id_ok(v->valuestring))
		rs_ld_problem(l, "expected an id: a lower case letter, then letters, digits or _ "
		                 "(at most %d)", MAX_ID);
	else
		s = rs_ld_strdup(l, v->valuestring);
	rs_ld_pop(l, mark);
	return s;
}

/* The rank of the stage id v names, reported at the current path; -1 if none. */
long rs_ld_stage_value(rs_ld *l, const cJSON *v)
{
	char list[200];
	size_t i;

	list[0] = '\0';
	for (i = 0; i < l->r->nstages; i++) {
		const char *id = l->r->stages[i].id;

		if (id == NULL)
			continue;
		if (cJSON_IsString(v) && strcmp(id, v->valuestring) == 0)
			return (long)i;
		rs_ld_list_add(list, sizeof list, id);
	}
	if (list[0] == '\0')
		rs_ld_problem(l, "no valid stage is defined to refer to");
	else if (cJSON_IsString(v))
		rs_ld_problem(l, "unknown stage \"%.40s\" (expected: %s)", v->valuestring, list);
	else
		rs_ld_problem(l, "expected a stage id (one of: %s)", list);
	return -1;
}

long rs_ld_stage_ref(rs_ld *l, const cJSON *o, const char *key)
{
	const cJSON *v = rs_ld_need(l, o, key);
	size_t mark;
	long st;

	if (v == NULL)
		return -1;
	mark = rs_ld_push_key(l, key);
	st = rs_ld_stage_value(l, v);
	rs_ld_pop(l, mark);
	return st;
}

