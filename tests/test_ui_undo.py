"""The one undo design (ui/undo.py) shared by the checklist and the findings: a step calls the
services, a refusal is shown once and drops the step, a spell of typing is one step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from kanwa_review.core.review import ReviewStateError
from kanwa_review.ui.checklist.screen import ChecklistScreen
from kanwa_review.ui.findings.panel import FindingsPanel
from kanwa_review.ui.undo import TYPING, ServiceCommand
from tests.conftest import complete_mini


class Step(ServiceCommand):
    """A step over a list standing in for the services."""

    def __init__(self, store: list, value, refused, *, spell=None, fail=None, shown=None):
        super().__init__(f"値 {value}", refused, spell=spell)
        self.store, self.value, self.fail, self.shown = store, value, fail, shown

    def forward(self):
        if self.fail == "forward":
            raise ReviewStateError("確定済みのため変更できません")
        self.store.append(self.value)
        return self.value

    def backward(self):
        if self.fail == "backward":
            raise LookupError("所見が見つかりません")
        self.store.remove(self.value)
        return None

    def show(self, result, undoing):
        if self.shown is not None:
            self.shown.append((result, undoing))

    def absorb(self, later):
        self.store.remove(later.value)           # the later value replaces this one's
        self.store[self.store.index(self.value)] = later.value
        self.value = later.value
        return True


def test_a_refused_step_is_shown_once_and_never_reaches_the_stack(qtbot):
    stack, store, refusals = QUndoStack(), [], []
    stack.push(Step(store, 1, refusals.append, fail="forward"))
    assert stack.count() == 0 and store == []
    assert refusals == ["確定済みのため変更できません"]


def test_a_refused_undo_drops_the_step(qtbot):
    stack, store, refusals, shown = QUndoStack(), [], [], []
    stack.push(Step(store, 1, refusals.append, shown=shown))
    stack.push(Step(store, 2, refusals.append, fail="backward"))
    assert store == [1, 2] and shown == [(1, False)]
    stack.undo()                                  # refused: shown, and the step is gone
    assert refusals == ["所見が見つかりません"] and stack.count() == 1
    stack.undo()                                  # the step below still undoes
    assert store == [2] and shown == [(1, False), (None, True)]
    assert refusals == ["所見が見つかりません"] and stack.count() == 1 and stack.index() == 0


def test_an_unexpected_error_is_shown_the_same_way_and_logged(qtbot, caplog):
    class Broken(Step):
        def forward(self):
            raise RuntimeError("壊れた")

    stack, refusals = QUndoStack(), []
    with caplog.at_level("ERROR", logger="kanwa_review.ui"):
        stack.push(Broken([], 1, refusals.append))
    assert stack.count() == 0 and len(refusals) == 1 and "壊れた" in refusals[0]
    assert "RuntimeError" in caplog.text


def test_one_spell_of_typing_is_one_step(qtbot):
    stack, store = QUndoStack(), []
    spell = ("answer", "A-1", "comment", 1)
    stack.push(Step(store, "あ", print, spell=spell))
    stack.push(Step(store, "あい", print, spell=spell))
    assert stack.count() == 1 and store == ["あい"] and stack.command(0).id() == TYPING
    stack.push(Step(store, "う", print, spell=("answer", "A-1", "comment", 2)))
    stack.push(Step(store, "え", print))           # no spell: never merges
    assert stack.count() == 3 and Step(store, "x", print).id() == -1


def test_a_closed_screen_hears_nothing_from_the_shared_stack(qtbot):
    label = QLabel()
    stack, store = QUndoStack(), []
    stack.push(Step(store, 1, label.setText))
    stack.push(Step(store, 2, label.setText, fail="backward"))
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label), timeout=2_000)
    stack.undo()                                   # no call into the deleted label
    assert stack.count() == 1


def test_checklist_edit_refused_after_finalising_elsewhere(qtbot, services, draft):
    screen = ChecklistScreen(services, draft.uuid)
    qtbot.addWidget(screen)
    complete_mini(services, draft.uuid)
    services.finalise(draft.uuid, "山田 花子")    # another window finalised it meanwhile
    assert screen.commit("A-1", {"rating": "D", "comment": ""}) is False
    assert screen.undo_stack.count() == 0
    assert "確定済み" in screen.editor.message.text()


def test_findings_and_checklist_steps_share_the_stack_and_the_design(qtbot, services, draft):
    screen = ChecklistScreen(services, draft.uuid)
    qtbot.addWidget(screen)
    panel = FindingsPanel(services, draft.uuid, undo_stack=screen.undo_stack)
    qtbot.addWidget(panel)
    screen.commit("A-1", {"rating": "B"})
    panel.add_new("strength")
    panel.set_current_text("委員会が定期的に開催されている")
    stack = screen.undo_stack
    assert stack.count() == 2
    assert all(isinstance(stack.command(i), ServiceCommand) for i in range(stack.count()))
    stack.undo()
    stack.undo()
    assert services.findings(draft.uuid) == [] and "A-1" not in services.answers(draft.uuid)
