"""Background jobs (ui/workers.run_job): results, cancel, and a parent closed mid-job."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from kanwa_review.ui.workers import run_job


def test_finished_job_reports_its_result_not_a_cancel(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    job = run_job(parent, "テスト", lambda progress: progress(1, 1, "") and 42,
                  on_done=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5_000)
    assert not job.cancelled


def test_closing_the_parent_cancels_the_job_and_drops_its_late_reports(qtbot):
    parent = QWidget()
    started, release = threading.Event(), threading.Event()
    seen_cancel, results, errors = [], [], []

    def work(progress):
        started.set()
        release.wait(5)
        seen_cancel.append(not progress(1, 2, "途中"))  # progress() says False once cancelled
        return "late"

    job = run_job(parent, "テスト", work, on_done=results.append, on_error=errors.append)
    assert started.wait(5)
    parent.deleteLater()          # the window closes (WA_DeleteOnClose) while the job runs
    qtbot.waitUntil(lambda: job.cancelled, timeout=5_000)
    # wait for the job's late report itself (connected after run_job's own handler, so that
    # handler has run when the wait ends), not for a fixed time
    with qtbot.waitSignal(job.signals.done, timeout=5_000):
        release.set()
    assert seen_cancel == [True]
    assert results == [] and errors == []
