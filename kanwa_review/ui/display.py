"""How screens word stored times: a stored UTC time in the computer's local time. (The words
of core's codes — roles, statuses, categories — are ui/labels.py's.)"""

from __future__ import annotations

from datetime import datetime

def local_time(iso: str | None) -> str:
    """An ISO timestamp stored in UTC, shown in the computer's local time (minutes)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
