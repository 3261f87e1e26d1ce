"""Reads and writes of domain objects. Callers own the transaction (Database.transaction)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone
from typing import Any

from kanwa_review.core.form import Form, form_from_canonical
from kanwa_review.core.review import (
    Answer, AnswerMeta, Facility, Finding, Review, TeamMember, VisitOverview,
)
from kanwa_review.store.database import Database


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


# --- audit --------------------------------------------------------------------------------

def write_audit(database: Database, *, actor: str, review_uuid: str | None, revision: int | None,
                entity: str, key: str | None, action: str, old: Any = None, new: Any = None,
                at: str | None = None) -> None:
    database.conn.execute(
        "INSERT INTO audit (at, actor, review_uuid, revision, entity, key, action, old_json, "
        "new_json) VALUES (?,?,?,?,?,?,?,?,?)",
        (at or now_iso(), actor, review_uuid, revision, entity, key, action, _json(old),
         _json(new)))


def write_audit_batch(database: Database, review_uuid: str, entries: list[dict]) -> None:
    """Audit entries written elsewhere, as they were (the team's trail travelling in a
    package): each dict has at, actor, revision, entity, key, action, old, new.

    Plain executemany, not sqlite-utils' insert_all: ~90 rows per package, and insert_all
    costs 0.6 ms more per batch (8 % of a thousand-package import)."""
    database.conn.executemany(
        "INSERT INTO audit (at, actor, review_uuid, revision, entity, key, action, old_json, "
        "new_json) VALUES (?,?,?,?,?,?,?,?,?)",
        [(e["at"], e["actor"], review_uuid, e["revision"], e["entity"], e["key"], e["action"],
          _json(e["old"]), _json(e["new"])) for e in entries])


def audit_keys(database: Database, review_uuid: str) -> set[tuple]:
    """(at, actor, revision, entity, key, action) of every audit entry held for a review."""
    return {tuple(r) for r in database.query(
        "SELECT at, actor, revision, entity, key, action FROM audit WHERE review_uuid = ?",
        (review_uuid,))}


def audit_rows(database: Database, review_uuid: str) -> list[dict]:
    return decode_audit(database.query("SELECT * FROM audit WHERE review_uuid = ? ORDER BY id",
                                       (review_uuid,)))


def decode_audit(rows) -> list[dict]:
    """Audit rows as dicts with their JSON `old` / `new` values decoded."""
    out = []
    for r in rows:
        d = dict(r)
        old, new = d.pop("old_json"), d.pop("new_json")
        d["old"] = json.loads(old) if old else None
        d["new"] = json.loads(new) if new else None
        out.append(d)
    return out


# --- facilities ---------------------------------------------------------------------------

def database_marks(database: Database) -> set[str]:
    """What the database says of itself ('demo': made for the demo, invented data only).
    Empty for a file of a schema before the marks (one opened without migrating)."""
    try:
        rows = database.conn.execute("SELECT mark FROM database_marks").fetchall()
    except sqlite3.OperationalError:
        return set()
    return {row[0] for row in rows}


def set_database_mark(database: Database, mark: str) -> None:
    database.conn.execute("INSERT OR IGNORE INTO database_marks (mark, set_at) VALUES (?, ?)",
                          (mark, now_iso()))


def _facility(row: sqlite3.Row) -> Facility:
    return Facility(code=row["code"], name=row["name"], prefecture=row["prefecture"] or "",
                    category=row["category"] or "other", id=row["id"])


def facility_by_code(database: Database, code: str) -> Facility | None:
    rows = database.query("SELECT * FROM facilities WHERE code = ?", (code,))
    return _facility(rows[0]) if rows else None


def facilities(database: Database) -> list[Facility]:
    return [_facility(r) for r in database.query("SELECT * FROM facilities ORDER BY code")]


def update_facility(database: Database, facility_id: int, *, name: str, prefecture: str,
                    category: str) -> None:
    database.db["facilities"].update(facility_id, {
        "name": name, "prefecture": prefecture, "category": category, "updated_at": now_iso()})


def insert_facility(database: Database, f: Facility) -> Facility:
    # Plain SQL: a hub's package import creates facilities as it goes, and sqlite-utils'
    # insert (table introspection on each call) costs a visible share of that import.
    ts = now_iso()
    cur = database.conn.execute(
        "INSERT INTO facilities (code, name, prefecture, category, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?)", (f.code, f.name, f.prefecture, f.category, ts, ts))
    return Facility(f.code, f.name, f.prefecture, f.category, id=cur.lastrowid)


def insert_facilities(database: Database, facilities: list[Facility]) -> None:
    """A batch of new facilities (the facility master), in one insert_all."""
    ts = now_iso()
    database.db["facilities"].insert_all(
        {"code": f.code, "name": f.name, "prefecture": f.prefecture, "category": f.category,
         "created_at": ts, "updated_at": ts} for f in facilities)


# --- forms --------------------------------------------------------------------------------

def ensure_form(database: Database, form: Form) -> str:
    """Store the form snapshot (once per content hash) and return its hash."""
    database.conn.execute(
        "INSERT OR IGNORE INTO forms (hash, form_id, version, title, canonical, added_at) "
        "VALUES (?,?,?,?,?,?)",
        (form.sha256, form.id, form.version, form.title.ja, form.canonical_json(), now_iso()))
    return form.sha256


_form_cache: dict[str, Form] = {}


def form_hashes(database: Database) -> list[str]:
    return [r["hash"] for r in database.query("SELECT hash FROM forms ORDER BY added_at, hash")]


def form_hashes_of(database: Database, form_id: str, version: str) -> list[str]:
    """The hashes of every form held under this id and version (one, unless a file tried to
    bring another content under a known name)."""
    return [r["hash"] for r in database.query(
        "SELECT hash FROM forms WHERE form_id = ? AND version = ? ORDER BY hash",
        (form_id, version))]


def form_by_hash(database: Database, form_hash: str) -> Form:
    """The exact form a review was filled in with (cached: content is immutable by hash)."""
    form = _form_cache.get(form_hash)
    if form is None:
        rows = database.query("SELECT canonical FROM forms WHERE hash = ?", (form_hash,))
        if not rows:
            raise LookupError(f"form {form_hash[:12]}… is not in {database.path}")
        form = form_from_canonical(rows[0]["canonical"])
        _form_cache[form_hash] = form
    return form


# --- reviews ------------------------------------------------------------------------------

_REVIEW_SELECT = """
    SELECT r.*, f.code AS facility_code, f.name AS facility_name,
           fm.form_id AS form_id, fm.version AS form_version
    FROM reviews r JOIN facilities f ON f.id = r.facility_id
                   JOIN forms fm ON fm.hash = r.form_hash
"""


def _review(database: Database, row: sqlite3.Row) -> Review:
    team = tuple(
        TeamMember(name=t["name"], role=t["role"], profession=t["profession"] or "other",
                   affiliation=t["affiliation"] or "")
        for t in database.query(
            "SELECT * FROM team_members WHERE review_id = ? ORDER BY position", (row["id"],)))
    return Review(
        uuid=row["uuid"], revision=row["revision"], facility_code=row["facility_code"],
        facility_name=row["facility_name"], form_id=row["form_id"],
        form_version=row["form_version"], form_hash=row["form_hash"], status=row["status"],
        visit_date=date.fromisoformat(row["visit_date"]), fiscal_year=row["fiscal_year"],
        team=team, created_at=row["created_at"] or "", updated_at=row["updated_at"] or "",
        finalised_at=row["finalised_at"], finalised_by=row["finalised_by"], id=row["id"],
        facility_category=row["facility_category"],
        overall_comment=row["overall_comment"] or "",
        overview=VisitOverview(row["visit_schedule"] or "", row["interviewees"] or "",
                               row["documents_seen"] or "", row["departments_visited"] or ""),
        plan_due=_day(row["plan_due"]), follow_up=_day(row["follow_up"]))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# Review-level fields beyond the header: attribute of Review (or of its VisitOverview) -> column
DETAIL_COLUMNS = {"overall_comment": "overall_comment", "schedule": "visit_schedule",
                  "interviewees": "interviewees", "documents": "documents_seen",
                  "departments": "departments_visited", "plan_due": "plan_due",
                  "follow_up": "follow_up"}


def detail_values(r: Review) -> dict[str, str | None]:
    """DETAIL_COLUMNS key -> stored value of a review's details (総評, visit overview, plan
    dates)."""
    values = {"overall_comment": r.overall_comment, "plan_due": _iso(r.plan_due),
              "follow_up": _iso(r.follow_up)}
    values.update(r.overview.as_dict())
    return values


def set_review_details(database: Database, review_id: int, values: dict[str, Any]) -> None:
    """Write review details: `values` maps DETAIL_COLUMNS keys to text or dates."""
    if not values:
        return
    columns = [DETAIL_COLUMNS[k] for k in values]
    params = [_iso(v) if isinstance(v, date) else v for v in values.values()]
    database.conn.execute(
        f"UPDATE reviews SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
        (*params, review_id))


def review(database: Database, uuid: str, revision: int | None = None) -> Review | None:
    """A given revision, or the current one (the highest revision held)."""
    if revision is None:
        rows = database.query(_REVIEW_SELECT + " WHERE r.uuid = ? ORDER BY r.revision DESC "
                              "LIMIT 1", (uuid,))
    else:
        rows = database.query(_REVIEW_SELECT + " WHERE r.uuid = ? AND r.revision = ?",
                              (uuid, revision))
    return _review(database, rows[0]) if rows else None


def draft_or_final_of_visit(database: Database, facility_code: str, visit_date: date,
                            form_hash: str) -> str | None:
    """The uuid of the active review of a facility's visit on a form, if one is held."""
    rows = database.query(
        "SELECT r.uuid FROM reviews r JOIN facilities f ON f.id = r.facility_id "
        "WHERE f.code = ? AND r.visit_date = ? AND r.form_hash = ? AND r.superseded = 0 "
        "ORDER BY r.id DESC LIMIT 1", (facility_code, visit_date.isoformat(), form_hash))
    return rows[0]["uuid"] if rows else None


def latest_final_reviews(database: Database, fiscal_year: int | None = None
                         ) -> list[tuple[str, int]]:
    """(uuid, revision): per facility and fiscal year, the latest visit's latest final
    revision (an amendment still in draft leaves its last final revision)."""
    where = "AND r.fiscal_year = ?" if fiscal_year is not None else ""
    params: tuple = (fiscal_year,) if fiscal_year is not None else ()
    rows = database.query(
        "SELECT r.uuid, r.revision, f.code, r.fiscal_year FROM reviews r "
        "JOIN facilities f ON f.id = r.facility_id "
        "WHERE r.status = 'final' AND r.revision = (SELECT MAX(r2.revision) FROM reviews r2 "
        f"WHERE r2.uuid = r.uuid AND r2.status = 'final') {where} "
        "ORDER BY f.code, r.fiscal_year, r.visit_date DESC, r.revision DESC", params)
    seen, out = set(), []
    for row in rows:
        key = (row["code"], row["fiscal_year"])
        if key not in seen:
            seen.add(key)
            out.append((row["uuid"], row["revision"]))
    return out


def final_fiscal_years(database: Database) -> list[int]:
    """Fiscal years with a finalised review, oldest first."""
    return [r["fiscal_year"] for r in database.query(
        "SELECT DISTINCT fiscal_year FROM reviews WHERE status = 'final' ORDER BY fiscal_year")]


def first_visit_dates(database: Database) -> dict[str, date]:
    """uuid -> the visit date of its first revision, for every review held."""
    return {row["uuid"]: date.fromisoformat(row["visit_date"]) for row in database.query(
        "SELECT uuid, MIN(visit_date) AS visit_date FROM reviews GROUP BY uuid")}


def review_rows(database: Database, *, current_only: bool = True) -> list[sqlite3.Row]:
    where = " WHERE r.superseded = 0" if current_only else ""
    return database.query(_REVIEW_SELECT + where +
                          " ORDER BY f.code, r.visit_date, r.uuid, r.revision")


def reviews_of_facility(database: Database, facility_code: str) -> list[Review]:
    rows = database.query(_REVIEW_SELECT + " WHERE f.code = ? AND r.superseded = 0 "
                          "ORDER BY r.visit_date", (facility_code,))
    return [_review(database, r) for r in rows]


def insert_review(database: Database, r: Review, facility_id: int, *,
                  created_at: str | None = None) -> int:
    ts = created_at or now_iso()
    details = detail_values(r)
    cur = database.conn.execute(
        "INSERT INTO reviews (uuid, revision, facility_id, form_hash, status, visit_date, "
        "fiscal_year, created_at, updated_at, finalised_at, finalised_by, superseded, "
        f"facility_category, {', '.join(DETAIL_COLUMNS[k] for k in details)}) "
        f"VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?{',?' * len(details)})",
        (r.uuid, r.revision, facility_id, r.form_hash, r.status, r.visit_date.isoformat(),
         r.fiscal_year, ts, ts, r.finalised_at, r.finalised_by, r.facility_category,
         *details.values()))
    review_id = cur.lastrowid
    replace_team(database, review_id, r.team)
    return review_id


def replace_team(database: Database, review_id: int, team: tuple[TeamMember, ...]) -> None:
    # Plain executemany: this runs in every package import (sqlite-utils' insert_all, with its
    # per-call table introspection, cost ~5 % of a thousand-package import for 3–6 rows).
    database.conn.execute("DELETE FROM team_members WHERE review_id = ?", (review_id,))
    database.conn.executemany(
        "INSERT INTO team_members (review_id, position, name, role, profession, affiliation) "
        "VALUES (?,?,?,?,?,?)",
        [(review_id, i, m.name, m.role, m.profession, m.affiliation) for i, m in enumerate(team)])


def touch_review(database: Database, review_id: int, ts: str | None = None) -> None:
    database.conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?",
                          (ts or now_iso(), review_id))


def set_visit_date(database: Database, review_id: int, visit_date: date,
                   fiscal_year: int) -> None:
    database.conn.execute("UPDATE reviews SET visit_date = ?, fiscal_year = ? WHERE id = ?",
                          (visit_date.isoformat(), fiscal_year, review_id))


def set_last_item(database: Database, review_id: int, item_code: str) -> None:
    """The item a reviewer was on, so a crashed session reopens at the same place."""
    database.conn.execute("UPDATE reviews SET last_item = ? WHERE id = ?",
                          (item_code, review_id))


def last_item(database: Database, uuid: str) -> str | None:
    rows = database.query("SELECT last_item FROM reviews WHERE uuid = ? "
                          "ORDER BY revision DESC LIMIT 1", (uuid,))
    return rows[0]["last_item"] if rows else None


def finalise_review(database: Database, review_id: int, *, finalised_at: str,
                    finalised_by: str | None, updated_at: str) -> None:
    """Flip a draft to final: the one transition the store's triggers allow on a review."""
    database.conn.execute(
        "UPDATE reviews SET status = 'final', finalised_at = ?, finalised_by = ?, "
        "updated_at = ? WHERE id = ?", (finalised_at, finalised_by, updated_at, review_id))


def mark_superseded(database: Database, review_id: int) -> None:
    database.conn.execute("UPDATE reviews SET superseded = 1 WHERE id = ?", (review_id,))


def supersede_others(database: Database, uuid: str, review_id: int) -> None:
    """Every other revision of `uuid` leaves the active set (it stays in history)."""
    database.conn.execute(
        "UPDATE reviews SET superseded = 1 WHERE uuid = ? AND id != ? AND superseded = 0",
        (uuid, review_id))


def delete_review(database: Database, review_id: int) -> None:
    """A draft with its answers, findings and team (its audit entries stay)."""
    for table in ("answers", "findings", "team_members"):
        database.conn.execute(f"DELETE FROM {table} WHERE review_id = ?", (review_id,))
    database.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))


# --- answers ------------------------------------------------------------------------------

def _answer(row: sqlite3.Row) -> Answer:
    return Answer(item_code=row["item_code"], self_rating=row["self_rating"],
                  rating=row["rating"],
                  value=json.loads(row["value_json"]) if row["value_json"] else None,
                  period=row["period"], evidence=row["evidence"] or "",
                  comment=row["comment"] or "")


def answers(database: Database, review_id: int) -> dict[str, Answer]:
    rows = database.query("SELECT * FROM answers WHERE review_id = ?", (review_id,))
    return {r["item_code"]: _answer(r) for r in rows}


def all_answers(database: Database) -> dict[int, dict[str, Answer]]:
    """review id -> item code -> answer, for every review held (one query: the home list)."""
    out: dict[int, dict[str, Answer]] = {}
    for a in database.query("SELECT * FROM answers"):
        out.setdefault(a["review_id"], {})[a["item_code"]] = _answer(a)
    return out


def answer(database: Database, review_id: int, item_code: str) -> Answer | None:
    rows = database.query("SELECT * FROM answers WHERE review_id = ? AND item_code = ?",
                          (review_id, item_code))
    return _answer(rows[0]) if rows else None


def answer_records(database: Database, review_id: int) -> list[tuple[Answer, AnswerMeta]]:
    """Every answer of a revision with when and by whom it was written (for packages).

    Columns are unpacked by position: this runs for every package a hub has seen before under
    another file name (a thousand at a time), where reading each field by name shows."""
    rows = database.query(
        "SELECT item_code, self_rating, rating, value_json, period, evidence, comment, "
        "updated_at, updated_by FROM answers WHERE review_id = ?", (review_id,))
    return [(Answer(code, self_rating, rating, json.loads(value) if value else None, period,
                    evidence or "", comment or ""), AnswerMeta(at, by))
            for code, self_rating, rating, value, period, evidence, comment, at, by in rows]


def answer_dict(a: Answer | None) -> dict | None:
    """The audit form of an answer: only the fields that hold something."""
    if a is None or a.is_empty():
        return None
    d = {"self_rating": a.self_rating, "rating": a.rating, "value": a.value, "period": a.period,
         "evidence": a.evidence, "comment": a.comment}
    return {k: v for k, v in d.items() if v not in (None, "")}


def write_answer(database: Database, review_id: int, a: Answer, actor: str, ts: str) -> None:
    """Upsert (or delete, when empty) one answer. The upsert is SQL's own ON CONFLICT rather
    than sqlite-utils' upsert(): this runs on every keystroke (p99 target 2 ms), and
    sqlite-utils reads the table's columns on each call."""
    if a.is_empty():
        database.conn.execute("DELETE FROM answers WHERE review_id = ? AND item_code = ?",
                              (review_id, a.item_code))
        return
    database.conn.execute(
        "INSERT INTO answers (review_id, item_code, self_rating, rating, value_json, period, "
        "evidence, comment, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (review_id, item_code) DO UPDATE SET self_rating = excluded.self_rating, "
        "rating = excluded.rating, value_json = excluded.value_json, period = excluded.period, "
        "evidence = excluded.evidence, comment = excluded.comment, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (review_id, a.item_code, a.self_rating, a.rating, _json(a.value), a.period, a.evidence,
         a.comment, ts, actor))


# --- findings -----------------------------------------------------------------------------

def _finding(row: sqlite3.Row) -> Finding:
    return Finding(kind=row["kind"], text=row["text"],
                   item_codes=tuple(json.loads(row["item_codes"] or "[]")),
                   position=row["position"], id=row["id"])


def findings(database: Database, review_id: int) -> list[Finding]:
    rows = database.query("SELECT * FROM findings WHERE review_id = ? ORDER BY kind, position, id",
                          (review_id,))
    return [_finding(r) for r in rows]


def finding_records(database: Database, review_id: int
                    ) -> list[tuple[Finding, str | None, str | None]]:
    """Every finding of a revision with its created_at and updated_at (for packages)."""
    rows = database.query("SELECT * FROM findings WHERE review_id = ?", (review_id,))
    return [(_finding(r), r["created_at"], r["updated_at"]) for r in rows]


def finding(database: Database, finding_id: int) -> tuple[int, Finding] | None:
    rows = database.query("SELECT * FROM findings WHERE id = ?", (finding_id,))
    return (rows[0]["review_id"], _finding(rows[0])) if rows else None


def finding_texts(database: Database, finding_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(finding_ids), 500):  # under SQLite's limit on parameters
        chunk = finding_ids[start:start + 500]
        for row in database.query(
                f"SELECT id, text FROM findings WHERE id IN ({','.join('?' * len(chunk))})",
                tuple(chunk)):
            out[row["id"]] = row["text"]
    return out


def finding_dict(f: Finding) -> dict:
    return {"kind": f.kind, "text": f.text, "item_codes": list(f.item_codes),
            "position": f.position}


def insert_finding(database: Database, review_id: int, f: Finding, ts: str) -> int:
    cur = database.conn.execute(
        "INSERT INTO findings (review_id, kind, text, item_codes, position, created_at, "
        "updated_at) VALUES (?,?,?,?,?,?,?)",
        (review_id, f.kind, f.text, json.dumps(list(f.item_codes)), f.position, ts, ts))
    return cur.lastrowid


def update_finding(database: Database, f: Finding, ts: str) -> None:
    database.conn.execute(
        "UPDATE findings SET kind = ?, text = ?, item_codes = ?, position = ?, updated_at = ? "
        "WHERE id = ?", (f.kind, f.text, json.dumps(list(f.item_codes)), f.position, ts, f.id))


def delete_finding(database: Database, finding_id: int) -> None:
    database.conn.execute("DELETE FROM findings WHERE id = ?", (finding_id,))


# --- settings -----------------------------------------------------------------------------

def settings(database: Database) -> dict[str, Any]:
    """The hub's settings (key -> value), e.g. what the reports print as their issuer, whether
    packages must be signed."""
    return {r["key"]: json.loads(r["value_json"])
            for r in database.query("SELECT key, value_json FROM settings")}


def setting(database: Database, key: str) -> Any:
    """One setting's value (None when never set)."""
    rows = database.query("SELECT value_json FROM settings WHERE key = ?", (key,))
    return json.loads(rows[0]["value_json"]) if rows else None


def set_setting(database: Database, key: str, value: Any) -> None:
    """Store a setting; None or "" removes it (back to its default)."""
    if value is None or value == "":
        database.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        return
    database.conn.execute(
        "INSERT INTO settings (key, value_json, updated_at) VALUES (?,?,?) ON CONFLICT (key) "
        "DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at",
        (key, json.dumps(value, ensure_ascii=False), now_iso()))
