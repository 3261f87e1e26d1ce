"""Improvement actions (改善計画) edited from the findings tab and the facility window: add with a
first progress note, record progress, edit, refuse stale or empty edits, delete; every check
reads the services back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from kanwa_review.core.pdca import DONE, IN_PROGRESS, NOT_STARTED
from kanwa_review.ui.findings.actions_editor import ActionDialog, ActionsDialog, ProgressDialog
from kanwa_review.ui.findings.panel import FindingsPanel
from tests.ui_window_support import click_button
from tests.ui_window_support import when_modal as _when_modal


def when_modal(handler):
    """`when_modal`, but a failing check closes the dialog (else exec() would wait forever);
    the returned value re-raises that failure when the test asserts on it."""
    errors: list = []

    def guarded(dialog):
        try:
            handler(dialog)
            if dialog.isVisible():
                raise AssertionError(f"{dialog.windowTitle()} stayed open")
        except BaseException as exc:  # noqa: BLE001 - re-raised by _Checked
            errors.append(exc)
            dialog.reject()

    return _Checked(_when_modal(guarded), errors)


class _Checked:
    def __init__(self, seen, errors):
        self.seen, self.errors = seen, errors

    def __bool__(self):
        if self.errors:
            raise self.errors[0]
        return bool(self.seen)

    def __getitem__(self, index):
        return self.seen[index]


def status_index(box, code: str) -> int:
    return next(i for i in range(box.count()) if box.itemData(i, Qt.UserRole) == code)


def make_panel(qtbot, services, uuid) -> FindingsPanel:
    panel = FindingsPanel(services, uuid)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    return panel


def test_action_on_a_point_to_improve_with_progress(qtbot, services, draft):
    fid, _ = services.add_finding(draft.uuid, "improve", "疼痛評価の記録が不十分", ["A-2"])
    panel = make_panel(qtbot, services, draft.uuid)
    assert panel.actions_box.isVisibleTo(panel) and panel.finding_actions.isEnabled()
    editor = panel.finding_actions
    emitted = []
    panel.changed.connect(emitted.append)

    def fill(dialog: ActionDialog):
        dialog.title_edit.setPlainText("疼痛評価シートを電子カルテに組み込む")
        dialog.owner_role_edit.setText("緩和ケアチーム")
        dialog.owner_name_edit.setText("架空 次郎")
        dialog.due_edit.edit.setFocus()
        qtbot.keyClicks(dialog.due_edit.edit, "R8.3.31")   # typed the way it is written
        qtbot.keyClick(dialog.due_edit.edit, Qt.Key_Tab)
        assert dialog.due_edit.note.text() == "令和8年3月31日（火）"
        dialog.measure_edit.setPlainText("記録率80%以上")
        dialog.status_box.setCurrentIndex(status_index(dialog.status_box, IN_PROGRESS))
        dialog.note_edit.setPlainText("院内の委員会で承認済み")
        dialog.save()

    seen = when_modal(fill)
    editor.add_button.click()
    assert seen
    [a] = services.actions_of_review(draft.uuid)
    assert (a.title, a.owner_role, a.owner_name, a.due_date, a.success_measure, a.status,
            a.finding_id, a.item_codes) == (
        "疼痛評価シートを電子カルテに組み込む", "緩和ケアチーム", "架空 次郎", date(2026, 3, 31),
        "記録率80%以上", IN_PROGRESS, fid, ("A-2",))
    assert [p.note for p in a.progress] == ["院内の委員会で承認済み"]
    assert emitted and emitted[-1].action.uuid == a.uuid
    assert "改善計画 1件" in panel.lists["improve"].item(0).text()
    assert panel.facility_actions.tree.topLevelItemCount() == 1
    assert editor.tree.topLevelItem(0).text(3) == "進行中"

    # progress: an unchanged status without a note is refused, then 完了 with a note
    def report(dialog: ProgressDialog):
        dialog.save()
        assert "メモを入力" in dialog.error.text() and dialog.isVisible()
        dialog.status_box.setCurrentIndex(status_index(dialog.status_box, DONE))
        dialog.note_edit.setPlainText("全病棟で運用開始")
        dialog.save()

    seen = when_modal(report)
    editor.progress_button.click()
    assert seen
    [a] = services.actions_of_review(draft.uuid)
    assert a.status == DONE and [p.status for p in a.progress] == [IN_PROGRESS, DONE]
    assert a.progress[-1].note == "全病棟で運用開始" and a.progress[-1].author == "テスト 太郎"
    kinds = [row["action"] for row in services.action_audit_trail(a.uuid)]
    assert "create" in kinds and "progress" in kinds


def test_edit_greys_out_forbidden_statuses_and_refuses_a_stale_save(qtbot, services, draft):
    fid, _ = services.add_finding(draft.uuid, "recommendation", "地域連携を強化する")
    a = services.add_action("F001", "連携会議を年4回開く", finding_id=fid)
    services.add_progress(a.uuid, IN_PROGRESS, "第1回を開催")
    panel = make_panel(qtbot, services, draft.uuid)
    editor = panel.finding_actions
    assert editor.current_action().uuid == a.uuid

    def stale(dialog: ActionDialog):
        box = dialog.status_box
        assert not box.model().item(status_index(box, NOT_STARTED)).isEnabled()
        assert box.model().item(status_index(box, DONE)).isEnabled()
        assert dialog.history.count() == 1 and "第1回を開催" in dialog.history.item(0).text()
        services.add_progress(a.uuid, IN_PROGRESS, "別の端末から")  # changed meanwhile
        dialog.title_edit.setPlainText("連携会議を年6回開く")
        dialog.save()
        assert "他の操作で更新" in dialog.error.text() and dialog.isVisible()
        dialog.reject()

    seen = when_modal(stale)
    editor.edit_button.click()
    assert seen and services.action(a.uuid).title == "連携会議を年4回開く"

    def edit(dialog: ActionDialog):
        dialog.title_edit.setPlainText("連携会議を年6回開く")
        dialog.owner_name_edit.setText("架空 三郎")
        dialog.save()

    seen = when_modal(edit)
    editor.edit_current()
    assert seen
    stored = services.action(a.uuid)
    assert (stored.title, stored.owner_name) == ("連携会議を年6回開く", "架空 三郎")
    assert editor.tree.topLevelItem(0).text(0) == "連携会議を年6回開く"


def test_delete_action_asks_and_strengths_take_no_action(qtbot, services, draft):
    services.add_finding(draft.uuid, "strength", "研修が充実")
    fid, _ = services.add_finding(draft.uuid, "improve", "手順書がない")
    a = services.add_action("F001", "手順書を作成", finding_id=fid)
    panel = make_panel(qtbot, services, draft.uuid)
    assert panel.current_finding().kind == "strength"
    assert not panel.actions_box.isVisibleTo(panel)
    lst = panel.lists["improve"]
    qtbot.mouseClick(lst.viewport(), Qt.LeftButton, pos=lst.visualItemRect(lst.item(0)).center())
    assert panel.current_finding().kind == "improve"
    assert panel.actions_box.isVisibleTo(panel)
    editor = panel.finding_actions
    seen = when_modal(lambda box: click_button(box, "キャンセル"))
    editor.delete_button.click()
    assert seen and services.actions_of_review(draft.uuid)
    seen = when_modal(lambda box: click_button(box, "削除"))
    editor.delete_button.click()
    assert seen and services.actions_of_review(draft.uuid) == []
    assert editor.tree.topLevelItemCount() == 0 and not editor.edit_button.isEnabled()
    assert [r["action"] for r in services.action_audit_trail(a.uuid)][-1] == "delete"


def test_facility_window_lists_every_action_and_marks_overdue(qtbot, services, draft):
    services.add_action("F001", "緩和ケア研修の受講率を上げる", due_date=date(2026, 1, 31))
    services.add_action("F001", "苦痛のスクリーニングを全例に", due_date=date(2026, 12, 31))
    dialog = ActionsDialog(services, "F001", today=date(2026, 6, 1))
    qtbot.addWidget(dialog)
    assert "架空県立がんセンター" in dialog.windowTitle()
    tree = dialog.editor.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(2)
            for i in range(tree.topLevelItemCount())}
    assert rows == {"緩和ケア研修の受講率を上げる": "2026-01-31（期限超過）",
                    "苦痛のスクリーニングを全例に": "2026-12-31"}
    assert "2件（未完了 2件）" == dialog.editor.empty_label.text()
    # every control a person reaches has a name a screen reader can say
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView
    controls = dialog.findChildren(QAbstractButton) + dialog.findChildren(QAbstractItemView)
    reached = [w for w in controls if w.isVisibleTo(dialog) and w.focusPolicy() != Qt.NoFocus]
    assert len(reached) >= 3, reached        # the list and its buttons at least
    for w in reached:
        assert w.accessibleName(), w
