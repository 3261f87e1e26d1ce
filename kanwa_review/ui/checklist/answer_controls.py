"""The answer controls of the checklist item editor, built per item type: rating buttons
(and the self-assessment's), yes/no, number with unit, numerator/denominator with the computed
rate, date (the app's date field), choice, multi-choice, free text, and the period line.

A mixin of ItemEditor: it only builds and lays out the controls; reading, filling and
committing their values stay in the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.form import Item
from kanwa_review.core.form_text import text as form_text
from kanwa_review.core.i18n import language
from kanwa_review.ui.checklist.widgets import (
    CHOSEN_STYLE,
    GradeDefinitions,
    NoteLine,
    RatingButtons,
)
from kanwa_review.ui.widgets.date_field import DateField

# marked for the catalog (context AnswerControls), translated where the period field is made
PERIOD_HINTS = {"fiscal_year": QT_TRANSLATE_NOOP("AnswerControls", "例: 2025年度"),
                "calendar_year": QT_TRANSLATE_NOOP("AnswerControls", "例: 2025年"),
                "custom": QT_TRANSLATE_NOOP("AnswerControls", "例: 2025年4月〜9月")}


class AnswerControls:
    """Builds `answer_box`'s controls for `self.item`'s type (see ItemEditor for the rest)."""

    def _clear_answer_widgets(self) -> None:
        # a fresh container per item: the old controls vanish at once, not at deleteLater
        old = self.answer_box
        self.answer_box = QWidget()
        self.answer_layout = QGridLayout(self.answer_box)
        self.answer_layout.setContentsMargins(0, 4, 0, 4)
        self.answer_layout.setColumnStretch(1, 1)
        self.layout().replaceWidget(old, self.answer_box)
        old.hide()
        old.deleteLater()
        self.answer_widgets = []
        self.rating_buttons = self.self_buttons = None
        self.value_edit = self.num_edit = self.den_edit = self.period_edit = None
        self.rate_label = self.date_edit = self.combo = None
        self.grade_box: GradeDefinitions | None = None
        self.not_collected_box: QCheckBox | None = None
        self.yes_no: RatingButtons | None = None
        self.checks: dict[str, QCheckBox] = {}

    def _row(self, label: str, widget: QWidget, extra: QWidget | None = None) -> None:
        r = self.answer_layout.rowCount()
        title = QLabel(label)
        title.setBuddy(widget)
        title.setWordWrap(True)
        title.setMaximumWidth(230)
        # a narrow pane (150 % scaling on a small screen) must not wrap 「自己評価」 letter by letter
        title.setMinimumWidth(min(title.fontMetrics().horizontalAdvance(label) + 6, 230))
        self.answer_layout.addWidget(title, r, 0, Qt.AlignTop)
        self.answer_layout.addWidget(widget, r, 1)
        if extra is not None:
            self.answer_layout.addWidget(extra, r, 2)
        self.answer_widgets.append(widget)

    def _build_answer(self, item: Item) -> None:
        self._clear_answer_widgets()
        t = item.type
        if t == "rating":
            definitions = self.form.grade_definitions(item.code, language())
            if item.has_self_assessment:
                self.self_buttons = RatingButtons(self.form, item, self.tr("自己評価"),
                                                  dict(definitions))
                self.self_buttons.chosen.connect(
                    lambda c: self._emit({"self_rating": c}))
                self._row(self.tr("自己評価"), self.self_buttons)
            self.rating_buttons = RatingButtons(self.form, item, self.tr("評価"), dict(definitions))
            self.rating_buttons.chosen.connect(lambda c: self._emit({"rating": c}))
            self._row(self.tr("評価"), self.rating_buttons)
            self.rating_meaning = NoteLine(1)
            self.rating_meaning.setAccessibleName(self.tr("評価の意味"))
            self.answer_layout.addWidget(self.rating_meaning, self.answer_layout.rowCount(), 1)
            if definitions:   # what each grade means for this item, beside the buttons
                self.grade_box = GradeDefinitions(definitions)
                r = self.answer_layout.rowCount()
                title = QLabel(QCoreApplication.translate("ItemEditor", "評価の定義"))
                title.setWordWrap(True)
                self.answer_layout.addWidget(title, r, 0, Qt.AlignTop)
                self.answer_layout.addWidget(self.grade_box, r, 1, 1, 2)
        elif t == "yes_no":
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.yes_no_buttons = {}
            for value, text in ((True, self.tr("はい")), (False, self.tr("いいえ"))):
                b = QPushButton(text)
                b.setCheckable(True)
                b.setMinimumSize(80, 36)
                b.setAccessibleName(self.tr("回答 {answer}").format(answer=text))
                b.setStyleSheet(CHOSEN_STYLE)
                b.clicked.connect(lambda _c=False, v=value: self._emit(
                    {"value": None if self.answer.value is v else v}))
                self.yes_no_buttons[value] = b
                row.addWidget(b)
            row.addStretch(1)
            self._row(self.tr("回答"), box)
        elif t in ("integer", "number"):
            self.value_edit = self._line(self.tr("数値"), "value",
                                         self.tr("整数") if t == "integer" else self.tr("数値"))
            unit = QLabel(form_text(item.unit))
            self._row(self.tr("数値"), self.value_edit, unit)
            self._period_row(item)
        elif t == "percentage":
            # an empty field must not look like an entered 0
            numerator, denominator = form_text(item.numerator), form_text(item.denominator)
            self.num_edit = self._line(self.tr("分子 {text}").format(text=numerator), "value",
                                       self.tr("未入力"))
            self.den_edit = self._line(self.tr("分母 {text}").format(text=denominator), "value",
                                       self.tr("未入力"))
            self._row(self.tr("分子：{text}").format(text=numerator), self.num_edit)
            self._row(self.tr("分母：{text}").format(text=denominator), self.den_edit)
            self.rate_label = QLabel()
            self.rate_label.setAccessibleName(self.tr("算出した割合"))
            font = self.rate_label.font()
            font.setBold(True)
            self.rate_label.setFont(font)
            self._row(self.tr("割合"), self.rate_label)
            if item.allow_not_collected:
                self.not_collected_box = QCheckBox(QCoreApplication.translate(
                    "ItemEditor", "未集計（集計していないため数値なし）"))
                self.not_collected_box.setAccessibleName(QCoreApplication.translate(
                    "ItemEditor", "未集計"))
                self.not_collected_box.setToolTip(QCoreApplication.translate(
                    "ItemEditor", "実施しているが集計していないときに選びます。値を推測して"
                                  "記入しないでください"))
                self.not_collected_box.clicked.connect(self._not_collected_clicked)
                self._row("", self.not_collected_box)
            self._period_row(item)
        elif t == "date":
            self.date_edit = DateField()
            self.date_edit.setAccessibleName(self.tr("日付"))
            self.date_edit.text_edited.connect(self._date_typed)
            self.date_edit.value_changed.connect(self._date_taken)
            self._row(self.tr("日付"), self.date_edit)
        elif t == "choice":
            self.combo = QComboBox()
            self.combo.setAccessibleName(self.tr("選択肢"))
            self.combo.addItem(self.tr("（未選択）"), None)
            for c in item.choices:
                self.combo.addItem(form_text(c.label), c.code)
            self.combo.activated.connect(
                lambda i: self._emit({"value": self.combo.itemData(i)}))
            self._row(self.tr("選択"), self.combo)
        elif t == "multi_choice":
            box = QWidget()
            row = QVBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            for c in item.choices:
                check = QCheckBox(form_text(c.label))
                check.setAccessibleName(form_text(c.label))
                check.clicked.connect(lambda checked=False, code=c.code:
                                      self._multi_clicked(code, checked))
                self.checks[c.code] = check
                row.addWidget(check, 0, Qt.AlignLeft)
            row.addStretch(1)
            self._row(self.tr("該当するもの"), box)
        elif t == "text":
            self.value_edit = QPlainTextEdit()
            self.value_edit.setAccessibleName(self.tr("回答（自由記述）"))
            self.value_edit.setTabChangesFocus(True)
            self.value_edit.setUndoRedoEnabled(False)
            self.value_edit.setMinimumHeight(60)
            self.value_edit.textChanged.connect(
                lambda: self._typed("value", self.value_edit.toPlainText))
            self.value_edit.installEventFilter(self)
            self._row(self.tr("回答"), self.value_edit)
        for w in self.answer_widgets:
            if not isinstance(w, (QPlainTextEdit, QLineEdit)):
                w.setEnabled(not self.read_only)
        for w in (self.value_edit, self.num_edit, self.den_edit, self.period_edit):
            if w is not None:
                w.setReadOnly(self.read_only)
        self._chain_answer_tabs()

    def _chain_answer_tabs(self) -> None:
        """Put the new controls into the Tab order where they are seen: after the previous
        answer's button, before the evidence box. Controls made for an item join the end of
        the window's focus chain, so without this Tab from the answer left the editor."""
        previous = self.accept_button
        for w in self.answer_box.findChildren(QWidget):  # creation order = reading order
            if w.focusPolicy() == Qt.NoFocus or self._inside_compound(w):
                continue
            QWidget.setTabOrder(previous, w)
            previous = w
        QWidget.setTabOrder(previous, self.evidence)
        QWidget.setTabOrder(self.evidence, self.comment)

    def _inside_compound(self, w: QWidget) -> bool:
        """A date box's or combo's inner line edit or popup list goes with its owner."""
        parent = w.parentWidget()
        while parent is not None and parent is not self.answer_box:
            if isinstance(parent, (QAbstractSpinBox, QComboBox)) or parent.isWindow():
                return True
            parent = parent.parentWidget()
        return w.isWindow()

    def _line(self, name: str, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(180)
        edit.textEdited.connect(lambda _t: self._typed(field, self._value_of_fields))
        edit.installEventFilter(self)
        return edit

    def _period_row(self, item: Item) -> None:
        if item.period is None:
            return
        self.period_edit = QLineEdit()
        self.period_edit.setAccessibleName(self.tr("対象期間"))
        self.period_edit.setPlaceholderText(
            QCoreApplication.translate("AnswerControls", PERIOD_HINTS.get(item.period, "")))
        self.period_edit.textEdited.connect(lambda _t: self._typed("period",
                                                                   self.period_edit.text))
        self.period_edit.installEventFilter(self)
        self._row(self.tr("対象期間"), self.period_edit)
