"""core/imports.py (one result type and one status vocabulary for every import), core/jobs.py
(progress and cancel) and core/review_data.py (one revision with what screens and reports read)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kanwa_review.core import imports as I
from kanwa_review.core.jobs import Cancelled, tick
from kanwa_review.core.completeness import completeness, gaps, review_gaps
from kanwa_review.core.review import Answer, Review
from kanwa_review.core.rules import review_warnings
from kanwa_review.core.scoring import score_review
from kanwa_review.core.skiplogic import relevant_items
from tests.core_support import answers, item, make_form, rule
from tests.test_core_rules import VISIT, figure
from kanwa_review.core.review_data import ReviewData


@pytest.fixture
def marked(echo_catalog):
    """English whose catalogue echoes "[context] source": a text under the wrong context shows."""


def test_the_statuses_are_the_four_json_words():
    assert I.STATUSES == ("imported", "unchanged", "superseded", "rejected")
    assert (I.PACKAGE, I.WORKBOOK, I.PROGRESS, I.FACILITIES) == (
        "package", "workbook", "progress", "facilities")


@pytest.mark.parametrize("status, word", [
    ("imported", "取込"), ("unchanged", "変更なし"), ("superseded", "更新"), ("rejected", "却下"),
    ("odd", "odd"),
])
def test_one_word_per_status(status, word):
    assert I.status_word(status) == word
    assert I.status_with_key(status) == (f"{word} ({status})" if word != status else status)


def test_the_status_words_are_translated_under_their_context(marked):
    assert [I.status_word(s) for s in I.STATUSES] == ["[ImportStatus] 取込", "[ImportStatus] 変更なし",
                                                    "[ImportStatus] 更新", "[ImportStatus] 却下"]
    assert I.status_with_key("rejected") == "[ImportStatus] 却下 (rejected)"


def test_capped_keeps_the_first_lines_and_counts_the_rest():
    assert I.MAX_LISTED == 100
    lines = [f"row {n}" for n in range(1, 2504)]
    out = I.capped(lines)
    assert out[:100] == lines[:100] and len(out) == 101
    assert out[100] == "ほかに 2,403 件あります（最初の 100 件を表示しました）"
    assert I.capped(lines[:100]) == lines[:100]
    assert I.capped(["a", "b", "c"], limit=2) == ["a", "b", "ほかに 1 件あります（最初の 2 件を表示しました）"]
    assert I.capped(["a", "b"], limit=2) == ["a", "b"]


def test_capped_message_is_translated(marked):
    assert I.capped(["a", "b"], limit=1)[1] == ("[ImportStatus] ほかに 1 件あります"
                                              "（最初の 1 件を表示しました）")


def test_a_result_is_rejected_until_said_otherwise():
    r = I.ImportResult("a.kanwa")
    assert (r.status, r.kind, r.ok, r.word) == ("rejected", "package", False, "却下")
    assert (r.review, r.revision, r.facility, r.final, r.signature, r.signer) == (
        None, None, None, False, None, None)
    assert r.errors == r.warnings == r.applied == r.unchanged == r.stale == []
    assert r.created == r.updated == [] and r.actions == {}
    assert I.ImportResult("b", I.IMPORTED).ok and I.ImportResult("b", I.UNCHANGED).ok
    other = I.ImportResult("c")
    other.errors.append("x")
    assert r.errors == []   # each result has its own lists


def test_package_json_has_the_signature_and_actions():
    r = I.ImportResult("a.kanwa", I.SUPERSEDED, I.PACKAGE, review="u-1", revision=2,
                       errors=["e"], warnings=["w"], actions={"created": 1},
                       signature="trusted", signer={"name": "山田", "fingerprint": "ab"})
    assert r.to_json() == {"file": "a.kanwa", "status": "superseded", "review": "u-1",
                           "revision": 2, "errors": ["e"], "warnings": ["w"],
                           "actions": {"created": 1}, "signature": "trusted",
                           "signer": {"name": "山田", "fingerprint": "ab"}}
    plain = I.ImportResult("b.kanwa", I.REJECTED).to_json()
    assert plain == {"file": "b.kanwa", "status": "rejected", "review": None, "revision": None,
                     "errors": [], "warnings": [], "signature": None, "signer": None}


def test_workbook_json_has_no_signature():
    r = I.ImportResult("a.xlsx", I.IMPORTED, I.WORKBOOK, review="u", revision=1,
                       actions={"updated": 2})
    assert r.to_json() == {"file": "a.xlsx", "status": "imported", "review": "u",
                           "revision": 1, "errors": [], "warnings": [],
                           "actions": {"updated": 2}}


def test_progress_json_counts_places():
    r = I.ImportResult("p.xlsx", I.IMPORTED, I.PROGRESS, applied=["A2", "A3"],
                       unchanged=["A4"], stale=["A5"], errors=["e"], warnings=["w"])
    assert r.to_json() == {"file": "p.xlsx", "status": "imported", "applied": 2,
                           "unchanged": 1, "stale": ["A5"], "errors": ["e"], "warnings": ["w"]}


def test_facility_list_summary():
    ok = I.ImportResult("/x/施設.csv", I.IMPORTED, I.FACILITIES, created=["1", "2"],
                        updated=["3"], unchanged=["4", "5", "6"])
    assert ok.summary() == "施設.csv: 新規 2 件・更新 1 件・変更なし 3 件"
    bad = I.ImportResult("/x/施設.csv", kind=I.FACILITIES, errors=["a", "b"], created=["1"])
    assert bad.summary() == "施設.csv: 2 件の問題があるため何も登録していません"


def test_facility_list_summary_is_translated(marked):
    ok = I.ImportResult("f.csv", I.IMPORTED, I.FACILITIES)
    assert ok.summary() == "[ImportStatus] f.csv: 新規 0 件・更新 0 件・変更なし 0 件"
    assert I.ImportResult("f.csv", errors=["a"]).summary() == (
        "[ImportStatus] f.csv: 1 件の問題があるため何も登録していません")


def test_tick_reports_and_cancels():
    seen = []
    tick(None, 1, 2, "x")   # no callback: nothing happens
    tick(lambda d, t, s: seen.append((d, t, s)) or True, 1, 2, "読んでいます")
    tick(lambda d, t, s: seen.append((d, t, s)), 2, 3)    # None is not "stop"
    assert seen == [(1, 2, "読んでいます"), (2, 3, "")]
    with pytest.raises(Cancelled):
        tick(lambda d, t, s: False, 3, 3, "")
    with pytest.raises(Cancelled):
        tick(lambda *a: False, 0, 1)


def _review(category):
    return Review(uuid="u", revision=1, facility_code="F1", facility_name="架空中央病院",
                  form_id="f", form_version="1", form_hash="h", status="draft",
                  visit_date=date(2026, 11, 2), fiscal_year=2026, facility_category=category,
                  overall_comment="")


@pytest.mark.parametrize("category", ["prefectural", "regional_hospital", "specialised", None])
def test_review_data_asks_the_core_with_the_reviews_category(real_form, category):
    """Every figure of a revision is the core's, for the facility category the review started
    with (items that apply to one category only)."""
    answers = {}
    data = ReviewData(_review(category), real_form, answers)
    assert data.findings == [] and data.facility_category == category
    assert data.relevant() == relevant_items(real_form, answers, category)
    assert data.completeness() == completeness(real_form, answers, category)
    assert data.gaps() == (review_gaps(data.review, real_form, answers)
                           + gaps(real_form, answers, category))
    assert data.scores() == score_review(real_form, answers, facility_category=category)
    assert data.scores(self_assessment=True) == score_review(
        real_form, answers, self_assessment=True, facility_category=category)
    assert data.warnings(lang="en") == review_warnings(
        real_form, answers, visit_date=data.review.visit_date, facility_category=category,
        lang="en")
    assert data.overall_comment == ""


def test_the_category_changes_what_applies(real_form):
    """The shipped form asks some items of one category only: ReviewData must pass it on."""
    hub = ReviewData(_review("prefectural"), real_form, {})
    other = ReviewData(_review("regional_hospital"), real_form, {})
    assert hub.relevant() != other.relevant()
    assert hub.gaps() != other.gaps()
    assert ReviewData(_review(None), real_form, {}).findings is not hub.findings


def test_review_data_passes_category_language_and_self_assessment_on():
    """A small form where each of them changes the answer: the facility category (A-3 applies
    to specialised hospitals only; a rule holds for a prefectural hub), the language of the
    warnings and the self-assessment scores."""
    form = make_form(("A", [item("A-1"), item("A-2"),
                            figure("A-3", relevant_if={"facility_category": ["specialised"]})]),
                     rules=[rule("r", {"item": "A-1", "in": ["A"]},
                                 {"any": [{"facility_category": ["prefectural"]},
                                          {"item": "A-2", "in": ["A"]}]})])
    a = answers(Answer("A-1", self_rating="D", rating="A"),
                Answer("A-3", value=1, period="2026年"))
    review = replace(_review("specialised"), visit_date=VISIT)
    data = ReviewData(review, form, a)
    hub = ReviewData(replace(review, facility_category="prefectural"), form, a)
    assert data.completeness() == 66.7
    assert hub.completeness() == 50.0
    assert data.scores(self_assessment=True) != data.scores()
    assert data.scores() == score_review(form, a, facility_category="specialised")
    data = ReviewData(review, form, answers(*a.values(), Answer("A-2", rating="B")))
    hub = ReviewData(replace(review, facility_category="prefectural"), form, data.answers)
    english = data.warnings(lang="en")
    assert [(w.kind, w.message[:5]) for w in english] == [("rule", "Check"),
                                                          ("period_after_visit", "A-3: ")]
    assert [w.message for w in data.warnings()][0] == "確認してください"
    assert hub.warnings() == []
