/*
 * format.c - names of input/output formats and languages, shared by the
 * readers, the writers and the front end.
 */
#include <string.h>
#include <strings.h>

#include "internal.h"

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

const char *rs_format_name(rs_format f)
{
	size_t i = (size_t)f;

	return i < sizeof fmt_names / sizeof fmt_names[0] ? fmt_names[i] : "?";
}

bool rs_lang_parse(const char *name, rs_lang *out)
{
	if (strncasecmp(name, "en", 2) == 0 && (name[2] == '\0' || name[2] == '_' || name[2] == '-' || name[2] == '.')) {
		*out = RS_LANG_EN;
		return true;
	}
	if (strncasecmp(name, "zh", 2) == 0 && (name[2] == '\0' || name[2] == '_' || name[2] == '-' || name[2] == '.')) {
		*out = RS_LANG_ZH;
		return true;
	}
	return false;
}
