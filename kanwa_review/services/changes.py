"""What a finished operation changed, by subject, so that each screen re-reads only what it
shows (the UI's refresh rule, after Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kanwa_review.core.imports import (
    FACILITIES,
    IMPORTED,
    PACKAGE,
    PROGRESS,
    SUPERSEDED,
    WORKBOOK,
    ImportResult,
)
from kanwa_review.core.pdca import ImprovementAction

Codes = frozenset[str] | None    # None: not known which, so any of them


def _union(a: Codes, b: Codes) -> Codes:
    return None if a is None or b is None else a | b


def _hit(codes: Codes, code: str | None) -> bool:
    return codes is None or code in codes


@dataclass(frozen=True)
class OpChanges:
    """Subjects written by one operation, and which reviews and facilities they concern
    (`None`: not known, so every one may have changed)."""

    facilities: bool = False      # facility rows: created, renamed, recategorised
    reviews: bool = False         # reviews created, deleted, finalised, amended, superseded
    answers: bool = False
    findings: bool = False
    actions: bool = False         # improvement actions (改善計画) and their progress
    review_uuids: Codes = frozenset()
    facility_codes: Codes = frozenset()

    # --- made from what the services returned ------------------------------------------
    @classmethod
    def everything(cls) -> OpChanges:
        """Another window or process changed the file (F5, data_version): re-read all."""
        return cls(True, True, True, True, True, None, None)

    @classmethod
    def of_edit(cls, changed, facility_code: str | None = None) -> OpChanges:
        """From one services `Changed` (answers, findings, a review's state) or
        `ActionChanged` (an improvement action) of an edit made on the UI thread."""
        if isinstance(changed, ImprovementAction):      # add_action returns the new action
            return cls(actions=True, facility_codes=frozenset({changed.facility_code}))
        action = getattr(changed, "action", None)
        if action is not None:
            return cls(actions=bool(getattr(changed, "changed", True)),
                       facility_codes=frozenset({action.facility_code}))
        codes = frozenset({facility_code}) if facility_code else None
        return cls(facilities=bool(getattr(changed, "facilities", False)),
                   reviews=bool(getattr(changed, "review", False)),
                   answers=bool(getattr(changed, "items", ()) or getattr(changed, "cleared", ())),
                   findings=bool(getattr(changed, "findings", False)),
                   review_uuids=frozenset({changed.review_uuid}) if changed.review_uuid else None,
                   facility_codes=codes)

    @classmethod
    def of_imports(cls, results: Iterable[ImportResult]) -> OpChanges:
        """What a run of imports wrote: only files that were imported or superseded a held
        revision change reviews; an unchanged package may still bring newer actions."""
        out = cls()
        for r in results:
            out |= cls._of_import(r)
        return out

    @classmethod
    def _of_import(cls, r: ImportResult) -> OpChanges:
        if not r.ok:
            return cls()                       # a rejected file wrote nothing
        review = r.status in (IMPORTED, SUPERSEDED) and r.kind in (PACKAGE, WORKBOOK)
        uuids = frozenset({r.review}) if review and r.review else frozenset()
        if r.kind == PACKAGE:
            actions = bool(r.actions.get("created") or r.actions.get("updated"))
            codes = frozenset({r.facility}) if r.facility else None
            return cls(reviews=review, answers=review, findings=review, actions=actions,
                       review_uuids=uuids, facility_codes=codes if review or actions
                       else frozenset())
        if r.kind == WORKBOOK:
            return cls(reviews=review, answers=review, findings=review, review_uuids=uuids,
                       facility_codes=None if review else frozenset())
        if r.kind == PROGRESS:
            return cls(actions=bool(r.applied), facility_codes=None if r.applied
                       else frozenset())
        if r.kind == FACILITIES:
            written = frozenset(r.created) | frozenset(r.updated)
            return cls(facilities=bool(written), facility_codes=written)
        return cls()

    @classmethod
    def of_migrations(cls, results: Iterable) -> OpChanges:
        """What moving drafts to another form version wrote (services/form_migration
        MigrationResult): the answers, findings and form of each review moved."""
        moved = [r for r in results if r.status == "migrated"]
        if not moved:
            return cls()
        return cls(reviews=True, answers=True, findings=True,
                   review_uuids=frozenset(r.uuid for r in moved),
                   facility_codes=frozenset(r.facility_code for r in moved))

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(
            self.facilities or other.facilities, self.reviews or other.reviews,
            self.answers or other.answers, self.findings or other.findings,
            self.actions or other.actions, _union(self.review_uuids, other.review_uuids),
            _union(self.facility_codes, other.facility_codes))

    # --- what a screen asks -------------------------------------------------------------
    @property
    def any(self) -> bool:
        return self.facilities or self.reviews or self.answers or self.findings or self.actions

    @property
    def home(self) -> bool:
        """The home list: facilities, their reviews and each review's completeness."""
        return self.facilities or self.reviews or self.answers

    def review(self, uuid: str, facility_code: str | None = None) -> bool:
        """An open review: its header, answers and findings, and its facility's row and
        improvement actions."""
        written = self.reviews or self.answers or self.findings
        return ((written and _hit(self.review_uuids, uuid))
                or ((self.actions or self.facilities) and _hit(self.facility_codes,
                                                               facility_code)))

    def overview(self, facility_code: str | None = None) -> bool:
        """The hub's dashboard (no code) or one facility's history: finalised reviews'
        scores, improvement actions and the facility rows; a draft's answers do not show."""
        return (self.reviews or self.actions or self.facilities) and (
            facility_code is None or _hit(self.facility_codes, facility_code))


__all__ = ["OpChanges"]
