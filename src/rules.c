/*
 * rules.c - the rules file: parse (cJSON), check and load it into the form of
 * rules_impl.h, free it, and the accessors. Every problem is reported with
 * its JSON path, and loading goes on after one, so one run of `relstage
 * validate` lists them all. The format's objects are described once, in
 * tables that the loader, rs_rules_free and the dump (rules_dump.c) walk.
 *
 * The format (version 1) is specified in README.md, "The rules format"
 * (`relstage rules` prints the defaults as an example).
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "rules_impl.h"
#include "msg.h"

extern const char rs_default_rules_json[];
extern const size_t rs_default_rules_json_len;

#define MAX_TEXT 2000    /* bytes in one text */
#define MAX_ID 32

/* What a condition may test beyond the account's own values (rs_list.cflags). */
enum {
	LD_STAGE = 1,     /* stage, previous_stage, downgraded */
	LD_NO_SCORES = 2, /* score parts: not the scores */
	LD_NUMERIC = 4,   /* a linear part's variable: a number, yes/no or level */
	LD_TYPE = 8,      /* relationship_type */
	LD_MODEL = 16,    /* alliance_model */
	LD_BONDS = 32,    /* {"bond": ID} */
	LD_ACTION = LD_STAGE | LD_TYPE | LD_MODEL | LD_BONDS
};

/* ---------------------------------------------------------- the format */

static const rs_member stage_members[] = {
	{"id", RS_MT_ID, false, offsetof(rs_stage, id), NULL},
	{"label", RS_MT_TEXT, false, offsetof(rs_stage, label), NULL},
	{"actions", RS_MT_ACTIONS, false, 0, NULL},
	{NULL, 0, false, 0, NULL},
};
static const rs_member decision_members[] = {
	{"stage", RS_MT_STAGE, false, offsetof(rs_decision, stage), NULL},
	{"when", RS_MT_COND, false, offsetof(rs_decision, cond), NULL},
	{"why", RS_MT_TEXT, true, offsetof(rs_decision, why), NULL},
	{NULL, 0, false, 0, NULL},
};
static const rs_member kind_members[] = {
	{"id", RS_MT_ID, false, offsetof(rs_kind_rule, id), NULL},
	{"label", RS_MT_TEXT, false, offsetof(rs_kind_rule, label), NULL},
	{"when", RS_MT_COND, false, offsetof(rs_kind_rule, cond), NULL},
	{NULL, 0, false, 0, NULL},
};
static const rs_member action_members[] = {
	{"id", RS_MT_ID, false, offsetof(rs_action, id), NULL},
	{"when", RS_MT_COND, false, offsetof(rs_action, cond), NULL},
	{"flag", RS_MT_ID, true, offsetof(rs_action, flag), NULL},
	{"text", RS_MT_TEXT, false, offsetof(rs_action, text), NULL},
	{NULL, 0, false, 0, NULL},
};
const rs_member rs_part_members[2][5] = {
	{{"var", RS_MT_VAR, false, offsetof(rs_part, var), NULL},
	 {"per", RS_MT_NUM, false, offsetof(rs_part, per), NULL},
	 {"cap", RS_MT_NUM, true, offsetof(rs_part, cap), NULL},
	 {"label", RS_MT_TEXT, true, offsetof(rs_part, label), NULL}},
	{{"when", RS_MT_COND, false, offsetof(rs_part, cond), NULL},
	 {"points", RS_MT_NUM, false, offsetof(rs_part, points), NULL},
	 {"label", RS_MT_TEXT, true, offsetof(rs_part, label), NULL}},
};

static const rs_list stages = {"stages", stage_members, sizeof(rs_stage), 1, RS_MAX_STAGES, 0, "stage ",
                               offsetof(rs_rules, stages), offsetof(rs_rules, nstages)};
static const rs_list decision = {"decision", decision_members, sizeof(rs_decision), 1, RS_MAX_DECISIONS,
                                 LD_BONDS, "", offsetof(rs_rules, dec), offsetof(rs_rules, ndec)};
static const rs_list kinds[RS_K_COUNT] = {
	{"relationship_types", kind_members, sizeof(rs_kind_rule), 1, RS_MAX_KINDS, LD_BONDS, "",
	 offsetof(rs_rules, kind[RS_K_TYPE]), offsetof(rs_rules, nkind[RS_K_TYPE])},
	{"bonds", kind_members, sizeof(rs_kind_rule), 1, RS_MAX_KINDS, 0, "",
	 offsetof(rs_rules, kind[RS_K_BOND]), offsetof(rs_rules, nkind[RS_K_BOND])},
	{"alliance_models", kind_members, sizeof(rs_kind_rule), 1, RS_MAX_KINDS, LD_STAGE | LD_TYPE | LD_BONDS, "",
	 offsetof(rs_rules, kind[RS_K_MODEL]), offsetof(rs_rules, nkind[RS_K_MODEL])},
};
static const rs_list actions = {"actions", action_members, sizeof(rs_action), 0, RS_MAX_FIRED, LD_ACTION,
                                "action ", offsetof(rs_rules, act), offsetof(rs_rules, nact)};
static const rs_list parts = {"parts", NULL, sizeof(rs_part), 1, RS_MAX_PARTS, LD_NO_SCORES, "",
                              offsetof(rs_scoredef, parts), offsetof(rs_scoredef, nparts)};

static const rs_member score_members[] = {
	{"max", RS_MT_MAX, true, offsetof(rs_scoredef, max), NULL},
	{"parts", RS_MT_LIST, false, 0, &parts},
	{NULL, 0, false, 0, NULL},
};
static const rs_member scores_members[] = {
	{"contact_score", RS_MT_OBJ, false, offsetof(rs_rules, score[RS_SCORE_CONTACT]), score_members},
	{"cooperation_score", RS_MT_OBJ, false, offsetof(rs_rules, score[RS_SCORE_COOPERATION]), score_members},
	{NULL, 0, false, 0, NULL},
};
enum { M_VERSION, M_PARAMS, M_SCORES, M_STAGES, M_DECISION, M_TYPES, M_BONDS, M_MODELS, M_ACTIONS, M_MESSAGES };
const rs_member rs_rules_members[] = {
	[M_VERSION] = {"relstage_rules", RS_MT_VERSION, false, 0, NULL},
	[M_PARAMS] = {"params", RS_MT_PARAMS, true, 0, NULL},
	[M_SCORES] = {"scores", RS_MT_OBJ, false, 0, scores_members},
	[M_STAGES] = {"stages", RS_MT_LIST, false, 0, &stages},
	[M_DECISION] = {"decision", RS_MT_LIST, false, 0, &decision},
	[M_TYPES] = {"relationship_types", RS_MT_LIST, true, 0, &kinds[RS_K_TYPE]},
	[M_BONDS] = {"bonds", RS_MT_LIST, true, 0, &kinds[RS_K_BOND]},
	[M_MODELS] = {"alliance_models", RS_MT_LIST, true, 0, &kinds[RS_K_MODEL]},
	[M_ACTIONS] = {"actions", RS_MT_LIST, false, 0, &actions},
	[M_MESSAGES] = {"messages", RS_MT_MESSAGES, true, 0, NULL},
	{NULL, 0, false, 0, NULL},
};

static const char *const op_names[] = {"all", "any", "not", "bond", "==", "!=", "<", "<=",
                                       ">", ">=", "known", "unknown"};
static const char *const pseudo_names[] = {"stage", "downgraded", "relationship_type",
                                           "alliance_model"};
static const char *const langs[] = {"en", "zh", NULL}; /* by rs_lang */

const char *rs_cond_op_name(int op)
{
	return op >= 0 && op <= RS_C_UNKNOWN ? op_names[op] : "?";
}

const char *rs_cond_var_name(int var)
{
	return var >= RS_V_COUNT && var < RS_VAR_COUNT ? pseudo_names[var - RS_V_COUNT] : rs_var_name(var);
}

const char *rs_cond_value_word(const rs_rules *r, const rs_cnode *n)
{
	/* An index only where the variable names one (a stage, a type, a model,
	 * a level); any other value is a number, and may be negative. */
	if (n->param != 0)
		return r->param[n->param - 1].id;
	if (n->var == RS_VAR_STAGE || n->var == RS_V_PREVIOUS_STAGE)
		return r->stages[(size_t)n->value].id;
	if (n->var == RS_VAR_TYPE || n->var == RS_VAR_MODEL)
		return r->kind[n->var == RS_VAR_TYPE ? RS_K_TYPE : RS_K_MODEL][(size_t)n->value].id;
	if (n->var == RS_VAR_DOWNGRADED || rs_var_kind(n->var) == RS_KIND_BOOL)
		return n->value != 0 ? "true" : "false";
	if (rs_var_kind(n->var) == RS_KIND_LEVEL) /* 1..4 */
		return rs_level_names[(size_t)n->value - 1];
	return NULL;
}

/* Item i's id (everything with an id has it first: rules_impl.h). */
static const char *id_at(const void *items, size_t size, size_t i)
{
	return *(char *const *)(const void *)((const char *)items + i * size);
}

/* The first of n items whose id is s[0..len), or n. */
static size_t find_id(const void *items, size_t size, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *id = id_at(items, size, i);

		if (id != NULL && strncmp(id, s, len) == 0 && id[len] == '\0')
			break;
	}
	return i;
}

/*
 * o's member `key` with the path at it (pop to *mark when done), or NULL
 * when there is none, after reporting it if it is required.
 */
static const cJSON *enter(rs_ld *l, const cJSON *o, const char *key, bool required, size_t *mark)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	*mark = rs_ld_push_key(l, key);
	if (v == NULL) {
		if (required && cJSON_IsObject(o))
			rs_ld_problem(l, "missing (required)");
		rs_ld_pop(l, *mark);
	}
	return v;
}

/* The readers below check the value at the current path. */

static bool number(rs_ld *l, const cJSON *v, bool nonneg, double *out)
{
	if (!cJSON_IsNumber(v))
		rs_ld_problem(l, "expected a number");
	else if (!isfinite(v->valuedouble))
		rs_ld_problem(l, "not a finite number");
	else if (nonneg && v->valuedouble < 0)
		rs_ld_problem(l, "must not be negative");
	else {
		*out = v->valuedouble;
		return true;
	}
	return false;
}

static bool array(rs_ld *l, const cJSON *v, size_t min, size_t max)
{
	size_t n = cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;

	if (!cJSON_IsArray(v))
		rs_ld_problem(l, "expected an array");
	else if (n < min)
		rs_ld_problem(l, "must not be empty");
	else if (n > max)
		rs_ld_problem(l, "has %zu entries, more than the limit of %zu", n, max);
	else
		return true;
	return false;
}

static bool id_ok(const char *s)
{
	size_t n = s != NULL ? strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") : 0;

	return n > 0 && n <= MAX_ID && s[n] == '\0' && s[0] >= 'a' && s[0] <= 'z';
}

static char *id_value(rs_ld *l, const cJSON *v)
{
	if (cJSON_IsString(v) && id_ok(v->valuestring))
		return rs_ld_strdup(l, v->valuestring);
	rs_ld_problem(l, "expected an id: a lower case letter, then letters, digits or _ (at most %d)", MAX_ID);
	return NULL;
}

/* A copy of the text v; NULL after reporting what is wrong with it. */
static char *text_value(rs_ld *l, const cJSON *v)
{
	const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
	size_t i, n = s != NULL ? strlen(s) : 0;

	if (s == NULL) {
		rs_ld_problem(l, "expected a string");
		return NULL;
	}
	for (i = 0; i < n && (unsigned char)s[i] >= 0x20; i++)
		;
	if (n == 0 || n > MAX_TEXT)
		rs_ld_problem(l, n == 0 ? "must not be empty" : "longer than %d bytes", MAX_TEXT);
	else if (i < n)
		rs_ld_problem(l, "contains a control character (a line break or tab)");
	else if (!rs_utf8_valid(s, n))
		rs_ld_problem(l, "is not valid UTF-8 (save the rules file as UTF-8)");
	else
		return rs_ld_strdup(l, s);
	return NULL;
}

/* b's text, handed over; NULL (and b freed) when an append failed. */
static char *take(rs_buf *b)
{
	if (!b->failed)
		return b->data;
	rs_buf_free(b);
	return NULL;
}

/*
 * s with every {name} replaced by the param's value ({gap} kept where
 * l->gap allows it); NULL after reporting a problem, or out of memory.
 */
static char *expand(rs_ld *l, const char *s)
{
	const rs_rules *r = l->r;
	const char *p, *q;
	size_t i, n;
	rs_buf b;

	rs_buf_init(&b);
	(void)rs_buf_puts(&b, "");
	for (p = s; (q = strchr(p, '{')) != NULL; p = q + n + 2) {
		(void)rs_buf_append(&b, p, (size_t)(q - p));
		n = strcspn(q + 1, "{}");
		i = find_id(r->param, sizeof *r->param, r->nparams, q + 1, n);
		if (q[n + 1] != '}' || (i == r->nparams && !(l->gap && n == 3 && memcmp(q + 1, "gap", 3) == 0))) {
			rs_ld_problem(l, "\"%.*s\" is not a param: write {name} with a name from params%s",
			        (int)(q[n + 1] == '}' ? n + 2 : 1), q, l->gap ? rs_msg_tr(l->lang, " or {gap}") : "");
			rs_buf_free(&b);
			return NULL;
		}
		if (i < r->nparams)
			(void)rs_buf_put_num(&b, r->param[i].value, 2);
		else
			(void)rs_buf_append(&b, q, n + 2);
	}
	(void)rs_buf_puts(&b, p);
	l->oom = l->oom || b.failed;
	return take(&b);
}

/* A TEXT, {"en": ..., "zh": ...}; one that names a param ({name}) keeps
 * what was written in raw. */
static void text(rs_ld *l, const cJSON *v, rs_text *t)
{
	const cJSON *s;
	size_t m;
	int g;

	if (!cJSON_IsObject(v)) {
		rs_ld_problem(l, "expected a text: {\"en\": \"...\", \"zh\": \"...\"}");
		return;
	}
	(void)rs_ld_keys(l, v, langs);
	for (g = 0; g < RS_LANG_COUNT; g++) {
		if ((s = enter(l, v, langs[g], true, &m)) == NULL)
			continue;
		t->s[g] = text_value(l, s);
		if (t->s[g] != NULL && strchr(t->s[g], '{') != NULL) {
			t->raw[g] = t->s[g];
			t->s[g] = expand(l, t->raw[g]);
		}
		rs_ld_pop(l, m);
	}
}

/* The index of the item whose id the string v is, else -1 with the ids
 * there are listed in list. */
static long lookup(const cJSON *v, const void *items, size_t size, size_t n, char *list, size_t cap)
{
	size_t i;

	list[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *id = id_at(items, size, i);

		if (id != NULL && cJSON_IsString(v) && strcmp(id, v->valuestring) == 0)
			return (long)i;
		if (id != NULL)
			rs_ld_list_add(list, cap, id);
	}
	return -1;
}

static long stage_value(rs_ld *l, const cJSON *v)
{
	char list[200];
	long st = lookup(v, l->r->stages, sizeof *l->r->stages, l->r->nstages, list, sizeof list);

	if (st >= 0)
		return st;
	if (list[0] == '\0')
		rs_ld_problem(l, "no valid stage is defined to refer to");
	else if (cJSON_IsString(v))
		rs_ld_problem(l, "unknown stage \"%.40s\" (expected: %s)", v->valuestring, list);
	else
		rs_ld_problem(l, "expected a stage id (one of: %s)", list);
	return -1;
}

/* The type, bond or model (RS_K_ list k) v names. */
static long kind_value(rs_ld *l, const cJSON *v, int k)
{
	char list[200];
	long i = lookup(v, l->r->kind[k], sizeof **l->r->kind, l->r->nkind[k], list, sizeof list);

	if (i < 0)
		rs_ld_problem(l, "expected one of: %s", list[0] ? list : rs_msg_tr(l->lang, "(none defined)"));
	return i;
}

/* ----------------------------------------------------------- conditions */

/* Which flag lets a condition test a variable the engine sets. */
static unsigned var_flag(int var)
{
	switch (var) {
	case RS_VAR_TYPE: return LD_TYPE;
	case RS_VAR_MODEL: return LD_MODEL;
	case RS_VAR_STAGE: case RS_VAR_DOWNGRADED: case RS_V_PREVIOUS_STAGE: return LD_STAGE;
	default: return 0;
	}
}

static int var_value(rs_ld *l, const cJSON *v, unsigned flags)
{
	char list[480];
	int var = -1, k;

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
		        var_flag(var) == LD_MODEL ? "" : rs_msg_tr(l->lang, " and alliance models"));
	} else if ((flags & LD_NO_SCORES) && var >= RS_V_CONTACT_SCORE) {
		rs_ld_problem(l, "a score part cannot use contact_score or cooperation_score");
	} else if ((flags & LD_NUMERIC) && rs_var_kind(var) == RS_KIND_TEXT) {
		rs_ld_problem(l, "%s is text: a linear part needs a number, yes/no or level", rs_var_name(var));
	} else {
		return var;
	}
	return -1;
}

static int op_value(rs_ld *l, const cJSON *v)
{
	int op;

	for (op = RS_C_EQ; cJSON_IsString(v) && op <= RS_C_UNKNOWN; op++)
		if (strcmp(op_names[op], v->valuestring) == 0)
			return op;
	if (cJSON_IsString(v))
		rs_ld_problem(l, "unknown operator \"%.20s\" (expected ==, !=, <, <=, >, >=, known, unknown)",
		        v->valuestring);
	else
		rs_ld_problem(l, "expected an operator: ==, !=, <, <=, >, >=, known, unknown");
	return -1;
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
	r->node[r->nnodes] = (rs_cnode){.size = 1};
	return (uint32_t)r->nnodes++;
}

/* The value of a comparison on var as a double, checked against the
 * variable's kind; *param gets 1 + the param a number names. */
static void atom_value(rs_ld *l, const cJSON *v, int var, double *out, uint8_t *param)
{
	const rs_rules *r = l->r;
	int level;
	size_t i;

	if (var == RS_VAR_STAGE || var == RS_V_PREVIOUS_STAGE || var == RS_VAR_TYPE || var == RS_VAR_MODEL) {
		*out = (double)(var == RS_VAR_TYPE    ? kind_value(l, v, RS_K_TYPE)
		                : var == RS_VAR_MODEL ? kind_value(l, v, RS_K_MODEL)
		                                      : stage_value(l, v));
		return;
	}
	switch (var == RS_VAR_DOWNGRADED ? RS_KIND_BOOL : rs_var_kind(var)) {
	case RS_KIND_BOOL:
		if (!cJSON_IsBool(v))
			break;
		*out = cJSON_IsTrue(v) ? 1 : 0;
		return;
	case RS_KIND_LEVEL:
		if (cJSON_IsString(v) && rs_parse_level(v->valuestring, strlen(v->valuestring), &level) == RS_PARSE_OK)
			*out = level;
		else
			rs_ld_problem(l, "expected a level for %s: staff, manager, director, executive "
			           "(or 员工, 经理, 总监, 高层)", rs_var_name(var));
		return;
	case RS_KIND_NUMBER:
		i = cJSON_IsString(v) ? find_id(r->param, sizeof *r->param, r->nparams, v->valuestring,
		                                strlen(v->valuestring)) : r->nparams;
		if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
			*out = v->valuedouble;
		} else if (i < r->nparams) {
			*out = r->param[i].value;
			*param = (uint8_t)(i + 1);
		} else {
			rs_ld_problem(l, cJSON_IsNumber(v) ? "not a finite number"
			           : cJSON_IsString(v) ? "expected a number or the name of a param for %s"
			                               : "expected a number for %s", rs_var_name(var));
		}
		return;
	default:
		break;
	}
	rs_ld_problem(l, "expected true or false for %s", rs_cond_var_name(var));
}

/* {"var": ..., "op": ..., "value": ...} into node[at]. */
static void atom(rs_ld *l, const cJSON *o, unsigned flags, uint32_t at)
{
	static const char *const want[] = {"var", "op", "value", "need", NULL};
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "value"), *x;
	rs_cnode *n;
	int var = -1, op = -1;
	size_t m;
	double value = 0;
	uint8_t param = 0;

	(void)rs_ld_keys(l, o, want);
	if ((x = enter(l, o, "var", true, &m)) != NULL) {
		var = var_value(l, x, flags & ~(unsigned)LD_NUMERIC);
		rs_ld_pop(l, m);
	}
	if ((x = enter(l, o, "op", true, &m)) != NULL) {
		op = op_value(l, x);
		rs_ld_pop(l, m);
	}
	if (op == RS_C_KNOWN || op == RS_C_UNKNOWN) {
		if (v != NULL) {
			m = rs_ld_push_key(l, "value");
			rs_ld_problem(l, "\"%s\" takes no value", op_names[op]);
			rs_ld_pop(l, m);
		}
	} else if (v == NULL && op >= 0) {
		(void)enter(l, o, "value", true, &m);
	} else if (v != NULL && var >= 0 && op >= 0) {
		bool ids = var == RS_VAR_TYPE || var == RS_VAR_MODEL;
		rs_kind kind = var >= RS_V_PREVIOUS_STAGE ? RS_KIND_NUMBER : rs_var_kind(var);

		m = rs_ld_push_key(l, "op");
		if (kind == RS_KIND_TEXT)
			rs_ld_problem(l, "%s is text: only \"known\" and \"unknown\" apply", rs_var_name(var));
		else if ((kind == RS_KIND_BOOL || ids || var == RS_VAR_DOWNGRADED) && op != RS_C_EQ && op != RS_C_NE)
			rs_ld_problem(l, "%s is %s: use ==, !=, known or unknown", rs_cond_var_name(var),
			        rs_msg_tr(l->lang, ids ? "an id" : "yes/no"));
		rs_ld_pop(l, m);
		m = rs_ld_push_key(l, "value");
		if (kind != RS_KIND_TEXT)
			atom_value(l, v, var, &value, &param);
		rs_ld_pop(l, m);
	}
	n = &l->r->node[at];
	n->op = (uint8_t)(op < 0 ? RS_C_EQ : op);
	n->var = (uint8_t)(var < 0 ? 0 : var);
	n->value = value;
	n->param = param;
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
	*n = (rs_need){.node = at, .gap_at = {UINT32_MAX, UINT32_MAX}};
	r->node[at].need = (uint32_t)r->nneed;
	return n;
}

/* The "need" text of the condition c compiled at `at`, if it has one; it
 * may say {gap} when the node is an order comparison on a number. */
static void need_at(rs_ld *l, const cJSON *c, uint32_t at)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, "need");
	const rs_cnode *node;
	rs_need *n;
	size_t m;
	int g;

	if (v == NULL || at == UINT32_MAX || l->oom)
		return;
	if ((n = need_new(l->r, at)) == NULL) {
		l->oom = true;
		return;
	}
	node = &l->r->node[at];
	l->gap = node->op >= RS_C_LT && node->op <= RS_C_GE && node->var < RS_V_PREVIOUS_STAGE &&
	         rs_var_kind(node->var) == RS_KIND_NUMBER;
	m = rs_ld_push_key(l, "need");
	text(l, v, &n->text);
	rs_ld_pop(l, m);
	l->gap = false;
	for (g = 0; g < RS_LANG_COUNT; g++) {
		const char *s = n->text.s[g], *q = s != NULL ? strstr(s, "{gap}") : NULL;

		n->gap_at[g] = q != NULL ? (uint32_t)(q - s) : UINT32_MAX;
		if (q != NULL && strstr(q + 1, "{gap}") != NULL)
			rs_ld_problem(l, "need.%s: {gap} may appear once", langs[g]);
	}
}

/*
 * Compiles c in prefix order at the end of the node array; returns its
 * root. {"bond": ID} is the bond's condition, copied under the node.
 */
static uint32_t cond(rs_ld *l, const cJSON *c, unsigned flags, int depth)
{
	rs_rules *r = l->r;
	const cJSON *v = NULL, *it;
	uint32_t at, from, i = 0;
	long bond = -1;
	size_t m, k;
	int op;

	if (depth > RS_COND_MAX_DEPTH) {
		rs_ld_problem(l, "conditions nest deeper than %d levels", RS_COND_MAX_DEPTH);
		return UINT32_MAX;
	}
	if ((at = node_new(l)) == UINT32_MAX)
		return at;
	for (op = RS_C_ALL; op <= RS_C_BOND && (v = cJSON_GetObjectItemCaseSensitive(c, op_names[op])) == NULL; op++)
		;
	if (!cJSON_IsObject(c)) {
		rs_ld_problem(l, "expected a condition: {\"all\": [...]}, {\"any\": [...]}, "
		           "{\"not\": ...}, {\"bond\": ...} or {\"var\": ..., \"op\": ..., \"value\": ...}");
	} else if (op > RS_C_BOND) {
		atom(l, c, flags, at);
	} else {
		const char *const want[] = {op_names[op], "need", NULL};

		if (op != RS_C_BOND) {
			r->node[at].op = (uint8_t)op;
			(void)rs_ld_keys(l, c, want);
		}
		m = rs_ld_push_key(l, op_names[op]);
		if (op == RS_C_NOT) {
			(void)cond(l, v, flags, depth + 1);
		} else if (op == RS_C_BOND) {
			(void)rs_ld_keys(l, c, want); /* at the bond's path, as it always was */
			if (!(flags & LD_BONDS))
				rs_ld_problem(l, "bonds can be tested only in decision rows, relationship types, "
				           "alliance models and action rules");
			else
				bond = kind_value(l, v, RS_K_BOND);
		} else if (!cJSON_IsArray(v)) {
			rs_ld_problem(l, "expected an array of conditions");
		} else {
			cJSON_ArrayForEach(it, v) {
				k = rs_ld_push_index(l, i++);
				(void)cond(l, it, flags, depth + 1);
				rs_ld_pop(l, k);
			}
		}
		rs_ld_pop(l, m);
	}
	if (bond >= 0) {
		r->node[at].op = RS_C_BOND;
		r->node[at].var = (uint8_t)bond;
		from = r->kind[RS_K_BOND][bond].cond;
		for (i = 0; from < r->nnodes && i < r->node[from].size && (k = node_new(l)) != UINT32_MAX; i++) {
			r->node[k] = r->node[from + i];
			r->node[k].need = 0;
		}
	}
	r->node[at].size = (uint32_t)(r->nnodes - at);
	need_at(l, c, at);
	return at;
}

/* The first variable a condition compares, to name a part (parts test no bond); -1 if none. */
static int first_var(const rs_rules *r, uint32_t root)
{
	size_t i;

	for (i = root; root < r->nnodes && i < root + r->node[root].size; i++)
		if (r->node[i].op >= RS_C_EQ && r->node[i].var < RS_V_COUNT)
			return r->node[i].var;
	return -1;
}

/* -------------------------------------------------------------- objects */

/* A stage's actions, {"en": [...], "zh": [...]}, as many in each language;
 * then joined once, params in place, so that output needs no work per row. */
static void load_actions(rs_ld *l, const cJSON *o, rs_stage *s)
{
	size_t n[RS_LANG_COUNT] = {0, 0}, m, k, i;
	const cJSON *v;
	bool join;
	int g;

	if (!rs_ld_keys(l, o, langs))
		return;
	for (g = 0; g < RS_LANG_COUNT; g++) {
		if ((v = enter(l, o, langs[g], true, &m)) == NULL)
			continue;
		if (array(l, v, 0, RS_MAX_STAGE_ACTIONS) &&
		    (s->actions[g] = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(v) + 1, sizeof(char *))) != NULL)
			for (i = 0, v = v->child; v != NULL; v = v->next, i++) {
				k = rs_ld_push_index(l, i);
				if ((s->actions[g][n[g]] = text_value(l, v)) != NULL)
					n[g]++;
				rs_ld_pop(l, k);
			}
		rs_ld_pop(l, m);
	}
	join = !l->oom && s->actions[0] != NULL && s->actions[1] != NULL;
	if (s->actions[0] != NULL && s->actions[1] != NULL && n[0] != n[1]) {
		m = rs_ld_push_key(l, "zh");
		rs_ld_problem(l, "has %zu actions but en has %zu: give each action in both languages", n[1], n[0]);
		rs_ld_pop(l, m);
	}
	s->nactions = n[0] < n[1] ? n[0] : n[1];
	for (g = 0; join && g < RS_LANG_COUNT; g++) {
		rs_buf b;

		rs_buf_init(&b);
		(void)rs_buf_puts(&b, "");
		m = rs_ld_push_key(l, langs[g]);
		for (i = 0; i < s->nactions; i++) {
			char *x;

			k = rs_ld_push_index(l, i);
			x = strchr(s->actions[g][i], '{') ? expand(l, s->actions[g][i]) : NULL;
			rs_ld_pop(l, k);
			(void)rs_buf_puts(&b, i > 0 ? RS_ACTION_SEP : "");
			(void)rs_buf_puts(&b, x != NULL ? x : s->actions[g][i]);
			rs_free(x);
		}
		rs_ld_pop(l, m);
		l->oom = l->oom || b.failed;
		s->joined[g] = take(&b);
	}
}

static void load_params(rs_ld *l, const cJSON *o)
{
	rs_rules *r = l->r;
	const cJSON *it;
	size_t m;

	if (!cJSON_IsObject(o) || (size_t)cJSON_GetArraySize(o) > RS_MAX_PARAMS) {
		rs_ld_problem(l, "expected an object of at most %d numbers: {\"strategic_share\": 80}", RS_MAX_PARAMS);
		return;
	}
	if ((r->param = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(o), sizeof *r->param)) == NULL)
		return;
	cJSON_ArrayForEach(it, o) {
		m = rs_ld_push_key(l, it->string);
		if (!id_ok(it->string) || strcmp(it->string, "gap") == 0)
			rs_ld_problem(l, "a param name is lower case letters, digits and _ (not \"gap\")");
		else if (find_id(r->param, sizeof *r->param, r->nparams, it->string, strlen(it->string)) < r->nparams)
			rs_ld_problem(l, "duplicate key");
		else if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
			rs_ld_problem(l, "expected a number");
		else if ((r->param[r->nparams].id = rs_ld_strdup(l, it->string)) != NULL)
			r->param[r->nparams++].value = it->valuedouble;
		rs_ld_pop(l, m);
	}
}

static void load_messages(rs_ld *l, const cJSON *o)
{
	rs_rules *r = l->r;
	const cJSON *it;
	size_t m;

	if (!cJSON_IsObject(o)) {
		rs_ld_problem(l, "expected an object of texts, e.g. {\"downgrade\": {\"en\": ..., \"zh\": ...}}");
		return;
	}
	if ((size_t)cJSON_GetArraySize(o) > RS_MAX_MESSAGES) {
		rs_ld_problem(l, "more than %d messages", RS_MAX_MESSAGES);
		return;
	}
	if ((r->msg = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(o), sizeof *r->msg)) == NULL)
		return;
	cJSON_ArrayForEach(it, o) {
		rs_message *msg = &r->msg[r->nmsg];

		m = rs_ld_push_key(l, it->string);
		if (!id_ok(it->string))
			rs_ld_problem(l, "a message name is lower case letters, digits and _");
		if (find_id(r->msg, sizeof *r->msg, r->nmsg, it->string, strlen(it->string)) < r->nmsg)
			rs_ld_problem(l, "duplicate key");
		r->nmsg++;
		msg->key = rs_ld_strdup(l, it->string);
		/* of two members with one name, the first one's text (as ever) */
		text(l, cJSON_GetObjectItemCaseSensitive(o, it->string), &msg->text);
		rs_ld_pop(l, m);
	}
}

/* The keys of an object of the format, for rs_ld_keys. */
static bool keys(rs_ld *l, const cJSON *o, const rs_member *members)
{
	const char *want[16];
	size_t k;

	for (k = 0; members[k].key != NULL; k++)
		want[k] = members[k].key;
	want[k] = NULL;
	return rs_ld_keys(l, o, want);
}

static void load_obj(rs_ld *l, const cJSON *o, const rs_member *members, char *item, const rs_list *d, size_t i);

/* A part: {"var", "per", "cap"} or {"when", "points"}, with a label or not. */
static void load_part(rs_ld *l, const cJSON *o, rs_part *p)
{
	const cJSON *var = cJSON_GetObjectItemCaseSensitive(o, "var");

	p->var = -1;
	p->cap = INFINITY;
	p->name_var = -1;
	if (!cJSON_IsObject(o) || (var == NULL) == (cJSON_GetObjectItemCaseSensitive(o, "when") == NULL)) {
		rs_ld_problem(l, "expected a part: {\"var\", \"per\", \"cap\"} or {\"when\", \"points\"}");
		return;
	}
	load_obj(l, o, rs_part_members[var == NULL], (char *)p, &parts, 0);
	p->name_var = var != NULL ? p->var : first_var(l->r, p->cond);
}

/* The objects of the array arr (at the current path) into list d of owner. */
static void load_list(rs_ld *l, const cJSON *arr, const rs_list *d, char *owner)
{
	void **items = (void **)(void *)(owner + d->items);
	const cJSON *it;
	size_t i = 0, m;

	if (!array(l, arr, d->min, d->max) ||
	    (*items = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(arr), d->size)) == NULL)
		return;
	*(size_t *)(void *)(owner + d->count) = (size_t)cJSON_GetArraySize(arr);
	cJSON_ArrayForEach(it, arr) {
		m = rs_ld_push_index(l, i);
		if (d->members == NULL)
			load_part(l, it, (rs_part *)*items + i);
		else
			load_obj(l, it, d->members, (char *)*items + i * d->size, d, i);
		rs_ld_pop(l, m);
		i++;
	}
}

/*
 * Member f of the object o into item, as its type says. item is object i of
 * list d (NULL: an object of its own); an id first in a list is unique in it.
 */
static void load_member(rs_ld *l, const cJSON *o, const rs_member *f, char *item, const rs_list *d, size_t i)
{
	void *p = item + f->off;
	const cJSON *v;
	double version;
	size_t m, k;
	long st;

	if (f->type == RS_MT_COND)
		*(uint32_t *)p = UINT32_MAX;
	if (f->type == RS_MT_MAX) /* when there is none */
		*(double *)p = 100;
	if ((v = enter(l, o, f->key, !f->opt, &m)) == NULL)
		return;
	switch (f->type) {
	case RS_MT_ID:
		*(char **)p = id_value(l, v);
		for (k = 0; d != NULL && f == d->members && *(char **)p != NULL && k < i; k++) {
			const char *other = id_at(item - i * d->size, d->size, k);

			if (other != NULL && strcmp(other, *(char **)p) == 0)
				rs_ld_problem(l, "duplicate %sid \"%s\" (also %s[%zu])", d->what, *(char **)p, d->key, k);
		}
		break;
	case RS_MT_TEXT:
		text(l, v, p);
		break;
	case RS_MT_COND:
		*(uint32_t *)p = cond(l, v, d->cflags, 1);
		break;
	case RS_MT_NUM:
	case RS_MT_MAX:
		if (number(l, v, true, p) && f->type == RS_MT_MAX && (*(double *)p <= 0 || *(double *)p > 100))
			rs_ld_problem(l, "must be more than 0 and at most 100");
		break;
	case RS_MT_STAGE:
		st = stage_value(l, v);
		*(size_t *)p = st < 0 ? 0 : (size_t)st;
		break;
	case RS_MT_VAR:
		*(int *)p = var_value(l, v, LD_NUMERIC | LD_NO_SCORES);
		break;
	case RS_MT_ACTIONS:
		load_actions(l, v, (rs_stage *)(void *)item);
		break;
	case RS_MT_LIST:
		load_list(l, v, f->sub, item);
		break;
	case RS_MT_OBJ:
		load_obj(l, v, f->sub, p, NULL, 0);
		break;
	case RS_MT_VERSION:
		if (number(l, v, false, &version) && version != 1)
			rs_ld_problem(l, "unsupported format version %g (this relstage reads version 1)", version);
		break;
	case RS_MT_PARAMS:
		load_params(l, v);
		break;
	case RS_MT_MESSAGES:
		load_messages(l, v);
		break;
	}
	rs_ld_pop(l, m);
}

/* Object i of list d (NULL: an object of its own): unknown keys, then each
 * member in table order. */
static void load_obj(rs_ld *l, const cJSON *o, const rs_member *members, char *item, const rs_list *d, size_t i)
{
	const rs_member *f;

	if (!keys(l, o, members))
		return;
	for (f = members; f->key != NULL; f++)
		load_member(l, o, f, item, d, i);
}

static void load_root(rs_ld *l, const cJSON *root)
{
	/* Stages first, so that the rest can name them; bonds, so that types,
	 * models, decision rows and actions can; types before models. */
	static const int order[] = {M_VERSION, M_PARAMS, M_SCORES, M_STAGES, M_BONDS, M_TYPES,
	                            M_MODELS, M_DECISION, M_ACTIONS, M_MESSAGES};
	size_t k;

	if (!keys(l, root, rs_rules_members))
		return;
	for (k = 0; k < sizeof order / sizeof order[0]; k++)
		load_member(l, root, &rs_rules_members[order[k]], (char *)l->r, NULL, 0);
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
		(void)rs_buf_printf(b, "%s %s", rs_cond_var_name(n->var), op_names[n->op]);
		if (n->op < RS_C_KNOWN) {
			const char *word = rs_cond_value_word(r, n);

			(void)rs_buf_puts(b, " ");
			if (word != NULL)
				(void)rs_buf_puts(b, word);
			else
				(void)rs_buf_put_num(b, n->value, 2);
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
		if ((nd->text.s[g] = take(&b)) == NULL)
			return false;
	}
	return true;
}

/* ----------------------------------------------------------------- load */

rs_status rs_rules_load(rs_rules **out, const char *text, size_t len, const char *name,
                        rs_diag_fn diag, void *ctx, rs_error *err)
{
	cJSON *root = NULL;
	rs_status st;
	rs_ld l;
	size_t i;

	*out = NULL;
	rs_ld_init(&l, name, diag, ctx, err);
	if (len > RS_RULES_MAX_BYTES) {
		rs_ld_problem(&l, "the rules file is larger than %zu bytes", RS_RULES_MAX_BYTES);
		if (err != NULL)
			err->status = RS_ELIMIT;
		return RS_ELIMIT;
	}
	l.r = rs_calloc(1, sizeof *l.r);
	if (l.r == NULL || (name != NULL && (l.r->name = rs_strdup(name)) == NULL)) {
		rs_free(l.r);
		return rs_ld_nomem(&l);
	}
	st = rs_ld_parse(&l, text, len, &root);
	if (st == RS_OK) {
		load_root(&l, root);
		cJSON_Delete(root);
		for (i = 0; !l.oom && l.nproblems == 0 && i < l.r->ndec; i++)
			l.oom = !row_needs(l.r, l.r->dec[i].cond);
		if (!l.oom && l.nproblems == 0 && !rs_rules_compile(l.r))
			l.oom = true;
		st = l.oom ? rs_ld_nomem(&l) : l.nproblems > 0 ? RS_ERULES : RS_OK;
	}
	if (st != RS_OK) {
		rs_rules_free(l.r);
		return st;
	}
	rs_rules_live(l.r);
	*out = l.r;
	return RS_OK;
}

rs_status rs_rules_load_default(rs_rules **out, rs_error *err)
{
	return rs_rules_load(out, rs_default_rules_json, rs_default_rules_json_len,
	                     "default rules", NULL, NULL, err);
}

/* ----------------------------------------------------------------- free */

static void free_text(rs_text *t)
{
	int g;

	for (g = 0; g < RS_LANG_COUNT; g++) {
		rs_free(t->s[g]);
		rs_free(t->raw[g]);
	}
}

static void free_list(const rs_list *d, char *owner);

/* What the members of item hold (item is an rs_rules for params and messages). */
static void free_obj(const rs_member *f, char *item)
{
	rs_rules *r = (rs_rules *)(void *)item;
	rs_stage *s = (rs_stage *)(void *)item;
	size_t i;
	int g;

	for (; f->key != NULL; f++) {
		void *p = item + f->off;

		if (f->type == RS_MT_ID) {
			rs_free(*(char **)p);
		} else if (f->type == RS_MT_TEXT) {
			free_text(p);
		} else if (f->type == RS_MT_LIST) {
			free_list(f->sub, item);
		} else if (f->type == RS_MT_OBJ) {
			free_obj(f->sub, p);
		} else if (f->type == RS_MT_ACTIONS) {
			for (g = 0; g < RS_LANG_COUNT; g++) {
				for (i = 0; s->actions[g] != NULL && s->actions[g][i] != NULL; i++)
					rs_free(s->actions[g][i]);
				rs_free(s->actions[g]);
				rs_free(s->joined[g]);
			}
		} else if (f->type == RS_MT_PARAMS) {
			for (i = 0; i < r->nparams; i++)
				rs_free(r->param[i].id);
			rs_free(r->param);
		} else if (f->type == RS_MT_MESSAGES) {
			for (i = 0; i < r->nmsg; i++) {
				rs_free(r->msg[i].key);
				free_text(&r->msg[i].text);
			}
			rs_free(r->msg);
		}
	}
}

static void free_list(const rs_list *d, char *owner)
{
	char *items = *(char **)(void *)(owner + d->items);
	size_t i, n = *(size_t *)(void *)(owner + d->count);

	for (i = 0; i < n; i++) {
		char *item = items + i * d->size;

		free_obj(d->members != NULL ? d->members : rs_part_members[((rs_part *)(void *)item)->var < 0], item);
	}
	rs_free(items);
}

void rs_rules_free(rs_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	free_obj(rs_rules_members, (char *)r);
	for (i = 0; i < r->nneed; i++)
		free_text(&r->need[i].text);
	rs_free(r->need);
	rs_free(r->node);
	rs_free(r->prog);
	rs_free(r->name);
	rs_free(r);
}

/* ------------------------------------------------------------ accessors */

static int lang_ix(rs_lang lang)
{
	return lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;
}

size_t rs_rules_stage_count(const rs_rules *r) { return r->nstages; }

const char *rs_rules_stage_id(const rs_rules *r, size_t stage)
{
	return stage < r->nstages ? r->stages[stage].id : NULL;
}

const char *rs_rules_stage_label(const rs_rules *r, size_t stage, rs_lang lang)
{
	return stage < r->nstages ? r->stages[stage].label.s[lang_ix(lang)] : NULL;
}

const char *rs_rules_stage_actions(const rs_rules *r, size_t stage, rs_lang lang)
{
	return stage < r->nstages ? r->stages[stage].joined[lang_ix(lang)] : NULL;
}

long rs_rules_stage_index(const rs_rules *r, const char *id)
{
	size_t i = id != NULL ? find_id(r->stages, sizeof *r->stages, r->nstages, id, strlen(id)) : r->nstages;

	return i < r->nstages ? (long)i : -1;
}

size_t rs_rules_action_count(const rs_rules *r) { return r->nact; }

const char *rs_rules_action_text(const rs_rules *r, size_t action, rs_lang lang)
{
	return action < r->nact ? r->act[action].text.s[lang_ix(lang)] : NULL;
}

const char *rs_rules_action_flag(const rs_rules *r, size_t action)
{
	return action < r->nact ? r->act[action].flag : NULL;
}

const char *rs_rules_message(const rs_rules *r, const char *key, rs_lang lang)
{
	size_t i = key != NULL ? find_id(r->msg, sizeof *r->msg, r->nmsg, key, strlen(key)) : r->nmsg;

	return i < r->nmsg ? r->msg[i].text.s[lang_ix(lang)] : NULL;
}
