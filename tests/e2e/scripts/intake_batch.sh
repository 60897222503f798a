#!/bin/sh
# Cron runs over real exports: --max-rejects leaves every output byte for
# byte as it was; an account of the previous run whose row is rejected now
# is "rejected", not vanished; relstage's own output fed back in gives the
# same output; a CRM's own "Stage" column needs --prefix, and --previous
# reads the prefixed output; inspect --write-map writes a map file that
# reads the export the same way (its cooperation options too).
# Run by run.sh in tests/e2e with $RELSTAGE set.
set -u
R=${RELSTAGE:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# --- the cron guard: yesterday's files stay as they were
printf 'yesterday output\n' >"$t/out.csv"
printf 'yesterday rejects\n' >"$t/rej.csv"
printf '{"yesterday":1}\n' >"$t/sum.json"
cp "$t/out.csv" "$t/out.bak"; cp "$t/rej.csv" "$t/rej.bak"; cp "$t/sum.json" "$t/sum.bak"
for limit in 2 50% 0; do
	"$R" -q --max-rejects "$limit" -o "$t/out.csv" --rejects "$t/rej.csv" --summary-json "$t/sum.json" \
		in/export_bad_rows.csv 2>"$t/err"
	rc=$?
	[ $rc = 2 ] || fail "--max-rejects $limit: exit $rc, expected 2"
	grep -q "max-rejects" "$t/err" || fail "--max-rejects $limit: no message: $(cat "$t/err")"
	for f in out rej sum; do
		ext=csv; [ $f = sum ] && ext=json
		cmp -s "$t/$f.$ext" "$t/$f.bak" || fail "--max-rejects $limit changed $f.$ext"
	done
	ls "$t" | grep -q 'tmp\.' && fail "--max-rejects $limit left a temporary file"
done
# within the limit the run goes on: exit 1, files replaced
"$R" -q --max-rejects 3 -o "$t/out.csv" --rejects "$t/rej.csv" --summary-json "$t/sum.json" \
	in/export_bad_rows.csv 2>/dev/null
rc=$?
[ $rc = 1 ] || fail "--max-rejects 3 (3 rejected): exit $rc, expected 1"
cmp -s "$t/out.csv" "$t/out.bak" && fail "--max-rejects 3: output not replaced"

# --- --previous: rejected now is not vanished
"$R" -q -o "$t/prev.csv" in/export_salesforce.csv || fail "salesforce run failed"
sed 's/"Bergmann Pumpen GmbH","Tom Becker","Chicago","Customer - Direct","62"/"Bergmann Pumpen GmbH","Tom Becker","Chicago","Customer - Direct","sixty"/' \
	in/export_salesforce.csv >"$t/now.csv"
"$R" -q --previous "$t/prev.csv" --summary-json "$t/s.json" -o /dev/null "$t/now.csv" 2>"$t/err"
rc=$?
[ $rc = 1 ] || fail "--previous with a rejected account: exit $rc, expected 1"
python3 - "$t/s.json" <<'PY' || fail "--previous: the rejected account is not reported as rejected"
import json, sys
s = json.load(open(sys.argv[1]))["previous"]
assert s["vanished"] == 0, s
assert s["rejected"] == 1, s
assert s["rejected_accounts"] == [{"id": "0015g00000B002QAA", "stage": "stable"}], s
PY

# --- relstage's output fed back in: replaced, the same output again
"$R" -q -o "$t/first.csv" in/export_kingdee.csv
"$R" -o "$t/again.csv" "$t/first.csv" 2>"$t/err"
rc=$?
[ $rc = 0 ] || fail "own output fed back: exit $rc: $(cat "$t/err")"
grep -q "an earlier relstage run's; this run's replace them" "$t/err" || fail "own output: no note"
[ "$(grep -c . "$t/err")" = 1 ] || fail "own output: more than one note: $(cat "$t/err")"
# the first run skipped title, totals and footer rows; its output has none
cmp -s "$t/first.csv" "$t/again.csv" || fail "own output fed back gives another output"
# the same note under --lang zh
"$R" --lang zh -o /dev/null "$t/first.csv" 2>"$t/err"
grep -q "来自之前的一次 relstage 运行，已由本次的结果替换" "$t/err" || fail "own output, --lang zh: no Chinese note: $(cat "$t/err")"
# with --explain and --previous columns too, as --headers zh writes them
"$R" -q --headers zh --explain -o "$t/zh.csv" in/export_kingdee.csv
"$R" -q --headers zh --explain -o "$t/zh2.csv" "$t/zh.csv" 2>/dev/null || fail "own zh output fed back failed"
cmp -s "$t/zh.csv" "$t/zh2.csv" || fail "own zh output fed back gives another output"

# --- a CRM's own Stage column: kept, with --prefix; --previous finds rs_stage
"$R" -q --prefix rs -o "$t/hub.csv" in/export_hubspot.csv || fail "--prefix run failed"
head -1 "$t/hub.csv" | grep -q '^Record ID,Company name,Company owner,Create Date,Stage,' || fail "the CRM's Stage column is not kept"
head -1 "$t/hub.csv" | grep -q ',rs_stage,rs_stage_label,rs_share_pct,' || fail "no rs_ columns"
"$R" -q --prefix rs --previous "$t/hub.csv" -o "$t/hub2.csv" in/export_hubspot.csv || fail "--previous of a --prefix output failed"
grep -c ',same$' "$t/hub2.csv" | grep -qx 8 || fail "--previous of a --prefix output: not 8 'same'"

# --- inspect --write-map: a map file that reads the export the same way
"$R" inspect --ignore Sales --write-map "$t/m.json" in/export_zoho.csv >/dev/null || fail "inspect --write-map failed"
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); assert m["ignore"]==["Sales"] and m["fields"]["id"]=="Record Id", m' "$t/m.json" \
	|| fail "the map written is not the mapping used: $(cat "$t/m.json")"
"$R" -q --ignore Sales -o "$t/a.csv" in/export_zoho.csv
"$R" -q --map-file "$t/m.json" -o "$t/b.csv" in/export_zoho.csv || fail "run with the written map failed"
cmp -s "$t/a.csv" "$t/b.csv" || fail "the written map reads the export otherwise"
"$R" inspect --header-row 3 --write-map "$t/k.json" in/export_kingdee.csv >/dev/null
grep -q '"header_row": 3' "$t/k.json" || fail "the written map has no header_row"
# a two-row header (lines 1-2) is found again by itself: header_row 2 would read line 2 alone
"$R" inspect --write-map "$t/p.json" in/export_wps_periods.csv >/dev/null
grep -q '"header_row"' "$t/p.json" && fail "the map of a two-row header names one header row: $(cat "$t/p.json")"
"$R" -q -o "$t/p1.csv" in/export_wps_periods.csv 2>/dev/null
"$R" -q --map-file "$t/p.json" -o "$t/p2.csv" in/export_wps_periods.csv 2>/dev/null || fail "run with the map of a two-row header failed"
cmp -s "$t/p1.csv" "$t/p2.csv" || fail "the map of a two-row header reads the export otherwise"
# ... and a map file's cooperation options, written back, read the same way
"$R" inspect --map-file in/coop_options.map.json --write-map "$t/o.json" in/coop_options_map.csv >/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); assert m["options"]["reseller"]=="" and m["options"]["alleinbezug"]=="exclusive", m' "$t/o.json" \
	|| fail "the written map lost the options: $(cat "$t/o.json")"
"$R" -q --map-file in/coop_options.map.json -o "$t/o1.csv" in/coop_options_map.csv 2>/dev/null
"$R" -q --map-file "$t/o.json" -o "$t/o2.csv" in/coop_options_map.csv 2>/dev/null
cmp -s "$t/o1.csv" "$t/o2.csv" || fail "the written map's options read the export otherwise"

# --- a map file takes dot paths into JSON objects as -m does
printf '{"fields": {"name": "properties.name", "purchase_share": "properties.share_of_wallet",\n' >"$t/rest.json"
printf ' "contacts": "properties.num_associated_contacts"}}\n' >>"$t/rest.json"
"$R" -q --json-path results -m name=properties.name -m purchase_share=properties.share_of_wallet \
	-m contacts=properties.num_associated_contacts -o "$t/m.out" in/rest_hubspot_companies.json 2>/dev/null
a=$?
"$R" -q --json-path results --map-file "$t/rest.json" -o "$t/f.out" in/rest_hubspot_companies.json 2>/dev/null
b=$?
[ $a = $b ] && [ $a != 2 ] || fail "dot paths: exit $a with -m, $b with the map file"
cmp -s "$t/m.out" "$t/f.out" || fail "dot paths in a map file read otherwise than with -m"

# --- a field the map file takes from no column ("") is said to be the file's
printf '{"relstage_map":1,"fields":{"id":"Account Number","our_sales":""},"ignore":["Record Id"]}\n' >"$t/off.json"
"$R" inspect --map-file "$t/off.json" in/export_zoho.csv 2>&1 | grep -q 'our_sales  *-  *taken from no column (map file "")' ||
	fail "inspect: a map file's \"\" not named as the file's"
"$R" -q --map-file "$t/off.json" --summary-json "$t/off_sum.json" -o /dev/null in/export_zoho.csv
grep -q '"our_sales":{"column":null,"how":"map file \\"\\""}' "$t/off_sum.json" ||
	fail "--summary-json: a map file's \"\" not named as the file's: $(cat "$t/off_sum.json")"

[ $fails = 0 ] && echo "intake_batch: ok"

[ $fails = 0 ]
