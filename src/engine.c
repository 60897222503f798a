/*
 * engine.c - evaluates compiled rules on a scored account: the stage (first
 * decision row whose condition is true) and every action rule that fires.
 * Conditions use Kleene logic, so an empty value can never make a row match.
 * Per row: index walks and double compares only; no allocation, no strings.
 */
#include <math.h>
#include <string.h>

#include "rules_impl.h"

/*
 * The compiled program (rules_impl.h) in prefix order without recursion: a
 * stack of the open groups, each with the value that stops it (FALSE for
 * all, TRUE for any: the rest of it is then skipped) and whether one child
 * so far was UNKNOWN. A child that neither stops its group nor is UNKNOWN is
 * the group's identity and changes nothing.
 */
int rs_cond_k(const rs_pnode *prog, uint32_t root, const double *v, uint32_t known)
{
	struct { uint32_t end; uint8_t stop, acc; } st[RS_COND_MAX_DEPTH + 2];
	int sp = 0, t;
	uint32_t i = root;

	if (prog[root].kind != RS_P_LEAF && prog[root].tmask) { /* flat: the usual group */
		const rs_pnode *p = &prog[root];
		int stop = p->kind == RS_P_ALL ? RS_K_F : RS_K_T;
		int acc = RS_K_T - stop; /* the group's identity */

		for (i = root + 1; i < p->end; i++) {
			t = rs_leaf_k(&prog[i], v, known);
			if (t == stop)
				return t;
			if (t == RS_K_U)
				acc = RS_K_U;
		}
		return acc;
	}
	for (;;) {
		const rs_pnode *p = &prog[i++];

		if (p->kind == RS_P_LEAF) {
			t = rs_leaf_k(p, v, known);
		} else {
			bool all = p->kind == RS_P_ALL;

			st[sp].end = p->end;
			st[sp].stop = all ? RS_K_F : RS_K_T;
			st[sp].acc = all ? RS_K_T : RS_K_F;
			sp++;
			if (i < p->end)
				continue;
			t = st[--sp].acc; /* empty: all is TRUE, any is FALSE */
		}
		/* Fold t into the open groups, closing each one it completes. */
		for (;;) {
			if (sp == 0)
				return t;
			if (t == st[sp - 1].stop) {
				i = st[--sp].end;
				continue;
			}
			if (t == RS_K_U)
				st[sp - 1].acc = RS_K_U;
			if (i < st[sp - 1].end)
				break;
			t = st[--sp].acc;
		}
	}
}

/* "; stage initial by decision[1]; actions: a, b" ("; " only after other text). */
static void explain_eval(const rs_rules *r, const rs_result *res, rs_buf *b, rs_lang lang)
{
	bool zh = lang == RS_LANG_ZH;
	size_t i;

	if (b->len > 0)
		(void)rs_buf_puts(b, "; ");
	(void)rs_buf_puts(b, zh ? "阶段 " : "stage ");
	(void)rs_buf_puts(b, r->stages[res->stage].id);
	(void)rs_buf_puts(b, zh ? " 依据 decision[" : " by decision[");
	(void)rs_buf_put_ulong(b, (unsigned long)res->decision_row);
	(void)rs_buf_puts(b, zh ? "]; 行动: " : "]; actions: ");
	if (res->nfired == 0)
		(void)rs_buf_puts(b, zh ? "无" : "none");
	for (i = 0; i < res->nfired; i++) {
		if (i > 0)
			(void)rs_buf_puts(b, ", ");
		(void)rs_buf_puts(b, r->act[res->fired[i]].id);
	}
}

/*
 * The action rules in rule order, only those that can fire at the decided
 * stage, each with its condition at that stage (rules_impl.h: residual
 * programs), which no longer tests the stage.
 */
static void fire(const rs_rules *r, const rs_account *a, rs_result *res)
{
	const rs_entry *e = r->ent + r->act_first[res->stage];
	const rs_entry *end = r->ent + r->act_first[res->stage + 1];

	res->nfired = 0;
	for (; e < end; e++)
		if (rs_cond_fast(r->prog, e->root, a->v, a->known) == RS_K_T)
			res->fired[res->nfired++] = e->rule;
}

/*
 * The first decision row that matches, from the rows of share_pct's slot
 * (rules_impl.h); false when share_pct is unknown or NaN, or no row of the
 * slot matched: the caller then walks the whole table (and reports).
 */
static bool decide_fast(const rs_rules *r, const rs_account *a, size_t *row)
{
	double x = a->v[RS_V_SHARE_PCT];
	size_t lo = 0, hi = r->npts, mid, slot;
	const rs_entry *e, *end;

	if (r->dec_first == NULL || !rs_known(a, RS_V_SHARE_PCT) || x != x)
		return false;
	while (lo < hi) { /* lo = how many constants are below x */
		mid = (lo + hi) / 2;
		if (r->share_pts[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	slot = 2 * lo + (lo < r->npts && r->share_pts[lo] == x);
	end = r->ent + r->dec_first[slot + 1];
	for (e = r->ent + r->dec_first[slot]; e < end; e++) {
		if (rs_cond_fast(r->prog, e->root, a->v, a->known) == RS_K_T) {
			*row = e->rule;
			return true;
		}
	}
	return false;
}

static rs_status no_row(const rs_account *a, long unknown_row, rs_error *err)
{
	if (err != NULL)
		err->where[0] = '\0';
	if (unknown_row >= 0)
		return rs_error_set(err, RS_EREJECT, 0,
		                    "no decision row matches share_pct %.15g: decision[%ld] "
		                    "depends on values that are empty",
		                    a->v[RS_V_SHARE_PCT], unknown_row);
	return rs_error_set(err, RS_EREJECT, 0, "no decision row matches share_pct %.15g",
	                    a->v[RS_V_SHARE_PCT]);
}

rs_status rs_engine_eval(const rs_rules *r, const rs_account *a, rs_result *res,
                         rs_buf *explain, rs_lang lang, rs_error *err)
{
	long unknown_row = -1;
	size_t i;
	double thr;

	if (!decide_fast(r, a, &i)) {
		for (i = 0; i < r->ndec; i++) {
			int t = rs_cond_fast(r->prog, r->dec[i].cond, a->v, a->known);

			if (t == RS_K_T)
				break;
			if (t == RS_K_U && unknown_row < 0)
				unknown_row = (long)i;
		}
	}
	if (i == r->ndec)
		return no_row(a, unknown_row, err);
	res->decision_row = i;
	res->stage = r->dec[i].stage;
	res->next_stage = res->stage + 1 < r->nstages ? (long)res->stage + 1 : -1;
	res->share_gap = -1;
	if (res->next_stage >= 0 && rs_known(a, RS_V_SHARE_PCT)) {
		thr = r->stages[res->next_stage].threshold;
		if (!isnan(thr))
			res->share_gap = thr > a->v[RS_V_SHARE_PCT] ? thr - a->v[RS_V_SHARE_PCT] : 0;
	}
	fire(r, a, res);
	if (explain != NULL)
		explain_eval(r, res, explain, lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN);
	return RS_OK;
}
