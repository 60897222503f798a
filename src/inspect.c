/*
 * inspect.c - relstage inspect: the inputs read as a run reads them (the same
 * reader, classifier and intake calls) with nothing written but a report of
 * how: format, encoding, delimiter, header row, each field's column and how
 * it was found, unused columns, notes, the first rows' values, and counts of
 * rows classified, skipped and rejected. Text for a person, JSON for scripts.
 * Also the JSON of the fields and notes that --summary-json carries.
 * The text is worded in the run's language (msg.c's RS_M_I_ rows); the JSON
 * keeps its English words whatever the language, for scripts.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "classify_impl.h"
#include "mapfile.h"
#include "msg.h"

#define SHOWN_ROWS 5   /* the first rows shown with their values */
#define LISTED 100     /* rejected and skipped rows listed */

typedef struct file_info {
	const char *name;
	rs_format format;
	char encoding[48]; /* as long as rs_input's */
	char delimiter;
	unsigned long header_line, titles;
	unsigned long top_line; /* a two-row header's upper line, or 0 */
	bool header;
} file_info;

/* What came of a shown row: the text says it in the report's language, the
 * JSON's outcome in English ("skipped: totals"). */
typedef enum shown_end { END_HELD, END_STAGE, END_REJECTED, END_SKIPPED } shown_end;

typedef struct shown_row {
	size_t file;
	unsigned long line;
	char values[700]; /* field=value ..., cut with "..." (in the report's language) */
	rs_buf json;      /* {"field":value,...} */
	char outcome[480];
	shown_end end;
	int skip;         /* END_SKIPPED: the RS_SKIP_ kind */
	bool told;        /* the outcome is in */
} shown_row;

typedef struct listed {
	size_t file;
	unsigned long line;
	int skip; /* a skipped row's RS_SKIP_ kind, whose English name starts text */
	char text[sizeof ((rs_error *)0)->where + sizeof ((rs_error *)0)->msg]; /* WHERE: MSG */
} listed;

typedef struct insp {
	rs_classifier *cls;
	rs_reader *rd;
	file_info *files;
	size_t nfiles, cur;
	shown_row shown[SHOWN_ROWS];
	size_t nshown;
	listed *rejects, *skips, *notes;
	size_t nrejects, nskips, nnotes;
	unsigned long more_rejects, more_skips;
	rs_lang lang; /* the text report's */
	bool oom; /* a list or a row's values could not be kept: no report */
} insp;

/* ------------------------------------------------------------ helpers */

static void jkey(rs_buf *b, const char *k, bool comma)
{
	if (comma)
		rs_buf_putc(b, ',');
	rs_buf_json_str(b, k);
	rs_buf_putc(b, ':');
}

/* ,"k":"v", or ,"k":null when v is NULL. */
static void jstr(rs_buf *b, const char *k, const char *v)
{
	jkey(b, k, true);
	if (v != NULL)
		rs_buf_json_str(b, v);
	else
		rs_buf_puts(b, "null");
}

/* The header cell of input column col (trimmed), from the header kept. */
static void header_text(rs_classifier *c, long col, char *buf, size_t cap)
{
	const rs_row *h = rs_intake_first_header(&c->in);
	const char *s;
	size_t n;

	buf[0] = '\0';
	if (h == NULL || col < 0 || (size_t)col >= h->n)
		return;
	s = h->cell[col];
	n = h->len[col];
	rs_value_trim(&s, &n);
	(void)rs_field_shown(buf, cap, s, n);
}

static const rs_fieldmap *map_of(const rs_classifier *c)
{
	return c->map != NULL ? c->map : c->partial;
}

/* The name of field f's column: its header cell, else where the map found it. */
static void column_text(rs_classifier *c, const rs_fieldmap *m, int f, char *buf, size_t cap)
{
	header_text(c, m->col[f], buf, cap);
	if (buf[0] == '\0')
		(void)snprintf(buf, cap, "%s", m->where[f][0] ? m->where[f] : rs_var_name(f));
}

/* ---------------------------------------------- fields and notes, JSON */

/* "fields":{"id":{"column":"Account ID","index":1,"how":"built-in name"},"name":null,...} */
void rs_inspect_fields_json(const rs_classifier *cc, rs_buf *b)
{
	rs_classifier *c = (rs_classifier *)cc; /* header_text hands out a held row */
	const rs_fieldmap *m = map_of(c);
	char text[RS_FIELD_WHERE_MAX];
	int f;

	rs_buf_puts(b, "{");
	for (f = 0; m != NULL && f < RS_F_COUNT; f++) {
		jkey(b, rs_var_name(f), f > 0);
		if (m->col[f] < 0 && m->how[f] < RS_HOW_OFF) {
			rs_buf_puts(b, "null");
			continue;
		}
		rs_buf_puts(b, "{\"column\":");
		if (m->col[f] < 0) {
			rs_buf_puts(b, "null");
		} else {
			column_text(c, m, f, text, sizeof text);
			rs_buf_json_str(b, text);
			rs_buf_printf(b, ",\"index\":%lu", (unsigned long)m->col[f] + 1);
		}
		jstr(b, "how", rs_how_names[m->how[f]]);
		if (m->how[f] == RS_HOW_WORDS) /* only with a column (WORDS < OFF) */
			jstr(b, "words", m->matched[f]);
		rs_buf_putc(b, '}');
	}
	rs_buf_putc(b, '}');
}

/* "notes":["contact depth: ...", ...] */
void rs_inspect_notes_json(const rs_classifier *c, rs_buf *b)
{
	const char *p = c->notes.data, *nl;

	rs_buf_putc(b, '[');
	for (; p != NULL && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		if (p != c->notes.data)
			rs_buf_putc(b, ',');
		rs_buf_json_mem(b, p, (size_t)(nl - p));
	}
	rs_buf_putc(b, ']');
	if (c->notes.failed)
		b->failed = true; /* a note lost to a short memory: out of memory, never a gap */
}

/* ---------------------------------------------------------- the run */

static listed *list_add(insp *z, listed **arr, size_t *n, unsigned long *more, size_t file,
                        unsigned long line)
{
	listed *l;

	if (*n >= LISTED) {
		++*more;
		return NULL;
	}
	if (*arr == NULL && (*arr = rs_calloc(LISTED, sizeof **arr)) == NULL) {
		z->oom = true;
		return NULL;
	}
	l = &(*arr)[(*n)++];
	*l = (listed){.file = file, .line = line};
	return l;
}

/* The shown row an outcome of this line is for, if it is one: the first
 * still without one (a JSON array's records may share a line). */
static shown_row *shown_at(insp *z, unsigned long line)
{
	size_t i;

	for (i = 0; i < z->nshown; i++)
		if (z->shown[i].file == z->cur && z->shown[i].line == line && !z->shown[i].told) {
			z->shown[i].told = true;
			return &z->shown[i];
		}
	return NULL;
}

static rs_status on_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	insp *z = ctx;
	listed *l = list_add(z, &z->rejects, &z->nrejects, &z->more_rejects, z->cur, row->line);
	shown_row *s = shown_at(z, row->line);
	char msg[sizeof l->text];

	why->file = NULL;
	why->line = 0;
	(void)rs_error_format(why, msg, sizeof msg);
	if (l != NULL)
		memcpy(l->text, msg, sizeof msg);
	if (s != NULL) {
		s->end = END_REJECTED;
		memcpy(s->outcome, "rejected: ", 10);
		(void)rs_field_shown(s->outcome + 10, sizeof s->outcome - 10, msg, strlen(msg));
	}
	return z->oom ? rs_error_set(err, RS_ENOMEM, row->line, "out of memory") : RS_OK;
}

static void on_skip(void *ctx, const rs_row *row, int kind)
{
	insp *z = ctx;
	listed *l = list_add(z, &z->skips, &z->nskips, &z->more_skips, z->cur, row->line);
	shown_row *s = shown_at(z, row->line);
	char cell[64] = "";
	size_t i;

	if (kind == RS_SKIP_TITLE)
		z->files[z->cur].titles++;
	for (i = 0; i < row->n && cell[0] == '\0'; i++)
		if (row->len[i] > 0)
			(void)rs_field_shown(cell, sizeof cell, row->cell[i], row->len[i]);
	if (l != NULL) {
		l->skip = kind;
		(void)snprintf(l->text, sizeof l->text, "%s \"%s\"", rs_skip_name(kind), cell);
	}
	if (s != NULL) {
		s->end = END_SKIPPED;
		s->skip = kind;
		(void)snprintf(s->outcome, sizeof s->outcome, "skipped: %s", rs_skip_name(kind));
	}
}

static void on_note(void *ctx, const rs_error *e)
{
	insp *z = ctx;
	unsigned long dropped = 0;
	listed *l = list_add(z, &z->notes, &z->nnotes, &dropped, z->cur, e->line);

	if (l != NULL)
		(void)snprintf(l->text, sizeof l->text, "%s", e->msg);
}

/* A data row's values as the field map reads them, for the first rows. */
static void show_values(insp *z, const rs_row *row)
{
	rs_classifier *c = z->cls;
	shown_row *s = &z->shown[z->nshown++];
	rs_lang g = z->lang;
	rs_account a;
	rs_error e = {0};
	uint32_t failed = 0, guessed = 0;
	size_t have = 0;
	char v[96], cell[64];
	rs_buf *j = &s->json;
	int f;

	rs_buf_putc(j, '{');
	s->file = z->cur;
	s->line = row->line;
	s->told = false;
	s->end = END_HELD;
	s->values[0] = '\0';
	(void)snprintf(s->outcome, sizeof s->outcome, "held back");
	rs_error_clear(&e);
	(void)rs_fieldmap_read(c->map, row, &a, &guessed, &failed, &e);
	for (f = 0; f < RS_F_COUNT && row->n == c->map->ncols; f++) {
		long col = c->map->col[f];
		if (col < 0)
			continue;
		(void)rs_field_shown(cell, sizeof cell, row->cell[col], row->len[col]);
		jkey(j, rs_var_name(f), j->len > 1);
		if (failed >> f & 1) {
			rs_buf_puts(j, "{\"bad\":");
			rs_buf_json_str(j, cell);
			rs_buf_putc(j, '}');
			(void)snprintf(v, sizeof v, rs_msg(g, RS_M_I_BAD), cell);
		} else if (!rs_known(&a, f)) {
			rs_buf_puts(j, "null");
			(void)snprintf(v, sizeof v,
			               rs_msg(g, rs_value_placeholder(row->cell[col], row->len[col])
			                             ? RS_M_I_UNKNOWN
			                             : RS_M_I_EMPTY),
			               cell);
		} else if (rs_var_kind(f) == RS_KIND_TEXT) {
			rs_buf_json_str(j, cell);
			(void)snprintf(v, sizeof v, "\"%s\"", cell);
		} else if (rs_var_kind(f) == RS_KIND_BOOL) {
			rs_buf_puts(j, a.v[f] != 0 ? "true" : "false");
			(void)snprintf(v, sizeof v, "%s", rs_msg(g, a.v[f] != 0 ? RS_M_I_YES : RS_M_I_NO));
		} else if (rs_var_kind(f) == RS_KIND_LEVEL) {
			rs_buf_json_str(j, rs_level_name(a.v[f]));
			(void)snprintf(v, sizeof v, "%s", rs_level_name(a.v[f]));
		} else {
			rs_buf_put_num(j, a.v[f], 6);
			(void)snprintf(v, sizeof v, "%.15g", a.v[f]);
		}
		have += (size_t)snprintf(s->values + have, have < sizeof s->values ? sizeof s->values - have : 0,
		                         "%s%s=%s", have ? " " : "", rs_var_name(f), v);
		if (have >= sizeof s->values) {
			memcpy(s->values + sizeof s->values - 4, "...", 4);
			have = sizeof s->values - 1;
		}
	}
	rs_buf_putc(j, '}');
	z->oom |= j->failed;
}

static rs_status on_header(void *ctx, const rs_row *out, const rs_row *in, rs_error *err)
{
	insp *z = ctx;

	(void)out;
	(void)err;
	z->files[z->cur].header = true;
	z->files[z->cur].header_line = in->line;
	z->files[z->cur].top_line = rs_intake_two_rows(&z->cls->in) != NULL ? z->cls->in.two_top : 0;
	return RS_OK;
}

/* Each row before it is classified: the first ones' values are shown. */
static void peek_row(void *ctx, const rs_row *row)
{
	insp *z = ctx;

	if (z->nshown < SHOWN_ROWS && !rs_header_blank(row))
		show_values(z, row);
}

static rs_status on_row(void *ctx, const rs_row *out, rs_error *err)
{
	insp *z = ctx;
	shown_row *s = shown_at(z, out->line);

	if (z->oom)
		return rs_error_set(err, RS_ENOMEM, out->line, "out of memory");
	if (s != NULL) {
		s->end = END_STAGE;
		(void)snprintf(s->outcome, sizeof s->outcome, "%s", out->cell[z->cls->nin + COL_STAGE]);
	}
	return RS_OK;
}

static rs_status read_file(insp *z, const char *path, const rs_read_opts *ro, rs_error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	file_info *fi = &z->files[z->cur];
	rs_status st;

	fi->name = name;
	err->file = name;
	if (fp == NULL)
		return rs_error_set(err, RS_EIO, 0, "cannot open: %s", strerror(errno));
	st = rs_reader_open(&z->rd, fp, name, ro, err);
	if (st == RS_OK) {
		fi->format = rs_reader_format(z->rd);
		(void)snprintf(fi->encoding, sizeof fi->encoding, "%s", rs_reader_encoding(z->rd));
		st = rs_classifier_file(z->cls, z->rd, err);
		fi->delimiter = rs_reader_delimiter(z->rd);
	}
	if (st != RS_OK && err->file == NULL)
		err->file = name;
	rs_reader_free(z->rd);
	z->rd = NULL;
	if (!is_stdin)
		(void)fclose(fp);
	return st;
}

/* ------------------------------------------------------------ the report */

/* The delimiter: "tab" (tab), else the character, quoted for a person ("';'"). */
static const char *delim_text(char d, const char *tab, bool quoted, char *buf)
{
	if (d == '\t')
		return tab;
	(void)snprintf(buf, 4, quoted ? "'%c'" : "%c", d);
	return buf;
}

/* How field f was found, or why from nothing, in the report's language. */
static const char *how_text(const insp *z, const rs_fieldmap *m, int f, char *buf, size_t cap)
{
	const char *how = rs_msg(z->lang, (rs_msg_id)(RS_M_I_HOW + m->how[f]));

	if (m->col[f] >= 0 || m->how[f] < RS_HOW_OFF)
		return how;
	(void)snprintf(buf, cap, rs_msg(z->lang, m->keys ? RS_M_I_NO_KEY : RS_M_I_NO_COLUMN), how);
	return buf;
}

static void text_fields(insp *z, rs_buf *b)
{
	rs_classifier *c = z->cls;
	const rs_fieldmap *m = map_of(c);
	const rs_row *h = rs_intake_first_header(&c->in);
	rs_lang g = z->lang;
	char text[RS_FIELD_WHERE_MAX], col[RS_FIELD_WHERE_MAX + 40], how[80];
	bool unused = false;
	size_t i, w;
	int f, k;

	if (m == NULL)
		return;
	rs_buf_puts(b, rs_msg(g, RS_M_I_FIELDS));
	for (f = 0; f < RS_F_COUNT; f++) {
		if (m->col[f] < 0) {
			memcpy(col, "-", 2);
		} else {
			column_text(c, m, f, text, sizeof text);
			if (m->keys) /* a key's place among the keys first seen says little */
				(void)snprintf(col, sizeof col, rs_msg(g, RS_M_I_AT_KEY), text);
			else
				(void)snprintf(col, sizeof col, rs_msg(g, RS_M_I_AT_COLUMN), m->col[f] + 1, text);
		}
		w = rs_display_width(col, strlen(col)); /* padded by what a terminal shows */
		rs_buf_printf(b, "  %-20s %s%*s %s", rs_var_name(f), col, w < 34 ? (int)(34 - w) : 0, "",
		              how_text(z, m, f, how, sizeof how));
		if (m->col[f] >= 0 && m->how[f] == RS_HOW_WORDS)
			rs_buf_printf(b, rs_msg(g, RS_M_I_WORDS), m->matched[f]);
		rs_buf_putc(b, '\n');
	}
	for (i = 0; h != NULL && i < h->n; i++) {
		for (k = 0; k < RS_F_COUNT && m->col[k] != (long)i; k++)
			;
		if (k < RS_F_COUNT)
			continue;
		rs_buf_puts(b, rs_msg(g, unused    ? RS_M_I_UNUSED_SEP
		                         : m->keys ? RS_M_I_UNUSED_KEYS
		                                   : RS_M_I_UNUSED_COLS));
		unused = true;
		header_text(c, (long)i, text, sizeof text);
		if (!m->keys)
			rs_buf_printf(b, rs_msg(g, RS_M_I_UNUSED_COL), i + 1);
		rs_buf_printf(b, "\"%s\"%s", text,
		              rs_intake_out_col(c, (long)i) < 0 ? rs_msg(g, RS_M_I_REPLACED) : "");
	}
	if (unused)
		rs_buf_putc(b, '\n');
}

/* A list of rows under its title; a skipped row's text starts with its kind's
 * English name (the JSON's), said in the report's language. */
static void text_list(insp *z, rs_buf *b, rs_msg_id title, const listed *l, size_t n,
                      unsigned long more, bool skips)
{
	size_t i;

	if (n == 0)
		return;
	rs_buf_puts(b, rs_msg(z->lang, title));
	rs_buf_puts(b, "\n");
	for (i = 0; i < n; i++) {
		rs_buf_printf(b, "  %s", z->files[l[i].file].name);
		if (l[i].line != 0) /* else a note of the whole file, as the run says it */
			rs_buf_printf(b, ":%lu", l[i].line);
		if (skips)
			rs_buf_printf(b, ": %s%s\n", rs_msg(z->lang, (rs_msg_id)(RS_M_I_SKIP + l[i].skip)),
			              l[i].text + strlen(rs_skip_name(l[i].skip)));
		else
			rs_buf_printf(b, ": %s\n", l[i].text);
	}
	if (more > 0)
		rs_buf_printf(b, rs_msg(z->lang, RS_M_I_MORE), more);
}

/* JSON has no header row, its keys are the columns: what they do not give. */
static const char *json_no_header(insp *z)
{
	const rs_fieldmap *m = map_of(z->cls);

	if (m == NULL)
		return rs_msg(z->lang, RS_M_I_JSON_BELOW);
	return rs_msg(z->lang, (rs_msg_id)(RS_M_I_JSON_BELOW + (m->col[RS_F_ID] < 0) +
	                                   2 * (m->col[RS_F_PURCHASE_SHARE] < 0 &&
	                                        (m->col[RS_F_OUR_SALES] < 0 ||
	                                         m->col[RS_F_CUSTOMER_SPEND] < 0))));
}

/* A first row's outcome: its stage id, or why it has none, in the report's language. */
static void text_outcome(const insp *z, const shown_row *s, rs_buf *b)
{
	if (s->end == END_STAGE)
		rs_buf_puts(b, s->outcome);
	else if (s->end == END_REJECTED) /* the reason after the JSON's "rejected: " */
		rs_buf_printf(b, rs_msg(z->lang, RS_M_I_REJECTED_AS), s->outcome + 10);
	else if (s->end == END_SKIPPED)
		rs_buf_printf(b, rs_msg(z->lang, RS_M_I_SKIPPED_AS),
		              rs_msg(z->lang, (rs_msg_id)(RS_M_I_SKIP + s->skip)));
	else
		rs_buf_puts(b, rs_msg(z->lang, RS_M_I_HELD));
}

/* "  read        8": a count after its label, padded to 12 display columns. */
static void text_count(const insp *z, rs_buf *b, rs_msg_id label, unsigned long n, const char *end)
{
	const char *t = rs_msg(z->lang, label);
	size_t w = rs_display_width(t, strlen(t));

	rs_buf_printf(b, "  %s%*s%lu%s", t, w < 12 ? (int)(12 - w) : 0, "", n, end);
}

static void text_report(insp *z, const rs_stats *s, const rs_error *stop, rs_buf *b)
{
	rs_lang g = z->lang;
	char d[4];
	size_t i;

	for (i = 0; i < z->nfiles && z->files[i].name != NULL; i++) {
		const file_info *fi = &z->files[i];

		rs_buf_printf(b, rs_msg(g, RS_M_I_FILE), fi->name);
		if (fi->encoding[0] == '\0') { /* never opened: the stop below says why */
			rs_buf_puts(b, rs_msg(g, RS_M_I_NOT_READ));
			continue;
		}
		rs_buf_printf(b, rs_msg(g, RS_M_I_FORMAT), rs_format_name(fi->format), fi->encoding);
		if (fi->delimiter != 0)
			rs_buf_printf(b, rs_msg(g, RS_M_I_DELIMITER),
			              delim_text(fi->delimiter, rs_msg(g, RS_M_I_TAB), true, d));
		if (fi->format == RS_FMT_JSON || fi->format == RS_FMT_JSONL)
			rs_buf_printf(b, "\n  %s\n",
			              fi->header ? rs_msg(g, RS_M_I_JSON_COLS) : json_no_header(z));
		else if (fi->header && fi->top_line != 0)
			rs_buf_printf(b, rs_msg(g, RS_M_I_HEADER_TWO), fi->top_line, fi->header_line, fi->titles,
			              fi->titles == 1 ? "" : "s");
		else if (fi->header)
			rs_buf_printf(b, rs_msg(g, RS_M_I_HEADER_LINE), fi->header_line, fi->titles,
			              fi->titles == 1 ? "" : "s");
		else
			rs_buf_puts(b, rs_msg(g, RS_M_I_NO_HEADER));
	}
	text_fields(z, b);
	text_list(z, b, RS_M_I_NOTES, z->notes, z->nnotes, 0, false);
	if (z->nshown > 0)
		rs_buf_puts(b, rs_msg(g, RS_M_I_FIRST_ROWS));
	for (i = 0; i < z->nshown; i++) {
		rs_buf_printf(b, rs_msg(g, RS_M_I_LINE), z->shown[i].line, z->shown[i].values);
		text_outcome(z, &z->shown[i], b);
		rs_buf_putc(b, '\n');
	}
	rs_buf_puts(b, rs_msg(g, RS_M_I_ROWS));
	text_count(z, b, RS_M_I_READ, s->read, "\n");
	text_count(z, b, RS_M_I_CLASSIFIED, s->classified, "\n");
	text_count(z, b, RS_M_I_REJECTED, s->rejected, "\n");
	text_count(z, b, RS_M_I_SKIPPED, s->skipped[0] + s->skipped[1] + s->skipped[2] + s->skipped[3],
	           "");
	rs_buf_printf(b, rs_msg(g, RS_M_I_SKIP_KINDS), s->skipped[0], s->skipped[1], s->skipped[2],
	              s->skipped[3]);
	text_list(z, b, RS_M_I_REJECTED_ROWS, z->rejects, z->nrejects, z->more_rejects, false);
	text_list(z, b, RS_M_I_SKIPPED_ROWS, z->skips, z->nskips, z->more_skips, true);
	if (stop != NULL) {
		rs_buf_puts(b, rs_msg(g, RS_M_I_STOP));
		rs_buf_error(b, stop);
		rs_buf_putc(b, '\n');
	}
}

static void json_list(insp *z, rs_buf *b, const char *key, const listed *l, size_t n, const char *what)
{
	size_t i;

	jkey(b, key, true);
	rs_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		rs_buf_puts(b, i ? ",{\"file\":" : "{\"file\":");
		rs_buf_json_str(b, z->files[l[i].file].name);
		rs_buf_printf(b, ",\"line\":%lu", l[i].line);
		jstr(b, what, l[i].text);
		rs_buf_putc(b, '}');
	}
	rs_buf_putc(b, ']');
}

static void json_report(insp *z, const rs_stats *s, const rs_error *stop, rs_buf *b)
{
	char d[4];
	size_t i;
	int k;
	rs_buf stop_text;

	rs_buf_puts(b, "{\"relstage\":\"" RS_VERSION "\",\"files\":[");
	for (i = 0; i < z->nfiles && z->files[i].name != NULL; i++) {
		const file_info *fi = &z->files[i];
		rs_buf_puts(b, i ? ",{\"file\":" : "{\"file\":");
		rs_buf_json_str(b, fi->name);
		jstr(b, "format", rs_format_name(fi->format));
		jstr(b, "encoding", fi->encoding[0] ? fi->encoding : NULL);
		jstr(b, "delimiter", fi->delimiter != 0 ? delim_text(fi->delimiter, "tab", false, d) : NULL);
		/* header_line is the lower line of a two-row header, as before; header_lines has both */
		if (!fi->header)
			rs_buf_puts(b, ",\"header_line\":null,\"header_lines\":null");
		else if (fi->top_line != 0)
			rs_buf_printf(b, ",\"header_line\":%lu,\"header_lines\":[%lu,%lu]", fi->header_line,
			              fi->top_line, fi->header_line);
		else
			rs_buf_printf(b, ",\"header_line\":%lu,\"header_lines\":[%lu]", fi->header_line, fi->header_line);
		rs_buf_printf(b, ",\"title_rows\":%lu}", fi->titles);
	}
	rs_buf_puts(b, "],\"fields\":");
	rs_inspect_fields_json(z->cls, b);
	jkey(b, "notes", true);
	rs_inspect_notes_json(z->cls, b);
	rs_buf_puts(b, ",\"first_rows\":[");
	for (i = 0; i < z->nshown; i++) {
		rs_buf_printf(b, "%s{\"line\":%lu", i ? "," : "", z->shown[i].line);
		jkey(b, "values", true);
		rs_buf_puts(b, z->shown[i].json.failed ? "{}" : z->shown[i].json.data);
		jstr(b, "outcome", z->shown[i].outcome);
		rs_buf_putc(b, '}');
	}
	rs_buf_printf(b,
	              "],\"rows\":{\"read\":%lu,\"classified\":%lu,\"rejected\":%lu,\"skipped\":{",
	              s->read, s->classified, s->rejected);
	for (k = 0; k < RS_SKIP_COUNT; k++) {
		jkey(b, rs_skip_name(k), k > 0);
		rs_buf_put_ulong(b, s->skipped[k]);
	}
	rs_buf_puts(b, "}}");
	json_list(z, b, "rejected_rows", z->rejects, z->nrejects, "reason");
	json_list(z, b, "skipped_rows", z->skips, z->nskips, "row");
	jkey(b, "stop", true);
	rs_buf_init(&stop_text);
	if (stop != NULL && rs_buf_error(&stop_text, stop))
		rs_buf_json_str(b, stop_text.data);
	else
		rs_buf_puts(b, stop != NULL ? "\"out of memory\"" : "null");
	b->failed |= stop_text.failed;
	rs_buf_free(&stop_text);
	rs_buf_puts(b, "}\n");
}

/* The mapping used, as a --map-file to start from: the columns the fields
 * were taken from (the cooperation column is found again by its name), and
 * what the map file and --ignore gave (mapfile.c writes it). */
static void write_map(insp *z, const rs_classify_opts *co, rs_buf *b)
{
	rs_classifier *c = z->cls;
	const rs_fieldmap *m = map_of(c);
	const rs_row *h = rs_intake_first_header(&c->in);
	const char *column[RS_F_COUNT];
	unsigned long header_row = 0;
	int f;

	/* a two-row header is found again by itself; header_row would take its lower row alone */
	if (z->nfiles > 0 && z->files[0].header && z->files[0].header_line > 1 && z->files[0].top_line == 0)
		header_row = z->files[0].header_line;
	for (f = 0; f < RS_F_COUNT; f++)
		if (m == NULL || (m->col[f] < 0 && m->how[f] < RS_HOW_OFF) || m->how[f] == RS_HOW_OPTIONS)
			column[f] = NULL;
		else if (m->col[f] >= 0 && h != NULL && (size_t)m->col[f] < h->n)
			column[f] = h->cell[m->col[f]];
		else
			column[f] = ""; /* taken from none (-m FIELD=) */
	rs_mapfile_write(b, column, header_row, co->ignores, co->nignores, c->cfg.file);
}

rs_status rs_inspect(char *const *files, size_t nfiles, const rs_read_opts *ro, const rs_rules *r,
                     const rs_classify_opts *co, bool json, rs_buf *report, rs_buf *map, rs_error *err)
{
	static char *const stdin_only[] = {(char *)"-"};
	rs_classify_opts o = *co;
	insp z;
	rs_status st;
	rs_error stop = {0};
	const rs_stats *s;
	size_t i;

	memset(&z, 0, sizeof z);
	z.lang = co->lang;
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	o.on_header = on_header;
	o.on_row = on_row;
	o.on_reject = on_reject;
	o.on_skip = on_skip;
	o.notice = on_note;
	o.notice_ctx = &z;
	o.ctx = &z;
	z.nfiles = nfiles;
	if ((z.files = rs_calloc(nfiles, sizeof *z.files)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	st = rs_classifier_new(&z.cls, r, &o, err);
	if (st == RS_OK)
		z.cls->peek = peek_row;
	for (i = 0; st == RS_OK && i < nfiles; i++) {
		z.cur = i;
		st = read_file(&z, files[i], ro, err);
	}
	if (st == RS_OK && z.oom)
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	if (z.cls != NULL) {
		stop = *err;
		s = rs_classifier_stats(z.cls);
		if (st != RS_ENOMEM) {
			if (json)
				json_report(&z, s, st == RS_OK ? NULL : &stop, report);
			else
				text_report(&z, s, st == RS_OK ? NULL : &stop, report);
			if (map != NULL)
				write_map(&z, co, map);
		}
		if ((report->failed || (map != NULL && map->failed)) && st == RS_OK)
			st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		if (st == RS_OK && s->rejected > 0)
			st = RS_EREJECT;
	}
	rs_classifier_free(z.cls);
	for (i = 0; i < SHOWN_ROWS; i++)
		rs_buf_free(&z.shown[i].json);
	rs_free(z.files);
	rs_free(z.rejects);
	rs_free(z.skips);
	rs_free(z.notes);
	return st;
}
