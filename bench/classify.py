#!/usr/bin/env python3
"""classify.py - the benchmark's Python peer: the same classification as
relstage's default rules, written as a user would with the csv module.

    python3 bench/classify.py [RULES.json] < in.csv > out.csv

It mirrors data/rules/default.json (scores, decision table, action rules)
for a comparison of doing the same work; on the generator's data it gives
the stage, scores, share gap and flags relstage gives, in 9 appended columns
where relstage writes 17 (less work than relstage). Where it is simpler:
- thresholds, weights and caps are constants here, copied from the default
  rules, not interpreted from the file (relstage compiles the file; a user's
  script hard-codes them); the texts (stage labels, stage actions, action
  rules' texts) are read from the rules file so both write the same bytes;
- unknown (empty) values give no points and make a comparison false; the
  default rules use no "not", so this equals relstage's three-valued logic;
- share_gap uses the thresholds 0 / 50 / 80 of the next stage;
- cells are parsed plainly (a trailing '%' on shares, no thousands separators
  or currency signs), and rows relstage would reject are passed through with
  empty appended cells (the generator produces none).
"""
import csv
import json
import math
import sys

TRUE = {"yes", "y", "true", "1", "是", "有"}
FALSE = {"no", "n", "false", "0", "否", "无"}
LEVEL = {"staff": 1, "manager": 2, "director": 3, "executive": 4,
         "员工": 1, "经理": 2, "总监": 3, "高层": 4}
ORDER = ["development", "initial", "stable", "strategic"]
THRESHOLD = {"initial": 0.0, "stable": 50.0, "strategic": 80.0}
ACTION_SEP = " | "
LABEL = {}    # stage id -> label (en)
ACTIONS = {}  # stage id -> its actions joined with ACTION_SEP
TEXT = {}     # action rule id -> text (en)
FLAG = {}     # action rule id -> its flag
APPENDED = ["stage", "stage_label", "share_pct", "contact_score", "cooperation_score",
            "next_stage", "share_gap", "flags", "actions"]


def load_texts(path):
    with open(path, encoding="utf-8") as f:
        rules = json.load(f)
    for st in rules["stages"]:
        LABEL[st["id"]] = st["label"]["en"]
        ACTIONS[st["id"]] = ACTION_SEP.join(st["actions"]["en"])
    for act in rules["actions"]:
        TEXT[act["id"]] = act["text"]["en"].replace("{stable_share}", "50")
        FLAG[act["id"]] = act.get("flag", act["id"])


def num(s, pct=False):
    s = s.strip()
    if not s:
        return None
    if pct and s.endswith("%"):
        s = s[:-1]
    return float(s)


def boolean(s):
    s = s.strip().lower()
    return True if s in TRUE else False if s in FALSE else None


def capped(v, per, cap):
    return 0.0 if v is None else min(v * per, cap)


def whole(x):  # C's round(): half away from zero
    return math.floor(x + 0.5)


def fmt2(x):  # at most two decimals, no trailing zeros, as relstage writes numbers
    return ("%.2f" % x).rstrip("0").rstrip(".")


def classify(row, ix):
    g = lambda name: row[ix[name]]
    share = num(g("purchase_share"), True)
    if share is None:
        sales, spend = num(g("our_sales")), num(g("customer_spend"))
        if sales is None or spend is None or sales > spend or (spend == 0 and sales):
            return None
        share = 0.0 if sales == 0 else 100.0 * sales / spend
    if not 0 <= share <= 100:
        return None
    # relstage decides on the share as written; a sale is at least 0.01
    share = 0.01 if 0 < share < 0.01 else whole(share * 100) / 100
    contacts, depts = num(g("contacts")), num(g("departments"))
    level = LEVEL.get(g("top_contact_level").strip().lower())
    key = boolean(g("key_person"))
    years, joint, meets = num(g("relationship_years")), num(g("joint_projects")), num(g("exec_meetings"))
    agree, equity = boolean(g("strategic_agreement")), boolean(g("equity_tie"))
    excl, info = boolean(g("exclusive")), boolean(g("info_sharing"))

    contact = whole(min(capped(contacts, 5, 25) + capped(depts, 5, 25)
                        + (level or 0) * 6.25 + (25 if key else 0), 100))
    coop = whole(min(capped(years, 3, 15) + capped(joint, 10, 20) + capped(meets, 5, 15)
                     + (20 if agree else 0) + (15 if equity else 0) + (5 if excl else 0)
                     + (10 if info else 0), 100))

    bonds = agree is True or equity is True or (joint is not None and joint >= 1)
    if share == 0:
        stage = "development"
    elif share < 50:
        stage = "initial"
    elif share < 80:
        stage = "stable"
    elif coop >= 50 and contact >= 40 and bonds:
        stage = "strategic"
    else:
        stage = "stable"
    rank = ORDER.index(stage)
    fired = []
    if stage == "development" and ((contacts is not None and contacts >= 1) or key is True):
        fired.append("warm_lead")
    if rank > 0 and ((contacts is not None and contacts <= 1) or (depts is not None and depts <= 1)):
        fired.append("single_threaded")
    if rank > 0 and key is False:
        fired.append("no_key_person")
    if rank <= 1 and (agree is True or equity is True):
        fired.append("ties_without_share" if rank else "ties_without_order")
    if stage == "stable" and share >= 80:
        fired.append("high_share_no_bonds")
    if stage == "stable" and coop >= 50 and contact >= 40:
        fired.append("upgrade_candidate")
    if stage == "strategic" and level is not None and level < 4 and meets in (None, 0):
        fired.append("no_exec_contact")
    nxt = ORDER[rank + 1] if rank + 1 < len(ORDER) else ""
    # the share is what the next stage needs: a first order (0.01), or below 80
    gap = "0.01" if stage == "development" else fmt2(THRESHOLD[nxt] - share) if nxt and share < THRESHOLD[nxt] else ""
    actions = ACTION_SEP.join([TEXT[f] for f in fired] + [ACTIONS[stage]])
    return [stage, LABEL[stage], fmt2(share), str(contact), str(coop), nxt, gap,
            ";".join(FLAG[f] for f in fired), actions]


def main():
    load_texts(sys.argv[1] if len(sys.argv) > 1 else "data/rules/default.json")
    inp = open(sys.stdin.fileno(), encoding="utf-8", newline="", buffering=1 << 20)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", buffering=1 << 20)
    rd, wr = csv.reader(inp), csv.writer(out, lineterminator="\n")
    header = next(rd)
    ix = {name: i for i, name in enumerate(header)}
    wr.writerow(header + APPENDED)
    rejected = 0
    for row in rd:
        try:
            extra = classify(row, ix)
        except (ValueError, IndexError):
            extra = None
        if extra is None:
            rejected += 1
            extra = [""] * len(APPENDED)
        wr.writerow(row + extra)
    out.flush()
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
