#!/bin/sh
# --to xlsx opened by an independent reader (openpyxl): every CSV column in
# order, numbers as number cells and everything else as the text read (a
# formula-like name stays text), the row count; bold frozen filtered header,
# widths, stage colours; Summary figures equal to --summary-json, its charts;
# the Rejects sheet; Chinese sheet names; escape-like text and U+FFFF; more
# than 15 digits as text; actions, needs, explain wrapped; -o x.xlsx (x.json) without --to
# writes a workbook (JSON); stdout when it is not a terminal and
# exit 2 when it is; no partial workbook after a failed or interrupted run.
# Run from tests/e2e with $RELSTAGE set (run.sh does both).
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
PY=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import openpyxl' 2>/dev/null && { PY=$p; break; }
done
[ -n "$PY" ] || { echo "FAIL: no python3 with openpyxl (Debian: python3-openpyxl; tools/deps.sh)"; exit 1; }
export RELSTAGE
exec "$PY" - <<'PY'
import csv, io, json, os, pty, re, shutil, signal, subprocess, sys, tempfile, time, zipfile
import openpyxl

R = os.environ["RELSTAGE"]
fails = []
tmp = tempfile.mkdtemp(prefix="relstage-xlsx.")
wtmp = os.path.join(tmp, "tmpdir")  # TMPDIR of the runs: must end empty
os.mkdir(wtmp)
ENV = dict(os.environ, TMPDIR=wtmp)
NUMERIC = {"purchase_share", "our_sales", "customer_spend", "contacts", "departments",
           "relationship_years", "joint_projects", "exec_meetings", "share_pct",
           "contact_score", "cooperation_score", "share_gap",
           "采购份额百分比", "接触深度得分", "合作得分", "份额差距"}
PLAIN = re.compile(r"^[+-]?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$")
# One '.' before three digits: 1234 in a column that writes decimal commas,
# so never a number cell (text as read).
AMBIG = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}%?$")

def fail(msg):
    fails.append(msg)

def run(args, want=None, **kw):
    p = subprocess.run([R, "-q"] + args, capture_output=True, env=ENV, **kw)
    if want is not None and p.returncode != want:
        fail(f"relstage {args}: exit {p.returncode}, expected {want}: {p.stderr[-300:]!r}")
    return p

def csv_of(args):
    return list(csv.reader(io.StringIO(run(["--raw", "--to", "csv"] + args).stdout.decode(), newline="")))

def check_accounts(label, path, args, sheet="Accounts"):
    """The workbook's Accounts sheet against the CSV output of the same run."""
    rows = csv_of(args)
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    got = [[c for c in r] for r in ws.iter_rows()]
    if len(got) != len(rows):
        fail(f"{label}: {len(got)} rows in the sheet, {len(rows)} in the CSV output")
    header = rows[0]
    for r, (want_row, cells) in enumerate(zip(rows, got)):
        if len(cells) != len(header):
            fail(f"{label}: row {r + 1} has {len(cells)} cells, the header {len(header)}")
        for c, want in enumerate(want_row):
            cell = cells[c] if c < len(cells) else None
            v = cell.value if cell is not None else None
            if r > 0 and header[c] in NUMERIC and PLAIN.match(want) and not AMBIG.match(want):
                if cell.data_type != "n" or float(v) != float(want):
                    fail(f"{label}: {header[c]} row {r + 1}: {v!r} ({cell.data_type}) is not the number {want}")
            elif r > 0 and header[c] in NUMERIC and want.endswith("%") and PLAIN.match(want[:-1]):
                if cell.data_type != "n" or abs(float(v) - float(want[:-1]) / 100) > 1e-12 or "%" not in cell.number_format:
                    fail(f"{label}: {header[c]} row {r + 1}: {v!r} is not the percentage {want}")
            elif want == "":
                if v not in (None, ""):
                    fail(f"{label}: {header[c]} row {r + 1}: {v!r} where the CSV is empty")
            elif cell.data_type != "s" or v != want:
                fail(f"{label}: {header[c]} row {r + 1}: {v!r} ({cell.data_type}) != text {want!r}")
    return wb, rows

def summary_json(args):
    out = os.path.join(tmp, "sum.json")
    run(["--summary-json", out, "-o", os.devnull] + args)
    with open(out) as f:
        return json.load(f)

def summary_cells(ws):
    return [[c.value for c in r] for r in ws.iter_rows()]

def find_row(cells, first):
    for r in cells:
        if r and r[0] == first:
            return r
    fail(f"Summary: no row {first!r}")
    return [None] * 8

try:
    # 1. Accounts: types, values, order, count; formula-like text as text.
    a = os.path.join(tmp, "a.xlsx")
    args = ["in/accounts.csv", "in/bad_formula_names.csv"]
    run(["--to", "xlsx", "-o", a, "in/accounts.csv"], 0)
    wb, rows = check_accounts("accounts", a, ["in/accounts.csv"])
    f = os.path.join(tmp, "f.xlsx")
    run(["--to", "xlsx", "-o", f, "in/bad_formula_names.csv"], 0)
    wbf, _ = check_accounts("formula names", f, ["in/bad_formula_names.csv"])
    name = wbf["Accounts"]["B2"]
    if name.value != '=HYPERLINK("http://x","click")' or name.data_type != "s":
        fail(f"formula-like name: {name.value!r} ({name.data_type}), expected that text as a string cell")
    with zipfile.ZipFile(f) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        if "<f>" in sheet:
            fail("formula names: the sheet XML holds a formula element")
    if wb.sheetnames != ["Accounts", "Summary"]:
        fail(f"sheets {wb.sheetnames}, expected Accounts, Summary (no Rejects: none rejected)")
    ws = wb["Accounts"]
    if ws.freeze_panes != "A2":
        fail(f"header not frozen: freeze_panes {ws.freeze_panes}")
    last = openpyxl.utils.get_column_letter(len(rows[0]))
    if ws.auto_filter.ref != f"A1:{last}{len(rows)}":
        fail(f"autofilter {ws.auto_filter.ref}, expected A1:{last}{len(rows)}")
    if not all(c.font.b for c in ws[1]):
        fail("header row not bold")
    # widths: the Chinese name column (display width 2 per character) is wider
    wname = ws.column_dimensions["B"].width
    widest = max(sum(2 if ord(ch) > 0x2e7f else 1 for ch in r[1]) for r in rows)
    if not wname or wname < widest:
        fail(f"name column width {wname}, its widest text takes {widest} columns")
    # stage colours: the stage and label cells of each row are filled with
    # the colour of that stage's row in the Summary (the legend)
    summ = wb["Summary"]
    legend = {r[0].value: r[0].fill.fgColor.rgb for r in summ.iter_rows() if r[0].fill.fill_type == "solid"}
    si = rows[0].index("stage")
    for r in range(2, len(rows) + 1):
        st, lab = ws.cell(row=r, column=si + 1), ws.cell(row=r, column=si + 2)
        if st.fill.fill_type != "solid" or st.fill.fgColor.rgb != legend.get(st.value) or \
           lab.fill.fgColor.rgb != st.fill.fgColor.rgb:
            fail(f"row {r}: stage {st.value!r} not coloured as in the legend ({legend})")
    if ws.cell(row=2, column=1).fill.fill_type == "solid":
        fail("the id cell is coloured")
    # the actions, needs and explain texts (up to some 200 characters, the
    # column at most 60 wide) wrap in their cells instead of being cut off
    # by the next column
    e = os.path.join(tmp, "e.xlsx")
    run(["--explain", "--to", "xlsx", "-o", e, "in/accounts.csv"], 0)
    erows = csv_of(["--explain", "in/accounts.csv"])
    ews = openpyxl.load_workbook(e)["Accounts"]
    for col in ("actions", "needs", "explain"):
        ai = erows[0].index(col)
        for r in range(2, len(erows) + 1):
            if erows[r - 1][ai] and not ews.cell(row=r, column=ai + 1).alignment.wrap_text:
                fail(f"row {r}: the {col} cell does not wrap")
                break
    # text that looks like Excel's escapes (_x0041_, which Excel shows as
    # "A") and U+FFFE/U+FFFF (which XML cannot hold: openpyxl refused the
    # workbook and LibreOffice dropped the rest of the sheet) open as written
    x = os.path.join(tmp, "x.csv")
    with open(x, "w", encoding="utf-8") as fh:
        fh.write("id,name,purchase_share,our_sales\n_x0041_,a_x005F_b,45,12345678901234567890\n"
                 "F\uffff,c\ufffed,50,123456789012345\n")
    xo = os.path.join(tmp, "x.xlsx")
    run(["--to", "xlsx", "-o", xo, x], 0)
    try:
        xws = openpyxl.load_workbook(xo)["Accounts"]
        got = [[c.value for c in r][:2] for r in xws.iter_rows(min_row=2)]
        # openpyxl shows the escapes as stored: Excel's own encoding of them
        if got != [["_x005F_x0041_", "a_x005F_x005F_b"], ["F_xFFFF_", "c_xFFFE_d"]]:
            fail(f"escape-like text: {got}")
        # more digits than Excel keeps (15) stay text, never a number showing others
        sales = [(r[3].value, r[3].data_type) for r in xws.iter_rows(min_row=2)]
        if sales != [("12345678901234567890", "s"), (123456789012345, "n")]:
            fail(f"our_sales of 20 and 15 digits: {sales}")
    except Exception as ex:
        fail(f"a workbook with _x0041_ and U+FFFF text does not open: {ex}")
    # a cell longer than Excel holds: exit 2 naming the input line and column
    with open(x, "w", encoding="utf-8") as fh:
        fh.write("id,name,purchase_share\nL1,ok,50\nL2," + "名" * 32768 + ",50\n")
    p = run(["--to", "xlsx", "-o", xo + ".long.xlsx", x], 2)
    want = f"relstage: {x}:3: name holds 32768 characters, more than the 32767 an Excel cell holds; shorten it, or write CSV (--to csv) for such data"
    if want not in p.stderr.decode().splitlines():
        fail(f"a cell too long: {p.stderr.decode()[-300:]!r}")
    back = run(["--raw", xo], 0).stdout.decode().splitlines()
    if [l.split(",")[:2] for l in back[1:]] != [["_x0041_", "a_x005F_b"], ["F\uffff", "c\ufffed"]]:
        fail(f"escape-like text read back: {back[1:]}")
    if len(set(legend.values())) != 4:
        fail(f"legend colours not distinct per stage: {legend}")

    # 2. Summary figures equal --summary-json; the stages chart.
    sj = summary_json(["in/accounts.csv"])
    cells = summary_cells(summ)
    for word, key in (("rows read", "rows_read"), ("classified", "classified"), ("rejected", "rejected")):
        if find_row(cells, word)[1] != sj[key]:
            fail(f"Summary {word}: {find_row(cells, word)[1]} != {sj[key]}")
    if find_row(cells, "rules")[1] != "built-in rules":
        fail(f"Summary rules: {find_row(cells, 'rules')}")
    if not re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d$", str(find_row(cells, "run date")[1])):
        fail(f"Summary run date: {find_row(cells, 'run date')}")
    for stage, v in sj["stages"].items():
        row = find_row(cells, stage)
        if row[2] != v["count"] or abs(row[3] * 100 - v["share_pct"]) > 0.01:
            fail(f"Summary {stage}: {row[2:4]} != {v}")
    if len(summ._charts) != 1:
        fail(f"Summary holds {len(summ._charts)} charts, expected 1 (accounts per stage)")
    with zipfile.ZipFile(a) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
        if "Summary!$C$" not in chart or "barDir val=\"col\"" not in chart:
            fail("chart1 is not a column chart of the Summary's counts")

    # Rows skipped as not accounts: the total, then each kind, as --summary-json.
    k = os.path.join(tmp, "k.xlsx")
    run(["--to", "xlsx", "-o", k, "in/export_kingdee.csv"], 0)
    sj = summary_json(["in/export_kingdee.csv"])
    cells = summary_cells(openpyxl.load_workbook(k)["Summary"])
    kinds = {"title": "title rows", "blank": "blank rows", "totals": "totals rows", "footer": "footer rows"}
    if find_row(cells, "skipped")[1] != sum(sj["skipped"].values()):
        fail(f"Summary skipped: {find_row(cells, 'skipped')} != {sj['skipped']}")
    for kind, n in sj["skipped"].items():
        if n and find_row(cells, "  " + kinds[kind])[1] != n:
            fail(f"Summary {kinds[kind]}: {find_row(cells, '  ' + kinds[kind])} != {n}")

    # 3. --previous: the movements, the matrix, a second chart; rules named.
    p = os.path.join(tmp, "p.xlsx")
    pargs = ["--previous", "in/batch_prev.csv", "in/batch_this_month.csv"]
    run(["--to", "xlsx", "-o", p, "-r", "../../data/rules/default.json"] + pargs, 1)
    sj = summary_json(pargs)
    wbp = openpyxl.load_workbook(p)
    cells = summary_cells(wbp["Summary"])
    for word, key in (("up", "up"), ("down", "down"), ("same", "same"), ("new", "new"), ("vanished", "vanished")):
        if find_row(cells, word)[1] != sj["previous"][key]:
            fail(f"Summary {word}: {find_row(cells, word)[1]} != {sj['previous'][key]}")
    matrix = [r for r in cells if r and r[0] == "previous \\ now"]
    if not matrix:
        fail("Summary: no transition matrix")
    else:
        i = cells.index(matrix[0])
        ids = [c for c in matrix[0][1:] if c not in (None, "vanished")]
        for k, prev in enumerate(ids):
            got = cells[i + 1 + k]
            want = [sj["previous"]["transitions"][prev][now] for now in ids]
            if got[0] != prev or got[1:1 + len(ids)] != want:
                fail(f"matrix row {prev}: {got} != {want}")
    if len(wbp["Summary"]._charts) != 2:
        fail(f"with --previous: {len(wbp['Summary']._charts)} charts, expected 2")
    if find_row(cells, "rules")[1] != "../../data/rules/default.json":
        fail(f"Summary rules: {find_row(cells, 'rules')}")
    # A previous account whose row this run rejects (M03): a line and a
    # matrix column, as --summary-json's "rejected", so the figures add up.
    m3 = os.path.join(tmp, "m3.csv")
    with open("in/batch_this_month.csv", encoding="utf-8") as f, open(m3, "w", encoding="utf-8") as g:
        g.write(f.read().replace("M03,天津北辰液压件厂,35,", "M03,天津北辰液压件厂,xx,"))
    p3 = os.path.join(tmp, "p3.xlsx")
    run(["--to", "xlsx", "-o", p3, "--previous", "in/batch_prev.csv", m3], 1)
    sj3 = summary_json(["--previous", "in/batch_prev.csv", m3])
    cells = summary_cells(openpyxl.load_workbook(p3)["Summary"])
    moves = cells[cells.index(find_row(cells, "compared with the previous run")):]
    if find_row(moves, "rejected")[1] != sj3["previous"]["rejected"] or sj3["previous"]["rejected"] != 1:
        fail(f"Summary: previous accounts rejected {find_row(moves, 'rejected')} != {sj3['previous']['rejected']}")
    head = find_row(cells, "previous \\ now")
    col = head.index("rejected") if "rejected" in head else None
    i = cells.index(head)
    if col is None or [cells[i + 1 + k][col] for k in range(4)] != [0, 1, 0, 0]:
        fail(f"matrix: no rejected column, or not per previous stage: {head}")

    # 4. Rejects: a sheet when there is no --rejects file, none when there is.
    r1 = os.path.join(tmp, "r1.xlsx")
    run(["--to", "xlsx", "-o", r1, "in/core_rejects.csv"], 1)
    wbr = openpyxl.load_workbook(r1)
    if wbr.sheetnames != ["Accounts", "Summary", "Rejects"]:
        fail(f"with rejected rows: sheets {wbr.sheetnames}")
    else:
        rej = [[c for c in r] for r in wbr["Rejects"].iter_rows()]
        with open("in/core_rejects.csv", encoding="utf-8", newline="") as fh:
            inp = list(csv.reader(fh))
        if [c.value for c in rej[0]][:3] != ["line", "reason", "id"]:
            fail(f"Rejects header {[c.value for c in rej[0]]}")
        sj = summary_json(["in/core_rejects.csv"])
        if len(rej) - 1 != sj["rejected"]:
            fail(f"Rejects: {len(rej) - 1} rows, {sj['rejected']} rejected")
        for r in rej[1:]:
            line = r[0].value
            if r[0].data_type != "n" or not r[1].value:
                fail(f"Rejects row {[c.value for c in r]}: line not a number or no reason")
                continue
            if not r[1].alignment.wrap_text:  # as actions, needs, explain
                fail(f"Rejects line {line}: the reason cell does not wrap")
            src = inp[int(line) - 1]
            cellsr = [c.value if c.value is not None else "" for c in r[2:2 + len(src)]]
            if cellsr != src or any(c.data_type != "s" for c in r[2:] if c.value is not None):
                fail(f"Rejects line {line}: {cellsr} != the input's {src}")
    r2 = os.path.join(tmp, "r2.xlsx")
    run(["--to", "xlsx", "-o", r2, "--rejects", os.path.join(tmp, "rej.csv"), "in/core_rejects.csv"], 1)
    if "Rejects" in openpyxl.load_workbook(r2).sheetnames or not os.path.getsize(os.path.join(tmp, "rej.csv")):
        fail("with --rejects FILE: a Rejects sheet, or an empty rejects file")

    # 5. Chinese: sheet and column names, Summary words.
    z = os.path.join(tmp, "zh.xlsx")
    run(["--to", "xlsx", "-o", z, "--lang", "zh", "--headers", "zh", "in/accounts.csv"], 0)
    wbz = openpyxl.load_workbook(z)
    if wbz.sheetnames != ["客户", "汇总"]:
        fail(f"--lang zh: sheets {wbz.sheetnames}")
    else:
        check_accounts("zh", z, ["--lang", "zh", "--headers", "zh", "in/accounts.csv"], "客户")
        if find_row(summary_cells(wbz["汇总"]), "读取行数")[1] != 12:
            fail("汇总: 读取行数 is not 12")

    # --excel=eu (decimal commas in CSV) leaves a workbook's numbers numbers.
    eu = os.path.join(tmp, "eu.xlsx")
    run(["--to", "xlsx", "--excel=eu", "-o", eu, "in/accounts.csv"], 0)
    check_accounts("--excel=eu", eu, ["in/accounts.csv"])

    # A German export: "50.000" read as 50000 (its column writes decimal
    # commas) stays the text it was, never the number 50.
    de = os.path.join(tmp, "de.xlsx")
    de_args = ["-m", "id=Kundennummer", "-m", "purchase_share=Anteil", "-m", "our_sales=Umsatz",
               "-m", "customer_spend=Einkaufsvolumen", "in/values_semicolon_comma.csv"]
    run(["--to", "xlsx", "-o", de] + de_args, 1)
    NUMERIC.update({"Anteil", "Umsatz", "Einkaufsvolumen", "Kunde seit"})
    wbd, _ = check_accounts("decimal commas", de, de_args)
    NUMERIC.difference_update({"Anteil", "Umsatz", "Einkaufsvolumen", "Kunde seit"})
    cell = wbd["Accounts"]["D3"]
    if cell.value != "50.000" or cell.data_type != "s":
        fail(f"Umsatz 50.000 (read as 50000): {cell.value!r} ({cell.data_type}), expected the text")

    # 6. Standard output when it is not a terminal: the same workbook.
    s = os.path.join(tmp, "s.xlsx")
    with open(s, "wb") as fh:
        subprocess.run([R, "-q", "--to", "xlsx", "in/accounts.csv"], stdout=fh, env=ENV, check=False)
    check_accounts("stdout", s, ["in/accounts.csv"])
    pipe = subprocess.run(f"'{R}' -q --to xlsx in/accounts.csv | cat > '{tmp}/pipe.xlsx'", shell=True, env=ENV)
    check_accounts("pipe", os.path.join(tmp, "pipe.xlsx"), ["in/accounts.csv"])
    # -o's extension picks the format when --to is not given: a workbook, JSON
    n = os.path.join(tmp, "named.xlsx")
    run(["-o", n, "in/accounts.csv"], 0)
    check_accounts("-o named.xlsx", n, ["in/accounts.csv"])
    j = os.path.join(tmp, "named.json")
    run(["-o", j, "in/accounts.csv"], 0)
    want = run(["--to", "json", "in/accounts.csv"]).stdout
    if open(j, "rb").read() != want:
        fail("-o named.json did not write what --to json writes")
    # ... and exit 2 with a message on a terminal
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(R, [R, "-q", "--to", "xlsx", "in/accounts.csv"])
    # The child's few lines fit the pty's buffer: wait for it, then drain.
    _, status = os.waitpid(pid, 0)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    if os.WEXITSTATUS(status) != 2 or b"-o FILE" not in out or b"PK" in out:
        fail(f"on a terminal: exit {os.WEXITSTATUS(status)}, output {out[:200]!r}")

    # 7. Atomic: a failed run leaves the old workbook and no temporary file.
    before = open(a, "rb").read()
    run(["--to", "xlsx", "-o", a, "in/accounts.csv", "in/no_such_file.csv"], 2)
    if open(a, "rb").read() != before:
        fail("a failed run changed the workbook")
    if sorted(os.listdir(tmp)) != sorted(set(os.listdir(tmp))) or any(".tmp." in n for n in os.listdir(tmp)):
        fail(f"temporary files left: {os.listdir(tmp)}")
    # ... and an interrupted one (SIGTERM while it waits for input)
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    proc = subprocess.Popen([R, "-q", "--to", "xlsx", "-o", a, fifo], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    w = open(fifo, "w")
    w.write("id,purchase_share\nS1,5\nS2,60\n")
    w.flush()
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    rc = proc.wait()
    w.close()
    if rc != -signal.SIGTERM or open(a, "rb").read() != before:
        fail(f"SIGTERM: exit {rc}, or the workbook changed")
    left = [n for n in os.listdir(tmp) if ".tmp." in n] + os.listdir(wtmp)
    if left:
        fail(f"temporary files left behind: {left}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
for f in fails:
    print("FAIL", f)
print(f"xlsx_write: {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
