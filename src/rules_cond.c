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

int rs_ld_var(rs_ld *l, const cJSON *o, const char *key, unsigned flags)
{
	const cJSON *v = rs_ld_need(l, o, key);
	char list[400];
	size_t mark;
	int var = -1, k;

	if (v == NULL)
		return -1;
	mark = rs_ld_push_key(l, key);
	if (!cJSON_IsString(v)) {
		rs_ld_problem(l, "expected a variable name");
	} else if (strcmp(v->valuestring, "stage") == 0) {
		if (flags & RS_LD_STAGE)
			var = RS_VAR_STAGE;
		else
			rs_ld_problem(l, "\"stage\" can be tested only in action rules");
	} else if ((var = rs_var_lookup(v->valuestring)) < 0) {
		list[0] = '\0';
		for (k = 0; k < RS_V_COUNT; k++)
			rs_ld_list_add(list, sizeof list, rs_var_name(k));
		rs_ld_problem(l, "unknown variable \"%.40s\" (expected one of: %s%s)", v->valuestring,
		              list, flags & RS_LD_STAGE ? ", stage" : "");
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

/* The value of a comparison as a double, checked against the variable's kind. */
static bool atom_value(rs_ld *l, const cJSON *v, int var, double *out)
{
	int level;

	if (var == RS_VAR_STAGE) {
		long st = rs_ld_stage_value(l, v);

		*out = (double)st;
		return st >= 0;
	}
	switch (rs_var_kind(var)) {
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
		rs_ld_problem(l, cJSON_IsNumber(v) ? "not a finite number" : "expected a number for %s",
		              rs_var_name(var));
		return false;
	default:
		break;
	}
	rs_ld_problem(l, "expected true or false for %s", rs_var_name(var));
	return false;
}

static void atom(rs_ld *l, const cJSON *o, unsigned flags, uint32_t at)
{
	static const char *const keys[] = {"var", "op", "value", NULL};
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "value");
	int var, op;
	size_t mark;
	double x = 0;

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
		rs_kind kind = var == RS_VAR_STAGE ? RS_KIND_NUMBER : rs_var_kind(var);

		mark = rs_ld_push_key(l, kind == RS_KIND_NUMBER ? "value" : "op");
		if (kind == RS_KIND_TEXT)
			rs_ld_problem(l, "%s is text: only \"known\" and \"unknown\" apply", rs_var_name(var));
		else if (kind == RS_KIND_BOOL && op != RS_C_EQ && op != RS_C_NE)
			rs_ld_problem(l, "%s is yes/no: use ==, !=, known or unknown", rs_var_name(var));
		rs_ld_pop(l, mark);
		mark = rs_ld_push_key(l, "value");
		if (kind != RS_KIND_TEXT)
			(void)atom_value(l, v, var, &x);
		rs_ld_pop(l, mark);
	}
	if (at != UINT32_MAX) {
		l->r->node[at].op = (uint8_t)(op < 0 ? RS_C_EQ : op);
		l->r->node[at].var = (uint8_t)(var < 0 ? 0 : var);
		l->r->node[at].value = x;
	}
}

static uint32_t cond(rs_ld *l, const cJSON *c, unsigned flags, int depth);

static void group(rs_ld *l, const cJSON *c, const char *key, unsigned flags, int depth)
{
	const char *const keys[] = {key, NULL};
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

/* Compiles c in prefix order at the end of the node array; returns its root. */
static uint32_t cond(rs_ld *l, const cJSON *c, unsigned flags, int depth)
{
	static const char *const not_keys[] = {"not", NULL};
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
		                 "{\"not\": ...} or {\"var\": ..., \"op\": ..., \"value\": ...}");
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
	} else {
		atom(l, c, flags, at);
	}
	if (l->r->node != NULL)
		l->r->node[at].size = (uint32_t)(l->r->nnodes - at);
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
	if (n->op == RS_C_NOT) {
		p->kind = RS_P_ALL; /* all(x) == x */
		if (i + 1 < end)
			(void)compile_node(r, i + 1, !neg);
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
		t = residual(r, c, f);
		if (t == -2)
			return t;
		if (t == (all ? RS_K_F : RS_K_T)) {
			r->nprog = at;
			return t;
		}
		n += t == -1;
		unknown = unknown || t == RS_K_U;
	}
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
	if (!decision_slots(r))
		return false;
	mark_flat(r);
	score_terms(r);
	return true;
}
