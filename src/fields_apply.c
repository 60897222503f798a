/*
 * fields_apply.c - the field map per row: id and name taken as they are, each
 * other mapped cell read by a fast path for its common shapes, else by the
 * general parsers, which also word the reject message. The map is built in
 * fields.c.
 */
#include <stdio.h>
#include <string.h>

#include "fields_impl.h"

/*
 * Adds one problem of a row to err. The first reads as it always did (the
 * column in `where`, the problem in `msg`); from the second on, each
 * problem's column goes into the text and they are joined with "; ", so a
 * user fixes every cell of a row in one round.
 */
void rs_error_add_reason(rs_error *err, unsigned long line, const char *where, const char *msg)
{
	char text[sizeof err->msg];
	size_t n;

	if (err == NULL)
		return;
	if (err->status != RS_EREJECT || err->msg[0] == '\0') {
		rs_error_where(err, "%s", where);
		(void)rs_error_set(err, RS_EREJECT, line, "%s", msg);
		return;
	}
	if (err->where[0] != '\0') { /* where: msg, cut to fit */
		size_t w = strlen(err->where), k = strlen(err->msg);
		if (w + 2 + k >= sizeof text)
			k = sizeof text - w - 3;
		memcpy(text, err->where, w);
		memcpy(text + w, ": ", 2);
		memcpy(text + w + 2, err->msg, k);
		text[w + 2 + k] = '\0';
		memcpy(err->msg, text, sizeof text);
		err->where[0] = '\0';
	}
	n = strlen(err->msg);
	if (n + 8 >= sizeof err->msg)
		return;
	(void)snprintf(err->msg + n, sizeof err->msg - n, "; %s%s%s", where, where[0] ? ": " : "", msg);
	if (strlen(err->msg) + 1 >= sizeof err->msg) /* cut: say so */
		memcpy(err->msg + sizeof err->msg - 5, "...", 4);
}

static rs_status reject_cell(const rs_fieldmap *m, int f, const rs_row *row,
                             size_t c, const char *what, const char *why,
                             rs_error *err)
{
	char val[72], msg[sizeof err->msg];

	(void)snprintf(msg, sizeof msg, "%s \"%s\" %s%s%s%s", rs_var_name(f),
	               rs_field_shown(val, sizeof val, row->cell[c], row->len[c]), what,
	               why ? " (" : "", why ? why : "", why ? ")" : "");
	rs_error_add_reason(err, row->line, m->where[f], msg);
	return RS_EREJECT;
}

/* A JSON object or array where a field is mapped: a key inside it is. */
static rs_status reject_nested(const rs_fieldmap *m, int f, const rs_row *row, size_t c,
                               rs_error *err)
{
	const char *key = m->where[f][0] != '\0' ? m->where[f] : rs_var_name(f);

	return rs_error_set(err, RS_EREJECT, row->line,
	                    "key \"%s\" holds a JSON %s, not a value; map %s to a key "
	                    "inside it (--map %s=%s.KEY)", key,
	                    row->cell[c][0] == '[' ? "array" : "object", rs_var_name(f),
	                    rs_var_name(f), key);
}

/* A number cell by the general parser, with the column's decisions. */
static rs_status number_cell(const rs_fieldmap *m, int f, const rs_row *row, size_t c, char conv,
                             double *v, rs_parse *p, uint32_t *guessed, rs_error *err)
{
	const char *why = NULL;
	char pref = m->pref[f] == RS_DEC_FILE ? conv : m->pref[f];
	unsigned shape = 0, rules = rs_field_num_rules[f];

	if (row->type != NULL && row->type[c] == RS_T_NUMBER)
		pref = '.'; /* JSON number literals never have a decimal comma */
	*p = rs_value_number(row->cell[c], row->len[c], pref, rules, v, &shape, &why);
	if (*p == RS_PARSE_BAD && rs_value_word_lookup(m->words[f], row->cell[c], row->len[c], v))
		return *p = RS_PARSE_OK, RS_OK; /* a map file's word for the field */
	if (*p != RS_PARSE_OK)
		return *p == RS_PARSE_BAD ? reject_cell(m, f, row, c, "is not a number", why, err) : RS_OK;
	if ((rules & RS_NUM_NONNEG) && *v < 0)
		return reject_cell(m, f, row, c, "is negative", NULL, err);
	/* Above 2^53 every double is whole; below, the cast is exact. */
	if ((rules & RS_NUM_WHOLE) && *v < 9007199254740992.0 && (double)(int64_t)*v != *v)
		return reject_cell(m, f, row, c, "is not a whole number", NULL, err);
	if ((shape & RS_SHAPE_MARK) == RS_SHAPE_AMBIG)
		*guessed |= 1u << f;
	if (f == RS_F_RELATIONSHIP_YEARS && *v >= 1950 && *v <= (double)(m->today / 10000))
		return reject_cell(m, f, row, c, "looks like a year, not a number of years",
		                   "a column of years since is read with -m customer_since=COLUMN", err);
	if (f == RS_F_PURCHASE_SHARE && m->fraction && !(shape & RS_SHAPE_PCT)) {
		if (*v > 1)
			return reject_cell(m, f, row, c, "is above 1 in a column of fractions",
			                   "--share-scale percent reads the column as percentages", err);
		*v *= 100;
	}
	return RS_OK;
}

static rs_status parse_cell(const rs_fieldmap *m, int f, const rs_row *row, char conv,
                            rs_account *a, uint32_t *guessed, rs_error *err)
{
	size_t c = (size_t)m->col[f];
	const char *why = NULL;
	rs_status st;
	rs_parse p = RS_PARSE_OK;
	double v = 0, years = 0;
	bool b = false;
	int lv = 0;

	if (row->type != NULL && row->type[c] == RS_T_NULL)
		return RS_OK;
	if (row->type != NULL && row->type[c] == RS_T_JSON)
		return reject_nested(m, f, row, c, err);
	if (f == RS_F_CUSTOMER_SINCE) {
		if ((p = rs_value_since(row->cell[c], row->len[c], m->today, &v, &years, &why)) == RS_PARSE_BAD)
			return reject_cell(m, f, row, c, "is not a year or a date", why, err);
	} else if (rs_field_kinds[f] == RS_KIND_NUMBER) {
		if ((st = number_cell(m, f, row, c, conv, &v, &p, guessed, err)) != RS_OK)
			return st;
	} else if (rs_field_kinds[f] == RS_KIND_BOOL) {
		if ((p = rs_parse_bool(row->cell[c], row->len[c], &b)) == RS_PARSE_BAD &&
		    rs_value_word_lookup(m->words[f], row->cell[c], row->len[c], &v))
			p = RS_PARSE_OK, b = v != 0;
		if (p == RS_PARSE_BAD)
			return reject_cell(m, f, row, c, "is not yes/no",
			                   "yes/no, ja/nein, oui/non, sí/no, 是/否, 已X/未X, √/×; "
			                   "relstage fields lists all", err);
		v = b ? 1 : 0;
	} else {
		if ((p = rs_parse_level(row->cell[c], row->len[c], &lv)) == RS_PARSE_BAD &&
		    rs_value_word_lookup(m->words[f], row->cell[c], row->len[c], &v))
			p = RS_PARSE_OK, lv = (int)v;
		if (p == RS_PARSE_BAD)
			return reject_cell(m, f, row, c, "is not a level",
			                   "staff, manager, director, executive, or a title: VP Sales, "
			                   "采购经理; relstage fields lists all", err);
		v = lv;
	}
	if (p == RS_PARSE_OK) {
		a->v[f] = v;
		a->known |= 1u << f;
	}
	if (p == RS_PARSE_OK && f == RS_F_CUSTOMER_SINCE && !rs_known(a, RS_F_RELATIONSHIP_YEARS)) {
		a->v[RS_F_RELATIONSHIP_YEARS] = years; /* relationship_years given wins */
		a->known |= 1u << RS_F_RELATIONSHIP_YEARS;
	}
	return RS_OK;
}

/*
 * The common cell shapes without the general parsers: a plain number that
 * passes the field's checks, a usual yes/no word, a usual level word. False
 * sends the cell to parse_cell, which gives the same value for anything
 * accepted here (the fast paths are subsets, see fields_impl.h) and the
 * reject message for anything bad.
 */
static inline bool fast_cell(const rs_colop *o, const char *s, size_t n, char dec, double *v)
{
	int k;

	switch (o->op) {
	case RS_OP_COUNT:
		return rs_value_fastcount(s, n, v);
	case RS_OP_NUMBER:
		if (!rs_value_fastnum(s, (o->rules & RS_NUM_PERCENT) && s[n - 1] == '%' ? n - 1 : n, dec, v))
			return false;
		/* |v| <= 2^53 here, so the cast is exact for whole numbers. */
		return *v >= o->lo && *v < o->hi && (!(o->rules & RS_NUM_WHOLE) || (double)(int64_t)*v == *v);
	case RS_OP_BOOL:
		k = rs_value_fastbool(s, n);
		break;
	case RS_OP_LEVEL:
		k = rs_value_fastlevel(s, n);
		break;
	default:
		return false;
	}
	*v = k;
	return k >= 0;
}

/* id (required) and name point into the row, untrimmed and NUL-terminated. */
static rs_status take_text(const rs_fieldmap *m, const rs_row *row, rs_account *a,
                           rs_error *err)
{
	size_t c = (size_t)m->col[RS_F_ID];
	const char *s = row->cell[c];
	size_t n = row->len[c];

	rs_value_trim(&s, &n);
	if (n == 0 || (row->type != NULL && row->type[c] == RS_T_NULL)) {
		rs_error_add_reason(err, row->line, m->where[RS_F_ID], "id is empty");
		return RS_EREJECT; /* the other cells are still read, for their problems */
	}
	if (row->type != NULL && row->type[c] == RS_T_JSON)
		return reject_nested(m, RS_F_ID, row, c, err);
	a->id = row->cell[c];
	a->id_len = row->len[c];
	a->v[RS_F_ID] = 0; /* known means meaningful: text fields' v is 0 */
	a->known |= 1u << RS_F_ID;
	if (m->col[RS_F_NAME] < 0)
		return RS_OK;
	c = (size_t)m->col[RS_F_NAME];
	if (row->type != NULL && row->type[c] == RS_T_JSON)
		return reject_nested(m, RS_F_NAME, row, c, err);
	s = row->cell[c];
	n = row->len[c];
	rs_value_trim(&s, &n);
	if (n > 0 && (row->type == NULL || row->type[c] != RS_T_NULL)) {
		a->name = row->cell[c];
		a->name_len = row->len[c];
		a->v[RS_F_NAME] = 0;
		a->known |= 1u << RS_F_NAME;
	}
	return RS_OK;
}

/*
 * A row without cell types (CSV, TSV), one kind of field at a time, so no
 * loop body switches on the kind. The cells the fast paths decline are
 * marked in `slow` and read by parse_cell last, in field order: fast paths
 * never reject, so the problems are listed in field order. Bit f of *failed
 * is set for each field whose cell did not read.
 */
static rs_status apply_untyped(const rs_fieldmap *m, const rs_row *row, char conv,
                               rs_account *a, uint32_t *guessed, uint32_t *failed, rs_error *err)
{
	const char *const *cell = row->cell;
	const size_t *len = row->len;
	uint32_t known = a->known, slow = 0;
	rs_status st;
	size_t i;
	int f;

	for (i = 0; i < m->kindend[RS_OP_NUMBER]; i++) {
		const rs_colop *o = &m->bykind[i];
		const char *s = cell[o->col];
		size_t n = len[o->col];
		double v;

		if (n == 0)
			continue; /* every kind reads empty text as unknown */
		if (rs_value_fastnum(s, (o->rules & RS_NUM_PERCENT) && s[n - 1] == '%' ? n - 1 : n,
		                     o->dec == RS_DEC_FILE ? conv : o->dec, &v) &&
		    v >= o->lo && v < o->hi && (!(o->rules & RS_NUM_WHOLE) || (double)(int64_t)v == v)) {
			a->v[o->field] = v;
			known |= 1u << o->field;
		} else {
			slow |= 1u << o->field;
		}
	}
	for (; i < m->kindend[RS_OP_COUNT]; i++) {
		const rs_colop *o = &m->bykind[i];
		size_t n = len[o->col];
		double v;

		if (n == 0)
			continue;
		if (rs_value_fastcount(cell[o->col], n, &v)) {
			a->v[o->field] = v;
			known |= 1u << o->field;
		} else {
			slow |= 1u << o->field;
		}
	}
	/* Words: a miss (-1) is empty or for parse_cell; no branch on which. */
	for (; i < m->kindend[RS_OP_BOOL]; i++) {
		const rs_colop *o = &m->bykind[i];
		size_t n = len[o->col];
		int k = rs_value_fastbool(cell[o->col], n);

		a->v[o->field] = k; /* meaningless unless known, as v[] may be */
		known |= (uint32_t)(k >= 0) << o->field;
		slow |= ((uint32_t)(k < 0) & (uint32_t)(n != 0)) << o->field;
	}
	for (; i < m->kindend[RS_OP_LEVEL]; i++) {
		const rs_colop *o = &m->bykind[i];
		size_t n = len[o->col];
		int k = rs_value_fastlevel(cell[o->col], n);

		a->v[o->field] = k;
		known |= (uint32_t)(k >= 0) << o->field;
		slow |= ((uint32_t)(k < 0) & (uint32_t)(n != 0)) << o->field;
	}
	for (; i < m->kindend[RS_OP_SLOW]; i++)
		slow |= (uint32_t)(len[m->bykind[i].col] != 0) << m->bykind[i].field;
	a->known = known;
	for (f = 0; slow != 0; f++, slow >>= 1)
		if ((slow & 1) && (st = parse_cell(m, f, row, conv, a, guessed, err)) != RS_OK) {
			if (st != RS_EREJECT)
				return st;
			*failed |= 1u << f;
		}
	return *failed ? RS_EREJECT : RS_OK;
}

rs_status rs_fieldmap_read(const rs_fieldmap *m, const rs_row *row, const rs_numfmt *nf,
                           rs_account *a, uint32_t *guessed, uint32_t *failed, rs_error *err)
{
	char conv = nf != NULL && nf->decimal_comma ? ',' : '.';
	const unsigned char *type = row->type;
	rs_status st;
	size_t i;

	/* v[] means nothing where `known` is clear; it need not be kept. */
	a->id = a->name = NULL;
	a->id_len = a->name_len = 0;
	a->known = 0;
	*failed = 0;
	if (err != NULL) {
		err->where[0] = err->msg[0] = '\0';
		err->status = RS_OK;
	}
	if (row->reject != NULL)
		return rs_error_set(err, RS_EREJECT, row->line, "%s", row->reject);
	if (row->n != m->ncols)
		return rs_error_set(err, RS_EREJECT, row->line, "row has %zu field%s, the header has %zu",
		                    row->n, row->n == 1 ? "" : "s", m->ncols);
	if (take_text(m, row, a, err) != RS_OK)
		*failed = 1u << RS_F_ID;
	if (type == NULL)
		return apply_untyped(m, row, conv, a, guessed, failed, err);
	for (i = 0; i < m->nops; i++) {
		const rs_colop *o = &m->op[i];
		size_t n = row->len[o->col];
		char dec = o->dec == RS_DEC_FILE ? conv : o->dec;
		double v;

		if (n == 0 || type[o->col] == RS_T_NULL)
			continue; /* every kind reads empty text as unknown */
		if (type[o->col] == RS_T_NUMBER)
			dec = '.'; /* JSON number literals never have a decimal comma */
		if (fast_cell(o, row->cell[o->col], n, dec, &v)) {
			a->v[o->field] = v;
			a->known |= 1u << o->field;
		} else if ((st = parse_cell(m, o->field, row, conv, a, guessed, err)) != RS_OK) {
			if (st != RS_EREJECT)
				return st;
			*failed |= 1u << o->field;
		}
	}
	return *failed ? RS_EREJECT : RS_OK;
}

rs_status rs_fieldmap_apply(const rs_fieldmap *m, const rs_row *row, const rs_numfmt *nf,
                            rs_account *a, rs_error *err)
{
	uint32_t guessed = 0, failed = 0;

	return rs_fieldmap_read(m, row, nf, a, &guessed, &failed, err);
}
