"""Rows written and read by the import of a submission package. Callers own the transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from kanwa_review.core.review import Answer, AnswerMeta, Finding, TeamMember
from kanwa_review.store import repository as repo
from kanwa_review.store.database import Database


def applied_before(database: Database, file_sha256: str) -> sqlite3.Row | None:
    """The held final revision that a file with these bytes was applied as, if any
    (review_uuid, revision, facility_code, and signature, signer_fingerprint, signer_name:
    who had signed it)."""
    rows = database.query(
        "SELECT p.review_uuid, p.revision, f.code AS facility_code, p.signature, "
        "p.signer_fingerprint, p.signer_name FROM package_imports p "
        "JOIN reviews r ON r.uuid = p.review_uuid AND r.revision = p.revision "
        "AND r.status = 'final' JOIN facilities f ON f.id = r.facility_id "
        "WHERE p.file_sha256 = ? LIMIT 1", (file_sha256,))
    return rows[0] if rows else None


def held_revisions(database: Database, uuid: str) -> list[sqlite3.Row]:
    """Every revision of `uuid` held here, oldest first (id, revision, status, superseded,
    facility_code, facility_name)."""
    return database.query(
        "SELECT r.id, r.revision, r.status, r.superseded, f.code AS facility_code, "
        "f.name AS facility_name FROM reviews r JOIN facilities f ON f.id = r.facility_id "
        "WHERE r.uuid = ? ORDER BY r.revision", (uuid,))


def insert_final_revision(database: Database, *, uuid: str, revision: int, facility_id: int,
                          form_hash: str, visit_date: str | date, fiscal_year: int,
                          created_at: str, updated_at: str, finalised_at: str,
                          finalised_by: str, team: tuple[TeamMember, ...],
                          answers: list[tuple[Answer, AnswerMeta]],
                          findings: list[tuple[Finding, str | None, str | None]],
                          facility_category: str | None = None,
                          details: dict | None = None) -> int:
    """A finalised revision made elsewhere, with its team, answers and findings; the other
    revisions of the review leave the active set. The store's triggers forbid writing the
    children of a 'final' review, so the revision is inserted as 'draft', filled, then
    flipped to 'final' with the team's finalisation time and signature. `details`: the
    revision's 総評, visit overview and plan dates (repository.DETAIL_COLUMNS keys)."""
    conn = database.conn
    visit = visit_date.isoformat() if isinstance(visit_date, date) else visit_date
    review_id = conn.execute(
        "INSERT INTO reviews (uuid, revision, facility_id, form_hash, status, visit_date, "
        "fiscal_year, created_at, updated_at, superseded) VALUES (?,?,?,?,'draft',?,?,?,?,0)",
        (uuid, revision, facility_id, form_hash, visit, fiscal_year, created_at,
         updated_at)).lastrowid
    if facility_category is not None:
        conn.execute("UPDATE reviews SET facility_category = ? WHERE id = ?",
                     (facility_category, review_id))
    if details:
        repo.set_review_details(database, review_id, {k: v for k, v in details.items() if v})
    repo.replace_team(database, review_id, team)
    # Plain executemany rather than sqlite-utils' insert_all: this is the hot path of a hub
    # importing a thousand packages, and the rows are already in column order.
    conn.executemany(
        "INSERT INTO answers (review_id, item_code, self_rating, rating, value_json, period, "
        "evidence, comment, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(review_id, a.item_code, a.self_rating, a.rating, repo._json(a.value), a.period,
          a.evidence, a.comment, m.updated_at, m.updated_by) for a, m in answers])
    conn.executemany(
        "INSERT INTO findings (review_id, kind, text, item_codes, position, created_at, "
        "updated_at) VALUES (?,?,?,?,?,?,?)",
        [(review_id, f.kind, f.text, json.dumps(list(f.item_codes)), f.position,
          c or finalised_at, u or finalised_at) for f, c, u in findings])
    repo.finalise_review(database, review_id, finalised_at=finalised_at,
                         finalised_by=finalised_by, updated_at=updated_at)
    repo.supersede_others(database, uuid, review_id)
    return review_id


_has_log: dict[str, bool] = {}


def log_package_import(database: Database, *, actor: str, file_name: str, file_sha256: str,
                       review_uuid: str, revision: int, result: str,
                       warnings: list[str], signature: str | None = None,
                       signer_fingerprint: str | None = None, signer_name: str | None = None,
                       audit_head: str | None = None, audit_count: int | None = None) -> None:
    """Where an applied revision came from, and who had signed it (only applied files are
    logged)."""
    path = str(database.path)
    if path not in _has_log:
        _has_log[path] = bool(database.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'package_imports'"))
    if not _has_log[path]:  # a development database migrated before step 3 existed
        return
    database.conn.execute(
        "INSERT INTO package_imports (at, actor, file_name, file_sha256, review_uuid, revision, "
        "result, warnings_json, signature, signer_fingerprint, signer_name, audit_head, "
        "audit_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (repo.now_iso(), actor, file_name, file_sha256, review_uuid, revision, result,
         json.dumps(warnings, ensure_ascii=False) if warnings else None, signature,
         signer_fingerprint, signer_name, audit_head, audit_count))


def revision_ids(database: Database, uuid: str) -> dict[int, int]:
    """revision -> row id of every revision of `uuid` held here."""
    return {r["revision"]: r["id"] for r in database.query(
        "SELECT id, revision FROM reviews WHERE uuid = ?", (uuid,))}


def finding_at(database: Database, review_id: int, kind: str, position: int) -> int | None:
    """The id of a revision's finding by kind and position (ids are local to a database)."""
    rows = database.query("SELECT id FROM findings WHERE review_id = ? AND kind = ? "
                          "AND position = ?", (review_id, kind, position))
    return rows[0]["id"] if rows else None
