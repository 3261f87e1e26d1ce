"""The undo commands of the findings tab (所見): add, edit (text or linked items), move and
delete a finding through the services, each one step on the review's shared QUndoStack.

A command never raises into Qt: a refusal by the services (the review was finalised meanwhile,
the finding is gone) is shown by the panel and the command made obsolete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QUndoCommand

from kanwa_review.core.review import FINDING_LABELS, Finding, ReviewStateError

if TYPE_CHECKING:
    from kanwa_review.ui.findings.panel import FindingsPanel

TEXT_MERGE_ID = 0x6b77     # QUndoCommand.id() of text edits, so one typing spell is one step
_USER_ERRORS = (ValueError, LookupError, ReviewStateError)


class FindingRef:
    """A stable handle on one finding. Undoing a delete re-creates the finding under a new
    database id; every command holding the handle follows it. `id` is None while the finding
    does not exist (deleted, or its add undone), so a reused rowid is never confused."""

    __slots__ = ("id",)

    def __init__(self, finding_id: int | None = None):
        self.id = finding_id



class _FindingCommand(QUndoCommand):
    def __init__(self, panel: FindingsPanel, text: str):
        super().__init__(text)
        self.panel = panel
        self.services, self.uuid = panel.services, panel.uuid

    def _apply(self, call, select=None) -> None:
        """Run one service call; a refusal (the review was finalised meanwhile, the finding is
        gone) is shown and the command dropped from the stack instead of raising into Qt.
        `select`: what the panel selects afterwards — a FindingRef, or (kind, index) when the
        finding is gone."""
        try:
            changed = call()
        except _USER_ERRORS as exc:
            self.setObsolete(True)
            if shiboken6.isValid(self.panel):
                self.panel.report_error(str(exc))
            return
        if shiboken6.isValid(self.panel):
            self.panel._applied(changed, select)


class AddFinding(_FindingCommand):
    def __init__(self, panel, ref: FindingRef, kind: str, text: str, codes, session: int):
        super().__init__(panel, f"{FINDING_LABELS[kind]}を追加")
        self.ref, self.kind, self.text, self.codes, self.session = ref, kind, text, codes, session

    def redo(self) -> None:
        def add():
            self.ref.id, changed = self.services.add_finding(self.uuid, self.kind, self.text,
                                                             self.codes)
            return changed
        self._apply(add, self.ref)

    def undo(self) -> None:
        def delete():
            changed = self.services.delete_finding(self.uuid, self.ref.id)
            self.ref.id = None
            return changed
        self._apply(delete, (self.kind, 1 << 30))

    def id(self) -> int:
        return TEXT_MERGE_ID

    def mergeWith(self, other) -> bool:
        # typing on in a finding just added keeps "add" one undo step
        if isinstance(other, EditFinding) and other.ref is self.ref and other.text_only \
                and other.session == self.session:
            self.text = other.new_text
            return True
        return False


class EditFinding(_FindingCommand):
    def __init__(self, panel, ref: FindingRef, old: Finding, *, text: str | None = None,
                 codes: tuple[str, ...] | None = None, session: int = 0):
        label = "所見の本文を編集" if codes is None else "所見の関連項目を変更"
        super().__init__(panel, label)
        self.ref, self.session = ref, session
        self.old_text, self.new_text = old.text, text if text is not None else old.text
        self.old_codes = old.item_codes
        self.new_codes = codes if codes is not None else old.item_codes
        self.text_only = codes is None

    def _write(self, text: str, codes) -> None:
        self._apply(lambda: self.services.update_finding(self.uuid, self.ref.id, text=text,
                                                         item_codes=codes), self.ref)

    def redo(self) -> None:
        self._write(self.new_text, self.new_codes)

    def undo(self) -> None:
        self._write(self.old_text, self.old_codes)

    def id(self) -> int:
        return TEXT_MERGE_ID if self.text_only else -1

    def mergeWith(self, other) -> bool:
        if isinstance(other, EditFinding) and other.ref is self.ref and other.text_only \
                and other.session == self.session:
            self.new_text = other.new_text
            if self.new_text.strip() == self.old_text.strip():
                self.setObsolete(True)  # typed and then deleted again: no step at all
            return True
        return False


class MoveFinding(_FindingCommand):
    def __init__(self, panel, ref: FindingRef, kind: str, old_index: int, new_index: int):
        super().__init__(panel, f"{FINDING_LABELS[kind]}の順序を変更")
        self.ref, self.old_index, self.new_index = ref, old_index, new_index

    def redo(self) -> None:
        self._apply(lambda: self.services.move_finding(self.uuid, self.ref.id, self.new_index),
                    self.ref)

    def undo(self) -> None:
        self._apply(lambda: self.services.move_finding(self.uuid, self.ref.id, self.old_index),
                    self.ref)


class DeleteFinding(_FindingCommand):
    def __init__(self, panel, ref: FindingRef, finding: Finding, index: int):
        super().__init__(panel, f"{FINDING_LABELS[finding.kind]}を削除")
        self.ref, self.finding, self.index = ref, finding, index

    def redo(self) -> None:
        def delete():
            changed = self.services.delete_finding(self.uuid, self.ref.id)
            self.ref.id = None
            return changed
        self._apply(delete, (self.finding.kind, self.index))

    def undo(self) -> None:
        def restore():
            f = self.finding
            self.ref.id, _ = self.services.add_finding(self.uuid, f.kind, f.text, f.item_codes)
            return self.services.move_finding(self.uuid, self.ref.id, self.index)
        self._apply(restore, self.ref)
