"""Helpers for UI tests of the main window: a window over test services, modal-dialog driving."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def make_window(qtbot, services, tmp_path, forms=()):
    from kanwa_review.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    if forms:
        window.home.set_forms(list(forms))
    window.show()
    return window


def when_modal(handler, *, tries: int = 200) -> list:
    """Run `handler(dialog)` on the next modal dialog that opens (exec() blocks the test);
    returns a list that holds the dialog once handled, to assert it really appeared."""
    seen: list = []

    def check(left=tries):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(10, lambda: check(left - 1))
            return
        seen.append(dialog)
        handler(dialog)

    QTimer.singleShot(0, check)
    return seen


def click_button(box: QMessageBox, text: str) -> None:
    for button in box.buttons():
        if button.text() == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")
