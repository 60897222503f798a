#!/bin/sh
# bench/run.sh - the benchmark behind `make bench` (see bench/README.md).
# Builds the bench tools and an -O2 relstage, generates inputs under
# bench/out/, measures every tool BENCH_REPS times with bench/runstat.c (wall
# time, peak RSS, user and sys CPU, exit status), the tools taking turns
# (rounds), and prints one table per size, median of the runs, with each
# time as a ratio to the bare pass of the same input format.
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

# Each size's tools are first planned (plan), then run in rounds (run_rounds):
# round r runs every tool that has an r-th run, one after another, so a drift
# in the machine's speed during the size (this VM's own speed varies by 30%
# over a minute) falls on every tool alike instead of on whichever ran then.
# With BENCH_OUT=file, each timed run starts from the same state: its output
# file removed and the page cache's dirty data written out (sync, untimed).
# Otherwise a run would pay for the previous run's output: opening a file of
# hundreds of megabytes with O_TRUNC frees its blocks, and ext4 then writes
# the new data out at close (auto_da_alloc) inside the timed process; on
# the reference machine that added 0.5-1.5 s to a 1.2 s relstage run and
# far less to bare_csv, whose output is a sixth of the size.

# q WORD: WORD quoted for the shell (for plan's stored commands).
q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# plan SIZE TOOL GROUP ROLE INPUT STDIN OUTFILE REPS CMD...
#   GROUP csv|jsonl picks the floor; ROLE is floor, a target ratio, ref or info.
ntools=0
plan() {
	ntools=$((ntools + 1))
	pc=
	for a in "$@"; do
		pc="$pc $(q "$a")"
	done
	eval "p_$ntools=\$pc"
	[ "$4" = floor ] && eval "floor_$3=$ntools"
	for x in secs rss user sys; do : >"$OUT/t$ntools.$x"; done
	eval "st_$ntools=0 note_$ntools=''"
}

# run_rounds: runs the planned tools in rounds, then appends one line per tool
#   to $RAW; a tool's output is checked after its last run and removed
#   (10M-row outputs are gigabytes).
run_rounds() {
	maxr=0 i=0
	while [ "$i" -lt "$ntools" ]; do
		i=$((i + 1))
		eval "fixed=\${fixed_$i:-}"
		[ -n "$fixed" ] && continue
		eval "pc=\$p_$i"; eval "set -- $pc"
		[ "$8" -gt "$maxr" ] && maxr=$8
	done
	r=0
	while [ "$r" -lt "$maxr" ]; do
		r=$((r + 1))
		printf '   round %s:' "$r"
		i=0
		while [ "$i" -lt "$ntools" ]; do
			i=$((i + 1))
			eval "fixed=\${fixed_$i:-}"
			[ -n "$fixed" ] && continue
			eval "pc=\$p_$i"; eval "set -- $pc"
			eval "st=\$st_$i"
			[ "$r" -le "$8" ] || continue
			[ "$st" = -1 ] || [ "$st" -ge 2 ] && continue # a failure does not get better by repeating
			run_one "$i" "$r" "$@"
		done
		echo
	done
	i=0
	while [ "$i" -lt "$ntools" ]; do
		i=$((i + 1))
		eval "fixed=\${fixed_$i:-}"
		if [ -n "$fixed" ]; then
			printf '%s\n' "$fixed" >>"$RAW"
			eval "fixed_$i="
			continue
		fi
		eval "pc=\$p_$i"; eval "set -- $pc"
		eval "st=\$st_$i note=\$note_$i"
		[ "$st" != -1 ] && [ "$8" != "$REPS" ] && note="${note:+$note; }$8 run"
		# Each round's time over the floor's in the same round: min-max.
		eval "f=\${floor_$3:-}"
		range=
		[ -n "$f" ] && range=$(paste "$OUT/t$i.secs" "$OUT/t$f.secs" | awk '
			NF == 2 && $2 > 0 { r = $1 / $2; if (n++ == 0 || r < lo) lo = r; if (n == 1 || r > hi) hi = r }
			END { if (n > 1) printf "%.2f-%.2f", lo, hi }')
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" \
			"$(median "$OUT/t$i.secs")" "$(median "$OUT/t$i.rss")" "$st" "$(wc -c <"$5")" "$note" \
			"$(median "$OUT/t$i.user")" "$(median "$OUT/t$i.sys")" "$range" >>"$RAW"
	done
	i=0
	while [ "$i" -lt "$ntools" ]; do
		i=$((i + 1))
		rm -f "$OUT/t$i.secs" "$OUT/t$i.rss" "$OUT/t$i.user" "$OUT/t$i.sys"
	done
	ntools=0 floor_csv= floor_explain= floor_json= floor_jsonl=
}

# run_one I ROUND SIZE TOOL GROUP ROLE INPUT STDIN OUTFILE REPS CMD...
run_one() {
	i=$1 r=$2 size=$3 tool=$4 stdin=$8 out=$9
	shift 9
	reps=$1
	shift
	to=$out
	if [ "$SINK" = null ]; then
		to=/dev/null
	else
		rm -f "$out"
		sync
	fi
	line=$("$BIN/runstat" "$stdin" "$to" "$OUT/err.txt" -- "$@") || {
		eval "st_$i=-1 note_$i='runstat failed'"
		printf ' %s failed;' "$tool"
		return
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
	echo "$secs" >>"$OUT/t$i.secs"
	echo "$rss" >>"$OUT/t$i.rss"
	echo "$usr" >>"$OUT/t$i.user"
	echo "$sys" >>"$OUT/t$i.sys"
	printf ' %s %ss;' "$tool" "${secs%???}"
	eval "note=\$note_$i"
	if [ "$st" != 0 ]; then
		note="${note:+$note; }$(head -c 200 "$OUT/err.txt" | head -n 1 | tr '\t' ' ')"
		eval "st_$i=\$st note_$i=\$note"
	fi
	[ "$r" -lt "$reps" ] && [ "$st" -lt 2 ] && return
	# The last run: check the output (BENCH_OUT=null: from one more, untimed run).
	[ "$SINK" = null ] && "$BIN/runstat" "$stdin" "$out" "$OUT/err.txt" -- "$@" >/dev/null
	lines=$(wc -l <"$out" 2>/dev/null || echo 0)
	case $tool in
	bare_jsonl) grep -q "^$size lines" "$out" || note="${note:+$note; }count is not $size lines" ;;
	*--to\ json*) ;; # JSON: the line count says nothing about rows
	*--to\ xlsx*) # a workbook: a zip archive holding the Accounts sheet
		head -c 2 "$out" | grep -q PK || note="${note:+$note; }not a workbook" ;;
	*)
		want=$((size + 1)) # a header, then a line per row (or more: quoted newlines)
		[ "$tool" = "bare_jsonl -w" ] && want=$size
		if [ "$st" = 0 ] && [ "$lines" -lt "$want" ]; then
			note="${note:+$note; }short output: $lines lines for $size rows"
		fi
		;;
	esac
	case $tool in # a fast tool that did not classify must not look good
	*--to\ xlsx*) ;;
	relstage*) head -c 65536 "$out" | grep -q '"*stage"*[,:]' ||
		note="${note:+$note; }no stage column in the output" ;;
	esac
	eval "note_$i=\$note"
	rm -f "$out"
}

# skip SIZE TOOL GROUP WHY: a row with no figures (in the plan's order).
skip() {
	printf '   %-24s skipped: %s\n' "$2" "$4"
	ntools=$((ntools + 1))
	eval "fixed_$ntools=\$(printf '%s\t%s\t%s\tref\t\t\tskip\t0\t%s' \"\$1\" \"\$2\" \"\$3\" \"\$4\")"
}

# no_relstage SIZE TOOL GROUP ROLE: the row of a relstage that did not build.
no_relstage() {
	printf '   %-24s failed: %s\n' "$2" "$RS_NOTE"
	ntools=$((ntools + 1))
	eval "fixed_$ntools=\$(printf '%s\t%s\t%s\t%s\t\t\tbuild\t0\t%s' \"\$1\" \"\$2\" \"\$3\" \"\$4\" \"\$RS_NOTE\")"
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
	# Issue 12's floors: a bare libcsv pass that writes as many bytes as
	# relstage does in each mode (bare_csv -a N, N = the bytes relstage adds
	# to a row, measured on the first 10,000 rows), and a bare cJSON
	# parse-and-write pass for JSON Lines (bare_jsonl -w).
	plan "$size" bare_csv csv info "$csv" "$csv" "$o.csv" "$REPS" "$BIN/bare_csv"
	if [ -n "$RS" ]; then
		head -n 10001 "$csv" >"$o.sample.csv"
		in_b=$(wc -c <"$o.sample.csv")
		for m in csv explain json; do
			case $m in
			csv) args= ;;
			explain) args=--explain ;;
			json) args="--to json" ;;
			esac
			# shellcheck disable=SC2086 # args is zero to two words
			out_b=$("$RS" -q $args "$o.sample.csv" 2>/dev/null | wc -c)
			eval "add_$m=$(((out_b - in_b) / 10000))"
		done
		plan "$size" "bare_csv -a $add_csv" csv floor "$csv" "$csv" "$o.csv" "$REPS" "$BIN/bare_csv" -a "$add_csv"
		plan "$size" relstage csv 1.3 "$csv" /dev/null "$o.csv" "$REPS" "$RS" "$csv"
		plan "$size" "bare_csv -a $add_explain" explain floor "$csv" "$csv" "$o.csv" "$REPS" "$BIN/bare_csv" -a "$add_explain"
		plan "$size" "relstage --explain" explain 1.6 "$csv" /dev/null "$o.csv" "$REPS" "$RS" --explain "$csv"
		plan "$size" "bare_csv -a $add_json" json floor "$csv" "$csv" "$o.csv" "$REPS" "$BIN/bare_csv" -a "$add_json"
		plan "$size" "relstage --to json" json 1.6 "$csv" /dev/null "$o.json" "$REPS" "$RS" --to json "$csv"
		# A workbook (libxlsxwriter, constant memory): its time next to the
		# CSV run's and its peak RSS, which must stay flat from 100k to 1M.
		if [ "$SLOW" = 1 ] || [ "$size" -le "$SLOW_MAX" ]; then
			plan "$size" "relstage --to xlsx" csv info "$csv" /dev/null "$o.xlsx" "$REPS" \
				"$RS" --to xlsx "$csv"
		else
			skip "$size" "relstage --to xlsx" csv "over $SLOW_MAX rows (BENCH_SLOW=1 includes it)"
		fi
	else
		no_relstage "$size" relstage csv 1.3
		no_relstage "$size" "relstage --explain" explain 1.6
		no_relstage "$size" "relstage --to json" json 1.6
	fi
	if command -v mlr >/dev/null 2>&1; then
		if [ "$SLOW" = 1 ] || [ "$size" -le "$SLOW_MAX" ]; then
			plan "$size" "mlr put" csv ref "$csv" /dev/null "$o.csv" "$peer_reps" \
				mlr --icsv --ocsv put -f bench/classify.mlr "$csv"
		else
			skip "$size" "mlr put" csv "over $SLOW_MAX rows (BENCH_SLOW=1 includes it)"
		fi
	else
		skip "$size" "mlr put" csv "mlr not installed"
	fi
	if command -v python3 >/dev/null 2>&1; then
		if [ "$SLOW" = 1 ] || [ "$size" -le "$SLOW_MAX" ]; then
			plan "$size" "python csv" csv ref "$csv" "$csv" "$o.csv" "$peer_reps" python3 bench/classify.py
		else
			skip "$size" "python csv" csv "over $SLOW_MAX rows (BENCH_SLOW=1 includes it)"
		fi
	else
		skip "$size" "python csv" csv "python3 not installed"
	fi
	plan "$size" bare_jsonl jsonl info "$jsonl" "$jsonl" "$o.txt" "$REPS" "$BIN/bare_jsonl"
	plan "$size" "bare_jsonl -w" jsonl floor "$jsonl" "$jsonl" "$o.csv" "$REPS" "$BIN/bare_jsonl" -w
	if [ -n "$RS" ]; then
		plan "$size" "relstage (JSONL in)" jsonl 1.5 "$jsonl" /dev/null "$o.csv" "$REPS" "$RS" "$jsonl"
	else
		no_relstage "$size" "relstage (JSONL in)" jsonl 1.5
	fi
	run_rounds
	sh bench/table.sh "$RAW" "$size"
done
rm -f "$OUT/err.txt"

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
