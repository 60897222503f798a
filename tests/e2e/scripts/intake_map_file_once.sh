#!/bin/sh
# --map-file is read once per run, however many parts use it (each input's
# reader, the classifier, --previous, inspect): a FIFO, which gives its bytes
# to one reader only, works as a map file and gives what the file gives.
# Run from tests/e2e with $RELSTAGE set (run.sh does both).
set -u
R=${RELSTAGE:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
map=in/export_zoho.map.json

# NAME ARGS...: the run with the map on a FIFO must match the run with the file.
once() {
	name=$1
	shift
	"$R" --map-file "$map" "$@" >"$t/want" 2>"$t/want.err"
	want=$?
	rm -f "$t/map.json"
	mkfifo "$t/map.json" || { fail "$name: mkfifo"; return; }
	cat "$map" >"$t/map.json" &
	writer=$!
	timeout 20 "$R" --map-file "$t/map.json" "$@" >"$t/got" 2>"$t/got.err"
	got=$?
	kill "$writer" 2>/dev/null
	wait "$writer" 2>/dev/null
	[ "$got" = "$want" ] || { fail "$name: exit $got with a FIFO (124: it waited to read it again), $want with the file"; return; }
	cmp -s "$t/got" "$t/want" || { fail "$name: output differs"; diff "$t/want" "$t/got" | head -5; }
	sed "s|$t/map.json|$map|g" "$t/got.err" | cmp -s - "$t/want.err" || fail "$name: messages differ"
}

once run -q in/export_zoho_de.csv
cp in/export_zoho_de.csv "$t/second.csv"
once two_inputs -q in/export_zoho_de.csv "$t/second.csv"
"$R" -q --map-file "$map" -o "$t/prev.csv" in/export_zoho_de.csv 2>/dev/null || fail "writing the earlier run"
once previous -q --previous "$t/prev.csv" in/export_zoho_de.csv
once inspect inspect in/export_zoho_de.csv
once inspect_json inspect --to json in/export_zoho_de.csv
[ $fails = 0 ]
