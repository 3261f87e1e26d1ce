"""A database in a cloud-synced folder or on a network drive (WAL is unsafe there): the warning
the app and the command line give when such a file is opened, and the local working copy the
app offers instead. The detection itself is core/file_places.py; here the system is asked
whether a drive is a network drive."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kanwa_review.core.file_places import as_path, place_kind, place_warning

DRIVE_REMOTE = 4   # GetDriveTypeW: a network (mapped) drive
# Linux file systems that live on another machine (/proc/mounts); macOS is not asked
NETWORK_FILE_SYSTEMS = frozenset({"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs",
                                  "afpfs", "9p", "davfs", "fuse.rclone"})


@dataclass(frozen=True)
class PlaceWarning:
    """A database file in an unsafe place: which kind (core/file_places.KINDS) and the text."""

    path: Path
    kind: str
    message: str


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if not drive or drive.startswith(("\\\\", "//")):
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def _mount_is_remote(path: Path, mounts: str) -> bool:
    """Whether the longest mount point above `path` in /proc/mounts is a network file system."""
    best, fs = "", ""
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, fs = point, fields[2]
    return fs in NETWORK_FILE_SYSTEMS


def drive_is_remote(path: Path) -> bool:
    """Asks the system; False where it cannot tell (never an error)."""
    try:
        if sys.platform == "win32":
            return _windows_drive_is_remote(path)
        if sys.platform.startswith("linux"):
            return _mount_is_remote(path, Path("/proc/mounts").read_text(encoding="utf-8"))
    except (OSError, ValueError, AttributeError):
        pass
    return False


def local_folder() -> Path:
    """Where the local working copy goes: the app's own data folder on this computer."""
    from kanwa_review import paths

    return paths.data_dir()


class FilePlaceOps:
    """Mixin of `Services` (no database needed)."""

    @staticmethod
    def database_place_warning(path: str | os.PathLike) -> PlaceWarning | None:
        """The warning for a database at `path` in a cloud-synced folder or on a network
        drive; None for an ordinary local folder (and for the app's own data folder)."""
        full = Path(path).expanduser()
        try:
            full = full.resolve()
        except OSError:
            pass
        local = local_folder()
        if local in full.parents:
            return None
        kind = place_kind(as_path(str(full)), remote_drive=drive_is_remote(full))
        if kind is None:
            return None
        return PlaceWarning(full, kind, place_warning(full, kind, local))

    @staticmethod
    def copy_database_to_local(path: str | os.PathLike) -> Path:
        """A consistent copy of the database at `path` in the local data folder (a new name when
        one of that name is there already), to work on instead of the synced file."""
        from kanwa_review.store.backup import backup_to
        from kanwa_review.store.database import open_database

        source = Path(path).expanduser()
        folder = local_folder()
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / source.name
        n = 2
        while dest.exists():
            dest = folder / f"{source.stem}-{n}{source.suffix}"
            n += 1
        database = open_database(source, create=False, readonly=True, migrate_to=0)
        try:
            return backup_to(database, dest)
        finally:
            database.close()


__all__ = ["FilePlaceOps", "PlaceWarning", "drive_is_remote", "local_folder"]
