"""The one date input of the app (日付欄): a date typed the way people write it, read by
core.dates.parse_date_text, with the date and its era shown beside it, 「今日」, a calendar,
and the reason beside the field when the text is not a date.

Every date the app asks for uses it: checklist date items, the visit date, improvement actions'
due dates and the date of a progress report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from kanwa_review.core.dates import FIRST_DATE, LAST_DATE, parse_date_text
from kanwa_review.ui.labels import date_label

_UP, _DOWN = Qt.Key_Up.value, Qt.Key_Down.value


def warning_colour(widget: QWidget) -> QColor:
    """A red that stays readable on light and dark windows."""
    dark = widget.palette().color(QPalette.Window).lightness() < 128
    return QColor("#ff7b6b" if dark else "#b03a2e")


class DateField(QWidget):
    """`value()` is the date shown (None when empty); `value_changed(date | None)` tells each
    new value taken (Enter, leaving the field, 今日, the calendar, ↑/↓); `text_edited()` tells
    typing, for a caller that saves while the person types."""

    value_changed = Signal(object)
    text_edited = Signal()

    def __init__(self, parent=None, *, allow_empty: bool = True,
                 describe: Callable[[date], str] = date_label,
                 today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.allow_empty = allow_empty
        self.describe = describe
        self.today = today
        self._taken: date | None = None      # the last value handed out (or set)
        self._read_only = False

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("例: R5.11.15"))
        self.edit.setToolTip(self.tr(
            "2023-11-15、20231115、2023/11/15、R5.11.15、令和5年11月15日 のように入力できます。"
            "↑・↓で1日ずつ動きます"))
        self.edit.setMaxLength(40)
        width = self.edit.fontMetrics().horizontalAdvance("令和10年12月31日") + 24
        self.edit.setMinimumWidth(width)
        self.edit.setMaximumWidth(width + 40)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        # small buttons: the field, both buttons and the note fit the editor's narrow pane
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("今日"))
        self.today_button.setToolTip(self.tr("今日の日付にする"))
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.DownArrow)
        self.calendar_button.setToolTip(self.tr("カレンダーから選ぶ"))
        self.calendar_button.setAccessibleName(self.tr("カレンダーから選ぶ"))
        self.calendar: QCalendarWidget | None = None

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.today_button)
        row.addWidget(self.calendar_button)
        row.addWidget(self.note, 1)
        self.setFocusProxy(self.edit)
        QWidget.setTabOrder(self.edit, self.today_button)
        QWidget.setTabOrder(self.today_button, self.calendar_button)

        self.edit.textEdited.connect(self._typing)
        self.edit.editingFinished.connect(self.take_text)
        self.edit.installEventFilter(self)
        self.today_button.clicked.connect(lambda: self._take(self.today()))
        self.calendar_button.clicked.connect(self.open_calendar)
        self.setAccessibleName(self.tr("日付"))
        self._show_note()

    # --- the contract ----------------------------------------------------------------------
    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.today_button.setAccessibleName(self.tr("{name}を今日にする").format(name=name))

    def value(self) -> date | None:
        """The date the text says; ValueError (the reason, for a person) when it says none."""
        d = parse_date_text(self.edit.text())
        if d is None and not self.allow_empty:
            raise ValueError(self.tr("日付を入力してください。"))
        return d

    def error(self) -> str:
        try:
            self.value()
        except ValueError as exc:
            return str(exc)
        return ""

    def set_value(self, d: date | None) -> None:
        """Show `d` without telling anyone. A field being typed in keeps its text while it
        means the same date (R5.11.15 does not turn into 2023-11-15 under the cursor)."""
        self._taken = d
        if self.edit.hasFocus():
            try:
                if parse_date_text(self.edit.text()) == d:
                    self._show_note()
                    return
            except ValueError:
                pass
        self.edit.setText(d.isoformat() if d else "")
        self._show_note()

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (Qt's name)
        self._read_only = read_only
        self.edit.setReadOnly(read_only)
        self.today_button.setEnabled(not read_only)
        self.calendar_button.setEnabled(not read_only)

    def isReadOnly(self) -> bool:  # noqa: N802
        return self._read_only

    # --- taking a value ---------------------------------------------------------------------
    def take_text(self) -> None:
        """Enter or leaving the field: the typed text becomes the value, or its error shows."""
        try:
            d = self.value()
        except ValueError:
            self._show_note()
            return
        if d is not None:
            self.edit.setText(d.isoformat())
        self._hand_out(d)

    def _take(self, d: date | None) -> None:
        if self._read_only:
            return
        self.edit.setText(d.isoformat() if d else "")
        self._hand_out(d)

    def _hand_out(self, d: date | None) -> None:
        self._show_note()
        if d != self._taken:
            self._taken = d
            self.value_changed.emit(d)

    def _typing(self, _text: str) -> None:
        self._show_note(typing=True)
        self.text_edited.emit()

    def _show_note(self, typing: bool = False) -> None:
        try:
            d = self.value()
        except ValueError as exc:
            # while typing, a date not finished yet is not an error
            text = "" if typing else str(exc)
            self._set_note(text, warning=True)
            return
        if d is None:
            self._set_note(self.tr("未記入") if not typing else "", warning=False)
        else:
            self._set_note(self.describe(d), warning=False)

    def _set_note(self, text: str, *, warning: bool) -> None:
        palette = self.note.palette()
        palette.setColor(QPalette.WindowText, warning_colour(self) if warning
                         else self.palette().color(QPalette.WindowText))
        self.note.setPalette(palette)
        self.note.setText(text)
        self.note.setAccessibleName(text)
        self.edit.setAccessibleDescription(text)

    # --- keys and the calendar --------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and event.type() == QEvent.KeyPress and not self._read_only \
                and event.key() in (_UP, _DOWN) and not event.modifiers() & (
                    Qt.ControlModifier | Qt.AltModifier):
            try:
                d = self.value()
            except ValueError:
                d = None
            step = timedelta(days=1 if event.key() == _UP else -1)
            new = self.today() if d is None else min(max(d + step, FIRST_DATE), LAST_DATE)
            self._take(new)
            return True
        return super().eventFilter(obj, event)

    def open_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.Popup)
        calendar.setAttribute(Qt.WA_DeleteOnClose)
        calendar.setMinimumDate(QDate(FIRST_DATE.year, FIRST_DATE.month, FIRST_DATE.day))
        calendar.setMaximumDate(QDate(LAST_DATE.year, LAST_DATE.month, LAST_DATE.day))
        try:
            d = self.value() or self.today()
        except ValueError:
            d = self.today()
        calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        calendar.activated.connect(lambda qd: self._calendar_chose(calendar, qd))
        calendar.clicked.connect(lambda qd: self._calendar_chose(calendar, qd))
        calendar.destroyed.connect(lambda *_: setattr(self, "calendar", None))
        where = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        screen = QApplication.screenAt(where) or QApplication.primaryScreen()
        size = calendar.sizeHint()
        if screen is not None:  # keep the popup on the screen
            room = screen.availableGeometry()
            where.setX(max(room.left(), min(where.x(), room.right() - size.width())))
            if where.y() + size.height() > room.bottom():
                where.setY(self.edit.mapToGlobal(QPoint(0, 0)).y() - size.height())
        calendar.move(where)
        calendar.show()
        calendar.setFocus(Qt.PopupFocusReason)
        self.calendar = calendar
        return calendar

    def _calendar_chose(self, calendar: QCalendarWidget, qd: QDate) -> None:
        calendar.close()
        self._take(qd.toPython())
        self.edit.setFocus(Qt.OtherFocusReason)
