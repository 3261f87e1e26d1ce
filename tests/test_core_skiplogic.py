"""core.skiplogic and core.completeness: every condition kind in both directions (equals,
not_equals, in, answered, all, any, multi-choice contains, yes/no never equal to a number),
chains through skipped items, and what still has to be answered, at exact values."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kanwa_review.core import skiplogic
from kanwa_review.core.completeness import Gap, completeness, gaps, is_answered
from kanwa_review.core.form import AtLeast, AtMost
from kanwa_review.core.review import Answer
from kanwa_review.core.skiplogic import answer_key_value, items_cleared_by, relevant_items
from tests.core_support import ABCD, answers, item, make_form, tag_translations

CHOICES = {"choices": [{"code": c, "label": {"ja": c, "en": c}} for c in ("x", "y", "z")]}
PLACES = {"choices": [{"code": c, "label": {"ja": c, "en": c}} for c in ("p", "q")]}

SKIP_FORM = make_form(
    ("A", [item("A-1", "yes_no"), item("A-2", "choice", **CHOICES),
           item("A-3", "multi_choice", **PLACES), item("A-4", "integer"), item("A-5")]),
    ("B", [
        item("B-1", "text", relevant_if={"item": "A-2", "not_equals": "x"}),
        item("B-2", "text", relevant_if={"item": "A-3", "equals": "p"}),
        item("B-3", "text", relevant_if={"item": "A-3", "not_equals": "p"}),
        item("B-4", "text", relevant_if={"all": [{"item": "A-1", "equals": True},
                                                 {"item": "A-4", "equals": 3}]}),
        item("B-5", "text", relevant_if={"any": [{"item": "A-1", "equals": False},
                                                 {"item": "A-2", "in": ["y", "z"]}]}),
        item("B-6", "text", relevant_if={"item": "A-4", "answered": True}),
        item("B-7", "text", relevant_if={"item": "A-4", "answered": False}),
        item("B-8", "text", relevant_if={"item": "A-5", "equals": "A"}),
        item("B-9", "text", relevant_if={"item": "A-1", "equals": 1}),
        item("B-10", "text", relevant_if={"item": "A-4", "equals": True}),
        item("B-11", "text", relevant_if={"item": "B-1", "answered": True}),
    ]),
    form_id="skip-test")

ALWAYS = {"A-1", "A-2", "A-3", "A-4", "A-5"}


def shown(*given: Answer) -> set[str]:
    """The conditional items (section B) that apply after these answers."""
    return relevant_items(SKIP_FORM, answers(*given)) - ALWAYS


def test_nothing_answered_shows_only_what_asks_for_an_unanswered_item():
    assert shown() == {"B-7"}


@pytest.mark.parametrize("choice, expected", [
    ("x", set()), ("y", {"B-1", "B-5"}), ("z", {"B-1", "B-5"}),
])
def test_not_equals_and_in_on_a_choice(choice, expected):
    assert shown(Answer("A-2", value=choice)) - {"B-7"} == expected


@pytest.mark.parametrize("places, expected", [
    (["p"], {"B-2"}), (["q"], {"B-3"}), (["p", "q"], {"B-2"}),
])
def test_multi_choice_equals_means_contains(places, expected):
    assert shown(Answer("A-3", value=places)) - {"B-7"} == expected


@pytest.mark.parametrize("yes, count, expected", [
    (True, 3, {"B-4", "B-6"}),          # all: both hold
    (True, 2, {"B-6"}),                 # all: one fails
    (False, 3, {"B-5", "B-6"}),         # any: the first holds
    (None, 3, {"B-6"}),                 # all needs the unanswered A-1 too
])
def test_all_and_any(yes, count, expected):
    given = [Answer("A-4", value=count)]
    if yes is not None:
        given.append(Answer("A-1", value=yes))
    assert shown(*given) == expected


def test_answered_follows_the_item_being_answered_or_not():
    assert "B-6" not in shown() and "B-7" in shown()
    assert "B-6" in shown(Answer("A-4", value=0)) and "B-7" not in shown(Answer("A-4", value=0))


def test_rating_items_are_compared_by_the_reviewers_rating():
    assert shown(Answer("A-5", rating="A")) == {"B-7", "B-8"}
    assert shown(Answer("A-5", rating="B")) == {"B-7"}
    assert shown(Answer("A-5", self_rating="A")) == {"B-7"}       # the self-rating never counts
    assert answer_key_value(SKIP_FORM, Answer("A-5", rating="C", self_rating="A")) == "C"
    assert answer_key_value(SKIP_FORM, Answer("A-4", value=7)) == 7
    assert answer_key_value(SKIP_FORM, None) is None


def test_yes_no_never_equals_a_number_and_a_number_never_equals_yes():
    assert "B-9" not in shown(Answer("A-1", value=True))          # True is not 1
    assert "B-10" not in shown(Answer("A-4", value=1))            # 1 is not True
    assert "B-4" not in shown(Answer("A-1", value=True), Answer("A-4", value=True))


def test_a_skipped_item_counts_as_unanswered_further_down_the_chain():
    lingering = [Answer("B-1", value="古い回答")]
    assert "B-11" in shown(Answer("A-2", value="y"), *lingering)
    assert "B-11" not in shown(Answer("A-2", value="x"), *lingering)   # B-1 skipped
    assert items_cleared_by(SKIP_FORM, answers(Answer("A-2", value="x"), *lingering,
                                               Answer("B-11", value="a"),
                                               Answer("B-2", comment=""))) == ["B-1", "B-11"]


@pytest.mark.parametrize("value", [4, 4.0, {"numerator": 2, "denominator": 50}])
def test_figure_tests_compare_numbers_and_the_rate_of_a_percentage(value):
    at_least, at_most = AtLeast(item="X", at_least=4), AtMost(item="X", at_most=4)
    assert skiplogic.condition_holds(at_least, {"X": value})
    assert skiplogic.condition_holds(at_most, {"X": value})


@pytest.mark.parametrize("value", [
    {"not_collected": True}, {"numerator": 3}, {"numerator": 3, "denominator": 0},
    True, False, "12", None, ["12"]])
def test_without_a_figure_no_figure_test_holds(value):
    # 「未集計」, a rate without a denominator, a yes/no (True is 1 to Python), a text
    for cond in (AtLeast(item="X", at_least=0), AtMost(item="X", at_most=100),
                 AtLeast(item="X", at_least=-1e9), AtMost(item="X", at_most=1e9)):
        assert not skiplogic.condition_holds(cond, {"X": value})


def test_an_unknown_condition_kind_is_an_error_not_a_silent_false():
    cond = SimpleNamespace(item="A-1")
    with pytest.raises(TypeError) as err:
        skiplogic._eval(cond, {"A-1": True})
    assert str(err.value) == "unknown condition namespace(item='A-1')"


# --- completeness -----------------------------------------------------------------------------

LONG = "緩和ケアチームが院内の全ての病棟からの依頼に対応できる体制を整え、その実績を定期的に評価している"
COMPLETE_FORM = make_form(
    ("S", [item("S-1", "yes_no", required=True),
           item("S-2", "text", required=True, relevant_if={"item": "S-1", "equals": True}),
           item("S-3", required=True, ja=LONG),
           item("S-4", "percentage", required=True, numerator={"ja": "分子"},
                denominator={"ja": "分母"})]),
    ("T", [item("T-1", "integer")]),
    form_id="complete-test")


def test_gaps_name_item_section_kind_and_message():
    assert len(LONG) > 41
    found = gaps(COMPLETE_FORM, answers(Answer("S-1", value=False)))
    # S-2 is skipped: it is passed over, and the items after it are still checked
    assert found == [
        Gap("S-3", "S", "unanswered", f"S-3 {LONG[:40]}：未回答"),
        Gap("S-4", "S", "unanswered", "S-4 項目S-4：未回答"),
    ]
    rated_d = gaps(COMPLETE_FORM, answers(Answer("S-1", value=False), Answer("S-3", rating="D"),
                                          Answer("S-4", value={"numerator": 1,
                                                               "denominator": 2})))
    assert rated_d == [Gap("S-3", "S", "comment_required", "S-3：評価 D にはコメントが必要です")]
    assert gaps(COMPLETE_FORM, answers(Answer("S-1", value=False),
                                       Answer("S-3", rating="D", comment="  理由  "),
                                       Answer("S-4", value={"numerator": 1,
                                                            "denominator": 2}))) == []
    blank = gaps(COMPLETE_FORM, answers(Answer("S-1", value=False),
                                        Answer("S-3", rating="C", comment=" \n"),
                                        Answer("S-4", value={"numerator": 0,
                                                             "denominator": 0})))
    assert [(g.item_code, g.kind) for g in blank] == [("S-3", "comment_required")]


def test_gap_messages_are_translated_with_the_items_text_in_that_language(monkeypatch):
    tag_translations(monkeypatch)       # English, each text marked ⟦context⟧
    na_scale = {**ABCD, "comment_required": ["C", "D", "NA"]}
    form = make_form(("S", [item("S-1", required=True), item("S-2", required=True),
                            item("S-3", required=True)]), scales=[na_scale])
    found = gaps(form, answers(Answer("S-2", rating="C"), Answer("S-3", rating="NA")))
    assert [g.message for g in found] == [
        "⟦completeness⟧{code} {text}：未回答".format(code="S-1", text="Item S-1"),
        "⟦completeness⟧{code}：評価 {rating} にはコメントが必要です".format(
            code="S-2", rating="C"),
        "⟦completeness⟧{code}：評価 {rating}（{label}）には該当しない理由のコメントが必要です"
        .format(code="S-3", rating="NA", label="N/A")]


def test_an_na_that_the_scale_asks_a_reason_for_names_the_option():
    reasons = {**ABCD, "id": "reasons", "comment_required": ["C", "D", "NA"]}
    form = make_form(("S", [item("S-1", scale="reasons")]), scales=[ABCD, reasons])
    assert gaps(form, answers(Answer("S-1", rating="NA"))) == [Gap(
        "S-1", "S", "comment_required", "S-1：評価 NA（該当なし）には該当しない理由のコメントが必要です")]
    assert gaps(form, answers(Answer("S-1", rating="NA", comment="外来のみの施設"))) == []


def test_a_percentage_needs_both_numerator_and_denominator():
    s4 = COMPLETE_FORM.item("S-4")
    assert not is_answered(s4, Answer("S-4", value={"numerator": 3}))
    assert not is_answered(s4, Answer("S-4", value={"denominator": 3}))
    assert not is_answered(s4, Answer("S-4", value=None))
    assert not is_answered(s4, None)
    assert is_answered(s4, Answer("S-4", value={"numerator": 0, "denominator": 3}))
    assert not is_answered(COMPLETE_FORM.item("S-3"), Answer("S-3", self_rating="A"))
    assert is_answered(COMPLETE_FORM.item("T-1"), Answer("T-1", value=0))
    assert not is_answered(COMPLETE_FORM.item("T-1"), Answer("T-1", comment="未集計"))


def test_completeness_is_the_share_of_required_relevant_items_answered():
    # required and relevant: S-1, S-3, S-4 (S-2 skipped; T-1 optional) -> 1 of 3, then 2 of 3
    assert completeness(COMPLETE_FORM, answers(Answer("S-1", value=False))) == 33.3
    assert completeness(COMPLETE_FORM, answers(Answer("S-1", value=False),
                                               Answer("S-3", rating="A"),
                                               Answer("T-1", value=5))) == 66.7
    # required and relevant: S-1 … S-4 -> 1 of 4, 2 of 4 (the optional T-1 never counts)
    assert completeness(COMPLETE_FORM, answers(Answer("S-1", value=True))) == 25.0
    assert completeness(COMPLETE_FORM, answers(Answer("S-1", value=True),
                                               Answer("S-2", value="済"),
                                               Answer("T-1", value=5))) == 50.0
    # a form that marks nothing required counts every relevant item; one decimal
    three = make_form(("A", [item("A-1"), item("A-2"), item("A-3")]), form_id="three")
    assert completeness(three, answers(Answer("A-1", rating="B"))) == 33.3
    two_of_three = answers(Answer("A-1", rating="B"), Answer("A-2", rating="B"))
    assert completeness(three, two_of_three) == 66.7


def test_nothing_to_answer_is_complete():
    no_items = SimpleNamespace(items=lambda: iter(()))
    assert completeness(no_items, {}) == 100.0
