/*
 * format.c - names of input/output formats, languages and the columns the
 * classifier appends, shared by the readers, the writers, --previous and
 * the front end.
 */
#include <string.h>
#include <strings.h>

#include "internal.h"

const char *const rs_col_names[RS_LANG_COUNT][COL_MAX] = {
	{"stage", "stage_label", "share_pct", "contact_score", "cooperation_score", "next_stage",
	 "share_gap", "flags", "actions", "relationship_type", "relationship_label", "bonds",
	 "needs", "alliance_model", "explain", "previous_stage", "transition"},
	{"阶段", "阶段名称", "采购份额百分比", "接触深度得分", "合作得分", "下一阶段",
	 "份额差距", "标记", "建议行动", "关系类型", "关系类型名称", "关系纽带",
	 "晋级条件", "联盟模式", "评分说明", "上次阶段", "阶段变化"},
};
const char *const rs_level_names[4] = {"staff", "manager", "director", "executive"};
static const char *const fmt_names[] = {"auto", "csv", "tsv", "json", "jsonl", "table", "xlsx"};

bool rs_format_parse(const char *name, rs_format *out)
{
	size_t i;

	for (i = 0; i < sizeof fmt_names / sizeof fmt_names[0]; i++) {
		if (strcasecmp(name, fmt_names[i]) == 0) {
			*out = (rs_format)i;
			return true;
		}
	}
	if (strcasecmp(name, "ndjson") == 0) {
		*out = RS_FMT_JSONL;
		return true;
	}
	return false;
}

rs_format rs_format_of_path(const char *name)
{
	static const struct {
		const char *ext;
		rs_format f;
	} exts[] = {
		{".csv", RS_FMT_CSV},    {".txt", RS_FMT_CSV},
		{".tsv", RS_FMT_TSV},    {".tab", RS_FMT_TSV},
		{".json", RS_FMT_JSON},  {".jsonl", RS_FMT_JSONL},
		{".ndjson", RS_FMT_JSONL}, {".xlsx", RS_FMT_XLSX},
		{".xlsm", RS_FMT_XLSX},
	};
	const char *slash, *dot;
	size_t i;

	if (name == NULL)
		return RS_FMT_AUTO;
	slash = strrchr(name, '/');
	dot = strrchr(slash ? slash : name, '.');
	if (dot == NULL)
		return RS_FMT_AUTO;
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot, exts[i].ext) == 0)
			return exts[i].f;
	return RS_FMT_AUTO;
}

const char *rs_format_name(rs_format f)
{
	size_t i = (size_t)f;

	return i < sizeof fmt_names / sizeof fmt_names[0] ? fmt_names[i] : "?";
}

/* "en", "zh", or a locale name that starts with one: "zh_CN.UTF-8", "en-GB". */
bool rs_lang_parse(const char *name, rs_lang *out)
{
	static const char *const langs[RS_LANG_COUNT] = {"en", "zh"};
	int i;

	for (i = 0; i < RS_LANG_COUNT; i++)
		if (strncasecmp(name, langs[i], 2) == 0 &&
		    (name[2] == '\0' || name[2] == '_' || name[2] == '-' || name[2] == '.')) {
			*out = (rs_lang)i;
			return true;
		}
	return false;
}
