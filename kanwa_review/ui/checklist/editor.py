"""The editor of the focused checklist item (項目の入力欄): text, guidance, previous answer and
open actions, the answer controls of the item's type, evidence and comment.

One editor is reused for every item (only the answer controls are rebuilt per item), so moving
through 90 items never builds 90 sets of widgets. Typed text is held for a short debounce and
then handed to the screen as an edit; `flush()` hands it over at once (item change, focus out,
reload, close) so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.form import Form, Item
from kanwa_review.core.form_text import text as form_text, trace_labels
from kanwa_review.core.review import NOT_COLLECTED_KEY, Answer, is_not_collected, percentage
from kanwa_review.ui.checklist.answer_controls import AnswerControls
from kanwa_review.ui.checklist.model import rating_text, scale_label, value_text
from kanwa_review.ui.checklist.widgets import (
    NoteLine,
    RatingButtons,
    secondary,
)
from kanwa_review.ui.labels import action_status_label

DEBOUNCE_MS = 400
_SHORTCUT_OVERRIDE, _FOCUS_IN, _FOCUS_OUT, _KEY_PRESS = (
    QEvent.ShortcutOverride.value, QEvent.FocusIn.value, QEvent.FocusOut.value,
    QEvent.KeyPress.value)
# marked for the catalog (context ItemEditor), translated where the menu is built
FINDING_ACTIONS = (("improve", QT_TRANSLATE_NOOP("ItemEditor", "改善が望まれる点として所見に追加")),
                   ("strength", QT_TRANSLATE_NOOP("ItemEditor", "良い点として所見に追加")),
                   ("recommendation", QT_TRANSLATE_NOOP("ItemEditor", "提言として所見に追加")))


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－，", "0123456789.-,")


def _parse_number(text: str, integer: bool):
    """A typed number (full-width digits from a Japanese IME too); ValueError if it is none."""
    text = text.strip().translate(_FULL_WIDTH).replace(",", "")
    if not text:
        return None
    return int(text) if integer else float(text)


class _FractionError(ValueError):
    """A numerator above its denominator: its message is shown as it is."""


class ItemEditor(AnswerControls, QFrame):
    """Shows one item; emits `edit(code, fields, merge)` for every change the reviewer makes
    (`merge` is (field, editing session) for typed text, whose edits coalesce into one undo
    step, else None)."""

    edit = Signal(str, dict, object)
    accept_previous = Signal(str)
    add_finding = Signal(str, str)
    back_to_list = Signal()

    def __init__(self, form: Form, parent=None):
        super().__init__(parent)
        self.form = form
        self.item: Item | None = None
        self.answer = Answer("")
        self.read_only = False
        self.session = 0                   # typed edits merge within one session
        self._pending: dict[str, object] = {}  # field -> callable giving its value
        self._loading = False
        self.key_handler = None            # the screen's rating keys, used on the answer buttons
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.setAccessibleName(self.tr("選んだ項目の入力"))
        self._message_kind: str | None = None   # "comment" / "number": which note is shown
        self._build()
        # One rule for every control of the editor, whatever kind it is (buttons, check
        # boxes, the choice list, number, text and date fields): Esc hands typed text over and
        # goes back to the item table, where the next rating key counts.
        self.escape = QShortcut(QKeySequence(Qt.Key_Escape), self)
        self.escape.setContext(Qt.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self._escape)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        head = QHBoxLayout()
        self.code_label = QLabel()
        self.code_label.setAccessibleName(self.tr("項目コード"))
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.code_label.setFont(font)
        self.required_label = QLabel(self.tr("必須"))
        self.required_label.setAccessibleName(self.tr("必須項目"))
        self.required_label.setFrameShape(QFrame.StyledPanel)
        self.required_label.setMargin(2)
        self.section_label = secondary(QLabel())
        self.section_label.setAccessibleName(self.tr("大項目"))
        self.finding_button = QToolButton()
        # the menu's arrow is part of the text: Qt's own indicator was drawn over the last
        # character (「所見に追加.」)
        self.finding_button.setText(self.tr("所見に追加 ▾"))
        self.finding_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.finding_button.setAccessibleName(self.tr("この項目を所見に追加"))
        self.finding_button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.finding_button)
        for kind, text in FINDING_ACTIONS:
            menu.addAction(QCoreApplication.translate("ItemEditor", text),
                           lambda k=kind: self.item and self.add_finding.emit(k, self.item.code))
        self.finding_button.setMenu(menu)
        head.addWidget(self.code_label)
        head.addWidget(self.required_label)
        head.addWidget(self.section_label, 1)
        head.addWidget(self.finding_button)
        outer.addLayout(head)

        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setAccessibleName(self.tr("項目の内容"))
        self.text_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.text_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text_label.setFont(font)
        outer.addWidget(self.text_label)

        self.guidance_toggle = QToolButton()
        self.guidance_toggle.setCheckable(True)
        self.guidance_toggle.setChecked(True)
        self.guidance_toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.guidance_toggle.setText(self.tr("評価の視点"))
        self.guidance_toggle.setAccessibleName(self.tr("評価の視点を表示・隠す"))
        self.guidance_toggle.setAutoRaise(True)
        self.guidance_toggle.toggled.connect(self._toggle_guidance)
        self.guidance_label = QLabel()
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setAccessibleName(self.tr("評価の視点"))
        self.guidance_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.guidance_label.setFrameShape(QFrame.StyledPanel)
        self.guidance_label.setMargin(6)
        self.guidance_label.setBackgroundRole(QPalette.AlternateBase)
        self.guidance_label.setAutoFillBackground(True)
        self.traces_label = secondary(QLabel())
        self.traces_label.setAccessibleName(self.tr("根拠となる指針"))
        outer.addWidget(self.guidance_toggle)
        outer.addWidget(self.guidance_label)
        outer.addWidget(self.traces_label)
        self._toggle_guidance(True)

        # follow-up: previous answer and open improvement actions
        self.previous_row = QWidget()
        prev = QHBoxLayout(self.previous_row)
        prev.setContentsMargins(0, 0, 0, 0)
        self.previous_label = QLabel()
        self.previous_label.setAccessibleName(self.tr("前回の評価"))
        self.accept_button = QPushButton(self.tr("前回の評価を採用"))
        self.accept_button.setAccessibleName(self.tr("前回の評価をこの項目に採用"))
        self.accept_button.clicked.connect(
            lambda: self.item and self.accept_previous.emit(self.item.code))
        prev.addWidget(self.previous_label, 1)
        prev.addWidget(self.accept_button)
        outer.addWidget(self.previous_row)
        self.actions_label = QLabel()
        self.actions_label.setWordWrap(True)
        self.actions_label.setAccessibleName(self.tr("この項目の未完了の改善計画"))
        self.actions_label.setFrameShape(QFrame.StyledPanel)
        self.actions_label.setMargin(4)
        outer.addWidget(self.actions_label)

        self.answer_box = QWidget()
        self.answer_layout = QGridLayout(self.answer_box)
        self.answer_layout.setContentsMargins(0, 4, 0, 4)
        outer.addWidget(self.answer_box)
        self.message = NoteLine(2, warning=True)
        self.message.setAccessibleName(self.tr("入力の注意"))
        outer.addWidget(self.message)
        # a warning that comes or goes with a rating keystroke repaints this line and
        # re-lays out nothing: its space is kept, hidden or not, on an item a rule reads
        # (prepare_warnings), and none is taken on the others
        self.warnings_label = NoteLine(3, warning=True)
        self.warnings_label.setAccessibleName(self.tr("この項目の確認が望まれる点"))
        policy = self.warnings_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.warnings_label.setSizePolicy(policy)
        self.warnings_label.hide()
        self._warnings_space = QWidget()
        space = QVBoxLayout(self._warnings_space)
        space.setContentsMargins(0, 0, 0, 0)
        space.addWidget(self.warnings_label)
        self._warnings_space.hide()
        outer.addWidget(self._warnings_space)

        self.evidence = self._text_box(self.tr("確認した資料・根拠"), "evidence",
                                       self.tr("例: 委員会規程、議事録（2025年度4回分）"), 70)
        self.comment = self._text_box(self.tr("コメント"), "comment",
                                      self.tr("評価の理由、改善の提案など"), 90)
        self.comment_label = QLabel(self.tr("コメント"))
        outer.addWidget(QLabel(self.tr("確認した資料・根拠")))
        outer.addWidget(self.evidence)
        outer.addWidget(self.comment_label)
        outer.addWidget(self.comment)
        outer.addStretch(1)
        self.answer_widgets: list[QWidget] = []
        self.rating_buttons: RatingButtons | None = None
        self.self_buttons: RatingButtons | None = None

    def _text_box(self, name: str, field: str, placeholder: str, height: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setAccessibleName(name)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setUndoRedoEnabled(False)  # the review's undo stack owns undo (one history)
        box.setMinimumHeight(height)
        box.setMaximumHeight(height * 2)
        box.textChanged.connect(lambda: self._typed(field, box.toPlainText))
        box.installEventFilter(self)
        return box

    def _toggle_guidance(self, shown: bool) -> None:
        self.guidance_toggle.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)
        self.guidance_label.setVisible(shown and bool(self.guidance_label.text()))

    # --- showing an item ---------------------------------------------------------------
    def show_item(self, item: Item, answer: Answer | None, previous: Answer | None,
                  actions: list, read_only: bool) -> None:
        self.flush()
        self._loading = True
        self.item, self.read_only = item, read_only
        self.answer = answer or Answer(item.code)
        self.session += 1
        self._say("")
        section = self.form.section_of(item.code)
        self.code_label.setText(item.code)
        self.required_label.setVisible(item.required)
        self.section_label.setText(f"{section.code} {form_text(section.title)}")
        self.text_label.setText(form_text(item.text))
        self.guidance_label.setText(form_text(item.guidance))
        self.guidance_toggle.setVisible(item.guidance is not None)
        self._toggle_guidance(self.guidance_toggle.isChecked())
        self.traces_label.setText(self.tr("根拠: {traces}").format(traces=trace_labels(item)))
        self._show_previous(item, previous)
        if actions:
            lines = [self.tr("・{title}（{status}、期限 {due}）").format(
                         title=a.title, status=action_status_label(a.status),
                         due=a.due_date.isoformat())
                     if a.due_date else
                     self.tr("・{title}（{status}）").format(title=a.title,
                                                          status=action_status_label(a.status))
                     for a in actions]
            self.actions_label.setText("\n".join([self.tr("未完了の改善計画:"), *lines]))
        self.actions_label.setVisible(bool(actions))
        self.finding_button.setEnabled(not read_only)
        self._build_answer(item)
        self._fill(self.answer)
        for box in (self.evidence, self.comment):
            box.setReadOnly(read_only)
        self._loading = False

    def _show_previous(self, item: Item, previous: Answer | None) -> None:
        self.previous = previous
        if previous is None:
            self.previous_row.hide()
            return
        if item.type == "rating":
            text = (self.tr("前回: {mark}（{label}）").format(
                        mark=rating_text(previous.rating),
                        label=scale_label(self.form, item, previous.rating))
                    if previous.rating else self.tr("前回: 評価なし"))
            usable = previous.rating is not None
        else:
            shown = value_text(item, previous)
            shown = shown or self.tr("回答なし")
            text = (self.tr("前回: {answer}（{period}）").format(answer=shown, period=previous.period)
                    if previous.period else self.tr("前回: {answer}").format(answer=shown))
            usable = previous.value is not None
        self.previous_label.setText(text)
        self.accept_button.setText(self.tr("前回の評価を採用") if item.type == "rating"
                                   else self.tr("前回の値を採用"))
        self.accept_button.setVisible(usable)
        self.accept_button.setEnabled(not self.read_only)
        self.previous_row.show()

    # --- values in and out -------------------------------------------------------------
    def _fill(self, a: Answer) -> None:
        """Put an answer into the controls without emitting edits."""
        item = self.item
        was, self._loading = self._loading, True
        try:
            if self.rating_buttons is not None:
                self.rating_buttons.set_value(a.rating)
                self.rating_meaning.setText(scale_label(self.form, item, a.rating))
                if self.grade_box is not None:
                    self.grade_box.set_chosen(a.rating)
            if self.self_buttons is not None:
                self.self_buttons.set_value(a.self_rating)
            if item.type == "yes_no":
                for v, b in self.yes_no_buttons.items():
                    b.setChecked(a.value is v)
            elif item.type in ("integer", "number") and "value" not in self._pending:
                self._set_line(self.value_edit, a.value, item.type == "integer")
            elif item.type == "percentage" and "value" not in self._pending:
                not_collected = is_not_collected(a.value)
                v = {} if not_collected else a.value or {}
                self._set_line(self.num_edit, v.get("numerator"), True)
                self._set_line(self.den_edit, v.get("denominator"), True)
                if self.not_collected_box is not None:
                    self.not_collected_box.setChecked(not_collected)
                for edit in (self.num_edit, self.den_edit):
                    edit.setEnabled(not not_collected)
                self._show_rate()
            elif item.type == "date" and "value" not in self._pending:
                self.date_edit.set_value(date.fromisoformat(a.value) if a.value else None)
            elif item.type == "choice":
                self.combo.setCurrentIndex(max(self.combo.findData(a.value), 0)
                                           if a.value else 0)
            elif item.type == "multi_choice":
                for code, check in self.checks.items():
                    check.setChecked(code in (a.value or ()))
            elif item.type == "text" and "value" not in self._pending:
                self._set_plain(self.value_edit, a.value or "")
            if self.period_edit is not None and "period" not in self._pending:
                self.period_edit.setText(a.period or "")
            if "evidence" not in self._pending:
                self._set_plain(self.evidence, a.evidence)
            if "comment" not in self._pending:
                self._set_plain(self.comment, a.comment)
            self._show_comment_need(a)
        finally:
            self._loading = was

    @staticmethod
    def _set_line(edit: QLineEdit, value, integer: bool) -> None:
        """Show a stored number, but leave a field being typed in alone while its text means
        the same number ("1." or "1.50" must not jump to "1" / "1.5" under the cursor)."""
        if edit.hasFocus():
            try:
                if _parse_number(edit.text(), integer) == value:
                    return
            except ValueError:
                pass
        text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        if edit.text() != text:
            edit.setText(text)

    @staticmethod
    def _set_plain(box: QPlainTextEdit, text: str) -> None:
        if box.toPlainText() != text:
            box.setPlainText(text)

    def _show_comment_need(self, a: Answer) -> None:
        item = self.item
        need = (item.type == "rating" and a.rating is not None
                and a.rating in self.form.scale(item.scale).comment_required)
        missing = need and not (a.comment or "").strip() and "comment" not in self._pending
        if missing and not self.message.text():
            self._say(self.tr("評価 {mark} にはコメントが必要です。").format(
                mark=rating_text(a.rating)), "comment")
        elif not missing and self._message_kind == "comment":
            self._say("")

    def update_answer(self, answer: Answer | None) -> None:
        """The stored answer changed (an edit, undo or reload): show it."""
        self.answer = answer or Answer(self.item.code if self.item else "")
        if self.item is not None:
            self._fill(self.answer)

    def _not_collected_clicked(self, checked: bool) -> None:
        """「未集計」: the figure was not collected (the form allows it for this item); no
        numerator or denominator is kept with it. Unticking leaves the figure empty."""
        self._pending.pop("value", None)   # a half-typed figure gives way to the choice
        self._emit({"value": {NOT_COLLECTED_KEY: True} if checked else None})

    def _multi_clicked(self, code: str, checked: bool) -> None:
        """A choice that excludes the others (B-2 「実施していない」) clears them when ticked,
        and is cleared when another is ticked — the form would refuse both together."""
        exclusive = set(self.item.exclusive_choices)
        if checked and exclusive:
            for other, check in self.checks.items():
                if other != code and (code in exclusive or other in exclusive):
                    check.setChecked(False)
        self._emit({"value": self._multi_value()})

    def _multi_value(self) -> list[str]:
        return [code for code, check in self.checks.items() if check.isChecked()]

    def _date_value(self):
        d = self.date_edit.value()
        return d.isoformat() if d else None

    def _date_typed(self) -> None:
        """Typing: a text that is a date is saved after the pause like any typed text; one
        not finished yet waits (the field itself says what is wrong when it is left)."""
        if self.date_edit.error():
            self._pending.pop("value", None)
            return
        self._typed("value", self._date_value)

    def _date_taken(self, _d) -> None:
        """Enter, leaving the field, 今日, the calendar, ↑/↓: saved at once."""
        self._typed("value", self._date_value)
        self.flush()

    def _value_of_fields(self):
        """The value typed in the number fields; raises ValueError with a message to show."""
        if self.item.type == "percentage":
            num = _parse_number(self.num_edit.text(), True)
            den = _parse_number(self.den_edit.text(), True)
            if num is not None and den is not None and num > den:
                raise _FractionError(self.tr("分子（{numerator}）が分母（{denominator}）を超えています。"
                                             "数値を確認してください。").format(
                    numerator=num, denominator=den))
            if num is None and den is None:
                return None
            return {k: v for k, v in (("numerator", num), ("denominator", den)) if v is not None}
        return _parse_number(self.value_edit.text(), self.item.type == "integer")

    def _show_rate(self) -> None:
        if self.rate_label is None:
            return
        if self.not_collected_box is not None and self.not_collected_box.isChecked():
            self.rate_label.setText(self.tr("未集計（数値なし）"))
            return
        try:
            value = self._value_of_fields()
        except ValueError as exc:
            self.rate_label.setText("—")
            self._say(str(exc) if isinstance(exc, _FractionError)
                      else self.tr("整数で入力してください。"), "number")
            return
        rate = percentage(value)
        self.rate_label.setText(f"{rate:.1f}%" if rate is not None else "—")
        reference = self.item.reference
        if reference is not None and rate is not None:
            self.rate_label.setText(self.tr("{rate}%（{reference}）").format(
                rate=f"{rate:.1f}", reference=form_text(reference.label)))
        if self._message_kind == "number":
            self._say("")

    # --- edits out ----------------------------------------------------------------------
    def _emit(self, fields: dict) -> None:
        if self._loading or self.read_only or self.item is None:
            return
        self.flush()
        self.edit.emit(self.item.code, fields, None)

    def _typed(self, field: str, getter) -> None:
        if self._loading or self.read_only or self.item is None:
            return
        self._pending[field] = getter
        if self.rate_label is not None and field == "value":
            self._show_rate()
        self._timer.start()

    def flush(self) -> None:
        """Hand over typed text now (debounce end, focus out, item change, reload, close)."""
        self._timer.stop()
        if not self._pending or self.item is None:
            self._pending.clear()
            return
        fields = {}
        for field, getter in list(self._pending.items()):
            try:
                fields[field] = getter()
            except ValueError as exc:
                del self._pending[field]
                text = str(exc)
                self._say(text if isinstance(exc, _FractionError) or self.item.type == "date"
                          else self.tr("数値として読めません。半角の数字で入力してください。"),
                          "number" if isinstance(exc, _FractionError) else None)
        # each field stays marked pending until its own edit is out, so committing one field
        # never writes the stored (older) text of another back into its box
        for field, value in fields.items():
            self._pending.pop(field, None)
            self.edit.emit(self.item.code, {field: value}, (field, self.session))
        self._pending.clear()

    def show_error(self, text: str) -> None:
        self._say(text)

    def _say(self, text: str, kind: str | None = None) -> None:
        """The note under the answer; `kind` names the notes the editor clears itself when
        their cause goes (a comment now given, a number now readable)."""
        self.message.setText(text)
        self._message_kind = kind if text else None

    def prepare_warnings(self, possible: bool) -> None:
        """Keep the warnings' space on an item whose answer a rule reads (so a warning that
        comes with a keystroke does not move the fields below), none on the others."""
        self.warnings_label.reset_height()
        self._warnings_space.setVisible(possible)

    def show_warnings(self, messages: list[str]) -> None:
        """The consistency warnings that involve this item (never a block: a reviewer may have
        a reason, said in the comment)."""
        self.warnings_label.setText("\n".join("△ " + m for m in messages))
        if messages and not self._warnings_space.isVisibleTo(self):
            self._warnings_space.show()      # a warning on an item no rule reads (a period)
        self.warnings_label.setVisible(bool(messages))
        self.warnings_label.grow_to_fit()

    # --- keys ---------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        kind = event.type().value  # int compares: PySide enum compares cost ~10 µs each
        if kind == _SHORTCUT_OVERRIDE and (
                event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)
                or (event.key() in (Qt.Key_Z, Qt.Key_Y)
                    and event.modifiers() & Qt.ControlModifier)):
            # typed text becomes a command first; then the review's undo (not the field's own):
            # the override is left unaccepted so the Edit menu's shortcut fires
            self.flush()
            event.ignore()
            return True
        if kind == _FOCUS_OUT:
            self.flush()
        elif kind == _FOCUS_IN:
            self.session += 1
        return False

    def _escape(self) -> None:
        self.flush()
        self.back_to_list.emit()

    def keyPressEvent(self, event) -> None:
        """Keys no control of the editor used (a digit on a rating button, a letter on a
        check box) reach here: they are the item table's rating keys, for the item shown."""
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)
