"""Section scores chart (セクション別達成率): horizontal bars, this visit and the previous one."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.text_safety import printable

CURRENT = colors.HexColor("#2E6DA4")
PREVIOUS = colors.HexColor("#B8C7D9")


def section_chart(labels: list[str], current: list[float | None],
                  previous: list[float | None] | None, width: float) -> Drawing:
    """Bars 0–100 % per section; a section without a score draws no bar (not a zero bar)."""
    font = report_font().fontName
    n = max(len(labels), 1)
    bar_h = 16 if previous else 11
    plot_h = n * (bar_h + 8)
    height = plot_h + 46
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 30
    chart.width, chart.height = width - 170, plot_h
    # ReportLab draws the first category at the bottom: reverse so the form order reads down
    series = [list(reversed([v if v is not None else 0 for v in current]))]
    if previous:
        series.insert(0, list(reversed([v if v is not None else 0 for v in previous])))
    chart.data = series
    chart.categoryAxis.categoryNames = list(reversed([printable(x)[:18] for x in labels]))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.bars.strokeColor = None
    if previous:
        chart.bars[0].fillColor = PREVIOUS
        chart.bars[1].fillColor = CURRENT
    else:
        chart.bars[0].fillColor = CURRENT
    d.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7.5
    legend.x, legend.y = 150, 12
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dxTextSpace = 4
    items = [(CURRENT, "今回")]
    if previous:
        items.append((PREVIOUS, "前回"))
    legend.colorNamePairs = items
    legend.deltax = 60
    d.add(legend)
    d.add(String(width - 20, 2, "達成率 (%)", fontName=font, fontSize=7, textAnchor="end"))
    return d
