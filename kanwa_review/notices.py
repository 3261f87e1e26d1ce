"""The third-party notices file (THIRD-PARTY-NOTICES.txt): where it is and which components it
lists, for the About dialog. Written at build time by packaging/notices.py in this format:

    ==============================================================================
    Component: reportlab
    Version: 4.5.1
    License: BSD-3-Clause
    Home: https://www.reportlab.com/
    ------------------------------------------------------------------------------
    (the licence text)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
SEPARATOR = "=" * 78   # starts a component
RULE = "-" * 78        # ends its header, starts its licence text


class Notice(NamedTuple):
    component: str
    version: str
    licence: str


def notices_path() -> Path | None:
    """The notices file of this installation: inside a PyInstaller bundle, else the copy at the
    top of a source checkout; None when neither exists (e.g. a plain `pip install`)."""
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)))
    candidates.append(Path(__file__).resolve().parent.parent)
    for folder in candidates:
        if (folder / NOTICES_FILE).is_file():
            return folder / NOTICES_FILE
    return None


def parse(text: str) -> list[Notice]:
    """Every component block of a notices file, in file order."""
    out: list[Notice] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].rstrip() != SEPARATOR:
            i += 1
            continue
        fields: dict[str, str] = {}
        i += 1
        while i < len(lines) and lines[i].rstrip() not in (RULE, SEPARATOR):
            key, sep, value = lines[i].partition(":")
            if sep:
                fields.setdefault(key.strip().lower(), value.strip())
            i += 1
        if "component" in fields:
            out.append(Notice(fields["component"], fields.get("version", ""),
                              fields.get("license", "")))
    return out


def read_notices(path: str | Path | None = None) -> list[Notice]:
    """(component, version, licence) of every component in the notices file; [] without one."""
    path = notices_path() if path is None else Path(path)
    if path is None or not path.is_file():
        return []
    return parse(path.read_text(encoding="utf-8"))


__all__ = ["Notice", "NOTICES_FILE", "notices_path", "parse", "read_notices"]
