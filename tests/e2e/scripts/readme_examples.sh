#!/bin/sh
# README.md's examples are true of the binary:
# - its first block is exactly the two set-up commands, `make demo` and `make check`;
# - every long option README.md and doc/relstage.1 name is one `relstage --help` lists;
# - each quoted "$ relstage ..." block is what the command prints (its lines in order;
#   a line "..." stands for lines left out, a line ending in " ..." for the rest of one);
# - every quoted message line ("    relstage: ...") is printed, word for word, by a run
#   on the files it names (made here as the README describes them);
# - the --summary block and the first line of the --summary-json one are the run's;
# - the map file example loads, and the nightly cron script runs as its comments say
#   (when jq and mlr are installed).
# Run from tests/e2e (run.sh does).
set -u
R=${RELSTAGE:?}
case $R in /*) ;; *) R=$PWD/$R ;; esac
top=$(cd ../.. && pwd)
readme=$top/README.md
fails=0
fail() { echo "FAIL: readme_examples: $*"; fails=$((fails + 1)); }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# --- the two set-up commands come first
first=$(awk '/^```/ { n++; next } n == 1' "$readme" | sed 's/ *#.*//')
[ "$first" = "make demo
make check" ] || fail "README's first block is not exactly 'make demo' and 'make check': $first"
awk '/^```/ { exit } /^ *(make|relstage|\$) /' "$readme" | grep -q . &&
	fail "a command comes before the first block"

# --- no option the binary does not have
"$R" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$t/help_opts"
for f in "$readme" "$top/doc/relstage.1"; do
	sed 's/\\-/-/g; s/\\f[BIRP]//g; s/\\%//g' "$f" | grep -oE '(^|[^A-Za-z0-9-])--[a-z][a-z-]*' |
		sed 's/^[^-]*//' | sort -u | while read -r o; do
		case $o in
		--bogus) ;; # the example of an unknown option
		--l | --la | --ma) ;; # abbreviations: of --lang (getopt takes it), of several (--ma: refused)
		--leak-check | --errors-for-leak-kinds | --icsv | --opprint) ;; # valgrind's, mlr's
		*) grep -qx -- "$o" "$t/help_opts" || echo "FAIL: readme_examples: $(basename "$f") names $o, which relstage --help does not list" ;;
		esac
	done
done >"$t/opt_fails"
[ -s "$t/opt_fails" ] && { cat "$t/opt_fails"; fails=$((fails + 1)); }

# --- "$ relstage ARGS" blocks: the lines quoted are the output's, in order
in_order() { # quoted-lines output-file
	awk 'NR == FNR { out[++n] = $0; next }
	     $0 == "..." || $0 ~ /^ +\.\.\.$/ { next }
	     { want = $0; pre = (want ~ / \.\.\.$/); if (pre) want = substr(want, 1, length(want) - 4)
	       while (++i <= n) if (pre ? index(out[i], want) == 1 : out[i] == want) next
	       print "not in the output (or out of order): " $0; exit 1 }' "$2" "$1"
}
awk -v dir="$t" '/^```/ { if (q) { close(f); q = 0 } next }
	/^\$ relstage / { f = dir "/block" ++n; q = 1; print > f; next }
	q { print > f }' "$readme"
nb=0
for b in "$t"/block*; do
	[ -f "$b" ] || continue
	nb=$((nb + 1))
	cmd=$(head -1 "$b" | sed 's/^\$ relstage //; s/ *#.*//; s/ *|.*//')
	(cd "$top" && eval "\"\$R\" $cmd") >"$b.out" 2>/dev/null
	tail -n +2 "$b" >"$b.want"
	in_order "$b.want" "$b.out" >"$b.why" || fail "\$ relstage $cmd: $(cat "$b.why")"
	# "# N of its M rows": M is the rows of the table
	if m=$(head -1 "$b" | sed -n 's/.*# \([0-9]*\) of its \([0-9]*\) rows.*/\1 \2/p') && [ -n "$m" ]; then
		set -- $m
		[ "$(grep -c . "$b.want")" = $(($1 + 2)) ] || fail "\$ relstage $cmd: the block does not show $1 rows"
		[ "$(grep -c . "$b.out")" = $(($2 + 2)) ] || fail "\$ relstage $cmd: the table has not $2 rows"
	fi
done
[ $nb -ge 2 ] || fail "found $nb quoted '\$ relstage' blocks, expected the table and inspect ones"

# --- quoted messages, from the files they name
mkdir -p "$t/m1" "$t/m2" "$t/m3" "$t/m4" "$t/m5"
# Your export, 3: a share taken by its words, no contact or cooperation field, a
# column that looks like contacts; then two that all look like contacts.
printf 'id,name,region,Wallet Portion (%%),Contact Depth\nA1,Acme,East,55,3\n' >"$t/m1/export.csv"
printf 'id,name,Wallet Portion (%%),Contacts Qty,Contacts #\nA1,Acme,55,1,2\n' >"$t/m2/export.csv"
printf 'id,name,region,钱包份额（%%）,Contact Depth\nA1,Acme,East,55,3\n' >"$t/m3/客户.csv"
# Rejected rows in Chinese: lines 6, 13 and 18 of a list.
{
	echo id,purchase_share,contacts,relationship_years,our_sales,customer_spend
	i=1
	while [ $i -le 17 ]; do
		case $i in
		5) echo "R5,abc,x,1,," ;; 12) echo "R12,50,1,2015,," ;; 15) echo "R15,,1,1,1.2亿,3000万" ;;
		17) echo "R16,40,1,1,," ;;
		*) echo "R$i,40,1,1,," ;;
		esac
		i=$((i + 1))
	done
} >"$t/m4/客户.csv"
cp in/export_zoho.csv "$t/m5/"
# Batch: files whose columns differ.
awk 'BEGIN { for (i = 1; i <= 14; i++) printf "%sc%d", (i > 1 ? "," : ""), i; print "" }' |
	sed 's/^c1,c2/id,purchase_share/' >"$t/m5/jan.csv"
echo "A1,55,,,,,,,,,,,," >>"$t/m5/jan.csv"
awk 'BEGIN { for (i = 1; i <= 18; i++) printf "%sc%d", (i > 1 ? "," : ""), i; print "" }' |
	sed 's/^c1,c2/id,purchase_share/' >"$t/m5/feb.csv"
{
	(cd "$t/m1" && "$R" export.csv)
	(cd "$t/m2" && "$R" export.csv)
	(cd "$t/m3" && "$R" --lang zh 客户.csv)
	(cd "$t/m4" && "$R" --lang zh 客户.csv)
	(cd "$t/m5" && "$R" export_zoho.csv)
	(cd "$t/m5" && "$R" jan.csv feb.csv)
} 2>"$t/said" >/dev/null
grep '^    relstage: ' "$readme" | sed 's/^    //' | while IFS= read -r line; do
	grep -qxF -- "$line" "$t/said" || echo "FAIL: readme_examples: not said by the binary: $line"
done >"$t/msg_fails"
[ -s "$t/msg_fails" ] && { cat "$t/msg_fails"; fails=$((fails + 1)); }

# --- the summary: the run the README names
cmd=$(awk '/^`--summary` prints on stderr/ { f = 1 } f { s = s " " $0 } f && /`\):$/ { print s; exit }' "$readme" |
	sed 's/.*(here `relstage //; s/`):$//')
[ -n "$cmd" ] || fail "no command named for the --summary example"
(cd "$top" && eval "\"\$R\" $cmd") 2>"$t/sum.err" >/dev/null
sed -n '/^  rows read/,$p' "$t/sum.err" >"$t/sum.got"
awk '/^`--summary` prints on stderr/ { f = 1; next } f && /^\(shares are/ { exit } f && /^    / { print substr($0, 5) }' \
	"$readme" >"$t/sum.want"
cmp -s "$t/sum.want" "$t/sum.got" || { fail "the --summary block is not the run's:"; diff "$t/sum.want" "$t/sum.got"; }
want=$(awk '/^`--summary-json FILE` writes/ { f = 1; next } f && /^    \{/ { print substr($0, 5); exit }' "$readme")
cmd_json=$(echo "$cmd" | sed 's/--summary/-q -o \/dev\/null --summary-json -/')
got=$(cd "$top" && eval "\"\$R\" $cmd_json" 2>/dev/null)
case $got in "$want"*) ;; *) fail "the --summary-json example does not start as the run's: $want" ;; esac

# --- the map file example loads (--header-row on the command line wins over its 3)
awk '/^```json/ { f = 1; next } f && /^```/ { exit } f' "$readme" >"$t/crm.map.json"
"$R" -q --header-row 1 --map-file "$t/crm.map.json" in/export_zoho.csv >/dev/null 2>"$t/map.err" ||
	{ fail "the map file example does not load:"; cat "$t/map.err"; }

# --- the nightly cron job, in a sandbox for /srv/accounts, mail caught in a file
if command -v jq >/dev/null && command -v mlr >/dev/null; then
	c=$t/cron
	mkdir -p "$c/exports" "$c/staged" "$c/history" "$c/bin"
	awk '/^#!\/bin\/sh/ { f = 1 } f { print } f && /^cp staged/ { exit }' "$readme" |
		sed "s#/srv/accounts#$c#g" >"$c/nightly.sh"
	printf '#!/bin/sh\nexec "%s" "$@"\n' "$R" >"$c/bin/relstage"
	printf '#!/bin/sh\n{ echo "mail $*"; cat; } >>"%s/mail"\n' "$c" >"$c/bin/mail"
	chmod +x "$c/bin/relstage" "$c/bin/mail"
	echo '{"relstage_map": 1}' >"$c/crm.map.json"
	today=$c/exports/accounts-$(date +%F).csv
	night() { PATH=$c/bin:$PATH sh "$c/nightly.sh" >"$c/out" 2>&1; }
	cp in/batch_last_month.csv "$today"
	night || fail "cron: the first night exits $?"
	[ -f "$c/mail" ] && fail "cron: the first night mailed: $(cat "$c/mail")"
	[ -f "$c/history/accounts-$(date +%F).csv" ] || fail "cron: no history copy"
	# this month: 1 row of 9 rejected, more than --max-rejects 5%: exit 2, files kept
	cp "$c/staged/accounts.csv" "$t/night1.csv"
	cp in/batch_this_month.csv "$today"
	night
	rc=$?
	[ $rc = 2 ] || fail "cron: a bad export exits $rc, not 2"
	grep -q "^mail -s relstage FAILED (2): yesterday's files kept ops@example.com" "$c/mail" 2>/dev/null ||
		fail "cron: the failure was not mailed to ops"
	cmp -s "$t/night1.csv" "$c/staged/accounts.csv" || fail "cron: a failed night replaced the output"
	# without the bad row: exit 0, two downgraded accounts mailed
	rm -f "$c/mail"
	grep -v ',abc,' in/batch_this_month.csv >"$today"
	night || fail "cron: the second night exits $?"
	grep -q '^mail -s relstage: 2 account(s) downgraded key-accounts@example.com' "$c/mail" 2>/dev/null ||
		fail "cron: the downgrades were not mailed: $(cat "$c/mail" "$c/out" 2>/dev/null)"
	grep -q '^M01 .* strategic *stable$' "$c/mail" 2>/dev/null || fail "cron: M01 (strategic to stable) not in the mail"
else
	echo "note: readme_examples: no jq or mlr, the cron script is not run"
fi

[ $fails = 0 ] && echo "readme_examples: $nb quoted runs, messages, summary, map file, cron: ok"
[ $fails = 0 ]
