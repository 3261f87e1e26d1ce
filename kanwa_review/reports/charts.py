"""Charts of the feedback report, drawn to survive a black-and-white printer.

- セクション別達成率 (`section_chart`): horizontal bars per section, this visit dark and the
  previous visit light with an outline, the value printed at the end of each bar; a section
  with nothing rated says 「未評価」 instead of drawing an empty bar that would read as 0 %.
- 経年変化 (`history_chart`): one line per section over the fiscal years, each with its own dash
  pattern and marker (`LINE_STYLES`), labelled at its end with a sample of its line (no legend
  to be cut off), the overall line solid black and thick; the axis names the years in the era
  (令和6年度) with the Western year below.

Both are ReportLab Drawings built from plain shapes, so tests read what is drawn (dash arrays,
marker kinds, label strings) rather than pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from kanwa_review.core.dates import fiscal_year_label
from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.text_safety import printable

CURRENT = colors.HexColor("#2E5C8A")    # dark: reads as a dark grey in black and white
PREVIOUS = colors.HexColor("#D5DEE8")   # light with an outline: a pale grey box
OUTLINE = colors.HexColor("#555555")
GRID = colors.HexColor("#D0D0D0")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
NOT_RATED = "未評価"


def _string(x, y, text, size=7.0, anchor="start", colour=INK) -> String:
    return String(x, y, printable(text), fontName=report_font().fontName, fontSize=size,
                  textAnchor=anchor, fillColor=colour)


# --- section bars -------------------------------------------------------------------------

def section_chart(labels: list[str], current: list[float | None],
                  previous: list[float | None] | None, width: float) -> Drawing:
    """Bars 0–100 % per section in form order (top to bottom), the previous visit's bar under
    this visit's; the value at the end of each bar; 「未評価」 where a section has no score."""
    n = max(len(labels), 1)
    bar = 8.0
    row = bar * (2 if previous else 1) + 7
    label_w, value_w = 142.0, 34.0
    x0 = label_w
    plot_w = width - label_w - value_w
    top_pad, bottom_pad = 4.0, 30.0
    height = bottom_pad + n * row + top_pad
    d = Drawing(width, height)
    for tick in range(0, 101, 20):
        x = x0 + plot_w * tick / 100
        d.add(Line(x, bottom_pad, x, height - top_pad, strokeColor=GRID, strokeWidth=0.4))
        d.add(_string(x, bottom_pad - 9, f"{tick}%", 6.5, "middle", MUTED))
    for i, label in enumerate(labels):
        y_top = height - top_pad - i * row - 3.5
        text = printable(label)
        d.add(_string(x0 - 4, y_top - bar * (1 if previous else 0.5) - 2.5,
                      text if len(text) <= 20 else text[:19] + "…", 7.5, "end"))
        bars = [(current[i] if i < len(current) else None, CURRENT, None)]
        if previous:
            bars.append((previous[i] if i < len(previous) else None, PREVIOUS, OUTLINE))
        for k, (value, fill, stroke) in enumerate(bars):
            y = y_top - bar * (k + 1)
            if value is None:
                d.add(_string(x0 + 3, y + 1.8, NOT_RATED + ("（前回）" if k else ""), 6.5,
                              colour=MUTED))
                continue
            w = plot_w * max(0.0, min(100.0, value)) / 100
            d.add(Rect(x0, y, w, bar - 1, fillColor=fill, strokeColor=stroke,
                       strokeWidth=0.4 if stroke else 0))
            d.add(_string(x0 + w + 2, y + 1.8, f"{value:.1f}%", 6.5, colour=INK if not k else MUTED))
    d.add(Line(x0, bottom_pad, x0, height - top_pad, strokeColor=OUTLINE, strokeWidth=0.6))
    # legend: swatches with words, inside the drawing
    lx = x0
    for text, fill, stroke in ((("今回", CURRENT, None),) + ((("前回", PREVIOUS, OUTLINE),)
                                                            if previous else ())):
        d.add(Rect(lx, 4, 10, 6, fillColor=fill, strokeColor=stroke, strokeWidth=0.4 if stroke else 0))
        d.add(_string(lx + 13, 4.5, text, 7))
        lx += 48
    d.add(_string(width - 2, 4.5, "達成率 (%)", 6.5, "end", MUTED))
    return d


# --- lines over the years ------------------------------------------------------------------

@dataclass(frozen=True)
class LineStyle:
    """How one series is drawn: a dash pattern (None = solid: the overall line only), a marker
    and a colour."""

    dash: tuple[float, ...] | None
    marker: str
    colour: colors.Color
    width: float = 1.0


# Distinct in black and white: every section line has its own dash pattern *and* marker; the
# colours help on screen only. The overall line is solid, thick and black.
LINE_STYLES: tuple[LineStyle, ...] = (
    LineStyle((7, 1.5), "FilledCircle", colors.HexColor("#1F4E79")),
    LineStyle((4, 2), "Square", colors.HexColor("#C55A11")),
    LineStyle((1, 1.6), "FilledTriangle", colors.HexColor("#2E7D32")),
    LineStyle((6, 2, 1, 2), "Diamond", colors.HexColor("#B3261E")),
    LineStyle((2, 2), "FilledSquare", colors.HexColor("#6A3D9A")),
    LineStyle((8, 3), "Circle", colors.HexColor("#7F6000")),
    LineStyle((4, 1.5, 1, 1.5, 1, 1.5), "FilledDiamond", colors.HexColor("#00695C")),
    LineStyle((3, 3), "Triangle", colors.HexColor("#AD1457")),
    LineStyle((10, 2, 2, 2), "Cross", colors.HexColor("#37474F")),
    LineStyle((1, 3), "StarFive", colors.HexColor("#4E342E")),
    LineStyle((5, 1), "FilledPentagon", colors.HexColor("#283593")),
    LineStyle((2, 1, 6, 1), "Hexagon", colors.HexColor("#558B2F")),
)
OVERALL_STYLE = LineStyle(None, "FilledSquare", colors.black, 2.2)


def line_style(index: int, *, overall: bool = False) -> LineStyle:
    return OVERALL_STYLE if overall else LINE_STYLES[index % len(LINE_STYLES)]


def _marker(style: LineStyle, x: float, y: float, size: float):
    m = makeMarker(style.marker, size=size)
    m.x, m.y = x, y
    m.fillColor = style.colour if style.marker.startswith("Filled") else colors.white
    m.strokeColor = style.colour
    m.strokeWidth = 0.7
    return m


def _spread(ys: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions near `ys` (same order) at least `gap` apart, within [low, high] where
    they fit: pushed up from the lowest, then down from the top when they overflow."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed = list(ys)
    last = low - gap
    for i in order:
        placed[i] = max(placed[i], last + gap)
        last = placed[i]
    ceiling = high + gap
    for i in reversed(order):
        placed[i] = min(placed[i], ceiling - gap)
        ceiling = placed[i]
    return placed


def history_chart(years: list[int], series: list[tuple[str, list[float | None]]],
                  width: float, *, overall: str = "総合") -> Drawing:
    """経年変化: achievement (0–100 %) per fiscal year, one line per section and a thick black
    line for the overall figure, each labelled at its last point. A year without a score
    draws no point (never a zero) and breaks the line; a section never scored is left out."""
    series = [(label, values) for label, values in series if any(v is not None for v in values)]
    label_w = 118.0
    x0, y0 = 30.0, 30.0
    plot_w = width - x0 - label_w - 8
    plot_h = 150.0
    height = y0 + plot_h + 12
    d = Drawing(width, height)
    for tick in range(0, 101, 20):
        y = y0 + plot_h * tick / 100
        d.add(Line(x0, y, x0 + plot_w, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(_string(x0 - 3, y - 2.3, f"{tick}%", 6.5, "end", MUTED))
    d.add(Line(x0, y0, x0, y0 + plot_h, strokeColor=OUTLINE, strokeWidth=0.6))
    d.add(Line(x0, y0, x0 + plot_w, y0, strokeColor=OUTLINE, strokeWidth=0.6))
    steps = max(len(years) - 1, 1)
    pad = 14.0

    def x_of(i: int) -> float:
        return x0 + pad + (plot_w - 2 * pad) * (i / steps if len(years) > 1 else 0.5)

    def y_of(v: float) -> float:
        return y0 + plot_h * max(0.0, min(100.0, v)) / 100

    for i, fy in enumerate(years):
        d.add(_string(x_of(i), y0 - 10, fiscal_year_label(fy), 7, "middle"))
        d.add(_string(x_of(i), y0 - 19, f"({fy})", 6.5, "middle", MUTED))
    ends = []
    section_no = 0
    for label, values in series:
        is_overall = label == overall
        style = line_style(section_no, overall=is_overall)
        if not is_overall:
            section_no += 1
        run: list[float] = []
        points = [(x_of(i), y_of(v)) for i, v in enumerate(values) if v is not None]
        for i, v in enumerate(values + [None]):
            if v is not None:
                run += [x_of(i), y_of(v)]
                continue
            if len(run) >= 4:
                d.add(PolyLine(run, strokeColor=style.colour, strokeWidth=style.width,
                               strokeDashArray=list(style.dash) if style.dash else None))
            run = []
        for x, y in points:
            d.add(_marker(style, x, y, 4.5 if is_overall else 3.6))
        ends.append((label, style, points[-1]))
    # labels at the right, each beside a sample of its line, near its line's last point
    label_x = x0 + plot_w + 6
    ys = _spread([p[1] for _l, _s, p in ends], 8.6, y0, y0 + plot_h)
    for (label, style, (px, py)), ly in zip(ends, ys):
        d.add(Line(px + 3, py, label_x - 1, ly, strokeColor=GRID, strokeWidth=0.3))
        d.add(Line(label_x, ly, label_x + 16, ly, strokeColor=style.colour,
                   strokeWidth=min(style.width, 1.6),
                   strokeDashArray=list(style.dash) if style.dash else None))
        d.add(_marker(style, label_x + 8, ly, 3.2))
        text = printable(label)
        d.add(_string(label_x + 19, ly - 2.4, text if len(text) <= 14 else text[:13] + "…", 6.8,
                      colour=INK if label != overall else colors.black))
    d.add(_string(x0, height - 8, "達成率 (%)", 6.5, "start", MUTED))
    return d
