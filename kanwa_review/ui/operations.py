"""The one runner of long work (imports, exports, reports, the hub's overviews), after Anki's
CollectionOp / QueryOp: the work runs on a worker thread with its own `Services` opened on the
same database file, shows progress with a cancel button, has one error path (ui/errors.py), and
a change reports *what changed* (services' `OpChanges`), which the main window dispatches so
each screen re-reads only what it shows.

    run_query(window, "報告書を作成しています…", window.db_path,
              lambda services, progress: services.write_report(uuid, out), on_success=saved)
    run_change(window, "提出ファイルを取り込んでいます…",
               lambda services, progress: services.import_packages(files, progress=progress),
               changes=OpChanges.of_imports, on_success=show_results, keep_partial=True)

`work(services, progress)` runs on the worker: `progress(done, total, text)` returns False once
the person pressed cancel, and the work stops (raising `Cancelled`, or returning what it did so
far). Callbacks run on the UI thread. A window closed while its work runs cancels the work and
drops its late reports.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from kanwa_review.core.jobs import Cancelled, Progress
from kanwa_review.services import Services
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.errors import warn

Work = Callable[[Services, Progress], Any]


def perform(db_path: str | Path, work: Work, progress: Progress, *, writes: bool = False,
            actor: str | None = None) -> Any:
    """Run `work` on Services of its own over `db_path` (what the worker thread does; tests
    call it directly). Never the UI thread's connection: SQLite connections stay in their
    thread, and WAL lets this reader or writer run beside the UI's."""
    with Services.open(db_path, readonly=not writes, actor=actor) as services:
        return work(services, progress)


@dataclass
class Outcome:
    """How the work ended: a result (perhaps partial, after a cancel), a cancel, or an error."""

    result: Any = None
    cancelled: bool = False
    error: BaseException | None = None
    trace: str = ""


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)       # Outcome


class _Worker(QRunnable):
    def __init__(self, operation: Operation):
        super().__init__()
        self.operation = operation
        self.setAutoDelete(False)   # the Operation holds it until it reports back

    @Slot()
    def run(self) -> None:
        op = self.operation
        try:
            result = perform(op.db_path, op.work, op.report_progress, writes=op.writes,
                             actor=op.actor)
        except Cancelled:
            outcome = Outcome(cancelled=True)
        except Exception as exc:     # every error reaches the UI through one path
            outcome = Outcome(error=exc, trace=traceback.format_exc())
        else:
            outcome = Outcome(result, cancelled=op.cancelled)
        op.signals.finished.emit(outcome)


_running: set[Operation] = set()   # Python references until each operation reports back


class Operation:
    """One piece of work on the worker (see the module docstring); `run()` starts it.

    `changes(result)` says what a writing operation changed; `on_changes` (the main window's
    `apply_changes`) receives it before `on_success(result)`. After a cancel, `on_cancel()`
    runs instead, unless `keep_partial`: an import cancelled half-way returns the files it
    did import, which are then dispatched and shown like a finished run."""

    def __init__(self, parent: QWidget | None, title: str, work: Work, *,
                 db_path: str | Path, writes: bool = False, actor: str | None = None,
                 changes: Callable[[Any], OpChanges] | None = None,
                 on_changes: Callable[[OpChanges], None] | None = None,
                 on_success: Callable[[Any], None] | None = None,
                 on_cancel: Callable[[], None] | None = None,
                 on_done: Callable[[], None] | None = None,
                 keep_partial: bool = False, show_progress: bool = True):
        self.parent, self.title, self.work = parent, title, work
        self.db_path, self.writes, self.actor = Path(db_path), writes, actor
        self.changes, self.on_changes = changes, on_changes
        self.on_success, self.on_cancel, self.on_done = on_success, on_cancel, on_done
        self.keep_partial, self.show_progress = keep_partial, show_progress
        self.signals = _Signals()
        self.dialog: QProgressDialog | None = None
        self.worker: _Worker | None = None
        self.orphaned = False     # the parent window was closed: report nothing
        self._cancel = threading.Event()

    # --- cancel -------------------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report_progress(self, done: int, total: int, text: str = "") -> bool:
        """The work's `progress` callback (worker thread): False asks it to stop."""
        self.signals.progress.emit(done, total, text)
        return not self._cancel.is_set()

    # --- running ------------------------------------------------------------------------
    def run(self) -> Operation:
        if self.parent is not None:
            # the widget that asked may be closed (and deleted) while the work runs: then the
            # work is cancelled and its late reports go nowhere, not into deleted widgets
            self.parent.destroyed.connect(self._parent_gone)
        if self.show_progress:
            self._make_dialog()
        self.signals.finished.connect(self._finished)
        _running.add(self)
        self.worker = _Worker(self)   # held here: the pool does not own it (autoDelete off)
        QThreadPool.globalInstance().start(self.worker)
        return self

    def _parent_gone(self, *_args) -> None:
        self.orphaned = True
        self.cancel()

    def _make_dialog(self) -> None:
        cancel_text = QCoreApplication.translate("Operations", "キャンセル")
        dialog = QProgressDialog(self.title, cancel_text, 0, 0, self.parent)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)  # no flash for quick work
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.signals.progress.connect(self._show_progress)
        self.dialog = dialog

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self.orphaned or self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None or self.orphaned:
            return
        # QProgressDialog emits `canceled` when closed: detach first, or every finished
        # operation would look cancelled
        dialog.canceled.disconnect(self.cancel)
        dialog.close()
        dialog.deleteLater()

    def _finished(self, outcome: Outcome) -> None:
        _running.discard(self)
        self._close_dialog()
        if self.orphaned:
            return
        try:
            self._report(outcome)
        finally:
            if self.on_done is not None:   # however it ended (a dialog offers OK again)
                self.on_done()

    def _report(self, outcome: Outcome) -> None:
        if self.parent is not None:
            try:   # the window lives on: it no longer needs to cancel this operation
                self.parent.destroyed.disconnect(self._parent_gone)
            except (RuntimeError, TypeError):
                pass
        if outcome.error is not None:
            warn(self.parent, self.title, outcome.error, outcome.trace)
            return
        if outcome.cancelled and not (self.keep_partial and outcome.result is not None):
            if self.on_cancel is not None:
                self.on_cancel()
            return
        if self.changes is not None and self.on_changes is not None:
            changes = self.changes(outcome.result)
            if changes.any:
                self.on_changes(changes)
        if self.on_success is not None:
            self.on_success(outcome.result)


def run_query(parent: QWidget | None, title: str, db_path: str | Path, work: Work, *,
              on_success: Callable[[Any], None] | None = None,
              on_cancel: Callable[[], None] | None = None,
              on_done: Callable[[], None] | None = None,
              show_progress: bool = True) -> Operation:
    """Read (or write files from) the database on the worker: read-only Services.
    `on_done()` runs last however the work ended (success, error, cancel)."""
    return Operation(parent, title, work, db_path=db_path, on_success=on_success,
                     on_cancel=on_cancel, on_done=on_done, show_progress=show_progress).run()


def run_change(window, title: str, work: Work, *, changes: Callable[[Any], OpChanges],
               on_success: Callable[[Any], None] | None = None,
               on_cancel: Callable[[], None] | None = None,
               keep_partial: bool = False) -> Operation:
    """Write to the database on the worker, as the window's user; what `changes(result)` says
    goes to `window.apply_changes` (the main window's dispatch) before `on_success`."""
    return Operation(window, title, work, db_path=window.db_path, writes=True,
                     actor=window.services.actor, changes=changes,
                     on_changes=window.apply_changes, on_success=on_success,
                     on_cancel=on_cancel, keep_partial=keep_partial).run()


__all__ = ["Operation", "Outcome", "perform", "run_query", "run_change"]
