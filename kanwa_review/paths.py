"""Where the app keeps its files: the platform's app-data folder, a portable data/ folder beside
the executable, or what KANWA_REVIEW_HOME / --db say."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "kanwa-review"

# A file of this name beside the bundle's executable makes the app portable (README, "Portable").
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"
SETTINGS_FILE = "settings.ini"


def app_dir() -> Path | None:
    """The folder the installed app runs from: beside the executable of a frozen (PyInstaller)
    bundle, or beside the .app of a macOS app bundle. None when running from source: there the
    executable is a Python interpreter, and a marker beside it would make no sense."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if folder.name == "MacOS" and folder.parent.name == "Contents" \
            and folder.parent.parent.suffix == ".app":
        return folder.parent.parent.parent
    return folder


def portable_dir() -> Path | None:
    """The `data` folder beside the executable when `portable.txt` is there, else None."""
    base = app_dir()
    if base is not None and (base / PORTABLE_MARKER).is_file():
        return base / PORTABLE_DATA
    return None


def data_dir() -> Path:
    """%LOCALAPPDATA%\\kanwa-review on Windows, ~/Library/Application Support/kanwa-review on
    macOS, ~/.local/share/kanwa-review on Linux; `data` beside the executable in portable mode.
    KANWA_REVIEW_HOME overrides both (tests, scripted runs)."""
    override = os.environ.get("KANWA_REVIEW_HOME")
    if override:
        return Path(override)
    portable = portable_dir()
    if portable is not None:
        return portable
    return Path(platformdirs.user_data_dir(APP_NAME, False))


def settings_file() -> Path | None:
    """The INI file that holds the app's settings in portable mode; None otherwise (settings
    then live where the platform keeps them: the registry on Windows, a .plist on macOS,
    ~/.config on Linux). The only place that turns this into a QSettings is ui/settings.py."""
    portable = portable_dir()
    return portable / SETTINGS_FILE if portable is not None else None


def default_db_path() -> Path:
    return data_dir() / "kanwa-review.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def backups_dir() -> Path:
    return data_dir() / "backups"



def profile_file() -> Path:
    """Who uses this installation (name, profession, hospital): per installation, beside the
    database, so every database the person opens — and the command line — records the same
    person (docs/security.md, "Named person")."""
    return data_dir() / "profile.json"


def export_keys_file() -> Path:
    """Which key files this installation signs and encrypts its exports with (paths only; a
    passphrase is never stored)."""
    return data_dir() / "export-keys.json"


def logs_dir() -> Path:
    """The error log (logs/kanwa-review.log, rotated): an unexpected error while one input
    file was handled, with its traceback (services/incidents.py)."""
    return data_dir() / "logs"
