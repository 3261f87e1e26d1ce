"""Core pieces of issue 14 without a database: review details (総評, visit overview), the 総評
gap, the 総評 of a form before 2026.2 (J-7), report settings, the documents a hospital sends
before the visit, and the coherence of a review."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kanwa_review.core.coherence import coherence_problems
from kanwa_review.core.completeness import OVERALL_COMMENT_GAP, review_gaps
from kanwa_review.core.documents import DocumentRequest, requested_documents
from kanwa_review.core.review import (
    MAX_TEXT, VISIT_OVERVIEW_LABELS, Answer, AnswerError, Finding, Review, VisitOverview,
    clean_review_text, legacy_overall_item, overall_comment,
)
from kanwa_review.core.review_data import ReviewData
from kanwa_review.core.settings import (
    DEFAULT_CONFIDENTIALITY, MAX_SETTING, SETTING_KEYS, ReportSettings, check_setting,
    settings_from,
)
from tests.core_support import answers, item, make_form

FORM = make_form(
    ("A", [item("A-1"), item("A-2"), item("A-3", "percentage", period="custom",
                                           numerator={"ja": "分子"}, denominator={"ja": "分母"})]),
    ("J", [item("J-6", "text"), item("J-7", "text", ja="総評（レビューチームによる全体所見）")]))
PLAIN = make_form(("A", [item("A-1"), item("J-7", "text", ja="その他の所見")]), form_id="plain")


def review(**kw) -> Review:
    base = Review("u", 1, "F001", "架空病院", FORM.id, FORM.version, FORM.sha256, "draft",
                  date(2025, 9, 1), 2025)
    return replace(base, **kw)


# --- review details -------------------------------------------------------------------------

def test_a_review_starts_without_details():
    r = review()
    assert r.overall_comment == "" and r.overview == VisitOverview()
    assert r.overview.is_empty() and r.plan_due is None and r.follow_up is None
    assert r.facility_category is None


def test_visit_overview_fields_and_emptiness():
    o = VisitOverview(schedule="13:00 開会", interviewees=" ", documents="", departments="")
    assert not o.is_empty()
    assert VisitOverview(interviewees="  \n").is_empty()
    assert list(o.as_dict()) == list(VISIT_OVERVIEW_LABELS) == [
        "schedule", "interviewees", "documents", "departments"]
    assert o.as_dict()["schedule"] == "13:00 開会"
    assert VISIT_OVERVIEW_LABELS == {"schedule": "日程", "interviewees": "面談者",
                                     "documents": "確認資料", "departments": "見学部署"}


def test_clean_review_text_limits():
    assert clean_review_text(None, "総評") == ""
    assert clean_review_text("x" * MAX_TEXT, "総評") == "x" * MAX_TEXT
    with pytest.raises(AnswerError, match="総評: 20,001文字あります。20,000文字以内"):
        clean_review_text("x" * (MAX_TEXT + 1), "総評")
    with pytest.raises(AnswerError, match="面談者: 文字で入力してください"):
        clean_review_text(3, "面談者")


# --- 総評 and the form before 2026.2 --------------------------------------------------------

def test_the_legacy_overall_item_is_a_text_item_j7_about_総評():
    assert legacy_overall_item(FORM) == "J-7"
    assert legacy_overall_item(PLAIN) is None                  # J-7 asks something else
    assert legacy_overall_item(make_form(("A", [item("A-1")]))) is None
    rating = make_form(("J", [item("J-7", ja="総評")]), form_id="rated")
    assert legacy_overall_item(rating) is None                 # not a text item


def test_overall_comment_prefers_the_review_field():
    held = answers(Answer("J-7", value="J-7 に書いた総評"))
    assert overall_comment(review(overall_comment="総評です"), FORM, held) == "総評です"
    assert overall_comment(review(), FORM, held) == "J-7 に書いた総評"
    assert overall_comment(review(overall_comment="  "), FORM, held) == "J-7 に書いた総評"
    assert overall_comment(review(), FORM, answers(Answer("J-7", value="  "))) == ""
    assert overall_comment(review(), FORM, {}) == ""
    assert overall_comment(review(), PLAIN, answers(Answer("J-7", value="他の所見"))) == ""


def test_review_gaps_ask_for_総評_first():
    gaps = review_gaps(review(), FORM, {})
    assert [(g.item_code, g.section_code, g.kind) for g in gaps] == [("", "", OVERALL_COMMENT_GAP)]
    assert OVERALL_COMMENT_GAP == "overall_comment" and "総評" in gaps[0].message
    assert review_gaps(review(overall_comment="あり"), FORM, {}) == []
    assert review_gaps(review(), FORM, answers(Answer("J-7", value="旧様式の総評"))) == []
    data = ReviewData(review(), FORM, answers(Answer("A-1", rating="C")))
    assert [(g.kind, g.item_code) for g in data.gaps()] == [
        ("overall_comment", ""), ("comment_required", "A-1")]     # 総評 first, then items


def test_review_data_reads_the_review_s_category_and_visit_date():
    form = make_form(("A", [item("A-1"), item("A-2", relevant_if={
        "facility_category": ["regional_hospital"]})]), form_id="cat")
    hub = ReviewData(review(), form, {})
    rh = ReviewData(review(facility_category="regional_hospital"), form, {})
    assert hub.facility_category is None and rh.facility_category == "regional_hospital"
    assert hub.relevant() == {"A-1"} and rh.relevant() == {"A-1", "A-2"}
    assert hub.completeness() == 0.0 and rh.completeness() == 0.0
    assert len(rh.scores().sections[0].distribution) == 0
    assert rh.scores().overall.unrated == 2 and hub.scores().overall.unrated == 1
    late = ReviewData(review(), FORM, answers(Answer(
        "A-3", value={"numerator": 1, "denominator": 2}, period="2025年4月〜2025年9月")))
    assert [w.kind for w in late.warnings()] == ["period_after_visit"]   # visit 2025-09-01
    assert ReviewData(review(overall_comment="x"), FORM, {}).overall_comment == "x"


# --- settings -------------------------------------------------------------------------------

def test_report_settings_defaults_and_issuer():
    s = ReportSettings()
    assert s.issuer_for("架空県") == "架空県がん診療連携協議会 緩和ケア部会"
    assert s.issuer_for(" ") == "がん診療連携協議会 緩和ケア部会"
    assert s.issuer_for() == "がん診療連携協議会 緩和ケア部会"
    assert ReportSettings(issuer=" 〇〇県がん診療連携協議会 緩和ケア部会 ").issuer_for("架空県") \
        == "〇〇県がん診療連携協議会 緩和ケア部会"
    assert s.confidentiality_text == DEFAULT_CONFIDENTIALITY and "取扱注意" in DEFAULT_CONFIDENTIALITY
    assert ReportSettings(confidentiality=" 部外秘 ").confidentiality_text == "部外秘"
    assert s.recipients[0] == "被評価施設　病院長" and len(s.recipients) == 3
    assert ReportSettings(distribution="病院長\n\n 部会長 \n").recipients == ["病院長", "部会長"]


def test_settings_from_and_check():
    assert settings_from({}) == ReportSettings()
    stored = {"report.issuer": "部会", "report.distribution": "病院長", "other": "x"}
    assert settings_from(stored) == ReportSettings(issuer="部会", distribution="病院長")
    assert SETTING_KEYS == {"issuer": "report.issuer", "confidentiality": "report.confidentiality",
                            "distribution": "report.distribution"}
    assert check_setting("issuer", " 部会 ") == "部会"
    assert check_setting("issuer", "x" * MAX_SETTING) == "x" * MAX_SETTING
    with pytest.raises(ValueError, match="2,000文字以内"):
        check_setting("issuer", "x" * (MAX_SETTING + 1))
    with pytest.raises(ValueError, match="設定 colour はありません"):
        check_setting("colour", "red")
    with pytest.raises(ValueError, match="文字で入力"):
        check_setting("issuer", 1)


# --- documents before the visit ------------------------------------------------------------

DOCS = make_form(
    ("A", [item("A-1", documents=[{"ja": "規程"}, {"ja": "議事録"}]),
           item("A-2", documents=[{"ja": "議事録"}]),
           item("A-3", "yes_no"),
           item("A-4", relevant_if={"item": "A-3", "equals": True},
                documents=[{"ja": "前回の報告書"}, {"ja": "規程"}])]),
    ("C", [item("C-1", relevant_if={"facility_category": ["regional_hospital"]},
                documents=[{"ja": "看護師の配置表"}]),
           item("C-2", relevant_if={"all": [{"facility_category": ["prefectural"]},
                                            {"facility_category": ["regional"]}]},
                documents=[{"ja": "両方の区分"}]),
           item("C-3", documents=[{"ja": "前回の報告書"}])]), form_id="docs")


def test_documents_listed_once_with_their_items():
    got = requested_documents(DOCS, "regional")
    assert got == [
        DocumentRequest("A", "規程", ("A-1", "A-4")),
        DocumentRequest("A", "議事録", ("A-1", "A-2")),
        DocumentRequest("A", "前回の報告書", ("A-4", "C-3")),   # C-3 needs it in any case
    ]


def test_documents_of_an_answer_dependent_item_are_conditional():
    only = make_form(("A", [item("A-3", "yes_no"), item("A-4", relevant_if={
        "item": "A-3", "equals": True}, documents=[{"ja": "前回の報告書"}])]), form_id="cond")
    assert requested_documents(only, "regional") == [
        DocumentRequest("A", "前回の報告書", ("A-4",), conditional=True)]


def test_documents_follow_the_facility_category():
    rh = [d.text for d in requested_documents(DOCS, "regional_hospital")]
    assert "看護師の配置表" in rh and "両方の区分" not in rh
    assert "看護師の配置表" not in [d.text for d in requested_documents(DOCS, None)]
    assert requested_documents(make_form(("A", [item("A-1")])), None) == []


def test_the_shipped_form_asks_for_documents(real_form):
    hub = requested_documents(real_form, "regional")
    assert len(hub) >= 40 and all(d.item_codes for d in hub)
    codes = {c for d in hub for c in d.item_codes}
    assert {"A-1", "B-1", "C-16"} <= codes
    assert any(d.conditional and "D-6" in d.item_codes for d in hub)   # when there is a clinic


# --- coherence ------------------------------------------------------------------------------

COH = make_form(("A", [item("A-1"), item("A-2"), item("A-3", "percentage", period="custom",
                                                     numerator={"ja": "分子"},
                                                     denominator={"ja": "分母"})]),
                form_id="coh")


def _data(answers_, findings=(), **kw) -> ReviewData:
    return ReviewData(replace(review(), **kw), COH, answers(*answers_), list(findings))


def test_a_coherent_review_has_no_problems():
    data = _data([Answer("A-1", rating="C", comment="手順がない"), Answer("A-2", rating="A"),
                  Answer("A-3", value={"numerator": 1, "denominator": 2}, period="2025年3月")],
                 [Finding("improve", "手順を整えられたい", ("A-1",))], overall_comment="総評")
    assert coherence_problems(data) == []


def test_each_kind_of_incoherence_is_named():
    data = _data([Answer("A-1", rating="D"), Answer("A-2", rating="C", comment="一部"),
                  Answer("A-3", value={"numerator": 1, "denominator": 2}, period="2025年度")],
                 [Finding("strength", "良い", ("A-2",)),
                  Finding("recommendation", "提言", ("A-2",))])
    got = [(p.kind, p.item_code) for p in coherence_problems(data)]
    assert got == [("comment", "A-1"), ("finding", "A-1"), ("period_after_visit", "A-3"),
                   ("overall_comment", "")]
    messages = [p.message for p in coherence_problems(data)]
    assert "A-1: 評価 D の理由のコメントがありません" == messages[0]
    assert "改善が望まれる点・提言" in messages[1] and messages[3] == "総評がありません"


def test_a_strength_does_not_answer_a_weak_rating_and_skipped_items_do_not_count():
    data = _data([Answer("A-1", rating="C", comment="x")],
                 [Finding("strength", "良い", ("A-1",))], overall_comment="総評")
    assert [(p.kind, p.item_code) for p in coherence_problems(data)] == [("finding", "A-1")]
    ok = _data([Answer("A-1", rating="B"), Answer("A-2")], overall_comment="総評")
    assert coherence_problems(ok) == []
