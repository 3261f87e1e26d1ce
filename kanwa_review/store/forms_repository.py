"""Reads and writes of forms beyond their snapshots: installed forms, the hub's current form per
fiscal year, and moving a draft to another form. Callers own the transaction."""

from __future__ import annotations

from kanwa_review.core.form import Form
from kanwa_review.store import repository as repo
from kanwa_review.store.database import Database


def mark_installed(database: Database, form: Form, *, at: str, by: str, source: str) -> bool:
    """Store a form and flag it installed; False when it was installed already."""
    repo.ensure_form(database, form)
    rows = database.query("SELECT installed_at FROM forms WHERE hash = ?", (form.sha256,))
    if rows and rows[0]["installed_at"]:
        return False
    database.conn.execute(
        "UPDATE forms SET installed_at = ?, installed_by = ?, installed_from = ? WHERE hash = ?",
        (at, by, source, form.sha256))
    return True


def installed_hashes(database: Database) -> list[str]:
    """Hashes of the installed forms, the most recently installed first."""
    return [r["hash"] for r in database.query(
        "SELECT hash FROM forms WHERE installed_at IS NOT NULL ORDER BY installed_at DESC, hash")]


def form_rows(database: Database) -> list[dict]:
    """Every form held: hash, id, version, title, added_at, installed_at, installed_from, and
    how many reviews use it."""
    return [dict(r) for r in database.query(
        "SELECT f.hash, f.form_id, f.version, f.title, f.added_at, f.installed_at, "
        "f.installed_from, (SELECT COUNT(*) FROM reviews r WHERE r.form_hash = f.hash "
        "AND r.superseded = 0) AS reviews FROM forms f ORDER BY f.form_id, f.version, f.added_at")]


def hashes_of_version(database: Database, form_id: str, version: str) -> list[str]:
    return [r["hash"] for r in database.query(
        "SELECT hash FROM forms WHERE form_id = ? AND version = ? "
        "ORDER BY installed_at IS NULL, installed_at DESC, added_at DESC", (form_id, version))]


def set_current(database: Database, fiscal_year: int, form_hash: str, *, at: str,
                by: str) -> None:
    database.conn.execute(
        "INSERT INTO form_settings (fiscal_year, form_hash, set_at, set_by) VALUES (?,?,?,?) "
        "ON CONFLICT (fiscal_year) DO UPDATE SET form_hash = excluded.form_hash, "
        "set_at = excluded.set_at, set_by = excluded.set_by", (fiscal_year, form_hash, at, by))


def clear_current(database: Database, fiscal_year: int) -> None:
    database.conn.execute("DELETE FROM form_settings WHERE fiscal_year = ?", (fiscal_year,))


def current_settings(database: Database) -> dict[int, str]:
    """Fiscal year -> hash of the hub's current form for it."""
    return {r["fiscal_year"]: r["form_hash"] for r in database.query(
        "SELECT fiscal_year, form_hash FROM form_settings ORDER BY fiscal_year")}


def drafts(database: Database) -> list[tuple[str, int, str, int]]:
    """(uuid, revision, form hash, review id) of every current draft."""
    return [(r["uuid"], r["revision"], r["form_hash"], r["id"]) for r in database.query(
        "SELECT uuid, revision, form_hash, id FROM reviews WHERE status = 'draft' "
        "AND superseded = 0 ORDER BY visit_date, uuid")]


def set_review_form(database: Database, review_id: int, form_hash: str) -> None:
    """Move a draft to another form (the store's triggers refuse it on a final revision)."""
    database.conn.execute("UPDATE reviews SET form_hash = ? WHERE id = ? AND status = 'draft'",
                          (form_hash, review_id))


def set_finding_items(database: Database, finding_id: int, codes: tuple[str, ...],
                      ts: str) -> None:
    import json

    database.conn.execute("UPDATE findings SET item_codes = ?, updated_at = ? WHERE id = ?",
                          (json.dumps(list(codes)), ts, finding_id))
