"""Checklist workbooks for teams without the app: the blank template, and importing a filled
one (Excel評価票の取込) as a review, in one transaction, exactly as if typed in the app.

Outcome rule: a workbook whose team names a leader (役割 リーダー) arrives as a finalised review
signed by that leader (it must hold 総評); without a leader it arrives as a draft, and so does
a workbook of the old layout, which has no place for 総評 (a warning says so). Importing the same workbook again
is "unchanged"; a changed workbook for the same facility, visit date and form updates the draft,
or creates the next revision of a finalised review ("superseded").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core.form import Form, FormError, shipped_forms
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import (
    IMPORTED, REJECTED, SUPERSEDED, UNCHANGED, WORKBOOK, ImportResult,
)
from kanwa_review.core.review import ReviewStateError
from kanwa_review.services.base import ServiceBase
from kanwa_review.services.output_files import writing
from kanwa_review.store import repository as repo
from kanwa_review.store.database import StoreError

if TYPE_CHECKING:
    from kanwa_review.exchange.excel_import import ParsedWorkbook

# openpyxl is imported when a workbook is read or written, not when the services are.


class WorkbookOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps, AnswerOps and FacilityOps."""

    @staticmethod
    def write_template(form: Form, out: str | Path) -> Path:
        """The blank checklist workbook of `form` (no database needed)."""
        from kanwa_review.exchange.excel_safety import failing_quietly
        from kanwa_review.exchange.excel_template import write_template

        with writing(out) as path, failing_quietly():   # a full disk: the OSError, no stray
            return write_template(form, path)                # tracebacks

    def known_forms(self) -> list[Form]:
        """The forms a workbook may be made for: every form held here, then the shipped ones."""
        forms = [repo.form_by_hash(self.database, h) for h in repo.form_hashes(self.database)]
        try:
            forms += shipped_forms()
        except FormError:
            pass
        return forms

    def import_workbook(self, path: str | Path) -> ImportResult:
        """Validate then store one workbook; every refusal becomes a "rejected" result (an
        unexpected error too: `_one_file`)."""
        result = self._one_file(path, WORKBOOK, lambda: self._import_workbook(path))
        self._keep_new_file(result.status != REJECTED)
        return result

    def _import_workbook(self, path: str | Path) -> ImportResult:
        from kanwa_review.exchange.excel_import import (
            MAX_SHEET_ROWS, WorkbookInvalid, parse_workbook,
        )
        from kanwa_review.exchange.excel_safety import WorkbookRefused, check_workbook_file
        from kanwa_review.exchange.excel_template import SHEET

        file = str(path)
        try:
            # the checks that need no parsing first: a hostile file is refused at once,
            # before the known forms are even loaded
            check_workbook_file(path, {SHEET: MAX_SHEET_ROWS})
            parsed = parse_workbook(path, self.known_forms(),
                                    {f.code: f for f in self.facilities()})
        except WorkbookRefused as exc:
            result = ImportResult(file, REJECTED, WORKBOOK, errors=[str(exc)])
        except WorkbookInvalid as exc:
            result = ImportResult(file, REJECTED, WORKBOOK,
                                  errors=[f"{file}: {p}" for p in exc.problems],
                                  warnings=exc.warnings)
        else:
            try:
                result = self._store_workbook(parsed, file)
            except (ValueError, LookupError, ReviewStateError, StoreError) as exc:
                # e.g. another writer changed the facility's review between checks and write
                result = ImportResult(file, REJECTED, WORKBOOK, errors=[f"{file}: {exc}"])
        return result

    def _store_workbook(self, parsed: ParsedWorkbook, file: str) -> ImportResult:
        """Write a validated workbook in one transaction."""
        result = ImportResult(file, IMPORTED, WORKBOOK, warnings=list(parsed.warnings))
        with self._tx():
            if repo.facility_by_code(self.database, parsed.facility_code) is None:
                self.create_facility(parsed.facility_code, parsed.facility_name,
                                     parsed.prefecture, parsed.category)
                result.warnings.append(translate(
                    "Workbook", "施設 {code} {name} は未登録だったため、新しく登録しました").format(
                        code=parsed.facility_code, name=parsed.facility_name))
            uuid = repo.draft_or_final_of_visit(self.database, parsed.facility_code,
                                                parsed.visit_date, parsed.form.sha256)
            if uuid is not None and self._same_as_workbook(uuid, parsed):
                r = self.review(uuid)
                result.status, result.review, result.revision = UNCHANGED, r.uuid, r.revision
                result.final = r.is_final
                return result
            if uuid is not None:
                if self.review(uuid).is_final:
                    self.amend(uuid, translate("Workbook", "Excel評価票 {file} の取込による修正").format(
                        file=Path(file).name))
                    result.status = SUPERSEDED
                self.update_review(uuid, visit_date=parsed.visit_date, team=parsed.team)
            else:
                uuid = self.start_review(parsed.facility_code, parsed.form, parsed.visit_date,
                                         parsed.team).uuid
            self._apply_workbook_answers(uuid, parsed)
            self.update_review(uuid, overall_comment=parsed.overall_comment,
                               overview=parsed.overview, plan_due=parsed.plan_due,
                               follow_up=parsed.follow_up)
            if parsed.leader:
                self.finalise(uuid, parsed.leader)
            r = self.review(uuid)
        result.review, result.revision, result.final = r.uuid, r.revision, r.is_final
        return result

    def _same_as_workbook(self, uuid: str, parsed: ParsedWorkbook) -> bool:
        data = self.load(uuid)
        r = data.review
        return (data.answers == parsed.answers and r.team == parsed.team
                and r.is_final == bool(parsed.leader)
                and (r.overall_comment, r.overview, r.plan_due, r.follow_up)
                == (parsed.overall_comment, parsed.overview, parsed.plan_due, parsed.follow_up))

    def _apply_workbook_answers(self, uuid: str, parsed: ParsedWorkbook) -> None:
        current = self.answers(uuid)
        for item in parsed.form.items():
            a = parsed.answers.get(item.code)
            if a is None:
                if item.code in current:
                    self.set_answer(uuid, item.code, rating=None, self_rating=None, value=None,
                                    period=None, evidence="", comment="")
                continue
            if current.get(item.code) == a:
                continue
            self.set_answer(uuid, item.code, rating=a.rating, self_rating=a.self_rating,
                            value=a.value, period=a.period, evidence=a.evidence,
                            comment=a.comment)
