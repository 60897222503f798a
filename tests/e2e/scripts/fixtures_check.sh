#!/bin/sh
# The generated fixtures in tests/e2e/in are what make_fixtures.py writes: a
# fixture edited by hand (and lost at the next regeneration) fails here.
# Run from tests/e2e (run.sh does).
set -u
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 0; }
python3 make_fixtures.py --check && exit 0
echo "FAIL: tests/e2e/in differs from what make_fixtures.py writes (edit the script, run it, commit both)"
exit 1
