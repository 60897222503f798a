#!/bin/sh
# --to table on a terminal (a pty) fits the terminal's width without COLUMNS;
# COLUMNS wins over it; -o FILE is not the terminal and has no limit.
: "${RELSTAGE:?set RELSTAGE to the relstage binary}"
export RELSTAGE
exec python3 - <<'PY'
import fcntl, os, pty, struct, sys, termios

R = os.environ["RELSTAGE"]
try:
    for fd in pty.openpty():
        os.close(fd)
except OSError as e:
    print(f"table_tty: no pseudo-terminal here ({e}): skipped")
    sys.exit(0)
ARGS = ["--to", "table", "in/core_boundaries.csv"]
fails = []

def on_tty(cols, env_cols=None, extra=()):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        if env_cols:
            env["COLUMNS"] = env_cols
        os.execve(R, [R] + list(extra) + ARGS, env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.decode("utf-8").replace("\r\n", "\n")

def expected(name):
    with open(f"expected/{name}.out", encoding="utf-8") as f:
        return f.read()

got = on_tty(80)
if expected("table_fit_80") not in got or "leaves out" not in got:
    fails.append("an 80-column terminal: not the COLUMNS=80 table:\n" + got)
got = on_tty(300)
if expected("core_table") not in got or "leaves out" in got:
    fails.append("a 300-column terminal: not the whole table:\n" + got)
got = on_tty(80, "120")
if expected("table_fit_120") not in got:
    fails.append("COLUMNS=120 on an 80-column terminal: not the 120-column table:\n" + got)
tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"relstage-tty.{os.getpid()}")
got = on_tty(80, None, ["-o", tmp])
with open(tmp, encoding="utf-8") as f:
    if f.read() != expected("core_table") or "leaves out" in got:
        fails.append("-o on an 80-column terminal: the file is not the whole table")
os.unlink(tmp)
for f in fails:
    print("FAIL", f)
sys.exit(1 if fails else 0)
PY
