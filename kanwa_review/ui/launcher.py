"""Opening a database and putting the main window over it: the first start (the file of
--db / --demo / the last own file, else the first-run page) and every later switch (ファイル ▸
新規 / 開く / 最近使ったファイル / デモを見る), which opens the other file in a new window and
closes the old one with its database.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from kanwa_review.services import Services
from kanwa_review.ui.files.databases import CREATE, DEMO, OPEN
from kanwa_review.ui.settings import AppSettings

log = logging.getLogger("kanwa_review.ui")


class Launcher(QObject):
    """Holds the window shown and the Services over its database."""

    def __init__(self, settings: AppSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.window = None
        self.services: Services | None = None

    # --- the first window -----------------------------------------------------------------
    def start(self, path: Path | None = None, mode: str = OPEN, *,
              ask_if_failed: bool = True) -> bool:
        """Show the first window: over `path` when given, else (or when it cannot be opened
        and `ask_if_failed`) over what the first-run page chooses. False: the person quit."""
        if path is not None:
            if self.open(path, mode):
                return True
            if not ask_if_failed:
                return False
        while True:
            choice = self.ask()
            if choice is None:
                return False
            if self.open(*choice):
                return True

    def ask(self) -> tuple[Path, str] | None:
        from kanwa_review.ui.welcome import WelcomeDialog

        dialog = WelcomeDialog(self.settings.recent_dbs())
        try:
            return dialog.choice if dialog.exec() else None
        finally:
            dialog.deleteLater()

    # --- opening --------------------------------------------------------------------------
    def open(self, path: str | Path, mode: str = OPEN) -> bool:
        """Open the database at `path` ("create": a new file, "open": one that exists,
        "demo": the demo, made first if need be) in a new window; the old window closes.
        A file that cannot be opened is named in a message and nothing changes."""
        from kanwa_review.ui.main_window import MainWindow

        path = Path(path).expanduser()
        if mode != DEMO:   # a synced folder or a network drive: warn, offer a local copy
            from kanwa_review.ui.dialogs import database_place

            path = database_place.check_database_place(self.window, path)
        try:
            services = self._open_services(path, mode)
        except Exception as exc:  # StoreError, OSError, FormError: say so, change nothing
            log.warning("%s: %s", path, exc)
            if mode == OPEN and not path.exists():
                self.settings.forget_db(path)
            QMessageBox.critical(self.window, self.tr("データベースを開けません"),
                                 self.tr("{path} を開けません。\n{error}").format(path=path,
                                                                             error=exc))
            return False
        self.settings.remember_db(path, demo=services.is_demo)
        window = MainWindow(services, settings=self.settings)
        window.database_requested.connect(self._requested)
        window.show()
        old, old_services = self.window, self.services
        self.window, self.services = window, services
        if old is not None:
            self._close(old, old_services)
        window.restore_session()
        if not services.is_demo and services.profile_needed():
            window.edit_profile(first_run=True)   # name the person before anything is recorded
        return True

    def _open_services(self, path: Path, mode: str) -> Services:
        if mode == DEMO:
            from kanwa_review.services.demo import create_demo_file

            create_demo_file(path)
        elif mode == CREATE:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.is_file():
            raise FileNotFoundError(self.tr("ファイルがありません（移動または削除されました）。"))
        services = Services.open(path, create=mode != OPEN)
        try:
            if not services.is_demo:
                services.rotate_backup()  # each opening of one's own file keeps a backup
        except BaseException:
            services.close()
            raise
        return services

    def _requested(self, path: str, mode: str) -> None:
        if self.services is not None and mode != CREATE \
                and Path(path).resolve() == Path(self.services.db_path).resolve():
            self.window.show_status(self.tr("このファイルは既に開いています。"))
            return
        self.open(Path(path), mode)

    @staticmethod
    def _close(window: QWidget, services: Services) -> None:
        """The old window closes (saving its place) and its database closes once the window
        and everything it posted are gone."""
        window.close()
        window.destroyed.connect(lambda *_: services.close())
        window.deleteLater()

    def close(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None


__all__ = ["Launcher"]
