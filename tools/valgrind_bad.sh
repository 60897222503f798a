#!/bin/sh
# Prints the valgrind logs in DIR that show an error or a leak. A run that a
# test killed with a signal ("Process terminating with default action") may
# hold memory "still reachable": it never got to free it, which is not a
# leak; any other error or lost block in it still counts.
dir=$1
for f in "$dir"/*; do
	[ -f "$f" ] || continue
	grep -q "ERROR SUMMARY: [1-9]" "$f" || continue
	if grep -q "Process terminating with default action" "$f" &&
		! grep -qE "(definitely|indirectly|possibly) lost: [1-9]|Invalid|uninitialised|Mismatched|Syscall param|overlap" "$f"; then
		continue
	fi
	echo "$f"
done
