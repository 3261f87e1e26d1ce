"""The answer rules checklist 2026.2 added, at exact values: 「未集計」 (not collected) on the
percentage items that allow it, exclusive choices, and skip logic on figures, on the facility
category (also inside all/any) and with not_in — the skip-logic rule the package import now
applies too (issue 12)."""

from __future__ import annotations

import pytest

from kanwa_review.core import skiplogic
from kanwa_review.core.review import Answer, AnswerError, is_not_collected, normalise_value
from kanwa_review.core.skiplogic import relevant_items
from tests.core_support import answers, item, make_form

RATE = {"numerator": {"ja": "分子", "en": "n"}, "denominator": {"ja": "分母", "en": "d"}}
CHOICES = {"choices": [{"code": "a", "label": {"ja": "あ", "en": "a"}},
                       {"code": "b", "label": {"ja": "い", "en": "b"}},
                       {"code": "none", "label": {"ja": "実施していない", "en": "none"},
                        "exclusive": True}]}

FORM = make_form(
    ("A", [item("A-1", "percentage", allow_not_collected=True, **RATE),
           item("A-2", "percentage", **RATE),
           item("A-3", "multi_choice", **CHOICES),
           item("A-4", "integer"), item("A-5", "choice", **{"choices": CHOICES["choices"][:2]}),
           item("A-6", "yes_no")]),
    ("B", [item("B-1", "text", relevant_if={"item": "A-4", "at_least": 5}),
           item("B-2", "text", relevant_if={"item": "A-4", "at_most": 5}),
           item("B-3", "text", relevant_if={"item": "A-1", "at_least": 50}),
           item("B-4", "text", relevant_if={"item": "A-1", "at_most": 50}),
           item("B-5", "text", relevant_if={"item": "A-5", "not_in": ["a"]}),
           item("B-6", "text", relevant_if={"facility_category": ["prefectural"]}),
           item("B-7", "text", relevant_if={"all": [{"facility_category": ["prefectural"]},
                                                    {"item": "A-6", "equals": True}]}),
           item("B-8", "text", relevant_if={"any": [{"facility_category": ["specialised"]},
                                                    {"item": "A-6", "equals": False}]}),
           item("B-9", "text", relevant_if={"facility_category": ["regional"]})]),
    form_id="rules-test")
B_ITEMS = {f"B-{n}" for n in range(1, 10)}


def shown(category=None, **values) -> set[str]:
    given = answers(*(Answer(code.replace("_", "-"), value=v) for code, v in values.items()))
    return relevant_items(FORM, given, category) & B_ITEMS


def test_not_collected_only_where_the_form_allows_it_and_never_with_a_figure():
    a1, a2 = FORM.item("A-1"), FORM.item("A-2")
    assert normalise_value(a1, {"not_collected": True}) == {"not_collected": True}
    with pytest.raises(AnswerError) as err:
        normalise_value(a2, {"not_collected": True})
    assert str(err.value) == "A-2: この項目は「未集計」にできません。分子と分母を入力してください"
    for bad in ({"not_collected": True, "numerator": 1}, {"not_collected": False}):
        with pytest.raises(AnswerError) as err:
            normalise_value(a1, bad)
        assert str(err.value) == "A-1: 「未集計」のときは分子・分母を入力しません。どちらかにしてください"
    assert normalise_value(a1, {"numerator": 1, "denominator": 2}) == \
        {"numerator": 1, "denominator": 2}


def test_is_not_collected_means_exactly_true():
    assert is_not_collected({"not_collected": True})
    for value in ({"not_collected": False}, {"not_collected": 1}, {}, None, "not_collected",
                  {"numerator": 1}):
        assert not is_not_collected(value)


def test_an_exclusive_choice_stands_alone():
    a3 = FORM.item("A-3")
    assert normalise_value(a3, ["none"]) == ["none"]
    assert normalise_value(a3, ["b", "a"]) == ["a", "b"]
    for bad in (["a", "none"], ["none", "b"], ["a", "b", "none"]):
        with pytest.raises(AnswerError) as err:
            normalise_value(a3, bad)
        assert str(err.value) == ("A-3: 「実施していない」はほかの選択肢と同時には選べません。"
                                  "「実施していない」だけを選ぶか、「実施していない」を外してください")


def test_figure_tests_at_their_edges():
    assert {"B-1", "B-2"} <= shown(A_4=5)
    assert "B-1" in shown(A_4=6) and "B-2" not in shown(A_4=6)
    assert "B-1" not in shown(A_4=4) and "B-2" in shown(A_4=4)
    assert not {"B-1", "B-2"} & shown()                       # unanswered: no figure
    half = {"numerator": 1, "denominator": 2}
    assert {"B-3", "B-4"} <= shown(A_1=half)
    assert shown(A_1={"numerator": 3, "denominator": 4}) & {"B-3", "B-4"} == {"B-3"}
    assert shown(A_1={"numerator": 1, "denominator": 4}) & {"B-3", "B-4"} == {"B-4"}
    assert not {"B-3", "B-4"} & shown(A_1={"not_collected": True})   # 未集計: no figure
    assert not {"B-3", "B-4"} & shown(A_1={"numerator": 1, "denominator": 0})


def test_the_figure_a_test_compares():
    assert skiplogic._figure(3) == 3 and skiplogic._figure(2.5) == 2.5
    assert skiplogic._figure({"numerator": 1, "denominator": 4}) == 25.0
    assert skiplogic._figure(True) is None and skiplogic._figure(False) is None
    assert skiplogic._figure("5") is None and skiplogic._figure(None) is None


def test_not_in():
    assert "B-5" in shown(A_5="b")
    assert "B-5" not in shown(A_5="a")
    assert "B-5" not in shown()                                # unanswered: no value test holds


def test_facility_category_alone_and_inside_all_and_any():
    assert "B-6" in shown("prefectural") and "B-6" not in shown("regional")
    assert "B-6" not in shown(None)                            # unknown: read as regional
    assert "B-9" in shown(None) and "B-9" in shown("regional")
    assert "B-9" not in shown("prefectural")
    assert "B-7" in shown("prefectural", A_6=True)
    assert "B-7" not in shown("regional", A_6=True)
    assert "B-7" not in shown("prefectural", A_6=False)
    assert "B-8" in shown("specialised", A_6=True)
    assert "B-8" not in shown("regional", A_6=True)
    assert "B-8" in shown("regional", A_6=False)
