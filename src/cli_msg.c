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

/* --help, English and Chinese side by side, in two parts (ISO C promises
 * string literals of 4095 bytes). Not formats: printed as they are. Option
 * names, FILE, COL and the other placeholders stay as in English. */
const char *const cli_help[2][RS_LANG_COUNT] = {
    {
        "usage: relstage [options] [FILE...]       classify accounts (no FILE or -: stdin)\n"
        "       relstage rules [-r FILE]           print the rules in force as JSON\n"
        "       relstage validate FILE             check a rules file (errors: gaps; warnings: shadowed rows)\n"
        "       relstage fields                    list the fields, their column names and words\n"
        "       relstage inspect [options] FILE... how each column is read, which rows are not\n"
        "                                          accounts, what a run would do; writes nothing\n"
        "\n"
        "Input\n"
        "  -f, --from FMT         csv, tsv, json (array), jsonl, xlsx (default: by content and extension)\n"
        "      --sheet NAME       xlsx: the sheet to read (default: the first not hidden)\n"
        "  -d, --delimiter C      , ; | or tab (default: detected)\n"
        "      --encoding NAME    auto (default: BOM, UTF-8, else GB18030, Big5, Windows-1252 or\n"
        "                         Shift_JIS by how the text reads) or utf-8, gb18030, gbk, big5,\n"
        "                         cp1252, latin1, shift_jis, utf-16\n"
        "      --decimal-mark C   . or , : 1.234 is 1.234 or 1234 in every column (default: as\n"
        "                         the column or file shows; in a ;-separated file ,; in a\n"
        "                         ,-separated file .; else relstage stops and asks)\n"
        "      --share-scale S    percent or fraction (0.85 = 85%); default: fractions when every\n"
        "                         share in the first 1000 rows is 0-1 and one is not whole\n"
        "  -m, --map FIELD=COL    take FIELD from column COL (repeatable; wins over built-in names);\n"
        "                         FIELD= takes it from no column; in JSON, COL may be a dot path\n"
        "                         to a key inside an object: owner.name\n"
        "      --json-path KEYS   JSON: the array of objects to read inside the top object (results)\n"
        "      --map-file FILE    a JSON mapping: fields, value words, cooperation options,\n"
        "                         ignore, header_row (-m wins)\n"
        "      --ignore COL       never take column COL as a field (repeatable)\n"
        "      --header-row N     the header is on line N (default: the first of the first 20\n"
        "                         rows that gives an id and a share; rows above are titles)\n"
        "      --max-field BYTES  largest cell accepted (default 1048576)\n"
        "      --max-columns N    most columns accepted (default 4096)\n"
        "Rules\n",
        "用法：relstage [选项] [FILE...]           给客户划分关系阶段（不给 FILE 或为 -：读标准输入）\n"
        "      relstage rules [-r FILE]            以 JSON 输出当前生效的规则\n"
        "      relstage validate FILE              检查规则文件（错误：决策表的漏洞；警告：被遮蔽的行）\n"
        "      relstage fields                     列出各字段及其可识别的列名和取值词\n"
        "      relstage inspect [选项] FILE...     查看各列如何读取、哪些行不是客户、运行时会怎样处理；\n"
        "                                          不写任何文件\n"
        "\n"
        "输入\n"
        "  -f, --from FMT         csv、tsv、json（数组）、jsonl、xlsx（默认：按内容和扩展名判断）\n"
        "      --sheet NAME       xlsx：要读取的工作表（默认：第一个未隐藏的工作表）\n"
        "  -d, --delimiter C      , ; | 或 tab（默认：自动识别）\n"
        "      --encoding NAME    auto（默认：先看 BOM，再试 UTF-8，否则按文本内容判断为 GB18030、\n"
        "                         Big5、Windows-1252 或 Shift_JIS），或 utf-8、gb18030、gbk、big5、\n"
        "                         cp1252、latin1、shift_jis、utf-16\n"
        "      --decimal-mark C   . 或 ,：各列中的 1.234 一律读作 1.234 或 1234（默认：按该列或\n"
        "                         文件中的写法；以 ; 分隔的文件为 ,，以 , 分隔的文件为 .；\n"
        "                         无法判断时 relstage 停下并请你指定）\n"
        "      --share-scale S    percent 或 fraction（0.85 = 85%）；默认：前 1000 行中的采购份额\n"
        "                         都在 0-1 之间且至少有一个不是整数时，按小数比例读取\n"
        "  -m, --map FIELD=COL    从列 COL 读取字段 FIELD（可重复；优先于内置列名）；\n"
        "                         FIELD= 表示该字段不取任何列；JSON 中 COL 可以是指向对象内部\n"
        "                         键的点号路径：owner.name\n"
        "      --json-path KEYS   JSON：要读取的对象数组在顶层对象中的键（如 results）\n"
        "      --map-file FILE    JSON 映射文件：fields、values（取值词）、options（合作选项）、ignore、\n"
        "                         header_row（-m 优先）\n"
        "      --ignore COL       不把列 COL 当作任何字段（可重复）\n"
        "      --header-row N     表头在第 N 行（默认：前 20 行中第一个同时给出 id 和采购份额\n"
        "                         的行；其上各行为标题行）\n"
        "      --max-field BYTES  单元格的最大字节数（默认 1048576）\n"
        "      --max-columns N    最多列数（默认 4096）\n"
        "规则\n"},
    {
        "  -r, --rules FILE       rules file instead of the embedded defaults (refused if validate finds errors)\n"
        "Output\n"
        "  -t, --to FMT           csv, tsv, json, jsonl, table, xlsx (a workbook: Accounts,\n"
        "                         Summary with charts, Rejects; needs -o or a pipe); default:\n"
        "                         what -o's extension names (.xlsx .json .jsonl .tsv), else csv\n"
        "  -o, --output FILE      write FILE atomically (only a successful run replaces it)\n"
        "      --lang en|zh       labels, actions, needs, explain language (default en, or $RELSTAGE_LANG)\n"
        "      --headers en|zh    names of the appended columns (default en: stage, share_pct, ...)\n"
        "      --explain          add an explain column: score parts, the deciding rule, the actions fired\n"
        "      --excel            CSV/TSV for Excel: UTF-8 BOM and CRLF\n"
        "      --excel=eu         the same for continental-European Excel and WPS: also\n"
        "                         ; between cells and share_pct, share_gap as 12,5\n"
        "      --decimal-comma    share_pct, share_gap as 12,5; CSV then uses ; between cells\n"
        "      --raw              do not neutralise formula-like cells (=, +, -, @)\n"
        "      --prefix P         name the appended columns P_stage, P_flags, ... (when the input\n"
        "                         has a column named like one of them)\n"
        "Batch\n"
        "      --rejects FILE     rejected rows as CSV: line, reason, original columns\n"
        "      --previous FILE    an earlier output: adds previous_stage and transition\n"
        "      --summary          counts per stage (and movements) on stderr at the end\n"
        "      --summary-json FILE  the same as JSON\n"
        "      --max-rejects N|P%  more rejected rows than N (or P% of the rows) is exit 2, and\n"
        "                         no output file is replaced\n"
        "  -q, --quiet            no progress line\n"
        "Inspect\n"
        "      --write-map FILE   write the mapping used as a --map-file to start from\n"
        "      --to json          the report as JSON\n"
        "Information\n"
        "  -h, --help             this help\n"
        "  -V, --version          version\n"
        "\n"
        "Exit status: 0 every row classified, 1 some rows rejected, 2 usage, rules or I/O error.\n",
        "  -r, --rules FILE       用规则文件代替内置的默认规则（validate 发现错误的规则文件会被拒绝）\n"
        "输出\n"
        "  -t, --to FMT           csv、tsv、json、jsonl、table、xlsx（工作簿：客户、汇总（含图表）、\n"
        "                         拒绝行三张工作表；需要 -o 或管道）；默认：按 -o 的扩展名（.xlsx\n"
        "                         .json .jsonl .tsv），否则为 csv\n"
        "  -o, --output FILE      写入 FILE，原子替换（只有运行成功才会替换原文件）\n"
        "      --lang en|zh       阶段名称、建议行动、晋级条件、评分说明及提示信息的语言\n"
        "                         （默认 en，或取 $RELSTAGE_LANG）\n"
        "      --headers en|zh    追加列的列名（默认 en：stage、share_pct 等；zh：阶段、\n"
        "                         采购份额百分比 等）\n"
        "      --explain          增加 explain（评分说明）列：各项得分、起决定作用的规则、触发的建议行动\n"
        "      --excel            供 Excel 打开的 CSV/TSV：带 UTF-8 BOM，换行为 CRLF\n"
        "      --excel=eu         同上，用于欧洲大陆区域设置的 Excel 和 WPS：另外单元格之间用 ;，\n"
        "                         share_pct、share_gap 写作 12,5\n"
        "      --decimal-comma    share_pct、share_gap 写作 12,5；此时 CSV 的单元格之间用 ;\n"
        "      --raw              形如公式的单元格（=、+、-、@ 开头）保持原样（默认前加 ' 以免被当作公式）\n"
        "      --prefix P         把追加列命名为 P_stage、P_flags 等（输入中已有与追加列同名的列时使用）\n"
        "批量处理\n"
        "      --rejects FILE     把拒绝行写成 CSV：行号、原因、原有各列\n"
        "      --previous FILE    上次运行的输出：增加 previous_stage（上次阶段）和 transition（阶段变化）列\n"
        "      --summary          结束时在标准错误输出各阶段的客户数（及阶段变化）\n"
        "      --summary-json FILE  同上，以 JSON 写入 FILE\n"
        "      --max-rejects N|P%  拒绝行多于 N 行（或占全部行的 P%）时以退出码 2 结束，\n"
        "                         且不替换任何输出文件\n"
        "  -q, --quiet            不显示进度行\n"
        "inspect 子命令\n"
        "      --write-map FILE   把所用的映射写成 --map-file 格式的文件，可在此基础上修改\n"
        "      --to json          以 JSON 输出报告\n"
        "信息\n"
        "  -h, --help             显示本帮助\n"
        "  -V, --version          显示版本\n"
        "\n"
        "退出码：0 所有行均已分类，1 有行被拒绝，2 用法、规则或读写错误。\n"},
};

/* The command line's own messages, English and Chinese side by side; both
 * formats of a row take the same arguments (test_cli_msg checks). Options,
 * values and file names stay as given. */
const char *const cli_msgs[][RS_LANG_COUNT] = {
    {"; see relstage --help", "；用法见 relstage --help"},
    {"unknown option %s", "未知选项 %s"},
    {"unknown option -%s", "未知选项 -%s"},
    {"option %s needs a value", "选项 %s 需要一个值"},
    {"option -%s needs a value", "选项 -%s 需要一个值"},
    {"option --%s takes no value", "选项 --%s 不带值"},
    {"option %.*s is the start of several: %s; write more of its name",
     "选项 %.*s 可能是以下几个中的任何一个：%s；请把选项名写得更完整"},
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
    {"RELSTAGE_LANG=%s is not en or zh; using en", "RELSTAGE_LANG=%s 不是 en 或 zh，已忽略"},
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
    {"%s %s is also an input (%s); the run would replace it: write to another file",
     "%s %s 同时也是输入文件（%s）；本次运行会覆盖它：请写到另一个文件"},
    {"%s: named twice as an input (also as %s); name each file once",
     "%s: 作为输入给了两次（另一次为 %s）；每个文件只写一次"},
    {"%s: cannot open: %s", "%s: 无法打开：%s"},
    {"rules file larger than 64 MiB", "规则文件超过 64 MiB"},
    {"%s: the decision table has errors (relstage validate %s lists them all)",
     "%s: 决策表有错误（relstage validate %s 会全部列出）"},
    /* validate: a finding that is a warning, and the line of a table without errors */
    {"warning: %.460s", "警告：%.460s"},
    {"%s: ok: %zu stages, %zu action rules", "%s: 检查通过：%zu 个阶段，%zu 条动作规则"},
    {", %zu warning%s", "，%zu 个警告%.0s"},
    {"<stdout>: write failed: %s", "<stdout>: 写入失败：%s"},
    {"interrupted by signal %d", "被信号 %d 中断"},
    {"interrupted by signal %d; outputs left unchanged", "被信号 %d 中断；输出文件未改动"},
    {"interrupted by signal %d; no output file was replaced", "被信号 %d 中断；没有替换任何输出文件"},
    {"signal %d came after the run had finished; its outputs were written",
     "信号 %d 在运行结束后才到达；输出文件已写好"},
    {" (first file: %s)", "（第一个文件：%s）"},
    /* the progress line on a terminal (cli_run.c): the file, rows read, rows a second; then
     * the share of the file read */
    {"relstage: %s: %lu rows, %.0f rows/s", "relstage: %s: 已读 %lu 行，每秒 %.0f 行"},
    {", %.0f%%", "，%.0f%%"},
    {"%s: %zu error%s and %zu warning%s in the decision table",
     "%s: 决策表中有 %zu 个错误%.0s、%zu 个警告%.0s"},
    /* a run's notes and stops (cli_run.c) */
    {"%s: not UTF-8; read as %s (if that is wrong, name the encoding with --encoding)",
     "%s: 不是 UTF-8，按 %s 读取；如不对，请用 --encoding 指定"},
    {"%s: encoding %s, converted to UTF-8", "%s: 编码 %s，已转换为 UTF-8"},
    {"more than --max-rejects %lu rows rejected; no output file was replaced",
     "被拒绝的行超过 --max-rejects %lu；没有替换任何输出文件"},
    {"%lu of %lu rows rejected, more than --max-rejects %lu%s; no output file was replaced",
     "被拒绝 %lu 行（共 %lu 行），超过 --max-rejects %lu%s；没有替换任何输出文件"},
    {"%s: no account of this run is in it (%lu new, %lu vanished); if the two files give the id "
     "in different columns, say which with -m id=COLUMN",
     "%s: 本次没有一个客户出现在上次的文件中（%lu 个新增，%lu 个消失）；若两个文件的客户编号"
     "取自不同的列，请用 -m id=COLUMN 指定"},
    {"%s: no account of this run is in it (%lu new, %lu vanished); if the two files give the id "
     "in different keys, say which with -m id=KEY",
     "%s: 本次没有一个客户出现在上次的文件中（%lu 个新增，%lu 个消失）；若两个文件的客户编号"
     "取自不同的键，请用 -m id=KEY 指定"},
    {"%lu more rejected rows not shown; all are in the rejects file",
     "另有 %lu 个被拒绝的行未显示；全部行都在拒绝行文件中"},
    {"%lu more rejected rows not shown (use --rejects FILE to keep them)",
     "另有 %lu 个被拒绝的行未显示（用 --rejects FILE 保存全部）"},
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
