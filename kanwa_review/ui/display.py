"""How screens word stored values that several of them show: a stored UTC time in the
computer's local time, and a review's state (下書き・確定)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# marked for the catalog (context ReviewStatus); review_status_word() shows them translated
REVIEW_STATUS_WORDS = {"draft": QT_TRANSLATE_NOOP("ReviewStatus", "下書き"),
                       "final": QT_TRANSLATE_NOOP("ReviewStatus", "確定")}


def review_status_word(status: str) -> str:
    """A review's state in the reader's language (下書き / draft); an unknown one as stored."""
    word = REVIEW_STATUS_WORDS.get(status)
    return status if word is None else QCoreApplication.translate("ReviewStatus", word)


def local_time(iso: str | None) -> str:
    """An ISO timestamp stored in UTC, shown in the computer's local time (minutes)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
