"""The store: pragmas, transactions, audit, immutability, backups and hostile database files."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kanwa_review.core.review import AnswerError, ReviewStateError, TeamMember
from kanwa_review.services import IncompleteReviewError, Services
from kanwa_review.store import StoreError, open_database
from kanwa_review.store.backup import backup_to, rotate_backup
from kanwa_review.store.migrations import LATEST
from tests.conftest import complete_mini


def counts(path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: con.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    finally:
        con.close()


def test_new_database_is_wal_with_foreign_keys_and_latest_schema(database):
    assert database.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.schema_version() == LATEST
    assert database.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_action_writes_the_audit_trail(services, draft):
    services.set_answer(draft.uuid, "A-1", rating="B", evidence="議事録")
    services.set_answer(draft.uuid, "A-1", rating="A")
    fid, _ = services.add_finding(draft.uuid, "improve", "手順書を改訂されたい", ["A-1"])
    services.update_finding(draft.uuid, fid, text="手順書を年1回改訂されたい")
    trail = services.audit_trail(draft.uuid)
    actions = [(t["entity"], t["action"], t["key"]) for t in trail]
    assert actions[0] == ("review", "create", None)
    assert ("answer", "set", "A-1") in actions and ("finding", "update", str(fid)) in actions
    last_answer = [t for t in trail if t["entity"] == "answer"][-1]
    assert last_answer["old"]["rating"] == "B" and last_answer["new"]["rating"] == "A"
    assert all(t["actor"] == "テスト 太郎" for t in trail)


def test_a_failed_action_writes_nothing(services, draft, db_path):
    before = counts(db_path)
    with pytest.raises(AnswerError, match="A-1: 評価の記号 'Z' は使えません"):
        services.set_answer(draft.uuid, "A-1", rating="Z")
    with pytest.raises(RuntimeError, match="^power cut mid-action$"):
        with services.database.transaction():
            services.set_answer(draft.uuid, "A-1", rating="A")
            raise RuntimeError("power cut mid-action")
    assert counts(db_path) == before


def test_nested_transactions_commit_once_even_through_sqlite_utils(database, services, facility):
    with database.transaction() as db:
        db["facilities"].insert({"code": "F002", "name": "架空市民病院"})
        assert database.conn.in_transaction
        services.create_facility("F003", "架空中央病院")
        assert database.conn.in_transaction  # sqlite-utils' own `with conn:` did not commit
    assert {f.code for f in services.facilities()} == {"F001", "F002", "F003"}


def test_finalised_revision_is_immutable_in_services_and_in_sql(services, final_review):
    uuid = final_review.uuid
    with pytest.raises(ReviewStateError, match="確定済み"):
        services.set_answer(uuid, "A-1", rating="D")
    with pytest.raises(ReviewStateError):
        services.add_finding(uuid, "strength", "追加")
    with pytest.raises(ReviewStateError):
        services.delete_draft(uuid)
    conn = services.database.conn
    for sql in ("UPDATE answers SET rating = 'D'", "DELETE FROM findings",
                "DELETE FROM team_members", "UPDATE reviews SET visit_date = '2020-01-01'",
                "DELETE FROM reviews", "UPDATE audit SET actor = 'x'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.IntegrityError, match="kanwa"):
            conn.execute(sql)
    assert services.answers(uuid)["A-1"].rating == "A"


def test_finalise_needs_completeness_and_a_signature(services, draft):
    with pytest.raises(IncompleteReviewError) as info:
        services.finalise(draft.uuid, "山田 花子")
    assert {g.item_code for g in info.value.gaps} == {"", "A-1", "A-2", "A-3", "B-1"}
    assert info.value.gaps[0].kind == "overall_comment"       # 総評 first, then the items
    complete_mini(services, draft.uuid)
    with pytest.raises(ValueError):
        services.finalise(draft.uuid, "  ")
    services.finalise(draft.uuid, "山田 花子")
    r = services.review(draft.uuid)
    assert r.is_final and r.finalised_by == "山田 花子" and r.finalised_at


def test_amend_creates_the_next_revision_and_keeps_history(services, final_review):
    new = services.amend(final_review.uuid, "評価の見直し")
    assert (new.revision, new.status) == (2, "draft")
    assert services.answers(final_review.uuid) == services.answers(final_review.uuid, 1)
    services.set_answer(final_review.uuid, "A-1", rating="B")
    assert services.answers(final_review.uuid, 1)["A-1"].rating == "A"
    assert [r.revision for r in services.history(final_review.uuid)] == [1, 2]
    listed = [r for r in services.list_reviews() if r.uuid == final_review.uuid]
    assert [(r.revision, r.status) for r in listed] == [(2, "draft")]


def test_skip_logic_clears_hidden_answers_in_the_same_action(services, draft):
    services.set_answer(draft.uuid, "A-3", value=True)
    services.set_answer(draft.uuid, "A-4", value="STAS-J")
    changed = services.set_answer(draft.uuid, "A-3", value=False)
    assert changed.cleared == ("A-4",)
    assert "A-4" not in services.answers(draft.uuid)
    assert any(t["action"] == "clear_skipped" for t in services.audit_trail(draft.uuid))


def test_findings_reorder_and_delete(services, draft):
    ids = [services.add_finding(draft.uuid, "strength", f"良い点{i}")[0] for i in range(3)]
    services.move_finding(draft.uuid, ids[2], 0)
    assert [f.text for f in services.findings(draft.uuid)] == ["良い点2", "良い点0", "良い点1"]
    services.delete_finding(draft.uuid, ids[0])
    assert [f.position for f in services.findings(draft.uuid)] == [0, 2]
    with pytest.raises(ValueError):
        services.add_finding(draft.uuid, "strength", "x", ["Z-9"])


def test_delete_draft_removes_rows_but_keeps_the_audit(services, draft, db_path):
    services.set_answer(draft.uuid, "A-1", rating="A")
    services.delete_draft(draft.uuid)
    assert services.list_reviews() == []
    assert counts(db_path)["answers"] == 0
    assert services.audit_trail(draft.uuid)[-1]["action"] == "delete"


def test_team_and_facility_rules(services, facility, mini_form):
    with pytest.raises(ValueError):
        services.create_facility("F001", "重複")
    with pytest.raises(ValueError):
        services.create_facility("../x", "不正")
    with pytest.raises(ValueError):
        TeamMember("名前", role="boss")
    with pytest.raises(ValueError):
        services.start_review("F001", mini_form, date(2025, 6, 1),
                              [TeamMember("甲", "leader"), TeamMember("乙", "leader")])
    with pytest.raises(LookupError):
        services.start_review("NOPE", mini_form, date(2025, 6, 1))


def test_review_reopens_with_its_own_form_snapshot(db_path, services, draft, mini_form):
    services.database.close()
    db = open_database(db_path)
    try:
        s = Services(db)
        assert s.form_of(s.review(draft.uuid)) == mini_form
    finally:
        db.close()


def test_backup_is_a_consistent_standalone_copy(services, final_review, tmp_path):
    dest = backup_to(services.database, tmp_path / "copy.sqlite")
    assert counts(dest)["answers"] == counts(services.database.path)["answers"] > 0
    with pytest.raises(StoreError, match="既にあります"):
        backup_to(services.database, dest)
    folder = tmp_path / "rot"
    for _ in range(4):
        rotate_backup(services.database, folder, keep=2)
    assert len(list(folder.glob("*.sqlite"))) == 2


def test_missing_folder_is_refused_without_creating_it(tmp_path):
    target = tmp_path / "no" / "such" / "x.sqlite"
    with pytest.raises(StoreError, match="フォルダがありません"):
        open_database(target)
    assert not target.parent.exists()


def test_foreign_sqlite_and_non_sqlite_files_are_refused_untouched(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="kanwa-review のデータベースではない SQLite ファイル"):
        open_database(other)
    assert other.read_bytes() == before
    text = tmp_path / "notes.sqlite"
    text.write_text("hello, not a database" * 100)
    with pytest.raises(StoreError, match="kanwa-review のデータベースではないか、ファイルが壊れています"):
        open_database(text)


def test_database_from_a_newer_app_is_refused_untouched(db_path, database):
    database.conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    database.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="新しい版の kanwa-review で作られた"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_read_only_database_gives_a_clear_error(db_path, database, monkeypatch):
    """A file the user may not write (permissions, a locked-down share). Root ignores file
    modes, so the test makes SQLite itself see the file as read-only."""
    import kanwa_review.store.database as dbmod

    database.close()
    before = db_path.read_bytes()
    real_connect = dbmod._connect
    monkeypatch.setattr(dbmod, "_connect", lambda path, readonly: real_connect(path, True))
    db = open_database(db_path)  # reading still works
    try:
        with pytest.raises(StoreError, match="読み取り専用です") as info:
            Services(db).create_facility("F9", "架空病院")
        assert str(db_path) in str(info.value)
    finally:
        db.close()
    assert db_path.read_bytes() == before


def test_read_only_mode_reads_but_refuses_writes(db_path, services, final_review):
    services.database.close()
    ro = open_database(db_path, readonly=True)
    try:
        s = Services(ro)
        assert len(s.list_reviews()) == 1
        with pytest.raises(StoreError, match="読み取り専用で開いている"):
            s.create_facility("F9", "x")
    finally:
        ro.close()


def test_locked_database_gives_a_clear_error(db_path, services, facility, monkeypatch):
    import kanwa_review.store.database as dbmod

    other = sqlite3.connect(db_path, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        services.database.conn.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(StoreError, match="locked"):
            services.create_facility("F5", "架空病院")
    finally:
        other.rollback()
        other.close()
    assert dbmod.BUSY_TIMEOUT_MS >= 1000  # real use waits for a moment before giving up


def test_two_connections_interleave_writes_safely(db_path, services, draft):
    second = Services(open_database(db_path), actor="二人目")
    try:
        for i in range(20):
            services.set_answer(draft.uuid, "A-1", evidence=f"first {i}")
            second.set_answer(draft.uuid, "B-2", value=i)
        assert second.answers(draft.uuid)["A-1"].evidence == "first 19"
        assert services.answers(draft.uuid)["B-2"].value == 19
    finally:
        second.database.close()
    assert services.database.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
