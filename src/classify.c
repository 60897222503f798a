/*
 * classify.c - the middle of the pipeline: a row becomes an account (field
 * map), gets its scores and stage (score, engine), and leaves as the output
 * row: the input cells unchanged, then the appended columns. Once per run:
 * the set-up (the stages' texts, the flag owners); once per file: the output
 * header; per row: the evaluation and the appended cells; at the end: the
 * counts and, with --previous, the transitions.
 * Invariant: after the first few rows nothing here allocates per row. The
 * appended cells are written into one reused arena, back to back, each
 * followed by its NUL, in output order, and pointed at once the row is
 * complete (the arena may move while it grows).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "classify_impl.h"
#include "fields_impl.h"
#include "mapfile.h"
#include "msg.h"
#include "previous_impl.h"
#include "rules_impl.h"

/* An appended column's name as this run writes it (--headers, --prefix). */
static const char *col_name(const rs_classifier *c, int k)
{
	return c->prefixed != NULL ? c->prefixed[k] : rs_col_names[c->o.header_lang][k];
}

static const text_ref no_text = {"", 0};

static text_ref text_of(const char *s)
{
	text_ref t;

	t.s = s != NULL ? s : "";
	t.n = strlen(t.s);
	return t;
}

/* Which earlier action rule carries the same flag, so the flags cell lists a
 * flag once without comparing strings per row. */
static void index_flags(rs_classifier *c)
{
	size_t n = rs_rules_action_count(c->rules), i, k;

	for (i = 0; i < n && i < RS_MAX_FIRED; i++) {
		const char *f = rs_rules_action_flag(c->rules, i);

		c->flag_owner[i] = (unsigned char)i;
		for (k = 0; f != NULL && k < i; k++) {
			const char *g = rs_rules_action_flag(c->rules, k);
			if (g != NULL && strcmp(f, g) == 0) {
				c->flag_owner[i] = c->flag_owner[k];
				break;
			}
		}
	}
}

/* The map file, -m, --ignore, --prefix: what decides how columns are read. */
static rs_status setup_intake(rs_classifier *c, rs_error *err)
{
	const rs_classify_opts *o = &c->o;
	const char *p = o->prefix;
	int k;

	c->cfg = rs_fieldcfg_of(o);
	rs_intake_init(&c->in, &c->o, &c->stats,
	               o->header_line ? o->header_line : o->map_file ? o->map_file->header_row : 0);
	if (p == NULL || *p == '\0')
		return RS_OK;
	if ((c->prefixed = rs_calloc(COL_MAX, sizeof *c->prefixed)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (k = 0; k < COL_MAX; k++) {
		const char *name = rs_col_names[o->header_lang][k];
		size_t n = strlen(p) + strlen(name) + 2;

		if ((c->prefixed[k] = rs_malloc(n)) == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		(void)snprintf(c->prefixed[k], n, "%s_%s", p, name);
	}
	return RS_OK;
}

/* The texts of the relationship types, bonds and models in the output's language. */
static void advice_texts(rs_classifier *c)
{
	const rs_rules *r = c->rules;
	int g = c->o.lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;
	size_t i;

	for (i = 0; i < r->nkind[RS_K_TYPE]; i++) {
		c->type_id[i] = text_of(r->kind[RS_K_TYPE][i].id);
		c->type_label[i] = text_of(r->kind[RS_K_TYPE][i].label.s[g]);
	}
	for (i = 0; i < r->nkind[RS_K_BOND]; i++)
		c->bond_id[i] = text_of(r->kind[RS_K_BOND][i].id);
	for (i = 0; i < r->nkind[RS_K_MODEL]; i++)
		c->model_id[i] = text_of(r->kind[RS_K_MODEL][i].id);
	c->need_sep = text_of(g == RS_LANG_ZH ? "；" : "; ");
}

rs_status rs_classifier_new(rs_classifier **out, const rs_rules *r, const rs_classify_opts *o,
                            rs_error *err)
{
	rs_classifier *c = rs_calloc(1, sizeof *c);
	size_t i;

	*out = NULL;
	if (c == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	c->rules = r;
	c->o = *o;
	for (i = 0; i < COL_EXPLAIN; i++)
		c->cols[c->ncols++] = (int)i;
	if (o->explain)
		c->cols[c->ncols++] = COL_EXPLAIN;
	if (o->previous != NULL) {
		c->cols[c->ncols++] = COL_PREV;
		c->cols[c->ncols++] = COL_TRANSITION;
		c->stats.with_previous = true;
	}
	rs_buf_init(&c->arena);
	rs_buf_init(&c->explain);
	rs_buf_init(&c->notes);
	if (rs_rowq_new(&c->la, 0, 0, err) != RS_OK || setup_intake(c, err) != RS_OK) {
		rs_classifier_free(c);
		return err->status;
	}
	index_flags(c);
	c->downgrade = rs_rules_message(r, "downgrade", o->lang);
	advice_texts(c);
	for (i = 0; i < rs_rules_stage_count(r) && i < RS_MAX_STAGES; i++) {
		c->stage_id[i] = text_of(rs_rules_stage_id(r, i));
		c->stage_label[i] = text_of(rs_rules_stage_label(r, i, o->lang));
	}
	*out = c;
	return RS_OK;
}

void rs_classifier_free(rs_classifier *c)
{
	size_t i;

	if (c == NULL)
		return;
	rs_fieldmap_free(c->map);
	if (c->hdr_cell != NULL)
		for (i = 0; i < c->nout; i++)
			rs_free(c->hdr_cell[i]);
	rs_free(c->hdr_cell);
	rs_free(c->hdr_len);
	rs_free(c->hdr_type);
	rs_free((void *)c->cell);
	rs_free(c->len);
	rs_free(c->type);
	rs_buf_free(&c->arena);
	rs_buf_free(&c->explain);
	rs_buf_free(&c->last_id);
	rs_buf_free(&c->last_file);
	rs_buf_free(&c->notes);
	rs_intake_free(&c->in);
	rs_fieldmap_free(c->partial);
	rs_free((void *)c->pad_cell);
	rs_free(c->pad_len);
	rs_free(c->pad_type);
	for (i = 0; c->prefixed != NULL && i < COL_MAX; i++)
		rs_free(c->prefixed[i]);
	rs_free(c->prefixed);
	rs_rowq_free(c->la);
	rs_free(c);
}

/* A later file's header must name the same columns in the same order. */
static rs_status same_header(rs_classifier *c, const rs_row *in, rs_error *err)
{
	const rs_row *first = rs_intake_first_header(&c->in);
	const char *cols = rs_msg_tr(err->lang, RS_COLS(c->cfg.keys)); /* JSON: keys, in the order first seen */
	size_t i;

	if (first == NULL)
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	if (in->n != first->n)
		return rs_error_set(err, RS_EUSAGE, in->line,
		                    "%zu %s here but %zu in the first file; files classified "
		                    "together need the same %s", in->n, cols, first->n, cols);
	for (i = 0; i < in->n; i++)
		if (in->len[i] != first->len[i] || memcmp(in->cell[i], first->cell[i], in->len[i]) != 0)
			return rs_error_set(err, RS_EUSAGE, in->line,
			                    "%s %zu is \"%s\" here but \"%s\" in the first file; "
			                    "files classified together need the same %s",
			                    rs_msg_tr(err->lang, RS_COL(c->cfg.keys)), i + 1, in->cell[i], first->cell[i],
			                    cols);
	return RS_OK;
}

/* Which appended column (COL_) a header cell names, in either language,
 * plain or with this run's prefix; -1 if none. */
static int own_column(const rs_classifier *c, const char *s)
{
	int g, k;

	for (k = 0; k < COL_MAX; k++) {
		for (g = 0; g < RS_LANG_COUNT; g++)
			if (strcmp(s, rs_col_names[g][k]) == 0)
				return k;
		if (c->prefixed != NULL && strcmp(s, c->prefixed[k]) == 0)
			return k;
	}
	return -1;
}

/*
 * relstage's output fed back in: a run of the columns relstage appends, as
 * it writes them (stage, stage_label, share_pct, ... in order), is an
 * earlier run's result, replaced by this run's (one note says so). Any
 * other input column named like an appended one (a CRM's own "Stage") is
 * kept, and the run stops with how to go on: --prefix.
 */
static rs_status own_columns(rs_classifier *c, const rs_row *in, rs_error *err)
{
	const char *word = rs_msg_tr(err->lang, RS_COL(c->cfg.keys));
	size_t i, k;
	int last, col;

	c->cfg.drop_from = c->cfg.drop_to = 0;
	for (i = 0; i < in->n && c->cfg.drop_to == 0; i++) {
		if (own_column(c, in->cell[i]) != COL_STAGE)
			continue;
		for (k = i + 1, last = COL_STAGE; k < in->n && (col = own_column(c, in->cell[k])) > last; k++)
			last = col;
		if (k - i >= 3) {
			c->cfg.drop_from = i;
			c->cfg.drop_to = k;
		}
	}
	if (c->cfg.drop_to > 0) {
		size_t a = c->cfg.drop_from, b = c->cfg.drop_to;

		if (c->cfg.lang == RS_LANG_ZH && c->cfg.keys)
			rs_buf_printf(&c->notes, "键 %s ... %s 来自之前的一次 relstage 运行，"
			              "已由本次的结果替换\n", in->cell[a], in->cell[b - 1]);
		else if (c->cfg.lang == RS_LANG_ZH)
			rs_buf_printf(&c->notes, "第 %zu-%zu 列（%s ... %s）来自之前的一次 "
			              "relstage 运行，已由本次的结果替换\n", a + 1, b, in->cell[a],
			              in->cell[b - 1]);
		else if (c->cfg.keys)
			rs_buf_printf(&c->notes, "keys %s ... %s are an earlier "
			              "relstage run's; this run's replace them\n", in->cell[a],
			              in->cell[b - 1]);
		else
			rs_buf_printf(&c->notes, "columns %zu-%zu (%s ... %s) are an "
			              "earlier relstage run's; this run's replace them\n", a + 1, b,
			              in->cell[a], in->cell[b - 1]);
	}
	for (i = 0; i < in->n; i++) {
		if (i >= c->cfg.drop_from && i < c->cfg.drop_to)
			continue;
		for (k = 0; k < c->ncols; k++)
			if (strcasecmp(in->cell[i], col_name(c, c->cols[k])) == 0) /* ASCII: no setlocale */
				return rs_error_set(err, RS_EUSAGE, in->line,
				                    "input %s %zu is named \"%s\", like the %s relstage "
				                    "appends; it is kept: use --prefix P to name relstage's "
				                    "%s P_stage, P_flags, ... (or rename that %s)", word,
				                    i + 1, in->cell[i], word,
				                    rs_msg_tr(err->lang, RS_COLS(c->cfg.keys)), word);
	}
	c->drop_from = c->cfg.drop_from;
	c->drop_to = c->cfg.drop_to;
	return RS_OK;
}

/* The header's types: which columns hold numbers (numeric fields' input
 * columns and the appended numbers), for writers that type cells. */
static void mark_numbers(rs_classifier *c)
{
	size_t k;
	int f;

	for (f = 0; f < RS_F_COUNT; f++) {
		long col = rs_intake_out_col(c, rs_fieldmap_column(c->map, f));

		if (col >= 0 && rs_var_kind(f) == RS_KIND_NUMBER)
			c->hdr_type[col] = RS_T_NUMBER;
	}
	for (k = 0; k < c->ncols; k++)
		if (c->cols[k] == COL_SHARE || c->cols[k] == COL_CONTACT || c->cols[k] == COL_COOP ||
		    c->cols[k] == COL_GAP)
			c->hdr_type[c->nin + k] = RS_T_NUMBER;
}

/* A score none of whose fields has a column: it is 0 for every row. */
static void score_notes(rs_classifier *c)
{
	/* the score, the fields' list: its start, separator and end; after the score's name */
	static const char *const said[RS_LANG_COUNT][RS_SCORE_COUNT][5] = {
	    {{"contact depth", ": none of ", ", ", " found, so ", " is 0 for every row\n"},
	     {"cooperation", ": none of ", ", ", " found, so ", " is 0 for every row\n"}},
	    {{"接触深度", "：未找到 ", "、", " 中的任何一项，所有行的 ", " 均为 0\n"},
	     {"合作", "：未找到 ", "、", " 中的任何一项，所有行的 ", " 均为 0\n"}}};
	static const int var[RS_SCORE_COUNT] = {RS_V_CONTACT_SCORE, RS_V_COOPERATION_SCORE};
	const char *const(*w)[5] = said[c->cfg.lang];
	uint32_t found = 0;
	int k, f;

	for (f = 0; f < RS_F_COUNT; f++)
		if (c->map->col[f] >= 0)
			found |= 1u << f;
	if (c->map->col[RS_F_CUSTOMER_SINCE] >= 0) /* it gives the years */
		found |= 1u << RS_F_RELATIONSHIP_YEARS;
	for (k = 0; k < RS_SCORE_COUNT; k++) {
		uint32_t vars = rs_score_fields(c->rules, k);
		const char *sep = w[k][1];

		if (vars == 0 || (vars & found) != 0)
			continue;
		rs_buf_puts(&c->notes, w[k][0]);
		for (f = 0; f < RS_F_COUNT; f++)
			if (vars >> f & 1) {
				rs_buf_puts(&c->notes, sep);
				rs_buf_puts(&c->notes, rs_var_name(f));
				sep = w[k][2];
			}
		rs_buf_puts(&c->notes, w[k][3]);
		rs_buf_puts(&c->notes, rs_var_name(var[k]));
		rs_buf_puts(&c->notes, w[k][4]);
	}
}

/* The notes in bytes [from, to), a line each, to the notice callback. */
static void tell_notes(const rs_classifier *c, size_t from, size_t to, const char *file,
                       unsigned long line)
{
	const char *p, *nl;
	rs_error e = {0};

	if (c->o.notice == NULL || c->notes.data == NULL)
		return;
	for (p = c->notes.data + from; (nl = memchr(p, '\n', (size_t)(c->notes.data + to - p)));
	     p = nl + 1) {
		memset(&e, 0, sizeof e);
		e.file = file;
		e.line = line;
		(void)rs_field_shown(e.msg, sizeof e.msg, p, (size_t)(nl - p)); /* "..." if cut */
		c->o.notice(c->o.notice_ctx, &e);
	}
}

/* The output row's storage, and the output header: the input columns (an
 * earlier run's appended ones left out), then this run's. */
static rs_status alloc_rows(rs_classifier *c, const rs_row *in, rs_error *err)
{
	size_t i, k;

	c->nraw = in->n;
	c->nin = in->n - (c->drop_to - c->drop_from);
	c->nout = c->nin + c->ncols;
	c->cell = rs_calloc(c->nout, sizeof *c->cell);
	c->len = rs_calloc(c->nout, sizeof *c->len);
	c->type = rs_calloc(c->nout, sizeof *c->type);
	c->hdr_cell = rs_calloc(c->nout, sizeof *c->hdr_cell);
	c->hdr_len = rs_calloc(c->nout, sizeof *c->hdr_len);
	c->hdr_type = rs_calloc(c->nout, sizeof *c->hdr_type);
	c->pad_cell = rs_calloc(c->nraw, sizeof *c->pad_cell);
	c->pad_len = rs_calloc(c->nraw, sizeof *c->pad_len);
	c->pad_type = rs_calloc(c->nraw, sizeof *c->pad_type);
	if (!c->cell || !c->len || !c->type || !c->hdr_cell || !c->hdr_len || !c->hdr_type ||
	    !c->pad_cell || !c->pad_len || !c->pad_type)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0, k = 0; i < c->nout; i++, k++) {
		const char *s;
		size_t n;

		if (k == c->drop_from && c->drop_to > c->drop_from)
			k = c->drop_to;
		s = i < c->nin ? in->cell[k] : col_name(c, c->cols[i - c->nin]);
		n = i < c->nin ? in->len[k] : strlen(s);
		c->hdr_cell[i] = rs_strndup(s, n);
		if (c->hdr_cell[i] == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		c->hdr_len[i] = n;
	}
	c->out_hdr = (rs_row){c->nout, (const char *const *)c->hdr_cell, c->hdr_len, c->hdr_type, 1,
	                      NULL, 0, NULL};
	c->out_row = (rs_row){c->nout, c->cell, c->len, c->type, 0, NULL, 0, NULL};
	mark_numbers(c);
	return RS_OK;
}

/* Appends " -m FIELD=PATH" to buf, when it fits whole. */
static void put_map(char *buf, size_t cap, int f, const char *head, size_t hn, const char *key)
{
	size_t n = strlen(buf);
	int k = snprintf(buf + n, cap - n, " -m %s=%.*s.%s", rs_var_name(f), (int)hn, head, key);

	if (k < 0 || (size_t)k >= cap - n)
		buf[n] = '\0';
}

/*
 * JSON records that keep their values in an object (HubSpot's properties,
 * JSON:API's attributes): when id or the share is missing among the keys,
 * each object of the first record is read as a header of its own, and the
 * error says which -m takes a missing field from inside it (and which other
 * fields are there). A suggestion only: the run still stops.
 */
static rs_status hint_inner(const rs_classifier *c, rs_error *err)
{
	static const rs_fieldcfg keys = {.keys = true};
	const rs_fieldmap *top = c->partial;
	const char *p = rs_reader_inner(c->rd), *q, *cell[64];
	char need[240] = "", also[240] = "", *to;
	size_t len[64], n, hn;
	rs_fieldmap *m;
	rs_error quiet = {0};
	bool share;
	int f;

	for (; p != NULL && *p != '\0'; p = q) {
		hn = strcspn(p, ".") + 1; /* "properties." */
		for (n = 0, q = p; *q != '\0' && strncmp(q, p, hn) == 0; q += strlen(q) + 1)
			if (n < sizeof cell / sizeof cell[0]) {
				cell[n] = q + hn;
				len[n++] = strlen(q + hn);
			}
		m = NULL;
		if (rs_fieldmap_build(&m, &(rs_row){n, cell, len, NULL, 1, NULL, 0, NULL}, &keys, NULL,
		                      &quiet) == RS_ENOMEM)
			return rs_error_set(err, RS_ENOMEM, err->line, "out of memory");
		for (f = 0; m != NULL && f < RS_F_COUNT; f++)
			if (top->how[f] == RS_HOW_NONE && m->col[f] >= 0 &&
			    m->how[f] <= RS_HOW_WORDS) {
				to = f == RS_F_ID || (f >= RS_F_PURCHASE_SHARE && f <= RS_F_CUSTOMER_SPEND)
				     ? need : also; /* the missing ones, then the others */
				put_map(to, sizeof need, f, p, hn - 1, cell[m->col[f]]);
			}
		rs_fieldmap_free(m);
	}
	share = top->col[RS_F_PURCHASE_SHARE] >= 0 ||
	        (top->col[RS_F_OUR_SALES] >= 0 && top->col[RS_F_CUSTOMER_SPEND] >= 0);
	if (need[0] != '\0')
		(void)rs_error_set(err, err->status, err->line, "no key gives %s; inside the first "
		                   "record's objects:%s%s%s%s",
		                   rs_msg_tr(err->lang, top->col[RS_F_ID] >= 0 ? "the share"
		                                        : share ? "id" : "id or the share"),
		                   need, also[0] ? rs_msg_tr(err->lang, " (also there:") : "", also,
		                   also[0] ? rs_msg_tr(err->lang, ")") : "");
	return err->status;
}

/* The first file's header: the columns, the map, the notes. */
static rs_status first_header(rs_classifier *c, const rs_row *in, rs_error *err)
{
	rs_status st;

	rs_buf_reset(&c->notes);
	rs_fieldmap_free(c->partial);
	c->partial = NULL;
	if ((st = own_columns(c, in, err)) != RS_OK)
		return st;
	if ((st = rs_fieldmap_build(&c->map, in, &c->cfg, &c->notes, err)) != RS_OK) {
		c->partial = c->map; /* what was found, for inspect */
		c->map = NULL;
		if (c->partial != NULL && c->cfg.keys)
			st = hint_inner(c, err);
		return st;
	}
	memcpy(c->map->unit_title, c->in.unit, sizeof c->map->unit_title);
	c->map->unit_line = c->in.unit_line;
	if ((st = rs_fieldmap_check_units(c->map, in, err)) != RS_OK)
		return st;
	score_notes(c);
	if (c->notes.failed)
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	c->header_notes = c->notes.len;
	return alloc_rows(c, in, err);
}

/*
 * A JSON reply that says more records follow, read under --json-path as
 * asked: said, since --json-path may have been given to choose between two
 * arrays, not to read one page as if it were the list.
 */
static void say_page(rs_classifier *c)
{
	const char *page = rs_reader_page(c->rd);
	size_t at = c->notes.len;

	if (page == NULL)
		return;
	(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_PG_NOTE), page);
	if (!c->notes.failed) /* out of memory: the summary JSON fails on it */
		tell_notes(c, at, c->notes.len, NULL, 0);
}

/* A file's header read from two rows, said for each file that has one: a
 * later file's may be one row, or two on other lines. Named by the share's
 * column, or our_sales'. */
static void say_two_rows(rs_classifier *c, const rs_row *in)
{
	long col = c->map->col[RS_F_PURCHASE_SHARE] >= 0 ? c->map->col[RS_F_PURCHASE_SHARE]
	                                                 : c->map->col[RS_F_OUR_SALES];
	size_t at = c->notes.len;
	char shown[72];

	if (rs_intake_two_rows(&c->in) == NULL || col < 0)
		return;
	(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_TWOHEAD), c->in.two_top, in->line,
	                    rs_field_shown(shown, sizeof shown, in->cell[col], in->len[col]));
	if (!c->notes.failed) /* out of memory: the summary JSON fails on it */
		tell_notes(c, at, c->notes.len, NULL, in->line);
}

static rs_status take_header(rs_classifier *c, const rs_row *in, rs_error *err)
{
	rs_status st = c->map != NULL ? same_header(c, in, err) : first_header(c, in, err);

	if (st == RS_OK)
		st = rs_intake_taken(&c->in, in, c->map, err);
	c->header_line = in->line;
	if (st == RS_OK) {
		tell_notes(c, 0, c->header_notes, NULL, in->line); /* once per file, at its header */
		say_two_rows(c, in);
		say_page(c);
	}
	return st;
}

/*
 * No record of the file was its header. When the first record lacks only
 * an id or a share, it is no more the header than the others: the message
 * says what the search needs, and both ways to say where the header is.
 * Any other problem of the first record (two columns with one name, an -m
 * that names no column) is the message, with a word about title rows when
 * the first record looks like one (a cell or two, wider rows after it).
 */
static rs_status header_missing(rs_classifier *c, rs_error *err)
{
	const rs_row *first = rs_intake_first(&c->in);
	rs_lang g = c->cfg.lang;
	size_t i, filled = 0, n;
	rs_status st;
	bool no_id;

	if (first == NULL)
		return rs_error_set(err, RS_EPARSE, 0, "%s", rs_msg(g, RS_M_E_NO_HEADER));
	st = c->map != NULL ? same_header(c, first, err) : first_header(c, first, err);
	if (st == RS_OK) /* cannot be: the search said it is not the header */
		st = rs_error_set(err, RS_EPARSE, first->line, "%s", rs_msg(g, RS_M_E_NO_HEADER));
	if (c->partial != NULL) { /* only id or a share is missing */
		/* the field map's "(columns 'A', 'B' all look like F)" or
		 * "(column 'A' may hold it: ...)", kept; in Chinese "（列 ...）" */
		const char *open = g == RS_LANG_ZH ? "（列" : " (column";
		const char *close = g == RS_LANG_ZH ? "）：" : "): ";
		size_t skip = g == RS_LANG_ZH ? strlen("（") : 2;
		const char *amb = strstr(err->msg, open), *end = amb ? strstr(amb, close) : NULL;
		char why[200] = "";

		if (end != NULL)
			(void)snprintf(why, sizeof why, rs_msg(g, RS_M_E_SEARCH_WHY),
			               (int)(end - amb - (ptrdiff_t)skip), amb + skip);
		no_id = c->partial->col[RS_F_ID] < 0;
		err->where[0] = '\0';
		return rs_error_set(err, st, 0, rs_msg(g, RS_M_E_SEARCH), RS_HEADER_SEARCH, first->line,
		                    rs_msg(g, no_id ? RS_M_E_SEARCH_NO_ID : RS_M_E_SEARCH_NO_SHARE), why,
		                    rs_msg(g, no_id ? RS_M_E_SEARCH_ID : RS_M_E_SEARCH_SHARE),
		                    no_id ? "id" : "purchase_share");
	}
	for (i = 0; i < first->n; i++)
		filled += first->len[i] > 0;
	n = strlen(err->msg);
	if (filled <= 2 && c->in.widest > first->n && n + 120 < sizeof err->msg)
		(void)snprintf(err->msg + n, sizeof err->msg - n, rs_msg(g, RS_M_E_SEARCH_TITLE),
		               RS_HEADER_SEARCH);
	return st;
}

/* A workbook's header not found, or short of id or share: the sheet read
 * may be the wrong one, so the message names it and the others. */
static rs_status sheet_hint(const rs_classifier *c, rs_status st, rs_error *err)
{
	size_t n = strlen(err->msg);

	if (st != RS_ENOMEM)
		rs_reader_sheet_hint(c->rd, err->msg + n, sizeof err->msg - n);
	return st;
}

rs_status rs_classifier_header(rs_classifier *c, const rs_row *in, char delimiter,
                               const rs_row **out, rs_error *err)
{
	bool is_header = false;
	rs_status st;

	*out = NULL;
	c->delim = delimiter;
	/* Title rows, totals and footers come in delimited text and in
	 * workbooks (whose rows carry cell types); JSON's header is its keys. */
	st = rs_intake_record(&c->in, in, delimiter != 0 || in->type != NULL, &c->cfg, &is_header, err);
	if (st == RS_EPARSE)
		return sheet_hint(c, header_missing(c, err), err);
	if (st != RS_OK || !is_header)
		return st;
	if (rs_intake_two_rows(&c->in) != NULL)
		in = rs_intake_two_rows(&c->in);
	if ((st = take_header(c, in, err)) != RS_OK)
		return c->partial != NULL ? sheet_hint(c, st, err) : st;
	if (c->o.today != 0)
		c->map->today = c->o.today;
	/* Each file is read by its own first rows (rs_classifier_lookahead). */
	c->told = c->told_formula = 0;
	(void)rs_fieldmap_decide(c->map, NULL, c->delim, &c->o, NULL);
	*out = &c->out_hdr;
	return RS_OK;
}

rs_status rs_classifier_end(rs_classifier *c, rs_error *err)
{
	rs_status st = rs_intake_end(&c->in, err);

	return st == RS_EPARSE ? sheet_hint(c, header_missing(c, err), err) : st;
}

rs_status rs_classifier_lookahead(rs_classifier *c, const rs_rowq *q, rs_error *err)
{
	return c->map != NULL ? rs_fieldmap_decide(c->map, q, c->delim, &c->o, err) : RS_OK;
}

/* ------------------------------------------------------------ a row */

/* Appends s[0..n) and its NUL to the arena as appended cell k. */
static void put_cell(rs_classifier *c, size_t k, const char *s, size_t n, unsigned char type)
{
	c->len[c->nin + k] = n;
	c->type[c->nin + k] = type;
	(void)rs_buf_append(&c->arena, s, n);
	(void)rs_buf_putc(&c->arena, '\0');
}

/* Appends v with d decimals (rs_buf_put_num) to the arena, "12,5" with
 * decimal_comma; its length. */
static size_t append_num(rs_classifier *c, double v, int d)
{
	size_t start = c->arena.len, n;
	char *dot;

	(void)rs_buf_put_num(&c->arena, v, d);
	n = c->arena.len - start;
	if (c->o.decimal_comma && n > 0 && (dot = memchr(c->arena.data + start, '.', n)) != NULL)
		*dot = ',';
	return n;
}

/* v with d decimals as appended cell k. */
static void put_num(rs_classifier *c, size_t k, double v, int d)
{
	size_t n = append_num(c, v, d);

	c->len[c->nin + k] = n;
	c->type[c->nin + k] = n != 0 ? RS_T_NUMBER : RS_T_NULL;
	(void)rs_buf_putc(&c->arena, '\0');
}

/* A prepared text as appended cell k; null when empty. */
static inline void put_ref(rs_classifier *c, size_t k, const text_ref *t)
{
	put_cell(c, k, t->s, t->n, t->n != 0 ? RS_T_STRING : RS_T_NULL);
}

/* The cells stage .. share_gap. */
static void put_fixed(rs_classifier *c, const rs_account *a, const rs_result *res)
{
	const text_ref *id = &c->stage_id[res->stage], *label = &c->stage_label[res->stage];

	put_cell(c, COL_STAGE, id->s, id->n, RS_T_STRING);
	put_cell(c, COL_LABEL, label->s, label->n, RS_T_STRING);
	put_num(c, COL_SHARE, a->v[RS_V_SHARE_PCT], 2);
	put_num(c, COL_CONTACT, a->v[RS_V_CONTACT_SCORE], 1);
	put_num(c, COL_COOP, a->v[RS_V_COOPERATION_SCORE], 1);
	put_ref(c, COL_NEXT, res->next_stage >= 0 ? &c->stage_id[res->next_stage] : &no_text);
	if (res->share_gap >= 0)
		put_num(c, COL_GAP, res->share_gap, 2);
	else
		put_cell(c, COL_GAP, "", 0, RS_T_NULL);
}

/* Appends flag f to a flags cell, after a ';' unless it is the first. */
static void add_flag(rs_buf *b, const char *f, bool *first)
{
	if (!*first)
		(void)rs_buf_putc(b, ';');
	(void)rs_buf_puts(b, f);
	*first = false;
}

/* Joins the fired action rules' flags, distinct, in rule order; the cell's
 * length. */
static size_t put_flags(rs_classifier *c, const rs_result *res, bool downgraded)
{
	uint64_t listed = 0; /* bit k: the flag of action k is in the cell */
	size_t i, start = c->arena.len, n;
	bool first = true;

	for (i = 0; i < res->nfired; i++) {
		const char *f = rs_rules_action_flag(c->rules, res->fired[i]);
		unsigned owner = c->flag_owner[res->fired[i]];

		if (f == NULL || (listed >> owner & 1u))
			continue;
		listed |= (uint64_t)1 << owner;
		add_flag(&c->arena, f, &first);
	}
	if (downgraded)
		add_flag(&c->arena, "downgraded", &first);
	if (c->mismatch)
		add_flag(&c->arena, "share_mismatch", &first);
	n = c->arena.len - start;
	rs_buf_putc(&c->arena, '\0');
	return n;
}

static size_t put_actions(rs_classifier *c, const rs_result *res, bool downgraded)
{
	rs_lang lang = c->o.lang;
	size_t i, start = c->arena.len, n;
	const char *s = rs_rules_stage_actions(c->rules, res->stage, lang);
	bool any = s != NULL && *s != '\0';

	if (downgraded && c->downgrade != NULL) {
		rs_buf_puts(&c->arena, c->downgrade);
		if (any || res->nfired > 0)
			rs_buf_puts(&c->arena, RS_ACTION_SEP);
	}
	for (i = 0; i < res->nfired; i++) {
		rs_buf_puts(&c->arena, rs_rules_action_text(c->rules, res->fired[i], lang));
		if (i + 1 < res->nfired || any)
			rs_buf_puts(&c->arena, RS_ACTION_SEP);
	}
	if (any)
		rs_buf_puts(&c->arena, s);
	n = c->arena.len - start;
	rs_buf_putc(&c->arena, '\0');
	return n;
}

/* The reject of id a seen before: first at `line` of this file (file NULL),
 * else at file:line. Apart from its callers, which run for every row. */
static rs_status duplicate(rs_error *err, rs_lang g, rs_msg_id why, unsigned long line,
                           const rs_account *a, const char *file, unsigned long first)
{
	char at[sizeof err->msg];

	if (file == NULL)
		(void)snprintf(at, sizeof at, rs_msg(g, RS_M_AT_LINE), first);
	else
		(void)snprintf(at, sizeof at, rs_msg(g, RS_M_AT_FILE_LINE), file, first);
	return rs_error_set(err, RS_EREJECT, line, rs_msg(g, why), (int)a->id_len, a->id, at);
}

/* --previous: the account's earlier stage (-1: new), counted; *downgraded
 * when it was higher. */
static rs_status visit(rs_classifier *c, const rs_account *a, const rs_row *in, size_t stage,
                       long *prev_out, bool *downgraded, rs_error *err)
{
	unsigned long first = 0;
	const char *first_file = NULL;
	long prev = rs_previous_visit(c->o.previous, a->id, a->id_len, err->file, in->line, &first_file,
	                              &first);
	rs_stats *s = &c->stats;
	bool here = first_file == NULL || err->file == NULL || strcmp(first_file, err->file) == 0;

	*downgraded = false;
	*prev_out = prev;
	if (prev == RS_PREV_DUPLICATE) /* first in another input file: named */
		return duplicate(err, c->o.lang, RS_M_DUP_PREVIOUS, in->line, a,
		                 here ? NULL : first_file, first);
	if (prev == RS_PREV_NOMEM)
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	if (prev < 0) {
		s->added++;
		return RS_OK;
	}
	s->transition[prev][stage]++;
	if ((size_t)prev < stage) {
		s->up++;
	} else if ((size_t)prev > stage) {
		s->down++;
		*downgraded = true;
	} else {
		s->same++;
	}
	return RS_OK;
}

/*
 * Without --previous (which checks every id), an id repeated on the next
 * row: the shape of an export with one row per contact, order or product,
 * which would count an account once per row. Only the last id is kept, so
 * memory stays flat; an id repeated further apart is not caught (README).
 */
static rs_status repeated(rs_classifier *c, const rs_account *a, const rs_row *in, rs_error *err)
{
	/* "just above" only when it is: rejected or skipped rows between are not kept */
	if (c->last_line != 0 && a->id_len == c->last_id.len && memcmp(a->id, c->last_id.data, a->id_len) == 0)
		return duplicate(err, c->o.lang,
		                 !c->last_here || in->line == c->last_line + 1 ? RS_M_DUP_ABOVE : RS_M_DUP_GAP,
		                 in->line, a, c->last_here ? NULL : c->last_file.data, c->last_line);
	rs_buf_reset(&c->last_id);
	(void)rs_buf_append(&c->last_id, a->id, a->id_len);
	if (!c->last_here) {
		rs_buf_reset(&c->last_file);
		(void)rs_buf_puts(&c->last_file, err->file ? err->file : "");
		c->last_here = true;
	}
	if (c->last_id.failed || c->last_file.failed)
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	c->last_line = in->line;
	return RS_OK;
}

/* previous_stage and transition, at k and k + 1 of the appended cells. */
static void put_transition(rs_classifier *c, long prev, size_t stage, size_t k)
{
	const char *how = prev < 0 ? "new" : (size_t)prev < stage ? "up"
	                  : (size_t)prev > stage ? "down" : "same";

	put_ref(c, k, prev < 0 ? &no_text : &c->stage_id[prev]);
	put_cell(c, k + 1, how, strlen(how), RS_T_STRING);
}

/* A row's problems with the share, after bad cells: listed with them. */
#define SHARE_FIELDS ((1u << RS_F_PURCHASE_SHARE) | (1u << RS_F_OUR_SALES) | (1u << RS_F_CUSTOMER_SPEND))
/*
 * The advice's cells: relationship type and its label, the bonds, what the
 * next stage needs, the alliance model. Prepared texts and, in needs, the
 * distances.
 */
static void put_advice(rs_classifier *c, const rs_result *res)
{
	const rs_rules *r = c->rules;
	int g = c->o.lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;
	size_t i, start;

	put_ref(c, COL_TYPE, res->type >= 0 ? &c->type_id[res->type] : &no_text);
	put_ref(c, COL_TYPE_LABEL, res->type >= 0 ? &c->type_label[res->type] : &no_text);
	start = c->arena.len;
	for (i = 0; i < r->nkind[RS_K_BOND]; i++) {
		if (!(res->bonds >> i & 1u))
			continue;
		if (c->arena.len > start)
			(void)rs_buf_putc(&c->arena, ';');
		(void)rs_buf_append(&c->arena, c->bond_id[i].s, c->bond_id[i].n);
	}
	c->len[c->nin + COL_BONDS] = c->arena.len - start;
	c->type[c->nin + COL_BONDS] = RS_T_STRING;
	(void)rs_buf_putc(&c->arena, '\0');
	start = c->arena.len;
	for (i = 0; i < res->nneeds; i++) {
		const rs_need *n = &r->need[res->need[i]];
		const char *s = n->text.s[g];
		size_t at = n->gap_at[g];

		if (i > 0)
			(void)rs_buf_append(&c->arena, c->need_sep.s, c->need_sep.n);
		if (at == UINT32_MAX) {
			(void)rs_buf_puts(&c->arena, s);
			continue;
		}
		(void)rs_buf_append(&c->arena, s, at);
		if (isnan(res->need_gap[i]))
			(void)rs_buf_putc(&c->arena, '?');
		else
			(void)append_num(c, res->need_gap[i], 2);
		(void)rs_buf_puts(&c->arena, s + at + 5); /* after "{gap}" */
	}
	c->len[c->nin + COL_NEEDS] = c->arena.len - start;
	c->type[c->nin + COL_NEEDS] = c->arena.len > start ? RS_T_STRING : RS_T_NULL;
	(void)rs_buf_putc(&c->arena, '\0');
	put_ref(c, COL_MODEL, res->model >= 0 ? &c->model_id[res->model] : &no_text);
}

/* Is every filled cell of `in` one of the fields in the mask `numbers`? */
static bool only_numbers(const rs_classifier *c, const rs_row *in, uint32_t numbers)
{
	size_t i, filled = 0;
	int f;

	for (i = 0; i < in->n; i++) {
		const char *s = in->cell[i];
		size_t n = in->len[i];

		rs_value_trim(&s, &n);
		filled += n > 0;
	}
	for (f = 0; f < RS_F_COUNT; f++) {
		long col = c->map->col[f];

		if (numbers >> f & 1u && col >= 0 && (size_t)col < in->n) {
			const char *s = in->cell[col];
			size_t n = in->len[col];

			rs_value_trim(&s, &n);
			filled -= n > 0;
		}
	}
	return filled == 0;
}

/* The id cell of `in`, trimmed: its bytes (*n) and its whole number, or -1. */
static long id_number(const rs_classifier *c, const rs_row *in, size_t *n)
{
	long col = c->map->col[RS_F_ID], v = 0;
	const char *s;
	size_t k;

	*n = 0;
	if (col < 0 || (size_t)col >= in->n)
		return -1;
	s = in->cell[col];
	*n = in->len[col];
	rs_value_trim(&s, n);
	for (k = 0; k < *n && k < 9 && s[k] >= '0' && s[k] <= '9'; k++)
		v = v * 10 + (s[k] - '0');
	return *n > 0 && k == *n ? v : -1;
}

/*
 * A row that fails only for its empty id, whose filled cells are all
 * amounts, counts, the share or years (no name, no yes/no, no other
 * column's text), and whose amounts and counts (one at least, not 0) are the sums of
 * the two or more rows above it in the file: a totals row
 * whose label was left out ("合计" in none of its cells). So is a row
 * labelled as a group's total ("East Total", which may be a company's
 * name) whose amounts are the sums of the rows since the last totals row
 * (its group), or of the file's; and one labelled as Excel's subtotal of
 * another function ("East Average", "Grand Count", "总计平均值") whose
 * figures are the averages, counts, largest or smallest values there (Max
 * and Min only with the id empty: an account's amounts may all be its
 * group's largest). Else it is an account that looks like one
 * (looks_total). Else its numbers join the figures. Said on stderr, since
 * it is a reading of the data.
 */
/* The file's figures: its earlier groups' and the current one's. */
static const rs_tally *file_tally(const rs_classifier *c, rs_tally *all)
{
	*all = c->file_tally;
	rs_tally_merge(all, &c->group_tally);
	return all;
}

static bool sums_up(rs_classifier *c, const rs_row *in, const rs_account *a, uint32_t failed)
{
	/* what else a totals row may hold: the share, the years (summed or not) */
	const uint32_t numbers = 1u << RS_F_OUR_SALES | 1u << RS_F_CUSTOMER_SPEND |
	                         1u << RS_F_CONTACTS | 1u << RS_F_DEPARTMENTS |
	                         1u << RS_F_JOINT_PROJECTS | 1u << RS_F_EXEC_MEETINGS |
	                         1u << RS_F_PURCHASE_SHARE | 1u << RS_F_RELATIONSHIP_YEARS |
	                         1u << RS_F_CUSTOMER_SINCE | 1u << RS_F_PREVIOUS_SHARE;
	const uint32_t amounts =
	    numbers & ~(1u << RS_F_PURCHASE_SHARE | 1u << RS_F_RELATIONSHIP_YEARS |
	                1u << RS_F_CUSTOMER_SINCE | 1u << RS_F_PREVIOUS_SHARE);
	const uint32_t counts = 1u << RS_F_CONTACTS | 1u << RS_F_DEPARTMENTS |
	                        1u << RS_F_JOINT_PROJECTS | 1u << RS_F_EXEC_MEETINGS;
	char names[96] = "";
	bool zh = c->cfg.lang == RS_LANG_ZH;
	rs_error e;
	rs_tally all; /* file_tally's */
	rs_account avg;
	const rs_account *fig = a;
	uint32_t bad = failed;
	size_t idn;
	long id_count = id_number(c, in, &idn);
	int agg = RS_AGG_NONE, f;

	c->looks_total = RS_AGG_NONE;
	if (c->in.tabular && !(failed & amounts & ~counts))
		agg = rs_header_group_total(in, c->map->col[RS_F_ID]);
	if (agg == RS_AGG_AVERAGE && (failed & counts)) { /* 4.67 contacts: an average's */
		avg = *a;
		for (f = 0; f < RS_F_COUNT; f++)
			if ((failed & counts) >> f & 1u && rs_fieldmap_fraction(c->map, f, in, &avg.v[f])) {
				avg.known |= 1u << f;
				bad &= ~(1u << f);
			}
		fig = &avg;
	}
	if ((bad & amounts) || ((agg == RS_AGG_MAX || agg == RS_AGG_MIN) && idn > 0))
		agg = RS_AGG_NONE;
	if (agg != RS_AGG_NONE) {
		/* a whole number in the id cell is a count when the label is elsewhere */
		long idc = id_count >= 0 && agg == RS_AGG_COUNT ? id_count : -1;

		if (rs_tally_matches(&c->group_tally, agg, fig, idc, 1, zh, names) ||
		    rs_tally_matches(file_tally(c, &all), agg, fig, idc, 2, zh, names))
			return true;
		/* the label in the id cell, or a count there: an account that
		 * looks like a subtotal, said so */
		if (idn > 0)
			c->looks_total = agg;
	}
	if (failed == 1u << RS_F_ID && c->in.tabular && (a->known & ~numbers) == 0 &&
	    only_numbers(c, in, numbers) &&
	    rs_tally_matches(file_tally(c, &all), RS_AGG_SUM, a, -1, 2, zh, names)) {
		if (c->o.notice != NULL) {
			memset(&e, 0, sizeof e);
			e.line = in->line;
			if (zh)
				(void)snprintf(e.msg, sizeof e.msg, "既无 id 也无名称，且其 %s 等于上方各行"
				               "之和：视为未标注的合计行，已跳过（如是客户，请补上 id）",
				               names);
			else
				(void)snprintf(e.msg, sizeof e.msg, "no id and no name, and its %s %s the "
				               "sums of the rows above: a totals row without a label, "
				               "skipped (if it is an account, give it its id)",
				               names, strchr(names, ',') ? "are" : "is");
			c->o.notice(c->o.notice_ctx, &e);
		}
		return true;
	}
	if (c->group_over) { /* the group's rows join the file's earlier groups */
		rs_tally_merge(&c->file_tally, &c->group_tally);
		rs_tally_reset(&c->group_tally);
		c->group_over = false;
	}
	rs_tally_add(&c->group_tally, a, failed, idn > 0);
	return false;
}

/* An account whose id reads as a group's total ("Elf Total") or another
 * subtotal ("Acme Average") is said so. */
static void say_looks_total(const rs_classifier *c, const rs_account *a, unsigned long line)
{
	static const char *const what[][2] = {
		[RS_AGG_AVERAGE] = {"averages", "平均值"}, [RS_AGG_COUNT] = {"counts", "计数"},
		[RS_AGG_MAX] = {"largest values", "最大值"}, [RS_AGG_MIN] = {"smallest values", "最小值"}};
	char shown[72];
	rs_error e = {0};
	bool zh = c->cfg.lang == RS_LANG_ZH;

	if (c->o.notice == NULL)
		return;
	memset(&e, 0, sizeof e);
	e.line = line;
	(void)rs_field_shown(shown, sizeof shown, a->id, a->id_len);
	if (c->looks_total == RS_AGG_SUM)
		(void)snprintf(e.msg, sizeof e.msg,
		               zh ? "\"%s\" 像是合计行，但其金额不是上方各行之和：已作为客户分类"
		                  : "\"%s\" looks like a totals row but its amounts are not the sums "
		                    "of the rows above: classified as an account",
		               shown);
	else
		(void)snprintf(e.msg, sizeof e.msg,
		               zh ? "\"%s\" 像是分类汇总行，但其数值不是上方各行的%s：已作为客户分类"
		                  : "\"%s\" looks like a subtotal row but its figures are not the %s "
		                    "of the rows above: classified as an account",
		               shown, what[c->looks_total][zh]);
	c->o.notice(c->o.notice_ctx, &e);
}

static rs_status evaluate(rs_classifier *c, const rs_row *in, rs_account *a, rs_result *res,
                          uint32_t *failed, rs_error *err)
{
	rs_buf *ex = c->o.explain ? &c->explain : NULL;
	uint32_t guessed = 0;
	rs_status st;
	rs_error more;
	int f;

	*failed = 0;
	if (in->reject != NULL)
		return rs_error_set(err, RS_EREJECT, in->line, "%s", in->reject);
	if (ex != NULL)
		rs_buf_reset(ex);
	st = rs_fieldmap_read(c->map, in, a, &guessed, failed, err);
	if ((c->totals_row = sums_up(c, in, a, st == RS_EREJECT ? *failed : 0)))
		return RS_EREJECT;
	for (f = 0; (guessed &= ~c->told) != 0; f++)
		if (guessed >> f & 1u) { /* how an ambiguous number was read: said once */
			rs_fieldmap_tell(c->map, f, in, c->o.notice, c->o.notice_ctx);
			c->told |= 1u << f;
		}
	for (f = 0; (a->formula &= ~c->told_formula) != 0; f++)
		if (a->formula >> f & 1u) { /* ="00123" read as 00123: said once */
			rs_fieldmap_tell_formula(c->map, f, in, c->o.notice, c->o.notice_ctx);
			c->told_formula |= 1u << f;
		}
	if (st == RS_EREJECT && *failed != 0 && !(*failed & SHARE_FIELDS)) {
		rs_error_clear(&more);
		if (rs_score(c->rules, a, NULL, c->o.lang, &more) == RS_EREJECT) {
			rs_fieldmap_share_reason(c->map, in, a, rs_score_fault(a), &more);
			rs_error_add_reason(err, c->o.lang, in->line, more.where, more.msg);
		}
	}
	if (st == RS_OK && c->o.previous != NULL) {
		long prev = rs_previous_stage(c->o.previous, a->id, a->id_len);

		a->v[RS_V_PREVIOUS_STAGE] = (double)prev;
		a->known |= (uint32_t)(prev >= 0) << RS_V_PREVIOUS_STAGE;
	}
	if (st == RS_OK && (st = rs_score(c->rules, a, ex, c->o.lang, err)) == RS_EREJECT)
		rs_fieldmap_share_reason(c->map, in, a, rs_score_fault(a), err); /* the cells as written */
	/* A share given beside amounts that say otherwise (by more than 5 points). */
	c->mismatch = st == RS_OK && rs_known(a, RS_F_PURCHASE_SHARE) && rs_known(a, RS_F_OUR_SALES) &&
	              rs_known(a, RS_F_CUSTOMER_SPEND) && a->v[RS_F_CUSTOMER_SPEND] > 0 &&
	              fabs(a->v[RS_F_PURCHASE_SHARE] -
	                   100 * a->v[RS_F_OUR_SALES] / a->v[RS_F_CUSTOMER_SPEND]) > 5;
	if (st == RS_OK)
		st = rs_engine_eval(c->rules, a, res, ex, c->o.lang, err);
	if (st != RS_OK && err->line == 0)
		err->line = in->line;
	return st;
}

/* The appended cells' pointers, from their lengths: the arena's cells are
 * back to back from its start; the explain text is not in it. */
static void set_cells(rs_classifier *c)
{
	const char **cell = c->cell + c->nin;
	const size_t *len = c->len + c->nin;
	const char *p = c->arena.data;
	size_t k;

	for (k = 0; k < COL_EXPLAIN; k++) {
		cell[k] = p;
		p += len[k] + 1;
	}
	k = COL_EXPLAIN;
	if (c->o.explain)
		cell[k++] = c->explain.data ? c->explain.data : "";
	if (c->o.previous != NULL) {
		cell[k] = p;
		cell[k + 1] = p + len[k] + 1;
	}
}

/* The input cells as they are, an earlier run's appended ones left out;
 * the field map checked that in->n is the header's width. */
static void copy_input(rs_classifier *c, const rs_row *in)
{
	size_t a = c->drop_to > c->drop_from ? c->drop_from : c->nin, b = c->drop_to, rest = c->nin - a;

	memcpy((void *)c->cell, in->cell, a * sizeof *c->cell);
	memcpy(c->len, in->len, a * sizeof *c->len);
	if (rest > 0) {
		memcpy((void *)(c->cell + a), in->cell + b, rest * sizeof *c->cell);
		memcpy(c->len + a, in->len + b, rest * sizeof *c->len);
	}
	if (in->type != NULL) {
		memcpy(c->type, in->type, a);
		if (rest > 0)
			memcpy(c->type + a, in->type + b, rest);
		c->in_typed = true;
	} else if (c->in_typed) {
		memset(c->type, RS_T_STRING, c->nin);
		c->in_typed = false;
	}
}

static rs_status classify(rs_classifier *c, const rs_row *in, const rs_row **out, uint32_t *failed,
                          rs_error *err)
{
	rs_account a;
	rs_result res;
	rs_status st;
	bool down = false;
	long prev = -1;
	size_t *len = c->len + c->nin, k = COL_EXPLAIN;
	unsigned char *type = c->type + c->nin;
	int f;

	st = evaluate(c, in, &a, &res, failed, err);
	rs_buf_reset(&c->arena);
	if (st == RS_OK && c->o.previous != NULL)
		st = visit(c, &a, in, res.stage, &prev, &down, err);
	else if (st == RS_OK)
		st = repeated(c, &a, in, err);
	if (st != RS_OK)
		return st;
	put_fixed(c, &a, &res);
	len[COL_FLAGS] = put_flags(c, &res, down);
	len[COL_ACTIONS] = put_actions(c, &res, down);
	type[COL_FLAGS] = type[COL_ACTIONS] = RS_T_STRING;
	put_advice(c, &res);
	if (c->o.explain) { /* the explain buffer itself: not copied */
		len[k] = c->explain.len;
		type[k++] = RS_T_STRING;
	}
	if (c->o.previous != NULL)
		put_transition(c, prev, res.stage, k);
	/* The explain text too: a row must never go out with a silently cut one. */
	if (c->arena.failed || (c->o.explain && c->explain.failed))
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	set_cells(c);
	copy_input(c, in);
	c->out_row.line = in->line;
	if (c->looks_total)
		say_looks_total(c, &a, in->line);
	for (f = 0; a.falsed != 0; f++, a.falsed >>= 1)
		if ((a.falsed & 1u) && c->false_n[f]++ == 0)
			c->false_line[f] = in->line;
	if (!c->in_la && rs_fieldmap_share_doubt(c->map, in, &a) && c->late_n++ == 0) {
		long col = rs_fieldmap_column(c->map, RS_F_PURCHASE_SHARE);

		c->late_line = in->line;
		(void)rs_field_shown(c->late_val, sizeof c->late_val, in->cell[col], in->len[col]);
	}
	c->stage = res.stage; /* counted by the caller once the row goes out */
	*out = &c->out_row;
	return RS_OK;
}

/* A workbook row without its trailing empty cells, as wide as the header. */
static const rs_row *pad_row(rs_classifier *c, const rs_row *in)
{
	size_t i;

	memcpy((void *)c->pad_cell, in->cell, in->n * sizeof *c->pad_cell);
	memcpy(c->pad_len, in->len, in->n * sizeof *c->pad_len);
	memcpy(c->pad_type, in->type, in->n);
	for (i = in->n; i < c->nraw; i++) {
		c->pad_cell[i] = "";
		c->pad_len[i] = 0;
		c->pad_type[i] = RS_T_STRING;
	}
	c->pad = (rs_row){c->nraw, c->pad_cell, c->pad_len, c->pad_type, in->line, in->reject, in->extra,
	                    in->cur}; /* read for its non-empty cells only: all below in->n */
	return &c->pad;
}

/* A totals row ends a group: its figures start again at the next account. */
static void group_ends(rs_classifier *c)
{
	c->group_over = true;
}

/*
 * Blank and totals rows are skipped. Without on_reject a bad row is
 * RS_EREJECT; with it, the row's outcome goes to the intake (header.c),
 * which delivers rejects in input order, holding a possible footer and the
 * first rows while their columns are checked.
 */
rs_status rs_classifier_row(rs_classifier *c, const rs_row *in, const rs_row **out, rs_error *err)
{
	uint32_t failed = 0;
	rs_error why;
	rs_status st;
	int skip;

	*out = NULL;
	if (in->type != NULL && in->n < c->nraw && in->reject == NULL)
		in = pad_row(c, in);
	if (c->peek != NULL) /* as wide as the header, as the field map reads it */
		c->peek(c->o.ctx, in);
	if (!rs_intake_plain_row(&c->in, in) &&
	    ((st = rs_intake_skip(&c->in, in, &skip, err)) != RS_OK || skip >= 0)) {
		if (skip == RS_SKIP_TOTALS)
			group_ends(c);
		return st;
	}
	st = classify(c, in, out, &failed, err);
	if (st == RS_EREJECT && c->totals_row) {
		group_ends(c);
		rs_intake_count_skip(&c->in, in, RS_SKIP_TOTALS);
		return RS_OK;
	}
	/* With rows held back, this one releases them, or ends the first rows'
	 * check, which may stop the run here: then the row does not go out. */
	if (st == RS_OK && c->o.on_reject != NULL && (c->in.probing || c->in.nheld > 0))
		st = rs_intake_outcome(&c->in, in, true, 0, NULL, err);
	if (st == RS_OK) {
		c->stats.classified++;
		c->stats.per_stage[c->stage]++;
		return RS_OK;
	}
	*out = NULL;
	if (c->o.on_reject == NULL && st == RS_EREJECT)
		c->stats.rejected++;
	if (c->o.on_reject == NULL || st != RS_EREJECT)
		return st;
	why = *err;
	return rs_intake_outcome(&c->in, in, false, failed, &why, err);
}

/* ------------------------------------------------- a file, row by row */

/* A row on: to on_row when classified; skipped, held or rejected inside. */
static rs_status pass_row(rs_classifier *c, const rs_row *in, rs_error *err)
{
	const rs_row *out = NULL;
	rs_error why;
	rs_status st;

	/* Cleared field by field: a memset of the whole (664-byte) struct per
	 * row showed in profiles; every field is set or empty as one expects. */
	why.status = RS_OK;
	why.file = err->file;
	why.lang = err->lang;
	why.line = 0;
	why.where[0] = why.msg[0] = '\0';
	st = rs_classifier_row(c, in, &out, &why);
	if (st != RS_OK) {
		*err = why;
		return st;
	}
	return out != NULL && c->o.on_row != NULL ? c->o.on_row(c->o.ctx, out, err) : RS_OK;
}

static rs_status feed_header(void *ctx, const rs_row *in, rs_error *err)
{
	rs_classifier *c = ctx;
	const rs_row *out = NULL;
	rs_status st = rs_classifier_header(c, in, rs_reader_delimiter(c->rd), &out, err);

	if (st != RS_OK || out == NULL)
		return st; /* a title row above the header: the next record may be it */
	c->file_header = c->looking = true;
	return c->o.on_header != NULL ? c->o.on_header(c->o.ctx, out, in, err) : RS_OK;
}

/* The held first rows decide how the file's values read, then go on in order. */
static rs_status end_lookahead(rs_classifier *c, rs_error *err)
{
	const rs_row *row;
	rs_status st = RS_OK;
	size_t i;

	if (!c->looking)
		return RS_OK;
	c->looking = false;
	st = rs_classifier_lookahead(c, c->la, err);
	c->in_la = true;
	for (i = 0; st == RS_OK && (row = rs_rowq_row(c->la, i)) != NULL; i++)
		st = pass_row(c, row, err);
	c->in_la = false;
	rs_rowq_drop(c->la, SIZE_MAX);
	return st;
}

static rs_status feed_row(void *ctx, const rs_row *row, rs_error *err)
{
	rs_classifier *c = ctx;
	rs_status st;

	if (!c->file_header) /* a title row, or the header after title rows */
		return feed_header(ctx, row, err);
	if (c->looking) {
		if ((st = rs_rowq_push(c->la, row, err)) != RS_ELIMIT)
			return st;
		if ((st = end_lookahead(c, err)) != RS_OK)
			return st;
	}
	return pass_row(c, row, err);
}

/*
 * Rows hidden in the workbook (by hand, or filtered out) are classified like
 * the others: the file holds them. Said, since the person may have meant
 * only the rows they saw.
 */
static void say_hidden(rs_classifier *c, const rs_reader *rd)
{
	unsigned long first, n = rs_reader_hidden_rows(rd, &first);
	size_t at = c->notes.len;

	if (n == 0)
		return;
	(void)rs_buf_printf(&c->notes,
	                    rs_msg(c->o.lang, n == 1 ? RS_M_X_HIDDEN_ROW : RS_M_X_HIDDEN_ROWS), n,
	                    first);
	if (!c->notes.failed) /* out of memory: the summary JSON fails on it */
		tell_notes(c, at, c->notes.len, NULL, 0); /* no file: the one being read */
}

/*
 * A field read from a column hidden in the workbook: read like the others,
 * since the file holds it, and said, since the person may have hidden it
 * to leave it out (last year's share beside this year's).
 */
static void say_hidden_cols(rs_classifier *c, const rs_reader *rd)
{
	size_t at = c->notes.len;
	int f;

	for (f = 0; f < RS_F_COUNT && c->map != NULL; f++) {
		long col = rs_fieldmap_column(c->map, f);

		if (col < 0 || !rs_reader_column_hidden(rd, (size_t)col))
			continue;
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_HIDDEN_COL), rs_var_name(f),
		                    (unsigned long)col + 1, rs_var_name(f));
	}
	if (!c->notes.failed)
		tell_notes(c, at, c->notes.len, NULL, 0);
}

/*
 * A field's cells merged across rows (a level or an owner shown once for a
 * group of accounts): Excel shows the value in every row, but the file holds
 * it in the top one, and the rows under it are read as empty. Said, with how
 * to give each row its value.
 */
static void say_merged(rs_classifier *c, const rs_reader *rd)
{
	size_t at = c->notes.len, n;
	unsigned long top, bottom;
	int f;

	for (f = 0; f < RS_F_COUNT && c->map != NULL; f++) {
		long col = rs_fieldmap_column(c->map, f);

		if (col < 0 || (n = rs_reader_merged(rd, (size_t)col, c->header_line, &top, &bottom)) == 0)
			continue;
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_MERGED), rs_var_name(f),
		                    (unsigned long)col + 1, top, bottom,
		                    n > 1 ? rs_msg(c->o.lang, RS_M_X_AND_MORE) : "");
	}
	if (!c->notes.failed)
		tell_notes(c, at, c->notes.len, NULL, 0);
}

/* What the rows past the look-ahead showed, said once at the file's end
 * with the first and how many: shares that may be fractions read as
 * percentages, then, a line per field, JSON false values read as empty
 * (Odoo's empty fields). */
static void say_file_end(rs_classifier *c)
{
	size_t at = c->notes.len;
	int f;

	if (c->map == NULL)
		return;
	if (c->late_n > 0)
		rs_fieldmap_share_note(c->map, &c->notes, c->late_n, c->late_val, c->late_line);
	for (f = 0; f < RS_F_COUNT; f++)
		if (c->false_n[f] > 0)
			rs_fieldmap_false_note(c->map, &c->notes, f, c->false_n[f], c->false_line[f]);
	if (!c->notes.failed)
		tell_notes(c, at, c->notes.len, NULL, 0);
}

/*
 * The workbook opens in Excel on another sheet than the first, which was
 * read: said, since the person may have meant the sheet they saw (this
 * quarter's, of four with the same header). So are the sheets read when
 * more than one, a "NAME 2" left unread (last year's list, say), other
 * sheets that start as the one read (one list per region: their accounts
 * are not in the output), and a sheet that ends at Excel's last row (the
 * list may have been cut there).
 */
static void say_sheet(rs_classifier *c, const rs_reader *rd)
{
	const char *read = NULL, *active = rs_reader_active_sheet(rd, &read);
	char list[400];
	const char *full, *left = rs_reader_sheets(rd, list, sizeof list, &full);
	size_t at = c->notes.len, others;
	const char *first, *same = rs_reader_same_sheet(rd, &first, &others);

	if (active != NULL)
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_SHEET), read, active, active);
	if (list[0] != '\0')
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_SHEETS), list);
	if (left != NULL)
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_NOT_CONT), left, left);
	if (same != NULL && others == 1)
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_SAME1), same, first, same);
	else if (same != NULL)
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_SAMEN), others, first, same);
	if (full != NULL)
		(void)rs_buf_printf(&c->notes, rs_msg(c->o.lang, RS_M_X_FULL), full);
	if (!c->notes.failed)
		tell_notes(c, at, c->notes.len, NULL, 0);
}

rs_status rs_classifier_file(rs_classifier *c, rs_reader *rd, rs_error *err)
{
	rs_status st;

	c->rd = rd;
	c->cfg.keys = rs_reader_format(rd) == RS_FMT_JSON || rs_reader_format(rd) == RS_FMT_JSONL;
	c->file_header = false;
	c->last_here = false;
	rs_tally_reset(&c->file_tally);
	rs_tally_reset(&c->group_tally);
	c->group_over = false;
	c->late_n = 0;
	memset(c->false_n, 0, sizeof c->false_n);
	st = rs_reader_run(rd, feed_header, feed_row, c, err);
	if (st == RS_OK)
		st = end_lookahead(c, err);
	if (st == RS_OK)
		st = rs_classifier_end(c, err);
	if (st == RS_OK)
		say_sheet(c, rd);
	if (st == RS_OK)
		say_hidden_cols(c, rd);
	if (st == RS_OK)
		say_merged(c, rd);
	if (st == RS_OK)
		say_hidden(c, rd);
	if (st == RS_OK)
		say_file_end(c);
	c->looking = false;
	c->rd = NULL;
	rs_rowq_drop(c->la, SIZE_MAX);
	return st;
}

/* An account of the previous run that this run did not classify, by its
 * earlier stage: vanished, or only rejected. */
typedef struct tally {
	unsigned long *total, *per_stage;
} tally;

static void count_account(void *ctx, const char *id, size_t stage)
{
	tally *t = ctx;

	(void)id;
	++*t->total;
	if (stage < RS_MAX_STAGES)
		t->per_stage[stage]++;
}

/* New and vanished ids that differ only in shape: a note, said at once. */
static void say_reshaped(rs_classifier *c)
{
	size_t at = c->notes.len;

	/* out of memory: the summary JSON fails on it */
	if (rs_previous_reshaped(c->o.previous, c->o.lang, &c->notes) > 0 && !c->notes.failed)
		tell_notes(c, at, c->notes.len, rs_previous_name(c->o.previous), 0);
}

const rs_stats *rs_classifier_stats(rs_classifier *c)
{
	rs_stats *s = &c->stats;
	tally vanished = {&s->vanished, s->vanished_per_stage};
	tally rejected = {&s->prev_rejected, s->rejected_per_stage};
	int k;

	if (!c->finished && c->o.previous != NULL) {
		rs_previous_each(c->o.previous, false, count_account, &vanished);
		rs_previous_each(c->o.previous, true, count_account, &rejected);
		say_reshaped(c);
	}
	c->finished = true;
	s->read = s->classified + s->rejected;
	for (k = 0; k < RS_SKIP_COUNT; k++)
		s->read += s->skipped[k];
	return s;
}

long rs_intake_out_col(const rs_classifier *c, long in_col)
{
	if (in_col < 0)
		return -1;
	if ((size_t)in_col < c->drop_from)
		return in_col;
	if ((size_t)in_col < c->drop_to)
		return -1; /* an earlier run's column, replaced */
	return in_col - (long)(c->drop_to - c->drop_from);
}

size_t rs_classifier_key_columns(const rs_classifier *c, size_t *idx, unsigned char *rank,
                                 size_t max)
{
	static const int keys[] = {COL_LABEL,      COL_SHARE, COL_CONTACT, COL_COOP,      COL_TYPE_LABEL,
	                           COL_BONDS,      COL_FLAGS, COL_NEEDS,   COL_TRANSITION};
	/* A narrow table leaves out the scores first (needs spells out what they
	 * lack), then the relationship; the advice and the transition stay. The
	 * stage label, the answer, is never cut (RS_TABLE_WHOLE). */
	static const unsigned char ranks[] = {RS_TABLE_WHOLE, 8, 1, 2, 4, 3, 6, 5, 7};
	size_t n = 0, i, k;
	long id = rs_intake_out_col(c, rs_fieldmap_column(c->map, RS_F_ID));
	long name = rs_intake_out_col(c, rs_fieldmap_column(c->map, RS_F_NAME));

	if (id >= 0 && n < max) {
		rank[n] = RS_TABLE_WHOLE + 1;
		idx[n++] = (size_t)id;
	}
	if (name >= 0 && n < max) {
		rank[n] = 9;
		idx[n++] = (size_t)name;
	}
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		for (k = 0; k < c->ncols; k++)
			if (c->cols[k] == keys[i] && n < max) {
				rank[n] = ranks[i];
				idx[n++] = c->nin + k;
			}
	return n;
}
