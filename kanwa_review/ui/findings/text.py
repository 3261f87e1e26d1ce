"""How the findings tab words a finding: its line in a group's list and the linked items shown
under the editor. Plain functions, so the wording is testable without widgets."""

from __future__ import annotations

from kanwa_review.core.review import Finding

_PREVIEW = 160             # characters of a finding shown in its list line
_ITEM_PREVIEW = 28         # characters of a linked item's text shown under the editor


def finding_line(number: int, finding: Finding, action_count: int = 0) -> str:
    """"3. text…" and, on a second line, its linked items and how many actions answer it."""
    text = finding.text if len(finding.text) <= _PREVIEW else finding.text[:_PREVIEW] + "…"
    line = f"{number}. {text}"
    extras = []
    if finding.item_codes:
        extras.append("関連: " + "、".join(finding.item_codes))
    if action_count:
        extras.append(f"改善計画 {action_count}件")
    if extras:
        line += "\n［" + "／".join(extras) + "］"
    return line


def linked_items_text(form, codes) -> tuple[str, str]:
    """(the short "関連項目: …" line, a tooltip with each linked item's whole text)."""
    if not codes:
        return "関連項目: なし", ""
    short, full = [], []
    for code in codes:
        text = form.item(code).text.ja if form.has_item(code) else ""
        full.append(f"{code} {text}".strip())
        short.append(f"{code} {text[:_ITEM_PREVIEW]}{'…' if len(text) > _ITEM_PREVIEW else ''}"
                     .strip())
    return "関連項目: " + "／".join(short), "\n".join(full)
