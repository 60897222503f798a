#!/bin/sh
# Runs relstage under valgrind memcheck; set as $RELSTAGE by `make valgrind`.
# Errors and leaks (every kind) make the exit status 99, which no e2e case
# expects, and the report goes to $VG_LOGDIR (not stderr: the cases compare
# stderr byte for byte). VG_REAL is the binary under test.
: "${VG_REAL:?VG_REAL must name the relstage binary}"
: "${VG_LOGDIR:=${TMPDIR:-/tmp}}"
exec valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
	--errors-for-leak-kinds=all --track-fds=no --log-file="$VG_LOGDIR/vg.%p.log" \
	"$VG_REAL" "$@"
