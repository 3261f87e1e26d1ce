"""Models of the hub dashboard: the facility × section heat-map (施設×セクション) with its median
row, and the sort proxy that keeps the median row at the bottom and orders the facilities by
code or by name (五十音)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from kanwa_review.core.dashboard import SCORE_BANDS, Heatmap, score_band
from kanwa_review.core.history import OVERALL
from kanwa_review.ui.labels import band_label, category_label, receipt_label

CODE_ROLE = Qt.UserRole            # facility code ("" on the median row)
SORT_ROLE = Qt.UserRole + 1        # numbers and ISO dates that sort right
MEDIAN_ROLE = Qt.UserRole + 2      # True on the median row
BAND_ROLE = Qt.UserRole + 3        # colour band 0 (best) … 4, None without a score

# Background per band, best first (a diverging green–yellow–red scale). Cells with a colour
# always get dark text: these backgrounds are light or mid-tone, so the pair reads the same in
# the light and the dark theme, and the number is always printed (colour is never the only cue).
BAND_COLOURS = ("#1A9850", "#91CF60", "#FEE08B", "#FC8D59", "#E0513F")
BAND_TEXT = QColor("#111111")

BY_CODE, BY_NAME = "code", "name"   # the facility column's sort key (MedianLastProxy)


def band_colour(band: int | None) -> QColor | None:
    return None if band is None else QColor(BAND_COLOURS[band])


def legend() -> list[tuple[str, str]]:
    """(label, colour) pairs for the legend under the table."""
    return [(band_label(i), BAND_COLOURS[i]) for i in range(len(SCORE_BANDS))]


class HeatmapModel(QAbstractTableModel):
    """Rows: the facilities passing the filter, then one median row. Columns: facility, type,
    visit date, then one column per section and overall (総合)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heatmap: Heatmap | None = None
        self.shown: Heatmap | None = None
        self.medians: dict[str, float | None] = {}
        self.fixed_columns = (self.tr("施設"), self.tr("種別"), self.tr("訪問日"))
        self.median_label = self.tr("中央値")
        self.prefecture: str | None = None
        self.category: str | None = None

    # --- content --------------------------------------------------------------------------
    def set_heatmap(self, heatmap: Heatmap | None) -> None:
        self.beginResetModel()
        self.heatmap = heatmap
        self._apply()
        self.endResetModel()

    def set_filter(self, prefecture: str | None = None, category: str | None = None) -> None:
        self.beginResetModel()
        self.prefecture, self.category = prefecture, category
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        if self.heatmap is None:
            self.shown, self.medians = None, {}
            return
        # filtering and medians are core's; the model only keeps the result
        self.shown = self.heatmap.filtered(prefecture=self.prefecture, category=self.category)
        self.medians = self.shown.medians()
        received = sum(1 for r in self.shown.rows if r.received)
        scope = self.prefecture or self.tr("、", "between prefectures").join(
            self.shown.prefectures()) or self.tr("全施設")
        self.median_label = self.tr("{scope}の中央値（{count}施設）").format(scope=scope,
                                                                       count=received)

    @property
    def fixed(self) -> int:
        """The columns before the sections: facility, category, visit date."""
        return len(self.fixed_columns)

    @property
    def codes(self) -> list[str]:
        return self.heatmap.codes if self.heatmap else []

    def section_title(self, column: int) -> str:
        code = self.codes[column - self.fixed]
        return dict(self.heatmap.sections)[code]

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self.shown is None:
            return 0
        return len(self.shown.rows) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.fixed + len(self.codes)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal:
            return None
        fixed = self.fixed
        if role == Qt.DisplayRole:
            if section < fixed:
                return self.fixed_columns[section]
            code = self.codes[section - fixed]
            return self.tr("総合") if code == OVERALL else code
        if role == Qt.ToolTipRole and section >= fixed:
            code = self.codes[section - fixed]
            title = self.tr("総合") if code == OVERALL else self.section_title(section)
            return self.tr("{section}の達成率（%）").format(section=title)
        return None

    def is_median_row(self, row: int) -> bool:
        return self.shown is not None and row == len(self.shown.rows)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or self.shown is None:
            return None
        row, col = index.row(), index.column()
        fixed = self.fixed
        if self.is_median_row(row):
            return self._median_data(col, role)
        r = self.shown.rows[row]
        if role == CODE_ROLE:
            return r.facility_code
        if role == MEDIAN_ROLE:
            return False
        if col < fixed:
            if role == Qt.DisplayRole:
                return (self.tr("{name}（{code}）").format(name=r.facility_name,
                                                          code=r.facility_code),
                        category_label(r.category),
                        r.visit_date.isoformat() if r.visit_date
                        else receipt_label(r.receipt))[col]
            if role == SORT_ROLE:
                return (r.facility_name, category_label(r.category),
                        r.visit_date.isoformat() if r.visit_date else "")[col]
            if role == Qt.ToolTipRole and col == 2 and not r.received:
                return self.tr("この年度の確定済みレビューがありません（未受領）")
            return None
        code = self.codes[col - fixed]
        note = r.notes.get(code)
        if note and role == Qt.ToolTipRole:    # scored on a revised form's unmatched section
            return note
        if note and role == Qt.DisplayRole and r.score(code) is not None:
            return f"{r.score(code):.1f} ※"
        return self._score_data(r.score(code), role, bold=code == OVERALL)

    def _median_data(self, col: int, role):
        fixed = self.fixed
        if role == CODE_ROLE:
            return ""
        if role == MEDIAN_ROLE:
            return True
        if col < fixed:
            if role == Qt.DisplayRole:
                return self.median_label if col == 0 else ""
            if role == Qt.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return self._score_data(self.medians.get(self.codes[col - fixed]), role, bold=True)

    @staticmethod
    def _score_data(value: float | None, role, *, bold: bool = False):
        if role == Qt.DisplayRole:
            return "—" if value is None else f"{value:.1f}"
        if role == SORT_ROLE:
            return -1.0 if value is None else value   # unrated sorts below every score
        if role == BAND_ROLE:
            return score_band(value)
        if role == Qt.BackgroundRole:
            return band_colour(score_band(value))
        if role == Qt.ForegroundRole:
            return BAND_TEXT if value is not None else None
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.FontRole and bold:
            font = QFont()
            font.setBold(True)
            return font
        return None


class MedianLastProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE, with the median row kept last in either direction; the facility
    column by code (BY_CODE) or by name (BY_NAME, 五十音)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.name_order = BY_CODE
        # Japanese collation: kana in 五十音 order; kanji only roughly (ICU's ja order follows
        # JIS X 0208, which groups the first-level kanji by one common reading, not by each
        # name's own) — a true 五十音 order needs the names' readings (furigana), which the
        # facility list does not hold
        self.collator = QCollator(QLocale(QLocale.Japanese, QLocale.Japan))
        self.collator.setNumericMode(True)

    def set_name_order(self, order: str) -> None:
        self.name_order = order
        self.invalidate()

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        lm, rm = left.data(MEDIAN_ROLE), right.data(MEDIAN_ROLE)
        if lm or rm:
            # the median row must compare as largest when ascending, smallest when descending
            ascending = self.sortOrder() == Qt.AscendingOrder
            if lm and not rm:
                return not ascending
            if rm and not lm:
                return ascending
            return False
        if left.column() == 0:
            if self.name_order == BY_NAME:
                by_name = self.collator.compare(left.data(SORT_ROLE) or "",
                                                right.data(SORT_ROLE) or "")
                if by_name:
                    return by_name < 0
            return (left.data(CODE_ROLE) or "") < (right.data(CODE_ROLE) or "")
        return super().lessThan(left, right)
