"""Long work (imports, reports, Excel): the progress callback type and the one cancel exception."""

from __future__ import annotations

from collections.abc import Callable

# progress(done, total, text) -> False asks the work to stop (the user pressed cancel)
Progress = Callable[[int, int, str], bool]


class Cancelled(Exception):
    """The progress callback asked to stop; what the work had not finished was not written."""


def tick(progress: Progress | None, done: int, total: int, text: str = "") -> None:
    """Report progress; raise Cancelled when the callback answers False."""
    if progress is not None and progress(done, total, text) is False:
        raise Cancelled()


__all__ = ["Progress", "Cancelled", "tick"]
