"""Backups: a consistent copy of the whole database, and the app's rotating start-up backups."""

from __future__ import annotations

from pathlib import Path

from kanwa_review.services.base import ServiceBase
from kanwa_review.services.output_files import writing
from kanwa_review.store.backup import KEEP_BACKUPS, backup_to, rotate_backup


class BackupOps(ServiceBase):
    def backup(self, dest: str | Path) -> Path:
        """Copy the database (WAL included) to `dest`, which must not exist yet."""
        with writing(dest) as path:
            return backup_to(self.database, path)

    def rotate_backup(self, folder: str | Path | None = None, keep: int = KEEP_BACKUPS) -> Path:
        """A time-stamped backup in `folder` (default: the app's backups folder), keeping the
        newest `keep`."""
        if folder is None:
            from kanwa_review import paths

            folder = paths.backups_dir()
        return rotate_backup(self.database, folder, keep)
