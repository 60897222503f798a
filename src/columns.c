/*
 * columns.c - how a file's number columns are read, decided once from its
 * first rows (the look-ahead): the decimal mark of text that does not show
 * it ("1.234", "50.000"), and whether purchase_share gives fractions of 1.
 * Each choice is said once, through the caller's notice callback: the
 * fractions when decided, a decimal mark when it first decides a value
 * (rs_fieldmap_tell). The per-row reading is in fields.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fields_impl.h"

/* What the look-ahead saw in one column: cells by RS_SHAPE_, one that
 * showed its mark. */
typedef struct colseen {
	size_t dot, comma;
	const char *evidence;
	size_t evidence_len;
} colseen;

/* A cell of field f in a look-ahead row, or NULL (empty, JSON number or null). */
static const char *cell_of(const rs_fieldmap *m, int f, const rs_row *row, size_t *n)
{
	size_t c = (size_t)m->col[f];
	const char *t = row->cell[c];

	if (row->reject != NULL || row->n != m->ncols || row->len[c] == 0 ||
	    (row->type != NULL && row->type[c] != RS_T_STRING))
		return NULL;
	*n = row->len[c];
	(void)rs_value_unformula(&t, n); /* ="00123" */
	return t;
}

static void notice(rs_diag_fn diag, void *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void notice(rs_diag_fn diag, void *ctx, const char *fmt, ...)
{
	rs_error e;
	va_list ap;

	if (diag == NULL)
		return;
	rs_error_clear(&e);
	e.file = NULL; /* the caller names the file being read */
	va_start(ap, fmt);
	(void)vsnprintf(e.msg, sizeof e.msg, fmt, ap);
	va_end(ap);
	diag(ctx, &e);
}

/* "our_sales (column "Umsatz")" (JSON: key; Chinese: our_sales（列 "Umsatz"）)
 * or "our_sales". */
static const char *field_named(const rs_fieldmap *m, int f, char *buf, size_t cap)
{
	if (m->where[f][0] == '\0')
		(void)snprintf(buf, cap, "%s", rs_var_name(f));
	else if (m->lang == RS_LANG_ZH)
		(void)snprintf(buf, cap, "%s（%s \"%s\"）", rs_var_name(f), RS_COL_ZH(m->keys), m->where[f]);
	else
		(void)snprintf(buf, cap, "%s (%s \"%s\")", rs_var_name(f), RS_COL(m->keys), m->where[f]);
	return buf;
}

/* Where the decimal mark of rs_fieldmap_tell comes from, in the notice's words. */
static const char *mark_source(const rs_fieldmap *m, int f, char conv)
{
	static const char *const said[RS_LANG_COUNT][5] = {
	    {"in ';'-separated files", "where the delimiter is not ';'",
	     "in this file's other numbers", "in this key", "in this column"},
	    {"以 ';' 分隔的文件", "分隔符不是 ';' 的文件", "本文件的其他数字", "本键", "本列"}};
	int g = m->lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;

	return said[g][m->pref[f] == RS_DEC_FILE ? (conv == ',' ? 0 : 1)
	               : m->dec_by_file & (1u << f) ? 2
	               : m->keys                    ? 3
	                                            : 4];
}

void rs_fieldmap_tell(const rs_fieldmap *m, int f, const rs_row *row, char conv, rs_diag_fn diag,
                      void *ctx)
{
	size_t c = (size_t)m->col[f], n = row->len[c];
	const char *t = row->cell[c];
	char dec = m->pref[f] == RS_DEC_FILE ? conv : m->pref[f], name[160], val[40];
	double v = 0;

	(void)rs_value_unformula(&t, &n);
	(void)rs_value_number(t, n, dec, rs_field_num_rules[f], &v, NULL, NULL);
	(void)field_named(m, f, name, sizeof name);
	(void)rs_field_shown(val, sizeof val, row->cell[c], row->len[c]);
	if (m->lang == RS_LANG_ZH)
		notice(diag, ctx, "%s：\"%s\" 读作 %.15g：%s以 '%c' 为小数点%s%s%s", name, val, v,
		       mark_source(m, f, conv), dec, m->dec_eg[f][0] ? "（\"" : "", m->dec_eg[f],
		       m->dec_eg[f][0] ? "\"）" : "");
	else
		notice(diag, ctx, "%s: \"%s\" read as %.15g: '%c' is the decimal mark %s%s%s%s", name,
		       val, v, dec, mark_source(m, f, conv), m->dec_eg[f][0] ? " (\"" : "",
		       m->dec_eg[f], m->dec_eg[f][0] ? "\")" : "");
}

/* Tells diag that field f's cell in row was Excel's ="..." and was read as its text. */
void rs_fieldmap_tell_formula(const rs_fieldmap *m, int f, const rs_row *row, rs_diag_fn diag,
                              void *ctx)
{
	size_t c = (size_t)m->col[f], n = row->len[c];
	const char *t = row->cell[c];
	char name[160], val[48], text[40];

	(void)rs_value_unformula(&t, &n);
	(void)field_named(m, f, name, sizeof name);
	(void)rs_field_shown(val, sizeof val, row->cell[c], row->len[c]);
	(void)rs_field_shown(text, sizeof text, t, n);
	if (m->lang == RS_LANG_ZH)
		notice(diag, ctx, "%s：%s 读作 %s（Excel 的 =\"...\" 文本公式，取其文本）", name,
		       val, text);
	else
		notice(diag, ctx, "%s: %s read as %s (Excel's =\"...\" text formula: its text)",
		       name, val, text);
}

/* The decimal marks, column by column: the column's own values, else the
 * file's other numbers, else the file's convention (RS_DEC_FILE). A column
 * that shows both marks reads neither in "1.234" (pref 0). */
static void decide_marks(rs_fieldmap *m, const rs_rowq *q)
{
	colseen seen[RS_F_COUNT], all;
	const rs_row *row;
	size_t i, k, n;
	int f;

	memset(seen, 0, sizeof seen);
	memset(&all, 0, sizeof all);
	m->dec_by_file = 0;
	for (k = 0; k < m->nops; k++) {
		colseen *s = &seen[f = m->op[k].field];

		for (i = 0; rs_field_kinds[f] == RS_KIND_NUMBER && f != RS_F_CUSTOMER_SINCE &&
		            (row = rs_rowq_row(q, i)) != NULL;
		     i++) {
			const char *t = cell_of(m, f, row, &n);
			unsigned shape = 0;

			if (t == NULL || rs_value_number(t, n, '.', rs_field_num_rules[f], NULL,
			                                 &shape, NULL) != RS_PARSE_OK)
				continue;
			shape &= RS_SHAPE_MARK;
			s->dot += shape == RS_SHAPE_DOT;
			s->comma += shape == RS_SHAPE_COMMA;
			if ((shape == RS_SHAPE_DOT || shape == RS_SHAPE_COMMA) &&
			    s->evidence == NULL)
				s->evidence = t, s->evidence_len = n;
		}
		all.dot += s->dot;
		all.comma += s->comma;
		if (all.evidence == NULL)
			all.evidence = s->evidence, all.evidence_len = s->evidence_len;
	}
	for (k = 0; k < m->nops; k++) {
		colseen *s = &seen[f = m->op[k].field];

		if (!s->dot && !s->comma && (all.dot == 0) != (all.comma == 0)) {
			*s = all;
			m->dec_by_file |= 1u << f;
		}
		m->pref[f] = s->dot && s->comma ? 0 : s->dot ? '.' : s->comma ? ',' : RS_DEC_FILE;
		/* Only text that shows its mark takes the fast path: any mark will do. */
		m->op[k].dec = s->comma > s->dot ? ',' : s->dot ? '.' : RS_DEC_FILE;
		m->dec_eg[f][0] = '\0';
		if (s->evidence != NULL)
			(void)rs_field_shown(m->dec_eg[f], sizeof m->dec_eg[f], s->evidence,
			                     s->evidence_len);
	}
}

/*
 * purchase_share as fractions of 1: every value in [0, 1], one not whole.
 * When some are so but others are not, the percentages read are said: a
 * "0.85" among "85"s may have meant 85%.
 */
static void decide_fraction(rs_fieldmap *m, const rs_rowq *q, rs_share_scale scale, rs_diag_fn diag,
                            void *ctx)
{
	const int f = RS_F_PURCHASE_SHARE;
	const char *t, *example = NULL, *over_eg = NULL;
	const rs_row *row;
	size_t i, n, in01 = 0, over = 0, example_len = 0, over_len = 0;
	char name[160], val[40], val2[40];

	m->fraction = scale == RS_SHARE_FRACTION;
	if (scale != RS_SHARE_AUTO || m->col[f] < 0)
		return;
	for (i = 0; (row = rs_rowq_row(q, i)) != NULL; i++) {
		unsigned shape = 0;
		double v;

		if (row->reject != NULL || row->n != m->ncols || row->len[m->col[f]] == 0)
			continue;
		t = row->cell[m->col[f]];
		n = row->len[m->col[f]];
		(void)rs_value_unformula(&t, &n);
		if (rs_value_number(t, n,
		                    m->pref[f] == RS_DEC_FILE || m->pref[f] == 0 ? '.' : m->pref[f],
		                    rs_field_num_rules[f], &v, &shape, NULL) != RS_PARSE_OK ||
		    (shape & RS_SHAPE_PCT))
			continue;
		if (v >= 0 && v <= 1) {
			in01++;
			if (v != 0 && v != 1 && example == NULL)
				example = t, example_len = n;
		} else if (over++ == 0) {
			over_eg = t, over_len = n;
		}
	}
	if (example == NULL)
		return;
	(void)field_named(m, f, name, sizeof name);
	(void)rs_field_shown(val, sizeof val, example, example_len);
	if (over == 0) {
		m->fraction = true;
		if (m->lang == RS_LANG_ZH)
			notice(diag, ctx, "%s：前几行的 %zu 个值都在 0 到 1 之间（\"%s\"）：按小数读取，"
			       "乘以 100；如是百分数，请用 --share-scale percent", name, in01, val);
		else
			notice(diag, ctx, "%s: all %zu values in the first rows are between 0 and 1 "
			       "(\"%s\"): read as fractions of 1, times 100; --share-scale percent reads "
			       "them as percentages", name, in01, val);
		return;
	}
	(void)rs_field_shown(val2, sizeof val2, over_eg, over_len);
	if (m->lang == RS_LANG_ZH)
		notice(diag, ctx, "%s：前几行的 %zu 个值中有 %zu 个在 0 到 1 之间（\"%s\"），但 \"%s\" "
		       "不在此范围：按百分数读取（\"%s\" 即 %s%%）；如是小数，请用 --share-scale "
		       "fraction", name, in01 + over, in01, val, val2, val, val);
	else
		notice(diag, ctx, "%s: %zu of %zu values in the first rows are between 0 and 1 "
		       "(\"%s\") but \"%s\" is not: read as percentages (\"%s\" is %s%%); "
		       "--share-scale fraction reads them as fractions of 1", name, in01, in01 + over,
		       val, val2, val, val);
}

void rs_fieldmap_decide(rs_fieldmap *m, const rs_rowq *q, rs_share_scale scale, rs_diag_fn diag,
                        void *ctx)
{
	decide_marks(m, q);
	decide_fraction(m, q, scale, diag, ctx);
	rs_fieldmap_group(m); /* a share in fractions goes to parse_cell */
}
