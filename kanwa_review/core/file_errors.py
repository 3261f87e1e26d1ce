"""Why an output file could not be written, in words a person can act on: held open by another
app (Excel, a PDF viewer), read-only, or a folder that refuses new files.

Every writer writes a temporary file beside its output and renames it over the output at the
end (os.replace): when that fails nothing is half-written, and this module says why."""

from __future__ import annotations

import stat
from pathlib import PurePath

from kanwa_review.core.i18n import translate

# Windows: ERROR_SHARING_VIOLATION (another process has the file open), ERROR_LOCK_VIOLATION
# (part of it is locked). Python raises them as PermissionError or a plain OSError.
IN_USE_WINERRORS = frozenset({32, 33})


class OutputFileError(ValueError):
    """An output file could not be written for a reason the person can fix; the message names
    the file and the fix. A ValueError: the CLI's guard (exit 1) and the UI's one error path
    show it as it is."""

    def __init__(self, message: str, path: str | PurePath):
        super().__init__(message)
        self.path = str(path)


def is_read_only(mode: int) -> bool:
    """A file whose mode has no owner write bit (on Windows: the read-only attribute)."""
    return not mode & stat.S_IWUSR


def in_use(path: str | PurePath) -> OutputFileError:
    name = PurePath(path).name
    return OutputFileError(translate(
        "files", "{file} は他のアプリで開かれています。Excel や PDF ビューアーなどで {name} を"
                 "閉じてからもう一度実行してください（書きかけのファイルは残していません）"
    ).format(file=path, name=name), path)


def read_only(path: str | PurePath) -> OutputFileError:
    return OutputFileError(translate(
        "files", "{file} は読み取り専用のため上書きできません。別のファイル名で保存するか、"
                 "ファイルのプロパティで読み取り専用を外してからもう一度実行してください"
    ).format(file=path), path)


def folder_refuses(path: str | PurePath) -> OutputFileError:
    return OutputFileError(translate(
        "files", "{folder}: このフォルダには書き込めません。別の場所を選んでください"
    ).format(folder=PurePath(path).parent), path)


def output_problem(exc: BaseException, path: str | PurePath, *,
                   folder_writable: bool) -> OutputFileError | None:
    """The person's error for `exc`, met while writing `path`; None when it is none of these
    (a full disk, a vanished drive: the caller's general message). A sharing violation is the
    file held open; a permission refusal is the folder when new files cannot be made there,
    else the file itself (held open by Excel or a viewer on Windows)."""
    if not isinstance(exc, OSError):
        return None
    if getattr(exc, "winerror", None) in IN_USE_WINERRORS:
        return in_use(path)
    if isinstance(exc, PermissionError):
        return in_use(path) if folder_writable else folder_refuses(path)
    return None


__all__ = ["IN_USE_WINERRORS", "OutputFileError", "folder_refuses", "in_use",
           "is_read_only", "output_problem", "read_only"]
