#!/bin/sh
# Long text is never cut: a 2,000-byte path and a 3,000-byte header cell in
# inspect's report (text and JSON) and in the run's messages on stderr.
# Lines keep their ends; a header cell is shown shortened with "...".
# Run from tests/e2e with $RELSTAGE set (run.sh does both).
set -u
R=${RELSTAGE:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
has() { grep -qFx -- "$2" "$1" || { fail "$1 lacks the line: $(printf %s "$2" | cut -c1-60)...$(printf %s "$2" | tail -c 60)"; }; }

d=$t
while [ ${#d} -lt 2000 ]; do d=$d/dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd; done
mkdir -p "$d" || { echo "FAIL: mkdir"; exit 1; }
p=$d/accounts.csv
H=$(printf '%3000s' '' | tr ' ' H)
printf 'id,purchase_share,%s\nA1,50,x\nA2,abc,y\n' "$H" >"$p"
printf 'id,name\nA1,x\n' >"$d/noshare.csv"
depth="contact depth: none of contacts, departments, top_contact_level, key_person found, so contact_score is 0 for every row"
why='purchase_share "abc" is not a number (no digits)'

"$R" inspect "$p" >"$t/report" 2>"$t/err"
[ $? = 1 ] || fail "inspect: exit $? (1: a row rejected)"
has "$t/report" "file $p"
has "$t/report" "  format csv, encoding UTF-8, delimiter ','"
has "$t/report" "  3 \"$(printf %.92s "$H")...\""
has "$t/report" "  $p:1: $depth"
has "$t/report" "  $p:3: $why"

"$R" -q -o /dev/null "$p" 2>"$t/err"
has "$t/err" "relstage: $p:1: $depth"
has "$t/err" "relstage: $p:3: $why"

# What stops a run, in the report as on stderr.
"$R" -q "$d/noshare.csv" >/dev/null 2>"$t/stop"
"$R" inspect "$d/noshare.csv" >"$t/report" 2>/dev/null
has "$t/report" "  $(sed 's/^relstage: //' "$t/stop")"
grep -q "^relstage: $d/noshare.csv: no row of the first 20 gives an id and a share .*relstage fields lists the names it knows\$" "$t/stop" ||
	fail "the run's message is not whole: $(tail -c 100 "$t/stop")"

PY=$(command -v python3) || { echo "FAIL: no python3"; exit 1; }
"$R" inspect --to json "$p" >"$t/json" 2>/dev/null
"$R" inspect --to json "$d/noshare.csv" >"$t/stop.json" 2>/dev/null
"$PY" - "$t/json" "$t/stop.json" "$p" "$why" "$t/stop" <<'PY' || fail "inspect --to json"
import json, sys
a, b, p, why, stop = sys.argv[1:]
r, s = json.load(open(a)), json.load(open(b))
assert r["files"][0]["file"] == p and r["rejected_rows"][0]["file"] == p
assert r["rejected_rows"][0]["reason"] == why
assert s["stop"] == open(stop).read()[len("relstage: "):-1], s["stop"][-80:]
PY

# A first row's values in JSON, each cell escaped (a backslash doubles).
B=$(printf '%80s' '' | tr ' ' '\\')
printf 'id,name,purchase_share,contacts,departments,relationship_years,joint_projects,exec_meetings\n' >"$t/bs.csv"
printf '%s,%s,%s,%s,%s,%s,%s,%s\n' "$B" "$B" "$B" "$B" "$B" "$B" "$B" "$B" >>"$t/bs.csv"
"$R" inspect --to json "$t/bs.csv" >"$t/json" 2>/dev/null
"$PY" - "$t/json" <<'PY' || fail "inspect --to json: a first row's long values"
import json, sys
v = json.load(open(sys.argv[1]))["first_rows"][0]["values"]
assert v["id"] == "\\" * 60 + "..." and v["exec_meetings"] == {"bad": "\\" * 60 + "..."}, v
PY

# An earlier run's columns under a long --prefix: the note says so whole,
# and on its own line.
P=$(printf '%150s' '' | tr ' ' P)
printf 'id,purchase_share\nA1,50\n' >"$t/a.csv"
"$R" -q --prefix "$P" -o "$t/prev.csv" "$t/a.csv" 2>/dev/null
"$R" -q --prefix "$P" -o /dev/null --summary-json "$t/sum.json" "$t/prev.csv" 2>"$t/err"
"$PY" - "$t/sum.json" "$P" <<'PY' || fail "--summary-json: the note on an earlier run's columns"
import json, sys
n, p = json.load(open(sys.argv[1]))["notes"], sys.argv[2]
assert n[0].startswith("columns 3-") and n[0].endswith(f"({p}_stage ... {p}_alliance_model) are an earlier relstage run's; this run's replace them"), n[0][-100:]
assert n[1].startswith("contact depth: "), n[1][:100]
PY

# A long option value is said whole, with the hint after it.
"$R" --to "$H" 2>"$t/err"
has "$t/err" "relstage: --to takes csv, tsv, json, jsonl, table or xlsx, not \"$H\"; see relstage --help"
[ $fails = 0 ]
