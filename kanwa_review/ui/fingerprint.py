"""A key's fingerprint shown to be read aloud on the phone: its groups of four large, apart and
numbered, so two people can compare them group by group (core.trust makes the fingerprint)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel


def fingerprint_groups(fingerprint: str) -> list[str]:
    return [g for g in fingerprint.split("-") if g]


def fingerprint_label(fingerprint: str) -> QLabel:
    """The fingerprint as 「1 ABCD　2 EFGH　…」 in a large fixed-width font, selectable."""
    groups = fingerprint_groups(fingerprint)
    cells = "".join(f"<td align='center' style='padding: 0 10px'><small>{n}</small><br>"
                    f"<b>{g}</b></td>" for n, g in enumerate(groups, 1))
    label = QLabel(f"<table><tr>{cells}</tr></table>")
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), QFont().pointSizeF()) * 1.5)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setAccessibleName(" ".join(groups))   # a screen reader says the groups one by one
    return label


__all__ = ["fingerprint_groups", "fingerprint_label"]
