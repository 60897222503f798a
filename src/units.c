/*
 * units.c - the unit and scale amount and share headers name (万元, TEUR, "(USD)", ‰), also
 * by a unit row under the header: a share from two units stops the run; a shared scale is kept.
 */
#include <stdio.h>

#include "fields_impl.h"
#include "msg.h"

static bool ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/*
 * Scale words as whole words (lowercase ASCII letters and digits): "($000)",
 * "('000)", "(T€)", "(USD k)", "(KUSD)", "(USD mn)", "(MEUR)", "(USD bn)",
 * "Umsatz TEUR". "M" alone is a million in some accounts and a thousand in
 * others (MM a million): a scale of its own, which agrees only with another
 * "M". The scale of low[i..j), or 1.
 */
static double scale_word(const char *low, size_t i, size_t j)
{
	static const struct {
		const char *w;
		double v;
	} words[] = {{"000", 1e3},   {"000s", 1e3},     {"k", 1e3},        {"t", 1e3},
	             {"ths", 1e3},   {"tsd", 1e3},      {"teur", 1e3},     {"keur", 1e3},
	             {"kusd", 1e3},  {"tusd", 1e3},     {"kcny", 1e3},     {"krmb", 1e3},
	             {"kchf", 1e3},  {"tchf", 1e3},     {"kgbp", 1e3},     {"thousand", 1e3},
	             {"thousands", 1e3}, {"mn", 1e6},   {"mln", 1e6},      {"mm", 1e6},
	             {"mio", 1e6},   {"musd", 1e6},     {"meur", 1e6},     {"mchf", 1e6},
	             {"mgbp", 1e6},  {"mcny", 1e6},     {"million", 1e6},  {"millions", 1e6},
	             {"bn", 1e9},    {"mrd", 1e9},      {"billion", 1e9},  {"m", -1}};
	size_t t;

	for (t = 0; t < sizeof words / sizeof words[0]; t++)
		if (strlen(words[t].w) == j - i && memcmp(low + i, words[t].w, j - i) == 0)
			return words[t].v;
	return 1;
}

/* The Chinese scales, longest first (千万 is not 万). */
static const struct {
	const char *w;
	double v;
} zh_scales[] = {{"百万", 1e6}, {"千万", 1e7}, {"十万", 1e5}, {"万", 1e4}, {"千", 1e3}, {"亿", 1e8}};

/* A header without brackets may end in its unit: a scale word after a blank,
 * '/', '_', '-' or ':' ("Umsatz TEUR", "Revenue in $000", "销售额/万元"), or
 * 万元, 千元... joined on (销售额万元). Its scale, or 1. */
static double scale_at_end(const char *s, size_t n)
{
	char low[24];
	size_t i, k, e = n;

	for (i = 0; i < sizeof zh_scales / sizeof zh_scales[0]; i++) /* a scale, then 元 */
		if (n > (k = strlen(zh_scales[i].w)) + 3 && memcmp(s + n - 3, "元", 3) == 0 &&
		    memcmp(s + n - 3 - k, zh_scales[i].w, k) == 0)
			return zh_scales[i].v;
	while (e > 0 && strchr(" /_-:", s[e - 1]) == NULL)
		e--;
	if (e == 0 || n - e >= sizeof low)
		return 1;
	for (k = 0, i = e; i < n; i++) {
		char c = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		if (ascii_alnum(c))
			low[k++] = c;
		else if ((unsigned char)c < 0x80 && c != '$' && c != '\'' && c != '.')
			return 1; /* a sign or currency mark may stand beside it: "T€", "$000" */
	}
	return k > 0 ? scale_word(low, 0, k) : 1;
}

/*
 * The unit a header names in brackets ("Umsatz (TEUR)", 销售额（万元）,
 * "Spend (USD, FY2026)"): its scale (1 when it names none) and the
 * currencies its sign or code may mean (rs_value_currencies' bits); 1 and
 * 0 when it names neither. A header without brackets: the scale it ends in.
 */
static void unit_named(const char *s, size_t n, double *scale, unsigned *cur)
{
	static const char *const open[] = {"(", "\xEF\xBC\x88", "[", "\xE3\x80\x90", NULL}; /* （ 【 */
	static const char *const close[] = {")", "\xEF\xBC\x89", "]", "\xE3\x80\x91", NULL}; /* ） 】 */
	static const struct {
		const char *w;
		double v;
	} latin[] = {{"mrd", 1e9},      {"mio", 1e6},  {"million", 1e6}, {"billion", 1e9},
	             {"thousand", 1e3}, {"tsd", 1e3},  {"teur", 1e3},    {"keur", 1e3},
	             {"k€", 1e3},       {"k$", 1e3},   {"$k", 1e3}};
	char low[64], *q;
	const char *p, *b = NULL;
	size_t i, j, k = 0;

	*scale = 1;
	*cur = 0;
	for (p = s; p < s + n && b == NULL; p++)
		for (i = 0; open[i] != NULL && b == NULL; i++)
			if ((size_t)(s + n - p) >= strlen(open[i]) && memcmp(p, open[i], strlen(open[i])) == 0)
				b = p + strlen(open[i]);
	if (b == NULL) {
		*scale = scale_at_end(s, n);
		return;
	}
	for (; b < s + n && k + 1 < sizeof low; b++)
		low[k++] = (char)(*b >= 'A' && *b <= 'Z' ? *b + 32 : *b);
	low[k] = '\0';
	for (i = 0; close[i] != NULL; i++) /* up to the closing bracket */
		if ((q = strstr(low, close[i])) != NULL)
			*q = '\0';
	k = strlen(low);
	for (i = 0; i < sizeof zh_scales / sizeof zh_scales[0] && *scale == 1; i++)
		if (strstr(low, zh_scales[i].w) != NULL)
			*scale = zh_scales[i].v;
	for (i = 0; i < sizeof latin / sizeof latin[0] && *scale == 1; i++)
		if (strstr(low, latin[i].w) != NULL)
			*scale = latin[i].v;
	for (i = 0; i < k && *scale == 1; i = j) { /* words of ASCII letters and digits */
		for (; i < k && !ascii_alnum(low[i]); i++)
			;
		for (j = i; j < k && ascii_alnum(low[j]); j++)
			;
		if (j > i)
			*scale = scale_word(low, i, j);
	}
	*cur = rs_value_currencies(low, k);
}

/* Do two amount headers name one unit? A header that names none is in the
 * unit of the report's title rows (单位：万元), else in plain units; "(¥)" and
 * "(元)" may both be yuan, "(USD)" and "($)" dollars. */
static bool units_agree(const rs_fieldmap *m, const char *ta, size_t na, const char *tb,
                        size_t nb, unsigned *ca, unsigned *cb, double *scale)
{
	double sb;

	unit_named(ta, na, scale, ca);
	if (*scale == 1 && *ca == 0)
		unit_named(m->unit_title, strlen(m->unit_title), scale, ca);
	unit_named(tb, nb, &sb, cb);
	if (sb == 1 && *cb == 0)
		unit_named(m->unit_title, strlen(m->unit_title), &sb, cb);
	return *scale == sb && (*ca == 0 || *cb == 0 || (*ca & *cb) != 0);
}

/* Does a share's header name a unit other than percent: per mille (‰, 千分比),
 * basis points? Its word, or NULL. */
static const char *share_unit(const char *s, size_t n)
{
	static const char *const words[] = {"\xE2\x80\xB0", "per mille", "permille", "promille",
	                                    "basis point", "千分", "万分", NULL};
	char low[RS_FIELD_WHERE_MAX];
	size_t i, j;

	for (i = 0; i < n && i + 1 < sizeof low; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[i] = '\0';
	for (j = 0; words[j] != NULL; j++)
		if (strstr(low, words[j]) != NULL)
			return words[j];
	for (j = 0; low[j] != '\0'; j++) /* "(bp)", "(bps)" as words */
		if ((strncmp(low + j, "bp)", 3) == 0 || strncmp(low + j, "bps)", 4) == 0 ||
		     strncmp(low + j, "bp]", 3) == 0 || strncmp(low + j, "bps]", 4) == 0) &&
		    (j == 0 || !ascii_alnum(low[j - 1])))
			return "bp";
	return NULL;
}

/* Does low[0..n) hold the lowercase ASCII w as a whole word (or other text)? */
static bool holds_word(const char *low, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (memcmp(low + i, w, k) == 0 &&
		    ((unsigned char)w[0] >= 0x80 ||
		     ((i == 0 || !ascii_alnum(low[i - 1])) && (i + k == n || !ascii_alnum(low[i + k])))))
			return true;
	return false;
}

/*
 * Does an amount's header say it includes tax (含税, incl. VAT, gross, brutto,
 * TTC: 1) or leaves it out (不含税, excl. VAT, net, netto, HT: -1)? 0 when it
 * says neither. Our sales net of 13% VAT over purchases with it give 88/113,
 * 77.9%, where the share is 88%: stable, not strategic, in silence.
 */
static int tax_basis(const char *s, size_t n)
{
	static const char *const net[] = {
	    "不含税", "未含税", "未税", "除税", "無稅", "未稅", "excl. vat", "excl vat", "excluding vat",
	    "ex vat", "ex. vat", "net of vat", "excl. tax", "excl tax", "excluding tax", "net of tax",
	    "net", "netto", "exkl. mwst", "exkl mwst", "ohne mwst", "zzgl. mwst", "ht", "hors taxe",
	    "hors taxes", NULL};
	static const char *const gross[] = {
	    "含税", "價稅合計", "价税合计", "含稅", "incl. vat", "incl vat", "including vat",
	    "inc. vat", "inc vat", "incl. tax", "incl tax", "including tax", "gross", "brutto",
	    "inkl. mwst", "inkl mwst", "mit mwst", "ttc", NULL};
	char low[RS_FIELD_WHERE_MAX];
	const char *const *w;
	size_t i;

	for (i = 0; i < n && i + 1 < sizeof low; i++) /* revenue_excl_vat, ex-VAT: as words */
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i] == '_' || s[i] == '-' ? ' ' : s[i]);
	low[i] = '\0';
	for (w = net; *w != NULL; w++) /* first: 不含税 holds 含税 */
		if (holds_word(low, i, *w))
			return -1;
	for (w = gross; *w != NULL; w++)
		if (holds_word(low, i, *w))
			return 1;
	return 0;
}

rs_status rs_fieldmap_check_units(rs_fieldmap *m, const rs_row *h, rs_error *err)
{
	long a = m->col[RS_F_OUR_SALES], b = m->col[RS_F_CUSTOMER_SPEND], s = m->col[RS_F_PURCHASE_SHARE];
	rs_lang g = err != NULL ? err->lang : RS_LANG_EN;
	const char *unit, *col = rs_msg_tr(g, RS_COL(m->keys));
	char ta[48], tb[48], tu[160];

	/* relstage's shares are percentages: "88" under "Share (‰)" is 8.8% */
	if (s >= 0 && (unit = share_unit(h->cell[s], h->len[s])) != NULL)
		return rs_error_set(err, RS_EUSAGE, h->line,
		                    "purchase_share (%s \"%s\") is not in percent (it names %s), "
		                    "so every share read from it would be wrong: give the shares in "
		                    "percent, or take the share from no %s (-m purchase_share=) and "
		                    "give our_sales and customer_spend", col,
		                    rs_field_shown(ta, sizeof ta, h->cell[s], h->len[s]), unit,
		                    col);

	/* one net of tax, the other with it: the share would be off by the tax */
	if (a >= 0 && b >= 0 && tax_basis(h->cell[a], h->len[a]) * tax_basis(h->cell[b], h->len[b]) < 0)
		return rs_error_set(err, RS_EUSAGE, h->line,
		                    "our_sales (%s \"%s\") and customer_spend (%s \"%s\") are on "
		                    "different tax bases (one with tax, the other without), so the share "
		                    "from them would be off by the tax: give both on one basis and say so "
		                    "in both %s, or give the share as purchase_share and take one of them "
		                    "from no %s (-m our_sales= or -m customer_spend=)", col,
		                    rs_field_shown(ta, sizeof ta, h->cell[a], h->len[a]), col,
		                    rs_field_shown(tb, sizeof tb, h->cell[b], h->len[b]),
		                    rs_msg_tr(g, m->keys ? "keys" : "headers"), col);
	m->amount_cur[0] = m->amount_cur[1] = 0;
	m->amount_scaled = false;
	m->amount_scale = 1;
	if (a < 0 || b < 0 ||
	    units_agree(m, h->cell[a], h->len[a], h->cell[b], h->len[b], &m->amount_cur[0],
	                &m->amount_cur[1], &m->amount_scale)) {
		m->amount_scaled = m->amount_scale != 1;
		return RS_OK;
	}
	m->amount_scale = 1;
	if (m->unit_line > 0)
		(void)snprintf(tu, sizeof tu, rs_msg_tr(g, "is in the unit line %lu gives, \"%s\""),
		               m->unit_line, m->unit_title);
	else
		(void)snprintf(tu, sizeof tu, "%s", rs_msg_tr(g, "counts as plain units"));
	return rs_error_set(err, RS_EUSAGE, h->line,
	                    "our_sales (%s \"%s\") and customer_spend (%s \"%s\") name "
	                    "different units (a %s that names no scale %s), "
	                    "so the share from them would be wrong: give both in one unit and say so "
	                    "in both %s, or give the share as purchase_share and take one of "
	                    "them from no %s (-m our_sales= or -m customer_spend=)", col,
	                    rs_field_shown(ta, sizeof ta, h->cell[a], h->len[a]), col,
	                    rs_field_shown(tb, sizeof tb, h->cell[b], h->len[b]),
	                    rs_msg_tr(g, m->keys ? "key" : "header"), tu,
	                    rs_msg_tr(g, m->keys ? "keys" : "headers"), col);
}

/* Column c's header with the unit the row under it gives, "销售额 (万元)". */
static size_t with_unit(char *buf, size_t cap, const rs_row *h, const rs_row *sub, long c)
{
	int k = snprintf(buf, cap, "%.*s (%.*s)", (int)h->len[c], h->cell[c],
	                 (size_t)c < sub->n ? (int)sub->len[c] : 0, (size_t)c < sub->n ? sub->cell[c] : "");

	return k < 0 ? 0 : (size_t)k < cap ? (size_t)k : cap - 1;
}

rs_status rs_fieldmap_check_subunits(rs_fieldmap *m, const rs_row *h, const rs_row *sub,
                                     rs_error *err)
{
	long a = m->col[RS_F_OUR_SALES], b = m->col[RS_F_CUSTOMER_SPEND];
	char ta[160], tb[160], sa[48], sb[48];
	size_t na, nb;
	unsigned ca, cb;
	double scale;

	if (a < 0 || b < 0)
		return RS_OK;
	na = with_unit(ta, sizeof ta, h, sub, a);
	nb = with_unit(tb, sizeof tb, h, sub, b);
	if (units_agree(m, ta, na, tb, nb, &ca, &cb, &scale)) {
		m->amount_scale = scale; /* 万元 in the row under the header: 88万 is 88 */
		return RS_OK;
	}
	return rs_error_set(err, RS_EUSAGE, sub->line,
	                    "this row under the header gives units: our_sales (column \"%s\") in "
	                    "\"%s\" and customer_spend (column \"%s\") in \"%s\" (no unit is plain "
	                    "units), so the share from them would be wrong: give both in one unit, or "
	                    "give the share as purchase_share and take one of them from no column "
	                    "(-m our_sales= or -m customer_spend=)",
	                    rs_field_shown(sa, sizeof sa, h->cell[a], h->len[a]),
	                    (size_t)a < sub->n ? rs_field_shown(ta, sizeof ta, sub->cell[a], sub->len[a]) : "",
	                    rs_field_shown(sb, sizeof sb, h->cell[b], h->len[b]),
	                    (size_t)b < sub->n ? rs_field_shown(tb, sizeof tb, sub->cell[b], sub->len[b]) : "");
}
