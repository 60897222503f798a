/*
 * cli_msg.c - the front end's messages on stderr, "relstage: ..." (OpenBSD's
 * warnx), shared by main.c and cli_run.c so neither calls into the other.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

rs_lang cli_lang; /* the front end's one setting outside main's options: main sets it first */

/* The command line's own messages, English and Chinese side by side; both
 * formats of a row take the same arguments (test_cli_msg checks). Options,
 * values and file names stay as given. */
const char *const cli_msgs[][RS_LANG_COUNT] = {
    {"; see relstage --help", "；用法见 relstage --help"},
    {"unknown option %s", "未知选项 %s"},
    {"unknown option -%s", "未知选项 -%s"},
    {"option %s needs a value", "选项 %s 需要一个值"},
    {"option -%s needs a value", "选项 -%s 需要一个值"},
    {"invalid option", "无效选项"},
    {"--from takes csv, tsv, json, jsonl or xlsx, not \"%s\"",
     "--from 的值应为 csv、tsv、json、jsonl 或 xlsx，而不是 \"%s\""},
    {"--to takes csv, tsv, json, jsonl, table or xlsx, not \"%s\"",
     "--to 的值应为 csv、tsv、json、jsonl、table 或 xlsx，而不是 \"%s\""},
    {"--delimiter takes , ; | or tab, not \"%s\"", "--delimiter 的值应为 , ; | 或 tab，而不是 \"%s\""},
    {"--headers takes en or zh, not \"%s\"", "--headers 的值应为 en 或 zh，而不是 \"%s\""},
    {"--lang takes en or zh, not \"%s\"", "--lang 的值应为 en 或 zh，而不是 \"%s\""},
    {"--excel takes no value or =eu, not \"%s\"", "--excel 不带值或写作 --excel=eu，而不是 \"%s\""},
    {"--max-field takes a number of bytes, not \"%s\"", "--max-field 的值应为字节数，而不是 \"%s\""},
    {"--max-columns takes a number, not \"%s\"", "--max-columns 的值应为数字，而不是 \"%s\""},
    {"--decimal-mark takes . or , not \"%s\"", "--decimal-mark 的值应为 . 或 ,，而不是 \"%s\""},
    {"--share-scale takes percent or fraction, not \"%s\"",
     "--share-scale 的值应为 percent 或 fraction，而不是 \"%s\""},
    {"--ignore takes a column's name, not \"%s\"", "--ignore 的值应为列名，而不是 \"%s\""},
    {"--header-row takes the header's line number, not \"%s\"",
     "--header-row 的值应为表头所在的行号，而不是 \"%s\""},
    {"--prefix takes a word to put before the appended columns' names, not \"%s\"",
     "--prefix 的值应为加在追加列列名前的词，而不是 \"%s\""},
    {"--max-rejects takes a number of rows or a percentage (5%%), not \"%s\"",
     "--max-rejects 的值应为行数或百分比（如 5%%），而不是 \"%s\""},
    {"--decimal-comma and --excel=eu are for csv, tsv and table output",
     "--decimal-comma 和 --excel=eu 只适用于 csv、tsv 和 table 输出"},
    {"RELSTAGE_TODAY=%s is not a date (YYYY-MM-DD)", "RELSTAGE_TODAY=%s 不是日期（应为 YYYY-MM-DD）"},
    {"%s takes no argument (a file of that name is read as ./NAME)",
     "%s 不带参数（同名文件请写成 ./NAME 读取）"},
    {"validate takes one rules file", "validate 只接受一个规则文件"},
    {"inspect writes nothing but its report: -o, --rejects, --summary, --summary-json and "
     "--previous are for a run; see relstage --help",
     "inspect 只输出报告，不写任何文件：-o、--rejects、--summary、--summary-json 和 --previous "
     "用于分类运行；用法见 relstage --help"},
    {"inspect writes text, or JSON with --to json; see relstage --help",
     "inspect 输出文本，或用 --to json 输出 JSON；用法见 relstage --help"},
    {"-o %s: relstage writes .xlsx workbooks, without macros; name the file .xlsx",
     "-o %s: relstage 只写不含宏的 .xlsx 工作簿；请把文件扩展名改为 .xlsx"},
    {"-o %s: the name says %s, but --to %s writes %s; drop --to (the name then picks the "
     "format) or rename the file",
     "-o %s: 文件名表明是%s，但 --to %s 写出的是%s；请去掉 --to（由文件名决定格式），或给文件改名"},
    {"--rejects %s: the rejects file is CSV, but the name says %s; name it .csv%s",
     "--rejects %s: 拒绝行文件是 CSV，但文件名表明是%s；请命名为 .csv%s"},
    {" (a workbook has the rejects on its Rejects sheet)", "（工作簿的拒绝行在其 Rejects 工作表中）"},
    {"an .xlsx workbook", " .xlsx 工作簿"},
    {"JSON", " JSON"},
    {"text", "文本"},
    {"--to xlsx writes a binary workbook: give -o FILE or redirect standard output",
     "--to xlsx 写出的是二进制工作簿：请用 -o FILE 指定文件，或重定向标准输出"},
    {"%s and %s name the same file (%s); give each its own", "%s 和 %s 指向同一个文件（%s）；请各用各的文件"},
    {"%s: named twice as an input (also as %s); name each file once",
     "%s: 作为输入给了两次（另一次为 %s）；每个文件只写一次"},
    {"%s: cannot open: %s", "%s: 无法打开：%s"},
    {"rules file larger than 64 MiB", "规则文件超过 64 MiB"},
    {"%s: the decision table has errors (relstage validate %s lists them all)",
     "%s: 决策表有错误（relstage validate %s 会全部列出）"},
    {"<stdout>: write failed: %s", "<stdout>: 写入失败：%s"},
    {"interrupted by signal %d", "被信号 %d 中断"},
    {"interrupted by signal %d; outputs left unchanged", "被信号 %d 中断；输出文件未改动"},
    {"interrupted by signal %d; no output file was replaced", "被信号 %d 中断；没有替换任何输出文件"},
    {"signal %d came after the run had finished; its outputs were written",
     "信号 %d 在运行结束后才到达；输出文件已写好"},
    {"out of memory", "内存不足"},
    {" (first file: %s)", "（第一个文件：%s）"},
    {"%s: %zu error%s and %zu warning%s in the decision table",
     "%s: 决策表中有 %zu 个错误%.0s、%zu 个警告%.0s"},
};

const size_t cli_nmsgs = sizeof cli_msgs / sizeof cli_msgs[0];

const char *cli_tr(const char *en)
{
	size_t i;

	for (i = 0; cli_lang != RS_LANG_EN && i < cli_nmsgs; i++)
		if (strcmp(cli_msgs[i][RS_LANG_EN], en) == 0)
			return cli_msgs[i][cli_lang];
	return en;
}

void cli_error_init(rs_error *e)
{
	memset(e, 0, sizeof *e);
	e->lang = cli_lang;
}

/* One line, written whole (lines from runs sharing a log never interleave)
 * and never cut: a path can be long. */
void cli_vwarn(const char *tail, const char *fmt, va_list ap)
{
	char small[1024], *msg = small;
	va_list again;
	int n;

	fmt = cli_tr(fmt);
	tail = cli_tr(tail);
	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1)) != NULL)
		(void)vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	fprintf(stderr, "relstage: %s%s\n", msg != NULL ? msg : small, tail);
	if (msg != small)
		free(msg);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vwarn("", fmt, ap);
	va_end(ap);
}

void cli_error(const rs_error *e)
{
	size_t n = rs_error_format(e, NULL, 0);
	char *msg = malloc(n + 1);

	if (msg != NULL)
		(void)rs_error_format(e, msg, n + 1);
	fprintf(stderr, "relstage: %s\n", msg != NULL ? msg : e->msg);
	free(msg);
}
