"""Home screen driven through its real widgets: create, filter, follow-up, delete, reopen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt

from kanwa_review.core.review import TeamMember
from tests.conftest import complete_mini
from tests.ui_window_support import click_button, make_window, when_modal


def test_create_facility_and_review_through_the_dialogs(qtbot, services, mini_form, tmp_path):
    window = make_window(qtbot, services, tmp_path, forms=[mini_form])
    home = window.home
    assert home.summary.text().startswith("施設 0 件・レビュー 0 件　—「施設を登録…」")

    def fill_facility(dialog):
        dialog.code.setText("F100")
        dialog.name.setText("架空県立中央病院")
        dialog.prefecture.setText("架空県")
        dialog.category.setCurrentIndex(dialog.category.findData("prefectural"))
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    seen = when_modal(fill_facility)
    home.new_facility_action.trigger()
    assert seen and services.facilities()[0].name == "架空県立中央病院"
    assert services.facilities()[0].category == "prefectural"
    assert "施設 1 件" in home.summary.text()

    def fill_review(dialog):
        assert dialog.facility.currentData() == "F100"
        dialog.set_visit_date(date(2026, 2, 10))
        assert dialog.visit_date.note.text() == "令和8年2月10日（火）・令和7年度（2025年度）"  # FY: April–March
        team = dialog.team
        assert team.rowCount() == 2  # two empty lines to start with: a leader and a member
        team.cellWidget(0, 0).setText("山田 花子")
        team.cellWidget(1, 0).setText("鈴木 一郎")
        team.cellWidget(1, 2).setCurrentIndex(team.cellWidget(1, 2).findData("pharmacist"))
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    seen = when_modal(fill_review)
    home.tree.setCurrentIndex(home.proxy.index(0, 0))  # the facility row
    home.new_review_action.trigger()
    assert seen
    [summary] = services.list_reviews()
    review = services.review(summary.uuid)
    assert review.visit_date == date(2026, 2, 10) and review.fiscal_year == 2025
    assert [(m.name, m.role, m.profession) for m in review.team] == [
        ("山田 花子", "leader", "physician"), ("鈴木 一郎", "member", "pharmacist")]
    # the new review opens at once, and the home list shows it
    assert window.review_screen is not None and window.review_screen.uuid == summary.uuid
    assert window.current_review_uuid() == summary.uuid
    assert summary.uuid in home.visible_review_uuids()


def test_dialog_errors_stay_in_the_dialog(qtbot, services, facility, mini_form, tmp_path):
    from kanwa_review.ui.dialogs import NewFacilityDialog, NewReviewDialog

    dialog = NewFacilityDialog(services)
    qtbot.addWidget(dialog)
    dialog.code.setText("F001")  # exists already
    dialog.name.setText("重複")
    dialog.accept()
    assert dialog.result() == 0 and "既に登録" in dialog.error.text()
    assert dialog.error.isVisibleTo(dialog)

    dialog = NewReviewDialog(services, forms=[mini_form])
    qtbot.addWidget(dialog)
    for row in range(2):
        dialog.team.cellWidget(row, 0).setText(f"評価者{row}")
        dialog.team.cellWidget(row, 1).setCurrentIndex(0)  # both leaders
    dialog.accept()
    assert dialog.review is None and "リーダーは1名" in dialog.error.text()
    assert services.list_reviews() == []


def _demo_like(services, mini_form):
    services.create_facility("F001", "架空県立がんセンター", "架空県", "prefectural")
    services.create_facility("F002", "架空市民病院", "架空県")
    services.create_facility("F003", "架空大学病院", "架空県")
    a = services.start_review("F001", mini_form, date(2025, 6, 1),
                              [TeamMember("山田 花子", "leader", "physician")])
    complete_mini(services, a.uuid)
    services.finalise(a.uuid, "山田 花子")
    b = services.start_review("F002", mini_form, date(2026, 5, 1))
    return services.review(a.uuid), b


def test_filter_the_home_list(qtbot, services, mini_form, tmp_path):
    final, draft = _demo_like(services, mini_form)
    window = make_window(qtbot, services, tmp_path)
    home = window.home
    assert set(home.visible_review_uuids()) == {final.uuid, draft.uuid}
    assert home.proxy.rowCount() == 3  # F003 has no review yet but is listed

    qtbot.keyClicks(home.search, "F002")
    assert home.visible_review_uuids() == [draft.uuid]
    assert home.proxy.rowCount() == 1
    assert home.summary.text().startswith("1 / 3 施設を表示")

    home.search.clear()
    qtbot.keyClicks(home.search, "2025")  # the fiscal year as a number matches too
    assert home.visible_review_uuids() == [final.uuid]

    home.search.clear()
    home.status_filter.setCurrentIndex(home.status_filter.findData("draft"))
    assert home.visible_review_uuids() == [draft.uuid]
    assert home.proxy.rowCount() == 1  # facilities without a draft are hidden
    home.status_filter.setCurrentIndex(home.status_filter.findData("final"))
    assert home.visible_review_uuids() == [final.uuid]

    # the columns a reviewer reads: status, fiscal year, completeness
    row = home.proxy.index(0, 0)
    child = home.proxy.index(0, 0, row)
    texts = [child.siblingAtColumn(c).data() for c in range(6)]
    assert texts[0] == "2025-06-01 訪問" and texts[1] == "令和7年度" and texts[2] == "確定"
    assert texts[3] == "第1版" and texts[4] == "100%"  # every required item (optional ones do not count)


def test_open_with_enter_and_come_back(qtbot, services, mini_form, tmp_path):
    _final, draft = _demo_like(services, mini_form)
    window = make_window(qtbot, services, tmp_path)
    home = window.home
    assert home.select_review(draft.uuid)
    home.tree.setFocus()
    qtbot.keyClick(home.tree, Qt.Key_Return)
    assert window.stack.currentWidget() is window.review_screen
    assert window.review_screen.uuid == draft.uuid
    assert "架空市民病院" in window.windowTitle()
    assert window.finalise_action.isEnabled() and not window.amend_action.isEnabled()
    window.home_action.trigger()
    assert window.stack.currentWidget() is home and window.review_screen is None
    assert home.current_uuid() == draft.uuid  # the selection is kept
    assert window.current_review_uuid() == draft.uuid


def test_delete_draft_asks_and_final_cannot_be_deleted(qtbot, services, mini_form, tmp_path):
    final, draft = _demo_like(services, mini_form)
    window = make_window(qtbot, services, tmp_path)
    home = window.home

    home.select_review(final.uuid)
    assert not home.delete_action.isEnabled()
    assert "確定済み" in home.delete_action.toolTip()
    home.delete_action.trigger()  # a disabled action does nothing
    assert services.review(final.uuid).is_final

    home.select_review(draft.uuid)
    assert home.delete_action.isEnabled()
    seen = when_modal(lambda box: click_button(box, "キャンセル"))
    home.delete_current()
    assert seen and "架空市民病院" in seen[0].text()
    assert services.review(draft.uuid)  # still there

    seen = when_modal(lambda box: click_button(box, "削除する"))
    home.delete_current()
    assert seen
    assert draft.uuid not in home.visible_review_uuids()
    assert [r.uuid for r in services.list_reviews()] == [final.uuid]


def test_follow_up_starts_a_review_with_the_same_team(qtbot, services, mini_form, tmp_path):
    final, draft = _demo_like(services, mini_form)
    window = make_window(qtbot, services, tmp_path, forms=[mini_form])
    window.home.select_review(draft.uuid)
    assert not window.home.follow_up_action.isEnabled()  # follows a finalised review only
    window.home.select_review(final.uuid)
    assert window.home.follow_up_action.isEnabled()

    def accept(dialog):
        assert dialog.windowTitle() == "フォローアップのレビューを開始"
        assert dialog.facility.currentData() == "F001"
        dialog.visit_date.set_value(date(2026, 6, 1))
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    seen = when_modal(accept)
    window.home.follow_up_action.trigger()
    assert seen
    new = services.review(window.review_screen.uuid)
    assert new.uuid != final.uuid and new.facility_code == "F001" and new.status == "draft"
    assert new.team == final.team and new.form_hash == final.form_hash
    if hasattr(services, "start_follow_up"):  # the PDCA services link it to the final one
        assert any(row["action"] == "follow_up" for row in services.audit_trail(new.uuid))


def test_reopens_the_last_review_at_its_last_item(qtbot, services, draft, tmp_path):
    services.set_answer(draft.uuid, "B-2", value=12)
    window = make_window(qtbot, services, tmp_path)
    window.open_review(draft.uuid)
    window.resize(780, 500)
    size = (window.width(), window.height())
    window.close()  # saves geometry and the open review

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    from kanwa_review.ui.main_window import MainWindow
    again = MainWindow(services, settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == size == (780, 500)
    assert again.restore_session()
    assert again.review_screen.uuid == draft.uuid
    assert again.review_screen.focused_item == "B-2"
    # going home on purpose means the next start opens at home
    again.show_home()
    assert not MainWindow(services, settings=settings).restore_session()


def test_every_control_has_an_accessible_name(qtbot, services, draft, mini_form, tmp_path):
    from PySide6.QtWidgets import (
        QAbstractButton, QComboBox, QDateEdit, QLineEdit, QTableView, QTreeView, QWidget,
    )

    from kanwa_review.ui.dialogs import FinaliseDialog, NewFacilityDialog, NewReviewDialog

    window = make_window(qtbot, services, tmp_path)
    window.open_review(draft.uuid)
    widgets = [window.home, window.review_screen,
               NewFacilityDialog(services), NewReviewDialog(services, forms=[mini_form]),
               FinaliseDialog(services, services.load(draft.uuid))]
    kinds = (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QTableView, QTreeView)
    others = [p for p in (window.review_screen.checklist_screen,
                          window.review_screen.findings_panel) if p is not None]
    unnamed = []
    for top in widgets:
        for w in top.findChildren(QWidget):
            if not isinstance(w, kinds) or any(p.isAncestorOf(w) for p in others):
                continue  # only controls of this module (the checklist helper tests its own)
            if w.objectName().startswith("qt_") or type(w.parent()).__name__ in (
                    "QDateEdit", "QComboBox", "QTabBar", "QScrollBar", "QLineEdit",
                    "QCalendarWidget"):
                continue  # the inner parts of a composite control
            if not (w.accessibleName() or getattr(w, "text", lambda: "")()):
                unnamed.append(f"{type(top).__name__}: {type(w).__name__} {w.objectName()}")
    assert not unnamed, unnamed
