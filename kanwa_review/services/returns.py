"""The prefectural Excel return (Excel集計表) and the improvement actions' progress sheets: the
data is gathered here as core objects, exchange/excel_return.py writes the workbook.

Which reviews: for each facility and fiscal year (年度), the latest finalised revision of the
latest review visited that year; drafts are left out. `fiscal_year` limits it to one year.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core.dates import JST
from kanwa_review.core.i18n import translate
from kanwa_review.core.dates import fiscal_year as fiscal_year_of
from kanwa_review.core.jobs import Progress, tick
from kanwa_review.core.pdca import parse_timestamp
from kanwa_review.core.qi import qi_values
from kanwa_review.core.revisions import visit_changes
from kanwa_review.services.base import ServiceBase
from kanwa_review.services.output_files import writing
from kanwa_review.services.odd_values import shown_as_dash
from kanwa_review.store import repository as repo

if TYPE_CHECKING:
    from kanwa_review.exchange.excel_return import (
        ActionRow, FacilityReturn, ReturnData, ReturnStats,
    )

# openpyxl (exchange/excel_return.py) is imported when a workbook is made, not with the services.


class ReturnOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps (`load`, `previous_final`), PdcaOps and FormDistributionOps
    (`known_form_versions`)."""

    def return_years(self) -> list[int]:
        """Fiscal years with a finalised review (what the return can be limited to)."""
        return repo.final_fiscal_years(self.database)

    def action_rows(self, facility_codes: list[str], warnings: list[str] | None = None
                    ) -> list[ActionRow]:
        """Every improvement action of the facilities, open and closed, in the store's order
        (facility, open first, due date), as rows of the Actions sheet; an action that cannot
        be shown is left out with a warning appended to `warnings`."""
        codes = set(facility_codes)
        if not codes:
            return []
        names = {f.code: f.name for f in self.facilities()}
        found = [a for a in self.actions() if a.facility_code in codes]
        points = repo.finding_texts(self.database,
                                    [a.finding_id for a in found if a.finding_id is not None])
        visits = repo.first_visit_dates(self.database)
        out = []
        for a in found:
            try:
                out.append(self._action_row(a, names, points, visits))
            except Exception as exc:  # noqa: BLE001 — one odd action never sinks the sheet
                from kanwa_review.services import incidents

                text = incidents.record_left_out(translate("returns", "改善計画の一覧"),
                                                 f"{a.facility_code} {a.uuid}", exc)
                if warnings is not None:
                    warnings.append(text)
        return out

    @staticmethod
    def _action_row(a, names: dict, points: dict, visits: dict) -> ActionRow:
        from kanwa_review.exchange.excel_return import ActionRow

        origin = visits.get(a.origin_review_uuid or "")
        agreed = origin or (parse_timestamp(a.created_at).date() if a.created_at else None)
        last = a.progress[-1] if a.progress else None
        return ActionRow(
            a.facility_code, names.get(a.facility_code, ""),
            fiscal_year_of(agreed) if agreed else None, "、".join(a.item_codes),
            points.get(a.finding_id, "") if a.finding_id is not None else "", a.title,
            a.owner_name, a.due_date, a.status_label, a.success_measure, a.owner_role,
            parse_timestamp(last.at).astimezone(JST).date() if last else None,
            last.note if last else "", a.uuid)

    def return_data(self, *, fiscal_year: int | None = None,
                    progress: Progress | None = None) -> ReturnData:
        """Everything the return shows: each facility's latest finalised review per fiscal
        year with scores, change since the previous visit and QIs, and the actions. One
        facility's odd data never sinks the return: a row that cannot be gathered is left out
        with a warning (and a log entry), and a value that cannot be shown is shown as 「—」
        with a warning naming the facility (`ReturnData.warnings`)."""
        from kanwa_review.exchange.excel_return import (
            STATE_DRAFT, STATE_NONE, MissingReturn, ReturnData,
        )

        facilities = {f.code: f for f in self.facilities()}
        keys = repo.latest_final_reviews(self.database, fiscal_year)
        rows: list[FacilityReturn] = []
        versions = self.known_form_versions()
        warnings: list[str] = []
        for n, (uuid, revision) in enumerate(keys):
            if n % 10 == 0:
                tick(progress, n, len(keys) * 2, "レビューを読み込んでいます…")
            try:
                row = self._return_row(uuid, revision, facilities, versions)
            except Exception as exc:  # noqa: BLE001 — isolation: the others are still written
                from kanwa_review.services import incidents

                warnings.append(incidents.record_left_out(
                    translate("returns", "Excel集計表"), self._facility_label(uuid), exc))
                continue
            warnings += shown_as_dash(row)
            rows.append(row)
        # every registered facility appears in each fiscal year of the return: those without
        # a finalised review as 下書きのみ (a draft of that year) or 未実施
        drafts: dict[tuple[str, int], date] = {}
        for row in self.database.query(
                "SELECT f.code, r.fiscal_year, MAX(r.visit_date) AS visit FROM reviews r "
                "JOIN facilities f ON f.id = r.facility_id WHERE r.superseded = 0 "
                "AND r.status = 'draft' GROUP BY f.code, r.fiscal_year"):
            drafts[(row["code"], row["fiscal_year"])] = date.fromisoformat(row["visit"])
        years = ({fiscal_year} if fiscal_year is not None
                 else {r.review.fiscal_year for r in rows} | {fy for _c, fy in drafts})
        final = {(r.facility.code, r.review.fiscal_year) for r in rows}
        missing = [MissingReturn(f, fy, STATE_DRAFT if (code, fy) in drafts else STATE_NONE,
                                 drafts.get((code, fy)))
                   for fy in sorted(years) for code, f in sorted(facilities.items())
                   if (code, fy) not in final]
        # the actions agreed in the return's year(s), for reading (progress comes back on
        # each hospital's own progress workbook)
        actions = [a for a in self.action_rows([r.facility.code for r in rows], warnings)
                   if fiscal_year is None or a.fiscal_year == fiscal_year]
        return ReturnData(datetime.now(UTC).astimezone(), fiscal_year, rows, actions,
                          missing=missing, warnings=warnings)

    def _return_row(self, uuid: str, revision: int, facilities: dict,
                    versions) -> FacilityReturn:
        from kanwa_review.exchange.excel_return import FacilityReturn

        data = self.load(uuid, revision)
        scores = data.scores()
        # the same "previous visit" the review screen and the PDF report compare with
        prev = self.previous_final(uuid)
        prev_scores = prev_form = None
        if prev is not None:
            prev_data = self.load(prev.uuid, prev.revision)
            prev_scores, prev_form = prev_data.scores(), prev_data.form
        return FacilityReturn(
            review=data.review, facility=facilities[data.review.facility_code],
            form=data.form, answers=dict(data.answers), findings=data.findings, scores=scores,
            changes=visit_changes(scores, prev_scores, data.form, prev_form, versions),
            previous_visit=prev.visit_date if prev else None,
            qis=qi_values(data.form, data.answers, facility_category=data.facility_category))

    def _facility_label(self, uuid: str) -> str:
        """施設コード 施設名 of a review, for a warning (the uuid when even that fails)."""
        try:
            r = repo.review(self.database, uuid)
            return f"{r.facility_code} {r.facility_name}"
        except Exception:  # noqa: BLE001 — only a label
            return uuid

    def export_return(self, path: str | Path, *, fiscal_year: int | None = None,
                      progress: Progress | None = None,
                      today: date | None = None) -> ReturnStats:
        """Write the prefectural return to `path` (.xlsx); Cancelled when `progress` says
        stop (nothing is written then)."""
        from kanwa_review.exchange.excel_return import ReturnStats, write_return
        from kanwa_review.exchange.excel_safety import failing_quietly

        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            raise ValueError(f"{path}: the Excel return is an .xlsx file; give a name ending in "
                             ".xlsx")
        if not path.parent.is_dir():
            raise ValueError(f"{path.parent}: the folder does not exist")
        data = self.return_data(fiscal_year=fiscal_year, progress=progress)
        with writing(path), failing_quietly():   # a full disk: the OSError, no stray tracebacks
            write_return(data, path, progress=progress, today=today)
        if progress is not None:
            progress(1, 1, "完了")
        return ReturnStats(path, len({r.facility.code for r in data.rows}), len(data.rows),
                           fiscal_year, tuple(data.warnings))
