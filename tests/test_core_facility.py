"""The facility category reaches every computation that depends on skip logic: an item that
applies only to one kind of facility is counted, scored, listed, cleared and checked for that
kind alone, and an unknown facility is read as a regional hub."""

from __future__ import annotations

from datetime import date

import pytest

from kanwa_review.core.completeness import completeness, gaps
from kanwa_review.core.form import All, Any_, FacilityCategory
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import Answer
from kanwa_review.core.rules import period_warnings
from kanwa_review.core.scoring import score_review
from kanwa_review.core.skiplogic import condition_holds, items_cleared_by, relevant_items
from tests.core_support import answers, item, make_form

ONLY_HOSPITALS = {"facility_category": ["regional_hospital"]}
NOT_HOSPITALS = {"facility_category": ["prefectural", "regional", "specialised", "other"]}


@pytest.fixture(scope="module")
def form():
    """A-1 applies everywhere; A-2 (rating) and A-3 (a figure) to regional hospitals only;
    A-4 to every other kind of facility."""
    return make_form(("A", [
        item("A-1", required=True),
        item("A-2", required=True, relevant_if=ONLY_HOSPITALS),
        item("A-3", "integer", period="custom", required=True, relevant_if=ONLY_HOSPITALS),
        item("A-4", "yes_no", required=True, relevant_if=NOT_HOSPITALS),
    ]))


ANSWERS = answers(Answer("A-1", rating="A"), Answer("A-2", rating="D", comment="未整備"),
                  Answer("A-3", value=4, period="2026年"))


def test_which_items_apply(form):
    assert relevant_items(form, {}, "regional_hospital") == {"A-1", "A-2", "A-3"}
    assert relevant_items(form, {}, "prefectural") == {"A-1", "A-4"}
    assert relevant_items(form, {}) == relevant_items(form, {}, "regional") == {"A-1", "A-4"}


def test_completeness_and_gaps_follow_the_category(form):
    assert completeness(form, ANSWERS, "regional_hospital") == 100.0
    assert completeness(form, ANSWERS) == 50.0                      # A-4 open, A-2/A-3 not asked
    assert gaps(form, ANSWERS, "regional_hospital") == []
    assert [g.item_code for g in gaps(form, ANSWERS)] == ["A-4"]


def test_scores_follow_the_category(form):
    hospital = score_review(form, ANSWERS, facility_category="regional_hospital").overall
    hub = score_review(form, ANSWERS).overall
    assert (hospital.rated, hospital.points, hospital.achievement) == (2, 3.0, 50.0)
    assert (hub.rated, hub.points, hub.achievement) == (1, 3.0, 100.0)


def test_figures_follow_the_category(form):
    assert [q.item_code for q in qi_values(form, ANSWERS, facility_category="regional_hospital")
            ] == ["A-3"]
    assert qi_values(form, ANSWERS) == []
    visit = date(2026, 6, 1)
    assert [w.item_code for w in period_warnings(form, ANSWERS, visit,
                                                 facility_category="regional_hospital")] == ["A-3"]
    assert period_warnings(form, ANSWERS, visit) == []


def test_answers_that_no_longer_apply_follow_the_category(form):
    assert items_cleared_by(form, ANSWERS, "regional_hospital") == []
    assert items_cleared_by(form, ANSWERS) == ["A-2", "A-3"]


@pytest.mark.parametrize("category, expected", [
    ("regional_hospital", True), ("prefectural", False), (None, False), ("regional", False)])
def test_facility_tests_inside_all_and_any(category, expected):
    hospital = FacilityCategory(facility_category=("regional_hospital",))
    assert condition_holds(All(all=(hospital,)), {}, category) is expected
    assert condition_holds(Any_(any=(hospital,)), {}, category) is expected
    nested = Any_(any=(All(all=(hospital,)),))
    assert condition_holds(nested, {}, category) is expected
