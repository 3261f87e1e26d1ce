"""集計 ▸ 進捗報告シートを作成… / 進捗を取り込む…: the hub makes a facility's progress workbook and
imports it back, off the UI thread (ui/files/progress_files.py over services.import_progress)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QInputDialog

from kanwa_review.exchange.excel_return import ACTION_HEADERS
from kanwa_review.ui.files import progress_files
from tests.ui_window_support import ExtensionHost as FakeWindow


def test_progress_export_and_import_from_the_hub_menu(qtbot, services, final_review,
                                                      monkeypatch, tmp_path):
    a = services.add_action("F001", "年度計画を文書化する", origin_review_uuid=final_review.uuid,
                            created_at="2025-11-21T00:00:00+00:00")
    b = services.add_action("F001", "研修の案内を送る", created_at="2025-11-21T00:00:00+00:00")
    services.add_progress(b.uuid, "in_progress", "", at="2026-03-01T00:00:00+00:00")
    w = FakeWindow(services)
    qtbot.addWidget(w)
    progress_files.install(w)

    out = tmp_path / "F001.xlsx"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("F001 架空県立がんセンター", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.progress_export_action.trigger()
    qtbot.waitUntil(lambda: any("進捗報告シート" in s for s in w.statuses), timeout=10000)
    assert out.exists()

    wb = load_workbook(out)
    ws = wb["Actions"]
    uuid_col, status_col = ACTION_HEADERS.index("改善計画ID") + 1, len(ACTION_HEADERS) + 1
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, uuid_col).value == a.uuid:
            ws.cell(r, status_col).value = "進行中"
            ws.cell(r, status_col + 1).value = "委員会で審議中"
            ws.cell(r, status_col + 2).value = date(2026, 2, 1)
        if ws.cell(r, uuid_col).value == b.uuid:      # older than the stored update
            ws.cell(r, status_col).value = "完了"
            ws.cell(r, status_col + 2).value = date(2026, 2, 1)
    wb.save(out)

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(out)], ""))
    w.progress_import_action.trigger()
    qtbot.waitUntil(lambda: getattr(w, "import_results", None) is not None, timeout=10000)
    box = w.import_results
    assert "取込（反映 1・変更なし 0・古いため対象外 1）" in box.table.item(0, 1).text()
    assert "より新しい記録があるため取り込みません" in box.details.toPlainText()
    assert services.action(a.uuid).status == "in_progress"
    assert services.action(b.uuid).status == "in_progress"
    assert w.refreshed == 1 and w.changes[0].actions
    if os.environ.get("KANWA_SCREENSHOTS"):
        box.grab().save(str(Path(os.environ["KANWA_SCREENSHOTS"]) / "progress_import.png"))
    box.close()
