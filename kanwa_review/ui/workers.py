"""One way to run long work (import, reports, Excel) off the UI thread, with progress and cancel.

    job = run_job(parent, "PDFを作成しています…", work, on_done=show_result)

`work(progress)` runs in the thread pool. It calls `progress(done, total, text)` as it goes and
must stop when that returns False (the user pressed cancel); it returns a result or raises.
`on_done(result)` and `on_error(exc)` run on the UI thread. Errors default to one warning box.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kanwa_review.core.jobs import Cancelled, Progress

class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)


class Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]):
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the Job object outlives run(): the UI still holds it

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, text: str = "") -> bool:
        self.signals.progress.emit(done, total, text)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Cancelled:  # the work noticed the cancel request (returning early is fine too)
            self.signals.done.emit(None)
        except Exception as exc:  # every error reaches the UI through one path
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


_running: set[Job] = set()  # keep Python references until the job reports back


def run_job(parent: QWidget | None, title: str, work: Callable[[Progress], Any], *,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None,
            show_progress: bool = True) -> Job:
    job = Job(work)
    dialog = None
    # the widget that asked may be closed (and deleted) while the job runs: then the job is
    # cancelled and its late reports go nowhere, instead of into deleted widgets
    orphaned = []

    def parent_gone(*_args) -> None:
        orphaned.append(True)
        job.cancel()

    if parent is not None:
        parent.destroyed.connect(parent_gone)
    if show_progress:
        dialog = QProgressDialog(title, "キャンセル", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)  # no flash for quick jobs
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)

        def show_progress_(done: int, total: int, text: str) -> None:
            if orphaned:
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        job.signals.progress.connect(show_progress_)

    def finish() -> None:
        _running.discard(job)
        if dialog is not None and not orphaned:
            # QProgressDialog emits `canceled` when closed: detach first, or every finished
            # job would look cancelled
            dialog.canceled.disconnect(job.cancel)
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        cancelled = job.cancelled
        finish()
        if on_done is not None and not orphaned:
            on_done(None if cancelled else result)

    def failed(exc: Exception, tb: str) -> None:
        finish()
        if orphaned:
            return
        if on_error is not None:
            on_error(exc)
        else:
            QMessageBox.warning(parent, title, f"{exc}")

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job
