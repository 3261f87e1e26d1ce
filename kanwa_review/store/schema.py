"""The database schema: tables of migration 1 and the triggers that guard finalised reviews."""

from __future__ import annotations

import sqlite_utils

APPLICATION_ID = 0x4B414E57  # "KANW": tells a kanwa-review file from any other SQLite file

# The message triggers raise; the store turns it into ReviewStateError.
FINALISED = "kanwa: finalised review is immutable"
AUDIT_APPEND_ONLY = "kanwa: the audit trail is append-only"


def create_initial(db: sqlite_utils.Database) -> None:
    db["facilities"].create({
        "id": int, "code": str, "name": str, "prefecture": str, "category": str,
        "created_at": str, "updated_at": str,
    }, pk="id", not_null={"code", "name"})
    db["facilities"].create_index(["code"], unique=True)

    db["forms"].create({
        "hash": str, "form_id": str, "version": str, "title": str, "canonical": str,
        "added_at": str,
    }, pk="hash", not_null={"form_id", "version", "canonical"})

    db["reviews"].create({
        "id": int, "uuid": str, "revision": int, "facility_id": int, "form_hash": str,
        "status": str, "visit_date": str, "fiscal_year": int, "created_at": str,
        "updated_at": str, "finalised_at": str, "finalised_by": str, "superseded": int,
    }, pk="id", not_null={"uuid", "revision", "facility_id", "form_hash", "status", "visit_date",
                          "fiscal_year"},
        defaults={"superseded": 0},
        foreign_keys=[("facility_id", "facilities", "id"), ("form_hash", "forms", "hash")])
    db["reviews"].create_index(["uuid", "revision"], unique=True)
    db["reviews"].create_index(["facility_id"])

    db["team_members"].create({
        "id": int, "review_id": int, "position": int, "name": str, "role": str,
        "profession": str, "affiliation": str,
    }, pk="id", not_null={"review_id", "name", "role"},
        foreign_keys=[("review_id", "reviews", "id")])
    db["team_members"].create_index(["review_id"])

    db["answers"].create({
        "review_id": int, "item_code": str, "self_rating": str, "rating": str,
        "value_json": str, "period": str, "evidence": str, "comment": str,
        "updated_at": str, "updated_by": str,
    }, pk=("review_id", "item_code"), foreign_keys=[("review_id", "reviews", "id")])

    db["findings"].create({
        "id": int, "review_id": int, "kind": str, "text": str, "item_codes": str,
        "position": int, "created_at": str, "updated_at": str,
    }, pk="id", not_null={"review_id", "kind", "text"},
        foreign_keys=[("review_id", "reviews", "id")])
    db["findings"].create_index(["review_id", "position"])

    db["audit"].create({
        "id": int, "at": str, "actor": str, "review_uuid": str, "revision": int,
        "entity": str, "key": str, "action": str, "old_json": str, "new_json": str,
    }, pk="id", not_null={"at", "action", "entity"})

    _create_guards(db)


def _create_guards(db: sqlite_utils.Database) -> None:
    """Triggers: the database itself refuses edits to a finalised revision, so no code path
    (including a hub's own SQL tool) can alter what a team signed."""
    status_of = "(SELECT status FROM reviews WHERE id = {ref}.review_id)"
    for table in ("answers", "findings", "team_members"):
        for event, ref in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            db.execute(f"""
                CREATE TRIGGER IF NOT EXISTS guard_{table}_{event.lower()}
                BEFORE {event} ON {table}
                WHEN {status_of.format(ref=ref)} = 'final'
                BEGIN SELECT RAISE(ABORT, '{FINALISED}'); END""")
    # A final review may only gain the "superseded" flag (when a higher revision arrives).
    db.execute(f"""
        CREATE TRIGGER IF NOT EXISTS guard_reviews_update BEFORE UPDATE ON reviews
        WHEN OLD.status = 'final' AND (
            NEW.status IS NOT OLD.status OR NEW.uuid IS NOT OLD.uuid
            OR NEW.revision IS NOT OLD.revision OR NEW.facility_id IS NOT OLD.facility_id
            OR NEW.form_hash IS NOT OLD.form_hash OR NEW.visit_date IS NOT OLD.visit_date
            OR NEW.fiscal_year IS NOT OLD.fiscal_year OR NEW.finalised_at IS NOT OLD.finalised_at
            OR NEW.finalised_by IS NOT OLD.finalised_by)
        BEGIN SELECT RAISE(ABORT, '{FINALISED}'); END""")
    db.execute(f"""
        CREATE TRIGGER IF NOT EXISTS guard_reviews_delete BEFORE DELETE ON reviews
        WHEN OLD.status = 'final'
        BEGIN SELECT RAISE(ABORT, '{FINALISED}'); END""")
    for event in ("UPDATE", "DELETE"):
        db.execute(f"""
            CREATE TRIGGER IF NOT EXISTS guard_audit_{event.lower()} BEFORE {event} ON audit
            BEGIN SELECT RAISE(ABORT, '{AUDIT_APPEND_ONLY}'); END""")
