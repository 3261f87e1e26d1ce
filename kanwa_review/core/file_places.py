"""Is a database file in a place where SQLite's write-ahead log is unsafe: a folder a cloud
service synchronises (OneDrive, Dropbox, Box, Google Drive, iCloud Drive) or a network share?

Pure: the path is read as text (a Windows path as PureWindowsPath, so tests run anywhere);
whether a drive letter is a mapped network drive is asked of the system by the caller
(services/file_places.py) and passed in."""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath, PureWindowsPath

from kanwa_review.core.i18n import translate

ONEDRIVE = "onedrive"
DROPBOX = "dropbox"
BOX = "box"
GOOGLE_DRIVE = "google_drive"
ICLOUD = "icloud"
NETWORK = "network"
KINDS = (ONEDRIVE, DROPBOX, BOX, GOOGLE_DRIVE, ICLOUD, NETWORK)

# How the sync clients name their folders (compared without case), on Windows and macOS
# (~/Library/CloudStorage/<Service>-<account>): "OneDrive", "OneDrive - 架空病院",
# "OneDrive-Personal"; "Dropbox", "Dropbox (架空病院)"; "Box", "Box Sync", "Box-Box";
# "Google Drive", "GoogleDrive-name@example.jp", Google Drive's own drive "G:\My Drive";
# "iCloud Drive", "iCloudDrive", "~/Library/Mobile Documents".
_PREFIXES = (
    (ONEDRIVE, ("onedrive",)),
    (DROPBOX, ("dropbox",)),
    (BOX, ("box sync", "box-")),
    (GOOGLE_DRIVE, ("google drive", "googledrive")),
    (ICLOUD, ("icloud drive", "iclouddrive", "mobile documents")),
)
_EXACT = {"box": BOX, "my drive": GOOGLE_DRIVE, "マイドライブ": GOOGLE_DRIVE}


def as_path(path: str | PurePath) -> PurePath:
    """A Windows path (drive letter or UNC share, or any backslash) as PureWindowsPath, anything
    else as PurePosixPath, whatever the system running this."""
    if isinstance(path, PurePath):
        return path
    text = str(path)
    if "\\" in text or (len(text) >= 2 and text[1] == ":" and text[0].isalpha()):
        return PureWindowsPath(text)
    return PurePosixPath(text)


def _folder_kind(name: str) -> str | None:
    low = name.strip().casefold()
    if low in _EXACT:
        return _EXACT[low]
    for kind, prefixes in _PREFIXES:
        if low.startswith(prefixes):
            return kind
    return None


def is_unc(path: str | PurePath) -> bool:
    r"""\\server\share\... (or //server/share/... written with slashes on Windows)."""
    p = as_path(path)
    # PureWindowsPath writes a UNC drive with backslashes however it was typed
    return isinstance(p, PureWindowsPath) and p.drive.startswith("\\\\")


def place_kind(path: str | PurePath, *, remote_drive: bool = False) -> str | None:
    """The kind of unsafe place `path` is in (one of KINDS), or None for an ordinary local
    folder. `remote_drive`: the system says the path's drive is a network drive."""
    p = as_path(path)
    if remote_drive or is_unc(p):
        return NETWORK
    # the file's own name is not a folder: "Dropbox.sqlite" is just a name
    for name in p.parts[:-1]:
        kind = _folder_kind(name)
        if kind is not None:
            return kind
    return None


def place_name(kind: str) -> str:
    return {
        ONEDRIVE: "OneDrive",
        DROPBOX: "Dropbox",
        BOX: "Box",
        GOOGLE_DRIVE: "Google Drive",
        ICLOUD: "iCloud Drive",
        NETWORK: translate("files", "ネットワークドライブ"),
    }[kind]


def place_warning(path: str | PurePath, kind: str, local_folder: str | PurePath) -> str:
    """What to tell the person (the app's warning, the command line's stderr); `local_folder`:
    the app's own data folder on this computer."""
    return translate(
        "files", "{file} は {place} の中にあります。同期やネットワークの途中で書き込むと"
                 "データベースが壊れることがあります。作業はパソコン内のフォルダ"
                 "（{local}）にコピーしたファイルで行い、提出ファイルやバックアップで"
                 "共有してください"
    ).format(file=path, place=place_name(kind), local=local_folder)


__all__ = ["BOX", "DROPBOX", "GOOGLE_DRIVE", "ICLOUD", "KINDS", "NETWORK", "ONEDRIVE",
           "as_path", "is_unc", "place_kind", "place_name", "place_warning"]
