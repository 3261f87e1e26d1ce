"""The hub's overview (ダッシュボード): a facility × section heat-map for one fiscal year, the
median per section, the facilities whose review has not come in, and the rows a facility's
history lists. Plain values only: the Qt dashboard, the history window and tests use them."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from kanwa_review.core.form import Form
from kanwa_review.core.history import OVERALL, FacilityHistory
from kanwa_review.core.qi import QIValue
from kanwa_review.core.review import FACILITY_CATEGORIES
from kanwa_review.core.revisions import correspondence_either_way, not_compared
from kanwa_review.core.scoring import ScoreSummary
from kanwa_review.core.trends import format_delta  # noqa: F401  (the one way a change is written)

# Colour bands of the heat-map (achievement in %, lower bound inclusive). Five steps read
# better than a continuous ramp on a projector and in print; the labels go into the legend.
SCORE_BANDS: tuple[tuple[float, str], ...] = (
    (85.0, "85%以上"), (70.0, "70–85%"), (55.0, "55–70%"), (40.0, "40–55%"), (0.0, "40%未満"))

NO_REVIEW, DRAFT_ONLY, FINAL = "none", "draft", "final"
RECEIPT_LABELS = {NO_REVIEW: "未実施", DRAFT_ONLY: "下書きのみ", FINAL: "受領済み"}


def score_band(value: float | None) -> int | None:
    """0 (best, ≥85 %) … 4 (<40 %); None for no score. The UI maps bands to colours."""
    if value is None:
        return None
    for band, (lower, _label) in enumerate(SCORE_BANDS):
        if value >= lower:
            return band
    return len(SCORE_BANDS) - 1


def median(values: Iterable[float | None]) -> float | None:
    """Median of the scores present (None = not rated, left out), one decimal; None if none."""
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 1) if present else None


@dataclass(frozen=True)
class HeatmapRow:
    """One facility in one fiscal year: its finalised review's scores (empty when none)."""

    facility_code: str
    facility_name: str
    prefecture: str
    category: str
    receipt: str                                  # NO_REVIEW | DRAFT_ONLY | FINAL
    scores: Mapping[str, float | None] = field(default_factory=dict)  # section code / OVERALL
    review_uuid: str | None = None
    revision: int | None = None
    visit_date: date | None = None
    # section code / OVERALL -> why this score is not compared with the other facilities'
    # (the facility used a version of the form whose section does not match; left out of
    # the medians)
    notes: Mapping[str, str] = field(default_factory=dict)

    @property
    def category_label(self) -> str:
        return FACILITY_CATEGORIES.get(self.category, self.category)

    @property
    def received(self) -> bool:
        return self.receipt == FINAL

    def score(self, code: str) -> float | None:
        return self.scores.get(code)


@dataclass(frozen=True)
class Heatmap:
    """Facility × section achievement for one fiscal year (年度)."""

    fiscal_year: int
    sections: tuple[tuple[str, str], ...]         # (code, title) …, then (OVERALL, "総合")
    rows: tuple[HeatmapRow, ...]

    @property
    def codes(self) -> list[str]:
        return [code for code, _title in self.sections]

    def prefectures(self) -> list[str]:
        return sorted({r.prefecture for r in self.rows if r.prefecture})

    def categories(self) -> list[str]:
        """Facility types present, in the order of FACILITY_CATEGORIES."""
        held = {r.category for r in self.rows}
        return [c for c in FACILITY_CATEGORIES if c in held] + sorted(
            held - set(FACILITY_CATEGORIES))

    def filtered(self, *, prefecture: str | None = None, category: str | None = None
                 ) -> Heatmap:
        """Only the facilities of one prefecture and/or one facility type (None = all)."""
        rows = tuple(r for r in self.rows
                     if (prefecture is None or r.prefecture == prefecture)
                     and (category is None or r.category == category))
        return replace(self, rows=rows)

    def medians(self) -> dict[str, float | None]:
        """Median per section (and overall) over the facilities with a finalised review."""
        received = [r for r in self.rows if r.received]
        return {code: median(r.score(code) for r in received if code not in r.notes)
                for code in self.codes}

    def medians_by_prefecture(self) -> dict[str, dict[str, float | None]]:
        return {p: self.filtered(prefecture=p).medians() for p in self.prefectures()}

    def not_received(self) -> list[HeatmapRow]:
        """Facilities with no finalised review this fiscal year (the year's plan not met)."""
        return [r for r in self.rows if not r.received]


@dataclass(frozen=True)
class YearReview:
    """One current review of a facility in the fiscal year asked for (input of build_heatmap)."""

    facility_code: str
    status: str                                   # "draft" | "final"
    visit_date: date
    summary: ScoreSummary | None = None           # needed for finalised reviews only
    review_uuid: str | None = None
    revision: int | None = None
    form: Form | None = None                      # to compare like with like across versions


def _sections_of(summaries: Iterable[ScoreSummary]) -> tuple[tuple[str, str], ...]:
    """Sections in form order that some facility has a score for (a section without rating
    items, such as one of figures only, would be a column of dashes), then overall."""
    titles: dict[str, str] = {}
    scored: set[str] = set()
    for s in summaries:
        for sec in s.sections:
            titles.setdefault(sec.code, sec.title)
            if sec.achievement is not None:
                scored.add(sec.code)
    return (*((c, t) for c, t in titles.items() if c in scored), (OVERALL, "総合"))


def build_heatmap(fiscal_year: int, facilities: Sequence, reviews: Iterable[YearReview],
                  forms: Iterable[Form] = ()) -> Heatmap:
    """One row per facility (`core.review.Facility` values, in the order given). A facility's
    scores come from its latest finalised review of the year; a facility with only drafts is
    DRAFT_ONLY and one with nothing is NO_REVIEW — both are 'not received'. When facilities
    used different versions of the form, a section that does not compare with the version of
    the year's latest visit carries a note (core.revisions) and is left out of the medians."""
    latest_final: dict[str, YearReview] = {}
    has_draft: set[str] = set()
    for r in reviews:
        if r.status != "final":
            has_draft.add(r.facility_code)
            continue
        kept = latest_final.get(r.facility_code)
        if kept is None or r.visit_date >= kept.visit_date:
            latest_final[r.facility_code] = r
    sections = _sections_of(r.summary for r in latest_final.values() if r.summary)
    notes = _version_notes(list(latest_final.values()), tuple(forms))
    rows = []
    for f in facilities:
        r = latest_final.get(f.code)
        if r is not None and r.summary is not None:
            scores = {s.code: s.achievement for s in r.summary.sections}
            scores[OVERALL] = r.summary.overall.achievement
            rows.append(HeatmapRow(f.code, f.name, f.prefecture, f.category, FINAL, scores,
                                   r.review_uuid, r.revision, r.visit_date,
                                   notes.get(f.code, {})))
        else:
            rows.append(HeatmapRow(f.code, f.name, f.prefecture, f.category,
                                   DRAFT_ONLY if f.code in has_draft else NO_REVIEW))
    return Heatmap(fiscal_year, sections, tuple(rows))


def _version_notes(reviews: list[YearReview], forms: tuple[Form, ...]
                   ) -> dict[str, dict[str, str]]:
    """facility code -> {section code / OVERALL: note} for the scores that do not compare
    with those on the form of the year's latest visit."""
    with_form = [r for r in reviews if r.form is not None and r.summary is not None]
    if not with_form:
        return {}
    reference = max(with_form, key=lambda r: r.visit_date).form
    out: dict[str, dict[str, str]] = {}
    for r in with_form:
        if r.form.sha256 == reference.sha256:
            continue
        corr = correspondence_either_way(r.form, reference, forms)
        codes = [s.code for s in r.summary.sections if s.code not in corr.sections]
        if not corr.overall:
            codes.append(OVERALL)
        if codes:
            out[r.facility_code] = {code: corr.note or not_compared() for code in codes}
    return out


# --- a facility's history, as the rows of its visit table ---------------------------------

@dataclass(frozen=True)
class VisitRow:
    """One visit of a facility's history (the latest of its fiscal year) with the change of
    each section since the visit before — the deltas `core.trends` computes for every output."""

    fiscal_year: int
    visit_date: date | None
    review_uuid: str | None
    overall: float | None
    overall_delta: float | None
    deltas: Mapping[str, float | None]            # section code -> change in points
    # section code / OVERALL -> why there is no change (「評価票改訂のため比較なし」)
    notes: Mapping[str, str] = field(default_factory=dict)


def visit_rows(history: FacilityHistory) -> list[VisitRow]:
    """Newest visit first (what a reader looks for first)."""
    out = []
    for p in reversed(history.points):
        deltas = {c.code: c.delta for c in p.changes if c.code != OVERALL}
        notes = {c.code: c.note for c in p.changes if c.note}
        out.append(VisitRow(p.fiscal_year, p.visit_date, p.review_uuid,
                            p.achievement(OVERALL), p.delta(OVERALL), deltas, notes))
    return out


# --- QIs -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class YearQI:
    """A review's QI figures, with the fiscal year and visit they belong to."""

    fiscal_year: int
    visit_date: date | None
    values: tuple[QIValue, ...]

    @property
    def problems(self) -> list[tuple[str, str]]:
        """(item code, problem) for every figure `core.qi` flagged."""
        return [(v.item_code, p) for v in self.values for p in v.problems]


def qi_problem_count(years: Iterable[YearQI]) -> int:
    return sum(len(y.problems) for y in years)
