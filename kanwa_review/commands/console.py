"""Console output that never fails on a legacy code page (cp932, ASCII), never lets text from a
file act on the terminal (escape sequences, bidirectional controls), and JSON lines that stay
valid JSON whatever the console's encoding."""

from __future__ import annotations

import codecs
import json
import sys
from contextlib import contextmanager

from kanwa_review.core.text_policy import for_terminal, refused_character

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


class _TerminalSafe:
    """A text stream that writes every character a terminal would act on as a visible escape
    (core.text_policy.for_terminal): a facility name holding ESC [2J from a file cannot clear
    the operator's screen, an RLO cannot reverse a line. Everything else is the stream's own."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(for_terminal(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_streams():
    """stdout and stderr guarded by _TerminalSafe while a command runs (every line any command
    prints, today's and tomorrow's), put back afterwards."""
    saved = sys.stdout, sys.stderr
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, _TerminalSafe):
            setattr(sys, name, _TerminalSafe(stream))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _escape_for_json(text: str) -> str:
    """A JSON text with the characters json.dumps leaves raw (C1 controls, bidirectional and
    invisible format characters, lone surrogates) written as \\uXXXX escapes: the same data,
    and nothing a terminal acts on."""
    if text.isascii():
        return text
    return "".join(f"\\u{ord(ch):04x}" if refused_character(ch, "line") is not None else ch
                   for ch in text)


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
    print(_escape_for_json(json.dumps(value, ensure_ascii=not encodes_unicode())), flush=True)


__all__ = ["make_safe", "encodes_unicode", "print_json", "terminal_safe_streams"]
