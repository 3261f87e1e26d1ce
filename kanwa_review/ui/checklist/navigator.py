"""The checklist's section navigator (大項目と回答状況): one line per section with how many of its
required items that apply are answered ("✓ A 組織体制とPDCA / 9 / 9"); choosing a line asks the screen
to go to that section (`section_chosen`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from kanwa_review.core.form import Section
from kanwa_review.core.form_text import text as form_text


class SectionNavigator(QListWidget):
    section_chosen = Signal(str)          # section code

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("大項目と回答状況"))
        self.setMinimumWidth(150)
        self.setUniformItemSizes(True)  # a progress change repaints one row only
        self._rows: dict[str, int] = {}
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def show_sections(self, sections: list[Section]) -> None:
        """One (still empty) line per section, in the form's order."""
        self.clear()
        self._rows = {}
        for row, section in enumerate(sections):
            item = QListWidgetItem()
            item.setData(Qt.UserRole, section.code)
            self.addItem(item)
            self._rows[section.code] = row

    def show_progress(self, section: Section, done: int, asked: int) -> None:
        """`asked`: the section's required items that apply (core.completeness.counted)."""
        item = self.item(self._rows[section.code])
        mark = "✓" if asked and done == asked else "　"
        title = form_text(section.title)
        text = f"{mark} {section.code}  {title}\n      {done} / {asked}"
        if item.text() == text:
            return  # re-rating an answered item: nothing to relayout
        item.setText(text)
        item.setToolTip(self.tr("{title}：回答が必要な {asked} 項目のうち {done} 項目に回答済み"
                                ).format(title=title, asked=asked, done=done))
        item.setData(Qt.AccessibleTextRole,
                     self.tr("{code} {title}、必要な{asked}項目中{done}項目回答済み").format(
                         code=section.code, title=title, asked=asked, done=done))

    def mark_current(self, section_code: str) -> None:
        """Follow the item table (without asking to go anywhere)."""
        self.blockSignals(True)
        self.setCurrentRow(self._rows[section_code])
        self.blockSignals(False)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.section_chosen.emit(item.data(Qt.UserRole))
