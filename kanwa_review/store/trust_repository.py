"""Rows of trust: the hub's trust list of public keys, the hub's settings, and who signed each
applied package. Callers own the transaction."""

from __future__ import annotations

import json
from typing import Any

from kanwa_review.core.trust import TrustedKey
from kanwa_review.store import repository as repo
from kanwa_review.store.database import Database


def _key(row) -> TrustedKey:
    return TrustedKey(name=row["name"], fingerprint=row["fingerprint"], added_at=row["added_at"],
                      added_by=row["added_by"], revoked_at=row["revoked_at"],
                      facilities=tuple(json.loads(row["facilities"] or "[]")))


def trusted_keys(database: Database) -> list[TrustedKey]:
    """Every key on the trust list, revoked ones too, in the order they were added."""
    return [_key(r) for r in database.query(
        "SELECT * FROM trusted_keys ORDER BY added_at, fingerprint")]


def trusted_key(database: Database, fingerprint: str) -> TrustedKey | None:
    rows = database.query("SELECT * FROM trusted_keys WHERE fingerprint = ?", (fingerprint,))
    return _key(rows[0]) if rows else None


def insert_trusted_key(database: Database, *, fingerprint: str, name: str, sign_public: str,
                       box_public: str, facilities: tuple[str, ...], actor: str) -> None:
    database.conn.execute(
        "INSERT INTO trusted_keys (fingerprint, name, sign_public, box_public, facilities, "
        "added_at, added_by) VALUES (?,?,?,?,?,?,?)",
        (fingerprint, name, sign_public, box_public, json.dumps(list(facilities)),
         repo.now_iso(), actor))


def set_key_facilities(database: Database, fingerprint: str, facilities: tuple[str, ...]) -> None:
    database.conn.execute("UPDATE trusted_keys SET facilities = ? WHERE fingerprint = ?",
                          (json.dumps(list(facilities)), fingerprint))


def revoke_key(database: Database, fingerprint: str, actor: str) -> None:
    database.conn.execute(
        "UPDATE trusted_keys SET revoked_at = ?, revoked_by = ? WHERE fingerprint = ? "
        "AND revoked_at IS NULL", (repo.now_iso(), actor, fingerprint))


# --- settings ------------------------------------------------------------------------------
# one settings table for the hub (store/repository.py): the trust rules keep theirs there too
setting = repo.setting
set_setting = repo.set_setting


# --- signers of applied packages -----------------------------------------------------------

def revision_signers(database: Database, uuid: str) -> dict[int, dict]:
    """revision -> {signature, signer_fingerprint, signer_name, audit_head, audit_count} of
    the package each held revision of `uuid` was applied from (the first such package)."""
    out: dict[int, dict] = {}
    for r in database.query(
            "SELECT revision, signature, signer_fingerprint, signer_name, audit_head, "
            "audit_count FROM package_imports WHERE review_uuid = ? ORDER BY id", (uuid,)):
        out.setdefault(r["revision"], dict(r))
    return out
