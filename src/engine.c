/*
 * engine.c - evaluates compiled rules on a scored account: the stage (first
 * decision row whose condition is true) and every action rule that fires.
 * Conditions use Kleene logic, so an empty value can never make a row match.
 * Per row: index walks and double compares only; no allocation, no strings.
 */
#include <math.h>

#include "buf_impl.h"
#include "rules_impl.h"

/*
 * A comparison node. The stage (action rules only) is always known; a
 * comparison with an empty value is UNKNOWN, "known"/"unknown" never are.
 */
static inline int leaf(const rs_cnode *n, const rs_account *a, double stage)
{
	bool stg = n->var == RS_VAR_STAGE;
	bool known = stg || rs_known(a, n->var);
	double x = stg ? stage : a->v[n->var];

	switch (n->op) {
	case RS_C_KNOWN: return known;
	case RS_C_UNKNOWN: return !known;
	default: break;
	}
	if (!known)
		return RS_UNKNOWN;
	switch (n->op) {
	case RS_C_EQ: return x == n->value;
	case RS_C_NE: return x != n->value;
	case RS_C_LT: return x < n->value;
	case RS_C_LE: return x <= n->value;
	case RS_C_GT: return x > n->value;
	case RS_C_GE: return x >= n->value;
	default: return RS_FALSE;
	}
}

/*
 * all: FALSE wins, then UNKNOWN; any: TRUE wins, then UNKNOWN. Comparison
 * children, the usual case, are evaluated here without a call.
 */
static int group(const rs_rules *r, uint32_t root, const rs_account *a, double stage)
{
	const rs_cnode *n = &r->node[root];
	int stop = n->op == RS_C_ALL ? RS_FALSE : RS_TRUE;
	int acc = n->op == RS_C_ALL ? RS_TRUE : RS_FALSE;
	uint32_t i = root + 1, end = root + n->size;

	while (i < end) {
		const rs_cnode *c = &r->node[i];
		int t = c->op >= RS_C_EQ ? leaf(c, a, stage) : rs_cond_eval(r, i, a, stage);

		if (t == stop)
			return t;
		if (t == RS_UNKNOWN)
			acc = RS_UNKNOWN;
		i += c->size;
	}
	return acc;
}

int rs_cond_eval(const rs_rules *r, uint32_t root, const rs_account *a, double stage)
{
	const rs_cnode *n = &r->node[root];
	int t;

	switch (n->op) {
	case RS_C_ALL:
	case RS_C_ANY:
		return group(r, root, a, stage);
	case RS_C_NOT:
		t = rs_cond_eval(r, root + 1, a, stage);
		return t == RS_UNKNOWN ? RS_UNKNOWN : !t;
	default:
		return leaf(n, a, stage);
	}
}

static void explain_eval(const rs_rules *r, const rs_result *res, rs_buf *b, rs_lang lang)
{
	bool zh = lang == RS_LANG_ZH;
	size_t i;

	if (b->len > 0)
		(void)RS_BUF_LIT(b, "; ");
	(void)rs_buf_add_str(b, zh ? "阶段 " : "stage ");
	(void)rs_buf_add_str(b, r->stages[res->stage].id);
	(void)rs_buf_add_str(b, zh ? " 依据 decision[" : " by decision[");
	(void)rs_buf_put_ulong(b, (unsigned long)res->decision_row);
	(void)rs_buf_add_str(b, zh ? "]; 行动: " : "]; actions: ");
	if (res->nfired == 0)
		(void)rs_buf_add_str(b, zh ? "无" : "none");
	for (i = 0; i < res->nfired; i++) {
		if (i > 0)
			(void)RS_BUF_LIT(b, ", ");
		(void)rs_buf_add_str(b, r->act[res->fired[i]].id);
	}
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

	for (i = 0; i < r->ndec; i++) {
		int t = rs_cond_eval(r, r->dec[i].cond, a, 0);

		if (t == RS_TRUE)
			break;
		if (t == RS_UNKNOWN && unknown_row < 0)
			unknown_row = (long)i;
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
	res->nfired = 0;
	for (i = 0; i < r->nact && res->nfired < RS_MAX_FIRED; i++)
		if (rs_cond_eval(r, r->act[i].cond, a, (double)res->stage) == RS_TRUE)
			res->fired[res->nfired++] = i;
	if (explain != NULL)
		explain_eval(r, res, explain, lang);
	return RS_OK;
}
