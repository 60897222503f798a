#!/bin/sh
# Hostile input too big to commit, generated on the fly: a 100 MB field,
# 100,000 columns, a 10 GB line streamed through a pipe, deep and huge JSON,
# an overlong rules file, rules that would loop or name unknown fields. Each
# must stop at its documented limit with exit 2 and a message naming the
# file and line (or reject just the row), quickly and in bounded memory.
. ../../tools/robust_lib.sh

# measured NAME CMD...: runs CMD (also at the end of a pipe, in a subshell)
# and leaves exit status, seconds and peak RSS in $tmp/NAME.res; `result NAME`
# loads them into $rc, $secs and $kb.
measured() {
	n=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$tmp/$n.time" "$@" >"$tmp/$n.out" 2>"$tmp/$n.err"
		echo "$? $(tail -1 "$tmp/$n.time")" >"$tmp/$n.res"
	else
		"$@" >"$tmp/$n.out" 2>"$tmp/$n.err"
		echo "$? 0 0" >"$tmp/$n.res"
	fi
}
result() {
	read -r rc secs kb <"$tmp/$1.res"
	echo "   $1: exit $rc, ${secs}s, peak RSS ${kb} KB"
}
# Bounds hold unless the binary runs under valgrind or a sanitizer.
bounded() {
	[ -n "$RELSTAGE_VALGRIND" ] && return
	case $RELSTAGE in *san*) return ;; esac
	awk -v s="$secs" -v k="$kb" -v ms="$2" -v mk="$3" 'BEGIN { exit !(s <= ms && k <= mk) }' ||
		fail "$1" "took ${secs}s and ${kb} KB (bounds ${2}s, ${3} KB)"
}

# --- a 100 MB field (the default limit is 1 MiB), unquoted and quoted
{ printf 'id,name,purchase_share\nA1,x,50\nA2,'; head -c 100000000 /dev/zero | tr '\0' a; printf ',50\n'; } >"$tmp/f.csv"
measured field_100mb "$RELSTAGE" -q "$tmp/f.csv"
result field_100mb
expect field_100mb 2 "^relstage: $tmp/f.csv:3: a field starting at line 3 is longer than the limit of 1048576 bytes"
bounded field_100mb 5 65536
{ printf 'id,name,purchase_share\nA1,x,50\nA2,"'; head -c 100000000 /dev/zero | tr '\0' a; printf '",50\n'; } >"$tmp/f.csv"
measured field_100mb_quoted "$RELSTAGE" -q "$tmp/f.csv"
result field_100mb_quoted
expect field_100mb_quoted 2 ':3: a field starting at line 3 is longer than the limit'
# --max-field raises it: the row is then read whole.
{ printf 'id,name,purchase_share\nA1,'; head -c 2000000 /dev/zero | tr '\0' a; printf ',50\n'; } >"$tmp/f.csv"
run field_raised -q --max-field 3000000 --to jsonl "$tmp/f.csv"
expect field_raised 0 ''
[ "$(wc -c <"$tmp/field_raised.out")" -gt 2000000 ] || fail field_raised "the big cell did not come through"
# --max-field N admits a quoted cell of exactly N bytes when its closing
# quote is the last byte of a 64 KiB read block, or of the file
awk 'BEGIN { printf "id,share,name\nA1,50,\""; for (i = 0; i < 65514; i++) printf "x"; printf "\"\nA2,60,y\n" }' >"$tmp/f.csv"
run field_exact_block_end -q --max-field 65514 "$tmp/f.csv"
expect field_exact_block_end 0 ''
run field_over_block_end -q --max-field 65513 "$tmp/f.csv"
expect field_over_block_end 2 ':2: a field starting at line 2 is longer than the limit of 65513 bytes'
printf 'id,share,name\nA1,50,"abcde"' >"$tmp/f.csv"
run field_exact_file_end -q --max-field 5 "$tmp/f.csv"
expect field_exact_file_end 0 ''
rm -f "$tmp/f.csv"

# --- 100,000 columns in the header (limit 4096), and in one row only
awk 'BEGIN { printf "id,purchase_share"; for (i = 0; i < 100000; i++) printf ",c%d", i; printf "\nA1,50"; for (i = 0; i < 100000; i++) printf ",1"; printf "\n" }' >"$tmp/c.csv"
measured columns_100k "$RELSTAGE" -q "$tmp/c.csv"
result columns_100k
expect columns_100k 2 "^relstage: $tmp/c.csv:1: the header has more than 4096 columns"
awk 'BEGIN { printf "id,purchase_share\nA1,50"; for (i = 0; i < 100000; i++) printf ",1"; printf "\nA2,60\n" }' >"$tmp/c.csv"
measured columns_100k_row "$RELSTAGE" -q "$tmp/c.csv"
result columns_100k_row
expect columns_100k_row 1 ':2: row has 100002 fields, the header has 2'
grep -q '^A2,60,stable' "$tmp/columns_100k_row.out" || fail columns_100k_row "the next row was lost"
rm -f "$tmp/c.csv"

# --- 10 GB on one line through a pipe: must stop at the record limit (16 MiB)
# without reading the rest (the generator dies of SIGPIPE).
gen() { head -c 10000000000 /dev/zero | tr '\0' "$1"; }
gen a | measured line_10gb_one_field "$RELSTAGE" -q
result line_10gb_one_field
expect line_10gb_one_field 2 '^relstage: <stdin>:1: a field starting at line 1 is longer than the limit'
bounded line_10gb_one_field 10 131072
{ printf 'id,purchase_share\n'; gen ,; } | measured line_10gb_commas "$RELSTAGE" -q
result line_10gb_commas
expect line_10gb_commas 2 '^relstage: <stdin>:2: record is longer than the limit of 16777216 bytes'
bounded line_10gb_commas 10 131072
{ printf '{"id":"'; gen a; } | measured line_10gb_jsonl "$RELSTAGE" -q -f jsonl
result line_10gb_jsonl
expect line_10gb_jsonl 2 '^relstage: <stdin>:1: line longer than the record limit'
bounded line_10gb_jsonl 10 131072

# --- deep and huge JSON
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$tmp/deep.json"
run json_deep_array -q "$tmp/deep.json"
expect json_deep_array 2 "^relstage: $tmp/deep.json:1: no record could be read: the JSON array's element here is nested deeper than 1000 levels"
run json_deep_array_zh -q --lang zh "$tmp/deep.json"
expect json_deep_array_zh 2 "^relstage: $tmp/deep.json:1: 无法读取任何记录：JSON 数组在此处的元素嵌套超过 1000 层，其他元素也都不是对象$"
awk 'BEGIN { printf "{\"id\":\"A\",\"purchase_share\":5}\n{\"id\":\"B\",\"purchase_share\":5,\"x\":"; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "}"; print "{\"id\":\"C\",\"purchase_share\":70}" }' >"$tmp/deep.jsonl"
run json_deep_line -q "$tmp/deep.jsonl"
expect json_deep_line 1 "^relstage: $tmp/deep.jsonl:2: .*nested deeper than"
grep -q '^C,70,stable' "$tmp/json_deep_line.out" || fail json_deep_line "the row after it was lost"
# a too-deep value inside an element of a JSON array: that row is rejected
awk 'BEGIN { printf "[{\"id\":\"A\",\"purchase_share\":5},\n{\"id\":\"B\",\"purchase_share\":5,\"x\":"; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "},"; print "{\"id\":\"C\",\"purchase_share\":70}]" }' >"$tmp/deep_el.json"
run json_deep_element -q "$tmp/deep_el.json"
expect json_deep_element 1 "^relstage: $tmp/deep_el.json:2: nested deeper than 1000 levels"
grep -q '^C,70,stable' "$tmp/json_deep_element.out" || fail json_deep_element "the row after it was lost"
# a JSON Lines line over the record limit names the input, not the output
{ printf '{"id":"A","purchase_share":5}\n{"id":"B","name":"'; head -c 17000000 /dev/zero | tr '\0' a; printf '"}\n'; } >"$tmp/long.jsonl"
run jsonl_long_line -q -o "$tmp/long.csv" "$tmp/long.jsonl"
expect jsonl_long_line 2 "^relstage: $tmp/long.jsonl:2: line longer than the record limit"
run jsonl_long_line_stdout -q "$tmp/long.jsonl"
expect jsonl_long_line_stdout 2 "^relstage: $tmp/long.jsonl:2: line longer than the record limit"
rm -f "$tmp/long.jsonl"
# JSON Lines whose documents leave out the fields they lack (mongoexport): the
# keys of the first 1000 lines are the columns; a key first seen after them
# rejects its line, naming it (in Chinese with --lang zh)
awk 'BEGIN { print "{\"id\":\"A0\",\"share\":40}"; for (i = 1; i < 1000; i++) printf "{\"id\":\"A%d\",\"share\":40%s}\n", i, i % 7 ? "" : ",\"contacts\":3"; print "{\"id\":\"Z\",\"share\":50,\"fax\":\"+86 21\"}" }' >"$tmp/keys.jsonl"
run jsonl_later_keys -o "$tmp/keys.csv" "$tmp/keys.jsonl"
expect jsonl_later_keys 1 "^relstage: $tmp/keys.jsonl:1001: key \"fax\" is not among the keys of the first 1000 lines \(the columns\); list every key in the first line, or use a JSON array\$"
grep -q '^A7,40,3,' "$tmp/keys.csv" && ! grep -q 'contact depth' "$tmp/jsonl_later_keys.err" ||
	fail jsonl_later_keys "contacts (first on line 8) not read: $(head -3 "$tmp/jsonl_later_keys.err")"
run jsonl_later_keys_zh --lang zh -o /dev/null "$tmp/keys.jsonl"
expect jsonl_later_keys_zh 1 "^relstage: $tmp/keys.jsonl:1001: 键 \"fax\" 不在前 1000 行的键（即各列）中；请在第一行列出所有键，或改用 JSON 数组\$"
# an object where a field is mapped rejects the row, naming the key; one
# no field uses passes through as its JSON text
printf '{"id":"A","purchase_share":{"a":1},"x":{"y":[1, 2]}}\n{"id":"B","purchase_share":5,"x":null}\n' >"$tmp/obj.jsonl"
run json_object_value -q "$tmp/obj.jsonl"
expect json_object_value 1 ":1: key \"purchase_share\" holds a JSON object, not a value; map purchase_share to the key inside it \(--map 'purchase_share=purchase_share\.a'\)"
grep -q '^B,5,,initial' "$tmp/json_object_value.out" || fail json_object_value "the next row was lost"
printf '{"id":"A","purchase_share":{"a":1},"x":{"y":[1, 2]}}\n' >"$tmp/obj.jsonl"
run json_object_passes -q -m purchase_share=purchase_share.a --to jsonl "$tmp/obj.jsonl"
expect json_object_passes 0 ''
grep -q '^{"id":"A","purchase_share":{"a":1},"x":{"y":\[1,2\]},"stage":"initial"' "$tmp/json_object_passes.out" ||
	fail json_object_passes "the objects did not pass through"
{ printf '[{"id":"A","purchase_share":5,"name":"'; head -c 100000000 /dev/zero | tr '\0' a; printf '"}]'; } >"$tmp/big.json"
measured json_huge_element "$RELSTAGE" -q "$tmp/big.json"
result json_huge_element
expect json_huge_element 2 "^relstage: $tmp/big.json:1: .*limit"
rm -f "$tmp/big.json"

# --- numbers: overflow, NaN, infinities, -0, huge exponents and digit runs
printf 'id,purchase_share\nA,1e400\nB,NaN\nC,-inf\nD,-0\nE,1e-400\nF,%s\nG,0x10\n' \
	"$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "9" }')" >"$tmp/num.csv"
run numbers -q --rejects "$tmp/num_rej.csv" "$tmp/num.csv"
expect numbers 1 ':2: purchase_share "1e400" is not a number \(out of range\)'
grep -q ':3: purchase_share "NaN" is not a number' "$tmp/numbers.err" || fail numbers "NaN not rejected"
grep -q ':4: purchase_share "-inf" is not a number' "$tmp/numbers.err" || fail numbers "-inf not rejected"
grep -q '^D,-0,development,Development,0,' "$tmp/numbers.out" || fail numbers "-0 is not share 0"
grep -q ':7: purchase_share "9999' "$tmp/numbers.err" || fail numbers "5000 nines not rejected"
grep -q ':8: purchase_share "0x10"' "$tmp/numbers.err" || fail numbers "hex accepted"
printf '{"id":"A","purchase_share":1e400}\n{"id":"B","purchase_share":-0}\n{"id":"C","purchase_share":-1e-400}\n' >"$tmp/num.jsonl"
run numbers_jsonl -q "$tmp/num.jsonl"
expect numbers_jsonl 1 ':1: key "purchase_share": number out of range'
grep -q '"B",' "$tmp/numbers_jsonl.out" 2>/dev/null || grep -q '^B,-0,development,Development,0,' "$tmp/numbers_jsonl.out" || fail numbers_jsonl "-0 not classified"

# --- rules: overlong, too deep, too many nodes, loops, unknown fields
awk 'BEGIN { printf "{\"relstage_rules\": 1, \"pad\": \""; for (i = 0; i < 2000000; i++) printf "x"; print "\"}" }' >"$tmp/long.json"
run rules_overlong -q -r "$tmp/long.json" in/accounts.csv
expect rules_overlong 2 "^relstage: $tmp/long.json"
head -c 70000000 /dev/zero | tr '\0' ' ' >"$tmp/huge.json"
measured rules_70mb "$RELSTAGE" -q -r "$tmp/huge.json" in/accounts.csv
result rules_70mb
expect rules_70mb 2 "^relstage: $tmp/huge.json: "
rm -f "$tmp/huge.json" "$tmp/long.json"
# A decision row that tests the stage it is deciding would loop.
sed 's/"decision": \[/"decision": [{"stage": "stable", "when": {"var": "stage", "op": "==", "value": "stable"}},/' \
	../../data/rules/default.json >"$tmp/loop.json"
run rules_stage_loop validate "$tmp/loop.json"
expect rules_stage_loop 2 '"stage" can be tested only in action rules'
sed 's/"var": "contacts"/"var": "contacts_typo"/' ../../data/rules/default.json >"$tmp/unknown.json"
run rules_unknown_field validate "$tmp/unknown.json"
expect rules_unknown_field 2 'unknown variable "contacts_typo"'
sed 's/"var": "contacts", "per"/"var": "contact_score", "per"/' ../../data/rules/default.json >"$tmp/self.json"
run rules_score_uses_itself validate "$tmp/self.json"
expect rules_score_uses_itself 2 'a score part cannot use contact_score or cooperation_score'
awk 'BEGIN { c = "{\"var\": \"contacts\", \"op\": \">\", \"value\": 1}"; for (i = 0; i < 100; i++) c = "{\"not\": " c "}"; print c }' >"$tmp/deepcond"
sed "s/\"decision\": \\[/\"decision\": [{\"stage\": \"stable\", \"when\": $(cat "$tmp/deepcond")},/" \
	../../data/rules/default.json >"$tmp/deeprules.json"
run rules_too_deep validate "$tmp/deeprules.json"
expect rules_too_deep 2 "^relstage: $tmp/deeprules.json"
finish
