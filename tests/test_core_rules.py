"""Consistency warnings on forms built in code: which rules are asked, in what order, which
items a warning points at, exclusive choices, and figure periods against the visit date, with
the exact messages. (The shipped form's rules are tested in test_core_form_content.py.)"""

from __future__ import annotations

from datetime import date

import pytest

from kanwa_review.core.review import Answer
from kanwa_review.core.rules import (
    RuleWarning, check_rules, exclusive_choice_warnings, period_warnings, review_warnings,
    warning_sources,
)
from tests.core_support import answers, item, make_form, rule

NONE_FIRST = [{"code": "none", "label": {"ja": "実施していない", "en": "None"}, "exclusive": True},
              {"code": "ward", "label": {"ja": "病棟", "en": "Ward"}},
              {"code": "clinic", "label": {"ja": "外来", "en": "Clinic"}}]


def choices_item(code: str, **kw) -> dict:
    return item(code, "multi_choice", choices=NONE_FIRST, **kw)


def figure(code: str, type_: str = "integer", **kw) -> dict:
    extra = ({"numerator": {"ja": "分子"}, "denominator": {"ja": "分母"}}
             if type_ == "percentage" else {})
    return item(code, type_, period="custom", **extra, **kw)


def warned(warnings: list[RuleWarning]) -> list[tuple]:
    return [(w.kind, w.rule_id, w.item_codes, w.section_code) for w in warnings]


# --- rules ------------------------------------------------------------------------------------

RULES = [
    # no item to point at: never a warning, even where it does not hold
    rule("facility-only", {"facility_category": ["regional"]},
         {"facility_category": ["prefectural"]}),
    # `when` does not hold
    rule("when-false", {"item": "A-3", "equals": False}, {"item": "A-1", "in": ["D"]}),
    # `then` tests an unanswered item: not a contradiction yet
    rule("waits", {"item": "A-3", "equals": True}, {"item": "A-2", "in": ["A"]}),
    # `then` holds
    rule("holds", {"item": "A-1", "in": ["A"]}, {"item": "A-1", "in": ["A", "B"]}),
    # `then` fails: a warning, pointing at the items of `then` first, each once
    rule("fires", {"item": "A-1", "in": ["A"]},
         {"all": [{"item": "B-2", "at_least": 1}, {"item": "A-1", "in": ["A"]}]},
         ja="B-2 を確認してください", en="Check B-2"),
]


@pytest.fixture(scope="module")
def ruled():
    return make_form(("A", [item("A-1"), item("A-2"), item("A-3", "yes_no")]),
                     ("B", [figure("B-2")]), rules=RULES)


def test_only_a_rule_whose_then_fails_warns_and_every_rule_is_asked(ruled):
    a = answers(Answer("A-3", value=True), Answer("A-1", rating="A"), Answer("B-2", value=0))
    assert warned(check_rules(ruled, a)) == [("rule", "fires", ("B-2", "A-1"), "B")]
    assert [w.message for w in check_rules(ruled, a)] == ["B-2 を確認してください"]
    assert [w.message for w in check_rules(ruled, a, lang="en")] == ["Check B-2"]
    assert [w.message for w in check_rules(ruled, a, lang="ja")] == ["B-2 を確認してください"]
    assert not check_rules(ruled, a | answers(Answer("B-2", value=1)))


def test_rules_warn_in_form_order(ruled):
    a = answers(Answer("A-3", value=False), Answer("A-1", rating="A"), Answer("B-2", value=0))
    assert [w.rule_id for w in check_rules(ruled, a)] == ["when-false", "fires"]
    assert warned(check_rules(ruled, a))[0] == ("rule", "when-false", ("A-1", "A-3"), "A")


def test_a_rule_on_items_the_form_does_not_have_points_at_those_it_has():
    # a form is checked when loaded; one built otherwise may name an item it lacks
    form = make_form(("A", [item("A-1")]), rules=[
        rule("ghost", {"item": "A-1", "in": ["A"]}, {"item": "Z-9", "answered": True}),
        rule("gone", {"item": "Z-8", "answered": False}, {"item": "Z-9", "answered": True})])
    assert warned(check_rules(form, answers(Answer("A-1", rating="A")))) == [
        ("rule", "ghost", ("A-1",), "A")]


def test_the_facility_category_counts_in_then_as_in_when():
    form = make_form(("A", [item("A-1"), item("A-2")]), rules=[
        rule("hubs", {"item": "A-1", "in": ["A"]},
             {"any": [{"facility_category": ["prefectural"]}, {"item": "A-2", "in": ["A"]}]})])
    a = answers(Answer("A-1", rating="A"), Answer("A-2", rating="C"))
    assert [w.rule_id for w in check_rules(form, a)] == ["hubs"]
    assert not check_rules(form, a, facility_category="prefectural")
    assert [w.rule_id for w in check_rules(form, a, facility_category="regional")] == ["hubs"]


# --- exclusive choices ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exclusive():
    """A-2 applies only when A-1 is yes; B-1 always applies; B-2 has no exclusive choice."""
    plain = [{"code": "ward", "label": {"ja": "病棟", "en": "Ward"}},
             {"code": "clinic", "label": {"ja": "外来", "en": "Clinic"}}]
    return make_form(("A", [item("A-1", "yes_no"),
                            choices_item("A-2", relevant_if={"item": "A-1", "equals": True})]),
                     ("B", [choices_item("B-1"), item("B-2", "multi_choice", choices=plain),
                            item("B-3", "choice", choices=plain)]))


def test_an_exclusive_choice_with_another_is_named(exclusive):
    mixed = ["none", "ward"]
    a = answers(Answer("A-1", value=True), Answer("A-2", value=mixed),
                Answer("B-1", value=mixed), Answer("B-2", value=["ward", "clinic"]),
                Answer("B-3", value="ward"))
    expected = [("exclusive_choice", None, ("A-2",), "A"),
                ("exclusive_choice", None, ("B-1",), "B")]
    assert warned(check_rules(exclusive, a)) == expected
    assert [w.message for w in check_rules(exclusive, a)] == [
        f"{code}: 「実施していない」とほかの選択肢が同時に選ばれています" for code in ("A-2", "B-1")]


def test_an_exclusive_choice_alone_is_no_warning(exclusive):
    a = answers(Answer("B-1", value=["none"]), Answer("B-2", value=["ward", "clinic"]))
    assert check_rules(exclusive, a) == []
    assert exclusive_choice_warnings(exclusive, a) == []


def test_an_item_that_does_not_apply_is_not_checked(exclusive):
    mixed = ["none", "ward"]
    a = answers(Answer("A-1", value=False), Answer("A-2", value=mixed), Answer("B-1", value=mixed))
    assert [w.item_code for w in check_rules(exclusive, a)] == ["B-1"]
    # without the applicable items, every item is checked
    assert [w.item_code for w in exclusive_choice_warnings(exclusive, a)] == ["A-2", "B-1"]
    assert [w.item_code for w in exclusive_choice_warnings(exclusive, a, {"A-2"})] == ["A-2"]


def test_the_exclusive_message_is_translated(exclusive, echo_catalog):
    a = answers(Answer("B-1", value=["ward", "none"]))
    [w] = check_rules(exclusive, a)
    assert w.message.startswith("[rules] B-1: 「") and w.message.endswith("」とほかの選択肢が同時に選ばれています")


# --- periods against the visit date -----------------------------------------------------------

@pytest.fixture(scope="module")
def figures():
    return make_form(("A", [figure("A-1"), figure("A-2", "percentage"), item("A-3", "text"),
                            figure("A-4", relevant_if={"facility_category":
                                                       ["regional_hospital"]})]),
                     ("B", [figure("B-1", "number"), item("B-2")]))


VISIT = date(2025, 11, 20)


def test_a_figure_period_ending_after_the_visit_is_flagged_with_both_dates(figures):
    a = answers(Answer("A-1", value=3, period="2025年"),
                Answer("A-2", value={"numerator": 1, "denominator": 2}, period="2025年度"),
                Answer("B-1", value=2.5, period="2025年4月〜11月"))
    warnings = period_warnings(figures, a, VISIT)
    assert warned(warnings) == [("period_after_visit", None, ("A-1",), "A"),
                                ("period_after_visit", None, ("A-2",), "A"),
                                ("period_after_visit", None, ("B-1",), "B")]
    assert warnings[0].message == (
        "A-1: 対象期間「2025年」は訪問日 2025-11-20 より後の2025-12-31 まで続いています。"
        "訪問日までに締まった期間の値を記入してください")
    assert "2026-03-31" in warnings[1].message and "2025-11-30" in warnings[2].message


def test_a_period_ending_on_the_visit_day_is_fine(figures):
    a = answers(Answer("A-1", value=3, period="2025-11-20"),
                Answer("B-1", value=1, period="2025年11月20日時点"))
    assert period_warnings(figures, a, VISIT) == []
    assert [w.item_code for w in period_warnings(figures, a, VISIT - date.resolution)] == \
        ["A-1", "B-1"]


def test_only_figures_that_apply_and_have_a_period_are_checked(figures):
    a = answers(Answer("A-3", value="年報", period="2026年"),         # not a figure
                Answer("A-4", value=5, period="2026年"),             # applies to one category
                Answer("A-1", value=3), Answer("B-1", value=1, period=""),
                Answer("A-2", value={"not_collected": True}, period="来年"))
    assert period_warnings(figures, a, VISIT) == []
    assert [w.item_code for w in period_warnings(figures, a, VISIT,
                                                 facility_category="regional_hospital")] == ["A-4"]


def test_the_period_message_is_translated(figures, echo_catalog):
    [w] = period_warnings(figures, answers(Answer("A-1", value=3, period="2026年")), VISIT)
    assert w.message.startswith("[rules] A-1: 対象期間「2026年」は訪問日 2025-11-20 より後の")


# --- everything a review shows ----------------------------------------------------------------

def test_review_warnings_lists_rules_then_periods_for_the_facility_and_language():
    form = make_form(("A", [item("A-1"), item("A-2"),
                            figure("A-3", relevant_if={"facility_category": ["specialised"]})]),
                     rules=[rule("r", {"item": "A-1", "in": ["A"]},
                                 {"any": [{"facility_category": ["prefectural"]},
                                          {"item": "A-2", "in": ["A"]}]})])
    a = answers(Answer("A-1", rating="A"), Answer("A-2", rating="B"),
                Answer("A-3", value=1, period="2026年"))
    both = review_warnings(form, a, visit_date=VISIT, facility_category="specialised",
                           lang="en")
    assert [(w.kind, w.message[:5]) for w in both] == [("rule", "Check"),
                                                       ("period_after_visit", "A-3: ")]
    assert review_warnings(form, a, visit_date=VISIT, facility_category="prefectural") == []
    assert [w.kind for w in review_warnings(form, a, facility_category="specialised")] == ["rule"]
    assert [w.message for w in review_warnings(form, a)] == ["確認してください"]


# --- which edits can change the warnings ------------------------------------------------------

def test_warning_sources_are_the_rules_items_exclusive_choices_and_figures():
    form = make_form(
        ("A", [item("A-1"), item("A-2"), item("A-3", "yes_no"), item("A-4")]),
        ("B", [figure("B-1"), figure("B-2", "number"), figure("B-3", "percentage"),
               choices_item("B-4"),
               item("B-5", "multi_choice", choices=NONE_FIRST[1:]),
               item("B-6", "choice", choices=NONE_FIRST[1:])]),
        rules=[rule("r", {"item": "A-3", "equals": True}, {"item": "A-1", "in": ["A"]}),
               # an item the form does not have is no source
               rule("ghost", {"item": "Z-9", "equals": True}, {"item": "A-1", "in": ["A"]})])
    assert warning_sources(form) == {"A-1", "A-3", "B-1", "B-2", "B-3", "B-4"}


def test_a_form_without_rules_has_only_its_exclusive_choices_and_figures():
    form = make_form(("A", [item("A-1"), figure("A-2"), choices_item("A-3")]))
    assert warning_sources(form) == frozenset({"A-2", "A-3"})


def test_an_edit_outside_the_sources_never_changes_the_warnings():
    form = make_form(("A", [item("A-1"), item("A-2"), item("A-3", "yes_no"), item("A-4")]),
                     ("B", [figure("B-2")]), rules=RULES)
    visit = date(2026, 6, 1)
    base = answers(Answer("A-1", rating="A"), Answer("B-2", value=0, period="2026年4月〜5月"))
    before = review_warnings(form, base, visit_date=visit)
    assert [w.rule_id for w in before] == ["fires"]
    assert "A-4" not in warning_sources(form)
    for rating in ("A", "B", "C", "D"):
        edited = {**base, "A-4": Answer("A-4", rating=rating)}
        assert review_warnings(form, edited, visit_date=visit) == before
