"""Undo commands of the checklist screen (元に戻す / やり直し), in the one undo design of ui/undo.py:
every edit is one step on the review's shared stack, holding the answers before and after.

The first redo is the edit itself (the services' `set_answer` or `accept_previous`, whatever
it cleared by skip logic included); later redos and undos write the whole answers back in one
transaction (`write_answers`). Answers that skip logic cleared are part of the step, so undoing
the controlling answer brings them back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kanwa_review.core.review import Answer
from kanwa_review.ui.undo import ServiceCommand, alive


@dataclass
class AnswerEdit:
    """What a first redo wrote: whole answers before and after, in the order they must be
    written back (the controlling item first, then the items it cleared)."""

    before: dict[str, Answer]
    after: dict[str, Answer]
    changed: Any                    # the services' Changed


@dataclass(frozen=True)
class AnswerWriter:
    """What the commands need from the screen, handed in: the services and the review, how
    the screen shows answers just written (`shown(answers, changed, first)`) and a refusal
    (`refused(message, first)`; first: the edit itself, else an undo or redo)."""

    services: Any
    uuid: str
    shown: Callable[[dict[str, Answer], Any, bool], None]
    refused: Callable[[str, bool], None]


class AnswersCommand(ServiceCommand):
    """Some answers replaced. `edit()` makes the change the first time and returns an
    AnswerEdit, or None when nothing needed writing (then there is no step)."""

    def __init__(self, writer: AnswerWriter, text: str, edit: Callable[[], AnswerEdit | None],
                 *, spell: tuple | None = None):
        super().__init__(text, self._refused, spell=spell)
        self.writer = writer
        self._edit = edit
        self.before: dict[str, Answer] = {}
        self.after: dict[str, Answer] = {}

    def forward(self):
        if self._edit is not None:
            edit = self._edit()
            self._edit = None
            if edit is None:
                self.setObsolete(True)
                return None
            self.before, self.after = edit.before, edit.after
            return edit.changed, True
        return self.writer.services.write_answers(self.writer.uuid,
                                                  list(self.after.values())), False

    def backward(self):
        return self.writer.services.write_answers(self.writer.uuid,
                                                  list(self.before.values())), False

    def show(self, result, undoing: bool) -> None:
        changed, first = result
        if alive(self.writer.shown):
            self.writer.shown(self.before if undoing else self.after, changed, first)

    def _refused(self, message: str) -> None:
        if alive(self.writer.refused):
            self.writer.refused(message, self._edit is not None)

    def absorb(self, later) -> bool:
        """Typing on in one field: the later text is this step's new state."""
        if not isinstance(later, AnswersCommand):
            return False
        for code, a in later.after.items():
            self.after[code] = a
        for code, a in later.before.items():
            self.before.setdefault(code, a)
        return True


__all__ = ["AnswerEdit", "AnswerWriter", "AnswersCommand"]
