"""The review page's contract with the checklist screen and findings panel, checked with
stand-ins that follow the agreed API (so it holds whatever those screens look like)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from tests.ui_window_support import make_window


class FakeChecklist(QWidget):
    changed = Signal(object)
    saved = Signal(str)
    notice = Signal(str)
    add_finding_requested = Signal(str, str)

    def __init__(self, services, uuid, parent=None):
        super().__init__(parent)
        self.services, self.uuid = services, uuid
        self.undo_stack = QUndoStack(self)
        self.calls: list = []

    def focus_item(self, code):
        self.calls.append(("focus", code))

    def start_search(self):
        self.calls.append(("search",))

    def reload(self):
        self.calls.append(("reload",))


class FakeFindings(QWidget):
    changed = Signal(object)

    def __init__(self, services, uuid, undo_stack=None, parent=None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.calls: list = []

    def add_from_item(self, kind, item_code):
        self.calls.append(("add", kind, item_code))

    def reload(self):
        self.calls.append(("reload",))


class SetRating(QUndoCommand):
    def __init__(self, services, uuid, new, old):
        super().__init__(f"評価 {new}")
        self.args = services, uuid, new, old

    def redo(self):
        services, uuid, new, _old = self.args
        services.set_answer(uuid, "A-1", rating=new)

    def undo(self):
        services, uuid, _new, old = self.args
        services.set_answer(uuid, "A-1", rating=old)


@pytest.fixture
def stand_ins(monkeypatch):
    from kanwa_review.ui.review import screen as review_screen

    monkeypatch.setattr(review_screen, "ChecklistScreen", FakeChecklist)
    monkeypatch.setattr(review_screen, "FindingsPanel", FakeFindings)


def test_undo_redo_saved_indicator_and_quick_add(qtbot, stand_ins, services, draft, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    checklist, findings = screen.checklist_screen, screen.findings_panel
    assert isinstance(checklist, FakeChecklist) and findings.undo_stack is checklist.undo_stack
    assert not window.undo_action.isEnabled()

    checklist.undo_stack.push(SetRating(services, draft.uuid, "B", None))
    assert window.undo_action.isEnabled() and "評価 B" in window.undo_action.text()
    window.undo_action.trigger()
    assert "A-1" not in services.answers(draft.uuid)
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert services.answers(draft.uuid)["A-1"].rating == "B"

    checklist.saved.emit("保存しました 14:03:05")
    assert window.saved_label.text() == "保存しました 14:03:05"

    checklist.add_finding_requested.emit("improve", "A-2")
    assert screen.tabs.currentWidget() is findings
    assert findings.calls == [("add", "improve", "A-2")]

    window.find_action.trigger()
    assert checklist.calls[-1] == ("search",) and screen.tabs.currentWidget() is checklist

    # leaving the review takes its undo history out of the Edit menu
    window.show_home()
    assert not window.undo_action.isEnabled()


def test_startup_focuses_the_last_item_in_the_checklist(qtbot, stand_ins, services, draft,
                                                       tmp_path):
    services.set_answer(draft.uuid, "B-3", value="dedicated")
    window = make_window(qtbot, services, tmp_path)
    window.settings.set_last_review(window.db_path, draft.uuid)
    assert window.restore_session()
    assert window.review_screen.checklist_screen.calls == [("focus", "B-3")]


def test_jump_from_the_finalise_dialog_reaches_the_checklist(qtbot, stand_ins, services, draft,
                                                            tmp_path):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    window.finalise_current()
    dialog = window.finalise_dialog
    dialog.gap_list.setCurrentRow(2)      # row 0 is 総評, which belongs to no item
    dialog._jump(dialog.gap_list.currentItem())
    assert screen.checklist_screen.calls == [("focus", "A-2")]
