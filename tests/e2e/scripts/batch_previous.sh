#!/bin/sh
# Two real runs: last month's output, in each format relstage writes, is
# this month's --previous. Checks the transitions by id, the downgrade action
# and flag, vanished accounts, and that --summary-json parses and adds up.
set -u
R=${RELSTAGE:?}
command -v python3 >/dev/null || { echo "python3 is needed (tools/deps.sh installs it)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
for fmt in csv tsv json jsonl; do
	"$R" -q -t $fmt -o "$t/last.$fmt" in/batch_last_month.csv || { echo "FAIL: last month ($fmt)"; fails=1; }
	# The committed fixtures are such real outputs; keep them so.
	cmp -s "$t/last.$fmt" in/batch_prev.$fmt || { echo "FAIL: in/batch_prev.$fmt is stale"; fails=1; }
	"$R" -q --previous "$t/last.$fmt" --summary-json "$t/sum.$fmt.json" -o "$t/now.$fmt.csv" \
		in/batch_this_month.csv 2>"$t/err.$fmt"
	rc=$?
	[ $rc = 1 ] || { echo "FAIL: this month with --previous $fmt: exit $rc (one bad row: 1)"; fails=1; }
done
T="$t" python3 - <<'PY' || fails=1
import csv, json, os, sys
T = os.environ["T"]
want = {"M01": ("strategic", "stable", "down"), "M02": ("stable", "strategic", "up"),
        "M03": ("initial", "initial", "same"), "M04": ("development", "initial", "up"),
        "M05": ("stable", "initial", "down"), "M08": ("stable", "stable", "same"),
        "M09": ("", "development", "new"), "M10": ("", "initial", "new")}
bad = 0
def fail(m):
    global bad
    bad += 1
    print("FAIL:", m)
for fmt in ("csv", "tsv", "json", "jsonl"):
    rows = list(csv.DictReader(open(f"{T}/now.{fmt}.csv", newline="", encoding="utf-8")))
    got = {r["id"]: (r["previous_stage"], r["stage"], r["transition"]) for r in rows}
    if got != want:
        fail(f"{fmt}: transitions {got}")
    for r in rows:
        down = r["transition"] == "down"
        if down != ("downgraded" in r["flags"].split(";")):
            fail(f"{fmt}: {r['id']} flags {r['flags']!r}")
        if down != r["actions"].startswith("Downgraded since the last run"):
            fail(f"{fmt}: {r['id']} actions {r['actions'][:60]!r}")
    s = json.load(open(f"{T}/sum.{fmt}.json"))
    p = s["previous"]
    if s["rows_read"] != s["classified"] + s["rejected"] or (s["rows_read"], s["rejected"]) != (9, 1):
        fail(f"{fmt}: rows {s['rows_read']} {s['classified']} {s['rejected']}")
    if (p["up"], p["down"], p["same"], p["new"], p["vanished"]) != (2, 2, 2, 2, 2):
        fail(f"{fmt}: movements {p}")
    if p["up"] + p["down"] + p["same"] + p["new"] != s["classified"]:
        fail(f"{fmt}: up+down+same+new != classified")
    matrix = sum(sum(row.values()) for row in p["transitions"].values())
    if matrix != p["up"] + p["down"] + p["same"]:
        fail(f"{fmt}: matrix total {matrix}")
    if p["transitions"]["strategic"]["stable"] != 1 or p["transitions"]["stable"]["strategic"] != 1:
        fail(f"{fmt}: matrix {p['transitions']}")
    if matrix + p["vanished"] != 8:  # accounts in last month's output
        fail(f"{fmt}: matrix + vanished != previous accounts")
    if p["vanished_accounts"] != [{"id": "M06", "stage": "initial"}, {"id": "M07", "stage": "strategic"}]:
        fail(f"{fmt}: vanished {p['vanished_accounts']}")
    if sum(v["count"] for v in s["stages"].values()) != s["classified"]:
        fail(f"{fmt}: stage counts")
    if abs(sum(v["share_pct"] for v in s["stages"].values()) - 100) > 0.05:
        fail(f"{fmt}: shares do not add to 100")
print("batch_previous: ok" if bad == 0 else f"batch_previous: {bad} failed")
sys.exit(1 if bad else 0)
PY

# The previous file's id is found as the input's: with the map file too
# (Zoho's id is "Account Number" by the map file, not "Record Id" by name).
"$R" -q --map-file in/export_zoho.map.json -o "$t/zoho_last.csv" in/export_zoho.csv
"$R" -q --map-file in/export_zoho.map.json --previous "$t/zoho_last.csv" --summary-json "$t/zoho.json" \
	-o /dev/null in/export_zoho.csv 2>"$t/zoho.err" || { echo "FAIL: zoho with --previous: exit $?"; fails=1; }
python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["previous"]; sys.exit(0 if (p["same"], p["new"], p["vanished"]) == (8, 0, 0) else 1)' \
	"$t/zoho.json" || { echo "FAIL: zoho --previous with the map file: $(cat "$t/zoho.json")"; fails=1; }

# Not one id in common: said, in the run's language (ids in another column).
sed '2,$s/^/X/' in/batch_prev.csv >"$t/other_ids.csv"
"$R" -q --previous "$t/other_ids.csv" -o /dev/null in/batch_this_month.csv 2>"$t/err"
grep -q 'other_ids.csv: no account of this run is in it (8 new, 8 vanished); if the two files give the id in different columns, say which with -m id=COLUMN$' "$t/err" ||
	{ echo "FAIL: no id in common not said: $(cat "$t/err")"; fails=1; }
"$R" -q --lang zh --previous "$t/other_ids.csv" -o /dev/null in/batch_this_month.csv 2>"$t/err"
grep -q 'other_ids.csv: 本次没有一个客户出现在上次的文件中（8 个新增，8 个消失）；若两个文件的客户编号取自不同的列，请用 -m id=COLUMN 指定$' "$t/err" ||
	{ echo "FAIL: no id in common not said in Chinese: $(cat "$t/err")"; fails=1; }
grep -q 'no account of this run' "$t/err.csv" && { echo "FAIL: warned with ids in common"; fails=1; }
# The same for JSON input: the id is in a key, -m names a KEY (CSV's wording above is kept).
printf '{"id":"M01","purchase_share":70}\n{"id":"M02","purchase_share":85}\n' >"$t/now.jsonl"
"$R" -q --previous "$t/other_ids.csv" -o /dev/null "$t/now.jsonl" 2>"$t/err"
grep -q 'other_ids.csv: no account of this run is in it (2 new, 8 vanished); if the two files give the id in different keys, say which with -m id=KEY$' "$t/err" ||
	{ echo "FAIL: no id in common not said for JSON: $(cat "$t/err")"; fails=1; }
"$R" -q --lang zh --previous "$t/other_ids.csv" -o /dev/null "$t/now.jsonl" 2>"$t/err"
grep -q 'other_ids.csv: 本次没有一个客户出现在上次的文件中（2 个新增，8 个消失）；若两个文件的客户编号取自不同的键，请用 -m id=KEY 指定$' "$t/err" ||
	{ echo "FAIL: no id in common not said for JSON in Chinese: $(cat "$t/err")"; fails=1; }

# An id that changed shape (case, full width, a spreadsheet's lost zeros)
# is new and vanished, as compared; said on stderr and in the notes.
sed -e 's/^M01,/m01,/' -e 's/^M02,/Ｍ０２,/' in/batch_this_month.csv >"$t/reshaped.csv"
"$R" -q --previous in/batch_prev.csv --summary-json "$t/reshaped.json" -o /dev/null "$t/reshaped.csv" 2>"$t/reshaped.err"
grep -q '^relstage: in/batch_prev.csv: 2 accounts new in this run match vanished ones of the previous run but for case, full-width forms or leading zeros ("m01" here, "M01" there)' "$t/reshaped.err" ||
	{ echo "FAIL: reshaped ids not said: $(cat "$t/reshaped.err")"; fails=1; }
grep -q '"notes":\[.*2 accounts new in this run match vanished ones' "$t/reshaped.json" ||
	{ echo "FAIL: reshaped ids not in the notes: $(cat "$t/reshaped.json")"; fails=1; }
"$R" -q --lang zh --previous in/batch_prev.csv -o /dev/null "$t/reshaped.csv" 2>"$t/reshaped_zh.err"
grep -q '^relstage: in/batch_prev.csv: 本次有 2 个新增客户与上次运行中消失的客户只差大小写、全角/半角或前导零（本次 "m01"，上次 "M01"）' "$t/reshaped_zh.err" ||
	{ echo "FAIL: reshaped ids not said in Chinese: $(cat "$t/reshaped_zh.err")"; fails=1; }

# Last month's --summary-json given as --previous by mistake: its
# vanished_accounts (id, stage) are no run's output; exit 2, not 8 "new".
"$R" -q --previous in/batch_prev.csv --summary-json "$t/last_sum.json" -o /dev/null in/batch_this_month.csv 2>/dev/null
"$R" -q --previous "$t/last_sum.json" -o /dev/null in/batch_this_month.csv 2>"$t/sumprev.err"
rc=$?
[ $rc = 2 ] && grep -q "last_sum.json:1: a JSON object where relstage's rows were expected" "$t/sumprev.err" ||
	{ echo "FAIL: --previous given a summary JSON: exit $rc, $(cat "$t/sumprev.err")"; fails=1; }

# Several inputs: a repeated id names the file where it was first.
head -3 in/batch_this_month.csv >"$t/part1.csv"
{ head -1 in/batch_this_month.csv; sed -n 3,4p in/batch_this_month.csv; } >"$t/part2.csv"
"$R" -q --previous in/batch_prev.csv -o /dev/null "$t/part1.csv" "$t/part2.csv" 2>"$t/dup.err"
grep -q "part2.csv:2: duplicate id \"M02\" (first at $t/part1.csv:3); ids must be unique" "$t/dup.err" ||
	{ echo "FAIL: duplicate in a later file: $(cat "$t/dup.err")"; fails=1; }

# A row rejected for its number of cells still names its account: M03 and
# M05 are rejected this month, not vanished (M06 and M07 are).
sed -e 's/^M03,\(.*\),35,.*/M03,\1,35,2/' -e 's/^M05,.*/&,extra/' in/batch_this_month.csv >"$t/short.csv"
"$R" -q --previous in/batch_prev.csv --summary-json "$t/short.json" -o /dev/null "$t/short.csv" 2>/dev/null
python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["previous"]
sys.exit(0 if ([a["id"] for a in p["rejected_accounts"]], [a["id"] for a in p["vanished_accounts"]]) == (["M03", "M05"], ["M06", "M07"]) else 1)' \
	"$t/short.json" || { echo "FAIL: rows with too few or many cells counted as vanished: $(cat "$t/short.json")"; fails=1; }
[ $fails = 0 ]
