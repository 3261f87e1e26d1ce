"""The File menu's database commands: ファイル ▸ 新規 / 開く / 最近使ったファイル / デモを見る.

They only choose a file; the window asks for it with `database_requested(path, mode)` and
the launcher (ui/launcher.py) opens it and puts a new window over it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from kanwa_review import paths
from kanwa_review.core.shortcuts import shortcut
from kanwa_review.ui.actions import command
from kanwa_review.ui.settings import remember_folder, start_path

CREATE, OPEN, DEMO = "create", "open", "demo"
SUFFIX = ".sqlite"


def _filter() -> str:
    return QCoreApplication.translate(
        "Databases", "kanwa-review データベース (*.sqlite *.db);;すべてのファイル (*)")


def choose_new_file(parent) -> Path | None:
    """Where a new database goes (the usual folder the first time); None if cancelled or the
    file is there already (opening it is 「開く」, never overwriting it)."""
    folder = start_path("database")
    if folder == str(Path.home()) and not paths.default_db_path().exists():
        proposed = str(paths.default_db_path())
    else:
        proposed = str(Path(folder) / "kanwa-review.sqlite")
    title = QCoreApplication.translate("Databases", "新しいデータベースファイル")
    path, _ = QFileDialog.getSaveFileName(parent, title, proposed,
                                          _filter(), "",
                                          QFileDialog.DontConfirmOverwrite)
    if not path:
        return None
    out = Path(path) if Path(path).suffix else Path(path + SUFFIX)
    if out.exists():
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "Databases", "{file} は既にあります。上書きはしません。このファイルを使うときは「開く」で開いて"
            "ください。").format(file=out))
        return None
    remember_folder("database", out)
    return out


def choose_existing_file(parent) -> Path | None:
    title = QCoreApplication.translate("Databases", "データベースファイルを開く")
    path, _ = QFileDialog.getOpenFileName(parent, title, start_path("database"), _filter())
    if not path:
        return None
    remember_folder("database", path)
    return Path(path)


def _fill_recent(window, menu: QMenu) -> None:
    menu.clear()
    files = window.settings.recent_dbs()
    for n, name in enumerate(files, start=1):
        path = Path(name)
        text = f"{path.name}  ({path.parent})"
        text = f"&{n} {text}" if n < 10 else text
        action = menu.addAction(text)
        action.setToolTip(str(path))
        action.triggered.connect(lambda _c=False, p=name: window.database_requested.emit(p, OPEN))
    if not files:
        empty = menu.addAction(QCoreApplication.translate("Databases", "（まだありません）"))
        empty.setEnabled(False)


def install(window) -> None:
    """新規 / 開く / 最近使ったファイル / デモを見る at the top of the File menu."""
    def new() -> None:
        out = choose_new_file(window)
        if out is not None:
            window.database_requested.emit(str(out), CREATE)

    def open_file() -> None:
        path = choose_existing_file(window)
        if path is not None:
            window.database_requested.emit(str(path), OPEN)

    window.new_database_action = command(window, "new_database", new)
    window.open_database_action = command(window, "open_database", open_file)
    window.recent_menu = QMenu(shortcut("recent_databases").text, window)
    window.recent_menu.setObjectName("recent_databases")
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window, window.recent_menu))
    _fill_recent(window, window.recent_menu)
    window.open_demo_action = command(
        window, "open_demo",
        lambda: window.database_requested.emit(str(paths.demo_db_path()), DEMO))
    window.file_menu.addAction(window.new_database_action)
    window.file_menu.addAction(window.open_database_action)
    window.file_menu.addMenu(window.recent_menu)
    window.file_menu.addAction(window.open_demo_action)


__all__ = ["install", "choose_new_file", "choose_existing_file", "CREATE", "OPEN", "DEMO"]
