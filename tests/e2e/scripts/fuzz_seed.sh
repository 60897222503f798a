#!/bin/sh
# The committed fuzz seed corpus is what tests/fuzz/seed.sh writes from the
# fixtures: a fixture changed without rerunning the script fails here.
# Run from tests/e2e (run.sh does).
set -u
cd ../.. || exit 1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
sh tests/fuzz/seed.sh "$t/corpus" || { echo "FAIL: seed.sh"; exit 1; }
diff -r "$t/corpus" tests/fuzz/corpus >"$t/diff" && exit 0
echo "FAIL: tests/fuzz/corpus differs from what tests/fuzz/seed.sh writes (run it and commit):"
head -20 "$t/diff"
exit 1
