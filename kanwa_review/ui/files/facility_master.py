"""集計 ▸ 施設マスタ取込…: the facility list (CSV or .xlsx) imported on the worker, its result
shown in the one results view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.actions import command
from kanwa_review.ui.files.results_view import ImportResultsDialog
from kanwa_review.ui.operations import run_change
from kanwa_review.ui.settings import remember_folder, start_path


def master_work(path: Path):
    def work(services, progress):
        progress(0, 1, QCoreApplication.translate("FacilityMaster", "施設マスタを確認しています…"))
        return services.import_facility_master(path)
    return work


def facility_master_action(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("FacilityMaster", "施設一覧のファイルを選択"),
        start_path("facility_master"),
        QCoreApplication.translate("FacilityMaster", "施設一覧 (*.csv *.xlsx)"))
    if not path:
        return
    remember_folder("facility_master", path)

    def done(result) -> None:
        window.show_status(result.summary())
        window.import_results = ImportResultsDialog(
            [result], window,
            title=QCoreApplication.translate("FacilityMaster", "施設マスタの取込結果"))
        window.import_results.open()

    run_change(window, QCoreApplication.translate("FacilityMaster", "施設マスタを取り込んでいます…"),
               master_work(Path(path)),
               changes=lambda result: OpChanges.of_imports([result]), on_success=done)


def install(window) -> None:
    window.facility_master_action = command(
        window, "facility_master", lambda: facility_master_action(window),
        tip=QCoreApplication.translate(
            "FacilityMaster", "施設一覧（CSV・Excel: 施設コード, 施設名, 都道府県, 区分）を取り込みます"))
    window.hub_menu.addAction(window.facility_master_action)
