#!/usr/bin/env python3
"""Writes .xlsx test inputs made by another program (openpyxl, or zipfile
for hand-written sheet XML), each with a CSV twin holding the text relstage
must read from every cell: numbers as the shortest text that reads back
(0.85, not 0.85000000000000009), percentage-formatted cells as Excel shows
them (85%), date cells as ISO dates, booleans as true/false.

    python3 tests/e2e/make_xlsx.py OUTDIR

Run at test time (tests/e2e/scripts/xlsx_read.sh); deterministic. Needs
openpyxl (Debian: python3-openpyxl).
"""

import csv
import datetime
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
NUMBER = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?$")


def twin(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def text_cell(ws, row, col, value):
    """A string cell even when it looks like a formula (openpyxl would
    otherwise store "=..." as a formula)."""
    c = ws.cell(row=row, column=col)
    c.value = value
    c.data_type = "s"
    return c


def accounts(out):
    """in/accounts.csv as a workbook with typed numbers: one header row,
    numbers where the text is a plain number, strings elsewhere."""
    with open(os.path.join(HERE, "in", "accounts.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Accounts export"
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row, 1):
            if r > 1 and NUMBER.match(v):
                ws.cell(row=r, column=c, value=float(v) if "." in v else int(v))
            elif v != "":
                text_cell(ws, r, c, v)
    for c in ws[1]:
        c.font = Font(bold=True)
    wb.save(os.path.join(out, "xl_accounts.xlsx"))
    twin(os.path.join(out, "xl_accounts.csv"), rows)


KINGDEE = [  # 客户编码, 客户名称, share (fraction), our sales, total purchases, contacts,
    # departments, level, key person, years, joint projects, exec meetings,
    # agreement, since (date), note
    ("K001", "苏州金科精密机械有限公司", 0.85, 4250000.5, 5000000, 6, 3, "总监", "是", 5, 1, 2, "否",
     datetime.date(2019, 3, 1), "=SUM(A1:A3)"),
    ("K002", "宁波海天塑机配件厂", 0.125, 250000, 2000000, 2, 1, "经理", "否", 1, 0, 0, "否",
     datetime.date(2023, 11, 15), "老客户，需回访"),
    ("K003", "青岛海信模具有限公司", 0.62, 1240000, 2000000, 4, 2, "高层", "是", 3, 0, 1, "否",
     datetime.date(2021, 6, 30), "+86 532 8888"),
    ("K004", "深圳华为配套（东莞）有限公司", 0.0, 0, 3000000, 1, 1, "员工", "否", 0, 0, 0, "否",
     datetime.date(2026, 1, 5), ""),
]
KINGDEE_HEADER = ["客户编号", "客户名称", "采购份额", "我方销售额", "客户采购总额", "联系人数",
                  "接触部门数", "最高接触层级", "关键人", "合作年限", "联合项目数", "高层会晤次数",
                  "战略协议", "首次合作日期", "备注"]


def pct_text(v):
    s = repr(round(v * 100, 10))
    return (s[:-2] if s.endswith(".0") else s) + "%"


def num_text(v):
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def kingdee(out):
    """A Kingdee-style export: a title row and a blank row above the header,
    Chinese text, shares formatted as percentages, amounts with thousands
    formats, a date column, a formula-like note kept as text, a totals row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户关系明细"
    ws.cell(row=1, column=1, value="2026年11月 客户关系明细表").font = Font(bold=True, size=14)
    rows = [["2026年11月 客户关系明细表"], [], KINGDEE_HEADER]
    for c, h in enumerate(KINGDEE_HEADER, 1):
        ws.cell(row=3, column=c, value=h).font = Font(bold=True)
    for r, acc in enumerate(KINGDEE, 4):
        twin_row = []
        for c, v in enumerate(acc, 1):
            if c == 15:
                if v:
                    text_cell(ws, r, c, v)
                twin_row.append(v)
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if c == 3:
                cell.number_format = "0%"
                twin_row.append(pct_text(v))
            elif c in (4, 5):
                cell.number_format = "#,##0.00"
                twin_row.append(num_text(v))
            elif c == 14:
                cell.number_format = "yyyy/mm/dd"
                twin_row.append(v.isoformat())
            elif isinstance(v, (int, float)):
                twin_row.append(num_text(v))
            else:
                twin_row.append(v)
        rows.append(twin_row)
    total = len(KINGDEE) + 4
    ws.cell(row=total, column=1, value="合计")
    ws.cell(row=total, column=4, value=sum(a[3] for a in KINGDEE)).number_format = "#,##0.00"
    ws.cell(row=total, column=5, value=sum(a[4] for a in KINGDEE)).number_format = "#,##0.00"
    rows.append(["合计", "", "", num_text(sum(a[3] for a in KINGDEE)), num_text(sum(a[4] for a in KINGDEE))]
                + [""] * (len(KINGDEE_HEADER) - 5))
    wb.save(os.path.join(out, "xl_kingdee.xlsx"))
    # The CSV twin keeps the blank row as a blank line: line numbers match.
    twin(os.path.join(out, "xl_kingdee.csv"), rows)
    # The same without the title rows, which every relstage reads today.
    wb2 = openpyxl.load_workbook(os.path.join(out, "xl_kingdee.xlsx"))
    wb2.active.delete_rows(1, 2)
    wb2.save(os.path.join(out, "xl_kingdee_plain.xlsx"))
    twin(os.path.join(out, "xl_kingdee_plain.csv"), [r for r in rows[2:] if r])


def multi(out):
    """Sheets Notes, Data (full: its last account on row 1,048,576), "Data 2"
    (its continuation: the same header) and Other: --sheet Data reads Data
    then Data 2. xl_last_year: "Accounts" not full and "Accounts 2" (last
    year's list, the same header): only Accounts is read."""
    with open(os.path.join(HERE, "in", "accounts.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "read me"
    for title, part in (("Data", rows[1:7]), ("Data 2", rows[8:]), ("Other", rows[1:3])):
        ws = wb.create_sheet(title)
        for row in [rows[0]] + part:
            ws.append([v if v != "" else None for v in row])
    for c, v in enumerate(rows[7]):
        wb["Data"].cell(row=1048576, column=c + 1, value=v if v != "" else None)
    wb.save(os.path.join(out, "xl_multi.xlsx"))
    twin(os.path.join(out, "xl_multi.csv"), rows)
    wb = openpyxl.Workbook()
    wb.active.title = "Accounts"
    for title, part in (("Accounts", rows[1:7]), ("Accounts 2", rows[7:])):
        ws = wb[title] if title in wb.sheetnames else wb.create_sheet(title)
        for row in [rows[0]] + part:
            ws.append([v if v != "" else None for v in row])
    wb.save(os.path.join(out, "xl_last_year.xlsx"))
    # xl_full: a sheet that uses Excel's last row (a longer list cut there)
    wb = openpyxl.Workbook()
    for row in rows[:4]:
        wb.active.append([v if v != "" else None for v in row])
    for c, v in enumerate(rows[7]):
        wb.active.cell(row=1048576, column=c + 1, value=v if v != "" else None)
    wb.save(os.path.join(out, "xl_full.xlsx"))
    # xl_case_twins: "Accounts" and "ACCOUNTS" (Excel forbids such names;
    # other programs may write them): --sheet accounts cannot choose.
    with zipfile.ZipFile(os.path.join(out, "xl_last_year.xlsx")) as zin, \
            zipfile.ZipFile(os.path.join(out, "xl_case_twins.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'name="Accounts 2"', b'name="ACCOUNTS"')
            z.writestr(item, data)


def two_sheets(out):
    """A report workbook whose first sheet is a Summary by region (no id
    column: no header row there) and whose second holds the accounts."""
    with open(os.path.join(HERE, "in", "accounts.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Summary"
    for row in (["Key accounts by region"], ["Region", "Accounts", "Average share (%)"],
                ["East", 6, 41.5], ["North", 4, 63]):
        ws.append(row)
    ws = wb.create_sheet("Accounts")
    for row in rows:
        ws.append([v if v != "" else None for v in row])
    wb.save(os.path.join(out, "xl_two_sheets.xlsx"))


M = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def edge(out):
    """Sheet XML as other producers write it: a namespace prefix (x:), the
    1904 date system, inline and rich strings with a phonetic guide,
    formula results (str, cached numbers), errors, booleans, cells without
    references, long doubles, exponents, a custom date format, a time, a
    percentage with decimals, a row of styled empty cells."""
    styles = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet {M}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="165" formatCode="[Red]0.0%"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="4"/></cellXfs>
</styleSheet>"""
    sst = f"""<?xml version="1.0" encoding="UTF-8"?>
<sst {M} count="4" uniqueCount="4"><si><t>id</t></si><si><t>name</t></si>
<si><r><t>Ōsaka </t></r><r><rPr><b/></rPr><t xml:space="preserve">Seiki  K.K.</t></r><rPh sb="0" eb="2"><t>オオサカ</t></rPh></si>
<si><t>purchase_share</t></si></sst>"""
    x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="{x}"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>3</x:v></x:c>
<x:c r="D1" t="inlineStr"><x:is><x:t>since</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>at</x:t></x:is></x:c>
<x:c r="F1" t="inlineStr"><x:is><x:t>flag</x:t></x:is></x:c><x:c r="G1" t="inlineStr"><x:is><x:t>amount</x:t></x:is></x:c>
<x:c r="H1" t="inlineStr"><x:is><x:t>calc</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>00123</x:t></x:is></x:c><x:c r="B2" t="s"><x:v>2</x:v></x:c>
<x:c r="C2"><x:v>85.000000000000014</x:v></x:c><x:c r="D2" s="1"><x:v>0</x:v></x:c><x:c r="E2" s="3"><x:v>1.5</x:v></x:c>
<x:c r="F2" t="b"><x:v>1</x:v></x:c><x:c r="G2" s="5"><x:v>1.2345678E+6</x:v></x:c>
<x:c r="H2" t="str"><x:f>A2&amp;"x"</x:f><x:v>00123x</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t>E-</x:t></x:r><x:r><x:t>7</x:t></x:r></x:is></x:c>
<x:c r="B3" t="inlineStr"><x:is><x:t>=cmd|' /C calc'!A0</x:t></x:is></x:c>
<x:c r="C3" s="2"><x:v>0.62549999999999994</x:v></x:c><x:c r="D3" s="1"><x:v>43891</x:v></x:c><x:c r="E3" s="4"><x:v>0.75</x:v></x:c>
<x:c r="F3" t="e"><x:v>#N/A</x:v></x:c><x:c r="G3"><x:v>1E-7</x:v></x:c><x:c r="H3"><x:f>1/3</x:f><x:v>0.33333333333333331</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" s="1"/><x:c r="B4" s="2"/></x:row>
<x:row><x:c t="inlineStr"><x:is><x:t>E-9</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> 空格 </x:t></x:is></x:c><x:c><x:v>-0</x:v></x:c>
<x:c r="F5" t="b"><x:v>0</x:v></x:c><x:c r="G5"><x:v>123456789012345678</x:v></x:c></x:row>
</x:sheetData></x:worksheet>"""
    rows = [["id", "name", "purchase_share", "since", "at", "flag", "amount", "calc"],
            ["00123", "Ōsaka Seiki  K.K.", "85", "1904-01-01", "1904-01-02 12:00:00", "true",
             "1234567.8", "00123x"],
            ["E-7", "=cmd|' /C calc'!A0", "62.55%", "2024-03-02", "18:00:00", "#N/A", "0.0000001",
             "0.333333333333333"],
            ["E-9", " 空格 ", "0", "", "", "false", "123456789012345678", ""]]
    files = {
        "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>""",
        "_rels/.rels": """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>""",
        "xl/workbook.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook {M} {R}><workbookPr date1904="1"/><sheets><sheet name="Export" sheetId="1" r:id="rId7"/></sheets></workbook>""",
        "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
</Relationships>""",
        "xl/styles.xml": styles,
        "xl/strings.xml": sst,
        "xl/worksheets/data.xml": sheet,
    }
    with zipfile.ZipFile(os.path.join(out, "xl_edge.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text.encode("utf-8"))
    twin(os.path.join(out, "xl_edge.csv"), rows)


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def package(path, sheets, parts=None, workbook_pr="", targets=None):
    """A workbook written by hand: sheets is [(name, sheet XML, state)];
    parts maps "styles" and "sharedStrings" to their XML; targets gives the
    relationship targets as a writer spelled them (default: relative to xl/)."""
    targets = dict(targets or {})
    listed, rels, files = "", "", {}
    for i, (name, xml, state) in enumerate(sheets, 1):
        target = targets.get(i, "worksheets/sheet%d.xml" % i)
        listed += '<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (
            name, i, ' state="%s"' % state if state else "", i)
        rels += '<Relationship Id="rId%d" Type="%sworksheet" Target="%s"/>' % (i, REL, target)
        files["xl/worksheets/sheet%d.xml" % i] = xml
    for k, (kind, xml) in enumerate(sorted((parts or {}).items()), 90):
        rels += '<Relationship Id="rId%d" Type="%s%s" Target="%s"/>' % (
            k, REL, kind, targets.get(kind, kind + ".xml"))
        files["xl/%s.xml" % kind] = xml
    types = "".join('<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.'
                    'spreadsheetml.%s+xml"/>' % (name, kind) for name, kind in
                    [("xl/workbook.xml", "sheet.main"), ("xl/styles.xml", "styles"),
                     ("xl/sharedStrings.xml", "sharedStrings")] +
                    [("xl/worksheets/sheet%d.xml" % i, "worksheet") for i in range(1, len(sheets) + 1)]
                    if name in files or name == "xl/workbook.xml")
    files["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>%s</Types>""" % types
    files["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>""" % REL
    files["xl/workbook.xml"] = '<?xml version="1.0" encoding="UTF-8"?>\n<workbook %s %s>%s<sheets>%s</sheets></workbook>' % (
        M, R, workbook_pr, listed)
    files["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>""" % rels
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text.encode("utf-8"))


def sheet_xml(rows):
    """Rows of cells: (ref, type, style, value XML), e.g. ("C2", None, 1, "<v>0.45</v>")."""
    body = ""
    for r, cells in enumerate(rows, 1):
        body += '<row r="%d">' % r
        for ref, t, style, inner in cells:
            body += '<c r="%s"%s%s>%s</c>' % (ref, ' t="%s"' % t if t else "",
                                              ' s="%d"' % style if style else "", inner)
        body += "</row>"
    return '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet %s><sheetData>%s</sheetData></worksheet>' % (M, body)


def styles_xml(codes, xfs):
    """numFmts {id: code} and cellXfs numFmtIds, in order (xf 0 first)."""
    fmts = "".join('<numFmt numFmtId="%d" formatCode="%s"/>' % (i, c.replace('"', "&quot;"))
                   for i, c in sorted(codes.items()))
    return '<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet %s><numFmts>%s</numFmts><cellXfs>%s</cellXfs></styleSheet>' % (
        M, fmts, "".join('<xf numFmtId="%d"/>' % i for i in xfs))


def inline(ref, text):
    return (ref, "inlineStr", 0, "<is><t>%s</t></is>" % text)


def num(ref, v, style=0):
    return (ref, None, style, "<v>%s</v>" % v)


HEAD = ["id", "name", "purchase_share", "customer_since", "contacts"]


def head_row():
    return [inline("%s1" % chr(65 + i), h) for i, h in enumerate(HEAD)]


def colours(out):
    """Number formats with a colour: [Magenta] and [Blue] are colours, not
    the minutes and seconds of an elapsed time ([mm], [ss], [h]:mm)."""
    styles = styles_xml({164: "[Magenta]0", 165: "[Blue]#,##0;[Red]-#,##0", 166: "[h]:mm:ss",
                         167: "[Green]0.0%"}, [0, 164, 165, 166, 167])
    rows = [head_row() + [inline("F1", "call_time"), inline("G1", "growth")],
            [inline("A2", "C1"), inline("B2", "Magenta GmbH"), num("C2", 45, 1), num("D2", 2019),
             num("E2", 3, 2), num("F2", 1.5, 3), num("G2", 0.125, 4)],
            [inline("A3", "C2"), inline("B3", "Blue Ltd"), num("C3", 85, 1), num("D3", 2020, 2),
             num("E3", 1200, 2), num("F3", 0.75, 3), num("G3", -0.05, 4)]]
    package(os.path.join(out, "xl_colours.xlsx"), [("Export", sheet_xml(rows), None)], {"styles": styles})
    twin(os.path.join(out, "xl_colours.csv"),
         [HEAD + ["call_time", "growth"], ["C1", "Magenta GmbH", "45", "2019", "3", "36:00:00", "12.5%"],
          ["C2", "Blue Ltd", "85", "2020", "1200", "18:00:00", "-5%"]])


def dot_targets(out):
    """Relationship targets written with ".." and "." segments (valid: they
    resolve against xl/): the sheet, the styles and the shared strings are
    all found, so the share keeps its percent format and the date its date."""
    styles = styles_xml({}, [0, 9, 14])
    sst = '<sst %s><si><t>Dot Ltd</t></si></sst>' % M
    rows = [head_row(), [inline("A2", "D1"), ("B2", "s", 0, "<v>0</v>"), num("C2", 0.45, 1), num("D2", 43525, 2),
                         num("E2", 3)]]
    package(os.path.join(out, "xl_dot_targets.xlsx"), [("Export", sheet_xml(rows), None)],
            {"styles": styles, "sharedStrings": sst},
            targets={1: "../xl/worksheets/./sheet1.xml", "styles": "../xl/styles.xml",
                     "sharedStrings": "./sharedStrings.xml"})
    twin(os.path.join(out, "xl_dot_targets.csv"), [HEAD, ["D1", "Dot Ltd", "45%", "2019-03-01", "3"]])


def escapes(out):
    """Excel's escapes in text (_xHHHH_): a carriage return in a shared
    string, a tab in a formula's text result, an emoji as two surrogates,
    a literal "_x0031_" written as "_x005F_x0031_"; "_x0000_" stays."""
    sst = ('<sst %s><si><t xml:space="preserve">Line_x000D_\nTwo</t></si>'
           '<si><r><t>Rich_x0020_</t></r><r><t>Run</t></r></si></sst>') % M
    rows = [head_row() + [inline("F1", "note")],
            [inline("A2", "E1"), ("B2", "s", 0, "<v>0</v>"), num("C2", 45), num("D2", 2019), num("E2", 3),
             ("F2", "str", 0, '<f>"a"&amp;CHAR(9)&amp;"b"</f><v>a_x0009_b</v>')],
            [inline("A3", "K_x005F_x0031_"), ("B3", "s", 0, "<v>1</v>"), num("C3", 60), num("D3", 2020),
             num("E3", 2), inline("F3", "smile _xD83D__xDE00_ _x0000_")]]
    package(os.path.join(out, "xl_escapes.xlsx"), [("Export", sheet_xml(rows), None)], {"sharedStrings": sst})
    twin(os.path.join(out, "xl_escapes.csv"),
         [HEAD + ["note"], ["E1", "Line\r\nTwo", "45", "2019", "3", "a\tb"],
          ["K_x0031_", "Rich Run", "60", "2020", "2", "smile \U0001F600 _x0000_"]])


def excel_digits(out):
    """Formula results as Excel stores them, with 17 significant digits,
    read as the 15 Excel shows: 0.7+0.1 is 80% (not 79.99999999999999%),
    0.1*30 contacts is 3 (not 3.0000000000000004, which is no whole number);
    a 16-digit whole id keeps its digits."""
    styles = styles_xml({}, [0, 9])
    rows = [[inline("A1", "id"), inline("B1", "name"), inline("C1", "purchase_share"), inline("D1", "contacts"),
             inline("E1", "relationship_years"), inline("F1", "account_no")],
            [inline("A2", "X1"), inline("B2", "Digits AG"), ("C2", None, 1, "<f>0.7+0.1</f><v>0.79999999999999993</v>"),
             ("D2", None, 0, "<f>0.1*30</f><v>3.0000000000000004</v>"),
             ("E2", None, 0, "<f>4.2+0.8</f><v>4.9999999999999991</v>"), num("F2", 1234567890123456)]]
    package(os.path.join(out, "xl_excel_digits.xlsx"), [("Export", sheet_xml(rows), None)], {"styles": styles})
    twin(os.path.join(out, "xl_excel_digits.csv"),
         [["id", "name", "purchase_share", "contacts", "relationship_years", "account_no"],
          ["X1", "Digits AG", "80%", "3", "5", "1234567890123456"]])


def long_ids(out):
    """Whole numbers of 31 to 40 digits in number cells, written by hand (Excel
    keeps 15 digits): names and account numbers keep every digit as stored,
    none goes through a double ("1.2345678901234568e+31"); as ids they are
    refused (number_ids). An 18-digit id typed into Excel is stored as the 15
    digits it keeps, 1.97112051998031E+17: read as that, never as
    197112051998031000, so the id is refused as its CSV is (its last digits
    are gone)."""
    ids = ["1234567890123456789012345678901", "12345678901234567890123456789012",
           "-98765432109876543210987654321098765", "1000000000000000000000000000000000000001",
           "1.97112051998031E+17"]
    rows = [[inline("A1", "id"), inline("B1", "name"), inline("C1", "purchase_share"), inline("D1", "account_no")]]
    for i, v in enumerate(ids, 2):
        rows.append([num("A%d" % i, v) if "E" in v else inline("A%d" % i, "L%d" % i), num("B%d" % i, v),
                     num("C%d" % i, 40 + i), num("D%d" % i, v)])
    package(os.path.join(out, "xl_long_ids.xlsx"), [("Export", sheet_xml(rows), None)])
    twin(os.path.join(out, "xl_long_ids.csv"),
         [["id", "name", "purchase_share", "account_no"]] +
         [[v if "E" in v else "L%d" % i, v, str(40 + i), v] for i, v in enumerate(ids, 2)])


def number_ids(out):
    """Ids in number cells of 16 digits or more: Excel keeps 15 significant
    digits, so typed into Excel 1234567890123456 is stored as
    1234567890123450, and two ids can become one. Refused, whatever the
    writer stored (a 16-digit exact one too, the 20 digits past 2^53 as
    written, one under a scientific format); 15 digits and a 16-digit name
    are read (the CSV twin is no test here: its text ids are exact)."""
    styles = styles_xml({164: "0.00E+00"}, [0, 164])
    ids = [("N1", "1234567890123450", 0), ("N2", "1234567890123456", 0), ("N3", "123456789012345", 0),
           ("N4", "12345678901234567890", 0), ("N5", "1234567890123450", 1), ("N6", "-1000000000000000", 0)]
    rows = [[inline("A1", "id"), inline("B1", "name"), inline("C1", "purchase_share")]]
    for i, (name, v, style) in enumerate(ids, 2):
        rows.append([num("A%d" % i, v, style), inline("B%d" % i, name), num("C%d" % i, 40 + i)])
    rows.append([inline("A8", "T1"), num("B8", "1234567890123456"), num("C8", 48)])
    package(os.path.join(out, "xl_number_ids.xlsx"), [("Export", sheet_xml(rows), None)], {"styles": styles})


def iso_dates(out):
    """Date cells stored as ISO 8601 text (t="d"), as openpyxl writes them
    with iso_dates=True: shown as their format shows them, a date alone or
    with its time, never with the "T" between them."""
    wb = openpyxl.Workbook(iso_dates=True)
    ws = wb.active
    ws.append(["id", "name", "purchase_share", "customer_since", "last_visit"])
    ws.append(["D1", "Iso GmbH", 40, datetime.date(2019, 3, 1), datetime.datetime(2026, 11, 2, 9, 30)])
    ws.append(["D2", "Iso AB", 55, datetime.datetime(2020, 6, 15), datetime.datetime(2026, 10, 1, 17, 5, 9)])
    ws["D3"].number_format = "yyyy-mm-dd"
    wb.save(os.path.join(out, "xl_iso_dates.xlsx"))
    twin(os.path.join(out, "xl_iso_dates.csv"),
         [["id", "name", "purchase_share", "customer_since", "last_visit"],
          ["D1", "Iso GmbH", "40", "2019-03-01", "2026-11-02 09:30:00"],
          ["D2", "Iso AB", "55", "2020-06-15", "2026-10-01 17:05:09"]])


def unordered(out):
    """A row whose cells are out of order (B2 after C2), and one with a cell
    written twice (C2, 45 then 90): LibreOffice shows B2 in its place and
    the second C2; relstage read neither (it kept the first) and now stops."""
    head = [inline("A1", "id"), inline("B1", "name"), inline("C1", "purchase_share")]
    for name, row in (("xl_cells_unordered", [inline("A2", "U1"), num("C2", 45), inline("B2", "Name")]),
                      ("xl_cells_twice", [inline("A2", "U1"), inline("B2", "Name"), num("C2", 45), num("C2", 90)])):
        package(os.path.join(out, name + ".xlsx"), [("Export", sheet_xml([head, row]), None)])
    # Rows out of order (3 before 2), or one numbered twice (2 with 45, then
    # 2 with 90): Excel repairs such a sheet; which row it keeps is not known.
    for name, order in (("xl_rows_unordered", [(1, "U0", 0), (3, "U3", 60), (2, "U2", 45)]),
                        ("xl_rows_twice", [(1, "U0", 0), (2, "U1", 45), (2, "U2", 90)])):
        body = "".join('<row r="%d">%s</row>' % (r, "".join(
            '<c r="%s"%s>%s</c>' % (ref, ' t="%s"' % t if t else "", inner)
            for ref, t, _, inner in ([inline("A%d" % r, id_), inline("B%d" % r, "Name"), num("C%d" % r, share)]
                                     if r > 1 or id_ != "U0" else head)))
            for r, id_, share in order)
        package(os.path.join(out, name + ".xlsx"), [("Export", '<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (M, body), None)])


def sheets_shown(out):
    """Four quarters' sheets with the same header, saved while Q4 was shown
    (activeTab): Q1 is read and that is said. A workbook whose first sheet
    is hidden (an export's raw data) and whose second is shown: the shown
    one is read, as Excel opens it, and nothing needs saying. A chart sheet
    in front, where Excel opens: the worksheet after it is read."""
    wb = openpyxl.Workbook()
    for i, q in enumerate(["Q1", "Q2", "Q3", "Q4"]):
        ws = wb.active if i == 0 else wb.create_sheet(q)
        ws.title = q
        ws.append(["id", "name", "purchase_share"])
        ws.append(["Q%d-1" % (i + 1), "Quarter Ltd", 20 * (i + 1)])
    wb.active = 3
    wb.save(os.path.join(out, "xl_quarters.xlsx"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "raw"
    ws.append(["id", "name", "purchase_share"])
    ws.append(["OLD1", "Hidden GmbH", 10])
    ws.sheet_state = "hidden"
    ws = wb.create_sheet("Accounts")
    ws.append(["id", "name", "purchase_share"])
    ws.append(["NEW1", "Shown GmbH", 90])
    wb.active = 1
    wb.save(os.path.join(out, "xl_hidden_first.xlsx"))
    # A report whose first tab, shown when it opens, is a chart of the data.
    from openpyxl.chart import BarChart, Reference
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Accounts"
    ws.append(["id", "name", "purchase_share"])
    ws.append(["CH1", "Chart Tab GmbH", 45])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=2), titles_from_data=True)
    wb.create_chartsheet("Share chart", 0).add_chart(chart)
    wb.active = 0
    wb.save(os.path.join(out, "xl_chart_first.xlsx"))


def hidden_column(out):
    """Last year's share in a hidden column named "share" beside this
    year's, 采购占比 2026: the hidden one is read (its name matches exactly),
    and that it is hidden is said."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "name", "share", "采购占比 2026"])
    ws.append(["HC1", "Hidden Column Co", 30, 85])
    ws.column_dimensions["C"].hidden = True
    wb.save(os.path.join(out, "xl_hidden_column.xlsx"))


def booleans(out):
    """Boolean cells (t="b") as writers other than Excel write them: TRUE and
    FALSE spelled out (read as true and false, not both as false), and an
    empty one, with or without <v/> (read as empty, never as false)."""
    head = ["id", "name", "purchase_share", "key_person", "strategic_agreement", "exclusive", "info_sharing"]
    rows = [[inline("%s1" % chr(65 + i), h) for i, h in enumerate(head)],
            [inline("A2", "B1"), inline("B2", "Bool AG"), num("C2", 45), ("D2", "b", 0, "<v>TRUE</v>"),
             ("E2", "b", 0, ""), ("F2", "b", 0, "<v></v>"), ("G2", "b", 0, "<v>FALSE</v>")],
            [inline("A3", "B2"), inline("B3", "Bool SA"), num("C3", 55), ("D3", "b", 0, "<v>1</v>"),
             ("E3", "b", 0, "<v>0</v>"), ("F3", "b", 0, "<v>true</v>"), ("G3", "b", 0, "<v>0</v>")]]
    package(os.path.join(out, "xl_booleans.xlsx"), [("Export", sheet_xml(rows), None)])
    twin(os.path.join(out, "xl_booleans.csv"),
         [head, ["B1", "Bool AG", "45", "true", "", "", "false"], ["B2", "Bool SA", "55", "true", "false", "true", "false"]])


def merged_rows(out):
    """A report that shows a level once for a group of accounts: D3:D5
    merged (executive in every row in Excel, in the top one in the file),
    E3:E5 too (a region, no field), a merged title and a merged totals
    label: only the field's merge is said."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户关系表"])
    ws.merge_cells("A1:E1")
    ws.append(["id", "name", "purchase_share", "top_contact_level", "region"])
    ws.append(["M1", "Merged One", 60, "executive", "East"])
    ws.append(["M2", "Merged Two", 60, None, None])
    ws.append(["M3", "Merged Three", 60, None, None])
    ws.append(["M4", "Merged Four", 60, "staff", "West"])
    ws.merge_cells("D3:D5")
    ws.merge_cells("E3:E5")
    ws.append(["Total", None, 240, None, None])
    ws.merge_cells("A7:B7")
    wb.save(os.path.join(out, "xl_merged_rows.xlsx"))


def patched(src, dst, edits):
    """A copy of workbook src with text replaced in its parts: {part: [(old, new)]}."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename).decode("utf-8")
            for old, new in edits.get(info.filename, []):
                assert old in data, (info.filename, old)
                data = data.replace(old, new)
            zout.writestr(info, data.encode("utf-8"))


def formulas(out):
    """Formulas whose value the workbook does not hold: openpyxl writes
    none (<v></v>), XlsxWriter writes 0 (or an empty text result, t="str"), all with fullCalcOnLoad="1"
    (recalculate when opened). Once Excel has saved the file the values are
    there and the flag is gone: then they read, an empty text result too."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "purchase_share", "contacts", "note"])
    ws.append(["F1", 45, "=2+3", None])
    ws.append(["F2", 60, 2, None])
    src = os.path.join(out, "xl_formula_openpyxl.xlsx")
    wb.save(src)
    sheet = "xl/worksheets/sheet1.xml"
    calc = ('<calcPr calcId="124519" fullCalcOnLoad="1"/>', '<calcPr calcId="191029"/>')
    patched(src, os.path.join(out, "xl_formula_zero.xlsx"),
            {sheet: [("<f>2+3</f><v></v>", "<f>2+3</f><v>0</v>")]})
    # A text formula's empty result in a workbook to be recalculated: as unknown as the 0.
    patched(src, os.path.join(out, "xl_formula_text.xlsx"),
            {sheet: [('<c r="C2"><f>', '<c r="C2" t="str"><f>')]})
    patched(src, os.path.join(out, "xl_formula_calculated.xlsx"),
            {sheet: [("<f>2+3</f><v></v>", "<f>2+3</f><v>5</v>"),
                     ('<c r="A3"', '<c r="D3" t="str"><f>""</f><v></v></c><c r="A3"')],
             "xl/workbook.xml": [calc]})
    twin(os.path.join(out, "xl_formula_calculated.csv"),
         [["id", "purchase_share", "contacts", "note"], ["F1", "45", "5", ""], ["F2", "60", "2", ""]])


def wps_years(out):
    """A WPS report: a title merged across the top and frozen above the
    header, 采购占比 merged across two columns with the years 2025 and 2026
    in the row under it, shares as percentage cells (0.88 shown 88%), a
    hidden column. The twin is the CSV WPS saves: the merged cell's others
    empty."""
    wb = openpyxl.Workbook()
    ws = wb.active
    head = ["客户编号", "客户名称", "采购占比", "", "联系人数", "备注"]
    rows = [["客户采购占比表"], head, ["", "", "2025", "2026", "", ""]]
    ws.cell(row=1, column=1, value=rows[0][0])
    ws.merge_cells("A1:F1")
    for c, v in enumerate(head, 1):
        if v:
            ws.cell(row=2, column=c, value=v).font = Font(bold=True)
    ws.merge_cells("C2:D2")
    ws.cell(row=3, column=3, value=2025)
    ws.cell(row=3, column=4, value=2026)
    for r, (share_old, share, contacts) in enumerate([(0.63, 0.88, 9), (0.70, 0.35, 2), (0.10, 0.55, 4)], 4):
        ws.cell(row=r, column=1, value="K%03d" % (r - 3))
        ws.cell(row=r, column=2, value=["苏州精工", "宁波海天", "青岛远航"][r - 4])
        ws.cell(row=r, column=3, value=share_old).number_format = "0%"
        ws.cell(row=r, column=4, value=share).number_format = "0%"
        ws.cell(row=r, column=5, value=contacts)
        rows.append([ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value, pct_text(share_old),
                     pct_text(share), str(contacts), ""])
    ws.column_dimensions["F"].hidden = True
    ws.freeze_panes = "A4"
    wb.save(os.path.join(out, "xl_wps_years.xlsx"))
    twin(os.path.join(out, "xl_wps_years.csv"), rows)


def hidden(out):
    """A list filtered in Excel: an autofilter, rows 4 and 6 hidden (Excel
    stores filtered-out rows as hidden rows)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "name", "purchase_share"])
    for i in range(1, 7):
        ws.append(["H%d" % i, "Account %d" % i, 15 * i])
    ws.auto_filter.ref = "A1:C7"
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[6].hidden = True
    wb.save(os.path.join(out, "xl_hidden.xlsx"))


def year_as_date(out):
    """customer_since with years typed into cells formatted as dates: Excel
    stores 2019 as the number 2019 and shows it as the date of that serial,
    1905-07-11 (1909-07-12 in the 1904 date system); refused, never read as
    a relationship since 1905. A real date and a plain year beside them read."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    for name, epoch, shown in (("xl_year_as_date", None, ("1905-07-11", "1905-07-07")),
                               ("xl_year_as_date_1904", CALENDAR_MAC_1904, ("1909-07-12", "1909-07-08"))):
        wb = openpyxl.Workbook()
        if epoch is not None:
            wb.epoch = epoch
        ws = wb.active
        head = ["id", "name", "purchase_share", "customer_since"]
        ws.append(head)
        ws.append(["Y1", "Typed 2019", 60, 2019])
        ws.append(["Y2", "Typed 2015", 60, 2015])
        ws.append(["Y3", "A real date", 60, datetime.date(2019, 3, 1)])
        ws.append(["Y4", "A plain year", 60, 2015])
        for ref in ("D2", "D3", "D4"):
            ws[ref].number_format = "yyyy-mm-dd"
        wb.save(os.path.join(out, name + ".xlsx"))
        twin(os.path.join(out, name + ".csv"),
             [head, ["Y1", "Typed 2019", "60", shown[0]], ["Y2", "Typed 2015", "60", shown[1]],
              ["Y3", "A real date", "60", "2019-03-01"], ["Y4", "A plain year", "60", "2015"]])


def units(out):
    """Amounts under custom number formats that name a scale: 88 under
    #,##0"万元" shows 88万元 (880,000), read so, never as 88 beside yuan;
    ¥45万 and 100万元 around General; 0.006亿. A format that scales the
    number itself (#,##0,"千元": a comma after the digits; 0!.0000"万",
    yuan shown in 万 by a literal point) stores plain units: read as stored.
    "1.5M" (a million or a thousand) is refused, as in a CSV. The scale
    words headers name show too: 880 under #,##0" KEUR" is 880 KEUR
    (880,000); under #,##0" TEUR" 880 TEUR, refused as in a CSV (before,
    both were read as 880 beside 1,000,000: a share of 0.09, not 88)."""
    styles = styles_xml({164: '#,##0"万元"', 165: '#,##0"元"', 166: '#,##0,"千元"', 167: '0!.0000"万"',
                         168: '0.000"亿"', 169: '"¥"#,##0"万"', 170: 'General"万元"', 171: '0.0"M"',
                         172: '0"K"', 173: '#,##0" KEUR"', 174: '#,##0" TEUR"'},
                        [0, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174])
    head = ["id", "name", "our_sales", "customer_spend"]
    rows = [[inline("%s1" % chr(65 + i), h) for i, h in enumerate(head)]]
    cells = [("U1", "万元 beside 元", (88, 1), (2000000, 2)), ("U2", "千元 scaled", (1234567, 3), (2469134, 0)),
             ("U3", "万 by a point", (300000, 4), (0.006, 5)), ("U4", "¥ and General", (45, 6), (100, 7)),
             ("U5", "M refused", (1.5, 8), (3000000, 0)), ("U6", "K", (12, 9), (24000, 0)),
             ("U7", "KEUR", (880, 10), (1000000, 0)), ("U8", "TEUR refused", (880, 11), (1000000, 0))]
    for r, (id_, name, sales, spend) in enumerate(cells, 2):
        rows.append([inline("A%d" % r, id_), inline("B%d" % r, name), num("C%d" % r, sales[0], sales[1]),
                     num("D%d" % r, spend[0], spend[1])])
    package(os.path.join(out, "xl_units.xlsx"), [("Export", sheet_xml(rows), None)], {"styles": styles})
    twin(os.path.join(out, "xl_units.csv"),
         [head, ["U1", "万元 beside 元", "88万元", "2000000"], ["U2", "千元 scaled", "1234567", "2469134"],
          ["U3", "万 by a point", "300000", "0.006亿"], ["U4", "¥ and General", "¥45万", "100万元"],
          ["U5", "M refused", "1.5M", "3000000"], ["U6", "K", "12K", "24000"],
          ["U7", "KEUR", "880 KEUR", "1000000"], ["U8", "TEUR refused", "880 TEUR", "1000000"]])


def codes(out):
    """Customer codes typed as numbers into cells formatted 000000 (Excel
    stores 1001 and shows 001001, as the ERP writes the code and a CSV
    saved from the sheet keeps it) or "C"0000 (C0123): read as shown, so
    the id matches the other lists' (--previous, the CRM); a count under
    00 shows 03 and reads 3; 123456 under 000000 stays a number."""
    styles = styles_xml({164: "000000", 165: '"C"0000', 166: "00"}, [0, 164, 165, 166])
    head = ["id", "name", "purchase_share", "account_no", "contacts"]
    rows = [[inline("%s1" % chr(65 + i), h) for i, h in enumerate(head)]]
    for r, (code, name, share, acct, contacts) in enumerate(
            [(1001, "苏州精工", 60, 123, 3), (123456, "宁波海天", 35, 4567, 12), (7, "青岛远航", 85, 9, 1)], 2):
        rows.append([num("A%d" % r, code, 1), inline("B%d" % r, name), num("C%d" % r, share),
                     num("D%d" % r, acct, 2), num("E%d" % r, contacts, 3)])
    package(os.path.join(out, "xl_codes.xlsx"), [("Export", sheet_xml(rows), None)], {"styles": styles})
    twin(os.path.join(out, "xl_codes.csv"),
         [head, ["001001", "苏州精工", "60", "C0123", "03"], ["123456", "宁波海天", "35", "C4567", "12"],
          ["000007", "青岛远航", "85", "C0009", "01"]])


def damaged(out):
    """Workbooks relstage stops on, in English and Chinese: a sheet with no
    cells (beside another it could read), a sheet whose part the archive
    lacks or whose relationship is not there, a sheet whose XML is not
    well-formed (a row closed by another tag), and a cell naming a shared
    string the workbook does not have."""
    rows = [head_row()[:3], [inline("A2", "D1"), inline("B2", "Name"), num("C2", 45)]]
    package(os.path.join(out, "xl_empty_sheet.xlsx"),
            [("Export", sheet_xml([]), None), ("Accounts", sheet_xml(rows), None)])
    package(os.path.join(out, "xl_no_part.xlsx"), [("Export", sheet_xml(rows), None)],
            targets={1: "worksheets/gone.xml"})
    package(os.path.join(out, "xl_sheet_unlinked_src.xlsx"), [("Export", sheet_xml(rows), None)])
    patched(os.path.join(out, "xl_sheet_unlinked_src.xlsx"), os.path.join(out, "xl_sheet_unlinked.xlsx"),
            {"xl/_rels/workbook.xml.rels": [('Id="rId1"', 'Id="rId7"')]})
    patched(os.path.join(out, "xl_sheet_unlinked_src.xlsx"), os.path.join(out, "xl_bad_xml.xlsx"),
            {"xl/worksheets/sheet1.xml": [('</c></row><row r="2">', '</c></rows><row r="2">')]})
    sst = '<?xml version="1.0" encoding="UTF-8"?>\n<sst %s count="1" uniqueCount="1"><si><t>D1</t></si></sst>' % M
    package(os.path.join(out, "xl_shared_past.xlsx"),
            [("Export", sheet_xml([head_row()[:3], [("A2", "s", 0, "<v>5</v>"), inline("B2", "Name"),
                                                    num("C2", 45)]]), None)],
            parts={"sharedStrings": sst})


def currencies(out):
    """Amounts whose currency only the cell's number format shows: 1200
    under [$€-407]#,##0.00 is 1.200,00 € in the sheet; "$"#,##0, ¥#,##0
    (a bare ¥), [$¥-804], #,##0"元". Beside an amount in another currency
    the row is refused as its CSV twin (€1200 beside $5000) is, naming both.
    xl_currency_header: a header "Umsatz (EUR)" beside cells formatted in
    dollars (refused) or euros (read). xl_one_currency: amounts that share
    one format's currency read as plain numbers, 1.234 as the exact number
    it is (no decimal mark in the cell to doubt)."""
    codes = {164: '[$€-407]#,##0.00', 165: '"$"#,##0', 166: '[$¥-804]#,##0', 167: '¥#,##0',
             168: '#,##0"元"', 169: '#,##0.00 [$€-407]'}
    styles = styles_xml(codes, [0, 164, 165, 166, 167, 168, 169])
    head = ["id", "name", "our_sales", "customer_spend"]

    def book(name, header, cells):
        rows = [[inline("%s1" % chr(65 + i), h) for i, h in enumerate(header)]]
        for r, (id_, nm, sales, spend) in enumerate(cells, 2):
            rows.append([inline("A%d" % r, id_), inline("B%d" % r, nm), num("C%d" % r, sales[0], sales[1]),
                         num("D%d" % r, spend[0], spend[1])])
        package(os.path.join(out, name + ".xlsx"), [("Export", sheet_xml(rows), None)], {"styles": styles})

    book("xl_currencies", head,
         [("K1", "euros beside dollars", (1200, 1), (5000, 2)), ("K2", "yuan beside euros", (880, 3), (2000, 6)),
          ("K3", "bare yen sign beside dollars", (300, 4), (900, 2)), ("K4", "yuan word beside euros", (88000, 5), (1000, 1))])
    twin(os.path.join(out, "xl_currencies.csv"),
         [head, ["K1", "euros beside dollars", "€1200", "$5000"], ["K2", "yuan beside euros", "¥880", "€2000"],
          ["K3", "bare yen sign beside dollars", "¥300", "$900"], ["K4", "yuan word beside euros", "88000元", "€1000"]])
    book("xl_currency_header", ["id", "name", "Umsatz (EUR)", "customer_spend"],
         [("H1", "dollars under a euro header", (1200, 0), (5000, 2)), ("H2", "euros", (1200, 0), (5000, 1))])
    book("xl_one_currency", head,
         [("E1", "euros", (1.234, 1), (2.5, 6)), ("E2", "dollars", (1200, 2), (5000, 2)),
          ("E3", "plain beside dollars", (1200, 0), (5000, 2))])


def regions(out):
    """One list per region, each on a sheet with the same header, as Chinese
    workbooks keep them (华东, 华北), and a 说明 sheet that starts otherwise:
    the first is read and the other region is named, since its accounts are
    not in the output (before: left out in silence)."""
    def sheet(rows):
        return sheet_xml([[inline("%s%d" % (chr(65 + c), r), v) if isinstance(v, str)
                           else num("%s%d" % (chr(65 + c), r), v) for c, v in enumerate(row)]
                          for r, row in enumerate(rows, 1)])
    head = ["客户编号", "客户名称", "采购份额"]
    package(os.path.join(out, "xl_regions.xlsx"),
            [("华东", sheet([head, ["E1", "华东精工", 60], ["E2", "苏州远航", 85]]), None),
             ("华北", sheet([head, ["N1", "天津海河", 30], ["N2", "北京燕山", 90]]), None),
             ("说明", sheet([["本表由 CRM 导出"], ["按区域分表"]]), None)])


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    accounts(out)
    kingdee(out)
    multi(out)
    two_sheets(out)
    edge(out)
    formulas(out)
    wps_years(out)
    hidden(out)
    colours(out)
    dot_targets(out)
    escapes(out)
    excel_digits(out)
    long_ids(out)
    number_ids(out)
    iso_dates(out)
    unordered(out)
    sheets_shown(out)
    hidden_column(out)
    booleans(out)
    merged_rows(out)
    year_as_date(out)
    units(out)
    codes(out)
    damaged(out)
    currencies(out)
    regions(out)
