"""The embedded report font: IPAexGothic from resources/fonts, registered once per process."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kanwa_review.core.resources import font_path

FONT = "IPAexGothic"
_lock = threading.Lock()
_font: TTFont | None = None


def report_font() -> TTFont:
    """Register IPAexGothic (a TTFont, so ReportLab embeds only the glyphs used: a subset).

    Raises FileNotFoundError naming the missing file: a report without its Japanese font would
    print as boxes, so there is no silent fallback."""
    global _font
    with _lock:
        if _font is None:
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(
                    f"report font missing: {path} (reinstall kanwa-review; the font ships in "
                    "resources/fonts)")
            font = TTFont(FONT, str(path))
            pdfmetrics.registerFont(font)
            # the font has no bold/italic faces; map them to itself so markup never fails
            from reportlab.lib.fonts import addMapping
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _font = font
        return _font


def covered_codepoints() -> frozenset[int]:
    """Every character the font can draw (used to replace the others visibly)."""
    return _codepoints()


_cover: frozenset[int] | None = None


def _codepoints() -> frozenset[int]:
    global _cover
    if _cover is None:
        _cover = frozenset(report_font().face.charToGlyph)
    return _cover
