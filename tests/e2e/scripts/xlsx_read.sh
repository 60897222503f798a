#!/bin/sh
# Workbooks in: .xlsx files made by another program (openpyxl, and sheet XML
# written by hand: tests/e2e/make_xlsx.py) classify exactly as their CSV
# twins, which hold the text each cell must give (same exit status, output
# and messages); --sheet and continuation sheets; pipes; .xls and broken
# files; --previous reads a workbook relstage wrote.
# Run from tests/e2e with $RELSTAGE set (run.sh does both).
set -u
R=${RELSTAGE:?}
PY=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import openpyxl' 2>/dev/null && { PY=$p; break; }
done
[ -n "$PY" ] || { echo "FAIL: no python3 with openpyxl (Debian: python3-openpyxl; tools/deps.sh)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$PY" make_xlsx.py "$t" || { echo "FAIL: make_xlsx.py"; exit 1; }

# Each workbook against its twin, in English and Chinese output.
for f in xl_accounts xl_kingdee xl_kingdee_plain xl_edge xl_colours xl_dot_targets xl_escapes xl_excel_digits xl_long_ids xl_iso_dates xl_booleans xl_year_as_date xl_year_as_date_1904 xl_units xl_codes xl_currencies; do
	for args in "-q" "-q --lang zh --headers zh --explain"; do
		# shellcheck disable=SC2086
		"$R" $args "$t/$f.xlsx" >"$t/x.out" 2>"$t/x.err"
		a=$?
		# shellcheck disable=SC2086
		"$R" $args "$t/$f.csv" >"$t/c.out" 2>"$t/c.err"
		b=$?
		[ $a = $b ] || fail "$f ($args): exit $a for the workbook, $b for its CSV twin"
		cmp -s "$t/x.out" "$t/c.out" || { fail "$f ($args): output differs from the twin's"; diff "$t/c.out" "$t/x.out" | head -5; }
		sed "s/$f\.xlsx/$f.csv/g" "$t/x.err" | cmp -s - "$t/c.err" ||
			{ fail "$f ($args): messages differ"; sed "s/$f\.xlsx/$f.csv/g" "$t/x.err" | diff "$t/c.err" - | head -5; }
	done
done
# A currency shown only by a number format: a header's "(EUR)" beside
# cells formatted in dollars is refused as in a CSV; in euros, read.
"$R" -q "$t/xl_currency_header.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 1 ] && [ "$(cut -d, -f1,7 "$t/x.out" | tr '\n' ' ')" = "id,share_pct H2,24 " ] &&
	grep -qxF "relstage: $t/xl_currency_header.xlsx:2: Umsatz (EUR): our_sales \"1200\" and customer_spend \"\$5000\" are in different currencies" "$t/err" ||
	fail "xl_currency_header: exit $rc: $(cat "$t/x.out" "$t/err")"
# Amounts in one format's currency read as before: 1.234 under
# [$€-407]#,##0.00 is the exact number, no decimal mark to doubt.
"$R" -q "$t/xl_one_currency.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && [ "$(cut -d, -f1,3,7 "$t/x.out" | tr '\n' ' ')" = "id,our_sales,share_pct E1,1.234,49.36 E2,1200,24 E3,1200,24 " ] &&
	! grep -q 'different currencies\|decimal mark' "$t/err" ||
	fail "xl_one_currency: exit $rc: $(cat "$t/x.out" "$t/err")"
# Ids in number cells of 16 digits or more (Excel keeps 15): refused, each
# row naming its id and digits; 15 digits, and a long number as a name, read.
"$R" -q "$t/xl_number_ids.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 1 ] && [ "$(cut -d, -f1,2 "$t/x.out" | tr '\n' ' ')" = "id,name 123456789012345,N3 T1,1234567890123456 " ] &&
	[ "$(grep -c "is a workbook's number of 1[6-9] digits: Excel keeps 15, so a long numeric id lost its last digits (two ids can become one); export the ids as text\$" "$t/err")" = 4 ] &&
	grep -qxF "relstage: $t/xl_number_ids.xlsx:5: id \"12345678901234567890\" is a workbook's number of 20 digits: Excel keeps 15, so a long numeric id lost its last digits (two ids can become one); export the ids as text" "$t/err" ||
	fail "xl_number_ids: exit $rc: $(cat "$t/x.out" "$t/err")"
"$R" -q --lang zh "$t/xl_number_ids.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 1 ] && grep -qxF "relstage: $t/xl_number_ids.xlsx:2: id \"1234567890123450\" 是工作簿中的 16 位数字：Excel 只保留 15 位，长编号的末几位已丢失（两个编号可能变成一个）；请将 id 列设为文本后重新导出" "$t/err" ||
	fail "xl_number_ids (zh): exit $rc: $(cat "$t/err")"
# Years typed into date cells (2019 shown as 1905-07-11, or 1909-07-12 in the
# 1904 system): refused, never a relationship since 1905; a real date reads.
for f in xl_year_as_date xl_year_as_date_1904; do
	"$R" "$t/$f.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 1 ] && [ "$(cut -d, -f1 "$t/x.out" | tr '\n' ' ')" = "id Y3 Y4 " ] &&
		[ "$(grep -c 'customer_since "19\(05\|09\)-07-[01][0-9]" is not a year or a date (a year typed into a cell formatted as a date' "$t/err")" = 2 ] ||
		fail "$f: exit $rc: $(cat "$t/x.out" "$t/err")"
done
# Rows hidden or filtered out in Excel are read like the others, and said.
"$R" -q "$t/xl_hidden.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && [ "$(grep -c '^H[1-6],' "$t/x.out")" = 6 ] &&
	grep -qF 'xl_hidden.xlsx: 2 rows are hidden in the sheet (hidden or filtered out in Excel; the first at line 4): read like the others' "$t/err" ||
	fail "xl_hidden: exit $rc: $(cat "$t/err")"
# A field read from a hidden column is read, and said.
"$R" -q "$t/xl_hidden_column.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^HC1,Hidden Column Co,30,85,initial,' "$t/x.out" &&
	grep -qxF "relstage: $t/xl_hidden_column.xlsx: purchase_share is column 3, which is hidden in the sheet: read like the others; to read another column, give -m purchase_share=COLUMN" "$t/err" ||
	fail "xl_hidden_column: exit $rc: $(cat "$t/err")"
"$R" -q -m purchase_share=#4 "$t/xl_hidden_column.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^HC1,Hidden Column Co,30,85,stable,' "$t/x.out" && ! grep -q 'hidden in the sheet' "$t/err" ||
	fail "xl_hidden_column -m purchase_share=#4: exit $rc: $(cat "$t/err")"
# A field's cells merged across rows: read as the file holds them (the top
# row), and said; a merged title, totals label or non-field column is not.
"$R" -q "$t/xl_merged_rows.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^M2,Merged Two,60,,,' "$t/x.out" && [ "$(grep -c "merged across" "$t/err")" = 1 ] &&
	grep -qxF "relstage: $t/xl_merged_rows.xlsx: top_contact_level (column 4) has cells merged across rows (lines 3 to 5): the file holds the value in the top row only, so the rows under it are read as empty; to give every row its value, unmerge the cells and fill them in" "$t/err" ||
	fail "xl_merged_rows: exit $rc: $(cat "$t/err")"
# ... said of that file alone: a second file with none hidden does not repeat it.
printf 'id,name,purchase_share\nV1,Visible,30\n' >"$t/shown.csv"
"$R" -q "$t/xl_hidden.xlsx" "$t/shown.csv" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 0 ] && [ "$(grep -c 'hidden in the sheet' "$t/err")" = 1 ] && ! grep -q 'shown.csv.*hidden' "$t/err" ||
	fail "xl_hidden then shown.csv: exit $rc: $(cat "$t/err")"
# A share header merged across two years (WPS): the run stops, naming both
# columns; -m picks one, and the row of years is skipped as a title row.
"$R" -q "$t/xl_wps_years.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -qF 'xl_wps_years.xlsx:3: a second header row: purchase_share'"'"'s header "采购占比" stands over "2025" and "2026" (columns 3 and 4)' "$t/err" ||
	fail "xl_wps_years: exit $rc: $(cat "$t/err")"
for f in xl_wps_years.xlsx xl_wps_years.csv; do
	"$R" -q -m purchase_share=#4 "$t/$f" 2>/dev/null | cut -d, -f1,4,7 >"$t/$f.out" || fail "$f -m purchase_share=#4: exit $?"
done
printf '%s\n' 客户编号,,stage K001,88%,stable K002,35%,initial K003,55%,stable | cmp -s - "$t/xl_wps_years.xlsx.out" &&
	cmp -s "$t/xl_wps_years.xlsx.out" "$t/xl_wps_years.csv.out" || { fail "xl_wps_years -m purchase_share=#4"; cat "$t/xl_wps_years.xlsx.out"; }
# The twins are not trivially empty: the plain Kingdee file classifies.
"$R" -q "$t/xl_kingdee_plain.xlsx" >"$t/k.out" || fail "xl_kingdee_plain: exit $?"
# (the formula-like note stays text, and CSV output neutralises it as usual)
grep -q "^K001,苏州金科精密机械有限公司,85%,4250000.5,5000000,6,3,总监,是,5,1,2,否,2019-03-01,\"'=SUM(A1:A3)\"," "$t/k.out" ||
	{ fail "K001 not read as shown in Excel"; head -2 "$t/k.out"; }
# (header and four accounts: the 合计 row is a totals row, skipped)
[ "$(wc -l <"$t/k.out")" = 5 ] || fail "xl_kingdee_plain: $(wc -l <"$t/k.out") lines, expected 5"

# A formula whose value the workbook does not hold stops the run, naming the
# cell: never read as empty (openpyxl, or an empty text result in a workbook
# to be recalculated) or as the 0 XlsxWriter stores.
for f in xl_formula_openpyxl xl_formula_zero xl_formula_text; do
	"$R" -q "$t/$f.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -q "$f.xlsx:2: cell C2 holds a formula whose calculated value the workbook does not hold" "$t/err" ||
		fail "$f: exit $rc: $(cat "$t/err")"
	"$R" -q --lang zh "$t/$f.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -q "$f.xlsx:2: 单元格 C2 是公式，但工作簿中没有它的计算结果（该文件由不做计算的程序写出，如 openpyxl 或 XlsxWriter）；请用 Excel、WPS 或 LibreOffice 打开并保存，或把工作表另存为 CSV" "$t/err" ||
		fail "$f --lang zh: exit $rc: $(cat "$t/err")"
done
# Saved by Excel (values stored, no recalculation asked): read as its twin.
"$R" -q "$t/xl_formula_calculated.xlsx" >"$t/x.out" 2>/dev/null || fail "xl_formula_calculated: exit $?"
"$R" -q "$t/xl_formula_calculated.csv" >"$t/c.out" 2>/dev/null
cmp -s "$t/x.out" "$t/c.out" || { fail "xl_formula_calculated differs from its twin"; diff "$t/c.out" "$t/x.out" | head -5; }

# A row's cells out of order, or one written twice: what Excel shows there is
# not known (LibreOffice places the first, keeps the second's value): stop.
for c in "xl_cells_unordered B2 C2" "xl_cells_twice C2 C2"; do
	set -- $c
	"$R" -q "$t/$1.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qF "$1.xlsx:2: cell $2 comes after cell $3 in the sheet's XML (its cells are out of order, or one is written twice): open the workbook in Excel, WPS or LibreOffice and save it" "$t/err" ||
		fail "$1: exit $rc: $(cat "$t/err")"
	"$R" -q --lang zh "$t/$1.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qxF "relstage: $t/$1.xlsx:2: 工作表的 XML 中单元格 $2 排在单元格 $3 之后（单元格顺序错乱，或有单元格写了两次）：请用 Excel、WPS 或 LibreOffice 打开该工作簿并保存，或把工作表另存为 CSV" "$t/err" ||
		fail "$1 --lang zh: exit $rc: $(cat "$t/err")"
done
# So do rows out of order, or one numbered twice: Excel repairs the sheet, and
# the rows above a totals row are not those the file lists before it.
for c in "xl_rows_unordered 2 3" "xl_rows_twice 2 2"; do
	set -- $c
	"$R" -q "$t/$1.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qF "$1.xlsx:$2: row $2 comes after row $3 in the sheet's XML (its rows are out of order, or one is written twice): open the workbook in Excel, WPS or LibreOffice and save it" "$t/err" ||
		fail "$1: exit $rc: $(cat "$t/err")"
	"$R" -q --lang zh "$t/$1.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qxF "relstage: $t/$1.xlsx:$2: 工作表的 XML 中第 $2 行排在第 $3 行之后（行的顺序错乱，或有一行写了两次）：请用 Excel、WPS 或 LibreOffice 打开该工作簿并保存，或把工作表另存为 CSV" "$t/err" ||
		fail "$1 --lang zh: exit $rc: $(cat "$t/err")"
done
# A sheet with no cells (the hint names the sheet that has them), a sheet
# whose part the archive lacks or whose relationship is not there, a sheet
# whose XML is not well-formed (expat's words in Chinese too), a cell naming
# a shared string the workbook does not have: stop, in each language.
while IFS='|' read -r f en zh; do
	"$R" -q "$t/$f.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qxF "relstage: $t/$f.xlsx$en" "$t/err" || fail "$f: exit $rc: $(cat "$t/err")"
	"$R" -q --lang zh "$t/$f.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
	[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qxF "relstage: $t/$f.xlsx$zh" "$t/err" || fail "$f --lang zh: exit $rc: $(cat "$t/err")"
done <<'EOF'
xl_empty_sheet|: no header row: sheet "Export" is empty (read sheet "Export"; the workbook also has "Accounts": choose one with --sheet NAME)|: 找不到表头行：工作表 "Export" 为空（读取的是工作表 "Export"；该工作簿中还有 "Accounts"：请用 --sheet NAME 选择）
xl_no_part|: not an .xlsx workbook: no xl/worksheets/gone.xml in the archive (No such file)|: 不是 .xlsx 工作簿：压缩包中没有 xl/worksheets/gone.xml（No such file）
xl_sheet_unlinked|: sheet "Export" has no part in the archive|: 压缩包中没有工作表 "Export" 的部件
xl_shared_past|:2: a cell refers to shared string 5 of 1|:2: 单元格引用的共享字符串 5 超出范围（共 1 个）
xl_bad_xml|: xl/worksheets/sheet1.xml: line 2: mismatched tag|: xl/worksheets/sheet1.xml: 第 2 行：开始标签与结束标签不匹配
EOF

# The first sheet is read; when Excel opens the workbook on another, that is
# said (and --sheet names it). A hidden first sheet is passed over, silently:
# the first sheet shown is the one Excel opens on.
"$R" -q "$t/xl_quarters.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^Q1-1,' "$t/x.out" &&
	grep -qxF "relstage: $t/xl_quarters.xlsx: read sheet \"Q1\", the first; the workbook opens on sheet \"Q4\" in Excel: to read that one, give --sheet \"Q4\"" "$t/err" ||
	fail "xl_quarters: exit $rc: $(cat "$t/err")"
# The same notes with --lang zh: Chinese, field and option names as written.
for z in "xl_hidden.xlsx: 工作表中有 2 行被隐藏（在 Excel 中隐藏或被筛选掉，第一行在第 4 行）：这些行照常读取" \
	"xl_hidden_column.xlsx: purchase_share 取第 3 列，该列在工作表中被隐藏：照常读取；如要读取其他列，请用 -m purchase_share=COLUMN" \
	"xl_merged_rows.xlsx: top_contact_level（第 4 列）有跨行合并的单元格（第 3 至 5 行）：文件只在最上面一行保存该值" \
	"xl_quarters.xlsx: 读取的是第一个工作表 \"Q1\"；该工作簿在 Excel 中打开时显示工作表 \"Q4\"：如要读取它，请用 --sheet \"Q4\""; do
	"$R" -q --lang zh "$t/${z%%:*}" >/dev/null 2>"$t/err"
	grep -qF "relstage: $t/$z" "$t/err" || fail "${z%%:*} --lang zh: $(cat "$t/err")"
done
# One list per region on sheets with the same header: the first is read and
# the others are named, their accounts not being in the output (before: in
# silence); not with --sheet, which chose one.
"$R" -q "$t/xl_regions.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && [ "$(cut -d, -f1 "$t/x.out" | tr '\n' ' ')" = "客户编号 E1 E2 " ] &&
	grep -qxF "relstage: $t/xl_regions.xlsx: the workbook also has sheet \"华北\", which starts with the same row as sheet \"华东\" (the one read): its rows are not read, since relstage reads one sheet; to classify its accounts too, give --sheet \"华北\" in a run of its own" "$t/err" ||
	fail "xl_regions: exit $rc: $(cat "$t/x.out" "$t/err")"
"$R" -q --lang zh "$t/xl_regions.xlsx" 2>&1 >/dev/null |
	grep -qxF "relstage: $t/xl_regions.xlsx: 该工作簿还有工作表 \"华北\"，其首行与已读取的工作表 \"华东\" 相同：其中的行未读取，因为 relstage 只读取一个工作表；如要对其中的客户也做分类，请另行运行并用 --sheet \"华北\"" ||
	fail "xl_regions --lang zh: no note of the sheet not read"
"$R" -q --sheet 华北 "$t/xl_regions.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && [ "$(cut -d, -f1 "$t/x.out" | tr '\n' ' ')" = "客户编号 N1 N2 " ] && ! grep -q 'sheet' "$t/err" ||
	fail "xl_regions --sheet 华北: exit $rc: $(cat "$t/err")"
"$R" -q "$t/xl_quarters.xlsx" 2>&1 >/dev/null |
	grep -qxF "relstage: $t/xl_quarters.xlsx: the workbook also has 3 sheets that start with the same row as sheet \"Q1\" (the one read): their rows are not read, since relstage reads one sheet; to classify their accounts too, give --sheet NAME for each in a run of its own (the first: \"Q2\")" ||
	fail "xl_quarters: no note of the 3 sheets not read"
"$R" -q --sheet Q4 "$t/xl_quarters.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^Q4-1,' "$t/x.out" && ! grep -q 'read sheet' "$t/err" || fail "xl_quarters --sheet Q4: exit $rc: $(cat "$t/err")"
"$R" -q "$t/xl_hidden_first.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^NEW1,' "$t/x.out" && ! grep -q 'OLD1' "$t/x.out" && ! grep -q 'sheet' "$t/err" ||
	fail "xl_hidden_first: exit $rc: $(cat "$t/x.out" "$t/err")"
"$R" -q "$t/xl_chart_first.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^CH1,Chart Tab GmbH,45,initial,' "$t/x.out" && ! grep -q 'sheet' "$t/err" ||
	fail "xl_chart_first: exit $rc: $(cat "$t/x.out" "$t/err")"

# --sheet: a named sheet and its continuation ("Data 2", after a full Data); a missing one.
"$R" -q --sheet Data "$t/xl_multi.xlsx" >"$t/x.out" 2>/dev/null
"$R" -q "$t/xl_multi.csv" >"$t/c.out" 2>&1
cmp -s "$t/x.out" "$t/c.out" || { fail "--sheet Data (+ Data 2) differs from all accounts"; diff "$t/c.out" "$t/x.out" | head -5; }
"$R" -q --sheet "Data 2" "$t/xl_multi.xlsx" >"$t/x.out" || fail "--sheet 'Data 2': exit $?"
[ "$(wc -l <"$t/x.out")" = 6 ] || fail "--sheet 'Data 2': $(wc -l <"$t/x.out") lines, expected 6"
# Sheet names match as in Excel, whatever the case; the sheets read are said.
"$R" --sheet dATA "$t/xl_multi.xlsx" >"$t/x.out" 2>"$t/err" || fail "--sheet dATA: exit $?"
cmp -s "$t/x.out" "$t/c.out" && grep -qxF "relstage: $t/xl_multi.xlsx: read sheets \"Data\", \"Data 2\" as one list: each but the last is full (row 1,048,576 used) and the next, \"NAME 2\", \"NAME 3\", ..., starts with the same header, as relstage writes a list too long for one sheet" "$t/err" ||
	fail "--sheet dATA: $(cat "$t/err")"
"$R" --lang zh --sheet DATA "$t/xl_multi.xlsx" 2>&1 >/dev/null | grep -qF '把工作表 "Data", "Data 2" 作为一份名单读取' || fail "--sheet DATA --lang zh: no note of the sheets read"
# "Accounts 2" after an Accounts that is not full (last year's list with
# the same header): not read, and said.
"$R" "$t/xl_last_year.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && [ "$(grep -c '^A0[1-6],' "$t/x.out")" = 6 ] && ! grep -q '^A0[7-9],' "$t/x.out" &&
	grep -qxF "relstage: $t/xl_last_year.xlsx: the workbook also has sheet \"Accounts 2\", not read: a sheet goes on in \"NAME 2\" only when it is full (row 1,048,576 used) and the next starts with the same header; to read that sheet, give --sheet \"Accounts 2\"" "$t/err" ||
	fail "xl_last_year: exit $rc: $(cut -c1-20 "$t/x.out") $(cat "$t/err")"
"$R" --lang zh "$t/xl_last_year.xlsx" 2>&1 >/dev/null | grep -qF '该工作簿还有工作表 "Accounts 2"，未读取' || fail "xl_last_year --lang zh: no note"
# A sheet that uses row 1,048,576 (a longer list cut there by Excel): said.
"$R" -q "$t/xl_full.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^A07,' "$t/x.out" &&
	grep -qxF "relstage: $t/xl_full.xlsx: sheet \"Sheet\" fills all 1,048,576 rows a sheet has: if it was saved from a longer list (Excel cuts a CSV there when it opens one), the rows past them are not in the file; classify the original list instead" "$t/err" ||
	fail "xl_full: exit $rc: $(cat "$t/err")"
"$R" -q --lang zh "$t/xl_full.xlsx" 2>&1 >/dev/null | grep -qF '工作表 "Sheet" 用满了工作表的全部 1,048,576 行' || fail "xl_full --lang zh: no note"
! "$R" -q --sheet Data "$t/xl_multi.xlsx" 2>&1 >/dev/null | grep -q 'fills all' || fail "xl_multi --sheet Data: a full sheet continued is no cut list"
# Two sheets that differ only in case (not from Excel): the exact name reads,
# another spelling stops and asks for it.
"$R" -q --sheet ACCOUNTS "$t/xl_case_twins.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 0 ] && grep -q '^A07,' "$t/x.out" && ! grep -q '^A01,' "$t/x.out" || fail "xl_case_twins --sheet ACCOUNTS: exit $rc: $(cat "$t/err")"
"$R" -q --sheet accounts "$t/xl_case_twins.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qxF "relstage: $t/xl_case_twins.xlsx: 2 sheets are named \"accounts\" but for case; give --sheet NAME exactly as the sheet is written" "$t/err" ||
	fail "xl_case_twins --sheet accounts: exit $rc: $(cat "$t/err")"
"$R" -q --lang zh --sheet accounts "$t/xl_case_twins.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qxF "relstage: $t/xl_case_twins.xlsx: 有 2 个工作表名为 \"accounts\"（仅大小写不同）；请用 --sheet NAME 按工作表名的原样指定" "$t/err" ||
	fail "xl_case_twins --lang zh --sheet accounts: exit $rc: $(cat "$t/err")"
"$R" -q "$t/xl_multi.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'xl_multi.xlsx: no row of the first 20 gives an id and a share (line 1 gives no id)' "$t/err" || fail "first sheet (Notes): exit $rc: $(cat "$t/err")"
"$R" -q --lang zh "$t/xl_multi.xlsx" >/dev/null 2>"$t/err"; rc=$? # the sheets named in the error's language
[ $rc = 2 ] && grep -qF 'relstage fields（读取的是工作表 "Notes"；该工作簿中还有 "Data", "Data 2", "Other"：请用 --sheet NAME 选择）' "$t/err" ||
	fail "first sheet (Notes) --lang zh: exit $rc: $(cat "$t/err")"
# No header row on the sheet read: the message names it and the others.
"$R" -q "$t/xl_two_sheets.xlsx" >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 2 ] && [ ! -s "$t/x.out" ] && grep -qF 'xl_two_sheets.xlsx: no row of the first 20 gives an id and a share (line 1 gives no id): say which column is the id with -m id=COLUMN, or which line is the header with --header-row N; relstage fields lists the names it knows (read sheet "Summary"; the workbook also has "Accounts": choose one with --sheet NAME)' "$t/err" ||
	fail "no header on the first of two sheets: exit $rc: $(cat "$t/err")"
"$R" -q --header-row 2 "$t/xl_two_sheets.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -qF 'xl_two_sheets.xlsx:2: no column gives id: ' "$t/err" && grep -qF '(read sheet "Summary"; the workbook also has "Accounts": choose one with --sheet NAME)' "$t/err" ||
	fail "--header-row on the wrong sheet: exit $rc: $(cat "$t/err")"
"$R" -q --sheet Accounts "$t/xl_two_sheets.xlsx" >"$t/x.out" 2>"$t/err" || fail "--sheet Accounts: exit $?: $(cat "$t/err")"
"$R" -q --sheet Nope "$t/xl_multi.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'no sheet "Nope"; the workbook has "Notes", "Data", "Data 2", "Other"' "$t/err" ||
	fail "--sheet Nope: exit $rc: $(cat "$t/err")"

# Pipes: with --from xlsx read whole; without, a message (no garbage rows).
"$R" -q "$t/xl_accounts.xlsx" >"$t/c.out"
"$R" -q --from xlsx <"$t/xl_accounts.xlsx" >"$t/x.out" || fail "stdin redirected from a workbook: exit $?"
cmp -s "$t/x.out" "$t/c.out" || fail "a workbook on stdin (a file) reads differently"
"$R" -q <"$t/xl_accounts.xlsx" >"$t/x.out" || fail "stdin from a workbook without --from: exit $?"
cmp -s "$t/x.out" "$t/c.out" || fail "a workbook on stdin (a file, detected) reads differently"
cat "$t/xl_accounts.xlsx" | "$R" -q --from xlsx >"$t/x.out" || fail "a workbook from a pipe: exit $?"
cmp -s "$t/x.out" "$t/c.out" || fail "a workbook from a pipe reads differently"
cat "$t/xl_accounts.xlsx" | "$R" -q >"$t/x.out" 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'give --from xlsx' "$t/err" && [ ! -s "$t/x.out" ] || fail "a workbook from a pipe without --from: exit $rc: $(cat "$t/err")"

# Files that are not workbooks.
printf '\320\317\021\340\241\261\032\341rest of an old Excel file' >"$t/old.xls"
"$R" -q "$t/old.xls" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'Excel 97-2003' "$t/err" || fail ".xls: exit $rc: $(cat "$t/err")"
cp in/accounts.csv "$t/named.xlsx"
"$R" -q "$t/named.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'not an .xlsx workbook' "$t/err" || fail "CSV named .xlsx: exit $rc: $(cat "$t/err")"
"$R" -q --from csv "$t/named.xlsx" >/dev/null || fail "CSV named .xlsx with --from csv: exit $?"
"$PY" -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1],'w').writestr('a.txt','x')" "$t/other.zip"
"$R" -q "$t/other.zip" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'no xl/workbook.xml' "$t/err" || fail "a zip that is no workbook: exit $rc: $(cat "$t/err")"
head -c 3000 "$t/xl_accounts.xlsx" >"$t/cut.xlsx"
"$R" -q "$t/cut.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'cut.xlsx: not a readable .xlsx workbook' "$t/err" || fail "a cut workbook: exit $rc: $(cat "$t/err")"

# A damaged row number (r="0") stops the run: no row is given line 0.
"$PY" - "$t/xl_edge.xlsx" "$t/badrow.xlsx" <<'EOF'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i)
    dst.writestr(i, data.replace(b'<x:row r="3">', b'<x:row r="0">') if i.filename.endswith("data.xml") else data)
dst.close()
EOF
"$R" -q "$t/badrow.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'badrow.xlsx:3: a row is numbered r="0", not 1 to 1048576: the workbook is damaged' "$t/err" ||
	fail "a row numbered 0: exit $rc: $(cat "$t/err")"
"$R" -q --lang zh "$t/badrow.xlsx" >/dev/null 2>"$t/err"; rc=$?
[ $rc = 2 ] && grep -q 'badrow.xlsx:3: 有一行的行号为 r="0"，不在 1 到 1048576 之间：工作簿已损坏' "$t/err" ||
	fail "a row numbered 0 --lang zh: exit $rc: $(cat "$t/err")"

# --previous reads a workbook relstage wrote, English or Chinese, as it
# reads the same run written as CSV.
for lang in en zh; do
	"$R" -q --lang $lang --headers $lang -o "$t/prev.csv" in/batch_last_month.csv
	"$R" -q --lang $lang --headers $lang --to xlsx -o "$t/prev.xlsx" in/batch_last_month.csv
	"$R" -q --summary --previous "$t/prev.csv" in/batch_this_month.csv >"$t/c.out" 2>"$t/c.err"
	"$R" -q --summary --previous "$t/prev.xlsx" in/batch_this_month.csv >"$t/x.out" 2>"$t/x.err"
	cmp -s "$t/x.out" "$t/c.out" && cmp -s "$t/x.err" "$t/c.err" ||
		{ fail "--previous from a workbook ($lang) differs from the CSV"; diff "$t/c.out" "$t/x.out" | head -5; }
	grep -q ',down$' "$t/x.out" || fail "--previous from a workbook ($lang): no movement found"
done

echo "xlsx_read: $fails failures"
[ $fails = 0 ]
