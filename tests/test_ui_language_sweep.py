"""The screens the translation sweep converted speak English when English is chosen: the checklist
(every answer type in the item editor), the findings tab and its improvement-action dialog, and
the dialogs that register a facility and start a review show no Japanese in their labels,
buttons, titles, headers, tooltips, placeholders or accessible names — the data of the test is
written in English, so any Japanese seen is the app's own."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from kanwa_review.app import install_translations
from kanwa_review.core import i18n, pdca
from kanwa_review.core import review as core_review
from kanwa_review.core.review import FINDING_LABELS, TeamMember
from kanwa_review.ui import labels
from kanwa_review.ui.labels import date_label
from kanwa_review.ui.checklist.screen import ChecklistScreen
from kanwa_review.ui.checklist.widgets import NoteLine
from kanwa_review.ui.dialogs.facility import NewFacilityDialog
from kanwa_review.ui.dialogs.review import NewReviewDialog
from kanwa_review.ui.findings.actions_editor import ActionDialog
from kanwa_review.ui.findings.panel import FindingsPanel
from kanwa_review.ui.findings.text import KIND_LABELS, KIND_NOUNS
from tests.test_i18n_strings import JAPANESE


@pytest.fixture
def english(qapp, monkeypatch):
    """The whole process in English, as after choosing English and starting again; Japanese
    again afterwards (the session's QApplication is shared by every test)."""
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "ja")
    monkeypatch.setattr(i18n, "_language", "ja")


@pytest.fixture
def review(services, mini_form):
    """A draft of the mini form whose own data (facility, team, finding) is English."""
    services.create_facility("F100", "Imaginary Hospital", "Nowhere", "regional")
    r = services.start_review("F100", mini_form, date(2025, 11, 20),
                              [TeamMember("Hana Yamada", "leader", "physician")])
    services.set_answer(r.uuid, "A-2", rating="C")
    services.add_finding(r.uuid, "improve", "The plan is not written down", ["A-2"])
    return r


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person sees or hears in `root` and its children."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName() or w.accessibleName()!r}"
        for what in ("windowTitle", "accessibleName", "accessibleDescription", "toolTip"):
            out.append((f"{name}.{what}", getattr(w, what)()))
        if isinstance(w, (QLabel, QAbstractButton, NoteLine)):
            out.append((f"{name}.text", w.text()))
        if isinstance(w, QGroupBox):
            out.append((f"{name}.title", w.title()))
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            out.append((f"{name}.placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [(f"{name}.item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [(f"{name}.tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            columns = 1 if isinstance(w, QListView) else model.columnCount(top)
            out += [(f"{name}.header", str(model.headerData(c, Qt.Horizontal) or ""))
                    for c in range(columns)]
            for row in range(min(model.rowCount(top), 20)):
                for col in range(columns):
                    index = model.index(row, col)
                    for role in (Qt.DisplayRole, Qt.ToolTipRole, Qt.AccessibleTextRole):
                        out.append((f"{name}[{row},{col}]", str(index.data(role) or "")))
        out += [(f"{name}.action", a.text()) for a in QWidget.actions(w)]
    return out


# one of the ways a date may be typed, named in every date field's tooltip
TYPED_ERA_DATE = "令和5年11月15日"


def _japanese(root: QWidget, *, besides: tuple[str, ...] = ()) -> list[str]:
    """Texts with Japanese in them, leaving out those that hold one of `besides` (an ideographic
    space is a blank, not a word: the section list aligns its ✓ with one)."""
    besides = (*besides, TYPED_ERA_DATE)
    return [f"{where}: {text!r}" for where, text in _texts(root)
            if JAPANESE.search(text.replace("\u3000", " "))
            and not any(b in text for b in besides)]


def test_the_checklist_speaks_english(qtbot, services, review, english):
    screen = ChecklistScreen(services, review.uuid)
    qtbot.addWidget(screen)
    screen.show()
    seen = []
    for code in ("A-1", "A-2", "A-3", "A-4", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6"):
        if code in screen.relevant:
            screen.focus_item(code)
            seen.append(code)
            assert not _japanese(screen), code
    assert len(seen) >= 7 and len(_texts(screen)) > 200   # the check saw the screen's texts
    screen.focus_item("A-2")
    editor = screen.editor
    assert editor.text_label.text() == "A plan exists"
    assert editor.section_label.text() == "A Organisation"
    assert editor.rating_buttons.buttons["C"].toolTip().startswith("C: Partly in place")
    assert editor.message.text() == "A rating of C needs a comment."
    assert screen.unanswered_box.text() == "Unanswered only"
    assert screen.model.headerData(0, Qt.Horizontal) == "Code"
    assert screen.accept_all_button.text() == "Take previous ratings for unanswered"


def test_the_findings_tab_and_an_action_dialog_speak_english(qtbot, services, review,
                                                             english):
    panel = FindingsPanel(services, review.uuid)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.add_buttons["improve"].text() == "Add area for improvement"
    assert panel.groups["improve"].title() == "Areas for improvement (1)"
    panel.lists["improve"].setCurrentRow(0)
    assert panel.codes_label.text().startswith("Linked items: A-2 A plan exists")
    assert not _japanese(panel)
    dialog = ActionDialog(services, "F100", review_uuid=review.uuid)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add improvement action"
    assert [dialog.status_box.itemText(i) for i in range(dialog.status_box.count())] == [
        "Not started", "In progress", "Done", "Dropped"]
    assert not _japanese(dialog)


def test_the_start_dialogs_speak_english(qtbot, services, review, mini_form, english):
    facility = NewFacilityDialog(services)
    qtbot.addWidget(facility)
    assert facility.windowTitle() == "Register a facility"
    assert facility.category.currentText() == "Regional designated cancer hospital"
    assert not _japanese(facility)
    start = NewReviewDialog(services, forms=[mini_form], facility_code="F100")
    qtbot.addWidget(start)
    assert start.form_choice.currentText() == "Test form, version 1 (10 items)"
    roles = start.team.cellWidget(0, 1)
    assert roles.currentText() == "Leader"
    assert start.team.horizontalHeaderItem(0).text() == "Name"
    # the visit date's note: weekday, day, month and year, no era
    visit = start.visit_date.value()
    assert date_label(visit) == visit.strftime("%a %-d %b %Y")
    assert start.visit_date.note.text().startswith(date_label(visit))
    assert not _japanese(start)


def test_the_same_screens_speak_japanese_by_default(qtbot, services, review):
    """No translator: the Japanese source, as before the sweep."""
    screen = ChecklistScreen(services, review.uuid)
    qtbot.addWidget(screen)
    screen.focus_item("A-2")
    assert screen.editor.text_label.text() == "計画がある"
    assert screen.editor.message.text() == "評価 C にはコメントが必要です。"
    assert screen.unanswered_box.text() == "未回答のみ"
    panel = FindingsPanel(services, review.uuid)
    qtbot.addWidget(panel)
    assert panel.add_buttons["improve"].text() == "改善が望まれる点を追加"


def test_the_word_tables_match_core():
    """ui/labels.py and ui/findings/text.py mark core's code tables for the catalog: the same
    keys and the same Japanese, so a new role or status cannot go unseen."""
    assert labels.ROLE_WORDS == core_review.TEAM_ROLES
    assert labels.PROFESSION_WORDS == core_review.PROFESSIONS
    assert labels.CATEGORY_WORDS == core_review.FACILITY_CATEGORIES
    assert labels.ACTION_STATUS_WORDS == pdca.STATUS_LABELS
    assert KIND_LABELS == KIND_NOUNS == FINDING_LABELS
