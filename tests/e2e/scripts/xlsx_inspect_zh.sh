#!/bin/sh
# inspect of a workbook (tests/e2e/make_xlsx.py's Kingdee export: a title row,
# a totals row, rows without their trailing empty cells): in Chinese the report
# is expected/xlsx_inspect_zh_kingdee.out; in both languages its first rows show
# the values of a row whose last cells are empty in the sheet, as its CSV
# twin's report does (they were shown as nothing).
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

"$PY" make_xlsx.py "$t" >/dev/null || { echo "FAIL: make_xlsx.py"; exit 1; }

"$R" --lang zh inspect "$t/xl_kingdee.xlsx" >"$t/zh.out" 2>"$t/zh.err"
rc=$?
[ $rc = 0 ] || fail "--lang zh inspect xl_kingdee.xlsx: exit $rc: $(cat "$t/zh.err")"
sed "s|$t/||g" "$t/zh.out" | cmp -s - expected/xlsx_inspect_zh_kingdee.out ||
	{ fail "--lang zh inspect xl_kingdee.xlsx: not expected/xlsx_inspect_zh_kingdee.out"; sed "s|$t/||g" "$t/zh.out" | diff expected/xlsx_inspect_zh_kingdee.out - | head -20; }

# The first rows, from the workbook and from its twin: the same values.
for lang in en zh; do
	"$R" --lang $lang inspect "$t/xl_kingdee.xlsx" 2>/dev/null | sed -n '/^\(first rows\|前几行\)$/,/^\(rows\|行数\)$/p' >"$t/x"
	"$R" --lang $lang inspect "$t/xl_kingdee.csv" 2>/dev/null | sed -n '/^\(first rows\|前几行\)$/,/^\(rows\|行数\)$/p' >"$t/c"
	[ "$(wc -l <"$t/x")" -gt 10 ] || fail "--lang $lang: no first rows in the workbook's report"
	cmp -s "$t/x" "$t/c" || { fail "--lang $lang: the workbook's first rows differ from its twin's"; diff "$t/c" "$t/x" | head -10; }
done
[ $fails = 0 ]
