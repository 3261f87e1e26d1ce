"""What the app remembers between runs (QSettings): window geometry, last database, last review.

The last open review is remembered per database file, so switching between the demo and one's
own database reopens the right review in each.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from kanwa_review import paths

ORGANISATION = APPLICATION = "kanwa-review"


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
        self.q.setValue("last_db", str(path))

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
