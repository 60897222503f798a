#!/bin/sh
# bench/table.sh RAW SIZE|targets - formats bench/run.sh's raw results.
#   SIZE:    the markdown table of one input size (every tool measured on it)
#   targets: whether issue 12's targets hold (time ratios at 1M rows, or the
#            largest size measured if 1M was not; RSS at every size)
# RAW lines: size tool group role seconds rss_kib status in_bytes note
# user_seconds sys_seconds round_ratios (TAB; round_ratios: the lowest and
# highest of the tool's time over the floor's in the same round, "lo-hi").
# role: floor (the bare pass of its group), a target ratio (relstage), ref or
# info (no target). status: exit code, skip, or build (relstage did not build).
raw=$1
what=$2
RSS_MAX_KIB=8192 # 8 MiB
RSS_FLAT=0.10    # within 10% across sizes
# Notes of bench/run.sh that mean the output was wrong, whatever the speed.
BADOUT='short output|no stage column|count is not'

if [ "$what" != targets ]; then
	awk -F '\t' -v size="$what" -v rssmax="$RSS_MAX_KIB" -v BADOUT="$BADOUT" '
	function fmt_rate(x) { return x >= 1e6 ? sprintf("%.2fM", x / 1e6) : sprintf("%.0fk", x / 1e3) }
	$1 == size { n++; for (i = 1; i <= 12; i++) f[n, i] = $i
	             if ($4 == "floor" && $7 == 0) floor[$3] = $5 }
	END {
		printf "### %s rows\n\n", size
		print "| tool | seconds | user s | sys s | rows/s | MB/s | peak RSS MiB | ratio to bare | per round | target | holds |"
		print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
		for (r = 1; r <= n; r++) {
			tool = f[r, 2]; grp = f[r, 3]; role = f[r, 4]; secs = f[r, 5]
			rss = f[r, 6]; st = f[r, 7]; inb = f[r, 8]; note = f[r, 9]
			target = (role ~ /^[0-9.]+$/) ? sprintf("<= %sx, <= 8 MiB", role) : \
			         (role == "floor" ? "(floor for " grp ")" : "")
			if (st == "skip") { printf "| %s | skipped: %s | | | | | | | | | |\n", tool, note; continue }
			if (st == "build" || st == "" || st < 0 || st >= 2 || secs == "") {
				printf "| %s | failed%s%s | | | | | | | | %s | no |\n", tool,
				       (st ~ /^[0-9]+$/ ? " (exit " st ")" : ""), (note != "" ? ": " note : ""), target
				continue
			}
			ratio = (grp in floor && floor[grp] > 0) ? secs / floor[grp] : -1
			holds = ""
			if (role ~ /^[0-9.]+$/) {
				holds = "yes"
				if (ratio < 0) holds = "? (no floor)"
				else if (ratio > role + 0) holds = "no (time)"
				if (rss > rssmax) holds = (holds == "yes" ? "no (RSS)" : holds ", no (RSS)")
			}
			if (note ~ BADOUT) holds = "no (output)"
			if (note != "") holds = holds (holds != "" ? "; " : "") note
			if (st == 1) holds = holds (holds != "" ? "; " : "") "exit 1 (rows rejected)"
			printf "| %s | %.3f | %s | %s | %s | %.1f | %.1f | %s | %s | %s | %s |\n", tool, secs,
			       f[r, 10] == "" ? "-" : sprintf("%.2f", f[r, 10]),
			       f[r, 11] == "" ? "-" : sprintf("%.2f", f[r, 11]),
			       fmt_rate(size / secs), inb / 1e6 / secs, rss / 1024,
			       ratio < 0 ? "-" : sprintf("%.2fx", ratio),
			       (f[r, 12] == "" || role == "floor") ? "" : f[r, 12] "x", target, holds
		}
	}' "$raw"
	exit 0
fi

awk -F '\t' -v rssmax="$RSS_MAX_KIB" -v flat="$RSS_FLAT" -v BADOUT="$BADOUT" '
	$4 == "floor" && $7 == 0 { floor[$1, $3] = $5; fname[$1, $3] = $2 }
	{ if (!($1 in seen)) { seen[$1] = 1; sizes[++ns] = $1 } }
	$2 == "mlr put" && $7 == 0 && $5 != "" { mlr[$1] = $5 }
	$2 == "relstage" && $7 == 0 && $5 != "" { rsd[$1] = $5 }
	$4 ~ /^[0-9.]+$/ {
		key = $2
		if (!(key in role)) { order[++nt] = key; role[key] = $4; grp[key] = $3 }
		ok = ($7 == 0 || $7 == 1) && $5 != "" && $9 !~ BADOUT
		secs[key, $1] = ok ? $5 : ""
		rss[key, $1] = ok ? $6 : ""
	}
	END {
		at = ""
		for (i = 1; i <= ns; i++) if (sizes[i] == 1000000) at = 1000000
		if (at == "") for (i = 1; i <= ns; i++) if (at == "" || sizes[i] + 0 > at + 0) at = sizes[i]
		print "### targets (issue 12)\n"
		print "| target | measured | holds |"
		print "|---|---|---|"
		for (t = 1; t <= nt; t++) {
			k = order[t]; s = secs[k, at]; fl = floor[at, grp[k]]
			what = sprintf("%s: time <= %sx its floor (%s) at %s rows", k, role[k], fname[at, grp[k]], at)
			if (s == "" || fl == "") { printf "| %s | failed or not measured | no |\n", what; continue }
			printf "| %s | %.2fx | %s |\n", what, s / fl, (s / fl <= role[k] + 0) ? "yes" : "no"
		}
		what = sprintf("mlr put (the same classification) at least 15x slower than relstage at %s rows", at)
		if (mlr[at] == "" || rsd[at] == "") printf "| %s | not measured (mlr not installed, or skipped at this size) | n/a |\n", what
		else printf "| %s | %.1fx | %s |\n", what, mlr[at] / rsd[at], (mlr[at] / rsd[at] >= 15) ? "yes" : "no"
		for (t = 1; t <= nt; t++) {
			k = order[t]; lo = ""; hi = ""; miss = 0
			for (i = 1; i <= ns; i++) {
				r = rss[k, sizes[i]]
				if (r == "") { miss = 1; continue }
				if (lo == "" || r + 0 < lo + 0) lo = r
				if (hi == "" || r + 0 > hi + 0) hi = r
			}
			what = sprintf("%s: peak RSS <= 8 MiB at every size", k)
			if (hi == "") { printf "| %s | failed or not measured | no |\n", what; continue }
			printf "| %s | %.1f MiB max%s | %s |\n", what, hi / 1024, miss ? " (some sizes missing)" : "",
			       (hi <= rssmax && !miss) ? "yes" : "no"
			what = sprintf("%s: peak RSS flat within 10%% across sizes", k)
			if (ns < 2) { printf "| %s | one size only | n/a |\n", what; continue }
			printf "| %s | %.1f-%.1f MiB (+%.0f%%) | %s |\n", what, lo / 1024, hi / 1024,
			       100 * (hi - lo) / lo, (!miss && (hi - lo) <= flat * lo) ? "yes" : "no"
		}
	}' "$raw"
