#!/bin/sh
# A share column's scale is decided by its first rows (the look-ahead, 1000
# rows). A value in (0, 1) after them, in a column decided as percentages,
# reads as that many percent ("0.88" as 0.88%): a fraction of 1 looks the
# same, so such values are counted and said once at the file's end, with the
# first and the --share-scale hint. The mirror case, a percentage after the
# first rows in a column decided as fractions, is rejected. Files of 1000+
# rows are generated here.
. ../../tools/robust_lib.sh

# rows N FMT [D]: a header and N rows "A<i>D<share>", the share by awk's FMT of 40 + i % 50.
rows() {
	awk -v n="$1" -v fmt="$2" -v d="${3:-,}" 'BEGIN { print "id" d "purchase_share"
		for (i = 1; i <= n; i++) printf "A%d" d fmt "\n", i, 40 + i % 50 }'
}
# note LINE: the English note on 2 values, the first "0.88" on LINE.
note() { printf '%s' 'purchase_share: 2 values after the first rows are between 0 and 1 \(the first "0\.88" on line '"$1"'\): read as percentages, as the first rows decided \("0\.88" is 0\.88%\); if they are fractions of 1, write them as percentages; --share-scale fraction reads the column as fractions of 1$'; }

{ rows 1000 %d; printf 'Z1,0.88\nZ2,45\nZ3,0.5\nZ4,0.3%%\nZ5,0\nZ6,1\n'; } >"$tmp/late.csv"
run late -q "$tmp/late.csv"
expect late 0 "^relstage: $tmp/late.csv: $(note 1002)"
[ "$(grep -c 'after the first rows' "$tmp/late.err")" = 1 ] || fail late_once "said more than once"
grep -q '^Z1,0.88,[a-z]*,[^,]*,0.88,' "$tmp/late.out" || fail late_read "0.88 not read as 0.88%: $(grep ^Z1 "$tmp/late.out")"

run late_zh --lang zh -q "$tmp/late.csv"
expect late_zh 0 "^relstage: $tmp/late.csv: purchase_share：前几行之后有 2 个值在 0 到 1 之间（第一个是 \"0\.88\"，第 1002 行）：按前几行的判断读作百分数（\"0\.88\" 即 0\.88%）；如是小数，请改写为百分数；--share-scale fraction 将该列按小数读取$"

printf 'id,purchase_share\nB1,0.7\n' >"$tmp/second.csv"
run late_per_file -q "$tmp/late.csv" "$tmp/second.csv"
expect late_per_file 0 "^relstage: $tmp/late.csv: $(note 1002)"
[ "$(grep -c 'after the first rows' "$tmp/late_per_file.err")" = 1 ] || fail late_per_file "said of a file within its first rows"

{ rows 1000 %d; printf 'Z1,0.88\n'; } >"$tmp/one.csv"
run late_one -q "$tmp/one.csv"
expect late_one 0 "^relstage: $tmp/one.csv: purchase_share: 1 value after the first rows is between 0 and 1 \(\"0\.88\" on line 1002\): read as a percentage"

# The person said percentages: nothing to say.
run late_forced -q --share-scale percent "$tmp/late.csv"
expect late_forced 0
grep -q 'after the first rows' "$tmp/late_forced.err" && fail late_forced "said under --share-scale percent"

# Within the first rows the look-ahead's own notice says it; "0,5 %" shows
# it is a percentage (read by the column's decimal comma).
{ rows 1000 %d,5 ';'; printf 'Z1;0,5 %%\nZ2;12\n'; } >"$tmp/de.csv"
run late_pct_sign -q "$tmp/de.csv"
expect late_pct_sign 0
grep -q 'after the first rows' "$tmp/late_pct_sign.err" && fail late_pct_sign "said of a value with %"

# JSON numbers too.
awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "{\"id\":\"A%d\",\"purchase_share\":%d}\n", i, 40 + i % 50
	print "{\"id\":\"Z1\",\"purchase_share\":0.88}"; print "{\"id\":\"Z2\",\"purchase_share\":0.5}" }' >"$tmp/late.jsonl"
run late_jsonl -q "$tmp/late.jsonl"
expect late_jsonl 0 "^relstage: $tmp/late.jsonl: $(note 1001)"

# The mirror: fractions decided, "45" after the first rows is rejected.
awk 'BEGIN { print "id,purchase_share"; for (i = 1; i <= 1000; i++) printf "A%d,0.%d\n", i, 10 + i % 80
	print "Z1,45"; print "Z2,0.5" }' >"$tmp/frac.csv"
run mirror -q "$tmp/frac.csv"
expect mirror 1 "^relstage: $tmp/frac.csv:1002: purchase_share \"45\" is above 1 in a column of fractions \(--share-scale percent reads the column as percentages\)$"
grep -q '^Z2,0.5,[a-z]*,[^,]*,50,' "$tmp/mirror.out" || fail mirror_read "0.5 not read as 50%: $(grep ^Z2 "$tmp/mirror.out")"
finish
