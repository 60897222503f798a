/*
 * rules_dump.c - the rules in force as JSON: built from the compiled form (so
 * what is printed is what classifies), keys in a fixed order, 2-space indent,
 * and any object or array that fits in 100 columns kept on one line. Numbers
 * are printed in the shortest form that reads back to the same double, so
 * dump(load(dump(x))) == dump(x) byte for byte.
 */
#include <math.h>

#include "rules_impl.h"

#define WIDTH 100

/* ------------------------------------------------------------ the tree */

/*
 * Adds item to o, under key or (key NULL) to the array o, and returns it.
 * An allocation that failed shows in rs_alloc_failures, which
 * rs_rules_dump checks once: no item is left out in silence.
 */
static cJSON *add(cJSON *o, const char *key, cJSON *item)
{
	if (item != NULL && !(key != NULL ? cJSON_AddItemToObject(o, key, item) : cJSON_AddItemToArray(o, item))) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

/* A text as written: with its {param} names, not their values. */
static cJSON *text_json(const rs_text *t)
{
	cJSON *o = cJSON_CreateObject();

	add(o, "en", cJSON_CreateString(t->raw[RS_LANG_EN] ? t->raw[RS_LANG_EN] : t->s[RS_LANG_EN]));
	add(o, "zh", cJSON_CreateString(t->raw[RS_LANG_ZH] ? t->raw[RS_LANG_ZH] : t->s[RS_LANG_ZH]));
	return o;
}

/* A comparison's value: true/false, a word (a param, stage, type, model or
 * level) or a number. */
static cJSON *value_json(const rs_rules *r, const rs_cnode *n)
{
	const char *word = rs_cond_value_word(r, n);

	if (n->param == 0 && (n->var == RS_VAR_DOWNGRADED || rs_var_kind(n->var) == RS_KIND_BOOL))
		return cJSON_CreateBool(n->value != 0);
	return word != NULL ? cJSON_CreateString(word) : cJSON_CreateNumber(n->value);
}

static cJSON *cond_json(const rs_rules *r, uint32_t root)
{
	const rs_cnode *n = &r->node[root];
	cJSON *o = cJSON_CreateObject(), *arr;
	uint32_t i;

	if (n->op == RS_C_ALL || n->op == RS_C_ANY) {
		arr = add(o, rs_cond_op_name(n->op), cJSON_CreateArray());
		for (i = root + 1; i < root + n->size; i += r->node[i].size)
			add(arr, NULL, cond_json(r, i));
	} else if (n->op == RS_C_NOT) {
		add(o, "not", cond_json(r, root + 1));
	} else if (n->op == RS_C_BOND) {
		add(o, "bond", cJSON_CreateString(r->kind[RS_K_BOND][n->var].id));
	} else {
		add(o, "var", cJSON_CreateString(rs_cond_var_name(n->var)));
		add(o, "op", cJSON_CreateString(rs_cond_op_name(n->op)));
		if (n->op < RS_C_KNOWN)
			add(o, "value", value_json(r, n));
	}
	if (n->need != 0 && !r->need[n->need - 1].generated)
		add(o, "need", text_json(&r->need[n->need - 1].text));
	return o;
}

static cJSON *list_json(const rs_rules *r, const rs_list *d, const char *owner);

/* An object of the format, member by member as its table says; what is
 * absent (an optional text, id, cap, list or section) is left out. */
static cJSON *obj_json(const rs_rules *r, const rs_member *f, const char *item)
{
	const rs_stage *s = (const rs_stage *)(const void *)item;
	cJSON *o = cJSON_CreateObject(), *sub, *arr;
	const rs_list *d;
	size_t i;
	int g;

	for (; f->key != NULL; f++) {
		const void *p = item + f->off;

		switch (f->type) {
		case RS_MT_ID:
			if (*(char *const *)p != NULL)
				add(o, f->key, cJSON_CreateString(*(char *const *)p));
			break;
		case RS_MT_TEXT:
			if (((const rs_text *)p)->s[0] != NULL)
				add(o, f->key, text_json(p));
			break;
		case RS_MT_COND:
			add(o, f->key, cond_json(r, *(const uint32_t *)p));
			break;
		case RS_MT_NUM:
		case RS_MT_MAX:
			if (!isinf(*(const double *)p))
				add(o, f->key, cJSON_CreateNumber(*(const double *)p));
			break;
		case RS_MT_STAGE:
			add(o, f->key, cJSON_CreateString(r->stages[*(const size_t *)p].id));
			break;
		case RS_MT_VAR:
			add(o, f->key, cJSON_CreateString(rs_var_name(*(const int *)p)));
			break;
		case RS_MT_ACTIONS:
			sub = add(o, f->key, cJSON_CreateObject());
			for (g = 0; g < RS_LANG_COUNT; g++) {
				arr = add(sub, g == RS_LANG_EN ? "en" : "zh", cJSON_CreateArray());
				for (i = 0; i < s->nactions; i++)
					add(arr, NULL, cJSON_CreateString(s->actions[g][i]));
			}
			break;
		case RS_MT_LIST:
			d = f->sub;
			if (!f->opt || *(const size_t *)(const void *)(item + d->count) > 0)
				add(o, f->key, list_json(r, d, item));
			break;
		case RS_MT_OBJ:
			add(o, f->key, obj_json(r, f->sub, p));
			break;
		case RS_MT_VERSION:
			add(o, f->key, cJSON_CreateNumber(1));
			break;
		case RS_MT_PARAMS:
			sub = r->nparams > 0 ? add(o, f->key, cJSON_CreateObject()) : NULL;
			for (i = 0; i < r->nparams; i++)
				add(sub, r->param[i].id, cJSON_CreateNumber(r->param[i].value));
			break;
		case RS_MT_MESSAGES:
			sub = r->nmsg > 0 ? add(o, f->key, cJSON_CreateObject()) : NULL;
			for (i = 0; i < r->nmsg; i++)
				add(sub, r->msg[i].key, text_json(&r->msg[i].text));
			break;
		}
	}
	return o;
}

/* List d of owner. */
static cJSON *list_json(const rs_rules *r, const rs_list *d, const char *owner)
{
	const char *items = *(char *const *)(const void *)(owner + d->items);
	size_t i, n = *(const size_t *)(const void *)(owner + d->count);
	cJSON *arr = cJSON_CreateArray();

	for (i = 0; i < n; i++) {
		const char *item = items + i * d->size;

		add(arr, NULL, obj_json(r, d->members ? d->members : rs_part_members[((const rs_part *)(const void *)item)->var < 0], item));
	}
	return arr;
}

/* -------------------------------------------------------------- printing */

/* The shortest text that reads back as v: not rs_buf_put_num's fixed
 * decimals, which would cut a rate such as 0.33333333 or 1e-9 and break
 * dump(load(dump(x))) == dump(x). */
static void put_number(rs_buf *b, double v)
{
	char tmp[RS_NUM_TEXT];

	(void)rs_buf_append(b, tmp, rs_num_text(tmp, v, 0));
}

/*
 * v on one line when it fits in `width` columns after the `used` ones (and
 * always when width is SIZE_MAX: inside such a line), else an object or
 * array with one member per line, indented.
 */
static void print(rs_buf *b, const cJSON *v, size_t indent, size_t used, size_t width)
{
	bool obj = cJSON_IsObject(v), wrap = false;
	size_t start = b->len, line;
	const cJSON *c;

	if (!obj && !cJSON_IsArray(v)) {
		if (cJSON_IsString(v))
			rs_buf_json_str(b, v->valuestring);
		else if (cJSON_IsNumber(v))
			put_number(b, v->valuedouble);
		else
			(void)rs_buf_puts(b, cJSON_IsTrue(v) ? "true" : cJSON_IsFalse(v) ? "false" : "null");
		return;
	}
	for (;;) {
		(void)rs_buf_putc(b, obj ? '{' : '[');
		for (c = v->child; c != NULL; c = c->next) {
			(void)rs_buf_puts(b, wrap ? "\n" : c != v->child ? ", " : "");
			line = b->len;
			(void)rs_buf_printf(b, "%*s", wrap ? (int)indent + 2 : 0, "");
			if (obj) {
				rs_buf_json_str(b, c->string);
				(void)rs_buf_puts(b, ": ");
			}
			print(b, c, indent + 2, b->len - line, wrap ? width : SIZE_MAX);
			(void)rs_buf_puts(b, wrap && c->next != NULL ? "," : "");
		}
		if (wrap)
			(void)rs_buf_printf(b, "\n%*s", (int)indent, "");
		(void)rs_buf_putc(b, obj ? '}' : ']');
		if (wrap || b->failed || width == SIZE_MAX || v->child == NULL || used + (b->len - start) <= width)
			return;
		b->len = start; /* too wide */
		wrap = true;
	}
}

rs_status rs_rules_dump(const rs_rules *r, rs_buf *out, rs_error *err)
{
	unsigned long failures = rs_alloc_failures();
	cJSON *tree = obj_json(r, rs_rules_members, (const char *)r);

	if (tree != NULL) {
		print(out, tree, 0, 0, WIDTH);
		(void)rs_buf_putc(out, '\n');
	}
	cJSON_Delete(tree);
	if (rs_alloc_failures() != failures || out->failed)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory while writing the rules");
	return RS_OK;
}
