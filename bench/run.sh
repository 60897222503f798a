#!/bin/sh
# bench/run.sh - the benchmark behind `make bench` (see bench/README.md).
# Builds the bench tools and an -O2 relstage, generates inputs under
# bench/out/, measures every tool BENCH_REPS times with bench/runstat.c (wall
# time, peak RSS, exit status) and prints one table per size, median of the
# runs, with each time as a ratio to the bare pass of the same input format.
# A tool that fails shows "failed" in its row; the run goes on.
#
# Environment: BENCH_SIZES ("100000 1000000 10000000"), BENCH_REPS (3),
# BENCH_SLOW (0: Python, Miller and bare_jsonl -w only up to BENCH_SLOW_MAX
# rows, and the peers once at 1M rows and up),
# BENCH_SLOW_MAX (1000000), BENCH_BUILD (build-bench), BENCH_CFLAGS (-O2),
# BENCH_OUT (file: every tool writes to a file in bench/out/; null: the timed
# runs write to /dev/null, so the kernel's cost of storing the output, which
# grows with the bytes written, is left out, and one more untimed run to a
# file checks the output), RELSTAGE (a relstage binary to measure instead of
# building one), MAKE.
set -u
cd "$(dirname "$0")/.." || exit 2

SIZES=${BENCH_SIZES:-100000 1000000 10000000}
REPS=${BENCH_REPS:-3}
SLOW=${BENCH_SLOW:-0}
SLOW_MAX=${BENCH_SLOW_MAX:-1000000}
SINK=${BENCH_OUT:-file}
case $SINK in file | null) ;; *) echo "bench: BENCH_OUT is file or null, not $SINK" >&2; exit 2 ;; esac
BUILDDIR=${BENCH_BUILD:-build-bench}
CFL=${BENCH_CFLAGS:--O2}
MAKE=${MAKE:-make}
OUT=bench/out
BIN=$BUILDDIR/bench
RAW=$OUT/raw.tsv
RES=$OUT/results.md

mkdir -p "$OUT" || exit 2
echo "== building bench tools ($BUILDDIR, CFLAGS=$CFL)"
$MAKE --no-print-directory BUILD="$BUILDDIR" CFLAGS="$CFL" bench-tools >"$OUT/build.log" 2>&1 || {
	cat "$OUT/build.log" >&2
	echo "bench: cannot build the bench tools" >&2
	exit 2
}
RS_NOTE=
if [ -n "${RELSTAGE:-}" ]; then
	RS=$RELSTAGE
elif $MAKE --no-print-directory BUILD="$BUILDDIR" CFLAGS="$CFL" BIN="$BIN/relstage" \
	"$BIN/relstage" >>"$OUT/build.log" 2>&1; then
	RS=$BIN/relstage
else
	RS=
	RS_NOTE="relstage did not build (see $OUT/build.log)"
	echo "bench: $RS_NOTE; its rows will show failed" >&2
fi

: >"$RAW"

# median FILE: the middle line of a column of numbers (lower middle if even).
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# measure SIZE TOOL GROUP ROLE INPUT STDIN OUTFILE CMD...
#   GROUP csv|jsonl picks the floor; ROLE is floor, a target ratio, ref or info.
#   Appends one line to $RAW; the output file is removed afterwards (10M-row
#   outputs are gigabytes) once its line count has been checked.
measure() {
	size=$1 tool=$2 group=$3 role=$4 input=$5 stdin=$6 out=$7
	shift 7
	inbytes=$(wc -c <"$input")
	: >"$OUT/t.secs"
	: >"$OUT/t.rss"
	: >"$OUT/t.user"
	: >"$OUT/t.sys"
	status=0 note=
	printf '   %-24s' "$tool"
	i=0
	reps=${MEASURE_REPS:-$REPS}
	[ "$reps" != "$REPS" ] && note="$reps run"
	while [ "$i" -lt "$reps" ]; do
		i=$((i + 1))
		to=$out
		[ "$SINK" = null ] && to=/dev/null
		line=$("$BIN/runstat" "$stdin" "$to" "$OUT/err.txt" -- "$@") || {
			status=-1 note="runstat failed"
			break
		}
		secs=${line#seconds=}
		secs=${secs%% *}
		rss=${line#*maxrss_kib=}
		rss=${rss%% *}
		usr=${line#*user=}
		usr=${usr%% *}
		sys=${line#*sys=}
		sys=${sys%% *}
		st=${line##*status=}
		echo "$secs" >>"$OUT/t.secs"
		echo "$rss" >>"$OUT/t.rss"
		echo "$usr" >>"$OUT/t.user"
		echo "$sys" >>"$OUT/t.sys"
		printf ' %ss' "$secs"
		if [ "$st" != 0 ]; then
			status=$st
			note="${note:+$note; }$(head -c 200 "$OUT/err.txt" | head -n 1 | tr '\t' ' ')"
			[ "$st" -ge 2 ] && break # a failure does not get better by repeating
		fi
	done
	echo
	# BENCH_OUT=null: the output to check comes from one more, untimed run.
	[ "$SINK" = null ] && [ "$status" != -1 ] &&
		"$BIN/runstat" "$stdin" "$out" "$OUT/err.txt" -- "$@" >/dev/null
	lines=$(wc -l <"$out" 2>/dev/null || echo 0)
	case $tool in
	bare_jsonl) grep -q "^$size lines" "$out" || note="${note:+$note; }count is not $size lines" ;;
	*--to\ json*) ;; # JSON: the line count says nothing about rows
	*)
		want=$((size + 1)) # a header, then a line per row (or more: quoted newlines)
		[ "$tool" = "bare_jsonl -w" ] && want=$size
		if [ "$status" = 0 ] && [ "$lines" -lt "$want" ]; then
			note="${note:+$note; }short output: $lines lines for $size rows"
		fi
		;;
	esac
	case $tool in # a fast tool that did not classify must not look good
	relstage*) head -c 65536 "$out" | grep -q '"*stage"*[,:]' ||
		note="${note:+$note; }no stage column in the output" ;;
	esac
	rm -f "$out"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$group" "$role" \
		"$(median "$OUT/t.secs")" "$(median "$OUT/t.rss")" "$status" "$inbytes" "$note" \
		"$(median "$OUT/t.user")" "$(median "$OUT/t.sys")" >>"$RAW"
}

# skip SIZE TOOL GROUP WHY: a row with no figures.
skip() {
	printf '   %-24s skipped: %s\n' "$2" "$4"
	printf '%s\t%s\t%s\tref\t\t\tskip\t0\t%s\n' "$1" "$2" "$3" "$4" >>"$RAW"
}

# no_relstage SIZE TOOL GROUP ROLE: the row of a relstage that did not build.
no_relstage() {
	printf '   %-24s failed: %s\n' "$2" "$RS_NOTE"
	printf '%s\t%s\t%s\t%s\t\t\tbuild\t0\t%s\n' "$1" "$2" "$3" "$4" "$RS_NOTE" >>"$RAW"
}

for size in $SIZES; do
	csv=$OUT/in-$size.csv
	jsonl=$OUT/in-$size.jsonl
	for f in "$csv" "$jsonl"; do
		if [ ! -s "$f" ] || [ "$BIN/gen" -nt "$f" ]; then
			echo "== generating $f"
			"$BIN/gen" "$size" "${f##*.}" >"$f.tmp" && mv "$f.tmp" "$f" || exit 2
		fi
	done
	echo "== $size rows: $(wc -c <"$csv") bytes CSV, $(wc -c <"$jsonl") bytes JSONL"
	o=$OUT/out
	# The peers are 15-60x slower than the floor: at 1M rows and up they run
	# once (a median would not change the conclusion), above BENCH_SLOW_MAX
	# not at all, unless BENCH_SLOW=1.
	peer_reps=$REPS
	[ "$SLOW" != 1 ] && [ "$size" -ge 1000000 ] && peer_reps=1
	measure "$size" bare_csv csv floor "$csv" "$csv" "$o.csv" "$BIN/bare_csv"
	# The floor writing as many bytes as relstage does: a constant 499-byte
	# cell appended to every record (relstage appends ~500 bytes a row).
	measure "$size" "bare_csv -a 499" csv info "$csv" "$csv" "$o.csv" "$BIN/bare_csv" -a 499
	if [ -n "$RS" ]; then
		measure "$size" relstage csv 1.2 "$csv" /dev/null "$o.csv" "$RS" "$csv"
		measure "$size" "relstage --explain" csv 1.5 "$csv" /dev/null "$o.csv" "$RS" --explain "$csv"
		measure "$size" "relstage --to json" csv 1.5 "$csv" /dev/null "$o.json" "$RS" --to json "$csv"
	else
		no_relstage "$size" relstage csv 1.2
		no_relstage "$size" "relstage --explain" csv 1.5
		no_relstage "$size" "relstage --to json" csv 1.5
	fi
	if command -v mlr >/dev/null 2>&1; then
		if [ "$SLOW" = 1 ] || [ "$size" -le "$SLOW_MAX" ]; then
			MEASURE_REPS=$peer_reps measure "$size" "mlr put" csv ref "$csv" /dev/null "$o.csv" \
				mlr --icsv --ocsv put -f bench/classify.mlr "$csv"
		else
			skip "$size" "mlr put" csv "over $SLOW_MAX rows (BENCH_SLOW=1 includes it)"
		fi
	else
		skip "$size" "mlr put" csv "mlr not installed"
	fi
	if command -v python3 >/dev/null 2>&1; then
		if [ "$SLOW" = 1 ] || [ "$size" -le "$SLOW_MAX" ]; then
			MEASURE_REPS=$peer_reps measure "$size" "python csv" csv ref "$csv" "$csv" "$o.csv" python3 bench/classify.py
		else
			skip "$size" "python csv" csv "over $SLOW_MAX rows (BENCH_SLOW=1 includes it)"
		fi
	else
		skip "$size" "python csv" csv "python3 not installed"
	fi
	measure "$size" bare_jsonl jsonl floor "$jsonl" "$jsonl" "$o.txt" "$BIN/bare_jsonl"
	if [ "$SLOW" = 1 ] || [ "$size" -le "$SLOW_MAX" ]; then
		measure "$size" "bare_jsonl -w" jsonl info "$jsonl" "$jsonl" "$o.csv" "$BIN/bare_jsonl" -w
	else
		skip "$size" "bare_jsonl -w" jsonl "over $SLOW_MAX rows (BENCH_SLOW=1 includes it)"
	fi
	if [ -n "$RS" ]; then
		measure "$size" "relstage (JSONL in)" jsonl 1.3 "$jsonl" /dev/null "$o.csv" "$RS" "$jsonl"
	else
		no_relstage "$size" "relstage (JSONL in)" jsonl 1.3
	fi
	sh bench/table.sh "$RAW" "$size"
done
rm -f "$OUT/t.secs" "$OUT/t.rss" "$OUT/t.user" "$OUT/t.sys" "$OUT/err.txt"

{
	echo "# relstage benchmark"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- src include data 2>/dev/null || echo ' (+ uncommitted changes)')"
	echo "- machine: $(uname -sm), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(nproc 2>/dev/null) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
	echo "- compiler: $(${CC:-cc} --version 2>/dev/null | head -n 1), CFLAGS=$CFL"
	echo "- peers: $(mlr --version 2>/dev/null || echo 'mlr: none'), $(python3 --version 2>/dev/null || echo 'python3: none')"
	echo "- output: $([ "$SINK" = null ] && echo '/dev/null for the timed runs (BENCH_OUT=null), one more run to a file checks it' || echo 'a file in bench/out/ for every run')"
	echo "- command: make bench BENCH_SIZES=\"$SIZES\"$([ "$SINK" = null ] && echo ' BENCH_OUT=null') (median of $REPS runs; bench/runstat.c: CLOCK_MONOTONIC wall time, wait4 ru_maxrss, ru_utime and ru_stime)"
	echo
	for size in $SIZES; do
		sh bench/table.sh "$RAW" "$size"
		echo
	done
	sh bench/table.sh "$RAW" targets
} >"$RES"
echo
sh bench/table.sh "$RAW" targets
echo
echo "bench: results in $RES"
