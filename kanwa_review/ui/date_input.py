"""The date input of the screens that ask for an optional date (the plan dates on the findings
tab, the request letter's due date): `date_input()` is the one call site to swap for the app's
typed date field (ui/widgets/date_field.DateField) once it is on main — this class has the same
small API: `value()`, `set_value()`, `value_changed(date | None)`, `setReadOnly()`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class DateInput(QWidget):
    """A tick (「設定する」) and a date box: no tick, no date. `value_changed` tells each value
    taken (the tick, leaving the box, a day chosen in the calendar), never each keystroke."""

    value_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.check = QCheckBox(self.tr("設定する"))
        self.box = QDateEdit()
        self.box.setCalendarPopup(True)
        self.box.setDisplayFormat("yyyy-MM-dd")
        self.box.setDate(QDate.currentDate())
        self.box.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.box, 1)
        self._taken: date | None = None
        self._read_only = False
        self.check.toggled.connect(self._ticked)
        self.box.editingFinished.connect(self._take)
        # a day clicked in the calendar closes it without leaving the box: take it then
        self.box.calendarWidget().clicked.connect(lambda _d: QTimer.singleShot(0, self._take))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setAccessibleName(name)
        self.check.setAccessibleName(self.tr("{what}を設定する").format(what=name))
        self.box.setAccessibleName(name)

    def value(self) -> date | None:
        return self.box.date().toPython() if self.check.isChecked() else None

    def set_value(self, d: date | None) -> None:
        """Show `d` (None: no date) without telling `value_changed`."""
        self._taken = d
        for w in (self.check, self.box):
            w.blockSignals(True)
        self.check.setChecked(d is not None)
        if d is not None:
            self.box.setDate(QDate(d.year, d.month, d.day))
        for w in (self.check, self.box):
            w.blockSignals(False)
        self._update_enabled()

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (Qt's name)
        self._read_only = read_only
        self._update_enabled()

    def isReadOnly(self) -> bool:  # noqa: N802
        return self._read_only

    def _update_enabled(self) -> None:
        self.check.setEnabled(not self._read_only)
        self.box.setEnabled(not self._read_only and self.check.isChecked())

    def _ticked(self, on: bool) -> None:
        self._update_enabled()
        if on:
            self.box.setFocus()
        self._take()

    def _take(self) -> None:
        value = self.value()
        if value != self._taken:
            self._taken = value
            self.value_changed.emit(value)


def date_input(parent=None) -> DateInput:
    """The optional date input (see the module docstring: the place to swap the widget)."""
    return DateInput(parent)


__all__ = ["DateInput", "date_input"]
