"""Proof that a crash loses nothing: a child process sets answers through the services in a
loop and reports each commit; it is killed with SIGKILL at random moments (3 times here, 50
in benchmarks/bench_proofs.py). After every kill the file passes SQLite's integrity and
foreign-key checks and every change ever reported as committed is held."""

from __future__ import annotations

from tests.crash_support import crash_loop, editable_review, intact

SEED = 20261125


def test_three_random_kills_lose_no_reported_commit(tmp_path):
    path = tmp_path / "loop.sqlite"
    uuid = editable_review(path)
    figures = crash_loop(path, uuid, kills=3, seed=SEED)
    assert figures["kills"] == 3
    assert figures["verified"] >= 3          # at least one commit reported per run
    intact(path)
