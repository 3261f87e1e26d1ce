"""Every problem of a file a person must correct (a form workbook's cells as 「sheet!cell: …」, a
form file's lines), one per line, with what to do and a button to copy the list."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)


class ProblemsDialog(QDialog):
    def __init__(self, title: str, summary: str, problems: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.problems = list(problems)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("問題の一覧"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.addItems(self.problems)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        copy = QPushButton(self.tr("一覧をコピー"))
        copy.setToolTip(self.tr("問題の一覧をクリップボードにコピーします（メールなどに貼り付けられます）"))
        copy.clicked.connect(self.copy)
        buttons.addButton(copy, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.problems))


__all__ = ["ProblemsDialog"]
