#!/bin/sh
# The command line's messages have their Chinese in one place, cli_msgs in
# src/cli_msg.c (the library's in src/msg.c): main.c, cli_run.c, cli_atomic.c
# and cli.h hold no Chinese text, so no message is worded inline as
# `lang == RS_LANG_ZH ? "..." : "..."` beside the table (cli_run.c had seven).
# Run from tests/e2e (run.sh does).
set -u
cd ../.. || exit 1
hits=$(LC_ALL=C grep -n '[^ -~	]' src/main.c src/cli_run.c src/cli_atomic.c src/cli.h)
[ -z "$hits" ] && exit 0
echo "FAIL: text outside ASCII in the command line's code; put a message's Chinese in cli_msgs:"
echo "$hits" | cut -c1-160
exit 1
