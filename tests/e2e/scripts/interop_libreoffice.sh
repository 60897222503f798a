#!/bin/sh
# relstage's CSV output opened by LibreOffice (headless): converted to xlsx,
# to ods and back to csv, the cells are read back and must hold the names
# intact (Chinese, commas, quotes, line breaks) and formula-looking names
# (=HYPERLINK(...), +SUM(1), -cmd, @x, full-width ＝) as TEXT cells with the
# leading apostrophe, never as formulas. A --raw control shows LibreOffice
# would otherwise run =HYPERLINK as a formula. Plain and --excel output.
# relstage's own workbook with escape-like text and U+FFFF opens as written.
# An .ods given to relstage is refused (exit 2) as an OpenDocument spreadsheet.
# Without LibreOffice: "skipped", exit 0.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
SOFFICE=$(command -v soffice || command -v libreoffice)
if [ -z "$SOFFICE" ]; then
	echo "skipped: libreoffice not installed"
	exit 0
fi
export RELSTAGE SOFFICE
exec python3 - <<'PY'
import csv, io, os, re, shutil, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

R, SOFFICE = os.environ["RELSTAGE"], os.environ["SOFFICE"]
fails = []
tmp = tempfile.mkdtemp(prefix="relstage-lo.")
profile = "file://" + os.path.join(tmp, "profile")  # no clash with a running LibreOffice
UTF8_CSV = "CSV:44,34,76,1"  # comma, double quote, UTF-8, from line 1
FORMULA = re.compile(r"^[=+\-@\t\r＝＋－＠]")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(,\d\d\d)*)?(\.\d+)?([eE][+-]?\d+)?%?$")

def neutral(cell):
    if FORMULA.match(cell) and not (cell[0] in "+-" and PLAIN_NUMBER.match(cell) and any(c.isdigit() for c in cell)):
        return "'" + cell
    return cell

def soffice(srcs, to, outdir):
    """Converts every file in srcs in one LibreOffice start; {src: result}."""
    p = subprocess.run([SOFFICE, "-env:UserInstallation=" + profile, "--headless",
                        "--infilter=" + UTF8_CSV, "--convert-to", to, "--outdir", outdir] + srcs,
                       capture_output=True, timeout=300)
    done = {}
    for src in srcs:
        out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + to.split(":")[0])
        if os.path.exists(out):
            done[src] = out
        else:
            fails.append(f"soffice --convert-to {to} {src}: no output (exit {p.returncode}: {p.stderr[-300:]!r})")
    return done

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

def read_xlsx(path):
    """{(row, col): (kind, text)}; kind 'formula', 'text' or 'number'."""
    z = zipfile.ZipFile(path)
    ss = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
            ss.append("".join(t.text or "" for t in si.iter(M + "t")))
    cells = {}
    for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(M + "c"):
        m = re.match(r"([A-Z]+)(\d+)$", c.get("r"))
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        v, t = c.find(M + "v"), c.get("t")
        text = (ss[int(v.text)] if t == "s" else v.text) if v is not None else ""
        kind = ("formula" if c.find(M + "f") is not None else "text" if t in ("s", "str", "inlineStr")
                else "number" if v is not None else "empty")
        cells[(int(m.group(2)) - 1, col - 1)] = (kind, text)
    return cells

T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

def para_text(p):
    out = [p.text or ""]
    for e in p:
        if e.tag == X + "s":
            out.append(" " * int(e.get(X + "c", "1")))
        elif e.tag == X + "tab":
            out.append("\t")
        elif e.tag == X + "line-break":
            out.append("\n")
        else:
            out.append(para_text(e))
        out.append(e.tail or "")
    return "".join(out)

def read_ods(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    cells = {}
    table = next(root.iter(T + "table"))
    for r, row in enumerate(table.iter(T + "table-row")):
        c = 0
        for cell in row:
            n = int(cell.get(T + "number-columns-repeated", "1"))
            vt = cell.get(O + "value-type")
            kind = ("formula" if cell.get(T + "formula") else "text" if vt == "string"
                    else "number" if vt else "empty")
            text = "\n".join(para_text(p) for p in cell.iter(X + "p"))
            for _ in range(min(n, 64)):
                cells[(r, c)] = (kind, text)
                c += 1
    return cells

def expect_cells(label, cells, in_rows, cols, safe):
    """Row i+1 of the sheet holds input row i; check the given columns."""
    for i, row in enumerate(in_rows):
        for col in cols:
            want = row[col].replace("\r\n", "\n")  # LibreOffice keeps one line break per break
            if safe:
                want = neutral(want)
            kind, text = cells.get((i + 1, col), ("missing", ""))
            if safe and kind == "formula":
                fails.append(f"{label}: row {row[0]} column {col + 1} is a FORMULA: {text!r}")
            elif want != "" and not PLAIN_NUMBER.match(want) and kind != "text":
                fails.append(f"{label}: row {row[0]} column {col + 1} is {kind}, not text")
            if kind != "text" and want != "" and PLAIN_NUMBER.match(want):
                same = float(text) == float(want.replace(",", "").rstrip("%")) / (100 if want.endswith("%") else 1)
            else:
                same = text == want
            if not same:
                fails.append(f"{label}: row {row[0]} column {col + 1}: {text!r} != {want!r}")

def no_formulas(label, cells):
    for k, (kind, text) in cells.items():
        if kind == "formula":
            fails.append(f"{label}: cell {k} is a formula: {text!r}")

def relstage(args, path):
    p = subprocess.run([R, "-q"] + args, capture_output=True)
    if p.returncode != 0:
        fails.append(f"relstage {args}: exit {p.returncode}: {p.stderr[:300]!r}")
    with open(path, "wb") as f:
        f.write(p.stdout)

INPUTS = [  # (fixture, columns to check: id, name and the pass-through text)
    ("in/interop_tricky.csv", [0, 1, 3]),
    ("in/bad_formula_names.csv", [0, 1, 10]),
    ("in/accounts_gbk.csv", [0, 1, 16, 17]),
]
try:
    outputs = []  # (csv written by relstage, label, input rows, columns)
    for fixture, cols in INPUTS:
        with open(fixture, "rb") as f:
            raw = f.read()
        text = raw.decode("gb18030" if "gbk" in fixture else "utf-8")
        in_rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
        for variant, args in (("plain", []), ("excel", ["--excel"])):
            out_csv = os.path.join(tmp, os.path.splitext(os.path.basename(fixture))[0] + "_" + variant + ".csv")
            relstage(args + [fixture], out_csv)
            outputs.append((out_csv, f"{fixture} {variant}", in_rows, cols))
    # Control: without neutralisation LibreOffice runs =HYPERLINK as a formula,
    # so the checks can tell the difference.
    ctl = os.path.join(tmp, "control_raw.csv")
    relstage(["--raw", "in/bad_formula_names.csv"], ctl)
    srcs = [o[0] for o in outputs]
    for to, reader in (("xlsx", read_xlsx), ("ods", read_ods),
                       ("csv:Text - txt - csv (StarCalc):44,34,76,1", None)):
        conv = soffice(srcs + ([ctl] if to == "xlsx" else []), to, os.path.join(tmp, to.split(":")[0]))
        for src, label, in_rows, cols in outputs:
            if src not in conv:
                continue
            label += " -> " + to.split(":")[0]
            if reader is None:
                with open(conv[src], encoding="utf-8", newline="") as f:
                    rows = list(csv.reader(f))
                cells = {(i, c): ("number" if v and PLAIN_NUMBER.match(v) else "text", v)
                         for i, r in enumerate(rows) for c, v in enumerate(r)}
            else:
                cells = reader(conv[src])
                no_formulas(label, cells)
            expect_cells(label, cells, in_rows, cols, True)
        if to == "ods" and conv:  # an .ods given to relstage: exit 2, saying what it is
            p = subprocess.run([R, "-q", next(iter(conv.values()))], capture_output=True, text=True)
            if p.returncode != 2 or "an OpenDocument spreadsheet (.ods)" not in p.stderr or p.stdout:
                fails.append(f"relstage on an .ods: exit {p.returncode}: {p.stderr.strip()!r}")
        if to == "xlsx" and ctl in conv and read_xlsx(conv[ctl]).get((1, 1), ("", ""))[0] != "formula":
            fails.append("control: LibreOffice did not read the --raw =HYPERLINK cell as a formula; "
                         "this test no longer proves neutralisation matters")
    # relstage's workbook (--to xlsx) in LibreOffice: text like Excel's escapes
    # shows as written (not "A"), and a U+FFFF in a cell no longer ends the
    # sheet there (LibreOffice dropped the rows after it)
    wsrc, wout = os.path.join(tmp, "escapes.csv"), os.path.join(tmp, "escapes.xlsx")
    with open(wsrc, "w", encoding="utf-8") as f:
        f.write("id,name,purchase_share\n_x0041_,a_x005F_b,45\nF2,c\uffffd,50\nF3,last,60\n")
    subprocess.run([R, "-q", "--to", "xlsx", "-o", wout, wsrc], capture_output=True)
    subprocess.run([SOFFICE, "-env:UserInstallation=" + profile, "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", os.path.join(tmp, "wb"), wout],
                   capture_output=True, timeout=300)
    try:
        with open(os.path.join(tmp, "wb", "escapes.csv"), encoding="utf-8", newline="") as f:
            got = [r[:2] for r in csv.reader(f)][1:]
    except OSError as e:
        got = [str(e)]
    if got[:1] != [["_x0041_", "a_x005F_b"]] or [r[0] for r in got] != ["_x0041_", "F2", "F3"]:
        fails.append(f"relstage's workbook in LibreOffice: {got}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
for f in fails:
    print("FAIL", f)
print(f"interop_libreoffice: {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
