"""Trends across a form revision: a facility reviewed on 2026.1 and then on 2026.2 (and on a
revision that says a section is not comparable) — the Excel return, the PDF comparison, the
facility history and the hub dashboard compare like with like and say so where they cannot."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kanwa_review.core.dashboard import visit_rows
from kanwa_review.core.form import load_form
from kanwa_review.core.review import TeamMember
from kanwa_review.exchange.excel_return import SUMMARY
from tests.revision_support import complete, revised_form

OLD = load_form(Path(__file__).parent / "data" / "forms"
                / "palliative-care-peer-review-2026.1.yaml")
NOTE = "評価票改訂のため比較なし"
TEAM = [TeamMember("山田 花子", "leader", "physician")]


def _final(services, form, visit: date, rating: str, code: str = "F001"):
    r = services.start_review(code, form, visit, TEAM)
    complete(services, r.uuid, form, rating=rating)
    services.finalise(r.uuid, "山田 花子")
    return r


@pytest.fixture
def visits(services, facility, real_form):
    """FY2025 on 2026.1 (all C), FY2026 on 2026.2 (all B)."""
    first = _final(services, OLD, date(2025, 10, 1), "C")
    second = _final(services, real_form, date(2026, 10, 1), "B")
    return services, first, second


def _pdf_text(path) -> str:
    # a table cell may wrap the note: lines are joined for the search
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace("\n", "")


def test_the_excel_return_shows_section_trends_across_the_revision(visits, tmp_path):
    services, _first, second = visits
    out = tmp_path / "return.xlsx"
    services.export_return(out)
    ws = load_workbook(out)[SUMMARY]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    row = next(r for r in rows[1:] if r[head.index("レビューID")] == second.uuid)
    assert row[head.index("評価票")] == "palliative-care-peer-review 2026.2"
    # the return leaves out columns empty in every row (J has figures only, so no score)
    columns = [h for h in head if h and h.startswith("前回比 ") and h != "前回比 総合"]
    assert {f"前回比 {code}" for code in "ABCDEFGHI"} <= set(columns)
    for column in columns:
        code = column.removeprefix("前回比 ")
        value = row[head.index(column)]
        if value is not None:         # a section without ratings has no score either time
            assert value == pytest.approx(33.3, abs=0.11), code   # points
    assert row[head.index("前回比 総合")] == pytest.approx(33.3, abs=0.11)
    assert NOTE not in [v for v in row if isinstance(v, str)]


def test_the_pdf_compares_with_the_visit_on_the_earlier_version(visits, tmp_path):
    services, first, second = visits
    out = services.write_report(second.uuid, tmp_path / "r.pdf")
    text = _pdf_text(out)
    assert "前回訪問との比較" in text
    assert "前回 2025-10-01" in text
    # A to I and the overall (J has figures only): C (1/3) before, B (2/3) now
    assert len(re.findall(r"\+33\.[34]pt", text)) >= 2 * 10   # comparison and history tables
    assert NOTE not in text
    report = services.feedback_report(second.uuid)
    assert {c.code: c.delta for c in report.changes}["overall"] == pytest.approx(33.3, abs=0.11)


def test_a_section_the_revision_says_is_not_comparable_says_so(visits, tmp_path, real_form):
    services, _first, second = visits
    later = revised_form(real_form, not_comparable=("D",))
    third = _final(services, later, date(2027, 10, 1), "A")
    # Excel: the note instead of a change, for D and the overall
    out = tmp_path / "return.xlsx"
    services.export_return(out)
    ws = load_workbook(out)[SUMMARY]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    row = next(r for r in rows[1:] if r[head.index("レビューID")] == third.uuid)
    assert row[head.index("前回比 D")] == NOTE
    assert row[head.index("前回比 総合")] == NOTE
    assert row[head.index("前回比 A")] == pytest.approx(33.3, abs=0.11)
    # PDF: the note in the comparison table, and in the history table
    text = _pdf_text(services.write_report(third.uuid, tmp_path / "r3.pdf"))
    assert NOTE in text and re.search(r"\+33\.[34]pt", text)
    # history: the point of FY2027 has the note for D and the overall, deltas elsewhere
    history = services.facility_history("F001")
    point = history.points[-1]
    assert point.delta("A") == pytest.approx(33.3, abs=0.11) and point.note("A") is None
    assert (point.delta("D"), point.note("D")) == (None, NOTE)
    assert point.note("overall") == NOTE
    assert history.points[1].delta("overall") == pytest.approx(33.3, abs=0.11)   # 2026.1 → .2
    rows = visit_rows(history)
    assert rows[0].notes == {"D": NOTE, "overall": NOTE}
    assert rows[0].deltas["A"] == pytest.approx(33.3, abs=0.11)
    assert services.facility_overview("F001").visits[0].notes["D"] == NOTE


def test_the_dashboard_leaves_an_incomparable_section_out_of_the_median(
        services, facility, real_form):
    services.create_facility("F002", "架空市民病院", "架空県", "regional")
    later = revised_form(real_form, not_comparable=("D",))
    _final(services, real_form, date(2026, 6, 1), "C", "F001")
    _final(services, later, date(2026, 9, 1), "A", "F002")
    heatmap = services.heatmap(2026)
    by_code = {r.facility_code: r for r in heatmap.rows}
    assert by_code["F001"].notes == {"D": NOTE, "overall": NOTE}
    assert by_code["F002"].notes == {}
    medians = heatmap.medians()
    assert medians["D"] == by_code["F002"].score("D")          # F001's D left out
    assert medians["A"] == pytest.approx((by_code["F001"].score("A")
                                          + by_code["F002"].score("A")) / 2, abs=0.11)


def test_the_follow_up_shows_previous_answers_only_where_items_map_one_to_one(
        services, facility, real_form):
    old = _final(services, OLD, date(2025, 10, 1), "C")
    r = services.start_follow_up("F001", real_form, date(2026, 10, 1), TEAM)
    previous = services.previous_answers(r.uuid)
    assert previous["A-1"].rating == "C" and previous["A-1"].item_code == "A-1"
    assert previous["C-12"].rating == "C"                 # revised, copied: one-to-one
    assert "B-7" not in previous                           # merged from B-7 and C-12
    assert "C-18" not in previous and "C-10" not in previous
    services.accept_previous(r.uuid)
    assert services.answers(r.uuid)["A-1"].rating == "C"
    assert old.uuid != r.uuid


def test_the_app_says_where_a_revision_leaves_nothing_to_compare(qtbot, visits, real_form,
                                                                 db_path):
    """Facility history (visits and trend tables) and the dashboard's heat-map, with widgets."""
    from PySide6.QtCore import Qt

    from kanwa_review.core.form import load_form as _load  # noqa: F401  (form files as written)
    from kanwa_review.ui.hub.dashboard import DashboardWindow
    from kanwa_review.ui.hub.facility_history import FacilityHistoryWindow

    services, _first, _second = visits
    later = revised_form(real_form, not_comparable=("D",))
    _final(services, later, date(2027, 10, 1), "A")
    w = FacilityHistoryWindow(db_path, "F001", load=False)
    qtbot.addWidget(w)
    w.set_overview(services.facility_overview("F001"))
    head = [w.visits.horizontalHeaderItem(c).text() for c in range(w.visits.columnCount())]
    cell = w.visits.item(0, head.index("D 前回比"))
    assert (cell.text(), cell.toolTip()) == ("比較なし", NOTE)
    overall = w.visits.item(0, head.index("前回比（総合）"))
    assert (overall.text(), overall.toolTip()) == ("比較なし", NOTE)
    assert re.fullmatch(r"\+33\.[34]pt", w.visits.item(0, head.index("A 前回比")).text())
    assert re.fullmatch(r"\+33\.[34]pt", w.visits.item(1, head.index("D 前回比")).text())
    trend = {w.trend_table.item(r, 0).text(): w.trend_table.item(
        r, w.trend_table.columnCount() - 1) for r in range(w.trend_table.rowCount())}
    d_row = next(item for label, item in trend.items() if label.startswith("D "))
    assert (d_row.text(), d_row.toolTip()) == ("比較なし", NOTE)

    services.create_facility("F002", "架空市民病院", "架空県", "regional")
    _final(services, real_form, date(2027, 6, 1), "C", "F002")   # the year's other form
    dash = DashboardWindow(db_path, load=False)
    qtbot.addWidget(dash)
    with qtbot.waitSignal(dash.loaded, timeout=20_000):
        dash.reload(2027)
    model = dash.model
    column = 3 + model.codes.index("D")
    rows = {model.index(r, 0).data(Qt.UserRole): r for r in range(model.rowCount() - 1)}
    marked = model.index(rows["F002"], column)      # the year's latest visit used `later`
    assert marked.data().endswith("※") and marked.data(Qt.ToolTipRole) == NOTE
    assert not model.index(rows["F001"], column).data().endswith("※")
