"""Start the desktop app: choose the database, open it safely, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from kanwa_review import paths
from kanwa_review.core import i18n, resources


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
    if path.is_file():
        return
    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.services import Services

    path.parent.mkdir(parents=True, exist_ok=True)
    with Services.open(path, create=True, actor="demo") as services:
        services.add_demo_data(load_form(default_form_path()), facilities=12, years=3)


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
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.store.backup import rotate_backup
    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.settings import AppSettings, open_settings

    QCoreApplication.setOrganizationName("kanwa-review")
    QCoreApplication.setApplicationName("kanwa-review")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    install_app_font(app)
    app.setWindowIcon(QIcon(str(resources.app_icon_path())))
    settings = open_settings()
    install_translations(app, lang or AppSettings(settings).language())
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
        QMessageBox.critical(None, "kanwa-review", QCoreApplication.translate(
            "App", "データベースを開けません。\n{error}").format(error=exc))
        print(i18n.translate("cli", "エラー: {message}").format(message=exc), file=sys.stderr)
        return 1
    settings.setValue("last_db", str(path))

    from kanwa_review.ui.main_window import MainWindow

    # The composition root: the one database of the UI thread, and the services over it.
    window = MainWindow(Services(database), is_demo=is_demo, settings=settings)
    window.show()
    from kanwa_review.ui.dialogs.profile import ask_at_first_run

    ask_at_first_run(window)  # no person set yet: ask whom the audit trail should name
    window.restore_session()  # reopen the review that was open last time, at its last item
    try:
        return app.exec()
    finally:
        database.close()


__all__ = ["run_app", "choose_database", "ensure_demo", "install_translations",
           "remove_translations", "qt_translations_dir"]
