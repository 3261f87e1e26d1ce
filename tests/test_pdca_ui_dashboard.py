"""Hub dashboard and facility history driven through their real widgets (offscreen): loading in
a worker, filters, the median row, overdue actions, reviews not received, double-click through
to a facility's history, the painted chart, and the menu actions of ui/pdca_actions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from kanwa_review.core.review import TeamMember
from kanwa_review.ui.hub.dashboard import DashboardWindow
from kanwa_review.ui.hub.heatmap import BAND_ROLE, MEDIAN_ROLE
from kanwa_review.ui.hub.facility_history import FacilityHistoryWindow
from kanwa_review.ui.hub.history_chart import LINES, HistoryChart

TODAY = date(2026, 1, 15)          # fiscal year 2025
TEAM = [TeamMember("山田 花子", "leader", "physician")]


def finalised(services, form, code, visit, a1, a2, *, period="2025年度", b1=(45, 60)):
    """A finalised mini-form review with the two A ratings given (A achievement known)."""
    r = services.start_review(code, form, visit, TEAM)
    for item, rating in (("A-1", a1), ("A-2", a2)):
        services.set_answer(r.uuid, item, rating=rating,
                            comment="根拠を確認" if rating in ("C", "D") else "")
    services.set_answer(r.uuid, "A-3", value=False)
    services.set_answer(r.uuid, "B-1", value={"numerator": b1[0], "denominator": b1[1]},
                        period=period)
    services.set_overall_comment(r.uuid, "体制は概ね整っている。")
    services.finalise(r.uuid, "山田 花子")
    return r


@pytest.fixture
def hub(services, mini_form):
    """Six facilities in two prefectures with known section A scores in FY2025:
    F001 100, F002 55.6, F003 66.7 (架空県), F004 0 (架空北県); F005 only a draft; F006 none."""
    s = services
    s.create_facility("F001", "架空県立がんセンター", "架空県", "prefectural")
    s.create_facility("F002", "架空市民病院", "架空県", "regional")
    s.create_facility("F003", "架空東病院", "架空県", "regional")
    s.create_facility("F004", "架空北病院", "架空北県", "regional_hospital")
    s.create_facility("F005", "架空西病院", "架空県", "regional")
    s.create_facility("F006", "架空南病院", "架空北県", "regional")
    finalised(s, mini_form, "F001", date(2024, 9, 1), "B", "B", period="2024年度")
    finalised(s, mini_form, "F001", date(2025, 9, 1), "A", "A")
    finalised(s, mini_form, "F002", date(2025, 7, 1), "A", "C")
    finalised(s, mini_form, "F003", date(2025, 8, 1), "B", "B", period="", b1=(3, 6))
    finalised(s, mini_form, "F004", date(2025, 10, 1), "D", "D", b1=(0, 0))
    s.start_review("F005", mini_form, date(2025, 11, 1), TEAM)
    s.add_action("F002", "緩和ケア計画を文書化する", owner_role="緩和ケア委員会",
                 due_date=date(2025, 10, 1), item_codes=("A-2",))
    s.add_action("F003", "研修計画を作る", due_date=date(2026, 12, 1))
    s.add_action("F004", "委員会を設置する", due_date=date(2025, 12, 1))
    return s


def load_dashboard(qtbot, db_path, **kw) -> DashboardWindow:
    w = DashboardWindow(db_path, today=TODAY, load=False, **kw)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.reload(2025)                      # through ui/workers.run_job, its own Database
    return w


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_dashboard_loads_in_a_worker_and_filters_rows(qtbot, hub, db_path):
    w = load_dashboard(qtbot, db_path)
    assert w.data.fiscal_year == 2025 and 2024 in w.data.years
    assert sorted(w.visible_facility_codes()) == [f"F00{i}" for i in range(1, 7)]
    assert w.proxy.rowCount() == 7                                  # six + the median row
    choose(w.prefecture, "架空北県")
    assert sorted(w.visible_facility_codes()) == ["F004", "F006"]
    choose(w.category, "regional")
    assert w.visible_facility_codes() == ["F006"]
    choose(w.prefecture, None)                                      # すべて
    assert sorted(w.visible_facility_codes()) == ["F002", "F003", "F005", "F006"]
    assert "表示 4 施設" in w.summary.text()


def test_median_row_follows_the_filter_and_stays_last_when_sorting(qtbot, hub, db_path):
    w = load_dashboard(qtbot, db_path)
    assert w.model.codes == ["A", "overall"]                        # B has no rated item
    assert w.median_values()["A"] == pytest.approx(61.15, abs=0.06)  # 0, 55.6, 66.7, 100
    choose(w.prefecture, "架空県")
    assert w.median_values()["A"] == 66.7                           # 55.6, 66.7, 100
    last = w.proxy.rowCount() - 1
    assert w.proxy.index(last, 0).data(MEDIAN_ROLE) is True
    assert w.proxy.index(last, 0).data() == "架空県の中央値（3施設）"
    assert w.proxy.index(last, 3).data() == "66.7"
    for order in (Qt.DescendingOrder, Qt.AscendingOrder):
        w.table.sortByColumn(3, order)
        assert w.proxy.index(w.proxy.rowCount() - 1, 0).data(MEDIAN_ROLE) is True
    w.table.sortByColumn(3, Qt.DescendingOrder)
    assert w.visible_facility_codes()[:3] == ["F001", "F003", "F002"]
    # the colour band of a cell comes from core's bands: 100 % is the best band
    assert w.proxy.index(0, 3).data(BAND_ROLE) == 0
    assert isinstance(w.proxy.index(0, 3).data(Qt.BackgroundRole), QColor)


def test_overdue_and_not_received_lists(qtbot, hub, db_path):
    w = load_dashboard(qtbot, db_path)
    overdue = [(w.overdue.item(r, 0).text(), w.overdue.item(r, 1).text(),
                w.overdue.item(r, 3).text()) for r in range(w.overdue.rowCount())]
    assert overdue == [("架空市民病院", "緩和ケア計画を文書化する", "106日"),
                       ("架空北病院", "委員会を設置する", "45日")]
    missing = {w.not_received.item(r, 0).text(): w.not_received.item(r, 1).text()
               for r in range(w.not_received.rowCount())}
    assert missing == {"架空西病院（F005）": "下書きのみ", "架空南病院（F006）": "未実施"}
    choose(w.prefecture, "架空県")
    assert w.overdue.rowCount() == 1 and w.not_received.rowCount() == 1


def test_choosing_an_earlier_year_reloads(qtbot, hub, db_path):
    w = load_dashboard(qtbot, db_path)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.year.setCurrentIndex(w.year.findData(2024))
        w.year.activated.emit(w.year.currentIndex())
    assert w.data.fiscal_year == 2024
    received = [r.facility_code for r in w.model.shown.rows if r.received]
    assert received == ["F001"]
    assert w.median_values()["A"] == 66.7


def test_double_click_opens_the_facility_history(qtbot, hub, db_path):
    w = load_dashboard(qtbot, db_path)
    w.show()
    qtbot.waitExposed(w)
    row = w.visible_facility_codes().index("F001")
    rect = w.table.visualRect(w.proxy.index(row, 3))
    with qtbot.waitSignal(w.history_opened, timeout=5_000) as opened:
        # a real double-click is a press/release followed by the double-click event
        qtbot.mouseClick(w.table.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(w.table.viewport(), Qt.LeftButton, pos=rect.center())
    history = opened.args[0]      # closed (and deleted) with the dashboard below
    assert history.facility_code == "F001"
    qtbot.waitUntil(lambda: history.overview is not None, timeout=10_000)
    assert history.title.text() == "架空県立がんセンター（F001）"
    assert history.overview.history.fiscal_years == [2024, 2025]
    # the visits table: newest first, overall change since the previous visit (66.7 → 100)
    assert history.visits.item(0, 0).text() == "2025-09-01"
    assert history.visits.item(0, 3).text() == "+33.3pt"
    # a double-click on the overdue list opens (or raises) the facility's window too
    assert w.open_history("F001") is history
    w.close()


def test_history_window_lists_actions_and_qi_problems(qtbot, hub, db_path):
    w = FacilityHistoryWindow(db_path, "F003", today=TODAY, load=False)
    qtbot.addWidget(w)
    w.set_overview(hub.facility_overview("F003", today=TODAY))
    assert w.actions_table.rowCount() == 1
    assert w.actions_table.item(0, 3).text() == "未着手"
    assert w.actions_table.item(0, 4).text() == ""                 # due in 2026-12: not overdue
    problems = [w.qi_table.item(r, 8).text() for r in range(w.qi_table.rowCount())]
    assert any("期間が未記入です" in p for p in problems)
    assert w.problem_count() == 1
    assert w.qi_table.item(0, 5).text() == "50.0%"
    zero = hub.facility_overview("F004", today=TODAY).qis[0].problems
    assert zero and "分母が0です" in zero[0][1]
    w2 = FacilityHistoryWindow(db_path, "F002", today=TODAY, load=False)
    qtbot.addWidget(w2)
    w2.set_overview(hub.facility_overview("F002", today=TODAY))
    assert w2.actions_table.item(0, 4).text() == "106日超過"
    assert "期限超過 1" in w2.subtitle.text()


def _painted_pixels(widget) -> int:
    image = widget.grab().toImage()
    background = widget.palette().color(QPalette.Base).rgb()
    step = 3
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixel(x, y) != background)


def test_history_chart_paints_bars_and_lines(qtbot, hub):
    chart = HistoryChart()
    qtbot.addWidget(chart)
    chart.resize(800, 360)
    chart.set_history(None)
    empty = _painted_pixels(chart)                                  # the message only
    chart.set_history(hub.facility_history("F001"))
    bars = _painted_pixels(chart)
    assert bars > empty + 500
    chart.set_mode(LINES)
    assert _painted_pixels(chart) > empty + 200
    assert "2025" in chart.accessibleDescription() or "令和7年度" in chart.accessibleDescription()
    # a bar's tooltip area was recorded for the 100 % of FY2025
    assert any("100.0%" in tip for _rect, tip in chart._hits)


def test_dark_palette_keeps_text_readable(qtbot, hub):
    chart = HistoryChart()
    qtbot.addWidget(chart)
    pal = chart.palette()
    pal.setColor(QPalette.Base, QColor("#181818"))
    pal.setColor(QPalette.Text, QColor("#EEEEEE"))
    chart.setPalette(pal)
    chart.resize(700, 320)
    chart.set_history(hub.facility_history("F001"))
    image = chart.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert QColor("#181818").rgb() in colours                       # dark background …
    assert any(QColor(c).lightness() > 200 for c in colours)        # … with light text


def test_menu_actions_open_dashboard_and_history(qtbot, hub, db_path, tmp_path, mini_form):
    from tests.ui_window_support import make_window

    window = make_window(qtbot, hub, tmp_path, forms=[mini_form])
    assert window.dashboard_action in window.hub_menu.actions()
    assert window.facility_history_action in window.review_menu.actions()
    window.dashboard_action.trigger()
    dash = window.dashboard_window   # deletes itself on close
    qtbot.waitUntil(lambda: dash.data is not None, timeout=10_000)
    assert len(dash.model.shown.rows) == 6

    final = next(r for r in hub.list_reviews() if r.facility_code == "F004")
    window.home.select_review(final.uuid)
    window.facility_history_action.trigger()
    history = window.history_windows[-1]
    assert history.facility_code == "F004"
    qtbot.waitUntil(lambda: history.overview is not None, timeout=10_000)
    # double-click a visit: the main window opens that review
    with qtbot.waitSignal(history.open_review_requested, timeout=2_000):
        history._visit_activated(0, 0)
    assert window.current_review_uuid() == final.uuid

    # another window (or an import) changed the data: refresh_all makes both re-read it
    overdue_before = len(dash.data.overdue)
    hub.add_action("F001", "新しい改善計画", due_date=date(2025, 1, 10))
    window.refresh_all()
    qtbot.waitUntil(lambda: len(dash.data.overdue) == overdue_before + 1, timeout=10_000)
    history.close()
    dash.close()
    window.refresh_all()  # closed windows are no longer called


def test_dashboard_agrees_with_facility_history_on_demo_data(services, mini_form):
    """On a small generated demo: the heat-map's scores are the history's, drafts are 'not
    received', and the overdue list is the services' own."""
    from kanwa_review.demo import generate

    today = date(2026, 11, 1)
    stats = generate(services.database, mini_form, facilities=5, years=2, seed=11, today=today)
    data = services.dashboard(2026, today=today)
    assert len(data.heatmap.rows) == stats.facilities
    assert len(data.heatmap.not_received()) == stats.drafts
    received = [row for row in data.heatmap.rows if row.received]
    assert received, "the generated demo has facilities with a finalised review in FY2026"
    for row in received:
        series = dict(services.facility_history(row.facility_code).series("overall"))
        assert row.score("overall") == series[2026]
    assert [a.uuid for a in data.overdue] == [a.uuid for a in services.overdue_actions(today)]
    assert data.years[:2] == (2026, 2025)


def test_history_edits_actions_through_the_editor_when_present(qtbot, hub, db_path):
    pytest.importorskip("kanwa_review.ui.findings.actions_editor")
    from tests.ui_window_support import when_modal

    w = FacilityHistoryWindow(db_path, "F003", today=TODAY, load=False, services=hub)
    qtbot.addWidget(w)
    w.set_overview(hub.facility_overview("F003", today=TODAY))
    assert not w.edit_actions_button.isHidden()
    assert w.actions_table.rowCount() == 1

    def edit(dialog):
        try:
            assert dialog.editor.facility_code == "F003"
            hub.add_action("F003", "緩和ケア外来の案内を作る", due_date=date(2025, 12, 1))
        finally:
            dialog.reject()

    seen = when_modal(edit)
    with qtbot.waitSignal(w.actions_edited, timeout=5_000):
        w.edit_actions_button.click()
    assert seen
    qtbot.waitUntil(lambda: w.actions_table.rowCount() == 2, timeout=10_000)
    assert "期限超過 1" in w.subtitle.text()
    plain = FacilityHistoryWindow(db_path, "F003", today=TODAY, load=False)
    qtbot.addWidget(plain)
    assert plain.edit_actions_button.isHidden()            # no services: read-only list


def test_esc_closes_the_dashboard_and_the_facility_history(qtbot, hub, db_path):
    """Issue 15, item 12: Esc (as Ctrl+W) closes either window, as the keyboard list says."""
    from PySide6.QtCore import Qt

    for w in (load_dashboard(qtbot, db_path),
              FacilityHistoryWindow(db_path, "F003", today=TODAY, load=False)):
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        qtbot.keyClick(w.focusWidget() or w, Qt.Key_Escape)
        qtbot.waitUntil(lambda w=w: not w.isVisible())
