"""Service plumbing shared by every subject module: transactions, audit, result values."""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import date

from kanwa_review.core import text_policy
from kanwa_review.core.completeness import Gap
from kanwa_review.core.i18n import translate
from kanwa_review.core.person import Profile
from kanwa_review.core.imports import REJECTED, ImportResult, capped
from kanwa_review.core.review import Review, ReviewStateError
from kanwa_review.core.review_data import ReviewData  # noqa: F401  (re-exported)
from kanwa_review.store import repository as repo
from kanwa_review.store.database import Database
from kanwa_review.store.schema import AUDIT_APPEND_ONLY, FINALISED
from kanwa_review.core.i18n import translate

_UNSET = object()
DEMO_PREFIX = "DEMO"   # the demo generator's facility codes (services/demo_data.py)


class IncompleteReviewError(ReviewStateError):
    """Finalising was refused: `gaps` lists what is missing."""

    def __init__(self, gaps_: list[Gap]):
        self.gaps = gaps_
        super().__init__(translate("services", "必須の回答またはコメントが {count} 件未記入です").format(
            count=len(gaps_)))


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

    @property
    def deletable(self) -> bool:
        """Only a draft that was never finalised may be deleted (delete_draft's rule); an
        amendment's draft is finalised instead."""
        return self.status == "draft" and self.revision == 1

    @property
    def can_follow_up(self) -> bool:
        """A follow-up visit continues from a finalised review (its ratings, open actions)."""
        return self.status == "final"

    def to_json(self) -> dict:
        return {"uuid": self.uuid, "facility_code": self.facility_code,
                "facility_name": self.facility_name, "visit_date": self.visit_date.isoformat(),
                "fiscal_year": self.fiscal_year, "status": self.status,
                "revision": self.revision}


ACTOR_ENV = "KANWA_REVIEW_ACTOR"


def stored_profile() -> Profile | None:
    """The named person of this installation (paths.profile_file()), None when not set yet
    or unreadable (the app asks again)."""
    from kanwa_review import paths

    try:
        return Profile.from_json(json.loads(paths.profile_file().read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def default_actor() -> str:
    """Whom the audit trail names: KANWA_REVIEW_ACTOR (a hub's batch job), else the person of
    this installation's profile, else — until a profile is set — the login name."""
    named = " ".join(os.environ.get(ACTOR_ENV, "").split())
    if named:
        return named[:200]
    profile = stored_profile()
    if profile is not None:
        return profile.actor
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts)
        return "unknown"


def _state_error(exc: sqlite3.Error) -> Exception:
    text = str(exc)
    if FINALISED in text:
        return ReviewStateError(translate(
            "services", "この評価は確定済みのため変更できません。変更するには「修正版を作成」して"
                        "新しい版を作ってください"))
    if AUDIT_APPEND_ONLY in text:
        return ReviewStateError(translate("services", "変更履歴（監査記録）は変更できません"))
    return exc


class ServiceBase:
    """Holds the database and the acting user; subject mixins add the operations."""

    def __init__(self, database: Database, actor: str | None = None):
        self.database = database
        self.actor = actor or default_actor()
        # item code -> codes of items whose relevance depends on it, per form hash
        self._dependents: dict[str, dict[str, set[str]]] = {}
        self._review_ids: dict[tuple[str, int], int] = {}

    # --- a demo database holds invented hospitals only ------------------------------------
    @property
    def is_demo(self) -> bool:
        """The database was made for the demo (`add_demo_data` marks it): it takes invented
        facilities only (codes starting with DEMO)."""
        return "demo" in repo.database_marks(self.database)

    def _refuse_real_facilities(self, codes) -> None:
        """ValueError when a demo database is asked to hold a real facility: registered by
        hand, from a facility master, a submission package or a workbook. Real reviews
        must never sit beside invented hospitals (they would reach the reports and the
        prefecture's return)."""
        real = [c for c in codes if not str(c).startswith(DEMO_PREFIX)]
        if real and self.is_demo:
            shown = "、".join(real[:5]) + (" …" if len(real) > 5 else "")
            raise ValueError(translate(
                "services", "{codes}: このデータベース（{file}）はデモ用で、架空の病院だけを入れます。"
                "実在の施設の登録や取り込みはできません。ファイル ▸ 新規 で自分のデータベース"
                "ファイルを作り、そこで登録・取り込みしてください（コマンドでは --db で自分の"
                "ファイルを指定）").format(codes=shown, file=self.database.path.name))

    # --- plumbing -----------------------------------------------------------------------
    def _tx(self):
        return self.database.transaction()

    @staticmethod
    def _one_file(path, kind: str, work) -> ImportResult:
        """Run the import of one input file in isolation: an unexpected exception becomes
        the file's "rejected" result with a short reason (its traceback goes to the error
        log, services/incidents.py; the file's transaction has rolled back), so a batch of N
        files always has N results. The file name is shown as the user sees it
        (text_policy.display_name: a Shift_JIS name from a Windows ZIP, no control
        characters), in the result and in its messages."""
        raw = str(path)
        shown = text_policy.display_name(raw)
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 — exactly what isolation is for
            from kanwa_review.services import incidents

            result = ImportResult(shown, REJECTED, kind,
                                  errors=[incidents.record(f"import ({kind})", shown, exc)])
        result.errors = capped(result.errors)
        result.warnings = capped(result.warnings)
        if shown != raw:
            base, base_shown = os.path.basename(raw), os.path.basename(shown)
            result.file = shown

            def fix(text: str) -> str:
                return text.replace(raw, shown).replace(base, base_shown) if base else text

            result.errors = [fix(e) for e in result.errors]
            result.warnings = [fix(w) for w in result.warnings]
        return result

    def _audit(self, review: Review | None, entity: str, key: str | None, action: str,
               old=None, new=None, at: str | None = None) -> None:
        repo.write_audit(self.database, actor=self.actor,
                         review_uuid=review.uuid if review else None,
                         revision=review.revision if review else None, entity=entity, key=key,
                         action=action, old=old, new=new, at=at)

    def _draft(self, uuid: str) -> Review:
        r = repo.review(self.database, uuid)
        if r is None:
            raise LookupError(translate("services", "評価 {review} は {database} にありません").format(
                review=uuid, database=self.database.path))
        if r.is_final:
            raise ReviewStateError(translate(
                "services", "評価 {review} の第{revision}版は確定済みのため変更できません。"
                            "「修正版を作成」で次の版を作ってください").format(
                                review=uuid, revision=r.revision))
        return r
