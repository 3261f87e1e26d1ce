"""Start the desktop app: choose the database, open it safely, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from kanwa_review import paths
from kanwa_review.core import i18n, resources


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


# what install_translations changed, so a second call (or a test) can undo it: the
# QTranslators it installed and the default QLocale before the first call
_installed: dict = {"translators": [], "locale": None}


def qt_translations_dir() -> Path:
    """Where Qt keeps its own catalogs (qtbase_ja.qm: standard buttons, file and print dialogs).
    QLibraryInfo knows, in a venv and in the PyInstaller bundle alike; PySide6's own folder is
    the fallback for an install whose qt.conf points elsewhere."""
    from PySide6.QtCore import QLibraryInfo

    found = Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))
    if any(found.glob("qtbase_*.qm")):
        return found
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "translations"


def install_translations(app, choice: str | None = None) -> str:
    """Make the process speak one language: `choice` ('ja' / 'en'), else KANWA_LANG, else the
    system locale, Japanese when unsure (core.i18n.set_language). Sets core.i18n's language (the
    messages of services, core and reports), Qt's default locale (calendars, numbers), and
    installs our widgets' catalog (kanwa_review_<lang>.qm; none for Japanese, the source) and
    Qt's own (qtbase_<lang>.qm, so OK / キャンセル / 閉じる and Qt's dialogs speak it too).
    Calling it again replaces what an earlier call installed. Returns the language."""
    from PySide6.QtCore import QLocale, QTranslator

    remove_translations(app)
    lang = i18n.set_language(choice)
    _installed["locale"] = QLocale()
    system = QLocale.system()   # an English UI in en_GB keeps British dates
    QLocale.setDefault(system if system.language() == QLocale(lang).language() else QLocale(lang))
    catalogs = [] if lang == i18n.SOURCE_LANGUAGE else [
        resources.translation_path(f"kanwa_review_{lang}.qm")]
    catalogs.append(qt_translations_dir() / f"qtbase_{lang}.qm")
    for path in catalogs:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed["translators"].append(translator)
        else:
            translator.deleteLater()
            if path.name.startswith("kanwa_review"):  # a broken install: the widgets show
                print(i18n.translate(                  # their Japanese source; say why
                    "App", "{file} を読み込めません。").format(file=path), file=sys.stderr)
    return lang


def remove_translations(app) -> None:
    """Undo install_translations: its translators out, the default locale back (tests; the app
    itself installs once)."""
    from PySide6.QtCore import QLocale

    while _installed["translators"]:
        translator = _installed["translators"].pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if _installed["locale"] is not None:
        QLocale.setDefault(_installed["locale"])
        _installed["locale"] = None


def run_app(db: str | None = None, demo: bool = False, argv: list[str] | None = None,
            lang: str | None = None) -> int:
    """The desktop app. `lang`: the language of this start (`--lang`), else the one chosen in
    表示 ▸ 言語, else KANWA_LANG, else the system's."""
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
    from kanwa_review.ui import gc_guard

    gc_guard.install(app)   # cycles are collected on the UI thread, between events
    install_app_font(app)
    apply_style(app)
    app.setWindowIcon(QIcon(str(resources.app_icon_path())))
    settings = AppSettings()
    install_translations(app, lang or settings.language())
    first = choose_database(db, demo, settings.last_db())
    # The composition root: the launcher opens the database (Services) and shows the window
    # over it; File ▸ 新規 / 開く / デモ later switch files through it.
    launcher = Launcher(settings)
    explicit = bool(db or demo)
    if not launcher.start(*(first or (None, "open")), ask_if_failed=not explicit):
        launcher.close()
        if explicit:
            print(i18n.translate("cli", "エラー: {message}").format(
                message=i18n.translate("App", "{file} を開けません。").format(file=first[0])),
                file=sys.stderr)
            return 1
        return 0
    try:
        return app.exec()
    finally:
        launcher.close()


__all__ = ["run_app", "choose_database", "ensure_demo", "install_translations",
           "remove_translations", "qt_translations_dir"]
