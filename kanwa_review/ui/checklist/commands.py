"""Undo commands of the checklist screen: every edit is one QUndoCommand holding the answers
before and after, so undo and redo write whole answers back (元に戻す / やり直し).

The edit itself is made by the screen before the command is pushed (so a value the services
refuse never reaches the stack); the command's first redo() is therefore a no-op. Answers that
skip logic cleared are part of the command, so undoing the controlling answer brings them back.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from kanwa_review.core.review import Answer

TEXT_MERGE_ID = 7301  # typing in one field of one item coalesces into one command


class AnswersCommand(QUndoCommand):
    """Replace some answers: `before` and `after` map item code -> whole Answer, in the order
    they must be written (the controlling item first, then the items it had cleared)."""

    def __init__(self, screen, text: str, before: dict[str, Answer], after: dict[str, Answer],
                 *, merge_key: tuple | None = None):
        super().__init__(text)
        self.screen = screen
        self.before = before
        self.after = after
        self.merge_key = merge_key  # (item code, field, editing session) for typed text
        self._done = True           # the screen already made the change

    def id(self) -> int:
        return TEXT_MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AnswersCommand) or other.merge_key != self.merge_key:
            return False
        for code, a in other.after.items():
            self.after[code] = a
        for code, a in other.before.items():
            self.before.setdefault(code, a)
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.screen.write_answers(self.after, order=list(self.after))

    def undo(self) -> None:
        self.screen.write_answers(self.before, order=list(self.before))
