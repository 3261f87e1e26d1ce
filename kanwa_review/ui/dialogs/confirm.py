"""A yes/cancel question whose safe answer (cancel) is the default button. Cancel is Qt's
standard button: Qt's own catalog (qtbase_<lang>.qm, loaded by app.py) words it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str, *,
            detail: str = "", destructive: bool = True) -> bool:
    box = QMessageBox(QMessageBox.Warning if destructive else QMessageBox.Question, title, text,
                      QMessageBox.NoButton, parent)
    box.setObjectName("confirmDialog")
    if detail:
        box.setInformativeText(detail)
    ok = box.addButton(ok_text, QMessageBox.DestructiveRole if destructive
                       else QMessageBox.AcceptRole)
    cancel = box.addButton(QMessageBox.Cancel)
    ok.setAccessibleName(ok_text)
    cancel.setAccessibleName(cancel.text().replace("&", ""))
    box.setDefaultButton(cancel)  # Enter must never delete by accident
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok
