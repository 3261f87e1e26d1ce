"""Helpers for the crash proofs (tests/test_crash_recovery.py, tests/test_proof_crash_loop.py,
benchmarks/bench_proofs.py): a child process that edits a review and reports every committed
change on stdout, killed with SIGKILL; then the file is checked and the reports compared."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

# Edits one review in a loop and prints each change after services returned (= committed).
EDITOR = r"""
import sys
from kanwa_review.services import Services
from kanwa_review.store import open_database
services = Services(open_database(sys.argv[1]), actor="child")
uuid = sys.argv[2]
i = 0
while True:
    i += 1
    services.set_answer(uuid, "B-2", value=i)
    print("B-2", i, flush=True)
    code = "A-1" if i % 2 else "A-2"
    services.set_answer(uuid, code, evidence=f"step {i}")
    print(code, i, flush=True)
"""

# The crash loop's child: numbers continue from argv[3] across restarts, so that every value
# ever reported is unique and can be looked up in the audit trail after many kills.
LOOP_EDITOR = r"""
import sys
from kanwa_review.services import Services
from kanwa_review.store import open_database
services = Services(open_database(sys.argv[1]), actor="child")
uuid, i = sys.argv[2], int(sys.argv[3])
while True:
    i += 1
    code = ("B-2", "A-1", "A-2", "A-4")[i % 4]
    if code == "B-2":
        services.set_answer(uuid, code, value=i)
    else:
        services.set_answer(uuid, code, evidence=f"step {i}")
    print(code, i, flush=True)
"""


def run_and_kill(script: str, args: list[str], lines_wanted: int, *, delay: float = 0.0,
                 drain: bool = False) -> list[tuple[str, int]]:
    """Start the child, read what it reports as committed, SIGKILL it mid-stream (after a
    further `delay` seconds of writing). With `drain`, the lines still in the pipe after the
    kill count too: the child printed each of them after its commit."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    reported: list[tuple[str, int]] = []
    deadline = time.monotonic() + 60
    try:
        while len(reported) < lines_wanted and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            code, n = line.split()
            reported.append((code, int(n)))
        if delay:
            time.sleep(delay)
        # no pause otherwise: the child is in the middle of its next transaction when it dies
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up either way
    finally:
        child.kill()
        child.wait(timeout=30)
        if drain:
            for line in child.stdout:
                parts = line.split()
                if len(parts) == 2:        # a line cut by the kill was never complete
                    reported.append((parts[0], int(parts[1])))
        stderr = child.stderr.read()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == (-signal.SIGKILL if os.name == "posix" else 1), stderr
    assert len(reported) >= lines_wanted, f"child reported only {len(reported)} lines: {stderr}"
    return reported


def intact(path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def editable_review(path: Path) -> str:
    """A fresh database with one draft review of the mini form; returns its uuid."""
    from kanwa_review.core.form import load_form
    from kanwa_review.core.review import TeamMember
    from kanwa_review.services import Services
    from kanwa_review.store import open_database

    form = load_form(Path(__file__).parent / "data" / "forms" / "mini.yaml")
    with open_database(path) as db:
        services = Services(db, actor="準備")
        services.create_facility("F001", "架空県立がんセンター", "架空県", "prefectural")
        review = services.start_review("F001", form, date(2025, 11, 20),
                                       [TeamMember("架空 花子", "leader", "physician")])
        services.set_answer(review.uuid, "A-3", value=True)   # makes A-4 relevant
        return review.uuid


def missing_commits(path: Path, uuid: str, reported: list[tuple[str, int]]) -> list:
    """Reported commits that the database does not hold (in its audit trail); [] = none lost."""
    from kanwa_review.services import Services
    from kanwa_review.store import open_database

    with open_database(path) as db:   # recovers the WAL like the next app start would
        held = set()
        for row in Services(db).audit_trail(uuid):
            new = row["new"] or {}
            if row["actor"] == "child" and isinstance(new, dict):
                if isinstance(new.get("value"), int):
                    held.add((row["key"], new["value"]))
                if str(new.get("evidence", "")).startswith("step "):
                    held.add((row["key"], int(new["evidence"].split()[1])))
        answers = Services(db).answers(uuid)
    lost = [c for c in reported if c not in held]
    last: dict[str, int] = {}
    for code, n in reported:
        last[code] = n
    for code, n in last.items():   # the current answer is the last reported one or newer
        a = answers[code]
        now = a.value if code == "B-2" else int(a.evidence.split()[1])
        if now < n:
            lost.append((code, n, "current", now))
    return lost


def crash_loop(path: Path, uuid: str, kills: int, seed: int) -> dict:
    """Kill the loop editor `kills` times at random moments; after each kill check the file
    and that every commit ever reported is held. Returns the figures."""
    rng = random.Random(seed)
    reported: list[tuple[str, int]] = []
    survived = 0
    for k in range(kills):
        start = max((n for _c, n in reported), default=0)
        got = run_and_kill(LOOP_EDITOR, [str(path), uuid, str(start)],
                           lines_wanted=rng.randint(1, 60), delay=rng.uniform(0, 0.03),
                           drain=True)
        reported += got
        intact(path)
        lost = missing_commits(path, uuid, reported)
        assert not lost, (f"kill {k + 1} (seed {seed}): reported commits missing after the "
                          f"crash: {lost[:10]}")
        survived += 1
    return {"kills": survived, "verified": len(reported)}
