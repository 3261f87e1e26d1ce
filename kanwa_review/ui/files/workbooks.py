"""Menu actions for Excel workbooks: 集計 ▸ Excel集計表を出力… (the prefectural return) /
Excel評価票の取込… (filled checklist workbooks), and ファイル ▸ 空の評価票(Excel)を作成…. The work
runs through ui/operations on the worker's own Services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
)

from kanwa_review.core.imports import REJECTED, status_word
from kanwa_review.services import Services
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.actions import command
from kanwa_review.ui.errors import warn
from kanwa_review.ui.files.results_view import ImportResultsDialog
from kanwa_review.ui.operations import run_change, run_query
from kanwa_review.ui.settings import remember_folder, start_path


# --- work done on the worker (no widgets) ---------------------------------------------------

def export_work(out: Path, fiscal_year: int | None):
    def work(services, progress):
        return services.export_return(out, fiscal_year=fiscal_year, progress=progress)
    return work


def each_file_work(files: list[Path], import_one):
    """`import_one(services, path)` per file. Cancel stops before the next file; the files
    already imported stay imported and their results are returned."""
    def work(services, progress):
        results = []
        for n, f in enumerate(files):
            if not progress(n, len(files), QCoreApplication.translate(
                    "Workbooks", "{file} を確認しています…").format(file=f.name)):
                break
            results.append(import_one(services, f))
        progress(len(files), len(files), "")
        return results
    return work


def import_work(files: list[Path]):
    return each_file_work(files, lambda services, f: services.import_workbook(f))


def template_work(form, out: Path):
    def work(_services, progress):
        progress(0, 1, QCoreApplication.translate("Workbooks", "評価票を作成しています…"))
        return Services.write_template(form, out)
    return work


# --- dialogs -----------------------------------------------------------------------------

class FiscalYearDialog(QDialog):
    """Choose the fiscal year (年度) of the return, or all years."""

    def __init__(self, years: list[int], parent=None):
        super().__init__(parent)
        from kanwa_review.core.dates import fiscal_year_text

        self.setWindowTitle(self.tr("Excel集計表を出力"))
        layout = QFormLayout(self)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("年度"))
        for y in sorted(years, reverse=True):
            self.combo.addItem(fiscal_year_text(y), y)
        self.combo.addItem(self.tr("全年度（施設×年度ごとに1行）"), None)
        layout.addRow(self.tr("年度:"), self.combo)
        layout.addRow(QLabel(self.tr("各施設の確定済みレビュー（最新版）を出力します。下書きは含みません。")))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def fiscal_year(self) -> int | None:
        return self.combo.currentData()


# --- actions -----------------------------------------------------------------------------

def _xlsx(path: str) -> Path:
    return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")


def export_return_action(window) -> None:
    dialog = FiscalYearDialog(window.services.return_years(), window)
    if dialog.exec() != QDialog.Accepted:
        return
    fy = dialog.fiscal_year()
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Workbooks", "Excel集計表の保存先"),
        start_path("excel_return", window.services.return_file_name(fy)),
        QCoreApplication.translate("Workbooks", "Excel ブック (*.xlsx)"))
    if not path:
        return
    remember_folder("excel_return", path)

    def done(stats) -> None:
        window.show_status(QCoreApplication.translate(
            "Workbooks", "Excel集計表を保存しました: {file}").format(
            file=stats.path))
        QMessageBox.information(
            window, QCoreApplication.translate("Workbooks", "Excel集計表を出力"),
            QCoreApplication.translate(
                "Workbooks", "{facilities} 施設・{reviews} 件のレビューを出力しました。\n{file}").format(
                facilities=stats.facilities, reviews=stats.reviews, file=stats.path))

    run_query(window, QCoreApplication.translate("Workbooks", "Excel集計表を出力しています…"), window.db_path,
              export_work(_xlsx(path), fy), on_success=done,
              on_cancel=lambda: window.show_status(
                  QCoreApplication.translate("Workbooks", "Excel集計表の出力を取り消しました")))


def import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, QCoreApplication.translate("Workbooks", "取り込むExcel評価票を選択"),
        start_path("excel_import"), QCoreApplication.translate("Workbooks", "Excel ブック (*.xlsx)"))
    if not paths:
        return
    remember_folder("excel_import", paths[0])
    files = [Path(p) for p in paths]

    def done(results) -> None:
        bad = sum(1 for r in results if r.status == REJECTED)
        window.show_status(QCoreApplication.translate("Workbooks", 
            "Excel評価票 {count} 件を処理しました（{rejected} {bad} 件）").format(
            count=len(results), rejected=status_word(REJECTED), bad=bad))
        window.import_results = ImportResultsDialog(
            results, window, total=len(files),
            title=QCoreApplication.translate("Workbooks", "Excel評価票の取込結果"))
        window.import_results.open()

    run_change(window, QCoreApplication.translate(
        "Workbooks", "Excel評価票を取り込んでいます…"), import_work(files),
               changes=OpChanges.of_imports, on_success=done, keep_partial=True)


def template_action(window) -> None:
    from kanwa_review.core.form import FormError, shipped_forms

    title = QCoreApplication.translate("Workbooks", "空の評価票(Excel)を作成")
    try:
        forms = shipped_forms()
    except FormError as exc:
        warn(window, title, exc)
        return
    if not forms:
        QMessageBox.warning(window, title, QCoreApplication.translate(
            "Workbooks", "評価票の定義が見つかりません。"))
        return
    form = forms[0]
    if len(forms) > 1:
        labels = [f.label() for f in forms]
        choice, ok = QInputDialog.getItem(
            window, title, QCoreApplication.translate("Workbooks", "評価票:"), labels, 0, False)
        if not ok:
            return
        form = forms[labels.index(choice)]
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Workbooks", "空の評価票の保存先"),
        start_path("excel_template", Services.template_file_name(form)),
        QCoreApplication.translate("Workbooks", "Excel ブック (*.xlsx)"))
    if not path:
        return
    remember_folder("excel_template", path)
    run_query(window, QCoreApplication.translate("Workbooks", "空の評価票を作成しています…"), window.db_path,
              template_work(form, _xlsx(path)),
              on_success=lambda written: window.show_status(
                  QCoreApplication.translate(
                      "Workbooks", "空の評価票を保存しました: {file}").format(file=written)))


def install(window) -> None:
    window.excel_export_action = command(window, "excel_return",
                                         lambda: export_return_action(window),
                                         tip=QCoreApplication.translate(
                                             "Workbooks", "都道府県向けの集計表（.xlsx）を出力します"))
    window.excel_import_action = command(window, "excel_import", lambda: import_action(window),
                                         tip=QCoreApplication.translate(
                                             "Workbooks", "記入済みのExcel評価票をレビューとして取り込みます"))
    window.excel_template_action = command(
        window, "excel_template", lambda: template_action(window),
        tip=QCoreApplication.translate("Workbooks", "アプリを使わないチーム向けの記入用Excelを作成します"))
    window.hub_menu.addAction(window.excel_export_action)
    window.hub_menu.addAction(window.excel_import_action)
    window.file_menu.addAction(window.excel_template_action)
