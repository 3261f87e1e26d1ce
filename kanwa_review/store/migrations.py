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


def _m5_trust(db: sqlite_utils.Database) -> None:
    # Trust without a server (issue 13): the hub's trust list of public keys (a revoked key
    # stays listed, with when), the hub's settings (e.g. require_signature), and for every
    # applied package who signed it and the head of its audit trail's hash chain, so a later
    # revision can be bound to its signers and must continue the trail held here.
    db.execute("""
        CREATE TABLE IF NOT EXISTS trusted_keys (
            fingerprint TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            sign_public TEXT NOT NULL,
            box_public TEXT NOT NULL,
            facilities TEXT NOT NULL DEFAULT '[]',
            added_at TEXT NOT NULL,
            added_by TEXT,
            revoked_at TEXT,
            revoked_by TEXT)""")
    db.execute("""
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value_json TEXT NOT NULL,
            updated_at TEXT NOT NULL)""")
    columns = {c.name for c in db["package_imports"].columns}
    for name, kind in (("signature", "TEXT"), ("signer_fingerprint", "TEXT"),
                       ("signer_name", "TEXT"), ("audit_head", "TEXT"),
                       ("audit_count", "INTEGER")):
        if name not in columns:
            db.execute(f"ALTER TABLE package_imports ADD COLUMN {name} {kind}")


def _m6_review_details(db: sqlite_utils.Database) -> None:
    # What the report prints about a review beyond its items (issue 14): 総評, the visit
    # overview (日程・面談者・確認資料・見学部署), the improvement plan's deadline and the next
    # follow-up; the facility's designation category when the review started (a later
    # re-designation does not change which items applied; existing reviews take the
    # facility's category now, the best that is known). The hub's settings the reports print
    # (issuing body, confidentiality line, distribution list) live in migration 5's settings.
    for column, default in (("facility_category", None), ("overall_comment", ""),
                            ("visit_schedule", ""), ("interviewees", ""),
                            ("documents_seen", ""), ("departments_visited", ""),
                            ("plan_due", None), ("follow_up", None)):
        if column not in db["reviews"].columns_dict:
            db["reviews"].add_column(column, str, not_null_default=default)
    db.execute("UPDATE reviews SET facility_category = (SELECT category FROM facilities "
               "WHERE facilities.id = reviews.facility_id) WHERE facility_category IS NULL")
    # A final revision keeps what it was signed with: the new columns join the guard.
    db.execute("DROP TRIGGER IF EXISTS guard_reviews_update")
    db.execute(f"""
        CREATE TRIGGER guard_reviews_update BEFORE UPDATE ON reviews
        WHEN OLD.status = 'final' AND (
            NEW.status IS NOT OLD.status OR NEW.uuid IS NOT OLD.uuid
            OR NEW.revision IS NOT OLD.revision OR NEW.facility_id IS NOT OLD.facility_id
            OR NEW.form_hash IS NOT OLD.form_hash OR NEW.visit_date IS NOT OLD.visit_date
            OR NEW.fiscal_year IS NOT OLD.fiscal_year OR NEW.finalised_at IS NOT OLD.finalised_at
            OR NEW.finalised_by IS NOT OLD.finalised_by
            OR NEW.facility_category IS NOT OLD.facility_category
            OR NEW.overall_comment IS NOT OLD.overall_comment
            OR NEW.visit_schedule IS NOT OLD.visit_schedule
            OR NEW.interviewees IS NOT OLD.interviewees
            OR NEW.documents_seen IS NOT OLD.documents_seen
            OR NEW.departments_visited IS NOT OLD.departments_visited
            OR NEW.plan_due IS NOT OLD.plan_due OR NEW.follow_up IS NOT OLD.follow_up)
        BEGIN SELECT RAISE(ABORT, '{schema.FINALISED}'); END""")


def _m7_form_distribution(db: sqlite_utils.Database) -> None:
    # Forms a team installed from a file the hub sent (forms install): such a form is offered
    # for new reviews beside the shipped ones. The form itself is the row of `forms` (content
    # by hash); these columns only say it was installed, when, by whom, from which file.
    # form_settings: the hub's choice of the current form for each fiscal year (年度), so a
    # review started on an older version gets a warning.
    columns = {c.name for c in db["forms"].columns}
    for name in ("installed_at", "installed_by", "installed_from"):
        if name not in columns:
            db["forms"].add_column(name, str)
    db.execute("""
        CREATE TABLE IF NOT EXISTS form_settings (
            fiscal_year INTEGER PRIMARY KEY,
            form_hash TEXT NOT NULL REFERENCES forms(hash),
            set_at TEXT NOT NULL,
            set_by TEXT)""")


def _m8_demo_mark(db: sqlite_utils.Database) -> None:
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
    _m1_initial, _m2_resume_point, _m3_package_imports, _m4_improvement_actions, _m5_trust,
    _m6_review_details,
    _m7_form_distribution,
    _m8_demo_mark,
]
LATEST = len(MIGRATIONS)
