"""Keyboard rating (評価のキー操作): which scale option a key stands for.

Digits 1, 2, … pick the scored options in scale order (A–D on the usual scale), 0 picks the
unscored option (N/A), and a letter picks the option whose code starts with it (A–D, N for
N/A). Yes/no items take Y/N or 1/2; choice items take 1… in list order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from kanwa_review.core.form import Scale

CLEAR = object()  # the key clears the answer (Delete / Backspace)

# plain ints: comparing PySide enums costs ~10 µs each, and this runs on every keystroke
_DIGITS = {getattr(Qt, f"Key_{d}").value: d for d in range(10)}
_KEY_A, _KEY_Z = Qt.Key_A.value, Qt.Key_Z.value
_CLEAR_KEYS = (Qt.Key_Delete.value, Qt.Key_Backspace.value)
_IGNORED_MODS = Qt.KeypadModifier.value | Qt.ShiftModifier.value


def _plain(event: QKeyEvent) -> bool:
    return event.modifiers().value & ~_IGNORED_MODS == 0


def digit_of(event: QKeyEvent) -> int | None:
    return _DIGITS.get(event.key()) if _plain(event) else None


def letter_of(event: QKeyEvent) -> str | None:
    key = event.key()
    if not (_KEY_A <= key <= _KEY_Z) or not _plain(event):
        return None
    return chr(key)


def is_shifted_letter(event: QKeyEvent) -> bool:
    """Shift+A…Z (no other modifier): the self-assessment keys on a rating item."""
    return (letter_of(event) is not None
            and event.modifiers().value & Qt.ShiftModifier.value != 0)


def is_clear(event: QKeyEvent) -> bool:
    return event.key() in _CLEAR_KEYS and _plain(event)


def rating_for_key(scale: Scale, event: QKeyEvent):
    """The option code the key stands for, CLEAR, or None when the key is not a rating key."""
    if is_clear(event):
        return CLEAR
    scored = [o.code for o in scale.options if o.points is not None]
    unscored = [o.code for o in scale.options if o.points is None]
    digit = digit_of(event)
    if digit is not None:
        if digit == 0:
            return unscored[0] if unscored else None
        return scored[digit - 1] if digit <= len(scored) else None
    letter = letter_of(event)
    if letter is not None:
        exact = [c for c in scale.codes if c == letter]
        if exact:
            return exact[0]
        starting = [c for c in scale.codes if c.startswith(letter)]
        return starting[0] if len(starting) == 1 else None
    return None


def yes_no_for_key(event: QKeyEvent):
    if is_clear(event):
        return CLEAR
    digit, letter = digit_of(event), letter_of(event)
    if digit == 1 or letter == "Y":
        return True
    if digit == 2 or letter == "N":
        return False
    return None


def choice_for_key(codes: list[str], event: QKeyEvent):
    if is_clear(event):
        return CLEAR
    digit = digit_of(event)
    if digit is not None and 1 <= digit <= len(codes):
        return codes[digit - 1]
    return None


def key_name(event: QKeyEvent) -> str:
    """How a key reads in a message: 0, 7, A, Shift+A, Delete."""
    if is_clear(event):
        return "Delete" if event.key() == Qt.Key_Delete.value else "Backspace"
    digit, letter = digit_of(event), letter_of(event)
    if digit is not None:
        return str(digit)
    if letter is not None:
        return f"Shift+{letter}" if event.modifiers().value & Qt.ShiftModifier.value else letter
    return event.text()


def is_answer_key(event: QKeyEvent) -> bool:
    """A digit, a letter (P, the previous visit's answer, excepted) or Delete: a key that
    answers some item, so on an item it does not answer it must say so, not vanish."""
    if is_clear(event) or digit_of(event) is not None:
        return True
    letter = letter_of(event)
    return letter is not None and not (letter == "P" and not event.modifiers().value)
