/*
 * classify.c - the middle of the pipeline: a row becomes an account (field
 * map), gets its scores and stage (score, engine), and leaves as the output
 * row: the input cells unchanged, then the appended columns. Also keeps the
 * run's counts and, with --previous, the transitions.
 * Invariant: after the first few rows nothing here allocates. Appended cells
 * whose text depends only on the decision (stage id and label, next stage,
 * flags, actions) point at text prepared once: the rules' own strings, and
 * the joined flags and actions cached per (stage, fired action rules,
 * downgraded), at most TAIL_SLOTS of them. The others (numbers, explain,
 * transition) live in one reused arena and point into it only once it is
 * complete. Every appended cell carries its RS_PLAIN_ bits for the writer;
 * the cached actions also the _QUOTED ones, so the writer copies them into
 * CSV between quotes without scanning them each row.
 */
#include <string.h>

#include "buf_impl.h"
#include "copy_impl.h"
#include "internal.h"
#include "previous_impl.h"

/* Plain for every output format: what a formatted number or a bare id is. */
#define PLAIN_ALL (RS_PLAIN_CSV | RS_PLAIN_TSV | RS_PLAIN_JSON | RS_PLAIN_NOQUOTE)
/* Distinct (stage, fired set, downgraded) tails kept; more are built per row. */
#define TAIL_SLOTS 64

/* A piece of text set up once, with what it is plain for. */
typedef struct text_ref {
	const char *s;
	size_t n;
	unsigned char plain;
} text_ref;

/* The flags and actions cells of one decision, joined once: text holds
 * "flags\0actions\0". */
typedef struct tail {
	char *text;
	uint64_t fired; /* bit k: action rule k fired */
	unsigned char stage;
	bool down;
	text_ref flags, actions;
} tail;

enum {
	COL_STAGE,
	COL_LABEL,
	COL_SHARE,
	COL_CONTACT,
	COL_COOP,
	COL_NEXT,
	COL_GAP,
	COL_FLAGS,
	COL_ACTIONS,
	COL_EXPLAIN,
	COL_PREV,
	COL_TRANSITION,
	COL_MAX
};

/* Each appended column's JSON type, [empty][col]: the numbers, next_stage
 * and previous_stage are null when empty, other text is "". */
static const unsigned char col_type[2][COL_MAX] = {
	{[COL_SHARE] = RS_T_NUMBER, [COL_CONTACT] = RS_T_NUMBER, [COL_COOP] = RS_T_NUMBER,
	 [COL_GAP] = RS_T_NUMBER},
	{[COL_SHARE] = RS_T_NULL, [COL_CONTACT] = RS_T_NULL, [COL_COOP] = RS_T_NULL,
	 [COL_GAP] = RS_T_NULL, [COL_NEXT] = RS_T_NULL, [COL_PREV] = RS_T_NULL},
};

/* Column names: English by default, so scripts and --previous can rely on
 * them; Chinese when asked (--headers zh). */
static const char *const col_names[RS_LANG_COUNT][COL_MAX] = {
	{"stage", "stage_label", "share_pct", "contact_score", "cooperation_score", "next_stage",
	 "share_gap", "flags", "actions", "explain", "previous_stage", "transition"},
	{"阶段", "阶段名称", "采购份额百分比", "接触深度得分", "合作得分", "下一阶段",
	 "份额差距", "标记", "建议行动", "评分说明", "上次阶段", "阶段变化"},
};

const char *rs_stage_column_name(rs_lang lang)
{
	return col_names[lang][COL_STAGE];
}

struct rs_classifier {
	const rs_rules *rules;
	rs_classify_opts o;
	rs_fieldmap *map;
	rs_numfmt nf;
	size_t nin;          /* input columns */
	size_t nout;         /* output columns */
	int cols[COL_MAX];   /* which appended columns, in order */
	size_t ncols;
	/* output row storage, sized once at the header */
	const char **cell;
	size_t *len;
	unsigned char *type;
	char **hdr_cell;     /* output header names (owned copies) */
	size_t *hdr_len;
	rs_row out_hdr;
	rs_row out_row;
	rs_buf arena;        /* appended cells' text */
	rs_buf explain;
	size_t off[COL_MAX]; /* offsets of appended cells in arena */
	size_t clen[COL_MAX];
	const char *cptr[COL_MAX]; /* an appended cell's text outside the arena, or NULL */
	unsigned char cplain[COL_MAX];
	unsigned char *plain; /* output row's RS_PLAIN_ bits, nout of them */
	/* Per stage "id\0label\0" in one block, so the two cells go out as one
	 * run of back-to-back cells. */
	char *stage_text[RS_MAX_STAGES];
	text_ref stage_id[RS_MAX_STAGES], stage_label[RS_MAX_STAGES];
	tail tails[TAIL_SLOTS];
	rs_stats stats;
	bool finished;
	/* Looked up once, not per row: the action whose flag each action
	 * shares (itself when it is the first with that flag), and the
	 * downgrade message. */
	unsigned char flag_owner[RS_MAX_FIRED];
	const char *downgrade;
};

static text_ref text_of(const char *s)
{
	text_ref t;

	t.s = s != NULL ? s : "";
	t.n = strlen(t.s);
	t.plain = rs_plain_bits(t.s, t.n);
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
	for (i = 0; i < rs_rules_stage_count(r) && i < RS_MAX_STAGES; i++) {
		text_ref id = text_of(rs_rules_stage_id(r, i));
		text_ref label = text_of(rs_rules_stage_label(r, i, o->lang));

		c->stage_text[i] = rs_malloc(id.n + label.n + 2);
		if (c->stage_text[i] == NULL) {
			rs_classifier_free(c);
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		}
		memcpy(c->stage_text[i], id.s, id.n + 1);
		memcpy(c->stage_text[i] + id.n + 1, label.s, label.n + 1);
		c->stage_id[i] = (text_ref){c->stage_text[i], id.n, id.plain};
		c->stage_label[i] = (text_ref){c->stage_text[i] + id.n + 1, label.n, label.plain};
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
	rs_free((void *)c->cell);
	rs_free(c->len);
	rs_free(c->type);
	rs_free(c->plain);
	for (i = 0; i < TAIL_SLOTS; i++)
		rs_free(c->tails[i].text);
	for (i = 0; i < RS_MAX_STAGES; i++)
		rs_free(c->stage_text[i]);
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

static rs_status alloc_rows(rs_classifier *c, const rs_row *in, rs_error *err)
{
	size_t i;

	c->nin = in->n;
	c->nout = in->n + c->ncols;
	c->cell = rs_calloc(c->nout, sizeof *c->cell);
	c->len = rs_calloc(c->nout, sizeof *c->len);
	c->type = rs_calloc(c->nout, sizeof *c->type);
	c->plain = rs_calloc(c->nout, sizeof *c->plain);
	c->hdr_cell = rs_calloc(c->nout, sizeof *c->hdr_cell);
	c->hdr_len = rs_calloc(c->nout, sizeof *c->hdr_len);
	if (!c->cell || !c->len || !c->type || !c->plain || !c->hdr_cell || !c->hdr_len)
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
	c->out_hdr.line = 1;
	c->out_row.n = c->nout;
	c->out_row.cell = c->cell;
	c->out_row.len = c->len;
	c->out_row.type = c->type;
	c->out_row.plain = c->plain;
	return RS_OK;
}

rs_status rs_classifier_header(rs_classifier *c, const rs_row *in, char delimiter,
                               const rs_row **out, rs_error *err)
{
	rs_status st;

	c->nf.decimal_comma = delimiter == ';';
	if (c->map != NULL) {
		st = same_header(c, in, err);
		if (st != RS_OK)
			return st;
		*out = &c->out_hdr;
		return RS_OK;
	}
	st = check_collisions(c, in, err);
	if (st == RS_OK)
		st = rs_fieldmap_new(&c->map, in, c->o.maps, c->o.nmaps, err);
	if (st == RS_OK)
		st = alloc_rows(c, in, err);
	if (st != RS_OK)
		return st;
	*out = &c->out_hdr;
	return RS_OK;
}

/* Starts appended cell `col` at the arena's end. */
static void cell_begin(rs_classifier *c, int col)
{
	c->off[col] = c->arena.len;
	c->cptr[col] = NULL;
}

static void cell_end(rs_classifier *c, int col)
{
	c->clen[col] = c->arena.len - c->off[col];
	rs_buf_add_c(&c->arena, '\0');
}

static void put_text(rs_classifier *c, int col, const char *s)
{
	cell_begin(c, col);
	if (s != NULL)
		rs_buf_add_str(&c->arena, s);
	cell_end(c, col);
	c->cplain[col] = rs_plain_bits(c->arena.data + c->off[col], c->clen[col]);
}

/* A cell whose text lives elsewhere for as long as the classifier. */
static void put_ref(rs_classifier *c, int col, text_ref t)
{
	c->cptr[col] = t.s;
	c->clen[col] = t.n;
	c->cplain[col] = t.plain;
}

/* A short known text copied into the arena, so the cells on either side and
 * it make one run. */
static void put_copy(rs_classifier *c, int col, text_ref t)
{
	cell_begin(c, col);
	rs_buf_add(&c->arena, t.s, t.n);
	cell_end(c, col);
	c->cplain[col] = t.plain;
}

static void put_num(rs_classifier *c, int col, double v, int decimals)
{
	cell_begin(c, col);
	rs_buf_put_num(&c->arena, v, decimals);
	cell_end(c, col);
	c->cplain[col] = PLAIN_ALL;
}

/* Joins the fired action rules' flags, distinct, in rule order. */
static void put_flags(rs_classifier *c, const rs_result *res, bool downgraded)
{
	uint64_t listed = 0; /* bit k: the flag of action k is in the cell */
	size_t i;
	bool first = true;

	cell_begin(c, COL_FLAGS);
	for (i = 0; i < res->nfired; i++) {
		const char *f = rs_rules_action_flag(c->rules, res->fired[i]);
		unsigned owner = c->flag_owner[res->fired[i]];

		if (f == NULL || (listed >> owner & 1u))
			continue;
		listed |= (uint64_t)1 << owner;
		if (!first)
			rs_buf_add_c(&c->arena, ';');
		rs_buf_add_str(&c->arena, f);
		first = false;
	}
	if (downgraded) {
		if (!first)
			rs_buf_add_c(&c->arena, ';');
		RS_BUF_LIT(&c->arena, "downgraded");
	}
	cell_end(c, COL_FLAGS);
	c->cplain[COL_FLAGS] = rs_plain_bits(c->arena.data + c->off[COL_FLAGS], c->clen[COL_FLAGS]);
}

static void put_actions(rs_classifier *c, const rs_result *res, bool downgraded)
{
	rs_lang lang = c->o.lang;
	size_t i;
	const char *s = rs_rules_stage_actions(c->rules, res->stage, lang);
	bool any = s != NULL && *s != '\0';

	cell_begin(c, COL_ACTIONS);
	if (downgraded) {
		const char *m = c->downgrade;
		if (m != NULL) {
			rs_buf_add_str(&c->arena, m);
			if (any || res->nfired > 0)
				RS_BUF_LIT(&c->arena, RS_ACTION_SEP);
		}
	}
	for (i = 0; i < res->nfired; i++) {
		rs_buf_add_str(&c->arena, rs_rules_action_text(c->rules, res->fired[i], lang));
		if (i + 1 < res->nfired || any)
			RS_BUF_LIT(&c->arena, RS_ACTION_SEP);
	}
	if (any)
		rs_buf_add_str(&c->arena, s);
	cell_end(c, COL_ACTIONS);
	c->cplain[COL_ACTIONS] = rs_plain_bits(c->arena.data + c->off[COL_ACTIONS], c->clen[COL_ACTIONS]);
}

static size_t tail_hash(uint64_t fired, size_t stage, bool down)
{
	uint64_t h = (fired ^ (uint64_t)stage << 58 ^ (uint64_t)down << 63) * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(h >> 58) % TAIL_SLOTS;
}

/*
 * The flags and actions cells of this decision: from the cache, else joined
 * into the arena (and cached when a slot and memory are free; a failure to
 * cache only means joining again next time).
 */
static void put_tail(rs_classifier *c, const rs_result *res, bool down)
{
	uint64_t fired = 0;
	size_t i, h, probe;
	tail *t = NULL;

	for (i = 0; i < res->nfired; i++)
		fired |= (uint64_t)1 << res->fired[i];
	h = tail_hash(fired, res->stage, down);
	for (probe = 0; probe < TAIL_SLOTS; probe++) {
		t = &c->tails[(h + probe) % TAIL_SLOTS];
		if (t->text == NULL || (t->fired == fired && t->stage == res->stage && t->down == down))
			break;
	}
	if (probe < TAIL_SLOTS && t->text != NULL) {
		put_ref(c, COL_FLAGS, t->flags);
		put_ref(c, COL_ACTIONS, t->actions);
		return;
	}
	put_flags(c, res, down);
	put_actions(c, res, down);
	if (probe == TAIL_SLOTS || c->arena.failed)
		return;
	t->text = rs_malloc(c->clen[COL_FLAGS] + c->clen[COL_ACTIONS] + 2);
	if (t->text == NULL)
		return;
	memcpy(t->text, c->arena.data + c->off[COL_FLAGS], c->clen[COL_FLAGS] + 1);
	memcpy(t->text + c->clen[COL_FLAGS] + 1, c->arena.data + c->off[COL_ACTIONS],
	       c->clen[COL_ACTIONS] + 1);
	t->fired = fired;
	t->stage = (unsigned char)res->stage;
	t->down = down;
	t->flags = (text_ref){t->text, c->clen[COL_FLAGS], c->cplain[COL_FLAGS]};
	t->actions = (text_ref){t->text + c->clen[COL_FLAGS] + 1, c->clen[COL_ACTIONS],
	                        c->cplain[COL_ACTIONS]};
}

/* --previous: the account's earlier stage and how it moved. */
static rs_status put_transition(rs_classifier *c, const rs_account *a, const rs_row *in,
                                size_t stage, bool *downgraded, rs_error *err)
{
	unsigned long first = 0;
	long prev = rs_previous_visit(c->o.previous, a->id, a->id_len, in->line, &first);
	rs_stats *s = &c->stats;

	*downgraded = false;
	if (prev == RS_PREV_DUPLICATE)
		return rs_error_set(err, RS_EREJECT, in->line,
		                    "duplicate id \"%s\" (first at line %lu); ids must be unique "
		                    "to compare with --previous",
		                    a->id, first);
	if (prev == RS_PREV_NOMEM)
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	if (prev < 0) {
		put_text(c, COL_PREV, NULL);
		put_text(c, COL_TRANSITION, "new");
		s->added++;
		return RS_OK;
	}
	put_text(c, COL_PREV, rs_rules_stage_id(c->rules, (size_t)prev));
	s->transition[prev][stage]++;
	if ((size_t)prev < stage) {
		put_text(c, COL_TRANSITION, "up");
		s->up++;
	} else if ((size_t)prev > stage) {
		put_text(c, COL_TRANSITION, "down");
		s->down++;
		*downgraded = true;
	} else {
		put_text(c, COL_TRANSITION, "same");
		s->same++;
	}
	return RS_OK;
}

static rs_status evaluate(rs_classifier *c, const rs_row *in, rs_account *a, rs_result *res,
                          rs_error *err)
{
	rs_buf *ex = c->o.explain ? &c->explain : NULL;
	rs_status st;

	if (in->reject != NULL)
		return rs_error_set(err, RS_EREJECT, in->line, "%s", in->reject);
	if (ex != NULL)
		rs_buf_reset(ex);
	st = rs_fieldmap_apply(c->map, in, &c->nf, a, err);
	if (st == RS_OK)
		st = rs_score(c->rules, a, ex, c->o.lang, err);
	if (st == RS_OK)
		st = rs_engine_eval(c->rules, a, res, ex, c->o.lang, err);
	if (st != RS_OK && err->line == 0)
		err->line = in->line;
	return st;
}

rs_status rs_classifier_row(rs_classifier *c, const rs_row *in, const rs_row **out, rs_error *err)
{
	rs_account a;
	rs_result res;
	rs_status st;
	bool down = false;
	size_t i, k;

	c->stats.read++;
	st = evaluate(c, in, &a, &res, err);
	rs_buf_reset(&c->arena);
	if (st == RS_OK && c->o.previous != NULL)
		st = put_transition(c, &a, in, res.stage, &down, err);
	if (st != RS_OK) {
		c->stats.read--; /* counted again by rs_classifier_count_reject */
		if (st == RS_EREJECT)
			rs_classifier_count_reject(c);
		return st;
	}
	put_ref(c, COL_STAGE, c->stage_id[res.stage]);
	put_ref(c, COL_LABEL, c->stage_label[res.stage]);
	put_num(c, COL_SHARE, a.v[RS_V_SHARE_PCT], 2);
	put_num(c, COL_CONTACT, a.v[RS_V_CONTACT_SCORE], 1);
	put_num(c, COL_COOP, a.v[RS_V_COOPERATION_SCORE], 1);
	put_copy(c, COL_NEXT, res.next_stage >= 0 ? c->stage_id[res.next_stage] : (text_ref){"", 0, PLAIN_ALL});
	if (res.share_gap >= 0)
		put_num(c, COL_GAP, res.share_gap, 2);
	else
		put_copy(c, COL_GAP, (text_ref){"", 0, PLAIN_ALL});
	put_tail(c, &res, down);
	if (c->o.explain) /* the explain buffer itself: not copied, scanned by the writer */
		put_ref(c, COL_EXPLAIN, (text_ref){c->explain.data ? c->explain.data : "", c->explain.len, 0});
	/* The explain text too: a row must never go out with a silently cut one. */
	if (c->arena.failed || (c->o.explain && c->explain.failed))
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");

	/* The input cells as they are; nin == in->n (the field map checked it). */
	i = c->nin;
	rs_copy((void *)c->cell, in->cell, i * sizeof *c->cell);
	rs_copy(c->len, in->len, i * sizeof *c->len);
	if (in->type != NULL)
		memcpy(c->type, in->type, i);
	else
		memset(c->type, RS_T_STRING, i);
	if (in->plain != NULL)
		rs_copy(c->plain, in->plain, i);
	else
		memset(c->plain, 0, i);
	for (k = 0; k < c->ncols; k++, i++) {
		int col = c->cols[k];

		c->cell[i] = c->cptr[col] != NULL ? c->cptr[col] : c->arena.data + c->off[col];
		c->len[i] = c->clen[col];
		c->plain[i] = c->cplain[col];
		c->type[i] = col_type[c->clen[col] == 0][col];
	}
	c->out_row.line = in->line;
	c->stats.classified++;
	c->stats.per_stage[res.stage]++;
	*out = &c->out_row;
	return RS_OK;
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
	static const int keys[] = {COL_LABEL, COL_SHARE, COL_CONTACT, COL_COOP, COL_FLAGS, COL_TRANSITION};
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
