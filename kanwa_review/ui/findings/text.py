"""How the findings tab words a finding: its kind, its line in a group's list and the linked
items shown under the editor. Plain functions, so the wording is testable without widgets."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kanwa_review.core.form_text import text as form_text
from kanwa_review.core.review import Finding

_PREVIEW = 160             # characters of a finding shown in its list line
_ITEM_PREVIEW = 28         # characters of a linked item's text shown under the editor

# the kinds of finding (core.review.FINDING_LABELS), marked for the catalog: as a heading
# (context FindingKind: "Strengths") and inside a sentence (FindingNoun: "Add strength")
KIND_LABELS = {"strength": QT_TRANSLATE_NOOP("FindingKind", "良い点"),
               "improve": QT_TRANSLATE_NOOP("FindingKind", "改善が望まれる点"),
               "recommendation": QT_TRANSLATE_NOOP("FindingKind", "提言")}
KIND_NOUNS = {"strength": QT_TRANSLATE_NOOP("FindingNoun", "良い点"),
              "improve": QT_TRANSLATE_NOOP("FindingNoun", "改善が望まれる点"),
              "recommendation": QT_TRANSLATE_NOOP("FindingNoun", "提言")}


def kind_label(kind: str) -> str:
    """A kind of finding as a heading, in the reader's language (良い点 / Strengths)."""
    label = KIND_LABELS.get(kind)
    return kind if label is None else QCoreApplication.translate("FindingKind", label)


def kind_noun(kind: str) -> str:
    """A kind of finding inside a sentence (「良い点を追加」 / "Add strength")."""
    noun = KIND_NOUNS.get(kind)
    return kind if noun is None else QCoreApplication.translate("FindingNoun", noun)


def finding_line(number: int, finding: Finding, action_count: int = 0) -> str:
    """"3. text…" and, on a second line, its linked items and how many actions answer it."""
    text = finding.text if len(finding.text) <= _PREVIEW else finding.text[:_PREVIEW] + "…"
    line = f"{number}. {text}"
    extras = []
    if finding.item_codes:
        separator = QCoreApplication.translate("FindingText", "、", "list separator")
        extras.append(QCoreApplication.translate("FindingText", "関連: {items}").format(
            items=separator.join(finding.item_codes)))
    if action_count:
        extras.append(QCoreApplication.translate("FindingText", "改善計画 {count}件").format(
            count=action_count))
    if extras:
        separator = QCoreApplication.translate("FindingText", "／", "between details")
        line += "\n" + QCoreApplication.translate("FindingText", "［{details}］").format(
            details=separator.join(extras))
    return line


def linked_items_text(form, codes) -> tuple[str, str]:
    """(the short "関連項目: …" line, a tooltip with each linked item's whole text)."""
    if not codes:
        return QCoreApplication.translate("FindingText", "関連項目: なし"), ""
    short, full = [], []
    for code in codes:
        text = form_text(form.item(code).text) if form.has_item(code) else ""
        full.append(f"{code} {text}".strip())
        short.append(f"{code} {text[:_ITEM_PREVIEW]}{'…' if len(text) > _ITEM_PREVIEW else ''}"
                     .strip())
    separator = QCoreApplication.translate("FindingText", "／", "between details")
    return (QCoreApplication.translate("FindingText", "関連項目: {items}").format(
        items=separator.join(short)), "\n".join(full))
