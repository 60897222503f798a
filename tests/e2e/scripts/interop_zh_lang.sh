#!/bin/sh
# Chinese throughout: RELSTAGE_LANG=zh (and zh_CN.UTF-8) gives the same bytes
# as --lang zh, --lang en wins over the environment; in Chinese the labels,
# actions, explanations and summary are Chinese while stage ids, flags and
# the column names stay the English ones.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
export RELSTAGE
exec python3 - <<'PY'
import csv, io, os, re, subprocess, sys

R = os.environ["RELSTAGE"]
IN = "in/accounts.csv"
fails = []
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")

def run(args, lang_env=None):
    env = dict(os.environ)
    env.pop("RELSTAGE_LANG", None)
    if lang_env is not None:
        env["RELSTAGE_LANG"] = lang_env
    p = subprocess.run([R, "-q", "--summary"] + args, capture_output=True, env=env)
    if p.returncode != 0:
        fails.append(f"{args} RELSTAGE_LANG={lang_env}: exit {p.returncode}")
    return p.stdout, p.stderr

for to in ("csv", "table"):
    zh = run(["--lang", "zh", "--explain", "--to", to, IN])
    en = run(["--explain", "--to", to, IN])
    for env in ("zh", "zh_CN.UTF-8", "zh_CN"):
        if run(["--explain", "--to", to, IN], env) != zh:
            fails.append(f"--to {to}: RELSTAGE_LANG={env} differs from --lang zh")
    if run(["--lang", "en", "--explain", "--to", to, IN], "zh") != en:
        fails.append(f"--to {to}: --lang en does not win over RELSTAGE_LANG=zh")
    if zh == en:
        fails.append(f"--to {to}: --lang zh gives the English output")
    summary = zh[1].decode("utf-8")
    if not CJK.search(summary) or re.search(r"rows read|classified|rejected", summary):
        fails.append(f"--to {to}: summary not in Chinese: {summary[:200]!r}")

zh_rows = list(csv.DictReader(io.StringIO(run(["--lang", "zh", "--explain", IN])[0].decode("utf-8"), newline="")))
en_rows = list(csv.DictReader(io.StringIO(run(["--explain", IN])[0].decode("utf-8"), newline="")))
if list(zh_rows[0].keys()) != list(en_rows[0].keys()):
    fails.append(f"column names differ: {list(zh_rows[0].keys())}")
for z, e in zip(zh_rows, en_rows):
    for k in ("stage", "next_stage", "flags", "share_pct", "contact_score", "cooperation_score", "share_gap"):
        if z[k] != e[k]:
            fails.append(f"{z['id']}: {k} {z[k]!r} (zh) != {e[k]!r} (en): ids and numbers stay the same")
    for k in ("stage_label", "actions"):
        if not CJK.search(z[k]) or LATIN.search(z[k]):
            fails.append(f"{z['id']}: {k} not Chinese: {z[k][:80]!r}")
    if not ("接触深度" in z["explain"] and "合作" in z["explain"]):
        fails.append(f"{z['id']}: explain not Chinese: {z['explain'][:80]!r}")
# past the first 100 rejects shown, the count of the others is Chinese too
bad = "id,purchase_share\n" + "".join(f"B{i},abc\n" for i in range(103))
p = subprocess.run([R, "-q", "--lang", "zh", "-o", os.devnull, "-"], input=bad.encode(),
                   capture_output=True)
last = p.stderr.decode().splitlines()[-1:]
if p.returncode != 1 or last != ["relstage: 另有 3 个被拒绝的行未显示（用 --rejects FILE 保存全部）"]:
    fails.append(f"rejects not shown, in Chinese: exit {p.returncode}, {last!r}")
for f in fails:
    print("FAIL", f)
print(f"interop_zh_lang: {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
