"""Migration 4 (improvement actions) upgrades a file of the version before it, keeping its data;
the new tables are not under the finalised-review guards; the demo fills them."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from kanwa_review.core.pdca import ACTION_STATUSES, IN_PROGRESS
from kanwa_review.core.review import Finding
from kanwa_review.services import Services
from kanwa_review.store import open_database
from kanwa_review.store.migrations import LATEST, MIGRATIONS, _m4_improvement_actions
from tests.conftest import TeamMember

PDCA_STEP = MIGRATIONS.index(_m4_improvement_actions) + 1
UUID = "0b0e6a3c-7c9e-4a86-9a44-2f5b7c1d0e01"


def _tables(database) -> set[str]:
    return {r[0] for r in database.conn.execute("SELECT name FROM sqlite_master WHERE "
                                                "type = 'table'")}


def test_pdca_migration_upgrades_the_previous_version_with_data_kept(tmp_path, mini_form):
    path = tmp_path / "before.sqlite"
    old = open_database(path, migrate_to=PDCA_STEP - 1)
    assert "improvement_actions" not in _tables(old)
    # a finalised review as the version before wrote it (today's services write columns that
    # later migrations added, so the rows are written as they were then)
    from kanwa_review.store import repository as repo

    with old.transaction():
        fac = old.conn.execute(
            "INSERT INTO facilities (code, name, prefecture, category, created_at, updated_at) "
            "VALUES ('F001', '架空県立がんセンター', '架空県', 'prefectural', ?, ?)",
            ("2024-09-01T00:00:00+00:00",) * 2).lastrowid
        rid = old.conn.execute(
            "INSERT INTO reviews (uuid, revision, facility_id, form_hash, status, visit_date, "
            "fiscal_year, created_at, updated_at, superseded) "
            "VALUES (?, 1, ?, ?, 'draft', '2024-10-01', 2024, ?, ?, 0)",
            (UUID, fac, repo.ensure_form(old, mini_form), "2024-10-01T00:00:00+00:00",
             "2024-10-01T00:00:00+00:00")).lastrowid
        repo.replace_team(old, rid, (TeamMember("山田", "leader"),))
        old.conn.executemany(
            "INSERT INTO answers (review_id, item_code, rating, value_json, comment) "
            "VALUES (?,?,?,?,?)", [(rid, "A-1", "A", None, ""), (rid, "A-2", "C", None, "未整備"),
                                   (rid, "A-3", None, "false", ""),
                                   (rid, "B-1", None, '{"denominator": 60, "numerator": 45}', "")])
        fid = repo.insert_finding(old, rid, Finding("improve", "計画を文書化されたい", ("A-2",)),
                                  "2024-10-01T00:00:00+00:00")
        repo.finalise_review(old, rid, finalised_at="2024-10-02T00:00:00+00:00",
                             finalised_by="山田", updated_at="2024-10-02T00:00:00+00:00")
    old.close()

    new = open_database(path)
    try:
        assert new.schema_version() == LATEST >= PDCA_STEP
        assert {"improvement_actions", "action_progress"} <= _tables(new)
        s2 = Services(new, actor="新版")
        data = s2.load(UUID)
        assert data.review.is_final and data.answers["A-2"].rating == "C"
        assert data.findings[0].id == fid
        # the final review of the old file can now carry an action, and it stays editable
        a = s2.add_action("F001", "年度計画を文書化する", finding_id=fid, due_date="2025-03-31")
        s2.add_progress(a.uuid, IN_PROGRESS, "着手")
        assert s2.action(a.uuid).status == IN_PROGRESS
        assert new.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert new.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        new.close()


def test_action_tables_have_no_finalised_review_guards(database):
    triggers = database.query("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")
    guarded = {t["tbl_name"] for t in triggers}
    assert "answers" in guarded                        # the guards exist …
    assert not guarded & {"improvement_actions", "action_progress"}   # … but not on actions


def test_the_database_refuses_an_unknown_status(database, services, facility):
    import sqlite3

    a = services.add_action("F001", "計画")
    with pytest.raises(sqlite3.IntegrityError):
        database.conn.execute("UPDATE improvement_actions SET status = 'finished' WHERE uuid = ?",
                              (a.uuid,))


def test_deleting_a_draft_finding_keeps_its_action(services, draft):
    fid, _ = services.add_finding(draft.uuid, "improve", "改善されたい", ["A-2"])
    a = services.add_action("F001", "改善する", finding_id=fid)
    assert a.origin_review_uuid == draft.uuid                 # agreed during the visit
    services.delete_finding(draft.uuid, fid)
    kept = services.action(a.uuid)
    assert kept.finding_id is None and kept.item_codes == ("A-2",)


def test_demo_creates_actions_with_spread_statuses(demo_db, tmp_path):
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_db, copy)
    db = open_database(copy)
    try:
        s = Services(db)
        actions = s.actions()
        assert actions, "the demo should add improvement actions"
        assert {a.status for a in actions} >= {"not_started", "in_progress", "done"}
        assert {a.status for a in actions} <= set(ACTION_STATUSES)
        assert all(a.owner_role and a.owner_name and a.due_date and a.origin_review_uuid
                   for a in actions)
        assert any(a.progress for a in actions)
        finals = [r for r in s.list_reviews() if r.status == "final"]
        per_review = {r.uuid: len(s.actions_of_review(r.uuid)) for r in finals}
        assert all(1 <= n <= 3 for n in per_review.values())
        overdue = s.overdue_actions(date(2026, 11, 1))
        assert 0 < len(overdue) < len(actions) / 2             # a few, not most
        for a in actions:                                      # progress never in the future
            assert all(p.at[:10] <= "2026-11-01" for p in a.progress)
    finally:
        db.close()


def test_pdca_is_migration_number_4_after_the_exchange_step():
    names = [m.__name__ for m in MIGRATIONS]
    assert PDCA_STEP == 4 and names[2].startswith("_m3_")
