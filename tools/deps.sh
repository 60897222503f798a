#!/bin/sh
# Installs the system packages relstage needs, when they are missing.
# Debian/Ubuntu: apt-get as root; otherwise prints the command to run.
PKGS="build-essential pkg-config libcsv-dev libcjson-dev libcmocka-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "relstage: missing packages:$missing (install them with your package manager)" >&2
	exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "relstage: missing packages:$missing" >&2
	echo "relstage: run: sudo apt-get install -y$missing" >&2
	exit 2
fi
echo "installing:$missing"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
