"""Reading the period typed beside a figure: the last day it covers, for every way of writing a
day, a month, a year or a fiscal year, and None for anything that cannot be read for sure.
(The usual examples are in test_core_form_content.py.)"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanwa_review.core.periods import period_end
from tests.core_support import PROPERTY

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
MONTHS = st.integers(1, 12)
YEARS = st.integers(1990, 2100)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@PROPERTY
@given(DAYS)
def test_a_day_ends_on_itself_however_it_is_written(d):
    for text in (d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}.{d.month:02}.{d.day}",
                 f"{d.year}年{d.month}月{d.day}日", f"基準日 {d.isoformat()}",
                 f"基準日：{d.year}年{d.month}月{d.day}日", f"{d.isoformat()}時点",
                 f"{d.year}年{d.month}月{d.day}日 現在"):
        assert period_end(text) == d, text


@PROPERTY
@given(YEARS, MONTHS)
def test_a_month_ends_on_its_last_day(year, month):
    end = month_end(year, month)
    for text in (f"{year}年{month}月", f"{year}-{month:02}", f"{year}/{month}"):
        assert period_end(text) == end, text


@PROPERTY
@given(YEARS)
def test_a_year_ends_on_31_december_and_a_fiscal_year_on_31_march_after(year):
    assert period_end(f"{year}年") == period_end(str(year)) == date(year, 12, 31)
    assert period_end(f"{year}年度") == date(year + 1, 3, 31)


@PROPERTY
@given(DAYS, st.integers(0, 800))
def test_a_range_ends_where_its_end_does(start, length):
    end = start + timedelta(days=length)
    for sep in ("〜", "~", "～", " - ", " から ", "から", " to "):
        assert period_end(f"{start.isoformat()}{sep}{end.isoformat()}") == end, sep


@pytest.mark.parametrize("month", range(1, 13))
def test_an_end_month_without_its_year_follows_the_start(month):
    # a fiscal year starts in April: January to March of the end are in the next year
    fiscal_end = month_end(2025 if month >= 4 else 2026, month)
    assert period_end(f"2025年度〜{month}月") == fiscal_end
    # a calendar year starts in January: every month is in that year
    assert period_end(f"2025年〜{month}月") == month_end(2025, month)
    # a start month: the end month, in that year unless it comes before the start
    assert period_end(f"2025年{month}月〜{month}月") == month_end(2025, month)
    assert period_end(f"2025年7月〜{month}月") == month_end(2025 if month >= 7 else 2026, month)
    assert period_end(f"2025/7〜{month}") is None              # a bare number: day or month?


@pytest.mark.parametrize("text, end", [
    ("令和元年度", date(2020, 3, 31)), ("平成元年度", date(1990, 3, 31)),
    ("令和元年5月〜9月", date(2019, 9, 30)), ("平成31年4月", date(2019, 4, 30)),
    ("令和7年", date(2025, 12, 31)), ("令和 7年", None), ("昭和60年", None),
    ("令和6年2月", date(2024, 2, 29)), ("2100年2月", date(2100, 2, 28)),
    ("2025年1月", date(2025, 1, 31)), ("2025年12月", date(2025, 12, 31)),
])
def test_era_years_leap_years_and_the_first_and_last_month(text, end):
    assert period_end(text) == end


@pytest.mark.parametrize("text", [
    None, "", "   ", "4月", "9月30日", "2025年0月", "2025年13月", "2025年4月〜13月",
    "2025-02-29", "2025年4月31日", "2025年〜2026年〜2027年", "〜2025年", "2025年〜",
    "2025年度上半期", "25年", "2025年4月頃", "４月〜９月",
])
def test_what_cannot_be_read_for_sure_gives_none(text):
    assert period_end(text) is None
