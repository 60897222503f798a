/*
 * words.c - the words a yes/no or level cell may hold, in one table (English,
 * Chinese, German, French, Spanish, Japanese), and how a cell is matched to
 * them: the whole cell, or a job title by its head word ("VP of Sales",
 * "Purchasing Manager", 采购经理; never a former one's), or a Chinese
 * 已X/未X, 有X/无X status.
 */
#include <string.h>

#include "fields_impl.h"
#include "msg.h"

/*
 * How an entry matches, beyond the whole cell: W_END the last words of a
 * title's head (the part before "of", "to", a comma or a parenthesis),
 * W_SUFFIX its end even inside a word (Chinese, German compounds), W_FIRST
 * its first words ("VP Sales", "Head of ..."). The longest end match wins
 * over a first word that may also end a title (VP, director, manager).
 * W_UNIT: the company's head only unqualified (see unit_head).
 */
enum { W_CELL = 0, W_END = 1, W_SUFFIX = 2, W_FIRST = 4, W_UNIT = 8 };

/* kind 'b': v is 1 (yes) or 0 (no); 'l': v is the level, 1-4; 'o': an
 * option of a cooperation column, v the field it names (whole cell only). */
typedef struct vocab {
	const char *w; /* lowercase, simplified (hans.c), words separated by one space */
	char kind;
	signed char v;
	unsigned char how;
} vocab;

/* clang-format off */
static const vocab words[] = {
	/* yes */
	{"yes", 'b', 1, 0}, {"y", 'b', 1, 0}, {"true", 'b', 1, 0}, {"t", 'b', 1, 0}, {"1", 'b', 1, 0},
	{"是", 'b', 1, 0}, {"有", 'b', 1, 0}, {"是的", 'b', 1, 0}, {"ja", 'b', 1, 0}, {"wahr", 'b', 1, 0},
	{"oui", 'b', 1, 0}, {"vrai", 'b', 1, 0}, {"sí", 'b', 1, 0}, {"si", 'b', 1, 0},
	{"verdadero", 'b', 1, 0}, {"はい", 'b', 1, 0}, {"あり", 'b', 1, 0}, {"有り", 'b', 1, 0},
	{"√", 'b', 1, 0}, {"✓", 'b', 1, 0}, {"✔", 'b', 1, 0}, {"☑", 'b', 1, 0}, {"✅", 'b', 1, 0},
	{"○", 'b', 1, 0}, {"signed", 'b', 1, 0}, /* an agreement's status, as 已签署 */
	/* no */
	{"no", 'b', 0, 0}, {"n", 'b', 0, 0}, {"false", 'b', 0, 0}, {"f", 'b', 0, 0}, {"0", 'b', 0, 0},
	{"否", 'b', 0, 0}, {"无", 'b', 0, 0}, {"没有", 'b', 0, 0},
	{"不是", 'b', 0, 0}, {"暂无", 'b', 0, 0}, {"尚无", 'b', 0, 0}, {"还没有", 'b', 0, 0},
	{"nein", 'b', 0, 0}, {"falsch", 'b', 0, 0}, {"non", 'b', 0, 0},
	{"faux", 'b', 0, 0}, {"falso", 'b', 0, 0}, {"いいえ", 'b', 0, 0}, {"なし", 'b', 0, 0},
	{"无し", 'b', 0, 0}, {"✗", 'b', 0, 0}, {"✘", 'b', 0, 0}, {"×", 'b', 0, 0}, {"☐", 'b', 0, 0},
	{"❌", 'b', 0, 0}, {"✖", 'b', 0, 0}, {"not signed", 'b', 0, 0}, {"unsigned", 'b', 0, 0},
	/* executive */
	{"4", 'l', 4, 0}, {"executive", 'l', 4, 0}, {"exec", 'l', 4, 0}, {"owner", 'l', 4, 0},
	{"c level", 'l', 4, W_END}, {"c suite", 'l', 4, W_END}, {"ceo", 'l', 4, W_END},
	{"cfo", 'l', 4, W_END}, {"coo", 'l', 4, W_END}, {"cto", 'l', 4, W_END}, {"cio", 'l', 4, W_END},
	{"cmo", 'l', 4, W_END}, {"cpo", 'l', 4, W_END}, {"chief", 'l', 4, W_CELL}, /* chief_title */
	{"vp", 'l', 4, W_END | W_FIRST}, {"svp", 'l', 4, W_END | W_FIRST},
	{"evp", 'l', 4, W_END | W_FIRST}, {"vice president", 'l', 4, W_END | W_FIRST},
	{"president", 'l', 4, W_END | W_FIRST}, {"founder", 'l', 4, W_END},
	{"co founder", 'l', 4, W_END}, {"chairman", 'l', 4, W_END}, {"chairwoman", 'l', 4, W_END},
	{"managing director", 'l', 4, W_END},
	{"general manager", 'l', 4, W_END | W_FIRST | W_UNIT},
	{"president director", 'l', 4, W_END}, {"presiden direktur", 'l', 4, W_END},
	{"direktur utama", 'l', 4, W_END}, /* Indonesia's chief executive */
	{"geschäftsführer", 'l', 4, W_SUFFIX}, {"geschäftsführerin", 'l', 4, W_SUFFIX},
	{"geschäftsführung", 'l', 4, W_CELL}, {"vorstand", 'l', 4, W_END | W_FIRST},
	{"inhaber", 'l', 4, W_END}, {"inhaberin", 'l', 4, W_END}, {"pdg", 'l', 4, W_END},
	{"directeur général", 'l', 4, W_END}, {"directrice générale", 'l', 4, W_END},
	/* its deputy, as a Deputy General Manager (副总经理): a French SA's officer */
	{"directeur général adjoint", 'l', 4, W_END}, {"directrice générale adjointe", 'l', 4, W_END},
	{"directeur général délégué", 'l', 4, W_END}, {"directrice générale déléguée", 'l', 4, W_END},
	{"director general", 'l', 4, W_END}, {"gerente general", 'l', 4, W_END},
	{"presidente", 'l', 4, W_END | W_FIRST}, {"高层", 'l', 4, W_SUFFIX}, {"高管", 'l', 4, W_SUFFIX},
	{"董事长", 'l', 4, W_SUFFIX}, {"董事", 'l', 4, W_SUFFIX},
	{"总裁", 'l', 4, W_SUFFIX}, {"总经理", 'l', 4, W_SUFFIX | W_UNIT},
	{"老板", 'l', 4, W_SUFFIX}, {"创始人", 'l', 4, W_SUFFIX}, {"老板娘", 'l', 4, W_SUFFIX},
	{"实控人", 'l', 4, W_SUFFIX}, {"实际控制人", 'l', 4, W_SUFFIX}, /* a private firm's owners */
	{"gm", 'l', 4, W_END | W_FIRST | W_UNIT}, {"egm", 'l', 4, W_END | W_FIRST}, /* executive GM */
	{"副总", 'l', 4, W_SUFFIX}, {"决策层", 'l', 4, W_SUFFIX},
	{"法定代表人", 'l', 4, W_SUFFIX}, {"社长", 'l', 4, W_SUFFIX}, {"取締役", 'l', 4, W_SUFFIX},
	/* Japan's board: 会長 (the chairman; 副会長), 専務 and 常務 (senior and plain managing
	 * directors, 専務取締役, 常務取締役), as 社長 and 取締役 */
	{"会长", 'l', 4, W_SUFFIX}, {"専务", 'l', 4, W_SUFFIX}, {"常务", 'l', 4, W_SUFFIX},
	{"法人", 'l', 4, W_CELL}, {"法人代表", 'l', 4, W_CELL}, /* its colloquial name; not 法人股东 */
	{"役员", 'l', 4, W_SUFFIX}, {"board member", 'l', 4, W_END},
	{"vorstandsvorsitzender", 'l', 4, W_END}, {"vorstandsvorsitzende", 'l', 4, W_END},
	{"vorstandsmitglied", 'l', 4, W_SUFFIX}, {"mitglied des vorstands", 'l', 4, W_CELL},
	{"mitglied der geschäftsführung", 'l', 4, W_CELL}, {"geschäftsleitung", 'l', 4, W_CELL},
	{"mitglied der geschäftsleitung", 'l', 4, W_CELL}, /* German management board members */
	{"geschäftsführender gesellschafter", 'l', 4, W_END}, /* a managing owner */
	{"geschäftsführende gesellschafterin", 'l', 4, W_END},
	{"co owner", 'l', 4, W_END}, {"proprietor", 'l', 4, W_END}, {"managing partner", 'l', 4, W_END},
	/* MD alone is refused (unclear[]); qualified so, only a managing director */
	{"deputy md", 'l', 4, W_END}, {"joint md", 'l', 4, W_END}, {"group md", 'l', 4, W_END},
	{"执行长", 'l', 4, W_SUFFIX}, {"财务长", 'l', 4, W_SUFFIX}, {"营运长", 'l', 4, W_SUFFIX},
	{"技术长", 'l', 4, W_SUFFIX}, {"资讯长", 'l', 4, W_SUFFIX}, {"行销长", 'l', 4, W_SUFFIX},
	/* Taiwan's C-level: 執行長 CEO, 財務長 CFO, 營運長 COO, 技術長 CTO, 資訊長 CIO, 行銷長 CMO */
	/* director */
	{"3", 'l', 3, 0}, {"director", 'l', 3, W_END | W_FIRST}, {"head", 'l', 3, W_FIRST},
	{"directeur", 'l', 3, W_END | W_FIRST}, {"directrice", 'l', 3, W_END | W_FIRST},
	{"direktur", 'l', 3, W_END | W_FIRST}, {"direktor", 'l', 3, W_SUFFIX | W_FIRST},
	{"leiter", 'l', 3, W_SUFFIX | W_FIRST},
	{"leiterin", 'l', 3, W_SUFFIX | W_FIRST}, {"总监", 'l', 3, W_SUFFIX},
	{"部长", 'l', 3, W_SUFFIX}, {"厂长", 'l', 3, W_SUFFIX}, {"department head", 'l', 3, W_END},
	{"处长", 'l', 3, W_SUFFIX}, /* a state-owned firm's division head (处级) */
	{"次长", 'l', 3, W_SUFFIX}, /* Japan's 次長: 部長's deputy, as 副部长 and 副总监 are 3 */
	/* holds Prokura, signs for the firm: a senior manager, not its Geschäftsführung */
	{"prokurist", 'l', 3, W_SUFFIX | W_FIRST}, {"prokuristin", 'l', 3, W_SUFFIX | W_FIRST},
	{"协理", 'l', 3, W_SUFFIX}, /* Taiwan: above 经理, below 副总 (an AVP) */
	{"country manager", 'l', 3, W_END}, {"plant manager", 'l', 3, W_END}, /* as Country GM, 厂长 */
	{"正处", 'l', 3, 0}, {"副处", 'l', 3, 0}, {"调研员", 'l', 3, W_SUFFIX}, /* 处级 ranks */
	{"部门负责人", 'l', 3, W_SUFFIX}, {"采购负责人", 'l', 3, W_SUFFIX}, /* head of ... */
	{"assistant vice president", 'l', 3, W_END | W_FIRST}, {"avp", 'l', 3, W_END | W_FIRST},
	{"associate vice president", 'l', 3, W_END | W_FIRST}, /* a rank below VP */
	/* manager */
	{"2", 'l', 2, 0}, {"manager", 'l', 2, W_END | W_FIRST}, {"mgr", 'l', 2, W_END},
	{"supervisor", 'l', 2, W_END}, {"team lead", 'l', 2, W_END}, {"team leader", 'l', 2, W_END},
	{"teamleiter", 'l', 2, W_SUFFIX | W_FIRST}, {"teamleiterin", 'l', 2, W_SUFFIX | W_FIRST},
	{"gruppenleiter", 'l', 2, W_SUFFIX | W_FIRST}, {"gruppenleiterin", 'l', 2, W_SUFFIX | W_FIRST},
	/* a project's, a shift's, a warehouse's, a branch's (Filiale) lead: as Project
	 * Manager, Shift Supervisor, Warehouse Manager, Branch Manager, not a director */
	{"projektleiter", 'l', 2, W_SUFFIX | W_FIRST}, {"projektleiterin", 'l', 2, W_SUFFIX | W_FIRST},
	{"schichtleiter", 'l', 2, W_SUFFIX | W_FIRST}, {"schichtleiterin", 'l', 2, W_SUFFIX | W_FIRST},
	{"lagerleiter", 'l', 2, W_SUFFIX | W_FIRST}, {"lagerleiterin", 'l', 2, W_SUFFIX | W_FIRST},
	{"filialleiter", 'l', 2, W_SUFFIX | W_FIRST}, {"filialleiterin", 'l', 2, W_SUFFIX | W_FIRST},
	{"responsable", 'l', 2, W_FIRST | W_END},
	{"gerente", 'l', 2, W_FIRST | W_END}, {"jefe", 'l', 2, W_FIRST}, {"经理", 'l', 2, W_SUFFIX},
	{"主管", 'l', 2, W_SUFFIX}, {"组长", 'l', 2, W_SUFFIX}, {"中层", 'l', 2, W_SUFFIX},
	{"課长", 'l', 2, W_SUFFIX}, {"科长", 'l', 2, W_SUFFIX}, /* its section head (科级) */
	{"副理", 'l', 2, W_SUFFIX}, {"襄理", 'l', 2, W_SUFFIX}, /* Taiwan: deputy, assistant manager */
	{"系长", 'l', 2, W_SUFFIX}, /* Japan's 係長: a subsection's head, below 課長 */
	{"正科", 'l', 2, 0}, {"副科", 'l', 2, 0}, {"主任科员", 'l', 2, W_SUFFIX}, /* 科级, no team */
	/* staff */
	{"1", 'l', 1, 0}, {"staff", 'l', 1, W_END}, {"employee", 'l', 1, W_END},
	{"individual contributor", 'l', 1, W_END}, {"buyer", 'l', 1, W_END},
	{"purchaser", 'l', 1, W_END}, {"clerk", 'l', 1, W_END}, {"specialist", 'l', 1, W_END},
	{"engineer", 'l', 1, W_END}, {"analyst", 'l', 1, W_END}, {"assistant", 'l', 1, W_END},
	{"associate", 'l', 1, W_END}, {"coordinator", 'l', 1, W_END}, {"officer", 'l', 1, W_END},
	{"representative", 'l', 1, W_END}, {"sachbearbeiter", 'l', 1, W_SUFFIX | W_FIRST},
	{"sachbearbeiterin", 'l', 1, W_SUFFIX | W_FIRST}, {"mitarbeiter", 'l', 1, W_SUFFIX | W_FIRST},
	{"mitarbeiterin", 'l', 1, W_SUFFIX | W_FIRST}, {"einkäufer", 'l', 1, W_SUFFIX | W_FIRST},
	{"einkäuferin", 'l', 1, W_SUFFIX | W_FIRST}, {"acheteur", 'l', 1, W_END}, {"acheteuse", 'l', 1, W_END},
	{"employé", 'l', 1, W_END}, {"comprador", 'l', 1, W_END}, {"empleado", 'l', 1, W_END},
	{"员工", 'l', 1, W_SUFFIX}, {"职员", 'l', 1, W_SUFFIX},
	{"普通员工", 'l', 1, W_SUFFIX}, {"采购员", 'l', 1, W_SUFFIX},
	{"业务员", 'l', 1, W_SUFFIX}, {"专员", 'l', 1, W_SUFFIX},
	{"文员", 'l', 1, W_SUFFIX}, {"助理", 'l', 1, W_SUFFIX}, {"工程师", 'l', 1, W_SUFFIX},
	{"社员", 'l', 1, W_SUFFIX}, {"担当", 'l', 1, W_SUFFIX}, {"基层", 'l', 1, W_SUFFIX},
	{"执行层", 'l', 1, W_SUFFIX}, {"科员", 'l', 1, W_SUFFIX}, {"办事员", 'l', 1, W_SUFFIX}, {"secretary", 'l', 1, W_END}, {"sekretärin", 'l', 1, W_SUFFIX},
	{"秘书", 'l', 1, W_SUFFIX}, /* VP Secretary, 总经理秘书: an assistant's level, not the boss's */
	{"company secretary", 'l', 3, W_END}, {"corporate secretary", 'l', 3, W_END}, /* an officer */
	{"董事会秘书", 'l', 4, W_SUFFIX}, {"董秘", 'l', 4, W_SUFFIX}, /* senior management by law */
	{"担当者", 'l', 1, W_SUFFIX},
#define OPT(w, f) {w, 'o', RS_F_##f, 0}
	OPT("strategic agreement", STRATEGIC_AGREEMENT), OPT("strategic partnership", STRATEGIC_AGREEMENT),
	OPT("strategic alliance", STRATEGIC_AGREEMENT), OPT("framework agreement", STRATEGIC_AGREEMENT),
	OPT("master agreement", STRATEGIC_AGREEMENT), OPT("战略协议", STRATEGIC_AGREEMENT),
	OPT("战略合作协议", STRATEGIC_AGREEMENT), OPT("框架协议", STRATEGIC_AGREEMENT),
	OPT("rahmenvertrag", STRATEGIC_AGREEMENT), OPT("equity tie", EQUITY_TIE), OPT("equity", EQUITY_TIE),
	OPT("equity stake", EQUITY_TIE), OPT("joint venture", EQUITY_TIE), OPT("jv", EQUITY_TIE),
	OPT("cross shareholding", EQUITY_TIE), OPT("股权", EQUITY_TIE), OPT("股权关系", EQUITY_TIE),
	OPT("合资", EQUITY_TIE), OPT("交叉持股", EQUITY_TIE), OPT("beteiligung", EQUITY_TIE),
	OPT("exclusive", EXCLUSIVE), OPT("exclusivity", EXCLUSIVE), OPT("exclusive supplier", EXCLUSIVE),
	OPT("sole supplier", EXCLUSIVE), OPT("preferred supplier", EXCLUSIVE), OPT("独家", EXCLUSIVE),
	OPT("独家供应", EXCLUSIVE), OPT("独家供应商", EXCLUSIVE), OPT("首选供应商", EXCLUSIVE),
	OPT("exklusiv", EXCLUSIVE), OPT("alleinlieferant", EXCLUSIVE),
	OPT("information sharing", INFO_SHARING), OPT("data sharing", INFO_SHARING),
	OPT("forecast sharing", INFO_SHARING), OPT("信息共享", INFO_SHARING), OPT("数据共享", INFO_SHARING),
	OPT("informationsaustausch", INFO_SHARING), OPT("rebate agreement", PRICE_AGREEMENT),
	OPT("price agreement", PRICE_AGREEMENT), OPT("volume discount", PRICE_AGREEMENT),
	OPT("返点协议", PRICE_AGREEMENT), OPT("价格协议", PRICE_AGREEMENT),
	OPT("rabattvereinbarung", PRICE_AGREEMENT), /* counts: their own column must say so */
	/* the same signals as other CRMs and languages name them */
	OPT("strategic partner", STRATEGIC_AGREEMENT), OPT("framework contract", STRATEGIC_AGREEMENT),
	OPT("rahmenvereinbarung", STRATEGIC_AGREEMENT), OPT("框架合同", STRATEGIC_AGREEMENT),
	OPT("战略合作", STRATEGIC_AGREEMENT), OPT("战略伙伴", STRATEGIC_AGREEMENT),
	OPT("战略合作伙伴", STRATEGIC_AGREEMENT), OPT("shareholding", EQUITY_TIE),
	OPT("minority stake", EQUITY_TIE), OPT("参股", EQUITY_TIE), OPT("持股", EQUITY_TIE),
	OPT("preferred vendor", EXCLUSIVE), OPT("sole source", EXCLUSIVE), OPT("single source", EXCLUSIVE),
	OPT("sole source supplier", EXCLUSIVE), OPT("优选供应商", EXCLUSIVE), OPT("唯一供应商", EXCLUSIVE),
	OPT("exklusivvertrag", EXCLUSIVE), OPT("shared forecasts", INFO_SHARING),
	OPT("data exchange", INFO_SHARING), OPT("信息互通", INFO_SHARING), OPT("数据交换", INFO_SHARING),
	OPT("rebate", PRICE_AGREEMENT), OPT("volume rebate", PRICE_AGREEMENT),
	OPT("返利协议", PRICE_AGREEMENT), OPT("返利", PRICE_AGREEMENT), OPT("返点", PRICE_AGREEMENT),
	OPT("joint project", JOINT_PROJECTS), OPT("joint projects", JOINT_PROJECTS),
	OPT("joint development", JOINT_PROJECTS), OPT("联合项目", JOINT_PROJECTS),
	OPT("联合开发", JOINT_PROJECTS), OPT("executive meetings", EXEC_MEETINGS),
	OPT("高层会晤", EXEC_MEETINGS), OPT("高层互访", EXEC_MEETINGS),
#undef OPT
};
/* clang-format on */

#define NWORDS (sizeof words / sizeof words[0])

const char *rs_value_word(size_t i, rs_kind *kind, int *v)
{
	if (i >= NWORDS)
		return NULL;
	*kind = words[i].kind == 'b' ? RS_KIND_BOOL : words[i].kind == 'l' ? RS_KIND_LEVEL : RS_KIND_TEXT;
	*v = words[i].v;
	return words[i].w;
}

/* The table's form (fields_impl.h). */
size_t rs_value_fold(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char *u;
	const char *simple;
	size_t i, o = 0;

	rs_value_trim(&s, &n);
	u = (const unsigned char *)s;
	for (i = 0; i < n; i++) {
		unsigned char c = u[i], a;

		if (o + 2 >= cap)
			return cap;
		if (c >= 0xE3 && (a = rs_value_fullwidth(u + i, n - i)) != 0) {
			c = a; /* then as the ASCII it stands for */
			i += 2;
		}
		if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '/' || c == '&' ||
		    c == '+' || c == '.') {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		if (c == 0xEF && i + 2 < n && u[i + 1] == 0xB8 && u[i + 2] == 0x8F) {
			i += 2; /* U+FE0F, which a phone's ✔️ and ☑️ carry */
			continue;
		}
		if (c >= 0xE3 && i + 2 < n && (simple = rs_hans_simplified(s + i)) != NULL) {
			if (o + 4 >= cap)
				return cap;
			memcpy(out + o, simple, 3);
			o += 3;
			i += 2;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c == 0xC3 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9E &&
		         u[i + 1] != 0x97) {
			out[o++] = (char)c; /* À-Þ to à-þ, not × */
			c = (unsigned char)(u[++i] + 0x20);
		}
		out[o++] = (char)c;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

/* The head of a title: before a comma, a parenthesis, or " of " and its kin. */
static size_t head_len(const char *s, size_t n)
{
	static const char *const cuts[] = {",",     "(",    "\xEF\xBC\x88", "\xEF\xBC\x8C", "|",
	                                   ";",     ":",    " of ",         " to ",         " for ",
	                                   " at ",  " de ", " des ",        " du ",         " del ",
	                                   " für ", " der ", NULL};
	const char *const *c;
	size_t h = n, k, i;

	for (c = cuts; *c; c++)
		for (k = strlen(*c), i = 0; i + k <= h; i++)
			if (memcmp(s + i, *c, k) == 0) {
				h = i;
				break;
			}
	while (h > 0 && s[h - 1] == ' ')
		h--;
	return h;
}

/* The whole cell, else the head's first words when they only lead a title
 * ("Chief ... Officer", "Head Buyer"), else the longest end of the head
 * (the role: "VP Assistant", "Director General"), else its first words,
 * else the longest end of its first word, a German compound followed by
 * its department ("Abteilungsleiter Einkauf", "Teamleiter Einkauf"). */
static const vocab *lookup(const char *s, size_t n, char kind)
{
	const vocab *w, *best = NULL, *first = NULL, *comp = NULL;
	size_t h = head_len(s, n), k, bestk = 0, compk = 0, fw;
	const char *sp = memchr(s, ' ', h);

	fw = sp != NULL ? (size_t)(sp - s) : h;

	for (w = words; w < words + NWORDS; w++)
		if (w->kind == kind && strlen(w->w) == n && memcmp(w->w, s, n) == 0)
			return w;
	for (w = words; w < words + NWORDS; w++) {
		if (w->kind != kind || (k = strlen(w->w)) > h)
			continue;
		if (first == NULL && (w->how & W_FIRST) && memcmp(w->w, s, k) == 0 &&
		    (k == h || s[k] == ' '))
			first = w;
		if (k > bestk && (w->how & (W_END | W_SUFFIX)) && memcmp(w->w, s + h - k, k) == 0 &&
		    (k == h || (w->how & W_SUFFIX) || s[h - k - 1] == ' ')) {
			best = w;
			bestk = k;
		}
		if (k > compk && k < fw && (w->how & (W_SUFFIX | W_FIRST)) == (W_SUFFIX | W_FIRST) &&
		    memcmp(w->w, s + fw - k, k) == 0) {
			comp = w;
			compk = k;
		}
	}
	if (first == NULL && best == NULL)
		return comp;
	return first != NULL && (best == NULL || !(first->how & W_END)) ? first : best;
}

/*
 * What 已X, 未X, 有X, 无X cannot say yes or no about: X ending or lapsing
 * (已过期, an agreement that expired; 已离职, a key person who left), only
 * intended or pending (有待签署), once, sometimes or no more (有过, 有时,
 * 已不再), partial (有限, 有部分), or undecided or unknown (未定, 未知,
 * 无法确认). Such a status is refused, never guessed.
 */
static const char *const not_status[] = {
	"过", "失", "废", "撤", "退", "停", "暂", "关闭", "结束", "注销", "离", "调离", "拒", "否",
	"放弃", "流失", "淘汰", "待", "望", "计划", "可能", "定", "知", "法", "从", "限", "部分",
	"意", "时", "一次", NULL};

/* Refused anywhere in X: a step under way, not its outcome (已申请, 已起草,
 * 已送签, 已洽谈), an interest or intent (已签意向书), an NDA, a verbal
 * deal, and a yes qualified later (已签署（已过期）, 有，但已终止,
 * 已签署但未生效). */
static const char *const under_way[] = {
	"意向", "意愿", "兴趣", "保密", "草", "拟", "谈", "协商", "讨论", "磋商", "申请", "提交",
	"报批", "送审", "送签", "过期", "到期", "失效", "终止", "中止", "取消", "解除", "解约",
	"作废", "撤销", "停止", "冻结", "不", "无", "没", "未", "但", "口头", NULL};


/* Does s[0..n) hold the text w anywhere? */
static bool holds(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return true;
	return false;
}

/* 已X (已经X) is yes, 未X (尚未X, 暂未X: not yet) no; 有X yes, 无X/沒有X no; X
 * not one of not_status. */
static int status_word(const char *s, size_t n)
{
	static const struct {
		const char *p;
		int v;
	} pre[] = {{"已经", 1}, {"已", 1}, {"未", 0}, {"尚未", 0}, {"暂未", 0}, {"还未", 0},
	           {"有", 1}, {"无", 0}, {"没有", 0}};
	const char *const *x;
	size_t i, k;

	for (i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if ((k = strlen(pre[i].p)) + 3 <= n && memcmp(s, pre[i].p, k) == 0 &&
		    (unsigned char)s[k] >= 0xE3) {
			for (x = not_status; *x != NULL; x++)
				if (strlen(*x) <= n - k && memcmp(s + k, *x, strlen(*x)) == 0)
					return -1;
			for (x = under_way; *x != NULL; x++)
				if (holds(s + k, n - k, *x))
					return -1;
			return pre[i].v;
		}
	return -1;
}

/* Yes (1), no (0) or neither (-1) of a folded cell: a word or a status. */
static int folded_bool(const char *s, size_t n)
{
	const vocab *w = lookup(s, n, 'b');

	return w != NULL ? w->v : status_word(s, n);
}

/* A tick or a cross beside a word that says the same, as a select option
 * of a bitable reads ("✅ 已签约", "❌ 否", "Yes ✔"): that; else neither. */
static int marked_bool(const char *s, size_t n)
{
	static const char *const marks[] = {"✓", "✔", "√", "☑", "✅", "○", "✗", "✘", "✖", "×", "☐", "❌", NULL};
	const char *const *m;
	size_t k;
	int b;

	for (m = marks; *m != NULL; m++) {
		if ((k = strlen(*m)) >= n)
			continue;
		if (memcmp(s, *m, k) == 0)
			b = folded_bool(s + k + (s[k] == ' '), n - k - (s[k] == ' '));
		else if (memcmp(s + n - k, *m, k) == 0)
			b = folded_bool(s, n - k - (s[n - k - 1] == ' '));
		else
			continue;
		return b == folded_bool(*m, k) ? b : -1;
	}
	return -1;
}

rs_parse rs_value_bool_slow(const char *s, size_t n, bool *out)
{
	char buf[64];
	int k;

	rs_value_trim(&s, &n);
	/* 1.0 and 0.0: a 0/1 column with gaps as pandas writes it */
	for (k = 2; (size_t)k < n && s[k] == '0'; k++)
		;
	if (n >= 3 && (s[0] == '0' || s[0] == '1') && s[1] == '.' && (size_t)k == n)
		return *out = s[0] == '1', RS_PARSE_OK;
	if ((n = rs_value_fold(s, n, buf, sizeof buf)) >= sizeof buf)
		return RS_PARSE_BAD;
	if ((k = folded_bool(buf, n)) < 0 && (k = marked_bool(buf, n)) < 0)
		return RS_PARSE_BAD;
	return *out = k == 1, RS_PARSE_OK;
}

rs_parse rs_parse_bool(const char *s, size_t n, bool *out)
{
	int k;

	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	/* The usual words first, without walking the table. */
	if ((k = rs_value_fastbool(s, n)) >= 0)
		return *out = k == 1, RS_PARSE_OK;
	return rs_value_bool_slow(s, n, out);
}

int rs_value_option(const char *s, size_t n)
{
	char buf[64];
	const vocab *w;

	if ((n = rs_value_fold(s, n, buf, sizeof buf)) >= sizeof buf || (w = lookup(buf, n, 'o')) == NULL)
		return -1;
	return w->v;
}

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/*
 * A folded title of someone no longer, or not yet, in it ("Former CEO",
 * "VP (retired)", 原总经理, 总经理（已离职）, "Incoming CEO", 拟任总经理), or
 * a level not reached ("not Director", 未接触高层, 非高层, 总经理（未见面）,
 * 计划拜访总经理). It says nothing of the level reached now.
 */
static bool former_title(const char *s, size_t n)
{
	static const char *const marks[] = {
		"former", "ex", "retired", "past", "left", "ehemalig", "ehemaliger", "ehemalige",
		"ancien", "ancienne", "future", "incoming", "designate", "designated", "elect",
		"künftig", "künftiger", "künftige", "designierter", "designierte", "futur", NULL};
	/* first: "not Director", "below VP", "target: CEO" (not "Buyer at Target") */
	static const char *const marks_first[] = {"not", "no", "non", "below", "never", "target",
	                                          "planned", "nicht", "kein", "keine", NULL};
	static const char *const zh[] = {"离职", "离任", "退休", "卸任", "拟任", "候任", "待任",
	                                 "(未", "（未", "(待", "（待", NULL};
	/* at the start: 未接触高层, 计划拜访总经理, 目标：总经理 (not 计划部经理,
	 * 目标客户经理: the planning department, the target accounts) */
	static const char *const zh_first[] = {"未", "尚未", "待", "计划拜访", "计划接触", "计划约见",
	                                       "目标:", "目标：", NULL};
	/* right before a title: 原总经理 and 非高层, not 原料采购经理, 非洲区经理, 无锡;
	 * 元 is Japan's "former" (元社長, 元部長) */
	static const char *const zh_before[] = {"原", "前", "元", "非", "无", "不是", "没有", NULL};
	const char *const *m;
	const vocab *w;
	size_t i, k;

	for (m = marks; *m != NULL; m++)
		for (k = strlen(*m), i = 0; i + k <= n; i++)
			if (memcmp(s + i, *m, k) == 0 && (i == 0 || !word_byte((unsigned char)s[i - 1])) &&
			    (i + k == n || !word_byte((unsigned char)s[i + k])))
				return true;
	for (m = marks_first; *m != NULL; m++)
		if ((k = strlen(*m)) <= n && memcmp(s, *m, k) == 0 &&
		    (k == n || !word_byte((unsigned char)s[k])))
			return true;
	for (m = zh; *m != NULL; m++)
		if (holds(s, n, *m))
			return true;
	for (m = zh_first; *m != NULL; m++)
		if ((k = strlen(*m)) < n && memcmp(s, *m, k) == 0)
			return true;
	for (m = zh_before; *m != NULL; m++)
		if ((i = strlen(*m)) < n && memcmp(s, *m, i) == 0)
			for (w = words; w < words + NWORDS; w++)
				if (w->kind == 'l' && (k = strlen(w->w)) <= n - i &&
				    (unsigned char)w->w[0] >= 0x80 && memcmp(s + i, w->w, k) == 0)
					return true;
	return false;
}

/*
 * Titles whose level hangs on what the cell does not say, refused with why
 * (a map file's values can give one its level): "Chief of Staff",
 * "Executive Director", "MD", "Head Office" (a place: "Head Office Buyer")
 * and "Head" before a trade ("Head Chef") lead a title; 局长, 主任 and
 * "Partner" end its head (副局长, 办公室主任, "HR Business Partner"; not
 * 主任助理), unless a longer word of the table ends it ("Managing Partner").
 */
static const struct unclear {
	const char *w;
	size_t k; /* strlen(w) */
	bool first;
	rs_msg_id why;
} unclear[] = {
#define U(w, first, why) {w, sizeof w - 1, first, why}
    U("chief of staff", true, RS_M_L_CHIEF_OF_STAFF),
    U("executive director", true, RS_M_L_EXEC_DIRECTOR),
    U("head office", true, RS_M_L_HEAD_OFFICE), /* not a Head of ...: "Head" reads director */
    /* the senior one of a trade, whose rank is the organisation's: "Head Buyer"
     * and "Head of ..." (a function) stay director */
    U("head teacher", true, RS_M_L_HEAD_TRADE),
    U("head chef", true, RS_M_L_HEAD_TRADE),
    U("head cook", true, RS_M_L_HEAD_TRADE),
    U("head cashier", true, RS_M_L_HEAD_TRADE),
    U("head teller", true, RS_M_L_HEAD_TRADE),
    U("head nurse", true, RS_M_L_HEAD_TRADE),
    U("head waiter", true, RS_M_L_HEAD_TRADE),
    /* on the board without managing: not its top management (董事 alone is) */
    U("independent director", true, RS_M_L_BOARD),
    U("independent non executive director", true, RS_M_L_BOARD),
    U("non executive director", true, RS_M_L_BOARD),
    U("non executive chairman", true, RS_M_L_BOARD),
    U("advisory board", true, RS_M_L_BOARD),
    U("独立董事", false, RS_M_L_BOARD),
    U("独董", false, RS_M_L_BOARD),
    U("外部董事", false, RS_M_L_BOARD),
    U("非执行董事", false, RS_M_L_BOARD),
    U("md", true, RS_M_L_MD), /* managing director, medical doctor, marketing director */
    U("partner", false, RS_M_L_PARTNER),
    U("局长", false, RS_M_L_JUZHANG),
    U("主任", false, RS_M_L_ZHUREN),
    U("总工程师", false, RS_M_L_CHIEF),
    U("assistant general manager", true, RS_M_L_AGM),
    U("assistant gm", true, RS_M_L_AGM),
    U("总经理助理", false, RS_M_L_AGM),
    U("总裁助理", false, RS_M_L_AGM),
    U("董事长助理", false, RS_M_L_AGM),
    U("特助", false, RS_M_L_AGM), /* Taiwan's special assistant, 特别助理: the boss's right hand */
    U("特别助理", false, RS_M_L_AGM),
#undef U
};

/* Where the word w (folded) is in s[0..n), or n. */
static size_t word_at(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0 && (i == 0 || s[i - 1] == ' ') &&
		    (i + k == n || s[i + k] == ' '))
			return i;
	return n;
}

/*
 * A title with "chief" in its head is executive only in its C-level shapes:
 * the head ends "Chief ... Officer" or is "(Deputy) Chief Executive". "Chief
 * Engineer", "Chief Accountant", "Chief Architect" name a senior role, not
 * a level, and are refused (-1); so with 首席: 首席执行官 (…官) is C-level,
 * 首席工程师 and 首席代表 are refused. 4 when s[0..n) is C-level; 0 when its head
 * has no "chief", or it is only the word, which the table reads.
 */
static int chief_title(const char *s, size_t n)
{
	size_t h = head_len(s, n), c = word_at(s, h, "chief");

	if (h > 6 && memcmp(s, "首席", 6) == 0) /* 首席执行官, 首席财务官; not 首席工程师 */
		return h > 9 && memcmp(s + h - 3, "官", 3) == 0 ? 4 : -1;
	if (c == h || n == 5)
		return 0;
	if ((h >= 8 && memcmp(s + h - 8, " officer", 8) == 0) ||
	    (h == c + 15 && memcmp(s + c, "chief executive", 15) == 0))
		return 4;
	return -1;
}

/* Does a level word of the table longer than k bytes end the head s[0..h)? */
static bool longer_end(const char *s, size_t h, size_t k)
{
	const vocab *w;
	size_t m;

	for (w = words; w < words + NWORDS; w++)
		if (w->kind == 'l' && (w->how & (W_END | W_SUFFIX)) && (m = strlen(w->w)) > k &&
		    m <= h && memcmp(s + h - m, w->w, m) == 0 &&
		    (m == h || (w->how & W_SUFFIX) || s[h - m - 1] == ' '))
			return true;
	return false;
}

/* The folded title s[0..n) is one of unclear[]: its reason, else NULL. */
static const char *unclear_title(const char *s, size_t n)
{
	size_t i, k, h = head_len(s, n);

	for (i = 0; i < sizeof unclear / sizeof unclear[0]; i++) {
		k = unclear[i].k;
		if (unclear[i].first ? k <= n && s[0] == unclear[i].w[0] &&
		                           memcmp(s, unclear[i].w, k) == 0 &&
		                           (k == n || !word_byte((unsigned char)s[k]))
		                     : k <= h && memcmp(s + h - k, unclear[i].w, k) == 0 &&
		                           !longer_end(s, h, k))
			return rs_msg(RS_LANG_EN, unclear[i].why); /* fields.c words it in --lang */
	}
	return chief_title(s, n) < 0 ? rs_msg(RS_LANG_EN, RS_M_L_CHIEF) : NULL;
}

/* Folds a title into buf (cap 128) without a 级 after it; cap when too long. */
static size_t fold_title(const char *s, size_t n, char *buf)
{
	if ((n = rs_value_fold(s, n, buf, 128)) >= 128)
		return 128;
	if (n > 3 && memcmp(buf + n - 3, "级", 3) == 0)
		buf[n -= 3] = '\0'; /* 总监级, 经理级: director level, manager level */
	return n;
}

/*
 * Does the folded s[0..n) name a company by the legal form it ends in
 * ("Acme Corp", "Müller GmbH", "Acme (China) Co., Ltd.", 某某有限公司, 某某集团)?
 * A Latin form needs a name before it (", AG" alone says nothing); 公司
 * without a legal form (华东公司, 销售公司, 分公司, 子公司) is as often a unit. Bare "SA" and "SE" are left out: as often
 * South Africa or America and South-East as a form.
 */
static bool company_name(const char *s, size_t n)
{
	static const char *const latin[] = {
	    " corp", " corporation", " inc", " incorporated", " ltd", " limited", " gmbh", " ag",
	    " co", " company", " llc", " plc", " kg", " pty", " pte", " bhd", " bv", " b v", " nv",
	    " n v", " s a", " spa", " s p a", " srl", " s r l", " sarl", " sas", " s a s", " kk",
	    " k k", " ab", " oy", NULL};
	/* 公司 alone is as often a unit (华东公司, 销售公司): a legal form only. */
	static const char *const han[] = {"有限公司", "股份公司", "集团公司", "集团", "会社", NULL};
	const char *const *f;
	size_t k, i;

	while (n > 0 && strchr(" ,:)", s[n - 1]) != NULL)
		n--;
	if (n >= 3 && memcmp(s + n - 3, "）", 3) == 0)
		n -= 3;
	for (f = latin; *f != NULL; f++)
		if ((k = strlen(*f)) < n && memcmp(s + n - k, *f, k) == 0)
			for (i = 0; i + k < n; i++)
				if (word_byte((unsigned char)s[i]))
					return true;
	for (f = han; *f != NULL; f++)
		if ((k = strlen(*f)) <= n && memcmp(s + n - k, *f, k) == 0)
			return true;
	return false;
}

/* A general manager's words that keep the company's ("Deputy GM", 常务副总经理). */
static const char *const gm_company[] = {"deputy", "vice", "acting", "interim", "executive",
                                         "senior", "sr", "group", "副",  "常务副", "常务",
                                         "执行",   "代理", "见过", "已见",   "接触过",
                                         "已接触", "拜访过", NULL};

/* rest[0..r) before a general manager is a company named, alone or with one
 * of gm_company after it: 某某有限公司, 集团副, 某某集团常务副. */
static bool of_company(const char *rest, size_t r)
{
	const char *const *c;
	size_t k;

	if (company_name(rest, r))
		return true;
	for (c = gm_company; *c != NULL; c++)
		if ((k = strlen(*c)) < r && memcmp(rest + r - k, *c, k) == 0 &&
		    company_name(rest, r - k))
			return true;
	return false;
}

/*
 * A general manager (GM, 总经理; w, matched in the folded title s[0..n)) heads
 * the company only unqualified, or as its deputy, acting, senior or group head
 * (副总经理, Deputy GM, Senior GM, Group GM), or named with the company's name
 * ("General Manager, Acme Corp", 某某有限公司总经理, 集团总经理): 4. Of a plant,
 * region, function or business unit ("Plant GM", "General Manager, Sales",
 * 区域总经理) a unit's head: 3, unless the rest of the head is an executive
 * title of its own ("President & GM", 董事兼总经理), or "Executive" (the
 * executive team's member, whatever the portfolio: "Executive General
 * Manager, Retail", as "EVP Sales"). After the head only "(acting)",
 * "(interim)" or 分管 (副总经理（分管销售）: the company's deputy in charge of
 * sales) keep it the company's.
 */
static int unit_head(const char *s, size_t n, const vocab *w)
{
	static const char *const joins[] = {" and", " und", " et", "兼", "及", NULL};
	const char *const *c;
	const vocab *other;
	size_t h = head_len(s, n), k = strlen(w->w), r = h - k;
	const char *rest = s;
	bool bare;

	if (memcmp(s + r, w->w, k) != 0) /* "GM Sales": the rest follows */
		rest = s + k + 1, r = h > k ? h - k - 1 : 0;
	while (r > 0 && rest[r - 1] == ' ')
		r--;
	for (c = joins; *c != NULL; c++)
		if (strlen(*c) <= r && memcmp(rest + r - strlen(*c), *c, strlen(*c)) == 0)
			r -= strlen(*c);
	if (r == 9 && memcmp(rest, "executive", 9) == 0)
		return 4;
	/* bare: nothing after the head but who holds it, what it oversees, or
	 * the company's name */
	bare = h == n || holds(s + h, n - h, "acting") || holds(s + h, n - h, "interim") ||
	       holds(s + h, n - h, "分管") || company_name(s + h, n - h);
	for (c = gm_company; *c != NULL && bare; c++)
		if (r == strlen(*c) && memcmp(rest, *c, r) == 0)
			return 4;
	if (r == 0 || (bare && of_company(rest, r)))
		return bare ? 4 : 3;
	other = lookup(rest, r, 'l');
	return other != NULL && !(other->how & W_UNIT) && other->v > 3 ? other->v : 3;
}

static rs_parse one_level(const char *s, size_t n, int *out)
{
	char buf[128];
	const vocab *w;

	if ((n = fold_title(s, n, buf)) >= sizeof buf)
		return RS_PARSE_BAD;
	if (former_title(buf, n) || unclear_title(buf, n))
		return RS_PARSE_BAD;
	if (chief_title(buf, n) == 4)
		return *out = 4, RS_PARSE_OK;
	if ((w = lookup(buf, n, 'l')) == NULL)
		return RS_PARSE_BAD;
	return *out = w->how & W_UNIT ? unit_head(buf, n, w) : w->v, RS_PARSE_OK;
}

/* Does s[0..n) start with the lowercase ASCII w, in any case? */
static bool starts_ci(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i < k; i++)
		if (i >= n || (s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) != w[i])
			return false;
	return true;
}

/* The length of the list separator at s[0..n), or 0: a list's mark, or a
 * word joining two titles one person holds (" & ", " and ", 兼). */
static size_t list_sep(const char *s, size_t n)
{
	static const char *const seps[] = {",",  ";",      "|",      "/",     "\n",   "、",
	                                   "，", "；",     "兼",     " & ",   " + ",  " and ",
	                                   " und ", " et ", NULL};
	const char *const *p;

	if (strchr(",;|/\n \xE3\xE5\xEF", s[0]) == NULL || s[0] == '\0') /* most bytes are none */
		return 0;
	for (p = seps; *p != NULL; p++)
		if (starts_ci(s, n, *p))
			return strlen(*p);
	return 0;
}

/* Does s[0..n) hold " to " (in any case)? */
static bool holds_to(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (starts_ci(s + i, n - i, " to "))
			return true;
	return false;
}

/* s[0..n) into out (n bytes) with its full-width forms as the ASCII they
 * stand for (rs_value_fullwidth), so that lists split alike; its length. */
static size_t narrow_full_width(const char *s, size_t n, char *out)
{
	size_t i, o = 0;
	unsigned char a;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xE3 &&
		    (a = rs_value_fullwidth((const unsigned char *)s + i, n - i)) != 0) {
			out[o++] = (char)a;
			i += 2;
		} else {
			out[o++] = s[i];
		}
	return o;
}

/*
 * A list of levels, as a multi-select cell or a person writes them
 * ("员工,经理,高层", "Manager / Director"), or the titles one person holds
 * ("CFO & Company Secretary", "Owner and Buyer", 总经理兼采购经理), is the
 * highest of them when every item reads as a level; else the cell is one
 * title, read by its head ("Director, Procurement", "Sales & Marketing
 * Director"). After " to " the rest is whose title it is ("Assistant to
 * the CEO and CFO"), no other item. An item whose level the title does not
 * tell (unclear[]: "MD & CEO", "Owner & Head Chef") is at most an
 * executive's, so beside an executive the cell is executive; else refused.
 */
/* Why the title s[0..n) tells no level, or NULL. */
static const char *unclear_one(const char *s, size_t n)
{
	char buf[128];

	rs_value_trim(&s, &n);
	return (n = fold_title(s, n, buf)) < sizeof buf ? unclear_title(buf, n) : NULL;
}

/* The whole cell's reason, else the first listed title's that has one
 * ("Buyer & MD" says what MD may mean, as "MD & Buyer" does). */
const char *rs_value_level_unclear(const char *s, size_t n)
{
	const char *why = unclear_one(s, n);
	size_t i, k, start = 0;

	for (i = 0; why == NULL && i < n; i++) {
		if ((k = list_sep(s + i, n - i)) == 0 || holds_to(s + start, i - start))
			continue;
		why = unclear_one(s + start, i - start);
		start = i + k;
		i = start - 1;
	}
	return why != NULL || start == 0 ? why : unclear_one(s + start, n - start);
}

rs_parse rs_value_level_slow(const char *s, size_t n, int *out)
{
	size_t i, start = 0, k, items = 0, len;
	int best = 0, v;
	bool unclear_item = false;
	const char *item;
	char narrow[256];

	if (n <= sizeof narrow) { /* "ＣＦＯ　＆　ＣＯＯ" is a list as "CFO & COO" is */
		n = narrow_full_width(s, n, narrow);
		s = narrow;
	}
	for (i = 0;; i++) {
		k = i < n ? list_sep(s + i, n - i) : 0;
		if (i < n && (k == 0 || holds_to(s + start, i - start)))
			continue;
		item = s + start;
		len = i - start;
		rs_value_trim(&item, &len);
		if (len > 0 && one_level(item, len, &v) != RS_PARSE_OK) {
			if (rs_value_level_unclear(item, len) == NULL)
				return one_level(s, n, out);
			unclear_item = true; /* "经理,主任": refused, "CEO,主任" executive */
		} else if (len > 0) { /* an empty item is none */
			best = v > best ? v : best;
			items++;
		}
		if (i == n)
			break;
		start = i + k;
		i = start - 1;
	}
	if (unclear_item)
		return best == 4 ? (*out = 4, RS_PARSE_OK) : RS_PARSE_BAD;
	if (items < 2)
		return one_level(s, n, out);
	return *out = best, RS_PARSE_OK;
}

rs_parse rs_parse_level(const char *s, size_t n, int *out)
{
	int k;

	rs_value_trim(&s, &n);
	if (n == 0)
		return RS_PARSE_EMPTY;
	/* The words as most exports write them, without folding. */
	if ((k = rs_value_fastlevel(s, n)) > 0)
		return *out = k, RS_PARSE_OK;
	return rs_value_level_slow(s, n, out);
}
