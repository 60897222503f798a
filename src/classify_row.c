/*
 * classify_row.c - one row through the classifier: evaluate (field map,
 * scores, engine), then the output row's appended cells.
 * Invariant: after the first few rows nothing here allocates. The appended
 * cells are written into one reused arena, back to back, each followed by
 * its NUL, in output order, and pointed at once the row is complete (the
 * arena may move while it grows). The flags and actions, which depend only
 * on the decision, are joined once per (stage, fired action rules,
 * downgraded), at most TAIL_SLOTS of them: the cached actions are pointed
 * at, not copied.
 */
#include <math.h>
#include <string.h>

#include "classify_impl.h"
#include "fields_impl.h"
#include "previous_impl.h"
#include "rules_impl.h"

/* Appends s[0..n) and its NUL to the arena as appended cell k. */
static void put_cell(rs_classifier *c, size_t k, const char *s, size_t n, unsigned char type)
{
	c->len[c->nin + k] = n;
	c->type[c->nin + k] = type;
	(void)rs_buf_append(&c->arena, s, n);
	(void)rs_buf_putc(&c->arena, '\0');
}

/* v with d decimals (rs_buf_put_num) as appended cell k; with
 * decimal_comma, "12,5". */
static void put_num(rs_classifier *c, size_t k, double v, int d)
{
	size_t start = c->arena.len, n;
	char *dot;

	(void)rs_buf_put_num(&c->arena, v, d);
	n = c->arena.len - start;
	if (c->o.decimal_comma && n > 0 && (dot = memchr(c->arena.data + start, '.', n)) != NULL)
		*dot = ',';
	c->len[c->nin + k] = n;
	c->type[c->nin + k] = n != 0 ? RS_T_NUMBER : RS_T_NULL;
	(void)rs_buf_putc(&c->arena, '\0');
}

/* The cells stage .. share_gap, and flags when the tail t was cached. */
static void put_fixed(rs_classifier *c, const rs_account *a, const rs_result *res, const tail *t)
{
	const text_ref *id = &c->stage_id[res->stage], *label = &c->stage_label[res->stage];

	put_cell(c, COL_STAGE, id->s, id->n, RS_T_STRING);
	put_cell(c, COL_LABEL, label->s, label->n, RS_T_STRING);
	put_num(c, COL_SHARE, a->v[RS_V_SHARE_PCT], 2);
	put_num(c, COL_CONTACT, a->v[RS_V_CONTACT_SCORE], 1);
	put_num(c, COL_COOP, a->v[RS_V_COOPERATION_SCORE], 1);
	if (res->next_stage >= 0) {
		const text_ref *n = &c->stage_id[res->next_stage];

		put_cell(c, COL_NEXT, n->s, n->n, n->n != 0 ? RS_T_STRING : RS_T_NULL);
	} else {
		put_cell(c, COL_NEXT, "", 0, RS_T_NULL);
	}
	if (res->share_gap >= 0)
		put_num(c, COL_GAP, res->share_gap, 2);
	else
		put_cell(c, COL_GAP, "", 0, RS_T_NULL);
	if (t != NULL)
		put_cell(c, COL_FLAGS, t->flags.s, t->flags.n, RS_T_STRING);
}

/* Appends s (NULL: nothing) and its NUL to the arena as a cell; its length. */
static size_t put_text(rs_classifier *c, const char *s)
{
	size_t start = c->arena.len, n;

	if (s != NULL)
		(void)rs_buf_puts(&c->arena, s);
	n = c->arena.len - start;
	(void)rs_buf_putc(&c->arena, '\0');
	return n;
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
		if (!first)
			rs_buf_putc(&c->arena, ';');
		rs_buf_puts(&c->arena, f);
		first = false;
	}
	if (downgraded) {
		if (!first)
			rs_buf_putc(&c->arena, ';');
		rs_buf_puts(&c->arena, "downgraded");
		first = false;
	}
	if (c->mismatch) {
		if (!first)
			rs_buf_putc(&c->arena, ';');
		rs_buf_puts(&c->arena, "share_mismatch");
	}
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

	if (downgraded) {
		const char *m = c->downgrade;
		if (m != NULL) {
			rs_buf_puts(&c->arena, m);
			if (any || res->nfired > 0)
				rs_buf_puts(&c->arena, RS_ACTION_SEP);
		}
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

static size_t tail_hash(uint64_t fired, size_t stage, bool down)
{
	uint64_t h = (fired ^ (uint64_t)stage << 58 ^ (uint64_t)down << 63) * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(h >> 56) % TAIL_SLOTS;
}

/*
 * The cached flags and actions of this decision, or NULL; then *slot is
 * where to cache them, NULL when all TAIL_SLOTS are taken.
 */
static tail *find_tail(rs_classifier *c, const rs_result *res, bool down, uint64_t *fired_out,
                       tail **slot)
{
	uint64_t fired = 0;
	size_t i, h, probe;
	tail *t;

	for (i = 0; i < res->nfired; i++)
		fired |= (uint64_t)1 << res->fired[i];
	*fired_out = fired;
	*slot = NULL;
	h = tail_hash(fired, res->stage, down);
	for (probe = 0; probe < TAIL_SLOTS; probe++) {
		t = &c->tails[(h + probe) % TAIL_SLOTS];
		if (t->text == NULL) {
			*slot = t;
			return NULL;
		}
		if (t->fired == fired && t->stage == res->stage && t->down == down)
			return t;
	}
	return NULL;
}

/*
 * The flags and actions cells of a decision not in the cache, joined into
 * the arena after the fixed cells, and cached in `slot` when there is one
 * and memory for it (a failure to cache only means joining again next time).
 */
static void put_tail(rs_classifier *c, const rs_result *res, bool down, uint64_t fired,
                     tail *slot, size_t *len, unsigned char *type)
{
	size_t fstart = c->arena.len;

	len[COL_FLAGS] = put_flags(c, res, down);
	len[COL_ACTIONS] = put_actions(c, res, down);
	type[COL_FLAGS] = type[COL_ACTIONS] = RS_T_STRING;
	if (c->arena.failed || slot == NULL)
		return;
	slot->text = rs_malloc(c->arena.len - fstart);
	if (slot->text == NULL)
		return;
	memcpy(slot->text, c->arena.data + fstart, c->arena.len - fstart);
	slot->fired = fired;
	slot->stage = (unsigned char)res->stage;
	slot->down = down;
	slot->flags = (text_ref){slot->text, len[COL_FLAGS]};
	slot->actions = (text_ref){slot->text + len[COL_FLAGS] + 1, len[COL_ACTIONS]};
}

/* --previous: the account's earlier stage (-1: new), counted; *downgraded
 * when it was higher. */
static rs_status visit(rs_classifier *c, const rs_account *a, const rs_row *in, size_t stage,
                       long *prev_out, bool *downgraded, rs_error *err)
{
	unsigned long first = 0;
	long prev = rs_previous_visit(c->o.previous, a->id, a->id_len, in->line, &first);
	rs_stats *s = &c->stats;

	*downgraded = false;
	*prev_out = prev;
	if (prev == RS_PREV_DUPLICATE)
		return rs_error_set(err, RS_EREJECT, in->line,
		                    "duplicate id \"%s\" (first at line %lu); ids must be unique "
		                    "to compare with --previous",
		                    a->id, first);
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

/* previous_stage and transition, at k and k + 1 of the appended cells. */
static void put_transition(rs_classifier *c, long prev, size_t stage, size_t k, size_t *len,
                           unsigned char *type)
{
	const char *how = prev < 0 ? "new" : (size_t)prev < stage ? "up"
	                  : (size_t)prev > stage ? "down" : "same";

	len[k] = put_text(c, prev < 0 ? NULL : rs_rules_stage_id(c->rules, (size_t)prev));
	type[k] = len[k] != 0 ? RS_T_STRING : RS_T_NULL;
	len[k + 1] = put_text(c, how);
	type[k + 1] = RS_T_STRING;
}

/* A row's problems with the share, after bad cells: listed with them. */
#define SHARE_FIELDS ((1u << RS_F_PURCHASE_SHARE) | (1u << RS_F_OUR_SALES) | (1u << RS_F_CUSTOMER_SPEND))
/* A prepared text as appended cell k; null when empty. */
static void put_ref(rs_classifier *c, size_t k, const text_ref *t)
{
	put_cell(c, k, t->s, t->n, t->n != 0 ? RS_T_STRING : RS_T_NULL);
}

/*
 * The advice's cells: relationship type and its label, the bonds, what the
 * next stage needs, the alliance model. Prepared texts and, in needs, the
 * distances.
 */
static void put_advice(rs_classifier *c, const rs_result *res)
{
	static const text_ref none = {"", 0};
	const rs_rules *r = c->rules;
	int g = c->o.lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;
	size_t i, start, num;
	char *dot;

	put_ref(c, COL_TYPE, res->type >= 0 ? &c->type_id[res->type] : &none);
	put_ref(c, COL_TYPE_LABEL, res->type >= 0 ? &c->type_label[res->type] : &none);
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
		num = c->arena.len;
		if (isnan(res->need_gap[i]))
			(void)rs_buf_putc(&c->arena, '?');
		else if (rs_buf_put_num(&c->arena, res->need_gap[i], 2) && c->o.decimal_comma &&
		         (dot = memchr(c->arena.data + num, '.', c->arena.len - num)) != NULL)
			*dot = ',';
		(void)rs_buf_puts(&c->arena, s + at + 5); /* after "{gap}" */
	}
	c->len[c->nin + COL_NEEDS] = c->arena.len - start;
	c->type[c->nin + COL_NEEDS] = c->arena.len > start ? RS_T_STRING : RS_T_NULL;
	(void)rs_buf_putc(&c->arena, '\0');
	put_ref(c, COL_MODEL, res->model >= 0 ? &c->model_id[res->model] : &none);
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
	st = rs_fieldmap_read(c->map, in, &c->nf, a, &guessed, failed, err);
	for (f = 0; (guessed &= ~c->told) != 0; f++)
		if (guessed >> f & 1u) { /* how an ambiguous number was read: said once */
			rs_fieldmap_tell(c->map, f, in, c->conv, c->o.notice, c->o.notice_ctx);
			c->told |= 1u << f;
		}
	if (st == RS_EREJECT && *failed != 0 && !(*failed & SHARE_FIELDS)) {
		rs_error_clear(&more);
		if (rs_score(c->rules, a, NULL, c->o.lang, &more) == RS_EREJECT)
			rs_error_add_reason(err, in->line, more.where, more.msg);
	}
	if (st == RS_OK && c->o.previous != NULL) {
		long prev = rs_previous_stage(c->o.previous, a->id, a->id_len);

		a->v[RS_V_PREVIOUS_STAGE] = (double)prev;
		a->known |= (uint32_t)(prev >= 0) << RS_V_PREVIOUS_STAGE;
	}
	if (st == RS_OK)
		st = rs_score(c->rules, a, ex, c->o.lang, err);
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
 * back to back from its start; cached actions and the explain text are not
 * in it. */
static void set_cells(rs_classifier *c, const tail *t)
{
	const char **cell = c->cell + c->nin;
	const size_t *len = c->len + c->nin;
	const char *p = c->arena.data;
	size_t k;

	for (k = 0; k < COL_ACTIONS; k++) {
		cell[k] = p;
		p += len[k] + 1;
	}
	if (t != NULL) {
		cell[COL_ACTIONS] = t->actions.s;
	} else {
		cell[COL_ACTIONS] = p;
		p += len[COL_ACTIONS] + 1;
	}
	for (k = COL_TYPE; k < COL_EXPLAIN; k++) {
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
	uint64_t fired;
	tail *t, *slot;
	size_t *len = c->len + c->nin, k = COL_EXPLAIN;
	unsigned char *type = c->type + c->nin;

	st = evaluate(c, in, &a, &res, failed, err);
	rs_buf_reset(&c->arena);
	if (st == RS_OK && c->o.previous != NULL)
		st = visit(c, &a, in, res.stage, &prev, &down, err);
	if (st != RS_OK)
		return st;
	t = find_tail(c, &res, down, &fired, &slot);
	if (c->mismatch)
		t = slot = NULL; /* share_mismatch: joined for this row, not cached */
	put_fixed(c, &a, &res, t);
	if (t != NULL) {
		len[COL_ACTIONS] = t->actions.n;
		type[COL_ACTIONS] = RS_T_STRING;
	} else {
		put_tail(c, &res, down, fired, slot, len, type);
	}
	put_advice(c, &res);
	if (c->o.explain) { /* the explain buffer itself: not copied */
		len[k] = c->explain.len;
		type[k++] = RS_T_STRING;
	}
	if (c->o.previous != NULL)
		put_transition(c, prev, res.stage, k, len, type);
	/* The explain text too: a row must never go out with a silently cut one. */
	if (c->arena.failed || (c->o.explain && c->explain.failed))
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	set_cells(c, t);
	copy_input(c, in);
	c->out_row.line = in->line;
	c->stats.classified++;
	c->stats.per_stage[res.stage]++;
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
	c->pad = *in;
	c->pad.n = c->nraw;
	c->pad.cell = c->pad_cell;
	c->pad.len = c->pad_len;
	c->pad.type = c->pad_type;
	return &c->pad;
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

	*out = NULL;
	if (in->type != NULL && in->n < c->nraw && in->reject == NULL)
		in = pad_row(c, in);
	if (!rs_intake_plain_row(&c->in, in) && rs_intake_skip(&c->in, in) >= 0)
		return RS_OK;
	st = classify(c, in, out, &failed, err);
	if (c->o.on_reject == NULL) {
		if (st == RS_EREJECT)
			rs_classifier_count_reject(c);
		return st;
	}
	if (st == RS_OK && !c->in.probing && c->in.nheld == 0)
		return RS_OK; /* nothing held back: nothing to release */
	if (st == RS_OK)
		return rs_intake_outcome(&c->in, in, true, 0, NULL, err);
	if (st != RS_EREJECT)
		return st;
	why = *err;
	return rs_intake_outcome(&c->in, in, false, failed, &why, err);
}
