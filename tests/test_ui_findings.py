"""The findings tab (所見) with real widgets: add, type, link, reorder, delete, undo/redo,
quick-add from an item and the read-only final review; every check reads the database back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDropEvent, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from kanwa_review.ui.findings.panel import FindingsPanel, ItemPickerDialog
from tests.conftest import complete_mini
from tests.test_ui_findings_actions import (
    when_modal,  # closes the dialog if a check fails
)
from tests.ui_window_support import click_button, make_window


def make_panel(qtbot, services, uuid) -> FindingsPanel:
    panel = FindingsPanel(services, uuid)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    return panel


def type_text(widget, text: str) -> None:
    """Japanese typed as key events carrying text (keyClicks cannot send it)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown,
                                                 Qt.NoModifier, ch))


def leave(widget) -> None:
    QApplication.sendEvent(widget, QFocusEvent(QEvent.FocusOut, Qt.TabFocusReason))


def saved(services, uuid, kind=None):
    return [(f.kind, f.text, f.item_codes) for f in sorted(
        services.findings(uuid), key=lambda f: (f.kind, f.position))
        if kind is None or f.kind == kind]


def test_add_each_kind_by_typing_and_leaving_the_editor(qtbot, services, draft):
    panel = make_panel(qtbot, services, draft.uuid)
    assert panel.accessibleName() == "所見" and not panel.read_only
    for kind, text in (("strength", "委員会が毎月開催されている"),
                       ("improve", "疼痛評価の記録が不十分"),
                       ("recommendation", "地域連携の会議を定例化する")):
        panel.add_buttons[kind].click()
        assert "新規" in panel.heading.text()
        assert services.findings(draft.uuid) == [] or kind != "strength"  # nothing until typed
        type_text(panel.editor, text)
        leave(panel.editor)
        assert (kind, text, ()) in saved(services, draft.uuid)
    assert len(services.findings(draft.uuid)) == 3
    assert panel.groups["improve"].title() == "改善が望まれる点（1件）"
    # one undo step per new finding, whatever the number of commits while typing
    assert panel.undo_stack.count() == 3


def test_typing_is_committed_after_a_pause_and_merges_into_one_undo_step(qtbot, services, draft):
    fid, _ = services.add_finding(draft.uuid, "improve", "記録が不十分")
    panel = make_panel(qtbot, services, draft.uuid)
    assert panel.current_finding().id == fid
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    type_text(panel.editor, "である")
    qtbot.waitUntil(lambda: saved(services, draft.uuid)[0][1] == "記録が不十分である",
                    timeout=3000)
    type_text(panel.editor, "。")
    panel.flush()
    assert saved(services, draft.uuid)[0][1] == "記録が不十分である。"
    assert panel.undo_stack.count() == 1
    emitted = []
    panel.changed.connect(emitted.append)
    panel.undo_stack.undo()
    assert saved(services, draft.uuid)[0][1] == "記録が不十分"
    assert panel.editor.toPlainText() == "記録が不十分"
    assert emitted and emitted[-1].findings
    panel.undo_stack.redo()
    assert saved(services, draft.uuid)[0][1] == "記録が不十分である。"
    # a new typing spell after undo/redo is its own step
    type_text(panel.editor, "要改善")
    leave(panel.editor)
    assert panel.undo_stack.count() == 2


def test_emptied_text_is_refused_not_saved(qtbot, services, draft):
    services.add_finding(draft.uuid, "strength", "良い体制")
    panel = make_panel(qtbot, services, draft.uuid)
    panel.set_current_text("   ")
    assert saved(services, draft.uuid)[0][1] == "良い体制"
    assert "空にはできません" in panel.error.text()


def test_item_picker_lists_the_form_and_filters(qtbot, mini_form):
    dialog = ItemPickerDialog(mini_form, ["A-2"])
    qtbot.addWidget(dialog)
    codes = [dialog.list.item(i).data(Qt.UserRole) for i in range(dialog.list.count())]
    assert codes == [i.code for i in mini_form.items()]
    assert dialog.list.item(0).text().startswith("A-1  委員会がある")
    assert dialog.selected_codes() == ("A-2",)
    dialog.filter.setText("b-")
    visible = [dialog.list.item(i).data(Qt.UserRole) for i in range(dialog.list.count())
               if not dialog.list.item(i).isHidden()]
    assert visible and all(c.startswith("B-") for c in visible)
    dialog.set_checked(["B-1", "A-1"])
    assert dialog.selected_codes() == ("A-1", "B-1")  # in the form's order


def test_link_items_through_the_picker_and_undo(qtbot, services, draft):
    services.add_finding(draft.uuid, "improve", "計画が未整備", ["A-2"])
    panel = make_panel(qtbot, services, draft.uuid)

    def pick(dialog):
        dialog.set_checked(["A-1", "A-2", "B-1"])
        dialog.accept()

    seen = when_modal(pick)
    panel.link_button.click()
    assert seen and isinstance(seen[0], ItemPickerDialog)
    assert saved(services, draft.uuid) == [("improve", "計画が未整備", ("A-1", "A-2", "B-1"))]
    assert "A-1 委員会がある" in panel.codes_label.text()
    assert "関連: A-1、A-2、B-1" in panel.lists["improve"].item(0).text()
    panel.undo_stack.undo()
    assert saved(services, draft.uuid)[0][2] == ("A-2",)
    panel.undo_stack.redo()
    assert saved(services, draft.uuid)[0][2] == ("A-1", "A-2", "B-1")


def test_reorder_with_keys_buttons_and_drag_then_undo(qtbot, services, draft):
    for text in ("一", "二", "三"):
        services.add_finding(draft.uuid, "recommendation", text)
    panel = make_panel(qtbot, services, draft.uuid)
    lst = panel.lists["recommendation"]
    lst.setCurrentRow(2)
    assert panel.current_finding().text == "三"
    qtbot.keyClick(lst, Qt.Key_Up, Qt.AltModifier)
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["一", "三", "二"]
    assert panel.current_finding().text == "三"  # the moved finding stays selected
    panel.up_button.click()
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["三", "一", "二"]
    assert not panel.up_button.isEnabled() and panel.down_button.isEnabled()
    # drag the first row to the end (what InternalMove does on drop)
    lst.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    qtbot.waitUntil(lambda: [t for _, t, _ in saved(services, draft.uuid)] == ["一", "二", "三"],
                    timeout=2000)
    assert [f.text for f in panel.findings("recommendation")] == ["一", "二", "三"]
    # a real drop: drag "一" (row 0) onto the lower half of the last row
    lst.setCurrentRow(0)
    rect = lst.visualItemRect(lst.item(2))
    mime = lst.model().mimeData([lst.currentIndex()])
    drop = QDropEvent(QPointF(rect.center().x(), rect.bottom() - 1), Qt.MoveAction, mime,
                      Qt.LeftButton, Qt.NoModifier)
    lst.dropEvent(drop)
    qtbot.waitUntil(lambda: [t for _, t, _ in saved(services, draft.uuid)] == ["二", "三", "一"],
                    timeout=2000)
    assert lst.count() == 3 and lst.item(2).text().startswith("3. 一")
    panel.undo_stack.undo()
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["一", "二", "三"]
    panel.undo_stack.undo()
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["三", "一", "二"]
    panel.undo_stack.undo()
    panel.undo_stack.undo()
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["一", "二", "三"]
    assert lst.item(0).text().startswith("1. 一")


def test_delete_asks_first_and_undo_restores_place_and_links(qtbot, services, draft):
    services.add_finding(draft.uuid, "improve", "一つ目", ["A-1"])
    services.add_finding(draft.uuid, "improve", "二つ目", ["A-2", "B-1"])
    services.add_finding(draft.uuid, "improve", "三つ目")
    panel = make_panel(qtbot, services, draft.uuid)
    panel.lists["improve"].setCurrentRow(1)

    seen = when_modal(lambda box: click_button(box, "キャンセル"))
    panel.delete_button.click()
    assert seen and len(services.findings(draft.uuid)) == 3

    seen = when_modal(lambda box: click_button(box, "削除"))
    qtbot.keyClick(panel.lists["improve"], Qt.Key_Delete)
    assert seen
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["一つ目", "三つ目"]
    panel.undo_stack.undo()
    assert saved(services, draft.uuid) == [("improve", "一つ目", ("A-1",)),
                                           ("improve", "二つ目", ("A-2", "B-1")),
                                           ("improve", "三つ目", ())]
    # the restored finding (new database id) can be edited and its edit undone
    assert panel.current_finding().text == "二つ目"
    panel.set_current_text("二つ目（修正）")
    panel.undo_stack.undo()
    panel.undo_stack.redo()
    assert saved(services, draft.uuid)[1][1] == "二つ目（修正）"
    panel.undo_stack.undo()
    panel.undo_stack.redo()  # redo delete: gone again
    panel.undo_stack.undo()
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["一つ目", "二つ目", "三つ目"]


def test_undo_of_add_removes_it_and_redo_brings_it_back(qtbot, services, draft):
    panel = make_panel(qtbot, services, draft.uuid)
    panel.add_new("strength")
    panel.set_current_text("緩和ケア外来が充実")
    panel.set_current_text("緩和ケア外来が充実している")  # same typing spell
    assert panel.undo_stack.count() == 1
    assert panel.undo_stack.undoText() == "良い点を追加"
    panel.undo_stack.undo()
    assert services.findings(draft.uuid) == []
    assert panel.lists["strength"].count() == 0
    panel.undo_stack.redo()
    assert saved(services, draft.uuid) == [("strength", "緩和ケア外来が充実している", ())]
    assert panel.current_finding().text == "緩和ケア外来が充実している"


def test_add_from_item_links_the_item_and_puts_the_cursor_in_the_text(qtbot, services, draft):
    services.add_finding(draft.uuid, "strength", "既存の良い点")
    panel = make_panel(qtbot, services, draft.uuid)
    panel.add_from_item("improve", "A-2")
    assert panel.heading.text().startswith("改善が望まれる点 1")
    assert "A-2 計画がある" in panel.codes_label.text()
    assert panel.lists["improve"].count() == 1  # the unsaved entry
    assert panel.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: panel.editor.hasFocus() or not panel.isActiveWindow(), timeout=500)
    type_text(panel.editor, "計画が文書化されていない")
    leave(panel.editor)
    assert saved(services, draft.uuid, "improve") == [
        ("improve", "計画が文書化されていない", ("A-2",))]
    # leaving an empty new entry saves nothing and drops it
    panel.add_from_item("recommendation", "B-1")
    panel.lists["strength"].setCurrentRow(0)
    qtbot.waitUntil(lambda: panel.lists["recommendation"].count() == 0, timeout=1000)
    assert saved(services, draft.uuid, "recommendation") == []
    with pytest.raises(ValueError):
        panel.add_from_item("praise", "A-1")


def test_reload_and_hide_commit_what_is_typed(qtbot, services, draft):
    services.add_finding(draft.uuid, "strength", "体制")
    panel = make_panel(qtbot, services, draft.uuid)
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    type_text(panel.editor, "が整っている")
    panel.hide()
    assert saved(services, draft.uuid)[0][1] == "体制が整っている"
    panel.show()
    type_text(panel.editor, "。")
    panel.reload()
    assert saved(services, draft.uuid)[0][1] == "体制が整っている。"


def test_final_review_is_read_only_but_actions_stay_editable(qtbot, services, final_review):
    panel = make_panel(qtbot, services, final_review.uuid)
    assert panel.read_only and panel.editor.isReadOnly()
    assert not any(b.isEnabled() for b in panel.add_buttons.values())
    assert not panel.delete_button.isEnabled() and not panel.link_button.isEnabled()
    panel.add_from_item("improve", "A-2")
    panel.move_current(1)
    panel.delete_current()
    assert saved(services, final_review.uuid) == [
        ("strength", "委員会が定期的に開催されている", ("A-1",))]
    assert panel.undo_stack.count() == 0
    assert "閲覧のみ" in panel.hint.text()

    editor = panel.facility_actions
    assert editor.isEnabled() and editor.add_button.isEnabled()

    def fill(dialog):
        dialog.title_edit.setPlainText("疼痛スクリーニングの手順書を作る")
        dialog.owner_role_edit.setText("緩和ケアチーム")
        dialog.save()

    seen = when_modal(fill)
    editor.add_button.click()
    assert seen
    actions = services.actions_of_review(final_review.uuid)
    assert [a.title for a in actions] == ["疼痛スクリーニングの手順書を作る"]
    assert editor.tree.topLevelItemCount() == 1


def test_review_page_hosts_the_panel_sharing_the_checklist_undo_stack(qtbot, services, draft,
                                                                      tmp_path):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    panel = screen.findings_panel
    assert isinstance(panel, FindingsPanel)
    if screen.checklist_screen is not None:
        assert panel.undo_stack is screen.checklist_screen.undo_stack
    screen.add_finding_from_item("improve", "A-1")  # what the checklist's quick-add calls
    assert screen.tabs.currentWidget() is panel
    type_text(panel.editor, "委員会の議事録が未整備")
    leave(panel.editor)
    assert saved(services, draft.uuid) == [("improve", "委員会の議事録が未整備", ("A-1",))]
    assert window.saved_label.text().startswith("保存しました")
    if screen.checklist_screen is not None:  # the Edit menu undoes a finding like a rating
        assert "改善が望まれる点を追加" in window.undo_action.text()
        window.undo_action.trigger()
        assert services.findings(draft.uuid) == []
        window.redo_action.trigger()
        assert len(services.findings(draft.uuid)) == 1
    # typing, then going home: nothing typed is lost
    panel.lists["improve"].setCurrentRow(0)
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    type_text(panel.editor, "である")
    window.show_home()
    assert saved(services, draft.uuid)[0][1] == "委員会の議事録が未整備である"


def test_every_control_of_the_panel_has_an_accessible_name(qtbot, services, draft):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QPlainTextEdit,
        QTabWidget,
    )

    fid, _ = services.add_finding(draft.uuid, "improve", "記録が不十分")
    services.add_action("F001", "記録の様式を整える", finding_id=fid)
    panel = make_panel(qtbot, services, draft.uuid)
    kinds = (QAbstractButton, QAbstractItemView, QPlainTextEdit, QTabWidget)
    controls = [w for k in kinds for w in panel.findChildren(k)
                if w.isVisibleTo(panel) and w.focusPolicy() != Qt.NoFocus]
    assert len(controls) > 15
    unnamed = [type(w).__name__ + ":" + getattr(w, "text", lambda: "")() for w in controls
               if not w.accessibleName()]
    assert unnamed == []


def test_keyboard_only_add_edit_and_return_to_the_list(qtbot, services, draft):
    services.add_finding(draft.uuid, "recommendation", "既存の提言")
    panel = make_panel(qtbot, services, draft.uuid)
    lst = panel.lists["recommendation"]
    qtbot.keyClick(lst, Qt.Key_Insert)  # a new recommendation, cursor in its text
    assert panel.heading.text() == "提言 2（新規・未保存）" and lst.count() == 2
    type_text(panel.editor, "退院支援の手順を共有する")
    qtbot.keyClick(panel.editor, Qt.Key_Escape)  # commits and goes back to the list
    assert saved(services, draft.uuid)[-1] == ("recommendation", "退院支援の手順を共有する", ())
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, Qt.Key_Down, Qt.AltModifier)
    assert [t for _, t, _ in saved(services, draft.uuid)] == ["退院支援の手順を共有する",
                                                              "既存の提言"]


def test_a_refused_save_keeps_the_typed_text(qtbot, services, draft):
    panel = make_panel(qtbot, services, draft.uuid)
    panel.add_new("strength")
    complete_mini(services, draft.uuid)
    services.finalise(draft.uuid, "山田 花子")  # finalised from elsewhere meanwhile
    panel.set_current_text("確定後に書いた文")
    assert services.findings(draft.uuid) == []
    assert panel.error.text() and panel.editor.toPlainText() == "確定後に書いた文"
    assert panel.undo_stack.count() == 0
