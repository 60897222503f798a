/*
 * rules_dump.c - the rules in force as JSON: built from the compiled form (so
 * what is printed is what classifies), keys in a fixed order, 2-space indent,
 * and any object or array that fits in 100 columns kept on one line. Numbers
 * are printed in the shortest form that reads back to the same double, so
 * dump(load(dump(x))) == dump(x) byte for byte.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"

#define WIDTH 100

/* ------------------------------------------------------------ the tree */

/* A text as written: with its {param} names, not their values. */
static cJSON *text_json(const rs_text *t)
{
	cJSON *o = cJSON_CreateObject();
	const char *en = t->raw[RS_LANG_EN] ? t->raw[RS_LANG_EN] : t->s[RS_LANG_EN];
	const char *zh = t->raw[RS_LANG_ZH] ? t->raw[RS_LANG_ZH] : t->s[RS_LANG_ZH];

	if (o == NULL || !cJSON_AddStringToObject(o, "en", en) || !cJSON_AddStringToObject(o, "zh", zh)) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* Adds item to o under key; takes item (NULL means out of memory). */
static bool add(cJSON *o, const char *key, cJSON *item)
{
	if (item == NULL)
		return false;
	if (!cJSON_AddItemToObject(o, key, item)) {
		cJSON_Delete(item);
		return false;
	}
	return true;
}

static bool push(cJSON *arr, cJSON *item)
{
	if (item == NULL)
		return false;
	if (!cJSON_AddItemToArray(arr, item)) {
		cJSON_Delete(item);
		return false;
	}
	return true;
}

static cJSON *atom_value(const rs_rules *r, const rs_cnode *n)
{
	rs_buf b;
	cJSON *v;

	if (n->param != 0 || n->var >= RS_V_PREVIOUS_STAGE) {
		if (n->var == RS_VAR_DOWNGRADED)
			return cJSON_CreateBool(n->value != 0);
		rs_buf_init(&b);
		rs_cond_value_text(&b, r, n);
		v = b.failed ? NULL : cJSON_CreateString(b.data);
		rs_buf_free(&b);
		return v;
	}
	switch (rs_var_kind(n->var)) {
	case RS_KIND_BOOL: return cJSON_CreateBool(n->value != 0);
	case RS_KIND_LEVEL: return cJSON_CreateString(rs_level_word((int)n->value));
	default: return cJSON_CreateNumber(n->value);
	}
}

static cJSON *cond_json(const rs_rules *r, uint32_t root)
{
	const rs_cnode *n = &r->node[root];
	cJSON *o = cJSON_CreateObject(), *arr;
	uint32_t i;
	bool ok;

	if (o == NULL)
		return NULL;
	if (n->op == RS_C_ALL || n->op == RS_C_ANY) {
		ok = add(o, rs_cond_op_name(n->op), arr = cJSON_CreateArray());
		for (i = root + 1; ok && i < root + n->size; i += r->node[i].size)
			ok = push(arr, cond_json(r, i));
	} else if (n->op == RS_C_NOT) {
		ok = add(o, "not", cond_json(r, root + 1));
	} else if (n->op == RS_C_BOND) {
		ok = add(o, "bond", cJSON_CreateString(r->kind[RS_K_BOND][n->var].id));
	} else {
		ok = add(o, "var", cJSON_CreateString(rs_cond_var_name(n->var))) &&
		     add(o, "op", cJSON_CreateString(rs_cond_op_name(n->op))) &&
		     (n->op >= RS_C_KNOWN || add(o, "value", atom_value(r, n)));
	}
	if (ok && n->need != 0 && !r->need[n->need - 1].generated)
		ok = add(o, "need", text_json(&r->need[n->need - 1].text));
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *part_json(const rs_rules *r, const rs_part *p)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	if (ok && p->var >= 0) {
		ok = add(o, "var", cJSON_CreateString(rs_var_name(p->var))) &&
		     add(o, "per", cJSON_CreateNumber(p->per)) &&
		     (isinf(p->cap) || add(o, "cap", cJSON_CreateNumber(p->cap)));
	} else if (ok) {
		ok = add(o, "when", cond_json(r, p->cond)) &&
		     add(o, "points", cJSON_CreateNumber(p->points));
	}
	if (ok && p->label.s[0] != NULL)
		ok = add(o, "label", text_json(&p->label));
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *scores_json(const rs_rules *r)
{
	static const char *const names[] = {"contact_score", "cooperation_score"};
	cJSON *o = cJSON_CreateObject(), *s, *parts;
	bool ok = o != NULL;
	size_t i;
	int k;

	for (k = 0; ok && k < RS_SCORE_COUNT; k++) {
		ok = add(o, names[k], s = cJSON_CreateObject()) &&
		     add(s, "max", cJSON_CreateNumber(r->score[k].max)) &&
		     add(s, "parts", parts = cJSON_CreateArray());
		for (i = 0; ok && i < r->score[k].nparts; i++)
			ok = push(parts, part_json(r, &r->score[k].parts[i]));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *stage_json(const rs_stage *s)
{
	cJSON *o = cJSON_CreateObject(), *acts, *arr;
	bool ok = o != NULL;
	size_t i;
	int g;

	ok = ok && add(o, "id", cJSON_CreateString(s->id)) && add(o, "label", text_json(&s->label)) &&
	     add(o, "actions", acts = cJSON_CreateObject());
	for (g = 0; ok && g < RS_LANG_COUNT; g++) {
		ok = add(acts, g == RS_LANG_EN ? "en" : "zh", arr = cJSON_CreateArray());
		for (i = 0; ok && i < s->nactions; i++)
			ok = push(arr, cJSON_CreateString(s->actions[g][i]));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *rows_json(const rs_rules *r, bool decision)
{
	cJSON *arr = cJSON_CreateArray(), *o;
	bool ok = arr != NULL;
	size_t i;

	for (i = 0; ok && i < (decision ? r->ndec : r->nact); i++) {
		ok = push(arr, o = cJSON_CreateObject());
		if (ok && decision) {
			const rs_decision *d = &r->dec[i];

			ok = add(o, "stage", cJSON_CreateString(r->stages[d->stage].id)) &&
			     add(o, "when", cond_json(r, d->cond)) &&
			     (d->why.s[0] == NULL || add(o, "why", text_json(&d->why)));
		} else if (ok) {
			const rs_action *a = &r->act[i];

			ok = add(o, "id", cJSON_CreateString(a->id)) &&
			     add(o, "when", cond_json(r, a->cond)) &&
			     (a->flag == NULL || add(o, "flag", cJSON_CreateString(a->flag))) &&
			     add(o, "text", text_json(&a->text));
		}
	}
	if (!ok) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

/* The relationship types, bonds or alliance models. */
static cJSON *kinds_json(const rs_rules *r, int k)
{
	cJSON *arr = cJSON_CreateArray(), *o;
	bool ok = arr != NULL;
	size_t i;

	for (i = 0; ok && i < r->nkind[k]; i++)
		ok = push(arr, o = cJSON_CreateObject()) &&
		     add(o, "id", cJSON_CreateString(r->kind[k][i].id)) &&
		     add(o, "label", text_json(&r->kind[k][i].label)) &&
		     add(o, "when", cond_json(r, r->kind[k][i].cond));
	if (!ok) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

static cJSON *rules_json(const rs_rules *r)
{
	static const char *const kind_keys[RS_K_COUNT] = {"relationship_types", "bonds",
	                                                   "alliance_models"};
	cJSON *o = cJSON_CreateObject(), *arr, *msgs, *params;
	bool ok = o != NULL;
	size_t i;
	int k;

	ok = ok && add(o, "relstage_rules", cJSON_CreateNumber(1));
	if (ok && r->nparams > 0) {
		ok = add(o, "params", params = cJSON_CreateObject());
		for (i = 0; ok && i < r->nparams; i++)
			ok = add(params, r->param[i].id, cJSON_CreateNumber(r->param[i].value));
	}
	ok = ok && add(o, "scores", scores_json(r)) && add(o, "stages", arr = cJSON_CreateArray());
	for (i = 0; ok && i < r->nstages; i++)
		ok = push(arr, stage_json(&r->stages[i]));
	ok = ok && add(o, "decision", rows_json(r, true));
	for (k = 0; ok && k < RS_K_COUNT; k++)
		if (r->nkind[k] > 0)
			ok = add(o, kind_keys[k], kinds_json(r, k));
	ok = ok && add(o, "actions", rows_json(r, false));
	if (ok && r->nmsg > 0) {
		ok = add(o, "messages", msgs = cJSON_CreateObject());
		for (i = 0; ok && i < r->nmsg; i++)
			ok = add(msgs, r->msg[i].key, text_json(&r->msg[i].text));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* -------------------------------------------------------------- printing */

static void put_string(rs_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	(void)rs_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			(void)rs_buf_putc(b, '\\');
			(void)rs_buf_putc(b, (char)c);
		} else if (c < 0x20) {
			(void)rs_buf_puts(b, "\\u00");
			(void)rs_buf_putc(b, hex[c >> 4]);
			(void)rs_buf_putc(b, hex[c & 15]);
		} else {
			(void)rs_buf_putc(b, (char)c);
		}
	}
	(void)rs_buf_putc(b, '"');
}

/* The shortest %g that reads back as v, with '.' whatever the locale: not
 * rs_buf_put_num's fixed decimals, which would cut a rate such as
 * 0.33333333 or 1e-9 and break dump(load(dump(x))) == dump(x). */
static void put_number(rs_buf *b, double v)
{
	const char *dp = localeconv()->decimal_point;
	char tmp[40], *p;
	int prec;

	if (v == floor(v) && fabs(v) < 1e15) {
		(void)rs_buf_put_num(b, v, 0);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		(void)snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	for (p = tmp; *p != '\0'; p++)
		if (dp != NULL && *p == dp[0] && *p != '.')
			*p = '.';
	(void)rs_buf_puts(b, tmp);
}

static void print(rs_buf *b, const cJSON *v, size_t indent, size_t used);

static void print_inline(rs_buf *b, const cJSON *v)
{
	const cJSON *c;
	bool obj = cJSON_IsObject(v);

	if (cJSON_IsString(v))
		put_string(b, v->valuestring);
	else if (cJSON_IsNumber(v))
		put_number(b, v->valuedouble);
	else if (cJSON_IsBool(v))
		(void)rs_buf_puts(b, cJSON_IsTrue(v) ? "true" : "false");
	else if (obj || cJSON_IsArray(v)) {
		(void)rs_buf_putc(b, obj ? '{' : '[');
		for (c = v->child; c != NULL; c = c->next) {
			if (obj) {
				put_string(b, c->string);
				(void)rs_buf_puts(b, ": ");
			}
			print_inline(b, c);
			if (c->next != NULL)
				(void)rs_buf_puts(b, ", ");
		}
		(void)rs_buf_putc(b, obj ? '}' : ']');
	} else {
		(void)rs_buf_puts(b, "null");
	}
}

static void spaces(rs_buf *b, size_t n)
{
	while (n-- > 0)
		(void)rs_buf_putc(b, ' ');
}

/* `used`: columns already taken on the current line. */
static void print(rs_buf *b, const cJSON *v, size_t indent, size_t used)
{
	size_t start = b->len;
	const cJSON *c;
	bool obj = cJSON_IsObject(v);

	print_inline(b, v);
	if (b->failed || (!obj && !cJSON_IsArray(v)) || used + (b->len - start) <= WIDTH ||
	    v->child == NULL)
		return;
	b->len = start; /* too wide: one member per line */
	(void)rs_buf_puts(b, obj ? "{\n" : "[\n");
	for (c = v->child; c != NULL; c = c->next) {
		size_t line = b->len;

		spaces(b, indent + 2);
		if (obj) {
			put_string(b, c->string);
			(void)rs_buf_puts(b, ": ");
		}
		print(b, c, indent + 2, b->len - line);
		(void)rs_buf_puts(b, c->next != NULL ? ",\n" : "\n");
	}
	spaces(b, indent);
	(void)rs_buf_putc(b, obj ? '}' : ']');
}

rs_status rs_rules_dump(const rs_rules *r, char **out, size_t *len, rs_error *err)
{
	cJSON *tree = rules_json(r);
	rs_buf b;

	*out = NULL;
	if (len != NULL)
		*len = 0;
	rs_buf_init(&b);
	if (tree != NULL) {
		print(&b, tree, 0, 0);
		(void)rs_buf_putc(&b, '\n');
	}
	cJSON_Delete(tree);
	if (tree == NULL || b.failed) {
		rs_buf_free(&b);
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory while writing the rules");
	}
	*out = b.data;
	if (len != NULL)
		*len = b.len;
	return RS_OK;
}
