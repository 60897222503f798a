/*
 * summary.c - the run summary: counts, accounts per stage, and with
 * --previous the movements and the transition matrix; as text for a person
 * (English or Chinese, columns aligned by display width) or as JSON for
 * monitoring. Not on the hot path: runs once per run.
 */
#include <stdio.h>
#include <string.h>

#include "classify_impl.h"
#include "previous_impl.h"

/* The state of a walk over the previous run's missing accounts. */
typedef struct text_ctx {
	rs_buf *out;
	const rs_rules *rules;
	size_t shown;
	bool first;
} text_ctx;

const char *const rs_summary_words[RS_SW_COUNT][RS_LANG_COUNT] = {
	{"rows read", "读取行数"},       {"classified", "已分类"},
	{"rejected", "已拒绝"},          {"stage", "阶段"},
	{"accounts", "客户数"},          {"share", "占比"},
	{"compared with the previous run", "与上次运行相比"},
	{"up", "升级"},                  {"down", "降级"},
	{"same", "不变"},                {"new", "新增"},
	{"vanished", "消失"},            {"previous \\ now", "上次 \\ 本次"},
	{"vanished accounts", "消失的客户"}, {"and %lu more", "另有 %lu 个"},
	{"skipped", "已跳过"},            {"rejected accounts", "被拒绝的客户"},
	{"title rows", "标题行"},         {"blank rows", "空行"},
	{"totals rows", "合计行"},        {"footer rows", "页脚行"},
	/* the workbook's (write_xlsx.c) */
	{"Accounts", "客户"}, {"Summary", "汇总"}, {"Rejects", "拒绝行"},
	{"relstage run summary", "relstage 运行汇总"}, {"rules", "规则"},
	{"built-in rules", "内置规则"}, {"run date", "运行时间"}, {"label", "名称"},
	{"Accounts per stage", "各阶段客户数"},
	{"Movements since the previous run", "与上次运行相比的变化"},
	{"more rows than a sheet holds; continued on sheets", "行数超过一张工作表的上限，续接于工作表"},
};
/* A title's colon and line end: full width in Chinese text. */
static const char *const colon[RS_LANG_COUNT] = {":\n", "：\n"};

/* Appends s padded with spaces to `width` display columns. */
static void pad(rs_buf *b, const char *s, size_t width, bool right)
{
	size_t w = rs_display_width(s, strlen(s));
	int n = w < width ? (int)(width - w) : 0;

	rs_buf_printf(b, "%*s%s%*s", right ? n : 0, "", s, right ? 0 : n, "");
}

/* Appends a number (and suffix) right-aligned in `width` columns. */
static void pad_num(rs_buf *b, double v, int decimals, const char *suffix, size_t width)
{
	rs_buf t;

	rs_buf_init(&t);
	(void)rs_buf_put_num(&t, v, decimals);
	(void)rs_buf_puts(&t, suffix);
	if (t.failed)
		b->failed = true;
	else
		pad(b, t.data, width, true);
	rs_buf_free(&t);
}

static double pct(unsigned long part, unsigned long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static void count_line(rs_buf *b, const char *label, unsigned long v)
{
	rs_buf_puts(b, "  ");
	pad(b, label, 28, false);
	pad_num(b, (double)v, 0, "", 10);
	rs_buf_putc(b, '\n');
}

static void vanished_text(void *ctx, const char *id, size_t stage)
{
	text_ctx *t = ctx;

	if (t->shown++ >= 20)
		return;
	rs_buf_printf(t->out, "    %s (%s)\n", id, rs_rules_stage_id(t->rules, stage));
}

static void matrix_text(const rs_stats *s, const rs_rules *r, rs_lang lang, rs_buf *b)
{
	size_t n = rs_rules_stage_count(r), i, k, w = 14;

	for (i = 0; i < n; i++)
		if (strlen(rs_rules_stage_id(r, i)) + 2 > w)
			w = strlen(rs_rules_stage_id(r, i)) + 2;
	rs_buf_puts(b, "  ");
	pad(b, rs_summary_words[RS_SW_MATRIX][lang], w, false);
	for (k = 0; k < n; k++)
		pad(b, rs_rules_stage_id(r, k), w, true);
	pad(b, rs_summary_words[RS_SW_VANISHED][lang], w, true);
	rs_buf_putc(b, '\n');
	for (i = 0; i < n; i++) {
		rs_buf_puts(b, "  ");
		pad(b, rs_rules_stage_id(r, i), w, false);
		for (k = 0; k < n; k++)
			pad_num(b, (double)s->transition[i][k], 0, "", w);
		pad_num(b, (double)s->vanished_per_stage[i], 0, "", w);
		rs_buf_putc(b, '\n');
	}
}

/* Rows skipped (not accounts), by kind: only when there were any. */
static void skipped_text(const rs_stats *s, rs_lang lang, rs_buf *b)
{
	unsigned long n = 0;
	int k;

	for (k = 0; k < RS_SKIP_COUNT; k++)
		n += s->skipped[k];
	if (n == 0)
		return;
	count_line(b, rs_summary_words[RS_SW_SKIPPED][lang], n);
	for (k = 0; k < RS_SKIP_COUNT; k++)
		if (s->skipped[k] > 0) {
			char label[64];
			(void)snprintf(label, sizeof label, "  %s",
			               rs_summary_words[RS_SW_SKIP_KIND + k][lang]);
			count_line(b, label, s->skipped[k]);
		}
}

/* The previous run's accounts that this run rejected or that vanished,
 * under their title, at most 20 shown; how many there were. */
static size_t list_text(const rs_previous *prev, bool rejected, int title, rs_lang lang,
                        const rs_rules *r, rs_buf *b)
{
	text_ctx t = {b, r, 0, true};

	rs_buf_printf(b, "  %s%s", rs_summary_words[title][lang], colon[lang]);
	rs_previous_each(prev, rejected, vanished_text, &t);
	return t.shown;
}

bool rs_summary_text(const rs_stats *s, const rs_rules *r, const rs_previous *prev, rs_lang lang,
                     rs_buf *b)
{
	size_t i, n = rs_rules_stage_count(r), shown;

	count_line(b, rs_summary_words[RS_SW_READ][lang], s->read);
	count_line(b, rs_summary_words[RS_SW_CLASSIFIED][lang], s->classified);
	count_line(b, rs_summary_words[RS_SW_REJECTED][lang], s->rejected);
	skipped_text(s, lang, b);
	rs_buf_puts(b, "  ");
	pad(b, rs_summary_words[RS_SW_STAGE][lang], 28, false);
	pad(b, rs_summary_words[RS_SW_ACCOUNTS][lang], 10, true);
	pad(b, rs_summary_words[RS_SW_SHARE][lang], 8, true);
	rs_buf_putc(b, '\n');
	for (i = 0; i < n; i++) {
		rs_buf_puts(b, "  ");
		pad(b, rs_rules_stage_label(r, i, lang), 28, false);
		pad_num(b, (double)s->per_stage[i], 0, "", 10);
		pad_num(b, pct(s->per_stage[i], s->classified), 1, "%", 8);
		rs_buf_putc(b, '\n');
	}
	if (s->with_previous) {
		rs_buf_printf(b, "  %s%s", rs_summary_words[RS_SW_PREV][lang], colon[lang]);
		count_line(b, rs_summary_words[RS_SW_UP][lang], s->up);
		count_line(b, rs_summary_words[RS_SW_DOWN][lang], s->down);
		count_line(b, rs_summary_words[RS_SW_SAME][lang], s->same);
		count_line(b, rs_summary_words[RS_SW_NEW][lang], s->added);
		count_line(b, rs_summary_words[RS_SW_VANISHED][lang], s->vanished);
		/* accounts this run rejected: counted, listed like the vanished */
		if (s->prev_rejected > 0)
			count_line(b, rs_summary_words[RS_SW_REJECTED][lang], s->prev_rejected);
		if (s->prev_rejected > 0 && prev != NULL)
			(void)list_text(prev, true, RS_SW_REJECTED_LIST, lang, r, b);
		matrix_text(s, r, lang, b);
		if (prev != NULL && s->vanished > 0 &&
		    (shown = list_text(prev, false, RS_SW_VANISHED_LIST, lang, r, b)) > 20) {
			rs_buf_puts(b, "    ");
			rs_buf_printf(b, rs_summary_words[RS_SW_MORE][lang],
			              (unsigned long)(shown - 20));
			rs_buf_putc(b, '\n');
		}
	}
	return !b->failed;
}

static void json_kv(rs_buf *b, const char *k, unsigned long v, bool comma)
{
	rs_buf_json_str(b, k);
	rs_buf_putc(b, ':');
	rs_buf_put_ulong(b, v);
	if (comma)
		rs_buf_putc(b, ',');
}

static void vanished_json(void *ctx, const char *id, size_t stage)
{
	text_ctx *t = ctx;

	if (!t->first)
		rs_buf_putc(t->out, ',');
	t->first = false;
	rs_buf_puts(t->out, "{\"id\":");
	rs_buf_json_str(t->out, id);
	rs_buf_puts(t->out, ",\"stage\":");
	rs_buf_json_str(t->out, rs_rules_stage_id(t->rules, stage));
	rs_buf_putc(t->out, '}');
}

static void previous_json(const rs_stats *s, const rs_rules *r, const rs_previous *prev, rs_buf *b)
{
	size_t i, k, n = rs_rules_stage_count(r);
	text_ctx t = {b, r, 0, true};

	rs_buf_puts(b, ",\"previous\":{");
	json_kv(b, "up", s->up, true);
	json_kv(b, "down", s->down, true);
	json_kv(b, "same", s->same, true);
	json_kv(b, "new", s->added, true);
	json_kv(b, "vanished", s->vanished, true);
	json_kv(b, "rejected", s->prev_rejected, true);
	rs_buf_puts(b, "\"transitions\":{");
	for (i = 0; i < n; i++) {
		rs_buf_json_str(b, rs_rules_stage_id(r, i));
		rs_buf_puts(b, ":{");
		for (k = 0; k < n; k++)
			json_kv(b, rs_rules_stage_id(r, k), s->transition[i][k], k + 1 < n);
		rs_buf_puts(b, i + 1 < n ? "}," : "}");
	}
	rs_buf_puts(b, "},\"vanished_accounts\":[");
	if (prev != NULL)
		rs_previous_each(prev, false, vanished_json, &t);
	rs_buf_puts(b, "],\"rejected_accounts\":[");
	t.first = true;
	if (prev != NULL)
		rs_previous_each(prev, true, vanished_json, &t);
	rs_buf_puts(b, "]}");
}

bool rs_summary_json(const rs_stats *s, const rs_rules *r, const rs_previous *prev,
                     const rs_classifier *c, rs_buf *b)
{
	size_t i, n = rs_rules_stage_count(r);

	rs_buf_puts(b, "{\"relstage\":\"" RS_VERSION "\",");
	json_kv(b, "rows_read", s->read, true);
	json_kv(b, "classified", s->classified, true);
	json_kv(b, "rejected", s->rejected, true);
	rs_buf_puts(b, "\"skipped\":{");
	for (i = 0; i < RS_SKIP_COUNT; i++)
		json_kv(b, rs_skip_name((int)i), s->skipped[i], i + 1 < RS_SKIP_COUNT);
	rs_buf_puts(b, "},\"stages\":{");
	for (i = 0; i < n; i++) {
		rs_buf_json_str(b, rs_rules_stage_id(r, i));
		rs_buf_puts(b, ":{");
		json_kv(b, "count", s->per_stage[i], true);
		rs_buf_puts(b, "\"share_pct\":");
		rs_buf_put_num(b, pct(s->per_stage[i], s->classified), 2);
		rs_buf_puts(b, i + 1 < n ? "}," : "}");
	}
	rs_buf_putc(b, '}');
	if (s->with_previous)
		previous_json(s, r, prev, b);
	if (c != NULL) { /* how the columns were read, and what was said */
		rs_buf_puts(b, ",\"fields\":");
		rs_inspect_fields_json(c, b);
		rs_buf_puts(b, ",\"notes\":");
		rs_inspect_notes_json(c, b);
	}
	rs_buf_puts(b, "}\n");
	return !b->failed;
}

bool rs_classifier_summary(rs_classifier *c, bool json, rs_lang lang, rs_buf *out)
{
	const rs_stats *s = rs_classifier_stats(c);

	return json ? rs_summary_json(s, c->rules, c->o.previous, c, out)
	            : rs_summary_text(s, c->rules, c->o.previous, lang, out);
}
