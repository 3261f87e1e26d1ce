"""The two small widgets of the findings tab (所見): one group's list of findings and the
editor of the selected finding's text. Both hand every decision to the panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QPlainTextEdit

from kanwa_review.core.review import FINDING_LABELS

if TYPE_CHECKING:
    from kanwa_review.ui.findings.panel import FindingsPanel


class FindingList(QListWidget):
    """One group's findings. Alt+↑/↓ move, Delete deletes, Insert adds, Enter edits."""

    def __init__(self, panel: FindingsPanel, kind: str):
        super().__init__()
        self.panel, self.kind = panel, kind
        self.setAccessibleName(f"{FINDING_LABELS[kind]}の一覧")
        self.setAccessibleDescription("Alt+↑/↓で並べ替え、Deleteで削除、Insertで追加、"
                                      "Enterで本文の編集")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setTextElideMode(Qt.ElideRight)

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.AltModifier and key in (Qt.Key_Up, Qt.Key_Down):
            self.panel.move_current(-1 if key == Qt.Key_Up else 1)
        elif key == Qt.Key_Delete:
            self.panel.delete_current()
        elif key == Qt.Key_Insert:
            self.panel.add_new(self.kind)
        elif key in (Qt.Key_Return, Qt.Key_Enter) and self.currentItem() is not None:
            self.panel.editor.setFocus(Qt.OtherFocusReason)
        else:
            super().keyPressEvent(event)

    def dropEvent(self, event) -> None:
        """A finding dropped within its list: write the new order through the services (the
        list is then rebuilt from the database), rather than letting Qt move the row."""
        if self.panel.read_only or self.currentItem() is None:
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
        self.panel._dragged(self.kind, self.currentRow(), before)

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
            self.panel._item_chosen(self, self.currentItem())


class FindingEditor(QPlainTextEdit):
    """The selected finding's text; tells the panel when focus leaves or Ctrl+Z is coming, so
    the text is committed first, and when Esc asks to go back to the list."""

    focus_lost = Signal()
    escaped = Signal()

    def __init__(self):
        super().__init__()
        self.setAccessibleName("所見の本文")
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
