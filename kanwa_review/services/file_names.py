"""The names the app proposes for the files it writes (reports, returns, blank checklists,
progress sheets); a submission package's name is its format's (ExportOps.package_file_name)."""

from __future__ import annotations

from kanwa_review.core.form import Form
from kanwa_review.core.review import Review


class FileNameOps:
    """Mixin of `Services`: file names only, no database."""

    @staticmethod
    def report_file_name(review: Review | None = None) -> str:
        """評価報告書_FACILITY_YYYY-MM-DD.pdf for one review; 評価報告書_全施設.pdf for all."""
        if review is None:
            return "評価報告書_全施設.pdf"
        return f"評価報告書_{review.facility_code}_{review.visit_date.isoformat()}.pdf"

    @staticmethod
    def request_letter_file_name(review: Review) -> str:
        """事前提出資料のお願い_FACILITY_YYYY-MM-DD.pdf: the request letter of one visit."""
        return f"事前提出資料のお願い_{review.facility_code}_{review.visit_date.isoformat()}.pdf"

    @staticmethod
    def return_file_name(fiscal_year: int | None) -> str:
        """The prefectural return of one fiscal year, or of every year."""
        year = f"{fiscal_year}年度" if fiscal_year else "全年度"
        return f"ピアレビュー集計表_{year}.xlsx"

    @staticmethod
    def template_file_name(form: Form) -> str:
        return f"評価票_{form.id}_{form.version}.xlsx"

    @staticmethod
    def form_workbook_file_name(form: Form) -> str:
        """The editing workbook of a form (評価票を編集用Excelに書き出す)."""
        return f"評価票編集用_{form.id}_{form.version}.xlsx"

    @staticmethod
    def form_file_name(form: Form) -> str:
        """A form file made from an editing workbook (Excelから評価票を作成)."""
        return f"{form.id}_{form.version}.yaml"

    @staticmethod
    def progress_file_name(facility_code: str) -> str:
        return f"改善計画進捗_{facility_code}.xlsx"


__all__ = ["FileNameOps"]
