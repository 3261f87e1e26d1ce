"""Read-only tables of the hub windows: the table and cell every list of the dashboard and the
facility history is made of, and the warning colour they share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

WARNING_TEXT = QColor("#C2410C")   # orange-red: readable on white and on dark grey


def table_item(text: str, *, sort=None, align=None, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    if sort is not None:
        item.setData(Qt.UserRole + 1, sort)
    if align is not None:
        item.setTextAlignment(align | Qt.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    return item


def table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setAlternatingRowColors(True)   # palette colours: fine in dark mode
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t
