"""Services as the one door: opening a database for the UI and the CLI, what screens poll, the
undo write, the demo's guard, and the one status vocabulary and cancel exception."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kanwa_review.core.imports import STATUSES, ImportResult, status_with_key, status_word
from kanwa_review.core.jobs import Cancelled
from kanwa_review.core.review import Answer, AnswerError
from kanwa_review.services import Services, StoreError
from tests.db_support import db_snapshot


def test_open_read_only_writes_nothing_and_refuses_writes(services, draft, db_path):
    before = db_snapshot(db_path)
    with Services.open(db_path, readonly=True) as reader:
        assert reader.readonly and reader.db_path == db_path
        assert [r.uuid for r in reader.list_reviews()] == [draft.uuid]
        with pytest.raises(StoreError):
            reader.set_answer(draft.uuid, "A-1", rating="A")
    assert db_snapshot(db_path) == before


def test_open_does_not_create_a_missing_file_unless_asked(tmp_path):
    with pytest.raises(StoreError):
        Services.open(tmp_path / "none.sqlite")
    assert not (tmp_path / "none.sqlite").exists()
    with Services.open(tmp_path / "new.sqlite", create=True) as created:
        assert created.facilities() == []
    assert (tmp_path / "new.sqlite").is_file()


def test_data_version_changes_when_another_connection_commits(services, draft, db_path):
    seen = services.data_version()
    assert services.data_version() == seen                 # nothing happened
    with Services.open(db_path) as worker:                 # a background job's own Services
        worker.set_answer(draft.uuid, "A-1", rating="B")
    assert services.data_version() != seen


def test_a_new_file_is_removed_when_every_import_was_rejected(tmp_path):
    junk = tmp_path / "junk.kanwa"
    junk.write_bytes(b"not a zip")
    path = tmp_path / "hub.sqlite"
    with Services.open(path, create=True, remove_if_nothing_imported=True) as hub:
        assert [r.status for r in hub.import_packages([junk])] == ["rejected"]
    assert not path.exists() and not (tmp_path / "hub.sqlite-wal").exists()
    # without the option (the app, the UI's workers) a created file always stays
    with Services.open(path, create=True) as hub:
        hub.import_packages([junk])
    assert path.exists()


def test_an_existing_file_is_never_removed(services, db_path, tmp_path):
    junk = tmp_path / "junk.kanwa"
    junk.write_bytes(b"not a zip")
    with Services.open(db_path, create=True, remove_if_nothing_imported=True) as hub:
        hub.import_packages([junk])
    assert db_path.exists()


def test_write_answers_is_one_transaction(services, draft, db_path):
    services.set_answer(draft.uuid, "A-1", rating="A")
    before = db_snapshot(db_path)
    with pytest.raises(AnswerError):
        services.write_answers(draft.uuid, [Answer("A-1", rating="C", comment="理由"),
                                            Answer("A-2", rating="Z")])
    assert db_snapshot(db_path) == before                  # A-1 was rolled back too
    changed = services.write_answers(draft.uuid, [Answer("A-1", rating="B"), Answer("A-2")])
    assert changed.items[:2] == ("A-1", "A-2") and services.answers(draft.uuid)["A-1"].rating == "B"


def test_demo_data_is_never_mixed_with_real_facilities(services, facility, mini_form, db_path):
    before = db_snapshot(db_path)
    with pytest.raises(ValueError) as info:
        services.add_demo_data(mini_form, facilities=2, years=1)
    assert "F001" in str(info.value) and "実際の施設" in str(info.value)
    assert db_snapshot(db_path) == before


def test_demo_data_goes_into_an_empty_database(tmp_path, mini_form):
    with Services.open(tmp_path / "demo.sqlite", create=True, actor="demo") as demo:
        stats = demo.add_demo_data(mini_form, facilities=2, years=1, seed=1,
                                   today=date(2026, 11, 1))
        assert stats.facilities == 2 and len(demo.facilities()) == 2
        again = demo.add_demo_data(mini_form, facilities=1, years=1, seed=2,
                                   today=date(2026, 11, 1))   # a demo database takes more
    assert again.facilities == 1


def test_one_word_per_import_status():
    words = [status_word(s) for s in STATUSES]
    assert words == ["取込", "変更なし", "更新", "却下"]
    assert ImportResult("a.kanwa", "superseded").word == "更新"


def test_one_cancel_exception_stops_long_work_and_writes_nothing(services, final_review,
                                                                 tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        services.export_return(out / "r.xlsx", progress=lambda *a: False)
    with pytest.raises(Cancelled):
        services.write_all_reports(out / "all.pdf", progress=lambda *a: False)
    with pytest.raises(Cancelled):
        services.dashboard(2025, progress=lambda *a: False)
    assert list(out.iterdir()) == []


def test_open_any_schema_backs_up_a_file_of_an_older_schema(tmp_path):
    """`backup` reads whatever known schema a file has, and changes nothing in it."""
    from kanwa_review.store import open_database

    path = tmp_path / "old.sqlite"
    open_database(path, migrate_to=1).close()
    with Services.open(path, any_schema=True) as old:
        old.backup(tmp_path / "copy.sqlite")
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1


def test_importing_services_loads_no_format_library():
    """The app and every headless command import services; the format code's libraries load
    only when a file is read or written, so start-up costs what it did before the one door."""
    import subprocess
    import sys

    code = ("import sys, kanwa_review.services, kanwa_review.commands.common\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'openpyxl', 'reportlab', 'jsonschema', 'PySide6'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_status_words_are_translated_like_any_other_text(monkeypatch):
    from kanwa_review.core import i18n

    assert [status_with_key(s) for s in STATUSES][0] == "取込 (imported)"
    monkeypatch.setattr(i18n, "_language", "en")
    assert [status_word(s) for s in STATUSES] == list(STATUSES)
    assert status_with_key("imported") == "imported"   # not "imported (imported)"
