"""The checklist with the 2026.2 form's own features, through real widgets (issue 14): items
that apply by the facility's category, each grade's definition beside the rating buttons, a
figure recorded as 「未集計」, and the consistency warnings shown live as answers change."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette

from kanwa_review.ui.checklist.screen import ChecklistScreen
from kanwa_review.ui.checklist.model import CODE, CODE_ROLE, RATING


def open_screen(qtbot, services, uuid) -> ChecklistScreen:
    s = ChecklistScreen(services, uuid)
    qtbot.addWidget(s)
    s.resize(1200, 700)
    s.show()
    s.list.setFocus()
    return s


def tick(qtbot, check) -> None:
    """Click a check box on its box (its centre may lie past a short label)."""
    qtbot.mouseClick(check, Qt.LeftButton, pos=QPoint(8, check.height() // 2))


def visible_codes(screen) -> list[str]:
    return [screen.proxy.index(r, 0).data(CODE_ROLE) for r in range(screen.proxy.rowCount())]


@pytest.fixture
def hub_review(services, facility, real_form):
    return services.start_review("F001", real_form, date(2026, 6, 1))     # a prefectural hub


@pytest.fixture
def screen(qtbot, services, hub_review):
    return open_screen(qtbot, services, hub_review.uuid)


def test_items_apply_by_the_facilitys_category(qtbot, services, real_form, screen):
    # a hub rates C-7 (dedicated nurse); C-20 is for regional cancer hospitals
    assert "C-7" in visible_codes(screen) and "C-20" not in visible_codes(screen)
    services.create_facility("F002", "架空町立病院", "架空県", "regional_hospital")
    review = services.start_review("F002", real_form, date(2026, 6, 1))
    small = open_screen(qtbot, services, review.uuid)
    shown = visible_codes(small)
    assert "C-20" in shown and "C-7" not in shown
    assert small.count_label.text() == screen.count_label.text()   # one swapped for the other
    small.focus_item("C-20")
    assert small.current_code() == "C-20"
    qtbot.keyClick(small.list, Qt.Key_2)                  # rated with the keyboard
    assert services.answers(review.uuid)["C-20"].rating == "B"
    small.focus_item("C-7")                                # not shown for this hospital
    assert "該当しない" in small.editor.message.text()


def test_each_grade_is_defined_beside_the_buttons_and_the_chosen_one_is_marked(
        qtbot, services, real_form, hub_review, screen):
    screen.focus_item("C-7")
    box = screen.editor.grade_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)               # the item's controls show with the next paint
    expected = real_form.grade_definitions("C-7")
    assert [(code, line.text()) for code, (_mark, line) in box.rows.items()] == expected
    assert [code for code, _ in expected] == ["A", "B", "C", "D"]      # B defined too
    assert expected[1][1] in screen.editor.rating_buttons.buttons["B"].toolTip()
    qtbot.keyClick(screen.list, Qt.Key_3)                              # C
    assert box.chosen == "C"
    assert box.rows["C"][1].backgroundRole() == QPalette.Highlight
    assert box.rows["A"][1].backgroundRole() == QPalette.Base
    qtbot.mouseClick(screen.editor.rating_buttons.buttons["A"], Qt.LeftButton)
    assert box.chosen == "A" and box.rows["C"][1].backgroundRole() == QPalette.Base
    assert services.answers(hub_review.uuid)["C-7"].rating == "A"
    screen.focus_item("B-9")                                           # a figure: none
    assert screen.editor.grade_box is None


def test_a_figure_can_be_recorded_as_not_collected(qtbot, services, hub_review, screen):
    screen.focus_item("B-9")
    editor = screen.editor
    box = editor.not_collected_box
    assert box is not None and not box.isChecked()
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box, Qt.LeftButton)
    assert services.answers(hub_review.uuid)["B-9"].value == {"not_collected": True}
    assert not editor.num_edit.isEnabled() and not editor.den_edit.isEnabled()
    assert "未集計" in editor.rate_label.text()
    row = screen.proxy.mapFromSource(screen.model.index(screen.model.row_of["B-9"], RATING))
    assert row.data() == "未集計"
    screen.undo_stack.undo()                                # one step back: empty again
    assert "B-9" not in services.answers(hub_review.uuid)
    assert not box.isChecked() and editor.num_edit.isEnabled()
    screen.undo_stack.redo()
    assert box.isChecked()
    qtbot.mouseClick(box, Qt.LeftButton)                    # unticked: a figure may be typed
    assert "B-9" not in services.answers(hub_review.uuid) and editor.num_edit.isEnabled()
    screen.focus_item("C-7")                                # a rating item: no such box
    assert editor.not_collected_box is None


def test_an_item_that_may_not_be_not_collected_has_no_box(qtbot, real_form, screen):
    code = next(i.code for i in real_form.items()
                if i.type == "percentage" and not i.allow_not_collected
                and i.code in screen.relevant)
    screen.focus_item(code)
    assert screen.editor.rate_label is not None and screen.editor.not_collected_box is None


def test_consistency_warnings_show_live_and_go_away_when_fixed(qtbot, services, hub_review,
                                                              screen):
    assert not screen.warnings_button.isVisibleTo(screen)
    screen.focus_item("C-3")
    choice = screen.editor.combo
    choice.setCurrentIndex(choice.findData("concurrent"))
    choice.activated.emit(choice.currentIndex())           # C-3: 兼任
    screen.focus_item("C-2")
    qtbot.keyClick(screen.list, Qt.Key_1)                   # C-2: A contradicts 兼任
    assert services.answers(hub_review.uuid)["C-2"].rating == "A"
    assert screen.warnings_button.isVisibleTo(screen)
    assert "1 件" in screen.warnings_button.text()
    menu = screen.warnings_button.menu()
    menu.aboutToShow.emit()                                 # the list is made as it opens
    [action] = menu.actions()
    assert "C-2" in action.text() and "兼任" in action.text()
    editor_text = screen.editor.warnings_label.text()
    assert screen.editor.warnings_label.isVisibleTo(screen) and "兼任" in editor_text
    code_cell = screen.model.index(screen.model.row_of["C-2"], CODE)
    assert code_cell.data().endswith("△") and "兼任" in code_cell.data(Qt.ToolTipRole)
    screen.focus_item("A-1")                                # another item: no lines there
    assert not screen.editor.warnings_label.isVisibleTo(screen)
    action.trigger()                                        # the list jumps to the item
    assert screen.current_code() == "C-2"
    qtbot.keyClick(screen.list, Qt.Key_3)                   # C fits 兼任: the warning goes
    assert not screen.warnings_button.isVisibleTo(screen)
    assert not screen.editor.warnings_label.isVisibleTo(screen)
    assert not screen.model.index(screen.model.row_of["C-2"], CODE).data().endswith("△")
    screen.undo_stack.undo()                                # and comes back with the A
    assert screen.warnings_button.isVisibleTo(screen)


def test_only_an_edit_that_can_change_them_rechecks_the_warnings(qtbot, services, real_form,
                                                                 hub_review, screen,
                                                                 monkeypatch):
    """The rating keystroke's budget: a rating no rule reads leaves the warnings alone."""
    import kanwa_review.ui.checklist.screen as checklist_screen
    from kanwa_review.core.rules import warning_sources

    calls = []
    real = checklist_screen.review_warnings
    monkeypatch.setattr(checklist_screen, "review_warnings",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    sources = warning_sources(real_form)
    quiet = next(code for code in screen.model.row_of
                 if code in screen.relevant and code not in sources
                 and real_form.item(code).type == "rating")
    screen.focus_item(quiet)
    qtbot.keyClick(screen.list, Qt.Key_2)
    assert services.answers(hub_review.uuid)[quiet].rating == "B"
    assert calls == []
    screen.focus_item("C-2")                                # read by a rule
    qtbot.keyClick(screen.list, Qt.Key_2)
    assert services.answers(hub_review.uuid)["C-2"].rating == "B"
    assert calls == [1]


def test_a_period_after_the_visit_is_warned_as_typed(qtbot, services, hub_review, screen):
    screen.focus_item("B-9")
    screen.editor.period_edit.setText("2026年4月〜9月")
    screen.editor.period_edit.textEdited.emit("2026年4月〜9月")
    screen.editor.flush()
    assert services.answers(hub_review.uuid)["B-9"].period == "2026年4月〜9月"
    assert screen.warnings_button.isVisibleTo(screen)
    assert "訪問日" in screen.editor.warnings_label.text()


def test_grade_definitions_and_warnings_follow_the_language(qtbot, services, real_form,
                                                           hub_review, monkeypatch):
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    services.set_answer(hub_review.uuid, "C-3", value="concurrent")
    services.set_answer(hub_review.uuid, "C-2", rating="A")
    s = open_screen(qtbot, services, hub_review.uuid)
    s.focus_item("C-2")
    lines = {code: line.text() for code, (_m, line) in s.editor.grade_box.rows.items()}
    assert lines == dict(real_form.grade_definitions("C-2", "en"))
    assert lines["A"] != dict(real_form.grade_definitions("C-2"))["A"]
    assert "concurrent" in s.editor.warnings_label.text()


def test_a_choice_that_excludes_the_others_clears_them(qtbot, services, hub_review, screen):
    screen.focus_item("B-2")
    checks = screen.editor.checks
    qtbot.waitUntil(checks["radiotherapy"].isVisible)
    tick(qtbot, checks["radiotherapy"])
    tick(qtbot, checks["chemotherapy_unit"])
    assert services.answers(hub_review.uuid)["B-2"].value == ["chemotherapy_unit",
                                                              "radiotherapy"]
    tick(qtbot, checks["none"])                 # 実施していない
    assert services.answers(hub_review.uuid)["B-2"].value == ["none"]
    assert not checks["radiotherapy"].isChecked() and not screen.editor.message.text()
    tick(qtbot, checks["other"])                # another one again
    assert services.answers(hub_review.uuid)["B-2"].value == ["other"]
    assert not checks["none"].isChecked()
    screen.undo_stack.undo()                                        # one step each
    assert services.answers(hub_review.uuid)["B-2"].value == ["none"]
    assert checks["none"].isChecked() and not checks["other"].isChecked()


def test_a_warning_that_comes_with_a_keystroke_moves_nothing_below_it(qtbot, services,
                                                                     hub_review, screen):
    """On an item a rule reads the warnings' space is kept: a warning appearing or going is a
    repaint, and the fields under it stay where the reviewer's eyes are."""
    services.set_answer(hub_review.uuid, "C-3", value="concurrent")
    screen.reload()
    screen.focus_item("C-2")
    qtbot.waitUntil(lambda: screen.editor.evidence.isVisible())
    qtbot.wait(50)
    below = screen.editor.evidence.mapTo(screen.editor, screen.editor.evidence.rect().topLeft())
    qtbot.keyClick(screen.list, Qt.Key_1)                   # A contradicts 兼任
    qtbot.wait(50)
    assert screen.editor.warnings_label.isVisibleTo(screen)
    assert "兼任" in screen.editor.warnings_label.text()
    assert screen.editor.evidence.mapTo(screen.editor,
                                        screen.editor.evidence.rect().topLeft()) == below
    qtbot.keyClick(screen.list, Qt.Key_3)                   # C: the warning goes
    qtbot.wait(50)
    assert not screen.editor.warnings_label.isVisibleTo(screen)
    assert screen.editor.evidence.mapTo(screen.editor,
                                        screen.editor.evidence.rect().topLeft()) == below
    screen.focus_item("A-1")                                # no rule reads A-1: no space
    assert not screen.editor._warnings_space.isVisibleTo(screen)


def test_a_long_warning_is_shown_whole(qtbot, screen):
    """Three lines are kept for warnings; a longer one grows the line rather than being cut."""
    screen.focus_item("C-2")
    qtbot.wait(50)
    line = screen.editor.warnings_label
    kept = line.height()
    long_text = ["身体症状の緩和に携わる医師の配置について、回答どうしが食い違っています。" * 4] * 3
    screen.editor.show_warnings(long_text)
    needed = line.fontMetrics().boundingRect(0, 0, line.width(), 10_000,
                                             Qt.AlignLeft | Qt.TextWordWrap, line.text())
    assert line.height() > kept and line.height() >= needed.height()
    screen.focus_item("C-5")                                # the next item starts from three
    assert line.height() == kept
