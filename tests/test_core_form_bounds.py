"""core/form_bounds.py and the answers, scores and times that must never overflow (issue 12):
finite numbers in range in a form, a version written as text, the text policy; the bounds of
an answer typed in the app or read from a file; figures that cannot be computed are None."""

from __future__ import annotations

import pytest
import yaml

from kanwa_review.core import form_bounds as FB
from kanwa_review.core.form import FormError, load_form, parse_form
from kanwa_review.core.pdca import action_from_dict, clean_fields, parse_timestamp
from kanwa_review.core.review import (
    Answer, AnswerError, TeamMember, normalise_answer, normalise_value, percentage,
)
from kanwa_review.core.scoring import score_review
from tests.conftest import DATA

MINI = DATA / "forms" / "mini.yaml"


def test_a_well_formed_form_has_no_bound_problem():
    assert FB.problems(yaml.safe_load(MINI.read_text(encoding="utf-8"))) == []
    assert FB.problems({}) == [] and FB.problems([]) == [] and FB.problems("x") == []
    assert FB.problems({"version": "2026.10"}) == []


@pytest.mark.parametrize("value, shown", [(2026.1, "2026.1"), (3, "3"), (True, "True"),
                                          (None, "None")])
def test_a_version_that_is_not_text_is_refused_with_the_fix(value, shown):
    [(path, message)] = FB.problems({"version": value})
    assert path == ("version",)
    assert message == (f"version は文字列で書いてください（{shown} と読まれました）。"
                       "引用符がないと数値として読まれ、2026.10 は 2026.1 になります。"
                       "引用符で囲んでください（例: version: \"2026.10\"）")


@pytest.mark.parametrize("key, ok, bad", [
    ("weight", [0.5, 100, 1], [100.5, 1e308, -1]),
    ("points", [0, 100, 3], [101, 1e308, -0.5]),
    ("min", [-10 ** 12, 10 ** 12], [10 ** 12 + 1, -10 ** 13]),
    ("max", [0], [1e300]), ("value", [95.5], [-1e13]),
    ("at_least", [50], [1e20]), ("at_most", [50], [-1e20]),
])
def test_numbers_of_each_key_within_their_range(key, ok, bad):
    low, high = FB.RANGES[key]
    for v in ok:
        assert FB.problems({"x": [{key: v}]}) == []
    for v in bad:
        [(path, message)] = FB.problems({"x": [{key: v}]})
        assert path == ("x", 0, key)
        assert message.startswith(f"{key}: ") and "以上" in message and "以下にしてください" in message


def test_any_other_number_is_finite_and_within_ten_to_the_fifteen():
    assert FB.problems({"n": 10 ** 15, "m": -10 ** 15}) == []
    assert FB.problems({"n": 10 ** 15 + 1}) == [
        (("n",), "n: -1,000,000,000,000,000 以上 1,000,000,000,000,000 以下にしてください")]
    assert FB.problems({"n": float("nan")}) == [
        (("n",), "n: 有限の数値ではありません（NaN・無限大は使えません）")]
    assert FB.problems([float("inf")]) == [((0,), "値: 有限の数値ではありません（NaN・無限大は使えません）")]
    assert FB.problems({"flag": True, "none": None}) == []


def test_a_number_written_as_text_is_bounded_as_the_number_the_model_makes_of_it():
    assert FB.problems({"weight": "2"}) == []
    assert FB.problems({"weight": "1e308"}) == [
        (("weight",), "weight: 0 以上 100 以下にしてください")]
    assert FB.problems({"weight": ".nan"}) == []        # not a number: the model says so
    assert FB.problems({"weight": "nan"}) == [
        (("weight",), "weight: 有限の数値ではありません（NaN・無限大は使えません）")]
    assert FB.problems({"label": "1e308"}) == []        # text where text belongs


def test_text_and_keys_obey_the_text_policy():
    assert FB.problems({"text": {"ja": "一行目\n二行目"}}) == []
    assert FB.problems({"text": {"ja": "架空\x1b"}}) == [
        (("text", "ja"), "制御文字 U+001B（3 文字目）は使えません")]
    assert FB.problems({"a\u202eb": 1}) == [
        (("a\u202eb",), "文字の向きを変える制御文字 U+202E（2 文字目）は使えません")]
    assert FB.problems({"k" * 201: 1})[0][1] == "201 文字あります。200 文字以内にしてください"
    assert FB.problems({"ok": ["x", "y\u200b"]}) == []    # free text may hold a ZWSP
    assert FB.problems({1: "x"}) == []


def test_the_loader_reports_each_bound_with_its_line():
    text = MINI.read_text(encoding="utf-8").replace("weight: 2", "weight: 1e308").replace(
        'version: "1"', "version: 2026.10")
    with pytest.raises(FormError) as err:
        parse_form(text, "f.yaml")
    problems = [str(p) for p in err.value.problems]
    assert "f.yaml:30 [A-2]: weight: 0 以上 100 以下にしてください" in problems
    assert any(p.startswith("f.yaml:4: version は文字列で書いてください（2026.1 と読まれました）")
               for p in problems)


def test_a_fifo_is_not_read_as_a_form(tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "form.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FormError) as err:
        load_form(fifo)
    assert str(err.value) == f"{fifo}: 通常のファイルではありません（名前付きパイプや装置など）。ファイルを指定してください"


# --- answers, figures and times -------------------------------------------------------------

@pytest.fixture(scope="module")
def mini():
    return load_form(MINI)


def test_answers_within_the_bounds(mini):
    b2 = mini.item("B-2")
    assert normalise_value(b2, 10 ** 12) == 10 ** 12
    for v in (10 ** 12 + 1, 10 ** 400, -10 ** 400):
        with pytest.raises(AnswerError) as err:
            normalise_value(b2, v)
        assert str(err.value) == "B-2: 値が大きすぎます。1,000,000,000,000 以内の数値を入力してください"
    b1 = mini.item("B-1")
    assert normalise_value(b1, {"numerator": 10 ** 7, "denominator": 10 ** 7}) == \
        {"numerator": 10 ** 7, "denominator": 10 ** 7}
    with pytest.raises(AnswerError) as err:
        normalise_value(b1, {"numerator": 1, "denominator": 10 ** 7 + 1})
    assert str(err.value) == "B-1: 分母は 10,000,000 以下にしてください"
    with pytest.raises(AnswerError) as err:
        normalise_value(b1, {"numerator": 10 ** 400, "denominator": 10 ** 400})
    assert str(err.value) == "B-1: 分子は 10,000,000 以下にしてください"
    b5 = mini.item("B-5")
    assert normalise_value(b5, "1900-01-01") == "1900-01-01"
    assert normalise_value(b5, "2100-12-31") == "2100-12-31"
    for v in ("1899-12-31", "2101-01-01", "0001-01-01"):
        with pytest.raises(AnswerError) as err:
            normalise_value(b5, v)
        assert str(err.value) == "B-5: 1900-01-01 から 2100-12-31 までの日付を入力してください"


def test_text_typed_in_the_app_is_cleaned_to_the_policy(mini):
    a = normalise_answer(mini, Answer("A-1", rating="A", evidence="規程\x00\u202e\n二行目",
                                      comment="か\u3099", period="2025\n年度"))
    assert (a.evidence, a.comment) == ("規程\n二行目", "が")
    a = normalise_answer(mini, Answer("B-1", value={"numerator": 1, "denominator": 2},
                                      period="2025\n年度\u200b"))
    assert a.period == "2025年度"
    assert normalise_value(mini.item("A-4"), "ツール\x1b名") == "ツール名"
    m = TeamMember("山田\u200b花子\n", "leader", "physician", "架空\x00病院")
    assert (m.name, m.affiliation) == ("山田花子", "架空病院")
    with pytest.raises(ValueError):
        TeamMember("\u200b\x00", "member")                     # nothing left: no name
    fields = clean_fields({"title": "計画\x1bを作る\n二行目", "owner_name": "架空\n次郎",
                           "success_measure": "承認\u202e"})
    assert fields == {"title": "計画を作る\n二行目", "owner_name": "架空次郎",
                      "success_measure": "承認"}


def test_a_rate_that_cannot_be_computed_is_none():
    assert percentage({"numerator": 45, "denominator": 60}) == 75.0
    assert percentage({"numerator": 10 ** 400, "denominator": 10 ** 400}) == 100.0
    assert percentage({"numerator": 10 ** 400, "denominator": 1}) is None     # overflow
    assert percentage({"numerator": "1", "denominator": 2}) is None            # not a figure
    assert percentage({"numerator": 1, "denominator": 0}) is None
    assert percentage({"numerator": 0, "denominator": 3}) == 0.0


def test_a_score_that_is_not_finite_is_none(mini):
    text = MINI.read_text(encoding="utf-8").replace("weight: 2", "weight: 1e308")
    from unittest import mock

    with mock.patch.object(FB, "problems", lambda data: []):   # a form held from before
        heavy = parse_form(text, "heavy.yaml")
    answers = {"A-1": Answer("A-1", rating="A"), "A-2": Answer("A-2", rating="B")}
    scores = score_review(heavy, answers)
    section = scores.section("A")
    assert section.rated == 2 and section.achievement is None
    assert scores.overall.achievement is None
    assert score_review(mini, answers).section("A").achievement == pytest.approx(77.8)


def test_a_time_that_overflows_is_a_value_error():
    with pytest.raises(ValueError) as err:
        parse_timestamp("0001-01-01T00:00:00+09:00")
    assert str(err.value) == ("日時 '0001-01-01T00:00:00+09:00' は範囲外です")
    with pytest.raises(ValueError, match="範囲外"):
        parse_timestamp("9999-12-31T23:59:59-09:00")
    assert parse_timestamp("0001-01-02T00:00:00+09:00").year == 1
    with pytest.raises(ValueError, match="範囲外"):
        action_from_dict({"uuid": "5f0c7d1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f", "title": "x",
                          "created_at": "0001-01-01T00:00:00+09:00"})


def test_a_number_out_of_range_is_worded_under_the_form_context(echo_catalog):
    from kanwa_review.core import form_bounds

    [(path, message)] = list(form_bounds.problems(
        {"scales": [{"options": [{"code": "A", "points": -3}]}]}))
    assert path == ("scales", 0, "options", 0, "points")
    assert message.startswith("[form] points: [bounds] ")
