/*
 * fields_words.c - what a header cell says: the normalisation that makes
 * "# of Contacts", "NUMBER OF CONTACTS" and "联系人数量（人）" comparable, and
 * the one bilingual table of words that tell which field a column is about
 * when no name matched exactly. Chinese words are simplified: traditional
 * headers are read as simplified first (hans.c). fields.c decides with them.
 */
#include <stdio.h>
#include <string.h>

#include "fields_impl.h"
#include "msg.h"

/*
 * A rule: the header holds a word of every group and none of `not`. Words
 * are '|'-separated; an ASCII word matches a whole word of the header, any
 * other (Chinese) word any part of it. A field may have several rules; the
 * last group of a rule is the one a hint may miss ("Contacts" without a
 * count word looks like contacts). Keep the groups narrow: a wrong match
 * feeds a score in silence, a missed one is named in a note.
 */
typedef struct word_rule {
	unsigned char field;
	const char *group[3];
	const char *not;
} word_rule;

/* Or'ed into a rule's field: the whole header is one word of group[0]
 * (RS_WORDS_ALONE; only the first word it holds is tried: longer words
 * first). */
#define ALONE 0x80

#define CUSTOMER "customer|customers|account|organization|organisation|org|company|client|" \
                 "客户|单位|公司|企业|组织"
#define NUMBERED "#|no|nr|number|num|count|qty|quantity|anzahl|数|数量|个数|人数"
#define NOT_PERSON "owner|rep|representative|person|user|contact|parent|manager|" \
                   "负责人|联系人|联络人|业务员|销售员|上级"
/* Not the account's actual value now: a target, a plan, a forecast, a past
 * or limit one ("Target Share", "Planned Exec Meetings", "去年份额"). */
#define NOT_NOW "target|goal|quota|plan|planned|budget|forecast|expected|estimated|potential|" \
                "last|previous|prior|ly|py|vorjahr|vorperiode|vormonat|max|maximum|min|minimum|avg|average|change|growth|" \
                "delta|rank|ranking|" \
                "目标|计划|预算|预测|预计|潜在|去年|上年|上期|同期|历史|最大|最小|平均|增长|变化|" \
                "同比|环比|排名|上月|上个月|上季|上一|期初|年初|月初|季初|前期|往年|前年|上次"
/* The past period, whose share is previous_share ("Prior Share", 上期份额,
 * 去年同期份额, "Anteil Vorjahr"); not the opening (期初, 年初), a trailing window ("Share Last
 * 12 Months"), nor one further back (前年, 往年, 历史). */
#define PAST "last|previous|prior|ly|py|vorjahr|vorperiode|vormonat|去年|上年|上期|上月|上个月|" \
             "上季|上一|前期|上次"
#define NOT_PAST_SHARE "month|months|12|ltm|ttm|rolling|trailing|target|goal|quota|plan|planned|" \
                       "budget|forecast|expected|estimated|potential|max|maximum|min|minimum|" \
                       "avg|average|change|growth|delta|rank|ranking|目标|计划|预算|预测|预计|" \
                       "潜在|最大|最小|平均|增长|变化|同比|环比|排名|期初|年初|月初|季初|前年|往年|" \
                       "历史|近"
/* Someone else's value: in brackets too ("Share (competitor)"). */
#define RIVAL "competitor|competitors|competition|rival|竞争|对手|竞品"

static const word_rule rules_table[] = {
	{RS_F_ID, {CUSTOMER, "id|#|no|nr|number|num|code|编码|编号|代码|代号|号码"},
	 NOT_PERSON "|phone|tax|vat|bank|zip|postal|电话|税号|银行"},
	{RS_F_ID, {"accountid|customerid|companyid"}, NOT_PERSON}, /* Dynamics 365, HubSpot's API */
	/* Generic code headers an ERP writes for its own records: Odoo's
	 * "External ID" (__export__.res_partner_42, never empty), then its
	 * "Reference" (ref, may be empty), then Dynamics NAV's and Business
	 * Central's "Nr."/"No." (beside "Name"). Each the whole header, taken
	 * only when no name, alias or word above gives the id (fields.c), the
	 * first rule's column before a later one's: they could be any list's
	 * reference or running number otherwise. */
	{RS_F_ID | ALONE, {"external_id|externe_id"}, NULL},
	{RS_F_ID | ALONE, {"internal_reference|interne_referenz|reference|referenz"}, NULL},
	{RS_F_ID | ALONE, {"nr|no"}, NULL},
	{RS_F_NAME, {CUSTOMER, "name|名称|名字|全称"}, NOT_PERSON "|domain|short|简称|域名"},
	/* A display name's header as exports write it ("Customer", "Kunde", 客户),
	 * as often a code's: taken only when nothing else gives the name and an
	 * id was found (fields.c). A word held in a later one comes after it. */
	{RS_F_NAME | ALONE, {"customer|client|organization|organisation|kunde|unternehmen|"
	                     "cliente|empresa|société|entreprise|klant|客户单位|往来单位|购货单位|客户|"
	                     "企业|顾客|display_name"}, NULL}, /* Odoo's display_name */
	{RS_F_PURCHASE_SHARE, {"share|wallet|sow|anteil|份额|占比|占有率"},
	 "market|voice|size|capital|市场|" RIVAL "|" NOT_NOW},
	{RS_F_PREVIOUS_SHARE, {"share|wallet|sow|anteil|份额|占比|占有率", PAST},
	 "market|voice|size|capital|市场|" RIVAL "|" NOT_PAST_SHARE},
	{RS_F_OUR_SALES,
	 {"sales|revenue|revenues|turnover|invoiced|销售额|销售收入|销售金额|营收|营业额|开票"},
	 "annual|employees|stage|team|region|channel|type|name|cycle|"
	 "rep|person|owner|manager|负责|人员|业务员|销售员|年营收|" RIVAL "|" NOT_NOW},
	{RS_F_CUSTOMER_SPEND,
	 {"spend|spending|purchases|purchase|procurement|采购额|采购总额|采购金额|总采购|年采购"},
	 "share|wallet|anteil|份额|占比|our|我方|order|po|date|time|frequency|manager|person|"
	 "订单|日期|频次|负责|" RIVAL "|" NOT_NOW},
	{RS_F_CONTACTS,
	 {"contact|contacts|kontakt|kontakte|ansprechpartner|联系人|联络人|people|persons", NUMBERED},
	 "name|email|phone|title|level|role|primary|main|owner|姓名|电话|邮箱|级别|职位|主要|" NOT_NOW},
	{RS_F_DEPARTMENTS,
	 {"department|departments|dept|depts|abteilung|abteilungen|部门",
	  NUMBERED "|touched|engaged|covered|reached|接触|覆盖|涉及"},
	 "name|head|manager|名称|负责|" NOT_NOW},
	{RS_F_TOP_CONTACT_LEVEL,
	 {"level|seniority|级别|层级|职级", "highest|top|max|contact|decision|最高|接触|联系人"},
	 "customer|account|credit|risk|service|priority|客户|信用|风险|优先"},
	{RS_F_KEY_PERSON,
	 {"key|decision|关键|决策", "person|maker|makers|contact|engaged|relationship|access|人"},
	 "account|customer|客户"},
	{RS_F_RELATIONSHIP_YEARS,
	 {"years|year|yrs|年数|年限|年资",
	  "customer|relationship|cooperation|partnership|partner|business|as|合作|客户|往来|关系"},
	 "since|first|start|founded|date|成立|开始|首次|年份|日期|" NOT_NOW},
	{RS_F_JOINT_PROJECTS,
	 {"joint|co|共同|联合|合作", "project|projects|development|developments|项目|专案|开发|研发"},
	 "venture|合资|manager|name|负责|名称|" NOT_NOW},
	{RS_F_EXEC_MEETINGS,
	 {"exec|execs|executive|executives|ceo|leadership|c_level|高层|高管|领导",
	  "meeting|meetings|visit|visits|会晤|会面|会谈|拜访|互访|会议"}, NOT_NOW},
	{RS_F_STRATEGIC_AGREEMENT,
	 {"strategic|strategy|framework|master|战略|框架", "agreement|agreements|contract|协议|合同"}, NOT_NOW},
	{RS_F_EQUITY_TIE, {"equity|shareholding|venture|jv|股权|参股|持股|合资|控股"}, NOT_NOW},
	{RS_F_EXCLUSIVE, {"exclusive|exclusivity|sole|preferred|独家|排他|唯一供应|首选"}, NOT_NOW},
	{RS_F_INFO_SHARING,
	 {"sharing|shares|shared|共享|分享",
	  "info|information|data|forecast|forecasts|plan|plans|demand|信息|资讯|数据|预测|计划|需求"}, NULL},
};

#define NRULES (sizeof rules_table / sizeof rules_table[0])

/* Words no field but the name is about: a person's name, a date, a note. */
static const char not_any[] = "name|date|time|email|phone|note|notes|comment|comments|description|"
                              "姓名|名称|日期|时间|电话|邮箱|备注|说明";

/* ---------------------------------------------------------- normalising */

static bool is_sep(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_' || c == '-' || c == '/' ||
	       c == '.' || c == ':' || c == '|' || c == '\\' || c == ',';
}

/*
 * One character of s[i..n) as matching reads it: full-width ASCII and U+3000
 * as values read them (rs_value_fullwidth), 、 as a space, 【 】 as [ ], ASCII
 * lowercased.
 * Puts it in *c (ASCII) or leaves *c 0 for a character kept as it is;
 * returns its length in bytes.
 */
static size_t fold_at(const unsigned char *s, size_t i, size_t n, unsigned char *c)
{
	*c = 0;
	if (s[i] < 0x80) {
		*c = s[i] >= 'A' && s[i] <= 'Z' ? (unsigned char)(s[i] + 32) : s[i];
		return 1;
	}
	if ((*c = rs_value_fullwidth(s + i, n - i)) != 0) {
		if (*c >= 'A' && *c <= 'Z')
			*c = (unsigned char)(*c + 32);
		return 3;
	}
	if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80) {
		if (s[i + 2] == 0x81)
			*c = ' ';
		else if (s[i + 2] == 0x90)
			*c = '[';
		else if (s[i + 2] == 0x91)
			*c = ']';
		if (*c != 0)
			return 3;
	}
	if ((s[i] & 0xE0) == 0xC0)
		return i + 1 < n ? 2 : 1;
	if ((s[i] & 0xF0) == 0xE0)
		return i + 2 < n ? 3 : 1;
	if ((s[i] & 0xF8) == 0xF0)
		return i + 3 < n ? 4 : 1;
	return 1;
}

static bool bracket_says(const char *s, size_t n, const char *words);

size_t rs_field_norm(const char *s, size_t n, size_t skip, char *out, size_t cap)
{
	const unsigned char *u;
	const char *simple;
	size_t i, k, o = 0, start;
	unsigned char c, close = 0;
	bool sep = true; /* no '_' at the start */

	if (skip > n)
		skip = n;
	s += skip;
	n -= skip;
	rs_value_trim(&s, &n);
	if (n >= 6 && memcmp(s, "是否", 6) == 0) {
		s += 6;
		n -= 6;
	}
	/* Salesforce's custom fields end in __c (__pc on a person account):
	 * Customer_Since__c is customer_since, as its label "Customer Since" is */
	if (n > 3 && memcmp(s + n - 3, "__c", 3) == 0)
		n -= 3;
	else if (n > 4 && memcmp(s + n - 4, "__pc", 4) == 0)
		n -= 4;
	u = (const unsigned char *)s;
	for (i = 0; i < n && o + 4 < cap; i += k) {
		k = fold_at(u, i, n, &c);
		if (close != 0) { /* inside brackets: dropped */
			if (c == close)
				close = 0;
			continue;
		}
		if (c == '(' || c == '[') {
			/* dropped, unless it says the value is not the account's now */
			close = bracket_says(s + i + k, n - i - k, NOT_NOW "|" RIVAL) ? 0
			        : c == '('                                           ? ')'
			                                                             : ']';
			c = ' '; /* "Share(%)Q1": the words on either side stay apart */
		}
		if (c == '%' || c == ')' || c == ']')
			continue;
		if (c != 0 && (is_sep(c) || c == '#')) {
			if (!sep)
				out[o++] = '_';
			sep = true;
			if (c == '#') {
				out[o++] = '#';
				out[o++] = '_';
			}
			continue;
		}
		sep = false;
		if (c != 0)
			out[o++] = (char)c;
		else if (k == 3 && (simple = rs_hans_simplified(s + i)) != NULL)
			for (start = 0; start < 3; start++)
				out[o++] = simple[start];
		else if (o + k < cap)
			for (start = i; start < i + k; start++)
				out[o++] = s[start];
	}
	while (o > 0 && out[o - 1] == '_')
		o--;
	out[o] = '\0';
	return o;
}

/*
 * Pipedrive writes "Organization - Name", "Organization - ID", ... : a prefix
 * every named column shares, ending in a separator, is not part of the
 * names. Plain words are never taken for one ("Account ID", "Account Name").
 */
size_t rs_field_shared_prefix(const rs_row *h)
{
	const char *first = NULL, *s;
	size_t lcp = 0, named = 0, i, n, k, end = 0;

	for (i = 0; i < h->n; i++) {
		s = h->cell[i];
		n = h->len[i];
		rs_value_trim(&s, &n);
		if (n == 0)
			continue;
		if (s != h->cell[i])
			return 0; /* keep it simple: prefixes are at the very start */
		if (first == NULL) {
			first = s;
			lcp = n;
		}
		for (k = 0; k < lcp && k < n && s[k] == first[k]; k++)
			;
		lcp = k;
		named++;
	}
	if (named < 2)
		return 0;
	for (k = 0; k < lcp; k++) {
		unsigned char c = (unsigned char)first[k];
		if (c == '-' || c == ':' || c == '|' || c == '/')
			end = k + 1;
		else if (k + 2 < lcp && memcmp(first + k, "\xEF\xBC\x9A", 3) == 0) /* ： */
			end = k + 3;
	}
	while (end > 0 && end < lcp && first[end] == ' ')
		end++;
	if (end < 2)
		return 0;
	for (i = 0; i < h->n; i++) { /* a name must remain in every column */
		s = h->cell[i];
		n = h->len[i];
		rs_value_trim(&s, &n);
		if (n != 0 && n <= end)
			return 0;
	}
	return end;
}

/* ------------------------------------------------------------- matching */

static bool is_wordch(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Does norm hold the word w[0..k)? ASCII words only as whole words. */
static bool has_word(const char *norm, const char *w, size_t k)
{
	const char *p;
	bool ascii = true;
	size_t i;

	for (i = 0; i < k; i++)
		ascii &= (unsigned char)w[i] < 0x80;
	for (p = norm; *p != '\0'; p++) {
		if (*p != w[0] || strncmp(p, w, k) != 0)
			continue;
		/* 年初 (月初, 季初) is the year's opening, a past value, but 年初至今
		 * (年初以来) is the year to date: now */
		if (k == 6 && memcmp(w + 3, "初", 3) == 0 &&
		    (strncmp(p + 6, "至今", 6) == 0 || strncmp(p + 6, "以来", 6) == 0))
			continue;
		if (!ascii || w[0] == '#')
			return true;
		if ((p == norm || !is_wordch((unsigned char)p[-1])) && !is_wordch((unsigned char)p[k]))
			return true;
	}
	return false;
}

/* The first word of the '|'-list that norm holds: its start and length. */
static const char *group_hit(const char *norm, const char *list, size_t *len)
{
	const char *w = list, *bar;

	while (w != NULL && *w != '\0') {
		bar = strchr(w, '|');
		*len = bar ? (size_t)(bar - w) : strlen(w);
		if (*len > 0 && has_word(norm, w, *len))
			return w;
		w = bar ? bar + 1 : NULL;
	}
	return NULL;
}

/*
 * Does the bracket opened just before s[0..n) hold one of words? Those
 * that name a target, plan, forecast, past value or a rival's ("Share of
 * Wallet (Target)", "份额（去年）") count, and rule the column out as they do
 * outside; those that name a number or code make an id-like column.
 */
static bool bracket_says(const char *s, size_t n, const char *words)
{
	char norm[128];
	size_t i, len;

	for (i = 0; i < n && s[i] != ')' && s[i] != ']' &&
	            !(i + 2 < n && memcmp(s + i, "\xEF\xBC\x89", 3) == 0) &&
	            !(i + 2 < n && memcmp(s + i, "\xE3\x80\x91", 3) == 0);
	     i++)
		;
	if (i > 60)
		i = 60; /* norm holds 4 bytes a byte: traditional becomes simplified */
	(void)rs_field_norm(s, i, 0, norm, sizeof norm);
	return group_hit(norm, words, &len) != NULL;
}

bool rs_field_id_bracket(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		k = s[i] == '(' || s[i] == '[' ? 1
		    : i + 2 < n && (memcmp(s + i, "\xEF\xBC\x88", 3) == 0 || /* （ */
		                    memcmp(s + i, "\xE3\x80\x90", 3) == 0)   /* 【 */
		        ? 3
		        : 0;
		if (k > 0 && bracket_says(s + i + k, n - i - k,
		                          "id|#|no|nr|number|nummer|num|code|编码|编号|代码|代号|号码"))
			return true;
	}
	return false;
}

static bool rule_matches(const word_rule *r, const char *norm, bool loose)
{
	size_t g, len, ngroups = 0;

	if (r->field & ALONE) /* the first word it holds is all of it */
		return group_hit(norm, r->group[0], &len) != NULL && len == strlen(norm);
	while (ngroups < 3 && r->group[ngroups] != NULL)
		ngroups++;
	if (loose && ngroups < 2)
		return false; /* a one-group rule has nothing to leave out */
	for (g = 0; g < ngroups - (loose ? 1 : 0); g++)
		if (group_hit(norm, r->group[g], &len) == NULL)
			return false;
	if (loose && group_hit(norm, r->group[ngroups - 1], &len) != NULL)
		return false; /* a full match is not a hint */
	if (r->field != RS_F_NAME && group_hit(norm, not_any, &len) != NULL)
		return false;
	return r->not == NULL || group_hit(norm, r->not, &len) == NULL;
}

int rs_field_word_rule(int field, const char *norm, int mode)
{
	size_t i, words = 1;
	const char *p;

	/* Header names are short: a long one is more likely a whole line
	 * split at the wrong delimiter than a column about one thing. */
	for (p = norm; *p != '\0'; p++)
		words += *p == '_';
	if (*norm == '\0' || p - norm > 64 || words > 6)
		return -1;
	for (i = 0; i < NRULES; i++)
		if (rules_table[i].field == (field | (mode == RS_WORDS_ALONE ? ALONE : 0)) &&
		    rule_matches(&rules_table[i], norm, mode == RS_WORDS_HINT))
			return (int)i;
	return -1;
}

/*
 * Appends a, the first n bytes of b, and c to buf (holding `have` bytes, cap
 * in all) when the three fit whole; returns the new length.
 */
static size_t append(char *buf, size_t cap, size_t have, const char *a, const char *b, size_t n,
                     const char *c)
{
	int k = snprintf(buf + have, cap - have, "%s%.*s%s", a, (int)n, b, c);

	if (k < 0 || (size_t)k >= cap - have) {
		buf[have] = '\0';
		return have;
	}
	return have + (size_t)k;
}

const char *rs_field_word_how(int rule, const char *norm, char *buf, size_t cap)
{
	const word_rule *r = &rules_table[rule];
	const char *w;
	size_t g, len, have = 0;

	buf[0] = '\0';
	for (g = 0; g < 3 && r->group[g] != NULL; g++)
		if ((w = group_hit(norm, r->group[g], &len)) != NULL)
			have = append(buf, cap, have, have > 0 ? " + " : "", w, len, "");
	return buf;
}

/* "(customer|account|...) + (id|#|...)" for each rule of the field, "; " between;
 * the connectives in g, the words as they are. */
size_t rs_field_words(int field, rs_lang g, char *buf, size_t cap)
{
	size_t i, gr, have = 0;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < NRULES; i++) {
		const word_rule *r = &rules_table[i];
		if ((r->field & ~ALONE) != field)
			continue;
		for (gr = 0; gr < 3 && r->group[gr] != NULL; gr++)
			have = append(buf, cap, have,
			              (r->field & ALONE) && i > 0 && rules_table[i - 1].field == r->field
			                  ? rs_msg(g, RS_M_F_ALONE_NEXT)
			              : (r->field & ALONE) && field == RS_F_ID ? rs_msg(g, RS_M_F_ALONE_ID)
			              : (r->field & ALONE)                     ? rs_msg(g, RS_M_F_ALONE)
			              : gr > 0           ? rs_msg(g, RS_M_F_PLUS)
			              : have > 0         ? rs_msg(g, RS_M_F_THEN)
			                                 : "(",
			              r->group[gr], strlen(r->group[gr]), ")");
		if (r->not != NULL)
			have = append(buf, cap, have, rs_msg(g, RS_M_F_NOT), r->not, strlen(r->not), ")");
	}
	return have;
}
