"""The warning shown once when a database in a cloud-synced folder or on a network drive is
opened (WAL is unsafe there): work on a local copy, or continue with the file as it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kanwa_review.services import Services
from kanwa_review.ui.errors import USER_ERRORS, warn


def check_database_place(parent: QWidget | None, path: str | Path) -> Path:
    """The database to open: `path` itself, or (the person's choice) a copy of it in the
    app's local data folder. Asks only when `path` is in a synced folder or on a network
    drive."""
    path = Path(path)
    found = Services.database_place_warning(path)
    if found is None:
        return path
    title = QCoreApplication.translate("DatabasePlace", "データベースの場所")
    box = QMessageBox(QMessageBox.Warning, title, found.message, QMessageBox.NoButton, parent)
    box.setObjectName("databasePlaceDialog")
    copy = None
    if path.is_file():
        copy = box.addButton(QCoreApplication.translate(
            "DatabasePlace", "パソコン内にコピーして開く"), QMessageBox.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("DatabasePlace", "このまま開く"),
                         QMessageBox.RejectRole)
    box.setDefaultButton(copy or keep)
    box.setEscapeButton(keep)
    box.exec()
    if copy is None or box.clickedButton() is not copy:
        return path
    try:
        return Services.copy_database_to_local(path)
    except USER_ERRORS as exc:   # the copy failed: say why, open the file as it is
        warn(parent, title, exc)
        return path


__all__ = ["check_database_place"]
