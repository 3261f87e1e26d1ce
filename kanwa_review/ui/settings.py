"""What the app remembers between runs (QSettings): window geometry, the user's own last
database and the files used recently, the last review, and the folder each file dialog used.

The last open review is remembered per database file, so switching between the demo and one's
own database reopens the right review in each. The demo is never remembered as the database
to open next: the next start opens one's own file, or asks.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from kanwa_review import paths

ORGANISATION = APPLICATION = "kanwa-review"
RECENT_MAX = 8


def open_settings() -> QSettings:
    """The app's QSettings: an INI file in the portable data folder when the app runs portable
    (paths.settings_file), else the platform's own store. Every QSettings of the app is made
    here, so a portable copy never leaves settings in the registry of the laptop it ran on."""
    ini = paths.settings_file()
    if ini is not None:
        return QSettings(str(ini), QSettings.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def _db_key(db_path: str | Path) -> str:
    # QSettings keys must not contain path separators; a short hash is stable and safe.
    return hashlib.sha1(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]


class AppSettings:
    """A thin, typed view over QSettings. Tests pass their own (INI file) QSettings."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else open_settings()

    # --- window ---------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    # --- display language (表示 ▸ 言語; read at start-up by app.py) ---------------------------
    def language(self) -> str | None:
        """'ja' / 'en' as chosen, or None: follow the system (KANWA_LANG, the locale)."""
        value = self.q.value("language", "", type=str)
        return value or None

    def set_language(self, code: str | None) -> None:
        if code:
            self.q.setValue("language", code)
        else:
            self.q.remove("language")
        self.q.sync()

    # --- database and review ------------------------------------------------------------
    def last_db(self) -> str | None:
        return self.q.value("last_db", None, type=str) or None

    def set_last_db(self, path: str | Path) -> None:
        """The user's own database, opened next time (never the demo: see remember_db)."""
        self.q.setValue("last_db", str(path))

    def recent_dbs(self) -> list[str]:
        """The user's own database files, newest first, those that still exist."""
        value = self.q.value("recent_dbs", [], type=list) or []
        return [p for p in value if isinstance(p, str) and Path(p).is_file()]

    def remember_db(self, path: str | Path, *, demo: bool) -> None:
        """A database was opened: one's own becomes the last and the first of the recent
        files; the demo is never remembered as either."""
        if demo:
            return
        path = str(Path(path).resolve())
        self.set_last_db(path)
        recent = [p for p in self.recent_dbs() if p != path]
        self.q.setValue("recent_dbs", [path, *recent][:RECENT_MAX])
        self.q.sync()

    def forget_db(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.q.setValue("recent_dbs", [p for p in self.recent_dbs() if p != path])
        if self.last_db() and str(Path(self.last_db()).resolve()) == path:
            self.q.remove("last_db")

    def last_review(self, db_path: str | Path) -> str | None:
        return self.q.value(f"last_review/{_db_key(db_path)}", None, type=str) or None

    def set_last_review(self, db_path: str | Path, uuid: str | None) -> None:
        key = f"last_review/{_db_key(db_path)}"
        if uuid:
            self.q.setValue(key, uuid)
        else:
            self.q.remove(key)
        self.q.sync()  # written now: a crash right after opening must still reopen it

    def sync(self) -> None:
        self.q.sync()


# --- the folder each file dialog used last ------------------------------------------------

def start_folder(dialog: str) -> Path:
    """Where a file dialog opens: the folder it was last used in (per dialog: the export of
    packages and the import of workbooks each remember their own), else the home folder."""
    value = open_settings().value(f"folders/{dialog}", "", type=str)
    folder = Path(value) if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def start_path(dialog: str, name: str = "") -> str:
    """The path a save dialog proposes: the dialog's folder and the proposed file name."""
    folder = start_folder(dialog)
    return str(folder / name) if name else str(folder)


def remember_folder(dialog: str, chosen: str | Path) -> None:
    """The folder of a file just chosen (or the folder itself) for the dialog's next time."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = open_settings()
    settings.setValue(f"folders/{dialog}", str(folder))
    settings.sync()
