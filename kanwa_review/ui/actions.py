"""Menu actions made from the one table of commands and keys (core/shortcuts.py): the text with
its mnemonic, the keys (the platform's standard ones too) and the status tip come from there,
so the menus, ヘルプ ▸ キーボード操作 and the README never disagree."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kanwa_review.core.shortcuts import Shortcut, shortcut


def key_sequences(s: Shortcut) -> list[QKeySequence]:
    """The platform's keys for the entry's StandardKey, then the documented ones."""
    keys: list[QKeySequence] = []
    if s.standard:
        keys.extend(QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, s.standard)))
    if s.bound:
        for k in s.keys:
            seq = QKeySequence(k)
            if not seq.isEmpty() and seq not in keys:
                keys.append(seq)
    return keys


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and ellipsis: 「確定(&K)…」 → 「確定」."""
    return re.sub(r"\(&.\)", "", text).replace("&", "").rstrip("…")


def command(parent: QWidget, shortcut_id: str, slot: Callable | None = None, *,
            tip: str = "") -> QAction:
    """A QAction for one command of the table; `tip` (a longer status-bar text) when the
    table's short description is not enough."""
    s = shortcut(shortcut_id)
    action = QAction(s.text, parent)
    action.setObjectName(s.id)
    action.setIconText(plain_text(s.text))   # buttons: no mnemonic, no "…"
    action.setShortcuts(key_sequences(s))
    action.setStatusTip(tip or s.does)
    action.setToolTip(tip or s.does)
    if slot is not None:
        action.triggered.connect(slot)
    return action


__all__ = ["command", "key_sequences", "plain_text"]
