"""The hub's and the review's screens in one language: in English the dashboard, the facility
history, the review header and the audit trail show English headers, buttons and labels with no
Japanese (the facilities' names and the team's words are data and stay as written); the labels
of core's codes (ui/labels.py) cover every code; the dashboard orders facilities by code or by
name in 五十音 order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox

from kanwa_review.app import install_translations
from kanwa_review.core import dashboard, pdca, review
from kanwa_review.core import i18n
from kanwa_review.ui import labels
from kanwa_review.ui.hub.heatmap import BY_CODE, BY_NAME
from kanwa_review.ui.review.audit_view import ACTION_LABELS, AuditView, action_label
from kanwa_review.ui.review.screen import ReviewScreen
from tests.test_i18n_strings import JAPANESE
from tests.test_pdca_ui_dashboard import hub, load_dashboard  # noqa: F401  (the hub fixture)


@pytest.fixture
def english(qapp, monkeypatch):
    """The process in English, as after choosing English and starting again; Japanese again
    afterwards (the session's QApplication is shared by every test)."""
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "ja")
    monkeypatch.setattr(i18n, "_language", "ja")


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]


def _table_headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def _no_japanese(texts) -> None:
    japanese = [t for t in texts if JAPANESE.search(t or "")]
    assert not japanese, japanese


def test_the_dashboard_in_english(qtbot, hub, db_path, english):  # noqa: F811
    w = load_dashboard(qtbot, db_path)
    assert w.windowTitle() == "Dashboard"
    assert _headers(w.model)[:3] == ["Facility", "Category", "Visit date"]
    assert _headers(w.model)[-1] == "Overall"
    assert w.refresh_button.text() == "Recount"
    assert [w.order.itemText(i) for i in range(w.order.count())] == [
        "By facility code", "By facility name (Japanese order)"]
    assert w.summary.text().startswith("FY2025: facilities shown 6")
    assert w.year.currentText() == "FY2025 (2025)"
    assert w.category.itemText(0) == "All"
    assert "Prefectural designated cancer hospital" in [
        w.category.itemText(i) for i in range(w.category.count())]
    # the median row and the receipt words of the lists
    last = w.proxy.rowCount() - 1
    assert w.proxy.index(last, 0).data().startswith("Median of ")
    statuses = {w.not_received.item(r, 1).text() for r in range(w.not_received.rowCount())}
    assert statuses == {"Draft only", "Not reviewed"}
    overdue = [w.overdue.item(r, 3).text() for r in range(w.overdue.rowCount())]
    assert overdue and all(t.endswith(" d") for t in overdue)
    _no_japanese(_headers(w.model) + _table_headers(w.overdue) + _table_headers(w.not_received)
                 + [w.windowTitle(), w.refresh_button.text(), w.refresh_button.toolTip(),
                    w.summary.text(), w.year.currentText()]
                 + [box.title() for box in w.findChildren(QGroupBox)])


def test_the_facility_history_in_english(qtbot, hub, db_path, english):  # noqa: F811
    w = load_dashboard(qtbot, db_path)
    history = w.open_history("F002")
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: history.overview is not None, timeout=10_000)
    assert history.windowTitle() == "Facility history — 架空市民病院 (F002)"
    assert [history.tabs.tabText(i) for i in range(history.tabs.count())] == [
        "&Trend", "&Visits and changes", "Improvement &plan", "&QI"]
    assert history.edit_actions_button.text() == "Edit improvement actions…"
    assert history.actions_table.item(0, 3).text() == "Not started"
    _no_japanese([history.tabs.tabText(i) for i in range(history.tabs.count())]
                 + _table_headers(history.visits) + _table_headers(history.actions_table)
                 + _table_headers(history.qi_table) + _table_headers(history.trend_table)
                 + [history.chart.accessibleName()])


def test_the_review_header_and_audit_trail_in_english(qtbot, services, draft, english):
    services.set_answer(draft.uuid, "A-1", rating="B")
    services.set_answer(draft.uuid, "A-1", rating="C")
    screen = ReviewScreen(services, draft.uuid)
    qtbot.addWidget(screen)
    assert screen.back_button.text() == "← Home"
    assert screen.finalise_button.text() == "Finalise…"
    assert screen.amend_button.text() == "Create amendment…"
    assert screen.details.text().startswith("Visit 2025-11-20, FY2025   Draft (revision 1)")
    audit = AuditView(services, draft.uuid)
    qtbot.addWidget(audit)
    assert _headers(audit.model) == ["Time", "By", "Revision", "Target", "Action", "Before",
                                     "After"]
    newest = audit.model.rows[0]
    assert newest[2] == "rev. 1"
    assert newest[4] == "Answer changed" and newest[5] == "Rating: B" and newest[6] == "Rating: C"
    assert [r[4] for r in audit.model.rows][-2:] == ["Answer entered", "Review created"]
    assert audit.count.text() == "Entries: 3"
    # the item's text is the form's English (the mini form has one for A-1)
    assert not JAPANESE.search(newest[3]) or newest[3].startswith("A-1 ")
    _no_japanese(_headers(audit.model) + [audit.filter.placeholderText(), audit.count.text()]
                 + [screen.back_button.text(), screen.finalise_button.text(),
                    screen.amend_button.text(), screen.details.text().split("Leader:")[0]]
                 + [r[c] for r in audit.model.rows for c in (2, 4)] + list(newest[5:]))
    created = audit.model.rows[-1][6]   # the team's names are data; the rest is English
    assert "Team: 山田 花子 (Leader, Physician (physical symptoms))" in created
    assert "Checklist: version 1" in created            # the form's version, not its id


def test_the_audit_trail_names_every_action_and_field_in_english(english):
    from kanwa_review.ui.review.audit_view import describe_change, describe_target

    assert describe_change({"team": [{"name": "山田", "role": "leader", "profession": "nurse"}]},
                           {"team": []}) == ("Team: 山田 (Leader, Nurse)", "Team: —")
    assert describe_change(None, {"title": "x", "status": "not_started"}) == (
        "—", "State: Not started   Action: x")
    assert describe_change({"overall_comment": "a"}, {"overall_comment": "b"}) == (
        "Overall comment: “a”", "Overall comment: “b”")
    assert describe_target({"entity": "finding", "key": "7", "new": {"kind": "strength"}},
                           None) == "Strength #7"
    assert describe_target({"entity": "answer", "key": "Z-9"}, None) == "Item Z-9"
    for entity, action in ACTION_LABELS:
        word = action_label(entity, action)
        assert word and not JAPANESE.search(word), (entity, action, word)
    # an action a newer app wrote is shown by its codes rather than hidden
    assert action_label("review", "future_thing") == "review future_thing"


def test_labels_cover_every_code_of_core():
    assert set(labels.CATEGORY_WORDS) == set(review.FACILITY_CATEGORIES)
    assert set(labels.FINDING_WORDS) == set(review.FINDING_LABELS)
    assert set(labels.ROLE_WORDS) == set(review.TEAM_ROLES)
    assert set(labels.PROFESSION_WORDS) == set(review.PROFESSIONS)
    assert set(labels.RECEIPT_WORDS) == set(dashboard.RECEIPT_LABELS)
    assert set(labels.ACTION_STATUS_WORDS) == set(pdca.STATUS_LABELS)
    assert len(labels.BAND_WORDS) == len(dashboard.SCORE_BANDS)
    # in Japanese, the same words as core's own
    assert [labels.category_label(c) for c in review.FACILITY_CATEGORIES] == list(
        review.FACILITY_CATEGORIES.values())
    assert [labels.band_label(i) for i in range(len(dashboard.SCORE_BANDS))] == [
        label for _lower, label in dashboard.SCORE_BANDS]
    assert labels.category_label("unknown") == "unknown" and labels.category_label(None) == ""
    assert labels.fiscal_year_label(2025) == "令和7年度"
    assert labels.fiscal_year_text(2026) == "令和8年度（2026年度）"


def test_dashboard_orders_facilities_by_code_or_gojuon(qtbot, services, db_path):
    # code order differs from name order; by code points (not 五十音) カ would sort after さ
    services.create_facility("F002", "さくら病院", "架空県", "regional")
    services.create_facility("F003", "あおば病院", "架空県", "regional")
    services.create_facility("F004", "カエデ病院", "架空県", "regional")
    w = load_dashboard(qtbot, db_path)
    names = {"F002", "F003", "F004"}

    def shown():
        return [c for c in w.visible_facility_codes() if c in names]

    assert w.order.currentData() == BY_CODE
    assert shown() == ["F002", "F003", "F004"]
    w.order.setCurrentIndex(w.order.findData(BY_NAME))
    assert shown() == ["F003", "F004", "F002"]       # あおば, カエデ, さくら
    last = w.proxy.rowCount() - 1
    assert w.proxy.index(last, 0).data().endswith("の中央値（0施設）")   # the median stays last
    w.order.setCurrentIndex(w.order.findData(BY_CODE))
    assert shown() == ["F002", "F003", "F004"]


def test_the_facility_column_sorts_descending_by_the_chosen_key(qtbot, services, facility,
                                                                 db_path):
    services.create_facility("F002", "あおば病院", "架空県", "regional")
    w = load_dashboard(qtbot, db_path)
    w.table.sortByColumn(0, Qt.DescendingOrder)
    assert w.visible_facility_codes() == ["F002", "F001"]
    w.order.setCurrentIndex(w.order.findData(BY_NAME))
    w.table.sortByColumn(0, Qt.DescendingOrder)
    # 架空… (kanji) after あおば (kana) in Japanese collation
    assert w.visible_facility_codes() == ["F001", "F002"]
