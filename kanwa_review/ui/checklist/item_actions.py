"""What a reviewer can do with a checklist item besides answering it: take the previous
visit's answer (one item, or every unanswered item as one undo step) and add the item to the
findings from its context menu.

A mixin of ChecklistScreen, which holds the answers, the previous answers and the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from kanwa_review.core.review import Answer
from kanwa_review.ui.checklist.commands import AnswerEdit, AnswersCommand
from kanwa_review.ui.checklist.editor import FINDING_ACTIONS


class ItemActions:
    """Previous answers and the item menu of the checklist screen."""

    # --- follow-up ----------------------------------------------------------------------
    def accept_previous(self, code: str) -> None:
        prev = self.previous.get(code)
        if prev is None:
            return
        if self.form.item(code).type == "rating":
            self.commit(code, {"rating": prev.rating})
        else:
            self.commit(code, {"value": prev.value, "period": prev.period})

    def accept_all_previous(self) -> None:
        """Fill every unanswered item from the previous visit (one undoable step)."""
        if self.read_only or not self.previous:
            return
        self.editor.flush()
        before_all = dict(self.answers)

        def edit() -> AnswerEdit | None:
            changed = self.services.accept_previous(self.uuid)
            if not changed.items:
                self.editor.show_error(self.tr("前回の評価を写せる未回答の項目はありません。"))
                return None
            now = self.services.answers(self.uuid)
            command.setText(self.tr("前回の評価を採用（{count}項目）").format(
                count=len(changed.items)))
            return AnswerEdit({c: before_all.get(c) or Answer(c) for c in changed.items},
                              {c: now.get(c) or Answer(c) for c in changed.items}, changed)

        command = AnswersCommand(self.writer, self.tr("前回の評価を採用"), edit)
        self.undo_stack.push(command)

    # --- findings -----------------------------------------------------------------------
    def _request_finding(self, kind: str, code: str) -> None:
        if not self.read_only:
            self.editor.flush()
            self.add_finding_requested.emit(kind, code)

    def item_menu(self, code: str, where) -> None:
        """The item's context menu: add it to the findings, take the previous answer."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("{code} の操作").format(code=code))
        for kind, text in FINDING_ACTIONS:
            action = menu.addAction(QCoreApplication.translate("ItemEditor", text),
                                    lambda k=kind: self._request_finding(k, code))
            action.setEnabled(not self.read_only)
        if code in self.previous:
            menu.addSeparator()
            action = menu.addAction(self.tr("前回の回答を採用（P）"), lambda: self.accept_previous(code))
            action.setEnabled(not self.read_only)
        self._menu = menu  # kept for tests and so it is not collected while open
        menu.popup(where)
