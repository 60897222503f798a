/*
 * classify.c - the middle of the pipeline: a row becomes an account (field
 * map), gets its scores and stage (score, engine), and leaves as the output
 * row: the input cells unchanged, then the appended columns (classify_row.c).
 * Here: the classifier's set-up, once per run (the stages' texts, the flag
 * owners), the output header, and the run's
 * counts and, with --previous, the transitions.
 */
#include <string.h>

#include "classify_impl.h"
#include "fields_impl.h"
#include "previous_impl.h"
#include "rules_impl.h"

/* Column names: English by default, so scripts and --previous can rely on
 * them; Chinese when asked (--headers zh). */
static const char *const col_names[RS_LANG_COUNT][COL_MAX] = {
	{"stage", "stage_label", "share_pct", "contact_score", "cooperation_score", "next_stage",
	 "share_gap", "flags", "actions", "relationship_type", "relationship_label", "bonds",
	 "needs", "alliance_model", "explain", "previous_stage", "transition"},
	{"阶段", "阶段名称", "采购份额百分比", "接触深度得分", "合作得分", "下一阶段",
	 "份额差距", "标记", "建议行动", "关系类型", "关系类型名称", "关系纽带",
	 "晋级条件", "联盟模式", "评分说明", "上次阶段", "阶段变化"},
};

const char *rs_stage_column_name(rs_lang lang)
{
	return col_names[lang][COL_STAGE];
}

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
	for (i = 0; i < TAIL_SLOTS; i++)
		rs_free(c->tails[i].text);
	rs_buf_free(&c->arena);
	rs_buf_free(&c->explain);
	rs_free(c);
}

/* A later file's header must name the same columns in the same order. */
static rs_status same_header(const rs_classifier *c, const rs_row *in, rs_error *err)
{
	size_t i;

	if (in->n == c->nin) {
		for (i = 0; i < in->n; i++)
			if (in->len[i] != c->hdr_len[i] || memcmp(in->cell[i], c->hdr_cell[i], in->len[i]) != 0)
				break;
		if (i == in->n)
			return RS_OK;
		return rs_error_set(err, RS_EUSAGE, 1,
		                    "column %zu is \"%s\" here but \"%s\" in the first file; "
		                    "files classified together need the same columns",
		                    i + 1, in->cell[i], c->hdr_cell[i]);
	}
	return rs_error_set(err, RS_EUSAGE, 1,
	                    "%zu columns here but %zu in the first file; files classified "
	                    "together need the same columns",
	                    in->n, c->nin);
}

static rs_status check_collisions(const rs_classifier *c, const rs_row *in, rs_error *err)
{
	size_t i, k;

	for (i = 0; i < in->n; i++)
		for (k = 0; k < c->ncols; k++)
			if (strcmp(in->cell[i], col_names[c->o.header_lang][c->cols[k]]) == 0)
				return rs_error_set(err, RS_EUSAGE, 1,
				                    "input column %zu is named \"%s\", which relstage "
				                    "appends itself (is this relstage output?); rename "
				                    "or remove that column",
				                    i + 1, in->cell[i]);
	return RS_OK;
}

/* The header's types: which columns hold numbers (numeric fields' input
 * columns and the appended numbers), for writers that type cells. */
static void mark_numbers(rs_classifier *c)
{
	size_t k;
	int f;

	for (f = 0; f < RS_F_COUNT; f++) {
		long col = rs_fieldmap_column(c->map, f);

		if (col >= 0 && rs_var_kind(f) == RS_KIND_NUMBER)
			c->hdr_type[col] = RS_T_NUMBER;
	}
	for (k = 0; k < c->ncols; k++)
		if (c->cols[k] == COL_SHARE || c->cols[k] == COL_CONTACT || c->cols[k] == COL_COOP ||
		    c->cols[k] == COL_GAP)
			c->hdr_type[c->nin + k] = RS_T_NUMBER;
}

static rs_status alloc_rows(rs_classifier *c, const rs_row *in, rs_error *err)
{
	size_t i;

	c->nin = in->n;
	c->nout = in->n + c->ncols;
	c->cell = rs_calloc(c->nout, sizeof *c->cell);
	c->len = rs_calloc(c->nout, sizeof *c->len);
	c->type = rs_calloc(c->nout, sizeof *c->type);
	c->hdr_cell = rs_calloc(c->nout, sizeof *c->hdr_cell);
	c->hdr_len = rs_calloc(c->nout, sizeof *c->hdr_len);
	c->hdr_type = rs_calloc(c->nout, sizeof *c->hdr_type);
	if (!c->cell || !c->len || !c->type || !c->hdr_cell || !c->hdr_len || !c->hdr_type)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0; i < c->nout; i++) {
		const char *s = i < c->nin ? in->cell[i] : col_names[c->o.header_lang][c->cols[i - c->nin]];
		size_t n = i < c->nin ? in->len[i] : strlen(s);

		c->hdr_cell[i] = rs_strndup(s, n);
		if (c->hdr_cell[i] == NULL)
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		c->hdr_len[i] = n;
	}
	c->out_hdr.n = c->nout;
	c->out_hdr.cell = (const char *const *)c->hdr_cell;
	c->out_hdr.len = c->hdr_len;
	c->out_hdr.type = c->hdr_type;
	c->out_hdr.line = 1;
	mark_numbers(c);
	c->out_row.n = c->nout;
	c->out_row.cell = c->cell;
	c->out_row.len = c->len;
	c->out_row.type = c->type;
	return RS_OK;
}

rs_status rs_classifier_header(rs_classifier *c, const rs_row *in, char delimiter,
                               const rs_row **out, rs_error *err)
{
	rs_status st;

	c->nf.decimal_comma = delimiter == ';';
	c->conv = delimiter == ';' ? ',' : '.';
	if (c->map != NULL) {
		st = same_header(c, in, err);
	} else {
		st = check_collisions(c, in, err);
		if (st == RS_OK)
			st = rs_fieldmap_new(&c->map, in, c->o.maps, c->o.nmaps, err);
		if (st == RS_OK)
			st = alloc_rows(c, in, err);
	}
	if (st != RS_OK)
		return st;
	if (c->o.today != 0)
		c->map->today = c->o.today;
	/* Each file is read by its own first rows (rs_classifier_lookahead). */
	c->told = 0;
	rs_fieldmap_decide(c->map, NULL, c->o.share_scale, NULL, NULL);
	*out = &c->out_hdr;
	return RS_OK;
}

void rs_classifier_lookahead(rs_classifier *c, const rs_rowq *q)
{
	if (c->map != NULL)
		rs_fieldmap_decide(c->map, q, c->o.share_scale, c->o.notice, c->o.notice_ctx);
}

void rs_classifier_count_reject(rs_classifier *c)
{
	c->stats.read++;
	c->stats.rejected++;
}

static void count_vanished(void *ctx, const char *id, size_t stage)
{
	rs_stats *s = ctx;

	(void)id;
	s->vanished++;
	if (stage < RS_MAX_STAGES)
		s->vanished_per_stage[stage]++;
}

const rs_stats *rs_classifier_stats(rs_classifier *c)
{
	if (!c->finished && c->o.previous != NULL)
		rs_previous_each_vanished(c->o.previous, count_vanished, &c->stats);
	c->finished = true;
	return &c->stats;
}

size_t rs_classifier_key_columns(const rs_classifier *c, size_t *idx, size_t max)
{
	static const int keys[] = {COL_LABEL,      COL_SHARE, COL_CONTACT, COL_COOP,      COL_TYPE_LABEL,
	                           COL_BONDS,      COL_FLAGS, COL_NEEDS,   COL_TRANSITION};
	size_t n = 0, i, k;
	long id = rs_fieldmap_column(c->map, RS_F_ID), name = rs_fieldmap_column(c->map, RS_F_NAME);

	if (id >= 0 && n < max)
		idx[n++] = (size_t)id;
	if (name >= 0 && n < max)
		idx[n++] = (size_t)name;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		for (k = 0; k < c->ncols; k++)
			if (c->cols[k] == keys[i] && n < max)
				idx[n++] = c->nin + k;
	return n;
}
