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
#include "msg.h"

/* What the look-ahead saw in one column: cells by RS_SHAPE_, one that
 * showed its mark. */
typedef struct colseen {
	size_t dot, comma, ambig, cjk_comma, cur_decimal;
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
	rs_error e = {0};
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

/* Where a file's mark (rs_fieldmap.conv) came from: mark_source's words. */
enum { SRC_SEMI, SRC_COMMA, SRC_CELLS, SRC_DATES, SRC_CJK, SRC_GERMAN, SRC_OPTION, SRC_KEY, SRC_COLUMN };

/* Where the decimal mark of rs_fieldmap_tell comes from, in the notice's words. */
static const char *mark_source(const rs_fieldmap *m, int f)
{
	static const char *const said[RS_LANG_COUNT][9] = {
	    {"in ';'-separated files", "in ','-separated files", "in this file's other numbers",
	     "by this file's dates", "by this file's Chinese, Japanese or Korean header",
	     "by this file's German header", "by --decimal-mark", "in this key", "in this column"},
	    {"以 ';' 分隔的文件", "以 ',' 分隔的文件", "本文件的其他数字", "按本文件的日期写法",
	     "按本文件的中日韩文表头", "按本文件的德文表头", "按 --decimal-mark", "本键", "本列"}};
	int g = m->lang == RS_LANG_ZH ? RS_LANG_ZH : RS_LANG_EN;

	return said[g][m->pref[f] == RS_DEC_FILE    ? m->conv_src
	               : m->dec_by_file & (1u << f) ? SRC_CELLS
	               : m->keys                    ? SRC_KEY
	                                            : SRC_COLUMN];
}

void rs_fieldmap_tell(const rs_fieldmap *m, int f, const rs_row *row, rs_diag_fn diag, void *ctx)
{
	size_t c = (size_t)m->col[f], n = row->len[c];
	const char *t = row->cell[c], *eg = m->pref[f] == RS_DEC_FILE ? m->conv_eg : m->dec_eg[f];
	char dec = m->pref[f] == RS_DEC_FILE ? m->conv : m->pref[f], name[160], val[40];
	double v = 0;

	(void)rs_value_unformula(&t, &n);
	(void)rs_value_number(t, n, dec, rs_field_num_rules[f], &v, NULL, NULL);
	(void)field_named(m, f, name, sizeof name);
	(void)rs_field_shown(val, sizeof val, row->cell[c], row->len[c]);
	if (m->lang == RS_LANG_ZH)
		notice(diag, ctx, "%s：\"%s\" 读作 %.15g：%s以 '%c' 为小数点%s%s%s", name, val, v,
		       mark_source(m, f), dec, eg[0] ? "（\"" : "", eg, eg[0] ? "\"）" : "");
	else
		notice(diag, ctx, "%s: \"%s\" read as %.15g: '%c' is the decimal mark %s%s%s%s", name,
		       val, v, dec, mark_source(m, f), eg[0] ? " (\"" : "", eg, eg[0] ? "\")" : "");
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

/* A date written 15.06.2019 (or 1.6.2019, a time after it): the way of the
 * countries that write a decimal comma. */
static bool dotted_date(const char *s, size_t n)
{
	size_t i = 0, k, part;

	for (part = 0; part < 3; part++) {
		for (k = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (part < 2 ? i - k < 1 || i - k > 2 || i == n || s[i++] != '.' : i - k != 4)
			return false;
	}
	return i == n || s[i] == ' ';
}

/* Chinese, Japanese or Korean (U+3000-U+D7FF): text of a decimal point. */
static bool cjk(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0xE3 && (unsigned char)*s <= 0xED)
			return true;
	return false;
}

/* A German header word (Umsatz, Anzahl Kontakte, Kundennummer): a decimal comma. */
static bool german(const char *s)
{
	static const char *const words[] = {"umsatz", "einkauf", "kunde", "anzahl", "anteil",
	                                    "betrag", "jahre", NULL};
	char low[RS_FIELD_WHERE_MAX];
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < sizeof low; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	low[i] = '\0';
	for (i = 0; words[i] != NULL && strstr(low, words[i]) == NULL; i++)
		;
	return words[i] != NULL;
}

/*
 * The file's mark from any cell of the look-ahead: numbers that show it
 * ("12,5", "1.250,00-", "1,000,000"), dates written 15.06.2019 and German
 * headers (a decimal comma), headers in Chinese, Japanese or Korean (a
 * point). They decide a file whose delimiter says none (TAB, |, JSON,
 * workbooks). When they show both marks, or the other one than a ';' or
 * ',' delimiter, conv is 0 and m->both names what shows each: "1.234" is
 * not guessed. weak: by the delimiter alone an amount with a currency
 * ("¥1,200" in a ';' file) would have three decimals, so the delimiter
 * decides only when the file's cells or headers show the same mark; else
 * conv is 0 and m->cur_doubt names the delimiter.
 */
static void file_mark(rs_fieldmap *m, const rs_rowq *q, bool weak)
{
	const rs_row *row;
	/* a number with '.', with ',', a date, a CJK header, a German header */
	const char *eg[5] = {NULL, NULL, NULL, NULL, NULL};
	size_t i, c, n, egn[5] = {0, 0, 0, 0, 0}, votes[2] = {0, 0};
	char shown[24];
	unsigned shape;
	int k, j;

	for (k = 0; k < RS_F_COUNT; k++) {
		j = cjk(m->where[k]) ? 3 : german(m->where[k]) ? 4 : 0;
		if (j > 0 && votes[j == 4]++ == 0)
			eg[j] = m->where[k], egn[j] = strlen(m->where[k]);
	}
	for (i = 0; (row = rs_rowq_row(q, i)) != NULL; i++)
		for (c = 0; c < row->n && row->reject == NULL; c++) {
			if ((n = row->len[c]) == 0 || (row->type != NULL && row->type[c] != RS_T_STRING))
				continue;
			if (dotted_date(row->cell[c], n))
				k = 1, j = 2;
			else if (rs_value_number(row->cell[c], n, '.', RS_NUM_PERCENT | RS_NUM_CURRENCY, NULL,
			                         &shape, NULL) == RS_PARSE_OK &&
			         ((shape &= RS_SHAPE_MARK) == RS_SHAPE_DOT || shape == RS_SHAPE_COMMA))
				k = j = shape == RS_SHAPE_COMMA;
			else
				continue;
			if (j == 1 && eg[3] != NULL)
				continue; /* "1,2000" under a CJK header is refused, no decimal comma */
			votes[k]++;
			if (eg[j] == NULL)
				eg[j] = row->cell[c], egn[j] = n;
		}
	m->both[0][0] = m->both[1][0] = '\0';
	for (k = 0; k < 2; k++) { /* what shows each mark: numbers best */
		j = eg[k] != NULL ? k : !k ? 3 : eg[2] != NULL ? 2 : 4;
		if (eg[j] != NULL)
			(void)snprintf(m->both[k], sizeof m->both[k], "\"%s\"",
			               rs_field_shown(shown, sizeof shown, eg[j], egn[j]));
		else if (m->conv == (k ? ',' : '.'))
			(void)snprintf(m->both[k], sizeof m->both[k],
			               m->lang == RS_LANG_ZH ? "以 '%c' 分隔" : "the '%c' between cells",
			               k ? ';' : ',');
	}
	if (m->both[0][0] != '\0' && m->both[1][0] != '\0') {
		m->conv = 0; /* the cells, or the delimiter and the cells, disagree: ask */
		m->conv_delim = false;
	} else if (weak && m->conv != 0 && !votes[m->conv == ',']) {
		/* the delimiter alone would give "¥1,200" three decimals: ask */
		m->cur_doubt = m->conv == ',' ? ';' : ',';
		m->conv = 0;
		m->conv_delim = false;
	} else if ((m->conv == 0 || weak) && (votes[0] || votes[1])) {
		k = m->conv != 0 ? m->conv == ',' : votes[1] > 0;
		j = eg[k] != NULL ? k : !k ? 3 : eg[2] != NULL ? 2 : 4;
		m->conv_delim = false;
		m->conv = k ? ',' : '.';
		m->conv_src = j == 4 ? SRC_GERMAN : j == 3 ? SRC_CJK : j == 2 ? SRC_DATES : SRC_CELLS;
		(void)rs_field_shown(m->conv_eg, sizeof m->conv_eg, eg[j], egn[j]);
	}
}

/* The decimal marks, column by column: the column's own values, else the
 * file's other numbers, else the file's (conv: its delimiter's, else its
 * other cells'; RS_DEC_FILE). A column that shows both marks reads neither
 * in "1.234" (pref 0). --decimal-mark (user) decides every column. */
static void decide_marks(rs_fieldmap *m, const rs_rowq *q, char delim, char user)
{
	colseen seen[RS_F_COUNT], all;
	const rs_row *row;
	size_t i, k, n;
	bool by_file = false, weak = false;
	int f;

	memset(seen, 0, sizeof seen);
	memset(&all, 0, sizeof all);
	m->dec_by_file = m->point_only = 0;
	m->conv = user ? user : delim == ';' ? ',' : delim == ',' ? '.' : 0;
	m->conv_delim = !user && m->conv != 0;
	m->mark_given = user != 0;
	m->cur_doubt = 0;
	m->conv_src = user ? SRC_OPTION : delim == ';' ? SRC_SEMI : SRC_COMMA;
	m->conv_eg[0] = '\0';
	for (k = 0; k < m->nops && !user; k++) {
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
			if (shape == RS_SHAPE_COMMA && cjk(m->where[f])) {
				s->cjk_comma++; /* below */
				continue;
			}
			s->dot += shape == RS_SHAPE_DOT;
			s->comma += shape == RS_SHAPE_COMMA;
			s->ambig += shape == RS_SHAPE_AMBIG;
			/* "¥1,200" in a ';' file: 1.2 by the delimiter alone */
			s->cur_decimal += shape == RS_SHAPE_AMBIG && m->conv != 0 &&
			                  rs_value_cur_decimal(t, n, m->conv, rs_field_num_rules[f]);
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
		size_t cjk_comma = s->cjk_comma, cur_decimal = s->cur_decimal;

		if (!s->dot && !s->comma && (all.dot == 0) != (all.comma == 0)) {
			*s = all;
			m->dec_by_file |= 1u << f;
		}
		m->pref[f] = s->dot && s->comma ? 0 : s->dot ? '.' : s->comma ? ',' : RS_DEC_FILE;
		if (!user && cjk(m->where[f])) {
			/* Under a Chinese, Japanese or Korean header the mark is a point:
			 * "1,2000" (4-digit groups) or "12,5" is refused, never 1.2. */
			m->point_only |= 1u << f;
			if (cjk_comma > 0 && !(s->dot && s->comma))
				m->pref[f] = '.', m->dec_by_file &= ~(1u << f);
		}
		/* a delimiter's mark is weighed against the cells' when it decides;
		 * alone, it does not decide a currency amount's three decimals */
		by_file |= m->pref[f] == RS_DEC_FILE && (m->conv == 0 || s->ambig > 0);
		weak |= m->pref[f] == RS_DEC_FILE && cur_decimal > 0;
		/* Only text that shows its mark takes the fast path: any mark will do. */
		m->op[k].dec = m->pref[f] == '.' ? '.' : s->comma > s->dot ? ',' : s->dot ? '.' : RS_DEC_FILE;
		m->dec_eg[f][0] = '\0';
		if (s->evidence != NULL)
			(void)rs_field_shown(m->dec_eg[f], sizeof m->dec_eg[f], s->evidence,
			                     s->evidence_len);
	}
	if (by_file && q != NULL && !user)
		file_mark(m, q, weak);
}

/* RS_EUSAGE naming the first ambiguous number in q ("880.000") that nothing
 * in the file decides: stopping asks once, where a reject per row would
 * drop the whole file. */
static rs_status undecided(const rs_fieldmap *m, const rs_rowq *q, rs_error *err)
{
	const rs_row *row;
	size_t i, k, n;
	double v[2] = {0, 0};
	char name[160], val[40];
	unsigned shape;
	int f;

	for (i = 0; m->conv == 0 && (row = rs_rowq_row(q, i)) != NULL; i++)
		for (k = 0; k < m->nops; k++) {
			const char *t = cell_of(m, f = m->op[k].field, row, &n);

			if (t == NULL || m->pref[f] != RS_DEC_FILE || rs_field_kinds[f] != RS_KIND_NUMBER ||
			    f == RS_F_CUSTOMER_SINCE ||
			    rs_value_number(t, n, ',', rs_field_num_rules[f], &v[0], &shape, NULL) != RS_PARSE_OK ||
			    (shape & RS_SHAPE_MARK) != RS_SHAPE_AMBIG)
				continue;
			/* the currency amount that made the delimiter's mark doubtful is named */
			if (m->cur_doubt &&
			    !rs_value_cur_decimal(t, n, m->cur_doubt == ';' ? ',' : '.', rs_field_num_rules[f]))
				continue;
			(void)rs_value_number(t, n, '.', rs_field_num_rules[f], &v[1], NULL, NULL);
			(void)field_named(m, f, name, sizeof name);
			(void)rs_field_shown(val, sizeof val, t, n);
			if (m->cur_doubt)
				(void)rs_error_set(err, RS_EUSAGE, row->line, rs_msg(m->lang, RS_M_E_CUR_MARK),
				                   name, val, v[0], v[1], m->cur_doubt,
				                   m->cur_doubt == ';' ? ',' : '.', v[0], v[1]);
			else if (m->both[0][0] != '\0' && m->both[1][0] != '\0')
				(void)rs_error_set(err, RS_EUSAGE, row->line, rs_msg(m->lang, RS_M_E_BOTH_MARKS),
				                   name, val, v[0], v[1], m->both[0], m->both[1], v[0], v[1]);
			else
				(void)rs_error_set(err, RS_EUSAGE, row->line, rs_msg(m->lang, RS_M_E_NO_MARK),
				                   name, val, v[0], v[1], v[0], v[1]);
			return RS_EUSAGE;
		}
	return RS_OK;
}

/*
 * A share column (purchase_share, previous_share) as fractions of 1: every
 * value in [0, 1], one not whole; each column is decided apart. When some
 * are so but others are not, the percentages read are said: a "0.85" among
 * "85"s may have meant 85%.
 */
static void decide_fraction(rs_fieldmap *m, int f, const rs_rowq *q, rs_share_scale scale,
                            rs_diag_fn diag, void *ctx)
{
	const char *t, *example = NULL, *over_eg = NULL, *pct_eg = NULL;
	const rs_row *row;
	size_t i, n, in01 = 0, over = 0, pct = 0, example_len = 0, over_len = 0, pct_len = 0;
	char name[160], val[40], val2[40];

	m->fraction |= (uint32_t)(scale == RS_SHARE_FRACTION) << f;
	/* until fractions are decided */
	m->pct_auto |= (uint32_t)(scale == RS_SHARE_AUTO && m->col[f] >= 0) << f;
	if (!(m->pct_auto >> f & 1u))
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
		                    rs_field_num_rules[f], &v, &shape, NULL) != RS_PARSE_OK)
			continue;
		if (shape & RS_SHAPE_PCT) { /* "85%" says its own scale: counted for the note */
			if (pct++ == 0)
				pct_eg = t, pct_len = n;
			continue;
		}
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
		m->fraction |= 1u << f;
		m->pct_auto &= ~(1u << f);
		if (pct > 0) { /* Excel's 0.5 beside its "85%" (0.85) is 50%; typed by hand, maybe 0.5% */
			(void)rs_field_shown(val2, sizeof val2, pct_eg, pct_len);
			if (m->lang == RS_LANG_ZH)
				notice(diag, ctx, "%s：前几行中不带 %% 的 %zu 个值都在 0 到 1 之间（\"%s\"），"
				       "另有 %zu 个带 %%（\"%s\"）：不带 %% 的按小数读取，乘以 100，与 Excel "
				       "相同；如是百分数，请用 --share-scale percent", name, in01, val, pct, val2);
			else
				notice(diag, ctx, "%s: all %zu values without a %% sign in the first rows are "
				       "between 0 and 1 (\"%s\"), beside %zu with one (\"%s\"): those without are "
				       "read as fractions of 1, times 100, as Excel reads them; --share-scale "
				       "percent reads them as percentages", name, in01, val, pct, val2);
			return;
		}
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

bool rs_fieldmap_share_doubt(const rs_fieldmap *m, const rs_row *row, const rs_account *a)
{
	const int f = RS_F_PURCHASE_SHARE;
	const char *t;
	size_t n;
	unsigned shape = 0;
	char dec = '.'; /* a number cell's (JSON, workbook) */
	double v;

	if (!(m->pct_auto >> f & 1u) || !rs_known(a, f) || !(a->v[f] > 0 && a->v[f] < 1))
		return false; /* every row but the rare one stops here */
	t = row->cell[m->col[f]];
	n = row->len[m->col[f]];
	(void)rs_value_unformula(&t, &n);
	if (row->type == NULL || row->type[m->col[f]] != RS_T_NUMBER)
		dec = m->pref[f] == RS_DEC_FILE ? m->conv : m->pref[f];
	/* "0.88%" says it is a percentage (read by the column's mark, as it was) */
	return rs_value_number(t, n, dec != 0 ? dec : '.', rs_field_num_rules[f], &v, &shape,
	                       NULL) != RS_PARSE_OK ||
	       !(shape & RS_SHAPE_PCT);
}

void rs_fieldmap_share_note(const rs_fieldmap *m, rs_buf *b, unsigned long n, const char *val,
                            unsigned long line)
{
	char name[160];

	(void)rs_buf_printf(b, rs_msg(m->lang, n == 1 ? RS_M_SHARE_LATE_ONE : RS_M_SHARE_LATE_MANY),
	                    field_named(m, RS_F_PURCHASE_SHARE, name, sizeof name), n, val, line, val,
	                    val);
}

void rs_fieldmap_false_note(const rs_fieldmap *m, rs_buf *b, int f, unsigned long n,
                            unsigned long line)
{
	char name[160];

	if (m->how[f] == RS_HOW_OPTIONS) /* the cooperation options' column, not f's own */
		(void)snprintf(name, sizeof name,
		               m->lang == RS_LANG_ZH ? "%s（%s \"%s\"）" : "%s (%s \"%s\")",
		               rs_msg(m->lang, RS_M_I_HOW_OPTIONS),
		               m->lang == RS_LANG_ZH ? RS_COL_ZH(m->keys) : RS_COL(m->keys), m->where[f]);
	else
		(void)field_named(m, f, name, sizeof name);
	if (m->csv_false)
		(void)rs_buf_printf(b, rs_msg(m->lang, n == 1 ? RS_M_FALSE_CSV_ONE : RS_M_FALSE_CSV_MANY),
		                    name, n, line);
	else
		(void)rs_buf_printf(b, rs_msg(m->lang, n == 1 ? RS_M_FALSE_EMPTY_ONE : RS_M_FALSE_EMPTY_MANY),
		                    name, n, line);
}

/* Is column col a yes/no field's? Its False is no, whatever the file. */
static bool yes_no_column(const rs_fieldmap *m, size_t col)
{
	int f;

	for (f = 0; f < RS_F_COUNT; f++)
		if (m->col[f] == (long)col && rs_field_kinds[f] == RS_KIND_BOOL)
			return true;
	return (long)col == m->options;
}

/*
 * Odoo's CSV export writes False (so spelled: Python's) in every field left
 * empty, a number's, a date's, a name's. A delimited file is taken to do so
 * when its first rows hold False, and never True, in two columns or more
 * that are not yes/no fields ("Email" and "Share" of a partner left empty):
 * then False in a number, level or date field, the name or the options is
 * empty, unknown and never 0, and said once per file and field; the id's
 * is no id. One such column alone is too little to go on: there, False
 * stays a reject, never a silent 0.
 */
static void decide_false(rs_fieldmap *m, const rs_rowq *q)
{
	const rs_row *row;
	size_t col, i, cols = 0;

	m->csv_false = false;
	if (m->keys || q == NULL)
		return;
	for (col = 0; col < m->ncols && cols < 2; col++) {
		bool is_false = false, is_true = false;

		if (yes_no_column(m, col))
			continue;
		for (i = 0; (row = rs_rowq_row(q, i)) != NULL && !is_true; i++) {
			const char *s;
			size_t n;

			if (row->reject != NULL || row->n != m->ncols || row->type != NULL)
				continue;
			s = row->cell[col];
			n = row->len[col];
			rs_value_trim(&s, &n);
			is_false |= n == 5 && memcmp(s, "False", 5) == 0;
			is_true |= n == 4 && memcmp(s, "True", 4) == 0;
		}
		cols += is_false && !is_true;
	}
	m->csv_false = cols >= 2;
}

rs_status rs_fieldmap_decide(rs_fieldmap *m, const rs_rowq *q, char delimiter,
                             const rs_classify_opts *o, rs_error *err)
{
	decide_false(m, q);
	decide_marks(m, q, delimiter, o->decimal_mark);
	m->fraction = m->pct_auto = 0;
	decide_fraction(m, RS_F_PURCHASE_SHARE, q, o->share_scale, o->notice, o->notice_ctx);
	decide_fraction(m, RS_F_PREVIOUS_SHARE, q, o->share_scale, o->notice, o->notice_ctx);
	rs_fieldmap_group(m); /* a share in fractions goes to parse_cell */
	return undecided(m, q, err);
}

/* Whether cell text t[0..n) shows the number the value's text v does, signs,
 * brackets, spaces and '%' aside ("500-", "(500)" and "120 %" do; "1.500,00"
 * and "88万" do not, and the reason then says what they were read as). */
static bool shows_value(const char *t, size_t n, const char *v)
{
	size_t i;

	v += *v == '-';
	for (i = 0; i < n; i++)
		if (t[i] == '\0' || strchr(" \t-+()%", t[i]) == NULL) {
			if (t[i] != *v)
				return false;
			v++;
		}
	return *v == '\0';
}

/* Field f's cell for a share reason: "500-" as written, "1.500,00" (read
 * as 1500); the value alone when no column gives it. */
static const char *shown_cell(const rs_fieldmap *m, const rs_row *row, const rs_account *a, int f,
                              char *buf, size_t cap)
{
	char val[72], num[32];
	long c = m->col[f];

	if (!rs_known(a, f))
		return "";
	(void)snprintf(num, sizeof num, "%.15g", a->v[f]);
	if (c < 0 || (size_t)c >= row->n + row->extra)
		(void)snprintf(buf, cap, "%s", num);
	else if (shows_value(row->cell[c], row->len[c], num))
		(void)snprintf(buf, cap, "\"%s\"", rs_field_shown(val, sizeof val, row->cell[c], row->len[c]));
	else
		(void)snprintf(buf, cap, rs_msg(m->lang, RS_M_READ_AS),
		               rs_field_shown(val, sizeof val, row->cell[c], row->len[c]), num);
	return buf;
}

/* What follows customer_spend in an over-spend reason: " in column
 * \"Einkauf\"" (" in column 5" under an empty header, as finish_map names
 * it), or "" when its header is the field's name or the reason's words
 * say it already (客户采购总额 customer_spend). */
static const char *spend_column(const rs_fieldmap *m, char *buf, size_t cap)
{
	const char *sw = m->where[RS_F_CUSTOMER_SPEND], *words = rs_msg(m->lang, RS_M_SHARE_SPEND);
	char col[RS_FIELD_WHERE_MAX + 16];
	size_t n = strlen(sw);

	if (n == 0 || (strncmp(words, sw, n) == 0 && words[n] == ' '))
		return "";
	(void)snprintf(col, sizeof col, "%s %ld", RS_COL(m->keys), m->col[RS_F_CUSTOMER_SPEND] + 1);
	if (strcmp(sw, col) == 0)
		(void)snprintf(col, sizeof col, rs_msg(m->lang, m->keys ? RS_M_KEY_AT : RS_M_COL_AT),
		               m->col[RS_F_CUSTOMER_SPEND] + 1);
	else
		(void)snprintf(col, sizeof col, "%s \"%s\"", rs_msg(m->lang, m->keys ? RS_M_KEY : RS_M_COL), sw);
	(void)snprintf(buf, cap, rs_msg(m->lang, RS_M_IN_COL), col);
	return buf;
}

void rs_fieldmap_share_reason(const rs_fieldmap *m, const rs_row *row, const rs_account *a,
                              rs_share_fault f, rs_error *err)
{
	char cell[4][128], spend[RS_FIELD_WHERE_MAX + 32];
	const char *const shown[4] = {
	    shown_cell(m, row, a, rs_share_field[0], cell[0], sizeof cell[0]),
	    shown_cell(m, row, a, rs_share_field[1], cell[1], sizeof cell[1]),
	    shown_cell(m, row, a, rs_share_field[2], cell[2], sizeof cell[2]),
	    shown_cell(m, row, a, rs_share_field[3], cell[3], sizeof cell[3])};
	int at = f == RS_SHARE_RANGE       ? RS_F_PURCHASE_SHARE
	         : f == RS_SHARE_PREV_RANGE ? RS_F_PREVIOUS_SHARE
	         : f == RS_SHARE_NEG_SPEND ? RS_F_CUSTOMER_SPEND
	         : f == RS_SHARE_NONE      ? -1
	                                   : RS_F_OUR_SALES;

	if (err == NULL || f == RS_SHARE_OK)
		return;
	rs_msg_share(err->msg, sizeof err->msg, m->lang, f, shown,
	             f == RS_SHARE_OVER_SPEND ? spend_column(m, spend, sizeof spend) : "");
	rs_error_where(err, "%s", at >= 0 ? m->where[at] : "");
	err->status = RS_EREJECT;
}
