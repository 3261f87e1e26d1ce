"""Schema migrations, numbered by PRAGMA user_version. Append only; never edit a released step."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from kanwa_review.store import schema

Migration = Callable[[sqlite_utils.Database], None]


def _m1_initial(db: sqlite_utils.Database) -> None:
    schema.create_initial(db)


def _m2_resume_point(db: sqlite_utils.Database) -> None:
    # Remember the item a reviewer was on, so a crashed session reopens at the same place;
    # and index the audit trail by review, which every review screen reads.
    db["reviews"].add_column("last_item", str)
    db["audit"].create_index(["review_uuid", "id"], index_name="idx_audit_review",
                             if_not_exists=True)


def _m3_package_imports(db: sqlite_utils.Database) -> None:
    # Where each imported revision came from (submission packages, issue 4): the file's name
    # and SHA-256, who imported it and when. Only applied files are logged: a rejected or
    # unchanged file writes nothing at all.
    db.execute("""
        CREATE TABLE IF NOT EXISTS package_imports (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            file_name TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            review_uuid TEXT NOT NULL,
            revision INTEGER NOT NULL,
            result TEXT NOT NULL CHECK (result IN ('imported', 'superseded')),
            warnings_json TEXT)""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_package_imports_review "
               "ON package_imports (review_uuid, revision)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_package_imports_sha "
               "ON package_imports (file_sha256)")


def _m4_improvement_actions(db: sqlite_utils.Database) -> None:
    # Improvement actions (改善計画) belong to the facility, not to a review, so they stay
    # editable after the review that agreed them is final: no finalised-review guard applies.
    # The origin review is kept by uuid + revision (it may live in another hub's database);
    # finding_id is a local convenience and is cleared if a draft's finding is deleted.
    db.execute("""
        CREATE TABLE IF NOT EXISTS improvement_actions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            facility_id INTEGER NOT NULL REFERENCES facilities(id),
            origin_review_uuid TEXT,
            origin_revision INTEGER,
            finding_id INTEGER REFERENCES findings(id) ON DELETE SET NULL,
            item_codes TEXT NOT NULL DEFAULT '[]',
            title TEXT NOT NULL,
            owner_role TEXT NOT NULL DEFAULT '',
            owner_name TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            success_measure TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_actions_facility "
               "ON improvement_actions (facility_id, status)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_actions_due ON improvement_actions (due_date)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_actions_origin "
               "ON improvement_actions (origin_review_uuid)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_actions_finding ON improvement_actions (finding_id)")
    db.execute("""
        CREATE TABLE IF NOT EXISTS action_progress (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
            note TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_action_progress ON action_progress (action_id, at)")
    db["audit"].create_index(["entity", "key"], index_name="idx_audit_entity_key",
                             if_not_exists=True)


def _m5_demo_mark(db: sqlite_utils.Database) -> None:
    # A database made for the demo says so itself (issue 15), so the services refuse real
    # facilities in it whatever the file is called. A demo file made before this step is
    # known by its invented facilities: every code starts with DEMO (the generator's codes).
    db.execute("""
        CREATE TABLE IF NOT EXISTS database_marks (
            mark TEXT PRIMARY KEY CHECK (mark IN ('demo')),
            set_at TEXT NOT NULL)""")
    codes = [row[0] for row in db.execute("SELECT code FROM facilities").fetchall()]
    if codes and all(code.startswith("DEMO") for code in codes):
        db.execute("INSERT OR IGNORE INTO database_marks (mark, set_at) "
                   "VALUES ('demo', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")


# Numbered by position: never reorder or remove one, only append.
MIGRATIONS: list[Migration] = [
    _m1_initial, _m2_resume_point, _m3_package_imports, _m4_improvement_actions,
    _m5_demo_mark,
]
LATEST = len(MIGRATIONS)
