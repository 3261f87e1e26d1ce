"""The two small widgets of the findings tab (所見): one group's list of findings and the
editor of the selected finding's text. Both only report what the person asked for (signals);
the panel decides."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QPlainTextEdit

from kanwa_review.ui.findings.text import kind_label


class FindingList(QListWidget):
    """One group's findings. Alt+↑/↓ move, Delete deletes, Insert adds, Enter edits.

    `editable()` (handed in) says whether the findings may change now (not when final)."""

    move_requested = Signal(int)              # -1 up, +1 down
    delete_requested = Signal()
    add_requested = Signal(str)               # this list's kind
    edit_requested = Signal()                 # Enter: into the text editor
    dropped = Signal(str, int, int)           # kind, dragged row, row it now stands before
    chosen = Signal(object)                   # Tab into the list selected this item

    def __init__(self, kind: str, editable: Callable[[], bool]):
        super().__init__()
        self.kind, self.editable = kind, editable
        self.setAccessibleName(self.tr("{kind}の一覧").format(kind=kind_label(kind)))
        self.setAccessibleDescription(self.tr("Alt+↑/↓で並べ替え、Deleteで削除、Insertで追加、"
                                              "Enterで本文の編集"))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setTextElideMode(Qt.ElideRight)

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.AltModifier and key in (Qt.Key_Up, Qt.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key_Up else 1)
        elif key == Qt.Key_Delete:
            self.delete_requested.emit()
        elif key == Qt.Key_Insert:
            self.add_requested.emit(self.kind)
        elif key in (Qt.Key_Return, Qt.Key_Enter) and self.currentItem() is not None:
            self.edit_requested.emit()
        else:
            super().keyPressEvent(event)

    def dropEvent(self, event) -> None:
        """A finding dropped within its list: write the new order through the services (the
        list is then rebuilt from the database), rather than letting Qt move the row."""
        if not self.editable() or self.currentItem() is None:
            event.ignore()
            return
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if not index.isValid():
            before = self.count()
        else:
            below = pos.y() > self.visualRect(index).center().y()
            before = index.row() + (1 if below else 0)
        event.setDropAction(Qt.IgnoreAction)
        event.accept()
        self.dropped.emit(self.kind, self.currentRow(), before)

    def focusInEvent(self, event) -> None:
        keyboard = event.reason() in (Qt.TabFocusReason, Qt.BacktabFocusReason,
                                      Qt.ShortcutFocusReason)
        if not keyboard and self.currentItem() is None:
            # Qt makes the first row current when a list gets focus; when focus only comes
            # back (window activated, a dialog closed) that must not change the selection
            self.blockSignals(True)
            super().focusInEvent(event)
            self.setCurrentItem(None)
            self.clearSelection()
            self.blockSignals(False)
            return
        super().focusInEvent(event)
        # Tab into a group selects what it shows, so the editor follows the keyboard
        if self.currentItem() is not None and not self.currentItem().isSelected():
            self.currentItem().setSelected(True)
            self.chosen.emit(self.currentItem())


class FindingEditor(QPlainTextEdit):
    """The selected finding's text; tells the panel when focus leaves or Ctrl+Z is coming, so
    the text is committed first, and when Esc asks to go back to the list."""

    focus_lost = Signal()
    escaped = Signal()

    def __init__(self):
        super().__init__()
        self.setAccessibleName(self.tr("所見の本文"))
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and (
                event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)):
            self.focus_lost.emit()  # commit what is typed before any undo acts
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.focus_lost.emit()
            self.escaped.emit()  # the panel puts focus back on the finding's list
            return
        super().keyPressEvent(event)
