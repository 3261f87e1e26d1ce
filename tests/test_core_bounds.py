"""core/bounds.py: ranges of numbers, dates and times read from files, checked without overflow
and without letting NaN through; what a file must be before it is opened (issue 12)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest

from kanwa_review.core import bounds as B


def test_the_numbers_the_schemas_state():
    assert (B.YEAR_MIN, B.YEAR_MAX) == (2000, 2100)
    assert (B.ANSWER_DATE_MIN, B.ANSWER_DATE_MAX) == (date(1900, 1, 1), date(2100, 12, 31))
    assert B.MAX_COUNT == 10_000_000 and B.MAX_FIGURE == 10 ** 12
    assert (B.MAX_WEIGHT, B.MAX_POINTS, B.MAX_INT_DIGITS) == (100, 100, 15)
    assert B.MAX_OFFSET.total_seconds() == 14 * 3600


@pytest.mark.parametrize("value, low, high, integer, expected", [
    (5, 0, 10, False, None), (0, 0, 10, False, None), (10, 0, 10, False, None),
    (-1, 0, 10, False, "0 以上 10 以下にしてください"),
    (11, 0, 10, False, "0 以上 10 以下にしてください"),
    (10 ** 400, -10 ** 12, 10 ** 12, False,
     "-1,000,000,000,000 以上 1,000,000,000,000 以下にしてください"),
    (-10 ** 400, 0, 1, False, "0 以上 1 以下にしてください"),
    (0.25, 0.5, 2.5, False, "0.5 以上 2.5 以下にしてください"),
    (2.5, 0.5, 2.5, False, None),
    (True, 0, 10, False, "数値ではありません"), ("1", 0, 10, False, "数値ではありません"),
    (None, 0, 10, False, "数値ではありません"), ([1], 0, 10, False, "数値ではありません"),
    (float("nan"), 0, 10, False, "有限の数値ではありません（NaN・無限大は使えません）"),
    (float("inf"), 0, 10, False, "有限の数値ではありません（NaN・無限大は使えません）"),
    (float("-inf"), 0, 10, False, "有限の数値ではありません（NaN・無限大は使えません）"),
    (1.5, 0, 10, True, "整数ではありません"), (2.0, 0, 10, True, None), (2, 0, 10, True, None),
    (1.5, 0, 10, False, None),
])
def test_number_problem(value, low, high, integer, expected):
    assert B.number_problem(value, low, high, integer=integer) == expected


def test_check_number_raises_the_problem():
    B.check_number(3, 0, 5)
    with pytest.raises(B.OutOfBounds, match="^0 以上 5 以下にしてください$"):
        B.check_number(6, 0, 5)
    with pytest.raises(B.OutOfBounds, match="整数ではありません"):
        B.check_number(2.5, 0, 5, integer=True)
    assert issubclass(B.OutOfBounds, ValueError)


def test_json_numbers_that_no_value_of_the_app_can_be():
    assert B.json_float("1.5") == 1.5 and B.json_float("-2e3") == -2000.0
    assert B.json_float("1e308") == 1e308
    with pytest.raises(B.OutOfBounds) as err:
        B.json_float("1e400")
    assert str(err.value) == "数値 1e400 は大きすぎます"
    with pytest.raises(B.OutOfBounds, match="数値 -1e400 は大きすぎます"):
        B.json_float("-1e400")
    with pytest.raises(B.OutOfBounds) as err:
        B.json_float("9" * 50 + "e400")
    assert str(err.value) == f"数値 {'9' * 40} は大きすぎます"
    assert B.json_int("123") == 123 and B.json_int("-" + "9" * 15) == -int("9" * 15)
    assert B.json_int("9" * 15) == int("9" * 15)
    with pytest.raises(B.OutOfBounds) as err:
        B.json_int("1" * 16)
    assert str(err.value) == f"数値 {'1' * 16}… は桁数が多すぎます（15 桁まで）"
    with pytest.raises(B.OutOfBounds) as err:
        B.json_int("12345678901234567890123")
    assert str(err.value) == "数値 12345678901234567890… は桁数が多すぎます（15 桁まで）"


def test_finite_or_none():
    assert B.finite_or_none(None) is None
    assert B.finite_or_none(float("nan")) is None
    assert B.finite_or_none(float("inf")) is None and B.finite_or_none(float("-inf")) is None
    assert B.finite_or_none(1.5) == 1.5 and B.finite_or_none(0.0) == 0.0


def test_dates_within_the_years_and_the_calendar():
    assert B.parse_date("2025-11-20") == date(2025, 11, 20)
    assert B.parse_date("2000-01-01") == date(2000, 1, 1)
    assert B.parse_date("2100-12-31") == date(2100, 12, 31)
    for bad, message in [
        ("1999-12-31", "2000-01-01 から 2100-12-31 までの日付にしてください"),
        ("2101-01-01", "2000-01-01 から 2100-12-31 までの日付にしてください"),
        ("2025-02-30", "2025-02-30 は暦にない日付です"),
        ("2025-11-2", "日付は 2025-11-20 のように YYYY-MM-DD で書いてください"),
        (20251120, "日付は 2025-11-20 のように YYYY-MM-DD で書いてください"),
        ("2025-11-200", "日付は 2025-11-20 のように YYYY-MM-DD で書いてください"),
    ]:
        with pytest.raises(B.OutOfBounds) as err:
            B.parse_date(bad)
        assert str(err.value) == message
        assert B.date_problem(bad) == message
    assert B.date_problem("2025-11-20") is None
    assert B.parse_date("1950-01-01", date(1900, 1, 1), date(1999, 12, 31)) == date(1950, 1, 1)
    assert B.date_problem("1899-12-31", date(1900, 1, 1), date(1999, 12, 31)) == \
        "1900-01-01 から 1999-12-31 までの日付にしてください"
    assert B.date_problem("2000-01-01", date(1900, 1, 1), date(1999, 12, 31)) == \
        "1900-01-01 から 1999-12-31 までの日付にしてください"


def test_times_are_read_without_overflow():
    assert B.parse_timestamp("2025-11-20T09:30:00+09:00") == datetime(2025, 11, 20, 0, 30,
                                                                      tzinfo=UTC)
    assert B.parse_timestamp("2025-11-20T00:00:00.120Z").microsecond == 120000
    assert B.parse_timestamp("2025-11-20T00:00:00+14:00").day == 19
    assert B.parse_timestamp("2025-11-20T00:00:00-14:00").hour == 14
    assert B.parse_timestamp("2000-01-01T00:00:00Z").year == 2000
    assert B.parse_timestamp("2100-12-31T23:59:59+00:00").year == 2100
    years = "2000 年から 2100 年までの日付にしてください"
    for bad, message in [
        ("0001-01-01T00:00:00+09:00", years),       # OverflowError before issue 12
        ("9999-12-31T23:59:59-09:00", years),
        ("2000-01-01T00:00:00+09:00", years),       # 1999 in UTC
        ("2100-12-31T20:00:00-05:00", years),       # 2101 in UTC
        ("1999-12-31T23:00:00-02:00", years),
        ("2025-11-20T09:30:00", "日時に時差（+09:00 など）がありません"),
        ("2025-11-20T09:30:00+15:00", "時差は ±14:00 以内にしてください"),
        ("2025-11-20T09:30:00-14:01", "時差は ±14:00 以内にしてください"),
        ("2025-13-01T00:00:00Z", "2025-13-01T00:00:00Z は暦にない日時です"),
        ("2025-11-20", "日時は 2025-11-20T09:30:00+09:00 の形で書いてください"),
        ("x" * 41, "日時は 2025-11-20T09:30:00+09:00 の形で書いてください"),
        ("x" * 40, f"{'x' * 40} は暦にない日時です"),
        ("2025-11-20T09:30:0", "日時は 2025-11-20T09:30:00+09:00 の形で書いてください"),
        (None, "日時は 2025-11-20T09:30:00+09:00 の形で書いてください"),
    ]:
        with pytest.raises(B.OutOfBounds) as err:
            B.parse_timestamp(bad)
        assert str(err.value) == message, bad
        assert B.timestamp_problem(bad) == message
    assert B.timestamp_problem("2025-11-20T09:30:00+14:00") is None


def test_only_a_regular_file_may_be_opened(tmp_path):
    f = tmp_path / "a.json"
    f.write_text("{}")
    assert B.regular_file_problem(f) is None
    assert B.regular_file_problem(tmp_path / "missing.json") == \
        "ファイルが見つかりません。名前と場所を確認してください"
    assert B.regular_file_problem(tmp_path) == "フォルダです。ファイルを指定してください"
    assert B.regular_file_problem(str(tmp_path / "a\x00b")) == "ファイル名に使えない文字（NUL）があります"
    long = tmp_path / ("x" * 5000)
    assert B.regular_file_problem(long).startswith("ファイルを確認できません（")
    assert B.regular_file_problem(long) == "ファイルを確認できません（File name too long）"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        assert B.regular_file_problem(fifo) == ("通常のファイルではありません（名前付きパイプや装置など）。"
                                                "ファイルを指定してください")
