"""レビューの開始 by keyboard (issue 15, items 2, 3 and 9): the visit date typed as people write
it, Tab through the team table and out of it, Alt-mnemonics on every button, Esc with typed
input asks first, and a second review of the same visit or one without a team is asked about."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton

from kanwa_review.core.review import TeamMember
from kanwa_review.ui.dialogs import NewReviewDialog
from tests.ui_window_support import ModalWatchdog, click_button, when_modal

# no test here may hang on a question nobody answers (pyproject's timeout cannot interrupt a
# modal exec(): the watchdog closes it, and the test that left it fails)
pytestmark = pytest.mark.timeout(60, method="thread")


@pytest.fixture(autouse=True)
def _no_modal_left(qapp):
    watchdog = ModalWatchdog()
    yield watchdog
    watchdog.stop()
    assert not watchdog.stray, f"a question was left open: {watchdog.stray}"


def type_japanese(widget, text: str) -> None:
    """Commit text as an input method does (qtbot.keyClicks cannot send Japanese)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def dialog(qtbot, services, facility, mini_form):
    # not qtbot.addWidget: pytest-qt would close() it at teardown, and closing a dialog with
    # typed input asks first (reject), with no one to answer; it is closed here without asking
    d = NewReviewDialog(services, forms=[mini_form], facility_code="F001")
    d.show()
    d.activateWindow()
    assert QTest.qWaitForWindowActive(d)
    yield d
    d._start_state = d._state()
    d.done(0)
    d.deleteLater()


def _focus() -> object:
    return QApplication.focusWidget()


def test_the_visit_date_is_typed_as_written(qtbot, dialog):
    field = dialog.visit_date
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "R5.11.15")
    qtbot.keyClick(field.edit, Qt.Key_Tab)
    assert field.value() == date(2023, 11, 15)
    assert field.edit.text() == "2023-11-15"
    assert field.note.text() == "令和5年11月15日（水）・令和5年度（2023年度）"
    field.edit.setFocus()
    field.edit.selectAll()
    type_japanese(field.edit, "令和6年2月30日")            # an impossible day is named
    qtbot.keyClick(field.edit, Qt.Key_Return)
    assert field.note.text() == ("「令和6年2月30日」: 2024年2月30日という日付はありません。"
                                 "月と日を確かめてください")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)      # and the dialog will not start
    assert dialog.isVisible() and "2月30日という日付はありません" in dialog.error.text()


def test_tab_goes_through_the_team_table_and_out_of_it(qtbot, dialog):
    team = dialog.team
    cells = [team.cellWidget(r, c) for r in range(team.rowCount()) for c in range(4)]
    cells[0].setFocus(Qt.TabFocusReason)
    walk = [_focus()]
    for _ in range(len(cells)):
        qtbot.keyClick(_focus(), Qt.Key_Tab)
        walk.append(_focus())
    assert walk[:len(cells)] == cells                     # cell by cell, row by row
    assert walk[-1] is dialog.add_button                  # then out of the table
    qtbot.keyClick(_focus(), Qt.Key_Tab)
    assert _focus() is dialog.remove_button
    qtbot.keyClick(_focus(), Qt.Key_Backtab, Qt.ShiftModifier)
    qtbot.keyClick(_focus(), Qt.Key_Backtab, Qt.ShiftModifier)
    assert _focus() is cells[-1]                          # and back into it
    # before the table: the visit date's controls
    cells[0].setFocus(Qt.TabFocusReason)
    qtbot.keyClick(cells[0], Qt.Key_Backtab, Qt.ShiftModifier)
    assert _focus() is dialog.visit_date.calendar_button


def test_members_are_added_and_removed_by_keyboard(qtbot, services, dialog):
    assert dialog.add_button.shortcut() == QKeySequence("Alt+A")
    assert dialog.remove_button.shortcut() == QKeySequence("Alt+R")
    team = dialog.team
    team.cellWidget(0, 0).setFocus()
    type_japanese(team.cellWidget(0, 0), "山田 花子")
    qtbot.keyClick(dialog, Qt.Key_A, Qt.AltModifier)       # メンバーを追加(&A)
    qtbot.waitUntil(lambda: team.rowCount() == 3)
    new_name = team.cellWidget(2, 0)
    qtbot.waitUntil(new_name.hasFocus)                     # the keyboard is in the new row
    type_japanese(new_name, "佐藤 次郎")
    # the new row joined the Tab chain: from its last cell Tab leaves the table
    team.cellWidget(2, 3).setFocus(Qt.TabFocusReason)
    qtbot.keyClick(team.cellWidget(2, 3), Qt.Key_Tab)
    assert _focus() is dialog.add_button
    team.cellWidget(1, 0).setFocus(Qt.TabFocusReason)      # the second (empty) row
    qtbot.keyClick(dialog, Qt.Key_R, Qt.AltModifier)       # 選択したメンバーを削除(&R)
    qtbot.waitUntil(lambda: team.rowCount() == 2)
    assert [m.name for m in team.members()] == ["山田 花子", "佐藤 次郎"]
    qtbot.keyClick(dialog, Qt.Key_S, Qt.AltModifier)       # 開始(&S)
    qtbot.waitUntil(lambda: dialog.review is not None)
    assert [m.name for m in services.review(dialog.review.uuid).team] == ["山田 花子",
                                                                          "佐藤 次郎"]


def test_every_button_of_the_dialog_has_a_mnemonic(dialog):
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    texts = {b.text() for b in buttons}
    assert {"メンバーを追加(&A)", "選択したメンバーを削除(&R)", "開始(&S)", "キャンセル(&C)",
            "今日(&Y)"} <= texts | {dialog.visit_date.today_button.text()}
    keys = [b.shortcut().toString() for b in buttons]
    assert all(k.startswith("Alt+") for k in keys) and len(set(keys)) == len(keys)


def test_esc_in_a_cell_with_a_typed_team_asks_before_losing_it(qtbot, dialog):
    name = dialog.team.cellWidget(0, 0)
    name.setFocus()
    type_japanese(name, "山田 花子")
    asked = when_modal(lambda box: click_button(box, "キャンセル"))   # keep typing
    qtbot.keyClick(name, Qt.Key_Escape)
    assert asked and asked[0].text() == "入力した内容を破棄して閉じますか？"
    assert dialog.isVisible() and name.text() == "山田 花子"
    asked = when_modal(lambda box: click_button(box, "破棄して閉じる"))
    qtbot.keyClick(name, Qt.Key_Escape)
    assert asked and not dialog.isVisible()


def test_esc_with_nothing_typed_closes_at_once(qtbot, dialog):
    qtbot.keyClick(dialog.team.cellWidget(0, 0), Qt.Key_Escape)
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None


def test_a_second_review_of_the_same_visit_is_asked_about(qtbot, services, facility, mini_form):
    first = services.start_review("F001", mini_form, date(2025, 11, 20),
                                  [TeamMember("山田 花子", "leader")])
    assert [r.uuid for r in services.reviews_of_visit("F001", date(2025, 11, 20))] == [first.uuid]
    assert services.reviews_of_visit("F001", date(2025, 11, 21)) == []
    d = NewReviewDialog(services, forms=[mini_form], facility_code="F001")
    qtbot.addWidget(d)
    d.set_visit_date(date(2025, 11, 20))
    d.team.cellWidget(0, 0).setText("鈴木 一郎")
    asked = when_modal(lambda box: click_button(box, "キャンセル"))
    d.accept()
    assert asked[0].text() == "架空県立がんセンターの2025-11-20訪問のレビューは既にあります。" \
                              "もう一つ開始しますか？"
    assert "下書き（第1版）" in asked[0].informativeText()
    assert d.review is None and len(services.list_reviews()) == 1
    asked = when_modal(lambda box: click_button(box, "もう一つ開始する"))
    d.accept()
    assert asked and d.review is not None and len(services.list_reviews()) == 2


def test_a_review_without_a_team_is_asked_about(qtbot, services, facility, mini_form):
    d = NewReviewDialog(services, forms=[mini_form], facility_code="F001")
    qtbot.addWidget(d)
    asked = when_modal(lambda box: click_button(box, "キャンセル"))
    d.accept()
    assert asked[0].text() == "評価チームが入力されていません。チームなしで開始しますか？"
    assert d.review is None and services.list_reviews() == []
    asked = when_modal(lambda box: click_button(box, "チームなしで開始する"))
    d.accept()
    assert d.review is not None and services.review(d.review.uuid).team == ()


def test_the_cells_are_the_editors_of_a_member(dialog):
    team = dialog.team
    kinds = [type(team.cellWidget(0, c)) for c in range(4)]
    assert kinds == [QLineEdit, QComboBox, QComboBox, QLineEdit]
    assert team.focusPolicy() == Qt.NoFocus and not team.tabKeyNavigation()
