"""Fiscal years (年度, April–March), Japanese era dates (和暦) and typed dates: how a date is
read from what a person types and how dates and fiscal years are written everywhere."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta, timezone

from kanwa_review.core.i18n import translate

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


def fiscal_year_text(fy: int) -> str:
    """The one way a fiscal year is written on screens, in reports and workbooks:
    2026 → 令和8年度（2026年度）."""
    return f"{fiscal_year_label(fy)}（{fy}年度）"


_WEEKDAYS = "月火水木金土日"


def date_note(d: date) -> str:
    """What a date field shows beside a parsed date: 2023-11-15 → 令和5年11月15日（水）."""
    return f"{wareki(d)}（{_WEEKDAYS[d.weekday()]}）"


# --- typed dates -------------------------------------------------------------------------
# The dates a field accepts: the first day of Shōwa (so every date has an era to show beside
# it) to the end of 2100.
FIRST_DATE, LAST_DATE = date(1926, 12, 25), date(2100, 12, 31)
_ERA_NAMES = {"R": "令和", "H": "平成", "S": "昭和", "令和": "令和", "平成": "平成", "昭和": "昭和"}
_ERA_START = {name: start for start, name in _ERAS}
_ERA_END = {"昭和": date(1989, 1, 7), "平成": date(2019, 4, 30), "令和": LAST_DATE}
_GREGORIAN = (
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),                  # 20231115
    re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"),  # 2023-11-15
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?"),            # 2023年11月15日
)
_ERA = (
    re.compile(r"(?P<e>[RHS])(?P<n>\d{1,2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"),
    re.compile(r"(?P<e>令和|平成|昭和|[RHS])(?P<n>元|\d{1,2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?"),
)


def _kanji_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _normalised(text: str) -> str:
    # full-width digits and letters from a Japanese input method, spaces anywhere
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


def _checked(text: str, year: int, month: int, day: int) -> date:
    try:
        d = date(year, month, day)
    except ValueError:
        raise ValueError(translate(
            "dates", "「{text}」: {year}年{month}月{day}日という日付はありません。月と日を確かめて"
            "ください").format(text=text, year=year, month=month, day=day)) from None
    if not FIRST_DATE <= d <= LAST_DATE:
        raise ValueError(translate(
            "dates", "「{text}」: 1926年12月25日（昭和元年）から2100年12月31日までの日付を入力してく"
            "ださい").format(text=text))
    return d


def _era_date(text: str, era: str, n: int, month: int, day: int) -> date:
    start, end = _ERA_START[era], _ERA_END[era]
    d = _checked(text, start.year + n - 1, month, day)
    if not start <= d <= end:
        raise ValueError(translate(
            "dates", "「{text}」: {era}は{first}から{last}までです。年を確かめてください").format(
                text=text, era=era, first=_kanji_date(start), last=_kanji_date(end)))
    return d


def parse_date_text(text: str) -> date | None:
    """A date as a person types it: 2023-11-15, 20231115, 2023/11/15, 2023.11.15,
    2023年11月15日, R5.11.15 / R5/11/15, 令和5年11月15日 (元年 too; H/平成 and S/昭和 the same
    way), in full-width characters too. None for an empty text; ValueError with the reason
    (unreadable, a day that does not exist, a year outside its era or the dates the app
    takes)."""
    raw = text.strip()
    s = _normalised(raw)
    if not s:
        return None
    for pattern in _GREGORIAN:
        m = pattern.fullmatch(s)
        if m:
            return _checked(raw, int(m["y"]), int(m["m"]), int(m["d"]))
    for pattern in _ERA:
        m = pattern.fullmatch(s)
        if m:
            n = 1 if m["n"] == "元" else int(m["n"])
            return _era_date(raw, _ERA_NAMES[m["e"]], n, int(m["m"]), int(m["d"]))
    raise ValueError(translate(
        "dates", "「{text}」は日付として読めません。2023-11-15、20231115、2023/11/15、R5.11.15、"
        "令和5年11月15日 のように入力してください").format(text=raw))
