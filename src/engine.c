/*
 * engine.c - evaluates compiled rules on a scored account: the stage (first
 * decision row whose condition is true), the relationship type, the bonds,
 * the alliance model, every action rule that fires, and what the next stage
 * needs (the unmet conditions of its closest decision row). Conditions use
 * Kleene logic, so an empty value can never make a row match.
 * Per row: index walks and double compares only; no allocation, no strings.
 */
#include <math.h>
#include <string.h>

#include "fields_impl.h"
#include "rules_impl.h"

/*
 * "; stage: Initial cooperation (rule 2: why); actions: a, b" ("；阶段：...
 * （规则 2：...）；行动：..." in Chinese); the separator only after other text.
 */
static void explain_eval(const rs_rules *r, const rs_result *res, rs_buf *b, bool zh)
{
	const rs_decision *d = &r->dec[res->decision_row];
	size_t i;

	if (b->len > 0)
		(void)rs_buf_puts(b, zh ? "；" : "; ");
	(void)rs_buf_puts(b, zh ? "阶段：" : "stage: ");
	(void)rs_buf_puts(b, r->stages[res->stage].label.s[zh]);
	(void)rs_buf_puts(b, zh ? "（规则 " : " (rule ");
	(void)rs_buf_put_ulong(b, (unsigned long)res->decision_row + 1);
	if (d->why.s[zh] != NULL) {
		(void)rs_buf_puts(b, zh ? "：" : ": ");
		(void)rs_buf_puts(b, d->why.s[zh]);
	}
	(void)rs_buf_puts(b, zh ? "）；行动：" : "); actions: ");
	if (res->nfired == 0)
		(void)rs_buf_puts(b, zh ? "无" : "none");
	for (i = 0; i < res->nfired; i++) {
		if (i > 0)
			(void)rs_buf_puts(b, ", ");
		(void)rs_buf_puts(b, r->act[res->fired[i]].id);
	}
}

/* The action rules that fire, in rule order: of those that can at the
 * decided stage (rs_rules.act_at). */
static void fire(const rs_rules *r, const double *v, uint32_t known, rs_result *res)
{
	uint64_t can = r->act_at[res->stage];
	size_t i;

	res->nfired = 0;
	for (i = 0; i < r->nact; i++)
		if ((can >> i & 1u) && rs_cond_fast(r->prog, r->act[i].cond, v, known) == RS_K_T)
			res->fired[res->nfired++] = i;
}

/* The first rule of kind k (a type, a model) in `can` whose condition is
 * true; -1 if none. */
static long first(const rs_rules *r, int k, uint32_t can, const double *v, uint32_t known)
{
	size_t i;

	for (i = 0; i < r->nkind[k]; i++)
		if ((can >> i & 1u) && rs_cond_fast(r->prog, r->kind[k][i].cond, v, known) == RS_K_T)
			return (long)i;
	return -1;
}

/*
 * How far a comparison on a known number is from true: the target minus
 * the value for > and >= (one step more for >: 0.01 of a share, 1 of a
 * score or count), the value minus the target for < and <=; NaN when the
 * node is anything else.
 */
static double gap(const rs_cnode *n, const double *v, uint32_t known)
{
	double step = n->var == RS_V_SHARE_PCT || n->var == RS_V_SHARE_DROP ||
	              !(n->var >= RS_V_CONTACT_SCORE || (rs_field_num_rules[n->var] & RS_NUM_WHOLE))
	                  ? 0.01
	                  : 1;
	double x = v[n->var];

	if (n->op < RS_C_LT || n->op > RS_C_GE || n->var >= RS_V_PREVIOUS_STAGE ||
	    rs_var_kind(n->var) != RS_KIND_NUMBER || !((known >> n->var) & 1u))
		return NAN;
	switch (n->op) {
	case RS_C_GT: return n->value + step - x;
	case RS_C_GE: return n->value - x;
	case RS_C_LT: return x - (n->value - step);
	default: return x - n->value;
	}
}

typedef struct needs {
	size_t n;
	uint32_t need[RS_MAX_NEEDS];
	double gap[RS_MAX_NEEDS];
} needs;

/*
 * The unmet parts of condition i into nd: an "all" without a text of its
 * own is its unmet children; anything else not true is one need.
 */
static void unmet(const rs_rules *r, uint32_t i, const double *v, uint32_t known, needs *nd)
{
	const rs_cnode *c = &r->node[i];
	uint32_t k;

	if (c->op == RS_C_ALL && c->need == 0) { /* true when no child is unmet */
		for (k = i + 1; k < i + c->size; k += r->node[k].size)
			unmet(r, k, v, known, nd);
		return;
	}
	if (rs_cond_fast(r->prog, i, v, known) == RS_K_T)
		return;
	if (nd->n < RS_MAX_NEEDS && c->need != 0) {
		nd->need[nd->n] = c->need - 1;
		nd->gap[nd->n] = gap(c, v, known);
	}
	nd->n++;
}

/*
 * What the next stage needs: of its rows that some share reaches, the one
 * with the fewest unmet conditions (the first on a tie); share_gap is the
 * share's distance when the share is one of them.
 */
static void next_needs(const rs_rules *r, const double *v, uint32_t known, rs_result *res)
{
	needs best, nd;
	size_t i, k;

	res->nneeds = 0;
	res->share_gap = -1;
	if (res->next_stage < 0)
		return;
	best.n = SIZE_MAX;
	for (i = 0; i < r->ndec; i++) {
		if (r->dec[i].stage != (size_t)res->next_stage || !r->dec[i].live)
			continue;
		nd.n = 0;
		unmet(r, r->dec[i].cond, v, known, &nd);
		if (nd.n > 0 && nd.n < best.n)
			best = nd;
	}
	if (best.n == SIZE_MAX)
		return;
	res->nneeds = best.n < RS_MAX_NEEDS ? best.n : RS_MAX_NEEDS;
	for (k = 0; k < res->nneeds; k++) {
		const rs_cnode *c = &r->node[r->need[best.need[k]].node];

		res->need[k] = best.need[k];
		res->need_gap[k] = best.gap[k];
		if (res->share_gap < 0 && c->var == RS_V_SHARE_PCT && c->op >= RS_C_EQ && best.gap[k] >= 0)
			res->share_gap = best.gap[k];
	}
}

/* The reasons no decision row matched, by language and by whether a row
 * failed only on empty values (decision[k] in English, rule k + 1 in Chinese). */
static const char *const no_row_why[RS_LANG_COUNT][2] = {
	{"no decision row matches share_pct %.15g",
	 "no decision row matches share_pct %.15g: decision[%ld] depends on values that are empty"},
	{"份额 %.15g 不符合任何判定规则", "份额 %.15g 不符合任何判定规则：规则 %ld 所需的数据为空"},
};

static rs_status no_row(const rs_account *a, long unknown_row, rs_lang lang, rs_error *err)
{
	int zh = lang == RS_LANG_ZH;

	if (err != NULL)
		err->where[0] = '\0';
	return rs_error_set(err, RS_EREJECT, 0, no_row_why[zh][unknown_row >= 0],
	                    a->v[RS_V_SHARE_PCT], unknown_row + zh);
}

rs_status rs_engine_eval(const rs_rules *r, const rs_account *a, rs_result *res,
                         rs_buf *explain, rs_lang lang, rs_error *err)
{
	long unknown_row = -1;
	size_t i;
	double v[RS_VAR_COUNT];
	uint32_t known = a->known | 1u << RS_VAR_STAGE;

	for (i = 0; i < r->ndec; i++) {
		int t = rs_cond_fast(r->prog, r->dec[i].cond, a->v, a->known);

		if (t == RS_K_T)
			break;
		if (t == RS_K_U && unknown_row < 0)
			unknown_row = (long)i;
	}
	if (i == r->ndec)
		return no_row(a, unknown_row, lang, err);
	res->decision_row = i;
	res->stage = r->dec[i].stage;
	res->next_stage = res->stage + 1 < r->nstages ? (long)res->stage + 1 : -1;
	/* The account's values and, as they are decided, the stage, downgraded,
	 * type and model, for the rules after them that test them. */
	memcpy(v, a->v, sizeof a->v);
	v[RS_VAR_STAGE] = (double)res->stage;
	if (rs_known(a, RS_V_PREVIOUS_STAGE)) {
		v[RS_VAR_DOWNGRADED] = a->v[RS_V_PREVIOUS_STAGE] > v[RS_VAR_STAGE];
		known |= 1u << RS_VAR_DOWNGRADED;
	}
	res->type = first(r, RS_K_TYPE, UINT32_MAX, v, known);
	v[RS_VAR_TYPE] = (double)res->type;
	known |= (uint32_t)(res->type >= 0) << RS_VAR_TYPE;
	res->bonds = 0;
	for (i = 0; i < r->nkind[RS_K_BOND]; i++)
		if (rs_cond_fast(r->prog, r->kind[RS_K_BOND][i].cond, v, known) == RS_K_T)
			res->bonds |= 1u << i;
	res->model = first(r, RS_K_MODEL, r->model_at[res->stage], v, known);
	v[RS_VAR_MODEL] = (double)res->model;
	known |= (uint32_t)(res->model >= 0) << RS_VAR_MODEL;
	fire(r, v, known, res);
	next_needs(r, v, known, res);
	if (explain != NULL)
		explain_eval(r, res, explain, lang == RS_LANG_ZH);
	return RS_OK;
}
