"""The checklist screen driven through its real widgets: keyboard rating, undo/redo, skip
logic, filters, search, Japanese text, read-only and the follow-up's previous answers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from kanwa_review.ui.checklist.screen import ChecklistScreen
from kanwa_review.ui.checklist.model import CODE_ROLE
from tests.ui_window_support import make_window


@pytest.fixture
def screen(qtbot, services, draft):
    s = ChecklistScreen(services, draft.uuid)
    qtbot.addWidget(s)
    s.resize(1200, 700)
    s.show()
    s.list.setFocus()
    return s


def visible_codes(screen) -> list[str]:
    return [screen.proxy.index(r, 0).data(CODE_ROLE) for r in range(screen.proxy.rowCount())]


def answers(services, uuid):
    return services.answers(uuid)


def type_japanese(widget, text: str) -> None:
    """Commit text as an input method does (qtbot.keyClicks cannot send Japanese)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_rate_every_item_with_the_keyboard(qtbot, services, draft, screen):
    assert screen.current_code() == "A-1"
    qtbot.keyClick(screen.list, Qt.Key_2)           # B
    qtbot.keyClick(screen.list, Qt.Key_Tab)
    assert screen.current_code() == "A-2"
    qtbot.keyClick(screen.list, Qt.Key_D)           # letter D
    qtbot.keyClick(screen.list, Qt.Key_Return)      # Enter moves on too
    assert screen.current_code() == "A-3"
    qtbot.keyClick(screen.list, Qt.Key_N)           # yes/no item: N = いいえ
    qtbot.keyClick(screen.list, Qt.Key_Tab)
    assert screen.current_code() == "B-1"           # A-4 does not apply after いいえ
    qtbot.keyClick(screen.list, Qt.Key_Tab)
    qtbot.keyClick(screen.list, Qt.Key_Tab)
    assert screen.current_code() == "B-3"
    qtbot.keyClick(screen.list, Qt.Key_1)           # choice item: first choice
    qtbot.keyClick(screen.list, Qt.Key_Tab)
    assert screen.current_code() == "B-4"           # now applies
    qtbot.keyClick(screen.list, Qt.Key_0)           # N/A
    qtbot.keyClick(screen.list, Qt.Key_Backtab)
    assert screen.current_code() == "B-3"

    got = answers(services, draft.uuid)
    assert got["A-1"].rating == "B" and got["A-2"].rating == "D"
    assert got["A-3"].value is False and got["B-3"].value == "dedicated"
    assert got["B-4"].rating == "NA"
    assert screen.model.index(0, 3).data() == "B"   # the row shows the committed rating
    # the editor follows: A-2's D asks for a comment
    screen.focus_item("A-2")
    assert screen.editor.rating_buttons.buttons["D"].isChecked()
    assert "コメント" in screen.editor.message.text()
    # per-section progress in the navigator
    assert "3 / 3" in screen.navigator.item(0).text()


def test_shift_letter_sets_the_self_assessment(qtbot, services, draft, screen):
    assert screen.current_code() == "A-1"
    qtbot.keyClick(screen.list, Qt.Key_C, Qt.ShiftModifier)   # self-assessment C
    qtbot.keyClick(screen.list, Qt.Key_2)                     # the team's rating B
    got = answers(services, draft.uuid)["A-1"]
    assert (got.self_rating, got.rating) == ("C", "B")
    assert screen.current_code() == "A-1"                     # neither key moves on
    screen.undo_stack.undo()
    screen.undo_stack.undo()
    got = answers(services, draft.uuid).get("A-1")
    assert got is None or (got.self_rating, got.rating) == (None, None)


def test_rating_keys_on_the_editor_buttons_and_clear(qtbot, services, draft, screen):
    screen.focus_item("A-2")
    screen.edit_current()
    button = screen.editor.rating_buttons.buttons["A"]
    qtbot.keyClick(button, Qt.Key_3)
    assert answers(services, draft.uuid)["A-2"].rating == "C"
    qtbot.keyClick(screen.list, Qt.Key_Delete)
    assert "A-2" not in answers(services, draft.uuid)
    qtbot.mouseClick(screen.editor.rating_buttons.buttons["B"], Qt.LeftButton)
    assert answers(services, draft.uuid)["A-2"].rating == "B"
    qtbot.mouseClick(screen.editor.self_buttons.buttons["A"], Qt.LeftButton)
    assert answers(services, draft.uuid)["A-2"].self_rating == "A"


def test_undo_and_redo_restore_the_database(qtbot, services, draft, screen):
    qtbot.keyClick(screen.list, Qt.Key_1)
    qtbot.keyClick(screen.list, Qt.Key_3)
    assert answers(services, draft.uuid)["A-1"].rating == "C"
    assert screen.undo_stack.count() == 2 and "A-1" in screen.undo_stack.undoText()
    screen.undo_stack.undo()
    assert answers(services, draft.uuid)["A-1"].rating == "A"
    assert screen.editor.rating_buttons.buttons["A"].isChecked()
    screen.undo_stack.undo()
    assert "A-1" not in answers(services, draft.uuid)
    screen.undo_stack.redo()
    screen.undo_stack.redo()
    assert answers(services, draft.uuid)["A-1"].rating == "C"


def test_skip_logic_hides_and_shows_items_live_and_undo_restores(qtbot, services, draft, screen):
    assert "A-4" not in visible_codes(screen) and "B-4" not in visible_codes(screen)
    screen.focus_item("A-3")
    qtbot.keyClick(screen.list, Qt.Key_Y)
    assert "A-4" in visible_codes(screen)
    assert "1 / 4" in screen.navigator.item(0).text()
    screen.focus_item("A-4")
    screen.editor.value_edit.setFocus()
    type_japanese(screen.editor.value_edit, "つらさと支障の寒暖計")
    screen.editor.flush()
    assert answers(services, draft.uuid)["A-4"].value == "つらさと支障の寒暖計"

    screen.focus_item("A-3")
    qtbot.keyClick(screen.list, Qt.Key_N)
    assert "A-4" not in visible_codes(screen)
    assert "A-4" not in answers(services, draft.uuid)   # cleared with the change
    screen.undo_stack.undo()
    assert "A-4" in visible_codes(screen)
    assert answers(services, draft.uuid)["A-4"].value == "つらさと支障の寒暖計"
    assert answers(services, draft.uuid)["A-3"].value is True


def test_unanswered_and_low_rating_filters(qtbot, services, draft, screen):
    services.set_answer(draft.uuid, "A-1", rating="A")
    services.set_answer(draft.uuid, "A-2", rating="C", comment="一部のみ")
    services.set_answer(draft.uuid, "B-2", value=12)
    screen.reload()
    screen.unanswered_box.setChecked(True)
    assert visible_codes(screen) == ["A-3", "B-1", "B-3", "B-5", "B-6"]
    # rating the current item keeps it on screen until the reviewer moves on
    assert screen.current_code() == "A-3"
    qtbot.keyClick(screen.list, Qt.Key_Y)
    assert "A-3" in visible_codes(screen)
    qtbot.keyClick(screen.list, Qt.Key_Tab)
    qtbot.waitUntil(lambda: "A-3" not in visible_codes(screen))
    assert screen.current_code() == "A-4"
    screen.unanswered_box.setChecked(False)
    screen.low_box.setChecked(True)
    assert visible_codes(screen) == ["A-2"] or screen.current_code() in visible_codes(screen)
    screen.focus_item("A-2")
    qtbot.waitUntil(lambda: visible_codes(screen) == ["A-2"])
    assert screen.count_label.text().startswith("1 /")


def test_search_by_code_and_text(qtbot, screen):
    screen.start_search()
    qtbot.keyClicks(screen.search, "B-3")
    assert visible_codes(screen) == ["B-3"]
    qtbot.keyClick(screen.search, Qt.Key_Return)
    assert screen.current_code() == "B-3"
    screen.search.clear()
    screen.search.setText("研修")  # Japanese set programmatically
    assert visible_codes(screen) == []  # B-4 (研修) does not apply until B-3 is answered
    screen.search.setText("training")  # the English text is searched too
    assert visible_codes(screen) == []
    screen.search.setText("委員会")
    assert visible_codes(screen) == ["A-1"]


def test_japanese_comment_is_saved_after_the_debounce(qtbot, services, draft, screen):
    screen.focus_item("A-1")
    box = screen.editor.comment
    box.setFocus()
    type_japanese(box, "委員会規程を確認")
    QApplication.sendEvent(box, QKeyEvent(QKeyEvent.KeyPress, Qt.Key_unknown,
                                          Qt.NoModifier, "。"))
    assert box.toPlainText() == "委員会規程を確認。"
    with qtbot.waitSignal(screen.saved, timeout=2000):
        pass
    assert answers(services, draft.uuid)["A-1"].comment == "委員会規程を確認。"
    # more typing in the same field coalesces into one undo step
    type_japanese(box, "追記")
    screen.editor.flush()
    assert screen.undo_stack.count() == 1
    screen.undo_stack.undo()
    assert "A-1" not in answers(services, draft.uuid)


def test_typed_text_is_flushed_when_the_item_changes_or_the_screen_reloads(
        qtbot, services, draft, screen):
    screen.focus_item("B-2")
    screen.editor.value_edit.setText("")
    qtbot.keyClicks(screen.editor.value_edit, "42")
    screen.move(1)                                     # moving on commits at once
    assert answers(services, draft.uuid)["B-2"].value == 42
    screen.focus_item("A-1")
    type_japanese(screen.editor.evidence, "議事録")
    screen.reload()
    assert answers(services, draft.uuid)["A-1"].evidence == "議事録"


def test_percentage_shows_the_rate_and_refuses_numerator_above_denominator(
        qtbot, services, draft, screen):
    screen.focus_item("B-1")
    ed = screen.editor
    qtbot.keyClicks(ed.num_edit, "45")
    qtbot.keyClicks(ed.den_edit, "60")
    assert ed.rate_label.text().startswith("75.0%")
    ed.flush()
    assert answers(services, draft.uuid)["B-1"].value == {"numerator": 45, "denominator": 60}
    ed.den_edit.clear()
    qtbot.keyClicks(ed.den_edit, "30")
    assert "分子" in ed.message.text()
    ed.flush()
    assert answers(services, draft.uuid)["B-1"].value["denominator"] == 60  # not saved
    ed.period_edit.setFocus()
    type_japanese(ed.period_edit, "2025年度")
    ed.flush()
    assert answers(services, draft.uuid)["B-1"].period == "2025年度"


def test_final_review_is_read_only_but_navigable(qtbot, services, final_review):
    s = ChecklistScreen(services, final_review.uuid)
    qtbot.addWidget(s)
    s.show()
    assert s.read_only is True
    before = answers(services, final_review.uuid)
    qtbot.keyClick(s.list, Qt.Key_4)
    qtbot.keyClick(s.list, Qt.Key_Tab)
    assert s.current_code() == "A-2"                  # navigation works
    assert answers(services, final_review.uuid) == before
    assert not any(b.isEnabled() for b in s.editor.rating_buttons.buttons.values())
    assert s.editor.comment.isReadOnly() and s.editor.evidence.isReadOnly()
    assert not s.editor.finding_button.isEnabled()
    assert s.undo_stack.count() == 0


def test_follow_up_shows_previous_ratings_and_accepts_them(qtbot, services, final_review,
                                                          mini_form):
    services.add_action("F001", "計画を文書化する", item_codes=["A-2"],
                        origin_review_uuid=final_review.uuid)
    follow = services.start_follow_up("F001", mini_form, date(2026, 11, 20))
    s = ChecklistScreen(services, follow.uuid)
    qtbot.addWidget(s)
    s.show()
    assert not s.list.isColumnHidden(4)
    assert s.model.index(1, 4).data() == "C"          # 前回 column for A-2
    s.focus_item("A-2")
    assert s.editor.previous_label.text().startswith("前回: C")
    assert "計画を文書化する" in s.editor.actions_label.text()
    assert s.model.index(1, 5).data() == "1件"
    assert "A-2" not in answers(services, follow.uuid)  # not copied unless accepted
    qtbot.mouseClick(s.editor.accept_button, Qt.LeftButton)
    assert answers(services, follow.uuid)["A-2"].rating == "C"
    assert s.editor.rating_buttons.buttons["C"].isChecked()
    s.focus_item("A-1")
    qtbot.keyClick(s.list, Qt.Key_P)                  # P: the previous answer, by keyboard
    assert answers(services, follow.uuid)["A-1"].rating == "A"
    s.undo_stack.undo()

    s.accept_all_button.click()
    got = answers(services, follow.uuid)
    assert got["A-1"].rating == "A" and got["B-1"].value == {"numerator": 45, "denominator": 60}
    assert got["A-1"].comment == ""                   # comments are never copied
    s.undo_stack.undo()
    assert set(answers(services, follow.uuid)) == {"A-2"}


def test_in_the_main_window_undo_saved_label_and_quick_add(qtbot, services, draft, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    review = window.open_review(draft.uuid)
    checklist = review.checklist_screen
    assert isinstance(checklist, ChecklistScreen)
    checklist.focus_item("A-2")
    qtbot.keyClick(checklist.list, Qt.Key_4)
    assert window.saved_label.text().startswith("保存しました")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert "A-2" not in services.answers(draft.uuid)
    with qtbot.waitSignal(checklist.add_finding_requested) as sig:
        menu_key = QContextMenuEvent(QContextMenuEvent.Keyboard, QPoint(5, 5), QPoint(5, 5))
        QApplication.sendEvent(checklist.list, menu_key)
        checklist._menu.actions()[0].trigger()
        checklist._menu.close()
    assert sig.args == ["improve", "A-2"]
    window.find_action.trigger()
    assert checklist.search.hasFocus() or QApplication.focusWidget() is checklist.search \
        or checklist.search.isVisible()


def test_leaving_the_review_commits_text_still_in_the_debounce(qtbot, services, draft, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    checklist = window.open_review(draft.uuid).checklist_screen
    checklist.focus_item("A-1")
    type_japanese(checklist.editor.comment, "帰る直前の入力")
    window.show_home()
    assert services.answers(draft.uuid)["A-1"].comment == "帰る直前の入力"
    checklist = window.open_review(draft.uuid).checklist_screen
    checklist.focus_item("A-2")
    type_japanese(checklist.editor.evidence, "閉じる直前")
    window.close()
    assert services.answers(draft.uuid)["A-2"].evidence == "閉じる直前"


def test_every_rating_of_the_real_form_by_keyboard_alone(qtbot, services, facility, real_form):
    review = services.start_review("F001", real_form, date(2026, 6, 1))
    s = ChecklistScreen(services, review.uuid)
    qtbot.addWidget(s)
    s.show()
    seen = []
    while True:
        code = s.current_code()
        seen.append(code)
        item = real_form.item(code)
        if item.type in ("rating", "choice"):
            qtbot.keyClick(s.list, Qt.Key_2)
        elif item.type == "yes_no":
            qtbot.keyClick(s.list, Qt.Key_Y)
        qtbot.keyClick(s.list, Qt.Key_Tab)
        if s.current_code() == code:
            break
    got = services.answers(review.uuid)
    ratings = [i.code for i in real_form.items() if i.type == "rating" and i.code in s.relevant]
    assert len(ratings) >= 50 and all(got[c].rating == "B" for c in ratings)
    assert len(seen) == len(set(seen)) == len(s.relevant)


def test_every_control_has_an_accessible_name(qtbot, services, draft, screen):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, \
        QPlainTextEdit, QWidget
    services.set_answer(draft.uuid, "A-3", value=True)
    screen.reload()
    kinds = (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit)
    codes = ("A-1", "A-3", "A-4", "B-1", "B-2", "B-3", "B-5", "B-6")
    checked = dict.fromkeys(codes, 0)
    for code in codes:
        screen.focus_item(code)
        for w in screen.findChildren(QWidget):
            if isinstance(w, kinds) and w.isVisibleTo(screen) and w.focusPolicy() != Qt.NoFocus:
                if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QDateEdit)):
                    continue  # the inner line edit of a named combo/date box
                name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
                assert name, f"{code}: {type(w).__name__} has no accessible name"
                checked[code] += 1
    # each item's own controls were among those checked (answer, evidence, comment at least)
    assert all(n >= 3 for n in checked.values()), checked


def test_two_fields_typed_at_once_are_both_saved_and_numbers_do_not_jump(
        qtbot, services, draft, screen):
    screen.focus_item("A-1")
    ed = screen.editor
    type_japanese(ed.evidence, "規程")
    type_japanese(ed.comment, "良好")
    ed.flush()
    got = answers(services, draft.uuid)["A-1"]
    assert (got.evidence, got.comment) == ("規程", "良好")
    assert ed.comment.toPlainText() == "良好" and ed.evidence.toPlainText() == "規程"

    screen.focus_item("B-2")
    ed.value_edit.setFocus()
    qtbot.keyClicks(ed.value_edit, "12")
    ed.flush()
    assert answers(services, draft.uuid)["B-2"].value == 12
    qtbot.keyClicks(ed.value_edit, "x")
    ed.flush()                                        # not a number: told, not saved
    assert "数値" in ed.message.text() and answers(services, draft.uuid)["B-2"].value == 12
    ed.value_edit.clear()
    type_japanese(ed.value_edit, "３４")               # full-width digits from the IME
    ed.flush()
    assert answers(services, draft.uuid)["B-2"].value == 34


def test_search_box_keys(qtbot, screen):
    screen.start_search()
    qtbot.keyClicks(screen.search, "B-5")
    qtbot.keyClick(screen.search, Qt.Key_Escape)
    assert screen.search.text() == "" and len(visible_codes(screen)) == 8
    qtbot.keyClicks(screen.search, "A-3")
    qtbot.keyClick(screen.search, Qt.Key_Down)
    assert screen.current_code() == "A-3"


def test_ctrl_down_jumps_to_the_next_section(qtbot, screen):
    assert screen.current_code() == "A-1"
    qtbot.keyClick(screen.list, Qt.Key_Down, Qt.ControlModifier)
    assert screen.current_code() == "B-1"
    assert screen.navigator.currentRow() == 1
    qtbot.keyClick(screen.list, Qt.Key_Up, Qt.ControlModifier)
    assert screen.current_code() == "A-1"


def test_ctrl_z_in_a_text_box_undoes_through_the_review_history(qtbot, services, draft, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    checklist = window.open_review(draft.uuid).checklist_screen
    with qtbot.waitActive(window, timeout=2000):  # shortcuts need the active window
        window.activateWindow()
    checklist.focus_item("A-1")
    qtbot.keyClick(checklist.list, Qt.Key_1)
    box = checklist.editor.comment
    box.setFocus()
    type_japanese(box, "入力中")
    qtbot.keyClick(box, Qt.Key_Z, Qt.ControlModifier)  # text first saved, then undone
    assert services.answers(draft.uuid)["A-1"].comment == ""
    assert services.answers(draft.uuid)["A-1"].rating == "A"
    assert box.toPlainText() == ""
