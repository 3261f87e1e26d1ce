"""A facility's history (経年変化): achievement per section over fiscal years, with the change
from each visit to the one before (computed by `core.revisions.visit_changes`, so UI, PDF and
Excel all show the same deltas, and compare like with like across a form revision)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kanwa_review.core.form import Form
from kanwa_review.core.revisions import visit_changes
from kanwa_review.core.scoring import ScoreSummary
from kanwa_review.core.trends import ScoreChange

OVERALL = "overall"


@dataclass(frozen=True)
class VisitScores:
    """The input: one review's scores and the fiscal year (年度) of its visit."""

    fiscal_year: int
    summary: ScoreSummary
    visit_date: date | None = None
    review_uuid: str | None = None
    revision: int | None = None
    form: Form | None = None              # the form the visit used (to compare across revisions)


@dataclass(frozen=True)
class HistoryPoint:
    """One fiscal year of the history: its visit, scores and the change since the point before."""

    fiscal_year: int
    summary: ScoreSummary
    changes: tuple[ScoreChange, ...]      # sections of this visit, then "overall"
    visit_date: date | None = None
    review_uuid: str | None = None
    revision: int | None = None

    def achievement(self, code: str) -> float | None:
        """Section (or "overall") achievement in %, None when not rated or not in this form."""
        if code == OVERALL:
            return self.summary.overall.achievement
        return next((s.achievement for s in self.summary.sections if s.code == code), None)

    def delta(self, code: str) -> float | None:
        return next((c.delta for c in self.changes if c.code == code), None)

    def note(self, code: str) -> str | None:
        """Why the change of a section (or "overall") is not given: a form revision."""
        return next((c.note for c in self.changes if c.code == code), None)


@dataclass(frozen=True)
class FacilityHistory:
    facility_code: str
    points: tuple[HistoryPoint, ...]      # oldest fiscal year first

    @property
    def fiscal_years(self) -> list[int]:
        return [p.fiscal_year for p in self.points]

    def sections(self) -> list[tuple[str, str]]:
        """(code, title) of every section met in any year, in first-seen order, then overall.
        Titles come from the newest visit that has the section (forms get revised)."""
        titles: dict[str, str] = {}
        for p in self.points:  # oldest first; a key keeps its place when a newer title replaces it
            for s in p.summary.sections:
                titles[s.code] = s.title
        return [*titles.items(), (OVERALL, "総合")]

    def series(self, code: str) -> list[tuple[int, float | None]]:
        """(fiscal year, achievement) for one section or "overall": what a chart draws."""
        return [(p.fiscal_year, p.achievement(code)) for p in self.points]

    def latest_changes(self) -> list[ScoreChange]:
        """The change at the latest visit since the one before (empty without visits)."""
        return list(self.points[-1].changes) if self.points else []

    def table(self) -> list[dict]:
        """One row per section (and overall): code, title, {fiscal year: achievement}, and the
        latest delta — the shape a report table or an Excel sheet writes."""
        latest = {c.code: c.delta for c in self.latest_changes()}
        return [{"code": code, "title": title,
                 "by_year": {p.fiscal_year: p.achievement(code) for p in self.points},
                 "latest_delta": latest.get(code)}
                for code, title in self.sections()]


def _not_earlier(v: VisitScores, kept: VisitScores) -> bool:
    # Without both dates the input order decides (the later entry wins).
    if v.visit_date is None or kept.visit_date is None:
        return True
    return v.visit_date >= kept.visit_date


def build_history(facility_code: str, visits: Iterable[VisitScores],
                  forms: Iterable[Form] = ()) -> FacilityHistory:
    """One point per fiscal year (the latest visit of a year, when a year has several), oldest
    first; each point's changes compare it with the point of the year before it held (like
    with like when the two visits used different versions of the form; `forms`: the versions
    in between, to follow a chain of revisions)."""
    forms = tuple(forms)
    by_year: dict[int, VisitScores] = {}
    for v in visits:
        kept = by_year.get(v.fiscal_year)
        if kept is None or _not_earlier(v, kept):
            by_year[v.fiscal_year] = v
    points = []
    previous: VisitScores | None = None
    for fy in sorted(by_year):
        v = by_year[fy]
        if previous is None:
            changes = visit_changes(v.summary, None)
        else:
            changes = visit_changes(v.summary, previous.summary, v.form, previous.form, forms)
        points.append(HistoryPoint(fy, v.summary, tuple(changes), v.visit_date, v.review_uuid,
                                   v.revision))
        previous = v
    return FacilityHistory(facility_code, tuple(points))
