"""core.dates: Japanese fiscal years and era dates, exact at every era's first day and checked
for every day from the first day of Shōwa to the end of 2100."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanwa_review.core.dates import fiscal_year, fiscal_year_label, wareki
from tests.core_support import PROPERTY

FIRST_DAY = date(1926, 12, 25)                 # 昭和元年12月25日
LAST_DAY = date(2100, 12, 31)
ERA_FIRST_YEAR = {"昭和": 1926, "平成": 1989, "令和": 2019}
ERA_ORDER = ["昭和", "平成", "令和"]
_WAREKI = re.compile(r"^(昭和|平成|令和)(元|[1-9][0-9]*)年([1-9]|1[0-2])月([1-9]|[12][0-9]|3[01])日$")


def parse_wareki(text: str) -> tuple[str, date]:
    """The inverse of `wareki`, written independently here: (era, Gregorian date)."""
    m = _WAREKI.match(text)
    assert m, text
    era, year, month, day = m.groups()
    n = 1 if year == "元" else int(year)
    assert n != 1 or year == "元", f"the first year is written 元年: {text}"
    return era, date(ERA_FIRST_YEAR[era] + n - 1, int(month), int(day))


def every_day(first: date, last: date):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def test_era_dates_round_trip_for_every_day_from_1926_to_2100():
    era_seen = 0
    for d in every_day(FIRST_DAY, LAST_DAY):
        era, back = parse_wareki(wareki(d))
        assert back == d
        # eras follow each other and never come back
        index = ERA_ORDER.index(era)
        assert index in (era_seen, era_seen + 1), d
        era_seen = index
    assert era_seen == 2


@pytest.mark.parametrize("d, text", [
    (date(1926, 12, 25), "昭和元年12月25日"),
    (date(1926, 12, 31), "昭和元年12月31日"),
    (date(1927, 1, 1), "昭和2年1月1日"),
    (date(1989, 1, 7), "昭和64年1月7日"),
    (date(1989, 1, 8), "平成元年1月8日"),
    (date(1990, 1, 1), "平成2年1月1日"),
    (date(2019, 4, 30), "平成31年4月30日"),
    (date(2019, 5, 1), "令和元年5月1日"),
    (date(2020, 1, 1), "令和2年1月1日"),
    (date(2025, 11, 20), "令和7年11月20日"),
    (date(2100, 12, 31), "令和82年12月31日"),
])
def test_every_era_starts_on_its_first_day(d, text):
    assert wareki(d) == text


def test_dates_before_showa_are_refused():
    with pytest.raises(ValueError) as err:
        wareki(date(1926, 12, 24))
    assert str(err.value) == "1926-12-24 is before the Shōwa era"


@PROPERTY
@given(d=st.dates(FIRST_DAY, LAST_DAY))
def test_fiscal_year_starts_on_the_first_of_april(d):
    fy = fiscal_year(d)
    assert date(fy, 4, 1) <= d < date(fy + 1, 4, 1)


@pytest.mark.parametrize("d, fy", [
    (date(2025, 3, 31), 2024), (date(2025, 4, 1), 2025), (date(2025, 12, 31), 2025),
    (date(2026, 1, 1), 2025), (date(2026, 3, 31), 2025), (date(2026, 4, 1), 2026),
])
def test_fiscal_year_boundaries(d, fy):
    assert fiscal_year(d) == fy


@pytest.mark.parametrize("fy, label", [
    (1927, "昭和2年度"), (1988, "昭和63年度"), (1989, "平成元年度"), (1990, "平成2年度"),
    (2018, "平成30年度"), (2019, "令和元年度"), (2020, "令和2年度"), (2025, "令和7年度"),
    (2100, "令和82年度"),
])
def test_fiscal_year_labels_at_era_changes(fy, label):
    assert fiscal_year_label(fy) == label


def test_fiscal_year_label_names_the_era_of_the_years_first_day():
    for fy in range(1927, 2101):
        expected = wareki(date(fy, 4, 1)).split("年")[0] if fy != 2019 else "令和元"
        assert fiscal_year_label(fy) == f"{expected}年度"
    with pytest.raises(ValueError) as err:             # its first day, 1 April, is before
        fiscal_year_label(1926)
    assert str(err.value) == "1926-04-01 is before the Shōwa era"
