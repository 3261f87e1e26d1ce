"""A painted chart of a facility's achievement (達成率) per section over the fiscal years.

Drawn with QPainter rather than QtCharts, which ships only in PySide6-Addons (a very large
wheel). Two views of the same `FacilityHistory`: grouped bars (sections along the axis, one bar
per fiscal year) and lines (fiscal years along the axis, one line per section). Text, axes and
background come from the palette, so the chart follows the OS dark mode; the data colours are
mid-luminance hues that read on both light and dark backgrounds.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kanwa_review.core.history import OVERALL, FacilityHistory
from kanwa_review.ui.labels import fiscal_year_label, fiscal_year_text

BARS, LINES = "bars", "lines"

# Tableau-10-like hues: distinct for colour-blind readers as far as ten hues can be, and of
# middle luminance so they stay visible on a white or a near-black background.
SERIES_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
                  "#B07AA1", "#FF9DA7", "#9C755F", "#86BCB6", "#D37295", "#A0CBE8")
LATEST_YEAR = QColor("#3B82F6")      # the newest fiscal year's bars
OLDEST_YEAR = QColor("#9CA3AF")      # the oldest year's; years between are blended


def year_colour(index: int, count: int) -> QColor:
    """Older years grey, the latest strong blue: the eye goes to this year first."""
    if count <= 1:
        return QColor(LATEST_YEAR)
    t = index / (count - 1)
    return QColor.fromRgbF(
        OLDEST_YEAR.redF() + t * (LATEST_YEAR.redF() - OLDEST_YEAR.redF()),
        OLDEST_YEAR.greenF() + t * (LATEST_YEAR.greenF() - OLDEST_YEAR.greenF()),
        OLDEST_YEAR.blueF() + t * (LATEST_YEAR.blueF() - OLDEST_YEAR.blueF()))


def section_colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])


class HistoryChart(QWidget):
    """Set `history` with `set_history`; `set_mode(BARS | LINES)` switches the view."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: FacilityHistory | None = None
        self.mode = BARS
        self._hits: list[tuple[QRectF, str]] = []   # bar/marker rectangles → tooltip text
        self.setMinimumSize(480, 260)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("セクション別達成率の経年グラフ"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.Base)

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def set_history(self, history: FacilityHistory | None) -> None:
        self.history = history
        self.setAccessibleDescription(self._describe())
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = LINES if mode == LINES else BARS
        self.update()

    def _describe(self) -> str:
        """The chart in words, for screen readers: the latest year's figures."""
        h = self.history
        if h is None or not h.points:
            return self.tr("確定済みのレビューがありません")
        p = h.points[-1]
        parts = [f"{title} {p.achievement(code):.1f}%" for code, title in self._sections()
                 if p.achievement(code) is not None]
        return self.tr("{year}: {figures}").format(
            year=fiscal_year_label(p.fiscal_year),
            figures=self.tr("、", "between sections").join(parts))

    def _sections(self) -> list[tuple[str, str]]:
        """The history's (code, title) with overall (総合) in the app's language."""
        return [(code, self.tr("総合") if code == OVERALL else title)
                for code, title in self.history.sections()]

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.Base))
        self._hits = []
        h = self.history
        text = pal.color(QPalette.Text)
        if h is None or not h.points:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignCenter,
                             self.tr("確定済みのレビューがありません（経年変化は確定後に表示されます）"))
            return
        fm = QFontMetrics(self.font())
        legend_w = self._legend_width(fm)
        plot = QRectF(fm.horizontalAdvance("100%") + 14, fm.height() + 10,
                      self.width() - legend_w - fm.horizontalAdvance("100%") - 34,
                      self.height() - 3 * fm.height() - 26)
        if plot.width() < 40 or plot.height() < 40:
            return
        self._draw_axes(painter, plot, fm)
        if self.mode == LINES:
            self._draw_lines(painter, plot, fm)
        else:
            self._draw_bars(painter, plot, fm)
        self._draw_legend(painter, QRectF(plot.right() + 16, plot.top(), legend_w,
                                          plot.height()), fm)
        painter.end()

    def _y(self, plot: QRectF, value: float) -> float:
        return plot.bottom() - plot.height() * max(0.0, min(100.0, value)) / 100.0

    def _draw_axes(self, painter: QPainter, plot: QRectF, fm: QFontMetrics) -> None:
        pal = self.palette()
        grid = QPen(pal.color(QPalette.Mid), 1, Qt.DotLine)
        painter.setPen(pal.color(QPalette.Text))
        painter.drawText(QRectF(plot.left(), 2, plot.width(), fm.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, self.tr("達成率（%）"))
        for v in range(0, 101, 20):
            y = self._y(plot, v)
            painter.setPen(grid if v else QPen(pal.color(QPalette.Text), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(pal.color(QPalette.Text))
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                             Qt.AlignRight | Qt.AlignVCenter, f"{v}%")

    def _legend_entries(self) -> list[tuple[QColor, str, bool]]:
        """(colour, label, is a line) of the legend, in drawing order."""
        h = self.history
        if self.mode == LINES:
            return [(section_colour(i), f"{code}  {title}" if code != OVERALL else title,
                     True) for i, (code, title) in enumerate(self._sections())]
        n = len(h.points)
        return [(year_colour(i, n), fiscal_year_text(p.fiscal_year),
                 False) for i, p in enumerate(h.points)]

    def _legend_width(self, fm: QFontMetrics) -> int:
        widest = max((fm.horizontalAdvance(label) for _c, label, _l in self._legend_entries()),
                     default=0)
        return min(int(widest) + 30, max(160, self.width() // 3))

    def _draw_legend(self, painter: QPainter, area: QRectF, fm: QFontMetrics) -> None:
        painter.setPen(self.palette().color(QPalette.Text))
        painter.drawText(QRectF(area.left(), area.top() - fm.height() - 6, area.width(),
                                fm.height()), Qt.AlignLeft, self.tr("凡例"))
        y = area.top()
        for colour, label, is_line in self._legend_entries():
            swatch = QRectF(area.left(), y + fm.height() / 2 - 5, 18, 10)
            if is_line:
                painter.setPen(QPen(colour, 3))
                painter.drawLine(QPointF(swatch.left(), swatch.center().y()),
                                 QPointF(swatch.right(), swatch.center().y()))
            else:
                painter.fillRect(swatch, colour)
            painter.setPen(self.palette().color(QPalette.Text))
            painter.drawText(QRectF(area.left() + 24, y, area.width() - 24, fm.height()),
                             Qt.AlignLeft | Qt.AlignVCenter,
                             fm.elidedText(label, Qt.ElideRight, int(area.width() - 24)))
            y += fm.height() + 4

    def _draw_bars(self, painter: QPainter, plot: QRectF, fm: QFontMetrics) -> None:
        h = self.history
        sections = self._sections()
        n_years = len(h.points)
        group_w = plot.width() / len(sections)
        bar_w = max(2.0, min(28.0, (group_w * 0.8) / n_years))
        text = self.palette().color(QPalette.Text)
        for s, (code, title) in enumerate(sections):
            left = plot.left() + s * group_w + (group_w - bar_w * n_years) / 2
            if all(p.achievement(code) is None for p in h.points):
                painter.setPen(text)
                painter.drawText(QRectF(plot.left() + s * group_w, plot.bottom() - fm.height()
                                        - 4, group_w, fm.height()), Qt.AlignCenter,
                                 self.tr("評価なし"))
            for i, p in enumerate(h.points):
                value = p.achievement(code)
                if value is None:
                    continue  # not rated: no bar (a zero bar would read as "0 %")
                rect = QRectF(left + i * bar_w, self._y(plot, value), bar_w - 1,
                              plot.bottom() - self._y(plot, value))
                painter.fillRect(rect, year_colour(i, n_years))
                tip = f"{title}\n{fiscal_year_label(p.fiscal_year)}: {value:.1f}%"
                self._hits.append((rect, tip))
            # the section label under its group: code and as much of the title as fits
            label = title if code == OVERALL else f"{code} {title}"
            painter.setPen(text)
            area = QRectF(plot.left() + s * group_w + 2, plot.bottom() + 4, group_w - 4,
                          2 * fm.height() + 4)
            painter.drawText(area, Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap,
                             self._fit(label, fm, area))

    @staticmethod
    def _fit(label: str, fm: QFontMetrics, area: QRectF) -> str:
        """Two lines at most: wrap the title, eliding what does not fit."""
        if fm.horizontalAdvance(label) <= area.width() * 2 - 8:
            return label
        return fm.elidedText(label, Qt.ElideRight, int(area.width() * 2 - 16))

    def _draw_lines(self, painter: QPainter, plot: QRectF, fm: QFontMetrics) -> None:
        h = self.history
        years = h.fiscal_years
        step = plot.width() / max(len(years), 1)
        xs = [plot.left() + step * (i + 0.5) for i in range(len(years))]
        text = self.palette().color(QPalette.Text)
        for i, fy in enumerate(years):
            painter.setPen(text)
            painter.drawText(QRectF(xs[i] - step / 2, plot.bottom() + 4, step,
                                    2 * fm.height() + 4), Qt.AlignHCenter | Qt.AlignTop,
                             self.tr("{label}\n({year})").format(label=fiscal_year_label(fy),
                                                                year=fy))
        for s, (code, title) in enumerate(self._sections()):
            colour = section_colour(s)
            width = 4 if code == OVERALL else 2
            path, started = QPainterPath(), False
            for i, (fy, value) in enumerate(h.series(code)):
                if value is None:
                    started = False   # a gap, not a line through a missing year
                    continue
                pt = QPointF(xs[i], self._y(plot, value))
                if started:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    started = True
                marker = QRectF(pt.x() - 4, pt.y() - 4, 8, 8)
                painter.setPen(Qt.NoPen)
                painter.setBrush(colour)
                painter.drawEllipse(marker)
                self._hits.append((marker.adjusted(-3, -3, 3, 3),
                                   f"{title}\n{fiscal_year_label(fy)}: {value:.1f}%"))
            painter.setBrush(Qt.NoBrush)
            painter.setPen(QPen(colour, width))
            painter.drawPath(path)

    # --- tooltips -------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        for rect, tip in self._hits:
            if rect.contains(pos):
                QToolTip.showText(event.globalPosition().toPoint(), tip, self)
                return
        QToolTip.hideText()
