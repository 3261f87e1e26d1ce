"""Crash safety: a process killed while editing loses nothing it reported as saved, the file
stays intact, the app reopens the review where it was; two connections share one file safely."""

from __future__ import annotations

import threading

import pytest

from kanwa_review.services import Services
from kanwa_review.store import StoreError, open_database
from tests.crash_support import EDITOR as _EDITOR
from tests.crash_support import intact as _intact
from tests.crash_support import run_and_kill as _run_and_kill

# The app itself (offscreen): opens the review (remembered in settings) and edits it.
_APP = r"""
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from kanwa_review.services import Services
from kanwa_review.store import open_database
from kanwa_review.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Services(open_database(sys.argv[1]), actor="child"),
                    settings=QSettings(sys.argv[3], QSettings.IniFormat))
window.show()
window.open_review(sys.argv[2])
for i in range(1, 100000):
    code = ("B-2", "B-5", "A-1")[i % 3]
    kwargs = {"B-2": dict(value=i), "B-5": dict(value=f"2025-04-{1 + i % 28:02d}"),
              "A-1": dict(evidence=f"step {i}")}[code]
    window.services.set_answer(sys.argv[2], code, **kwargs)
    print(code, i, flush=True)
    app.processEvents()
"""


def _last_reported(reported) -> dict[str, int]:
    last: dict[str, int] = {}
    for code, n in reported:
        last[code] = n
    return last


def test_killed_editor_loses_nothing_it_reported(db_path, draft, database):
    database.close()  # the child is the only writer
    reported = _run_and_kill(_EDITOR, [str(db_path), draft.uuid], lines_wanted=120)
    _intact(db_path)
    with open_database(db_path) as db:  # recovers the WAL like the next app start would
        services = Services(db)
        answers = services.answers(draft.uuid)
        last = _last_reported(reported)
        # stored ≥ reported: the child may have committed one more change before it died
        assert answers["B-2"].value >= last["B-2"]
        for code in ("A-1", "A-2"):
            assert int(answers[code].evidence.split()[1]) >= last[code]
        edits = [row for row in services.audit_trail(draft.uuid) if row["actor"] == "child"]
        assert len(edits) >= len(reported)  # every reported change is in the audit trail
        assert services.last_item(draft.uuid) in ("B-2", "A-1", "A-2")


def test_killed_app_reopens_the_review_where_it_was(qtbot, db_path, draft, database, tmp_path):
    from PySide6.QtCore import QSettings

    from kanwa_review.ui.main_window import MainWindow

    database.close()
    ini = tmp_path / "settings.ini"
    reported = _run_and_kill(_APP, [str(db_path), draft.uuid, str(ini)], lines_wanted=30)
    _intact(db_path)
    db = open_database(db_path)
    try:
        services = Services(db)
        window = MainWindow(services, settings=QSettings(str(ini), QSettings.IniFormat))
        qtbot.addWidget(window)
        window.show()
        assert window.restore_session()  # the killed app had this review open
        screen = window.review_screen
        assert screen.uuid == draft.uuid
        last_item = services.last_item(draft.uuid)
        assert screen.focused_item == last_item and last_item in ("B-2", "B-5", "A-1")
        answers = services.answers(draft.uuid)
        last = _last_reported(reported)
        assert answers["B-2"].value >= last["B-2"]
        assert int(answers["A-1"].evidence.split()[1]) >= last["A-1"]
    finally:
        db.close()


def test_two_connections_interleave_writes(db_path, draft, database):
    """Two app windows (or processes) on one file: WAL lets both read and write in turn;
    each sees the other's committed answers."""
    other = open_database(db_path)
    try:
        a, b = Services(database, actor="window A"), Services(other, actor="window B")
        for i in range(20):
            a.set_answer(draft.uuid, "B-2", value=i)
            assert b.answers(draft.uuid)["B-2"].value == i
            b.set_answer(draft.uuid, "A-1", evidence=f"B wrote {i}")
            assert a.answers(draft.uuid)["A-1"].evidence == f"B wrote {i}"
        actors = {row["actor"] for row in a.audit_trail(draft.uuid)}
        assert {"window A", "window B"} <= actors
    finally:
        other.close()
    _intact(db_path)


def test_a_writer_waits_for_the_other_then_fails_clearly(db_path, draft, database):
    """While one connection holds a write transaction, the other waits (busy timeout) and
    succeeds once it ends; if it never ends, the user gets a clear StoreError, not a hang."""
    other = open_database(db_path)
    try:
        b = Services(other, actor="window B")

        def hold(locked: threading.Event, release: threading.Event) -> None:
            with database.transaction():
                database.conn.execute("UPDATE reviews SET updated_at = updated_at")
                locked.set()              # the write lock is held from here …
                assert release.wait(10)   # … until the test lets go

        locked, release = threading.Event(), threading.Event()
        holder = threading.Thread(target=hold, args=(locked, release))
        holder.start()
        assert locked.wait(10)
        writer = threading.Thread(target=b.set_answer, args=(draft.uuid, "B-2"),
                                  kwargs={"value": 7})
        writer.start()
        writer.join(0.3)
        assert writer.is_alive()          # B waits for the lock (busy timeout 5 s) …
        release.set()
        holder.join(10)
        writer.join(10)
        assert not writer.is_alive()      # … and commits once A's transaction ends
        assert b.answers(draft.uuid)["B-2"].value == 7

        other.conn.execute("PRAGMA busy_timeout = 100")  # keep the test short
        locked, release = threading.Event(), threading.Event()
        holder = threading.Thread(target=hold, args=(locked, release))
        holder.start()
        assert locked.wait(10)
        try:
            with pytest.raises(StoreError, match="他のプログラム.*使用中です"):
                b.set_answer(draft.uuid, "B-2", value=8)
        finally:
            release.set()
            holder.join(10)
        assert b.answers(draft.uuid)["B-2"].value == 7  # nothing half-written
    finally:
        other.close()
    _intact(db_path)


def test_a_second_window_sees_the_other_windows_changes(qtbot, db_path, services, draft,
                                                        tmp_path):
    """Two app instances on one database: when window A becomes active again after B wrote,
    it re-reads (SQLite's data_version tells it), and its own edits do not trigger that."""
    from tests.ui_window_support import make_window

    window = make_window(qtbot, services, tmp_path)
    assert not window.refresh_if_changed_elsewhere()
    services.set_answer(draft.uuid, "A-1", rating="B")  # our own edit
    window._remember_data_version()
    assert not window.refresh_if_changed_elsewhere()

    other = open_database(db_path)
    try:
        Services(other, actor="window B").create_facility("F777", "架空第二病院")
    finally:
        other.close()
    assert window.refresh_if_changed_elsewhere()
    assert "施設 2 件" in window.home.summary.text()
    assert not window.refresh_if_changed_elsewhere()  # once only
