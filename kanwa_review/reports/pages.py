"""Page furniture shared by single and batch reports: A4 template, header, "n / N" footer,
DRAFT watermark, headings with PDF outline entries, and document metadata."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

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
    footer_note: str = ""         # printed at the left of the footer (e.g. 取扱注意)
    header_title: str = "緩和ケア ピアレビュー評価報告書"
    numbered: bool = True         # "n / N" in the footer

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
        # the physical page the report starts on, for a batch's cover (PageRange)
        self.canv._kanwa_starts.setdefault(self.ctx.index, self.canv.getPageNumber())


class BlankPage(Flowable):
    """A page left blank on purpose (a batch for duplex printing starts every facility on an
    odd page): no header, no footer, no numbering, and a small note saying so. Put it between
    two PageBreaks."""

    NOTE = "（このページは両面印刷のための白紙です）"

    def __init__(self):
        super().__init__()
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        c = self.canv
        c._kanwa_ctx = None
        c.saveState()
        c.setFont(report_font().fontName, 8)
        c.setFillColor(colors.HexColor("#999999"))
        c.drawCentredString(CONTENT_WIDTH / 2, -(PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) / 2,
                            self.NOTE)
        c.restoreState()


class OddPageBreak(ActionFlowable):
    """A page break after which content starts on an odd page: when the next page would be
    even, a BlankPage is put in between (duplex printing separates cleanly)."""

    def __init__(self):
        super().__init__(("oddPageBreak",))

    def apply(self, doc):
        doc.handle_pageBreak()
        if doc.page % 2 == 1:  # the page just ended is odd: the next would be even
            # ReportLab runs its "hanging" flowables (the next page's start) before the
            # rest of the story, so a blank page is made here without measuring anything
            doc._hanging.extend([BlankPage(), PageBreak()])
            doc.blank_pages += 1


class PageRange(Flowable):
    """「23–42」: the pages of report `index` in this PDF, drawn on a batch's cover before
    those pages exist. Like the "N" of the footer, it places a form XObject that the canvas
    defines when it saves, once every report's pages are known."""

    def __init__(self, index: int, size: float = 8):
        super().__init__()
        self.index = index
        self.size = size

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.size * 1.45
        return self.width, self.height

    def draw(self):
        self.canv._kanwa_ranges.add(self.index)
        self.canv.saveState()
        self.canv.translate(0, self.height - self.size * 1.05)
        self.canv.doForm(_range_form(self.index))
        self.canv.restoreState()


def _range_form(index: int) -> str:
    return f"kanwaRange{index}"


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

    def __init__(self, *args, kanwa_spans: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # filled at save: report index -> (first, last) physical page (the document's dict)
        self._kanwa_spans = kanwa_spans if kanwa_spans is not None else {}
        self._kanwa_pages: dict[int, int] = {}     # report index -> pages counted
        self._kanwa_starts: dict[int, int] = {}    # report index -> first physical page
        self._kanwa_ranges: set[int] = set()       # reports whose range a PageRange shows

    def page_of_report(self, index: int) -> int:
        self._kanwa_pages[index] = self._kanwa_pages.get(index, 0) + 1
        return self._kanwa_pages[index]

    def spans(self) -> dict[int, tuple[int, int]]:
        """report index -> (first, last) physical page, for every report begun."""
        return {index: (start, start + self._kanwa_pages.get(index, 1) - 1)
                for index, start in self._kanwa_starts.items()}

    def save(self):
        for index, total in self._kanwa_pages.items():
            self.beginForm(_total_form(index))
            self.setFont(report_font().fontName, 8)
            self.setFillColor(FOOTER_GREY)
            self.drawString(0, 0, str(total))
            self.endForm()
        spans = self.spans()
        for index in self._kanwa_ranges:
            first_last = spans.get(index)
            self.beginForm(_range_form(index))
            self.setFont(report_font().fontName, 8)
            self.drawString(0, 0, f"{first_last[0]}–{first_last[1]}" if first_last else "—")
            self.endForm()
        self._kanwa_spans.update(spans)
        super().save()


FOOTER_GREY = colors.HexColor("#444444")


def _total_form(index: int) -> str:
    return f"kanwaTotal{index}"


def _footer(canvas, ctx) -> None:
    canvas.setFont(report_font().fontName, 8)
    canvas.setFillColor(FOOTER_GREY)
    if ctx.footer_note:
        canvas.drawString(MARGIN_X, 10 * mm, ctx.footer_note)
    if not ctx.numbered:
        return
    n = canvas.page_of_report(ctx.index)
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
    canvas.drawRightString(PAGE_W - MARGIN_X, y, f"{ctx.header_title}　{ctx.review}".strip())
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
        # the report is written in Japanese (its body quotes the form's Japanese), so is its mark
        canvas.drawCentredString(0, 0, "下書き")
    canvas.restoreState()


class ReportDocument(BaseDocTemplate):
    def __init__(self, filename, **kw):
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, **kw)
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=_furniture)])
        self.report_pages: dict[int, int] = {}
        self.report_spans: dict[int, tuple[int, int]] = {}
        self.blank_pages = 0

    def afterFlowable(self, flowable):
        if isinstance(flowable, ReportStart):
            # the physical page each report starts on (a batch's cover lists them)
            self.report_pages.setdefault(flowable.ctx.index, self.page)
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
        self.report_pages, self.report_spans, self.blank_pages = {}, {}, 0
        super().build(flowables, canvasmaker=functools.partial(
            _NumberedCanvas, kanwa_spans=self.report_spans), **kw)


def new_document(out: Path, *, title: str, author: str, subject: str) -> ReportDocument:
    # invariant=0: the PDF's properties show when it was really made (ReportLab's invariant
    # mode would stamp 2000-01-01); the tests compare extracted text, never bytes
    return ReportDocument(str(out), title=title, author=author, subject=subject,
                          creator="kanwa-review", invariant=0, displayDocTitle=1,
                          initialFontName=report_font().fontName)
