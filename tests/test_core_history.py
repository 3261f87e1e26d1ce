"""core.history and the heat-map / visit rows of core.dashboard: which visit of a year wins
(out of order, equal dates, missing dates), titles from the newest visit, every field carried."""

from __future__ import annotations

from datetime import date

import pytest

from kanwa_review.core.dashboard import (
    DRAFT_ONLY, FINAL, NO_REVIEW, Heatmap, HeatmapRow, VisitRow, YearReview, build_heatmap,
    format_delta, median, score_band, visit_rows,
)
from kanwa_review.core.history import (
    OVERALL, FacilityHistory, HistoryPoint, VisitScores, build_history,
)
from kanwa_review.core.review import Facility
from kanwa_review.core.scoring import Score, ScoreSummary
from kanwa_review.core.trends import ScoreChange, score_changes


def summary(overall: float | None, **sections: float | None) -> ScoreSummary:
    """Scores by section code; a section's title is "節" + code unless given as (title, value)."""
    out = []
    for code, value in sections.items():
        title, value = value if isinstance(value, tuple) else (f"節{code}", value)
        out.append(Score(code, title, value, 0.0, 0.0, 0, 0, 0))
    return ScoreSummary(Score("overall", "総合", overall, 0.0, 0.0, 0, 0, 0), tuple(out))


# --- which visit of a fiscal year counts ------------------------------------------------------

def _kept(*visits: VisitScores) -> list[str | None]:
    return [p.review_uuid for p in build_history("F001", visits).points]


def test_the_latest_visit_of_a_year_wins_whatever_the_input_order():
    late = VisitScores(2025, summary(80.0), date(2026, 2, 1), "late", 1)
    early = VisitScores(2025, summary(40.0), date(2025, 6, 1), "early", 1)
    assert _kept(late, early) == ["late"]
    assert _kept(early, late) == ["late"]


def test_on_equal_dates_or_without_a_date_the_later_entry_wins():
    a = VisitScores(2025, summary(50.0), date(2025, 9, 1), "a", 1)
    b = VisitScores(2025, summary(60.0), date(2025, 9, 1), "b", 2)
    assert _kept(a, b) == ["b"] and _kept(b, a) == ["a"]
    undated = VisitScores(2025, summary(70.0), None, "undated", 1)
    assert _kept(a, undated) == ["undated"] and _kept(undated, a) == ["a"]
    assert _kept(undated, VisitScores(2025, summary(1.0), None, "undated2")) == ["undated2"]


def test_years_come_out_oldest_first_with_every_field_of_their_visit():
    s24, s25 = summary(40.0, A=30.0), summary(55.0, A=50.0)
    h = build_history("F009", [VisitScores(2025, s25, date(2025, 10, 1), "u25", 3),
                               VisitScores(2024, s24, date(2024, 10, 1), "u24", 1)])
    assert h == FacilityHistory("F009", (
        HistoryPoint(2024, s24, tuple(score_changes(s24, None)), date(2024, 10, 1), "u24", 1),
        HistoryPoint(2025, s25, tuple(score_changes(s25, s24)), date(2025, 10, 1), "u25", 3),
    ))
    assert h.points[0].changes == (ScoreChange("A", "節A", 30.0, None),
                                   ScoreChange("overall", "総合", 40.0, None))
    assert h.fiscal_years == [2024, 2025]


# --- reading a history ------------------------------------------------------------------------

def test_section_titles_come_from_the_newest_visit_in_first_seen_order():
    h = build_history("F001", [
        VisitScores(2023, summary(10.0, A=("旧体制", 10.0), B=("指標", 20.0))),
        VisitScores(2024, summary(20.0, A=("体制", 30.0), C=("新設", 5.0))),
        VisitScores(2025, summary(30.0, A=("組織体制", 40.0))),
    ])
    assert h.sections() == [("A", "組織体制"), ("B", "指標"), ("C", "新設"), (OVERALL, "総合")]
    assert h.table() == [
        {"code": "A", "title": "組織体制", "by_year": {2023: 10.0, 2024: 30.0, 2025: 40.0},
         "latest_delta": 10.0},
        {"code": "B", "title": "指標", "by_year": {2023: 20.0, 2024: None, 2025: None},
         "latest_delta": None},
        {"code": "C", "title": "新設", "by_year": {2023: None, 2024: 5.0, 2025: None},
         "latest_delta": None},
        {"code": OVERALL, "title": "総合", "by_year": {2023: 10.0, 2024: 20.0, 2025: 30.0},
         "latest_delta": 10.0},
    ]


def test_a_section_missing_from_a_visit_has_no_score_and_no_change():
    h = build_history("F001", [VisitScores(2024, summary(50.0, A=50.0)),
                               VisitScores(2025, summary(60.0, B=70.0))])
    latest = h.points[-1]
    assert latest.achievement("A") is None and latest.delta("A") is None
    assert latest.achievement("B") == 70.0 and latest.delta("B") is None
    assert latest.achievement(OVERALL) == 60.0 and latest.delta(OVERALL) == 10.0
    assert h.series("A") == [(2024, 50.0), (2025, None)]
    assert FacilityHistory("F001", ()).sections() == [(OVERALL, "総合")]
    assert FacilityHistory("F001", ()).table() == [
        {"code": OVERALL, "title": "総合", "by_year": {}, "latest_delta": None}]


# --- the heat-map -----------------------------------------------------------------------------

FACILITIES = [Facility("F001", "架空中央病院", "架空県", "regional"),
              Facility("F002", "架空港病院", "架空県", "regional"),
              Facility("F003", "架空山病院", "架空山県", "other")]


def test_heatmap_rows_carry_every_field():
    s = summary(70.0, A=("体制", 80.0), B=("指標", None))
    hm = build_heatmap(2025, FACILITIES, [
        YearReview("F002", "draft", date(2025, 5, 1), None, "d2", 1),
        YearReview("F001", "final", date(2025, 9, 1), s, "f1", 2),
    ])
    assert hm == Heatmap(2025, (("A", "体制"), (OVERALL, "総合")), (
        HeatmapRow("F001", "架空中央病院", "架空県", "regional", FINAL,
                   {"A": 80.0, "B": None, OVERALL: 70.0}, "f1", 2, date(2025, 9, 1)),
        HeatmapRow("F002", "架空港病院", "架空県", "regional", DRAFT_ONLY),
        HeatmapRow("F003", "架空山病院", "架空山県", "other", NO_REVIEW),
    ))
    assert hm.rows[0].category_label == "地域がん診療連携拠点病院"
    assert hm.rows[2].category_label == "その他"
    assert HeatmapRow("F9", "n", "p", "unknown_kind", NO_REVIEW).category_label == "unknown_kind"


def test_a_draft_listed_first_does_not_hide_the_final_reviews_after_it():
    hm = build_heatmap(2025, FACILITIES, [
        YearReview("F003", "draft", date(2025, 5, 1)),
        YearReview("F001", "final", date(2025, 9, 1), summary(70.0, A=70.0), "f1", 1),
        YearReview("F002", "final", date(2025, 9, 2), summary(60.0, A=60.0), "f2", 1),
    ])
    assert [r.receipt for r in hm.rows] == [FINAL, FINAL, DRAFT_ONLY]


def test_the_latest_final_review_of_the_year_wins_and_equal_dates_take_the_later_entry():
    first = YearReview("F001", "final", date(2025, 12, 1), summary(90.0, A=90.0), "late", 1)
    second = YearReview("F001", "final", date(2025, 6, 1), summary(50.0, A=50.0), "early", 1)
    assert build_heatmap(2025, FACILITIES, [first, second]).rows[0].review_uuid == "late"
    same_day = YearReview("F001", "final", date(2025, 12, 1), summary(91.0, A=91.0), "again", 2)
    assert build_heatmap(2025, FACILITIES, [first, same_day]).rows[0].review_uuid == "again"
    other = YearReview("F002", "final", date(2026, 1, 1), summary(10.0, A=10.0), "other", 1)
    rows = build_heatmap(2025, FACILITIES, [first, other, second]).rows
    assert [r.review_uuid for r in rows] == ["late", "other", None]


def test_visit_rows_carry_year_and_date_newest_first():
    h = build_history("F001", [VisitScores(2024, summary(40.0, A=40.0), date(2024, 9, 1), "o"),
                               VisitScores(2025, summary(45.5, A=41.0), None, "n")])
    assert visit_rows(h) == [VisitRow(2025, None, "n", 45.5, 5.5, {"A": 1.0}),
                             VisitRow(2024, date(2024, 9, 1), "o", 40.0, None, {"A": None})]


# --- bands, medians, deltas -------------------------------------------------------------------

@pytest.mark.parametrize("value, band", [
    (85.0, 0), (84.99, 1), (70.0, 1), (69.99, 2), (55.0, 2), (54.99, 3), (40.0, 3), (39.99, 4),
    (0.0, 4), (-0.1, 4), (None, None),
])
def test_score_bands_at_their_edges(value, band):
    assert score_band(value) == band


def test_median_is_rounded_to_one_decimal():
    assert median([10.0, 10.25]) == 10.1      # 10.125 -> 10.1
    assert median([61.0, 62.33]) == 61.7      # 61.665 -> 61.7 (not 61.66, not 62)
    assert median([33.3]) == 33.3


@pytest.mark.parametrize("delta, text", [
    (0.5, "+0.5pt"), (0.04, "±0.0pt"), (-0.04, "±0.0pt"), (12.25, "+12.2pt"),
    (-0.5, "\u22120.5pt"), (-3.0, "\u22123.0pt"), (0, "±0.0pt"), (None, "—"), (4.8, "+4.8pt"),
    (-0.06, "\u22120.1pt"),
])
def test_format_delta(delta, text):
    assert format_delta(delta) == text
    assert "▲" not in text and "▼" not in text and "-" not in text


def test_format_delta_unit_and_excel_format():
    from kanwa_review.core.trends import EXCEL_DELTA_FORMAT
    assert format_delta(2.0, unit="") == "+2.0"
    assert format_delta(-2.0, unit=" ポイント") == "\u22122.0 ポイント"
    assert EXCEL_DELTA_FORMAT == '"+"0.0"pt";"\u2212"0.0"pt";"±"0.0"pt"'


def test_a_revision_between_two_visits_compares_like_with_like():
    from kanwa_review.core.revisions import not_compared, other_form
    from tests.test_core_revisions import FULL, V1, V3, form, item, v2

    middle = v2(*FULL, not_comparable=["B"])
    visits = [VisitScores(2024, summary(40.0, A=30.0, B=50.0), date(2024, 9, 1), "a", 1, V1),
              VisitScores(2025, summary(60.0, A=50.0, B=70.0), date(2025, 9, 1), "b", 1, V3)]
    h = build_history("F001", visits, [middle])
    point = h.points[-1]
    assert (point.delta("A"), point.note("A")) == (20.0, None)
    assert (point.delta("B"), point.note("B")) == (None, not_compared())
    assert point.note("overall") == not_compared() and point.note("Z") is None
    assert h.points[0].note("A") is None
    # without the version in between, V3 is compared with V1 by code
    assert build_history("F001", visits).points[-1].delta("B") == 20.0
    other = form("1", ("A", [item("A-1")]), form_id="other")
    h = build_history("F001", [visits[0], VisitScores(2025, summary(60.0, A=50.0),
                                                      date(2025, 9, 1), "c", 1, other)])
    assert h.points[-1].note("A") == other_form()
