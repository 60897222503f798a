#!/bin/sh
# make install DESTDIR=... PREFIX=/usr puts each file where mk/install.mk (and
# the README) say, the installed binary runs, and make uninstall removes them.
# Installs the binary under test ($RELSTAGE) and the library built beside it.
set -u
R=${RELSTAGE:?}
top=$(cd ../.. && pwd)
bindir=$(cd "$(dirname "$R")" && pwd)
R="$bindir/$(basename "$R")"
lib="$bindir/librelstage.a"
[ -f "$lib" ] || lib="$top/build/librelstage.a"
[ -f "$lib" ] || { echo "FAIL: no librelstage.a beside $R or in build/"; exit 1; }
d=$(mktemp -d)
trap 'rm -rf "$d" "$d".*' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# -o: take the binary and library as built; install must not rebuild them.
mk() { make -s -C "$top" -o "$R" -o "$lib" BIN="$R" LIB="$lib" DESTDIR="$d" PREFIX=/usr "$@"; }
mk install >"$d.log" 2>&1 || { fail "make install:"; cat "$d.log"; }
for f in bin/relstage share/man/man1/relstage.1 include/relstage.h lib/librelstage.a \
	share/relstage/rules/default.json; do
	[ -f "$d/usr/$f" ] || fail "not installed: /usr/$f"
done
[ -x "$d/usr/bin/relstage" ] || fail "/usr/bin/relstage is not executable"
"$d/usr/bin/relstage" -q in/batch_last_month.csv >/dev/null || fail "installed binary does not run"
cmp -s "$d/usr/share/relstage/rules/default.json" "$top/data/rules/default.json" ||
	fail "installed default.json differs from data/rules/default.json"
"$d/usr/bin/relstage" -r "$d/usr/share/relstage/rules/default.json" -q in/batch_last_month.csv \
	>"$d.a" && "$d/usr/bin/relstage" -q in/batch_last_month.csv >"$d.b" && cmp -s "$d.a" "$d.b" ||
	fail "the installed rules file does not classify like the embedded rules"
if command -v man >/dev/null; then
	MANPATH="$d/usr/share/man" man -w relstage >/dev/null 2>&1 || fail "man cannot find the installed page"
fi
# A program built against the installed header and library.
if command -v cc >/dev/null; then
	printf '#include <relstage.h>\nint main(void){return rs_lang_parse("zh",&(rs_lang){0})?0:1;}\n' >"$d.c"
	# A sanitized build's library needs the sanitizer runtimes to link.
	san=
	nm "$lib" 2>/dev/null | grep -q __asan_init && san="-fsanitize=address,undefined"
	cc -std=c11 $san -I"$d/usr/include" -o "$d.prog" "$d.c" "$d/usr/lib/librelstage.a" -lcsv -lcjson -lm \
		2>"$d.log" && "$d.prog" || { fail "cannot build against the installed library:"; cat "$d.log"; }
fi
mk uninstall >"$d.log" 2>&1 || { fail "make uninstall:"; cat "$d.log"; }
left=$(cd "$d" && find . -type f)
[ -z "$left" ] || fail "left after uninstall: $left"
[ -d "$d/usr/share/relstage" ] && fail "share/relstage left after uninstall"
[ $fails = 0 ] && echo "batch_install: ok"
[ $fails = 0 ]
