"""Start the desktop app: choose the database, open it safely, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from kanwa_review import paths
from kanwa_review.core import resources


def choose_database(db: str | None, demo: bool, last_used: str | None) -> tuple[Path, bool]:
    """(path, is_demo). An explicit --db wins; --demo, or a first run with no database of the
    user's own yet, opens the demo database so a new user sees real content at once."""
    if db:
        return Path(db).expanduser(), False
    if demo:
        return paths.demo_db_path(), True
    if last_used and Path(last_used).is_file():
        return Path(last_used), Path(last_used) == paths.demo_db_path()
    if paths.default_db_path().is_file():
        return paths.default_db_path(), False
    return paths.demo_db_path(), True


def ensure_demo(path: Path) -> None:
    """Create the demo database on first use (about a second)."""
    from kanwa_review.services.demo import create_demo_file

    create_demo_file(path)


def run_app(db: str | None = None, demo: bool = False, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.store.backup import rotate_backup
    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.settings import open_settings
    from kanwa_review.ui.style import apply_style

    QCoreApplication.setOrganizationName("kanwa-review")
    QCoreApplication.setApplicationName("kanwa-review")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    install_app_font(app)
    apply_style(app)
    app.setWindowIcon(QIcon(str(resources.app_icon_path())))
    settings = open_settings()
    path, is_demo = choose_database(db, demo, settings.value("last_db", None, type=str))
    try:
        if is_demo:
            paths.data_dir().mkdir(parents=True, exist_ok=True)
            ensure_demo(path)
        elif path == paths.default_db_path():
            path.parent.mkdir(parents=True, exist_ok=True)
        database = open_database(path)
        try:
            if not is_demo:
                rotate_backup(database, paths.backups_dir())
        except BaseException:
            database.close()
            raise
    except Exception as exc:  # StoreError, FormError: tell the user, write nothing
        QMessageBox.critical(None, "kanwa-review", f"データベースを開けません。\n{exc}")
        print(f"error: {exc}", file=sys.stderr)
        return 1
    settings.setValue("last_db", str(path))

    from kanwa_review.ui.main_window import MainWindow

    # The composition root: the one database of the UI thread, and the services over it.
    window = MainWindow(Services(database), is_demo=is_demo, settings=settings)
    window.show()
    window.restore_session()  # reopen the review that was open last time, at its last item
    try:
        return app.exec()
    finally:
        database.close()


__all__ = ["run_app", "choose_database", "ensure_demo"]
