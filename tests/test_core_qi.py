"""core.qi: every field of a QI value, the rate at one decimal, tagged-only selection, skipped
items left out, and the problems flagged at their exact boundaries."""

from __future__ import annotations

from kanwa_review.core.qi import QIValue, qi_values
from kanwa_review.core.review import Answer
from tests.core_support import answers, item, make_form

PCT = {"numerator": {"ja": "実施数"}, "denominator": {"ja": "対象数"}}
QI_FORM = make_form(("Q", [
    item("Q-1", "percentage", ja="スクリーニング実施率", qi="screening", period="custom",
         reference={"value": 80, "label": {"ja": "目標 80%"}}, **PCT),
    item("Q-2", "number", ja="平均日数", period="custom"),
    item("Q-3", "integer", ja="依頼件数", qi="referrals", unit={"ja": "件"},
         period="fiscal_year"),
    item("Q-4", ja="体制"),
    item("Q-5", "percentage", ja="追加の率", relevant_if={"item": "Q-4", "answered": True}, **PCT),
]), form_id="qi-test")


def values(*given: Answer, tagged_only: bool = False) -> dict[str, QIValue]:
    return {v.item_code: v for v in qi_values(QI_FORM, answers(*given), tagged_only=tagged_only)}


def test_every_field_of_a_qi_value():
    got = values(Answer("Q-1", value={"numerator": 2, "denominator": 3}, period="2025年度上期"),
                 Answer("Q-2", value=4.5, period="2025年"), Answer("Q-3", value=120))
    assert list(got) == ["Q-1", "Q-2", "Q-3"]          # form order; the rating and the skipped
    assert got["Q-1"] == QIValue(                      # percentage are not figures
        item_code="Q-1", qi="screening", title="スクリーニング実施率", kind="percentage",
        numerator=2, denominator=3, value=66.7, unit="%", period="2025年度上期", target=80.0,
        target_label="目標 80%", problems=())
    assert got["Q-2"] == QIValue(
        item_code="Q-2", qi=None, title="平均日数", kind="number", numerator=None,
        denominator=None, value=4.5, unit="", period="2025年", target=None, target_label=None)
    assert got["Q-3"] == QIValue(
        item_code="Q-3", qi="referrals", title="依頼件数", kind="integer", numerator=None,
        denominator=None, value=120, unit="件", period=None, target=None, target_label=None)
    assert got["Q-1"].meets_target is False and got["Q-2"].meets_target is None


def test_unanswered_figures_are_listed_empty():
    got = values()
    assert got["Q-1"] == QIValue("Q-1", "screening", "スクリーニング実施率", "percentage", None,
                                 None, None, "%", None, 80.0, "目標 80%")
    assert got["Q-2"].value is None and got["Q-2"].problems == ()


def test_tagged_only_keeps_the_figures_with_a_qi_id():
    assert list(values(tagged_only=True)) == ["Q-1", "Q-3"]


def test_a_skipped_figure_is_left_out_and_a_shown_one_is_listed():
    assert "Q-5" not in values()
    assert "Q-5" in values(Answer("Q-4", rating="B"))


def test_numerator_equal_to_denominator_is_a_full_rate_not_a_problem():
    full = values(Answer("Q-1", value={"numerator": 60, "denominator": 60}, period="4月"))["Q-1"]
    assert (full.value, full.problems, full.meets_target) == (100.0, (), True)
    over = values(Answer("Q-1", value={"numerator": 61, "denominator": 60}, period="4月"))["Q-1"]
    assert (over.value, over.problems) == (
        None, ("分子が分母より大きくなっています",))


def test_zero_denominator_and_missing_period_are_flagged_in_words():
    zero = values(Answer("Q-1", value={"numerator": 0, "denominator": 0}, period="4月"))["Q-1"]
    assert (zero.value, zero.problems) == (None, ("分母が0です",))
    both = values(Answer("Q-1", value={"numerator": 0, "denominator": 5}))["Q-1"]
    assert (both.value, both.problems) == (0.0, ("期間が未記入です",))
    # a fiscal-year figure has its period implied; a custom one without a figure needs none
    assert values(Answer("Q-3", value=3))["Q-3"].problems == ()
    assert values(Answer("Q-2", value=None))["Q-2"].problems == ()
    assert values(Answer("Q-2", value=1.5))["Q-2"].problems == ("期間が未記入です",)


def test_a_figure_that_is_not_a_number_is_no_figure():
    # imported data can hold what the editor refuses
    assert values(Answer("Q-3", value="十二"))["Q-3"].value is None
    assert values(Answer("Q-1", value="3/4"))["Q-1"].value is None
    assert values(Answer("Q-3", value=True))["Q-3"].value is None      # a yes, not the number 1
    assert values(Answer("Q-2", value=False))["Q-2"].value is None
    assert values(Answer("Q-3", value=0))["Q-3"].value == 0


def test_a_reference_value_is_shown_beside_the_figure_and_never_judged():
    form = make_form(("Q", [
        item("Q-1", "percentage", ja="苦痛の少ない死亡", period="custom",
             reference={"value": 37.3, "label": {"ja": "全国値 37.3%"}, "kind": "reference"},
             **PCT),
        item("Q-2", "percentage", ja="修了率", period="custom",
             reference={"value": 90, "label": {"ja": "目標 90%以上"}, "kind": "target"}, **PCT),
    ]), form_id="qi-ref")
    got = {v.item_code: v for v in qi_values(form, answers(
        Answer("Q-1", value={"numerator": 50, "denominator": 100}, period="2025年"),
        Answer("Q-2", value={"numerator": 95, "denominator": 100}, period="2025年")))}
    national, target = got["Q-1"], got["Q-2"]
    assert (national.reference, national.reference_label) == (37.3, "全国値 37.3%")
    assert (national.target, national.target_label) == (None, None)
    assert national.meets_target is None               # 50 % above 37.3 % is no "達成"
    assert (target.target, target.target_label) == (90.0, "目標 90%以上")
    assert (target.reference, target.reference_label) == (None, None)
    assert target.meets_target is True
    assert form.item("Q-1").reference.is_target is False
    assert form.item("Q-2").reference.is_target is True
    assert QI_FORM.item("Q-1").reference.is_target is True   # no kind: a target, as before


def test_the_problems_are_translated_under_the_qi_context(monkeypatch):
    from tests.core_support import tag_translations

    tag_translations(monkeypatch)
    over = values(Answer("Q-1", value={"numerator": 6, "denominator": 5}))["Q-1"]
    assert over.problems == ("⟦qi⟧分子が分母より大きくなっています",)
    assert values(Answer("Q-2", value=1.5))["Q-2"].problems == ("⟦qi⟧期間が未記入です",)
    zero = values(Answer("Q-1", value={"numerator": 0, "denominator": 0}, period="4月"))["Q-1"]
    assert zero.problems == ("⟦qi⟧分母が0です",)
