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
