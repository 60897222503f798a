/*
 * test_units.c - the units the amount and share headers name (units.c):
 * amounts a scale or a currency apart stop the run, as do shares in per
 * mille or basis points; a unit line above or a unit row under the header
 * gives the unit of headers that name none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internals.h"
#include "test_row.h"

/* ------------------------------------------------------------ helpers */

/* Maps `header` with `maps`; expects success and returns the map. */
static rs_fieldmap *map_ok(const char *header, const char *const *maps, size_t nmaps)
{
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;

	rs_error_clear(&err);
	if (rs_fieldmap_new(&m, row_of(&h, header, 1), maps, nmaps, &err) != RS_OK)
		fail_msg("unexpected error: %s", err.msg);
	assert_non_null(m);
	return m;
}

#define assert_num(got, want, eps)                                                     \
	do {                                                                           \
		double g_ = (got), w_ = (want);                                        \
		if (!(fabs(g_ - w_) <= (eps)))                                         \
			fail_msg("%s is %.17g, expected %.17g", #got, g_, w_);         \
	} while (0)

/* ------------------------------------------------------------ headers */

/* Amounts one with tax and the other without: 88 net of 13% VAT over 113
 * with it is 77.9%, where the share is 88% (before: read so, in silence).
 * One header that says nothing of tax, or both on one basis, read. */
static int tax_agrees(const char *sales, const char *spend)
{
	char header[256];
	trow h;
	rs_error err;
	rs_fieldmap *m;
	int ok;

	(void)snprintf(header, sizeof header, "id|%s|%s", sales, spend);
	m = map_ok(header, (const char *const[]){"our_sales=#2", "customer_spend=#3"}, 2);
	rs_error_clear(&err);
	ok = rs_fieldmap_check_units(m, row_of(&h, header, 1), &err) == RS_OK ? 1 : -1;
	if (ok < 0)
		assert_non_null(strstr(err.msg, "different tax bases"));
	rs_fieldmap_free(m);
	return ok;
}

static void test_amount_headers_on_two_tax_bases_stop_the_run(void **state)
{
	(void)state;
	assert_int_equal(tax_agrees("我方销售额（不含税）", "客户采购总额（含税）"), -1);
	assert_int_equal(tax_agrees("销售额（含税）", "采购总额（未税）"), -1);
	assert_int_equal(tax_agrees("Revenue (excl. VAT)", "Total Purchases (incl. VAT)"), -1);
	assert_int_equal(tax_agrees("Net Sales", "Total Purchases (gross)"), -1);
	assert_int_equal(tax_agrees("Umsatz (netto, EUR)", "Einkaufsvolumen (brutto, EUR)"), -1);
	assert_int_equal(tax_agrees("CA HT", "Achats TTC"), -1);
	assert_int_equal(tax_agrees("revenue_net", "spend_gross"), -1);
	assert_int_equal(tax_agrees("revenue_excl_vat", "total_purchases_incl_vat"), -1);
	assert_int_equal(tax_agrees("Revenue ex-VAT", "Total Purchases (inc. VAT)"), -1);
	/* one basis, or one header silent on it: read */
	assert_int_equal(tax_agrees("我方销售额（含税）", "客户采购总额（含税）"), 1);
	assert_int_equal(tax_agrees("Revenue (excl. VAT)", "Total Purchases (excluding VAT)"), 1);
	assert_int_equal(tax_agrees("我方销售额（不含税）", "客户采购总额"), 1);
	assert_int_equal(tax_agrees("Internet Sales", "Gross Purchases"), 1); /* not "net" */
	assert_int_equal(tax_agrees("Network Revenue", "Purchases (gross)"), 1);
}

/* Do the two amount headers name one unit? -1: they differ (the run stops). */
static int units_agree(const char *sales, const char *spend)
{
	char header[256];
	trow h;
	rs_error err;
	rs_fieldmap *m;
	int ok;

	(void)snprintf(header, sizeof header, "id|%s|%s", sales, spend);
	m = map_ok(header, (const char *const[]){"our_sales=#2", "customer_spend=#3"}, 2);
	rs_error_clear(&err);
	ok = rs_fieldmap_check_units(m, row_of(&h, header, 1), &err) == RS_OK ? 1 : -1;
	if (ok < 0)
		assert_non_null(strstr(err.msg, "name different units"));
	rs_fieldmap_free(m);
	return ok;
}

static void test_amount_headers_in_two_units_stop_the_run(void **state)
{
	(void)state;
	/* a scale apart: the share would be 10,000 or 1,000 times off */
	assert_int_equal(units_agree("我方销售额（万元）", "客户采购总额（元）"), -1);
	assert_int_equal(units_agree("Umsatz (TEUR)", "Einkaufsvolumen (EUR)"), -1);
	assert_int_equal(units_agree("Sales (USD)", "Spend (k$)"), -1);
	assert_int_equal(units_agree("Sales [Mio. €]", "Spend [€]"), -1);
	/* short scale words, whole words of the bracket: thousands, millions */
	assert_int_equal(units_agree("Revenue ($000)", "Total Purchases ($)"), -1);
	assert_int_equal(units_agree("Revenue ('000)", "Total Purchases"), -1);
	assert_int_equal(units_agree("Revenue (USD k)", "Total Purchases (USD)"), -1);
	assert_int_equal(units_agree("Umsatz (T€)", "Einkaufsvolumen (€)"), -1);
	assert_int_equal(units_agree("Revenue (KUSD)", "Total Purchases (USD)"), -1);
	assert_int_equal(units_agree("Revenue (USD mn)", "Total Purchases (USD)"), -1);
	assert_int_equal(units_agree("Revenue (MEUR)", "Total Purchases (EUR)"), -1);
	assert_int_equal(units_agree("销售额（千万元）", "采购总额（万元）"), -1);
	/* "M": a million or a thousand, the same only as another "M" */
	assert_int_equal(units_agree("Revenue (USD m)", "Total Purchases (USD)"), -1);
	assert_int_equal(units_agree("Revenue (USD M)", "Total Purchases (USD mn)"), -1);
	assert_int_equal(units_agree("Revenue (USD M)", "Total Purchases (USD m)"), 1);
	assert_int_equal(units_agree("Revenue ($000)", "Total Purchases (USD k)"), 1);
	assert_int_equal(units_agree("Umsatz (T€)", "Einkauf (in 1.000 €)"), 1);
	assert_int_equal(units_agree("Revenue (RMB)", "Total Purchases (CNY)"), 1);
	/* without brackets: the scale the header ends in */
	assert_int_equal(units_agree("销售额万元", "采购总额元"), -1);
	assert_int_equal(units_agree("销售额/万元", "采购总额/元"), -1);
	assert_int_equal(units_agree("销售金额_万元", "采购金额"), -1);
	assert_int_equal(units_agree("Revenue in $000", "Total Purchases"), -1);
	assert_int_equal(units_agree("Umsatz in T€", "Einkaufsvolumen in €"), -1);
	assert_int_equal(units_agree("Umsatz TEUR", "Einkaufsvolumen EUR"), -1);
	assert_int_equal(units_agree("销售额万元", "采购总额 万元"), 1);
	/* each joined scale is its own: 十万元 and 千万元 are not 万元, 千元 not 千万元 */
	assert_int_equal(units_agree("销售额十万元", "采购总额万元"), -1);
	assert_int_equal(units_agree("销售额千万元", "采购总额万元"), -1);
	assert_int_equal(units_agree("销售额千元", "采购总额千万元"), -1);
	assert_int_equal(units_agree("销售额百万元", "采购总额（百万元）"), 1);
	assert_int_equal(units_agree("销售额亿元", "采购总额/亿元"), 1);
	assert_int_equal(units_agree("Umsatz in T€", "Einkaufsvolumen TEUR"), 1);
	assert_int_equal(units_agree("our_sales", "customer_spend"), 1);
	assert_int_equal(units_agree("Sales Team Revenue", "Spend"), 1);
	/* two currencies */
	assert_int_equal(units_agree("Sales (USD)", "Spend (EUR)"), -1);
	assert_int_equal(units_agree("Sales (£)", "Spend (€)"), -1);
	/* one unit written two ways */
	assert_int_equal(units_agree("销售额（¥）", "采购总额（元）"), 1);
	assert_int_equal(units_agree("Sales (USD)", "Spend ($)"), 1);
	assert_int_equal(units_agree("销售额（万元）", "采购总额（万）"), 1);
	assert_int_equal(units_agree("Umsatz (TEUR)", "Einkauf (k€)"), 1);
	assert_int_equal(units_agree("Our Sales (USD)", "Customer Spend (USD, FY2026)"), 1);
	/* a scale on one side only: the other is in plain units */
	assert_int_equal(units_agree("我方销售额（万元）", "客户采购总额"), -1);
	assert_int_equal(units_agree("Sales", "Spend (TEUR)"), -1);
	/* no scale and a currency on one side only: nothing to compare */
	assert_int_equal(units_agree("Sales (USD)", "Spend"), 1);
	assert_int_equal(units_agree("Sales (FY2026)", "Spend (EUR)"), 1);
}

/* The share's header names per mille or basis points: "88" is 8.8% or
 * 0.88%, never 88%: the run stops; "(%)" and no unit read as percent. */
static void test_a_share_header_in_per_mille_or_basis_points_stops_the_run(void **state)
{
	static const char *const units[] = {"采购份额（‰）", "Share (‰)", "份额‰", "Share (per mille)",
	                                    "Share (bps)", "Share [bp]", "采购份额（千分比）", NULL};
	static const char *const percent[] = {"Share (%)", "份额（%）", "Share", "Share bps_x", NULL};
	char header[128];
	trow h;
	rs_error err;
	rs_fieldmap *m;
	size_t i;

	(void)state;
	for (i = 0; units[i] != NULL; i++) {
		(void)snprintf(header, sizeof header, "id|%s", units[i]);
		m = map_ok(header, (const char *const[]){"purchase_share=#2"}, 1);
		rs_error_clear(&err);
		assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, header, 1), &err), RS_EUSAGE);
		assert_non_null(strstr(err.msg, "is not in percent"));
		rs_fieldmap_free(m);
	}
	for (i = 0; percent[i] != NULL; i++) {
		(void)snprintf(header, sizeof header, "id|%s", percent[i]);
		m = map_ok(header, (const char *const[]){"purchase_share=#2"}, 1);
		assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, header, 1), &err), RS_OK);
		rs_fieldmap_free(m);
	}
}

/* A report's unit line above the header (金额单位：万元) is the unit of an
 * amount header that names none: beside one headed in 元 the run stops
 * (the share would be 10^4 off), beside another naming none both are 万元. */
static void test_title_unit_line_is_the_unit_of_a_bare_header(void **state)
{
	static const char *const mixed = "id|我方销售额|客户采购总额（元）", *const bare = "id|我方销售额|客户采购总额";
	rs_fieldmap *m = map_ok(mixed, NULL, 0);
	rs_error err;
	trow h;

	(void)state;
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, mixed, 3), &err), RS_OK);
	strcpy(m->unit_title, "(万元)");
	m->unit_line = 2;
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, mixed, 3), &err), RS_EUSAGE);
	assert_non_null(strstr(err.msg, "the unit line 2 gives"));
	rs_fieldmap_free(m);
	m = map_ok(bare, NULL, 0);
	strcpy(m->unit_title, "(万元)");
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, bare, 3), &err), RS_OK);
	assert_true(m->amount_scaled);
	assert_num(m->amount_scale, 1e4, 0);
	rs_fieldmap_free(m);
}

/* A unit row under the header (a header row of its own): 万元 under one
 * amount and 元 under the other stops the run, on the unit row's line;
 * 万元 under both is the amounts' scale. */
static void test_a_unit_row_under_the_header_gives_the_amounts_unit(void **state)
{
	static const char *const hdr = "id|我方销售额|客户采购总额";
	rs_fieldmap *m = map_ok(hdr, NULL, 0);
	rs_error err;
	trow h, u;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_check_subunits(m, row_of(&h, hdr, 1), row_of(&u, "|万元|元", 2),
	                                            &err),
	                 RS_EUSAGE);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "in \"万元\" and customer_spend (column \"客户采购总额\") in \"元\""));
	assert_int_equal(rs_fieldmap_check_subunits(m, row_of(&h, hdr, 1), row_of(&u, "|万元|万元", 2),
	                                            &err),
	                 RS_OK);
	assert_num(m->amount_scale, 1e4, 0);
	rs_fieldmap_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_amount_headers_in_two_units_stop_the_run),
	    cmocka_unit_test(test_amount_headers_on_two_tax_bases_stop_the_run),
	    cmocka_unit_test(test_a_share_header_in_per_mille_or_basis_points_stops_the_run),
	    cmocka_unit_test(test_title_unit_line_is_the_unit_of_a_bare_header),
	    cmocka_unit_test(test_a_unit_row_under_the_header_gives_the_amounts_unit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
