"""The review's own fields on the findings tab (issue 14) with real widgets: 総評 above the
findings, the visit overview and the plan dates on their page — saved as typed (after a pause,
on leaving), undoable on the review's shared stack, read-only when final — and the finalise page
with the 総評 gap and the warnings that do not block, each jumping to its place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kanwa_review.ui.dialogs.finalise import FinaliseDialog
from kanwa_review.ui.findings.panel import COMMIT_DELAY_MS, FindingsPanel
from kanwa_review.ui.findings.review_fields import OVERALL_COMMENT_TARGET
from tests.conftest import complete_mini
from tests.ui_window_support import make_window


def make_panel(qtbot, services, uuid) -> FindingsPanel:
    panel = FindingsPanel(services, uuid)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    return panel


def type_text(widget, text: str) -> None:
    """Japanese typed as key events carrying text (qtbot.keyClicks cannot send it)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown,
                                                 Qt.NoModifier, ch))


def leave(widget) -> None:
    QApplication.sendEvent(widget, QFocusEvent(QEvent.FocusOut, Qt.TabFocusReason))


def key(widget, k, mods=Qt.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, k, mods))


def test_総評_is_typed_saved_on_leaving_and_undone_in_one_step(qtbot, services, draft):
    panel = make_panel(qtbot, services, draft.uuid)
    editor = panel.review_fields.editors["overall_comment"]
    assert panel.review_fields.overall_box.isVisible() and not editor.isReadOnly()
    changes = []
    panel.changed.connect(changes.append)
    type_text(editor, "体制は整っている。")
    assert services.review(draft.uuid).overall_comment == ""      # not before the pause
    qtbot.wait(COMMIT_DELAY_MS + 200)
    assert services.review(draft.uuid).overall_comment == "体制は整っている。"
    type_text(editor, "課題は記録。")
    leave(editor)
    assert services.review(draft.uuid).overall_comment == "体制は整っている。課題は記録。"
    assert changes and all(c.review for c in changes)
    # the two commits of one spell are one undo step, named after the field
    assert panel.undo_stack.count() == 1
    assert panel.undo_stack.undoText() == "総評を編集"
    panel.undo_stack.undo()
    assert services.review(draft.uuid).overall_comment == ""
    assert editor.toPlainText() == ""
    panel.undo_stack.redo()
    assert editor.toPlainText() == "体制は整っている。課題は記録。"
    # typing after an undo is a new step, not merged into the redone one
    type_text(editor, "追記")
    leave(editor)
    assert panel.undo_stack.count() == 2


def test_visit_overview_fields_save_each_and_the_plan_dates_are_taken(qtbot, services, draft):
    panel = make_panel(qtbot, services, draft.uuid)
    fields = panel.review_fields
    panel.right_tabs.setCurrentWidget(fields.overview_page)
    for field, text in (("schedule", "10:00 開会"), ("interviewees", "センター長"),
                        ("documents", "委員会規程"), ("departments", "緩和ケア病棟")):
        type_text(fields.editors[field], text)
        leave(fields.editors[field])
    r = services.review(draft.uuid)
    assert (r.overview.schedule, r.overview.interviewees, r.overview.documents,
            r.overview.departments) == ("10:00 開会", "センター長", "委員会規程", "緩和ケア病棟")
    due = fields.dates["plan_due"]
    due.check.click()                       # ticking takes today's date
    assert services.review(draft.uuid).plan_due == date.today()
    due.box.setDate(QDate(2025, 12, 20))
    due.box.editingFinished.emit()          # what leaving the box does
    assert services.review(draft.uuid).plan_due == date(2025, 12, 20)
    steps = panel.undo_stack.count()
    due.check.click()                       # unticked: the date is cleared
    assert services.review(draft.uuid).plan_due is None
    assert panel.undo_stack.count() == steps + 1
    panel.undo_stack.undo()
    assert services.review(draft.uuid).plan_due == date(2025, 12, 20)
    assert due.value() == date(2025, 12, 20) and due.check.isChecked()


def test_a_refused_date_is_said_beside_the_fields_and_goes_back(qtbot, services, draft):
    panel = make_panel(qtbot, services, draft.uuid)
    fields = panel.review_fields
    panel.right_tabs.setCurrentWidget(fields.overview_page)
    follow = fields.dates["follow_up"]
    follow.check.click()
    follow.box.setDate(QDate(2025, 1, 1))    # before the visit (2025-11-20)
    follow.box.editingFinished.emit()
    assert "訪問日 2025-11-20 より前" in fields.page_error.text()
    assert fields.page_error.isVisible()
    assert follow.value() == services.review(draft.uuid).follow_up == date.today()


def test_the_fields_are_read_only_on_a_final_review(qtbot, services, final_review):
    panel = make_panel(qtbot, services, final_review.uuid)
    fields = panel.review_fields
    assert fields.editors["overall_comment"].toPlainText().startswith("委員会を中心に")
    assert all(e.isReadOnly() for e in fields.editors.values())
    assert all(not d.check.isEnabled() and not d.box.isEnabled() for d in fields.dates.values())
    type_text(fields.editors["overall_comment"], "書き換え")
    leave(fields.editors["overall_comment"])
    assert services.review(final_review.uuid).overall_comment.startswith("委員会を中心に")
    assert panel.undo_stack.count() == 0
    assert "閲覧のみ" in fields.page_hint.text()


def test_finalise_lists_the_総評_gap_and_the_warnings_that_do_not_block(qtbot, services, draft):
    complete_mini(services, draft.uuid)
    services.set_overall_comment(draft.uuid, "")
    dialog = FinaliseDialog(services, services.load(draft.uuid))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.gap_list.item(i).text() for i in range(dialog.gap_list.count())] == [
        "総評　— 総評が未記入"]
    assert dialog.warning_list.isVisible() and dialog.warning_list.count() == 1
    assert dialog.warning_list.item(0).text().startswith("△ B-1")
    assert "確定を妨げません" in dialog.warning_title.text()
    assert not dialog.ok_button.isEnabled()
    # once 総評 is written, the warning alone does not stop the sign-off
    services.set_overall_comment(draft.uuid, "体制が整っている。")
    dialog.show_gaps(services.finalise_check(draft.uuid)[0])
    assert dialog.ok_button.isEnabled()
    dialog.warning_list.setCurrentRow(0)
    key(dialog.warning_list, Qt.Key_Return)
    assert dialog.result() == FinaliseDialog.JUMP and dialog.jump_to == "B-1"


def test_the_総評_gap_jumps_to_the_field_on_the_findings_tab(qtbot, services, draft, mini_form,
                                                          tmp_path):
    complete_mini(services, draft.uuid)
    services.set_overall_comment(draft.uuid, "")
    window = make_window(qtbot, services, tmp_path, forms=[mini_form])
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    screen = window.open_review(draft.uuid)
    window.finalise_current()
    dialog = window.finalise_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    dialog.gap_list.setCurrentRow(0)
    key(dialog.gap_list, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.finalise_dialog is None)
    assert dialog.jump_to == OVERALL_COMMENT_TARGET
    assert screen.tabs.currentWidget() is screen.findings
    editor = screen.findings_panel.review_fields.editors["overall_comment"]
    qtbot.waitUntil(lambda: editor.hasFocus())
    # typed there, the gap is gone and the review can be finalised
    type_text(editor, "体制が整っている。")
    leave(editor)
    assert services.finalise_check(draft.uuid)[0] == []


def test_the_review_header_and_the_window_hear_of_a_saved_field(qtbot, services, draft, mini_form,
                                                             tmp_path):
    window = make_window(qtbot, services, tmp_path, forms=[mini_form])
    screen = window.open_review(draft.uuid)
    screen.tabs.setCurrentWidget(screen.findings)
    editor = screen.findings_panel.review_fields.editors["overall_comment"]
    type_text(editor, "総評です")
    leave(editor)
    assert window.saved_label.text().startswith("保存しました")
    window.undo_action.trigger()            # the Edit menu's undo acts on the shared stack
    assert services.review(draft.uuid).overall_comment == ""
