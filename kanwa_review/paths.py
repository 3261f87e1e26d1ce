"""Where the app keeps its files: the platform's app-data folder unless --db says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "kanwa-review"


def data_dir() -> Path:
    """%LOCALAPPDATA%\\kanwa-review on Windows, ~/Library/Application Support/kanwa-review on
    macOS, ~/.local/share/kanwa-review on Linux. KANWA_REVIEW_HOME overrides (tests, portable)."""
    override = os.environ.get("KANWA_REVIEW_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def default_db_path() -> Path:
    return data_dir() / "kanwa-review.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def backups_dir() -> Path:
    return data_dir() / "backups"

