/*
 * rules_cond.c - the condition compiler: JSON conditions -> the flat node
 * array of rules_impl.h (variable indexes and doubles, prefix order), with
 * every problem reported at its JSON path and the nesting and size limits
 * that keep hostile rules from exhausting the stack or memory.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"

/* Which flag lets a condition test a variable the engine sets. */
static unsigned var_flag(int var)
{
	switch (var) {
	case RS_VAR_TYPE: return RS_LD_TYPE;
	case RS_VAR_MODEL: return RS_LD_MODEL;
	case RS_VAR_STAGE: case RS_VAR_DOWNGRADED: case RS_V_PREVIOUS_STAGE: return RS_LD_STAGE;
	default: return 0;
	}
}

int rs_ld_var(rs_ld *l, const cJSON *o, const char *key, unsigned flags)
{
	const cJSON *v = rs_ld_need(l, o, key);
	char list[480];
	size_t mark;
	int var = -1, k;

	if (v == NULL)
		return -1;
	mark = rs_ld_push_key(l, key);
	for (k = 0; cJSON_IsString(v) && k < RS_VAR_COUNT; k++)
		if (strcmp(v->valuestring, rs_cond_var_name(k)) == 0)
			var = k;
	if (!cJSON_IsString(v)) {
		rs_ld_problem(l, "expected a variable name");
	} else if (var < 0) {
		list[0] = '\0';
		for (k = 0; k < RS_VAR_COUNT; k++)
			if ((var_flag(k) & flags) == var_flag(k))
				rs_ld_list_add(list, sizeof list, rs_cond_var_name(k));
		rs_ld_problem(l, "unknown variable \"%.40s\" (expected one of: %s)", v->valuestring, list);
	} else if ((var_flag(var) & flags) != var_flag(var)) {
		rs_ld_problem(l, "\"%s\" can be tested only in action rules%s", v->valuestring,
		              var_flag(var) == RS_LD_MODEL ? "" : " and alliance models");
		var = -1;
	} else if ((flags & RS_LD_NO_SCORES) && var >= RS_V_CONTACT_SCORE) {
		rs_ld_problem(l, "a score part cannot use contact_score or cooperation_score");
		var = -1;
	} else if ((flags & RS_LD_NUMERIC) && rs_var_kind(var) == RS_KIND_TEXT) {
		rs_ld_problem(l, "%s is text: a linear part needs a number, yes/no or level", rs_var_name(var));
		var = -1;
	}
	rs_ld_pop(l, mark);
	return var;
}

static uint32_t node_new(rs_ld *l)
{
	rs_rules *r = l->r;

	if (r->nnodes >= RS_COND_MAX_NODES) {
		if (!l->too_many_nodes)
			rs_ld_problem(l, "the conditions have more than %d nodes in all", RS_COND_MAX_NODES);
		l->too_many_nodes = true;
		return UINT32_MAX;
	}
	if (r->nnodes == r->capnodes) {
		size_t cap = r->capnodes ? r->capnodes * 2 : 64;
		rs_cnode *p = rs_realloc(r->node, cap * sizeof *p);

		if (p == NULL) {
			l->oom = true;
			return UINT32_MAX;
		}
		r->node = p;
		r->capnodes = cap;
	}
	memset(&r->node[r->nnodes], 0, sizeof r->node[0]);
	r->node[r->nnodes].size = 1;
	return (uint32_t)r->nnodes++;
}

static int parse_op(rs_ld *l, const cJSON *o)
{
	const cJSON *v = rs_ld_need(l, o, "op");
	size_t mark;
	int op;

	if (v == NULL)
		return -1;
	for (op = RS_C_EQ; cJSON_IsString(v) && op <= RS_C_UNKNOWN; op++)
		if (strcmp(rs_cond_op_name(op), v->valuestring) == 0)
			return op;
	mark = rs_ld_push_key(l, "op");
	if (cJSON_IsString(v))
		rs_ld_problem(l, "unknown operator \"%.20s\" (expected ==, !=, <, <=, >, >=, known, unknown)",
		              v->valuestring);
	else
		rs_ld_problem(l, "expected an operator: ==, !=, <, <=, >, >=, known, unknown");
	rs_ld_pop(l, mark);
	return -1;
}

/* The index of the type or model (list k) id v names; -1 after reporting. */
static long kind_value(rs_ld *l, const cJSON *v, int k)
{
	char list[200];
	size_t i;

	list[0] = '\0';
	for (i = 0; i < l->r->nkind[k]; i++) {
		const char *id = l->r->kind[k][i].id;

		if (id != NULL && cJSON_IsString(v) && strcmp(id, v->valuestring) == 0)
			return (long)i;
		if (id != NULL)
			rs_ld_list_add(list, sizeof list, id);
	}
	rs_ld_problem(l, "expected one of: %s", list[0] ? list : "(none defined)");
	return -1;
}

/* A param's index by name, or -1. */
static long param_index(const rs_rules *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->param[i].id, name) == 0)
			return (long)i;
	return -1;
}

/*
 * The value of a comparison as a double, checked against the variable's
 * kind; *param gets 1 + the param a number names.
 */
static bool atom_value(rs_ld *l, const cJSON *v, int var, double *out, uint8_t *param)
{
	int level;
	long k;

	if (var == RS_VAR_STAGE || var == RS_V_PREVIOUS_STAGE || var == RS_VAR_TYPE || var == RS_VAR_MODEL) {
		k = var == RS_VAR_TYPE ? kind_value(l, v, RS_K_TYPE)
		    : var == RS_VAR_MODEL ? kind_value(l, v, RS_K_MODEL) : rs_ld_stage_value(l, v);
		*out = (double)k;
		return k >= 0;
	}
	switch (var == RS_VAR_DOWNGRADED ? RS_KIND_BOOL : rs_var_kind(var)) {
	case RS_KIND_BOOL:
		if (!cJSON_IsBool(v))
			break;
		*out = cJSON_IsTrue(v) ? 1 : 0;
		return true;
	case RS_KIND_LEVEL:
		if (cJSON_IsString(v) && rs_parse_level(v->valuestring, strlen(v->valuestring), &level) == RS_PARSE_OK) {
			*out = level;
			return true;
		}
		rs_ld_problem(l, "expected a level for %s: staff, manager, director, executive "
		                 "(or 员工, 经理, 总监, 高层)", rs_var_name(var));
		return false;
	case RS_KIND_NUMBER:
		if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
			*out = v->valuedouble;
			return true;
		}
		if (cJSON_IsString(v) && (k = param_index(l->r, v->valuestring)) >= 0) {
			*out = l->r->param[k].value;
			*param = (uint8_t)(k + 1);
			return true;
		}
		rs_ld_problem(l, cJSON_IsNumber(v) ? "not a finite number"
		                 : cJSON_IsString(v) ? "expected a number or the name of a param for %s"
		                                     : "expected a number for %s",
		              rs_var_name(var));
		return false;
	default:
		break;
	}
	rs_ld_problem(l, "expected true or false for %s", rs_cond_var_name(var));
	return false;
}

static void atom(rs_ld *l, const cJSON *o, unsigned flags, uint32_t at)
{
	static const char *const keys[] = {"var", "op", "value", "need", NULL};
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "value");
	int var, op;
	size_t mark;
	double x = 0;
	uint8_t param = 0;

	(void)rs_ld_keys(l, o, keys);
	var = rs_ld_var(l, o, "var", flags & ~(unsigned)RS_LD_NUMERIC);
	op = parse_op(l, o);
	if (op == RS_C_KNOWN || op == RS_C_UNKNOWN) {
		if (v != NULL) {
			mark = rs_ld_push_key(l, "value");
			rs_ld_problem(l, "\"%s\" takes no value", rs_cond_op_name(op));
			rs_ld_pop(l, mark);
		}
	} else if (v == NULL && op >= 0) {
		(void)rs_ld_need(l, o, "value");
	} else if (v != NULL && var >= 0 && op >= 0) {
		bool ids = var == RS_VAR_TYPE || var == RS_VAR_MODEL;
		rs_kind kind = var >= RS_V_PREVIOUS_STAGE ? RS_KIND_NUMBER : rs_var_kind(var);

		mark = rs_ld_push_key(l, kind == RS_KIND_NUMBER && !ids && var != RS_VAR_DOWNGRADED ? "value" : "op");
		if (kind == RS_KIND_TEXT)
			rs_ld_problem(l, "%s is text: only \"known\" and \"unknown\" apply", rs_var_name(var));
		else if ((kind == RS_KIND_BOOL || ids || var == RS_VAR_DOWNGRADED) && op != RS_C_EQ && op != RS_C_NE)
			rs_ld_problem(l, "%s is %s: use ==, !=, known or unknown", rs_cond_var_name(var),
			              ids ? "an id" : "yes/no");
		rs_ld_pop(l, mark);
		mark = rs_ld_push_key(l, "value");
		if (kind != RS_KIND_TEXT)
			(void)atom_value(l, v, var, &x, &param);
		rs_ld_pop(l, mark);
	}
	if (at != UINT32_MAX) {
		l->r->node[at].op = (uint8_t)(op < 0 ? RS_C_EQ : op);
		l->r->node[at].var = (uint8_t)(var < 0 ? 0 : var);
		l->r->node[at].value = x;
		l->r->node[at].param = param;
	}
}

/* Can a need text on node n say {gap}: an order comparison on a number. */
static bool has_gap(const rs_cnode *n)
{
	return n->op >= RS_C_LT && n->op <= RS_C_GE && n->var < RS_V_PREVIOUS_STAGE &&
	       rs_var_kind(n->var) == RS_KIND_NUMBER;
}

/* A new need of node `at`, zeroed, linked from the node; NULL when out of memory. */
static rs_need *need_new(rs_rules *r, uint32_t at)
{
	rs_need *n;

	if (r->nneed % 16 == 0) {
		n = rs_realloc(r->need, (r->nneed + 16) * sizeof *n);
		if (n == NULL)
			return NULL;
		r->need = n;
	}
	n = &r->need[r->nneed++];
	memset(n, 0, sizeof *n);
	n->node = at;
	n->gap_at[0] = n->gap_at[1] = UINT32_MAX;
	r->node[at].need = (uint32_t)r->nneed;
	return n;
}

/* The "need" of the condition c compiled at `at`, if it has one. */
static void need_at(rs_ld *l, const cJSON *c, uint32_t at)
{
	rs_rules *r = l->r;
	rs_need *n;
	int g;

	if (cJSON_GetObjectItemCaseSensitive(c, "need") == NULL || at == UINT32_MAX || l->oom)
		return;
	if ((n = need_new(r, at)) == NULL) {
		l->oom = true;
		return;
	}
	l->gap = at < r->nnodes && has_gap(&r->node[at]);
	rs_ld_text_at(l, c, "need", &n->text);
	l->gap = false;
	for (g = 0; g < RS_LANG_COUNT; g++) {
		const char *s = n->text.s[g], *q = s != NULL ? strstr(s, "{gap}") : NULL;

		n->gap_at[g] = q != NULL ? (uint32_t)(q - s) : UINT32_MAX;
		if (q != NULL && strstr(q + 1, "{gap}") != NULL)
			rs_ld_problem(l, "need.%s: {gap} may appear once", g == RS_LANG_EN ? "en" : "zh");
	}
}

static uint32_t cond(rs_ld *l, const cJSON *c, unsigned flags, int depth);

static void group(rs_ld *l, const cJSON *c, const char *key, unsigned flags, int depth)
{
	const char *const keys[] = {key, "need", NULL};
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(c, key), *it;
	size_t mark, i = 0;

	(void)rs_ld_keys(l, c, keys);
	mark = rs_ld_push_key(l, key);
	if (!cJSON_IsArray(arr))
		rs_ld_problem(l, "expected an array of conditions");
	else
		cJSON_ArrayForEach(it, arr) {
			size_t m = rs_ld_push_index(l, i++);
			(void)cond(l, it, flags, depth + 1);
			rs_ld_pop(l, m);
		}
	rs_ld_pop(l, mark);
}

/* {"bond": ID}: the bond's condition, copied after the node at `at`. */
static void bond_ref(rs_ld *l, const cJSON *c, unsigned flags, uint32_t at)
{
	static const char *const keys[] = {"bond", "need", NULL};
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, "bond");
	size_t mark = rs_ld_push_key(l, "bond");
	long b = -1;
	uint32_t i, n, from;

	(void)rs_ld_keys(l, c, keys);
	if (!(flags & RS_LD_BONDS))
		rs_ld_problem(l, "bonds can be tested only in decision rows, relationship types, "
		                 "alliance models and action rules");
	else
		b = kind_value(l, v, RS_K_BOND);
	rs_ld_pop(l, mark);
	if (b < 0 || at == UINT32_MAX)
		return;
	l->r->node[at].op = RS_C_BOND;
	l->r->node[at].var = (uint8_t)b;
	from = l->r->kind[RS_K_BOND][b].cond;
	n = from < l->r->nnodes ? l->r->node[from].size : 0;
	for (i = 0; i < n; i++) {
		uint32_t k = node_new(l);

		if (k == UINT32_MAX)
			return;
		l->r->node[k] = l->r->node[from + i];
		l->r->node[k].need = 0;
	}
}

/* Compiles c in prefix order at the end of the node array; returns its root. */
static uint32_t cond(rs_ld *l, const cJSON *c, unsigned flags, int depth)
{
	static const char *const not_keys[] = {"not", "need", NULL};
	uint32_t at;

	if (depth > RS_COND_MAX_DEPTH) {
		rs_ld_problem(l, "conditions nest deeper than %d levels", RS_COND_MAX_DEPTH);
		return UINT32_MAX;
	}
	at = node_new(l);
	if (at == UINT32_MAX)
		return at;
	if (!cJSON_IsObject(c)) {
		rs_ld_problem(l, "expected a condition: {\"all\": [...]}, {\"any\": [...]}, "
		                 "{\"not\": ...}, {\"bond\": ...} or {\"var\": ..., \"op\": ..., \"value\": ...}");
	} else if (cJSON_GetObjectItemCaseSensitive(c, "all") != NULL) {
		l->r->node[at].op = RS_C_ALL;
		group(l, c, "all", flags, depth);
	} else if (cJSON_GetObjectItemCaseSensitive(c, "any") != NULL) {
		l->r->node[at].op = RS_C_ANY;
		group(l, c, "any", flags, depth);
	} else if (cJSON_GetObjectItemCaseSensitive(c, "not") != NULL) {
		size_t mark;

		l->r->node[at].op = RS_C_NOT;
		(void)rs_ld_keys(l, c, not_keys);
		mark = rs_ld_push_key(l, "not");
		(void)cond(l, cJSON_GetObjectItemCaseSensitive(c, "not"), flags, depth + 1);
		rs_ld_pop(l, mark);
	} else if (cJSON_GetObjectItemCaseSensitive(c, "bond") != NULL) {
		bond_ref(l, c, flags, at);
	} else {
		atom(l, c, flags, at);
	}
	if (l->r->node != NULL)
		l->r->node[at].size = (uint32_t)(l->r->nnodes - at);
	need_at(l, c, at);
	return at;
}

uint32_t rs_ld_cond_at(rs_ld *l, const cJSON *o, const char *key, unsigned flags)
{
	const cJSON *c = rs_ld_need(l, o, key);
	size_t mark;
	uint32_t root;

	if (c == NULL)
		return UINT32_MAX;
	mark = rs_ld_push_key(l, key);
	root = cond(l, c, flags, 1);
	rs_ld_pop(l, mark);
	return root;
}

int rs_ld_first_var(const rs_ld *l, uint32_t root)
{
	size_t i;

	if (root >= l->r->nnodes)
		return -1;
	for (i = root; i < root + l->r->node[root].size; i++)
		if (l->r->node[i].op >= RS_C_EQ && l->r->node[i].var < RS_V_COUNT)
			return l->r->node[i].var;
		else if (l->r->node[i].op == RS_C_BOND)
			i += l->r->node[i].size - 1;
	return -1;
}

/* ------------------------------------------------- the evaluation form */

/* tmask bits by code (rules_impl.h): 0 NaN (no order), 1 >, 2 <, 3 ==. */
#define TM_ALL 0xFu
#define TM_GT (1u << 1)
#define TM_LT (1u << 2)
#define TM_EQ (1u << 3)

static uint8_t op_tmask(int op)
{
	switch (op) {
	case RS_C_EQ: return TM_EQ;
	case RS_C_NE: return 1u | TM_GT | TM_LT; /* NaN != v, as in C */
	case RS_C_LT: return TM_LT;
	case RS_C_LE: return TM_LT | TM_EQ;
	case RS_C_GT: return TM_GT;
	case RS_C_GE: return TM_GT | TM_EQ;
	case RS_C_KNOWN: return TM_ALL;
	default: return 0; /* unknown: never TRUE on a known value */
	}
}

/*
 * Compiles node[i]'s subtree into prog[i..], negated when neg; recursion is
 * bounded by RS_COND_MAX_DEPTH. Returns the index after the subtree.
 */
static uint32_t compile_node(const rs_rules *r, uint32_t i, bool neg)
{
	const rs_cnode *n = &r->node[i];
	rs_pnode *p = &r->prog[i];
	uint32_t end = i + n->size, c;

	memset(p, 0, sizeof *p);
	p->end = end;
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
		p->tmask = op_tmask(n->op);
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


/* --------------------------------------------- the residual programs */

/* The value fixed for a residual: the stage, or share_pct by its slot. */
typedef struct fixed {
	int var;
	double x;          /* the stage */
	const double *pts; /* share_pct: the table's constants, sorted */
	size_t npts, slot;
} fixed;

/* The comparison code (rs_leaf_k) of the fixed value against constant c. */
static unsigned fixed_code(const fixed *f, double c)
{
	size_t m = 0, j = f->slot / 2;

	if (f->pts == NULL)
		return (unsigned)(f->x >= c) | (unsigned)(f->x <= c) << 1;
	while (m < f->npts && f->pts[m] < c) /* c is one of pts */
		m++;
	if (f->slot % 2 == 1) /* x == pts[j] */
		return j < m ? 2u : j == m ? 3u : 1u;
	return j <= m ? 2u : 1u; /* pts[j-1] < x < pts[j] */
}

static bool push(rs_rules *r, const rs_pnode *p)
{
	if (r->nprog == r->capprog) {
		size_t cap = r->capprog * 2;
		rs_pnode *q = cap > UINT32_MAX / 2 ? NULL : rs_realloc(r->prog, cap * sizeof *q);

		if (q == NULL)
			return false;
		r->prog = q;
		r->capprog = cap;
	}
	r->prog[r->nprog] = *p;
	r->prog[r->nprog].end = (uint32_t)r->nprog + 1;
	r->nprog++;
	return true;
}

/*
 * Appends the residual of prog[i] with f's value fixed: its leaves become
 * constants, a group drops the children that cannot change it (TRUE in all,
 * FALSE in any), is decided by one that stops it, keeps one UNKNOWN, and
 * with one child left is that child. Returns the constant the subtree is
 * (nothing appended), or -1; -2 when out of memory.
 */
static int residual(rs_rules *r, uint32_t i, const fixed *f)
{
	rs_pnode p = r->prog[i], u = {RS_P_LEAF, RS_VAR_CONST, 0, RS_K_U, 0, 0};
	size_t at = r->nprog, k, n = 0;
	bool all = p.kind == RS_P_ALL, unknown = false;
	uint32_t c;
	int t;

	if (p.kind == RS_P_LEAF && p.var == f->var)
		return (int)(((unsigned)p.tmask >> fixed_code(f, p.value)) & 1u) << 1;
	if (!push(r, &p))
		return -2;
	if (p.kind == RS_P_LEAF)
		return -1;
	for (c = i + 1; c < p.end; c = r->prog[c].end) {
		size_t cpos = r->nprog;

		t = residual(r, c, f);
		if (t == -2)
			return t;
		if (t == (all ? RS_K_F : RS_K_T)) {
			r->nprog = at;
			return t;
		}
		if (t == -1 && r->prog[cpos].kind == p.kind) { /* all(a, all(b, c)) is all(a, b, c) */
			memmove(&r->prog[cpos], &r->prog[cpos + 1], (r->nprog - cpos - 1) * sizeof *r->prog);
			for (k = cpos; k + 1 < r->nprog; k++)
				r->prog[k].end--;
			r->nprog--;
		}
		unknown = unknown || t == RS_K_U;
	}
	for (c = (uint32_t)at + 1; c < r->nprog; c = r->prog[c].end)
		n++;
	if (n == 0) {
		r->nprog = at;
		return unknown ? RS_K_U : all ? RS_K_T : RS_K_F;
	}
	if (unknown && !push(r, &u))
		return -2;
	if (n == 1 && !unknown) { /* the group is its one child: move it up */
		memmove(&r->prog[at], &r->prog[at + 1], (r->nprog - at - 1) * sizeof *r->prog);
		for (k = at; k + 1 < r->nprog; k++)
			r->prog[k].end--;
		r->nprog--;
		return -1;
	}
	r->prog[at].end = (uint32_t)r->nprog;
	return -1;
}

/*
 * The residual of rule `rule`'s condition as an entry, unless it can never
 * be TRUE. Returns the constant it is (-1 if none, -2 out of memory).
 */
static int entry(rs_rules *r, uint32_t rule, uint32_t cond, const fixed *f)
{
	rs_pnode k = {RS_P_LEAF, RS_VAR_CONST, 0, RS_K_T, 0, 0};
	size_t at = r->nprog;
	int t = residual(r, cond, f);

	if (t == RS_K_F || t == RS_K_U || t == -2)
		return t;
	if (t == RS_K_T && !push(r, &k))
		return -2;
	if (r->nent == r->capent) {
		size_t cap = r->capent ? r->capent * 2 : 64;
		rs_entry *q = rs_realloc(r->ent, cap * sizeof *q);

		if (q == NULL)
			return -2;
		r->ent = q;
		r->capent = cap;
	}
	r->ent[r->nent].rule = rule;
	r->ent[r->nent++].root = (uint32_t)at;
	return t;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* share_pct's constants in the decision table, sorted, each once. */
static bool share_points(rs_rules *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nnodes; i++)
		n += r->prog[i].kind == RS_P_LEAF && r->prog[i].var == RS_V_SHARE_PCT;
	r->share_pts = rs_calloc(n ? n : 1, sizeof *r->share_pts);
	if (r->share_pts == NULL)
		return false;
	for (i = 0; i < r->ndec; i++) {
		uint32_t c, root = r->dec[i].cond;

		for (c = root; c < r->prog[root].end; c++)
			if (r->prog[c].kind == RS_P_LEAF && r->prog[c].var == RS_V_SHARE_PCT)
				r->share_pts[r->npts++] = r->prog[c].value;
	}
	qsort(r->share_pts, r->npts, sizeof *r->share_pts, cmp_double);
	for (i = n = 0; i < r->npts; i++)
		if (n == 0 || r->share_pts[n - 1] != r->share_pts[i])
			r->share_pts[n++] = r->share_pts[i];
	r->npts = n;
	return true;
}

/* Limits of the decision slots: more would cost memory for little. */
#define MAX_SHARE_PTS 64
#define MAX_SLOT_NODES 65536

static bool decision_slots(rs_rules *r)
{
	fixed f = {RS_V_SHARE_PCT, 0, NULL, 0, 0};
	size_t k, i, nprog = r->nprog, nent = r->nent;
	int t = 0;

	if (!share_points(r))
		return false;
	if (r->npts > MAX_SHARE_PTS)
		return true;
	r->dec_first = rs_calloc(2 * r->npts + 2, sizeof *r->dec_first);
	if (r->dec_first == NULL)
		return false;
	f.pts = r->share_pts;
	f.npts = r->npts;
	for (k = 0; k <= 2 * r->npts; k++) {
		f.slot = k;
		r->dec_first[k] = (uint32_t)r->nent;
		for (i = 0; i < r->ndec && t != RS_K_T; i++)
			if ((t = entry(r, (uint32_t)i, r->dec[i].cond, &f)) == -2)
				return false;
		t = 0;
		if (r->nprog - nprog > MAX_SLOT_NODES) {
			rs_free(r->dec_first);
			r->dec_first = NULL;
			r->nprog = nprog;
			r->nent = nent;
			return true;
		}
	}
	r->dec_first[k] = (uint32_t)r->nent;
	return true;
}

/* ------------------------------------------- texts made from the rules */

/* What condition i says, for a need the file gives no text for. */
static void cond_text(rs_buf *b, const rs_rules *r, uint32_t i, int g)
{
	static const char *const w[RS_LANG_COUNT][4] = {
		{" and ", "one of: ", ", ", "not "},
		{"，且", "以下任一项：", "、", "非"},
	};
	const rs_cnode *n = &r->node[i];
	const rs_need *own = n->need ? &r->need[n->need - 1] : NULL;
	uint32_t c;

	if (own != NULL && own->text.s[g] != NULL && own->gap_at[g] == UINT32_MAX) {
		(void)rs_buf_puts(b, own->text.s[g]);
	} else if (n->op == RS_C_ALL || n->op == RS_C_ANY) {
		(void)rs_buf_puts(b, n->op == RS_C_ANY ? w[g][1] : "");
		for (c = i + 1; c < i + n->size; c += r->node[c].size) {
			(void)rs_buf_puts(b, c == i + 1 ? "" : w[g][n->op == RS_C_ANY ? 2 : 0]);
			cond_text(b, r, c, g);
		}
	} else if (n->op == RS_C_NOT) {
		(void)rs_buf_puts(b, w[g][3]);
		cond_text(b, r, i + 1, g);
	} else if (n->op == RS_C_BOND) {
		(void)rs_buf_puts(b, r->kind[RS_K_BOND][n->var].label.s[g]);
	} else {
		(void)rs_buf_puts(b, rs_cond_var_name(n->var));
		(void)rs_buf_puts(b, " ");
		(void)rs_buf_puts(b, rs_cond_op_name(n->op));
		if (n->op < RS_C_KNOWN) {
			(void)rs_buf_puts(b, " ");
			rs_cond_value_text(b, r, n);
		}
	}
}

/*
 * Texts for the needs of a decision row that the file does not give: each
 * condition below the root reached through "all"s without a text of their
 * own (the conditions the engine's needs can name).
 */
static bool row_needs(rs_rules *r, uint32_t i)
{
	const rs_cnode *n = &r->node[i];
	rs_need *nd;
	uint32_t c;
	int g;

	if (n->need != 0)
		return true;
	if (n->op == RS_C_ALL) {
		for (c = i + 1; c < i + n->size; c += r->node[c].size)
			if (!row_needs(r, c))
				return false;
		return true;
	}
	if ((nd = need_new(r, i)) == NULL)
		return false;
	nd->generated = true;
	for (g = 0; g < RS_LANG_COUNT; g++) {
		rs_buf b;

		rs_buf_init(&b);
		(void)rs_buf_puts(&b, "");
		cond_text(&b, r, i, g);
		if (b.failed) {
			rs_buf_free(&b);
			return false;
		}
		nd->text.s[g] = b.data;
	}
	return true;
}

/* Marks the groups whose children are all leaves: rs_cond_k's short loop. */
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

/* The score parts as terms (rules_impl.h), once the program is built. */
static void score_terms(rs_rules *r)
{
	size_t k, i;

	for (k = 0; k < RS_SCORE_COUNT; k++) {
		rs_scoredef *d = &r->score[k];

		for (i = 0; i < d->nparts && i < RS_MAX_PARTS; i++) {
			const rs_part *p = &d->parts[i];
			rs_term *t = &d->terms[i];

			memset(t, 0, sizeof *t);
			if (p->var >= 0) {
				t->kind = RS_TERM_LINEAR;
				t->var = (uint8_t)p->var;
				t->x = p->per;
				t->y = p->cap;
			} else if (r->prog[p->cond].kind == RS_P_LEAF) {
				const rs_pnode *l = &r->prog[p->cond];

				t->kind = RS_TERM_LEAF;
				t->var = l->var;
				t->tmask = l->tmask;
				t->unk = l->unk;
				t->x = l->value;
				t->y = p->points;
			} else {
				t->kind = RS_TERM_COND;
				t->cond = p->cond;
				t->y = p->points;
			}
		}
	}
}

bool rs_rules_compile(rs_rules *r)
{
	fixed f = {RS_VAR_STAGE, 0, NULL, 0, 0};
	size_t i, s;
	int t;

	r->capprog = r->nnodes ? 2 * r->nnodes : 2;
	r->prog = rs_calloc(r->capprog, sizeof *r->prog);
	if (r->prog == NULL)
		return false;
	for (i = 0; i < r->nnodes; i = compile_node(r, (uint32_t)i, false))
		;
	r->nprog = r->nnodes;
	for (s = 0; s < r->nstages && s < RS_MAX_STAGES; s++) {
		r->act_first[s] = (uint32_t)r->nent;
		f.x = (double)s;
		for (i = 0; i < r->nact && i < 64; i++) {
			t = entry(r, (uint32_t)i, r->act[i].cond, &f);
			if (t == -2)
				return false;
			if (t == -1 || t == RS_K_T)
				r->act_mask[s] |= (uint64_t)1 << i;
		}
	}
	r->act_first[s] = (uint32_t)r->nent;
	for (s = 0; s < r->nstages && s < RS_MAX_STAGES; s++) { /* the models, the same way */
		r->model_first[s] = (uint32_t)r->nent;
		f.x = (double)s;
		for (i = 0; i < r->nkind[RS_K_MODEL]; i++)
			if (entry(r, (uint32_t)i, r->kind[RS_K_MODEL][i].cond, &f) == -2)
				return false;
	}
	r->model_first[s] = (uint32_t)r->nent;
	if (!decision_slots(r))
		return false;
	for (i = 0; i < r->ndec; i++)
		if (!row_needs(r, r->dec[i].cond))
			return false;
	mark_flat(r);
	score_terms(r);
	return true;
}
