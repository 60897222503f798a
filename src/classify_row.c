/*
 * classify_row.c - one row through the classifier: evaluate (field map,
 * scores, engine), then the output row's appended cells.
 * Invariant: after the first few rows nothing here allocates. Text that
 * depends only on the decision (stage id and label, next stage, flags,
 * actions) is prepared once: the stages' "id\0label\0" blocks, and the
 * joined flags and actions cached per (stage, fired action rules,
 * downgraded), at most TAIL_SLOTS of them. The short cells are copied from
 * there into one reused arena, back to back with the numbers, so the writer
 * copies stage .. flags as one run; the cached actions and the explain text
 * are pointed at. Every appended cell carries its RS_PLAIN_ bits for the
 * writer; the cached actions also the _QUOTED ones, so the writer copies
 * them into CSV between quotes without scanning them each row.
 */
#include <math.h>
#include <string.h>

#include "classify_impl.h"
#include "copy_impl.h"
#include "previous_impl.h"
#include "rules_impl.h"

/*
 * The appended cells of a row go into the arena back to back, each followed
 * by its NUL, in output order: stage id and label (one copy of the stage's
 * block), the numbers, next_stage, share_gap, flags (copied from the cache:
 * short), then actions when it was not cached, then previous_stage and
 * transition. The writer then copies stage .. flags as one run. Cells are
 * pointed at as they are written (put_fixed); when the arena then moves
 * (a long number, a tail joined in it, --previous), set_cells sets them
 * again from their lengths.
 */

/* v with d decimals at w and its NUL, past put_num's inline case: the
 * byte after the NUL, or NULL when the arena failed. Out of rs_num_small's
 * case (negative, NaN, 1e9 or more) through rs_buf_put_num at w, then the
 * row's room (put_fixed's) again. */
static char *num_rest(rs_classifier *c, char *w, double v, int d, size_t *len, size_t room)
{
	rs_buf *b = &c->arena;
	char *e = rs_num_small(w, v, d);
	size_t start;

	if (e != NULL) {
		*e = '\0';
		*len = (size_t)(e - w);
		return e + 1;
	}
	start = (size_t)(w - b->data);
	b->len = start;
	b->data[start] = '\0';
	if (!rs_buf_put_num(b, v, d) || !rs_buf_reserve(b, room))
		return NULL;
	*len = b->len - start;
	return b->data + b->len + 1; /* data[len] is the NUL */
}

/*
 * v with d (1 or 2) decimals at w and its NUL, as rs_buf_put_num writes it;
 * the byte after the NUL, or NULL when the arena failed. Inline
 * (rs_num_below100) for 0 <= v < 100: every score, every share, most gaps.
 */
static inline char *put_num(rs_classifier *c, char *w, double v, int d, size_t *len,
                            size_t room)
{
	char *e = rs_num_below100(w, v, d);

	if (e == NULL)
		return num_rest(c, w, v, d, len, room);
	*e = '\0';
	*len = (size_t)(e - w);
	return e + 1;
}

/* An appended number's JSON type: null when empty. */
static inline unsigned char num_type(size_t len)
{
	return len != 0 ? RS_T_NUMBER : RS_T_NULL;
}

/*
 * The cells stage .. share_gap, and flags when the tail t was cached, at
 * the arena's start (it was reset). False when the arena failed.
 */
static bool put_fixed(rs_classifier *c, const rs_account *a, const rs_result *res,
                      const tail *t, size_t *cap0)
{
	const char **cell = c->cell + c->nin;
	size_t *len = c->len + c->nin;
	unsigned char *plain = c->plain + c->nin, *type = c->type + c->nin;
	rs_buf *b = &c->arena;
	const text_ref *id = &c->stage_id[res->stage], *label = &c->stage_label[res->stage];
	size_t room = c->row_room + (t != NULL ? t->flags.n + 1 : 0);
	char *w;

	if (b->failed || room >= b->cap - b->len) {
		if (!rs_buf_reserve(b, room))
			return false;
	}
	*cap0 = b->cap;
	w = b->data;
	cell[COL_STAGE] = w;
	cell[COL_LABEL] = w + id->n + 1;
	rs_copy(w, id->s, id->n + label->n + 2);
	w += id->n + label->n + 2;
	len[COL_STAGE] = id->n;
	len[COL_LABEL] = label->n;
	plain[COL_STAGE] = id->plain;
	plain[COL_LABEL] = label->plain;
	type[COL_STAGE] = type[COL_LABEL] = RS_T_STRING;
	cell[COL_SHARE] = w;
	w = put_num(c, w, a->v[RS_V_SHARE_PCT], 2, &len[COL_SHARE], room);
	if (w == NULL)
		return false;
	cell[COL_CONTACT] = w;
	w = put_num(c, w, a->v[RS_V_CONTACT_SCORE], 1, &len[COL_CONTACT], room);
	if (w == NULL)
		return false;
	cell[COL_COOP] = w;
	w = put_num(c, w, a->v[RS_V_COOPERATION_SCORE], 1, &len[COL_COOP], room);
	if (w == NULL)
		return false;
	plain[COL_SHARE] = plain[COL_CONTACT] = plain[COL_COOP] = PLAIN_ALL;
	type[COL_SHARE] = num_type(len[COL_SHARE]);
	type[COL_CONTACT] = num_type(len[COL_CONTACT]);
	type[COL_COOP] = num_type(len[COL_COOP]);
	cell[COL_NEXT] = w;
	if (res->next_stage >= 0) {
		const text_ref *n = &c->stage_id[res->next_stage];

		rs_copy(w, n->s, n->n + 1);
		w += n->n + 1;
		len[COL_NEXT] = n->n;
		plain[COL_NEXT] = n->plain;
		type[COL_NEXT] = n->n != 0 ? RS_T_STRING : RS_T_NULL;
	} else {
		*w++ = '\0';
		len[COL_NEXT] = 0;
		plain[COL_NEXT] = PLAIN_ALL;
		type[COL_NEXT] = RS_T_NULL;
	}
	cell[COL_GAP] = w;
	if (res->share_gap >= 0) {
		w = put_num(c, w, res->share_gap, 2, &len[COL_GAP], room);
		if (w == NULL)
			return false;
	} else {
		*w++ = '\0';
		len[COL_GAP] = 0;
	}
	plain[COL_GAP] = PLAIN_ALL;
	type[COL_GAP] = num_type(len[COL_GAP]);
	if (t != NULL) {
		cell[COL_FLAGS] = w;
		rs_copy(w, t->flags.s, t->flags.n + 1);
		w += t->flags.n + 1;
		len[COL_FLAGS] = t->flags.n;
		plain[COL_FLAGS] = t->flags.plain;
		type[COL_FLAGS] = RS_T_STRING;
	}
	*w = '\0';
	b->len = (size_t)(w - b->data);
	return true;
}

/* Appends s and its NUL to the arena as a cell; its length. */
static size_t put_text(rs_classifier *c, const char *s, unsigned char *plain)
{
	size_t start = c->arena.len, n;

	if (s != NULL)
		rs_buf_add_str(&c->arena, s);
	n = c->arena.len - start;
	rs_buf_add_c(&c->arena, '\0');
	*plain = c->arena.failed ? 0 : rs_plain_bits(c->arena.data + start, n);
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
			rs_buf_add_c(&c->arena, ';');
		rs_buf_add_str(&c->arena, f);
		first = false;
	}
	if (downgraded) {
		if (!first)
			rs_buf_add_c(&c->arena, ';');
		RS_BUF_LIT(&c->arena, "downgraded");
	}
	n = c->arena.len - start;
	rs_buf_add_c(&c->arena, '\0');
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
	n = c->arena.len - start;
	rs_buf_add_c(&c->arena, '\0');
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
                     tail *slot, size_t *len, unsigned char *plain, unsigned char *type)
{
	size_t fstart = c->arena.len, astart;

	len[COL_FLAGS] = put_flags(c, res, down);
	astart = c->arena.len;
	len[COL_ACTIONS] = put_actions(c, res, down);
	type[COL_FLAGS] = type[COL_ACTIONS] = RS_T_STRING;
	if (c->arena.failed)
		return;
	plain[COL_FLAGS] = rs_plain_bits(c->arena.data + fstart, len[COL_FLAGS]);
	plain[COL_ACTIONS] = rs_plain_bits(c->arena.data + astart, len[COL_ACTIONS]);
	if (slot == NULL)
		return;
	slot->text = rs_malloc(c->arena.len - fstart);
	if (slot->text == NULL)
		return;
	memcpy(slot->text, c->arena.data + fstart, c->arena.len - fstart);
	slot->fired = fired;
	slot->stage = (unsigned char)res->stage;
	slot->down = down;
	slot->flags = (text_ref){slot->text, len[COL_FLAGS], plain[COL_FLAGS]};
	slot->actions = (text_ref){slot->text + len[COL_FLAGS] + 1, len[COL_ACTIONS],
	                           plain[COL_ACTIONS]};
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
                           unsigned char *plain, unsigned char *type)
{
	const char *how = prev < 0 ? "new" : (size_t)prev < stage ? "up"
	                  : (size_t)prev > stage ? "down" : "same";

	len[k] = put_text(c, prev < 0 ? NULL : rs_rules_stage_id(c->rules, (size_t)prev), &plain[k]);
	type[k] = len[k] != 0 ? RS_T_STRING : RS_T_NULL;
	len[k + 1] = put_text(c, how, &plain[k + 1]);
	type[k + 1] = RS_T_STRING;
}

/* Appends a prepared text and its NUL to the arena as cell k. */
static void put_ref(rs_classifier *c, const text_ref *t, size_t k, size_t *len, unsigned char *plain,
                    unsigned char *type)
{
	rs_buf_add(&c->arena, t->s, t->n + 1);
	c->arena.data[c->arena.len] = '\0';
	len[k] = t->n;
	plain[k] = t->plain;
	type[k] = t->n != 0 ? RS_T_STRING : RS_T_NULL;
}

/*
 * The advice's cells: relationship type and its label, the bonds, what the
 * next stage needs, the alliance model. Prepared texts and, in needs, the
 * distances.
 */
static void put_advice(rs_classifier *c, const rs_result *res, size_t *len, unsigned char *plain,
                       unsigned char *type)
{
	static const text_ref none = {"", 0, PLAIN_ALL};
	const rs_rules *r = c->rules;
	int g = c->o.lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;
	size_t i, start;
	unsigned char bits = 0xFF;

	put_ref(c, res->type >= 0 ? &c->type_id[res->type] : &none, COL_TYPE, len, plain, type);
	put_ref(c, res->type >= 0 ? &c->type_label[res->type] : &none, COL_TYPE_LABEL, len, plain, type);
	start = c->arena.len;
	for (i = 0; i < r->nkind[RS_K_BOND]; i++) {
		if (!(res->bonds >> i & 1u))
			continue;
		if (c->arena.len > start)
			rs_buf_add_c(&c->arena, ';');
		rs_buf_add(&c->arena, c->bond_id[i].s, c->bond_id[i].n);
	}
	len[COL_BONDS] = c->arena.len - start;
	plain[COL_BONDS] = PLAIN_ALL;
	type[COL_BONDS] = RS_T_STRING;
	rs_buf_add_c(&c->arena, '\0');
	start = c->arena.len;
	for (i = 0; i < res->nneeds; i++) {
		const rs_need *n = &r->need[res->need[i]];
		const char *s = n->text.s[g];
		size_t at = n->gap_at[g];

		bits &= c->need_plain[res->need[i]];
		if (i > 0) {
			rs_buf_add(&c->arena, c->need_sep.s, c->need_sep.n);
			bits &= c->need_sep.plain;
		}
		if (at == UINT32_MAX) {
			rs_buf_add_str(&c->arena, s);
		} else {
			rs_buf_add(&c->arena, s, at);
			if (isnan(res->need_gap[i]))
				rs_buf_add_c(&c->arena, '?');
			else
				(void)rs_buf_put_num(&c->arena, res->need_gap[i], 2);
			rs_buf_add_str(&c->arena, s + at + 5);
		}
	}
	/* The bits all its texts have; going out between quotes (_QUOTED) as the
	 * first text does, when no text has a '"'. */
	len[COL_NEEDS] = c->arena.len - start;
	plain[COL_NEEDS] = res->nneeds == 0 ? PLAIN_ALL
	                   : (unsigned char)((bits & PLAIN_ALL) |
	                                     ((bits & RS_PLAIN_NOQUOTE) ? c->need_plain[res->need[0]] &
	                                      (RS_PLAIN_CSV_QUOTED | RS_PLAIN_TSV_QUOTED) : 0));
	type[COL_NEEDS] = len[COL_NEEDS] != 0 ? RS_T_STRING : RS_T_NULL;
	rs_buf_add_c(&c->arena, '\0');
	put_ref(c, res->model >= 0 ? &c->model_id[res->model] : &none, COL_MODEL, len, plain, type);
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
	if (st == RS_OK && c->o.previous != NULL) {
		long prev = rs_previous_stage(c->o.previous, a->id, a->id_len);

		a->v[RS_V_PREVIOUS_STAGE] = (double)prev;
		a->known |= (uint32_t)(prev >= 0) << RS_V_PREVIOUS_STAGE;
	}
	if (st == RS_OK)
		st = rs_score(c->rules, a, ex, c->o.lang, err);
	if (st == RS_OK)
		st = rs_engine_eval(c->rules, a, res, ex, c->o.lang, err);
	if (st != RS_OK && err->line == 0)
		err->line = in->line;
	return st;
}

/*
 * The explain text's RS_PLAIN_ bits: those of all the rules' pieces
 * (ex_plain), true of every text made of them and numbers; then,
 * unless no piece has a comma (CSV-plain), whether this one has: it then
 * goes out in CSV between quotes as it is (RS_PLAIN_CSV_QUOTED), unless it
 * starts like a formula (it starts with the share's words: checked, not
 * assumed). Whether it has a comma: known from the number of fired actions
 * when only their list can have one, else one memchr; either way not the
 * writer's scan for every special byte.
 */
static unsigned char explain_bits(const rs_classifier *c, size_t nfired)
{
	unsigned char bits = c->ex_plain;
	const char *s = c->explain.data;
	size_t n = c->explain.len;
	bool comma;

	if (!(bits & RS_PLAIN_NOQUOTE) || (bits & RS_PLAIN_CSV) || n == 0)
		return bits;
	comma = c->ex_commas_by_actions ? nfired >= 2 : memchr(s, ',', n) != NULL;
	if (!comma)
		return bits | RS_PLAIN_CSV;
	if (strchr("=+-@\t\r ", s[0]) != NULL || (unsigned char)s[0] == 0xEF)
		return bits;
	return bits | RS_PLAIN_CSV_QUOTED;
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

rs_status rs_classifier_row(rs_classifier *c, const rs_row *in, const rs_row **out, rs_error *err)
{
	rs_account a;
	rs_result res;
	rs_status st;
	bool down = false;
	long prev = -1;
	uint64_t fired;
	tail *t, *slot;
	size_t i, *len = c->len + c->nin, k = COL_EXPLAIN, cap0 = 0;
	unsigned char *plain = c->plain + c->nin, *type = c->type + c->nin;

	c->stats.read++;
	st = evaluate(c, in, &a, &res, err);
	rs_buf_reset(&c->arena);
	if (st == RS_OK && c->o.previous != NULL)
		st = visit(c, &a, in, res.stage, &prev, &down, err);
	if (st != RS_OK) {
		c->stats.read--; /* counted again by rs_classifier_count_reject */
		if (st == RS_EREJECT)
			rs_classifier_count_reject(c);
		return st;
	}
	t = find_tail(c, &res, down, &fired, &slot);
	if (!put_fixed(c, &a, &res, t, &cap0))
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	if (t != NULL) {
		len[COL_ACTIONS] = t->actions.n;
		plain[COL_ACTIONS] = t->actions.plain;
		type[COL_ACTIONS] = RS_T_STRING;
	} else {
		put_tail(c, &res, down, fired, slot, len, plain, type);
	}
	put_advice(c, &res, len, plain, type);
	if (c->o.explain) { /* the explain buffer itself: not copied */
		len[k] = c->explain.len;
		plain[k] = explain_bits(c, res.nfired);
		type[k++] = RS_T_STRING;
	}
	if (c->o.previous != NULL)
		put_transition(c, prev, res.stage, k, len, plain, type);
	/* The explain text too: a row must never go out with a silently cut one. */
	if (c->arena.failed || (c->o.explain && c->explain.failed))
		return rs_error_set(err, RS_ENOMEM, in->line, "out of memory");
	set_cells(c, t);

	/* The input cells as they are; nin == in->n (the field map checked it). */
	i = c->nin;
	rs_copy((void *)c->cell, in->cell, i * sizeof *c->cell);
	rs_copy(c->len, in->len, i * sizeof *c->len);
	if (in->type != NULL) {
		memcpy(c->type, in->type, i);
		c->in_typed = true;
	} else if (c->in_typed) {
		memset(c->type, RS_T_STRING, i);
		c->in_typed = false;
	}
	if (in->plain != NULL) {
		rs_copy(c->plain, in->plain, i);
		c->in_plain = true;
	} else if (c->in_plain) {
		memset(c->plain, 0, i);
		c->in_plain = false;
	}
	c->out_row.line = in->line;
	c->stats.classified++;
	c->stats.per_stage[res.stage]++;
	*out = &c->out_row;
	return RS_OK;
}

