"""Consistent copies of a database through SQLite's online backup API, and rotation."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from kanwa_review.core.file_errors import IN_USE_WINERRORS
from kanwa_review.store.database import Database, StoreError
from kanwa_review.core.i18n import translate

KEEP_BACKUPS = 10


def backup_to(database: Database, dest: str | Path) -> Path:
    """Copy the whole database (WAL included) to `dest`, which must not exist yet."""
    dest = Path(dest).expanduser()
    if dest.exists():
        raise StoreError(translate(
            "store_backup", "{file}: 既にあります。バックアップには別のファイル名を指定してください"
        ).format(file=dest))
    if not dest.parent.is_dir():
        raise StoreError(translate(
            "store_backup", "{folder}: フォルダがありません。先に作ってください").format(folder=dest.parent))
    if dest.resolve() == database.path.resolve():
        raise StoreError(translate(
            "store_backup", "{file}: データベースそのものです。別のファイルを指定してください"
        ).format(file=dest))
    partial = dest.with_name(dest.name + ".partial")
    try:
        target = sqlite3.connect(str(partial))
        try:
            database.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
        partial.replace(dest)  # never leave a half-written file under the real name
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in IN_USE_WINERRORS:
            raise   # the services say which (core/file_errors.py)
        raise StoreError(translate(
            "store_backup", "{file}: バックアップに失敗しました（{reason}）。{database} は何も変更していません"
        ).format(file=dest, reason=type(exc).__name__, database=database.path)) from None
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(translate(
            "store_backup", "{file}: バックアップに失敗しました（{reason}）。{database} は何も変更していません"
        ).format(file=dest, reason=exc, database=database.path)) from None
    return dest


def rotate_backup(database: Database, folder: str | Path, keep: int = KEEP_BACKUPS) -> Path:
    """Write a time-stamped backup into `folder` and keep only the newest `keep`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_to(database, folder / f"{database.path.stem}-{stamp}.sqlite")
    olds = sorted(folder.glob(f"{database.path.stem}-*.sqlite"))
    for old in olds[:-keep]:
        old.unlink(missing_ok=True)
    return dest
