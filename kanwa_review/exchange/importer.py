"""Importing verified submission packages into a database (at the hub, or anywhere).

Per file the outcome is one of:
  imported    a review (uuid) this database did not hold
  unchanged   this exact revision is already held — nothing at all is written
  superseded  a higher revision of a review held here: it becomes the active one, the older
              rows get superseded = 1 and stay in history
  rejected    a check failed; nothing at all is written (reasons listed)
A file is applied in ONE transaction. The store's triggers forbid writing the children of a
'final' review, so the revision is inserted as 'draft', filled, then flipped to 'final' with
the team's finalisation time and signature (the one transition the triggers allow).

Improvement actions (format version 2, actions.json) are merged in the same transaction with
`Services.upsert_action`, after the review, also when the review itself is "unchanged": an
action newer than the one held is applied, an older one is skipped ("stale", never written
over newer data), an identical one is a no-op — so importing the same file twice still
changes nothing. A rejected file applies no action either.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kanwa_review.core.review import Facility
from kanwa_review.exchange.package_reader import (
    Package, PackageRejected, read_package_bytes, read_package_file,
)
from kanwa_review.exchange.package_writer import review_document
from kanwa_review.services.base import default_actor
from kanwa_review.store import repository as repo
from kanwa_review.store.database import Database, StoreError

STATUSES = ("imported", "unchanged", "superseded", "rejected")


@dataclass
class ImportResult:
    file: str
    status: str
    review: str | None = None
    revision: int | None = None
    facility: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # improvement actions of the package: created / updated / stale (older than held, skipped)
    # / unchanged; empty for a version-1 package or a rejected file
    actions: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"file": self.file, "status": self.status, "review": self.review,
               "revision": self.revision, "errors": self.errors, "warnings": self.warnings}
        if self.actions:
            out["actions"] = dict(self.actions)
        return out


class _Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _comparable(doc: dict) -> dict:
    """What makes two copies of one revision the same revision (not when they were copied)."""
    r = doc["review"]
    return {
        "facility": doc["facility"]["code"],
        "review": {k: r[k] for k in ("uuid", "revision", "status", "form", "visit_date",
                                     "fiscal_year", "finalised_at", "finalised_by")},
        "team": doc["team"],
        "answers": {a["item_code"]: (a["self_rating"], a["rating"], a["value"],
                                     a["period"] or None, a["evidence"], a["comment"])
                    for a in doc["answers"]},
        "findings": sorted((f["kind"], f["position"], f["text"], tuple(f["item_codes"]))
                           for f in doc["findings"]),
    }


def _package_comparable(pkg: Package) -> dict:
    doc = dict(pkg.document)
    doc["answers"] = [{"item_code": a.item_code, "self_rating": a.self_rating, "rating": a.rating,
                       "value": a.value, "period": a.period, "evidence": a.evidence,
                       "comment": a.comment} for a, _m in pkg.answers]
    doc["findings"] = [{"kind": f.kind, "position": f.position, "text": f.text,
                        "item_codes": list(f.item_codes)} for f, _c, _u in pkg.findings]
    return _comparable(doc)


# --- entry points --------------------------------------------------------------------------

def import_file(database: Database, path: str | Path, actor: str | None = None) -> ImportResult:
    """Verify one file and, if every check passes, apply it in one transaction."""
    name = str(path)
    try:
        data = read_package_file(path)
        seen = _applied_before(database, hashlib.sha256(data).hexdigest())
        if seen is not None:
            return ImportResult(name, "unchanged", review=seen["review_uuid"],
                                revision=seen["revision"], facility=seen["facility_code"])
        package = read_package_bytes(data, name)
    except PackageRejected as exc:
        return ImportResult(name, "rejected", errors=exc.problems)
    return apply_package(database, package, actor or default_actor())


def _applied_before(database: Database, file_sha256: str) -> dict | None:
    """The held final revision that these exact bytes were applied as, if any. The same file
    again is a no-op by construction (its review is held unchanged, final revisions are
    immutable, and its actions were merged then and can only have grown newer since), so the
    re-import of a whole folder costs one hash per file, not a full verification."""
    rows = database.query(
        "SELECT p.review_uuid, p.revision, f.code AS facility_code FROM package_imports p "
        "JOIN reviews r ON r.uuid = p.review_uuid AND r.revision = p.revision "
        "AND r.status = 'final' JOIN facilities f ON f.id = r.facility_id "
        "WHERE p.file_sha256 = ? LIMIT 1", (file_sha256,))
    return rows[0] if rows else None


def import_files(database: Database, paths: Iterable[str | Path], actor: str | None = None, *,
                 progress: Callable[[int, int, str], bool] | None = None) -> list[ImportResult]:
    """Import files in order; `progress(done, total, text)` returning False stops before the
    next file (files already applied stay applied — each is its own transaction)."""
    paths = list(paths)
    actor = actor or default_actor()
    results = []
    for n, p in enumerate(paths):
        if progress is not None and not progress(n, len(paths), f"{Path(p).name}"):
            break
        results.append(import_file(database, p, actor))
    if progress is not None:
        progress(len(results), len(paths), "")
    return results


def apply_package(database: Database, pkg: Package, actor: str) -> ImportResult:
    result = ImportResult(pkg.file, "rejected", review=pkg.uuid, revision=pkg.revision,
                          facility=pkg.facility["code"], warnings=list(pkg.warnings))
    try:
        with database.transaction():
            result.status = _apply(database, pkg, actor, result)
            if pkg.format_version >= 2:
                result.actions = _apply_actions(database, pkg, actor, result)
    except _Refused as exc:
        result.status = "rejected"
        result.errors = [exc.message]
        result.warnings = list(pkg.warnings)
        result.actions = {}
    except (StoreError, sqlite3.Error) as exc:
        result.status = "rejected"
        result.warnings = list(pkg.warnings)
        result.errors = [f"{pkg.file}: データベースに書き込めませんでした（何も変更されていません） / "
                         f"the database could not be written; nothing was changed: {exc}"]
    return result


# --- applying --------------------------------------------------------------------------------

def _apply(database: Database, pkg: Package, actor: str, result: ImportResult) -> str:
    name, code, rev = pkg.file, pkg.facility["code"], pkg.revision
    held = database.query(
        "SELECT r.id, r.revision, r.status, r.superseded, f.code AS facility_code, "
        "f.name AS facility_name FROM reviews r JOIN facilities f ON f.id = r.facility_id "
        "WHERE r.uuid = ? ORDER BY r.revision", (pkg.uuid,))
    other = next((h for h in held if h["facility_code"] != code), None)
    if other is not None:
        raise _Refused(
            f"{name}: このレビュー（{pkg.uuid}）は既に別の施設 {other['facility_code']} "
            f"{other['facility_name']} のものとして登録されています。ファイルの施設は {code} です。"
            "取り違えの可能性があるため取り込みません。送付元に確認してください / this review "
            f"UUID is already held for another facility ({other['facility_code']}); the file "
            f"claims facility {code}. Not imported: check with the sender which is right.")
    same = next((h for h in held if h["revision"] == rev), None)
    if same is not None:
        if same["status"] != "final":
            raise _Refused(
                f"{name}: 第{rev}版はこのデータベースで下書きとして編集中です。下書きを確定するか削除して"
                f"から取り込んでください / revision {rev} is held here as a draft being edited; "
                "finalise or delete that draft first, then import again.")
        local = repo.review(database, pkg.uuid, rev)
        doc = review_document(database, local, repo.form_by_hash(database, local.form_hash),
                              with_audit=False)
        if _comparable(doc) != _package_comparable(pkg):
            raise _Refused(
                f"{name}: 第{rev}版は既に登録されていますが、内容が異なります。同じ版番号で内容の違う"
                "ファイルは取り込めません。チームに最新の版を確認してください / revision "
                f"{rev} is already held with different content; a file cannot change a "
                "revision. Ask the team which version is right.")
        return "unchanged"
    top = held[-1] if held else None
    if top is not None and top["revision"] > rev:
        raise _Refused(
            f"{name}: 第{rev}版は古い版です。このデータベースには既に第{top['revision']}版があるため"
            f"取り込みません（変更はありません） / revision {rev} is older than revision "
            f"{top['revision']} held here; not applied (nothing was changed).")
    if top is not None and top["status"] != "final":
        raise _Refused(
            f"{name}: このデータベースでは第{top['revision']}版の下書きを編集中です。下書きを確定する"
            f"か削除してから第{rev}版を取り込んでください / a draft of revision "
            f"{top['revision']} is being edited here; finalise or delete it before importing "
            f"revision {rev}.")

    facility_id = _facility(database, pkg, actor, result)
    form_hash = repo.ensure_form(database, pkg.form)
    h = pkg.header
    conn = database.conn
    review_id = conn.execute(
        "INSERT INTO reviews (uuid, revision, facility_id, form_hash, status, visit_date, "
        "fiscal_year, created_at, updated_at, superseded) VALUES (?,?,?,?,'draft',?,?,?,?,0)",
        (pkg.uuid, rev, facility_id, form_hash, h["visit_date"], h["fiscal_year"],
         h["created_at"], h["updated_at"])).lastrowid
    repo.replace_team(database, review_id, pkg.team)
    conn.executemany(
        "INSERT INTO answers (review_id, item_code, self_rating, rating, value_json, period, "
        "evidence, comment, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(review_id, a.item_code, a.self_rating, a.rating, repo._json(a.value), a.period,
          a.evidence, a.comment, m.updated_at, m.updated_by) for a, m in pkg.answers])
    conn.executemany(
        "INSERT INTO findings (review_id, kind, text, item_codes, position, created_at, "
        "updated_at) VALUES (?,?,?,?,?,?,?)",
        [(review_id, f.kind, f.text, json.dumps(list(f.item_codes)), f.position,
          c or h["finalised_at"], u or h["finalised_at"]) for f, c, u in pkg.findings])
    conn.execute("UPDATE reviews SET status = 'final', finalised_at = ?, finalised_by = ?, "
                 "updated_at = ? WHERE id = ?",
                 (h["finalised_at"], h["finalised_by"], h["updated_at"], review_id))
    conn.execute("UPDATE reviews SET superseded = 1 WHERE uuid = ? AND id != ? AND superseded = 0",
                 (pkg.uuid, review_id))
    status = "superseded" if held else "imported"
    _copy_audit(database, pkg)
    repo.write_audit(database, actor=actor, review_uuid=pkg.uuid, revision=rev, entity="review",
                     key=None, action="import", old=None,
                     new={"file": Path(name).name, "sha256": pkg.file_sha256, "result": status})
    _log(database, pkg, actor, status, result.warnings)
    return status


def _apply_actions(database: Database, pkg: Package, actor: str,
                   result: ImportResult) -> dict[str, int]:
    """Merge the package's improvement actions (inside the caller's transaction)."""
    from kanwa_review.services import Services

    services = Services(database, actor)
    counts = {"created": 0, "updated": 0, "stale": 0, "unchanged": 0}
    review_ids = {r["revision"]: r["id"] for r in database.query(
        "SELECT id, revision FROM reviews WHERE uuid = ?", (pkg.uuid,))}
    for action in pkg.actions:
        try:
            changed = services.upsert_action(action)
        except (ValueError, LookupError) as exc:
            raise _Refused(
                f"{pkg.file}: 改善計画 {action.uuid}「{action.title[:30]}」を取り込めません"
                f"（何も変更されていません） / the improvement action {action.uuid} cannot be "
                f"imported; nothing was changed: {exc}") from None
        if changed.created:
            counts["created"] += 1
        elif changed.stale:
            counts["stale"] += 1
        elif changed.changed:
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        link = pkg.action_findings.get(action.uuid)
        held = changed.action
        review_id = review_ids.get(action.origin_revision or pkg.revision)
        if link and held.finding_id is None and review_id is not None:
            # re-attach the action to its finding (ids are local to each database)
            row = database.query("SELECT id FROM findings WHERE review_id = ? AND kind = ? "
                                 "AND position = ?", (review_id, *link))
            if row:
                database.conn.execute("UPDATE improvement_actions SET finding_id = ? "
                                      "WHERE uuid = ?", (row[0]["id"], held.uuid))
    if counts["stale"]:
        result.warnings.append(
            f"改善計画 {counts['stale']} 件は、このデータベースにより新しい記録があるため更新しません"
            f"でした / {counts['stale']} improvement action(s) in the file are older than "
            "those held here and were skipped (stale).")
    return counts


def _facility(database: Database, pkg: Package, actor: str, result: ImportResult) -> int:
    f = pkg.facility
    held = repo.facility_by_code(database, f["code"])
    if held is None:
        held = repo.insert_facility(database, Facility(f["code"], f["name"], f["prefecture"],
                                                       f["category"]))
        repo.write_audit(database, actor=actor, review_uuid=None, revision=None,
                         entity="facility", key=f["code"], action="create", old=None,
                         new={"name": f["name"], "prefecture": f["prefecture"],
                              "category": f["category"], "source": Path(pkg.file).name})
        result.warnings.append(
            f"施設コード {f['code']}（{f['name']}）は未登録だったため、新しく登録しました。"
            "施設マスタで名称・区分を確認してください / facility "
            f"{f['code']} was not registered and has been created from the file; check its "
            "name and category in the facility master.")
    elif held.name != f["name"]:
        result.warnings.append(
            f"施設名が施設マスタと異なります（ファイル: {f['name']}、マスタ: {held.name}）。"
            "マスタの名称のまま取り込みました / the facility name in the file differs from "
            "the facility master; the master's name was kept.")
    return held.id


def _copy_audit(database: Database, pkg: Package) -> None:
    """The team's audit trail travels with the review; entries already held (from an earlier
    revision's import) are not duplicated."""
    key = ("at", "actor", "revision", "entity", "key", "action")
    held = {tuple(r) for r in database.query(
        "SELECT at, actor, revision, entity, key, action FROM audit WHERE review_uuid = ?",
        (pkg.uuid,))}
    rows = []
    for e in pkg.audit:
        k = tuple(e[x] for x in key)
        if k in held:
            continue
        held.add(k)
        rows.append((e["at"], e["actor"], pkg.uuid, e["revision"], e["entity"], e["key"],
                     e["action"], repo._json(e["old"]), repo._json(e["new"])))
    database.conn.executemany(
        "INSERT INTO audit (at, actor, review_uuid, revision, entity, key, action, old_json, "
        "new_json) VALUES (?,?,?,?,?,?,?,?,?)", rows)


_has_log: dict[str, bool] = {}


def _log(database: Database, pkg: Package, actor: str, status: str, warnings: list[str]) -> None:
    path = str(database.path)
    if path not in _has_log:
        _has_log[path] = bool(database.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'package_imports'"))
    if not _has_log[path]:  # a development database migrated before step 3 existed
        return
    database.conn.execute(
        "INSERT INTO package_imports (at, actor, file_name, file_sha256, review_uuid, revision, "
        "result, warnings_json) VALUES (?,?,?,?,?,?,?,?)",
        (repo.now_iso(), actor, Path(pkg.file).name, pkg.file_sha256, pkg.uuid, pkg.revision,
         status, json.dumps(warnings, ensure_ascii=False) if warnings else None))


MAX_FOLDER_FILES = 10_000


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given (one result each, so `import --json` prints a line per argument); a
    folder contributes its *.kanwa files, sub-folders included, sorted, skipping any file
    already named."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            seen.add(p.resolve())
            continue
        found = sorted(q for q in p.rglob("*") if q.suffix.lower() == ".kanwa" and q.is_file())
        for q in found[:MAX_FOLDER_FILES]:
            if q.resolve() not in seen:
                seen.add(q.resolve())
                out.append(q)
    return out
