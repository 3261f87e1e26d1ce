"""Rows ↔ improvement actions and progress notes. Callers own the transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from kanwa_review.core.pdca import ImprovementAction, ProgressNote
from kanwa_review.store import repository as repo
from kanwa_review.store.database import Database

_SELECT = """
    SELECT a.*, f.code AS facility_code
    FROM improvement_actions a JOIN facilities f ON f.id = a.facility_id
"""
# Open first, then by due date (undated last), then oldest first: the order a hub chases in.
_ORDER = (" ORDER BY f.code, CASE WHEN a.status IN ('not_started', 'in_progress') THEN 0 "
          "ELSE 1 END, a.due_date IS NULL, a.due_date, a.created_at, a.id")


def _note(row: sqlite3.Row) -> ProgressNote:
    return ProgressNote(at=row["at"], status=row["status"], note=row["note"] or "",
                        author=row["author"] or "", id=row["id"])


def _action(row: sqlite3.Row, progress: tuple[ProgressNote, ...]) -> ImprovementAction:
    return ImprovementAction(
        uuid=row["uuid"], facility_code=row["facility_code"], title=row["title"],
        owner_role=row["owner_role"] or "", owner_name=row["owner_name"] or "",
        due_date=date.fromisoformat(row["due_date"]) if row["due_date"] else None,
        success_measure=row["success_measure"] or "", status=row["status"],
        item_codes=tuple(json.loads(row["item_codes"] or "[]")),
        origin_review_uuid=row["origin_review_uuid"], origin_revision=row["origin_revision"],
        finding_id=row["finding_id"], created_at=row["created_at"],
        updated_at=row["updated_at"], progress=progress, id=row["id"])


def _with_progress(database: Database, rows: list[sqlite3.Row]) -> list[ImprovementAction]:
    """Actions with their notes, reading all notes in one query (lists can be long)."""
    if not rows:
        return []
    notes: dict[int, list[ProgressNote]] = {}
    ids = [r["id"] for r in rows]
    # Chunked to stay under SQLite's limit on bound parameters.
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for n in database.query(
                f"SELECT * FROM action_progress WHERE action_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY at, id", tuple(chunk)):
            notes.setdefault(n["action_id"], []).append(_note(n))
    return [_action(r, tuple(notes.get(r["id"], ()))) for r in rows]


def action(database: Database, uuid: str) -> ImprovementAction | None:
    rows = database.query(_SELECT + " WHERE a.uuid = ?", (uuid,))
    return _with_progress(database, rows)[0] if rows else None


def actions(database: Database, *, facility_code: str | None = None, open_only: bool = False,
            origin_review_uuid: str | None = None, due_before: date | None = None
            ) -> list[ImprovementAction]:
    where, params = [], []
    if facility_code is not None:
        where.append("f.code = ?")
        params.append(facility_code)
    if open_only or due_before is not None:
        where.append("a.status IN ('not_started', 'in_progress')")
    if origin_review_uuid is not None:
        where.append("a.origin_review_uuid = ?")
        params.append(origin_review_uuid)
    if due_before is not None:
        where.append("a.due_date IS NOT NULL AND a.due_date < ?")
        params.append(due_before.isoformat())
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    return _with_progress(database, database.query(sql, tuple(params)))


def insert_action(database: Database, a: ImprovementAction, facility_id: int) -> int:
    cur = database.conn.execute(
        "INSERT INTO improvement_actions (uuid, facility_id, origin_review_uuid, origin_revision, "
        "finding_id, item_codes, title, owner_role, owner_name, due_date, success_measure, "
        "status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (a.uuid, facility_id, a.origin_review_uuid, a.origin_revision, a.finding_id,
         json.dumps(list(a.item_codes), ensure_ascii=False), a.title, a.owner_role,
         a.owner_name, a.due_date.isoformat() if a.due_date else None, a.success_measure,
         a.status, a.created_at, a.updated_at))
    return cur.lastrowid


def update_action(database: Database, a: ImprovementAction) -> None:
    """Write the editable fields and updated_at of an action (matched by id)."""
    database.conn.execute(
        "UPDATE improvement_actions SET item_codes = ?, title = ?, owner_role = ?, "
        "owner_name = ?, due_date = ?, success_measure = ?, status = ?, updated_at = ? "
        "WHERE id = ?",
        (json.dumps(list(a.item_codes), ensure_ascii=False), a.title, a.owner_role,
         a.owner_name, a.due_date.isoformat() if a.due_date else None, a.success_measure,
         a.status, a.updated_at, a.id))


def insert_progress(database: Database, action_id: int, n: ProgressNote) -> int:
    cur = database.conn.execute(
        "INSERT INTO action_progress (action_id, at, status, note, author) VALUES (?,?,?,?,?)",
        (action_id, n.at, n.status, n.note, n.author))
    return cur.lastrowid


def delete_action(database: Database, action_id: int) -> None:
    database.conn.execute("DELETE FROM action_progress WHERE action_id = ?", (action_id,))
    database.conn.execute("DELETE FROM improvement_actions WHERE id = ?", (action_id,))


def move_finding_links(database: Database, old_finding_id: int, new_finding_id: int) -> None:
    """Actions agreed on a finding follow it into the revision now being edited."""
    database.conn.execute("UPDATE improvement_actions SET finding_id = ? WHERE finding_id = ?",
                          (new_finding_id, old_finding_id))


def link_finding(database: Database, action_uuid: str, finding_id: int) -> None:
    database.conn.execute("UPDATE improvement_actions SET finding_id = ? WHERE uuid = ?",
                          (finding_id, action_uuid))


def action_dict(a: ImprovementAction) -> dict:
    """The audit form of an action: its fields without the progress history."""
    d = a.to_dict()
    for key in ("progress", "created_at", "updated_at", "facility_code", "uuid"):
        d.pop(key)
    return d


def action_audit_rows(database: Database, action_uuid: str) -> list[dict]:
    return repo.decode_audit(database.query(
        "SELECT * FROM audit WHERE entity = 'action' AND key = ? ORDER BY id", (action_uuid,)))
