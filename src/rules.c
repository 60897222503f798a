/*
 * rules.c - the rules file: parse (cJSON), validate, compile, and the
 * accessors. Every structural problem is reported with its JSON path; loading
 * goes on after a problem so one run of `relstage validate` lists them all.
 *
 * The format (version 1) is specified in README.md, "The rules format"
 * (`relstage rules` prints the defaults as an example); what each section
 * loads into is in rules_impl.h.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "rules_impl.h"

extern const char rs_default_rules_json[];
extern const size_t rs_default_rules_json_len;

static const char *const top_keys[] = {"relstage_rules", "params", "scores", "stages",
                                       "decision", "relationship_types", "bonds",
                                       "alliance_models", "actions", "messages", NULL};
/* The sections of rs_kind_rule lists, and what their conditions may test. */
static const char *const kind_keys[RS_K_COUNT] = {"relationship_types", "bonds", "alliance_models"};
static const unsigned kind_flags[RS_K_COUNT] = {RS_LD_BONDS, 0,
                                                RS_LD_STAGE | RS_LD_TYPE | RS_LD_BONDS};

/* ------------------------------------------------------------- sections */

static void load_params(rs_ld *l, const cJSON *o)
{
	rs_rules *r = l->r;
	const cJSON *it;
	size_t mark = rs_ld_push_key(l, "params"), i;

	if (!cJSON_IsObject(o) || (size_t)cJSON_GetArraySize(o) > RS_MAX_PARAMS) {
		rs_ld_problem(l, "expected an object of at most %d numbers: {\"strategic_share\": 80}",
		              RS_MAX_PARAMS);
		goto out;
	}
	r->param = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(o), sizeof *r->param);
	if (r->param == NULL)
		goto out;
	cJSON_ArrayForEach(it, o) {
		size_t m = rs_ld_push_key(l, it->string);

		for (i = 0; i < r->nparams && strcmp(r->param[i].id, it->string) != 0; i++)
			;
		if (!rs_ld_id_ok(it->string) || strcmp(it->string, "gap") == 0)
			rs_ld_problem(l, "a param name is lower case letters, digits and _ (not \"gap\")");
		else if (i < r->nparams)
			rs_ld_problem(l, "duplicate key");
		else if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
			rs_ld_problem(l, "expected a number");
		else if ((r->param[r->nparams].id = rs_ld_strdup(l, it->string)) != NULL)
			r->param[r->nparams++].value = it->valuedouble;
		rs_ld_pop(l, m);
	}
out:
	rs_ld_pop(l, mark);
}

static void load_part(rs_ld *l, const cJSON *o, rs_part *p)
{
	static const char *const lin_keys[] = {"var", "per", "cap", "label", NULL};
	static const char *const cond_keys[] = {"when", "points", "label", NULL};
	const cJSON *var = cJSON_GetObjectItemCaseSensitive(o, "var");
	const cJSON *when = cJSON_GetObjectItemCaseSensitive(o, "when");
	const cJSON *lab;

	p->var = -1;
	p->cap = INFINITY;
	p->name_var = -1;
	if (!cJSON_IsObject(o) || (var == NULL) == (when == NULL)) {
		rs_ld_problem(l, "expected a part: {\"var\", \"per\", \"cap\"} or {\"when\", \"points\"}");
		return;
	}
	rs_ld_keys(l, o, var ? lin_keys : cond_keys);
	if (var != NULL) {
		p->var = rs_ld_var(l, o, "var", RS_LD_NUMERIC | RS_LD_NO_SCORES);
		p->name_var = p->var;
		(void)rs_ld_number(l, o, "per", true, &p->per);
		if (cJSON_GetObjectItemCaseSensitive(o, "cap") != NULL)
			(void)rs_ld_number(l, o, "cap", true, &p->cap);
	} else {
		p->cond = rs_ld_cond_at(l, o, "when", RS_LD_NO_SCORES);
		(void)rs_ld_number(l, o, "points", true, &p->points);
		p->name_var = rs_ld_first_var(l, p->cond);
	}
	lab = cJSON_GetObjectItemCaseSensitive(o, "label");
	if (lab != NULL)
		rs_ld_text_at(l, o, "label", &p->label);
}

static void load_score(rs_ld *l, const cJSON *o, rs_scoredef *s)
{
	static const char *const keys[] = {"max", "parts", NULL};
	const cJSON *parts, *it;
	size_t mark, i = 0;

	s->max = 100;
	if (!rs_ld_keys(l, o, keys))
		return;
	if (cJSON_GetObjectItemCaseSensitive(o, "max") != NULL &&
	    rs_ld_number(l, o, "max", true, &s->max) && (s->max <= 0 || s->max > 100)) {
		mark = rs_ld_push_key(l, "max");
		rs_ld_problem(l, "must be more than 0 and at most 100");
		rs_ld_pop(l, mark);
	}
	parts = rs_ld_array(l, o, "parts", 1, RS_MAX_PARTS);
	if (parts == NULL)
		return;
	s->parts = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(parts), sizeof *s->parts);
	if (s->parts == NULL)
		return;
	mark = rs_ld_push_key(l, "parts");
	cJSON_ArrayForEach(it, parts) {
		size_t m = rs_ld_push_index(l, i);
		load_part(l, it, &s->parts[i++]);
		rs_ld_pop(l, m);
	}
	s->nparts = i;
	rs_ld_pop(l, mark);
}

static void load_scores(rs_ld *l, const cJSON *o)
{
	static const char *const keys[] = {"contact_score", "cooperation_score", NULL};
	int k;

	if (!rs_ld_keys(l, o, keys))
		return;
	for (k = 0; k < RS_SCORE_COUNT; k++) {
		const cJSON *s = rs_ld_need(l, o, keys[k]);
		size_t mark;

		if (s == NULL)
			continue;
		mark = rs_ld_push_key(l, keys[k]);
		load_score(l, s, &l->r->score[k]);
		rs_ld_pop(l, mark);
	}
}

/* Joins a stage's actions once, params in place, so output needs no work
 * per row; the texts as written stay in actions[] for the dump. */
static void join_actions(rs_ld *l, rs_stage *s)
{
	int g;
	size_t i;

	for (g = 0; g < RS_LANG_COUNT; g++) {
		rs_buf b;

		rs_buf_init(&b);
		(void)rs_buf_puts(&b, "");
		for (i = 0; i < s->nactions; i++) {
			size_t m = rs_ld_push_key(l, g == RS_LANG_EN ? "actions.en" : "actions.zh");
			size_t k = rs_ld_push_index(l, i);
			char *x = strchr(s->actions[g][i], '{') ? rs_ld_expand(l, s->actions[g][i]) : NULL;

			rs_ld_pop(l, k);
			rs_ld_pop(l, m);
			if (i > 0)
				(void)rs_buf_puts(&b, RS_ACTION_SEP);
			(void)rs_buf_puts(&b, x != NULL ? x : s->actions[g][i]);
			rs_free(x);
		}
		if (b.failed) {
			rs_buf_free(&b);
			l->oom = true;
			return;
		}
		s->joined[g] = b.data;
	}
}

static void load_stage_actions(rs_ld *l, const cJSON *o, rs_stage *s)
{
	static const char *const langs[] = {"en", "zh", NULL};
	size_t n[RS_LANG_COUNT] = {0, 0};
	size_t mark = rs_ld_push_key(l, "actions");
	int g;

	if (!rs_ld_keys(l, o, langs))
		goto out;
	for (g = 0; g < RS_LANG_COUNT; g++) {
		const cJSON *arr = rs_ld_array(l, o, langs[g], 0, RS_MAX_STAGE_ACTIONS);

		if (arr != NULL)
			s->actions[g] = rs_ld_strings(l, arr, langs[g], &n[g]);
	}
	if (s->actions[0] != NULL && s->actions[1] != NULL && n[0] != n[1]) {
		size_t m = rs_ld_push_key(l, "zh");
		rs_ld_problem(l, "has %zu actions but en has %zu: give each action in both languages",
		              n[1], n[0]);
		rs_ld_pop(l, m);
	}
	s->nactions = n[0] < n[1] ? n[0] : n[1];
out:
	rs_ld_pop(l, mark);
}

static void load_stage(rs_ld *l, const cJSON *o, size_t i)
{
	static const char *const keys[] = {"id", "label", "actions", NULL};
	rs_stage *s = &l->r->stages[i];
	const cJSON *acts;
	size_t k;

	if (!rs_ld_keys(l, o, keys))
		return;
	s->id = rs_ld_id(l, o, "id", true);
	for (k = 0; s->id != NULL && k < i; k++) {
		if (l->r->stages[k].id != NULL && strcmp(l->r->stages[k].id, s->id) == 0) {
			size_t m = rs_ld_push_key(l, "id");
			rs_ld_problem(l, "duplicate stage id \"%s\" (also stages[%zu])", s->id, k);
			rs_ld_pop(l, m);
		}
	}
	rs_ld_text_at(l, o, "label", &s->label);
	acts = rs_ld_need(l, o, "actions");
	if (acts != NULL)
		load_stage_actions(l, acts, s);
	if (!l->oom && s->actions[0] != NULL && s->actions[1] != NULL)
		join_actions(l, s);
}

static void load_decision(rs_ld *l, const cJSON *o, size_t i)
{
	static const char *const keys[] = {"stage", "when", "why", NULL};
	rs_decision *d = &l->r->dec[i];
	long st;

	if (!rs_ld_keys(l, o, keys))
		return;
	st = rs_ld_stage_ref(l, o, "stage");
	d->stage = st < 0 ? 0 : (size_t)st;
	d->cond = rs_ld_cond_at(l, o, "when", RS_LD_BONDS);
	if (cJSON_GetObjectItemCaseSensitive(o, "why") != NULL)
		rs_ld_text_at(l, o, "why", &d->why);
}

static void load_action(rs_ld *l, const cJSON *o, size_t i)
{
	static const char *const keys[] = {"id", "when", "flag", "text", NULL};
	rs_action *a = &l->r->act[i];
	size_t k;

	if (!rs_ld_keys(l, o, keys))
		return;
	a->id = rs_ld_id(l, o, "id", true);
	for (k = 0; a->id != NULL && k < i; k++) {
		if (l->r->act[k].id != NULL && strcmp(l->r->act[k].id, a->id) == 0) {
			size_t m = rs_ld_push_key(l, "id");
			rs_ld_problem(l, "duplicate action id \"%s\" (also actions[%zu])", a->id, k);
			rs_ld_pop(l, m);
		}
	}
	a->cond = rs_ld_cond_at(l, o, "when", RS_LD_ACTION);
	a->flag = rs_ld_id(l, o, "flag", false);
	rs_ld_text_at(l, o, "text", &a->text);
}

/* A relationship type, bond or alliance model; l->kindsec says which. */
static void load_kind(rs_ld *l, const cJSON *o, size_t i)
{
	static const char *const keys[] = {"id", "label", "when", NULL};
	rs_kind_rule *list = l->r->kind[l->kindsec], *k = &list[i];
	size_t j;

	if (!rs_ld_keys(l, o, keys))
		return;
	k->id = rs_ld_id(l, o, "id", true);
	for (j = 0; k->id != NULL && j < i; j++) {
		if (list[j].id != NULL && strcmp(list[j].id, k->id) == 0) {
			size_t m = rs_ld_push_key(l, "id");
			rs_ld_problem(l, "duplicate id \"%s\" (also %s[%zu])", k->id, kind_keys[l->kindsec], j);
			rs_ld_pop(l, m);
		}
	}
	rs_ld_text_at(l, o, "label", &k->label);
	k->cond = rs_ld_cond_at(l, o, "when", kind_flags[l->kindsec]);
}

/* Loads each element of the array at top-level `key` with fn into *items. */
static void load_list(rs_ld *l, const cJSON *root, const char *key, size_t min, size_t max,
                      size_t elem, void **items, size_t *n,
                      void (*fn)(rs_ld *, const cJSON *, size_t))
{
	const cJSON *arr = rs_ld_array(l, root, key, min, max), *it;
	size_t mark, i = 0;

	if (arr == NULL)
		return;
	*items = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(arr), elem);
	if (*items == NULL)
		return;
	*n = (size_t)cJSON_GetArraySize(arr);
	mark = rs_ld_push_key(l, key);
	cJSON_ArrayForEach(it, arr) {
		size_t m = rs_ld_push_index(l, i);
		fn(l, it, i++);
		rs_ld_pop(l, m);
	}
	rs_ld_pop(l, mark);
}

static void load_messages(rs_ld *l, const cJSON *o)
{
	const cJSON *it;
	size_t mark = rs_ld_push_key(l, "messages"), i = 0, k;

	if (!cJSON_IsObject(o)) {
		rs_ld_problem(l, "expected an object of texts, e.g. {\"downgrade\": {\"en\": ..., \"zh\": ...}}");
		goto out;
	}
	if ((size_t)cJSON_GetArraySize(o) > RS_MAX_MESSAGES) {
		rs_ld_problem(l, "more than %d messages", RS_MAX_MESSAGES);
		goto out;
	}
	l->r->msg = rs_ld_calloc(l, (size_t)cJSON_GetArraySize(o), sizeof *l->r->msg);
	if (l->r->msg == NULL)
		goto out;
	cJSON_ArrayForEach(it, o) {
		rs_message *m = &l->r->msg[i++];

		size_t p = rs_ld_push_key(l, it->string);

		if (!rs_ld_id_ok(it->string))
			rs_ld_problem(l, "a message name is lower case letters, digits and _");
		for (k = 0; k + 1 < i; k++)
			if (l->r->msg[k].key != NULL && strcmp(l->r->msg[k].key, it->string) == 0)
				break;
		if (k + 1 < i)
			rs_ld_problem(l, "duplicate key");
		rs_ld_pop(l, p);
		m->key = rs_ld_strdup(l, it->string);
		rs_ld_text_at(l, o, it->string, &m->text);
	}
	l->r->nmsg = i;
out:
	rs_ld_pop(l, mark);
}

static void load_version(rs_ld *l, const cJSON *root)
{
	double v;

	if (!rs_ld_number(l, root, "relstage_rules", false, &v) || v == 1)
		return;
	size_t mark = rs_ld_push_key(l, "relstage_rules");
	rs_ld_problem(l, "unsupported format version %g (this relstage reads version 1)", v);
	rs_ld_pop(l, mark);
}

static void load_root(rs_ld *l, const cJSON *root)
{
	rs_rules *r = l->r;

	static const int kind_order[RS_K_COUNT] = {RS_K_BOND, RS_K_TYPE, RS_K_MODEL};
	int i, k;

	if (!rs_ld_keys(l, root, top_keys))
		return;
	load_version(l, root);
	if (cJSON_GetObjectItemCaseSensitive(root, "params") != NULL)
		load_params(l, cJSON_GetObjectItemCaseSensitive(root, "params"));
	if (rs_ld_need(l, root, "scores") != NULL) {
		size_t mark = rs_ld_push_key(l, "scores");
		load_scores(l, cJSON_GetObjectItemCaseSensitive(root, "scores"));
		rs_ld_pop(l, mark);
	}
	load_list(l, root, "stages", 1, RS_MAX_STAGES, sizeof *r->stages, (void **)&r->stages,
	          &r->nstages, load_stage);
	/* Bonds first, so the others can name them; types before models. */
	for (i = 0; i < RS_K_COUNT; i++) {
		l->kindsec = k = kind_order[i];
		if (cJSON_GetObjectItemCaseSensitive(root, kind_keys[k]) != NULL)
			load_list(l, root, kind_keys[k], 1, RS_MAX_KINDS, sizeof *r->kind[k],
			          (void **)&r->kind[k], &r->nkind[k], load_kind);
	}
	load_list(l, root, "decision", 1, RS_MAX_DECISIONS, sizeof *r->dec, (void **)&r->dec,
	          &r->ndec, load_decision);
	load_list(l, root, "actions", 0, RS_MAX_FIRED, sizeof *r->act, (void **)&r->act, &r->nact,
	          load_action);
	if (cJSON_GetObjectItemCaseSensitive(root, "messages") != NULL)
		load_messages(l, cJSON_GetObjectItemCaseSensitive(root, "messages"));
}

/* ----------------------------------------------------------------- load */

rs_status rs_rules_load(rs_rules **out, const char *text, size_t len, const char *name,
                        rs_diag_fn diag, void *ctx, rs_error *err)
{
	rs_ld l;
	cJSON *root = NULL;
	rs_status st;

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
	if (err != NULL)
		err->file = "default rules";
	return rs_rules_load(out, rs_default_rules_json, rs_default_rules_json_len,
	                     "default rules", NULL, NULL, err);
}

static void free_text(rs_text *t)
{
	int g;

	for (g = 0; g < RS_LANG_COUNT; g++) {
		rs_free(t->s[g]);
		rs_free(t->raw[g]);
	}
}

static void free_stage(rs_stage *s)
{
	size_t i;
	int g;

	rs_free(s->id);
	free_text(&s->label);
	for (g = 0; g < RS_LANG_COUNT; g++) {
		for (i = 0; s->actions[g] != NULL && s->actions[g][i] != NULL; i++)
			rs_free(s->actions[g][i]);
		rs_free(s->actions[g]);
		rs_free(s->joined[g]);
	}
}

void rs_rules_free(rs_rules *r)
{
	size_t i;
	int k;

	if (r == NULL)
		return;
	for (k = 0; k < RS_SCORE_COUNT; k++) {
		for (i = 0; i < r->score[k].nparts; i++)
			free_text(&r->score[k].parts[i].label);
		rs_free(r->score[k].parts);
	}
	for (i = 0; i < r->nstages; i++)
		free_stage(&r->stages[i]);
	for (i = 0; i < r->ndec; i++)
		free_text(&r->dec[i].why);
	for (i = 0; i < r->nact; i++) {
		rs_free(r->act[i].id);
		rs_free(r->act[i].flag);
		free_text(&r->act[i].text);
	}
	for (i = 0; i < r->nmsg; i++) {
		rs_free(r->msg[i].key);
		free_text(&r->msg[i].text);
	}
	for (k = 0; k < RS_K_COUNT; k++) {
		for (i = 0; i < r->nkind[k]; i++) {
			rs_free(r->kind[k][i].id);
			free_text(&r->kind[k][i].label);
		}
		rs_free(r->kind[k]);
	}
	for (i = 0; i < r->nparams; i++)
		rs_free(r->param[i].id);
	for (i = 0; i < r->nneed; i++)
		free_text(&r->need[i].text);
	rs_free(r->param);
	rs_free(r->need);
	rs_free(r->stages);
	rs_free(r->dec);
	rs_free(r->act);
	rs_free(r->msg);
	rs_free(r->node);
	rs_free(r->prog);
	rs_free(r->ent);
	rs_free(r->share_pts);
	rs_free(r->dec_first);
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
	size_t i;

	for (i = 0; id != NULL && i < r->nstages; i++)
		if (strcmp(r->stages[i].id, id) == 0)
			return (long)i;
	return -1;
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
	size_t i;

	for (i = 0; key != NULL && i < r->nmsg; i++)
		if (strcmp(r->msg[i].key, key) == 0)
			return r->msg[i].text.s[lang_ix(lang)];
	return NULL;
}
