"""How screens word stored values that several of them show: a stored UTC time in the
computer's local time, and a review's state (下書き・確定)."""

from __future__ import annotations

from datetime import datetime

REVIEW_STATUS_WORDS = {"draft": "下書き", "final": "確定"}


def local_time(iso: str | None) -> str:
    """An ISO timestamp stored in UTC, shown in the computer's local time (minutes)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
