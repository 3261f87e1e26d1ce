"""Fixes from a reviewer's QA pass over the checklist screen and the findings tab: Tab order
through an item's answer controls, the C/D mark kept on the selected row, full text of elided
cells in tooltips, the checklist keys in the keyboard help, finding wording helpers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kanwa_review.core.review import Finding
from kanwa_review.ui.checklist.screen import ChecklistScreen
from kanwa_review.ui.checklist.model import PREVIOUS, RATING
from kanwa_review.ui.findings.panel import FindingsPanel
from kanwa_review.ui.findings.text import finding_line, linked_items_text


def _screen(qtbot, services, uuid):
    s = ChecklistScreen(services, uuid)
    qtbot.addWidget(s)
    s.resize(1200, 700)
    s.show()
    s.activateWindow()
    assert QTest.qWaitForWindowActive(s)
    s.list.setFocus()
    return s


def _tab_walk(qtbot, start, stop, limit=12) -> list:
    """Widgets focused by Tab from `start` until `stop` (or `limit` presses)."""
    start.setFocus(Qt.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is stop:
            break
    return seen


def test_tab_goes_from_the_answer_controls_to_evidence_and_comment(qtbot, services, draft):
    """Answer controls are rebuilt per item; Tab used to jump from them out of the editor
    (to the window's header) and never reach the evidence and comment boxes."""
    screen = _screen(qtbot, services, draft.uuid)
    editor = screen.editor
    for code in ("B-1", "B-5", "A-1"):
        screen.focus_item(code)
        # the item's new controls are shown by a posted event
        qtbot.waitUntil(lambda: all(w.isVisible() for w in editor.answer_widgets))
        screen.edit_current()
        first = QApplication.focusWidget()
        assert first is not None and editor.answer_box.isAncestorOf(first), code
        walk = _tab_walk(qtbot, first, editor.comment)
        assert walk[-2:] == [editor.evidence, editor.comment], (code, walk)
        assert all(editor.answer_box.isAncestorOf(w) for w in walk[:-2]), code
        if code == "B-1":  # numerator, denominator (and period, if any) in that order
            fields = [w for w in (editor.num_edit, editor.den_edit, editor.period_edit) if w]
            assert [w for w in walk if w in fields] == fields
        if code == "B-5":  # an empty date field: its text, 今日, the calendar, then on
            field = editor.date_edit
            assert walk[:3] == [field.edit, field.today_button, field.calendar_button]
            assert len(walk) == 5
            assert field.edit.text() == "" and field.note.text() == "未記入"
            field.edit.setFocus(Qt.TabFocusReason)
            qtbot.keyClick(field.edit, Qt.Key_Backtab, Qt.ShiftModifier)
            assert QApplication.focusWidget() is not field.edit


def test_a_selected_low_rating_still_shows_its_mark(qtbot, services, draft):
    """The selection band used to paint over the C/D colour of the focused item's rating."""
    services.set_answer(draft.uuid, "A-1", rating="C")
    services.set_answer(draft.uuid, "A-2", rating="C")
    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item("A-1")
    selected, other = screen.proxy.index(0, RATING), screen.proxy.index(1, RATING)
    # the row is selected in a list that has the keyboard (the band's colour depends on both)
    qtbot.waitUntil(lambda: screen.list.hasFocus()
                    and screen.list.selectionModel().isSelected(selected))
    image = screen.list.viewport().grab().toImage()

    def near_left(index, dx=6):  # the letter is centred: the cell's fill shows at its edge
        rect = screen.list.visualRect(index)
        return QColor(image.pixel(rect.left() + dx, rect.center().y()))

    def distance(a, b):
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    highlight = QColor(image.pixel(screen.list.visualRect(screen.proxy.index(0, 1)).center()))
    mark = near_left(other)                             # an unselected C cell
    assert distance(mark, highlight) > 150
    assert distance(near_left(selected), mark) < 60     # the mark shows through the selection
    assert distance(near_left(selected, 1), highlight) < 60  # framed by the selection band


def test_elided_answer_and_previous_cells_carry_the_full_text(qtbot, services, final_review,
                                                              mini_form):
    follow = services.start_follow_up("F001", mini_form, date(2026, 11, 20))
    services.set_answer(follow.uuid, "B-1", value={"numerator": 173, "denominator": 278})
    screen = _screen(qtbot, services, follow.uuid)
    rows = {screen.model.items[r].code: r for r in range(screen.model.rowCount())}
    assert screen.model.index(rows["B-1"], RATING).data(Qt.ToolTipRole) == "62.2%（173/278）"
    assert screen.model.index(rows["B-1"], PREVIOUS).data(Qt.ToolTipRole) == "前回: 75.0%（45/60）"
    assert screen.model.index(rows["A-2"], PREVIOUS).data(Qt.ToolTipRole) == "前回: C：一部できている"


def test_keyboard_help_lists_the_checklist_and_findings_keys(qtbot):
    from kanwa_review.ui.keyboard_help import KeyboardHelpDialog

    dialog = KeyboardHelpDialog()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    keys = {key for _where, key, _does in rows}
    for key in ("Tab / Enter", "F2 / Space", "Esc", "Ctrl+↓ / Ctrl+↑", "P",
                "Alt+↑ / Alt+↓"):
        assert key in keys, key
    assert any("評価・回答を取り消す" in does for _w, key, does in rows
               if key == "Delete / Backspace")


def test_escape_in_the_finding_text_goes_back_to_its_list(qtbot, services, draft):
    services.add_finding(draft.uuid, "improve", "手順書が未整備である", ["A-1"])
    panel = FindingsPanel(services, draft.uuid)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    assert QTest.qWaitForWindowActive(panel)
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key_Escape)
    assert panel.lists["improve"].hasFocus()


def test_finding_wording(mini_form):
    long = Finding("improve", "あ" * 200, ("A-1", "B-2"), 0, 1)
    line = finding_line(2, long, 3)
    first, second = line.split("\n")
    assert first.startswith("2. ") and first.endswith("…") and len(first) == 3 + 160 + 1
    assert second == "［関連: A-1、B-2／改善計画 3件］"
    assert finding_line(1, Finding("strength", "短い", (), 0, 2)) == "1. 短い"
    text, tooltip = linked_items_text(mini_form, ("A-1", "Z-9"))
    assert text.startswith("関連項目: A-1 ") and text.endswith("／Z-9")
    assert tooltip.splitlines()[1] == "Z-9"
    assert linked_items_text(mini_form, ()) == ("関連項目: なし", "")


def test_opening_a_review_from_home_puts_the_keyboard_on_the_items(qtbot, services, draft,
                                                                  tmp_path):
    """Opened from the home list, focus used to land on the page's ホームへ戻る button, so
    the first rating key did nothing."""
    from tests.ui_window_support import make_window

    window = make_window(qtbot, services, tmp_path)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    assert window.home.select_review(draft.uuid)
    window.home.open_requested.emit(draft.uuid)
    screen = window.review_screen.checklist_screen
    qtbot.waitUntil(lambda: screen.list.hasFocus())
    qtbot.keyClick(screen.list, Qt.Key_2)
    assert services.answers(draft.uuid)["A-1"].rating == "B"


def test_an_empty_date_field_opens_its_calendar_on_today_and_arrows_start_from_today(
        qtbot, services, draft):
    from PySide6.QtCore import QDate

    screen = _screen(qtbot, services, draft.uuid)
    screen.focus_item("B-5")
    field = screen.editor.date_edit
    assert field.value() is None and field.note.text() == "未記入"
    qtbot.mouseClick(field.calendar_button, Qt.LeftButton)  # not on January 1900
    calendar = field.calendar
    qtbot.waitUntil(lambda: calendar is not None and calendar.isVisible())
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.close()
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key_Up)  # ↑ on an empty field starts from today, and is saved
    assert field.value() == today.toPython()

    def saved():
        answer = services.answers(draft.uuid).get("B-5")
        return answer.value if answer is not None else None

    qtbot.waitUntil(lambda: saved() == today.toString("yyyy-MM-dd"))
    field.edit.selectAll()                  # emptied by typing: no date again
    qtbot.keyClick(field.edit, Qt.Key_Delete)
    qtbot.keyClick(field.edit, Qt.Key_Return)
    screen.editor.flush()
    cleared = services.answers(draft.uuid).get("B-5")
    assert (cleared is None or cleared.value is None) and field.value() is None


def test_moving_a_finding_to_the_top_by_button_keeps_focus_off_delete(qtbot, services, draft):
    for text in ("一つ目の改善点", "二つ目の改善点"):
        services.add_finding(draft.uuid, "improve", text, ["A-1"])
    panel = FindingsPanel(services, draft.uuid)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    panel.activateWindow()
    assert QTest.qWaitForWindowActive(panel)
    panel.lists["improve"].setCurrentRow(1)
    panel.up_button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(panel.up_button, Qt.Key_Space)  # 上へ: now first, so 上へ is disabled
    assert [f.text for f in panel.findings("improve")] == ["二つ目の改善点", "一つ目の改善点"]
    assert not panel.up_button.isEnabled()
    assert QApplication.focusWidget() is panel.lists["improve"]
    assert not panel.delete_button.hasFocus()


def test_item_picker_elides_long_items_and_keeps_check_boxes_visible_in_dark(qtbot,
                                                                              real_form):
    """Under a dark palette Fusion drew the unchecked boxes in the list's own background
    colour; long item texts were cut off under a sideways scroll bar."""
    from PySide6.QtGui import QPalette

    from kanwa_review.ui.findings.panel import ItemPickerDialog

    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    for role, colour in ((QPalette.Window, "#2b2b2b"), (QPalette.Base, "#1f1f1f"),
                         (QPalette.Text, "#e6e6e6"), (QPalette.WindowText, "#e6e6e6")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        picker = ItemPickerDialog(real_form, ("A-1",))
        qtbot.addWidget(picker)
        pal = picker.list.palette()
        # Fusion outlines an item's check box in Window.darker(140); it must show on Base
        outline, base = pal.color(QPalette.Window).darker(140), pal.color(QPalette.Base)
        assert abs(outline.lightness() - base.lightness()) > 40
    finally:
        app.setPalette(light)
    row = picker.list.item(0)
    item = real_form.item(row.data(Qt.UserRole))
    assert row.toolTip().startswith(f"{item.code}  {item.text.ja}")
    assert picker.list.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff
    assert picker.list.textElideMode() == Qt.ElideRight
    assert picker.selected_codes() == ("A-1",)
