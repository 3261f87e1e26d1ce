"""The checklist's item table (one row per form item) and the filter over it: skip logic,
未回答のみ, C・D のみ and text/code search. Holds no business rules of its own: what an answer
means comes from core (is_answered, relevant_items, percentage)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kanwa_review.core.completeness import is_answered
from kanwa_review.core.form import Form, Item
from kanwa_review.core.form_text import text as form_text
from kanwa_review.core.i18n import language
from kanwa_review.core.review import Answer, is_not_collected, percentage
from kanwa_review.ui.labels import action_status_label

CODE, TEXT, SELF, RATING, PREVIOUS, ACTIONS = range(6)
# marked for the catalog (context ChecklistModel), translated once per model
HEADERS = (QT_TRANSLATE_NOOP("ChecklistModel", "項目"), QT_TRANSLATE_NOOP("ChecklistModel", "内容"),
           QT_TRANSLATE_NOOP("ChecklistModel", "自己評価"),
           QT_TRANSLATE_NOOP("ChecklistModel", "評価・回答"),
           QT_TRANSLATE_NOOP("ChecklistModel", "前回"), QT_TRANSLATE_NOOP("ChecklistModel", "改善計画"))
CODE_ROLE = Qt.UserRole.value + 1
DISPLAY, ACCESSIBLE, TOOLTIP = (Qt.DisplayRole.value, Qt.AccessibleTextRole.value,
                                Qt.ToolTipRole.value)
BACKGROUND, FOREGROUND, FONT = (Qt.BackgroundRole.value, Qt.ForegroundRole.value,
                                Qt.FontRole.value)
ALIGNMENT = Qt.TextAlignmentRole.value
ALIGN_CENTER = Qt.AlignCenter.value

# C/D are marked with fixed colours that keep their contrast on light and dark palettes
# (foreground set with the background, never left to the palette).
MARK_COLOURS = {"C": (QColor("#f2b233"), QColor("#000000")),
                "D": (QColor("#c0392b"), QColor("#ffffff"))}
LOW_RATINGS = frozenset(MARK_COLOURS)


def scale_label(form: Form, item: Item, code: str | None) -> str:
    if code is None:
        return ""
    option = form.scale(item.scale).option(code)
    return form_text(option.label) if option else code


def rating_text(code: str | None) -> str:
    return "N/A" if code == "NA" else (code or "")


def value_text(item: Item, answer: Answer | None) -> str:
    """A short summary of a non-rating answer for the table."""
    if answer is None or answer.value is None:
        return ""
    v = answer.value
    t = item.type
    if t == "yes_no":
        return (QCoreApplication.translate("ChecklistModel", "はい") if v
                else QCoreApplication.translate("ChecklistModel", "いいえ"))
    if t in ("integer", "number"):
        unit = form_text(item.unit)
        return f"{v:g} {unit}".strip() if isinstance(v, float) else f"{v} {unit}".strip()
    if t == "percentage":
        if is_not_collected(v):
            return QCoreApplication.translate("ChecklistModel", "未集計")
        rate = percentage(v)
        num, den = v.get("numerator"), v.get("denominator")
        parts = f"{'' if num is None else num}/{'' if den is None else den}"
        return (QCoreApplication.translate("ChecklistModel", "{rate}%（{parts}）").format(
            rate=f"{rate:.1f}", parts=parts) if rate is not None else parts)
    if t == "choice":
        return item.choice_label(v, language())
    if t == "multi_choice":
        return QCoreApplication.translate("ChecklistModel", "・", "list separator").join(
            item.choice_label(c, language()) for c in v)
    if t == "text":
        return v.replace("\n", " ")[:40]
    return str(v)


class ChecklistModel(QAbstractTableModel):
    """Every item of the form in form order; the screen pushes answer changes in."""

    def __init__(self, form: Form, parent=None):
        super().__init__(parent)
        self.form = form
        self.items: list[Item] = list(form.items())
        self.row_of = {item.code: row for row, item in enumerate(self.items)}
        self.answers: dict[str, Answer] = {}
        self.previous: dict[str, Answer] = {}
        self.actions: dict[str, list] = {}
        self.relevant: set[str] = {i.code for i in self.items}
        self.warned: dict[str, list[str]] = {}   # item code -> its consistency warnings
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {code: (QBrush(bg), QBrush(fg)) for code, (bg, fg) in MARK_COLOURS.items()}
        # the reader's language does not change while the app runs: word each once
        self._headers = tuple(QCoreApplication.translate("ChecklistModel", h) for h in HEADERS)
        self._texts = {i.code: form_text(i.text) for i in self.items}
        self._required = self.tr("（必須）")
        self._required_mark = self.tr("＊", "the required item's mark")
        self._unanswered = self.tr("未回答")

    # --- feeding ------------------------------------------------------------------------
    def reset(self, answers, previous, actions, relevant) -> None:
        self.beginResetModel()
        self.answers, self.previous, self.actions = dict(answers), previous, actions
        self.relevant = set(relevant)
        self.endResetModel()

    def answer_changed(self, code: str) -> None:
        row = self.row_of.get(code)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, ACTIONS))

    def item_at(self, row: int) -> Item:
        return self.items[row]

    def is_low(self, code: str) -> bool:
        a = self.answers.get(code)
        return a is not None and a.rating in LOW_RATINGS

    def is_answered(self, code: str) -> bool:
        return is_answered(self.form.item(code), self.answers.get(code))

    # --- QAbstractItemModel -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):
        if type(role) is not int:
            role = role.value
        if orientation == Qt.Horizontal and (role == DISPLAY or role == ACCESSIBLE):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=DISPLAY):
        # roles compared as plain ints: comparing PySide enums costs ~10 µs each, and a table
        # repaint asks ~40 role questions per row
        if type(role) is not int:
            role = role.value
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == DISPLAY or role == ACCESSIBLE:
            item = self.items[row]
            return self._display(item, self.answers.get(item.code), col, role == ACCESSIBLE)
        if role == CODE_ROLE:
            return self.items[row].code
        if role == BACKGROUND or role == FOREGROUND:
            if col != RATING:
                return None
            answer = self.answers.get(self.items[row].code)
            if answer is None or answer.rating not in MARK_COLOURS:
                return None
            return self._brushes[answer.rating][0 if role == BACKGROUND else 1]
        if role == FONT:
            return self._bold if col == CODE or col == RATING else None
        if role == ALIGNMENT:
            return ALIGN_CENTER if col >= SELF else None
        if role == TOOLTIP:
            item = self.items[row]
            return self._tooltip(item, self.answers.get(item.code), col)
        return None

    def _display(self, item: Item, answer: Answer | None, col: int, spoken: bool):
        if col == CODE:
            mark = self._required_mark if item.required else ""
            warned = item.code in self.warned
            if spoken:
                text = f"{item.code}{self._required if item.required else ''}"
                if warned:
                    text += QCoreApplication.translate("ChecklistModel", "（確認が望まれる点あり）")
                return text
            return f"{item.code}{mark}" + (" △" if warned else "")
        if col == TEXT:
            return self._texts[item.code]
        if col == SELF:
            return rating_text(answer.self_rating) if answer else ""
        if col == RATING:
            if item.type == "rating":
                text = rating_text(answer.rating) if answer else ""
            else:
                text = value_text(item, answer)
            return text or (self._unanswered if spoken else "")
        if col == PREVIOUS:
            prev = self.previous.get(item.code)
            if prev is None:
                return ""
            return rating_text(prev.rating) if item.type == "rating" else value_text(item, prev)
        if col == ACTIONS:
            n = len(self.actions.get(item.code, ()))
            return self.tr("{count}件").format(count=n) if n else ""
        return None

    def _tooltip(self, item: Item, answer: Answer | None, col: int):
        if col == CODE and item.code in self.warned:
            return "\n".join("△ " + m for m in self.warned[item.code])
        if col == TEXT:
            return self._texts[item.code]
        if col == CODE and item.required:
            return self.tr("{code}：必須項目").format(code=item.code)
        if col == RATING and item.type == "rating" and answer is not None and answer.rating:
            return self.tr("評価 {mark}：{label}").format(
                mark=rating_text(answer.rating), label=scale_label(self.form, item, answer.rating))
        if col == RATING and item.type != "rating":
            return value_text(item, answer) or None  # the narrow column elides long answers
        if col == PREVIOUS:
            prev = self.previous.get(item.code)
            if prev is None:
                return None
            shown = (self.tr("{mark}：{label}").format(
                         mark=rating_text(prev.rating),
                         label=scale_label(self.form, item, prev.rating))
                     if item.type == "rating" and prev.rating else value_text(item, prev))
            return self.tr("前回: {answer}").format(answer=shown) if shown else None
        if col == ACTIONS:
            acts = self.actions.get(item.code, ())
            return "\n".join(self.tr("・{title}（{status}）").format(
                title=a.title, status=action_status_label(a.status)) for a in acts) or None
        return None


class ChecklistFilter(QSortFilterProxyModel):
    """Rows that apply (skip logic) and pass the screen's filters. The row being edited stays
    visible until the reviewer moves on, so rating it never makes it vanish under the cursor."""

    def __init__(self, model: ChecklistModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(model)
        self.unanswered_only = False
        self.low_only = False
        self.search = ""
        self.keep: str | None = None
        self._haystack = {i.code: f"{i.code}\n{i.text.ja}\n{i.text.en}".casefold()
                          for i in model.items}

    @property
    def active(self) -> bool:
        return self.unanswered_only or self.low_only or bool(self.search)

    def set_filters(self, *, unanswered_only=None, low_only=None, search=None) -> None:
        if unanswered_only is not None:
            self.unanswered_only = unanswered_only
        if low_only is not None:
            self.low_only = low_only
        if search is not None:
            self.search = search.strip().casefold()
        self.refilter()

    def refilter(self) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+: replaces invalidateRowsFilter
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model: ChecklistModel = self.sourceModel()
        code = model.items[row].code
        if code not in model.relevant:
            return False
        if code == self.keep:
            return True
        if self.unanswered_only and model.is_answered(code):
            return False
        if self.low_only and not model.is_low(code):
            return False
        if self.search and self.search not in self._haystack[code]:
            return False
        return True
