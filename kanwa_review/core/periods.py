"""Reading the period (対象期間) typed beside a figure: when does it end?

Periods are free text. Only the common, unambiguous ways of writing one are read — 2025年度,
2025年, 2025年4月〜9月, 2025年10月〜2026年3月, 令和7年4月〜9月, 2025-04-01〜2025-09-30,
基準日 2025-10-01, 2025年10月1日時点 — anything else gives None and is never flagged.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

_ERAS = {"令和": 2018, "平成": 1988}
_RANGE = re.compile(r"\s*[〜~～]\s*|\s+(?:-|–|から|to)\s+|から")
_AFFIXES = re.compile(r"^基準日[:：\s]*|\s*(?:時点|現在)$")

_FISCAL = re.compile(r"^(\d{4})年度$")
_YEAR = re.compile(r"^(\d{4})年?$")
# a day or a month: 2025年4月(1日), 4月(1日), 2025-04(-01), 2025/4(/1)
_DATES = (re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?$"),
          re.compile(r"^(\d{4})[/\-.](\d{1,2})(?:[/\-.](\d{1,2}))?$"))


def _ymd(part: str) -> tuple[int | None, int, int | None] | None:
    """(year or None, month, day or None) of a day or month as written, or None."""
    for pattern in _DATES:
        if m := pattern.fullmatch(part):
            return (int(m.group(1)) if m.group(1) else None, int(m.group(2)),
                    int(m.group(3)) if m.group(3) else None)
    return None


def _western(text: str) -> str:
    """Full-width digits to ASCII, Japanese era years to Western years (令和7年 → 2025年)."""
    text = unicodedata.normalize("NFKC", text).strip()

    def era(m: re.Match) -> str:
        n = 1 if m.group(2) == "元" else int(m.group(2))
        return f"{_ERAS[m.group(1)] + n}年"

    return re.sub(r"(令和|平成)(元|\d{1,2})年", era, text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _end_of(part: str, context_year: int | None, context_month: int | None) -> date | None:
    """The last day a period end written as `part` covers; a year left out is taken from the
    start of the range (and the next year when the month comes before the start month)."""
    if m := _FISCAL.fullmatch(part):
        return date(int(m.group(1)) + 1, 3, 31)
    if m := _YEAR.fullmatch(part):
        return date(int(m.group(1)), 12, 31)
    if (ymd := _ymd(part)) is None:
        return None
    written_year, month, day = ymd
    year = written_year if written_year is not None else context_year
    if year is None or not 1 <= month <= 12:
        return None
    if written_year is None and context_month is not None and month < context_month:
        year += 1
    if day is None:
        return _month_end(year, month)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _start_of(part: str) -> tuple[int | None, int | None]:
    """Year and month a period starts in (for an end written without its year)."""
    if m := _FISCAL.fullmatch(part):
        return int(m.group(1)), 4
    if m := _YEAR.fullmatch(part):
        return int(m.group(1)), 1
    if (ymd := _ymd(part)) is not None:
        return ymd[0], ymd[1]
    return None, None


def period_end(text: str | None) -> date | None:
    """The last day covered by a period as typed, or None when it cannot be read for sure."""
    if not text or not text.strip():
        return None
    text = _AFFIXES.sub("", _western(text)).strip()
    parts = [p for p in _RANGE.split(text) if p is not None]
    if len(parts) == 1:
        return _end_of(parts[0].strip(), None, None)
    if len(parts) != 2:
        return None
    start, end = parts[0].strip(), parts[1].strip()
    year, month = _start_of(start)
    if year is None:
        return None
    return _end_of(end, year, month)
