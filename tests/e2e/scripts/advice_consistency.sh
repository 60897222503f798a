#!/bin/sh
# The advice never contradicts the data: no account is told to build what it
# has (a key person, an agreement, an equity tie, executive contact, a bond),
# the alliance model's action is the model's, no text repeats in a row, needs
# is empty exactly at the top stage and share_gap is there exactly when the
# share is what the next stage needs. Also keeps in/advice_rules_*.json the
# default rules with their one change.
set -u
R=${RELSTAGE:?}
command -v python3 >/dev/null || { echo "python3 is needed (tools/deps.sh installs it)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$R" rules >"$t/default.json" || exit 1
for f in in/advice_accounts.csv in/core_boundaries.csv ../../data/sample.csv; do
	for lang in en zh; do
		"$R" -q --explain --lang $lang --to jsonl "$f" >>"$t/out.$lang.jsonl" || { echo "FAIL: $f"; exit 1; }
	done
	"$R" -q --explain --to jsonl "$f" >>"$t/ids.jsonl"
done
T="$t" python3 - <<'PY'
import json, os, re, subprocess, sys
T = os.environ["T"]
bad = []
alias = {"account_id": "id", "joint_venture": "equity_tie", "preferred_supplier": "exclusive"}
yes = lambda o, k: str(o.get(k, "")).lower() in ("yes", "true", "1")
for line in open(f"{T}/ids.jsonl", encoding="utf-8"):
    o = {alias.get(k, k): v for k, v in json.loads(line).items()}
    fired = set(re.search(r"actions: (.*)$", o["explain"]).group(1).split(", ")) - {"none"}
    bonds = set(o["bonds"].split(";")) - {""}
    def never(cond, action, why):
        if cond and action in fired:
            bad.append(f"{o['id']}: {action} fired though {why}")
    never(yes(o, "key_person"), "find_key_person", "it has a key person")
    never(yes(o, "key_person"), "no_key_person", "it has a key person")
    never(yes(o, "strategic_agreement"), "propose_agreement", "it has an agreement")
    never(yes(o, "equity_tie"), "propose_agreement", "it has an equity tie")
    never(o.get("top_contact_level") == "executive", "no_exec_contact", "it has executive contact")
    never(yes(o, "price_agreement"), "financial_bonds", "it has a price agreement")
    for b in bonds:
        never(True, b + "_bonds", f"it has {b} bonds")
    if "structural" in bonds and o["alliance_model"]:
        bad.append(f"{o['id']}: alliance model {o['alliance_model']} with structural bonds")
    models = {a for a in fired if a.startswith("alliance_")}
    if models != ({"alliance_" + o["alliance_model"]} if o["alliance_model"] else set()):
        bad.append(f"{o['id']}: model {o['alliance_model']!r} but {models}")
    if (o["needs"] is None) != (o["stage"] == "strategic"):
        bad.append(f"{o['id']}: needs {o['needs']!r} at {o['stage']}")
    share_needed = o["needs"] is not None and re.search(r"^(share \+|a first order)|; share \+", o["needs"])
    if (o["share_gap"] is not None) != bool(share_needed):
        bad.append(f"{o['id']}: share_gap {o['share_gap']!r} but needs {o['needs']!r}")
for lang in ("en", "zh"):
    for line in open(f"{T}/out.{lang}.jsonl", encoding="utf-8"):
        o = json.loads(line)
        acts = o["actions"].split(" | ")
        if len(acts) != len(set(acts)):
            bad.append(f"{lang} {o.get('id', o.get('account_id'))}: an action repeats")
# the rules fixtures are the defaults with one change each
default = json.load(open(f"{T}/default.json", encoding="utf-8"))
s75 = json.load(open("in/advice_rules_share75.json", encoding="utf-8"))
s75["params"]["strategic_share"] = 80
if s75 != default:
    bad.append("in/advice_rules_share75.json is not the default rules with strategic_share 75")
sh = json.load(open("in/advice_rules_shadow.json", encoding="utf-8"))
sh["decision"][3]["when"]["all"][0]["value"] = "strategic_share"
if sh != default:
    bad.append("in/advice_rules_shadow.json is not the default rules with decision[3] at 75")
for b in bad:
    print("FAIL:", b)
print("advice_consistency:", "ok" if not bad else f"{len(bad)} failed")
sys.exit(1 if bad else 0)
PY
