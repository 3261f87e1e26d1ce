"""The review page: finalise blocked then allowed, read-only after, amend, audit trail view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kanwa_review.ui.dialogs import FinaliseDialog
from kanwa_review.ui.findings.review_fields import OVERALL_COMMENT_TARGET
from kanwa_review.ui.review.screen import AUDIT_TAB, CHECKLIST_TAB
from tests.conftest import complete_mini
from tests.ui_window_support import click_button, make_window, when_modal


def test_finalise_is_blocked_until_complete_then_locks(qtbot, services, draft, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    services.set_answer(draft.uuid, "A-2", rating="D")  # D needs a comment

    window.finalise_action.trigger()
    dialog = window.finalise_dialog
    assert isinstance(dialog, FinaliseDialog) and dialog.isVisible()
    codes = [dialog.gap_list.item(i).data(Qt.UserRole) for i in range(dialog.gap_list.count())]
    # 総評 (the review's own, on the findings tab) first, then the items
    assert codes == [OVERALL_COMMENT_TARGET, "A-1", "A-2", "A-3", "B-1"]
    assert "総評が未記入" in dialog.gap_list.item(0).text()
    assert "コメントが必要" in dialog.gap_list.item(2).text()
    assert dialog.leader.text() == "山田 花子"  # the team's leader, prefilled
    assert not dialog.ok_button.isEnabled()

    # double-click on a missing item: the dialog closes and the checklist shows that item
    item = dialog.gap_list.item(3)
    rect = dialog.gap_list.visualItemRect(item)
    qtbot.mouseClick(dialog.gap_list.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.gap_list.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.finalise_dialog is None
    assert screen.focused_item == "A-3" and screen.tabs.currentIndex() == CHECKLIST_TAB
    assert not services.review(draft.uuid).is_final

    complete_mini(services, draft.uuid)
    window.finalise_action.trigger()
    dialog = window.finalise_dialog
    assert dialog.gap_list.count() == 0 and dialog.ok_button.isEnabled()
    dialog.leader.clear()
    assert not dialog.ok_button.isEnabled()  # the sign-off is required
    dialog.leader.setText("山田 花子")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    final = services.review(draft.uuid)
    assert final.is_final and final.finalised_by == "山田 花子"
    screen = window.review_screen  # reopened read-only
    assert screen.is_final and screen.banner.isVisible()
    assert "閲覧のみ" in screen.banner.text()
    assert not screen.finalise_button.isEnabled() and screen.amend_button.isEnabled()
    assert not window.finalise_action.isEnabled() and window.amend_action.isEnabled()
    if screen.checklist_screen is not None:
        assert not screen.checklist_screen.isEnabled() or _read_only(screen.checklist_screen)
    assert "確定しました" in window.statusBar().currentMessage()


def _read_only(checklist) -> bool:
    flag = getattr(checklist, "read_only", None)
    return bool(flag() if callable(flag) else flag)


def test_finalise_refused_by_services_shows_the_new_gaps(qtbot, services, draft, tmp_path):
    """Another window clears an answer while the dialog is open: services refuse, the dialog
    lists what is missing now instead of closing."""
    complete_mini(services, draft.uuid)
    window = make_window(qtbot, services, tmp_path)
    window.open_review(draft.uuid)
    window.finalise_current()
    dialog = window.finalise_dialog
    assert dialog.ok_button.isEnabled()
    services.set_answer(draft.uuid, "A-1", rating=None)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert [g.item_code for g in dialog.gaps] == ["A-1"]
    assert not services.review(draft.uuid).is_final
    dialog.reject()


def test_amend_creates_the_next_revision(qtbot, services, final_review, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(final_review.uuid)
    assert screen.is_final and "確定済み" in window.saved_label.text() + screen.banner.text()

    seen = when_modal(lambda box: click_button(box, "キャンセル"))
    window.amend_action.trigger()
    assert seen and services.review(final_review.uuid).revision == 1

    reasons = []

    def give_reason(box):
        click_button(box, "修正版を作成")
        reasons.append(when_modal(lambda d: (d.setTextValue("A-1 の根拠資料を追記"), d.accept())))

    seen = when_modal(give_reason)
    screen.amend_button.click()
    assert seen and reasons and reasons[0]
    assert services.amendment_reason(final_review.uuid, 2) == "A-1 の根拠資料を追記"
    r = services.review(final_review.uuid)
    assert r.revision == 2 and r.status == "draft"
    screen = window.review_screen
    assert not screen.is_final and not screen.banner.isVisible()
    assert "第2版" in screen.details.text()
    assert services.answers(r.uuid)["A-1"].rating == "A"  # carried over
    assert "第2版（下書き）を作成しました" in window.statusBar().currentMessage()


def test_audit_view_shows_an_edit_in_japanese(qtbot, services, draft, tmp_path):
    services.set_answer(draft.uuid, "A-1", rating="B")
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    services.set_answer(draft.uuid, "A-1", rating="C", comment="議事録が一部欠けている")
    screen.tabs.setCurrentIndex(AUDIT_TAB)
    screen.audit.reload()
    model = screen.audit.model
    newest = model.rows[0]
    when, who, revision, target, action, before, after = newest
    assert who == "テスト 太郎" and revision == "第1版"
    assert target == "A-1 委員会がある" and action == "回答を変更"
    assert before == "評価: B　コメント: —"
    assert after == "評価: C　コメント: 「議事録が一部欠けている」"
    assert len(when) == 16 and when[4] == "-"  # local time to the minute
    assert [r[4] for r in model.rows][-2:] == ["回答を入力", "レビューを作成"]

    screen.audit.filter.setText("A-1")
    assert screen.audit.proxy.rowCount() == 2
    screen.audit.filter.setText("存在しない")
    assert screen.audit.proxy.rowCount() == 0


def test_edits_from_the_review_page_refresh_header_and_audit(qtbot, services, draft, tmp_path):
    """What ChecklistScreen/FindingsPanel do after an edit (emit `changed`) reaches the header,
    the audit tab and the status bar's saved indicator."""
    from kanwa_review.services import Changed

    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    assert "回答率 0%" in screen.details.text()
    changed = services.set_answer(draft.uuid, "A-1", rating="A")
    screen._edited(changed)
    qtbot.waitUntil(lambda: "回答率 25%" in screen.details.text(), timeout=2000)  # 1 of 4 asked
    assert window.saved_label.text().startswith("保存しました")
    screen.tabs.setCurrentIndex(AUDIT_TAB)
    assert screen.audit.model.rows[0][3].startswith("A-1")
    screen._edited(Changed(draft.uuid, 1, findings=True))  # findings only: no header re-read
    assert screen.audit.count.text() == "2 件"  # created, A-1 rated


def test_audit_texts_for_every_kind_of_change():
    from kanwa_review.ui.review.audit_view import describe_change, describe_target

    assert describe_change({"value": {"numerator": 45, "denominator": 60}}, {"value": True}) == (
        "回答: 45/60（75.0%）", "回答: はい")
    assert describe_change({"kind": "improve", "position": 0}, {"kind": "recommendation",
                                                                "position": 0}) == (
        "種類: 改善が望まれる点", "種類: 提言")
    before, after = describe_change(None, {"title": "手順の周知", "status": "not_started",
                                           "origin_review_uuid": "0f3c…"})
    assert before == "—" and after == "状態: 未着手　実施内容: 手順の周知"  # no bare identifiers
    assert describe_change({"team": [{"name": "山田", "role": "leader",
                                      "profession": "nurse"}]}, {"team": []}) == (
        "チーム: 山田（リーダー・看護師）", "チーム: —")
    assert describe_target({"entity": "finding", "key": "7", "new": {"kind": "strength"}},
                           None) == "良い点 #7"
    assert describe_target({"entity": "action", "old": {"title": "周知"}}, None) == "改善計画「周知」"


def test_the_audit_trail_shows_a_choice_by_its_label(mini_form):
    from kanwa_review.ui.review.audit_view import describe_change

    choice = next(i for i in mini_form.items() if i.type == "choice")
    first, second = choice.choices[0], choice.choices[1]
    assert describe_change(None, {"value": first.code}, choice) == (
        "—", f"回答: {first.label.ja}")
    assert describe_change({"value": first.code}, {"value": second.code}, choice) == (
        f"回答: {first.label.ja}", f"回答: {second.label.ja}")
    # without the item (a form not held), the stored code as it is
    assert describe_change(None, {"value": first.code}) == ("—", f"回答: {first.code}")
    several = next(i for i in mini_form.items() if i.type == "multi_choice")
    codes = [c.code for c in several.choices[:2]]
    assert describe_change(None, {"value": codes}, several)[1] == "回答: " + "、".join(
        c.label.ja for c in several.choices[:2])
