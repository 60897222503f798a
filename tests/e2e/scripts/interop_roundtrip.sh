#!/bin/sh
# Every output format read back by a real parser (Python's csv and json):
# the input's cells come back unchanged (names with commas, quotes, line
# breaks, tabs, Chinese, emoji, U+2028), formula-like text cells carry one
# leading apostrophe unless --raw, scores are JSON numbers, --excel is BOM +
# CRLF without a sep= line, and all formats agree on the appended columns.
# The tricky cells also go in with ; TAB and | as the delimiter (detected).
# Inputs: in/interop_tricky.csv, in/accounts.csv, in/accounts.json.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
export RELSTAGE
exec python3 - <<'PY'
import csv, io, json, os, re, subprocess, sys

R = os.environ["RELSTAGE"]
fails = []
NUMERIC = ("share_pct", "contact_score", "cooperation_score")
FORMULA = re.compile(r"^[=+\-@\t\r＝＋－＠]")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(,\d\d\d)*)?(\.\d+)?([eE][+-]?\d+)?%?$")

def run(args):
    p = subprocess.run([R, "-q"] + args, capture_output=True)
    if p.returncode != 0:
        fails.append(f"{args}: exit {p.returncode}: {p.stderr[:300]!r}")
    return p.stdout

def neutral(cell):
    if FORMULA.match(cell) and not (cell[0] in "+-" and PLAIN_NUMBER.match(cell) and any(c.isdigit() for c in cell)):
        return "'" + cell
    return cell

def read_csv_input(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]

def parse_delimited(data, delim, excel, label):
    if excel:
        if not data.startswith(b"\xef\xbb\xbf"):
            fails.append(f"{label}: no UTF-8 BOM")
        if data[3:8].lower().startswith(b"sep="):
            fails.append(f"{label}: has a sep= line")
        outside = re.sub(rb'"(?:[^"]|"")*"', b"", data)
        if re.search(rb"(?<!\r)\n", outside):
            fails.append(f"{label}: a record ends in a bare LF")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            fails.append(f"{label}: BOM without --excel")
        if b"\r\n" in re.sub(rb'"(?:[^"]|"")*"', b"", data):
            fails.append(f"{label}: CRLF without --excel")
    text = data.decode("utf-8-sig" if excel else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return rows[0], rows[1:]

def parse_json(data, lines, label):
    text = data.decode("utf-8")
    if lines:
        objs = [json.loads(l) for l in text.split("\n") if l != ""]
    else:
        objs = json.loads(text)
    for o in objs:
        for k in NUMERIC + ("share_gap",):
            if k == "share_gap" and o[k] is None:
                continue  # the top stage, or the share is not what the next one needs
            if k in o and (isinstance(o[k], bool) or not isinstance(o[k], (int, float))):
                fails.append(f"{label}: {o.get('id')} {k} is {o[k]!r}, not a JSON number")
    return objs

def compare_cells(label, in_head, in_rows, out_head, out_rows, raw):
    if out_head[:len(in_head)] != in_head:
        fails.append(f"{label}: header {out_head[:len(in_head)]} != {in_head}")
    if len(out_rows) != len(in_rows):
        fails.append(f"{label}: {len(out_rows)} rows, expected {len(in_rows)}")
    for a, b in zip(in_rows, out_rows):
        want = a if raw else [neutral(c) for c in a]
        if b[:len(a)] != want:
            fails.append(f"{label}: row {a[0]}: {b[:len(a)]!r} != {want!r}")

def check_csv_input(path):
    in_head, in_rows = read_csv_input(path)
    appended = None
    for to, delim in (("csv", ","), ("tsv", "\t")):
        for extra in ([], ["--excel"], ["--raw"], ["--excel", "--raw"]):
            label = f"{path} --to {to} {' '.join(extra)}"
            data = run(["--to", to] + extra + [path])
            head, rows = parse_delimited(data, delim, "--excel" in extra, label)
            compare_cells(label, in_head, in_rows, head, rows, "--raw" in extra)
            tail = [r[len(in_head):] for r in rows]
            if appended is None:
                appended = (head[len(in_head):], tail)
            elif (head[len(in_head):], tail) != appended:
                fails.append(f"{label}: appended columns differ from --to csv")
    for to in ("json", "jsonl"):
        label = f"{path} --to {to}"
        objs = parse_json(run(["--to", to, path]), to == "jsonl", label)
        keys = in_head + appended[0]
        for o in objs:
            if list(o.keys()) != keys:
                fails.append(f"{label}: keys {list(o.keys())} != CSV columns {keys}")
        out_rows = [[o[k] for k in in_head] for o in objs]
        compare_cells(label, in_head, in_rows, in_head, out_rows, True)
        for o, t in zip(objs, appended[1]):
            csv_vals = dict(zip(appended[0], t))
            for k, v in csv_vals.items():
                j = o[k]
                same = (float(v) == j) if isinstance(j, (int, float)) and v != "" else (j == v or (j is None and v == ""))
                if not same:
                    fails.append(f"{label}: {o['id']} {k} {j!r} != CSV {v!r}")

def check_json_input(path):
    src = json.load(open(path, encoding="utf-8"))
    for to in ("json", "jsonl"):
        label = f"{path} --to {to}"
        objs = parse_json(run(["--to", to, path]), to == "jsonl", label)
        if len(objs) != len(src):
            fails.append(f"{label}: {len(objs)} objects, expected {len(src)}")
        for a, b in zip(src, objs):
            got = {k: b[k] for k in a}
            if got != a or any(type(got[k]) is not type(a[k]) for k in a):
                fails.append(f"{label}: {a['id']}: {got!r} != input {a!r}")

def check_delimiters(path):
    """The tricky cells written with ; TAB | (quoted where needed) come out the same."""
    import tempfile
    head, rows = read_csv_input(path)
    tmp = tempfile.mkdtemp(prefix="relstage-rt.")
    try:
        for delim, ext in ((";", "csv"), ("\t", "txt"), ("|", "csv")):
            cells = [[c.replace(".", ",") if delim == ";" and i == 2 else c for i, c in enumerate(r)] for r in rows]
            src = os.path.join(tmp, "tricky_%d.%s" % (ord(delim), ext))
            with open(src, "w", encoding="utf-8", newline="") as f:
                csv.writer(f, delimiter=delim, lineterminator="\r\n").writerows([head] + cells)
            for extra in ([], ["--raw"]):
                label = f"{path} written with {delim!r} {' '.join(extra)}"
                out_head, out_rows = parse_delimited(run(extra + [src]), ",", False, label)
                compare_cells(label, head, cells, out_head, out_rows, "--raw" in extra)
    finally:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)

check_csv_input("in/interop_tricky.csv")
check_delimiters("in/interop_tricky.csv")
check_csv_input("in/accounts.csv")
check_json_input("in/accounts.json")
for f in fails:
    print("FAIL", f)
print(f"interop_roundtrip: {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
