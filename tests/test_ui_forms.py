"""Forms in the app (issue 17) with real widgets: ツール ▸ 評価票 — the editing workbook both
ways (a bad cell listed as sheet!cell), installing a form file, the hub's form per fiscal year,
moving drafts to a new version through the runner and the "what changed" page it ends on — and
the start-review dialog offering installed forms first, with the outdated-form warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.core.review import TeamMember
from kanwa_review.ui.dialogs.review import NewReviewDialog
from kanwa_review.ui.files import forms, migration
from kanwa_review.ui.files.migration import MigrateDialog, MigrationResultsDialog
from kanwa_review.ui.files.problems_view import ProblemsDialog
from kanwa_review.ui.hub import current_forms
from kanwa_review.ui.hub.current_forms import CurrentFormsDialog
from tests.revision_support import MERGED, RENAMED, SPLIT, revised_yaml
from tests.ui_window_support import ExtensionHost, click_button, make_window, when_modal

DATA = Path(__file__).parent / "data" / "forms"
TEAM = [TeamMember("山田 花子", "leader", "physician")]


@pytest.fixture
def host(qtbot, services):
    w = ExtensionHost(services)
    qtbot.addWidget(w)
    for module in (forms, current_forms, migration):
        module.install(w)
    return w


@pytest.fixture
def messages(monkeypatch):
    seen = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, _k=kind, **k: seen.append((_k, text)))
    return seen


@pytest.fixture
def revised(real_form, tmp_path) -> Path:
    path = tmp_path / "revised.yaml"
    path.write_text(revised_yaml(real_form), encoding="utf-8")
    return path


def answer_changed_items(services, uuid):
    services.set_answer(uuid, RENAMED[0], rating="A", comment="調査を活用")
    services.set_answer(uuid, SPLIT[0], rating="C", comment="一部の病棟のみ")
    services.set_answer(uuid, MERGED[0][0], rating="B")
    services.set_answer(uuid, MERGED[0][1], rating="D", comment="聴取なし")


def test_the_menu(host):
    """The forms' commands sit in ツール after a separator, as the table of commands lists them
    (its texts, with their mnemonics)."""
    from kanwa_review.core.shortcuts import shortcuts

    actions = host.tools_menu.actions()
    assert actions[0].isSeparator()
    shown = [a.text() for a in actions if not a.isSeparator()]
    table = [s.text for s in shortcuts() if s.menu == "tools"]
    assert shown and all(text in table for text in shown)
    assert shown[:3] == ["評価票を編集用Excelに書き出す(&E)…", "Excelから評価票を作成(&W)…",
                         "評価票を取り込む(&I)…"]


def test_the_workbook_both_ways_then_installed(qtbot, host, services, tmp_path, monkeypatch,
                                               messages, real_form):
    xlsx, yaml_out = tmp_path / "form.xlsx", tmp_path / "form-out.yaml"
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[-1], True                         # ファイルから選ぶ…
    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a: (str(default_form_path()), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(xlsx), ""))
    host.form_workbook_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert offered[0].startswith("緩和ケア提供体制 ピアレビュー評価票 2026.2版")
    assert offered[-1] == "ファイルから選ぶ…"
    assert xlsx.is_file() and "Excelから評価票を作成" in messages[0][1]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(xlsx), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(yaml_out), ""))
    seen = when_modal(lambda box: click_button(box, "取り込む"))
    host.form_from_workbook_action.trigger()
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20_000)
    assert seen and load_form(yaml_out).sha256 == real_form.sha256     # the same form again
    assert "を取り込みました" in messages[1][1]
    assert [f.sha256 for f in services.installed_forms()] == [real_form.sha256]
    assert host.changes == [] or not host.changes[-1].any


def test_a_bad_cell_is_listed_as_sheet_and_cell_and_nothing_is_written(qtbot, host, services,
                                                                     tmp_path, monkeypatch):
    xlsx = tmp_path / "f.xlsx"
    services.write_form_workbook(load_form(DATA / "mini.yaml"), xlsx)
    wb = load_workbook(xlsx)
    wb["項目"]["B2"] = "評定"
    wb.save(xlsx)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(xlsx), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: pytest.fail("no save dialog for a refused workbook"))
    host.form_from_workbook_action.trigger()
    qtbot.waitUntil(lambda: getattr(host, "form_problems", None) is not None, timeout=20_000)
    dialog = host.form_problems
    assert isinstance(dialog, ProblemsDialog)
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("項目!B2" in line and "種類「評定」は使えません" in line for line in lines)
    assert "f.xlsx" in dialog.summary.text() and "何も書き出していません" in dialog.summary.text()
    dialog.copy()
    assert "項目!B2" in QApplication.clipboard().text()


def test_a_broken_form_file_is_refused_with_its_problems(qtbot, host, services, tmp_path,
                                                        monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: kanwa-form/1\nid: x\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(bad), ""))
    host.form_install_action.trigger()
    qtbot.waitUntil(lambda: getattr(host, "form_problems", None) is not None, timeout=20_000)
    assert host.form_problems.list.count() >= 1 and services.installed_forms() == []


def test_installed_forms_are_offered_first_with_the_outdated_form_warning(
        qtbot, services, facility, real_form, revised, monkeypatch, messages, host):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(revised), ""))
    host.form_install_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    dialog = NewReviewDialog(services, forms=[real_form])       # what home passes
    qtbot.addWidget(dialog)
    dialog.show()
    assert [f.version for f in dialog.forms] == ["2026.3", "2026.2"]
    assert not dialog.form_warning.isVisible()                  # the newest: no warning
    dialog.form_choice.setCurrentIndex(1)
    assert dialog.form_warning.isVisible()
    assert "新しい版 2026.3 があります" in dialog.form_warning.text()
    # the hub sets 2026.2 for fiscal year 2026: then 2026.3 is the one warned about
    services.set_current_form(2026, real_form)
    dialog.set_visit_date(date(2026, 6, 1))
    assert not dialog.form_warning.isVisible()
    dialog.form_choice.setCurrentIndex(0)
    assert "2026年度の評価票は 2026.2" in dialog.form_warning.text()
    dialog.set_visit_date(date(2027, 6, 1))                     # another year: no setting
    assert not dialog.form_warning.isVisible()


def test_the_hub_sets_the_form_of_a_fiscal_year(qtbot, services, real_form, revised):
    services.install_form(revised)
    dialog = CurrentFormsDialog(services, today=date(2026, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.year.value() == 2026 and dialog.table.rowCount() == 0
    dialog.form_choice.setCurrentIndex(1)                       # 2026.2
    dialog.set_button.click()
    assert services.current_forms()[2026].version == "2026.2"
    assert dialog.table.item(0, 0).text() == "令和8年度"
    assert "2026.2" in dialog.table.item(0, 1).text()
    dialog.year.setValue(2027)
    dialog.form_choice.setCurrentIndex(0)
    dialog.set_button.click()
    assert {fy: f.version for fy, f in services.current_forms().items()} == {
        2026: "2026.2", 2027: "2026.3"}
    dialog.table.selectRow(0)                                   # picks up its year and form
    assert dialog.year.value() == 2026 and dialog.form_choice.currentIndex() == 1
    dialog.clear_button.click()
    assert set(services.current_forms()) == {2027} and dialog.table.rowCount() == 1


def test_drafts_move_through_the_runner_and_the_page_lists_what_to_check(
        qtbot, services, facility, real_form, revised, tmp_path):
    services.install_form(revised)
    draft = services.start_review("F001", real_form, date(2026, 7, 1), TEAM)
    answer_changed_items(services, draft.uuid)
    window = make_window(qtbot, services, tmp_path)
    window.open_review(draft.uuid)                  # the open page holds the old form

    def choose(dialog):
        assert isinstance(dialog, MigrateDialog)
        assert dialog.only_current.isChecked() and dialog.only_current.isEnabled()
        assert "2026.2版" in dialog.only_current.text()
        assert dialog.target().version == "2026.3"
        dialog.ok_button.click()
    seen = when_modal(choose)
    window.migrate_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "migration_results", None) is not None,
                    timeout=20_000)
    assert seen and window.review_screen is None    # left for home before the form changed
    page = window.migration_results
    assert isinstance(page, MigrationResultsDialog)
    assert page.table.item(0, 1).text() == "2026.2 → 2026.3"
    assert page.table.item(0, 2).text() == "移行"
    assert "確認が必要な項目" in page.summary.text()
    codes = [page.checks.item(i).data(Qt.UserRole) for i in range(page.checks.count())]
    assert {RENAMED[1], *SPLIT[1], MERGED[1]} <= set(codes)
    assert services.review(draft.uuid).form_version == "2026.3"
    # a double-click (Enter) opens the review, on its new form, at that item
    row = codes.index(MERGED[1])
    page.checks.setCurrentRow(row)
    assert "前の版の回答" in page.checks.item(row).toolTip()
    QApplication.sendEvent(page.checks, QKeyEvent(QEvent.KeyPress, Qt.Key_Return, Qt.NoModifier))
    screen = window.review_screen
    assert screen is not None and screen.uuid == draft.uuid
    assert screen.checklist_screen.form.version == "2026.3"
    assert screen.focused_item == MERGED[1]
    # the same list again later, for the open review
    window.migration_results = None
    window.migration_checks_action.trigger()
    again = window.migration_results
    assert again is not None and again.checks.count() == page.checks.count()


def test_migrating_every_draft_leaves_finals_alone(qtbot, host, services, facility, real_form,
                                                  revised):
    services.install_form(revised)
    a = services.start_review("F001", real_form, date(2026, 7, 1), TEAM)
    answer_changed_items(services, a.uuid)

    def choose(dialog):
        assert not dialog.only_current.isEnabled() and dialog.every_draft.isChecked()
        dialog.ok_button.click()
    when_modal(choose)
    host.migrate_action.trigger()
    qtbot.waitUntil(lambda: getattr(host, "migration_results", None) is not None,
                    timeout=20_000)
    assert host.changes[-1].review_uuids == {a.uuid} and host.changes[-1].answers
    assert host.migration_results.table.rowCount() == 1


def test_the_checks_again_without_a_move_explains(host, services, draft, monkeypatch, messages):
    host.uuid = draft.uuid
    host.migration_checks_action.trigger()
    assert messages and "確認が必要な項目はありません" in messages[0][1]
