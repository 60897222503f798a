/*
 * fields.c - the canonical fields and variables, their aliases, and building
 * the field map: header cells (and --map) -> fields once, with the messages
 * for missing or doubled columns. The per-row walk is in fields_apply.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields_impl.h"

/* ------------------------------------------------------------ variables */

static const char *const var_names[RS_V_COUNT] = {
	"id", "name", "purchase_share", "our_sales", "customer_spend",
	"contacts", "departments", "top_contact_level", "key_person",
	"relationship_years", "joint_projects", "exec_meetings",
	"strategic_agreement", "equity_tie", "exclusive", "info_sharing",
	"customer_since", "price_agreement",
	"share_pct", "contact_score", "cooperation_score", "previous_stage",
};

const unsigned char rs_field_kinds[RS_V_COUNT] = {
	RS_KIND_TEXT,   RS_KIND_TEXT,   RS_KIND_NUMBER, RS_KIND_NUMBER,
	RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_LEVEL,
	RS_KIND_BOOL,   RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER,
	RS_KIND_BOOL,   RS_KIND_BOOL,   RS_KIND_BOOL,   RS_KIND_BOOL,
	RS_KIND_NUMBER, RS_KIND_BOOL, /* customer_since, price_agreement */
	RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER,
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
 * The built-in aliases are issue 2's table exactly, plus these additions
 * (each unambiguous, each a name real exports use): id 客户代码, name 客户名,
 * purchase_share 份额. Aliases are matched after the same normalisation as
 * header cells (rs_value_norm), so they are listed in their display form.
 */
static const char *const al_id[] = {"account_id", "customer_id", "客户编号", "客户ID", "客户代码", NULL};
static const char *const al_name[] = {"account_name", "customer_name", "company", "客户名称", "客户名", NULL};
static const char *const al_share[] = {"share", "share_of_wallet", "wallet_share", "采购份额", "份额", NULL};
static const char *const al_sales[] = {"revenue", "our_revenue", "sales", "我方销售额", NULL};
static const char *const al_spend[] = {"total_purchases", "customer_total_purchases", "客户采购总额", NULL};
static const char *const al_contacts[] = {"contact_count", "联系人数", NULL};
static const char *const al_depts[] = {"department_count", "接触部门数", NULL};
static const char *const al_level[] = {"contact_level", "最高接触层级", NULL};
static const char *const al_key[] = {"decision_maker", "关键人", NULL};
static const char *const al_years[] = {"years", "合作年限", NULL};
static const char *const al_joint[] = {"联合项目数", NULL};
static const char *const al_meet[] = {"高层会晤次数", NULL};
static const char *const al_agree[] = {"agreement", "战略协议", NULL};
static const char *const al_equity[] = {"joint_venture", "股权关系", NULL};
static const char *const al_excl[] = {"preferred_supplier", "独家供应", NULL};
static const char *const al_info[] = {"信息共享", NULL};
static const char *const al_since[] = {"client_since", "customer_since_date", "relationship_start",
                                       "kunde_seit", "首次合作年份", "首次合作日期", "合作开始日期",
                                       "合作开始年份", "合作起始年份", "开始合作时间", NULL};
static const char *const al_price[] = {"rebate_agreement", "volume_discount", "framework_price",
                                       "返点协议", "价格协议", "框架价格协议", NULL};
static const char *const al_none[] = {NULL};

static const char *const *const aliases[RS_F_COUNT] = {
	al_id, al_name, al_share, al_sales, al_spend, al_contacts, al_depts,
	al_level, al_key, al_years, al_joint, al_meet, al_agree, al_equity,
	al_excl, al_info, al_since, al_price,
};

static const char *const meanings[RS_V_COUNT] = {
	"account id (required)",
	"account name",
	"our share of the customer's category purchases, % (0-100)",
	"our sales to the customer in the period",
	"the customer's total purchases in the category",
	"people we are in contact with",
	"customer departments we are in contact with",
	"highest level reached: staff, manager, director, executive",
	"relationship with the key decision maker (yes/no)",
	"years of doing business",
	"joint or co-development projects",
	"executive meetings in the last year",
	"a strategic or framework agreement (yes/no)",
	"cross-shareholding or a joint venture (yes/no)",
	"exclusive or preferred-supplier status (yes/no)",
	"forecasts, plans or data shared with us (yes/no)",
	"the year (or date) the customer relationship began; gives relationship_years when that is empty",
	"a rebate, volume-discount or framework-price agreement (yes/no)",
	"score: our share, 0-100, from purchase_share or our_sales/customer_spend",
	"score: contact depth, 0-100",
	"score: cooperation signals, 0-100",
	"the stage in the previous run (--previous)",
};

const char *rs_field_meaning(int field)
{
	if (field < 0 || field >= RS_V_COUNT)
		return NULL;
	return meanings[field];
}

const char *const *rs_field_aliases(int field)
{
	if (field < 0 || field >= RS_V_COUNT)
		return NULL;
	return field < RS_F_COUNT ? aliases[field] : al_none;
}

/* How each numeric field is read: money takes a currency, counts are whole. */
const unsigned char rs_field_num_rules[RS_F_COUNT] = {
	[RS_F_PURCHASE_SHARE] = RS_NUM_PERCENT,
	[RS_F_OUR_SALES] = RS_NUM_CURRENCY,
	[RS_F_CUSTOMER_SPEND] = RS_NUM_CURRENCY,
	[RS_F_CONTACTS] = RS_NUM_COUNT | RS_NUM_PIECES,
	[RS_F_DEPARTMENTS] = RS_NUM_COUNT | RS_NUM_PIECES,
	[RS_F_RELATIONSHIP_YEARS] = RS_NUM_NONNEG | RS_NUM_YEARS,
	[RS_F_JOINT_PROJECTS] = RS_NUM_COUNT | RS_NUM_PIECES,
	[RS_F_EXEC_MEETINGS] = RS_NUM_COUNT | RS_NUM_PIECES,
};

/* ------------------------------------------------------------ field map */

/* A header column by its normalised name; sorted, to find names and twins. */
typedef struct colname {
	const char *norm;
	size_t col;
} colname;

typedef struct mapctx {
	rs_fieldmap *m;
	const rs_row *h;
	colname *byname; /* non-empty names only, sorted by (norm, col) */
	size_t nnames;
	unsigned long line;
	rs_error *err;
} mapctx;

/* Copies at most cap - 1 bytes of s[0..n) without cutting a UTF-8 character. */
static void copy_utf8(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

const char *rs_field_shown(char *buf, size_t cap, const char *s, size_t n)
{
	if (n < cap) {
		copy_utf8(buf, cap, s, n);
		return buf;
	}
	copy_utf8(buf, cap - 3, s, n);
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

/* Normalises every header cell into one block and sorts them by name. */
static rs_status index_header(mapctx *c, char **block)
{
	const rs_row *h = c->h;
	size_t i, total = 0, off = 0, all = h->n + h->extra; /* and the dot paths */

	for (i = 0; i < all; i++)
		total += h->len[i] + 1;
	*block = rs_malloc(total ? total : 1);
	c->byname = rs_calloc(all ? all : 1, sizeof *c->byname);
	if (*block == NULL || c->byname == NULL)
		return rs_error_set(c->err, RS_ENOMEM, c->line, "out of memory");
	for (i = 0; i < all; i++) {
		size_t k = rs_value_norm(h->cell[i], h->len[i], *block + off, h->len[i] + 1);
		if (k == 0)
			continue; /* an empty header cell: a pass-through column */
		c->byname[c->nnames].norm = *block + off;
		c->byname[c->nnames++].col = i;
		off += k + 1;
	}
	qsort(c->byname, c->nnames, sizeof *c->byname, colname_cmp);
	return RS_OK;
}

/* Two columns with one name: JSON output could not hold both. */
static rs_status check_twins(const mapctx *c)
{
	size_t i, a = 0, b = 0;
	char s1[64], s2[64];

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
	return rs_error_set(c->err, RS_EUSAGE, c->line,
	                    "columns %zu (\"%s\") and %zu (\"%s\") have the same name; rename one",
	                    a + 1, rs_field_shown(s1, sizeof s1, c->h->cell[a], c->h->len[a]), b + 1,
	                    rs_field_shown(s2, sizeof s2, c->h->cell[b], c->h->len[b]));
}

/* The field whose name is normalised `key`, or -1 (scores are not fields). */
static int field_by_name(const char *key)
{
	int f;

	for (f = 0; f < RS_F_COUNT; f++)
		if (strcmp(key, var_names[f]) == 0)
			return f;
	return -1;
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

/* "purchase_share (or share, ...)": the names a column may have to give f. */
static const char *names_of(int f, char *buf, size_t cap)
{
	const char *const *a;

	buf[0] = '\0';
	(void)put(buf, cap, var_names[f]);
	for (a = aliases[f]; *a; a++)
		if (!put(buf, cap, a == aliases[f] ? " (or " : ", ") || !put(buf, cap, *a))
			break;
	if (aliases[f][0] != NULL)
		(void)put(buf, cap, ")");
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
static const char *column_list(const rs_row *h, char *buf, size_t cap)
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
		(void)snprintf(more, sizeof more, " and %zu more", h->n - i);
		(void)put(buf, cap, more);
	}
	return buf;
}

static bool column_taken(const rs_fieldmap *m, long col, int *by)
{
	int g;

	for (g = 0; g < RS_F_COUNT; g++)
		if (m->col[g] == col)
			return *by = g, true;
	return false;
}

/* The column a --map COLUMN names: by name, else "#N" (1-based). */
static long map_column(const mapctx *c, const char *key)
{
	long col = find_col(c, key);
	char *end;
	unsigned long k;

	if (col >= 0 || key[0] != '#' || key[1] < '1' || key[1] > '9')
		return col;
	k = strtoul(key + 1, &end, 10);
	return *end == '\0' && k <= c->h->n ? (long)k - 1 : -1;
}

static rs_status apply_map(mapctx *c, const char *spec)
{
	const char *eq = strchr(spec, '=');
	char fkey[64], ckey[256], s1[80], s2[64], list[300];
	size_t clen = eq ? strlen(eq + 1) : 0;
	long col;
	int f, g;

	(void)rs_field_shown(s1, sizeof s1, spec, strlen(spec));
	if (eq == NULL || clen >= sizeof ckey || rs_value_norm(spec, (size_t)(eq - spec), fkey, sizeof fkey) == 0 ||
	    rs_value_norm(eq + 1, clen, ckey, sizeof ckey) == 0)
		return rs_error_set(c->err, RS_EUSAGE, c->line,
		                    "--map \"%s\": expected FIELD=COLUMN, e.g. --map purchase_share=\"Share %%\"", s1);
	if ((f = field_by_name(fkey)) < 0)
		return rs_error_set(c->err, RS_EUSAGE, c->line, "--map \"%s\": unknown field; fields are %s",
		                    s1, field_list(list, sizeof list));
	if ((col = map_column(c, ckey)) < 0)
		return rs_error_set(c->err, RS_EUSAGE, c->line,
		                    "--map \"%s\": no such column in the header; columns are %s", s1,
		                    column_list(c->h, list, sizeof list));
	if (c->m->col[f] >= 0)
		return rs_error_set(c->err, RS_EUSAGE, c->line, "--map gives %s twice; keep one", var_names[f]);
	if (column_taken(c->m, col, &g))
		return rs_error_set(c->err, RS_EUSAGE, c->line,
		                    "--map gives column %ld (\"%s\") to both %s and %s; a column gives one field",
		                    col + 1,
		                    rs_field_shown(s2, sizeof s2, c->h->cell[col], c->h->len[col]),
		                    var_names[g], var_names[f]);
	c->m->col[f] = col;
	return RS_OK;
}

/* Fields not given by --map come from their name or an alias: one column each. */
static rs_status apply_aliases(mapctx *c, const bool *by_map)
{
	char key[96], s1[64], s2[64];
	size_t i;
	long col, first, second;
	int f, g;

	for (f = 0; f < RS_F_COUNT; f++) {
		if (by_map[f])
			continue;
		first = second = -1;
		for (i = 0; i == 0 || aliases[f][i - 1]; i++) {
			const char *name = i == 0 ? var_names[f] : aliases[f][i - 1];
			(void)rs_value_norm(name, strlen(name), key, sizeof key);
			if ((col = find_col(c, key)) < 0 || column_taken(c->m, col, &g))
				continue;
			if (first < 0 || col < first) {
				second = first;
				first = col;
			} else if (second < 0 || col < second) {
				second = col;
			}
		}
		if (second >= 0)
			return rs_error_set(c->err, RS_EUSAGE, c->line,
			                    "columns %ld (\"%s\") and %ld (\"%s\") both give %s; drop one or "
			                    "choose with --map %s=COLUMN",
			                    first + 1,
			                    rs_field_shown(s1, sizeof s1, c->h->cell[first], c->h->len[first]),
			                    second + 1,
			                    rs_field_shown(s2, sizeof s2, c->h->cell[second], c->h->len[second]),
			                    var_names[f], var_names[f]);
		c->m->col[f] = first;
	}
	return RS_OK;
}

static rs_status check_required(const mapctx *c)
{
	const long *col = c->m->col;
	char n1[200], n2[160], n3[160], found[120] = "";
	int have;

	if (col[RS_F_ID] < 0)
		return rs_error_set(c->err, RS_EUSAGE, c->line,
		                    "no column gives id: name one %s, or use --map id=COLUMN",
		                    names_of(RS_F_ID, n1, sizeof n1));
	if (col[RS_F_PURCHASE_SHARE] >= 0 || (col[RS_F_OUR_SALES] >= 0 && col[RS_F_CUSTOMER_SPEND] >= 0))
		return RS_OK;
	have = col[RS_F_OUR_SALES] >= 0 ? RS_F_OUR_SALES : col[RS_F_CUSTOMER_SPEND] >= 0 ? RS_F_CUSTOMER_SPEND : -1;
	if (have >= 0) {
		char s1[48];
		(void)snprintf(found, sizeof found, "column %ld (\"%s\") gives %s, but ", col[have] + 1,
		               rs_field_shown(s1, sizeof s1, c->h->cell[col[have]], c->h->len[col[have]]),
		               var_names[have]);
	}
	return rs_error_set(c->err, RS_EUSAGE, c->line,
	                    "%sno column gives the share: name one %s, or give both %s and %s, "
	                    "or use --map purchase_share=COLUMN",
	                    found, names_of(RS_F_PURCHASE_SHARE, n1, sizeof n1),
	                    names_of(RS_F_OUR_SALES, n2, sizeof n2),
	                    names_of(RS_F_CUSTOMER_SPEND, n3, sizeof n3));
}

/* Remembers each mapped column's header text and which fields need parsing. */
static void finish_map(const mapctx *c)
{
	rs_fieldmap *m = c->m;
	const char *s;
	size_t n;
	int f;

	m->today = rs_value_today();
	for (f = 0; f < RS_F_COUNT; f++) {
		if (m->col[f] < 0)
			continue;
		s = c->h->cell[m->col[f]];
		n = c->h->len[m->col[f]];
		rs_value_trim(&s, &n);
		/* The column is named in messages only when its header is not
		 * the field's own name, which the message already says. */
		if (n > 0 && !(n == strlen(var_names[f]) && memcmp(s, var_names[f], n) == 0))
			copy_utf8(m->where[f], RS_FIELD_WHERE_MAX, s, n);
		else if (n > 0)
			m->where[f][0] = '\0';
		else
			(void)snprintf(m->where[f], RS_FIELD_WHERE_MAX, "column %ld", m->col[f] + 1);
		m->pref[f] = RS_DEC_FILE;
		if (rs_field_kinds[f] != RS_KIND_TEXT) {
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
	if (f == RS_F_CUSTOMER_SINCE || (f == RS_F_PURCHASE_SHARE && m->fraction))
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

rs_status rs_fieldmap_new(rs_fieldmap **out, const rs_row *header,
                          const char *const *maps, size_t nmaps, rs_error *err)
{
	mapctx c = {NULL, header, NULL, 0, header->line, err};
	bool by_map[RS_F_COUNT] = {false};
	char *block = NULL;
	rs_status st;
	size_t i;
	int f;

	*out = NULL;
	if (err != NULL)
		err->where[0] = '\0';
	if ((c.m = rs_calloc(1, sizeof *c.m)) == NULL) {
		st = rs_error_set(err, RS_ENOMEM, c.line, "out of memory");
		goto fail;
	}
	c.m->ncols = header->n;
	for (f = 0; f < RS_F_COUNT; f++)
		c.m->col[f] = -1;
	if ((st = index_header(&c, &block)) != RS_OK || (st = check_twins(&c)) != RS_OK)
		goto fail;
	for (i = 0; i < nmaps; i++)
		if ((st = apply_map(&c, maps[i])) != RS_OK)
			goto fail;
	for (f = 0; f < RS_F_COUNT; f++)
		by_map[f] = c.m->col[f] >= 0;
	if ((st = apply_aliases(&c, by_map)) != RS_OK || (st = check_required(&c)) != RS_OK)
		goto fail;
	finish_map(&c);
	*out = c.m;
	c.m = NULL;
fail:
	rs_free(c.byname);
	rs_free(block);
	rs_free(c.m);
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
