#!/bin/sh
# The man page renders without warnings, and documents every option that
# `relstage --help` lists, every subcommand and the exit codes.
set -u
R=${RELSTAGE:?}
page=../../doc/relstage.1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
t=$(mktemp)
trap 'rm -f "$t" "$t.warn"' EXIT
if command -v man >/dev/null && command -v groff >/dev/null; then
	MANWIDTH=80 man --warnings -l "$page" >"$t" 2>"$t.warn" || fail "man -l exited $?"
	[ -s "$t.warn" ] && { fail "man --warnings:"; cat "$t.warn"; }
	# Rendered text without overstrikes; hyphens are plain in the C locale.
	LC_ALL=C MANWIDTH=200 man -l "$page" 2>/dev/null | col -b >"$t"
else
	echo "note: man/groff not installed; checking the page source only"
	sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page" >"$t"
fi
[ -s "$t" ] || fail "the page rendered to nothing"
opts=$("$R" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$opts" ] || fail "relstage --help lists no long option"
n=0
for o in $opts; do
	n=$((n + 1))
	grep -q -e "$o" "$t" || fail "option $o is in --help but not in the man page"
done
ns=0
for s in $("$R" --help | sed -n 's/^ *\(usage: \)\{0,1\}relstage \([a-z][a-z]*\).*/\2/p'); do
	ns=$((ns + 1))
	grep -q -e "^ *$s" "$t" || fail "subcommand $s is not in the man page"
done
[ $ns -ge 3 ] || fail "found $ns subcommands in --help, expected rules, validate, fields"
grep -q "EXIT STATUS" "$t" || fail "no EXIT STATUS section"
for code in 0 1 2; do
	grep -q -e "^ *$code\$" -e "^ *$code  " "$t" || fail "exit code $code not described"
done
grep -q "share/relstage/rules/default.json" "$t" || fail "installed rules file not named"
[ $fails = 0 ] && echo "batch_man: $n options checked, ok"
[ $fails = 0 ]
