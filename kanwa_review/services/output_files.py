"""The one error path of every output file (workbook, PDF, package, form file, backup): a file held
open by another app, a read-only file or a folder that refuses new files becomes one clear
OutputFileError (core/file_errors.py), and nothing is half-written.

The writers in exchange/ and reports/ write a temporary file beside the output and rename it
over the output (os.replace); each services method that writes wraps that in `writing(out)`."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kanwa_review.core.file_errors import OutputFileError, is_read_only, output_problem, read_only


def folder_writable(folder: Path) -> bool:
    """A real probe (not os.access, which says yes to an administrator and knows nothing of
    network folders that refuse new files)."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".kanwa-probe-"):
            return True
    except OSError:
        return False


def refuse_read_only(out: Path) -> None:
    """Refuse to replace a read-only file, before any work: Windows refuses it at the end
    anyway, and other systems would silently replace it."""
    try:
        mode = os.stat(out).st_mode
    except OSError:
        return
    if os.path.isfile(out) and is_read_only(mode):
        raise read_only(out)


@contextmanager
def writing(out: str | os.PathLike) -> Iterator[Path]:
    """Around the writing of `out`: a read-only file is refused first; a permission refusal or
    Windows sharing violation becomes an OutputFileError naming `out` (the writer has removed
    its temporary file); any other error passes unchanged."""
    path = Path(out).expanduser()
    refuse_read_only(path)
    try:
        yield path
    except OutputFileError:
        raise
    except OSError as exc:
        problem = output_problem(exc, path, folder_writable=folder_writable(path.parent))
        if problem is None:
            raise
        raise problem from exc


__all__ = ["OutputFileError", "folder_writable", "refuse_read_only", "writing"]
