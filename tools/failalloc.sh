#!/bin/sh
# Fails allocation N of a whole small run, for every N from 1 to the number a
# clean run makes, and checks each run: exit 0/1 with every output identical
# to the clean run's, or exit 2 with a "relstage: " message and each -o,
# --rejects and --summary-json target either untouched or whole; never a
# sanitizer report, a crash or a temporary file left behind.
#   sh tools/failalloc.sh build-san/failalloc/relstage-failalloc
# FAILALLOC_STEP=K tries every Kth N only (a quicker, partial run).
# (`make failalloc` builds it under ASan+UBSan and runs this.)
bin=${1:?usage: failalloc.sh RELSTAGE-FAILALLOC}
step=${FAILALLOC_STEP:-1}
here=$(cd "$(dirname "$0")/.." && pwd)
fx=$here/tests/e2e/in
work=${TMPDIR:-/tmp}/relstage-failalloc.$$
trap 'rm -rf "$work"' EXIT
ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0
UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS
unset RS_FAIL_AT RS_ALLOC_COUNT
LC_ALL=C.UTF-8
# Workbooks carry their date: fixed, so every run's bytes can be compared.
SOURCE_DATE_EPOCH=1764000000 TZ=UTC
export LC_ALL SOURCE_DATE_EPOCH TZ
runs=0 reordered=0 bad=0 failed_ok=0 passed_ok=0

mkdir -p "$work/ref" || exit 2
: >"$work/messages"
cp "$fx/bad_share_text.csv" "$work/in.csv"
cp "$fx/bad_jsonl_invalid_line.jsonl" "$work/in.jsonl"
cp "$fx/export_kingdee.csv" "$work/kingdee.csv"
cp "$fx/export_zoho_de.csv" "$work/zoho.csv"
cp "$fx/export_zoho.map.json" "$work/map.json"
cp "$fx/coop_options_map.csv" "$work/coop.csv"
cp "$fx/coop_options.map.json" "$work/coop.map.json"
(cd "$work" && "$bin" -q -o prev.csv in.csv)
[ -s "$work/prev.csv" ] || { echo "failalloc: cannot make the previous output"; exit 2; }
(cd "$work" && "$bin" -q --to xlsx -o prev.xlsx in.csv)
[ -s "$work/prev.xlsx" ] || { echo "failalloc: cannot make the previous workbook"; exit 2; }
# A workbook made by another program (openpyxl), when it is installed.
for p in python3 /usr/bin/python3; do
	"$p" -c 'import openpyxl' 2>/dev/null && { "$p" "$here/tests/e2e/make_xlsx.py" "$work/xl" && break; }
done

# Fresh directory with every target pre-created holding OLD.
setup() {
	rm -rf "$work/run" && mkdir "$work/run" || exit 2
	for f in out rej sum; do echo OLD >"$work/run/$f"; done
}

# One scenario: its name and relstage's arguments (run in $work/run).
scenario() {
	name=$1
	shift
	setup
	(cd "$work/run" && RS_ALLOC_COUNT=../count "$bin" "$@" >stdout 2>stderr)
	want=$?
	read -r total _ <"$work/count"
	case $want in 0|1) ;; *) echo "FAIL $name: clean run exit $want"; cat "$work/run/stderr"; bad=$((bad + 1)); return ;; esac
	rm -rf "$work/ref" && cp -r "$work/run" "$work/ref"
	n=1
	while [ "$n" -le "$total" ]; do
		setup
		(cd "$work/run" && RS_FAIL_AT=$n RS_ALLOC_COUNT=../count "$bin" "$@" >stdout 2>stderr)
		got=$?
		runs=$((runs + 1))
		why=
		check "$got"
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			echo "FAIL $name N=$n exit $got: $why"
			head -30 "$work/run/stderr" | sed 's/^/    /'
		fi
		n=$((n + step))
	done
	echo "failalloc: $name: $total allocations, failed one at a time (step $step)"
}

# Sets why to what is wrong with the run just made (empty when it is right).
check() {
	r=$work/run
	if grep -q 'Sanitizer\|runtime error' "$r/stderr"; then why="sanitizer report"; return; fi
	if ls "$r" | grep -q '\.tmp\.'; then why="temporary file left: $(ls "$r" | grep '\.tmp\.')"; return; fi
	case $1 in
	0|1)
		[ "$1" = "$want" ] || { why="exit $1, clean run gave $want"; return; }
		for f in out rej stdout; do
			cmp -s "$r/$f" "$work/ref/$f" || { why="$f differs from the clean run"; return; }
		done
		# rs_previous_each_vanished lists vanished accounts in table order
		# when it cannot allocate its sorting array: same content, reordered.
		if ! cmp -s "$r/sum" "$work/ref/sum"; then
			[ "$(tr ',[]{}' '\n\n\n\n\n' <"$r/sum" | sort)" = "$(tr ',[]{}' '\n\n\n\n\n' <"$work/ref/sum" | sort)" ] ||
				{ why="sum differs from the clean run"; return; }
			reordered=$((reordered + 1))
		fi
		passed_ok=$((passed_ok + 1)) ;;
	2)
		grep -q '^relstage: ' "$r/stderr" || { why="exit 2 without a relstage: message"; return; }
		for f in out rej sum; do
			if [ "$(cat "$r/$f")" != OLD ] && ! cmp -s "$r/$f" "$work/ref/$f"; then
				why="$f is neither untouched nor complete"; return
			fi
		done
		# The main output is renamed last: a failed run never replaced it.
		[ "$(cat "$r/out")" = OLD ] || { why="out replaced by a failed run"; return; }
		sed 's/[0-9][0-9]*/N/g' "$r/stderr" | grep '^relstage: ' | grep -v 'not a number' >>"$work/messages"
		# under --lang zh the message is Chinese (内存不足)
		grep -q 'out of memory\|内存不足' "$r/stderr" || { why="exit 2 but no \"out of memory\" message"; return; }
		failed_ok=$((failed_ok + 1)) ;;
	*) why="crashed or sanitizer exit" ;;
	esac
}

scenario csv -q -o out --rejects rej --summary-json sum --previous ../prev.csv ../in.csv
scenario jsonl -q -f jsonl -t jsonl -o out --rejects rej --summary-json sum --previous ../prev.csv ../in.jsonl
scenario json_explain -q -t json --explain --lang zh -o out --rejects rej --summary-json sum ../in.csv
scenario stdout_summary -q --summary --previous ../prev.csv ../in.csv
scenario xlsx -q -t xlsx -o out --summary-json sum --previous ../prev.xlsx ../in.csv
if [ -f "$work/xl/xl_kingdee_plain.xlsx" ]; then
	scenario xlsx_in -q --lang zh -o out --rejects rej ../xl/xl_kingdee_plain.xlsx
else
	echo "failalloc: no openpyxl: the scenario reading other programs' workbooks is left out"
fi
# title rows, blank, totals and footer rows held back; a map file; inspect
scenario export_rows -q -o out --rejects rej --summary-json sum ../kingdee.csv
scenario map_file -q --map-file ../map.json -o out --rejects rej --summary-json sum ../zoho.csv
scenario inspect inspect --to json --write-map out ../kingdee.csv
# a map file's cooperation options, read and written back
scenario map_options inspect --map-file ../coop.map.json --write-map out ../coop.csv
# a table fitted to 60 columns: columns left out, said on stderr
export COLUMNS=60
scenario table_fit -q -t table --lang zh -o out --previous ../prev.csv ../in.csv
unset COLUMNS
# relstage fields in Chinese: the list grows in one buffer
scenario fields_zh --lang zh fields
echo "failalloc: exit-2 messages seen (numbers as N):"
sort "$work/messages" | uniq -c | sort -rn | head -20
echo "failalloc: $runs runs, $passed_ok completed ($reordered with vanished accounts reordered), $failed_ok exit 2 cleanly, $bad wrong"
[ "$bad" = 0 ]
