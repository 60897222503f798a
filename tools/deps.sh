#!/bin/sh
# Installs the system packages relstage needs, when they are missing.
# Debian/Ubuntu: apt-get as root; otherwise prints the command to run.
# Elsewhere (no dpkg) it assumes you installed libcsv, cJSON, cmocka,
# libxlsxwriter, libzip, expat and openpyxl.
PKGS="build-essential pkg-config libcsv-dev libcjson-dev libcmocka-dev python3 libxlsxwriter-dev libzip-dev libexpat1-dev python3-openpyxl"
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "relstage: missing packages:$missing" >&2
	echo "relstage: run: sudo apt-get install -y$missing" >&2
	exit 2
fi
echo "relstage: installing:$missing"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
