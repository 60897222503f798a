# robust_lib.sh - helpers for the self-checking e2e scripts robust_*.sh
# (sourced; run from tests/e2e with $RELSTAGE set, as tests/e2e/run.sh does).
# Each check prints "ok NAME" or "FAIL NAME: why"; finish exits 1 on a failure.
: "${RELSTAGE:=../../relstage}"
LC_ALL=C.UTF-8
export LC_ALL
unset RELSTAGE_LANG
nfail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/relstage-robust.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }
ok() { echo "ok $1"; }
skip() { echo "skip $1: $2"; }

# run NAME ARGS...: runs relstage with stdout and stderr in $tmp/NAME.{out,err};
# the exit status is in $rc.
run() {
	n=$1
	shift
	"$RELSTAGE" "$@" >"$tmp/$n.out" 2>"$tmp/$n.err"
	rc=$?
}

# expect NAME EXIT PATTERN: the last run exited EXIT and its stderr matches
# the grep -E PATTERN, with no sanitizer or valgrind report.
expect() {
	if [ "$rc" != "$2" ]; then
		fail "$1" "exit $rc, expected $2; stderr: $(head -c 600 "$tmp/$1.err")"
	elif grep -q 'Sanitizer\|runtime error' "$tmp/$1.err"; then
		fail "$1" "sanitizer report: $(head -c 600 "$tmp/$1.err")"
	elif [ -n "$3" ] && ! grep -Eq -- "$3" "$tmp/$1.err"; then
		fail "$1" "stderr lacks /$3/: $(head -c 600 "$tmp/$1.err")"
	else
		ok "$1"
	fi
}

# untouched NAME FILE: FILE still holds OLD and no temporary sits beside it.
untouched() {
	if [ "$(cat "$2" 2>/dev/null)" != OLD ]; then
		fail "$1" "$2 was replaced or removed"
	elif ls "$(dirname "$2")" | grep -q '\.tmp\.'; then
		fail "$1" "temporary file left in $(dirname "$2")"
	fi
}

finish() {
	[ "$nfail" = 0 ] && echo "all ok" && exit 0
	echo "$nfail failed"
	exit 1
}
