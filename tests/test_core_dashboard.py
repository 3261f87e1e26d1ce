"""core.dashboard without Qt or a database: medians, colour bands, the heat-map, receipts,
history rows with deltas, and QI validation through core.qi."""

from __future__ import annotations

from datetime import date

from kanwa_review.core.dashboard import (
    DRAFT_ONLY, FINAL, NO_REVIEW, YearQI, YearReview, build_heatmap, format_delta, median,
    qi_problem_count, score_band, visit_rows,
)
from kanwa_review.core.history import OVERALL, VisitScores, build_history
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import Answer, Facility
from kanwa_review.core.scoring import Score, ScoreSummary


def summary(a: float | None, b: float | None, overall: float | None) -> ScoreSummary:
    def score(code, title, value):
        return Score(code, title, value, 0.0, 0.0, 1 if value is not None else 0, 0, 0)
    return ScoreSummary(score("overall", "総合", overall),
                        (score("A", "組織体制", a), score("B", "指標", b)))


FACILITIES = [
    Facility("F001", "架空県立がんセンター", "架空県", "prefectural"),
    Facility("F002", "架空市民病院", "架空県", "regional"),
    Facility("F003", "架空北病院", "架空北県", "regional"),
    Facility("F004", "架空南病院", "架空県", "regional_hospital"),
    Facility("F005", "架空西病院", "架空北県", "regional"),
]


def year_reviews() -> list[YearReview]:
    return [
        YearReview("F001", "final", date(2025, 6, 1), summary(50.0, None, 50.0), "u1", 1),
        YearReview("F001", "final", date(2025, 12, 1), summary(90.0, None, 90.0), "u1b", 1),
        YearReview("F002", "final", date(2025, 7, 1), summary(60.0, None, 60.0), "u2", 1),
        YearReview("F003", "final", date(2025, 8, 1), summary(30.0, None, 30.0), "u3", 2),
        YearReview("F004", "draft", date(2025, 9, 1), None, "u4", 1),
    ]


def test_median_ignores_missing_scores_and_handles_even_counts():
    assert median([10.0, None, 30.0, 20.0]) == 20.0
    assert median([10.0, 20.0]) == 15.0
    assert median([None, None]) is None
    assert median([]) is None


def test_score_bands_follow_the_legend_boundaries():
    assert score_band(None) is None
    assert score_band(100.0) == 0 and score_band(85.0) == 0
    assert score_band(84.9) == 1 and score_band(70.0) == 1
    assert score_band(55.0) == 2 and score_band(40.0) == 3
    assert score_band(39.9) == 4 and score_band(0.0) == 4


def test_heatmap_uses_the_latest_final_review_and_marks_what_is_missing():
    hm = build_heatmap(2025, FACILITIES, year_reviews())
    rows = {r.facility_code: r for r in hm.rows}
    assert [r.facility_code for r in hm.rows] == ["F001", "F002", "F003", "F004", "F005"]
    assert rows["F001"].score("A") == 90.0 and rows["F001"].review_uuid == "u1b"
    assert rows["F003"].revision == 2
    assert rows["F004"].receipt == DRAFT_ONLY and rows["F004"].scores == {}
    assert rows["F005"].receipt == NO_REVIEW
    assert rows["F002"].receipt == FINAL
    # section B has no score anywhere: no column of dashes, overall stays last
    assert hm.codes == ["A", OVERALL]
    assert [r.facility_code for r in hm.not_received()] == ["F004", "F005"]


def test_heatmap_filters_and_medians():
    hm = build_heatmap(2025, FACILITIES, year_reviews())
    assert hm.prefectures() == ["架空北県", "架空県"]
    assert hm.categories() == ["prefectural", "regional", "regional_hospital"]
    assert hm.medians() == {"A": 60.0, OVERALL: 60.0}            # 90, 60, 30
    ken = hm.filtered(prefecture="架空県")
    assert [r.facility_code for r in ken.rows] == ["F001", "F002", "F004"]
    assert ken.medians()["A"] == 75.0                            # 90, 60 (F004 has no score)
    regional = hm.filtered(category="regional")
    assert [r.facility_code for r in regional.rows] == ["F002", "F003", "F005"]
    both = hm.filtered(prefecture="架空北県", category="regional")
    assert [r.facility_code for r in both.rows] == ["F003", "F005"]
    assert hm.medians_by_prefecture() == {"架空北県": {"A": 30.0, OVERALL: 30.0},
                                          "架空県": {"A": 75.0, OVERALL: 75.0}}
    empty = hm.filtered(prefecture="どこにもない県")
    assert empty.rows == () and empty.medians() == {"A": None, OVERALL: None}


def test_visit_rows_carry_the_change_since_the_previous_visit():
    history = build_history("F001", [
        VisitScores(2024, summary(40.0, 50.0, 45.0), date(2024, 9, 1), "old", 1),
        VisitScores(2025, summary(55.5, None, 60.0), date(2025, 9, 1), "new", 1),
    ])
    rows = visit_rows(history)
    assert [r.review_uuid for r in rows] == ["new", "old"]       # newest first
    assert rows[0].overall == 60.0 and rows[0].overall_delta == 15.0
    assert rows[0].deltas == {"A": 15.5, "B": None}
    assert rows[1].overall_delta is None


def test_format_delta_signs():
    assert format_delta(3.24) == "+3.2pt"
    assert format_delta(-1.0) == "\u22121.0pt"           # U+2212, never ▲/▼ or a hyphen
    assert format_delta(0.0) == "±0.0pt"
    assert format_delta(None) == "—"
    assert format_delta(-3.3, unit="") == "\u22123.3"


def test_qi_validation_flags_bad_figures(mini_form):
    # answers read from outside (an import) can hold what the editor refuses
    answers = {"B-1": Answer("B-1", value={"numerator": 70, "denominator": 60}, period=None),
               "B-2": Answer("B-2", value=12)}
    values = {v.item_code: v for v in qi_values(mini_form, answers)}
    b1 = values["B-1"]
    assert b1.value is None
    assert any("分子が分母より大きくなっています" in p for p in b1.problems)
    assert values["B-2"].problems == ()                          # fiscal-year period: implied
    zero = {v.item_code: v for v in qi_values(
        mini_form, {"B-1": Answer("B-1", value={"numerator": 0, "denominator": 0}, period="2025年度")})}
    assert any("分母が0です" in p for p in zero["B-1"].problems)
    no_period = {v.item_code: v for v in qi_values(
        mini_form, {"B-1": Answer("B-1", value={"numerator": 3, "denominator": 6})})}
    assert no_period["B-1"].value == 50.0
    assert any("期間が未記入です" in p for p in no_period["B-1"].problems)
    years = [YearQI(2025, date(2025, 9, 1), tuple(values.values())),
             YearQI(2024, None, tuple(no_period.values()))]
    assert years[0].problems[0][0] == "B-1"
    assert qi_problem_count(years) == 2


def test_core_dashboard_has_no_qt():
    from pathlib import Path

    import kanwa_review.core.dashboard as mod
    text = Path(mod.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in text


# --- across a form revision ---------------------------------------------------------------

def test_the_heatmap_marks_sections_that_do_not_compare_with_the_latest_version():
    from kanwa_review.core.revisions import not_compared
    from tests.test_core_revisions import FULL, V1, v2

    later = v2(*FULL, not_comparable=["B"])
    s1 = ScoreSummary(Score("overall", "総合", 50.0, 0, 0, 0, 0, 0),
                      (Score("A", "節A", 40.0, 0, 0, 0, 0, 0),
                       Score("B", "節B", 60.0, 0, 0, 0, 0, 0)))
    s2 = ScoreSummary(Score("overall", "総合", 80.0, 0, 0, 0, 0, 0),
                      (Score("A", "節A", 70.0, 0, 0, 0, 0, 0),
                       Score("B", "節B", 90.0, 0, 0, 0, 0, 0)))
    facilities = [Facility("F001", "一"), Facility("F002", "二"), Facility("F003", "三")]
    reviews = [YearReview("F001", "final", date(2026, 6, 1), s1, "u1", 1, V1),
               YearReview("F002", "final", date(2026, 9, 1), s2, "u2", 1, later),
               YearReview("F003", "draft", date(2026, 10, 1), None, "u3", 1, None)]
    hm = build_heatmap(2026, facilities, reviews)
    rows = {r.facility_code: r for r in hm.rows}
    assert rows["F001"].notes == {"B": not_compared(), OVERALL: not_compared()}
    assert rows["F002"].notes == {} and rows["F003"].notes == {}
    assert hm.medians() == {"A": 55.0, "B": 90.0, OVERALL: 80.0}
    # the same form, or forms unknown: nothing is left out
    same = build_heatmap(2026, facilities, [
        YearReview("F001", "final", date(2026, 6, 1), s1, "u1", 1, later),
        YearReview("F002", "final", date(2026, 9, 1), s2, "u2", 1, later)])
    assert all(r.notes == {} for r in same.rows) and same.medians()["B"] == 75.0
    unknown = build_heatmap(2026, facilities, [
        YearReview("F001", "final", date(2026, 6, 1), s1, "u1", 1),
        YearReview("F002", "final", date(2026, 9, 1), s2, "u2", 1, later)])
    assert unknown.medians()["B"] == 75.0
    # the latest visit's version is the reference, whichever order the input has
    earlier_latest = build_heatmap(2026, facilities, [
        YearReview("F002", "final", date(2026, 9, 1), s2, "u2", 1, later),
        YearReview("F001", "final", date(2026, 10, 1), s1, "u1", 1, V1)])
    rows = {r.facility_code: r for r in earlier_latest.rows}
    assert rows["F002"].notes == {"B": not_compared(), OVERALL: not_compared()}
    assert rows["F001"].notes == {}


def test_a_version_between_is_used_to_compare_facilities():
    from kanwa_review.core.revisions import not_compared, other_form
    from tests.test_core_revisions import FULL, V1, V3, v2

    s = ScoreSummary(Score("overall", "総合", 50.0, 0, 0, 0, 0, 0),
                     (Score("A", "節A", 40.0, 0, 0, 0, 0, 0),))
    reviews = [YearReview("F001", "final", date(2026, 6, 1), s, "u1", 1, V1),
               YearReview("F002", "final", date(2026, 9, 1), s, "u2", 1, V3)]
    facilities = [Facility("F001", "一"), Facility("F002", "二")]
    assert {r.facility_code: r.notes for r in build_heatmap(
        2026, facilities, reviews, [v2(*FULL)]).rows} == {"F001": {}, "F002": {}}
    # the version between says A is not comparable: only known through it
    between = [v2(*FULL, not_comparable=["A"])]
    assert {r.facility_code: r.notes for r in build_heatmap(
        2026, facilities, reviews, between).rows} == {
        "F001": {"A": not_compared(), OVERALL: not_compared()}, "F002": {}}
    other = V3.model_copy(update={"id": "other"})
    reviews[1] = YearReview("F002", "final", date(2026, 9, 1), s, "u2", 1, other)
    rows = {r.facility_code: r for r in build_heatmap(2026, facilities, reviews).rows}
    assert rows["F001"].notes == {"A": other_form(), OVERALL: other_form()}


def test_visit_rows_carry_the_notes_of_a_revision():
    from kanwa_review.core.revisions import not_compared
    from tests.test_core_revisions import FULL, V1, v2

    later = v2(*FULL, not_comparable=["B"])
    history = build_history("F001", [
        VisitScores(2024, summary(40.0, 50.0, 45.0), date(2024, 9, 1), "old", 1, V1),
        VisitScores(2025, summary(55.5, 60.0, 60.0), date(2025, 9, 1), "new", 1, later),
    ])
    rows = visit_rows(history)
    assert rows[0].notes == {"B": not_compared(), OVERALL: not_compared()}
    assert rows[0].deltas == {"A": 15.5, "B": None} and rows[0].overall_delta is None
    assert rows[1].notes == {}


def test_every_facility_on_another_version_is_marked_and_a_new_section_stops_the_overall():
    from kanwa_review.core.revisions import not_compared
    from tests.test_core_revisions import V1, form, item

    later = form("2", ("A", [item("A-1"), item("A-2")]), ("B", [item("B-1")]),
                 ("C", [item("C-1")]))
    s = ScoreSummary(Score("overall", "総合", 50.0, 0, 0, 0, 0, 0),
                     (Score("A", "節A", 40.0, 0, 0, 0, 0, 0), Score("B", "節B", 60.0, 0, 0, 0, 0, 0)))
    facilities = [Facility("F001", "一"), Facility("F002", "二"), Facility("F003", "三")]
    reviews = [YearReview("F002", "final", date(2026, 9, 1), s, "u2", 1, later),
               YearReview("F003", "final", date(2026, 5, 1), s, "u3", 1, later),
               YearReview("F001", "final", date(2026, 6, 1), s, "u1", 1, V1)]
    rows = {r.facility_code: r.notes for r in build_heatmap(2026, facilities, reviews).rows}
    # V1's A and B compare with the later form's; its overall does not (C is new)
    assert rows == {"F001": {OVERALL: not_compared()}, "F002": {}, "F003": {}}
