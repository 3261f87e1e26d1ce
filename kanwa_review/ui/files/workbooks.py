"""Menu actions for Excel: 集計 ▸ Excel集計表を出力… / Excel評価票の取込…, and
ファイル ▸ 空の評価票(Excel)を作成…. The work runs in ui/workers.run_job; each worker opens its own
Services on window.db_path (never the UI thread's connection)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.imports import status_word
from kanwa_review.ui.workers import run_job


# --- work done in the worker thread (no widgets) ------------------------------------------

def export_work(db_path: Path, out: Path, fiscal_year: int | None):
    from kanwa_review.services import Services

    def work(progress):
        with Services.open(db_path, readonly=True) as services:
            return services.export_return(out, fiscal_year=fiscal_year, progress=progress)
    return work


def _each_file_work(db_path: Path, files: list[Path], import_one):
    """Work for run_job: `import_one(services, path)` per file, on the worker's own Services.
    Cancel stops before the next file; files already imported stay imported."""
    from kanwa_review.services import Services

    def work(progress):
        results = []
        with Services.open(db_path) as services:
            for n, f in enumerate(files):
                if not progress(n, len(files), f"{f.name} を確認しています…"):
                    break
                results.append(import_one(services, f))
            progress(len(files), len(files), "")
        return results
    return work


def import_work(db_path: Path, files: list[Path]):
    return _each_file_work(db_path, files, lambda services, f: services.import_workbook(f))


def template_work(form, out: Path):
    from kanwa_review.services import Services

    def work(progress):
        progress(0, 1, "評価票を作成しています…")
        return Services.write_template(form, out)
    return work


def _run(window, title: str, work, on_done) -> None:
    """run_job, but on_done gets what the work returned even after a cancel (run_job hands
    on_done None then): a cancelled import returns the files it did import, which the results
    dialog must still show. A cancelled export raises, so it has no result."""
    state: dict = {}

    def tracked(progress):
        state["result"] = work(progress)
        return state["result"]

    run_job(window, title, tracked, on_done=lambda _result: on_done(state.get("result")))


# --- dialogs -----------------------------------------------------------------------------

class FiscalYearDialog(QDialog):
    """Choose the fiscal year (年度) of the return, or all years."""

    def __init__(self, years: list[int], parent=None):
        super().__init__(parent)
        from kanwa_review.core.dates import fiscal_year_label

        self.setWindowTitle("Excel集計表を出力")
        layout = QFormLayout(self)
        self.combo = QComboBox()
        self.combo.setAccessibleName("年度")
        for y in sorted(years, reverse=True):
            self.combo.addItem(f"{y}年度（{fiscal_year_label(y)}）", y)
        self.combo.addItem("全年度（施設×年度ごとに1行）", None)
        layout.addRow("年度:", self.combo)
        layout.addRow(QLabel("各施設の確定済みレビュー（最新版）を出力します。下書きは含みません。"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def fiscal_year(self) -> int | None:
        return self.combo.currentData()


class ImportResultsDialog(QDialog):
    """One row per workbook, and every error and warning with its sheet and cell."""

    def __init__(self, results, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Excel評価票の取込結果")
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        ok = sum(1 for r in results if r.status != "rejected")
        layout.addWidget(QLabel(f"{len(results)} 件中 {ok} 件を取り込みました。"
                                f"{status_word('rejected')}のファイルは何も登録されていません。"))
        self.table = QTableWidget(len(results), 4)
        self.table.setAccessibleName("取込結果")
        self.table.setHorizontalHeaderLabels(["ファイル", "結果", "版", "問題"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for row, r in enumerate(results):
            state = status_word(r.status)
            if r.status != "rejected":
                state += "（確定）" if r.final else "（下書き）"
            for col, text in enumerate((Path(r.file).name, state,
                                        "" if r.revision is None else str(r.revision),
                                        str(len(r.errors)) if r.errors else "")):
                item = QTableWidgetItem(text)
                if r.status == "rejected":
                    item.setForeground(Qt.darkRed)
                self.table.setItem(row, col, item)
        layout.addWidget(self.table)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("問題の詳細")
        lines = []
        for r in results:
            for e in r.errors:
                lines.append(f"✕ {e}")
            for w in r.warnings:
                lines.append(f"△ {Path(r.file).name}: {w}")
        self.details.setPlainText("\n".join(lines) or "問題はありませんでした。")
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


# --- actions -----------------------------------------------------------------------------

def export_return_action(window) -> None:
    dialog = FiscalYearDialog(window.services.return_years(), window)
    if dialog.exec() != QDialog.Accepted:
        return
    fy = dialog.fiscal_year()
    name = f"ピアレビュー集計表_{fy}年度.xlsx" if fy else "ピアレビュー集計表_全年度.xlsx"
    path, _ = QFileDialog.getSaveFileName(window, "Excel集計表の保存先", name,
                                          "Excel ブック (*.xlsx)")
    if not path:
        return
    out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def done(stats) -> None:
        if stats is None:
            window.show_status("Excel集計表の出力を取り消しました")
            return
        window.show_status(f"Excel集計表を保存しました: {stats.path}")
        QMessageBox.information(window, "Excel集計表を出力",
                                f"{stats.facilities} 施設・{stats.reviews} 件のレビューを出力しました。\n"
                                f"{stats.path}")

    _run(window, "Excel集計表を出力しています…", export_work(Path(window.db_path), out, fy), done)


def import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, "取り込むExcel評価票を選択", "",
                                            "Excel ブック (*.xlsx)")
    if not paths:
        return

    def done(results) -> None:
        if results is None:
            return
        if any(r.status in ("imported", "superseded") for r in results):
            window.refresh_all()
        bad = sum(1 for r in results if r.status == "rejected")
        window.show_status(f"Excel評価票 {len(results)} 件を処理しました（{status_word('rejected')} {bad} 件）")
        window._excel_results = ImportResultsDialog(results, window)
        window._excel_results.open()

    _run(window, "Excel評価票を取り込んでいます…",
         import_work(Path(window.db_path), [Path(p) for p in paths]), done)


def template_action(window) -> None:
    from kanwa_review.core.form import FormError, shipped_forms

    try:
        forms = shipped_forms()
    except FormError as exc:
        QMessageBox.warning(window, "空の評価票(Excel)を作成", str(exc))
        return
    if not forms:
        QMessageBox.warning(window, "空の評価票(Excel)を作成", "評価票の定義が見つかりません。")
        return
    form = forms[0]
    if len(forms) > 1:
        labels = [f.label() for f in forms]
        choice, ok = QInputDialog.getItem(window, "空の評価票(Excel)を作成", "評価票:", labels, 0,
                                          False)
        if not ok:
            return
        form = forms[labels.index(choice)]
    path, _ = QFileDialog.getSaveFileName(window, "空の評価票の保存先",
                                          f"評価票_{form.id}_{form.version}.xlsx",
                                          "Excel ブック (*.xlsx)")
    if not path:
        return
    out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def done(written) -> None:
        if written is not None:
            window.show_status(f"空の評価票を保存しました: {written}")

    _run(window, "空の評価票を作成しています…", template_work(form, out), done)


# --- progress returns (改善計画の進捗) ---------------------------------------------------------

def progress_import_work(db_path: Path, files: list[Path]):
    return _each_file_work(db_path, files, lambda services, f: services.import_progress(f))


def progress_export_work(db_path: Path, code: str, out: Path):
    from kanwa_review.services import Services

    def work(progress):
        progress(0, 1, "進捗報告シートを作成しています…")
        with Services.open(db_path, readonly=True) as services:
            return services.export_progress(code, out)
    return work


def progress_summary(results) -> tuple[str, str]:
    """(summary, details) of progress imports, for the results message box."""
    lines, details = [], []
    for r in results:
        lines.append(f"{Path(r.file).name}: {status_word(r.status)}（反映 "
                     f"{len(r.applied)}・変更なし {len(r.unchanged)}・古いため対象外 {len(r.stale)}）")
        details += [f"✕ {e}" for e in r.errors]
        details += [f"△ 古いため対象外 (stale, skipped): {s}" for s in r.stale]
    if any(r.status == "rejected" for r in results):
        lines.append(f"{status_word('rejected')}のファイルからは何も登録されていません。詳細を確認してください。")
    return "\n".join(lines), "\n".join(details)


def progress_import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, "改善計画の進捗ファイルを選択", "",
        "進捗ファイル (*.xlsx *.json);;Excel ブック (*.xlsx);;JSON (*.json)")
    if not paths:
        return

    def done(results) -> None:
        if results is None:
            return
        if any(r.status == "imported" for r in results):
            window.refresh_all()
        summary, details = progress_summary(results)
        window.show_status(f"進捗ファイル {len(results)} 件を処理しました")
        box = QMessageBox(QMessageBox.Information, "改善計画の進捗を取込", summary,
                          QMessageBox.Close, window)
        if details:
            box.setDetailedText(details)
        window._progress_results = box
        box.open()

    _run(window, "改善計画の進捗を取り込んでいます…",
         progress_import_work(Path(window.db_path), [Path(p) for p in paths]), done)


def progress_export_action(window) -> None:
    facilities = window.services.facilities()
    if not facilities:
        QMessageBox.information(window, "進捗報告シートを作成", "施設が登録されていません。")
        return
    labels = [f"{f.code} {f.name}" for f in facilities]
    choice, ok = QInputDialog.getItem(window, "進捗報告シートを作成", "施設:", labels, 0, False)
    if not ok:
        return
    code = facilities[labels.index(choice)].code
    path, _ = QFileDialog.getSaveFileName(window, "進捗報告シートの保存先", f"改善計画進捗_{code}.xlsx",
                                          "Excel ブック (*.xlsx);;JSON 進捗ファイル (*.json)")
    if not path:
        return
    out = Path(path) if path.lower().endswith((".xlsx", ".json")) else Path(path + ".xlsx")

    def done(written) -> None:
        if written is not None:
            window.show_status(f"進捗報告シートを保存しました: {written[0]}（{written[1]} 件）")

    _run(window, "進捗報告シートを作成しています…",
         progress_export_work(Path(window.db_path), code, out), done)


def install(window) -> None:
    window.excel_export_action = QAction("Excel集計表を出力…", window)
    window.excel_export_action.setStatusTip("都道府県向けの集計表（.xlsx）を出力します")
    window.excel_export_action.triggered.connect(lambda: export_return_action(window))
    window.excel_import_action = QAction("Excel評価票の取込…", window)
    window.excel_import_action.setStatusTip("記入済みのExcel評価票をレビューとして取り込みます")
    window.excel_import_action.triggered.connect(lambda: import_action(window))
    window.excel_template_action = QAction("空の評価票(Excel)を作成…", window)
    window.excel_template_action.setStatusTip("アプリを使わないチーム向けの記入用Excelを作成します")
    window.excel_template_action.triggered.connect(lambda: template_action(window))
    window.hub_menu.addAction(window.excel_export_action)
    window.hub_menu.addAction(window.excel_import_action)
    window.file_menu.addAction(window.excel_template_action)
    window.progress_export_action = QAction("進捗報告シートを作成…", window)
    window.progress_export_action.setStatusTip(
        "被評価施設に送る改善計画の進捗報告シート（1施設分）を作成します")
    window.progress_export_action.triggered.connect(lambda: progress_export_action(window))
    window.progress_import_action = QAction("進捗を取り込む…", window)
    window.progress_import_action.setStatusTip(
        "被評価施設から返ってきた改善計画の進捗（Excel の Actions シート / JSON）を取り込みます")
    window.progress_import_action.triggered.connect(lambda: progress_import_action(window))
    window.hub_menu.addAction(window.progress_export_action)
    window.hub_menu.addAction(window.progress_import_action)
