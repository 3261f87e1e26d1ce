"""core.dates: Japanese fiscal years and era dates, exact at every era's first day and checked
for every day from the first day of Shōwa to the end of 2100."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanwa_review.core.dates import (
    FIRST_DATE, LAST_DATE, date_note, fiscal_year, fiscal_year_label, fiscal_year_text,
    parse_date_text, wareki,
)
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


# --- typed dates (parse_date_text), the one way to write a fiscal year, the date note -------

@pytest.mark.parametrize("text, expected", [
    ("2023-11-15", date(2023, 11, 15)),
    ("2023-1-5", date(2023, 1, 5)),
    ("20231115", date(2023, 11, 15)),
    ("2023/11/15", date(2023, 11, 15)),
    ("2023.11.15", date(2023, 11, 15)),
    ("2023年11月15日", date(2023, 11, 15)),
    ("2023年11月15", date(2023, 11, 15)),
    ("  2023-11-15\t", date(2023, 11, 15)),
    ("２０２３－１１－１５", date(2023, 11, 15)),          # full-width from an input method
    ("2023 / 11 / 15", date(2023, 11, 15)),
    ("R5.11.15", date(2023, 11, 15)),
    ("r5.11.15", date(2023, 11, 15)),
    ("R05/11/15", date(2023, 11, 15)),
    ("R5-11-15", date(2023, 11, 15)),
    ("Ｒ５．１１．１５", date(2023, 11, 15)),
    ("令和5年11月15日", date(2023, 11, 15)),
    ("令和5年11月15", date(2023, 11, 15)),
    ("R5年11月15日", date(2023, 11, 15)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("R1.5.1", date(2019, 5, 1)),
    ("H31.4.30", date(2019, 4, 30)),
    ("平成31年4月30日", date(2019, 4, 30)),
    ("平成元年1月8日", date(1989, 1, 8)),
    ("H1.1.8", date(1989, 1, 8)),
    ("h30.12.1", date(2018, 12, 1)),
    ("S64.1.7", date(1989, 1, 7)),
    ("昭和64年1月7日", date(1989, 1, 7)),
    ("昭和元年12月25日", date(1926, 12, 25)),
    ("S50.4.1", date(1975, 4, 1)),
    ("2100-12-31", date(2100, 12, 31)),
    ("1926-12-25", date(1926, 12, 25)),
    ("2024-02-29", date(2024, 2, 29)),
])
def test_typed_dates_are_read(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_an_empty_text_is_no_date(text):
    assert parse_date_text(text) is None


@pytest.mark.parametrize("text, message", [
    ("2023-02-30", "「2023-02-30」: 2023年2月30日という日付はありません。月と日を確かめてください"),
    ("20231315", "「20231315」: 2023年13月15日という日付はありません。月と日を確かめてください"),
    ("2023-11-00", "「2023-11-00」: 2023年11月0日という日付はありません。月と日を確かめてください"),
    ("2023-02-29", "「2023-02-29」: 2023年2月29日という日付はありません。月と日を確かめてください"),
    ("R5.2.30", "「R5.2.30」: 2023年2月30日という日付はありません。月と日を確かめてください"),
    ("1926-12-24", "「1926-12-24」: 1926年12月25日（昭和元年）から2100年12月31日までの日付を"
                   "入力してください"),
    ("2101-01-01", "「2101-01-01」: 1926年12月25日（昭和元年）から2100年12月31日までの日付を"
                   "入力してください"),
    ("H31.5.1", "「H31.5.1」: 平成は1989年1月8日から2019年4月30日までです。年を確かめてください"),
    ("平成32年1月1日", "「平成32年1月1日」: 平成は1989年1月8日から2019年4月30日までです。"
                      "年を確かめてください"),
    ("令和元年4月30日", "「令和元年4月30日」: 令和は2019年5月1日から2100年12月31日までです。"
                       "年を確かめてください"),
    ("R0.6.1", "「R0.6.1」: 令和は2019年5月1日から2100年12月31日までです。年を確かめてください"),
    ("H1.1.7", "「H1.1.7」: 平成は1989年1月8日から2019年4月30日までです。年を確かめてください"),
    ("S64.1.8", "「S64.1.8」: 昭和は1926年12月25日から1989年1月7日までです。年を確かめてください"),
    ("S1.12.24", "「S1.12.24」: 1926年12月25日（昭和元年）から2100年12月31日までの日付を"
                 "入力してください"),
])
def test_impossible_dates_say_why(text, message):
    with pytest.raises(ValueError) as err:
        parse_date_text(text)
    assert str(err.value) == message


@pytest.mark.parametrize("text", [
    "abc", "2023-11/15", "2023-11", "231115", "2023111", "202311155", "11/15/2023",
    "T5.11.15", "R5.11", "令和5年", "2023年11月15日日", "X2023-11-15", "2023-11-15X",
    "R123.1.1", "2023-111-1", "2023-1-111", "R5.11.15.1",
])
def test_unreadable_texts_show_the_forms_taken(text):
    with pytest.raises(ValueError) as err:
        parse_date_text(text)
    assert str(err.value) == (
        f"「{text}」は日付として読めません。2023-11-15、20231115、2023/11/15、R5.11.15、"
        "令和5年11月15日 のように入力してください")


def _era_parts(d: date) -> tuple[str, int]:
    era, _back = parse_wareki(wareki(d))
    return era, d.year - ERA_FIRST_YEAR[era] + 1


_WRITERS = {
    "iso": lambda d: d.isoformat(),
    "compact": lambda d: f"{d:%Y%m%d}",
    "slash": lambda d: f"{d.year}/{d.month}/{d.day}",
    "dots": lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
    "kanji": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "wareki": wareki,
    "letter": lambda d: "{}{}.{}.{}".format({"令和": "R", "平成": "H", "昭和": "S"}[_era_parts(d)[0]],
                                           _era_parts(d)[1], d.month, d.day),
    "full-width": lambda d: d.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
}


@PROPERTY
@given(d=st.dates(FIRST_DAY, LAST_DAY), how=st.sampled_from(sorted(_WRITERS)))
def test_every_way_of_writing_a_date_reads_back(d, how):
    assert parse_date_text(_WRITERS[how](d)) == d


def test_era_letters_read_back_on_every_era_boundary():
    for d in (date(1926, 12, 25), date(1989, 1, 7), date(1989, 1, 8), date(2019, 4, 30),
              date(2019, 5, 1), date(2100, 12, 31)):
        for how in ("wareki", "letter"):
            assert parse_date_text(_WRITERS[how](d)) == d


@pytest.mark.parametrize("fy, text", [
    (2026, "令和8年度（2026年度）"), (2019, "令和元年度（2019年度）"), (2018, "平成30年度（2018年度）"),
    (1989, "平成元年度（1989年度）"),
])
def test_one_way_to_write_a_fiscal_year(fy, text):
    assert fiscal_year_text(fy) == text


@pytest.mark.parametrize("d, text", [
    (date(2023, 11, 13), "令和5年11月13日（月）"), (date(2023, 11, 14), "令和5年11月14日（火）"),
    (date(2023, 11, 15), "令和5年11月15日（水）"), (date(2023, 11, 16), "令和5年11月16日（木）"),
    (date(2023, 11, 17), "令和5年11月17日（金）"), (date(2023, 11, 18), "令和5年11月18日（土）"),
    (date(2023, 11, 19), "令和5年11月19日（日）"),
])
def test_the_date_note_gives_era_and_weekday(d, text):
    assert date_note(d) == text


def test_the_field_takes_the_dates_that_have_an_era():
    assert (FIRST_DATE, LAST_DATE) == (date(1926, 12, 25), date(2100, 12, 31))


@pytest.mark.parametrize("text, message", [
    ("2024-02-30", "“2024-02-30”: there is no date 2024-2-30. Check the month and the day"),
    ("1900-01-01", "“1900-01-01”: enter a date from 25 December 1926 (Shōwa 1) to 31 December "
                   "2100"),
    ("H32.1.1", "“H32.1.1”: 平成 runs from 1989年1月8日 to 2019年4月30日. Check the year"),
    ("abc", "“abc” cannot be read as a date. Type it as 2023-11-15, 20231115, 2023/11/15, "
            "R5.11.15 or 令和5年11月15日"),
])
def test_a_refused_date_is_explained_in_english_too(monkeypatch, text, message):
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    with pytest.raises(ValueError) as refused:
        parse_date_text(text)
    assert str(refused.value) == message
