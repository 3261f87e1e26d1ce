"""Excel menu actions: export, import with the results dialog, blank template (issue 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from kanwa_review.store import repository as repo
from kanwa_review.ui.files import progress_files
from kanwa_review.ui.files import workbooks as excel_actions
from tests.data.excel import make_bad_workbooks as bad
from tests.ui_window_support import ExtensionHost as FakeWindow


@pytest.fixture
def window(qtbot, services, mini_form):
    with services.database.transaction():
        repo.ensure_form(services.database, mini_form)
    w = FakeWindow(services)
    qtbot.addWidget(w)
    excel_actions.install(w)
    progress_files.install(w)
    return w


def test_menu_entries(window):
    assert [a.text() for a in window.hub_menu.actions()] == ["Excel集計表を出力(&X)…",
                                                             "Excel評価票の取込(&W)…",
                                                             "進捗報告シートを作成(&P)…",
                                                             "進捗を取り込む(&I)…"]
    assert [a.text() for a in window.file_menu.actions()] == ["空の評価票(Excel)を作成(&T)…"]


def test_import_then_export_from_the_menus(window, qtbot, monkeypatch, tmp_path):
    files = bad.make_all(tmp_path)
    chosen = [str(files["valid_mini.xlsx"]), str(files["bad_rating.xlsx"])]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    window.excel_import_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "import_results", None) is not None, timeout=10000)
    dialog = window.import_results
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "取込（確定）"
    assert table.item(1, 1).text() == "却下"
    assert "評価票!G2:" in dialog.details.toPlainText()
    assert window.refreshed == 1
    if os.environ.get("KANWA_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["KANWA_SCREENSHOTS"]) / "excel_import.png"))
    dialog.close()

    out = tmp_path / "return.xlsx"
    monkeypatch.setattr(excel_actions.FiscalYearDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window.excel_export_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "1 施設" in shown[0]
    rows = list(load_workbook(out, read_only=True)["施設別集計"].iter_rows(values_only=True))
    assert rows[1][0] == "F001" and rows[1][2] == 2025


def test_fiscal_year_dialog_lists_years(qtbot):
    d = excel_actions.FiscalYearDialog([2024, 2025])
    qtbot.addWidget(d)
    assert d.combo.count() == 3 and d.fiscal_year() == 2025
    d.combo.setCurrentIndex(2)
    assert d.fiscal_year() is None


def test_blank_template_from_the_file_menu(window, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "blank.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out)[:-5], ""))
    window.excel_template_action.trigger()
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: any("空の評価票" in s for s in window.statuses), timeout=5000)
    assert "評価票" in load_workbook(out).sheetnames


def test_the_return_dialog_writes_the_fiscal_year_the_one_way(qtbot):
    """Issue 15, item 12: 令和8年度（2026年度） here as on every screen (core.dates)."""
    from kanwa_review.ui.files.workbooks import FiscalYearDialog

    dialog = FiscalYearDialog([2025, 2026])
    qtbot.addWidget(dialog)
    assert [dialog.combo.itemText(i) for i in range(2)] == ["令和8年度（2026年度）",
                                                           "令和7年度（2025年度）"]
