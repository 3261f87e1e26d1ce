"""キー操作の早見表: one A4 page of the keyboard workflow for the team to print, made from the
same shortcut table the app's menus and ヘルプ ▸ キーボード操作 use (core/shortcuts.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate, Frame, FrameBreak, KeepTogether, PageTemplate, Spacer, Table, TableStyle,
)

from kanwa_review.core.i18n import translate
from kanwa_review.reports.feedback import GREY, GRID, HEAD_BACKGROUND, t
from kanwa_review.reports.fonts import report_font

MARGIN = 12 * mm
GAP = 8 * mm
HEAD_HEIGHT = 24 * mm
COLUMN = (A4[0] - 2 * MARGIN - GAP) / 2
KEY_WIDTH = 33 * mm
SIZE = 9.2


def _shortcuts():
    """core/shortcuts.py, the table the app's menus and keyboard list use (imported on use)."""
    from kanwa_review.core import shortcuts

    return shortcuts


def _area_table(title: str, entries) -> KeepTogether:
    shortcuts = _shortcuts()
    rows = [[t(title, SIZE + 0.8), ""]]
    rows += [[t(shortcuts.keys_text(s), SIZE), t(s.does, SIZE)] for s in entries]
    table = Table(rows, colWidths=[KEY_WIDTH, COLUMN - KEY_WIDTH])
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BACKGROUND),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2)]))
    return KeepTogether([table, Spacer(1, 3 * mm)])


def story() -> list:
    """The page: a heading across the top, then each area's keys, in two columns."""
    areas = _shortcuts().listed()
    out = [t(translate("Reports", "kanwa-review キー操作の早見表"), 15, space_after=3),
           t(translate("Reports", "チェックリストはキーボードだけで入力できます。項目の一覧で評価のキーを押すと保存され、"
                                  "次の項目へ進みます（保存ボタンはありません）。"), 8.5, GREY),
           FrameBreak()]
    # the first areas fill the left column, the rest the right; ReportLab moves on by itself
    for title, entries in areas:
        out.append(_area_table(title, entries))
    return out


def _footer(version: str):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(report_font().fontName, 7)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 7 * mm, translate(
            "Reports", "kanwa-review {version}　ヘルプ → キーボード操作 と同じ一覧です").format(
            version=version))
        canvas.restoreState()
    return draw


def write_quick_reference(out: str | Path, *, version: str) -> Path:
    """Write the page to `out` (.pdf), under a temporary name renamed at the end."""
    report_font()
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    width, height = A4
    body_height = height - 2 * MARGIN - HEAD_HEIGHT
    frames = [Frame(MARGIN, height - MARGIN - HEAD_HEIGHT, width - 2 * MARGIN, HEAD_HEIGHT,
                    id="head", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
              Frame(MARGIN, MARGIN, COLUMN, body_height, id="left", leftPadding=0,
                    rightPadding=0, topPadding=0, bottomPadding=0),
              Frame(MARGIN + COLUMN + GAP, MARGIN, COLUMN, body_height, id="right",
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]
    doc = BaseDocTemplate(str(tmp), pagesize=A4, title=translate(
        "Reports", "kanwa-review キー操作の早見表"), author="kanwa-review",
        creator="kanwa-review", invariant=0,
        initialFontName=report_font().fontName)
    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=_footer(version))])
    try:
        doc.build(story())
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


__all__ = ["write_quick_reference", "story"]
