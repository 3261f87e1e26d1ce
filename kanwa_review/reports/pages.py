"""Page furniture shared by single and batch reports: A4 template, header, "n / N" footer,
DRAFT watermark, headings with PDF outline entries, and document metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.linebreak import JText
from kanwa_review.reports.text_safety import printable

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 22 * mm, 18 * mm
CONTENT_WIDTH = PAGE_W - 2 * MARGIN_X
ACCENT = colors.HexColor("#1F4E79")


@dataclass
class ReportContext:
    """What the page furniture needs to know about the report a page belongs to."""

    index: int
    facility: str
    review: str
    draft: bool
    nested: bool = False          # batch: this report is one entry among many in the outline
    outline_title: str = ""

    def key(self, name: str) -> str:
        return f"r{self.index}-{name}"


class ReportStart(Flowable):
    """Zero-size marker: from the page it lands on, header and numbering belong to `ctx`."""

    def __init__(self, ctx: ReportContext):
        super().__init__()
        self.ctx = ctx
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv._kanwa_ctx = self.ctx


class Heading(JText):
    """Level 0 title, 1 section (1. 総括 …), 2 subsection; each gets an outline entry."""

    SIZES: ClassVar[dict[int, float]] = {0: 20, 1: 14, 2: 11.5}

    def __init__(self, text: str, level: int, *, key: str | None = None, size: float | None = None,
                 outline: bool = True, outline_title: str | None = None):
        size = size or self.SIZES[level]
        super().__init__(printable(text), size=size, color=ACCENT if level else colors.black)
        self.level = level
        self.key = key
        self.outline = outline and key is not None
        self.outline_title = outline_title or printable(text)
        self.spaceBefore = {0: 0, 1: 6, 2: 5}[level]
        self.spaceAfter = {0: 4, 1: 5, 2: 3}[level]

    def wrap(self, aw, ah):
        _, h = super().wrap(aw, ah)
        if self.level == 1:
            self.height = h + 3
        return self.width, self.height

    def split(self, aw, ah):
        return []  # headings never split

    def draw(self):
        super().draw()
        if self.level == 1:
            self.canv.setStrokeColor(ACCENT)
            self.canv.setLineWidth(0.8)
            self.canv.line(0, 1, self.width, 1)


class _NumberedCanvas(Canvas):
    """Footer "n / N" in one pass: each page draws "n /" and places a form XObject that holds
    its report's page count N, defined once that count is known (at save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kanwa_pages: dict[int, int] = {}

    def page_of_report(self, index: int) -> int:
        self._kanwa_pages[index] = self._kanwa_pages.get(index, 0) + 1
        return self._kanwa_pages[index]

    def save(self):
        for index, total in self._kanwa_pages.items():
            self.beginForm(_total_form(index))
            self.setFont(report_font().fontName, 8)
            self.setFillColor(FOOTER_GREY)
            self.drawString(0, 0, str(total))
            self.endForm()
        super().save()


FOOTER_GREY = colors.HexColor("#444444")


def _total_form(index: int) -> str:
    return f"kanwaTotal{index}"


def _footer(canvas, ctx) -> None:
    n = canvas.page_of_report(ctx.index)
    canvas.setFont(report_font().fontName, 8)
    canvas.setFillColor(FOOTER_GREY)
    x, y = PAGE_W / 2 + 2, 10 * mm
    canvas.drawRightString(x, y, f"{n} / ")
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(_total_form(ctx.index))
    canvas.restoreState()


def _furniture(canvas, doc):
    """Header and watermark, drawn after the page's content so the page's own report counts."""
    ctx: ReportContext | None = getattr(canvas, "_kanwa_ctx", None)
    if ctx is None:
        return
    font = report_font().fontName
    canvas.saveState()
    canvas.setFont(font, 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    y = PAGE_H - 12 * mm
    canvas.drawString(MARGIN_X, y, ctx.facility[:60])
    canvas.drawRightString(PAGE_W - MARGIN_X, y, "緩和ケア ピアレビュー評価報告書　" + ctx.review)
    canvas.setStrokeColor(colors.HexColor("#9AA5B1"))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y - 2.5 * mm, PAGE_W - MARGIN_X, y - 2.5 * mm)
    canvas.line(MARGIN_X, 14 * mm, PAGE_W - MARGIN_X, 14 * mm)
    _footer(canvas, ctx)
    if ctx.draft:
        canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.13))
        canvas.setFont(font, 64)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, 0, "下書き / DRAFT")
    canvas.restoreState()


class ReportDocument(BaseDocTemplate):
    def __init__(self, filename, **kw):
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, **kw)
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=_furniture)])

    def afterFlowable(self, flowable):
        if isinstance(flowable, Heading) and flowable.outline:
            ctx = getattr(self.canv, "_kanwa_ctx", None)
            nested = bool(ctx and ctx.nested)
            level = 0 if flowable.level == 0 else flowable.level - 1 + (1 if nested else 0)
            title = flowable.outline_title
            if flowable.level == 0 and not nested:
                title = "表紙"
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(title, flowable.key, level=level, closed=level >= 1)

    def build(self, flowables, **kw):
        super().build(flowables, canvasmaker=_NumberedCanvas, **kw)


def new_document(out: Path, *, title: str, author: str, subject: str) -> ReportDocument:
    # invariant=0: the PDF's properties show when it was really made (ReportLab's invariant
    # mode would stamp 2000-01-01); the tests compare extracted text, never bytes
    return ReportDocument(str(out), title=title, author=author, subject=subject,
                          creator="kanwa-review", invariant=0, displayDocTitle=1,
                          initialFontName=report_font().fontName)
