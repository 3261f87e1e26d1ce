"""The item-link picker of the findings tab: choose the checklist items a finding concerns."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.form_text import text as form_text
from kanwa_review.ui.dialogs.common import ok_cancel_buttons
from kanwa_review.ui.geometry import fit_dialog


def _visible_check_boxes(view: QListWidget) -> None:
    """Fusion outlines an item's check box in the Window colour made darker; on a dark palette
    that is the colour of the list's own background and the unchecked boxes vanish. A Window
    colour halfway between Base and Text gives an outline that shows on light and dark."""
    palette = view.palette()
    base, text = palette.color(QPalette.Base), palette.color(QPalette.Text)
    halfway = QColor((base.red() + text.red()) // 2, (base.green() + text.green()) // 2,
                     (base.blue() + text.blue()) // 2)
    palette.setColor(QPalette.Window, halfway)
    view.setPalette(palette)


class ItemPickerDialog(QDialog):
    """Pick the checklist items a finding concerns: every item of the review's form by code and
    text, with check boxes (Space toggles) and a filter by code or words."""

    def __init__(self, form, selected=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("関連項目を選ぶ"))
        self.setAccessibleName(self.tr("関連項目を選ぶ"))
        fit_dialog(self, QSize(720, 520))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("コードまたは語句で絞り込み（例: B-3、疼痛）"))
        self.filter.setAccessibleName(self.tr("項目の絞り込み"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("評価項目（チェックで選択）"))
        # long item texts end in "…" with the whole text as tooltip, rather than being cut
        # off under a sideways scroll bar
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.ElideRight)
        _visible_check_boxes(self.list)
        chosen = set(selected)
        for item in form.items():
            line = f"{item.code}  {form_text(item.text)}"
            row = QListWidgetItem(line)
            row.setData(Qt.UserRole, item.code)
            row.setToolTip(line)
            row.setFlags(row.flags() | Qt.ItemIsUserCheckable)
            row.setCheckState(Qt.Checked if item.code in chosen else Qt.Unchecked)
            self.list.addItem(row)
        self.filter.textChanged.connect(self._apply_filter)
        caption = QLabel(self.tr("項目(&I)"))
        caption.setBuddy(self.list)
        search = QLabel(self.tr("絞り込み(&F)"))
        search.setBuddy(self.filter)
        buttons = ok_cancel_buttons(self, self.tr("決定"), self.tr("関連項目を決定"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(search)
        top.addWidget(self.filter, 1)
        layout.addLayout(top)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus()

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.list.count()):
            row = self.list.item(i)
            row.setHidden(not all(w in row.text().lower() for w in words))

    def set_checked(self, codes) -> None:
        wanted = set(codes)
        for i in range(self.list.count()):
            row = self.list.item(i)
            row.setCheckState(Qt.Checked if row.data(Qt.UserRole) in wanted else Qt.Unchecked)

    def selected_codes(self) -> tuple[str, ...]:
        """The checked codes in the form's order."""
        return tuple(self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                     if self.list.item(i).checkState() == Qt.Checked)
