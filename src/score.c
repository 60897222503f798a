/*
 * score.c - share_pct from the account's values, then contact_score and
 * cooperation_score as the rules define them. share_pct is rounded to two
 * decimals, the scores to whole numbers, so that the values a user sees in
 * the output are exactly the values the decision table compared.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "buf_impl.h"
#include "rules_impl.h"

enum { W_SHARE, W_FROM, W_UNUSED, W_UNKNOWN, W_CAP, W_MAX, W_COUNT };

static const char *const words[RS_LANG_COUNT][W_COUNT] = {
	{"share ", " from ", " (our_sales/customer_spend not used)", " (unknown)", " cap)", " (max "},
	{"份额 ", " 来自 ", " (未用 our_sales/customer_spend)", " (未知)", " 上限)", " (最高 "},
};
static const char *const score_words[RS_LANG_COUNT][RS_SCORE_COUNT] = {
	{"contact ", "cooperation "},
	{"接触深度 ", "合作 "},
};

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

static void explain_share(const rs_account *a, rs_buf *b, rs_lang lang, int how)
{
	const char *const *w = words[lang];

	(void)rs_buf_add_str(b, w[W_SHARE]);
	(void)rs_buf_put_num(b, a->v[RS_V_SHARE_PCT], 2);
	if (how == RS_F_PURCHASE_SHARE) {
		(void)rs_buf_add_str(b, w[W_FROM]);
		(void)RS_BUF_LIT(b, "purchase_share");
		if (rs_known(a, RS_F_OUR_SALES) && rs_known(a, RS_F_CUSTOMER_SPEND))
			(void)rs_buf_add_str(b, w[W_UNUSED]);
	} else if (how == RS_F_OUR_SALES) {
		(void)rs_buf_add_str(b, w[W_FROM]);
		(void)RS_BUF_LIT(b, "our_sales 0");
	} else {
		(void)RS_BUF_LIT(b, " = 100 x our_sales ");
		(void)rs_buf_put_num(b, a->v[RS_F_OUR_SALES], 2);
		(void)RS_BUF_LIT(b, " / customer_spend ");
		(void)rs_buf_put_num(b, a->v[RS_F_CUSTOMER_SPEND], 2);
	}
}

/* share_pct; *how says where it came from (a field index). */
static rs_status share(rs_account *a, int *how, rs_error *err)
{
	double s, sales = a->v[RS_F_OUR_SALES], spend = a->v[RS_F_CUSTOMER_SPEND];
	bool ks = rs_known(a, RS_F_OUR_SALES), kt = rs_known(a, RS_F_CUSTOMER_SPEND);

	/* Contradictory amounts are rejected even when purchase_share is given. */
	if (ks && kt && spend >= 0 && sales > spend)
		return reject(err, "our_sales %.15g exceeds customer_spend %.15g", sales, spend);
	if (rs_known(a, RS_F_PURCHASE_SHARE)) {
		s = a->v[RS_F_PURCHASE_SHARE];
		if (!(s >= 0 && s <= 100))
			return reject(err, "purchase_share %.15g is outside 0-100", s);
		*how = RS_F_PURCHASE_SHARE;
	} else if (ks && sales < 0) {
		return reject(err, "our_sales %.15g is negative", sales);
	} else if (ks && sales == 0) {
		s = 0;
		*how = RS_F_OUR_SALES;
	} else if (ks && kt) {
		if (spend < 0)
			return reject(err, "customer_spend %.15g is negative", spend);
		if (sales > spend)
			return reject(err, "our_sales %.15g exceeds customer_spend %.15g", sales, spend);
		s = 100 * sales / spend;
		*how = RS_F_CUSTOMER_SPEND;
	} else {
		return reject(err, "no share: purchase_share is empty and our_sales/customer_spend "
		                   "are not both given");
	}
	a->v[RS_V_SHARE_PCT] = round(s * 100) / 100;
	a->known |= 1u << RS_V_SHARE_PCT;
	return RS_OK;
}

static void part_name(const rs_part *p, rs_buf *b, rs_lang lang)
{
	const char *s = p->label.s[lang];

	if (s == NULL)
		s = p->name_var >= 0 ? rs_var_name(p->name_var) : "condition";
	(void)rs_buf_add_str(b, s);
	(void)rs_buf_add_c(b, ' ');
}

/* fmin(fmax(0, x), hi) without the libm calls (NaN gives 0, as fmax does). */
static inline double clamp(double x, double hi)
{
	if (!(x > 0))
		x = 0;
	return x > hi ? hi : x;
}

/* One part's points; with b, appends "label 6x5 (25 cap)" and the like. */
static double part(const rs_rules *r, const rs_part *p, const rs_account *a, rs_buf *b,
                   rs_lang lang)
{
	double x = 0;
	bool unknown;

	if (p->var >= 0) {
		unknown = !rs_known(a, p->var);
		if (!unknown)
			x = clamp(a->v[p->var] * p->per, p->cap);
	} else {
		int t = rs_cond_eval(r, p->cond, a, 0);

		unknown = t == RS_UNKNOWN;
		x = t == RS_TRUE ? p->points : 0;
	}
	if (b == NULL)
		return x;
	part_name(p, b, lang);
	if (p->var >= 0 && !unknown) {
		(void)rs_buf_put_num(b, a->v[p->var], 2);
		(void)rs_buf_add_c(b, 'x');
		(void)rs_buf_put_num(b, p->per, 2);
		(void)rs_buf_add_str(b, a->v[p->var] * p->per > p->cap ? " (" : " ");
	}
	(void)rs_buf_put_num(b, x, 2);
	if (unknown)
		(void)rs_buf_add_str(b, words[lang][W_UNKNOWN]);
	else if (p->var >= 0 && a->v[p->var] * p->per > p->cap)
		(void)rs_buf_add_str(b, words[lang][W_CAP]);
	return x;
}

static void score(const rs_rules *r, int k, rs_account *a, rs_buf *b, rs_lang lang)
{
	const rs_scoredef *d = &r->score[k];
	size_t i;
	double sum = 0, total;

	for (i = 0; i < d->nparts; i++)
		sum += part(r, &d->parts[i], a, NULL, lang);
	total = floor(clamp(sum, d->max) + 0.5);
	a->v[RS_V_CONTACT_SCORE + k] = total;
	a->known |= 1u << (RS_V_CONTACT_SCORE + k);
	if (b == NULL)
		return;
	/* A second walk writes the parts after the total (explain only). */
	(void)RS_BUF_LIT(b, "; ");
	(void)rs_buf_add_str(b, score_words[lang][k]);
	(void)rs_buf_put_num(b, total, 0);
	(void)RS_BUF_LIT(b, " =");
	for (i = 0; i < d->nparts; i++) {
		(void)rs_buf_add_str(b, i > 0 ? " + " : " ");
		(void)part(r, &d->parts[i], a, b, lang);
	}
	if (sum > d->max) {
		(void)rs_buf_add_str(b, words[lang][W_MAX]);
		(void)rs_buf_put_num(b, d->max, 2);
		(void)rs_buf_add_c(b, ')');
	}
}

rs_status rs_score(const rs_rules *r, rs_account *a, rs_buf *explain, rs_lang lang,
                   rs_error *err)
{
	int how = 0, k;
	rs_status st;

	if (lang != RS_LANG_ZH)
		lang = RS_LANG_EN;
	a->known &= ~(1u << RS_V_SHARE_PCT | 1u << RS_V_CONTACT_SCORE | 1u << RS_V_COOPERATION_SCORE);
	st = share(a, &how, err);
	if (st != RS_OK)
		return st;
	if (explain != NULL)
		explain_share(a, explain, lang, how);
	for (k = 0; k < RS_SCORE_COUNT; k++)
		score(r, k, a, explain, lang);
	return RS_OK;
}
