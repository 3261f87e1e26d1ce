"""Menu actions for improvement-plan progress files (改善計画の進捗): 集計 ▸ 進捗報告シートを作成…
(one facility's sheet to send out) / 進捗を取り込む… (the filled sheets or JSON files back), on
the worker through ui/operations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.actions import command
from kanwa_review.ui.files.results_view import ImportResultsDialog
from kanwa_review.ui.files.workbooks import each_file_work
from kanwa_review.ui.operations import run_change, run_query
from kanwa_review.ui.settings import remember_folder, start_path


def import_work(files: list[Path]):
    return each_file_work(files, lambda services, f: services.import_progress(f))


def export_work(code: str, out: Path):
    def work(services, progress):
        progress(0, 1, QCoreApplication.translate("ProgressFiles", "進捗報告シートを作成しています…"))
        return services.export_progress(code, out)
    return work


def import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, QCoreApplication.translate("ProgressFiles", "改善計画の進捗ファイルを選択"),
        start_path("progress_import"),
        QCoreApplication.translate(
            "ProgressFiles", "進捗ファイル (*.xlsx *.json);;Excel ブック (*.xlsx);;JSON (*.json)"))
    if not paths:
        return
    remember_folder("progress_import", paths[0])
    files = [Path(p) for p in paths]

    def done(results) -> None:
        window.show_status(QCoreApplication.translate(
            "ProgressFiles", "進捗ファイル {count} 件を処理しました").format(
            count=len(results)))
        window.import_results = ImportResultsDialog(
            results, window, total=len(files),
            title=QCoreApplication.translate("ProgressFiles", "改善計画の進捗の取込結果"))
        window.import_results.open()

    run_change(window, QCoreApplication.translate(
        "ProgressFiles", "改善計画の進捗を取り込んでいます…"), import_work(files),
               changes=OpChanges.of_imports, on_success=done, keep_partial=True)


def export_action(window) -> None:
    title = QCoreApplication.translate("ProgressFiles", "進捗報告シートを作成")
    facilities = window.services.facilities()
    if not facilities:
        QMessageBox.information(window, title, QCoreApplication.translate(
            "ProgressFiles", "施設が登録されていません。"))
        return
    labels = [f"{f.code} {f.name}" for f in facilities]
    choice, ok = QInputDialog.getItem(
        window, title, QCoreApplication.translate("ProgressFiles", "施設:"), labels, 0, False)
    if not ok:
        return
    code = facilities[labels.index(choice)].code
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("ProgressFiles", "進捗報告シートの保存先"),
        start_path("progress_export", window.services.progress_file_name(code)),
        QCoreApplication.translate("ProgressFiles", "Excel ブック (*.xlsx);;JSON 進捗ファイル (*.json)"))
    if not path:
        return
    remember_folder("progress_export", path)
    out = Path(path) if path.lower().endswith((".xlsx", ".json")) else Path(path + ".xlsx")

    def done(written) -> None:
        window.show_status(QCoreApplication.translate(
            "ProgressFiles", "進捗報告シートを保存しました: {file}（{count} 件）").format(
            file=written[0], count=written[1]))

    run_query(window, QCoreApplication.translate(
        "ProgressFiles", "進捗報告シートを作成しています…"), window.db_path,
              export_work(code, out), on_success=done)


def install(window) -> None:
    window.progress_export_action = command(
        window, "progress_export", lambda: export_action(window),
        tip=QCoreApplication.translate("ProgressFiles", "被評価施設に送る改善計画の進捗報告シート（1施設分）を作成します"))
    window.progress_import_action = command(
        window, "progress_import", lambda: import_action(window),
        tip=QCoreApplication.translate(
            "ProgressFiles", "被評価施設から返ってきた改善計画の進捗（Excel の Actions シート / JSON）を取り込みます"))
    window.hub_menu.addAction(window.progress_export_action)
    window.hub_menu.addAction(window.progress_import_action)
