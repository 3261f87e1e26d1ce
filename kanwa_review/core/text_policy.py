"""What text may hold (one policy for every reader of outside files and for the app's own input),
and how text that came from a file is shown on a terminal.

Two kinds of text:
  LINE  names and short one-line fields (a person, a facility, a period, an author);
  FREE  free text (evidence, comments, findings, notes), which may hold line breaks and tabs.

Refused everywhere: control characters (C0 except newline, carriage return and tab in free text;
DEL; C1), bidirectional controls (an RLO makes 「abc」 print as 「cba」), lone surrogates (not
text at all: they cannot be written as UTF-8) and Unicode noncharacters. Refused in LINE text
as well: every other invisible format character (zero-width space, joiner, BOM, soft hyphen …)
and the line and paragraph separators, so two names that look the same are the same name.
Accepted text is kept in Unicode normal form C (`clean`).

A reader of a file refuses text that breaks the policy (`problem` says which rule, where);
the app's own input is cleaned instead (`clean` drops what the policy refuses), so that nothing
the app writes can be refused by another copy of the app.
"""

from __future__ import annotations

import re
import unicodedata

from kanwa_review.core.i18n import translate

LINE, FREE = "line", "free"

# Bidi_Control (Unicode PropList): marks, embeddings, overrides and isolates
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
_FREE_CONTROLS = frozenset("\n\r\t")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def refused_character(ch: str, kind: str = FREE) -> str | None:
    """Why one character is refused in text of `kind` (a short Japanese name of the rule), or
    None when it is allowed."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        if kind == FREE and ch in _FREE_CONTROLS:
            return None
        return translate("text_policy", "制御文字")
    if 0xD800 <= code <= 0xDFFF:
        return translate("text_policy", "対になっていないサロゲート（文字として壊れています）")
    if ch in BIDI_CONTROLS:
        return translate("text_policy", "文字の向きを変える制御文字")
    if _is_noncharacter(code):
        return translate("text_policy", "Unicode の非文字")
    if kind == LINE:
        category = unicodedata.category(ch)
        if category == "Cf":
            return translate("text_policy", "目に見えない書式文字（ゼロ幅スペースなど）")
        if category in ("Zl", "Zp"):
            return translate("text_policy", "改行文字")
    return None


# Characters no rule refuses: printable ASCII and Latin, and the scripts Japanese text is
# written in (CJK symbols, kana, ideographs, Hangul, full- and half-width forms). Text made of
# these alone — nearly every text — is accepted by one regular-expression match in C; any
# other character sends the text through the rules one character at a time.
_PLAIN = "\x20-\x7e\xa0-\xac\xae-\u05ff\u3000-\u9fff\uac00-\ud7a3\uff01-\uffef"
_PLAIN_LINE = re.compile(f"[{_PLAIN}]*")
_PLAIN_FREE = re.compile(f"[{_PLAIN}\n\r\t]*")


def plain(text: str, kind: str) -> bool:
    """Whether `text` holds only characters no rule refuses (a fast, sufficient test)."""
    return (_PLAIN_FREE if kind == FREE else _PLAIN_LINE).fullmatch(text) is not None


def problem(text: str, kind: str = FREE, max_length: int | None = None) -> str | None:
    """Why `text` is refused (the rule, the character and its position), or None."""
    if max_length is not None and len(text) > max_length:
        return translate("text_policy", "{n:,} 文字あります。{limit:,} 文字以内にしてください").format(
            n=len(text), limit=max_length)
    if plain(text, kind):
        return None   # the common case, without looking at each character
    for n, ch in enumerate(text):
        rule = refused_character(ch, kind)
        if rule is not None:
            return translate("text_policy", "{rule} U+{code:04X}（{n} 文字目）は使えません").format(
                rule=rule, code=ord(ch), n=n + 1)
    return None


def clean(text: str, kind: str = FREE) -> str:
    """`text` without the characters the policy refuses, in normal form C (for the app's own
    input: what a person typed or pasted)."""
    if not plain(text, kind):
        text = "".join(ch for ch in text if refused_character(ch, kind) is None)
    return normal(text)


def normal(text: str) -> str:
    """`text` in Unicode normal form C (accepted text is stored that way; text already in it
    is returned as it is)."""
    return unicodedata.normalize("NFC", text)


# --- showing text from files ----------------------------------------------------------------

def _decode_name_bytes(raw: bytes) -> str:
    """Bytes of a file name as a person sees them: UTF-8, else Shift_JIS (a name from a Windows
    ZIP unpacked on Linux or macOS) when that reads as text — no control character, no
    private-use character, the marks of a wrong guess — else UTF-8 with each other byte as
    \\xNN."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        text = None
    if text is not None and not any(unicodedata.category(c) in ("Cc", "Co") for c in text):
        return text
    return raw.decode("utf-8", errors="backslashreplace")


def _is_escape(ch: str) -> bool:
    return 0xDC80 <= ord(ch) <= 0xDCFF


def _restore_names(text: str) -> str:
    """Runs of surrogate escapes decoded as the bytes they stand for. A Shift_JIS character
    is a lead byte (escaped) and a trail byte that may be ASCII (0x40–0x7E, read as itself), so
    a run takes one such character after each escape: 「提出」 is 92 F1 8F 6F, read as three
    escapes and "o"."""
    if not any(_is_escape(c) for c in text):
        return text
    out: list[str] = []
    n, end = 0, len(text)
    while n < end:
        if not _is_escape(text[n]):
            out.append(text[n])
            n += 1
            continue
        run = bytearray()
        while n < end and _is_escape(text[n]):
            run.append(ord(text[n]) - 0xDC00)
            n += 1
            if n < end and 0x40 <= ord(text[n]) <= 0x7E:
                run.append(ord(text[n]))
                n += 1
        out.append(_decode_name_bytes(bytes(run)))
    return "".join(out)


def _escape(ch: str) -> str:
    """\\x1b for an ASCII control character, \\u009b or \\u202e for any other."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """Text from a file made safe to print: a file name's undecodable bytes decoded (UTF-8,
    else Shift_JIS), and every character a terminal would act on — control characters (an
    escape sequence can clear the screen or fake output), bidirectional and other invisible
    format characters, surrogates — written as a visible \\xNN or \\uNNNN. Line breaks and tabs
    stay."""
    text = _restore_names(text)
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\n" or ch == "\t":
            out.append(ch)
        elif refused_character(ch, LINE) is not None:
            out.append(_escape(ch))
        else:
            out.append(ch)
    return "".join(out)


def display_name(name: str) -> str:
    """A file name as the user sees it, safe to print and to store: the name's bytes decoded
    (UTF-8, else Shift_JIS), every control or invisible character escaped, never an error."""
    return for_terminal(str(name)).replace("\n", "\\n").replace("\t", "\\t")


__all__ = ["LINE", "FREE", "BIDI_CONTROLS", "refused_character", "plain", "problem", "clean",
           "normal",
           "for_terminal", "display_name"]
