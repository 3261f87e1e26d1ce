"""ヘルプ ▸ kanwa-review について: the version, the form versions this installation knows, the
database in use, and every bundled component with its licence (from THIRD-PARTY-NOTICES)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from kanwa_review import __version__
from kanwa_review.notices import notices_path, read_notices


def _form_versions(services) -> list[str]:
    """Each known form once, as the person reads it (title and version)."""
    seen, out = set(), []
    try:
        forms = services.known_form_versions()
    except Exception:   # noqa: BLE001 — the About box never fails for a form file
        forms = []
    for form in forms:
        if (form.id, form.version) not in seen:
            seen.add((form.id, form.version))
            out.append(form.label())
    return out


class AboutDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("kanwa-review について"))
        layout = QVBoxLayout(self)
        self.version_label = QLabel(f"<h2>kanwa-review {__version__}</h2>")
        layout.addWidget(self.version_label)
        layout.addWidget(QLabel(self.tr("がん診療連携拠点病院の緩和ケア ピアレビュー支援アプリ")))
        layout.addWidget(QLabel(self.tr("本アプリは MIT ライセンスで配布しています。")))
        self.forms_label = QLabel(self.tr("評価票: {forms}").format(
            forms=" / ".join(_form_versions(services)) or "—"))
        self.forms_label.setWordWrap(True)
        layout.addWidget(self.forms_label)
        self.database_label = QLabel(self.tr("データベース: {path}").format(
            path=services.db_path))
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.database_label)

        notices = read_notices()
        where = notices_path()
        layout.addWidget(QLabel(self.tr("同梱している部品とライセンス（全文: {file}）").format(
            file=where if where is not None else "THIRD-PARTY-NOTICES.txt")))
        self.components = QTableWidget(len(notices), 3)
        self.components.setObjectName("aboutComponents")
        self.components.setHorizontalHeaderLabels(
            [self.tr("部品"), self.tr("バージョン"), self.tr("ライセンス")])
        for row, notice in enumerate(notices):
            for col, value in enumerate((notice.component, notice.version, notice.licence)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.components.setItem(row, col, item)
        self.components.verticalHeader().setVisible(False)
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        layout.addWidget(self.components, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def component_names(self) -> list[str]:
        return [self.components.item(r, 0).text() for r in range(self.components.rowCount())]


def show_about(window) -> AboutDialog:
    dialog = AboutDialog(window.services, window)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = ["AboutDialog", "show_about"]
