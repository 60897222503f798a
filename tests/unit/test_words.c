/*
 * test_words.c - the yes/no and level words (words.c): every language of the
 * table, job titles by their head word, 已X/未X and 有X/无X, and what stays
 * refused (a bare x, 未知, titles with no level word).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fields_impl.h"
#include "msg.h"

/* 1 yes, 0 no, -1 empty, -2 refused. */
static int yesno(const char *s)
{
	bool b = false;
	rs_parse p = rs_parse_bool(s, strlen(s), &b);

	return p == RS_PARSE_OK ? (int)b : p == RS_PARSE_EMPTY ? -1 : -2;
}

/* 1-4, -1 empty, -2 refused. */
static int level(const char *s)
{
	int lv = 0;
	rs_parse p = rs_parse_level(s, strlen(s), &lv);

	return p == RS_PARSE_OK ? lv : p == RS_PARSE_EMPTY ? -1 : -2;
}

#define YES(s) assert_int_equal(yesno(s), 1)
#define NO(s) assert_int_equal(yesno(s), 0)
#define REFUSED(s) assert_int_equal(yesno(s), -2)
#define LEVEL(s, v) \
	do { \
		if (level(s) != (v)) \
			fail_msg("\"%s\" is level %d, expected %d", s, level(s), v); \
	} while (0)

static void test_yes_and_no_in_six_languages(void **state)
{
	(void)state;
	YES("Ja"); YES("JA"); NO("Nein"); NO("nein");   /* German */
	YES("oui"); YES("Oui"); NO("non"); NO("NON");   /* French */
	YES("sí"); YES("SÍ"); YES("si"); NO("no");      /* Spanish */
	YES("はい"); NO("いいえ"); YES("あり"); NO("なし"); /* Japanese */
	YES("是"); NO("否"); YES("有"); NO("无"); NO("没有"); NO("不是");
	YES("WAHR"); NO("FALSCH"); YES("VRAI"); NO("FAUX"); YES("VERDADERO"); NO("FALSO");
	YES("yes"); NO("N"); YES("true"); NO("0");
}

static void test_ticks_and_crosses_but_not_a_bare_x(void **state)
{
	(void)state;
	YES("✓"); YES("✔"); YES("√"); YES("☑"); YES("✅");
	NO("✗"); NO("✘"); NO("×"); NO("☐"); NO("❌");
	REFUSED("x"); REFUSED("X"); /* a tick in English sheets, "wrong" in Chinese ones */
	REFUSED("xx");
}

static void test_chinese_status_words(void **state)
{
	(void)state;
	YES("已签署"); YES("已签订"); YES("已接触"); YES("已合作");
	NO("未签署"); NO("未签订"); NO("未接触");
	YES("有合作"); YES("有协议"); NO("无合作"); NO("無協議"); NO("没有协议");
	REFUSED("未知");    /* unknown is not a no */
	REFUSED("已");      /* the status needs its verb */
	REFUSED("未x");
	REFUSED("签署");
}

/* 已X, 未X, 有X, 无X say yes or no only when X is a plain status: an
 * agreement that has lapsed or ended, a key person who has left, a deal
 * only intended or pending, "had one once" are not a current yes (nor
 * their 未 forms a no), so they are refused, never guessed. */
static void test_status_words_that_end_or_only_intend_are_refused(void **state)
{
	(void)state;
	REFUSED("已过期"); REFUSED("已到期"); REFUSED("已失效"); REFUSED("已终止");
	REFUSED("已取消"); REFUSED("已解除"); REFUSED("已解约"); REFUSED("已作废");
	REFUSED("已撤销"); REFUSED("已退出"); REFUSED("已停止"); REFUSED("已暂停");
	REFUSED("已关闭"); REFUSED("已结束"); REFUSED("已注销"); REFUSED("已离职");
	REFUSED("已退休"); REFUSED("已冻结"); REFUSED("已拒绝"); REFUSED("已放弃");
	REFUSED("已不再合作"); REFUSED("已過期"); REFUSED("已終止"); REFUSED("已離職");
	REFUSED("未过期"); REFUSED("未终止"); REFUSED("未定");
	REFUSED("有过协议"); REFUSED("有意向"); REFUSED("有待签署"); REFUSED("有计划");
	REFUSED("已经过期"); REFUSED("已經終止");
	YES("已签约"); YES("已经签署"); YES("已建立"); YES("已达成"); YES("有股权"); NO("未到访");
}

/* A status still under way (applied for, drafted, submitted, negotiated),
 * an interest or a letter of intent, or a mere NDA is no agreement yet;
 * 无法确认 ("cannot confirm") and 无从得知 are unknown, not no; 有限 and
 * 有部分 are partial. All refused, anywhere the word sits in the status. */
static void test_status_words_under_way_or_unknown_are_refused(void **state)
{
	(void)state;
	REFUSED("已申请"); REFUSED("已提交"); REFUSED("已起草"); REFUSED("已拟定");
	REFUSED("已报批"); REFUSED("已送审"); REFUSED("已送签"); REFUSED("已洽谈");
	REFUSED("已谈判"); REFUSED("已协商"); REFUSED("已讨论"); REFUSED("已磋商");
	REFUSED("有兴趣"); REFUSED("有合作意愿"); REFUSED("已签意向书"); REFUSED("已签保密协议");
	REFUSED("无法确认"); REFUSED("无法判断"); REFUSED("无从得知"); REFUSED("有限");
	REFUSED("有部分"); REFUSED("已簽意向書");
	YES("已签署"); YES("已审批"); YES("有框架协议"); NO("无协议"); NO("无需");
}

/* A yes qualified later in the cell is no plain yes: expired or ended in
 * brackets or after a comma, signed but not in force or not stamped, only
 * verbal, only an intent or "sometimes". Refused. */
static void test_status_words_qualified_later_are_refused(void **state)
{
	(void)state;
	REFUSED("有，但已过期"); REFUSED("有框架协议（已过期）"); REFUSED("已签（2019，已过期）");
	REFUSED("已签署（过期）"); REFUSED("已签署-已终止"); REFUSED("已签署但未生效");
	REFUSED("已签未盖章"); REFUSED("有口头协议"); REFUSED("有意"); REFUSED("有时");
	REFUSED("有一次"); REFUSED("已簽署（已終止）");
	YES("已签署"); YES("已签订框架协议"); YES("有股权"); NO("未签署"); NO("未到访"); NO("无协议");
	/* an English export's status of an agreement, as 已签署 / 未签署 */
	YES("Signed"); YES("SIGNED"); NO("Not signed"); NO("unsigned"); REFUSED("Signed (expired)");
}

static void test_empty_stays_unknown_and_noise_is_refused(void **state)
{
	(void)state;
	assert_int_equal(yesno(""), -1);
	assert_int_equal(yesno(" \xE3\x80\x80 "), -1);
	REFUSED("maybe");
	REFUSED("yess");
	REFUSED("2");
	REFUSED("n/a");
}

static void test_levels_from_real_titles(void **state)
{
	(void)state;
	LEVEL("VP", 4); LEVEL("SVP", 4); LEVEL("Vice President", 4); LEVEL("VP of Sales", 4);
	LEVEL("VP Sales", 4); LEVEL("Senior Vice President, Procurement", 4);
	LEVEL("CEO", 4); LEVEL("CFO", 4); LEVEL("COO", 4); LEVEL("CTO", 4); LEVEL("Owner", 4);
	LEVEL("Chief Procurement Officer", 4); LEVEL("President & CEO", 4);
	LEVEL("Co-Founder", 4); LEVEL("Managing Director", 4); LEVEL("General Manager", 4);
	LEVEL("Geschäftsführung", 4); LEVEL("Geschäftsführer", 4); LEVEL("GESCHÄFTSFÜHRERIN", 4);
	LEVEL("Directeur général", 4);
	LEVEL("董事长", 4); LEVEL("总裁", 4); LEVEL("副总裁", 4); LEVEL("总经理", 4); LEVEL("副总经理", 4);
	LEVEL("Head of Purchasing", 3); LEVEL("Director of Operations", 3); LEVEL("Sales Director", 3);
	LEVEL("Director, Supply Chain", 3); LEVEL("Leiter Einkauf", 3); LEVEL("Einkaufsleiter", 3);
	LEVEL("采购总监", 3); LEVEL("总监", 3); LEVEL("采购部长", 3); LEVEL("部长", 3);
	/* a state-owned customer's ranks: 处级 a division head, 科级 a section head */
	LEVEL("处长", 3); LEVEL("采购处处长", 3); LEVEL("副处长", 3); LEVEL("處長", 3);
	LEVEL("科长", 2); LEVEL("物资科科长", 2); LEVEL("Department Head", 3);
	/* their ranks as a cadre's file writes them (副科级 its 级 dropped), a private
	 * firm's owners, a department's head */
	LEVEL("科员", 1); LEVEL("办事员", 1); LEVEL("副科", 2); LEVEL("正科级", 2); LEVEL("主任科员", 2);
	LEVEL("正处", 3); LEVEL("副处级", 3); LEVEL("调研员", 3); LEVEL("部门负责人", 3);
	LEVEL("采购负责人", 3); LEVEL("采购部门负责人", 3); LEVEL("老板娘", 4); LEVEL("实控人", 4);
	LEVEL("实际控制人", 4); LEVEL("實際控制人", 4); LEVEL("辦事員", 1);
	LEVEL("负责人", -2); LEVEL("项目负责人", -2); /* of what: not said */
	LEVEL("Board Member", 4); LEVEL("Vorstandsvorsitzender", 4);
	LEVEL("Directeur des achats", 3);
	LEVEL("采购经理", 2); LEVEL("部门经理", 2); LEVEL("经理", 2); LEVEL("主管", 2); LEVEL("采购主管", 2);
	LEVEL("Supervisor", 2); LEVEL("Manager of Procurement", 2); LEVEL("Purchasing Manager", 2);
	LEVEL("Teamleiter", 2); LEVEL("Gerente de compras", 2);
	LEVEL("采购员", 1); LEVEL("专员", 1); LEVEL("职员", 1); LEVEL("Buyer", 1); LEVEL("Senior Buyer", 1);
	LEVEL("Clerk", 1); LEVEL("Specialist", 1); LEVEL("Procurement Specialist", 1);
	LEVEL("Engineer", 1); LEVEL("Individual Contributor", 1); LEVEL("Executive Assistant", 1);
	LEVEL("Assistant to the CEO", 1); LEVEL("总经理助理", -2); LEVEL("Sachbearbeiterin Einkauf", 1);
	LEVEL("Einkäufer", 1); LEVEL("Sachbearbeiter", 1);
}

static void test_level_words_and_what_stays_refused(void **state)
{
	(void)state;
	LEVEL("staff", 1); LEVEL("Manager", 2); LEVEL(" DIRECTOR ", 3); LEVEL("executive", 4);
	LEVEL("员工", 1); LEVEL("经理", 2); LEVEL("总监", 3); LEVEL("高层", 4); LEVEL("C-Level", 4);
	LEVEL("c_suite", 4); LEVEL("3", 3);
	LEVEL("boss", -2); LEVEL("managers", -2); LEVEL("Product Owner", -2); LEVEL("0", -2);
	LEVEL("5", -2); LEVEL("Vorstandsassistent", -2); LEVEL("", -1);
}

/* A title of someone no longer in it says nothing of the level reached
 * now: refused, never read as the title. */
static void test_former_titles_are_refused(void **state)
{
	(void)state;
	LEVEL("Former CEO", -2); LEVEL("Ex-CEO", -2); LEVEL("CEO (retired)", -2);
	LEVEL("VP (left)", -2); LEVEL("Retired VP", -2); LEVEL("Past President", -2);
	LEVEL("Former Director of Sales", -2); LEVEL("ehemaliger Geschäftsführer", -2);
	LEVEL("Ex-Geschäftsführer", -2); LEVEL("ancien PDG", -2);
	LEVEL("原总经理", -2); LEVEL("前总经理", -2); LEVEL("总经理（已离职）", -2);
	LEVEL("退休总监", -2); LEVEL("已卸任董事长", -2);
	LEVEL("原料采购经理", 2); LEVEL("Executive Vice President", 4); LEVEL("Export Manager", 2);
	LEVEL("Director (interim)", 3);
}

/* A title's last word names the role: "VP Assistant" is the VP's
 * assistant, "Director General" more than a director. A first word ("VP
 * Sales", "Head of ...") reads only when no last word does. */
static void test_a_titles_last_word_wins_over_its_first(void **state)
{
	(void)state;
	LEVEL("VP Assistant", 1); LEVEL("Director Assistant", 1); LEVEL("Manager Assistant", 1);
	LEVEL("President Assistant", 1); LEVEL("Director General of Customs", 4);
	LEVEL("Gerente General de Compras", 4);
	LEVEL("VP Sales", 4); LEVEL("Director, Supply Chain", 3); LEVEL("Head of Purchasing", 3);
	LEVEL("Leiter Einkauf", 3);
	/* Indonesia: the President Director (Presiden Direktur, Direktur Utama)
	 * is the chief executive; a Direktur is a director */
	LEVEL("President Director", 4); LEVEL("Presiden Direktur", 4); LEVEL("Direktur Utama", 4);
	LEVEL("Vice President Director", 4); LEVEL("Direktur Keuangan", 3);
}

/* A title someone does not hold yet says nothing of the level reached now,
 * as a former one does not: refused. Acting and interim holders hold it. */
static void test_designated_titles_are_refused(void **state)
{
	(void)state;
	LEVEL("Future CEO", -2); LEVEL("Incoming CEO", -2); LEVEL("CEO (designate)", -2);
	LEVEL("CEO-designate", -2); LEVEL("President-elect", -2); LEVEL("künftiger Geschäftsführer", -2);
	LEVEL("拟任总经理", -2); LEVEL("候任总经理", -2); LEVEL("总经理（待任命）", -2);
	LEVEL("Acting CEO", 4); LEVEL("Interim CEO", 4); LEVEL("代理总经理", 4);
}

/* German titles attached to the management, not of it: "der" cuts the head
 * as "of" does, and Geschäftsführung (the body) reads only as a whole cell. */
static void test_assistants_of_the_german_management_are_not_executives(void **state)
{
	(void)state;
	LEVEL("Assistent der Geschäftsführung", -2); LEVEL("Referent der Geschäftsführung", -2);
	LEVEL("Sekretärin der Geschäftsführung", 1); LEVEL("Assistenz Geschäftsführung", -2);
	LEVEL("Stabsstelle Geschäftsführung", -2);
	LEVEL("Geschäftsführung", 4); LEVEL("Leiter der Beschaffung", 3);
}

/* A level written with a negation or as a plan names a level not reached:
 * 未接触高层 ("top management not reached") is not an executive contact.
 * Refused, as former titles are. A place or a trade before a title is not
 * a negation (无锡, 非洲, 不锈钢). */
static void test_levels_not_reached_are_refused(void **state)
{
	(void)state;
	LEVEL("未接触高层", -2); LEVEL("非高层", -2); LEVEL("无高层", -2); LEVEL("不是经理", -2);
	LEVEL("尚未接触总经理", -2); LEVEL("计划拜访总经理", -2); LEVEL("目标：总经理", -2);
	LEVEL("待接触总经理", -2); LEVEL("总经理（未见面）", -2); LEVEL("总经理(待接触)", -2);
	LEVEL("not Director", -2); LEVEL("below Director", -2); LEVEL("no VP contact", -2);
	LEVEL("Non-executive Director", -2); LEVEL("target: CEO", -2); LEVEL("nicht Vorstand", -2);
	LEVEL("无锡工厂厂长", 3); LEVEL("非洲区经理", 2); LEVEL("不锈钢事业部经理", 2);
	LEVEL("计划部经理", 2); LEVEL("计划主管", 2); LEVEL("目标客户经理", 2);
	LEVEL("Buyer at Target", 1); LEVEL("Director (no direct reports)", 3);
	LEVEL("见过总经理", 4); LEVEL("Director of Nonwovens", 3);
}

/* Titles whose level the cell does not tell are refused with their own
 * reason, never read: a Chief of Staff works for an executive ("chief" must
 * not make one), 局长 heads the customer or one bureau of it, 主任 an office,
 * a workshop or a committee. Their assistants are staff as before. */
static void test_titles_of_unclear_level_are_refused_saying_why(void **state)
{
	(void)state;
	LEVEL("Chief of Staff", -2); LEVEL("Chief of Staff to the CEO", -2);
	LEVEL("chief-of-staff", -2); LEVEL("局长", -2); LEVEL("副局长", -2);
	LEVEL("税务局局长", -2); LEVEL("主任", -2); LEVEL("办公室主任", -2);
	LEVEL("车间主任", -2); LEVEL("局長", -2); LEVEL("经理,主任", -2);
	LEVEL("Chief Operating Officer", 4);
	LEVEL("主任助理", 1); LEVEL("局长助理", 1); LEVEL("Staff", 1);
	assert_non_null(strstr(rs_value_level_unclear("Chief of Staff", 14), "works for an executive"));
	assert_non_null(strstr(rs_value_level_unclear(" 副局长 ", 11), "局长 heads a bureau"));
	assert_non_null(strstr(rs_value_level_unclear("办公室主任", 15), "车间主任"));
	assert_null(rs_value_level_unclear("主任助理", 12));
	assert_null(rs_value_level_unclear("CEO", 3));
}

/* "Chief" makes an executive only in its C-level shapes (Chief ... Officer,
 * Chief Executive); a chief engineer, accountant or architect is a senior
 * role of any level, refused saying so, as 总工程师 is. */
static void test_chief_is_executive_only_in_c_level_titles(void **state)
{
	(void)state;
	LEVEL("Chief Engineer", -2); LEVEL("Chief Accountant", -2); LEVEL("Chief Staff Engineer", -2);
	LEVEL("Chief Designer", -2); LEVEL("Chief Architect", -2); LEVEL("Chief Engineer, Plant 2", -2);
	LEVEL("Deputy Chief Engineer", -2); LEVEL("Chief Executive Assistant", -2);
	LEVEL("Chief Financial Officer Assistant", -2); LEVEL("Manager & Chief Engineer", -2);
	LEVEL("VP & Chief Engineer", 4); /* a VP, whatever a chief engineer's level */
	LEVEL("总工程师", -2); LEVEL("副总工程师", -2); LEVEL("Manager, Chief Engineer", -2);
	LEVEL("Chief Financial Officer", 4); LEVEL("Chief Executive Officer", 4);
	LEVEL("Chief Executive", 4); LEVEL("Chief Executive, Acme", 4); LEVEL("Chief Officer", 4);
	LEVEL("Deputy Chief Executive Officer", 4); LEVEL("Chief Procurement Officer of Acme", 4);
	LEVEL("chief", 4); LEVEL("CTO", 4); LEVEL("总工程师助理", 1); LEVEL("Engineer", 1);
	LEVEL("首席执行官", 4); LEVEL("首席财务官", 4); LEVEL("首席采购官", 4); /* 首席...官 */
	LEVEL("首席工程师", -2); LEVEL("首席代表", -2); LEVEL("首席", -2);
	assert_non_null(strstr(rs_value_level_unclear("Chief Engineer", 14), "map file's values"));
	assert_non_null(strstr(rs_value_level_unclear("总工程师", 12), "Chief ... Officer"));
	assert_null(rs_value_level_unclear("Chief Financial Officer", 23));
	assert_null(rs_value_level_unclear("chief", 5));
}

/* A general manager unqualified (or the company's deputy or acting one) is
 * its head; of a plant, region, function or business unit a unit's head,
 * director-level, unless the title is an executive's too. An assistant GM
 * (总经理助理) is a senior post in some firms, a personal assistant in
 * others: refused saying so. A rank below VP (AVP) is a director. */
static void test_a_qualified_general_manager_heads_a_unit(void **state)
{
	(void)state;
	LEVEL("General Manager", 4); LEVEL("GM", 4); LEVEL("总经理", 4); LEVEL("總經理", 4);
	LEVEL("Deputy General Manager", 4); LEVEL("Acting GM", 4); LEVEL("副总经理", 4);
	LEVEL("常务副总经理", 4); LEVEL("代理总经理", 4); LEVEL("副总经理（分管销售）", 4);
	LEVEL("President & General Manager", 4); LEVEL("董事兼总经理", 4); LEVEL("GM and CEO", 4);
	LEVEL("Plant GM", 3); LEVEL("General Manager, Sales", 3); LEVEL("GM Sales", 3);
	LEVEL("Regional General Manager", 3); LEVEL("Country GM", 3); LEVEL("GM – APAC", 3);
	LEVEL("Business Unit General Manager", 3); LEVEL("General Manager of Sales", 3);
	LEVEL("Deputy General Manager, Sales", 3); LEVEL("General Manager (Plant)", 3);
	LEVEL("区域总经理", 3); LEVEL("大区总经理", 3); LEVEL("事业部总经理", 3);
	LEVEL("分公司总经理", 3); LEVEL("工厂总经理", 3); LEVEL("销售总经理", 3);
	LEVEL("分公司副总经理", 3); LEVEL("區域總經理", 3);
	LEVEL("Assistant General Manager", -2); LEVEL("Assistant GM", -2); LEVEL("总经理助理", -2);
	LEVEL("总裁助理", -2); LEVEL("董事长助理", -2); LEVEL("副总裁助理", -2); LEVEL("總裁助理", -2);
	LEVEL("Assistant to the General Manager", 1); LEVEL("GM Assistant", 1);
	LEVEL("AVP", 3); LEVEL("Assistant Vice President", 3); LEVEL("Associate Vice President, IT", 3);
	LEVEL("VP", 4); LEVEL("SVP", 4); LEVEL("EVP", 4); LEVEL("Regional VP", 4);
	assert_non_null(strstr(rs_value_level_unclear("总经理助理", 15), "personal assistant"));
	assert_non_null(strstr(rs_value_level_unclear("董事长助理", 15), "董事长助理"));
}

/* The general manager of a company named after the title (a legal form
 * ends the name: Corp, Inc., Ltd, GmbH, AG, Co., LLC, S.A., 有限公司, 公司,
 * 集团) heads it: executive, not a unit's head as "General Manager, Sales". */
static void test_a_general_manager_of_a_named_company_is_its_head(void **state)
{
	(void)state;
	LEVEL("General Manager, Acme Corp", 4); LEVEL("General Manager, Acme Inc.", 4);
	LEVEL("General Manager, Acme Ltd", 4); LEVEL("General Manager, Müller GmbH", 4);
	LEVEL("General Manager, Siemens AG", 4); LEVEL("General Manager, Acme Co., Ltd.", 4);
	LEVEL("General Manager, Acme LLC", 4); LEVEL("General Manager, Acme S.A.", 4);
	LEVEL("General Manager of Acme Inc", 4); LEVEL("General Manager at Acme (China) Co., Ltd.", 4);
	LEVEL("Deputy General Manager, Acme Corp", 4); LEVEL("GM Acme Pty Ltd", 4);
	LEVEL("总经理，上海某某有限公司", 4); LEVEL("总经理, 某某集团", 4);
	LEVEL("总经理（上海某某有限公司）", 4); LEVEL("上海某某有限公司总经理", 4);
	LEVEL("某某有限公司副总经理", 4); LEVEL("集团总经理", 4); LEVEL("集团副总经理", 4);
	LEVEL("總經理，某某股份有限公司", 4);
	/* a unit, or no name before the form */
	LEVEL("General Manager, Sales", 3); LEVEL("GM Sales", 3); LEVEL("区域总经理", 3);
	LEVEL("分公司总经理", 3); LEVEL("子公司总经理", 3); LEVEL("事业部总经理", 3);
	/* 公司 with no legal form is as often a unit as the company */
	LEVEL("华东公司总经理", 3); LEVEL("销售公司总经理", 3); LEVEL("某某集团公司总经理", 4);
	LEVEL("General Manager, AG", 3); LEVEL("General Manager, SA", 3);
	LEVEL("General Manager, Acme Corp, Sales", 3); LEVEL("General Manager, Shanghai Branch", 3);
}

/* An Executive General Manager (Australian and Asian usage) sits on the
 * executive team, whatever the portfolio, as an EVP does; a Senior or Group
 * General Manager unqualified is at least the plain GM's executive, and like
 * it a unit's head (director) when the title names the unit. */
static void test_executive_senior_and_group_general_managers(void **state)
{
	(void)state;
	LEVEL("Executive General Manager", 4); LEVEL("Executive General Manager, Retail", 4);
	LEVEL("EGM", 4); LEVEL("EGM Sales", 4);
	LEVEL("Senior General Manager", 4); LEVEL("Senior GM", 4); LEVEL("Group General Manager", 4);
	LEVEL("Group GM", 4); LEVEL("Senior General Manager, Acme Corp", 4); LEVEL("Sr. GM", 4);
	LEVEL("Sr. General Manager", 4); LEVEL("Sr. General Manager, Sales", 3);
	LEVEL("General Manager Operations", 3); LEVEL("Senior General Manager, Sales", 3);
	LEVEL("Group General Manager, Finance", 3); LEVEL("General Manager, Operations", 3);
}

/* Titles as real exports hold them: Taiwan's (協理 an AVP, 副理 and 襄理 below
 * 經理; 執行長, 財務長 ... its C-level), Japan's 係長 (below 課長), a German
 * board's members and managing owner, an owner by other names; a country's
 * or a plant's manager is its head, as Country GM and 厂长 are. An
 * executive director is a different level by firm and country: refused. */
static void test_titles_from_taiwan_japan_germany_and_owners(void **state)
{
	(void)state;
	LEVEL("協理", 3); LEVEL("协理", 3); LEVEL("業務協理", 3); LEVEL("副理", 2); LEVEL("襄理", 2);
	LEVEL("業務副理", 2); LEVEL("係長", 2); LEVEL("執行長", 4); LEVEL("副執行長", 4);
	LEVEL("財務長", 4); LEVEL("營運長", 4); LEVEL("技術長", 4); LEVEL("資訊長", 4);
	LEVEL("行銷長", 4); LEVEL("原執行長", -2);
	LEVEL("Vorstandsmitglied", 4); LEVEL("Mitglied des Vorstands", 4);
	LEVEL("Mitglied der Geschäftsleitung", 4); LEVEL("Geschäftsleitung", 4);
	LEVEL("Geschäftsführender Gesellschafter", 4); LEVEL("Geschäftsführende Gesellschafterin", 4);
	LEVEL("Assistentin der Geschäftsleitung", -2); LEVEL("Gesellschafter", -2);
	LEVEL("Co-Owner", 4); LEVEL("Proprietor", 4); LEVEL("Sole Proprietor", 4);
	LEVEL("Managing Partner", 4); LEVEL("HR Business Partner", -2); LEVEL("Partner", -2);
	LEVEL("Country Manager", 3); LEVEL("Plant Manager", 3); LEVEL("Category Manager", 2);
	LEVEL("Operations Manager", 2);
	LEVEL("Executive Director", -2); LEVEL("Executive Director, Finance", -2);
	assert_non_null(strstr(rs_value_level_unclear("Executive Director", 18), "non-profit"));
	/* Taiwan's 特助 (特別助理), as 董事长助理: a senior post or a personal assistant */
	LEVEL("特助", -2); LEVEL("董事長特助", -2); LEVEL("總經理特別助理", -2); LEVEL("特别助理", -2);
	assert_non_null(strstr(rs_value_level_unclear("董事長特助", 15), "特助"));
	/* Head Office is a place (UK: the headquarters); "Head" and "Head of" stay director */
	LEVEL("Head Office", -2); LEVEL("Head Office Buyer", -2); LEVEL("HEAD OFFICE", -2);
	assert_non_null(strstr(rs_value_level_unclear("Head Office Buyer", 17), "headquarters"));
	LEVEL("Head of Procurement", 3); LEVEL("Head of Office", 3); LEVEL("Head", 3);
	/* on the board without managing (old: 独立董事 4, Independent Director 3): refused */
	LEVEL("独立董事", -2); LEVEL("獨立董事", -2); LEVEL("外部董事", -2); LEVEL("非执行董事", -2);
	LEVEL("独董", -2); LEVEL("Independent Director", -2); LEVEL("Non-Executive Director", -2);
	LEVEL("Independent Non-Executive Director", -2); LEVEL("Non-Executive Chairman", -2);
	LEVEL("Advisory Board Member", -2); LEVEL("Advisory Board", -2);
	assert_non_null(strstr(rs_value_level_unclear("独立董事", 12), "without managing"));
	LEVEL("董事", 4); LEVEL("执行董事", 4); LEVEL("Board Member", 4); LEVEL("Director", 3);
}

/* A French SA's deputy chief executives, as a Deputy General Manager (副总经理)
 * is (old: director, by "directeur"). */
static void test_a_directeur_general_s_deputy_is_executive(void **state)
{
	(void)state;
	LEVEL("Directeur général adjoint", 4); LEVEL("Directrice générale adjointe", 4);
	LEVEL("Directeur général délégué", 4); LEVEL("Directrice Générale Déléguée", 4);
	LEVEL("DIRECTEUR GÉNÉRAL ADJOINT", 4);
	LEVEL("Directeur général", 4); LEVEL("Directeur adjoint", 3); LEVEL("Directeur des achats", 3);
}

/* Japan's ranks on the scale 董事长/总经理/副总, 总监/部长, 经理/主管, 专员 has:
 * the board (会長, 社長, 副社長, 専務, 常務, 取締役) executive; 本部長, 部長
 * and 部長's deputy 次長 director (as 副部长, 副总监); 課長 and 係長 manager;
 * 担当 staff. 主任 is a senior staff grade in Japan and heads an office or
 * a workshop in China: the cell does not tell which, refused saying both. */
static void test_japanese_ranks_read_on_the_chinese_scale(void **state)
{
	(void)state;
	LEVEL("会長", 4); LEVEL("代表取締役会長", 4); LEVEL("副会長", 4); LEVEL("社長", 4);
	LEVEL("副社長", 4); LEVEL("代表取締役社長", 4); LEVEL("専務", 4); LEVEL("専務取締役", 4);
	LEVEL("常務", 4); LEVEL("常務取締役", 4); LEVEL("取締役", 4); LEVEL("常务副总经理", 4);
	LEVEL("本部長", 3); LEVEL("部長", 3); LEVEL("購買部長", 3); LEVEL("次長", 3);
	LEVEL("購買部次長", 3); LEVEL("課長", 2); LEVEL("資材課長", 2); LEVEL("係長", 2);
	LEVEL("担当", 1); LEVEL("担当者", 1); LEVEL("購買担当", 1); LEVEL("元部長", -2); LEVEL("元社長", -2);
	LEVEL("董事长", 4); LEVEL("副总", 4); LEVEL("总监", 3); LEVEL("主管", 2); LEVEL("专员", 1);
	LEVEL("主任", -2); LEVEL("購買主任", -2);
	assert_non_null(strstr(rs_value_level_unclear("主任", 6), "Japanese"));
	assert_non_null(strstr(rs_msg(RS_LANG_ZH, RS_M_L_ZHUREN), "日文"));
}

/* A Prokurist signs for the firm: a senior manager, not its management
 * board (Geschäftsführer, Vorstand); the other German ranks as before. */
static void test_german_ranks_and_the_prokurist(void **state)
{
	(void)state;
	LEVEL("Prokurist", 3); LEVEL("Prokuristin", 3); LEVEL("Prokurist Einkauf", 3);
	LEVEL("Gesamtprokurist", 3); LEVEL("Einkaufsleiter, Prokurist", 3);
	LEVEL("Geschäftsführer", 4); LEVEL("Vorstand", 4); LEVEL("Vorstandsvorsitzender", 4);
	LEVEL("Vorstandsvorsitzende", 4); LEVEL("Bereichsleiter", 3); LEVEL("Abteilungsleiter", 3);
	LEVEL("Teamleiter", 2); LEVEL("Sachbearbeiter", 1); LEVEL("Sachbearbeiterin Einkauf", 1);
	LEVEL("Einkäufer", 1); LEVEL("Einkäuferin", 1); LEVEL("Einkaufsleiter", 3);
	LEVEL("Leiter Einkauf", 3); LEVEL("Ehemaliger Prokurist", -2);
}

/* MD is a managing director, a medical doctor or a marketing director:
 * alone refused saying so; Deputy, Joint and Group MD (a company's), and
 * MD beside an executive title, executive. A partner owns a law or audit
 * firm, advises (HR Business Partner) or is a partner firm's contact:
 * refused, Managing Partner executive. Head Teacher, Head Chef, Head
 * Cashier and Head Nurse are a trade's senior, refused; "Head Buyer" and
 * "Head of ..." stay director. A title refused so beside an executive one
 * is executive (at most an executive's), else the cell is refused. */
static void test_md_partner_and_a_trade_s_head_say_why(void **state)
{
	(void)state;
	LEVEL("MD", -2); LEVEL("md", -2); LEVEL("MD, Procurement", -2); LEVEL("MD & Buyer", -2);
	LEVEL("Deputy MD", 4); LEVEL("Joint MD", 4); LEVEL("Group MD", 4);
	LEVEL("MD & CEO", 4); LEVEL("CEO & MD", 4); LEVEL("Chairman & MD", 4); LEVEL("MD/CEO", 4);
	LEVEL("Managing Director", 4); LEVEL("Former MD", -2);
	assert_non_null(strstr(rs_value_level_unclear("MD", 2), "medical doctor"));
	assert_non_null(strstr(rs_value_level_unclear("MD & Buyer", 10), "medical doctor"));
	assert_null(rs_value_level_unclear("Deputy MD", 9));
	LEVEL("Partner", -2); LEVEL("Senior Partner", -2); LEVEL("HR Business Partner", -2);
	LEVEL("Partner, Procurement", -2); LEVEL("Managing Partner", 4);
	LEVEL("Senior Managing Partner", 4); LEVEL("Partner Manager", 2);
	assert_non_null(strstr(rs_value_level_unclear("HR Business Partner", 19), "law, audit"));
	assert_null(rs_value_level_unclear("Managing Partner", 16));
	LEVEL("Head Teacher", -2); LEVEL("Head Chef", -2); LEVEL("Head Cashier", -2);
	LEVEL("Head Nurse", -2); LEVEL("HEAD CHEF", -2); LEVEL("Head-Teacher", -2);
	LEVEL("Head Chef & Buyer", -2); LEVEL("Owner & Head Chef", 4); LEVEL("Head Chef, Owner", 4);
	LEVEL("Head Buyer", 3); LEVEL("Head of Procurement", 3); LEVEL("Head", 3);
	LEVEL("Head of Catering", 3);
	assert_non_null(strstr(rs_value_level_unclear("Head Nurse", 10), "senior one of a trade"));
	assert_non_null(strstr(rs_msg(RS_LANG_ZH, RS_M_L_HEAD_TRADE), "护士长"));
	assert_non_null(strstr(rs_msg(RS_LANG_ZH, RS_M_L_MD), "医生"));
	assert_non_null(strstr(rs_msg(RS_LANG_ZH, RS_M_L_PARTNER), "合伙人"));
	LEVEL("CEO, 主任", 4); LEVEL("Chief of Staff & CFO", 4);
	/* a listed title's reason, wherever it stands in the list */
	LEVEL("Buyer & MD", -2); LEVEL("Buyer / Head Chef", -2);
	assert_non_null(strstr(rs_value_level_unclear("Buyer & MD", 10), "medical doctor"));
	assert_non_null(strstr(rs_value_level_unclear("Buyer / Head Chef", 17), "senior one of a trade"));
	assert_non_null(strstr(rs_value_level_unclear("经理，主任", 15), "车间主任"));
	assert_null(rs_value_level_unclear("Buyer & Foo", 11));
	assert_null(rs_value_level_unclear("Buyer & ", 8));
}

/* A German compound title followed by its department reads by the compound
 * ("Abteilungsleiter Einkauf", as "Leiter Einkauf" does); a project's, a
 * shift's, a warehouse's or a branch's Leiter is a manager, as a Project,
 * Warehouse or Branch Manager is, not a director. */
static void test_german_leiter_titles(void **state)
{
	(void)state;
	LEVEL("Abteilungsleiter Einkauf", 3); LEVEL("Abteilungsleiterin Einkauf", 3);
	LEVEL("Bereichsleiter Einkauf", 3); LEVEL("Teamleiter Einkauf", 2);
	LEVEL("Gruppenleiterin Einkauf", 2); LEVEL("Einkaufsteamleiter Süd", 2);
	LEVEL("Vertriebsmitarbeiter Innendienst", 1); LEVEL("Leiter Einkauf", 3);
	LEVEL("Projektleiter", 2); LEVEL("Projektleiterin", 2); LEVEL("IT-Projektleiter", 2);
	LEVEL("Schichtleiter", 2); LEVEL("Lagerleiter", 2); LEVEL("Filialleiter", 2);
	LEVEL("Einkaufsleiter", 3); LEVEL("Abteilungsleiter", 3); LEVEL("Vertriebsleiter", 3);
	LEVEL("Ehemaliger Abteilungsleiter Einkauf", -2); LEVEL("Abteilung Einkauf", -2);
}

/* Two titles one person holds, joined by "&", "and", "und", "et" or 兼, are
 * the higher of the two when each reads as a title; else the cell is one
 * title ("Sales & Marketing Director"), and after " to " the rest says
 * whose assistant ("Assistant to the CEO and CFO"). */
static void test_titles_joined_by_and_are_the_higher(void **state)
{
	(void)state;
	LEVEL("CFO & Company Secretary", 4); LEVEL("Co-Founder & Sales Director", 4);
	LEVEL("Founder & Head of Sales", 4); LEVEL("Purchasing Manager & Buyer", 2);
	LEVEL("CEO and Buyer", 4); LEVEL("Owner & Buyer", 4); LEVEL("Einkäufer und Teamleiter", 2);
	LEVEL("总经理兼采购经理", 4); LEVEL("采购经理兼总经理", 4); LEVEL("總經理兼採購經理", 4);
	LEVEL("General Manager and Director of Sales", 4);
	LEVEL("Sales & Marketing Director", 3); LEVEL("Head of Sales & Marketing", 3);
	LEVEL("Director of Sales and Marketing", 3); LEVEL("VP Sales & Marketing", 4);
	LEVEL("Research and Development Director", 3); LEVEL("R&D Manager", 2);
	LEVEL("Manager, Purchasing and Logistics", 2);
	LEVEL("Assistant to the CEO and CFO", 1); LEVEL("Assistant to the CEO / CFO", 1);
	LEVEL("Executive Assistant to CEO & Founder", 1);
	LEVEL("Former CEO and Buyer", -2); LEVEL("Buyer and former CEO", -2);
	LEVEL("Chief of Staff & Buyer", -2); LEVEL("兼职采购", -2);
}

/* 法人 and 法人代表, colloquial for the legal representative (法定代表人), are
 * executives as the whole cell; inside a longer word (法人股东, a corporate
 * shareholder) they say nothing of a level. */
static void test_faren_is_an_executive_only_as_the_whole_cell(void **state)
{
	(void)state;
	LEVEL("法人", 4); LEVEL("法人代表", 4); LEVEL("法定代表人", 4); LEVEL(" 法人 ", 4);
	LEVEL("法人股东", -2); LEVEL("公司法人", -2); LEVEL("非法人", -2);
}

/* A secretary is read at a secretary's level, not at the boss's the title names
 * first; a company secretary and a listed company's 董事会秘书 are officers. */
static void test_a_secretary_is_not_her_boss(void **state)
{
	(void)state;
	LEVEL("VP Secretary", 1); LEVEL("General Manager Secretary", 1); LEVEL("CEO Secretary", 1);
	LEVEL("总经理秘书", 1); LEVEL("Sekretärin der Geschäftsführung", 1); LEVEL("Secretary", 1);
	LEVEL("Company Secretary", 3); LEVEL("董事会秘书", 4); LEVEL("董秘", 4);
	LEVEL("秘书长", -2); LEVEL("Secretary General", -2);
}

/* A cooperation column's options name a field as a whole cell, in any case
 * and script; a negated, planned or unknown option names none. */
static void test_cooperation_options_name_their_field(void **state)
{
	static const struct {
		const char *s;
		int f;
	} t[] = {{"Strategic agreement", RS_F_STRATEGIC_AGREEMENT}, {"Joint Venture", RS_F_EQUITY_TIE},
	         {"JV", RS_F_EQUITY_TIE}, {"Exclusive", RS_F_EXCLUSIVE}, {"独家供应", RS_F_EXCLUSIVE},
	         {"獨家供應", RS_F_EXCLUSIVE}, {"data-sharing", RS_F_INFO_SHARING},
	         {"Rebate agreement", RS_F_PRICE_AGREEMENT}, {"Joint project", RS_F_JOINT_PROJECTS},
	         {"Framework contract", RS_F_STRATEGIC_AGREEMENT}, {"Rahmenvereinbarung", RS_F_STRATEGIC_AGREEMENT},
	         {"框架合同", RS_F_STRATEGIC_AGREEMENT}, {"戰略合作夥伴", RS_F_STRATEGIC_AGREEMENT},
	         {"Strategic Partner", RS_F_STRATEGIC_AGREEMENT}, {"Minority stake", RS_F_EQUITY_TIE},
	         {"参股", RS_F_EQUITY_TIE}, {"Sole-source", RS_F_EXCLUSIVE}, {"Preferred Vendor", RS_F_EXCLUSIVE},
	         {"唯一供应商", RS_F_EXCLUSIVE}, {"优选供应商", RS_F_EXCLUSIVE}, {"Data exchange", RS_F_INFO_SHARING},
	         {"信息互通", RS_F_INFO_SHARING}, {"返利协议", RS_F_PRICE_AGREEMENT}, {"Volume rebate", RS_F_PRICE_AGREEMENT},
	         {"独家代理", -1}, {"Exclusive distributor", -1}, {"Strategic supplier", -1}, {"EDI", -1},
	         {"No exclusivity", -1}, {"Planned joint venture", -1}, {"Exclusive (expired)", -1},
	         {"Reseller", -1}, {"yes", -1}, {"", -1}};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (rs_value_option(t[i].s, strlen(t[i].s)) != t[i].f)
			fail_msg("option \"%s\" names %d, expected %d", t[i].s,
			         rs_value_option(t[i].s, strlen(t[i].s)), t[i].f);
}

/* A Chinese input method in full-width mode types ＹＥＳ and ＭＡＮＡＧＥＲ:
 * they read as YES and MANAGER do, U+3000 as a space. */
static void test_full_width_words_read_as_their_ascii_twins(void **state)
{
	(void)state;
	YES("ＹＥＳ"); YES("Ｙｅｓ"); YES("Ｙ"); YES("ＴＲＵＥ"); YES("１");
	NO("Ｎｏ"); NO("ＮＯ"); NO("Ｎ"); NO("ＦＡＬＳＥ");
	REFUSED("ｘ"); REFUSED("ＹＥＳＳ");
	LEVEL("ＭＡＮＡＧＥＲ", 2); LEVEL("Ｍａｎａｇｅｒ", 2); LEVEL("ＤＩＲＥＣＴＯＲ", 3);
	LEVEL("ＶＰ　Ｓａｌｅｓ", 4); LEVEL("ＶＰ Ｓａｌｅｓ", 4); LEVEL("ＣＥＯ", 4);
	LEVEL("ｓｔａｆｆ", 1); LEVEL("　ＭＡＮＡＧＥＲ　", 2); LEVEL("Ｆｏｒｍｅｒ　ＣＥＯ", -2);
	/* lists split on full-width marks as on their twins */
	LEVEL("ＣＦＯ　＆　Ｃｏｍｐａｎｙ　Ｓｅｃｒｅｔａｒｙ", 4); LEVEL("CFO & Company Secretary", 4);
	LEVEL("Ｓｔａｆｆ／Ｍａｎａｇｅｒ", 2); LEVEL("员工，总监", 3);
	assert_int_equal(rs_value_option("Ｊｏｉｎｔ　Ｖｅｎｔｕｒｅ", strlen("Ｊｏｉｎｔ　Ｖｅｎｔｕｒｅ")),
	                 RS_F_EQUITY_TIE);
	assert_int_equal(rs_value_option("ＪＶ", strlen("ＪＶ")), RS_F_EQUITY_TIE);
}

/* A map file's words (kept as rs_value_fold gives them) match a full-width
 * cell as they match its ASCII twin. */
static void test_map_file_words_match_full_width_cells(void **state)
{
	char word[] = "team member", *words[] = {word};
	double values[] = {1}, v = 0;
	const rs_value_words w = {1, words, values};
	const char *cell = "ＴＥＡＭ　ＭＥＭＢＥＲ";

	(void)state;
	assert_true(rs_value_word_lookup(&w, cell, strlen(cell), &v));
	assert_true(v == 1);
	assert_false(rs_value_word_lookup(&w, "ＴＥＡＭ", strlen("ＴＥＡＭ"), &v));
}

/* Values and header names fold every full-width form (U+FF01 .. U+FF5E) and
 * U+3000 as the ASCII character it stands for: one rule for both. */
static void test_values_and_headers_fold_full_width_alike(void **state)
{
	char fw[4], ascii[2], a[32], b[32];
	unsigned cp;

	(void)state;
	for (cp = 0xFF01; cp <= 0xFF5E; cp++) {
		fw[0] = (char)0xEF;
		fw[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		fw[2] = (char)(0x80 | (cp & 0x3F));
		fw[3] = '\0';
		ascii[0] = (char)(cp - 0xFEE0);
		ascii[1] = '\0';
		(void)rs_value_fold(fw, 3, a, sizeof a);
		(void)rs_value_fold(ascii, 1, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("value U+%04X folds to \"%s\", '%s' to \"%s\"", cp, a, ascii, b);
		(void)rs_field_norm(fw, 3, 0, a, sizeof a);
		(void)rs_field_norm(ascii, 1, 0, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("header U+%04X folds to \"%s\", '%s' to \"%s\"", cp, a, ascii, b);
	}
	(void)rs_value_fold("ＶＰ　Ｓａｌｅｓ", strlen("ＶＰ　Ｓａｌｅｓ"), a, sizeof a);
	assert_string_equal(a, "vp sales");
	(void)rs_field_norm("Ｋｅｙ　Ｐｅｒｓｏｎ", strlen("Ｋｅｙ　Ｐｅｒｓｏｎ"), 0, a, sizeof a);
	assert_string_equal(a, "key_person");
	/* the neighbours are no ASCII: U+FF00, U+FF5F (｟), U+FF61 (｡) */
	assert_int_equal(rs_value_fullwidth((const unsigned char *)"\xEF\xBC\x80", 3), 0);
	assert_int_equal(rs_value_fullwidth((const unsigned char *)"\xEF\xBD\x9F", 3), 0);
	assert_int_equal(rs_value_fullwidth((const unsigned char *)"\xEF\xBD\xA1", 3), 0);
	assert_int_equal(rs_value_fullwidth((const unsigned char *)"\xEF\xBC\xA1", 2), 0);
}

/* Every word of the table reads as the table says, in the case it is listed. */
static void test_every_listed_word_reads_as_listed(void **state)
{
	const char *w;
	rs_kind k;
	int v;
	size_t i;

	(void)state;
	for (i = 0; (w = rs_value_word(i, &k, &v)) != NULL; i++) {
		if (k == RS_KIND_BOOL && yesno(w) != v)
			fail_msg("yes/no word \"%s\" reads as %d, listed as %d", w, yesno(w), v);
		if (k == RS_KIND_LEVEL && level(w) != v)
			fail_msg("level word \"%s\" reads as %d, listed as %d", w, level(w), v);
	}
	assert_true(i > 150);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yes_and_no_in_six_languages),
		cmocka_unit_test(test_ticks_and_crosses_but_not_a_bare_x),
		cmocka_unit_test(test_chinese_status_words),
		cmocka_unit_test(test_status_words_that_end_or_only_intend_are_refused),
		cmocka_unit_test(test_status_words_under_way_or_unknown_are_refused),
		cmocka_unit_test(test_status_words_qualified_later_are_refused),
		cmocka_unit_test(test_empty_stays_unknown_and_noise_is_refused),
		cmocka_unit_test(test_levels_from_real_titles),
		cmocka_unit_test(test_level_words_and_what_stays_refused),
		cmocka_unit_test(test_former_titles_are_refused),
		cmocka_unit_test(test_a_titles_last_word_wins_over_its_first),
		cmocka_unit_test(test_designated_titles_are_refused),
		cmocka_unit_test(test_assistants_of_the_german_management_are_not_executives),
		cmocka_unit_test(test_levels_not_reached_are_refused),
		cmocka_unit_test(test_titles_of_unclear_level_are_refused_saying_why),
		cmocka_unit_test(test_chief_is_executive_only_in_c_level_titles),
		cmocka_unit_test(test_a_qualified_general_manager_heads_a_unit),
		cmocka_unit_test(test_a_general_manager_of_a_named_company_is_its_head),
		cmocka_unit_test(test_executive_senior_and_group_general_managers),
		cmocka_unit_test(test_titles_from_taiwan_japan_germany_and_owners),
		cmocka_unit_test(test_a_directeur_general_s_deputy_is_executive),
		cmocka_unit_test(test_titles_joined_by_and_are_the_higher),
		cmocka_unit_test(test_german_leiter_titles),
		cmocka_unit_test(test_japanese_ranks_read_on_the_chinese_scale),
		cmocka_unit_test(test_german_ranks_and_the_prokurist),
		cmocka_unit_test(test_md_partner_and_a_trade_s_head_say_why),
		cmocka_unit_test(test_faren_is_an_executive_only_as_the_whole_cell),
		cmocka_unit_test(test_a_secretary_is_not_her_boss),
		cmocka_unit_test(test_cooperation_options_name_their_field),
		cmocka_unit_test(test_full_width_words_read_as_their_ascii_twins),
		cmocka_unit_test(test_values_and_headers_fold_full_width_alike),
		cmocka_unit_test(test_map_file_words_match_full_width_cells),
		cmocka_unit_test(test_every_listed_word_reads_as_listed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
