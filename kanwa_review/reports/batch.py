"""`report --all`: every facility's latest finalised review in one PDF.

Each report starts on a new page, has its own top-level outline entry (施設コード 施設名) with its
sections beneath, and its own page numbering: the footer "n / N" counts the pages of that
facility's report, which is what a hub needs when it hands each hospital its pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import PageBreak

from kanwa_review.core.jobs import Progress, tick
from kanwa_review.reports.feedback import FeedbackReport, context_for, story
from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.pages import new_document

@dataclass(frozen=True)
class BatchResult:
    path: Path
    reports: int
    # facilities whose report could not be made (label, the error): left out, the rest printed
    skipped: tuple[tuple[str, Exception], ...] = ()
    warnings: tuple[str, ...] = ()


def write_all(reports: Sequence[FeedbackReport], out: str | Path, *,
              progress: Progress | None = None) -> BatchResult:
    """Write `reports` (gathered by services/reports.py) into one PDF; Cancelled when
    `progress` says stop (nothing is written then)."""
    report_font()
    if not reports:
        raise LookupError("確定済みの評価がありません (no finalised review in the database; "
                          "finalise a review first)")
    flow: list = []
    total = len(reports)
    skipped: list[tuple[str, Exception]] = []
    for n, report in enumerate(reports):
        try:
            part = story(report, ctx=context_for(report.data, n, nested=True))
        except Exception as exc:  # noqa: BLE001 — one facility's odd value: the others print
            r = report.data.review
            skipped.append((f"{r.facility_code} {r.facility_name}", exc))
            continue
        if flow:
            flow.append(PageBreak())
        flow += part
    if not flow:
        label, exc = skipped[0]
        raise ValueError(f"{label}: {exc}")
    tick(progress, total, total + 1, "PDFを組版しています…")
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    doc = new_document(tmp, title="緩和ケアピアレビュー評価報告書（全施設）", author="kanwa-review",
                       subject=f"各施設の最新の確定評価 {total} 件")
    try:
        doc.build(flow)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(total + 1, total + 1, "")
    return BatchResult(out, total - len(skipped), tuple(skipped))
