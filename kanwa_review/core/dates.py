"""Fiscal years (年度, April–March) and Japanese era dates (和暦) for display and reports."""

from __future__ import annotations

from datetime import date, timedelta, timezone

JST = timezone(timedelta(hours=9))  # Japan: what a date typed or printed by a user means

# (first day, era name); newest first. Only eras a review date can plausibly fall in.
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"))


def fiscal_year(d: date) -> int:
    """The Japanese fiscal year a date falls in: 2025-04-01 … 2026-03-31 is FY2025."""
    return d.year if d.month >= 4 else d.year - 1


def _era(d: date) -> tuple[str, int]:
    for start, name in _ERAS:
        if d >= start:
            return name, d.year - start.year + 1
    raise ValueError(f"{d.isoformat()} is before the Shōwa era")


def _year_text(n: int) -> str:
    return "元" if n == 1 else str(n)


def wareki(d: date) -> str:
    """2025-11-20 → 令和7年11月20日 (first year written 元年)."""
    name, n = _era(d)
    return f"{name}{_year_text(n)}年{d.month}月{d.day}日"


def fiscal_year_label(fy: int) -> str:
    """2025 → 令和7年度 (the era of the fiscal year's first day)."""
    name, n = _era(date(fy, 4, 1)) if fy != 2019 else ("令和", 1)
    return f"{name}{_year_text(n)}年度"
