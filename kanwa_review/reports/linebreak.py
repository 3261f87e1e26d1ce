"""Japanese line breaking (禁則処理) and a text flowable that draws the lines it computed.

ReportLab's CJK wrapping hangs one closing mark at most and ignores opening brackets at a line
end, so the report breaks lines itself: a line never starts with a closing mark or small kana
(、。」）ー …), never ends with an opening bracket (「（『 …), and Latin words and numbers stay whole.
Text is drawn with drawString, so it is never parsed as markup.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from kanwa_review.reports.fonts import report_font

# 行頭禁則: characters that must not begin a line
NO_START = set("、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»"
               "ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
               "‐゠–〜～？！?!‼⁇⁈⁉・：；:;/％%‰℃°′″")
# 行末禁則: characters that must not end a line
NO_END = set("（(［[｛{〔〈《「『【〘〖〝‘“｟«￥＄$£＃#")


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80 or ch in NO_START or ch in NO_END


def tokens(text: str) -> list[str]:
    """Units a line may break between: one CJK character, a Latin word/number, or a space."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or _is_wide(ch):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


class _Widths:
    """Character widths of the report font in points, cached per size (stringWidth is slow)."""

    def __init__(self, size: float):
        self.size = size
        face = report_font().face
        self._table = face.charWidths
        self._default = face.defaultWidth
        self._cache: dict[str, float] = {}

    def __call__(self, s: str) -> float:
        w = self._cache.get(s)
        if w is None:
            t = self._table
            w = sum(t.get(ord(c), self._default) for c in s) * self.size / 1000.0
            self._cache[s] = w
        return w


_widths: dict[float, _Widths] = {}


def widths(size: float) -> _Widths:
    w = _widths.get(size)
    if w is None:
        w = _widths[size] = _Widths(size)
    return w


def break_lines(text: str, width: float, size: float) -> list[str]:
    """Lines of `text` (explicit newlines kept) that fit `width` points at `size`."""
    measure = widths(size)
    lines: list[str] = []
    for para in text.split("\n"):
        toks = tokens(para)
        if not toks:
            lines.append("")
            continue
        lines.extend(_break_paragraph(toks, width, measure))
    return lines


def _split_long(token: str, width: float, measure) -> list[str]:
    """A word wider than the line (a long URL) is cut by characters: the only way it fits."""
    parts, cur = [], ""
    for ch in token:
        if cur and measure(cur + ch) > width:
            parts.append(cur)
            cur = ""
        cur += ch
    if cur:
        parts.append(cur)
    return parts


def _break_paragraph(toks: list[str], width: float, measure) -> list[str]:
    expanded: list[str] = []
    for t in toks:
        expanded.extend(_split_long(t, width, measure) if len(t) > 1 and measure(t) > width
                        else (t,))
    toks = expanded
    lines = []
    start, n = 0, len(toks)
    while start < n:
        while start < n and toks[start] == " " and lines:
            start += 1  # the space at a break disappears
        if start >= n:
            break
        used, end = 0.0, start
        while end < n and used + measure(toks[end]) <= width + 0.01:
            used += measure(toks[end])
            end += 1
        if end == start:
            end = start + 1  # a single token wider than the line: place it anyway
        if end < n:
            brk = end
            # 追い出し: move characters to the next line until both rules hold
            while brk - start > 1 and (toks[brk][0] in NO_START or toks[brk - 1][-1] in NO_END):
                brk -= 1
            if toks[brk][0] in NO_START:
                # nothing left to push back (one-character line): hang the mark (ぶら下げ)
                brk = end + 1 if toks[end][0] in NO_START else end
            end = brk
        lines.append("".join(toks[start:end]).rstrip(" "))
        start = end
    return lines


class JText(Flowable):
    """A block of plain text with kinsoku line breaking; splits across pages by lines."""

    def __init__(self, text: str, size: float = 9, leading: float | None = None,
                 color=colors.black, indent: float = 0, space_after: float = 0):
        super().__init__()
        self.text = text
        self.size = size
        self.leading = leading or size * 1.45
        self.color = color
        self.indent = indent
        self.spaceAfter = space_after
        self._lines: list[str] | None = None
        self._for_width: float | None = None

    def lines_for(self, width: float) -> list[str]:
        if self._lines is None or self._for_width != width:
            self._lines = break_lines(self.text, max(width - self.indent, self.size), self.size)
            self._for_width = width
        return self._lines

    def wrap(self, availWidth, availHeight):
        lines = self.lines_for(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.leading + self.size * 0.3
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self.lines_for(availWidth)
        fit = int((availHeight - self.size * 0.3) // self.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = JText("", self.size, self.leading, self.color, self.indent)
        tail = JText("", self.size, self.leading, self.color, self.indent, self.spaceAfter)
        head._lines, head._for_width = lines[:fit], availWidth
        tail._lines, tail._for_width = lines[fit:], availWidth
        return [head, tail]

    def draw(self):
        c = self.canv
        c.setFont(report_font().fontName, self.size)
        c.setFillColor(self.color)
        y = self.height - self.size * 1.05
        for line in self._lines or ():
            if line:
                c.drawString(self.indent, y, line)
            y -= self.leading
