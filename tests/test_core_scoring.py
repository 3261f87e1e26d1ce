"""core.scoring and core.trends: exact scores with every count the PDF prints, and properties
(item order, N/A and unrated items, sections) that hold for any ratings and weights."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanwa_review.core.review import Answer
from kanwa_review.core.scoring import Score, ScoreSummary, score_review
from kanwa_review.core.trends import ScoreChange, score_changes
from tests.core_support import PROPERTY, answers, item, make_form

# --- exact scores on the mini form ------------------------------------------------------------
# Section A: A-1 (weight 1), A-2 (weight 2), then a yes/no and a text item.
# Section B: a percentage, a count, a choice, then B-4 (rating, shown when B-3 is answered) …


def test_an_unrated_item_does_not_hide_the_items_after_it(mini_form):
    s = score_review(mini_form, answers(Answer("A-2", rating="B"),       # A-1 not yet rated
                                        Answer("B-3", value="assigned"), Answer("B-4", rating="C")))
    assert s.section("A") == Score("A", "組織体制", 66.7, 4.0, 6.0, rated=1, not_applicable=0,
                                   unrated=1, distribution={"B": 1})
    # B-4 comes after three items that are not ratings: they are passed over, not an end
    assert s.section("B") == Score("B", "指標", 33.3, 1.0, 3.0, rated=1, not_applicable=0,
                                   unrated=0, distribution={"C": 1})
    assert s.overall == Score("overall", "総合", 55.6, 5.0, 9.0, rated=2, not_applicable=0,
                              unrated=1, distribution={"B": 1, "C": 1})
    assert s.sections == (s.section("A"), s.section("B"))


def test_counts_add_up_within_a_section_and_over_sections(mini_form):
    both_c = score_review(mini_form, answers(Answer("A-1", rating="C"), Answer("A-2", rating="C")))
    assert both_c.section("A") == Score("A", "組織体制", 33.3, 3.0, 9.0, rated=2,
                                        not_applicable=0, unrated=0, distribution={"C": 2})
    both_na = score_review(mini_form, answers(
        Answer("A-1", rating="NA"), Answer("A-2", rating="NA"),
        Answer("B-3", value="dedicated"), Answer("B-4", rating="NA")))
    assert both_na.section("A") == Score("A", "組織体制", None, 0.0, 0.0, rated=0,
                                         not_applicable=2, unrated=0, distribution={"NA": 2})
    assert both_na.overall == Score("overall", "総合", None, 0.0, 0.0, rated=0, not_applicable=3,
                                    unrated=0, distribution={"NA": 3})
    nothing = score_review(mini_form, {})
    assert nothing.section("A") == Score("A", "組織体制", None, 0.0, 0.0, 0, 0, 2, {})
    # B-4 is not shown until B-3 is answered: it is neither rated nor unrated
    assert nothing.section("B") == Score("B", "指標", None, 0.0, 0.0, 0, 0, 0, {})
    assert nothing.overall == Score("overall", "総合", None, 0.0, 0.0, 0, 0, 2, {})


def test_a_rating_the_scale_does_not_know_counts_as_not_applicable(mini_form):
    # imported data can carry a code the editor would refuse; it scores nothing
    s = score_review(mini_form, answers(Answer("A-1", rating="Z"), Answer("A-2", rating="A")))
    assert s.section("A") == Score("A", "組織体制", 100.0, 6.0, 6.0, 1, 1, 0, {"Z": 1, "A": 1})


def test_self_assessment_uses_the_self_ratings_only(mini_form):
    a = answers(Answer("A-1", self_rating="B"), Answer("A-2", rating="D", self_rating="A"))
    own = score_review(mini_form, a, self_assessment=True)
    assert own.section("A") == Score("A", "組織体制", 88.9, 8.0, 9.0, 2, 0, 0, {"B": 1, "A": 1})
    reviewer = score_review(mini_form, a)
    assert reviewer.section("A") == Score("A", "組織体制", 0.0, 0.0, 6.0, 1, 0, 1, {"D": 1})


def test_summary_finds_sections_by_code(mini_form):
    s = score_review(mini_form, {})
    assert [x.code for x in s.sections] == ["A", "B"]
    assert s.section("B").title == "指標"
    with pytest.raises(StopIteration):
        s.section("Z")


# --- properties -----------------------------------------------------------------------------

WEIGHTS = st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0])      # binary fractions: sums are exact
RATINGS = st.sampled_from(["A", "B", "C", "D", "NA", None])
ITEMS = st.lists(st.tuples(WEIGHTS, RATINGS), min_size=1, max_size=12)


def _form_and_answers(pairs, codes=None, sections=1):
    """A form whose rating items carry `pairs` (weight, rating) in the order given; item codes
    come from `codes` so that the same item can sit at another place. With sections=2 the items
    alternate between section A and B (codes keep their section letter in front)."""
    codes = codes or [f"A-{i + 1}" for i in range(len(pairs))]
    by_section: dict[str, list] = {}
    ans = {}
    for n, (code, (weight, rating)) in enumerate(zip(codes, pairs)):
        sec = "AB"[n % sections]
        code = f"{sec}-{code.split('-')[1]}"
        by_section.setdefault(sec, []).append(item(code, weight=weight))
        if rating is not None:
            ans[code] = Answer(code, rating=rating)
    return make_form(*by_section.items()), ans


def _expected(pairs):
    rated = [(w, {"A": 3, "B": 2, "C": 1, "D": 0}[r]) for w, r in pairs if r not in ("NA", None)]
    points = sum(w * p for w, p in rated)
    max_points = sum(w * 3 for w, _p in rated)
    return points, max_points


@PROPERTY
@given(pairs=ITEMS, data=st.data())
def test_score_does_not_depend_on_item_order(pairs, data):
    form, ans = _form_and_answers(pairs)
    order = data.draw(st.permutations(range(len(pairs))))
    codes = [f"A-{i + 1}" for i in range(len(pairs))]
    shuffled, ans2 = _form_and_answers([pairs[i] for i in order], [codes[i] for i in order])
    first, second = score_review(form, ans), score_review(shuffled, ans2)
    assert first.overall == second.overall
    points, max_points = _expected(pairs)
    assert (first.overall.points, first.overall.max_points) == (points, max_points)
    assert first.overall.achievement == (round(100 * points / max_points, 1) if max_points
                                         else None)
    assert first.overall.rated + first.overall.not_applicable + first.overall.unrated == len(pairs)


@PROPERTY
@given(pairs=ITEMS, extra=st.lists(st.sampled_from(["NA", None]), min_size=1, max_size=5),
       data=st.data())
def test_adding_not_applicable_or_unrated_items_changes_no_score(pairs, extra, data):
    form, ans = _form_and_answers(pairs)
    before = score_review(form, ans).overall
    more = list(pairs)
    for rating in extra:
        more.insert(data.draw(st.integers(0, len(more))), (data.draw(WEIGHTS), rating))
    form2, ans2 = _form_and_answers(more)
    after = score_review(form2, ans2).overall
    assert (after.achievement, after.points, after.max_points, after.rated) == (
        before.achievement, before.points, before.max_points, before.rated)
    assert after.not_applicable == before.not_applicable + extra.count("NA")
    assert after.unrated == before.unrated + extra.count(None)
    assert after.distribution.get("NA", 0) == before.distribution.get("NA", 0) + extra.count("NA")


@PROPERTY
@given(pairs=ITEMS)
def test_overall_pools_the_items_of_all_sections(pairs):
    one, ans1 = _form_and_answers(pairs)
    two, ans2 = _form_and_answers(pairs, sections=2)
    pooled, split = score_review(one, ans1), score_review(two, ans2)
    assert split.overall == pooled.overall
    assert split.overall.points == sum(s.points for s in split.sections)
    assert split.overall.max_points == sum(s.max_points for s in split.sections)
    for s in split.sections:
        assert s.achievement is None or 0.0 <= s.achievement <= 100.0
        assert (s.achievement is None) == (s.max_points == 0)


@PROPERTY
@given(weights=st.lists(WEIGHTS, min_size=1, max_size=8), rating=st.sampled_from("ABCD"))
def test_one_rating_everywhere_scores_its_share_of_the_maximum(weights, rating):
    form, ans = _form_and_answers([(w, rating) for w in weights])
    share = {"A": 100.0, "B": 66.7, "C": 33.3, "D": 0.0}[rating]
    assert score_review(form, ans).overall.achievement == share


# --- trends ---------------------------------------------------------------------------------


def test_changes_carry_titles_and_match_sections_by_code():
    now = ScoreSummary(Score("overall", "総合", 70.0, 0, 0, 0, 0, 0),
                       (Score("A", "体制", 80.0, 0, 0, 0, 0, 0),
                        Score("N", "新しい節", 50.0, 0, 0, 0, 0, 0)))
    before = ScoreSummary(Score("overall", "総合", 60.0, 0, 0, 0, 0, 0),
                          (Score("A", "旧体制", 75.0, 0, 0, 0, 0, 0),))
    assert score_changes(now, before) == [
        ScoreChange("A", "体制", 80.0, 75.0),
        ScoreChange("N", "新しい節", 50.0, None),
        ScoreChange("overall", "総合", 70.0, 60.0),
    ]
    assert [c.delta for c in score_changes(now, before)] == [5.0, None, 10.0]
    assert score_changes(now, None)[-1] == ScoreChange("overall", "総合", 70.0, None)


def test_delta_needs_both_scores():
    assert ScoreChange("A", "t", None, 50.0).delta is None
    assert ScoreChange("A", "t", 50.0, None).delta is None
    assert ScoreChange("A", "t", 33.3, 55.6).delta == -22.3
