"""Start the desktop app: choose the database, open it safely, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from kanwa_review import paths
from kanwa_review.core import resources


def choose_database(db: str | None, demo: bool, last_used: str | None
                    ) -> tuple[Path, str] | None:
    """(path, mode) of the file to open first, mode "create" | "open" | "demo"; None: ask on
    the first-run page. An explicit --db wins (made when it is not there); --demo opens the
    demo; else the user's own last file, else the usual own file. The demo is never opened by
    itself: a remembered demo path is ignored."""
    if db:
        path = Path(db).expanduser()
        return path, "open" if path.is_file() else "create"
    if demo:
        return paths.demo_db_path(), "demo"
    if last_used and Path(last_used).is_file() \
            and Path(last_used).resolve() != paths.demo_db_path().resolve():
        return Path(last_used), "open"
    if paths.default_db_path().is_file():
        return paths.default_db_path(), "open"
    return None


def ensure_demo(path: Path) -> None:
    """Create the demo database on first use (about a second)."""
    from kanwa_review.services.demo import create_demo_file

    create_demo_file(path)


def run_app(db: str | None = None, demo: bool = False, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.launcher import Launcher
    from kanwa_review.ui.settings import AppSettings
    from kanwa_review.ui.style import apply_style

    QCoreApplication.setOrganizationName("kanwa-review")
    QCoreApplication.setApplicationName("kanwa-review")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    install_app_font(app)
    apply_style(app)
    app.setWindowIcon(QIcon(str(resources.app_icon_path())))
    settings = AppSettings()
    first = choose_database(db, demo, settings.last_db())
    # The composition root: the launcher opens the database (Services) and shows the window
    # over it; File ▸ 新規 / 開く / デモ later switch files through it.
    launcher = Launcher(settings)
    explicit = bool(db or demo)
    if not launcher.start(*(first or (None, "open")), ask_if_failed=not explicit):
        launcher.close()
        if explicit:
            print(f"error: {first[0]}: could not be opened", file=sys.stderr)
            return 1
        return 0
    try:
        return app.exec()
    finally:
        launcher.close()


__all__ = ["run_app", "choose_database", "ensure_demo"]
