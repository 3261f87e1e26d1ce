"""The edit operations of the findings tab (所見): typing (committed after a pause, merged into
one undo step per typing spell), adding, linking items, moving, dragging and deleting a finding.
Each one goes through the services inside an undo command on the review's shared stack.

A mixin of FindingsPanel, which holds the state these operations read and write (the selected
finding, the saved findings by kind, the typing session).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog

from kanwa_review.core.review import FINDING_KINDS
from kanwa_review.ui.dialogs.common import show_error
from kanwa_review.ui.dialogs.confirm import confirm
from kanwa_review.ui.findings.commands import (
    AddFinding,
    DeleteFinding,
    EditFinding,
    FindingRef,
    MoveFinding,
)
from kanwa_review.ui.findings.item_picker import ItemPickerDialog
from kanwa_review.ui.findings.text import kind_noun


class FindingEditing:
    """Edit operations of the findings panel (see FindingsPanel for the state)."""

    def _typed(self) -> None:
        if self._loading or self.read_only or self._current is None:
            return
        self._dirty = True
        show_error(self.error, "")
        self._commit_timer.start()

    def _editor_left(self) -> None:
        self.flush()
        self._session += 1

    def flush(self) -> None:
        """Commit the text typed in the editor, if it differs from what is saved."""
        self._commit_timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        if self.read_only or self._current is None:
            return
        kind, ref = self._current
        text = self.editor.toPlainText()
        if not text.strip():
            if ref is not None:
                show_error(self.error, self.tr("本文を空にはできません。不要な所見は「削除…」で"
                                               "削除してください。"))
            return
        if ref is None:
            ref = FindingRef()
            self._refs.append(ref)
            self._current = (kind, ref)
            self._push(AddFinding(self.writer, ref, kind, text, self._pending_codes, self._session))
            if ref.id is None:  # refused (shown): keep it a new entry with the text typed
                self._current = (kind, None)
                self._dirty = True
            else:
                self._pending_codes = ()
            return
        stored = self._stored(ref)
        if stored is None or stored.text == text.strip():
            return
        self._push(EditFinding(self.writer, ref, stored, text=text, session=self._session))

    def _push(self, command: QUndoCommand) -> None:
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False

    def _stack_moved(self, _index: int) -> None:
        if not self._pushing:
            self._session += 1  # after an undo or redo, new typing starts a new step

    def _applied(self, changed, select=None) -> None:
        """A command's service call succeeded: show the database state with the finding it
        touched selected (unless the person is choosing another one), tell the page."""
        show_error(self.error, "")
        if self._in_selection:
            QTimer.singleShot(0, self._rebuild_if_alive)
        else:
            self._rebuild(select)
        self.changed.emit(changed)

    def report_error(self, message: str) -> None:
        show_error(self.error, message)

    def add_new(self, kind: str, item_codes=()) -> None:
        """Start a new finding of `kind`: an empty entry selected, the cursor in its text. It
        is saved (as one undo step "…を追加") as soon as it has text."""
        if kind not in FINDING_KINDS:
            raise ValueError(f"unknown finding kind {kind!r}; use one of {FINDING_KINDS}")
        if self.read_only:
            return
        self.flush()
        self._session += 1
        self._current = (kind, None)
        self._pending_codes = tuple(c for c in item_codes if self.form.has_item(c))
        self._dirty = False
        self._loading = True
        self.editor.setPlainText("")
        self._loading = False
        self._rebuild()
        self.right_tabs.setCurrentIndex(0)
        self.editor.setFocus(Qt.OtherFocusReason)
        # the tab may only now be becoming visible; focus again once it is
        QTimer.singleShot(0, self._focus_editor_if_alive)

    def _focus_editor_if_alive(self) -> None:
        if shiboken6.isValid(self) and self._current is not None:
            self.editor.setFocus(Qt.OtherFocusReason)

    def add_from_item(self, kind: str, item_code: str) -> None:
        """Quick-add from the checklist ("add as point to improve"): a new finding of `kind`
        linked to `item_code`, with the cursor in its text."""
        self.add_new(kind, (item_code,))

    def set_current_text(self, text: str) -> None:
        """Replace the editor's text as if typed, and commit it (scripts and tests)."""
        self.editor.setPlainText(text)
        self.flush()

    def link_items(self, codes) -> None:
        """Link the selected finding to these item codes (replacing its links)."""
        if self.read_only or self._current is None:
            return
        self.flush()
        codes = tuple(dict.fromkeys(codes))
        ref = self._current[1]
        if ref is None:
            self._pending_codes = codes
            self._show_current()
            return
        stored = self._stored(ref)
        if stored is not None and stored.item_codes != codes:
            self._push(EditFinding(self.writer, ref, stored, codes=codes))

    def choose_items(self) -> None:
        if self.read_only or self._current is None:
            return
        stored = self.current_finding()
        current = stored.item_codes if stored else self._pending_codes
        self.picker = ItemPickerDialog(self.form, current, self)
        try:
            if self.picker.exec() == QDialog.Accepted:
                self.link_items(self.picker.selected_codes())
        finally:
            self.picker = None

    def move_current(self, delta: int) -> None:
        if self.read_only or self._current is None or self._current[1] is None:
            return
        self.flush()
        ref = self._current[1]
        place = self._index_of(ref)
        if place is None:
            return
        kind, index = place
        target = max(0, min(index + delta, len(self._by_kind[kind]) - 1))
        if target != index:
            self._push(MoveFinding(self.writer, ref, kind, index, target))

    def _dragged(self, kind: str, start: int, row: int) -> None:
        """Row `start` of a list was dragged to before row `row` (a drop, or a move of the
        list's model): write that order."""
        if self._loading or self.read_only:
            return
        group = self._by_kind[kind]
        target = row if row < start else row - 1
        if start >= len(group):  # the unsaved new entry was dragged: put it back
            QTimer.singleShot(0, self._rebuild_if_alive)
            return
        ref = self._ref_for(group[start].id)
        target = max(0, min(target, len(group) - 1))

        def push():  # after the drop has finished with the list's items
            if not shiboken6.isValid(self):
                return
            self.flush()
            self._current = (kind, ref)
            if target != start:
                self._push(MoveFinding(self.writer, ref, kind, start, target))
            else:
                self._rebuild()
        QTimer.singleShot(0, push)

    def delete_current(self) -> None:
        if self.read_only or self._current is None:
            return
        kind, ref = self._current
        if ref is None:  # an unsaved new entry: nothing to ask about
            self._dirty = False
            self._current = None
            self._rebuild()
            return
        self.flush()
        stored = self._stored(ref)
        if stored is None:
            return
        preview = stored.text if len(stored.text) <= 60 else stored.text[:60] + "…"
        detail = self.tr("元に戻す（Ctrl+Z）で戻せます。")
        if self._action_counts.get(stored.id):
            detail += self.tr("この所見に結び付いた改善計画 {count}件は施設の改善計画として"
                              "残ります。").format(count=self._action_counts[stored.id])
        if not confirm(self, self.tr("所見の削除"),
                       self.tr("{kind}「{text}」を削除しますか？").format(kind=kind_noun(kind),
                                                                   text=preview),
                       self.tr("削除"), detail=detail):
            return
        self._push(DeleteFinding(self.writer, ref, stored, self._index_of(ref)[1]))
