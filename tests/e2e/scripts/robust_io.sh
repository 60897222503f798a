#!/bin/sh
# I/O failures: a full disk, a closed pipe, output and input paths that cannot
# be used, read and write errors in the middle of a file (an LD_PRELOAD shim,
# tools/inject_io.c, after jq's inject_errors.c). Each must exit 2 with one
# clear message and leave no partial output: -o targets keep their old
# content and no temporary file stays behind.
. ../../tools/robust_lib.sh
in=in/accounts.csv

# --- a full disk
if [ -c /dev/full ]; then
	run full_stdout -q "$in"
	"$RELSTAGE" -q "$in" >/dev/full 2>"$tmp/full_stdout.err"
	rc=$?
	expect full_stdout 2 '^relstage: .*write failed: No space left on device'
	[ "$(wc -l <"$tmp/full_stdout.err")" = 1 ] || fail full_stdout_once "more than one message"
	run full_o -q -o /dev/full "$in"
	expect full_o 2 '^relstage: /dev/full: write failed: No space left on device'
else
	skip full "/dev/full is not a character device here"
fi

# --- a closed pipe: 5000 rows give far more than a pipe buffer of output
awk 'BEGIN { print "id,name,purchase_share"; for (i = 0; i < 5000; i++) printf "C%d,Name %d,%d\n", i, i, i % 101 }' >"$tmp/big.csv"
{ "$RELSTAGE" -q "$tmp/big.csv" 2>"$tmp/pipe.err"; echo $? >"$tmp/pipe.rc"; } | head -c 10 >/dev/null
rc=$(cat "$tmp/pipe.rc")
expect pipe 2 '^relstage: <stdout>: write failed: Broken pipe'

# --- output through a pipe goes to stdio in pieces (src/out.c): the same
# bytes as to a file, in every format (80,000 rows: many output buffers).
awk 'BEGIN { print "id,name,purchase_share,contacts"; for (i = 0; i < 80000; i++) printf "C%d,\"Name, %d\",%d,%d\n", i, i, i % 101, i % 9 }' >"$tmp/huge.csv"
for fmt in csv tsv json jsonl; do
	# (the file has no cooperation column: that note is expected, no other message)
	"$RELSTAGE" -q --to $fmt --explain "$tmp/huge.csv" 2>&1 >/dev/null | grep -v ' is 0 for every row$' >"$tmp/pipe_out.err"
	"$RELSTAGE" -q --to $fmt --explain "$tmp/huge.csv" 2>/dev/null | cat >"$tmp/piped.out"
	"$RELSTAGE" -q --to $fmt --explain -o "$tmp/file.out" "$tmp/huge.csv" 2>/dev/null
	a=$?
	if [ $a != 0 ] || [ -s "$tmp/pipe_out.err" ]; then
		fail "pipe_$fmt" "exit $a or a message: $(cat "$tmp/pipe_out.err")"
	elif ! cmp -s "$tmp/piped.out" "$tmp/file.out"; then
		fail "pipe_$fmt" "output through a pipe differs from -o"
	elif [ "$(wc -c <"$tmp/piped.out")" -lt 3000000 ]; then
		fail "pipe_$fmt" "output too small to fill the buffers"
	else
		ok "pipe_$fmt"
	fi
done

# --- Ctrl-C (and SIGTERM) while the output waits on a reader that never
# reads: relstage ends at once and dies of the signal. The handler has no
# SA_RESTART, so the waiting write fails with EINTR; stdio would resume a
# write the signal cut short after part of it, so a pipe is written
# PIPE_BUF bytes at a time, which a pipe takes whole or not at all.
for sig in INT TERM; do
	rm -f "$tmp/stall.rc"
	mkfifo "$tmp/stall.fifo"
	exec 7<>"$tmp/stall.fifo" # holds the FIFO open and never reads it
	# a script's background job starts with SIGINT ignored, which relstage
	# keeps ignored; env gives it the default, as an interactive shell does
	env --default-signal "$RELSTAGE" -q "$tmp/huge.csv" >"$tmp/stall.fifo" 2>"$tmp/stall.err" &
	pid=$!
	sleep 1
	kill -$sig $pid
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	want=130 num=2
	[ $sig = TERM ] && want=143 num=15
	if kill -0 $pid 2>/dev/null; then
		kill -KILL $pid
		fail "stall_$sig" "still running 5 s after SIG$sig"
	else
		wait $pid
		rc=$?
		if [ $rc = $want ] && grep -q "interrupted by signal $num" "$tmp/stall.err"; then
			ok "stall_$sig"
		else
			fail "stall_$sig" "exit $rc, expected $want; stderr: $(cat "$tmp/stall.err")"
		fi
	fi
	exec 7>&-
	rm -f "$tmp/stall.fifo"
done

# --- output paths that cannot be written
run o_no_dir -q -o "$tmp/no/such/dir/out.csv" "$in"
expect o_no_dir 2 "^relstage: $tmp/no/such/dir/out.csv: .*No such file or directory"
[ -e "$tmp/no" ] && fail o_no_dir "created something"
mkdir "$tmp/adir"
run o_is_dir -q -o "$tmp/adir" "$in"
expect o_is_dir 2 "^relstage: $tmp/adir: is a directory"
if [ "$(id -u)" != 0 ]; then
	mkdir "$tmp/ro" && echo OLD >"$tmp/ro/out.csv" && chmod 555 "$tmp/ro"
	run o_read_only_dir -q -o "$tmp/ro/out.csv" "$in"
	expect o_read_only_dir 2 'Permission denied'
	untouched o_read_only_dir "$tmp/ro/out.csv"
	chmod 755 "$tmp/ro"
else
	skip o_read_only_dir "root writes into a read-only directory anyway"
fi

# --- inputs that cannot be read; -o keeps its old content
echo OLD >"$tmp/out.csv"
run in_missing -q -o "$tmp/out.csv" "$tmp/missing.csv"
expect in_missing 2 "^relstage: $tmp/missing.csv: cannot open: No such file or directory"
untouched in_missing "$tmp/out.csv"
run in_is_dir -q -o "$tmp/out.csv" in
expect in_is_dir 2 '^relstage: in: read error: Is a directory'
untouched in_is_dir "$tmp/out.csv"
if [ "$(id -u)" != 0 ]; then
	cp "$in" "$tmp/secret.csv" && chmod 000 "$tmp/secret.csv"
	run in_denied -q "$tmp/secret.csv"
	expect in_denied 2 'cannot open: Permission denied'
else
	skip in_denied "root reads a mode-000 file anyway"
fi
# A second file that cannot be read stops the run: nothing is written.
run in_second_missing -q -o "$tmp/out.csv" "$in" "$tmp/missing.csv"
expect in_second_missing 2 'cannot open: No such file or directory'
untouched in_second_missing "$tmp/out.csv"

# A FIFO whose writer stops in the middle of a row: end of input, so the
# cut row is rejected (field count) and the rows before it are classified.
mkfifo "$tmp/fifo"
head -c 300 "$in" >"$tmp/fifo" &
run fifo_cut -q "$tmp/fifo"
wait
expect fifo_cut 1 '^relstage: .*fifo:3: row has [0-9]+ fields?, the header has'

# --- read and write errors in the middle of a file (LD_PRELOAD shim)
shim=$tmp/inject_io.so
if ${CC:-cc} -shared -fPIC -o "$shim" ../../tools/inject_io.c -ldl 2>"$tmp/cc.err"; then
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	export ASAN_OPTIONS
	inj() { LD_PRELOAD=$shim "$@"; }
	inj env RS_INJECT_READ_AFTER=20000 "$RELSTAGE" -q -o "$tmp/out.csv" "$tmp/big.csv" >/dev/null 2>"$tmp/read_csv.err"
	rc=$?
	expect read_csv 2 "^relstage: $tmp/big.csv: read error: Input/output error"
	untouched read_csv "$tmp/out.csv"
	inj env RS_INJECT_READ_AFTER=20000 "$RELSTAGE" -q -o "$tmp/out.csv" <"$tmp/big.csv" >/dev/null 2>"$tmp/read_stdin.err"
	rc=$?
	expect read_stdin 2 '^relstage: <stdin>: read error: Input/output error'
	untouched read_stdin "$tmp/out.csv"
	inj env RS_INJECT_READ_AFTER=1000 "$RELSTAGE" -q -o "$tmp/out.csv" in/accounts.jsonl >/dev/null 2>"$tmp/read_jsonl.err"
	rc=$?
	expect read_jsonl 2 '^relstage: in/accounts.jsonl: read error: Input/output error'
	untouched read_jsonl "$tmp/out.csv"
	inj env RS_INJECT_READ_AFTER=1000 "$RELSTAGE" -q -o "$tmp/out.csv" in/accounts.json >/dev/null 2>"$tmp/read_json.err"
	rc=$?
	expect read_json 2 '^relstage: in/accounts.json: read error: Input/output error'
	untouched read_json "$tmp/out.csv"
	inj env RS_INJECT_READ_AFTER=100 "$RELSTAGE" -q -o "$tmp/out.csv" -r ../../data/rules/default.json "$in" >/dev/null 2>"$tmp/read_rules.err"
	rc=$?
	expect read_rules 2 '^relstage: \.\./\.\./data/rules/default.json: .*Input/output error'
	untouched read_rules "$tmp/out.csv"
	inj env RS_INJECT_READ_AFTER=300 "$RELSTAGE" -q -o "$tmp/out.csv" --previous in/accounts_expected.csv "$in" >/dev/null 2>"$tmp/read_previous.err"
	rc=$?
	expect read_previous 2 '^relstage: in/accounts_expected.csv: read error: Input/output error'
	untouched read_previous "$tmp/out.csv"
	# The disk fills up while writing -o, --rejects or --summary-json.
	echo OLD >"$tmp/rej.csv"
	echo OLD >"$tmp/sum.json"
	for what in o rejects summary; do
		case $what in
		o) args="-o $tmp/out.csv $tmp/big.csv" ;;
		rejects) args="-o $tmp/out.csv --rejects $tmp/rej.csv in/bad_share_text.csv" ;;
		summary) args="-o $tmp/out.csv --summary-json $tmp/sum.json in/bad_share_text.csv" ;;
		esac
		at=20000
		[ $what = o ] || at=10
		# shellcheck disable=SC2086
		inj env RS_INJECT_WRITE_AFTER=$at "$RELSTAGE" -q $args >/dev/null 2>"$tmp/write_$what.err"
		rc=$?
		expect "write_$what" 2 'write failed.*No space left on device'
		untouched "write_$what" "$tmp/out.csv"
		# shellcheck disable=SC2086
		inj env RS_INJECT_FCLOSE=1 "$RELSTAGE" -q $args >/dev/null 2>"$tmp/fclose_$what.err"
		rc=$?
		expect "fclose_$what" 2 'write failed.*Input/output error'
		untouched "fclose_$what" "$tmp/out.csv"
	done
	untouched write_rejects "$tmp/rej.csv"
	untouched write_summary "$tmp/sum.json"
	# SIGTERM after the last row, while the outputs are closed (a workbook
	# is assembled, a large file synced): the run dies of it and replaces
	# nothing, the summary JSON included.
	echo OLD >"$tmp/out.xlsx"
	for fmt in csv xlsx; do
		inj env RS_INJECT_FCLOSE_SIGNAL=15 "$RELSTAGE" -q --to $fmt -o "$tmp/out.$fmt" \
			--rejects "$tmp/rej.csv" --summary-json "$tmp/sum.json" in/bad_share_text.csv >/dev/null 2>"$tmp/close_signal_$fmt.err"
		rc=$?
		expect "close_signal_$fmt" 143 'interrupted by signal 15; no output file was replaced'
		untouched "close_signal_$fmt" "$tmp/out.$fmt"
		untouched "close_signal_$fmt" "$tmp/rej.csv"
		untouched "close_signal_$fmt" "$tmp/sum.json"
	done
else
	skip inject "cannot build the LD_PRELOAD shim: $(head -1 "$tmp/cc.err")"
fi
finish
