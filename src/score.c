/*
 * score.c - share_pct from the account's values, then contact_score and
 * cooperation_score as the rules define them. share_pct is rounded to two
 * decimals, the scores to whole numbers, so that the values a user sees in
 * the output are exactly the values the decision table compared.
 */

#include <stdio.h>

#include "msg.h"
#include "rules_impl.h"

const char *const rs_score_words[RS_LANG_COUNT][RS_W_COUNT] = {
	{"share ", " from ", " (our_sales/customer_spend not used)", " (unknown)", " cap)", " (max ",
	 " (", "x", "; ", " (above 0, so at least 0.01)", "previous share "},
	{"份额 ", "，取自 ", "（未使用 our_sales/customer_spend）", "（未知）", "）", "（最高 ",
	 "（上限 ", "×", "；", "（大于 0，按 0.01 计）", "上期份额 "},
};
const char *const rs_score_names[RS_LANG_COUNT][RS_SCORE_COUNT] = {
	{"contact ", "cooperation "},
	{"接触深度得分 ", "合作得分 "},
};

uint32_t rs_score_fields(const rs_rules *r, int k)
{
	const rs_scoredef *d = &r->score[k];
	uint32_t vars = 0;
	size_t i, n;

	for (i = 0; i < d->nparts; i++) {
		const rs_part *p = &d->parts[i];
		if (p->var >= 0) {
			vars |= 1u << p->var;
			continue;
		}
		for (n = p->cond; n < p->cond + r->node[p->cond].size; n++)
			if (r->node[n].op >= RS_C_EQ && r->node[n].var < 32)
				vars |= 1u << r->node[n].var;
	}
	return vars & ((1u << RS_F_COUNT) - 1);
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

/*
 * The share before rounding in *s and where it came from in *how (a field
 * index), or why there is none: rs_score_fault, and inlined into share(),
 * every row's path.
 */
static inline rs_share_fault check(const rs_account *a, double *s, int *how)
{
	double sales = a->v[RS_F_OUR_SALES], spend = a->v[RS_F_CUSTOMER_SPEND];
	bool ks = rs_known(a, RS_F_OUR_SALES), kt = rs_known(a, RS_F_CUSTOMER_SPEND);

	/* Contradictory amounts are rejected even beside a purchase_share (below: sales <= spend). */
	if (ks && kt && spend >= 0 && sales > spend)
		return RS_SHARE_OVER_SPEND;
	if (rs_known(a, RS_F_PURCHASE_SHARE)) {
		*s = a->v[RS_F_PURCHASE_SHARE];
		if (!(*s >= 0 && *s <= 100))
			return RS_SHARE_RANGE;
		*how = RS_F_PURCHASE_SHARE;
	} else if (ks && sales < 0) {
		return RS_SHARE_NEG_SALES;
	} else if (ks && sales == 0) {
		*s = 0;
		*how = RS_F_OUR_SALES;
	} else if (ks && kt) {
		if (spend < 0)
			return RS_SHARE_NEG_SPEND;
		*s = 100 * sales / spend;
		*how = RS_F_CUSTOMER_SPEND;
	} else {
		return RS_SHARE_NONE;
	}
	return RS_SHARE_OK;
}

rs_share_fault rs_score_fault(const rs_account *a)
{
	double s, p = a->v[RS_F_PREVIOUS_SHARE];
	int how;
	rs_share_fault f = check(a, &s, &how);

	if (f == RS_SHARE_OK && rs_known(a, RS_F_PREVIOUS_SHARE) && !(p >= 0 && p <= 100))
		return RS_SHARE_PREV_RANGE;
	return f;
}

/* The reason in err, each amount as the value read ("our_sales -500 is
 * negative"): the classifier names the cells as written instead. */
static rs_status reject(const rs_account *a, rs_share_fault f, rs_lang g, rs_error *err)
{
	char v[4][32];
	const char *const shown[4] = {v[0], v[1], v[2], v[3]};
	int i;

	if (err == NULL)
		return RS_EREJECT;
	for (i = 0; i < 4; i++) /* v[] means nothing where known is clear */
		if (rs_known(a, rs_share_field[i]))
			(void)snprintf(v[i], sizeof v[i], "%.15g", a->v[rs_share_field[i]]);
		else
			v[i][0] = '\0';
	rs_msg_share(err->msg, sizeof err->msg, g, f, shown, "");
	err->where[0] = '\0';
	err->status = RS_EREJECT;
	err->line = 0;
	return RS_EREJECT;
}

/* share_pct; *how says where it came from (a field index). */
static rs_status share(rs_account *a, int *how, rs_lang g, rs_error *err)
{
	double s;
	rs_share_fault f = check(a, &s, how);

	if (f != RS_SHARE_OK)
		return reject(a, f, g, err);
	/* A sale never rounds to no business: share 0 is development, whose need is
	 * a first order, so a share above 0 is at least the smallest one written
	 * (explain_share says so where rounding alone would have given 0). */
	a->v[RS_V_SHARE_PCT] = s > 0 && s < 0.01 ? 0.01 : round_pos(s * 100) / 100;
	a->known |= 1u << RS_V_SHARE_PCT;
	return RS_OK;
}

/* x rounded to 2 decimals, halves away from zero, for either sign. */
static inline double round2(double x)
{
	return x < 0 ? -round_pos(-x * 100) / 100 : round_pos(x * 100) / 100;
}

/*
 * share_drop = previous_share - share_pct, in points (negative when the share
 * rose), known only when both shares are: an unknown past share proves no
 * fall. previous_share is rounded as share_pct is, so the drop is exactly
 * the difference of the two numbers --explain shows.
 */
static rs_status share_drop(rs_account *a, rs_lang g, rs_error *err)
{
	double p = a->v[RS_F_PREVIOUS_SHARE];

	if (!rs_known(a, RS_F_PREVIOUS_SHARE))
		return RS_OK;
	if (!(p >= 0 && p <= 100))
		return reject(a, RS_SHARE_PREV_RANGE, g, err);
	a->v[RS_V_SHARE_DROP] = round2(round2(p) - a->v[RS_V_SHARE_PCT]);
	a->known |= 1u << RS_V_SHARE_DROP;
	return RS_OK;
}

/* fmin(fmax(0, x), hi) without the libm calls (NaN gives 0, as fmax does). */
static inline double clamp(double x, double hi)
{
	if (!(x > 0))
		x = 0;
	return x > hi ? hi : x;
}

/* The sum of the parts, in part order (sum starts at +0, so a part that
 * gives 0 adds nothing). */
static double sum_parts(const rs_rules *r, const rs_scoredef *d, const rs_account *a)
{
	const rs_part *p = d->parts, *end = p + d->nparts;
	double sum = 0;

	for (; p < end; p++) {
		if (p->var >= 0) {
			if (rs_known(a, p->var))
				sum += clamp(a->v[p->var] * p->per, p->cap);
		} else if (rs_cond_fast(r->prog, p->cond, a->v, a->known) == RS_K_T) {
			sum += p->points;
		}
	}
	return sum;
}

/* Score k from the sum of its parts: floor(y + 0.5) for y in 0..100 (the
 * clamp keeps it positive and small). */
static inline void set_score(rs_account *a, const rs_scoredef *d, int k, double sum)
{
	a->v[RS_V_CONTACT_SCORE + k] = (double)(long long)(clamp(sum, d->max) + 0.5);
	a->known |= 1u << (RS_V_CONTACT_SCORE + k);
}

/*
 * Part i of a score in --explain: " = name " (first) or " + name ", then
 * for a linear part on a known value "<v>x<per> <points>" or, capped,
 * "<v>x<per> (<cap> cap)"; otherwise its points, "0" or "0 (unknown)".
 */
static void explain_part(rs_buf *b, const rs_rules *r, const rs_part *p, size_t i,
                         const rs_account *a, rs_lang g)
{
	const char *name = p->label.s[g];
	int kv;

	if (name == NULL)
		name = p->name_var >= 0 ? rs_var_name(p->name_var) : "condition";
	(void)rs_buf_puts(b, i == 0 ? " = " : " + ");
	(void)rs_buf_puts(b, name);
	(void)rs_buf_putc(b, ' ');
	if (p->var >= 0 && rs_known(a, p->var)) {
		double v = a->v[p->var];

		(void)rs_buf_put_num(b, v, 2);
		(void)rs_buf_puts(b, rs_score_words[g][RS_W_TIMES]);
		(void)rs_buf_put_num(b, p->per, 2);
		if (v * p->per > p->cap) {
			(void)rs_buf_puts(b, rs_score_words[g][RS_W_CAP_OPEN]);
			(void)rs_buf_put_num(b, p->cap, 2);
			(void)rs_buf_puts(b, rs_score_words[g][RS_W_CAP]);
		} else {
			(void)rs_buf_putc(b, ' ');
			(void)rs_buf_put_num(b, clamp(v * p->per, p->cap), 2);
		}
		return;
	}
	kv = p->var >= 0 ? RS_K_U : rs_cond_fast(r->prog, p->cond, a->v, a->known);
	(void)rs_buf_put_num(b, kv == RS_K_T ? p->points : 0, 2);
	if (kv == RS_K_U)
		(void)rs_buf_puts(b, rs_score_words[g][RS_W_UNKNOWN]);
}

/* "; contact 28 = contacts 2x5 10 + ..." for score k, after setting it. */
static void score_explain(const rs_rules *r, int k, rs_account *a, rs_buf *b, rs_lang g)
{
	const rs_scoredef *d = &r->score[k];
	double sum = sum_parts(r, d, a);
	size_t i;

	set_score(a, d, k, sum);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_SEP]);
	(void)rs_buf_puts(b, rs_score_names[g][k]);
	(void)rs_buf_put_num(b, a->v[RS_V_CONTACT_SCORE + k], 0);
	for (i = 0; i < d->nparts; i++)
		explain_part(b, r, &d->parts[i], i, a, g);
	if (sum > d->max) {
		(void)rs_buf_puts(b, rs_score_words[g][RS_W_MAX]);
		(void)rs_buf_put_num(b, d->max, 2);
		(void)rs_buf_putc(b, ')');
	}
}

/* The share before rounding, from where share() took it. */
static double raw_share(const rs_account *a, int how)
{
	if (how == RS_F_PURCHASE_SHARE)
		return a->v[RS_F_PURCHASE_SHARE];
	return 100 * a->v[RS_F_OUR_SALES] / a->v[RS_F_CUSTOMER_SPEND];
}

/* "share 23.9 = 100 x our_sales 227380 / customer_spend 951382" and the like. */
static void explain_share(const rs_account *a, rs_buf *b, rs_lang g, int how)
{
	const char *const *w = rs_score_words[g];

	(void)rs_buf_puts(b, w[RS_W_SHARE]);
	(void)rs_buf_put_num(b, a->v[RS_V_SHARE_PCT], 2);
	if (how == RS_F_PURCHASE_SHARE) {
		(void)rs_buf_puts(b, w[RS_W_FROM]);
		(void)rs_buf_puts(b, "purchase_share");
		if (rs_known(a, RS_F_OUR_SALES) && rs_known(a, RS_F_CUSTOMER_SPEND))
			(void)rs_buf_puts(b, w[RS_W_UNUSED]);
	} else if (how == RS_F_OUR_SALES) {
		(void)rs_buf_puts(b, w[RS_W_FROM]);
		(void)rs_buf_puts(b, "our_sales 0");
	} else {
		(void)rs_buf_puts(b, " = 100 ");
		(void)rs_buf_puts(b, w[RS_W_TIMES]);
		(void)rs_buf_puts(b, " our_sales ");
		(void)rs_buf_put_num(b, a->v[RS_F_OUR_SALES], 2);
		(void)rs_buf_puts(b, " / customer_spend ");
		(void)rs_buf_put_num(b, a->v[RS_F_CUSTOMER_SPEND], 2);
	}
	if (how != RS_F_OUR_SALES && round_pos(raw_share(a, how) * 100) == 0 &&
	    a->v[RS_V_SHARE_PCT] > 0)
		(void)rs_buf_puts(b, w[RS_W_RAISED]);
	/* "; previous share 62 from previous_share, share_drop 12": only when known */
	if (rs_known(a, RS_V_SHARE_DROP)) {
		(void)rs_buf_puts(b, w[RS_W_SEP]);
		(void)rs_buf_puts(b, w[RS_W_PREVIOUS]);
		(void)rs_buf_put_num(b, round2(a->v[RS_F_PREVIOUS_SHARE]), 2);
		(void)rs_buf_puts(b, w[RS_W_FROM]);
		(void)rs_buf_puts(b, "previous_share");
		(void)rs_buf_puts(b, g == RS_LANG_ZH ? "，share_drop " : ", share_drop ");
		(void)rs_buf_put_num(b, a->v[RS_V_SHARE_DROP], 2);
	}
}

rs_status rs_score(const rs_rules *r, rs_account *a, rs_buf *explain, rs_lang lang, rs_error *err)
{
	int how = 0, k;
	rs_status st;

	if (lang != RS_LANG_ZH)
		lang = RS_LANG_EN;
	a->known &= ~(1u << RS_V_SHARE_PCT | 1u << RS_V_SHARE_DROP | 1u << RS_V_CONTACT_SCORE |
	              1u << RS_V_COOPERATION_SCORE);
	st = share(a, &how, lang, err);
	if (st == RS_OK)
		st = share_drop(a, lang, err);
	if (st != RS_OK)
		return st;
	if (explain != NULL)
		explain_share(a, explain, lang, how);
	for (k = 0; k < RS_SCORE_COUNT; k++) {
		if (explain != NULL)
			score_explain(r, k, a, explain, lang);
		else
			set_score(a, &r->score[k], k, sum_parts(r, &r->score[k], a));
	}
	return RS_OK;
}
