"""Python's cyclic garbage collector runs in whichever thread happens to allocate when its
threshold is reached. With the operations runner's worker threads (ui/operations.py) that can
be a worker, collecting widgets and other Qt objects of the UI thread there — or the UI thread
in the middle of Qt's event handling, collecting objects Qt still uses. Either crashes the
process (a segmentation fault seen in the test suite while a form was read on a worker).

So the automatic collector is switched off and the UI thread collects from a timer, between
events, when the collector's own counters say it would have (the same generation thresholds).
Reference counting still frees almost everything at once; only cycles wait for the timer."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbageCollector(QObject):
    """Collects on the UI thread every `interval_ms` when the counts reached the thresholds."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


def install(app: QObject) -> GarbageCollector:
    """Once per QApplication: the collector lives as the application's child."""
    found = app.findChild(GarbageCollector)
    return found if found is not None else GarbageCollector(app)


__all__ = ["GarbageCollector", "install"]
