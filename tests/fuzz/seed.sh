#!/bin/sh
# seed.sh - (re)writes the seed corpora under tests/fuzz/corpus/ from the
# end-to-end fixtures, data/, and hand-made edge cases. Run from the top of
# the repository; the result is committed, so this runs only when fixtures
# change; tests/e2e/scripts/fuzz_seed.sh fails when the two drift apart
# (`sh tests/fuzz/seed.sh DIR` writes DIR instead, for that check).
# fuzz_pipeline's inputs start with an option byte (see the harness).
set -eu
export LC_ALL=C # the glob order decides each pipeline seed's option byte
c=${1:-tests/fuzz/corpus}
in=tests/e2e/in
rm -rf "$c"
mkdir -p "$c/fuzz_csv" "$c/fuzz_json" "$c/fuzz_rules" "$c/fuzz_values" "$c/fuzz_pipeline" "$c/fuzz_xlsx"

for f in "$in"/*.csv "$in"/*.tsv "$in"/*.stdin data/sample.csv; do
	cp "$f" "$c/fuzz_csv/$(basename "$f")"
done
for f in "$in"/*.json "$in"/*.jsonl; do
	case $f in *rules*) continue ;; esac
	cp "$f" "$c/fuzz_json/$(basename "$f")"
done
cp data/rules/default.json "$c/fuzz_rules/default.json"
for f in "$in"/*rules*.json; do cp "$f" "$c/fuzz_rules/$(basename "$f")"; done

# Hand-made CSV edge cases.
w() { printf "$2" >"$1"; }
w "$c/fuzz_csv/edge_unterminated" 'id,purchase_share\n1,"50\n2,60\n'
w "$c/fuzz_csv/edge_stray_quote" 'id,purchase_share\n1,5"0\n"2"x,60\n'
w "$c/fuzz_csv/edge_crlf_noeol" 'id,purchase_share\r\n1,50\r\n2,60'
w "$c/fuzz_csv/edge_blank_lines" 'id;purchase_share\n\n1;12,5%%\n\r\n2;1.234,5\n'
w "$c/fuzz_csv/edge_quoted_newline" 'id,name,purchase_share\n1,"a\nb",50\n'
w "$c/fuzz_csv/edge_ragged" 'id,purchase_share,contacts\n1,50\n2,60,3,4\n'
w "$c/fuzz_csv/edge_nul" 'id,purchase_share\n1,5\0000\n'
w "$c/fuzz_csv/edge_bom_pipe" '\357\273\277id|purchase_share|key_person\n1|50|yes\n'
w "$c/fuzz_csv/edge_gbk" 'id,\262\311\271\272\267\335\266\356\n1,50\n'
w "$c/fuzz_csv/edge_spaces" ' id , purchase_share \n  1  ,  50 %% \n'
w "$c/fuzz_csv/edge_header_only" 'id,purchase_share\n'
w "$c/fuzz_csv/edge_empty" ''

# Hand-made JSON edge cases.
w "$c/fuzz_json/edge_nested.json" '[{"id":"1","purchase_share":{"a":[1]}}]'
w "$c/fuzz_json/edge_dup_key.jsonl" '{"id":1,"id":2}\n'
w "$c/fuzz_json/edge_nul_escape.jsonl" '{"id":"a\\u0000b","purchase_share":5}\n'
w "$c/fuzz_json/edge_numbers.jsonl" '{"id":"1","purchase_share":1e400}\n{"id":"2","purchase_share":-0}\n{"id":"3","purchase_share":0.1}\n'
w "$c/fuzz_json/edge_new_key.jsonl" '{"id":"1"}\n{"id":"2","x":1}\n'
w "$c/fuzz_json/edge_bad_line.jsonl" 'nope\n{"id":"1"}\n{"id":\n'
w "$c/fuzz_json/edge_empty.json" '[]'
w "$c/fuzz_json/edge_union.json" '[{"a":1},{"b":true,"c":null}]'
w "$c/fuzz_json/edge_trailing.json" '[{"id":"1"}] x'
w "$c/fuzz_json/edge_surrogate.jsonl" '{"id":"\\ud83d\\ude00","n":"\\udc00"}\n'

# Rules: small variants.
w "$c/fuzz_rules/edge_min.json" '{"relstage_rules":1,"stages":[{"id":"a","label":{"en":"A","zh":"A"},"actions":{"en":[],"zh":[]}}],"decision":[{"stage":"a","when":{"var":"share_pct","op":">=","value":0}}],"actions":[]}'
w "$c/fuzz_rules/edge_not_any.json" '{"relstage_rules":1,"stages":[{"id":"a","label":{"en":"A","zh":"A"},"actions":{"en":["x"],"zh":["y"]}},{"id":"b","label":{"en":"B","zh":"B"},"actions":{"en":[],"zh":[]}}],"decision":[{"stage":"b","when":{"not":{"any":[{"var":"key_person","op":"==","value":true},{"var":"top_contact_level","op":">=","value":"director"}]}}},{"stage":"a","when":{"all":[]}}],"actions":[{"id":"k","when":{"var":"contacts","op":"unknown"},"text":{"en":"t","zh":"t"},"flag":"f"}]}'
w "$c/fuzz_rules/edge_garbage.json" '{"relstage_rules":2,"stages":7}'

# Values: option byte (bit 0 decimal comma, bit 1 %), then the cell.
v() { printf "$2" >"$c/fuzz_values/$1"; }
v plain '\00012345'
v neg_zero '\000-0'
v percent '\00239.7%%'
v percent_off '\00039.7%%'
v thousands '\0001,234,567.89'
v dcomma '\0011.234.567,89'
v dcomma_pct '\00312,5 %%'
v yuan '\000\302\2451,200'
v yuan_after '\0001200\345\205\203'
v euro_nbsp '\001\342\202\254 1\302\240234,5'
v exp '\0001e400'
v exp_small '\000-1.5E-7'
v hex '\0000x1F'
v nan '\000NaN'
v blank '\000 \343\200\200\302\240'
v long_digits '\0001234567890123456789.0123'
v bool_yes '\000Yes'
v bool_cn '\000\346\230\257'
v bool_tick '\000\342\234\223'
v level_clevel '\000C-Level'
v level_cn '\000\346\200\273\347\273\217\347\220\206'
v level_exec '\000 EXECUTIVE '
v ambiguous '\0001,5'

# Pipeline: the option byte (bit 0 explain, bit 1 zh, bits 2-3 input format),
# then an input from the CSV and JSON seeds.
p=0
for f in "$c"/fuzz_csv/* "$c"/fuzz_json/*; do
	b=$(basename "$f")
	printf "\\$(printf %03o $((p % 4)))" >"$c/fuzz_pipeline/$b"
	cat "$f" >>"$c/fuzz_pipeline/$b"
	p=$((p + 1))
done

# Workbooks: parts of the e2e workbooks (tests/e2e/make_xlsx.py, needs
# openpyxl) and a minimal sheet, as "sheet\n--\nshared strings\n--\nstyles".
w "$c/fuzz_xlsx/minimal" '<worksheet><sheetData><row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>purchase_share</t></is></c></row><row><c t="inlineStr"><is><t>A</t></is></c><c><v>0.5</v></c></row></sheetData></worksheet>'
# What other writers do: hidden columns, merged rows, _xHHHH_ escapes, ISO
# date cells, TRUE booleans and empty ones, a colour format, an active tab.
cat >"$c/fuzz_xlsx/quirks" <<'EOF'
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="3" max="4" hidden="1"/><col min="6" max="6" hidden="true"/></cols><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>purchase_share</t></is></c><c r="D1" t="inlineStr"><is><t>since</t></is></c><c r="E1" t="inlineStr"><is><t>flag</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>K_x005F_x0031__xD83D__xDE00_</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2" s="1"><v>0.79999999999999993</v></c><c r="D2" t="d" s="2"><v>2019-03-01T09:30:00Z</v></c><c r="E2" t="b"><v>TRUE</v></c></row>
<row r="3"><c r="A3" t="str"><f>A2</f><v>a_x0009_b</v></c><c r="B3" t="b"/><c r="C3" s="3"><v>45</v></c><c r="D3" t="d"><v>2019-13-01</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="D2:D3"/><mergeCell ref="A1:B1"/></mergeCells></worksheet>
--
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>name_x000D_</t></si><si><r><t>Rich_x0020_</t></r><r><t>Run</t></r></si></sst>
--
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="[Magenta]0"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs></styleSheet>
--
<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="T" sheetId="2" r:id="rId1"/></sheets></workbook>
EOF
t=$(mktemp -d)
for py in python3 /usr/bin/python3; do
	"$py" -c 'import openpyxl' 2>/dev/null || continue
	"$py" tests/e2e/make_xlsx.py "$t" && "$py" - "$t" "$c/fuzz_xlsx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
for name, sheet, sst, styles in (("edge", "xl/worksheets/data.xml", "xl/strings.xml", "xl/styles.xml"),
                                 ("kingdee", "xl/worksheets/sheet1.xml", None, "xl/styles.xml")):
    z = zipfile.ZipFile(f"{src}/xl_{name}.xlsx")
    parts = [z.read(sheet), z.read(sst) if sst else b"", z.read(styles)]
    open(f"{dst}/{name}", "wb").write(b"\n--\n".join(parts))
PY
	break
done
rm -rf "$t"
