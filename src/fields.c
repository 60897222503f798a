/*
 * fields.c - the canonical fields and variables, their aliases, and the
 * field map: built once per header (header cells and --map -> fields, with
 * the messages for missing or doubled columns), then applied per row: id
 * and name taken as they are, each other mapped cell read by a fast path
 * for its common shapes, else by the general parsers, which also word the
 * reject message.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapfile.h"
#include "msg.h"

/* ------------------------------------------------------------ variables */

static const char *const var_names[RS_V_COUNT] = {
	"id", "name", "purchase_share", "our_sales", "customer_spend",
	"contacts", "departments", "top_contact_level", "key_person",
	"relationship_years", "joint_projects", "exec_meetings",
	"strategic_agreement", "equity_tie", "exclusive", "info_sharing",
	"customer_since", "price_agreement", "previous_share",
	"share_pct", "share_drop", "contact_score", "cooperation_score", "previous_stage",
};

const unsigned char rs_field_kinds[RS_V_COUNT] = {
	RS_KIND_TEXT,   RS_KIND_TEXT,   RS_KIND_NUMBER, RS_KIND_NUMBER,
	RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_LEVEL,
	RS_KIND_BOOL,   RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER,
	RS_KIND_BOOL,   RS_KIND_BOOL,   RS_KIND_BOOL,   RS_KIND_BOOL,
	RS_KIND_NUMBER, RS_KIND_BOOL, /* customer_since, price_agreement */
	RS_KIND_NUMBER,               /* previous_share */
	RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER,
};

const char *rs_var_name(int var)
{
	if (var < 0 || var >= RS_V_COUNT)
		return NULL;
	return var_names[var];
}

int rs_var_lookup(const char *name)
{
	int v;

	if (name == NULL)
		return -1;
	for (v = 0; v < RS_V_COUNT; v++)
		if (strcmp(name, var_names[v]) == 0)
			return v;
	return -1;
}

rs_kind rs_var_kind(int var)
{
	if (var < 0 || var >= RS_V_COUNT)
		return RS_KIND_TEXT;
	return (rs_kind)rs_field_kinds[var];
}

/* -------------------------------------------------------------- aliases */

/*
 * The built-in names: the first table's, plus the headers that Salesforce,
 * HubSpot, Dynamics 365, Zoho, Pipedrive, Kingdee, Yonyou, 纷享销客, 销售易, SAP
 * Business One (CardCode, CardName) and Japanese (取引先コード, 得意先名)
 * exports, and German Excel lists, use for these fields when each is
 * unambiguous (a name that could be another field's, such as "Account
 * Number", is left to the words in
 * fields_words.c). Matched after the same normalisation as header cells
 * (rs_field_norm: "是否关键人" is 关键人, "# of Contacts" #_of_contacts).
 */
static const char *const al_id[] = {"account_id", "customer_id", "客户编号", "客户ID", "客户代码",
                                   "record_id", "客户编码", "kundennummer", "kundennr", "kunden_nr",
                                   "debitorennummer", "debitor", "internal_id", "cardcode", "bp_code",
                                   "business_partner_code", "取引先コード", "得意先コード", "顧客コード",
                                   NULL};
static const char *const al_name[] = {"account_name", "customer_name", "company", "客户名称", "客户名",
                                     "company_name", "organization_name", "单位名称", "公司名称",
                                     "firma", "firmenname", "kundenname", "name_1", "cardname", "bp_name",
                                     "business_partner_name", "取引先名", "得意先名", "顧客名", NULL};
static const char *const al_share[] = {"share", "share_of_wallet", "wallet_share", "采购份额", "份额", "anteil",
                                      "anteil_am_einkauf", "lieferanteil", NULL};
static const char *const al_sales[] = {"revenue", "our_revenue", "sales", "我方销售额", "销售额", "umsatz", NULL};
static const char *const al_spend[] = {"total_purchases", "customer_total_purchases", "客户采购总额",
                                      "total_spend", "采购总额", "einkaufsvolumen",
                                      "beschaffungsvolumen", NULL};
static const char *const al_contacts[] = {"contact_count", "联系人数", "#_of_contacts", "number_of_contacts",
                                         "people", "联系人数量", "anzahl_kontakte",
                                         "anzahl_ansprechpartner", NULL};
static const char *const al_depts[] = {"department_count", "接触部门数", "number_of_departments",
                                      "接触部门", "anzahl_abteilungen", NULL};
static const char *const al_level[] = {"contact_level", "最高接触层级", "highest_contact_level",
                                      "最高接触级别", "höchste_ebene",
                                      "höchste_kontaktebene", NULL};
static const char *const al_key[] = {"decision_maker", "关键人", "decision_maker_engaged", "entscheider", NULL};
static const char *const al_years[] = {"years", "合作年限", "years_as_customer", "合作年数", "jahre_als_kunde",
                                     NULL};
static const char *const al_joint[] = {"联合项目数", "joint_development_projects", "联合开发项目",
                                     "gemeinsame_projekte", NULL};
static const char *const al_meet[] = {"高层会晤次数", "executive_meetings", "treffen_mit_geschäftsführung", NULL};
static const char *const al_agree[] = {"agreement", "战略协议", "签订战略协议", "rahmenvertrag",
                                     "strategische_vereinbarung", NULL};
static const char *const al_equity[] = {"joint_venture", "股权关系", "合资", "beteiligung", "kapitalbeteiligung", NULL};
static const char *const al_excl[] = {"preferred_supplier", "独家供应", "独家", "exklusiv", "alleinlieferant",
                                    "bevorzugter_lieferant", NULL};
static const char *const al_info[] = {"信息共享", "shares_forecast", "information_sharing", "informationsaustausch",
                                    NULL};
static const char *const al_since[] = {"client_since", "customer_since_date", "relationship_start",
                                       "became_a_customer_date", /* HubSpot's, by its label */
                                       "hs_lifecyclestage_customer_date", /* and by its API name */
                                       "kunde_seit", "首次合作年份", "首次合作日期", "合作开始日期",
                                       "合作开始年份", "合作起始年份", "开始合作时间", NULL};
static const char *const al_price[] = {"rebate_agreement", "volume_discount", "framework_price",
                                       "返点协议", "价格协议", "框架价格协议", "rabattvereinbarung",
                                       "preisvereinbarung", NULL};
/* The past period's share as ERP reports and CRM exports head it; other
 * past shares (上月份额, "Share (LY)") are found by their words. */
static const char *const al_prev[] = {"prior_share", "last_year_share", "last_year_share_of_wallet",
                                      "previous_share_of_wallet", "share_py", "share_ly", "上期份额",
                                      "去年份额", "上年份额", "上期采购份额", "上年采购份额",
                                      "去年采购份额", NULL};
static const char *const *const aliases[RS_F_COUNT] = {
	al_id, al_name, al_share, al_sales, al_spend, al_contacts, al_depts,
	al_level, al_key, al_years, al_joint, al_meet, al_agree, al_equity,
	al_excl, al_info, al_since, al_price, al_prev,
};

static const char *const meanings[RS_F_COUNT][RS_LANG_COUNT] = {
	{"account id (required)", "客户编号（必填）"},
	{"account name", "客户名称"},
	{"our share of the customer's category purchases, % (0-100)",
	 "采购份额：我方在客户该品类采购中所占的份额，%（0-100）"},
	{"our sales to the customer in the period", "我方销售额：本期我方对该客户的销售额"},
	{"the customer's total purchases in the category", "客户采购总额：客户在该品类的采购总额"},
	{"people we are in contact with", "联系人数：我方联系的客户人员数"},
	{"customer departments we are in contact with", "接触部门数：我方接触的客户部门数"},
	{"highest level reached: staff, manager, director, executive",
	 "最高接触层级：staff（员工）、manager（经理）、director（总监）、executive（高层）"},
	{"relationship with the key decision maker (yes/no)", "关键人：与关键决策人建立了关系（是/否）"},
	{"years of doing business", "合作年限：双方合作的年数"},
	{"joint or co-development projects", "联合项目数：联合项目或共同开发项目的数量"},
	{"executive meetings in the last year", "高层会晤次数：近一年双方高层会晤的次数"},
	{"a strategic or framework agreement (yes/no)", "战略合作协议：签有战略合作协议或框架协议（是/否）"},
	{"cross-shareholding or a joint venture (yes/no)", "股权关系：交叉持股或合资（是/否）"},
	{"exclusive or preferred-supplier status (yes/no)", "独家供应：我方为独家或首选供应商（是/否）"},
	{"forecasts, plans or data shared with us (yes/no)", "信息共享：客户向我方共享预测、计划或数据（是/否）"},
	{"the year (or date) the customer relationship began; gives relationship_years when that is empty",
	 "合作起始年份：开始合作的年份（或日期）；relationship_years 为空时据此算出合作年限"},
	{"a rebate, volume-discount or framework-price agreement (yes/no)",
	 "价格协议：签有返点、批量折扣或框架价格协议（是/否）"},
	{"our share in the past period (last period or last year), % (0-100); with share_pct "
	 "it gives share_drop",
	 "上期份额：上期（或去年）我方在客户该品类采购中所占的份额，%（0-100）；与 share_pct 一起得出 "
	 "share_drop"},
};

const char *rs_field_meaning(int field, rs_lang g)
{
	return field >= 0 && field < RS_F_COUNT && g < RS_LANG_COUNT ? meanings[field][g] : NULL;
}

bool rs_field_describe(size_t i, rs_field_info *out)
{
	int f = (int)i;

	if (i >= RS_F_COUNT)
		return false;
	out->name = rs_var_name(f);
	out->kind = rs_var_kind(f);
	out->meaning = meanings[f][RS_LANG_EN];
	out->aliases = aliases[f];
	(void)rs_field_words(f, RS_LANG_EN, out->words, sizeof out->words);
	return true;
}

/* How each numeric field is read: money takes a currency, counts are whole. */
const unsigned char rs_field_num_rules[RS_F_COUNT] = {
	[RS_F_PURCHASE_SHARE] = RS_NUM_PERCENT,
	[RS_F_PREVIOUS_SHARE] = RS_NUM_PERCENT,
	[RS_F_OUR_SALES] = RS_NUM_CURRENCY,
	[RS_F_CUSTOMER_SPEND] = RS_NUM_CURRENCY,
	[RS_F_CONTACTS] = RS_NUM_COUNT | RS_NUM_PIECES,
	[RS_F_DEPARTMENTS] = RS_NUM_COUNT | RS_NUM_PIECES,
	[RS_F_RELATIONSHIP_YEARS] = RS_NUM_NONNEG | RS_NUM_YEARS,
	[RS_F_JOINT_PROJECTS] = RS_NUM_COUNT | RS_NUM_PIECES,
	[RS_F_EXEC_MEETINGS] = RS_NUM_COUNT | RS_NUM_PIECES,
};

/* ------------------------------------------------------------ field map */

const char *const rs_how_names[] = {"not found", "field name", "built-in name", "words",
                                    "cooperation options", "-m", "map file", "-m FIELD=",
                                    "map file \"\""};

/* A header column by its normalised name; sorted, to find names and twins. */
typedef struct colname {
	const char *norm;
	size_t col;
} colname;

/*
 * Two spellings of every column: `byname` as -m and twins see it (case,
 * blanks, trailing %), `full` as names and words see it (rs_field_norm).
 */
typedef struct mapctx {
	rs_fieldmap *m;
	const rs_row *h;
	const rs_fieldcfg *cfg;
	colname *byname; /* non-empty names only, sorted by (norm, col) */
	size_t nnames;
	char **full;     /* per column; "" for one that is never a field by name */
	bool *off;       /* per column: --ignore, or appended by an earlier run */
	unsigned long line;
	rs_buf *notes;
	char amb[RS_F_COUNT][200]; /* the columns whose words were ambiguous (a list) */
	rs_error *err;
} mapctx;

/* Copies at most cap - 1 bytes of s[0..n) without cutting a UTF-8 character. */
static void copy_utf8(char *dst, size_t cap, const char *s, size_t n)
{
	n = rs_utf8_cut(s, n, cap - 1);
	memcpy(dst, s, n);
	dst[n] = '\0';
}

const char *rs_field_shown(char *buf, size_t cap, const char *s, size_t n)
{
	copy_utf8(buf, n < cap ? cap : cap - 3, s, n);
	if (n >= cap)
		strcat(buf, "...");
	return buf;
}

static int colname_cmp(const void *a, const void *b)
{
	const colname *x = a, *y = b;
	int c = strcmp(x->norm, y->norm);

	if (c != 0)
		return c;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* The column whose normalised name is `key`, or -1. */
static long find_col(const mapctx *c, const char *key)
{
	const colname *hit;
	size_t lo = 0, hi = c->nnames;

	/* Lower bound: names are unique once twins are rejected. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(c->byname[mid].norm, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	hit = lo < c->nnames ? &c->byname[lo] : NULL;
	return hit && strcmp(hit->norm, key) == 0 ? (long)hit->col : -1;
}

/*
 * A JSON key in camelCase ("shareOfWallet", "accountID") with a '_' before
 * each capital that follows a small letter or a digit, past the first
 * `skip` bytes, so that its words read apart as in "share_of_wallet".
 */
static size_t camel_split(const char *s, size_t n, size_t skip, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (i > skip && s[i] >= 'A' && s[i] <= 'Z' &&
		    ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= '0' && s[i - 1] <= '9')))
			out[o++] = '_';
		out[o++] = s[i];
	}
	return o;
}

/* Normalises every header cell both ways into one block; sorts `byname`. */
static rs_status index_header(mapctx *c, char **block)
{
	const rs_row *h = c->h;
	size_t i, total = 0, off = 0, all = h->n + h->extra; /* and the dot paths */
	size_t skip = rs_field_shared_prefix(h), most = 0, grow = c->cfg->keys ? 2 : 1;
	char *camel = NULL;

	for (i = 0; i < all; i++) {
		total += (3 * grow + 1) * h->len[i] + 5;
		most = h->len[i] > most ? h->len[i] : most;
	}
	*block = rs_malloc(total ? total : 1);
	c->byname = rs_calloc(all ? all : 1, sizeof *c->byname);
	c->full = rs_calloc(all ? all : 1, sizeof *c->full);
	c->off = rs_calloc(all ? all : 1, sizeof *c->off);
	if (*block == NULL || c->byname == NULL || c->full == NULL || c->off == NULL ||
	    (c->cfg->keys && (camel = rs_malloc(2 * most + 1)) == NULL))
		return rs_error_set(c->err, RS_ENOMEM, c->line, "out of memory");
	for (i = 0; i < all; i++) {
		const char *name = h->cell[i];
		size_t len = h->len[i], k = rs_value_norm(name, len, *block + off, len + 1);

		if (k > 0) { /* an empty header cell is a pass-through column */
			c->byname[c->nnames].norm = *block + off;
			c->byname[c->nnames++].col = i;
		}
		off += k + 1;
		c->full[i] = *block + off;
		/* an earlier run's columns, and the dot paths (for -m only), are
		 * never a field by their names or words */
		c->off[i] = (i >= c->cfg->drop_from && i < c->cfg->drop_to) || i >= h->n;
		if (camel != NULL) {
			len = camel_split(name, len, skip, camel);
			name = camel;
		}
		k = c->off[i] ? 0 : rs_field_norm(name, len, skip, c->full[i], 3 * len + 4);
		c->full[i][k] = '\0';
		off += k + 1;
	}
	rs_free(camel);
	qsort(c->byname, c->nnames, sizeof *c->byname, colname_cmp);
	return RS_OK;
}

/* Column col as messages name it: column 3 ("Share"), or key "Share" (JSON);
 * in a Chinese note 第 3 列（"Share"）or 键 "Share"; its name cut to fit
 * `width` bytes. */
static const char *col_ref(const mapctx *c, long col, size_t width, bool zh, char *buf,
                           size_t cap)
{
	char s[72];

	(void)rs_field_shown(s, width < sizeof s ? width : sizeof s, c->h->cell[col], c->h->len[col]);
	if (c->cfg->keys)
		(void)snprintf(buf, cap, zh ? "键 \"%s\"" : "key \"%s\"", s);
	else
		(void)snprintf(buf, cap, zh ? "第 %ld 列（\"%s\"）" : "column %ld (\"%s\")", col + 1, s);
	return buf;
}

/* Two: columns 2 ("x") and 3 ("y"), or keys "x" and "y" (in --lang). */
static const char *cols_ref(const mapctx *c, long a, long b, char *buf, size_t cap)
{
	char s1[64], s2[64];
	rs_lang g = c->cfg->lang;

	(void)rs_field_shown(s1, sizeof s1, c->h->cell[a], c->h->len[a]);
	(void)rs_field_shown(s2, sizeof s2, c->h->cell[b], c->h->len[b]);
	if (c->cfg->keys)
		(void)snprintf(buf, cap, rs_msg(g, RS_M_E_KEYS2), s1, s2);
	else
		(void)snprintf(buf, cap, rs_msg(g, RS_M_E_COLS2), a + 1, s1, b + 1, s2);
	return buf;
}

static rs_status check_twins(const mapctx *c)
{
	size_t i, a = 0, b = 0;
	char both[200];

	for (i = 1; i < c->nnames; i++) {
		if (strcmp(c->byname[i - 1].norm, c->byname[i].norm) != 0)
			continue;
		if (b == 0 || c->byname[i].col < b) {
			a = c->byname[i - 1].col;
			b = c->byname[i].col;
		}
	}
	if (b == 0)
		return RS_OK;
	return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(c->cfg->lang, RS_M_E_TWINS),
	                    cols_ref(c, (long)a, (long)b, both, sizeof both));
}

/* Appends s to buf (capacity cap) if it fits whole; returns false if not. */
static bool put(char *buf, size_t cap, const char *s)
{
	size_t have = strlen(buf), n = strlen(s);

	if (have + n + 1 > cap)
		return false;
	memcpy(buf + have, s, n + 1);
	return true;
}

/* Does s hold kana (U+3040 .. U+30FF): a Japanese name, not a Chinese one? */
static bool has_kana(const char *s)
{
	return strstr(s, "\xE3\x81") != NULL || strstr(s, "\xE3\x82") != NULL ||
	       strstr(s, "\xE3\x83") != NULL;
}

/* "purchase_share (or share, ...)": the names a column may have to give f,
 * as many as fit, ", ..." for the rest. In Chinese only the Chinese names,
 * "等" for the others: all of them make a Chinese error longer than
 * rs_error's msg, and relstage fields has them. */
static const char *names_of(int f, rs_lang g, char *buf, size_t cap)
{
	const char *const *a;
	bool zh = g == RS_LANG_ZH, first = true, more = false;

	buf[0] = '\0';
	(void)put(buf, cap, var_names[f]);
	for (a = aliases[f]; *a; a++) {
		size_t had = strlen(buf);

		if (zh && ((unsigned char)**a < 0x80 || has_kana(*a))) {
			more = true;
			continue;
		}
		/* a name that does not fit ends the list, leaving room for ", ...)" */
		if (!put(buf, cap, first ? rs_msg(g, RS_M_E_OR) : zh ? "、" : ", ") ||
		    !put(buf, cap, *a) || strlen(buf) + sizeof ", ...)" > cap) {
			buf[had] = '\0';
			more = true;
			break;
		}
		first = false;
	}
	if (!first && more)
		(void)put(buf, cap, zh ? "等" : ", ...");
	if (!first)
		(void)put(buf, cap, rs_msg(g, RS_M_E_OR_END));
	return buf;
}

static const char *field_list(char *buf, size_t cap)
{
	int f;

	buf[0] = '\0';
	for (f = 0; f < RS_F_COUNT; f++)
		if ((f > 0 && !put(buf, cap, ", ")) || !put(buf, cap, var_names[f]))
			break;
	return buf;
}

/* The header's columns, quoted, as many as fit, then how many did not. */
static const char *column_list(const rs_row *h, rs_lang g, char *buf, size_t cap)
{
	char one[48], more[48];
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < h->n; i++) {
		(void)rs_field_shown(one, sizeof one - 4, h->cell[i], h->len[i]);
		if (strlen(buf) + strlen(one) + 4 + 24 > cap)
			break;
		(void)put(buf, cap, i > 0 ? ", \"" : "\"");
		(void)put(buf, cap, one);
		(void)put(buf, cap, "\"");
	}
	if (i < h->n) {
		(void)snprintf(more, sizeof more, rs_msg(g, RS_M_E_MORE), h->n - i);
		(void)put(buf, cap, more);
	}
	return buf;
}

/* The field that column col gives so far, or -1. */
static int field_at(const rs_fieldmap *m, long col)
{
	int f;

	for (f = 0; f < RS_F_COUNT; f++)
		if (m->col[f] == col)
			return f;
	return -1;
}

/*
 * The column a -m, --ignore or map file names: by name, "#N" (1-based), or
 * the one column whose name reads the same once normalised ("Share" for
 * "share (%)", "Name" without Pipedrive's "Organization - ").
 */
static long map_column(const mapctx *c, const char *raw, size_t n)
{
	char key[256], full[3 * 256 + 4];
	long col, hit = -1;
	char *end;
	unsigned long k;
	size_t i;

	if (n >= sizeof key || rs_value_norm(raw, n, key, sizeof key) == 0)
		return -1;
	if ((col = find_col(c, key)) >= 0)
		return col;
	if (key[0] == '#' && key[1] >= '1' && key[1] <= '9') {
		k = strtoul(key + 1, &end, 10);
		return *end == '\0' && k <= c->h->n ? (long)k - 1 : -1;
	}
	if (rs_field_norm(raw, n, 0, full, sizeof full) == 0)
		return -1;
	for (i = 0; i < c->h->n; i++)
		if (strcmp(c->full[i], full) == 0) {
			if (hit >= 0)
				return -1;
			hit = (long)i;
		}
	return hit;
}

/* One FIELD=COLUMN: from -m (key NULL) or from the map file (key "fields.x"). */
typedef struct spec {
	const char *field, *column;
	size_t flen, clen;
	const char *shown; /* -m: the whole spec */
	const char *key;   /* map file: its key */
} spec;

/* what, then list: "--map \"spec\": " before it for -m; the map file and
 * key go in `where`. */
static rs_status spec_error(mapctx *c, const spec *s, const char *what, const char *list)
{
	char msg[400], s1[80];

	(void)snprintf(msg, sizeof msg, "%s%s", what, list);
	if (s->key != NULL) {
		rs_error_where(c->err, "%s: %s", c->cfg->file->name, s->key);
		return rs_error_set(c->err, RS_EUSAGE, c->line, "%s", msg);
	}
	return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(c->cfg->lang, RS_M_E_MAP),
	                    rs_field_shown(s1, sizeof s1, s->shown, strlen(s->shown)), msg);
}

/* "expected FIELD=COLUMN, e.g. ..." in lang, into buf. */
static const char *example(rs_lang lang, bool keys, char *buf, size_t cap)
{
	(void)snprintf(buf, cap, rs_msg(lang, keys ? RS_M_E_SPEC_KEY : RS_M_E_SPEC_COLUMN),
	               keys ? "properties.share_of_wallet" : "\"Share %\"");
	return buf;
}

static rs_status apply_spec(mapctx *c, const spec *s)
{
	char fkey[64], list[300], s2[112];
	const char *col_text = s->column;
	size_t clen = s->clen;
	long col;
	int f, g;
	rs_lang lang = c->cfg->lang;

	if (s->flen == 0 || s->flen >= sizeof fkey || rs_value_norm(s->field, s->flen, fkey, sizeof fkey) == 0)
		return spec_error(c, s, example(lang, c->cfg->keys, list, sizeof list), "");
	if ((f = rs_var_lookup(fkey)) < 0 || f >= RS_F_COUNT) /* scores are not fields */
		return spec_error(c, s, rs_msg(lang, RS_M_E_UNKNOWN_FIELD), field_list(list, sizeof list));
	if ((c->m->how[f] == RS_HOW_MAP || c->m->how[f] == RS_HOW_OFF) && s->key != NULL)
		return RS_OK; /* -m wins over the file, -m FIELD= too */
	if (c->m->how[f] != RS_HOW_NONE)
		return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(lang, RS_M_E_TWICE),
		                    s->key ? c->cfg->file->name : "--map", var_names[f]);
	rs_value_trim(&col_text, &clen);
	if (clen == 0) {
		c->m->how[f] = s->key ? RS_HOW_FILE_OFF : RS_HOW_OFF;
		return RS_OK;
	}
	if ((col = map_column(c, col_text, clen)) < 0)
		return spec_error(c, s, rs_msg(lang, c->cfg->keys ? RS_M_E_NO_KEY : RS_M_E_NO_COLUMN),
		                  column_list(c->h, c->cfg->lang, list, sizeof list));
	if ((g = field_at(c->m, col)) >= 0) {
		if (s->key != NULL && c->m->how[g] == RS_HOW_MAP)
			return RS_OK; /* -m gave that column to another field */
		return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(lang, RS_M_E_TO_BOTH),
		                    s->key ? c->cfg->file->name : "--map",
		                    col_ref(c, col, 64, lang == RS_LANG_ZH, s2, sizeof s2), var_names[g],
		                    var_names[f],
		                    lang == RS_LANG_ZH ? RS_COL_ZH(c->cfg->keys) : RS_COL(c->cfg->keys));
	}
	c->m->col[f] = col;
	c->m->how[f] = s->key ? RS_HOW_FILE : RS_HOW_MAP;
	return RS_OK;
}

/* -m first, then the map file's fields (where -m did not say otherwise). */
static rs_status apply_specs(mapctx *c)
{
	const rs_fieldcfg *cfg = c->cfg;
	size_t i, k, n = cfg->nmaps + (cfg->file != NULL ? cfg->file->nfields : 0);
	rs_status st;
	spec s;

	for (i = 0; i < n; i++) {
		memset(&s, 0, sizeof s);
		if (i < cfg->nmaps) {
			const char *eq = strchr(cfg->maps[i], '=');
			s.shown = s.field = cfg->maps[i];
			s.flen = eq ? (size_t)(eq - s.field) : 0;
			s.column = eq ? eq + 1 : "";
			if (eq != NULL && strlen(s.column) >= 256)
				s.flen = 0; /* reported as malformed, as before */
		} else {
			k = i - cfg->nmaps;
			s.field = cfg->file->field[k];
			s.flen = strlen(s.field);
			s.column = cfg->file->column[k];
			s.key = cfg->file->field_key[k];
		}
		s.clen = strlen(s.column);
		if ((st = apply_spec(c, &s)) != RS_OK)
			return st;
	}
	return RS_OK;
}

/* --ignore and the map file's "ignore": columns never taken by name or
 * words. A --ignore that names no column is a typo; the file's may not be. */
static rs_status apply_ignores(mapctx *c)
{
	const rs_fieldcfg *cfg = c->cfg;
	size_t i, n = cfg->nignores + (cfg->file ? cfg->file->nignore : 0);
	char list[300], s1[80];
	long col;

	for (i = 0; i < n; i++) {
		bool cli = i < cfg->nignores;
		const char *name = cli ? cfg->ignores[i] : cfg->file->ignore[i - cfg->nignores];

		if ((col = map_column(c, name, strlen(name))) >= 0) {
			c->off[col] = true;
			continue;
		}
		if (!cli)
			continue; /* a team's file covers several exports: not every one has it */
		return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(cfg->lang, RS_M_E_IGNORE),
		                    rs_field_shown(s1, sizeof s1, name, strlen(name)),
		                    rs_msg(cfg->lang, c->cfg->keys ? RS_M_E_NO_KEY : RS_M_E_NO_COLUMN),
		                    column_list(c->h, c->cfg->lang, list, sizeof list));
	}
	return RS_OK;
}

/* A column a field may still take: named, not ignored, not taken. */
static bool free_column(const mapctx *c, size_t col)
{
	return c->full[col][0] != '\0' && !c->off[col] && field_at(c->m, (long)col) < 0;
}

/* Fields not given by -m or the file come from their name or an alias: one column each. */
static rs_status apply_names(mapctx *c)
{
	char key[3 * 96 + 4], both[200];
	size_t i, col;
	long first, second;
	int f;
	bool own = false;

	for (f = 0; f < RS_F_COUNT; f++) {
		if (c->m->how[f] != RS_HOW_NONE)
			continue;
		first = second = -1;
		for (i = 0; i == 0 || aliases[f][i - 1]; i++) {
			const char *name = i == 0 ? var_names[f] : aliases[f][i - 1];
			(void)rs_field_norm(name, strlen(name), 0, key, sizeof key);
			for (col = 0; col < c->h->n; col++) {
				if (!free_column(c, col) || strcmp(c->full[col], key) != 0 || (long)col == first)
					continue;
				if (first < 0 || (long)col < first) {
					second = first;
					first = (long)col;
					own = i == 0;
				} else if (second < 0 || (long)col < second) {
					second = (long)col;
				}
			}
		}
		if (second >= 0)
			return rs_error_set(c->err, RS_EUSAGE, c->line,
			                    rs_msg(c->cfg->lang, RS_M_E_BOTH_GIVE), cols_ref(c, first, second, both, sizeof both), var_names[f],
			                    var_names[f], RS_COLUMN(c->cfg->keys));
		if (first >= 0) {
			c->m->col[f] = first;
			c->m->how[f] = own ? RS_HOW_NAME : RS_HOW_ALIAS;
		}
	}
	return RS_OK;
}

/* A line for the notes (when kept): printf-style, a newline added. */
static void note(mapctx *c, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
static void note(mapctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->notes == NULL)
		return;
	va_start(ap, fmt);
	(void)rs_buf_vprintf(c->notes, fmt, ap);
	va_end(ap);
	rs_buf_putc(c->notes, '\n');
}

const char *rs_field_quoted(char *buf, size_t cap, const char *s, size_t n)
{
	char shown[96];
	bool dq = memchr(s, '\'', n) != NULL;

	(void)rs_field_shown(shown, sizeof shown, s, n);
	(void)snprintf(buf, cap, dq ? "\"%s\"" : "'%s'", shown);
	return buf;
}

/*
 * A column named as one that lists forms of cooperation (HubSpot's
 * multi-checkbox "Partnership type": Strategic agreement;Exclusive) gives
 * each yes/no signal that no column of its own gives, by its options.
 */
static void apply_options(mapctx *c)
{
	static const char *const names[] = {
	    "cooperation", "cooperation_type", "cooperation_types", "type_of_cooperation",
	    "partnership_type", "partnership_types", "合作方式", "合作形式", "合作类型", "合作模式",
	    "kooperationsart", NULL};
	const char *const *p;
	char ref[112];
	size_t col;
	int f;

	for (col = 0; col < c->h->n && c->m->options < 0; col++)
		for (p = names; *p != NULL && free_column(c, col); p++)
			if (strcmp(c->full[col], *p) == 0)
				c->m->options = (long)col;
	for (f = 0; f < RS_F_COUNT && c->m->options >= 0; f++)
		if ((RS_OPTION_FIELDS >> f & 1) && c->m->how[f] == RS_HOW_NONE) {
			c->m->col[f] = c->m->options;
			c->m->how[f] = RS_HOW_OPTIONS;
			c->m->options_first = c->m->options_first ? c->m->options_first : f;
		}
	if (c->m->options_first == 0) /* every signal has a column of its own */
		c->m->options = -1;
	else if (c->cfg->lang == RS_LANG_ZH)
		note(c, "%s按选项列表读取（如 战略协议;独家供应）：列出的信号为“是”，未列出的为未知，不是“否”",
		     col_ref(c, c->m->options, 72, true, ref, sizeof ref));
	else
		note(c, "%s is read as a list of options (Strategic agreement;Exclusive): a signal "
		     "it names is yes, one it does not name unknown, not no",
		     col_ref(c, c->m->options, 72, false, ref, sizeof ref));
}

/* The free columns holding f's words (rs_field_word_rule's mode), quoted
 * into list: how many; the first and its rule in *cand and *rule. */
static size_t word_columns(const mapctx *c, int f, int mode, char *list, size_t cap, long *cand,
                           int *rule)
{
	char one[72];
	size_t col, n = 0;
	int r;

	list[0] = '\0';
	for (col = 0; col < c->h->n; col++) {
		if (!free_column(c, col) || (r = rs_field_word_rule(f, c->full[col], mode)) < 0)
			continue;
		/* "Customer (Nr.)" is no name (its bracket, dropped from full, says
		 * a code); when no id was found it may still be named as the id's */
		if (mode == RS_WORDS_ALONE && f == RS_F_NAME && c->m->col[RS_F_ID] >= 0 &&
		    rs_field_id_bracket(c->h->cell[col], c->h->len[col]))
			continue;
		/* The weak rules rank: "External ID" before "Reference" before "Nr." */
		if (mode == RS_WORDS_ALONE && n > 0 && r != *rule) {
			if (r > *rule)
				continue;
			n = 0;
			list[0] = '\0';
		}
		if (n++ == 0) {
			*cand = (long)col;
			*rule = r;
		}
		(void)put(list, cap, n > 1 ? ", " : "");
		(void)put(list, cap, rs_field_quoted(one, sizeof one, c->h->cell[col], c->h->len[col]));
	}
	return n;
}

/*
 * Fields still missing are looked for by the words a column holds: one
 * candidate is taken, with a note (a guess the user should hear of),
 * several are named and none taken.
 */
static void apply_words(mapctx *c)
{
	char list[160], ref[112];
	size_t ncand;
	long cand = -1;
	int f, rule = -1;
	bool zh = c->cfg->lang == RS_LANG_ZH;

	for (f = 0; f < RS_F_COUNT; f++) {
		if (c->m->how[f] != RS_HOW_NONE)
			continue;
		ncand = word_columns(c, f, RS_WORDS_FULL, list, sizeof list, &cand, &rule);
		/* Then a header that is only "Customer" or 客户, as often a code's as
		 * a name's: not without an id (it may be the id's column), nor a
		 * JSON key (an API's "customer" is a reference: an id, an object). */
		if (ncand == 0 && f == RS_F_NAME && c->m->col[RS_F_ID] >= 0 && !c->cfg->keys)
			ncand = word_columns(c, f, RS_WORDS_ALONE, list, sizeof list, &cand, &rule);
		/* And an ERP's generic code header, "Reference", "Nr.": only when
		 * nothing else gives the id, and not a JSON key (an API's
		 * "reference" may point at another record). */
		if (ncand == 0 && f == RS_F_ID && !c->cfg->keys)
			ncand = word_columns(c, f, RS_WORDS_ALONE, list, sizeof list, &cand, &rule);
		if (ncand == 1) {
			c->m->col[f] = cand;
			c->m->how[f] = RS_HOW_WORDS;
			(void)rs_field_word_how(rule, c->full[cand], c->m->matched[f], sizeof c->m->matched[f]);
			if (zh)
				note(c, "%s 取%s，依据%s名中的词（%s）；如不对，请用 -m %s=%s 指定%s",
				     var_names[f], col_ref(c, cand, 72, true, ref, sizeof ref),
				     RS_COL_ZH(c->cfg->keys), c->m->matched[f], var_names[f],
				     RS_COLUMN(c->cfg->keys), RS_COL_ZH(c->cfg->keys));
			else
				note(c, "%s is %s, taken by its words (%s); if that is wrong, name the %s "
				     "with -m %s=%s", var_names[f], col_ref(c, cand, 72, false, ref, sizeof ref),
				     c->m->matched[f], RS_COL(c->cfg->keys), var_names[f],
				     RS_COLUMN(c->cfg->keys));
		} else if (ncand > 1) {
			/* amb is also the errors' (English) text; the note has its own */
			(void)snprintf(c->amb[f], sizeof c->amb[f], "%s", list);
			if (zh)
				note(c, "%s：%s %s 都像是 %s，均未采用；请用 -m %s=%s 选定其一", var_names[f],
				     RS_COL_ZH(c->cfg->keys), list, var_names[f], var_names[f],
				     RS_COLUMN(c->cfg->keys));
			else
				note(c, "%s: %s %s all look like %s; none was taken: choose one with -m %s=%s",
				     var_names[f], RS_COLS(c->cfg->keys), list, var_names[f], var_names[f],
				     RS_COLUMN(c->cfg->keys));
		}
	}
}

/* Is column col an annotation of column of ("share@OData...FormattedValue",
 * Dynamics 365's formatted twin of "share"), the same value, not another? */
static bool annotates(const rs_row *h, size_t col, long of)
{
	size_t n = h->len[of];

	return h->len[col] > n && memcmp(h->cell[col], h->cell[of], n) == 0 && h->cell[col][n] == '@';
}

/* Columns that hold a field's topic but not the rest of its words; and a
 * column with all of them beside the one a name gave ("Share 2026" beside
 * "Share"), which may be the value meant (two id columns are both ids). */
static void hint_lookalikes(mapctx *c)
{
	char q[100], ref[112];
	size_t col;
	int f;
	bool zh = c->cfg->lang == RS_LANG_ZH;

	if (c->notes == NULL)
		return;
	for (f = RS_F_PURCHASE_SHARE; f < RS_F_COUNT; f++)
		for (col = 0; col < c->h->n; col++)
			if ((c->m->how[f] == RS_HOW_NAME || c->m->how[f] == RS_HOW_ALIAS) && free_column(c, col) &&
			    !annotates(c->h, col, c->m->col[f]) &&
			    rs_field_word_rule(f, c->full[col], RS_WORDS_FULL) >= 0) {
				(void)rs_field_quoted(q, sizeof q, c->h->cell[col], c->h->len[col]);
				if (zh)
					note(c, "%s 按%s名取%s，但 %s 也像是 %s；如应取它，请用 -m %s=%s",
					     var_names[f], RS_COL_ZH(c->cfg->keys),
					     col_ref(c, c->m->col[f], 72, true, ref, sizeof ref), q, var_names[f],
					     var_names[f], q);
				else
					note(c, "%s is %s, by its name, but %s looks like %s too: if that is the "
					     "one, -m %s=%s", var_names[f],
					     col_ref(c, c->m->col[f], 72, false, ref, sizeof ref), q, var_names[f],
					     var_names[f], q);
			}
	for (f = RS_F_CONTACTS; f < RS_F_COUNT; f++) {
		/* a share without a past period's word is this period's, no hint */
		if (c->m->how[f] != RS_HOW_NONE || c->amb[f][0] != '\0' || f == RS_F_PREVIOUS_SHARE)
			continue;
		for (col = 0; col < c->h->n; col++)
			if (free_column(c, col) &&
			    rs_field_word_rule(f, c->full[col], RS_WORDS_HINT) >= 0)
				note(c, zh ? "%s 像是 %s：如是，请用 -m %s=%s" : "%s looks like %s: -m %s=%s",
				     rs_field_quoted(q, sizeof q, c->h->cell[col], c->h->len[col]), var_names[f],
				     var_names[f], q);
	}
}

static rs_status check_required(const mapctx *c)
{
	const long *col = c->m->col;
	char n1[200], n2[160], n3[160], found[120] = "", amb[240] = "";
	bool keys = c->cfg->keys;
	rs_lang g = c->cfg->lang;
	bool zh = g == RS_LANG_ZH;
	const char *cols = zh ? RS_COL_ZH(keys) : RS_COLS(keys);
	const char *one_col = zh ? RS_COL_ZH(keys) : RS_COL(keys);
	int have;

	if (col[RS_F_ID] < 0) {
		char q[100];
		long one = -1;
		int rule;

		if (c->amb[RS_F_ID][0] != '\0')
			(void)snprintf(amb, sizeof amb, rs_msg(g, RS_M_E_AMB), cols, c->amb[RS_F_ID],
			               var_names[RS_F_ID]);
		else if (!keys &&
		         word_columns(c, RS_F_NAME, RS_WORDS_ALONE, q, sizeof q, &one, &rule) == 1)
			(void)snprintf(amb, sizeof amb, rs_msg(g, RS_M_E_ID_MAYBE), q, q);
		return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(g, RS_M_E_NO_ID), one_col, amb,
		                    names_of(RS_F_ID, g, n1, sizeof n1), RS_COLUMN(keys));
	}
	if (col[RS_F_PURCHASE_SHARE] >= 0 || (col[RS_F_OUR_SALES] >= 0 && col[RS_F_CUSTOMER_SPEND] >= 0))
		return RS_OK;
	have = col[RS_F_OUR_SALES] >= 0 ? RS_F_OUR_SALES : col[RS_F_CUSTOMER_SPEND] >= 0 ? RS_F_CUSTOMER_SPEND : -1;
	if (have >= 0) {
		char s1[80];
		(void)snprintf(found, sizeof found, rs_msg(g, RS_M_E_FOUND),
		               col_ref(c, col[have], 48, zh, s1, sizeof s1), var_names[have]);
	}
	for (have = RS_F_PURCHASE_SHARE; have <= RS_F_CUSTOMER_SPEND && amb[0] == '\0'; have++)
		if (c->amb[have][0] != '\0')
			(void)snprintf(amb, sizeof amb, rs_msg(g, RS_M_E_AMB), cols, c->amb[have],
			               var_names[have]);
	return rs_error_set(c->err, RS_EUSAGE, c->line, rs_msg(g, RS_M_E_NO_SHARE), found, one_col,
	                    amb, names_of(RS_F_PURCHASE_SHARE, g, n1, sizeof n1),
	                    names_of(RS_F_OUR_SALES, g, n2, sizeof n2),
	                    names_of(RS_F_CUSTOMER_SPEND, g, n3, sizeof n3), RS_COLUMN(keys));
}

/* Remembers each mapped column's header text and which fields need parsing. */
static void finish_map(const mapctx *c)
{
	rs_fieldmap *m = c->m;
	const char *s;
	size_t n;
	int f;

	m->today = rs_value_today();
	m->optwords = c->cfg->file != NULL ? &c->cfg->file->options : NULL;
	for (f = 0; f < RS_F_COUNT; f++) {
		if (c->cfg->file != NULL && c->cfg->file->words[f].n > 0)
			m->words[f] = &c->cfg->file->words[f];
		if (m->col[f] < 0)
			continue;
		s = c->h->cell[m->col[f]];
		n = c->h->len[m->col[f]];
		rs_value_trim(&s, &n);
		/* The column is named in messages only when its header is not
		 * the field's own name, which the message already says. */
		if (n > 0 && !(n == strlen(var_names[f]) && memcmp(s, var_names[f], n) == 0))
			copy_utf8(m->where[f], RS_FIELD_WHERE_MAX, s, n);
		else if (n == 0) /* else where stays "" */
			(void)snprintf(m->where[f], RS_FIELD_WHERE_MAX, "%s %ld", RS_COL(m->keys),
			               m->col[f] + 1);
		m->pref[f] = RS_DEC_FILE;
		if (rs_field_kinds[f] != RS_KIND_TEXT && m->how[f] != RS_HOW_OPTIONS) {
			rs_colop *o = &m->op[m->nops++];
			o->col = (size_t)m->col[f];
			o->field = (unsigned char)f;
			o->rules = rs_field_num_rules[f];
			o->dec = RS_DEC_FILE;
			o->lo = (o->rules & RS_NUM_NONNEG) ? 0 : -HUGE_VAL;
			/* relationship_years from 1950 may be a year: parse_cell decides */
			o->hi = f == RS_F_RELATIONSHIP_YEARS ? 1950 : HUGE_VAL;
		}
	}
	rs_fieldmap_group(m);
}

/* How the per-row loop reads field f: parse_cell reads dates and shares
 * given as fractions. */
static unsigned char op_of(const rs_fieldmap *m, int f)
{
	if (f == RS_F_CUSTOMER_SINCE || (m->fraction >> f & 1u))
		return RS_OP_SLOW;
	return rs_field_kinds[f] == RS_KIND_BOOL                        ? RS_OP_BOOL
	       : rs_field_kinds[f] == RS_KIND_LEVEL                     ? RS_OP_LEVEL
	       : (rs_field_num_rules[f] & RS_NUM_COUNT) == RS_NUM_COUNT ? RS_OP_COUNT
	                                                                : RS_OP_NUMBER;
}

void rs_fieldmap_group(rs_fieldmap *m)
{
	size_t i, j;
	unsigned k;

	for (i = 0; i < m->nops; i++)
		m->op[i].op = op_of(m, m->op[i].field);
	for (k = 0, j = 0; k < RS_OP_KINDS; k++) {
		for (i = 0; i < m->nops; i++)
			if (m->op[i].op == k)
				m->bykind[j++] = m->op[i];
		m->kindend[k] = j;
	}
}

rs_status rs_fieldmap_build(rs_fieldmap **out, const rs_row *header, const rs_fieldcfg *cfg,
                            rs_buf *notes, rs_error *err)
{
	static const rs_fieldcfg none;
	mapctx *c = rs_calloc(1, sizeof *c);
	char *block = NULL;
	rs_status st;
	int f;

	*out = NULL;
	if (err != NULL)
		err->where[0] = '\0';
	if (c == NULL || (c->m = rs_calloc(1, sizeof *c->m)) == NULL) {
		rs_free(c);
		return rs_error_set(err, RS_ENOMEM, header->line, "out of memory");
	}
	c->h = header;
	c->cfg = cfg ? cfg : &none;
	c->line = header->line;
	c->notes = notes;
	c->err = err;
	c->m->ncols = header->n;
	c->m->keys = c->cfg->keys;
	c->m->lang = c->cfg->lang;
	c->m->conv = '.'; /* until rs_fieldmap_decide: a JSON number's */
	for (f = 0; f < RS_F_COUNT; f++)
		c->m->col[f] = -1;
	c->m->options = -1;
	if ((st = index_header(c, &block)) != RS_OK || (st = check_twins(c)) != RS_OK ||
	    (st = apply_specs(c)) != RS_OK || (st = apply_ignores(c)) != RS_OK ||
	    (st = apply_names(c)) != RS_OK)
		goto fail;
	apply_options(c);
	apply_words(c);
	hint_lookalikes(c);
	st = check_required(c);
	finish_map(c);
	*out = c->m; /* also without id or share: see the header */
	c->m = NULL;
fail:
	rs_free(c->byname);
	rs_free(c->full);
	rs_free(c->off);
	rs_free(block);
	rs_free(c->m);
	rs_free(c);
	return st;
}

long rs_fieldmap_column(const rs_fieldmap *m, int field)
{
	if (m == NULL || field < 0 || field >= RS_F_COUNT)
		return -1;
	return m->col[field];
}

void rs_fieldmap_free(rs_fieldmap *m)
{
	rs_free(m);
}

/* ------------------------------------------------------------ per row */

void rs_error_add_reason(rs_error *err, rs_lang g, unsigned long line, const char *where,
                         const char *msg)
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
	if (err->where[0] != '\0') { /* where: msg, cut to fit (snprintf cuts) */
		(void)snprintf(text, sizeof text, rs_msg(g, RS_M_WHERE), err->where, err->msg);
		memcpy(err->msg, text, sizeof text);
		err->where[0] = '\0';
	}
	n = strlen(err->msg);
	if (n + 8 >= sizeof err->msg)
		return;
	if (where[0] != '\0')
		(void)snprintf(text, sizeof text, rs_msg(g, RS_M_WHERE), where, msg);
	(void)snprintf(err->msg + n, sizeof err->msg - n, "%s%s", rs_msg(g, RS_M_AND),
	               where[0] != '\0' ? text : msg);
	if (strlen(err->msg) + 1 >= sizeof err->msg)
		rs_error_cut(err);
}

/* what and why are msg.c's (in English: m->lang picks). */
static rs_status reject_cell(const rs_fieldmap *m, int f, const rs_row *row, size_t c,
                             rs_msg_id what, const char *why, rs_error *err)
{
	char val[72], msg[sizeof err->msg];

	(void)snprintf(msg, sizeof msg, rs_msg(m->lang, why ? RS_M_CELL_WHY : RS_M_CELL),
	               rs_var_name(f), rs_field_shown(val, sizeof val, row->cell[c], row->len[c]),
	               rs_msg(m->lang, what), rs_msg_as(m->lang, why));
	rs_error_add_reason(err, m->lang, row->line, m->where[f], msg);
	return RS_EREJECT;
}

/* Skips JSON white space. */
static const char *json_ws(const char *p)
{
	return p + strspn(p, " \t\r\n");
}

/* The length of the only key of the JSON object text s when it holds one
 * plain value (MongoDB's {"$oid": "..."}, {"$date": "..."}) and can stand in
 * single quotes, its start in *key; else 0. */
static size_t only_key(const char *s, const char **key)
{
	const char *p = json_ws(s + 1), *e;

	if (*p != '"' || (e = strpbrk(p + 1, "\"\\")) == NULL || *e != '"' || *(p = json_ws(e + 1)) != ':')
		return 0;
	*key = s = json_ws(s + 1) + 1;
	p = json_ws(p + 1);
	if (*p == '"') {
		for (p++; *p != '\0' && *p != '"'; p += *p == '\\' && p[1] != '\0' ? 2 : 1)
			;
		p += *p == '"';
	} else if (*p != '{' && *p != '[') {
		p += strcspn(p, ",} \t\r\n");
	}
	return *json_ws(p) == '}' && p[-1] != ':' && memchr(s, '\'', (size_t)(e - s)) == NULL ? (size_t)(e - s) : 0;
}

/* A JSON object or array where a field is mapped: a key inside an object is; a
 * list (a multi-select field) has none (a dot path into it finds nothing). */
static rs_status reject_nested(const rs_fieldmap *m, int f, const rs_row *row, size_t c,
                               rs_error *err)
{
	const char *key = m->where[f][0] != '\0' ? m->where[f] : rs_var_name(f), *in = "";
	size_t n = row->cell[c][0] == '{' ? only_key(row->cell[c], &in) : 0;

	if (row->cell[c][0] == '[')  /* a list (a multi-select field): no key inside picks one */
		return rs_error_set(err, RS_EREJECT, row->line, rs_msg(m->lang, RS_M_JSON_LIST),
		                    key, rs_var_name(f));
	if (n > 0) /* a $ in it needs quotes in a shell */
		return rs_error_set(err, RS_EREJECT, row->line,
		                    rs_msg(m->lang, RS_M_JSON_OBJECT_ONE), key, rs_var_name(f),
		                    rs_var_name(f), key, (int)n, in);
	return rs_error_set(err, RS_EREJECT, row->line, rs_msg(m->lang, RS_M_JSON_OBJECT), key,
	                    rs_var_name(f), rs_var_name(f), key);
}

/* An error value of Excel, WPS or LibreOffice (a formula that failed, such
 * as a VLOOKUP's #N/A), as a workbook cell or an export's text; a German,
 * French or Italian Excel saves it in its own words (#NV, #WERT!, #VALEUR!). */
static inline bool sheet_error(const char *s, size_t n)
{
	static const char *const errs[] = {"#N/A", "#NULL!", "#DIV/0!", "#VALUE!", "#REF!",
	                                   "#NAME?", "#NUM!", "#SPILL!", "#CALC!", "#FIELD!",
	                                   "#GETTING_DATA", "#BLOCKED!", "#UNKNOWN!",
	                                   "#NV", "#WERT!", "#BEZUG!", "#ZAHL!", "#VALEUR!",
	                                   "#NOM?", "#NOMBRE!", "#NUL!", "#N/D", "#VALORE!",
	                                   "#RIF!", "#NOME?", "#NULLO!", NULL};
	const char *const *e;

	if (n < 2 || s[0] != '#') /* per row, for the id: most are no error */
		return false;
	for (e = errs; *e != NULL; e++)
		if (strlen(*e) == n && memcmp(*e, s, n) == 0)
			return true;
	return false;
}

/* A number cell by the general parser, with the column's decisions. */
static rs_status number_cell(const rs_fieldmap *m, int f, const rs_row *row, size_t c,
                             const char *s, size_t n, double *v, rs_parse *p,
                             uint32_t *guessed, rs_error *err)
{
	const char *why = NULL;
	char pref = m->pref[f] == RS_DEC_FILE ? m->conv : m->pref[f];
	unsigned shape = 0, rules = rs_field_num_rules[f];
	bool exact = row->type != NULL && row->type[c] == RS_T_NUMBER;

	if (exact)
		pref = '.'; /* JSON number literals never have a decimal comma */
	*p = rs_value_number(s, n, pref, rules, v, &shape, &why);
	if (*p == RS_PARSE_BAD && rs_value_word_lookup(m->words[f], s, n, v))
		return *p = RS_PARSE_OK, RS_OK; /* a map file's word for the field */
	if (*p == RS_PARSE_BAD && sheet_error(s, n))
		why = rs_msg(RS_LANG_EN, RS_M_SHEET_ERROR);
	if (why == rs_msg(RS_LANG_EN, RS_M_AMBIGUOUS) && (m->keys || m->pref[f] == RS_DEC_FILE))
		why = rs_msg(RS_LANG_EN, m->pref[f] == RS_DEC_FILE ? RS_M_NO_MARK : RS_M_AMBIGUOUS_KEY);
	if (*p == RS_PARSE_OK && (shape & RS_SHAPE_MARK) == RS_SHAPE_COMMA && (m->point_only >> f & 1u))
		*p = RS_PARSE_BAD, why = rs_msg(RS_LANG_EN, RS_M_CJK_COMMA);
	if (*p != RS_PARSE_OK)
		return *p == RS_PARSE_BAD ? reject_cell(m, f, row, c, RS_M_NOT_NUMBER, why, err)
		                          : RS_OK;
	/* Text "8.8E+05" is how Excel shows a number in a narrow column, and a
	 * CSV keeps what it shows: 875,000 or 884,999 became 880,000. */
	if ((row->type == NULL || row->type[c] != RS_T_NUMBER) && rs_value_sci_digits(s, n) > 0)
		return reject_cell(m, f, row, c, RS_M_SCI_NUMBER,
		                   rs_msg(RS_LANG_EN, RS_M_SCI_NUMBER_WHY), err);
	if ((shape & RS_SHAPE_MYRIAD) && m->amount_scale > 1)
		*v /= m->amount_scale; /* 88万 under 销售额（万元） is 88 of its 万元 */
	if ((rules & RS_NUM_NONNEG) && *v < 0)
		return reject_cell(m, f, row, c, RS_M_NEGATIVE, NULL, err);
	/* Above 2^53 every double is whole; below, the cast is exact. */
	if ((rules & RS_NUM_WHOLE) && *v < 9007199254740992.0 && (double)(int64_t)*v != *v)
		return reject_cell(m, f, row, c, RS_M_NOT_WHOLE, NULL, err);
	if ((shape & RS_SHAPE_MARK) == RS_SHAPE_AMBIG && !exact) { /* a number cell's 1.234 is sure */
		/* "¥1,200" past the look-ahead, 1.2 by a ';' delimiter alone (columns.c) */
		if ((shape & RS_SHAPE_CURRENCY) && m->pref[f] == RS_DEC_FILE && m->conv_delim &&
		    rs_value_cur_decimal(s, n, pref, rules))
			return reject_cell(m, f, row, c, RS_M_NOT_NUMBER,
			                   rs_msg(RS_LANG_EN, RS_M_CUR_MARK), err);
		/* "45.500" read as 45500 is no share; 45.5 may be meant */
		if ((RS_SHARE_FIELDS >> f & 1u) && *v > 100 && !m->mark_given)
			return reject_cell(m, f, row, c, RS_M_NOT_NUMBER,
			                   rs_msg(RS_LANG_EN, RS_M_SHARE_MARK), err);
		*guessed |= 1u << f;
	}
	if (f == RS_F_RELATIONSHIP_YEARS && *v >= 1950 && *v <= (double)(m->today / 10000))
		return reject_cell(m, f, row, c, RS_M_A_YEAR,
		                   rs_msg(RS_LANG_EN, m->keys ? RS_M_A_YEAR_KEY : RS_M_A_YEAR_COL),
		                   err);
	if ((m->fraction >> f & 1u) && !(shape & RS_SHAPE_PCT)) {
		if (*v > 1)
			return reject_cell(
			    m, f, row, c, m->keys ? RS_M_FRACTION_KEY : RS_M_FRACTION_COL,
			    rs_msg(RS_LANG_EN, m->keys ? RS_M_PERCENT_KEY : RS_M_PERCENT_COL), err);
		*v *= 100;
	}
	return RS_OK;
}

bool rs_fieldmap_fraction(const rs_fieldmap *m, int f, const rs_row *row, double *v)
{
	long c = f >= 0 && f < RS_F_COUNT ? m->col[f] : -1;
	const char *s, *why = NULL;
	size_t n;
	unsigned shape = 0;
	char pref;

	if (c < 0 || (size_t)c >= row->n || !(rs_field_num_rules[f] & RS_NUM_WHOLE))
		return false;
	s = row->cell[c];
	n = row->len[c];
	(void)rs_value_unformula(&s, &n);
	pref = m->pref[f] == RS_DEC_FILE ? m->conv : m->pref[f];
	if (row->type != NULL && row->type[c] == RS_T_NUMBER)
		pref = '.';
	return n > 0 &&
	       rs_value_number(s, n, pref, rs_field_num_rules[f], v, &shape, &why) == RS_PARSE_OK &&
	       (shape & RS_SHAPE_MARK) != RS_SHAPE_AMBIG && rs_value_sci_digits(s, n) == 0 && *v >= 0;
}

/* Cell c is JSON's false (Odoo's empty field), not a workbook's FALSE cell;
 * or the False of a delimited file that writes it for its empty fields, as
 * Odoo's CSV exports do (m->csv_false, columns.c). */
static bool odoo_false(const rs_fieldmap *m, const rs_row *row, size_t c)
{
	const char *s = row->cell[c];
	size_t n = row->len[c];

	if (m->csv_false && row->type == NULL) {
		rs_value_trim(&s, &n);
		return n == 5 && memcmp(s, "False", 5) == 0;
	}
	return m->keys && row->type != NULL && row->type[c] == RS_T_BOOL && row->len[c] == 5 &&
	       memcmp(row->cell[c], "false", 5) == 0;
}

static rs_status parse_cell(const rs_fieldmap *m, int f, const rs_row *row, rs_account *a,
                            uint32_t *guessed, rs_error *err)
{
	size_t c = (size_t)m->col[f], n = row->len[c];
	const char *s = row->cell[c], *why = NULL;
	rs_status st;
	rs_parse p = RS_PARSE_OK;
	double v = 0, years = 0;
	bool b = false;
	int lv = 0;

	if (row->type != NULL && row->type[c] == RS_T_NULL)
		return RS_OK;
	if (row->type != NULL && row->type[c] == RS_T_JSON)
		return reject_nested(m, f, row, c, err);
	/* Odoo writes JSON false for every field left empty: in a field that is
	 * not yes/no it is empty, unknown (never 0), and said once per file and
	 * field (a->falsed). A workbook's FALSE cell there was typed: refused. */
	if (rs_field_kinds[f] != RS_KIND_BOOL && odoo_false(m, row, c)) {
		a->falsed |= 1u << f;
		return RS_OK;
	}
	if (rs_value_unformula(&s, &n)) /* ="00123": said once per column */
		a->formula |= 1u << f;
	if (n == 0 || (rs_value_placeholder(s, n) && !rs_value_word_lookup(m->words[f], s, n, &v)))
		return RS_OK; /* "k.A.", "—", ="": none given, as an empty cell */
	if (f == RS_F_CUSTOMER_SINCE) {
		if ((p = rs_value_since(s, n, m->today, &v, &years, &why)) == RS_PARSE_BAD)
			return reject_cell(m, f, row, c, RS_M_NOT_DATE, why, err);
	} else if (rs_field_kinds[f] == RS_KIND_NUMBER) {
		if ((st = number_cell(m, f, row, c, s, n, &v, &p, guessed, err)) != RS_OK)
			return st;
	} else if (rs_field_kinds[f] == RS_KIND_BOOL) {
		p = rs_parse_bool(s, n, &b);
		v = b ? 1 : 0;
	} else {
		p = rs_parse_level(s, n, &lv);
		v = lv;
	}
	/* Only a yes/no or level cell can still be bad here: a map file's word
	 * for it, else the reject (the word's value is of the field's kind:
	 * mapfile.c checks it). */
	if (p == RS_PARSE_BAD && rs_value_word_lookup(m->words[f], s, n, &v))
		p = RS_PARSE_OK;
	else if (p == RS_PARSE_BAD && rs_field_kinds[f] == RS_KIND_BOOL)
		return reject_cell(m, f, row, c, RS_M_NOT_BOOL, rs_msg(RS_LANG_EN, RS_M_BOOL_WORDS),
		                   err);
	else if (p == RS_PARSE_BAD)
		return reject_cell(m, f, row, c, RS_M_NOT_LEVEL,
		                   (why = rs_value_level_unclear(s, n)) != NULL
		                       ? why
		                       : rs_msg(RS_LANG_EN, RS_M_LEVEL_WORDS),
		                   err);
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

/* Digits before the point of a number cell's text, leading zeros aside. */
static size_t whole_digits(const char *s, size_t n)
{
	size_t i = n > 0 && (s[0] == '-' || s[0] == '+'), k;

	while (i < n && s[i] == '0')
		i++;
	for (k = i; k < n && s[k] >= '0' && s[k] <= '9'; k++)
		;
	return k - i;
}

/* id (required) and name point into the row, untrimmed and NUL-terminated. */
static rs_status take_text(const rs_fieldmap *m, const rs_row *row, rs_account *a,
                           rs_error *err)
{
	size_t c = (size_t)m->col[RS_F_ID];
	const char *s = row->cell[c];
	size_t n = row->len[c], d = 0;

	rs_value_trim(&s, &n);
	if (n > 0 && s[0] == '=' && rs_value_unformula(&s, &n)) {
		a->formula |= 1u << RS_F_ID; /* ="00123": the id is 00123 */
		rs_value_trim(&s, &n);
	}
	if (n == 0 || (row->type != NULL && row->type[c] == RS_T_NULL) || rs_value_placeholder(s, n)) {
		rs_error_add_reason(err, m->lang, row->line, m->where[RS_F_ID],
		                    rs_msg(m->lang, RS_M_ID_EMPTY));
		return RS_EREJECT; /* the other cells are still read, for their problems */
	}
	if (row->type != NULL && row->type[c] == RS_T_JSON)
		return reject_nested(m, RS_F_ID, row, c, err);
	if ((row->type != NULL && row->type[c] == RS_T_BOOL) || odoo_false(m, row, c)) {
		/* JSON's false, a TRUE cell, an Odoo CSV's False */
		char msg[128];

		(void)snprintf(msg, sizeof msg, rs_msg(m->lang, RS_M_ID_BOOL), s);
		rs_error_add_reason(err, m->lang, row->line, m->where[RS_F_ID], msg);
		return RS_EREJECT;
	}
	if (sheet_error(s, n) || (d = rs_value_sci_digits(s, n)) > 0) {
		char msg[128];

		if (d > 0)
			(void)snprintf(msg, sizeof msg, rs_msg(m->lang, RS_M_ID_SCI),
			               (int)(n < 24 ? n : 24), s, d);
		else
			(void)snprintf(msg, sizeof msg, rs_msg(m->lang, RS_M_ID_SHEET_ERROR),
			               (int)n, s);
		rs_error_add_reason(err, m->lang, row->line, m->where[RS_F_ID], msg);
		return RS_EREJECT;
	}
	/* A workbook's number cell (typed, no keys: not JSON, whose digits are
	 * the file's) of 16 digits or more: Excel keeps 15 significant digits
	 * (1234567890123456 is stored as 1234567890123450), and a writer going
	 * through a double keeps no more past 2^53, so the id may have lost
	 * digits, and two ids become one. Refused as its CSV's 1.23457E+15 is. */
	if (!m->keys && row->type != NULL && row->type[c] == RS_T_NUMBER &&
	    (d = whole_digits(s, n)) > 15) {
		char msg[256];

		(void)snprintf(msg, sizeof msg, rs_msg(m->lang, RS_M_ID_LONG), (int)(n < 40 ? n : 40),
		               s, d);
		rs_error_add_reason(err, m->lang, row->line, m->where[RS_F_ID], msg);
		return RS_EREJECT;
	}
	a->id = s; /* without surrounding spaces: ERP exports pad ids */
	a->id_len = n;
	a->v[RS_F_ID] = 0; /* known means meaningful: text fields' v is 0 */
	a->known |= 1u << RS_F_ID;
	if (m->col[RS_F_NAME] < 0)
		return RS_OK;
	c = (size_t)m->col[RS_F_NAME];
	if (row->type != NULL && row->type[c] == RS_T_JSON)
		return reject_nested(m, RS_F_NAME, row, c, err);
	s = row->cell[c];
	n = row->len[c];
	if (odoo_false(m, row, c)) { /* the name unknown; the id is what matters */
		a->falsed |= 1u << RS_F_NAME;
		return RS_OK;
	}
	rs_value_trim(&s, &n);
	if (n > 0 && s[0] == '=' && rs_value_unformula(&s, &n))
		a->formula |= 1u << RS_F_NAME;
	else if (n > 0)
		s = row->cell[c], n = row->len[c]; /* the name as written */
	if (n > 0 && (row->type == NULL || row->type[c] != RS_T_NULL)) {
		a->name = s;
		a->name_len = n;
		a->v[RS_F_NAME] = 0;
		a->known |= 1u << RS_F_NAME;
	}
	return RS_OK;
}

/*
 * A row's mapped cells, one kind of field at a time, so no loop body
 * switches on the kind: the common shapes first by the fast paths (a plain
 * number that passes the field's checks, a usual yes/no or level word),
 * each a subset of the general parsers (see fields_impl.h). The cells they
 * decline are marked in `slow` and read by parse_cell last, in field order:
 * fast paths never reject, so the problems are listed in field order. Typed
 * cells (JSON, workbooks) take the same way: a null is empty text, no fast
 * path takes a nested value, and parse_cell reads a JSON number whose
 * decimal mark is not its column's. Bit f of *failed is set for each field
 * whose cell did not read.
 */
/* The currency a workbook cell's number format alone shows: 0 for none
 * (a cell's own "€" is read from its text). Only a non-empty cell has one:
 * a padded row's cur covers its cells with text (classify.c pad_row). */
static unsigned fmt_currency(const rs_row *row, size_t c)
{
	return row->cur != NULL && row->len[c] > 0 ? row->cur[c] : 0;
}

/* Cell c for a message, with the currency its number format shows
 * ("€1200" for 1200 under [$€-407]#,##0.00). */
static const char *amount_shown(char *out, size_t cap, const rs_row *row, size_t c)
{
	char t[72];
	bool after = false;
	unsigned cur = rs_value_currencies(row->cell[c], row->len[c]) == 0 ? fmt_currency(row, c) : 0;
	const char *mark = rs_value_currency_mark(cur, &after);

	if (cur == 0)
		return rs_field_shown(out, cap, row->cell[c], row->len[c]);
	(void)rs_field_shown(t, sizeof t, row->cell[c], row->len[c]);
	(void)snprintf(out, cap, "%s%s%s", after ? "" : mark, t, after ? mark : "");
	return out;
}

/* our_sales and customer_spend, both read, in currencies that cannot be one
 * ("USD 1000", "EUR 2000"; "12000" under "Revenue (USD)" beside "€15000"):
 * no share comes from them. A cell that names none is in its header's (a workbook's
 * cell: in its number format's, if that shows one). */
static rs_status check_currencies(const rs_fieldmap *m, const rs_row *row, rs_error *err)
{
	size_t a = (size_t)m->col[RS_F_OUR_SALES], b = (size_t)m->col[RS_F_CUSTOMER_SPEND];
	unsigned ca = rs_value_currencies(row->cell[a], row->len[a]);
	unsigned cb = rs_value_currencies(row->cell[b], row->len[b]);
	char va[96], vb[96], hb[RS_FIELD_WHERE_MAX + 16] = "", msg[sizeof err->msg];
	bool by_header;

	/* A workbook's 1200 under [$€-407]#,##0.00 is €1200, as its CSV says. */
	ca = ca != 0 ? ca : fmt_currency(row, a);
	cb = cb != 0 ? cb : fmt_currency(row, b);
	by_header = cb == 0;

	/* Under 万元 headers, "88" beside "1,000,000元": the marked cell may be
	 * in plain units (元), not the header's; a share would be 10,000 off.
	 * "88万元" names its scale and reads in the header's unit (88), as 88万. */
	if (m->amount_scaled && row->len[a] > 0 && row->len[b] > 0 && (ca == 0) != (cb == 0) &&
	    !rs_value_myriad(ca ? row->cell[a] : row->cell[b], ca ? row->len[a] : row->len[b])) {
		(void)snprintf(msg, sizeof msg, rs_msg(m->lang, RS_M_SCALED),
		               amount_shown(va, sizeof va, row, a), amount_shown(vb, sizeof vb, row, b),
		               m->where[RS_F_OUR_SALES]);
		rs_error_add_reason(err, m->lang, row->line, m->where[RS_F_OUR_SALES], msg);
		return RS_EREJECT;
	}
	if (ca == 0) /* the reason starts with our_sales' column */
		ca = m->amount_cur[0];
	if (cb == 0)
		cb = m->amount_cur[1];
	if (ca == 0 || cb == 0 || (ca & cb) != 0)
		return RS_OK;
	if (by_header)
		(void)snprintf(hb, sizeof hb, rs_msg(m->lang, RS_M_CURRENCY_WHERE),
		               rs_msg(m->lang, m->keys ? RS_M_KEY : RS_M_COL),
		               m->where[RS_F_CUSTOMER_SPEND]);
	(void)snprintf(msg, sizeof msg, rs_msg(m->lang, RS_M_CURRENCIES),
	               amount_shown(va, sizeof va, row, a), amount_shown(vb, sizeof vb, row, b), hb);
	rs_error_add_reason(err, m->lang, row->line, m->where[RS_F_OUR_SALES], msg);
	return RS_EREJECT;
}

static rs_status read_cells(const rs_fieldmap *m, const rs_row *row, rs_account *a,
                            uint32_t *guessed, uint32_t *failed, rs_error *err)
{
	const char conv = m->conv;
	const char *const *cell = row->cell;
	const size_t *len = row->len;
	uint32_t known = a->known, slow = 0;
	uint32_t amounts = 1u << RS_F_OUR_SALES | 1u << RS_F_CUSTOMER_SPEND;
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
	/* Plain numbers take the fast path: only two slow amounts carry signs. */
	/* and one with a sign beside a plain one whose header names a currency */
	/* and a workbook's two amounts when a number format shows a currency */
	amounts = (slow & amounts) == amounts ||
	                  ((slow & amounts) != 0 && ((m->amount_cur[0] | m->amount_cur[1]) != 0 || m->amount_scaled)) ||
	                  (row->cur != NULL && m->col[RS_F_OUR_SALES] >= 0 && m->col[RS_F_CUSTOMER_SPEND] >= 0 &&
	                   (fmt_currency(row, (size_t)m->col[RS_F_OUR_SALES]) |
	                    fmt_currency(row, (size_t)m->col[RS_F_CUSTOMER_SPEND])) != 0)
	              ? amounts
	              : 0;
	for (f = 0; slow != 0; f++, slow >>= 1)
		if ((slow & 1) && (st = parse_cell(m, f, row, a, guessed, err)) != RS_OK) {
			if (st != RS_EREJECT)
				return st;
			*failed |= 1u << f;
		}
	if (amounts != 0 && !(*failed & amounts) && check_currencies(m, row, err) != RS_OK)
		*failed |= amounts;
	return *failed ? RS_EREJECT : RS_OK;
}

/*
 * The cooperation column's cell, options between ';' (HubSpot), ',', '|',
 * a line break, ；，、: each names a signal, which is then yes; one it does not
 * name stays unknown (the options the CRM offers are not in the file). A map
 * file's "options" name more, after the built-in ones (one may name none: it
 * is passed over). An option that names no signal rejects the row, as does
 * one naming a count or a signal with a column of its own that does not say
 * so there. A JSON list of strings (["Exclusive","Strategic agreement"], an
 * API's multi-select field) holds its options as items.
 */
static void read_options(const rs_fieldmap *m, const rs_row *row, rs_account *a, uint32_t *failed,
                         rs_error *err)
{
	size_t c = (size_t)m->options, n = row->len[c], i, k, start = 0, sep;
	const char *s = row->cell[c], *item;
	bool array = row->type != NULL && row->type[c] == RS_T_JSON && n >= 2 && s[0] == '[' &&
	             s[n - 1] == ']';
	char val[72], msg[sizeof err->msg];
	double own;
	int f;

	if (rs_value_placeholder(s, n))
		return;
	if (odoo_false(m, row, c)) { /* no option given; said as a field's false is */
		a->falsed |= 1u << m->options_first;
		return;
	}
	if (array) { /* a JSON list of strings (a multi-select field): its items */
		s++;
		n -= 2;
	}
	for (i = 0; i <= n; i += sep > 0 ? sep : 1) {
		sep = i == n ? 1
		      : s[i] != '\0' && strchr(";,|\n", s[i]) ? 1
		      : i + 3 <= n && (memcmp(s + i, "；", 3) == 0 || memcmp(s + i, "，", 3) == 0 ||
		                       memcmp(s + i, "｜", 3) == 0 || memcmp(s + i, "、", 3) == 0)
		          ? 3
		          : 0;
		if (sep == 0)
			continue;
		item = s + start;
		k = i - start;
		start = i + sep;
		rs_value_trim(&item, &k);
		if (array && k >= 2 && item[0] == '"' && item[k - 1] == '"') {
			item++; /* an escape inside stays, and names no option: said */
			k -= 2;
			rs_value_trim(&item, &k);
		}
		if (k == 0)
			continue;
		if ((f = rs_value_option(item, k)) < 0 && rs_value_word_lookup(m->optwords, item, k, &own)) {
			if (own < 0)
				continue; /* the map file says it names no signal */
			f = (int)own;
		}
		if (f >= 0 && m->how[f] == RS_HOW_OPTIONS) {
			a->v[f] = 1;
			a->known |= 1u << f;
		} else if (f < 0 || ((!rs_known(a, f) || a->v[f] < 1) && m->how[f] < RS_HOW_OFF)) {
			(void)snprintf(msg, sizeof msg, rs_msg(m->lang, f < 0 ? RS_M_OPT_NONE : RS_M_OPT_OWN),
			               rs_field_shown(val, sizeof val, item, k), f < 0 ? "" : rs_var_name(f));
			rs_error_add_reason(err, m->lang, row->line, m->where[m->options_first], msg);
			*failed |= 1u << m->options_first;
		}
	}
}

rs_status rs_fieldmap_read(const rs_fieldmap *m, const rs_row *row, rs_account *a,
                           uint32_t *guessed, uint32_t *failed, rs_error *err)
{
	rs_status st;

	/* v[] means nothing where `known` is clear; it need not be kept. */
	a->id = a->name = NULL;
	a->id_len = a->name_len = 0;
	a->known = a->formula = a->falsed = 0;
	*failed = 0;
	if (err != NULL) {
		err->where[0] = err->msg[0] = '\0';
		err->status = RS_OK;
	}
	if (row->reject != NULL)
		return rs_error_set(err, RS_EREJECT, row->line, "%s", row->reject);
	if (row->n != m->ncols)
		return rs_error_set(err, RS_EREJECT, row->line, rs_msg(m->lang, RS_M_ROW_WIDTH),
		                    row->n, row->n == 1 ? "" : "s", m->ncols);
	if (take_text(m, row, a, err) != RS_OK)
		*failed = 1u << RS_F_ID;
	st = read_cells(m, row, a, guessed, failed, err);
	if (m->options >= 0 && (st == RS_OK || st == RS_EREJECT))
		read_options(m, row, a, failed, err);
	return st == RS_OK && *failed ? RS_EREJECT : st;
}
