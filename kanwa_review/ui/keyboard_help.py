"""ヘルプ ▸ キーボード操作: every key of the app, by where it works, read from the one table of
commands and keys (core/shortcuts.py) that the menus are made from too."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.shortcuts import keys_text, listed
from kanwa_review.ui.geometry import fit_dialog


class KeyboardHelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("キーボード操作"))
        self.setAccessibleName(self.tr("キーボード操作の一覧"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("キーと操作"))
        self.tree.setHeaderLabels([self.tr("キー"), self.tr("操作")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        for title, entries in listed():
            group = QTreeWidgetItem([title, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for s in entries:
                group.addChild(QTreeWidgetItem([keys_text(s), s.does]))
        self.tree.expandAll()
        self.tree.setItemsExpandable(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        close = buttons.button(QDialogButtonBox.Close)
        close.setText(self.tr("閉じる"))
        close.setAccessibleName(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        fit_dialog(self, QSize(720, 640))
        self.tree.setFocus(Qt.OtherFocusReason)

    def rows(self) -> list[tuple[str, str, str]]:
        """(where, keys, what it does) as listed (tests, screen readers)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                out.append((group.text(0), child.text(0), child.text(1)))
        return out


__all__ = ["KeyboardHelpDialog"]
