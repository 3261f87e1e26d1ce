"""Follow-up review from the home screen (フォローアップ): prefilled from the facility's last
finalised review, visit date chosen in the dialog, the new draft opened with the previous
answers available and its own ratings empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.conftest import complete_mini
from tests.ui_window_support import click_button, make_window, when_modal


def test_follow_up_from_home_creates_an_empty_review_with_previous_answers(
        qtbot, services, final_review, mini_form, tmp_path):
    # a later draft of the same facility: the follow-up still continues from the FINAL one
    window = make_window(qtbot, services, tmp_path, forms=[mini_form])
    window.home.select_review(final_review.uuid)
    assert window.home.follow_up_action.isEnabled()
    proposed = []

    def fill(dialog):
        try:
            proposed.append(dialog.visit_date.value())
            assert dialog.facility.currentData() == "F001"
            assert [m.name for m in dialog.team.members()] == ["山田 花子", "鈴木 一郎"]
            # a date before the previous visit is refused in the dialog, which stays open
            dialog.visit_date.set_value(date(2025, 11, 1))
            qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
            assert dialog.isVisible() and "前回" in dialog.error.text()
            dialog.visit_date.set_value(date(2026, 10, 5))
            qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
        finally:
            if dialog.isVisible():   # a failed check must not leave exec() blocking the run
                dialog.reject()

    seen = when_modal(fill)
    window.home.follow_up_action.trigger()
    assert seen
    assert proposed and proposed[0] > final_review.visit_date       # never a refused date
    new_uuid = window.current_review_uuid()
    assert new_uuid and new_uuid != final_review.uuid              # the new review is open
    new = services.review(new_uuid)
    assert new.status == "draft" and new.visit_date == date(2026, 10, 5)
    assert new.form_hash == final_review.form_hash and new.team == final_review.team
    assert services.answers(new_uuid) == {}                        # ratings NOT copied
    previous = services.previous_answers(new_uuid)
    assert previous["A-1"].rating == "A" and previous["A-2"].rating == "C"
    assert any(row["action"] == "follow_up"
               and row["new"]["previous_review"] == final_review.uuid
               for row in services.audit_trail(new_uuid))


def test_follow_up_uses_the_latest_finalised_review_of_the_facility(
        qtbot, services, final_review, mini_form, tmp_path):
    later = services.start_follow_up("F001", mini_form, date(2026, 6, 1))
    complete_mini(services, later.uuid)
    services.set_answer(later.uuid, "A-1", rating="B")
    services.finalise(later.uuid, "山田 花子")
    window = make_window(qtbot, services, tmp_path, forms=[mini_form])
    window.home.select_review(final_review.uuid)              # the OLDER visit is selected
    proposed = []

    def accept(dialog):
        try:
            proposed.append(dialog.visit_date.value())
            dialog.visit_date.set_value(date(2027, 6, 1))
            # the later visit had no team: starting without one is asked about first
            asked = when_modal(lambda box: click_button(box, "チームなしで開始する"))
            qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
            assert asked
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_modal(accept)
    window.home.follow_up_action.trigger()
    assert proposed[0] > date(2026, 6, 1)
    new_uuid = window.current_review_uuid()
    assert services.previous_answers(new_uuid)["A-1"].rating == "B"   # from the later visit
    assert services.last_final_review("F001").uuid == later.uuid
