#!/bin/sh
# The same 12 accounts in ten export forms (in/accounts*, in/interop_utf16*) give the same
# stages, scores and intact names, read from a file, from "-", from standard
# input without a file name, and from standard input with --from. Expected
# stages: in/accounts_expected.csv; expected text: in/accounts.csv.
# Run by run.sh in tests/e2e with $RELSTAGE set.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
export RELSTAGE
exec python3 - <<'PY'
import csv, io, json, os, subprocess, sys

R = os.environ["RELSTAGE"]
want_stage = {r["id"]: r["stage"] for r in csv.DictReader(open("in/accounts_expected.csv", encoding="utf-8"))}
ref = {r["id"]: r for r in csv.DictReader(open("in/accounts.csv", encoding="utf-8", newline=""))}
assert len(want_stage) == 12 and set(want_stage) == set(ref)

# (fixture, format for --from, extra options)
FORMS = [
    ("accounts.csv", "csv", []),
    ("accounts.tsv", "tsv", []),
    ("accounts_semicolon.csv", "csv", []),
    ("accounts_semicolon.csv", "csv", ["-d", ";"]),
    ("accounts_excel_utf8.csv", "csv", []),
    ("accounts_gbk.csv", "csv", ["--encoding", "gbk"]),
    ("accounts_gbk.csv", "csv", []),  # auto: not UTF-8, so GB18030
    ("accounts_amounts.csv", "csv", []),
    ("accounts.json", "json", []),
    ("accounts.jsonl", "jsonl", []),
    ("interop_utf16le.txt", "tsv", []),  # Excel "Unicode Text": UTF-16LE BOM, TAB, CRLF
    ("interop_utf16be.csv", "csv", []),  # UTF-16BE with BOM
]
failures = []
runs = 0

def check(label, args, stdin_path):
    global runs
    runs += 1
    with open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb") as f:
        p = subprocess.run([R, "-q"] + args, stdin=f, capture_output=True)
    if p.returncode != 0:
        failures.append(f"{label}: exit {p.returncode}: {p.stderr.decode('utf-8', 'replace')[:300]}")
        return
    try:
        text = p.stdout.decode("utf-8")  # strict: mojibake from a wrong decode shows up below
    except UnicodeDecodeError as e:
        failures.append(f"{label}: output is not UTF-8: {e}")
        return
    rows = list(csv.reader(io.StringIO(text, newline="")))
    head, body = rows[0], rows[1:]
    if head[0] not in ("id", "客户编号") or head[0].startswith("\ufeff"):
        failures.append(f"{label}: first header cell is {head[0]!r}")
    col = {h: i for i, h in enumerate(head)}
    owner = col.get("owner", col.get("负责人"))
    note = col.get("note", col.get("备注"))
    if len(body) != 12:
        failures.append(f"{label}: {len(body)} rows, expected 12")
    scores = {}
    for r in body:
        id_, name = r[0], r[1]
        if id_ not in ref:
            failures.append(f"{label}: unknown id {id_!r}")
            continue
        if r[col["stage"]] != want_stage[id_]:
            failures.append(f"{label}: {id_} stage {r[col['stage']]}, expected {want_stage[id_]}")
        for what, got, exp in (("name", name, ref[id_]["name"]),
                               ("owner", r[owner], ref[id_]["owner"]),
                               ("note", r[note], ref[id_]["note"])):
            if got != exp:
                failures.append(f"{label}: {id_} {what} {got!r}, expected {exp!r}")
        scores[id_] = tuple(float(r[col[k]]) for k in ("share_pct", "contact_score", "cooperation_score"))
    return scores

base = None
for fixture, fmt, opts in FORMS:
    path = "in/" + fixture
    o = " ".join(opts)
    results = [
        check(f"{fixture} {o} (file)", opts + [path], None),
        check(f"{fixture} {o} (stdin -)", opts + ["-"], path),
        check(f"{fixture} {o} (stdin, no file)", opts, path),
        check(f"{fixture} {o} (stdin --from {fmt})", opts + ["--from", fmt], path),
    ]
    for s in results:
        if s is None:
            continue
        if base is None:
            base = s
        elif s != base:
            diff = [k for k in base if s.get(k) != base[k]]
            failures.append(f"{fixture} {o}: scores differ from accounts.csv for {diff}")

# The encoding auto picked is the one that gives the right text: a GBK file
# read as UTF-8 would fail, read as latin1 would be mojibake (checked above).
for f in failures:
    print("FAIL", f)
print(f"interop_same_stages: {runs} runs, {len(failures)} failures")
sys.exit(1 if failures else 0)
PY
