/*
 * test_columns.c - what the classifier decides from the look-ahead's rows
 * (columns.c): the decimal mark of "1.234"-shaped text by column,
 * then by file, then by delimiter, said once; shares given as fractions;
 * the share_mismatch flag; relationship_years that are years, and
 * customer_since.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify_impl.h"
#include "fixture_rules.h"
#include "test_row.h"

/* ------------------------------------------------------------ helpers */

/* The notices a run gave about its values, one per line (the headers here
 * name no contact or cooperation field: those notes are left out). */
static char said[4096];

static void hear(void *ctx, const rs_error *e)
{
	(void)ctx;
	if (strstr(e->msg, " is 0 for every row") != NULL || strstr(e->msg, "所有行的") != NULL)
		return;
	assert_true(strlen(said) + strlen(e->msg) + 2 < sizeof said);
	strcat(said, e->msg);
	strcat(said, "\n");
}

typedef struct run {
	rs_classifier *c;
	rs_rowq *q;
	const rs_row *hdr;
	unsigned long line;
} run;

/* A classifier on `header` with delimiter d and the -m specs maps[0..nmaps),
 * the rows held in its look-ahead; its notices in `lang`. */
static void start_mapped(run *r, const char *header, char d, const char *const *rows,
                         rs_share_scale scale, rs_lang lang, const char *const *maps, size_t nmaps)
{
	rs_classify_opts o;
	rs_error e;
	trow t;
	size_t i;

	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	said[0] = '\0';
	o.share_scale = scale;
	o.lang = lang;
	o.maps = maps;
	o.nmaps = nmaps;
	o.today = 20261201;
	o.notice = hear;
	assert_int_equal(rs_classifier_new(&r->c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_classifier_header(r->c, row_of(&t, header, 1), d, &r->hdr, &e), RS_OK);
	assert_int_equal(rs_rowq_new(&r->q, 0, 0, &e), RS_OK);
	r->line = 1;
	for (i = 0; rows != NULL && rows[i] != NULL; i++)
		assert_int_equal(rs_rowq_push(r->q, row_of(&t, rows[i], ++r->line), &e), RS_OK);
	assert_int_equal(rs_classifier_lookahead(r->c, r->q, &e), RS_OK);
}

static void start_in(run *r, const char *header, char d, const char *const *rows,
                     rs_share_scale scale, rs_lang lang)
{
	start_mapped(r, header, d, rows, scale, lang, NULL, 0);
}

static void start(run *r, const char *header, char d, const char *const *rows, rs_share_scale scale)
{
	start_in(r, header, d, rows, scale, RS_LANG_EN);
}

static void finish(run *r)
{
	rs_classifier_free(r->c);
	rs_rowq_free(r->q);
}

/* Output column `name` of row `spec` (classified), or the reject reason. */
static const char *cell(run *r, const char *spec, const char *name)
{
	static char buf[512];
	const rs_row *out = NULL;
	rs_error e;
	trow t;
	size_t i;

	memset(&e, 0, sizeof e);
	if (rs_classifier_row(r->c, row_of(&t, spec, ++r->line), &out, &e) != RS_OK) {
		(void)snprintf(buf, sizeof buf, "rejected: %s", e.msg);
		return buf;
	}
	for (i = 0; i < r->hdr->n; i++)
		if (strcmp(r->hdr->cell[i], name) == 0) {
			(void)snprintf(buf, sizeof buf, "%.*s", (int)out->len[i], out->cell[i]);
			return buf;
		}
	fail_msg("no column %s", name);
	return NULL;
}

#define assert_contains(hay, needle)                                                 \
	do {                                                                         \
		if (strstr((hay), (needle)) == NULL)                                 \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle)); \
	} while (0)

#define SHARE_HDR "id|share|revenue|total_purchases"

/* ----------------------------------------------------- decimal marks */

static void test_semicolon_file_with_dot_decimals_reads_them_as_written(void **state)
{
	static const char *const rows[] = {"A1|12.5|1250.50|10000", "A2|50.000|1.234|2.468", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "12.5");
	assert_string_equal(cell(&r, rows[1], "share_pct"), "50");
	assert_contains(said, "purchase_share (column \"share\"): \"50.000\" read as 50: '.' is the "
	                      "decimal mark in this column (\"12.5\")");
	assert_contains(said, "our_sales (column \"revenue\"): \"1.234\" read as 1.234");
	/* total_purchases has only "10000" and "2.468": the file's other numbers decide. */
	assert_contains(said, "customer_spend (column \"total_purchases\"): \"2.468\" read as 2.468: '.' is "
	                      "the decimal mark in this file's other numbers");
	finish(&r);
}

static void test_semicolon_file_with_comma_decimals_reads_50_000_as_fifty_thousand(void **state)
{
	static const char *const rows[] = {"A1|12,5|50.000|400.000,00", "A2|50|1.250.000,50|2.500.001", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "12.5");
	/* 50000 / 400000 is 12.5% too (another id: the same one twice in a row is rejected) */
	assert_string_equal(cell(&r, "A3|12,5|50.000|400.000,00", "flags"), "");
	assert_string_equal(cell(&r, rows[1], "share_pct"), "50");
	assert_contains(said, "our_sales (column \"revenue\"): \"50.000\" read as 50000: ',' is the "
	                      "decimal mark in this column (\"1.250.000,50\")");
	assert_null(strstr(said, "purchase_share")); /* nothing ambiguous there: nothing said */
	finish(&r);
}

static void test_without_evidence_the_delimiter_decides_and_says_so(void **state)
{
	static const char *const semi[] = {"A1|50|50.000|100.000", NULL};
	static const char *const comma[] = {"A1|50|50.000|100.000", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', semi, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, semi[0], "flags"), "");
	assert_contains(said, "\"50.000\" read as 50000: ',' is the decimal mark in ';'-separated files");
	finish(&r);
	start(&r, SHARE_HDR, ',', comma, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, comma[0], "share_pct"), "50");
	assert_contains(said, "\"50.000\" read as 50: '.' is the decimal mark in ','-separated files");
	finish(&r);
}

/* The look-ahead of a file read with --decimal-mark `mark` (0: none) and
 * delimiter d: its status, the message in *e. */
static rs_status lookahead_of(const char *header, char d, const char *const *rows, char mark,
                              rs_error *e, run *r)
{
	rs_classify_opts o;
	trow t;
	size_t i;

	memset(&o, 0, sizeof o);
	memset(e, 0, sizeof *e);
	said[0] = '\0';
	o.today = 20261201;
	o.notice = hear;
	o.decimal_mark = mark;
	assert_int_equal(rs_classifier_new(&r->c, rules, &o, e), RS_OK);
	assert_int_equal(rs_classifier_header(r->c, row_of(&t, header, 1), d, &r->hdr, e), RS_OK);
	assert_int_equal(rs_rowq_new(&r->q, 0, 0, e), RS_OK);
	for (i = 0, r->line = 1; rows[i] != NULL; i++)
		assert_int_equal(rs_rowq_push(r->q, row_of(&t, rows[i], ++r->line), e), RS_OK);
	return rs_classifier_lookahead(r->c, r->q, e);
}

/* "¥1,200" in a ';' file: the delimiter says a decimal comma, but an amount
 * with a currency mark seldom has three decimals: unless the file's cells
 * or headers show the mark, asked as "880.000" is in a TAB file. */
static void test_a_currency_amount_is_not_decided_by_the_delimiter_alone(void **state)
{
	static const char *const yen[] = {"A1||¥1,200|10000", NULL};
	static const char *const euro[] = {"A1||€1.200|10000", NULL};
	static const char *const shown[] = {"A1||1,200 元|10000|12,5", NULL};
	static const char *const other[] = {"A1||1,200 元|10000|12.5", NULL};
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of(SHARE_HDR, ';', yen, 0, &e, &r), RS_EUSAGE);
	assert_int_equal(e.line, 2);
	assert_string_equal(e.msg, "our_sales (column \"revenue\") \"¥1,200\" may be 1.2 or 1200: the "
	                           "';' between cells suggests ',' as the decimal mark, but an amount "
	                           "with a currency mark seldom has three decimals, and nothing else in "
	                           "this file shows its decimal mark; say which with --decimal-mark , "
	                           "(1.2) or --decimal-mark . (1200)");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR, ',', euro, 0, &e, &r), RS_EUSAGE);
	assert_contains(e.msg, "\"€1.200\" may be 1200 or 1.2: the ',' between cells suggests '.'");
	finish(&r);
	/* the delimiter reads it as a thousands group: 1200, no doubt */
	assert_int_equal(lookahead_of(SHARE_HDR, ';', euro, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, euro[0], "share_pct"), "12");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR, ';', yen, '.', &e, &r), RS_OK);
	assert_string_equal(cell(&r, yen[0], "share_pct"), "12");
	finish(&r);
	/* the file's other cells show the mark: read by them, and said */
	assert_int_equal(lookahead_of(SHARE_HDR "|x", ';', shown, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, shown[0], "share_pct"), "0.01");
	assert_contains(said, "\"1,200 元\" read as 1.2: ',' is the decimal mark in this file's other "
	                      "numbers (\"12,5\")");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR "|x", ';', other, 0, &e, &r), RS_EUSAGE);
	assert_contains(e.msg, "'.' (\"12.5\") and ',' (the ';' between cells)");
	finish(&r);
	/* after the look-ahead: a rejected row saying so */
	assert_int_equal(lookahead_of(SHARE_HDR, ';', euro, 0, &e, &r), RS_OK);
	assert_contains(cell(&r, "A2||¥1,200|10000", "share_pct"),
	                "our_sales \"¥1,200\" is not a number (ambiguous: an amount with a currency "
	                "mark seldom has three decimals");
	assert_string_equal(cell(&r, "A3||1,200|10000", "share_pct"), "0.01");
	finish(&r);
}

/* "45.500" read as 45500 by the file's mark is no share, but 45.5 may be
 * meant: rejected as ambiguous, naming --decimal-mark; given the option,
 * it is out of range. */
static void test_a_share_over_100_by_its_thousands_group_is_ambiguous(void **state)
{
	static const char *const rows[] = {"A1|20|100|1000", NULL};
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of(SHARE_HDR, ';', rows, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, "A2|45.500||", "share_pct"),
	                    "rejected: purchase_share \"45.500\" is not a number (ambiguous: with its "
	                    "'.' or ',' read as a thousands separator it is above 100, which no share "
	                    "is; if that is the decimal mark, say so with --decimal-mark)");
	assert_string_equal(cell(&r, "A3|45.5||", "share_pct"), "45.5");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR, ';', rows, ',', &e, &r), RS_OK);
	assert_string_equal(cell(&r, "A2|45.500||", "share_pct"),
	                    "rejected: purchase_share \"45.500\" (read as 45500) is outside 0-100");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR, ';', rows, '.', &e, &r), RS_OK);
	assert_string_equal(cell(&r, "A2|45.500||", "share_pct"), "45.5");
	finish(&r);
}

/* A TAB file (an SAP list) whose amounts are all "880.000": nothing says
 * whether that is 880000 or 880, and the share differs by 1000 beside a
 * plain "1000000": stop and ask, naming the cell and the option. */
static void test_tab_file_without_evidence_stops_and_asks(void **state)
{
	static const char *const rows[] = {"A1||5000|10000", "A2||880.000|1000000", NULL};
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of(SHARE_HDR, '\t', rows, 0, &e, &r), RS_EUSAGE);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.msg, "our_sales (column \"revenue\") \"880.000\" may be 880000 or 880: "
	                           "nothing in this file shows its decimal mark; say which with "
	                           "--decimal-mark , (880000) or --decimal-mark . (880)");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR, '\t', rows, ',', &e, &r), RS_OK);
	assert_string_equal(cell(&r, rows[1], "share_pct"), "88");
	assert_contains(said, "\"880.000\" read as 880000: ',' is the decimal mark by --decimal-mark");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR, '\t', rows, '.', &e, &r), RS_OK);
	assert_string_equal(cell(&r, rows[1], "share_pct"), "0.09");
	finish(&r);
	/* after the look-ahead, such a value is a rejected row that says so */
	assert_int_equal(lookahead_of(SHARE_HDR, '\t', rows + 2, 0, &e, &r), RS_OK);
	assert_contains(cell(&r, "A3||1.200|35000", "share_pct"),
	                "our_sales \"1.200\" is not a number (ambiguous: nothing in this file shows "
	                "its decimal mark; say it with --decimal-mark ,");
	finish(&r);
}

/* Other cells of a TAB file show its mark: a decimal comma or a
 * 15.06.2019 date in a column relstage does not read. Both marks: asked. */
static void test_tab_file_reads_its_mark_from_other_cells_and_dates(void **state)
{
	static const char *const comma[] = {"A1||880.000|1000000|1.250,00-|", NULL};
	static const char *const dates[] = {"A1||880.000|1000000||15.06.2019", NULL};
	static const char *const both[] = {"A1||880.000|1000000|12.5|15.06.2019", NULL};
	static const char *const hdr = SHARE_HDR "|credits|created";
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of(hdr, '\t', comma, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, comma[0], "share_pct"), "88");
	assert_contains(said, "\"880.000\" read as 880000: ',' is the decimal mark in this file's "
	                      "other numbers (\"1.250,00-\")");
	finish(&r);
	assert_int_equal(lookahead_of(hdr, '\t', dates, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, dates[0], "share_pct"), "88");
	assert_contains(said, "',' is the decimal mark by this file's dates (\"15.06.2019\")");
	finish(&r);
	assert_int_equal(lookahead_of(hdr, '\t', both, 0, &e, &r), RS_EUSAGE);
	finish(&r);
}

/* A ';' or ',' delimiter says a mark, but the cells may say the other: a
 * German header over ',', a "12.5" beside ';'. Then "880.000" is asked. */
static void test_delimiter_and_cells_that_disagree_stop_and_ask(void **state)
{
	static const char *const de[] = {"K1|880.000|1000000", NULL};
	static const char *const semi[] = {"K1||880.000|1000000|12.5", NULL};
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of("Kundennummer|Umsatz|Einkaufsvolumen", ',', de, 0, &e, &r),
	                 RS_EUSAGE);
	assert_string_equal(e.msg, "our_sales (column \"Umsatz\") \"880.000\" may be 880000 or 880: "
	                           "this file shows both decimal marks, '.' (the ',' between cells) and "
	                           "',' (\"Kundennummer\"); say which with --decimal-mark , (880000) or "
	                           "--decimal-mark . (880)");
	finish(&r);
	assert_int_equal(lookahead_of(SHARE_HDR "|x", ';', semi, 0, &e, &r), RS_EUSAGE);
	assert_contains(e.msg, "'.' (\"12.5\") and ',' (the ';' between cells)");
	finish(&r);
	/* agreeing cells change nothing: the delimiter is said */
	assert_int_equal(lookahead_of("Kundennummer|Umsatz|Einkaufsvolumen", ';', de, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, de[0], "share_pct"), "88");
	assert_contains(said, "',' is the decimal mark in ';'-separated files");
	finish(&r);
}

/* Chinese, Japanese and Korean write a decimal point, German a comma: a TAB
 * file with such headers reads "120,000" as 120000, an SAP list's "880.000"
 * as 880000 (both stopped when nothing else said so). */
static void test_tab_file_reads_the_mark_of_its_headers_language(void **state)
{
	static const char *const rows[] = {"A1|120,000|1000000", NULL};
	static const char *const sap[] = {"A1|880.000|1000000", NULL};
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of("客户编号|销售额|采购总额", '\t', rows, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "12");
	assert_contains(said, "\"120,000\" read as 120000: '.' is the decimal mark by this file's "
	                      "Chinese, Japanese or Korean header (\"客户编号\")");
	finish(&r);
	assert_int_equal(lookahead_of("Debitor|Umsatz|Einkaufsvolumen", '\t', sap, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, sap[0], "share_pct"), "88");
	assert_contains(said, "\"880.000\" read as 880000: ',' is the decimal mark by this file's "
	                      "German header (\"Umsatz\")");
	finish(&r);
}

/* Under a Chinese header the decimal mark is a point: "1,2000" (digits grouped
 * by four) or "12,5" is refused, never 1.2, in the look-ahead and after it,
 * whatever the delimiter; --decimal-mark , reads it so. English headers keep
 * reading a ',' before other than three digits as the mark. */
static void test_a_comma_decimal_under_a_chinese_header_is_refused(void **state)
{
	static const char *const rows[] = {"A1|1,2000|100000", "A2|12,000|100000", NULL};
	rs_error e;
	run r;

	(void)state;
	assert_int_equal(lookahead_of("客户编号|我方销售额|客户采购总额", ',', rows, 0, &e, &r), RS_OK);
	assert_contains(cell(&r, rows[0], "share_pct"), "rejected: our_sales \"1,2000\" is not a number "
	                                                "(a ',' before other than three digits");
	assert_string_equal(cell(&r, rows[1], "share_pct"), "12");
	assert_contains(cell(&r, "A3|50|12,5", "share_pct"), "rejected: customer_spend \"12,5\"");
	finish(&r);
	assert_int_equal(lookahead_of("客户编号|我方销售额|客户采购总额", ',', rows, ',', &e, &r), RS_OK);
	/* 1.2 of 100000, as asked: 0.0012%, written as the smallest share above 0 */
	assert_string_equal(cell(&r, rows[0], "share_pct"), "0.01");
	finish(&r);
	assert_int_equal(lookahead_of("id|revenue|total_purchases", ',', rows, 0, &e, &r), RS_OK);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "0.01");
	finish(&r);
}

/* A column whose first rows were all whole: the first ambiguous value later is said then, once. */
static void test_a_late_ambiguous_value_is_said_when_it_first_matters(void **state)
{
	static const char *const rows[] = {"A1|50|5000|10000", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO);
	assert_string_equal(said, "");
	assert_string_equal(cell(&r, rows[0], "share_pct"), "50");
	assert_string_equal(cell(&r, "A2|50|2.000|4.000", "share_pct"), "50");
	assert_contains(said, "our_sales (column \"revenue\"): \"2.000\" read as 2000: ',' is the "
	                      "decimal mark in ';'-separated files");
	assert_contains(said, "customer_spend (column \"total_purchases\"): \"4.000\" read as 4000");
	said[0] = '\0';
	assert_string_equal(cell(&r, "A3|50|3.000|6.000", "share_pct"), "50");
	assert_string_equal(said, "");                   /* once */
	assert_string_equal(cell(&r, "A4|50|12.5|25", "share_pct"), "50"); /* shows its mark */
	finish(&r);
}

static void test_a_column_written_both_ways_rejects_what_it_cannot_tell(void **state)
{
	static const char *const rows[] = {"A1|50|12.5|100", "A2|50|12,5|100", "A3|50|1.234|10000", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "50");
	assert_string_equal(cell(&r, rows[1], "share_pct"), "50");
	assert_contains(cell(&r, rows[2], "share_pct"), "rejected: our_sales \"1.234\" is not a number (ambiguous");
	finish(&r);
}

/* --lang zh: the decimal-mark notice in Chinese, the column and values as written. */
static void test_decimal_mark_notice_is_chinese_under_lang_zh(void **state)
{
	static const char *const rows[] = {"A1|12,5|50.000|400.000,00", "A2|50|1.250.000,50|2.500.001", NULL};
	static const char *const semi[] = {"A1|50|50.000|100.000", NULL};
	run r;

	(void)state;
	start_in(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO, RS_LANG_ZH);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "12.5");
	assert_contains(said, "our_sales（列 \"revenue\"）：\"50.000\" 读作 50000：本列以 ',' 为小数点"
	                      "（\"1.250.000,50\"）\n");
	assert_null(strstr(said, "decimal mark"));
	finish(&r);
	start_in(&r, SHARE_HDR, ';', semi, RS_SHARE_AUTO, RS_LANG_ZH);
	assert_string_equal(cell(&r, semi[0], "flags"), "");
	assert_contains(said, "\"50.000\" 读作 50000：以 ';' 分隔的文件以 ',' 为小数点\n");
	finish(&r);
}

/* Each file of a run is read by its own first rows. */
static void test_a_later_file_decides_again(void **state)
{
	static const char *const rows[] = {"A1|50|12,5|100", "A2|50|1.234|10000", NULL};
	const rs_row *out;
	rs_error e;
	trow t;
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, rows[1], "share_pct"), "50");
	assert_contains(said, "\"1.234\" read as 1234");
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_classifier_header(r.c, row_of(&t, SHARE_HDR, 1), ',', &out, &e), RS_OK);
	rs_rowq_drop(r.q, SIZE_MAX);
	assert_int_equal(rs_rowq_push(r.q, row_of(&t, "B1|50|12.5|100", 2), &e), RS_OK);
	said[0] = '\0';
	assert_int_equal(rs_classifier_lookahead(r.c, r.q, &e), RS_OK);
	assert_string_equal(cell(&r, "B2|12|1.234|10", "flags"), ""); /* 12.34% */
	assert_contains(said, "\"1.234\" read as 1.234");
	finish(&r);
}

/* ------------------------------------------------------------ fractions */

static void test_shares_between_0_and_1_are_fractions(void **state)
{
	static const char *const rows[] = {"A1|0.85||", "A2|0.62||", "A3|1||", "A4|0||", "A5|||", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ',', rows, RS_SHARE_AUTO);
	assert_contains(said, "purchase_share (column \"share\"): all 4 values in the first rows are "
	                      "between 0 and 1 (\"0.85\"): read as fractions of 1, times 100");
	assert_string_equal(cell(&r, rows[0], "share_pct"), "85");
	assert_string_equal(cell(&r, rows[2], "share_pct"), "100");
	assert_string_equal(cell(&r, rows[3], "stage"), "development");
	assert_string_equal(cell(&r, "A6|62%||", "share_pct"), "62"); /* a % says percent */
	assert_contains(cell(&r, "A7|85||", "share_pct"),
	                "rejected: purchase_share \"85\" is above 1 in a column of fractions "
	                "(--share-scale percent reads the column as percentages)");
	finish(&r);
}

static void test_shares_are_percentages_unless_all_fit_and_one_is_fractional(void **state)
{
	static const char *const whole[] = {"A1|0||", "A2|1||", NULL};
	static const char *const over[] = {"A1|0.5||", "A2|85||", NULL};
	static const char *const pct[] = {"A1|0.5%||", "A2|0.25%||", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ',', whole, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, whole[1], "share_pct"), "1");
	finish(&r);
	start(&r, SHARE_HDR, ',', over, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, over[0], "share_pct"), "0.5");
	/* Half the shares or fewer under 1 is said too: "0.5" may have meant 50%. */
	assert_contains(said, "1 of 2 values in the first rows are between 0 and 1 (\"0.5\") but "
	                      "\"85\" is not: read as percentages (\"0.5\" is 0.5%)");
	finish(&r);
	start(&r, SHARE_HDR, ',', pct, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, pct[0], "share_pct"), "0.5");
	assert_string_equal(said, "");
	finish(&r);
}

/* --lang zh: both share-scale notices in Chinese, the option to give as written. */
static void test_share_scale_notices_are_chinese_under_lang_zh(void **state)
{
	static const char *const all[] = {"A1|0.85||", "A2|0.62||", NULL};
	static const char *const over[] = {"A1|0.5||", "A2|85||", NULL};
	run r;

	(void)state;
	start_in(&r, SHARE_HDR, ',', all, RS_SHARE_AUTO, RS_LANG_ZH);
	assert_string_equal(said, "purchase_share（列 \"share\"）：前几行的 2 个值都在 0 到 1 之间"
	                          "（\"0.85\"）：按小数读取，乘以 100；如是百分数，请用 --share-scale "
	                          "percent\n");
	assert_string_equal(cell(&r, all[0], "share_pct"), "85");
	finish(&r);
	start_in(&r, SHARE_HDR, ',', over, RS_SHARE_AUTO, RS_LANG_ZH);
	assert_string_equal(said, "purchase_share（列 \"share\"）：前几行的 2 个值中有 1 个在 0 到 1 之间"
	                          "（\"0.5\"），但 \"85\" 不在此范围：按百分数读取（\"0.5\" 即 0.5%）；"
	                          "如是小数，请用 --share-scale fraction\n");
	finish(&r);
}

static void test_share_scale_forces_either_reading(void **state)
{
	static const char *const rows[] = {"A1|0.85||", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ',', rows, RS_SHARE_PERCENT);
	assert_string_equal(cell(&r, rows[0], "share_pct"), "0.85");
	assert_string_equal(said, "");
	finish(&r);
	start(&r, SHARE_HDR, ',', NULL, RS_SHARE_FRACTION);
	assert_string_equal(cell(&r, "A1|1||", "share_pct"), "100");
	assert_string_equal(cell(&r, "A2|0,5||", "share_pct"), "50");
	assert_string_equal(said, ""); /* asked for: not said */
	finish(&r);
}

/* -------------------------------------------------------- share_mismatch */

static void test_share_mismatch_when_the_amounts_say_otherwise_by_more_than_5_points(void **state)
{
	run r;

	(void)state;
	start(&r, SHARE_HDR, ',', NULL, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, "A1|50|60|100", "flags"), "share_mismatch");
	assert_string_equal(cell(&r, "A2|50|55|100", "flags"), "");  /* 5 points: agrees */
	assert_string_equal(cell(&r, "A3|50|60|100", "share_pct"), "50"); /* the share given decides */
	assert_string_equal(cell(&r, "A4|85|20|100", "flags"), "high_share_no_bonds;share_mismatch");
	assert_string_equal(cell(&r, "A5|85|85|100", "flags"), "high_share_no_bonds"); /* not cached */
	assert_string_equal(cell(&r, "A6|50||100", "flags"), "");
	assert_string_equal(cell(&r, "A7|50|0|0", "flags"), "");
	finish(&r);
}

static void test_share_mismatch_compares_a_fraction_as_percent(void **state)
{
	static const char *const rows[] = {"A1|0.5|50|100", "A2|0.25|50|100", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ',', rows, RS_SHARE_AUTO);
	assert_string_equal(cell(&r, rows[0], "flags"), "");
	assert_string_equal(cell(&r, rows[1], "flags"), "share_mismatch");
	finish(&r);
}

/* ---------------------------------------------------- years, customer_since */

static void test_relationship_years_that_are_years_are_refused(void **state)
{
	run r;

	(void)state;
	start(&r, "id|share|years|customer_since", ',', NULL, RS_SHARE_AUTO);
	assert_contains(cell(&r, "A1|50|2019|", "stage"),
	                "rejected: relationship_years \"2019\" looks like a year, not a number of years "
	                "(a column of years since is read with -m customer_since=COLUMN)");
	assert_contains(cell(&r, "A2|50|1950|", "stage"), "rejected");
	assert_contains(cell(&r, "A3|50|2026|", "stage"), "rejected");
	assert_string_equal(cell(&r, "A4|40|1949|", "stage"), "initial"); /* not a year we know */
	assert_string_equal(cell(&r, "A5|40|12 years|", "cooperation_score"), "15");
	finish(&r);
}

static void test_customer_since_gives_the_years_and_given_years_win(void **state)
{
	run r;

	(void)state;
	start(&r, "id|share|years|Customer Since", ',', NULL, RS_SHARE_AUTO);
	/* 5 years is 15 cooperation points with the default rules (3 a year, 15 at most). */
	assert_string_equal(cell(&r, "A1|50||2021-06-01", "cooperation_score"), "15");
	assert_string_equal(cell(&r, "A2|50||2026", "cooperation_score"), "0");
	assert_string_equal(cell(&r, "A3|50||2025-12-02", "cooperation_score"), "0");
	assert_string_equal(cell(&r, "A4|50||2025-12-01", "cooperation_score"), "3");
	assert_string_equal(cell(&r, "A5|50|1|2010", "cooperation_score"), "3"); /* the given 1 wins */
	assert_contains(cell(&r, "A6|50||2027", "stage"),
	                "rejected: customer_since \"2027\" is not a year or a date (after today)");
	/* 06/01/2019 is June 1 or January 6: 7 years either way; 12/05/2019 is 6 or 7 */
	assert_string_equal(cell(&r, "A7|50||06/01/2019", "cooperation_score"), "15");
	assert_contains(cell(&r, "A8|50||12/05/2019", "stage"),
	                "is not a year or a date (the day and the month could be either way round");
	finish(&r);
}

/* The account row `spec` reads as, by the classifier's field map. */
static rs_status read_as(run *r, const char *spec, rs_account *a)
{
	uint32_t guessed = 0, failed = 0;
	rs_error e;
	trow t;

	memset(&e, 0, sizeof e);
	return rs_fieldmap_read(r->c->map, row_of(&t, spec, ++r->line), a, &guessed, &failed, &e);
}

/* Odoo's CSV export writes False in every empty field: a file whose first
 * rows hold False (never True) in two columns or more that are not yes/no
 * reads it as empty in a number, level or date field (unknown, never 0;
 * a->falsed, said at the file's end), as no in a yes/no one, and as no id.
 * One such column alone is not enough: False stays a reject there. */
static void test_a_file_writing_false_in_its_empty_fields_reads_it_as_empty(void **state)
{
	static const char *const odoo[] = {"A1|Acme|40|False|False|True|2019-03-01",
	                                   "A2|Beta|False|2|x@example.com|False|False", NULL};
	static const char *const one[] = {"A1|Acme|40|3|x@example.com|True|2019-03-01",
	                                  "A2|Beta|False|2|y@example.com|False|2020-01-01", NULL};
	static const char *const both[] = {"A1|Acme|40|3|True|True|2019-03-01",
	                                   "A2|Beta|False|2|False|False|2020-01-01", NULL};
	const char *hdr = "id|name|share|contacts|email|decision_maker|customer_since";
	rs_account a;
	run r;

	(void)state;
	start(&r, hdr, ',', odoo, RS_SHARE_AUTO);
	assert_int_equal(read_as(&r, odoo[0], &a), RS_OK);
	assert_false(rs_known(&a, RS_F_CONTACTS));
	assert_true(a.falsed >> RS_F_CONTACTS & 1u);
	assert_true(rs_known(&a, RS_F_KEY_PERSON));
	assert_true(a.v[RS_F_KEY_PERSON] == 1);
	assert_int_equal(read_as(&r, odoo[1], &a), RS_OK);
	assert_false(rs_known(&a, RS_F_PURCHASE_SHARE)); /* unknown, not 0: no share */
	assert_contains(cell(&r, odoo[1], "stage"), "no share: purchase_share is empty");
	assert_false(rs_known(&a, RS_F_CUSTOMER_SINCE));
	assert_true(rs_known(&a, RS_F_KEY_PERSON));
	assert_true(a.v[RS_F_KEY_PERSON] == 0);
	assert_string_equal(cell(&r, "False|Gamma|40|1|False|False|False", "stage"),
	                    "rejected: id is False, a yes/no value, not an id (Odoo writes false for a "
	                    "field left empty)");
	assert_int_equal(read_as(&r, "A4|False|40|1|False|False|False", &a), RS_OK);
	assert_true(a.falsed >> RS_F_NAME & 1u);
	finish(&r);
	/* False in the share alone: not a number, as before */
	start(&r, hdr, ',', one, RS_SHARE_AUTO);
	assert_int_equal(read_as(&r, one[1], &a), RS_EREJECT);
	assert_contains(cell(&r, one[1], "stage"), "purchase_share \"False\" is not a number");
	finish(&r);
	/* a column holding True and False is a yes/no one, whatever its name */
	start(&r, hdr, ',', both, RS_SHARE_AUTO);
	assert_contains(cell(&r, both[1], "stage"), "purchase_share \"False\" is not a number");
	finish(&r);
}

/* Row `spec`'s reject as it is printed: "where: msg". */
static const char *reject_of(run *r, const char *spec)
{
	static char buf[700];
	const rs_row *out = NULL;
	rs_error e;
	trow t;

	memset(&e, 0, sizeof e);
	assert_int_equal(rs_classifier_row(r->c, row_of(&t, spec, ++r->line), &out, &e), RS_EREJECT);
	(void)snprintf(buf, sizeof buf, "%s%s%s", e.where, e.where[0] ? ": " : "", e.msg);
	return buf;
}

/* A share rejected for its amounts names the column at fault and each cell
 * as the file writes it, with what it was read as where the number differs
 * ("1.500,00"), not only the value read. */
static void test_a_share_reject_names_the_column_and_the_cells_as_written(void **state)
{
	static const char *const rows[] = {"A1|20|1.500,00|10.000,00", NULL};
	run r;

	(void)state;
	start(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO);
	assert_string_equal(reject_of(&r, "A2||500-|1000"), "revenue: our_sales \"500-\" is negative");
	assert_string_equal(reject_of(&r, "A3||(500)|1000"), "revenue: our_sales \"(500)\" is negative");
	assert_string_equal(reject_of(&r, "A4||1.500,00|1.000,00"),
	                    "revenue: our_sales \"1.500,00\" (read as 1500) exceeds customer_spend "
	                    "\"1.000,00\" (read as 1000) in column \"total_purchases\"");
	assert_string_equal(reject_of(&r, "A5|120 %||"), "share: purchase_share \"120 %\" is outside 0-100");
	assert_string_equal(reject_of(&r, "A6|12,5|2000|1000"),
	                    "revenue: our_sales \"2000\" exceeds customer_spend \"1000\" in column "
	                    "\"total_purchases\"");
	assert_string_equal(reject_of(&r, "A7||200|-1.000,00"),
	                    "total_purchases: customer_spend \"-1.000,00\" (read as -1000) is negative");
	finish(&r);

	start_in(&r, SHARE_HDR, ';', rows, RS_SHARE_AUTO, RS_LANG_ZH);
	assert_string_equal(reject_of(&r, "A2||500-|1000"),
	                    "revenue: 我方销售额 our_sales \"500-\" 为负数，应为 0 或正数");
	assert_string_equal(reject_of(&r, "A4||1.500,00|1.000,00"),
	                    "revenue: 我方销售额 our_sales \"1.500,00\"（读作 1500）超过客户采购总额 "
	                    "customer_spend \"1.000,00\"（读作 1000）（列 \"total_purchases\"）");
	assert_string_equal(reject_of(&r, "A5|120 %||"), "share: 采购份额 purchase_share \"120 %\" 超出 0-100 的范围");
	finish(&r);
}

/* Under the fields' own names the reason has no where, and names no second
 * column: the field names are the columns'. */
static void test_a_share_reject_under_the_fields_own_names_says_no_column(void **state)
{
	run r;

	(void)state;
	start(&r, "id|purchase_share|our_sales|customer_spend", ',', NULL, RS_SHARE_AUTO);
	assert_string_equal(reject_of(&r, "A1||2000|1000"),
	                    "our_sales \"2000\" exceeds customer_spend \"1000\"");
	assert_string_equal(reject_of(&r, "A2|-5||"), "purchase_share \"-5\" is outside 0-100");
	finish(&r);
}

/* customer_spend under an empty header cell is named by its place; a JSON
 * key as a key. */
static void test_an_over_spend_names_an_unnamed_column_by_its_place(void **state)
{
	static const char *const maps[] = {"customer_spend=#4"};
	run r;

	(void)state;
	start_mapped(&r, "id|share|revenue|", ',', NULL, RS_SHARE_AUTO, RS_LANG_EN, maps, 1);
	assert_string_equal(reject_of(&r, "A1||2000|1000"),
	                    "revenue: our_sales \"2000\" exceeds customer_spend \"1000\" in column 4");
	finish(&r);
	start_mapped(&r, "id|share|revenue|", ',', NULL, RS_SHARE_AUTO, RS_LANG_ZH, maps, 1);
	assert_string_equal(reject_of(&r, "A1||2000|1000"),
	                    "revenue: 我方销售额 our_sales \"2000\" 超过客户采购总额 customer_spend \"1000\"（第 4 列）");
	finish(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_semicolon_file_with_dot_decimals_reads_them_as_written),
		cmocka_unit_test(test_semicolon_file_with_comma_decimals_reads_50_000_as_fifty_thousand),
		cmocka_unit_test(test_without_evidence_the_delimiter_decides_and_says_so),
		cmocka_unit_test(test_a_currency_amount_is_not_decided_by_the_delimiter_alone),
		cmocka_unit_test(test_a_share_over_100_by_its_thousands_group_is_ambiguous),
		cmocka_unit_test(test_tab_file_without_evidence_stops_and_asks),
		cmocka_unit_test(test_tab_file_reads_its_mark_from_other_cells_and_dates),
		cmocka_unit_test(test_tab_file_reads_the_mark_of_its_headers_language),
		cmocka_unit_test(test_delimiter_and_cells_that_disagree_stop_and_ask),
		cmocka_unit_test(test_a_comma_decimal_under_a_chinese_header_is_refused),
		cmocka_unit_test(test_a_late_ambiguous_value_is_said_when_it_first_matters),
		cmocka_unit_test(test_a_column_written_both_ways_rejects_what_it_cannot_tell),
		cmocka_unit_test(test_decimal_mark_notice_is_chinese_under_lang_zh),
		cmocka_unit_test(test_a_later_file_decides_again),
		cmocka_unit_test(test_shares_between_0_and_1_are_fractions),
		cmocka_unit_test(test_shares_are_percentages_unless_all_fit_and_one_is_fractional),
		cmocka_unit_test(test_share_scale_notices_are_chinese_under_lang_zh),
		cmocka_unit_test(test_share_scale_forces_either_reading),
		cmocka_unit_test(test_share_mismatch_when_the_amounts_say_otherwise_by_more_than_5_points),
		cmocka_unit_test(test_share_mismatch_compares_a_fraction_as_percent),
		cmocka_unit_test(test_relationship_years_that_are_years_are_refused),
		cmocka_unit_test(test_customer_since_gives_the_years_and_given_years_win),
		cmocka_unit_test(test_a_file_writing_false_in_its_empty_fields_reads_it_as_empty),
		cmocka_unit_test(test_a_share_reject_names_the_column_and_the_cells_as_written),
		cmocka_unit_test(test_a_share_reject_under_the_fields_own_names_says_no_column),
		cmocka_unit_test(test_an_over_spend_names_an_unnamed_column_by_its_place),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
