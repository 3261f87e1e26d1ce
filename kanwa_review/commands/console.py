"""Console output that never fails on a legacy code page (cp932, ASCII), and JSON lines that stay
valid JSON whatever the console's encoding."""

from __future__ import annotations

import codecs
import json
import sys

_UNICODE_CODECS = {"utf-8", "utf-16", "utf-32", "utf-8-sig", "utf-16-le", "utf-16-be",
                   "utf-32-le", "utf-32-be"}


def make_safe() -> None:
    """Called once at CLI start. A Windows console or pipe on a legacy code page (cp932), or
    PYTHONIOENCODING=ascii, cannot encode every character the app prints (a facility name in
    rare kanji, an emoji in a comment): human text is then written with replacement characters
    rather than ending the command with a UnicodeEncodeError half-way through its output."""
    for stream in (sys.stdout, sys.stderr):
        # None under a windowed (no console) Windows executable; not a TextIOWrapper when
        # something (a test harness) replaced it: leave those alone.
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def encodes_unicode(stream=None) -> bool:
    """True when `stream` (stdout) writes any character as itself (a UTF encoding)."""
    stream = sys.stdout if stream is None else stream
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name in _UNICODE_CODECS
    except LookupError:
        return False


def print_json(value) -> None:
    """One JSON document on one line of stdout.

    On a UTF-8 stdout the text is written as it is (readable Japanese). Otherwise every
    non-ASCII character is written as a \\uXXXX escape: the line is then plain ASCII, so it is
    the same valid JSON, with the same data, whatever encoding the reader assumes (cp932,
    UTF-8 or ASCII) — nothing is replaced or lost."""
    print(json.dumps(value, ensure_ascii=not encodes_unicode()), flush=True)


__all__ = ["make_safe", "encodes_unicode", "print_json"]
