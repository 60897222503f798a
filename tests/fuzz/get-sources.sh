#!/bin/sh
# get-sources.sh - puts libcsv's and cJSON's sources under build-fuzz/src/ for
# the fuzz build (coverage feedback does not reach into the shared system
# libraries, so the fuzz targets compile these sources in; the product still
# links the system packages). The sources come from Debian's source packages
# of the installed versions, not from the repository.
#   usage: sh tests/fuzz/get-sources.sh DESTDIR
# Prints nothing and exits 0 when the sources are already there; exits 1 when
# they cannot be had (not root, no network, no dpkg-dev), after saying why:
# mk/fuzz.mk then links the system libraries instead.
set -eu
dest=${1:-build-fuzz/src}

have() {
	[ -f "$dest/libcsv/libcsv.c" ] && [ -f "$dest/cjson/cJSON.c" ]
}
have && exit 0

say() { echo "get-sources: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
	say "not root: cannot add a deb-src entry or install dpkg-dev"
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! command -v dpkg-source >/dev/null 2>&1; then
	apt-get install -y -qq dpkg-dev >/dev/null || { say "cannot install dpkg-dev"; exit 1; }
fi

# A deb-src twin of every deb822 Debian entry (same URIs, suites, keys).
list=/etc/apt/sources.list.d/relstage-fuzz-src.sources
if [ ! -f "$list" ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
	sed 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$list"
fi
apt-get update -qq >/dev/null 2>&1 || { say "apt-get update failed"; exit 1; }

tmp="$dest.tmp"
rm -rf "$tmp"
mkdir -p "$tmp"
# The installed versions, so the fuzz build parses like the product.
csv=libcsv
cjs=cjson
v=$(dpkg-query -W -f='${source:Version}' libcsv3 2>/dev/null || true)
[ -n "$v" ] && csv="libcsv=$v"
v=$(dpkg-query -W -f='${source:Version}' libcjson1 2>/dev/null || true)
[ -n "$v" ] && cjs="cjson=$v"
(cd "$tmp" && apt-get source -qq "$csv" "$cjs" >/dev/null 2>&1) ||
	(cd "$tmp" && apt-get source -qq libcsv cjson >/dev/null 2>&1) ||
	{ say "apt-get source libcsv cjson failed"; rm -rf "$tmp"; exit 1; }

mkdir -p "$dest/libcsv" "$dest/cjson"
csvdir=$(dirname "$(find "$tmp" -name libcsv.c | head -n 1)")
cjsdir=$(dirname "$(find "$tmp" -name cJSON.c -not -path '*/tests/*' | head -n 1)")
[ -f "$csvdir/libcsv.c" ] && [ -f "$cjsdir/cJSON.c" ] ||
	{ say "unpacked sources lack libcsv.c or cJSON.c"; rm -rf "$tmp"; exit 1; }
cp "$csvdir/libcsv.c" "$csvdir/csv.h" "$dest/libcsv/"
mkdir -p "$dest/cjson/cjson"
cp "$cjsdir/cJSON.c" "$dest/cjson/"
cp "$cjsdir/cJSON.h" "$dest/cjson/cjson/"
ls "$tmp" | grep -E '\.dsc$' >"$dest/VERSIONS" || true
rm -rf "$tmp"
say "sources in $dest: $(tr '\n' ' ' <"$dest/VERSIONS")"
