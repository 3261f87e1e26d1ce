"""The review's own fields on the findings tab (所見): the 総評 box above the findings, and the
page 訪問の概要・期日 (日程・面談者・確認資料・見学部署, 改善計画の提出期限, 次回フォローアップ).

Texts are saved as a finding's text is (after a pause in typing, on leaving the field, when the
tab is hidden, before a reload), dates when one is taken; each save is an undo step on the
review's shared stack (review_fields.py). Everything is read-only on a finalised revision.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.review import VISIT_OVERVIEW_LABELS
from kanwa_review.ui.date_input import date_input
from kanwa_review.ui.dialogs.common import error_label, show_error
from kanwa_review.ui.findings.review_fields import (
    DATE_FIELDS,
    OVERALL_COMMENT,
    ReviewFieldWriter,
    SetReviewField,
    TextCommitter,
    field_label,
    stored_value,
)
from kanwa_review.ui.findings.widgets import FindingEditor

_LINES = {OVERALL_COMMENT: 5, "schedule": 3, "interviewees": 3, "documents": 3,
          "departments": 2}


def _editor(name: str, lines: int) -> FindingEditor:
    editor = FindingEditor()
    editor.setAccessibleName(name)
    height = editor.fontMetrics().lineSpacing() * lines + 14
    editor.setMinimumHeight(height)
    editor.setMaximumHeight(height + editor.fontMetrics().lineSpacing() * 3)
    return editor


class ReviewFieldsEditor(QObject):
    """Builds `overall_box` (総評) and `overview_page` (概要・期日) for the panel to place;
    `changed` carries the services' Changed of every save, undo and redo."""

    changed = Signal(object)

    def __init__(self, services, uuid: str, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.services, self.uuid, self.undo_stack = services, uuid, undo_stack
        self.review = services.review(uuid)
        self._session = 0
        self._pushing = False
        self.editors: dict[str, FindingEditor] = {}
        self.committers: dict[str, TextCommitter] = {}
        self.dates = {}
        self._build_overall()
        self._build_page()
        undo_stack.indexChanged.connect(self._stack_moved)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.show_values()

    # --- building -----------------------------------------------------------------------
    def _build_overall(self) -> None:
        # a short title: a group box is at least as wide as its title, and the findings tab
        # must still fit a window 780 pixels wide (the long name is the tooltip)
        self.overall_box = QGroupBox(self.tr("総評"))
        self.overall_box.setToolTip(self.tr("総評（訪問全体を通じた所見）"))
        self.overall_box.setAccessibleName(field_label(OVERALL_COMMENT))
        editor = self._text_field(OVERALL_COMMENT, self._overall_writer())
        editor.setPlaceholderText(self.tr("報告書の最初に載る総評です。確定には総評の記入が必要です"
                                          "（入力は自動で保存されます）。"))
        self.overall_error = error_label()
        box = QVBoxLayout(self.overall_box)
        box.addWidget(editor)
        box.addWidget(self.overall_error)

    def _build_page(self) -> None:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.page_hint = QLabel()
        self.page_hint.setWordWrap(True)
        layout.addWidget(self.page_hint)
        overview = QGroupBox(self.tr("訪問の概要"))
        form = QFormLayout(overview)
        writer = self._page_writer()
        for field in VISIT_OVERVIEW_LABELS:
            self._row(form, field, self._text_field(field, writer))
        layout.addWidget(overview)
        plan = QGroupBox(self.tr("改善計画の期日"))
        form = QFormLayout(plan)
        for field in DATE_FIELDS:
            box = date_input()
            box.setAccessibleName(field_label(field))
            box.value_changed.connect(lambda value, field=field: self._date_taken(field, value))
            self.dates[field] = box
            self._row(form, field, box)
        layout.addWidget(plan)
        self.page_error = error_label()
        layout.addWidget(self.page_error)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        self.overview_page = scroll

    @staticmethod
    def _row(form: QFormLayout, field: str, widget: QWidget) -> None:
        caption = QLabel(field_label(field))
        caption.setBuddy(widget)
        form.addRow(caption, widget)

    def _text_field(self, field: str, writer: ReviewFieldWriter) -> FindingEditor:
        editor = _editor(field_label(field), _LINES[field])
        committer = TextCommitter(field, editor.toPlainText,
                                  lambda: stored_value(self.review, field), self)
        committer.commit.connect(lambda f, text, w=writer: self._push_text(w, f, text))
        editor.textChanged.connect(lambda: self._typed(field))
        editor.focus_lost.connect(lambda: self._left(field))
        self.editors[field], self.committers[field] = editor, committer
        return editor

    def _overall_writer(self) -> ReviewFieldWriter:
        return ReviewFieldWriter(self.services, self.uuid, self._applied,
                                 lambda message: show_error(self.overall_error, message))

    def _page_writer(self) -> ReviewFieldWriter:
        return ReviewFieldWriter(self.services, self.uuid, self._applied, self._page_refused)

    # --- state --------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.review.is_final

    def show_values(self) -> None:
        """Put what the review holds into every field the person is not typing in."""
        for field, editor in self.editors.items():
            if self.committers[field].dirty:
                continue
            value = stored_value(self.review, field)
            if editor.toPlainText() != value:
                editor.blockSignals(True)
                editor.setPlainText(value)
                editor.blockSignals(False)
            editor.setReadOnly(self.read_only)
        for field, box in self.dates.items():
            box.set_value(stored_value(self.review, field))
            box.setReadOnly(self.read_only)
        self.page_hint.setText(
            self.tr("この版は確定済みのため閲覧のみです。") if self.read_only else
            self.tr("報告書の「訪問の概要」と改善計画の期日に載ります。入力は自動で保存され、"
                    "Ctrl+Zで元に戻せます。"))

    def reload(self) -> None:
        """Re-read the review (undo, another window, an import); typing is saved first."""
        self.flush()
        self.review = self.services.review(self.uuid)
        self.show_values()

    def flush(self) -> None:
        for committer in self.committers.values():
            committer.flush()

    def focus_overall(self) -> None:
        editor = self.editors[OVERALL_COMMENT]
        editor.setFocus(Qt.OtherFocusReason)
        # a closing dialog hands focus back afterwards: take it again once that is done
        QTimer.singleShot(50, lambda: shiboken6.isValid(editor) and editor.setFocus(
            Qt.OtherFocusReason))

    # --- saving -------------------------------------------------------------------------
    def _typed(self, field: str) -> None:
        if self.read_only:
            return
        show_error(self.overall_error if field == OVERALL_COMMENT else self.page_error, "")
        self.committers[field].typed()

    def _left(self, field: str) -> None:
        self.committers[field].flush()
        self._session += 1

    def _push_text(self, writer: ReviewFieldWriter, field: str, text: str) -> None:
        if self.read_only:
            return
        self._push(SetReviewField(writer, field, stored_value(self.review, field), text,
                                  self._session))

    def _date_taken(self, field: str, value) -> None:
        if self.read_only or value == stored_value(self.review, field):
            return
        self._session += 1
        self._push(SetReviewField(self._page_writer(), field, stored_value(self.review, field),
                                  value))

    def _push(self, command: SetReviewField) -> None:
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False

    def _stack_moved(self, _index: int) -> None:
        if not self._pushing:
            self._session += 1   # after an undo or redo, typing starts a new step

    def _applied(self, changed, field: str) -> None:
        self.review = self.services.review(self.uuid)
        show_error(self.overall_error if field == OVERALL_COMMENT else self.page_error, "")
        self.show_values()
        self.changed.emit(changed)

    def _page_refused(self, message: str) -> None:
        show_error(self.page_error, message)
        for field, box in self.dates.items():    # a refused date goes back to the one held
            box.set_value(stored_value(self.review, field))


__all__ = ["ReviewFieldsEditor"]
