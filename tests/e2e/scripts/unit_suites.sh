#!/bin/sh
# Every module has its unit suite: src/X.c is tested by tests/unit/test_X.c,
# or README's "How this is tested" table names the suite that tests it (and
# that suite exists). A module added or renamed without either fails here.
# Run from tests/e2e (run.sh does).
set -u
cd ../.. || exit 1
fail=0
for f in src/*.c; do
	m=$(basename "$f" .c)
	[ -f "tests/unit/test_$m.c" ] && continue
	s=$(grep -o "| $m\.c | test_[a-z_0-9]*" README.md | sed 's/.*| //' | head -1)
	if [ -z "$s" ]; then
		echo "FAIL: $f has no tests/unit/test_$m.c and README's table names no suite for it"
		fail=1
	elif [ ! -f "tests/unit/$s.c" ]; then
		echo "FAIL: README names $s for $f, but tests/unit/$s.c does not exist"
		fail=1
	fi
done
exit $fail
