#!/usr/bin/env python3
"""classify.py - the benchmark's Python peer: the same classification as
relstage's default rules, written as a user would with the csv module.

    python3 bench/classify.py [RULES.json] < in.csv > out.csv

It mirrors data/rules/default.json as closely as is reasonable for a fair
comparison of doing the same work, not for exact agreement:
- thresholds, weights and caps are constants here, not interpreted from the
  rules file (relstage compiles the file; a user's script hard-codes them);
- stage labels and the stage's action texts are taken from the rules file
  when it has them (so both write about the same number of bytes), else
  short built-in texts;
- unknown (empty) values give no points and make a condition false, where
  relstage uses three-valued logic; on the generator's data the difference
  only shows in rare rows;
- only the targeted actions named in issue 2 (point-to-point contact,
  upgrade candidate, high share without bonds) are checked;
- rows that relstage would reject are passed through with an empty stage
  (the generator produces none).
"""
import csv
import json
import sys

TRUE = {"yes", "y", "true", "1", "是", "有"}
FALSE = {"no", "n", "false", "0", "否", "无"}
LEVEL = {"staff": 1, "manager": 2, "director": 3, "executive": 4,
         "员工": 1, "经理": 2, "总监": 3, "高层": 4}

STAGES = {  # id -> (label, actions); replaced by the rules file's if present
    "development": ("Development", "Watch for an entry opportunity; find the key person; "
                    "build trust; make a technical breakthrough"),
    "initial": ("Initial cooperation", "Turn point-to-point into organisation-to-"
                "organisation contact; raise expectations; prove ourselves; do not rely on price"),
    "stable": ("Stable cooperation", "Invest in the relationship; personalise service; "
               "lower the customer's total cost; keep key people close"),
    "strategic": ("Strategic cooperation", "Build structural bonds: customised solutions, "
                  "co-innovation, top-management relationship, joint planning"),
}
ACTION_SEP = " | "


def load_texts(path):
    """Stage labels and joined actions from a rules file, if it has them."""
    try:
        with open(path, encoding="utf-8") as f:
            rules = json.load(f)
        for st in rules.get("stages", []):
            label, acts = st.get("label"), st.get("actions")
            if isinstance(label, dict):
                label = label.get("en")
            if isinstance(acts, dict):
                acts = acts.get("en")
            if st.get("id") in STAGES and isinstance(label, str) and isinstance(acts, list):
                STAGES[st["id"]] = (label, ACTION_SEP.join(str(a) for a in acts))
    except (OSError, ValueError, AttributeError, TypeError):
        pass


def num(s, pct=False):
    s = s.strip()
    if not s:
        return None
    if pct and s.endswith("%"):
        s = s[:-1]
    return float(s.replace(",", ""))


def boolean(s):
    s = s.strip().lower()
    return True if s in TRUE else False if s in FALSE else None


def capped(v, per, cap):
    return 0.0 if v is None else min(v * per, cap)


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
    contacts, depts = num(g("contacts")), num(g("departments"))
    level = LEVEL.get(g("top_contact_level").strip().lower())
    key = boolean(g("key_person"))
    years, joint, meets = num(g("relationship_years")), num(g("joint_projects")), num(g("exec_meetings"))
    agree, equity = boolean(g("strategic_agreement")), boolean(g("equity_tie"))
    excl, info = boolean(g("exclusive")), boolean(g("info_sharing"))

    contact = (capped(contacts, 4, 30) + capped(depts, 5, 20)
               + (0, 5, 15, 25, 35)[level or 0] + (15 if key else 0))
    coop = (capped(years, 2, 20) + capped(joint, 10, 20) + capped(meets, 5, 15)
            + (15 if agree else 0) + (15 if equity else 0) + (10 if excl else 0)
            + (5 if info else 0))
    contact, coop = min(contact, 100.0), min(coop, 100.0)

    bonds = bool(agree or equity or (joint or 0) >= 1 or ((level or 0) >= 4 and (meets or 0) >= 2))
    if share == 0:
        stage = "development"
    elif share < 50:
        stage = "initial"
    elif share >= 80 and bonds:
        stage = "strategic"
    else:
        stage = "stable"
    label, actions = STAGES[stage]
    flags = []
    if stage != "development" and (contacts == 1 or depts == 1):
        flags.append("point_to_point")
        actions += ACTION_SEP + "Single-threaded: widen contact beyond one person"
    if stage == "stable" and coop >= 60:
        flags.append("upgrade_candidate")
        actions += ACTION_SEP + "Upgrade candidate: propose a strategic agreement"
    if share >= 80 and not bonds:
        flags.append("high_share_no_bonds")
        actions += ACTION_SEP + "High share without bonds: build structural ties"
    return [stage, label, "%.1f" % share, "%.0f" % contact, "%.0f" % coop, actions, ";".join(flags)]


def main():
    load_texts(sys.argv[1] if len(sys.argv) > 1 else "data/rules/default.json")
    inp = open(sys.stdin.fileno(), encoding="utf-8", newline="", buffering=1 << 20)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", buffering=1 << 20)
    rd, wr = csv.reader(inp), csv.writer(out, lineterminator="\n")
    header = next(rd)
    ix = {name: i for i, name in enumerate(header)}
    wr.writerow(header + ["stage", "stage_label", "share_pct", "contact_score",
                          "cooperation_score", "actions", "flags"])
    rejected = 0
    for row in rd:
        try:
            extra = classify(row, ix)
        except (ValueError, IndexError):
            extra = None
        if extra is None:
            rejected += 1
            extra = [""] * 7
        wr.writerow(row + extra)
    out.flush()
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
