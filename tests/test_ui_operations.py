"""The one operations runner (ui/operations.py): the work runs on a worker with Services of its
own, progress and cancel reach it, one error path, what changed is dispatched before the
success callback, and a window closed mid-work cancels it and hears nothing more."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from kanwa_review.core.jobs import Cancelled
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.operations import Operation, run_change, run_query
from tests.ui_window_support import ExtensionHost


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def warnings(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: seen.append((parent, title, text)))
    return seen


def test_finished_operation_reports_its_result_not_a_cancel(qtbot, parent, db_path, services):
    results = []
    op = run_query(parent, "テスト", db_path, lambda s, progress: progress(1, 1, "") and 42,
                   on_success=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5_000)
    assert not op.cancelled


def test_the_work_gets_services_of_its_own_on_the_same_file(qtbot, parent, db_path, services):
    seen = []

    def work(worker_services, _progress):
        seen.append((worker_services is services, worker_services.db_path,
                     worker_services.readonly, threading.current_thread()))
        return worker_services.facilities()

    done = []
    run_query(parent, "読む", db_path, work, on_success=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    host = ExtensionHost(services)
    qtbot.addWidget(host)
    run_change(host, "書く", lambda s, _p: (seen.append((s.readonly, s.actor)),
                                            s.create_facility("H001", "架空病院"))[1],
               changes=lambda f: OpChanges(facilities=True, facility_codes=frozenset({f.code})))
    qtbot.waitUntil(lambda: host.refreshed == 1, timeout=5_000)
    same, path, readonly, thread = seen[0]
    assert not same and path == services.db_path and readonly
    assert thread is not threading.main_thread()
    assert seen[1] == (False, services.actor)          # a change writes, as the window's user
    assert [f.code for f in services.facilities()] == ["H001"]   # committed, seen by the UI


def test_progress_reaches_the_dialog(qtbot, parent, db_path, services):
    reported, release = threading.Event(), threading.Event()

    def work(_s, progress):
        progress(3, 10, "三つ目を確認しています…")
        reported.set()
        release.wait(5)
        return "done"

    done = []
    op = run_query(parent, "確認しています…", db_path, work, on_success=done.append)
    assert reported.wait(5)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.value() == 3, timeout=5_000)
    assert op.dialog.maximum() == 10 and op.dialog.labelText() == "三つ目を確認しています…"
    release.set()
    qtbot.waitUntil(lambda: done == ["done"], timeout=5_000)
    assert op.dialog is None                              # closed when the work ended


def test_cancel_stops_the_work_and_calls_on_cancel_only(qtbot, parent, db_path, services):
    started, release = threading.Event(), threading.Event()
    answers, results, cancels = [], [], []

    def work(_s, progress):
        started.set()
        release.wait(5)
        answers.append(progress(1, 2, ""))
        raise Cancelled()

    op = run_query(parent, "テスト", db_path, work, on_success=results.append,
                   on_cancel=lambda: cancels.append(True))
    assert started.wait(5)
    op.dialog.findChild(QPushButton).click()             # the person presses キャンセル
    release.set()
    qtbot.waitUntil(lambda: cancels == [True], timeout=5_000)
    assert answers == [False] and results == []


def test_a_cancelled_import_still_dispatches_and_shows_what_it_did(qtbot, services, db_path):
    host = ExtensionHost(services)
    qtbot.addWidget(host)
    started, release = threading.Event(), threading.Event()

    def work(s, progress):
        done = [s.create_facility("H001", "架空一病院").code]
        started.set()
        release.wait(5)
        if progress(1, 2, ""):
            done.append(s.create_facility("H002", "架空二病院").code)
        return done

    shown = []
    op = run_change(host, "取り込んでいます…", work, keep_partial=True,
                    changes=lambda codes: OpChanges(facilities=True,
                                                    facility_codes=frozenset(codes)),
                    on_success=lambda codes: shown.append((codes, host.refreshed)))
    assert started.wait(5)
    op.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    # what was imported before the cancel is dispatched first, then shown
    assert shown == [(["H001"], 1)]
    assert host.changes == [OpChanges(facilities=True, facility_codes=frozenset({"H001"}))]


def test_nothing_changed_is_not_dispatched(qtbot, services):
    host = ExtensionHost(services)
    qtbot.addWidget(host)
    done = []
    run_change(host, "取込", lambda s, p: [], changes=OpChanges.of_imports,
               on_success=done.append)
    qtbot.waitUntil(lambda: done == [[]], timeout=5_000)
    assert host.refreshed == 0


def test_a_user_error_is_one_warning_with_its_message(qtbot, parent, db_path, services,
                                                      warnings, caplog):
    def work(_s, _p):
        raise ValueError("x.kanwa: 施設コードを確認してください")

    done = []
    op = Operation(parent, "取り込んでいます…", work, db_path=db_path,
                   on_success=done.append).run()
    with caplog.at_level(logging.ERROR, logger="kanwa_review.ui"):
        qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert warnings == [(parent, "取り込んでいます…", "x.kanwa: 施設コードを確認してください")]
    assert done == [] and not caplog.records and op.dialog is None


def test_an_unexpected_error_is_the_same_warning_and_a_logged_traceback(
        qtbot, parent, db_path, services, warnings, caplog):
    def work(_s, _p):
        raise RuntimeError("壊れた状態")

    with caplog.at_level(logging.ERROR, logger="kanwa_review.ui"):
        run_query(parent, "集計しています…", db_path, work)
        qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    (_parent, title, text), = warnings
    assert title == "集計しています…" and "予期しない" in text and "壊れた状態" in text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Traceback" in logged and "RuntimeError: 壊れた状態" in logged


def test_a_missing_database_goes_through_the_same_error_path(qtbot, parent, tmp_path,
                                                             warnings):
    run_query(parent, "読む", tmp_path / "none.sqlite", lambda s, p: 1)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert "none.sqlite" in warnings[0][2]


def test_closing_the_parent_cancels_the_work_and_drops_its_late_reports(qtbot, db_path,
                                                                        services, warnings):
    parent = QWidget()
    started, release = threading.Event(), threading.Event()
    seen_cancel, results, cancels = [], [], []

    def work(_s, progress):
        started.set()
        release.wait(5)
        seen_cancel.append(not progress(1, 2, "途中"))  # progress() says False once cancelled
        return "late"

    op = run_query(parent, "テスト", db_path, work, on_success=results.append,
                   on_cancel=lambda: cancels.append(True))
    assert started.wait(5)
    parent.deleteLater()          # the window closes (WA_DeleteOnClose) while the work runs
    qtbot.waitUntil(lambda: op.cancelled, timeout=5_000)
    # wait for the late report itself (connected after the runner's own handler, so that
    # handler has run when the wait ends), not for a fixed time
    with qtbot.waitSignal(op.signals.finished, timeout=5_000):
        release.set()
    assert seen_cancel == [True]
    assert results == [] and cancels == [] and warnings == []


def test_a_closed_window_gets_no_dispatch(qtbot, services):
    host = ExtensionHost(services)
    started, release = threading.Event(), threading.Event()

    def work(s, _p):
        started.set()
        release.wait(5)
        return s.create_facility("H009", "架空九病院")

    op = run_change(host, "書く", work, changes=lambda f: OpChanges(facilities=True))
    assert started.wait(5)
    host.deleteLater()
    qtbot.waitUntil(lambda: op.cancelled, timeout=5_000)
    with qtbot.waitSignal(op.signals.finished, timeout=5_000):
        release.set()
    assert op.orphaned     # the late report went nowhere (the host is gone)


def test_on_done_runs_last_however_the_work_ended(qtbot, parent, db_path, services, warnings):
    """A dialog that disabled its OK button while the work runs offers it again after a
    success, an error or a cancel — also when the worker fails at once."""
    order = []

    def fail(_s, _p):
        raise ValueError("taken.key: すでにあります")
    run_query(parent, "作成しています…", db_path, fail, on_success=order.append,
              on_done=lambda: order.append(("done", len(warnings))))
    qtbot.waitUntil(lambda: bool(order), timeout=5_000)
    assert order == [("done", 1)]                      # after the warning was shown
    order.clear()
    run_query(parent, "作成しています…", db_path, lambda s, p: 7, on_success=order.append,
              on_done=lambda: order.append("done"))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5_000)
    assert order == [7, "done"]
    order.clear()

    def stop(_s, _p):
        raise Cancelled()
    run_query(parent, "作成しています…", db_path, stop, on_cancel=lambda: order.append("cancel"),
              on_done=lambda: order.append("done"))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5_000)
    assert order == ["cancel", "done"]
