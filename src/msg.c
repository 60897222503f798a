/*
 * msg.c - the reasons a row is rejected, the notes on a JSON page and a
 * --previous file, and the errors that stop a run at its header, English and
 * Chinese side by side. Only rejected rows, notes and those errors look
 * here: a row that reads pays nothing for it.
 * Field, column, key and option names stay as written in both languages, so
 * a -m or --map in a Chinese reason still pastes into a shell.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "msg.h"

const int rs_share_field[4] = {RS_F_OUR_SALES, RS_F_CUSTOMER_SPEND, RS_F_PURCHASE_SHARE,
                               RS_F_PREVIOUS_SHARE};

const char *const rs_msgs[RS_M_COUNT][RS_LANG_COUNT] = {
    [RS_M_CELL] = {"%s \"%s\" %s", "%s \"%s\" %s"},
    [RS_M_CELL_WHY] = {"%s \"%s\" %s (%s)", "%s \"%s\" %s（%s）"},
    [RS_M_WHERE] = {"%s: %s", "%s：%s"},
    [RS_M_AND] = {"; ", "；"},
    [RS_M_NOT_NUMBER] = {"is not a number", "不是有效数字"},
    [RS_M_NEGATIVE] = {"is negative", "为负数，应为 0 或正数"},
    [RS_M_NOT_WHOLE] = {"is not a whole number", "不是整数（个数须为整数）"},
    [RS_M_A_YEAR] = {"looks like a year, not a number of years", "像是年份，而不是年数"},
    [RS_M_A_YEAR_COL] = {"a column of years since is read with -m customer_since=COLUMN",
                         "如该列填写的是合作起始年份，请用 -m customer_since=COLUMN 读取"},
    [RS_M_A_YEAR_KEY] = {"a key of years since is read with -m customer_since=KEY",
                         "如该键填写的是合作起始年份，请用 -m customer_since=KEY 读取"},
    [RS_M_FRACTION_COL] = {"is above 1 in a column of fractions",
                           "大于 1，而该列按小数比例（0-1）读取"},
    [RS_M_FRACTION_KEY] = {"is above 1 in a key of fractions",
                           "大于 1，而该键按小数比例（0-1）读取"},
    [RS_M_PERCENT_COL] = {"--share-scale percent reads the column as percentages",
                          "如该列是百分数，请加 --share-scale percent"},
    [RS_M_PERCENT_KEY] = {"--share-scale percent reads the key as percentages",
                          "如该键是百分数，请加 --share-scale percent"},
    [RS_M_SHEET_ERROR] = {"a spreadsheet error: the formula of the cell failed",
                          "电子表格错误值：该单元格的公式计算失败"},
    [RS_M_NOT_DATE] = {"is not a year or a date", "不是年份或日期"},
    [RS_M_NOT_BOOL] = {"is not yes/no", "不是“是/否”值"},
    [RS_M_BOOL_WORDS] =
        {"yes/no, ja/nein, oui/non, sí/no, 是/否, 已X/未X, √/×; relstage fields lists all",
         "可填 是/否、已X/未X、√/×、yes/no 等；全部写法见 relstage fields"},
    [RS_M_NOT_LEVEL] = {"is not a level", "不是可识别的职级"},
    [RS_M_LEVEL_WORDS] =
        {"staff, manager, director, executive, or a title: VP Sales, 采购经理; "
         "relstage fields lists all",
         "可填 staff、manager、director、executive 或职务名称，如 采购经理、VP Sales；"
         "全部写法见 relstage fields"},
    [RS_M_ID_EMPTY] = {"id is empty", "id 为空：每行须有客户编号"},
    [RS_M_ID_SCI] =
        {"id \"%.*s\" is a number in scientific notation: a long numeric id cut to %zu "
         "digits; export the ids as text",
         "id \"%.*s\" 是科学计数法，长编号只剩 %zu 位数字；请将 id 列设为文本后重新导出"},
    [RS_M_ID_LONG] =
        {"id \"%.*s\" is a workbook's number of %zu digits: Excel keeps 15, so a long numeric "
         "id lost its last digits (two ids can become one); export the ids as text",
         "id \"%.*s\" 是工作簿中的 %zu 位数字：Excel 只保留 15 位，长编号的末几位已丢失"
         "（两个编号可能变成一个）；请将 id 列设为文本后重新导出"},
    [RS_M_ID_SHEET_ERROR] =
        {"id \"%.*s\" is a spreadsheet error (a formula that failed), not an id",
         "id \"%.*s\" 是电子表格错误值（公式计算失败），不是客户编号"},
    [RS_M_ID_BOOL] =
        {"id is %s, a yes/no value, not an id (Odoo writes false for a field left empty)",
         "id 为 %s（是/否值），不是客户编号；Odoo 以 false 表示未填的字段"},
    [RS_M_JSON_LIST] =
        {"key \"%s\" holds a JSON array (a list), not one value; export one value "
         "for %s, or map it to another key",
         "键 \"%s\" 是 JSON 数组（列表），不是单个值；请为 %s 导出单个值，或映射到其他键"},
    [RS_M_JSON_OBJECT_ONE] = {"key \"%s\" holds a JSON object, not a value; map %s to the key "
                              "inside it (--map '%s=%s.%.*s')",
                              "键 \"%s\" 是 JSON 对象，不是单个值；请把 %s 映射到其中的键"
                              "（--map '%s=%s.%.*s'）"},
    [RS_M_JSON_OBJECT] = {"key \"%s\" holds a JSON object, not a value; map %s to a key "
                          "inside it (--map %s=%s.KEY)",
                          "键 \"%s\" 是 JSON 对象，不是单个值；请把 %s 映射到其中的某个键"
                          "（--map %s=%s.KEY）"},
    [RS_M_CURRENCIES] = {"our_sales \"%s\" and customer_spend \"%s\"%s are in different currencies",
                         "our_sales \"%s\" 与 customer_spend \"%s\"%s 币种不同，无法计算份额"},
    [RS_M_CURRENCY_WHERE] = {" (%s \"%s\")", "（%s \"%s\"）"},
    [RS_M_COL] = {"column", "列"},
    [RS_M_KEY] = {"key", "键"},
    [RS_M_ROW_WIDTH] = {"row has %zu field%s, the header has %zu",
                        "该行有 %zu 个字段%.0s，与表头的 %zu 个不一致"},
    [RS_M_ROW_FIELDS] = {"row has %zu fields, the header has %zu",
                         "该行有 %zu 个字段，与表头的 %zu 个不一致"},
    [RS_M_SCI_NUMBER] = {"is in scientific notation", "是科学计数法"},
    [RS_M_SCI_NUMBER_WHY] = {"Excel cut its digits to fit the column; format the column as Number "
                             "and save again",
                             "Excel 为适应列宽截短了数字；请把该列设为“数值”格式后重新保存"},
    [RS_M_SCALED] =
        {"our_sales \"%s\" and customer_spend \"%s\": one names a currency and the "
         "other not, under headers that name a scale (\"%s\"); the one that names it may "
         "not be in that scale: write both alike",
         "our_sales \"%s\" 与 customer_spend \"%s\"：一个写了币种、一个没有，而列名标明了单位"
         "（\"%s\"）；写了币种的那个可能不是按该单位填写：请两者写法一致"},
    /* rs_msg_share spaces a Chinese cell from the words after it */
    [RS_M_SHARE_OVER] = {"our_sales %s exceeds customer_spend %s%s",
                         "我方销售额 our_sales %s超过客户采购总额 customer_spend %s%s"},
    [RS_M_SHARE_CELL] = {"%s %s %s", "%s %s%s"},
    [RS_M_SHARE_RANGE] = {"is outside 0-100", "超出 0-100 的范围"},
    [RS_M_SHARE_NONE] = {"no share: purchase_share is empty and our_sales/customer_spend are not "
                         "both given",
                         "无法确定份额：purchase_share 为空，且 our_sales 与 customer_spend 未同时提供"},
    [RS_M_READ_AS] = {"\"%s\" (read as %s)", "\"%s\"（读作 %s）"},
    [RS_M_IN_COL] = {" in %s", "（%s）"},
    [RS_M_SHARE_SALES] = {"our_sales", "我方销售额 our_sales"},
    [RS_M_SHARE_SPEND] = {"customer_spend", "客户采购总额 customer_spend"},
    [RS_M_SHARE_SHARE] = {"purchase_share", "采购份额 purchase_share"},
    [RS_M_SHARE_PREV] = {"previous_share", "上期份额 previous_share"},
    [RS_M_COL_AT] = {"column %ld", "第 %ld 列"},
    [RS_M_KEY_AT] = {"key %ld", "第 %ld 个键"},
    [RS_M_HEX] = {"hexadecimal is not accepted", "不接受十六进制"},
    [RS_M_NAN] = {"NaN and infinity are not numbers", "NaN 和无穷大不是数字"},
    [RS_M_NO_DIGITS] = {"no digits", "不含数字"},
    [RS_M_SEPARATORS] = {"too many separators", "分隔符过多"},
    [RS_M_UNEXPECTED] = {"unexpected characters", "含无法识别的字符"},
    [RS_M_TWO_MARKS] = {"two decimal marks", "有两个小数点"},
    [RS_M_AMBIGUOUS] = {"ambiguous: this column writes decimals both as 1.5 and as 1,5",
                        "无法确定小数点：该列的小数既有 1.5 也有 1,5 的写法"},
    [RS_M_AMBIGUOUS_KEY] = {"ambiguous: this key writes decimals both as 1.5 and as 1,5",
                            "无法确定小数点：该键的小数既有 1.5 也有 1,5 的写法"},
    [RS_M_NO_MARK] = {"ambiguous: nothing in this file shows its decimal mark; say it with "
                      "--decimal-mark , (1.234 is 1234) or --decimal-mark . (1.234 is 1.234)",
                      "无法确定小数点：本文件中没有数字表明小数点的写法；请用 --decimal-mark ,"
                      "（1.234 即 1234）或 --decimal-mark .（1.234 即 1.234）指定"},
    [RS_M_CUR_MARK] = {"ambiguous: an amount with a currency mark seldom has three decimals, and only "
                       "the delimiter between cells says this file's decimal mark; say it with "
                       "--decimal-mark , (1,200 is 1.2) or --decimal-mark . (1,200 is 1200)",
                       "无法确定小数点：带货币符号的金额很少有三位小数，而本文件只有单元格之间的分隔符表明"
                       "小数点的写法；请用 --decimal-mark ,（1,200 即 1.2）或 --decimal-mark .（1,200 即 "
                       "1200）指定"},
    [RS_M_SHARE_MARK] = {"ambiguous: with its '.' or ',' read as a thousands separator it is above "
                         "100, which no share is; if that is the decimal mark, say so with "
                         "--decimal-mark",
                         "无法确定小数点：把其中的 '.' 或 ',' 读作千位分隔符时大于 100，不可能是份额；"
                         "如它是小数点，请用 --decimal-mark 指定"},
    [RS_M_CJK_COMMA] = {"a ',' before other than three digits under a Chinese, Japanese or Korean "
                        "header, whose decimal mark is '.': write 12000 or 1.2 (--decimal-mark , "
                        "if ',' is the mark)",
                        "中日韩文列名下的 ',' 后面不是三位数字，而这些列以 '.' 为小数点：请写成 12000 或 "
                        "1.2（如 ',' 确为小数点，请用 --decimal-mark ,）"},
    [RS_M_MIXED_THOUSANDS] = {"mixed thousands separators", "千位分隔符不一致"},
    [RS_M_GROUPS] = {"thousands groups are not of three digits", "千位分组不是每组三位"},
    [RS_M_SEP_AFTER_MARK] = {"a separator after the decimal mark", "小数点后有分隔符"},
    [RS_M_EXPONENT] = {"bad exponent", "指数写法有误"},
    [RS_M_MYRIAD_EXPONENT] = {"an exponent beside 万, 亿, K, Mio. or the like",
                              "万、亿、K、Mio. 等前不能再有指数"},
    [RS_M_PERCENT_HERE] = {"% is not accepted here", "此处不接受 %"},
    [RS_M_TWO_SIGNS] = {"two signs", "有两个正负号"},
    [RS_M_TWO_CURRENCIES] = {"two currency signs", "有两个货币符号"},
    [RS_M_CURRENCY_HERE] = {"a currency sign is not accepted here", "此处不接受货币符号"},
    [RS_M_CURRENCY_AND_PERCENT] = {"both a currency sign and %", "同时有货币符号和 %"},
    [RS_M_TOO_LONG] = {"too long", "内容过长"},
    [RS_M_RANGE] = {"out of range", "超出范围"},
    [RS_M_YEAR_OR_DATE] = {"write a year or a date: 2019, 2019-06-15",
                           "请填写年份或日期：2019、2019-06-15"},
    [RS_M_DAY_MONTH] = {"the day and the month could be either way round: write 2019-06-15",
                        "无法分清日和月：请写成 2019-06-15"},
    [RS_M_BEFORE_1900] = {"before 1900", "早于 1900 年"},
    [RS_M_AFTER_TODAY] = {"after today", "晚于今天"},
    [RS_M_YEAR_AS_DATE] = {"a year typed into a cell formatted as a date: Excel shows 2019 as "
                           "1905-07-11; format the column as a number and type the year again",
                           "这是在日期格式的单元格中输入的年份：Excel 把 2019 显示为 1905-07-11；"
                           "请把该列设为数值格式后重新输入年份"},
    [RS_M_AT_LINE] = {"line %lu", "第 %lu 行"},
    [RS_M_AT_FILE_LINE] = {"%s:%lu", "文件 %s 第 %lu 行"},
    [RS_M_DUP_PREVIOUS] = {"duplicate id \"%.*s\" (first at %s); ids must be unique to compare "
                           "with --previous",
                           "id \"%.*s\" 重复（首次出现在%s）；与 --previous 对比时 id 必须唯一"},
    [RS_M_DUP_ABOVE] = {"duplicate id \"%.*s\" (first at %s, just above); relstage needs one row "
                        "per account, not one per contact, order or product",
                        "id \"%.*s\" 重复（首次出现在%s，即上一行）；relstage 要求每个客户一行，"
                        "而不是每个联系人、订单或产品一行"},
    [RS_M_DUP_GAP] = {"duplicate id \"%.*s\" (first at %s; no other account was read between); "
                      "relstage needs one row per account, not one per contact, order or product",
                      "id \"%.*s\" 重复（首次出现在%s，其间没有读到其他客户）；relstage 要求每个客户一行，"
                      "而不是每个联系人、订单或产品一行"},
    [RS_M_L_CHIEF_OF_STAFF] = {"a chief of staff works for an executive; how senior differs by "
                               "firm: write the level (staff, manager, director, executive)",
                               "Chief of Staff 是为高管服务的职位，级别因公司而异：请写明职级"
                               "（员工、经理、总监、高层）"},
    [RS_M_L_JUZHANG] = {"局长 heads a bureau: the customer's head (高层) when the bureau is the "
                        "customer, a director (总监) when it is one bureau of it: write which",
                        "局长是一个局的负责人：该局就是客户时为高层，只是客户下属的一个局时为"
                        "总监；请写明是哪一种"},
    [RS_M_L_ZHUREN] =
        {"主任 heads an office (办公室主任), a workshop (车间主任) or a committee in a Chinese "
         "list, and is a senior staff grade below 係長 in a Japanese one: write the level "
         "(员工, 经理, 总监, 高层)",
         "主任在中文名单中可以是办公室主任、车间主任或委员会主任，在日文名单中是低于係長的资深员工"
         "职级：请写明职级（员工、经理、总监、高层）"},
    [RS_M_L_CHIEF] = {"only Chief ... Officer and Chief Executive (首席...官) are C-level; a chief "
                      "engineer, accountant or architect (总工程师, 首席工程师) or a chief "
                      "representative (首席代表) is a senior role of any level: write the "
                      "level (staff, manager, director, executive) or give the title one in a map "
                      "file's values",
                      "只有 Chief ... Officer、Chief Executive 和首席…官是高层；总工程师、首席工程师、"
                      "首席代表、Chief Engineer、Chief Accountant 等是资深职位，级别不定：请写明职级（员工、经理、总监、高层），"
                      "或在映射文件的 values 中为该职位指定职级"},
    [RS_M_L_HEAD_OFFICE] = {"Head Office names the headquarters, a place, not a rank: write the "
                            "person's title or level (staff, manager, director, executive)",
                            "Head Office 指总部，是地点而不是职级：请写明此人的职位或职级（员工、经理、"
                            "总监、高层）"},
    [RS_M_L_MD] = {"MD is a managing director (an executive) in British and Indian lists, a "
                   "medical doctor in a hospital's and a marketing director in some firms: write "
                   "Managing Director or the level (staff, manager, director, executive); Deputy, "
                   "Joint and Group MD, and MD beside an executive title (MD & CEO), read as "
                   "executive",
                   "MD 在英国和印度的名单中指董事总经理（Managing Director，高层），在医院的名单中指"
                   "医生（Medical Doctor），在有的公司指市场总监（Marketing Director）：请写明 "
                   "Managing Director 或职级（员工、经理、总监、高层）；Deputy MD、Joint MD、Group MD "
                   "以及与高层职位并列的 MD（如 MD & CEO）读作高层"},
    [RS_M_L_PARTNER] = {"a partner owns a law, audit or consulting firm (its executive), a "
                        "business partner (HR Business Partner) advises at any level, and a CRM's "
                        "Partner may be a partner firm's contact: write the level (staff, manager, "
                        "director, executive); Managing Partner reads as executive",
                        "Partner 在律师、会计师或咨询事务所指合伙人（高层），Business Partner（如 HR "
                        "Business Partner）是任何职级都可能担任的支持角色，CRM 中的 Partner 也可能是"
                        "合作伙伴公司的联系人：请写明职级（员工、经理、总监、高层）；Managing Partner "
                        "读作高层"},
    [RS_M_L_HEAD_TRADE] = {"Head Teacher, Head Chef, Head Cashier or Head Nurse names the senior "
                           "one of a trade, not a rank in purchasing: a head teacher heads a "
                           "school, a head chef a kitchen, a head cashier the tills, a head nurse "
                           "a ward; write the level (staff, manager, director, executive)",
                           "Head Teacher（校长）、Head Chef（主厨）、Head Cashier（收银主管）、Head "
                           "Nurse（护士长）指某一行当中资历最高的人，不是采购方面的职级：校长领导一所"
                           "学校，主厨领导一个厨房，收银主管管理收银台，护士长管理一个病区；请写明职级"
                           "（员工、经理、总监、高层）"},
    [RS_M_L_BOARD] = {"an independent, non-executive or advisory board member (独立董事, 外部董事) "
                       "sits on the board without managing the company: a contact there is not "
                       "its top management; write the level (staff, manager, director, executive)",
                       "独立董事、外部董事、非执行董事或顾问委员会成员在董事会任职但不参与经营管理，"
                       "与其接触不等于接触到客户的高层：请写明职级（员工、经理、总监、高层）"},
    [RS_M_OPT_NONE] = {"option \"%s\"%s names no cooperation signal relstage reads (relstage "
                       "fields lists the options); name its signal in a map file's options, or, if the "
                       "column is no list of them, --ignore it",
                       "选项 \"%s\"%s 不是 relstage 能读取的合作信号（relstage fields 列出可用的选项）；"
                       "请在映射文件的 options 中指定它对应的信号，如该列不是合作信号的列表，请用 --ignore 忽略该列"},
    [RS_M_OPT_OWN] = {"option \"%s\" names %s, which this column cannot give (a count, or a "
                      "field with a column of its own) and the row does not give as yes or 1 or more",
                      "选项 \"%s\" 对应 %s，该列不能给出它（它是次数，或有自己的一列），而该行也未给出"
                      "“是”或至少 1"},
    [RS_M_L_EXEC_DIRECTOR] = {"an executive director is the chief executive of a non-profit, a board "
                              "member who also manages in a British company and a rank between "
                              "director and VP in others: write the level (director, executive)",
                              "Executive Director 在非营利机构是最高负责人，在英国公司是兼任管理职务的董事，"
                              "在其他公司是介于总监和副总裁之间的职级：请写明职级（总监、高层）"},
    [RS_M_L_AGM] = {"an assistant general manager (总经理助理), 总裁助理, 董事长助理 or a special "
                    "assistant (特助, 特别助理) is a senior manager in some firms and the boss's "
                    "personal assistant in others: write the level (staff, manager, director)",
                    "总经理助理（Assistant General Manager）、总裁助理、董事长助理、特助（特别助理）在有的公司是高级管理人员，"
                    "在有的公司是老板的私人助理：请写明职级（员工、经理、总监）"},
    [RS_M_NUL_FIELD] = {"NUL byte in field %zu",
                        "第 %zu 个字段含 NUL 字节（空字符）；请检查导出文件是否损坏"},
    [RS_M_QUOTING] = {"malformed quoting (%s)", "引号格式错误（%s）"},
    [RS_M_QUOTE_AFTER] =
        {"text after a closing quote; write \"\" for a quote inside a quoted field",
         "结束引号后还有文字；带引号字段中的引号请写成 \"\""},
    [RS_M_QUOTE_STRAY] =
        {"stray \" in an unquoted field; quote the field and write \"\" for the quote",
         "未加引号的字段中有多余的 \"；请给该字段加上引号，并把其中的 \" 写成 \"\""},
    [RS_M_QUOTE_FORMULA] =
        {"Excel's =\"...\" text formula unquoted, with text after it or a quote in it; write "
         "the cell as Excel quotes it, \"=\"\"00123\"\"\", or write 00123",
         "Excel 的 =\"...\" 文本公式未加引号，且其后有文字或其中有引号；请按 Excel 的写法给"
         "单元格加引号：\"=\"\"00123\"\"\"，或直接写 00123"},
    [RS_M_QUOTE_FORMULAS] = {"more than 64 of Excel's =\"...\" text formulas unquoted in one "
                             "record; write them as Excel quotes them, \"=\"\"00123\"\"\"",
                             "一条记录中有超过 64 个未加引号的 Excel =\"...\" 文本公式；请按 Excel "
                             "的写法加引号：\"=\"\"00123\"\"\""},
    [RS_M_UNTERMINATED] = {"unterminated quoted field starting at line %lu",
                           "从第 %lu 行开始的带引号字段缺少结束引号"},
    [RS_M_J_NUL] = {"a NUL byte, which JSON text cannot hold",
                    "含 NUL 字节（空字符），JSON 文本中不允许出现"},
    [RS_M_J_BAD_U] = {"a string holds an invalid \\u escape (four hex digits must follow \\u)",
                      "字符串中有无效的 \\u 转义（\\u 后须跟四位十六进制数字）"},
    [RS_M_J_U0000] = {"a string holds \\u0000 (a NUL character), which cannot be kept",
                      "字符串中有 \\u0000（空字符），无法保留"},
    [RS_M_J_LONG] = {"key \"%.*s\" holds a string longer than the field limit",
                     "键 \"%.*s\" 的字符串超过单个字段的长度上限"},
    [RS_M_J_LONG_ARRAY] = {"key \"%.*s\" holds an array longer than the field limit",
                           "键 \"%.*s\" 的数组超过单个字段的长度上限"},
    [RS_M_J_LONG_OBJECT] = {"key \"%.*s\" holds an object longer than the field limit",
                            "键 \"%.*s\" 的对象超过单个字段的长度上限"},
    [RS_M_J_RANGE] = {"key \"%.*s\": number out of range", "键 \"%.*s\"：数字超出范围"},
    [RS_M_J_BIG] = {"key \"%.*s\" holds a number of 2^53 or more inside an object, which cannot be "
                    "read exactly; export it as a string",
                    "键 \"%.*s\" 是对象内不小于 2^53 的数字，无法精确读取；请以字符串导出"},
    [RS_M_J_NEW_KEY] = {"key \"%.*s\" is not among the keys of the first 1000 lines (the "
                        "columns); list every key in the first line, or use a JSON array",
                        "键 \"%.*s\" 不在前 1000 行的键（即各列）中；请在第一行列出所有键，或改用 "
                        "JSON 数组"},
    [RS_M_J_DUP_KEY] = {"duplicate key \"%.*s\"", "键 \"%.*s\" 重复"},
    [RS_M_J_DEEP] = {"nested deeper than %d levels", "嵌套超过 %d 层"},
    [RS_M_J_NOT_OBJECT] = {"not a JSON object: %s", "不是 JSON 对象：%s"},
    [RS_M_J_FOUND] = {"not a JSON object: found %s", "不是 JSON 对象，而是%s"},
    [RS_M_J_AT_COLUMN] = {"not a JSON object: %s at column %lu", "不是 JSON 对象：%s（第 %lu 列）"},
    [RS_M_J_INVALID] = {"invalid JSON", "JSON 格式无效"},
    [RS_M_J_AFTER] = {"text after the object", "对象后还有文字"},
    [RS_M_J_ARRAY] = {"an array", "数组"},
    [RS_M_J_STRING] = {"a string", "字符串"},
    [RS_M_J_NUMBER] = {"a number", "数字"},
    [RS_M_J_NULL] = {"null", "null"},
    [RS_M_J_BOOL] = {"a boolean", "布尔值"},
    [RS_M_PG_MORE] = {"%s says more follow", "%s 表明后面还有记录"},
    [RS_M_PG_COUNT] = {"%s says %.0f records, %s holds %zu",
                       "%s 表明共 %.0f 条记录，而%s只有 %zu 条"},
    [RS_M_PG_PAGES] = {"%.80s says %.0f pages", "%.80s 表明共 %.0f 页"},
    [RS_M_PG_PAGE] = {"%.80s says this is page %.0f", "%.80s 表明这是第 %.0f 页"},
    [RS_M_PG_NOTE] = {"the reply holds one page of its records (%s): only this page is classified; "
                      "for the whole list, fetch every page into one file\n",
                      "该响应只含全部记录中的一页（%"
                      "s）：只对这一页进行了分类；如需完整名单，请把所有页取到一个文件中\n"},
    [RS_M_PG_STOP] =
        {"the reply holds one page of its records (%s): fetch every page into one file, "
         "or read this page alone with --json-path %s",
         "该响应只含全部记录中的一页（%s）：请把所有页取到一个文件中，或用 --json-path %s "
         "只读取这一页"},
    [RS_M_PG_BESIDE] = {"the array beside it", "与之并列的数组"},
    [RS_M_PG_ARRAY] = {"the array", "该数组"},
    [RS_M_X_HIDDEN_ROW] =
        {"%lu row is hidden in the sheet (hidden or filtered out in Excel; the first "
         "at line %lu): read like the others; to leave them out, delete them from the sheet\n",
         "工作表中有 %lu 行被隐藏（在 Excel 中隐藏或被筛选掉，第一行在第 %lu 行）：这些行照常读取；"
         "如要排除，请从工作表中删除这些行\n"},
    [RS_M_X_HIDDEN_ROWS] =
        {"%lu rows are hidden in the sheet (hidden or filtered out in Excel; the first "
         "at line %lu): read like the others; to leave them out, delete them from the sheet\n",
         "工作表中有 %lu 行被隐藏（在 Excel 中隐藏或被筛选掉，第一行在第 %lu 行）：这些行照常读取；"
         "如要排除，请从工作表中删除这些行\n"},
    [RS_M_X_HIDDEN_COL] =
        {"%s is column %lu, which is hidden in the sheet: read like the others; to read "
         "another column, give -m %s=COLUMN\n",
         "%s 取第 %lu 列，该列在工作表中被隐藏：照常读取；如要读取其他列，请用 -m %s=COLUMN\n"},
    [RS_M_X_TWOHEAD] =
        {"lines %lu and %lu are one header: a period's cell merged over its columns is read "
         "with the cells under it (\"%s\"); the other periods' columns pass through unchanged "
         "(a past period's share is also read as previous_share)\n",
         "第 %lu 行和第 %lu 行合为一个表头：合并在各列之上的期间单元格与其下的单元格连读"
         "（\"%s\"）；其他期间的列原样保留（上期的份额另读作 previous_share）\n"},
    /* inspect's report (inspect.c): the English is the report's text as it has
     * always been; the Chinese keeps field ids, stage ids and -m specs */
    [RS_M_I_FILE] = {"file %s\n", "文件 %s\n"},
    [RS_M_I_NOT_READ] = {"  not read\n", "  未读取\n"},
    [RS_M_I_FORMAT] = {"  format %s, encoding %s", "  格式 %s，编码 %s"},
    [RS_M_I_DELIMITER] = {", delimiter %s", "，分隔符 %s"},
    [RS_M_I_TAB] = {"tab", "制表符"},
    [RS_M_I_JSON_COLS] = {"columns: the keys of its records", "列：各记录的键"},
    [RS_M_I_JSON_BELOW] = {"keys not read as columns: see below", "未能把键读作列：见下文"},
    [RS_M_I_JSON_NO_ID] = {"no key gives the id: name it with -m id=KEY",
                           "没有哪一键给出 id：请用 -m id=KEY 指定"},
    [RS_M_I_JSON_NO_SHARE] = {"no key gives a share: name it with -m purchase_share=KEY (or "
                              "our_sales and customer_spend)",
                              "没有哪一键给出采购份额：请用 -m purchase_share=KEY 指定（或指定 "
                              "our_sales 和 customer_spend）"},
    [RS_M_I_JSON_NO_BOTH] = {"no key gives the id or a share: name them with -m id=KEY -m "
                             "purchase_share=KEY",
                             "没有哪一键给出 id 或采购份额：请用 -m id=KEY -m purchase_share=KEY 指定"},
    [RS_M_I_HEADER_TWO] = {"\n  header lines %lu-%lu, read as one (%lu title row%s above them)\n",
                           "\n  表头在第 %lu-%lu 行，合为一行读取（其上有 %lu 个标题行%.0s）\n"},
    [RS_M_I_HEADER_LINE] = {"\n  header line %lu (%lu title row%s above it)\n",
                            "\n  表头在第 %lu 行（其上有 %lu 个标题行%.0s）\n"},
    [RS_M_I_NO_HEADER] = {"\n  no header row found\n", "\n  未找到表头行\n"},
    [RS_M_I_FIELDS] = {"fields\n", "字段\n"},
    [RS_M_I_NO_KEY] = {"taken from no key (%s)", "不取任何键（%s）"},
    [RS_M_I_NO_COLUMN] = {"taken from no column (%s)", "不取任何列（%s）"},
    [RS_M_I_AT_KEY] = {"key \"%s\"", "键 \"%s\""},
    [RS_M_I_AT_COLUMN] = {"column %ld \"%s\"", "第 %ld 列 \"%s\""},
    [RS_M_I_WORDS] = {" (%s)", "（%s）"},
    [RS_M_I_UNUSED_KEYS] = {"keys passed through unused\n  ", "未使用的键（原样输出）\n  "},
    [RS_M_I_UNUSED_COLS] = {"columns passed through unused\n  ", "未使用的列（原样输出）\n  "},
    [RS_M_I_UNUSED_SEP] = {", ", "、"},
    [RS_M_I_UNUSED_COL] = {"%zu ", "第 %zu 列 "},
    [RS_M_I_REPLACED] = {" (an earlier run's: replaced)", "（上次运行的结果，将被替换）"},
    [RS_M_I_NOTES] = {"notes", "提示"},
    [RS_M_I_MORE] = {"  and %lu more\n", "  另有 %lu 条\n"},
    [RS_M_I_FIRST_ROWS] = {"first rows\n", "前几行\n"},
    [RS_M_I_LINE] = {"  line %lu: %s\n    -> ", "  第 %lu 行：%s\n    -> "},
    [RS_M_I_BAD] = {"\"%s\"(bad)", "\"%s\"（无法读取）"},
    [RS_M_I_UNKNOWN] = {"\"%s\"(unknown)", "\"%s\"（未知）"},
    [RS_M_I_EMPTY] = {"(empty)", "（空）"},
    [RS_M_I_YES] = {"yes", "是"},
    [RS_M_I_NO] = {"no", "否"},
    [RS_M_I_HELD] = {"held back", "暂缓（未分类）"},
    [RS_M_I_REJECTED_AS] = {"rejected: %s", "已拒绝：%s"},
    [RS_M_I_SKIPPED_AS] = {"skipped: %s", "已跳过：%s"},
    [RS_M_I_ROWS] = {"rows\n", "行数\n"},
    [RS_M_I_READ] = {"read", "已读取"},
    [RS_M_I_CLASSIFIED] = {"classified", "已分类"},
    [RS_M_I_REJECTED] = {"rejected", "已拒绝"},
    [RS_M_I_SKIPPED] = {"skipped", "已跳过"},
    [RS_M_I_SKIP_KINDS] = {" (title %lu, blank %lu, totals %lu, footer %lu)\n",
                           "（标题行 %lu，空行 %lu，合计行 %lu，页脚行 %lu）\n"},
    [RS_M_I_REJECTED_ROWS] = {"rejected rows", "被拒绝的行"},
    [RS_M_I_SKIPPED_ROWS] = {"skipped rows", "跳过的行"},
    [RS_M_I_STOP] = {"a run would stop here (exit 2):\n  ", "正式运行会在此停止（退出码 2）：\n  "},
    [RS_M_I_HOW] = {"not found", "未找到"},
    [RS_M_I_HOW_NAME] = {"field name", "字段名"},
    [RS_M_I_HOW_ALIAS] = {"built-in name", "内置列名"},
    [RS_M_I_HOW_WORDS] = {"words", "列名中的词"},
    [RS_M_I_HOW_OPTIONS] = {"cooperation options", "合作选项"},
    [RS_M_I_HOW_MAP] = {"-m", "由 -m 指定"},
    [RS_M_I_HOW_FILE] = {"map file", "由映射文件指定"},
    [RS_M_I_HOW_OFF] = {"-m FIELD=", "-m FIELD="},
    [RS_M_I_HOW_FILE_OFF] = {"map file \"\"", "映射文件 \"\""},
    [RS_M_I_SKIP] = {"title", "标题行"},
    [RS_M_I_SKIP_BLANK] = {"blank", "空行"},
    [RS_M_I_SKIP_TOTALS] = {"totals", "合计行"},
    [RS_M_I_SKIP_FOOTER] = {"footer", "页脚行"},
    [RS_M_X_MERGED] =
        {"%s (column %lu) has cells merged across rows (lines %lu to %lu%s): the file holds "
         "the value in the top row only, so the rows under it are read as empty; to give "
         "every row its value, unmerge the cells and fill them in\n",
         "%s（第 %lu 列）有跨行合并的单元格（第 %lu 至 %lu 行%s）：文件只在最上面一行保存该值，"
         "其下各行读作空值；如要每行都有值，请取消合并并逐行填写\n"},
    [RS_M_X_AND_MORE] = {", and more", "等"},
    [RS_M_SHARE_LATE_ONE] =
        {"%s: %lu value after the first rows is between 0 and 1 (\"%s\" on line %lu): read as "
         "a percentage, as the first rows decided (\"%s\" is %s%%); if it is a fraction of 1, "
         "write it as a percentage; --share-scale fraction reads the column as fractions of 1\n",
         "%s：前几行之后有 %lu 个值在 0 到 1 之间（\"%s\"，第 %lu 行）：按前几行的判断读作百分数"
         "（\"%s\" 即 %s%%）；如是小数，请改写为百分数；--share-scale fraction 将该列按小数读取\n"},
    [RS_M_FALSE_EMPTY_ONE] =
        {"%s: %lu value false read as empty (unknown, not 0; on line %lu): Odoo writes false "
         "for a field left empty\n",
         "%s：%lu 个值为 false，按空值读取（未知，而非 0；第 %lu 行）：Odoo 以 false 表示未填的字段\n"},
    [RS_M_FALSE_EMPTY_MANY] =
        {"%s: %lu values false read as empty (unknown, not 0; the first on line %lu): Odoo "
         "writes false for a field left empty\n",
         "%s：%lu 个值为 false，按空值读取（未知，而非 0；第一个在第 %lu 行）：Odoo 以 false "
         "表示未填的字段\n"},
    [RS_M_FALSE_CSV_ONE] =
        {"%s: %lu value False read as empty (unknown, not 0; on line %lu): this file writes "
         "False in its empty fields, as Odoo's exports do; a yes/no column's False stays no\n",
         "%s：%lu 个值为 False，按空值读取（未知，而非 0；第 %lu 行）：本文件以 False 表示未填的字段"
         "（Odoo 导出即如此）；是/否列中的 False 仍读作否\n"},
    [RS_M_FALSE_CSV_MANY] =
        {"%s: %lu values False read as empty (unknown, not 0; the first on line %lu): this file "
         "writes False in its empty fields, as Odoo's exports do; a yes/no column's False "
         "stays no\n",
         "%s：%lu 个值为 False，按空值读取（未知，而非 0；第一个在第 %lu 行）：本文件以 False "
         "表示未填的字段（Odoo 导出即如此）；是/否列中的 False 仍读作否\n"},
    [RS_M_SHARE_LATE_MANY] =
        {"%s: %lu values after the first rows are between 0 and 1 (the first \"%s\" on line "
         "%lu): read as percentages, as the first rows decided (\"%s\" is %s%%); if they are "
         "fractions of 1, write them as percentages; --share-scale fraction reads the column as "
         "fractions of 1\n",
         "%s：前几行之后有 %lu 个值在 0 到 1 之间（第一个是 \"%s\"，第 %lu 行）：按前几行的判断"
         "读作百分数（\"%s\" 即 %s%%）；如是小数，请改写为百分数；--share-scale fraction 将该列"
         "按小数读取\n"},
    [RS_M_X_SHEET] =
        {"read sheet \"%s\", the first; the workbook opens on sheet \"%s\" in Excel: to "
         "read that one, give --sheet \"%s\"\n",
         "读取的是第一个工作表 \"%s\"；该工作簿在 Excel 中打开时显示工作表 \"%s\"：如要读取它，"
         "请用 --sheet \"%s\"\n"},
    [RS_M_X_SHEETS] =
        {"read sheets %s as one list: each but the last is full (row 1,048,576 used) and "
         "the next, \"NAME 2\", \"NAME 3\", ..., starts with the same header, as relstage "
         "writes a list too long for one sheet\n",
         "把工作表 %s 作为一份名单读取：除最后一个外，每个都已写满（用到第 1,048,576 行），"
         "下一个（\"NAME 2\"、\"NAME 3\"……）以相同的表头开始，relstage 写出一个工作表放不下的名单时即如此\n"},
    [RS_M_X_FULL] =
        {"sheet \"%s\" fills all 1,048,576 rows a sheet has: if it was saved from a longer "
         "list (Excel cuts a CSV there when it opens one), the rows past them are not in the "
         "file; classify the original list instead\n",
         "工作表 \"%s\" 用满了工作表的全部 1,048,576 行：如果它是从更长的名单保存而来（Excel "
         "打开 CSV 时会在此截断），超出的行不在文件中；请改为对原始名单分类\n"},
    [RS_M_X_NOT_CONT] =
        {"the workbook also has sheet \"%s\", not read: a sheet goes on in \"NAME 2\" only "
         "when it is full (row 1,048,576 used) and the next starts with the same header; to "
         "read that sheet, give --sheet \"%s\"\n",
         "该工作簿还有工作表 \"%s\"，未读取：只有写满（用到第 1,048,576 行）的工作表才接续到"
         "表头相同的 \"NAME 2\"；如要读取该工作表，请用 --sheet \"%s\"\n"},
    [RS_M_X_SAME1] =
        {"the workbook also has sheet \"%s\", which starts with the same row as sheet \"%s\" "
         "(the one read): its rows are not read, since relstage reads one sheet; to classify its "
         "accounts too, give --sheet \"%s\" in a run of its own\n",
         "该工作簿还有工作表 \"%s\"，其首行与已读取的工作表 \"%s\" 相同：其中的行未读取，"
         "因为 relstage 只读取一个工作表；如要对其中的客户也做分类，请另行运行并用 --sheet \"%s\"\n"},
    [RS_M_X_SAMEN] =
        {"the workbook also has %zu sheets that start with the same row as sheet \"%s\" "
         "(the one read): their rows are not read, since relstage reads one sheet; to classify "
         "their accounts too, give --sheet NAME for each in a run of its own (the first: \"%s\")\n",
         "该工作簿还有 %zu 个工作表的首行与已读取的工作表 \"%s\" 相同：其中的行未读取，"
         "因为 relstage 只读取一个工作表；如要对其中的客户也做分类，请对每个工作表另行运行并用 "
         "--sheet NAME（第一个为 \"%s\"）\n"},
    [RS_M_P_IGNORED] = {"%s; row ignored", "%s；该行已忽略"},
    [RS_M_P_FEW] = {"too few fields", "字段不足"},
    [RS_M_P_EMPTY_ID] = {"empty id; row ignored", "id 为空；该行已忽略"},
    [RS_M_P_DUP] = {"duplicate id \"%s\" (first at line %lu); the first is used",
                    "id \"%s\" 重复（首次出现在第 %lu 行）；以首次出现的为准"},
    [RS_M_P_RESHAPED_ONE] =
        {"%lu account new in this run matches a vanished one of the previous run but "
         "for case, full-width forms or leading zeros (\"%s\" here, \"%s\" there): ids "
         "are compared as written, so each counts as new and as vanished; keep ids as "
         "text (a spreadsheet drops leading zeros)\n",
         "本次有 %lu 个新增客户与上次运行中消失的客户只差大小写、全角/半角或前导零（本次 "
         "\"%s\"，上次 \"%s\"）：id 按原样比较，所以它们既算新增也算消失；请把 id 保存为"
         "文本（电子表格会去掉前导零）\n"},
    [RS_M_P_RESHAPED_MANY] =
        {"%lu accounts new in this run match vanished ones of the previous run but "
         "for case, full-width forms or leading zeros (\"%s\" here, \"%s\" there): ids "
         "are compared as written, so each counts as new and as vanished; keep ids as "
         "text (a spreadsheet drops leading zeros)\n",
         "本次有 %lu 个新增客户与上次运行中消失的客户只差大小写、全角/半角或前导零（本次 "
         "\"%s\"，上次 \"%s\"）：id 按原样比较，所以它们既算新增也算消失；请把 id 保存为"
         "文本（电子表格会去掉前导零）\n"},
    [RS_M_F_TEXT] = {"text", "文本"},
    [RS_M_F_NUMBER] = {"number", "数值"},
    [RS_M_F_BOOL] = {"yes/no", "是/否"},
    [RS_M_F_LEVEL] = {"level", "层级"},
    [RS_M_F_OPTION] = {"option", "选项"},
    [RS_M_F_ALIASES] = {"aliases: ", "内置列名："},
    [RS_M_F_WORDS] = {"words: ", "识别词："},
    [RS_M_F_PLUS] = {" + (", " 与 ("},
    [RS_M_F_THEN] = {"; (", "；("},
    [RS_M_F_NOT] = {", not (", "，但不含 ("},
    [RS_M_F_ALONE] = {"; or, when an id is found and nothing above gives it, a header that is only one of (",
                      "；已找到 id 而以上都不匹配时，列名恰为其中之一亦可 ("},
    [RS_M_F_ALONE_ID] = {"; or, when nothing above gives it, a header that is only one of (",
                         "；以上都不匹配时，列名恰为其中之一亦可 ("},
    [RS_M_F_ALONE_NEXT] = {", then (", "，其次 ("},
    [RS_M_F_VALUES] = {"\nValues (any case; a level may also be a job title, read by its head word:\n"
                       "\"VP of Sales\", \"Head of Purchasing\", \"Purchasing Manager\", 采购经理):\n",
                       "\n取值（不区分大小写；层级也可以写职务名称，按其中心词读取：\n"
                       "\"VP of Sales\"、\"Head of Purchasing\"、\"Purchasing Manager\"、采购经理）：\n"},
    [RS_M_F_YES] = {" 已X (已签署) 有X", " 已X（已签署） 有X"},
    [RS_M_F_NO] = {" 未X (未签署; 未知 is refused) 无X 没有X", " 未X（未签署；“未知”不予接受） 无X 没有X"},
    [RS_M_F_UNIT_GM] = {" and a unit's general manager (Plant GM, GM Sales, 区域总经理)",
                        " 以及下属单位的总经理（Plant GM、GM Sales、区域总经理）"},
    [RS_M_F_OPTIONS] = {"\nCooperation options (the options of a \"Cooperation\", \"Partnership type\" or 合作方式\n"
                        "column, ';' between them; a count, or a field with a column of its own, must agree):\n",
                        "\n合作方式选项（\"Cooperation\"、\"Partnership type\" 或 合作方式 列中的选项，以 ';' 分隔；\n"
                        "须与相应的计数列或该字段自己的列一致）：\n"},
    [RS_M_E_NO_ID] = {"no %s gives id%s: name one %s, or use --map id=%s",
                      "没有哪一%s给出 id%s：请把它命名为 %s，或用 --map id=%s 指定；全部列名见 "
                      "relstage fields"},
    [RS_M_E_ID_MAYBE] = {" (column %s may hold it: -m id=%s)", "（列 %s 可能就是 id，-m id=%s）"},
    [RS_M_E_AMB] = {" (%s %s all look like %s)", "（%s %s 都像是 %s）"},
    [RS_M_E_FOUND] = {"%s gives %s, but ", "%s给出 %s，但"},
    [RS_M_E_NO_SHARE] =
        {"%sno %s gives the share%s: name one %s, or give both %s and %s, or use --map "
         "purchase_share=%s",
         "%s没有哪一%s给出采购占比%s：请把它命名为 %s，或同时给出 %s 和 %s，或用 --map "
         "purchase_share=%s 指定；全部列名见 relstage fields"},
    [RS_M_E_BOTH_GIVE] = {"%s both give %s; drop one or choose with --map %s=%s",
                          "%s都给出 %s；请删去其一，或用 --map %s=%s 选定"},
    [RS_M_E_TWINS] = {"%s have the same name; rename one", "%s同名；请改掉其中一个的名称"},
    [RS_M_E_COLS2] = {"columns %ld (\"%s\") and %ld (\"%s\")",
                      "第 %ld 列（\"%s\"）和第 %ld 列（\"%s\"）"},
    [RS_M_E_KEYS2] = {"keys \"%s\" and \"%s\"", "键 \"%s\" 和 \"%s\""},
    [RS_M_E_OR] = {" (or ", "（或 "},
    [RS_M_E_OR_END] = {")", "）"},
    [RS_M_E_NO_HEADER] = {"no header row", "找不到表头行"},
    [RS_M_E_HEADER_ROW] = {"header row: %s", "表头行：%s"},
    [RS_M_E_SEARCH] =
        {"no row of the first %d gives an id and a share (line %lu gives no %s%s): say which "
         "column is the %s with -m %s=COLUMN, or which line is the header with --header-row N; "
         "relstage fields lists the names it knows",
         "前 %d 行中没有一行同时给出 id 和采购占比（第 %lu 行没有%s%s）：请说明哪一列是%s"
         "（-m %s=COLUMN），或用 --header-row N 说明表头在第几行；全部列名见 relstage fields"},
    [RS_M_E_SEARCH_NO_ID] = {"id", " id"},
    [RS_M_E_SEARCH_NO_SHARE] = {"share, nor both our_sales and customer_spend",
                                "采购占比，也没有同时给出 our_sales 和 customer_spend"},
    [RS_M_E_SEARCH_ID] = {"id", " id"},
    [RS_M_E_SEARCH_SHARE] = {"share", "采购占比"},
    [RS_M_E_SEARCH_WHY] = {": %.*s", "：%.*s"},
    [RS_M_E_SEARCH_TITLE] = {" (no row of the first %d gives an id and a share; if the header "
                             "is lower, say which line with --header-row N)",
                             "（前 %d 行中没有一行同时给出 id 和采购占比；如表头在更下面，"
                             "请用 --header-row N 说明在第几行）"},
    [RS_M_E_ENC_UTF8] = {"invalid UTF-8 (%s%s) in a file read as UTF-8; save it as UTF-8, or "
                         "name its encoding with --encoding (gb18030, big5, cp1252, ...)",
                         "按 UTF-8 读取的文件中有无效的 UTF-8（%s%s）；请另存为 UTF-8，或用 "
                         "--encoding 指定其编码（如 gb18030、big5、cp1252）"},
    [RS_M_E_ENC_SEQ] = {"truncated sequence at end of file: ", "文件末尾的序列不完整："},
    [RS_M_E_ENC_BYTES] = {"bytes ", "字节 "},
    [RS_M_E_ENC_BAD] = {"bytes invalid in %s (%s%s); name the right one with --encoding "
                        "(e.g. utf-8, gb18030, big5, latin1)",
                        "文件中有不符合 %s 编码的字节（%s%s）；请用 --encoding 指定正确的编码"
                        "（如 utf-8、gb18030、big5、latin1）"},
    [RS_M_E_ENC_TRUNC] = {"truncated at end of file: ", "在文件末尾被截断："},
    [RS_M_E_ENC_MIXED] =
        {"UTF-8 text (bytes 0x%02X 0x%02X ...) in a file read as %s: the file mixes "
         "encodings; save it in one, or if it is all %s say --encoding %s",
         "出现 UTF-8 文本（字节 0x%02X 0x%02X ...），而文件按 %s 读取：文件混用了多种编码；"
         "请统一保存为一种编码，如全部是 %s，请用 --encoding %s"},
    [RS_M_E_ENC_NEITHER] =
        {"the bytes here are neither UTF-8, GB18030, Big5, Windows-1252 nor Shift_JIS; name "
         "the encoding with --encoding (e.g. gbk, big5, cp1252, latin1)",
         "此处的字节既不是 UTF-8，也不是 GB18030、Big5、Windows-1252 或 Shift_JIS；请用 "
         "--encoding 指定编码（如 gbk、big5、cp1252、latin1）"},
    [RS_M_E_ENC_UNCLEAR] =
        {"the text here is not UTF-8 and does not read clearly as GB18030, Big5, Windows-1252 "
         "or Shift_JIS; name the encoding with --encoding (e.g. gbk, big5, cp1252, latin1)",
         "此处的文本不是 UTF-8，按 GB18030、Big5、Windows-1252 或 Shift_JIS 也读不清楚；"
         "请用 --encoding 指定编码（如 gbk、big5、cp1252、latin1）"},
    [RS_M_E_MAP] = {"--map \"%s\": %s", "--map \"%s\"：%s"},
    [RS_M_E_IGNORE] = {"--ignore \"%s\": %s%s", "--ignore \"%s\"：%s%s"},
    [RS_M_E_NO_COLUMN] = {"no such column in the header; columns are ",
                          "表头中没有这一列；现有的列为 "},
    [RS_M_E_NO_KEY] = {"no such key in the records; keys are ", "记录中没有这个键；现有的键为 "},
    [RS_M_E_UNKNOWN_FIELD] = {"unknown field; fields are ", "没有这个字段；字段有 "},
    /* the example is an argument: "Share %" holds a % */
    [RS_M_E_SPEC_COLUMN] = {"expected FIELD=COLUMN, e.g. --map purchase_share=%s",
                            "应写成 FIELD=COLUMN，例如 --map purchase_share=%s"},
    [RS_M_E_SPEC_KEY] = {"expected FIELD=KEY, e.g. --map purchase_share=%s",
                         "应写成 FIELD=KEY，例如 --map purchase_share=%s"},
    [RS_M_E_TWICE] = {"%s gives %s twice; keep one", "%s 两次给出 %s；请只保留一个"},
    [RS_M_E_TO_BOTH] = {"%s gives %s to both %s and %s; a %s gives one field",
                        "%s 把 %s 同时给了 %s 和 %s；一%s只能给出一个字段"},
    [RS_M_E_MORE] = {" and %zu more", "，另有 %zu 个"},
    [RS_M_E_NO_MARK] = {"%s \"%s\" may be %.15g or %.15g: nothing in this file shows its decimal "
                        "mark; say which with --decimal-mark , (%.15g) or --decimal-mark . (%.15g)",
                        "%s\"%s\" 可能是 %.15g，也可能是 %.15g：本文件中没有数字表明小数点的写法；"
                        "请用 --decimal-mark ,（即 %.15g）或 --decimal-mark .（即 %.15g）指定"},
    [RS_M_E_BOTH_MARKS] = {"%s \"%s\" may be %.15g or %.15g: this file shows both decimal marks, "
                           "'.' (%s) and ',' (%s); say which with --decimal-mark , (%.15g) or "
                           "--decimal-mark . (%.15g)",
                           "%s\"%s\" 可能是 %.15g，也可能是 %.15g：本文件两种小数点都有：'.'（%s）和 ','（%s）；"
                           "请用 --decimal-mark ,（即 %.15g）或 --decimal-mark .（即 %.15g）指定"},
    [RS_M_E_CUR_MARK] = {"%s \"%s\" may be %.15g or %.15g: the '%c' between cells suggests '%c' as "
                         "the decimal mark, but an amount with a currency mark seldom has three "
                         "decimals, and nothing else in this file shows its decimal mark; say which "
                         "with --decimal-mark , (%.15g) or --decimal-mark . (%.15g)",
                         "%s\"%s\" 可能是 %.15g，也可能是 %.15g：以 '%c' 分隔单元格的文件通常以 '%c' 为"
                         "小数点，但带货币符号的金额很少有三位小数，本文件中也没有其他数字表明小数点的写法；"
                         "请用 --decimal-mark ,（即 %.15g）或 --decimal-mark .（即 %.15g）指定"},
    /* A column taken as a field by a built-in name or its words whose first rows do not
     * read as that field: the run stops before writing. Arguments: column or key, its
     * name, the field, how it was taken (HELD_ALIAS or HELD_WORDS, _KEY for a key), rows that failed,
     * rows checked, the first failure (HELD_LINE), the field, the name, the field twice,
     * COLUMN or KEY, column or key. */
    [RS_M_E_HELD] = {"%s \"%s\" was taken as %s (%s), but in %u of the first %u rows it does not "
                     "read as one (%s); if it is not %s, use --ignore '%s' or -m %s= (or -m %s=%s "
                     "for the %s that is); if it is, give its words in a --map-file's \"values\"; "
                     "nothing was written",
                     "%s \"%s\" 被当作 %s（%s），但前几行中有 %u 行（共查 %u 行）不能读作该字段"
                     "（%s）；如它不是 %s，请用 --ignore '%s' 或 -m %s= 取消对应（或用 -m %s=%s "
                     "指定真正的%s）；如确是，请在 --map-file 的 \"values\" 中写明它的取值词；"
                     "未写出任何内容"},
    [RS_M_E_HELD_ALIAS] = {"a built-in name of it", "按内置列名"},
    [RS_M_E_HELD_ALIAS_KEY] = {"a built-in name of it", "按内置键名"},
    [RS_M_E_HELD_WORDS] = {"by its words: %s", "依据列名中的词：%s"},
    [RS_M_E_HELD_WORDS_KEY] = {"by its words: %s", "依据键名中的词：%s"},
    [RS_M_E_HELD_LINE] = {"line %lu: \"%s\"", "第 %lu 行：\"%s\""},
    [RS_M_S_OPEN] = {"cannot open: %s", "无法打开：%s"},
    [RS_M_S_READ_FAILED] = {"read failed: %s", "读取失败：%s"},
    [RS_M_S_READ_ERROR] = {"read error: %s", "读取出错：%s"},
    [RS_M_S_WRITE_FAILED] = {"write failed: %s", "写入失败：%s"},
    [RS_M_S_WRITE_ONLY] = {"write failed", "写入失败"},
    [RS_M_S_WRITE_KEPT] = {"write failed, file left unchanged: %s", "写入失败，原文件未改动：%s"},
    [RS_M_S_DIRECTORY] = {"is a directory", "这是一个目录，不是文件"},
    [RS_M_S_CREATE] = {"cannot create a file in its directory: %s", "无法在其所在目录中创建文件：%s"},
    [RS_M_S_TEMP] = {"cannot make a temporary file: %s", "无法创建临时文件：%s"},
    [RS_M_S_TEMP_IN] = {"cannot create a temporary file in %s: %s", "无法在 %s 中创建临时文件：%s"},
    [RS_M_S_COPY] = {"cannot copy the workbook: %s", "无法复制工作簿：%s"},
    [RS_M_S_NOMEM] = {"out of memory", "内存不足"},
    [RS_M_S_NOMEM_RULES] = {"out of memory while loading the rules", "加载规则时内存不足"},
    [RS_M_S_NOMEM_DUMP] = {"out of memory while writing the rules", "输出规则时内存不足"},
    [RS_M_S_COLUMNS] = {"the header has more than %zu columns (the limit)",
                        "表头超过 %zu 列（上限）"},
    [RS_M_S_NO_RECORD] = {"no record starts on or after line %lu, the header row asked for",
                          "--header-row 指定的第 %lu 行及其后没有任何记录"},
    [RS_M_S_MAP_SIZE] = {"a map file is at most 1 MiB", "映射文件不能超过 1 MiB"},
    [RS_M_S_EMPTY] = {"empty file", "文件为空"},
    [RS_M_S_SYNTAX] = {"JSON syntax error", "JSON 语法错误"},
    [RS_M_S_AFTER] = {"text after the end of the JSON value", "JSON 值结束后还有文字"},
    [RS_M_S_AT_END] = {"%s at column %lu, at the end of the line", "%s，位于第 %lu 列，行尾处"},
    [RS_M_S_NEAR] = {"%s at column %lu, near: %.*s", "%s，位于第 %lu 列，附近文字：%.*s"},
    [RS_M_S_OBJECT] = {"expected an object", "应为 JSON 对象"},
    [RS_M_S_KEY] = {"unknown key \"%.40s\" (expected: %s)", "未知的键 \"%.40s\"（可用的键：%s）"},
    [RS_M_S_DUP_KEY] = {"duplicate key", "键重复"},
    [RS_M_S_M_FIELD] = {"unknown field (relstage fields lists them)",
                        "没有这个字段（relstage fields 列出全部字段）"},
    [RS_M_S_M_VERSION] = {"expected 1, the format version", "应为 1（格式版本）"},
    [RS_M_S_M_LINE] = {"expected the header's line number (1 or more)",
                       "应为表头所在的行号（1 或更大）"},
    [RS_M_S_M_FIELDS] = {"expected an object: field -> column", "应为对象：字段 -> 列名"},
    [RS_M_S_M_COLUMN] = {"expected the column's name as a string (\"\" for none)",
                         "应为字符串形式的列名（\"\" 表示不取任何列）"},
    [RS_M_S_M_COLUMNS] = {"expected an array of column names", "应为列名数组"},
    [RS_M_S_M_A_COLUMN] = {"expected a column's name", "应为列名"},
    [RS_M_S_M_BOOL] = {"expected yes or no (or true, false)", "应为 yes 或 no（或 true、false）"},
    [RS_M_S_M_LEVEL] = {"expected a level: staff, manager, director or executive (or 1-4)",
                        "应为职级：staff、manager、director 或 executive（或 1-4）"},
    [RS_M_S_M_NUMBER] = {"expected a number, 0 or more", "应为 0 或更大的数字"},
    [RS_M_S_M_WORD] = {"expected a word of 1 to %zu bytes", "应为 1 至 %zu 字节的词"},
    [RS_M_S_M_VALUES] = {"expected an object: field -> {word: value}",
                         "应为对象：字段 -> {词: 值}"},
    [RS_M_S_M_NO_WORDS] = {"id and name take no value words", "id 和 name 不接受取值词"},
    [RS_M_S_M_WORDS] = {"expected an object of at most %d words: {\"word\": value}",
                        "应为最多 %d 个词的对象：{\"word\": value}"},
    [RS_M_S_M_OPTION] = {"expected the signal it names: strategic_agreement, equity_tie, exclusive, "
                         "info_sharing, price_agreement, or \"\" for none",
                         "应为该选项对应的信号：strategic_agreement、equity_tie、exclusive、"
                         "info_sharing、price_agreement，或 \"\" 表示不对应任何信号"},
    [RS_M_S_M_BUILTIN] = {"a built-in option, naming %s: relstage reads it so",
                          "这是内置选项，对应 %s：relstage 按此读取"},
    [RS_M_S_M_OPTWORD] = {"expected an option of 1 to %zu bytes", "应为 1 至 %zu 字节的选项"},
    [RS_M_S_M_OPTIONS] = {"expected an object of at most %d options: {\"option\": \"field\"}",
                          "应为最多 %d 个选项的对象：{\"option\": \"field\"}"},
    [RS_M_S_AND] = {"; ", "；"},
    [RS_M_S_KEYS_LIMIT] = {"more than %zu distinct keys (the column limit)",
                           "不同的键超过 %zu 个（列数上限）"},
    [RS_M_S_ARRAYS] = {"the JSON object holds %zu arrays of objects (%s); name the one to read "
                       "with --json-path",
                       "该 JSON 对象中有 %zu 个对象数组（%s）；请用 --json-path 指定要读取的那个"},
    [RS_M_S_TWOHEAD] = {"lines %lu and %lu read as one header (a period's cell merged over its "
                        "columns, joined to the cells under it), but which period's columns to "
                        "read is unclear %.*s): name them with -m, such as %s",
                        "第 %lu 行和第 %lu 行合为一个表头（期间单元格合并在其各列之上，与其下的单元格连读），"
                        "但不清楚应读取哪一期的列%.*s）：请用 -m 指定，如 %s"},
    [RS_M_S_U_SHARE] = {"purchase_share (%s \"%s\") is not in percent (it names %s), "
                        "so every share read from it would be wrong: give the shares in "
                        "percent, or take the share from no %s (-m purchase_share=) and "
                        "give our_sales and customer_spend",
                        "purchase_share（%s \"%s\"）不是百分比（它标明的是 %s），从中读出的每个份额"
                        "都会出错：请以百分比给出份额，或不从任何%s读取份额（-m purchase_share=），"
                        "改为给出 our_sales 和 customer_spend"},
    [RS_M_S_U_DIFFER] = {"our_sales (%s \"%s\") and customer_spend (%s \"%s\") name "
                         "different units (a %s that names no scale %s), "
                         "so the share from them would be wrong: give both in one unit and say so "
                         "in both %s, or give the share as purchase_share and take one of "
                         "them from no %s (-m our_sales= or -m customer_spend=)",
                         "our_sales（%s \"%s\"）和 customer_spend（%s \"%s\"）标明的单位不同"
                         "（未标明倍数的%s%s），由此算出的份额会出错：请把两者换成同一单位并在两个%s"
                         "中写明，或以 purchase_share 给出份额，并让其中一个不取任何%s"
                         "（-m our_sales= 或 -m customer_spend=）"},
    [RS_M_S_U_TAX] = {"our_sales (%s \"%s\") and customer_spend (%s \"%s\") are on "
                      "different tax bases (one with tax, the other without), so the share "
                      "from them would be off by the tax: give both on one basis and say so "
                      "in both %s, or give the share as purchase_share and take one of them "
                      "from no %s (-m our_sales= or -m customer_spend=)",
                      "our_sales（%s \"%s\"）和 customer_spend（%s \"%s\"）的计税口径不同"
                      "（一个含税，一个不含税），由此算出的份额会差一个税额：请把两者换成同一口径并在两个%s"
                      "中写明，或以 purchase_share 给出份额，并让其中一个不取任何%s"
                      "（-m our_sales= 或 -m customer_spend=）"},
    [RS_M_S_U_PLAIN] = {"counts as plain units", "按原始单位计"},
    [RS_M_S_U_LINE] = {"is in the unit line %lu gives, \"%s\"", "按第 %lu 行单位行所写的 \"%s\" 计"},
    [RS_M_S_U_HEADER] = {"header", "表头"},
    [RS_M_S_U_HEADERS] = {"headers", "表头"},
    [RS_M_S_U_SUB] = {"this row under the header gives units: our_sales (column \"%s\") in "
                      "\"%s\" and customer_spend (column \"%s\") in \"%s\" (no unit is plain "
                      "units), so the share from them would be wrong: give both in one unit, or "
                      "give the share as purchase_share and take one of them from no column "
                      "(-m our_sales= or -m customer_spend=)",
                      "表头下的这一行给出了单位：our_sales（列 \"%s\"）为 \"%s\"，customer_spend"
                      "（列 \"%s\"）为 \"%s\"（未写单位即按原始单位计），由此算出的份额会出错："
                      "请把两者换成同一单位，或以 purchase_share 给出份额，并让其中一个不取任何列"
                      "（-m our_sales= 或 -m customer_spend=）"},
    [RS_M_S_MERGED] = {"a second header row: %s's header \"%s\" stands over \"%s\" and \"%s\" "
                       "(columns %ld and %ld), a cell merged across them; say which is %s with "
                       "-m %s=#%ld or -m %s=#%ld",
                       "第二行表头：%s 的表头 \"%s\" 是横跨 \"%s\" 和 \"%s\"（第 %ld 列和第 %ld 列）"
                       "的合并单元格；请说明哪一列是 %s：-m %s=#%ld 或 -m %s=#%ld"},
    /* a CRM's own stage column; word and words are RS_M_S_COLUMN to RS_M_S_KEYS_W */
    [RS_M_S_APPENDS] = {"input %s %zu is named \"%s\", like the %s relstage appends; it is kept: "
                        "use --prefix P to name relstage's %s P_stage, P_flags, ... (or rename "
                        "that %s)",
                        "输入的%s %zu 名为 \"%s\"，与 relstage 追加的%s同名；它会照常保留：请用 "
                        "--prefix P 把 relstage 追加的%s命名为 P_stage、P_flags 等（或给这一%s改名）"},
    [RS_M_S_COLUMN] = {"column", "列"},
    [RS_M_S_COLUMNS_W] = {"columns", "列"},
    [RS_M_S_KEY_W] = {"key", "键"},
    [RS_M_S_KEYS_W] = {"keys", "键"},
    /* JSON records that keep their fields in an object (classify.c's hint_inner) */
    [RS_M_S_INNER] = {"no key gives %s; inside the first record's objects:%s%s%s%s",
                      "没有哪个键给出%s；第一条记录的对象中有：%s%s%s%s"},
    [RS_M_S_I_SHARE] = {"the share", "采购占比"},
    [RS_M_S_I_ID] = {"id", " id"},
    [RS_M_S_I_BOTH] = {"id or the share", " id 或采购占比"},
    [RS_M_S_I_ALSO] = {" (also there:", "（其中还有："},
    [RS_M_S_I_END] = {")", "）"},
    [RS_M_S_ENCODING] = {"unknown encoding %s (try utf-8, gb18030, gbk, big5 or latin1; `iconv -l` lists all)",
        "未知编码 %s（可试 utf-8、gb18030、gbk、big5 或 latin1；`iconv -l` 列出全部编码）"},
    [RS_M_S_NO_HEADER] = {"no header row",
        "找不到表头行"},
    [RS_M_S_CSV_EMPTY] = {"no header row: the file is empty",
        "找不到表头行：文件为空"},
    [RS_M_S_J_EMPTY] = {"no records: the input is empty",
        "没有记录：输入为空"},
    [RS_M_S_J_NO_OBJECT] = {"no records: the input holds no JSON object",
        "没有记录：输入中没有 JSON 对象"},
    [RS_M_S_J_ARRAY_EMPTY] = {"no records: the JSON array holds no object",
        "没有记录：JSON 数组中没有对象"},
    [RS_M_S_J_INNER_EMPTY] = {"no records: the JSON object's array holds no object",
        "没有记录：JSON 对象中的数组里没有对象"},
    [RS_M_S_J_FIRST_LINES] = {"no JSON object in the first %zu non-blank lines (expected one object per line; for an array use --from json)",
        "前 %zu 个非空行中没有 JSON 对象（应每行一个对象；JSON 数组请用 --from json）"},
    [RS_M_S_J_LINE_LONG] = {"line longer than the record limit (%zu bytes)",
        "该行超过单条记录的长度上限（%zu 字节）"},
    [RS_M_S_J_ELEMENT_LONG] = {"an element longer than the record limit (%zu bytes)",
        "该元素超过单条记录的长度上限（%zu 字节）"},
    [RS_M_S_J_GIB] = {"a JSON array larger than 1 GiB; use JSON Lines (one object per line), which streams",
        "JSON 数组超过 1 GiB；请改用 JSON Lines（每行一个对象），可流式读取"},
    [RS_M_S_X_ODS] = {"an OpenDocument spreadsheet (.ods): relstage reads .xlsx; save it as .xlsx (Excel 2007-365) or CSV UTF-8",
        "这是 OpenDocument 电子表格（.ods）：relstage 读取 .xlsx；请另存为 .xlsx（Excel 2007-365）或 CSV UTF-8"},
    [RS_M_S_X_XLS] = {"an Excel 97-2003 workbook (.xls): relstage reads .xlsx; save it as .xlsx (Excel Workbook) or CSV UTF-8",
        "这是 Excel 97-2003 工作簿（.xls）：relstage 读取 .xlsx；请另存为 .xlsx（Excel 工作簿）或 CSV UTF-8"},
    [RS_M_S_X_NOT_ZIP] = {"not an .xlsx workbook (it does not start as a zip archive); give --from csv if it is CSV",
        "不是 .xlsx 工作簿（文件开头不是 zip 压缩包）；如是 CSV，请用 --from csv"},
    [RS_M_S_X_UNREADABLE] = {"not a readable .xlsx workbook: %s",
        "不是可读取的 .xlsx 工作簿：%s"},
    [RS_M_S_X_NO_SHEETS] = {"the workbook lists no sheets",
        "该工作簿没有列出任何工作表"},
    [RS_M_S_X_NO_SHEET] = {"no sheet \"%s\"; the workbook has %s%s",
        "没有工作表 \"%s\"；该工作簿中有 %s%s"},
    [RS_M_S_X_CELL_LONG] = {"a cell is longer than the limit of %zu bytes",
        "单元格超过长度上限 %zu 字节"},
    [RS_M_S_X_RECORD_LONG] = {"record is longer than the limit of %zu bytes",
        "记录超过长度上限 %zu 字节"},
    [RS_M_S_PIPE_ZIP] = {"this looks like a zip archive (an .xlsx workbook?) read from a pipe: give --from xlsx",
        "从管道读到的像是 zip 压缩包（.xlsx 工作簿？）：请用 --from xlsx"},
    [RS_M_S_W_COLUMNS] = {"a sheet holds at most %d columns",
        "一个工作表最多容纳 %d 列"},
    [RS_M_S_W_CELL] = {"%s holds %zu characters, more than the %d an Excel cell holds; "
                       "shorten it, or write CSV (--to csv) for such data",
                       "%s 有 %zu 个字符，超过 Excel 单元格所能容纳的 %d 个；请缩短，或对此类数据输出 "
                       "CSV（--to csv）"},
    [RS_M_S_W_REJECTS] = {"more rejected rows than a sheet holds; keep them with --rejects FILE",
        "被拒绝的行超过一个工作表的容量；请用 --rejects FILE 保存"},
    [RS_M_S_FILES_COUNT] = {"%zu %s here but %zu in the first file; files classified together need the same %s",
        "此文件有 %zu %s，而第一个文件有 %zu 个；一起分类的文件须有相同的%s"},
    [RS_M_S_FILES_NAME] = {"%s %zu is \"%s\" here but \"%s\" in the first file; files classified together need the same %s",
        "%s %zu 在此文件中是 \"%s\"，在第一个文件中是 \"%s\"；一起分类的文件须有相同的%s"},
    [RS_M_S_PREV_STAGE] = {"stage \"%s\" is not a stage of the rules in force",
        "阶段 \"%s\" 不是当前规则中的阶段"},
    [RS_M_S_CSV_FIELD] = {"a field starting at line %lu is longer than the limit of %zu bytes (an unclosed quote?)",
        "从第 %lu 行开始的字段超过长度上限 %zu 字节（引号未闭合？）"},
    [RS_M_S_AT_COLUMN] = {"%s at column %lu",
        "%s，位于第 %lu 列"},
    [RS_M_S_J_INVALID] = {"invalid JSON",
        "JSON 格式无效"},
    [RS_M_S_J_NESTED] = {"nested deeper than the limit",
        "嵌套层数超过上限"},
    [RS_M_S_J_COLON] = {"expected ':'",
        "应为 ':'"},
    [RS_M_S_J_COMMA] = {"expected ',' or '}'",
        "应为 ',' 或 '}'"},
    [RS_M_S_J_NOT_RECORDS] = {"expected a JSON array of objects, or an object holding one (for one object per line use --from jsonl)",
        "应为由对象组成的 JSON 数组，或包含这样一个数组的对象（每行一个对象请用 --from jsonl）"},
    [RS_M_S_X_EMPTY] = {"no header row: sheet \"%s\" is empty%s",
        "找不到表头行：工作表 \"%s\" 为空%s"},
    /* rs_xlsx_sheet_hint's two parts around the other sheets' names */
    [RS_M_S_X_HINT] = {" (read sheet \"%s\"; the workbook also has ",
        "（读取的是工作表 \"%s\"；该工作簿中还有 "},
    [RS_M_S_X_HINT_END] = {": choose one with --sheet NAME)",
        "：请用 --sheet NAME 选择）"},
    [RS_M_S_X_NO_PART] = {"not an .xlsx workbook: no %s in the archive (%s)",
        "不是 .xlsx 工作簿：压缩包中没有 %s（%s）"},
    [RS_M_S_X_SHEET_PART] = {"sheet \"%s\" has no part in the archive",
        "压缩包中没有工作表 \"%s\" 的部件"},
    [RS_M_S_X_SHARED_MAX] = {"the workbook's shared strings pass %zu MiB, which relstage "
                             "holds in memory; save the sheet as CSV and classify that",
        "该工作簿的共享字符串超过 %zu MiB（relstage 要把它们全部放在内存中）；请把工作表另存为 CSV 再分类"},
    [RS_M_S_X_FORMULA] = {"cell %s%lu holds a formula whose calculated value the workbook "
                          "does not hold (it was written by a program that does not calculate, "
                          "such as openpyxl or XlsxWriter); open it in Excel, WPS or "
                          "LibreOffice and save it, or save the sheet as CSV",
        "单元格 %s%lu 是公式，但工作簿中没有它的计算结果（该文件由不做计算的程序写出，"
        "如 openpyxl 或 XlsxWriter）；请用 Excel、WPS 或 LibreOffice 打开并保存，或把工作表另存为 CSV"},
    [RS_M_S_X_SHARED_REF] = {"a cell refers to shared string %s of %zu",
        "单元格引用的共享字符串 %s 超出范围（共 %zu 个）"},
    [RS_M_S_X_CELL_ORDER] = {"cell %s%lu comes after cell %s%lu in the sheet's XML (its cells are out "
                             "of order, or one is written twice): open the workbook in Excel, WPS or "
                             "LibreOffice and save it, or save the sheet as CSV",
        "工作表的 XML 中单元格 %s%lu 排在单元格 %s%lu 之后（单元格顺序错乱，或有单元格写了两次）："
        "请用 Excel、WPS 或 LibreOffice 打开该工作簿并保存，或把工作表另存为 CSV"},
    [RS_M_S_X_ROW_NUMBER] = {"a row is numbered r=\"%.20s\", not 1 to %lu: the workbook is damaged",
        "有一行的行号为 r=\"%.20s\"，不在 1 到 %lu 之间：工作簿已损坏"},
    [RS_M_S_X_ROW_ORDER] = {"row %lu comes after row %lu in the sheet's XML (its rows are out "
                            "of order, or one is written twice): open the workbook in Excel, "
                            "WPS or LibreOffice and save it, or save the sheet as CSV",
        "工作表的 XML 中第 %lu 行排在第 %lu 行之后（行的顺序错乱，或有一行写了两次）："
        "请用 Excel、WPS 或 LibreOffice 打开该工作簿并保存，或把工作表另存为 CSV"},
    [RS_M_S_X_CASE] = {"%zu sheets are named \"%s\" but for case; "
                       "give --sheet NAME exactly as the sheet is written",
        "有 %zu 个工作表名为 \"%s\"（仅大小写不同）；请用 --sheet NAME 按工作表名的原样指定"},
    [RS_M_S_J_NO_LINE] = {"no line holds a JSON object (first problem: %.300s)",
        "没有哪一行是 JSON 对象（第一个问题：%.300s）"},
    [RS_M_S_J_DEEP] = {"no record could be read: the JSON array's element "
                       "here is nested deeper than %d levels, and no other is an object",
        "无法读取任何记录：JSON 数组在此处的元素嵌套超过 %d 层，其他元素也都不是对象"},
    /* --json-path naming no array: then either the arrays there are, or none */
    [RS_M_S_J_PATH] = {"--json-path %s: no array there; %s%s",
        "--json-path %s: 该处没有数组；%s%s"},
    [RS_M_S_J_PATH_ARRAYS] = {"arrays of objects: ",
        "对象数组有："},
    [RS_M_S_J_PATH_NONE] = {"the object holds no array of objects",
        "该对象中没有对象数组"},
    [RS_M_S_J_OURS] = {"a JSON object where relstage's rows were expected: it writes "
                       "them as an array of objects (a --summary-json file is not its output)",
        "此处应为 relstage 输出的行，却是一个 JSON 对象：relstage 把行写成对象数组"
        "（--summary-json 文件不是它的输出）"},
    /* word is RS_M_S_COLUMN or RS_M_S_KEY_W */
    [RS_M_S_P_NO_STAGE] = {"no \"stage\" (or \"阶段\") %s: --previous takes an earlier relstage "
                           "output written as csv, tsv, json or jsonl (not table)",
        "没有 \"stage\"（或 \"阶段\"）%s：--previous 需要 relstage 之前写出的 csv、tsv、json 或 "
        "jsonl 输出（不能是 table）"},
    /* validate: the decision table's analysis (analyze.c). Ranges, stage ids and
     * decision[N] stay as in the rules file. */
    [RS_M_S_A_GAP] = {"%s is covered by no decision row: a record there is rejected",
        "没有任何决策行覆盖 %s：落在此范围的记录会被拒绝"},
    [RS_M_S_A_EXCLUDED] = {"(stage %s) can never match: its share_pct conditions exclude every value from 0 to 100",
        "（阶段 %s）永远不会匹配：其 share_pct 条件排除了 0 到 100 之间的所有值"},
    [RS_M_S_A_NEVER] = {"(stage %s) can never match: %s",
        "（阶段 %s）永远不会匹配：%s"},
    [RS_M_S_A_SHADOWED] = {"(stage %s) is shadowed in part: %s",
        "（阶段 %s）部分被遮蔽：%s"},
    [RS_M_S_A_GOES_TO] = {"%s%s goes to decision[%zu] (%s)",
        "%s%s 的记录先由 decision[%zu]（%s）匹配"},
    [RS_M_S_A_RANGE] = {"share_pct %s %.15g and %s %.15g",
        "share_pct %s %.15g 且 %s %.15g"},
    [RS_M_S_A_UNREACHED] = {"stage %s can never be reached: no decision row that names it can match",
        "没有记录会被判定为阶段 %s：指定该阶段的决策行都不可能匹配"},
    [RS_M_S_A_REPEATS] = {"repeats %s: an account would read it twice",
        "与 %s 重复：同一客户的建议行动中会出现两次"},
    [RS_M_S_A_TOO_MANY] = {"more than %d distinct share_pct values: not analysed",
        "share_pct 的不同取值超过 %d 个：未作分析"},
    /* a workbook part that is not well-formed XML (read_xlsx.c): the part, the
     * line, and expat's words for what is wrong (XML_ErrorString's English, the
     * ones a damaged or hostile workbook gives; any other stays as expat says it) */
    [RS_M_S_XML_LINE] = {"%s: line %lu: %s",
        "%s: 第 %lu 行：%s"},
    [RS_M_S_XML_SYNTAX] = {"syntax error",
        "语法错误"},
    [RS_M_S_XML_NO_ELEMENT] = {"no element found",
        "未找到任何元素"},
    [RS_M_S_XML_INVALID_TOKEN] = {"not well-formed (invalid token)",
        "格式不正确（无效的标记）"},
    [RS_M_S_XML_UNCLOSED] = {"unclosed token",
        "标记未结束"},
    [RS_M_S_XML_PARTIAL_CHAR] = {"partial character",
        "字符不完整"},
    [RS_M_S_XML_TAG_MISMATCH] = {"mismatched tag",
        "开始标签与结束标签不匹配"},
    [RS_M_S_XML_DUP_ATTR] = {"duplicate attribute",
        "属性重复"},
    [RS_M_S_XML_JUNK] = {"junk after document element",
        "文档元素之后有多余内容"},
    [RS_M_S_XML_ENTITY] = {"undefined entity",
        "未定义的实体"},
    [RS_M_S_XML_RECURSIVE] = {"recursive entity reference",
        "实体递归引用"},
    [RS_M_S_XML_CHAR_REF] = {"reference to invalid character number",
        "引用了无效的字符编号"},
    [RS_M_S_XML_MISPLACED_DECL] = {"XML or text declaration not at start of entity",
        "XML 声明或文本声明不在实体开头"},
    [RS_M_S_XML_ENCODING] = {"unknown encoding",
        "未知编码"},
    [RS_M_S_XML_WRONG_ENCODING] = {"encoding specified in XML declaration is incorrect",
        "XML 声明中指定的编码不正确"},
    [RS_M_S_XML_CDATA] = {"unclosed CDATA section",
        "CDATA 节未结束"},
    [RS_M_S_XML_PREFIX] = {"unbound prefix",
        "命名空间前缀未绑定"},
    [RS_M_S_XML_DECL] = {"XML declaration not well-formed",
        "XML 声明格式不正确"},
    [RS_M_S_XML_AMPLIFICATION] = {"limit on input amplification factor (from DTD and entities) breached",
        "超出输入放大系数的上限（来自 DTD 和实体）"},
    [RS_M_R_MISSING] = {"missing (required)",
        "缺少（必填）"},
    [RS_M_R_NUMBER] = {"expected a number",
        "应为数字"},
    [RS_M_R_FINITE] = {"not a finite number",
        "不是有限数字"},
    [RS_M_R_NEGATIVE] = {"must not be negative",
        "不能为负数"},
    [RS_M_R_ARRAY] = {"expected an array",
        "应为数组"},
    [RS_M_R_EMPTY] = {"must not be empty",
        "不能为空"},
    [RS_M_R_ENTRIES] = {"has %zu entries, more than the limit of %zu",
        "有 %zu 项，超过上限 %zu"},
    [RS_M_R_ID] = {"expected an id: a lower case letter, then letters, digits or _ (at most %d)",
        "应为 id：以小写字母开头，后跟字母、数字或 _（最多 %d 个）"},
    [RS_M_R_STRING] = {"expected a string",
        "应为字符串"},
    [RS_M_R_LONGER] = {"longer than %d bytes",
        "超过 %d 字节"},
    [RS_M_R_CONTROL] = {"contains a control character (a line break or tab)",
        "含控制字符（换行符或制表符）"},
    [RS_M_R_UTF8] = {"is not valid UTF-8 (save the rules file as UTF-8)",
        "不是有效的 UTF-8（请把规则文件另存为 UTF-8）"},
    [RS_M_R_PARAM] = {"\"%.*s\" is not a param: write {name} with a name from params%s",
        "\"%.*s\" 不是参数：请写 {name}，name 取自 params%s"},
    [RS_M_R_OR_GAP] = {" or {gap}",
        " 或 {gap}"},
    [RS_M_R_TEXT] = {"expected a text: {\"en\": \"...\", \"zh\": \"...\"}",
        "应为文本：{\"en\": \"...\", \"zh\": \"...\"}"},
    [RS_M_R_NO_STAGE] = {"no valid stage is defined to refer to",
        "没有定义可引用的有效阶段"},
    [RS_M_R_UNKNOWN_STAGE] = {"unknown stage \"%.40s\" (expected: %s)",
        "未知阶段 \"%.40s\"（可用：%s）"},
    [RS_M_R_STAGE_ID] = {"expected a stage id (one of: %s)",
        "应为阶段 id（可用：%s）"},
    [RS_M_R_ONE_OF] = {"expected one of: %s",
        "应为以下之一：%s"},
    [RS_M_R_NONE] = {"(none defined)",
        "（未定义）"},
    [RS_M_R_VAR] = {"expected a variable name",
        "应为变量名"},
    [RS_M_R_UNKNOWN_VAR] = {"unknown variable \"%.40s\" (expected one of: %s)",
        "未知变量 \"%.40s\"（可用：%s）"},
    [RS_M_R_ACTIONS_ONLY] = {"\"%s\" can be tested only in action rules%s",
        "\"%s\" 只能在动作规则%s中检验"},
    [RS_M_R_AND_MODELS] = {" and alliance models",
        "和联盟模型"},
    [RS_M_R_SCORE_PART] = {"a score part cannot use contact_score or cooperation_score",
        "评分项不能使用 contact_score 或 cooperation_score"},
    [RS_M_R_LINEAR] = {"%s is text: a linear part needs a number, yes/no or level",
        "%s 是文本：线性评分项需要数字、是/否或职级"},
    [RS_M_R_UNKNOWN_OP] = {"unknown operator \"%.20s\" (expected ==, !=, <, <=, >, >=, known, unknown)",
        "未知运算符 \"%.20s\"（可用：==、!=、<、<=、>、>=、known、unknown）"},
    [RS_M_R_OP] = {"expected an operator: ==, !=, <, <=, >, >=, known, unknown",
        "应为运算符：==、!=、<、<=、>、>=、known、unknown"},
    [RS_M_R_NODES] = {"the conditions have more than %d nodes in all",
        "条件的节点总数超过 %d 个"},
    [RS_M_R_LEVEL] = {"expected a level for %s: staff, manager, director, executive (or 员工, 经理, 总监, 高层)",
        "%s 应为职级：staff、manager、director、executive（或 员工、经理、总监、高层）"},
    [RS_M_R_BOOL] = {"expected true or false for %s",
        "%s 应为 true 或 false"},
    [RS_M_R_NO_VALUE] = {"\"%s\" takes no value",
        "\"%s\" 不带值"},
    [RS_M_R_TEXT_OPS] = {"%s is text: only \"known\" and \"unknown\" apply",
        "%s 是文本：只能用 \"known\" 和 \"unknown\""},
    [RS_M_R_EQ_OPS] = {"%s is %s: use ==, !=, known or unknown",
        "%s 是%s：请用 ==、!=、known 或 unknown"},
    [RS_M_R_AN_ID] = {"an id",
        " id"},
    [RS_M_R_YES_NO] = {"yes/no",
        "是/否值"},
    [RS_M_R_GAP_ONCE] = {"need.%s: {gap} may appear once",
        "need.%s：{gap} 只能出现一次"},
    [RS_M_R_DEPTH] = {"conditions nest deeper than %d levels",
        "条件嵌套超过 %d 层"},
    [RS_M_R_CONDITION] = {"expected a condition: {\"all\": [...]}, {\"any\": [...]}, {\"not\": ...}, {\"bond\": ...} or {\"var\": ..., \"op\": ..., \"value\": ...}",
        "应为条件：{\"all\": [...]}、{\"any\": [...]}、{\"not\": ...}、{\"bond\": ...} 或 {\"var\": ..., \"op\": ..., \"value\": ...}"},
    [RS_M_R_BONDS] = {"bonds can be tested only in decision rows, relationship types, alliance models and action rules",
        "bonds 只能在决策行、关系类型、联盟模型和动作规则中检验"},
    [RS_M_R_CONDITIONS] = {"expected an array of conditions",
        "应为条件数组"},
    [RS_M_R_ACTIONS] = {"has %zu actions but en has %zu: give each action in both languages",
        "有 %zu 个动作，而 en 有 %zu 个：请为每个动作给出两种语言"},
    [RS_M_R_PARAMS] = {"expected an object of at most %d numbers: {\"strategic_share\": 80}",
        "应为最多 %d 个数字的对象：{\"strategic_share\": 80}"},
    [RS_M_R_PARAM_NAME] = {"a param name is lower case letters, digits and _ (not \"gap\")",
        "参数名只能由小写字母、数字和 _ 组成（不能是 \"gap\"）"},
    [RS_M_R_MESSAGES_OBJ] = {"expected an object of texts, e.g. {\"downgrade\": {\"en\": ..., \"zh\": ...}}",
        "应为文本对象，例如 {\"downgrade\": {\"en\": ..., \"zh\": ...}}"},
    [RS_M_R_MESSAGES] = {"more than %d messages",
        "消息超过 %d 条"},
    [RS_M_R_MESSAGE_NAME] = {"a message name is lower case letters, digits and _",
        "消息名只能由小写字母、数字和 _ 组成"},
    [RS_M_R_PART] = {"expected a part: {\"var\", \"per\", \"cap\"} or {\"when\", \"points\"}",
        "应为评分项：{\"var\", \"per\", \"cap\"} 或 {\"when\", \"points\"}"},
    [RS_M_R_DUP_ID] = {"duplicate %sid \"%s\" (also %s[%zu])",
        "%sid \"%s\" 重复（又见 %s[%zu]）"},
    [RS_M_R_PERCENT] = {"must be more than 0 and at most 100",
        "须大于 0 且不超过 100"},
    [RS_M_R_VERSION] = {"unsupported format version %g (this relstage reads version 1)",
        "不支持的格式版本 %g（本 relstage 读取版本 1）"},
    [RS_M_R_TOO_BIG] = {"the rules file is larger than %zu bytes",
        "规则文件超过 %zu 字节"},
};

/* A cell that words follow: in Chinese spaced from them, as a Latin word
 * is, unless it ends in its reading's full-width bracket. */
static const char *spaced(rs_lang g, const char *s, char *buf, size_t cap)
{
	size_t n = strlen(s);

	if (g != RS_LANG_ZH || (n >= 3 && strcmp(s + n - 3, "）") == 0))
		return s;
	(void)snprintf(buf, cap, "%s ", s);
	return buf;
}

void rs_msg_share(char *buf, size_t cap, rs_lang g, rs_share_fault f, const char *const shown[4],
                  const char *spend_col)
{
	char sp[160];

	switch (f) {
	case RS_SHARE_OVER_SPEND:
		(void)snprintf(buf, cap, rs_msg(g, RS_M_SHARE_OVER), spaced(g, shown[0], sp, sizeof sp),
		               shown[1], spend_col);
		break;
	case RS_SHARE_RANGE:
	case RS_SHARE_PREV_RANGE:
		(void)snprintf(buf, cap, rs_msg(g, RS_M_SHARE_CELL),
		               rs_msg(g, f == RS_SHARE_RANGE ? RS_M_SHARE_SHARE : RS_M_SHARE_PREV),
		               spaced(g, shown[f == RS_SHARE_RANGE ? 2 : 3], sp, sizeof sp),
		               rs_msg(g, RS_M_SHARE_RANGE));
		break;
	case RS_SHARE_NEG_SALES:
	case RS_SHARE_NEG_SPEND:
		(void)snprintf(buf, cap, rs_msg(g, RS_M_SHARE_CELL),
		               rs_msg(g, f == RS_SHARE_NEG_SALES ? RS_M_SHARE_SALES : RS_M_SHARE_SPEND),
		               spaced(g, shown[f == RS_SHARE_NEG_SPEND], sp, sizeof sp),
		               rs_msg(g, RS_M_NEGATIVE));
		break;
	default:
		(void)snprintf(buf, cap, "%s", rs_msg(g, RS_M_SHARE_NONE));
	}
}

const char *rs_msg_tr(rs_lang g, const char *en)
{
	size_t i;

	if ((unsigned)g >= RS_LANG_COUNT) /* an rs_error the caller did not clear */
		return en;
	for (i = RS_M_S_OPEN; g != RS_LANG_EN && en != NULL && i < RS_M_COUNT; i++)
		if (strcmp(rs_msgs[i][RS_LANG_EN], en) == 0)
			return rs_msgs[i][g];
	return en;
}

const char *rs_msg_as(rs_lang g, const char *en)
{
	size_t i;

	for (i = 0; g != RS_LANG_EN && en != NULL && i < RS_M_COUNT; i++)
		if (rs_msgs[i][RS_LANG_EN] == en)
			return rs_msgs[i][g];
	return en;
}
