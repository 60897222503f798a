/*
 * mapfile.c - --map-file: a JSON object a team keeps next to its exports
 * (which column is which field, extra value words and cooperation options,
 * columns to ignore, the header row). Read with the rules loader's toolkit, so every problem names
 * its key as rules errors do, and all of them are checked before the run;
 * written (rs_mapfile_write) for inspect --write-map, in the same format.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mapfile.h"
#include "msg.h"
#include "jsonload.h"

#define MAP_MAX_BYTES ((size_t)1 << 20)
#define MAX_WORDS 256 /* value words per field */

/* A field key: a field's name, else a problem. */
static int field_key(rs_ld *l, const char *key)
{
	int f = rs_var_lookup(key);

	if (f < 0 || f >= RS_F_COUNT) {
		rs_ld_problem(l, "unknown field (relstage fields lists them)");
		return -1;
	}
	return f;
}

static void read_version(rs_ld *l, rs_mapfile *m, const cJSON *v)
{
	(void)m;
	if (!(cJSON_IsNumber(v) && v->valuedouble == 1))
		rs_ld_problem(l, "expected 1, the format version");
}

static void read_header_row(rs_ld *l, rs_mapfile *m, const cJSON *v)
{
	if (cJSON_IsNumber(v) && v->valuedouble >= 1 && v->valuedouble <= 1e9 &&
	    v->valuedouble == (double)(unsigned long)v->valuedouble)
		m->header_row = (unsigned long)v->valuedouble;
	else
		rs_ld_problem(l, "expected the header's line number (1 or more)");
}

/* "fields": {"contacts": "# of Contacts", "our_sales": ""} */
static void read_fields(rs_ld *l, rs_mapfile *m, const cJSON *o)
{
	size_t n = (size_t)cJSON_GetArraySize(o), i = 0, mark;
	const cJSON *c;

	if (!cJSON_IsObject(o)) {
		rs_ld_problem(l, "expected an object: field -> column");
		return;
	}
	m->field = rs_ld_calloc(l, n, sizeof *m->field);
	m->column = rs_ld_calloc(l, n, sizeof *m->column);
	m->field_key = rs_ld_calloc(l, n, sizeof *m->field_key);
	if (l->oom)
		return;
	cJSON_ArrayForEach(c, o) {
		mark = rs_ld_push_key(l, c->string);
		if (field_key(l, c->string) >= 0 && !cJSON_IsString(c))
			rs_ld_problem(l, "expected the column's name as a string (\"\" for none)");
		else if (cJSON_IsString(c)) {
			m->field[i] = rs_ld_strdup(l, c->string);
			m->column[i] = rs_ld_strdup(l, c->valuestring);
			m->field_key[i] = rs_ld_strdup(l, l->path);
			i++;
		}
		rs_ld_pop(l, mark);
	}
	m->nfields = i;
}

static void read_ignore(rs_ld *l, rs_mapfile *m, const cJSON *a)
{
	size_t n = (size_t)cJSON_GetArraySize(a), i = 0, mark;
	const cJSON *c;

	if (!cJSON_IsArray(a)) {
		rs_ld_problem(l, "expected an array of column names");
		return;
	}
	if ((m->ignore = rs_ld_calloc(l, n, sizeof *m->ignore)) == NULL)
		return;
	cJSON_ArrayForEach(c, a) {
		mark = rs_ld_push_index(l, i);
		if (!cJSON_IsString(c) || c->valuestring[0] == '\0')
			rs_ld_problem(l, "expected a column's name");
		else
			m->ignore[m->nignore++] = rs_ld_strdup(l, c->valuestring);
		rs_ld_pop(l, mark);
		i++;
	}
}

/* The value a word stands for in field f: a word of the field's kind, or a number. */
static bool word_value(rs_ld *l, int f, const cJSON *v, double *out)
{
	bool b;
	int lv;

	switch (rs_var_kind(f)) {
	case RS_KIND_BOOL:
		if (cJSON_IsBool(v))
			return *out = cJSON_IsTrue(v), true;
		if (cJSON_IsString(v) && rs_parse_bool(v->valuestring, strlen(v->valuestring), &b) == RS_PARSE_OK)
			return *out = b, true;
		rs_ld_problem(l, "expected yes or no (or true, false)");
		return false;
	case RS_KIND_LEVEL:
		if (cJSON_IsNumber(v) && v->valuedouble >= 1 && v->valuedouble <= 4 &&
		    v->valuedouble == (double)(int)v->valuedouble)
			return *out = v->valuedouble, true;
		if (cJSON_IsString(v) && rs_parse_level(v->valuestring, strlen(v->valuestring), &lv) == RS_PARSE_OK)
			return *out = lv, true;
		rs_ld_problem(l, "expected a level: staff, manager, director or executive (or 1-4)");
		return false;
	default: /* numbers (text fields take no words: read_values) */
		if (cJSON_IsNumber(v) && v->valuedouble >= 0)
			return *out = v->valuedouble, true;
		rs_ld_problem(l, "expected a number, 0 or more");
		return false;
	}
}

/*
 * The signal an option names: a field of RS_OPTION_FIELDS, or "" (none: -1).
 * A built-in option naming another signal is a problem: the built-in
 * reading would win, and the file would say what relstage does not do.
 */
static bool option_value(rs_ld *l, const cJSON *v, double *out)
{
	int f = cJSON_IsString(v) && v->valuestring[0] != '\0' ? rs_var_lookup(v->valuestring) : -1, built;

	if (cJSON_IsString(v) && v->valuestring[0] == '\0')
		*out = -1;
	else if (f >= 0 && f < RS_F_COUNT && (RS_OPTION_FIELDS >> f & 1))
		*out = f;
	else {
		rs_ld_problem(l, "expected the signal it names: strategic_agreement, equity_tie, exclusive, "
		                 "info_sharing, price_agreement, or \"\" for none");
		return false;
	}
	if ((built = rs_value_option(v->string, strlen(v->string))) >= 0 && built != (int)*out) {
		rs_ld_problem(l, "a built-in option, naming %s: relstage reads it so", rs_var_name(built));
		return false;
	}
	return true;
}

/*
 * One field's words, {"Ja": "yes", "Nein": "no"}, or (f < 0) the cooperation
 * options, {"Reseller": ""}: each folded as cells are before the built-in
 * words (rs_value_fold: case, traditional Chinese, separators).
 */
static void read_words(rs_ld *l, int f, const cJSON *fo, rs_value_words *vw)
{
	size_t n = (size_t)cJSON_GetArraySize(fo), mark, k;
	const cJSON *w;
	char norm[128];

	vw->word = rs_ld_calloc(l, n, sizeof *vw->word);
	vw->value = rs_ld_calloc(l, n, sizeof *vw->value);
	cJSON_ArrayForEach(w, fo) {
		double v;

		mark = rs_ld_push_key(l, w->string);
		if ((k = rs_value_fold(w->string, strlen(w->string), norm, sizeof norm)) == 0 || k >= sizeof norm)
			rs_ld_problem(l, f < 0 ? "expected an option of 1 to %zu bytes" : "expected a word of 1 to %zu bytes",
			              sizeof norm - 2);
		else if ((f < 0 ? option_value(l, w, &v) : word_value(l, f, w, &v)) && vw->word != NULL &&
		         vw->value != NULL) {
			vw->word[vw->n] = rs_ld_strdup(l, norm);
			vw->value[vw->n++] = v;
		}
		rs_ld_pop(l, mark);
	}
}

/* "values": {"key_person": {"Ja": "yes"}, "top_contact_level": {"VP": "executive"}} */
static void read_values(rs_ld *l, rs_mapfile *m, const cJSON *o)
{
	const cJSON *fo;
	size_t mark;
	int f;

	if (!cJSON_IsObject(o)) {
		rs_ld_problem(l, "expected an object: field -> {word: value}");
		return;
	}
	cJSON_ArrayForEach(fo, o) {
		mark = rs_ld_push_key(l, fo->string);
		if ((f = field_key(l, fo->string)) >= 0) {
			if (rs_var_kind(f) == RS_KIND_TEXT)
				rs_ld_problem(l, "id and name take no value words");
			else if (!cJSON_IsObject(fo) || cJSON_GetArraySize(fo) > MAX_WORDS)
				rs_ld_problem(l, "expected an object of at most %d words: {\"word\": value}", MAX_WORDS);
			else if (m->words[f].n > 0)
				rs_ld_problem(l, "duplicate key");
			else
				read_words(l, f, fo, &m->words[f]);
		}
		rs_ld_pop(l, mark);
	}
}

/* "options": {"Key Account Program": "strategic_agreement", "Reseller": ""}:
 * a cooperation column's options the built-in ones do not name. */
static void read_options(rs_ld *l, rs_mapfile *m, const cJSON *o)
{
	if (!cJSON_IsObject(o) || cJSON_GetArraySize(o) > MAX_WORDS)
		rs_ld_problem(l, "expected an object of at most %d options: {\"option\": \"field\"}", MAX_WORDS);
	else
		read_words(l, -1, o, &m->options);
}

/* The top keys, each with its reader, in the order their problems are listed. */
static const char *const top_keys[] = {"relstage_map", "header_row", "fields", "ignore", "values",
                                       "options", NULL};
static void (*const top_readers[])(rs_ld *, rs_mapfile *, const cJSON *) = {
	read_version, read_header_row, read_fields, read_ignore, read_values, read_options,
};

static void read_map(rs_ld *l, rs_mapfile *m, const cJSON *root)
{
	const cJSON *v;
	size_t k, mark;

	if (!rs_ld_keys(l, root, top_keys))
		return;
	for (k = 0; top_keys[k] != NULL; k++) {
		if ((v = cJSON_GetObjectItemCaseSensitive(root, top_keys[k])) == NULL)
			continue;
		mark = rs_ld_push_key(l, top_keys[k]);
		top_readers[k](l, m, v);
		rs_ld_pop(l, mark);
	}
}

/* Every problem after the first joins its message: all are fixed in one round. */
static void more_problems(void *ctx, const rs_error *e)
{
	rs_error *err = ctx;
	size_t n = strlen(err->msg);

	if (e == NULL || (e->line == err->line && strcmp(e->where, err->where) == 0 &&
	                  strcmp(e->msg, err->msg) == 0))
		return; /* the first one, which err holds */
	if (n + 16 < sizeof err->msg) {
		char one[sizeof err->msg];
		int k = snprintf(one, sizeof one, "%s%s%s%s", rs_msg_tr(err->lang, "; "), e->where, e->where[0] ? ": " : "", e->msg);
		(void)rs_field_shown(err->msg + n, sizeof err->msg - n, one, k > 0 ? (size_t)k : 0);
	}
}

rs_status rs_mapfile_parse(rs_mapfile **out, const char *text, size_t len, const char *name,
                           rs_error *err)
{
	rs_mapfile *m = rs_calloc(1, sizeof *m);
	cJSON *root = NULL;
	rs_status st;
	rs_ld l;

	*out = NULL;
	if (m == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	m->name = name;
	rs_ld_init(&l, name, more_problems, err, err);
	st = rs_ld_parse(&l, text, len, &root);
	if (st == RS_OK)
		read_map(&l, m, root);
	cJSON_Delete(root);
	if (l.oom || st == RS_ENOMEM) {
		err->where[0] = '\0';
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	} else if (st != RS_OK || l.nproblems > 0) {
		st = err->status = RS_EUSAGE; /* the loader's RS_ERULES: a usage problem here */
	}
	if (st != RS_OK) {
		rs_mapfile_free(m);
		return st;
	}
	*out = m;
	return RS_OK;
}

rs_status rs_mapfile_load(rs_mapfile **out, const char *path, rs_error *err)
{
	FILE *fp = fopen(path, "rb");
	char *text = NULL;
	size_t n = 0;
	rs_status st;

	*out = NULL;
	err->file = path;
	err->where[0] = '\0';
	if (fp == NULL)
		return rs_error_set(err, RS_EIO, 0, "cannot open: %s", strerror(errno));
	text = rs_malloc(MAP_MAX_BYTES + 1);
	if (text == NULL)
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	else if ((n = fread(text, 1, MAP_MAX_BYTES + 1, fp)) > MAP_MAX_BYTES)
		st = rs_error_set(err, RS_ELIMIT, 0, "a map file is at most 1 MiB");
	else if (ferror(fp))
		st = rs_error_set(err, RS_EIO, 0, "read failed: %s", strerror(errno));
	else
		st = rs_mapfile_parse(out, text, n, path, err);
	rs_free(text);
	(void)fclose(fp);
	return st;
}

void rs_mapfile_free(rs_mapfile *m)
{
	size_t i;
	int f;

	if (m == NULL)
		return;
	for (i = 0; i < m->nfields; i++) {
		rs_free(m->field[i]);
		rs_free(m->column[i]);
		rs_free(m->field_key[i]);
	}
	rs_free(m->field);
	rs_free(m->column);
	rs_free(m->field_key);
	for (i = 0; i < m->nignore; i++)
		rs_free(m->ignore[i]);
	rs_free(m->ignore);
	for (f = 0; f < RS_F_COUNT; f++) {
		for (i = 0; i < m->words[f].n; i++)
			rs_free(m->words[f].word[i]);
		rs_free(m->words[f].word);
		rs_free(m->words[f].value);
	}
	for (i = 0; i < m->options.n; i++)
		rs_free(m->options.word[i]);
	rs_free(m->options.word);
	rs_free(m->options.value);
	rs_free(m);
}

/*
 * The writer: the format above, as a person would start one, laid out one
 * key a line so a team can edit it; rs_mapfile_parse reads back what it
 * writes (test_mapfile's round trip keeps the two in step).
 */
static void write_fields(rs_buf *b, const char *const column[RS_F_COUNT])
{
	bool first = true;
	int f;

	rs_buf_puts(b, ",\n  \"fields\": {");
	for (f = 0; f < RS_F_COUNT; f++) {
		if (column[f] == NULL)
			continue;
		rs_buf_puts(b, first ? "\n    " : ",\n    ");
		first = false;
		rs_buf_json_str(b, rs_var_name(f));
		rs_buf_puts(b, ": ");
		rs_buf_json_str(b, column[f]);
	}
	rs_buf_puts(b, first ? "}" : "\n  }");
}

static void write_values(rs_buf *b, const rs_mapfile *from)
{
	bool first = true;
	size_t k;
	int f;

	for (f = 0; from != NULL && f < RS_F_COUNT; f++) {
		if (from->words[f].n == 0)
			continue;
		rs_buf_puts(b, first ? ",\n  \"values\": {\n    " : ",\n    ");
		first = false;
		rs_buf_json_str(b, rs_var_name(f));
		rs_buf_puts(b, ": {");
		for (k = 0; k < from->words[f].n; k++) {
			double v = from->words[f].value[k];
			rs_buf_puts(b, k ? ", " : "");
			rs_buf_json_str(b, from->words[f].word[k]);
			rs_buf_puts(b, ": ");
			if (rs_var_kind(f) == RS_KIND_BOOL)
				rs_buf_puts(b, v != 0 ? "\"yes\"" : "\"no\"");
			else if (rs_var_kind(f) == RS_KIND_LEVEL)
				rs_buf_json_str(b, rs_level_name(v));
			else
				rs_buf_put_num(b, v, 6);
		}
		rs_buf_puts(b, "}");
	}
	rs_buf_puts(b, first ? "" : "\n  }");
}

void rs_mapfile_write(rs_buf *b, const char *const column[RS_F_COUNT], unsigned long header_row,
                      const char *const *ignores, size_t nignores, const rs_mapfile *from)
{
	size_t i, k, nfrom = from != NULL ? from->nignore : 0;
	int f;

	rs_buf_puts(b, "{\n  \"relstage_map\": 1");
	if (header_row > 0)
		rs_buf_printf(b, ",\n  \"header_row\": %lu", header_row);
	write_fields(b, column);
	rs_buf_puts(b, ",\n  \"ignore\": [");
	for (i = 0; i < nignores + nfrom; i++) {
		rs_buf_puts(b, i > 0 ? ", " : "");
		rs_buf_json_str(b, i < nignores ? ignores[i] : from->ignore[i - nignores]);
	}
	rs_buf_puts(b, "]");
	write_values(b, from);
	for (k = 0; from != NULL && k < from->options.n; k++) {
		rs_buf_puts(b, k ? ", " : ",\n  \"options\": {");
		rs_buf_json_str(b, from->options.word[k]);
		rs_buf_puts(b, ": ");
		f = (int)from->options.value[k];
		rs_buf_json_str(b, f >= 0 ? rs_var_name(f) : "");
	}
	rs_buf_puts(b, from != NULL && from->options.n > 0 ? "}\n}\n" : "\n}\n");
}
