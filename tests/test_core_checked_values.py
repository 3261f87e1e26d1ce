"""Core rules that the checklist 2026.2 and issue 14 added, pinned exactly (message, context of
each translated string, boundaries): 「未集計」 and exclusive choices in answers, conditions on
the facility category and on figures (not_in, at_least, at_most), gaps and QIs per facility
category, the N/A reason, 総評 and the coherence, settings and review-text messages."""

from __future__ import annotations

from datetime import date

import pytest

from kanwa_review.core import i18n
from kanwa_review.core.coherence import coherence_problems
from kanwa_review.core.completeness import completeness, gaps, is_answered, review_gaps
from kanwa_review.core.form import AtLeast, AtMost, Form, NotIn
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import (
    Answer, AnswerError, Finding, Review, clean_review_text, is_not_collected, normalise_value,
)
from kanwa_review.core.review_data import ReviewData
from kanwa_review.core.settings import check_setting
from kanwa_review.core.skiplogic import condition_holds, items_cleared_by, relevant_items
from tests.core_support import ABCD, answers, item, make_form

PCT = {"numerator": {"ja": "分子"}, "denominator": {"ja": "分母"}}


class _ContextTagger(dict):
    """An English 'catalog' that answers every string with its context in brackets, so a test
    sees which context each message was translated in."""

    def get(self, key, default=None):
        context, text = key[0], key[1]
        return f"[{context}]{text}"


@pytest.fixture
def tagged(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setitem(i18n._catalogs, "en", _ContextTagger())


# --- 「未集計」 and exclusive choices -----------------------------------------------------------

FORM = make_form(("A", [
    item("A-1", "percentage", allow_not_collected=True, **PCT),
    item("A-2", "percentage", **PCT),
    item("A-3", "multi_choice", choices=[
        {"code": "a", "label": {"ja": "外来", "en": "Out"}},
        {"code": "b", "label": {"ja": "病棟", "en": "Ward"}},
        {"code": "none", "label": {"ja": "実施していない", "en": "None"}, "exclusive": True},
        {"code": "later", "label": {"ja": "予定", "en": "Later"}, "exclusive": True}]),
    item("A-4", "number"),
]), form_id="values")


def test_is_not_collected_reads_only_the_flag():
    assert is_not_collected({"not_collected": True}) is True
    assert is_not_collected({"not_collected": False}) is False
    assert is_not_collected({"numerator": 1, "denominator": 2}) is False
    assert is_not_collected(None) is False and is_not_collected("not_collected") is False


def test_not_collected_where_the_form_allows_it():
    assert normalise_value(FORM.item("A-1"), {"not_collected": True}) == {"not_collected": True}
    with pytest.raises(AnswerError) as no:
        normalise_value(FORM.item("A-2"), {"not_collected": True})
    assert str(no.value) == "A-2: この項目は「未集計」にできません。分子と分母を入力してください"
    with pytest.raises(AnswerError) as both:
        normalise_value(FORM.item("A-1"), {"not_collected": True, "numerator": 1})
    assert str(both.value) == ("A-1: 「未集計」のときは分子・分母を入力しません。"
                               "どちらかにしてください")
    with pytest.raises(AnswerError, match="A-4: 数値を入力してください"):
        normalise_value(FORM.item("A-4"), {"not_collected": True})   # not a rate: no 未集計


def test_exclusive_choices_stand_alone():
    item_ = FORM.item("A-3")
    assert normalise_value(item_, ["none"]) == ["none"]
    assert normalise_value(item_, ["b", "a"]) == ["a", "b"]
    with pytest.raises(AnswerError) as info:
        normalise_value(item_, ["a", "none"])
    assert str(info.value) == ("A-3: 「実施していない」はほかの選択肢と同時には選べません。"
                               "「実施していない」だけを選ぶか、「実施していない」を外してください")
    with pytest.raises(AnswerError) as two:
        normalise_value(item_, ["later", "none"])            # the first exclusive is named
    assert "「実施していない」はほかの選択肢" in str(two.value)


def test_value_messages_are_translated_in_the_review_context(tagged):
    for value, item_code in (({"not_collected": True}, "A-2"),
                             ({"not_collected": True, "numerator": 1}, "A-1"),
                             (["a", "none"], "A-3")):
        with pytest.raises(AnswerError) as info:
            normalise_value(FORM.item(item_code), value)
        assert str(info.value).startswith("[review]"), info.value
    with pytest.raises(AnswerError, match=r"^\[review\]総評: 文字で入力"):
        clean_review_text(1, "総評")
    with pytest.raises(AnswerError, match=r"^\[review\]総評: 20,001文字あります"):
        clean_review_text("x" * 20_001, "総評")


# --- conditions --------------------------------------------------------------------------

def test_facility_category_inside_all_and_any():
    only_rh = {"all": [{"facility_category": ["regional_hospital"]}]}
    any_rh = {"any": [{"facility_category": ["regional_hospital"]}]}
    form = make_form(("A", [item("A-1", relevant_if=only_rh), item("A-2", relevant_if=any_rh)]),
                     form_id="cats")
    assert relevant_items(form, {}, "regional_hospital") == {"A-1", "A-2"}
    assert relevant_items(form, {}, None) == set()
    cond = form.item("A-1").relevant_if
    assert condition_holds(cond, {}, "regional_hospital") is True
    assert condition_holds(cond, {}, "regional") is False


def test_not_in_and_figure_bounds():
    assert condition_holds(NotIn(item="X", not_in=("C", "D")), {"X": "A"}) is True
    assert condition_holds(NotIn(item="X", not_in=("C", "D")), {"X": "D"}) is False
    assert condition_holds(NotIn(item="X", not_in=("C",)), {}) is False       # unanswered
    rate = {"numerator": 1, "denominator": 2}                                    # 50 %
    assert condition_holds(AtLeast(item="X", at_least=50), {"X": rate}) is True
    assert condition_holds(AtLeast(item="X", at_least=50.1), {"X": rate}) is False
    assert condition_holds(AtMost(item="X", at_most=50), {"X": rate}) is True
    assert condition_holds(AtMost(item="X", at_most=49.9), {"X": rate}) is False
    assert condition_holds(AtLeast(item="X", at_least=10), {"X": 10}) is True
    assert condition_holds(AtMost(item="X", at_most=10), {"X": 10}) is True
    assert condition_holds(AtMost(item="X", at_most=9), {"X": 10}) is False
    assert condition_holds(AtLeast(item="X", at_least=11), {"X": 10.5}) is False
    assert condition_holds(AtLeast(item="X", at_least=0), {"X": True}) is False   # no figure
    assert condition_holds(AtMost(item="X", at_most=100), {"X": {"not_collected": True}}) is False
    assert condition_holds(AtMost(item="X", at_most=100), {"X": "text"}) is False


def test_items_cleared_by_follow_the_category():
    form = make_form(("A", [item("A-1", relevant_if={"facility_category": ["prefectural"]})]),
                     form_id="clear")
    held = answers(Answer("A-1", rating="B"))
    assert items_cleared_by(form, held, "prefectural") == []
    assert items_cleared_by(form, held, "regional") == ["A-1"]


# --- gaps, completeness and QIs per category; the N/A reason ----------------------------------

NA_SCALE = {**ABCD, "comment_required": ["C", "D", "NA"]}
CAT = Form.model_validate({
    "format": "kanwa-form/1", "id": "cat-gaps", "version": "1",
    "title": {"ja": "テスト", "en": "Test"}, "scales": [NA_SCALE],
    "sections": [{"code": "A", "title": {"ja": "節A", "en": "A"}, "items": [
        item("A-1", required=True),
        item("A-2", required=True, relevant_if={"facility_category": ["regional_hospital"]}),
        item("A-3", "percentage", required=True, allow_not_collected=True, qi="rate",
             reference={"value": 80, "label": {"ja": "目標 80%"},
                        "facility_category": ["prefectural"]}, **PCT),
        item("A-4", "percentage", qi="rh", relevant_if={"facility_category": ["regional_hospital"]},
             **PCT),
    ]}]})


def test_gaps_and_completeness_follow_the_category():
    held = answers(Answer("A-1", rating="B"), Answer("A-3", value={"not_collected": True}))
    assert gaps(CAT, held) == []                               # 未集計 is an answer
    assert is_answered(CAT.item("A-3"), held["A-3"]) is True
    assert [g.item_code for g in gaps(CAT, held, "regional_hospital")] == ["A-2"]
    assert completeness(CAT, held) == 100.0
    # are asked (A-4 is optional: not counted), two answered
    assert completeness(CAT, held, "regional_hospital") == round(100 * 2 / 3, 1)


def test_the_na_reason_message():
    [gap] = gaps(CAT, answers(Answer("A-1", rating="NA"), Answer("A-3", value={
        "not_collected": True})))
    assert gap.message == "A-1：評価 NA（該当なし）には該当しない理由のコメントが必要です"
    [gap] = gaps(CAT, answers(Answer("A-1", rating="C"), Answer("A-3", value={
        "not_collected": True})))
    assert gap.message == "A-1：評価 C にはコメントが必要です"


def test_qis_follow_the_category_and_mark_not_collected():
    held = answers(Answer("A-3", value={"not_collected": True}))
    hub = {q.item_code: q for q in qi_values(CAT, held)}
    assert list(hub) == ["A-3"] and hub["A-3"].not_collected is True
    assert hub["A-3"].target is None                            # the target is for prefectural
    pref = {q.item_code: q for q in qi_values(CAT, held, facility_category="prefectural")}
    assert pref["A-3"].target == 80.0
    rh = {q.item_code: q for q in qi_values(CAT, held, facility_category="regional_hospital")}
    assert list(rh) == ["A-3", "A-4"] and rh["A-4"].not_collected is False


# --- 総評, coherence, settings: messages and their contexts -----------------------------------

def _review(**kw) -> Review:
    return Review("u", 1, "F", "病院", CAT.id, "1", CAT.sha256, "draft", date(2025, 9, 1), 2025,
                  **kw)


def test_review_gap_message_exactly(tagged):
    [gap] = review_gaps(_review(), CAT, {})
    assert gap.message == ("[completeness]総評（訪問全体を通じた所見）が未記入です。報告書の最初に"
                           "載る総評を記入してから確定してください")


COH = make_form(("A", [item("A-0", "yes_no"), item("A-1"),
                       item("A-2", relevant_if={"item": "A-0", "equals": True})]),
                form_id="coh2")


def test_coherence_messages_and_what_is_skipped():
    data = ReviewData(_review(overall_comment="総評"), COH, answers(
        Answer("A-0", value=False), Answer("A-1", rating="D"),
        Answer("A-2", rating="C")), [])                       # A-2 does not apply
    got = coherence_problems(data)
    assert [(p.kind, p.item_code, p.message) for p in got] == [
        ("comment", "A-1", "A-1: 評価 D の理由のコメントがありません"),
        ("finding", "A-1", "A-1: 評価 D の項目に、改善が望まれる点・提言のどれも関連付けられていません")]


def test_coherence_messages_are_translated_and_warnings_pass_through(tagged):
    data = ReviewData(_review(), COH, answers(Answer("A-1", rating="C")),
                      [Finding("strength", "良い", ("A-1",))])
    messages = [p.message for p in coherence_problems(data)]
    assert messages[0].startswith("[coherence]") and messages[1].startswith("[coherence]")
    assert messages[-1] == "[coherence]総評がありません"
    form = make_form(("A", [item("A-1", "number", period="custom")]), form_id="late")
    late = ReviewData(_review(overall_comment="x"), form,
                      answers(Answer("A-1", value=3, period="2025年4月〜2025年12月")))
    [p] = coherence_problems(late)
    assert p.kind == "period_after_visit" and p.message.startswith("[rules]A-1: 対象期間")


def test_setting_messages_exactly(tagged):
    with pytest.raises(ValueError) as unknown:
        check_setting("colour", "red")
    assert str(unknown.value) == ("[settings]設定 colour はありません。issuer、confidentiality、"
                                  "distribution のいずれかです")
    with pytest.raises(ValueError) as kind:
        check_setting("issuer", 3)
    assert str(kind.value) == "[settings]issuer: 文字で入力してください"
    with pytest.raises(ValueError) as long:
        check_setting("distribution", "x" * 2_001)
    assert str(long.value) == "[settings]distribution: 2,000文字以内にしてください"
