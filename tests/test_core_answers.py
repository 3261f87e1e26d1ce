"""core.review: answers checked against their item at the exact limits (text length, period
length, min/max, numerator ≤ denominator), bool refused where a number is expected, every
message, and team members."""

from __future__ import annotations

import uuid
from datetime import date
from types import SimpleNamespace

import pytest

from kanwa_review.core.review import (
    MAX_TEXT, Answer, AnswerError, Review, TeamMember, new_review_uuid, normalise_answer,
    normalise_value, percentage,
)
from tests.core_support import item, make_form

PCT = {"numerator": {"ja": "分子"}, "denominator": {"ja": "分母"}}
CHOICES = {"choices": [{"code": c, "label": {"ja": c, "en": c}} for c in ("ward", "home")]}
FORM = make_form(("A", [
    item("A-1"), item("A-2", self_assessment=False),
    item("A-3", "yes_no"), item("A-4", "integer", min=1, max=10),
    item("A-5", "number", min=-2.5, max=2.5), item("A-6", "percentage", **PCT),
    item("A-7", "date"), item("A-8", "choice", **CHOICES), item("A-9", "multi_choice", **CHOICES),
    item("A-10", "text"), item("A-11", "integer"),
]), form_id="answer-test")


def refused(code: str, value=None, **kw) -> str:
    """The message normalising this answer is refused with."""
    with pytest.raises(AnswerError) as err:
        normalise_answer(FORM, Answer(code, value=value, **kw))
    return str(err.value)


def value_of(code: str, value):
    return normalise_answer(FORM, Answer(code, value=value)).value


# --- numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["A-4", "A-5", "A-11"])
@pytest.mark.parametrize("value", [True, False, "3", float("nan"), float("inf"), -float("inf"),
                                   [3], {"n": 3}])
def test_numbers_refuse_what_is_not_a_number_bool_included(code, value):
    assert refused(code, value) == f"{code}: 数値を入力してください"


def test_integer_limits_are_inclusive():
    assert value_of("A-4", 1) == 1 and value_of("A-4", 10) == 10
    assert type(value_of("A-4", 4.0)) is int
    assert refused("A-4", 0) == (
        "A-4: 0 は最小値 1 を下回っています。1 以上を入力してください")
    assert refused("A-4", 11) == (
        "A-4: 11 は最大値 10 を超えています。10 以下を入力してください")
    assert refused("A-4", 2.5) == "A-4: 整数を入力してください"
    assert value_of("A-11", -7) == -7 and value_of("A-11", 10**12) == 10**12   # no limits given


def test_number_limits_are_inclusive_and_keep_fractions():
    assert value_of("A-5", -2.5) == -2.5 and value_of("A-5", 2.5) == 2.5
    assert value_of("A-5", 0.25) == 0.25 and value_of("A-5", 1) == 1
    assert refused("A-5", -2.51).startswith("A-5: -2.51 は最小値 -2.5 を下回っています")
    assert refused("A-5", 2.51) == "A-5: 2.51 は最大値 2.5 を超えています。2.5 以下を入力してください"


# --- percentages ------------------------------------------------------------------------------

def test_percentage_halves_and_boundaries():
    assert value_of("A-6", {"numerator": 0, "denominator": 0}) == {"numerator": 0,
                                                                    "denominator": 0}
    assert value_of("A-6", {"numerator": 5, "denominator": 5}) == {"numerator": 5,
                                                                    "denominator": 5}
    assert value_of("A-6", {"numerator": None, "denominator": 5}) == {"denominator": 5}
    assert value_of("A-6", {"numerator": 4}) == {"numerator": 4}
    assert value_of("A-6", {"numerator": None, "denominator": None}) is None
    assert value_of("A-6", {}) is None


@pytest.mark.parametrize("value, text", [
    ({"numerator": 6, "denominator": 5},
     "A-6: 分子（6）が分母（5）より大きくなっています。数値を確認してください"),
    ({"numerator": -1, "denominator": 5},
     "A-6: 分子は0以上の整数で入力してください"),
    ({"numerator": 1, "denominator": -5},
     "A-6: 分母は0以上の整数で入力してください"),
    ({"numerator": True, "denominator": 5},
     "A-6: 分子は0以上の整数で入力してください"),
    ({"numerator": 1, "denominator": 2.0},
     "A-6: 分母は0以上の整数で入力してください"),
    ({"numerator": 1, "denominator": 2, "rate": 50},
     "A-6: 分子と分母を入力してください"),
    ("1/2", "A-6: 分子と分母を入力してください"),
])
def test_percentage_refusals(value, text):
    assert refused("A-6", value) == text


def test_percentage_rate():
    assert percentage({"numerator": 1, "denominator": 4}) == 25.0
    assert percentage({"numerator": 0, "denominator": 4}) == 0.0
    assert percentage({"numerator": 1, "denominator": 0}) is None
    assert percentage({"denominator": 4}) is None
    assert percentage(None) is None and percentage("1/4") is None


# --- the other answer types -------------------------------------------------------------------

def test_empty_values_are_no_value():
    for code in ("A-3", "A-4", "A-7", "A-8", "A-9", "A-10"):
        for empty in (None, "", []):
            assert value_of(code, empty) is None, (code, empty)


def test_values_in_their_stored_form():
    assert value_of("A-3", True) is True and value_of("A-3", False) is False
    assert value_of("A-7", "2026-05-01") == "2026-05-01"
    assert value_of("A-8", "home") == "home"
    assert value_of("A-9", ["home", "ward", "home"]) == ["ward", "home"]
    assert value_of("A-10", "  自由記載  ") == "  自由記載  "
    assert value_of("A-10", "x" * MAX_TEXT) == "x" * MAX_TEXT


@pytest.mark.parametrize("code, value, text", [
    ("A-3", 1, "A-3: 「はい」か「いいえ」で回答してください"),
    ("A-7", "2026-02-30", "A-7: 日付は 2026-05-01 のように YYYY-MM-DD の形式で入力してください"),
    ("A-8", "icu", "A-8: 'icu' は選択肢にありません。['ward', 'home'] から選んでください"),
    ("A-9", "ward", "A-9: 選択肢 ['ward', 'home'] から選んでください"),
    ("A-9", ["ward", "icu"], "A-9: 選択肢 ['ward', 'home'] から選んでください"),
    ("A-10", 42, "A-10: 文字で入力してください"),
    ("A-10", "x" * (MAX_TEXT + 1), "A-10: 20,001文字あります。20,000文字以内にしてください"),
    ("A-1", 3, "A-1: この項目は評価の記号で回答します。値は入力できません"),
])
def test_value_refusals(code, value, text):
    assert refused(code, value) == text


def test_normalise_value_on_its_own():
    rating = FORM.item("A-1")
    assert normalise_value(rating, None) is None
    with pytest.raises(AnswerError) as err:
        normalise_value(rating, "A")
    assert str(err.value) == ("A-1: この項目は評価の記号で回答します。値は入力できません")
    odd = SimpleNamespace(code="X-1", type="audio")
    with pytest.raises(AnswerError) as err:
        normalise_value(odd, "x")
    assert str(err.value) == ("X-1: この種類の項目（'audio'）には回答できません")


# --- whole answers -----------------------------------------------------------------------------

def test_a_whole_answer_comes_back_with_every_field():
    a = normalise_answer(FORM, Answer("A-1", self_rating="B", rating="C", period=" 2025年度 ",
                                      evidence="規程", comment="議事録なし"))
    assert a == Answer("A-1", self_rating="B", rating="C", value=None, period="2025年度",
                       evidence="規程", comment="議事録なし")
    bare = normalise_answer(FORM, Answer("A-4", value=3, evidence=None, comment=None))
    assert bare == Answer("A-4", value=3, period=None, evidence="", comment="")
    assert normalise_answer(FORM, Answer("A-4", period="  ")).period is None
    assert normalise_answer(FORM, Answer("A-1", rating="NA")).rating == "NA"
    assert normalise_answer(FORM, Answer("A-1", self_rating="D")).self_rating == "D"


def test_rating_refusals():
    assert refused("A-1", rating="E") == (
        "A-1: 評価の記号 'E' は使えません。['A', 'B', 'C', 'D', 'NA'] から選んでください")
    assert refused("A-1", rating="A", self_rating="a") == (
        "A-1: 自己評価の記号 'a' は使えません。['A', 'B', 'C', 'D', 'NA'] から選んでください")
    assert refused("A-2", self_rating="A") == (
        "A-2: この項目には自己評価がありません")
    assert normalise_answer(FORM, Answer("A-2", rating="A")).rating == "A"
    assert refused("A-4", rating="A") == (
        "A-4: 評価の記号を付けられるのは評価項目だけです")
    assert refused("A-4", self_rating="A").startswith("A-4: 評価の記号を付けられるのは")
    assert refused("Z-1", 1) == ("Z-1: 評価票 answer-test 1 にこの項目はありません")


def test_period_and_text_limits_are_exact():
    assert normalise_answer(FORM, Answer("A-4", period="期" * 100)).period == "期" * 100
    assert normalise_answer(FORM, Answer("A-4", period=" " + "期" * 100 + " ")).period == "期" * 100
    assert refused("A-4", period="期" * 101) == (
        "A-4: 期間は100文字以内で入力してください")
    assert refused("A-4", period=2025) == "A-4 期間: 文字で入力してください"
    assert normalise_answer(FORM, Answer("A-1", evidence="e" * MAX_TEXT)).evidence == "e" * MAX_TEXT
    assert refused("A-1", evidence="e" * (MAX_TEXT + 1)) == (
        "A-1 確認した資料・根拠: 20,001文字あります。20,000文字以内にしてください")
    assert refused("A-1", comment=["c"]) == (
        "A-1 コメント: 文字で入力してください")
    assert MAX_TEXT == 20_000


# --- small values -----------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["self_rating", "rating", "value", "period", "evidence",
                                   "comment"])
def test_an_answer_with_any_one_field_is_not_empty(field):
    assert Answer("A-1").is_empty()
    assert not Answer("A-1", **{field: "x"}).is_empty()


def test_team_members_are_checked():
    assert TeamMember("山田 花子", "leader", "physician").role == "leader"
    for kwargs, text in [
        ({"name": " "}, "評価チームのメンバーの氏名を入力してください"),
        ({"name": "山田", "role": "boss"},
         "役割 'boss' は使えません。['leader', 'member', 'observer', 'office'] のいずれかを"
         "指定してください"),
        ({"name": "山田", "profession": "chef"},
         "職種 'chef' は使えません。['physician', 'psychiatrist', 'nurse', 'pharmacist', 'msw', "
         "'psychologist', 'office', 'other'] のいずれかを指定してください"),
    ]:
        with pytest.raises(ValueError) as err:
            TeamMember(**kwargs)
        assert str(err.value) == text


def test_review_uuids_are_fresh_version_4_uuids():
    a, b = new_review_uuid(), new_review_uuid()
    assert a != b and uuid.UUID(a).version == 4 and str(uuid.UUID(a)) == a


def test_a_review_knows_its_leader():
    team = (TeamMember("鈴木", "member", "nurse"), TeamMember("山田", "leader", "physician"))
    r = Review("u", 1, "F001", "架空病院", "f", "1", "h", "final", date(2025, 9, 1), 2025, team)
    assert r.is_final and r.leader == team[1]
    alone = Review("u", 1, "F001", "n", "f", "1", "h", "draft", date(2025, 9, 1), 2025)
    assert not alone.is_final and alone.leader is None


# --- exclusive choices and 「未集計」 (2026.2) -----------------------------------------------------

EXCLUSIVE_FORM = make_form(("B", [
    item("B-1", "multi_choice", choices=[
        {"code": "ward", "label": {"ja": "病棟", "en": "Ward"}},
        {"code": "none", "label": {"ja": "実施していない", "en": "None"}, "exclusive": True}]),
    item("B-2", "percentage", allow_not_collected=True, **PCT),
    item("B-3", "percentage", **PCT),
]), form_id="exclusive-test")


def refused_by(form, answer: Answer) -> str:
    with pytest.raises(AnswerError) as err:
        normalise_answer(form, answer)
    return str(err.value)


def test_an_exclusive_choice_is_refused_with_another_and_named():
    assert refused_by(EXCLUSIVE_FORM, Answer("B-1", value=["ward", "none"])) == (
        "B-1: 「実施していない」はほかの選択肢と同時には選べません。"
        "「実施していない」だけを選ぶか、「実施していない」を外してください")
    assert normalise_answer(EXCLUSIVE_FORM, Answer("B-1", value=["none"])).value == ["none"]
    assert normalise_answer(EXCLUSIVE_FORM, Answer("B-1", value=["none", "none"])
                            ).value == ["none"]


def test_not_collected_messages():
    assert refused_by(EXCLUSIVE_FORM, Answer("B-3", value={"not_collected": True})) == (
        "B-3: この項目は「未集計」にできません。分子と分母を入力してください")
    for value in ({"not_collected": True, "numerator": 1}, {"not_collected": False},
                  {"not_collected": "true"}, {"not_collected": None}):
        assert refused_by(EXCLUSIVE_FORM, Answer("B-2", value=value)) == (
            "B-2: 「未集計」のときは分子・分母を入力しません。どちらかにしてください")
    assert normalise_answer(EXCLUSIVE_FORM, Answer("B-2", value={"not_collected": True})
                            ).value == {"not_collected": True}


def test_the_new_answer_messages_are_translated(echo_catalog):
    assert refused_by(EXCLUSIVE_FORM, Answer("B-1", value=["ward", "none"])).startswith(
        "[review] B-1: 「実施していない」はほかの選択肢と同時には選べません。")
    assert refused_by(EXCLUSIVE_FORM, Answer("B-3", value={"not_collected": True})) == (
        "[review] B-3: この項目は「未集計」にできません。分子と分母を入力してください")
    assert refused_by(EXCLUSIVE_FORM, Answer("B-2", value={"not_collected": 0})) == (
        "[review] B-2: 「未集計」のときは分子・分母を入力しません。どちらかにしてください")


# --- one language: every message is looked up under the context "review" ---------------------

def test_every_refusal_is_looked_up_in_the_catalog_under_review(echo_catalog):
    """In English (here a catalog that echoes "[context] source") every refusal, and every
    field name it contains, comes from the catalog under "review", where lupdate files it."""
    r = "[review] "
    assert refused("A-4", "3") == r + "A-4: 数値を入力してください"
    assert refused("A-4", 2.5) == r + "A-4: 整数を入力してください"
    assert refused("A-4", 0) == r + "A-4: 0 は最小値 1 を下回っています。1 以上を入力してください"
    assert refused("A-4", 11) == r + "A-4: 11 は最大値 10 を超えています。10 以下を入力してください"
    assert refused("A-6", "1/2") == r + "A-6: 分子と分母を入力してください"
    assert refused("A-6", {"numerator": -1, "denominator": 5}) == \
        r + "A-6: " + r + "分子は0以上の整数で入力してください"
    assert refused("A-6", {"numerator": 1, "denominator": -5}) == \
        r + "A-6: " + r + "分母は0以上の整数で入力してください"
    assert refused("A-6", {"numerator": 6, "denominator": 5}) == \
        r + "A-6: 分子（6）が分母（5）より大きくなっています。数値を確認してください"
    assert refused("A-3", 1) == r + "A-3: 「はい」か「いいえ」で回答してください"
    assert refused("A-7", "2026-02-30") == \
        r + "A-7: 日付は 2026-05-01 のように YYYY-MM-DD の形式で入力してください"
    assert refused("A-8", "icu") == r + "A-8: 'icu' は選択肢にありません。['ward', 'home'] から選んでください"
    assert refused("A-9", "ward") == r + "A-9: 選択肢 ['ward', 'home'] から選んでください"
    assert refused("A-10", 42) == r + "A-10: 文字で入力してください"
    assert refused("A-10", "x" * (MAX_TEXT + 1)) == \
        r + "A-10: 20,001文字あります。20,000文字以内にしてください"
    assert refused("A-1", 3) == r + "A-1: この項目は評価の記号で回答します。値は入力できません"
    assert refused("A-1", rating="E") == \
        r + "A-1: " + r + "評価の記号 'E' は使えません。['A', 'B', 'C', 'D', 'NA'] から選んでください"
    assert refused("A-1", rating="A", self_rating="a") == \
        r + "A-1: " + r + "自己評価の記号 'a' は使えません。['A', 'B', 'C', 'D', 'NA'] から選んでください"
    assert refused("A-2", self_rating="A") == r + "A-2: この項目には自己評価がありません"
    assert refused("A-4", rating="A") == r + "A-4: 評価の記号を付けられるのは評価項目だけです"
    assert refused("Z-1", 1) == r + "Z-1: 評価票 answer-test 1 にこの項目はありません"
    assert refused("A-4", period="期" * 101) == r + "A-4: 期間は100文字以内で入力してください"
    assert refused("A-4", period=2025) == r + r + "A-4 期間: 文字で入力してください"
    assert refused("A-1", evidence=1) == r + r + "A-1 確認した資料・根拠: 文字で入力してください"
    assert refused("A-1", comment=["c"]) == r + r + "A-1 コメント: 文字で入力してください"
    with pytest.raises(AnswerError) as err:
        normalise_answer(FORM, Answer("A-1", rating="A", value=3))
    assert str(err.value) == r + "A-1: この項目は評価の記号で回答します。値は入力できません"
    with pytest.raises(AnswerError) as err:
        normalise_value(SimpleNamespace(code="X-1", type="audio"), "x")
    assert str(err.value) == r + "X-1: この種類の項目（'audio'）には回答できません"
    for kwargs, text in [
        ({"name": " "}, "評価チームのメンバーの氏名を入力してください"),
        ({"name": "山田", "role": "boss"}, "役割 'boss' は使えません。"),
        ({"name": "山田", "profession": "chef"}, "職種 'chef' は使えません。"),
    ]:
        with pytest.raises(ValueError) as err:
            TeamMember(**kwargs)
        assert str(err.value).startswith(r + text)
