"""The ranges a value read from a file may take (counts, figures, weights, points, dates, times),
checks that can neither overflow nor let NaN through, and what a file must be before it is
opened. The JSON Schemas state the same numbers (docs/submission-format.md, "Bounds")."""

from __future__ import annotations

import math
import os
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from kanwa_review.core.i18n import translate

# Dates and times a file may carry: a review, an action or a note is made this century.
YEAR_MIN, YEAR_MAX = 2000, 2100
# A date answered for a checklist item (e.g. when a team was set up) may lie further back.
ANSWER_DATE_MIN, ANSWER_DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)
MAX_OFFSET = timedelta(hours=14)           # the widest UTC offset in use (Kiribati)

MAX_COUNT = 10_000_000          # a numerator, a denominator: patients, cases, staff
MAX_FIGURE = 10 ** 12            # a number answered (a count, days, yen), a form's bounds
MAX_WEIGHT = 100                # an item's weight in the score
MAX_POINTS = 100                # the points of a grade
MAX_INT_DIGITS = 15             # beyond this no real value, and no float holds it exactly


class OutOfBounds(ValueError):
    """A value outside its range; the message names the rule."""


# --- numbers --------------------------------------------------------------------------------

def number_problem(value: object, low: float, high: float, *, integer: bool = False
                   ) -> str | None:
    """Why `value` is not a finite number in [low, high] (a whole number if `integer`), or
    None. Safe for any value: a 400-digit int, NaN, a bool, a text."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return translate("bounds", "数値ではありません")
    if isinstance(value, float) and not math.isfinite(value):
        return translate("bounds", "有限の数値ではありません（NaN・無限大は使えません）")
    if integer and isinstance(value, float) and not value.is_integer():
        return translate("bounds", "整数ではありません")
    if not low <= value <= high:     # int and float compare exactly, whatever the size
        return translate("bounds", "{low} 以上 {high} 以下にしてください").format(
            low=_figure(low), high=_figure(high))
    return None


def _figure(value: float) -> str:
    """1,000,000,000,000 rather than 1e+12; 0.5 as 0.5."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def check_number(value: object, low: float, high: float, *, integer: bool = False) -> None:
    problem = number_problem(value, low, high, integer=integer)
    if problem is not None:
        raise OutOfBounds(problem)


def json_float(text: str) -> float:
    """`parse_float` for json.loads: 1e400 is read as infinity by Python; refuse it."""
    value = float(text)
    if not math.isfinite(value):
        raise OutOfBounds(translate("bounds", "数値 {text} は大きすぎます").format(text=text[:40]))
    return value


def json_int(text: str) -> int:
    """`parse_int` for json.loads: a whole number of more than MAX_INT_DIGITS digits is no
    count, figure or size of this app."""
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise OutOfBounds(translate("bounds", "数値 {text}… は桁数が多すぎます（{n} 桁まで）").format(
            text=text[:20], n=MAX_INT_DIGITS))
    return int(text)


def finite_or_none(value: float | None) -> float | None:
    """A computed figure, or None when it is not finite (nothing to show)."""
    if value is None or not math.isfinite(value):
        return None
    return value


# --- dates and times ------------------------------------------------------------------------

def _year_problem(year: int) -> str | None:
    if YEAR_MIN <= year <= YEAR_MAX:
        return None
    return translate("bounds", "{low} 年から {high} 年までの日付にしてください").format(
        low=YEAR_MIN, high=YEAR_MAX)


def parse_date(text: object, low: date | None = None, high: date | None = None) -> date:
    """A YYYY-MM-DD date within [low, high] (default: YEAR_MIN–YEAR_MAX); OutOfBounds
    otherwise."""
    if not isinstance(text, str) or len(text) != 10:
        raise OutOfBounds(translate("bounds", "日付は 2025-11-20 のように YYYY-MM-DD で書いてください"))
    try:
        d = date.fromisoformat(text)
    except ValueError:
        raise OutOfBounds(translate("bounds", "{text} は暦にない日付です").format(text=text)) from None
    low = low or date(YEAR_MIN, 1, 1)
    high = high or date(YEAR_MAX, 12, 31)
    if not low <= d <= high:
        raise OutOfBounds(translate("bounds", "{low} から {high} までの日付にしてください").format(
            low=low.isoformat(), high=high.isoformat()))
    return d


def parse_timestamp(text: object) -> datetime:
    """An ISO 8601 date and time with a UTC offset, as an aware UTC datetime, within
    YEAR_MIN–YEAR_MAX both as written and in UTC; OutOfBounds otherwise (never an
    OverflowError: the year is checked before the time is moved to UTC)."""
    if not isinstance(text, str) or not 19 <= len(text) <= 40:
        raise OutOfBounds(translate("bounds", "日時は 2025-11-20T09:30:00+09:00 の形で書いてください"))
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise OutOfBounds(translate("bounds", "{text} は暦にない日時です").format(text=text)) from None
    if dt.tzinfo is None:
        raise OutOfBounds(translate("bounds", "日時に時差（+09:00 など）がありません"))
    offset = dt.utcoffset()
    if offset is None or abs(offset) > MAX_OFFSET:
        raise OutOfBounds(translate("bounds", "時差は ±14:00 以内にしてください"))
    problem = _year_problem(dt.year)
    if problem is not None:
        raise OutOfBounds(problem)
    utc = dt.astimezone(timezone.utc)   # safe: 2000–2100 ± 14 h stays far inside datetime
    problem = _year_problem(utc.year)
    if problem is not None:
        raise OutOfBounds(problem)
    return utc


def timestamp_problem(text: object) -> str | None:
    try:
        parse_timestamp(text)
    except OutOfBounds as exc:
        return str(exc)
    return None


def date_problem(text: object, low: date | None = None, high: date | None = None) -> str | None:
    try:
        parse_date(text, low, high)
    except OutOfBounds as exc:
        return str(exc)
    return None


# --- files ----------------------------------------------------------------------------------

def regular_file_problem(path: str | os.PathLike) -> str | None:
    """Why `path` cannot be read as a file — missing, a folder, or not a regular file (a FIFO
    or a device would block or never end) — decided from `stat`, before anything is opened;
    None for a regular file."""
    try:
        mode = os.stat(Path(path)).st_mode
    except FileNotFoundError:
        return translate("bounds", "ファイルが見つかりません。名前と場所を確認してください")
    except OSError as exc:
        return translate("bounds", "ファイルを確認できません（{reason}）").format(
            reason=exc.strerror or type(exc).__name__)
    except ValueError:   # a NUL in the name
        return translate("bounds", "ファイル名に使えない文字（NUL）があります")
    if stat.S_ISDIR(mode):
        return translate("bounds", "フォルダです。ファイルを指定してください")
    if not stat.S_ISREG(mode):
        return translate("bounds", "通常のファイルではありません（名前付きパイプや装置など）。"
                                   "ファイルを指定してください")
    return None


__all__ = ["YEAR_MIN", "YEAR_MAX", "ANSWER_DATE_MIN", "ANSWER_DATE_MAX", "MAX_COUNT",
           "MAX_FIGURE", "MAX_WEIGHT", "MAX_POINTS", "MAX_INT_DIGITS", "OutOfBounds",
           "number_problem", "check_number", "json_float", "json_int", "finite_or_none",
           "parse_date", "parse_timestamp", "timestamp_problem", "date_problem",
           "regular_file_problem"]
