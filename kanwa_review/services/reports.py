"""PDF feedback reports (評価報告書): the data of each report is gathered here as core objects
(the review, the previous visit, the facility, its improvement plan and history); reports/
renders it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core.i18n import translate
from kanwa_review.core.jobs import Progress, tick
from kanwa_review.core.pdca import ImprovementAction
from kanwa_review.services import incidents
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import repository as repo

if TYPE_CHECKING:
    from kanwa_review.reports.batch import BatchResult
    from kanwa_review.reports.feedback import FeedbackReport, PlanActions

# ReportLab (reports/) is imported when a report is made, not when the services are.


class ReportOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps, PdcaOps (actions, facility_history)."""

    def plan_actions(self, uuid: str) -> PlanActions:
        """What a review's improvement-plan section prints: the actions agreed at it, and the
        facility's open actions agreed before the visit (carried over, 継続)."""
        from kanwa_review.reports import feedback

        r = self.review(uuid)
        return feedback.plan_actions(r, self.actions_of_review(r.uuid),
                                     self.actions_of_facility(r.facility_code, open_only=True))

    def feedback_report(self, uuid: str, revision: int | None = None, *,
                        actions: PlanActions | Sequence[ImprovementAction] | None = None
                        ) -> FeedbackReport:
        """Everything the feedback report of a review (its current revision unless told)
        prints. `actions` replaces the stored improvement plan (a plain list counts as agreed
        at this review)."""
        from kanwa_review.reports.feedback import FeedbackReport, PlanActions

        data = self.load(uuid, revision)
        prev = self.previous_final(uuid)
        r = data.review
        if actions is None:
            plan = self.plan_actions(uuid)
        elif isinstance(actions, PlanActions):
            plan = actions
        else:
            plan = PlanActions(tuple(actions))
        return FeedbackReport(
            data, self.load(prev.uuid, prev.revision) if prev else None,
            repo.facility_by_code(self.database, r.facility_code), plan,
            self.facility_history(r.facility_code))

    def write_report(self, uuid: str, out: str | Path, *, revision: int | None = None,
                     actions: PlanActions | Sequence[ImprovementAction] | None = None,
                     today: date | None = None) -> Path:
        """Write the feedback report of one review to `out` (.pdf)."""
        from kanwa_review.reports import feedback

        if repo.review(self.database, uuid, revision) is None:
            raise LookupError(f"レビュー {uuid} は {self.database.path} にありません (no such review)。"
                              "`kanwa-review list --db …` で UUID を確認してください / check the "
                              "UUID with `kanwa-review list`.")
        return feedback.write_report(self.feedback_report(uuid, revision, actions=actions), out,
                                     today=today)

    def write_all_reports(self, out: str | Path, *,
                          progress: Progress | None = None) -> BatchResult:
        """Every facility's latest finalised review in one PDF; Cancelled when `progress`
        says stop (nothing is written then)."""
        from kanwa_review.reports import batch

        reviews = self.latest_per_facility()
        if not reviews:
            raise LookupError("確定済みの評価がありません (no finalised review in the database; "
                              "finalise a review first)")
        total = len(reviews)
        reports = []
        warnings: list[str] = []
        what = translate("reports", "全施設の報告書")
        for n, r in enumerate(reviews):
            tick(progress, n, total + 1, f"{r.facility_name} を準備しています…")
            try:
                reports.append(self.feedback_report(r.uuid, r.revision))
            except Exception as exc:  # noqa: BLE001 — one facility never sinks the batch
                warnings.append(incidents.record_left_out(
                    what, f"{r.facility_code} {r.facility_name}", exc))
        if not reports:
            raise ValueError("\n".join(warnings))
        result = batch.write_all(reports, out, progress=progress)
        warnings += [incidents.record_left_out(what, label, exc)
                     for label, exc in result.skipped]
        return replace(result, warnings=tuple(warnings))
