#!/bin/sh
# The progress line (rows, rows/s, percent; Chinese under --lang zh) shows on a terminal only, never
# with -q or when stderr is not a terminal, and is erased before a reject
# message and before the summary so each starts on a clean line.
# A terminal comes from script(1) (util-linux); without it the check is skipped.
set -u
R=${RELSTAGE:?}
command -v script >/dev/null || { echo "note: script(1) not installed; progress check skipped"; exit 0; }
command -v python3 >/dev/null || { echo "python3 is needed (tools/deps.sh installs it)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# N rows; two bad ones late, when the progress line is already showing. The
# line shows every half second, so the run must last a second or more: 2M
# rows, and 8M when a fast machine (or build) read 2M in less.
gen() {
	awk -v n="$1" 'BEGIN { print "id,name,purchase_share";
		for (i = 1; i <= n; i++)
			if (i == 1200000 || i == 1800000) print "B" i ",Bad Row,abc";
			else print "C" i ",\"Name " i ", Ltd.\"," (i % 101) }' >"$t/big.csv"
}
for N in 2000000 8000000; do
	gen "$N"
	script -qec "$R --summary -o $t/out.csv $t/big.csv" "$t/tty.txt" >/dev/null </dev/null
	echo "$?" >"$t/rc.tty"
	[ "$(tr '\r' '\n' <"$t/tty.txt" | grep -c 'rows/s')" -ge 2 ] && break
done
# Skipped rows (blank here) count in the progress line like accounts: a file
# of two accounts around millions of blank rows still shows its progress.
for B in 8000000 32000000; do
	awk -v n="$B" 'BEGIN { print "id,name,purchase_share"; print "C1,One,50";
		for (i = 1; i <= n; i++) print ",,"; print "C2,Two,60" }' >"$t/blank.csv"
	script -qec "$R -o $t/out.csv $t/blank.csv" "$t/blank.txt" >/dev/null </dev/null
	[ "$(tr '\r' '\n' <"$t/blank.txt" | grep -c 'rows/s')" -ge 1 ] && break
done
rm -f "$t/blank.csv"
script -qec "$R -q --summary -o $t/out.csv $t/big.csv" "$t/quiet.txt" >/dev/null </dev/null
# under --lang zh the progress line is Chinese
script -qec "$R --lang zh -o $t/out.csv $t/big.csv" "$t/zh.txt" >/dev/null </dev/null
"$R" --summary -o "$t/out.csv" "$t/big.csv" 2>"$t/file.txt"
T="$t" N="$N" python3 - <<'PY'
import os, re, sys
T = os.environ["T"]
N = int(os.environ["N"])
bad = 0
def fail(m):
    global bad
    bad += 1
    print("FAIL:", m)
tty = open(f"{T}/tty.txt", "rb").read()
if open(f"{T}/rc.tty").read().strip() != "1":
    fail("exit status on a terminal is not 1 (two rejected rows)")
prog = re.findall(rb"\rrelstage: [^\r\n]*big\.csv: (\d+) rows, (\d+) rows/s, (\d+)%\x1b\[K", tty)
if len(prog) < 2:
    fail(f"fewer than 2 progress lines on a terminal: {tty[:300]!r}")
elif not (int(prog[0][0]) < int(prog[-1][0]) <= N + 2 and 0 <= int(prog[-1][2]) <= 100):
    fail(f"progress numbers look wrong: {prog[0]} .. {prog[-1]}")
# Each message and the summary start on a clean line: right after a newline,
# after the "erase line" sequence, or at the start of the capture.
for what, pat in (("reject 1200001", rb"relstage: [^\r\n]*big\.csv:1200001: "),
                  ("reject 1800001", rb"relstage: [^\r\n]*big\.csv:1800001: "),
                  ("summary", rb"  rows read ")):
    m = re.search(pat, tty)
    if m is None:
        fail(f"{what}: not on the terminal")
        continue
    before = tty[:m.start()]
    if not (before.endswith(b"\n") or before.endswith(b"\r\x1b[K")):
        fail(f"{what}: starts on a dirty line: {before[-80:]!r}")
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    if b"rows/s" in before[line_start:]:
        fail(f"{what}: shares a line with the progress text")
blank = re.findall(rb"blank\.csv: (\d+) rows, ", open(f"{T}/blank.txt", "rb").read())
if not blank or int(blank[-1]) <= 2:
    fail(f"skipped rows not counted in the progress line: {blank[-3:]!r}")
zh = open(f"{T}/zh.txt", "rb").read()
if not re.search("\rrelstage: [^\r\n]*big\\.csv: 已读 \\d+ 行，每秒 \\d+ 行，\\d+%\x1b\\[K".encode(), zh) \
        or b"rows/s" in zh:
    fail(f"the progress line is not Chinese under --lang zh: {zh[:300]!r}")
if b"rows/s" in open(f"{T}/quiet.txt", "rb").read():
    fail("progress shown with -q")
f = open(f"{T}/file.txt", "rb").read()
if b"rows/s" in f or b"\x1b" in f or b"\r" in f:
    fail(f"progress or escapes written when stderr is a file: {f[:200]!r}")
if b"rows read" not in f or f.count(b"is not a number") != 2:
    fail(f"summary or messages missing when stderr is a file: {f[:300]!r}")
print("batch_progress: ok" if bad == 0 else f"batch_progress: {bad} failed")
sys.exit(1 if bad else 0)
PY
