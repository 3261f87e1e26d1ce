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
from kanwa_review.services.output_files import writing
from kanwa_review.store import repository as repo

if TYPE_CHECKING:
    from kanwa_review.reports.batch import BatchResult
    from kanwa_review.reports.feedback import FeedbackReport, PlanActions
    from kanwa_review.reports.request_letter import RequestLetter

# ReportLab (reports/) is imported when a report is made, not when the services are.


class ReportOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps, PdcaOps (actions, facility_history)."""

    def plan_actions(self, uuid: str) -> PlanActions:
        """What a review's improvement-plan section prints: the actions agreed at it, the
        whole plan of the previous visit (done and dropped ones too) and older actions still
        open (carried over, 継続)."""
        from kanwa_review.reports import feedback

        r = self.review(uuid)
        return feedback.plan_actions(r, self.actions_of_review(r.uuid),
                                     self.actions_of_facility(r.facility_code),
                                     previous_review=self.previous_final(uuid))

    def feedback_report(self, uuid: str, revision: int | None = None, *,
                        actions: PlanActions | Sequence[ImprovementAction] | None = None
                        ) -> FeedbackReport:
        """Everything the feedback report of a review (its current revision unless told)
        prints. `actions` replaces the stored improvement plan (a plain list counts as agreed
        at this review)."""
        from kanwa_review.reports.feedback import FeedbackReport, PlanActions

        from kanwa_review.core.revisions import visit_changes

        data = self.load(uuid, revision)
        prev = self.previous_final(uuid)
        previous = self.load(prev.uuid, prev.revision) if prev else None
        r = data.review
        if actions is None:
            plan = self.plan_actions(uuid)
        elif isinstance(actions, PlanActions):
            plan = actions
        else:
            plan = PlanActions(tuple(actions))
        # the previous visit compared like with like, across a form revision too
        changes = visit_changes(data.scores(), previous.scores() if previous else None,
                                data.form, previous.form if previous else None,
                                self.known_form_versions())
        return FeedbackReport(
            data, previous, repo.facility_by_code(self.database, r.facility_code), plan,
            self.facility_history(r.facility_code), settings=self.report_settings(),
            revision_note=self.amendment_reason(r.uuid, r.revision) if r.revision > 1 else None,
            changes=tuple(changes))

    def write_report(self, uuid: str, out: str | Path, *, revision: int | None = None,
                     actions: PlanActions | Sequence[ImprovementAction] | None = None,
                     today: date | None = None) -> Path:
        """Write the feedback report of one review to `out` (.pdf)."""
        from kanwa_review.reports import feedback

        if repo.review(self.database, uuid, revision) is None:
            raise LookupError(translate(
                "reports", "評価 {review} は {database} にありません。`kanwa-review list --db …` で UUID を"
                           "確認してください").format(review=uuid, database=self.database.path))
        report = self.feedback_report(uuid, revision, actions=actions)
        with writing(out) as path:
            return feedback.write_report(report, path, today=today)

    def write_all_reports(self, out: str | Path, *, fiscal_year: int | None = None,
                          progress: Progress | None = None,
                          today: date | None = None) -> BatchResult:
        """The reports of fiscal year `fiscal_year` (each facility's latest finalised review
        of that year; None: of any year) in one PDF, with a cover listing every registered
        facility and the pages of its report, each report on an odd page for duplex
        printing. Cancelled when `progress` says stop (nothing is written then)."""
        from kanwa_review.core.dashboard import DRAFT_ONLY, FINAL, OVERALL
        from kanwa_review.core.review import FACILITY_CATEGORIES
        from kanwa_review.reports import batch

        heatmap = self.heatmap(fiscal_year)
        finals = [row for row in heatmap.rows if row.receipt == FINAL]
        if not finals:
            if fiscal_year is not None:
                raise LookupError(translate(
                    "reports", "{year}年度の確定済みの評価がありません。評価を確定するか、別の年度を"
                               "指定してください").format(year=fiscal_year))
            raise LookupError(translate(
                "reports", "確定済みの評価がありません。評価を確定してから作成してください"))
        total = len(finals)
        reports, roster, index = [], [], {}
        warnings: list[str] = []
        what = translate("reports", "全施設の報告書")
        for n, row in enumerate(finals):
            tick(progress, n, total + 1, f"{row.facility_name} を準備しています…")
            try:
                report = self.feedback_report(row.review_uuid, row.revision)
            except Exception as exc:  # noqa: BLE001 — one facility never sinks the batch
                warnings.append(incidents.record_left_out(
                    what, f"{row.facility_code} {row.facility_name}", exc))
                continue
            index[row.facility_code] = len(reports)
            reports.append(report)
        if not reports:
            raise ValueError("\n".join(warnings))
        states = {FINAL: "確定", DRAFT_ONLY: "下書きのみ"}
        for row in heatmap.rows:
            roster.append(batch.RosterRow(
                row.facility_code, row.facility_name,
                FACILITY_CATEGORIES.get(row.category, row.category),
                states.get(row.receipt, "未実施"), row.visit_date, row.score(OVERALL),
                index.get(row.facility_code)))
        prefectures = heatmap.prefectures()
        with writing(out) as path:
            result = batch.write_all(reports, path, roster=roster, fiscal_year=fiscal_year,
                                     settings=self.report_settings(),
                                     prefecture=prefectures[0] if len(prefectures) == 1 else "",
                                     today=today, progress=progress)
        warnings += [incidents.record_left_out(what, label, exc)
                     for label, exc in result.skipped]
        return replace(result, warnings=tuple(warnings))

    def request_letter(self, uuid: str, *, due: date | None = None) -> RequestLetter:
        """What the request letter (事前提出資料の依頼状) of a review prints: the documents its
        form asks for from a facility of the review's category, and when to send them."""
        from kanwa_review.core.documents import requested_documents
        from kanwa_review.reports.request_letter import RequestLetter

        data = self.load(uuid)
        r = data.review
        if due is not None and due > r.visit_date:
            raise ValueError(translate(
                "reports", "{due}: 資料の提出期限は訪問日 {visit} までの日付にしてください").format(
                due=due.isoformat(), visit=r.visit_date.isoformat()))
        facility = repo.facility_by_code(self.database, r.facility_code)
        return RequestLetter(data, tuple(requested_documents(data.form, data.facility_category)),
                             self.report_settings(), facility.prefecture if facility else "",
                             due)

    def write_request_letter(self, uuid: str, out: str | Path, *, due: date | None = None,
                             today: date | None = None) -> Path:
        """Write the request letter of a review (draft or final) to `out` (.pdf)."""
        from kanwa_review.reports.request_letter import write_letter

        letter = self.request_letter(uuid, due=due)
        with writing(out) as path:
            return write_letter(letter, path, today=today)
