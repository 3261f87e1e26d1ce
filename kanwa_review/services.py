"""Application services: every action the UI or the CLI can take, one transaction each.

Each mutating call returns a small `Changed` value saying what changed, so screens refresh only
what they must (the Anki pattern). No Qt here: the CLI and headless batch jobs use it directly.
"""

from __future__ import annotations

import getpass
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kanwa_review.core.completeness import Gap, completeness, gaps
from kanwa_review.core.dates import fiscal_year
from kanwa_review.core.form import Form, condition_items
from kanwa_review.core.review import (
    FACILITY_CATEGORIES, FACILITY_CODE_RE, FINDING_KINDS, MAX_TEXT, Answer, AnswerError, Facility,
    Finding, Review, ReviewStateError, TeamMember, new_review_uuid, normalise_answer,
)
from kanwa_review.core.scoring import ScoreSummary, score_review
from kanwa_review.core.skiplogic import relevant_items
from kanwa_review.store import repository as repo
from kanwa_review.store.backup import backup_to
from kanwa_review.store.database import Database, StoreError
from kanwa_review.store.schema import AUDIT_APPEND_ONLY, FINALISED

_UNSET = object()


class IncompleteReviewError(ReviewStateError):
    """Finalising was refused: `gaps` lists what is missing."""

    def __init__(self, gaps_: list[Gap]):
        self.gaps = gaps_
        super().__init__(f"{len(gaps_)} required answers or comments are missing")


@dataclass(frozen=True)
class Changed:
    """What one action changed, for screens to refresh from."""

    review_uuid: str | None = None
    revision: int | None = None
    items: tuple[str, ...] = ()          # answers written (incl. cleared by skip logic)
    cleared: tuple[str, ...] = ()        # answers removed because their item no longer applies
    findings: bool = False
    review: bool = False                 # status, team, dates, revision
    facilities: bool = False


@dataclass(frozen=True)
class ReviewSummary:
    """One line of the home screen and of `list`."""

    uuid: str
    revision: int
    facility_code: str
    facility_name: str
    visit_date: date
    fiscal_year: int
    status: str
    form_id: str
    form_version: str
    completeness: float
    updated_at: str
    finalised_at: str | None

    def to_json(self) -> dict:
        return {"uuid": self.uuid, "facility_code": self.facility_code,
                "facility_name": self.facility_name, "visit_date": self.visit_date.isoformat(),
                "fiscal_year": self.fiscal_year, "status": self.status,
                "revision": self.revision}


@dataclass
class ReviewData:
    """Everything a screen or a report needs about one review revision."""

    review: Review
    form: Form
    answers: dict[str, Answer]
    findings: list[Finding] = field(default_factory=list)

    def relevant(self) -> set[str]:
        return relevant_items(self.form, self.answers)

    def scores(self, *, self_assessment: bool = False) -> ScoreSummary:
        return score_review(self.form, self.answers, self_assessment=self_assessment)

    def gaps(self) -> list[Gap]:
        return gaps(self.form, self.answers)

    def completeness(self) -> float:
        return completeness(self.form, self.answers)


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts)
        return "unknown"


def _state_error(exc: sqlite3.Error) -> Exception:
    text = str(exc)
    if FINALISED in text:
        return ReviewStateError("この評価は確定済みのため変更できません。変更するには「修正版を作成」"
                                "してください。 (A finalised review is immutable; amend it to "
                                "create a new revision.)")
    if AUDIT_APPEND_ONLY in text:
        return ReviewStateError("The audit trail cannot be changed.")
    return exc


class Services:
    """The one service object the UI and the CLI share, over an open database."""

    def __init__(self, database: Database, actor: str | None = None):
        self.database = database
        self.actor = actor or default_actor()
        # item code -> codes of items whose relevance depends on it, per form hash
        self._dependents: dict[str, dict[str, set[str]]] = {}
        self._review_ids: dict[tuple[str, int], int] = {}

    # --- plumbing -----------------------------------------------------------------------
    def _tx(self):
        return self.database.transaction()

    def _audit(self, review: Review | None, entity: str, key: str | None, action: str,
               old=None, new=None, at: str | None = None) -> None:
        repo.write_audit(self.database, actor=self.actor,
                         review_uuid=review.uuid if review else None,
                         revision=review.revision if review else None, entity=entity, key=key,
                         action=action, old=old, new=new, at=at)

    def _draft(self, uuid: str) -> Review:
        r = repo.review(self.database, uuid)
        if r is None:
            raise LookupError(f"no review {uuid} in {self.database.path}")
        if r.is_final:
            raise ReviewStateError(
                f"第{r.revision}版は確定済みのため変更できません。「修正版を作成」で次の版を作ってください。 "
                f"(Revision {r.revision} of {uuid} is final; amend it to make changes.)")
        return r

    # --- facilities ---------------------------------------------------------------------
    def create_facility(self, code: str, name: str, prefecture: str = "",
                        category: str = "regional") -> Facility:
        code, name = code.strip(), name.strip()
        if not FACILITY_CODE_RE.match(code):
            raise ValueError(f"施設コード {code!r} は英数字・-・_ の32文字以内で入力してください "
                             "(facility code: letters, digits, - and _, up to 32)")
        if not name or len(name) > 200:
            raise ValueError("施設名を200文字以内で入力してください (facility name: 1–200 characters)")
        if category not in FACILITY_CATEGORIES:
            raise ValueError(f"unknown facility category {category!r}")
        with self._tx():
            if repo.facility_by_code(self.database, code):
                raise ValueError(f"施設コード {code} は既に登録されています (facility {code} exists)")
            f = repo.insert_facility(self.database, Facility(code, name, prefecture, category))
            self._audit(None, "facility", code, "create", None,
                        {"name": name, "prefecture": prefecture, "category": category})
        return f

    def facilities(self) -> list[Facility]:
        return repo.facilities(self.database)

    # --- reviews ------------------------------------------------------------------------
    def start_review(self, facility_code: str, form: Form, visit_date: date,
                     team: list[TeamMember] | tuple[TeamMember, ...] = ()) -> Review:
        team = tuple(team)
        if sum(1 for m in team if m.role == "leader") > 1:
            raise ValueError("a review team has one leader")
        with self._tx():
            f = repo.facility_by_code(self.database, facility_code)
            if f is None:
                raise LookupError(f"施設コード {facility_code} は登録されていません (unknown facility)")
            form_hash = repo.ensure_form(self.database, form)
            r = Review(uuid=new_review_uuid(), revision=1, facility_code=f.code,
                       facility_name=f.name, form_id=form.id, form_version=form.version,
                       form_hash=form_hash, status="draft", visit_date=visit_date,
                       fiscal_year=fiscal_year(visit_date), team=team)
            review_id = repo.insert_review(self.database, r, f.id)
            self._audit(r, "review", None, "create", None, {
                "facility": f.code, "form": f"{form.id} {form.version}",
                "visit_date": visit_date.isoformat(),
                "team": [m.__dict__ for m in team]})
        return replace(r, id=review_id)

    def update_review(self, uuid: str, *, visit_date: date | None = None,
                      team: tuple[TeamMember, ...] | None = None) -> Changed:
        with self._tx():
            r = self._draft(uuid)
            old, new = {}, {}
            if visit_date is not None and visit_date != r.visit_date:
                old["visit_date"], new["visit_date"] = r.visit_date.isoformat(), visit_date.isoformat()
                self.database.conn.execute(
                    "UPDATE reviews SET visit_date = ?, fiscal_year = ? WHERE id = ?",
                    (visit_date.isoformat(), fiscal_year(visit_date), r.id))
            if team is not None and tuple(team) != r.team:
                old["team"] = [m.__dict__ for m in r.team]
                new["team"] = [m.__dict__ for m in team]
                repo.replace_team(self.database, r.id, tuple(team))
            if new:
                repo.touch_review(self.database, r.id)
                self._audit(r, "review", None, "update", old, new)
        return Changed(uuid, r.revision, review=bool(new))

    def review(self, uuid: str, revision: int | None = None) -> Review:
        r = repo.review(self.database, uuid, revision)
        if r is None:
            raise LookupError(f"no review {uuid}" + (f" revision {revision}" if revision else "")
                              + f" in {self.database.path}")
        return r

    def form_of(self, review: Review) -> Form:
        return repo.form_by_hash(self.database, review.form_hash)

    def load(self, uuid: str, revision: int | None = None) -> ReviewData:
        r = self.review(uuid, revision)
        return ReviewData(r, self.form_of(r), repo.answers(self.database, r.id),
                          repo.findings(self.database, r.id))

    def list_reviews(self, *, include_history: bool = False) -> list[ReviewSummary]:
        rows = repo.review_rows(self.database, current_only=not include_history)
        out = []
        answers_by_review: dict[int, dict[str, Answer]] = {}
        for a in self.database.query("SELECT * FROM answers"):
            answers_by_review.setdefault(a["review_id"], {})[a["item_code"]] = repo._answer(a)
        for r in rows:
            form = repo.form_by_hash(self.database, r["form_hash"])
            out.append(ReviewSummary(
                uuid=r["uuid"], revision=r["revision"], facility_code=r["facility_code"],
                facility_name=r["facility_name"], visit_date=date.fromisoformat(r["visit_date"]),
                fiscal_year=r["fiscal_year"], status=r["status"], form_id=r["form_id"],
                form_version=r["form_version"],
                completeness=completeness(form, answers_by_review.get(r["id"], {})),
                updated_at=r["updated_at"] or "", finalised_at=r["finalised_at"]))
        return out

    def history(self, uuid: str) -> list[Review]:
        rows = self.database.query("SELECT revision FROM reviews WHERE uuid = ? ORDER BY revision",
                                   (uuid,))
        return [self.review(uuid, row["revision"]) for row in rows]

    # --- answers ------------------------------------------------------------------------
    def _dependents_of(self, form: Form) -> dict[str, set[str]]:
        deps = self._dependents.get(form.sha256)
        if deps is None:
            deps = {}
            for item in form.items():
                if item.relevant_if is not None:
                    for ref in condition_items(item.relevant_if):
                        deps.setdefault(ref, set()).add(item.code)
            self._dependents[form.sha256] = deps
        return deps

    def set_answer(self, uuid: str, item_code: str, *, rating=_UNSET, self_rating=_UNSET,
                   value=_UNSET, period=_UNSET, evidence=_UNSET, comment=_UNSET) -> Changed:
        """Change some fields of one answer; the rest keep their stored values.

        When the change makes later items no longer apply, their answers are cleared in the
        same transaction (and audited), so hidden answers never count in scores or exports."""
        try:
            with self._tx():
                r = self._draft(uuid)
                form = self.form_of(r)
                old = repo.answer(self.database, r.id, item_code) or Answer(item_code)
                fields = {k: v for k, v in (("rating", rating), ("self_rating", self_rating),
                                            ("value", value), ("period", period),
                                            ("evidence", evidence), ("comment", comment))
                          if v is not _UNSET}
                new = normalise_answer(form, replace(old, **fields))
                if new == old:
                    return Changed(uuid, r.revision)
                ts = repo.now_iso()
                repo.write_answer(self.database, r.id, new, self.actor, ts)
                self._audit(r, "answer", item_code, "set", repo.answer_dict(old),
                            repo.answer_dict(new), at=ts)
                cleared: list[str] = []
                if item_code in self._dependents_of(form):
                    cleared = self._clear_irrelevant(r, form, ts)
                repo.touch_review(self.database, r.id, ts)
                self.database.conn.execute("UPDATE reviews SET last_item = ? WHERE id = ?",
                                           (item_code, r.id))
        except sqlite3.IntegrityError as exc:
            raise _state_error(exc) from None
        return Changed(uuid, r.revision, items=(item_code, *cleared), cleared=tuple(cleared))

    def _clear_irrelevant(self, r: Review, form: Form, ts: str) -> list[str]:
        answers = repo.answers(self.database, r.id)
        relevant = relevant_items(form, answers)
        cleared = []
        for code, a in answers.items():
            if code not in relevant:
                repo.write_answer(self.database, r.id, Answer(code), self.actor, ts)
                self._audit(r, "answer", code, "clear_skipped", repo.answer_dict(a), None, at=ts)
                cleared.append(code)
        return cleared

    def answers(self, uuid: str, revision: int | None = None) -> dict[str, Answer]:
        return repo.answers(self.database, self.review(uuid, revision).id)

    def last_item(self, uuid: str) -> str | None:
        rows = self.database.query("SELECT last_item FROM reviews WHERE uuid = ? "
                                   "ORDER BY revision DESC LIMIT 1", (uuid,))
        return rows[0]["last_item"] if rows else None

    # --- findings -----------------------------------------------------------------------
    def _check_finding(self, form: Form, kind: str, text: str, item_codes) -> tuple[str, ...]:
        if kind not in FINDING_KINDS:
            raise ValueError(f"unknown finding kind {kind!r}; use one of {FINDING_KINDS}")
        if not text.strip():
            raise ValueError("所見の本文を入力してください (a finding needs text)")
        if len(text) > MAX_TEXT:
            raise ValueError(f"a finding is limited to {MAX_TEXT:,} characters")
        codes = tuple(dict.fromkeys(item_codes))
        unknown = [c for c in codes if not form.has_item(c)]
        if unknown:
            raise ValueError(f"unknown item codes {unknown}")
        return codes

    def add_finding(self, uuid: str, kind: str, text: str, item_codes=()) -> tuple[int, Changed]:
        with self._tx():
            r = self._draft(uuid)
            codes = self._check_finding(self.form_of(r), kind, text, item_codes)
            pos = self.database.query(
                "SELECT COALESCE(MAX(position), -1) + 1 AS p FROM findings "
                "WHERE review_id = ? AND kind = ?", (r.id, kind))[0]["p"]
            f = Finding(kind, text.strip(), codes, pos)
            ts = repo.now_iso()
            fid = repo.insert_finding(self.database, r.id, f, ts)
            self._audit(r, "finding", str(fid), "create", None, repo.finding_dict(f), at=ts)
            repo.touch_review(self.database, r.id, ts)
        return fid, Changed(uuid, r.revision, findings=True)

    def _owned_finding(self, uuid: str, finding_id: int) -> tuple[Review, Finding]:
        r = self._draft(uuid)
        found = repo.finding(self.database, finding_id)
        if found is None or found[0] != r.id:
            raise LookupError(f"finding {finding_id} does not belong to review {uuid}")
        return r, found[1]

    def update_finding(self, uuid: str, finding_id: int, *, text: str | None = None,
                       kind: str | None = None, item_codes=None) -> Changed:
        with self._tx():
            r, old = self._owned_finding(uuid, finding_id)
            new_kind = kind or old.kind
            new = replace(old, kind=new_kind, text=(text if text is not None else old.text).strip(),
                          item_codes=self._check_finding(
                              self.form_of(r), new_kind, text if text is not None else old.text,
                              item_codes if item_codes is not None else old.item_codes))
            if new == old:
                return Changed(uuid, r.revision)
            ts = repo.now_iso()
            repo.update_finding(self.database, new, ts)
            self._audit(r, "finding", str(finding_id), "update", repo.finding_dict(old),
                        repo.finding_dict(new), at=ts)
            repo.touch_review(self.database, r.id, ts)
        return Changed(uuid, r.revision, findings=True)

    def move_finding(self, uuid: str, finding_id: int, new_position: int) -> Changed:
        """Reorder within the finding's kind; positions stay 0..n-1."""
        with self._tx():
            r, f = self._owned_finding(uuid, finding_id)
            same = [x for x in repo.findings(self.database, r.id) if x.kind == f.kind]
            order = [x for x in same if x.id != f.id]
            new_position = max(0, min(new_position, len(order)))
            order.insert(new_position, f)
            ts = repo.now_iso()
            for pos, x in enumerate(order):
                if x.position != pos:
                    repo.update_finding(self.database, replace(x, position=pos), ts)
            self._audit(r, "finding", str(finding_id), "move", {"position": f.position},
                        {"position": new_position}, at=ts)
        return Changed(uuid, r.revision, findings=True)

    def delete_finding(self, uuid: str, finding_id: int) -> Changed:
        with self._tx():
            r, f = self._owned_finding(uuid, finding_id)
            repo.delete_finding(self.database, finding_id)
            self._audit(r, "finding", str(finding_id), "delete", repo.finding_dict(f), None)
            repo.touch_review(self.database, r.id)
        return Changed(uuid, r.revision, findings=True)

    def findings(self, uuid: str, revision: int | None = None) -> list[Finding]:
        return repo.findings(self.database, self.review(uuid, revision).id)

    # --- lifecycle ----------------------------------------------------------------------
    def finalise(self, uuid: str, signed_by: str) -> Changed:
        """Lock the current revision after checking completeness; the leader signs it off."""
        signed_by = signed_by.strip()
        if not signed_by:
            raise ValueError("確定にはリーダーの氏名が必要です (the team leader's name is required)")
        with self._tx():
            r = self._draft(uuid)
            form = self.form_of(r)
            missing = gaps(form, repo.answers(self.database, r.id))
            if missing:
                raise IncompleteReviewError(missing)
            ts = repo.now_iso()
            self.database.conn.execute(
                "UPDATE reviews SET status = 'final', finalised_at = ?, finalised_by = ?, "
                "updated_at = ? WHERE id = ?", (ts, signed_by, ts, r.id))
            self._audit(r, "review", None, "finalise", {"status": "draft"},
                        {"status": "final", "finalised_by": signed_by}, at=ts)
        return Changed(uuid, r.revision, review=True)

    def amend(self, uuid: str) -> Review:
        """Start revision n+1 of a final review, carrying its answers, findings and team."""
        with self._tx():
            r = self.review(uuid)
            if not r.is_final:
                raise ReviewStateError(f"revision {r.revision} is still a draft; edit it directly")
            fid = repo.facility_by_code(self.database, r.facility_code).id
            new = replace(r, revision=r.revision + 1, status="draft", finalised_at=None,
                          finalised_by=None, id=None)
            new_id = repo.insert_review(self.database, new, fid)
            ts = repo.now_iso()
            for a in repo.answers(self.database, r.id).values():
                repo.write_answer(self.database, new_id, a, self.actor, ts)
            for f in repo.findings(self.database, r.id):
                repo.insert_finding(self.database, new_id, f, ts)
            self.database.conn.execute("UPDATE reviews SET superseded = 1 WHERE id = ?", (r.id,))
            self._audit(new, "review", None, "amend", {"revision": r.revision},
                        {"revision": new.revision}, at=ts)
        return self.review(uuid)

    def delete_draft(self, uuid: str) -> Changed:
        """Delete a draft that was never finalised (its audit entries stay)."""
        with self._tx():
            r = self._draft(uuid)
            if r.revision > 1:
                raise ReviewStateError("an amendment draft cannot be deleted while earlier "
                                       "revisions exist; finalise it instead")
            for table in ("answers", "findings", "team_members"):
                self.database.conn.execute(f"DELETE FROM {table} WHERE review_id = ?", (r.id,))
            self.database.conn.execute("DELETE FROM reviews WHERE id = ?", (r.id,))
            self._audit(r, "review", None, "delete", {"facility": r.facility_code}, None)
        return Changed(uuid, r.revision, review=True)

    def audit_trail(self, uuid: str) -> list[dict]:
        return repo.audit_rows(self.database, uuid)

    # --- maintenance --------------------------------------------------------------------
    def backup(self, dest: str | Path) -> Path:
        return backup_to(self.database, dest)


__all__ = ["Services", "Changed", "ReviewSummary", "ReviewData", "IncompleteReviewError",
           "ReviewStateError", "AnswerError", "StoreError", "default_actor"]
