"""Helpers for UI tests of the main window: a window over test services, modal-dialog driving."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog


def make_window(qtbot, services, tmp_path, forms=()):
    from kanwa_review.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    if forms:
        window.home.set_forms(list(forms))
    window.show()
    return window


def when_modal(handler, *, tries: int = 2000) -> list:
    """Run `handler(dialog)` on the next modal dialog that opens (exec() blocks the test);
    returns a list that holds the dialog once handled, to assert it really appeared. It looks
    every 10 ms for `tries` times (20 s by default: work on the runner may take seconds on a
    busy machine before its question opens). The runner's own progress dialog (modal, shown
    after 300 ms) is not the question: it is passed over."""
    seen: list = []

    def check(left=tries):
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog):
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


class ExtensionHost(QMainWindow):
    """The window API that feature modules' `install(window)` use (menus, services, db_path,
    current review, apply_changes, status) without the real main window: for testing one
    feature module's actions alone. `refreshed` counts the dispatches of what changed."""

    def __init__(self, services, uuid=None):
        super().__init__()
        self.services = services
        self.uuid = uuid
        self.file_menu = self.menuBar().addMenu("ファイル")
        self.review_menu = self.menuBar().addMenu("レビュー")
        self.hub_menu = self.menuBar().addMenu("集計")
        self.tools_menu = self.menuBar().addMenu("ツール")
        self.statuses: list[str] = []
        self.refreshed = 0
        self.changes: list = []      # the OpChanges dispatched, in order

    @property
    def db_path(self):
        return self.services.database.path

    def current_review_uuid(self):
        return self.uuid

    def apply_changes(self, changes, *, done_by=None):
        self.refreshed += 1
        self.changes.append(changes)

    def refresh_all(self):
        self.refreshed += 1

    def show_status(self, text):
        self.statuses.append(text)
