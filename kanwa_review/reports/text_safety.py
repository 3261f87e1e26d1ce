"""Make user text safe to print: no markup interpretation, no characters the font lacks.

Report text is drawn literally (reports/linebreak.py draws strings, never parses markup), so
`<b>` and `&` print as typed. What remains is characters IPAexGothic cannot draw — emoji, rare
kanji outside JIS X 0208/0213, control characters — which would print as blank boxes or break
layout; they become 〓 (the geta mark, the Japanese printer's sign for a missing glyph).
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from kanwa_review.reports.fonts import covered_codepoints

MISSING = "\u3013"  # 〓
_ALLOWED_CONTROLS = {"\n", "\t"}


def printable(text: str | None) -> str:
    """`text` with line ends normalised, tabs as spaces, and every undrawable character as 〓."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    cover = covered_codepoints()
    out = []
    prev_missing = False
    for ch in text:
        if ch in _ALLOWED_CONTROLS:
            out.append("    " if ch == "\t" else ch)
            prev_missing = False
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf") and ord(ch) not in cover:
            continue  # variation selectors, ZWJ, combining marks of emoji sequences: drop
        if cat.startswith("C") or ord(ch) not in cover:
            if not prev_missing:  # one 〓 per run, so a ZWJ emoji family is one mark
                out.append(MISSING)
            prev_missing = True
            continue
        prev_missing = False
        out.append(ch)
    return "".join(out)


def markup(text: str | None) -> str:
    """printable() and XML-escaped, for the few places that use ReportLab Paragraph markup."""
    return escape(printable(text)).replace("\n", "<br/>")
