#!/bin/sh
# Exports as CRMs and ERPs write them (in/export_*, fixtures_exports.py):
# every account gets the stage a person would give it (in/exports_expected.csv),
# whatever the headers, title rows, blank, totals and footer rows; rows read =
# classified + rejected + skipped in --summary-json; inspect's JSON report
# parses and agrees with the run on the counts and the fields.
# Run by run.sh in tests/e2e with $RELSTAGE set.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
export RELSTAGE
exec python3 - <<'PY'
import csv, io, json, os, subprocess, tempfile

R = os.environ["RELSTAGE"]
want = {r["name"]: r["stage"] for r in csv.DictReader(open("in/exports_expected.csv", encoding="utf-8"))}
# (file, options, skipped rows by kind)
RUNS = [
    ("export_salesforce.csv", [], {"footer": 5}),
    ("export_salesforce_grouped.csv", [], {"totals": 5}),
    ("export_salesforce_classic.csv", [], {"title": 4, "totals": 1}),
    ("export_excel_subtotal.csv", [], {"totals": 5}),
    ("export_hubspot.csv", ["--prefix", "rs"], {}),
    ("export_dynamics.csv", [], {}),
    ("export_zoho.csv", ["--ignore", "Sales"], {}),
    ("export_zoho.csv", ["-m", "our_sales="], {}),
    ("export_zoho_de.csv", ["--map-file", "in/export_zoho.map.json"], {}),
    ("export_pipedrive.csv", [], {}),
    ("export_kingdee.csv", [], {"title": 2, "blank": 1, "totals": 1, "footer": 1}),
    ("export_kingdee.csv", ["--header-row", "3"], {"title": 2, "blank": 1, "totals": 1, "footer": 1}),
    ("export_yonyou.csv", [], {"title": 1, "totals": 3}),
    ("export_kingdee_regions.csv", [], {"title": 1, "totals": 4}),
    ("export_fxiaoke.csv", [], {}),
    ("export_digiwin_big5.csv", [], {"title": 1, "totals": 1, "footer": 1}),
    ("export_sap.txt", [], {"title": 1, "totals": 1}),
    ("export_netsuite.csv", [], {}),
    ("export_sap_unconverted.txt", [], {"title": 2, "blank": 3, "totals": 1}),
]
failures = []
with tempfile.TemporaryDirectory() as tmp:
    sj = os.path.join(tmp, "s.json")
    for name, opts, skipped in RUNS:
        label = " ".join([name] + opts)
        p = subprocess.run([R, "-q", "--summary-json", sj] + opts + ["in/" + name], capture_output=True)
        if p.returncode != 0:
            failures.append(f"{label}: exit {p.returncode}: {p.stderr.decode()[:300]}")
            continue
        rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8-sig"), newline="")))
        head = rows[0]
        st = head.index("rs_stage" if "--prefix" in opts else "stage")
        got = 0
        for r in rows[1:]:
            names = [c.strip() for c in r if c.strip() in want]  # SAP pads cells
            if len(names) != 1:
                failures.append(f"{label}: no account name in {r[:3]}")
                continue
            got += 1
            if r[st] != want[names[0]]:
                failures.append(f"{label}: {names[0]} is {r[st]}, a person says {want[names[0]]}")
        if got != 8:
            failures.append(f"{label}: {got} accounts written, expected 8")
        s = json.load(open(sj, encoding="utf-8"))
        sk = {k: v for k, v in s["skipped"].items() if v}
        if sk != skipped:
            failures.append(f"{label}: skipped {sk}, expected {skipped}")
        if s["rows_read"] != s["classified"] + s["rejected"] + sum(s["skipped"].values()):
            failures.append(f"{label}: rows read {s['rows_read']} is not classified + rejected + skipped")
        # inspect reads it the same way
        q = subprocess.run([R, "inspect", "--to", "json"] + opts + ["in/" + name], capture_output=True)
        try:
            rep = json.loads(q.stdout.decode("utf-8"))
        except ValueError as e:
            failures.append(f"{label}: inspect --to json is not JSON: {e}")
            continue
        if q.returncode != 0 or rep["rows"]["classified"] != s["classified"] or \
           rep["rows"]["skipped"] != s["skipped"] or rep["fields"] != s["fields"] or rep["notes"] != s["notes"]:
            failures.append(f"{label}: inspect (exit {q.returncode}) disagrees with the run: {rep['rows']}")
for f in failures:
    print("FAIL", f)
print(f"intake_exports: {len(RUNS)} exports, {len(failures)} failures")
raise SystemExit(1 if failures else 0)
PY
