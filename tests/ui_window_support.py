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


class ModalWatchdog:
    """Closes a modal dialog that nobody answers (a test that forgot one, or a dialog that asks
    on close while pytest-qt closes it at teardown) instead of letting exec() block the run
    for ever; `stray` names each one closed, so the test that left it can fail."""

    def __init__(self, patience_ms: int = 3000, tick_ms: int = 100):
        self.stray: list[str] = []
        self._seen: dict[int, int] = {}
        self._patience = max(1, patience_ms // tick_ms)
        self.timer = QTimer()
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            self._seen.clear()
            return
        ticks = self._seen.get(id(dialog), 0) + 1
        self._seen = {id(dialog): ticks}
        if ticks >= self._patience:
            self.stray.append(dialog.text() if isinstance(dialog, QMessageBox)
                              else dialog.windowTitle())
            dialog.reject()

    def stop(self) -> None:
        self.timer.stop()


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
