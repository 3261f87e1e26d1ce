"""One undo design for the review's shared stack (one QUndoStack per review, shared by the
checklist and the findings): every step is a `ServiceCommand`.

- Its `redo()` makes the change through the services, the first time included (QUndoStack.push
  runs it), and its `undo()` calls the services to write the state back: no screen writes
  around the stack, and nothing but the services writes.
- It never raises into Qt: an error a person can cause (the review was finalised meanwhile, the
  finding is gone, a value is refused) makes the command obsolete, so Qt drops it from the
  stack, and the message is shown once, where the screen shows its errors (`refused`); any
  other error is handled the same way, its traceback logged (ui/errors.py).
- A spell of typing is one step: commands carrying the same `spell` key merge (one id,
  `TYPING`, for every command that may merge; the key says which field and which spell).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from kanwa_review.ui.errors import error_text

TYPING = 1   # QUndoCommand.id() of every command that may merge with the next one


def alive(callback: Callable) -> bool:
    """False when `callback` is a method of a Qt object already deleted (the screen closed
    while the shared stack still held its commands)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class ServiceCommand(QUndoCommand):
    """One undo step over the services. Subclasses give `forward()` (the change) and
    `backward()` (its inverse), each returning what the services returned, and `show(result,
    undoing)`, which brings the screen up to date."""

    def __init__(self, text: str, refused: Callable[[str], None], *,
                 spell: Hashable | None = None):
        super().__init__(text)
        self.refused = refused      # shows a refusal where the screen shows its errors
        self.spell = spell          # commands of one typing spell share this key

    # --- what subclasses give ------------------------------------------------------------
    def forward(self) -> Any:
        raise NotImplementedError

    def backward(self) -> Any:
        raise NotImplementedError

    def show(self, result: Any, undoing: bool) -> None:
        """Bring the screen up to date with a change that was written."""

    def absorb(self, later: ServiceCommand) -> bool:
        """Take over a later command of the same spell (its new state); True if taken."""
        return False

    # --- QUndoCommand ----------------------------------------------------------------------
    def redo(self) -> None:
        self._run(self.forward, undoing=False)

    def undo(self) -> None:
        self._run(self.backward, undoing=True)

    def _run(self, call: Callable[[], Any], *, undoing: bool) -> None:
        try:
            result = call()
        except Exception as exc:        # nothing raises into Qt's undo stack
            self.setObsolete(True)      # Qt drops an obsolete command instead of keeping it
            if alive(self.refused):
                # QUndoCommand.text: a subclass may keep a `text` of its own (a finding's)
                self.refused(error_text(QUndoCommand.text(self), exc))
            return
        if not self.isObsolete() and alive(self.show):
            self.show(result, undoing)

    def id(self) -> int:
        return TYPING if self.spell is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (self.spell is None or other.isObsolete() or not isinstance(other, ServiceCommand)
                or other.spell != self.spell):
            return False
        return self.absorb(other)


__all__ = ["ServiceCommand", "TYPING", "alive"]
