"""The undo commands of the findings tab (所見): add, edit (text or linked items), move and
delete a finding through the services, each one step on the review's shared QUndoStack (the
one undo design of ui/undo.py: a refusal is shown once and drops the command)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from kanwa_review.core.review import Finding
from kanwa_review.ui.findings.text import kind_noun
from kanwa_review.ui.undo import ServiceCommand, alive


class FindingRef:
    """A stable handle on one finding. Undoing a delete re-creates the finding under a new
    database id; every command holding the handle follows it. `id` is None while the finding
    does not exist (deleted, or its add undone), so a reused rowid is never confused."""

    __slots__ = ("id",)

    def __init__(self, finding_id: int | None = None):
        self.id = finding_id


@dataclass(frozen=True)
class FindingWriter:
    """What the commands need from the tab, handed in: the services and the review, and how
    the tab shows a written change (with what to select: a FindingRef, or (kind, index) when
    the finding is gone) or a refusal."""

    services: Any
    uuid: str
    applied: Callable[[Any, Any], None]
    refused: Callable[[str], None]


class _FindingCommand(ServiceCommand):
    def __init__(self, writer: FindingWriter, text: str, *, spell=None):
        super().__init__(text, writer.refused, spell=spell)
        self.writer = writer
        self.services, self.uuid = writer.services, writer.uuid

    def show(self, result, undoing: bool) -> None:
        changed, select = result
        if alive(self.writer.applied):
            self.writer.applied(changed, select)


def _text_spell(ref: FindingRef, session: int) -> tuple:
    """Typing in one finding within one editing session is one undo step."""
    return ("finding text", ref, session)


class AddFinding(_FindingCommand):
    def __init__(self, writer: FindingWriter, ref: FindingRef, kind: str, text: str, codes,
                 session: int):
        super().__init__(writer, QCoreApplication.translate("FindingCommands", "{kind}を追加").format(
            kind=kind_noun(kind)), spell=_text_spell(ref, session))
        self.ref, self.kind, self.text, self.codes = ref, kind, text, codes

    def forward(self):
        self.ref.id, changed = self.services.add_finding(self.uuid, self.kind, self.text,
                                                         self.codes)
        return changed, self.ref

    def backward(self):
        changed = self.services.delete_finding(self.uuid, self.ref.id)
        self.ref.id = None
        return changed, (self.kind, 1 << 30)

    def absorb(self, later) -> bool:
        # typing on in a finding just added keeps "add" one undo step
        if isinstance(later, EditFinding) and later.text_only:
            self.text = later.new_text
            return True
        return False


class EditFinding(_FindingCommand):
    def __init__(self, writer: FindingWriter, ref: FindingRef, old: Finding, *,
                 text: str | None = None, codes: tuple[str, ...] | None = None,
                 session: int = 0):
        label = (QCoreApplication.translate("FindingCommands", "所見の本文を編集") if codes is None
                 else QCoreApplication.translate("FindingCommands", "所見の関連項目を変更"))
        self.text_only = codes is None
        super().__init__(writer, label,
                         spell=_text_spell(ref, session) if self.text_only else None)
        self.ref = ref
        self.old_text, self.new_text = old.text, text if text is not None else old.text
        self.old_codes = old.item_codes
        self.new_codes = codes if codes is not None else old.item_codes

    def _write(self, text: str, codes):
        return self.services.update_finding(self.uuid, self.ref.id, text=text,
                                            item_codes=codes), self.ref

    def forward(self):
        return self._write(self.new_text, self.new_codes)

    def backward(self):
        return self._write(self.old_text, self.old_codes)

    def absorb(self, later) -> bool:
        if not isinstance(later, EditFinding):
            return False
        self.new_text = later.new_text
        if self.new_text.strip() == self.old_text.strip():
            self.setObsolete(True)  # typed and then deleted again: no step at all
        return True


class MoveFinding(_FindingCommand):
    def __init__(self, writer: FindingWriter, ref: FindingRef, kind: str, old_index: int,
                 new_index: int):
        super().__init__(writer, QCoreApplication.translate(
            "FindingCommands", "{kind}の順序を変更").format(kind=kind_noun(kind)))
        self.ref, self.old_index, self.new_index = ref, old_index, new_index

    def forward(self):
        return self.services.move_finding(self.uuid, self.ref.id, self.new_index), self.ref

    def backward(self):
        return self.services.move_finding(self.uuid, self.ref.id, self.old_index), self.ref


class DeleteFinding(_FindingCommand):
    def __init__(self, writer: FindingWriter, ref: FindingRef, finding: Finding, index: int):
        super().__init__(writer, QCoreApplication.translate("FindingCommands", "{kind}を削除").format(
            kind=kind_noun(finding.kind)))
        self.ref, self.finding, self.index = ref, finding, index

    def forward(self):
        changed = self.services.delete_finding(self.uuid, self.ref.id)
        self.ref.id = None
        return changed, (self.finding.kind, self.index)

    def backward(self):
        f = self.finding
        self.ref.id, _ = self.services.add_finding(self.uuid, f.kind, f.text, f.item_codes)
        return self.services.move_finding(self.uuid, self.ref.id, self.index), self.ref
