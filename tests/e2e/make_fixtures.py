#!/usr/bin/env python3
"""Writes relstage's derived test fixtures from the tables in this file.

    python3 tests/e2e/make_fixtures.py          # (re)write every fixture
    python3 tests/e2e/make_fixtures.py --check  # exit 1 if a file on disk differs

Outputs (paths relative to the repository root):
    data/sample.csv                         the demo export (about 40 accounts)
    tests/e2e/in/sample_expected_stages.csv the stage each sample row should get
    tests/e2e/in/accounts*.{csv,tsv,json,jsonl}  the same 12 accounts in 8 forms
    tests/e2e/in/accounts_expected.csv      id,stage for those 12 accounts
    tests/e2e/in/bad_*                      one malformed-input concern each
    tests/e2e/in/bad_expected.csv           the outcome each bad_* file must give
    tests/e2e/in/rest_*                     replies of CRM/ERP REST APIs (HubSpot, Salesforce, ...)

Deterministic (no clocks, no randomness, no dict-order surprises) and standard
library only, so anyone can regenerate the files and get the same bytes.
tests/e2e/in/README.md (hand-written) explains every fixture.
"""

import csv
import datetime
import io
import json
import os
import sys

import fixtures_exports

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
IN = "tests/e2e/in"

LEVEL_EN = {1: "staff", 2: "manager", 3: "director", 4: "executive"}
LEVEL_ZH = {1: "员工", 2: "经理", 3: "总监", 4: "高层"}


# ------------------------------------------------------------------ helpers

def num(v):
    """A number as a plain decimal string: 80 not 80.0, 49.9 not 4.99e1."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def csv_text(rows, delimiter=",", eol="\n"):
    """Rows -> CSV text, quoting only where needed (what Excel and most CRMs do)."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator=eol,
                   quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(["" if c is None else c for c in r])
    return out.getvalue()


# ------------------------------------------------------------ 1. the sample
#
# A CRM export of an industrial supplier (fasteners, bearings, hydraulics,
# motion parts) selling to manufacturers in China and abroad. The header mixes
# canonical names and built-in aliases (account_id, company, joint_venture,
# preferred_supplier); region and owner are pass-through columns.

SAMPLE_HEADER = [
    "account_id", "company", "purchase_share", "our_sales", "customer_spend",
    "contacts", "departments", "top_contact_level", "key_person",
    "relationship_years", "joint_projects", "exec_meetings",
    "strategic_agreement", "joint_venture", "preferred_supplier",
    "info_sharing", "region", "owner",
]

Y, N, U = "yes", "no", None  # U: left empty in the export = unknown
ST, MG, DI, EX = "staff", "manager", "director", "executive"

# (id, company, share, our_sales, customer_spend, contacts, departments, level,
#  key_person, years, joint_projects, exec_meetings, agreement, jv, preferred,
#  info_sharing, region, owner, expected_stage, reason)
SAMPLE = [
    # --- development: share 0
    ("C1001", "宁波恒拓精密机械有限公司", "0", "0", "3800000", "2", "1", MG, N, "0", "0", "0", N, N, N, N,
     "East China", "王磊", "development", "share exactly 0: not yet a supplier"),
    ("C1002", "Bergmann Antriebstechnik GmbH", "0", U, U, "1", "1", ST, N, "0", "0", "0", N, N, N, N,
     "Germany", "Emily Carter", "development", "share 0; amounts unknown"),
    ("C1003", "常州鼎力轴承有限公司", U, "0", "2600000", "3", "2", DI, Y, "0", "0", "1", N, N, N, N,
     "East China", "李娜", "development", "computed share 0/2600000 = 0; good contacts but no business yet"),
    ("C1004", "苏州新锐电子科技有限公司", "0", U, U, U, U, U, U, U, U, U, U, U, U, U,
     "East China", "王磊", "development", "share 0, everything else unknown"),
    ("C1005", "Siam Precision Parts Co., Ltd.", "0%", "0", "1500000", "1", "1", ST, N, "0", "0", "0", N, N, N, N,
     "Thailand", "Daniel Wu", "development", "share written 0% is 0"),
    # --- initial: 0 < share < 50
    ("C1006", "Great Lakes Stamping LLC", "5", "60000", "1200000", "1", "1", ST, N, "1", "0", "0", N, N, N, N,
     "USA", "Emily Carter", "initial", "small trial share, point-to-point contact"),
    ("C1007", "青岛海岳重工机械有限公司", "20", "900000", "4500000", "2", "2", MG, N, "2", "0", "0", N, N, N, N,
     "North China", "赵敏", "initial", "secondary supplier"),
    ("C1008", "Hanoi Metalworks JSC", "35.5", "355000", "1000000", "1", "1", ST, N, "3", "0", "0", N, N, N, N,
     "Vietnam", "Daniel Wu", "initial", "point-to-point contact at initial (single-threaded risk)"),
    ("C1009", "杭州精工液压有限公司", "49.9", "1497000", "3000000", "4", "2", MG, Y, "4", "1", "0", N, N, N, Y,
     "East China", "李娜", "initial", "share 49.9 is just below the stable threshold 50"),
    ("C1010", "Rheinland Fluidtechnik AG", "49.9%", "2495000", "5000000", "8", "4", EX, Y, "9", "3", "4", Y, N, Y, Y,
     "Germany", "Emily Carter", "initial", "share 49.9 with full strategic bonds is still initial: share leads"),
    ("C1011", "Ohio Valley Gear Works", U, "450000", "3000000", "2", "1", MG, N, "2", "0", "0", N, N, N, N,
     "USA", "Emily Carter", "initial", "computed share 450000/3000000 = 15"),
    ("C1012", "东莞宏图五金塑胶制品厂", U, "499000", "1000000", "2", "2", MG, N, "3", "0", "0", N, N, N, N,
     "South China", "陈晓东", "initial", "computed share 499000/1000000 = 49.9"),
    ("C1013", "Kraków Industrial Supply Sp. z o.o.", "0.5", "5000", "1000000", "1", "1", ST, N, "0", "0", "0", N, N, N, N,
     "Poland", "Daniel Wu", "initial", "share 0.5 is above 0"),
    ("C1014", 'Dongguan "Lucky Star" Hardware Factory', "28", "280000", "1000000", U, U, U, U, "2", U, U, U, U, U, U,
     "South China", "陈晓东", "initial", "name with double quotes; contact data unknown"),
    ("C1015", "合肥远航汽车零部件有限公司", "12", "360000", "3000000", "3", "2", MG, N, "1", "0", "0", N, N, N, N,
     "East China", "赵敏", "initial", "secondary supplier after a first order"),
    ("C1016", "Monterrey Troqueles, S.A. de C.V.", "3", "45000", "1500000", "1", "1", ST, N, "0", "0", "0", N, N, N, N,
     "Mexico", "Daniel Wu", "initial", "name with a comma; trial order"),
    # --- stable: 50 <= share < 80
    ("C1017", "沈阳北方机床附件有限公司", "50", "1500000", "3000000", "3", "2", MG, Y, "5", "0", "1", N, N, N, Y,
     "North China", "赵敏", "stable", "share exactly 50 is stable"),
    ("C1018", "Pacific Rim Fastening Corp.", "50%", "600000", "1200000", "1", "1", ST, N, "4", "0", "0", N, N, N, N,
     "USA", "Emily Carter", "stable", "share 50% with point-to-point contact (single-threaded risk)"),
    ("C1019", "武汉楚天电机制造有限公司", "62", "1860000", "3000000", "4", "3", DI, Y, "6", "1", "1", N, N, Y, Y,
     "Central China", "李娜", "stable", "main supplier"),
    ("C1020", "Nagoya Kikai Buhin K.K.", "79.9", "3196000", "4000000", "9", "5", EX, Y, "12", "3", "5", Y, N, Y, Y,
     "Japan", "Daniel Wu", "stable", "share 79.9 just below 80 despite full bonds: upgrade candidate"),
    ("C1021", "广州粤华精密模具有限公司", "72", "2160000", "3000000", "7", "4", DI, Y, "8", "2", "3", Y, N, N, Y,
     "South China", "陈晓东", "stable", "looks strategic (agreement, joint projects, director access) but share 72: upgrade candidate"),
    ("C1022", U, U, "1500000", "3000000", "2", "1", MG, N, "3", "0", "0", N, N, N, N,
     "East China", "王磊", "stable", "computed share 1500000/3000000 = 50; company name unknown"),
    ("C1023", "Scandia Hydraulik AB", "55", U, U, U, U, U, U, U, U, U, U, U, U, U,
     "Sweden", "Emily Carter", "stable", "share 55, every other field unknown"),
    ("C1024", 'Shanghai "Oriental" Bearings Co., Ltd.', "68", "2040000", "3000000", "3", "2", MG, Y, "7", "0", "1", N, N, Y, N,
     "East China", "王磊", "stable", "name with a comma and double quotes"),
    ("C1025", "天津滨海液压件厂", "79.9", "799000", "1000000", "1", "1", ST, N, "5", "0", "0", N, N, N, N,
     "North China", "赵敏", "stable", "share 79.9 with point-to-point contact"),
    # --- share >= 80 without structural bonds: still stable
    ("C1026", "Midwest Tractor Components Inc.", "80", "960000", "1200000", "1", "1", MG, N, "4", "0", "0", N, N, N, N,
     "USA", "Emily Carter", "stable", "share exactly 80 without bonds (one contact, no agreement)"),
    ("C1027", "佛山顺达精密铸造有限公司", "92", "2760000", "3000000", "1", "1", ST, N, "6", "0", "0", N, N, N, N,
     "South China", "陈晓东", "stable", "92% share but one staff contact, one department, no agreement: main supplier, not strategic"),
    ("C1028", "Iberia Bombas y Válvulas, S.L.", "100", "1800000", "1800000", "1", "1", ST, N, "3", "0", "0", N, N, Y, N,
     "Spain", "Daniel Wu", "stable", "sole (preferred) supplier with point-to-point contact and no agreement"),
    ("C1029", "重庆长江齿轮有限公司", "85", "4250000", "5000000", "6", "3", DI, Y, "5", "0", "0", N, N, N, N,
     "Southwest China", "李娜", "stable", "good contact depth but no agreement, equity tie, joint project or exec meeting"),
    ("C1030", "Dnipro Machine Parts LLC", "88", "880000", "1000000", "1", "1", MG, N, "2", "0", "0", Y, N, N, N,
     "Ukraine", "Emily Carter", "stable", "agreement on paper but one manager contact: no contact depth"),
    ("C1031", "无锡华达电机有限公司", "90", "2700000", "3000000", U, U, U, U, U, U, U, U, U, U, U,
     "East China", "王磊", "stable", "share 90 but every bond unknown: unknown is not evidence"),
    ("C1032", "Pune Auto Forgings Pvt. Ltd.", U, "4250000", "5000000", "1", "1", ST, N, "3", "0", "0", N, N, N, N,
     "India", "Daniel Wu", "stable", "computed share 4250000/5000000 = 85 without bonds"),
    # --- strategic: share >= 80 and structural bonds
    ("C1033", "Tokai Seimitsu Kogyo K.K.", "80", "2400000", "3000000", "8", "4", EX, Y, "10", "3", "4", Y, N, Y, Y,
     "Japan", "Daniel Wu", "strategic", "share exactly 80 with agreement, joint projects, executive contact"),
    ("C1034", "潍坊潍柴配套动力部件有限公司", "95", "9500000", "10000000", "12", "5", EX, Y, "11", "4", "6", Y, Y, Y, Y,
     "North China", "赵敏", "strategic", "joint venture, agreement, 12 contacts in 5 departments up to top management"),
    ("C1035", "Hansen & Berg Industrimaskiner AB", "100", "3500000", "3500000", "9", "5", EX, Y, "15", "5", "8", Y, Y, Y, Y,
     "Sweden", "Emily Carter", "strategic", "sole supplier with every bond"),
    ("C1036", "Detroit Precision Drives, Inc.", "86%", "5160000", "6000000", "7", "4", EX, Y, "8", "2", "3", Y, N, Y, Y,
     "USA", "Emily Carter", "strategic", "share written 86% with agreement and executive access"),
    ("C1037", "江苏恒力液压科技股份有限公司", U, "8800000", "10000000", "10", "5", EX, Y, "9", "3", "5", Y, N, Y, Y,
     "East China", "李娜", "strategic", "computed share 8800000/10000000 = 88 with full bonds"),
    ("C1038", "Bayern Antrieb Systeme GmbH", "82", "4100000", "5000000", "7", "4", EX, Y, "7", "3", "4", N, Y, N, Y,
     "Germany", "Emily Carter", "strategic", "joint venture and joint projects instead of a signed agreement"),
    ("C1039", "长沙中联智造装备有限公司", "90", "2700000", "3000000", "5", "3", DI, Y, "6", "2", "2", Y, N, N, Y,
     "Central China", "陈晓东", "strategic", "agreement, joint projects, 5 contacts in 3 departments, director level"),
    ("C1040", "Guadalajara Moldes Industriales, S.A.", "97", "2910000", "3000000", "8", "4", EX, Y, "10", "4", "4", Y, N, Y, U,
     "Mexico", "Daniel Wu", "strategic", "full bonds; info_sharing unknown does not block"),
]


def sample_files():
    rows = [SAMPLE_HEADER] + [list(r[:18]) for r in SAMPLE]
    exp = [["id", "expected_stage", "reason"]] + [[r[0], r[18], r[19]] for r in SAMPLE]
    return {
        "data/sample.csv": csv_text(rows).encode("utf-8"),
        IN + "/sample_expected_stages.csv": csv_text(exp).encode("utf-8"),
    }


# ---------------------------------------------- 2. the 12 interop accounts
#
# One table, typed; every format below is rendered from it. Shares are chosen
# so that 100 * our_sales / customer_spend gives the same double as the
# written share (checked in check_accounts), so the amounts-only form lands
# on the same boundaries.

ACC_FIELDS = [
    "id", "name", "purchase_share", "our_sales", "customer_spend", "contacts",
    "departments", "top_contact_level", "key_person", "relationship_years",
    "joint_projects", "exec_meetings", "strategic_agreement", "equity_tie",
    "exclusive", "info_sharing", "owner", "note",
]
ACC_ZH = [
    "客户编号", "客户名称", "采购份额", "我方销售额", "客户采购总额", "联系人数",
    "接触部门数", "最高接触层级", "关键人", "合作年限", "联合项目数", "高层会晤次数",
    "战略协议", "股权关系", "独家供应", "信息共享", "负责人", "备注",
]
BOOLS = {"key_person", "strategic_agreement", "equity_tie", "exclusive", "info_sharing"}
AMOUNTS = {"our_sales", "customer_spend"}
T, F = True, False

# (id, name, share, our_sales, spend, contacts, depts, level, key, years, jp,
#  em, agreement, equity, exclusive, info, owner, note, expected stage)
ACCOUNTS = [
    ("A01", "昆山德宏模具有限公司", 0, 0, 1200000, 1, 1, 1, F, 0, 0, 0, F, F, F, F,
     "王磊", "", "development"),
    ("A02", "Nordwerk Stanztechnik GmbH", 0, 0, 2000000, 4, 2, 4, T, 0, 0, 1, F, F, F, F,
     "Emily Carter", "Trial order expected in Q3, pending audit", "development"),
    ("A03", "Lakeside Fasteners, Inc.", 49.9, 998000, 2000000, 1, 1, 1, F, 2, 0, 0, F, F, F, F,
     "Daniel Wu", "", "initial"),
    ("A04", 'Precision "Star" Tooling Ltd.', 49.9, 499000, 1000000, 6, 3, 3, T, 5, 2, 3, T, F, F, T,
     "李娜", "", "initial"),
    ("A05", "佛山顺达精密铸造有限公司", 50, 1200000, 2400000, 2, 1, 2, None, None, None, None, None, None, None, None,
     "陈晓东", "", "stable"),
    ("A06", "Riverside Motion Systems Ltd.", 50, 1000000, 2000000, 7, 4, 4, T, 8, 3, 4, T, F, T, T,
     "Emily Carter", "Framework agreement signed 2021\nRenewal due next March", "stable"),
    ("A07", "天津北辰液压件厂", 79.9, 1598000, 2000000, 1, 1, 1, F, 3, 0, 0, F, F, F, F,
     "王磊", "", "stable"),
    ("A08", "Hansen & Berg Industrimaskiner AB", 79.9, 799000, 1000000, 8, 4, 4, T, 9, 2, 5, T, F, T, T,
     "Daniel Wu", "upgrade candidate", "stable"),
    ("A09", "重庆长江齿轮有限公司", 80, 960000, 1200000, 1, 1, 2, F, 4, 0, 0, F, F, F, F,
     "李娜", "", "stable"),
    ("A10", "Monterrey Autopartes, S.A. de C.V.", 80, 2400000, 3000000, 9, 5, 4, T, 11, 4, 6, T, F, T, T,
     "Emily Carter", "", "strategic"),
    ("A11", "无锡华达电机有限公司", 95, 5700000, 6000000, 1, 1, 1, F, 6, 0, 0, F, F, T, F,
     "陈晓东", "Sole supplier since the rival's plant closed", "stable"),
    ("A12", "Tokai Seimitsu Kogyo K.K.", 100, 3500000, 3500000, 12, 6, 4, T, 15, 5, 8, T, T, T, T,
     "Daniel Wu", "", "strategic"),
]


def acc_dicts():
    return [dict(zip(ACC_FIELDS, r[:18])) for r in ACCOUNTS]


def check_accounts():
    for a in acc_dicts():
        computed = 100.0 * a["our_sales"] / a["customer_spend"]
        if computed != float(a["purchase_share"]):
            raise SystemExit("%s: share %r but amounts give %r" % (a["id"], a["purchase_share"], computed))


def eu_money(v):
    """1200000 -> '€1.200.000,00' (decimal comma, '.' thousands)."""
    return "€" + "{:,}".format(int(v)).replace(",", ".") + ",00"


def eu_num(v):
    return num(v).replace(".", ",")


def render(a, field, style):
    """One cell of account `a` in a given export style."""
    v = a[field]
    if v is None:
        return ""
    if field == "top_contact_level":
        return (LEVEL_ZH if style == "zh" else LEVEL_EN)[v]
    if field in BOOLS:
        return {"zh": ("是", "否"), "tsv": ("TRUE", "FALSE")}.get(style, ("yes", "no"))[0 if v else 1]
    if field == "purchase_share":
        if style == "zh":
            return num(v) + "%"
        if style == "eu":
            return eu_num(v)
        if style == "amounts":
            return ""
        return num(v)
    if field in AMOUNTS:
        if style == "eu":
            return eu_money(v)
        if style == "amounts":
            return ("¥{:,}" if field == "our_sales" else "{:,.2f}").format(v)
        return num(v)
    return v if isinstance(v, str) else num(v)


def table(style, header):
    return [header] + [[render(a, f, style) for f in ACC_FIELDS] for a in acc_dicts()]


def json_obj(a):
    o = {}
    for f in ACC_FIELDS:
        v = a[f]
        if f == "top_contact_level" and v is not None:
            v = LEVEL_EN[v]
        if f == "note" and v == "":
            v = None
        o[f] = v
    return o


def account_files():
    check_accounts()
    zh = csv_text(table("zh", ACC_ZH), eol="\r\n")
    objs = [json_obj(a) for a in acc_dicts()]
    files = {
        "accounts.csv": csv_text(table("en", ACC_FIELDS)).encode("utf-8"),
        "accounts_excel_utf8.csv": b"\xef\xbb\xbf" + zh.encode("utf-8"),
        "accounts_gbk.csv": zh.encode("gbk"),
        "accounts_semicolon.csv": csv_text(table("eu", ACC_FIELDS), ";", "\r\n").encode("utf-8"),
        "accounts.tsv": csv_text(table("tsv", ACC_FIELDS), "\t", "\r\n").encode("utf-8"),
        "accounts_amounts.csv": csv_text(table("amounts", ACC_FIELDS)).encode("utf-8"),
        "accounts.json": (json.dumps(objs, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        "accounts.jsonl": "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode("utf-8"),
        # numeric ids a double cannot hold (2^53 or more): kept digit for digit
        "interop_json_big_ids.jsonl": "".join(
            '{"id": %s, "name": "%s", "purchase_share": %s}\n' % r for r in [
                ("123456789012345678", "Kingdee Export Row", "35"),
                ("9007199254740993", "Two Ids One Double A", "60"),
                ("9007199254740992", "Two Ids One Double B", "60"),
                ("-12345678901234567891", "Negative Id Co.", "85.5")]).encode("utf-8"),
        "accounts_expected.csv": csv_text([["id", "stage"]] + [[r[0], r[18]] for r in ACCOUNTS]).encode("utf-8"),
    }
    return {IN + "/" + k: v for k, v in files.items()}


# ------------------------------------------------- 3. bad-input fixtures
#
# Each file: a few good rows around one kind of damage. bad_expected.csv
# records, per file: the exit code, how many rows are classified and
# rejected, the physical lines rejected (header = line 1; for a JSON array,
# the element index) and what the message must be about.

BAD_HEADER = "id,name,purchase_share,our_sales,customer_spend,contacts,departments,top_contact_level,key_person,strategic_agreement"
G = {  # good rows, by stage
    "dev": "G01,Harbor Tooling Co.,0,0,900000,1,1,staff,no,no",
    "ini": "G02,北京精诚机电设备有限公司,30,300000,1000000,2,1,manager,no,no",
    "sta": "G03,Alpine Gearboxes AG,60,600000,1000000,3,2,director,yes,no",
    "ini2": "G04,Saigon Plastics Molding Co.,45,450000,1000000,1,1,staff,no,no",
}


def lines(*rows, eol="\n", final=True):
    text = eol.join(rows)
    return (text + eol) if final else text


# (file, content, exit, classified, rejected, rejected lines, reason)
def bad_fixtures():
    d, i, s, i2 = G["dev"], G["ini"], G["sta"], G["ini2"]
    h = BAD_HEADER
    jl_h = ["id", "name", "purchase_share", "contacts", "top_contact_level", "strategic_agreement"]

    def jl(*vals):
        return json.dumps(dict(zip(jl_h, vals)), ensure_ascii=False)

    bad = [
        ("bad_missing_id.csv",
         lines(h, d, i, ",No Id Trading Co.,40,400000,1000000,1,1,staff,no,no",
               "   ,Blank Id Metals Ltd.,40,400000,1000000,1,1,staff,no,no", s),
         1, 3, 2, "4 5", "missing id (empty or blank)"),
        ("bad_share_text.csv",
         lines(h, d, "B01,Textual Share Corp.,abc,,,1,1,staff,no,no", i, s),
         1, 3, 1, "3", 'purchase_share "abc" is not a number'),
        ("bad_share_over_100.csv",
         lines(h, d, "B01,Overshare Industries,120,,,1,1,staff,no,no",
               "B02,Just Over Ltd.,100.1,,,1,1,staff,no,no", i, s),
         1, 3, 2, "3 4", "share outside 0-100"),
        ("bad_share_negative.csv",
         lines(h, d, "B01,Negative Share GmbH,-5,,,1,1,staff,no,no",
               "B02,Slightly Negative Co.,-0.1,,,1,1,staff,no,no", i, s),
         1, 3, 2, "3 4", "share outside 0-100"),
        ("bad_sales_over_spend.csv",
         lines(h, d, "B01,Overbooked Castings Ltd.,,1200000,1000000,2,1,manager,no,no",
               "B02,Contradictory Data Inc.,40,1200000,1000000,2,1,manager,no,no", i, s),
         1, 3, 2, "3 4", "our_sales above customer_spend"),
        ("bad_level_word.csv",
         lines(h, d, "B01,Bossy Motors Inc.,30,300000,1000000,2,1,boss,no,no", i, s),
         1, 3, 1, "3", 'top_contact_level "boss" is not a level'),
        ("bad_bool_word.csv",
         lines(h, d, "B01,Undecided Valves Co.,30,300000,1000000,2,1,manager,maybe,no", i, s),
         1, 3, 1, "3", 'key_person "maybe" is not yes/no'),
        ("bad_fewer_fields.csv",
         lines(h, d, "B01,Truncated Row Ltd.,30,300000", i, s),
         1, 3, 1, "3", "4 fields where the header has 10"),
        ("bad_more_fields.csv",
         lines(h, d, "B01,Acme Tools, Inc.,30,300000,1000000,2,1,manager,no,no", i, s),
         1, 3, 1, "3", "11 fields where the header has 10 (an unquoted comma in the name)"),
        ("bad_unterminated_quote.csv",
         lines(h, d, i, s, 'B01,"Unclosed Name Ltd.,30,300000,1000000,2,1,manager,no,no', final=False),
         1, 3, 1, "5", "unterminated quote (record starts at line 5)"),
        ("bad_stray_quote.csv",
         lines(h, d, 'B01,Acme 5" Pipe Fittings,30,300000,1000000,2,1,manager,no,no', i, s, i2),
         1, 4, 1, "3", "stray quote in an unquoted field"),
        ("bad_no_share_column.csv",
         lines("id,name,contacts,departments,top_contact_level",
               "G01,Harbor Tooling Co.,1,1,staff", "G02,Alpine Gearboxes AG,3,2,director"),
         2, "", "", "", "no share column: message lists purchase_share and its aliases, or our_sales with customer_spend"),
        ("bad_no_share_sales_only.csv",
         lines("id,name,our_sales,contacts", "G01,Harbor Tooling Co.,0,1", "G03,Alpine Gearboxes AG,600000,3"),
         2, "", "", "", "our_sales without customer_spend gives no share: same message as no share column"),
        ("bad_duplicate_header.csv",
         lines("id,name,purchase_share,contacts,contacts", "G01,Harbor Tooling Co.,0,1,1",
               "G03,Alpine Gearboxes AG,60,3,3"),
         2, "", "", "", 'duplicate header "contacts" (columns 4 and 5)'),
        ("bad_duplicate_alias.csv",
         lines("id,name,share,purchase_share", "G01,Harbor Tooling Co.,0,0", "G03,Alpine Gearboxes AG,60,60"),
         2, "", "", "", "two columns (share, purchase_share) give the same field purchase_share"),
        ("bad_empty_header_cell.csv",
         lines("id,name,purchase_share,,region", "G01,Harbor Tooling Co.,0,x,USA",
               "G03,Alpine Gearboxes AG,60,y,Switzerland"),
         0, 2, 0, "", 'an unnamed column passes through like any other (CSV keeps the empty header cell, JSON gets a "" key)'),
        ("bad_nul_byte.csv",
         lines(h, d, "B01,Null\0Byte Tools Ltd.,30,300000,1000000,2,1,manager,no,no", i, s),
         1, 3, 1, "3", "NUL byte in a field"),
        ("bad_formula_names.csv",
         lines(BAD_HEADER + ",note",
               'F01,"=HYPERLINK(""http://x"",""click"")",30,300000,1000000,2,1,manager,no,no,',
               "F02,+SUM(1),60,600000,1000000,3,2,director,yes,no,",
               "F03,-cmd,0,0,900000,1,1,staff,no,no,",
               "F04,@x,45,450000,1000000,1,1,staff,no,no,-40",
               "F05,Plain Name Industries,60,600000,1000000,3,2,director,yes,no,+5"),
         0, 5, 0, "", "all valid; name cells neutralised in CSV/TSV output, note -40 and +5 (plain numbers) unchanged"),
        ("bad_numbers.csv",
         lines(h, d, "B01,Huge Exponent Ltd.,1e400,,,1,1,staff,no,no",
               "B02,Not A Number Inc.,NaN,,,1,1,staff,no,no",
               "B03,Infinite Corp.,inf,,,1,1,staff,no,no",
               "B04,Negative Zero GmbH,-0,,,1,1,staff,no,no", i),
         1, 3, 3, "3 4 5", "1e400 overflows, NaN and inf are not numbers; -0 is 0 (development)"),
        ("bad_jsonl_invalid_line.jsonl",
         lines(jl("J01", "Harbor Tooling Co.", 0, 1, "staff", False),
               jl("J02", "北京精诚机电设备有限公司", 30, 2, "manager", False),
               '{"id": "J03", "name": "Broken Syntax Ltd.", "purchase_share": }',
               jl("J04", "Alpine Gearboxes AG", 60, 3, "director", False),
               '{"id": "J05", "name": "Cut Off Inc.", "purchase_share": 20', final=False),
         1, 3, 2, "3 5", "invalid JSON on the line (line 5: truncated at end of file)"),
        ("bad_jsonl_extra_key.jsonl",
         lines(jl("J01", "Harbor Tooling Co.", 0, 1, "staff", False),
               jl("J02", "北京精诚机电设备有限公司", 30, 2, "manager", False),
               '{"id": "J03", "name": "Extra Key Ltd.", "purchase_share": 40, "contacts": 1, '
               '"top_contact_level": "staff", "strategic_agreement": false, "fax": "+86 21 5555 0000"}',
               jl("J04", "Alpine Gearboxes AG", 60, 3, "director", False)),
         0, 4, 0, "", 'key "fax" that the first record lacks is a column: the keys of the first 1000 lines are'),
        ("bad_numbers.jsonl",
         lines(jl("J01", "Harbor Tooling Co.", 0, 1, "staff", False),
               '{"id": "J02", "name": "Huge Exponent Ltd.", "purchase_share": 1e400, "contacts": 1, '
               '"top_contact_level": "staff", "strategic_agreement": false}',
               '{"id": "J03", "name": "Bare NaN Inc.", "purchase_share": NaN, "contacts": 1, '
               '"top_contact_level": "staff", "strategic_agreement": false}',
               '{"id": "J04", "name": "String NaN Inc.", "purchase_share": "NaN", "contacts": 1, '
               '"top_contact_level": "staff", "strategic_agreement": false}',
               '{"id": "J05", "name": "Negative Zero GmbH", "purchase_share": -0, "contacts": 1, '
               '"top_contact_level": "staff", "strategic_agreement": false}',
               jl("J06", "Alpine Gearboxes AG", 60, 3, "director", False)),
         1, 3, 3, "2 3 4", "1e400 overflows (cJSON makes it inf), bare NaN is invalid JSON, \"NaN\" is not a number; -0 is 0"),
        ("bad_numbers.json",
         "[\n"
         '  {"id": "J01", "name": "Harbor Tooling Co.", "purchase_share": 0},\n'
         '  {"id": "J02", "name": "Huge Exponent Ltd.", "purchase_share": 1e400},\n'
         '  {"id": "J03", "name": "Negative Zero GmbH", "purchase_share": -0},\n'
         '  {"id": "J04", "name": "Alpine Gearboxes AG", "purchase_share": 60}\n'
         "]\n",
         1, 3, 1, "3", "element [1] (line 3): 1e400 overflows; -0 is 0 (development)"),
        ("bad_jsonl_text.jsonl",
         lines(jl("J01", "Harbor Tooling Co.", 0, 1, "staff", False),
               '{"id": "J02", "name": "Bad Escape \\u12G4 Ltd.", "purchase_share": 30}',
               jl("J03", "Raw Nul After Co.", 30, 1, "staff", False) + "\0",
               '{"id": "J04", "name": "Escaped Nul \\u0000 Inc.", "purchase_share": 30}',
               '{"id": "J05", "name": "Raw Nul\0Inside GmbH", "purchase_share": 30}',
               jl("J06", "Alpine Gearboxes AG", 60, 3, "director", False)),
         1, 2, 4, "2 3 4 5", "each its own reason: invalid \\u escape, raw NUL (after the object, inside a string), \\u0000"),
        ("bad_jsonl_all_u0000.jsonl",
         lines('{"id": "J01\\u0000", "name": "Harbor Tooling Co.", "purchase_share": 0}',
               '{"id": "J02", "name": "Alpine\\u0000Gearboxes AG", "purchase_share": 60}'),
         1, 0, 2, "1 2", "every line holds \\u0000: each is a rejected row, the run goes on"),
        ("bad_json_all_u0000.json",
         "[\n"
         '  {"id": "J01\\u0000", "name": "Harbor Tooling Co.", "purchase_share": 0},\n'
         '  {"id": "J02", "name": "Alpine\\u0000Gearboxes AG", "purchase_share": 60}\n'
         "]\n",
         1, 0, 2, "2 3", "every element holds \\u0000: each is a rejected row, the run goes on"),
        ("bad_json_nan.json",
         "[\n"
         '  {"id": "J01", "name": "Harbor Tooling Co.", "purchase_share": 0},\n'
         '  {"id": "J02", "name": "Bare NaN Inc.", "purchase_share": NaN}\n'
         "]\n",
         2, "", "", "", "invalid JSON at line 3 (a JSON array is read whole)"),
        ("bad_json_top_object.json",
         '{"accounts": [\n'
         '  {"id": "J01", "name": "Harbor Tooling Co.", "purchase_share": 0},\n'
         '  {"id": "J02", "name": "Alpine Gearboxes AG", "purchase_share": 60}\n'
         "]}\n",
         0, 2, 0, "", "an object wrapping one array of objects is read as that array"),
        ("zh_every_reject.csv",
         lines("id,name,purchase_share,our_sales,customer_spend,contacts,top_contact_level,key_person,"
               "relationship_years,customer_since",
               "G01,Harbor Tooling Co.,30,,,2,manager,no,3,",
               ",No Id Co.,30,,,2,manager,no,3,",
               "1.23457E+17,Sci Id Ltd.,30,,,2,manager,no,3,",
               "#N/A,Lookup Failed Co.,30,,,2,manager,no,3,",
               "R05,Text Share Co.,abc,,,2,manager,no,3,",
               "R06,Failed Formula Co.,#DIV/0!,,,2,manager,no,3,",
               "R07,Overshare Co.,120,,,2,manager,no,3,",
               "R08,Negative Contacts Co.,30,,,-1,manager,no,3,",
               "R09,Half A Contact Co.,30,,,2.5,manager,no,3,",
               "R10,Bossy Motors Inc.,30,,,2,boss,no,3,",
               "R11,Undecided Valves Co.,30,,,2,manager,maybe,3,",
               "R12,Year Not Years Co.,30,,,2,manager,no,2015,",
               "R13,Future Customer Co.,30,,,2,manager,no,,2030",
               "R14,Two Currencies Co.,,USD 1000,EUR 2000,2,manager,no,3,",
               "R15,No Share Co.,,,,2,manager,no,3,",
               "R16,Once Per Contact Co.,30,,,2,manager,no,3,",
               "R16,Once Per Contact Co.,30,,,2,manager,no,3,",
               "R18,Short Row Co.,30",
               'R19,Acme 5" Pipe Co.,30,,,2,manager,no,3,',
               "R20,Many Problems Co.,abc,,,x,boss,maybe,3,",
               "R21,Narrow Column Co.,,8.8E+05,1000000,2,manager,no,3,"),
         1, 2, 19, "3 4 5 6 7 8 9 10 11 12 13 14 15 16 18 19 20 21 22",
         "every kind of reject a CSV row can get, one a row (line 21: several); "
         "--lang zh words each in Chinese"),
    ]
    files = {}
    for name, content, *_ in bad:
        files[IN + "/" + name] = content.encode("utf-8")
    # Byte-level damage that cannot be written as str. The UTF-8 names on
    # lines 2-3 are chosen so that their bytes are also valid GB18030: a
    # reader that sniffs the whole file, finds it is not UTF-8 and falls back
    # to GB18030 turns them into mojibake without any error. Only a reader
    # that trusts the valid UTF-8 it has already seen gets them right.
    good = lines(h, "U01,上海恒力轴承有限公司,30,300000,1000000,2,1,manager,no,no",
                 "U02,深圳精密五金有限公司,60,600000,1000000,3,2,director,yes,no").encode("utf-8")
    tail = lines("U04,Alpine Gearboxes AG,45,450000,1000000,1,1,staff,no,no").encode("utf-8")
    files[IN + "/bad_invalid_utf8.csv"] = (
        good + b"U03,Broken \xff\xfe Bytes Ltd.,30,300000,1000000,1,1,staff,no,no\n" + tail)
    files[IN + "/bad_mixed_encoding.csv"] = (
        good + b"U03," + "杭州华东机械厂".encode("gbk") + b",30,300000,1000000,1,1,staff,no,no\n" + tail)
    bad.append(("bad_invalid_utf8.csv", None, 1, 3, 1, "4",
                "invalid UTF-8 (bytes FF FE, invalid in GB18030 too) at line 4; lines 2-3 keep their Chinese names"))
    bad.append(("bad_mixed_encoding.csv", None, 1, 3, 1, "4",
                "GBK bytes in a UTF-8 file at line 4; lines 2-3 keep their Chinese names, never mojibake"))
    # the header's errors under --lang zh: a forced header row that does not
    # parse, and a title row (two cells, one name) over a file with no header
    files[IN + "/intake_header_row_quote.csv"] = lines('a,"b"x,c', "id,purchase_share", "1,50").encode("utf-8")
    files[IN + "/intake_title_twins.csv"] = lines("Report,Report", "foo,bar,baz", "1,2,3", "4,5,6").encode("utf-8")
    exp = [["file", "exit", "classified", "rejected", "rejected_lines", "reason"]]
    exp += [[b[0], str(b[2]), str(b[3]), str(b[4]), b[5], b[6]] for b in bad]
    files[IN + "/bad_expected.csv"] = csv_text(exp).encode("utf-8")
    return files


# ------------------------------------------------- values as exports write them

def values_fixtures():
    """Issue 14: numbers, fractions, years, words and encodings as real exports
    write them. Each file is explained in tests/e2e/in/README.md."""
    f = {}
    # A CRM report exported with ';' between cells and '.' decimals.
    f["values_semicolon_dot.csv"] = lines(
        "Account ID;Account Name;Share of Wallet;Revenue;Total Purchases;Contacts;Contact Level;Decision Maker;Years",
        "001A000001;Acme Industrial Supply;12.5;125000.00;1000000.00;3;Purchasing Manager;No;4",
        "001A000002;Globex Corporation;85.0;850000.00;1000000.00;9;VP of Operations;Yes;12",
        "001A000003;Initech LLC;50.000;1.234;2.468;2;Buyer;No;1",
        "001A000004;Umbrella Corp;0.0;0;500000.00;1;Individual Contributor;No;0",
        eol="\r\n").encode("utf-8")
    # German Excel, "CSV UTF-8": BOM, ';', decimal comma, '.' thousands.
    f["values_semicolon_comma.csv"] = b"\xef\xbb\xbf" + lines(
        "Kundennummer;Firma;Anteil;Umsatz;Einkaufsvolumen;Kontakte;Ebene;Entscheider;Kunde seit",
        "K-1001;Müller Präzisionstechnik GmbH;45,5;1.250.000,00;2.750.000,00;4;Geschäftsführung;Ja;2015",
        "K-1002;Bäckerei Schröder & Söhne KG;12,5;50.000;400.000;2;Einkäufer;Nein;01.03.2021",
        "K-1003;Weber Logistik AG;80;800.000;1.000.000;7;Leiter Einkauf;ja;2010",
        "K-1004;Schmidt & Partner;50.000;500.000;1.000.000;2;Sachbearbeiterin;nein;2020-06-30",
        eol="\r\n").encode("utf-8")
    # A HubSpot-style export whose share is a fraction of 1.
    f["values_fractions.csv"] = lines(
        "Record ID,Company name,Share of wallet,Annual revenue,Total purchases",
        "101,Acme,0.85,,",
        "102,Globex,0.62,,",
        "103,Initech,1,,",
        "104,Hooli,0.05,50000,100000",
        "105,Pied Piper,0,,").encode("utf-8")
    # The same with one percentage among the fractions: nothing is x100, but it is said.
    f["values_fractions_mixed.csv"] = lines(
        "Record ID,Company name,Share of wallet",
        "101,Acme,0.85",
        "102,Globex,0.62",
        "106,Soylent,85").encode("utf-8")
    # German Excel, plain "CSV (Trennzeichen-getrennt)": Windows-1252, CRLF.
    f["values_de_cp1252.csv"] = lines(
        "Kundennummer;Firma;Anteil;Umsatz;Einkaufsvolumen;Ansprechpartner;Höchste Ebene;Entscheider;Rahmenvertrag",
        "10001;Müller Präzisionstechnik GmbH;45,5;1.250.000,00;2.750.000,00;4;Geschäftsführer;Ja;Nein",
        "10002;Größenwahn Maschinenbau AG;82;820.000,00;1.000.000,00;7;Leiterin Einkauf;ja;ja",
        "10003;Bäckerei Schröder & Söhne KG;12;50.000;400.000;2;Einkäufer;Nein;",
        "10004;Zürcher Kältetechnik Österreich GesmbH;0;0;150.000;1;Sachbearbeiter;nein;nein",
        eol="\r\n").encode("cp1252")
    # A Taiwanese CRM export: Big5, traditional Chinese.
    f["values_big5.csv"] = lines(
        "客戶編號,客戶名稱,採購份額,聯繫人數,最高接觸層級,關鍵人,戰略協議",
        "T001,台北精密機械股份有限公司,65,5,總經理,是,未簽署",
        "T002,高雄貿易有限公司,30,2,採購經理,否,未簽署",
        "T003,陳大文電子工業,85,8,董事長,是,已簽署",
        "T004,新竹半導體材料,0,1,專員,否,",
        eol="\r\n").encode("big5")
    # Every kind of word a person writes, and three that stay refused.
    f["values_words.csv"] = lines(
        "id,purchase_share,top_contact_level,key_person,strategic_agreement,contacts,relationship_years,our_sales,customer_spend",
        "W01,60,VP of Sales,Ja,已签署,８,3 years,,",
        "W02,60,Head of Purchasing,oui,未签署,5人,3年,,",
        "W03,60,采购经理,sí,有协议,2 个,,,",
        "W04,60,Individual Contributor,はい,无协议,1,,,",
        "W05,60,副总经理,✓,☑,3,,,",
        "W06,60,董事长,✔,✗,3,,,",
        "W07,60,主管,√,×,3,,,",
        "W08,60,Geschäftsführung,nein,☐,3,,,",
        "W09,60,采购员,いいえ,non,3,,,",
        "W10,60,Supervisor,no,NEIN,3,,,",
        "W11,６０％,CFO,Yes,已签订,3,,USD 1000.00,USD 1500.00",
        "W12,,Director of Operations,No,,3,,\"1 250 000,00 €\",\"2 500 000,00 €\"",
        "W13,,Manager of Procurement,,,3,,1'250'000,2'500'000",
        "W14,60,Owner,x,,3,,,",
        "W15,60,Product Owner,yes,,3,,,",
        "W16,60,manager,未知,,3,,,").encode("utf-8")
    # Ticks as a phone types them (with U+FE0F), SAP's trailing minus and
    # accounting's parentheses, also after a currency ("$ (1,200)"), and a
    # minus apart ("- 1200"), △ and ▲: a negative number, never "unexpected
    # characters", "thousands groups" nor a positive one.
    f["values_ticks_signs.csv"] = lines(
        "id,purchase_share,key_person,strategic_agreement,our_sales,customer_spend,contacts",
        "P01,60,\u2714\ufe0f,\u2611\ufe0f,,,3",
        "P02,60,\u2716\ufe0f,\u2716,,,3",
        "P03,,yes,no,\"1.234,50-\",\"10.000,00\",3",
        "P04,40,yes,no,,,2-",
        "P05,,yes,no,\"(1,234.50)\",\"10,000.00\",3",
        "P06,,yes,no,\"$ (1,200.00)\",\"10,000.00\",3", "P07,,yes,no,- 1200,10000,3",
        # Kingdee's and Yonyou's minus, △ or ▲: negative, not "unexpected characters"
        "P08,,yes,no,\"\u25b31,234.56\",\"10,000.00\",3", "P09,\u25b312,yes,no,,,3",
        "P10,60,yes,no,,,\u25b22",
        # accounting's parentheses full-width, as Yonyou writes them
        "P11,,yes,no,\"\uff081,234.56\uff09\",\"10,000.00\",3").encode("utf-8")
    # "None yet" and "not yet" as Chinese sheets write them: no; 暂未定 refused.
    f["values_not_yet.csv"] = lines(
        "id,purchase_share,strategic_agreement",
        *["N%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["暂无", "尚无", "还没有", "尚未签署", "暂未签订", "还未签", "暂未定"])]).encode("utf-8")
    # A table saved by pandas: a column of numbers with gaps is float, so
    # 0/1 flags are 1.0 and 0.0, years 2019.0, counts 3.0.
    f["values_pandas.csv"] = lines(
        "id,purchase_share,contacts,key_person,strategic_agreement,customer_since",
        "D01,60.0,3.0,1.0,0.0,2019.0",
        "D02,45.5,,0.0,,",
        "D03,85.0,6.0,1.0,1.00,2015.0",
        "D04,30.0,2.0,2.0,0.5,2019.5").encode("utf-8")
    # Formulas that failed, as a sheet saved to CSV shows them: named so
    # (German Excel's #NV too); amounts a narrow column showed as 8.8E+05
    # lost their digits: rejected, not scored as 880000 of 1000000.
    f["values_sheet_errors.csv"] = lines(
        "id,purchase_share,our_sales,customer_spend,contacts",
        "F01,#DIV/0!,,,3",
        "F02,,100,#N/A,3",
        "F03,50,,,#VALUE!",
        "#NV,60,,,3",
        "F05,,8.8E+05,1.0E+06,3",
        "F06,,880000,1000000,3").encode("utf-8")
    # Every amount so, under built-in names: each row rejected saying why,
    # not a stop blaming the column ("was taken as our_sales ...").
    f["values_sci_amounts.csv"] = lines(
        "Account ID,Revenue,Total Purchases,contacts",
        "G01,8.8E+05,1.0E+06,3", "G02,1.2E+05,1.0E+06,3", "G03,5E+05,1E+06,2",
        # German Excel's, with its decimal comma
        "G04,\"8,8E+05\",1000000,3").encode("utf-8")
    # A TAB export whose amounts never show their decimal mark ("880.000":
    # 880000 where ',' is the decimal mark, 880 where '.' is) and nothing
    # else in it does: relstage stops and asks (--decimal-mark). The share
    # would be 1000 times off beside a plain "1000000".
    rows = [("A1", "880.000", "950.000", "9"), ("A2", "620.000", "1000000", "3"),
            ("A3", "1.200", "35.000", "2")]
    f["values_tab_no_mark.txt"] = lines(
        "Account ID\tRevenue\tTotal Purchases\tContacts", *["\t".join(r) for r in rows]).encode("utf-8")
    # A ','-separated file (Google Sheets in German) whose German headers
    # say a decimal comma while its delimiter says a point: asked.
    f["values_comma_german.csv"] = lines(
        "Kundennummer,Umsatz,Einkaufsvolumen", "K1,880.000,1000000", "K2,1.200,35.000").encode("utf-8")
    # JSON whose amounts are strings that never show the mark: asked too;
    # a string that shows it ("12,5") decides.
    f["values_json_no_mark.json"] = json.dumps(
        [{"id": "J1", "our_sales": "880.000", "customer_spend": "1000000"}]).encode("utf-8")
    f["values_json_mark.json"] = json.dumps(
        [{"id": "J1", "our_sales": "880.000", "customer_spend": "1000000", "discount": "12,5"}]).encode("utf-8")
    # The same as an SAP list saved as "Text with Tabs": its German headers
    # (Umsatz) say a decimal comma; read so, and said. With a date column
    # written 15.06.2019, the dates say it.
    sap_h = "\tDebitor\tName 1\tUmsatz\tEinkaufsvolumen\tAnzahl Kontakte"
    sap = ["\t0000100234\tAcme Industrial\t880.000\t950.000\t9",
           "\t0000100235\tBergmann Pumpen GmbH\t620.000\t1000000\t3",
           "\t0000100236\tCobalt Logistics\t1.200\t35.000\t2"]
    f["values_sap_no_mark.txt"] = lines(sap_h, *sap, eol="\r\n").encode("cp1252")
    f["values_sap_dates.txt"] = lines(
        sap_h + "\tKunde seit", *[r + "\t15.06.2019" for r in sap], eol="\r\n").encode("cp1252")
    # Prices as German and Swiss lists write them, without cents ("1.200,-",
    # "1'200.-": not SAP's trailing minus), and a Chinese full-width "１，２００"
    # (a thousands group: Chinese has a decimal point) and "１．２００" (1.2, a
    # full-width point) in a ';' file; scale
    # words (Mio., Tsd.: exact) and "M" (refused: a thousand or a million).
    f["values_price_shapes.csv"] = lines(
        "Kundennummer;Umsatz;Einkaufsvolumen",
        "P01;1.200,-;2.400,-", "P02;1'200.-;4'800.-", "P03;EUR 600,-;2.400,- €",
        "P04;\uff11\uff0c\uff12\uff10\uff10;12000", "P05;1.200,50-;2.400,00",
        "P06;1,2 Mio. \u20ac;4,8 Mio. \u20ac", "P07;300 Tsd.;1,2 Mio.", "P08;1.2M;4.8M",
        "P09;\uff11\uff0e\uff12\uff10\uff10;12").encode("utf-8")
    # Amounts with a currency mark in a ';' file: the delimiter says a decimal
    # comma, but "¥1,200" seldom has three decimals; nothing else shows the
    # mark: asked (exit 2), not read as 1.2.
    f["values_currency_mark.csv"] = lines(
        "Account ID;Revenue;Total Purchases",
        "C01;\u00a51,200;10000", "C02;1,200 \u5143;20000", "C03;$1,500;30000").encode("utf-8")
    # A finance export's amounts in thousands, "($000)", beside plain dollars:
    # the share would be 1,000 times too small: stopped at the header.
    f["values_units_thousands.csv"] = lines(
        "Account ID,Revenue ($000),Total Purchases ($)", "T01,50,100000").encode("utf-8")
    # A share in per mille: 88 is 8.8%, not 88%: stopped at the header.
    f["values_share_permille.csv"] = lines(
        "客户编号,采购份额（\u2030）", "P01,88").encode("utf-8")
    # India's lakh and crore groups, rupee signs and codes.
    f["values_indian.csv"] = lines(
        "Account ID,Our Sales,Customer Spend",
        'I01,"\u20b912,34,567","\u20b924,69,134"', 'I02,"Rs. 1,20,000","4,80,000 INR"',
        'I03,"1,2,000","4,80,000"', 'I04,"USD 1,20,000","4,80,000 INR"').encode("utf-8")
    # JSON numbers are exact: 1.234 is one and a quarter-ish, never "1234 or
    # 1.234"; no decimal-mark note (one came, cut at its NUL: "read as 0: '").
    f["values_json_exact.json"] = (
        '[{"id": "J1", "our_sales": 1.234, "customer_spend": 2.5},\n'
        ' {"id": "J2", "our_sales": 50.000, "customer_spend": 100}]\n').encode("utf-8")
    # Currencies by their Chinese names: 美元 is US dollars, not the 元 of
    # yuan, so 1200美元 beside ¥5000 is refused; 欧元 beside €, 港币 beside
    # HK$, 人民币 beside ¥ and 88万美元 beside 200万美元 are one currency.
    f["values_currency_names.csv"] = lines(
        "\u5ba2\u6237\u7f16\u53f7,\u6211\u65b9\u9500\u552e\u989d,\u5ba2\u6237\u91c7\u8d2d\u603b\u989d",
        "N01,1200\u7f8e\u5143,\u00a55000", "N02,100\u6b27\u5143,\u20ac500",
        "N03,100\u6e2f\u5e01,HK$500", "N04,1200\u4eba\u6c11\u5e01,\u00a55000",
        "N05,88\u4e07\u7f8e\u5143,200\u4e07\u7f8e\u5143").encode("utf-8")
    # A TAB export with Chinese headers: "120,000" is 120000 (a point).
    f["values_zh_tab.txt"] = lines(
        "\u5ba2\u6237\u7f16\u53f7\t\u9500\u552e\u989d\t\u91c7\u8d2d\u603b\u989d",
        "Z01\t120,000\t1000000", "Z02\t35,000\t50,000").encode("utf-8")
    # Dates as US and UK exports write them: the year is sure, and month
    # and day are read either way when both give the same whole years.
    f["values_us_dates.csv"] = lines(
        "id,purchase_share,Customer Since",
        "U01,60,6/15/2019", "U02,60,15/06/2019", "U03,60,3/4/2019", "U04,60,12/20/2020",
        "U05,60,12/5/2019", "U06,60,2/29/2019").encode("utf-8")
    # Several levels in one cell (a multi-select, a list): the highest, in
    # whatever order; a title with a comma is still one title.
    f["values_level_lists.csv"] = lines(
        "id,purchase_share,top_contact_level",
        "M01,60,\"员工,经理,高层\"", "M02,60,\"经理,总监\"", "M03,60,总监、经理", "M04,60,经理/总监",
        "M05,60,\"Manager, Director\"", "M06,60,Buyer; CFO", "M07,60,\"Director, Procurement\"",
        "M08,60,\"VP, Sales & Marketing\"", "M09,60,\"原总经理,现经理\"").encode("utf-8")
    # Select options of a bitable: a tick or a cross with a word that says
    # the same; one that says the opposite is refused.
    f["values_marked_words.csv"] = lines(
        "id,purchase_share,strategic_agreement,key_person",
        *["K%02d,60,%s,%s" % (k + 1, a, b) for k, (a, b) in enumerate(
            [("✅ 已签约", "✔ Yes"), ("❌ 未签约", "No ✘"), ("☑ 已签", "是 ✅"), ("☐ 未签", "❌ 否"),
             ("✅ 否", "yes")])]).encode("utf-8")
    # Levels as Chinese CRMs and sheets write them: 高层/中层/基层,
    # 决策层/执行层, a 级 after the level, 副总, GM; 非中层 and 原副总 refused.
    f["values_levels_zh.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["L%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["GM", "副总", "采购副总", "副总监", "总监级", "經理級", "决策层", "中层", "基层", "执行层", "非中层",
             "原副总"])]).encode("utf-8")
    # A state-owned customer's cadre ranks (科员 staff, 副科/正科级/主任科员 a
    # section head's rank, 正处/副处级/调研员 a division head's), a department's
    # or purchasing's head, a private firm's owners (老板娘, 实控人); 负责人 of
    # what the cell does not say is refused.
    f["values_levels_cadre.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["R%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["科员", "办事员", "副科", "正科级", "主任科员", "正处", "副处级", "调研员", "部门负责人",
             "采购负责人", "老板娘", "实控人", "實際控制人", "项目负责人", "负责人"])]).encode("utf-8")
    # Titles whose level the cell does not tell: refused, each saying why
    # (Chief of Staff is no executive for its "chief"); their assistants are staff.
    f["values_levels_unclear.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["T%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["Chief of Staff", "Chief of Staff to the CEO", "局长", "副局长", "办公室主任", "车间主任",
             "局长助理", "Chief Operating Officer"])]).encode("utf-8")
    # "Chief" is executive only as Chief ... Officer or Chief Executive; a
    # chief engineer, accountant or architect (总工程师) is refused saying why.
    f["values_levels_chief.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["C%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["Chief Engineer", "Chief Accountant", "Chief Staff Engineer", "Chief Designer",
             "Chief Architect", "总工程师", "Chief Financial Officer", "Chief Executive",
             "Deputy Chief Executive Officer", "总工程师助理", "首席执行官", "首席工程师"])]).encode("utf-8")
    # A general manager is the company's head unqualified (GM, 总经理, 副总经理),
    # a unit's (director) of a plant, region, function or business unit; an
    # assistant GM (总经理助理), 总裁助理 and 董事长助理 are refused saying why;
    # AVP is below VP; a secretary is staff, a listed company's board
    # secretary an executive; 法人 and 法人代表 executives as the whole cell.
    f["values_levels_gm.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["G%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["General Manager", "GM", "总经理", "副总经理", "Plant GM", "\"General Manager, Sales\"",
             "GM Sales", "Regional General Manager", "Country GM", "Business Unit General Manager",
             "GM – APAC", "区域总经理", "事业部总经理", "分公司总经理", "工厂总经理", "销售总经理",
             "Assistant General Manager", "总经理助理", "AVP", "President & General Manager",
             "VP Secretary", "总经理秘书", "董事会秘书", "总裁助理", "董事长助理", "法人",
             "法人代表", "公司法人", "法人股东"])]).encode("utf-8")
    # The GM of a company named after the title (Corp, GmbH, 有限公司, 集团) and
    # an Executive, Senior or Group GM are executives (contact 25); of a unit
    # (Sales, 区域, 分公司, Senior GM Sales, Group GM Finance) directors (19).
    f["values_levels_gm_company.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["H%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["\"General Manager, Acme Corp\"", "\"General Manager, Müller GmbH\"",
             "\"General Manager, Acme Co., Ltd.\"", "总经理，上海某某有限公司", "某某集团总经理",
             "Executive General Manager", "\"Executive General Manager, Retail\"",
             "Senior General Manager", "Group General Manager", "\"General Manager, Sales\"",
             "GM Sales", "区域总经理", "分公司总经理", "\"Senior General Manager, Sales\"",
             "\"Group General Manager, Finance\"", "General Manager Operations"])]).encode("utf-8")
    # Titles as real exports hold them: Taiwan's 協理 (director), 副理 and 襄理
    # (manager), 執行長 and 財務長 (executive); Japan's 係長 (manager); a German
    # board member and managing owner; Co-Owner, Managing Partner; a country's
    # and a plant's manager (director); an Executive Director refused saying why;
    # two titles joined (CFO & Company Secretary, 总经理兼采购经理) the higher,
    # "Sales & Marketing Director" one title, an assistant to two staff;
    # "Abteilungsleiter Einkauf" a director, "Teamleiter Einkauf" and a
    # Projektleiter managers; 董事長特助 refused as 董事长助理 is.
    f["values_levels_titles.csv"] = lines(
        "id,purchase_share,top_contact_level",
        *["T%02d,60,%s" % (k + 1, t) for k, t in enumerate(
            ["協理", "副理", "襄理", "執行長", "財務長", "係長", "Vorstandsmitglied",
             "Mitglied des Vorstands", "Geschäftsführender Gesellschafter", "Co-Owner",
             "Managing Partner", "Country Manager", "Plant Manager", "Executive Director",
             "CFO & Company Secretary", "Owner and Buyer", "总经理兼采购经理",
             "Sales & Marketing Director", "Assistant to the CEO and CFO",
             "Abteilungsleiter Einkauf", "Teamleiter Einkauf", "Projektleiter", "董事長特助"])]).encode("utf-8")
    # Under 万元 headers, a cell in 万元 beside a plain one is in the header's
    # unit (88), not refused; 880000元 beside 200 still is.
    f["values_wan_scaled_named.csv"] = lines(
        "客户编号,销售额（万元）,客户采购总额（万元）",
        "N01,88万元,200", "N02,88,1.2亿元", "N03,880000元,200", "N04,50,80",
        "N05,60,100").encode("utf-8")
    # Amounts in 万 and 亿, as Chinese sheets write them: exact, read in
    # units under plain headers (a run no longer stops advising --ignore), and
    # in the header's 万元 under 销售额（万元）, never multiplied twice.
    f["values_wan.csv"] = lines(
        "客户编号,我方销售额,客户采购总额,联系人数",
        "Y01,88万,200万,3", "Y02,1.2亿,3亿,5", "Y03,1.1万,1.2万,2", "Y04,88万,2000000,2",
        "Y05,88万,200,2", "Y06,5万,10万,3万").encode("utf-8")
    # Counts and years in Chinese words, as typed into WPS sheets: 三人, 两年,
    # 半年, 3年6个月 (3.5), 18个月; 十年以上 ("or more") and 三四人 refused.
    f["values_zh_words.csv"] = lines(
        "客户编号,采购份额,联系人数,合作年限",
        "W01,60,三人,三年", "W02,60,两人,半年", "W03,60,十二个,3年6个月", "W04,60,3人,18个月",
        "W05,60,三四人,两年半", "W06,60,2,十年以上", "W07,60,2,2年零6个月").encode("utf-8")
    # A ',' before other than three digits under Chinese headers: "1,2000"
    # (digits grouped by four) and "88,5" are refused, never 1.2 and 88.5;
    # "12,000" groups thousands (it was 12, by the column's "1,2000").
    f["values_cjk_comma.csv"] = lines(
        "客户编号,我方销售额,客户采购总额,联系人数",
        '"C01","1,2000","100,000",3', '"C02","12,000","100,000",3', '"C03","88,5","100",3',
        '"C04","45","100",3').encode("utf-8")
    f["values_wan_scaled.csv"] = lines(
        "客户编号,销售额（万元）,客户采购总额（万元）",
        "S01,88万,200", "S02,1.2亿,30000", "S03,88,200万", "S04,50,80").encode("utf-8")
    # relationship_years that hold years, beside a customer_since column.
    f["values_years.csv"] = lines(
        "id,purchase_share,years,Customer Since",
        "Y01,60,2019,",
        "Y02,60,,2019",
        "Y03,60,,2021-06-15",
        "Y04,60,3,2010",
        "Y05,60,,2027",
        "Y06,60,,首次合作",
        "Y07,60,7,").encode("utf-8")
    # Excel's ="00123" (leading zeros kept), quoted as Excel writes it or
    # unquoted as scripts do: read as 00123 in every field, so --previous
    # finds it; with text after it: rejected naming the formula and the fix.
    f["values_excel_text.csv"] = lines(
        "id,name,purchase_share,our_sales,customer_spend,top_contact_level",
        '"=""00123""","=""Acme""","=""45""",,,manager',
        '"=""00124""",Beta,,"=""88""","=""100""","=""Director"""',
        '="00125",Gamma,30,,,staff',
        '00126,"=""Delta""",50,,,staff',
        '="00127"x,Eta,40,,,staff').encode("utf-8")
    f["values_excel_text_prev.csv"] = lines(
        "id,stage", "00123,initial", "00124,initial", "00126,initial").encode("utf-8")
    # Bytes that are no encoding relstage knows (0x81 0x0A), on line 3.
    f["values_no_encoding.csv"] = b"id,purchase_share\nA1,50\nA2,\x81\n"
    return {IN + "/" + k: v for k, v in f.items()}
# ------------------------------------------- 4. JSON as REST APIs send it
#
# Replies shaped like HubSpot's CRM v3 search and Salesforce's REST query:
# the records wrapped in an object beside paging or totals, values nested in
# objects (HubSpot's properties, Salesforce's attributes, Owner and a
# Contacts subquery), arrays of objects inside records (associations).

HUBSPOT = [  # id, name, share of wallet, contacts, level, agreement, created
    ("5120001001", "Harbor Tooling Co.", None, "2", "staff", "false", "2019-03-04"),
    ("5120001002", "北京精诚机电设备有限公司", "35", "3", "manager", "false", "2021-06-18"),
    ("5120001003", "Alpine Gearboxes AG", "62.5", "6", "director", "true", "2016-11-02"),
    ("5120001004", "Saigon Plastics Molding Co.", "88", "9", "executive", "true", "2012-01-23"),
]

SALESFORCE = [  # id, name, share, agreement, owner, contacts (None: none)
    ("0015g00000XyZa1AAF", "Harbor Tooling Co.", 0, False, "Li Wei", None),
    ("0015g00000XyZa2AAF", "Müller Präzisionstechnik GmbH", 45.5, False, "J. Smith", 2),
    ("0015g00000XyZa3AAF", "Alpine Gearboxes AG", 91, True, "Li Wei", 7),
]


def hubspot_reply():
    results = []
    for i, (hid, name, share, contacts, level, agree, created) in enumerate(HUBSPOT):
        props = {"createdate": created + "T08:30:00.000Z", "domain": None,
                 "hs_object_id": hid, "name": name, "num_associated_contacts": contacts,
                 "share_of_wallet": share, "highest_contact_level": level,
                 "strategic_agreement": agree}
        results.append({
            "id": hid, "properties": props,
            "createdAt": created + "T08:30:00.000Z", "updatedAt": "2026-11-30T17:02:11.482Z",
            "archived": False,
            "associations": {"contacts": {"results": [
                {"id": str(901 + 10 * i + k), "type": "company_to_contact"}
                for k in range(int(contacts))]}}})
    return {"total": len(results), "results": results,
            "paging": {"next": {"after": str(len(results)),
                                "link": "https://api.hubapi.com/crm/v3/objects/companies/search?after=4"}}}


def salesforce_reply():
    records = []
    for sid, name, share, agree, owner, contacts in SALESFORCE:
        records.append({
            "attributes": {"type": "Account", "url": "/services/data/v59.0/sobjects/Account/" + sid},
            "Id": sid, "Name": name, "Share_of_Wallet__c": share,
            "Strategic_Agreement__c": agree,
            "Owner": {"attributes": {"type": "User"}, "Name": owner},
            "Contacts": None if contacts is None else {
                "totalSize": contacts, "done": True,
                "records": [{"attributes": {"type": "Contact"}, "Title": "Buyer"}] * min(contacts, 2)}})
    return {"totalSize": len(records), "done": True, "records": records}


def salesforce_subquery_reply():
    """A Salesforce query with a Contacts subquery: null for an account with
    no contact on record (never {"totalSize": 0}), as the REST API sends it."""
    rows = [("0015g00000XyZb1AAF", "Nordsee Hydraulik GmbH", 62, None),
            ("0015g00000XyZb2AAF", "Shenzhen Precision Mould Co.", 85, 5)]
    return {"totalSize": 2, "done": True, "records": [
        {"attributes": {"type": "Account", "url": "/services/data/v59.0/sobjects/Account/" + i},
         "Id": i, "Name": n, "Share_of_Wallet__c": s,
         "Contacts": None if c is None else {"totalSize": c, "done": True, "records": [
             {"attributes": {"type": "Contact"}, "Title": "Buyer"}]}} for i, n, s, c in rows]}


def dynamics_reply():
    """Dynamics 365 Web API: each value with its formatted twin (an annotation),
    the id a GUID in accountid beside lookups to other records (_..._value)."""
    fmt = "@OData.Community.Display.V1.FormattedValue"
    rows = [("89390c24-9c72-e511-80d4-00155d2a68d1", 45.5, 12, True),
            ("8b390c24-9c72-e511-80d4-00155d2a68d1", 80, 3, False)]
    return {"@odata.context": "https://org.crm.dynamics.com/api/data/v9.2/$metadata#accounts",
            "value": [{"@odata.etag": "W/\"501097\"", "accountid": i, "_parentaccountid_value": None,
                       "purchase_share" + fmt: "%.2f %%" % s, "purchase_share": s,
                       "contacts": c, "key_person" + fmt: "Yes" if k else "No", "key_person": k}
                      for i, s, c, k in rows]}


def odoo_reply(length):
    """Odoo's JSON-RPC search_read of res.partner: a page of records beside
    length, the count of every record the search matched."""
    rows = [(7, "Harbor Tooling Co.", 35.0, "2019-06-01 08:30:00"),
            (9, "Alpine Gearboxes AG", 85.5, "2014-02-17 10:05:12")]
    return {"jsonrpc": "2.0", "id": 1, "result": {"length": length, "records": [
        {"id": i, "name": n, "display_name": n, "is_company": True,
         "x_studio_share_of_wallet": s, "user_id": [2, "Mitchell Admin"],
         "category_id": [], "create_date": d} for i, n, s, d in rows]}}


def odoo_ref_reply():
    """Odoo's search_read of res.partner with the internal reference (ref) as
    the id: false where none was entered, as Odoo writes every empty field
    that is not a number or a yes/no."""
    rows = [("C001", "Harbor Tooling Co.", 35.0), (False, "Alpine Gearboxes AG", 85.5),
            (False, "Nordic Castings AB", 60.0)]
    return {"jsonrpc": "2.0", "id": 1, "result": {"length": 3, "records": [
        {"id": k, "ref": r, "name": n, "x_studio_share_of_wallet": s, "user_id": [2, "Mitchell Admin"],
         "comment": False} for k, (r, n, s) in enumerate(rows, 7)]}}


def odoo_false_reply():
    """Odoo's search_read of res.partner with custom (Studio) fields: false in
    every field left empty, numbers and dates as much as text, the name and
    the cooperation options' list as much, and in a yes/no field, where it
    means no."""
    rows = [  # ref, name, share, our sales, total purchases, contacts, level, key person, since,
        # cooperation options
        ("P001", "Harbor Tooling Co.", 35.0, 350000.0, 1000000.0, 3, "manager", True, "2019-06-01",
         "strategic agreement;exclusive"),
        ("P002", "Alpine Gearboxes AG", 85.5, False, False, False, "director", False, False, False),
        ("P003", False, False, 600000.0, 1000000.0, False, False, False, "2015-03-12", False),
        ("P004", "Saigon Plastics Molding Co.", 60.0, False, False, 4, "executive", True, False,
         "exclusive")]
    return {"jsonrpc": "2.0", "id": 1, "result": {"length": len(rows), "records": [
        {"id": k, "ref": r, "name": n, "display_name": n, "is_company": True,
         "x_studio_share_of_wallet": s, "x_studio_our_sales": o, "x_studio_total_purchases": t,
         "x_studio_contacts": c, "x_studio_contact_level": lv, "x_studio_key_person": kp,
         "x_studio_customer_since": since, "cooperation_type": co,
         "user_id": [2, "Mitchell Admin"], "comment": False, "website": False}
        for k, (r, n, s, o, t, c, lv, kp, since, co) in enumerate(rows, 7)]}}


def hubspot_v2_reply(has_more):
    """HubSpot's legacy companies API (v2): companyId, each property an object
    whose value is text, dates as epoch milliseconds; paged by has-more."""
    def prop(v):
        return {"value": v, "timestamp": 1764547200000, "source": "CRM_UI", "sourceId": None}
    companies = []
    for k, (hid, name, share, _, _, _, created) in enumerate(HUBSPOT):
        ms = str(int(datetime.datetime.strptime(created, "%Y-%m-%d").replace(
            tzinfo=datetime.timezone.utc).timestamp()) * 1000)
        props = {"name": prop(name), "createdate": prop(ms)}
        if share is not None:
            props["share_of_wallet"] = prop(share)
        companies.append({"portalId": 62515, "companyId": int(hid), "isDeleted": False,
                          "properties": props})
    return {"companies": companies, "has-more": has_more, "offset": int(HUBSPOT[-1][0])}


def mongo_export():
    """mongoexport --jsonArray (relaxed extended JSON): the id an ObjectId
    {"$oid": ...}, dates {"$date": ...}, plain numbers; one document a line."""
    rows = [("65a1f0c2e4b0a1b2c3d4e5f6", "Harbor Tooling Co.", 35.5, 4, "2019-06-01T00:00:00Z"),
            ("65a1f0c2e4b0a1b2c3d4e5f7", "Alpine Gearboxes AG", 85, 9, "2014-02-17T00:00:00Z")]
    docs = [json.dumps({"_id": {"$oid": i}, "name": n, "share": s, "contacts": c,
                        "customer_since": {"$date": d}}) for i, n, s, c, d in rows]
    return ("[" + ",\n".join(docs) + "]\n").encode("utf-8")


# Paged replies whose count or page number sits in an object of its own
# (meta, pagination, info, page) beside the records: the last page of six
# accounts in pages of two, with no link to a next page, as each API sends it.
PAGED = [  # id, name, share of wallet, contacts
    ("1005", "Harbor Tooling Co.", 35, 4),
    ("1006", "Alpine Gearboxes AG", 85.5, 9),
]


def jsonapi_reply(total):
    """JSON:API (laravel-json-api): resource objects with type, id and
    attributes; links without next on the last page, meta.page's total."""
    data = [{"type": "accounts", "id": i, "attributes": {
        "name": n, "share-of-wallet": s, "contact-count": c},
        "links": {"self": "https://crm.example.com/api/v1/accounts/" + i}} for i, n, s, c in PAGED]
    base = "https://crm.example.com/api/v1/accounts?page%5Bnumber%5D="
    last = (total + 1) // 2
    return {"meta": {"page": {"currentPage": last, "from": total - 1, "lastPage": last, "perPage": 2,
                              "to": total, "total": total}},
            "jsonapi": {"version": "1.0"},
            "links": {"first": base + "1&page%5Bsize%5D=2", "last": base + str(last) + "&page%5Bsize%5D=2"},
            "data": data}


def strapi_reply():
    """Strapi v4's REST API: data with id and attributes, meta.pagination."""
    return {"data": [{"id": int(i), "attributes": {"name": n, "shareOfWallet": s, "contacts": c,
                                                   "createdAt": "2026-11-30T17:02:11.482Z"}}
                     for i, n, s, c in PAGED],
            "meta": {"pagination": {"page": 3, "pageSize": 2, "pageCount": 3, "total": 6}}}


def laravel_reply():
    """A Laravel API resource collection, paginated: data, links (next null on
    the last page) and meta with current_page, last_page, total and its own
    links, an array of objects for the page buttons."""
    path = "https://erp.example.com/api/customers"
    return {"data": [{"id": int(i), "name": n, "share_of_wallet": s, "contacts": c}
                     for i, n, s, c in PAGED],
            "links": {"first": path + "?page=1", "last": path + "?page=3",
                      "prev": path + "?page=2", "next": None},
            "meta": {"current_page": 3, "from": 5, "last_page": 3,
                     "links": [{"url": path + "?page=2", "label": "&laquo; Previous", "active": False},
                               {"url": path + "?page=1", "label": "1", "active": False},
                               {"url": path + "?page=3", "label": "3", "active": True},
                               {"url": None, "label": "Next &raquo;", "active": False}],
                     "path": path, "per_page": 2, "to": 6, "total": 6}}


def zoho_reply(page, more):
    """Zoho CRM's records API: data beside info, whose count is this page's
    (not the list's), with page and more_records."""
    return {"data": [{"Owner": {"name": "Li Wei", "id": "4150868000000225013", "email": "li.wei@example.com"},
                      "id": "41508680000002%05d" % int(i), "Account_Name": n, "Share_of_Wallet": s,
                      "Number_of_Contacts": c, "$approved": True} for i, n, s, c in PAGED],
            "info": {"per_page": 2, "count": 2, "page": page, "sort_by": "id", "sort_order": "desc",
                     "more_records": more}}


def spring_hal_reply():
    """Spring Data REST (HAL): the records in _embedded.accounts, links in
    _links (no next on the last page), page.totalElements beside them."""
    base = "http://erp.example.com/api/accounts"
    return {"_embedded": {"accounts": [{"name": n, "shareOfWallet": s, "contacts": c, "accountNo": i,
                                        "_links": {"self": {"href": base + "/" + i}}}
                                       for i, n, s, c in PAGED]},
            "_links": {"first": {"href": base + "?page=0&size=2"}, "prev": {"href": base + "?page=1&size=2"},
                       "self": {"href": base + "?page=2&size=2"}, "last": {"href": base + "?page=2&size=2"},
                       "profile": {"href": "http://erp.example.com/api/profile/accounts"}},
            "page": {"size": 2, "totalElements": 6, "totalPages": 3, "number": 2}}


def stripe_reply():
    """Stripe's list of customers, the whole list (has_more false); each
    customer's own counts and objects (balance, invoice_settings, metadata)."""
    return {"object": "list", "url": "/v1/customers", "has_more": False,
            "data": [{"id": "cus_P%s" % i, "object": "customer", "balance": 0, "created": 1700000000,
                      "currency": "usd", "email": None, "invoice_settings": {"custom_fields": None,
                      "default_payment_method": None, "footer": None}, "livemode": False,
                      "metadata": {"share_of_wallet": str(s), "contacts": str(c)}, "name": n,
                      "total": 2}
                     for i, n, s, c in PAGED]}


def sap_c4c_reply(more):
    """SAP Sales Cloud (C4C) OData v2: d.results with __metadata, the count
    asked for with $inlinecount as text (__count), and __next while more
    pages follow (C4C serves 1000 at most a page)."""
    base = "https://my000000.crm.ondemand.com/sap/c4c/odata/v1/c4codataapi/CorporateAccountCollection"
    d = {"results": [{"__metadata": {"uri": base + "('%s')" % i, "type": "c4codata.CorporateAccount"},
                      "AccountID": i, "Name": n, "ShareOfWallet_KUT": str(s), "Contacts_KUT": str(c)}
                     for i, n, s, c in PAGED],
         "__count": "6" if more else "2"}
    if more:
        d["__next"] = base + "?$inlinecount=allpages&$skiptoken=2"
    return {"d": d}


def dynamics_fetchxml_reply():
    """Dynamics 365 Web API queried with FetchXML: no @odata.nextLink, the
    page's end said by morerecords beside a paging cookie."""
    ns = "@Microsoft.Dynamics.CRM."
    return {"@odata.context": "https://org.crm.dynamics.com/api/data/v9.2/$metadata#accounts",
            ns + "totalrecordcount": -1, ns + "totalrecordcountlimitexceeded": False,
            ns + "globalmetadataversion": "3817094",
            ns + "fetchxmlpagingcookie": "<cookie pagenumber=\"2\" pagingcookie=\"%3ccookie%3e\" istracking=\"False\" />",
            ns + "morerecords": True,
            "value": [{"@odata.etag": "W/\"50109%s\"" % i, "accountid": "89390c24-9c72-e511-80d4-00155d2a%s" % i,
                       "name": n, "new_shareofwallet": s, "new_contacts": c} for i, n, s, c in PAGED]}


def salesloft_reply():
    """Salesloft's list API: data beside metadata.paging, whose next_page is
    a number (null on the last page) and no total unless asked for."""
    return {"metadata": {"filtering": {}, "paging": {"per_page": 2, "current_page": 1, "next_page": 2,
                                                      "prev_page": None}, "sorting": {"sort_by": "updated_at"}},
            "data": [{"id": int(i), "name": n, "share_of_wallet": s, "contacts": c} for i, n, s, c in PAGED]}


def rest_files():
    hub = hubspot_reply()
    two = {"results": hub["results"][:2],
           "included": [{"id": "901", "type": "contact", "email": "buyer@example.com"}]}
    files = {
        "rest_hubspot_companies.json": (json.dumps(hub, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        # one line, as curl prints it: read from standard input, format sniffed
        "rest_salesforce_stdin.stdin": json.dumps(salesforce_reply(), ensure_ascii=False).encode("utf-8"),
        "rest_salesforce_map_object.stdin": json.dumps(salesforce_reply(), ensure_ascii=False).encode("utf-8"),
        "rest_two_arrays.json": (json.dumps(two, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "rest_dynamics_accounts.json": (json.dumps(dynamics_reply()) + "\n").encode("utf-8"),
        "rest_odoo_page.json": json.dumps(odoo_reply(50)).encode("utf-8"),
        "rest_odoo_whole.json": json.dumps(odoo_reply(2)).encode("utf-8"),
        "rest_odoo_ref.json": json.dumps(odoo_ref_reply()).encode("utf-8"),
        "rest_odoo_false.json": json.dumps(odoo_false_reply()).encode("utf-8"),
        "rest_hubspot_v2_page.json": json.dumps(hubspot_v2_reply(True), indent=1).encode("utf-8"),
        "rest_hubspot_v2_all.json": json.dumps(hubspot_v2_reply(False), indent=1).encode("utf-8"),
        "rest_mongo_export.json": mongo_export(),
        "rest_jsonapi_last_page.json": (json.dumps(jsonapi_reply(6), indent=2) + "\n").encode("utf-8"),
        "rest_jsonapi_whole.json": (json.dumps(jsonapi_reply(2), indent=2) + "\n").encode("utf-8"),
        "rest_strapi_page.json": json.dumps(strapi_reply()).encode("utf-8"),
        "rest_laravel_last_page.json": (json.dumps(laravel_reply(), indent=4) + "\n").encode("utf-8"),
        "rest_zoho_first_page.json": (json.dumps(zoho_reply(1, True), indent=2) + "\n").encode("utf-8"),
        "rest_zoho_last_page.json": (json.dumps(zoho_reply(2, False), indent=2) + "\n").encode("utf-8"),
        "rest_spring_hal_last_page.json": (json.dumps(spring_hal_reply(), indent=2) + "\n").encode("utf-8"),
        "rest_stripe_whole.json": (json.dumps(stripe_reply(), indent=2) + "\n").encode("utf-8"),
        "rest_salesforce_subquery.json": (json.dumps(salesforce_subquery_reply()) + "\n").encode("utf-8"),
        "rest_sap_c4c_page.json": (json.dumps(sap_c4c_reply(True), indent=1) + "\n").encode("utf-8"),
        "rest_sap_c4c_whole.json": (json.dumps(sap_c4c_reply(False), indent=1) + "\n").encode("utf-8"),
        "rest_dynamics_fetchxml_page.json": (json.dumps(dynamics_fetchxml_reply()) + "\n").encode("utf-8"),
        "rest_salesloft_page.json": (json.dumps(salesloft_reply(), indent=2) + "\n").encode("utf-8"),
        # records with a name and a share but no id key (inspect says so)
        "json_no_id.json": json.dumps([{"Company": n, "Owner": o, "Share of Wallet": sh}
                                       for _, n, sh, _, o, _ in SALESFORCE], indent=1).encode("utf-8"),
    }
    return {IN + "/" + k: v for k, v in files.items()}


# ------------------------------------------ 5. advice that fits the account
#
# One account per way the advice once contradicted its own row (the advice
# table's advice_fit cases; scripts/advice_consistency.sh checks a grid).

ADVICE_FIT = [  # id, share, contacts, departments, level, key person, years,
    # joint projects, executive meetings, agreement, equity tie, info sharing
    ("F-EXEC-MET", 90, 8, 4, "director", "yes", 6, 2, 3, "yes", "no", "yes"),
    ("F-EXEC-NONE", 90, 8, 4, "director", "yes", 6, 2, 0, "yes", "no", "yes"),
    ("F-ONE-CONTACT", 30, 1, 1, "staff", "no", 2, 0, 0, "no", "no", "no"),
    ("F-ONE-DEPT", 30, 6, 1, "manager", "no", 2, 0, 0, "no", "no", "no"),
    ("F-NET-BUILT", 30, 8, 4, "director", "yes", 2, 0, 0, "no", "no", "no"),
    ("F-PROSPECT-KP", 0, 3, 2, "manager", "yes", 0, 0, 0, "no", "no", "no"),
    ("F-PROSPECT-KP-ONLY", 0, None, None, None, "yes", None, None, None, None, None, None),
    ("F-KP-UNKNOWN", 0, None, None, None, None, None, None, None, None, None, None),
    ("F-HIGH-PARTNER", 90, 2, 1, "staff", "no", 2, 0, 0, "yes", "no", "no"),
    ("F-STRAT-AGREEMENT", 85, 8, 4, "executive", "yes", 6, 0, 3, "yes", "no", "no"),
    ("F-EXEC-UNKNOWN", 90, 8, 4, "director", "yes", 6, 2, None, "yes", "no", "yes"),
    ("F-PROSPECT-TIE", 0, 2, 1, "manager", "no", None, None, None, "yes", None, None),
    ("F-INITIAL-UNKNOWN", 20, None, None, None, None, None, None, None, None, None, None),
    ("F-EXEC-LEVEL-NO-MEETINGS", 85, 6, 3, "executive", "yes", 5, 1, 0, "yes", "no", "yes"),
]


def advice_files():
    head = ("id,purchase_share,contacts,departments,top_contact_level,key_person,relationship_years,"
            "joint_projects,exec_meetings,strategic_agreement,equity_tie,info_sharing").split(",")
    rows = [head] + [[num(v) for v in r] for r in ADVICE_FIT]
    small = [["id", "our_sales", "customer_spend", "contacts"],
             ["S-TRIAL", "3000", "100000000", "2"], ["S-NONE", "0", "100000000", "2"]]
    return {IN + "/advice_fit.csv": csv_text(rows).encode("utf-8"),
            IN + "/advice_small_sale.csv": csv_text(small).encode("utf-8")}


# ------------------------------------------------------------------ main

def all_files():
    files = {}
    files.update(sample_files())
    files.update(account_files())
    files.update(bad_fixtures())
    files.update(values_fixtures())
    files.update(rest_files())
    files.update(advice_files())
    files.update(fixtures_exports.export_files())
    return files


def main(argv):
    check = "--check" in argv[1:]
    stale = []
    for rel, data in sorted(all_files().items()):
        path = os.path.join(ROOT, rel)
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        stale.append(rel)
            except FileNotFoundError:
                stale.append(rel)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    if check and stale:
        sys.stderr.write("make_fixtures.py: out of date: %s\n" % " ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
