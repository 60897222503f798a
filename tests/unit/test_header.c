/* test_header.c - which record is the header, which rows are not accounts
 * (blank, totals, a report's footer held back), the first rows' check, an
 * earlier run's columns, and the classifier driving them (header.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "previous_impl.h"

#include "fixture_rules.h"
#include "test_row.h"

/* ------------------------------------------------------- rows to skip */

static void test_blank_rows_are_every_cell_empty_or_blank(void **state)
{
	trow t;
	static const unsigned char nulls[3] = {RS_T_NULL, RS_T_NULL, RS_T_NULL};

	(void)state;
	assert_true(rs_header_blank(row_of(&t, "||||", 4)));
	assert_true(rs_header_blank(row_of(&t, " | \t|\xE3\x80\x80", 4))); /* U+3000 */
	assert_false(rs_header_blank(row_of(&t, "||x|", 4)));
	row_of(&t, "a|b|c", 4);
	t.row.type = nulls;
	assert_true(rs_header_blank(&t.row)); /* a JSON record of nulls */
	row_of(&t, "||", 4);
	t.row.reject = "malformed quoting";
	assert_false(rs_header_blank(&t.row)); /* the reader's reject stays one */
}

/* Each row of rows ("cell|cell|...", id first, name second) is a totals row. */
static void each_totals(const char *const *rows, size_t n)
{
	trow t;
	size_t i;

	for (i = 0; i < n; i++)
		if (!rs_header_totals(row_of(&t, rows[i], 9), 0, 1))
			fail_msg("\"%s\" is a totals row", rows[i]);
}

static void test_totals_rows_in_any_case_width_and_language(void **state)
{
	static const char *const yes[] = {"合计|||5", "总计|||5", "小计|||5", "TOTAL|||5", "Grand Total:|||5",
	                                  "grand totals (9 records)|||5", "Sum|||5", "Sub-Total|||5",
	                                  "合\xE3\x80\x80计|||5", "ｔｏｔａｌ|||5", "小计：|||5", "Summe|||5",
	                                  "GESAMT|||5", "Zwischensumme:|||5",
	                                  /* as Taiwan's, Hong Kong's and continental exports write them */
	                                  "合計|||5", "總計|||5", "小計|||5", "共計|||5", "本页合计|||5",
	                                  "本頁合計|||5", "Summe gesamt|||5", "Insgesamt|||5",
	                                  "Totaal|||5", "TOTAL GENERAL|||5", "Total général|||5",
	                                  "Suma|||5", "Suma total|||5", "Totale|||5", "Somme|||5",
	                                  /* pivot tables' and ledgers' grand totals */
	                                  "汇总|||5", "累计|||5", "本年累计|||5", "Gesamtergebnis|||5",
	                                  "Totale complessivo|||5",
	                                  /* a label in brackets, as a report sets it apart */
	                                  "【合计】|||5", "〖总计〗|||5", "（小计）|||5", "[Total]|||5",
	                                  "(合计)|||5", "|【合计】||5"};
	trow t;

	(void)state;
	each_totals(yes, sizeof yes / sizeof yes[0]);
	/* the id empty: the name, or the first filled cell (a 序号 column) */
	assert_true(rs_header_totals(row_of(&t, "|合计||5", 9), 0, 1));
	assert_true(rs_header_totals(row_of(&t, "合计|||5", 9), 1, 2));
	/* an account named Total, with an id, is an account */
	assert_false(rs_header_totals(row_of(&t, "C100|Total|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Totalenergies|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Zwickau GmbH|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Sumatra Trading|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Totale Energie|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "|||", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "【华东】|x|40", 9), 0, 1)); /* a bracket alone */
	assert_false(rs_header_totals(row_of(&t, "(K04)|x|40", 9), 0, 1));
}

/* A Chinese report's count line (共 3 户, 共3条记录) ends the list: a totals
 * row or a footer, never an account named so (found by the audit2 helper). */
static void test_a_count_line_is_a_totals_row(void **state)
{
	static const char *const yes[] = {"共 3 户|||5", "共3户|||5", "共 12 家|||5", "共3条记录|||",
	                                  "合计 5 家客户|||5", "共 3 戶|||5", "共１２家|||5",
	                                  "总计 2 个客户|||5"};
	trow t;

	(void)state;
	each_totals(yes, sizeof yes / sizeof yes[0]);
	assert_false(rs_header_totals(row_of(&t, "共享科技|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "共3|x|40", 9), 0, 1)); /* no unit */
	assert_false(rs_header_totals(row_of(&t, "共户|x|40", 9), 0, 1)); /* no number */
	assert_false(rs_header_totals(row_of(&t, "共3户口|x|40", 9), 0, 1));
}

/* A report's average row (平均, Average, Durchschnitt) sums the accounts up
 * as a totals row does: skipped, never scored as an account named Average. */
static void test_average_rows_are_totals_rows(void **state)
{
	static const char *const yes[] = {"平均|||5", "平均值|||5", "均值|||5", "Average|||5",
	                                  "Durchschnitt|||5", "Mittelwert|||5", "Moyenne|||5",
	                                  "Promedio|||5", "Average:|||5"};
	trow t;

	(void)state;
	each_totals(yes, sizeof yes / sizeof yes[0]);
	assert_true(rs_header_totals(row_of(&t, "|平均||5", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "A100|Average|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "ACC-0001|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Meander GmbH|x|40", 9), 0, 1));
	/* a short code is a customer's (AVG Technologies), not an average */
	assert_false(rs_header_totals(row_of(&t, "AVG|x|40", 9), 0, 1));
}

static void test_subtotal_rows_of_a_group_are_totals_rows(void **state)
{
	static const char *const yes[] = {"华东小计|||5", "华北 合计|||5", "小計：華南|||5",
	                                  "Jane Smith Subtotal|||5", "Subtotal: EMEA|||5",
	                                  "华南地区总计|||5", "Sub-Total - APAC|||5", "ＥＭＥＡ　ｓｕｂｔｏｔａｌ|||5",
	                                  "Zwischensumme Süd|||5", "华东小计（3户）|||5",
	                                  /* Excel's Subtotal in Chinese and German: "华东 汇总", "Ost Ergebnis" */
	                                  "华东 汇总|||5", "华东汇总|||5", "Ost Ergebnis|||5"};
	trow t;

	(void)state;
	each_totals(yes, sizeof yes / sizeof yes[0]);
	/* the id empty: the name is the label */
	assert_true(rs_header_totals(row_of(&t, "|华东 小计||5", 9), 0, 1));
	/* plain total, sum, Summe or Gesamt with a prefix: a company's name */
	assert_false(rs_header_totals(row_of(&t, "Total Petroleum|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Elf Total|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Sum Holdings|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Summe AG|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Gesamt Logistik|x|40", 9), 0, 1));
	/* the word inside a longer word or code is no label */
	assert_false(rs_header_totals(row_of(&t, "SubtotalCorp|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "ACME小计|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "上海合计宝科技|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "汇总科技|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Ergebnisse AG|x|40", 9), 0, 1));
	/* a label in the name is a summary only when the id is empty */
	assert_false(rs_header_totals(row_of(&t, "C100|华东小计|40", 9), 0, 1));
	/* nor in another cell than the id or the name */
	assert_false(rs_header_totals(row_of(&t, "||华东小计|5", 9), 0, 1));
	/* but for the first column, where a report grouped by owner writes it,
	 * with the id and the name empty */
	assert_true(rs_header_totals(row_of(&t, "Jane Smith Subtotal|||5", 9), 1, 2));
	assert_false(rs_header_totals(row_of(&t, "Jane Smith Subtotal|C1||5", 9), 1, 2));
	assert_false(rs_header_totals(row_of(&t, "Jane Smith|||5", 9), 1, 2));
}

/* A sheet's own totals words, bare in the id cell: never an account. */
static void test_a_sheets_own_totals_words_are_totals_rows(void **state)
{
	static const char *const yes[] = {"总额|||5", "Summary|||5", "Grand Summary|||5",
	                                  "TOTAL ACCOUNTS|||5", "Total Accounts:|||5"};
	trow t;

	(void)state;
	each_totals(yes, sizeof yes / sizeof yes[0]);
	assert_true(rs_header_totals(row_of(&t, "|Summary||5", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "Summary Analytics|x|40", 9), 0, 1));
	assert_false(rs_header_totals(row_of(&t, "总额科技|x|40", 9), 0, 1));
}

/* Excel's Subtotal of its other functions: the label says which (Average,
 * Count, Max, Min; German, Chinese; the grand rows); Count given to the id
 * column puts a whole number there and the label in the group's column. */
static void test_a_subtotal_label_says_its_function(void **state)
{
	trow t;

	(void)state;
	assert_int_equal(rs_header_group_total(row_of(&t, "East Total|||5", 9), 0), RS_AGG_SUM);
	assert_int_equal(rs_header_group_total(row_of(&t, "|East Average||5", 9), 0), RS_AGG_AVERAGE);
	assert_int_equal(rs_header_group_total(row_of(&t, "|Grand Average||5", 9), 0), RS_AGG_AVERAGE);
	assert_int_equal(rs_header_group_total(row_of(&t, "Ost Mittelwert|||5", 9), 0), RS_AGG_AVERAGE);
	assert_int_equal(rs_header_group_total(row_of(&t, "Gesamtmittelwert|||5", 9), 0), RS_AGG_AVERAGE);
	assert_int_equal(rs_header_group_total(row_of(&t, "华东 平均值|||5", 9), 0), RS_AGG_AVERAGE);
	assert_int_equal(rs_header_group_total(row_of(&t, "总计平均值|||5", 9), 0), RS_AGG_AVERAGE);
	assert_int_equal(rs_header_group_total(row_of(&t, "East Count|||5", 9), 0), RS_AGG_COUNT);
	assert_int_equal(rs_header_group_total(row_of(&t, "Ost Anzahl|||5", 9), 0), RS_AGG_COUNT);
	assert_int_equal(rs_header_group_total(row_of(&t, "华东 计数|||5", 9), 0), RS_AGG_COUNT);
	assert_int_equal(rs_header_group_total(row_of(&t, "Grand Max|||5", 9), 0), RS_AGG_MAX);
	assert_int_equal(rs_header_group_total(row_of(&t, "华东 最大值|||5", 9), 0), RS_AGG_MAX);
	assert_int_equal(rs_header_group_total(row_of(&t, "East Min|||5", 9), 0), RS_AGG_MIN);
	/* a count in the id column, the label beside it: a Count row only */
	assert_int_equal(rs_header_group_total(row_of(&t, "East Count|3||3", 9), 1), RS_AGG_COUNT);
	assert_int_equal(rs_header_group_total(row_of(&t, "East Average|3||3", 9), 1), RS_AGG_NONE);
	assert_int_equal(rs_header_group_total(row_of(&t, "East|E03|Acme Count|3", 9), 1), RS_AGG_NONE);
	/* words inside a name, or too short a cell */
	assert_int_equal(rs_header_group_total(row_of(&t, "Countdown|||5", 9), 0), RS_AGG_NONE);
	assert_int_equal(rs_header_group_total(row_of(&t, "Maxim|||5", 9), 0), RS_AGG_NONE);
	assert_int_equal(rs_header_group_total(row_of(&t, "Min|||5", 9), 0), RS_AGG_NONE);
}

/* "East Total": a group's total in English Excel's Subtotal, or a company;
 * the shape only (classify.c asks the amounts). */
static void test_a_group_total_label_is_told_by_its_shape(void **state)
{
	trow t;

	(void)state;
	assert_true(rs_header_group_total(row_of(&t, "East Total|||5", 9), 0));
	assert_true(rs_header_group_total(row_of(&t, "Jane Smith Totals|||5", 9), 0));
	assert_true(rs_header_group_total(row_of(&t, "EMEA Summary|||5", 9), 0));
	assert_true(rs_header_group_total(row_of(&t, "East Total (3 records)|||5", 9), 0));
	assert_true(rs_header_group_total(row_of(&t, "ACME合计|||5", 9), 0));
	assert_true(rs_header_group_total(row_of(&t, "ACME小計|||5", 9), 0));
	assert_false(rs_header_group_total(row_of(&t, "上海合计宝科技|||5", 9), 0));
	/* the id empty: the first filled cell, the group's column */
	assert_true(rs_header_group_total(row_of(&t, "|||East Total|5", 9), 0));
	assert_true(rs_header_group_total(row_of(&t, "West Total||||5", 9), 1));
	assert_false(rs_header_group_total(row_of(&t, "A1|||East Total|5", 9), 0));
	assert_false(rs_header_group_total(row_of(&t, "Total Petroleum|||5", 9), 0));
	assert_false(rs_header_group_total(row_of(&t, "Totals|||5", 9), 0));
	assert_false(rs_header_group_total(row_of(&t, "ACC-0001|x|40", 9), 0));
	assert_false(rs_header_group_total(row_of(&t, "Totalsummary|x|40", 9), 0));
}

static void test_footer_rows_read_as_words(void **state)
{
	trow t;

	(void)state;
	/* Salesforce: one-cell rows after the data */
	assert_true(rs_header_footer_like(row_of(&t, "Generated By:  Jane Smith  12/1/2026", 9), 5, 0));
	assert_true(rs_header_footer_like(row_of(&t, "Confidential Information - Do Not Distribute", 9), 5, 0));
	/* Kingdee: padded to full width, labels, the id column empty */
	assert_true(rs_header_footer_like(row_of(&t, "制表人：张伟||审核人：李娜||打印日期：2026-12-01", 9), 5, 1));
	/* a truncated last account is a reject, not a footer */
	assert_false(rs_header_footer_like(row_of(&t, "A03", 9), 5, 0));
	assert_false(rs_header_footer_like(row_of(&t, "A03|Acme Corp", 9), 5, 0));
	/* an account without its share, an id, numbers: not a footer */
	assert_false(rs_header_footer_like(row_of(&t, "C1|Acme Corp|||", 9), 5, 0));
	assert_false(rs_header_footer_like(row_of(&t, "|Acme Corp|45||", 9), 5, 0));
	/* too many cells, or what the reader could not split */
	assert_false(rs_header_footer_like(row_of(&t, "a b|c d|e f|g h|i j", 9), 5, 0));
	row_of(&t, "Generated By: x", 9);
	t.row.reject = "malformed quoting";
	assert_false(rs_header_footer_like(&t.row, 5, 0));
}

/* ------------------------------------------------------- header choice */

static void test_header_is_the_first_record_with_an_id_and_a_share(void **state)
{
	trow t, same;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	int pick;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_header_pick(row_of(&t, "Accounts report||", 1), 1, 0, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_TITLE);
	assert_int_equal(rs_header_pick(row_of(&t, "客户编码|客户名称|采购份额", 3), 3, 0, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_HEADER);
	/* our_sales with customer_spend is a share too */
	assert_int_equal(rs_header_pick(row_of(&t, "Account ID|Our Revenue|Total Spend", 2), 2, 0, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_HEADER);
	/* a data row is a title only within the first 20 */
	assert_int_equal(rs_header_pick(row_of(&t, "C1|Acme|40", 5), 20, 0, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_NONE);
	/* forced: by line */
	assert_int_equal(rs_header_pick(row_of(&t, "id|share", 2), 2, 3, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_TITLE);
	assert_int_equal(rs_header_pick(row_of(&t, "whatever", 4), 3, 3, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_HEADER);
	/* a row the reader rejected (a NUL byte, bad quoting) is never a header;
	 * named by --header-row, it stops the run */
	(void)row_of(&t, "id|share", 3);
	t.row.reject = "NUL byte in field 1";
	assert_int_equal(rs_header_pick(&t.row, 3, 0, NULL, NULL, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_TITLE);
	assert_int_equal(rs_header_pick(&t.row, 3, 3, NULL, NULL, &pick, &err), RS_EPARSE);
	assert_string_equal(err.msg, "header row: NUL byte in field 1");
	rs_error_clear(&err);
	/* a later file: the first file's header, or one that differs but is a header */
	row_of(&same, "id|name|share", 1);
	assert_int_equal(rs_header_pick(row_of(&t, "id|name|share", 2), 2, 0, NULL, &same.row, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_HEADER);
	assert_int_equal(rs_header_pick(row_of(&t, "id|share", 1), 1, 0, NULL, &same.row, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_HEADER);
	assert_int_equal(rs_header_pick(row_of(&t, "Report", 1), 1, 0, NULL, &same.row, &pick, &err), RS_OK);
	assert_int_equal(pick, RS_PICK_TITLE);
}

/* ------------------------------------------ the classifier driving it */

typedef struct sink {
	char log[4096]; /* "R7 reason|S9 footer|..." in the order they came */
	unsigned long rejects, skips;
} sink;

static rs_status on_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	sink *k = ctx;
	size_t n = strlen(k->log);

	(void)err;
	(void)snprintf(k->log + n, sizeof k->log - n, "R%lu %s|", row->line, why->msg);
	k->rejects++;
	return RS_OK;
}

static void on_skip(void *ctx, const rs_row *row, int kind)
{
	sink *k = ctx;
	size_t n = strlen(k->log);

	(void)snprintf(k->log + n, sizeof k->log - n, "S%lu %s|", row->line, rs_skip_name(kind));
	k->skips++;
}

static rs_classifier *sink_classifier(sink *k, rs_classify_opts *o)
{
	rs_classifier *c = NULL;
	rs_error e;

	memset(k, 0, sizeof *k);
	o->on_reject = on_reject;
	o->on_skip = on_skip;
	o->ctx = k;
	rs_error_clear(&e);
	assert_int_equal(rs_classifier_new(&c, rules, o, &e), RS_OK);
	return c;
}

/* Feeds "line:cells" records as a CSV file would; returns the last status;
 * *written counts rows written, *line_of_out the last one's line. */
static rs_status feed(rs_classifier *c, const char *const *recs, size_t n, unsigned long *written,
                      rs_error *err)
{
	trow t;
	const rs_row *out = NULL;
	bool header = false;
	rs_status st = RS_OK;
	size_t i;

	*written = 0;
	for (i = 0; i < n && st == RS_OK; i++) {
		const char *colon = strchr(recs[i], ':');
		unsigned long line = strtoul(recs[i], NULL, 10);

		row_of(&t, colon + 1, line);
		rs_error_clear(err);
		if (!header) {
			st = rs_classifier_header(c, &t.row, ',', &out, err);
			header = out != NULL;
			continue;
		}
		st = rs_classifier_row(c, &t.row, &out, err);
		*written += st == RS_OK && out != NULL;
	}
	if (st == RS_OK)
		st = rs_classifier_end(c, err);
	return st;
}

/* 本期 merged over 销售额 and 采购总额, 上期 over the same: neither row is a
 * header alone; read as one, this period's amounts give the share. Two
 * years over them, which is current not told, stop and name -m. */
static void test_a_period_merged_over_its_columns_joins_two_header_rows(void **state)
{
	static const char *const tops[] = {"1:客户编号|客户名称|本期||上期|", "1:客户编号|客户名称|2026年||2025年|"};
	rs_classify_opts o;
	rs_classifier *c;
	const rs_row *out = NULL;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;
	trow t;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		memset(&o, 0, sizeof o);
		c = sink_classifier(&k, &o);
		rs_error_clear(&err);
		row_of(&t, strchr(tops[i], ':') + 1, 1);
		assert_int_equal(rs_classifier_header(c, &t.row, ',', &out, &err), RS_OK);
		assert_null(out);
		row_of(&t, "||销售额|采购总额|销售额|采购总额", 2);
		if (i == 1) {
			assert_int_equal(rs_classifier_header(c, &t.row, ',', &out, &err), RS_EUSAGE);
			assert_non_null(strstr(err.msg, "lines 1 and 2 read as one header"));
			/* the example names the first period's own columns */
			assert_non_null(strstr(err.msg, "such as -m our_sales='2026年 销售额' -m customer_spend='2026年 采购总额'"));
			rs_classifier_free(c);
			break;
		}
		assert_int_equal(rs_classifier_header(c, &t.row, ',', &out, &err), RS_OK);
		assert_non_null(out);
		assert_string_equal(out->cell[0], "客户编号");
		assert_string_equal(out->cell[2], "本期 销售额");
		assert_string_equal(out->cell[5], "上期 采购总额");
		assert_int_equal(rs_classifier_stats(c)->skipped[RS_SKIP_TITLE], 0); /* the upper row is the header's */
		row_of(&t, "K1|甲|88|100|10|100", 3);
		assert_int_equal(rs_classifier_row(c, &t.row, &out, &err), RS_OK);
		assert_non_null(out);
		assert_string_equal(out->cell[8], "88"); /* share_pct: 本期's, not 上期's 10 */
		rs_classifier_free(c);
	}
}

static void test_title_blank_totals_and_footer_rows_are_skipped_and_counted(void **state)
{
	static const char *const recs[] = {
		"1:客户关系明细表|||",
		"2:制表日期：2026-12-01|||",
		"3:序号|客户编码|客户名称|采购份额",
		"4:1|KH1|苏州精工|88",
		"5:||||",
		"6:2|KH2|宁波海天|bad",
		"7:合计|||150",
		"8:制表人：张伟||审核人：李娜|",
		"10:打印日期：2026-12-01",
	};
	rs_classify_opts o;
	rs_classifier *c;
	const rs_stats *s;
	unsigned long written;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;

	(void)state;
	memset(&o, 0, sizeof o);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, sizeof recs / sizeof recs[0], &written, &err), RS_OK);
	/* lines as in the file; rejects in input order, skips when seen: the
	 * reject of line 6 waited for the first rows' check (purchase_share
	 * was taken by a built-in name), the footer for the end */
	assert_string_equal(k.log, "S1 title|S2 title|S5 blank|S7 totals|R6 purchase_share \"bad\" is not a "
	                           "number (no digits)|S8 footer|S10 footer|");
	s = rs_classifier_stats(c);
	assert_int_equal(written, 1);
	assert_int_equal(s->classified, 1);
	assert_int_equal(s->rejected, 1);
	assert_int_equal(s->skipped[RS_SKIP_TITLE], 2);
	assert_int_equal(s->skipped[RS_SKIP_BLANK], 1);
	assert_int_equal(s->skipped[RS_SKIP_TOTALS], 1);
	assert_int_equal(s->skipped[RS_SKIP_FOOTER], 2);
	assert_int_equal(s->read, 8); /* every record but the header */
	rs_classifier_free(c);
}

static void test_footer_like_rows_before_an_account_are_rejects_in_order(void **state)
{
	static const char *const recs[] = {
		"1:id|name|share",
		"2:A1|Acme|40",
		"3:Note: call back",
		"4:A2|Beta|bad",
		"5:|see above|",
		"6:A3|Gamma|60",
	};
	rs_classify_opts o;
	rs_classifier *c;
	unsigned long written;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;

	(void)state;
	memset(&o, 0, sizeof o);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, sizeof recs / sizeof recs[0], &written, &err), RS_OK);
	assert_string_equal(k.log, "R3 row has 1 field, the header has 3|R4 purchase_share \"bad\" is not a "
	                           "number (no digits)|R5 id is empty; no share: purchase_share is empty and "
	                           "our_sales/customer_spend are not both given|");
	assert_int_equal(written, 2);
	rs_classifier_free(c);
}

static void test_a_row_of_the_sums_without_a_label_is_a_totals_row(void **state)
{
	static const char *const recs[] = {
		"1:id|name|share|our_sales|customer_spend|contacts|key_person",
		"2:A1|Acme|40|400|1000|3|yes",
		"3:A2|Beta|bad|500|1000|2|no", /* rejected, but a SUM adds it up too */
		"4:A3|Gamma||300|1000|4|",
		"5:|||1200|3000|9|",     /* the sums: skipped */
		"6:|||1200|3000|9|yes",  /* a yes/no: not a totals row */
		"7:|Delta||1200|3000|9|", /* a name */
		"8:|||400|1000|3|",      /* not the sums (an average) */
	};
	static const char *const one[] = {
		"1:id|name|share|our_sales|customer_spend",
		"2:A1|Acme|40|400|1000",
		"3:|||400|1000", /* one row above: its sums prove nothing */
	};
	static const char *const region[] = {
		"1:id|name|share|our_sales|customer_spend|region",
		"2:A1|Acme|40|400|1000|East",
		"3:A2|Beta|50|500|1000|West",
		"4:|||900|2000|",
		"5:|||900|2000|East", /* a column no field reads holds text */
	};
	rs_classify_opts o;
	rs_classifier *c;
	unsigned long written;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;

	(void)state;
	memset(&o, 0, sizeof o);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, sizeof recs / sizeof recs[0], &written, &err), RS_OK);
	assert_string_equal(k.log, "S5 totals|R3 purchase_share \"bad\" is not a number (no digits)|"
	                           "R6 id is empty|R7 id is empty|R8 id is empty|");
	assert_int_equal(written, 2);
	assert_int_equal(rs_classifier_stats(c)->skipped[RS_SKIP_TOTALS], 1);
	rs_classifier_free(c);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, one, sizeof one / sizeof one[0], &written, &err), RS_OK);
	assert_int_equal(rs_classifier_stats(c)->skipped[RS_SKIP_TOTALS], 0);
	assert_int_equal(k.rejects, 1);
	rs_classifier_free(c);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, region, sizeof region / sizeof region[0], &written, &err), RS_OK);
	assert_string_equal(k.log, "S4 totals|R5 id is empty|");
	rs_classifier_free(c);
}

/* A Salesforce report's group header, alone in its row: a title row; with
 * anything else in the row, a reject as before. */
static void test_a_reports_group_header_rows_are_title_rows(void **state)
{
	static const char *const recs[] = {
		"1:Account Owner|id|name|share",
		"2:Jane Smith (3 records)|||",
		"3:|A1|Acme|40",
		"4:Owner: Jane Smith (1,203 records)|||",
		"5:Tom Becker (1 record)|||",
		"6:Tom Becker (2 Datensätze)|||",
		"7:Tom Becker (2 records)|||40",
		"8:Tom Becker (records)|||",
		"9:||Tom Becker (2 records)|",
		"10:|A2|Beta|50",
	};
	rs_classify_opts o;
	rs_classifier *c;
	unsigned long written;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;

	(void)state;
	memset(&o, 0, sizeof o);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, sizeof recs / sizeof recs[0], &written, &err), RS_OK);
	assert_string_equal(k.log, "S2 title|S4 title|S5 title|S6 title|R7 id is empty|"
	                           "R8 id is empty; no share: purchase_share is empty and "
	                           "our_sales/customer_spend are not both given|R9 id is empty; no share: "
	                           "purchase_share is empty and our_sales/customer_spend are not both given|");
	assert_int_equal(written, 2);
	rs_classifier_free(c);
}

static void test_held_rows_are_bounded(void **state)
{
	const char *recs[2 + RS_HOLD_ROWS + 1];
	char text[RS_HOLD_ROWS + 1][32];
	rs_classify_opts o;
	rs_classifier *c;
	unsigned long written;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;
	size_t i;

	(void)state;
	recs[0] = "1:id|name|share";
	recs[1] = "2:A1|Acme|40";
	for (i = 0; i <= RS_HOLD_ROWS; i++) {
		(void)snprintf(text[i], sizeof text[i], "%zu:Footer line %zu", i + 3, i);
		recs[2 + i] = text[i];
	}
	memset(&o, 0, sizeof o);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, 2 + RS_HOLD_ROWS + 1, &written, &err), RS_OK);
	/* the oldest held row went out as a reject to make room; the rest are the footer */
	assert_int_equal(k.rejects, 1);
	assert_int_equal(k.skips, RS_HOLD_ROWS);
	assert_true(strncmp(k.log, "R3 row has 1 field", 18) == 0);
	rs_classifier_free(c);
}

static void test_a_column_that_does_not_read_stops_the_run_before_any_reject(void **state)
{
	static const char *const recs[] = {
		"1:Customer ID|Customer Name|Sales|Share",
		"2:E1|Acme|Jane Smith|40",
		"3:E2|Beta|Tom Becker|50",
		"4:E3|Gamma||60",
	};
	rs_classify_opts o;
	rs_classifier *c;
	unsigned long written;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	sink k;

	(void)state;
	memset(&o, 0, sizeof o);
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, sizeof recs / sizeof recs[0], &written, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "column \"Sales\" was taken as our_sales (a built-in name of it), "
	                                "but in 2 of the first 3 rows it does not read as one (line 2: "
	                                "\"Jane Smith\"); if it is not our_sales, use --ignore 'Sales' or -m our_sales="));
	assert_string_equal(k.log, ""); /* nothing was said about any row */
	rs_classifier_free(c);
	/* one bad cell in a few rows is a reject, not a stop; held rows go out in order */
	{
		static const char *const ok[] = {
			"1:Customer ID|Customer Name|Sales|Share",
			"2:E1|Acme|Jane Smith|40",
			"3:E2|Beta|120|50",
			"4:E3|Gamma|130|60",
		};
		memset(&o, 0, sizeof o);
		c = sink_classifier(&k, &o);
		assert_int_equal(feed(c, ok, 4, &written, &err), RS_OK);
		assert_string_equal(k.log, "R2 our_sales \"Jane Smith\" is not a number (no digits)|");
		assert_int_equal(written, 2);
		rs_classifier_free(c);
	}
}

/* Under --lang zh the stop is Chinese, whole (not cut), with the words the
 * column was taken by and the first cell that does not read. */
static void test_a_column_that_does_not_read_stops_the_run_in_chinese(void **state)
{
	static const char *const recs[] = {
		"1:客户编号|客户名称|采购占比|高层拜访",
		"2:C1|华东机电|40|每季度",
		"3:C2|申达物流|50|每月",
		"4:C3|恒通化工|60|",
	};
	rs_classify_opts o;
	rs_classifier *c;
	unsigned long written;
	rs_error err = {0};
	sink k;

	(void)state;
	memset(&o, 0, sizeof o);
	o.lang = RS_LANG_ZH;
	c = sink_classifier(&k, &o);
	assert_int_equal(feed(c, recs, sizeof recs / sizeof recs[0], &written, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "列 \"高层拜访\" 被当作 exec_meetings（依据列名中的词：高层 + 拜访），"
	                             "但前几行中有 2 行（共查 3 行）不能读作该字段（第 2 行：\"每季度\"）；"
	                             "如它不是 exec_meetings，请用 --ignore '高层拜访' 或 -m exec_meetings= "
	                             "取消对应（或用 -m exec_meetings=COLUMN 指定真正的列）；如确是，请在 "
	                             "--map-file 的 \"values\" 中写明它的取值词；未写出任何内容");
	assert_string_equal(k.log, "");
	rs_classifier_free(c);
}

static void test_without_on_reject_rows_are_rejected_at_once(void **state)
{
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *out = NULL;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	trow t;

	(void)state;
	memset(&o, 0, sizeof o);
	rs_error_clear(&err);
	assert_int_equal(rs_classifier_new(&c, rules, &o, &err), RS_OK);
	assert_int_equal(rs_classifier_header(c, row_of(&t, "id|share", 1), ',', &out, &err), RS_OK);
	assert_int_equal(rs_classifier_row(c, row_of(&t, "Generated By: me", 2), &out, &err), RS_EREJECT);
	assert_int_equal(rs_classifier_row(c, row_of(&t, "|", 3), &out, &err), RS_OK); /* blank: skipped */
	assert_null(out);
	assert_int_equal(rs_classifier_stats(c)->rejected, 1);
	assert_int_equal(rs_classifier_stats(c)->skipped[RS_SKIP_BLANK], 1);
	rs_classifier_free(c);
}

static void note_line(void *ctx, const rs_error *e)
{
	char *log = ctx;
	size_t n = strlen(log);

	(void)snprintf(log + n, 2048 - n, "%s\n", e->msg);
}

static void test_an_earlier_runs_columns_are_replaced_and_a_clash_asks_for_prefix(void **state)
{
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *out = NULL;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	char notes[2048] = "";
	trow t;

	(void)state;
	memset(&o, 0, sizeof o);
	o.notice = note_line;
	o.notice_ctx = notes;
	rs_error_clear(&err);
	assert_int_equal(rs_classifier_new(&c, rules, &o, &err), RS_OK);
	assert_int_equal(rs_classifier_header(c, row_of(&t, "id|share|stage|stage_label|share_pct|contact_score|"
	                                                       "cooperation_score|next_stage|share_gap|flags|actions|note", 1),
	                                      ',', &out, &err),
	                 RS_OK);
	/* id, share, note, then this run's appended columns: one stage column */
	assert_string_equal(out->cell[2], "note");
	assert_string_equal(out->cell[3], "stage");
	for (size_t i = 4; i < out->n; i++)
		assert_string_not_equal(out->cell[i], "stage");
	assert_non_null(strstr(notes, "columns 3-11 (stage ... actions) are an earlier relstage run's; this run's replace them"));
	assert_int_equal(rs_classifier_row(c, row_of(&t, "A1|60|initial|Initial|1|0|0|stable|0|x|y|keep", 2), &out, &err), RS_OK);
	assert_string_equal(out->cell[2], "keep");
	assert_string_equal(out->cell[3], "stable");
	rs_classifier_free(c);
	/* one clashing name: kept, and the run asks for --prefix */
	assert_int_equal(rs_classifier_new(&c, rules, &o, &err), RS_OK);
	assert_int_equal(rs_classifier_header(c, row_of(&t, "id|share|Stage", 1), ',', &out, &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "input column 3 is named \"Stage\", like the column relstage appends; it "
	                                "is kept: use --prefix P"));
	rs_classifier_free(c);
	o.prefix = "rs";
	assert_int_equal(rs_classifier_new(&c, rules, &o, &err), RS_OK);
	assert_int_equal(rs_classifier_header(c, row_of(&t, "id|share|Stage", 1), ',', &out, &err), RS_OK);
	assert_string_equal(out->cell[2], "Stage");
	assert_string_equal(out->cell[3], "rs_stage");
	assert_string_equal(out->cell[out->n - 1], "rs_alliance_model");
	rs_classifier_free(c);
}

static void test_a_score_without_fields_is_said_once(void **state)
{
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *out = NULL;
	rs_error err = {0}; /* rs_error_clear keeps err.file */
	char notes[2048] = "";
	trow t;

	(void)state;
	memset(&o, 0, sizeof o);
	o.notice = note_line;
	o.notice_ctx = notes;
	rs_error_clear(&err);
	assert_int_equal(rs_classifier_new(&c, rules, &o, &err), RS_OK);
	assert_int_equal(rs_classifier_header(c, row_of(&t, "id|share|years", 1), ',', &out, &err), RS_OK);
	assert_string_equal(notes, "contact depth: none of contacts, departments, top_contact_level, key_person "
	                           "found, so contact_score is 0 for every row\n");
	rs_classifier_free(c);
	/* --lang zh: in Chinese, the field names as they are */
	notes[0] = '\0';
	o.lang = RS_LANG_ZH;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &err), RS_OK);
	assert_int_equal(rs_classifier_header(c, row_of(&t, "id|share|years", 1), ',', &out, &err), RS_OK);
	assert_string_equal(notes, "接触深度：未找到 contacts、departments、top_contact_level、key_person "
	                           "中的任何一项，所有行的 contact_score 均为 0\n");
	rs_classifier_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blank_rows_are_every_cell_empty_or_blank),
		cmocka_unit_test(test_totals_rows_in_any_case_width_and_language),
		cmocka_unit_test(test_a_count_line_is_a_totals_row),
		cmocka_unit_test(test_average_rows_are_totals_rows),
		cmocka_unit_test(test_subtotal_rows_of_a_group_are_totals_rows),
		cmocka_unit_test(test_a_sheets_own_totals_words_are_totals_rows),
		cmocka_unit_test(test_a_group_total_label_is_told_by_its_shape),
		cmocka_unit_test(test_a_subtotal_label_says_its_function),
		cmocka_unit_test(test_footer_rows_read_as_words),
		cmocka_unit_test(test_header_is_the_first_record_with_an_id_and_a_share),
		cmocka_unit_test(test_title_blank_totals_and_footer_rows_are_skipped_and_counted),
		cmocka_unit_test(test_footer_like_rows_before_an_account_are_rejects_in_order),
		cmocka_unit_test(test_a_row_of_the_sums_without_a_label_is_a_totals_row),
		cmocka_unit_test(test_a_reports_group_header_rows_are_title_rows),
		cmocka_unit_test(test_held_rows_are_bounded),
		cmocka_unit_test(test_a_column_that_does_not_read_stops_the_run_before_any_reject),
		cmocka_unit_test(test_a_column_that_does_not_read_stops_the_run_in_chinese),
		cmocka_unit_test(test_without_on_reject_rows_are_rejected_at_once),
		cmocka_unit_test(test_an_earlier_runs_columns_are_replaced_and_a_clash_asks_for_prefix),
		cmocka_unit_test(test_a_score_without_fields_is_said_once),
		cmocka_unit_test(test_a_period_merged_over_its_columns_joins_two_header_rows),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
