/*
 * rules_cond.c - the evaluation form of loaded conditions (rules_impl.h):
 * the program parallel to the node array, the residual programs of the
 * action rules and alliance models at each stage, and the Kleene evaluation
 * of a program.
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

/* --------------------------------------------- the residual programs */

/* prog has room: rs_rules_compile allocated it for the most it can take. */
static void push(rs_rules *r, const rs_pnode *p)
{
	r->prog[r->nprog] = *p;
	r->prog[r->nprog].end = (uint32_t)r->nprog + 1;
	r->nprog++;
}

/* Takes out the group opening at prog[at], which holds everything after
 * it: its children move up one place. */
static void unwrap(rs_rules *r, size_t at)
{
	size_t k;

	memmove(&r->prog[at], &r->prog[at + 1], (r->nprog - at - 1) * sizeof *r->prog);
	for (k = at; k + 1 < r->nprog; k++)
		r->prog[k].end--;
	r->nprog--;
}

/*
 * Appends the residual of prog[i] with the stage v[RS_VAR_STAGE]: its
 * leaves on the stage become constants, a group drops the children that
 * cannot change it (TRUE in all, FALSE in any), is decided by one that stops
 * it, keeps one UNKNOWN, and with one child left is that child. Returns the
 * constant the subtree is (nothing appended), or -1. It appends at most
 * twice the subtree's size: the nodes and one UNKNOWN leaf per group.
 */
static int residual(rs_rules *r, uint32_t i, const double *v)
{
	rs_pnode p = r->prog[i], u = {RS_P_LEAF, RS_VAR_CONST, 0, RS_K_U, 0, 0};
	size_t at = r->nprog, n = 0;
	bool all = p.kind == RS_P_ALL, unknown = false;
	uint32_t c;
	int t;

	if (p.kind == RS_P_LEAF && p.var == RS_VAR_STAGE)
		return rs_leaf_k(&p, v, 1u << RS_VAR_STAGE);
	push(r, &p);
	if (p.kind == RS_P_LEAF)
		return -1;
	for (c = i + 1; c < p.end; c = r->prog[c].end) {
		size_t cpos = r->nprog;

		t = residual(r, c, v);
		if (t == (all ? RS_K_F : RS_K_T)) {
			r->nprog = at;
			return t;
		}
		if (t == -1 && r->prog[cpos].kind == p.kind) /* all(a, all(b, c)) is all(a, b, c) */
			unwrap(r, cpos);
		unknown = unknown || t == RS_K_U;
	}
	for (c = (uint32_t)at + 1; c < r->nprog; c = r->prog[c].end)
		n++;
	if (n == 0) {
		r->nprog = at;
		return unknown ? RS_K_U : all ? RS_K_T : RS_K_F;
	}
	if (unknown)
		push(r, &u);
	if (n == 1 && !unknown) /* the group is its one child */
		unwrap(r, at);
	else
		r->prog[at].end = (uint32_t)r->nprog;
	return -1;
}

/* Rule `rule` with its residual program, unless it can never be TRUE; a
 * constant TRUE is one leaf. */
static void add_entry(rs_rules *r, uint32_t rule, uint32_t cond, const double *v)
{
	rs_pnode k = {RS_P_LEAF, RS_VAR_CONST, 0, RS_K_T, 0, 0};
	size_t at = r->nprog;
	int t = residual(r, cond, v);

	if (t == RS_K_F || t == RS_K_U)
		return;
	if (t == RS_K_T)
		push(r, &k);
	r->ent[r->nent++] = (rs_entry){rule, (uint32_t)at};
}

/* ---------------------------------------------------------- the rest */

/* Marks the groups whose children are all leaves: rs_cond_fast's short loop. */
static void mark_flat(rs_rules *r)
{
	size_t i;
	uint32_t c;

	for (i = 0; i < r->nprog; i++) {
		rs_pnode *p = &r->prog[i];

		if (p->kind == RS_P_LEAF)
			continue;
		p->tmask = 1;
		for (c = (uint32_t)i + 1; c < p->end; c = r->prog[c].end)
			if (r->prog[c].kind != RS_P_LEAF)
				p->tmask = 0;
	}
}

bool rs_rules_compile(rs_rules *r)
{
	double v[RS_VAR_COUNT] = {0};
	size_t i, s, residuals = 0;

	/* Allocated once, for the most the residual programs can take. */
	for (i = 0; i < r->nact; i++)
		residuals += 2 * r->node[r->act[i].cond].size;
	for (i = 0; i < r->nkind[RS_K_MODEL]; i++)
		residuals += 2 * r->node[r->kind[RS_K_MODEL][i].cond].size;
	r->prog = rs_malloc((r->nnodes + r->nstages * residuals) * sizeof *r->prog);
	r->ent = rs_malloc((r->nkind[RS_K_TYPE] + r->nstages * (r->nact + r->nkind[RS_K_MODEL])) * sizeof *r->ent);
	if (r->prog == NULL || r->ent == NULL)
		return false;
	for (i = 0; i < r->nnodes; i = compile_node(r, (uint32_t)i, false))
		;
	r->nprog = r->nnodes;
	for (i = 0; i < r->nkind[RS_K_TYPE]; i++) { /* types test no stage: as they are */
		r->ent[r->nent++] = (rs_entry){(uint32_t)i, r->kind[RS_K_TYPE][i].cond};
	}
	for (s = 0; s < r->nstages; s++) {
		v[RS_VAR_STAGE] = (double)s;
		r->act_first[s] = (uint32_t)r->nent;
		for (i = 0; i < r->nact; i++)
			add_entry(r, (uint32_t)i, r->act[i].cond, v);
		r->model_first[s] = (uint32_t)r->nent;
		for (i = 0; i < r->nkind[RS_K_MODEL]; i++)
			add_entry(r, (uint32_t)i, r->kind[RS_K_MODEL][i].cond, v);
	}
	r->act_first[s] = (uint32_t)r->nent;
	mark_flat(r);
	return true;
}
