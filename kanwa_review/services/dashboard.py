"""Reading for the hub's overview (ダッシュボード) and a facility's history window (施設の経過):
heat-map of a fiscal year, overdue actions, reviews not received, and one facility's visits,
actions and QIs. Read-only; the aggregation itself is in `core.dashboard`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kanwa_review.core.dashboard import (
    Heatmap, VisitRow, YearQI, YearReview, build_heatmap, visit_rows,
)
from kanwa_review.core.dates import fiscal_year
from kanwa_review.core.history import FacilityHistory
from kanwa_review.core.jobs import Progress, tick
from kanwa_review.core.pdca import ImprovementAction
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import Facility, Review
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import repository as repo
from kanwa_review.core.i18n import translate

@dataclass(frozen=True)
class DashboardData:
    """Everything the hub dashboard shows for one fiscal year."""

    fiscal_year: int
    years: tuple[int, ...]                       # fiscal years one can choose, newest first
    heatmap: Heatmap
    overdue: tuple[ImprovementAction, ...]       # every facility, most overdue first
    facility_names: dict[str, str]
    today: date


@dataclass(frozen=True)
class FacilityOverview:
    """Everything the facility history window shows."""

    facility: Facility
    history: FacilityHistory
    visits: tuple[VisitRow, ...]                 # newest first
    actions: tuple[ImprovementAction, ...]       # open first, then by due date
    qis: tuple[YearQI, ...]                      # newest first
    today: date

    def overdue(self) -> list[ImprovementAction]:
        return [a for a in self.actions if a.is_overdue(self.today)]


class DashboardOps(ServiceBase):
    def dashboard_years(self, today: date | None = None) -> list[int]:
        """Fiscal years with a review, and the current one, newest first."""
        years = {row["fiscal_year"] for row in self.database.query(
            "SELECT DISTINCT fiscal_year FROM reviews WHERE superseded = 0")}
        years.add(fiscal_year(today or date.today()))
        return sorted(years, reverse=True)

    def last_final_review(self, facility_code: str) -> Review | None:
        """The facility's latest finalised review (what a follow-up visit continues from)."""
        rows = self.database.query(
            "SELECT r.uuid, r.revision FROM reviews r JOIN facilities f ON f.id = r.facility_id "
            "WHERE f.code = ? AND r.status = 'final' AND r.superseded = 0 "
            "ORDER BY r.visit_date DESC, r.revision DESC LIMIT 1", (facility_code,))
        return repo.review(self.database, rows[0]["uuid"], rows[0]["revision"]) if rows else None

    def heatmap(self, fy: int | None, progress: Progress | None = None) -> Heatmap:
        """Every registered facility with its receipt for fiscal year `fy` (None: any year)
        and the section achievement of its latest finalised review: 確定 (final), 下書きのみ
        (only a draft) or 未実施 (nothing). A review being amended counts with its last
        finalised revision. What the dashboard, the batch report's cover and the Excel
        return's Summary list."""
        finals = repo.latest_final_reviews(self.database, fy)
        drafts = self.database.query(
            "SELECT r.uuid, r.revision, r.visit_date, f.code FROM reviews r "
            "JOIN facilities f ON f.id = r.facility_id WHERE r.superseded = 0 "
            "AND r.status = 'draft'" + (" AND r.fiscal_year = ?" if fy is not None else ""),
            (fy,) if fy is not None else ())
        total = len(finals)
        year_reviews = []
        for n, (uuid, revision) in enumerate(finals):
            data = self.load(uuid, revision)
            r = data.review
            tick(progress, n, total, f"{r.facility_code} を集計しています…")
            year_reviews.append(YearReview(r.facility_code, "final", r.visit_date,
                                           data.scores(), uuid, revision, data.form))
        for row in drafts:
            year_reviews.append(YearReview(row["code"], "draft",
                                           date.fromisoformat(row["visit_date"]), None,
                                           row["uuid"], row["revision"]))
        tick(progress, total, total, "集計しています…")
        # a year reviewed on two versions of a form compares like with like (core.revisions)
        forms = {r.form.sha256 for r in year_reviews if r.form is not None}
        versions = self.known_form_versions() if len(forms) > 1 else ()
        return build_heatmap(fy if fy is not None else 0, self.facilities(), year_reviews,
                             versions)

    def dashboard(self, fy: int | None = None, *, today: date | None = None,
                  progress: Progress | None = None) -> DashboardData:
        """The hub's overview of one fiscal year (default: the current one)."""
        today = today or date.today()
        fy = fiscal_year(today) if fy is None else fy
        heatmap = self.heatmap(fy, progress)
        names = {f.code: f.name for f in self.facilities()}
        return DashboardData(fy, tuple(self.dashboard_years(today)), heatmap,
                             tuple(self.overdue_actions(today)), names, today)

    def facility_overview(self, code: str, *, today: date | None = None,
                          progress: Progress | None = None) -> FacilityOverview:
        """A facility's history (finalised reviews), visits with deltas, actions and QIs."""
        facility = repo.facility_by_code(self.database, code)
        if facility is None:
            raise LookupError(translate("dashboard", "施設 {code} は登録されていません").format(code=code))
        tick(progress, 0, 3, "経年変化を集計しています…")
        history = self.facility_history(code)
        tick(progress, 1, 3, "QIを集計しています…")
        qis = []
        for p in reversed(history.points):
            if p.review_uuid is None:
                continue
            data = self.load(p.review_uuid, p.revision)
            qis.append(YearQI(p.fiscal_year, p.visit_date,
                              tuple(qi_values(data.form, data.answers,
                                              facility_category=data.facility_category))))
        tick(progress, 2, 3, "改善計画を読み込んでいます…")
        actions = self.actions_of_facility(code)
        return FacilityOverview(facility, history, tuple(visit_rows(history)), tuple(actions),
                                tuple(qis), today or date.today())
