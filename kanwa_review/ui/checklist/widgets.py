"""Small widgets of the checklist editor: the rating buttons (評価ボタン), what each grade means
for the item (評価の定義) and a repaint-only note line, with the styles that keep them readable
in light and dark mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kanwa_review.core.form import Form, Item
from kanwa_review.core.form_text import text as form_text
from kanwa_review.ui.checklist.model import MARK_COLOURS, rating_text

# the chosen option in the palette's highlight colours (follows light and dark mode)
CHOSEN_STYLE = ("QPushButton:checked { background: palette(highlight); "
                "color: palette(highlighted-text); }")
# the chosen C/D button carries the same fixed-contrast mark as the table
RATING_STYLE = CHOSEN_STYLE + "".join(
    f'QPushButton[mark="{code}"]:checked {{ background: {bg.name()}; color: {fg.name()}; }}'
    for code, (bg, fg) in MARK_COLOURS.items())


def secondary(label: QLabel) -> QLabel:
    """Smaller text in the palette's secondary colour (readable in light and dark mode)."""
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 8))
    label.setFont(font)
    label.setForegroundRole(QPalette.PlaceholderText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class NoteLine(QWidget):
    """A line or two of text that changes without re-laying out the editor (a QLabel's new
    text re-measures every wrapped label around it, which a rating keystroke cannot afford)."""

    def __init__(self, lines: int, *, warning: bool = False, parent=None):
        super().__init__(parent)
        self._text = ""
        self.warning = warning
        if warning:
            font = self.font()
            font.setBold(True)
            self.setFont(font)
        self._base_height = self.fontMetrics().lineSpacing() * lines + 4
        self.setFixedHeight(self._base_height)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def grow_to_fit(self) -> None:
        """Grow (never shrink) to show the whole text at the present width: the one case where
        a new text re-lays out the editor, rather than cut a long warning short."""
        if self.width() < 50 or not self._text:
            return   # not laid out yet: the first paint comes with a layout anyway
        needed = self.fontMetrics().boundingRect(
            0, 0, self.width(), 10_000, Qt.AlignLeft | Qt.TextWordWrap, self._text).height() + 4
        if needed > self.height():
            self.setFixedHeight(needed)

    def reset_height(self) -> None:
        self.setFixedHeight(self._base_height)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setToolTip(text)
            self.setAccessibleDescription(text)
            self.update()

    def clear(self) -> None:
        self.setText("")

    def paintEvent(self, _event) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        palette = self.palette()
        if self.warning:  # a red that stays readable on light and dark windows
            dark = palette.color(QPalette.Window).lightness() < 128
            painter.setPen(QColor("#ff7b6b" if dark else "#b03a2e"))
        else:
            painter.setPen(palette.color(QPalette.PlaceholderText))
        painter.drawText(self.rect().adjusted(0, 2, 0, 0),
                         Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, self._text)


class RatingButtons(QWidget):
    """A row of large checkable buttons, one per scale option; clicking the chosen one again
    clears it."""

    chosen = Signal(object)  # option code or None

    def __init__(self, form: Form, item: Item, what: str,
                 definitions: dict[str, str] | None = None, parent=None):
        super().__init__(parent)
        self.form, self.item = form, item
        definitions = definitions or {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[str, QPushButton] = {}
        for option in form.scale(item.scale).options:
            b = QPushButton(rating_text(option.code))
            b.setCheckable(True)
            b.setMinimumSize(58, 38)
            b.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            font = b.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(True)
            b.setFont(font)
            label = form_text(option.label)
            tip = self.tr("{mark}：{label}").format(mark=rating_text(option.code), label=label)
            if option.code in definitions:
                tip += "\n" + definitions[option.code]
            b.setToolTip(tip)
            b.setAccessibleName(f"{what} {rating_text(option.code)} {label}")
            b.setProperty("mark", option.code)
            b.clicked.connect(lambda _c=False, code=option.code: self._clicked(code))
            self.group.addButton(b)
            self.buttons[option.code] = b
            row.addWidget(b)
        # one style sheet, set once: a chosen button changes only its checked state (restyling
        # per keystroke would cost more than the whole commit)
        self.setStyleSheet(RATING_STYLE)
        self.current: str | None = None

    def _clicked(self, code: str) -> None:
        self.chosen.emit(None if code == self.current else code)

    def set_value(self, code: str | None) -> None:
        self.current = code
        for c, b in self.buttons.items():
            b.setChecked(c == code)


class GradeDefinitions(QFrame):
    """What each grade means for this item (the form's anchors), one line per grade beside the
    rating buttons; the chosen grade's line is highlighted. Choosing a grade only changes
    colour roles (a repaint), never text, so a rating keystroke re-lays out nothing."""

    def __init__(self, definitions: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setAccessibleName(self.tr("評価の定義"))
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        for row, (code, text) in enumerate(definitions):
            mark = QLabel(rating_text(code))
            font = mark.font()
            font.setBold(True)
            mark.setFont(font)
            mark.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("N/A") + 8)
            line = QLabel(text)
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextSelectableByMouse)
            line.setAccessibleName(self.tr("評価 {grade} の定義").format(grade=rating_text(code)))
            for label in (mark, line):
                label.setMargin(2)
                label.setAutoFillBackground(True)
                label.setBackgroundRole(QPalette.Base)
                grid.addWidget(label, row, 0 if label is mark else 1)
            self.rows[code] = (mark, line)
        self.chosen: str | None = None

    def set_chosen(self, code: str | None) -> None:
        if code == self.chosen:
            return
        for c in (self.chosen, code):
            if c in self.rows:
                on = c == code
                for label in self.rows[c]:
                    label.setBackgroundRole(QPalette.Highlight if on else QPalette.Base)
                    label.setForegroundRole(QPalette.HighlightedText if on
                                            else QPalette.WindowText)
        self.chosen = code

