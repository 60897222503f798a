/*
 * rules_cond.c - the evaluation form of loaded conditions (rules_impl.h):
 * the program parallel to the node array, and the Kleene evaluation of a
 * program.
 */
#include <string.h>

#include "rules_impl.h"

/* tmask bits by comparison code (rules_impl.h): 0 NaN (no order), 1 >, 2 <, 3 ==. */
#define TM_ALL 0xFu
#define TM_GT (1u << 1)
#define TM_LT (1u << 2)
#define TM_EQ (1u << 3)

/* NaN != v, as in C; unknown is never TRUE on a known value. */
static const uint8_t op_tmask[] = {
	[RS_C_EQ] = TM_EQ, [RS_C_NE] = 1u | TM_GT | TM_LT, [RS_C_LT] = TM_LT,
	[RS_C_LE] = TM_LT | TM_EQ, [RS_C_GT] = TM_GT, [RS_C_GE] = TM_GT | TM_EQ,
	[RS_C_KNOWN] = TM_ALL, [RS_C_UNKNOWN] = 0,
};

/*
 * Compiles node[i]'s subtree into prog[i..], negated when neg. Returns the
 * index after the subtree.
 */
static uint32_t compile_node(const rs_rules *r, uint32_t i, bool neg)
{
	const rs_cnode *n = &r->node[i];
	rs_pnode *p = &r->prog[i];
	uint32_t end = i + n->size, c;

	*p = (rs_pnode){.end = end};
	if (n->op == RS_C_NOT || n->op == RS_C_BOND) {
		p->kind = RS_P_ALL; /* all(x) == x */
		if (i + 1 < end)
			(void)compile_node(r, i + 1, n->op == RS_C_NOT ? !neg : neg);
	} else if (n->op == RS_C_ALL || n->op == RS_C_ANY) {
		p->kind = (n->op == RS_C_ALL) != neg ? RS_P_ALL : RS_P_ANY;
		for (c = i + 1; c < end; c += r->node[c].size)
			(void)compile_node(r, c, neg);
	} else {
		p->kind = RS_P_LEAF;
		p->var = n->var;
		p->value = n->value;
		p->tmask = op_tmask[n->op];
		/* The stage is always known; other unknowns: known F, unknown T, else U. */
		p->unk = n->op == RS_C_KNOWN ? RS_K_F : n->op == RS_C_UNKNOWN ? RS_K_T : RS_K_U;
		if (neg) {
			p->tmask ^= TM_ALL;
			p->unk = (uint8_t)(RS_K_T - p->unk);
		}
	}
	return end;
}

/*
 * A group is decided by the first child that stops it (FALSE for all, TRUE
 * for any), else UNKNOWN if one child was, else it is the group's identity.
 * The recursion is as deep as the condition nests, a bond's copy included.
 */
int rs_cond_k(const rs_pnode *prog, uint32_t root, const double *v, uint32_t known)
{
	const rs_pnode *p = &prog[root];
	int stop, acc, t;
	uint32_t c;

	if (p->kind == RS_P_LEAF)
		return rs_leaf_k(p, v, known);
	stop = p->kind == RS_P_ALL ? RS_K_F : RS_K_T;
	acc = RS_K_T - stop;
	for (c = root + 1; c < p->end; c = prog[c].end) {
		t = rs_cond_fast(prog, c, v, known);
		if (t == stop)
			return t;
		if (t == RS_K_U)
			acc = RS_K_U;
	}
	return acc;
}

/* Marks the groups whose children are all leaves: rs_cond_fast's short loop. */
static void mark_flat(rs_rules *r)
{
	size_t i;
	uint32_t c;

	for (i = 0; i < r->nnodes; i++) {
		rs_pnode *p = &r->prog[i];

		if (p->kind == RS_P_LEAF)
			continue;
		p->tmask = 1;
		for (c = (uint32_t)i + 1; c < p->end; c = r->prog[c].end)
			if (r->prog[c].kind != RS_P_LEAF)
				p->tmask = 0;
	}
}

int rs_cond_partial(const rs_pnode *prog, uint32_t i, const double *v, uint32_t decide,
                    uint32_t present)
{
	const rs_pnode *p = &prog[i];
	int stop = p->kind == RS_P_ALL ? RS_K_F : RS_K_T, acc = RS_K_T - stop, t;
	uint32_t c;

	if (p->kind == RS_P_LEAF) /* a known/unknown test is the leaf whose unk is not U */
		return (decide >> p->var & 1u) || (p->unk != RS_K_U && (present >> p->var & 1u))
		           ? rs_leaf_k(p, v, decide | present)
		           : RS_K_U;
	for (c = i + 1; c < p->end; c = prog[c].end) {
		if ((t = rs_cond_partial(prog, c, v, decide, present)) == stop)
			return t;
		if (t == RS_K_U)
			acc = RS_K_U;
	}
	return acc;
}

bool rs_rules_compile(rs_rules *r)
{
	double v[RS_VAR_COUNT] = {0};
	size_t i, s;

	if ((r->prog = rs_malloc(r->nnodes * sizeof *r->prog)) == NULL)
		return false;
	for (i = 0; i < r->nnodes; i = compile_node(r, (uint32_t)i, false))
		;
	mark_flat(r);
	for (s = 0; s < r->nstages; s++) {
		v[RS_VAR_STAGE] = (double)s;
		for (i = 0; i < r->nact; i++)
			if (rs_cond_partial(r->prog, r->act[i].cond, v, 1u << RS_VAR_STAGE, 0) != RS_K_F)
				r->act_at[s] |= (uint64_t)1 << i;
		for (i = 0; i < r->nkind[RS_K_MODEL]; i++)
			if (rs_cond_partial(r->prog, r->kind[RS_K_MODEL][i].cond, v, 1u << RS_VAR_STAGE, 0) !=
			    RS_K_F)
				r->model_at[s] |= (uint16_t)(1u << i);
	}
	return true;
}
