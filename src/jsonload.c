/*
 * jsonload.c - the JSON loaders' toolkit (jsonload.h): problems named by
 * their JSON path, syntax errors by line and column, allocation that
 * records a failure and lets loading go on.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jsonload.h"
#include "msg.h"

void rs_ld_init(rs_ld *l, const char *name, rs_diag_fn diag, void *ctx, rs_error *err)
{
	memset(l, 0, sizeof *l);
	l->name = name;
	l->diag = diag;
	l->dctx = ctx;
	l->err = err;
	if (err != NULL) {
		l->lang = err->lang;
		rs_error_clear(err);
		err->file = name;
		err->lang = l->lang;
	}
}

void rs_ld_problem(rs_ld *l, const char *fmt, ...)
{
	rs_error e = {.status = RS_ERULES, .file = l->name, .line = l->line};
	va_list ap;

	memcpy(e.where, l->path, l->plen + 1);
	e.lang = l->lang;
	va_start(ap, fmt);
	(void)vsnprintf(e.msg, sizeof e.msg, rs_msg_tr(e.lang, fmt), ap);
	va_end(ap);
	if (l->nproblems++ == 0 && l->err != NULL)
		*l->err = e;
	if (l->diag != NULL && l->nproblems <= RS_LD_MAX_PROBLEMS)
		l->diag(l->dctx, &e);
}

rs_status rs_ld_nomem(rs_ld *l)
{
	if (l->err != NULL) {
		l->err->where[0] = '\0';
		rs_error_set(l->err, RS_ENOMEM, 0, "out of memory while loading the rules");
	}
	return RS_ENOMEM;
}

/* Appends up to n bytes of s to the path, control characters as '?' (keys
 * come from the file); a full path stops growing. */
static void put(rs_ld *l, const char *s, size_t n)
{
	for (; n > 0 && *s != '\0' && l->plen + 1 < sizeof l->path; n--, s++)
		l->path[l->plen++] = (unsigned char)*s < 0x20 ? '?' : *s;
	l->path[l->plen] = '\0';
}

size_t rs_ld_push_key(rs_ld *l, const char *key)
{
	size_t mark = l->plen;

	put(l, ".", mark > 0);
	put(l, key, 63);
	return mark;
}

size_t rs_ld_push_index(rs_ld *l, size_t i)
{
	size_t mark = l->plen;
	char tmp[32];

	(void)snprintf(tmp, sizeof tmp, "[%zu]", i);
	put(l, tmp, sizeof tmp);
	return mark;
}

void rs_ld_pop(rs_ld *l, size_t mark)
{
	l->plen = mark;
	l->path[mark] = '\0';
}

/* A syntax error at byte pos: its line, its column in characters, and a
 * little of the text there (not cutting a character in two). */
static void syntax_error(rs_ld *l, const char *text, size_t len, size_t pos, const char *what)
{
	unsigned long col;
	size_t n = 0;

	what = rs_msg_tr(l->lang, what);
	rs_text_line_col(text, pos, &l->line, &col);
	while (pos + n < len && n < 24 && text[pos + n] != '\n' && text[pos + n] != '\r' &&
	       (unsigned char)text[pos + n] >= 0x20)
		n++;
	n = rs_utf8_cut(text + pos, len - pos, n);
	if (n == 0)
		rs_ld_problem(l, "%s at column %lu, at the end of the line", what, col);
	else
		rs_ld_problem(l, "%s at column %lu, near: %.*s", what, col, (int)n, text + pos);
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
		syntax_error(l, text, len, pos, len == 0 ? "empty file" : "JSON syntax error");
		return RS_ERULES;
	}
	while (pos < len && strchr(" \t\r\n", text[pos]) != NULL && text[pos] != '\0')
		pos++;
	if (pos < len) {
		syntax_error(l, text, len, pos, "text after the end of the JSON value");
		cJSON_Delete(*root);
		*root = NULL;
		return RS_ERULES;
	}
	return RS_OK;
}

void *rs_ld_calloc(rs_ld *l, size_t n, size_t size)
{
	void *p = rs_calloc(n == 0 ? 1 : n, size);

	l->oom = l->oom || p == NULL;
	return p;
}

char *rs_ld_strdup(rs_ld *l, const char *s)
{
	char *d = rs_strdup(s);

	l->oom = l->oom || d == NULL;
	return d;
}

void rs_ld_list_add(char *list, size_t size, const char *s)
{
	size_t n = strlen(list);

	if (n + 2 < size)
		(void)snprintf(list + n, size - n, "%s%s", n ? ", " : "", s);
}

bool rs_ld_keys(rs_ld *l, const cJSON *o, const char *const *want)
{
	const cJSON *c, *d;
	char list[200];
	size_t i, m;

	if (!cJSON_IsObject(o)) {
		rs_ld_problem(l, "expected an object");
		return false;
	}
	list[0] = '\0';
	for (i = 0; want[i] != NULL; i++)
		rs_ld_list_add(list, sizeof list, want[i]);
	cJSON_ArrayForEach(c, o) {
		m = rs_ld_push_key(l, c->string);
		for (i = 0; want[i] != NULL && strcmp(want[i], c->string) != 0; i++)
			;
		if (want[i] == NULL)
			rs_ld_problem(l, "unknown key \"%.40s\" (expected: %s)", c->string, list);
		for (d = o->child; d != c && strcmp(d->string, c->string) != 0; d = d->next)
			;
		if (d != c && want[i] != NULL)
			rs_ld_problem(l, "duplicate key");
		rs_ld_pop(l, m);
	}
	return true;
}

