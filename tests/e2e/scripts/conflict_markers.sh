#!/bin/sh
# No merge leftovers: a line that is a conflict marker (<<<<<<< , =======,
# >>>>>>> ) in README.md, the man page, the sources, the tests or the build.
# A rebase once left README's Chinese paragraph twice between markers.
# Run from tests/e2e (run.sh does).
set -u
cd ../.. || exit 1
hits=$(grep -n -E '^(<<<<<<< |=======$|>>>>>>> )' README.md BENCHMARKS.md Makefile doc/* \
	src/* include/* tests/unit/* tests/e2e/*.py tests/e2e/*.sh tests/e2e/tables/* \
	tests/e2e/scripts/* .ci/run 2>/dev/null)
[ -z "$hits" ] && exit 0
echo "FAIL: conflict markers left by a merge:"
echo "$hits" | cut -c1-120
exit 1
