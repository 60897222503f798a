/*
 * hans.c - traditional Chinese characters read as their simplified forms,
 * so that a Taiwan or Hong Kong export's 客戶編號, 總經理 or 合計 matches
 * the simplified words relstage knows (客户编号, 总经理, 合计). The word lists
 * hold simplified forms only; a test checks that each is one already.
 *
 * The table holds every traditional character whose simplified form is in
 * those word lists (fields.c, fields_words.c, words.c, header.c), taken from
 * OpenCC's TSCharacters.txt, plus those of the Taiwan words 联络人, 专案,
 * 资讯, 代号 and 年资, of Taiwan's C-level titles (执行长, 财务长, 营运长,
 * 技术长) and of cooperation options (战略合作伙伴, 数据交换). A character not in it stays as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "fields_impl.h"

/* Sorted by the traditional form's UTF-8 bytes (its code point). */
static const char pairs[][2][4] = {
	{"佔", "占"}, {"來", "来"}, {"係", "系"}, {"個", "个"}, {"備", "备"}, {"傢", "家"},
	{"價", "价"}, {"億", "亿"}, {"優", "优"}, {"凍", "冻"}, {"別", "别"}, {"創", "创"},
	{"劃", "划"}, {"務", "务"}, {"協", "协"}, {"厤", "历"}, {"參", "参"}, {"員", "员"},
	{"單", "单"}, {"噹", "当"}, {"嚮", "向"}, {"埰", "采"}, {"執", "执"}, {"場", "场"}, {"夥", "伙"}, {"寀", "采"}, {"實", "实"},
	{"專", "专"}, {"對", "对"}, {"導", "导"}, {"層", "层"}, {"師", "师"}, {"廠", "厂"},
	{"廢", "废"}, {"張", "张"}, {"彆", "别"}, {"應", "应"}, {"戰", "战"}, {"戶", "户"},
	{"採", "采"}, {"換", "换"}, {"擔", "担"}, {"據", "据"}, {"數", "数"}, {"時", "时"}, {"暫", "暂"},
	{"曆", "历"}, {"曏", "向"}, {"會", "会"}, {"棄", "弃"}, {"業", "业"}, {"標", "标"},
	{"權", "权"}, {"歷", "历"}, {"決", "决"}, {"沒", "没"}, {"測", "测"}, {"潛", "潜"},
	{"無", "无"}, {"營", "营"}, {"爭", "争"}, {"獨", "独"}, {"當", "当"}, {"發", "发"},
	{"監", "监"}, {"碼", "码"}, {"稅", "税"}, {"稱", "称"}, {"競", "竞"}, {"箇", "个"},
	{"簡", "简"}, {"簽", "签"}, {"籤", "签"}, {"約", "约"}, {"級", "级"}, {"終", "终"},
	{"組", "组"}, {"結", "结"}, {"絡", "络"}, {"經", "经"}, {"編", "编"}, {"總", "总"},
	{"績", "绩"}, {"織", "织"}, {"繫", "系"}, {"聯", "联"}, {"職", "职"}, {"萬", "万"},
	{"蓋", "盖"}, {"蔘", "参"}, {"處", "处"}, {"號", "号"}, {"術", "术"}, {"衕", "同"}, {"製", "制"}, {"觸", "触"},
	{"訂", "订"}, {"計", "计"}, {"訊", "讯"}, {"訪", "访"}, {"註", "注"}, {"話", "话"},
	{"說", "说"}, {"説", "说"}, {"調", "调"}, {"談", "谈"}, {"議", "议"}, {"變", "变"},
	{"負", "负"}, {"財", "财"}, {"貨", "货"}, {"責", "责"}, {"資", "资"}, {"購", "购"}, {"辦", "办"}, {"運", "运"}, {"過", "过"}, {"選", "选"},
	{"郵", "邮"}, {"銀", "银"}, {"銷", "销"}, {"錶", "表"}, {"鍵", "键"}, {"長", "长"},
	{"門", "门"}, {"閉", "闭"}, {"開", "开"}, {"間", "间"}, {"閤", "合"}, {"闆", "板"},
	{"關", "关"}, {"際", "际"}, {"險", "险"}, {"離", "离"}, {"電", "电"}, {"韆", "千"}, {"頁", "页"},
	{"項", "项"}, {"預", "预"}, {"領", "领"}, {"頻", "频"}, {"額", "额"}, {"顧", "顾"}, {"風", "风"},
	{"髮", "发"}, {"麪", "面"}, {"麫", "面"}, {"麵", "面"}, {"點", "点"},
};

#define NPAIRS (sizeof pairs / sizeof pairs[0])

/* bsearch's order of a character (its 3 bytes) and a pair's traditional form. */
static int pair_cmp(const void *key, const void *pair)
{
	return memcmp(key, pair, 3);
}

const char *rs_hans_simplified(const char *s)
{
	const char(*p)[4] = bsearch(s, pairs, NPAIRS, sizeof pairs[0], pair_cmp);

	return p != NULL ? p[1] : NULL; /* p[0] the traditional form, p[1] the simplified */
}
