#!/bin/sh
# End-to-end tests of the built binary, as a table (OpenBSD regress style):
# each line of tables/*.txt is NAME EXIT ARGS..., run in this directory with
# stdin from in/NAME.stdin when it exists; stdout must equal expected/NAME.out
# and stderr expected/NAME.err (when that file exists), and the exit status
# EXIT; leading VAR=VALUE arguments go to relstage's environment. Then every
# scripts/*.sh runs (each checks itself; exit 0 = pass).
#   RELSTAGE=/path/to/relstage sh tests/e2e/run.sh
#   UPDATE=1 ... rewrites expected/ from the actual output (review the diff!)
cd "$(dirname "$0")" || exit 2
: "${RELSTAGE:=../../relstage}"
export RELSTAGE
unset RELSTAGE_LANG COLUMNS
LC_ALL=C.UTF-8
RELSTAGE_TODAY=2026-12-01 # customer_since counts to a fixed day
export RELSTAGE_TODAY
export LC_ALL
out=${TMPDIR:-/tmp}/relstage-e2e.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
pass=0
fail=0

check_case() {
	name=$1
	want=$2
	shift 2
	vars=
	while case $1 in [A-Z]*=*) ;; *) false ;; esac; do vars="$vars $1"; shift; done
	stdin=/dev/null
	[ -f "in/$name.stdin" ] && stdin="in/$name.stdin"
	env $vars "$RELSTAGE" "$@" <"$stdin" >"$out/$name.out" 2>"$out/$name.err"
	got=$?
	if [ -n "$UPDATE" ]; then
		cp "$out/$name.out" "expected/$name.out"
		[ -s "$out/$name.err" ] && cp "$out/$name.err" "expected/$name.err"
		[ -s "$out/$name.err" ] || rm -f "expected/$name.err"
	fi
	ok=1
	[ "$got" = "$want" ] || { echo "FAIL $name: exit $got, expected $want"; ok=0; }
	if ! cmp -s "$out/$name.out" "expected/$name.out"; then
		echo "FAIL $name: stdout differs:"
		diff "expected/$name.out" "$out/$name.out" | head -20
		ok=0
	fi
	if [ -f "expected/$name.err" ] && ! cmp -s "$out/$name.err" "expected/$name.err"; then
		echo "FAIL $name: stderr differs:"
		diff "expected/$name.err" "$out/$name.err" | head -20
		ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}

for table in tables/*.txt; do
	while read -r line; do
		case $line in ''|'#'*) continue ;; esac
		eval "check_case $line"
	done <"$table"
done

for s in scripts/*.sh; do
	[ -f "$s" ] || continue
	if sh "$s" >"$out/script.log" 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL $s:"
		tail -20 "$out/script.log"
		fail=$((fail + 1))
	fi
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" = 0 ]
