#!/bin/sh
# --excel=eu read back by an independent CSV reader (Python's csv module,
# as continental-European Excel reads a file: UTF-8 BOM, ';' between cells,
# CRLF): every input cell comes back unchanged, share_pct and share_gap have
# a decimal comma, scores are whole numbers, formula-like text still gets its
# apostrophe; the rejects file is written the same way; and the output serves
# as --previous for the next run. Run from tests/e2e with $RELSTAGE set.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
t=$(mktemp -d "${TMPDIR:-/tmp}/relstage-eu.XXXXXX") || exit 2
trap 'rm -rf "$t"' EXIT
"$RELSTAGE" -q --excel=eu -o "$t/out.csv" --rejects "$t/rej.csv" in/excel_eu.csv 2>"$t/err"
rc=$?
[ $rc = 1 ] || { echo "FAIL: exit $rc, expected 1 (one bad row): $(cat "$t/err")"; exit 1; }
"$RELSTAGE" -q --excel=eu --previous "$t/out.csv" -o "$t/again.csv" in/excel_eu.csv 2>"$t/err2"
rc=$?
[ $rc = 1 ] || { echo "FAIL: --previous run: exit $rc: $(cat "$t/err2")"; exit 1; }
export T="$t"
exec python3 - <<'PY'
import csv, os, re, sys

t = os.environ["T"]
fails = []

def read(path):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fails.append(f"{path}: no UTF-8 BOM")
    if raw.count(b"\r\n") != raw.count(b"\n"):
        fails.append(f"{path}: a line ends without CR")
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))

src = read("in/excel_eu.csv")
out, rej, again = read(t + "/out.csv"), read(t + "/rej.csv"), read(t + "/again.csv")
head, n = out[0], len(src[0])
if head[:n] != src[0]:
    fails.append(f"header: {head[:n]} != {src[0]}")
col = {name: i for i, name in enumerate(head)}
bad = {r[0] for r in src[1:]} - {r[0] for r in out[1:]}
if bad != {"DE-1006"}:
    fails.append(f"rows missing from the output: {sorted(bad)}, expected DE-1006 only")
by_id = {r[0]: r for r in src[1:]}
decimal = re.compile(r"^\d+(,\d+)?$")
for r in out[1:]:
    if len(r) != len(head):
        fails.append(f"{r[0]}: {len(r)} cells, header {len(head)}")
        continue
    want = by_id[r[0]]
    for i in range(n):
        got = r[i]
        if want[i].startswith("="):
            got = got[1:] if got.startswith("'") else "(no apostrophe) " + got
        if got != want[i]:
            fails.append(f"{r[0]} column {src[0][i]}: {r[i]!r} != {want[i]!r}")
    for name in ("share_pct", "share_gap"):
        if r[col[name]] and not decimal.match(r[col[name]]):
            fails.append(f"{r[0]} {name} {r[col[name]]!r} is not a decimal-comma number")
    for name in ("contact_score", "cooperation_score"):
        if not r[col[name]].isdigit():
            fails.append(f"{r[0]} {name} {r[col[name]]!r} is not a whole number")
pct = {r[0]: r[col["share_pct"]] for r in out[1:]}
if pct.get("DE-1001") != "33,33" or pct.get("DE-1003") != "82,5" or pct.get("DE-1005") != "100":
    fails.append(f"share_pct cells: {pct}")
if len(rej) != 2 or rej[0][:3] != ["line", "reason", "Account ID"] or rej[1][3:] != by_id["DE-1006"][1:]:
    fails.append(f"rejects file: {rej}")
tr = [r[-1] for r in again[1:]]
if tr != ["same"] * (len(again) - 1) or again[0][-2:] != ["previous_stage", "transition"]:
    fails.append(f"--previous from the --excel=eu output: {again[0][-2:]} {tr}")
for f in fails:
    print("FAIL:", f)
print("interop_excel_eu:", "ok" if not fails else f"{len(fails)} failures")
sys.exit(1 if fails else 0)
PY
