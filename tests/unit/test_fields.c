/* test_fields.c - field names and aliases, the header map, --map, and value parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internals.h"

/* ------------------------------------------------------------ helpers */

/* A row built from "a|b|c" (cells split at '|'), valid while the trow lives. */
typedef struct trow {
	char store[2048];
	const char *cell[64];
	size_t len[64];
	unsigned char type[64];
	rs_row row;
} trow;

static const rs_row *row_of(trow *t, const char *spec, unsigned long line)
{
	size_t n = 0;
	char *p;

	memset(t, 0, sizeof *t);
	assert_true(strlen(spec) < sizeof t->store);
	strcpy(t->store, spec);
	p = t->store;
	for (;;) {
		char *bar = strchr(p, '|');
		t->cell[n] = p;
		if (bar != NULL)
			*bar = '\0';
		t->len[n] = strlen(p);
		n++;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	t->row.n = n;
	t->row.cell = t->cell;
	t->row.len = t->len;
	t->row.line = line;
	return &t->row;
}

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

/* Maps `header`; expects RS_EUSAGE and returns the message in err. */
static void map_fails(const char *header, const char *const *maps, size_t nmaps, rs_error *err)
{
	trow h;
	rs_fieldmap *m = NULL;

	rs_error_clear(err);
	assert_int_equal(rs_fieldmap_new(&m, row_of(&h, header, 1), maps, nmaps, err), RS_EUSAGE);
	assert_null(m);
	assert_int_equal(err->status, RS_EUSAGE);
}

#define assert_contains(hay, needle)                                                  \
	do {                                                                          \
		if (strstr((hay), (needle)) == NULL)                                  \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle));  \
	} while (0)

/* cmocka here has only a float comparison; compare doubles exactly enough. */
#define assert_num(got, want, eps)                                                     \
	do {                                                                           \
		double g_ = (got), w_ = (want);                                        \
		if (!(fabs(g_ - w_) <= (eps)))                                         \
			fail_msg("%s is %.17g, expected %.17g", #got, g_, w_);         \
	} while (0)

static double num_ok(const char *s, bool dcomma, bool pct)
{
	rs_numfmt nf = {dcomma};
	const char *why = NULL;
	double v = -12345;

	if (rs_parse_number(s, strlen(s), &nf, pct, &v, &why) != RS_PARSE_OK)
		fail_msg("\"%s\" did not parse: %s", s, why ? why : "?");
	return v;
}

static const char *num_bad(const char *s, bool dcomma, bool pct)
{
	rs_numfmt nf = {dcomma};
	const char *why = NULL;
	double v = 0;

	if (rs_parse_number(s, strlen(s), &nf, pct, &v, &why) != RS_PARSE_BAD)
		fail_msg("\"%s\" parsed as %g but should be rejected", s, v);
	assert_non_null(why);
	return why;
}

/* ------------------------------------------------------- names, aliases */

static void test_var_names_and_lookup_are_inverse(void **state)
{
	int v;

	(void)state;
	for (v = 0; v < RS_V_COUNT; v++)
		assert_int_equal(rs_var_lookup(rs_var_name(v)), v);
	assert_string_equal(rs_var_name(RS_F_PURCHASE_SHARE), "purchase_share");
	assert_string_equal(rs_var_name(RS_V_SHARE_PCT), "share_pct");
	assert_string_equal(rs_var_name(RS_V_COOPERATION_SCORE), "cooperation_score");
	assert_null(rs_var_name(RS_V_COUNT));
	assert_null(rs_var_name(-1));
	assert_int_equal(rs_var_lookup("nope"), -1);
	assert_int_equal(rs_var_lookup(NULL), -1);
}

static void test_var_kinds_follow_the_field_table(void **state)
{
	(void)state;
	assert_int_equal(rs_var_kind(RS_F_ID), RS_KIND_TEXT);
	assert_int_equal(rs_var_kind(RS_F_NAME), RS_KIND_TEXT);
	assert_int_equal(rs_var_kind(RS_F_CONTACTS), RS_KIND_NUMBER);
	assert_int_equal(rs_var_kind(RS_F_TOP_CONTACT_LEVEL), RS_KIND_LEVEL);
	assert_int_equal(rs_var_kind(RS_F_KEY_PERSON), RS_KIND_BOOL);
	assert_int_equal(rs_var_kind(RS_F_INFO_SHARING), RS_KIND_BOOL);
	assert_int_equal(rs_var_kind(RS_V_CONTACT_SCORE), RS_KIND_NUMBER);
}

static void test_aliases_start_with_the_documented_table(void **state)
{
	rs_field_info f;

	(void)state;
	assert_true(rs_field_describe(RS_F_ID, &f));
	assert_string_equal(f.aliases[0], "account_id");
	assert_string_equal(f.aliases[1], "customer_id");
	assert_string_equal(f.aliases[2], "客户编号");
	assert_string_equal(f.aliases[3], "客户ID");
	assert_true(rs_field_describe(RS_F_JOINT_PROJECTS, &f));
	assert_string_equal(f.aliases[0], "联合项目数");
	assert_false(rs_field_describe(RS_V_SHARE_PCT, &f)); /* scores are not fields */
}

/* rs_field_describe: the fields in their order, as `relstage fields`
 * lists them, then false. */
static void test_describe_lists_every_field_then_stops(void **state)
{
	rs_field_info f;
	size_t i;

	(void)state;
	assert_true(rs_field_describe(RS_F_ID, &f));
	assert_string_equal(f.name, "id");
	assert_int_equal(f.kind, RS_KIND_TEXT);
	assert_string_equal(f.aliases[0], "account_id");
	assert_non_null(strstr(f.words, ") + (id|#|no|"));
	assert_true(rs_field_describe(RS_F_PURCHASE_SHARE, &f));
	assert_string_equal(f.name, "purchase_share");
	assert_int_equal(f.kind, RS_KIND_NUMBER);
	assert_string_equal(f.meaning, "our share of the customer's category purchases, % (0-100)");
	assert_true(rs_field_describe(RS_F_KEY_PERSON, &f));
	assert_int_equal(f.kind, RS_KIND_BOOL);
	for (i = 0; rs_field_describe(i, &f); i++)
		assert_non_null(f.meaning);
	assert_int_equal(i, RS_F_COUNT);
}

/* ------------------------------------------------------------ the map */

static void test_english_aliases_map_to_fields(void **state)
{
	rs_fieldmap *m = map_ok("customer_id|company|share|revenue|total_purchases|contact_count|"
	                        "department_count|contact_level|decision_maker|years|agreement|"
	                        "joint_venture|preferred_supplier", NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_ID), 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_NAME), 1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 2);
	assert_int_equal(rs_fieldmap_column(m, RS_F_OUR_SALES), 3);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CUSTOMER_SPEND), 4);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CONTACTS), 5);
	assert_int_equal(rs_fieldmap_column(m, RS_F_TOP_CONTACT_LEVEL), 7);
	assert_int_equal(rs_fieldmap_column(m, RS_F_RELATIONSHIP_YEARS), 9);
	assert_int_equal(rs_fieldmap_column(m, RS_F_EXCLUSIVE), 12);
	assert_int_equal(rs_fieldmap_column(m, RS_F_INFO_SHARING), -1);
	rs_fieldmap_free(m);
}

static void test_chinese_aliases_map_to_fields(void **state)
{
	rs_fieldmap *m = map_ok("客户ID|客户名称|采购份额|联系人数|接触部门数|最高接触层级|关键人|合作年限|"
	                        "联合项目数|高层会晤次数|战略协议|股权关系|独家供应|信息共享", NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_ID), 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_NAME), 1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 2);
	assert_int_equal(rs_fieldmap_column(m, RS_F_KEY_PERSON), 6);
	assert_int_equal(rs_fieldmap_column(m, RS_F_JOINT_PROJECTS), 8);
	assert_int_equal(rs_fieldmap_column(m, RS_F_EXEC_MEETINGS), 9);
	assert_int_equal(rs_fieldmap_column(m, RS_F_INFO_SHARING), 13);
	rs_fieldmap_free(m);
	m = map_ok("客户编号|我方销售额|客户采购总额", NULL, 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_OUR_SALES), 1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CUSTOMER_SPEND), 2);
	rs_fieldmap_free(m);
}

static void test_german_excel_headers_map_to_fields(void **state)
{
	rs_fieldmap *m = map_ok("Kundennr.|Firma|Anteil am Einkauf (%)|Umsatz (EUR)|Einkaufsvolumen (EUR)|"
	                        "Anzahl Kontakte|Höchste Ebene|Entscheider|Rahmenvertrag|Beteiligung|"
	                        "Exklusiv|Informationsaustausch|Gemeinsame Projekte|Jahre als Kunde",
	                        NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_ID), 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_NAME), 1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 2);
	assert_int_equal(rs_fieldmap_column(m, RS_F_OUR_SALES), 3);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CUSTOMER_SPEND), 4);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CONTACTS), 5);
	assert_int_equal(rs_fieldmap_column(m, RS_F_TOP_CONTACT_LEVEL), 6);
	assert_int_equal(rs_fieldmap_column(m, RS_F_KEY_PERSON), 7);
	assert_int_equal(rs_fieldmap_column(m, RS_F_STRATEGIC_AGREEMENT), 8);
	assert_int_equal(rs_fieldmap_column(m, RS_F_EQUITY_TIE), 9);
	assert_int_equal(rs_fieldmap_column(m, RS_F_EXCLUSIVE), 10);
	assert_int_equal(rs_fieldmap_column(m, RS_F_INFO_SHARING), 11);
	assert_int_equal(rs_fieldmap_column(m, RS_F_JOINT_PROJECTS), 12);
	assert_int_equal(rs_fieldmap_column(m, RS_F_RELATIONSHIP_YEARS), 13);
	rs_fieldmap_free(m);
	/* by their words: a count of departments; a contact person's name is
	 * not a count (Ansprechpartner alone is left to a note) */
	m = map_ok("Kunden-Nr|Anteil|Anzahl Abteilungen|Ansprechpartner", NULL, 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_ID), 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_DEPARTMENTS), 2);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CONTACTS), -1);
	rs_fieldmap_free(m);
}

static void test_header_case_spaces_and_hyphens_are_normalised(void **state)
{
	rs_fieldmap *m = map_ok("  Customer-ID | Share of Wallet |TOP CONTACT LEVEL|Key_Person", NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_ID), 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_TOP_CONTACT_LEVEL), 2);
	assert_int_equal(rs_fieldmap_column(m, RS_F_KEY_PERSON), 3);
	rs_fieldmap_free(m);
	m = map_ok("ID|share-of-wallet", NULL, 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 1);
	rs_fieldmap_free(m);
}

static void test_percent_unit_in_header_names_the_share(void **state)
{
	rs_fieldmap *m = map_ok("id|Share (%)", NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 1);
	rs_fieldmap_free(m);
	m = map_ok("id|Purchase Share %", NULL, 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 1);
	rs_fieldmap_free(m);
	m = map_ok("客户编号|采购份额（%）", NULL, 0);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 1);
	rs_fieldmap_free(m);
}

/* A bracket that says the column holds a number or code makes it no name:
 * "Customer (Nr.)" is the customer number, though brackets are dropped when
 * headers are read and "customer" alone may be the name. */
static void test_a_bracket_naming_a_number_or_code_is_id_like(void **state)
{
	static const char *const idlike[] = {"Customer (Nr.)", "Kunde (Nr.)", "Customer (No.)",
	                                     "Customer [#]", "Client (ID)", "Kunde (Code)",
	                                     "客户（编号）", "客户【编码】", "客户(代码)", "客戶（編號）"};
	static const char *const not_idlike[] = {"Customer", "Customer (Target)", "Kunde (EUR)",
	                                         "客户（全称）", "Share (%)", "Notes (nominal)"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof idlike / sizeof idlike[0]; i++)
		if (!rs_field_id_bracket(idlike[i], strlen(idlike[i])))
			fail_msg("\"%s\" is not id-like", idlike[i]);
	for (i = 0; i < sizeof not_idlike / sizeof not_idlike[0]; i++)
		if (rs_field_id_bracket(not_idlike[i], strlen(not_idlike[i])))
			fail_msg("\"%s\" is id-like", not_idlike[i]);
}

/* A "Partnership type" column (HubSpot's multi-checkbox: options between
 * ';') gives each yes/no signal without a column of its own: a named one yes,
 * one not named unknown. An option naming no signal, or a count or a signal
 * with its own column that does not say so there, rejects the row. */
static void test_a_cooperation_column_gives_the_signals_its_options_name(void **state)
{
	rs_fieldmap *m = map_ok("id|purchase_share|Partnership type|joint_projects", NULL, 0);
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow r;

	(void)state;
	assert_int_equal(m->col[RS_F_EXCLUSIVE], 2);
	assert_int_equal(m->how[RS_F_STRATEGIC_AGREEMENT], RS_HOW_OPTIONS);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|50|Strategic agreement;Exclusive; Joint project|2", 2),
	                                  &a, &guessed, &failed, &err),
	                 RS_OK);
	assert_true(rs_known(&a, RS_F_STRATEGIC_AGREEMENT) && a.v[RS_F_STRATEGIC_AGREEMENT] == 1);
	assert_true(rs_known(&a, RS_F_EXCLUSIVE) && a.v[RS_F_EXCLUSIVE] == 1);
	assert_false(rs_known(&a, RS_F_EQUITY_TIE)); /* not named: unknown, not no */
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A3|50|合資、信息共享|", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_OK);
	assert_true(rs_known(&a, RS_F_EQUITY_TIE) && rs_known(&a, RS_F_INFO_SHARING));
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A2|50|Joint Venture;Reseller;Joint project|0", 3),
	                                  &a, &guessed, &failed, &err),
	                 RS_EREJECT);
	assert_non_null(strstr(err.msg, "option \"Reseller\" names no cooperation signal"));
	assert_non_null(strstr(err.msg, "option \"Joint project\" names joint_projects"));
	{ /* a JSON list of strings (an API's multi-select field): its items */
		static const unsigned char json[4] = {RS_T_STRING, RS_T_NUMBER, RS_T_JSON, RS_T_NULL};
		const rs_row *jr = row_of(&r, "A4|50|[\"Strategic agreement\",\"Exclusive\"]|", 4);

		r.row.type = json;
		assert_int_equal(rs_fieldmap_read(m, jr, &a, &guessed, &failed, &err), RS_OK);
		assert_true(rs_known(&a, RS_F_STRATEGIC_AGREEMENT) && rs_known(&a, RS_F_EXCLUSIVE));
		assert_false(rs_known(&a, RS_F_EQUITY_TIE));
		jr = row_of(&r, "A5|50|[]|", 5);
		r.row.type = json;
		assert_int_equal(rs_fieldmap_read(m, jr, &a, &guessed, &failed, &err), RS_OK);
		assert_false(rs_known(&a, RS_F_STRATEGIC_AGREEMENT) || rs_known(&a, RS_F_EXCLUSIVE));
		jr = row_of(&r, "A6|50|[\"Reseller\",{\"a\":1}]|", 6);
		r.row.type = json;
		assert_int_equal(rs_fieldmap_read(m, jr, &a, &guessed, &failed, &err), RS_EREJECT);
		assert_non_null(strstr(err.msg, "option \"Reseller\" names no cooperation signal"));
		/* the same text in a CSV cell is no list */
		assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A7|50|[\"Exclusive\"]|", 7), &a, &guessed,
		                                  &failed, &err),
		                 RS_EREJECT);
	}
	rs_fieldmap_free(m);
	m = map_ok("id|purchase_share|合作方式|strategic_agreement|equity_tie|exclusive|info_sharing|"
	           "price_agreement", NULL, 0);
	assert_int_equal(m->options, -1); /* every signal has its own column */
	rs_fieldmap_free(m);
}

static void test_map_wins_over_alias(void **state)
{
	const char *maps[] = {"purchase_share=Anteil"};
	rs_fieldmap *m = map_ok("id|share|anteil", maps, 1);

	(void)state;
	/* "share" would give purchase_share; --map takes it from "Anteil" instead. */
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 2);
	rs_fieldmap_free(m);
}

static void test_map_accepts_column_number_and_loose_spelling(void **state)
{
	const char *maps[] = {"ID = #3", "Purchase-Share=my share"};
	rs_fieldmap *m = map_ok("x|My Share|code", maps, 2);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_ID), 2);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 1);
	rs_fieldmap_free(m);
}

static void test_map_unknown_field_lists_fields(void **state)
{
	const char *maps[] = {"sharez=share"};
	rs_error err;

	(void)state;
	map_fails("id|share", maps, 1, &err);
	assert_contains(err.msg, "\"sharez=share\": unknown field");
	assert_contains(err.msg, "id, name, purchase_share, our_sales");
	assert_contains(err.msg, "info_sharing");
}

static void test_map_missing_column_lists_header(void **state)
{
	const char *maps[] = {"purchase_share=Anteil"};
	const char *num[] = {"purchase_share=#9"};
	rs_error err;

	(void)state;
	map_fails("id|share|Name", maps, 1, &err);
	assert_contains(err.msg, "no such column");
	assert_contains(err.msg, "\"id\", \"share\", \"Name\"");
	map_fails("id|share|Name", num, 1, &err);
	assert_contains(err.msg, "no such column");
}

static void test_map_column_list_is_truncated(void **state)
{
	const char *maps[] = {"id=nothing"};
	char header[1500] = "id";
	rs_error err;
	int i;

	(void)state;
	for (i = 0; i < 60; i++)
		(void)snprintf(header + strlen(header), sizeof header - strlen(header),
		               "|a_long_column_name_%02d", i);
	map_fails(header, maps, 1, &err);
	assert_contains(err.msg, "more");
	assert_true(strlen(err.msg) < sizeof err.msg - 1);
}

static void test_map_malformed_specs_are_usage_errors(void **state)
{
	const char *bad[] = {"purchase_share", "=share", " = "};
	rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		map_fails("id|share", &bad[i], 1, &err);
		assert_contains(err.msg, "expected FIELD=COLUMN");
	}
}

static void test_map_field_twice_or_column_twice_fails(void **state)
{
	const char *twice[] = {"purchase_share=a", "purchase_share=b"};
	const char *shared[] = {"our_sales=a", "customer_spend=a"};
	rs_error err;

	(void)state;
	map_fails("id|a|b", twice, 2, &err);
	assert_contains(err.msg, "purchase_share twice");
	map_fails("id|a|b", shared, 2, &err);
	assert_contains(err.msg, "both our_sales and customer_spend");
}

static void test_duplicate_header_names_name_both_positions(void **state)
{
	rs_error err;

	(void)state;
	map_fails("id|Notes|share|notes", NULL, 0, &err);
	assert_string_equal(err.msg, "columns 2 (\"Notes\") and 4 (\"notes\") have the same name; rename one");
	assert_int_equal(err.line, 1);
}

static void test_empty_header_cells_are_pass_through(void **state)
{
	rs_fieldmap *m = map_ok("id||share|", NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 2);
	rs_fieldmap_free(m);
}

static void test_two_columns_giving_one_field_fail(void **state)
{
	rs_error err;

	(void)state;
	map_fails("id|share|x|y|purchase_share", NULL, 0, &err);
	assert_string_equal(err.msg, "columns 2 (\"share\") and 5 (\"purchase_share\") both give "
	                             "purchase_share; drop one or choose with --map purchase_share=COLUMN");
}

static void test_missing_id_lists_its_names(void **state)
{
	rs_error err;

	(void)state;
	map_fails("code|share", NULL, 0, &err);
	assert_contains(err.msg, "no column gives id");
	assert_contains(err.msg, "id (or account_id, customer_id, 客户编号, 客户ID");
	assert_contains(err.msg, "--map id=COLUMN");
}

static void test_missing_share_lists_accepted_names(void **state)
{
	rs_error err;

	(void)state;
	map_fails("id|name|contacts", NULL, 0, &err);
	assert_contains(err.msg, "no column gives the share");
	assert_contains(err.msg, "purchase_share (or share, share_of_wallet, wallet_share, 采购份额");
	assert_contains(err.msg, "our_sales (or revenue, our_revenue, sales, 我方销售额, 销售额, umsatz)");
	assert_contains(err.msg, "customer_spend (or total_purchases, customer_total_purchases, 客户采购总额");
	assert_contains(err.msg, "--map purchase_share=COLUMN");
	/* The whole message fits: it ends with the hint. */
	assert_int_equal(err.msg[strlen(err.msg) - 1], 'N');
}

static void test_sales_without_spend_says_which_is_missing(void **state)
{
	rs_error err;

	(void)state;
	map_fails("id|revenue", NULL, 0, &err);
	assert_contains(err.msg, "column 2 (\"revenue\") gives our_sales");
	assert_contains(err.msg, "customer_spend (or total_purchases");
}

static void test_sales_and_spend_are_a_share_source(void **state)
{
	rs_fieldmap *m = map_ok("account_id|sales|customer_total_purchases", NULL, 0);

	(void)state;
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), -1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_OUR_SALES), 1);
	assert_int_equal(rs_fieldmap_column(m, RS_F_CUSTOMER_SPEND), 2);
	rs_fieldmap_free(m);
}

/* ------------------------------------------------- words, exports, cfg */

/* The header text, the normalised form matching sees. */
static const char *norm_of(const char *s, char *buf, size_t cap)
{
	(void)rs_field_norm(s, strlen(s), 0, buf, cap);
	return buf;
}

static void test_norm_folds_case_width_units_hash_and_shifou(void **state)
{
	char b[128];

	(void)state;
	assert_string_equal(norm_of("  # of Contacts ", b, sizeof b), "#_of_contacts");
	assert_string_equal(norm_of("#Contacts", b, sizeof b), "#_contacts");
	assert_string_equal(norm_of("Share of Wallet (%)", b, sizeof b), "share_of_wallet");
	assert_string_equal(norm_of("Revenue (FY24) USD", b, sizeof b), "revenue_usd");
	assert_string_equal(norm_of("销售额（万元）", b, sizeof b), "销售额");
	assert_string_equal(norm_of("【重要】联系人数量", b, sizeof b), "联系人数量");
	assert_string_equal(norm_of("是否关键人", b, sizeof b), "关键人");
	assert_string_equal(norm_of("ＡＣＣＯＵＮＴ　ＩＤ", b, sizeof b), "account_id"); /* full width */
	assert_string_equal(norm_of("Address 1: City", b, sizeof b), "address_1_city");
	assert_string_equal(norm_of("(Do Not Modify) Account", b, sizeof b), "account");
}

static size_t prefix_of(const char *header)
{
	trow h;

	return rs_field_shared_prefix(row_of(&h, header, 1));
}

static void test_prefix_every_column_shares_is_dropped_only_after_a_separator(void **state)
{
	(void)state;
	assert_int_equal(prefix_of("Organization - ID|Organization - Name|Organization - People"), 15);
	assert_int_equal(prefix_of("Account: ID|Account: Name"), 9);
	assert_int_equal(prefix_of("Account ID|Account Name|Account Owner"), 0); /* plain words */
	assert_int_equal(prefix_of("Organization - ID"), 0);                     /* one column */
	assert_int_equal(prefix_of("A - ID|A - Name||A - X"), 4);                /* empty cells */
	assert_int_equal(prefix_of("Org - ID|Org - "), 0); /* nothing would remain of one */
}

/* The column each field gets from `header` (no -m), as "field=col,..." for the found ones. */
static const char *found(const char *header, char *buf, size_t cap)
{
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	char one[64];
	int f;

	rs_error_clear(&err);
	(void)rs_fieldmap_build(&m, row_of(&h, header, 1), NULL, NULL, &err);
	assert_non_null(m);
	buf[0] = '\0';
	for (f = 0; f < RS_F_COUNT; f++)
		if (m->col[f] >= 0) {
			(void)snprintf(one, sizeof one, "%s%s=%ld%c", buf[0] ? " " : "", rs_var_name(f),
			               m->col[f] + 1, "?nawmf-"[m->how[f]]);
			strncat(buf, one, cap - strlen(buf) - 1);
		}
	rs_fieldmap_free(m);
	return buf;
}

/* The column suffix: n field name, a built-in name, w words. */
static void test_real_export_headers_find_their_fields(void **state)
{
	char b[512];

	(void)state;
	/* Salesforce accounts report, with custom fields */
	assert_string_equal(
	    found("Account ID|Account Name|Account Owner|Parent Account ID|Billing City|Annual Revenue|"
	          "Share of Wallet (%)|# of Contacts|Highest Contact Level|Decision Maker Engaged|"
	          "Years as Customer|Exec Meetings|Joint Venture|Preferred Supplier|Shares Forecast",
	          b, sizeof b),
	    "id=1a name=2a purchase_share=7a contacts=8a top_contact_level=9a key_person=10a "
	    "relationship_years=11a exec_meetings=12n equity_tie=13a exclusive=14a info_sharing=15a");
	/* HubSpot companies */
	assert_string_equal(found("Record ID|Company name|Company owner|Company Domain Name|Annual Revenue|"
	                          "Number of Associated Contacts|Our Revenue|Total Spend|Departments Engaged",
	                          b, sizeof b),
	                    "id=1a name=2a our_sales=7a customer_spend=8a contacts=6w departments=9w");
	/* HubSpot's "Became a Customer Date" (before: passed through, the years unknown) */
	assert_string_equal(found("Record ID|Company name|Share of Wallet|Create Date|Became a Customer Date",
	                          b, sizeof b),
	                    "id=1a name=2a purchase_share=3a customer_since=5a");
	assert_string_equal(found("id|name|share_of_wallet|hs_lifecyclestage_customer_date", b, sizeof b),
	                    "id=1n name=2n purchase_share=3a customer_since=4a");
	/* Dynamics 365: hidden columns, Account Number by its words */
	assert_string_equal(found("(Do Not Modify) Account|(Do Not Modify) Row Checksum|Account Name|"
	                          "Account Number|Primary Contact|Share %|Strategic Partnership Agreement",
	                          b, sizeof b),
	                    "id=4w name=3a purchase_share=6a strategic_agreement=7w");
	/* Dynamics 365 Web API: accountid, not the lookups (_..._value) beside it */
	assert_string_equal(found("@odata.etag|accountid|name|_parentaccountid_value|"
	                          "_primarycontactid_value|accountnumber|purchase_share", b, sizeof b),
	                    "id=2w name=3n purchase_share=7n");
	/* Zoho: Record Id by name, Account Number left alone */
	assert_string_equal(found("Record Id|Account Name|Account Number|Account Owner|Share of wallet|"
	                          "No. of Contacts|Co-development Projects",
	                          b, sizeof b),
	                    "id=1a name=2a purchase_share=5a contacts=6w joint_projects=7w");
	/* Pipedrive: the shared prefix */
	assert_string_equal(found("Organization - ID|Organization - Name|Organization - Owner|"
	                          "Organization - People|Organization - Share of wallet",
	                          b, sizeof b),
	                    "id=1n name=2n purchase_share=5a contacts=4a");
	/* Kingdee / Yonyou */
	assert_string_equal(found("序号|客户编码|客户名称|业务员|销售额（万元）|采购总额（万元）|联系人数量|"
	                          "接触部门|最高接触级别|是否关键人|合作年数|联合开发项目|是否签订战略协议|"
	                          "是否合资|是否独家|信息共享",
	                          b, sizeof b),
	                    "id=2a name=3a our_sales=5a customer_spend=6a contacts=7a departments=8a "
	                    "top_contact_level=9a key_person=10a relationship_years=11a joint_projects=12a "
	                    "strategic_agreement=13a equity_tie=14a exclusive=15a info_sharing=16a");
	/* 纷享销客 / 销售易: 客户级别 is the customer's grade, not a contact level */
	assert_string_equal(found("客户编号|客户名称|负责人|客户级别|钱包份额（%）|高层拜访次数|决策人关系|"
	                          "战略合作协议",
	                          b, sizeof b),
	                    "id=1a name=2a purchase_share=5w key_person=7w exec_meetings=6w "
	                    "strategic_agreement=8w");
}

/* A share, sales or spend column that is a target, a forecast, a past value
 * or someone else's is not the account's: never taken by its words. */
static void test_share_and_amount_words_pass_over_targets_past_and_others(void **state)
{
	char b[512];

	(void)state;
	assert_string_equal(found("Account ID|Account Name|Target Share", b, sizeof b), "id=1a name=2a");
	assert_string_equal(found("Account ID|Competitor Share|Share of Spend", b, sizeof b),
	                    "id=1a purchase_share=3w");
	assert_string_equal(found("Account ID|Share Last Year|Share Goal|Potential Share|"
	                          "Share of Voice|Wallet Size|Share Capital|Wallet Share",
	                          b, sizeof b),
	                    "id=1a purchase_share=8a previous_share=2w");
	assert_string_equal(found("客户编号|目标份额|竞争对手份额|去年份额|份额", b, sizeof b),
	                    "id=1a purchase_share=5a previous_share=4a");
	assert_string_equal(found("Account ID|Share|Forecast Purchases|Last Year Revenue|Budget Spend",
	                          b, sizeof b),
	                    "id=1a purchase_share=2a");
	assert_string_equal(found("客户编号|份额|预测采购额|去年销售额", b, sizeof b), "id=1a purchase_share=2a");
	/* last month's, quarter's, the period's opening: a Chinese report's 上月, 上季度, 期初;
	 * the past period's share is previous_share, one at most (three past shares: none) */
	assert_string_equal(found("客户编号|上月份额|本月份额", b, sizeof b),
	                    "id=1a purchase_share=3w previous_share=2w");
	assert_string_equal(found("客户编号|上季度份额|期初份额|前期份额|上一年度份额|上月销售额|期初采购总额",
	                          b, sizeof b),
	                    "id=1a");
	/* the year's opening (年初) is past; the year to date (年初至今, 年初以来) is now */
	assert_string_equal(found("客户编号|年初份额|年初占比|年初采购份额|份额（年初）", b, sizeof b), "id=1a");
	assert_string_equal(found("客户编号|年初份额|年初至今份额", b, sizeof b), "id=1a purchase_share=3w");
	assert_string_equal(found("客户编号|年初以来占比", b, sizeof b), "id=1a purchase_share=2w");
	assert_string_equal(found("客户编号|份额（年初至今）", b, sizeof b), "id=1a purchase_share=2a");
	assert_string_equal(found("客户编号|月初份额|季初占比", b, sizeof b), "id=1a");
	assert_string_equal(found("客户编号|季初份额|季初至今份额", b, sizeof b), "id=1a purchase_share=3w");
	/* a rival's amounts, a rank, a change */
	assert_string_equal(found("Account ID|Share|Competitor Revenue|Competitor Spend|Share Rank|"
	                          "Share Delta",
	                          b, sizeof b),
	                    "id=1a purchase_share=2a");
	assert_string_equal(found("客户编号|竞品销售额|份额同比|份额环比|份额排名", b, sizeof b), "id=1a");
	/* nor, for the counts and the bonds, a plan or a target */
	assert_string_equal(found("Account ID|Share|Planned Exec Meetings|Target Contacts|"
	                          "Strategic Agreement Planned|Joint Venture Target|计划联合项目数",
	                          b, sizeof b),
	                    "id=1a purchase_share=2a");
}

/* The same said in brackets: units and periods in brackets are passed over
 * ("Share (%)", "Umsatz (TEUR)", "(FY24)"), but a target, plan, forecast,
 * past value or a rival's in brackets is not the account's value now, by
 * its name or its words. */
static void test_brackets_naming_a_target_or_past_are_not_the_value(void **state)
{
	char b[512];

	(void)state;
	assert_string_equal(found("Account ID|Share of Wallet (Target)|Share (LY)|Share (competitor)|"
	                          "Revenue (budget)|Total Purchases (forecast)",
	                          b, sizeof b),
	                    "id=1a previous_share=3a");
	/* a prior year's (PY) share was read as the share before: now previous_share */
	assert_string_equal(found("Account ID|Share (PY)|Share", b, sizeof b),
	                    "id=1a purchase_share=3a previous_share=2a");
	/* not the year before last, a trailing window or the year's opening */
	assert_string_equal(found("客户编号|份额|前年份额|Share Last 12 Months|年初份额", b, sizeof b),
	                    "id=1a purchase_share=2a");
	/* German Excel's previous year (Vorjahr) too, never the share itself */
	assert_string_equal(found("Kundennummer|Anteil|Anteil Vorjahr", b, sizeof b),
	                    "id=1a purchase_share=2a previous_share=3w");
	assert_string_equal(found("客户编号|采购份额（预测）|份额（去年）|我方销售额（目标）|份额", b, sizeof b),
	                    "id=1a purchase_share=5a previous_share=3w");
	assert_string_equal(found("Account ID|Share (%) (FY2026)|Umsatz (TEUR)|Einkaufsvolumen (TEUR)",
	                          b, sizeof b),
	                    "id=1a purchase_share=2a our_sales=3a customer_spend=4a");
}

static void test_ambiguous_words_take_none_and_say_so(void **state)
{
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	rs_buf notes;

	(void)state;
	rs_buf_init(&notes);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Contacts Qty|Contacts #", 1),
	                                   NULL, &notes, &err),
	                 RS_OK);
	assert_int_equal(m->col[RS_F_CONTACTS], -1);
	assert_int_equal(m->how[RS_F_CONTACTS], RS_HOW_NONE);
	assert_string_equal(notes.data, "contacts: columns 'Contacts Qty', 'Contacts #' all look like contacts; "
	                                "none was taken: choose one with -m contacts=COLUMN\n");
	rs_fieldmap_free(m);
	/* a column with the topic but not the count: a hint with the -m line */
	rs_buf_reset(&notes);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Contact Depth|Key Person's Name", 1), NULL,
	                                   &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data, "'Contact Depth' looks like contacts: -m contacts='Contact Depth'\n");
	rs_fieldmap_free(m);
	rs_buf_free(&notes);
}

static void test_a_column_taken_by_its_words_is_said_in_a_note(void **state)
{
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	rs_buf notes;

	(void)state;
	rs_buf_init(&notes);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Account ID|Account Name|Owner|Share of Wallet (%)", 1),
	                                   NULL, &notes, &err),
	                 RS_OK);
	assert_int_equal(m->how[RS_F_PURCHASE_SHARE], RS_HOW_ALIAS);
	assert_null(notes.data == NULL ? NULL : strstr(notes.data, "taken by its words"));
	rs_fieldmap_free(m);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Account ID|Share of Spend|Departments Engaged", 1),
	                                   NULL, &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data,
	                    "purchase_share is column 2 (\"Share of Spend\"), taken by its words (share); if "
	                    "that is wrong, name the column with -m purchase_share=COLUMN\n"
	                    "departments is column 3 (\"Departments Engaged\"), taken by its words "
	                    "(departments + engaged); if that is wrong, name the column with -m "
	                    "departments=COLUMN\n");
	rs_fieldmap_free(m);
	rs_buf_free(&notes);
}

/* A header that is only "Customer", "Kunde" or 客户 (Kingdee's beside 客户编码)
 * is the name when no built-in name or words give one; beside a stronger
 * name it passes through, and it never makes two columns give the name. */
static void test_a_lone_customer_header_is_the_name_when_nothing_stronger_is(void **state)
{
	char b[512];

	(void)state;
	assert_string_equal(found("客户编码|客户|采购份额", b, sizeof b), "id=1a name=2w purchase_share=3a");
	assert_string_equal(found("Kundennr.|Kunde|Anteil am Einkauf (%)", b, sizeof b),
	                    "id=1a name=2w purchase_share=3a");
	assert_string_equal(found("Customer No.|Client|Share", b, sizeof b),
	                    "id=1w name=2w purchase_share=3a");
	assert_string_equal(found("客戶編號|客戶|份額", b, sizeof b), "id=1a name=2w purchase_share=3a");
	assert_string_equal(found("客戶編號|顧客|份額", b, sizeof b), "id=1a name=2w purchase_share=3a");
	assert_string_equal(found("客戶編號|購貨單位|份額", b, sizeof b), "id=1a name=2w purchase_share=3a");
	/* a stronger name wins, without a clash: an alias, or words */
	assert_string_equal(found("Account ID|Account Name|Customer|Share", b, sizeof b),
	                    "id=1a name=2a purchase_share=4a");
	assert_string_equal(found("Account ID|Customer|Company|Share", b, sizeof b),
	                    "id=1a name=3a purchase_share=4a");
	assert_string_equal(found("Account ID|Customer|Client Full Name|Share", b, sizeof b),
	                    "id=1a name=3w purchase_share=4a");
	/* 客户 holding the codes beside 客户名称 is not the name */
	assert_string_equal(found("客户编码|客户|客户名称|份额", b, sizeof b), "id=1a name=3a purchase_share=4a");
	/* not Account alone: Dynamics 365's hidden "(Do Not Modify) Account" is a GUID */
	assert_string_equal(found("(Do Not Modify) Account|Account Number|Share", b, sizeof b),
	                    "id=2w purchase_share=3a");
	/* only the whole header: a customer word with others is no name */
	assert_string_equal(found("Account ID|Customer Type|Customer Segment|Share", b, sizeof b),
	                    "id=1a purchase_share=4a");
	assert_int_equal(rs_field_word_rule(RS_F_NAME, "customer", RS_WORDS_FULL), -1);
	assert_true(rs_field_word_rule(RS_F_NAME, "customer", RS_WORDS_ALONE) >= 0);
	assert_int_equal(rs_field_word_rule(RS_F_NAME, "customer_type", RS_WORDS_ALONE), -1);
	assert_int_equal(rs_field_word_rule(RS_F_NAME, "customer_name", RS_WORDS_ALONE), -1);
	assert_int_equal(rs_field_word_rule(RS_F_ID, "customer", RS_WORDS_ALONE), -1);
}

/* Taken, it is said like any column taken by its words (in Chinese under
 * --lang zh); two such columns are named and neither is taken. */
static void test_a_lone_customer_header_taken_as_the_name_is_said(void **state)
{
	rs_fieldcfg cfg;
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	rs_buf notes;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	rs_buf_init(&notes);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "客户编码|客户单位|份额", 1), &cfg, &notes, &err),
	                 RS_OK);
	assert_int_equal(m->how[RS_F_NAME], RS_HOW_WORDS);
	assert_string_equal(notes.data, "name is column 2 (\"客户单位\"), taken by its words (客户单位); if "
	                                "that is wrong, name the column with -m name=COLUMN\n");
	rs_fieldmap_free(m);
	rs_buf_reset(&notes);
	cfg.lang = RS_LANG_ZH;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Kundennr.|Kunde|Anteil", 1), &cfg, &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data, "name 取第 2 列（\"Kunde\"），依据列名中的词（kunde）；如不对，"
	                                "请用 -m name=COLUMN 指定列\n");
	rs_fieldmap_free(m);
	rs_buf_reset(&notes);
	cfg.lang = RS_LANG_EN;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|Customer|Client|share", 1), &cfg, &notes, &err),
	                 RS_OK);
	assert_int_equal(m->col[RS_F_NAME], -1);
	assert_string_equal(notes.data, "name: columns 'Customer', 'Client' all look like name; none was "
	                                "taken: choose one with -m name=COLUMN\n");
	rs_fieldmap_free(m);
	rs_buf_free(&notes);
}

/* Without an id, "Customer" may be the id's column: it is not taken as the
 * name, and the error names it for -m id=; -m id= takes it with no note.
 * Never for JSON keys: an API's "customer" is a reference (an id, an object). */
static void test_a_lone_customer_header_never_takes_the_place_of_the_id(void **state)
{
	rs_fieldcfg cfg;
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	rs_buf notes;
	const char *id[] = {"id=客户"};

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	rs_buf_init(&notes);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Customer|Share", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_int_equal(m->col[RS_F_NAME], -1);
	assert_contains(err.msg, "no column gives id (column 'Customer' may hold it: -m id='Customer'): ");
	rs_fieldmap_free(m);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "客户|客户名称|份额", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_int_equal(m->col[RS_F_NAME], 1);
	assert_contains(err.msg, "no column gives id (column '客户' may hold it: -m id='客户'): ");
	rs_fieldmap_free(m);
	/* SAP: Kunde is the customer's number, Name 1 its name */
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Kunde|Name 1|Anteil", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_contains(err.msg, "no column gives id (column 'Kunde' may hold it: -m id='Kunde'): ");
	rs_fieldmap_free(m);
	cfg.maps = id;
	cfg.nmaps = 1;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "客户|份额", 1), &cfg, &notes, &err), RS_OK);
	assert_int_equal(m->col[RS_F_ID], 0);
	assert_int_equal(m->col[RS_F_NAME], -1);
	assert_null(notes.data);
	rs_fieldmap_free(m);
	cfg.nmaps = 0;
	cfg.keys = true;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|customer|share", 1), &cfg, &notes, &err), RS_OK);
	assert_int_equal(m->col[RS_F_NAME], -1);
	rs_fieldmap_free(m);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "customer|share", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_null(strstr(err.msg, "may hold it"));
	rs_fieldmap_free(m);
	rs_buf_free(&notes);
}

/* An ERP's generic code header gives the id only when nothing else does:
 * Odoo's "External ID" before its "Reference", both before Dynamics NAV's
 * "Nr."; Japanese 得意先コード and 取引先名 are built-in names. A better id
 * column beside them wins without a clash; two of one rank are named. */
static void test_an_erp_code_header_is_the_id_only_when_nothing_better_is(void **state)
{
	char b[512];
	rs_fieldcfg cfg;
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;

	(void)state;
	assert_string_equal(found("Nr.|Name|Ort|Anteil", b, sizeof b), "id=1w name=2n purchase_share=4a");
	assert_string_equal(found("No.|Name|Share", b, sizeof b), "id=1w name=2n purchase_share=3a");
	assert_string_equal(found("Display Name|Reference|Share", b, sizeof b),
	                    "id=2w name=1w purchase_share=3a");
	assert_string_equal(found("Internal Reference|Display Name|Share", b, sizeof b),
	                    "id=1w name=2w purchase_share=3a");
	assert_string_equal(found("Reference|Display Name|External ID|Nr.|Share", b, sizeof b),
	                    "id=3w name=2w purchase_share=5a");
	assert_string_equal(found("Nr.|Display Name|Reference|Share", b, sizeof b),
	                    "id=3w name=2w purchase_share=4a");
	assert_string_equal(found("得意先コード|得意先名|share", b, sizeof b), "id=1a name=2a purchase_share=3a");
	assert_string_equal(found("取引先コード|取引先名|share", b, sizeof b), "id=1a name=2a purchase_share=3a");
	assert_string_equal(found("顧客コード|顧客名|share", b, sizeof b), "id=1a name=2a purchase_share=3a");
	/* never in place of a better one, nor beside it as a clash */
	assert_string_equal(found("Customer ID|Reference|Nr.|Share", b, sizeof b), "id=1a purchase_share=4a");
	assert_string_equal(found("id|External ID|Share", b, sizeof b), "id=1n purchase_share=3a");
	assert_string_equal(found("Account Number|Nr.|Share", b, sizeof b), "id=1w purchase_share=3a");
	/* only the whole header */
	assert_int_equal(rs_field_word_rule(RS_F_ID, "order_reference", RS_WORDS_ALONE), -1);
	assert_int_equal(rs_field_word_rule(RS_F_ID, "lfd_nr", RS_WORDS_ALONE), -1);
	assert_int_equal(rs_field_word_rule(RS_F_ID, "reference", RS_WORDS_FULL), -1);
	/* two of one rank: neither, both named */
	memset(&cfg, 0, sizeof cfg);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Reference|Internal Reference|Share", 1), &cfg,
	                                   NULL, &err),
	                 RS_EUSAGE);
	assert_contains(err.msg, "'Reference', 'Internal Reference'");
	rs_fieldmap_free(m);
	/* not a JSON key: an API's "reference" may point at another record */
	cfg.keys = true;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "reference|share", 1), &cfg, NULL, &err), RS_EUSAGE);
	rs_fieldmap_free(m);
}

/* --lang zh: the same notes in Chinese; field names, the -m line and the
 * column's text stay as written; JSON names a key (键). */
static void test_header_notes_are_chinese_under_lang_zh(void **state)
{
	rs_fieldcfg cfg;
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	rs_buf notes;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.lang = RS_LANG_ZH;
	rs_buf_init(&notes);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Account ID|Share of Spend|Contact Depth", 1),
	                                   &cfg, &notes, &err),
	                 RS_OK);
	assert_int_equal(m->lang, RS_LANG_ZH);
	assert_string_equal(notes.data,
	                    "purchase_share 取第 2 列（\"Share of Spend\"），依据列名中的词（share）；"
	                    "如不对，请用 -m purchase_share=COLUMN 指定列\n"
	                    "'Contact Depth' 像是 contacts：如是，请用 -m contacts='Contact Depth'\n");
	rs_fieldmap_free(m);
	rs_buf_reset(&notes);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Contacts Qty|Contacts #", 1), &cfg,
	                                   &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data, "contacts：列 'Contacts Qty', 'Contacts #' 都像是 contacts，"
	                                "均未采用；请用 -m contacts=COLUMN 选定其一\n");
	rs_fieldmap_free(m);
	rs_buf_reset(&notes);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|Share|Share 2026", 1), &cfg, &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data, "purchase_share 按列名取第 2 列（\"Share\"），但 'Share 2026' "
	                                "也像是 purchase_share；如应取它，请用 -m purchase_share='Share 2026'\n");
	rs_fieldmap_free(m);
	rs_buf_reset(&notes);
	cfg.keys = true;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "accountid|share", 1), &cfg, &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data, "id 取键 \"accountid\"，依据键名中的词（accountid）；如不对，"
	                                "请用 -m id=KEY 指定键\n");
	rs_fieldmap_free(m);
	rs_buf_free(&notes);
}

/* JSON records' columns are their keys: the messages name keys and -m's KEY
 * (the same header read as a table names columns, above). */
static void test_json_keys_are_named_keys_in_messages(void **state)
{
	rs_fieldcfg cfg;
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;
	rs_buf notes;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.keys = true;
	rs_buf_init(&notes);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Account ID|Share of Spend|Departments Engaged", 1),
	                                   &cfg, &notes, &err),
	                 RS_OK);
	assert_string_equal(notes.data,
	                    "purchase_share is key \"Share of Spend\", taken by its words (share); if "
	                    "that is wrong, name the key with -m purchase_share=KEY\n"
	                    "departments is key \"Departments Engaged\", taken by its words "
	                    "(departments + engaged); if that is wrong, name the key with -m "
	                    "departments=KEY\n");
	rs_fieldmap_free(m);
	rs_buf_free(&notes);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Account Number|Customer Code|share", 1), &cfg,
	                                   NULL, &err), RS_EUSAGE);
	assert_contains(err.msg, "no key gives id (keys 'Account Number', 'Customer Code' all look like "
	                         "id): name one id (or ");
	assert_contains(err.msg, "or use --map id=KEY");
	rs_fieldmap_free(m);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|name", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_contains(err.msg, "no key gives the share");
	assert_contains(err.msg, "or use --map purchase_share=KEY");
	rs_fieldmap_free(m);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Share", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "keys \"share\" and \"Share\" have the same name; rename one");
	cfg.maps = (const char *const[]){"our_sales=Salse"};
	cfg.nmaps = 1;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Sales", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "--map \"our_sales=Salse\": no such key in the records; keys are "
	                             "\"id\", \"share\", \"Sales\"");
	assert_null(m);
}

/* JSON keys in camelCase read as their words (shareOfWallet as
 * share_of_wallet); a table's header cells are left as they are. */
static void test_json_camel_case_keys_read_as_words(void **state)
{
	rs_fieldcfg cfg;
	trow h;
	rs_error err;
	rs_fieldmap *m = NULL;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.keys = true;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "accountID|shareOfWallet|keyPerson|customerSince", 1),
	                                   &cfg, NULL, &err), RS_OK);
	assert_int_equal(m->col[RS_F_ID], 0);
	assert_int_equal(m->col[RS_F_PURCHASE_SHARE], 1);
	assert_int_equal(m->how[RS_F_PURCHASE_SHARE], RS_HOW_ALIAS);
	assert_int_equal(m->col[RS_F_KEY_PERSON], 2);
	assert_int_equal(m->col[RS_F_CUSTOMER_SINCE], 3);
	rs_fieldmap_free(m);
	cfg.keys = false;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|shareOfWallet", 1), &cfg, NULL, &err),
	                 RS_EUSAGE);
	rs_fieldmap_free(m);
}

static void test_ambiguous_id_words_are_named_in_the_error(void **state)
{
	rs_error err;

	(void)state;
	map_fails("Account Number|Customer Code|share", NULL, 0, &err);
	assert_contains(err.msg, "no column gives id (columns 'Account Number', 'Customer Code' all look like id)");
}

static void test_map_empty_column_and_ignore_unmap(void **state)
{
	const char *unmap[] = {"our_sales="};
	const char *ignore[] = {"Sales"};
	rs_fieldcfg cfg;
	rs_fieldmap *m;
	rs_error err;
	trow h;

	(void)state;
	m = map_ok("id|share|Sales", unmap, 1);
	assert_int_equal(m->col[RS_F_OUR_SALES], -1);
	assert_int_equal(m->how[RS_F_OUR_SALES], RS_HOW_OFF);
	rs_fieldmap_free(m);
	memset(&cfg, 0, sizeof cfg);
	cfg.ignores = ignore;
	cfg.nignores = 1;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Sales|Revenue", 1), &cfg, NULL, &err), RS_OK);
	assert_int_equal(m->col[RS_F_OUR_SALES], 3); /* the ignored column is not a twin either */
	rs_fieldmap_free(m);
	/* -m may still name an ignored column: it is explicit */
	cfg.maps = (const char *const[]){"our_sales=Sales"};
	cfg.nmaps = 1;
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Sales", 1), &cfg, NULL, &err), RS_OK);
	assert_int_equal(m->col[RS_F_OUR_SALES], 2);
	rs_fieldmap_free(m);
	cfg.nmaps = 0;
	cfg.ignores = (const char *const[]){"Salse"};
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share|Sales", 1), &cfg, NULL, &err), RS_EUSAGE);
	assert_contains(err.msg, "--ignore \"Salse\": no such column in the header");
	assert_null(m);
}

static void test_missing_share_keeps_the_map_so_far(void **state)
{
	rs_fieldmap *m = NULL;
	rs_error err;
	trow h;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "Accounts report, March", 1), NULL, NULL, &err),
	                 RS_EUSAGE);
	assert_non_null(m); /* not a header: the caller may look at the next row */
	rs_fieldmap_free(m);
	assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|id", 1), NULL, NULL, &err), RS_EUSAGE);
	assert_null(m); /* a header with a problem */
}

static void test_field_words_are_listed(void **state)
{
	char b[600];

	(void)state;
	assert_true(rs_field_words(RS_F_ID, RS_LANG_EN, b, sizeof b) > 0);
	assert_contains(b, "(customer|customers|account|");
	assert_contains(b, ") + (id|#|no|");
	assert_contains(b, "编码");
	assert_int_equal(rs_field_words(RS_V_SHARE_PCT, RS_LANG_EN, b, sizeof b), 0);
}

/* -------------------------------------------------------------- apply */

#define FULL_HEADER "id|name|Share|revenue|spend|contacts|departments|level|key_person|years|" \
                    "joint_projects|exec_meetings|agreement|equity_tie|exclusive|info_sharing"

static rs_fieldmap *full_map(void)
{
	const char *maps[] = {"customer_spend=spend", "top_contact_level=level"};

	return map_ok(FULL_HEADER, maps, 2);
}

/* Applies `cells` to the full map and expects RS_EREJECT; returns the error. */
static void apply_rejects(const char *cells, const rs_numfmt *nf, rs_error *err)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	trow r;

	rs_error_clear(err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, cells, 7), nf, &a, err), RS_EREJECT);
	assert_int_equal(err->line, 7);
	rs_fieldmap_free(m);
}

static void test_apply_reads_every_kind(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|Acme, Inc.|85%|US$1,200,000|$ 2,000,000.00|"
	                                                 "12|4|Executive|yes|2.5|3|2|是|no|1|有", 2),
	                                   NULL, &a, &err),
	                 RS_OK);
	assert_string_equal(a.id, "A1");
	assert_int_equal(a.id_len, 2);
	assert_string_equal(a.name, "Acme, Inc.");
	assert_true(rs_known(&a, RS_F_ID) && rs_known(&a, RS_F_NAME));
	assert_num(a.v[RS_F_PURCHASE_SHARE], 85, 0);
	assert_num(a.v[RS_F_OUR_SALES], 1200000, 0);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 2000000, 0);
	assert_num(a.v[RS_F_CONTACTS], 12, 0);
	assert_num(a.v[RS_F_TOP_CONTACT_LEVEL], 4, 0);
	assert_num(a.v[RS_F_KEY_PERSON], 1, 0);
	assert_num(a.v[RS_F_RELATIONSHIP_YEARS], 2.5, 0);
	assert_num(a.v[RS_F_STRATEGIC_AGREEMENT], 1, 0);
	assert_num(a.v[RS_F_EQUITY_TIE], 0, 0);
	assert_true(rs_known(&a, RS_F_EQUITY_TIE));
	assert_num(a.v[RS_F_INFO_SHARING], 1, 0);
	assert_false(rs_known(&a, RS_V_SHARE_PCT));
	rs_fieldmap_free(m);
}

static void test_apply_empty_cells_are_unknown_not_zero(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;
	int f;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1| |  |||\xE3\x80\x80||| | ||||||", 2), NULL, &a, &err),
	                 RS_OK);
	assert_true(rs_known(&a, RS_F_ID));
	assert_null(a.name);
	for (f = RS_F_NAME; f < RS_V_COUNT; f++)
		assert_false(rs_known(&a, f));
	rs_fieldmap_free(m);
}

static void test_apply_bad_values_reject_naming_the_column(void **state)
{
	rs_error err;

	(void)state;
	apply_rejects("A1|n|abc|||||||||||||", NULL, &err);
	assert_string_equal(err.where, "Share");
	assert_contains(err.msg, "purchase_share \"abc\" is not a number");
	apply_rejects("A1|n|5||||||||||||", NULL, &err);
	assert_int_equal(err.status, RS_EREJECT);
	assert_string_equal(err.msg, "row has 15 fields, the header has 16");
	apply_rejects("A1|n|5|||||boss||||||||", NULL, &err);
	assert_string_equal(err.where, "level");
	assert_string_equal(err.msg, "top_contact_level \"boss\" is not a level "
	                             "(staff, manager, director, executive, or a title: VP Sales, "
	                             "采购经理; relstage fields lists all)");
	apply_rejects("A1|n|5||||||maybe|||||||", NULL, &err);
	/* the header is the field's own name: the message already says it */
	assert_string_equal(err.where, "");
	assert_contains(err.msg, "key_person \"maybe\" is not yes/no");
}

static void test_apply_rejects_empty_id(void **state)
{
	rs_error err;

	(void)state;
	apply_rejects("  |n|5|||||||||||||", NULL, &err);
	assert_string_equal(err.msg, "id is empty");
	apply_rejects(" n/a |n|5|||||||||||||", NULL, &err); /* a placeholder: none given */
	assert_string_equal(err.msg, "id is empty");
	apply_rejects("—|n|5|||||||||||||", NULL, &err);
	assert_string_equal(err.msg, "id is empty");
}

/* A failed lookup (=VLOOKUP(...) gives #N/A) is not an account's id: scored
 * under it, it could not be joined back, and --previous would match it to
 * another failed lookup. */
static void test_apply_rejects_a_spreadsheet_error_as_id(void **state)
{
	rs_error err;

	(void)state;
	apply_rejects("#N/A|n|5|||||||||||||", NULL, &err);
	assert_string_equal(err.msg, "id \"#N/A\" is a spreadsheet error (a formula that "
	                             "failed), not an id");
	apply_rejects(" #REF! |n|5|||||||||||||", NULL, &err);
	assert_contains(err.msg, "id \"#REF!\" is a spreadsheet error");
	apply_rejects("#DIV/0!|n|5|||||||||||||", NULL, &err);
	assert_contains(err.msg, "is a spreadsheet error");
	apply_rejects("#NAME?|n|5|||||||||||||", NULL, &err);
	assert_contains(err.msg, "is a spreadsheet error");
}

/* German, French and Italian Excel save a failed lookup in their own words:
 * no more an id than #N/A is. */
static void test_apply_rejects_a_localised_spreadsheet_error_as_id(void **state)
{
	rs_error err;

	(void)state;
	apply_rejects("#NV|n|5|||||||||||||", NULL, &err);
	assert_string_equal(err.msg, "id \"#NV\" is a spreadsheet error (a formula that "
	                             "failed), not an id");
	apply_rejects("#WERT!|n|5|||||||||||||", NULL, &err);
	assert_contains(err.msg, "is a spreadsheet error");
	apply_rejects("#VALEUR!|n|5|||||||||||||", NULL, &err);
	assert_contains(err.msg, "is a spreadsheet error");
	apply_rejects("#N/D|n|5|||||||||||||", NULL, &err);
	assert_contains(err.msg, "is a spreadsheet error");
}

/* An amount a narrow column showed as 8.8E+05 was saved so: 875,000 and
 * 884,999 alike. A share from it would be off by whatever was cut. */
static void test_apply_rejects_an_amount_in_scientific_notation(void **state)
{
	rs_fieldmap *m;
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	apply_rejects("A1|n||8.8E+05|1000000|||||||||||", NULL, &err);
	assert_string_equal(err.msg, "our_sales \"8.8E+05\" is in scientific notation (Excel cut "
	                             "its digits to fit the column; format the column as Number and "
	                             "save again)");
	apply_rejects("A1|n||880000|1E+06|||||||||||", NULL, &err);
	assert_contains(err.msg, "customer_spend \"1E+06\" is in scientific notation");
	/* German Excel writes it with its decimal comma */
	apply_rejects("A1|n||8,8E+05|1000000|||||||||||", NULL, &err);
	assert_contains(err.msg, "our_sales \"8,8E+05\" is in scientific notation");
	m = full_map();
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|n||880000|1000000|||||||||||", 2), NULL,
	                                   &a, &err),
	                 RS_OK);
	rs_fieldmap_free(m);
}

/* A long numeric id that Excel wrote in scientific notation (an 18-digit
 * id saved as CSV becomes 1.23457E+17): the digits are gone, and every such
 * id would be the same. Codes that only look a little like it stay ids. */
static void test_apply_rejects_an_id_in_scientific_notation(void **state)
{
	rs_error err;
	rs_fieldmap *m;
	rs_account a;
	trow r;

	(void)state;
	apply_rejects("1.23457E+17|n|5|||||||||||||", NULL, &err);
	assert_string_equal(err.msg, "id \"1.23457E+17\" is a number in scientific notation: a long "
	                             "numeric id cut to 6 digits; export the ids as text");
	apply_rejects("9.0072E+15|n|5|||||||||||||", NULL, &err);
	assert_non_null(strstr(err.msg, "is a number in scientific notation"));
	apply_rejects("1,23457E+17|n|5|||||||||||||", NULL, &err);
	assert_non_null(strstr(err.msg, "is a number in scientific notation: a long numeric id cut to 6"));
	m = full_map();
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "12E3|n|5|||||||||||||", 2), NULL, &a, &err),
	                 RS_OK);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "1.2E-5X|n|5|||||||||||||", 2), NULL, &a, &err),
	                 RS_OK);
	rs_fieldmap_free(m);
}

static void test_apply_rejects_negative_and_fractional_counts(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	apply_rejects("A1|n|5|||-1||||||||||", NULL, &err);
	assert_string_equal(err.msg, "contacts \"-1\" is negative");
	apply_rejects("A1|n|5|||2.5||||||||||", NULL, &err);
	assert_string_equal(err.msg, "contacts \"2.5\" is not a whole number");
	apply_rejects("A1|n|5|||||||-1||||||", NULL, &err);
	assert_contains(err.msg, "relationship_years \"-1\" is negative");
	/* Years may be fractional, money may carry a currency, counts may not. */
	apply_rejects("A1|n|5|||$3||||||||||", NULL, &err);
	assert_contains(err.msg, "contacts \"$3\" is not a number");
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|n|5|||3||||1.5||||||", 2), NULL, &a, &err), RS_OK);
	assert_num(a.v[RS_F_RELATIONSHIP_YEARS], 1.5, 0);
	rs_fieldmap_free(m);
}

static void test_apply_decimal_comma_from_numfmt(void **state)
{
	rs_numfmt nf = {true};
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|n|12,5|1.234.567,89|2.000.000|||||||||||", 2), &nf,
	                                   &a, &err),
	                 RS_OK);
	assert_num(a.v[RS_F_PURCHASE_SHARE], 12.5, 0);
	assert_num(a.v[RS_F_OUR_SALES], 1234567.89, 1e-9);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 2000000, 0);
	rs_fieldmap_free(m);
}

static void test_apply_json_types(void **state)
{
	rs_numfmt nf = {true};
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	(void)row_of(&r, "7|n|49.9||||||true||||||false|", 2);
	r.row.type = r.type;
	r.type[0] = RS_T_NUMBER;
	r.type[2] = RS_T_NUMBER; /* a JSON number: '.' is its point even with nf */
	r.type[8] = RS_T_BOOL;
	r.type[14] = RS_T_BOOL;
	r.type[15] = RS_T_NULL;
	assert_int_equal(rs_fieldmap_apply(m, &r.row, &nf, &a, &err), RS_OK);
	assert_string_equal(a.id, "7");
	assert_num(a.v[RS_F_PURCHASE_SHARE], 49.9, 0);
	assert_true(rs_known(&a, RS_F_KEY_PERSON));
	assert_num(a.v[RS_F_KEY_PERSON], 1, 0);
	assert_true(rs_known(&a, RS_F_EXCLUSIVE));
	assert_num(a.v[RS_F_EXCLUSIVE], 0, 0);
	assert_false(rs_known(&a, RS_F_INFO_SHARING));
	r.type[0] = RS_T_NULL;
	assert_int_equal(rs_fieldmap_apply(m, &r.row, &nf, &a, &err), RS_EREJECT);
	assert_string_equal(err.msg, "id is empty");
	rs_fieldmap_free(m);
}

/*
 * A JSON reader's hidden cells (rs_row.extra, after the columns) are mapped
 * by --map like columns: a dot path names its cell. A JSON object or array
 * where a field is mapped rejects the row naming the key and the fix.
 */
static void test_dot_path_cells_map_and_objects_reject(void **state)
{
	static const char *const maps[] = {"name=owner.name", "purchase_share=p.share"};
	rs_fieldmap *m;
	rs_account a;
	rs_error err;
	trow h, r;

	(void)state;
	row_of(&h, "id|owner|p|owner.name|p.share", 1);
	h.row.n = 3;
	h.row.extra = 2;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_new(&m, &h.row, maps, 2, &err), RS_OK);
	assert_int_equal(rs_fieldmap_column(m, RS_F_NAME), 3);
	assert_int_equal(rs_fieldmap_column(m, RS_F_PURCHASE_SHARE), 4);
	(void)row_of(&r, "A1|{\"name\":\"Li\"}|{}|Li|62.5", 2);
	r.row.n = 3;
	r.row.extra = 2;
	r.row.type = r.type;
	r.type[1] = r.type[2] = RS_T_JSON;
	r.type[4] = RS_T_NUMBER;
	assert_int_equal(rs_fieldmap_apply(m, &r.row, NULL, &a, &err), RS_OK);
	assert_memory_equal(a.name, "Li", 2);
	assert_num(a.v[RS_F_PURCHASE_SHARE], 62.5, 0);
	r.cell[4] = "{}";
	r.len[4] = 2;
	r.type[4] = RS_T_JSON;
	assert_int_equal(rs_fieldmap_apply(m, &r.row, NULL, &a, &err), RS_EREJECT);
	assert_string_equal(err.msg, "key \"p.share\" holds a JSON object, not a value; map "
	                             "purchase_share to a key inside it (--map "
	                             "purchase_share=p.share.KEY)");
	rs_fieldmap_free(m);
	m = map_ok("id|owner|purchase_share", (const char *const[]){"name=owner"}, 1);
	(void)row_of(&r, "A1|[1]|5", 2);
	r.row.type = r.type;
	r.type[1] = RS_T_JSON;
	assert_int_equal(rs_fieldmap_apply(m, &r.row, NULL, &a, &err), RS_EREJECT);
	assert_string_equal(err.msg, "key \"owner\" holds a JSON array (a list), not one value; "
	                             "export one value for name, or map it to another key");
	rs_fieldmap_free(m);
}

/* The value apply gives field f for `cell` in column f (others empty), or -1 if unknown. */
static double apply_one(rs_fieldmap *m, int f, const char *cell)
{
	char spec[256] = "A1|n";
	rs_account a;
	rs_error err;
	trow r;
	int c;

	for (c = 2; c < RS_F_CUSTOMER_SINCE; c++) { /* FULL_HEADER's 16 columns */
		strcat(spec, "|");
		if (c == f)
			strcat(spec, cell);
	}
	rs_error_clear(&err);
	if (rs_fieldmap_apply(m, row_of(&r, spec, 2), NULL, &a, &err) != RS_OK)
		fail_msg("\"%s\" for %s rejected: %s", cell, rs_var_name(f), err.msg);
	return rs_known(&a, f) ? a.v[f] : -1;
}

/*
 * apply takes the common shapes by its fast paths and hands every other one
 * to the general parsers: both kinds of cell must come out as the parsers say.
 */
static void test_apply_fast_and_general_shapes_agree(void **state)
{
	rs_fieldmap *m = full_map();

	(void)state;
	assert_num(apply_one(m, RS_F_CONTACTS, "7"), 7, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, "0007"), 7, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, "+7"), 7, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, "7.0"), 7, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, " 7 "), 7, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, "1,000"), 1000, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, "1234567890123456"), 1234567890123456.0, 0);
	assert_num(apply_one(m, RS_F_CONTACTS, "-0"), 0, 0);
	assert_false(signbit(apply_one(m, RS_F_CONTACTS, "-0")));
	assert_num(apply_one(m, RS_F_RELATIONSHIP_YEARS, "2.5"), 2.5, 0);
	assert_false(signbit(apply_one(m, RS_F_RELATIONSHIP_YEARS, "-0.0")));
	assert_true(apply_one(m, RS_F_PURCHASE_SHARE, "39.7%") == strtod("39.7", NULL));
	assert_true(apply_one(m, RS_F_PURCHASE_SHARE, "39.7 %") == strtod("39.7", NULL));
	assert_true(apply_one(m, RS_F_PURCHASE_SHARE, "0.1") == 0.1);
	assert_num(apply_one(m, RS_F_PURCHASE_SHARE, "1e1"), 10, 0);
	assert_num(apply_one(m, RS_F_OUR_SALES, "-5"), -5, 0);
	assert_num(apply_one(m, RS_F_OUR_SALES, "$5"), 5, 0);
	assert_num(apply_one(m, RS_F_KEY_PERSON, "No"), 0, 0);
	assert_num(apply_one(m, RS_F_KEY_PERSON, " yes"), 1, 0);
	assert_num(apply_one(m, RS_F_KEY_PERSON, "没有"), 0, 0);
	assert_num(apply_one(m, RS_F_KEY_PERSON, "√"), 1, 0);
	assert_num(apply_one(m, RS_F_KEY_PERSON, "否"), 0, 0);
	assert_num(apply_one(m, RS_F_TOP_CONTACT_LEVEL, "经理"), 2, 0);
	assert_num(apply_one(m, RS_F_TOP_CONTACT_LEVEL, "Manager"), 2, 0);
	assert_num(apply_one(m, RS_F_TOP_CONTACT_LEVEL, " staff "), 1, 0);
	assert_num(apply_one(m, RS_F_TOP_CONTACT_LEVEL, "c-level"), 4, 0);
	assert_num(apply_one(m, RS_F_TOP_CONTACT_LEVEL, "\xC2\xA0"), -1, 0);
	rs_fieldmap_free(m);
}

/*
 * A CSV row is read one kind of field at a time and the cells the fast paths
 * decline afterwards: the cell reported is still the first bad one in field
 * order, whatever the kinds, and `known` holds only the fields before it.
 */
static void test_apply_reports_every_bad_cell_in_field_order(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow r;

	(void)state;
	/* contacts (a count), top_contact_level (a level), key_person (yes/no)
	 * and relationship_years (a number): every one is named, in field order */
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|n|5|1|2|x|3|boss|maybe|-1|1|1|no|no|no|no", 2),
	                                  &a, &guessed, &failed, &err),
	                 RS_EREJECT);
	assert_string_equal(err.where, "");
	assert_string_equal(err.msg,
	                    "contacts \"x\" is not a number (no digits); "
	                    "level: top_contact_level \"boss\" is not a level (staff, manager, director, "
	                    "executive, or a title: VP Sales, 采购经理; relstage fields lists all); key_person "
	                    "\"maybe\" is not yes/no (yes/no, ja/nein, oui/non, sí/no, 是/否, 已X/未X, √/×; "
	                    "relstage fields lists all); years: relationship_years \"-1\" is negative");
	assert_int_equal(failed, (1u << RS_F_CONTACTS) | (1u << RS_F_TOP_CONTACT_LEVEL) |
	                                 (1u << RS_F_KEY_PERSON) | (1u << RS_F_RELATIONSHIP_YEARS));
	/* the good cells around them are read */
	assert_true(rs_known(&a, RS_F_OUR_SALES));
	assert_true(rs_known(&a, RS_F_DEPARTMENTS));
	assert_true(rs_known(&a, RS_F_JOINT_PROJECTS));
	assert_false(rs_known(&a, RS_F_CONTACTS));
	/* one bad cell reads as it always did: its column in `where` */
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|n|5|1|2|3|3|boss|no|1|1|1|no|no|no|no", 2),
	                                   NULL, &a, &err),
	                 RS_EREJECT);
	assert_string_equal(err.where, "level");
	assert_contains(err.msg, "top_contact_level \"boss\" is not a level");
	/* an empty id is one of the problems too */
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, " |n|abc|1|2|3|3|staff|no|1|1|1|no|no|no|no", 2),
	                                  &a, &guessed, &failed, &err),
	                 RS_EREJECT);
	assert_string_equal(err.msg, "id is empty; Share: purchase_share \"abc\" is not a number "
	                             "(no digits)");
	assert_int_equal(failed, (1u << RS_F_ID) | (1u << RS_F_PURCHASE_SHARE));
	rs_fieldmap_free(m);
}

/* --lang zh: every problem of the row in Chinese, "；" between them, the
 * column before "："; field names and the cells' text as written. */
static void test_reject_reasons_are_chinese_under_lang_zh(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow r;

	(void)state;
	m->lang = RS_LANG_ZH;
	rs_error_clear(&err);
	assert_int_equal(
	    rs_fieldmap_read(m, row_of(&r, " |n|abc|1|2|2.5|3|boss|no|2|1|1|no|no|no|no", 2), &a, &guessed, &failed, &err),
	    RS_EREJECT);
	assert_string_equal(
	    err.msg,
	    "id 为空：每行须有客户编号；Share：purchase_share \"abc\" 不是有效数字（不含数字）；"
	    "contacts \"2.5\" 不是整数（个数须为整数）；level：top_contact_level \"boss\" "
	    "不是可识别的职级（可填 staff、manager、director、executive 或职务名称，如 采购经理、"
	    "VP Sales；全部写法见 relstage fields）");
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(
	                     m, row_of(&r, "1.23457E+17|n|5|1|2|3|3|staff|no|1|1|1|no|no|no|no", 2),
	                     NULL, &a, &err),
	                 RS_EREJECT);
	assert_string_equal(err.msg, "id \"1.23457E+17\" 是科学计数法，长编号只剩 6 位数字；"
	                             "请将 id 列设为文本后重新导出");
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|n|5|1|2", 2), NULL, &a, &err),
	                 RS_EREJECT);
	assert_string_equal(err.msg, "该行有 5 个字段，与表头的 16 个不一致");
	rs_fieldmap_free(m);
}

/* A reason cut to fit the message ends in "..." after a whole character. */
static void test_a_long_chinese_reason_is_cut_between_characters(void **state)
{
	rs_error err;
	int i;

	(void)state;
	rs_error_clear(&err);
	for (i = 0; i < 40; i++)
		rs_error_add_reason(&err, RS_LANG_ZH, 2, "", "不是有效数字");
	assert_int_equal(err.status, RS_EREJECT);
	assert_true(strlen(err.msg) + 1 < sizeof err.msg);
	assert_string_equal(err.msg + strlen(err.msg) - 3, "...");
	for (i = 0; err.msg[i] != '\0'; i++) /* every lead byte of 3 is followed by its 2 */
		if ((err.msg[i] & 0xF0) == 0xE0)
			assert_true((err.msg[i + 1] & 0xC0) == 0x80 &&
			            (err.msg[i + 2] & 0xC0) == 0x80);
}

/* our_sales and customer_spend in different currencies give no share: the
 * row is rejected naming both; one currency, a sign that may be it ($ and
 * USD, ¥ and CNY, 元 and RMB) or a plain number beside one read as before. */
/* A number column that writes both decimal marks rejects "1.234" naming the
 * column; a JSON key's reason names the key (the rest is the same). */
static void test_both_decimal_marks_reason_names_a_key_in_json(void **state)
{
	rs_fieldcfg cfg;
	rs_fieldmap *m = NULL;
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow h, r;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	for (int keys = 0; keys < 2; keys++) {
		cfg.keys = keys;
		rs_error_clear(&err);
		assert_int_equal(rs_fieldmap_build(&m, row_of(&h, "id|share", 1), &cfg, NULL, &err), RS_OK);
		m->pref[RS_F_PURCHASE_SHARE] = 0; /* columns.c: the column writes both */
		assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|1.234", 2), &a, &guessed, &failed,
		                                  &err),
		                 RS_EREJECT);
		assert_string_equal(err.msg, keys ? "purchase_share \"1.234\" is not a number (ambiguous: this "
		                                    "key writes decimals both as 1.5 and as 1,5)"
		                                  : "purchase_share \"1.234\" is not a number (ambiguous: this "
		                                    "column writes decimals both as 1.5 and as 1,5)");
		rs_fieldmap_free(m);
	}
}

static void test_excel_text_formula_cells_are_read_as_their_text(void **state)
{
	rs_fieldmap *m = map_ok("id|name|share|our_sales|customer_spend|top_contact_level", NULL, 0);
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow r;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, " =\"00124\"|=\"Acme\"|=\"45\"|=\"USD 10\"|"
	                                               "=\"EUR 20\"|=\"Director\"", 2),
	                                  &a, &guessed, &failed, &err),
	                 RS_EREJECT); /* the currencies are seen inside ="..." too */
	assert_int_equal(failed, (1u << RS_F_OUR_SALES) | (1u << RS_F_CUSTOMER_SPEND));
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, " =\"00124\"|=\"Acme\"|=\"45\"|=\"10\"|"
	                                               "=\"\"|=\"Director\"", 2),
	                                  &a, &guessed, &failed, &err),
	                 RS_OK);
	assert_int_equal(a.id_len, 5);
	assert_memory_equal(a.id, "00124", 5);
	assert_int_equal(a.name_len, 4);
	assert_memory_equal(a.name, "Acme", 4);
	assert_num(a.v[RS_F_PURCHASE_SHARE], 45, 0);
	assert_num(a.v[RS_F_OUR_SALES], 10, 0);
	assert_false(rs_known(&a, RS_F_CUSTOMER_SPEND)); /* ="" is empty */
	assert_num(a.v[RS_F_TOP_CONTACT_LEVEL], 3, 0);
	assert_int_equal(a.formula, 1u << RS_F_ID | 1u << RS_F_NAME | 1u << RS_F_PURCHASE_SHARE |
	                                1u << RS_F_OUR_SALES | 1u << RS_F_CUSTOMER_SPEND |
	                                1u << RS_F_TOP_CONTACT_LEVEL);
	/* Only exactly ="...": a quote inside, or text around it, is not the idiom. */
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "=\"0\"1\"|n|=\"45\"x|||", 2), &a,
	                                  &guessed, &failed, &err),
	                 RS_EREJECT);
	assert_int_equal(a.formula, 0);
	assert_int_equal(failed, 1u << RS_F_PURCHASE_SHARE);
	assert_memory_equal(a.id, "=\"0\"1\"", 6);
	rs_fieldmap_free(m);
}

/* A workbook's 1200 under [$€-407]#,##0.00 beside 5000 under "$"#,##0: the
 * currencies only the number formats show (row.cur) reject the row as
 * "€1200" beside "$5000" would, naming both; one currency, or one beside
 * a cell that shows none, reads as before; a cell's own mark comes first. */
static void test_currencies_shown_by_number_formats_are_the_cells_own(void **state)
{
	rs_fieldmap *m = map_ok("id|our_sales|customer_spend", NULL, 0);
	unsigned short cur[3] = {0, 32, 7}; /* EUR, any dollar (rs_value_currencies' bits) */
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow r;

	(void)state;
	rs_error_clear(&err);
	(void)row_of(&r, "A1|1200|5000", 2);
	r.type[1] = r.type[2] = RS_T_NUMBER;
	r.row.type = r.type;
	r.row.cur = cur;
	assert_int_equal(rs_fieldmap_read(m, &r.row, &a, &guessed, &failed, &err), RS_EREJECT);
	assert_string_equal(err.msg, "our_sales \"€1200\" and customer_spend \"$5000\" are in "
	                             "different currencies");
	assert_int_equal(failed, (1u << RS_F_OUR_SALES) | (1u << RS_F_CUSTOMER_SPEND));
	cur[1] = 7; /* both in dollars */
	failed = 0;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, &r.row, &a, &guessed, &failed, &err), RS_OK);
	assert_true(a.v[RS_F_OUR_SALES] == 1200 && a.v[RS_F_CUSTOMER_SPEND] == 5000);
	cur[1] = 0; /* a plain number beside dollars */
	assert_int_equal(rs_fieldmap_read(m, &r.row, &a, &guessed, &failed, &err), RS_OK);
	cur[1] = 16; /* yen in the format, but the cell's text says USD */
	(void)row_of(&r, "A1|USD 1200|5000", 2);
	r.row.cur = cur;
	assert_int_equal(rs_fieldmap_read(m, &r.row, &a, &guessed, &failed, &err), RS_OK);
	rs_fieldmap_free(m);
}

static void test_amounts_in_two_currencies_are_rejected(void **state)
{
	rs_fieldmap *m = map_ok("id|our_sales|customer_spend", NULL, 0);
	static const char *const same[] = {"A1|USD 1000|USD 2000", "A1|$1000|USD 2000", "A1|¥1000|CNY 2000",
	                                   "A1|1000元|RMB 2000", "A1|€1000|2000", "A1|1000|2000",
	                                   "A1|¥1000|JPY 2000", "A1|HK$1000|2000 HKD"};
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	size_t i;
	trow r;

	(void)state;
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		rs_error_clear(&err);
		if (rs_fieldmap_read(m, row_of(&r, same[i], 2), &a, &guessed, &failed, &err) != RS_OK)
			fail_msg("%s: %s", same[i], err.msg);
	}
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|USD 1000|EUR 2000", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_EREJECT);
	assert_string_equal(err.msg, "our_sales \"USD 1000\" and customer_spend \"EUR 2000\" are in "
	                             "different currencies");
	assert_int_equal(failed, (1u << RS_F_OUR_SALES) | (1u << RS_F_CUSTOMER_SPEND));
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|$1000|€2000", 2), &a, &guessed, &failed,
	                                  &err),
	                 RS_EREJECT);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|1000元|€2000", 2), &a, &guessed, &failed,
	                                  &err),
	                 RS_EREJECT);
	rs_fieldmap_free(m);
}

/* A cell that names no currency is in its header's: "Revenue (USD)" beside
 * "€15000" gives no share; beside "$15000" or a header of its own it does. */
static void test_an_amount_without_currency_is_in_its_headers(void **state)
{
	static const char *const hdr = "id|Revenue (USD)|Total Purchases";
	rs_fieldmap *m = map_ok(hdr, NULL, 0);
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow h, r;

	(void)state;
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, hdr, 1), &err), RS_OK);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|12000|€15000", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_EREJECT);
	assert_string_equal(err.where, "Revenue (USD)");
	assert_string_equal(err.msg, "our_sales \"12000\" and customer_spend \"€15000\" are in "
	                             "different currencies");
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|12000|$15000", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_OK);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|12000|15000", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_OK);
	rs_fieldmap_free(m);
}

/* "88万" is 880000 under plain headers, and 88 under 万元 ones, whose other
 * cells are in 万元 already: never multiplied twice. A unit row under the
 * header (万元 beneath both) says the same. */
static void test_wan_amounts_are_read_in_the_headers_unit(void **state)
{
	static const char *const plain = "id|我方销售额|客户采购总额", *const wan = "id|销售额（万元）|采购总额（万元）";
	rs_fieldmap *m = map_ok(plain, NULL, 0);
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow h, r, u;

	(void)state;
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, plain, 1), &err), RS_OK);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88万|1.2亿", 2), &a, &guessed, &failed,
	                                  &err),
	                 RS_OK);
	assert_num(a.v[RS_F_OUR_SALES], 880000, 0);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 120000000, 0);
	assert_int_equal(rs_fieldmap_check_subunits(m, row_of(&h, plain, 1), row_of(&u, "|万元|万元", 2),
	                                            &err),
	                 RS_OK);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88万|1.2亿", 3), &a, &guessed, &failed,
	                                  &err),
	                 RS_OK);
	assert_num(a.v[RS_F_OUR_SALES], 88, 0);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 12000, 0);
	rs_fieldmap_free(m);
	m = map_ok(wan, NULL, 0);
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, wan, 1), &err), RS_OK);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88万|200", 2), &a, &guessed, &failed,
	                                  &err),
	                 RS_OK);
	assert_num(a.v[RS_F_OUR_SALES], 88, 0);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 200, 0);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88|1.2亿", 2), &a, &guessed, &failed,
	                                  &err),
	                 RS_OK);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 12000, 0);
	rs_fieldmap_free(m);
}

/* Under headers in 万元, "88万元" names the header's scale itself: beside
 * "200" it is 88 in the header's unit, never refused as maybe unscaled nor
 * multiplied twice (880000); "880000元" beside "200" still is refused. */
static void test_an_amount_naming_the_headers_scale_reads_in_it(void **state)
{
	static const char *const hdr = "id|销售额（万元）|采购总额（万元）";
	rs_fieldmap *m = map_ok(hdr, NULL, 0);
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow h, r;

	(void)state;
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, hdr, 1), &err), RS_OK);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88万元|200", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_OK);
	assert_num(a.v[RS_F_OUR_SALES], 88, 0);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 200, 0);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88|1.2亿元", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_OK);
	assert_num(a.v[RS_F_OUR_SALES], 88, 0);
	assert_num(a.v[RS_F_CUSTOMER_SPEND], 12000, 0);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|880000元|200", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_EREJECT);
	rs_fieldmap_free(m);
}

/* Under headers in 万元, "88" beside "1,000,000元" is 88 万元 of 100 万元
 * written two ways: the marked cell may be in plain units, and a share
 * from them would be 0.0088%. Both marked, or neither, read as before. */
static void test_one_marked_amount_under_scaled_headers_is_rejected(void **state)
{
	static const char *const hdr = "id|销售额（万元）|采购总额（万元）";
	rs_fieldmap *m = map_ok(hdr, NULL, 0);
	rs_account a;
	rs_error err;
	uint32_t failed = 0, guessed = 0;
	trow h, r;

	(void)state;
	assert_int_equal(rs_fieldmap_check_units(m, row_of(&h, hdr, 1), &err), RS_OK);
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88|1,000,000元", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_EREJECT);
	assert_string_equal(err.msg, "our_sales \"88\" and customer_spend \"1,000,000元\": one names a "
	                             "currency and the other not, under headers that name a scale "
	                             "(\"销售额（万元）\"); the one that names it may not be in that "
	                             "scale: write both alike");
	assert_int_equal(failed, (1u << RS_F_OUR_SALES) | (1u << RS_F_CUSTOMER_SPEND));
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|￥88|100", 2), &a, &guessed, &failed,
	                                  &err),
	                 RS_EREJECT);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88|100", 2), &a, &guessed, &failed, &err),
	                 RS_OK);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|￥88.00|￥100.00", 2), &a, &guessed,
	                                  &failed, &err),
	                 RS_OK);
	assert_int_equal(rs_fieldmap_read(m, row_of(&r, "A1|88|", 2), &a, &guessed, &failed, &err),
	                 RS_OK);
	rs_fieldmap_free(m);
}

/* A placeholder for "none given" (k.A., n/a, a dash, a slash) is an empty
 * cell: unknown, and the share then comes from the amounts. A failed
 * formula (#N/A), 未知 and "?" stay refused. */
static void test_placeholders_read_as_unknown(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|n|k.A.|62.000,00 €|100.000,00 €|—|-|/|n/a|"
	                                                 "N.A.||||||", 2),
	                                   NULL, &a, &err),
	                 RS_OK);
	assert_false(rs_known(&a, RS_F_PURCHASE_SHARE));
	assert_true(rs_known(&a, RS_F_OUR_SALES));
	assert_false(rs_known(&a, RS_F_CONTACTS));
	assert_false(rs_known(&a, RS_F_DEPARTMENTS));
	assert_false(rs_known(&a, RS_F_TOP_CONTACT_LEVEL));
	assert_false(rs_known(&a, RS_F_KEY_PERSON));
	assert_false(rs_known(&a, RS_F_RELATIONSHIP_YEARS));
	rs_fieldmap_free(m);
	apply_rejects("A1|n|#N/A|||||||||||||", NULL, &err);
	apply_rejects("A1|n|5||||||未知|||||||", NULL, &err);
	apply_rejects("A1|n|5||||||?|||||||", NULL, &err);
	apply_rejects("A1|n|5|||-5||||||||||", NULL, &err);
}

static void test_apply_passes_reader_reject_through(void **state)
{
	rs_fieldmap *m = map_ok("id|share", NULL, 0);
	rs_account a;
	rs_error err;
	trow r;

	(void)state;
	(void)row_of(&r, "x|1", 4);
	r.row.reject = "stray quote";
	assert_int_equal(rs_fieldmap_apply(m, &r.row, NULL, &a, &err), RS_EREJECT);
	assert_string_equal(err.msg, "stray quote");
	rs_fieldmap_free(m);
}

/* ------------------------------------------------------ hot path, memory */

static long n_allocs;
static long fail_at; /* 0: never */

static void *count_malloc(size_t n)
{
	if (fail_at > 0 && ++n_allocs == fail_at)
		return NULL;
	if (fail_at == 0)
		n_allocs++;
	return malloc(n);
}

static void *count_realloc(void *p, size_t n)
{
	if (fail_at > 0 && ++n_allocs == fail_at)
		return NULL;
	if (fail_at == 0)
		n_allocs++;
	return realloc(p, n);
}

static void test_apply_does_not_allocate(void **state)
{
	rs_alloc_hooks h = {count_malloc, count_realloc, free};
	rs_fieldmap *m;
	rs_account a;
	rs_error err;
	trow r;
	int i;

	(void)state;
	m = full_map();
	fail_at = 0;
	n_allocs = 0;
	rs_set_alloc_hooks(&h);
	(void)row_of(&r, "A1|n|85%|1,000|2000|3|2|manager|y|4|1|0|no|no|no|no", 2);
	for (i = 0; i < 1000; i++)
		assert_int_equal(rs_fieldmap_apply(m, &r.row, NULL, &a, &err), RS_OK);
	(void)row_of(&r, "A1|n|abc|1,000|2000|3|2|manager|y|4|1|0|no|no|no|no", 2);
	assert_int_equal(rs_fieldmap_apply(m, &r.row, NULL, &a, &err), RS_EREJECT);
	rs_set_alloc_hooks(NULL);
	assert_int_equal(n_allocs, 0);
	rs_fieldmap_free(m);
}

static void test_fieldmap_new_survives_every_allocation_failure(void **state)
{
	rs_alloc_hooks h = {count_malloc, count_realloc, free};
	rs_fieldmap *m;
	rs_error err;
	rs_status st;
	trow hdr;
	long n;

	(void)state;
	(void)row_of(&hdr, FULL_HEADER, 1);
	for (n = 1;; n++) {
		const char *maps[] = {"customer_spend=spend"};
		fail_at = n;
		n_allocs = 0;
		rs_set_alloc_hooks(&h);
		st = rs_fieldmap_new(&m, &hdr.row, maps, 1, &err);
		rs_set_alloc_hooks(NULL);
		if (st == RS_OK) {
			rs_fieldmap_free(m);
			break;
		}
		assert_int_equal(st, RS_ENOMEM);
		assert_null(m);
	}
	fail_at = 0;
	assert_true(n > 1);
}

/* ------------------------------------------------------------ numbers */

static void test_number_plain_and_fast_path_match_strtod(void **state)
{
	const char *s[] = {"0", "42", "-17", "+5", "0.1", "3.14159", "123456789012345", "0.000123",
	                   "999999999999999.5", "12345678901234567890", "007", "5.", ".5"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		assert_true(num_ok(s[i], false, false) == strtod(s[i], NULL));
}

static void test_number_currency_and_thousands(void **state)
{
	(void)state;
	assert_num(num_ok("¥1,200,000", false, false), 1200000, 0);
	assert_num(num_ok("$ 1,200,000.00", false, false), 1200000, 0);
	assert_num(num_ok("￥500", false, false), 500, 0);
	assert_num(num_ok("1 000 €", true, false), 1000, 0);
	assert_num(num_ok("£-3.5", false, false), -3.5, 0);
	assert_num(num_ok("-$3.5", false, false), -3.5, 0);
	assert_num(num_ok("RMB 1,000", false, false), 1000, 0);
	assert_num(num_ok("1000 CNY", false, false), 1000, 0);
	assert_num(num_ok("1200元", false, false), 1200, 0);
	assert_num(num_ok("1,234", false, false), 1234, 0);
	assert_num(num_ok("1.234", false, false), 1.234, 0);
	assert_num(num_ok("\xC2\xA0 42\xE3\x80\x80", false, false), 42, 0);
}

static void test_number_decimal_comma(void **state)
{
	(void)state;
	assert_num(num_ok("1.234.567,89", true, false), 1234567.89, 1e-9);
	assert_num(num_ok("12,5", true, false), 12.5, 0);
	assert_num(num_ok("1.234", true, false), 1234, 0);
	assert_num(num_ok("1\xC2\xA0" "234,5", true, false), 1234.5, 0);
	assert_num(num_ok("€ 1.000,00", true, false), 1000, 0);
	/* A mark before other than three digits is the decimal mark, whatever the file. */
	assert_num(num_ok("1.5", true, false), 1.5, 0);
	assert_num(num_ok("1,234.5", true, false), 1234.5, 0);
	assert_num(num_ok("1,5", false, false), 1.5, 0);
	assert_num(num_ok("1.234,5", false, false), 1234.5, 0);
	/* Only "1.234" and "1,234" are left to the convention. */
	assert_num(num_ok("1.234", false, false), 1.234, 0);
	assert_num(num_ok("1,234", true, false), 1.234, 0);
}

static void test_number_marks_before_other_than_three_digits_are_decimal(void **state)
{
	(void)state;
	assert_num(num_ok("1,20", false, false), 1.2, 0);
	assert_num(num_ok("1,2345", false, false), 1.2345, 0);
	assert_num(num_ok("1234,567", false, false), 1234.567, 0); /* 4 digits: not a group */
	assert_num(num_ok("0,123", false, false), 0.123, 0);       /* a lone 0: not a group */
	assert_num(num_ok("0.500", true, false), 0.5, 0);
	assert_num(num_ok(",5", false, false), 0.5, 0);
	assert_num(num_ok("12.5", true, false), 12.5, 0);
	assert_num(num_ok("1.234e2", true, false), 123.4, 1e-12); /* an exponent: not a group */
	assert_contains(num_bad("1,234,56", false, false), "three digits");
	assert_contains(num_bad("1.234.5", true, false), "three digits");
	assert_contains(num_bad("1,2,456", false, false), "three digits");
	assert_contains(num_bad("1.234,5.6", false, false), "two decimal marks");
	assert_contains(num_bad("1 234.567,8", false, false), "mixed");
	assert_contains(num_bad("1,5 000", false, false), "after the decimal mark");
	assert_contains(num_bad("0,123,456", false, false), "three digits");
}

/* German and Swiss prices: "1.200,-" is 1200, no cents; SAP's "1.200,50-" stays negative. */
static void test_number_dash_after_the_mark_is_no_cents_not_a_minus(void **state)
{
	(void)state;
	assert_num(num_ok("1.200,-", false, false), 1200, 0); /* the ',' shows the mark */
	assert_num(num_ok("EUR 1.200,-", false, false), 1200, 0);
	assert_num(num_ok("1'200.-", true, false), 1200, 0);
	assert_num(num_ok("5.-", true, false), 5, 0);
	assert_num(num_ok("1.200,50-", true, false), -1200.5, 0);
	assert_num(num_ok("1200-", false, false), -1200, 0);
	assert_contains(num_bad(",-", false, false), "no digits");
}

/* Chinese and Japanese text writes a decimal point: its '，' groups thousands. */
static void test_number_fullwidth_comma_groups_thousands(void **state)
{
	(void)state;
	assert_num(num_ok("\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90", true, false),
	           1200, 0); /* １，２００ in a ';' file */
	assert_num(num_ok("1\xEF\xBC\x8C" "200\xEF\xBC\x8E" "50", true, false), 1200.5, 0);
	assert_contains(num_bad("12\xEF\xBC\x8C" "5", false, false), "three digits");
}

/* India groups by lakh and crore; only so: pairs, then three digits, with ','. */
static void test_number_indian_grouping_and_rupees(void **state)
{
	(void)state;
	assert_num(num_ok("12,34,567", true, false), 1234567, 0);
	assert_num(num_ok("1,20,000.50", false, false), 120000.5, 0);
	assert_num(num_ok("1,23,45,678", false, false), 12345678, 0);
	assert_num(num_ok("\xE2\x82\xB9" "12,34,567", false, false), 1234567, 0); /* ₹ */
	assert_num(num_ok("Rs. 1,20,000", false, false), 120000, 0);
	assert_num(num_ok("1,20,000 INR", false, false), 120000, 0);
	assert_contains(num_bad("123,45,678", false, false), "three digits");
	assert_contains(num_bad("0,12,345", false, false), "three digits");
	assert_contains(num_bad("12,34,56", false, false), "three digits");
	assert_contains(num_bad("1.23.456", true, false), "three digits");
}

/* K, Tsd., Mio., Mrd. and bn scale an amount exactly, as 万 and 亿 do; "M"
 * (a thousand in some accounting, a million in others) is refused. */
static void test_number_latin_scale_words(void **state)
{
	const char *why = NULL;
	double v = 0;

	(void)state;
	assert_num(num_ok("1.2K", false, false), 1200, 0);
	assert_num(num_ok("5k\xE2\x82\xAC", false, false), 5000, 0); /* 5k€ */
	assert_num(num_ok("1,2 Tsd.", true, false), 1200, 0);
	assert_num(num_ok("1,2 Mio. \xE2\x82\xAC", true, false), 1200000, 0);
	assert_num(num_ok("EUR 1,5 Mrd.", true, false), 1500000000, 0);
	assert_num(num_ok("0.3bn", false, false), 300000000, 0);
	assert_contains(num_bad("1.2M", false, false), "unexpected");
	assert_contains(num_bad("1.2e3K", false, false), "exponent");
	/* not on a share */
	assert_int_equal(rs_value_number("1.2K", 4, '.', RS_NUM_PERCENT, &v, NULL, &why), RS_PARSE_BAD);
}

static void test_number_percent_only_when_allowed(void **state)
{
	(void)state;
	assert_num(num_ok("49.9%", false, true), 49.9, 0);
	assert_num(num_ok(" 80 % ", false, true), 80, 0);
	assert_num(num_ok("39.7%", false, true), 39.7, 0);
	assert_num(num_ok("-0%", false, true), 0, 0);
	assert_contains(num_bad("80%", false, false), "%");
	assert_contains(num_bad("%", false, true), "no digits");
	assert_contains(num_bad("5%%", false, true), "unexpected");
	assert_contains(num_bad("$80%", false, true), "currency");
}

static void test_number_rejects_nan_inf_overflow_hex_and_garbage(void **state)
{
	(void)state;
	assert_num(num_ok("1e3", false, false), 1000, 0);
	assert_num(num_ok("2.5E-1", false, false), 0.25, 0);
	assert_contains(num_bad("1e400", false, false), "out of range");
	assert_contains(num_bad("-1e400", false, false), "out of range");
	assert_contains(num_bad("NaN", false, false), "NaN");
	assert_contains(num_bad("-inf", false, false), "infinity");
	assert_contains(num_bad("Infinity", false, false), "infinity");
	assert_contains(num_bad("0x1A", false, false), "hexadecimal");
	assert_contains(num_bad("--1", false, false), "two signs");
	assert_contains(num_bad("+-1", false, false), "two signs");
	assert_contains(num_bad("12abc", false, false), "unexpected");
	assert_contains(num_bad("1e", false, false), "exponent");
	assert_contains(num_bad("abc", false, false), "no digits");
	assert_contains(num_bad("-", false, false), "no digits");
	assert_contains(num_bad("$$5", false, false), "two currency");
	assert_contains(num_bad("1 0 000", false, false), "three digits");
}

static void test_number_minus_zero_is_plain_zero(void **state)
{
	double v;

	(void)state;
	v = num_ok("-0", false, false);
	assert_true(v == 0 && !signbit(v));
	v = num_ok("-0.000", false, false);
	assert_true(v == 0 && !signbit(v));
	v = num_ok("-0e5", false, false);
	assert_true(v == 0 && !signbit(v));
	v = num_ok("-1e-400", false, false);
	assert_true(v == 0 && !signbit(v));
}

static void test_number_blank_is_empty_not_zero(void **state)
{
	double v = 7;

	(void)state;
	assert_int_equal(rs_parse_number("", 0, NULL, false, &v, NULL), RS_PARSE_EMPTY);
	assert_int_equal(rs_parse_number(" \t", 2, NULL, false, &v, NULL), RS_PARSE_EMPTY);
	assert_int_equal(rs_parse_number("\xE3\x80\x80", 3, NULL, false, &v, NULL), RS_PARSE_EMPTY);
	assert_num(v, 7, 0);
	/* n is honoured: the text need not end there. */
	assert_int_equal(rs_parse_number("12abc", 2, NULL, false, &v, NULL), RS_PARSE_OK);
	assert_num(v, 12, 0);
}

/* --------------------------------------------------- booleans, levels */

static int boolv(const char *s)
{
	bool b = false;
	rs_parse p = rs_parse_bool(s, strlen(s), &b);

	return p == RS_PARSE_OK ? (int)b : p == RS_PARSE_EMPTY ? -1 : -2;
}

static void test_bool_words(void **state)
{
	(void)state;
	assert_int_equal(boolv("yes"), 1);
	assert_int_equal(boolv(" YES "), 1);
	assert_int_equal(boolv("Y"), 1);
	assert_int_equal(boolv("True"), 1);
	assert_int_equal(boolv("1"), 1);
	assert_int_equal(boolv("是"), 1);
	assert_int_equal(boolv("有"), 1);
	assert_int_equal(boolv("√"), 1);
	assert_int_equal(boolv("FALSE"), 0);
	assert_int_equal(boolv("t"), 1);
	assert_int_equal(boolv("f"), 0);
	assert_int_equal(boolv("no"), 0);
	assert_int_equal(boolv("N"), 0);
	assert_int_equal(boolv("false"), 0);
	assert_int_equal(boolv("0"), 0);
	assert_int_equal(boolv("否"), 0);
	assert_int_equal(boolv("无"), 0);
	assert_int_equal(boolv(""), -1);
	assert_int_equal(boolv("  "), -1);
	assert_int_equal(boolv("maybe"), -2);
	assert_int_equal(boolv("x"), -2);
	assert_int_equal(boolv("2"), -2);
	assert_int_equal(boolv("yess"), -2);
	assert_int_equal(boolv("ye"), -2);
	assert_int_equal(boolv("nope"), -2);
}

/*
 * The one-byte words are matched without the lists: only the ASCII letters
 * fold case, so the control bytes that differ from '1', '0', 'y' or 'n' by
 * the case bit (0x11, 0x10, 0x19, 0x0E) are not booleans.
 */
static void test_one_byte_bool_words_fold_only_letters(void **state)
{
	(void)state;
	assert_int_equal(boolv("T"), 1);
	assert_int_equal(boolv("F"), 0);
	assert_int_equal(boolv("n"), 0);
	assert_int_equal(boolv("y"), 1);
	assert_int_equal(boolv("0"), 0);
	assert_int_equal(boolv("\x11"), -2);
	assert_int_equal(boolv("\x10"), -2);
	assert_int_equal(boolv("\x19"), -2);
	assert_int_equal(boolv("\x0E"), -2);
	assert_int_equal(boolv("Q"), -2);
	assert_int_equal(boolv("NO"), 0);
	assert_int_equal(boolv("yES"), 1);
	assert_int_equal(boolv("tRUE"), 1);
	assert_int_equal(boolv("falsE"), 0);
}

static int levelv(const char *s)
{
	int lv = 0;
	rs_parse p = rs_parse_level(s, strlen(s), &lv);

	return p == RS_PARSE_OK ? lv : p == RS_PARSE_EMPTY ? -1 : -2;
}

static void test_level_words(void **state)
{
	(void)state;
	assert_int_equal(levelv("staff"), 1);
	assert_int_equal(levelv("Manager"), 2);
	assert_int_equal(levelv(" DIRECTOR "), 3);
	assert_int_equal(levelv("executive"), 4);
	assert_int_equal(levelv("STAFF"), 1);
	assert_int_equal(levelv("Executive"), 4);
	assert_int_equal(levelv("staf"), -2);
	assert_int_equal(levelv("managers"), -2);
	assert_int_equal(levelv("C-Level"), 4);
	assert_int_equal(levelv("员工"), 1);
	assert_int_equal(levelv("经理"), 2);
	assert_int_equal(levelv("总监"), 3);
	assert_int_equal(levelv("高层"), 4);
	assert_int_equal(levelv("总经理"), 4);
	assert_int_equal(levelv("3"), 3);
	assert_int_equal(levelv(""), -1);
	assert_int_equal(levelv("boss"), -2);
	assert_int_equal(levelv("vp"), 4);
	assert_int_equal(levelv("5"), -2);
	assert_int_equal(levelv("0"), -2);
	assert_int_equal(levelv("a very long level name that does not fit"), -2);
}

/* Every known variable has a meaningful value, text fields too (their v is
 * 0): v[] is poisoned with NaN before apply (a fuzz seed found v[id] left as
 * the caller's garbage with its known bit set). */
static void test_known_variables_all_have_finite_values(void **state)
{
	rs_fieldmap *m = full_map();
	rs_account a;
	rs_error err;
	trow r;
	int v;

	(void)state;
	for (v = 0; v < RS_V_COUNT; v++)
		a.v[v] = NAN;
	rs_error_clear(&err);
	assert_int_equal(rs_fieldmap_apply(m, row_of(&r, "A1|Name||||||||||||||", 2), NULL, &a, &err),
	                 RS_OK);
	assert_true(rs_known(&a, RS_F_ID) && rs_known(&a, RS_F_NAME));
	for (v = 0; v < RS_V_COUNT; v++)
		if (rs_known(&a, v))
			assert_true(isfinite(a.v[v]));
	rs_fieldmap_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_var_names_and_lookup_are_inverse),
	    cmocka_unit_test(test_var_kinds_follow_the_field_table),
	    cmocka_unit_test(test_aliases_start_with_the_documented_table),
	    cmocka_unit_test(test_describe_lists_every_field_then_stops),
	    cmocka_unit_test(test_english_aliases_map_to_fields),
	    cmocka_unit_test(test_chinese_aliases_map_to_fields),
	    cmocka_unit_test(test_german_excel_headers_map_to_fields),
	    cmocka_unit_test(test_header_case_spaces_and_hyphens_are_normalised),
	    cmocka_unit_test(test_percent_unit_in_header_names_the_share),
	    cmocka_unit_test(test_a_bracket_naming_a_number_or_code_is_id_like),
	    cmocka_unit_test(test_a_cooperation_column_gives_the_signals_its_options_name),
	    cmocka_unit_test(test_map_wins_over_alias),
	    cmocka_unit_test(test_map_accepts_column_number_and_loose_spelling),
	    cmocka_unit_test(test_map_unknown_field_lists_fields),
	    cmocka_unit_test(test_map_missing_column_lists_header),
	    cmocka_unit_test(test_map_column_list_is_truncated),
	    cmocka_unit_test(test_map_malformed_specs_are_usage_errors),
	    cmocka_unit_test(test_map_field_twice_or_column_twice_fails),
	    cmocka_unit_test(test_duplicate_header_names_name_both_positions),
	    cmocka_unit_test(test_empty_header_cells_are_pass_through),
	    cmocka_unit_test(test_two_columns_giving_one_field_fail),
	    cmocka_unit_test(test_missing_id_lists_its_names),
	    cmocka_unit_test(test_missing_share_lists_accepted_names),
	    cmocka_unit_test(test_sales_without_spend_says_which_is_missing),
	    cmocka_unit_test(test_sales_and_spend_are_a_share_source),
	    cmocka_unit_test(test_norm_folds_case_width_units_hash_and_shifou),
	    cmocka_unit_test(test_prefix_every_column_shares_is_dropped_only_after_a_separator),
	    cmocka_unit_test(test_real_export_headers_find_their_fields),
	    cmocka_unit_test(test_share_and_amount_words_pass_over_targets_past_and_others),
	    cmocka_unit_test(test_brackets_naming_a_target_or_past_are_not_the_value),
	    cmocka_unit_test(test_ambiguous_words_take_none_and_say_so),
	    cmocka_unit_test(test_a_column_taken_by_its_words_is_said_in_a_note),
	    cmocka_unit_test(test_a_lone_customer_header_is_the_name_when_nothing_stronger_is),
	    cmocka_unit_test(test_a_lone_customer_header_taken_as_the_name_is_said),
	    cmocka_unit_test(test_a_lone_customer_header_never_takes_the_place_of_the_id),
	    cmocka_unit_test(test_an_erp_code_header_is_the_id_only_when_nothing_better_is),
	    cmocka_unit_test(test_header_notes_are_chinese_under_lang_zh),
	    cmocka_unit_test(test_reject_reasons_are_chinese_under_lang_zh),
	    cmocka_unit_test(test_a_long_chinese_reason_is_cut_between_characters),
	    cmocka_unit_test(test_json_keys_are_named_keys_in_messages),
	    cmocka_unit_test(test_json_camel_case_keys_read_as_words),
	    cmocka_unit_test(test_ambiguous_id_words_are_named_in_the_error),
	    cmocka_unit_test(test_map_empty_column_and_ignore_unmap),
	    cmocka_unit_test(test_missing_share_keeps_the_map_so_far),
	    cmocka_unit_test(test_field_words_are_listed),
	    cmocka_unit_test(test_apply_reads_every_kind),
	    cmocka_unit_test(test_known_variables_all_have_finite_values),
	    cmocka_unit_test(test_apply_empty_cells_are_unknown_not_zero),
	    cmocka_unit_test(test_apply_bad_values_reject_naming_the_column),
	    cmocka_unit_test(test_apply_rejects_empty_id),
	    cmocka_unit_test(test_apply_rejects_a_spreadsheet_error_as_id),
	    cmocka_unit_test(test_apply_rejects_a_localised_spreadsheet_error_as_id),
	    cmocka_unit_test(test_apply_rejects_an_amount_in_scientific_notation),
	    cmocka_unit_test(test_apply_rejects_an_id_in_scientific_notation),
	    cmocka_unit_test(test_apply_rejects_negative_and_fractional_counts),
	    cmocka_unit_test(test_apply_decimal_comma_from_numfmt),
	    cmocka_unit_test(test_apply_json_types),
	    cmocka_unit_test(test_dot_path_cells_map_and_objects_reject),
	    cmocka_unit_test(test_apply_fast_and_general_shapes_agree),
	    cmocka_unit_test(test_apply_reports_every_bad_cell_in_field_order),
	    cmocka_unit_test(test_currencies_shown_by_number_formats_are_the_cells_own),
	    cmocka_unit_test(test_amounts_in_two_currencies_are_rejected),
	    cmocka_unit_test(test_excel_text_formula_cells_are_read_as_their_text),
	    cmocka_unit_test(test_both_decimal_marks_reason_names_a_key_in_json),
	    cmocka_unit_test(test_an_amount_without_currency_is_in_its_headers),
	    cmocka_unit_test(test_wan_amounts_are_read_in_the_headers_unit),
	    cmocka_unit_test(test_one_marked_amount_under_scaled_headers_is_rejected),
	    cmocka_unit_test(test_an_amount_naming_the_headers_scale_reads_in_it),
	    cmocka_unit_test(test_placeholders_read_as_unknown),
	    cmocka_unit_test(test_apply_passes_reader_reject_through),
	    cmocka_unit_test(test_apply_does_not_allocate),
	    cmocka_unit_test(test_fieldmap_new_survives_every_allocation_failure),
	    cmocka_unit_test(test_number_plain_and_fast_path_match_strtod),
	    cmocka_unit_test(test_number_currency_and_thousands),
	    cmocka_unit_test(test_number_decimal_comma),
	    cmocka_unit_test(test_number_marks_before_other_than_three_digits_are_decimal),
	    cmocka_unit_test(test_number_dash_after_the_mark_is_no_cents_not_a_minus),
	    cmocka_unit_test(test_number_fullwidth_comma_groups_thousands),
	    cmocka_unit_test(test_number_indian_grouping_and_rupees),
	    cmocka_unit_test(test_number_latin_scale_words),
	    cmocka_unit_test(test_number_percent_only_when_allowed),
	    cmocka_unit_test(test_number_rejects_nan_inf_overflow_hex_and_garbage),
	    cmocka_unit_test(test_number_minus_zero_is_plain_zero),
	    cmocka_unit_test(test_number_blank_is_empty_not_zero),
	    cmocka_unit_test(test_bool_words),
	    cmocka_unit_test(test_one_byte_bool_words_fold_only_letters),
	    cmocka_unit_test(test_level_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
