#!/bin/sh
# The scripting contract at its edges: an output naming an input is refused
# (the input would be replaced), closed standard descriptors never receive
# an output file's bytes (nor the messages into it), and "-" as -o,
# --rejects or --summary-json is standard output, as it is stdin as input.
# Run from tests/e2e with $RELSTAGE set (run.sh does both).
set -u
R=${RELSTAGE:?}
case $R in /*) ;; *) R=$(pwd)/$R ;; esac
t=$(mktemp -d)
trap 'rm -rf "$t" "$t".*' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# -o, --rejects or --summary-json naming an input (by another spelling too):
# exit 2 before anything is read, the input byte for byte as it was.
cp in/batch_this_month.csv "$t/list.csv"
for opt in -o --rejects --summary-json; do
	(cd "$t" && "$R" -q "$opt" ./list.csv list.csv) >/dev/null 2>"$t.err"
	rc=$?
	[ $rc = 2 ] || fail "$opt naming the input: exit $rc, expected 2"
	grep -q "^relstage: $opt ./list.csv is also an input (list.csv)" "$t.err" ||
		fail "$opt naming the input: $(cat "$t.err")"
	cmp -s "$t/list.csv" in/batch_this_month.csv || fail "$opt naming the input: the input was replaced"
done
# ... inspect's --write-map too.
(cd "$t" && "$R" inspect --write-map ./list.csv list.csv) >/dev/null 2>"$t.err"
rc=$?
[ $rc = 2 ] && grep -q '^relstage: --write-map ./list.csv is also an input' "$t.err" ||
	fail "inspect --write-map naming the input: exit $rc, $(cat "$t.err")"
cmp -s "$t/list.csv" in/batch_this_month.csv || fail "inspect --write-map: the input was replaced"
# ... also as the second of two inputs, and in Chinese.
"$R" -q --lang zh -o "$t/list.csv" in/batch_last_month.csv "$t/list.csv" >/dev/null 2>"$t.err"
rc=$?
[ $rc = 2 ] && grep -q '同时也是输入文件' "$t.err" || fail "-o naming the 2nd input, zh: exit $rc, $(cat "$t.err")"
cmp -s "$t/list.csv" in/batch_this_month.csv || fail "-o naming the 2nd input: the input was replaced"

# stderr closed (2>&-): the output's temporary file must not take descriptor
# 2, or the reject message lands inside the output. Same for stdout (>&-)
# and --rejects / --summary-json.
"$R" -q -o "$t/want.csv" --rejects "$t/want_rej.csv" --summary-json "$t/want.json" \
	in/batch_this_month.csv 2>/dev/null
"$R" -q -o "$t/o.csv" --rejects "$t/rej.csv" --summary-json "$t/sum.json" in/batch_this_month.csv 2>&-
rc=$?
[ $rc = 1 ] || fail "stderr closed: exit $rc, expected 1"
cmp -s "$t/o.csv" "$t/want.csv" || fail "stderr closed: -o holds: $(grep relstage: "$t/o.csv")"
cmp -s "$t/rej.csv" "$t/want_rej.csv" || fail "stderr closed: --rejects differs"
cmp -s "$t/sum.json" "$t/want.json" || fail "stderr closed: --summary-json differs"
# stdout closed with -o: nothing goes to stdout, so the run is the run's
# (exit 1: one row rejected), not a write error on a stream never written.
rm -f "$t/o.csv"
"$R" -q -o "$t/o.csv" --summary in/batch_this_month.csv >&- 2>"$t.err"
rc=$?
[ $rc = 1 ] || fail "stdout closed with -o: exit $rc, expected 1: $(cat "$t.err")"
cmp -s "$t/o.csv" "$t/want.csv" || fail "stdout closed with -o: output differs"
# stdout closed without -o: still a write error (exit 2). Not under make
# valgrind: valgrind's own log file takes the closed descriptor 1 first.
if [ -z "${RELSTAGE_VALGRIND:-}" ]; then
	"$R" -q in/batch_this_month.csv >&- 2>"$t.err"
	rc=$?
	[ $rc = 2 ] && grep -q '<stdout>: write failed' "$t.err" || fail "stdout closed: exit $rc, $(cat "$t.err")"
fi
# stdin closed: a read error (exit 2), never a file read as stdin.
"$R" -q -o "$t/o.csv" - <&- 2>"$t.err"
rc=$?
[ $rc = 2 ] || fail "stdin closed: exit $rc, expected 2"

# "-" is standard output: no file named "-" appears.
(cd "$t" && "$R" -q -o - --rejects - --summary-json - "$OLDPWD/in/batch_this_month.csv") \
	>"$t/dash.out" 2>/dev/null
rc=$?
[ $rc = 1 ] || fail "-o - --rejects - --summary-json -: exit $rc, expected 1"
[ -e "$t/-" ] && fail "a file named '-' was created"
cat "$t/want.csv" "$t/want_rej.csv" "$t/want.json" | sort | cmp -s - "$(sort "$t/dash.out" >"$t/dash.sorted"; echo "$t/dash.sorted")" ||
	fail "-o - --rejects - --summary-json -: standard output does not hold all three"
(cd "$t" && "$R" -q -o - "$OLDPWD/in/batch_this_month.csv") >/dev/full 2>"$t.err"
rc=$?
[ $rc = 2 ] && grep -q 'No space left' "$t.err" || fail "-o - on /dev/full: exit $rc, $(cat "$t.err")"

# An existing output file is replaced as a shell's > would write it: a
# read-only one is refused (exit 2, left as it was, no temporary), and one
# owned by another user keeps its owner, group and mode (as root).
cp in/batch_this_month.csv "$t/perm_in.csv"
chmod 755 "$t"
chmod 644 "$t/perm_in.csv"
mkdir "$t/perm" && chmod 777 "$t/perm"
if [ "$(id -u)" != 0 ]; then
	as_user() { "$@"; }
elif setpriv --reuid=65534 --regid=65534 --clear-groups "$R" --version >/dev/null 2>&1; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	as_user=
fi
if command -v as_user >/dev/null 2>&1; then
	as_user sh -c 'echo old >"$1/ro.csv" && chmod 444 "$1/ro.csv" &&
		"$2" -q -o "$1/ro.csv" "$3"' sh "$t/perm" "$R" "$t/perm_in.csv" >/dev/null 2>"$t.err"
	rc=$?
	[ $rc = 2 ] && grep -q 'ro.csv: cannot open: Permission denied' "$t.err" ||
		fail "read-only -o: exit $rc, expected 2: $(cat "$t.err")"
	[ "$(cat "$t/perm/ro.csv")" = old ] || fail "read-only -o: the file was replaced"
	[ "$(ls -A "$t/perm")" = ro.csv ] || fail "read-only -o: directory holds $(ls -A "$t/perm")"
else
	echo "note: no unprivileged user to run as; read-only -o case skipped"
fi
if [ "$(id -u)" = 0 ]; then
	echo old >"$t/perm/owned.csv"
	chown 65534:65534 "$t/perm/owned.csv" && chmod 640 "$t/perm/owned.csv"
	"$R" -q -o "$t/perm/owned.csv" "$t/perm_in.csv" 2>/dev/null
	[ "$(stat -c '%u:%g %a' "$t/perm/owned.csv")" = "65534:65534 640" ] ||
		fail "-o over another user's file: now $(stat -c '%u:%g %a' "$t/perm/owned.csv")"
fi

# A header and no data row: a run of no rows (exit 0), every file written;
# JSON with no object: exit 2, nothing written.
printf 'id,purchase_share\n' >"$t/none.csv"
"$R" -q -o "$t/none_out.json" --rejects "$t/none_rej.csv" --summary-json "$t/none_sum.json" \
	"$t/none.csv" 2>/dev/null
rc=$?
[ $rc = 0 ] || fail "header only: exit $rc, expected 0"
[ "$(cat "$t/none_out.json")" = "[]" ] || fail "header only: -o x.json holds $(cat "$t/none_out.json")"
[ "$(cat "$t/none_rej.csv")" = "line,reason,id,purchase_share" ] || fail "header only: rejects $(cat "$t/none_rej.csv")"
grep -q '"rows_read":0,"classified":0,"rejected":0' "$t/none_sum.json" || fail "header only: summary $(cat "$t/none_sum.json")"
printf '[]' | "$R" -q --from json -o "$t/empty_out.csv" - 2>/dev/null
rc=$?
[ $rc = 2 ] && [ ! -e "$t/empty_out.csv" ] || fail "JSON []: exit $rc, or -o written"

[ $fails = 0 ] && echo "batch_contract: ok"
[ $fails = 0 ]
