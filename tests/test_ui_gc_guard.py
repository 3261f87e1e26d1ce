"""ui/gc_guard.py: cycles are collected on the UI thread from a timer, never by the automatic
collector in whichever thread allocates (a worker of the operations runner)."""

from __future__ import annotations

import gc
import weakref

from kanwa_review.ui import gc_guard


class _Node:
    def __init__(self):
        self.me = self


def test_the_app_collects_cycles_on_its_timer(qapp, qtbot):
    guard = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is guard            # one per application
    assert not gc.isenabled() and guard.timer.isActive()
    node = _Node()
    gone = weakref.ref(node)
    del node
    assert gone() is not None                          # a cycle: not freed by reference counts
    old = guard.threshold
    guard.threshold = (0, old[1], old[2])              # generation 0 is over its threshold now
    try:
        qtbot.waitUntil(lambda: gone() is None, timeout=3000)
    finally:
        guard.threshold = old


def test_nothing_is_collected_below_the_thresholds(qapp, monkeypatch):
    guard = gc_guard.install(qapp)
    calls = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: calls.append(generation))
    monkeypatch.setattr(gc, "get_count", lambda: (1, 0, 0))
    guard.check()
    assert calls == []
    monkeypatch.setattr(gc, "get_count", lambda: (10**6, 11, 0))
    guard.check()
    assert calls == [1]                                # the oldest generation over its own
