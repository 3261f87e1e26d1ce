"""A visit day by keyboard in the checklist (issue 15, items 4, 6, 7): Esc comes back to the
item table from every kind of control in the editor after F2 and the next rating key counts;
the focus ring shows in light and dark; keys that do nothing on an item say so; the table keeps
the rows ahead in view and the editor keeps the answer controls in view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kanwa_review.ui.checklist.screen import ChecklistScreen
from tests.conftest import complete_mini


def _screen(qtbot, services, uuid, size=(1200, 700)):
    s = ChecklistScreen(services, uuid)
    qtbot.addWidget(s)
    s.resize(*size)
    s.show()
    s.activateWindow()
    assert QTest.qWaitForWindowActive(s)
    s.list.setFocus()
    return s


def _controls(editor, kind):
    """The control of one kind in the editor of the item shown."""
    return {
        "self-assessment button": lambda: editor.self_buttons.buttons["B"],
        "rating button": lambda: editor.rating_buttons.buttons["C"],
        "yes/no button": lambda: editor.yes_no_buttons[True],
        "free text": lambda: editor.value_edit,
        "numerator": lambda: editor.num_edit,
        "denominator": lambda: editor.den_edit,
        "number field": lambda: editor.value_edit,
        "choice list": lambda: editor.combo,
        "date text": lambda: editor.date_edit.edit,
        "date 今日 button": lambda: editor.date_edit.today_button,
        "multi-choice check box": lambda: next(iter(editor.checks.values())),
        "evidence": lambda: editor.evidence,
        "comment": lambda: editor.comment,
        "所見に追加 button": lambda: editor.finding_button,
    }[kind]()


# (item, control kind, the key pressed after Esc, what it writes): every kind of control
CASES = [
    ("A-1", "self-assessment button", Qt.Key_2, ("rating", "B")),
    ("A-1", "rating button", Qt.Key_4, ("rating", "D")),
    ("A-1", "evidence", Qt.Key_1, ("rating", "A")),
    ("A-2", "comment", Qt.Key_3, ("rating", "C")),
    ("A-2", "所見に追加 button", Qt.Key_2, ("rating", "B")),
    ("A-3", "yes/no button", Qt.Key_2, ("value", False)),
    ("A-4", "free text", None, None),
    ("B-1", "numerator", None, None),
    ("B-1", "denominator", None, None),
    ("B-2", "number field", None, None),
    ("B-3", "choice list", Qt.Key_2, ("value", "assigned")),
    ("B-5", "date text", None, None),
    ("B-5", "date 今日 button", None, None),
    ("B-6", "multi-choice check box", None, None),
]


@pytest.mark.parametrize("code, kind, key, written", CASES,
                         ids=[f"{c[0]} {c[1]}" for c in CASES])
def test_esc_comes_back_from_every_kind_of_control_and_the_next_key_counts(
        qtbot, services, draft, code, kind, key, written):
    services.set_answer(draft.uuid, "A-3", value=True)      # A-4 (free text) applies then
    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item(code)
    qtbot.keyClick(screen.list, Qt.Key_F2)                       # into the editor
    control = _controls(screen.editor, kind)
    control.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    assert screen.editor.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    assert screen.list.hasFocus(), kind
    assert screen.current_code() == code                         # still on the same item
    if key is None:   # an item the keys do not answer: the key is heard (item 6), not lost
        qtbot.keyClick(screen.list, Qt.Key_1)
        assert screen.current_code() == code
        assert "「1」はこの項目" in screen.editor.message.text()
        return
    qtbot.keyClick(screen.list, key)
    field, value = written
    assert getattr(services.answers(draft.uuid)[code], field) == value


def test_esc_comes_back_from_the_previous_answer_button(qtbot, services, final_review, mini_form):
    follow = services.start_follow_up("F001", mini_form, date(2026, 11, 5))
    screen = _screen(qtbot, services, follow.uuid)
    screen.focus_item("A-1")
    button = screen.editor.accept_button
    assert button.isVisibleTo(screen.editor) and button.text() == "前回の評価を採用"
    button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(button, Qt.Key_Escape)
    assert screen.list.hasFocus()
    qtbot.keyClick(screen.list, Qt.Key_3)
    assert services.answers(follow.uuid)["A-1"].rating == "C"


def test_esc_leaves_an_open_choice_list_to_close_first(qtbot, services, draft):
    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item("B-3")
    combo = screen.editor.combo
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClick(combo.view(), Qt.Key_Escape)                   # closes the list only
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert not screen.list.hasFocus()
    qtbot.keyClick(combo, Qt.Key_Escape)                          # then back to the table
    assert screen.list.hasFocus()


def test_a_rating_key_on_a_focused_rating_button_rates_the_item(qtbot, services, draft):
    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item("A-1")
    button = screen.editor.self_buttons.buttons["A"]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key_2)         # a key the button does not use is a rating key
    assert services.answers(draft.uuid)["A-1"].rating == "B"
    assert button.hasFocus()


# --- keys that do nothing say so (item 6) -------------------------------------------------

@pytest.mark.parametrize("code, key, says", [
    ("A-3", Qt.Key_0, "「0」はこの項目（A-3）では使えません。はい＝1 または Y、いいえ＝2 または N"),
    ("A-3", Qt.Key_5, "「5」はこの項目（A-3）では使えません。はい＝1 または Y、いいえ＝2 または N"),
    ("B-6", Qt.Key_1, "「1」はこの項目（B-6）では使えません。複数選択は F2 で入力欄へ移り、スペースで"
                      "チェックします"),
    ("B-3", Qt.Key_7, "「7」はこの項目（B-3）では使えません。選択肢は 1〜2"),
    ("A-1", Qt.Key_X, "「X」はこの項目（A-1）では使えません。評価は 1〜4 または A〜D、0 または N で"
                      "N/A、Shift+文字で自己評価"),
    ("A-1", Qt.Key_7, "「7」はこの項目（A-1）では使えません。評価は 1〜4 または A〜D、0 または N で"
                      "N/A、Shift+文字で自己評価"),
    ("B-2", Qt.Key_3, "「3」はこの項目（B-2）では使えません。F2 で入力欄へ移って入力してください"),
])
def test_a_key_that_does_nothing_says_so_and_the_item_stays(qtbot, services, draft, code, key,
                                                            says, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    screen = _screen(qtbot, services, draft.uuid)
    notices = []
    screen.notice.connect(notices.append)
    screen.focus_item(code)
    before = services.answers(draft.uuid).get(code)
    qtbot.keyClick(screen.list, key)
    assert screen.current_code() == code                          # not skipped
    assert services.answers(draft.uuid).get(code) == before       # nothing written
    assert screen.editor.message.text() == says
    assert notices == [says] and beeps == [1]


def test_the_keys_that_work_stay_quiet(qtbot, services, draft, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item("A-3")
    qtbot.keyClick(screen.list, Qt.Key_Y)
    assert services.answers(draft.uuid)["A-3"].value is True
    qtbot.keyClick(screen.list, Qt.Key_P)            # P: the previous visit (none here): quiet
    assert beeps == [] and screen.editor.message.text() == ""


def test_the_status_bar_hears_a_key_that_did_nothing(qtbot, services, draft, tmp_path):
    from tests.ui_window_support import make_window

    window = make_window(qtbot, services, tmp_path)
    checklist = window.open_review(draft.uuid).checklist_screen
    checklist.focus_item("A-3")
    qtbot.keyClick(checklist.list, Qt.Key_0)
    assert window.statusBar().currentMessage().startswith("「0」はこの項目（A-3）では使えません")


# --- what stays in view (item 7) -----------------------------------------------------------

def test_rows_ahead_of_the_current_one_stay_in_view(qtbot, services, real_form, facility):
    review = services.start_review("F001", real_form, date(2025, 11, 20))
    screen = _screen(qtbot, services, review.uuid, size=(1100, 420))
    view = screen.list
    for _ in range(25):
        qtbot.keyClick(view, Qt.Key_Tab)
        row = view.currentIndex().row()
        for ahead in range(1, 4):
            rect = view.visualRect(view.model().index(row + ahead, 0))
            assert view.viewport().rect().contains(rect), (row, ahead)


def test_the_editor_keeps_the_answer_controls_in_view_and_does_not_jump_to_the_top(
        qtbot, services, real_form, facility):
    review = services.start_review("F001", real_form, date(2025, 11, 20))
    screen = _screen(qtbot, services, review.uuid, size=(1100, 460))
    scroll = screen.editor_scroll
    bar = scroll.verticalScrollBar()
    rated = [i.code for i in real_form.items() if i.type == "rating"][:12]
    moved_down = False
    for code in rated:
        screen.focus_item(code)
        qtbot.wait(20)   # the editor lays the new item out, then keeps its controls in view
        box = screen.editor.answer_box
        top_left = box.mapTo(scroll.widget(), box.rect().topLeft())
        visible = scroll.viewport().rect().translated(0, bar.value())
        assert visible.contains(top_left), code
        moved_down |= bar.value() > 0
        before = bar.value()
        qtbot.keyClick(screen.list, Qt.Key_2)       # rating does not move the editor either
        assert bar.value() == before
    assert moved_down   # the pane was too short for guidance and buttons: it did scroll


# --- the focus ring (item 4) ---------------------------------------------------------------

def _dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.Window, "#2b2b2b"), (QPalette.WindowText, "#e6e6e6"),
                         (QPalette.Base, "#1f1f1f"), (QPalette.Button, "#353535"),
                         (QPalette.ButtonText, "#e6e6e6"), (QPalette.Highlight, "#3d6fb4"),
                         (QPalette.HighlightedText, "#ffffff"), (QPalette.Text, "#e6e6e6")):
        p.setColor(role, QColor(colour))
    return p


@pytest.fixture
def styled(qapp):
    from kanwa_review.ui.style import STYLE_SHEET

    palette, sheet = qapp.palette(), qapp.styleSheet()
    qapp.setStyleSheet(STYLE_SHEET)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _ring_pixels(widget) -> int:
    """Pixels on the widget's outer two-pixel band in the palette's highlight colour."""
    image = widget.grab().toImage()
    want = widget.palette().color(QPalette.Highlight)
    count = 0
    w, h = image.width(), image.height()
    for x in range(w):
        for y in (0, 1, h - 2, h - 1):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) \
                    + abs(c.blue() - want.blue()) < 40:
                count += 1
    return count


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_focus_shows_on_rating_buttons_and_check_boxes(qtbot, services, draft, styled, dark):
    if dark:
        styled.setPalette(_dark_palette())
    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item("A-1")
    for pick in (lambda e: e.rating_buttons.buttons["C"], lambda e: e.self_buttons.buttons["A"]):
        button = pick(screen.editor)
        screen.list.setFocus()
        qtbot.waitUntil(lambda: not button.hasFocus())
        unfocused = _ring_pixels(button)
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        focused = _ring_pixels(button)
        assert focused > unfocused + button.width(), (focused, unfocused)
    screen.focus_item("B-6")
    check = next(iter(screen.editor.checks.values()))
    unfocused = _ring_pixels(check)
    check.setFocus()
    qtbot.waitUntil(check.hasFocus)
    assert _ring_pixels(check) > unfocused + check.width()
