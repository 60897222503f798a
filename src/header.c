/*
 * header.c - which record is a file's header (title rows above it are not
 * data), and which rows after it are not accounts: blank rows, totals rows,
 * and a report's footer, which is told from a bad row only by what follows
 * it, so such rows are held back (bounded, in a values rs_rowq) until an
 * account or the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "header.h"
#include "msg.h"
#include "previous_impl.h"

/* ------------------------------------------------------- header choice */

static bool same_row(const rs_row *a, const rs_row *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->len[i] != b->len[i] || memcmp(a->cell[i], b->cell[i], a->len[i]) != 0)
			return false;
	return true;
}

/* The messages' language: cfg may be NULL (the defaults, English). */
static rs_lang lang_of(const rs_fieldcfg *cfg)
{
	return cfg != NULL ? cfg->lang : RS_LANG_EN;
}

rs_status rs_header_pick(const rs_row *rec, unsigned long n, unsigned long forced,
                         const rs_fieldcfg *cfg, const rs_row *same, int *pick, rs_error *err)
{
	rs_fieldmap *m = NULL;
	rs_error quiet = {0};
	rs_status st;

	if (forced != 0 && rec->line >= forced && rec->reject != NULL)
		return rs_error_set(err, RS_EPARSE, rec->line, rs_msg(lang_of(cfg), RS_M_E_HEADER_ROW),
		                    rec->reject);
	if (forced != 0) {
		*pick = rec->line >= forced ? RS_PICK_HEADER : RS_PICK_TITLE;
		return RS_OK;
	}
	if (rec->reject != NULL) { /* the reader's: a NUL byte, bad quoting; never a header */
		*pick = n < RS_HEADER_SEARCH ? RS_PICK_TITLE : RS_PICK_NONE;
		return RS_OK;
	}
	if (same != NULL && same_row(rec, same)) {
		*pick = RS_PICK_HEADER;
		return RS_OK;
	}
	/* A header gives an id and a share. A later file's header that does
	 * but differs from the first is taken too: its difference is the error. */
	rs_error_clear(&quiet);
	st = rs_fieldmap_build(&m, rec, cfg, NULL, &quiet);
	rs_fieldmap_free(m);
	if (st == RS_ENOMEM)
		return rs_error_set(err, RS_ENOMEM, rec->line, "out of memory");
	*pick = st == RS_OK ? RS_PICK_HEADER : n < RS_HEADER_SEARCH ? RS_PICK_TITLE : RS_PICK_NONE;
	return RS_OK;
}

/* ------------------------------------------------------- rows to skip */

const char *rs_skip_name(int kind)
{
	static const char *const names[RS_SKIP_COUNT] = {"title", "blank", "totals", "footer"};

	return kind >= 0 && kind < RS_SKIP_COUNT ? names[kind] : "?";
}

static bool blank_cell(const rs_row *row, size_t i)
{
	const char *s = row->cell[i];
	size_t n = row->len[i];

	if (row->type != NULL && row->type[i] == RS_T_NULL)
		return true;
	rs_value_trim(&s, &n);
	return n == 0;
}

/* A cell of one mark repeated: a ruled line's "-----" or "=====" (SAP's
 * lists rule lines "|----+----|"), or a totals line's "*" or "**". */
static bool marks_cell(const rs_row *row, size_t i, const char *marks, size_t min, size_t max)
{
	const char *s = row->cell[i];
	size_t n = row->len[i], k;

	rs_value_trim(&s, &n);
	for (k = 0; k < n && s[k] != '\0' && strchr(marks, s[k]) != NULL; k++)
		;
	return k == n && n >= min && n <= max;
}

bool rs_header_blank(const rs_row *row)
{
	size_t i;

	if (row->reject != NULL)
		return false; /* a reader's reject: quoting, a NUL byte, bad JSON */
	for (i = 0; i < row->n; i++)
		if (!blank_cell(row, i) && !marks_cell(row, i, "-=+_", 3, SIZE_MAX))
			return false;
	return true;
}

/* A Chinese report's count line, folded: 共3户, 共 12 家, 共3条记录, 合计5家客户. */
static bool count_label(const char *norm)
{
	static const char *const heads[] = {"共", "合计", "总计", NULL};
	static const char *const units[] = {"户", "家", "条", "个", "项", "笔", "条记录", "家客户",
	                                    "个客户", "户客户", "位客户", NULL};
	size_t k, d;

	for (k = 0; heads[k] != NULL; k++)
		if (strncmp(norm, heads[k], strlen(heads[k])) == 0)
			break;
	if (heads[k] == NULL)
		return false;
	norm += strlen(heads[k]);
	for (d = 0; norm[d] >= '0' && norm[d] <= '9'; d++)
		;
	if (d == 0)
		return false;
	for (k = 0; units[k] != NULL; k++)
		if (strcmp(norm + d, units[k]) == 0)
			return true;
	return false;
}

/* Is cell i a totals word, in any case, width or spacing? */
static bool totals_cell(const rs_row *row, size_t i)
{
	static const char *const words[] = {"合计", "总计", "小计", "总合计", "共计", "本页合计", "本页小计",
	                                    "total", "totals", "grandtotal", "grandtotals", "sum",
	                                    "subtotal", "subtotals", "summe", "gesamt", "gesamtsumme",
	                                    "summegesamt", "insgesamt", "zwischensumme", "totaal",
	                                    "totalgeneral", "totalgénéral", "totale", "suma", "sumatotal",
	                                    "somme", "平均", "平均值", "均值", "average", "durchschnitt",
	                                    "mittelwert", "moyenne", "promedio",
	                                    /* Excel's and WPS's pivot and subtotal labels, a ledger's */
	                                    "汇总", "总汇总", "累计", "本年累计", "本月累计", "gesamtergebnis",
	                                    "totalecomplessivo",
	                                    /* a sheet's own: 总额, Summary, TOTAL ACCOUNTS */
	                                    "总额", "summary", "grandsummary", "totalaccounts", NULL};
	static const char *const brackets[][2] = {{"[", "]"}, {"(", ")"},
	                                          {"\xE3\x80\x90", "\xE3\x80\x91"}, /* 【】 */
	                                          {"\xE3\x80\x96", "\xE3\x80\x97"}, /* 〖〗 */
	                                          {"\xEF\xBC\x88", "\xEF\xBC\x89"}, /* （） */
	                                          {"\xE3\x80\x8A", "\xE3\x80\x8B"}}; /* 《》 */
	char norm[3 * 40 + 4];
	const char *s;
	size_t n, k, o, bo, bc;
	unsigned char c0;

	if (i >= row->n || row->len[i] > 40 || row->len[i] == 0)
		return false;
	/* Per row: most ids are no word at all. Totals words start with t, g,
	 * s, z, i (any case), 合 小 平 均 (E5), 总 本 (E6), 總 (E7), or are full
	 * width or spaced out; the average words with a, m, d, p, which start
	 * many codes too (ACC-0001): those need a cell without digits. */
	c0 = (unsigned char)row->cell[i][0];
	if (strchr("aAmMdDpP", c0) != NULL && c0 != '\0') {
		for (k = 0; k < row->len[i]; k++)
			if (row->cell[i][k] >= '0' && row->cell[i][k] <= '9')
				return false;
	} else if (strchr("tTgGsSzZiI \t[(", c0) == NULL && (c0 < 0xE5 || c0 > 0xE7) && c0 != 0xEF &&
	           c0 != 0xE3) {
		return false;
	}
	s = row->cell[i];
	n = row->len[i];
	for (k = 0; k < sizeof brackets / sizeof brackets[0]; k++) { /* 【合计】, [Total] */
		bo = strlen(brackets[k][0]);
		bc = strlen(brackets[k][1]);
		if (n > bo + bc && memcmp(s, brackets[k][0], bo) == 0 &&
		    memcmp(s + n - bc, brackets[k][1], bc) == 0) {
			s += bo;
			n -= bo + bc;
			break;
		}
	}
	n = rs_field_norm(s, n, 0, norm, sizeof norm);
	for (k = 0, o = 0; k < n; k++) /* "Grand Total", "合　计": one word */
		if (norm[k] != '_')
			norm[o++] = norm[k];
	norm[o] = '\0';
	for (k = 0; words[k] != NULL; k++)
		if (strcmp(norm, words[k]) == 0)
			return true;
	return count_label(norm);
}

/* Is the character before s[p] a CJK one (U+3000 .. U+9FFF)? */
static bool cjk_before(const char *s, size_t p)
{
	const unsigned char *u = (const unsigned char *)s;

	return p >= 3 && u[p - 3] >= 0xE3 && u[p - 3] <= 0xE9;
}

/* Per row: a cell holds 计 or 計 (E8 ..), full-width forms (EF ..), 汇 (E6 B1
 * 87), or "total", "summe" or "ergeb" in ASCII, any case, before it is
 * looked at more closely. */
static bool maybe_subtotal(const char *s, size_t n)
{
	static const char *const stems[] = {"total", "summe", "ergeb"};
	size_t i, k, j;

	if (memchr(s, 0xE8, n) != NULL || memchr(s, 0xEF, n) != NULL)
		return true;
	for (i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, "\xE6\xB1\x87", 3) == 0)
			return true;
	for (k = 0; k < 3; k++)
		for (i = 0; i + 5 <= n; i++) {
			for (j = 0; j < 5 && (s[i + j] | 0x20) == stems[k][j]; j++)
				;
			if (j == 5)
				return true;
		}
	return false;
}

/*
 * Is cell i a group's subtotal label: a subtotal word with the group's name
 * before or after it ("华东小计", "华北 合计", "小計：華南", "Jane Smith
 * Subtotal", "Subtotal: EMEA")? The word stands apart (a separator), or
 * after the CJK text it adjoins. Never plain total, sum, Summe or Gesamt:
 * companies are called "Total Petroleum" and "Elf Total".
 */
static bool subtotal_cell(const rs_row *row, size_t i)
{
	static const char *const words[] = {"小计", "合计", "总计", "汇总", "subtotal", "subtotals", "sub_total",
	                                    "sub_totals", "zwischensumme", "ergebnis",
	                                    NULL}; /* 小計 reads as 小计; "华东 汇总", "Ost Ergebnis": Excel's */
	char norm[3 * 80 + 4];
	size_t n, w, k;

	if (i >= row->n || row->len[i] > 80 || !maybe_subtotal(row->cell[i], row->len[i]))
		return false;
	n = rs_field_norm(row->cell[i], row->len[i], 0, norm, sizeof norm);
	for (k = 0; words[k] != NULL; k++) {
		w = strlen(words[k]);
		if (n <= w)
			continue;
		if (memcmp(norm, words[k], w) == 0 && norm[w] == '_')
			return true;
		if (memcmp(norm + n - w, words[k], w) == 0 &&
		    (norm[n - w - 1] == '_' || ((unsigned char)words[k][0] >= 0x80 && cjk_before(norm, n - w))))
			return true;
	}
	return false;
}

/* The agg a group's label in cell i ends with, or RS_AGG_NONE; `last`: the
 * bytes such a label may end with (a quick test, per row). */
static int group_label(const rs_row *row, size_t i, const char *last)
{
	static const struct {
		const char *w;
		unsigned char agg;
	} words[] = {
		{"_total", RS_AGG_SUM}, {"_totals", RS_AGG_SUM}, {"_summary", RS_AGG_SUM},
		{"合计", RS_AGG_SUM}, {"小计", RS_AGG_SUM}, {"总计", RS_AGG_SUM}, {"汇总", RS_AGG_SUM},
		/* "ACME合计": not a subtotal by its label alone; nor "East Average" */
		{"_average", RS_AGG_AVERAGE}, {"_mittelwert", RS_AGG_AVERAGE}, {"平均值", RS_AGG_AVERAGE},
		{"_count", RS_AGG_COUNT}, {"_anzahl", RS_AGG_COUNT}, {"计数", RS_AGG_COUNT},
		{"_max", RS_AGG_MAX}, {"_maximum", RS_AGG_MAX}, {"最大值", RS_AGG_MAX},
		{"_min", RS_AGG_MIN}, {"_minimum", RS_AGG_MIN}, {"最小值", RS_AGG_MIN},
		/* German Excel's grand rows, one word (Gesamtergebnis is totals_cell's) */
		{"gesamtmittelwert", RS_AGG_AVERAGE}, {"gesamtanzahl", RS_AGG_COUNT},
		{"gesamtmax", RS_AGG_MAX}, {"gesamtmin", RS_AGG_MIN}};
	char norm[3 * 80 + 4];
	const char *s;
	size_t n, w, k;

	if (i >= row->n || row->len[i] > 80)
		return RS_AGG_NONE;
	s = row->cell[i];
	n = row->len[i];
	rs_value_trim(&s, &n);
	/* 合计 alone is totals_cell's */
	if (n < 7 || strchr(last, s[n - 1]) == NULL)
		return RS_AGG_NONE;
	n = rs_field_norm(s, n, 0, norm, sizeof norm);
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		w = strlen(words[k].w);
		if (n >= w && memcmp(norm + n - w, words[k].w, w) == 0)
			return words[k].agg;
	}
	return RS_AGG_NONE;
}

/* Is cell i a whole number (a count), "3", not "C-0003"? */
static bool count_cell(const rs_row *row, size_t i)
{
	const char *s = row->cell[i];
	size_t n = row->len[i], k;

	rs_value_trim(&s, &n);
	for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++)
		;
	return n > 0 && n <= 9 && k == n;
}

int rs_header_group_total(const rs_row *row, long id_col)
{
	/* per row: most ids and names end otherwise than a label's last byte (l,
	 * s, y, e, t, x, n, m, ), 计 計 总 總 值 数); a count's label in t, l, 数 */
	const char *any = "lLsSyYeEtTxXnNmM)\xA1\x88\xBB\xBD\xBC\xB0", *count = "tTlL\xB0";
	size_t i = 0;
	bool id_count = false;
	int agg;

	if (id_col >= 0 && (size_t)id_col < row->n && !blank_cell(row, (size_t)id_col)) {
		if (!count_cell(row, (size_t)id_col))
			return group_label(row, (size_t)id_col, any);
		id_count = true; /* the label is in the group's column */
	}
	while (i < row->n && (blank_cell(row, i) || (id_count && (long)i == id_col)))
		i++;
	agg = group_label(row, i, id_count ? count : any);
	return id_count && agg != RS_AGG_COUNT ? RS_AGG_NONE : agg;
}

static bool summary_label(const rs_row *row, size_t i)
{
	return totals_cell(row, i) || subtotal_cell(row, i);
}

bool rs_header_totals(const rs_row *row, long id_col, long name_col)
{
	size_t i;

	/* SAP lists mark a totals line with * (** a higher level) in the id
	 * cell or, the id empty, the first filled one. */
	if (id_col >= 0 && (size_t)id_col < row->n && !blank_cell(row, (size_t)id_col))
		return summary_label(row, (size_t)id_col) || marks_cell(row, (size_t)id_col, "*", 1, 3);
	if (name_col >= 0 && summary_label(row, (size_t)name_col))
		return true;
	for (i = 0; i < row->n && blank_cell(row, i); i++)
		; /* a grouped report's label, "Jane Smith Subtotal", in its group's (first) column */
	return totals_cell(row, i) || (i == 0 && subtotal_cell(row, 0)) ||
	       (i < row->n && marks_cell(row, i, "*", 1, 3));
}

/* Does cell i read as words rather than a code or a number: a label
 * ("制表人：张三", "Generated By: ..."), a title, a sentence, or a printed
 * report's end-of-list mark 以下空白 ("blank below")? */
static bool text_cell(const rs_row *row, size_t i)
{
	const char *s = row->cell[i];
	size_t n = row->len[i];

	rs_value_trim(&s, &n);
	return memchr(s, ' ', n) != NULL || memchr(s, ':', n) != NULL ||
	       (n >= 3 && strstr(s, "\xEF\xBC\x9A") != NULL) || /* ： */
	       (n >= 12 && strstr(s, "以下空白") != NULL);
}

/*
 * A truncated last row ("A03,Acme") must stay a reject: so every filled
 * cell of a footer reads as words, and there are few of them.
 */
bool rs_header_footer_like(const rs_row *row, size_t ncols, long id_col)
{
	size_t i, filled = 0;

	if (row->reject != NULL)
		return false; /* a row the reader could not split is a broken account */
	for (i = 0; i < row->n; i++) {
		if (blank_cell(row, i))
			continue;
		if (!text_cell(row, i))
			return false;
		filled++;
	}
	if (filled == 0 || filled > 4)
		return false;
	if (row->n < ncols)
		return filled <= 3;
	return row->n == ncols && id_col >= 0; /* the id, if filled, is a label too */
}

/* ------------------------------------------------------------ intake */

void rs_intake_init(rs_intake *t, const rs_classify_opts *o, rs_stats *stats, unsigned long forced)
{
	memset(t, 0, sizeof *t);
	t->o = o;
	t->stats = stats;
	t->forced = forced;
}

void rs_intake_free(rs_intake *t)
{
	rs_rowq_free(t->first);
	rs_rowq_free(t->raw_hdr);
	rs_rowq_free(t->above);
	rs_rowq_free(t->joined);
	rs_rowq_free(t->hold);
}

void rs_intake_count_skip(rs_intake *t, const rs_row *row, int kind)
{
	t->stats->skipped[kind]++;
	if (t->o->on_skip != NULL)
		t->o->on_skip(t->o->ctx, row, kind);
}

const rs_row *rs_intake_first(rs_intake *t)
{
	return rs_rowq_row(t->first, 0);
}

const rs_row *rs_intake_first_header(rs_intake *t)
{
	return rs_rowq_row(t->raw_hdr, 0);
}

/*
 * A report's unit line above the header ("单位：万元", "金额单位：元" or 單位,
 * alone or beside other labels): the amounts' headers that name no unit are
 * in it. Only a unit ending in 元, so "往来单位：万达集团" is no unit.
 */
static void title_unit(rs_intake *t, const rs_row *in)
{
	static const char *const word[] = {"\xE5\x8D\x95\xE4\xBD\x8D", "\xE5\x96\xAE\xE4\xBD\x8D", NULL};
	const char *p, *e, *end;
	size_t i, k;

	for (i = 0; i < in->n && t->unit[0] == '\0'; i++)
		for (k = 0; word[k] != NULL; k++) {
			end = in->cell[i] + in->len[i];
			if ((p = strstr(in->cell[i], word[k])) == NULL || p >= end)
				continue;
			p += 6;
			while (p < end && (*p == ' ' || *p == ':'))
				p++;
			if (end - p >= 3 && memcmp(p, "\xEF\xBC\x9A", 3) == 0) /* ： */
				p += 3;
			for (e = p; e < end && *e != ' ' && *e != ')' && (unsigned char)*e != 0xEF; e++)
				; /* up to a blank or a closing bracket, ） too */
			if (e - p >= 3 && e - p <= 20 && memcmp(e - 3, "\xE5\x85\x83", 3) == 0) { /* 元 */
				(void)snprintf(t->unit, sizeof t->unit, "(%.*s)", (int)(e - p), p);
				t->unit_line = in->line;
			}
		}
}

const rs_row *rs_intake_two_rows(const rs_intake *t)
{
	return t->two_top != 0 ? rs_rowq_row(t->joined, 0) : NULL;
}

static bool label_cell(const rs_row *row, size_t i);

static void put_trimmed(rs_buf *b, const rs_row *row, size_t i)
{
	const char *s = row->cell[i];
	size_t n = row->len[i];

	rs_value_trim(&s, &n);
	(void)rs_buf_append(b, s, n);
}

/*
 * A two-row header (WPS, Kingdee): a period over its columns, merged across
 * them (本期 over 销售额 and 采购总额, 上期 over the same). The upper cell is
 * carried right over its merge's blanks and joined to each cell under it
 * ("本期 销售额"); an upper cell with nothing under it stands alone (客户编号).
 * Into t->joined; *ok when the rows have that shape.
 */
static rs_status join_rows(rs_intake *t, const rs_row *top, const rs_row *low, bool *ok,
                           rs_error *err)
{
	size_t n = top->n > low->n ? top->n : low->n, i, wide = 0, need = 1, spans = 0;
	const char **cell = rs_calloc(n + 1, sizeof *cell);
	size_t *len = rs_calloc(n + 1, sizeof *len);
	rs_buf b = {0};
	long carry = -1;
	rs_status st = RS_OK;

	*ok = false;
	for (i = 0; i < top->n; i++)
		wide = top->len[i] > wide ? top->len[i] : wide;
	for (i = 0; i < n; i++)
		need += wide + 2 + (i < low->n ? low->len[i] : 0);
	if (cell == NULL || len == NULL || !rs_buf_reserve(&b, need)) { /* b.data never moves */
		st = rs_error_set(err, RS_ENOMEM, low->line, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		bool up = i < top->n && !blank_cell(top, i), down = i < low->n && !blank_cell(low, i);
		if (down && !label_cell(low, i))
			goto done; /* a value: no header row */
		if (up)
			carry = down ? (long)i : -1;
		else if (!down)
			carry = -1;
		spans += !up && down && carry >= 0;
		cell[i] = b.data + b.len;
		if (up || (carry >= 0 && down))
			put_trimmed(&b, top, up ? i : (size_t)carry);
		if (down && b.data + b.len > cell[i])
			(void)rs_buf_putc(&b, ' ');
		if (down)
			put_trimmed(&b, low, i);
		len[i] = (size_t)(b.data + b.len - cell[i]);
		(void)rs_buf_putc(&b, '\0');
	}
	*ok = spans > 0;
	if (*ok)
		st = rs_rowq_keep(&t->joined, &(rs_row){n, cell, len, NULL, low->line, NULL, 0, NULL}, err);
done:
	rs_free(b.data);
	rs_free(cell);
	rs_free(len);
	return st;
}

/*
 * The -m that settles a two-row header whose period is unclear: the share's
 * fields as the first period's columns give them, by their joined names
 * (-m our_sales='2026年 销售额' -m customer_spend='2026年 采购总额'), found
 * by mapping the header with the other periods' cells left blank. Into out;
 * "-m FIELD=COLUMN" when that finds none.
 */
static rs_status period_example(const rs_row *top, const rs_row *low, const rs_row *j,
                                const rs_fieldcfg *cfg, char *out, size_t cap, rs_error *err)
{
	static const int want[] = {RS_F_PURCHASE_SHARE, RS_F_OUR_SALES, RS_F_CUSTOMER_SPEND};
	const char **cell = rs_calloc(j->n + 1, sizeof *cell);
	size_t *len = rs_calloc(j->n + 1, sizeof *len), i, k, n = 0;
	long *under = rs_calloc(j->n + 1, sizeof *under), carry = -1, first = -1, col;
	rs_fieldmap *m = NULL;
	rs_error why = {0};
	rs_status st = RS_OK;
	char q[128];

	(void)snprintf(out, cap, "-m FIELD=COLUMN");
	if (cell == NULL || len == NULL || under == NULL) {
		st = rs_error_set(err, RS_ENOMEM, low->line, "out of memory");
		goto done;
	}
	for (i = 0; i < j->n; i++) { /* the upper cell each column is under, as join_rows carries it */
		bool up = i < top->n && !blank_cell(top, i), down = i < low->n && !blank_cell(low, i);
		carry = up ? (down ? (long)i : -1) : down ? carry : -1;
		under[i] = carry;
		if (first < 0 && !up && carry >= 0)
			first = carry; /* the first upper cell merged over two or more */
	}
	for (i = 0; i < j->n; i++) {
		bool other = under[i] >= 0 && under[i] != first;
		cell[i] = other ? "" : j->cell[i];
		len[i] = other ? 0 : j->len[i];
	}
	why.lang = lang_of(cfg);
	st = rs_fieldmap_build(&m, &(rs_row){j->n, cell, len, NULL, j->line, NULL, 0, NULL}, cfg, NULL, &why);
	if (st == RS_ENOMEM) {
		st = rs_error_set(err, st, low->line, "out of memory");
		goto done;
	}
	st = RS_OK;
	for (k = 0; m != NULL && k < sizeof want / sizeof want[0] && n < cap && !(k == 1 && n > 0); k++) {
		if ((col = m->col[want[k]]) < 0 || under[col] != first)
			continue;
		(void)rs_field_quoted(q, sizeof q, j->cell[col], j->len[col]);
		n += (size_t)snprintf(out + n, cap - n, "%s-m %s=%s", n > 0 ? " " : "", rs_var_name(want[k]), q);
	}
	if (n >= cap)
		(void)snprintf(out, cap, "-m FIELD=COLUMN");
done:
	rs_fieldmap_free(m);
	rs_free(cell);
	rs_free(len);
	rs_free(under);
	return st;
}

/* Is `in` with the record above it a two-row header? A shape that gives an
 * id but no clear share (2025年 over one block, 2026年 over another; two
 * blocks with no period word) stops: its period cannot be told. */
static rs_status two_rows(rs_intake *t, const rs_row *in, const rs_fieldcfg *cfg, int *pick,
                          rs_error *err)
{
	const rs_row *top = rs_rowq_row(t->above, 0), *j;
	rs_fieldmap *m = NULL;
	rs_error why = {0};
	const char *a, *e;
	char eg[300];
	int p = RS_PICK_TITLE;
	bool ok = false, id;
	rs_status st;

	if (top == NULL || top->line + 1 != in->line || in->reject != NULL)
		return RS_OK;
	if ((st = join_rows(t, top, in, &ok, err)) != RS_OK || !ok)
		return st;
	j = rs_rowq_row(t->joined, 0);
	if ((st = rs_header_pick(j, 1, 0, cfg, rs_intake_first_header(t), &p, err)) != RS_OK)
		return st;
	if (p == RS_PICK_HEADER) {
		t->two_top = top->line;
		return *pick = RS_PICK_HEADER, RS_OK;
	}
	if (rs_intake_first_header(t) != NULL)
		return RS_OK;
	rs_error_clear(&why);
	why.lang = lang_of(cfg);
	st = rs_fieldmap_build(&m, j, cfg, NULL, &why);
	id = m != NULL && m->col[RS_F_ID] >= 0;
	rs_fieldmap_free(m);
	if (st == RS_ENOMEM || !id)
		return st == RS_ENOMEM ? rs_error_set(err, st, in->line, "out of memory") : RS_OK;
	/* the field map's "(columns '2026年 销售额', '2025年 销售额' all look like
	 * our_sales)", or "（列 ...）", cut to leave room for the example. No
	 * such doubt (a title row over the upper row: no share yet): read on. */
	if ((a = strstr(why.msg, "(column")) == NULL && (a = strstr(why.msg, "（列")) == NULL)
		return RS_OK;
	if ((st = period_example(top, in, j, cfg, eg, sizeof eg, err)) != RS_OK)
		return st;
	if ((e = strstr(a, ")")) == NULL && (e = strstr(a, "）")) == NULL)
		e = a + strlen(a);
	e = a + rs_utf8_cut(a, (size_t)(e - a), 160);
	return rs_error_set(err, RS_EUSAGE, in->line,
	                    "lines %lu and %lu read as one header (a period's cell merged over its "
	                    "columns, joined to the cells under it), but which period's columns to "
	                    "read is unclear %.*s): name them with -m, such as %s",
	                    top->line, in->line, (int)(e - a), a, eg);
}

rs_status rs_intake_record(rs_intake *t, const rs_row *in, bool tabular, const rs_fieldcfg *cfg,
                           bool *is_header, rs_error *err)
{
	int pick = RS_PICK_HEADER;
	rs_status st;

	*is_header = false;
	t->tabular = tabular;
	t->two_top = 0;
	if (tabular) {
		t->records++;
		if (in->n > t->widest)
			t->widest = in->n;
		st = rs_header_pick(in, t->records, t->forced, cfg, rs_intake_first_header(t), &pick, err);
		if (st == RS_OK && pick != RS_PICK_HEADER && t->forced == 0)
			st = two_rows(t, in, cfg, &pick, err);
		if (st != RS_OK)
			return st;
		if (t->title_above && t->two_top == 0) /* not the upper row of this header */
			rs_intake_count_skip(t, rs_rowq_row(t->above, 0), RS_SKIP_TITLE);
		t->title_above = false;
		if (pick != RS_PICK_HEADER && t->records < RS_HEADER_SEARCH) {
			if ((st = rs_rowq_keep(&t->above, in, err)) != RS_OK)
				return st;
			t->title_above = pick == RS_PICK_TITLE;
		}
	}
	if (pick == RS_PICK_HEADER)
		return *is_header = true, RS_OK;
	if (rs_intake_first(t) == NULL && (st = rs_rowq_keep(&t->first, in, err)) != RS_OK)
		return st;
	if (pick == RS_PICK_NONE)
		return rs_error_set(err, RS_EPARSE, in->line, "%s", rs_msg(lang_of(cfg), RS_M_E_NO_HEADER));
	if (tabular)
		title_unit(t, in);
	if (!t->title_above) /* else counted at the next record, when it is not the header's upper row */
		rs_intake_count_skip(t, in, RS_SKIP_TITLE);
	return RS_OK;
}

rs_status rs_intake_taken(rs_intake *t, const rs_row *in, rs_fieldmap *m, rs_error *err)
{
	rs_status st;
	int f;

	t->file_header = true;
	t->hdr_line = in->line;
	t->records = 0;
	t->widest = 0;
	rs_rowq_drop(t->first, SIZE_MAX);
	rs_rowq_drop(t->above, SIZE_MAX);
	if (rs_intake_first_header(t) != NULL)
		return RS_OK; /* a later file: the same columns, checked already */
	if ((st = rs_rowq_keep(&t->raw_hdr, in, err)) != RS_OK)
		return st;
	t->map = m;
	for (f = 0; f < RS_F_COUNT && t->o->on_reject != NULL; f++)
		if (m->how[f] == RS_HOW_ALIAS || m->how[f] == RS_HOW_WORDS)
			t->probe_fields |= 1u << f;
	t->probing = t->probe_fields != 0;
	return RS_OK;
}

/* A label, not a value: no digit but a year's four (2025, 2025年, FY2025). */
static bool label_cell(const rs_row *row, size_t i)
{
	size_t k, digits = 0, runs = 0;

	for (k = 0; k < row->len[i]; k++)
		if (row->cell[i][k] >= '0' && row->cell[i][k] <= '9') {
			runs += digits == 0 || row->cell[i][k - 1] < '0' || row->cell[i][k - 1] > '9';
			digits++;
		}
	return digits == 0 || (digits == 4 && runs == 1);
}

static bool filled(const rs_row *row, long c)
{
	return c >= 0 && (size_t)c < row->n && !blank_cell(row, (size_t)c);
}

/*
 * A second header row right under the header h: units (%, 万元) or the
 * sub-columns of a header cell merged across several (采购占比 over 2025 and
 * 2026). No id or name, every filled cell a label, one of them under a
 * number field or under an empty header cell.
 */
static bool sub_header(const rs_intake *t, const rs_row *row, const rs_row *h)
{
	const rs_fieldmap *m = t->map;
	bool under = false;
	size_t i;
	int f;

	if (row->line != t->hdr_line + 1 || !t->tabular || row->reject != NULL ||
	    filled(row, m->col[RS_F_ID]) || filled(row, m->col[RS_F_NAME]))
		return false;
	for (i = 0; i < row->n; i++)
		if (!blank_cell(row, i) && !label_cell(row, i))
			return false;
		else if (!blank_cell(row, i) && !filled(h, (long)i))
			under = true;
	for (f = 0; f < RS_F_COUNT; f++)
		under = under || (rs_var_kind(f) == RS_KIND_NUMBER && filled(row, m->col[f]));
	return under;
}

/* A field found by a name under which a merged header cell has two labels
 * is in doubt; so are amounts that the row gives in different units. */
static rs_status sub_header_check(rs_intake *t, const rs_row *row, const rs_row *h, rs_error *err)
{
	rs_fieldmap *m = t->map;
	char top[48], a[48], b[48];
	int f;

	for (f = 0; f < RS_F_COUNT; f++) {
		long c = m->col[f];
		if (m->how[f] >= RS_HOW_MAP || !filled(row, c) || !filled(row, c + 1) || filled(h, c + 1))
			continue; /* the user named the column (-m, map file), or no merged cell */
		return rs_error_set(err, RS_EUSAGE, row->line,
		                    "a second header row: %s's header \"%s\" stands over \"%s\" and \"%s\" "
		                    "(columns %ld and %ld), a cell merged across them; say which is %s with "
		                    "-m %s=#%ld or -m %s=#%ld",
		                    rs_var_name(f), rs_field_shown(top, sizeof top, h->cell[c], h->len[c]),
		                    rs_field_shown(a, sizeof a, row->cell[c], row->len[c]),
		                    rs_field_shown(b, sizeof b, row->cell[c + 1], row->len[c + 1]), c + 1, c + 2,
		                    rs_var_name(f), rs_var_name(f), c + 1, rs_var_name(f), c + 2);
	}
	return rs_fieldmap_check_subunits(m, h, row, err);
}

/* A Salesforce report's group header, the one filled cell of its row, id
 * and name empty: "Jane Smith (3 records)", "Owner: Jane Smith (3
 * records)", German "Jane Smith (3 Datensätze)". */
static bool group_header(const rs_intake *t, const rs_row *row)
{
	static const char *const words[] = {" records)", " record)", " Datensätze)", " Datensatz)",
	                                    NULL};
	const char *s = NULL;
	size_t i, n = 0, k, w = 0, digits = 0;

	if (!t->tabular || row->reject != NULL)
		return false;
	for (i = 0; i < row->n; i++)
		if (!blank_cell(row, i)) {
			if (s != NULL || (long)i == t->map->col[RS_F_ID] ||
			    (long)i == t->map->col[RS_F_NAME])
				return false;
			s = row->cell[i];
			n = row->len[i];
		}
	if (s == NULL)
		return false;
	rs_value_trim(&s, &n);
	for (k = 0; words[k] != NULL; k++)
		if ((w = strlen(words[k])) < n && memcmp(s + n - w, words[k], w) == 0)
			break;
	if (words[k] == NULL)
		return false;
	for (n -= w; n > 0 && strchr("0123456789,.", s[n - 1]) != NULL && s[n - 1] != '\0'; n--)
		digits += s[n - 1] >= '0' && s[n - 1] <= '9';
	return digits > 0 && n > 1 && s[n - 1] == '(';
}

/* The header again, cell for cell (a report printed page by page, two
 * exports joined with cat): the id cell first, as most rows differ there. */
static bool header_again(const rs_intake *t, const rs_row *row, const rs_row *h)
{
	long id = t->map->col[RS_F_ID];
	size_t i;

	if (!t->tabular || row->reject != NULL || row->n != h->n || id < 0 || (size_t)id >= row->n)
		return false;
	for (i = (size_t)id;; i = i + 1 == row->n ? 0 : i + 1) {
		const char *a = row->cell[i], *b = h->cell[i];
		size_t na = row->len[i], nb = h->len[i];
		if (i == 0 && na >= 3 && memcmp(a, "\xEF\xBB\xBF", 3) == 0) { /* the BOM of the file cat joined */
			a += 3;
			na -= 3;
		}
		rs_value_trim(&a, &na);
		rs_value_trim(&b, &nb);
		if (na != nb || memcmp(a, b, na) != 0)
			return false;
		if ((i + 1 == row->n ? 0 : i + 1) == (size_t)id)
			return true;
	}
}

rs_status rs_intake_skip(rs_intake *t, const rs_row *in, int *kind, rs_error *err)
{
	const rs_row *h = rs_intake_first_header(t);
	rs_status st;

	*kind = -1;
	if (rs_header_blank(in))
		*kind = RS_SKIP_BLANK;
	else if (t->tabular && in->reject == NULL &&
	         rs_header_totals(in, t->map->col[RS_F_ID], t->map->col[RS_F_NAME]))
		*kind = RS_SKIP_TOTALS;
	else if (h != NULL && header_again(t, in, h))
		*kind = RS_SKIP_TITLE;
	else if (group_header(t, in))
		*kind = RS_SKIP_TITLE;
	else if (h != NULL && sub_header(t, in, h)) {
		if ((st = sub_header_check(t, in, h, err)) != RS_OK)
			return st;
		*kind = RS_SKIP_TITLE;
	}
	if (*kind >= 0)
		rs_intake_count_skip(t, in, *kind);
	return RS_OK;
}

/*
 * A rejected row goes out: counted, its id no longer "vanished". A row with
 * too few or too many cells still names its account where it has the id
 * column; a cell that is no id of the previous run marks nothing.
 */
static rs_status deliver(rs_intake *t, const rs_row *row, rs_error *why, rs_error *err)
{
	long id = t->map->col[RS_F_ID];

	if (t->o->previous != NULL && row->reject == NULL && id >= 0 && (size_t)id < row->n) {
		const char *s = row->cell[id];
		size_t n = row->len[id];
		rs_value_trim(&s, &n);
		if (n > 0)
			rs_previous_reject(t->o->previous, s, n, row->line);
	}
	t->stats->rejected++;
	return t->o->on_reject(t->o->ctx, row, why, err);
}

/* The first k held rows go out as rejects. */
static rs_status release(rs_intake *t, size_t k, rs_error *err)
{
	rs_status st;
	size_t i;

	for (i = 0; i < k; i++)
		if ((st = deliver(t, rs_rowq_row(t->hold, i), &t->held[i].why, err)) != RS_OK)
			return st;
	rs_rowq_drop(t->hold, k);
	memmove(t->held, t->held + k, (t->nheld - k) * sizeof t->held[0]);
	t->nheld -= k;
	return RS_OK;
}

/* Holds row back with why: RS_ELIMIT when it does not fit even alone. */
static rs_status hold(rs_intake *t, const rs_row *row, const rs_error *why, bool footer, rs_error *err)
{
	rs_status st;

	if (t->hold == NULL && (st = rs_rowq_new(&t->hold, RS_HOLD_ROWS, RS_HOLD_BYTES, err)) != RS_OK)
		return st;
	while ((st = rs_rowq_push(t->hold, row, err)) == RS_ELIMIT && t->nheld > 0)
		if ((st = release(t, 1, err)) != RS_OK) /* the oldest goes out to make room */
			return st;
	if (st != RS_OK)
		return st;
	t->held[t->nheld].why = *why;
	t->held[t->nheld++].footer = footer;
	return RS_OK;
}

/* How many held rows, from the first, cannot be a footer: an account or a
 * row unlike a footer came after them. */
static size_t not_footer(const rs_intake *t)
{
	size_t k = t->nheld;

	while (k > 0 && t->held[k - 1].footer)
		k--;
	return k;
}

static void probe_count(rs_intake *t, const rs_row *in, uint32_t failed)
{
	uint32_t bits = failed & t->probe_fields;
	int f;

	t->probe_rows++;
	for (f = 0; bits != 0; f++, bits >>= 1) {
		long col = t->map->col[f];
		/* "8.8E+05" is the field, cut by Excel, and "局长" a level the title
		 * does not tell: the row's reject says so */
		if (!(bits & 1) || rs_value_sci_digits(in->cell[col], in->len[col]) > 0 ||
		    (rs_field_kinds[f] == RS_KIND_LEVEL &&
		     rs_value_level_unclear(in->cell[col], in->len[col]) != NULL) ||
		    t->fails[f]++ > 0)
			continue;
		t->fail_line[f] = in->line;
		(void)rs_field_shown(t->fail_text[f], sizeof t->fail_text[f], in->cell[col], in->len[col]);
	}
}

/*
 * The first rows' check: a column that a built-in name or its words gave a
 * field, and that does not read as one in most of the rows checked (a
 * "Sales" column of salespeople's names), stops the run before anything is
 * written: it is a wrong guess, and every row would be rejected for it.
 */
static rs_status probe_decide(rs_intake *t, rs_error *err)
{
	const rs_fieldmap *m = t->map;
	rs_lang g = t->o->lang;
	const char *word = rs_msg(g, m->keys ? RS_M_KEY : RS_M_COL);
	char by[120], first[120];
	int f;

	t->probing = false;
	err->where[0] = '\0';
	for (f = 0; f < RS_F_COUNT; f++) {
		const char *col = m->where[f][0] ? m->where[f] : rs_var_name(f);
		if (!(t->probe_fields >> f & 1) || t->fails[f] < 2 || 2 * t->fails[f] <= t->probe_rows)
			continue;
		if (m->how[f] == RS_HOW_WORDS)
			(void)snprintf(by, sizeof by, rs_msg(g, RS_M_E_HELD_WORDS + m->keys), m->matched[f]);
		else
			(void)snprintf(by, sizeof by, "%s", rs_msg(g, RS_M_E_HELD_ALIAS + m->keys));
		(void)snprintf(first, sizeof first, rs_msg(g, RS_M_E_HELD_LINE), t->fail_line[f],
		               t->fail_text[f]);
		return rs_error_set(err, RS_EUSAGE, t->hdr_line, rs_msg(g, RS_M_E_HELD), word, col,
		                    rs_var_name(f), by, t->fails[f], t->probe_rows, first,
		                    rs_var_name(f), col, rs_var_name(f), rs_var_name(f),
		                    RS_COLUMN(m->keys), word);
	}
	return release(t, not_footer(t), err);
}

rs_status rs_intake_outcome(rs_intake *t, const rs_row *in, bool ok, uint32_t failed,
                            rs_error *why, rs_error *err)
{
	bool footer;
	size_t i;
	rs_status st;

	if (t->probing) {
		probe_count(t, in, failed);
		if (t->probe_rows >= RS_PROBE_ROWS && (st = probe_decide(t, err)) != RS_OK)
			return st;
	}
	if (ok) {
		if (t->nheld == 0)
			return RS_OK;
		for (i = 0; i < t->nheld; i++)
			t->held[i].footer = false;
		return t->probing ? RS_OK : release(t, t->nheld, err);
	}
	footer = t->tabular && rs_header_footer_like(in, t->map->ncols, t->map->col[RS_F_ID]);
	if (t->probing || footer) {
		st = hold(t, in, why, footer, err);
		if (st != RS_ELIMIT)
			return st; /* held, or an error */
	}
	if ((st = release(t, t->nheld, err)) != RS_OK)
		return st;
	return deliver(t, in, why, err);
}

rs_status rs_intake_end(rs_intake *t, rs_error *err)
{
	const rs_row *row;
	rs_status st;
	size_t i;

	err->where[0] = '\0';
	if (t->title_above) /* the last record, a title row with no header under it */
		rs_intake_count_skip(t, rs_rowq_row(t->above, 0), RS_SKIP_TITLE);
	t->title_above = false;
	if (!t->file_header) {
		if (rs_intake_first(t) == NULL)
			return RS_OK; /* no record at all: the reader said so */
		if (t->forced != 0)
			return rs_error_set(err, RS_EUSAGE, 0, "no record starts on or after line %lu, "
			                    "the header row asked for", t->forced);
		return rs_error_set(err, RS_EPARSE, 0, "no header row");
	}
	if (t->probing && t->probe_rows > 0 && (st = probe_decide(t, err)) != RS_OK)
		return st;
	if ((st = release(t, not_footer(t), err)) != RS_OK)
		return st;
	for (i = 0; (row = rs_rowq_row(t->hold, i)) != NULL; i++)
		rs_intake_count_skip(t, row, RS_SKIP_FOOTER);
	rs_rowq_drop(t->hold, SIZE_MAX);
	t->nheld = 0;
	t->file_header = false;
	t->records = 0;
	t->widest = 0;
	return RS_OK;
}
