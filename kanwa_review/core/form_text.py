"""The form in the reader's language: its texts, its title and version, and the traces of its
items as readable labels — one language at a time, the one of the process (core.i18n).

The form file carries its own texts in Japanese and English (`Text`, `BilingualText`): a screen
or a report shows `text(item.text)`, never `item.text.ja` beside `item.text.en`. What the file
writes for developers — the form's id, the source codes of `traces_to` (`guideline-2022 …`,
`seed: …`) — is shown as the reader's words (「整備指針(2022) PDCAサイクルの確保」).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kanwa_review.core.i18n import language, translate

if TYPE_CHECKING:  # the form's types, for readers; this module needs only their attributes
    from kanwa_review.core.form import Form, Item, Text

# the designation guideline of a year: `guideline-2022 PDCAサイクルの確保`
_GUIDELINE = re.compile(r"guideline-(\d{4})")


def text(value: Text | None) -> str:
    """A text of the form in the process's language; "" for a text the form leaves out.
    English falls back to the Japanese where the form has none (guidance may be Japanese only)."""
    return "" if value is None else value.get(language())


def form_title(form: Form) -> str:
    """The form as a reader names it: 「緩和ケア提供体制 ピアレビュー評価票 2026.2版」,
    "Palliative Care Peer Review Checklist, version 2026.2" — not its id."""
    return translate("form_text", "{title} {version}版").format(title=text(form.title),
                                                               version=form.version)


def _source_name(code: str) -> str | None:
    """The reader's name of a source code of `traces_to` (the conventions are listed at the top
    of forms/palliative-care-peer-review.yaml); None for a code this app does not know."""
    year = _GUIDELINE.fullmatch(code)
    if year:
        return translate("form_text", "整備指針({year})").format(year=year[1])
    names = {
        "WG16": translate("form_text", "実地調査WG(2016)"),
        "seed:": translate("form_text", "厚労省 連絡事項(2020)"),
        "QI:": translate("form_text", "QI"),
    }
    return names.get(code)


def trace_label(trace: str) -> str:
    """One entry of `traces_to` as a reader reads it: the source's name, then the clause or
    topic as the form writes it (「整備指針(2022) Ⅱ-2-(1)-③」). An entry in no known
    convention (a law's name, say) is shown as written."""
    if trace == "peer-review convention":
        return translate("form_text", "ピアレビューの慣行")
    code, _, rest = trace.partition(" ")
    name = _source_name(code)
    if name is None:
        return trace
    return f"{name} {rest}" if rest else name


def trace_labels(item: Item) -> str:
    """Every requirement an item traces to, as one line."""
    separator = translate("form_text", "、", "list separator")
    return separator.join(trace_label(t) for t in item.traces_to)


__all__ = ["text", "form_title", "trace_label", "trace_labels"]
