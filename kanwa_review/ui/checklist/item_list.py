"""The item table of the checklist screen (評価項目の一覧): a QTreeView over the checklist
model whose keys are the reviewer's: ratings, Tab / Enter to move on, F2 / Space to edit, Ctrl+↑/↓
to jump sections, P to take the previous visit's answer. It only reports what the reviewer asked
for (signals, and the rating keys handed in); the screen decides."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QTreeView

from kanwa_review.ui.checklist.model import CODE_ROLE, RATING

_ENTER_KEYS = (Qt.Key_Return.value, Qt.Key_Enter.value)
_EDIT_KEYS = (Qt.Key_F2.value, Qt.Key_Space.value)
_CTRL_ALT = Qt.ControlModifier.value | Qt.AltModifier.value
_SHIFT = Qt.ShiftModifier.value
_KEY_DOWN, _KEY_P = Qt.Key_Down.value, Qt.Key_P.value
_UP_DOWN = (Qt.Key_Up.value, _KEY_DOWN)
_CTRL = Qt.ControlModifier.value


LOOK_AHEAD = 3   # rows kept in view below the current one
_SELECTED = QStyle.State_Selected
_BACKGROUND, _FOREGROUND, _FONT = (Qt.BackgroundRole.value, Qt.ForegroundRole.value,
                                   Qt.FontRole.value)


class RatingMarkDelegate(QStyledItemDelegate):
    """Paints the C/D mark of a rating cell inside the selection band too: a plain selected
    row is painted in the highlight colour, which hid that the focused item was rated low."""

    def paint(self, painter, option, index) -> None:
        if not option.state & _SELECTED:
            super().paint(painter, option, index)
            return
        mark = index.data(_BACKGROUND)
        if mark is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.fillRect(option.rect, option.palette.highlight())
        painter.fillRect(option.rect.adjusted(3, 1, -3, -1), mark)
        text = index.data(_FOREGROUND)
        painter.setPen(text.color() if text is not None else option.palette.text().color())
        font = index.data(_FONT)
        if font is not None:
            painter.setFont(font)
        painter.drawText(option.rect, Qt.AlignCenter, str(index.data() or ""))
        painter.restore()


class ItemList(QTreeView):
    """The item table. Keys on a focused item: 1–4 / A–D / 0 rate it (`rating_key`, handed in:
    True when it used the key), Tab / Enter move on, F2 / Space edit it in the editor."""

    move_requested = Signal(int)              # rows to move by (Tab, Enter; Shift: back)
    edit_requested = Signal()                 # F2 / Space: into the editor
    section_jump_requested = Signal(int)      # Ctrl+↓ / Ctrl+↑
    previous_requested = Signal(str)          # P: take the previous visit's answer (item code)
    menu_requested = Signal(str, QPoint)      # item code, where (global)

    def __init__(self, rating_key: Callable[[QKeyEvent], bool]):
        super().__init__()
        self.rating_key = rating_key
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.mark_delegate = RatingMarkDelegate(self)
        self.setItemDelegateForColumn(RATING, self.mark_delegate)
        self.setAccessibleName(self.tr("評価項目の一覧"))
        self.setAccessibleDescription(self.tr("1〜4またはA〜Dで評価、0で該当なし、"
                                              "Shift+A〜Dで自己評価、Tab・Enterで次の項目、"
                                              "F2またはスペースで入力欄へ"))

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers().value  # ints: enum compares are slow
        if key in _ENTER_KEYS and not mods & _CTRL_ALT:
            self.move_requested.emit(-1 if mods & _SHIFT else 1)
            return
        if key in _EDIT_KEYS and not mods:
            self.edit_requested.emit()
            return
        if key in _UP_DOWN and mods == _CTRL:
            self.section_jump_requested.emit(1 if key == _KEY_DOWN else -1)
            return
        if self.rating_key(event):
            return
        if key == _KEY_P and not mods:  # 前回: take the previous visit's answer
            index = self.currentIndex()
            if index.isValid():
                self.previous_requested.emit(index.data(CODE_ROLE))
            return
        super().keyPressEvent(event)

    def keep_rows_ahead(self, index: QModelIndex, rows: int = LOOK_AHEAD) -> None:
        """Scroll so that the rows after the current one stay in view (a reviewer reads the
        next items while rating this one); the current row itself always shows."""
        if not index.isValid():
            return
        model = self.model()
        ahead = model.index(min(index.row() + rows, model.rowCount() - 1), 0)
        if ahead.isValid():
            self.scrollTo(ahead)
        self.scrollTo(index)

    def contextMenuEvent(self, event) -> None:
        # mouse: the row under the pointer; menu key / Shift+F10: the current row
        keyboard = event.reason() == QContextMenuEvent.Keyboard
        index = QModelIndex() if keyboard else self.indexAt(event.pos())
        if not index.isValid():
            index = self.currentIndex()
        if index.isValid():
            where = (self.viewport().mapToGlobal(self.visualRect(index).center()) if keyboard
                     else event.globalPos())
            self.menu_requested.emit(index.data(CODE_ROLE), where)

    def keyboardSearch(self, search: str) -> None:
        pass  # letters are ratings here, not type-ahead search

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab / Shift+Tab move through the items, as a reviewer rates them in order
        self.move_requested.emit(1 if forward else -1)
        return True
