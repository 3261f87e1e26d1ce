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


# Distinct, print-safe colours for up to ten section lines; the overall line is black.
SERIES_COLOURS = [colors.HexColor(c) for c in (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
    "#BCBD22", "#17BECF", "#393B79", "#AD494A")]


def history_chart(years: list[int], series: list[tuple[str, list[float | None]]],
                  width: float, *, overall: str = "総合") -> Drawing:
    """経年変化: achievement (0–100 %) per fiscal year, one line per section and a thick black
    line for the overall figure. A year without a score draws no point (never a zero); a
    section never scored is left out."""
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.widgets.markers import makeMarker

    font = report_font().fontName
    series = [(label, values) for label, values in series if any(v is not None for v in values)]
    legend_rows = max(1, (len(series) + 2) // 3)
    row_h = 11
    legend_top = legend_rows * row_h + 2          # the legend hangs down from its y
    plot = LinePlot()
    plot.x, plot.y = 40, legend_top + 24          # room for the fiscal-year labels
    plot.width, plot.height = width - 60, 110
    height = plot.y + plot.height + 14
    d = Drawing(width, height)
    xs = list(range(len(years)))
    data, colours, widths = [], [], []
    for n, (label, values) in enumerate(series):
        data.append([(x, v) for x, v in zip(xs, values) if v is not None])
        is_overall = label == overall
        colours.append(colors.black if is_overall else SERIES_COLOURS[n % len(SERIES_COLOURS)])
        widths.append(2.2 if is_overall else 1.0)
    plot.data = data
    for n, colour in enumerate(colours):
        plot.lines[n].strokeColor = colour
        plot.lines[n].strokeWidth = widths[n]
        plot.lines[n].symbol = makeMarker("FilledCircle", size=3.5 if widths[n] > 2 else 2.5)
        plot.lines[n].symbol.fillColor = colour
        plot.lines[n].symbol.strokeColor = colour
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = -0.3, max(len(years) - 1, 1) + 0.3
    plot.xValueAxis.valueSteps = xs
    plot.xValueAxis.labelTextFormat = lambda x: (f"{years[round(x)]}年度"
                                                 if 0 <= round(x) < len(years) else "")
    plot.xValueAxis.labels.fontName = font
    plot.xValueAxis.labels.fontSize = 7.5
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax, plot.yValueAxis.valueStep = 0, 100, 20
    plot.yValueAxis.labels.fontName = font
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.labelTextFormat = "%d%%"
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    d.add(plot)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7
    legend.x, legend.y = 40, legend_top
    legend.deltay = row_h
    legend.autoXPadding = 4
    legend.alignment = "right"
    legend.columnMaximum = legend_rows
    legend.deltax = (width - 60) / 3
    legend.dxTextSpace = 3
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [(c, printable(label)[:22]) for c, (label, _v) in zip(colours, series)]
    d.add(legend)
    d.add(String(width - 20, height - 10, "達成率 (%)", fontName=font, fontSize=7,
                 textAnchor="end"))
    return d
