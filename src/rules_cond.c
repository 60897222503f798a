/*
 * rules_cond.c - the condition compiler: JSON conditions -> the flat node
 * array of rules_impl.h (variable indexes and doubles, prefix order), with
 * every problem reported at its JSON path and the nesting and size limits
 * that keep hostile rules from exhausting the stack or memory.
 */
#include <math.h>
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

/* tmask bits: code 0 (NaN: no order), 1 (<), 2 (==), 4 (>). */
#define TM_ALL 0x17u

static uint8_t op_tmask(int op)
{
	switch (op) {
	case RS_C_EQ: return 1u << 2;
	case RS_C_NE: return 1u << 0 | 1u << 1 | 1u << 4; /* NaN != v, as in C */
	case RS_C_LT: return 1u << 1;
	case RS_C_LE: return 1u << 1 | 1u << 2;
	case RS_C_GT: return 1u << 4;
	case RS_C_GE: return 1u << 2 | 1u << 4;
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

/*
 * The Kleene values the subtree can take (bit 1 << value) when the stage is
 * `stage` and every other value may be anything: an over-approximation, so a
 * rule whose set lacks TRUE can never fire at that stage.
 */
static unsigned possible(const rs_rules *r, uint32_t i, double stage)
{
	const rs_pnode *p = &r->prog[i];
	bool all = p->kind == RS_P_ALL;
	unsigned one = 0, none = 0, v, s;
	uint32_t c;

	if (p->kind == RS_P_LEAF) {
		if (p->var == RS_VAR_STAGE) {
			double sv[RS_VAR_STAGE + 1] = {0};

			sv[RS_VAR_STAGE] = stage;
			return 1u << rs_leaf_k(p, sv, 1u << RS_VAR_STAGE);
		}
		return 1u << RS_K_F | 1u << RS_K_T | 1u << p->unk;
	}
	/* all = min: v is possible if every child can be >= v and one can be v
	 * (any: dual); each child's set is computed once. */
	for (c = i + 1; c < p->end; c = r->prog[c].end) {
		s = possible(r, c, stage);
		for (v = RS_K_F; v <= RS_K_T; v++)
			if ((s & (all ? 7u << v : 7u >> (RS_K_T - v))) == 0)
				none |= 1u << v;
		one |= s;
	}
	if (i + 1 == p->end) /* empty: all is TRUE, any is FALSE */
		one = 1u << (all ? RS_K_T : RS_K_F);
	return one & ~none & 7u;
}

/* ------------------------------------------------ the explain pieces */

/* Starts a piece at the end of the pieces text. */
static void piece_begin(rs_buf *b, rs_piece *p)
{
	p->off = (uint32_t)b->len;
}

static void piece_end(rs_buf *b, rs_piece *p)
{
	p->len = (uint32_t)(b->len - p->off);
}

/* A number exactly as the rows would print it: the same formatter. */
static void piece_num(rs_buf *b, rs_piece *p, double v)
{
	piece_begin(b, p);
	(void)rs_buf_put_num(b, v, 2);
	piece_end(b, p);
}

static size_t max_len(const rs_part_ex *x)
{
	size_t n = x->per.len;

	n = x->capped.len > n ? x->capped.len : n;
	n = x->unk.len > n ? x->unk.len : n;
	n = x->tail_t.len > n ? x->tail_t.len : n;
	return x->tail_f.len > n ? x->tail_f.len : n;
}

/* The pieces of one part in one language (score.c puts them together). */
static void part_pieces(rs_buf *b, rs_part *p, size_t i, int g)
{
	rs_part_ex *x = &p->ex[g];
	const char *name = p->label.s[g];

	if (name == NULL)
		name = p->name_var >= 0 ? rs_var_name(p->name_var) : "condition";
	piece_begin(b, &x->head); /* the first part follows "<total>" */
	(void)rs_buf_puts(b, i == 0 ? " = " : " + ");
	(void)rs_buf_puts(b, name);
	(void)rs_buf_puts(b, " ");
	piece_end(b, &x->head);
	piece_begin(b, &x->per);
	(void)rs_buf_puts(b, "x");
	(void)rs_buf_put_num(b, p->per, 2);
	(void)rs_buf_puts(b, " ");
	piece_end(b, &x->per);
	piece_begin(b, &x->capped); /* when capped, the points are the cap */
	(void)rs_buf_puts(b, "x");
	(void)rs_buf_put_num(b, p->per, 2);
	(void)rs_buf_puts(b, " (");
	(void)rs_buf_put_num(b, p->cap, 2);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_CAP]);
	piece_end(b, &x->capped);
	piece_begin(b, &x->unk);
	(void)rs_buf_put_num(b, 0, 2);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_UNKNOWN]);
	piece_end(b, &x->unk);
	piece_num(b, &x->tail_t, p->points);
	piece_num(b, &x->tail_f, 0);
}

static void score_pieces(rs_buf *b, rs_scoredef *d, int k, int g)
{
	size_t i, n;

	piece_begin(b, &d->ex_head[g]);
	(void)rs_buf_puts(b, "; ");
	(void)rs_buf_puts(b, rs_score_names[g][k]);
	piece_end(b, &d->ex_head[g]);
	piece_begin(b, &d->ex_max[g]);
	(void)rs_buf_puts(b, rs_score_words[g][RS_W_MAX]);
	(void)rs_buf_put_num(b, d->max, 2);
	(void)rs_buf_puts(b, ")");
	piece_end(b, &d->ex_max[g]);
	n = d->ex_head[g].len + d->ex_max[g].len;
	for (i = 0; i < d->nparts; i++) {
		part_pieces(b, &d->parts[i], i, g);
		n += d->parts[i].ex[g].head.len + max_len(&d->parts[i].ex[g]);
	}
	d->ex_bound[g] = n;
}

/* The engine's: "; stage <id> by decision[<i>]; actions: " per row, ", <id>". */
static void engine_pieces(rs_buf *b, rs_rules *r, int g)
{
	bool zh = g == RS_LANG_ZH;
	size_t i;

	for (i = 0; i < r->ndec; i++) {
		piece_begin(b, &r->dec[i].ex[g]);
		(void)rs_buf_puts(b, zh ? "; 阶段 " : "; stage ");
		(void)rs_buf_puts(b, r->stages[r->dec[i].stage].id);
		(void)rs_buf_puts(b, zh ? " 依据 decision[" : " by decision[");
		(void)rs_buf_put_ulong(b, (unsigned long)i);
		(void)rs_buf_puts(b, zh ? "]; 行动: " : "]; actions: ");
		piece_end(b, &r->dec[i].ex[g]);
	}
	piece_begin(b, &r->ex_none[g]);
	(void)rs_buf_puts(b, zh ? "无" : "none");
	piece_end(b, &r->ex_none[g]);
	for (i = 0; g == 0 && i < r->nact; i++) {
		piece_begin(b, &r->act[i].ex);
		(void)rs_buf_puts(b, ", ");
		(void)rs_buf_puts(b, r->act[i].id);
		piece_end(b, &r->act[i].ex);
	}
}

/* All pieces into one text, r->xtext; rs_piece offsets index it. */
static bool explain_pieces(rs_rules *r)
{
	rs_buf b;
	int g, k;

	rs_buf_init(&b);
	(void)rs_buf_puts(&b, "");
	for (g = 0; g < RS_LANG_COUNT; g++) {
		for (k = 0; k < RS_SCORE_COUNT; k++)
			score_pieces(&b, &r->score[k], k, g);
		engine_pieces(&b, r, g);
	}
	if (b.failed || b.len > UINT32_MAX) {
		rs_buf_free(&b);
		return false;
	}
	r->xtext = b.data;
	return true;
}

bool rs_rules_compile(rs_rules *r)
{
	size_t i, s;

	r->prog = rs_calloc(r->nnodes ? r->nnodes : 1, sizeof *r->prog);
	if (r->prog == NULL)
		return false;
	for (i = 0; i < r->nnodes; i = compile_node(r, (uint32_t)i, false))
		;
	for (s = 0; s < r->nstages && s < RS_MAX_STAGES; s++) {
		r->act_mask[s] = 0;
		for (i = 0; i < r->nact && i < 64; i++)
			if (possible(r, r->act[i].cond, (double)s) & 1u << RS_K_T)
				r->act_mask[s] |= (uint64_t)1 << i;
	}
	return explain_pieces(r);
}
