/*
 * score.c - share_pct from the account's values, then contact_score and
 * cooperation_score as the rules define them. share_pct is rounded to two
 * decimals, the scores to whole numbers, so that the values a user sees in
 * the output are exactly the values the decision table compared.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf_impl.h"
#include "rules_impl.h"

const char *const rs_score_words[RS_LANG_COUNT][RS_W_COUNT] = {
	{"share ", " from ", " (our_sales/customer_spend not used)", " (unknown)", " cap)", " (max ",
	 " (", "x", "; "},
	{"份额 ", "，取自 ", "（未使用 our_sales/customer_spend）", "（未知）", "）", "（最高 ",
	 "（上限 ", "×", "；"},
};
const char *const rs_score_names[RS_LANG_COUNT][RS_SCORE_COUNT] = {
	{"contact ", "cooperation "},
	{"接触深度 ", "合作 "},
};

/* "00".."99": two digits per step. */
static const char digits2[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Digits of v into the end of a buffer; returns the first. */
static char *udigits(char *end, unsigned long long v)
{
	while (v >= 100) {
		unsigned k = (unsigned)(v % 100) * 2;

		v /= 100;
		*--end = digits2[k + 1];
		*--end = digits2[k];
	}
	if (v >= 10) {
		*--end = digits2[v * 2 + 1];
		*--end = digits2[v * 2];
	} else {
		*--end = (char)('0' + v);
	}
	return end;
}

/*
 * rs_buf_put_num's algorithm for decimals 0 and 2, step for step (the same
 * whole-number test, the same scaling and rounding of x - trunc(x) >= 0.5,
 * trailing zeros dropped), with digits two at a time and no buffer checks.
 * Below 1e13, v * 100 stays below rs_buf_put_num's 9e15 cut-over, so both
 * take the same branch; at or above it the caller uses rs_buf_put_num.
 * out must have room for 24 bytes.
 */
static inline size_t fmt_num(char *out, double v, int decimals)
{
	char tmp[64];
	char *end = tmp + 32, *s;
	unsigned long long scaled;
	unsigned fp;
	bool neg = v < 0;
	double x;

	/* The usual case: a whole number below 100 (-0 prints "0", as there). */
	if (v >= 0 && v < 100 && v == (double)(unsigned)v) {
		unsigned u = (unsigned)v;

		if (u < 10) {
			out[0] = (char)('0' + u);
			return 1;
		}
		memcpy(out, digits2 + 2 * u, 2);
		return 2;
	}
	if (neg)
		v = -v;
	if (!(v < 1e13) || (decimals != 0 && decimals != 2)) /* also NaN */
		return 0;
	if (v == (double)(unsigned long long)v) {
		scaled = (unsigned long long)v;
		s = udigits(end, scaled);
	} else if (decimals <= 0) {
		scaled = (unsigned long long)v;
		if (v - (double)scaled >= 0.5)
			scaled++;
		s = udigits(end, scaled);
	} else {
		x = v * 100;
		scaled = (unsigned long long)x;
		if (x - (double)scaled >= 0.5)
			scaled++;
		fp = (unsigned)(scaled % 100);
		s = end;
		if (fp % 10 != 0)
			*--s = (char)('0' + fp % 10);
		if (fp != 0) {
			*--s = (char)('0' + fp / 10);
			*--s = '.';
		}
		s = udigits(s, scaled / 100);
	}
	if (neg && scaled != 0)
		*--s = '-';
	/* At most 18 bytes ("-" 13 digits "." 2 digits): one fixed-size copy, the
	 * bytes after them scratch (zeros, defined) that the caller's room allows. */
	memset(end, 0, 24);
	memcpy(out, s, 24);
	return (size_t)(end - s);
}

size_t rs_fmt_num(char *out, double v, int decimals)
{
	return fmt_num(out, v, decimals);
}

static rs_status reject(rs_error *err, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static rs_status reject(rs_error *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return RS_EREJECT;
	err->where[0] = '\0';
	err->status = RS_EREJECT;
	err->line = 0;
	va_start(ap, fmt);
	(void)vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return RS_EREJECT;
}

/*
 * round() for 0 <= y < 2^52 without the libm call: below 2^52 the fraction
 * y - trunc(y) is exact, so halves round up (away from zero) as round does.
 * share_pct * 100 is in 0..10000 here (the share was checked first).
 */
static inline double round_pos(double y)
{
	double t = (double)(long long)y;

	return y - t >= 0.5 ? t + 1 : t;
}

/* The reasons a share is rejected, by --lang. */
enum { R_OVER_SPEND, R_RANGE, R_NEG_SALES, R_NEG_SPEND, R_NONE, R_COUNT };
static const char *const reasons[RS_LANG_COUNT][R_COUNT] = {
	{"our_sales %.15g exceeds customer_spend %.15g", "purchase_share %.15g is outside 0-100",
	 "our_sales %.15g is negative", "customer_spend %.15g is negative",
	 "no share: purchase_share is empty and our_sales/customer_spend are not both given"},
	{"我方销售额 our_sales %.15g 超过客户采购总额 customer_spend %.15g",
	 "采购份额 purchase_share %.15g 超出 0-100 的范围", "我方销售额 our_sales %.15g 为负数",
	 "客户采购总额 customer_spend %.15g 为负数",
	 "无法确定份额：purchase_share 为空，且 our_sales 与 customer_spend 未同时提供"},
};

/* share_pct; *how says where it came from (a field index). */
static rs_status share(rs_account *a, int *how, rs_lang g, rs_error *err)
{
	const char *const *why = reasons[g];
	double s, sales = a->v[RS_F_OUR_SALES], spend = a->v[RS_F_CUSTOMER_SPEND];
	bool ks = rs_known(a, RS_F_OUR_SALES), kt = rs_known(a, RS_F_CUSTOMER_SPEND);

	/* Contradictory amounts are rejected even when purchase_share is given. */
	if (ks && kt && spend >= 0 && sales > spend)
		return reject(err, why[R_OVER_SPEND], sales, spend);
	if (rs_known(a, RS_F_PURCHASE_SHARE)) {
		s = a->v[RS_F_PURCHASE_SHARE];
		if (!(s >= 0 && s <= 100))
			return reject(err, why[R_RANGE], s);
		*how = RS_F_PURCHASE_SHARE;
	} else if (ks && sales < 0) {
		return reject(err, why[R_NEG_SALES], sales);
	} else if (ks && sales == 0) {
		s = 0;
		*how = RS_F_OUR_SALES;
	} else if (ks && kt) {
		if (spend < 0)
			return reject(err, why[R_NEG_SPEND], spend);
		if (sales > spend)
			return reject(err, why[R_OVER_SPEND], sales, spend);
		s = 100 * sales / spend;
		*how = RS_F_CUSTOMER_SPEND;
	} else {
		return reject(err, "%s", why[R_NONE]);
	}
	a->v[RS_V_SHARE_PCT] = round_pos(s * 100) / 100;
	a->known |= 1u << RS_V_SHARE_PCT;
	return RS_OK;
}

/* fmin(fmax(0, x), hi) without the libm calls (NaN gives 0, as fmax does). */
static inline double clamp(double x, double hi)
{
	if (!(x > 0))
		x = 0;
	return x > hi ? hi : x;
}

/*
 * The sum of the parts without the explain bookkeeping, from their terms
 * (rules_impl.h): the same additions in the same order (a part that gives 0
 * adds nothing: sum starts at +0).
 */
static inline double sum_parts(const rs_rules *r, const rs_scoredef *d, const rs_account *a)
{
	const rs_term *t = d->terms, *end = t + d->nparts;
	const uint32_t known = a->known;
	double sum = 0;

	for (; t < end; t++) {
		int k;

		if (t->kind == RS_TERM_LINEAR) {
			if ((known >> t->var) & 1u)
				sum += clamp(a->v[t->var] * t->x, t->y);
			continue;
		}
		if (t->kind == RS_TERM_LEAF) {
			if ((known >> t->var) & 1u) {
				double x = a->v[t->var];
				unsigned code = (unsigned)(x >= t->x) | (unsigned)(x <= t->x) << 1;

				k = (int)(((unsigned)t->tmask >> code) & 1u) << 1;
			} else {
				k = t->unk;
			}
		} else {
			k = rs_cond_fast(r->prog, t->cond, a->v, known);
		}
		if (k == RS_K_T)
			sum += t->y;
	}
	return sum;
}

/* Room for a number, written by rs_fmt_num or, rarely, rs_buf_put_num. */
#define NUM_ROOM 32
#define PIECE_SLACK RS_PIECE_SLACK

static inline char *put_piece(char *w, const rs_rules *r, rs_piece p)
{
	return rs_put_piece(w, r->xtext, p);
}

/* put_fast_num's rest: v out of rs_num_small's case. */
static char *put_other_num(rs_buf *b, char *w, double v, int decimals, size_t room)
{
	size_t n = fmt_num(w, v, decimals);

	if (n > 0)
		return w + n;
	/* Rare (|v| >= 1e13): the general formatter, then the room again. */
	b->len = (size_t)(w - b->data);
	b->data[b->len] = '\0';
	if (!rs_buf_put_num(b, v, decimals) || !rs_buf_reserve(b, room))
		return NULL;
	return b->data + b->len;
}

/* The number at w; NULL if the buffer failed. */
static inline char *put_fast_num(rs_buf *b, char *w, double v, int decimals, size_t room)
{
	char *e = rs_num_small(w, v, decimals); /* 0 <= v < 1e9: most */

	return e != NULL ? e : put_other_num(b, w, v, decimals, room);
}

/* The share (0..100, two decimals) at w: rs_num_below100 inline, anything
 * else (99.995 and up, out of 0..100) through put_fast_num. */
static inline char *put_share_num(rs_buf *b, char *w, double v, size_t room)
{
	char *e = rs_num_below100(w, v, 2);

	return e != NULL ? e : put_fast_num(b, w, v, 2, room);
}

/* A linear part on a value without a whole piece (fractional, negative,
 * RS_EX_SMALL or more): "name <v>x<per> <points>" or capped. */
static char *put_linear(rs_buf *b, char *w, const rs_rules *r, const rs_part *p,
                        const rs_part_ex *x, double v, size_t room)
{
	w = put_fast_num(b, put_piece(w, r, x->head), v, 2, room);
	if (w != NULL && v * p->per > p->cap)
		return put_piece(w, r, x->capped);
	if (w != NULL)
		w = put_fast_num(b, put_piece(w, r, x->per), clamp(v * p->per, p->cap), 2, room);
	return w;
}

/* Exactly n bytes (a score's heading, at most a few dozen): overlapping
 * fixed-size copies, nothing written past dst + n. */
static inline void copy_exact(char *dst, const char *src, size_t n)
{
	size_t i;

	if (n >= 16) {
		for (i = 0; i + 16 < n; i += 16)
			memcpy(dst + i, src + i, 16);
		memcpy(dst + n - 16, src + n - 16, 16);
	} else if (n >= 8) {
		memcpy(dst, src, 8);
		memcpy(dst + n - 8, src + n - 8, 8);
	} else if (n >= 4) {
		memcpy(dst, src, 4);
		memcpy(dst + n - 4, src + n - 4, 4);
	} else {
		for (i = 0; i < n; i++)
			dst[i] = src[i];
	}
}

/*
 * n bytes at src down to dst < src, 16 at a time front to back: a block is
 * read before it is written, and what it writes (below src + i + 16) was
 * read already. Up to 15 bytes past either end are read or written: the
 * room's slack (PIECE_SLACK), scratch.
 */
static inline void move_down(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	do {
		char blk[16];

		memcpy(blk, src + i, 16);
		memcpy(dst + i, blk, 16);
		i += 16;
	} while (i < n);
}

/* Score k from the sum of its parts: floor(y + 0.5) for y in 0..100 (the
 * clamp keeps it positive and small). */
static inline void set_score(rs_account *a, const rs_scoredef *d, int k, double sum)
{
	a->v[RS_V_CONTACT_SCORE + k] = (double)(long long)(clamp(sum, d->max) + 0.5);
	a->known |= 1u << (RS_V_CONTACT_SCORE + k);
}

/*
 * Score k with its --explain text appended to b, in one pass over the
 * parts: the sum is sum_parts's (the same terms, the same additions in the
 * same order), and each part's text goes out as it is decided: a
 * condition's piece by its value, a linear part's for an unknown value or a
 * whole one below RS_EX_SMALL, any other through put_linear. The heading
 * "; contact <total>" needs the sum: the parts are written after the room
 * of a two-digit total's heading, and moved when the total has one digit
 * (or three). One reservation covers the pieces, NUM_ROOM per number and
 * the slack; a number too large for rs_fmt_num goes through rs_buf_put_num,
 * which checks its own room (and may move the buffer: offsets, not
 * pointers, are kept across it).
 */
static void score_explain(const rs_rules *r, int k, rs_account *a, rs_buf *b, rs_lang lang)
{
	const rs_scoredef *d = &r->score[k];
	const rs_term *t = d->terms;
	const rs_part *p = d->parts;
	const char *xt = r->xtext;
	const uint32_t known = a->known;
	size_t i, n = d->nparts, start, body, gap = d->ex_total[lang][10].len;
	size_t room = d->ex_bound[lang] + NUM_ROOM * (2 * n + 1) + PIECE_SLACK;
	double sum = 0, tot;
	char head[64], *w, *base;
	const char *hs;
	size_t hn;

	if (!rs_buf_room(b, room))
		return;
	start = b->len;
	w = b->data + start + gap;
	for (i = 0; i < n; i++, t++, p++) {
		const rs_part_ex *x = &p->ex[lang];
		int kv;

		if (t->kind == RS_TERM_LINEAR) {
			double v = a->v[t->var];

			if (!((known >> t->var) & 1u)) {
				w = rs_put_piece(w, xt, x->whole[RS_K_U]);
				continue;
			}
			sum += clamp(v * t->x, t->y);
			if (v >= 0 && v < RS_EX_SMALL && v == (double)(unsigned)v) {
				w = rs_put_piece(w, xt, x->small[(unsigned)v]);
			} else {
				w = put_linear(b, w, r, p, x, v, room);
				if (w == NULL)
					return;
			}
			continue;
		}
		if (t->kind == RS_TERM_LEAF) {
			if ((known >> t->var) & 1u) {
				double y = a->v[t->var];
				unsigned code = (unsigned)(y >= t->x) | (unsigned)(y <= t->x) << 1;

				kv = (int)(((unsigned)t->tmask >> code) & 1u) << 1;
			} else {
				kv = t->unk;
			}
		} else {
			kv = rs_cond_fast(r->prog, t->cond, a->v, known);
		}
		if (kv == RS_K_T)
			sum += t->y;
		w = rs_put_piece(w, xt, x->whole[kv]);
	}
	set_score(a, d, k, sum);
	if (sum > d->max)
		w = rs_put_piece(w, xt, d->ex_max[lang]);
	base = b->data + start;
	body = (size_t)(w - base) - gap;
	tot = a->v[RS_V_CONTACT_SCORE + k];
	if (tot >= 0 && tot <= 100 && tot == (double)(unsigned)tot) { /* always, in fact */
		rs_piece h = d->ex_total[lang][(unsigned)tot];

		hs = xt + h.off;
		hn = h.len;
	} else {
		rs_piece h = d->ex_head[lang];

		memcpy(head, xt + h.off, h.len);
		hn = h.len + fmt_num(head + h.len, tot, 0); /* tot is 0..100: it fits */
		hs = head;
	}
	if (hn < gap)
		move_down(base + hn, base + gap, body);
	else if (hn > gap)
		memmove(base + hn, base + gap, body);
	copy_exact(base, hs, hn);
	b->len = start + hn + body;
	b->data[b->len] = '\0';
}

/* ---------------------------------- explain pieces (rs_rules_compile) */

static size_t max_piece(size_t n, rs_piece p)
{
	return p.len > n ? p.len : n;
}

/* Appends an earlier piece of b itself (room first: the copy reads b). */
static void again(rs_buf *b, rs_piece p)
{
	if (rs_buf_reserve(b, p.len))
		(void)rs_buf_append(b, b->data + p.off, p.len);
}

/* The text of a linear part on known value v, as put_linear writes it. */
static void linear_text(rs_buf *b, const rs_part *p, const rs_part_ex *x, double v)
{
	again(b, x->head);
	(void)rs_buf_put_num(b, v, 2);
	if (v * p->per > p->cap) {
		again(b, x->capped);
	} else {
		again(b, x->per);
		(void)rs_buf_put_num(b, clamp(v * p->per, p->cap), 2);
	}
}

/*
 * The pieces of one part in one language, rendered with rs_buf_put_num as
 * the text used to be written per row; returns the longest text the part
 * can give, numbers excluded.
 */
static size_t part_pieces(rs_buf *b, rs_part *p, size_t i, int g)
{
	rs_part_ex *x = &p->ex[g];
	const char *name = p->label.s[g];
	size_t v, n;

	if (name == NULL)
		name = p->name_var >= 0 ? rs_var_name(p->name_var) : "condition";
	rs_piece_begin(b, &x->head); /* the first part follows "<total>" */
	(void)rs_buf_puts(b, i == 0 ? " = " : " + ");
	(void)rs_buf_puts(b, name);
	(void)rs_buf_puts(b, " ");
	rs_piece_end(b, &x->head);
	rs_piece_begin(b, &x->per);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_TIMES]);
	(void)rs_buf_put_num(b, p->per, 2);
	(void)rs_buf_puts(b, " ");
	rs_piece_end(b, &x->per);
	rs_piece_begin(b, &x->capped); /* when capped, the points are the cap */
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_TIMES]);
	(void)rs_buf_put_num(b, p->per, 2);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_CAP_OPEN]);
	(void)rs_buf_put_num(b, p->cap, 2);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_CAP]);
	rs_piece_end(b, &x->capped);
	rs_piece_begin(b, &x->whole[RS_K_U]);
	again(b, x->head);
	(void)rs_buf_put_num(b, 0, 2);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_UNKNOWN]);
	rs_piece_end(b, &x->whole[RS_K_U]);
	rs_piece_begin(b, &x->whole[RS_K_T]);
	again(b, x->head);
	(void)rs_buf_put_num(b, p->points, 2);
	rs_piece_end(b, &x->whole[RS_K_T]);
	rs_piece_begin(b, &x->whole[RS_K_F]);
	again(b, x->head);
	(void)rs_buf_put_num(b, 0, 2);
	rs_piece_end(b, &x->whole[RS_K_F]);
	n = x->head.len + (x->per.len > x->capped.len ? x->per.len : x->capped.len);
	n = max_piece(max_piece(max_piece(n, x->whole[RS_K_U]), x->whole[RS_K_T]), x->whole[RS_K_F]);
	for (v = 0; p->var >= 0 && v < RS_EX_SMALL; v++) {
		rs_piece_begin(b, &x->small[v]);
		linear_text(b, p, x, (double)v);
		rs_piece_end(b, &x->small[v]);
		n = max_piece(n, x->small[v]);
	}
	return n;
}

void rs_score_pieces(rs_buf *b, rs_scoredef *d, int k, int g)
{
	size_t i, n = 0;

	rs_piece_begin(b, &d->ex_head[g]);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_SEP]);
	(void)rs_buf_puts(b, rs_score_names[g][k]);
	rs_piece_end(b, &d->ex_head[g]);
	for (i = 0; i <= 100; i++) {
		rs_piece_begin(b, &d->ex_total[g][i]);
		again(b, d->ex_head[g]);
		(void)rs_buf_put_num(b, (double)i, 0);
		rs_piece_end(b, &d->ex_total[g][i]);
		n = max_piece(n, d->ex_total[g][i]);
	}
	rs_piece_begin(b, &d->ex_max[g]);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_MAX]);
	(void)rs_buf_put_num(b, d->max, 2);
	(void)rs_buf_puts(b, ")");
	rs_piece_end(b, &d->ex_max[g]);
	n += d->ex_max[g].len;
	for (i = 0; i < d->nparts; i++)
		n += part_pieces(b, &d->parts[i], i, g);
	d->ex_bound[g] = n;
}

enum { SH_HEAD, SH_PS, SH_PS_UNUSED, SH_SALES0, SH_CALC1, SH_CALC2 };

void rs_share_pieces(rs_buf *b, rs_rules *r, int g)
{
	const char *const *w = rs_score_words[g];
	const char *text[6][3] = {
		{w[RS_W_SHARE], "", ""},
		{w[RS_W_FROM], "purchase_share", ""},
		{w[RS_W_FROM], "purchase_share", w[RS_W_UNUSED]},
		{w[RS_W_FROM], "our_sales 0", ""},
		{" = 100 ", w[RS_W_TIMES], " our_sales "},
		{" / customer_spend ", "", ""},
	};
	size_t i, j, n = 0;

	for (i = 0; i < 6; i++) {
		rs_piece_begin(b, &r->ex_share[g][i]);
		for (j = 0; j < 3; j++)
			(void)rs_buf_puts(b, text[i][j]);
		rs_piece_end(b, &r->ex_share[g][i]);
		n += r->ex_share[g][i].len;
	}
	r->ex_share_bound[g] = n + 3 * NUM_ROOM + PIECE_SLACK;
}

/* "share 23.9 = 100 x our_sales 227380 / customer_spend 951382" and the like. */
static void explain_share(const rs_rules *r, const rs_account *a, rs_buf *b, rs_lang lang, int how)
{
	const rs_piece *pc = r->ex_share[lang];
	size_t room = r->ex_share_bound[lang];
	char *w;

	if (!rs_buf_room(b, room))
		return;
	w = put_piece(b->data + b->len, r, pc[SH_HEAD]);
	w = put_share_num(b, w, a->v[RS_V_SHARE_PCT], room);
	if (w == NULL)
		return;
	if (how == RS_F_PURCHASE_SHARE) {
		bool both = rs_known(a, RS_F_OUR_SALES) && rs_known(a, RS_F_CUSTOMER_SPEND);

		w = put_piece(w, r, pc[both ? SH_PS_UNUSED : SH_PS]);
	} else if (how == RS_F_OUR_SALES) {
		w = put_piece(w, r, pc[SH_SALES0]);
	} else {
		w = put_fast_num(b, put_piece(w, r, pc[SH_CALC1]), a->v[RS_F_OUR_SALES], 2, room);
		if (w != NULL)
			w = put_fast_num(b, put_piece(w, r, pc[SH_CALC2]), a->v[RS_F_CUSTOMER_SPEND], 2, room);
		if (w == NULL)
			return;
	}
	b->len = (size_t)(w - b->data);
	b->data[b->len] = '\0';
}

rs_status rs_score(const rs_rules *r, rs_account *a, rs_buf *explain, rs_lang lang,
                   rs_error *err)
{
	int how = 0, k;
	rs_status st;

	if (lang != RS_LANG_ZH)
		lang = RS_LANG_EN;
	a->known &= ~(1u << RS_V_SHARE_PCT | 1u << RS_V_CONTACT_SCORE | 1u << RS_V_COOPERATION_SCORE);
	st = share(a, &how, lang, err);
	if (st != RS_OK)
		return st;
	if (explain == NULL) {
		for (k = 0; k < RS_SCORE_COUNT; k++)
			set_score(a, &r->score[k], k, sum_parts(r, &r->score[k], a));
		return RS_OK;
	}
	explain_share(r, a, explain, lang, how);
	for (k = 0; k < RS_SCORE_COUNT; k++)
		score_explain(r, k, a, explain, lang);
	return RS_OK;
}
